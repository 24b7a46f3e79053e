/**
 * A pull request that adds only a peering or a gateway to a VNet whose subnets are deployed (the IaC declares
 * the VNet, or reads its GatewaySubnet, but no subnet of it): laid over the deployed network read from the
 * HTTPS stand-in for ARM, the new `use_remote_gateways` peering or VPN gateway must meet the deployed subnets
 * of that VNet (KMS014 names them as exposed to BGP), and leave other VNets alone. Where the IaC's resource
 * group cannot be evaluated, the only deployed VNet of that name is taken and a notice says so; two of them
 * are not guessed at.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { readDeployed } from '../../../src/action/live'
import { scan } from '../../../src/pipeline/scan'
import { armVnet, armVpnGateway, netId, type ArmResource } from '../../helpers/arm-inventory'
import { startArmServer, staticCredential, type ArmServer } from '../../helpers/arm-server'

const SUB = '5c2e8a41-9d3b-4f60-b7a2-1e4d6c8f0a35'
const HUB_VNET = netId(SUB, 'rg-connectivity', 'virtualNetworks', 'vnet-hub-weu')
const SPOKE_VNET = netId(SUB, 'rg-spoke-app', 'virtualNetworks', 'vnet-spoke-app')
const GATEWAY = netId(SUB, 'rg-connectivity', 'virtualNetworkGateways', 'vgw-hub-weu')

/** The deployed hub's VPN gateway with BGP, in its GatewaySubnet. */
function deployedGateway(): ArmResource {
  return armVpnGateway(SUB, 'rg-connectivity', 'vgw-hub-weu', `${HUB_VNET}/subnets/GatewaySubnet`, {
    sku: 'VpnGw2AZ',
    bgp: { asn: 65515, peeringAddress: '10.0.0.30' },
    publicIp: 'pip-vgw-hub-weu',
  })
}

/**
 * The deployed estate: a hub (GatewaySubnet, snet-mgmt; its VPN gateway when `gateway`), the spoke
 * vnet-spoke-app with snet-app (not yet peered), and vnet-other, which nothing peers.
 */
function estate(opts: { gateway: boolean; secondSpokeRg?: string }): ArmResource[] {
  const hub = armVnet(SUB, 'rg-connectivity', 'vnet-hub-weu', '10.0.0.0/16', [
    {
      name: 'GatewaySubnet',
      prefix: '10.0.0.0/27',
      ...(opts.gateway ? { ipConfigurations: [`${GATEWAY}/ipConfigurations/default`] } : {}),
    },
    { name: 'snet-mgmt', prefix: '10.0.2.0/24' },
  ]) as ArmResource
  return [
    hub,
    armVnet(SUB, 'rg-spoke-app', 'vnet-spoke-app', '10.1.0.0/16', [
      { name: 'snet-app', prefix: '10.1.1.0/24' },
    ]),
    ...(opts.secondSpokeRg
      ? [
          armVnet(SUB, opts.secondSpokeRg, 'vnet-spoke-app', '10.1.0.0/16', [
            { name: 'snet-app', prefix: '10.1.1.0/24' },
          ]),
        ]
      : []),
    armVnet(SUB, 'rg-other', 'vnet-other', '10.9.0.0/16', [{ name: 'snet-other', prefix: '10.9.1.0/24' }]),
    ...(opts.gateway ? [deployedGateway()] : []),
  ]
}

/** The spoke VNet as its own repository declares it: no subnet blocks (app teams add subnets), one peering. */
const spokeWithPeering = (opts: { useRemoteGateways: boolean; rg?: string }) => `
variable "spoke_resource_group" {
  type = string
}

resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke-app"
  location            = "westeurope"
  resource_group_name = ${opts.rg ? `"${opts.rg}"` : 'var.spoke_resource_group'}
  address_space       = ["10.1.0.0/16"]
}

resource "azurerm_virtual_network_peering" "spoke_to_hub" {
  name                      = "peer-spoke-app-to-hub"
  resource_group_name       = azurerm_virtual_network.spoke.resource_group_name
  virtual_network_name      = azurerm_virtual_network.spoke.name
  remote_virtual_network_id = "${HUB_VNET}"
  allow_forwarded_traffic   = true
  use_remote_gateways       = ${opts.useRemoteGateways}
}
`

