/**
 * Which untouched units declare what a changed unit reads. A spoke root reads the hub VNet (`data
 * "azurerm_virtual_network"`, Bicep `existing`, a peering to it with use_remote_gateways) or routes to the
 * hub firewall (`data "azurerm_firewall"`); a full scan judges it again with what the hub's unit declares
 * (src/pipeline/cross-unit.ts). A pull request run that judges only the changed spoke would leave those
 * subnets undecided: these are the units to judge with it ("providers"), found from their files' text,
 * without parsing them:
 * - a unit whose text names a wanted VNet or firewall (as a whole word) outside what reads one: not in a
 *   Terraform data block, a Bicep `existing` resource, an ARM id's path, or a `virtual_network_name` /
 *   `remote_virtual_network_id` argument (a subnet or peering in another unit's VNet). A var file or a
 *   module argument giving the name counts: the declaring resource may take it from there;
 * - a unit declaring a VNet or firewall whose name is not a literal (`"vnet-${var.env}-hub"`,
 *   `"${local.prefix}-vnet"`, `var.name`, a CAF naming resource's result) that could evaluate to a wanted
 *   name: its literal parts match, and each word of what its references stand for appears somewhere in
 *   the unit's text (where a value comes from a function, or from something other than a variable or
 *   local, it is a provider: it cannot be told without evaluating the unit).
 * - a unit that builds a VNet gateway and names a wanted VNet anywhere, a read included: the connectivity root
 *   reads the hub VNet by `data` and builds its VPN gateway there (a full scan gives that gateway with the
 *   hub's facts, src/analysis/cross-unit-vnets.ts withReadGateways).
 * A unit found for nothing costs a unit judged; a provider missed leaves the changed unit's subnets
 * undecided (named), as without this.
 * The same test finds the units declaring the VNets a changed unit's Virtual WAN hub connections connect and
 * the VPN gateways its sites link to (src/action/pull-request.ts judges and compares those: the connection or
 * the site changes their subnets' paths).
 */
import type { Search } from './grep-filter'
import type { MayHold, TextOf, UnitFiles } from './vnet-readers'

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')

/** A whole name, not part of a longer name nor a segment of a path or id. */
const wholeName = (names: readonly string[]): RegExp =>
  new RegExp(`(?<![A-Za-z0-9_./-])(?:${names.map(escape).join('|')})(?![A-Za-z0-9_/-]|\\.[A-Za-z0-9_-])`, 'i')

/** The end of a top-level block opened just before `from`: its closing `}` at the start of a line. */
function blockEnd(text: string, from: number): number {
  const m = /\n\}/.exec(text.slice(from))
  return m ? from + m.index + m[0].length : text.length
}

/**
 * The text less what reads a VNet or firewall (see the top of this file), blanked so positions stay.
 * Hand-written over the text: the point is not to parse untouched units.
 */
export function withoutReads(text: string): string {
  let out = text
  const blank = (from: number, to: number) => {
    out = out.slice(0, from) + out.slice(from, to).replace(/[^\n]/g, ' ') + out.slice(to)
  }
  for (const m of text.matchAll(/^[ \t]*data\s+"[^"]*"\s+"[^"]*"\s*\{/gm))
    blank(m.index, blockEnd(text, m.index + m[0].length))
  for (const m of text.matchAll(/'[^']*'\s+existing\s*=\s*\{/g))
    blank(m.index, blockEnd(text, m.index + m[0].length))
  for (const m of text.matchAll(/^[ \t]*(?:virtual_network_name|remote_virtual_network_id)[ \t]*=[^\n]*/gm))
    blank(m.index, m.index + m[0].length)
  return out
}

/**
 * Declaring resources: Terraform, Bicep (not `existing`), ARM JSON is matched by its literal names. VPN
 * gateways too: a site another unit links to a gateway is followed to the unit declaring it.
 */
const DECLARING = [
  /resource\s+"azurerm_(?:virtual_network|firewall|virtual_network_gateway)"\s+"[^"]*"\s*\{/g,
  /'Microsoft\.Network\/(?:virtualNetworks|azureFirewalls|virtualNetworkGateways)@[^']*'\s*=\s*(?:if\s*\([^\n]*\)\s*)?\{/gi,
]

