/**
 * The cross-run cache (the action's `cache-dir`): the findings of each Terraform root module and Bicep
 * deployment judged, in a folder actions/cache can save and restore, so a later run whose base commit
 * has a unit with exactly these inputs takes its findings instead of judging it again (after a merge, the
 * next pull request's base is this one's head).
 *
 * An entry is found by everything the findings depend on: the tool's build (version and source hash,
 * src/report/tool.ts toolBuild), the scan's context (cloud,
 * config file text: severities and suppressions change findings) and the unit's key and input hash (each
 * file's path and content, src/compare/units.ts unitHash). A different input is a different entry, never a
 * stale one. Each entry repeats its key and carries a digest of its content; an entry that does not read
 * back as written (truncated, edited, another version's) is ignored with a warning and the unit is judged.
 *
 * A unit's findings may also rest on VNets other units declare (src/pipeline/cross-unit.ts): each entry
 * records what the unit declares, what it needs of other units, and the digest of the other units' facts it
 * was judged with. One judged with such facts is stored under its input hash combined with that digest, so
 * a change to the hub's unit never meets its spokes' entries; and only entries that record needing nothing
 * are offered for reuse (hashes): a unit that needs another unit's VNet is judged with the facts of the run
 * that asks, and an entry written before needs were recorded counts as unknown, never as needing nothing.
 * The folder is trusted like the workspace: restore it only from this repository's own caches
 * (actions/cache scopes them by branch; a fork's pull request cannot write the base branch's cache).
 *
 * Hand-written: no npm package caches JSON by content hash with validation in a few lines.
 */
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Finding } from '../rules/types'
import type { VnetNeed } from '../analysis/cross-unit-vnets'
import { makeBoundary, readSource } from '../sources/parsing/read-source'
import { toolBuild } from '../report/tool'

const FORMAT = 'azure-kms-guard-unit-cache/1'
const sha256 = (...parts: string[]): string => {
  const h = createHash('sha256')
  for (const p of parts) h.update(p).update('\0')
  return h.digest('hex')
}

interface Entry {
  format: string
  version: string
  context: string
  unit: string
  hash: string
  findings: unknown[]
  /** What the unit declares and needs of other units' VNets; absent in entries written before (unknown). */
  vnets?: EntryVnets
  digest: string
}

/** A cached unit's part in the exchange of VNet facts across units (ScanResult.crossUnit). */
export interface EntryVnets {
  declares: VnetNeed[]
  needs: VnetNeed[]
  /** The digest of the other units' facts it was judged with. */
  facts?: string
}

const digestOf = (e: Omit<Entry, 'digest'>): string =>
  sha256(
    JSON.stringify([
      e.format,
      e.version,
      e.context,
      e.unit,
      e.hash,
      e.findings,
      ...(e.vnets ? [e.vnets] : []),
    ]),
  )

/** The name an entry is stored under: the input hash, with the facts it was judged with when there are any. */
export const entryHash = (hash: string, vnets: EntryVnets | undefined): string =>
  vnets?.facts ? sha256(hash, vnets.facts) : hash

const isNeeds = (v: unknown): v is VnetNeed[] =>
  Array.isArray(v) &&
  v.every(
    (n) =>
      n !== null &&
      typeof n === 'object' &&
      typeof (n as VnetNeed).name === 'string' &&
      ((n as VnetNeed).key === undefined || typeof (n as VnetNeed).key === 'string'),
  )

/** Whether an entry's recorded VNets read back as written (undefined: not recorded). */
const validVnets = (v: unknown): boolean =>
  v === undefined ||
  (v !== null &&
    typeof v === 'object' &&
    isNeeds((v as EntryVnets).declares) &&
    isNeeds((v as EntryVnets).needs) &&
    ((v as EntryVnets).facts === undefined || typeof (v as EntryVnets).facts === 'string'))

/** Every `file` in a finding (location, related, sources, their `from`): relative to `root` on the way in, absolute on the way out. */
function mapFiles(value: unknown, f: (file: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => mapFiles(v, f))
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value))
    out[k] = k === 'file' && typeof v === 'string' ? f(v) : mapFiles(v, f)
  return out
}

/** Stored paths: `./a/b.tf` under the checkout root (forward slashes); anything else (a downloaded module) as it was. */
const toStored = (root: string) => (file: string) => {
  const rel = path.relative(root, file)
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : `./${rel.split(path.sep).join('/')}`
}
const fromStored = (root: string) => (file: string) =>
  file.startsWith('./') ? path.join(root, ...file.slice(2).split('/')) : file

/** A finding as far as the report needs it to be one: the fields every reporter and comparison reads. */
function looksLikeFinding(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false
  const f = v as Record<string, unknown>
  const loc = f.location as Record<string, unknown> | undefined
  return (
    typeof f.ruleId === 'string' &&
    typeof f.severity === 'string' &&
    typeof f.message === 'string' &&
    typeof f.resource === 'string' &&
    typeof f.cloud === 'string' &&
    Array.isArray(f.kmsAddresses) &&
    loc !== undefined &&
    loc !== null &&
    typeof loc.file === 'string' &&
    typeof loc.startLine === 'number' &&
    typeof loc.endLine === 'number'
  )
}

