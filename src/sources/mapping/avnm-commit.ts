/**
 * Reads a Virtual Network Manager commit out of a deployment script (Microsoft.Resources/deploymentScripts).
 * A template cannot commit a configuration (the commit is a POST action), so real templates (the Azure
 * quickstarts, landing zones) run `Deploy-AzNetworkManagerCommit` (AzurePowerShell) or
 * `az network manager post-commit` (AzureCLI) in a deployment script, with the configuration ids, the
 * commit type and the target regions passed in as script parameters (`arguments`), environment variables
 * or literals.
 *
 * This is no shell interpreter (none exists as a library for PowerShell or bash that we could run
 * safely on a scanned file): it follows the few forms those scripts use, and anything else is an unknown
 * that names what the script computes.
 * - the commit command's own parameters, or a splatted hashtable (`Deploy-AzNetworkManagerCommit @d`);
 * - values: literals, `$param` bound from `arguments` (`-name value`, or by position), `$env:NAME` /
 *   `$NAME` from `environmentVariables`, variables assigned once (`$x = ...`, `NAME=...`), and lists built
 *   with `@(...)`, `.Add(...)` or `+=`.
 */
import { known, unknown, type Origin, type Unknown, type Value } from '../../model/value'
import type { HclValue } from '../evaluation/evaluated'
import { attrCI, items, str } from '../evaluation/value-tree'

/** One commit the script makes. */
export interface ScriptCommit {
  /** `SecurityAdmin`, `Routing`, `Connectivity`, … */
  commitType: Value<string>
  /**
   * The configuration ids (or names) committed: each known text, or unknown (with the reference when it
   * is a resource of the scan); unknown as a whole when the script computes the list.
   */
  configurationIds: Value<string>[] | Unknown
  /** Target regions; unknown when the script computes them. */
  regions: Value<string[]>
}

export type ScriptReading =
  /** The script is not a Virtual Network Manager commit. */
  | { kind: 'none' }
  /** The script's content is not in the scan (a `primaryScriptUri`, an unknown value): it may commit. */
  | { kind: 'opaque'; why: Unknown }
  | { kind: 'commits'; commits: ScriptCommit[] }

/** A value as the script sees it: known text, or an unknown standing for one item or for a whole list. */
type Item = Value<string>
type Items = Item[]

const PS_COMMAND = /\bDeploy-AzNetworkManagerCommit\b/i
const CLI_COMMAND = /\baz\s+network\s+manager\s+post-commit\b/i

export function readCommitScript(props: HclValue | undefined, origin: Origin): ScriptReading {
  const content = attrCI(props, 'scriptContent')
  const uri = str(attrCI(props, 'primaryScriptUri'))
  if (!content) {
    if (uri)
      return {
        kind: 'opaque',
        why: unknown(
          uri.known ? uri.value : uri.expression,
          'the deployment script runs a script from primaryScriptUri, which the scan does not read',
          origin,
        ) as Unknown,
      }
    return { kind: 'none' }
  }
  const text = str(content)
  if (!text?.known) {
    // The content is computed (loadTextContent of a file outside the scan, a parameter): it may commit.
    return {
      kind: 'opaque',
      why: unknown(
        text?.expression ?? 'scriptContent',
        `the deployment script's content is not known to the scan${text?.reason ? ` (${text.reason})` : ''}`,
        content.origin,
      ) as Unknown,
    }
  }
  const script = text.value
  const isPs = PS_COMMAND.test(script)
  const isCli = CLI_COMMAND.test(script)
  if (!isPs && !isCli) return { kind: 'none' }
  const scope = new Scope(props, script, content.origin, isPs ? 'ps' : 'sh')
  const commits = isPs ? psCommits(scope) : cliCommits(scope)
  return { kind: 'commits', commits }
}

// ---- values the script can see ---------------------------------------------------------------------

class Scope {
  private readonly args: Map<string, Items> = new Map()
  private readonly positional: Items[] = []
  private readonly env = new Map<string, Items>()
  private readonly vars = new Map<string, string[]>()
  private readonly argsUnknown?: Unknown

