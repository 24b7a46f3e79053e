/** azurerm_nat_gateway: only its existence matters (a subnet with one leaves through its public IP). */
import type { NatGateway } from '../../../model/network'
import { ARM } from '../../../model/build'
import { header, registerResource, type Adapter } from './common'

export const natGateway: Adapter = (r, b) => {
  const gw: NatGateway = header(r)
  b.model.natGateways.push(gw)
  registerResource(b, r, ARM.natGateway)
}

export const natGatewayAdapters: Record<string, Adapter> = { azurerm_nat_gateway: natGateway }
