/**
 * A scan root on disk for a test: `files` (relative name → content, folders made as needed) in a fresh
 * directory under the system temp dir, by its real path (macOS's /tmp is a link), removed after the file's
 * tests.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

const made: string[] = []
afterAll(() => made.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

export function tree(files: Record<string, string>, prefix = 'kms-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)))
  made.push(dir)
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), text)
  }
  return dir
}
