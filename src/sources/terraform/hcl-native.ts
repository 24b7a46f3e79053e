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
 */
import type {
  HclAttribute,
  HclBlock,
  HclBody,
  HclComment,
  HclExpr,
  HclStep,
  HclSyntaxError,
  HclTemplatePart,
} from './hcl-ast'

/** Longest source text kept on an expression node; messages only need to recognise it. */
const MAX_TEXT = 300
/** Deepest nesting of brackets, templates and blocks before the parser gives up on an item. */
export const MAX_DEPTH = 400
/** Syntax errors kept per file; a badly broken file would otherwise report every line. */
const MAX_ERRORS = 50

// Token kinds.
const EOF: number = 0
const IDENT: number = 1
const NUMBER: number = 2
const QUOTE: number = 3 // `"`: the parser scans the string itself
const HEREDOC: number = 4 // `<<` or `<<-`: the parser scans the heredoc itself
const LBRACE: number = 5
const RBRACE: number = 6
const LBRACK: number = 7
const RBRACK: number = 8
const LPAREN: number = 9
const RPAREN: number = 10
const COMMA: number = 11
const DOT: number = 12
const ELLIPSIS: number = 13
const ASSIGN: number = 14
const COLON: number = 15
const QUESTION: number = 16
const ARROW: number = 17
const OP: number = 18 // binary operators and unary `-`; `tokOp` says which
const BANG: number = 19
const TILDE: number = 20
const STAR: number = 21
const BAD: number = 22 // a character that starts no token

/** Binary operator precedence (hclsyntax: `||` lowest, then `&&`, equality, comparison, `+ -`, `* / %`). */
const PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
}

// ASCII character classes: 1 identifier start, 2 identifier continue only (digits, `-`).
const ASCII_ID = new Uint8Array(128)
for (let c = 65; c <= 90; c++) ASCII_ID[c] = 1
for (let c = 97; c <= 122; c++) ASCII_ID[c] = 1
ASCII_ID[95] = 1 // _
for (let c = 48; c <= 57; c++) ASCII_ID[c] = 2
ASCII_ID[45] = 2 // -

const ID_START = /[\p{ID_Start}]/u
const ID_CONTINUE = /[\p{ID_Continue}]/u

class SyntaxFault extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message)
  }
}

