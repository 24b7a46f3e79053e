/**
 * Indexing the scan's Terraform files by module directory, once: what each directory declares (variables,
 * locals, outputs, resources, data sources, module calls, providers, moved blocks), its auto-loaded tfvars
 * in precedence order, and which directories are root modules. Module instances share these indexes.
 */
import * as path from 'node:path'
import { staticString, attr } from './attributes'
import type { HclAttribute, HclBlock, HclFile } from './hcl-ast'
import { avmKind, type AvmKind } from './modules/avm'
import { movedBlocks, type MovedAddress } from './moved'

/** Where the code of non-local module calls is. */
export interface ModuleResolver {
  /** The directory of call `key` (`a`, `a.b`: call names from the root) of the root module in `rootDir`. */
  resolve(rootDir: string, key: string, source: string): { dir: string } | { reason: string }
  /** Every directory it may answer: they are never root modules. */
  dirs: ReadonlySet<string>
}

/** Why a registry or git module call is not evaluated when nothing installed it. */
export const NOT_FETCHED =
  'registry module not fetched (run `terraform init` before the scan, or scan with --download-modules)'

export interface Decl {
  mode: 'managed' | 'data'
  type: string
  name: string
  block: HclBlock
  file: string
}

export interface CallDecl {
  name: string
  block: HclBlock
  file: string
  source: string | undefined
  /** Resolved directory of a local source that was scanned. */
  dir: string | undefined
  /** Why the module is not evaluated (registry/git source, missing directory). */
  notFetched: string | undefined
  /** A registry or git source: the resolver may know its directory. */
  remote: boolean
  /** An Azure Verified Module read from its inputs when its code is not installed (modules/avm.ts). */
  avm?: AvmKind
}

/** What one directory declares, indexed once and shared by all instances of the module. */
export interface DirModule {
  dir: string
  variables: Map<string, { block: HclBlock; file: string }>
  locals: Map<string, { attr: HclAttribute; file: string }>
  outputs: Map<string, { block: HclBlock; file: string }>
  /** `type.name` → managed resource. */
  resources: Map<string, Decl>
  /** type → name → managed resource: references look up here, without joining a key first. */
  resourcesByType: Map<string, Map<string, Decl>>
  /** `type.name` → data source. */
  data: Map<string, Decl>
  calls: Map<string, CallDecl>
  providers: { block: HclBlock; file: string }[]
  /** Auto-loaded tfvars files of the directory, lowest precedence first. */
  tfvars: HclFile[]
  /** `moved` blocks, relative to this module. */
  moved: MovedAddress[]
}

const isConfig = (p: string): boolean => p.endsWith('.tf') || p.endsWith('.tf.json')

const isTfvars = (p: string): boolean => p.endsWith('.tfvars') || p.endsWith('.tfvars.json')

function isLocalSource(s: string): boolean {
  return s.startsWith('./') || s.startsWith('../') || s.startsWith('.\\') || s.startsWith('..\\')
}

function indexDir(dir: string, files: HclFile[]): DirModule {
  const dm: DirModule = {
    dir,
    variables: new Map(),
    locals: new Map(),
    outputs: new Map(),
    resources: new Map(),
    resourcesByType: new Map(),
    data: new Map(),
    calls: new Map(),
    providers: [],
    tfvars: [],
    moved: movedBlocks(files.map((f) => f.body)),
  }
  for (const f of files) {
    for (const b of f.body.blocks) {
      const [l0, l1] = b.labels
      switch (b.type) {
        case 'variable':
          if (l0 !== undefined && !dm.variables.has(l0)) dm.variables.set(l0, { block: b, file: f.path })
          break
        case 'locals':
          for (const a of b.body.attributes)
            if (!dm.locals.has(a.name)) dm.locals.set(a.name, { attr: a, file: f.path })
          break
        case 'output':
          if (l0 !== undefined && !dm.outputs.has(l0)) dm.outputs.set(l0, { block: b, file: f.path })
          break
        case 'resource':
        case 'data': {
          if (l0 === undefined || l1 === undefined) break
          const map = b.type === 'resource' ? dm.resources : dm.data
          const key = `${l0}.${l1}`
          if (map.has(key)) break
          const decl: Decl = {
            mode: b.type === 'resource' ? 'managed' : 'data',
            type: l0,
            name: l1,
            block: b,
            file: f.path,
          }
          map.set(key, decl)
          if (b.type === 'resource') {
            let named = dm.resourcesByType.get(l0)
            if (!named) dm.resourcesByType.set(l0, (named = new Map()))
            named.set(l1, decl)
          }
          break
        }
        case 'module': {
          if (l0 === undefined || dm.calls.has(l0)) break
          const source = staticString(attr(b.body, 'source')?.expr)
          let localDir: string | undefined
          let notFetched: string | undefined
          if (source === undefined) notFetched = 'its source is not a literal string'
          else if (isLocalSource(source)) localDir = path.resolve(dir, source.replace(/\\/g, '/'))
          else notFetched = NOT_FETCHED
          const remote = source !== undefined && localDir === undefined
          const call: CallDecl = {
            name: l0,
            block: b,
            file: f.path,
            source,
            dir: localDir,
            notFetched,
            remote,
          }
          const avm = remote ? avmKind(source) : undefined
          if (avm) call.avm = avm
          dm.calls.set(l0, call)
          break
        }
        case 'provider':
          if (l0 === 'azurerm') dm.providers.push({ block: b, file: f.path })
          break
      }
    }
  }
  return dm
}

