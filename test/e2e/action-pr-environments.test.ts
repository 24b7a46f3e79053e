/**
 * A pull request changing only an environment's var file (src/sources/terraform/environments.ts): prod's
 * env file gains a forced tunnel. The root module's .tf files are untouched; the run must judge the root
 * with that environment at head and base, report the harm as new and annotate the var file.
 */
import { runPullRequest } from './pr-run'
import { FORCED_TUNNEL, NO_ROUTES, spoke } from '../helpers/tf-environments'

const PROVIDER = 'provider "azurerm" {\n  features {}\n}\n'

describe('a change to env/prod.tfvars alone (dist/index.js)', () => {
  it('prod’s snet-app newly blocked; dev untouched; the var file annotated', async () => {
    const base = {
      'spoke/main.tf': PROVIDER + spoke(),
      'spoke/env/dev.tfvars': NO_ROUTES,
      'spoke/env/prod.tfvars': NO_ROUTES,
    }
    const head = { 'spoke/env/prod.tfvars': FORCED_TUNNEL }
    const pr = await runPullRequest(base, head, { path: '.', scope: 'new' })
    expect(pr.outputs).toMatchObject({
      blocked: '1',
      reachable: '1',
      'new-findings': '1',
      verdict: 'blocked',
    })
    // The summary escapes Markdown's brackets.
    expect(pr.summary).toMatch(
      /Newly exposed:\n- vnet-spoke\/snet-app &#91;spoke\/env\/prod\.tfvars&#93; \(KMS001\)/,
    )
    expect(pr.annotations.filter((a) => a.annotation_level === 'failure').map((a) => a.path)).toContain(
      'spoke/env/prod.tfvars',
    )
    expect(pr.status).toBe(1)
  })
})
