/**
 * Suppressions can expire (`until: 2027-03-31` in the config, `until=2027-03-31` inline): a finding
 * accepted for now comes back on its own when the date passes, with the reason it was accepted for, so
 * "we'll fix it next quarter" cannot become forever.
 */
import type { Origin } from '../model/value'
import type { Finding } from '../rules/types'
import { aroundMessage } from '../rules/mention-text'
import { displayPath } from '../report/paths'

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a real calendar date written YYYY-MM-DD. */
export function isDate(s: string): boolean {
  const m = DATE.exec(s)
  if (!m) return false
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!))
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!
}

/** A suppression holds through its `until` day (UTC) and has expired from the day after. */
export function hasExpired(until: string | undefined, now: Date = new Date()): boolean {
  return until !== undefined && now.toISOString().slice(0, 10) > until
}

/** The finding again, saying which suppression expired and why it had been accepted. */
export function expiredFinding(
  f: Finding,
  until: string,
  reason: string,
  origin: Origin,
  root: string,
): Finding {
  const where = `${displayPath(origin.file, root)}:${origin.startLine}`
  return {
    ...f,
    ...aroundMessage(
      f,
      '',
      ` (Its suppression at ${where} expired on ${until}; it had been accepted because: ${reason})`,
    ),
  }
}
