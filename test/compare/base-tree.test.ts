/**
 * The base commit written from git objects (src/compare/base-tree.ts), on real git repositories: only
 * the units the base scan needs (the changed one with every module it calls, and the roots calling a
 * changed module), every non-Terraform file (data a file() call may read), links as links, and a full
 * write or a fallback where a partial tree could differ from a checkout.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { partialBase, type PartialBaseInput } from '../../src/compare/base-tree'
import { narrowHead as indexHead, readHeadIndex } from '../../src/compare/head-index'
import { runGit } from '../../src/github/git'
import { scan } from '../../src/pipeline/scan'
import { gitBlobId } from '../../src/sources/terraform/units'
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
  opts: Partial<PartialBaseInput> | ((workspace: string) => Promise<Partial<PartialBaseInput>>) = {},
) {
  fx = makeRepo(base, head)
  const workspace = shallowClone(fx)
  const change = git(fx.origin, 'diff', '--name-only', `${fx.baseSha}...${fx.headSha}`).split('\n')
  const more = typeof opts === 'function' ? await opts(workspace) : opts
  const view = await partialBase({
    repoDir: workspace,
    sha: fx.baseSha,
    scanRel: '',
    change: { paths: change, removed: [] },
    headUnits: [],
    includeTestFixtures: false,
    varFiles: [],
    tempRoot: fx.root,
    ...more,
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

  test.each([
    ['core.autocrlf', 'true', 'fallback'],
    ['core.eol', 'crlf', 'fallback'],
    ['core.autocrlf', 'input', 'partial'],
    ['core.autocrlf', 'false', 'partial'],
  ])('%s = %s: %s (a checkout would or would not convert line ends)', async (key, value, kind) => {
    const { view } = await written(FILES, { 'envs/prod/terraform.tfvars': 'x = 2\n' }, (workspace) => {
      git(workspace, 'config', key, value)
      return Promise.resolve({})
    })
    expect(view.kind).toBe(kind)
    if (view.kind === 'fallback') expect(view.why).toContain('core.autocrlf or core.eol')
  })

  test('a clone that already has the base commit: read without fetching; a sha it lacks is fetched or refused', async () => {
    fx = makeRepo(FILES, { 'envs/prod/terraform.tfvars': 'x = 2\n' })
    const input = {
      repoDir: fx.origin,
      scanRel: '',
      change: { paths: ['envs/prod/terraform.tfvars'], removed: [] },
      headUnits: [],
      includeTestFixtures: false,
      varFiles: [],
      tempRoot: fx.root,
    }
    const calls: string[][] = []
    const recording = (args: string[], cwd: string) => {
      calls.push(args)
      return runGit(args, cwd)
    }
    const view = await partialBase({ ...input, sha: fx.baseSha, git: recording })
    expect(view.kind).toBe('partial')
    if (view.kind !== 'fallback') await view.cleanup()
    expect(calls.some((a) => a[0] === 'fetch')).toBe(false)
    // The origin has no remote to fetch from: a missing commit is looked for there, and that fails.
    await expect(partialBase({ ...input, sha: 'f'.repeat(40), git: recording })).rejects.toThrow(
      /git fetch failed/,
    )
    expect(calls.some((a) => a[0] === 'fetch')).toBe(true)
  })
})

/** The head's call index as the pull request run has it: from a head scan with a unit selection. */
async function headCalls(workspace: string): Promise<Partial<PartialBaseInput>> {
  const head = await scan({
    path: workspace,
    cloud: 'AzureCloud',
    varFiles: [],
    repoRoot: workspace,
    units: { keyRoot: workspace, hashRoot: workspace, changed: { paths: [], removed: [] } },
  })
  return { headCalls: head.terraformCalls! }
}

