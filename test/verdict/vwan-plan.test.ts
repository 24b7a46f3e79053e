/**
 * Virtual WAN in a Terraform plan (`terraform show -json plan.out`): resource ids are "known after
 * apply", and the plan's configuration section says which resource each one refers to. A secured hub
 * whose routing intent sends Internet traffic to the hub firewall: blocked when the policy allows only
 * DNS, reachable when it allows KMS.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { scan } from '../../src/pipeline/scan'
import { planJson, type Planned } from '../helpers/plan-json'

function securedHub(kmsAllowed: boolean): Planned[] {
  const rules = [
    {
      name: 'dns',
      protocols: ['UDP'],
      source_addresses: ['10.0.0.0/8'],
      destination_addresses: ['168.63.129.16'],
      destination_ports: ['53'],
      destination_fqdns: [],
      destination_ip_groups: [],
      source_ip_groups: [],
      description: null,
    },
  ]
  if (kmsAllowed)
    rules.push({
      ...rules[0],
      name: 'azure-kms',
      protocols: ['TCP'],
      destination_addresses: ['20.118.99.224', '40.83.235.53'],
      destination_ports: ['1688'],
    })
  return [
    {
      type: 'azurerm_virtual_wan',
      name: 'this',
      values: {
        name: 'vwan-contoso',
        resource_group_name: 'rg-vwan',
        location: 'westeurope',
        type: 'Standard',
      },
    },
    {
      type: 'azurerm_virtual_hub',
      name: 'weu',
      values: {
        name: 'vhub-weu',
        resource_group_name: 'rg-vwan',
        location: 'westeurope',
        address_prefix: '10.100.0.0/23',
        sku: 'Standard',
      },
      refs: { virtual_wan_id: 'azurerm_virtual_wan.this.id' },
    },
    {
      type: 'azurerm_firewall_policy',
      name: 'hub',
      values: {
        name: 'afwp-vhub-weu',
        resource_group_name: 'rg-vwan',
        location: 'westeurope',
        sku: 'Standard',
      },
    },
    {
      type: 'azurerm_firewall_policy_rule_collection_group',
      name: 'hub',
      values: {
        name: 'rcg-platform',
        priority: 100,
        network_rule_collection: [{ name: 'platform', priority: 100, action: 'Allow', rule: rules }],
        application_rule_collection: [],
        nat_rule_collection: [],
      },
      refs: { firewall_policy_id: 'azurerm_firewall_policy.hub.id' },
    },
    {
      type: 'azurerm_firewall',
      name: 'hub',
      values: {
        name: 'afw-vhub-weu',
        resource_group_name: 'rg-vwan',
        location: 'westeurope',
        sku_name: 'AZFW_Hub',
        sku_tier: 'Standard',
        ip_configuration: [],
        virtual_hub: [{ public_ip_count: 1 }],
      },
      refs: { firewall_policy_id: 'azurerm_firewall_policy.hub.id' },
      blockRefs: { 'virtual_hub.virtual_hub_id': 'azurerm_virtual_hub.weu.id' },
    },
    {
      type: 'azurerm_virtual_hub_routing_intent',
      name: 'weu',
      values: {
        name: 'ri-vhub-weu',
        routing_policy: [{ name: 'InternetTrafficPolicy', destinations: ['Internet'] }],
      },
      refs: { virtual_hub_id: 'azurerm_virtual_hub.weu.id' },
      blockRefs: { 'routing_policy.next_hop': 'azurerm_firewall.hub.id' },
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
      type: 'azurerm_virtual_hub_connection',
      name: 'spoke',
      values: { name: 'conn-spoke-app', internet_security_enabled: true },
      refs: {
        virtual_hub_id: 'azurerm_virtual_hub.weu.id',
        remote_virtual_network_id: 'azurerm_virtual_network.spoke.id',
      },
    },
  ]
}

function planDir(kmsAllowed: boolean): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-vwan-plan-')))
  fs.writeFileSync(path.join(dir, 'plan.json'), planJson(securedHub(kmsAllowed)))
  return dir
}

const run = (dir: string) => scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })

test('plan: routing intent → hub firewall whose policy allows only DNS blocks the spoke (KMS003)', async () => {
  const dir = planDir(false)
  const result = await run(dir)
  const app = result.verdict.subnets.find((s) => s.subnet === 'snet-app')
  expect(app).toMatchObject({ state: 'blocked', vnet: 'vnet-spoke-app' })
  expect(app?.hop).toContain('afw-vhub-weu')
  const kms003 = result.findings.filter((f) => f.ruleId === 'KMS003')
  expect(kms003).toHaveLength(1)
  expect(kms003[0].message).toContain('snet-app')
  expect(path.relative(dir, kms003[0].location.file)).toBe('plan.json')
  expect(result.verdict.overall).toBe('blocked')
})

test('plan negative control: a KMS network rule in the hub policy makes the spoke reachable', async () => {
  const result = await run(planDir(true))
  expect(result.findings.filter((f) => f.severity !== 'notice')).toEqual([])
  expect(result.verdict.subnets.find((s) => s.subnet === 'snet-app')?.state).toBe('reachable')
})
