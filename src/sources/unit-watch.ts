/**
 * Which unit is being evaluated, where a supervisor can read it even after V8 has killed the thread
 * for lack of memory (a message would be lost with it): the unit's key, UTF-8, in a SharedArrayBuffer
 * with its length first. Hand-written: a few lines of Atomics, no library does this.
 */
export const UNIT_KEY_BYTES = 4096

export interface UnitWatch {
  /** Why the unit is not to be evaluated (it killed an earlier worker); undefined: evaluate it. */
  skipped(key: string): string | undefined
  started(key: string): void
  /** The unit's judgement is done: a death from here on is no unit's. */
  finished(): void
}

let watch: UnitWatch | undefined

/** Installed by the scan worker (src/scan-worker-main.ts); on the calling thread there is none. */
export function watchUnits(w: UnitWatch | undefined): void {
  watch = w
}

export function currentWatch(): UnitWatch | undefined {
  return watch
}

/** A watch that records the current unit in `shared` and skips the units of `skip`. */
export function sharedWatch(shared: SharedArrayBuffer, skip: Record<string, string>): UnitWatch {
  const length = new Int32Array(shared, 0, 1)
  const bytes = new Uint8Array(shared, 4)
  return {
    skipped: (key) => skip[key],
    started(key) {
      const encoded = new TextEncoder().encode(key).subarray(0, bytes.length)
      Atomics.store(length, 0, 0)
      bytes.set(encoded)
      Atomics.store(length, 0, encoded.length)
    },
    finished: () => Atomics.store(length, 0, 0),
  }
}

/** The key last written by sharedWatch, or undefined when no unit had started. */
export function readUnitKey(shared: SharedArrayBuffer): string | undefined {
  const n = Atomics.load(new Int32Array(shared, 0, 1), 0)
  if (n === 0) return undefined
  return new TextDecoder().decode(new Uint8Array(shared, 4, n).slice())
}
