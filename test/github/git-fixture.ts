/**
 * A real git repository for the tests, built in a temp dir: an "origin" with a base commit and a head
 * commit on a branch, and optionally a shallow clone of the head the way actions/checkout leaves it.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
    },
  }).trim()
}

function write(dir: string, files: Record<string, string | null>): void {
  for (const [name, content] of Object.entries(files)) {
    const p = path.join(dir, name)
    if (content === null) fs.rmSync(p)
    else {
      fs.mkdirSync(path.dirname(p), { recursive: true })
      fs.writeFileSync(p, content)
    }
  }
}

export interface GitFixture {
  root: string
  origin: string
  baseSha: string
  headSha: string
  cleanup(): void
}

/**
 * origin: main has `base` (plus `mainCommits` unrelated commits after the branch point, so the
 * merge base is not the base tip); branch `feature` has `head`. A `null` content deletes the file.
 */
export function makeRepo(
  base: Record<string, string>,
  head: Record<string, string | null>,
  opts: { featureCommits?: number; mainCommits?: number } = {},
): GitFixture {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-guard-git-'))
  const origin = path.join(root, 'origin')
  fs.mkdirSync(origin)
  git(origin, 'init', '-q', '-b', 'main')
  // GitHub serves any reachable commit by sha; a local origin needs telling.
  git(origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true')
  write(origin, base)
  git(origin, 'add', '-A')
  git(origin, 'commit', '-q', '-m', 'base')
  git(origin, 'checkout', '-q', '-b', 'feature')
  for (let i = 0; i < (opts.featureCommits ?? 0); i++) {
    write(origin, { [`feature-${i}.txt`]: `${i}\n` })
    git(origin, 'add', '-A')
    git(origin, 'commit', '-q', '-m', `feature ${i}`)
  }
  write(origin, head)
  git(origin, 'add', '-A')
  git(origin, 'commit', '-q', '-m', 'head')
  const headSha = git(origin, 'rev-parse', 'HEAD')
  git(origin, 'checkout', '-q', 'main')
  for (let i = 0; i < (opts.mainCommits ?? 0); i++) {
    write(origin, { [`main-${i}.txt`]: `${i}\n` })
    git(origin, 'add', '-A')
    git(origin, 'commit', '-q', '-m', `main ${i}`)
  }
  const baseSha = git(origin, 'rev-parse', 'HEAD')
  return { root, origin, baseSha, headSha, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) }
}

/** `actions/checkout` with fetch-depth 1: only the head commit, no history, no base. */
export function shallowClone(fx: GitFixture): string {
  const dir = path.join(fx.root, 'checkout')
  git(fx.root, 'clone', '-q', '--depth=1', '--branch', 'feature', `file://${fx.origin}`, dir)
  return dir
}
