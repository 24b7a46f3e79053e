/**
 * BGP and Azure Virtual Network Manager in a Terraform plan (`terraform show -json plan.out`), through the
 * real plan path: ids are "known after apply" and the configuration section says what each reference names.
 * A spoke that uses the hub's BGP VPN gateway is undecided unless its table keeps gateway routes out; a
 * committed admin Deny blocks, a committed managed forced tunnel blocks; their negative controls stay clean.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { scan } from '../../src/pipeline/scan'
import { planJson, type Planned } from '../helpers/plan-json'

const run = async (resources: Planned[]) => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-plan-bgp-avnm-')))
  fs.writeFileSync(path.join(dir, 'plan.json'), planJson(resources))
  const result = await scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })
  return { ...result, dir, app: result.verdict.subnets.find((s) => s.subnet === 'snet-app')! }
}

const RG = { location: 'westeurope' }

const vnet = (name: string, key: string, cidr: string): Planned => ({
  type: 'azurerm_virtual_network',
  name: key,
  values: { ...RG, name, resource_group_name: 'rg-net', address_space: [cidr] },
})

/** `virtual_network_name = azurerm_virtual_network.x.name` is known at plan time (a constant name). */
const subnet = (key: string, name: string, vnetName: string, prefix: string): Planned => ({
  type: 'azurerm_subnet',
  name: key,
  values: { name, resource_group_name: 'rg-net', virtual_network_name: vnetName, address_prefixes: [prefix] },
})

/** A hub VNet with a BGP VPN gateway and a spoke with snet-app, peered with use_remote_gateways. */
function hubSpoke(useRemoteGateways: boolean): Planned[] {
  return [
    vnet('vnet-hub', 'hub', '10.0.0.0/16'),
    vnet('vnet-spoke', 'spoke', '10.1.0.0/16'),
    subnet('gateway', 'GatewaySubnet', 'vnet-hub', '10.0.0.0/27'),
    subnet('app', 'snet-app', 'vnet-spoke', '10.1.1.0/24'),
    {
      type: 'azurerm_public_ip',
      name: 'vpn',
      values: { ...RG, name: 'pip-vgw-hub', resource_group_name: 'rg-net', allocation_method: 'Static' },
    },
    {
      type: 'azurerm_virtual_network_gateway',
      name: 'hub',
      values: {
        ...RG,
        name: 'vgw-hub',
        resource_group_name: 'rg-net',
        type: 'Vpn',
        vpn_type: 'RouteBased',
        sku: 'VpnGw2AZ',
        bgp_enabled: true,
        ip_configuration: [{ name: 'vnetGatewayConfig', private_ip_address_allocation: 'Dynamic' }],
      },
      blockRefs: {
        'ip_configuration.subnet_id': 'azurerm_subnet.gateway.id',
        'ip_configuration.public_ip_address_id': 'azurerm_public_ip.vpn.id',
      },
    },
    {
      type: 'azurerm_virtual_network_peering',
      name: 'spoke_to_hub',
      values: {
        name: 'peer-spoke-to-hub',
        resource_group_name: 'rg-net',
        virtual_network_name: 'vnet-spoke',
        allow_forwarded_traffic: true,
        allow_gateway_transit: false,
        use_remote_gateways: useRemoteGateways,
      },
      refs: { remote_virtual_network_id: 'azurerm_virtual_network.hub.id' },
    },
  ]
}

/** A route table on snet-app with the given routes and propagation. */
const spokeTable = (propagation: boolean, routes: Record<string, unknown>[]): Planned[] => [
  {
    type: 'azurerm_route_table',
    name: 'app',
    values: {
      ...RG,
      name: 'rt-app',
      resource_group_name: 'rg-net',
      bgp_route_propagation_enabled: propagation,
      route: routes.map((r) => ({ next_hop_in_ip_address: null, ...r })),
    },
  },
  {
    type: 'azurerm_subnet_route_table_association',
    name: 'app',
    values: {},
    refs: { subnet_id: 'azurerm_subnet.app.id', route_table_id: 'azurerm_route_table.app.id' },
  },
]

