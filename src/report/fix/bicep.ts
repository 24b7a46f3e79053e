/** Fix text as Bicep: resources or the object literals to put in the template. */
import { isNsgRule, isPolicy, type FixChange } from '../../rules/fix-change'
import { firewallCollection, nsgAllowRule } from './arm'
import { nameOf, nsgAllowPriority, priorityBefore, routeName, separateRoutes, tfName } from './common'

/** JSON-like data as a Bicep object literal. */
export function toBicep(x: unknown, pad = ''): string {
  if (Array.isArray(x)) {
    if (x.every((i) => typeof i !== 'object')) return `[ ${x.map((i) => toBicep(i)).join(', ')} ]`
    return `[\n${x.map((i) => `${pad}  ${toBicep(i, pad + '  ')}`).join('\n')}\n${pad}]`
  }
  if (x !== null && typeof x === 'object')
    return `{\n${Object.entries(x)
      .map(([k, v]) => `${pad}  ${/^[A-Za-z_]\w*$/.test(k) ? k : `'${k}'`}: ${toBicep(v, pad + '  ')}`)
      .join('\n')}\n${pad}}`
  if (typeof x === 'string') return `'${x.replace(/'/g, "\\'")}'`
  return String(x)
}

const bicepList = (xs: string[]) => `[\n${xs.map((x) => `  '${x}'`).join('\n')}\n]`

export function renderBicep(change: FixChange): string {
  switch (change.kind) {
    case 'add-routes': {
      const { table, addresses } = change
      if (separateRoutes(table, change.like))
        return addresses
          .map((a) =>
            [
              `resource ${tfName(a).replace(/_/g, '')} 'Microsoft.Network/routeTables/routes@2023-09-01' = {`,
              `  parent: ${nameOf(table).replace(/[^A-Za-z0-9_]/g, '')}`,
              `  name: '${routeName(a)}'`,
              `  properties: {`,
              `    addressPrefix: '${a}/32'`,
              `    nextHopType: 'Internet'`,
              `  }`,
              `}`,
            ].join('\n'),
          )
          .join('\n\n')
      return addresses
        .map((a) =>
          [
            `{`,
            `  name: '${routeName(a)}'`,
            `  properties: {`,
            `    addressPrefix: '${a}/32'`,
            `    nextHopType: 'Internet'`,
            `  }`,
            `}`,
          ].join('\n'),
        )
        .join('\n')
    }
    case 'allow-kms-firewall': {
      const { policy } = change
      const where = policy
        ? `ruleCollections of a rule collection group of ${nameOf(policy)}`
        : 'networkRuleCollections'
      const collection = firewallCollection(
        policy !== undefined,
        change.addresses,
        priorityBefore(change.before, 100),
      )
      return `// in ${where}\n${toBicep(collection)}`
    }
    case 'allow-kms-nsg': {
      const { priority, note } = nsgAllowPriority(change.deny)
      return (note ? `// ${note}\n` : '') + toBicep(nsgAllowRule(change.addresses, priority))
    }
    case 'add-outbound':
      return `// in the subnet's properties\nnatGateway: {\n  id: natGateway.id\n}\n// or: defaultOutboundAccess: true`
    case 'enable-dns-proxy':
      return isPolicy(change.target)
        ? `dnsSettings: {\n  enableProxy: true\n}`
        : `additionalProperties: {\n  'Network.DNS.EnableProxy': 'true'\n}`
    case 'set-destinations':
      return `${isNsgRule(change.rule) ? 'destinationAddressPrefixes' : 'destinationAddresses'}: ${bicepList(change.addresses)}`
  }
}
