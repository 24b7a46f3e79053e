import { Progress } from '../../src/cli/progress'

test('after the delay, one line rewritten in place; wiped at the end', () => {
  let out = ''
  const p = new Progress((s) => (out += s), 0)
  p.update({ files: 12, units: 0 })
  expect(out).toBe('\r\u001b[2Kscanning: 12 files, 0 units judged')
  p.done()
  expect(out.endsWith('\r\u001b[2K')).toBe(true)
})

test('nothing before the delay, and nothing to wipe', () => {
  let out = ''
  const p = new Progress((s) => (out += s), 60_000)
  p.update({ files: 12, units: 3 })
  p.done()
  expect(out).toBe('')
})
