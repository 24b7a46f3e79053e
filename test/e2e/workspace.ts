/** Realistic Terraform workspaces for the CLI and action end-to-end tests. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A name a malicious pull request could choose: HCL's `\n` escape puts a real newline in the value. */
export const HOSTILE_HCL = String.raw`rt-spoke\n::error file=evil.tf,line=1::pwned ##[error]v1 %0A <script>alert(1)</script> |x|`

const PROVIDERS = `terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}
`

const NETWORK = `resource "azurerm_resource_group" "net" {
  name     = "rg-net"
  location = "westeurope"
}

resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name
  address_space       = ["10.1.0.0/16"]
}

resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = azurerm_resource_group.net.name
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["10.1.1.0/24"]
}
`

/** Forced tunnelling of 0.0.0.0/0 to the VPN gateway with no KMS routes: KMS traffic goes on-premises. */
const FORCED_TUNNEL = (routeTableName: string) => `
resource "azurerm_route_table" "spoke" {
  name                = "${routeTableName}"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name

  route {
    name           = "default-to-onprem"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "VirtualNetworkGateway"
  }
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.spoke.id
}
`

/**
 * The first and last line (1-based) of the block that opens on the first line starting with `opening`
 * (indentation ignored) and closes at the next `}` indented like it: where an annotation on it points.
 */
export function blockLines(text: string, opening: string): [number, number] {
  const lines = text.split('\n')
  const start = lines.findIndex((l) => l.trimStart().startsWith(opening))
  if (start < 0) throw new Error(`no line starts with ${opening}`)
  const indent = lines[start]!.length - lines[start]!.trimStart().length
  const end = lines.findIndex((l, i) => i > start && l === `${' '.repeat(indent)}}`)
  return [start + 1, end + 1]
}

export interface Workspace {
  dir: string
  /** The scanned Terraform directory, relative to dir. */
  infra: string
}

/** A workspace whose `infra/` breaks activation; the route table carries `routeTableName`. */
export function brokenWorkspace(routeTableName = 'rt-spoke'): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'kms-guard-'))
  mkdirSync(join(dir, 'infra'))
  writeFileSync(join(dir, 'infra', 'providers.tf'), PROVIDERS)
  writeFileSync(join(dir, 'infra', 'network.tf'), NETWORK + FORCED_TUNNEL(routeTableName))
  return { dir, infra: 'infra' }
}

/** The same network without the forced tunnel: the platform default route reaches KMS. */
export function cleanWorkspace(): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'kms-guard-'))
  mkdirSync(join(dir, 'infra'))
  writeFileSync(join(dir, 'infra', 'providers.tf'), PROVIDERS)
  writeFileSync(join(dir, 'infra', 'network.tf'), NETWORK)
  return { dir, infra: 'infra' }
}

/** GitHub's file-command format for outputs: `name<<ghadelimiter_…` value lines, then the delimiter. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(ghadelimiter_[0-9a-f-]+)$/.exec(lines[i]!)
    if (!m) continue
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!)
    out[m[1]!] = value.join('\n')
  }
  return out
}
