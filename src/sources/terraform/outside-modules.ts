/**
 * Local modules outside the scanned directory. `scan infra/envs/prod` whose main.tf calls
 * `source = "../../modules/net"` needs that module to judge the root module: Terraform reads it from the
 * repository, so the scan does too, within the read boundary (the repository root: git's top level for
 * the CLI, the workspace for the action). Only the called directory's own configuration files are read
 * (Terraform loads a module's `.tf` and `.tf.json` files, not its subdirectories, nor var files); the
 * directory is part of the calling unit and never a unit of its own, so the scan still judges only the
 * units under the scanned path.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { classify, type DiscoveredFile } from '../parsing/discover'
import { withinBoundary, type ReadBoundary } from '../parsing/read-source'

/**
 * The configuration files of module directory `dir`, sorted; undefined when it lies outside the
 * boundary (after symbolic links) or cannot be listed: the call then stays "not part of the scan".
 */
export function moduleDirFiles(dir: string, boundary: ReadBoundary): DiscoveredFile[] | undefined {
  let real: string
  let entries: fs.Dirent[]
  try {
    real = fs.realpathSync(dir)
    if (!withinBoundary(real, boundary)) return undefined
    entries = fs.readdirSync(dir, { withFileTypes: true })
  } catch {
    return undefined
  }
  const out: DiscoveredFile[] = []
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const kind = classify(e.name)
    // readSource decides for each file (a link out of the boundary, too large) when the unit is parsed.
    if ((kind === 'terraform' || kind === 'terraform-json') && (e.isFile() || e.isSymbolicLink()))
      out.push({ path: path.join(dir, e.name), kind })
  }
  return out
}
