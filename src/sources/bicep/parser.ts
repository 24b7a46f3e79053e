/**
 * A recursive-descent Bicep parser over lexer.ts's tokens, after the Bicep compiler's own
 * (Azure/bicep src/Bicep.Core/Parsing/Parser.cs, BaseParser.cs, ParamsParser.cs). Hand-written: the
 * tree-sitter grammar it replaced read `'//'` as a comment, had no spread, typed variables, `extension`
 * without alias, postfix `!` or multi-line unions, got operator precedence wrong and scanned to the end
 * of the file for `'''` when recovering, which made parsing quadratic. No npm package parses Bicep.
 *
 * - Linear: every token is read once, except that a broken statement is read a second time to find
 *   where the next one starts.
 * - Bounded: nesting deeper than MAX_DEPTH (brackets, operators, member accesses) is a located syntax
 *   error, never a stack overflow.
 * - Recovering by statement: an error ends the statement it is in (kept as a node marked `hasError`, so
 *   the evaluator knows the name and skips it); parsing resumes at the next line that starts in column 0
 *   with a declaration keyword. Only the first error is reported.
 * - Lenient where that cannot change the reading of a valid file: a line break is accepted after a
 *   binary operator, after `?`/`:` of a conditional, after `,` and before `{` of a body.
 */
import { lex, type Token } from './lexer'
import { Node, type ParsedFile } from './syntax'

/** Deeper nesting than this is refused (real templates stay below 50). */
export const MAX_DEPTH = 500

class ParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message)
  }
}

// Bicep's binary operators and their precedence (TokenTypeHelper.cs); all left-associative.
const PRECEDENCE: Record<string, number> = {
  '*': 100,
  '/': 100,
  '%': 100,
  '+': 90,
  '-': 90,
  '>': 80,
  '>=': 80,
  '<': 80,
  '<=': 80,
  '==': 70,
  '!=': 70,
  '=~': 70,
  '!~': 70,
  '&&': 50,
  '||': 40,
  '??': 30,
}

const STATEMENT_KEYWORDS = new Set([
  'targetScope',
  'metadata',
  'type',
  'param',
  'var',
  'func',
  'resource',
  'output',
  'module',
  'test',
  'import',
  'extension',
  'provider',
  'assert',
  'using',
  'extends',
  'extensionConfig',
])

/** Keywords after which a line break does not continue a lambda body (Bicep's DeclarationKeywords). */
const DECLARATION_KEYWORDS = new Set([
  'assert',
  'import',
  'metadata',
  'param',
  'var',
  'resource',
  'output',
  'module',
  'type',
])

/** A node under construction: children and fields are added as they are parsed. */
class Builder {
  kids: Node[] = []
  fields: Record<string, Node> | undefined
  tokens: string[] | undefined

  constructor(
    readonly type: string,
    readonly start: number,
    readonly startRow: number,
  ) {}

  add(n: Node, fieldName?: string): Node {
    this.kids.push(n)
    if (fieldName) (this.fields ??= {})[fieldName] = n
    return n
  }

  token(t: string): void {
    ;(this.tokens ??= []).push(t)
  }
}

export interface ParseResult {
  root: Node
  error?: { message: string; line: number }
}

/** Parses a .bicep or .bicepparam file; never throws on bad input (the error is in `syntaxError`). */
export function parseBicep(path: string, text: string): ParsedFile {
  const { root, error } = parseTokens(text)
  const parsed: ParsedFile = { path, text, root }
  if (error) {
    parsed.syntaxError = {
      origin: { file: path, startLine: error.line + 1, endLine: error.line + 1 },
      message: `Bicep syntax error: ${error.message}`,
    }
  }
  return parsed
}

export function parseTokens(text: string): ParseResult {
  return new Parser(text, lex(text)).program()
}

class Parser {
  private i = 0
  private depth = 0
  /** End offset and line of the last token read: where a node being finished ends. */
  private lastEnd = 0
  private lastLine = 0
  /** The top-level statement being parsed, kept (marked broken) when it fails. */
  private statement: Builder | undefined

  constructor(
    private readonly text: string,
    private readonly toks: Token[],
  ) {}

  // ---- tokens --------------------------------------------------------------------------------------

