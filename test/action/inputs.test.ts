import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { readActionInputs } from '../../src/action/inputs'

const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-guard-inputs-'))
afterAll(() => fs.rmSync(ws, { recursive: true, force: true }))

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
      AZURE_SUBSCRIPTION_ID: 'sub-1',
    })
    expect(i.live).toEqual({
      subscriptionIds: ['sub-1'],
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
    [{ live: 'true', 'subscription-ids': 's', 'live-time-budget': '0' }, /live-time-budget/],
    [
      { live: 'true', 'subscription-ids': 's', 'arm-endpoint': 'http://127.0.0.1:1' },
      /'arm-endpoint' must be an https URL/,
    ],
    [
      { live: 'true', 'subscription-ids': 's', 'fail-on-deployed': 'maybe' },
      /'fail-on-deployed' must be true or false/,
    ],
  ])('rejects %j', (inputs, message) => {
    expect(() => read(inputs)).toThrow(message)
  })
})
