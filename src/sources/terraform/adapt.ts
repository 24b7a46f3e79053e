/**
 * Evaluated Terraform resources → the provider-neutral network model. Each resource type has an adapter
 * (adapters/<area>.ts) that adds its objects and registers what it can be referred to by; the builder's
 * link step then turns refs, ARM ids and names into model ids. Resource types with no place in the model
 * (public IPs, resource groups, VMs) are ignored; data sources are not modelled (their settings are not
 * in the code) but stand for the resource of the same name the scan declares, if any.
 */
import { cloudFromEnvironment } from '../../kms/catalogue'
import type { NetworkModel, Subnet } from '../../model/network'
import { ARM, ModelBuilder } from '../../model/build'
import { unknown } from '../../model/value'
import { attr, str } from '../evaluation/value-tree'
import { associationAdapters } from './adapters/associations'
import { azapiAdapters } from './adapters/azapi'
import type { Adapter } from './adapters/common'
import { classicCollectionAdapters } from './adapters/firewall-classic'
import { firewallAdapters } from './adapters/firewall'
import { ipGroupAdapters } from './adapters/ipgroup'
import { natGatewayAdapters } from './adapters/natgateway'
import { networkInterfaceAdapters } from './adapters/network-interfaces'
import { nsgAdapters } from './adapters/nsg'
import { policyAdapters } from './adapters/policy'
import { routeAdapters } from './adapters/routes'
import { subnetAdapters } from './adapters/subnets'
import { virtualWanAdapters } from './adapters/vwan'
import { gatewayAdapters } from './adapters/gateways'
import { networkManagerAdapters } from './adapters/avnm'
import { addTemplateDeployment, deploysTemplate, type TemplateContext } from './adapters/template-deployment'
import { subnetsGivenToModules } from './given-subnet-ids'
import type {
  EvaluatedResource,
  GivenSubnetId,
  OpaqueModule,
  TerraformEvaluation,
} from '../evaluation/evaluated'

/**
 * Data sources that read an object the model knows: each is registered as an alias, so references to it
 * land on the resource of the same name (and resource group) declared elsewhere in the scan.
 */
const DATA_SOURCES: Record<string, { armType: string; parent?: string }> = {
  azurerm_route_table: { armType: ARM.routeTable },
  azurerm_virtual_network: { armType: ARM.vnet },
  azurerm_subnet: { armType: ARM.subnet, parent: 'virtual_network_name' },
  azurerm_network_security_group: { armType: ARM.nsg },
  azurerm_firewall: { armType: ARM.firewall },
  azurerm_firewall_policy: { armType: ARM.firewallPolicy },
  azurerm_ip_group: { armType: ARM.ipGroup },
  azurerm_nat_gateway: { armType: ARM.natGateway },
  azurerm_virtual_network_gateway: { armType: ARM.vnetGateway },
}

function registerDataSource(r: EvaluatedResource, b: ModelBuilder): void {
  if (!Object.hasOwn(DATA_SOURCES, r.type)) return
  const d = DATA_SOURCES[r.type]
  const nameOf = (k: string) => {
    const v = str(attr(r.body, k))
    return v?.known ? v.value : undefined
  }
  const names = d.parent ? [nameOf(d.parent), nameOf('name')] : [nameOf('name')]
  b.register({
    armType: d.armType,
    id: r.address,
    names,
    resourceGroup: nameOf('resource_group_name'),
    alias: true,
  })
}

const ADAPTERS: Record<string, Adapter> = {
  ...routeAdapters,
  ...subnetAdapters,
  ...associationAdapters,
  ...nsgAdapters,
  ...firewallAdapters,
  ...classicCollectionAdapters,
  ...policyAdapters,
  ...ipGroupAdapters,
  ...natGatewayAdapters,
  ...networkInterfaceAdapters,
  ...azapiAdapters,
  ...virtualWanAdapters,
  ...gatewayAdapters,
  ...networkManagerAdapters,
}

/** The resource types this source turns into model objects (for docs and tests). */
export const SUPPORTED_TERRAFORM_TYPES: readonly string[] = Object.keys(ADAPTERS).sort()

