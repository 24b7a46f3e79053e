/**
 * What the run judges and what fails it. The head is always scanned whole (a route table is only
 * wrong in the context of the subnets and firewalls around it, which a changed-files-only scan would
 * miss); on a pull request or merge group the base commit is scanned the same way, so findings the
 * change introduces can be told from those it inherits. The scope then decides which findings fail the
 * step and are annotated, and which are only listed.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { LoadedConfig } from '../config/config'
import { checkoutBase, type BaseCheckout } from '../compare/checkout-base'
import { partialBase, readBaseTree, type BaseTree } from '../compare/base-tree'
import { isIncluded } from '../config/apply'
import { causeAnnotations, changedLinesOf } from '../compare/causes'
import { compareFindings, renamesFrom, subnetList, type Comparison } from '../compare/new-findings'
import { applyScope, type Scope } from '../compare/scope'
import { changedFiles, type ChangedFilesResult } from '../github/changed-files'
import { comparesWithBase, type RunContext } from '../github/context'
import { runGit, type GitRunner } from '../github/git'
import type { Octokit } from '../github/octokit'
import type { Finding } from '../rules/types'
import { scanIsolated } from '../pipeline/scan-isolated'
import type { ScanOptions, ScanResult, UnitSelection } from '../pipeline/scan-types'
import { plural } from '../report/exit'
import { findingUnitKey } from '../compare/units'
import { openUnitCache, type UnitCache } from '../compare/unit-cache'
import { narrowHead, readHeadIndex, type HeadIndexRead, type NarrowHead } from '../compare/head-index'
import {
  anyReaderSearch,
  anyVnetReaders,
  checkoutTexts,
  namingSearch,
  namingUnits,
  readerSearch,
  vnetReaders,
  type MayHold,
  type TextOf,
  type UnitFiles,
} from '../compare/vnet-readers'
import { providerSearch, vnetProviders } from '../compare/vnet-providers'
import { grepFilter, type Search } from '../compare/grep-filter'
import type { EarlyGit } from '../compare/early-git'
import type { EarlyFiles } from '../github/early-files'

export interface EvaluateInput {
  ctx: RunContext
  workspace: string
  scope: Scope
  scanOptions: Pick<ScanOptions, 'path' | 'cloud' | 'varFiles' | 'planFiles' | 'deployed' | 'baseline'>
  config?: LoadedConfig
  /** Compare with the base even when the scope does not need it (the comment's "fixed" section). */
  wantComparison?: boolean
  /**
   * A promise (or a thenable that loads the client when first awaited: src/action/main.ts) while the client
   * loads: awaited when the changed files are asked, and asked for once the head scan is in the worker.
   */
  octokit?: Octokit | PromiseLike<Octokit>
  git?: GitRunner
  /** Parent of the base checkout (RUNNER_TEMP on a runner). */
  tempRoot?: string
  /** The action's `cache-dir`: unit findings kept across runs (src/compare/unit-cache.ts). */
  cacheDir?: string
  /** git's reads the action's entry started before its code loaded (src/compare/early-git.ts): taken when they are for this workspace and base. */
  early?: EarlyGit
  /** The changed files the action's entry asked for (src/github/early-files.ts): taken when they are this pull request's. */
  earlyFiles?: EarlyFiles
}

export interface Evaluation {
  /** The head scan, unfiltered (JSON/SARIF reports and counts use it). */
  result: ScanResult
  /** The scope applied (after any fallback). */
  scope: Scope
  /** Findings in files that fail the step and are annotated. */
  failing: Finding[]
  /** Findings in files listed in the summary only (existing ones on a pull request). */
  listed: Finding[]
  /** Findings about resources only the live network has: summary and comment, never annotations. */
  deployed: Finding[]
  /** The deployed findings the scope selects: they fail the step only with fail-on-deployed. */
  deployedFailing: Finding[]
  comparison?: Comparison
  changed?: ChangedFilesResult
  /**
   * Annotations at the changed lines that decided failing findings (a var-file entry that adds a spoke
   * behind a blocking firewall), besides each finding's own anchor. Not findings: never counted.
   */
  causes: Finding[]
  /** Why the scope fell back, why the base could not be scanned: for the summary. */
  notes: string[]
  /** For the log (API or git trouble); never fatal. */
  warnings: string[]
  /** For the log: how the base commit's files were read. */
  log?: string[]
}

export { comparesWithBase }

/** `file` moved from the head checkout to the same place in the base checkout, if it lies inside the workspace. */
function inBase(file: string, workspace: string, baseDir: string): string | undefined {
  const rel = path.relative(workspace, file)
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return undefined
  return path.join(baseDir, rel)
}

/** The units the head judged (by key, with their input hashes) and what the change touched. */
interface UnitPlan {
  /** Judge only the units the change can affect (scope new/changed), at head and base. */
  narrow: boolean
  changed?: ChangedFilesResult
  /** Head units judged: key → input hash (filled by the head scan when the base is compared). */
  headHashes: Map<string, string>
  /** The head's .tf files with their blob ids and module calls (ScanResult.terraformCalls). */
  headCalls?: ScanResult['terraformCalls']
  /** Files of the units the head judged because the change touches them (UnitChoice.files), repository-relative. */
  headUnitFiles?: { files: string[]; units: number }
  /** The base commit's tree, read while the head is scanned (src/compare/base-tree.ts readBaseTree). */
  baseTree?: Promise<BaseTree>
  /** Head units not judged (narrow). */
  headSkipped: number
  /** Every visible .tf file of the head with its blob id, when the head's files came from git's index. */
  headOids?: Record<string, string>
  /** Base units whose inputs equal the head's: their findings are the head's. */
  reused: Set<string>
  /** Base units whose inputs have an entry in the cache-dir: unit key → that input hash. */
  fromCache: Map<string, string>
  baseJudged: number
  cache?: UnitCache
  /**
   * Units the change does not touch, judged at head and base because they may read a VNet a changed unit
   * declares (src/compare/vnet-readers.ts): judged with that unit's facts of each side.
   */
  readers: string[]
  /**
   * Units the change does not touch, judged at head and base because they may declare a VNet a changed
   * unit's hub connection connects or a VPN gateway its site links to: a full scan judges them with that.
   */
  linked: string[]
  /**
   * Units the change does not touch, judged at head and base because they may declare a VNet or firewall the
   * judged units read (src/compare/vnet-providers.ts): their facts are what a full scan gives those units.
   */
  providers: string[]
  /** Head units whose findings depend on other units' VNets (needs, or facts given): never taken for the base. */
  crossDependent: Set<string>
}

