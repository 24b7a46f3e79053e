/**
 * Where the user must act: when the decisive value (here a 0.0.0.0/0 route to the gateway) is written by
 * the caller — a module argument, a Bicep module parameter, an ARM parameter file — the finding points at
 * that line, and the module's block that used it is a related location.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { scan } from '../../src/pipeline/scan'

const ROOT = path.resolve('test/fixtures/caller-location')

const lineOf = (file: string, needle: string): number =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(needle)) + 1

async function kms001(dir: string) {
  const result = await scan({ path: path.join(ROOT, dir), cloud: 'AzureCloud', varFiles: [], workers: false })
  return result.findings.filter((f) => f.ruleId === 'KMS001')
}

describe('a forced tunnel written by the caller is reported at the caller', () => {
  test('Terraform: the module call argument, with the module route block related', async () => {
    const [f, ...rest] = await kms001('terraform')
    expect(rest).toEqual([])
    const main = path.join(ROOT, 'terraform/main.tf')
    const moduleMain = path.join(ROOT, 'terraform/modules/route-table/main.tf')
    const line = lineOf(main, 'prefix   = "0.0.0.0/0"')
    expect(f!.location).toEqual({ file: main, startLine: line, endLine: line })
    const block = lineOf(moduleMain, 'resource "azurerm_route" "this"')
    expect(f!.related).toEqual([{ file: moduleMain, startLine: block, endLine: block + 7 }])
    expect(f!.subnets).toEqual(['vnet-spoke/snet-app'])
  })

  test('Bicep: the module parameter in the calling file, with the pass-through line related', async () => {
    const [f, ...rest] = await kms001('bicep')
    expect(rest).toEqual([])
    const main = path.join(ROOT, 'bicep/main.bicep')
    const line = lineOf(main, "addressPrefix: '0.0.0.0/0'")
    expect(f!.location).toEqual({ file: main, startLine: line, endLine: line })
    const rt = path.join(ROOT, 'bicep/rt.bicep')
    const use = lineOf(rt, 'routes: routes')
    expect(f!.related).toEqual([{ file: rt, startLine: use, endLine: use }])
  })

  test('ARM: the parameter file entry, with the template line that uses the parameter related', async () => {
    const [f, ...rest] = await kms001('arm')
    expect(rest).toEqual([])
    const params = path.join(ROOT, 'arm/azuredeploy.parameters.json')
    const line = lineOf(params, '"addressPrefix": "0.0.0.0/0"')
    expect(f!.location).toEqual({ file: params, startLine: line, endLine: line })
    expect(f!.related?.map((r) => path.basename(r.file))).toEqual(['azuredeploy.json'])
  })

  test('a route the module writes itself stays at its block, even when the caller hands in the next hop', async () => {
    // The spoke module writes 0.0.0.0/0; only the firewall's address comes from the root module.
    const result = await scan({
      path: path.resolve('test/fixtures/terraform/hub-spoke'),
      cloud: 'AzureCloud',
      varFiles: [],
      workers: false,
    })
    const spoke = path.resolve('test/fixtures/terraform/hub-spoke/modules/spoke/main.tf')
    const f = result.findings.find((x) => x.ruleId === 'KMS003')
    expect(f?.location.file).toBe(spoke)
    expect(f?.location.startLine).toBe(lineOf(spoke, 'content {'))
    expect(f?.related).toBeUndefined()
  })
})
