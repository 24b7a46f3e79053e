/**
 * Network interfaces in the overlay of the IaC on the deployed network (overlay.ts): the IaC's NIC replaces
 * the deployed NIC it defines, matched by ARM id when the IaC knows it (plan JSON, an explicit id), else by
 * name and resource group (and subscription, when known), as the other resources are. The deployed NICs it
 * does not define stay, their subnets and NSGs pointing at the IaC objects that replace them.
 *
 * An azurerm NIC carries its NSG in a separate association resource: a Terraform NIC without one leaves the
 * deployed association alone, as a Terraform subnet does its route table's.
 */
import type { NetworkInterface, SourceDiagnostic } from '../../model/network'
import type { Value } from '../../model/value'
import { armScope, liveId } from './arm-id'

export interface NicOverlayContext {
  armIds?: Record<string, string>
  resourceGroups?: Record<string, string>
  isDeleted: (id: string) => boolean
  /** A deployed object's reference, to the IaC object that replaces its target (overlay.ts). */
  fromDeployed: (v: Value<string> | undefined, attribute: string) => Value<string> | undefined
  notice: (d: SourceDiagnostic) => void
}

const lower = (v: Value<string>) => (v.known ? v.value.toLowerCase() : undefined)

export function overlayNetworkInterfaces(
  deployed: NetworkInterface[],
  iac: NetworkInterface[],
  ctx: NicOverlayContext,
): { iac: NetworkInterface[]; deployed: NetworkInterface[] } {
  const deployedIds = new Map(deployed.map((d) => [d.id, d]))
  /** Deployed NIC model id → the IaC NIC that replaces it. */
  const replaced = new Map<string, NetworkInterface>()
  const mine = structuredClone(iac)
  for (const i of mine) {
    const armId = ctx.armIds?.[i.id] ?? (/^\/subscriptions\//i.test(i.id) ? i.id : undefined)
    let old: NetworkInterface | undefined
    if (armId !== undefined) old = deployedIds.get(liveId(armId))
    else {
      const name = lower(i.name)
      const rg = (ctx.resourceGroups?.[i.id] ?? i.resourceGroup)?.toLowerCase()
      const sub = i.subscription?.toLowerCase()
      const candidates =
        name === undefined
          ? []
          : deployed.filter((d) => {
              const scope = armScope(d.address)
              return (
                lower(d.name) === name &&
                (rg === undefined || scope.resourceGroup?.toLowerCase() === rg) &&
                (sub === undefined || scope.subscriptionId?.toLowerCase() === sub)
              )
            })
      if (candidates.length === 1) old = candidates[0]
      else if (candidates.length > 1)
        ctx.notice({
          ruleId: 'KMS012',
          severity: 'notice',
          origin: i.origin,
          address: i.address,
          message:
            `${i.address} matches ${candidates.length} deployed network interfaces named ${name} ` +
            `(${candidates.map((c) => c.address).join(', ')}); all are kept: give the resource group to tell them apart`,
        })
    }
    if (!old) continue
    replaced.set(old.id, i)
    if (i.format === 'terraform' && !i.nsgId && old.nsgId) {
      const carried = ctx.fromDeployed(old.nsgId, 'networkSecurityGroup.id')
      if (carried) {
        i.nsgId = carried
        if (old.nsgOrigin) i.nsgOrigin = old.nsgOrigin
      }
    }
  }
  const kept = deployed
    .filter((d) => !replaced.has(d.id) && !ctx.isDeleted(d.id))
    .map((d) => {
      const nic = structuredClone(d)
      // Azure refuses to delete a subnet that holds a NIC: a subnet the IaC deletes is no place to judge.
      nic.subnetIds = nic.subnetIds.flatMap((s) => {
        const to = ctx.fromDeployed(s, 'subnet.id')
        return to?.known ? [to] : []
      })
      if (nic.nsgId) nic.nsgId = ctx.fromDeployed(nic.nsgId, 'networkSecurityGroup.id') ?? nic.nsgId
      return nic
    })
  return { iac: mine, deployed: kept }
}
