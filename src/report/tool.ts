/**
 * Who we are, for SARIF's tool.driver and the CLI's --version: package.json is the one source of the version.
 */
import * as path from 'node:path'
import pkg from '../../package.json' with { type: 'json' }
import { makeBoundary, readSource } from '../sources/parsing/read-source'

export const TOOL_NAME = 'azure-kms-guard'
export const TOOL_VERSION: string = pkg.version
export const TOOL_URI = 'https://github.com/azure-kms-guard/azure-kms-guard'

let build: string | undefined

/**
 * The version and, where a bundle runs, the content hash of the sources it was built from (dist/build-hash,
 * written by scripts/build.mjs beside dist/index.js, one folder up from dist/cli/index.js): what the action
 * pinned to a branch runs changes from commit to commit under one package version, and what one build
 * stored (the cache-dir's findings) must not be taken for another's. Without a bundle (the sources under
 * test), the version alone.
 */
export function toolBuild(): string {
  if (build !== undefined) return build
  build = TOOL_VERSION
  if (typeof __dirname === 'string') {
    for (const dir of [__dirname, path.dirname(__dirname)]) {
      const read = readSource(path.join(dir, 'build-hash'), makeBoundary([dir]))
      const hash = read.ok ? read.text.trim() : ''
      if (/^[0-9a-f]{64}$/.test(hash)) {
        build = `${TOOL_VERSION}+${hash.slice(0, 16)}`
        break
      }
    }
  }
  return build
}
