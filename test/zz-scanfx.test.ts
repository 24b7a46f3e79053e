import { scan } from '/work/wt/identity/src/scan'
test('x', async () => {
  const r = await scan({ path: process.env.FX!, cloud: 'AzureCloud', varFiles: [], workers: false })
  for (const f of r.findings) console.log(JSON.stringify({ r: f.ruleId, s: f.severity, res: f.resource, unit: f.unit, loc: f.location, msg: f.message.slice(0, 150), aff: f.affected, hop: f.hop, src: f.sources }, null, 1))
})
