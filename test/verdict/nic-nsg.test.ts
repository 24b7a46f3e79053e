/**
 * NSGs set on network interfaces (src/analysis/nic-nsgs.ts). A hardened Windows VM often carries an NSG on
 * its NIC that denies outbound traffic to the Internet; with the spoke's 0.0.0.0/0 sent to the hub firewall
 * Azure's platform exception for KMS is off, so that NSG blocks activation however open the subnet's path is.
 * Before, NICs were not read at all and the subnet read "reachable".
 */
import { scan } from '../../src/pipeline/scan'
import { TF_HUB_VNET, TF_SPOKE_APP, tfHubFirewall, tfRulesKmsAllowed } from '../helpers/hcl-network'
import { BICEP_RT_APP_INTERNET, bicepNic, bicepNsgVm, tfDenyInternetNsg } from '../helpers/nic-nsg'
import { tree as treeOn } from '../helpers/tree'

const KMS = ['20.118.99.224', '40.83.235.53']

const run = async (files: Record<string, string>) => {
  const result = await scan({
    path: treeOn(files, 'kms-nic-nsg-'),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  return { result, app: result.verdict.subnets.find((s) => s.subnet === 'snet-app')! }
}

/** The spoke's 0.0.0.0/0 to the hub firewall (which allows KMS): the platform exception is off. */
const TF_SPOKE_VIA_FIREWALL = `${TF_SPOKE_APP}
resource "azurerm_route_table" "app" {
  name                          = "rt-app"
  location                      = "westeurope"
  resource_group_name           = "rg-spoke"
  bgp_route_propagation_enabled = false

  route {
    name                   = "default-via-firewall"
    address_prefix         = "0.0.0.0/0"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = azurerm_firewall.hub.ip_configuration[0].private_ip_address
  }
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.app.id
}
`

/** A hardened VM NIC in `subnet` whose NSG nsg-vm denies Internet outbound, unless `allowKms` lets 1688 out first. */
const tfNic = (opts: { subnet?: string; allowKms?: boolean } = {}) => `
resource "azurerm_network_interface" "vm" {
  name                = "nic-vm-app-01"
  location            = "westeurope"
  resource_group_name = "rg-spoke"

  ip_configuration {
    name                          = "ipconfig1"
    subnet_id                     = ${opts.subnet ?? 'azurerm_subnet.app.id'}
    private_ip_address_allocation = "Dynamic"
  }
}

${tfDenyInternetNsg({ label: 'vm', name: 'nsg-vm', resourceGroup: 'rg-spoke', allowKms: opts.allowKms })}

resource "azurerm_network_interface_security_group_association" "vm" {
  network_interface_id      = azurerm_network_interface.vm.id
  network_security_group_id = azurerm_network_security_group.vm.id
}
`

const hub = `${TF_HUB_VNET}${tfHubFirewall(tfRulesKmsAllowed(KMS))}`

describe('Terraform: azurerm_network_interface_security_group_association', () => {
  test("a NIC NSG denying Internet outbound blocks KMS behind the spoke's forced route (KMS006 on the NIC's rule)", async () => {
    const { result, app } = await run({ 'hub.tf': hub, 'spoke.tf': TF_SPOKE_VIA_FIREWALL, 'vm.tf': tfNic() })
    expect(app.state).toBe('blocked')
    const f = result.findings.find((x) => x.ruleId === 'KMS006')!
    expect(f.message).toMatch(
      /The NSG rule deny-internet-out in nsg-vm \(set on network interface nic-vm-app-01\) denies outbound TCP 1688 .*route table rt-app overrides 0\.0\.0\.0\/0/,
    )
    expect(f.location.file).toMatch(/vm\.tf$/)
  })

  test('negative controls: the NIC NSG allowing KMS first, or a subnet without the forced route (KMS013 notice only)', async () => {
    const allowed = await run({
      'hub.tf': hub,
      'spoke.tf': TF_SPOKE_VIA_FIREWALL,
      'vm.tf': tfNic({ allowKms: true }),
    })
    expect(allowed.app.state).toBe('reachable')
    const exception = await run({ 'spoke.tf': TF_SPOKE_APP, 'vm.tf': tfNic() })
    expect(exception.app.state).toBe('reachable')
    expect(exception.result.findings.map((f) => f.ruleId)).toContain('KMS013')
  })

  test('a NIC whose subnet cannot be told makes the subnet undecided where its NSG would block, naming it', async () => {
    const { app } = await run({
      'hub.tf': hub,
      'spoke.tf': TF_SPOKE_VIA_FIREWALL,
      'variables.tf': 'variable "vm_subnet_id" {\n  type = string\n}\n',
      'vm.tf': tfNic({ subnet: 'var.vm_subnet_id' }),
    })
    expect(app.state).toBe('undecided')
    expect(`${app.hop} ${app.why}`).toMatch(/nic-vm-app-01|vm_subnet_id/)
  })
})

/** Bicep: snet-app with rt-app (0.0.0.0/0 → Internet: the exception is off) and a VM NIC with nsg-vm. */
const bicep = (opts: { allowKms?: boolean; nsgOnNic?: boolean } = {}) => `${BICEP_RT_APP_INTERNET}
resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [
      {
        name: 'snet-app'
        properties: { addressPrefix: '10.1.1.0/24', routeTable: { id: rt.id } }
      }
    ]
  }
}
${bicepNsgVm(opts.allowKms)}${bicepNic('vnet.properties.subnets[0].id', opts.nsgOnNic === false ? undefined : 'nsgVm.id')}`

describe('Bicep: Microsoft.Network/networkInterfaces with networkSecurityGroup', () => {
  test('the NIC NSG blocks KMS past the forced 0.0.0.0/0 (KMS006 at the rule, naming the NIC)', async () => {
    const { result, app } = await run({ 'main.bicep': bicep() })
    expect(app.state).toBe('blocked')
    expect(app.hop).toMatch(/NSG nsg-vm on NIC nic-vm-app-01: rule deny-internet-out denies/)
    const f = result.findings.find((x) => x.ruleId === 'KMS006')!
    expect(f.message).toMatch(/in nsg-vm \(set on network interface nic-vm-app-01\)/)
  })

  test('negative controls: KMS allowed first in the NIC NSG; the NSG not set on the NIC', async () => {
    expect((await run({ 'main.bicep': bicep({ allowKms: true }) })).app.state).toBe('reachable')
    expect((await run({ 'main.bicep': bicep({ nsgOnNic: false }) })).app.state).toBe('reachable')
  })
})

/** ARM: the same spoke, the NIC's subnet and NSG by resourceId(). */
const arm = (nsgOnNic = true) => ({
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  contentVersion: '1.0.0.0',
  resources: [
    {
      type: 'Microsoft.Network/routeTables',
      apiVersion: '2023-09-01',
      name: 'rt-app',
      location: '[resourceGroup().location]',
      properties: {
        routes: [
          { name: 'default-internet', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' } },
        ],
      },
    },
    {
      type: 'Microsoft.Network/virtualNetworks',
      apiVersion: '2023-09-01',
      name: 'vnet-spoke',
      location: '[resourceGroup().location]',
      properties: {
        addressSpace: { addressPrefixes: ['10.1.0.0/16'] },
        subnets: [
          {
            name: 'snet-app',
            properties: {
              addressPrefix: '10.1.1.0/24',
              routeTable: { id: "[resourceId('Microsoft.Network/routeTables', 'rt-app')]" },
            },
          },
        ],
      },
    },
    {
      type: 'Microsoft.Network/networkSecurityGroups',
      apiVersion: '2023-09-01',
      name: 'nsg-vm',
      location: '[resourceGroup().location]',
      properties: {
        securityRules: [
          {
            name: 'deny-all-out',
            properties: {
              priority: 4096,
              direction: 'Outbound',
              access: 'Deny',
              protocol: '*',
              sourcePortRange: '*',
              destinationPortRange: '*',
              sourceAddressPrefix: '*',
              destinationAddressPrefix: '*',
            },
          },
        ],
      },
    },
    {
      type: 'Microsoft.Network/networkInterfaces',
      apiVersion: '2023-09-01',
      name: 'nic-vm-app-01',
      location: '[resourceGroup().location]',
      properties: {
        ipConfigurations: [
          {
            name: 'ipconfig1',
            properties: {
              privateIPAllocationMethod: 'Dynamic',
              subnet: {
                id: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-app')]",
              },
            },
          },
        ],
        ...(nsgOnNic
          ? {
              networkSecurityGroup: {
                id: "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-vm')]",
              },
            }
          : {}),
      },
    },
  ],
})

describe('ARM: Microsoft.Network/networkInterfaces by resourceId()', () => {
  test('the NIC NSG deny-all blocks KMS past the forced 0.0.0.0/0; without it on the NIC, reachable', async () => {
    const { result, app } = await run({ 'azuredeploy.json': JSON.stringify(arm(), null, 2) })
    expect(app.state).toBe('blocked')
    expect(result.findings.find((f) => f.ruleId === 'KMS006')?.message).toMatch(
      /deny-all-out in nsg-vm \(set on network interface nic-vm-app-01\)/,
    )
    expect((await run({ 'azuredeploy.json': JSON.stringify(arm(false), null, 2) })).app.state).toBe(
      'reachable',
    )
  })
})
