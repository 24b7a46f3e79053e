/**
 * Terraform environments: var files a root module is applied with (`terraform apply -var-file=env/prod.tfvars`)
 * that Terraform does not load by itself. Judged on its variables' defaults alone, a root whose forced tunnel
 * lives in `environments/prod.tfvars` read "reachable" although prod is what is deployed; so each such
 * environment is judged as a variant of the root, as a Bicep deployment is judged once per parameter file.
 *
 * Which root a var file is for is not written anywhere (the pipeline passes it), so it is inferred:
 * - a var file is a candidate when no root loads it by itself: any name but terraform.tfvars(.json) and
 *   *.auto.tfvars(.json), or one of those outside a root module's own directory;
 * - it is for a root that declares every variable it assigns (Terraform warns of the others, so a file
 *   written for a root assigns that root's variables), the nearest such root in the tree when several do
 *   (steps up to a common folder plus steps down), all of them at the same distance (an environment folder
 *   several roots read); when no root declares them all (a stale assignment left after a rename), the root
 *   declaring most of them, if more than half (rootsFor);
 * - var files of one folder for one root that assign the same variables are alternatives (dev.tfvars,
 *   prod.tfvars): one environment each; those that share no variable with another (CAF's configuration.tfvars
 *   beside vnets.tfvars) are applied together, with every alternative when there are some.
 * A root with environments is judged once per environment and not on its defaults alone. Var files the user
 * names (`var-files`) say which values are deployed: then nothing is inferred.
 *
 * Variables are found by a line scan of the root's own .tf files (a parse would read them twice; the
 * evaluator still reads each variable from the syntax tree) and the var files' assignments by parsing them.
 */
import * as path from 'node:path'
import type { DiscoveredFile } from '../parsing/discover'
import { parseHcl, parseTfJson } from './parse'

export interface TerraformEnvironment {
  /** The variant's name: the var file relative to the scan root (posix), or its folder when several are applied together. */
  label: string
  /** The var files to apply after the root's auto-loaded ones, lowest precedence first (absolute). */
  files: string[]
}

const AUTO_LOADED = /(^|[\\/])(terraform\.tfvars(\.json)?|[^\\/]*\.auto\.tfvars(\.json)?)$/
const isVarFile = (f: DiscoveredFile): boolean => f.kind === 'tfvars' || f.kind === 'tfvars-json'

/** Var files no root of `roots` loads by itself. */
function candidates(files: readonly DiscoveredFile[], roots: ReadonlySet<string>): DiscoveredFile[] {
  return files.filter((f) => isVarFile(f) && !(AUTO_LOADED.test(f.path) && roots.has(path.dirname(f.path))))
}

/** True when `files` holds a var file no root loads by itself: only then is anything read. */
export function mayHaveEnvironments(files: readonly DiscoveredFile[]): boolean {
  const configDirs = new Set<string>()
  for (const f of files)
    if (f.kind === 'terraform' || f.kind === 'terraform-json') configDirs.add(path.dirname(f.path))
  return candidates(files, configDirs).length > 0
}

const VARIABLE_BLOCK = /^[ \t]*variable[ \t]*"([^"\r\n]+)"[ \t]*\{/gm

/** Variables a root's own files declare. */
function declaredVariables(
  files: readonly DiscoveredFile[],
  textOf: (file: string) => string | undefined,
): Set<string> {
  const names = new Set<string>()
  for (const f of files) {
    const text = textOf(f.path)
    if (text === undefined) continue
    if (f.kind === 'terraform') {
      for (const m of text.matchAll(VARIABLE_BLOCK)) names.add(m[1]!)
    } else if (f.kind === 'terraform-json') {
      for (const b of parseTfJson(f.path, text).body.blocks)
        if (b.type === 'variable' && b.labels[0]) names.add(b.labels[0])
    }
  }
  return names
}

/** Variables a var file assigns (none when it cannot be read or parsed at all). */
function assignedVariables(f: DiscoveredFile, textOf: (file: string) => string | undefined): string[] {
  const text = textOf(f.path)
  if (text === undefined) return []
  const parsed = f.kind === 'tfvars-json' ? parseTfJson(f.path, text) : parseHcl(f.path, text)
  return parsed.body.attributes.map((a) => a.name)
}

