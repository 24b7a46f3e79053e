/**
 * The fix in a few words, for the one line a finding gets on the first screen (`add 2 /32 routes to
 * Internet in rt-spoke`). The full fix text, in the source's format, is in the details (index.ts).
 */
import { KMS_PORT } from '../../kms/catalogue'
import type { ModelObject } from '../../model/network'
import { allRules } from '../../rules/index'
import type { Finding } from '../../rules/types'
import { isPolicy } from '../../rules/fix-change'
import { plural } from '../exit'

/** An object's Azure name, when the source states it. */
const named = (o: ModelObject): string | undefined => (o.name.known ? o.name.value : undefined)

/**
 * @param group true when the words must hold for every finding of a group (no object names), e.g.
 *   `add 2 /32 routes to Internet in each route table`.
 */
export function shortFix(f: Finding, { group }: { group: boolean }): string {
  const c = f.fix
  if (!c) return ruleFix(f.ruleId)
  const where = (o: ModelObject, noun: string, each: string) => {
    const n = named(o)
    return group ? each : n ? `${noun} ${n}` : `the ${noun}`
  }
  switch (c.kind) {
    case 'add-routes':
      return `add ${plural(c.addresses.length, '/32 route')} to Internet in ${where(c.table, 'route table', 'each route table')}`
    case 'allow-kms-firewall':
      return `allow TCP ${KMS_PORT} to ${plural(c.addresses.length, 'KMS address', 'KMS addresses')} on ${where(c.policy ?? c.firewall, c.policy ? 'policy' : 'firewall', 'each firewall')}`
    case 'allow-kms-nsg':
      return `allow TCP ${KMS_PORT} to KMS before ${where(c.deny, 'rule', 'the deny rule')}`
    case 'add-outbound':
      return `give ${where(c.subnet, 'subnet', 'each subnet')} a NAT gateway or outbound access`
    case 'enable-dns-proxy':
      return `enable DNS proxy on ${where(c.target, isPolicy(c.target) ? 'policy' : 'firewall', 'the firewall policy')}`
    case 'set-destinations':
      return `name ${plural(c.addresses.length, 'KMS address', 'KMS addresses')} in ${where(c.rule, 'rule', 'each rule')}`
  }
}

/** The rule's general fix, up to its first sentence break, lower-cased for the line. */
function ruleFix(id: string): string {
  const text = allRules.find((r) => r.id === id)?.fix ?? 'see the details'
  const first = text.split(/(?<=\.)\s|,\s+or\s|\s\(/)[0]!.replace(/\.$/, '')
  return first.charAt(0).toLowerCase() + first.slice(1)
}
