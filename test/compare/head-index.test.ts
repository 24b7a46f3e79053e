/**
 * A pull request's head from git's index (src/compare/head-index.ts), on real git checkouts: the units
 * the change affects are those the scan itself chooses when it reads every file (same keys, same files,
 * same findings), the units left out are counted as the scan counts them, and wherever the index may not
 * stand for the working tree (not a git checkout, untracked sources, a data file in the change, a cycle of
 * module calls) it says so, and the run reads everything as before.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { narrowHead, readHeadIndex, type NarrowHeadInput } from '../../src/compare/head-index'
import { scan } from '../../src/pipeline/scan'
import type { ScanResult, UnitSelection } from '../../src/pipeline/scan-types'
import { git, makeRepo, shallowClone, type GitFixture } from '../github/git-fixture'

/** A spoke whose default route goes nowhere: every subnet of it loses KMS (a finding per caller). */
const NET = `variable "name" {
  type = string
}
variable "cidr" {
  type = string
}
resource "azurerm_resource_group" "rg" {
  name     = "rg-\${var.name}"
  location = "westeurope"
}
resource "azurerm_virtual_network" "vnet" {
  name                = "vnet-\${var.name}"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.rg.name
  address_space       = [var.cidr]
}
resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = azurerm_resource_group.rg.name
  virtual_network_name = azurerm_virtual_network.vnet.name
  address_prefixes     = [cidrsubnet(var.cidr, 8, 1)]
}
resource "azurerm_route_table" "rt" {
  name                = "rt-\${var.name}"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.rg.name
  route {
    name           = "default"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "None"
  }
}
resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.rt.id
}
`

const root = (module: string, name: string, cidr: string, extra = '') =>
  `module "net" {\n  source = "${module}"\n  name   = var.name\n  cidr   = "${cidr}"\n}\n` +
  `variable "name" {\n  type    = string\n  default = "${name}"\n}\n${extra}`

const FILES: Record<string, string> = {
  'envs/prod/main.tf': root('../../modules/net', 'prod', '10.1.0.0/16'),
  'envs/prod/terraform.tfvars': 'name = "prod"\n',
  'envs/stage/main.tf': root('../../modules/net', 'stage', '10.2.0.0/16'),
  'envs/dev/main.tf': root('../../modules/other', 'dev', '10.3.0.0/16'),
  // A comment naming the shared module: a wider edge the exact read drops.
  'envs/lab/main.tf': `# was: source = "../../modules/net"\n${root('../../modules/other', 'lab', '10.4.0.0/16')}`,
  'envs/lab/scripts/setup.sh': 'echo\n',
  'modules/net/main.tf': NET,
  'modules/other/main.tf': NET,
  'examples/basic/main.tf': root('../../modules/net', 'example', '10.9.0.0/16'),
  'arm/azuredeploy.json':
    '{"$schema":"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#","contentVersion":"1.0.0.0","resources":[]}\n',
  'README.md': '# networks\n',
}

let fx: GitFixture | undefined
afterEach(() => fx?.cleanup())

const input = (
  workspace: string,
  change: string[],
  more: Partial<NarrowHeadInput> = {},
): NarrowHeadInput => ({
  workspace,
  scanRel: '',
  change,
  includeTestFixtures: false,
  varFiles: [],
  ...more,
})

/** The head scan as the run makes it: units chosen by the change, files discovered or given. */
async function headScan(
  workspace: string,
  change: string[],
  removed: string[],
  files?: UnitSelection['files'],
  also?: string[],
): Promise<ScanResult> {
  const abs = (p: string) => path.join(workspace, ...p.split('/'))
  return scan({
    path: workspace,
    cloud: 'auto',
    varFiles: [],
    repoRoot: workspace,
    units: {
      keyRoot: workspace,
      hashRoot: workspace,
      changed: { paths: change.map(abs), removed: removed.map(abs) },
      ...(files ? { files } : {}),
      ...(also ? { also } : {}),
    },
  })
}

