import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { contextFromEvent, isPullRequest, readEventPayload, readRunContext } from '../../src/github/context'

const repository = { name: 'infra', owner: { login: 'contoso' } }

function prPayload(headRepo: string | null) {
  return {
    number: 7,
    repository,
    pull_request: {
      number: 7,
      base: { sha: 'b'.repeat(40), repo: { full_name: 'contoso/infra' } },
      head: { sha: 'h'.repeat(40), repo: headRepo === null ? null : { full_name: headRepo } },
    },
  }
}

describe('contextFromEvent', () => {
  test('pull_request from the same repository: PR head, not the merge commit', () => {
    const ctx = contextFromEvent('pull_request', prPayload('contoso/infra'), { GITHUB_SHA: 'm'.repeat(40) })
    expect(ctx).toEqual({
      kind: 'pull_request',
      eventName: 'pull_request',
      baseSha: 'b'.repeat(40),
      headSha: 'h'.repeat(40),
      prNumber: 7,
      isFork: false,
      owner: 'contoso',
      repo: 'infra',
    })
    expect(isPullRequest(ctx)).toBe(true)
  })

  test('pull_request_target from a fork, and from a deleted fork', () => {
    expect(contextFromEvent('pull_request_target', prPayload('mallory/infra')).isFork).toBe(true)
    expect(contextFromEvent('pull_request', prPayload(null)).isFork).toBe(true)
  })

  test('merge_group uses the queue commits', () => {
    const ctx = contextFromEvent('merge_group', {
      repository,
      merge_group: { base_sha: '1'.repeat(40), head_sha: '2'.repeat(40) },
    })
    expect(ctx).toMatchObject({ kind: 'merge_group', baseSha: '1'.repeat(40), headSha: '2'.repeat(40) })
    expect(isPullRequest(ctx)).toBe(false)
  })

  test('push compares with before, except when the branch is new', () => {
    const push = contextFromEvent('push', { repository, before: 'a'.repeat(40), after: 'c'.repeat(40) })
    expect(push).toMatchObject({ kind: 'push', baseSha: 'a'.repeat(40), headSha: 'c'.repeat(40) })
    const created = contextFromEvent('push', { repository, before: '0'.repeat(40), after: 'c'.repeat(40) })
    expect(created.baseSha).toBeUndefined()
  })

  test('workflow_dispatch and schedule: no base, GITHUB_SHA, repository from GITHUB_REPOSITORY', () => {
    for (const name of ['workflow_dispatch', 'schedule']) {
      const ctx = contextFromEvent(name, {}, { GITHUB_SHA: 'd'.repeat(40), GITHUB_REPOSITORY: 'contoso/net' })
      expect(ctx).toEqual({
        kind: name,
        eventName: name,
        headSha: 'd'.repeat(40),
        isFork: false,
        owner: 'contoso',
        repo: 'net',
      })
    }
    expect(contextFromEvent('release', {}).kind).toBe('other')
  })

  test('readRunContext reads the event file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-guard-ctx-'))
    const file = path.join(dir, 'event.json')
    fs.writeFileSync(file, JSON.stringify(prPayload('contoso/infra')))
    const ctx = readRunContext({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: file })
    expect(ctx.prNumber).toBe(7)
    expect(readEventPayload({ GITHUB_EVENT_PATH: file })).toEqual(prPayload('contoso/infra'))
    fs.rmSync(dir, { recursive: true })
  })

  test('no event file reads as an empty payload', () => {
    expect(readEventPayload({})).toEqual({})
    expect(
      readEventPayload({ GITHUB_EVENT_PATH: path.join(os.tmpdir(), 'kms-guard-no-such-event.json') }),
    ).toEqual({})
    expect(readRunContext({ GITHUB_EVENT_NAME: 'push', GITHUB_SHA: 'e'.repeat(40) })).toMatchObject({
      kind: 'push',
      headSha: 'e'.repeat(40),
    })
  })
})
