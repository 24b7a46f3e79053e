/**
 * `.azure-kms-guard.yml` at the repository root. Parsed with line numbers so a mistake is reported on
 * its line, and validated entry by entry: a bad entry is dropped with an error, the rest still applies
 * (one typo should not silently turn the whole configuration off, nor stop the scan).
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { makeBoundary, readSource } from '../sources/parsing/read-source'
import ipaddr from 'ipaddr.js'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml'
import { CLOUDS, type CloudName } from '../kms/catalogue'
import { parseCloud } from '../pipeline/options'
import type { Severity } from '../rules/types'
import { isDate } from '../suppress/expiry'
import { CONFIG_FILE } from './config-file'

export { CONFIG_FILE }

export type RuleSetting = Severity | 'off'

export interface AllowedAppliance {
  /** An IP address, or a CIDR prefix covering several appliance addresses. */
  address: string
  reason: string
  line: number
}

export interface ConfigSuppression {
  /** A rule id, or `*` for every rule. */
  rule: string
  /** Glob of repository-relative paths; absent = every file. */
  path?: string
  /** Exact resource address (`azurerm_route_table.spoke`, an ARM resource name); absent = any. */
  resource?: string
  reason: string
  /** YYYY-MM-DD: the suppression holds through this day, then the finding reports again. */
  until?: string
  line: number
}

export interface GuardConfig {
  include: string[]
  exclude: string[]
  rules: Record<string, RuleSetting>
  cloud?: CloudName | 'auto'
  clouds: { path: string; cloud: CloudName; line: number }[]
  varFiles: string[]
  allowedAppliances: AllowedAppliance[]
  suppress: ConfigSuppression[]
  /** Read `tests/`, `test/` and `examples/` directories too (module test fixtures); off by default. */
  includeTestFixtures: boolean
}

export interface ConfigProblem {
  message: string
  /** 1-based; absent when the problem is not tied to a line. */
  line?: number
  file: string
}

export interface LoadedConfig {
  config: GuardConfig
  problems: ConfigProblem[]
  /** Absolute path of the file read; undefined when there is none. */
  file?: string
}

export function emptyConfig(): GuardConfig {
  return {
    include: [],
    exclude: [],
    rules: {},
    clouds: [],
    varFiles: [],
    allowedAppliances: [],
    suppress: [],
    includeTestFixtures: false,
  }
}

const RULE_ID = /^KMS\d{3}$/
const SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'notice', 'off']

class Validator {
  readonly problems: ConfigProblem[] = []
  constructor(
    private readonly lines: LineCounter,
    private readonly file: string,
  ) {}

  line(node: unknown): number | undefined {
    const range = (node as { range?: [number, number, number] } | null)?.range
    return range ? this.lines.linePos(range[0]).line : undefined
  }

  error(node: unknown, message: string): void {
    const line = this.line(node)
    this.problems.push(line !== undefined ? { message, line, file: this.file } : { message, file: this.file })
  }

  /** A non-empty string scalar, or an error. Numbers are accepted as text where a string is meant. */
  text(node: unknown, what: string): string | undefined {
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) {
      const v = String(node.value).trim()
      if (v !== '') return v
    }
    this.error(node, `${what} must be a non-empty string`)
    return undefined
  }

  /** A list of strings (a single string is taken as a list of one). */
  textList(node: unknown, what: string): string[] {
    if (isScalar(node)) {
      const v = this.text(node, what)
      return v !== undefined ? [v] : []
    }
    if (!isSeq(node)) {
      this.error(node, `${what} must be a list of strings`)
      return []
    }
    return node.items.flatMap((item) => {
      const v = this.text(item, `each entry of ${what}`)
      return v !== undefined ? [v] : []
    })
  }

  /** The map's pairs, each key checked against `known`; unknown keys are reported and skipped. */
  pairs(
    node: unknown,
    what: string,
    known: readonly string[],
  ): Map<string, Pair<unknown, unknown>> | undefined {
    if (!isMap(node)) {
      this.error(node, `${what} must be a mapping`)
      return undefined
    }
    const out = new Map<string, Pair<unknown, unknown>>()
    for (const pair of (node as YAMLMap<unknown, unknown>).items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined
      if (key === undefined || !known.includes(key)) {
        this.error(
          pair.key,
          `unknown key ${JSON.stringify(key ?? '?')} in ${what} (expected one of: ${known.join(', ')})`,
        )
        continue
      }
      out.set(key, pair)
    }
    return out
  }
}

