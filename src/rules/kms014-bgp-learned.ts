/**
 * KMS014: a subnet learns routes over BGP (a VPN or ExpressRoute gateway in its VNet or, through a peering
 * with use_remote_gateways, in the hub; an Azure Route Server and the NVAs peering with it; a Virtual WAN
 * hub's gateways) and no user route decides KMS first. Forced tunnelling is often a 0.0.0.0/0 advertised
 * from on-premises, with no route in any file: the code cannot tell where KMS traffic goes.
 */
import type { BgpExposure, KmsPath } from '../analysis/types'
import { displayName } from '../analysis/lookup'
import { addressesOf, allAddresses, groupBy, listText, makeFinding, pathParts } from './findings'
import type { Finding, Rule } from './types'

/** The BGP exposure that left a path undecided, if that is what did. */
function exposureOf(p: KmsPath): { bgp: BgpExposure; at: KmsPath['unknowns'][number] } | undefined {
  const at = p.unknowns.find((u) => u.bgp)
  return at ? { bgp: at.bgp!, at } : undefined
}

export const kms014: Rule = {
  id: 'KMS014',
  title: 'Routes learned over BGP may decide where KMS traffic goes',
  severity: 'warning',
  explanation:
    'The subnet’s VNet has a VPN or ExpressRoute gateway, or an Azure Route Server that appliances peer with, ' +
    'or uses one in a peered hub (`use_remote_gateways`), and its route table lets gateway routes propagate ' +
    '(no route table at all propagates too). Azure then adds whatever on-premises or the appliances advertise. ' +
    'Forced tunnelling is often done that way: a 0.0.0.0/0 advertised over BGP, with no route in any file, sends ' +
    'KMS traffic on-premises, where activation fails. Azure picks the longest prefix first and prefers a user ' +
    'route only on equal prefixes: a user /32 for a KMS address wins over anything learned, but a user ' +
    '0.0.0.0/0 loses to a more specific learned route (forced tunnelling is often advertised as 0.0.0.0/1 + ' +
    '128.0.0.0/1). So subnets whose KMS traffic follows the system route, or a user route shorter than /32 ' +
    'that lets it out, are named. The code cannot tell what is advertised: the subnet is undecided. The same ' +
    'holds for a subnet added to a VNet the scanned code does not declare (a data source, an `existing` VNet): ' +
    'its gateway and peerings are declared elsewhere, if anywhere.',
  fix:
    'Let the deployed network decide: `live: true` with `effective-routes: true` reads the routes Azure uses. ' +
    'Or turn gateway route propagation off on the subnet’s route table (`bgp_route_propagation_enabled = false`, ' +
    '`disableBgpRoutePropagation: true`) and write the routes it needs, or add routes for the KMS addresses ' +
    '(`/32`, next hop `Internet`).',
  check(ctx) {
    const findings: Finding[] = []
    const paths = ctx.analysis.paths.filter((p) => p.kms.kind === 'current' && exposureOf(p))
    // One finding per place to change (the route table, or the subnet without one) and source of routes.
    const groups = groupBy(paths, (p) => {
      const e = exposureOf(p)!
      return `${e.at.object.id}\u0000${e.bgp.sources}`
    })
    for (const group of groups.values()) {
      const { bgp, at } = exposureOf(group[0]!)!
      const parts = pathParts(group)
      const where = parts.subnets?.length ? listText(parts.subnets) : displayName(at.object)
      const message =
        `${where} learn${parts.subnets && parts.subnets.length === 1 ? 's' : ''} routes over BGP from ${bgp.sources}: ` +
        `${bgp.because}; ${bgp.propagation}. No route in the code decides Azure KMS traffic (TCP 1688) for ` +
        `${listText(addressesOf(group))} first, so a route advertised from on-premises or an appliance (forced ` +
        'tunnelling often advertises 0.0.0.0/0) may send it where activation fails; the code cannot tell. ' +
        'Decide it with `live: true` and `effective-routes: true` (the effective routes Azure uses), or turn ' +
        'gateway route propagation off on the route table and write the routes the subnet needs, or add routes ' +
        'for the KMS addresses (/32, next hop Internet), which win over anything learned over BGP.'
      const finding = makeFinding(kms014, ctx, at.object, {
        location: at.value.origin ?? at.object.origin,
        message,
        kmsAddresses: addressesOf(group),
        ...parts,
      })
      // On a route table, the fix that needs no live read: routes for the KMS addresses, which beat BGP.
      const table = ctx.model.routeTables.find((t) => t.id === at.object.id)
      if (table) finding.fix = { kind: 'add-routes', table, addresses: allAddresses(ctx.cloud) }
      findings.push(finding)
    }
    return findings
  },
}
