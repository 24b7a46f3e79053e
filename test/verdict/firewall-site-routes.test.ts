/**
 * A forced-tunnelling Azure Firewall (management NIC in AzureFirewallManagementSubnet) sends what it allows
 * along its own subnet's routes (learn.microsoft.com/azure/firewall/forced-tunneling: a default route
 * "advertised via BGP or using User Defined Routes" takes Internet-bound traffic to on-premises). So the
 * gateway routes AzureFirewallSubnet gets count there as for any subnet: a local site whose address space
 * covers KMS, propagated by the hub's VPN gateway without BGP, takes the firewall's KMS traffic on-premises
 * (blocked, KMS001 naming the site); a gateway with BGP may (undecided, named). A firewall without a
 * management NIC must egress directly (Azure requires it), and a site that does not cover KMS changes nothing.
 * A connection whose local site is not in the scanned sources leaves the gateway's routes unknown, named.
 */
import { scan } from '../../src/pipeline/scan'
import {
  TF_HUB_VNET,
  TF_SPOKE_APP,
  tfHubFirewall,
  tfHubVpnGateway,
  tfLocalSite,
  tfRulesKmsAllowed,
} from '../helpers/hcl-network'
import { tree as treeOn } from '../helpers/tree'

const KMS_ALLOWED = tfRulesKmsAllowed(['20.118.99.224', '40.83.235.53', '23.102.135.246'])

/** The spoke's 0.0.0.0/0 to the hub firewall (its private address as the firewall resource gives it). */
const SPOKE_TO_FIREWALL = `
resource "azurerm_route_table" "spoke" {
  name                          = "rt-spoke"
  location                      = "westeurope"
  resource_group_name           = "rg-spoke"
  bgp_route_propagation_enabled = false

  route {
    name                   = "default-to-firewall"
    address_prefix         = "0.0.0.0/0"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = azurerm_firewall.hub.ip_configuration[0].private_ip_address
  }
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.spoke.id
}
`

async function judge(opts: { forcedTunnelling: boolean; bgp: boolean; site?: string }) {
  const files = {
    'main.tf':
      TF_HUB_VNET +
      tfHubVpnGateway(opts.bgp) +
      tfHubFirewall(KMS_ALLOWED, { forcedTunnelling: opts.forcedTunnelling }) +
      (opts.site ?? '') +
      TF_SPOKE_APP +
      SPOKE_TO_FIREWALL,
  }
  const result = await scan({
    path: treeOn(files, 'kms-fw-sites-'),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  return { result, app: result.verdict.subnets.find((s) => s.address === 'azurerm_subnet.app')! }
}

// On-premises as two halves (a local network gateway's prefixes must be /1 or longer).
const ONPREM_DEFAULT = ['0.0.0.0/1', '128.0.0.0/1']

test('a site covering KMS behind a forced-tunnelling firewall: the firewall’s KMS traffic goes on-premises (KMS001 names the site)', async () => {
  const { app, result } = await judge({
    forcedTunnelling: true,
    bgp: false,
    site: tfLocalSite(ONPREM_DEFAULT),
  })
  expect(app.state).toBe('blocked')
  expect(app.path).toContain('AzureFirewallSubnet')
  const kms001 = result.findings.filter((f) => f.ruleId === 'KMS001')
  expect(kms001).toHaveLength(1)
  expect(kms001[0]!.message).toContain('lgw-datacenter')
  expect(kms001[0]!.subnets).toEqual(['vnet-spoke/snet-app'])
})

test('negative controls: a site that does not cover KMS, or a firewall without forced tunnelling, stays reachable', async () => {
  const narrow = await judge({ forcedTunnelling: true, bgp: false, site: tfLocalSite(['192.168.0.0/16']) })
  expect(narrow.app.state).toBe('reachable')
  const direct = await judge({ forcedTunnelling: false, bgp: false, site: tfLocalSite(ONPREM_DEFAULT) })
  expect(direct.app.state).toBe('reachable')
  expect(direct.result.findings.filter((f) => f.ruleId === 'KMS001')).toEqual([])
})

test('a VPN gateway with BGP behind a forced-tunnelling firewall: undecided, naming the gateway', async () => {
  const { app } = await judge({ forcedTunnelling: true, bgp: true })
  expect(app.state).toBe('undecided')
  expect(`${app.hop} ${app.why}`).toContain('vgw-hub')
  expect(app.why).toMatch(/BGP/)
})

test('a connection whose local site is not in the scanned sources: the firewall’s egress is undecided, naming the connection', async () => {
  // The site is read by a data source (declared in another repository): its address space is not known.
  const site = `
data "azurerm_local_network_gateway" "datacenter" {
  name                = "lgw-datacenter"
  resource_group_name = "rg-onprem"
}

resource "azurerm_virtual_network_gateway_connection" "datacenter" {
  name                       = "cn-datacenter"
  location                   = "westeurope"
  resource_group_name        = "rg-hub"
  type                       = "IPsec"
  virtual_network_gateway_id = azurerm_virtual_network_gateway.hub.id
  local_network_gateway_id   = data.azurerm_local_network_gateway.datacenter.id
  shared_key                 = "not-a-secret"
}
`
  // Another site the scan reads, linked and narrow, must not make the unknown one look decided.
  const branch = tfLocalSite(['192.168.0.0/16']).replaceAll('datacenter', 'branch')
  const { app } = await judge({ forcedTunnelling: true, bgp: false, site: site + branch })
  expect(app.state).toBe('undecided')
  expect(`${app.hop} ${app.why}`).toContain('cn-datacenter')
  expect(app.why).toMatch(/not in the scanned sources/)
})