/** tfvars precedence within a directory: terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars(.json) by name. */
function tfvarsRank(p: string): [number, string] {
  const base = path.basename(p)
  if (base === 'terraform.tfvars') return [0, base]
  if (base === 'terraform.tfvars.json') return [1, base]
  return [2, base]
}

function isAutoLoaded(p: string): boolean {
  const base = path.basename(p)
  return (
    base === 'terraform.tfvars' ||
    base === 'terraform.tfvars.json' ||
    base.endsWith('.auto.tfvars') ||
    base.endsWith('.auto.tfvars.json')
  )
}

/** Which directories are modules, what each declares, and which are root modules. */
export interface ModuleIndex {
  dirs: Map<string, DirModule>
  /** Directories evaluated as root modules, in order. */
  roots: string[]
  /** Directories of installed module code (and the local modules it calls): not the user's to edit. */
  installedDirs: Set<string>
}

/**
 * Indexes every directory of the scan. `varFiles` are the user's var files (not auto-loaded tfvars of
 * their directory); `installed` the directories of installed module code, never root modules.
 */
export function indexModules(
  files: HclFile[],
  root: string,
  varFiles: string[],
  installed: Iterable<string> = [],
): ModuleIndex {
  const configByDir = new Map<string, HclFile[]>()
  const tfvarsByDir = new Map<string, HclFile[]>()
  const varFileSet = new Set(varFiles)
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const dir = path.dirname(f.path)
    if (isConfig(f.path)) {
      let l = configByDir.get(dir)
      if (!l) configByDir.set(dir, (l = []))
      l.push(f)
    } else if (isTfvars(f.path) && isAutoLoaded(f.path) && !varFileSet.has(f.path)) {
      let l = tfvarsByDir.get(dir)
      if (!l) tfvarsByDir.set(dir, (l = []))
      l.push(f)
    }
  }

  const dirs = new Map<string, DirModule>()
  for (const [dir, fs_] of configByDir) {
    const dm = indexDir(dir, fs_)
    dm.tfvars = (tfvarsByDir.get(dir) ?? []).sort((a, b) => {
      const [ra, na] = tfvarsRank(a.path)
      const [rb, nb] = tfvarsRank(b.path)
      return ra - rb || (na < nb ? -1 : na > nb ? 1 : 0)
    })
    dirs.set(dir, dm)
  }
  // A local module directory that was not scanned cannot be evaluated.
  for (const dm of dirs.values()) {
    for (const call of dm.calls.values()) {
      if (call.dir && !dirs.has(call.dir)) {
        call.notFetched = `module directory ${path.relative(root, call.dir) || '.'} is not part of the scan`
      }
    }
  }

  // Root modules: directories no other scanned directory calls; then any directory left unreached
  // (modules that only call each other) so nothing is silently skipped.
  const called = new Set<string>()
  for (const dm of dirs.values())
    for (const c of dm.calls.values()) if (c.dir && !c.notFetched && c.dir !== dm.dir) called.add(c.dir)
  const sortedDirs = [...dirs.keys()].sort()
  const reached = new Set<string>()
  const reach = (d: string): void => {
    if (reached.has(d)) return
    reached.add(d)
    for (const c of dirs.get(d)!.calls.values()) if (c.dir && !c.notFetched && dirs.has(c.dir)) reach(c.dir)
  }
  // Installed module code (and the local modules it calls) is only ever evaluated through a call.
  for (const d of installed) if (dirs.has(d)) reach(d)
  const installedDirs = new Set(reached)
  const roots = sortedDirs.filter((d) => !called.has(d) && !installedDirs.has(d))
  roots.forEach(reach)
  for (const d of sortedDirs) {
    if (!reached.has(d)) {
      roots.push(d)
      reach(d)
    }
  }
  return { dirs, roots, installedDirs }
}
