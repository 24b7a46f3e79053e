/**
 * A subnet declared twice in one Bicep/ARM deployment: inline in its VNet's `subnets` and again as a child
 * resource (`Microsoft.Network/virtualNetworks/subnets`) behind a condition the scan cannot evaluate
 * (`if (attachRouteTable)`, an ARM `condition`), the usual way to give an inline subnet a route table, NSG
 * or NAT gateway in some deployments only. The child depends on its VNet and is deployed after it, so where
 * it is deployed its declaration is what the subnet ends with, and where it is not, the inline one. Both
 * are one Azure subnet: judged apart, the subnet got the worse of the two verdicts, a guess either way (a
 * forced tunnel reported as blocking although the child, when deployed, replaces it).
 *
 * Here the two become one subnet, the inline declaration, where each association the child sets is
 * judged with and without the child (Subnet.associationConditions and associationsOtherwise, as a
 * Terraform association under a count the scan cannot evaluate: src/analysis/conditions.ts). An association
 * the inline declaration has and the child drops, or another setting the two disagree on (default outbound
 * access, address prefixes), is unknown, naming the condition. More than one conditional child declaration
 * of the same subnet: the subnet is judged with each (alternatives() below, Subnet.redeclarations). A child
 * without a condition (or whose condition is true) simply is the subnet's declaration.
 */
import type { Condition, NetworkModel, Subnet, SubnetRedeclaration } from '../../model/network'
import { known, unknown, type Value } from '../../model/value'

const ASSOCIATIONS = [
  ['routeTableId', 'routeTableOrigin', 'route table'],
  ['nsgId', 'nsgOrigin', 'network security group'],
  ['natGatewayId', undefined, 'NAT gateway'],
] as const

const same = <T>(a: Value<T> | undefined, b: Value<T> | undefined): boolean =>
  a === undefined || b === undefined
    ? a === b
    : a.known && b.known && JSON.stringify(a.value) === JSON.stringify(b.value)

/** `what` differs between the declarations: unknown, naming the condition and both values. */
function eitherWay<T>(
  inline: Value<T> | undefined,
  child: Value<T> | undefined,
  c: Subnet,
  condition: Condition,
  what: string,
): Value<T> {
  const text = (v: Value<T> | undefined) =>
    v === undefined ? 'none' : v.known ? String(v.value) : v.expression
  return unknown(
    condition.expression,
    `${c.address} redeclares this subnet with ${what} ${text(child)} (inline: ${text(inline)}) under a condition that cannot be evaluated (${condition.reason ?? 'its condition cannot be evaluated'}): which declaration applies is not known`,
    condition.origin ?? c.origin,
  )
}

/** Folds the conditional declaration `c` into the inline one `s` (the subnet the model keeps). */
function fold(s: Subnet, c: Subnet, condition: Condition): void {
  for (const [field, originField, what] of ASSOCIATIONS) {
    const inline = s[field]
    const child = c[field]
    if (same(inline, child)) continue
    if (child === undefined) {
      s[field] = eitherWay(inline, child, c, condition, what)
      continue
    }
    s[field] = child
    if (originField && c[originField]) s[originField] = c[originField]
    s.associationConditions = { ...s.associationConditions, [field]: condition }
    if (inline) s.associationsOtherwise = { ...s.associationsOtherwise, [field]: inline }
  }
  if (!same(s.defaultOutboundAccess, c.defaultOutboundAccess))
    s.defaultOutboundAccess = eitherWay(
      s.defaultOutboundAccess,
      c.defaultOutboundAccess,
      c,
      condition,
      'default outbound access',
    )
  if (!same(s.addressPrefixes, c.addressPrefixes))
    s.addressPrefixes = eitherWay(s.addressPrefixes, c.addressPrefixes, c, condition, 'address prefixes')
}

/**
 * Inline in a VNet's `subnets`: the VNet resource's own, or the Azure Verified Module's (its `subnets`
 * parameter, mapped as the VNet's inline subnets, src/sources/bicep/avm.ts), which a child resource in
 * the same deployment redeclares just the same.
 */
