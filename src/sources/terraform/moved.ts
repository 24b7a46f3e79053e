/**
 * Terraform `moved` blocks: `from` → `to` address pairs that tell Terraform a resource (or a module call,
 * or one instance key) only changed its address in the code, not in Azure. A finding whose route table or
 * subnet has no statically known Azure name is keyed by its IaC address (src/rules/identity.ts); the
 * moves let the head's address be matched with the base's, so a rename is not "new" and "fixed" at once.
 *
 * Terraform's own address syntax is small (attribute steps and literal instance keys), so it is read here
 * from the parsed traversal rather than through a library.
 */
import type { HclBody, HclExpr, HclStep } from './hcl-ast'

/**
 * One `moved` block with both addresses in instance-address form (`module.a["k"].azurerm_route_table.b[0]`).
 */
export interface MovedAddress {
  from: string
  to: string
}

function keyText(e: HclExpr): string | undefined {
  if (e.type === 'literal' && typeof e.value === 'number') return `[${e.value}]`
  if (e.type === 'literal' && typeof e.value === 'string') return `[${JSON.stringify(e.value)}]`
  if (e.type === 'template' && e.parts.every((p) => p.kind === 'literal'))
    return `[${JSON.stringify(e.parts.map((p) => (p.kind === 'literal' ? p.value : '')).join(''))}]`
  return undefined
}

function stepText(s: HclStep): string | undefined {
  if (s.kind === 'attr') return /^\d+$/.test(s.name) ? `[${s.name}]` : `.${s.name}`
  if (s.kind === 'index') return keyText(s.key)
  return undefined
}

/** A `moved` address expression as Terraform prints the address; undefined when it is not a plain address. */
export function addressText(e: HclExpr | undefined): string | undefined {
  if (!e) return undefined
  if (e.type === 'variable') return e.name
  if (e.type !== 'traversal' || e.target.type !== 'variable') return undefined
  let out = e.target.name
  for (const s of e.steps) {
    const t = stepText(s)
    if (t === undefined) return undefined
    out += t
  }
  return out
}

/** The `moved` blocks of one module's files, relative to that module (the caller adds its prefix). */
export function movedBlocks(bodies: readonly HclBody[]): MovedAddress[] {
  const out: MovedAddress[] = []
  for (const body of bodies)
    for (const b of body.blocks) {
      if (b.type !== 'moved') continue
      const get = (n: string) => b.body.attributes.find((a) => a.name === n)?.expr
      const from = addressText(get('from'))
      const to = addressText(get('to'))
      if (from !== undefined && to !== undefined && from !== to) out.push({ from, to })
    }
  return out
}

/**
 * The part of `address` after `prefix` when `address` is `prefix` itself or lies under it: a module
 * call's resources (`prefix.`), the instances of a resource or call written without a key (`prefix[`).
 */
function under(address: string, prefix: string): string | undefined {
  if (address === prefix) return ''
  if (!address.startsWith(prefix)) return undefined
  const next = address[prefix.length]
  return next === '.' || next === '[' ? address.slice(prefix.length) : undefined
}

/**
 * Every address `address` had before the moves, nearest first (moves chain: a → b, b → c gives c the
 * former addresses b and a). A key added by a move (`a` → `a["k"]`) maps back to the keyless address.
 */
export function formerAddresses(address: string, moves: readonly MovedAddress[]): string[] {
  const out: string[] = []
  const seen = new Set([address])
  let frontier = [address]
  // Bounded: each round follows one move per address; a cycle of moves stops at addresses already seen.
  for (let round = 0; round < 16 && frontier.length > 0; round++) {
    const next: string[] = []
    for (const a of frontier)
      for (const m of moves) {
        const rest = under(a, m.to)
        if (rest === undefined) continue
        // `a[0]` → `a` moves one instance: `a[1]` was never `a[0][1]`.
        if (rest.startsWith('[') && /\]$/.test(m.from) && !/\]$/.test(m.to)) continue
        const was = m.from + rest
        if (seen.has(was)) continue
        seen.add(was)
        out.push(was)
        next.push(was)
      }
    frontier = next
  }
  return out
}
