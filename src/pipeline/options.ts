/** Option parsing shared by the action's inputs and the CLI's flags, so both accept the same spellings. */
import { CLOUDS, type CloudName } from '../kms/catalogue'

/** Case-insensitive, so `azurecloud` works; returns the canonical spelling, or undefined when unknown. */
export function parseCloud(value: string): CloudName | 'auto' | undefined {
  const v = value.trim().toLowerCase()
  if (v === 'auto') return 'auto'
  return CLOUDS.find((c) => c.toLowerCase() === v)
}

/** A list input: one per line (a YAML block) or comma separated. */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

/**
 * Module registry overrides: `URL` (for registry.terraform.io) or `HOST=URL`, e.g.
 * `registry.terraform.io=https://mirror.example.com`. Registry protocol requests for HOST then go to URL.
 */
export function parseRegistries(values: readonly string[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const v of values) {
    const eq = v.indexOf('=')
    const host =
      eq > 0 && !v.slice(0, eq).includes('/') ? v.slice(0, eq).trim().toLowerCase() : 'registry.terraform.io'
    const url = (eq > 0 && !v.slice(0, eq).includes('/') ? v.slice(eq + 1) : v).trim()
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      throw new Error(`module registry '${v}' must be URL or HOST=URL`)
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
      throw new Error(`module registry '${v}' must be an http(s) URL`)
    out.set(host, url)
  }
  return out
}
