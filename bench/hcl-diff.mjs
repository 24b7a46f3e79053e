// Differential check of our HCL parser (src/sources/terraform/parse.ts) against HashiCorp's Go hclsyntax:
// both parse every .tf/.tfvars file under the folders given (default: the test fixtures and a generated
// 2 MB corpus) and must agree on attributes, blocks, their lines, each expression's shape, and on whether
// the file has a syntax error. Needs Go and Debian's golang-github-hashicorp-hcl-v2-dev (bench/hcldump);
// skipped with a message without them.  usage: node bench/hcl-diff.mjs [DIR...]
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generate } from './generate.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const cache = join(root, 'node_modules', '.cache', 'kms-hcl-diff')
const require = createRequire(import.meta.url)

/** Builds bench/hcldump with Debian's Go packages (GOPATH mode); undefined when Go or hcl/v2 is missing. */
export function buildHclDump() {
  const out = join(cache, 'hcldump')
  if (existsSync(out)) return out
  const gopath = '/usr/share/gocode'
  if (
    !existsSync(join(gopath, 'src/github.com/hashicorp/hcl/v2')) ||
    spawnSync('go', ['version']).status !== 0
  ) {
    return undefined
  }
  mkdirSync(cache, { recursive: true })
  execFileSync('go', ['build', '-o', out, 'main.go'], {
    cwd: join(root, 'bench', 'hcldump'),
    env: {
      ...process.env,
      GOPATH: gopath,
      GO111MODULE: 'off',
      GOCACHE: join(cache, 'gocache'),
      GOFLAGS: '-mod=mod',
    },
    stdio: 'inherit',
  })
  return out
}

/** Our parser, bundled from the TypeScript source with ncc (the same source the scan bundles). */
function loadOurParser() {
  const out = join(cache, 'parse')
  const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
  execFileSync(
    process.execPath,
    [ncc, 'build', 'src/sources/terraform/parse.ts', '-o', out, '--quiet', '--transpile-only'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  )
  return require(join(out, 'index.js'))
}

const unwrap = (e) => (e.type === 'paren' ? unwrap(e.expr) : e)

/** The same canonical shape as bench/hcldump/main.go's canon(). */
function canon(e) {
  e = unwrap(e)
  switch (e.type) {
    case 'literal':
      if (e.value === null) return 'null'
      if (typeof e.value === 'number') return `n:${e.value}`
      if (typeof e.value === 'boolean') return `b:${e.value}`
      return 's'
    case 'template':
      return e.parts.every((p) => p.kind === 'literal') ? 's' : 't'
    case 'variable':
      return `r:${e.name}`
    case 'traversal': {
      const hasSplat = (steps) => steps.some((s) => s.kind === 'splat')
      if (hasSplat(e.steps)) return 'sp'
      const t = unwrap(e.target)
      return t.type === 'variable' ? `r:${t.name}` : 'x'
    }
    case 'call':
      return `c:${e.name}(${e.args.map(canon).join(',')})${e.expandFinal ? '...' : ''}`
    case 'conditional':
      return `?(${canon(e.cond)},${canon(e.then)},${canon(e.else)})`
    case 'binary':
      return `${e.op}(${canon(e.left)},${canon(e.right)})`
    case 'unary':
      return `u${e.op}(${canon(e.operand)})`
    case 'tuple':
      return `[${e.items.map(canon).join(',')}]`
    case 'object':
      return `{${e.items.map((i) => canon(i.value)).join(',')}}`
    case 'for': {
      let s = e.key ? `for{${canon(e.key)}=>` : 'for['
      s += canon(e.value)
      if (e.cond) s += ` if ${canon(e.cond)}`
      if (e.group) s += '...'
      return `${s} in ${canon(e.coll)}]`
    }
    default:
      return `?${e.type}`
  }
}

function body(b) {
  return {
    a: b.attributes.map((a) => [a.name, a.startLine, a.endLine, canon(a.expr)]),
    b: b.blocks.map((k) => [k.type, k.labels, k.startLine, k.endLine, body(k.body)]),
  }
}

function firstDifference(a, b, at = '$') {
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${at}[${i}]`)
      if (d) return d
    }
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[k], b[k], `${at}.${k}`)
      if (d) return d
    }
  }
  if (typeof a === 'string' && typeof b === 'string') {
    let i = 0
    while (a[i] === b[i]) i++
    const from = Math.max(0, i - 60)
    return `${at} from character ${i}: ours …${a.slice(from, i + 60)} / hclsyntax …${b.slice(from, i + 60)}`
  }
  return `${at}: ours ${JSON.stringify(a)?.slice(0, 300)} / hclsyntax ${JSON.stringify(b)?.slice(0, 300)}`
}

/** Compares both parsers over `dirs`; returns { files, agree, diffs }. */
export function hclDiff(dirs, dump, ours) {
  const run = spawnSync(dump, dirs, { encoding: 'utf8', maxBuffer: 1 << 30 })
  if (run.status !== 0) throw new Error(`hcldump failed: ${run.stderr}`)
  const diffs = []
  let files = 0
  for (const line of run.stdout.split('\n')) {
    if (!line) continue
    const go = JSON.parse(line)
    files++
    const mine = ours.parseHcl(go.file, readFileSync(go.file, 'utf8'))
    const goBroken = go.errors.length > 0
    const ourBroken = mine.errors.length > 0
    if (goBroken !== ourBroken) {
      diffs.push(
        `${go.file}: ${goBroken ? `hclsyntax: line ${go.errors[0][0]} ${go.errors[0][1]}` : `ours: ${mine.errors[0].message} at line ${mine.errors[0].origin.startLine}`}`,
      )
      continue
    }
    if (goBroken) {
      if (go.errors[0][0] !== mine.errors[0].origin.startLine)
        diffs.push(
          `${go.file}: first error at line ${mine.errors[0].origin.startLine}, hclsyntax ${go.errors[0][0]} (${go.errors[0][1]})`,
        )
      continue
    }
    const g = JSON.parse(JSON.stringify(go.body, (k, v) => (v === null ? [] : v)))
    const d = firstDifference(body(mine.body), g)
    if (d) diffs.push(`${go.file}: ${d}`)
  }
  return { files, agree: files - diffs.length, diffs }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dump = buildHclDump()
  if (!dump) {
    console.log('hcl-diff skipped: Go and golang-github-hashicorp-hcl-v2-dev are not installed')
    process.exit(0)
  }
  const ours = loadOurParser()
  let dirs = process.argv.slice(2)
  let tmp
  if (dirs.length === 0) {
    tmp = join(cache, 'corpus')
    generate(tmp, 2)
    dirs = [join(root, 'test', 'fixtures'), tmp]
  }
  const r = hclDiff(dirs, dump, ours)
  for (const d of r.diffs.slice(0, 40)) console.log(d)
  console.log(`hcl-diff: ${r.agree}/${r.files} files agree with hclsyntax (${r.diffs.length} differ)`)
  if (tmp) rmSync(tmp, { recursive: true, force: true })
  process.exitCode = r.diffs.length ? 1 : 0
}