const judged = (r: ScanResult) =>
  (r.units ?? [])
    .filter((u) => u.judged)
    .map((u) => `${u.key}: ${(u.files ?? []).join(' ')}`)
    .sort()
const untouched = (r: ScanResult) => (r.units ?? []).filter((u) => u.why === 'untouched').length
const findings = (r: ScanResult) =>
  r.findings
    .map((f) => `${f.ruleId} ${f.unit ?? ''} ${f.location.file}:${f.location.startLine} ${f.message}`)
    .sort()

/**
 * The head of `head` over FILES with the change git reports, both ways: every file read (the reference)
 * and the files narrowHead gives. They must judge the same units with the same files and findings.
 */
async function bothWays(head: Record<string, string | null>, more: Partial<NarrowHeadInput> = {}) {
  fx = makeRepo(FILES, head)
  const workspace = shallowClone(fx)
  const status = git(fx.origin, 'diff', '--name-status', '-M', `${fx.baseSha}...${fx.headSha}`)
  const change: string[] = []
  const removed: string[] = []
  for (const line of status.split('\n')) {
    const [st, ...paths] = line.split('\t')
    change.push(...paths)
    if (st === 'D') removed.push(paths[0]!)
    if (st!.startsWith('R')) removed.push(paths[0]!)
  }
  const index = await readHeadIndex({ workspace })
  if (index.kind !== 'index') throw new Error(index.why)
  const view = narrowHead(index, input(workspace, change, more))
  if (view.kind !== 'narrow') return { view, workspace }
  const full = await headScan(workspace, change, removed)
  const narrow = await headScan(workspace, change, removed, view.files)
  return { view, full, narrow, workspace }
}

