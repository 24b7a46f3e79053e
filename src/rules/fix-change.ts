/**
 * A fix as rules describe it: what to change in the network model, with no format in sight. The
 * report edge (src/report/fix) writes it in the format of the object it changes.
 */
import type {
  AzureFirewall,
  FirewallPolicy,
  FirewallRule,
  NsgRule,
  Route,
  RouteTable,
  Subnet,
} from '../model/network'

export type FixChange =
  /** /32 routes with next hop Internet for each address, added to `table` beside `like` (when given). */
  | { kind: 'add-routes'; table: RouteTable; like?: Route; addresses: string[] }
  /** A network rule collection allowing TCP 1688 to the addresses, before the collection at `before`. */
  | {
      kind: 'allow-kms-firewall'
      firewall: AzureFirewall
      policy?: FirewallPolicy
      addresses: string[]
      before?: number
    }
  /** An outbound NSG rule allowing TCP 1688 to the addresses, before the `deny` rule. */
  | { kind: 'allow-kms-nsg'; deny: NsgRule; addresses: string[] }
  /** Give a private subnet a way out (NAT gateway or default outbound access). */
  | { kind: 'add-outbound'; subnet: Subnet }
  /** Turn DNS proxy on, on a firewall policy or a classic firewall. */
  | { kind: 'enable-dns-proxy'; target: FirewallPolicy | AzureFirewall }
  /** Set the destinations of an NSG or firewall rule to the addresses. */
  | { kind: 'set-destinations'; rule: NsgRule | FirewallRule; addresses: string[] }

export const isPolicy = (target: FirewallPolicy | AzureFirewall): target is FirewallPolicy =>
  'ruleCollectionGroups' in target

export const isNsgRule = (rule: NsgRule | FirewallRule): rule is NsgRule => 'nsgId' in rule
