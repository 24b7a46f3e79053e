/**
 * Attributes a provider computes from a resource's arguments alone, so they are known before apply: only
 * those the network analysis needs, written by hand because no library models provider logic.
 *
 * azurecaf_name (aztfmod/azurecaf, the naming provider every Cloud Adoption Framework module uses): in
 * passthrough mode `result` is `name`, cleaned of the characters the resource type does not allow, cut to
 * its maximum length and checked against its pattern (getResourceName in the provider's resource_name.go).
 * A name that already matches the pattern is returned unchanged, so that is the case taken here; any other
 * (composed with prefixes, slug and random characters, or needing cleaning) stays computed at apply time.
 * The CAF modules pass AzureFirewallSubnet, GatewaySubnet and the like through this way, and many
 * estates name everything by passthrough.
 */
import type { EvaluatedResource } from '../evaluation/evaluated'
import { outputContent } from './adapters/template-deployment'
import { str, type Val } from './values'

/** Maximum name length of the network resource types the CAF provider knows (resourceDefinition.json). */
const CAF_MAX_LENGTH: Record<string, number> = {
  azurerm_virtual_network: 64,
  azurerm_virtual_hub: 50,
  azurerm_subnet: 80,
  azurerm_route_table: 80,
  azurerm_route: 80,
  azurerm_network_security_group: 80,
  azurerm_firewall: 80,
  azurerm_firewall_policy: 80,
  azurerm_ip_group: 80,
  azurerm_nat_gateway: 80,
  azurerm_virtual_network_gateway: 80,
  azurerm_local_network_gateway: 80,
  azurerm_virtual_wan: 80,
}

/** The provider's validation pattern for those types: a letter or digit, then `-._`, ending in a word character. */
const cafNamePattern = (max: number): RegExp =>
  new RegExp(`^[a-zA-Z0-9][a-zA-Z0-9._-]{0,${max - 2}}[a-zA-Z0-9_]$`)

function cafPassthrough(body: Val): Val | undefined {
  if (body.kind !== 'object') return undefined
  const { name, resource_type: type, passthrough } = body.attrs
  if (passthrough?.kind !== 'bool' || !passthrough.value) return undefined
  if (name?.kind !== 'string' || type?.kind !== 'string') return undefined
  const max = CAF_MAX_LENGTH[type.value]
  if (max === undefined || !cafNamePattern(max).test(name.value)) return undefined
  return str(name.value, name.origin)
}

/**
 * Arguments-derived attributes of a resource or data source of `type`, to add to its value. An ARM template
 * deployment's `output_content` is what its template outputs (adapters/template-deployment.ts).
 */
export function computedAttributes(
  type: string,
  body: Val,
  address: string,
): Record<string, Val> | undefined {
  if (type.endsWith('template_deployment') && body.kind === 'object') {
    const r = { mode: 'managed', type, name: '', address, origin: body.origin, body } as const
    const output_content = outputContent(r as EvaluatedResource, { environments: [] }) as Val | undefined
    return output_content && { output_content }
  }
  if (type !== 'azurecaf_name') return undefined
  const result = cafPassthrough(body)
  return result && { result }
}
