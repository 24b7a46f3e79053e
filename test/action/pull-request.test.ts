/**
 * The pull-request flow end to end at module level: a real git repository (base and head commits, a
 * shallow checkout of the head), the real scan, and Octokit talking to a stand-in GitHub API.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runGuard } from '../../src/action/run'
import { buildSuggestions } from '../../src/action/publish'
import { COMMENT_MARKER } from '../../src/github/comment-body'
import { parseHunks } from '../../src/github/suggestions'
import { routeTable } from '../analysis/helpers'
import { git, makeRepo } from '../github/git-fixture'
import { checkRunWrites } from '../helpers/github-server'
import {
  deps,
  fakeGitHub,
  linesMatching,
  NETWORK,
  PROVIDERS,
  pullRequestFixture,
  table,
  TOKEN,
  type PullRequestFixture,
} from './fixture'

const INPUTS = { path: 'infra', 'github-token': TOKEN }
const fixtures: PullRequestFixture[] = []
afterAll(() => fixtures.forEach((p) => p.fx.cleanup()))

function fixture(): PullRequestFixture {
  const p = pullRequestFixture()
  fixtures.push(p)
  return p
}

describe('pull request with checks and comments allowed', () => {
  it('fails on the new finding only, lists the existing one, credits the fix, and keeps one comment', async () => {
    const p = fixture()
    const server = await fakeGitHub(p.files)
    try {
      const first = deps(p.workspace, server, p.payload, INPUTS, { GITHUB_RUN_ID: '1' })
      const o = await runGuard(first.deps)

      expect(o.ev.scope).toBe('new')
      expect(o.ev.failing.map((f) => f.resource)).toEqual(['azurerm_route_table.spoke'])
      expect(o.ev.listed.map((f) => f.resource)).toEqual(['azurerm_route_table.legacy'])
      expect(o.ev.comparison?.fixed.map((f) => f.resource)).toEqual(['azurerm_route_table.old'])
      expect(o.failure).toMatch(/1 finding at or above fail-on 'error'.*scope new/)
      expect(first.rec.outputs).toMatchObject({
        failing: 1,
        'new-findings': 1,
        'fixed-findings': 1,
        suppressed: 1,
      })

      // The check run: created completed on the PR head in one request, with the only failing annotation.
      const created = server.calls('POST', /\/check-runs$/)
      expect(created).toHaveLength(1)
      expect(created[0]!.body).toMatchObject({
        name: 'azure-kms-guard',
        head_sha: p.fx.headSha,
        status: 'completed',
        conclusion: 'failure',
      })
      expect(server.calls('PATCH', /\/check-runs\/4242$/)).toEqual([])
      const annotations = created[0]!.body.output.annotations
      expect(annotations).toEqual([
        expect.objectContaining({
          path: 'infra/spoke.tf',
          annotation_level: 'failure',
          title: expect.stringMatching(/^KMS001: /),
        }),
      ])
      // With the check run there are no workflow-command annotations as well (they would be duplicates).
      expect(first.rec.annotations).toEqual([])
      expect(o.annotations.via).toBe('check-run')

      // The summary: existing listed, fixed credited, the suppression shown with its reason.
      const summary = first.rec.summaries[0]!
      expect(summary).toContain('Not introduced by this change: 1 finding')
      expect(summary).toContain('rt-legacy')
      expect(summary).toContain('Fixed by this change: 1 finding')
      expect(summary).toMatch(/Suppressed: 1 finding[\s\S]*ops VMs activate through the on-premises KMS host/)

      // The comment: created once with the marker, the new finding failing and the existing one folded away.
      const posted = server.calls('POST', /\/issues\/7\/comments$/)
      expect(posted).toHaveLength(1)
      const body = posted[0]!.body.body as string
      expect(body.startsWith(COMMENT_MARKER)).toBe(true)
      expect(body).toContain('This pull request blocks Windows activation')
      expect(body).toContain('Not introduced by this change: 1 finding')
      expect(body).toContain('Fixed by this change')

      // One verdict and one count everywhere: comment, summary, check run, outputs and the step's result.
      const firstScreen = (md: string) =>
        md
          .slice(0, md.indexOf('<details>'))
          .split('\n')
          .filter((l) => l.trim() !== '' && !l.startsWith('<!--'))
      const [verdict, ...lines] = firstScreen(body)
      expect(firstScreen(summary)).toEqual([verdict, ...lines])
      expect(created[0]!.body.output.title).toBe(
        verdict!.replace(/^\*\*[^*]+\*\* /, '').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(+n)),
      )
      const listed = lines.reduce((n, l) => n + Number(/ ×(\d+)/.exec(l)?.[1] ?? 1), 0)
      expect(listed).toBe(first.rec.outputs.failing)
      expect(annotations).toHaveLength(listed)
      expect(o.failure !== undefined).toBe(/the check fails/.test(verdict!))
      const all = first.rec.outputs
      expect(summary).toContain(
        `Judged against fail-on: ${all.errors} errors, ${all.warnings} warnings, ${all.notices} notices`.replace(
          /\b1 (\w+)s\b/g,
          '1 $1',
        ),
      )

      // The suggestion: on spoke.tf, inside the diff, keeping the route and adding the /32 routes.
      const reviews = server.calls('POST', /\/pulls\/7\/reviews$/)
      expect(reviews).toHaveLength(1)
      const comments = reviews[0]!.body.comments as {
        path: string
        line: number
        start_line?: number
        body: string
      }[]
      expect(comments).toHaveLength(1)
      const hunks = parseHunks(p.files.find((f) => f.filename === 'infra/spoke.tf')!.patch)
      const route = linesMatching(path.join(p.workspace, 'infra/spoke.tf'), /route \{/)[0]!
      expect(comments[0]).toMatchObject({ path: 'infra/spoke.tf', start_line: route, line: route + 4 })
      expect(hunks.some((h) => h.start <= route && route + 4 <= h.end)).toBe(true)
      expect(comments[0]!.body).toMatch(
        /```suggestion\n {2}route \{\n {4}name += "default-to-onprem"[\s\S]*\n\n {2}route \{\n {4}name += "kms-20-118-99-224"/,
      )

      // A second run (a re-run of the workflow) edits the same comment in place and does not repeat the suggestion.
      const second = deps(p.workspace, server, p.payload, INPUTS, { GITHUB_RUN_ID: '2' })
      const o2 = await runGuard(second.deps)
      expect(o2.comment).toEqual({
        ok: true,
        action: 'updated',
        id: posted[0]!.body.id ?? expect.any(Number),
      })
      expect(server.calls('POST', /\/issues\/7\/comments$/)).toHaveLength(1)
      const edits = server.calls('PATCH', /\/issues\/comments\/\d+$/)
      expect(edits).toHaveLength(1)
      expect(edits[0]!.path).toBe(`/repos/octo/net/issues/comments/${server.state.comments[0]!.id}`)
      expect(edits[0]!.body.body).toContain('actions/runs/2')
      expect(server.calls('POST', /\/pulls\/7\/reviews$/)).toHaveLength(1)
      expect(o2.suggestions?.skipped.map((s) => s.reason)).toEqual(['already suggested'])

      // The token was registered as a secret, and appears in nothing we wrote.
      expect(first.rec.secrets).toEqual([TOKEN])
      const written = [
        ...first.rec.logs,
        ...first.rec.warnings,
        ...first.rec.summaries,
        ...server.state.comments.map((c) => c.body),
      ]
      expect(written.join('\n')).not.toContain(TOKEN)
      expect(server.requests.every((r) => r.headers.authorization === `token ${TOKEN}`)).toBe(true)
    } finally {
      await server.close()
    }
  }, 60_000)

  it('with scope all, suggests only for findings whose lines are in the diff', async () => {
    const p = fixture()
    const server = await fakeGitHub(p.files)
    try {
      const { deps: d } = deps(p.workspace, server, p.payload, { ...INPUTS, scope: 'all' })
      const o = await runGuard(d)
      expect(o.ev.failing.map((f) => f.resource).sort()).toEqual([
        'azurerm_route_table.legacy',
        'azurerm_route_table.spoke',
      ])
      const comments = server.calls('POST', /\/pulls\/7\/reviews$/)[0]!.body.comments as { path: string }[]
      expect(comments.map((c) => c.path)).toEqual(['infra/spoke.tf'])
      expect(o.suggestions?.skipped).toEqual([
        expect.objectContaining({
          suggestion: expect.objectContaining({ path: 'infra/legacy.tf' }),
          reason: 'file not changed by the pull request',
        }),
      ])
      const annotations = checkRunWrites(server).annotations as { path: string }[]
      expect(annotations.map((a) => a.path).sort()).toEqual(['infra/legacy.tf', 'infra/spoke.tf'])
    } finally {
      await server.close()
    }
  }, 60_000)
})

describe('a token that may not write (fork, read-only permissions)', () => {
  it('annotates through workflow commands, warns, and fails on the findings only', async () => {
    const p = fixture()
    const server = await fakeGitHub(p.files, { deny: ['checks', 'comments', 'reviews'] })
    try {
      const { deps: d, rec } = deps(p.workspace, server, p.payload, INPUTS)
      const o = await runGuard(d)
      expect(o.annotations).toMatchObject({ via: 'workflow-commands', emitted: 1 })
      expect(rec.annotations).toEqual([
        expect.objectContaining({
          severity: 'error',
          props: expect.objectContaining({
            file: 'infra/spoke.tf',
            title: expect.stringMatching(/^KMS001: /),
          }),
        }),
      ])
      expect(rec.warnings.join('\n')).toMatch(
        /cannot write check runs \(creating the check run failed: HTTP 403/,
      )
      expect(rec.warnings.join('\n')).toMatch(/comment not written: .*HTTP 403/)
      expect(rec.warnings.join('\n')).toMatch(/Suggestions not posted: .*HTTP 403/)
      expect(rec.warnings.join('\n')).not.toContain(TOKEN)
      expect(o.failure).toMatch(/^Azure KMS Guard: \d+ findings? at or above fail-on 'error'/)
      expect(rec.outputs.annotations).toBe('workflow-commands')
    } finally {
      await server.close()
    }
  }, 60_000)

  it('passes a clean change even when every API call is refused', async () => {
    const fx = makeRepo(
      { 'infra/providers.tf': PROVIDERS, 'infra/network.tf': NETWORK },
      { 'infra/readme.md': 'x\n' },
    )
    const workspace = path.join(fx.root, 'checkout')
    git(fx.root, 'clone', '-q', `file://${fx.origin}`, workspace)
    git(workspace, 'checkout', '-q', fx.headSha)
    const payload = {
      pull_request: {
        number: 7,
        base: { sha: fx.baseSha, repo: { full_name: 'octo/net' } },
        head: { sha: fx.headSha, repo: { full_name: 'fork/net' } },
      },
      repository: { name: 'net', owner: { login: 'octo' } },
    }
    const server = await fakeGitHub([], { deny: ['checks', 'comments', 'reviews'] })
    try {
      const { deps: d, rec } = deps(workspace, server, payload, INPUTS)
      const o = await runGuard(d)
      expect(o.failure).toBeUndefined()
      expect(o.ev.failing).toEqual([])
      expect(rec.outputs.failing).toBe(0)
      // Clean and no comment yet: the default `update` opens none.
      expect(server.calls('POST', /\/issues\/7\/comments$/)).toHaveLength(0)
    } finally {
      await server.close()
      fx.cleanup()
    }
  }, 60_000)
})

describe('push with many findings', () => {
  const many = 60
  function manyTables(): { dir: string; cleanup(): void } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-guard-push-'))
    fs.mkdirSync(path.join(dir, 'infra'), { recursive: true })
    let net = NETWORK
    let tables = ''
    for (let i = 0; i < many; i++) {
      net += `\nresource "azurerm_subnet" "s${i}" {\n  name                 = "snet-${i}"\n  resource_group_name  = azurerm_resource_group.net.name\n  virtual_network_name = azurerm_virtual_network.spoke.name\n  address_prefixes     = ["10.2.${i}.0/24"]\n}\n`
      tables += table(`t${i}`, `s${i}`, true)
    }
    fs.writeFileSync(path.join(dir, 'infra/providers.tf'), PROVIDERS)
    fs.writeFileSync(path.join(dir, 'infra/network.tf'), net)
    fs.writeFileSync(path.join(dir, 'infra/tables.tf'), tables)
    return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) }
  }
  const push = { GITHUB_EVENT_NAME: 'push', GITHUB_SHA: 'a'.repeat(40) }

  it('sends every annotation to the check run, 50 per request, completing with the last', async () => {
    const w = manyTables()
    const server = await fakeGitHub([])
    try {
      const { deps: d, rec } = deps(
        w.dir,
        server,
        { after: 'a'.repeat(40) },
        { ...INPUTS, comment: 'true' },
        push,
      )
      const o = await runGuard(d)
      expect(o.ev.scope).toBe('all')
      expect(o.ev.failing).toHaveLength(many)
      const writes = checkRunWrites(server).requests
      expect(
        writes.map((r) => `${r.method} ${r.body.status ?? ''} ${r.body.output.annotations.length}`),
      ).toEqual(['POST in_progress 50', 'PATCH completed 10'])
      expect(writes[1]!.body.conclusion).toBe('failure')
      expect(writes[0]!.body.head_sha).toBe('a'.repeat(40))
      // Not a pull request: no comment and no review, whatever `comment` says.
      expect(server.requests.filter((r) => /issues|pulls/.test(r.path))).toEqual([])
      expect(rec.summaries[0]).not.toMatch(/not shown as annotations/)
    } finally {
      await server.close()
      w.cleanup()
    }
  }, 60_000)

  it('says in the summary how many workflow-command annotations GitHub will not show', async () => {
    const w = manyTables()
    const server = await fakeGitHub([], { deny: ['checks'] })
    try {
      const { deps: d, rec } = deps(w.dir, server, {}, INPUTS, push)
      const o = await runGuard(d)
      expect(o.annotations).toMatchObject({
        via: 'workflow-commands',
        emitted: many,
        hidden: { error: many - 10 },
      })
      expect(rec.annotations).toHaveLength(many)
      expect(rec.summaries[0]).toContain(`${many - 10} errors are not shown as annotations`)
    } finally {
      await server.close()
      w.cleanup()
    }
  }, 60_000)
})

describe('buildSuggestions', () => {
  const finding = (over: object) => ({
    ruleId: 'KMS001',
    severity: 'error' as const,
    title: 't',
    message: 'm',
    location: { file: '/ws/a.tf', startLine: 2, endLine: 3 },
    resource: 'r',
    kmsAddresses: [],
    cloud: 'AzureCloud' as const,
    format: 'terraform' as const,
    fix: {
      kind: 'add-routes' as const,
      table: routeTable('azurerm_route_table.rt', 'rt'),
      addresses: ['20.118.99.224'],
    },
    ...over,
  })
  const read = () => 'resource "x" "y" {\n    route {\n    }\n}\n'

  it('keeps the lines and appends the fix, indented like them', () => {
    expect(buildSuggestions([finding({})], '/ws', read)).toEqual([
      expect.objectContaining({
        path: 'a.tf',
        startLine: 2,
        endLine: 3,
        replacement:
          '    route {\n    }\n\n    route {\n      name           = "kms-20-118-99-224"\n      address_prefix = "20.118.99.224/32"\n      next_hop_type  = "Internet"\n    }',
      }),
    ])
  })

  it('skips rules whose fix is not additive, ARM JSON, live findings, caller lines and lines past the end', () => {
    expect(
      buildSuggestions(
        [
          finding({ ruleId: 'KMS006' }),
          finding({ format: 'arm', location: { file: '/ws/a.json', startLine: 2, endLine: 3 } }),
          finding({ deployed: true }),
          finding({ location: { file: '/ws/a.tf', startLine: 4, endLine: 9 } }),
          finding({ fix: undefined }),
          // At the caller's line (a module argument): a resource block cannot go there.
          finding({ related: [{ file: '/ws/modules/rt/main.tf', startLine: 12, endLine: 19 }] }),
        ],
        '/ws',
        read,
      ),
    ).toEqual([])
  })
})
