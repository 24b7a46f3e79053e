import { evaluateString, type Scope } from '../../../src/sources/arm/evaluate'
import { expressionText, parseExpression, ExpressionError } from '../../../src/sources/arm/expression'
import type { HclValue } from '../../../src/sources/evaluation/evaluated'
import { fromJson } from '../../../src/sources/evaluation/value-tree'
import { toPlain } from '../../../src/sources/arm/values'

const site = { file: 't.json', startLine: 7, endLine: 7 }

function scope(params: Record<string, unknown> = {}, loops: Record<string, number> = {}): Scope {
  return {
    cloud: 'AzureUSGovernment',
    parameter: (n) => (n in params ? fromJson(params[n], site) : undefined),
    variable: (n) =>
      n === 'computed' ? { kind: 'unknown', expression: 'x', reason: 'var reason', origin: site } : undefined,
    copyIndex: (loop) => loops[loop ?? 'default'] ?? 'outside',
    reference: (_t, full, s, text) => ({
      kind: 'unknown',
      expression: text,
      reason: 'reference() is resolved at deployment',
      origin: s,
      ref: { resource: 'model-id-of-fw', attribute: full ? '' : 'properties' },
    }),
  }
}

const ev = (s: string, sc: Scope = scope()): HclValue => evaluateString(s, site, sc)
const val = (s: string, sc?: Scope): unknown => {
  const v = ev(s, sc)
  if (v.kind === 'unknown') throw new Error(`unknown: ${v.reason}`)
  return toPlain(v)
}

describe('ARM expression parser', () => {
  test('literals, escapes and expressions are told apart', () => {
    expect(expressionText('plain')).toEqual({ literal: 'plain' })
    expect(expressionText('[[not an expression]')).toEqual({ literal: '[not an expression]' })
    expect(expressionText("[concat('a')]")).toEqual({ expression: "concat('a')" })
    expect(expressionText('[only-start')).toEqual({ literal: '[only-start' })
  })

  test('parses calls, property access, indexing and doubled quotes', () => {
    const e = parseExpression("reference('it''s').ipConfigurations[0]['x']")
    expect(e).toMatchObject({
      k: 'index',
      index: { k: 'str', value: 'x' },
      target: {
        k: 'index',
        index: { k: 'num', value: 0 },
        target: {
          k: 'prop',
          name: 'ipConfigurations',
          target: { k: 'call', name: 'reference', args: [{ value: "it's" }] },
        },
      },
    })
  })

  test('reports a broken expression instead of guessing', () => {
    expect(() => parseExpression("concat('a'")).toThrow(ExpressionError)
    const v = ev("[concat('a']")
    expect(v.kind).toBe('unknown')
    expect(v.kind === 'unknown' && v.reason).toMatch(/cannot parse expression/)
  })
})

