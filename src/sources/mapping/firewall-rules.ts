/**
 * Firewall rules and rule collections, shared by the classic collections, policy rule collection groups,
 * and their Terraform and ARM spellings: each source only says which of its fields is which.
 * IP group references are resolved in the link step, when every IP group of the scan is registered.
 */
import type {
  FirewallRule,
  FirewallRuleCollection,
  FirewallRuleCollectionKind,
  ModelObject,
} from '../../model/network'
import { known, type Unknown, type Value } from '../../model/value'
import { allows, ifDeployed } from './conditional'
import { ARM, type ModelBuilder } from '../../model/build'
import type { HclValue } from '../evaluation/evaluated'
import { strList } from '../evaluation/value-tree'

/** The ModelObject fields of a rule or collection (id, name, origin...), built by the source. */
export type ObjectHeader = ModelObject

export interface RuleFields {
  protocols: Value<string[]>
  sourceAddresses?: HclValue
  sourceIpGroups?: HclValue
  destinationAddresses?: HclValue
  destinationIpGroups?: HclValue
  destinationFqdns?: HclValue
  destinationPorts?: HclValue
  destinationFqdnTags?: HclValue
}

const list = (v: HclValue | undefined): Value<string[]> => strList(v) ?? known([])

export function firewallRule(b: ModelBuilder, header: ObjectHeader, f: RuleFields): FirewallRule {
  const rule: FirewallRule = {
    ...header,
    protocols: f.protocols,
    sourceAddresses: list(f.sourceAddresses),
    sourceIpGroups: list(f.sourceIpGroups),
    destinationAddresses: list(f.destinationAddresses),
    destinationIpGroups: list(f.destinationIpGroups),
    destinationFqdns: list(f.destinationFqdns),
    destinationPorts: list(f.destinationPorts),
  }
  if (f.destinationFqdnTags) rule.destinationFqdnTags = list(f.destinationFqdnTags)
  b.defer(() => {
    rule.sourceIpGroups = b.resolveList(ARM.ipGroup, f.sourceIpGroups, { near: header.id })
    rule.destinationIpGroups = b.resolveList(ARM.ipGroup, f.destinationIpGroups, { near: header.id })
  })
  return rule
}

/**
 * A rule collection. `condition`: it may not be deployed (./conditional.ts), so an Allow is undecided; the
 * action as written is kept beside it (writtenAction) for a firewall under the same condition.
 */
export function ruleCollection(
  header: ObjectHeader,
  kind: FirewallRuleCollectionKind,
  priority: Value<number>,
  written: Value<string>,
  rules: FirewallRule[],
  condition?: Unknown,
): FirewallRuleCollection {
  const action = ifDeployed(written, condition, allows, `firewall rule collection ${header.address}`)
  const c: FirewallRuleCollection = { ...header, kind, priority, action, rules }
  if (action !== written) c.writtenAction = written
  return c
}
