/**
 * Terraform module version constraints (`1.2.0`, `= 1.2.0`, `!= 1.3.0`, `>= 1.2, < 2.0`, `~> 1.2`),
 * checked with the semver package. `~>` is written out by hand because Terraform's pessimistic
 * operator allows only the rightmost given component to grow: `~> 1.2` is >= 1.2.0 and < 2.0.0, but
 * `~> 1.2.0` is >= 1.2.0 and < 1.3.0 (semver's `~1.2` and `^1.2` mean other things). As in Terraform,
 * a pre-release is only chosen when a constraint names it exactly.
 */
import * as semver from 'semver'

interface Term {
  op: '=' | '!=' | '>' | '>=' | '<' | '<=' | '~>'
  version: semver.SemVer
  /** How many components were written (`~> 1.2` → 2). */
  parts: number
}

export type Constraint = { ok: true; terms: Term[] } | { ok: false; reason: string }

export function parseConstraint(text: string | undefined): Constraint {
  if (text === undefined || text.trim() === '') return { ok: true, terms: [] }
  const terms: Term[] = []
  for (const piece of text.split(',')) {
    const m =
      /^\s*(=|!=|>=|<=|>|<|~>)?\s*v?(\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)\s*$/.exec(
        piece,
      )
    if (!m) return { ok: false, reason: `"${piece.trim()}" is not a version constraint` }
    const core = m[2].split(/[-+]/)[0]
    const parts = core.split('.').length
    const version = semver.coerce(m[2], { includePrerelease: true })
    const pre = /-([0-9A-Za-z.-]+)/.exec(m[2])?.[1]
    if (!version) return { ok: false, reason: `"${m[2]}" is not a version` }
    const full = pre
      ? new semver.SemVer(`${version.major}.${version.minor}.${version.patch}-${pre}`)
      : version
    terms.push({ op: (m[1] as Term['op'] | undefined) ?? '=', version: full, parts })
  }
  return { ok: true, terms }
}

function satisfiesTerm(v: semver.SemVer, t: Term): boolean {
  switch (t.op) {
    case '=':
      return semver.eq(v, t.version)
    case '!=':
      return !semver.eq(v, t.version)
    case '>':
      return semver.gt(v, t.version)
    case '>=':
      return semver.gte(v, t.version)
    case '<':
      return semver.lt(v, t.version)
    case '<=':
      return semver.lte(v, t.version)
    case '~>': {
      if (semver.lt(v, t.version)) return false
      const { major, minor } = t.version
      const upper = t.parts >= 3 ? `${major}.${minor + 1}.0-0` : `${major + 1}.0.0-0`
      return semver.lt(v, upper)
    }
  }
}

/** The newest of `versions` that meets every term; pre-releases only when a term names them. */
export function newestMatching(
  versions: readonly string[],
  c: Constraint & { ok: true },
): string | undefined {
  const exactPre = c.terms
    .filter((t) => t.op === '=' && t.version.prerelease.length > 0)
    .map((t) => t.version)
  let best: semver.SemVer | undefined
  let bestText: string | undefined
  for (const text of versions) {
    const v = semver.parse(text.replace(/^v/, ''))
    if (!v) continue
    if (v.prerelease.length > 0 && !exactPre.some((p) => semver.eq(p, v))) continue
    if (!c.terms.every((t) => satisfiesTerm(v, t))) continue
    if (!best || semver.gt(v, best)) {
      best = v
      bestText = text
    }
  }
  return bestText
}
