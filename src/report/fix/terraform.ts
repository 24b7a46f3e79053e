/** Fix text as Terraform HCL: inline blocks or separate resources, as the configuration already does it. */
import { KMS_PORT } from '../../kms/catalogue'
import type { ModelObject } from '../../model/network'
import { isNsgRule, isPolicy, type FixChange } from '../../rules/fix-change'
import { nameOf, nsgAllowPriority, priorityBefore, routeName, separateRoutes, tfName } from './common'

const hclList = (xs: string[]) => `[${xs.map((x) => `"${x}"`).join(', ')}]`

/**
 * A Terraform reference to a resource's attribute, when the address can be referenced from the root module.
 */
function tfRef(o: ModelObject, attribute: string, fallback: string): string {
  return /^azurerm_[a-z_]+\.[\w-]+(\[[^\]]+\])?$/.test(o.address)
    ? `${o.address}.${attribute}`
    : `"${fallback}"`
}

export function renderTerraform(change: FixChange): string {
  switch (change.kind) {
    case 'add-routes': {
      const { table, addresses } = change
      if (separateRoutes(table, change.like))
        return addresses
          .map((a) =>
            [
              `resource "azurerm_route" "${tfName(a)}" {`,
              `  name                = "${routeName(a)}"`,
              `  resource_group_name = ${tfRef(table, 'resource_group_name', table.resourceGroup ?? '<resource group>')}`,
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
    }
    case 'allow-kms-firewall': {
      const { firewall, policy } = change
      const priority = priorityBefore(change.before, 100)
      const rule = [
        `  rule {`,
        `    name                  = "azure-kms"`,
        `    protocols             = ["TCP"]`,
        `    source_addresses      = ["*"]`,
        `    destination_addresses = ${hclList(change.addresses)}`,
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
        `  azure_firewall_name = ${tfRef(firewall, 'name', nameOf(firewall))}`,
        `  resource_group_name = ${tfRef(firewall, 'resource_group_name', firewall.resourceGroup ?? '<resource group>')}`,
        `  priority            = ${priority}`,
        `  action              = "Allow"`,
        ...rule,
        `}`,
      ].join('\n')
    }
    case 'allow-kms-nsg': {
      const { priority, note } = nsgAllowPriority(change.deny)
      const body = [
        `  name                         = "allow-azure-kms"`,
        `  priority                     = ${priority}`,
        `  direction                    = "Outbound"`,
        `  access                       = "Allow"`,
        `  protocol                     = "Tcp"`,
        `  source_port_range            = "*"`,
        `  destination_port_range       = "${KMS_PORT}"`,
        `  source_address_prefix        = "*"`,
        `  destination_address_prefixes = ${hclList(change.addresses)}`,
      ]
      const block = /azurerm_network_security_rule$/.test(change.deny.sourceType)
        ? [
            `resource "azurerm_network_security_rule" "azure_kms" {`,
            ...body,
            `  resource_group_name          = "<resource group of the NSG>"`,
            `  network_security_group_name  = "<NSG name>"`,
            `}`,
          ]
        : [`security_rule {`, ...body, `}`]
      return (note ? `# ${note}\n` : '') + block.join('\n')
    }
    case 'add-outbound':
      return [
        `resource "azurerm_subnet_nat_gateway_association" "${tfName(nameOf(change.subnet)).replace(/^kms_/, '')}" {`,
        `  subnet_id      = ${tfRef(change.subnet, 'id', '<subnet id>')}`,
        `  nat_gateway_id = azurerm_nat_gateway.<name>.id`,
        `}`,
        ``,
        `# or, on the subnet: default_outbound_access_enabled = true`,
      ].join('\n')
    case 'enable-dns-proxy':
      return isPolicy(change.target) ? `dns {\n  proxy_enabled = true\n}` : `dns_proxy_enabled = true`
    case 'set-destinations':
      return `${isNsgRule(change.rule) ? 'destination_address_prefixes' : 'destination_addresses'} = ${hclList(change.addresses)}`
  }
}
