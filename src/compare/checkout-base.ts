/**
 * The base commit's files on disk, so the same scan() can run on them and new findings can be told
 * from existing ones. A detached worktree shares the object store (no second clone) and, unlike
 * `git archive`, does not drop files marked `export-ignore`.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { hasCommit, runGit, type GitRunner } from '../github/git'

export interface BaseCheckout {
  dir: string
  cleanup(): Promise<void>
}

export async function checkoutBase(
  repoDir: string,
  sha: string,
  opts: { git?: GitRunner; tempRoot?: string } = {},
): Promise<BaseCheckout> {
  const git = opts.git ?? runGit
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) throw new Error(`not a commit sha: ${sha}`)
  // A depth-1 checkout of the head does not have the base; one commit of it is all a tree needs.
  if (!(await hasCommit(git, repoDir, sha)))
    await git(['fetch', '--no-tags', '--depth=1', 'origin', sha], repoDir)
  const parent = fs.mkdtempSync(
    path.join(opts.tempRoot ?? process.env.RUNNER_TEMP ?? os.tmpdir(), 'kms-guard-base-'),
  )
  const dir = path.join(parent, 'base')
  try {
    await git(['worktree', 'add', '--detach', dir, sha], repoDir)
  } catch (err) {
    fs.rmSync(parent, { recursive: true, force: true })
    throw err
  }
  let done = false
  return {
    dir,
    cleanup: async () => {
      if (done) return
      done = true
      try {
        await git(['worktree', 'remove', '--force', dir], repoDir)
      } catch {
        // Removed below; prune then forgets the worktree's metadata.
      }
      fs.rmSync(parent, { recursive: true, force: true })
      await git(['worktree', 'prune'], repoDir).catch(() => undefined)
    },
  }
}
