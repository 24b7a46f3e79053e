/**
 * Bicep syntax trees: the node type the parser (parser.ts) builds and the evaluator walks, and the node
 * helpers. Nothing here knows what a value is.
 *
 * Node types and field names follow the tree-sitter-bicep grammar this parser replaced (`object`,
 * `member_expression` with fields `object` and `property`, …), so the evaluator reads the same shapes.
 * Only named nodes exist; the few anonymous tokens that carry meaning (`existing`, `.?`, `?`, `'''`, an
 * operator) are kept in `tokens`.
 */
import type { Origin } from '../../model/value'

export class Node {
  fields: Record<string, Node> | undefined
  tokens: string[] | undefined
  /** The node or one below it is an error (such statements are skipped, not half-evaluated). */
  hasError = false
  isError = false

  constructor(
    readonly type: string,
    private readonly source: string,
    readonly startIndex: number,
    readonly endIndex: number,
    /** 0-based lines of the first and last character. */
    readonly startRow: number,
    readonly endRow: number,
    readonly namedChildren: Node[],
  ) {
    for (const c of namedChildren) if (c.hasError) this.hasError = true
  }

  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex)
  }
}

export interface ParsedFile {
  path: string
  text: string
  root: Node
  /** The first syntax error, if any; statements it does not touch are still in `root`. */
  syntaxError?: { origin: Origin; message: string }
}

export function originOf(file: string, node: Node): Origin {
  return { file, startLine: node.startRow + 1, endLine: node.endRow + 1 }
}

/** Named children (comments are not nodes). */
export function kids(node: Node): Node[] {
  return node.namedChildren
}

/** Does the node hold this anonymous token (`existing`, `.?`, `?`, `'''`)? */
export function hasToken(node: Node, token: string): boolean {
  return node.tokens?.includes(token) ?? false
}

export function field(node: Node, name: string): Node | undefined {
  return node.fields?.[name]
}

/** Does a subtree contain an error (such statements are skipped, not half-evaluated)? */
export function broken(node: Node): boolean {
  return node.hasError
}

/** The expression node after the `=` of a declaration. */
export function valueAfterEquals(node: Node): Node | undefined {
  return field(node, 'value')
}

/** The declared name (`param <name>`, `resource <name> ...`). */
export function identifierOf(node: Node): string {
  return kids(node).find((k) => k.type === 'identifier')?.text ?? ''
}
