import { causeAnnotations, decidedByChange, patchRanges } from '../../src/compare/causes'
import { finding } from './make-finding'

describe('changed lines', () => {
  test('a diff counts its added and rewritten lines, not the context around them', () => {
    const patch =
      '@@ -1,5 +1,11 @@\n spokes = {\n   app = {\n     cidr = "a"\n   }\n' +
      '+  data = {\n+    cidr = "b"\n+  }\n+  web = {\n+    cidr = "c"\n+  }\n }\n'
    expect(patchRanges(patch)).toEqual([[5, 10]])
    // A pure deletion marks the line that now stands where the deleted ones were.
    expect(patchRanges('@@ -3,4 +3,3 @@\n a\n-b\n c\n d\n')).toEqual([[4, 4]])
  })
})

describe('decided by a change', () => {
  const spoke = finding({
    file: '/repo/infra/modules/spoke/main.tf',
    line: 32,
    unit: 'infra',
    sources: [
      { file: '/repo/infra/modules/spoke/main.tf', startLine: 32, endLine: 36 },
      { file: '/repo/infra/terraform.tfvars', startLine: 5, endLine: 7 },
    ],
  })

  test('a deciding source on changed lines puts the finding in scope and is annotated', () => {
    const changed = new Map([['infra/terraform.tfvars', [[5, 10]] as [number, number][]]])
    expect(decidedByChange(spoke, changed, '/repo')).toBe(true)
    const [cause] = causeAnnotations([spoke], changed, '/repo', () => 'newly exposes vnet-data/snet-workload')
    expect(cause!.location).toEqual({ file: '/repo/infra/terraform.tfvars', startLine: 5, endLine: 7 })
    expect(cause!.message).toMatch(
      /^This change decides a finding: KMS001 at infra\/modules\/spoke\/main\.tf:32 .*newly exposes vnet-data\/snet-workload/,
    )
  })

  test('other lines of the var file: in scope through the unit (values read from it lose their origin), not annotated', () => {
    const changed = new Map([['infra/terraform.tfvars', [[12, 12]] as [number, number][]]])
    expect(causeAnnotations([spoke], changed, '/repo')).toEqual([])
    expect(decidedByChange(spoke, changed, '/repo')).toBe(false)
    expect(decidedByChange(spoke, changed, '/repo', { scanRoot: '/repo' })).toBe(true)
    // A var file of another root module does not.
    const other = new Map([['other/terraform.tfvars', 'all' as const]])
    expect(decidedByChange(spoke, other, '/repo', { scanRoot: '/repo' })).toBe(false)
  })
})
