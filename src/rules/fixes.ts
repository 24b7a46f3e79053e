/**
 * Fix text in the format of the object a finding points at: Terraform HCL (inline blocks or separate
 * resources, as the configuration already does it), Bicep and ARM JSON; plan and live findings get
 * Azure CLI commands. The text is meant to be pasted next to the lines the finding annotates.
 */
import { displayName } from '../analysis/lookup'
import { KMS_PORT } from '../kms/catalogue'
import type {
  AzureFirewall,
  FirewallPolicy,
  FirewallRule,
  ModelObject,
  NsgRule,
  Route,
  RouteTable,
  Subnet,
} from '../model/network'

const routeName = (a: string) => `kms-${a.replace(/\./g, '-')}`
const tfName = (a: string) => `kms_${a.replace(/\./g, '_')}`
const hclList = (xs: string[]) => `[${xs.map((x) => `"${x}"`).join(', ')}]`
const bicepList = (xs: string[]) => `[\n${xs.map((x) => `  '${x}'`).join('\n')}\n]`
const json = (x: unknown) => JSON.stringify(x, null, 2)

/** A Terraform reference to a resource's attribute, when the address can be referenced from the root module. */
function tfRef(o: ModelObject, attribute: string, fallback: string): string {
  return /^azurerm_[a-z_]+\.[\w-]+(\[[^\]]+\])?$/.test(o.address)
    ? `${o.address}.${attribute}`
    : `"${fallback}"`
}

function nameOf(o: ModelObject): string {
  return displayName(o)
}

function isSeparateRoute(route: Route | undefined, table: RouteTable): boolean {
  if (route) return /azurerm_route$|routeTables\/routes$/i.test(route.sourceType)
  return (
    table.routes.length > 0 &&
    table.routes.every((r) => /azurerm_route$|routeTables\/routes$/i.test(r.sourceType))
  )
}

/** Routes that send each address (/32) to Internet, added to `table`. */
export function routeBypassFix(table: RouteTable, sample: Route | undefined, addresses: string[]): string {
  const separate = isSeparateRoute(sample, table)
  switch (table.format) {
    case 'terraform':
      if (separate)
        return addresses
          .map((a) =>
            [
              `resource "azurerm_route" "${tfName(a)}" {`,
              `  name                = "${routeName(a)}"`,
              `  resource_group_name = ${tfRef(table, 'resource_group_name', '<resource group>')}`,
              `  route_table_name    = ${tfRef(table, 'name', nameOf(table))}`,
              `  address_prefix      = "${a}/32"`,
              `  next_hop_type       = "Internet"`,
              `}`,
            ].join('\n'),
          )
          .join('\n\n')
      return addresses
        .map((a) =>
          [
            `route {`,
            `  name           = "${routeName(a)}"`,
            `  address_prefix = "${a}/32"`,
            `  next_hop_type  = "Internet"`,
            `}`,
          ].join('\n'),
        )
        .join('\n\n')
    case 'bicep':
      if (separate)
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
    case 'arm':
      return addresses
        .map((a) =>
          json({ name: routeName(a), properties: { addressPrefix: `${a}/32`, nextHopType: 'Internet' } }),
        )
        .join(',\n')
    default:
      return addresses
        .map(
          (a) =>
            `az network route-table route create --resource-group <resource group> --route-table-name ${nameOf(table)} ` +
            `--name ${routeName(a)} --address-prefix ${a}/32 --next-hop-type Internet`,
        )
        .join('\n')
  }
}

/** A priority that comes before `before` (lower number wins), within Azure's allowed range. */
export function priorityBefore(before: number | undefined, min: number): number {
  if (before === undefined) return min
  return Math.max(min, before - 10)
}

