/**
 * Azure Virtual Network Manager security admin rules, evaluated before the subnet's NSG (Security admin
 * rules, "How security admin rules work"): the rules that apply to the subnet's VNet (a member of a network
 * group their collection names, in a deployed configuration) are taken by priority, and the first that
 * matches outbound TCP 1688 to the KMS address decides: Deny drops the traffic whatever the NSG says,
 * AlwaysAllow lets it out whatever the NSG says, Allow hands it to the NSG. No match: the NSG decides.
 *
 * What the scan cannot tell (dynamic membership through Azure Policy, a configuration whose commit is not
 * in the code, an unresolved value) keeps the rule as "may apply": if it could change the result, the
 * result is unknown and the reasons are named.
 */
import type { AdminRule, ManagedRoute, NetworkGroup, NsgRule, Subnet } from '../model/network'
import { prefixContains } from './addresses'
import { type Tri, triAnd, triOr, unknown } from '../model/value'
import { displayName, type ModelIndex } from './lookup'
import { matchNsgRule } from './nsg'
import type { UnresolvedValue } from './types'

export type AdminAccess = 'Deny' | 'AlwaysAllow' | 'Allow'

export interface AdminVerdict {
  /** The first rule that surely applies and matches; undefined = none (the NSG decides). */
  rule?: AdminRule
  access?: AdminAccess
  /** Rules before it (or instead of it) that may apply, with why they are open. */
  open: { rule: AdminRule; access: AdminAccess | 'unknown'; unknowns: UnresolvedValue[] }[]
}

function accessOf(rule: AdminRule): AdminAccess | 'unknown' {
  const a = rule.access.known ? rule.access.value.trim().toLowerCase() : undefined
  return a === 'deny' ? 'Deny' : a === 'alwaysallow' ? 'AlwaysAllow' : a === 'allow' ? 'Allow' : 'unknown'
}

function member(group: NetworkGroup, subnet: Subnet): { is: Tri; why?: UnresolvedValue } {
  const vnet = subnet.vnetName?.known ? subnet.vnetName.value.toLowerCase() : undefined
  if (vnet && group.staticVnets.some((v) => v.toLowerCase() === vnet)) return { is: true }
  const open =
    group.openMembership ??
    (group.staticVnets.length === 0
      ? unknown(
          `network group ${displayName(group)}`,
          'no static members in the scanned sources: its members come from Azure Policy (dynamic membership) or from outside the code',
          group.origin,
        )
      : undefined)
  if (open) return { is: 'unknown', why: { value: open as never, attribute: 'members', object: group } }
  if (!vnet && group.staticVnets.length > 0) {
    const value = unknown('vnetName', 'the subnet’s virtual network is not known', subnet.origin)
    return { is: 'unknown', why: { value, attribute: 'vnetName', object: subnet } }
  }
  return { is: false }
}

/** Does the rule apply to the subnet: one of its groups holds the VNet, and its configuration is deployed? */
function applies(
  index: ModelIndex,
  rule: AdminRule | ManagedRoute,
  subnet: Subnet,
): { is: Tri; unknowns: UnresolvedValue[] } {
  const nm = index.model.networkManager!
  const unknowns: UnresolvedValue[] = []
  let inGroup: Tri = false
  if (!rule.groupIds.known) {
    inGroup = 'unknown'
    unknowns.push({ value: rule.groupIds, attribute: 'groupIds', object: rule })
  } else
    for (const id of rule.groupIds.value) {
      const group = nm.groups.find((g) => g.id === id)
      if (!group) {
        // A group declared elsewhere may hold this VNet: the rule may apply, it is not skipped.
        inGroup = triOr(inGroup, 'unknown')
        const value = unknown(
          id,
          'network group not in the scanned sources: its members are not known',
          rule.origin,
        )
        unknowns.push({ value, attribute: 'groupIds', object: rule })
        continue
      }
      const m = member(group, subnet)
      inGroup = triOr(inGroup, m.is)
      if (m.why) unknowns.push(m.why)
    }
  let deployed: Tri = 'unknown'
  const cid = rule.configurationId
  const config = cid.known ? nm.configurations.find((c) => c.id === cid.value) : undefined
  if (config?.deployed.known) deployed = config.deployed.value
  else if (config) unknowns.push({ value: config.deployed as never, attribute: 'deployed', object: config })
  else {
    const value = unknown(
      cid.known ? cid.value : cid.expression,
      'configuration not in the scanned sources',
      rule.origin,
    )
    unknowns.push({ value, attribute: 'configurationId', object: rule })
  }
  const is = triAnd(inGroup, deployed)
  return { is, unknowns: is === 'unknown' ? unknowns : [] }
}

