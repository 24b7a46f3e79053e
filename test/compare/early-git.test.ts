/**
 * git's reads started by the action's entry before its code loads (src/compare/early-git.ts): on a pull
 * request they are the ones the run takes (it starts no second copy of them), with the same outcome as a run
 * that starts its own; they are not taken for another workspace, and nothing starts on other events or when
 * the event's base is not a commit id. A real repository (shallow checkout of the head, as actions/checkout
 * leaves it) and the stand-in GitHub API.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { runGuard } from '../../src/action/run'
import { startEarlyGit } from '../../src/compare/early-git'
import { runGit, type GitRunner } from '../../src/github/git'
import { git } from '../github/git-fixture'
import { deps, fakeGitHub, pullRequestFixture, TOKEN, type PullRequestFixture } from '../action/fixture'

const INPUTS = { path: 'infra', 'github-token': TOKEN }
const fixtures: PullRequestFixture[] = []
afterAll(() => fixtures.forEach((p) => p.fx.cleanup()))

function fixture(): PullRequestFixture & { env: NodeJS.ProcessEnv } {
  const p = pullRequestFixture()
  fixtures.push(p)
  const event = path.join(p.fx.root, 'event.json')
  fs.writeFileSync(event, JSON.stringify(p.payload))
  return {
    ...p,
    env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, GITHUB_WORKSPACE: p.workspace },
  }
}

/** A runner that runs git and keeps each command line. */
function recording(): { git: GitRunner; calls: string[][] } {
  const calls: string[][] = []
  return {
    calls,
    git: (args, cwd) => {
      calls.push(args)
      return runGit(args, cwd)
    },
  }
}

const indexReads = (calls: string[][]) =>
  calls.filter((a) => a[0] === 'ls-files' || a[0] === 'ls-tree' || (a[0] === 'grep' && a.includes('"./')))

describe('git reads started before the action loads', () => {
  it('are the ones a pull request run takes, with the outcome of a run starting its own', async () => {
    const p = fixture()
    const server = await fakeGitHub(p.files)
    try {
      const started = recording()
      const early = startEarlyGit(p.env, started.git)
      expect(early).toBeDefined()
      expect(indexReads(started.calls).map((a) => a[0])).toEqual(['ls-tree', 'ls-files', 'grep'])

      const taking = recording()
      const withEarly = deps(p.workspace, server, p.payload, INPUTS)
      const o = await runGuard({ ...withEarly.deps, early: early!, git: taking.git })
      // The base commit is not in the shallow checkout: the run fetches it and lists its tree itself then;
      // the head's index is the one started early.
      expect(
        taking.calls.filter((a) => a[0] === 'ls-files' || (a[0] === 'grep' && a.includes('"./'))),
      ).toEqual([])
      expect(withEarly.rec.logs.join('\n')).toMatch(
        /Head: 1 Terraform unit of 1 found affected from git's index/,
      )

      const own = recording()
      const without = deps(p.workspace, server, p.payload, INPUTS)
      const w = await runGuard({ ...without.deps, git: own.git })
      expect(indexReads(own.calls).map((a) => a[0])).toEqual(expect.arrayContaining(['ls-files', 'grep']))
      expect(o.ev.failing.map((f) => f.resource)).toEqual(['azurerm_route_table.spoke'])
      expect(o.ev.failing.map((f) => f.message)).toEqual(w.ev.failing.map((f) => f.message))
      expect(o.ev.listed.map((f) => f.message)).toEqual(w.ev.listed.map((f) => f.message))
      expect(o.ev.comparison?.fixed.map((f) => f.message)).toEqual(
        w.ev.comparison?.fixed.map((f) => f.message),
      )
      expect(withEarly.rec.outputs).toEqual(without.rec.outputs)
    } finally {
      await server.close()
    }
  })

  it('lists the base tree early where the base commit is already there', async () => {
    const p = fixture()
    const server = await fakeGitHub(p.files)
    try {
      // The full clone (the fixture's origin, at the head) has the base commit: nothing is fetched, no tree
      // listed again.
      git(p.fx.origin, 'checkout', '-q', p.fx.headSha)
      const env = { ...p.env, GITHUB_WORKSPACE: p.fx.origin }
      const early = startEarlyGit(env, recording().git)
      const taking = recording()
      const d = deps(p.fx.origin, server, p.payload, INPUTS)
      const o = await runGuard({ ...d.deps, early: early!, git: taking.git })
      expect(indexReads(taking.calls)).toEqual([])
      expect(d.rec.logs.join('\n')).toMatch(/Base commit \w+: \d+ files written from git objects/)
      expect(o.ev.failing.map((f) => f.resource)).toEqual(['azurerm_route_table.spoke'])
    } finally {
      await server.close()
    }
  })

  it('are not taken by a run of another workspace', async () => {
    const p = fixture()
    const server = await fakeGitHub(p.files)
    try {
      const early = startEarlyGit({ ...p.env, GITHUB_WORKSPACE: p.fx.origin }, recording().git)
      const taking = recording()
      const d = deps(p.workspace, server, p.payload, INPUTS)
      const o = await runGuard({ ...d.deps, early: early!, git: taking.git })
      expect(indexReads(taking.calls).map((a) => a[0])).toEqual(expect.arrayContaining(['ls-files', 'grep']))
      expect(o.ev.failing.map((f) => f.resource)).toEqual(['azurerm_route_table.spoke'])
    } finally {
      await server.close()
    }
  })

  it('start nothing on a push, without a base, or when the base is not a commit id', () => {
    const p = fixture()
    const event = (payload: unknown) => {
      const file = path.join(p.fx.root, `event-${Math.random().toString(36).slice(2)}.json`)
      fs.writeFileSync(file, JSON.stringify(payload))
      return file
    }
    const calls = recording()
    const pr = p.payload.pull_request as Record<string, Record<string, unknown>>
    expect(startEarlyGit({ ...p.env, GITHUB_EVENT_NAME: 'push' }, calls.git)).toBeUndefined()
    const noBase = { ...p.payload, pull_request: { ...pr, base: {} } }
    expect(startEarlyGit({ ...p.env, GITHUB_EVENT_PATH: event(noBase) }, calls.git)).toBeUndefined()
    const option = { ...p.payload, pull_request: { ...pr, base: { ...pr.base, sha: '--output=x' } } }
    expect(startEarlyGit({ ...p.env, GITHUB_EVENT_PATH: event(option) }, calls.git)).toBeUndefined()
    expect(
      startEarlyGit({ ...p.env, GITHUB_EVENT_PATH: path.join(p.fx.root, 'none.json') }, calls.git),
    ).toBeUndefined()
    expect(calls.calls).toEqual([])
  })
})
