/**
 * A landing-zone hub built with the pattern module Azure/avm-ptn-hubnetworking/azurerm and a spoke built
 * with the resource modules, read from their inputs (no `terraform init`): the spoke's default route
 * goes to the hub firewall the pattern creates, whose policy gets its rules from the
 * firewallpolicy//modules/rule_collection_groups submodule.
 */
import * as path from 'node:path'
import { scan } from '../../../../src/pipeline/scan'
import { writeTree } from '../eval-helpers'

const scanDir = (dir: string) => scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })

const DNS_ONLY = `    {
      name     = "allow-dns"
      action   = "Allow"
      priority = 100
      rule = [
        {
          name                  = "dns"
          protocols             = ["UDP"]
          source_addresses      = ["10.0.0.0/8"]
          destination_addresses = ["168.63.129.16"]
          destination_ports     = ["53"]
        }
      ]
    }`

const WITH_KMS = `    {
      name     = "allow-dns-kms"
      action   = "Allow"
      priority = 100
      rule = [
        {
          name                  = "dns"
          protocols             = ["UDP"]
          source_addresses      = ["10.0.0.0/8"]
          destination_addresses = ["168.63.129.16"]
          destination_ports     = ["53"]
        },
        {
          name                  = "azure-kms"
          protocols             = ["TCP"]
          source_addresses      = ["10.0.0.0/8"]
          destination_addresses = ["20.118.99.224", "40.83.235.53", "23.102.135.246"]
          destination_ports     = ["1688"]
        }
      ]
    }`

function landingZone(collections: string): Record<string, string> {
  return {
    'hub.tf': `module "hub" {
  source  = "Azure/avm-ptn-hubnetworking/azurerm"
  version = "0.12.0"

  hub_virtual_networks = {
    primary = {
      name                  = "vnet-hub-weu"
      address_space         = ["10.0.0.0/22"]
      location              = "westeurope"
      parent_id             = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub"
      routing_address_space = ["10.0.0.0/16"]
      firewall = {
        sku_name              = "AZFW_VNet"
        sku_tier              = "Standard"
        subnet_address_prefix = "10.0.0.0/26"
        firewall_policy = {
          name = "fwp-hub-weu"
          dns = {
            proxy_enabled = true
          }
        }
      }
      subnets = {
        shared = {
          name             = "snet-shared"
          address_prefixes = ["10.0.1.0/24"]
        }
      }
    }
  }
}

module "hub_rules" {
  source  = "Azure/avm-res-network-firewallpolicy/azurerm//modules/rule_collection_groups"
  version = "0.3.3"

  firewall_policy_rule_collection_group_name               = "rcg-platform"
  firewall_policy_rule_collection_group_priority           = 200
  firewall_policy_rule_collection_group_firewall_policy_id = module.hub.firewall_policies["primary"].id
  firewall_policy_rule_collection_group_network_rule_collection = [
${collections}
  ]
}
`,
    'spoke.tf': `module "spoke_rt" {
  source  = "Azure/avm-res-network-routetable/azurerm"
  version = "0.4.1"

  name                = "rt-spoke-app"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
  routes = {
    default = {
      name                   = "default-via-hub"
      address_prefix         = "0.0.0.0/0"
      next_hop_type          = "VirtualAppliance"
      next_hop_in_ip_address = module.hub.firewalls["primary"].private_ip_address
    }
  }
}

module "spoke" {
  source  = "Azure/avm-res-network-virtualnetwork/azurerm"
  version = "0.22.1"

  name          = "vnet-spoke-app"
  location      = "westeurope"
  parent_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spoke"
  address_space = ["10.1.0.0/16"]
  subnets = {
    app = {
      name             = "snet-app"
      address_prefixes = ["10.1.1.0/24"]
      route_table = {
        id = module.spoke_rt.resource_id
      }
    }
  }
  peerings = {
    to_hub = {
      name                               = "peer-spoke-app-to-hub"
      remote_virtual_network_resource_id = module.hub.virtual_networks["primary"].id
      allow_forwarded_traffic            = true
    }
  }
}
`,
  }
}

describe('hub networking pattern and a spoke from AVM resource modules (offline)', () => {
  test('firewall policy allowing only DNS: the spoke and the hub subnet are blocked at the hub firewall', async () => {
    const dir = writeTree(landingZone(DNS_ONLY))
    const result = await scanDir(dir)
    const kms003 = result.findings.filter((f) => f.ruleId === 'KMS003')
    expect(kms003.length).toBeGreaterThan(0)
    expect(kms003.map((f) => f.message).join('\n')).toContain('fw-primary')
    const byName = new Map(result.verdict.subnets.map((s) => [s.subnet, s]))
    expect(byName.get('snet-app')).toMatchObject({ state: 'blocked', vnet: 'vnet-spoke-app' })
    expect(byName.get('snet-app')?.hop).toContain('fw-primary')
    expect(byName.get('snet-shared')).toMatchObject({ state: 'blocked', vnet: 'vnet-hub-weu' })
    // Findings point at the user's module calls, not into module code.
    const files = new Set(kms003.map((f) => path.relative(dir, f.location.file)))
    expect([...files].every((f) => f === 'hub.tf' || f === 'spoke.tf')).toBe(true)
    expect(result.verdict.overall).toBe('blocked')
    // The spoke's finding points at its route in the route table module call (spoke.tf lines 9-14).
    const app = kms003.find((f) => f.message.includes('snet-app'))
    expect(app && path.relative(dir, app.location.file)).toBe('spoke.tf')
    expect(app?.location.startLine).toBe(9)
  })

  test('negative control: a KMS network rule in the policy makes both subnets reachable', async () => {
    const result = await scanDir(writeTree(landingZone(WITH_KMS)))
    expect(result.findings.filter((f) => f.severity !== 'notice')).toEqual([])
    const states = Object.fromEntries(result.verdict.subnets.map((s) => [s.subnet, s.state]))
    expect(states).toMatchObject({ 'snet-app': 'reachable', 'snet-shared': 'reachable' })
  })

  test('an unknown hub map is named at the module call, not read as "no hubs"', async () => {
    const dir = writeTree({
      'main.tf': `variable "hubs" {}

module "hub" {
  source               = "Azure/avm-ptn-hubnetworking/azurerm"
  version              = "0.12.0"
  hub_virtual_networks = var.hubs
}
`,
    })
    const result = await scanDir(dir)
    const notice = result.findings.find((f) => f.ruleId === 'KMS011')
    expect(notice?.message).toContain('hub_virtual_networks is unknown')
    expect(notice?.location.startLine).toBe(3)
  })
})