/** The `name` argument of a declaring resource (its first line), Terraform `name =` or Bicep `name:`. */
function declaredNameExprs(text: string): string[] {
  const out: string[] = []
  for (const re of DECLARING)
    for (const m of text.matchAll(re)) {
      const from = m.index + m[0].length
      const body = text.slice(from, blockEnd(text, from))
      const name = /^[ \t]*name[ \t]*[=:][ \t]*([^\n]*)$/m.exec(body)
      if (name) out.push(name[1]!.replace(/\s+(?:#|\/\/).*$/, '').trim())
    }
  return out
}

/** A VNet gateway the text declares (Terraform, or Bicep not `existing`). */
const BUILDS_GATEWAY =
  /resource\s+"azurerm_virtual_network_gateway"\s+"|'Microsoft\.Network\/virtualNetworkGateways@[^']*'\s*=\s*(?:if\s*\([^\n]*\)\s*)?\{/i

/** A literal name: a plain string with no interpolation. */
const LITERAL = /^(?:"[^"$]*"|'[^'$]*')$/

/**
 * Whether the name expression `expr` (not a literal) of a declaring resource could evaluate to `wanted`,
 * given every text the unit reads (`text`, lower case).
 */
export function couldBe(expr: string, wanted: string, text: string): boolean {
  const quoted = /^(["'])(.*)\1$/.exec(expr)
  // The literal parts and the references between them (a bare expression is one reference).
  const parts: string[] = []
  const refs: string[] = []
  if (quoted) {
    let rest = quoted[2]!
    for (let m = /\$\{([^}]*)\}/.exec(rest); m; m = /\$\{([^}]*)\}/.exec(rest)) {
      parts.push(rest.slice(0, m.index))
      refs.push(m[1]!.trim())
      rest = rest.slice(m.index + m[0].length)
    }
    parts.push(rest)
  } else {
    parts.push('', '')
    refs.push(expr)
  }
  const shape = new RegExp(`^${parts.map(escape).join('(.*?)')}$`, 'is').exec(wanted)
  if (!shape) return false
  // A reference to a variable or local (Terraform), or a parameter or variable (Bicep): its value is in some text.
  const plain = /^(?:var|local)\.[A-Za-z0-9_-]+$|^[A-Za-z_][A-Za-z0-9_]*$/
  return refs.every((ref, i) => {
    if (!plain.test(ref)) return true
    const words = shape[i + 1]!.toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
    return words.every((w) => text.includes(w))
  })
}

/**
 * A declaring Terraform resource on the line of its type label: `resource` before it on the line, or nothing
 * but white space when `resource` ends an earlier line (DECLARING's `resource\s+"azurerm_…"` may span lines).
 * Not a data source of one, which every unit reading a network has.
 */
const RESOURCE_LINE =
  /resource\s+"azurerm_(?:virtual_network|firewall|virtual_network_gateway)"|^\s*"azurerm_(?:virtual_network|firewall|virtual_network_gateway)"/i

/**
 * What a file declaring one of the VNets or firewalls `wanted` must hold (case-insensitive), by
 * vnetProviders' tests: the name as a whole word (the test's own, on one line: a name holds no line break),
 * or a declaring resource (whose name may be built; a Bicep one is found by its type, on any line).
 */
export function providerSearch(wanted: readonly string[]): Search {
  const named = wanted.length > 0 ? wholeName([...new Set(wanted.map((n) => n.toLowerCase()))]) : undefined
  return {
    strings: [
      ...wanted,
      'azurerm_virtual_network"',
      'azurerm_firewall"',
      'azurerm_virtual_network_gateway"',
      'network/virtualnetworks@',
      'network/azurefirewalls@',
      'network/virtualnetworkgateways@',
    ],
    line: (l) =>
      /network\/(?:virtualnetworks|azurefirewalls|virtualnetworkgateways)@/i.test(l) ||
      RESOURCE_LINE.test(l) ||
      (named !== undefined && named.test(l)),
  }
}

/**
 * The keys of the `units` that may declare one of the VNets or firewalls `wanted` (see the top of this
 * file). `shared`: texts every unit reads besides its own (the user's var files). `mayHold`: false for
 * files holding none of providerSearch (they are read only for the words of a built name).
 */
export function vnetProviders(
  wanted: readonly string[],
  units: readonly UnitFiles[],
  textOf: TextOf,
  shared: readonly string[] = [],
  mayHold: MayHold = () => true,
): string[] {
  const names = [...new Set(wanted.map((n) => n.toLowerCase()))]
  if (names.length === 0 || units.length === 0) return []
  const named = wholeName(names)
  const sharedText = shared.join('\n').toLowerCase()
  // Per file (a module's files belong to every unit calling it): whether it names one, its built names.
  const seen = new Map<string, { unreadable: boolean; names: boolean; built: string[] }>()
  const look = (file: string) => {
    let r = seen.get(file)
    if (!r) {
      const t = mayHold(file) ? textOf(file) : ''
      r =
        t === undefined
          ? { unreadable: true, names: false, built: [] }
          : {
              unreadable: false,
              names: named.test(withoutReads(t)) || (BUILDS_GATEWAY.test(t) && named.test(t)),
              built: declaredNameExprs(t).filter((e) => !LITERAL.test(e)),
            }
      seen.set(file, r)
    }
    return r
  }
  return units
    .filter((u) => {
      const looks = u.files.map(look)
      // A file that cannot be read may declare anything: its unit is judged (and says why).
      if (looks.some((l) => l.unreadable || l.names)) return true
      const exprs = looks.flatMap((l) => l.built)
      if (exprs.length === 0) return false
      const all = `${u.files.map((f) => textOf(f) ?? '').join('\n')}\n${sharedText}`.toLowerCase()
      return exprs.some((e) => names.some((n) => couldBe(e, n, all)))
    })
    .map((u) => u.key)
}
