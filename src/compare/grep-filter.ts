/**
 * Which files of the head may hold what a text test of src/compare/vnet-readers.ts or vnet-providers.ts looks
 * for, from one `git grep` over the files git tracks (in C, without reading into JavaScript the thousands of
 * files that hold none of it). A file git does not track, or that differs from its index entry, may hold
 * anything.
 *
 * A search is fixed strings (`git grep -F -i`, fast) and, optionally, a test of each line holding one: a
 * file counts only where a line passes it. The strings alone are too wide where they are what every unit
 * declares: `azurerm_subnet"` is in each `resource "azurerm_subnet"`, though only a data source reads
 * another unit's subnet, and the name `afw-hub-7` is inside `afw-hub-70`. The line test narrows them to the
 * lines the text test can match on, and must pass every such line: the searches say why theirs do.
 */
import * as path from 'node:path'
import type { HeadIndexRead } from './head-index'
import { runGit, type GitRunner } from '../github/git'

/** What a file must hold (case-insensitive) for a text test to match it, and on which lines. */
export interface Search {
  strings: readonly string[]
  /**
   * Whether a line holding one of the strings can be where the text test matches (lines are split at `\n`
   * only, so a `\r` or a `\u2028` stays in them). Without it, any such line counts.
   */
  line?: (line: string) => boolean
}

/**
 * Whether a file of `workspace` may hold `search` (vnet-readers.ts MayHold); undefined (every file read) without git's
 * index of the head or when git grep fails.
 */
export async function grepFilter(
  workspace: string,
  index: HeadIndexRead | undefined,
  search: Search,
  git: GitRunner = runGit,
): Promise<((file: string) => boolean) | undefined> {
  if (!index || index.kind !== 'index' || search.strings.length === 0) return undefined
  const needles = search.strings.flatMap((n) => ['-e', n])
  // With a line test, the lines themselves (-z: the path ends at a NUL; -a: a binary file's lines too, not
  // "Binary file matches"); without one, the paths. The user's grep.lineNumber or grep.column would change
  // the output: said off here.
  const args = search.line
    ? ['grep', '--no-color', '--no-line-number', '--no-column', '-a', '-z', '-i', '-F', ...needles]
    : ['grep', '--no-color', '-l', '-z', '-i', '-F', ...needles]
  let out: string
  try {
    out = await git(args, workspace)
  } catch (err) {
    // git grep exits 1, saying nothing, when no file holds any; a real failure says why on stderr.
    if (!(err instanceof Error && /^git grep failed: Command failed/.test(err.message))) return undefined
    out = ''
  }
  const holds = new Set<string>()
  if (search.line) {
    const test = search.line
    for (const rec of out.split('\n')) {
      const nul = rec.indexOf('\0')
      if (nul < 0) continue
      const file = rec.slice(0, nul)
      if (!holds.has(file) && test(rec.slice(nul + 1))) holds.add(file)
    }
  } else for (const p of out.split('\0')) if (p !== '') holds.add(p)
  const dirty = new Set(index.dirty.map((d) => d.replace(/\/$/, '')))
  // Asked of every file of every untouched unit: a plain prefix cut where the file is under the workspace.
  const top = path.resolve(workspace) + path.sep
  return (file) => {
    const rel = (
      file.startsWith(top) && !file.includes(`${path.sep}.`)
        ? file.slice(top.length)
        : path.relative(workspace, file)
    )
      .split(path.sep)
      .join('/')
    return holds.has(rel) || !index.oids.has(rel) || dirty.has(rel)
  }
}
