/**
 * A pull request as the tests see it: a git origin with a base and a head commit of a Terraform network,
 * a shallow checkout of the head (what actions/checkout leaves), the event payload, and a stand-in
 * GitHub API that records every request and keeps comments and review comments between runs.
 *
 * Base → head: `rt-spoke` gains a forced tunnel (new finding), `rt-legacy` keeps one (existing),
 * `rt-old` loses its one (fixed), `rt-accepted` keeps one that is suppressed inline with a reason.
 */
import { getOctokit } from '@actions/github'
import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { git, makeRepo, shallowClone, type GitFixture } from '../github/git-fixture'
import { paged, startGitHubServer, type FakeGitHub, type RecordedRequest } from '../helpers/github-server'
import type { GuardDeps } from '../../src/action/run'
import type { AnnotationProps } from '../../src/report/annotations'
import type { Severity } from '../../src/rules/types'

export const TOKEN = 'ghs_testTokenThatMustNeverBeLogged0123456789'

export const PROVIDERS = `terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}
`

const subnet = (name: string, prefix: string) => `
resource "azurerm_subnet" "${name}" {
  name                 = "snet-${name}"
  resource_group_name  = azurerm_resource_group.net.name
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["${prefix}"]
}
`

export const NETWORK = `resource "azurerm_resource_group" "net" {
  name     = "rg-net"
  location = "westeurope"
}

resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name
  address_space       = ["10.1.0.0/16"]
}
${subnet('app', '10.1.1.0/24')}${subnet('db', '10.1.2.0/24')}${subnet('web', '10.1.3.0/24')}${subnet('ops', '10.1.4.0/24')}`

const TUNNEL = `
  route {
    name           = "default-to-onprem"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "VirtualNetworkGateway"
  }
`

/** A route table on subnet `sub`, with the forced tunnel or without; `above` goes on the line above it. */
export const table = (
  key: string,
  sub: string,
  tunnel: boolean,
  above = '',
) => `${above}resource "azurerm_route_table" "${key}" {
  name                = "rt-${key}"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name
${tunnel ? TUNNEL : ''}}

resource "azurerm_subnet_route_table_association" "${key}" {
  subnet_id      = azurerm_subnet.${sub}.id
  route_table_id = azurerm_route_table.${key}.id
}
`

const ACCEPTED = '# azure-kms-guard:ignore KMS001 ops VMs activate through the on-premises KMS host\n'

export function baseFiles(): Record<string, string> {
  return {
    'infra/providers.tf': PROVIDERS,
    'infra/network.tf': NETWORK,
    'infra/spoke.tf': table('spoke', 'app', false),
    'infra/legacy.tf': table('legacy', 'db', true),
    'infra/old.tf': table('old', 'web', true),
    'infra/accepted.tf': table('accepted', 'ops', true, ACCEPTED),
  }
}

export function headFiles(): Record<string, string> {
  return { 'infra/spoke.tf': table('spoke', 'app', true), 'infra/old.tf': table('old', 'web', false) }
}

export interface PullRequestFixture {
  fx: GitFixture
  /** The shallow checkout of the head: GITHUB_WORKSPACE. */
  workspace: string
  payload: Record<string, unknown>
  /** pulls.listFiles items, with the patches git computes. */
  files: { filename: string; status: string; patch: string }[]
}

export function pullRequestFixture(): PullRequestFixture {
  const fx = makeRepo(baseFiles(), headFiles())
  const workspace = shallowClone(fx)
  const changed = git(fx.origin, 'diff', '--name-only', `${fx.baseSha}...${fx.headSha}`).split('\n')
  const files = changed.map((filename) => {
    const diff = git(fx.origin, 'diff', `${fx.baseSha}...${fx.headSha}`, '--', filename)
    return { filename, status: 'modified', patch: diff.slice(diff.indexOf('@@')) }
  })
  const payload = {
    number: 7,
    pull_request: {
      number: 7,
      base: { sha: fx.baseSha, repo: { full_name: 'octo/net' } },
      head: { sha: fx.headSha, repo: { full_name: 'octo/net' } },
    },
    repository: { name: 'net', owner: { login: 'octo' } },
  }
  return { fx, workspace, payload, files }
}

export interface GitHubState {
  comments: { id: number; body: string; user: { login: string; type: string } }[]
  reviewComments: { id: number; body: string; path: string; line: number; start_line?: number }[]
}

