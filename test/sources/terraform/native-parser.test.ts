/**
 * Differential test of the hand-written HCL parser (hcl-native.ts, behind parseHcl) against the previous
 * tree-sitter parser (tree-sitter-reference.ts): on every Terraform fixture, a generated landing-zone corpus
 * and a set of tricky snippets, both must build the same AST (blocks, attributes, expressions, template
 * parts, lines, comments). HCL_DIFF_DIRS (colon-separated folders) adds more files, e.g. public repositories.
 *
 * Where the two parsers are meant to differ (the tree-sitter grammar accepts things hclsyntax rejects, and
 * recovers from errors differently) the cases are listed below with the behaviour of the new parser.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { parseHcl } from '../../../src/sources/terraform/parse'
import { MAX_DEPTH } from '../../../src/sources/terraform/hcl-native'
import { hclParser } from './tree-sitter'
import { parseHclTreeSitter } from './tree-sitter-reference'

/**
 * The tree-sitter converter's known faults, which the native parser does not share: a comment right after
 * `(` made it give up on the parenthesised expression (`invalid`).
 */
function treeSitterFault(mine: unknown, theirs: unknown): boolean {
  const t = theirs as { type?: string }
  const m = mine as { type?: string; text?: string }
  return t?.type === 'invalid' && m?.type === 'paren' && /\(\s*(#|\/\/|\/\*)/.test(m.text ?? '')
}

/** Path to the first difference between two plain values, or undefined when they are equal. */
function firstDifference(a: unknown, b: unknown, at = '$'): string | undefined {
  if (a === b || treeSitterFault(a, b)) return undefined
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    if (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b)) return undefined
    return `${at}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: array vs object`
  const keys = new Set([...Object.keys(a), ...Object.keys(b as object)])
  for (const k of keys) {
    const va = (a as Record<string, unknown>)[k]
    const vb = (b as Record<string, unknown>)[k]
    if (va === undefined && vb === undefined) continue
    const d = firstDifference(va, vb, `${at}.${k}`)
    if (d) return d
  }
  return undefined
}

async function compare(file: string, text: string): Promise<string | undefined> {
  const mine = parseHcl(file, text)
  const theirs = parseHclTreeSitter(await hclParser(), file, text)
  if (theirs.errors.length > 0) {
    // Both must see the file as broken; the ASTs of broken files differ by design (recovery).
    return mine.errors.length > 0 ? undefined : `${file}: tree-sitter reports errors, the native parser none`
  }
  if (mine.errors.length > 0)
    return `${file}: ${mine.errors[0].message} at line ${mine.errors[0].origin.startLine}`
  // The tree-sitter converter missed comments inside some expressions; every comment it found must be found.
  const found = new Set(mine.comments?.map((c) => `${c.startLine}:${c.text}`))
  const missed = theirs.comments?.find((c) => !found.has(`${c.startLine}:${c.text}`))
  if (missed) return `${file}: comment at line ${missed.startLine} missed`
  const d = firstDifference({ ...mine, comments: [] }, { ...theirs, errors: [], comments: [] })
  return d && `${file}: ${d}`
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) {
      if (e.name !== '.git' && e.name !== 'node_modules') walk(p, out)
    } else if (/\.(tf|tfvars)$/.test(e.name)) out.push(p)
  }
  return out
}

const SNIPPETS: Record<string, string> = {
  heredocs: [
    'locals {',
    '  a = <<EOF',
    'line one ${var.x}',
    '  $${not} %%{not}',
    'EOF',
    '  b = <<-EOT',
    '    indented',
    '      more ${upper("x")}',
    '    EOT',
    '  c = <<EOF',
    'EOF',
    '}',
    '',
  ].join('\n'),
  templates: [
    'a = "x ${var.a} y"',
    'b = "%{if var.c}yes%{else}no%{endif}!"',
    'c = "%{ for k, v in var.m ~} ${k}=${v}, %{~ endfor }"',
    'd = "${~ var.a ~}  "',
    'e = "esc \\" \\\\ \\n \\u00e9 $${x} %%{y}"',
    'f = ""',
    'g = "${a}${b}"',
    '',
  ].join('\n'),
  expressions: [
    'a = 1 + 2 * 3 - 4 / 2 % 1',
    'b = !x && y || z == w != v',
    'c = a < b ? "t" : "f"',
    'd = -a.b[0]',
    'e = (1 + 2) * 3',
    'g = 1.5e3',
    'h = [for i, v in var.l : v * 2 if i > 0]',
    'i = { for k, v in var.m : k => v... if v != null }',
    'j = merge(var.a, { b = 1 }, local.c...)',
    'k = provider::azurerm::normalise_resource_id(var.id)',
    'l = a.b.0.c',
    'm = a[*].b.c',
    'n = a.*.b[0]',
    'o = a[*].b[*].c',
    'p = [1, 2, 3,]',
    'q = { a = 1, "b" = 2, (var.c) = 3 }',
    'r = {',
    '  a = 1',
    '  b = [',
    '    2,',
    '    3',
    '  ]',
    '}',
    's = true && false || null == null',
    't = f(',
    '  1,',
    '  2,',
    ')',
    'u = [for x in y : x][0]',
    'v = "a".b',
    'w = {a: 1, b: 2}',
    '',
  ].join('\n'),
  comments: [
    '# top',
    '// slashes',
    '/* block',
    '   comment */',
    'resource "a" "b" { # trailing',
    '  x = 1 // after',
    '  /* inline */ y = 2',
    '}',
    'block_no_labels {',
    '}',
    'single "line" { a = 1 }',
    '',
  ].join('\n'),
  unicode: 'locals {\n  café = "é"\n  名前 = café\n  x-y = 1\n}\n',
  crlf: 'resource "a" "b" {\r\n  x = 1\r\n  y = <<EOF\r\nz\r\nEOF\r\n  # c\r\n}\r\n',
}

