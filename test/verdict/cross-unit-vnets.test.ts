/**
 * Hub and spokes in separate units of one scan, as Azure landing zones build them: the connectivity root
 * module declares the hub VNet (and its VPN gateway), a landing-zone root declares its spoke VNet peered
 * to the hub (read with `data`), subnet vending roots add subnets to VNets they read with `data`; in Bicep,
 * a hub deployment and a spoke deployment reading the hub VNet as `existing`. A subnet in a VNet its own
 * unit only reads is judged again with what the declaring unit says: no gateway its VNet can learn from →
 * decided; a BGP gateway → still undecided, naming that gateway and the unit declaring it; a name two units
 * declare in resource groups the scan cannot tell → undecided, naming both; a VNet no unit declares → as
 * before (undeclared).
 */
import { scan } from '../../src/pipeline/scan'
import { TF_HUB_VPN_GATEWAY, tfHubVnet, tfSubnetOfReadVnet } from '../helpers/hcl-network'
import { tree } from '../helpers/tree'
import { bicepHubAndReader } from '../helpers/bicep-hub-reader'

const run = (files: Record<string, string>) =>
  scan({ path: tree(files, 'kms-cross-unit-'), cloud: 'AzureCloud', varFiles: [], workers: false })

const hubVnet = tfHubVnet
const HUB_GATEWAY = TF_HUB_VPN_GATEWAY

/** A landing zone: its spoke VNet, peered to the hub it reads with `data`. */
const spoke = (useRemoteGateways: boolean) => `
data "azurerm_virtual_network" "hub" {
  name                = "vnet-hub"
  resource_group_name = "rg-hub"
}

resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
  address_space       = ["10.1.0.0/16"]
}

resource "azurerm_virtual_network_peering" "spoke_to_hub" {
  name                      = "peer-spoke-to-hub"
  resource_group_name       = "rg-spoke"
  virtual_network_name      = azurerm_virtual_network.spoke.name
  remote_virtual_network_id = data.azurerm_virtual_network.hub.id
  use_remote_gateways       = ${useRemoteGateways}
}
`

/** Subnet vending: a subnet added to a VNet the root reads with `data`. */
const vending = tfSubnetOfReadVnet

const SHARED = vending('vnet-hub', 'rg-hub', 'snet-shared', '10.0.5.0/24')
const VEND = vending('vnet-spoke', 'rg-spoke', 'snet-vend', '10.1.2.0/24')

const verdictOf = async (files: Record<string, string>) => {
  const result = await run(files)
  const of = (subnet: string) => {
    const v = result.verdict.subnets.find((s) => s.subnet === subnet)
    if (!v)
      throw new Error(`${subnet} not judged: ${JSON.stringify(result.verdict.subnets.map((s) => s.subnet))}`)
    return v
  }
  /** The KMS014 message about a subnet, in full (the verdict's hop is shortened). */
  of.kms014 = (subnet: string) =>
    result.findings.find((f) => f.ruleId === 'KMS014' && f.message.includes(`/${subnet} `))?.message ?? ''
  return of
}