/** As the pull request run has it when the change only modified `changed`: the head's calls and the files of the units it judged. */
const narrowHead =
  (changed: string[]) =>
  async (workspace: string): Promise<Partial<PartialBaseInput>> => {
    const head = await scan({
      path: workspace,
      cloud: 'AzureCloud',
      varFiles: [],
      repoRoot: workspace,
      units: {
        keyRoot: workspace,
        hashRoot: workspace,
        changed: { paths: changed.map((c) => path.join(workspace, c)), removed: [] },
      },
    })
    const judged = head.units!.filter((u) => u.judged)
    return {
      headCalls: head.terraformCalls!,
      headUnits: judged.map((u) => u.key),
      headUnitFiles: { files: judged.flatMap((u) => u.files!), units: judged.length },
    }
  }

describe('the base units from the head’s module calls (files with the same blob id are not read)', () => {
  test('the head scan gives each .tf file’s git blob id and the directories it calls', async () => {
    fx = makeRepo(
      { ...FILES, 'envs/prod/main.tf': `# é\n${tf('../../modules/net')}` },
      { 'envs/prod/terraform.tfvars': 'x = 2\n' },
    )
    const workspace = shallowClone(fx)
    const { headCalls: calls } = await headCalls(workspace)
    expect(calls!['envs/prod/main.tf']).toEqual({
      oid: git(workspace, 'rev-parse', 'HEAD:envs/prod/main.tf'),
      calls: ['modules/net'],
    })
    expect(calls!['modules/net/main.tf']).toEqual({
      oid: git(workspace, 'rev-parse', 'HEAD:modules/net/main.tf'),
      calls: [],
    })
    const text = 'x = "é"\n'
    fs.writeFileSync(path.join(fx.root, 'blob.txt'), text)
    expect(gitBlobId(text)).toBe(git(workspace, 'hash-object', path.join(fx.root, 'blob.txt')).trim())
    // Var files say nothing of calls: only .tf files are indexed.
    expect(Object.keys(calls!).filter((k) => !k.endsWith('.tf'))).toEqual([])
  })

  test('the same files are written as when every base file is read from git', async () => {
    for (const head of <Record<string, string | null>[]>[
      { 'envs/prod/terraform.tfvars': 'x = 2\n' },
      { 'modules/net/main.tf': tf() + '\n' },
      { 'envs/stage/main.tf': null },
    ]) {
      const read = await written(FILES, head)
      fx!.cleanup()
      const reused = await written(FILES, head, headCalls)
      expect(reused.files).toEqual(read.files)
      expect(reused.view).toMatchObject({ kind: 'partial', units: (read.view as { units: number }).units })
      fx!.cleanup()
    }
  })

  test('a base laid out as the head (only modified files, same blob ids): the head’s judged units are written, the same files as when read', async () => {
    for (const [changed, text] of [
      ['envs/prod/terraform.tfvars', 'x = 2\n'],
      ['modules/net/main.tf', tf() + '\n'],
      ['envs/dev/rules.json', '{"x": 1}\n'],
    ] as const) {
      const read = await written(FILES, { [changed]: text })
      fx!.cleanup()
      const same = await written(FILES, { [changed]: text }, narrowHead([changed]))
      expect(same.files).toEqual(read.files)
      expect(same.view).toMatchObject({ kind: 'partial', units: (read.view as { units: number }).units })
      fx!.cleanup()
    }
  })

  test('the head’s judged units are taken on the layout’s word: no base unit is formed', async () => {
    // Told (falsely) that the head judged envs/stage: written as told, which shows no unit was formed here.
    const { files } = await written(FILES, { 'envs/prod/terraform.tfvars': 'x = 2\n' }, async (ws) => ({
      ...(await narrowHead(['envs/prod/terraform.tfvars'])(ws)),
      headUnitFiles: { files: ['envs/stage/main.tf'], units: 1 },
    }))
    expect(files.filter((f) => f.endsWith('.tf'))).toEqual(['envs/stage/main.tf', 'examples/basic/main.tf'])
  })

  test('a .tf file the head has and the base does not (untracked): the base forms its own units', async () => {
    const { files } = await written(FILES, { 'envs/prod/terraform.tfvars': 'x = 2\n' }, async (ws) => {
      fs.writeFileSync(path.join(ws, 'envs/prod/extra.tf'), tf('../../modules/other'))
      return narrowHead(['envs/prod/terraform.tfvars'])(ws)
    })
    // The head's envs/prod calls modules/other through the untracked file; the base's does not.
    expect(files.filter((f) => f.endsWith('.tf'))).toEqual([
      'envs/prod/main.tf',
      'examples/basic/main.tf',
      'modules/net/main.tf',
    ])
  })

  test('a base file the change edited is read from git: its own calls form its unit, not the head’s', async () => {
    // The head moves envs/dev from modules/other to modules/net; the base still calls modules/other.
    const { files } = await written(FILES, { 'envs/dev/main.tf': tf('../../modules/net') }, headCalls)
    expect(files.filter((f) => f.endsWith('.tf'))).toEqual([
      'envs/dev/main.tf',
      'examples/basic/main.tf',
      'modules/other/main.tf',
    ])
  })

  test('a base file with the head’s blob id takes the head’s calls without being read', async () => {
    // Told (falsely) that envs/prod calls modules/other: the base takes it on the blob id's word, which
    // shows the file was not read from git. (A real head scan tells the truth: the test above.)
    const { files } = await written(FILES, { 'envs/prod/terraform.tfvars': 'x = 2\n' }, async (ws) => ({
      headCalls: {
        'envs/prod/main.tf': {
          oid: git(ws, 'rev-parse', `HEAD:envs/prod/main.tf`),
          calls: ['modules/other'],
        },
      },
    }))
    expect(files.filter((f) => f.endsWith('.tf'))).toEqual([
      'envs/prod/main.tf',
      'examples/basic/main.tf',
      'modules/other/main.tf',
    ])
  })

  test('a .tf file the change modified keeps the layout when it calls the same modules; not when its calls differ', async () => {
    // The edit keeps the call: the head's judged unit is written as is (told falsely it was envs/stage,
    // which shows no base unit was formed).
    const kept = await written(
      FILES,
      { 'envs/prod/main.tf': `${tf('../../modules/net')}# edited\n` },
      async (ws) => ({
        ...(await narrowHead(['envs/prod/main.tf'])(ws)),
        headUnitFiles: { files: ['envs/stage/main.tf'], units: 1 },
      }),
    )
    expect(kept.files.filter((f) => f.endsWith('.tf'))).toEqual([
      'envs/stage/main.tf',
      'examples/basic/main.tf',
    ])
    // The head moves envs/dev to modules/net: the base's envs/dev still calls modules/other, which is written.
    const moved = await written(
      FILES,
      { 'envs/dev/main.tf': tf('../../modules/net') },
      narrowHead(['envs/dev/main.tf']),
    )
    expect(moved.files.filter((f) => f.endsWith('.tf'))).toEqual([
      'envs/dev/main.tf',
      'examples/basic/main.tf',
      'modules/other/main.tf',
    ])
  })

  test('a head whose files came from git’s index (blob ids of every .tf file, calls of the read ones): the same files as when read', async () => {
    for (const [changed, text] of [
      ['envs/prod/terraform.tfvars', 'x = 2\n'],
      ['modules/net/main.tf', tf() + '\n'],
      ['envs/dev/main.tf', tf('../../modules/net')],
    ] as const) {
      const read = await written(FILES, { [changed]: text })
      fx!.cleanup()
      const indexed = await written(FILES, { [changed]: text }, async (ws) => {
        const index = await readHeadIndex({ workspace: ws })
        if (index.kind !== 'index') throw new Error(index.why)
        const view = indexHead(index, {
          workspace: ws,
          scanRel: '',
          change: [changed],
          includeTestFixtures: false,
          varFiles: [],
        })
        if (view.kind !== 'narrow') throw new Error(view.why)
        return {
          headCalls: view.calls,
          headOids: view.oids,
          headUnits: view.unitKeys,
          headUnitFiles: { files: view.unitFiles, units: view.affected },
        }
      })
      expect(indexed.files).toEqual(read.files)
      expect(indexed.view).toMatchObject({ kind: 'partial', units: (read.view as { units: number }).units })
      fx!.cleanup()
    }
  })
})