/** A network rule that allows TCP 1688 to the addresses, for the firewall's policy or classic rules. */
export function firewallAllowFix(
  fw: AzureFirewall,
  policy: FirewallPolicy | undefined,
  addresses: string[],
  beforePriority?: number,
): string {
  const priority = priorityBefore(beforePriority, 100)
  const format = policy?.format ?? fw.format
  if (format === 'terraform') {
    const rule = [
      `  rule {`,
      `    name                  = "azure-kms"`,
      `    protocols             = ["TCP"]`,
      `    source_addresses      = ["*"]`,
      `    destination_addresses = ${hclList(addresses)}`,
      `    destination_ports     = ["${KMS_PORT}"]`,
      `  }`,
    ]
    if (policy)
      return [
        `# in the azurerm_firewall_policy_rule_collection_group of ${nameOf(policy)}`,
        `network_rule_collection {`,
        `  name     = "allow-azure-kms"`,
        `  priority = ${priority}`,
        `  action   = "Allow"`,
        ...rule,
        `}`,
      ].join('\n')
    return [
      `resource "azurerm_firewall_network_rule_collection" "azure_kms" {`,
      `  name                = "allow-azure-kms"`,
      `  azure_firewall_name = ${tfRef(fw, 'name', nameOf(fw))}`,
      `  resource_group_name = ${tfRef(fw, 'resource_group_name', '<resource group>')}`,
      `  priority            = ${priority}`,
      `  action              = "Allow"`,
      ...rule,
      `}`,
    ].join('\n')
  }
  const policyCollection = {
    ruleCollectionType: 'FirewallPolicyFilterRuleCollection',
    name: 'allow-azure-kms',
    priority,
    action: { type: 'Allow' },
    rules: [
      {
        ruleType: 'NetworkRule',
        name: 'azure-kms',
        ipProtocols: ['TCP'],
        sourceAddresses: ['*'],
        destinationAddresses: addresses,
        destinationPorts: [String(KMS_PORT)],
      },
    ],
  }
  const classicCollection = {
    name: 'allow-azure-kms',
    properties: {
      priority,
      action: { type: 'Allow' },
      rules: [
        {
          name: 'azure-kms',
          protocols: ['TCP'],
          sourceAddresses: ['*'],
          destinationAddresses: addresses,
          destinationPorts: [String(KMS_PORT)],
        },
      ],
    },
  }
  const obj = policy ? policyCollection : classicCollection
  const where = policy
    ? `ruleCollections of a rule collection group of ${nameOf(policy)}`
    : 'networkRuleCollections'
  if (format === 'bicep') return `// in ${where}\n${toBicep(obj)}`
  if (format === 'arm') return json(obj)
  return (
    `az network firewall policy rule-collection-group collection add-filter-collection --policy-name ${policy ? nameOf(policy) : '<policy>'} ` +
    `--resource-group <resource group> --rcg-name <group> --name allow-azure-kms --collection-priority ${priority} ` +
    `--action Allow --rule-name azure-kms --rule-type NetworkRule --ip-protocols TCP --source-addresses '*' ` +
    `--destination-addresses ${addresses.join(' ')} --destination-ports ${KMS_PORT}`
  )
}

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

