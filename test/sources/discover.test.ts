import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { classify, discover, isListedWithoutTerraformDir } from '../../src/sources/parsing/discover'
import { makeBoundary, readSource, MAX_SOURCE_BYTES } from '../../src/sources/parsing/read-source'

function tempTree(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-discover-'))
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), content)
  }
  return dir
}

describe('discover', () => {
  test('finds Terraform sources and var files, skips tool directories', () => {
    const dir = tempTree({
      'main.tf': 'resource "azurerm_route_table" "rt" {}\n',
      'net/override.tf.json': '{}',
      'terraform.tfvars': 'x = 1\n',
      'prod.auto.tfvars.json': '{}',
      'README.md': '# not a source',
      '.terraform/modules/x/main.tf': 'resource "a" "b" {}\n',
      'node_modules/pkg/main.tf': 'resource "a" "b" {}\n',
    })
    const found = discover(dir)
    const rel = found.files.map((f) => `${path.relative(dir, f.path)}:${f.kind}`).sort()
    expect(rel).toEqual([
      'main.tf:terraform',
      'net/override.tf.json:terraform-json',
      'prod.auto.tfvars.json:tfvars-json',
      'terraform.tfvars:tfvars',
    ])
  })

  test('does not follow a symlink that leads outside the root, follows one inside', () => {
    const outside = tempTree({ 'secret.tf': 'resource "a" "b" {}\n' })
    const dir = tempTree({ 'modules/vnet/main.tf': 'resource "a" "b" {}\n' })
    fs.symlinkSync(outside, path.join(dir, 'escape'))
    fs.symlinkSync(path.join(outside, 'secret.tf'), path.join(dir, 'linked.tf'))
    fs.symlinkSync(path.join(dir, 'modules', 'vnet'), path.join(dir, 'vnet-link'))
    const found = discover(dir)
    const paths = found.files.map((f) => path.relative(fs.realpathSync(dir), fs.realpathSync(f.path)))
    expect(paths).not.toContain(path.join('..', path.basename(outside), 'secret.tf'))
    expect(found.files.some((f) => f.path.includes('secret'))).toBe(false)
    expect(found.skipped.map((s) => path.basename(s.path)).sort()).toEqual(['escape', 'linked.tf'])
    expect(found.skipped[0].reason).toMatch(/outside the scanned directory/)
    expect(paths).toContain(path.join('modules', 'vnet', 'main.tf'))
  })
})

test('tells which files lie in a folder without a `.terraform` entry, where no module manifest can be', () => {
  const dir = tempTree({
    'initialised/main.tf': 'module "a" {\n  source = "Azure/avm-res-network-vnet/azurerm"\n}\n',
    'initialised/.terraform/modules/modules.json': '{"Modules":[]}',
    'file-named-so/main.tf': '',
    'file-named-so/.terraform': '',
    'linked/main.tf': '',
    'never-initialised/main.tf': '',
    'never-initialised/terraform.tfvars': 'x = 1\n',
    'never-initialised/nested/.terraform/modules/modules.json': '{"Modules":[]}',
    'never-initialised/nested/main.tf': '',
  })
  // A link named .terraform may lead to a manifest: the folder is not taken for uninitialised.
  fs.symlinkSync(path.join(dir, 'initialised', '.terraform'), path.join(dir, 'linked', '.terraform'))
  const without = discover(dir)
    .files.filter(isListedWithoutTerraformDir)
    .map((f) => path.relative(fs.realpathSync(dir), f.path))
  expect(without.sort()).toEqual(['never-initialised/main.tf', 'never-initialised/terraform.tfvars'])
})

describe('readSource', () => {
  test('reads UTF-8 text and drops a byte order mark', () => {
    const dir = tempTree({
      'a.tf': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('x = "é"\n')]),
    })
    expect(readSource(path.join(dir, 'a.tf'), makeBoundary([dir]))).toEqual({ ok: true, text: 'x = "é"\n' })
  })

  test('refuses files that are not UTF-8 text', () => {
    const dir = tempTree({
      'latin1.tf': Buffer.from([0x78, 0x20, 0x3d, 0x20, 0xe9, 0x0a]),
      'bin.tf': Buffer.from([1, 0, 2]),
    })
    expect(readSource(path.join(dir, 'latin1.tf'), makeBoundary([dir]))).toEqual({
      ok: false,
      reason: 'is not UTF-8 text',
    })
    expect(readSource(path.join(dir, 'bin.tf'), makeBoundary([dir]))).toEqual({
      ok: false,
      reason: 'is not text (it holds NUL bytes)',
    })
  })

  test('refuses files over 5 MB', () => {
    const dir = tempTree({ 'big.tf': Buffer.alloc(MAX_SOURCE_BYTES + 1, 0x61) })
    const r = readSource(path.join(dir, 'big.tf'), makeBoundary([dir]))
    expect(r.ok).toBe(false)
    expect(!r.ok && r.reason).toMatch(/over the 5 MB limit/)
  })
})

describe('classify', () => {
  test('names a source by its file name, whatever the folders, and leaves tooling JSON and other files out', () => {
    const kinds = Object.fromEntries(
      [
        'main.tf',
        'a/b/override.tf.json',
        'env/prod.tfvars',
        'env/prod.tfvars.json',
        'hub/main.bicep',
        'hub/main.bicepparam',
        'arm/azuredeploy.json',
        'arm/package.json',
        'arm/.eslintrc.json',
        'notes.tf/readme.md',
        'dir.tf/',
        'README.md',
      ].map((p) => [p, classify(p) ?? 'none']),
    )
    expect(kinds).toEqual({
      'main.tf': 'terraform',
      'a/b/override.tf.json': 'terraform-json',
      'env/prod.tfvars': 'tfvars',
      'env/prod.tfvars.json': 'tfvars-json',
      'hub/main.bicep': 'bicep',
      'hub/main.bicepparam': 'bicepparam',
      'arm/azuredeploy.json': 'json',
      'arm/package.json': 'none',
      'arm/.eslintrc.json': 'none',
      'notes.tf/readme.md': 'none',
      // A trailing separator names the folder by its last segment, as path.basename does.
      'dir.tf/': 'terraform',
      'README.md': 'none',
    })
  })
})
