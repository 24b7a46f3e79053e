/**
 * A plain HCL syntax tree: what parse.ts makes of a .tf / .tf.json / .tfvars file and what evaluate.ts reads.
 *
 * Only plain objects, arrays, strings, numbers, booleans and null, so a parsed file can cross a worker thread
 * boundary through structured clone. Every node carries 1-based `startLine`/`endLine` so values can point
 * back at the lines a person edits. Expressions that are not plain literals keep (a bounded prefix of) their
 * source text in `text`, because KMS011 names the expression it could not resolve.
 */

/** 1-based, inclusive line range of a node in its file. */
export interface Span {
  startLine: number
  endLine: number
}

export interface HclFile {
  /** Absolute path. */
  path: string
  body: HclBody
  /** Syntax errors; the rest of the file still yields attributes and blocks (error recovery). */
  errors: HclSyntaxError[]
  /**
   * Every comment of the file (hcl only), in order; `# azure-kms-guard:ignore ...` suppressions live here.
   */
  comments?: HclComment[]
}

export interface HclSyntaxError {
  message: string
  origin: { file: string; startLine: number; endLine: number }
}

export interface HclComment extends Span {
  text: string
}

export interface HclBody extends Span {
  /** In source order. Duplicate names are kept; the evaluator uses the first. */
  attributes: HclAttribute[]
  /** In source order. */
  blocks: HclBlock[]
}

export interface HclAttribute extends Span {
  name: string
  expr: HclExpr
}

export interface HclBlock extends Span {
  /** Block type, e.g. `resource`, `route`, `dynamic`. */
  type: string
  /** Labels, e.g. ['azurerm_route_table', 'hub']. */
  labels: string[]
  body: HclBody
  /**
   * Comment lines directly above the block (no blank line between), without the comment markers' lines
   * joined.
   */
  comments?: string[]
}

/** A step of a traversal: `.name`, `[expr]` (also legacy `.0`), or a splat applying the rest per element. */
export type HclStep =
  | { kind: 'attr'; name: string }
  | { kind: 'index'; key: HclExpr }
  /** `[*]` or `.*`; `steps` are applied to every element. */
  | { kind: 'splat'; steps: HclStep[] }

/** One part of a string template. */
export type HclTemplatePart =
  | { kind: 'literal'; value: string }
  | { kind: 'interp'; expr: HclExpr; stripLeft?: boolean; stripRight?: boolean }
  | { kind: 'if'; cond: HclExpr; then: HclTemplatePart[]; else: HclTemplatePart[] }
  | { kind: 'for'; keyVar?: string; valueVar: string; coll: HclExpr; body: HclTemplatePart[] }

/**
 * Expressions. `text` is the source text (truncated to a few hundred characters) on every node but literals,
 * so messages can quote the expression.
 */
export type HclExpr = Span &
  (
    | { type: 'literal'; value: string | number | boolean | null }
    | { type: 'template'; parts: HclTemplatePart[]; text: string }
    | { type: 'variable'; name: string; text: string }
    /** `target` followed by attribute/index/splat steps. */
    | { type: 'traversal'; target: HclExpr; steps: HclStep[]; text: string }
    /** `expandFinal`: the last argument was written with `...`. */
    | { type: 'call'; name: string; args: HclExpr[]; expandFinal: boolean; text: string }
    | { type: 'conditional'; cond: HclExpr; then: HclExpr; else: HclExpr; text: string }
    | { type: 'unary'; op: '-' | '!'; operand: HclExpr; text: string }
    | { type: 'binary'; op: string; left: HclExpr; right: HclExpr; text: string }
    | { type: 'tuple'; items: HclExpr[]; text: string }
    /** Keys are expressions: a bare identifier key is a `literal` string, `(expr)` keys are evaluated. */
    | { type: 'object'; items: { key: HclExpr; value: HclExpr }[]; text: string }
    | {
        type: 'for'
        /** `[for ...]` gives a tuple, `{for ...}` an object. */
        result: 'tuple' | 'object'
        keyVar?: string
        valueVar: string
        coll: HclExpr
        /** Object for: the key expression; tuple for: absent. */
        key?: HclExpr
        value: HclExpr
        /** Object for with `...`: values with the same key are grouped into lists. */
        group: boolean
        cond?: HclExpr
        text: string
      }
    | { type: 'paren'; expr: HclExpr; text: string }
    /** A piece of source the parser could not make sense of (a syntax error is reported for it). */
    | { type: 'invalid'; text: string }
  )

export type HclExprOf<T extends HclExpr['type']> = Extract<HclExpr, { type: T }>
