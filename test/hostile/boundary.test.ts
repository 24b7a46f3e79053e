/**
 * The read boundary against a hostile pull request: whatever a scanned file, symlink or config entry
 * names, nothing outside the workspace is read, no special file is opened, and the other files' report
 * is whole. Each reproducer from issue 14 asserts a located notice naming the reference.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parseConfig, loadConfig } from '../../src/config/config'
import { makeBoundary, readSource } from '../../src/sources/parsing/read-source'
import { formatJsonReport } from '../../src/report/json'
import { control, hasControl, noticesAt, scanWs, SECRET, workspace, write, type Workspace } from './helpers'

let ws: Workspace | undefined
afterEach(() => ws?.cleanup())

const leaks = (value: unknown): boolean => JSON.stringify(value).includes(SECRET.slice(0, 12))

const ARM_HEAD = {
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  contentVersion: '1.0.0.0',
}
const linkTo = (relativePath: string, name = 'linked') => ({
  type: 'Microsoft.Resources/deployments',
  apiVersion: '2022-09-01',
  name,
  properties: { mode: 'Incremental', templateLink: { relativePath } },
})

describe('readSource', () => {
  test('refuses a path whose real path is outside the boundary, naming nothing of its target', () => {
    ws = workspace({ 'a.tf': '' })
    fs.symlinkSync(path.join(ws.parent, 'outside'), path.join(ws.dir, 'out'))
    const r = readSource(path.join(ws.dir, 'out', 'secret.txt'), makeBoundary([ws.dir]))
    expect(r).toEqual({ ok: false, reason: 'leads outside the scanned directory', outside: true })
    expect(leaks(r)).toBe(false)
  })

  test('a link beside files already read is judged by its own real path', () => {
    ws = workspace({ 'a.tf': 'a = 1\n', 'sub/b.tf': 'b = 2\n' })
    const boundary = makeBoundary([ws.dir])
    // Reading a.tf and sub/b.tf first remembers their folders as inside the workspace.
    expect(readSource(path.join(ws.dir, 'a.tf'), boundary)).toEqual({ ok: true, text: 'a = 1\n' })
    expect(readSource(path.join(ws.dir, 'sub', 'b.tf'), boundary)).toEqual({ ok: true, text: 'b = 2\n' })
    fs.symlinkSync(path.join(ws.parent, 'outside', 'secret.txt'), path.join(ws.dir, 'secret.tf'))
    const r = readSource(path.join(ws.dir, 'secret.tf'), boundary)
    expect(r).toEqual({ ok: false, reason: 'leads outside the scanned directory', outside: true })
    expect(leaks(r)).toBe(false)
    // A link inside the workspace to a file inside it is read.
    fs.symlinkSync(path.join(ws.dir, 'a.tf'), path.join(ws.dir, 'sub', 'again.tf'))
    expect(readSource(path.join(ws.dir, 'sub', 'again.tf'), boundary)).toEqual({ ok: true, text: 'a = 1\n' })
  })

  test('reads a file the invoker named, even outside the root', () => {
    ws = workspace({ 'a.tf': '' })
    const file = path.join(ws.parent, 'outside', 'secret.txt')
    expect(readSource(file, makeBoundary([ws.dir], [file])).ok).toBe(true)
  })

  test('refuses devices, directories and FIFOs without opening them', () => {
    ws = workspace({ 'a.tf': '' })
    execFileSync('mkfifo', [path.join(ws.dir, 'pipe.tf')])
    const inside = makeBoundary(['/'])
    expect(readSource('/dev/zero', inside)).toEqual({
      ok: false,
      reason: 'is not a regular file (a device, FIFO or socket)',
    })
    expect(readSource(ws.dir, inside)).toEqual({ ok: false, reason: 'is a directory, not a file' })
    expect(readSource(path.join(ws.dir, 'pipe.tf'), inside)).toEqual({
      ok: false,
      reason: 'is not a regular file (a device, FIFO or socket)',
    })
  })
})

describe('a hostile pull request', () => {
  test('a config var file outside the workspace is a located notice, never read', async () => {
    ws = workspace({ ...control(), '.azure-kms-guard.yml': 'var-files:\n  - ../outside/secret.tfvars\n' })
    const config = loadConfig(ws.dir)
    const r = await scanWs(ws.dir, { config })
    const [n] = noticesAt(r, ws.dir, '.azure-kms-guard.yml')
    expect(n?.location.startLine).toBe(2)
    expect(n?.message).toContain('"../outside/secret.tfvars"')
    expect(n?.message).toContain('outside the scanned directory')
    expect(hasControl(r, ws.dir)).toBe(true)
    expect(leaks(r)).toBe(false)
  })

  test('an ARM templateLink out of the workspace is a located notice; its outputs are not read', async () => {
    ws = workspace({
      ...control(),
      'arm/azuredeploy.json': JSON.stringify(
        {
          ...ARM_HEAD,
          resources: [linkTo('../../outside/x.json')],
          outputs: { o: { type: 'string', value: "[reference('linked').outputs.leak.value]" } },
        },
        null,
        2,
      ),
    })
    const r = await scanWs(ws.dir)
    const notices = noticesAt(r, ws.dir, 'arm/azuredeploy.json')
    expect(notices.map((n) => n.message).join('\n')).toMatch(
      /linked template \.\.\/\.\.\/outside\/x\.json leads outside the scanned directory/,
    )
    expect(notices[0]!.location.startLine).toBeGreaterThan(1)
    expect(hasControl(r, ws.dir)).toBe(true)
    expect(leaks(r)).toBe(false)
  })

  test('Terraform file() through a symlink in a skipped folder is judged by its real path', async () => {
    ws = workspace({
      ...control(),
      'infra/main.tf':
        'locals {\n  secret = file("node_modules/out/secret.txt")\n}\n\nresource "azurerm_route_table" "rt" {\n  name                = local.secret\n  location            = "westeurope"\n  resource_group_name = "rg"\n}\n',
    })
    fs.mkdirSync(path.join(ws.dir, 'infra', 'node_modules'))
    fs.symlinkSync(path.join(ws.parent, 'outside'), path.join(ws.dir, 'infra', 'node_modules', 'out'))
    const r = await scanWs(ws.dir)
    const [n] = noticesAt(r, ws.dir, 'infra/main.tf')
    expect(n?.location.startLine).toBe(2)
    expect(n?.message).toContain('"node_modules/out/secret.txt"')
    expect(hasControl(r, ws.dir)).toBe(true)
    expect(leaks(r)).toBe(false)
    expect(leaks(formatJsonReport(r, ws.dir))).toBe(false)
  })

  test.each([
    ['a device', 'infra/zero.tf', '/dev/zero'],
    ['a directory outside', 'infra/etc', '/etc'],
  ])('a symlink to %s costs a notice, never a hang or a lost report', async (_what, link, target) => {
    ws = workspace(control())
    fs.mkdirSync(path.join(ws.dir, 'infra'))
    fs.symlinkSync(target, path.join(ws.dir, link))
    // An inline suppression elsewhere makes the suppression pass read every finding's file.
    write(ws.dir, { 'infra/main.tf': '# azure-kms-guard:ignore KMS002 reason: test\n' })
    const r = await scanWs(ws.dir)
    expect(noticesAt(r, ws.dir, link)).toHaveLength(1)
    expect(noticesAt(r, ws.dir, link)[0]!.message).toContain('outside the scanned directory')
    expect(hasControl(r, ws.dir)).toBe(true)
  })

  test('a FIFO named as a var file by the config costs a notice', async () => {
    ws = workspace({ ...control(), '.azure-kms-guard.yml': 'var-files:\n  - good/pipe.tfvars\n' })
    execFileSync('mkfifo', [path.join(ws.dir, 'good', 'pipe.tfvars')])
    const r = await scanWs(ws.dir, { config: loadConfig(ws.dir) })
    const [n] = noticesAt(r, ws.dir, 'good/pipe.tfvars')
    expect(n?.message).toMatch(/^Skipped this file: it is not a regular file \(a device, FIFO or socket\)\./)
    expect(hasControl(r, ws.dir)).toBe(true)
  })

  test('a config file that is a link to a device is a config problem, not a hang', () => {
    ws = workspace({ 'main.tf': '' })
    fs.symlinkSync('/dev/zero', path.join(ws.dir, '.azure-kms-guard.yml'))
    const loaded = loadConfig(ws.dir)
    expect(loaded.config).toEqual(parseConfig('').config)
    expect(loaded.problems.map((p) => p.message)).toEqual(['the file leads outside the scanned directory'])
  })

  test('Bicep modules, `using` and Terraform module sources outside the workspace are located notices, never read', async () => {
    ws = workspace({
      ...control(),
      'tf/main.tf': 'module "net" {\n  source = "../../outside/mod"\n}\n',
      'tf-link/main.tf': 'module "net" {\n  source = "./lnk"\n}\n',
      'bicep/main.bicep': "module m '../../outside/x.bicep' = {\n  name: 'm'\n}\n",
      'bicep/main.bicepparam': "using '../../outside/x.bicep'\nparam secret = 'x'\n",
      'bicep-link/main.bicep': "module m './x.bicep' = {\n  name: 'm'\n}\n",
    })
    // What lies outside declares resources named after the secret: any read of it would show.
    write(path.join(ws.parent, 'outside'), {
      'mod/main.tf': `resource "azurerm_route_table" "rt" {\n  name                = "${SECRET}"\n  location            = "westeurope"\n  resource_group_name = "rg"\n}\n`,
      'x.bicep': `param secret string = '${SECRET}'\nresource rt 'Microsoft.Network/routeTables@2023-04-01' = {\n  name: secret\n  location: 'westeurope'\n}\n`,
    })
    fs.symlinkSync('../../outside/mod', path.join(ws.dir, 'tf-link', 'lnk'))
    fs.symlinkSync('../../outside/x.bicep', path.join(ws.dir, 'bicep-link', 'x.bicep'))
    const r = await scanWs(ws.dir)
    const first = (file: string) => noticesAt(r, ws!.dir, file)[0]
    expect(first('tf/main.tf')?.message).toContain('"../../outside/mod"')
    expect(first('tf/main.tf')?.location.startLine).toBe(1)
    expect(first('tf-link/main.tf')?.message).toContain('"./lnk"')
    expect(first('tf-link/lnk')?.message).toContain('leads outside the scanned directory')
    expect(first('bicep/main.bicep')?.message).toContain('../../outside/x.bicep')
    expect(first('bicep/main.bicepparam')?.message).toContain('is not among the scanned files')
    expect(first('bicep-link/x.bicep')?.message).toContain('leads outside the scanned directory')
    expect(hasControl(r, ws.dir)).toBe(true)
    expect(leaks(r)).toBe(false)
    expect(leaks(formatJsonReport(r, ws.dir))).toBe(false)
  })

  test('Terraform templatefile() of a path outside the workspace is a located notice naming it; nothing is read', async () => {
    ws = workspace({
      ...control(),
      'tf/main.tf': [
        'resource "azurerm_route_table" "rt" {',
        '  name                = "rt-spoke"',
        '  location            = "westeurope"',
        '  resource_group_name = "rg"',
        '  route               = jsondecode(templatefile("../../outside/routes.json.tftpl", { hop = "Internet" }))',
        '}',
        '',
      ].join('\n'),
    })
    write(path.join(ws.parent, 'outside'), {
      'routes.json.tftpl': `[{"name": "${SECRET}", "address_prefix": "0.0.0.0/0", "next_hop_type": "\${hop}"}]`,
    })
    const r = await scanWs(ws.dir)
    const n = noticesAt(r, ws.dir, 'tf/main.tf').find((x) =>
      x.message.includes('../../outside/routes.json.tftpl'),
    )
    expect(n?.location.startLine).toBe(5)
    expect(n?.message).toContain('outside the scanned directory')
    expect(hasControl(r, ws.dir)).toBe(true)
    expect(leaks(r)).toBe(false)
    expect(leaks(formatJsonReport(r, ws.dir))).toBe(false)
  })

  test('ARM templates linking to themselves or in a cycle end with a located notice', async () => {
    ws = workspace({
      ...control('arm'),
      'self/azuredeploy.json': JSON.stringify(
        { ...ARM_HEAD, resources: [linkTo('azuredeploy.json')] },
        null,
        2,
      ),
      'cycle/azuredeploy.json': JSON.stringify({ ...ARM_HEAD, resources: [linkTo('b.json')] }, null, 2),
      'cycle/b.json': JSON.stringify({ ...ARM_HEAD, resources: [linkTo('azuredeploy.json')] }, null, 2),
    })
    const r = await scanWs(ws.dir)
    for (const file of ['self/azuredeploy.json', 'cycle/b.json']) {
      const messages = noticesAt(r, ws.dir, file).map((n) => n.message)
      expect(messages.some((m) => /a cycle/.test(m))).toBe(true)
    }
    expect(hasControl(r, ws.dir)).toBe(true)
  })
})
