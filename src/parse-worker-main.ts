/**
 * Entry point of the parse worker bundle (dist/parse-worker.js, dist/cli/parse-worker.js): a worker
 * loads only the parser, not the whole action with its Azure and GitHub clients (75 MB per worker).
 */
import { runParseWorker } from './sources/parse-worker'

void runParseWorker()