const TOP_KEYS = [
  'include',
  'exclude',
  'rules',
  'cloud',
  'clouds',
  'var-files',
  'allowed-appliances',
  'suppress',
  'include-test-fixtures',
]

export function parseConfig(
  text: string,
  file = CONFIG_FILE,
): { config: GuardConfig; problems: ConfigProblem[] } {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const v = new Validator(lineCounter, file)
  const config = emptyConfig()
  for (const e of doc.errors) {
    v.problems.push({ message: e.message.split('\n')[0]!, line: lineCounter.linePos(e.pos[0]).line, file })
  }
  // An empty file (or only comments) is an empty configuration.
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null))
    return { config, problems: v.problems }
  const top = v.pairs(doc.contents, 'the configuration', TOP_KEYS)
  if (!top) return { config, problems: v.problems }
  const value = (key: string): Node | undefined => (top.get(key)?.value ?? undefined) as Node | undefined
  const keyNode = (key: string): unknown => top.get(key)?.key

  if (top.has('include')) config.include = v.textList(value('include') ?? keyNode('include'), 'include')
  if (top.has('exclude')) config.exclude = v.textList(value('exclude') ?? keyNode('exclude'), 'exclude')
  if (top.has('var-files'))
    config.varFiles = v.textList(value('var-files') ?? keyNode('var-files'), 'var-files')

  if (top.has('cloud')) {
    const c = v.text(value('cloud') ?? keyNode('cloud'), 'cloud')
    if (c !== undefined) {
      const parsed = parseCloud(c)
      if (parsed) config.cloud = parsed
      else v.error(value('cloud'), `unknown cloud ${JSON.stringify(c)} (expected auto, ${CLOUDS.join(', ')})`)
    }
  }

  if (top.has('include-test-fixtures')) {
    const node = value('include-test-fixtures')
    if (isScalar(node) && typeof node.value === 'boolean') config.includeTestFixtures = node.value
    else v.error(node ?? keyNode('include-test-fixtures'), 'include-test-fixtures must be true or false')
  }

  if (top.has('rules')) parseRules(v, value('rules') ?? keyNode('rules'), config)

  if (top.has('clouds')) {
    forEachEntry(v, value('clouds') ?? keyNode('clouds'), 'clouds', (entry, node) => {
      const p = v.pairs(node, 'a clouds entry', ['path', 'cloud'])
      if (!p) return
      if (!p.has('path') || !p.has('cloud')) return v.error(node, 'a clouds entry needs both path and cloud')
      const glob = v.text(p.get('path')!.value, 'path')
      const c = v.text(p.get('cloud')!.value, 'cloud')
      if (glob === undefined || c === undefined) return
      const parsed = parseCloud(c)
      if (!parsed || parsed === 'auto')
        return v.error(
          p.get('cloud')!.value,
          `unknown cloud ${JSON.stringify(c)} (expected ${CLOUDS.join(', ')})`,
        )
      config.clouds.push({ path: glob, cloud: parsed, line: entry })
    })
  }

  if (top.has('allowed-appliances')) {
    forEachEntry(
      v,
      value('allowed-appliances') ?? keyNode('allowed-appliances'),
      'allowed-appliances',
      (entry, node) => {
        const p = v.pairs(node, 'an allowed-appliances entry', ['address', 'reason'])
        if (!p) return
        if (!p.has('address')) return v.error(node, 'an allowed-appliances entry needs an address')
        if (!p.has('reason'))
          return v.error(
            node,
            'an allowed-appliances entry needs a reason (why traffic through it reaches Azure KMS)',
          )
        const address = v.text(p.get('address')!.value, 'address')
        const reason = v.text(p.get('reason')!.value, 'reason')
        if (address === undefined || reason === undefined) return
        if (!ipaddr.isValid(address) && !isCidr(address)) {
          return v.error(p.get('address')!.value, `${JSON.stringify(address)} is not an IP address or prefix`)
        }
        config.allowedAppliances.push({ address, reason, line: entry })
      },
    )
  }

  if (top.has('suppress')) {
    forEachEntry(v, value('suppress') ?? keyNode('suppress'), 'suppress', (entry, node) => {
      const p = v.pairs(node, 'a suppress entry', ['rule', 'path', 'resource', 'reason', 'until'])
      if (!p) return
      if (!p.has('rule')) return v.error(node, 'a suppress entry needs a rule')
      if (!p.has('reason')) return v.error(node, 'a suppress entry needs a reason')
      const rule = v.text(p.get('rule')!.value, 'rule')?.toUpperCase()
      const reason = v.text(p.get('reason')!.value, 'reason')
      const glob = p.has('path') ? v.text(p.get('path')!.value, 'path') : undefined
      const resource = p.has('resource') ? v.text(p.get('resource')!.value, 'resource') : undefined
      const until = p.has('until') ? v.text(p.get('until')!.value, 'until') : undefined
      if (rule === undefined || reason === undefined) return
      if (p.has('until') && (until === undefined || !isDate(until)))
        return v.error(p.get('until')!.value, 'until must be a date written YYYY-MM-DD, e.g. 2027-03-31')
      if ((p.has('path') && glob === undefined) || (p.has('resource') && resource === undefined)) return
      if (rule !== '*' && !RULE_ID.test(rule))
        return v.error(p.get('rule')!.value, `${JSON.stringify(rule)} is not a rule id like KMS001`)
      const s: ConfigSuppression = { rule, reason, line: entry }
      if (glob !== undefined) s.path = glob
      if (resource !== undefined) s.resource = resource
      if (until !== undefined) s.until = until
      config.suppress.push(s)
    })
  }
  // In file order, as a reader fixes them (sort is stable: same-line problems keep their order).
  return { config, problems: [...v.problems].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)) }
}

