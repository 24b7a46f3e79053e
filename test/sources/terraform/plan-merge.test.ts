import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { scan } from '../../../src/pipeline/scan'

const TF = `variable "table_name" {
  type = string
}

resource "azurerm_route_table" "legacy" {
  name                = var.table_name
  location            = "westeurope"
  resource_group_name = "rg-legacy"

  route {
    name           = "default-to-onprem"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "VirtualNetworkGateway"
  }
}
`

/** `terraform show -json` of the same configuration, planned with table_name = "rt-from-plan". */
const PLAN = JSON.stringify(
  {
    format_version: '1.2',
    terraform_version: '1.9.5',
    resource_changes: [
      {
        address: 'azurerm_route_table.legacy',
        mode: 'managed',
        type: 'azurerm_route_table',
        name: 'legacy',
        change: {
          actions: ['create'],
          before: null,
          after: {
            name: 'rt-from-plan',
            location: 'westeurope',
            resource_group_name: 'rg-legacy',
            route: [
              {
                name: 'default-to-onprem',
                address_prefix: '0.0.0.0/0',
                next_hop_type: 'VirtualNetworkGateway',
              },
            ],
          },
          after_unknown: { id: true },
        },
      },
    ],
  },
  null,
  2,
)

test('a plan decides the values, the .tf file the location', async () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-plan-merge-')))
  fs.writeFileSync(path.join(dir, 'main.tf'), TF)
  fs.writeFileSync(path.join(dir, 'tfplan.json'), PLAN)
  const result = await scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })
  const kms001 = result.findings.filter((f) => f.ruleId === 'KMS001')
  expect(kms001).toHaveLength(1)
  // The name only the plan knows…
  expect(kms001[0].message).toContain('rt-from-plan')
  // …on the lines of the route block in main.tf, not in the plan JSON.
  expect(path.basename(kms001[0].location.file)).toBe('main.tf')
  expect(kms001[0].location.startLine).toBe(10)
  expect(kms001[0].location.endLine).toBe(14)
})
