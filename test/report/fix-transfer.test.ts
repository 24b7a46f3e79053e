/**
 * The scan worker sends each fix with only what the renderers read of a route table's routes
 * (fixAsRendered): on real scans of every format, the fix text must come out the same from either.
 */
import * as path from 'node:path'
import { scan } from '../../src/pipeline/scan'
import type { RouteTable } from '../../src/model/network'
import { renderFix } from '../../src/report/fix'
import { fixAsRendered } from '../../src/report/fix/common'
import { shortFix } from '../../src/report/fix/short'

const dirs = [
  path.join(process.cwd(), 'examples'),
  path.join(process.cwd(), 'test', 'fixtures'),
  path.join(process.cwd(), 'test', 'fixtures', 'caller-location', 'terraform'),
]

test.each(dirs)('fixes of %s render the same from what the worker sends', async (dir) => {
  const result = await scan({ path: dir, cloud: 'auto', varFiles: [], workers: false })
  const tables = new Map<RouteTable, RouteTable>()
  const withFix = result.findings.filter((f) => f.fix)
  expect(withFix.some((f) => f.fix!.kind === 'add-routes')).toBe(true)
  for (const f of withFix) {
    const sent = fixAsRendered(f.fix!, tables)
    expect(renderFix(sent)).toBe(renderFix(f.fix!))
    for (const group of [true, false])
      expect(shortFix({ ...f, fix: sent }, { group })).toBe(shortFix(f, { group }))
  }
})
