/**
 * Deployed network interfaces → model NetworkInterface (src/analysis/nic-nsgs.ts): a VM's NIC with an NSG of
 * its own filters the VM's KMS traffic before its subnet's NSG does, so a hardened VM in a deployed spoke is
 * judged with its NIC's NSG. Only NICs with an NSG are kept: one without adds nothing to the subnet's path.
 *
 * A subnet lists the IP configurations in it (`ipConfigurations`, ids only), NICs of any resource group
 * included. A NIC named there that was not read (its listing refused, throttled past the retries, cut by the
 * time budget) may have an NSG denying KMS: it becomes a NIC whose NSG is unknown, with why and what to
 * grant, so its subnet is undecided rather than reachable. A subnet without NICs has no NIC NSG to decide.
 */
import type { NetworkInterface as ArmNic, VirtualNetwork } from '@azure/arm-network'
import type { NetworkInterface } from '../../model/network'
import { known, unknown } from '../../model/value'
import { liveId } from './arm-id'
import { liveHeader } from './map'

export const NIC_TYPE = 'Microsoft.Network/networkInterfaces'

/** The role permission that lets the scan list network interfaces. */
export const NIC_READ_PERMISSION = 'Microsoft.Network/networkInterfaces/read'

/** A deployed NIC with an NSG; undefined for one without (its subnet's path is all there is). */
export function mapNetworkInterface(n: ArmNic): NetworkInterface | undefined {
  if (!n.id || !n.networkSecurityGroup?.id) return undefined
  const h = liveHeader(n.id, n.name, NIC_TYPE)
  const subnets = [
    ...new Set((n.ipConfigurations ?? []).flatMap((c) => (c.subnet?.id ? [liveId(c.subnet.id)] : []))),
  ]
  return {
    ...h,
    subnetIds: subnets.map((s) => known(s, h.origin)),
    nsgId: known(liveId(n.networkSecurityGroup.id), h.origin),
    nsgOrigin: h.origin,
  }
}

/**
 * The NIC of an IP configuration a subnet lists (`…/networkInterfaces/<nic>/ipConfigurations/<name>`), as
 * an ARM id; undefined for the other kinds of IP configuration (load balancers, gateways, firewalls).
 * VM scale set NICs (`…/virtualMachineScaleSets/<vmss>/virtualMachines/<i>/networkInterfaces/<nic>/…`) are
 * returned too: the networkInterfaces listing does not hold them.
 */
export function nicOfIpConfiguration(ipConfigurationId: string): string | undefined {
  const m = /^(.*\/networkInterfaces\/[^/]+)\/ipConfigurations\/[^/]+$/i.exec(ipConfigurationId)
  return m?.[1]
}

/** Whether a NIC id is a uniform VM scale set instance's (not in the networkInterfaces listing). */
export const isScaleSetNic = (nicId: string): boolean =>
  /\/providers\/Microsoft\.Compute\/virtualMachineScaleSets\//i.test(nicId)

/** NIC ARM id (as a subnet lists it) → the live model ids of the subnets that list it. */
export function nicsOfSubnets(vnets: VirtualNetwork[]): Map<string, { address: string; subnets: string[] }> {
  const out = new Map<string, { address: string; subnets: string[] }>()
  for (const v of vnets)
    for (const s of v.subnets ?? []) {
      if (!s.id) continue
      for (const c of s.ipConfigurations ?? []) {
        const nic = c.id ? nicOfIpConfiguration(c.id) : undefined
        if (!nic) continue
        const e = out.get(liveId(nic)) ?? { address: nic, subnets: [] }
        if (!e.subnets.includes(liveId(s.id))) e.subnets.push(liveId(s.id))
        out.set(liveId(nic), e)
      }
    }
  return out
}

/**
 * A NIC a subnet lists that was not read: in its subnets, with an NSG that cannot be told (`reason` says why
 * and what would resolve it), so the analysis names it instead of passing the subnet.
 */
export function unreadNetworkInterface(address: string, subnets: string[], reason: string): NetworkInterface {
  const h = liveHeader(address, undefined, NIC_TYPE)
  return {
    ...h,
    subnetIds: subnets.map((s) => known(s, h.origin)),
    nsgId: unknown(`${address}.networkSecurityGroup.id`, reason, h.origin),
    nsgOrigin: h.origin,
  }
}
