/**
 * Findings speak Azure names: subnets with their virtual network, firewalls rather than the expressions of
 * their addresses, and a name known only at deployment shortened in sentences (whole in `resource`).
 */
import * as path from 'node:path'
import { scan } from '../../src/pipeline/scan'

test('an ARM name expression hundreds of characters long is shortened in the message, whole in resource', async () => {
  const result = await scan({
    path: path.resolve('test/fixtures/arm/long-name'),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  const [f, ...rest] = result.findings.filter((x) => x.ruleId === 'KMS001')
  expect(rest).toEqual([])
  expect(f!.resource).toBe(
    "Microsoft.Network/routeTables/[format('{0}-{1}-{2}-rt-spoke-forced-tunnel-to-on-premises', " +
      "parameters('organisationPrefix'), parameters('environmentName'), parameters('regionShortName'))]",
  )
  expect(f!.message).toContain(
    "route table Microsoft.Network/routeTables/[format('{0}-{1}-{2}-rt-spoke…'regionShortName'))]",
  )
  expect(f!.message).not.toContain("parameters('environmentName')")
})
