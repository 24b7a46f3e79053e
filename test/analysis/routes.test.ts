import { describeSelection, selectRoute } from '../../src/analysis/routes'
import { unknown } from '../../src/model/value'
import { route, routeTable } from './helpers'

const KMS = '20.118.99.224'

describe('route selection', () => {
  test('no table: system default route to Internet', () => {
    const s = selectRoute(undefined, KMS)
    expect(s.winner).toEqual({ kind: 'system', prefix: '0.0.0.0/0' })
    expect(s.nextHop).toBe('Internet')
    expect(s.unknowns).toEqual([])
  })

  test('user 0.0.0.0/0 beats the system route on equal prefix', () => {
    const t = routeTable('rt', 'rt-spoke', [['0.0.0.0/0', 'VirtualNetworkGateway']])
    const s = selectRoute(t, KMS)
    expect(s.nextHop).toBe('VirtualNetworkGateway')
    expect(describeSelection(s, 'rt-spoke')).toBe('rt-spoke: 0.0.0.0/0 → VirtualNetworkGateway')
  })

  test('longest prefix wins: a /32 bypass beats the forced tunnel', () => {
    const t = routeTable('rt', 'rt', [
      ['0.0.0.0/0', 'VirtualNetworkGateway'],
      [`${KMS}/32`, 'Internet'],
    ])
    expect(selectRoute(t, KMS).nextHop).toBe('Internet')
    expect(selectRoute(t, '40.83.235.53').nextHop).toBe('VirtualNetworkGateway')
  })

  test('AzureCloud tag: more specific than /0, less than a /32', () => {
    const t = routeTable('rt', 'rt', [
      ['0.0.0.0/0', 'VirtualNetworkGateway'],
      ['AzureCloud', 'Internet'],
      [`${KMS}/32`, 'None'],
    ])
    expect(selectRoute(t, KMS).nextHop).toBe('None')
    expect(selectRoute(t, '40.83.235.53').nextHop).toBe('Internet')
    const other = routeTable('rt2', 'rt2', [['Storage', 'None']])
    expect(selectRoute(other, KMS).nextHop).toBe('Internet')
  })

  test('next hop type is matched case-insensitively', () => {
    const t = routeTable('rt', 'rt', [['0.0.0.0/0', 'virtualnetworkgateway']])
    expect(selectRoute(t, KMS).nextHop).toBe('VirtualNetworkGateway')
  })

  test('an unknown prefix makes the selection unknown unless a /32 wins anyway', () => {
    const r = route('rt', 'x', unknown('var.prefix', 'no value'), 'None')
    const t = routeTable('rt', 'rt', [r, ['0.0.0.0/0', 'Internet']])
    const s = selectRoute(t, KMS)
    expect(s.nextHop).toBe('unknown')
    expect(s.unknowns.map((u) => u.value.expression)).toEqual(['var.prefix'])
    const t2 = routeTable('rt', 'rt', [r, [`${KMS}/32`, 'Internet']])
    expect(selectRoute(t2, KMS).nextHop).toBe('Internet')
    expect(selectRoute(t2, KMS).winner).toEqual({ kind: 'user', route: t2.routes[1], prefix: `${KMS}/32` })
    expect(selectRoute(t2, KMS).unknowns).toEqual([])
    // A /31 is not enough: the unknown prefix could be the /32 that wins.
    const t3 = routeTable('rt', 'rt', [r, [`${KMS}/31`, 'Internet']])
    expect(selectRoute(t3, KMS).nextHop).toBe('unknown')
    expect(selectRoute(t3, KMS).unknowns.map((u) => u.value.expression)).toEqual(['var.prefix'])
  })

  test('unknown next hop type of the winner is reported', () => {
    const t = routeTable('rt', 'rt', [route('rt', 'd', '0.0.0.0/0', unknown('var.hop'))])
    const s = selectRoute(t, KMS)
    expect(s.nextHop).toBe('unknown')
    expect(s.unknowns[0]!.attribute).toBe('nextHopType')
    expect(s.unknowns.map((u) => u.value.expression)).toEqual(['var.hop'])
    expect(s.winner).toEqual({ kind: 'user', route: t.routes[0], prefix: '0.0.0.0/0' })
  })
})
