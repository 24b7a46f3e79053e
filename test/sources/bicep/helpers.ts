import * as fs from 'node:fs'
import * as path from 'node:path'
import type { HclValue } from '../../../src/sources/evaluation/evaluated'
import type { BicepDeployment, BicepResource } from '../../../src/sources/bicep'

export const FIXTURES = path.resolve('test/fixtures/bicep')

/** Every file under a fixture directory, as the scan would hand them over. */
export function fixtureFiles(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = []
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name)
      if (e.isDirectory()) walk(full)
      else out.push({ path: full, text: fs.readFileSync(full, 'utf8') })
    }
  }
  walk(dir)
  return out
}

export function resource(d: BicepDeployment, address: string): BicepResource {
  const r = d.resources.find((x) => x.address === address)
  if (!r) throw new Error(`no ${address} in ${d.resources.map((x) => x.address).join(', ')}`)
  return r
}

/** Follows attribute names and list indexes through a value tree. */
export function get(v: HclValue | undefined, ...steps: (string | number)[]): HclValue {
  let cur = v
  for (const s of steps) {
    if (cur?.kind === 'object' && typeof s === 'string') cur = cur.attrs[s]
    else if (cur?.kind === 'list' && typeof s === 'number') cur = cur.items[s]
    else throw new Error(`cannot take ${String(s)} of ${cur?.kind}`)
  }
  if (!cur) throw new Error(`missing ${steps.join('.')}`)
  return cur
}

/** Plain data of a value tree; unknowns as `?<reason>`. */
export function plain(v: HclValue): unknown {
  switch (v.kind) {
    case 'list':
      return v.items.map(plain)
    case 'object':
      return Object.fromEntries(Object.entries(v.attrs).map(([k, x]) => [k, plain(x)]))
    case 'null':
      return null
    case 'unknown':
      return `?${v.reason}`
    default:
      return v.value
  }
}

/** The line a value starts on in its file. */
export function line(v: HclValue): number {
  return v.origin.startLine
}

/** 1-based line of the first line containing `needle`. */
export function lineOf(file: string, needle: string): number {
  const i = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(needle))
  if (i < 0) throw new Error(`${needle} not in ${file}`)
  return i + 1
}
