import { toText } from '../../src/report/text'
import {
  finding,
  hostileFinding,
  noticeFinding,
  result,
  ROOT,
  subnetVerdict,
  verdictOf,
  warningFinding,
} from './findings'

test('a table of severity, rule, location and resource, the message beneath, then totals', () => {
  const text = toText(result([noticeFinding(), warningFinding(), finding()]), ROOT)
  const lines = text.split('\n')
  expect(lines[0]).toMatch(/^SEVERITY\s+RULE\s+LOCATION\s+RESOURCE$/)
  expect(lines[1]).toMatch(/^error\s+KMS001\s+infra\/network\.tf:12-18\s+azurerm_route_table\.spoke$/)
  // Columns line up.
  expect(lines[1]!.indexOf('KMS001')).toBe(lines[0]!.indexOf('RULE'))
  expect(text).toContain('    Forced tunnel sends KMS traffic away from Azure. Route table rt-spoke')
  expect(text).toContain('    path: snet-app → rt-spoke: 0.0.0.0/0 → VirtualNetworkGateway')
  expect(text).toMatch(/infra\/spokes\.tf:40 /)
  const verdict = verdictOf([subnetVerdict('blocked')])
  const blocked = toText(result([noticeFinding(), warningFinding(), finding()], { verdict }), ROOT)
  expect(blocked.trimEnd().split('\n').slice(-3)).toEqual([
    '1 error, 1 warning, 1 notice (3 findings); 4 files scanned (AzureCloud)',
    '',
    'Verdict: Windows activation (KMS, TCP 1688) is blocked for 1 of 1 subnet',
  ])
  expect(text).not.toContain('\u001b[')
})

test('messages wrap at the width', () => {
  const text = toText(result([finding()]), ROOT, { width: 60 })
  const indented = text.split('\n').filter((l) => l.startsWith('    '))
  for (const l of indented) expect(l.length).toBeLessThanOrEqual(60)
  // Wrapped, not cut: title and message span several lines and keep every word, in order.
  expect(indented.length).toBeGreaterThan(3)
  expect(indented.map((l) => l.trim()).join(' ')).toContain(`${finding().title}. ${finding().message}`)
})

test('colours only when asked (a TTY)', () => {
  expect(toText(result([finding()]), ROOT, { color: true })).toContain('\u001b[31m')
})

test('no findings', () => {
  expect(toText(result([], { clouds: ['AzureChinaCloud'], filesScanned: 1 }), ROOT)).toBe(
    'No findings; 1 file scanned (AzureChinaCloud)\n\n' +
      'Verdict: Windows activation (KMS, TCP 1688) is reachable from the 1 subnet judged\n',
  )
})

test('nothing found is not reachable; undecided subnets are named before the verdict', () => {
  const none = toText(result([], { verdict: verdictOf([], { read: 0, skipped: 0 }) }), ROOT)
  expect(none.trimEnd().split('\n').at(-1)).toBe(
    'Verdict: No Azure subnet found to judge (0 files read, 0 skipped): Windows activation (KMS, TCP 1688) was not checked for any VM',
  )
  const verdict = verdictOf([subnetVerdict('undecided'), subnetVerdict('reachable', { subnet: 'snet-web' })])
  const text = toText(result([noticeFinding()], { verdict }), ROOT, { width: 200 })
  expect(text).toContain('Not decided:\n  - snet-app (VNet vnet-spoke): not decided at default next_hop_type')
  expect(text).toContain('to decide: pass a var file')
  expect(text.trimEnd().split('\n').at(-1)).toBe(
    'Verdict: Windows activation (KMS, TCP 1688) could not be decided for 1 of 2 subnets; reachable from 1',
  )
})

test('hostile data cannot print a workflow command or a terminal escape', () => {
  const f = hostileFinding()
  f.message = `\u001b]0;owned\u0007${f.message}\n::error::second`
  const text = toText(result([f]), ROOT, { width: 60 })
  for (const line of text.split('\n')) {
    expect(line.trimStart().startsWith('::')).toBe(false)
    expect(line).not.toContain('##[')
  }
  // eslint-disable-next-line no-control-regex
  expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/)
  expect(text).toContain('pwned')
})
