/**
 * Terraform spellings of firewall rules and rule collections, shared by the classic
 * azurerm_firewall_*_rule_collection resources and the policy rule collection group's nested blocks.
 */
import type { FirewallRuleCollection, FirewallRuleCollectionKind, ModelObject } from '../../../model/network'
import { known, unknown, type Unknown, type Value } from '../../../model/value'
import { firewallRule, ruleCollection } from '../../mapping/firewall-rules'
import type { ModelBuilder } from '../../../model/build'
import { attr, items, num, render, str, strList } from '../../evaluation/value-tree'
import type { HclValue } from '../../evaluation/evaluated'

/** Application rule `protocol { type = "Https", port = 443 }` blocks → `['Https:443']`. */
function protocolBlocks(list: HclValue | undefined): Value<string[]> {
  if (list === undefined) return known([])
  if (list.kind === 'unknown') return unknown(list.expression, list.reason, list.origin, list.ref)
  const out: string[] = []
  for (const block of items(list)) {
    const type = str(attr(block, 'type'))
    const port = str(attr(block, 'port'))
    for (const part of [type, port])
      if (part && !part.known) return unknown(render(list), part.reason, list.origin)
    const t = type?.known ? type.value : ''
    out.push(port?.known ? `${t}:${port.value}` : t)
  }
  return known(out, list.origin)
}

function ruleOf(b: ModelBuilder, h: ModelObject, rule: HclValue, kind: FirewallRuleCollectionKind) {
  const a = (name: string) => attr(rule, name)
  if (kind === 'application')
    return firewallRule(b, h, {
      // classic: `protocol` blocks and `target_fqdns`; policy: `protocols` blocks and `destination_fqdns`.
      protocols: protocolBlocks(a('protocol') ?? a('protocols')),
      sourceAddresses: a('source_addresses'),
      sourceIpGroups: a('source_ip_groups'),
      destinationAddresses: a('destination_addresses'),
      destinationFqdns: a('target_fqdns') ?? a('destination_fqdns'),
      // classic `fqdn_tags`, policy `destination_fqdn_tags`.
      destinationFqdnTags: a('fqdn_tags') ?? a('destination_fqdn_tags'),
    })
  return firewallRule(b, h, {
    protocols: strList(a('protocols')) ?? known([]),
    sourceAddresses: a('source_addresses'),
    sourceIpGroups: a('source_ip_groups'),
    // policy NAT rules have a single `destination_address`.
    destinationAddresses: a('destination_addresses') ?? a('destination_address'),
    destinationIpGroups: a('destination_ip_groups'),
    destinationFqdns: a('destination_fqdns'),
    destinationPorts: a('destination_ports'),
  })
}

/**
 * A block or resource `of` holding `priority`, `action` and `rule` blocks, as a collection with id `h.id`.
 * `condition`: the resource may create no instance (count/for_each unknown), so an Allow is undecided.
 */
export function collectionOf(
  b: ModelBuilder,
  h: ModelObject,
  of: HclValue,
  kind: FirewallRuleCollectionKind,
  condition?: Unknown,
): FirewallRuleCollection {
  const ruleBlocks = attr(of, 'rule')
  const rules = (ruleBlocks?.kind === 'unknown' ? [ruleBlocks] : items(ruleBlocks)).map((rule, i) => {
    const name = str(attr(rule, 'name')) ?? unknown(`rule[${i}].name`, 'not set', rule.origin)
    const key = name.known ? JSON.stringify(name.value) : String(i)
    return ruleOf(b, { ...h, id: `${h.id}.rule[${key}]`, name, origin: rule.origin }, rule, kind)
  })
  return ruleCollection(
    h,
    kind,
    num(attr(of, 'priority')) ?? unknown('priority', 'not set', of.origin),
    str(attr(of, 'action')) ?? unknown('action', 'not set', of.origin),
    rules,
    condition,
  )
}
