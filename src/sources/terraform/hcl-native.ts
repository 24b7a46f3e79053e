/**
 * A hand-written parser for HCL's native syntax (hashicorp/hcl hclsyntax spec.md) that builds the plain AST
 * of hcl-ast.ts directly from the source text.
 *
 * Hand-written because no npm package parses HCL 2 into a tree with source positions at the speed a scan
 * needs: the tree-sitter grammar (the previous route) spends most of its time crossing between JavaScript
 * and WebAssembly, and is capped below HashiCorp's Go parser. This is a single pass over the characters:
 * a lexer that produces one token of lookahead without allocating, and a recursive-descent parser whose
 * depth is bounded (MAX_DEPTH) so hostile nesting gives a located error, never a stack overflow.
 *
 * Error recovery follows hclsyntax's idea: an error inside an argument's expression marks that argument
 * `invalid`, then parsing resumes at the next line, so the other arguments and blocks of the file still
 * parse. Nothing here evaluates anything.
 *
 * The parser is four classes, each extending the one before, so the token fields stay plain property
 * reads on one object in the hot loop: hcl-lexer.ts (tokens, positions, errors), hcl-templates.ts
 * (strings, heredocs, directives), hcl-expressions.ts (expressions), and this file (arguments and blocks,
 * error recovery, the entry points).
 */
import type {
  HclAttribute,
  HclBlock,
  HclBody,
  HclExpr,
  HclTemplatePart,
  HclSyntaxError,
  HclComment,
} from './hcl-ast'
import { HclExpressionParser } from './hcl-expressions'
import { SyntaxFault, EOF, IDENT, QUOTE, LBRACE, RBRACE, ASSIGN } from './hcl-lexer'
import { BARE } from './hcl-templates'

export { MAX_DEPTH } from './hcl-lexer'

export interface NativeParse {
  body: HclBody
  errors: HclSyntaxError[]
  comments: HclComment[]
}

/** Parses a whole .tf / .tfvars file. `lineOffset` is added to every line. */
export function parseNative(path: string, text: string, lineOffset = 0): NativeParse {
  const p = new Parser(path, text, lineOffset)
  const body = p.file()
  return { body, errors: p.errors, comments: p.comments }
}

/**
 * Parses `text` as template content (a decoded .tf.json string). Lines count from `firstLine`. Returns
 * undefined (and the errors) when the template is broken.
 */
export function parseTemplateText(
  path: string,
  text: string,
  firstLine: number,
): { parts: HclTemplatePart[]; errors: HclSyntaxError[] } {
  const p = new Parser(path, text, firstLine - 1)
  let parts: HclTemplatePart[] = []
  try {
    const r = p.templateParts(BARE, text.length, -1, false)
    parts = r.parts
    if (r.end.keyword) throw new SyntaxFault(`unexpected \`%{${r.end.keyword}}\``, p.pos)
  } catch (e) {
    if (!(e instanceof SyntaxFault)) throw e
    p.report(e.message, e.at)
  }
  return { parts, errors: p.errors }
}

/** The body layer: a file's arguments and blocks, with error recovery per argument and per block. */
class Parser extends HclExpressionParser {
  file(): HclBody {
    this.next()
    if (this.tok === LBRACE) {
      // A JSON-looking top-level object (a .tfvars file written as JSON).
      const body: HclBody = { attributes: [], blocks: [], startLine: 1, endLine: 1 }
      try {
        const o = this.expression()
        if (o.type === 'object') {
          for (const it of o.items) {
            if (it.key.type === 'literal' && typeof it.key.value === 'string') {
              body.attributes.push({
                name: it.key.value,
                expr: it.value,
                startLine: it.key.startLine,
                endLine: it.value.endLine,
              })
            }
          }
        }
        if (this.tok !== EOF) throw this.fault('end of file')
      } catch (e) {
        if (!(e instanceof SyntaxFault)) throw e
        this.report(e.message, e.at)
      }
      return body
    }
    const body = this.body(false)
    return body ?? { attributes: [], blocks: [], startLine: 1, endLine: 1 }
  }

