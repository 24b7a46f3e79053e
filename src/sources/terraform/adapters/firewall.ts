/**
 * azurerm_firewall. Its private address is computed by Azure: unless the source gives it, it is an
 * Unknown whose ref names this firewall, which is exactly what a route's `next_hop_in_ip_address =
 * azurerm_firewall.hub.ip_configuration[0].private_ip_address` carries, so the analysis can match them.
 */
import type { AzureFirewall } from '../../../model/network'
import { known, unknown, type Value } from '../../../model/value'
import { ARM } from '../../../model/build'
import { attr, bool, items, str, strList } from '../../evaluation/value-tree'
import type { EvaluatedResource } from '../../evaluation/evaluated'
import { arg, header, registerResource, type Adapter } from './common'
import { subnetOfVnet } from './subnets'

function privateAddress(r: EvaluatedResource): Value<string> {
  const hub = items(arg(r, 'virtual_hub'))[0]
  const config = items(arg(r, 'ip_configuration'))[0]
  const attribute = hub ? 'virtual_hub[0].private_ip_address' : 'ip_configuration[0].private_ip_address'
  const given = str(attr(hub ?? config, 'private_ip_address'))
  if (given?.known) return given
  return unknown(`${r.address}.${attribute}`, 'computed at apply time', (hub ?? config)?.origin ?? r.origin, {
    resource: r.address,
    attribute,
  })
}

/** `dns_proxy_enabled`, else on when `dns_servers` is a non-empty list (the provider turns it on then). */
function dnsProxy(r: EvaluatedResource): Value<boolean> | undefined {
  const enabled = bool(arg(r, 'dns_proxy_enabled'))
  if (enabled) return enabled
  const servers = strList(arg(r, 'dns_servers'))
  if (servers === undefined) return undefined
  return servers.known ? known(servers.value.length > 0, servers.origin) : servers
}

export const firewall: Adapter = (r, b) => {
  const fw: AzureFirewall = {
    ...header(r),
    privateIpAddress: privateAddress(r),
    classicCollections: [],
    forcedTunnelling: items(arg(r, 'management_ip_configuration')).length > 0,
  }
  const sku = str(arg(r, 'sku_name'))
  if (sku) fw.sku = sku
  const dns = dnsProxy(r)
  if (dns) fw.dnsProxy = dns
  const subnetRef = str(
    items(arg(r, 'ip_configuration'))
      .map((c) => attr(c, 'subnet_id'))
      .find((s) => s),
  )
  const policyRef = str(arg(r, 'firewall_policy_id'))
  const hubRef = str(attr(items(arg(r, 'virtual_hub'))[0], 'virtual_hub_id'))
  b.defer(() => {
    const hubId = b.resolve(ARM.virtualHub, hubRef, { near: fw.id })
    if (hubId) fw.virtualHubId = hubId
    let subnetId = b.resolve(ARM.subnet, subnetRef, { near: fw.id })
    // A subnet taken from the vnet's inline blocks names only the vnet; a firewall can only be in its
    // AzureFirewallSubnet.
    if (subnetId && !subnetId.known && subnetId.ref)
      subnetId = subnetOfVnet(b, subnetId.ref.resource, 'AzureFirewallSubnet', fw.id) ?? subnetId
    if (subnetId) fw.subnetId = subnetId
    const policyId = b.resolve(ARM.firewallPolicy, policyRef, { near: fw.id })
    if (policyId) fw.policyId = policyId
  })
  b.model.firewalls.push(fw)
  registerResource(b, r, ARM.firewall)
}

export const firewallAdapters: Record<string, Adapter> = { azurerm_firewall: firewall }
