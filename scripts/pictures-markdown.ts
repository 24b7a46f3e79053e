/**
 * The markdown the action posts for the bundled example (examples/hub-spoke), printed as JSON
 * `{ comment, summary }` for scripts/pictures.mjs: a pull request that adds the example, judged with
 * `scope: all` and `fail-on: error`, rendered by the action's own functions (publish.ts, the one renderer).
 */
import { join, resolve } from 'node:path'
import { commentBody, composeSummary, reportModel, type SummaryInput } from '../src/action/publish'
import type { Evaluation } from '../src/action/pull-request'
import { scan } from '../src/pipeline/scan'

async function main(): Promise<void> {
  const workspace = resolve(process.argv[2] ?? '.')
  const example = join(workspace, 'examples', 'hub-spoke')
  const result = await scan({
    path: example,
    cloud: 'auto',
    varFiles: [],
    workers: false,
    repoRoot: workspace,
  })
  const ev: Evaluation = {
    result,
    scope: 'all',
    failing: result.findings,
    listed: [],
    deployed: [],
    deployedFailing: [],
    causes: [],
    notes: [],
    warnings: [],
  }
  const input: SummaryInput = {
    ev,
    workspace,
    failOn: 'error',
    failOnDeployed: false,
    event: 'pull-request',
    blobUrl: 'https://github.com/azure-kms-guard/azure-kms-guard/blob/main',
  }
  const model = reportModel(input)
  const summary = composeSummary(input, model)
  const comment = commentBody(model, ev, false)
  process.stdout.write(JSON.stringify({ comment, summary }))
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
