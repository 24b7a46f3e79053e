/**
 * The tree-sitter HCL grammar, for the differential test only (native-parser.test.ts compares the
 * hand-written parser with the tree-sitter parser it replaced). Nothing at run time uses tree-sitter.
 */
import * as path from 'node:path'
import type * as TreeSitter from 'web-tree-sitter'

export type { TreeSitter }

let parser: Promise<TreeSitter.Parser> | undefined

export function hclParser(): Promise<TreeSitter.Parser> {
  parser ??= (async () => {
    const ts = (await import('web-tree-sitter')) as typeof TreeSitter
    await ts.Parser.init()
    // Tests run from the repository root.
    const wasm = path.resolve('node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm')
    const p = new ts.Parser()
    p.setLanguage(await ts.Language.load(wasm))
    return p
  })()
  return parser
}
