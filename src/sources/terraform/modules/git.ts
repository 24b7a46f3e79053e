/**
 * `git::` module sources, cloned with the git CLI (no shell: arguments as an array, the URL after `--`).
 * A tag or branch is cloned with `--depth 1`; a commit id needs the history, so it is cloned whole and
 * checked out. Symbolic links are checked out as plain files (core.symlinks=false), only the https,
 * http, ssh, git and file transports are allowed (no `ext::` commands), prompts are off, and a file://
 * URL must lead inside the scanned directory: a scanned repository must not make the scan read other
 * repositories on the runner.
 */
import { execFile } from 'node:child_process'
import * as fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { isInside } from '../../parsing/discover'
import { DownloadError } from './http'
import { redactUrl } from './source'

export interface GitOptions {
  timeoutMs: number
  /** Real path of the scan root: file:// sources must stay inside it. */
  scanRoot: string
  signal?: AbortSignal
}

function run(args: string[], opts: GitOptions, cwd?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-c', 'core.symlinks=false', '-c', 'advice.detachedHead=false', ...args],
      {
        cwd,
        timeout: opts.timeoutMs,
        signal: opts.signal,
        maxBuffer: 1024 * 1024,
        env: {
          ...process.env,
          GIT_TERMINAL_PROMPT: '0',
          GIT_ALLOW_PROTOCOL: 'https:http:ssh:git:file',
          GIT_SSH_COMMAND: 'ssh -o BatchMode=yes',
          GCM_INTERACTIVE: 'never',
        },
      },
      (err, _stdout, stderr) => {
        if (!err) return resolve()
        const last = String(stderr).trim().split('\n').pop() ?? ''
        reject(
          new DownloadError(
            err.killed ? 'git timed out' : `git failed: ${last.replace(/\/\/[^/@\s]*@/g, '//')}`,
          ),
        )
      },
    )
  })
}

export async function gitClone(
  url: string,
  ref: string | undefined,
  dest: string,
  opts: GitOptions,
): Promise<void> {
  if (url.startsWith('-') || ref?.startsWith('-')) throw new DownloadError('the git address is not valid')
  if (url.startsWith('file:')) {
    let local: string
    try {
      local = fs.realpathSync(fileURLToPath(url))
    } catch {
      throw new DownloadError(`${redactUrl(url)} does not exist`)
    }
    if (!isInside(opts.scanRoot, local))
      throw new DownloadError('a file:// git source outside the scanned directory is not read')
  }
  const isCommit = ref !== undefined && /^[0-9a-f]{7,40}$/i.test(ref)
  if (!isCommit) {
    const branch = ref ? ['--branch', ref] : []
    await run(
      ['clone', '--quiet', '--depth', '1', '--single-branch', '--no-tags', ...branch, '--', url, dest],
      opts,
    )
  } else {
    await run(['clone', '--quiet', '--no-checkout', '--', url, dest], opts)
    await run(['checkout', '--quiet', '--detach', ref], opts, dest)
  }
  // The history is not part of the module.
  fs.rmSync(`${dest}/.git`, { recursive: true, force: true })
}