/** The stand-in API for repository octo/net, PR 7; `deny` makes those writes answer 403 like a fork's token. */
export async function fakeGitHub(
  files: unknown[],
  opts: { deny?: ('checks' | 'comments' | 'reviews')[] } = {},
): Promise<FakeGitHub & { state: GitHubState }> {
  const state: GitHubState = { comments: [], reviewComments: [] }
  const deny = new Set(opts.deny ?? [])
  const forbidden = { status: 403, body: { message: 'Resource not accessible by integration' } }
  let nextId = 100
  const bot = { login: 'github-actions[bot]', type: 'Bot' }
  const server = await startGitHubServer([
    {
      method: 'GET',
      path: /^\/repos\/octo\/net\/pulls\/7\/files$/,
      reply: (req, _m, s) => paged(req, files, s.url),
    },
    {
      method: 'POST',
      path: /^\/repos\/octo\/net\/check-runs$/,
      reply: () =>
        deny.has('checks') ? forbidden : { status: 201, body: { id: 4242, html_url: 'https://x/runs/4242' } },
    },
    {
      method: 'PATCH',
      path: /^\/repos\/octo\/net\/check-runs\/4242$/,
      reply: () => ({ body: { id: 4242 } }),
    },
    {
      method: 'GET',
      path: /^\/repos\/octo\/net\/issues\/7\/comments$/,
      reply: (req, _m, s) => paged(req, state.comments, s.url),
    },
    {
      method: 'POST',
      path: /^\/repos\/octo\/net\/issues\/7\/comments$/,
      reply: (req: RecordedRequest) => {
        if (deny.has('comments')) return forbidden
        const c = { id: nextId++, body: req.body.body as string, user: bot }
        state.comments.push(c)
        return { status: 201, body: c }
      },
    },
    {
      method: 'PATCH',
      path: /^\/repos\/octo\/net\/issues\/comments\/(\d+)$/,
      reply: (req, m) => {
        const c = state.comments.find((x) => x.id === Number(m[1]))
        if (!c) return { status: 404, body: { message: 'Not Found' } }
        c.body = req.body.body as string
        return { body: c }
      },
    },
    {
      method: 'GET',
      path: /^\/repos\/octo\/net\/pulls\/7\/comments$/,
      reply: (req, _m, s) => paged(req, state.reviewComments, s.url),
    },
    {
      method: 'POST',
      path: /^\/repos\/octo\/net\/pulls\/7\/reviews$/,
      reply: (req) => {
        if (deny.has('reviews')) return forbidden
        for (const c of req.body.comments as GitHubState['reviewComments'])
          state.reviewComments.push({ ...c, id: nextId++ })
        return { body: { id: nextId++ } }
      },
    },
  ])
  return Object.assign(server, { state })
}

export interface Recorded {
  annotations: { severity: Severity; message: string; props: AnnotationProps }[]
  logs: string[]
  warnings: string[]
  outputs: Record<string, string | number>
  secrets: string[]
  summaries: string[]
}

/** GuardDeps wired to the stand-in server, with every side effect recorded. */
export function deps(
  workspace: string,
  server: FakeGitHub,
  payload: Record<string, unknown>,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): { deps: GuardDeps; rec: Recorded } {
  const rec: Recorded = { annotations: [], logs: [], warnings: [], outputs: {}, secrets: [], summaries: [] }
  const sinkFor = (severity: Severity) => (message: string, props: AnnotationProps) =>
    rec.annotations.push({ severity, message, props })
  return {
    rec,
    deps: {
      workspace,
      env: {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REPOSITORY: 'octo/net',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '1',
        RUNNER_TEMP: path.dirname(workspace),
        ...env,
      },
      payload,
      getInput: (name) => inputs[name] ?? '',
      setSecret: (s) => rec.secrets.push(s),
      setOutput: (k, v) => {
        rec.outputs[k] = v
      },
      octokitFor: (token) => getOctokit(token, { baseUrl: server.url }),
      sink: { error: sinkFor('error'), warning: sinkFor('warning'), notice: sinkFor('notice') },
      log: { info: (m) => rec.logs.push(m), warning: (m) => rec.warnings.push(m) },
      writeSummary: async (md) => {
        rec.summaries.push(md)
      },
    },
  }
}

/** Line numbers (1-based) of the lines in `file` that match. */
export function linesMatching(file: string, re: RegExp): number[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((l, i) => (re.test(l) ? [i + 1] : []))
}

/**
 * The built action. test/global-setup.mjs builds dist/ before any suite runs whenever its recorded
 * source hash differs from the checkout's, so a missing bundle here is a failed build: fail, never skip.
 */
export function builtAction(): { file: string } {
  const file = path.resolve('dist', 'index.js')
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: the build in test/global-setup.mjs failed`)
  return { file }
}

export interface ChildRun {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs node on the action asynchronously: the stand-in servers live in this process and must keep answering. */
export function runNode(file: string, cwd: string, env: Record<string, string>): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file], { cwd, env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
    const timer = setTimeout(() => child.kill(), 90_000)
    child.on('error', reject)
    child.on('close', (status) => {
      clearTimeout(timer)
      resolve({ status, stdout, stderr })
    })
  })
}
