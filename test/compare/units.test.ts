/** Which deployment units a change can affect, and the content hash the base and head share. */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { dataInputs, isAffected, unitHash, unitKey, unitSelector } from '../../src/compare/units'
import type { ScanUnit } from '../../src/scan-types'

let tmp = ''
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-units-'))
})
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }))

const at = (...p: string[]) => path.join(tmp, ...p)
const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(at(rel)), { recursive: true })
  fs.writeFileSync(at(rel), text)
}
const changes = (paths: string[], removed: string[] = []) => ({
  paths: new Set(paths.map((p) => at(p))),
  removed: new Set(removed.map((p) => at(p))),
})

const prodUnit = (): ScanUnit => ({
  kind: 'terraform',
  root: at('envs/prod'),
  files: [at('envs/prod/main.tf'), at('envs/prod/terraform.tfvars'), at('modules/net/main.tf')],
  varFiles: [],
})

describe('units a change affects', () => {
  test('a file of the unit, a module it calls, or a Terraform file added or removed in its directories', () => {
    const prod = prodUnit()
    expect(isAffected(prod, changes(['envs/prod/terraform.tfvars']), tmp)).toBe(true)
    expect(isAffected(prod, changes(['modules/net/main.tf']), tmp)).toBe(true)
    expect(isAffected(prod, changes(['modules/net/routes.tf']), tmp)).toBe(true)
    expect(isAffected(prod, changes(['envs/stage/terraform.tfvars']), tmp)).toBe(false)
    expect(isAffected(prod, changes(['envs/prod/README.md']), tmp)).toBe(false)
    expect(isAffected({ ...prod, varFiles: [at('shared.tfvars')] }, changes(['shared.tfvars']), tmp)).toBe(
      true,
    )
  })

  test('a Bicep deployment: its files, or any template removed', () => {
    const bicep: ScanUnit = {
      kind: 'bicep',
      root: at('bicep/main.bicep'),
      files: [at('bicep/main.bicep'), at('bicep/main.bicepparam')],
      varFiles: [],
    }
    expect(isAffected(bicep, changes(['bicep/main.bicepparam']), tmp)).toBe(true)
    expect(isAffected(bicep, changes(['other/x.bicep']), tmp)).toBe(false)
    expect(isAffected(bicep, changes(['bicep/mod.bicep'], ['bicep/mod.bicep']), tmp)).toBe(true)
  })

  test('the hash is the same for the same contents under another checkout, and differs on any edit', () => {
    write('a/envs/prod/main.tf', 'x')
    write('b/envs/prod/main.tf', 'x')
    const unit = (root: string): ScanUnit => ({
      kind: 'terraform',
      root: at(root, 'envs/prod'),
      files: [at(root, 'envs/prod/main.tf')],
      varFiles: [],
    })
    expect(unitHash(unit('a'), at('a'))).toBe(unitHash(unit('b'), at('b')))
    expect(unitKey(unit('a'), at('a'))).toBe('envs/prod')
    write('b/envs/prod/main.tf', 'y')
    expect(unitHash(unit('a'), at('a'))).not.toBe(unitHash(unit('b'), at('b')))
  })

  test('a changed file the unit may read with file() affects it, and is part of its hash', () => {
    write('envs/prod/main.tf', 'locals {\n  rules = jsondecode(file("${path.module}/rules.json"))\n}\n')
    write('envs/prod/rules.json', '{"allow": true}')
    write('envs/stage/main.tf', 'locals {\n  x = 1\n}\n')
    const prod: ScanUnit = {
      kind: 'terraform',
      root: at('envs/prod'),
      files: [at('envs/prod/main.tf')],
      varFiles: [],
    }
    const stage: ScanUnit = {
      kind: 'terraform',
      root: at('envs/stage'),
      files: [at('envs/stage/main.tf')],
      varFiles: [],
    }
    const change = changes(['envs/prod/rules.json'])
    expect(dataInputs(prod, change, tmp)).toEqual([at('envs/prod/rules.json')])
    expect(isAffected(prod, change, tmp)).toBe(true)
    // A unit that reads no files is not affected by a data file changing.
    expect(isAffected(stage, change, tmp)).toBe(false)
    const before = unitHash(prod, tmp, dataInputs(prod, change, tmp))
    write('envs/prod/rules.json', '{"allow": false}')
    expect(unitHash(prod, tmp, dataInputs(prod, change, tmp))).not.toBe(before)
  })

  test('the module manifest `terraform init` wrote is an input of its root module', () => {
    const prod = prodUnit()
    expect(isAffected(prod, changes(['envs/prod/.terraform/modules/modules.json']), tmp)).toBe(true)
    expect(isAffected(prod, changes(['envs/stage/.terraform/modules/modules.json']), tmp)).toBe(false)
  })

  test('the selection is plain data: it skips untouched units, reports hashes, and reuses equal ones', () => {
    write('envs/prod/main.tf', 'a')
    write('envs/stage/main.tf', 'b')
    const unit = (env: string): ScanUnit => ({
      kind: 'terraform',
      root: at('envs', env),
      files: [at('envs', env, 'main.tf')],
      varFiles: [],
    })
    const change = { paths: ['envs/prod/main.tf'], removed: [] }
    const selection = { checkoutRoot: tmp, change, narrow: true, hashes: true }
    // What crosses to the scan worker survives structured cloning unchanged.
    expect(structuredClone(selection)).toEqual(selection)
    const head = unitSelector(selection, at('envs'))
    expect(head.select(unit('prod'))).toBe(true)
    expect(head.select(unit('stage'))).toBe(false)
    const report = head.report()
    expect(report.skipped).toEqual(['stage'])
    expect(Object.keys(report.hashes)).toEqual(['prod'])
    // The base with the same inputs reuses the head's findings; with other inputs it judges the unit.
    const same = unitSelector({ checkoutRoot: tmp, change, narrow: true, reuse: report.hashes }, at('envs'))
    expect(same.select(unit('prod'))).toBe(false)
    expect(same.report().reused).toEqual(['prod'])
    write('envs/prod/main.tf', 'changed')
    const other = unitSelector({ checkoutRoot: tmp, change, narrow: true, reuse: report.hashes }, at('envs'))
    expect(other.select(unit('prod'))).toBe(true)
  })
})
