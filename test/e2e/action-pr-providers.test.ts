/**
 * A pull request that changes only a spoke root, through the built action on a real git base → head: the
 * spoke reads the hub's firewall or VNet (`data`) that an untouched hub root declares. The run judges
 * the units the change touches and brings in the units declaring what they read ("providers", found from
 * their files' text), at head and base, so the spoke is judged with the hub's facts as a full scan judges
 * it: its verdicts are the full scan's (scope `all`), not "undecided" for want of the hub. The hub's own
 * findings are the same at head and base: never new.
 */
import { runPullRequest } from './pr-run'
import {
  TF_HUB_VNET,
  TF_RULES_DNS_ONLY,
  TF_SPOKE_APP,
  tfHubFirewall,
  tfRulesKmsAllowed,
} from '../helpers/hcl-network'
import { TF_PROVIDER, tfOtherLandingZone, tfSpokeUsingHub } from '../helpers/tf-units'

/** The workspace root: snet-app (and `more` subnets) routed to the hub firewall it reads with data. */
const workspace = (more: string[] = []) => `${TF_PROVIDER}
data "azurerm_firewall" "hub" {
  name                = "afw-hub"
  resource_group_name = "rg-hub"
}
${TF_SPOKE_APP}
resource "azurerm_route_table" "app" {
  name                          = "rt-app"
  location                      = "westeurope"
  resource_group_name           = "rg-spoke"
  bgp_route_propagation_enabled = false

  route {
    name                   = "default-via-firewall"
    address_prefix         = "0.0.0.0/0"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = data.azurerm_firewall.hub.ip_configuration[0].private_ip_address
  }
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.app.id
}
${more
  .map(
    (name, i) => `
resource "azurerm_subnet" "more_${i}" {
  name                 = "${name}"
  resource_group_name  = "rg-spoke"
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["10.1.${10 + i}.0/24"]
}

resource "azurerm_subnet_route_table_association" "more_${i}" {
  subnet_id      = azurerm_subnet.more_${i}.id
  route_table_id = azurerm_route_table.app.id
}
`,
  )
  .join('')}`

describe('a change to a spoke root alone, reading the firewall an untouched core root declares (dist/index.js)', () => {
  const base = {
    'core/main.tf': TF_PROVIDER + TF_HUB_VNET + tfHubFirewall(TF_RULES_DNS_ONLY),
    'workspaces/app/main.tf': workspace(),
    'workspaces/other/main.tf': tfOtherLandingZone({ subnet: false }),
  }
  const head = { 'workspaces/app/main.tf': workspace(['snet-db']) }

  it('scope new: the spoke is judged with the core root’s firewall, as the full scan judges it', async () => {
    const [pr, full] = await Promise.all([
      runPullRequest(base, head, { path: '.', scope: 'new' }),
      runPullRequest(base, head, { path: '.', scope: 'all' }),
    ])
    // The full scan: both spoke subnets blocked by the firewall, which allows only DNS.
    expect(full.outputs).toMatchObject({ blocked: '2', undecided: '0' })
    // The pull request run says the same of them, and the added subnet is the one new finding.
    expect(pr.outputs).toMatchObject({
      blocked: '2',
      undecided: '0',
      'new-findings': '1',
      verdict: 'blocked',
    })
    expect(pr.summary).toContain('Newly exposed:\n- vnet-spoke/snet-db (KMS003)')
    expect(pr.summary).toContain(
      '1 unit it does not touch was judged at head and base for what it declares that the units it judges read (virtual networks, firewalls, sites linked to their gateways): core.',
    )
    // The other landing zone is still left out.
    expect(pr.summary).toContain('1 unit it does not touch was not judged')
    expect(pr.status).toBe(1)
    expect(pr.conclusion).toBe('failure')
    expect(pr.annotations.map((a) => a.path)).toEqual(['workspaces/app/main.tf'])
  })
})