/** The change's paths under `root` (the head workspace or the base checkout), for UnitSelection.changed. */
function changedUnder(changed: ChangedFilesResult, root: string): NonNullable<UnitSelection['changed']> {
  const abs = (p: string) => path.join(root, ...p.split('/'))
  const removed = changed.files
    ? changed.files.flatMap((f) =>
        f.status === 'removed' ? [f.path] : f.previousPath && f.status === 'renamed' ? [f.previousPath] : [],
      )
    : // Without per-file detail (git's name-only diff) any touched path may be a removed one.
      changed.paths
  return { paths: changed.paths.map(abs), removed: removed.map(abs) }
}

const scanDir = (p: string): string => {
  const abs = path.resolve(p)
  return fs.existsSync(abs) && fs.statSync(abs).isFile() ? path.dirname(abs) : abs
}

/** Head findings moved onto the base checkout, as the base scan would have located them. */
function rerootOnto(findings: readonly Finding[], from: string, to: string): Finding[] {
  return findings.map((f) => {
    const rel = path.relative(from, f.location.file)
    if (rel.startsWith('..') || path.isAbsolute(rel)) return f
    return { ...f, location: { ...f.location, file: path.join(to, rel) } }
  })
}

/**
 * The base commit's files: written from git objects for the units the base scan needs
 * (src/compare/base-tree.ts), else (and said in the log) a full checkout.
 */
async function baseFiles(
  input: EvaluateInput,
  baseSha: string,
  plan: UnitPlan,
  log: string[],
): Promise<BaseCheckout> {
  const posix = (p: string) => path.relative(input.workspace, path.resolve(p)).split(path.sep).join('/')
  const scanRel = posix(input.scanOptions.path)
  const opts = {
    ...(input.git ? { git: input.git } : {}),
    ...(input.tempRoot ? { tempRoot: input.tempRoot } : {}),
  }
  if (!scanRel.startsWith('..') && !path.isAbsolute(scanRel)) {
    const config = input.config?.config
    try {
      const view = await partialBase(
        {
          repoDir: input.workspace,
          sha: baseSha,
          scanRel,
          change: plan.changed ? changeOf(plan.changed) : { paths: [], removed: [] },
          headUnits: [...plan.headHashes.keys()],
          ...(plan.headCalls ? { headCalls: plan.headCalls } : {}),
          ...(plan.headOids ? { headOids: plan.headOids } : {}),
          ...(plan.headUnitFiles && modifiedOnly(plan.changed) ? { headUnitFiles: plan.headUnitFiles } : {}),
          includeTestFixtures: config?.includeTestFixtures === true,
          ...(config ? { isIncluded: (rel: string) => isIncluded(rel, config) } : {}),
          varFiles: [...input.scanOptions.varFiles.map(posix), ...(config?.varFiles ?? [])],
          whole: !plan.narrow,
          ...opts,
        },
        plan.baseTree,
      )
      if (view.kind !== 'fallback') {
        log.push(
          `Base commit ${baseSha.slice(0, 12)}: ${view.written} files written from git objects` +
            (view.kind === 'partial'
              ? ` (${view.units} Terraform units to judge or compare)`
              : ` (all: ${view.why})`),
        )
        return view
      }
      log.push(`Base commit ${baseSha.slice(0, 12)}: a full checkout, because ${view.why}.`)
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err)
      log.push(
        `Base commit ${baseSha.slice(0, 12)}: reading git objects failed (${why}); a full checkout instead.`,
      )
    }
  }
  return checkoutBase(input.workspace, baseSha, opts)
}

/** The change only modified files (per-file detail from the API): nothing added, removed or renamed. */
const modifiedOnly = (changed: ChangedFilesResult | undefined): boolean =>
  changed?.files !== undefined && changed.files.every((f) => f.status === 'modified')

/**
 * Starts reading the base commit's tree (git processes) so it overlaps the head scan; awaited by
 * baseFiles, where a failure falls back to a full checkout as before.
 */
function startBaseTree(input: EvaluateInput, baseSha: string): Promise<BaseTree> | undefined {
  const scanRel = path
    .relative(input.workspace, path.resolve(input.scanOptions.path))
    .split(path.sep)
    .join('/')
  if (scanRel.startsWith('..') || path.isAbsolute(scanRel)) return undefined
  const early = input.early
  const read = readBaseTree(
    { repoDir: input.workspace, sha: baseSha, scanRel, ...(input.git ? { git: input.git } : {}) },
    early && early.workspace === input.workspace && early.sha === baseSha ? early.base : undefined,
  )
  // Handled where it is awaited; until then a failure must not count as an unhandled rejection.
  read.catch(() => undefined)
  return read
}

/** The change's paths, repository-relative, for the base's files. */
function changeOf(changed: ChangedFilesResult): { paths: string[]; removed: string[] } {
  const root = path.sep
  const under = changedUnder(changed, root)
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/')
  return { paths: under.paths.map(rel), removed: under.removed.map(rel) }
}