/** The hub's VPN gateway added by a pull request; its GatewaySubnet is read, not declared. */
const HUB_GATEWAY = `
resource "azurerm_virtual_network" "hub" {
  name                = "vnet-hub-weu"
  location            = "westeurope"
  resource_group_name = "rg-connectivity"
  address_space       = ["10.0.0.0/16"]
}

data "azurerm_subnet" "gateway" {
  name                 = "GatewaySubnet"
  virtual_network_name = azurerm_virtual_network.hub.name
  resource_group_name  = "rg-connectivity"
}

resource "azurerm_public_ip" "vpn" {
  name                = "pip-vgw-hub-weu"
  location            = "westeurope"
  resource_group_name = "rg-connectivity"
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_virtual_network_gateway" "hub" {
  name                = "vgw-hub-weu"
  location            = "westeurope"
  resource_group_name = "rg-connectivity"
  type                = "Vpn"
  vpn_type            = "RouteBased"
  sku                 = "VpnGw2AZ"
  bgp_enabled         = true

  ip_configuration {
    name                 = "vnetGatewayConfig"
    public_ip_address_id = azurerm_public_ip.vpn.id
    subnet_id            = data.azurerm_subnet.gateway.id
  }
}
`

const servers: ArmServer[] = []
afterAll(async () => Promise.all(servers.map((s) => s.close())))

/** `resources` of SUB, or of each subscription given. */
async function judge(resources: ArmResource[] | Record<string, ArmResource[]>, tf: string) {
  const subscriptions = Array.isArray(resources) ? { [SUB]: resources } : resources
  const server = await startArmServer({ inventory: { subscriptions }, lroPolls: 0 })
  servers.push(server)
  const live = await readDeployed({
    credential: staticCredential(),
    cloud: 'AzureCloud',
    endpoint: server.url,
    subscriptionIds: Object.keys(subscriptions),
    effectiveRoutes: false,
    timeBudgetMs: 60_000,
    clientOptions: { ...server.clientOptions },
  })
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-overlay-vnets-')))
  fs.writeFileSync(path.join(dir, 'main.tf'), tf)
  const result = await scan({
    path: dir,
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
    deployed: live.deployed,
  })
  const at = (armId: string) =>
    result.verdict.subnets.find((s) => s.address.toLowerCase() === armId.toLowerCase())!
  return { result, at }
}

const APP = `${SPOKE_VNET}/subnets/snet-app`
const OTHER = `${netId(SUB, 'rg-other', 'virtualNetworks', 'vnet-other')}/subnets/snet-other`
const MGMT = `${HUB_VNET}/subnets/snet-mgmt`

test('a use_remote_gateways peering added to a VNet with only deployed subnets exposes those subnets to the hub gateway', async () => {
  const { at, result } = await judge(
    estate({ gateway: true }),
    spokeWithPeering({ useRemoteGateways: true, rg: 'rg-spoke-app' }),
  )
  const app = at(APP)
  expect(app).toMatchObject({ state: 'undecided', vnet: 'vnet-spoke-app', format: 'live' })
  expect(app.hop).toContain('vgw-hub-weu')
  expect(app.hop).toContain('peer-spoke-app-to-hub')
  expect(app.hop).not.toMatch(/may be/)
  const kms014 = result.findings.find(
    (f) => f.ruleId === 'KMS014' && f.subnets?.includes('vnet-spoke-app/snet-app'),
  )
  expect(kms014?.message).toContain('vgw-hub-weu')
  // Nothing peers vnet-other: it stays reachable. The resource group was written: no assumption to name.
  expect(at(OTHER).state).toBe('reachable')
  expect(result.findings.filter((f) => f.message.includes('is taken to be the deployed'))).toEqual([])
})

test('the same peering without use_remote_gateways leaves the spoke reachable', async () => {
  const { at } = await judge(
    estate({ gateway: true }),
    spokeWithPeering({ useRemoteGateways: false, rg: 'rg-spoke-app' }),
  )
  expect(at(APP).state).toBe('reachable')
})

test('a VPN gateway added on a GatewaySubnet the IaC only reads exposes that VNet’s deployed subnets, not others', async () => {
  const { at } = await judge(estate({ gateway: false }), HUB_GATEWAY)
  const mgmt = at(MGMT)
  expect(mgmt).toMatchObject({ state: 'undecided', vnet: 'vnet-hub-weu', format: 'live' })
  expect(mgmt.hop).toContain('VPN gateway vgw-hub-weu in vnet-hub-weu')
  expect(mgmt.hop).not.toMatch(/may be/)
  // The gateway's VNet is known: the unpeered VNets are not "maybe" behind it.
  expect(at(APP).state).toBe('reachable')
  expect(at(OTHER).state).toBe('reachable')
})

