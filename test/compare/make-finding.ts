/** A Finding with sensible defaults, for tests of the layers that only move findings around. */
import type { Finding } from '../../src/rules/types'

export function finding(
  over: Partial<Finding> & { file?: string; line?: number; endLine?: number } = {},
): Finding {
  const { file, line, endLine, ...rest } = over
  const start = line ?? 10
  return {
    ruleId: 'KMS001',
    severity: 'error',
    title: 'Forced tunnel sends KMS traffic on-premises',
    message: 'KMS traffic from snet-app follows 0.0.0.0/0 to the VPN gateway.',
    location: { file: file ?? '/repo/net/spoke.tf', startLine: start, endLine: endLine ?? start + 4 },
    resource: 'azurerm_route.default',
    kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    cloud: 'AzureCloud',
    path: 'snet-app → rt-spoke: 0.0.0.0/0 → VirtualNetworkGateway',
    subnets: ['snet-app'],
    ...rest,
  }
}
