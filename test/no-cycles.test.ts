/**
 * The tree reads one way (docs/architecture.md): no module of src/ imports, even for a type, a module
 * that imports it back. Read with the TypeScript parser: every import and export declaration.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import ts from 'typescript'

const SRC = path.join(process.cwd(), 'src')

function graph(): Map<string, string[]> {
  const files = fs
    .readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.split(path.sep).join('/'))
  const known = new Set(files)
  const resolve = (from: string, spec: string) => {
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec))
    return [`${base}.ts`, `${base}/index.ts`, base].find((c) => known.has(c))
  }
  const edges = new Map<string, string[]>()
  for (const f of files) {
    const sf = ts.createSourceFile(f, fs.readFileSync(path.join(SRC, f), 'utf8'), ts.ScriptTarget.Latest)
    const to: string[] = []
    for (const s of sf.statements)
      if ((ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier) {
        const spec = (s.moduleSpecifier as ts.StringLiteral).text
        const target = spec.startsWith('.') ? resolve(f, spec) : undefined
        if (target) to.push(target)
      }
    edges.set(f, to)
  }
  return edges
}

/** Strongly connected components with more than one module (Tarjan). */
function cycles(edges: Map<string, string[]>): string[][] {
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const on = new Set<string>()
  const out: string[][] = []
  const visit = (v: string) => {
    index.set(v, next)
    low.set(v, next++)
    stack.push(v)
    on.add(v)
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = []
      let w: string
      do {
        w = stack.pop()!
        on.delete(w)
        scc.push(w)
      } while (w !== v)
      if (scc.length > 1) out.push(scc.sort())
    }
  }
  for (const v of edges.keys()) if (!index.has(v)) visit(v)
  return out
}

test('no import cycles in src/', () => {
  const edges = graph()
  expect(edges.size).toBeGreaterThan(100)
  expect(cycles(edges)).toEqual([])
})

test('the cycle check finds a cycle when there is one', () => {
  const edges = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts']],
    ['d.ts', ['a.ts']],
  ])
  expect(cycles(edges)).toEqual([['a.ts', 'b.ts', 'c.ts']])
})
