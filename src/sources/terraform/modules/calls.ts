/**
 * The module calls of one directory, read from the text before anything is parsed (as units.ts reads
 * local calls): which modules to download comes first, and the files are parsed afterwards with the
 * rest of their unit. Only literal `source` and `version` strings count, as for Terraform itself. A call
 * this misses is not downloaded, and the evaluator names it as not fetched.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { classify } from '../../parsing/discover'
import { makeBoundary, readSource } from '../../parsing/read-source'

export interface ModuleCall {
  name: string
  source: string
  version?: string
}

/** The text of the block body that opens at `start` (just after its `{`), skipping strings and comments. */
function blockBody(text: string, start: number): string {
  let depth = 1
  for (let i = start; i < text.length; i++) {
    const c = text[i]
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2)
      i = end < 0 ? text.length : end + 1
    } else if (c === '{') depth++
    else if (c === '}' && --depth === 0) return text.slice(start, i)
  }
  return text.slice(start)
}

/** Only the body's own arguments, not those of nested blocks. */
function topLevelString(body: string, name: string): string | undefined {
  let depth = 0
  for (const line of body.split('\n')) {
    if (depth === 0) {
      const m = new RegExp(`^\\s*${name}\\s*=\\s*"([^"\\\\]*)"\\s*(?:#.*|//.*)?$`).exec(line)
      if (m) return m[1]
    }
    for (const c of line.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/(#|\/\/).*$/, '')) {
      if (c === '{' || c === '[' || c === '(') depth++
      else if (c === '}' || c === ']' || c === ')') depth--
    }
  }
  return undefined
}

function hclCalls(text: string): ModuleCall[] {
  const out: ModuleCall[] = []
  for (const m of text.matchAll(/^[ \t]*module[ \t]+"([^"]+)"[ \t]*\{/gm)) {
    const body = blockBody(text, m.index + m[0].length)
    const source = topLevelString(body, 'source')
    if (source !== undefined) out.push({ name: m[1], source, version: topLevelString(body, 'version') })
  }
  return out
}

function jsonCalls(text: string): ModuleCall[] {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    return []
  }
  const modules = (doc as { module?: unknown } | null)?.module
  const out: ModuleCall[] = []
  const add = (name: string, v: unknown): void => {
    const body = v as { source?: unknown; version?: unknown } | null
    if (typeof body?.source === 'string')
      out.push({
        name,
        source: body.source,
        version: typeof body.version === 'string' ? body.version : undefined,
      })
  }
  const blocks = Array.isArray(modules) ? modules : [modules]
  for (const b of blocks)
    if (b && typeof b === 'object')
      for (const [name, v] of Object.entries(b as Record<string, unknown>))
        (Array.isArray(v) ? v : [v]).forEach((x) => add(name, x))
  return out
}

/** Module calls in the .tf/.tf.json files directly in `dir`, first declaration of a name winning. */
export function moduleCallsIn(dir: string): ModuleCall[] {
  let names: string[]
  try {
    names = fs.readdirSync(dir).sort()
  } catch {
    return []
  }
  const seen = new Set<string>()
  const out: ModuleCall[] = []
  for (const name of names) {
    const kind = classify(name)
    if (kind !== 'terraform' && kind !== 'terraform-json') continue
    // Read inside the root module's own folder only (the scan's read boundary holds it too).
    const read = readSource(path.join(dir, name), makeBoundary([dir]))
    if (!read.ok) continue
    for (const c of kind === 'terraform' ? hclCalls(read.text) : jsonCalls(read.text)) {
      if (seen.has(c.name)) continue
      seen.add(c.name)
      out.push(c)
    }
  }
  return out
}
