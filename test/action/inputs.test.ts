import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { readActionInputs } from '../../src/action/inputs'

const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-guard-inputs-'))
afterAll(() => fs.rmSync(ws, { recursive: true, force: true }))

const SUB = '11111111-2222-3333-4444-555555555555'

const read = (inputs: Record<string, string>, pullRequest = true, env: NodeJS.ProcessEnv = {}) =>
  readActionInputs((n) => inputs[n] ?? '', { workspace: ws, pullRequest, env })

describe('readActionInputs', () => {
  it('defaults by event: new scope and a comment on pull requests, all and none elsewhere', () => {
    expect(read({})).toMatchObject({
      scope: 'new',
      comment: true,
      commentWhenClean: 'update',
      failOn: 'error',
    })
    expect(read({}, false)).toMatchObject({ scope: 'all', comment: false })
    expect(read({}).live).toBeUndefined()
    expect(read({}).configFile).toBe(path.join(ws, '.azure-kms-guard.yml'))
  })

  it('download-modules is off by default; on, it takes a cache folder and registry overrides', () => {
    expect(read({}).downloadModules).toBeUndefined()
    const env = { TF_TOKEN_registry_example_com: 't' }
    const i = read(
      {
        'download-modules': 'true',
        'module-cache': '.modules',
        'module-registries': 'http://127.0.0.1:8080\nregistry.example.com=https://mirror.example.com',
      },
      true,
      env,
    )
    expect(i.downloadModules).toEqual({
      cacheDir: path.join(ws, '.modules'),
      env,
      registries: new Map([
        ['registry.terraform.io', 'http://127.0.0.1:8080'],
        ['registry.example.com', 'https://mirror.example.com'],
      ]),
    })
    expect(() => read({ 'download-modules': 'true', 'module-registries': 'ftp://x' })).toThrow(
      "input 'module-registries': module registry 'ftp://x' must be an http(s) URL",
    )
  })

  it('splits plan files and resolves them in the workspace', () => {
    expect(read({ 'terraform-plan': 'a.json, b/c.json\nd.json' }).planFiles).toEqual(
      ['a.json', 'b/c.json', 'd.json'].map((f) => path.join(ws, f)),
    )
  })

  it('reads the live inputs, subscriptions from AZURE_SUBSCRIPTION_ID by default', () => {
    const i = read({ live: 'TRUE', 'live-time-budget': '12.5', 'resource-groups': 'rg-a,rg-b' }, true, {
      AZURE_SUBSCRIPTION_ID: SUB,
    })
    expect(i.live).toEqual({
      subscriptionIds: [SUB],
      resourceGroups: ['rg-a', 'rg-b'],
      effectiveRoutes: false,
      timeBudgetMs: 12_500,
      failOnDeployed: false,
    })
  })

  it.each([
    [{ scope: 'most' }, /input 'scope' must be one of new, changed, all/],
    [{ comment: 'yes' }, /input 'comment' must be true or false/],
    [{ 'comment-when-clean': 'never' }, /input 'comment-when-clean'/],
    [{ 'config-file': 'missing.yml' }, /input 'config-file': missing.yml not found/],
    [{ live: 'true' }, /no subscription is named/],
    [{ live: 'true', 'subscription-ids': SUB, 'live-time-budget': '0' }, /live-time-budget/],
    [
      { live: 'true', 'subscription-ids': SUB, 'arm-endpoint': 'http://127.0.0.1:1' },
      /'arm-endpoint' must be an https URL/,
    ],
    [
      { live: 'true', 'subscription-ids': SUB, 'fail-on-deployed': 'maybe' },
      /'fail-on-deployed' must be true or false/,
    ],
    [
      { live: 'true', 'subscription-ids': 'prod-sub' },
      /'subscription-ids': 'prod-sub' is not a subscription id/,
    ],
    // Validated even while live is off: the typo would bite the day live is turned on.
    [{ 'live-time-budget': 'soon' }, /live-time-budget/],
    [{ 'arm-endpoint': 'http://127.0.0.1:1' }, /'arm-endpoint' must be an https URL/],
    [{ 'effective-routes': 'y' }, /'effective-routes' must be true or false/],
    [{ 'fail-on-deployed': 'maybe' }, /'fail-on-deployed' must be true or false/],
    [{ baseline: 'missing.json' }, /input 'baseline': missing.json not found/],
  ])('rejects %j', (inputs, message) => {
    expect(() => read(inputs)).toThrow(message)
  })

  it('reads a baseline written by the CLI; a file that is not one is an error naming the input', () => {
    fs.writeFileSync(
      path.join(ws, 'kms-baseline.json'),
      JSON.stringify({ tool: 'azure-kms-guard', baselineVersion: 1, toolVersion: '0.1.0', findings: [] }),
    )
    expect(read({ baseline: 'kms-baseline.json' }).baseline).toMatchObject({ findings: [] })
    fs.writeFileSync(path.join(ws, 'other.json'), '[]')
    expect(() => read({ baseline: 'other.json' })).toThrow(
      /input 'baseline': .*not a azure-kms-guard baseline/,
    )
  })
})

describe('action.yml', () => {
  const action = parseYaml(fs.readFileSync('action.yml', 'utf8')) as {
    description: string
    inputs: Record<string, unknown>
  }

  it('has a Marketplace-sized description (at most 125 characters)', () => {
    expect(action.description.length).toBeLessThanOrEqual(125)
  })

  it('every declared input is read and validated, even with every feature off', () => {
    const asked = new Set<string>()
    readActionInputs(
      (n) => {
        asked.add(n)
        return ''
      },
      { workspace: ws, pullRequest: true, env: {} },
    )
    expect([...asked].sort()).toEqual(Object.keys(action.inputs).sort())
  })
})
