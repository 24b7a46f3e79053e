import {
  destinationCovers,
  portsCover,
  portsNameExactly,
  prefixContains,
  routeSpecificity,
  sourcesCover,
} from '../../src/analysis/addresses'

describe('address math', () => {
  test('prefix containment', () => {
    expect(prefixContains('20.0.0.0/8', '20.118.99.224')).toBe(true)
    expect(prefixContains('20.118.99.224/32', '20.118.99.224')).toBe(true)
    expect(prefixContains('20.118.99.225/32', '20.118.99.224')).toBe(false)
    expect(prefixContains('10.0.0.0/16', '10.0.1.0/24')).toBe(true)
    expect(prefixContains('10.0.1.0/24', '10.0.0.0/16')).toBe(false)
    expect(prefixContains('AzureCloud', '20.118.99.224')).toBeUndefined()
  })

  test('route specificity: CIDR length, AzureCloud between /0 and /1, other tags never', () => {
    expect(routeSpecificity('0.0.0.0/0', '40.83.235.53')).toBe(0)
    expect(routeSpecificity('40.83.235.53/32', '40.83.235.53')).toBe(32)
    expect(routeSpecificity('10.0.0.0/8', '40.83.235.53')).toBeUndefined()
    const tag = routeSpecificity('AzureCloud', '40.83.235.53')!
    expect(tag).toBeGreaterThan(0)
    expect(tag).toBeLessThan(1)
    expect(routeSpecificity('AzureCloud.westeurope', '40.83.235.53')).toBeGreaterThan(tag)
    expect(routeSpecificity('Storage', '40.83.235.53')).toBeUndefined()
    expect(routeSpecificity('VirtualNetwork', '40.83.235.53')).toBeUndefined()
  })

  test('destinations: any, tags, ranges; AzurePlatformLKM only in NSGs', () => {
    for (const d of ['*', 'Any', '0.0.0.0/0', 'Internet', 'AzureCloud', 'azurecloud.eastus', '20.118.99.224'])
      expect(destinationCovers(d, '20.118.99.224', 'firewall')).toBe(true)
    expect(destinationCovers('20.118.99.0-20.118.99.255', '20.118.99.224', 'firewall')).toBe(true)
    expect(destinationCovers('20.118.98.0-20.118.98.255', '20.118.99.224', 'firewall')).toBe(false)
    expect(destinationCovers('Storage', '20.118.99.224', 'nsg')).toBe(false)
    expect(destinationCovers('VirtualNetwork', '20.118.99.224', 'nsg')).toBe(false)
    expect(destinationCovers('AzurePlatformLKM', '20.118.99.224', 'nsg')).toBe(true)
    expect(destinationCovers('AzurePlatformLKM', '20.118.99.224', 'firewall')).toBe(false)
  })

  test('sources must cover every subnet prefix', () => {
    expect(sourcesCover(['*'], 'unknown', 'firewall')).toBe(true)
    expect(sourcesCover(['VirtualNetwork'], ['10.1.0.0/24'], 'nsg')).toBe(true)
    expect(sourcesCover(['VirtualNetwork'], ['10.1.0.0/24'], 'firewall')).toBe(false)
    expect(sourcesCover(['10.1.0.0/16'], ['10.1.0.0/24', '10.1.5.0/24'], 'firewall')).toBe(true)
    expect(sourcesCover(['10.1.0.0/24'], ['10.1.0.0/24', '10.1.5.0/24'], 'firewall')).toBe(false)
    expect(sourcesCover(['10.1.0.0-10.1.0.255'], ['10.1.0.0/24'], 'firewall')).toBe(true)
    expect(sourcesCover(['10.1.0.0/16'], 'unknown', 'firewall')).toBe('unknown')
  })

  test('ports: lists, ranges, star', () => {
    expect(portsCover(['1688'], 1688)).toBe(true)
    expect(portsCover(['80', '443'], 1688)).toBe(false)
    expect(portsCover(['1000-2000'], 1688)).toBe(true)
    expect(portsCover(['1689-2000'], 1688)).toBe(false)
    expect(portsCover(['*'], 1688)).toBe(true)
    expect(portsCover(['443,1688'], 1688)).toBe(true)
    expect(portsNameExactly(['*'], 1688)).toBe(false)
    expect(portsNameExactly(['1688'], 1688)).toBe(true)
  })
})
