/**
 * KMS007: an Azure Firewall network rule names a KMS FQDN, but DNS proxy is off. Network rules match
 * FQDNs only when the firewall resolves them itself (DNS proxy on); otherwise the rule never matches.
 */
import { displayName } from '../analysis/lookup'
import { listText, makeFinding, unique } from './findings'
import { kmsReferences } from './kms-references'
import type { Finding, Rule } from './types'

export const kms007: Rule = {
  id: 'KMS007',
  title: 'Firewall network rule uses a KMS FQDN without DNS proxy',
  severity: 'error',
  explanation:
    'Azure Firewall network rules can use FQDNs only when DNS proxy is enabled on the firewall (or its policy): ' +
    'the firewall must resolve the name itself to know which addresses the rule covers. With DNS proxy off a ' +
    'rule naming `azkms.core.windows.net` never matches, and KMS traffic falls through to a deny.',
  fix: 'Enable DNS proxy on the firewall policy (and point the VNets DNS at the firewall), or use the KMS IP addresses.',
  check(ctx) {
    const findings: Finding[] = []
    for (const r of kmsReferences(ctx.model)) {
      if (r.kind !== 'firewall' || r.dnsProxy !== false) continue
      const fqdns = r.named.filter((n) => !/^[\d.]+(\/\d+)?$/.test(n.text))
      if (fqdns.length === 0) continue
      const owner = r.policy ?? r.firewall
      const ownerText = r.policy
        ? `firewall policy ${displayName(r.policy)}`
        : `firewall ${displayName(r.firewall!)}`
      const addresses = unique(fqdns.flatMap((n) => n.addresses))
      const message =
        `The firewall network rule ${displayName(r.object)} allows ${listText(unique(fqdns.map((n) => n.text)))} by ` +
        `name, but DNS proxy is off on ${ownerText}. Network rules match FQDNs only when the firewall resolves them ` +
        `(DNS proxy on), so this rule never matches and KMS traffic to ${listText(addresses)} is denied unless ` +
        `another rule allows it; Windows VMs behind this firewall then fail to activate. Enable DNS proxy on ` +
        `${ownerText} or name the KMS IP addresses instead.`
      findings.push(
        makeFinding(kms007, ctx, r.object, {
          message,
          kmsAddresses: addresses,
          ...(owner && { fix: { kind: 'enable-dns-proxy', target: owner }, format: owner.format }),
        }),
      )
    }
    return findings
  },
}
