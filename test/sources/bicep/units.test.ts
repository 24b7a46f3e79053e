import * as path from 'node:path'
import { bicepUnits } from '../../../src/sources/bicep/units'

const at = (p: string, text: string) => ({ path: path.join('/repo', p), text })

test('a unit is an entry template with the local modules it reaches and its parameter files', () => {
  const hub = at('hub/main.bicep', "module net './modules/net.bicep' = {\n  name: 'net'\n}\n")
  const net = at('hub/modules/net.bicep', "module rt '../../shared/rt.bicep' = {\n  name: 'rt'\n}\n")
  const rt = at(
    'shared/rt.bicep',
    "resource rt 'Microsoft.Network/routeTables@2023-09-01' = {\n  name: 'rt'\n}\n",
  )
  const registry = at('spoke/main.bicep', "module rt 'br/public:avm/res/network/route-table:0.4.0' = {\n}\n")
  const prod = at('hub/prod.bicepparam', "using './main.bicep'\nparam location = 'westeurope'\n")
  const stray = at('old/old.bicepparam', "using './gone.bicep'\n")
  const json = at('spoke/main.parameters.dev.json', '{"parameters": {}}')
  const other = at('spoke/appsettings.json', '{}')

  const units = bicepUnits([hub, net, rt, registry, prod, stray], [json, other])
  const names = units.map((u) => u.map((f) => path.relative('/repo', f.path)).sort())
  expect(names).toEqual([
    ['hub/main.bicep', 'hub/modules/net.bicep', 'hub/prod.bicepparam', 'shared/rt.bicep'],
    ['spoke/main.bicep', 'spoke/main.parameters.dev.json'],
    ['old/old.bicepparam'],
  ])
})

test('templates that only call each other are still judged', () => {
  const a = at('a.bicep', "module b './b.bicep' = {}\n")
  const b = at('b.bicep', "module a './a.bicep' = {}\n")
  expect(bicepUnits([a, b], []).map((u) => u.map((f) => path.basename(f.path)).sort())).toEqual([
    ['a.bicep', 'b.bicep'],
  ])
})

test('a module path written right after the name, without a space, is still a local module', () => {
  const main = at('main.bicep', "module rt'./rt.bicep' = {\n  name: 'rt'\n}\n")
  const rt = at('rt.bicep', "resource rt 'Microsoft.Network/routeTables@2023-09-01' = {\n  name: 'rt'\n}\n")
  expect(bicepUnits([main, rt], []).map((u) => u.map((f) => path.basename(f.path)).sort())).toEqual([
    ['main.bicep', 'rt.bicep'],
  ])
})
