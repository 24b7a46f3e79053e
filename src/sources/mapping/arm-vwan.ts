/**
 * Virtual WAN in ARM shape (Bicep and ARM templates): virtualHubs, hubVirtualNetworkConnections
 * (enableInternetSecurity, routingConfiguration.associatedRouteTable), routingIntent (routingPolicies),
 * hubRouteTables (routes), vpnGateways and expressRouteGateways. Same model as the Terraform adapters.
 */
import {
  emptyVirtualWan,
  type HubConnection,
  type HubRoute,
  type HubRouteTable,
  type ModelObject,
  type RoutingIntent,
  type VirtualWanModel,
} from '../../model/network'
import { known, unknown, type Value } from '../../model/value'
import { ARM, type ModelBuilder } from '../../model/build'
import { setVnet, vnetRef } from './arm-gateways'
import type { HclValue } from '../evaluation/evaluated'
import { attrCI, bool, items, str, strList } from '../evaluation/value-tree'

export const VWAN_TYPES = [
  ARM.virtualHub,
  `${ARM.virtualHub}/hubVirtualNetworkConnections`,
  `${ARM.virtualHub}/routingIntent`,
  ARM.hubRouteTable,
  'Microsoft.Network/vpnGateways',
  'Microsoft.Network/expressRouteGateways',
].map((t) => t.toLowerCase())

function p(obj: HclValue | undefined, ...names: string[]): HclValue | undefined {
  let cur = obj
  for (const n of names) cur = attrCI(cur, n)
  return cur
}

/** `{ id: '...' }` or a plain id string. */
const idOf = (v: HclValue | undefined): Value<string> | undefined => str(attrCI(v, 'id')) ?? str(v)

const wan = (b: ModelBuilder): VirtualWanModel => (b.model.virtualWan ??= emptyVirtualWan())

const notLinked = (what: string): Value<string> => unknown(what, 'not linked yet')

export interface VwanInput {
  b: ModelBuilder
  type: string
  header: ModelObject
  props: HclValue | undefined
  /** The parent hub (child types): ARM id, model id, or its name. */
  parent?: Value<string>
  resourceGroup?: string
}

function hubOf(b: ModelBuilder, ref: Value<string> | undefined, near: string): Value<string> {
  return b.resolve(ARM.virtualHub, ref, { near }) ?? unknown('virtualHub', 'not set')
}

function nextHopOf(b: ModelBuilder, ref: Value<string> | undefined, near: string): Value<string> {
  if (!ref) return unknown('nextHop', 'not set')
  const fw = b.resolve(ARM.firewall, ref, { near })
  return fw?.known ? fw : ref
}

const isDefaultTable = (v: Value<string>): boolean =>
  /\/hubRouteTables\/defaultRouteTable$/i.test(v.known ? v.value : v.expression.replace(/['")\]]+$/g, ''))

/** Adds a Virtual WAN resource; false when the type is not one. */
export function addVirtualWanResource(input: VwanInput): boolean {
  const { b, header, props } = input
  const type = input.type.toLowerCase()
  const hubName = (): string | undefined => {
    const ref = input.parent
    if (!ref?.known) return undefined
    return ref.value.split('/').filter(Boolean).pop()
  }
  switch (type) {
    case ARM.virtualHub.toLowerCase(): {
      wan(b).hubs.push(header)
      const names = [header.name.known ? header.name.value : undefined]
      b.register({ armType: ARM.virtualHub, id: header.id, names, resourceGroup: input.resourceGroup })
      return true
    }
    case `${ARM.virtualHub}/hubVirtualNetworkConnections`.toLowerCase(): {
      const remote = idOf(p(props, 'remoteVirtualNetwork'))
      const assoc = idOf(p(props, 'routingConfiguration', 'associatedRouteTable'))
      const c: HubConnection = {
        ...header,
        hubId: notLinked('parent'),
        vnetName: notLinked('remoteVirtualNetwork'),
        vnetId: notLinked('remoteVirtualNetwork'),
        // The REST API's default is off: the hub's default route is not propagated to this VNet.
        internetSecurity: bool(p(props, 'enableInternetSecurity')) ?? known(false, header.origin),
      }
      wan(b).connections.push(c)
      b.defer(() => {
        c.hubId = hubOf(b, input.parent, c.id)
        setVnet(c, vnetRef(b, remote, { near: c.id }, 'remoteVirtualNetwork'))
        if (assoc) {
          const t = b.resolve(ARM.hubRouteTable, assoc, { near: c.id })
          // defaultRouteTable need not be declared: the hub always has it.
          if (t && (t.known || !isDefaultTable(assoc))) c.associatedRouteTableId = t
        }
      })
      return true
    }
    case `${ARM.virtualHub}/routingIntent`.toLowerCase(): {
      const intent: RoutingIntent = { ...header, hubId: notLinked('parent') }
      const policy = items(p(props, 'routingPolicies')).find((x) => {
        const d = strList(attrCI(x, 'destinations'))
        return !d || !d.known || d.value.some((v) => v.toLowerCase() === 'internet')
      })
      wan(b).routingIntents.push(intent)
      b.defer(() => {
        intent.hubId = hubOf(b, input.parent, intent.id)
        if (policy) intent.internetNextHop = nextHopOf(b, idOf(attrCI(policy, 'nextHop')), intent.id)
      })
      return true
    }
    case ARM.hubRouteTable.toLowerCase(): {
      const routes = items(p(props, 'routes')).map((item, i): HubRoute => {
        const name = str(attrCI(item, 'name')) ?? unknown(`routes[${i}].name`, 'not set', item.origin)
        const r: HubRoute = {
          ...header,
          id: `${header.id}/routes/${name.known ? name.value : i}`,
          name,
          origin: item.origin,
          destinations:
            strList(attrCI(item, 'destinations')) ?? unknown('destinations', 'not set', item.origin),
          nextHop: notLinked('nextHop'),
        }
        const hop = idOf(attrCI(item, 'nextHop'))
        b.defer(() => {
          r.nextHop = nextHopOf(b, hop, r.id)
        })
        return r
      })
      const table: HubRouteTable = { ...header, hubId: notLinked('parent'), routes }
      wan(b).routeTables.push(table)
      b.register({
        armType: ARM.hubRouteTable,
        id: header.id,
        names: [hubName(), header.name.known ? header.name.value : undefined],
        resourceGroup: input.resourceGroup,
      })
      b.defer(() => {
        table.hubId = hubOf(b, input.parent, table.id)
      })
      return true
    }
    case 'microsoft.network/vpngateways':
    case 'microsoft.network/expressroutegateways': {
      const kind = type.endsWith('vpngateways') ? ('vpn' as const) : ('expressRoute' as const)
      const ref = idOf(p(props, 'virtualHub'))
      const g = { ...header, kind, hubId: notLinked('virtualHub') }
      wan(b).gateways.push(g)
      b.defer(() => {
        g.hubId = hubOf(b, ref, g.id)
      })
      return true
    }
    default:
      return false
  }
}