async function scanBase(
  input: EvaluateInput,
  baseSha: string,
  plan: UnitPlan,
  head: ScanResult,
  log: string[],
  /** The base's files, when they were written while the head was scanned. */
  early?: Promise<BaseCheckout>,
): Promise<{ result: ScanResult; root: string }> {
  const checkout = await (early ?? baseFiles(input, baseSha, plan, log))
  try {
    const base = checkout.dir
    const scanPath = inBase(input.scanOptions.path, input.workspace, base)
    if (scanPath === undefined) throw new Error('the scanned path is outside the workspace')
    if (!fs.existsSync(scanPath)) throw new Error('the scanned path does not exist on the base commit')
    // A var file the change adds is not on the base: the head's copy is the same option for both sides.
    const varFiles = input.scanOptions.varFiles.map((f) => {
      const b = inBase(f, input.workspace, base)
      return b !== undefined && fs.existsSync(b) ? b : f
    })
    const options: ScanOptions = {
      path: scanPath,
      cloud: input.scanOptions.cloud,
      varFiles,
      repoRoot: base,
      // The plan describes the head (it is built from it): laid over the base it would make the
      // change's own findings look inherited. The deployed network is the same on both sides.
      ...(input.config ? { config: input.config } : {}),
      ...(input.scanOptions.deployed ? { deployed: input.scanOptions.deployed } : {}),
    }
    // A unit with the head's inputs has the head's findings; one the head did not judge is untouched
    // by the change (narrow), unless it only exists here and the change removed it.
    // The cache may know a unit's base inputs (an earlier run's head): judged then, not now.
    // Not a unit whose findings rest on other units' VNets: the same inputs may meet other facts here.
    const reuse: Record<string, string[]> = {}
    for (const [key, hash] of plan.headHashes)
      if (!plan.crossDependent.has(key)) reuse[key] = [hash, ...(plan.cache?.hashes(key) ?? [])]
    options.units = {
      keyRoot: scanDir(scanPath),
      hashRoot: base,
      reuse,
      ...(alsoKeys(plan).length > 0 ? { also: alsoKeys(plan) } : {}),
      ...(plan.changed ? { touched: changedUnder(plan.changed, base).paths } : {}),
      ...(plan.narrow
        ? { changed: plan.changed ? changedUnder(plan.changed, base) : { paths: [], removed: [] } }
        : {}),
    }
    const result = await scanIsolated(options)
    for (const u of result.units ?? []) {
      if (u.why === 'same-inputs' && u.hash !== plan.headHashes.get(u.key)) plan.fromCache.set(u.key, u.hash!)
      else if (u.why === 'same-inputs') plan.reused.add(u.key)
      else if (u.judged && plan.headHashes.has(u.key)) plan.baseJudged++
    }
    if (plan.cache) storeUnits(plan.cache, result, base)
    const reused = head.findings.filter((f) => {
      const k = findingUnitKey(f)
      return k !== undefined && plan.reused.has(k)
    })
    const cached = [...plan.fromCache].flatMap(([key, hash]) => plan.cache!.findings(key, hash, base) ?? [])
    if (plan.fromCache.size > 0)
      log.push(`Base commit: ${plural(plan.fromCache.size, 'unit')} taken from the cache-dir (same inputs).`)
    result.findings = [...result.findings, ...rerootOnto(reused, input.workspace, base), ...cached]
    return { result, root: base }
  } finally {
    await checkout.cleanup()
  }
}

/** The names of the VNets and firewalls the judged units of a scan declare (ScanResult.crossUnit). */
const declaredNames = (result: ScanResult, keys?: ReadonlySet<string>): string[] => [
  ...new Set(
    (result.crossUnit ?? [])
      .filter((c) => !keys || keys.has(c.key))
      .flatMap((c) =>
        [...c.declares.map((d) => d.name), ...(c.declaresFirewalls ?? [])].map((n) => n.toLowerCase()),
      ),
  ),
]

/** The head's untouched units with their files (absolute): from the scan's choices and git's index. */
function untouchedUnits(
  result: ScanResult,
  view: Extract<NarrowHead, { kind: 'narrow' }> | undefined,
  workspace: string,
): UnitFiles[] {
  const abs = (rel: string) => path.join(workspace, ...rel.split('/'))
  return [
    ...(result.units ?? [])
      .filter((u) => u.why === 'untouched' && u.files !== undefined)
      .map((u) => ({ key: u.key, files: u.files!.map(abs) })),
    ...(view?.others ?? []).map((o) => ({ key: o.key, files: o.files.map(abs) })),
  ]
}

/**
 * Keeps the findings of every unit the scan judged (with its input hash) in the cache-dir. Findings no
 * unit owns (a file that could not be read, a config problem) are the scan's, never a unit's: not kept.
 * Nor is a unit with suppressed findings: a suppression may expire (`until`), and then the same inputs
 * have another finding.
 */
function storeUnits(cache: UnitCache, result: ScanResult, root: string): void {
  const judged = new Map<string, Finding[]>()
  for (const u of result.units ?? []) if (u.judged && u.hash !== undefined) judged.set(u.key, [])
  for (const s of result.suppressed) {
    const k = findingUnitKey(s.finding)
    if (k !== undefined) judged.delete(k)
  }
  for (const f of result.findings) {
    const k = findingUnitKey(f)
    if (k !== undefined) judged.get(k)?.push(f)
  }
  const hashes = new Map((result.units ?? []).map((u) => [u.key, u.hash]))
  const cross = new Map((result.crossUnit ?? []).map((c) => [c.key, c]))
  for (const [key, findings] of judged) {
    const c = cross.get(key)
    cache.store(key, hashes.get(key)!, findings, root, {
      declares: c?.declares ?? [],
      needs: c?.needs ?? [],
      ...(c?.facts ? { facts: c.facts } : {}),
    })
  }
}

