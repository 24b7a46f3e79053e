/**
 * Terraform's IP network functions (cidrhost, cidrnetmask, cidrsubnet, cidrsubnets), on BigInt so IPv4 and
 * IPv6 share one implementation. ipaddr.js parses and prints addresses; the arithmetic mirrors
 * github.com/apparentlymart/go-cidr, which Terraform uses, including how cidrsubnets packs its subnets.
 */
import ipaddr from 'ipaddr.js'
import { EvalError } from './values'

interface Net {
  /** Network address (host bits cleared). */
  base: bigint
  prefix: number
  /** 32 or 128. */
  bits: number
}

function parse(cidr: string): Net {
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number]
  try {
    parsed = ipaddr.parseCIDR(cidr)
  } catch {
    throw new EvalError(`invalid CIDR address "${cidr}"`)
  }
  const [addr, prefix] = parsed
  const bytes = addr.toByteArray()
  const bits = bytes.length * 8
  let n = 0n
  for (const b of bytes) n = (n << 8n) | BigInt(b)
  const hostBits = BigInt(bits - prefix)
  const base = (n >> hostBits) << hostBits
  return { base, prefix, bits }
}

function toAddress(n: bigint, bits: number): string {
  const bytes: number[] = []
  for (let i = bits / 8 - 1; i >= 0; i--) bytes.push(Number((n >> BigInt(i * 8)) & 0xffn))
  return ipaddr.fromByteArray(bytes).toString()
}

function subnet(net: Net, newbits: number, netnum: number): Net {
  if (!Number.isInteger(newbits) || newbits < 0) throw new EvalError(`invalid newbits ${newbits}`)
  const prefix = net.prefix + newbits
  if (prefix > net.bits) {
    throw new EvalError(`insufficient address space to extend prefix of ${net.prefix} by ${newbits}`)
  }
  if (!Number.isInteger(netnum) || netnum < 0 || BigInt(netnum) >= 1n << BigInt(newbits)) {
    throw new EvalError(`prefix extension of ${newbits} does not accommodate a subnet numbered ${netnum}`)
  }
  return { base: net.base | (BigInt(netnum) << BigInt(net.bits - prefix)), prefix, bits: net.bits }
}

function show(net: Net): string {
  return `${toAddress(net.base, net.bits)}/${net.prefix}`
}

/**
 * Results by arguments: a module called once per landing zone computes the same subnets again and
 * again, and the BigInt arithmetic showed in the benchmark's profile. Errors are not cached (rare).
 */
const subnetCache = new Map<string, string>()

export function cidrsubnet(prefix: string, newbits: number, netnum: number): string {
  const key = `${prefix}|${newbits}|${netnum}`
  let out = subnetCache.get(key)
  if (out === undefined) {
    out = show(subnet(parse(prefix), newbits, netnum))
    if (subnetCache.size > 50_000) subnetCache.clear()
    subnetCache.set(key, out)
  }
  return out
}

export function cidrhost(prefix: string, hostnum: number): string {
  const net = parse(prefix)
  const size = 1n << BigInt(net.bits - net.prefix)
  if (!Number.isInteger(hostnum)) throw new EvalError(`invalid host number ${hostnum}`)
  let h = BigInt(hostnum)
  if (h < 0n) h += size
  if (h < 0n || h >= size)
    throw new EvalError(`prefix of ${net.prefix} does not accommodate a host numbered ${hostnum}`)
  return toAddress(net.base + h, net.bits)
}

export function cidrnetmask(prefix: string): string {
  const net = parse(prefix)
  if (net.bits !== 32) throw new EvalError('only IPv4 networks have a netmask')
  const mask = net.prefix === 0 ? 0n : ((1n << BigInt(net.prefix)) - 1n) << BigInt(32 - net.prefix)
  return toAddress(mask, 32)
}

/** Consecutive subnets of the given extra prefix lengths, each aligned after the previous one. */
export function cidrsubnets(prefix: string, newbits: number[]): string[] {
  const net = parse(prefix)
  if (newbits.length === 0) return []
  const out: Net[] = [subnet(net, newbits[0], 0)]
  const netEnd = net.base + (1n << BigInt(net.bits - net.prefix))
  for (let i = 1; i < newbits.length; i++) {
    const len = net.prefix + newbits[i]
    if (!Number.isInteger(newbits[i]) || newbits[i] < 0 || len > net.bits) {
      throw new EvalError(
        `would extend prefix to ${len} bits, which is too long for an IPv${net.bits === 32 ? 4 : 6} address`,
      )
    }
    const cur = out[i - 1]
    const curLast = cur.base + (1n << BigInt(cur.bits - cur.prefix)) - 1n
    const host = BigInt(net.bits - len)
    // The subnet of the new length containing the previous subnet's last address, then the one after it.
    const containing = (curLast >> host) << host
    const next = containing + (1n << host)
    if (next + (1n << host) > netEnd) {
      throw new EvalError(`not enough remaining address space for a subnet with a prefix of ${len} bits`)
    }
    out.push({ base: next, prefix: len, bits: net.bits })
  }
  return out.map(show)
}
