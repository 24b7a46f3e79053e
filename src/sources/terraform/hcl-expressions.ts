/**
 * Expression parsing for the hand-written HCL parser: conditionals, binary operators by precedence
 * climbing, unary operators, traversals (`.attr`, `[index]`, splats), literals, function calls, tuples,
 * objects and `for` expressions. Recursive descent whose depth is bounded (`enter`, MAX_DEPTH), so
 * hostile nesting gives a located error, never a stack overflow. Strings and heredocs are the template
 * layer's (hcl-templates.ts), which this one extends.
 */
import type { HclExpr, HclStep } from './hcl-ast'
import {
  IDENT,
  NUMBER,
  QUOTE,
  HEREDOC,
  LBRACE,
  RBRACE,
  LBRACK,
  RBRACK,
  LPAREN,
  RPAREN,
  COMMA,
  DOT,
  ELLIPSIS,
  ASSIGN,
  COLON,
  QUESTION,
  ARROW,
  OP,
  BANG,
  STAR,
} from './hcl-lexer'
import { HclTemplateParser } from './hcl-templates'

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

/** The expression layer. */
export abstract class HclExpressionParser extends HclTemplateParser {
  /** Expression: binary operations, then an optional `? :` conditional (right-associative). */
  protected expression(): HclExpr {
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
  protected binary(minPrec: number): HclExpr {
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

  protected unary(): HclExpr {
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
  protected postfix(): HclExpr {
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
          into.push({ kind: 'attr', name: this.tokName() })
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

  protected term(): HclExpr {
    const start = this.tokStart
    switch (this.tok) {
      case NUMBER: {
        const value = Number(this.tokText())
        const line = this.line(start)
        this.next()
        return { type: 'literal', value, startLine: line, endLine: line }
      }
      case IDENT: {
        const name = this.tokName()
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
        // The expression's text is its one name.
        return { type: 'variable', name, text: name, startLine: line, endLine: line }
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

  protected call(name: string, start: number): HclExpr {
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
  protected atFor(): boolean {
    if (this.tok !== IDENT || this.tokEnd - this.tokStart !== 3 || this.tokText() !== 'for') return false
    let p = this.tokEnd
    while (p < this.len) {
      const c = this.text.charCodeAt(p)
      if (c === 32 || c === 9 || c === 10 || c === 13) p++
      else break
    }
    return this.isIdentStartAt(p)
  }

  protected tuple(start: number): HclExpr {
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

  protected object(start: number): HclExpr {
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
  protected forIntro(): { vars: string[]; coll: HclExpr } {
    this.next() // for
    const vars: string[] = []
    if (this.tok !== IDENT) throw this.fault('a variable name after `for`')
    vars.push(this.tokName())
    this.next()
    if (this.tok === COMMA) {
      this.next()
      if (this.tok !== IDENT) throw this.fault('a second variable name')
      vars.push(this.tokName())
      this.next()
    }
    if (this.tok !== IDENT || this.tokText() !== 'in') throw this.fault('`in`')
    this.next()
    return { vars, coll: this.expression() }
  }

  /** `[for k, v in coll : value if cond]` / `{for k, v in coll : key => value... if cond}`; cursor on `for`. */
  protected forExpr(start: number, result: 'tuple' | 'object', saved: boolean): HclExpr {
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
}
