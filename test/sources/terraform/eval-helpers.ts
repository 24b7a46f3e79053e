/** Shared helpers for the Terraform parser/evaluator tests: temp trees, parsing a directory, plain values. */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { evaluateTerraform } from '../../../src/sources/terraform/evaluate'
import type {
  EvaluatedResource,
  HclValue,
  TerraformEvaluation,
} from '../../../src/sources/evaluation/evaluated'
import type { HclFile } from '../../../src/sources/terraform/hcl-ast'
import { parseHcl, parseTfJson } from '../../../src/sources/terraform/parse'

/** Tests run from the repository root. */
export const FIXTURES = path.resolve('test/fixtures/terraform')

/** Writes `files` (relative path → content) under a fresh temp directory and returns its path. */
export function writeTree(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-tf-')))
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(root, rel)
    fs.mkdirSync(path.dirname(p), { recursive: true })
    fs.writeFileSync(p, text)
  }
  return root
}

const TF_FILE = /\.(tf|tf\.json|tfvars|tfvars\.json)$/

function walk(dir: string, out: string[]): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) walk(p, out)
    else if (TF_FILE.test(e.name)) out.push(p)
  }
}

export async function parseFile(p: string): Promise<HclFile> {
  const text = fs.readFileSync(p, 'utf8')
  return p.endsWith('.json') ? parseTfJson(p, text) : parseHcl(p, text)
}

/** Parses every Terraform file under `root` (plus `varFiles`) and evaluates them. */
export async function evaluateDir(root: string, varFiles: string[] = []): Promise<TerraformEvaluation> {
  const paths: string[] = []
  walk(root, paths)
  for (const v of varFiles) if (!paths.includes(v)) paths.push(v)
  const files = await Promise.all(paths.map(parseFile))
  return evaluateTerraform(files, { root, varFiles })
}

export function resource(ev: TerraformEvaluation, address: string): EvaluatedResource {
  const r = ev.resources.find((x) => x.address === address)
  if (!r) throw new Error(`no resource ${address}; have ${ev.resources.map((x) => x.address).join(', ')}`)
  return r
}

/** A value as plain data: unknowns become `{ unknown: reason, ref? }`. */
export function plain(v: HclValue | undefined): unknown {
  if (!v) return undefined
  switch (v.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return v.value
    case 'null':
      return null
    case 'list':
      return v.items.map(plain)
    case 'object':
      return Object.fromEntries(Object.entries(v.attrs).map(([k, x]) => [k, plain(x)]))
    case 'unknown':
      return v.ref ? { unknown: v.reason, ref: v.ref } : { unknown: v.reason }
  }
}

/** Attribute `name` of a resource's body. */
export function arg(r: EvaluatedResource, name: string): HclValue | undefined {
  return r.body.attrs[name]
}

/**
 * Evaluates `expr` as the argument `v` of a resource in a one-file root module (`extra` is added to the
 * file: locals, variables, other resources) and returns it as plain data.
 */
export async function evalValue(expr: string, extra = ''): Promise<unknown> {
  const root = writeTree({ 'main.tf': `${extra}\nresource "test_thing" "t" {\n  v = ${expr}\n}\n` })
  const ev = await evaluateDir(root)
  return plain(resource(ev, 'test_thing.t').body.attrs.v)
}
