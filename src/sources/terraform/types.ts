/**
 * Variable `type` constraints: converts an input value the way Terraform does before the module sees it
 * (a "10" given for a number becomes 10, a list for a set loses duplicates, optional object attributes get
 * their defaults). Anything it does not understand leaves the value as it is: conversion only sharpens
 * values, it never makes them unknown.
 */
import type { HclExpr } from './hcl-ast'
import {
  asBool,
  asNumber,
  asString,
  distinctVals,
  EvalError,
  UnknownHit,
  list,
  nul,
  obj,
  bool,
  num,
  str,
  type Val,
} from './values'

export function convertToType(v: Val, type: HclExpr, evalDefault: (e: HclExpr) => Val): Val {
  try {
    return convert(v, type, evalDefault)
  } catch (x) {
    if (x instanceof EvalError || x instanceof UnknownHit) return v
    throw x
  }
}

function convert(v: Val, t: HclExpr, evalDefault: (e: HclExpr) => Val): Val {
  if (v.kind === 'unknown' || v.kind === 'null') return v
  if (t.type === 'variable') {
    switch (t.name) {
      case 'string':
        return v.kind === 'string' ? v : str(asString(v), v.origin)
      case 'number':
        return v.kind === 'number' ? v : num(asNumber(v), v.origin)
      case 'bool':
        return v.kind === 'bool' ? v : bool(asBool(v), v.origin)
      default:
        return v
    }
  }
  if (t.type !== 'call') return v
  const [inner] = t.args
  switch (t.name) {
    case 'list':
    case 'set': {
      if (v.kind !== 'list') return v
      const items = inner ? v.items.map((i) => convert(i, inner, evalDefault)) : v.items
      return t.name === 'set' ? list(distinctVals(items), v.origin, true) : list(items, v.origin)
    }
    case 'map': {
      if (v.kind !== 'object' || !inner) return v
      const attrs: Record<string, Val> = {}
      for (const k in v.attrs) attrs[k] = convert(v.attrs[k], inner, evalDefault)
      return obj(attrs, v.origin)
    }
    case 'tuple': {
      if (v.kind !== 'list' || inner?.type !== 'tuple') return v
      return list(
        v.items.map((i, n) => (inner.items[n] ? convert(i, inner.items[n], evalDefault) : i)),
        v.origin,
      )
    }
    case 'object': {
      if (v.kind !== 'object' || inner?.type !== 'object') return v
      const attrs: Record<string, Val> = { ...v.attrs }
      for (const item of inner.items) {
        if (item.key.type !== 'literal' || typeof item.key.value !== 'string') continue
        const name = item.key.value
        let at = item.value
        let def: HclExpr | undefined
        let optional = false
        if (at.type === 'call' && at.name === 'optional') {
          optional = true
          def = at.args[1]
          at = at.args[0] ?? at
        }
        if (name in attrs) attrs[name] = convert(attrs[name], at, evalDefault)
        else if (optional) attrs[name] = def ? convert(evalDefault(def), at, evalDefault) : nul(v.origin)
      }
      return obj(attrs, v.origin)
    }
    case 'optional':
      return inner ? convert(v, inner, evalDefault) : v
    default:
      return v
  }
}
