/**
 * A part of a deployment the scan cannot follow is named once at its line: a route of an `existing` route
 * table named by a parameter without a value, which may add a route to rt-spoke, leaves snet-app
 * undecided; one KMS011 finding at the route's line names it with the subnet,
 * the route table and the subnet it may change (was: the link step's "cannot tell which route table"
 * notice, the part's own notice, and one finding per object it may change: four at one line). Where it
 * decides no subnet, its own notice is the one finding. JSON, SARIF and text count the same findings.
 */
import { judgeSubnet } from '../helpers/judge-subnet'
import { BICEP_SPOKE } from '../helpers/bicep-subnets'
import { toJsonReport } from '../../src/report/json'
import { toSarif } from '../../src/report/sarif'
import { allRules } from '../../src/rules/index'

/** The route of a table named by a parameter without a value (line 40 of main.bicep). */
const ROUTE = `param routeTableName string

resource rtOther 'Microsoft.Network/routeTables@2023-09-01' existing = {
  name: routeTableName
}

resource kmsRoute 'Microsoft.Network/routeTables/routes@2023-09-01' = {
  parent: rtOther
  name: 'kms-blackhole'
  properties: { addressPrefix: '20.118.99.224/32', nextHopType: 'None' }
}
`

const atLine = <F extends { location: { file: string; startLine: number } }>(findings: F[], line: number) =>
  findings.filter((f) => f.location.file.endsWith('main.bicep') && f.location.startLine === line)

test('a part that leaves snet-app undecided: one finding at its line, naming the subnet and what it may change', async () => {
  const result = await judgeSubnet(
    { 'main.bicep': `${BICEP_SPOKE}\n${ROUTE}` },
    { prefix: 'kms-one-finding-' },
  )
  expect(result.app.state).toBe('undecided')
  const here = atLine(result.findings, 40)
  expect(here).toHaveLength(1)
  const [f] = here
  expect(f!.ruleId).toBe('KMS011')
  expect(f!.subnets).toEqual(['vnet-spoke/snet-app'])
  expect(f!.message).toContain('kmsRoute in rt-spoke')
  expect(f!.message).toContain('it may add routes to this route table')
  // A route can only add routes to a table (test/verdict/unplaced-child-narrowing.test.ts): no NSG here.
  expect(f!.message).not.toContain('network security group')
  expect(f!.message).toContain('which Microsoft.Network/routeTables it belongs to is not known')

  // Every format is a view of the same findings.
  const json = toJsonReport(result, result.root)
  const sarif = toSarif(result, allRules)
  expect(json.findings).toHaveLength(result.findings.length)
  expect(sarif.runs[0]!.results.filter((r) => r.level !== undefined)).toHaveLength(result.findings.length)
  expect(json.summary.total).toBe(result.findings.length)
})

test('control: a part that decides no subnet (the template declares none) is named by its own notice, once', async () => {
  const result = await judgeSubnet(
    {
      'main.bicep': `${BICEP_SPOKE}\n${ROUTE}`,
      'other/main.bicep':
        `param location string = resourceGroup().location\n\n${ROUTE.replace('param routeTableName string\n', '')}`.replace(
          'resource rtOther',
          'param routeTableName string\n\nresource rtOther',
        ),
    },
    { prefix: 'kms-one-finding-' },
  )
  const here = result.findings.filter((f) => f.location.file.endsWith('other/main.bicep'))
  expect(here).toHaveLength(1)
  expect(here[0]!.message).toContain('is a resource the scan cannot place')
  expect(here[0]!.subnets ?? []).toEqual([])
})

test('a registry module in a template without subnets: its own notice only, not the source’s "not evaluated" beside it', async () => {
  const result = await judgeSubnet(
    {
      'main.bicep': BICEP_SPOKE,
      'platform/main.bicep': `module extras 'br:contoso.azurecr.io/bicep/modules/spoke-routes:v1' = {
  name: 'spoke-extras'
  params: { routeTableName: 'rt-spoke' }
}
`,
    },
    { prefix: 'kms-one-finding-' },
  )
  const here = result.findings.filter((f) => f.location.file.endsWith('platform/main.bicep'))
  expect(here).toHaveLength(1)
  expect(here[0]!.message).toContain('extras (platform/main.bicep:1) deploys what the scan cannot read')
})
