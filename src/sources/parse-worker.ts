/** The body of a parse worker thread: parse each batch of jobs it is sent and send the results back. */
import { parentPort } from 'node:worker_threads'
import { parseOne, type ParseJob } from './parse-pool'

export async function runParseWorker(): Promise<void> {
  const port = parentPort
  if (!port) throw new Error('runParseWorker must run in a worker thread')
  port.on('message', (jobs: ParseJob[]) => {
    port.postMessage(jobs.map((job) => parseOne(job)))
  })
}