const INLINE = ['microsoft.network/virtualnetworks', 'avm/res/network/virtual-network']
const isInline = (s: Subnet): boolean => INLINE.includes(s.sourceType.toLowerCase())
const CHILD = 'microsoft.network/virtualnetworks/subnets'

/** The subnet a declaration is, within one deployment: its VNet (model id) and name. */
const identity = (s: Subnet): string | undefined =>
  s.vnetId?.known && s.name.known ? `${s.vnetId.value}\u0000${s.name.value.toLowerCase()}` : undefined

/**
 * One subnet for an inline declaration and a child resource redeclaring it: the child's settings where it
 * is surely deployed, both ways where its condition cannot be evaluated. The inline object stays (its id,
 * its lines), the child's goes.
 */
export function foldRedeclaredSubnets(model: NetworkModel): void {
  const groups = new Map<string, Subnet[]>()
  for (const s of model.subnets) {
    const k = identity(s)
    if (k === undefined) continue
    const group = groups.get(k)
    if (group) group.push(s)
    else groups.set(k, [s])
  }
  // Each declaration folded away, and the one kept for its subnet.
  const folded = new Map<Subnet, Subnet>()
  for (const group of groups.values()) {
    const inline = group.find((s) => isInline(s) && !s.condition)
    const child = group.find((s) => s.sourceType.toLowerCase() === CHILD)
    if (group.length !== 2 || !inline || !child) {
      const gone = alternatives(group)
      const kept = group.find((s) => !gone.includes(s))
      if (kept) for (const s of gone) folded.set(s, kept)
      continue
    }
    if (child.condition) fold(inline, child, child.condition)
    else replace(inline, child)
    folded.set(child, inline)
  }
  if (folded.size === 0) return
  model.subnets = model.subnets.filter((s) => !folded.has(s))
  repointReferences(model, folded)
}

/**
 * A reference to the subnet (a firewall's subnet, a network interface's) written as the folded child
 * (`fwSubnet.id`), or by ARM id or name, which the declarations of one subnet made ambiguous
 * (`resourceId('…/subnets', 'vnet-hub', 'AzureFirewallSubnet')`, resolved before the fold): it is the
 * subnet kept. Else it reads as not in the sources: a forced-tunnelling firewall's own routes are not
 * followed, a NIC's subnet cannot be told (undecided for no reason).
 */
function repointReferences(model: NetworkModel, folded: Map<Subnet, Subnet>): void {
  const keptById = new Map([...folded].map(([gone, kept]) => [gone.id, kept]))
  const declarations = new Map<Subnet, string[]>()
  for (const [gone, kept] of folded)
    declarations.set(kept, [...(declarations.get(kept) ?? [kept.id]), gone.id])
  const repoint = (ref: Value<string>): Value<string> => {
    if (ref.known) {
      const kept = keptById.get(ref.value)
      return kept ? known(kept.id, ref.origin) : ref
    }
    // The builder names the candidates of an ambiguous reference (src/model/build.ts resolve): all of them
    // declarations of one subnet.
    const reason = ref.reason ?? ''
    if (!reason.startsWith('ambiguous:')) return ref
    const listed = /\(([^()]*)\)\s*$/.exec(reason)?.[1]?.split(', ')
    if (!listed) return ref
    for (const [kept, ids] of declarations)
      if (listed.length === ids.length && listed.every((id) => ids.includes(id)))
        return known(kept.id, ref.origin)
    return ref
  }
  for (const fw of model.firewalls) if (fw.subnetId) fw.subnetId = repoint(fw.subnetId)
  for (const nic of model.networkInterfaces ?? []) nic.subnetIds = nic.subnetIds.map(repoint)
}

/** A child deployed whenever its VNet is: its declaration is the subnet's (a PUT of the whole subnet). */
function replace(s: Subnet, c: Subnet): void {
  for (const [field, originField] of ASSOCIATIONS) {
    if (c[field]) s[field] = c[field]
    else delete s[field]
    if (originField) {
      if (c[originField]) s[originField] = c[originField]
      else delete s[originField]
    }
  }
  s.addressPrefixes = c.addressPrefixes
  if (c.defaultOutboundAccess) s.defaultOutboundAccess = c.defaultOutboundAccess
  else delete s.defaultOutboundAccess
  if (c.dedicatedTo) s.dedicatedTo = c.dedicatedTo
  else delete s.dedicatedTo
}

