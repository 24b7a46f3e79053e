/**
 * Signal over noise on real estates: subnets no VM can live in are not judged, module test fixtures are
 * not the network, and a route table no subnet uses is latent, not a broken subnet.
 */
import * as path from 'node:path'
import { parseConfig } from '../src/config/config'
import { scan } from '../src/pipeline/scan'
import { TF_SPOKE_VNET } from './helpers/hcl-network'
import { tree as treeOn } from './helpers/tree'

const tree = (files: Record<string, string>) => treeOn(files, 'kms-noise-')

const run = (dir: string, configText?: string) =>
  scan({
    path: dir,
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
    config: configText
      ? { ...parseConfig(configText, path.join(dir, '.azure-kms-guard.yml')), file: '.azure-kms-guard.yml' }
      : undefined,
  })

/** A private subnet (no default outbound access, no NAT gateway): KMS008 wherever a VM could live. */
const privateSubnet = (name: string, extra = '') => `      {
        name: '${name}'
        properties: {
          addressPrefix: '10.1.${name.length}.0/24'
          defaultOutboundAccess: false${extra}
        }
      }`

describe('dedicated subnets are not judged', () => {
  test('Bicep: a subnet delegated to a PaaS service and an Application Gateway subnet', async () => {
    const dir = tree({
      'main.bicep': `resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [
${privateSubnet('snet-vms')}
${privateSubnet(
  'snet-webapps',
  `
          delegations: [
            {
              name: 'web'
              properties: { serviceName: 'Microsoft.Web/serverFarms' }
            }
          ]`,
)}
${privateSubnet('snet-agw')}
    ]
  }
}

resource agw 'Microsoft.Network/applicationGateways@2023-09-01' = {
  name: 'agw-spoke'
  location: 'westeurope'
  properties: {
    gatewayIPConfigurations: [
      {
        name: 'gateway'
        properties: { subnet: { id: '\${vnet.id}/subnets/snet-agw' } }
      }
    ]
  }
}
`,
    })
    const result = await run(dir)
    expect(result.findings.map((f) => [f.ruleId, f.subnets])).toEqual([['KMS008', ['vnet-spoke/snet-vms']]])
  })

  test('Terraform: a delegation block and an azurerm_application_gateway subnet', async () => {
    const subnet = (name: string, extra = '') => `resource "azurerm_subnet" "${name}" {
  name                            = "snet-${name}"
  resource_group_name             = "rg-spoke"
  virtual_network_name            = "vnet-spoke"
  address_prefixes                = ["10.1.${name.length}.0/24"]
  default_outbound_access_enabled = false
${extra}}
`
    const dir = tree({
      'main.tf':
        TF_SPOKE_VNET +
        subnet('vms') +
        subnet(
          'sql',
          `  delegation {
    name = "sqlmi"
    service_delegation {
      name = "Microsoft.Sql/managedInstances"
    }
  }
`,
        ) +
        subnet('agw') +
        `resource "azurerm_application_gateway" "spoke" {
  name                = "agw-spoke"
  resource_group_name = "rg-spoke"
  location            = "westeurope"
  gateway_ip_configuration {
    name      = "gateway"
    subnet_id = azurerm_subnet.agw.id
  }
}
`,
    })
    const result = await run(dir)
    expect(result.findings.map((f) => [f.ruleId, f.subnets])).toEqual([['KMS008', ['vnet-spoke/snet-vms']]])
  })
})

const forcedTunnel = `resource "azurerm_route_table" "onprem" {
  name                = "rt-onprem"
  location            = "westeurope"
  resource_group_name = "rg"
  route {
    name           = "default"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "VirtualNetworkGateway"
  }
}

resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = "rg"
  virtual_network_name = "vnet-spoke"
  address_prefixes     = ["10.1.1.0/24"]
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.onprem.id
}
`

describe('module test fixtures', () => {
  const dir = tree({
    'modules/spoke/main.tf': 'variable "name" {\n  type = string\n}\n',
    'modules/spoke/tests/e2e/main.tf': forcedTunnel,
    'modules/spoke/examples/default/main.tf': forcedTunnel,
  })

  test('are not judged by default, and one notice says which folders were left out and how to include them', async () => {
    const result = await run(dir)
    expect(result.findings.map((f) => [f.ruleId, f.severity, path.relative(dir, f.location.file)])).toEqual([
      ['KMS012', 'notice', 'modules/spoke/examples/default/main.tf'],
    ])
    expect(result.findings[0]!.message).toContain(
      'Not judged: 2 files in test and example folders (modules/spoke/examples/default, modules/spoke/tests/e2e); ' +
        'they are module tests and examples, not a deployed network. Set `include-test-fixtures: true` in ' +
        '.azure-kms-guard.yml to judge them.',
    )
    expect(result.verdict.overall).not.toBe('reachable')
  })

  test('are judged when the config includes them', async () => {
    const result = await run(dir, 'include-test-fixtures: true\n')
    expect(result.findings.map((f) => [f.ruleId, path.relative(dir, f.location.file)])).toEqual([
      ['KMS001', 'modules/spoke/examples/default/main.tf'],
      ['KMS001', 'modules/spoke/tests/e2e/main.tf'],
    ])
  })

  test('a scan rooted inside an examples directory judges it', async () => {
    const result = await run(path.join(dir, 'modules/spoke/examples/default'))
    expect(result.findings.map((f) => f.ruleId)).toEqual(['KMS001'])
  })
})

test('a test environment beside dev and prod (environments/test, envs/test) is deployed: judged, not left out as module tests', async () => {
  const dir = tree({
    'environments/dev/main.tf': forcedTunnel,
    'environments/test/main.tf': forcedTunnel,
    'envs/test/main.tf': forcedTunnel,
    'modules/spoke/tests/e2e/main.tf': forcedTunnel,
  })
  const result = await run(dir)
  expect(result.findings.map((f) => [f.ruleId, path.relative(dir, f.location.file)])).toEqual([
    ['KMS001', 'environments/dev/main.tf'],
    ['KMS001', 'environments/test/main.tf'],
    ['KMS001', 'envs/test/main.tf'],
    ['KMS012', 'modules/spoke/tests/e2e/main.tf'],
  ])
})

describe('a route table no scanned subnet uses', () => {
  test('is latent: reported one severity lower, and says so', async () => {
    const dir = tree({
      'used/main.tf': forcedTunnel,
      'unused/main.tf': forcedTunnel.slice(0, forcedTunnel.indexOf('resource "azurerm_subnet"')),
    })
    const result = await run(dir)
    expect(
      result.findings.map((f) => [path.dirname(path.relative(dir, f.location.file)), f.severity, f.latent]),
    ).toEqual([
      ['unused', 'warning', true],
      ['used', 'error', undefined],
    ])
  })
})
