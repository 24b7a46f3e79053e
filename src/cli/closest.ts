/**
 * "Did you mean": the valid word nearest to a mistyped one (flag, rule id, format), by edit distance.
 * Small and hand-written: the lists are a few dozen words, and no dependency is worth it.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  const w = word.toLowerCase()
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase())
    if (d < bestDistance) {
      best = c
      bestDistance = d
    }
  }
  // A suggestion further than half the word away is noise, not help.
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 2)) ? best : undefined
}

/** Levenshtein distance (two rows). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = row
  }
  return prev[b.length]!
}

/** `unknown X 'y'`, with the nearest valid spelling when there is one. */
export function unknownWord(what: string, word: string, candidates: readonly string[]): string {
  const near = closest(word, candidates)
  return `unknown ${what} '${word}'${near ? ` (did you mean '${near}'?)` : ''}; valid: ${candidates.join(', ')}`
}
