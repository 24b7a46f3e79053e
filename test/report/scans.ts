/**
 * Real scans for report tests: the bundled example, and generated hub-and-spoke networks where every
 * spoke forces KMS on-premises (the "PR adds 60 spokes" case), optionally judged under two clouds.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { scan } from '../../src/scan'
import type { ScanResult } from '../../src/scan-types'

export const EXAMPLE = path.join(process.cwd(), 'examples', 'hub-spoke')

export function scanExample(): Promise<ScanResult> {
  return scan({ path: EXAMPLE, cloud: 'auto', varFiles: [], workers: false })
}

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

/** `n` spokes, each a VNet with two subnets whose route table sends 0.0.0.0/0 to the VPN gateway. */
export function spokesTf(n: number, opts: { twoClouds?: boolean } = {}): string {
  const providers = opts.twoClouds
    ? 'provider "azurerm" {\n  features {}\n  environment = "public"\n}\n\nprovider "azurerm" {\n  alias       = "gov"\n  features {}\n  environment = "usgovernment"\n}\n'
    : 'provider "azurerm" {\n  features {}\n}\n'
  const spokes = Array.from({ length: n }, (_, i) => {
    const id = String(i + 1).padStart(2, '0')
    return `
resource "azurerm_route_table" "spoke${id}" {
  name                = "rt-spoke-${id}"
  location            = "westeurope"
  resource_group_name = "rg-spokes"

  route {
    name           = "default-to-onprem"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "VirtualNetworkGateway"
  }
}

resource "azurerm_virtual_network" "spoke${id}" {
  name                = "vnet-spoke-${id}"
  location            = "westeurope"
  resource_group_name = "rg-spokes"
  address_space       = ["10.${i + 10}.0.0/16"]

  subnet {
    name             = "snet-app-${id}"
    address_prefixes = ["10.${i + 10}.1.0/24"]
    route_table_id   = azurerm_route_table.spoke${id}.id
  }

  subnet {
    name             = "snet-data-${id}"
    address_prefixes = ["10.${i + 10}.2.0/24"]
    route_table_id   = azurerm_route_table.spoke${id}.id
  }
}
`
  })
  return providers + spokes.join('')
}

export async function scanSpokes(n: number, opts: { twoClouds?: boolean } = {}): Promise<ScanResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-spokes-'))
  dirs.push(dir)
  fs.writeFileSync(path.join(dir, 'spokes.tf'), spokesTf(n, opts))
  return scan({ path: dir, cloud: 'auto', varFiles: [], workers: false })
}
