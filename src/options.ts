/** Option parsing shared by the action's inputs and the CLI's flags, so both accept the same spellings. */
import { CLOUDS, type CloudName } from './kms/catalogue'

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
