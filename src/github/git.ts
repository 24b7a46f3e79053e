/**
 * Running git. Injected into every module that needs it so tests can use a real repository built in a
 * temp dir, and so a caller can add logging. execFile, never a shell: shas and paths are arguments.
 */
import { execFile } from 'node:child_process'

export type GitRunner = (args: string[], cwd: string) => Promise<string>

/**
 * Prompting for credentials would hang a CI job, so GIT_TERMINAL_PROMPT=0; LFS smudging needs network
 * and credentials we do not have, and pointer files are fine for scanning IaC.
 */
export const runGit: GitRunner = (args, cwd) =>
  new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        cwd,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_LFS_SKIP_SMUDGE: '1' },
      },
      (err, stdout, stderr) => {
        if (err) {
          reject(new Error(`git ${args[0]} failed: ${redactUrls(String(stderr).trim() || err.message)}`))
        } else resolve(String(stdout))
      },
    )
  })

/** True when the commit exists locally (a shallow clone may not have the base). */
export async function hasCommit(git: GitRunner, cwd: string, sha: string): Promise<boolean> {
  try {
    await git(['cat-file', '-e', `${sha}^{commit}`], cwd)
    return true
  } catch {
    return false
  }
}

/** A remote URL can embed a token (`https://x-access-token:…@github.com/…`); it must not reach a log. */
export function redactUrls(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@')
}
