/**
 * Virtual WAN built with the Terraform pattern module Azure/avm-ptn-virtualwan/azurerm and the firewall
 * policy resource module, read from their inputs (no `terraform init`): routing intent sends the spoke's
 * Internet traffic to the hub firewall, whose policy decides.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { scan } from '../../src/pipeline/scan'

function estate(kmsRule: boolean): string {
  const kms = kmsRule
    ? `,
        {
          name                  = "azure-kms"
          protocols             = ["TCP"]
          source_addresses      = ["10.0.0.0/8"]
          destination_addresses = ["20.118.99.224", "40.83.235.53"]
          destination_ports     = ["1688"]
        }`
    : ''
  return `module "policy" {
  source  = "Azure/avm-res-network-firewallpolicy/azurerm"
  version = "0.3.3"

  name                = "afwp-vhub-weu"
  location            = "westeurope"
  resource_group_name = "rg-vwan"
}

module "policy_rules" {
  source  = "Azure/avm-res-network-firewallpolicy/azurerm//modules/rule_collection_groups"
  version = "0.3.3"

  firewall_policy_rule_collection_group_name               = "rcg-platform"
  firewall_policy_rule_collection_group_priority           = 100
  firewall_policy_rule_collection_group_firewall_policy_id = module.policy.resource_id
  firewall_policy_rule_collection_group_network_rule_collection = [
    {
      name     = "platform"
      action   = "Allow"
      priority = 100
      rule = [
        {
          name                  = "dns"
          protocols             = ["UDP"]
          source_addresses      = ["10.0.0.0/8"]
          destination_addresses = ["168.63.129.16"]
          destination_ports     = ["53"]
        }${kms}
      ]
    }
  ]
}

module "vwan" {
  source  = "Azure/avm-ptn-virtualwan/azurerm"
  version = "0.12.3"

  resource_group_name = "rg-vwan"
  location            = "westeurope"
  virtual_wan_name    = "vwan-contoso"

  virtual_hubs = {
    weu = {
      name           = "vhub-weu"
      location       = "westeurope"
      address_prefix = "10.100.0.0/23"
    }
  }
  firewalls = {
    weu = {
      name               = "afw-vhub-weu"
      virtual_hub_key    = "weu"
      sku_tier           = "Standard"
      firewall_policy_id = module.policy.resource_id
    }
  }
  routing_intents = {
    weu = {
      name            = "ri-vhub-weu"
      virtual_hub_key = "weu"
      routing_policies = [
        {
          name                  = "InternetTrafficPolicy"
          destinations          = ["Internet"]
          next_hop_firewall_key = "weu"
        }
      ]
    }
  }
  virtual_network_connections = {
    app = {
      name                      = "conn-spoke-app"
      virtual_hub_key           = "weu"
      remote_virtual_network_id = azurerm_virtual_network.spoke.id
      internet_security_enabled = true
    }
  }
}

resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke-app"
  resource_group_name = "rg-spoke-app"
  location            = "westeurope"
  address_space       = ["10.1.0.0/16"]
}

resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = "rg-spoke-app"
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["10.1.1.0/24"]
}
`
}

function tree(text: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-vwan-avm-')))
  fs.writeFileSync(path.join(dir, 'main.tf'), text)
  return dir
}

const run = (dir: string) => scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })

test('avm-ptn-virtualwan: routing intent → hub firewall allowing only DNS blocks the spoke (KMS003)', async () => {
  const dir = tree(estate(false))
  const result = await run(dir)
  const app = result.verdict.subnets.find((s) => s.subnet === 'snet-app')
  expect(app).toMatchObject({ state: 'blocked', vnet: 'vnet-spoke-app' })
  expect(app?.hop).toContain('afw-vhub-weu')
  const kms003 = result.findings.filter((f) => f.ruleId === 'KMS003')
  expect(kms003).toHaveLength(1)
  expect(path.relative(dir, kms003[0].location.file)).toBe('main.tf')
  expect(result.findings.filter((f) => f.ruleId === 'KMS011')).toEqual([])
})

test('avm-ptn-virtualwan negative control: a KMS rule in the policy makes the spoke reachable', async () => {
  const result = await run(tree(estate(true)))
  expect(result.findings.filter((f) => f.severity !== 'notice')).toEqual([])
  expect(result.verdict.subnets.find((s) => s.subnet === 'snet-app')?.state).toBe('reachable')
})