/**
 * The cache-dir, when this run's findings depend only on what it hashes: not with live state (Azure
 * changes under the same files), a plan (it describes the head, not a unit's files) or a baseline (the
 * head's findings are then only those it does not hold).
 */
function unitCacheFor(input: EvaluateInput): UnitCache | undefined {
  const o = input.scanOptions
  if (!input.cacheDir || o.deployed || (o.planFiles ?? []).length > 0 || o.baseline) return undefined
  // Besides a unit's files: the cloud asked for, the config (severities, suppressions, appliances) and the
  // Terraform workspace the environment names (terraform.workspace; .terraform/environment is a unit file).
  const context = JSON.stringify({
    cloud: o.cloud,
    config: input.config?.config ?? null,
    ...(process.env.TF_WORKSPACE ? { workspace: process.env.TF_WORKSPACE } : {}),
  })
  return openUnitCache(input.cacheDir, context)
}

/**
 * Whether the run judges only the units the change can affect: on a pull request with scope `new` or
 * `changed` (no other finding can fail it), when the changed files are known for sure, no plan is given (a plan
 * describes the whole head) and the config, which applies to every unit, did not change.
 */
function unitPlan(input: EvaluateInput, changed: ChangedFilesResult | undefined): UnitPlan {
  const known = changed && changed.source !== 'none' ? changed : undefined
  const configRel = input.config?.file
    ? path.relative(input.workspace, input.config.file).split(path.sep).join('/')
    : undefined
  // An empty or possibly incomplete list of changed files says nothing for sure: everything is judged.
  const narrow =
    known !== undefined &&
    known.paths.length > 0 &&
    known.warnings.length === 0 &&
    (input.scope === 'new' || input.scope === 'changed') &&
    (input.scanOptions.planFiles ?? []).length === 0 &&
    !known.paths.some((p) => p === configRel || /(^|\/)\.azure-kms-guard\.ya?ml$/.test(p))
  return {
    narrow,
    ...(known ? { changed: known } : {}),
    headHashes: new Map(),
    headSkipped: 0,
    reused: new Set(),
    fromCache: new Map(),
    baseJudged: 0,
    readers: [],
    linked: [],
    providers: [],
    crossDependent: new Set(),
  }
}

/** Whether the run may judge only the units the change affects (the part of unitPlan known before the changed files). */
const mayNarrow = (input: EvaluateInput): boolean =>
  comparesWithBase(input.ctx) &&
  (input.scope === 'new' || input.scope === 'changed') &&
  (input.scanOptions.planFiles ?? []).length === 0

/** git's index of the head (src/compare/head-index.ts), started before the changed files are known. */
function startHeadIndex(input: EvaluateInput): Promise<HeadIndexRead> {
  const early = input.early
  return readHeadIndex(
    { workspace: input.workspace, ...(input.git ? { git: input.git } : {}) },
    early && early.workspace === input.workspace ? early.head : undefined,
  )
}

/**
 * The head's files for a narrow scan, from git's index: the units the change can affect found without
 * reading every file (src/compare/head-index.ts). Undefined (and said in the log) where the index cannot
 * stand for the working tree: the head scan then discovers and reads everything, as before.
 */
async function headFromIndex(
  input: EvaluateInput,
  plan: UnitPlan,
  index: HeadIndexRead,
  log: string[],
  /** Unit keys to judge besides those the change affects (units reading a VNet a changed unit declares). */
  also?: readonly string[],
): Promise<Extract<NarrowHead, { kind: 'narrow' }> | undefined> {
  const posix = (p: string) => path.relative(input.workspace, path.resolve(p)).split(path.sep).join('/')
  const scanRel = posix(input.scanOptions.path)
  const why = (reason: string) => {
    log.push(`Head: every file read to find the units the change affects, because ${reason}.`)
    return undefined
  }
  if (index.kind === 'fallback') return why(`git's index could not be used (${index.why})`)
  if (scanRel === '..' || scanRel.startsWith('../') || path.isAbsolute(scanRel))
    return why('the scanned path is outside the workspace')
  const config = input.config?.config
  const view = narrowHead(index, {
    workspace: input.workspace,
    scanRel,
    change: plan.changed?.paths ?? [],
    includeTestFixtures: config?.includeTestFixtures === true,
    ...(config ? { isIncluded: (rel: string) => isIncluded(rel, config) } : {}),
    varFiles: [...input.scanOptions.varFiles.map(posix), ...(config?.varFiles ?? [])],
    ...(also ? { also } : {}),
  })
  if (view.kind === 'fallback') return why(view.why)
  plan.headOids = view.oids
  log.push(
    `Head: ${plural(view.affected, 'Terraform unit')} of ${view.affected + view.untouched} found affected from git's index ` +
      `(${plural(view.files.length, 'file')} to scan).`,
  )
  return view
}

/**
 * VNets (and firewalls) the changed units declare at base but no longer at head (removed or renamed), and
 * the untouched units not judged yet that may read them (src/compare/vnet-readers.ts).
 */
async function baseOnlyReaders(
  input: EvaluateInput,
  index: HeadIndexRead | undefined,
  plan: UnitPlan,
  head: ScanResult,
  base: ScanResult,
  view: Extract<NarrowHead, { kind: 'narrow' }> | undefined,
  workspace: string,
): Promise<{ names: string[]; readers: string[]; linked: string[] } | undefined> {
  const atHead = reachOf(head)
  const atBase = reachOf(base)
  const gone = {
    names: atBase.names.filter((n) => !atHead.names.includes(n)),
    unnamed: atBase.unnamed && !atHead.unnamed,
    targets: atBase.targets.filter((n) => !atHead.targets.includes(n)),
  }
  if (gone.names.length + gone.targets.length === 0 && !gone.unnamed) return undefined
  const judged = new Set(alsoKeys(plan))
  const textOf = checkoutTexts(workspace)
  const found = await reachedUnits(
    input,
    index,
    gone,
    untouchedUnits(head, view, workspace).filter((u) => !judged.has(u.key)),
    textOf,
    input.scanOptions.varFiles.flatMap((f) => textOf(path.resolve(f)) ?? []),
  )
  return found.readers.length + found.linked.length > 0
    ? { names: [...gone.names, ...gone.targets], ...found }
    : undefined
}

