import * as fs from 'node:fs'
import * as path from 'node:path'
import { isTerraformPlan, planAddresses, planToEvaluation } from '../../../src/sources/plan'
import type { EvaluatedResource, HclValue } from '../../../src/sources/evaluation/evaluated'
import { attr, items } from '../../../src/sources/evaluation/value-tree'

const FILE = path.resolve('test/fixtures/plan/hub-spoke.tfplan.json')
const TEXT = fs.readFileSync(FILE, 'utf8')
const evaluation = planToEvaluation(FILE, TEXT)

const res = (address: string): EvaluatedResource => {
  const r = evaluation.resources.find((x) => x.address === address)
  if (!r) throw new Error(`no ${address}`)
  return r
}
const get = (v: HclValue | undefined, ...p: (string | number)[]): HclValue | undefined =>
  p.reduce<HclValue | undefined>((cur, n) => (typeof n === 'number' ? items(cur)[n] : attr(cur, n)), v)

describe('isTerraformPlan', () => {
  test('by content', () => {
    expect(isTerraformPlan(TEXT)).toBe(true)
    expect(isTerraformPlan('{"format_version":"1.0","planned_values":{}}')).toBe(true)
    // A state file (`terraform show -json` without a plan) has values, not planned_values.
    expect(isTerraformPlan('{"format_version":"1.0","values":{}}')).toBe(false)
    expect(isTerraformPlan('{"resource":{"azurerm_route_table":{}}}')).toBe(false)
  })
})

