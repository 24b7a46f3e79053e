/**
 * A template deployment the scan cannot read (its template is not known before apply, a template spec, a
 * nested template linked by URI) may put any network resource in place: routes into a route table, a route
 * table or NSG onto a subnet, a hub route table's default route. As an opaque module (adapt.ts
 * givenToOpaqueModules) it is named where it may decide a path, never passed over:
 *
 * - a subnet without a route table may get one: its route table is unknown;
 * - a route table it may add routes to gets a route whose prefix and next hop are unknown (only a known
 *   /32 for a KMS address still wins over it);
 * - a subnet without an NSG may get one: its NSG is unknown.
 *
 * Which subnets: those in the deployment's subscription (all of the unit when it is not stated). A
 * template can deploy into other resource groups through nested deployments, so the resource group does
 * not narrow it.
 */
import type { ModelBuilder } from '../../../model/build'
import type { Route } from '../../../model/network'
import { unknown } from '../../../model/value'
import type { EvaluatedResource } from '../../evaluation/evaluated'

export function mayChangeSubnets(b: ModelBuilder, r: EvaluatedResource, why: string): void {
  const cannot = `${r.address} deploys an ARM template the scan cannot read: ${why}`
  b.unresolved(
    r.origin,
    `${cannot}. Subnets it may change (route tables, routes, network security groups) are undecided.`,
    r.address,
    r.address,
  )
  // Twice deferred: after the links that attach route tables and NSGs to subnets.
  b.defer(() =>
    b.defer(() => {
      const tables = new Set<string>()
      for (const s of b.model.subnets) {
        if (s.dedicatedTo !== undefined) continue
        if (r.subscription !== undefined && s.subscription !== undefined && s.subscription !== r.subscription)
          continue
        if (!s.routeTableId)
          s.routeTableId = unknown(
            r.address,
            `${cannot}; it may attach a route table to this subnet`,
            r.origin,
          )
        else if (s.routeTableId.known) tables.add(s.routeTableId.value)
        if (!s.nsgId)
          s.nsgId = unknown(
            r.address,
            `${cannot}; it may attach a network security group to this subnet`,
            r.origin,
          )
      }
      for (const t of b.model.routeTables) {
        if (!tables.has(t.id)) continue
        const may = unknown(r.address, `${cannot}; it may add routes to this route table`, r.origin)
        const route: Route = {
          id: `${t.id}/routes/${r.address}`,
          name: may,
          origin: r.origin,
          format: 'terraform',
          sourceType: r.type,
          address: r.address,
          routeTableId: t.id,
          addressPrefix: may,
          nextHopType: may,
        }
        t.routes.push(route)
      }
    }),
  )
}
