import * as path from 'node:path'
import { discover } from '../../../src/sources/parsing/discover'
import { localModuleCalls, terraformUnits } from '../../../src/sources/terraform/units'
import { makeBoundary } from '../../../src/sources/parsing/read-source'
import { tree as treeOn } from '../../helpers/tree'

const tree = (files: Record<string, string>) => treeOn(files, 'kms-units-')

test('module calls by local path, not registry sources nor other `source` arguments', () => {
  const text = `terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm" }
  }
}

module "spoke" {
  # a comment first
  source   = "../modules/spoke"
  for_each = var.spokes
}

module "hub" {
  source  = "Azure/avm-ptn-hubnetworking/azurerm"
  version = "0.5.0"
}
`
  expect(localModuleCalls('/repo/envs/prod/main.tf', text)).toEqual([
    path.resolve('/repo/envs/modules/spoke'),
  ])
})

test('each root module is a unit with the local modules it reaches; shared modules appear in each', () => {
  const dir = tree({
    'landing-zones/a/main.tf': 'module "s" {\n  source = "../../modules/spoke"\n}\n',
    'landing-zones/a/terraform.tfvars': 'x = 1\n',
    'landing-zones/b/main.tf': 'module "s" {\n  source = "../../modules/spoke"\n}\n',
    'modules/spoke/main.tf': 'module "rt" {\n  source = "../route-table"\n}\n',
    'modules/route-table/main.tf': 'resource "azurerm_route_table" "this" {\n  name = "rt"\n}\n',
    'loops/x/main.tf': 'module "y" {\n  source = "../y"\n}\n',
    'loops/y/main.tf': 'module "x" {\n  source = "../x"\n}\n',
  })
  const units = terraformUnits(discover(dir).files, makeBoundary([dir]))
  const shape = units.map((u) => ({
    root: path.relative(dir, u.root),
    files: u.files.map((f) => path.relative(dir, f.path)).sort(),
  }))
  expect(shape).toEqual([
    {
      root: 'landing-zones/a',
      files: [
        'landing-zones/a/main.tf',
        'landing-zones/a/terraform.tfvars',
        'modules/route-table/main.tf',
        'modules/spoke/main.tf',
      ],
    },
    {
      root: 'landing-zones/b',
      files: ['landing-zones/b/main.tf', 'modules/route-table/main.tf', 'modules/spoke/main.tf'],
    },
    { root: 'loops/x', files: ['loops/x/main.tf', 'loops/y/main.tf'] },
  ])
})
