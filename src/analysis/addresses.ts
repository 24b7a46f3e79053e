/**
 * Address math for the analysis: does a route prefix, NSG prefix or firewall destination cover a KMS
 * address, and how specific is it. Service tags are resolved only as far as KMS needs: the KMS addresses
 * are Azure public addresses, so they fall inside `AzureCloud` (and, as we cannot tell which region
 * hosts them, any regional `AzureCloud.<region>`) and `Internet`; every other tag (VirtualNetwork,
 * Storage, AzureActiveDirectory...) never contains them.
 */
import ipaddr from 'ipaddr.js'
import type { Tri } from '../model/value'

export interface Ipv4Prefix {
  address: ipaddr.IPv4
  bits: number
  /** The address as an unsigned 32-bit number, for containment without ipaddr.js. */
  int: number
}

/**
 * Parsed prefixes, by text. A scan compares the same few thousand prefixes (subnets, rule sources and
 * destinations) against every KMS address of every path; parsing each once keeps ipaddr.js off the profile.
 */
const parsedPrefixes = new Map<string, Ipv4Prefix | undefined>()

/** `10.0.0.0/8`, `20.118.99.224` (a /32) → prefix; anything else (tags, IPv6, ranges) → undefined. */
export function parseIpv4Prefix(text: string): Ipv4Prefix | undefined {
  const hit = parsedPrefixes.get(text)
  if (hit !== undefined || parsedPrefixes.has(text)) return hit
  const parsed = parseUncached(text)
  if (parsedPrefixes.size > 100_000) parsedPrefixes.clear()
  parsedPrefixes.set(text, parsed)
  return parsed
}

function parseUncached(text: string): Ipv4Prefix | undefined {
  const s = text.trim()
  if (ipaddr.IPv4.isValidCIDRFourPartDecimal(s)) {
    const [address, bits] = ipaddr.IPv4.parseCIDR(s)
    return { address, bits, int: toInt(address) }
  }
  if (ipaddr.IPv4.isValidFourPartDecimal(s)) {
    const address = ipaddr.IPv4.parse(s)
    return { address, bits: 32, int: toInt(address) }
  }
  return undefined
}

const toInt = (a: ipaddr.IPv4): number =>
  ((a.octets[0]! << 24) | (a.octets[1]! << 16) | (a.octets[2]! << 8) | a.octets[3]!) >>> 0

export function isIpv6(text: string): boolean {
  // Every IPv6 address has a colon; the check spares ipaddr.js a failed parse per IPv4 prefix.
  if (!text.includes(':')) return false
  const s = text.trim()
  return ipaddr.IPv6.isValid(s) || ipaddr.IPv6.isValidCIDR(s)
}

/** Does the IPv4 prefix `outer` contain the address or prefix `inner`? undefined when either is not IPv4. */
export function prefixContains(outer: string, inner: string): boolean | undefined {
  const o = parseIpv4Prefix(outer)
  const i = parseIpv4Prefix(inner)
  if (!o || !i) return undefined
  return contains(o, i)
}

/** The first o.bits bits agree (what ipaddr.js's match does, on the 32-bit numbers). */
function contains(o: Ipv4Prefix, i: Ipv4Prefix): boolean {
  return i.bits >= o.bits && (o.bits === 0 || (i.int ^ o.int) >>> (32 - o.bits) === 0)
}

/** `*`, `0.0.0.0/0`, `Any`: every address. */
export function isAnyAddress(text: string): boolean {
  const s = text.trim().toLowerCase()
  return s === '*' || s === '0.0.0.0/0' || s === 'any'
}

function isAzureCloudTag(s: string): boolean {
  const t = s.trim().toLowerCase()
  return t === 'azurecloud' || t.startsWith('azurecloud.')
}

/**
 * How specifically a route's addressPrefix captures `address`, for longest prefix match:
 * the prefix length for CIDRs; for the AzureCloud tag a value between /0 and /1 (Azure prefers a tag
 * route to the 0.0.0.0/0 default but any CIDR route containing the address is at least as specific
 * as one tag prefix), a regional tag slightly more. undefined = the route does not capture the address.
 */
export function routeSpecificity(prefix: string, address: string): number | undefined {
  const p = parseIpv4Prefix(prefix)
  if (p) {
    const a = parseIpv4Prefix(address)
    return a && contains(p, a) ? p.bits : undefined
  }
  const t = prefix.trim().toLowerCase()
  if (t === 'azurecloud') return 0.5
  if (t.startsWith('azurecloud.')) return 0.6
  return undefined
}

/** The service tag that names the Windows KMS endpoints themselves (NSG rules). */
export const KMS_SERVICE_TAG = 'AzurePlatformLKM'

export function isKmsServiceTag(text: string): boolean {
  return text === KMS_SERVICE_TAG || text.trim().toLowerCase() === KMS_SERVICE_TAG.toLowerCase()
}

