/**
 * Which units a change to a VNet's unit reaches. A hub root module declares the hub VNet with its gateway
 * and peerings; spoke and vending units read it (`data "azurerm_virtual_network"`, Bicep `existing`, a
 * literal `virtual_network_name` or ARM id) and are judged with what the hub's unit says of it
 * (src/pipeline/cross-unit.ts), but only when both are judged in the same run. A pull request run judges
 * the units its change touches; these are the untouched units it must judge with them, found from their
 * files' text, without parsing them:
 * - a unit whose files name a VNet (or firewall) a changed unit declares (as a whole word: VNet names are
 *   letters, digits, `_`, `.`, `-`), wherever the name comes from (a data source, a var file, an ARM id);
 * - a unit that reads a VNet or firewall by a name its text does not hold (a data source or `existing`
 *   VNet, subnet or firewall named by a variable or an expression, Terraform remote state): it may be the
 *   changed one, so it is judged too. (A spoke routing to the hub firewall may read the firewall alone.)
 * A unit that names the VNet only in a comment costs a unit judged for nothing, never a unit missed.
 * When a changed unit declares a VNet or firewall whose name the scan could not evaluate, no reader can be
 * told by name: every unit reading one of another unit, by any name, is judged (anyVnetReaders).
 */
import * as path from 'node:path'
import { makeBoundary, readSource } from '../sources/parsing/read-source'
import type { Search } from './grep-filter'

/** An untouched unit: its key and its files (absolute). */
export interface UnitFiles {
  key: string
  files: readonly string[]
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')

/** A whole VNet name in text: not part of a longer name. */
const nameIn = (names: readonly string[]): RegExp =>
  new RegExp(`(?<![A-Za-z0-9_.-])(?:${names.map(escape).join('|')})(?![A-Za-z0-9_-]|\\.[A-Za-z0-9_-])`, 'i')

/** A literal name: a plain string with no interpolation. */
const LITERAL = /^\s*(?:"[^"$]*"|'[^'$]*')\s*(?:#.*|\/\/.*)?$/

/**
 * Whether a unit's text reads a VNet by a name that is not in it: a Terraform data source of a VNet or
 * subnet whose name is not a literal, Terraform remote state, or a Bicep `existing` VNet or subnet whose
 * name is not a literal. Hand-written over the text: the point is not to parse untouched units.
 */
export function readsUnnamedVnet(text: string): boolean {
  if (/data\s+"terraform_remote_state"/.test(text)) return true
  for (const m of text.matchAll(/data\s+"azurerm_(?:virtual_network|subnet|firewall)"\s+"[^"]*"\s*\{/g)) {
    const body = text.slice(m.index + m[0].length, m.index + m[0].length + 2000)
    const end = body.search(/\n\}/)
    const block = end < 0 ? body : body.slice(0, end)
    for (const a of block.matchAll(/^\s*(?:name|virtual_network_name)\s*=\s*(.*)$/gm))
      if (!LITERAL.test(a[1]!)) return true
  }
  for (const m of text.matchAll(
    /'Microsoft\.Network\/(?:virtualNetworks(?:\/subnets)?|azureFirewalls)@[^']*'\s+existing\s*=\s*\{/gi,
  )) {
    const body = text.slice(m.index + m[0].length, m.index + m[0].length + 2000)
    const name = /^\s*name\s*:\s*(.*)$/m.exec(body)
    if (!name || !LITERAL.test(name[1]!)) return true
  }
  return false
}

/**
 * Whether a unit's text reads any VNet, subnet or firewall of another unit, whatever its name: a Terraform
 * data source of one, remote state, a subnet or peering naming a VNet by a literal (`virtual_network_name =
 * "..."`, a literal ARM id), a Bicep `existing` one, an ARM `resourceId()` of one. Asked when a changed unit
 * declares a VNet or firewall whose name the scan could not evaluate: no reader can be told by name then.
 */
export function readsAnyVnet(text: string): boolean {
  return (
    /data\s+"(?:azurerm_(?:virtual_network|subnet|firewall)|terraform_remote_state)"/.test(text) ||
    /^\s*virtual_network_name\s*=\s*"/m.test(text) ||
    /\/providers\/Microsoft\.Network\/(?:virtualNetworks|azureFirewalls)\//i.test(text) ||
    /'Microsoft\.Network\/(?:virtualNetworks(?:\/subnets)?|azureFirewalls)@[^']*'\s+existing\b/i.test(text) ||
    /resourceId\(\s*(?:[^,()]*,\s*)*'Microsoft\.Network\/(?:virtualNetworks|azureFirewalls)/i.test(text)
  )
}

/** What a file reading any VNet must hold (case-insensitive), by readsAnyVnet's tests. */
export const anyReaderSearch: Search = {
  strings: [
    'azurerm_virtual_network"',
    'azurerm_subnet"',
    'azurerm_firewall"',
    'terraform_remote_state',
    'virtual_network_name',
    'microsoft.network/virtualnetworks',
    'microsoft.network/azurefirewalls',
  ],
}

/** The keys of the `units` whose text reads any VNet or firewall of another unit (readsAnyVnet). */
export function anyVnetReaders(
  units: readonly UnitFiles[],
  textOf: TextOf,
  mayHold: MayHold = () => true,
): string[] {
  return units
    .filter((u) =>
      u.files.some((f) => {
        if (!mayHold(f)) return false
        const t = textOf(f)
        // A file that cannot be read may read anything: its unit is judged (and says why).
        return t === undefined || readsAnyVnet(t)
      }),
    )
    .map((u) => u.key)
}

/**
 * The text without the names a unit gives the VNets it declares (`name` of a Terraform
 * azurerm_virtual_network, of a Bicep virtualNetworks resource that is not `existing`): a unit declaring a
 * VNet of a changed unit's name is not its reader (two units declaring one VNet are rivals, named when a
 * reader meets both).
 */
