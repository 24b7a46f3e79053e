import * as fs from 'node:fs'
import * as path from 'node:path'
import { planToEvaluation } from '../../../src/sources/plan'
import { terraformToModel } from '../../../src/sources/terraform/adapt'

const FILE = path.resolve('test/fixtures/plan/hub-spoke.tfplan.json')

describe('plan → network model (terraformToModel unchanged)', () => {
  const model = terraformToModel(planToEvaluation(FILE, fs.readFileSync(FILE, 'utf8')))

  test('associations whose ids are unknown until apply link subnets to their route tables', () => {
    const app = model.subnets.find((s) => s.id === 'azurerm_subnet.app')!
    expect(app.routeTableId).toMatchObject({ known: true, value: 'azurerm_route_table.hub' })
    for (const key of ['a', 'b']) {
      const m = `module.spoke["${key}"]`
      const s = model.subnets.find((x) => x.id === `${m}.azurerm_subnet.this`)!
      expect(s.routeTableId?.known).toBe(true)
    }
    expect(model.subnets.find((s) => s.id === 'azurerm_subnet.workers[1]')?.routeTableId).toMatchObject({
      known: true,
      value: 'azurerm_route_table.hub',
    })
  })

  test('the default route points at the firewall through its computed private address', () => {
    const hub = model.routeTables.find((t) => t.id === 'azurerm_route_table.hub')!
    const hop = hub.routes.find((r) => r.name.known && r.name.value === 'default')!.nextHopIpAddress
    expect(hop).toMatchObject({ known: false, ref: { resource: 'azurerm_firewall.hub' } })
    expect(model.firewalls.map((f) => f.id)).toEqual(['azurerm_firewall.hub'])
    expect(model.routeTables.some((t) => t.id.includes('legacy'))).toBe(false)
    expect(model.cloudHints).toEqual(['AzureCloud'])
  })
})
