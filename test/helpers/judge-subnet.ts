/**
 * Scans `files` (written to a fresh folder by ./tree.ts) without workers and returns the result with the
 * verdict of the one subnet a test is about (default snet-app; matched at the end of its name, which may
 * carry its VNet). Throws, listing the verdict, when that subnet is not judged.
 */
import { scan } from '../../src/pipeline/scan'
import { tree } from './tree'

export async function judgeSubnet(
  files: Record<string, string>,
  o: { prefix?: string; subnet?: string; path?: string } = {},
) {
  const root = tree(files, o.prefix ?? 'kms-judge-')
  const result = await scan({
    path: `${root}${o.path ?? ''}`,
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  const name = o.subnet ?? 'snet-app'
  const app = result.verdict.subnets.find((s) => s.subnet === name || s.subnet.endsWith(`/${name}`))
  if (!app) throw new Error(`${name} not judged: ${JSON.stringify(result.verdict)}`)
  return { ...result, app, root }
}