/** `a.b.c.d-e.f.g.h` ranges, accepted by Azure Firewall for source and destination addresses. */
function rangeContains(text: string, address: string): boolean | undefined {
  const parts = text.split('-').map((p) => p.trim())
  if (parts.length !== 2 || !parts.every((p) => ipaddr.IPv4.isValidFourPartDecimal(p))) return undefined
  if (!ipaddr.IPv4.isValidFourPartDecimal(address)) return undefined
  const n = (s: string) =>
    ipaddr.IPv4.parse(s)
      .toByteArray()
      .reduce((acc, b) => acc * 256 + b, 0)
  const a = n(address)
  return n(parts[0]!) <= a && a <= n(parts[1]!)
}

export type DestinationContext = 'nsg' | 'firewall'

/**
 * Does one destination entry of an NSG rule or firewall network rule cover the KMS `address`?
 * `*`/Any, containing CIDRs and ranges, `Internet` and `AzureCloud[.region]` do; in NSGs the
 * `AzurePlatformLKM` tag (Windows licensing) does too. Other tags and IPv6 never do.
 */
export function destinationCovers(entry: string, address: string, context: DestinationContext): boolean {
  // By context, address and entry text: the same few destinations are asked about for every subnet.
  const byAddress = context === 'nsg' ? nsgCovers : firewallCovers
  let byEntry = byAddress.get(address)
  if (!byEntry) byAddress.set(address, (byEntry = new Map()))
  let covers = byEntry.get(entry)
  if (covers === undefined) {
    covers = coversUncached(entry, address, context)
    if (byEntry.size > 100_000) byEntry.clear()
    byEntry.set(entry, covers)
  }
  return covers
}

const nsgCovers = new Map<string, Map<string, boolean>>()
const firewallCovers = new Map<string, Map<string, boolean>>()

function coversUncached(entry: string, address: string, context: DestinationContext): boolean {
  if (isAnyAddress(entry)) return true
  const c = prefixContains(entry, address)
  if (c !== undefined) return c
  const r = rangeContains(entry, address)
  if (r !== undefined) return r
  const t = entry.trim().toLowerCase()
  if (t === 'internet' || isAzureCloudTag(t)) return true
  if (context === 'nsg' && isKmsServiceTag(t)) return true
  return false
}

/**
 * Do the source entries of a rule cover every prefix of the subnet? `*`/Any always; `VirtualNetwork`
 * in NSGs (the subnet is in its VNet); otherwise each subnet prefix must sit inside some CIDR or range.
 * Unknown subnet prefixes make the answer unknown.
 */
export function sourcesCover(
  entries: string[],
  subnetPrefixes: string[] | 'unknown',
  context: DestinationContext,
): Tri {
  if (entries.some(isAnyAddress)) return true
  if (context === 'nsg' && entries.some((e) => e.trim().toLowerCase() === 'virtualnetwork')) return true
  if (subnetPrefixes === 'unknown') return 'unknown'
  const v4 = subnetPrefixes.filter((p) => parseIpv4Prefix(p))
  if (v4.length === 0) return false
  return v4.every((p) => entries.some((e) => prefixContains(e, p) === true || rangeCoversPrefix(e, p)))
}

function rangeCoversPrefix(entry: string, prefix: string): boolean {
  // Only `a.b.c.d-e.f.g.h` entries are ranges; checking first keeps CIDR entries off ipaddr.js.
  if (!entry.includes('-')) return false
  const p = parseIpv4Prefix(prefix)
  if (!p) return false
  const [first, last] = [
    ipaddr.IPv4.networkAddressFromCIDR(`${p.address}/${p.bits}`),
    ipaddr.IPv4.broadcastAddressFromCIDR(`${p.address}/${p.bits}`),
  ]
  return rangeContains(entry, first.toString()) === true && rangeContains(entry, last.toString()) === true
}

/** Port entries: `*`, `1688`, `1000-2000`, and comma lists inside one entry. */
export function portsCover(entries: string[], port: number): boolean {
  for (const entry of entries) if (entryCoversPort(entry, port)) return true
  return false
}

/** Whether one port entry covers a port, by port and entry text: every rule of every NSG asks for 1688. */
const coveredPorts = new Map<number, Map<string, boolean>>()

function entryCoversPort(entry: string, port: number): boolean {
  let byEntry = coveredPorts.get(port)
  if (!byEntry) coveredPorts.set(port, (byEntry = new Map()))
  let covers = byEntry.get(entry)
  if (covers === undefined) {
    covers = entry.split(',').some((raw) => {
      const s = raw.trim()
      if (s === '*' || s.toLowerCase() === 'any') return true
      const m = /^(\d+)\s*-\s*(\d+)$/.exec(s)
      if (m) return Number(m[1]) <= port && port <= Number(m[2])
      return /^\d+$/.test(s) && Number(s) === port
    })
    if (byEntry.size > 100_000) byEntry.clear()
    byEntry.set(entry, covers)
  }
  return covers
}

/** Does a port list name `port` by itself (a rule written for it), not through `*` or a wide range? */
export function portsNameExactly(entries: string[], port: number): boolean {
  return entries.some((e) => e.split(',').some((s) => s.trim() === String(port)))
}
