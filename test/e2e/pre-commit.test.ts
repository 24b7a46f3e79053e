/**
 * The pre-commit hook as pre-commit runs it: the entry of .pre-commit-hooks.yaml, with the staged
 * files that match its `files` pattern as arguments, in a real git repository.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
import { brokenWorkspace, cleanWorkspace, type Workspace } from './workspace'

const CLI = resolve('dist', 'cli', 'index.js')
const hooks = parse(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as {
  id: string
  entry: string
  files: string
  language: string
}[]
const hook = hooks.find((h) => h.id === 'azure-kms-guard')!

const made: Workspace[] = []
afterAll(() => made.forEach((w) => rmSync(w.dir, { recursive: true, force: true })))

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`)
  return r.stdout
}

/** What pre-commit does: the staged files matching `files`, passed to the entry. */
function runHook(w: Workspace) {
  const staged = git(w.dir, 'diff', '--cached', '--name-only').split('\n').filter(Boolean)
  const files = staged.filter((f) => new RegExp(hook.files).test(f))
  const [bin, ...args] = hook.entry.split(' ')
  expect(bin).toBe('azure-kms-guard') // the package's bin, which is dist/cli/index.js
  return spawnSync(process.execPath, [CLI, ...args, ...files], {
    cwd: w.dir,
    encoding: 'utf8',
    timeout: 60_000,
  })
}

function repo(w: Workspace): Workspace {
  made.push(w)
  git(w.dir, 'init', '-q')
  mkdirSync(join(w.dir, 'docs'))
  writeFileSync(join(w.dir, 'docs', 'notes.md'), '# notes\n')
  git(w.dir, 'add', '-A')
  return w
}

test('the hook is a node hook whose entry is the package bin', () => {
  expect(hook).toMatchObject({ language: 'node', entry: 'azure-kms-guard hook' })
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
  expect(pkg.bin['azure-kms-guard']).toBe('dist/cli/index.js')
})

test('staged forced tunnel: the hook fails the commit and names the line', () => {
  const r = runHook(repo(brokenWorkspace()))
  expect(r.status).toBe(1)
  expect(r.stdout).toMatch(/error\s+KMS001\s+infra\/network\.tf:\d+/)
})

test('staged healthy network: the hook passes', () => {
  const r = runHook(repo(cleanWorkspace()))
  expect(r.stderr).toBe('')
  expect(r.status).toBe(0)
})

test('only non-IaC files staged: nothing to scan, the hook passes', () => {
  const w = repo(brokenWorkspace())
  git(w.dir, 'reset', '-q')
  git(w.dir, 'add', 'docs/notes.md')
  const r = runHook(w)
  expect(r.status).toBe(0)
  expect(r.stdout).toMatch(/0 files/)
})
