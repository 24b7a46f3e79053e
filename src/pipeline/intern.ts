/**
 * One copy of each string in what the scan workers send. A structured clone copies every string it meets,
 * so the calling thread of a 30 MB scan held ~275,000 strings (16 MB) for ~17,000 subnet verdicts and the
 * VNet facts of ~5,700 VNets: `AzureCloud`, `reachable`, file paths and VNet names, once per mention. Kept
 * until the merge, they survived every scavenge, and V8 grew the thread's young generation to its largest
 * (64 MB on Node 24) on top of them. Interned as they arrive, the copies die young.
 */
export class StringTable {
  private readonly strings = new Map<string, string>()

  /** The table's copy of `s` (the first one it was given). */
  private one(s: string): string {
    const had = this.strings.get(s)
    if (had !== undefined) return had
    this.strings.set(s, s)
    return s
  }

  /**
   * Replaces, in place, every string in `value`'s plain objects and arrays by the table's copy; other
   * objects (Map, Set, Date) are left as they are. Returns `value`.
   */
  intern<T>(value: T): T {
    this.walk(value)
    return value
  }

  private walk(value: unknown): void {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i]
        if (typeof v === 'string') value[i] = this.one(v)
        else if (typeof v === 'object' && v !== null) this.walk(v)
      }
      return
    }
    if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype)
      return
    const o = value as Record<string, unknown>
    for (const k in o) {
      const v = o[k]
      if (typeof v === 'string') o[k] = this.one(v)
      else if (typeof v === 'object' && v !== null) this.walk(v)
    }
  }
}
