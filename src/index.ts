import { isMainThread, workerData } from 'node:worker_threads'
import { run } from './main'
import { PARSE_WORKER_TAG } from './sources/parse-pool'
import { runParseWorker } from './sources/parse-worker'

// The bundle is also the parse worker's script (see sources/parse-pool.ts).
if (!isMainThread && (workerData as { tag?: string } | null)?.tag === PARSE_WORKER_TAG) void runParseWorker()
else void run()