  /**
   * Attributes and blocks up to `}` (inside a block) or the end of file. Undefined when there are none
   * (the block's own span is used then, like the tree-sitter parser did).
   */
  private body(inBlock: boolean): HclBody | undefined {
    const attributes: HclAttribute[] = []
    const blocks: HclBlock[] = []
    let start = -1
    let end = 0
    for (;;) {
      const t = this.tok
      if (t === EOF) {
        if (inBlock) this.report('missing `}` to close the block', this.lastEnd)
        break
      }
      if (t === RBRACE) {
        if (inBlock) break
        this.report('unexpected `}`', this.tokStart)
        this.next()
        continue
      }
      const itemStart = this.tokStart
      if (t !== IDENT) {
        this.report(`unexpected ${this.describe()}; expected an argument or block`, this.tokStart)
        this.skipLine()
        continue
      }
      const name = this.tokName()
      const nameEnd = this.tokEnd
      this.next()
      if (this.tok === ASSIGN) {
        this.next()
        const expr = this.attributeValue(itemStart)
        attributes.push({
          name,
          expr,
          startLine: this.line(itemStart),
          endLine: this.line(Math.max(itemStart, this.lastEnd - 1)),
        })
      } else if (this.tok === IDENT || this.tok === QUOTE || this.tok === LBRACE) {
        const b = this.block(name, itemStart)
        if (b) blocks.push(b)
      } else {
        this.report(
          `unexpected ${this.describe()} after \`${name}\`; expected \`=\` or a block`,
          this.tok === EOF || this.tokNl ? nameEnd : this.tokStart,
        )
        if (!this.tokNl) this.skipLine()
        continue
      }
      if (start < 0) start = itemStart
      end = this.lastEnd
    }
    if (start < 0) return undefined
    return { attributes, blocks, startLine: this.line(start), endLine: this.line(end - 1) }
  }

  /** The expression of an argument; a syntax error makes it `invalid` and skips to the next line. */
  private attributeValue(itemStart: number): HclExpr {
    const depth = this.depth
    const valueStart = this.tokStart
    try {
      this.nlSignificant = true
      const e = this.expression()
      if (!(this.tokNl || this.tok === EOF || this.tok === RBRACE)) {
        throw new SyntaxFault(`unexpected ${this.describe()} after the argument's value`, this.tokStart)
      }
      return e
    } catch (e) {
      if (!(e instanceof SyntaxFault)) throw e
      this.depth = depth
      this.nlSignificant = true
      this.report(e.message, e.at)
      // Resume at the line where the error was found, unless the bad token itself starts a new line
      // (`x = foo(` followed by `}`): then that token is the next item.
      if (!(this.tokNl && this.tokStart >= e.at)) this.skipLine(e.at)
      const end = Math.max(valueStart, Math.min(this.lastEnd, this.tokStart))
      return {
        type: 'invalid',
        text: this.src(valueStart, end),
        startLine: this.line(itemStart),
        endLine: this.line(Math.max(itemStart, end - 1)),
      }
    }
  }

  /** Skips to the first token on a later line than offset `from` (default: the current token). */
  private skipLine(from = this.tokStart): void {
    const nl = this.text.indexOf('\n', Math.max(from, this.tokStart))
    this.pos = nl === -1 ? this.len : nl
    this.tokEnd = Math.max(this.lastEnd, Math.min(this.tokEnd, this.pos))
    this.next()
  }

  private block(type: string, start: number): HclBlock | undefined {
    const labels: string[] = []
    const depth = this.depth
    try {
      this.enter()
      while (this.tok !== LBRACE) {
        if (this.tok === IDENT) {
          labels.push(this.tokName())
          this.next()
        } else if (this.tok === QUOTE) {
          const s = this.tokStart
          const e = this.quoted(s)
          if (e.type !== 'literal') throw new SyntaxFault('a block label cannot hold a template', s)
          labels.push(e.value as string)
        } else throw this.fault('`{` to open the block')
      }
      this.next()
      const body = this.body(true)
      const closed = this.tok === RBRACE
      const end = closed ? this.tokEnd : this.lastEnd
      if (closed) this.next()
      this.depth = depth
      const startLine = this.line(start)
      const endLine = this.line(end - 1)
      return {
        type,
        labels,
        body: body ?? { attributes: [], blocks: [], startLine, endLine },
        startLine,
        endLine,
      }
    } catch (e) {
      if (!(e instanceof SyntaxFault)) throw e
      this.depth = depth
      this.report(e.message, e.at)
      this.skipLine(e.at)
      return undefined
    }
  }
}
