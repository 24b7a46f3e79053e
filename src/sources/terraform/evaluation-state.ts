/**
 * What one Terraform evaluation shares across all module instances: the resources found, notices (each
 * given once), file reads through the read boundary, and the depth guard on reference chains. Also where
 * values from installed module code are placed: at the user's module block that called it.
 */
import * as path from 'node:path'
import { usedAt, type Origin } from '../../model/value'
import { IS_A_DIRECTORY, readSource, refusedReference, type ReadBoundary } from '../parsing/read-source'
import type { EvaluatedResource, OpaqueModule, TerraformEvaluation } from '../evaluation/evaluated'
import { blockOrigin } from './attributes'
import type { CallDecl, DirModule, ModuleResolver } from './module-index'
import type { MovedAddress } from './moved'
import { EvalError, type Val } from './values'
import { isArmTemplate } from '../arm/template-kind'

/** Deepest chain of references (local → variable → module output → ...) followed before giving up. */
const MAX_DEPTH = 400

/** What one evaluation shares across all module instances. */
export class EvaluationState {
  readonly resources: EvaluatedResource[] = []
  /** `moved` blocks of every module instance, with the instance's address prefix. */
  readonly moved: MovedAddress[] = []
  /** Module calls not evaluated, with what they are given (evaluated.ts OpaqueModule). */
  readonly opaqueModules: OpaqueModule[] = []
  readonly environments: string[] = []
  readonly diagnostics: TerraformEvaluation['diagnostics'] = []
  private readonly reported = new Set<string>()
  private readonly fileCache = new Map<string, string | undefined>()
  /** Directories of installed module code (and the local modules it calls): not the user's to edit. */
  installedDirs: ReadonlySet<string> = new Set()
  depth = 0

  constructor(
    readonly dirs: Map<string, DirModule>,
    readonly root: string,
    private readonly boundary: ReadBoundary,
    readonly modules?: ModuleResolver,
  ) {}

  notFetched(call: CallDecl, reason = call.notFetched, site?: Origin): void {
    const key = `${call.file}:${call.block.startLine}`
    if (this.reported.has(key)) return
    this.reported.add(key)
    this.diagnostics.push({
      ruleId: 'KMS011',
      origin: site ?? blockOrigin(call.file, call.block),
      message: `Module "${call.name}" (source "${call.source ?? '?'}") is not evaluated: ${reason}; its outputs are unknown.`,
      expression: `module.${call.name}`,
    })
  }

  /** A notice about a module call that was read (from its inputs) but leaves something open. */
  moduleNotice(call: CallDecl, message: string, site?: Origin): void {
    const key = `${call.file}:${call.block.startLine}:${message}`
    if (this.reported.has(key)) return
    this.reported.add(key)
    this.diagnostics.push({
      ruleId: 'KMS011',
      origin: site ?? blockOrigin(call.file, call.block),
      message,
      expression: `module.${call.name}`,
    })
  }

  private readonly workspaces = new Map<string, { name?: string; why: string }>()

  /**
   * The Terraform workspace a root module is applied in (`terraform.workspace`): chosen when Terraform runs,
   * so the scan knows it only as Terraform would find it: TF_WORKSPACE, else the workspace `terraform
   * workspace select` recorded in the root's .terraform/environment. Otherwise it is unknown (was: "default",
   * which passed `count = terraform.workspace == "prod" ? 1 : 0` forced tunnels in silence).
   */
  workspace(rootDir: string): { name?: string; why: string } {
    let w = this.workspaces.get(rootDir)
    if (w) return w
    const fromEnv = process.env.TF_WORKSPACE?.trim()
    if (fromEnv) w = { name: fromEnv, why: 'TF_WORKSPACE' }
    else {
      const read = readSource(path.join(rootDir, '.terraform', 'environment'), this.boundary)
      const recorded = read.ok ? read.text.trim() : ''
      w = recorded
        ? { name: recorded, why: '.terraform/environment' }
        : {
            why:
              'the workspace is chosen when Terraform runs (terraform workspace select, TF_WORKSPACE); ' +
              'set TF_WORKSPACE for the scan to judge one workspace',
          }
    }
    this.workspaces.set(rootDir, w)
    return w
  }

  environment(env: string): void {
    if (!this.environments.includes(env)) this.environments.push(env)
  }

  /**
   * file()/templatefile()/fileexists(): through the read boundary (real path inside the scan root, a
   * regular file). A refusal other than a missing file or a directory is a notice at the call, naming the
   * path written: those two fail in Terraform as well (`try(file(var.key_path), "")` with an empty path
   * reads the root directory), so they are the configuration's own error, which try()/can() may catch.
   */
  readFile(abs: string, written: string, origin: Origin): string | undefined {
    if (this.fileCache.has(abs)) return this.fileCache.get(abs)
    const read = readSource(abs, this.boundary)
    if (!read.ok && read.reason !== 'does not exist' && read.reason !== IS_A_DIRECTORY) {
      const key = `${origin.file}:${origin.startLine}:${written}`
      if (!this.reported.has(key)) {
        this.reported.add(key)
        this.diagnostics.push(refusedReference(origin, written, read.reason))
      }
    }
    const text = read.ok ? read.text : undefined
    this.fileCache.set(abs, text)
    return text
  }

  /**
   * The ARM templates file() read, by their text (identical files: each of them): an
   * azurerm_*_template_deployment's `template_content` is that text, and its findings point at the
   * template's own lines (adapters/template-deployment.ts).
   */
  templateFiles(): Map<string, string[]> | undefined {
    let out: Map<string, string[]> | undefined
    for (const [file, text] of this.fileCache) {
      if (text === undefined || !isArmTemplate(text)) continue
      out ??= new Map()
      const files = out.get(text)
      if (files) files.push(file)
      else out.set(text, [file])
    }
    return out
  }

  /** Runs `f` one level deeper, refusing to go past MAX_DEPTH (long reference chains, hidden cycles). */
  deeper<T>(f: () => T): T {
    this.enter()
    try {
      return f()
    } finally {
      this.depth--
    }
  }

  /**
   * deeper() without a closure, for what runs once per resource instance, local and output: enter() one
   * level deeper (or throw as deeper() does), then leave() in a finally.
   */
  enter(): void {
    if (this.depth >= MAX_DEPTH) throw new EvalError('references nested too deeply')
    this.depth++
  }

  leave(): void {
    this.depth--
  }
}

/** Origins inside installed module code moved to the user's module block that called it. */
export function atSite(v: Val, site: Origin, installed: ReadonlySet<string>): Val {
  const inside = installed.has(path.dirname(v.origin.file))
  // A value the user wrote and handed to the module (its `from`) stays the line to change.
  const from = v.origin.from
  const origin = !inside
    ? v.origin
    : from && !installed.has(path.dirname(from.file))
      ? usedAt(site, from)
      : site
  if (v.kind === 'list') return { ...v, origin, items: v.items.map((i) => atSite(i, site, installed)) }
  if (v.kind === 'object') {
    const attrs: Record<string, Val> = {}
    for (const k in v.attrs) attrs[k] = atSite(v.attrs[k], site, installed)
    return { ...v, origin, attrs }
  }
  return inside ? { ...v, origin } : v
}