/** The security admin verdict for TCP 1688 from the subnet to `address`; undefined when no rule exists. */
export function evaluateAdminRules(
  index: ModelIndex,
  subnet: Subnet,
  source: string[] | 'unknown',
  address: string,
): AdminVerdict | undefined {
  const rules = index.model.networkManager?.adminRules ?? []
  if (rules.length === 0) return undefined
  const sorted = [...rules].sort(
    (a, b) => (a.priority.known ? a.priority.value : 0) - (b.priority.known ? b.priority.value : 0),
  )
  const verdict: AdminVerdict = { open: [] }
  for (const rule of sorted) {
    // Admin rules have the NSG rule's fields: the same match applies (service tags, ranges, `*`).
    const m = matchNsgRule(rule as unknown as NsgRule, source, address)
    if (m.match === false) continue
    const a = applies(index, rule, subnet)
    if (a.is === false) continue
    const access = accessOf(rule)
    const why = [...m.unknowns, ...a.unknowns]
    if (!rule.priority.known) why.push({ value: rule.priority, attribute: 'priority', object: rule })
    if (access === 'unknown') why.push({ value: rule.access as never, attribute: 'access', object: rule })
    if (triAnd(m.match, a.is) === true && rule.priority.known && access !== 'unknown') {
      verdict.rule = rule
      verdict.access = access
      break
    }
    verdict.open.push({ rule, access, unknowns: why })
  }
  return verdict
}

/**
 * Does the security admin layer block the request, given whether the NSG alone would (`nsgBlocks`)?
 * true/false when every possible admin outcome agrees, else unknown with the open rules' reasons.
 */
export function adminBlocks(v: AdminVerdict, nsgBlocks: Tri): { blocks: Tri; unknowns: UnresolvedValue[] } {
  const effect = (a: AdminAccess | 'unknown' | undefined): Tri =>
    a === 'Deny' ? true : a === 'AlwaysAllow' ? false : a === 'unknown' ? 'unknown' : nsgBlocks
  const decided = effect(v.access)
  const differing = v.open.filter((o) => effect(o.access) !== decided || decided === 'unknown')
  if (differing.length === 0) return { blocks: decided, unknowns: [] }
  return { blocks: 'unknown', unknowns: differing.flatMap((o) => o.unknowns) }
}

/** `rule deny-kms (Deny) of nm-corp`: the rule for messages. */
export function adminRuleText(rule: AdminRule, access: string): string {
  return `security admin rule ${displayName(rule)} (${access})`
}

/**
 * A route a Virtual Network Manager routing configuration (UDR management) may put into the subnet that
 * covers the KMS address: the scan does not merge managed routes with the subnet's own route table, so it
 * names the route and leaves the path undecided. undefined = none may apply.
 */
export function managedRouteUnknown(
  index: ModelIndex,
  subnet: Subnet,
  address: string,
): UnresolvedValue | undefined {
  for (const route of index.model.networkManager?.routes ?? []) {
    const d = route.destination
    const covers: Tri = d.known
      ? (prefixContains(d.value, address) ??
        ['internet', 'azurecloud', '*'].includes(d.value.trim().toLowerCase()))
      : 'unknown'
    if (covers === false) continue
    const a = applies(index, route, subnet)
    if (a.is === false) continue
    const hop = route.nextHopType.known ? route.nextHopType.value : route.nextHopType.expression
    const value = unknown(
      `managed route ${displayName(route)} ${d.known ? d.value : d.expression} → ${hop}`,
      'a Virtual Network Manager routing configuration (UDR management) may put this route into the subnet' +
        (a.is === 'unknown'
          ? ` (${a.unknowns.map((u) => u.value.reason ?? u.value.expression).join('; ')})`
          : '') +
        '; the scan does not combine managed routes with the subnet’s route table',
      route.origin,
    )
    return { value, attribute: 'routingConfiguration', object: route }
  }
  return undefined
}
