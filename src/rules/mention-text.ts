/**
 * Texts that name VNets, as structure: a finding's message, its subnets and its subnets' paths name
 * subnets as `vnet-spoke/snet-app`, and which label a VNet gets (`vnet-spoke` or `vnet-spoke (rg-spoke-a)`)
 * is known only when the whole report is read (two root modules may each declare a `vnet-spoke`). So a
 * finding keeps these texts as parts (Finding.texts: strings and slots naming one of Finding.vnets), and
 * its plain texts are rendered from the parts: by makeFinding with the labels its unit gave, and again by
 * the report (src/report/vnet-labels.ts) with the labels of the whole report, which every format then
 * reads. No rendered text is ever searched for a label: a VNet name that contains another one, a quoted
 * IaC value or a fix that happens to spell a label, and a text already relabelled are left as they are.
 *
 * How rules write them: a rule builds its message as a string, as before; subnetLabel (findings.ts) puts
 * a slot token where the VNet label goes, and makeFinding, the one place rules make findings, turns the
 * tokens into parts before anything else sees the finding. A token is two Unicode noncharacters around a
 * per-process nonce and the label's UTF-16 code units in hex: no text a scanned file supplies can make one.
 * Whoever changes a finding's message afterwards (a variant's prefix, an expired suppression's note) does
 * it through aroundMessage, so the parts and the text stay one.
 */
import { randomBytes } from 'node:crypto'
import type { VnetMention } from '../model/vnet'
import type { Finding, MentionText } from './types'

const OPEN = '\uFDD0'
const CLOSE = '\uFDD1'
const NONCE = randomBytes(6).toString('hex')
/** What every slot starts with. */
const PREFIX = `${OPEN}${NONCE}`
/** The hex of a slot: whole UTF-16 code units (four lowercase hex digits each), what `hex` writes. */
const HEX = /^(?:[0-9a-f]{4})*$/

const hex = (s: string): string => {
  let out = ''
  for (let i = 0; i < s.length; i++) out += s.charCodeAt(i).toString(16).padStart(4, '0')
  return out
}
const unhex = (h: string): string => {
  let out = ''
  for (let i = 0; i < h.length; i += 4) out += String.fromCharCode(parseInt(h.slice(i, i + 4), 16))
  return out
}

/**
 * The slots written so far, by label, and their labels by hex. A scan writes a slot per subnet named in a
 * finding's message, subnets and paths, over and over for the same few VNets; encoding and decoding each
 * one was most of makeFinding's own time. Bounded: emptied when it holds this many labels (the scan worker
 * judges unit after unit, and a label is written again if it is needed after that).
 */
const MAX_SLOTS = 20_000
const slots = new Map<string, string>()
const labelsByHex = new Map<string, string>()

/** The slot for a VNet label in a text a rule writes; makeFinding turns it into a part (mentionTexts). */
export function vnetSlot(label: string): string {
  let slot = slots.get(label)
  if (slot === undefined) {
    if (slots.size >= MAX_SLOTS) {
      slots.clear()
      labelsByHex.clear()
    }
    const h = hex(label)
    slot = `${PREFIX}${h}${CLOSE}`
    slots.set(label, slot)
    labelsByHex.set(h, label)
  }
  return slot
}

/**
 * A text's slots read into parts (undefined without any): a slot `indexOf` does not know is its label as text.
 * A slot is PREFIX, hex, CLOSE: at each PREFIX, the text up to the next CLOSE is its hex if it is whole code
 * units of lowercase hex digits, else that PREFIX starts no slot and the search goes on from the next character.
 */
function partsOf(text: string, indexOf: (label: string) => number | undefined): MentionText | undefined {
  if (!text.includes(OPEN)) return undefined
  const parts: MentionText = []
  const push = (s: string) => {
    if (s === '') return
    const last = parts[parts.length - 1]
    if (typeof last === 'string') parts[parts.length - 1] = last + s
    else parts.push(s)
  }
  let at = 0
  let from = 0
  for (;;) {
    const start = text.indexOf(PREFIX, from)
    if (start < 0) break
    const end = text.indexOf(CLOSE, start + PREFIX.length)
    if (end < 0) break
    const h = text.slice(start + PREFIX.length, end)
    let label = labelsByHex.get(h)
    if (label === undefined) {
      if (!HEX.test(h)) {
        from = start + 1
        continue
      }
      label = unhex(h)
    }
    push(text.slice(at, start))
    const vnet = indexOf(label)
    if (vnet === undefined) push(label)
    else parts.push({ vnet })
    at = from = end + 1
  }
  push(text.slice(at))
  return parts
}