describe('the units a change affects, from git’s index', () => {
  test('one changed var file: its unit alone, the same as reading every file, and the others counted', async () => {
    const r = await bothWays({ 'envs/prod/terraform.tfvars': 'name = "prod2"\n' })
    if (r.view.kind !== 'narrow') throw new Error(r.view.why)
    expect(judged(r.narrow!)).toEqual(judged(r.full!))
    expect(judged(r.narrow!)).toEqual([
      'envs/prod: envs/prod/main.tf envs/prod/terraform.tfvars modules/net/main.tf',
    ])
    expect(findings(r.narrow!)).toEqual(findings(r.full!))
    expect(findings(r.narrow!).length).toBeGreaterThan(0)
    // envs/stage, envs/dev, envs/lab; the modules are called, the example is a fixture.
    expect(r.view.untouched + untouched(r.narrow!)).toBe(untouched(r.full!))
    expect(r.view).toMatchObject({ affected: 1, untouched: 3 })
    // Only the affected unit's Terraform files, and every other source file as discovery lists them.
    const rel = r.view.files.map((f) => path.relative(fs.realpathSync(r.workspace), f.path))
    expect(rel).toEqual([
      'arm/azuredeploy.json',
      'envs/prod/main.tf',
      'envs/prod/terraform.tfvars',
      'examples/basic/main.tf',
      'modules/net/main.tf',
    ])
  })

  test('units named in `also` (readers of a changed VNet) are kept; those left out are listed with their files', async () => {
    const change = ['envs/prod/terraform.tfvars']
    const r = await bothWays({ 'envs/prod/terraform.tfvars': 'name = "prod2"\n' }, { also: ['envs/dev'] })
    if (r.view.kind !== 'narrow') throw new Error(r.view.why)
    const full = await headScan(r.workspace, change, [], undefined, ['envs/dev'])
    const narrow = await headScan(r.workspace, change, [], r.view.files, ['envs/dev'])
    expect(judged(narrow)).toEqual(judged(full))
    expect(judged(narrow).map((u) => u.split(':')[0])).toEqual(['envs/dev', 'envs/prod'])
    expect(findings(narrow)).toEqual(findings(full))
    expect(r.view).toMatchObject({ affected: 2, untouched: 2 })
    // The others with every directory they may call (a comment's call too: more to read, never less).
    expect(r.view.others.map((o) => `${o.key}: ${[...o.files].sort().join(' ')}`).sort()).toEqual([
      'envs/lab: envs/lab/main.tf modules/net/main.tf modules/other/main.tf',
      'envs/stage: envs/stage/main.tf modules/net/main.tf',
    ])
  })

  test('a changed module called by two roots re-judges both (and not the root a comment names it in)', async () => {
    const r = await bothWays({ 'modules/net/main.tf': NET.replace('"None"', '"Internet"') })
    if (r.view.kind !== 'narrow') throw new Error(r.view.why)
    expect(judged(r.narrow!)).toEqual(judged(r.full!))
    expect(judged(r.narrow!).map((u) => u.split(':')[0])).toEqual(['envs/prod', 'envs/stage'])
    expect(findings(r.narrow!)).toEqual(findings(r.full!))
    expect(r.view.untouched + untouched(r.narrow!)).toBe(untouched(r.full!))
  })

  test('a renamed file: the unit at its new name (and its old directory) is judged', async () => {
    const r = await bothWays({
      'envs/dev/main.tf': null,
      'envs/dev/network.tf': FILES['envs/dev/main.tf']!,
    })
    if (r.view.kind !== 'narrow') throw new Error(r.view.why)
    expect(judged(r.narrow!)).toEqual(judged(r.full!))
    expect(judged(r.narrow!).map((u) => u.split(':')[0])).toEqual(['envs/dev'])
    expect(findings(r.narrow!)).toEqual(findings(r.full!))
  })

  test('a deleted var file: its unit is judged without it', async () => {
    const r = await bothWays({ 'envs/prod/terraform.tfvars': null })
    if (r.view.kind !== 'narrow') throw new Error(r.view.why)
    expect(judged(r.narrow!)).toEqual(judged(r.full!))
    expect(judged(r.narrow!)).toEqual(['envs/prod: envs/prod/main.tf modules/net/main.tf'])
    expect(r.view.untouched + untouched(r.narrow!)).toBe(untouched(r.full!))
  })

  test('a module that starts calling another: the unit is formed with its new member', async () => {
    const r = await bothWays({
      'modules/other/main.tf': `${NET}module "inner" {\n  source = "../net"\n  name   = "inner"\n  cidr   = "10.8.0.0/16"\n}\n`,
    })
    if (r.view.kind !== 'narrow') throw new Error(r.view.why)
    expect(judged(r.narrow!)).toEqual(judged(r.full!))
    expect(judged(r.narrow!).map((u) => u.split(':')[0])).toEqual(['envs/dev', 'envs/lab'])
    expect(findings(r.narrow!)).toEqual(findings(r.full!))
    expect(r.view.untouched + untouched(r.narrow!)).toBe(untouched(r.full!))
  })

  test('a change in a test fixture affects no unit', async () => {
    const r = await bothWays({ 'examples/basic/main.tf': root('../../modules/net', 'ex2', '10.9.0.0/16') })
    if (r.view.kind !== 'narrow') throw new Error(r.view.why)
    expect(judged(r.narrow!)).toEqual(judged(r.full!))
    expect(r.view.affected).toBe(0)
    expect(r.view.untouched + untouched(r.narrow!)).toBe(untouched(r.full!))
  })
})

test('the user’s grep settings (line numbers, columns) do not change what git grep tells', async () => {
  fx = makeRepo(FILES, { 'envs/prod/terraform.tfvars': 'name = "prod2"\n' })
  const workspace = shallowClone(fx)
  const plain = await readHeadIndex({ workspace })
  git(workspace, 'config', 'grep.lineNumber', 'true')
  git(workspace, 'config', 'grep.column', 'true')
  const configured = await readHeadIndex({ workspace })
  if (plain.kind !== 'index' || configured.kind !== 'index') throw new Error('no index')
  expect(plain.refs.get('envs/prod/main.tf')).toEqual(['../../modules/net'])
  expect([...configured.refs]).toEqual([...plain.refs])
})

