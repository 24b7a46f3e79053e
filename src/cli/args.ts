/**
 * The CLI's command line: flags into options, every mistake a usage error (exit 2) that names the
 * nearest valid spelling. Flags override the config file; the config file overrides defaults.
 */
import { parseArgs } from 'node:util'
import { CLOUDS, type CloudName } from '../kms/catalogue'
import { parseCloud, parseRegistries } from '../pipeline/options'
import { allRules } from '../rules/index'
import { FAIL_ON_LEVELS, parseFailOn, type FailOn } from '../report/exit'
import { TOOL_NAME } from '../report/tool'
import { closest, unknownWord } from './closest'
import { FORMAT_HELP, FORMATS, type Format } from './formats'

export class UsageError extends Error {}

export const COMMANDS = ['scan', 'hook'] as const

const OPTIONS = {
  format: { type: 'string', short: 'f', multiple: true },
  output: { type: 'string', short: 'o', multiple: true },
  config: { type: 'string' },
  cloud: { type: 'string' },
  'var-file': { type: 'string', multiple: true },
  plan: { type: 'string', multiple: true },
  rule: { type: 'string', multiple: true },
  'skip-rule': { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  'severity-threshold': { type: 'string' },
  'fail-on-unreadable': { type: 'boolean' },
  'fail-on-unknown': { type: 'boolean' },
  baseline: { type: 'string' },
  'download-modules': { type: 'boolean' },
  'module-cache': { type: 'string' },
  'module-registry': { type: 'string', multiple: true },
  'baseline-write': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const

export interface Destination {
  format: Format
  /** undefined: stdout. */
  file?: string
}

export interface CliOptions {
  command: (typeof COMMANDS)[number] | 'help' | 'version'
  /** `scan`: one path; `hook`: the staged files. */
  paths: string[]
  outputs: Destination[]
  config?: string
  /** undefined: the config's, else auto. */
  cloud?: CloudName | 'auto'
  varFiles: string[]
  planFiles: string[]
  onlyRules: string[]
  skipRules: string[]
  failOn: FailOn
  failOnUnreadable: boolean
  /** Exit 1 also when a subnet is undecided or no subnet was found to judge. */
  failOnUnknown: boolean
  baseline?: string
  baselineWrite?: string
  /** --download-modules: fetch registry and git modules, with the cache folder and registry overrides. */
  downloadModules?: { cacheDir?: string; registries: Map<string, string> }
  quiet: boolean
  verbose: boolean
}

const RULE_IDS = allRules.map((r) => r.id)
const FLAG_NAMES = Object.keys(OPTIONS).map((k) => `--${k}`)

function ruleIds(values: readonly string[] | undefined, flag: string): string[] {
  return (values ?? []).flatMap((v) =>
    v
      .split(',')
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean)
      .map((id) => {
        if (!RULE_IDS.includes(id)) throw new UsageError(`${flag}: ${unknownWord('rule', id, RULE_IDS)}`)
        return id
      }),
  )
}

function format(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format
  throw new UsageError(`--format: ${unknownWord('format', value, FORMATS)}`)
}

/**
 * `--format a --output x --format b --output y`: the n-th plain --output takes the n-th --format; `--output
 * FORMAT=FILE` names its own. A format left without a file goes to stdout; only one may.
 */
function destinations(formats: readonly string[], outputs: readonly string[]): Destination[] {
  const plain: string[] = []
  const out: Destination[] = []
  for (const o of outputs) {
    const m = o.match(/^([a-z-]+)=(.+)$/)
    if (m && (FORMATS as readonly string[]).includes(m[1]!)) out.push({ format: m[1] as Format, file: m[2]! })
    else plain.push(o)
  }
  const fmts = formats.map(format)
  if (plain.length > fmts.length)
    throw new UsageError(
      `--output ${plain[fmts.length]} has no --format to write (use --format F for each --output, or --output FORMAT=FILE)`,
    )
  fmts.forEach((f, i) => out.push(plain[i] !== undefined ? { format: f, file: plain[i] } : { format: f }))
  const toStdout = out.filter((d) => d.file === undefined)
  if (toStdout.length > 1)
    throw new UsageError(
      `only one format can go to stdout (got ${toStdout.map((d) => d.format).join(', ')}): give the others an --output`,
    )
  if (out.length === 0) out.push({ format: 'text' })
  return out
}

/** Node's parseArgs message for an unknown flag, with the nearest valid one. */
function explainParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const m = message.match(/Unknown option '(-{1,2}[^']+)'/)
  if (!m) return message.split('. ')[0]!
  const near = closest(m[1]!, FLAG_NAMES)
  return `unknown option '${m[1]}'${near ? ` (did you mean '${near}'?)` : ''}`
}