describe('native HCL parser against the tree-sitter parser', () => {
  test('tricky snippets: heredocs, templates, operators, comments, unicode, CRLF', async () => {
    const diffs: string[] = []
    for (const [name, text] of Object.entries(SNIPPETS)) {
      const d = await compare(`/src/${name}.tf`, text)
      if (d) diffs.push(d)
    }
    expect(diffs).toEqual([])
  })

  test('every Terraform fixture and a generated landing-zone corpus', async () => {
    const { generate } = (await import(path.resolve('bench/generate.mjs'))) as {
      generate: (dir: string, mb: number) => unknown
    }
    const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-hcl-diff-'))
    try {
      generate(corpus, 0.5)
      const files = [...walk(path.resolve('test/fixtures')), ...walk(corpus)]
      for (const extra of (process.env.HCL_DIFF_DIRS ?? '').split(':').filter(Boolean)) walk(extra, files)
      expect(files.length).toBeGreaterThan(20)
      const diffs: string[] = []
      for (const f of files) {
        const d = await compare(f, fs.readFileSync(f, 'utf8'))
        if (d) diffs.push(d)
      }
      expect(diffs).toEqual([])
    } finally {
      fs.rmSync(corpus, { recursive: true, force: true })
    }
  })
})

describe('native HCL parser where it differs from tree-sitter by design', () => {
  test('a conditional is right-associative, as in hclsyntax', () => {
    const f = parseHcl('/src/a.tf', 'x = a ? b : c ? d : e\n')
    expect(f.body.attributes[0].expr).toMatchObject({
      type: 'conditional',
      cond: { type: 'variable', name: 'a' },
      else: { type: 'conditional', cond: { type: 'variable', name: 'c' } },
    })
  })

  test('a newline ends an argument outside brackets, as in hclsyntax', () => {
    const f = parseHcl('/src/a.tf', 'x = a\n  + b\ny = 2\n')
    expect(f.errors.length).toBeGreaterThan(0)
    expect(f.errors[0].origin.startLine).toBe(2)
    expect(f.body.attributes.map((a) => a.name)).toEqual(['x', 'y'])
  })

  test('errors name the column; an unclosed call is reported on its own line', () => {
    const f = parseHcl('/src/a.tf', 'a {\n  x = foo(1,\n}\nb {\n  y = 1 +* 2\n}\nc {}\n')
    expect(f.errors.map((e) => [e.origin.startLine, e.message])).toEqual([
      [2, expect.stringMatching(/^missing .*\(column 13\)$/)],
      [5, expect.stringMatching(/^unexpected `\*`.*\(column 10\)$/)],
    ])
    expect(f.body.blocks.map((b) => b.type)).toEqual(['a', 'b', 'c'])
  })

  test(`nesting deeper than ${MAX_DEPTH} levels is a located error, not a stack overflow`, () => {
    const deep = 'a = ' + '['.repeat(10000) + ']'.repeat(10000) + '\nb = 1\n'
    const f = parseHcl('/src/deep.tf', deep)
    expect(f.errors[0]).toMatchObject({
      message: expect.stringMatching(/nesting deeper/),
      origin: { startLine: 1 },
    })
    expect(f.body.attributes.map((a) => a.name)).toEqual(['a', 'b'])
    const blocks = 'b {\n'.repeat(10000) + '}\n'.repeat(10000)
    expect(parseHcl('/src/deep2.tf', blocks).errors[0].message).toMatch(/nesting deeper/)
    const templates = 'a = ' + '"${'.repeat(5000) + '1' + '}"'.repeat(5000) + '\n'
    expect(parseHcl('/src/deep3.tf', templates).errors[0].message).toMatch(/nesting deeper/)
  })
})