test('an unevaluated resource group: the only deployed VNet of the name is taken, and a notice says which and how to tell', async () => {
  const { at, result } = await judge(estate({ gateway: true }), spokeWithPeering({ useRemoteGateways: true }))
  expect(at(APP).state).toBe('undecided')
  expect(at(APP).hop).toContain('peer-spoke-app-to-hub')
  const notice = result.findings.filter((f) => f.message.includes('is taken to be the deployed'))
  expect(notice).toHaveLength(1)
  expect(notice[0]).toMatchObject({ ruleId: 'KMS012', severity: 'notice' })
  expect(notice[0]!.message).toContain(SPOKE_VNET)
  expect(notice[0]!.message).toContain('var.spoke_resource_group')
  expect(notice[0]!.message).toMatch(/only deployed VNet named vnet-spoke-app/)
  expect(notice[0]!.message).toMatch(/var file/)
})

test('an unevaluated resource group and two deployed VNets of the name: neither is guessed, both spokes are named as maybe exposed', async () => {
  const { at, result } = await judge(
    estate({ gateway: true, secondSpokeRg: 'rg-spoke-app-dr' }),
    spokeWithPeering({ useRemoteGateways: true }),
  )
  const second = `${netId(SUB, 'rg-spoke-app-dr', 'virtualNetworks', 'vnet-spoke-app')}/subnets/snet-app`
  for (const id of [APP, second]) {
    expect(at(id).state).toBe('undecided')
    expect(at(id).hop).toContain('peer-spoke-app-to-hub')
  }
  expect(result.findings.filter((f) => f.message.includes('is taken to be the deployed'))).toEqual([])
  // Which VNet the peering is on cannot be told: even vnet-other may be it, and is named so, not passed.
  expect(at(OTHER).state).toBe('undecided')
  expect(`${at(OTHER).hop} ${at(OTHER).why}`).toMatch(/may be this VNet/)
})

// ---- A provider alias's subscription_id tells same-named deployed VNets of two subscriptions apart ----

const SUB_B = '9a4f2c61-0e8d-4b37-a5c9-3d7e1f6b2a84'

/** vnet-spoke in rg-spoke of `sub`: GatewaySubnet and snet-app, deployed. */
const deployedSpoke = (sub: string) =>
  armVnet(sub, 'rg-spoke', 'vnet-spoke', '10.1.0.0/16', [
    { name: 'GatewaySubnet', prefix: '10.1.0.0/27' },
    { name: 'snet-app', prefix: '10.1.1.0/24' },
  ])

/** A VPN gateway with BGP the pull request adds to vnet-spoke, deployed through the provider alias for `sub`. */
const spokeGateway = (sub: string) => `
provider "azurerm" {
  features {}
}

provider "azurerm" {
  alias           = "landing_zone"
  subscription_id = "${sub}"
  features {}
}
${HUB_GATEWAY.replaceAll('vnet-hub-weu', 'vnet-spoke')
  .replaceAll('rg-connectivity', 'rg-spoke')
  .replaceAll('vgw-hub-weu', 'vgw-spoke')
  .replace(/^(resource|data) ("[^"]+" "[^"]+" \{)$/gm, '$1 $2\n  provider = azurerm.landing_zone')}`

test('a provider alias with subscription_id: the IaC VNet is the deployed one of that subscription, its namesake elsewhere stays reachable', async () => {
  const { at, result } = await judge(
    { [SUB]: [deployedSpoke(SUB)], [SUB_B]: [deployedSpoke(SUB_B)] },
    spokeGateway(SUB_B),
  )
  const inB = at(`${netId(SUB_B, 'rg-spoke', 'virtualNetworks', 'vnet-spoke')}/subnets/snet-app`)
  expect(inB).toMatchObject({ state: 'undecided', format: 'live' })
  expect(inB.hop).toContain('vgw-spoke')
  expect(inB.hop).not.toMatch(/may be/)
  expect(at(`${netId(SUB, 'rg-spoke', 'virtualNetworks', 'vnet-spoke')}/subnets/snet-app`).state).toBe(
    'reachable',
  )
  expect(result.findings.filter((f) => /matches \d+ deployed/.test(f.message))).toEqual([])
})
