import * as fs from 'node:fs'
import * as path from 'node:path'
import { checkoutBase } from '../../src/compare/checkout-base'
import { git, makeRepo, shallowClone, type GitFixture } from '../github/git-fixture'

describe('checkoutBase', () => {
  let fx: GitFixture
  beforeEach(() => {
    fx = makeRepo(
      { 'net/spoke.tf': 'base\n', '.gitattributes': 'net/* export-ignore\n' },
      { 'net/spoke.tf': 'head\n', 'added.tf': 'x\n' },
    )
  })
  afterEach(() => fx.cleanup())

  test('materialises the base tree (export-ignore files too) and cleans up', async () => {
    git(fx.origin, 'checkout', '-q', 'feature')
    const base = await checkoutBase(fx.origin, fx.baseSha, { tempRoot: fx.root })
    expect(fs.readFileSync(path.join(base.dir, 'net/spoke.tf'), 'utf8')).toBe('base\n')
    expect(fs.existsSync(path.join(base.dir, 'added.tf'))).toBe(false)
    // The head checkout is untouched.
    expect(fs.readFileSync(path.join(fx.origin, 'net/spoke.tf'), 'utf8')).toBe('head\n')
    await base.cleanup()
    expect(fs.existsSync(base.dir)).toBe(false)
    expect(git(fx.origin, 'worktree', 'list')).not.toContain('kms-guard-base-')
  })

  test('fetches the base into a depth-1 clone', async () => {
    const dir = shallowClone(fx)
    expect(() => git(dir, 'cat-file', '-e', `${fx.baseSha}^{commit}`)).toThrow()
    const base = await checkoutBase(dir, fx.baseSha, { tempRoot: fx.root })
    expect(fs.readFileSync(path.join(base.dir, 'net/spoke.tf'), 'utf8')).toBe('base\n')
    await base.cleanup()
  })

  test('refuses something that is not a sha (it would be read as an option)', async () => {
    await expect(checkoutBase(fx.origin, '--help')).rejects.toThrow(/not a commit sha/)
  })
})
