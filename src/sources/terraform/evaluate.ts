/**
 * Evaluates parsed Terraform the way `terraform plan` would see it before apply, per module directory:
 * root modules with their tfvars, local child modules once per call (and per count/for_each instance),
 * variables, locals, count/for_each expansion, dynamic blocks and references between resources.
 *
 * Everything is lazy and memoised per module instance: a local, a variable, a resource instance body or a
 * module output is evaluated once, on first use, whether that use is another expression or the final walk
 * that lists every resource instance. Cycles and runaway nesting end as unknown values, never as exceptions.
 *
 * This file is the entry point: the root modules and their tfvars. module-index.ts indexes the files by
 * directory; module-instance.ts evaluates one instance of a module; instances.ts (count, for_each),
 * blocks.ts (block bodies, dynamic blocks) and attributes.ts (one argument) are the steps it takes;
 * evaluation-state.ts is what all instances share; modules/mapped.ts reads an Azure Verified Module from
 * its inputs when its code is not installed.
 */
import * as path from 'node:path'
import { makeBoundary, readSource, type ReadBoundary } from '../parsing/read-source'
import type { TerraformEvaluation } from '../evaluation/evaluated'
import { evalAttr } from './attributes'
import { EvaluationState } from './evaluation-state'
import type { Env } from './expr'
import type { HclExpr, HclFile } from './hcl-ast'
import { indexModules, type ModuleResolver } from './module-index'
import { ModuleInstance, type InputSource } from './module-instance'
import { EvalError, toPlain, UnknownHit, type Val } from './values'

export { MAX_INSTANCES } from './instances'
export { NOT_FETCHED, type ModuleResolver } from './module-index'

export interface EvaluateOptions {
  /** Scan root (absolute): file() reads nothing outside it. */
  root: string
  /** The user's var files (absolute paths, also present in `files`), lowest precedence first. */
  varFiles: string[]
  /** What file() may read; default: the scan root. */
  boundary?: ReadBoundary
  /** Registry and git modules installed (`terraform init`) or downloaded; their files are in `files`. */
  modules?: ModuleResolver
}

/**
 * Evaluates every module of the scan. `files` holds all parsed .tf, .tf.json and tfvars files (absolute
 * paths) including the user's var files, which `options.varFiles` lists in precedence order.
 */
export function evaluateTerraform(files: HclFile[], options: EvaluateOptions): TerraformEvaluation {
  const diagnostics: TerraformEvaluation['diagnostics'] = []
  for (const f of files) {
    for (const e of f.errors) {
      diagnostics.push({
        ruleId: 'KMS012',
        origin: e.origin,
        message: `Syntax error in ${path.basename(f.path)} at line ${e.origin.startLine}: ${e.message}. Terraform cannot load this file; the rest of it was read as far as possible.`,
      })
    }
  }

  const byPath = new Map(files.map((f) => [f.path, f]))
  const { dirs, roots, installedDirs } = indexModules(
    files,
    options.root,
    options.varFiles,
    options.modules?.dirs,
  )

  const boundary = options.boundary ?? makeBoundary([options.root])
  const ev = new EvaluationState(dirs, options.root, boundary, options.modules)
  ev.installedDirs = installedDirs
  ev.diagnostics.push(...diagnostics)
  const varFiles = options.varFiles.map((p) => byPath.get(p)).filter((f): f is HclFile => f !== undefined)
  for (const dir of roots) {
    const dm = dirs.get(dir)!
    // Later assignments win: directory tfvars by precedence, then the user's var files in order.
    const assigned = new Map<string, { expr: HclExpr; file: string }>()
    for (const f of [...dm.tfvars, ...varFiles]) {
      for (const a of f.body.attributes) assigned.set(a.name, { expr: a.expr, file: f.path })
    }
    const memo = new Map<string, Val>()
    const inputs: InputSource = (name) => {
      const a = assigned.get(name)
      if (!a) return undefined
      let v = memo.get(name)
      if (!v) {
        v = evalAttr(a.expr, { env: NO_REFERENCES, file: a.file })
        memo.set(name, v)
      }
      return v
    }
    try {
      new ModuleInstance(ev, dm, '', inputs, dir, []).collect()
    } catch {
      // collect() guards every evaluation; this only keeps one broken module from ending the scan.
    }
  }
  const templateFiles = ev.templateFiles()
  return {
    resources: ev.resources,
    ...(templateFiles ? { templateFiles, readLinked: (file: string) => readSource(file, boundary) } : {}),
    providerEnvironments: ev.environments,
    diagnostics: ev.diagnostics,
    ...(ev.moved.length > 0 ? { moved: ev.moved } : {}),
    ...(ev.opaqueModules.length > 0 ? { opaqueModules: ev.opaqueModules } : {}),
  }
}

/** tfvars files hold literal values: any reference in them is an error, as in Terraform. */
const NO_REFERENCES: Env = {
  lookup(name) {
    throw new EvalError(`variables files cannot refer to ${name}`)
  },
  readFile() {
    return undefined
  },
}

/**
 * What var files assign, as plain data, later files winning (as evaluateTerraform applies them); a value
 * that is not a literal (an error in a var file) is left out.
 */
export function varFileValues(files: readonly HclFile[]): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const f of files) {
    for (const a of f.body.attributes) {
      try {
        out.set(a.name, toPlain(evalAttr(a.expr, { env: NO_REFERENCES, file: f.path })))
      } catch (x) {
        if (!(x instanceof UnknownHit)) throw x
        out.delete(a.name)
      }
    }
  }
  return out
}
