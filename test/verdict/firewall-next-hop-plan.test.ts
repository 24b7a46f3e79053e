/**
 * A spoke route's next hop is the hub firewall's private address, as a Terraform plan has it. Hub
 * addresses handed around as one comma-separated string (`split(",", var.firewall_private_ips)[1]`) keep
 * the blank after the comma: the plan says ` 10.0.1.4`, and the route still points at the firewall.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { scan } from '../../src/pipeline/scan'
import { planJson, type Planned } from '../helpers/plan-json'

const KMS = ['20.118.99.224', '40.83.235.53']

function hubAndSpoke(nextHop: string): Planned[] {
  return [
    {
      type: 'azurerm_virtual_network',
      name: 'hub',
      values: {
        name: 'vnet-hub',
        resource_group_name: 'rg-hub',
        location: 'westeurope',
        address_space: ['10.0.0.0/16'],
      },
    },
    {
      type: 'azurerm_subnet',
      name: 'firewall',
      values: {
        name: 'AzureFirewallSubnet',
        resource_group_name: 'rg-hub',
        virtual_network_name: 'vnet-hub',
        address_prefixes: ['10.0.1.0/26'],
      },
    },
    {
      type: 'azurerm_firewall_policy',
      name: 'hub',
      values: { name: 'afwp-hub', resource_group_name: 'rg-hub', location: 'westeurope', sku: 'Standard' },
    },
    {
      type: 'azurerm_firewall_policy_rule_collection_group',
      name: 'platform',
      values: {
        name: 'rcg-platform',
        priority: 100,
        network_rule_collection: [
          {
            name: 'platform',
            priority: 100,
            action: 'Allow',
            rule: [
              {
                name: 'azure-kms',
                protocols: ['TCP'],
                source_addresses: ['10.1.0.0/16'],
                destination_addresses: KMS,
                destination_ports: ['1688'],
                destination_fqdns: [],
                destination_ip_groups: [],
                source_ip_groups: [],
                description: null,
              },
            ],
          },
        ],
        application_rule_collection: [],
        nat_rule_collection: [],
      },
      refs: { firewall_policy_id: 'azurerm_firewall_policy.hub.id' },
    },
    {
      type: 'azurerm_firewall',
      name: 'hub',
      values: {
        name: 'afw-hub',
        resource_group_name: 'rg-hub',
        location: 'westeurope',
        sku_name: 'AZFW_VNet',
        sku_tier: 'Standard',
        // Known in the plan: the firewall is already deployed.
        ip_configuration: [{ name: 'configuration', private_ip_address: '10.0.1.4' }],
      },
      refs: { firewall_policy_id: 'azurerm_firewall_policy.hub.id' },
      blockRefs: { 'ip_configuration.subnet_id': 'azurerm_subnet.firewall.id' },
    },
    {
      type: 'azurerm_virtual_network',
      name: 'spoke',
      values: {
        name: 'vnet-spoke-app',
        resource_group_name: 'rg-spoke-app',
        location: 'westeurope',
        address_space: ['10.1.0.0/16'],
      },
    },
    {
      type: 'azurerm_subnet',
      name: 'app',
      values: {
        name: 'snet-app',
        resource_group_name: 'rg-spoke-app',
        virtual_network_name: 'vnet-spoke-app',
        address_prefixes: ['10.1.1.0/24'],
      },
    },
    {
      type: 'azurerm_route_table',
      name: 'spoke',
      values: {
        name: 'rt-spoke-app',
        resource_group_name: 'rg-spoke-app',
        location: 'westeurope',
        bgp_route_propagation_enabled: false,
        route: [
          {
            name: 'default-via-firewall',
            address_prefix: '0.0.0.0/0',
            next_hop_type: 'VirtualAppliance',
            next_hop_in_ip_address: nextHop,
          },
        ],
      },
    },
    {
      type: 'azurerm_subnet_route_table_association',
      name: 'app',
      values: {},
      refs: { subnet_id: 'azurerm_subnet.app.id', route_table_id: 'azurerm_route_table.spoke.id' },
    },
  ]
}

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

async function scanPlan(nextHop: string) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-fw-hop-plan-')))
  dirs.push(dir)
  fs.writeFileSync(path.join(dir, 'plan.json'), planJson(hubAndSpoke(nextHop)))
  const result = await scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })
  return { result, app: result.verdict.subnets.find((s) => s.subnet === 'snet-app')! }
}

test('a next hop with the blank a split left is still the firewall: its policy allows KMS, the spoke reaches it', async () => {
  const { result, app } = await scanPlan(' 10.0.1.4')
  expect(app.state).toBe('reachable')
  expect(app.path).toContain('afw-hub')
  expect(result.findings.filter((f) => f.severity !== 'notice')).toEqual([])
})

test('negative control: a next hop at another address is an appliance the scan cannot see, undecided', async () => {
  const { result, app } = await scanPlan(' 10.0.1.5')
  expect(app.state).toBe('undecided')
  expect(app.hop?.replace(/\s+/g, ' ')).toBe('appliance 10.0.1.5')
  expect(result.findings.map((f) => f.ruleId)).toContain('KMS004')
})
