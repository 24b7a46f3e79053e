/**
 * Glob matching for config paths: `**` (any number of directories), `*` (within one segment), `?`.
 * Not node's path.matchesGlob: it is experimental in Node 20 and 22 (a warning on stderr, absent
 * before 20.17) and its edge cases have changed between releases; the CLI supports Node 20+ and the
 * action runs on 24, and a config must match the same files on both.
 */

const cache = new Map<string, RegExp>()

export function globToRegExp(glob: string): RegExp {
  const hit = cache.get(glob)
  if (hit) return hit
  let g = glob.replace(/\\/g, '/').replace(/^\.\//, '')
  // A pattern without a slash matches at any depth, like .gitignore (`*.json` = any JSON file).
  if (!g.includes('/')) g = `**/${g}`
  // A trailing slash or `/**` means everything under the directory.
  if (g.endsWith('/')) g += '**'
  let re = ''
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!
    if (c === '*' && g[i + 1] === '*') {
      const atStart = i === 0 || g[i - 1] === '/'
      const atEnd = i + 2 === g.length || g[i + 2] === '/'
      if (atStart && atEnd) {
        // `**/` matches zero or more directories; a final `**` matches anything.
        if (i + 2 === g.length) re += '.*'
        else {
          re += '(?:[^/]*/)*'
          i++ // the slash after ** is part of the group
        }
        i++
        continue
      }
      re += '[^/]*'
      i++
    } else if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  const out = new RegExp(`^${re}$`)
  cache.set(glob, out)
  return out
}

/** `file` is repository-relative with forward slashes. */
export function matchesGlob(file: string, glob: string): boolean {
  return globToRegExp(glob).test(file.replace(/\\/g, '/').replace(/^\.\//, ''))
}

export function matchesAny(file: string, globs: readonly string[]): boolean {
  return globs.some((g) => matchesGlob(file, g))
}