  constructor(
    props: HclValue | undefined,
    readonly script: string,
    readonly origin: Origin,
    readonly shell: 'ps' | 'sh',
  ) {
    for (const e of items(attrCI(props, 'environmentVariables'))) {
      const name = str(attrCI(e, 'name'))
      const value = attrCI(e, 'value') ?? attrCI(e, 'secureValue')
      if (name?.known && value) this.env.set(name.value.toLowerCase(), [valueItem(value)])
    }
    const args = attrCI(props, 'arguments')
    if (args) {
      const tokens = argumentTokens(args)
      if (tokens === undefined) {
        const a = str(args)
        this.argsUnknown = unknown(
          a && !a.known ? a.expression : 'arguments',
          'the script arguments are not known to the scan',
          args.origin,
        ) as Unknown
      } else this.bindArguments(tokens)
    }
    this.collectAssignments()
  }

  /** `-name value` pairs (PowerShell parameters) and every token by position (bash `$1`, PowerShell order). */
  private bindArguments(tokens: Item[]): void {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!
      const flag = t.known ? /^-{1,2}([A-Za-z_][\w-]*)$/.exec(t.value) : null
      if (flag && i + 1 < tokens.length) {
        const v = tokens[i + 1]!
        if (!(v.known && /^-{1,2}[A-Za-z_]/.test(v.value))) {
          this.args.set(flag[1]!.toLowerCase(), [v])
          this.positional.push([v])
          i++
          continue
        }
      }
      this.positional.push([t])
    }
  }

  /** Variables assigned in the script: `$x = <expr>`, `$x += <expr>`, `$x.Add(<expr>)`, `NAME=<word>`. */
  private collectAssignments(): void {
    const lines = logicalLines(this.script, this.shell)
    for (const line of lines) {
      const ps = /^\s*(?:\[[^\]]*\]+\s*)*\$([\w:]+)\s*(\+?=)\s*(.+?)\s*;?\s*$/.exec(line)
      const add = /^\s*\$(\w+)\.add(?:range)?\s*\(\s*(.+?)\s*\)\s*;?\s*$/i.exec(line)
      const sh = /^\s*(?:export\s+|local\s+|readonly\s+)?([A-Za-z_]\w*)=(.*)$/.exec(line)
      if (this.shell === 'ps' && ps) {
        const name = ps[1]!.toLowerCase()
        this.vars.set(name, [...(ps[2] === '+=' ? (this.vars.get(name) ?? []) : []), ps[3]!])
      } else if (this.shell === 'ps' && add) {
        const name = add[1]!.toLowerCase()
        this.vars.set(name, [...(this.vars.get(name) ?? []), add[2]!])
      } else if (this.shell === 'sh' && sh) this.vars.set(sh[1]!.toLowerCase(), [sh[2]!.trim()])
    }
  }

  /** The hashtable assigned to `$name` (`@{ Key = value; … }`), as key → expression text. */
  hashtable(name: string): Map<string, string> | undefined {
    const re = new RegExp(`\\$${escapeRe(name)}\\s*=\\s*@\\{([\\s\\S]*?)\\}`, 'i')
    const m = re.exec(this.script)
    if (!m) return undefined
    const out = new Map<string, string>()
    for (const entry of m[1]!.split(/[\n;]/)) {
      const kv = /^\s*['"]?(\w+)['"]?\s*=\s*(.+?)\s*$/.exec(entry)
      if (kv) out.set(kv[1]!.toLowerCase(), kv[2]!)
    }
    return out
  }

  /** Evaluates one PowerShell expression or shell word to items. */
  value(expr: string, depth = 0): Items {
    const e = expr.trim()
    const computed = (why = 'computed by the script') =>
      [unknown(e, `${why}: the scan does not run the script`, this.origin)] as Items
    if (depth > 8) return computed()
    if (this.shell === 'ps') {
      if (/^@\(\s*\)$/.test(e) || /^\$null$/i.test(e)) return []
      const arr = /^@\(([\s\S]*)\)$/.exec(e)
      if (arr) return splitTopLevel(arr[1]!, ',').flatMap((x) => this.value(x, depth + 1))
      const parts = splitTopLevel(e, ',')
      if (parts.length > 1) return parts.flatMap((x) => this.value(x, depth + 1))
    }
    const single = /^'([^']*)'$/.exec(e)
    if (single) return [known(single[1]!, this.origin)]
    const dbl = /^"([^"]*)"$/.exec(e)
    const inner = dbl ? dbl[1]! : e
    const variable = /^\$(?:\{([\w:]+)\}|([\w:]+))$/.exec(inner)
    if (variable) return this.variable((variable[1] ?? variable[2])!, depth, !!dbl)
    if (inner.includes('$') || inner.includes('`') || /[()[\]{}|;&<>]/.test(inner)) return computed()
    // A bare word (a literal argument); unquoted shell words split on blanks.
    const words = this.shell === 'sh' && !dbl ? inner.split(/\s+/).filter(Boolean) : [inner]
    return words.map((w) => known(w, this.origin))
  }

  private variable(name: string, depth: number, quoted: boolean): Items {
    const lower = name.toLowerCase()
    const env = /^env:(\w+)$/.exec(lower)
    if (env || this.shell === 'sh') {
      const found = this.env.get(env ? env[1]! : lower)
      if (found) return this.shell === 'sh' && !quoted ? found.flatMap(splitWords) : found
    }
    if (this.shell === 'sh' && /^\d+$/.test(lower)) return this.fromArgs(Number(lower) - 1, name)
    const assigned = this.vars.get(lower)
    if (assigned) return assigned.flatMap((x) => this.value(x, depth + 1))
    if (this.shell === 'ps') {
      const bound = this.args.get(lower)
      if (bound) return bound
      const position = this.paramNames().indexOf(lower)
      if (position >= 0 && this.args.size === 0) return this.fromArgs(position, name)
    }
    if (this.argsUnknown && this.shell === 'ps' && this.paramNames().includes(lower))
      return [this.argsUnknown]
    return [
      unknown(
        `$${name}`,
        'a value the script gets from outside what the scan reads (not an argument, environment variable or assignment it can follow)',
        this.origin,
      ),
    ]
  }

  private fromArgs(i: number, name: string): Items {
    if (this.argsUnknown) return [this.argsUnknown]
    return this.positional[i] ?? [unknown(`$${name}`, 'no such script argument', this.origin)]
  }

  /** Names in the script's `param(…)` block, in order, lower case. */
  private paramNames(): string[] {
    const m = /\bparam\s*\(([\s\S]*?)\)\s*(?:\n|$)/i.exec(this.script)
    if (!m) return []
    return [...m[1]!.matchAll(/\$(\w+)/g)].map((x) => x[1]!.toLowerCase())
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Splits on `sep` outside quotes and brackets. */
function splitTopLevel(s: string, sep: string): string[] {
  const out: string[] = []
  let depth = 0
  let quote: string | undefined
  let cur = ''
  for (const ch of s) {
    if (quote) {
      if (ch === quote) quote = undefined
    } else if (ch === '"' || ch === "'") quote = ch
    else if ('([{'.includes(ch)) depth++
    else if (')]}'.includes(ch)) depth--
    else if (ch === sep && depth === 0) {
      out.push(cur)
      cur = ''
      continue
    }
    cur += ch
  }
  out.push(cur)
  return out.map((x) => x.trim()).filter((x) => x !== '')
}

function splitWords(v: Item): Items {
  return v.known
    ? v.value
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => known(w, v.origin))
    : [v]
}

