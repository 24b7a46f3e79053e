/**
 * IP network arithmetic shared by the evaluators, on BigInt so IPv4 and IPv6 share one implementation.
 * ipaddr.js parses and prints addresses. Terraform's functions (src/sources/terraform/cidr.ts) and ARM's,
 * which Bicep compiles to (`armCidrSubnet`, `armCidrHost`, `armParseCidr` here), differ in what their
 * arguments mean, so each language keeps its own entry points and error type; the primitives are one.
 */
import ipaddr from 'ipaddr.js'

export interface Net {
  /** Network address (host bits cleared). */
  base: bigint
  prefix: number
  /** 32 or 128. */
  bits: number
}

/**
 * Parsed CIDRs: the same few address spaces are carved by `cidrsubnet()` for every subnet of every
 * landing zone, and ipaddr.js tries (and throws on) IPv6 before IPv4. Nets are never modified.
 */
const parsedNets = new Map<string, Net | undefined>()

/** The network a CIDR names, host bits cleared; undefined when the text is not a CIDR. */
export function parseNet(cidr: string): Net | undefined {
  if (parsedNets.has(cidr)) return parsedNets.get(cidr)
  const net = parseNetUncached(cidr)
  if (parsedNets.size > 100_000) parsedNets.clear()
  parsedNets.set(cidr, net)
  return net
}

function parseNetUncached(cidr: string): Net | undefined {
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number]
  try {
    parsed = cidr.includes(':') ? ipaddr.IPv6.parseCIDR(cidr) : ipaddr.IPv4.parseCIDR(cidr)
  } catch {
    return undefined
  }
  const [addr, prefix] = parsed
  const bytes = addr.toByteArray()
  const bits = bytes.length * 8
  let n = 0n
  for (const b of bytes) n = (n << 8n) | BigInt(b)
  const hostBits = BigInt(bits - prefix)
  return { base: (n >> hostBits) << hostBits, prefix, bits }
}

/** Number of addresses in the network. */
export function netSize(net: Net): bigint {
  return 1n << BigInt(net.bits - net.prefix)
}

export function formatAddress(n: bigint, bits: number): string {
  // IPv4, most of what is computed: the four bytes joined with dots, which is how ipaddr.js prints them,
  // without a byte array and an address object per subnet (every cidrsubnet() of every landing zone).
  if (bits === 32) {
    const v = Number(n & 0xffffffffn)
    return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`
  }
  const bytes: number[] = []
  for (let i = bits / 8 - 1; i >= 0; i--) bytes.push(Number((n >> BigInt(i * 8)) & 0xffn))
  return ipaddr.fromByteArray(bytes).toString()
}

export function formatNet(net: Net): string {
  return `${formatAddress(net.base, net.bits)}/${net.prefix}`
}

/** The mask of a prefix length as an address of `bits` bits. */
export function prefixMask(prefix: number, bits: number): bigint {
  return ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - prefix)) - 1n)
}

// ---- ARM (and Bicep) semantics -------------------------------------------------------------------------

type Fail = (message: string) => Error

function armNet(cidr: string, fail: Fail): Net {
  const net = parseNet(cidr)
  if (!net) throw fail(`${JSON.stringify(cidr)} is not a CIDR`)
  return net
}

/** ARM's cidrSubnet: the `index`th subnet of prefix length `newPrefix` (absolute, not an extension). */
export function armCidrSubnet(cidr: string, newPrefix: number, index: number, fail: Fail): string {
  const net = armNet(cidr, fail)
  if (!Number.isInteger(newPrefix) || newPrefix < net.prefix || newPrefix > net.bits)
    throw fail(`new prefix length ${newPrefix} does not fit ${cidr}`)
  if (!Number.isInteger(index) || index < 0 || BigInt(index) >= 1n << BigInt(newPrefix - net.prefix))
    throw fail(`subnet index ${index} out of range for ${cidr}`)
  return formatNet({
    base: net.base + (BigInt(index) << BigInt(net.bits - newPrefix)),
    prefix: newPrefix,
    bits: net.bits,
  })
}

/**
 * ARM's cidrHost: index 0 is the first usable host, the address after the network address (IPv4), and
 * the IPv4 broadcast address is not a host.
 */
export function armCidrHost(cidr: string, index: number, fail: Fail): string {
  const net = armNet(cidr, fail)
  const v4 = net.bits === 32 ? 1n : 0n
  if (!Number.isInteger(index) || index < 0 || BigInt(index) + v4 >= netSize(net) - v4)
    throw fail(`host index ${index} out of range`)
  return formatAddress(net.base + BigInt(index) + v4, net.bits)
}

export interface ArmCidrParts {
  network: string
  netmask: string
  broadcast: string
  firstUsable: string
  lastUsable: string
  cidr: number
}

/** ARM's parseCidr. An IPv4 network of more than two addresses leaves out its network and broadcast ones. */
export function armParseCidr(cidr: string, fail: Fail): ArmCidrParts {
  const net = armNet(cidr, fail)
  const size = netSize(net)
  const edge = net.bits === 32 && size > 2n ? 1n : 0n
  const last = net.base + size - 1n
  return {
    network: formatAddress(net.base, net.bits),
    netmask: formatAddress(prefixMask(net.prefix, net.bits), net.bits),
    broadcast: formatAddress(last, net.bits),
    firstUsable: formatAddress(net.base + edge, net.bits),
    lastUsable: formatAddress(last - edge, net.bits),
    cidr: net.prefix,
  }
}
