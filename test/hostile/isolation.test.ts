/**
 * The unit watch the scan worker installs (src/sources/unit-watch.ts): the unit being evaluated is
 * readable from shared memory (what the supervisor reads after the worker died), and a unit named as
 * having killed a worker is not evaluated again, only reported where it starts. The worker itself is
 * exercised on the built CLI in memory.test.ts.
 */
import { evaluateUnitSync } from '../../src/sources/budget'
import { readUnitKey, sharedWatch, UNIT_KEY_BYTES, watchUnits } from '../../src/sources/unit-watch'

afterEach(() => watchUnits(undefined))

const at = { file: '/ws/bomb/main.tf', startLine: 1, endLine: 1 }

test('the unit under evaluation is readable from shared memory until it is judged', () => {
  const shared = new SharedArrayBuffer(UNIT_KEY_BYTES)
  const watch = sharedWatch(shared, {})
  watchUnits(watch)
  expect(readUnitKey(shared)).toBeUndefined()
  let seen: string | undefined
  const r = evaluateUnitSync(at, 'the Terraform root module bomb', () => {
    seen = readUnitKey(shared)
    return 42
  })
  expect(r).toEqual({ value: 42, problems: [] })
  expect(seen).toBe('/ws/bomb/main.tf:1\u0000the Terraform root module bomb')
  watch.finished()
  expect(readUnitKey(shared)).toBeUndefined()
})

test('a unit that killed a worker is named at its start and not evaluated again', () => {
  const key = '/ws/bomb/main.tf:1\u0000the Terraform root module bomb'
  watchUnits(
    sharedWatch(new SharedArrayBuffer(UNIT_KEY_BYTES), {
      [key]: 'the worker evaluating it ran out of memory (heap limit 64 MB)',
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
        'Could not evaluate the Terraform root module bomb: the worker evaluating it ran out of memory ' +
        '(heap limit 64 MB). Nothing it declares is part of the analysis; every other unit is judged.',
    },
  ])
  // Another unit is evaluated as usual.
  expect(
    evaluateUnitSync({ ...at, file: '/ws/good/main.tf' }, 'the Terraform root module good', () => 1).value,
  ).toBe(1)
})

test('a key longer than the shared buffer is cut, not overflowed', () => {
  const shared = new SharedArrayBuffer(64)
  sharedWatch(shared, {}).started('x'.repeat(500))
  expect(readUnitKey(shared)).toBe('x'.repeat(60))
})