export interface UnitCache {
  /**
   * Input hashes of the unit `key` with an entry that reads back whole and records that the unit needs no
   * other unit's VNet (its findings are its inputs' alone).
   */
  hashes(key: string): string[]
  /** The findings of `key` with inputs `hash`, rooted at `root` (the checkout judged); undefined when not cached. */
  findings(key: string, hash: string, root: string): Finding[] | undefined
  /**
   * Keeps the findings of `key` judged from inputs `hash` (paths under `root` stored relative), with the
   * VNets it declares and needs and the facts it was judged with (stored under entryHash).
   */
  store(key: string, hash: string, findings: readonly Finding[], root: string, vnets: EntryVnets): void
  /** Entries ignored and writes that failed: for the log, never fatal. */
  warnings: string[]
}

/**
 * The cache in `dir` for scans in `context` (a string naming what besides the unit's inputs decides its
 * findings). A folder that cannot be created or written costs a warning; the scan goes on without it.
 */
export function openUnitCache(dir: string, context: string): UnitCache {
  const warnings: string[] = []
  const folder = path.join(path.resolve(dir), 'units')
  const version = toolBuild()
  const ctx = sha256(version, context)
  /** Entry files are named by the unit and its input hash: `<sha256(version, context, key)>-<hash>.json`. */
  const prefix = (key: string) => `${sha256(FORMAT, version, ctx, key).slice(0, 32)}-`
  let listing: string[] | undefined
  const list = (): string[] => {
    if (listing) return listing
    try {
      listing = fs.readdirSync(folder)
    } catch {
      listing = [] // no folder yet: nothing cached
    }
    return listing
  }
  const loaded = new Map<string, Entry | undefined>()
  let writable = true
  const boundary = makeBoundary([folder])
  const load = (key: string, hash: string): Entry | undefined => {
    const name = `${prefix(key)}${hash}.json`
    if (loaded.has(name)) return loaded.get(name)
    let entry: Entry | undefined
    const read = readSource(path.join(folder, name), boundary)
    const why = ((): string | undefined => {
      if (!read.ok) return read.reason
      let e: Entry
      try {
        e = JSON.parse(read.text) as Entry
      } catch {
        return 'is not JSON'
      }
      if (e === null || typeof e !== 'object') return 'is not an entry'
      if (e.format !== FORMAT || e.version !== version) return 'was written by another version'
      if (e.context !== ctx || e.unit !== key || e.hash !== hash) return 'is not the entry its name says'
      if (!Array.isArray(e.findings) || !e.findings.every(looksLikeFinding)) return 'holds no valid findings'
      if (!validVnets(e.vnets)) return 'holds no valid VNets'
      if (e.digest !== digestOf(e)) return 'does not match its digest'
      entry = e
      return undefined
    })()
    if (why) warnings.push(`cache entry ${name} ignored: it ${why}`)
    loaded.set(name, entry)
    return entry
  }
  return {
    warnings,
    hashes(key) {
      const p = prefix(key)
      return list()
        .filter((n) => n.startsWith(p) && n.endsWith('.json'))
        .map((n) => n.slice(p.length, -'.json'.length))
        .filter((hash) => {
          if (!/^[0-9a-f]{64}$/.test(hash)) return false
          const v = load(key, hash)?.vnets
          return v !== undefined && v.needs.length === 0 && v.facts === undefined
        })
    },

    findings(key, hash, root) {
      const e = load(key, hash)
      return e ? (e.findings.map((f) => mapFiles(f, fromStored(root))) as Finding[]) : undefined
    },
    store(key, inputHash, findings, root, vnets) {
      const hash = entryHash(inputHash, vnets)
      const body = {
        format: FORMAT,
        version,
        context: ctx,
        unit: key,
        hash,
        findings: findings.map((f) => mapFiles(f, toStored(root))) as unknown[],
        vnets,
      }
      const entry: Entry = { ...body, digest: digestOf(body) }
      const name = `${prefix(key)}${hash}.json`
      if (!writable) return
      try {
        fs.mkdirSync(folder, { recursive: true })
        // Written beside and renamed into place: a run that stops half-way leaves no half entry.
        const tmp = path.join(folder, `.${name}.${process.pid}.tmp`)
        fs.writeFileSync(tmp, JSON.stringify(entry))
        fs.renameSync(tmp, path.join(folder, name))
        loaded.set(name, entry)
      } catch (err) {
        const why = err instanceof Error ? err.message.split('\n')[0] : String(err)
        // Said once: a folder that cannot be written fails every entry the same way.
        writable = false
        warnings.push(`cache-dir: could not write to ${folder} (${why}); the run goes on without storing`)
      }
    },
  }
}