/** Lines with continuations joined (PowerShell backtick, shell backslash), comments dropped. */
function logicalLines(script: string, shell: 'ps' | 'sh'): string[] {
  const joined = script.replace(shell === 'ps' ? /`\r?\n/g : /\\\r?\n/g, ' ')
  return joined.split(/\r?\n/).map((l) => (/^\s*#/.test(l) ? '' : l))
}

/** Shell-like words of a command line, quotes kept on the word (values are read by Scope.value). */
function words(line: string): string[] {
  const out: string[] = []
  const re = /"(?:[^"\\`]|[\\`].)*"|'[^']*'|[^\s]+/g
  for (const m of line.matchAll(re)) out.push(m[0])
  return out
}

/**
 * The `arguments` of a deployment script as tokens; a token that is exactly one interpolated value (quoted
 * or not) is that value, so a reference (`${securityConfig.id}`) survives. undefined: the arguments are
 * unknown as a whole.
 */
function argumentTokens(args: HclValue): Item[] | undefined {
  const pieces: (string | HclValue)[] =
    args.kind === 'string'
      ? [args.value]
      : args.kind === 'unknown' && args.parts
        ? args.parts
        : args.kind === 'number' || args.kind === 'bool'
          ? [String(args.value)]
          : []
  if (pieces.length === 0) return undefined
  const values: HclValue[] = []
  let text = ''
  for (const p of pieces) {
    if (typeof p === 'string') text += p
    else if (p.kind === 'string' || p.kind === 'number' || p.kind === 'bool') text += String(p.value)
    else {
      values.push(p)
      text += `\uE000${values.length - 1}\uE000`
    }
  }
  return words(text).map((w) => {
    const bare = w.replace(/^(["'])(.*)\1$/s, '$2')
    const only = /^\uE000(\d+)\uE000$/.exec(bare)
    if (only) return valueItem(values[Number(only[1])]!)
    if (!bare.includes('\uE000')) return known(bare, args.origin)
    const first = values[Number(/\uE000(\d+)\uE000/.exec(bare)![1])]!
    return unknown(
      bare.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => `\${${render(values[Number(i)]!)}}`),
      first.kind === 'unknown' ? first.reason : 'not a single value',
      args.origin,
    )
  })
}

function render(v: HclValue): string {
  return v.kind === 'unknown' ? v.expression : v.kind
}

function valueItem(v: HclValue): Item {
  return str(v) ?? unknown(v.kind, 'not a string', v.origin)
}

// ---- the commit commands ---------------------------------------------------------------------------

/** `Deploy-AzNetworkManagerCommit -ConfigurationId … -TargetLocation … -CommitType …` or `@splat`. */
function psCommits(scope: Scope): ScriptCommit[] {
  const out: ScriptCommit[] = []
  for (const line of logicalLines(scope.script, 'ps')) {
    const at = line.search(PS_COMMAND)
    if (at < 0) continue
    const params = new Map<string, string>()
    const ws = words(line.slice(at)).slice(1)
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!
      const splat = /^@(\w+)$/.exec(w)
      if (splat) for (const [k, v] of scope.hashtable(splat[1]!) ?? []) params.set(k, v)
      const flag = /^-(\w+)(?::(.+))?$/.exec(w)
      if (!flag) continue
      if (flag[2] !== undefined) params.set(flag[1]!.toLowerCase(), flag[2])
      else if (i + 1 < ws.length && !/^-\w/.test(ws[i + 1]!)) {
        // A list argument may be written `a, b`: take the words up to the next parameter.
        let value = ws[++i]!
        while (value.endsWith(',') && i + 1 < ws.length) value += ` ${ws[++i]!}`
        params.set(flag[1]!.toLowerCase(), value)
      }
    }
    out.push(
      commitOf(scope, {
        type: params.get('committype'),
        ids: params.get('configurationid') ?? params.get('configurationids'),
        regions: params.get('targetlocation') ?? params.get('targetlocations'),
      }),
    )
  }
  return out
}

/** `az network manager post-commit --commit-type … --configuration-ids … --target-locations …`. */
function cliCommits(scope: Scope): ScriptCommit[] {
  const out: ScriptCommit[] = []
  for (const line of logicalLines(scope.script, 'sh')) {
    const m = CLI_COMMAND.exec(line)
    if (!m) continue
    const ws = words(line.slice(m.index + m[0].length))
    const params = new Map<string, string[]>()
    let current: string[] | undefined
    for (const w of ws) {
      const flag = /^--([\w-]+)(?:=(.*))?$/.exec(w)
      if (flag) {
        current = []
        params.set(flag[1]!.toLowerCase(), current)
        if (flag[2] !== undefined) current.push(flag[2])
      } else if (/^[|;&]/.test(w)) break
      else current?.push(w)
    }
    const join = (k: string) => params.get(k)?.join(' ')
    out.push(
      commitOf(scope, {
        type: join('commit-type'),
        ids: join('configuration-ids'),
        regions: join('target-locations'),
      }),
    )
  }
  return out
}

function commitOf(
  scope: Scope,
  exprs: { type: string | undefined; ids: string | undefined; regions: string | undefined },
): ScriptCommit {
  const notGiven = (what: string) => unknown(what, 'the commit command does not say it', scope.origin)
  const evalList = (e: string) => (scope.shell === 'sh' ? splitTopLevel(e, ' ') : [e])
  const typeItems = exprs.type !== undefined ? scope.value(exprs.type) : [notGiven('CommitType')]
  const idItems =
    exprs.ids !== undefined
      ? evalList(exprs.ids).flatMap((e) => scope.value(e))
      : [notGiven('ConfigurationId')]
  const regionItems =
    exprs.regions !== undefined
      ? evalList(exprs.regions).flatMap((e) => scope.value(e))
      : [notGiven('TargetLocation')]
  const regionUnknown = regionItems.find((r) => !r.known)
  return {
    commitType: typeItems.length === 1 ? typeItems[0]! : notGiven('CommitType'),
    configurationIds: idItems,
    regions: regionUnknown
      ? (regionUnknown as Unknown)
      : known(
          regionItems.flatMap((r) => (r.known ? r.value.split(',').filter(Boolean) : [])),
          scope.origin,
        ),
  }
}
