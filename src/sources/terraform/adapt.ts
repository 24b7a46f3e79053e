/**
 * Evaluated Terraform resources → the provider-neutral network model. Each resource type has an adapter
 * (adapters/<area>.ts) that adds its objects and registers what it can be referred to by; the builder's
 * link step then turns refs, ARM ids and names into model ids. Resource types with no place in the model
 * (public IPs, resource groups, VMs) are ignored; data sources are not modelled (their settings are not
 * in the code), so references to them stay Unknown.
 */
import { cloudFromEnvironment } from '../../kms/catalogue'
import type { NetworkModel } from '../../model/network'
import { ModelBuilder } from '../model-builder'
import { associationAdapters } from './adapters/associations'
import { azapiAdapters } from './adapters/azapi'
import type { Adapter } from './adapters/common'
import { classicCollectionAdapters } from './adapters/firewall-classic'
import { firewallAdapters } from './adapters/firewall'
import { ipGroupAdapters } from './adapters/ipgroup'
import { natGatewayAdapters } from './adapters/natgateway'
import { nsgAdapters } from './adapters/nsg'
import { policyAdapters } from './adapters/policy'
import { routeAdapters } from './adapters/routes'
import { subnetAdapters } from './adapters/subnets'
import type { TerraformEvaluation } from './evaluated'

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
  ...azapiAdapters,
}

/** The resource types this source turns into model objects (for docs and tests). */
export const SUPPORTED_TERRAFORM_TYPES: readonly string[] = Object.keys(ADAPTERS).sort()

export function terraformToModel(evaluation: TerraformEvaluation): NetworkModel {
  const b = new ModelBuilder()
  for (const r of evaluation.resources) {
    if (r.mode !== 'managed') continue
    if (Object.hasOwn(ADAPTERS, r.type)) ADAPTERS[r.type](r, b)
  }
  const model = b.finish()
  for (const d of evaluation.diagnostics) model.diagnostics.push({ ...d })
  for (const env of evaluation.providerEnvironments) {
    const cloud = cloudFromEnvironment(env) ?? env
    if (!model.cloudHints.includes(cloud)) model.cloudHints.push(cloud)
  }
  return model
}
