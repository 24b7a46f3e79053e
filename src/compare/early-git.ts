/**
 * The git processes of a pull request's run that need nothing but the event and the workspace: the base
 * commit's tree (src/compare/base-tree.ts readBaseTree) and the head's index (src/compare/head-index.ts
 * readHeadIndex). The action's entry starts them before it loads the rest of its code, so git works while
 * that code loads (a third of a second of the run's start, more on a busy runner), where it used to start
 * only after. The run takes them when they are for its workspace and base commit; what they give is parsed
 * and judged there, exactly as when the run starts them itself.
 *
 * Only node's own modules and the git runner here: what the entry imports is loaded before anything starts.
 */
import * as path from 'node:path'
import { readRunContext, comparesWithBase } from '../github/context'
import { runGit, type GitRunner } from '../github/git'

/** readBaseTree's processes: where the workspace lies and is the commit here, its tree, the line-end settings. */
export interface BaseTreeReads {
  /** `git rev-parse --show-prefix --verify --quiet <sha>^{commit}`; undefined when it failed (the commit is missing). */
  both: Promise<string | undefined>
  /** `git ls-tree -r -z --full-tree <sha>`, as printed. */
  listed: Promise<string>
  /** `git config --get-regexp` of core.autocrlf and core.eol; '' when neither is set. */
  converts: Promise<string>
}

/** readHeadIndex's processes: the index with its tags, and the .tf lines holding a quoted relative path. */
export interface HeadIndexReads {
  listed: Promise<string>
  /** '' when no line matches. */
  grep: Promise<string>
}

/** The reads started for `workspace` (and the base commit `sha`). */
export interface EarlyGit {
  workspace: string
  sha: string
  base: BaseTreeReads
  head: HeadIndexReads
}

/** Awaited where they are used, or never: until then a failure must not count as an unhandled rejection. */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined)
  return p
}

/** A commit id as git prints it: anything else (an option, a ref expression) never reaches git's command line. */
export const isSha = (sha: string): boolean => /^[0-9a-f]{7,64}$/i.test(sha)

/** Starts readBaseTree's three git processes together (each wait for one is also a wait for the main thread). */
export function baseTreeReads(git: GitRunner, repoDir: string, sha: string): BaseTreeReads {
  if (!isSha(sha)) throw new Error(`not a commit sha: ${sha}`)
  return {
    both: quiet(
      git(['rev-parse', '--show-prefix', '--verify', '--quiet', `${sha}^{commit}`], repoDir).catch(
        () => undefined,
      ),
    ),
    listed: quiet(git(['ls-tree', '-r', '-z', '--full-tree', sha], repoDir)),
    // Exits 1 when neither is set.
    converts: quiet(git(['config', '--get-regexp', '^core\\.(autocrlf|eol)$'], repoDir).catch(() => '')),
  }
}

/** Starts readHeadIndex's two git processes together. */
export function headIndexReads(git: GitRunner, workspace: string): HeadIndexReads {
  return {
    // Tracked entries (-s: mode, blob id, stage), and tagged (-t) beside them: untracked ones (`?`, ignored
    // too, as discovery does not read .gitignore; a wholly untracked directory once), changed (`C`) and
    // deleted (`R`) ones, sparse (`S`) or conflicted (`M`) ones.
    listed: quiet(git(['ls-files', '-z', '-t', '-s', '-o', '-m', '-d', '--directory'], workspace)),
    // The user's grep.lineNumber or grep.column would change the output: said off here.
    grep: quiet(
      git(
        [
          'grep',
          '--no-color',
          '--no-line-number',
          '--no-column',
          '-a',
          '-z',
          '-F',
          '-e',
          '"./',
          '-e',
          '"../',
          '--',
          '*.tf',
        ],
        workspace,
      ).catch((err: unknown) => {
        // git grep exits 1, saying nothing, when no line matches; a real failure says why on stderr.
        if (err instanceof Error && /^git grep failed: Command failed/.test(err.message)) return ''
        throw err
      }),
    ),
  }
}

/**
 * The reads of a run on an event with a base commit to compare with (GITHUB_EVENT_PATH, GITHUB_WORKSPACE),
 * started now; undefined on any other event or when the event cannot be read (the run then reads it and
 * says why). Never throws.
 */
export function startEarlyGit(env: NodeJS.ProcessEnv, git: GitRunner = runGit): EarlyGit | undefined {
  try {
    const ctx = readRunContext(env)
    if (!comparesWithBase(ctx) || !ctx.baseSha || !isSha(ctx.baseSha)) return undefined
    const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd())
    return {
      workspace,
      sha: ctx.baseSha,
      base: baseTreeReads(git, workspace, ctx.baseSha),
      head: headIndexReads(git, workspace),
    }
  } catch {
    return undefined
  }
}
