/**
 * The analysis entry point: every Windows VM subnet (and every route table no subnet uses, so a table
 * about to be associated is judged too) against every KMS address of the scanned cloud.
 */
import { type CloudName, kmsAddresses } from '../kms/catalogue'
import type { NetworkModel, Subnet } from '../model/network'
import { labelVnets } from '../model/vnet'
import { indexModel } from './lookup'
import { tracePath } from './paths'
import type { Analysis, KmsPath } from './types'

export type { Analysis, KmsPath, Verdict } from './types'

/**
 * Azure reserves these subnets for gateways, firewalls, Bastion and Route Server: no Windows VMs live there.
 * Subnets delegated to a PaaS service or used by an Application Gateway are skipped the same way (the
 * sources set `dedicatedTo`).
 */
export const RESERVED_SUBNETS: readonly string[] = [
  'GatewaySubnet',
  'AzureFirewallSubnet',
  'AzureFirewallManagementSubnet',
  'AzureBastionSubnet',
  'RouteServerSubnet',
]

export function isReservedSubnet(s: Subnet): boolean {
  const name = s.name.known ? s.name.value.toLowerCase() : undefined
  return RESERVED_SUBNETS.some((r) => r.toLowerCase() === name)
}

export function analyze(model: NetworkModel, cloud: CloudName): Analysis {
  // Reports name same-named VNets apart (the rules and the verdict read the labels).
  labelVnets(model)
  const index = indexModel(model)
  const kms = kmsAddresses(cloud)
  const paths: KmsPath[] = []
  const used = new Set(model.subnets.flatMap((s) => (s.routeTableId?.known ? [s.routeTableId.value] : [])))
  for (const subnet of model.subnets) {
    if (isReservedSubnet(subnet) || subnet.dedicatedTo !== undefined) continue
    for (const k of kms) paths.push(tracePath(index, { subnet }, k))
  }
  for (const table of model.routeTables) {
    if (used.has(table.id)) continue
    for (const k of kms) paths.push(tracePath(index, { table }, k))
  }
  return { cloud, kmsAddresses: kms, paths, model }
}