/** The untouched units judged at head and base besides those the change touches. */
const alsoKeys = (plan: UnitPlan): string[] => [...plan.readers, ...plan.linked, ...plan.providers]

/** Which files of the head may hold what `search` looks for (src/compare/grep-filter.ts). */
const mayHoldOf = (
  input: EvaluateInput,
  index: HeadIndexRead | undefined,
  search: Search,
): Promise<MayHold | undefined> => grepFilter(input.workspace, index, search, input.git ?? runGit)

/** The VNets and firewalls the units `keys` of a scan read of other units (ScanResult.crossUnit needs). */
const wantedNames = (result: ScanResult, keys: ReadonlySet<string>): string[] => [
  ...new Set(
    (result.crossUnit ?? [])
      .filter((c) => keys.has(c.key))
      .flatMap((c) => [...c.needs, ...(c.firewallNeeds ?? [])].map((n) => n.name.toLowerCase())),
  ),
]

/**
 * What the units `keys` of a scan (all judged units without it) change for units they do not judge
 * (ScanResult.crossUnit): the VNets and firewalls they declare (their readers are judged with them), whether
 * one of those has a name the scan could not evaluate (then no reader can be told by name), the VNets their
 * Virtual WAN hub connections connect and the VPN gateways their sites connect to, which other units declare
 * (those units are judged again with the hub's connection or the site in a full scan).
 */
function reachOf(
  result: ScanResult,
  keys?: ReadonlySet<string>,
): { names: string[]; unnamed: boolean; targets: string[] } {
  const cross = (result.crossUnit ?? []).filter((c) => !keys || keys.has(c.key))
  return {
    names: declaredNames(result, keys),
    unnamed: cross.some((c) => c.declaresUnnamed === true),
    targets: [
      ...new Set(
        cross
          .flatMap((c) => [...(c.connects ?? []).map((n) => n.name), ...(c.siteGateways ?? [])])
          .map((n) => n.toLowerCase()),
      ),
    ],
  }
}

/**
 * The untouched `units` a change to what `reach` describes reaches: readers of the VNets and firewalls named
 * (src/compare/vnet-readers.ts), every unit reading one of another unit when a name is not known, and (as
 * `linked`) the units that may declare the VNets connected or the gateways linked to (src/compare/vnet-providers.ts).
 */
async function reachedUnits(
  input: EvaluateInput,
  index: HeadIndexRead | undefined,
  reach: ReturnType<typeof reachOf>,
  units: readonly UnitFiles[],
  textOf: TextOf,
  shared: readonly string[],
): Promise<{ readers: string[]; linked: string[] }> {
  const readers =
    reach.names.length > 0
      ? vnetReaders(reach.names, units, textOf, await mayHoldOf(input, index, readerSearch(reach.names)))
      : []
  if (reach.unnamed)
    for (const k of anyVnetReaders(units, textOf, await mayHoldOf(input, index, anyReaderSearch)))
      if (!readers.includes(k)) readers.push(k)
  const linked =
    reach.targets.length > 0
      ? vnetProviders(
          reach.targets,
          units.filter((u) => !readers.includes(u.key)),
          textOf,
          shared,
          await mayHoldOf(input, index, providerSearch(reach.targets)),
        )
      : []
  return { readers, linked }
}

/** Rounds of judging the head again to follow what the units found reach; past them, said in the log and summary. */
const MAX_ROUNDS = 6

/**
 * Adds to a narrow head scan the untouched units a full scan would judge the changed ones with: readers of
 * the VNets and firewalls they declare (src/compare/vnet-readers.ts) and the units declaring the VNets their
 * hub connections connect or the gateways their sites link to ("linked"), judged with their facts and
 * compared; and what the linked units reach in turn (the spokes of a hub whose gateway a changed site links
 * to: a full scan gives them the site with the hub's VNet). A reader's own readers are not followed: what a
 * unit tells the others comes from its own files (its first judgement), the same at head and base. Providers of the VNets and firewalls they read
 * (src/compare/vnet-providers.ts) are judged for the facts they give. Each round judges the head again with
 * the units found (`rescan`), until a round finds none; a provider's own needs are not followed (its
 * findings are context, the same at head and base). Units naming a VPN gateway the units judged declare
 * (a site linked to it) are providers too. Fills plan.readers, plan.linked and plan.providers.
 */
