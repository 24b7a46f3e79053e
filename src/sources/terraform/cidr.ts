/**
 * Terraform's IP network functions (cidrhost, cidrnetmask, cidrsubnet, cidrsubnets), on the shared BigInt
 * primitives of src/sources/evaluation/cidr.ts; the arithmetic mirrors
 * github.com/apparentlymart/go-cidr, which Terraform uses, including how cidrsubnets packs its subnets.
 */
import { formatAddress, formatNet, netSize, parseNet, prefixMask, type Net } from '../evaluation/cidr'
import { EvalError } from './values'

function parse(cidr: string): Net {
  const net = parseNet(cidr)
  if (!net) throw new EvalError(`invalid CIDR address "${cidr}"`)
  return net
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

/**
 * Results by arguments: a module called once per landing zone computes the same subnets again and
 * again, and the BigInt arithmetic showed in the benchmark's profile. Errors are not cached (rare).
 */
const subnetCache = new Map<string, Map<number, string>>()
let cachedSubnets = 0

/**
 * netnum and newbits as one small integer (newbits < 2^7, netnum < 2^23), the cache's key under the
 * prefix: no string to build per call, no heap number. Undefined for other arguments (not cached).
 */
function argsKey(newbits: number, netnum: number): number | undefined {
  const small = newbits >= 0 && newbits < 128 && netnum >= 0 && netnum < 0x800000
  return small && Number.isInteger(newbits) && Number.isInteger(netnum) ? netnum * 128 + newbits : undefined
}

export function cidrsubnet(prefix: string, newbits: number, netnum: number): string {
  const key = argsKey(newbits, netnum)
  if (key === undefined) return formatNet(subnet(parse(prefix), newbits, netnum))
  let byArgs = subnetCache.get(prefix)
  let out = byArgs?.get(key)
  if (out === undefined) {
    out = formatNet(subnet(parse(prefix), newbits, netnum))
    if (cachedSubnets++ > 50_000) {
      subnetCache.clear()
      cachedSubnets = 1
      byArgs = undefined
    }
    if (!byArgs) subnetCache.set(prefix, (byArgs = new Map()))
    byArgs.set(key, out)
  }
  return out
}

export function cidrhost(prefix: string, hostnum: number): string {
  const net = parse(prefix)
  const size = netSize(net)
  if (!Number.isInteger(hostnum)) throw new EvalError(`invalid host number ${hostnum}`)
  let h = BigInt(hostnum)
  if (h < 0n) h += size
  if (h < 0n || h >= size)
    throw new EvalError(`prefix of ${net.prefix} does not accommodate a host numbered ${hostnum}`)
  return formatAddress(net.base + h, net.bits)
}

export function cidrnetmask(prefix: string): string {
  const net = parse(prefix)
  if (net.bits !== 32) throw new EvalError('only IPv4 networks have a netmask')
  return formatAddress(prefixMask(net.prefix, 32), 32)
}

/** Consecutive subnets of the given extra prefix lengths, each aligned after the previous one. */
export function cidrsubnets(prefix: string, newbits: number[]): string[] {
  const net = parse(prefix)
  if (newbits.length === 0) return []
  const out: Net[] = [subnet(net, newbits[0], 0)]
  const netEnd = net.base + netSize(net)
  for (let i = 1; i < newbits.length; i++) {
    const len = net.prefix + newbits[i]
    if (!Number.isInteger(newbits[i]) || newbits[i] < 0 || len > net.bits) {
      throw new EvalError(
        `would extend prefix to ${len} bits, which is too long for an IPv${net.bits === 32 ? 4 : 6} address`,
      )
    }
    const cur = out[i - 1]
    const curLast = cur.base + netSize(cur) - 1n
    const host = BigInt(net.bits - len)
    // The subnet of the new length containing the previous subnet's last address, then the one after it.
    const containing = (curLast >> host) << host
    const next = containing + (1n << host)
    if (next + (1n << host) > netEnd) {
      throw new EvalError(`not enough remaining address space for a subnet with a prefix of ${len} bits`)
    }
    out.push({ base: next, prefix: len, bits: net.bits })
  }
  return out.map(formatNet)
}
