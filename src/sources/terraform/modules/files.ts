/**
 * The Terraform files of one installed module directory. Only the directory itself is read, not its
 * subdirectories: a module is the .tf files of one directory, and every module it calls (even a local
 * `./modules/x` inside a registry package) has its own manifest entry. Examples and tests shipped in a
 * package are thereby never taken for the user's configuration.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { classify, isInside, type DiscoveredFile } from '../../parsing/discover'

/** Most files read from one module directory. */
export const MAX_MODULE_FILES = 500

export function moduleFiles(dir: string, scanRoot: string): DiscoveredFile[] {
  let entries: fs.Dirent[]
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true })
  } catch {
    return []
  }
  const out: DiscoveredFile[] = []
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const kind = classify(e.name)
    if (kind !== 'terraform' && kind !== 'terraform-json') continue
    const full = path.join(dir, e.name)
    if (e.isSymbolicLink()) {
      let real: string
      try {
        real = fs.realpathSync(full)
      } catch {
        continue
      }
      if (!isInside(scanRoot, real) || !fs.statSync(real).isFile()) continue
    } else if (!e.isFile()) continue
    out.push({ path: full, kind })
    if (out.length >= MAX_MODULE_FILES) break
  }
  return out
}
