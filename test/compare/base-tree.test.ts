/**
 * The base commit written from git objects (src/compare/base-tree.ts), on real git repositories: only
 * the units the base scan needs (the changed one with every module it calls, and the roots calling a
 * changed module), every non-Terraform file (data a file() call may read), links as links, and a full
 * write or a fallback where a partial tree could differ from a checkout.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { partialBase, type PartialBaseInput } from '../../src/compare/base-tree'
import { git, makeRepo, shallowClone, type GitFixture } from '../github/git-fixture'

const tf = (source?: string) =>
  source ? `module "m" {\n  source = "${source}"\n}\n` : 'locals {\n  a = 1\n}\n'

const FILES = {
  'envs/prod/main.tf': tf('../../modules/net'),
  'envs/prod/terraform.tfvars': 'x = 1\n',
  'envs/stage/main.tf': tf('../../modules/net'),
  'envs/dev/main.tf': tf('../../modules/other'),
  'envs/dev/rules.json': '{}\n',
  'modules/net/main.tf': tf(),
  'modules/other/main.tf': tf(),
  'examples/basic/main.tf': tf('../../modules/other'),
}

let fx: GitFixture | undefined
afterEach(() => fx?.cleanup())

async function written(
  base: Record<string, string>,
  head: Record<string, string | null>,
  opts: Partial<PartialBaseInput> = {},
) {
  fx = makeRepo(base, head)
  const workspace = shallowClone(fx)
  const change = git(fx.origin, 'diff', '--name-only', `${fx.baseSha}...${fx.headSha}`).split('\n')
  const view = await partialBase({
    repoDir: workspace,
    sha: fx.baseSha,
    scanRel: '',
    change: { paths: change, removed: [] },
    headUnits: [],
    includeTestFixtures: false,
    varFiles: [],
    tempRoot: fx.root,
    ...opts,
  })
  if (view.kind === 'fallback') return { view, files: [] as string[] }
  const files: string[] = []
  const walk = (dir: string, rel: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name
      if (e.isDirectory()) walk(path.join(dir, e.name), r)
      else files.push(e.isSymbolicLink() ? `${r} -> ${fs.readlinkSync(path.join(dir, e.name))}` : r)
    }
  }
  walk(view.dir, '')
  await view.cleanup()
  expect(fs.existsSync(view.dir)).toBe(false)
  return { view, files: files.sort() }
}

describe('the base commit from git objects', () => {
  test('a changed var file: its unit with the module it calls, every non-Terraform file, test fixtures', async () => {
    const { view, files } = await written(FILES, { 'envs/prod/terraform.tfvars': 'x = 2\n' })
    expect(view.kind).toBe('partial')
    expect(files).toEqual([
      'envs/dev/rules.json',
      'envs/prod/main.tf',
      'envs/prod/terraform.tfvars',
      'examples/basic/main.tf',
      'modules/net/main.tf',
    ])
  })

  test('a changed module: every root that calls it; a unit the head judged is written too', async () => {
    const { files } = await written(
      FILES,
      { 'modules/net/main.tf': tf() + '\n' },
      { headUnits: ['envs/dev'] },
    )
    expect(files.filter((f) => f.endsWith('.tf'))).toEqual([
      'envs/dev/main.tf',
      'envs/prod/main.tf',
      'envs/stage/main.tf',
      'examples/basic/main.tf',
      'modules/net/main.tf',
      'modules/other/main.tf',
    ])
  })

  test('a changed data file: the units that may read it with file()', async () => {
    const base = { ...FILES, 'envs/dev/main.tf': 'locals {\n  r = file("${path.module}/rules.json")\n}\n' }
    const { files } = await written(base, { 'envs/dev/rules.json': '{"x": 1}\n' })
    expect(files.filter((f) => f.endsWith('.tf'))).toEqual(['envs/dev/main.tf', 'examples/basic/main.tf'])
  })

  test('symbolic links are written as links, and then every file is', async () => {
    // A link committed in git:
    const repo = makeRepo({ ...FILES }, { 'envs/prod/terraform.tfvars': 'x = 2\n' })
    try {
      git(repo.origin, 'checkout', '-q', 'main')
      fs.symlinkSync('/etc/passwd', path.join(repo.origin, 'envs/prod/secrets.tf'))
      git(repo.origin, 'add', '-A')
      git(repo.origin, 'commit', '-q', '-m', 'link')
      const sha = git(repo.origin, 'rev-parse', 'HEAD')
      const linked = await partialBase({
        repoDir: repo.origin,
        sha,
        scanRel: '',
        change: { paths: ['envs/prod/terraform.tfvars'], removed: [] },
        headUnits: [],
        includeTestFixtures: false,
        varFiles: [],
        tempRoot: repo.root,
      })
      expect(linked.kind).toBe('whole')
      if (linked.kind === 'fallback') return
      expect(fs.readlinkSync(path.join(linked.dir, 'envs/prod/secrets.tf'))).toBe('/etc/passwd')
      expect(fs.existsSync(path.join(linked.dir, 'envs/stage/main.tf'))).toBe(true)
      await linked.cleanup()
    } finally {
      repo.cleanup()
    }
  })

  test('a repository with .gitattributes falls back to the checkout, saying why', async () => {
    const { view } = await written(
      { ...FILES, '.gitattributes': '*.tf text eol=crlf\n' },
      { 'envs/prod/terraform.tfvars': 'x = 2\n' },
    )
    expect(view).toEqual({ kind: 'fallback', why: expect.stringContaining('.gitattributes') })
  })
})
