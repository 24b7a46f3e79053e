/**
 * An application rule or FQDN tag that looks meant for KMS cannot let TCP 1688 through: when the firewall
 * blocks KMS, KMS003 says so, naming the rule; a network rule to the KMS addresses is what works.
 */
import { tfBase, tfHubFirewall, TF_ROUTE_TO_FIREWALL } from '../../src/rules/examples/hcl'
import { scan } from '../../src/pipeline/scan'
import { tree as treeOn } from '../helpers/tree'

const tree = (files: Record<string, string>) => treeOn(files, 'kms-apprule-')

const run = (dir: string) => scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })

const APP_RULES = `  application_rule_collection {
    name     = "windows"
    priority = 300
    action   = "Allow"

    rule {
      name              = "windows-activation"
      source_addresses  = ["10.1.0.0/16"]
      destination_fqdns = ["azkms.core.windows.net", "kms.core.windows.net"]
      protocols {
        type = "Https"
        port = 443
      }
    }

    rule {
      name                  = "windows-update"
      source_addresses      = ["10.1.0.0/16"]
      destination_fqdn_tags = ["WindowsUpdate"]
      protocols {
        type = "Https"
        port = 443
      }
    }
  }`

const KMS_NETWORK_RULE = `  network_rule_collection {
    name     = "platform"
    priority = 100
    action   = "Allow"

    rule {
      name                  = "azure-kms"
      protocols             = ["TCP"]
      source_addresses      = ["10.1.0.0/16"]
      destination_addresses = ["20.118.99.224", "40.83.235.53"]
      destination_ports     = ["1688"]
    }
  }`

test('an application rule for the KMS host names is named, with why it cannot pass TCP 1688', async () => {
  const main = tfBase() + tfHubFirewall(APP_RULES) + TF_ROUTE_TO_FIREWALL
  const { findings, verdict } = await run(tree({ 'main.tf': main }))
  expect(verdict.subnets.find((s) => s.subnet.endsWith('snet-app'))!.state).toBe('blocked')
  const f = findings.find((x) => x.ruleId === 'KMS003')!
  expect(f.message).toContain(
    'Application rules windows-activation (azkms.core.windows.net, kms.core.windows.net) and windows-update (FQDN tag WindowsUpdate) look meant for activation',
  )
  expect(f.message).toContain('only a network rule to the KMS IP addresses lets it through')
})

test('with a network rule for TCP 1688 the subnet is reachable and nothing is said', async () => {
  const main = tfBase() + tfHubFirewall(`${KMS_NETWORK_RULE}\n\n${APP_RULES}`) + TF_ROUTE_TO_FIREWALL
  const { findings, verdict } = await run(tree({ 'main.tf': main }))
  expect(verdict.subnets.find((s) => s.subnet.endsWith('snet-app'))!.state).toBe('reachable')
  expect(findings.filter((x) => x.ruleId === 'KMS003')).toEqual([])
})

test('ARM: an application rule with targetFqdns for KMS in a classic firewall is named', async () => {
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [
      {
        type: 'Microsoft.Network/routeTables',
        apiVersion: '2023-09-01',
        name: 'rt-spoke',
        location: 'westeurope',
        properties: {
          disableBgpRoutePropagation: true,
          routes: [
            {
              name: 'default-via-firewall',
              properties: {
                addressPrefix: '0.0.0.0/0',
                nextHopType: 'VirtualAppliance',
                nextHopIpAddress: '10.0.1.4',
              },
            },
          ],
        },
      },
      {
        type: 'Microsoft.Network/virtualNetworks',
        apiVersion: '2023-09-01',
        name: 'vnet-spoke',
        location: 'westeurope',
        properties: {
          addressSpace: { addressPrefixes: ['10.1.0.0/16'] },
          subnets: [
            {
              name: 'snet-app',
              properties: {
                addressPrefix: '10.1.0.0/24',
                routeTable: { id: "[resourceId('Microsoft.Network/routeTables', 'rt-spoke')]" },
              },
            },
          ],
        },
      },
      {
        type: 'Microsoft.Network/azureFirewalls',
        apiVersion: '2023-09-01',
        name: 'afw-hub',
        location: 'westeurope',
        properties: {
          ipConfigurations: [
            {
              name: 'ipconfig',
              properties: {
                privateIPAddress: '10.0.1.4',
                subnet: {
                  id: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', 'AzureFirewallSubnet')]",
                },
              },
            },
          ],
          applicationRuleCollections: [
            {
              name: 'windows',
              properties: {
                priority: 300,
                action: { type: 'Allow' },
                rules: [
                  {
                    name: 'kms',
                    sourceAddresses: ['10.1.0.0/16'],
                    targetFqdns: ['kms.core.windows.net'],
                    protocols: [{ protocolType: 'Https', port: 443 }],
                  },
                ],
              },
            },
          ],
        },
      },
    ],
  }
  const { findings } = await run(tree({ 'azuredeploy.json': JSON.stringify(template, null, 2) }))
  const f = findings.find((x) => x.ruleId === 'KMS003')!
  expect(f.message).toContain('Application rule kms (kms.core.windows.net) looks meant for activation')
})

test('a platform wildcard that takes in the KMS host (*.windows.net) is named; one meant for everything is not', async () => {
  // As landing-zone labs write their "Azure services" rule: HTTPS to *.windows.net, no network rule for 1688.
  const appRule = (name: string, fqdns: string[]) => `  application_rule_collection {
    name     = "${name}"
    priority = ${name === 'azure-services' ? 300 : 400}
    action   = "Allow"

    rule {
      name              = "${name}"
      source_addresses  = ["10.0.0.0/8"]
      destination_fqdns = ${JSON.stringify(fqdns)}
      protocols {
        type = "Https"
        port = 443
      }
    }
  }`
  const main =
    tfBase() +
    tfHubFirewall(
      `${appRule('azure-services', ['*.azure.com', '*.windows.net'])}\n\n${appRule('everything', ['*', '*.net'])}`,
    ) +
    TF_ROUTE_TO_FIREWALL
  const { findings, verdict } = await run(tree({ 'main.tf': main }))
  expect(verdict.subnets.find((s) => s.subnet.endsWith('snet-app'))!.state).toBe('blocked')
  const f = findings.find((x) => x.ruleId === 'KMS003')!
  expect(f.message).toContain(
    'Application rule azure-services (*.windows.net covers azkms.core.windows.net) looks meant for activation',
  )
  expect(f.message).not.toContain('everything')
})
