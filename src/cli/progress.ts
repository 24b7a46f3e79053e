/**
 * A one-line progress report on a terminal's stderr, shown only once a scan has taken a second (a
 * quick scan stays silent), rewritten in place and wiped at the end.
 */
import type { ScanProgress } from '../pipeline/scan-types'

export class Progress {
  private readonly started = Date.now()
  private shown = false
  private last = 0

  constructor(
    private readonly write: (text: string) => void,
    private readonly delayMs = 1000,
  ) {}

  update(p: ScanProgress): void {
    const now = Date.now()
    if (now - this.started < this.delayMs || now - this.last < 100) return
    this.last = now
    this.shown = true
    this.write(`\r\u001b[2Kscanning: ${p.files} files, ${p.units} units judged`)
  }

  done(): void {
    if (this.shown) this.write('\r\u001b[2K')
  }
}