async function alsoJudge(
  input: EvaluateInput,
  plan: UnitPlan,
  first: ScanResult,
  firstView: Extract<NarrowHead, { kind: 'narrow' }> | undefined,
  index: HeadIndexRead | undefined,
  log: string[],
  notes: string[],
  rescan: (
    also: string[],
  ) => Promise<{ result: ScanResult; view: Extract<NarrowHead, { kind: 'narrow' }> | undefined }>,
): Promise<{ readers: number; providers: number }> {
  const { workspace } = input
  const textOf = checkoutTexts(workspace)
  const shared = input.scanOptions.varFiles.flatMap((f) => textOf(path.resolve(f)) ?? [])
  const changedKeys = (first.units ?? []).filter((u) => u.judged).map((u) => u.key)
  let result = first
  let view = firstView
  const readers: string[] = []
  const linked: string[] = []
  const providers: string[] = []
  // Units whose declarations were followed: the changed ones, then each linked unit, once.
  const followed = new Set<string>()
  // VPN gateway names looked for in the untouched units' text, once each.
  const searchedGateways = new Set<string>()
  const list = (keys: readonly string[]) => `${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', …' : ''}`
  for (let round = 0; ; round++) {
    const fresh = new Set([...changedKeys, ...linked].filter((k) => !followed.has(k)))
    fresh.forEach((k) => followed.add(k))
    const judged = new Set([...changedKeys, ...readers, ...linked, ...providers])
    const candidates = untouchedUnits(result, view, workspace).filter((u) => !judged.has(u.key))
    const reach = reachOf(result, fresh)
    const found =
      fresh.size > 0
        ? await reachedUnits(input, index, reach, candidates, textOf, shared)
        : { readers: [], linked: [] }
    readers.push(...found.readers)
    linked.push(...found.linked)
    const wanted = wantedNames(result, new Set([...changedKeys, ...readers, ...linked]))
    const taken = new Set([...found.readers, ...found.linked])
    const foundProviders =
      wanted.length > 0
        ? vnetProviders(
            wanted,
            candidates.filter((u) => !taken.has(u.key)),
            textOf,
            shared,
            await mayHoldOf(input, index, providerSearch(wanted)),
          )
        : []
    providers.push(...foundProviders)
    // The VPN gateways the units judged declare (a provider's too: a spoke is judged with its hub's gateway):
    // a unit linking a site to one gives the gateway what it propagates, as in a full scan.
    const gateways = [
      ...new Set((result.crossUnit ?? []).flatMap((c) => c.gateways ?? []).map((n) => n.toLowerCase())),
    ].filter((n) => !searchedGateways.has(n))
    gateways.forEach((n) => searchedGateways.add(n))
    const given = new Set([...taken, ...foundProviders])
    const siteProviders =
      gateways.length > 0
        ? namingUnits(
            gateways,
            candidates.filter((u) => !given.has(u.key)),
            textOf,
            await mayHoldOf(input, index, namingSearch(gateways)),
          )
        : []
    providers.push(...siteProviders)
    if (found.readers.length > 0)
      log.push(
        `Head: ${plural(found.readers.length, 'unit')} the change does not touch may read the VNets or firewalls ` +
          `it reaches (${reach.unnamed ? 'one of them not named, ' : ''}${list(reach.names)}): judged with it (${list(found.readers)}).`,
      )
    if (found.linked.length > 0)
      log.push(
        `Head: ${plural(found.linked.length, 'unit')} the change does not touch may declare the VNets its hub ` +
          `connections connect or the gateways its sites link to (${list(reach.targets)}): judged with it (${list(found.linked)}).`,
      )
    if (foundProviders.length > 0)
      log.push(
        `Head: ${plural(foundProviders.length, 'unit')} the change does not touch may declare what the units judged read ` +
          `(${list(wanted)}): judged with them (${list(foundProviders)}).`,
      )
    if (siteProviders.length > 0)
      log.push(
        `Head: ${plural(siteProviders.length, 'unit')} the change does not touch may link sites to the VPN gateways ` +
          `of the units judged (${list(gateways)}): judged with them (${list(siteProviders)}).`,
      )
    if (found.readers.length + found.linked.length + foundProviders.length + siteProviders.length === 0) break
    ;({ result, view } = await rescan([...readers, ...linked, ...providers]))
    if (round + 1 === MAX_ROUNDS) {
      const why =
        `what the units found after ${MAX_ROUNDS} rounds reach in turn (readers of their VNets, providers of ` +
        'what they read, units linking sites to their gateways) was not followed further'
      log.push(`Head: ${why}.`)
      notes.push(`Of the units this change can reach, ${why}: a full scan (scope \`all\`) judges them.`)
      break
    }
  }
  plan.readers = readers
  plan.linked = linked
  plan.providers = providers
  return { readers: readers.length + linked.length, providers: providers.length }
}

