import * as fs from 'node:fs'
import * as path from 'node:path'
import { discover } from '../../../src/sources/parsing/discover'
import { localModuleCalls, terraformUnits } from '../../../src/sources/terraform/units'
import { keptText, makeBoundary } from '../../../src/sources/parsing/read-source'
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

test('every .tf text read for the module calls is kept for the parser, byte for byte, past 8 MB', () => {
  // Route tables, as a generated landing zone writes them: `n` of them make a file of about n * 190 bytes.
  const routeTables = (prefix: string, n: number): string =>
    Array.from(
      { length: n },
      (_, i) =>
        `resource "azurerm_route_table" "${prefix}_${i}" {\n  name = "rt-${prefix}-${i}" # Zürich\n` +
        `  route {\n    name           = "kms"\n    address_prefix = "20.118.99.224/32"\n` +
        `    next_hop_type  = "Internet"\n  }\n}\n`,
    ).join('')
  const files: Record<string, string> = {
    // A byte order mark is no part of the text the parser sees.
    'hub/main.tf': '\ufeffmodule "spoke" {\n  source = "../modules/spoke"\n}\n',
    'modules/spoke/main.tf': routeTables('spoke', 3),
    // Larger than a quarter of a kept chunk: kept on its own.
    'modules/spoke/large.tf': routeTables('large', 2_000),
  }
  // Three files of ~3.5 MB: more than the 8 MB once kept at most, each under the 5 MB read limit.
  for (const k of [0, 1, 2]) files[`big-${k}/main.tf`] = routeTables(`big${k}`, 18_000)
  // Many small files: they share chunks, and some cross from one chunk to the next.
  for (let k = 0; k < 600; k++) files[`spokes/s${k}/main.tf`] = routeTables(`s${k}`, 1 + (k % 17))
  const dir = tree(files)
  const texts = new Map<string, Buffer>()
  terraformUnits(discover(dir).files, makeBoundary([dir]), texts)
  const tf = Object.keys(files).map((name) => path.join(dir, name))
  expect(tf.reduce((n, f) => n + fs.statSync(f).size, 0)).toBeGreaterThan(8_000_000)
  expect(tf.filter((f) => !texts.has(f))).toEqual([])
  for (const name of Object.keys(files))
    expect(keptText(texts.get(path.join(dir, name))!)).toBe(files[name]!.replace(/^\ufeff/, ''))
})
