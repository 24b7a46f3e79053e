import * as core from '@actions/core'
import {
  emitAnnotations,
  toAnnotations,
  type AnnotationProps,
  type AnnotationSink,
} from '../../src/report/annotations'
import type { Severity } from '../../src/rules/types'
import { finding, hostileFinding, noticeFinding, ROOT, warningFinding } from './findings'

function recorder(): { sink: AnnotationSink; calls: [Severity, string, AnnotationProps][] } {
  const calls: [Severity, string, AnnotationProps][] = []
  const sink: AnnotationSink = {
    error: (m, p) => calls.push(['error', m, p]),
    warning: (m, p) => calls.push(['warning', m, p]),
    notice: (m, p) => calls.push(['notice', m, p]),
  }
  return { sink, calls }
}

test('one call per finding, most severe first, on the exact lines relative to the workspace', () => {
  const { sink, calls } = recorder()
  expect(emitAnnotations([noticeFinding(), warningFinding(), finding()], ROOT, sink)).toBe(3)
  expect(calls.map((c) => c[0])).toEqual(['error', 'warning', 'notice'])
  expect(calls[0]![2]).toEqual({
    title: 'KMS001: Forced tunnel sends KMS traffic away from Azure',
    file: 'infra/network.tf',
    startLine: 12,
    endLine: 18,
  })
  // The message, then the path (workflow commands have no other field for it); nothing without a path.
  expect(calls[0]![1]).toBe(
    `${finding().message} Path: snet-app → rt-spoke: 0.0.0.0/0 → VirtualNetworkGateway.`,
  )
  expect(calls[1]![1]).toBe(warningFinding().message)
})

test('a location outside the workspace annotates the run and names the place in the message', () => {
  const armId = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/routeTables/rt'
  const [a] = toAnnotations(
    [finding({ location: { file: armId, startLine: 1, endLine: 1 }, path: undefined })],
    ROOT,
  )
  expect(a!.props).toEqual({ title: 'KMS001: Forced tunnel sends KMS traffic away from Azure' })
  expect(a!.message.startsWith(`azurerm_route_table.spoke (${armId}): `)).toBe(true)
})

test('through @actions/core, a hostile finding is exactly one workflow command line', () => {
  const original = process.stdout.write.bind(process.stdout)
  let out = ''
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += chunk.toString()
    return true
  }) as typeof process.stdout.write
  try {
    emitAnnotations([hostileFinding()], ROOT, {
      error: core.error,
      warning: core.warning,
      notice: core.notice,
    })
  } finally {
    process.stdout.write = original
  }
  const lines = out.trimEnd().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(
    /^::error title=KMS001%3A Forced tunnel sends KMS traffic away from Azure,file=infra\/we ird\(1\)\.tf,line=3,endLine=3::Route table rt-evil%0D%0A:\u200b:error file=evil\.tf,line=1::pwned %250A /,
  )
  expect(lines[0]).not.toContain('##[')
})