describe('a change to the core root’s firewall policy alone, read by an untouched spoke root (dist/index.js)', () => {
  it('scope new: the spoke reading only the firewall is judged with it at head and base: newly blocked', async () => {
    const kmsAllowed = tfRulesKmsAllowed(['20.118.99.224', '40.83.235.53'])
    const r = await runPullRequest(
      {
        'core/main.tf': TF_PROVIDER + TF_HUB_VNET + tfHubFirewall(kmsAllowed),
        'workspaces/app/main.tf': workspace(),
        'workspaces/other/main.tf': tfOtherLandingZone({ subnet: false }),
      },
      { 'core/main.tf': TF_PROVIDER + TF_HUB_VNET + tfHubFirewall(TF_RULES_DNS_ONLY) },
      { path: '.', scope: 'new' },
    )
    expect(r.outputs).toMatchObject({ 'new-findings': '1', blocked: '1', verdict: 'blocked' })
    expect(r.summary).toContain('Newly exposed:\n- vnet-spoke/snet-app (KMS003)')
    expect(r.summary).toContain(
      '1 unit it does not touch was judged with it at head and base, as it may read the virtual networks or firewalls it changes: workspaces/app',
    )
    expect(r.status).toBe(1)
  })
})

/** The hub root: its VNet named from var.env (vnet-prod-hub), its VPN gateway and an on-premises site of `space`. */
const HUB = (space: string) => `${TF_PROVIDER}
variable "env" {
  type = string
}

resource "azurerm_virtual_network" "hub" {
  name                = "vnet-\${var.env}-hub"
  location            = "westeurope"
  resource_group_name = "rg-hub"
  address_space       = ["10.0.0.0/16"]
}

resource "azurerm_subnet" "gateway" {
  name                 = "GatewaySubnet"
  resource_group_name  = "rg-hub"
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.255.0/27"]
}

resource "azurerm_virtual_network_gateway" "hub" {
  name                = "vgw-hub"
  location            = "westeurope"
  resource_group_name = "rg-hub"
  type                = "Vpn"
  vpn_type            = "RouteBased"
  sku                 = "VpnGw2AZ"
  bgp_enabled         = false

  ip_configuration {
    name                 = "vnetGatewayConfig"
    public_ip_address_id = "/subscriptions/0000/resourceGroups/rg-hub/providers/Microsoft.Network/publicIPAddresses/pip-vgw"
    subnet_id            = azurerm_subnet.gateway.id
  }
}

resource "azurerm_local_network_gateway" "onprem" {
  name                = "lgw-onprem"
  location            = "westeurope"
  resource_group_name = "rg-hub"
  gateway_address     = "203.0.113.10"
  address_space       = ["${space}"]
}

resource "azurerm_virtual_network_gateway_connection" "onprem" {
  name                       = "cn-onprem"
  location                   = "westeurope"
  resource_group_name        = "rg-hub"
  type                       = "IPsec"
  virtual_network_gateway_id = azurerm_virtual_network_gateway.hub.id
  local_network_gateway_id   = azurerm_local_network_gateway.onprem.id
  shared_key                 = "not-a-secret"
}
`

describe('a change to a spoke root alone, peered to a hub VNet an untouched root declares by an interpolated name (dist/index.js)', () => {
  const base = (space: string) => ({
    'platform/hub/main.tf': HUB(space),
    'platform/hub/terraform.tfvars': 'env = "prod"\n',
    'landing-zones/spoke1/main.tf': tfSpokeUsingHub({ hub: 'vnet-prod-hub', hubSide: true }),
    'landing-zones/other/main.tf': tfOtherLandingZone({ subnet: false }),
  })
  const head = {
    'landing-zones/spoke1/main.tf': tfSpokeUsingHub({
      hub: 'vnet-prod-hub',
      hubSide: true,
      more: ['snet-db'],
    }),
  }

  it('the hub’s site advertises 0.0.0.0/0: both spoke subnets blocked as in the full scan, the added one new', async () => {
    const [pr, full] = await Promise.all([
      runPullRequest(base('0.0.0.0/0'), head, { path: '.', scope: 'new' }),
      runPullRequest(base('0.0.0.0/0'), head, { path: '.', scope: 'all' }),
    ])
    expect(full.outputs).toMatchObject({ blocked: '2', undecided: '0' })
    expect(pr.outputs).toMatchObject({ blocked: '2', undecided: '0', 'new-findings': '1' })
    expect(pr.summary).toContain('Newly exposed:\n- vnet-spoke1/snet-db (KMS001)')
    expect(pr.summary).toContain('1 unit it does not touch was not judged')
    expect(pr.status).toBe(1)
  })

  it('control: the hub’s site is on-premises only: reachable as in the full scan, nothing new', async () => {
    const pr = await runPullRequest(base('192.168.0.0/16'), head, { path: '.', scope: 'new' })
    expect(pr.outputs).toMatchObject({
      undecided: '0',
      blocked: '0',
      'new-findings': '0',
      verdict: 'reachable',
    })
    expect(pr.status).toBe(0)
  })
})