  private peek(ahead = 0): Token {
    return this.toks[Math.min(this.i + ahead, this.toks.length - 1)]
  }

  private next(): Token {
    const t = this.toks[this.i]
    if (t.kind === 'bad') throw new ParseError(t.error ?? 'unexpected input', t.line)
    if (t.kind !== 'eof') this.i++
    this.lastEnd = t.end
    this.lastLine = t.endLine
    return t
  }

  private is(text: string, ahead = 0): boolean {
    const t = this.peek(ahead)
    return t.kind === 'punct' && t.text === text
  }

  private isWord(word: string, ahead = 0): boolean {
    const t = this.peek(ahead)
    return t.kind === 'id' && t.text === word
  }

  /** Is the token after an optional line break this punctuation? */
  private isAfterNl(text: string): boolean {
    return this.is(text) || (this.peek().kind === 'nl' && this.is(text, 1))
  }

  private skipNl(): void {
    if (this.peek().kind === 'nl') this.next()
  }

  private fail(expected: string, t: Token = this.peek()): never {
    if (t.kind === 'bad') throw new ParseError(t.error ?? 'unexpected input', t.line)
    throw new ParseError(`expected ${expected}, found ${describe(t, this.text)}`, t.line)
  }

  private expect(text: string, what = `"${text}"`): Token {
    if (!this.is(text)) this.fail(what)
    return this.next()
  }

