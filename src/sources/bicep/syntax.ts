/**
 * Bicep syntax through the tree-sitter-bicep grammar: parsing, node helpers and syntax error reporting.
 * Nothing here knows what a value is; the evaluator walks the trees this module hands out.
 */
import type { Origin } from '../../model/value'
import { createParser, type TreeSitter } from '../tree-sitter'

export type Node = TreeSitter.Node

export interface ParsedFile {
  path: string
  text: string
  root: Node
  /** The first place where the grammar gave up, if any. */
  syntaxError?: { origin: Origin; message: string }
  tree: TreeSitter.Tree
}

let parserPromise: Promise<TreeSitter.Parser> | undefined

function parser(): Promise<TreeSitter.Parser> {
  parserPromise ??= createParser('bicep')
  return parserPromise
}

/**
 * The grammar has no rule for `.bicepparam` assignments (`param x = <expr>` without a type) and swallows
 * the rest of the file into an error. Rewriting the keyword to `var` with the same width keeps every line
 * and column, and the assignment then parses as the variable declaration it structurally is.
 */
export function rewriteBicepparam(text: string): string {
  return text.replace(/^([ \t]*)param(\s+[A-Za-z_][A-Za-z0-9_]*\s*=)/gm, '$1var  $2')
}

export async function parseBicep(path: string, text: string): Promise<ParsedFile> {
  const p = await parser()
  const source = path.endsWith('.bicepparam') ? rewriteBicepparam(text) : text
  const tree = p.parse(source)
  if (!tree) throw new Error(`tree-sitter returned no tree for ${path}`)
  const parsed: ParsedFile = { path, text, root: tree.rootNode, tree }
  const error = firstError(tree.rootNode)
  if (error) {
    const what = error.isMissing
      ? `missing ${error.type}`
      : `unexpected ${JSON.stringify(snippet(error.text))}`
    parsed.syntaxError = { origin: originOf(path, error), message: `Bicep syntax error: ${what}` }
  }
  return parsed
}

function snippet(text: string): string {
  const line = text.split('\n')[0].trim()
  return line.length > 40 ? `${line.slice(0, 40)}…` : line
}

/** The first ERROR or MISSING node in document order. */
function firstError(node: Node): Node | undefined {
  if (node.isError || node.isMissing) return node
  if (!node.hasError) return undefined
  for (const child of node.children) {
    const e = child ? firstError(child) : undefined
    if (e) return e
  }
  return undefined
}

export function originOf(file: string, node: Node): Origin {
  return { file, startLine: node.startPosition.row + 1, endLine: node.endPosition.row + 1 }
}

/** Named children without comments (tree-sitter puts comments anywhere as extras). */
export function kids(node: Node): Node[] {
  return node.namedChildren.filter(
    (c): c is Node => c !== null && c.type !== 'comment' && c.type !== 'diagnostic_comment',
  )
}

/** Does the node have an anonymous token child with this text (`existing`, `.?`, `?`)? */
export function hasToken(node: Node, token: string): boolean {
  return node.children.some((c) => c !== null && !c.isNamed && c.type === token)
}

export function field(node: Node, name: string): Node | undefined {
  return node.childForFieldName(name) ?? undefined
}

/** Does a subtree contain an ERROR or MISSING node (such statements are skipped, not half-evaluated)? */
export function broken(node: Node): boolean {
  return node.hasError || node.isMissing
}
