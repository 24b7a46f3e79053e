/**
 * Terraform templatefile(): a spoke route table whose routes come from a JSON template rendered with
 * templatefile() and jsondecode(), the way teams keep route lists out of HCL. The template language is
 * Terraform's (interpolations, `%{ for }` and `%{ if }` directives with `~` strip markers), the file is read
 * through the read boundary, and the template sees only the variables it is passed.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { scan } from '../../src/pipeline/scan'

function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-templatefile-')))
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), text)
  }
  return dir
}

const run = (dir: string) => scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })

const TEMPLATE = `[
%{ for i, r in routes ~}
  {
    "name": "\${r.name}",
    "address_prefix": "\${r.prefix}",
    "next_hop_type": "\${r.hop}"
  },
%{ endfor ~}
%{ if forced_tunnel ~}
  {
    "name": "default-on-premises",
    "address_prefix": "0.0.0.0/0",
    "next_hop_type": "VirtualNetworkGateway"
  },
%{ endif ~}
  {
    "name": "to-hub",
    "address_prefix": "\${hub_prefix}",
    "next_hop_type": "VnetLocal"
  }
]
`

const MAIN = (forcedTunnel: boolean, kmsRoutes: boolean) => `
locals {
  kms_routes = ${
    kmsRoutes
      ? `[
    { name = "kms-1", prefix = "20.118.99.224/32", hop = "Internet" },
    { name = "kms-2", prefix = "40.83.235.53/32", hop = "Internet" },
    { name = "kms-legacy", prefix = "23.102.135.246/32", hop = "Internet" },
  ]`
      : '[]'
  }
  spoke_routes = jsondecode(templatefile("\${path.module}/templates/routes.json.tftpl", {
    routes        = local.kms_routes
    forced_tunnel = ${forcedTunnel}
    hub_prefix    = "10.0.0.0/16"
  }))
}

resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
  address_space       = ["10.1.0.0/16"]
}

resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = "rg-spoke"
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["10.1.1.0/24"]
}

resource "azurerm_route_table" "spoke" {
  name                          = "rt-spoke"
  location                      = "westeurope"
  resource_group_name           = "rg-spoke"
  bgp_route_propagation_enabled = false

  dynamic "route" {
    for_each = local.spoke_routes
    content {
      name           = route.value.name
      address_prefix = route.value.address_prefix
      next_hop_type  = route.value.next_hop_type
    }
  }
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.spoke.id
}
`

const app = async (files: Record<string, string>) => {
  const result = await run(tree(files))
  return { ...result, app: result.verdict.subnets.find((s) => s.subnet === 'snet-app')! }
}

test('a forced tunnel rendered by templatefile() from a JSON template is found: KMS001 at the route table', async () => {
  const { app: v, findings } = await app({
    'main.tf': MAIN(true, false),
    'templates/routes.json.tftpl': TEMPLATE,
  })
  expect(v.state).toBe('blocked')
  expect(v.hop).toMatch(/default-on-premises 0\.0\.0\.0\/0 → VirtualNetworkGateway/)
  const kms001 = findings.find((f) => f.ruleId === 'KMS001')!
  expect(kms001.message).toContain('rt-spoke')
  expect(findings.filter((f) => f.ruleId === 'KMS011')).toEqual([])
})

test('negative control: the same template with the KMS /32 routes from its for directive is reachable and clean', async () => {
  const { app: v, findings } = await app({
    'main.tf': MAIN(true, true),
    'templates/routes.json.tftpl': TEMPLATE,
  })
  expect(v.state).toBe('reachable')
  expect(v.path).toContain('rt-spoke: 20.118.99.224/32 → Internet')
  expect(findings.filter((f) => f.severity !== 'notice')).toEqual([])
})

test('negative control: the if directive off renders no default route: reachable', async () => {
  const { app: v } = await app({ 'main.tf': MAIN(false, false), 'templates/routes.json.tftpl': TEMPLATE })
  expect(v.state).toBe('reachable')
})

test('a template referring to something it is not passed is named, not guessed', async () => {
  const { app: v, findings } = await app({
    'main.tf': MAIN(true, false),
    'templates/routes.json.tftpl': TEMPLATE.replace('${hub_prefix}', '${var.hub_prefix}'),
  })
  expect(v.state).toBe('undecided')
  const notice = findings.find((f) => f.ruleId === 'KMS011' && /templatefile/.test(f.message))
  expect(notice?.message).toMatch(/var is not one of the variables passed/)
})