/** 1-based lines of offsets; lookups are mostly in increasing order, so the last answer is tried first. */
class Lines {
  readonly starts: number[] = [0]
  private last = 0
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1)
  }
  /** 0-based line index of an offset. */
  index(offset: number): number {
    const s = this.starts
    const i = this.last
    if (s[i] <= offset && (i + 1 >= s.length || offset < s[i + 1])) return i
    if (i + 1 < s.length && s[i + 1] <= offset && (i + 2 >= s.length || offset < s[i + 2])) {
      this.last = i + 1
      return i + 1
    }
    let lo = 0
    let hi = s.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (s[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    this.last = lo
    return lo
  }
}

interface TemplateEnd {
  /** `else`, `endif`, `endfor`, or '' when the template ended (closing quote / end of heredoc). */
  keyword: string
  stripLeft: boolean
  stripRight: boolean
}

/** How template literal text is decoded. */
const QUOTED = 0
const HEREDOC_BODY = 1
/** A decoded JSON string (.tf.json): only the `$${` / `%%{` escapes. */
const BARE = 2

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

class Parser {
  readonly errors: HclSyntaxError[] = []
  readonly comments: HclComment[] = []
  private readonly lines: Lines
  private readonly len: number

  /** Where the lexer reads next. */
  pos = 0
  // The current token (one token of lookahead).
  private tok = EOF
  private tokStart = 0
  private tokEnd = 0
  /** A newline lies between the previous token and this one. */
  private tokNl = false
  private tokOp = ''
  /** End of the previous token. */
  private lastEnd = 0
  /** Inside brackets newlines are insignificant; in a body or object they end an item. */
  private nlSignificant = true
  private depth = 0

  constructor(
    private readonly path: string,
    private readonly text: string,
    private readonly lineOffset: number,
  ) {
    this.lines = new Lines(text)
    this.len = text.length
  }

  // ---------------------------------------------------------------------------------------------------
  // positions and errors
  // ---------------------------------------------------------------------------------------------------

  private line(offset: number): number {
    return this.lines.index(offset) + 1 + this.lineOffset
  }

  private src(start: number, end: number): string {
    return end - start > MAX_TEXT
      ? this.text.slice(start, start + MAX_TEXT) + '…'
      : this.text.slice(start, end)
  }

  report(message: string, at: number): void {
    if (this.errors.length >= MAX_ERRORS) return
    const i = this.lines.index(Math.min(at, this.len))
    const column = Math.min(at, this.len) - this.lines.starts[i] + 1
    const line = i + 1 + this.lineOffset
    this.errors.push({
      message: `${message} (column ${column})`,
      origin: { file: this.path, startLine: line, endLine: line },
    })
  }

  /** An error at the current token: "missing X" at the end of the line before when the token starts a new line. */
  private fault(expected: string): SyntaxFault {
    if (this.tokNl || this.tok === EOF) {
      return new SyntaxFault(`missing ${expected}`, this.lastEnd)
    }
    return new SyntaxFault(`unexpected ${this.describe()}; expected ${expected}`, this.tokStart)
  }

  private describe(): string {
    if (this.tok === EOF) return 'end of file'
    const t = this.text.slice(this.tokStart, Math.min(this.tokEnd, this.tokStart + 40))
    return `\`${t}\``
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) {
      throw new SyntaxFault(`nesting deeper than ${MAX_DEPTH} levels`, this.tokStart)
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // lexer
  // ---------------------------------------------------------------------------------------------------

  /** Reads the next token into tok/tokStart/tokEnd/tokNl; comments are collected on the way. */
  private next(): void {
    const text = this.text
    const len = this.len
    this.lastEnd = this.tokEnd
    let p = this.pos
    let nl = false
    let c: number
    for (;;) {
      if (p >= len) {
        this.tok = EOF
        this.tokStart = this.tokEnd = this.pos = len
        this.tokNl = true
        return
      }
      c = text.charCodeAt(p)
      if (c === 32 || c === 9 || c === 13) p++
      else if (c === 10) {
        nl = true
        p++
      } else if (c === 35 /* # */ || (c === 47 /* / */ && text.charCodeAt(p + 1) === 47)) {
        let e = text.indexOf('\n', p)
        if (e === -1) e = len
        this.comment(p, e)
        p = e
      } else if (c === 47 && text.charCodeAt(p + 1) === 42 /* * */) {
        let e = text.indexOf('*/', p + 2)
        e = e === -1 ? len : e + 2
        this.comment(p, e)
        if (text.lastIndexOf('\n', e - 1) >= p) nl = true
        p = e
      } else break
    }
    this.tokNl = nl
    this.tokStart = p
    if (c < 128 && ASCII_ID[c] === 1) {
      p = this.identEnd(p + 1)
      this.tok = IDENT
    } else if (c >= 48 && c <= 57) {
      p = this.numberEnd(p)
      this.tok = NUMBER
    } else if (c >= 128) {
      const cp = text.codePointAt(p)!
      const ch = String.fromCodePoint(cp)
      if (ID_START.test(ch)) {
        p = this.identEnd(p + ch.length)
        this.tok = IDENT
      } else {
        p += ch.length
        this.tok = BAD
      }
    } else {
      const d = text.charCodeAt(p + 1)
      p++
      switch (c) {
        case 34:
          this.tok = QUOTE
          break
        case 123:
          this.tok = LBRACE
          break
        case 125:
          this.tok = RBRACE
          break
        case 91:
          this.tok = LBRACK
          break
        case 93:
          this.tok = RBRACK
          break
        case 40:
          this.tok = LPAREN
          break
        case 41:
          this.tok = RPAREN
          break
        case 44:
          this.tok = COMMA
          break
        case 46: // .
          if (d === 46 && text.charCodeAt(p + 1) === 46) {
            this.tok = ELLIPSIS
            p += 2
          } else this.tok = DOT
          break
        case 61: // =
          if (d === 61) {
            this.tok = OP
            this.tokOp = '=='
            p++
          } else if (d === 62) {
            this.tok = ARROW
            p++
          } else this.tok = ASSIGN
          break
        case 33: // !
          if (d === 61) {
            this.tok = OP
            this.tokOp = '!='
            p++
          } else this.tok = BANG
          break
        case 60: // <
          if (d === 60) {
            this.tok = HEREDOC
            p++
            if (text.charCodeAt(p) === 45) p++
          } else if (d === 61) {
            this.tok = OP
            this.tokOp = '<='
            p++
          } else {
            this.tok = OP
            this.tokOp = '<'
          }
          break
        case 62: // >
          this.tok = OP
          if (d === 61) {
            this.tokOp = '>='
            p++
          } else this.tokOp = '>'
          break
        case 38: // &
          if (d === 38) {
            this.tok = OP
            this.tokOp = '&&'
            p++
          } else this.tok = BAD
          break
        case 124: // |
          if (d === 124) {
            this.tok = OP
            this.tokOp = '||'
            p++
          } else this.tok = BAD
          break
        case 43:
          this.tok = OP
          this.tokOp = '+'
          break
        case 45:
          this.tok = OP
          this.tokOp = '-'
          break
        case 42:
          this.tok = STAR
          this.tokOp = '*'
          break
        case 47:
          this.tok = OP
          this.tokOp = '/'
          break
        case 37:
          this.tok = OP
          this.tokOp = '%'
          break
        case 58:
          this.tok = COLON
          break
        case 63:
          this.tok = QUESTION
          break
        case 126:
          this.tok = TILDE
          break
        default:
          this.tok = BAD
      }
    }
    this.tokEnd = this.pos = p
  }

  private comment(start: number, end: number): void {
    this.comments.push({
      text: this.text.slice(start, end),
      startLine: this.line(start),
      endLine: this.line(end > start ? end - 1 : start),
    })
  }

  /** End of an identifier whose first character ends before `p`: letters, digits, `_`, `-`, and `::` joins. */
  private identEnd(p: number): number {
    const text = this.text
    for (;;) {
      const c = text.charCodeAt(p)
      if (c < 128) {
        if (ASCII_ID[c] !== 0) p++
        else if (c === 58 && text.charCodeAt(p + 1) === 58 && this.isIdentStartAt(p + 2)) p += 3
        else return p
      } else if (c === c /* not NaN */) {
        const ch = String.fromCodePoint(text.codePointAt(p)!)
        if (!ID_CONTINUE.test(ch)) return p
        p += ch.length
      } else return p
    }
  }

  private isIdentStartAt(p: number): boolean {
    const c = this.text.charCodeAt(p)
    if (c < 128) return ASCII_ID[c] === 1
    if (c !== c) return false
    return ID_START.test(String.fromCodePoint(this.text.codePointAt(p)!))
  }

  private numberEnd(p: number): number {
    const text = this.text
    const digits = (q: number): number => {
      while (q < this.len) {
        const c = text.charCodeAt(q)
        if (c < 48 || c > 57) break
        q++
      }
      return q
    }
    p = digits(p)
    if (text.charCodeAt(p) === 46) {
      const c = text.charCodeAt(p + 1)
      if (c >= 48 && c <= 57) p = digits(p + 1)
    }
    const e = text.charCodeAt(p)
    if (e === 101 || e === 69) {
      let q = p + 1
      const s = text.charCodeAt(q)
      if (s === 43 || s === 45) q++
      const c = text.charCodeAt(q)
      if (c >= 48 && c <= 57) p = digits(q)
    }
    return p
  }

  private tokText(): string {
    return this.text.slice(this.tokStart, this.tokEnd)
  }

  /** Whether the current token may continue the expression before it (a newline ends it in a body). */
  private continues(): boolean {
    return !(this.tokNl && this.nlSignificant)
  }

  private expect(kind: number, what: string): void {
    if (this.tok !== kind) throw this.fault(what)
    this.next()
  }

  // ---------------------------------------------------------------------------------------------------
  // structure
  // ---------------------------------------------------------------------------------------------------

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
      const name = this.tokText()
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
          labels.push(this.tokText())
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

  // ---------------------------------------------------------------------------------------------------
  // expressions
  // ---------------------------------------------------------------------------------------------------

  /** Expression: binary operations, then an optional `? :` conditional (right-associative). */
  private expression(): HclExpr {
    this.enter()
    const start = this.tokStart
    const cond = this.binary(0)
    let result = cond
    if (this.tok === QUESTION && this.continues()) {
      this.next()
      const then = this.expression()
      if (this.tok !== COLON) throw this.fault('`:` of the conditional')
      this.next()
      const els = this.expression()
      const end = this.lastEnd
      result = {
        type: 'conditional',
        cond,
        then,
        else: els,
        text: this.src(start, end),
        startLine: this.line(start),
        endLine: this.line(end - 1),
      }
    }
    this.depth--
    return result
  }

  /** Precedence climbing over the left-associative binary operators. */
  private binary(minPrec: number): HclExpr {
    const start = this.tokStart
    let left = this.unary()
    for (;;) {
      if ((this.tok !== OP && this.tok !== STAR) || !this.continues()) return left
      const op = this.tokOp
      const prec = PRECEDENCE[op]
      if (prec <= minPrec) return left
      this.next()
      this.enter()
      const right = this.binary(prec)
      this.depth--
      const end = this.lastEnd
      left = {
        type: 'binary',
        op,
        left,
        right,
        text: this.src(start, end),
        startLine: this.line(start),
        endLine: this.line(end - 1),
      }
    }
  }

  private unary(): HclExpr {
    if (this.tok === BANG || (this.tok === OP && this.tokOp === '-')) {
      const start = this.tokStart
      const op = this.tok === BANG ? '!' : '-'
      this.next()
      this.enter()
      const operand = this.unary()
      this.depth--
      const end = this.lastEnd
      return {
        type: 'unary',
        op,
        operand,
        text: this.src(start, end),
        startLine: this.line(start),
        endLine: this.line(end - 1),
      }
    }
    return this.postfix()
  }

  /** A term followed by `.attr`, `.0`, `[index]`, `.*` and `[*]` steps. */
  private postfix(): HclExpr {
    const start = this.tokStart
    const head = this.term()
    if (!((this.tok === DOT || this.tok === LBRACK) && this.continues())) return head
    const steps: HclStep[] = []
    /** Steps of the splat being read; later steps apply per element. */
    let into = steps
    for (;;) {
      if (this.tok === DOT && this.continues()) {
        const c = this.text.charCodeAt(this.pos)
        if (c === 42 /* * */) {
          this.pos++
          this.tokEnd = this.pos
          this.next()
          const splat: HclStep = { kind: 'splat', steps: [] }
          steps.push(splat)
          into = splat.steps
        } else if (c >= 48 && c <= 57) {
          // Legacy index `.0`: digits only (the lexer would read `0.1` as one number).
          const s = this.tokStart
          let q = this.pos
          while (q < this.len && this.text.charCodeAt(q) >= 48 && this.text.charCodeAt(q) <= 57) q++
          const value = Number(this.text.slice(s + 1, q))
          this.pos = q
          this.tokEnd = q
          this.next()
          into.push({
            kind: 'index',
            key: { type: 'literal', value, startLine: this.line(s), endLine: this.line(q - 1) },
          })
        } else {
          this.next()
          if (this.tok !== IDENT) throw this.fault('an attribute name after `.`')
          into.push({ kind: 'attr', name: this.tokText() })
          this.next()
        }
      } else if (this.tok === LBRACK && this.continues()) {
        const saved = this.nlSignificant
        this.nlSignificant = false
        this.next()
        if (this.tok === STAR) {
          this.next()
          if (this.tok !== RBRACK) throw this.fault('`]` of the splat `[*]`')
          this.nlSignificant = saved
          this.next()
          const splat: HclStep = { kind: 'splat', steps: [] }
          steps.push(splat)
          into = splat.steps
        } else {
          const key = this.expression()
          if (this.tok !== RBRACK) throw this.fault('`]` to close the index')
          this.nlSignificant = saved
          this.next()
          into.push({ kind: 'index', key })
        }
      } else break
    }
    const end = this.lastEnd
    return {
      type: 'traversal',
      target: head,
      steps,
      text: this.src(start, end),
      startLine: this.line(start),
      endLine: this.line(end - 1),
    }
  }

  private term(): HclExpr {
    const start = this.tokStart
    switch (this.tok) {
      case NUMBER: {
        const value = Number(this.tokText())
        const line = this.line(start)
        this.next()
        return { type: 'literal', value, startLine: line, endLine: line }
      }
      case IDENT: {
        const name = this.tokText()
        const end = this.tokEnd
        this.next()
        if (name === 'true' || name === 'false' || name === 'null') {
          const line = this.line(start)
          return {
            type: 'literal',
            value: name === 'null' ? null : name === 'true',
            startLine: line,
            endLine: line,
          }
        }
        if (this.tok === LPAREN && this.continues()) return this.call(name, start)
        const line = this.line(start)
        return { type: 'variable', name, text: this.src(start, end), startLine: line, endLine: line }
      }
      case QUOTE:
        return this.quoted(start)
      case HEREDOC:
        return this.heredoc(start)
      case LPAREN: {
        const saved = this.nlSignificant
        this.nlSignificant = false
        this.next()
        const inner = this.expression()
        if (this.tok !== RPAREN) throw this.fault('`)`')
        this.nlSignificant = saved
        const end = this.tokEnd
        this.next()
        return {
          type: 'paren',
          expr: inner,
          text: this.src(start, end),
          startLine: this.line(start),
          endLine: this.line(end - 1),
        }
      }
      case LBRACK:
        return this.tuple(start)
      case LBRACE:
        return this.object(start)
      default:
        throw this.fault('an expression')
    }
  }

  private call(name: string, start: number): HclExpr {
    const saved = this.nlSignificant
    this.nlSignificant = false
    this.enter()
    this.next() // (
    const args: HclExpr[] = []
    let expandFinal = false
    while (this.tok !== RPAREN) {
      args.push(this.expression())
      if (this.tok === ELLIPSIS) {
        expandFinal = true
        this.next()
        if (this.tok !== RPAREN) throw this.fault('`)` after `...`')
        break
      }
      if (this.tok === COMMA) this.next()
      else if (this.tok !== RPAREN) throw this.fault('`,` or `)`')
    }
    this.depth--
    this.nlSignificant = saved
    const end = this.tokEnd
    this.next()
    return {
      type: 'call',
      name,
      args,
      expandFinal,
      text: this.src(start, end),
      startLine: this.line(start),
      endLine: this.line(end - 1),
    }
  }

  /** `for` right after `[` or `{`, followed by an identifier (so an object key named `for` still works). */
  private atFor(): boolean {
    if (this.tok !== IDENT || this.tokEnd - this.tokStart !== 3 || this.tokText() !== 'for') return false
    let p = this.tokEnd
    while (p < this.len) {
      const c = this.text.charCodeAt(p)
      if (c === 32 || c === 9 || c === 10 || c === 13) p++
      else break
    }
    return this.isIdentStartAt(p)
  }

  private tuple(start: number): HclExpr {
    const saved = this.nlSignificant
    this.nlSignificant = false
    this.enter()
    this.next() // [
    if (this.atFor()) return this.forExpr(start, 'tuple', saved)
    const items: HclExpr[] = []
    while (this.tok !== RBRACK) {
      items.push(this.expression())
      if (this.tok === COMMA) this.next()
      else if (this.tok !== RBRACK) throw this.fault('`]`')
    }
    this.depth--
    this.nlSignificant = saved
    const end = this.tokEnd
    this.next()
    return {
      type: 'tuple',
      items,
      text: this.src(start, end),
      startLine: this.line(start),
      endLine: this.line(end - 1),
    }
  }

  private object(start: number): HclExpr {
    const saved = this.nlSignificant
    this.nlSignificant = false
    this.enter()
    this.next() // {
    if (this.atFor()) return this.forExpr(start, 'object', saved)
    const items: { key: HclExpr; value: HclExpr }[] = []
    while (this.tok !== RBRACE) {
      // Within an object constructor a newline separates items, like a comma.
      this.nlSignificant = true
      let key = this.expression()
      if (this.tok !== ASSIGN && this.tok !== COLON) throw this.fault('`=` or `:` after the key')
      this.next()
      // A bare identifier key is the name itself, not a variable reference (HCL object syntax).
      if (key.type === 'variable')
        key = { type: 'literal', value: key.name, startLine: key.startLine, endLine: key.endLine }
      const value = this.expression()
      items.push({ key, value })
      this.nlSignificant = false
      if (this.tok === COMMA) this.next()
      else if (this.tok !== RBRACE && !this.tokNl) throw this.fault('`,`, a new line or `}`')
    }
    this.depth--
    this.nlSignificant = saved
    const end = this.tokEnd
    this.next()
    return {
      type: 'object',
      items,
      text: this.src(start, end),
      startLine: this.line(start),
      endLine: this.line(end - 1),
    }
  }

  /** `for k, v in coll`, shared by for expressions and `%{for}` directives; cursor on `for`. */
  private forIntro(): { vars: string[]; coll: HclExpr } {
    this.next() // for
    const vars: string[] = []
    if (this.tok !== IDENT) throw this.fault('a variable name after `for`')
    vars.push(this.tokText())
    this.next()
    if (this.tok === COMMA) {
      this.next()
      if (this.tok !== IDENT) throw this.fault('a second variable name')
      vars.push(this.tokText())
      this.next()
    }
    if (this.tok !== IDENT || this.tokText() !== 'in') throw this.fault('`in`')
    this.next()
    return { vars, coll: this.expression() }
  }

  /** `[for k, v in coll : value if cond]` / `{for k, v in coll : key => value... if cond}`; cursor on `for`. */
  private forExpr(start: number, result: 'tuple' | 'object', saved: boolean): HclExpr {
    const { vars, coll } = this.forIntro()
    this.expect(COLON, '`:` after the collection')
    let key: HclExpr | undefined
    let value = this.expression()
    if (result === 'object') {
      this.expect(ARROW, '`=>`')
      key = value
      value = this.expression()
    }
    let group = false
    if (result === 'object' && this.tok === ELLIPSIS) {
      group = true
      this.next()
    }
    let cond: HclExpr | undefined
    if (this.tok === IDENT && this.tokText() === 'if') {
      this.next()
      cond = this.expression()
    }
    const close = result === 'tuple' ? RBRACK : RBRACE
    if (this.tok !== close) throw this.fault(result === 'tuple' ? '`]`' : '`}`')
    this.depth--
    this.nlSignificant = saved
    const end = this.tokEnd
    this.next()
    const keyVar = vars.length > 1 ? vars[0] : undefined
    const valueVar = vars[vars.length - 1]
    const text = this.src(start, end)
    const startLine = this.line(start)
    const endLine = this.line(end - 1)
    return result === 'tuple'
      ? { type: 'for', result, keyVar, valueVar, coll, value, group, cond, text, startLine, endLine }
      : { type: 'for', result, keyVar, valueVar, coll, key, value, group, cond, text, startLine, endLine }
  }

  // ---------------------------------------------------------------------------------------------------
  // templates
  // ---------------------------------------------------------------------------------------------------

  /** A quoted string; the current token is its `"`. A string without interpolation is a literal. */
  private quoted(start: number): HclExpr {
    this.enter()
    // Most strings are plain text: up to the closing `"` with no escape, interpolation, directive or newline,
    // the value is the source slice (templateParts would allocate its parts and closures for the same).
    const text = this.text
    for (let p = this.pos; p < this.len; p++) {
      const c = text.charCodeAt(p)
      if (c === 34 /* " */) {
        this.depth--
        const value = text.slice(this.pos, p)
        this.pos = p + 1
        this.tokEnd = p + 1
        this.next()
        return { type: 'literal', value, startLine: this.line(start), endLine: this.line(p) }
      }
      if (c === 92 /* \ */ || c === 36 /* $ */ || c === 37 /* % */ || c === 10) break
    }
    const r = this.templateParts(QUOTED, this.len, -1, false)
    this.depth--
    if (r.end.keyword) throw new SyntaxFault(`unexpected \`%{${r.end.keyword}}\``, this.pos)
    const end = this.pos
    this.tokEnd = end
    this.next()
    const parts = r.parts
    if (parts.length === 0 || (parts.length === 1 && parts[0].kind === 'literal')) {
      return {
        type: 'literal',
        value: parts.length === 0 ? '' : (parts[0] as { value: string }).value,
        startLine: this.line(start),
        endLine: this.line(end - 1),
      }
    }
    return {
      type: 'template',
      parts,
      text: this.src(start, end),
      startLine: this.line(start),
      endLine: this.line(end - 1),
    }
  }

  /** `<<ID` / `<<-ID`, a newline, lines, then ID alone on a line; the current token is the `<<`. */
  private heredoc(start: number): HclExpr {
    const text = this.text
    const flush = text.charCodeAt(this.tokEnd - 1) === 45
    const idStart = this.tokEnd
    if (!this.isIdentStartAt(idStart)) throw new SyntaxFault('missing heredoc identifier after `<<`', idStart)
    const idEnd = this.identEnd(idStart + 1)
    const id = text.slice(idStart, idEnd)
    let nl = idEnd
    while (text.charCodeAt(nl) === 32 || text.charCodeAt(nl) === 9 || text.charCodeAt(nl) === 13) nl++
    if (text.charCodeAt(nl) !== 10) throw new SyntaxFault('a heredoc identifier must end its line', nl)
    const contentStart = nl + 1
    // The closing line: only the identifier, possibly indented.
    let closeLineStart = -1
    let end = -1
    for (let ls = contentStart; ls < this.len;) {
      let q = ls
      while (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9) q++
      if (text.startsWith(id, q)) {
        let r = q + id.length
        while (text.charCodeAt(r) === 32 || text.charCodeAt(r) === 9 || text.charCodeAt(r) === 13) r++
        if (r >= this.len || text.charCodeAt(r) === 10) {
          closeLineStart = ls
          end = q + id.length
          break
        }
      }
      const n = text.indexOf('\n', ls)
      if (n === -1) break
      ls = n + 1
    }
    if (closeLineStart < 0) throw new SyntaxFault(`heredoc \`${id}\` is never closed`, start)
    let indent = -1
    if (flush) {
      // `<<-` removes the smallest indentation of the non-blank content lines.
      indent = Infinity
      for (const l of text.slice(contentStart, closeLineStart).split('\n')) {
        if (l.trim() === '') continue
        indent = Math.min(indent, l.length - l.trimStart().length)
      }
      if (indent === Infinity) indent = 0
    }
    this.enter()
    this.pos = contentStart
    const r = this.templateParts(HEREDOC_BODY, closeLineStart, indent, false)
    this.depth--
    if (r.end.keyword) throw new SyntaxFault(`unexpected \`%{${r.end.keyword}}\``, this.pos)
    this.pos = end
    this.tokEnd = end
    this.next()
    return {
      type: 'template',
      parts: r.parts,
      text: this.src(start, end),
      startLine: this.line(start),
      endLine: this.line(end - 1),
    }
  }

  /**
   * Template content from `this.pos`: literal text, `${...}` interpolations and `%{...}` directives, up to
   * the closing `"` (QUOTED: pos is left after it), `limit` (heredoc, bare), or a directive keyword that
   * ends a directive body (`else`, `endif`, `endfor`; pos is left after its `}`).
   */
  templateParts(
    mode: number,
    limit: number,
    indent: number,
    inDirective: boolean,
  ): { parts: HclTemplatePart[]; end: TemplateEnd } {
    const text = this.text
    const out: HclTemplatePart[] = []
    let litStart = this.pos
    let pendingTrim = false
    const flush = (to: number): void => {
      if (to > litStart) {
        let value = this.decode(mode, litStart, to, indent)
        if (pendingTrim) value = value.trimStart()
        if (value !== '') {
          const prev = out[out.length - 1]
          if (prev && prev.kind === 'literal') prev.value += value
          else out.push({ kind: 'literal', value })
        }
      }
      pendingTrim = false
    }
    let p = this.pos
    for (;;) {
      if (p >= limit) {
        if (mode === QUOTED) throw new SyntaxFault('missing `"` to close the string', limit)
        flush(limit)
        this.pos = limit
        return { parts: out, end: { keyword: '', stripLeft: false, stripRight: false } }
      }
      const c = text.charCodeAt(p)
      if (mode === QUOTED) {
        if (c === 34) {
          flush(p)
          this.pos = p + 1
          return { parts: out, end: { keyword: '', stripLeft: false, stripRight: false } }
        }
        if (c === 92 /* \ */) {
          p += 2
          continue
        }
        if (c === 10) throw new SyntaxFault('missing `"` to close the string', p)
      }
      if ((c === 36 /* $ */ || c === 37) /* % */ && text.charCodeAt(p + 1) === 123) {
        flush(p)
        this.pos = p + 2
        this.tokEnd = p + 2
        if (c === 36) {
          const saved = this.nlSignificant
          this.nlSignificant = false
          this.next()
          let stripLeft = false
          if (this.tok === TILDE) {
            stripLeft = true
            this.next()
          }
          const expr = this.expression()
          let stripRight = false
          if (this.tok === TILDE) {
            stripRight = true
            this.next()
          }
          if (this.tok !== RBRACE) throw this.fault('`}` to close the interpolation')
          this.nlSignificant = saved
          if (stripLeft) trimLast(out)
          out.push({ kind: 'interp', expr })
          pendingTrim = stripRight
          p = this.tokEnd
        } else {
          const d = this.directive(mode, limit, indent)
          if ('keyword' in d) {
            if (!inDirective) throw new SyntaxFault(`unexpected \`%{${d.keyword}}\``, p)
            if (d.stripLeft) trimLast(out)
            return { parts: out, end: d }
          }
          if (d.stripBefore) trimLast(out)
          out.push(d.part)
          pendingTrim = d.stripAfter
          p = this.pos
        }
        litStart = p
        continue
      }
      if ((c === 36 || c === 37) && text.charCodeAt(p + 1) === c && text.charCodeAt(p + 2) === 123) {
        p += 3
        continue
      }
      p++
    }
  }

  /**
   * A directive after `%{`: `if`/`for` are parsed whole (with their bodies); `else`/`endif`/`endfor`
   * are returned as a TemplateEnd for the body being read. Leaves pos after the directive's `}`.
   */
  private directive(
    mode: number,
    limit: number,
    indent: number,
  ): TemplateEnd | { part: HclTemplatePart; stripBefore: boolean; stripAfter: boolean } {
    const saved = this.nlSignificant
    this.nlSignificant = false
    this.next()
    let stripLeft = false
    if (this.tok === TILDE) {
      stripLeft = true
      this.next()
    }
    if (this.tok !== IDENT) throw this.fault('`if`, `for`, `else`, `endif` or `endfor`')
    const keyword = this.tokText()
    const close = (): boolean => {
      let strip = false
      if (this.tok === TILDE) {
        strip = true
        this.next()
      }
      if (this.tok !== RBRACE) throw this.fault('`}` to close the directive')
      this.pos = this.tokEnd
      this.nlSignificant = saved
      return strip
    }
    if (keyword === 'else' || keyword === 'endif' || keyword === 'endfor') {
      this.next()
      const stripRight = close()
      return { keyword, stripLeft, stripRight }
    }
    this.enter()
    if (keyword === 'if') {
      const at = this.tokStart
      this.next()
      const cond = this.expression()
      const introStrip = close()
      const thenR = this.templateParts(mode, limit, indent, true)
      if (introStrip) trimFirst(thenR.parts)
      let elseParts: HclTemplatePart[] = []
      let end = thenR.end
      if (end.keyword === 'else') {
        const elseR = this.templateParts(mode, limit, indent, true)
        elseParts = elseR.parts
        if (end.stripRight) trimFirst(elseParts)
        end = elseR.end
      }
      if (end.keyword !== 'endif') throw new SyntaxFault('missing `%{endif}`', at)
      this.depth--
      return {
        part: { kind: 'if', cond, then: thenR.parts, else: elseParts },
        stripBefore: stripLeft,
        stripAfter: end.stripRight,
      }
    }
    if (keyword === 'for') {
      const at = this.tokStart
      const { vars, coll } = this.forIntro()
      const introStrip = close()
      const bodyR = this.templateParts(mode, limit, indent, true)
      if (introStrip) trimFirst(bodyR.parts)
      if (bodyR.end.keyword !== 'endfor') throw new SyntaxFault('missing `%{endfor}`', at)
      this.depth--
      return {
        part: {
          kind: 'for',
          keyVar: vars.length > 1 ? vars[0] : undefined,
          valueVar: vars[vars.length - 1],
          coll,
          body: bodyR.parts,
        },
        stripBefore: stripLeft,
        stripAfter: bodyR.end.stripRight,
      }
    }
    throw new SyntaxFault(`unknown template directive \`${keyword}\``, this.tokStart)
  }

  /** Literal template text between `from` and `to`, decoded. */
  private decode(mode: number, from: number, to: number, indent: number): string {
    const raw = this.text.slice(from, to)
    if (mode === QUOTED) return unescapeQuoted(raw)
    let s = raw
    if (mode === HEREDOC_BODY && indent > 0) {
      const atLineStart = from === 0 || this.text.charCodeAt(from - 1) === 10
      const lines = s.split('\n')
      for (let i = 0; i < lines.length; i++) {
        if (i === 0 && !atLineStart) continue
        let n = 0
        const l = lines[i]
        while (n < indent && n < l.length && (l[n] === ' ' || l[n] === '\t')) n++
        lines[i] = l.slice(n)
      }
      s = lines.join('\n')
    }
    return s.includes('$${') || s.includes('%%{') ? s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{') : s
  }
}

function trimLast(parts: HclTemplatePart[]): void {
  const last = parts[parts.length - 1]
  if (last && last.kind === 'literal') {
    last.value = last.value.trimEnd()
    if (last.value === '') parts.pop()
  }
}

function trimFirst(parts: HclTemplatePart[]): void {
  const first = parts[0]
  if (first && first.kind === 'literal') {
    first.value = first.value.trimStart()
    if (first.value === '') parts.shift()
  }
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' }

/** The value of quoted-string source text: backslash escapes and the `$${` / `%%{` template escapes. */
export function unescapeQuoted(raw: string): string {
  if (!raw.includes('\\') && !raw.includes('$${') && !raw.includes('%%{')) return raw
  let out = ''
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]
    if (ch === '\\' && i + 1 < raw.length) {
      const n = raw[i + 1]
      if (n === 'u' || n === 'U') {
        const len = n === 'u' ? 4 : 8
        const hex = raw.slice(i + 2, i + 2 + len)
        if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === len) {
          out += String.fromCodePoint(parseInt(hex, 16))
          i += 1 + len
          continue
        }
      }
      out += ESCAPES[n] ?? '\\' + n
      i++
    } else if ((ch === '$' || ch === '%') && raw[i + 1] === ch && raw[i + 2] === '{') {
      out += ch + '{'
      i += 2
    } else out += ch
  }
  return out
}
