/** Fix text for plan and live findings, which have no file to edit: Azure CLI commands. */
import { KMS_PORT } from '../../kms/catalogue'
import { isNsgRule, isPolicy, type FixChange } from '../../rules/fix-change'
import { nameOf, nsgAllowPriority, priorityBefore, routeName } from './common'

export function renderCli(change: FixChange): string {
  switch (change.kind) {
    case 'add-routes':
      return change.addresses
        .map(
          (a) =>
            `az network route-table route create --resource-group ${change.table.resourceGroup ?? '<resource group>'} --route-table-name ${nameOf(change.table)} ` +
            `--name ${routeName(a)} --address-prefix ${a}/32 --next-hop-type Internet`,
        )
        .join('\n')
    case 'allow-kms-firewall':
      return (
        `az network firewall policy rule-collection-group collection add-filter-collection --policy-name ${change.policy ? nameOf(change.policy) : '<policy>'} ` +
        `--resource-group <resource group> --rcg-name <group> --name allow-azure-kms --collection-priority ${priorityBefore(change.before, 100)} ` +
        `--action Allow --rule-name azure-kms --rule-type NetworkRule --ip-protocols TCP --source-addresses '*' ` +
        `--destination-addresses ${change.addresses.join(' ')} --destination-ports ${KMS_PORT}`
      )
    case 'allow-kms-nsg':
      return (
        `az network nsg rule create --resource-group <resource group> --nsg-name <nsg> --name allow-azure-kms ` +
        `--priority ${nsgAllowPriority(change.deny).priority} --direction Outbound --access Allow --protocol Tcp --destination-port-ranges ${KMS_PORT} ` +
        `--destination-address-prefixes ${change.addresses.join(' ')}`
      )
    case 'add-outbound':
      return `az network vnet subnet update --resource-group <resource group> --vnet-name <vnet> --name ${nameOf(change.subnet)} --nat-gateway <nat gateway>`
    case 'enable-dns-proxy':
      return isPolicy(change.target)
        ? `az network firewall policy update --resource-group <resource group> --name ${nameOf(change.target)} --enable-dns-proxy true`
        : `az network firewall update --resource-group <resource group> --name ${nameOf(change.target)} --enable-dns-proxy true`
    case 'set-destinations':
      return `${isNsgRule(change.rule) ? 'destinationAddressPrefixes' : 'destinationAddresses'}: ${change.addresses.join(', ')}`
  }
}
