/**
 * A spoke route whose next hop is the private address of a firewall read by a data source
 * (`data.azurerm_firewall.hub.ip_configuration[0].private_ip_address`), the usual way a spoke configuration
 * points at its hub's firewall. When the scan declares that firewall, its policy decides; when it does not,
 * the hop is an Azure Firewall whose rules are elsewhere: undecided and named, never "an appliance that is
 * not an Azure Firewall" (KMS004) with an allowed-appliances hint.
 */
import { tfBase, tfHubFirewall, tfRoute, tfSpokeRouteTable } from '../../src/rules/examples/hcl'
import { scan } from '../../src/pipeline/scan'
import { tree } from '../helpers/tree'

const run = async (files: Record<string, string>) => {
  const result = await scan({
    path: tree(files, 'kms-fw-data-'),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  const app = result.verdict.subnets.find((s) => s.subnet.endsWith('snet-app'))
  if (!app) throw new Error(`snet-app not judged: ${JSON.stringify(result.verdict)}`)
  return { app, rules: result.findings.map((f) => f.ruleId) }
}

const rules = (ports: string, protocol: string) => `  network_rule_collection {
    name     = "platform"
    priority = 100
    action   = "Allow"

    rule {
      name                  = "egress"
      protocols             = ["${protocol}"]
      source_addresses      = ["10.1.0.0/16"]
      destination_addresses = ["20.118.99.224", "40.83.235.53"]
      destination_ports     = ["${ports}"]
    }
  }`

const dataFirewall = (name: string) => `
data "azurerm_firewall" "hub" {
  name                = ${name}
  resource_group_name = "rg-network"
}
`

const ROUTE_TO_DATA_FIREWALL = tfSpokeRouteTable([
  tfRoute(
    'default-via-firewall',
    '0.0.0.0/0',
    'VirtualAppliance',
    'data.azurerm_firewall.hub.ip_configuration[0].private_ip_address',
  ),
])

describe('Terraform: next hop read from data "azurerm_firewall"', () => {
  test('the scan declares that firewall and its policy denies KMS: blocked by it (KMS003)', async () => {
    const { app, rules: found } = await run({
      'main.tf':
        tfBase() + tfHubFirewall(rules('53', 'UDP')) + dataFirewall('"afw-hub"') + ROUTE_TO_DATA_FIREWALL,
    })
    expect(app.state).toBe('blocked')
    expect(app.path).toContain('afw-hub: no rule matched (Deny)')
    expect(found).toEqual(['KMS003'])
  })

  test('the scan declares that firewall and its policy allows TCP 1688: reachable', async () => {
    const { app, rules: found } = await run({
      'main.tf':
        tfBase() + tfHubFirewall(rules('1688', 'TCP')) + dataFirewall('"afw-hub"') + ROUTE_TO_DATA_FIREWALL,
    })
    expect(app.state).toBe('reachable')
    expect(found).not.toContain('KMS004')
  })

  test('the firewall is declared elsewhere: undecided, naming the firewall and where to find its rules', async () => {
    const { app, rules: found } = await run({
      'main.tf': tfBase() + dataFirewall('"afw-hub"') + ROUTE_TO_DATA_FIREWALL,
    })
    expect(app.state).toBe('undecided')
    expect(app.why).toBe(
      'Azure Firewall afw-hub in rg-network (read by data.azurerm_firewall.hub) is not in the scanned sources, so its rules cannot be checked',
    )
    expect(app.resolve).toMatch(/scan the folder that defines it too/)
    expect(found).not.toContain('KMS004')
  })

  test('a firewall of another name in the scan is not taken for it', async () => {
    const { app } = await run({
      'main.tf':
        tfBase() + tfHubFirewall(rules('1688', 'TCP')) + dataFirewall('"afw-other"') + ROUTE_TO_DATA_FIREWALL,
    })
    expect(app.state).toBe('undecided')
    expect(app.why).toMatch(/^Azure Firewall afw-other in rg-network/)
  })

  test('a data source whose name the scan cannot know: undecided, saying so', async () => {
    const { app } = await run({
      'main.tf':
        'variable "hub_firewall" {\n  type = string\n}\n' +
        tfBase() +
        tfHubFirewall(rules('1688', 'TCP')) +
        dataFirewall('var.hub_firewall') +
        ROUTE_TO_DATA_FIREWALL,
    })
    expect(app.state).toBe('undecided')
    expect(app.why).toMatch(/has a name the scan cannot know/)
  })
})
