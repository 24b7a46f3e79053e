/**
 * Pull request runs are isolated like full scans: the built action (dist/index.js) on a pull_request
 * event against the 127.0.0.1 GitHub stand-in, with a real git base → head. The change turns one root
 * module into a unit that exhausts a 64 MB worker heap (within every evaluation budget: only the worker's
 * limit stops it) and adds a KMS-dropping route in another. The head scan and the base scan both judge
 * only the affected units (scope `new`), in the worker: the heavy unit costs itself one located KMS012,
 * the other unit's new finding is reported, and the run completes.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { builtAction, fakeGitHub, runNode, TOKEN } from '../action/fixture'
import { checkRunWrites } from '../helpers/github-server'
import { git, makeRepo, shallowClone } from '../github/git-fixture'
import { parseOutputs } from '../e2e/workspace'
import { examplesOf } from '../../src/rules/examples'

const action = builtAction()

const HEAVY =
  'locals {\n  x = [for i in range(900000) : "item-${i}-padding-padding-padding-padding"]\n}\n\n' +
  'resource "azurerm_route_table" "rt" {\n  name                = "rt-${length(local.x)}"\n' +
  '  location            = "westeurope"\n  resource_group_name = "rg"\n}\n'
const LIGHT = HEAVY.replace('range(900000)', 'range(3)')

/** The KMS002 example of `kind` under `good/`: the bad one's route drops KMS, the good one lets it out. */
const example = (kind: 'good' | 'bad') =>
  Object.fromEntries(
    Object.entries(examplesOf('KMS002').find((e) => e.kind === kind && e.format === 'terraform')!.files).map(
      ([n, t]) => [`good/${n}`, t],
    ),
  )

test('a pull request whose change makes a unit kill its worker: that unit is named, the others judged', async () => {
  const fx = makeRepo(
    { ...example('good'), 'bomb/main.tf': LIGHT, 'other/main.tf': LIGHT },
    { ...example('bad'), 'bomb/main.tf': HEAVY },
  )
  try {
    const workspace = shallowClone(fx)
    const changed = git(fx.origin, 'diff', '--name-only', `${fx.baseSha}...${fx.headSha}`).split('\n')
    const files = changed.map((filename) => {
      const diff = git(fx.origin, 'diff', `${fx.baseSha}...${fx.headSha}`, '--', filename)
      return { filename, status: 'modified', patch: diff.slice(diff.indexOf('@@')) }
    })
    const github = await fakeGitHub(files)
    try {
      const write = (name: string, text = '') => {
        const f = path.join(fx.root, name)
        fs.writeFileSync(f, text)
        return f
      }
      const payload = {
        number: 7,
        pull_request: {
          number: 7,
          base: { sha: fx.baseSha, repo: { full_name: 'octo/net' } },
          head: { sha: fx.headSha, repo: { full_name: 'octo/net' } },
        },
        repository: { name: 'net', owner: { login: 'octo' } },
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
        AZURE_KMS_GUARD_UNIT_HEAP_MB: '64',
        'INPUT_GITHUB-TOKEN': TOKEN,
        INPUT_COMMENT: 'false',
        INPUT_SCOPE: 'new',
      })
      const outputs = parseOutputs(fs.readFileSync(output, 'utf8'))
      const annotations: { path: string; title: string; message: string }[] =
        checkRunWrites(github).annotations
      if (r.status !== 1) console.log(r.stdout, r.stderr)
      expect(r.status).toBe(1)
      // The heavy unit: one located KMS012 saying its worker ran out of memory.
      const bomb = annotations.filter((a) => a.path === 'bomb/main.tf')
      expect(bomb.map((a) => `${a.title}: ${a.message}`)).toEqual([
        expect.stringMatching(/^KMS012.*the worker evaluating it ran out of memory \(heap limit 64 MB\)/),
      ])
      // The other changed unit's new finding is reported; the untouched unit is not judged.
      expect(annotations.some((a) => a.path.startsWith('good/') && a.title.startsWith('KMS002'))).toBe(true)
      expect(fs.readFileSync(summary, 'utf8')).toContain('1 unit it does not touch was not judged')
      expect(outputs['new-findings']).toBe('2')
    } finally {
      await github.close()
    }
  } finally {
    fx.cleanup()
  }
}, 180_000)
