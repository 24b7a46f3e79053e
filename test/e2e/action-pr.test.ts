/**
 * The built action on a pull_request event, the way a runner starts it: INPUT_* and GITHUB_* variables,
 * the event payload file, the API at GITHUB_API_URL (the stand-in server), a shallow checkout of the
 * head with the base reachable through origin.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { COMMENT_MARKER } from '../../src/github/comment-body'
import { builtAction, fakeGitHub, headFiles, pullRequestFixture, runNode, TOKEN } from '../action/fixture'
import { blockLines, parseOutputs } from './workspace'

const action = builtAction()

describe('action on a pull request (dist/index.js)', () => {
  it('writes the check run, the comment and the suggestion, and fails on the new finding', async () => {
    const p = pullRequestFixture()
    const server = await fakeGitHub(p.files)
    try {
      const eventFile = path.join(p.fx.root, 'event.json')
      const summary = path.join(p.fx.root, 'summary.md')
      const output = path.join(p.fx.root, 'output.txt')
      fs.writeFileSync(eventFile, JSON.stringify(p.payload))
      fs.writeFileSync(summary, '')
      fs.writeFileSync(output, '')
      const r = await runNode(action.file, p.workspace, {
        PATH: process.env.PATH ?? '',
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventFile,
        GITHUB_API_URL: server.url,
        GITHUB_REPOSITORY: 'octo/net',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '99',
        GITHUB_WORKSPACE: p.workspace,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_OUTPUT: output,
        RUNNER_TEMP: p.fx.root,
        INPUT_PATH: 'infra',
        'INPUT_GITHUB-TOKEN': TOKEN,
        'INPUT_COMMENT-WHEN-CLEAN': 'update',
      })
      expect(r.status).toBe(1)
      expect(r.stdout).toMatch(/::error::Azure KMS Guard: 1 finding at or above fail-on 'error'/)
      // The token is masked by the runner after ::add-mask::; it appears nowhere else.
      expect(r.stdout.split('\n').filter((l) => l.includes(TOKEN))).toEqual([`::add-mask::${TOKEN}`])
      expect(r.stderr).not.toContain(TOKEN)

      const seen = server.requests.map((q) => `${q.method} ${q.path}`)
      expect(seen).toEqual([
        'GET /repos/octo/net/pulls/7/files',
        'POST /repos/octo/net/check-runs',
        'GET /repos/octo/net/issues/7/comments',
        'POST /repos/octo/net/issues/7/comments',
        'GET /repos/octo/net/pulls/7/comments',
        'POST /repos/octo/net/pulls/7/reviews',
      ])
      expect(server.requests.every((q) => q.headers.authorization === `token ${TOKEN}`)).toBe(true)
      // One annotation: the check run is created completed, in one request.
      const patch = server.calls('POST', /check-runs$/)[0]!.body
      expect(patch).toMatchObject({ status: 'completed', conclusion: 'failure' })
      expect(patch.output.annotations.map((a: { path: string }) => a.path)).toEqual(['infra/spoke.tf'])
      // On the route the pull request added: its block, first to last line.
      const [start, end] = blockLines(headFiles()['infra/spoke.tf']!, 'route {')
      expect(patch.output.annotations[0]).toMatchObject({ start_line: start, end_line: end })
      expect(server.state.comments[0]!.body.startsWith(COMMENT_MARKER)).toBe(true)
      expect(server.state.comments[0]!.body).toContain('https://github.com/octo/net/actions/runs/99')
      expect(server.state.reviewComments.map((c) => c.path)).toEqual(['infra/spoke.tf'])
      // No workflow-command annotations: the check run carries them.
      expect(r.stdout).not.toMatch(/^::error (file|title)=/m)

      expect(parseOutputs(fs.readFileSync(output, 'utf8'))).toMatchObject({
        findings: '2',
        failing: '1',
        'new-findings': '1',
        'fixed-findings': '1',
        suppressed: '1',
        annotations: 'check-run',
      })
      const md = fs.readFileSync(summary, 'utf8')
      expect(md).toContain('Scope: `new`')
      expect(md).toContain('Fixed by this change: 1 finding')
    } finally {
      await server.close()
      p.fx.cleanup()
    }
  }, 120_000)
})