  private expectWord(word: string): Token {
    if (!this.isWord(word)) this.fail(`"${word}"`)
    return this.next()
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) {
      throw new ParseError(`nesting deeper than ${MAX_DEPTH} levels`, this.peek().line)
    }
  }

  private leave(): void {
    this.depth--
  }

  // ---- nodes ---------------------------------------------------------------------------------------

  private begin(type: string, t: Token = this.peek()): Builder {
    return new Builder(type, t.start, t.line)
  }

  /** Finishes a node that ends with the last token read. */
  private done(b: Builder): Node {
    const n = new Node(b.type, this.text, b.start, this.lastEnd, b.startRow, this.lastLine, b.kids)
    n.fields = b.fields
    n.tokens = b.tokens
    return n
  }

  private leaf(type: string, t: Token): Node {
    return new Node(type, this.text, t.start, t.end, t.line, t.endLine, [])
  }

  /** A node starting where `from` starts (binary operands, postfix accesses). */
  private around(type: string, from: Node): Builder {
    return new Builder(type, from.startIndex, from.startRow)
  }

  // ---- program and statements -----------------------------------------------------------------------

  program(): ParseResult {
    const root = new Builder('infrastructure', 0, 0)
    let error: ParseResult['error']
    for (;;) {
      this.skipNl()
      if (this.peek().kind === 'eof') break
      const first = this.i
      this.statement = undefined
      try {
        const stmt = this.topLevel()
        if (stmt) root.add(stmt)
        if (this.peek().kind !== 'nl' && this.peek().kind !== 'eof')
          this.fail('a line break after the statement')
      } catch (e) {
        if (!(e instanceof ParseError)) throw e
        error ??= { message: e.message, line: e.line }
        if (this.statement) {
          const broken = this.done(this.statement)
          broken.hasError = true
          root.add(broken)
        }
        this.resync(first)
      }
    }
    const n = this.done(root)
    return error ? { root: n, error } : { root: n }
  }

  /**
   * Moves to the first statement keyword in column 0 after the start of the broken statement (not after
   * the error: a statement left open, like an object missing its `}`, may have read the next ones).
   */
  private resync(first: number): void {
    this.depth = 0
    let j = first + 1
    while (j < this.toks.length - 1 && !this.startsStatement(j)) j++
    this.i = j
  }

  /** Does a top-level statement start at token j (a keyword in column 0 followed by a name or string)? */
  private startsStatement(j: number): boolean {
    const t = this.toks[j]
    if (!t.atLineStart) return false
    if (t.kind === 'punct') return t.text === '@'
    if (t.kind !== 'id' || !STATEMENT_KEYWORDS.has(t.text)) return false
    const after = this.toks[j + 1]
    return (
      after.kind === 'id' ||
      after.kind === 'str' ||
      after.kind === 'strL' ||
      (after.kind === 'punct' && '={*'.includes(after.text))
    )
  }

  private decorators(): void {
    while (this.is('@')) {
      this.next()
      this.member()
      this.skipNl()
    }
  }

  /** One top-level statement; undefined for those the evaluator has no use for. */
  private topLevel(): Node | undefined {
    this.decorators()
    const t = this.peek()
    if (t.kind !== 'id') this.fail('a declaration')
    switch (t.text) {
      case 'param':
        return this.param()
      case 'var':
        return this.variable()
      case 'resource':
        return this.resource(true)
      case 'module':
        return this.module()
      case 'output':
        return this.output()
      case 'func':
        return this.func()
      case 'using':
        return this.using()
      case 'type': {
        const b = this.top('type_declaration')
        this.next()
        b.add(this.identifier())
        this.expect('=')
        b.add(this.type())
        return this.done(b)
      }
      case 'metadata':
      case 'assert': {
        const b = this.top(t.text === 'metadata' ? 'metadata_declaration' : 'assert_statement')
        this.next()
        b.add(this.identifier())
        this.expect('=')
        b.add(this.expression())
        return this.done(b)
      }
      case 'targetScope': {
        const b = this.top('target_scope_assignment')
        this.next()
        this.expect('=')
        b.add(this.expression())
        return this.done(b)
      }
      case 'import':
        return this.importStatement()
      case 'extension':
      case 'provider':
        return this.extension()
      case 'extends': {
        const b = this.top('extends_statement')
        this.next()
        b.add(this.string())
        return this.done(b)
      }
      case 'extensionConfig': {
        const b = this.top('extension_config')
        this.next()
        b.add(this.identifier())
        this.expectWord('with')
        b.add(this.object(false))
        return this.done(b)
      }
      case 'test': {
        const b = this.top('test_block')
        this.next()
        b.add(this.identifier())
        b.add(this.string())
        this.expect('=')
        b.add(this.object(false))
        return this.done(b)
      }
    }
    return this.fail('a declaration (param, var, resource, module, output, …)')
  }

  /** Starts a top-level statement: the node that survives an error in it. */
  private top(type: string): Builder {
    this.statement = this.begin(type)
    return this.statement
  }

  private identifier(): Node {
    const t = this.peek()
    if (t.kind !== 'id') this.fail('a name')
    return this.leaf('identifier', this.next())
  }

  /** `param name Type [= default]`, or `param name = value` in a .bicepparam file. */
  private param(): Node {
    const b = this.top('parameter_declaration')
    this.next()
    b.add(this.identifier())
    if (!this.is('=')) b.add(this.type())
    if (this.is('=')) {
      this.next()
      b.add(this.expression(), 'value')
    }
    return this.done(b)
  }

  /** `var name [Type] = value`. */
  private variable(): Node {
    const b = this.top('variable_declaration')
    this.next()
    b.add(this.identifier())
    if (!this.is('=')) b.add(this.type())
    this.expect('=')
    b.add(this.expression(), 'value')
    return this.done(b)
  }

  private output(): Node {
    const b = this.top('output_declaration')
    this.next()
    b.add(this.identifier())
    b.add(this.type(true))
    this.expect('=')
    b.add(this.expression(), 'value')
    return this.done(b)
  }

  /** `resource name 'Type@version' [existing] = body`, at top level or nested in a resource body. */
  private resource(topLevel: boolean): Node {
    const b = topLevel ? this.top('resource_declaration') : this.begin('resource_declaration')
    this.expectWord('resource')
    b.add(this.identifier())
    b.add(this.string())
    if (this.isWord('existing')) {
      this.next()
      b.token('existing')
    }
    this.expect('=')
    b.add(this.body(true), 'value')
    return this.done(b)
  }

  private module(): Node {
    const b = this.top('module_declaration')
    this.next()
    b.add(this.identifier())
    b.add(this.string())
    this.expect('=')
    b.add(this.body(false), 'value')
    return this.done(b)
  }

  /** The body of a resource or module: `{…}`, `if (…) {…}` or `[for … : …]`. */
  private body(resources: boolean): Node {
    if (this.peek().kind === 'nl' && this.isWord('if', 1)) this.next()
    if (this.isWord('if')) return this.ifBody(resources)
    if (this.is('{')) return this.object(resources)
    if (this.is('[')) return this.forExpression(resources, true)
    return this.fail('"{", "if" or "[for"')
  }

  /** `func name(a Type, …) ReturnType => body`. */
  private func(): Node {
    const b = this.top('user_defined_function')
    this.next()
    b.add(this.identifier(), 'name')
    const params = this.begin('parameters')
    this.expect('(')
    this.skipNl()
    while (!this.is(')')) {
      const p = this.begin('parameter')
      p.add(this.identifier())
      p.add(this.type())
      params.add(this.done(p))
      this.skipNl()
      if (!this.is(',')) break
      this.next()
      this.skipNl()
    }
    this.expect(')')
    b.add(this.done(params), 'parameters')
    b.add(this.type(), 'returns')
    this.expect('=>')
    this.lambdaBreak()
    b.add(this.expression(), 'value')
    return this.done(b)
  }

  /** `using 'main.bicep' [with {…}]` or `using none`. */
  private using(): Node {
    const b = this.top('using_statement')
    this.next()
    if (this.isWord('none')) this.next()
    else b.add(this.string())
    if (this.isWord('with')) {
      this.next()
      b.add(this.object(false))
    }
    return this.done(b)
  }

  /** `import {a, b as c} from '…'`, `import * as ns from '…'`, or the older `import 'az@1.0' [with …] [as …]`. */
  private importStatement(): Node {
    const b = this.top('import_statement')
    this.next()
    if (this.peek().kind === 'str' || this.peek().kind === 'strL') return this.extensionRest(b)
    if (this.is('*')) {
      this.next()
      this.expectWord('as')
      b.add(this.identifier())
    } else {
      this.expect('{', '"{" or "*"')
      this.skipNl()
      while (!this.is('}')) {
        if (this.peek().kind === 'str') b.add(this.string())
        else b.add(this.identifier())
        if (this.isWord('as')) {
          this.next()
          b.add(this.identifier())
        }
        if (!this.separator('}')) break
      }
      this.expect('}')
    }
    this.expectWord('from')
    b.add(this.string())
    return this.done(b)
  }

  /** `extension az`, `extension 'br:…' with {…} as alias` (and the older `provider` spelling). */
  private extension(): Node {
    const b = this.top('extension_statement')
    this.next()
    if (this.peek().kind === 'id') {
      b.add(this.identifier())
      return this.extensionClauses(b)
    }
    return this.extensionRest(b)
  }

  private extensionRest(b: Builder): Node {
    b.add(this.string())
    return this.extensionClauses(b)
  }

  private extensionClauses(b: Builder): Node {
    if (this.isWord('with')) {
      this.next()
      b.add(this.object(false))
    }
    if (this.isWord('as')) {
      this.next()
      b.add(this.identifier())
    }
    return this.done(b)
  }

  // ---- objects, arrays, loops ----------------------------------------------------------------------

  /**
   * After an element of an object or array: a comma or line break separates it from the next one.
   * Returns false when the closing bracket follows.
   */
  private separator(close: string): boolean {
    if (this.is(',')) {
      this.next()
      this.skipNl()
    } else if (this.peek().kind === 'nl') this.next()
    else if (!this.is(close)) this.fail(`a line break, "," or "${close}"`)
    return !this.is(close)
  }

  /**
   * Stops at a statement keyword in column 0: the bracket opened at `open` was never closed. The error is
   * located at the bracket, where the fix goes.
   */
  private checkUnclosed(open: Token, close: string): void {
    const t = this.peek()
    if (t.kind === 'eof')
      throw new ParseError(`"${open.text}" is not closed by "${close}" before the end of the file`, open.line)
    if (this.startsStatement(this.i) && !this.is('@')) {
      throw new ParseError(
        `"${open.text}" is not closed by "${close}" before the statement on line ${t.line + 1}`,
        open.line,
      )
    }
  }

  private object(resources: boolean): Node {
    this.enter()
    const b = this.begin('object')
    const open = this.expect('{')
    this.skipNl()
    while (!this.is('}')) {
      this.checkUnclosed(open, '}')
      b.add(this.objectElement(resources))
      if (!this.separator('}')) break
    }
    this.expect('}')
    this.leave()
    return this.done(b)
  }

  private objectElement(resources: boolean): Node {
    if (resources && (this.is('@') || (this.isWord('resource') && this.peek(1).kind === 'id'))) {
      // A nested resource sits in an object_property, as in the grammar the evaluator was written for.
      const p = this.begin('object_property')
      this.decorators()
      p.add(this.resource(false))
      return this.done(p)
    }
    if (this.is('...')) return this.spread()
    const p = this.begin('object_property')
    const t = this.peek()
    if (t.kind === 'id') p.add(this.leaf('identifier', this.next()))
    else if (t.kind === 'str' || t.kind === 'strL') p.add(this.string())
    else this.fail('a property name')
    this.expect(':')
    p.add(this.expression())
    return this.done(p)
  }

  /** `...expr` in an object or array. */
  private spread(): Node {
    const b = this.begin('spread')
    this.next()
    b.add(this.expression())
    return this.done(b)
  }

  private array(): Node {
    this.enter()
    const b = this.begin('array')
    const open = this.expect('[')
    this.skipNl()
    while (!this.is(']')) {
      this.checkUnclosed(open, ']')
      b.add(this.is('...') ? this.spread() : this.expression())
      if (!this.separator(']')) break
    }
    this.expect(']')
    this.leave()
    return this.done(b)
  }

  /** `[for item in list: body]`, `[for (item, i) in list: body]`; `body` may be `if (…) {…}`. */
  private forExpression(resources: boolean, declarationBody = false): Node {
    this.enter()
    const b = this.begin('for_statement')
    this.expect('[')
    this.skipNl()
    this.expectWord('for')
    if (this.is('(')) {
      const params = this.begin('for_loop_parameters')
      this.next()
      params.add(this.leaf('loop_variable', this.identifierToken()))
      this.expect(',')
      params.add(this.leaf('loop_enumerator', this.identifierToken()))
      this.expect(')')
      b.add(this.done(params), 'variable')
    } else b.add(this.identifier(), 'variable')
    this.expectWord('in')
    b.add(this.expression(), 'collection')
    this.expect(':')
    this.skipNl()
    if (this.isWord('if') && this.is('(', 1)) b.add(this.ifBody(resources), 'body')
    else if (declarationBody) b.add(this.object(resources), 'body')
    else b.add(this.expression(), 'body')
    this.skipNl()
    this.expect(']')
    this.leave()
    return this.done(b)
  }

  private identifierToken(): Token {
    if (this.peek().kind !== 'id') this.fail('a name')
    return this.next()
  }

  /** `if (condition) {…}`. */
  private ifBody(resources: boolean): Node {
    const b = this.begin('if_statement')
    this.next()
    const cond = this.begin('parenthesized_expression')
    this.expect('(')
    this.skipNl()
    cond.add(this.expression())
    this.skipNl()
    this.expect(')')
    b.add(this.done(cond))
    this.skipNl()
    b.add(this.object(resources))
    return this.done(b)
  }

  // ---- expressions ---------------------------------------------------------------------------------

  expression(): Node {
    this.enter()
    let result = this.binary(0)
    if (this.isAfterNl('?')) {
      const b = this.around('ternary_expression', result)
      b.add(result, 'condition')
      this.skipNl()
      this.next()
      this.skipNl()
      b.add(this.expression(), 'consequence')
      this.skipNl()
      this.expect(':')
      this.skipNl()
      b.add(this.expression(), 'alternative')
      result = this.done(b)
    }
    this.leave()
    return result
  }

  private binary(min: number): Node {
    let left = this.unary()
    let chain = 0
    for (;;) {
      const t = this.peek()
      const p = t.kind === 'punct' ? PRECEDENCE[t.text] : undefined
      if (p === undefined || p <= min) break
      // Each operator is a level of the tree: a chain of them counts toward the depth bound.
      if (this.depth + ++chain > MAX_DEPTH)
        throw new ParseError(`nesting deeper than ${MAX_DEPTH} levels`, t.line)
      this.next()
      this.skipNl()
      const b = this.around('binary_expression', left)
      b.token(t.text)
      b.add(left, 'left')
      b.add(this.binary(p), 'right')
      left = this.done(b)
    }
    return left
  }

  private unary(): Node {
    if (this.is('!') || this.is('-')) {
      const b = this.begin('unary_expression')
      b.token(this.next().text)
      b.add(this.member(), 'argument')
      return this.done(b)
    }
    return this.member()
  }

  /** A primary expression and what follows it: `.prop`, `.?prop`, `[i]`, `[?i]`, `::child`, `(args)`, `!`. */
  private member(): Node {
    let cur = this.primary()
    let chain = 0
    for (;;) {
      const t = this.peek()
      if (t.kind !== 'punct') break
      if (t.text === '!') {
        // A non-null assertion changes nothing the evaluator sees.
        this.next()
        continue
      }
      if (t.text !== '[' && t.text !== '.' && t.text !== '::') break
      if (this.depth + ++chain > MAX_DEPTH)
        throw new ParseError(`nesting deeper than ${MAX_DEPTH} levels`, t.line)
      this.next()
      if (t.text === '[') {
        const b = this.around('subscript_expression', cur)
        b.add(cur, 'object')
        if (this.is('?')) {
          this.next()
          b.token('?')
        }
        this.skipNl()
        if (this.is('^')) {
          // `list[^1]` counts from the end; the evaluator has no rule for it, so it stays unknown.
          const from = this.begin('unary_expression')
          from.token(this.next().text)
          from.add(this.expression(), 'argument')
          b.add(this.done(from), 'index')
        } else b.add(this.expression(), 'index')
        this.skipNl()
        this.expect(']')
        cur = this.done(b)
      } else if (t.text === '.') {
        const b = this.around('member_expression', cur)
        b.add(cur, 'object')
        if (this.is('?')) {
          this.next()
          b.token('.?')
        }
        b.add(this.leaf('property_identifier', this.identifierToken()), 'property')
        cur = this.done(b)
        if (this.is('(')) {
          const call = this.around('call_expression', cur)
          call.add(cur, 'function')
          call.add(this.args(), 'arguments')
          cur = this.done(call)
        }
      } else {
        const b = this.around('resource_expression', cur)
        b.add(cur, 'object')
        b.add(this.identifier(), 'resource')
        cur = this.done(b)
      }
    }
    return cur
  }

  private args(): Node {
    this.enter()
    const b = this.begin('arguments')
    const open = this.expect('(')
    this.skipNl()
    while (!this.is(')')) {
      this.checkUnclosed(open, ')')
      b.add(this.expression())
      this.skipNl()
      if (!this.is(',')) break
      this.next()
      this.skipNl()
    }
    if (!this.is(')')) this.checkUnclosed(open, ')')
    this.expect(')')
    this.leave()
    return this.done(b)
  }

  /** After `=>`: a line break may come before the body unless a declaration follows. */
  private lambdaBreak(): void {
    if (
      this.peek().kind === 'nl' &&
      !(this.peek(1).kind === 'id' && DECLARATION_KEYWORDS.has(this.peek(1).text))
    )
      this.next()
  }

  private primary(): Node {
    const t = this.peek()
    switch (t.kind) {
      case 'int':
        return this.leaf('number', this.next())
      case 'str':
      case 'strL':
      case 'mstr':
      case 'mstrL':
        return this.string()
      case 'id': {
        if (t.text === 'true' || t.text === 'false') return this.leaf('boolean', this.next())
        if (t.text === 'null') return this.leaf('null', this.next())
        const id = this.leaf('identifier', this.next())
        if (this.is('(')) {
          const call = this.around('call_expression', id)
          call.add(id, 'function')
          call.add(this.args(), 'arguments')
          return this.done(call)
        }
        if (this.is('=>')) return this.lambda(id, id)
        return id
      }
      case 'punct':
        if (t.text === '{') return this.object(false)
        if (t.text === '[') {
          const after = this.peek(1).kind === 'nl' ? this.peek(2) : this.peek(1)
          return after.kind === 'id' && after.text === 'for' ? this.forExpression(false) : this.array()
        }
        if (t.text === '(') return this.parenthesized()
    }
    return this.fail('an expression', t)
  }

  /** `(expr)`, or the parameters of a lambda `(a, b) => body`. */
  private parenthesized(): Node {
    this.enter()
    const b = this.begin('parenthesized_expression')
    const open = this.expect('(')
    this.skipNl()
    while (!this.is(')')) {
      this.checkUnclosed(open, ')')
      b.add(this.expression())
      this.skipNl()
      if (!this.is(',')) break
      this.next()
      this.skipNl()
    }
    if (!this.is(')')) this.checkUnclosed(open, ')')
    this.expect(')')
    this.leave()
    if (this.is('=>')) {
      const params = new Node(
        'lambda_parameters',
        this.text,
        b.start,
        this.lastEnd,
        b.startRow,
        this.lastLine,
        b.kids,
      )
      for (const p of b.kids) if (p.type !== 'identifier') this.fail('a lambda parameter name')
      return this.lambda(params, params)
    }
    if (b.kids.length !== 1) this.fail('one expression in parentheses')
    return this.done(b)
  }

  private lambda(params: Node, from: Node): Node {
    const b = this.around('lambda_expression', from)
    b.add(params, 'parameters')
    this.next()
    this.lambdaBreak()
    b.add(this.expression(), 'body')
    return this.done(b)
  }

  // ---- strings -------------------------------------------------------------------------------------

  /** A string: its content as `string_content` and `escape_sequence` nodes, holes as `interpolation`. */
  string(): Node {
    const t = this.peek()
    const b = this.begin('string')
    if (t.kind === 'mstr') {
      this.next()
      // `'''…'''` (raw, no escapes; the evaluator drops one leading line break) or `$'''…'''`.
      const dollars = this.text.charCodeAt(t.start) === 36
      if (dollars) {
        const open = this.text.indexOf("'''", t.start) + 3
        this.content(b, skipBreak(this.text, open), t.end - 3, t.line, false)
      } else {
        b.token("'''")
        b.add(new Node('string_content', this.text, t.start + 3, t.end - 3, t.line, t.endLine, []))
      }
      return this.done(b)
    }
    if (t.kind === 'mstrL') {
      const open = this.text.indexOf("'''", t.start) + 3
      return this.interpolated(b, skipBreak(this.text, open), false)
    }
    if (t.kind === 'str') {
      this.next()
      this.content(b, t.start + 1, t.end - 1, t.line, true)
      return this.done(b)
    }
    if (t.kind === 'strL') return this.interpolated(b, t.start + 1, true)
    return this.fail('a string')
  }

  /** An interpolated string from its left piece; `from` is where the first piece's content starts. */
  private interpolated(b: Builder, from: number, escapes: boolean): Node {
    this.enter()
    let piece = this.next()
    let start = from
    // A piece ends with `${`, or in a `$$'''` string with as many `$` as open it before `{`.
    let dollars = 1
    while (!escapes && this.text.charCodeAt(piece.start + dollars) === 36) dollars++
    for (;;) {
      this.content(b, start, piece.end - dollars - 1, piece.line, escapes)
      const hole = new Builder('interpolation', piece.end - dollars - 1, piece.endLine)
      hole.add(this.expression())
      const closing = this.peek()
      const middle = escapes ? 'strM' : 'mstrM'
      const right = escapes ? 'strR' : 'mstrR'
      if (closing.kind !== middle && closing.kind !== right) this.fail('"}" to close the interpolation')
      b.add(
        new Node(
          'interpolation',
          this.text,
          hole.start,
          closing.start + 1,
          hole.startRow,
          closing.line,
          hole.kids,
        ),
      )
      piece = this.next()
      start = piece.start + 1
      if (piece.kind === right) {
        this.content(b, start, piece.end - (escapes ? 1 : 3), piece.line, escapes)
        break
      }
    }
    this.leave()
    return this.done(b)
  }

  /** Adds the content between `from` and `to` as string_content runs and escape_sequence nodes. */
  private content(b: Builder, from: number, to: number, line: number, escapes: boolean): void {
    if (!escapes) {
      if (to > from) b.add(new Node('string_content', this.text, from, to, line, line, []))
      return
    }
    let run = from
    for (let k = from; k < to; k++) {
      if (this.text.charCodeAt(k) !== 92) continue
      if (k > run) b.add(new Node('string_content', this.text, run, k, line, line, []))
      let end = k + 2
      if (this.text[k + 1] === 'u' && this.text[k + 2] === '{') {
        const close = this.text.indexOf('}', k + 3)
        if (close >= 0 && close < to) end = close + 1
      }
      b.add(new Node('escape_sequence', this.text, k, end, line, line, []))
      run = end
      k = end - 1
    }
    if (to > run) b.add(new Node('string_content', this.text, run, to, line, line, []))
  }

  // ---- types ---------------------------------------------------------------------------------------

  /**
   * A type, read only to be skipped (types are never evaluated): one `type` node over its text, whose last
   * character tells whether it is nullable. `output x resource = …` may leave out the resource type.
   */
  private type(optionalResourceType = false): Node {
    const b = this.begin('type')
    if (this.isWord('resource') && !this.is('<', 1)) {
      this.next()
      if (!optionalResourceType || this.peek().kind === 'str') this.string()
      return this.done(b)
    }
    this.typeExpression()
    return this.done(b)
  }

  private typeExpression(): void {
    this.enter()
    const union = () => this.is('|') || (this.peek().kind === 'nl' && this.is('|', 1))
    if (union()) {
      this.skipNl()
      this.next()
    }
    this.unaryType()
    while (union()) {
      this.skipNl()
      this.next()
      this.skipNl()
      this.unaryType()
    }
    this.leave()
  }

  private unaryType(): void {
    if (this.is('!') || this.is('-')) this.next()
    this.primaryType()
    for (;;) {
      if (this.is('[')) {
        this.next()
        if (this.is('*')) this.next()
        else if (!this.is(']')) this.expression()
        this.expect(']')
      } else if (this.is('.')) {
        this.next()
        if (this.is('*')) this.next()
        else {
          this.identifierToken()
          if (this.is('<')) this.typeArguments()
        }
      } else if (this.is('?') || this.is('!')) this.next()
      else break
    }
  }

  private primaryType(): void {
    const t = this.peek()
    switch (t.kind) {
      case 'int':
      case 'mstr':
        this.next()
        return
      case 'str':
      case 'strL':
        this.string()
        return
      case 'id':
        this.next()
        if (this.is('<')) this.typeArguments()
        else if (t.text === 'resource' && this.peek().kind === 'str') this.next()
        return
      case 'punct':
        if (t.text === '{') return this.objectType()
        if (t.text === '[') return this.tupleType()
        if (t.text === '(') {
          this.enter()
          this.next()
          this.typeExpression()
          this.expect(')')
          this.leave()
          return
        }
    }
    this.fail('a type', t)
  }

  private typeArguments(): void {
    this.enter()
    this.expect('<')
    this.skipNl()
    while (!this.is('>')) {
      this.typeExpression()
      this.skipNl()
      if (!this.is(',')) break
      this.next()
      this.skipNl()
    }
    this.expect('>')
    this.leave()
  }

  private objectType(): void {
    this.enter()
    const open = this.expect('{')
    this.skipNl()
    while (!this.is('}')) {
      this.checkUnclosed(open, '}')
      this.decorators()
      const t = this.peek()
      if (t.kind === 'id' || t.kind === 'str' || t.kind === 'strL') {
        if (t.kind === 'id') this.next()
        else this.string()
      } else if (this.is('*')) this.next()
      else this.fail('a property name')
      this.expect(':')
      this.typeExpression()
      if (!this.separator('}')) break
    }
    this.expect('}')
    this.leave()
  }

  private tupleType(): void {
    this.enter()
    const open = this.expect('[')
    this.skipNl()
    while (!this.is(']')) {
      this.checkUnclosed(open, ']')
      this.decorators()
      this.typeExpression()
      if (!this.separator(']')) break
    }
    this.expect(']')
    this.leave()
  }
}

/** Skips the line break right after an opening `'''` (Bicep drops it from the value). */
function skipBreak(text: string, at: number): number {
  if (text[at] === '\r') at++
  if (text[at] === '\n') at++
  return at
}

function describe(t: Token, text: string): string {
  switch (t.kind) {
    case 'eof':
      return 'the end of the file'
    case 'nl':
      return 'a line break'
    case 'id':
    case 'int':
      return `"${t.text}"`
    case 'punct':
      return `"${t.text}"`
    default: {
      const s = text.slice(t.start, Math.min(t.end, t.start + 40)).split(/\r?\n/)[0]
      return `"${s}${t.end - t.start > s.length ? '…' : ''}"`
    }
  }
}