const DEFAULT_TO_INTERNET = { name: 'default', address_prefix: '0.0.0.0/0', next_hop_type: 'Internet' }

test('plan BGP: a spoke using the hub’s BGP VPN gateway without a table of its own is undecided (KMS014)', async () => {
  const { app, findings, dir } = await run(hubSpoke(true))
  expect(app.state).toBe('undecided')
  expect(app.hop).toContain('VPN gateway vgw-hub in vnet-hub, through peering peer-spoke-to-hub')
  expect(app.why).toContain('the subnet has no route table, so gateway routes propagate')
  const kms014 = findings.find((f) => f.ruleId === 'KMS014')!
  expect(path.relative(dir, kms014.location.file)).toBe('plan.json')
})

test('plan BGP: a user 0.0.0.0/0 with gateway propagation on can lose to a more specific learned route', async () => {
  const { app } = await run([...hubSpoke(true), ...spokeTable(true, [DEFAULT_TO_INTERNET])])
  expect(app.state).toBe('undecided')
  expect(app.why).toContain('more specific than the user route default (0.0.0.0/0)')
})

test('plan BGP negative controls: propagation off, or a peering that does not use the remote gateway', async () => {
  expect((await run([...hubSpoke(true), ...spokeTable(false, [DEFAULT_TO_INTERNET])])).app.state).toBe(
    'reachable',
  )
  const noTransit = await run(hubSpoke(false))
  expect(noTransit.app.state).toBe('reachable')
  expect(noTransit.findings.filter((f) => f.severity !== 'notice')).toEqual([])
})

/** A network manager with the spoke as a static member of ng-spokes. */
const manager = (): Planned[] => [
  {
    type: 'azurerm_network_manager',
    name: 'corp',
    values: {
      ...RG,
      name: 'avnm-corp',
      resource_group_name: 'rg-avnm',
      scope_accesses: ['SecurityAdmin', 'Routing'],
    },
  },
  {
    type: 'azurerm_network_manager_network_group',
    name: 'spokes',
    values: { name: 'ng-spokes' },
    refs: { network_manager_id: 'azurerm_network_manager.corp.id' },
  },
  {
    type: 'azurerm_network_manager_static_member',
    name: 'spoke',
    values: { name: 'sm-vnet-spoke' },
    refs: {
      network_group_id: 'azurerm_network_manager_network_group.spokes.id',
      target_virtual_network_id: 'azurerm_virtual_network.spoke.id',
    },
  },
]

const deployment = (key: string, scope: string, config: string): Planned => ({
  type: 'azurerm_network_manager_deployment',
  name: key,
  values: { location: 'westeurope', scope_access: scope },
  refs: { network_manager_id: 'azurerm_network_manager.corp.id', configuration_ids: [`${config}.id`] },
})

function adminDeny(ports: string[]): Planned[] {
  return [
    {
      type: 'azurerm_network_manager_security_admin_configuration',
      name: 'baseline',
      values: { name: 'sac-baseline' },
      refs: { network_manager_id: 'azurerm_network_manager.corp.id' },
    },
    {
      type: 'azurerm_network_manager_admin_rule_collection',
      name: 'egress',
      values: { name: 'rc-egress' },
      refs: {
        security_admin_configuration_id: 'azurerm_network_manager_security_admin_configuration.baseline.id',
        network_group_ids: ['azurerm_network_manager_network_group.spokes.id'],
      },
    },
    {
      type: 'azurerm_network_manager_admin_rule',
      name: 'egress',
      values: {
        name: 'deny-internet-out',
        action: 'Deny',
        direction: 'Outbound',
        priority: 100,
        protocol: 'Tcp',
        destination_port_ranges: ports,
        source: [{ address_prefix_type: 'IPPrefix', address_prefix: '*' }],
        destination: [{ address_prefix_type: 'ServiceTag', address_prefix: 'Internet' }],
      },
      refs: { admin_rule_collection_id: 'azurerm_network_manager_admin_rule_collection.egress.id' },
    },
    deployment('baseline', 'SecurityAdmin', 'azurerm_network_manager_security_admin_configuration.baseline'),
  ]
}

