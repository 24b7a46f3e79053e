/**
 * A subnet declared more than once in one deployment, each other declaration behind a condition the scan
 * cannot evaluate (Subnet.redeclarations: Bicep child subnets `if (forceTunnel)` and `if (!forceTunnel)`,
 * src/sources/mapping/subnet-redeclarations.ts). Where a redeclaration is deployed, the subnet has its
 * settings (route table, NSG, NAT gateway, default outbound access, prefixes); where none is, its own.
 *
 * Each redeclaration the trace takes is a fork (./conditions.ts) marked `alternative`: unlike a route or a
 * firewall that may not be there, a redeclaration does not add to a subnet that is known without it, it
 * stands instead of another declaration the scan is just as unsure of; so a block through it does not
 * stand alone: the subnet is judged with each, the verdict stands where they agree, else it is undecided,
 * naming the condition and what each way gives.
 */
import type { Subnet, SubnetRedeclaration } from '../model/network'
import { type Assumptions, type Fork, isAbsent, touch } from './conditions'
import { displayName } from './lookup'
import type { KmsPath } from './types'

const FIELDS = [
  'routeTableId',
  'routeTableOrigin',
  'nsgId',
  'nsgOrigin',
  'natGatewayId',
  'defaultOutboundAccess',
] as const

/** The subnet with `r`'s settings: a copy, which the path hands back as the subnet itself (asSubnet). */
function declaredAs(subnet: Subnet, r: SubnetRedeclaration): Subnet {
  const s: Subnet = { ...subnet, addressPrefixes: r.addressPrefixes, redeclarations: undefined }
  for (const f of FIELDS) {
    if (r[f] === undefined) delete s[f]
    else (s as unknown as Record<string, unknown>)[f] = r[f]
  }
  // Its own associations were written with the inline declaration: none of its conditions holds here.
  delete s.associationConditions
  delete s.associationsOtherwise
  return s
}

/**
 * The declaration the subnet has under `assume`: the first redeclaration not taken as absent (recorded as
 * an alternative fork), else the subnet's own.
 */
export function declarationUnder(subnet: Subnet, assume: Assumptions, forks: Fork[]): Subnet {
  for (const r of subnet.redeclarations ?? []) {
    if (isAbsent(subnet, assume, r.condition)) continue
    const before = forks.length
    touch(forks, subnet, `the redeclaration ${r.address} of ${displayName(subnet)}`, r.condition)
    for (const f of forks.slice(before)) if (f.kind === 'condition') f.alternative = true
    return declaredAs(subnet, r)
  }
  return subnet
}

/** The path traced from `declared` (a copy of `subnet`), about `subnet` itself. */
export function asSubnet(path: KmsPath, declared: Subnet, subnet: Subnet): KmsPath {
  if (declared === subnet) return path
  path.subnet = subnet
  for (const step of path.steps) if (step.object === declared) step.object = subnet
  return path
}