export function withoutDeclaredNames(text: string): string {
  const blank = (t: string, at: number, body: RegExp): string => {
    const m = body.exec(t.slice(at, at + 2000))
    return m ? t.slice(0, at + m.index) + ' '.repeat(m[0].length) + t.slice(at + m.index + m[0].length) : t
  }
  let out = text
  for (const m of text.matchAll(/resource\s+"azurerm_(?:virtual_network|firewall)"\s+"[^"]*"\s*\{/g))
    out = blank(out, m.index + m[0].length, /^[ \t]*name[ \t]*=[^\n]*/m)
  for (const m of text.matchAll(/'Microsoft\.Network\/(?:virtualNetworks|azureFirewalls)@[^']*'\s*=\s*\{/gi))
    out = blank(out, m.index + m[0].length, /^[ \t]*name[ \t]*:[^\n]*/m)
  return out
}

/**
 * The keys of the `units` that may read one of the VNets `names` (see the top of this file), their files'
 * text from `textOf`.
 */
export function vnetReaders(
  names: readonly string[],
  units: readonly UnitFiles[],
  textOf: TextOf,
  mayHold: MayHold = () => true,
): string[] {
  if (names.length === 0 || units.length === 0) return []
  const named = nameIn([...new Set(names.map((n) => n.toLowerCase()))])
  // Per file, once (a module's files belong to every unit calling it).
  const reads = new Map<string, boolean>()
  const mayRead = (file: string): boolean => {
    let r = reads.get(file)
    if (r === undefined) {
      // A file holding none of the names nor any way of reading a VNet by another name cannot match.
      const t = mayHold(file) ? textOf(file) : ''
      // A file that cannot be read may read anything: its unit is judged (and says why).
      if (t === undefined) r = true
      else if (t === '') r = false
      else {
        const without = withoutDeclaredNames(t)
        r = named.test(without) || readsUnnamedVnet(without)
      }
      reads.set(file, r)
    }
    return r
  }
  return units.filter((u) => u.files.some(mayRead)).map((u) => u.key)
}

/**
 * The keys of the `units` whose text names one of `names` as a whole word (a VPN gateway a site of theirs
 * links to, read by a data source or an ARM id). A unit naming it only in a comment costs a unit judged.
 */
export function namingUnits(
  names: readonly string[],
  units: readonly UnitFiles[],
  textOf: TextOf,
  mayHold: MayHold = () => true,
): string[] {
  if (names.length === 0) return []
  const named = nameIn([...new Set(names.map((n) => n.toLowerCase()))])
  return units
    .filter((u) =>
      u.files.some((f) => {
        if (!mayHold(f)) return false
        const t = textOf(f)
        return t === undefined || named.test(t)
      }),
    )
    .map((u) => u.key)
}

/** A file's text, or undefined when it cannot be read. */
export type TextOf = (file: string) => string | undefined

/**
 * Whether a file may hold any of the strings searched for (readerSearch, providerSearch): false only where
 * git grep said it holds none (src/compare/grep-filter.ts), so its text need not be read.
 */
export type MayHold = (file: string) => boolean

/**
 * A data source of a VNet, subnet or firewall, on the line of its type label: `data` before it on the line,
 * or nothing but white space when `data` ends an earlier line (readsUnnamedVnet's `data\s+"azurerm_…"` may
 * span lines). Not a `resource` of one, which every unit declaring a network has.
 */
const DATA_LINE =
  /data\s+"azurerm_(?:virtual_network|subnet|firewall)"|^\s*"azurerm_(?:virtual_network|subnet|firewall)"/i

/** A Bicep `existing` keyword after a quoted type (`'…@…' existing`), or opening a line. Not the word in prose. */
const EXISTING_LINE = /'\s+existing|^\s*existing/i

/**
 * What a file reading one of the VNets `names` must hold (case-insensitive), by vnetReaders' tests: the name
 * as a whole word (the test's own, on one line: a name holds no line break), or a data source, `existing`
 * resource or remote state reading one by another name (readsUnnamedVnet; its `name =` may be on any line,
 * so the line of the data source's type counts).
 */
export function readerSearch(names: readonly string[]): Search {
  const named = names.length > 0 ? nameIn([...new Set(names.map((n) => n.toLowerCase()))]) : undefined
  return {
    strings: [
      ...names,
      'azurerm_virtual_network"',
      'azurerm_subnet"',
      'azurerm_firewall"',
      'terraform_remote_state',
      'existing',
    ],
    line: (l) =>
      /terraform_remote_state/i.test(l) ||
      DATA_LINE.test(l) ||
      EXISTING_LINE.test(l) ||
      (named !== undefined && named.test(l)),
  }
}

/** What a file naming one of `names` as a whole word must hold, and on which line (namingUnits). */
export function namingSearch(names: readonly string[]): Search {
  const named = nameIn([...new Set(names.map((n) => n.toLowerCase()))])
  return { strings: names, line: (l) => named.test(l) }
}

/**
 * Reads files of the checkout `root` once each, for vnetReaders and vnetProviders. The checkout alone is the
 * boundary: listing each file as well made every read search a list of them all (quadratic in the files of
 * a 2,000-file repository). A file outside the checkout is refused (undefined), so its unit is judged.
 */
export function checkoutTexts(root: string): TextOf {
  const boundary = makeBoundary([path.resolve(root)])
  const texts = new Map<string, string | undefined>()
  return (file) => {
    if (texts.has(file)) return texts.get(file)
    const r = readSource(file, boundary)
    const t = r.ok ? r.text : undefined
    texts.set(file, t)
    return t
  }
}
