/**
 * One pull request run of the built action (dist/index.js) on a real git base → head fixture, against
 * the 127.0.0.1 GitHub stand-in: what the runner would see (exit status, outputs, summary, check run).
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { git, makeRepo, shallowClone } from '../github/git-fixture'
import { checkRunWrites } from '../helpers/github-server'
import { builtAction, fakeGitHub, runNode, TOKEN } from '../action/fixture'
import { parseOutputs } from './workspace'

export interface PrRun {
  status: number | null
  stdout: string
  outputs: Record<string, string>
  summary: string
  annotations: { path: string; start_line: number; message: string; annotation_level: string }[]
  conclusion: string
}

/**
 * `inputs` become INPUT_* variables; `extraEnv` adds variables given the fixture's scratch folder (where a
 * test can write files the run needs, such as a CA certificate); `actionFile`, another copy of the built
 * action to run.
 */
export async function runPullRequest(
  base: Record<string, string>,
  head: Record<string, string | null>,
  inputs: Record<string, string>,
  extraEnv: (root: string) => Record<string, string> = () => ({}),
  actionFile?: string,
): Promise<PrRun> {
  const action = actionFile ? { file: actionFile } : builtAction()
  const fx = makeRepo(base, head)
  const workspace = shallowClone(fx)
  const range = `${fx.baseSha}...${fx.headSha}`
  const files = git(fx.origin, 'diff', '--name-status', range)
    .split('\n')
    .map((line) => {
      const [st, filename] = line.split('\t') as [string, string]
      const diff = git(fx.origin, 'diff', range, '--', filename)
      const status = st === 'A' ? 'added' : st === 'D' ? 'removed' : 'modified'
      return { filename, status, patch: diff.slice(diff.indexOf('@@')) }
    })
  const github = await fakeGitHub(files)
  try {
    const payload = {
      number: 7,
      pull_request: {
        number: 7,
        base: { sha: fx.baseSha, repo: { full_name: 'octo/net' } },
        head: { sha: fx.headSha, repo: { full_name: 'octo/net' } },
      },
      repository: { name: 'net', owner: { login: 'octo' } },
    }
    const write = (name: string, text = '') => {
      const f = path.join(fx.root, name)
      fs.writeFileSync(f, text)
      return f
    }
    const summary = write('summary.md')
    const output = write('output.txt')
    const r = await runNode(action.file, workspace, {
      PATH: process.env.PATH ?? '',
      HOME: fx.root,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: write('event.json', JSON.stringify(payload)),
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'octo/net',
      GITHUB_WORKSPACE: workspace,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: output,
      RUNNER_TEMP: fx.root,
      'INPUT_GITHUB-TOKEN': TOKEN,
      INPUT_COMMENT: 'false',
      ...extraEnv(fx.root),
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    })
    const check = checkRunWrites(github)
    return {
      status: r.status,
      stdout: r.stdout,
      outputs: parseOutputs(fs.readFileSync(output, 'utf8')),
      summary: fs.readFileSync(summary, 'utf8'),
      annotations: check.annotations,
      conclusion: check.completed?.conclusion ?? '',
    }
  } finally {
    await github.close()
    fx.cleanup()
  }
}
