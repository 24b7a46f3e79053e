/**
 * Finds the files a scan reads. Walks the root without following symlinks that lead outside it, skips
 * tool and dependency directories, and classifies what it finds. Size and encoding are checked where
 * the file is read (see read-source.ts), so that the check is not done twice.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { childPath, isInside } from './read-source'

export type SourceKind =
  'terraform' | 'terraform-json' | 'tfvars' | 'tfvars-json' | 'bicep' | 'bicepparam' | 'json'

/** Kinds the Terraform parser reads (in worker threads). */
export const TERRAFORM_KINDS: ReadonlySet<SourceKind> = new Set([
  'terraform',
  'terraform-json',
  'tfvars',
  'tfvars-json',
])

export interface DiscoveredFile {
  /** Absolute path. */
  path: string
  kind: SourceKind
}

/**
 * Files whose directory entry said a regular file (not a symbolic link) in a directory walked by its real
 * path: readSource may skip their lstat. By object, not a field: a DiscoveredFile is plain data that
 * other routes (a pull request's base tree) make too.
 */
const listedRegular = new WeakSet<DiscoveredFile>()

/** Did discover() see this file as a regular file, not a link? */
export function isListedRegular(f: DiscoveredFile): boolean {
  return listedRegular.has(f)
}

/**
 * Files discover() listed in a directory that held no entry named `.terraform` (no directory, file or
 * link): `terraform init` has left no module manifest there. Most roots of a large repository were never
 * initialised, and looking for each one's manifest was a syscall per unit.
 */
const listedWithoutTerraformDir = new WeakSet<DiscoveredFile>()

/** Did discover() list this file in a directory without a `.terraform` entry? */
export function isListedWithoutTerraformDir(f: DiscoveredFile): boolean {
  return listedWithoutTerraformDir.has(f)
}

export interface Discovery {
  files: DiscoveredFile[]
  /** Entries passed over, with why (symlink outside the root...), for notices. */
  skipped: { path: string; reason: string }[]
}

/** Directories that never hold the user's network code. */
export const SKIP_DIRS = new Set(['.git', 'node_modules', '.terraform', '.terragrunt-cache', 'dist'])

/** Directories of module tests and examples: fixtures, not the network anyone deploys. */
const TEST_FIXTURE_DIRS = new Set(['test', 'tests', 'examples'])

/**
 * Folders that hold one deployment per environment (`environments/test`, `envs/test`): a `test` in them is
 * the test environment, deployed like `prod` beside it, not a module's tests.
 */
const ENVIRONMENT_DIRS = new Set(['environments', 'environment', 'envs', 'env', 'stages', 'live'])

/**
 * Is the file (relative to the scan root, forward slashes) inside a test or example directory? The scan
 * root itself may be one: only directories below it count.
 */
export function isTestFixture(relPath: string): boolean {
  const dirs = relPath.split('/').slice(0, -1)
  return dirs.some(
    (d, i) =>
      TEST_FIXTURE_DIRS.has(d.toLowerCase()) &&
      !(d.toLowerCase() !== 'examples' && i > 0 && ENVIRONMENT_DIRS.has(dirs[i - 1]!.toLowerCase())),
  )
}

/** JSON files that are tooling, never ARM templates, parameter files or Terraform plans. */
const TOOLING_JSON = new Set([
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'bicepconfig.json',
  'renovate.json',
])

/**
 * The kind of source a path names, by its file name. The suffixes are tested on the whole path (they hold
 * no separator, so the path ends with one exactly when its name does); the name itself is cut out only for
 * JSON and for a path that ends in a separator: a pull request run classifies ~12,000 paths (git's index,
 * the base tree) on the thread that starts the scan, and path.basename for each cost it ~15 ms.
 */
export function classify(file: string): SourceKind | undefined {
  const last = file.charCodeAt(file.length - 1)
  const name = last === 47 || last === 92 ? path.basename(file) : file
  if (name.endsWith('.tf.json')) return 'terraform-json'
  if (name.endsWith('.tf')) return 'terraform'
  if (name.endsWith('.tfvars.json')) return 'tfvars-json'
  if (name.endsWith('.tfvars')) return 'tfvars'
  if (name.endsWith('.bicepparam')) return 'bicepparam'
  if (name.endsWith('.bicep')) return 'bicep'
  // Other JSON may be an ARM template, a parameter file or a `terraform show -json` plan: the content
  // decides.
  if (name.endsWith('.json')) {
    const base = path.basename(file)
    if (!TOOLING_JSON.has(base) && !base.startsWith('.')) return 'json'
  }
  return undefined
}

export { isInside }

export function discover(root: string): Discovery {
  const realRoot = fs.realpathSync(root)
  const out: Discovery = { files: [], skipped: [] }
  const stat = fs.statSync(realRoot)
  if (stat.isFile()) {
    const kind = classify(realRoot)
    if (kind) out.files.push({ path: realRoot, kind })
    return out
  }
  const seenDirs = new Set<string>()
  const walk = (dir: string): void => {
    if (seenDirs.has(dir)) return
    seenDirs.add(dir)
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true })
    } catch (e) {
      out.skipped.push({
        path: dir,
        reason: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      })
      return
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    const terraformDir = entries.some((e) => e.name === '.terraform')
    for (const entry of entries) {
      const full = childPath(dir, entry.name)
      let target = full
      let isDir = entry.isDirectory()
      let isFile = entry.isFile()
      if (entry.isSymbolicLink()) {
        try {
          target = fs.realpathSync(full)
        } catch {
          out.skipped.push({ path: full, reason: 'is a broken symbolic link' })
          continue
        }
        if (!isInside(realRoot, target)) {
          out.skipped.push({
            path: full,
            reason: 'is a symbolic link that leads outside the scanned directory',
          })
          continue
        }
        const s = fs.statSync(target)
        isDir = s.isDirectory()
        isFile = s.isFile()
      }
      if (isDir) {
        if (!SKIP_DIRS.has(entry.name)) walk(target)
      } else if (isFile) {
        const kind = classify(entry.name)
        // Keep the path as found (not the link target) so findings point where the user looks.
        if (kind) {
          const f: DiscoveredFile = { path: full, kind }
          if (!entry.isSymbolicLink()) listedRegular.add(f)
          if (!terraformDir) listedWithoutTerraformDir.add(f)
          out.files.push(f)
        }
      }
    }
  }
  walk(realRoot)
  return out
}
