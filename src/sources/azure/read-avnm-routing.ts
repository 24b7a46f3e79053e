/**
 * Reads a network manager's routing configurations (UDR management): configurations → rule collections
 * (appliesTo groups, disableBgpRoutePropagation) → rules, and the manager's deployment status for `Routing`
 * in the regions of the VNets read (whether each configuration is committed there). map-avnm-routing.ts
 * says how they are mapped. A manager without routing configurations costs one request.
 *
 * Azure has no per-VNet view of routing rules the way it has for security admin rules; what a committed
 * configuration did shows in the subnet's route table (read with the subscription) and in NIC effective
 * routes (`effective-routes`), which decide route selection when they were read.
 */
import type { NetworkManager, NetworkManagerDeploymentStatus, RoutingRule } from '@azure/arm-network'
import { armScope } from './client'
import type { LiveManagerRouting, LiveRoutingCollection } from './map-avnm-routing'
import { allPages, collect } from './paging'
import type { ReaderPort } from './reader-port'

export async function readManagerRouting(
  reader: ReaderPort,
  m: NetworkManager,
  regions: string[],
): Promise<LiveManagerRouting> {
  const out: LiveManagerRouting = { managerId: m.id!, regions, errors: {} }
  const name = m.name ?? armScope(m.id!).name!
  const at = `networkManagers/${name}/routingConfigurations`
  const configs = await reader.one(m.id!, at, (c, rg, n, o) =>
    collect(c.networkManagerRoutingConfigurations.list(rg, n, o)),
  )
  if (!configs.value) {
    out.errors.configurations = configs.error ?? 'no answer'
    return out
  }
  if (configs.value.length === 0) {
    out.configurations = []
    return out
  }
  const [status, configurations] = await Promise.all([
    reader.one(m.id!, `networkManagers/${name}/listDeploymentStatus`, (c, rg, n, o) =>
      allPages<NetworkManagerDeploymentStatus>((skipToken) =>
        c.networkManagerDeploymentStatusOperations.list(
          rg,
          n,
          { regions, deploymentTypes: ['Routing'], ...(skipToken ? { skipToken } : {}) },
          o,
        ),
      ),
    ),
    Promise.all(
      configs.value.map(async (configuration) => {
        const cfgName = configuration.name ?? armScope(configuration.id ?? '').name ?? ''
        const list = await reader.one(m.id!, `${at}/${cfgName}/ruleCollections`, (c, rg, n, o) =>
          collect(c.routingRuleCollections.list(rg, n, cfgName, o)),
        )
        if (!list.value) return { configuration, error: list.error ?? 'no answer' }
        const collections = await Promise.all(
          list.value.map(async (collection): Promise<LiveRoutingCollection> => {
            const rcName = collection.name ?? armScope(collection.id ?? '').name ?? ''
            const rules = await reader.one(
              m.id!,
              `${at}/${cfgName}/ruleCollections/${rcName}/rules`,
              (c, rg, n, o) => collect<RoutingRule>(c.routingRules.list(rg, n, cfgName, rcName, o)),
            )
            return {
              collection,
              ...(rules.value ? { rules: rules.value } : {}),
              ...(rules.error ? { error: rules.error } : {}),
            }
          }),
        )
        return { configuration, collections }
      }),
    ),
  ])
  out.configurations = configurations
  if (status.value) out.status = status.value
  else out.errors.status = status.error ?? 'no answer'
  return out
}