/** An address without its last instance key: `azurerm_subnet.this["app"]` → `azurerm_subnet.this`. */
const withoutLastKey = (address: string): string => address.replace(/\[(?:"(?:[^"\\]|\\.)*"|[^\]"]*)\]$/, '')

/** Can `subnet` be the subnet of this id (each part known on both sides agrees)? */
function mayBe(subnet: Subnet, id: GivenSubnetId): boolean {
  const same = (v: { known: boolean; value?: string } | undefined, want: string | undefined) =>
    want === undefined || !v?.known || v.value!.toLowerCase() === want.toLowerCase()
  if (!same(subnet.name, id.subnet)) return false
  if (id.vnet !== undefined) return same(subnet.vnetId, id.vnet)
  if (!same(subnet.vnetName, id.vnetName)) return false
  if (id.resourceGroup !== undefined && subnet.resourceGroup !== undefined)
    if (subnet.resourceGroup.toLowerCase() !== id.resourceGroup.toLowerCase()) return false
  return (
    id.subscription === undefined ||
    subnet.subscription === undefined ||
    subnet.subscription === id.subscription
  )
}

/**
 * A subnet handed to a module that is not evaluated (not fetched, unreadable) may get a route table or an
 * NSG from it: where the code gives it none, which one it has is unknown, not "none". An association the
 * code does make stays: the module could only replace it, and that is named on the module call (KMS011).
 * What a module is given are resource addresses (OpaqueModule.given): an instance (`azurerm_subnet.this["app"]`),
 * or a resource with all its instances (`azurerm_subnet.this`, `azurerm_virtual_network.spoke.subnet`).
 */
function givenToOpaqueModules(model: NetworkModel, opaque: readonly OpaqueModule[]): void {
  const byAddress = new Map<string, OpaqueModule>()
  for (const m of opaque) for (const g of m.given) if (!byAddress.has(g)) byAddress.set(g, m)
  const byId = opaque.filter((m) => m.subnetIds !== undefined)
  if (byAddress.size === 0 && byId.length === 0) return
  for (const subnet of model.subnets) {
    const m =
      byAddress.get(subnet.id) ??
      byAddress.get(withoutLastKey(subnet.id)) ??
      byId.find((o) => o.subnetIds!.some((id) => mayBe(subnet, id)))
    if (!m) continue
    const why = (what: string) =>
      `${m.module}${m.source ? ` (source "${m.source}")` : ''} is not evaluated (${m.why.replace(/ \(.*\)$/, '')}) and is given this subnet: it may ${what}`
    if (!subnet.routeTableId)
      subnet.routeTableId = unknown(m.module, why('attach a route table to it'), m.origin)
    if (!subnet.nsgId)
      subnet.nsgId = unknown(m.module, why('attach a network security group to it'), m.origin)
  }
}

export function terraformToModel(evaluation: TerraformEvaluation): NetworkModel {
  const b = new ModelBuilder()
  const templates: TemplateContext = {
    environments: evaluation.providerEnvironments,
    ...(evaluation.templateFiles ? { templateFiles: evaluation.templateFiles } : {}),
    ...(evaluation.readLinked ? { readLinked: evaluation.readLinked } : {}),
  }
  for (const r of evaluation.resources) {
    if (r.mode === 'data') registerDataSource(r, b)
    else if (deploysTemplate(r)) addTemplateDeployment(r, b, templates)
    else if (Object.hasOwn(ADAPTERS, r.type)) ADAPTERS[r.type](r, b)
  }
  const model = b.finish()
  if (evaluation.opaqueModules) {
    givenToOpaqueModules(model, evaluation.opaqueModules)
    subnetsGivenToModules(model, evaluation.opaqueModules)
  }
  for (const d of evaluation.diagnostics) model.diagnostics.push({ ...d })
  if (evaluation.moved) model.moved = evaluation.moved
  for (const env of evaluation.providerEnvironments) {
    const cloud = cloudFromEnvironment(env) ?? env
    if (!model.cloudHints.includes(cloud)) model.cloudHints.push(cloud)
  }
  return model
}