/** The spoke's own default route to Internet turns the KMS platform exception off: a Deny surely blocks. */
const spoke = (): Planned[] => [
  vnet('vnet-spoke', 'spoke', '10.1.0.0/16'),
  subnet('app', 'snet-app', 'vnet-spoke', '10.1.1.0/24'),
]

test('plan AVNM: a committed admin Deny of outbound Internet blocks KMS (KMS015 at the admin rule)', async () => {
  const { app, findings } = await run([
    ...spoke(),
    ...spokeTable(false, [DEFAULT_TO_INTERNET]),
    ...manager(),
    ...adminDeny(['0-65535']),
  ])
  expect(app.state).toBe('blocked')
  expect(app.hop).toContain('security admin rule deny-internet-out (Virtual Network Manager) denies')
  expect(findings.find((f) => f.ruleId === 'KMS015')!.resource).toBe(
    'azurerm_network_manager_admin_rule.egress',
  )
})

test('plan AVNM negative control: an admin Deny of SMB and RDP only leaves KMS reachable', async () => {
  const { app, findings } = await run([
    ...spoke(),
    ...spokeTable(false, [DEFAULT_TO_INTERNET]),
    ...manager(),
    ...adminDeny(['445', '3389']),
  ])
  expect(app.state).toBe('reachable')
  expect(findings.filter((f) => f.severity !== 'notice')).toEqual([])
})

function routing(destination: string, nextHop: Record<string, unknown>): Planned[] {
  return [
    {
      type: 'azurerm_network_manager_routing_configuration',
      name: 'spokes',
      values: { name: 'rc-spokes' },
      refs: { network_manager_id: 'azurerm_network_manager.corp.id' },
    },
    {
      type: 'azurerm_network_manager_routing_rule_collection',
      name: 'spokes',
      values: { name: 'rrc-spokes', bgp_route_propagation_enabled: false },
      refs: {
        routing_configuration_id: 'azurerm_network_manager_routing_configuration.spokes.id',
        network_group_ids: ['azurerm_network_manager_network_group.spokes.id'],
      },
    },
    {
      type: 'azurerm_network_manager_routing_rule',
      name: 'default',
      values: {
        name: 'forced-tunnel',
        destination: [{ type: 'AddressPrefix', address: destination }],
        next_hop: [nextHop],
      },
      refs: { rule_collection_id: 'azurerm_network_manager_routing_rule_collection.spokes.id' },
    },
    deployment('routing', 'Routing', 'azurerm_network_manager_routing_configuration.spokes'),
  ]
}

test('plan AVNM: a committed managed 0.0.0.0/0 to the VPN gateway is a forced tunnel (KMS001 at the routing rule)', async () => {
  const { app, findings } = await run([
    ...spoke(),
    ...manager(),
    ...routing('0.0.0.0/0', { type: 'VirtualNetworkGateway', address: null }),
  ])
  expect(app.state).toBe('blocked')
  expect(app.hop).toContain('managed route forced-tunnel 0.0.0.0/0 → VirtualNetworkGateway (on-premises)')
  expect(findings.find((f) => f.ruleId === 'KMS001')!.resource).toBe(
    'azurerm_network_manager_routing_rule.default',
  )
})

test('plan AVNM negative control: a managed route for spoke-to-spoke traffic leaves KMS reachable', async () => {
  const { app, findings } = await run([
    ...spoke(),
    ...manager(),
    ...routing('10.2.0.0/16', { type: 'VirtualAppliance', address: '10.0.1.4' }),
  ])
  expect(app.state).toBe('reachable')
  expect(findings.filter((f) => f.severity !== 'notice')).toEqual([])
})
