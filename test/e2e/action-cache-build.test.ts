/**
 * The cache-dir across builds (dist/index.js, a real git base → head, the GitHub stand-in): an action pinned
 * to a branch runs a new build under the same package version after every merge, and the findings one build
 * stored must not be taken by another, whose rules may judge the same inputs differently. Entries are keyed
 * by the build's source hash (dist/build-hash, src/report/tool.ts toolBuild) besides the version.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runPullRequest } from './pr-run'
import { FORCED_TUNNEL, NO_ROUTES, spoke } from '../helpers/tf-environments'
import { builtAction } from '../action/fixture'

test('the cache-dir entries of one build are taken by the same build and not by another of the same version', async () => {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-cache-build-'))
  const otherBuild = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-other-build-'))
  try {
    const dist = path.dirname(builtAction().file)
    fs.cpSync(dist, otherBuild, { recursive: true })
    const hash = fs.readFileSync(path.join(dist, 'build-hash'), 'utf8').trim()
    fs.writeFileSync(
      path.join(otherBuild, 'build-hash'),
      `${hash.replace(/^./, (c) => (c === '0' ? '1' : '0'))}\n`,
    )
    const pr = (file?: string) =>
      runPullRequest(
        // The pull request sets the spoke's routes to a forced tunnel: a new KMS001.
        { 'spoke/main.tf': spoke(), 'spoke/terraform.tfvars': NO_ROUTES },
        { 'spoke/terraform.tfvars': FORCED_TUNNEL },
        { path: '.', 'cache-dir': cacheDir },
        () => ({}),
        file,
      )
    const first = await pr()
    expect(first.stdout).not.toContain('taken from the cache-dir')
    expect(first.outputs).toMatchObject({ 'new-findings': '1' })
    // The same build: the base's unit comes from the cache.
    const again = await pr()
    expect(again.stdout).toContain('taken from the cache-dir')
    expect(again.outputs).toEqual(first.outputs)
    // Another build of the same version: judged again, same verdict.
    const other = await pr(path.join(otherBuild, 'index.js'))
    expect(other.stdout).not.toContain('taken from the cache-dir')
    expect(other.outputs).toEqual(first.outputs)
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true })
    fs.rmSync(otherBuild, { recursive: true, force: true })
  }
})
