/**
 * A deployed estate for the live tests (unit and e2e): vnet-spoke in rg-net with
 * - snet-live on rt-spoke (deployed with no routes; the pull request's Terraform redefines it) and a
 *   NIC of a running VM, whose effective routes Azure reports;
 * - snet-legacy on rt-onprem, a deployed-only table that forces 0.0.0.0/0 on-premises (a finding about
 *   a resource no scanned file defines);
 * - snet-empty with no NIC (its effective routes cannot be read).
 */
import {
  armNic,
  armRouteTable,
  armVnet,
  netId,
  type ArmEffectiveRoute,
  type ArmInventory,
} from '../helpers/arm-inventory'
import { PROVIDERS } from './fixture'

export const SUB = '11111111-2222-3333-4444-555555555555'
export const RG = 'rg-net'
export const VNET_ID = netId(SUB, RG, 'virtualNetworks', 'vnet-spoke')
export const SUBNET_LIVE = `${VNET_ID}/subnets/snet-live`
export const SUBNET_EMPTY = `${VNET_ID}/subnets/snet-empty`
export const RT_ONPREM = netId(SUB, RG, 'routeTables', 'rt-onprem')
const NIC = netId(SUB, RG, 'networkInterfaces', 'nic-vm1')

const EFFECTIVE: ArmEffectiveRoute[] = [
  {
    source: 'Default',
    state: 'Active',
    addressPrefix: ['10.1.0.0/16'],
    nextHopIpAddress: [],
    nextHopType: 'VnetLocal',
  },
  {
    source: 'Default',
    state: 'Active',
    addressPrefix: ['0.0.0.0/0'],
    nextHopIpAddress: [],
    nextHopType: 'Internet',
  },
]

export function liveInventory(): ArmInventory {
  const rtSpoke = armRouteTable(SUB, RG, 'rt-spoke', [])
  const rtOnprem = armRouteTable(SUB, RG, 'rt-onprem', [
    { name: 'default-to-onprem', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualNetworkGateway' },
  ])
  return {
    subscriptions: {
      [SUB]: [
        rtSpoke,
        rtOnprem,
        armVnet(SUB, RG, 'vnet-spoke', '10.1.0.0/16', [
          {
            name: 'snet-live',
            prefix: '10.1.9.0/24',
            routeTableId: rtSpoke.id,
            ipConfigurations: [`${NIC}/ipConfigurations/ipconfig1`],
          },
          { name: 'snet-legacy', prefix: '10.1.8.0/24', routeTableId: rtOnprem.id },
          { name: 'snet-empty', prefix: '10.1.7.0/24' },
        ]),
        armNic(
          SUB,
          RG,
          'nic-vm1',
          SUBNET_LIVE,
          `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/virtualMachines/vm1`,
        ),
      ],
    },
    effectiveRoutes: { [NIC]: EFFECTIVE },
  }
}

/** The pull request's Terraform: it manages rt-spoke (whose subnets exist only live), not the subnets. */
export const spokeTable = (tunnel: boolean) => `resource "azurerm_route_table" "spoke" {
  name                = "rt-spoke"
  location            = "westeurope"
  resource_group_name = "${RG}"
${
  tunnel
    ? `
  route {
    name           = "default-to-onprem"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "VirtualNetworkGateway"
  }
`
    : ''
}}
`

export const liveBase = (): Record<string, string> => ({
  'infra/providers.tf': PROVIDERS,
  'infra/spoke.tf': spokeTable(false),
})
export const liveHead = (): Record<string, string> => ({ 'infra/spoke.tf': spokeTable(true) })
