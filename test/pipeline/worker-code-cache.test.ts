import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { Worker } from 'node:worker_threads'
import { workerBootCode } from '../../src/pipeline/worker-code-cache'

/**
 * A stand-in for the scan worker's bundle (a CommonJS script like ncc's): it loads a chunk beside it,
 * writes the code cache when asked to, then answers with what it saw (scan-worker-main.ts saves before its last message too).
 */
const bundle = (answer: string) => `
const { parentPort } = require('node:worker_threads')
const chunk = require('./chunk.js')
const save = globalThis[Symbol.for('azure-kms-guard.saveWorkerCodeCache')]
const wantsCache = typeof save === 'function'
if (wantsCache) save()
parentPort.postMessage({ answer: ${JSON.stringify(answer)}, chunk, dir: __dirname, file: __filename, wantsCache })
`

async function run(script: string, folder: string): Promise<Record<string, unknown>> {
  const worker = new Worker(workerBootCode(script, folder), { eval: true })
  try {
    return await new Promise((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
      worker.once('exit', (code) => reject(new Error(`the worker ended (${code}) without answering`)))
    })
  } finally {
    // The stand-in wrote its cache before it answered: nothing is cut short.
    await worker.terminate()
  }
}

describe('the scan worker booted with V8 code cache (Node 20)', () => {
  let dir: string
  let folder: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-boot-'))
    folder = path.join(dir, 'cache')
    fs.mkdirSync(folder, { mode: 0o700 })
    fs.writeFileSync(path.join(dir, 'chunk.js'), 'module.exports = "chunk loaded"')
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  const cached = () => fs.readdirSync(folder).filter((n) => n.endsWith('.v8'))

  test('runs the bundle as a CommonJS module, writes the cache once, and reads it on the next start', async () => {
    const script = path.join(dir, 'index.js')
    fs.writeFileSync(script, bundle('first'))
    const one = await run(script, folder)
    expect(one).toEqual({ answer: 'first', chunk: 'chunk loaded', dir, file: script, wantsCache: true })
    expect(cached()).toHaveLength(1)
    // No temporary file is left beside it.
    expect(fs.readdirSync(folder)).toEqual(cached())

    const two = await run(script, folder)
    expect(two).toEqual({ ...one, wantsCache: false })
  })

  test('a changed bundle of the same length never runs with the cache of the old one', async () => {
    const script = path.join(dir, 'index.js')
    fs.writeFileSync(script, bundle('AAAA'))
    await run(script, folder)
    await run(script, folder)
    fs.writeFileSync(script, bundle('BBBB'))
    const changed = await run(script, folder)
    expect(changed).toMatchObject({ answer: 'BBBB', wantsCache: true })
    expect(cached()).toHaveLength(2)
  })

  test('an unreadable or corrupt cache costs nothing but the cache', async () => {
    const script = path.join(dir, 'index.js')
    fs.writeFileSync(script, bundle('first'))
    await run(script, folder)
    const [file] = cached()
    fs.writeFileSync(path.join(folder, file!), 'not V8 code')
    expect(await run(script, folder)).toMatchObject({ answer: 'first', wantsCache: true })
    // Rewritten: the next start uses it again.
    expect(await run(script, folder)).toMatchObject({ answer: 'first', wantsCache: false })
  })
})