describe('where the index cannot stand for the working tree, everything is read', () => {
  test('a workspace that is not a git checkout', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-guard-nogit-'))
    try {
      fs.writeFileSync(path.join(dir, 'main.tf'), 'locals {}\n')
      const index = await readHeadIndex({ workspace: dir })
      expect(index.kind).toBe('fallback')
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  test('an untracked Terraform file (git grep does not see it); an untracked folder of other files is listed', async () => {
    fx = makeRepo(FILES, { 'envs/prod/terraform.tfvars': 'name = "prod2"\n' })
    const workspace = shallowClone(fx)
    fs.mkdirSync(path.join(workspace, 'cache'))
    fs.writeFileSync(path.join(workspace, 'cache', 'unit.json'), '{}\n')
    fs.mkdirSync(path.join(workspace, 'envs/prod/.terraform'))
    fs.writeFileSync(path.join(workspace, 'envs/prod/.terraform/x.tf'), 'locals {}\n')
    let index = await readHeadIndex({ workspace })
    if (index.kind !== 'index') throw new Error(index.why)
    const view = narrowHead(index, input(workspace, ['envs/prod/terraform.tfvars']))
    if (view.kind !== 'narrow') throw new Error(view.why)
    expect(view.files.map((f) => path.relative(fs.realpathSync(workspace), f.path))).toContain(
      'cache/unit.json',
    )

    // A tracked template deleted from the working tree is not listed (discovery would not find it).
    fs.rmSync(path.join(workspace, 'arm/azuredeploy.json'))
    index = await readHeadIndex({ workspace })
    if (index.kind !== 'index') throw new Error(index.why)
    const without = narrowHead(index, input(workspace, ['envs/prod/terraform.tfvars']))
    expect(without.kind === 'narrow' && without.files.some((f) => f.path.endsWith('azuredeploy.json'))).toBe(
      false,
    )
    // A tracked .tf file edited in the working tree: its blob id is not its content.
    fs.appendFileSync(path.join(workspace, 'envs/dev/main.tf'), '# local edit\n')
    index = await readHeadIndex({ workspace })
    if (index.kind !== 'index') throw new Error(index.why)
    expect(narrowHead(index, input(workspace, ['envs/prod/terraform.tfvars']))).toEqual({
      kind: 'fallback',
      why: 'envs/dev/main.tf is untracked or changed in the working tree',
    })
    git(workspace, 'checkout', '--', 'envs/dev/main.tf')

    fs.writeFileSync(path.join(workspace, 'envs/stage/override.tf'), 'locals {}\n')
    index = await readHeadIndex({ workspace })
    if (index.kind !== 'index') throw new Error(index.why)
    expect(narrowHead(index, input(workspace, ['envs/prod/terraform.tfvars']))).toEqual({
      kind: 'fallback',
      why: 'envs/stage/override.tf is untracked or changed in the working tree',
    })
  })

  test('a data file in the change, a var file every unit reads', async () => {
    const r = await bothWays({ 'envs/lab/scripts/setup.sh': 'echo 2\n' })
    expect(r.view).toEqual({
      kind: 'fallback',
      why: 'the change holds envs/lab/scripts/setup.sh, which a unit may read as data',
    })
    const v = await bothWays(
      { 'envs/prod/terraform.tfvars': 'name = "p"\n' },
      { varFiles: ['envs/prod/terraform.tfvars'] },
    )
    expect(v.view.kind).toBe('fallback')
  })

  test('modules that call each other in a cycle', async () => {
    const r = await bothWays({
      'modules/a/main.tf': 'module "b" {\n  source = "../b"\n}\n',
      'modules/b/main.tf': 'module "a" {\n  source = "../a"\n}\n',
    })
    expect(r.view).toMatchObject({ kind: 'fallback' })
    expect(r.view.kind === 'fallback' && r.view.why).toMatch(/cycle/)
  })
})