/** The text of parts, each slot as `labelOf` labels its VNet. */
export function renderText(
  parts: MentionText,
  vnets: readonly VnetMention[],
  labelOf: (m: VnetMention) => string,
): string {
  let out = ''
  for (const p of parts) {
    if (typeof p === 'string') out += p
    else {
      const m = vnets[p.vnet]
      out += m ? labelOf(m) : ''
    }
  }
  return out
}

/**
 * Reads the slots of a finding's message, subnets and paths into Finding.texts (only when one names a
 * VNet) and renders the texts with the unit's labels. A slot names one of the finding's VNets (those of
 * its affected subnets) or, when it names another (a subnet a notice is about without harming it), the
 * VNet `mentionOf` finds by label, which joins Finding.vnets. For makeFinding.
 */
export function mentionTexts(f: Finding, mentionOf: (label: string) => VnetMention | undefined): void {
  const vnets = [...(f.vnets ?? [])]
  const indexOf = (label: string) => {
    const i = vnets.findIndex((m) => m.label === label)
    if (i >= 0) return i
    const m = mentionOf(label)
    if (!m) return undefined
    vnets.push(m)
    return vnets.length - 1
  }
  const message = partsOf(f.message, indexOf)
  const subnets = f.subnets?.map((s) => partsOf(s, indexOf))
  const paths = f.subnetPaths?.map((p) => partsOf(p.subnet, indexOf))
  if (vnets.length > 0) f.vnets = vnets
  const plain = (t: string) => [t]
  const hasSlot = (t: MentionText | undefined) => t?.some((p) => typeof p !== 'string') === true
  if (hasSlot(message) || subnets?.some(hasSlot) || paths?.some(hasSlot)) {
    f.texts = { message: message ?? plain(f.message) }
    if (subnets) f.texts.subnets = subnets.map((t, i) => t ?? plain(f.subnets![i]!))
    if (paths) f.texts.subnetPaths = paths.map((t, i) => t ?? plain(f.subnetPaths![i]!.subnet))
    renderFrom(f, (parts) => renderText(parts, vnets, (m) => m.label))
    return
  }
  // No slot names a VNet: each is its label already.
  if (message) f.message = message.join('')
  if (subnets) f.subnets = subnets.map((t, i) => (t ? t.join('') : f.subnets![i]!))
  if (paths)
    f.subnetPaths = f.subnetPaths!.map((p, i) => (paths[i] ? { ...p, subnet: paths[i].join('') } : p))
}

/**
 * Renders a finding's message, subnets and paths from its texts with `labelOf`'s labels. Its arrays are
 * replaced, not changed (units and caches may share them). A text that no longer reads as its parts with
 * the labels the finding carries (changed without aroundMessage) is left as it is, never cut back to them.
 */
export function renderTexts(f: Finding, labelOf: (m: VnetMention) => string): void {
  const vnets = f.vnets ?? []
  renderFrom(f, (parts, was) =>
    renderText(parts, vnets, (m) => m.label) === was ? renderText(parts, vnets, labelOf) : was,
  )
}

/** Sets the finding's texts to `render` of their parts (given the text each has now). */
function renderFrom(f: Finding, render: (parts: MentionText, was: string) => string): void {
  const t = f.texts
  if (!t) return
  f.message = render(t.message, f.message)
  if (t.subnets && f.subnets && t.subnets.length === f.subnets.length)
    f.subnets = t.subnets.map((s, i) => render(s, f.subnets![i]!))
  if (t.subnetPaths && f.subnetPaths && t.subnetPaths.length === f.subnetPaths.length)
    f.subnetPaths = f.subnetPaths.map((p, i) => ({ ...p, subnet: render(t.subnetPaths![i]!, p.subnet) }))
}

/** The message with text before and after it, and its texts to match: for a new finding `{ ...f, ...this }`. */
export function aroundMessage(f: Finding, before: string, after = ''): Pick<Finding, 'message' | 'texts'> {
  const message = `${before}${f.message}${after}`
  if (!f.texts) return { message }
  const parts: MentionText = [...(before ? [before] : []), ...f.texts.message, ...(after ? [after] : [])]
  return { message, texts: { ...f.texts, message: parts } }
}
