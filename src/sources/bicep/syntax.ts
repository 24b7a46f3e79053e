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

/**
 * Newer type syntax the grammar (tree-sitter-bicep 1.1) does not know, rewritten with the same width so
 * every line and column stays put. Types are never evaluated, so only the parse matters:
 * - `resourceInput<'T@v'>` / `resourceOutput<'T@v'>` (Bicep 0.34+) become `sys.resource <'T@v'>`, the
 *   parameterized type the grammar has; member access on it (`.properties.routes`) then parses too.
 * - A nullable type at the end of a top-level `param` or `type` declaration (`param lock lockType?`,
 *   or the `}?` closing a multi-line object type) makes the grammar read the `?` as the start of a
 *   ternary and swallow the next statement into an error. The grammar's other nullable marker `!` parses
 *   there; the evaluator still reads the `?` in the original text (a nullable parameter defaults to null). A `param` line with `=` is left
 *   alone: its `?` at the end may really begin a ternary continued on the next line.
 */
export function rewriteTypes(text: string): string {
  return text
    .replace(
      /\bresource(Input|Output)(\s*<)/g,
      (_m, kind: string, lt: string) => `sys.resource${' '.repeat(kind.length - 4)}${lt}`,
    )
    .replace(/^((?:[ \t]*(?:param\s[^=\n]*|type\s[^\n]*)|\}[ \t]*))\?([ \t\r]*(?:\/\/[^\n]*)?)$/gm, '$1!$2')
}

export async function parseBicep(path: string, text: string): Promise<ParsedFile> {
  const p = await parser()
  let source = rewriteTypes(path.endsWith('.bicepparam') ? rewriteBicepparam(text) : text)
  let tree = p.parse(source)
  if (!tree) throw new Error(`tree-sitter returned no tree for ${path}`)
  // The grammar has no postfix non-null assertion (`items(hubs!)`, `for x in list!:`); each shows up
  // as an ERROR node holding just `!` right after an operand. Blanking those (never inside a string:
  // the grammar reads strings whole) and parsing again keeps every position. A few rounds, because
  // error recovery can hide a later one behind an earlier one.
  for (let round = 0; round < 5 && tree.rootNode.hasError; round++) {
    const bangs = assertionBangs(tree.rootNode, source)
    if (bangs.length === 0) break
    // startIndex counts UTF-16 code units, as string indexes do.
    for (const i of bangs) source = `${source.slice(0, i)} ${source.slice(i + 1)}`
    tree.delete()
    const again = p.parse(source)
    if (!again) throw new Error(`tree-sitter returned no tree for ${path}`)
    tree = again
  }
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

/** Offsets of ERROR nodes that are a lone postfix `!` (after a name, `)` or `]`, not `!=`). */
function assertionBangs(node: Node, source: string): number[] {
  const out: number[] = []
  const walk = (n: Node): void => {
    if (n.isError && n.text === '!') {
      const i = n.startIndex
      if (/[\w)\]]/.test(source[i - 1] ?? '') && source[i + 1] !== '=') out.push(i)
      return
    }
    if (!n.hasError) return
    for (const c of n.children) if (c) walk(c)
  }
  walk(node)
  return out
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
