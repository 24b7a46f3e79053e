/** What `fn` writes to process.stdout (the runner reads workflow commands there), captured instead of printed. */
export function captureStdout(fn: () => void): string {
  const original = process.stdout.write.bind(process.stdout)
  let out = ''
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += chunk.toString()
    return true
  }) as typeof process.stdout.write
  try {
    fn()
  } finally {
    process.stdout.write = original
  }
  return out
}
