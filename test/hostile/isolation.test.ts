/**
 * The watch the scan worker installs (src/sources/evaluation/unit-watch.ts): what the worker is doing (the phase,
 * and the file or unit it is on) is readable from shared memory (what the supervisor reads after the
 * worker died), and a file or unit named as having killed a worker is not processed again, only
 * reported. The worker itself is exercised on the built CLI in memory.test.ts and phases.test.ts.
 */
import { evaluateUnitSync } from '../../src/sources/evaluation/budget'
import { parseOne } from '../../src/sources/parsing/parse-pool'
import { makeBoundary } from '../../src/sources/parsing/read-source'
import {
  fileSubject,
  readWatch,
  sharedWatch,
  UNIT_KEY_BYTES,
  watchUnits,
  type WatchState,
} from '../../src/sources/evaluation/unit-watch'

afterEach(() => watchUnits(undefined))

const at = { file: '/ws/bomb/main.tf', startLine: 1, endLine: 1 }
const unitKey = '/ws/bomb/main.tf:1\u0000the Terraform root module bomb'

test('the unit under evaluation is readable from shared memory, then its model phase', () => {
  const shared = new SharedArrayBuffer(UNIT_KEY_BYTES)
  watchUnits(sharedWatch(shared, {}))
  expect(readWatch(shared)).toEqual({ phase: 'start' })
  let seen: WatchState | undefined
  const r = evaluateUnitSync(at, 'the Terraform root module bomb', () => {
    seen = readWatch(shared)
    return 42
  })
  expect(r).toEqual({ value: 42, problems: [], subject: unitKey })
  expect(seen).toEqual({ phase: 'evaluation', subject: unitKey })
  // What the worker does next with the unit (its model) is still the unit's.
  expect(readWatch(shared)).toEqual({ phase: 'model', subject: unitKey })
})

test('a file being parsed is the subject while it is parsed; the state before comes back after', () => {
  const shared = new SharedArrayBuffer(UNIT_KEY_BYTES)
  const watch = sharedWatch(shared, {})
  watchUnits(watch)
  watch.at('sources')
  const file = '/ws/net/main.tf'
  // The file does not exist: reading it is inside the parsing step too (a notice, not a crash).
  const r = parseOne({ path: file, kind: 'terraform', boundary: makeBoundary(['/ws'], []) })
  expect(r.ok).toBe(false)
  expect(readWatch(shared)).toEqual({ phase: 'sources' })
})

test('a unit that killed a worker is named at its start and not evaluated again', () => {
  watchUnits(
    sharedWatch(new SharedArrayBuffer(UNIT_KEY_BYTES), {
      [unitKey]: 'the worker analysing its network ran out of memory (heap limit 64 MB)',
    }),
  )
  let ran = false
  const r = evaluateUnitSync(at, 'the Terraform root module bomb', () => (ran = true))
  expect(ran).toBe(false)
  expect(r.value).toBeUndefined()
  expect(r.problems).toEqual([
    {
      ruleId: 'KMS012',
      severity: 'warning',
      origin: at,
      message:
        'Could not evaluate the Terraform root module bomb: the worker analysing its network ran out of memory ' +
        '(heap limit 64 MB). Nothing it declares is part of the analysis; every other unit is judged.',
    },
  ])
  // Another unit is evaluated as usual.
  expect(
    evaluateUnitSync({ ...at, file: '/ws/good/main.tf' }, 'the Terraform root module good', () => 1).value,
  ).toBe(1)
})

test('a file that killed a worker while it was parsed is skipped with a located reason, not parsed', () => {
  const file = '/ws/net/huge.tf'
  watchUnits(
    sharedWatch(new SharedArrayBuffer(UNIT_KEY_BYTES), {
      [fileSubject(file)]: 'the worker parsing it ran out of memory (heap limit 64 MB)',
    }),
  )
  expect(parseOne({ path: file, kind: 'terraform', boundary: makeBoundary(['/ws'], []) })).toEqual({
    path: file,
    kind: 'terraform',
    ok: false,
    reason: 'could not be parsed: the worker parsing it ran out of memory (heap limit 64 MB)',
  })
})

test('a subject longer than the shared buffer is cut, not overflowed', () => {
  const shared = new SharedArrayBuffer(64)
  sharedWatch(shared, {}).at('parsing', 'x'.repeat(500))
  expect(readWatch(shared)).toEqual({ phase: 'parsing', subject: 'x'.repeat(60 - 'parsing'.length - 1) })
})
