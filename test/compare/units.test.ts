/** Which deployment units a change can affect, and the content hash the base and head share. */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { dataInputs, isAffected, unitChooser, unitHash, unitKey } from '../../src/compare/units'
import type { ScanUnit } from '../../src/pipeline/scan-types'

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
    expect(isAffected(prod, changes(['envs/prod/terraform.tfvars']))).toBe(true)
    expect(isAffected(prod, changes(['modules/net/main.tf']))).toBe(true)
    expect(isAffected(prod, changes(['modules/net/routes.tf']))).toBe(true)
    expect(isAffected(prod, changes(['envs/stage/terraform.tfvars']))).toBe(false)
    expect(isAffected(prod, changes(['envs/prod/README.md']))).toBe(false)
    expect(isAffected({ ...prod, varFiles: [at('shared.tfvars')] }, changes(['shared.tfvars']))).toBe(true)
  })

  test('a Bicep deployment: its files, or any template removed', () => {
    const bicep: ScanUnit = {
      kind: 'bicep',
      root: at('bicep/main.bicep'),
      files: [at('bicep/main.bicep'), at('bicep/main.bicepparam')],
      varFiles: [],
    }
    expect(isAffected(bicep, changes(['bicep/main.bicepparam']))).toBe(true)
    expect(isAffected(bicep, changes(['other/x.bicep']))).toBe(false)
    expect(isAffected(bicep, changes(['bicep/mod.bicep'], ['bicep/mod.bicep']))).toBe(true)
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
})

describe('a unit selection as plain data (ScanOptions.units, structured-clone safe)', () => {
  const unit = (root: string, dir = 'envs/prod'): ScanUnit => ({
    kind: 'terraform',
    root: at(root, dir),
    files: [at(root, dir, 'main.tf')],
    varFiles: [],
  })

  test('survives structured clone, as it must to reach the scan worker', () => {
    const selection = { keyRoot: at('a'), hashRoot: at('a'), changed: { paths: [at('a/x.tf')], removed: [] } }
    expect(structuredClone(selection)).toEqual(selection)
  })

  test('with a change: the units it touches are judged (with their hash), the others are untouched', () => {
    write('a/envs/prod/main.tf', 'x')
    write('a/envs/stage/main.tf', 'x')
    const choose = unitChooser({
      keyRoot: at('a'),
      hashRoot: at('a'),
      changed: { paths: [at('a/envs/prod/main.tf')], removed: [] },
    })
    // With its files relative to the hash root, so the base knows them without forming its units.
    expect(choose(unit('a'))).toEqual({
      key: 'envs/prod',
      judged: true,
      hash: unitHash(unit('a'), at('a')),
      files: ['envs/prod/main.tf'],
    })
    // Untouched, with its files too: the run looks in them for the VNets they read (src/compare/vnet-readers.ts).
    expect(choose(unit('a', 'envs/stage'))).toEqual({
      key: 'envs/stage',
      judged: false,
      why: 'untouched',
      files: ['envs/stage/main.tf'],
    })
    // Named in `also` (it reads a VNet a changed unit declares): judged though untouched.
    expect(
      unitChooser({
        keyRoot: at('a'),
        hashRoot: at('a'),
        changed: { paths: [at('a/envs/prod/main.tf')], removed: [] },
        also: ['envs/stage'],
      })(unit('a', 'envs/stage')),
    ).toEqual({
      key: 'envs/stage',
      judged: true,
      hash: unitHash(unit('a', 'envs/stage'), at('a')),
      files: ['envs/stage/main.tf'],
    })
    // Without a change every unit is judged; without a hash root none is hashed.
    expect(unitChooser({ keyRoot: at('a') })(unit('a', 'envs/stage'))).toEqual({
      key: 'envs/stage',
      judged: true,
    })
  })

  test("with the head's hashes: a unit with the same inputs is reused, a changed or new one judged", () => {
    write('a/envs/prod/main.tf', 'x')
    write('b/envs/prod/main.tf', 'x')
    write('b/envs/stage/main.tf', 'y')
    write('b/envs/dev/main.tf', 'z')
    const reuse = { 'envs/prod': unitHash(unit('a'), at('a')), 'envs/stage': 'another hash' }
    const choose = unitChooser({
      keyRoot: at('b'),
      hashRoot: at('b'),
      reuse,
      changed: { paths: [at('b/envs/stage/main.tf')], removed: [] },
    })
    expect(choose(unit('b'))).toMatchObject({ key: 'envs/prod', judged: false, why: 'same-inputs' })
    expect(choose(unit('b', 'envs/stage'))).toMatchObject({ key: 'envs/stage', judged: true })
    // Not judged at head and untouched by the change: not judged here either.
    expect(choose(unit('b', 'envs/dev'))).toMatchObject({ key: 'envs/dev', judged: false, why: 'untouched' })
  })
})

describe("inputs besides the unit's own files", () => {
  test('a changed file the unit may read with file() affects it, and is part of its hash', () => {
    write('envs/prod/main.tf', 'locals {\n  rules = jsondecode(file("${path.module}/rules.json"))\n}\n')
    write('envs/prod/rules.json', '{"allow": true}')
    write('envs/stage/main.tf', 'locals {\n  x = 1\n}\n')
    const unit = (env: string): ScanUnit => ({
      kind: 'terraform',
      root: at('envs', env),
      files: [at('envs', env, 'main.tf')],
      varFiles: [],
    })
    const change = changes(['envs/prod/rules.json'])
    expect(dataInputs(unit('prod'), change.paths)).toEqual([at('envs/prod/rules.json')])
    expect(isAffected(unit('prod'), change)).toBe(true)
    // A unit that reads no files is not affected by a data file changing.
    expect(isAffected(unit('stage'), change)).toBe(false)
    // Scope all narrows nothing, yet the hash the base compares with must see the data file.
    const choose = () => unitChooser({ keyRoot: at('envs'), hashRoot: tmp, touched: [...change.paths] })
    const before = choose()(unit('prod')).hash
    write('envs/prod/rules.json', '{"allow": false}')
    expect(choose()(unit('prod')).hash).not.toBe(before)
    expect(unitHash(unit('prod'), tmp)).toBe(unitHash(unit('prod'), tmp))
  })

  test('the module manifest `terraform init` wrote is an input of its root module', () => {
    const prod = prodUnit()
    expect(isAffected(prod, changes(['envs/prod/.terraform/modules/modules.json']))).toBe(true)
    expect(isAffected(prod, changes(['envs/stage/.terraform/modules/modules.json']))).toBe(false)
  })
})