export async function evaluate(input: EvaluateInput): Promise<Evaluation> {
  const { ctx, workspace } = input
  const notes: string[] = []
  const warnings: string[] = []
  const log: string[] = []
  let changed: ChangedFilesResult | undefined
  let comparison: Comparison | undefined
  const compareBase =
    comparesWithBase(ctx) && (input.scope === 'new' || input.wantComparison) && !!ctx.baseSha
  // git's half of the base (and of the head's index) needs nothing from the changed files: started first,
  // so their processes run while the API answers.
  const baseTree = compareBase && ctx.baseSha ? startBaseTree(input, ctx.baseSha) : undefined
  const headIndex = mayNarrow(input) ? startHeadIndex(input) : undefined
  if (comparesWithBase(ctx)) {
    changed = await changedFiles({
      ...(input.octokit ? { octokit: input.octokit } : {}),
      owner: ctx.owner,
      repo: ctx.repo,
      ...(ctx.prNumber !== undefined ? { prNumber: ctx.prNumber } : {}),
      ...(ctx.baseSha ? { baseSha: ctx.baseSha } : {}),
      headSha: ctx.headSha,
      repoDir: workspace,
      ...(input.git ? { git: input.git } : {}),
      ...(input.earlyFiles ? { early: input.earlyFiles } : {}),
    })
    warnings.push(...changed.warnings.map((w) => `changed files: ${w}`))
  }
  const plan = unitPlan(input, changed)
  // `new` without a base to compare with falls back to judging everything: then the whole head is judged.
  if (input.scope === 'new' && !compareBase) plan.narrow = false
  const changedHere = plan.changed ? changedUnder(plan.changed, workspace) : undefined
  if (changed && baseTree) plan.baseTree = baseTree
  const index = plan.narrow && headIndex ? await headIndex : undefined
  let view = index ? await headFromIndex(input, plan, index, log) : undefined
  // The index names the units the head judges: with only modified files (the base's layout is the head's),
  // the base's files for them are written while the head is scanned.
  let early =
    view && compareBase && ctx.baseSha && modifiedOnly(plan.changed)
      ? baseFiles(
          input,
          ctx.baseSha,
          {
            ...plan,
            headHashes: new Map(view.unitKeys.map((k) => [k, ''])),
            headCalls: view.calls,
            headUnitFiles: { files: view.unitFiles, units: view.affected },
          },
          log,
        )
      : undefined
  // Handled where it is awaited (scanBase); until then a failure must not count as an unhandled rejection.
  early?.catch(() => undefined)
  const fullScanOptions: ScanOptions = {
    ...input.scanOptions,
    repoRoot: workspace,
    ...(input.config ? { config: input.config } : {}),
  }
  const dropEarly = async () => {
    await early?.then(
      (c) => c.cleanup(),
      () => undefined,
    )
    early = undefined
  }
  const scanHead = (also: readonly string[]) =>
    scanIsolated({
      ...fullScanOptions,
      ...(plan.narrow || compareBase
        ? {
            units: {
              keyRoot: scanDir(input.scanOptions.path),
              ...(compareBase ? { hashRoot: workspace } : {}),
              ...(changedHere ? { touched: changedHere.paths } : {}),
              ...(plan.narrow && changedHere ? { changed: changedHere } : {}),
              ...(view ? { files: view.files } : {}),
              ...(also.length > 0 ? { also: [...also] } : {}),
            },
          }
        : {}),
    }).catch(async (err: unknown) => {
      await dropEarly()
      throw err
    })
  const headScan = scanHead([])
  // The head is in the worker: the GitHub client (for the check run, or the changed files' next page)
  // loads now, while this thread would wait for it (a failure is met where it is awaited).
  if (input.octokit) Promise.resolve(input.octokit).catch(() => undefined)
  let result = await headScan
  // What the base needs of the head's scan (again after the head is judged again, below).
  const planFromHead = () => {
    plan.headSkipped = view ? view.untouched : 0
    plan.headHashes = new Map()
    plan.crossDependent = new Set()
    // Units whose findings rest on other units' VNets, and (when there are any) the units declaring VNets:
    // judged again at base, so each side's readers meet that side's facts.
    const cross = result.crossUnit ?? []
    for (const c of cross)
      if (c.needs.length > 0 || (c.firewallNeeds ?? []).length > 0 || c.facts) plan.crossDependent.add(c.key)
    if (plan.crossDependent.size > 0)
      for (const c of cross) if (c.declares.length > 0) plan.crossDependent.add(c.key)
    // Readers and providers are judged for what they give or take across units: never taken from the head.
    for (const k of alsoKeys(plan)) plan.crossDependent.add(k)
    for (const u of result.units ?? []) {
      if (u.why === 'untouched') plan.headSkipped++
      else if (u.hash !== undefined) plan.headHashes.set(u.key, u.hash)
    }
    if (result.terraformCalls) plan.headCalls = result.terraformCalls
    // The head's judged units with their files: each has them when the head judged only what the change touches.
    const judged = (result.units ?? []).filter((u) => u.judged)
    if (plan.narrow && judged.every((u) => u.files !== undefined))
      plan.headUnitFiles = { files: judged.flatMap((u) => u.files!), units: judged.length }
    if (compareBase) {
      const cache = plan.cache ?? unitCacheFor(input)
      if (cache) {
        plan.cache = cache
        // The head's units are the next pull request's base once this one is merged.
        storeUnits(cache, result, workspace)
      }
    }
  }
  // The base scan of the units the change touches starts now, in the scan worker, beside the search for the
  // untouched units they reach (alsoJudge: a git grep and the files it names, on this thread). When the search
  // finds none, as it does for most changes, it is the base scan this run needs, with the same plan; when it
  // finds some, the head is judged again with them and so is the base (the speculative scan is awaited first:
  // the worker is needed back, and its base files were the changed units' alone).
  let speculative:
    Promise<{ base: { result: ScanResult; root: string }; side: UnitPlan; log: string[] }> | undefined
  if (plan.narrow && changed && compareBase && ctx.baseSha && early) {
    planFromHead()
    const side: UnitPlan = {
      ...plan,
      readers: [],
      linked: [],
      providers: [],
      reused: new Set(),
      fromCache: new Map(),
      baseJudged: 0,
    }
    const sideLog: string[] = []
    const checkout = early
    early = undefined
    speculative = scanBase(input, ctx.baseSha, side, result, sideLog, checkout).then((base) => ({
      base,
      side,
      log: sideLog,
    }))
    // Awaited below (or dropped); until then a failure must not count as an unhandled rejection.
    speculative.catch(() => undefined)
    // The base scan reaches the worker after a few promise turns (its files are awaited first); alsoJudge's
    // first steps are this thread's work (the untouched units, starting git grep), which held the worker
    // idle until they were done. A turn of the event loop lets the base scan go first.
    await new Promise((next) => setImmediate(next))
  }
  if (plan.narrow) {
    const added = await alsoJudge(input, plan, result, view, index, log, notes, async (also) => {
      await speculative?.catch(() => undefined)
      speculative = undefined
      // The base's files written early are those of the units the change touches alone.
      await dropEarly()
      if (index) view = await headFromIndex(input, plan, index, log, also)
      result = await scanHead(also)
      return { result, view }
    })
    if (!compareBase && added.readers > 0)
      notes.push(
        `This change touches units that declare virtual networks (${declaredNames(result).slice(0, 3).join(', ')}): ` +
          'the units it does not touch that may read them were judged with it at head; without a base commit to compare ' +
          'with, their findings are not told new from inherited.',
      )
  }
  planFromHead()
  const narrowNote = () => {
    const sides = compareBase ? 'at head and base' : 'at head'
    const list = (keys: readonly string[]) => keys.slice(0, 3).join(', ') + (keys.length > 3 ? ', …' : '')
    const were = (n: number) => (n === 1 ? 'was' : 'were')
    return (
      `Judged the deployment units this change can affect; ` +
      `${plural(plan.headSkipped, 'unit')} it does not touch ${were(plan.headSkipped)} not judged (scope \`${input.scope}\`)` +
      (plan.readers.length > 0
        ? `; ${plural(plan.readers.length, 'unit')} it does not touch ${were(plan.readers.length)} judged with it ${sides}, ` +
          `as ${plan.readers.length === 1 ? 'it' : 'they'} may read the virtual networks or firewalls it changes: ${list(plan.readers)}`
        : '') +
      (plan.linked.length > 0
        ? `; ${plural(plan.linked.length, 'unit')} it does not touch ${were(plan.linked.length)} judged with it ${sides}, ` +
          `as ${plan.linked.length === 1 ? 'it' : 'they'} may declare the virtual networks its hub connections connect ` +
          `or the gateways its sites link to: ${list(plan.linked)}`
        : '') +
      (plan.providers.length > 0
        ? `; ${plural(plan.providers.length, 'unit')} it does not touch ${were(plan.providers.length)} judged ${sides} for what ` +
          `${plan.providers.length === 1 ? 'it declares' : 'they declare'} that the units it judges read (virtual networks, firewalls, sites linked to their gateways): ` +
          `${list(plan.providers)}`
        : '') +
      '.'
    )
  }
  const noteAt = notes.length
  if (plan.narrow) notes.push(narrowNote())
  if (changed) {
    if (compareBase && ctx.baseSha) {
      try {
        // The speculative base scan stands when no untouched unit was added to the head's (its failure is
        // met again below, as without it).
        const taken =
          speculative && alsoKeys(plan).length === 0 ? await speculative.catch(() => undefined) : undefined
        if (taken) {
          plan.reused = taken.side.reused
          plan.fromCache = taken.side.fromCache
          plan.baseJudged = taken.side.baseJudged
          log.push(...taken.log)
        }
        let base = taken?.base ?? (await scanBase(input, ctx.baseSha, plan, result, log, early))
        early = undefined
        // Readers of a VNet or firewall only the base declares (the change removes or renames it): judged too,
        // at head (where what they read is gone) and base, as a full scan of each side judges them.
        const gone = plan.narrow
          ? await baseOnlyReaders(input, index, plan, result, base.result, view, workspace)
          : undefined
        if (gone) {
          plan.readers.push(...gone.readers)
          plan.linked.push(...gone.linked)
          const units = [...gone.readers, ...gone.linked]
          log.push(
            `Base: ${plural(units.length, 'unit')} the change does not touch may read or declare what it removes, renames ` +
              `or disconnects (${gone.names.slice(0, 5).join(', ')}): judged at head and base (${units.slice(0, 5).join(', ')}).`,
          )
          const also = alsoKeys(plan)
          if (index) view = await headFromIndex(input, plan, index, log, also)
          result = await scanHead(also)
          planFromHead()
          notes[noteAt] = narrowNote()
          plan.reused = new Set()
          plan.fromCache = new Map()
          plan.baseJudged = 0
          base = await scanBase(input, ctx.baseSha, plan, result, log)
        }
        comparison = compareFindings(base.result.findings, result.findings, {
          baseRoot: base.root,
          headRoot: workspace,
          renamed: renamesFrom(changed.files ?? []),
        })
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err)
        warnings.push(`the base commit ${ctx.baseSha.slice(0, 12)} could not be scanned: ${why}`)
      }
    }
  }
  warnings.push(...(plan.cache?.warnings ?? []))
  // Without the base, `new` falls back to judging every finding: the units left out must be judged too.
  if (plan.narrow && input.scope === 'new' && !comparison) {
    result = await scanIsolated(fullScanOptions)
    notes.pop()
  }

  // A subnet newly exposed to a path that was already broken: the finding says which.
  for (const [f, subnets] of comparison?.newSubnets ?? [])
    f.message += ` This change newly exposes ${subnetList(subnets, f)} to it.`
  const known = changed && changed.source !== 'none' ? changed : undefined
  const changedLines = known ? changedLinesOf(known) : undefined
  const scoped = applyScope({
    scope: input.scope,
    findings: result.findings,
    ...(comparison ? { comparison } : {}),
    ...(known && changedLines ? { changedPaths: known.paths, changedLines } : {}),
    units: { scanRoot: result.root, varFiles: input.scanOptions.varFiles },
    root: workspace,
  })
  if (scoped.note) notes.push(`Scope \`${input.scope}\` fell back to \`${scoped.scope}\`: ${scoped.note}.`)
  const isDeployed = (f: Finding) => f.deployed === true
  const causes = changedLines
    ? causeAnnotations(
        scoped.failing.filter((f) => !isDeployed(f)),
        changedLines,
        workspace,
        (f) => {
          const subnets = comparison?.newSubnets.get(f)
          return subnets ? `newly exposes ${subnetList(subnets, f)}` : undefined
        },
      )
    : []
  return {
    causes,
    result,
    scope: scoped.scope,
    failing: scoped.failing.filter((f) => !isDeployed(f)),
    listed: scoped.listed.filter((f) => !isDeployed(f)),
    deployed: result.findings.filter(isDeployed),
    deployedFailing: scoped.failing.filter(isDeployed),
    ...(comparison ? { comparison } : {}),
    ...(changed ? { changed } : {}),
    notes,
    warnings,
    log,
  }
}
