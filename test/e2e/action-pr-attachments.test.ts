/**
 * A pull request changing only an application root module that gives its VM's NIC, or the subnet it reads
 * from the platform root, an NSG denying Internet outbound (src/analysis/cross-unit-attachments.ts), through
 * the built action on a real git base → head. A full scan of the head blocks the platform root's snet-app;
 * the run judging the changed root must judge the platform root with it and fail on the new harm.
 */
import { runPullRequest } from './pr-run'
import { appAttaching, platformSpoke } from '../helpers/hcl-attachments'

const PROVIDER = 'provider "azurerm" {\n  features {}\n}\n'

describe('a change to the application root alone attaching a denying NSG to the platform root’s subnet (dist/index.js)', () => {
  for (const attach of ['nic', 'subnet'] as const)
    it(`${attach === 'nic' ? 'a VM NIC’s NSG' : 'a subnet NSG association'}: snet-app newly blocked, as in the full scan`, async () => {
      const base = {
        'platform/spoke/main.tf': PROVIDER + platformSpoke(),
        'apps/erp/main.tf': PROVIDER + appAttaching(attach, false, false),
      }
      const head = { 'apps/erp/main.tf': PROVIDER + appAttaching(attach) }
      const [pr, full] = await Promise.all([
        runPullRequest(base, head, { path: '.', scope: 'new' }),
        runPullRequest(base, head, { path: '.', scope: 'all' }),
      ])
      expect(full.outputs).toMatchObject({ blocked: '1', verdict: 'blocked' })
      expect(pr.outputs).toMatchObject({ blocked: '1', 'new-findings': '1', verdict: 'blocked' })
      expect(pr.summary).toContain('Newly exposed:\n- vnet-spoke/snet-app (KMS006)')
      expect(pr.status).toBe(1)
    })
})