describe('ARM expression evaluation', () => {
  test('string functions', () => {
    expect(val("[concat('rt-', toLower('HUB'), '-', string(1))]")).toBe('rt-hub-1')
    expect(val("[format('{0}/{1:D2} {{x}}', 'kms', 3)]")).toBe('kms/03 {x}')
    expect(val("[replace('a-b-c', '-', '.')]")).toBe('a.b.c')
    expect(val("[split('10.0.0.0/8,20.0.0.0/8', ',')[1]]")).toBe('20.0.0.0/8')
    expect(val("[toUpper('it''s')]")).toBe("IT'S")
    expect(val('[string(true())]')).toBe('True')
  })

  test('array and object functions keep their items', () => {
    expect(val("[concat(createArray('a'), createArray('b', 'c'))]")).toEqual(['a', 'b', 'c'])
    expect(val("[union(createArray('a', 'b'), createArray('b', 'c'))]")).toEqual(['a', 'b', 'c'])
    expect(
      val(
        "[union(createObject('a', 1, 'n', createObject('x', 1)), createObject('n', createObject('y', 2)))]",
      ),
    ).toEqual({
      a: 1,
      n: { x: 1, y: 2 },
    })
    expect(val("[length(parameters('kms'))]", scope({ kms: ['1', '2', '3'] }))).toBe(3)
    expect(val("[first(parameters('kms'))]", scope({ kms: ['1', '2'] }))).toBe('1')
    expect(val("[last(parameters('kms'))]", scope({ kms: ['1', '2'] }))).toBe('2')
    expect(val("[contains(parameters('kms'), '2')]", scope({ kms: ['1', '2'] }))).toBe(true)
    expect(val('[empty(createArray())]')).toBe(true)
    expect(val('[json(\'{"a": [1]}\').a[0]]')).toBe(1)
    expect(val("[coalesce(null(), 'x')]")).toBe('x')
    expect(val("[int('42')]")).toBe(42)
  })

  test('logic and comparison', () => {
    expect(val("[if(equals(parameters('env'), 'prod'), 'Deny', 'Allow')]", scope({ env: 'prod' }))).toBe(
      'Deny',
    )
    expect(val('[and(true(), not(false()), or(false(), true()))]')).toBe(true)
    // A known deciding operand settles and/or even next to an unknown one.
    expect(val("[or(true(), variables('computed'))]")).toBe(true)
    expect(ev("[and(true(), variables('computed'))]").kind).toBe('unknown')
  })

  test('tryGet walks keys and indexes, null where a step is missing, unknown where a value is', () => {
    const sc = scope({ lock: { kind: 'None' }, hops: [{ ip: '10.0.0.4' }] })
    expect(val("[tryGet(parameters('lock'), 'kind')]", sc)).toBe('None')
    expect(val("[tryGet(parameters('hops'), 0, 'ip')]", sc)).toBe('10.0.0.4')
    expect(val("[coalesce(tryGet(parameters('lock'), 'name'), 'lock-rt')]", sc)).toBe('lock-rt')
    expect(val("[tryGetValue(parameters('lock'), 'kind')]", sc)).toBe('None')
    const v = ev("[tryGet(variables('computed'), 'kind')]", sc)
    expect(v).toMatchObject({ kind: 'unknown', reason: 'var reason' })
  })

  test('copyIndex with loop name and offset', () => {
    const sc = scope({ kms: ['20.118.99.224', '40.83.235.53'] }, { routes: 1, default: 0 })
    expect(val("[parameters('kms')[copyIndex('routes')]]", sc)).toBe('40.83.235.53')
    expect(val("[copyIndex('routes', 10)]", sc)).toBe(11)
    expect(val('[copyIndex(1)]', sc)).toBe(1)
    const outside = ev("[copyIndex('nope')]", sc)
    expect(outside.kind === 'unknown' && outside.reason).toBe('outside')
  })

  test('resourceId builds an ARM id linkable by type and names', () => {
    expect(val("[resourceId('Microsoft.Network/routeTables', 'rt-hub')]")).toBe(
      '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.Network/routeTables/rt-hub',
    )
    expect(val("[resourceId('rg-net', 'Microsoft.Network/virtualNetworks/subnets', 'vnet', 'snet')]")).toBe(
      '/subscriptions/{subscriptionId}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet',
    )
    expect(val("[concat(resourceGroup().id, '/x')]")).toBe(
      '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/x',
    )
  })

  test('environment() is the cloud judged; resourceGroup() properties are unknown', () => {
    expect(val('[environment().name]')).toBe('AzureUSGovernment')
    const loc = ev('[resourceGroup().location]')
    expect(loc).toMatchObject({ kind: 'unknown', expression: '[resourceGroup().location]' })
  })

  test('cidr functions compute subnets', () => {
    expect(val("[cidrSubnet('10.0.0.0/16', 24, 3)]")).toBe('10.0.3.0/24')
    expect(val("[cidrHost('10.0.1.0/24', 3)]")).toBe('10.0.1.4')
    expect(val("[parseCidr('10.0.1.0/26').broadcast]")).toBe('10.0.1.63')
    expect(val("[parseCidr('10.0.1.7/26')]")).toEqual({
      network: '10.0.1.0',
      netmask: '255.255.255.192',
      broadcast: '10.0.1.63',
      firstUsable: '10.0.1.1',
      lastUsable: '10.0.1.62',
      cidr: 26,
    })
    expect(val("[parseCidr('10.0.1.4/31')]")).toMatchObject({
      firstUsable: '10.0.1.4',
      lastUsable: '10.0.1.5',
    })
    expect(val("[cidrSubnet('10.0.0.0/16', 24, 255)]")).toBe('10.0.255.0/24')
    expect(val("[cidrHost('10.0.1.0/24', 253)]")).toBe('10.0.1.254')
    expect(val("[cidrSubnet('fd00::/48', 64, 2)]")).toBe('fd00:0:0:2::/64')
  })

  test('cidr functions out of range are unknown with the function named, not a guessed address', () => {
    for (const [text, why] of [
      ["[cidrSubnet('10.0.0.0/16', 24, 256)]", /cidrSubnet: subnet index 256 out of range/],
      ["[cidrSubnet('10.0.0.0/16', 8, 0)]", /cidrSubnet: new prefix length 8/],
      ["[cidrHost('10.0.1.0/24', 254)]", /cidrHost: host index 254 out of range/],
      ["[parseCidr('10.0.1.0')]", /parseCidr: "10.0.1.0" is not a CIDR/],
    ] as const) {
      const v = ev(text)
      expect(v.kind).toBe('unknown')
      if (v.kind === 'unknown') expect(v.reason).toMatch(why)
    }
  })

  test('functions not evaluated are unknown and named', () => {
    const v = ev('[uniqueString(resourceGroup().id)]')
    expect(v).toMatchObject({ kind: 'unknown', reason: 'function uniqueString() is resolved at deployment' })
    const w = ev("[someNs.myFunc('a')]")
    expect(w).toMatchObject({ kind: 'unknown', reason: 'function someNs.myFunc() is not evaluated' })
    const x = ev("[base64('a')]")
    expect(x).toMatchObject({ kind: 'unknown', reason: 'function base64() is not evaluated' })
  })

  test('an unknown argument makes the result unknown with its reason; the whole expression is named', () => {
    const v = ev("[concat(variables('computed'), '/32')]")
    expect(v).toMatchObject({
      kind: 'unknown',
      reason: 'var reason',
      expression: "[concat(variables('computed'), '/32')]",
    })
    // but an unknown item does not hide the known ones
    const list = ev("[createArray('a', variables('computed'))]")
    expect(list.kind).toBe('list')
    expect(list.kind === 'list' && list.items.map((i) => i.kind)).toEqual(['string', 'unknown'])
  })

  test('property access on reference() extends the ref attribute', () => {
    const v = ev("[reference('fw').ipConfigurations[0].properties.privateIPAddress]")
    expect(v).toMatchObject({
      kind: 'unknown',
      ref: {
        resource: 'model-id-of-fw',
        attribute: 'properties.ipConfigurations[0].properties.privateIPAddress',
      },
      origin: site,
    })
  })

  test('missing parameters and properties are unknown, not empty', () => {
    expect(ev("[parameters('nope')]")).toMatchObject({ kind: 'unknown', reason: 'no parameter named "nope"' })
    expect(ev("[createObject('a', 1).b]")).toMatchObject({
      kind: 'unknown',
      reason: 'the object has no property "b"',
    })
  })
})

