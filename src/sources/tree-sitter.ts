/**
 * Loads web-tree-sitter and the grammar wasm files.
 *
 * In the ncc bundle web-tree-sitter is left out (its Emscripten glue shadows `require` when bundled)
 * and its own CommonJS build is loaded from dist/ at run time, with the wasm files beside it; the build
 * copies them there. Under jest there is no bundle: the package is imported from node_modules.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import type * as TreeSitter from 'web-tree-sitter'

declare const __non_webpack_require__: NodeJS.Require | undefined

export type Grammar = 'hcl'
export type { TreeSitter }

const GRAMMAR_FILES: Record<Grammar, { pkg: string; file: string }> = {
  hcl: { pkg: '@tree-sitter-grammars/tree-sitter-hcl', file: 'tree-sitter-hcl.wasm' },
}

function inBundle(): boolean {
  return typeof __non_webpack_require__ === 'function'
}

/** node_modules of the project, found from the working directory (tests run from the repository root). */
function nodeModulesDir(): string {
  let dir = process.cwd()
  for (;;) {
    const candidate = path.join(dir, 'node_modules', 'web-tree-sitter')
    if (fs.existsSync(candidate)) return path.join(dir, 'node_modules')
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error('web-tree-sitter not found: run npm ci')
    dir = parent
  }
}

let modulePromise: Promise<typeof TreeSitter> | undefined
const languages = new Map<Grammar, Promise<TreeSitter.Language>>()

async function loadModule(): Promise<typeof TreeSitter> {
  if (inBundle()) {
    const ts = __non_webpack_require__!(path.join(__dirname, 'web-tree-sitter.cjs')) as typeof TreeSitter
    await ts.Parser.init({ locateFile: (name: string) => path.join(__dirname, name) })
    return ts
  }
  const ts = (await import(/* webpackIgnore: true */ 'web-tree-sitter')) as typeof TreeSitter
  await ts.Parser.init()
  return ts
}

export function treeSitter(): Promise<typeof TreeSitter> {
  modulePromise ??= loadModule()
  return modulePromise
}

function grammarPath(grammar: Grammar): string {
  const g = GRAMMAR_FILES[grammar]
  return inBundle() ? path.join(__dirname, g.file) : path.join(nodeModulesDir(), g.pkg, g.file)
}

export async function language(grammar: Grammar): Promise<TreeSitter.Language> {
  let p = languages.get(grammar)
  if (!p) {
    p = treeSitter().then((ts) => ts.Language.load(grammarPath(grammar)))
    languages.set(grammar, p)
  }
  return p
}

/** A parser for one grammar. Parsers are cheap; reuse one per thread for many files. */
export async function createParser(grammar: Grammar): Promise<TreeSitter.Parser> {
  const ts = await treeSitter()
  const parser = new ts.Parser()
  parser.setLanguage(await language(grammar))
  return parser
}
