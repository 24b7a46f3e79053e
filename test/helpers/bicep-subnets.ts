/**
 * Bicep fixtures of a subnet declared more than once (test/verdict/bicep-subnet-redeclared*.test.ts, in one
 * deployment; bicep-foreign-subnet-*.test.ts, a day-2 deployment redeclaring another's): a route table sending
 * 0.0.0.0/0 to one hop, and the one verdict a scan gives the subnet. Also the plain spoke the tests of parts
 * a scan may not follow add to (bicep-unfollowed, bicep-inline-deployment, unfollowed-one-finding).
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
 * rt-spoke sends 0.0.0.0/0 to the Internet; snet-app uses it and has no NSG (lines 1-31): a spoke a Bicep
 * test adds to.
 */
export const BICEP_SPOKE = `param location string = resourceGroup().location

resource rtSpoke 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'rt-spoke'
  location: location
  properties: {
    disableBgpRoutePropagation: true
    routes: [
      {
        name: 'default'
        properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' }
      }
    ]
  }
}

resource vnetSpoke 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [
      {
        name: 'snet-app'
        properties: {
          addressPrefix: '10.1.1.0/24'
          routeTable: { id: rtSpoke.id }
        }
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