describe('lambda functions (filter, map, reduce, sort, toObject, groupBy, mapValues)', () => {
  const tiers = {
    tiers: [
      { name: 'hub', resourceGroupName: 'rg-hub', subscriptionId: '1111' },
      { name: 'identity', resourceGroupName: 'rg-identity', subscriptionId: '2222' },
      { name: 'operations', resourceGroupName: 'rg-ops', subscriptionId: '3333' },
    ],
  }

  test("filter picks the item a lambda selects (missionlz's tier lookup), with an optional index", () => {
    expect(
      val(
        "[filter(parameters('tiers'), lambda('tier', equals(lambdaVariables('tier').name, 'hub')))[0].resourceGroupName]",
        scope(tiers),
      ),
    ).toBe('rg-hub')
    expect(
      val("[filter(parameters('tiers'), lambda('t', 'i', greater(lambdaVariables('i'), 0)))]", scope(tiers)),
    ).toHaveLength(2)
  })

  test('map, reduce, sort, toObject, groupBy and mapValues compute as documented', () => {
    const sc = scope(tiers)
    expect(val("[map(parameters('tiers'), lambda('t', lambdaVariables('t').name))]", sc)).toEqual([
      'hub',
      'identity',
      'operations',
    ])
    expect(
      val(
        "[reduce(createArray(1, 2, 3), 10, lambda('acc', 'n', add(lambdaVariables('acc'), lambdaVariables('n'))))]",
      ),
    ).toBe(16)
    expect(
      val("[sort(createArray(3, 1, 2), lambda('a', 'b', less(lambdaVariables('a'), lambdaVariables('b'))))]"),
    ).toEqual([1, 2, 3])
    expect(
      val(
        "[toObject(parameters('tiers'), lambda('t', lambdaVariables('t').name), lambda('t', lambdaVariables('t').subscriptionId))]",
        sc,
      ),
    ).toEqual({ hub: '1111', identity: '2222', operations: '3333' })
    expect(
      val("[groupBy(createArray('ab', 'ac', 'b'), lambda('s', substring(lambdaVariables('s'), 0, 1)))]"),
    ).toEqual({ a: ['ab', 'ac'], b: ['b'] })
    expect(
      val("[mapValues(createObject('a', 1, 'b', 2), lambda('v', mul(lambdaVariables('v'), 10)))]"),
    ).toEqual({ a: 10, b: 20 })
  })

  test('an unknown collection or an unknown filter decision is unknown, never a guess', () => {
    const sc = scope({ tiers: tiers.tiers, who: undefined })
    const u = ev("[filter(variables('computed'), lambda('t', true()))]", sc)
    expect(u).toMatchObject({ kind: 'unknown', reason: 'var reason' })
    const d = ev(
      "[filter(parameters('tiers'), lambda('t', equals(lambdaVariables('t').name, variables('computed'))))]",
      sc,
    )
    expect(d.kind).toBe('unknown')
    // map keeps an unknown item where it is.
    const m = ev("[map(parameters('tiers'), lambda('t', variables('computed')))]", sc)
    expect(m).toMatchObject({ kind: 'list' })
  })

  test('utcNow() is known only at deployment: unknown', () => {
    expect(ev("[utcNow('yyyyMMddhhmmss')]")).toMatchObject({ kind: 'unknown' })
  })
})
