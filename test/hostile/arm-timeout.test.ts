/**
 * ARM that never answers one listing: that request costs one timeout (not the live time budget, not
 * retries), the warning names the request, and everything else is still read.
 */
import { readLiveNetwork } from '../../src/sources/azure/read'
import { startArmServer, staticCredential } from '../helpers/arm-server'
import { liveInventory, SUB_A } from '../sources/azure/fixture'

test('a silent ARM listing times out per request and the rest of the subscription is read', async () => {
  const server = await startArmServer({
    inventory: liveInventory(),
    intercept: (req) => (req.path.endsWith('/routeTables') ? new Promise(() => undefined) : undefined),
  })
  try {
    const r = await readLiveNetwork({
      credential: staticCredential(),
      subscriptionIds: [SUB_A],
      endpoint: server.url,
      clientOptions: { ...server.clientOptions, requestTimeoutMs: 3000 },
    })
    expect(server.requests.filter((q) => q.path.endsWith('/routeTables'))).toHaveLength(1)
    // Generous: a loaded machine must still answer the other listings in time; the silent one never does.
    expect(r.warnings).toEqual([
      `subscription ${SUB_A}: routeTables could not be read (no answer within 3 s (GET /subscriptions/${SUB_A}/providers/Microsoft.Network/routeTables)); they are left out of the live model`,
    ])
    expect(r.incomplete).toEqual([])
    expect(r.model.nsgs.length).toBeGreaterThan(0)
    expect(r.model.routeTables).toEqual([])
  } finally {
    await server.close()
  }
})