/** Steps from one folder to another through their deepest common folder. */
function treeDistance(from: string, to: string): number {
  const a = from.split(path.sep)
  const b = to.split(path.sep)
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  return a.length - i + (b.length - i)
}

const posixRelative = (root: string, p: string): string =>
  path.relative(root, p).split(path.sep).join('/') || '.'

/** The environments of one root from the var files of one folder written for it. */
function folderEnvironments(
  folder: string,
  files: readonly { path: string; names: ReadonlySet<string> }[],
  scanRoot: string,
): TerraformEnvironment[] {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const overlaps = (x: (typeof sorted)[number]): boolean =>
    sorted.some((y) => y !== x && [...x.names].some((n) => y.names.has(n)))
  const alternatives = sorted.filter(overlaps)
  const common = sorted.filter((x) => !alternatives.includes(x)).map((x) => x.path)
  if (alternatives.length === 0) {
    return [
      {
        label: common.length === 1 ? posixRelative(scanRoot, common[0]!) : posixRelative(scanRoot, folder),
        files: common,
      },
    ]
  }
  return alternatives.map((a) => ({ label: posixRelative(scanRoot, a.path), files: [...common, a.path] }))
}

/**
 * The roots a var file assigning `names` in `folder` is for: those declaring every name, the nearest when
 * several do (all at the same distance); when none declares them all, those declaring the most of them
 * provided that is more than half, then the nearest. A var file kept after a variable was renamed or
 * removed assigns a variable its root no longer declares: Terraform warns of it and applies the rest, so
 * such a file is still the root's environment (judged on its defaults instead, a forced tunnel set in
 * prod.tfvars read "reachable"). Half or fewer declared: the file is not taken for that root's.
 */
function rootsFor(
  names: readonly string[],
  folder: string,
  variables: ReadonlyMap<string, ReadonlySet<string>>,
): string[] {
  // [variables declared (more is better), -steps (nearer is better)]
  let best: [number, number] = [0, 0]
  let chosen: string[] = []
  for (const [root, declared] of variables) {
    const count = names.filter((n) => declared.has(n)).length
    if (count * 2 <= names.length) continue
    const score: [number, number] = [count, -treeDistance(folder, root)]
    const cmp = chosen.length === 0 ? 1 : score[0] - best[0] || score[1] - best[1]
    if (cmp > 0) [best, chosen] = [score, [root]]
    else if (cmp === 0) chosen.push(root)
  }
  return chosen
}

/**
 * The environments of each unit root (absolute folders) among `files`; roots without any are absent.
 * `rootFiles` gives each root's own files (those in its folder); `textOf` reads a file (undefined: unreadable).
 */
export function terraformEnvironments(
  files: readonly DiscoveredFile[],
  rootFiles: ReadonlyMap<string, readonly DiscoveredFile[]>,
  textOf: (file: string) => string | undefined,
  scanRoot: string,
): Map<string, TerraformEnvironment[]> {
  const out = new Map<string, TerraformEnvironment[]>()
  const strays = candidates(files, new Set(rootFiles.keys()))
  if (strays.length === 0) return out
  const variables = new Map<string, Set<string>>()
  for (const [root, own] of rootFiles) variables.set(root, declaredVariables(own, textOf))
  // root → var folder → the var files of that folder written for the root
  const byRoot = new Map<string, Map<string, { path: string; names: ReadonlySet<string> }[]>>()
  for (const f of strays) {
    const names = assignedVariables(f, textOf)
    if (names.length === 0) continue
    const folder = path.dirname(f.path)
    for (const root of rootsFor(names, folder, variables)) {
      let folders = byRoot.get(root)
      if (!folders) byRoot.set(root, (folders = new Map()))
      const list = folders.get(folder) ?? []
      list.push({ path: f.path, names: new Set(names) })
      folders.set(folder, list)
    }
  }
  for (const [root, folders] of byRoot) {
    const envs = [...folders.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([folder, list]) => folderEnvironments(folder, list, scanRoot))
    out.set(root, envs)
  }
  return out
}
