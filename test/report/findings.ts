/** Realistic findings for reporter tests, including hostile strings from a malicious pull request. */
import {
  scanVerdict,
  type ScanVerdict,
  type SubnetState,
  type SubnetVerdict,
} from '../../src/analysis/verdict'
import { join } from 'node:path'
import type { SourceFormat } from '../../src/model/network'
import type { FixChange } from '../../src/rules/fix-change'
import type { Finding, Rule } from '../../src/rules/types'
import { route, routeTable } from '../analysis/helpers'
import type { ScanResult } from '../../src/pipeline/scan-types'

export const ROOT = '/work/repo'

export const HOSTILE =
  'rt-evil\r\n::error file=evil.tf,line=1::pwned %0A |x| `tick` <script>alert(1)</script> ##[error]v1'

/** The change KMS001 asks for: /32 routes to Internet in the table `name`, written in `format`. */
export function addRoutes(
  name = 'rt-spoke',
  format: SourceFormat = 'terraform',
  separate = false,
): FixChange {
  const table = { ...routeTable(`azurerm_route_table.${name}`, name), format }
  // Routes written as separate resources name their table in the fix text.
  const like = separate
    ? { ...route(table.id, 'default', '0.0.0.0/0', 'VirtualAppliance', '10.0.0.4', 'azurerm_route'), format }
    : undefined
  return { kind: 'add-routes', table, addresses: ['20.118.99.224'], ...(like ? { like } : {}) }
}

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'KMS001',
    severity: 'error',
    title: 'Forced tunnel sends KMS traffic away from Azure',
    message:
      'Route table rt-spoke sends 0.0.0.0/0 to the virtual network gateway, so 20.118.99.224 and 40.83.235.53 on TCP 1688 go on-premises and Windows activation fails.',
    location: { file: join(ROOT, 'infra', 'network.tf'), startLine: 12, endLine: 18 },
    resource: 'azurerm_route_table.spoke',
    kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    cloud: 'AzureCloud',
    path: 'snet-app → rt-spoke: 0.0.0.0/0 → VirtualNetworkGateway',
    fix: addRoutes(),
    format: 'terraform',
    subnets: ['snet-app'],
    ...overrides,
  }
}

export const warningFinding = (): Finding =>
  finding({
    ruleId: 'KMS005',
    severity: 'warning',
    title: 'Only the legacy KMS address is bypassed',
    message: 'The route kms covers 23.102.135.246 only.',
    location: { file: join(ROOT, 'infra', 'legacy.tf'), startLine: 20, endLine: 24 },
    resource: 'azurerm_route_table.legacy',
    kmsAddresses: ['20.118.99.224'],
    path: undefined,
    fix: undefined,
    subnets: undefined,
  })

export const noticeFinding = (): Finding =>
  finding({
    ruleId: 'KMS011',
    severity: 'notice',
    title: 'Next hop unknown until apply',
    message: 'azurerm_firewall.hub.ip_configuration[0].private_ip_address is computed at apply time.',
    location: { file: join(ROOT, 'infra', 'spokes.tf'), startLine: 40, endLine: 40 },
    resource: 'azurerm_route_table.spoke',
    kmsAddresses: [],
    path: undefined,
    fix: undefined,
    subnets: undefined,
  })

/** A finding whose every data field is hostile. */
export const hostileFinding = (): Finding =>
  finding({
    message: `Route table ${HOSTILE} sends KMS away.`,
    resource: `azurerm_route_table.${HOSTILE}`,
    path: `snet-${HOSTILE} → ${HOSTILE}: 0.0.0.0/0 → VirtualNetworkGateway`,
    subnets: [`snet-${HOSTILE}`],
    fix: addRoutes('```\n</details><script>x</script>', 'terraform', true),
    location: { file: join(ROOT, 'infra', 'we ird(1).tf'), startLine: 3, endLine: 3 },
  })

export function result(findings: Finding[], overrides: Partial<ScanResult> = {}): ScanResult {
  return {
    clouds: ['AzureCloud'],
    findings,
    filesScanned: 4,
    root: ROOT,
    suppressed: [],
    verdict: verdictOf([subnetVerdict('reachable')]),
    ...overrides,
  }
}

export const RULES: Rule[] = [
  {
    id: 'KMS001',
    title: 'Forced tunnel sends KMS traffic away from Azure',
    severity: 'error',
    explanation:
      'A default route to a gateway or appliance\ncarries KMS traffic too.\n\nAzure only exempts KMS when…',
    fix: 'Add a route per KMS address with next hop `Internet`.',
    check: () => [],
  },
  {
    id: 'KMS005',
    title: 'Only the legacy KMS address is bypassed',
    severity: 'warning',
    explanation: 'Microsoft moved KMS to new addresses in 2022.',
    fix: 'Add routes for the current addresses.',
    check: () => [],
  },
]

/** A subnet's verdict as the pipeline makes it (src/analysis/verdict.ts). */
export function subnetVerdict(state: SubnetState, overrides: Partial<SubnetVerdict> = {}): SubnetVerdict {
  const v: SubnetVerdict = {
    subnet: 'snet-app',
    vnet: 'vnet-spoke',
    address: 'azurerm_subnet.app',
    origin: { file: join(ROOT, 'infra', 'main.tf'), startLine: 1, endLine: 5 },
    format: 'terraform',
    cloud: 'AzureCloud',
    state,
    path: 'snet-app → system route 0.0.0.0/0 → Internet',
  }
  if (state === 'blocked') {
    v.path = 'snet-app → rt-spoke: 0.0.0.0/0 → VirtualNetworkGateway'
    v.hop = 'route 0.0.0.0/0 → VirtualNetworkGateway (on-premises) (azurerm_route_table.spoke)'
  }
  if (state === 'undecided') {
    v.path = 'snet-app → rt-spoke: 0.0.0.0/0 → ?'
    v.hop = 'default next_hop_type `var.next_hop` (variable without value)'
    v.why = 'variable without value'
    v.resolve = 'pass a var file (`var-files` input, `--var-file`) or give the variable a default'
  }
  return { ...v, ...overrides }
}

/** The scan verdict over these subnets, through the pipeline's own aggregation. */
export function verdictOf(subnets: SubnetVerdict[], files = { read: 4, skipped: 0 }): ScanVerdict {
  return scanVerdict(subnets, files, 0)
}
