// The content hash of everything a build bundles: the sources, the lock file and the build itself.
// `npm run build` records it in dist/build-hash; the test setup compares it with the checkout's, so
// "dist/ is stale" is decided by content (a fresh clone gives every file the same time).
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const INPUTS = ['src', 'package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs']

function files(root, entry) {
  const full = join(root, entry)
  let dirents
  try {
    dirents = readdirSync(full, { withFileTypes: true })
  } catch {
    return [full]
  }
  return dirents.flatMap((d) => files(root, join(entry, d.name)))
}

export function sourceHash(root) {
  const hash = createHash('sha256')
  const all = INPUTS.flatMap((e) => files(root, e))
    .map((f) => relative(root, f).split('\\').join('/'))
    .sort()
  for (const f of all) {
    hash.update(f + '\0')
    hash.update(readFileSync(join(root, f)))
    hash.update('\0')
  }
  return hash.digest('hex')
}
