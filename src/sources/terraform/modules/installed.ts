/**
 * Answers the evaluator's "where is the code of this registry/git module call?" for every root module of
 * a scan, from what `terraform init` installed (`.terraform/modules/modules.json`) or what
 * --download-modules fetched. Both give the same thing: module key → directory.
 */
import * as fs from 'node:fs'
import type { SourceDiagnostic } from '../../../model/network'
import type { DiscoveredFile } from '../../parsing/discover'
import { NOT_FETCHED, type ModuleResolver } from '../module-index'
import { moduleFiles } from './files'
import { normalSource, readManifest, type InstalledModule } from './manifest'

interface RootModules {
  modules: Map<string, InstalledModule>
  /** Where they came from, for messages: `.terraform/modules/modules.json` or the download. */
  from: 'manifest' | 'download'
  /** Module key → why it could not be downloaded. */
  failed?: ReadonlyMap<string, string>
}

export class InstalledModules implements ModuleResolver {
  private readonly roots = new Map<string, RootModules>()
  readonly dirs = new Set<string>()
  private readonly realScanRoot: string

  constructor(scanRoot: string) {
    this.realScanRoot = fs.realpathSync(scanRoot)
  }

  /**
   * Reads the module manifest of a root module, if `terraform init` left one, and returns the files of
   * the modules it lists (to parse with the root module's own).
   */
  readManifest(rootDir: string, diagnostics: SourceDiagnostic[]): DiscoveredFile[] {
    const problems: { origin: SourceDiagnostic['origin']; message: string }[] = []
    const modules = readManifest(rootDir, this.realScanRoot, problems)
    for (const p of problems) diagnostics.push({ ruleId: 'KMS011', severity: 'notice', ...p })
    if (!modules) return []
    return this.add(rootDir, modules, 'manifest', this.realScanRoot)
  }

  /** Registers modules for a root module; their files must stay inside `boundary` (a real path). */
  add(
    rootDir: string,
    modules: Map<string, InstalledModule>,
    from: RootModules['from'],
    boundary: string,
    failed?: ReadonlyMap<string, string>,
  ): DiscoveredFile[] {
    this.roots.set(rootDir, { modules, from, failed })
    const files: DiscoveredFile[] = []
    const seen = new Set<string>()
    for (const m of modules.values()) {
      if (seen.has(m.dir)) continue
      seen.add(m.dir)
      this.dirs.add(m.dir)
      files.push(...moduleFiles(m.dir, boundary))
    }
    return files
  }

  has(rootDir: string): boolean {
    return this.roots.has(rootDir)
  }

  resolve(rootDir: string, key: string, source: string): { dir: string } | { reason: string } {
    const root = this.roots.get(rootDir)
    if (!root) return { reason: NOT_FETCHED }
    const failed = root.failed?.get(key)
    if (failed) return { reason: failed }
    const m = root.modules.get(key)
    const where = root.from === 'manifest' ? '.terraform/modules/modules.json' : 'the downloaded modules'
    if (!m)
      return {
        reason:
          root.from === 'manifest'
            ? `module "${key}" is not in ${where} (run \`terraform init\` again)`
            : `module "${key}" was not downloaded (its source or version is not a literal string)`,
      }
    if (root.from === 'manifest' && isRegistry(source) && normalSource(source) !== normalSource(m.source))
      return {
        reason: `${where} installed "${m.source}" for module "${key}", not "${source}" (run \`terraform init\` again)`,
      }
    return { dir: m.dir }
  }
}

function isRegistry(source: string): boolean {
  return normalSource(source).split('/').length === 4 && !source.includes('::')
}
