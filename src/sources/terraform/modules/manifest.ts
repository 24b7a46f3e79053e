/**
 * `terraform init` records every module it installed in `.terraform/modules/modules.json`:
 *
 *   {"Modules":[{"Key":"","Source":"","Dir":"."},
 *               {"Key":"spoke_rt","Source":"registry.terraform.io/Azure/avm-res-network-routetable/azurerm",
 *                "Version":"0.4.1","Dir":".terraform/modules/spoke_rt"},
 *               {"Key":"hub.fw","Source":"./modules/fw","Dir":".terraform/modules/hub/modules/fw"}]}
 *
 * `Key` is the path of module call names from the root (`hub.fw`: call `fw` inside call `hub`), whatever
 * count/for_each expands them to; `Dir` is relative to the root module's directory (Terraform's working
 * directory). Only directories whose real path stays inside the scan root are taken: a manifest is data
 * from the repository and may point anywhere.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Origin } from '../../../model/value'
import { isInside } from '../../parsing/discover'
import { makeBoundary, readSource } from '../../parsing/read-source'

export interface InstalledModule {
  /** Module call path from the root: `a`, `a.b`. */
  key: string
  source: string
  version?: string
  /** Real, absolute directory. */
  dir: string
}

export interface ModuleProblem {
  origin: Origin
  message: string
}

export const MANIFEST = path.join('.terraform', 'modules', 'modules.json')

/** Most entries one manifest may list. */
const MAX_ENTRIES = 2000

function realDir(p: string): string | undefined {
  try {
    const real = fs.realpathSync(p)
    return fs.statSync(real).isDirectory() ? real : undefined
  } catch {
    return undefined
  }
}

/**
 * The modules installed for the root module in `rootDir`, by key; `undefined` when there is no manifest.
 * `scanRoot` is a real path. Entries that cannot be used are left out with a problem naming them.
 */
export function readManifest(
  rootDir: string,
  scanRoot: string,
  problems: ModuleProblem[],
): Map<string, InstalledModule> | undefined {
  const file = path.join(rootDir, MANIFEST)
  if (!fs.existsSync(file)) return undefined
  const at: Origin = { file, startLine: 1, endLine: 1 }
  const realFile = fs.realpathSync(file)
  if (!isInside(scanRoot, realFile)) {
    problems.push({
      origin: at,
      message: 'The module manifest leads outside the scanned directory; it was not read.',
    })
    return undefined
  }
  const read = readSource(realFile, makeBoundary([scanRoot]))
  if (!read.ok) {
    problems.push({ origin: at, message: `The module manifest was not read: it ${read.reason}.` })
    return undefined
  }
  let entries: unknown
  try {
    entries = (JSON.parse(read.text) as { Modules?: unknown }).Modules
  } catch (e) {
    problems.push({ origin: at, message: `The module manifest is not valid JSON (${(e as Error).message}).` })
    return undefined
  }
  if (!Array.isArray(entries)) {
    problems.push({ origin: at, message: 'The module manifest has no "Modules" list.' })
    return undefined
  }
  const out = new Map<string, InstalledModule>()
  for (const e of entries.slice(0, MAX_ENTRIES) as Record<string, unknown>[]) {
    const key = typeof e?.Key === 'string' ? e.Key : undefined
    const dir = typeof e?.Dir === 'string' ? e.Dir : undefined
    if (key === undefined || key === '' || dir === undefined) continue
    const abs = path.resolve(rootDir, dir.replace(/\\/g, '/'))
    const real = realDir(abs)
    if (!real) {
      problems.push({
        origin: at,
        message: `Module "${key}" is listed in the module manifest but its directory ${dir} is missing; run terraform init again.`,
      })
      continue
    }
    if (!isInside(scanRoot, real)) {
      problems.push({
        origin: at,
        message: `Module "${key}": its directory ${dir} leads outside the scanned directory; it was not read.`,
      })
      continue
    }
    out.set(key, {
      key,
      source: typeof e.Source === 'string' ? e.Source : '',
      version: typeof e.Version === 'string' ? e.Version : undefined,
      dir: real,
    })
  }
  if (entries.length > MAX_ENTRIES)
    problems.push({
      origin: at,
      message: `The module manifest lists over ${MAX_ENTRIES} modules; the rest were not read.`,
    })
  return out
}

/** Registry addresses as the manifest spells them: `registry.terraform.io/ns/name/system`, lower case. */
export function normalSource(source: string): string {
  const s = source.trim()
  if (/^[A-Za-z0-9][\w-]*\/[\w-]+\/[\w-]+$/.test(s)) return `registry.terraform.io/${s}`.toLowerCase()
  if (/^[\w.-]+\.[a-z]{2,}(:\d+)?\/[\w-]+\/[\w-]+\/[\w-]+$/i.test(s)) return s.toLowerCase()
  return s
}
