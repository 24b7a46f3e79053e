/**
 * The deployed network interfaces the subnets hold, for the NSGs set on them (src/analysis/nic-nsgs.ts).
 * The scopes' networkInterfaces listings (read.ts) give most; a subnet's `ipConfigurations` name every NIC in
 * it, so what they leave out is found and read too:
 *
 * - NICs in resource groups the scan was not told to list (a VM's NIC in the workload's group, in a VNet of
 *   the network group's): those groups' NICs are listed, in the scanned subscriptions only;
 * - VM scale set instances' NICs, which the networkInterfaces listing does not hold: listed per scale set.
 *
 * A NIC still not read (listing refused, throttled past the retries, timed out, cut by the time budget)
 * stays in the model with an unknown NSG saying why and what to grant (map-nics.ts), so its subnets are
 * undecided, never passed.
 */
import type { NetworkInterface as ArmNic, NetworkSecurityGroup, VirtualNetwork } from '@azure/arm-network'
import type { NetworkInterface } from '../../model/network'
import { armScope, liveId } from './arm-id'
import {
  isScaleSetNic,
  mapNetworkInterface,
  NIC_READ_PERMISSION,
  nicsOfSubnets,
  unreadNetworkInterface,
} from './map-nics'
import { collect } from './paging'
import type { ReaderPort, ReadScope } from './reader-port'

export interface LiveNics {
  interfaces: NetworkInterface[]
  /** The deployed NICs read (ARM objects), when every NIC the subnets name was read: else undefined. */
  read?: ArmNic[]
  /** NSGs set on NICs that the scopes' listings did not hold, read by id. */
  nsgs: NetworkSecurityGroup[]
}

const same = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase()

/** The scanned scope an ARM id is in, if any. */
const scopeOf = (scopes: ReadScope[], armId: string): ReadScope | undefined => {
  const at = armScope(armId)
  return scopes.find(
    (s) =>
      same(s.subscriptionId, at.subscriptionId) &&
      (s.resourceGroup === undefined || same(s.resourceGroup, at.resourceGroup)),
  )
}

const groupScope = (subscriptionId: string, resourceGroup: string): ReadScope => ({
  subscriptionId,
  resourceGroup,
  label: `subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`,
})

/** `…/virtualMachineScaleSets/<name>` of a scale set instance's NIC id. */
const scaleSetOf = (nicId: string): string | undefined =>
  /^(.*\/providers\/Microsoft\.Compute\/virtualMachineScaleSets\/[^/]+)\//i.exec(nicId)?.[1]

export async function readNetworkInterfaces(
  reader: ReaderPort,
  scopes: ReadScope[],
  vnets: VirtualNetwork[],
): Promise<LiveNics> {
  const wanted = nicsOfSubnets(vnets)
  const read = new Map<string, ArmNic>()
  const add = (nics: ArmNic[]) => {
    for (const n of nics) if (n.id && !read.has(liveId(n.id))) read.set(liveId(n.id), n)
  }
  add(reader.listed.networkInterfaces)
  const subscriptions = new Set(scopes.map((s) => s.subscriptionId.toLowerCase()))
  /** Why the NICs of a scope were not read, by the scope's label (lowercase). */
  const whyNot = new Map<string, string>()

  // Resource groups outside the scan that hold NICs of the scanned subnets, and the scale sets of instances'.
  const groups = new Map<string, ReadScope>()
  const scaleSets = new Map<string, string>()
  for (const [id, { address }] of wanted) {
    if (read.has(id)) continue
    const set = isScaleSetNic(address) ? scaleSetOf(address) : undefined
    if (set) {
      scaleSets.set(liveId(set), set)
      continue
    }
    const { subscriptionId, resourceGroup } = armScope(address)
    if (!subscriptionId || !resourceGroup || !subscriptions.has(subscriptionId.toLowerCase())) continue
    if (scopeOf(scopes, address)) continue
    const scope = groupScope(subscriptionId, resourceGroup)
    groups.set(scope.label.toLowerCase(), scope)
  }
  const before = reader.listed.networkInterfaces.length
  await Promise.all([...groups.values()].map((g) => reader.list(g, 'networkInterfaces')))
  add(reader.listed.networkInterfaces.slice(before))
  await Promise.all(
    [...scaleSets.values()].map(async (set) => {
      const name = armScope(set).name
      const r = await reader.one(set, `virtualMachineScaleSets/${name}/networkInterfaces`, (c, rg, n, o) =>
        collect(c.networkInterfaces.listVirtualMachineScaleSetNetworkInterfaces(rg, n, o)),
      )
      if (r.value) add(r.value)
      else
        whyNot.set(
          liveId(set),
          `the network interfaces of VM scale set ${name} could not be read (${r.error ?? 'no answer'}); ` +
            `grant read access to the scale set (Reader) to check the NSGs of its instances`,
        )
    }),
  )

  const reason = (address: string): string => {
    const set = isScaleSetNic(address) ? scaleSetOf(address) : undefined
    if (set) return whyNot.get(liveId(set)) ?? 'not returned when its VM scale set was listed'
    const { subscriptionId, resourceGroup } = armScope(address)
    const scope =
      scopeOf(scopes, address) ??
      (subscriptionId && resourceGroup
        ? groups.get(groupScope(subscriptionId, resourceGroup).label.toLowerCase())
        : undefined)
    if (!scope)
      return 'in a subscription the scan does not read; add it to the subscriptions to check its NSG'
    if (reader.incomplete.includes(`${scope.label}/networkInterfaces`))
      return `the network interfaces of ${scope.label} could not be read (not read within the time budget); a longer live-time-budget reads them`
    const error = reader.listingError(scope, 'networkInterfaces')
    if (error)
      return `the network interfaces of ${scope.label} could not be read (${error}); grant ${NIC_READ_PERMISSION} there to check its NSG`
    return `not returned when the network interfaces of ${scope.label} were listed`
  }

  const interfaces: NetworkInterface[] = []
  for (const n of read.values()) {
    const nic = mapNetworkInterface(n)
    if (nic) interfaces.push(nic)
  }
  let complete = true
  for (const [id, { address, subnets }] of wanted)
    if (!read.has(id)) {
      complete = false
      interfaces.push(unreadNetworkInterface(address, subnets, reason(address)))
    }

  // NSGs of NICs in groups the scopes do not list (the NIC's own group, above) are read by id.
  const listedNsgs = new Set(reader.listed.networkSecurityGroups.flatMap((g) => (g.id ? [liveId(g.id)] : [])))
  const outside = new Map<string, string>()
  for (const n of read.values()) {
    const id = n.networkSecurityGroup?.id
    if (!id || listedNsgs.has(liveId(id)) || scopeOf(scopes, id)) continue
    if (subscriptions.has(armScope(id).subscriptionId?.toLowerCase() ?? '')) outside.set(liveId(id), id)
  }
  const nsgs = await Promise.all(
    [...outside.values()].map((id) =>
      reader.one(id, `networkSecurityGroups/${armScope(id).name}`, (c, rg, n, o) =>
        c.networkSecurityGroups.get(rg, n, o),
      ),
    ),
  )
  return {
    interfaces: interfaces.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    ...(complete ? { read: [...read.values()] } : {}),
    nsgs: nsgs.flatMap((r) => (r.value?.id ? [r.value] : [])),
  }
}
