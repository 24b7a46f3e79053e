/**
 * A subnet a Bicep/ARM deployment declares as a child resource (`Microsoft.Network/virtualNetworks/subnets`,
 * `'vnet-spoke/snet-app'`) of a VNet it does not declare: a day-2 deployment giving the platform team's
 * subnet a route table, NSG or NAT gateway. The child is a PUT of the whole subnet, so where it is deployed
 * its associations are the subnet's; judged alone, the unit declaring the VNet saw its subnet without
 * them ("reachable" beside this unit's own verdict for the same Azure subnet).
 *
 * Here each association the child sets is handed over as a detached association (NetworkModel
 * .detachedAssociations, by the subnet's Azure identity: VNet, subnet, resource group), which the second pass
 * lays on the declaring unit's subnet (src/analysis/cross-unit-attachments.ts), and the live overlay on the
 * deployed one. Only where the resource group is known (identity) and the child has no condition the scan
 * cannot evaluate. What this does not carry: an association the child drops (it is not there to hand over).
 */
import type { NetworkModel, SourceDiagnostic } from '../../model/network'

const CHILD = 'microsoft.network/virtualnetworks/subnets'

const FIELDS = [
  ['routeTableId', 'routeTableOrigin', 'route table'],
  ['nsgId', 'nsgOrigin', 'network security group'],
  ['natGatewayId', undefined, 'NAT gateway'],
] as const

export function handOverForeignSubnets(model: NetworkModel): void {
  const declared = new Set((model.vnets ?? []).map((v) => v.id))
  for (const s of model.subnets) {
    if (s.sourceType.toLowerCase() !== CHILD || s.condition) continue
    if (s.vnetId?.known && declared.has(s.vnetId.value)) continue
    if (!s.vnetName?.known || !s.name.known || !s.resourceGroup) continue
    const subnet = {
      armType: 'Microsoft.Network/virtualNetworks/subnets',
      names: [s.vnetName.value, s.name.value],
      resourceGroup: s.resourceGroup,
      ...(s.subscription ? { subscription: s.subscription } : {}),
    }
    for (const [field, originField, what] of FIELDS) {
      const target = s[field]
      if (!target) continue
      const origin = (originField && s[originField]) || s.origin
      // Not a notice of this unit's (it judges the subnet itself): the field is the handover's identity.
      const diagnostic: SourceDiagnostic = {
        ruleId: 'KMS011',
        origin,
        message: `${s.address} sets the ${what} of ${s.vnetName.value}/${s.name.value}, a virtual network another deployment declares`,
        address: s.address,
      }
      ;(model.detachedAssociations ??= []).push({
        subnet,
        field,
        target,
        origin,
        address: s.address,
        diagnostic,
      })
    }
  }
}
