/**
 * The lexer of the hand-written HCL parser (hcl-native.ts), and what every layer of the parser shares:
 * source positions (offsets → lines), the syntax errors found so far, and the nesting guard. It produces
 * one token of lookahead without allocating: the current token is fields (`tok`, `tokStart`, `tokEnd`,
 * `tokNl`, `tokOp`), not an object. The parser layers extend this class (templates → expressions →
 * bodies) so those fields stay plain property reads on one object in the hot loop.
 */
import type { HclComment, HclSyntaxError } from './hcl-ast'

/** Longest source text kept on an expression node; messages only need to recognise it. */
export const MAX_TEXT = 300
/** Deepest nesting of brackets, templates and blocks before the parser gives up on an item. */
export const MAX_DEPTH = 400
/** Syntax errors kept per file; a badly broken file would otherwise report every line. */
const MAX_ERRORS = 50

// Token kinds.
export const EOF: number = 0
export const IDENT: number = 1
export const NUMBER: number = 2
export const QUOTE: number = 3 // `"`: the parser scans the string itself
export const HEREDOC: number = 4 // `<<` or `<<-`: the parser scans the heredoc itself
export const LBRACE: number = 5
export const RBRACE: number = 6
export const LBRACK: number = 7
export const RBRACK: number = 8
export const LPAREN: number = 9
export const RPAREN: number = 10
export const COMMA: number = 11
export const DOT: number = 12
export const ELLIPSIS: number = 13
export const ASSIGN: number = 14
export const COLON: number = 15
export const QUESTION: number = 16
export const ARROW: number = 17
export const OP: number = 18 // binary operators and unary `-`; `tokOp` says which
export const BANG: number = 19
export const TILDE: number = 20
export const STAR: number = 21
export const BAD: number = 22 // a character that starts no token

// ASCII character classes: 1 identifier start, 2 identifier continue only (digits, `-`).
const ASCII_ID = new Uint8Array(128)
for (let c = 65; c <= 90; c++) ASCII_ID[c] = 1
for (let c = 97; c <= 122; c++) ASCII_ID[c] = 1
ASCII_ID[95] = 1 // _
for (let c = 48; c <= 57; c++) ASCII_ID[c] = 2
ASCII_ID[45] = 2 // -

const ID_START = /[\p{ID_Start}]/u
const ID_CONTINUE = /[\p{ID_Continue}]/u

/**
 * Short names and strings the parser made before, by a hash of their characters (one per slot, the last
 * made wins). Most of a Terraform file is the same few dozen names and strings again and again
 * (`name`, `resource_group_name`, `"Outbound"`, `var`): handing out the string made before saves a
 * string per occurrence, and the evaluator's maps and objects keyed by them then hash each string once.
 * Shared by every file parsed on the thread; entries never hold on to a file's text (see intern).
 */
const INTERN_SLOTS = 4096
const MAX_INTERNED = 64
const interned: string[] = new Array<string>(INTERN_SLOTS).fill('')

export class SyntaxFault extends Error {
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

/** Tokens, positions and errors of one source text; the parser layers build on it. */
export class HclLexer {
  readonly errors: HclSyntaxError[] = []
  readonly comments: HclComment[] = []
  protected readonly lines: Lines
  protected readonly len: number

  /** Where the lexer reads next. */
  pos = 0

  // The current token (one token of lookahead).
  protected tok = EOF
  protected tokStart = 0
  protected tokEnd = 0

  /** A newline lies between the previous token and this one. */
  protected tokNl = false
  protected tokOp = ''

  /** End of the previous token. */
  protected lastEnd = 0

  /** Inside brackets newlines are insignificant; in a body or object they end an item. */
  protected nlSignificant = true
  protected depth = 0

  constructor(
    protected readonly path: string,
    protected readonly text: string,
    protected readonly lineOffset: number,
  ) {
    this.lines = new Lines(text)
    this.len = text.length
  }

  protected line(offset: number): number {
    return this.lines.index(offset) + 1 + this.lineOffset
  }

  protected src(start: number, end: number): string {
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
  protected fault(expected: string): SyntaxFault {
    if (this.tokNl || this.tok === EOF) {
      return new SyntaxFault(`missing ${expected}`, this.lastEnd)
    }
    return new SyntaxFault(`unexpected ${this.describe()}; expected ${expected}`, this.tokStart)
  }

  protected describe(): string {
    if (this.tok === EOF) return 'end of file'
    const t = this.text.slice(this.tokStart, Math.min(this.tokEnd, this.tokStart + 40))
    return `\`${t}\``
  }

  protected enter(): void {
    if (++this.depth > MAX_DEPTH) {
      throw new SyntaxFault(`nesting deeper than ${MAX_DEPTH} levels`, this.tokStart)
    }
  }

  /** Reads the next token into tok/tokStart/tokEnd/tokNl; comments are collected on the way. */
  protected next(): void {
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

  protected comment(start: number, end: number): void {
    this.comments.push({
      text: this.text.slice(start, end),
      startLine: this.line(start),
      endLine: this.line(end > start ? end - 1 : start),
    })
  }

  /** End of an identifier whose first character ends before `p`: letters, digits, `_`, `-`, and `::` joins. */
  protected identEnd(p: number): number {
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

  protected isIdentStartAt(p: number): boolean {
    const c = this.text.charCodeAt(p)
    if (c < 128) return ASCII_ID[c] === 1
    if (c !== c) return false
    return ID_START.test(String.fromCodePoint(this.text.codePointAt(p)!))
  }

  protected numberEnd(p: number): number {
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

  protected tokText(): string {
    return this.text.slice(this.tokStart, this.tokEnd)
  }

  /** The source text from `start` to `end`, as the same string as last time for short texts (see interned). */
  protected intern(start: number, end: number): string {
    const len = end - start
    const text = this.text
    if (len > MAX_INTERNED) return text.slice(start, end)
    // A cheap hash (the length and four characters), not one over every character: a collision only
    // costs a string made again, and the comparison below is what decides.
    const h =
      Math.imul(len, 0x9e3779b1) ^
      Math.imul(text.charCodeAt(start), 0x85ebca6b) ^
      Math.imul(text.charCodeAt(start + (len >> 1)), 0xc2b2ae35) ^
      Math.imul(text.charCodeAt(end - 1), 0x27d4eb2f) ^
      text.charCodeAt(start + (len >> 2))
    const slot = (h ^ (h >>> 15)) & (INTERN_SLOTS - 1)
    const hit = interned[slot]
    if (hit.length === len) {
      // Compared character by character: startsWith with a position was the costliest line here.
      let i = 0
      while (i < len && hit.charCodeAt(i) === text.charCodeAt(start + i)) i++
      if (i === len) return hit
    }
    // A slice of 13 characters or more is a view into the whole file's text, which the table would then
    // keep alive: a copy of it is made by flattening a concatenation (V8 has no plainer way to copy).
    const s = len < 13 ? text.slice(start, end) : ('\0' + text.slice(start, end)).slice(1)
    interned[slot] = s
    return s
  }

  /** The current token's text, interned (identifiers). */
  protected tokName(): string {
    return this.intern(this.tokStart, this.tokEnd)
  }

  /** Whether the current token may continue the expression before it (a newline ends it in a body). */
  protected continues(): boolean {
    return !(this.tokNl && this.nlSignificant)
  }

  protected expect(kind: number, what: string): void {
    if (this.tok !== kind) throw this.fault(what)
    this.next()
  }
}