describe('Terraform: hub, spoke and vending in separate root modules', () => {
  test('hub with a BGP VPN gateway: subnets reading the hub or the spoke stay undecided, naming the gateway and its root module', async () => {
    const v = await verdictOf({
      'connectivity/main.tf': hubVnet() + HUB_GATEWAY,
      'landing-zone/main.tf': spoke(true),
      'shared/main.tf': SHARED,
      'vending/main.tf': VEND,
    })
    const shared = v('snet-shared')
    expect(shared.state).toBe('undecided')
    expect(v.kms014('snet-shared')).toContain(
      'VPN gateway vgw-hub in vnet-hub (declared in root module connectivity)',
    )
    expect(shared.hop).not.toContain('the gateways and peerings of vnet-hub')
    const vend = v('snet-vend')
    expect(vend.state).toBe('undecided')
    expect(v.kms014('snet-vend')).toContain(
      'VPN gateway vgw-hub in vnet-hub (declared in root module connectivity)',
    )
    expect(v.kms014('snet-vend')).toContain(
      'through peering peer-spoke-to-hub (use_remote_gateways) (declared in root module landing-zone)',
    )
    expect(vend.why).toContain('BGP is enabled')
  })

  test('the landing zone itself: its peering to the hub meets the hub root’s gateway', async () => {
    const v = await verdictOf({
      'connectivity/main.tf': hubVnet() + HUB_GATEWAY,
      'landing-zone/main.tf':
        spoke(true) +
        `
resource "azurerm_subnet" "workload" {
  name                 = "snet-workload"
  resource_group_name  = "rg-spoke"
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["10.1.1.0/24"]
}
`,
    })
    const w = v('snet-workload')
    expect(w.state).toBe('undecided')
    expect(v.kms014('snet-workload')).toContain(
      'VPN gateway vgw-hub in vnet-hub (declared in root module connectivity)',
    )
  })

  test('hub without a gateway, spoke without use_remote_gateways: decided (reachable)', async () => {
    const v = await verdictOf({
      'connectivity/main.tf': hubVnet(),
      'landing-zone/main.tf': spoke(false),
      'shared/main.tf': SHARED,
      'vending/main.tf': VEND,
    })
    expect(v('snet-shared').state).toBe('reachable')
    expect(v('snet-vend').state).toBe('reachable')
  })

  test('control: a VNet no unit declares stays undecided as before', async () => {
    const v = await verdictOf({ 'connectivity/main.tf': hubVnet(), 'vending/main.tf': VEND })
    const vend = v('snet-vend')
    expect(vend.state).toBe('undecided')
    expect(vend.why).toContain('vnet-spoke is not declared in the scanned sources')
  })

  test('two roots declare vnet-hub in resource groups the scan cannot tell: undecided, both named', async () => {
    const rgVariable = `
variable "resource_group_name" {
  type = string
}
`
    const v = await verdictOf({
      'connectivity/main.tf': rgVariable + hubVnet('var.resource_group_name'),
      'connectivity-dr/main.tf': rgVariable + hubVnet('var.resource_group_name'),
      'shared/main.tf': SHARED,
    })
    const shared = v('snet-shared')
    expect(shared.state).toBe('undecided')
    expect(shared.why).toContain(
      'vnet-hub may be the VNet declared in root module connectivity (resource group not known) or root module connectivity-dr (resource group not known), but it is not taken as either',
    )
  })

  test('one root declares vnet-hub with its resource group from a variable without value: not taken, named with what resolves it', async () => {
    const v = await verdictOf({
      'connectivity/main.tf':
        'variable "resource_group_name" {\n  type = string\n}\n' + hubVnet('var.resource_group_name'),
      'shared/main.tf': SHARED,
    })
    const shared = v('snet-shared')
    expect(shared.state).toBe('undecided')
    expect(shared.why).toContain(
      'vnet-hub may be the VNet declared in root module connectivity (resource group not known), but it is not taken as that VNet: VNets are told apart by resource group and name, and that unit does not say its resource group',
    )
    expect(shared.why).toContain('give the resource group (a var file or parameter value')
  })

  test('control: the same resource group from the variable’s default or a tfvars file: matched, decided', async () => {
    const withDefault = await verdictOf({
      'connectivity/main.tf':
        'variable "resource_group_name" {\n  type    = string\n  default = "rg-hub"\n}\n' +
        hubVnet('var.resource_group_name'),
      'shared/main.tf': SHARED,
    })
    expect(withDefault('snet-shared').state).toBe('reachable')
    const withTfvars = await verdictOf({
      'connectivity/main.tf':
        'variable "resource_group_name" {\n  type = string\n}\n' + hubVnet('var.resource_group_name'),
      'connectivity/terraform.tfvars': 'resource_group_name = "rg-hub"\n',
      'shared/main.tf': SHARED,
    })
    expect(withTfvars('snet-shared').state).toBe('reachable')
  })

  test('a hub declared in another resource group is another VNet: not taken', async () => {
    const v = await verdictOf({ 'connectivity/main.tf': hubVnet('"rg-hub-weu"'), 'shared/main.tf': SHARED })
    const shared = v('snet-shared')
    expect(shared.state).toBe('undecided')
    expect(shared.why).toContain('vnet-hub is not declared in the scanned sources')
  })
})

describe('Bicep: a hub deployment and a spoke deployment reading it as existing', () => {
  test('an `existing` hub VNet without `scope` in a resource-group deployment: the one candidate is named, not taken', async () => {
    const f = bicepHubAndReader(false)
    const v = await verdictOf({
      'platform/connectivity/main.bicep': f['platform/connectivity/main.bicep'],
      'platform/connectivity/modules/hub.bicep': f['platform/connectivity/modules/hub.bicep'],
      // Deployed with `az deployment group create -g <group>`: the group is not in the template.
      'landing-zones/shared/main.bicep': f['landing-zones/shared/subnet.bicep'].replace(
        'param vnetName string',
        "param vnetName string = 'vnet-hub'",
      ),
    })
    const shared = v('snet-shared')
    expect(shared.state).toBe('undecided')
    expect(shared.why).toContain(
      'vnet-hub may be the VNet declared in deployment platform/connectivity/main.bicep (resource group rg-hub), but it is not taken as that VNet: VNets are told apart by resource group and name, and this unit does not say which resource group it reads it from',
    )
    expect(shared.why).toContain("`scope: resourceGroup('…')` on the `existing` VNet")
  })

  test('hub without a gateway: the spoke deployment’s subnet is decided', async () => {
    const v = await verdictOf(bicepHubAndReader(false))
    expect(v('snet-shared').state).toBe('reachable')
  })

  test('hub with a BGP VPN gateway: undecided, naming it and the hub deployment', async () => {
    const v = await verdictOf(bicepHubAndReader(true))
    const shared = v('snet-shared')
    expect(shared.state).toBe('undecided')
    expect(shared.hop).toContain(
      'VPN gateway vgw-hub in vnet-hub (declared in deployment platform/connectivity/main.bicep)',
    )
  })
})