/**
 * Two or more child declarations of one subnet, each behind a condition the scan cannot evaluate (often
 * opposite ones: `if (forceTunnel)` with one route table, `if (!forceTunnel)` with another), beside the
 * inline declaration or without one. Which is deployed is not known, so none is the subnet: the inline
 * declaration (else the last child) stays, the other children become its redeclarations, and the analysis
 * judges the subnet with each (Subnet.redeclarations): the verdict stands where they agree, else it is
 * undecided, naming the condition. Where two are under opposite conditions as written (`x` and `!x`, ARM
 * `not(…)`), one of them is always deployed: the inline declaration is then never the subnet's, the later
 * of the two stands in for it. (Where several may be deployed together, the one deployed last wins;
 * the analysis takes them in source order.) Returns the declarations folded away; none where the group is
 * not of that shape (an unconditional child, a conditional VNet: left as they were).
 */
function alternatives(group: Subnet[]): Subnet[] {
  const children = group.filter((s) => s.sourceType.toLowerCase() === CHILD)
  const inlines = group.filter(isInline)
  if (children.length < 2 || inlines.length > 1 || children.length + inlines.length !== group.length)
    return []
  if (inlines.some((s) => s.condition) || children.some((c) => !c.condition)) return []
  // Two children under opposite conditions: one of them is always deployed, so the inline declaration
  // never stands on its own; the later child of the pair is what the subnet has where no other is.
  const pair = children.find((b, i) => children.slice(0, i).some((a) => opposite(a.condition!, b.condition!)))
  const kept = inlines[0] ?? pair ?? children[children.length - 1]!
  if (pair && kept !== pair) replace(kept, pair)
  kept.redeclarations = children
    .filter((c) => c !== kept && c !== pair)
    .map((c): SubnetRedeclaration => ({
      condition: c.condition!,
      address: c.address,
      origin: c.origin,
      addressPrefixes: c.addressPrefixes,
      ...(c.routeTableId ? { routeTableId: c.routeTableId } : {}),
      ...(c.routeTableOrigin ? { routeTableOrigin: c.routeTableOrigin } : {}),
      ...(c.nsgId ? { nsgId: c.nsgId } : {}),
      ...(c.nsgOrigin ? { nsgOrigin: c.nsgOrigin } : {}),
      ...(c.natGatewayId ? { natGatewayId: c.natGatewayId } : {}),
      ...(c.defaultOutboundAccess ? { defaultOutboundAccess: c.defaultOutboundAccess } : {}),
    }))
  return children.filter((c) => c !== kept)
}

/** A condition as written, without the brackets of an ARM expression and outer parentheses. */
function bare(text: string): string {
  let t = text.trim()
  if (t.startsWith('[') && t.endsWith(']')) t = t.slice(1, -1).trim()
  while (t.startsWith('(') && t.endsWith(')') && balanced(t.slice(1, -1))) t = t.slice(1, -1).trim()
  return t
}

const balanced = (t: string): boolean => {
  let depth = 0
  for (const ch of t) {
    depth += ch === '(' ? 1 : ch === ')' ? -1 : 0
    if (depth < 0) return false
  }
  return depth === 0
}

/** The negation `text` is written as (Bicep `!x`, ARM `not(x)`), or undefined. */
function negated(text: string): string | undefined {
  const t = bare(text)
  if (t.startsWith('!')) return bare(t.slice(1))
  const not = /^not\(([\s\S]*)\)$/i.exec(t)
  if (not && balanced(not[1]!)) return bare(not[1]!)
  return undefined
}

/** `a` holds exactly where `b` does not, as written: `x` and `!x`, `[parameters('x')]` and `[not(parameters('x'))]`. */
function opposite(a: Condition, b: Condition): boolean {
  const na = negated(a.expression)
  const nb = negated(b.expression)
  return (na !== undefined && na === bare(b.expression)) || (nb !== undefined && nb === bare(a.expression))
}
