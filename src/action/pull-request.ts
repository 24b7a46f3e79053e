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
import { checkoutBase } from '../compare/checkout-base'
import { causeAnnotations, changedLinesOf } from '../compare/causes'
import { compareFindings, renamesFrom, subnetList, type Comparison } from '../compare/new-findings'
import { applyScope, type Scope } from '../compare/scope'
import { changedFiles, type ChangedFilesResult } from '../github/changed-files'
import type { RunContext } from '../github/context'
import type { GitRunner } from '../github/git'
import type { Octokit } from '../github/octokit'
import type { Finding } from '../rules/types'
import { scanIsolated } from '../scan-isolated'
import type { ScanOptions, ScanResult } from '../scan-types'

export interface EvaluateInput {
  ctx: RunContext
  workspace: string
  scope: Scope
  scanOptions: Pick<ScanOptions, 'path' | 'cloud' | 'varFiles' | 'planFiles' | 'deployed'>
  config?: LoadedConfig
  /** Compare with the base even when the scope does not need it (the comment's "fixed" section). */
  wantComparison?: boolean
  octokit?: Octokit
  git?: GitRunner
  /** Parent of the base checkout (RUNNER_TEMP on a runner). */
  tempRoot?: string
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
}

/** Events with a base commit to compare with. */
export function comparesWithBase(ctx: RunContext): boolean {
  return ctx.kind === 'pull_request' || ctx.kind === 'pull_request_target' || ctx.kind === 'merge_group'
}

/** `file` moved from the head checkout to the same place in the base checkout, if it lies inside the workspace. */
function inBase(file: string, workspace: string, baseDir: string): string | undefined {
  const rel = path.relative(workspace, file)
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return undefined
  return path.join(baseDir, rel)
}

async function scanBase(
  input: EvaluateInput,
  baseSha: string,
): Promise<{ result: ScanResult; root: string }> {
  const checkout = await checkoutBase(input.workspace, baseSha, {
    ...(input.git ? { git: input.git } : {}),
    ...(input.tempRoot ? { tempRoot: input.tempRoot } : {}),
  })
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
    const result = await scanIsolated(options)
    return { result, root: base }
  } finally {
    await checkout.cleanup()
  }
}

export async function evaluate(input: EvaluateInput): Promise<Evaluation> {
  const { ctx, workspace } = input
  const notes: string[] = []
  const warnings: string[] = []
  const result = await scanIsolated({
    ...input.scanOptions,
    repoRoot: workspace,
    ...(input.config ? { config: input.config } : {}),
  })

  let changed: ChangedFilesResult | undefined
  let comparison: Comparison | undefined
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
    })
    warnings.push(...changed.warnings.map((w) => `changed files: ${w}`))
    if ((input.scope === 'new' || input.wantComparison) && ctx.baseSha) {
      try {
        const base = await scanBase(input, ctx.baseSha)
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

  // A subnet newly exposed to a path that was already broken: the finding says which.
  for (const [f, subnets] of comparison?.newSubnets ?? [])
    f.message += ` This change newly exposes ${subnetList(subnets)} to it.`
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
          return subnets ? `newly exposes ${subnetList(subnets)}` : undefined
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
  }
}
