/**
 * JSON (with comments) parsed so that every value keeps its lines. ARM templates, parameter files and
 * Terraform plan JSON are all read through here: findings must point at the line that says what is
 * wrong, which `JSON.parse` cannot tell.
 */
import * as jsonc from 'jsonc-parser'
import type { Origin } from '../../model/value'
import type { HclValue } from '../evaluation/evaluated'

export type JsonNode = jsonc.Node

/**
 * Offsets (UTF-16 units) → 1-based lines; line starts are computed once per file so each lookup is a binary
 * search. Shared by the JSON readers here and the Terraform HCL converter.
 */
export class LineIndex {
  private readonly starts: number[] = [0]

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1)
  }

  line(offset: number): number {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.starts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
}

export interface JsonDoc {
  path: string
  text: string
  root: JsonNode
  lines: LineIndex
}

export type ParsedJson = { ok: true; doc: JsonDoc } | { ok: false; line: number; message: string }

/**
 * Deepest nesting of objects and arrays read. Real templates and plans nest a few dozen levels; the
 * parsers and every walker after them recurse once per level, so a file nested 10,000 deep must be
 * refused before it reaches them.
 */
export const MAX_JSON_DEPTH = 256

/**
 * The index of the closing quote of the string opening at `i` (or the text's end), escapes skipped. A
 * string ends at its closing quote only: ARM templates may break a string across lines; `breaks` gets the
 * offsets of such line breaks.
 */
function endOfString(text: string, i: number, breaks?: number[]): number {
  for (i++; i < text.length; i++) {
    const d = text.charCodeAt(i)
    if (d === 0x5c /* \ */) i++
    else if (d === 0x22 /* " */) return i
    else if (breaks && (d === 0x0a || d === 0x0d)) breaks.push(i)
  }
  return text.length
}

/** The index of the last character of the comment opening at `i`, or -1 when none opens there. */
function endOfComment(text: string, i: number): number {
  if (text.charCodeAt(i) !== 0x2f /* / */) return -1
  const next = text.charCodeAt(i + 1)
  if (next === 0x2f) {
    const end = text.indexOf('\n', i)
    return end < 0 ? text.length : end
  }
  if (next === 0x2a /* * */) {
    const end = text.indexOf('*/', i + 2)
    return end < 0 ? text.length : end + 1
  }
  return -1
}

/**
 * The line where JSON (with comments) first nests deeper than `max`, or undefined. One pass, no
 * recursion: strings and comments are skipped, brackets counted.
 */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): number | undefined {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22 /* " */) i = endOfString(text, i)
    else if (c === 0x2f /* / */) i = Math.max(i, endOfComment(text, i))
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return new LineIndex(text).line(i)
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--
  }
  return undefined
}

/**
 * JSON.parse for text a scanned file wrote (jsondecode, json(), an azapi body, a plan): the value is
 * walked recursively afterwards, so nesting past MAX_JSON_DEPTH is a SyntaxError like any invalid JSON.
 */
export function parsePlain(text: string): unknown {
  const deep = jsonTooDeep(text)
  if (deep !== undefined) throw new SyntaxError(`JSON nested more than ${MAX_JSON_DEPTH} levels deep`)
  return JSON.parse(text) as unknown
}

/**
 * Offsets of line breaks inside strings. ARM templates may break a string across lines ("Multi-line
 * strings" in Microsoft's template syntax reference: Azure CLI and PowerShell deploy them; ALZ's
 * eslzArm templates split long expressions that way), which jsonc-parser reads as an unterminated
 * string and has no option for. Hand-written: the walk of jsonTooDeep, recording the breaks. Only
 * called once a parse failed on an unterminated string, so valid JSON pays nothing.
 */
function breaksInStrings(text: string): number[] | undefined {
  const found: number[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22 /* " */) i = endOfString(text, i, found)
    else if (c === 0x2f /* / */) i = Math.max(i, endOfComment(text, i))
  }
  return found.length > 0 ? found : undefined
}

/**
 * Parses with each line break inside a string read as a space (same length, so offsets and lines stay
 * the file's), then gives the strings that held one their value as written, line breaks included.
 */