export function parseCommandLine(argv: readonly string[]): CliOptions {
  let parsed
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS })
  } catch (error) {
    throw new UsageError(explainParseError(error))
  }
  const { values: v, positionals } = parsed
  const [command, ...rest] = positionals
  const base = {
    paths: rest,
    varFiles: v['var-file'] ?? [],
    planFiles: v.plan ?? [],
    quiet: v.quiet === true,
    verbose: v.verbose === true,
    failOnUnreadable: v['fail-on-unreadable'] === true,
    failOnUnknown: v['fail-on-unknown'] === true,
  }
  if (v.help) return { ...defaults(), ...base, command: 'help' }
  if (v.version) return { ...defaults(), ...base, command: 'version' }
  if (command === undefined) throw new UsageError(`missing command: ${COMMANDS.join(' or ')}`)
  if (!(COMMANDS as readonly string[]).includes(command))
    throw new UsageError(unknownWord('command', command, COMMANDS))
  if (command === 'scan' && rest.length > 1)
    throw new UsageError(`scan takes one PATH (got also '${rest.slice(1).join("', '")}')`)
  if (v.quiet && v.verbose) throw new UsageError('--quiet and --verbose exclude each other')
  if (v.baseline !== undefined && v['baseline-write'] !== undefined)
    throw new UsageError(
      '--baseline and --baseline-write exclude each other: write a baseline from a full scan',
    )

  let cloud: CloudName | 'auto' | undefined
  if (v.cloud !== undefined) {
    cloud = parseCloud(v.cloud)
    if (!cloud) throw new UsageError(`--cloud: ${unknownWord('cloud', v.cloud, ['auto', ...CLOUDS])}`)
  }
  if (v['fail-on'] !== undefined && v['severity-threshold'] !== undefined)
    throw new UsageError('--fail-on and --severity-threshold are the same option: give one')
  const failOnInput = v['fail-on'] ?? v['severity-threshold'] ?? 'error'
  const failOn = parseFailOn(failOnInput)
  if (!failOn) throw new UsageError(`--fail-on: ${unknownWord('level', failOnInput, FAIL_ON_LEVELS)}`)
  const onlyRules = ruleIds(v.rule, '--rule')
  const skipRules = ruleIds(v['skip-rule'], '--skip-rule')
  const both = onlyRules.find((r) => skipRules.includes(r))
  if (both) throw new UsageError(`${both} is given to both --rule and --skip-rule`)
  let registries: Map<string, string>
  try {
    registries = parseRegistries(v['module-registry'] ?? [])
  } catch (e) {
    throw new UsageError(`--${(e as Error).message}`)
  }
  if (!v['download-modules'] && (v['module-cache'] !== undefined || registries.size > 0))
    throw new UsageError('--module-cache and --module-registry need --download-modules')

  return {
    ...base,
    command: command as CliOptions['command'],
    paths: command === 'scan' ? (rest.length > 0 ? rest : ['.']) : rest,
    outputs: destinations(v.format ?? [], v.output ?? []),
    ...(v.config !== undefined ? { config: v.config } : {}),
    ...(cloud ? { cloud } : {}),
    onlyRules,
    skipRules,
    failOn,
    ...(v.baseline !== undefined ? { baseline: v.baseline } : {}),
    ...(v['baseline-write'] !== undefined ? { baselineWrite: v['baseline-write'] } : {}),
    ...(v['download-modules']
      ? {
          downloadModules: {
            registries,
            ...(v['module-cache'] !== undefined ? { cacheDir: v['module-cache'] } : {}),
          },
        }
      : {}),
  }
}

function defaults(): CliOptions {
  return {
    command: 'help',
    paths: [],
    outputs: [{ format: 'text' }],
    varFiles: [],
    planFiles: [],
    onlyRules: [],
    skipRules: [],
    failOn: 'error',
    failOnUnreadable: false,
    failOnUnknown: false,
    quiet: false,
    verbose: false,
  }
}

const pad = (s: string, n: number): string => s.padEnd(n)

export function usage(): string {
  const rules = allRules.map((r) => `  ${r.id}  ${r.title} (${r.severity})`).join('\n')
  const formats = FORMATS.map((f) => `  ${pad(f, 16)} ${FORMAT_HELP[f]}`).join('\n')
  return `Usage: ${TOOL_NAME} scan [PATH] [options]
       ${TOOL_NAME} hook FILE...     (pre-commit: scans the folders of the staged files)

Finds what in Azure network code breaks Windows activation against Azure KMS (TCP 1688):
forced tunnels, firewalls, NSGs and routes that keep a VM from reaching the KMS addresses.

Sources read under PATH (default .):
  Terraform        .tf, .tf.json, .tfvars, .tfvars.json, \`terraform show -json\` plans
  Bicep            .bicep, .bicepparam (local modules, Azure Verified Modules)
  ARM              deployment templates and parameter files (.json)

Options:
  -f, --format F            output format, repeatable (default: text); see below
  -o, --output FILE         write the n-th --format to FILE (or --output FORMAT=FILE); repeatable
      --config FILE         config file (default: .azure-kms-guard.yml in PATH, if there)
      --cloud NAME          auto, ${CLOUDS.join(', ')} (default: the config's, else auto)
      --var-file FILE       Terraform var file; repeatable, later wins
      --plan FILE           \`terraform show -json\` plan to judge; repeatable
      --rule ID             run only these rules (repeatable or comma separated); KMS012 stays on
      --skip-rule ID        turn these rules off (repeatable or comma separated)
      --fail-on LEVEL       error, warning, notice or never (default: error); alias --severity-threshold
      --fail-on-unreadable  exit 3 when a file could not be read or parsed
      --fail-on-unknown     exit 1 also when a subnet's KMS path could not be decided, or no
                            subnet was found to judge (default: off)
      --baseline FILE       report only findings not in this baseline, and which baseline entries are fixed
      --baseline-write FILE record this scan's findings as a baseline
      --download-modules    fetch Terraform registry and git modules \`terraform init\` has not
                            installed (TF_TOKEN_<host> tokens go to their own host only)
      --module-cache DIR    where downloaded modules are kept (default: $RUNNER_TEMP or the temp folder)
      --module-registry [HOST=]URL
                            use URL for the module registry HOST (default registry.terraform.io)
  -q, --quiet               no progress and no summary line on stderr
      --verbose             per-stage timings on stderr; every KMS011 notice on its own
  -h, --help                show this help
  -v, --version             show the version

Output formats:
${formats}

Rules:
${rules}

Exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on; with --fail-on-unknown also an undecided subnet or nothing
     to judge
  2  usage or configuration error (a bad flag, a bad config file, a missing path)
  3  with --fail-on-unreadable: a file could not be read or parsed (takes precedence over 1)
`
}