function parseRules(v: Validator, node: unknown, config: GuardConfig): void {
  if (!isMap(node))
    return v.error(node, 'rules must be a mapping of rule id to error, warning, notice or off')
  for (const pair of (node as YAMLMap<unknown, unknown>).items) {
    const id = isScalar(pair.key) ? String(pair.key.value).toUpperCase() : ''
    if (!RULE_ID.test(id)) {
      v.error(pair.key, `${JSON.stringify(id)} is not a rule id like KMS001`)
      continue
    }
    const raw = isScalar(pair.value) ? pair.value.value : undefined
    const setting = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined
    if (setting === undefined || !(SETTINGS as readonly string[]).includes(setting)) {
      const hint = typeof raw === 'boolean' ? ' (write off, not false)' : ''
      v.error(pair.value ?? pair.key, `${id} must be one of ${SETTINGS.join(', ')}${hint}`)
      continue
    }
    config.rules[id] = setting as RuleSetting
  }
}

/** Calls `each` for every item of a list, with the item's line. */
function forEachEntry(
  v: Validator,
  node: unknown,
  what: string,
  each: (line: number, item: unknown) => void,
): void {
  if (!isSeq(node)) return v.error(node, `${what} must be a list`)
  for (const item of node.items) each(v.line(item) ?? 0, item)
}

function isCidr(s: string): boolean {
  try {
    ipaddr.parseCIDR(s)
    return true
  } catch {
    return false
  }
}

/** Reads the config at the repository root; no file is an empty config, not a problem. */
export function loadConfig(repoRoot: string, name = CONFIG_FILE): LoadedConfig {
  let file = path.join(repoRoot, name)
  let shown = name
  if (!fs.existsSync(file)) {
    const alt = file.replace(/\.yml$/, '.yaml')
    if (alt === file || !fs.existsSync(alt)) return { config: emptyConfig(), problems: [] }
    file = alt
    shown = path.basename(alt)
  }
  // The config comes with the pull request: read through the boundary like any scanned file (a link to
  // /dev/zero or out of the repository is a problem reported on the config, not a hang or a leak).
  const read = readSource(file, makeBoundary([repoRoot]))
  if (!read.ok)
    return { config: emptyConfig(), problems: [{ message: `the file ${read.reason}`, file: shown }], file }
  return { ...parseConfig(read.text, shown), file }
}