function parseTreeWithBreaks(
  text: string,
  breaks: number[],
  errors: jsonc.ParseError[],
): JsonNode | undefined {
  const chars = text.split('')
  for (const at of breaks) chars[at] = ' '
  const root = jsonc.parseTree(chars.join(''), errors, { allowTrailingComma: true, disallowComments: false })
  // Nodes are visited in document order, as `breaks` is sorted: one cursor walks both.
  let next = 0
  const restore = (node: JsonNode): void => {
    if (node.type === 'string') {
      while (next < breaks.length && breaks[next] < node.offset) next++
      if (next < breaks.length && breaks[next] < node.offset + node.length) {
        const raw = text.slice(node.offset, node.offset + node.length)
        // jsonc-parser's nodes are plain objects; its type marks `value` read-only for callers.
        ;(node as { value: unknown }).value = JSON.parse(raw.replace(/\r/g, '\\r').replace(/\n/g, '\\n'))
      }
    }
    node.children?.forEach(restore)
  }
  if (root && errors.length === 0) restore(root)
  return root
}

/**
 * Parses JSON with comments, trailing commas and line breaks inside strings (as ARM accepts them); the
 * first syntax error is reported with its line.
 */
export function parseJson(path: string, text: string): ParsedJson {
  const deep = jsonTooDeep(text)
  if (deep !== undefined)
    return {
      ok: false,
      line: deep,
      message: `nested more than ${MAX_JSON_DEPTH} levels deep at line ${deep}`,
    }
  let errors: jsonc.ParseError[] = []
  let root = jsonc.parseTree(text, errors, { allowTrailingComma: true, disallowComments: false })
  const unterminated = errors[0] && jsonc.printParseErrorCode(errors[0].error) === 'UnexpectedEndOfString'
  const breaks = unterminated ? breaksInStrings(text) : undefined
  if (breaks) {
    errors = []
    root = parseTreeWithBreaks(text, breaks, errors)
  }
  const lines = new LineIndex(text)
  if (errors.length > 0 || root === undefined) {
    const first = errors[0]
    const line = first ? lines.line(first.offset) : 1
    const what = first ? jsonc.printParseErrorCode(first.error) : 'empty document'
    return { ok: false, line, message: `invalid JSON at line ${line}: ${what}` }
  }
  return { ok: true, doc: { path, text, root, lines } }
}

export function originOf(doc: JsonDoc, node: JsonNode): Origin {
  return {
    file: doc.path,
    startLine: doc.lines.line(node.offset),
    endLine: doc.lines.line(node.offset + node.length),
  }
}

/**
 * A property of an object node, by exact name, then ignoring case (ARM property names are case-insensitive).
 */
export function prop(node: JsonNode | undefined, name: string): JsonNode | undefined {
  if (node?.type !== 'object' || !node.children) return undefined
  let ci: JsonNode | undefined
  const lower = name.toLowerCase()
  for (const p of node.children) {
    const key = p.children?.[0]?.value
    if (typeof key !== 'string') continue
    if (key === name) return p.children?.[1]
    if (ci === undefined && key.toLowerCase() === lower) ci = p.children?.[1]
  }
  return ci
}

/** The properties of an object node in source order. */
export function entries(node: JsonNode | undefined): [string, JsonNode][] {
  if (node?.type !== 'object' || !node.children) return []
  const out: [string, JsonNode][] = []
  for (const p of node.children) {
    const key = p.children?.[0]?.value
    const value = p.children?.[1]
    if (typeof key === 'string' && value) out.push([key, value])
  }
  return out
}

export function elements(node: JsonNode | undefined): JsonNode[] {
  return node?.type === 'array' ? (node.children ?? []) : []
}

export function stringOf(node: JsonNode | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined
}

/** The plain JSON value of a node (no expression evaluation). */
export function plain(node: JsonNode | undefined): unknown {
  return node === undefined ? undefined : jsonc.getNodeValue(node)
}

/** A literal node as a value tree, each node with its own lines; `origin` overrides them all when given. */
export function literal(doc: JsonDoc, node: JsonNode, origin?: Origin): HclValue {
  const o = origin ?? originOf(doc, node)
  switch (node.type) {
    case 'string':
      return { kind: 'string', value: node.value as string, origin: o }
    case 'number':
      return { kind: 'number', value: node.value as number, origin: o }
    case 'boolean':
      return { kind: 'bool', value: node.value as boolean, origin: o }
    case 'null':
      return { kind: 'null', origin: o }
    case 'array':
      return { kind: 'list', items: elements(node).map((n) => literal(doc, n, origin)), origin: o }
    default: {
      const attrs: Record<string, HclValue> = {}
      for (const [k, v] of entries(node)) attrs[k] = literal(doc, v, origin)
      return { kind: 'object', attrs, origin: o }
    }
  }
}
