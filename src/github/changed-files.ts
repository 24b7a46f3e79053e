/**
 * The files a pull request changes: from the REST API when the token can read the PR, else from git
 * (`base...head`, the same three-dot diff GitHub shows), deepening a shallow clone only as far as the
 * merge base needs.
 */
import type { Octokit } from './octokit'
import { apiFailure } from './api-failure'
import type { EarlyFiles } from './early-files'
import { hasCommit, runGit, type GitRunner } from './git'

export interface ChangedFile {
  /** Repository-relative, forward slashes. */
  path: string
  /** added, modified, removed, renamed, copied, changed, unchanged. */
  status: string
  /** The name before a rename. */
  previousPath?: string
  /** Unified diff of the file (absent for binary or very large files), for the suggestion layer. */
  patch?: string
}

export interface ChangedFilesResult {
  /** Every path touched: current names, names before renames, removed files. Sorted, unique. */
  paths: string[]
  /** Per-file detail when it came from the API (git's name-only diff has none). */
  files?: ChangedFile[]
  source: 'api' | 'git' | 'none'
  /** Why the API or git was not used or was incomplete; never holds a token. */
  warnings: string[]
}

export async function listPullFiles(
  octokit: Octokit,
  params: { owner: string; repo: string; pullNumber: number },
): Promise<ChangedFile[]> {
  const items = await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner: params.owner,
    repo: params.repo,
    pull_number: params.pullNumber,
    per_page: 100,
  })
  return items.map(toChangedFile)
}

/** One entry of pulls.listFiles, as the run keeps it. */
export function toChangedFile(f: {
  filename: string
  status: string
  previous_filename?: string
  patch?: string
}): ChangedFile {
  const out: ChangedFile = { path: f.filename, status: f.status }
  if (f.previous_filename) out.previousPath = f.previous_filename
  if (f.patch !== undefined) out.patch = f.patch
  return out
}

/** Depths tried in turn: most PRs need a few commits; a long-lived branch may need many. */
export const DEFAULT_DEPTHS = [50, 200, 1000, 5000]

/**
 * Makes sure `git merge-base base head` works in a (possibly shallow) clone: fetches both commits with
 * growing depth until it does. Returns false when it still does not (no remote, unrelated histories).
 */
export async function ensureMergeBase(
  repoDir: string,
  baseSha: string,
  headSha: string,
  git: GitRunner = runGit,
  depths: readonly number[] = DEFAULT_DEPTHS,
): Promise<boolean> {
  const mergeBase = async (): Promise<boolean> => {
    try {
      await git(['merge-base', baseSha, headSha], repoDir)
      return true
    } catch {
      return false
    }
  }
  if (
    (await hasCommit(git, repoDir, baseSha)) &&
    (await hasCommit(git, repoDir, headSha)) &&
    (await mergeBase())
  )
    return true
  for (const depth of depths) {
    try {
      // Both ends: with only the base deepened, a depth-1 head still has no parents to walk.
      await git(['fetch', '--no-tags', `--depth=${depth}`, 'origin', baseSha, headSha], repoDir)
    } catch {
      return false
    }
    if (await mergeBase()) return true
  }
  return false
}

export async function gitChangedPaths(
  repoDir: string,
  baseSha: string,
  headSha: string,
  git: GitRunner = runGit,
  depths: readonly number[] = DEFAULT_DEPTHS,
): Promise<{ paths: string[]; warnings: string[] }> {
  const warnings: string[] = []
  let range = `${baseSha}...${headSha}`
  if (!(await ensureMergeBase(repoDir, baseSha, headSha, git, depths))) {
    // Without a merge base the two-dot diff is the best left: it also shows what the base gained since.
    warnings.push(
      `no merge base of ${baseSha.slice(0, 12)} and ${headSha.slice(0, 12)}; compared the two commits directly`,
    )
    range = `${baseSha}..${headSha}`
  }
  // -z: paths with newlines or quotes come out raw instead of C-quoted. --no-renames: both names listed.
  const out = await git(['diff', '--name-only', '--no-renames', '-z', range], repoDir)
  return { paths: out.split('\0').filter((p) => p !== ''), warnings }
}

export interface ChangedFilesOptions {
  /** A promise while the client loads (src/action/main.ts): a client that fails to load is an API failure. */
  octokit?: Octokit | PromiseLike<Octokit>
  /** The list asked for at the action's start (src/github/early-files.ts). */
  early?: EarlyFiles
  owner: string
  repo: string
  prNumber?: number
  baseSha?: string
  headSha: string
  /** The checkout, for the git fallback. */
  repoDir: string
  git?: GitRunner
  depths?: readonly number[]
}

/** pulls.listFiles returns at most this many files. */
export const API_FILE_LIMIT = 3000

function sortedUnique(paths: Iterable<string>): string[] {
  return [...new Set(paths)].sort()
}

/** API first, git second; `source: 'none'` when neither works (the caller then treats every file as changed). */
export async function changedFiles(opts: ChangedFilesOptions): Promise<ChangedFilesResult> {
  const warnings: string[] = []
  if (opts.octokit && opts.prNumber !== undefined) {
    try {
      // The list the action's entry asked for (src/github/early-files.ts), when it is this pull request's and
      // came whole; its timeout is this request's (the client would wait as long again).
      const early =
        opts.early &&
        opts.early.owner === opts.owner &&
        opts.early.repo === opts.repo &&
        opts.early.prNumber === opts.prNumber
          ? await opts.early.files
          : undefined
      if (early?.kind === 'timeout') throw early.timeout
      const files =
        early?.kind === 'files'
          ? early.items.map(toChangedFile)
          : await listPullFiles(await opts.octokit, {
              owner: opts.owner,
              repo: opts.repo,
              pullNumber: opts.prNumber,
            })
      const paths = sortedUnique(files.flatMap((f) => (f.previousPath ? [f.path, f.previousPath] : [f.path])))
      if (files.length < API_FILE_LIMIT || !opts.baseSha) return { paths, files, source: 'api', warnings }
      // The API stops at 3000 files; git has them all, and the API's list is still right for what it has.
      warnings.push(`the pull request lists ${API_FILE_LIMIT} files or more, the API's limit; using git`)
      try {
        const r = await gitChangedPaths(
          opts.repoDir,
          opts.baseSha,
          opts.headSha,
          opts.git ?? runGit,
          opts.depths,
        )
        return {
          paths: sortedUnique([...paths, ...r.paths]),
          files,
          source: 'git',
          warnings: [...warnings, ...r.warnings],
        }
      } catch {
        return { paths, files, source: 'api', warnings }
      }
    } catch (err) {
      warnings.push(apiFailure(err, 'listing the pull request files failed'))
    }
  }
  if (!opts.baseSha) {
    warnings.push('no base commit to compare with')
    return { paths: [], source: 'none', warnings }
  }
  try {
    const r = await gitChangedPaths(opts.repoDir, opts.baseSha, opts.headSha, opts.git ?? runGit, opts.depths)
    return { paths: sortedUnique(r.paths), source: 'git', warnings: [...warnings, ...r.warnings] }
  } catch (err) {
    warnings.push(err instanceof Error ? err.message : String(err))
    return { paths: [], source: 'none', warnings }
  }
}