describe('planToEvaluation', () => {
  test('every resource that exists after apply, by full instance address; deletions are left out', () => {
    expect(planAddresses(evaluation)).toEqual([
      'azurerm_route_table.hub',
      'azurerm_firewall.hub',
      'azurerm_subnet.app',
      'azurerm_subnet_route_table_association.app',
      'azurerm_subnet.workers[0]',
      'azurerm_subnet.workers[1]',
      'azurerm_subnet_route_table_association.workers[0]',
      'azurerm_subnet_route_table_association.workers[1]',
      'module.spoke["a"].azurerm_route_table.this',
      'module.spoke["a"].azurerm_subnet.this',
      'module.spoke["a"].azurerm_subnet_route_table_association.this',
      'module.spoke["a"].azurerm_subnet_route_table_association.hub_gateway',
      'module.spoke["b"].azurerm_route_table.this',
      'module.spoke["b"].azurerm_subnet.this',
      'module.spoke["b"].azurerm_subnet_route_table_association.this',
      'module.spoke["b"].azurerm_subnet_route_table_association.hub_gateway',
      'azurerm_route_table.replaced',
      'data.azurerm_subnet.shared',
    ])
    const replaced = res('azurerm_route_table.replaced')
    // Replaced: the after-state is judged, not the before-state.
    expect(get(replaced.body, 'location')).toMatchObject({ kind: 'string', value: 'westeurope' })
    expect(res('data.azurerm_subnet.shared')).toMatchObject({
      mode: 'data',
      type: 'azurerm_subnet',
      name: 'shared',
    })
    expect(res('module.spoke["b"].azurerm_route_table.this')).toMatchObject({
      type: 'azurerm_route_table',
      name: 'this',
    })
  })

  test('origins are the lines of the resource object in the plan file', () => {
    const lines = TEXT.split('\n')
    const r = res('module.spoke["a"].azurerm_route_table.this')
    const changes = lines.findIndex((l) => l.includes('"resource_changes"'))
    const start = lines.findIndex(
      (l, i) => i > changes && l.includes('"address": "module.spoke[\\"a\\"].azurerm_route_table.this"'),
    )
    expect(r.origin.file).toBe(FILE)
    expect(r.origin.startLine).toBe(start) // the `{` line just above the address
    expect(lines[r.origin.endLine - 1].trim()).toMatch(/^},?$/)
    expect(get(r.body, 'route', 0, 'address_prefix')?.origin).toEqual(r.origin)
  })

  test('after_unknown makes computed values unknown, never "not set"', () => {
    const hub = res('azurerm_route_table.hub')
    const first = get(hub.body, 'route', 0)
    expect(first?.kind === 'object' && first.attrs.next_hop_in_ip_address).toMatchObject({ kind: 'null' })
    expect(get(hub.body, 'bgp_route_propagation_enabled')).toMatchObject({ kind: 'bool', value: false })
    const assoc = res('azurerm_subnet_route_table_association.app')
    expect(get(assoc.body, 'route_table_id')).toMatchObject({ kind: 'unknown', reason: 'known after apply' })
  })

  test('unknown values are linked through configuration references like the HCL evaluator does', () => {
    const assoc = res('azurerm_subnet_route_table_association.app')
    expect(get(assoc.body, 'subnet_id')).toMatchObject({
      kind: 'unknown',
      expression: 'azurerm_subnet.app.id',
      ref: { resource: 'azurerm_subnet.app', attribute: 'id' },
    })
    expect(get(assoc.body, 'route_table_id')).toMatchObject({
      ref: { resource: 'azurerm_route_table.hub', attribute: 'id' },
    })
    // nested block attribute
    expect(get(res('azurerm_route_table.hub').body, 'route', 1, 'next_hop_in_ip_address')).toMatchObject({
      ref: { resource: 'azurerm_firewall.hub', attribute: 'ip_configuration[0].private_ip_address' },
    })
    // the firewall's own computed address refers to itself, as the HCL evaluator names it
    expect(get(res('azurerm_firewall.hub').body, 'ip_configuration', 0, 'private_ip_address')).toMatchObject({
      ref: { resource: 'azurerm_firewall.hub', attribute: 'ip_configuration[0].private_ip_address' },
    })
    // a reference to a resource not in the plan gives no ref
    const fwSubnet = get(res('azurerm_firewall.hub').body, 'ip_configuration', 0, 'subnet_id')
    expect(fwSubnet).toMatchObject({ kind: 'unknown', expression: 'azurerm_subnet.firewall.id' })
    expect(fwSubnet?.kind === 'unknown' && fwSubnet.ref).toBeUndefined()
  })

  test('count and for_each: the instance with the same key; modules by instance prefix; var. through the module call', () => {
    expect(get(res('azurerm_subnet_route_table_association.workers[1]').body, 'subnet_id')).toMatchObject({
      ref: { resource: 'azurerm_subnet.workers[1]', attribute: 'id' },
    })
    for (const key of ['a', 'b']) {
      const m = `module.spoke["${key}"]`
      const assoc = res(`${m}.azurerm_subnet_route_table_association.this`)
      expect(get(assoc.body, 'subnet_id')).toMatchObject({ ref: { resource: `${m}.azurerm_subnet.this` } })
      expect(get(assoc.body, 'route_table_id')).toMatchObject({
        ref: { resource: `${m}.azurerm_route_table.this` },
      })
      const gw = res(`${m}.azurerm_subnet_route_table_association.hub_gateway`)
      expect(get(gw.body, 'route_table_id')).toMatchObject({
        expression: 'var.hub_route_table_id',
        ref: { resource: 'azurerm_route_table.hub', attribute: 'id' },
      })
    }
  })

  test('provider environment', () => {
    expect(evaluation.providerEnvironments).toEqual(['public'])
    expect(evaluation.diagnostics).toEqual([])
  })

  test('planned_values only: attributes set by reference but absent are unknown with their ref', () => {
    const plan = {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'azurerm_route_table.rt',
              mode: 'managed',
              type: 'azurerm_route_table',
              name: 'rt',
              values: { name: 'rt' },
            },
          ],
          child_modules: [
            {
              address: 'module.net',
              resources: [
                {
                  address: 'module.net.azurerm_subnet_route_table_association.a[0]',
                  mode: 'managed',
                  type: 'azurerm_subnet_route_table_association',
                  name: 'a',
                  index: 0,
                  values: {
                    subnet_id:
                      '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s',
                  },
                },
              ],
            },
          ],
        },
      },
      configuration: {
        root_module: {
          module_calls: {
            net: {
              expressions: { rt_id: { references: ['azurerm_route_table.rt.id', 'azurerm_route_table.rt'] } },
              module: {
                resources: [
                  {
                    address: 'azurerm_subnet_route_table_association.a',
                    expressions: {
                      route_table_id: { references: ['var.rt_id'] },
                      subnet_id: { constant_value: 'x' },
                    },
                  },
                ],
              },
            },
          },
        },
      },
    }
    const ev = planToEvaluation('/p.json', JSON.stringify(plan, null, 2))
    const a = ev.resources.find(
      (r) => r.address === 'module.net.azurerm_subnet_route_table_association.a[0]',
    )!
    expect(get(a.body, 'route_table_id')).toMatchObject({
      kind: 'unknown',
      ref: { resource: 'azurerm_route_table.rt', attribute: 'id' },
    })
    expect(get(a.body, 'subnet_id')).toMatchObject({ kind: 'string' })
  })

  test('invalid JSON is one KMS012 at its line', () => {
    const ev = planToEvaluation(
      '/bad.json',
      '{\n  "format_version": "1.2",\n  "resource_changes": [\n    {,\n  ]\n}',
    )
    expect(ev.resources).toEqual([])
    expect(ev.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'KMS012', origin: { file: '/bad.json', startLine: 4, endLine: 4 } }),
    ])
  })
})
