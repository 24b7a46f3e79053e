/**
 * Bicep fixtures of a subnet declared more than once (test/verdict/bicep-subnet-redeclared*.test.ts, in one
 * deployment; bicep-foreign-subnet-*.test.ts, a day-2 deployment redeclaring another's): a route table sending
 * 0.0.0.0/0 to one hop, and the one verdict a scan gives the subnet.
 */
import { scan } from '../../src/pipeline/scan'
import type { SubnetVerdict } from '../../src/analysis/verdict'
import type { Finding } from '../../src/rules/types'
import { tree } from './tree'

/**
 * Route table `symbol` named rt-`symbol`, BGP propagation off, its one route 0.0.0.0/0 → `hop`; `location`:
 * a Bicep expression (default the `location` parameter).
 */
export const bicepRouteTable = (symbol: string, hop: string, location = 'location'): string => `
resource ${symbol} 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'rt-${symbol}'
  location: ${location}
  properties: {
    disableBgpRoutePropagation: true
    routes: [
      {
        name: 'default'
        properties: { addressPrefix: '0.0.0.0/0', nextHopType: '${hop}' }
      }
    ]
  }
}
`

/**
 * The one verdict of the subnet `pick` chooses (default: a name ending in snet-app) in a scan of `files`,
 * with the scan's findings; throws where it is judged other than once.
 */
export async function judgeOneSubnet(
  files: Record<string, string>,
  prefix: string,
  pick: (s: SubnetVerdict) => boolean = (s) => s.subnet.endsWith('snet-app'),
): Promise<{ v: SubnetVerdict; findings: Finding[] }> {
  const result = await scan({ path: tree(files, prefix), cloud: 'AzureCloud', varFiles: [], workers: false })
  const rows = result.verdict.subnets.filter(pick)
  if (rows.length !== 1) throw new Error(`judged ${rows.length} times: ${JSON.stringify(result.verdict)}`)
  return { v: rows[0]!, findings: result.findings }
}