/** An outbound NSG rule allowing TCP 1688 to the addresses, placed before the deny rule. */
export function nsgAllowFix(deny: NsgRule, addresses: string[]): string {
  const denyPriority = deny.priority.known ? deny.priority.value : undefined
  const priority = priorityBefore(denyPriority, 100)
  const note =
    denyPriority !== undefined && priority >= denyPriority
      ? `# renumber: the allow must have a lower priority number than ${denyPriority}\n`
      : ''
  switch (deny.format) {
    case 'terraform': {
      const body = [
        `  name                         = "allow-azure-kms"`,
        `  priority                     = ${priority}`,
        `  direction                    = "Outbound"`,
        `  access                       = "Allow"`,
        `  protocol                     = "Tcp"`,
        `  source_port_range            = "*"`,
        `  destination_port_range       = "${KMS_PORT}"`,
        `  source_address_prefix        = "*"`,
        `  destination_address_prefixes = ${hclList(addresses)}`,
      ]
      if (/azurerm_network_security_rule$/.test(deny.sourceType)) {
        return (
          note +
          [
            `resource "azurerm_network_security_rule" "azure_kms" {`,
            ...body,
            `  resource_group_name          = "<resource group of the NSG>"`,
            `  network_security_group_name  = "<NSG name>"`,
            `}`,
          ].join('\n')
        )
      }
      return note + [`security_rule {`, ...body, `}`].join('\n')
    }
    case 'bicep':
    case 'arm': {
      const obj = {
        name: 'allow-azure-kms',
        properties: {
          priority,
          direction: 'Outbound',
          access: 'Allow',
          protocol: 'Tcp',
          sourcePortRange: '*',
          destinationPortRange: String(KMS_PORT),
          sourceAddressPrefix: '*',
          destinationAddressPrefixes: addresses,
        },
      }
      return deny.format === 'bicep' ? note.replace(/^#/, '//') + toBicep(obj) : json(obj)
    }
    default:
      return (
        `az network nsg rule create --resource-group <resource group> --nsg-name <nsg> --name allow-azure-kms ` +
        `--priority ${priority} --direction Outbound --access Allow --protocol Tcp --destination-port-ranges ${KMS_PORT} ` +
        `--destination-address-prefixes ${addresses.join(' ')}`
      )
  }
}

/** Give a private subnet a way out: a NAT gateway (preferred) or default outbound access. */
export function outboundFix(subnet: Subnet): string {
  switch (subnet.format) {
    case 'terraform':
      return [
        `resource "azurerm_subnet_nat_gateway_association" "${tfName(nameOf(subnet)).replace(/^kms_/, '')}" {`,
        `  subnet_id      = ${tfRef(subnet, 'id', '<subnet id>')}`,
        `  nat_gateway_id = azurerm_nat_gateway.<name>.id`,
        `}`,
        ``,
        `# or, on the subnet: default_outbound_access_enabled = true`,
      ].join('\n')
    case 'bicep':
      return `// in the subnet's properties\nnatGateway: {\n  id: natGateway.id\n}\n// or: defaultOutboundAccess: true`
    case 'arm':
      return json({ natGateway: { id: "[resourceId('Microsoft.Network/natGateways', '<name>')]" } })
    default:
      return `az network vnet subnet update --resource-group <resource group> --vnet-name <vnet> --name ${nameOf(subnet)} --nat-gateway <nat gateway>`
  }
}

/** Turn on DNS proxy on a firewall policy, or on a classic firewall. */
export function dnsProxyFix(target: FirewallPolicy | AzureFirewall, isPolicy: boolean): string {
  switch (target.format) {
    case 'terraform':
      return isPolicy ? `dns {\n  proxy_enabled = true\n}` : `dns_proxy_enabled = true`
    case 'bicep':
      return isPolicy
        ? `dnsSettings: {\n  enableProxy: true\n}`
        : `additionalProperties: {\n  'Network.DNS.EnableProxy': 'true'\n}`
    case 'arm':
      return isPolicy
        ? json({ dnsSettings: { enableProxy: true } })
        : json({ additionalProperties: { 'Network.DNS.EnableProxy': 'true' } })
    default:
      return isPolicy
        ? `az network firewall policy update --resource-group <resource group> --name ${nameOf(target)} --enable-dns-proxy true`
        : `az network firewall update --resource-group <resource group> --name ${nameOf(target)} --enable-dns-proxy true`
  }
}

/** The destination attribute of an NSG or firewall rule, naming the given addresses. */
export function destinationsFix(
  rule: NsgRule | FirewallRule,
  kind: 'nsg' | 'firewall',
  addresses: string[],
): string {
  const tf = kind === 'nsg' ? 'destination_address_prefixes' : 'destination_addresses'
  const arm = kind === 'nsg' ? 'destinationAddressPrefixes' : 'destinationAddresses'
  switch (rule.format) {
    case 'terraform':
      return `${tf} = ${hclList(addresses)}`
    case 'bicep':
      return `${arm}: ${bicepList(addresses)}`
    case 'arm':
      return `"${arm}": ${JSON.stringify(addresses)}`
    default:
      return `${arm}: ${addresses.join(', ')}`
  }
}
