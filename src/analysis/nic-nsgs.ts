/**
 * NSGs set on network interfaces. Azure filters a VM's outbound traffic with its NIC's NSG, then with its
 * subnet's (NSG overview, "How network security groups filter network traffic"): KMS leaves only if both
 * let it out, and the platform exception for KMS applies to each as it does to the subnet's. A subnet's
 * Windows VMs behind a NIC whose NSG denies KMS cannot activate although the subnet's own path is open.
 *
 * A NIC whose subnet cannot be told (a subnet_id the scan could not resolve) may be in any subnet of the
 * unit: where its NSG would block KMS, every subnet is undecided, naming the NIC's subnet reference; one whose
 * subnet is one of a few (`azurerm_subnet.this[var.k].id`) only those few. One in a subnet the scan only reads (a data source of another unit's subnet) is not followed there.
 */
import type { NetworkInterface, RouteTable, EffectiveRouteEntry, Subnet } from '../model/network'
import { type Tri, unknown } from '../model/value'
import type { ModelIndex } from './lookup'
import { evaluateNsg, nsgBlocks, type ExtraRoutes, platformException } from './nsg'
import type { NicNsgVerdict, UnresolvedValue } from './types'

interface Placed {
  /** subnet model id → the NICs with an NSG whose IP configurations are in it. */
  bySubnet: Map<string, NetworkInterface[]>
  /** NICs with an NSG and an IP configuration whose subnet is not known. */
  unplaced: NetworkInterface[]
  /**
   * subnet model id → NICs with an NSG whose subnet is one of a few, this one among them
   * (`azurerm_subnet.this[var.k].id`, Unknown.candidates): they may be in it, not in any subnet.
   */
  maybeIn: Map<string, NetworkInterface[]>
}

const placements = new WeakMap<ModelIndex, Placed>()

function placed(index: ModelIndex): Placed {
  let p = placements.get(index)
  if (p) return p
  p = { bySubnet: new Map(), unplaced: [], maybeIn: new Map() }
  const m = index.model
  for (const nic of [...(m.networkInterfaces ?? []), ...(m.foreign?.networkInterfaces ?? [])]) {
    if (!nic.nsgId) continue
    for (const s of nic.subnetIds) {
      // A subnet known by Azure identity only (a data source the scan does not declare) is not one of
      // this unit's subnets.
      if (!s.known && s.deployed) continue
      if (!s.known && s.candidates) {
        for (const id of s.candidates) {
          const list = p.maybeIn.get(id) ?? []
          if (!list.includes(nic)) list.push(nic)
          p.maybeIn.set(id, list)
        }
        continue
      }
      if (!s.known) {
        if (!p.unplaced.includes(nic)) p.unplaced.push(nic)
        continue
      }
      const list = p.bySubnet.get(s.value) ?? []
      if (!list.includes(nic)) list.push(nic)
      p.bySubnet.set(s.value, list)
    }
  }
  placements.set(index, p)
  return p
}

/** The NICs of `nics` grouped by the NSG they are set to (its model id, or its expression when unknown). */
function byNsg(nics: readonly NetworkInterface[]): Map<string, NetworkInterface[]> {
  const out = new Map<string, NetworkInterface[]>()
  for (const nic of nics) {
    const ref = nic.nsgId!
    const key = ref.known ? ref.value : `?${ref.expression}`
    out.set(key, [...(out.get(key) ?? []), nic])
  }
  return out
}

export interface NicNsgOutcome {
  layers: NicNsgVerdict[]
  /** Whether some NIC NSG blocks KMS for VMs of the subnet. */
  block: Tri
  unknowns: UnresolvedValue[]
}

/**
 * The NIC NSGs of `subnet`'s VMs for TCP 1688 to `address`; undefined when the subnet has none (nor may).
 * `table`, `effective`, `extra`: the subnet's routes, for the platform exception (src/analysis/nsg.ts).
 */
export function evaluateNicNsgs(
  index: ModelIndex,
  subnet: Subnet,
  source: string[] | 'unknown',
  address: string,
  table: RouteTable | UnresolvedValue | undefined,
  effective: EffectiveRouteEntry[] | undefined,
  extra: ExtraRoutes | undefined,
): NicNsgOutcome | undefined {
  const p = placed(index)
  const mine = p.bySubnet.get(subnet.id) ?? []
  const maybe = [...p.unplaced, ...(p.maybeIn.get(subnet.id) ?? [])].filter(
    (n, i, all) => !mine.includes(n) && all.indexOf(n) === i,
  )
  if (mine.length === 0 && maybe.length === 0) return undefined
  const layers: NicNsgVerdict[] = []
  const unknowns: UnresolvedValue[] = []
  let block: Tri = false
  const add = (b: Tri, why: UnresolvedValue[]) => {
    if (b === true) block = true
    else if (b === 'unknown') {
      if (block !== true) block = 'unknown'
      unknowns.push(...why)
    }
  }
  for (const [sure, nics] of [
    [true, mine],
    [false, maybe],
  ] as const) {
    for (const group of byNsg(nics).values()) {
      const nic = group[0]!
      const ref = nic.nsgId!
      const nsg = ref.known ? index.nsgs.get(ref.value) : undefined
      if (!nsg) {
        // The NSG is not in the scanned sources: it may deny KMS (and the AzurePlatformLKM tag).
        const value = ref.known
          ? unknown(ref.value, 'network security group not in the scanned sources', nic.nsgOrigin)
          : ref
        add('unknown', [{ value, attribute: 'nsgId', object: nic }])
        continue
      }
      const verdict = evaluateNsg(nsg, source, address, table, effective, extra)
      // A deny the platform exception lets KMS past is kept too: KMS013 says activation relies on it.
      if (verdict.access !== 'Allow') layers.push({ verdict, nics: group, placed: sure })
      const b = nsgBlocks(verdict)
      if (b === false) continue
      const why: UnresolvedValue[] =
        b === 'unknown'
          ? [...verdict.unknowns, ...platformException(nsg, table, effective, extra).unknowns]
          : []
      if (sure) add(b, why)
      else
        add('unknown', [
          ...why,
          ...group.flatMap((n) =>
            n.subnetIds
              .filter((s) => !s.known)
              .map((value) => ({ value, attribute: 'subnetIds', object: n }) as UnresolvedValue),
          ),
        ])
    }
  }
  return { layers, block, unknowns }
}
