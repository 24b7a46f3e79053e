/**
 * Reads the ARM stand-in's subscriptions the way `live: true` does and scans an empty workspace against
 * them, so a live test judges only what is deployed.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { scan } from '../../src/pipeline/scan'
import { readLiveNetwork } from '../../src/sources/azure/read'
import { staticCredential, type ArmServer } from './arm-server'

export async function scanDeployed(server: ArmServer, subscriptionIds: string[], resourceGroups?: string[]) {
  const live = await readLiveNetwork({
    credential: staticCredential(),
    subscriptionIds,
    ...(resourceGroups ? { resourceGroups } : {}),
    endpoint: server.url,
    clientOptions: server.clientOptions,
  })
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-live-')))
  const result = await scan({
    path: dir,
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
    deployed: { model: live.model, cloud: 'AzureCloud' },
  })
  return { live, result }
}
