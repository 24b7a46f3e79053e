/**
 * ARM leaves out properties that hold their default (false booleans in particular): the mapper must read
 * an absent property as Azure's default, and an absent required one as Unknown, never as a guess.
 */
import { mapFirewall, mapFirewallPolicy, mapRouteTable, mapSubnet } from '../../../src/sources/azure/map'

const RG = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network'

describe('absent properties read as Azure defaults', () => {
  it('route tables propagate BGP routes unless disableBgpRoutePropagation is true', () => {
    const id = `${RG}/routeTables/rt`
    expect(mapRouteTable({ id, name: 'rt' }).bgpRoutePropagation).toMatchObject({ known: true, value: true })
    expect(
      mapRouteTable({ id, name: 'rt', disableBgpRoutePropagation: false }).bgpRoutePropagation,
    ).toMatchObject({ known: true, value: true })
    expect(
      mapRouteTable({ id, name: 'rt', disableBgpRoutePropagation: true }).bgpRoutePropagation,
    ).toMatchObject({ known: true, value: false })
  })

  it('a route without nextHopType or addressPrefix is Unknown, not defaulted', () => {
    const t = mapRouteTable({ id: `${RG}/routeTables/rt`, routes: [{ name: 'r' }] })
    expect(t.routes[0]!.nextHopType).toMatchObject({ known: false, reason: 'not returned by Azure' })
    expect(t.routes[0]!.addressPrefix).toMatchObject({ known: false, reason: 'not returned by Azure' })
  })

  it('a subnet without defaultOutboundAccess leaves it unset (the model reads that as the default)', () => {
    const id = `${RG}/virtualNetworks/vnet/subnets/snet`
    expect(mapSubnet({ id, addressPrefix: '10.0.0.0/24' }).defaultOutboundAccess).toBeUndefined()
    expect(mapSubnet({ id, defaultOutboundAccess: false }).defaultOutboundAccess).toMatchObject({
      known: true,
      value: false,
    })
  })

  it('a firewall without a management ip configuration or DNS setting: no forced tunnel, no DNS proxy', () => {
    const fw = mapFirewall({
      id: `${RG}/azureFirewalls/afw`,
      ipConfigurations: [{ privateIPAddress: '10.0.1.4' }],
    })
    expect(fw.forcedTunnelling).toBe(false)
    expect(fw.dnsProxy).toBeUndefined()
    expect(fw.privateIpAddress).toMatchObject({ known: true, value: '10.0.1.4' })
    const noAddress = mapFirewall({ id: `${RG}/azureFirewalls/afw2` })
    expect(noAddress.privateIpAddress).toMatchObject({ known: false, reason: 'not returned by Azure' })
  })

  it('a policy without dnsSettings has no DNS proxy; enableProxy false is kept as false', () => {
    const id = `${RG}/firewallPolicies/pol`
    expect(mapFirewallPolicy({ id }, []).dnsProxy).toBeUndefined()
    expect(mapFirewallPolicy({ id, dnsSettings: { enableProxy: false } }, []).dnsProxy).toMatchObject({
      known: true,
      value: false,
    })
  })
})
