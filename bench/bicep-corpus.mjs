// node bench/bicep-corpus.mjs <dir>…: parses every .bicep and .bicepparam file under each directory with
// the Bicep parser of src/sources/bicep and prints, per directory, the files, megabytes, seconds and the
// files with a syntax error (each with its line and message). Used to check the parser on public
// repositories checked out locally (see README, Development).
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadBicepParser } from './bicep.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const parseBicep = loadBicepParser(root)

function walk(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) {
      if (e.name !== '.git' && e.name !== 'node_modules') walk(p, out)
    } else if (/\.bicep(param)?$/.test(e.name)) out.push(p)
  }
  return out
}

for (const dir of process.argv.slice(2)) {
  const files = walk(dir)
  const errors = []
  let bytes = 0
  const start = process.hrtime.bigint()
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    bytes += Buffer.byteLength(text)
    const { syntaxError } = parseBicep(file, text)
    if (syntaxError)
      errors.push(`  ${relative(dir, file)}:${syntaxError.origin.startLine}: ${syntaxError.message}`)
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  console.log(
    `${dir}: ${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB, ${seconds.toFixed(2)} s, ` +
      `${errors.length} with a syntax error`,
  )
  for (const e of errors) console.log(e)
}
