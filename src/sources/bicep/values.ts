/**
 * Building and inspecting the value trees (HclValue) the Bicep evaluator produces. The tree type is the one
 * the Terraform evaluator hands to the adapters, so that the ARM shape mapping is shared by every source.
 */
import type { Origin } from '../../model/value'
import type { HclValue } from '../evaluation/evaluated'
import { firstUnknown, memberCI, placeAt, render, unknownNode } from '../evaluation/value-tree'

export type V = HclValue
export type VUnknown = Extract<HclValue, { kind: 'unknown' }>
export type VObject = Extract<HclValue, { kind: 'object' }>
export type VList = Extract<HclValue, { kind: 'list' }>

export const DEPLOYMENT_TIME = 'deployment-time value'

export const vStr = (value: string, origin: Origin): V => ({ kind: 'string', value, origin })
export const vNum = (value: number, origin: Origin): V => ({ kind: 'number', value, origin })
export const vBool = (value: boolean, origin: Origin): V => ({ kind: 'bool', value, origin })
export const vNull = (origin: Origin): V => ({ kind: 'null', origin })
export const vList = (items: V[], origin: Origin): VList => ({ kind: 'list', items, origin })
export const vObj = (attrs: Record<string, V>, origin: Origin): VObject => ({ kind: 'object', attrs, origin })

export { unknownNode as vUnknown, firstUnknown, placeAt as deepAt, memberCI as getAttr }

/** The same value with another origin on its top node only. */
export function at(v: V, origin: Origin): V {
  return { ...v, origin }
}

/** An unknown standing for an expression built from `cause`: keeps the cause's reason (why), not its ref. */
export function derived(expression: string, cause: VUnknown, origin: Origin): VUnknown {
  return unknownNode(expression, cause.reason, origin)
}

/** Plain JavaScript data of a fully known value (for JSON-like work: equality, string(), json()). */
export function toPlain(v: V): unknown {
  switch (v.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return v.value
    case 'null':
      return null
    case 'list':
      return v.items.map(toPlain)
    case 'object': {
      const o: Record<string, unknown> = {}
      for (const [k, x] of Object.entries(v.attrs)) o[k] = toPlain(x)
      return o
    }
    case 'unknown':
      return undefined
  }
}

/**
 * Bicep equality: deep, and case-sensitive for strings (`=~` is the insensitive one). `undefined` when an
 * unknown takes part, since the answer then depends on it.
 */
export function equals(a: V, b: V, ignoreCase = false): boolean | undefined {
  if (a.kind === 'unknown' || b.kind === 'unknown') return undefined
  if (a.kind !== b.kind) return false
  switch (a.kind) {
    case 'string': {
      const bv = (b as { value: string }).value
      return ignoreCase ? a.value.toLowerCase() === bv.toLowerCase() : a.value === bv
    }
    case 'number':
    case 'bool':
      return a.value === (b as { value: unknown }).value
    case 'null':
      return true
    case 'list': {
      const bl = b as VList
      if (a.items.length !== bl.items.length) return false
      let result: boolean | undefined = true
      for (let i = 0; i < a.items.length; i++) {
        const e = equals(a.items[i], bl.items[i], ignoreCase)
        if (e === false) return false
        if (e === undefined) result = undefined
      }
      return result
    }
    case 'object': {
      const bo = b as VObject
      const ka = Object.keys(a.attrs)
      if (ka.length !== Object.keys(bo.attrs).length) return false
      let result: boolean | undefined = true
      for (const k of ka) {
        if (!(k in bo.attrs)) return false
        const e = equals(a.attrs[k], bo.attrs[k], ignoreCase)
        if (e === false) return false
        if (e === undefined) result = undefined
      }
      return result
    }
  }
}

/** Text of a scalar for interpolation, as ARM renders it. */
export function scalarText(v: V): string {
  switch (v.kind) {
    case 'string':
      return v.value
    case 'number':
    case 'bool':
      return String(v.value)
    case 'null':
      return ''
    default:
      return JSON.stringify(toPlain(v))
  }
}

/** An item of a list or an attribute of an object (case-insensitive, as Bicep reads properties). */
export function child(v: V, key: string | number): V | undefined {
  if (typeof key === 'number') {
    if (v.kind === 'list') return v.items[key]
    return undefined
  }
  if (v.kind === 'object') return memberCI(v, key)
  return undefined
}

export { render }
