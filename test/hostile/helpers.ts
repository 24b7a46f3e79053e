/**
 * Hostile pull requests: a workspace holding one good-faith unit that has a real finding (the control:
 * its finding must survive whatever the hostile files do) and the hostile files beside it.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { examplesOf } from '../../src/rules/examples'
import type { SourceFormat } from '../../src/model/network'
import { scan } from '../../src/pipeline/scan'
import type { ScanOptions, ScanResult } from '../../src/pipeline/scan-types'

/** A secret outside the workspace: it must never appear in anything a scan returns. */
export const SECRET = 'hunter2-outside-the-workspace'

/** The files of the first bad example of a rule in one format, e.g. a route that drops KMS (KMS002). */
export function badExample(ruleId: string, format: SourceFormat): Record<string, string> {
  return examplesOf(ruleId).find((e) => e.kind === 'bad' && e.format === format)!.files
}

export interface Workspace {
  /** The directory above the workspace, holding `outside/secret.*`. */
  parent: string
  /** The workspace (real path). */
  dir: string
  cleanup(): void
}

/** `parent/outside/` holds the secret; `parent/ws/` is the workspace with `files` in it. */
export function workspace(files: Record<string, string>): Workspace {
  const parent = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-hostile-')))
  const outside = path.join(parent, 'outside')
  fs.mkdirSync(outside)
  fs.writeFileSync(path.join(outside, 'secret.tfvars'), `admin_password = "${SECRET}"\n`)
  fs.writeFileSync(path.join(outside, 'secret.txt'), `${SECRET}\n`)
  fs.writeFileSync(
    path.join(outside, 'x.json'),
    JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [],
      outputs: { leak: { type: 'string', value: SECRET } },
    }),
  )
  const dir = path.join(parent, 'ws')
  write(dir, files)
  return { parent, dir, cleanup: () => fs.rmSync(parent, { recursive: true, force: true }) }
}

export function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), text)
  }
}

/** A control unit under `good/` whose route drops KMS: its KMS002 must be in every report. */
export function control(format: SourceFormat = 'terraform'): Record<string, string> {
  return Object.fromEntries(
    Object.entries(badExample('KMS002', format)).map(([name, text]) => [`good/${name}`, text]),
  )
}

export function scanWs(dir: string, more: Partial<ScanOptions> = {}): Promise<ScanResult> {
  return scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false, repoRoot: dir, ...more })
}

/** The control's finding is present (in `good/`). */
export function hasControl(r: ScanResult, dir: string): boolean {
  return r.findings.some(
    (f) => f.ruleId === 'KMS002' && path.relative(dir, f.location.file).startsWith(`good${path.sep}`),
  )
}

/** Notices (KMS011 what is not followed, KMS012 what is not read) in `file` (relative to the workspace). */
export function noticesAt(r: ScanResult, dir: string, file: string) {
  return r.findings.filter(
    (f) => (f.ruleId === 'KMS011' || f.ruleId === 'KMS012') && path.relative(dir, f.location.file) === file,
  )
}
