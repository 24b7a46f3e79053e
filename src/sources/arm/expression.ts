/**
 * Tokenizer and parser for ARM template language expressions (`[concat('a', parameters('b'))]`).
 * No published library parses them (Microsoft's parser lives inside the ARM service and Bicep's
 * decompiler, neither usable here), and the grammar is small: literals, function calls, property
 * access and indexing.
 */

export type Expr =
  | { k: 'str'; value: string; text: string }
  | { k: 'num'; value: number; text: string }
  | { k: 'call'; name: string; args: Expr[]; text: string }
  | { k: 'prop'; target: Expr; name: string; text: string }
  | { k: 'index'; target: Expr; index: Expr; text: string }

/**
 * Whether a JSON string is an expression, and its inner text. `[[` escapes a literal leading bracket,
 * and a string that merely starts with `[` but does not end with `]` is a literal too.
 */
export function expressionText(s: string): { expression: string } | { literal: string } {
  if (s.startsWith('[[')) return { literal: s.slice(1) }
  if (s.length >= 2 && s.startsWith('[') && s.endsWith(']')) return { expression: s.slice(1, -1) }
  return { literal: s }
}

export class ExpressionError extends Error {}

class Parser {
  private i = 0

  constructor(private readonly src: string) {}

  parse(): Expr {
    const e = this.expr()
    this.ws()
    if (this.i < this.src.length) this.fail(`unexpected "${this.src[this.i]}"`)
    return e
  }

  private fail(what: string): never {
    throw new ExpressionError(`${what} at position ${this.i + 1} of "${this.src}"`)
  }

  private ws(): void {
    while (this.i < this.src.length && /\s/.test(this.src[this.i])) this.i++
  }

  private peek(): string {
    this.ws()
    return this.src[this.i] ?? ''
  }

  private expect(c: string): void {
    if (this.peek() !== c) this.fail(`expected "${c}"`)
    this.i++
  }

  private depth = 0

  private expr(): Expr {
    // The parser recurses once per nested call: a hostile template nesting 10,000 calls must end here.
    if (++this.depth > MAX_EXPRESSION_DEPTH)
      this.fail(`expression nested more than ${MAX_EXPRESSION_DEPTH} levels deep`)
    try {
      return this.exprAt()
    } finally {
      this.depth--
    }
  }

  private exprAt(): Expr {
    const start = (this.ws(), this.i)
    let e = this.primary()
    for (;;) {
      const c = this.peek()
      if (c === '.') {
        this.i++
        this.ws()
        const name = this.ident()
        e = { k: 'prop', target: e, name, text: this.src.slice(start, this.i) }
      } else if (c === '[') {
        this.i++
        const index = this.expr()
        this.expect(']')
        e = { k: 'index', target: e, index, text: this.src.slice(start, this.i) }
      } else return e
    }
  }

  private match(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.i
    return re.exec(this.src)
  }

  private ident(): string {
    const m = this.match(IDENT)
    if (!m) this.fail('expected a name')
    this.i += m[0].length
    return m[0]
  }

  private primary(): Expr {
    const c = this.peek()
    const start = this.i
    if (c === "'") return this.string()
    if (/[-0-9]/.test(c)) {
      const m = this.match(NUMBER)
      if (!m) this.fail('bad number')
      this.i += m[0].length
      return { k: 'num', value: Number(m[0]), text: m[0] }
    }
    let name = this.ident()
    // User-defined functions are namespaced: `ns.fn(...)`.
    if (this.src[this.i] === '.' && this.match(NAMESPACED) !== null) {
      this.i++
      name += '.' + this.ident()
    }
    this.expect('(')
    const args: Expr[] = []
    if (this.peek() !== ')') {
      args.push(this.expr())
      while (this.peek() === ',') {
        this.i++
        args.push(this.expr())
      }
    }
    this.expect(')')
    return { k: 'call', name, args, text: this.src.slice(start, this.i) }
  }

  private string(): Expr {
    const start = this.i
    this.i++
    let value = ''
    for (;;) {
      if (this.i >= this.src.length) this.fail('unterminated string')
      const ch = this.src[this.i++]
      if (ch === "'") {
        // A doubled quote is an escaped quote.
        if (this.src[this.i] === "'") {
          value += "'"
          this.i++
          continue
        }
        break
      }
      value += ch
    }
    return { k: 'str', value, text: this.src.slice(start, this.i) }
  }
}

/** Deepest nesting of calls, properties and indexes parsed (real templates nest a dozen or so). */
export const MAX_EXPRESSION_DEPTH = 128
// Sticky: matched at the parser's position without copying the rest of the text.
const IDENT = /[A-Za-z_$][A-Za-z0-9_$-]*/y
const NUMBER = /-?\d+(\.\d+)?/y
const NAMESPACED = /\.[A-Za-z_][A-Za-z0-9_]*\s*\(/y

/** Parses the inner text of an expression (without the surrounding brackets). Throws ExpressionError. */
export function parseExpression(src: string): Expr {
  return new Parser(src).parse()
}
