/**
 * The previous Terraform parser, kept only as the reference of the differential test (native-parser.test.ts):
 * it turns the tree-sitter HCL grammar's tree into the plain AST of hcl-ast.ts.
 *
 * Speed matters (tens of megabytes per scan): the tree is walked once with a TreeCursor, reading only the node
 * type and offsets (every read is a call into WebAssembly); lines come from a newline table built in JS, and
 * leaf-ish nodes (string literals, identifiers) are read from the source text instead of being descended into.
 */
import { LineIndex } from '../../../src/sources/parsing/json-lines'
import type { TreeSitter } from './tree-sitter'
import type {
  HclAttribute,
  HclBlock,
  HclBody,
  HclComment,
  HclExpr,
  HclFile,
  HclStep,
  HclSyntaxError,
  HclTemplatePart,
} from '../../../src/sources/terraform/hcl-ast'

/** Longest source text kept on an expression node; messages only need to recognise it. */
const MAX_TEXT = 300

type Cursor = TreeSitter.TreeCursor

/** Per-file state of the conversion. */
class Converter {
  private readonly lines: LineIndex
  readonly comments: HclComment[] = []

  constructor(
    readonly text: string,
    /** Added to every line: template strings of .tf.json files are parsed out of context. */
    private readonly lineOffset = 0,
  ) {
    this.lines = new LineIndex(text)
  }

  /** 1-based line of a UTF-16 offset (web-tree-sitter reports offsets of JS strings in UTF-16 units). */
  line(index: number): number {
    return this.lines.line(index) + this.lineOffset
  }

  span(start: number, end: number): { startLine: number; endLine: number } {
    return { startLine: this.line(start), endLine: this.line(end > start ? end - 1 : start) }
  }

  src(start: number, end: number): string {
    return end - start > MAX_TEXT
      ? this.text.slice(start, start + MAX_TEXT) + '…'
      : this.text.slice(start, end)
  }

  comment(c: Cursor): void {
    const start = c.startIndex
    const end = c.endIndex
    this.comments.push({ text: this.text.slice(start, end), ...this.span(start, end) })
  }

  // ---- structure ----

  /** Cursor on a `body` node. */
  body(c: Cursor): HclBody {
    const start = c.startIndex
    const end = c.endIndex
    const attributes: HclAttribute[] = []
    const blocks: HclBlock[] = []
    if (c.gotoFirstChild()) {
      do {
        const t = c.nodeType
        if (t === 'attribute') attributes.push(this.attribute(c))
        else if (t === 'block') blocks.push(this.block(c))
        else if (t === 'comment') this.comment(c)
        else if (t === 'ERROR') this.brokenTail(attributes, c)
      } while (c.gotoNextSibling())
      c.gotoParent()
    }
    return { attributes, blocks, ...this.span(start, end) }
  }

  /**
   * `x = foo(` parses as `x = foo` followed by an ERROR node: the value there is not what the person meant,
   * so an attribute ending on the line where the error starts is marked invalid rather than evaluated.
   */
  private brokenTail(attributes: HclAttribute[], c: Cursor): void {
    const last = attributes[attributes.length - 1]
    if (last && last.endLine === this.line(c.startIndex)) {
      last.expr = {
        type: 'invalid',
        text: this.src(c.startIndex, c.endIndex),
        startLine: last.startLine,
        endLine: last.endLine,
      }
    }
    this.collectComments(c)
  }

  /** Comments inside an ERROR subtree are still comments (suppressions must not vanish). */
  private collectComments(c: Cursor): void {
    if (!c.gotoFirstChild()) return
    do {
      if (c.nodeType === 'comment') this.comment(c)
      else this.collectComments(c)
    } while (c.gotoNextSibling())
    c.gotoParent()
  }

  private attribute(c: Cursor): HclAttribute {
    const start = c.startIndex
    const end = c.endIndex
    const sp = this.span(start, end)
    // Fast path (most attributes): the name is the identifier the node starts with, and the expression is
    // the last child. This saves several calls into WebAssembly per attribute.
    IDENT.lastIndex = start
    const m = IDENT.exec(this.text)
    if (m && c.gotoLastChild()) {
      if (c.nodeType === 'expression') {
        const expr = this.expression(c)
        c.gotoParent()
        return { name: m[0], expr, ...sp }
      }
      c.gotoParent()
    }
    let name = ''
    let expr: HclExpr | undefined
    c.gotoFirstChild()
    do {
      const t = c.nodeType
      if (t === 'identifier') name = this.text.slice(c.startIndex, c.endIndex)
      else if (t === 'expression') expr = this.expression(c)
      else if (t === 'comment') this.comment(c)
    } while (c.gotoNextSibling())
    c.gotoParent()
    return { name, expr: expr ?? { type: 'invalid', text: this.src(start, end), ...sp }, ...sp }
  }

  private block(c: Cursor): HclBlock {
    const start = c.startIndex
    const end = c.endIndex
    let type: string | undefined
    const labels: string[] = []
    let body: HclBody | undefined
    c.gotoFirstChild()
    do {
      const t = c.nodeType
      if (t === 'identifier') {
        const id = this.text.slice(c.startIndex, c.endIndex)
        if (type === undefined) type = id
        else labels.push(id)
      } else if (t === 'string_lit') {
        labels.push(unescapeQuoted(this.text.slice(c.startIndex + 1, c.endIndex - 1)))
      } else if (t === 'body') body = this.body(c)
      else if (t === 'comment') this.comment(c)
      else if (t === 'ERROR' && body) this.brokenTail(body.attributes, c)
    } while (c.gotoNextSibling())
    c.gotoParent()
    const sp = this.span(start, end)
    return {
      type: type ?? '',
      labels,
      body: body ?? { attributes: [], blocks: [], startLine: sp.startLine, endLine: sp.endLine },
      ...sp,
    }
  }

  // ---- expressions ----

  private invalid(start: number, end: number): HclExpr {
    return { type: 'invalid', text: this.src(start, end), ...this.span(start, end) }
  }

  /** Cursor on an `expression` node. */
  expression(c: Cursor): HclExpr {
    if (!c.gotoFirstChild()) return this.invalid(c.startIndex, c.endIndex)
    const e = this.termSequence(c, undefined)
    c.gotoParent()
    return e ?? this.invalid(c.startIndex, c.endIndex)
  }

  /**
   * The grammar hides `_expr_term`, so a term and its traversal steps (`a.b[0]`), a parenthesised
   * expression, and both operands of an operation appear as flat sibling lists. This reads siblings from
   * the cursor's position up to `stopAt` (an operator token, for the left operand) and folds them into one
   * expression. Leaves the cursor on the last sibling it read.
   */
  private termSequence(c: Cursor, stopAt: Set<string> | undefined): HclExpr | undefined {
    let head: HclExpr | undefined
    let steps: HclStep[] | undefined
    let headStart = 0
    let lastEnd = 0
    do {
      const t = c.nodeType
      if (stopAt?.has(t)) {
        c.gotoPreviousSibling()
        break
      }
      if (t === 'comment') this.comment(c)
      else if (t === 'get_attr' || t === 'index' || t === 'splat') {
        if (!head) return undefined
        steps ??= []
        steps.push(this.step(c, t))
        lastEnd = c.endIndex
      } else if (t === '(') {
        headStart = c.startIndex
        c.gotoNextSibling()
        const inner = c.nodeType === 'expression' ? this.expression(c) : undefined
        c.gotoNextSibling() // ')'
        const pEnd = c.endIndex
        if (!inner) return undefined
        head = { type: 'paren', expr: inner, text: this.src(headStart, pEnd), ...this.span(headStart, pEnd) }
      } else if (t === 'ERROR') return undefined
      else if (TERMS.has(t)) {
        headStart = c.startIndex
        head = this.term(c, t)
      }
    } while (c.gotoNextSibling())
    if (head && steps) {
      head = {
        type: 'traversal',
        target: head,
        steps,
        text: this.src(headStart, lastEnd),
        ...this.span(headStart, lastEnd),
      }
    }
    return head
  }

  private step(c: Cursor, t: string): HclStep {
    if (t === 'get_attr') {
      c.gotoFirstChild()
      c.gotoNextSibling() // '.' -> identifier
      const name = this.text.slice(c.startIndex, c.endIndex)
      c.gotoParent()
      return { kind: 'attr', name }
    }
    if (t === 'index') {
      c.gotoFirstChild()
      let step: HclStep
      if (c.nodeType === 'legacy_index') {
        const n = Number(this.text.slice(c.startIndex + 1, c.endIndex))
        step = { kind: 'index', key: { type: 'literal', value: n, ...this.span(c.startIndex, c.endIndex) } }
      } else {
        const s = c.startIndex
        const e = c.endIndex
        let key: HclExpr | undefined
        if (c.gotoFirstChild()) {
          do if (c.nodeType === 'expression') key = this.expression(c)
          while (c.gotoNextSibling())
          c.gotoParent()
        }
        step = { kind: 'index', key: key ?? this.invalid(s, e) }
      }
      c.gotoParent()
      return step
    }
    // splat > attr_splat|full_splat > ('.*'|'[*]') (get_attr|index)*
    c.gotoFirstChild()
    const steps: HclStep[] = []
    if (c.gotoFirstChild()) {
      while (c.gotoNextSibling()) {
        const tt = c.nodeType
        if (tt === 'get_attr' || tt === 'index') steps.push(this.step(c, tt))
      }
      c.gotoParent()
    }
    c.gotoParent()
    return { kind: 'splat', steps }
  }

  /** A named term node: literal, template, collection, variable, call, for, operation, conditional. */
  term(c: Cursor, t: string): HclExpr {
    switch (t) {
      case 'collection_object':
        return this.object(c)
      case 'literal_value': {
        const start = c.startIndex
        const end = c.endIndex
        const sp = this.span(start, end)
        // The kind of literal shows in its text; no need to descend (every step is a WebAssembly call).
        const lit = this.text.slice(start, end)
        if (lit.charCodeAt(0) === 34 /* " */)
          return { type: 'literal', value: unescapeQuoted(lit.slice(1, -1)), ...sp }
        if (lit === 'true' || lit === 'false') return { type: 'literal', value: lit === 'true', ...sp }
        if (lit === 'null') return { type: 'literal', value: null, ...sp }
        return { type: 'literal', value: Number(lit), ...sp }
      }
      case 'template_expr': {
        c.gotoFirstChild()
        const e = c.nodeType === 'heredoc_template' ? this.heredoc(c) : this.quotedTemplate(c)
        c.gotoParent()
        return e
      }
      case 'variable_expr': {
        const start = c.startIndex
        const end = c.endIndex
        return {
          type: 'variable',
          name: this.text.slice(start, end),
          text: this.src(start, end),
          ...this.span(start, end),
        }
      }
      case 'collection_value': {
        c.gotoFirstChild()
        const e = c.nodeType === 'tuple' ? this.tuple(c) : this.object(c)
        c.gotoParent()
        return e
      }
      case 'function_call':
        return this.call(c)
      case 'for_expr': {
        c.gotoFirstChild()
        const e = this.forExpr(c)
        c.gotoParent()
        return e
      }
      case 'operation': {
        c.gotoFirstChild()
        const e = c.nodeType === 'unary_operation' ? this.unary(c) : this.binary(c)
        c.gotoParent()
        return e
      }
      case 'conditional':
        return this.conditional(c)
      case 'expression':
        return this.expression(c)
      default:
        return this.invalid(c.startIndex, c.endIndex)
    }
  }

  private tuple(c: Cursor): HclExpr {
    const start = c.startIndex
    const end = c.endIndex
    const items: HclExpr[] = []
    if (c.gotoFirstChild()) {
      do {
        const t = c.nodeType
        if (t === 'expression') items.push(this.expression(c))
        else if (t === 'comment') this.comment(c)
      } while (c.gotoNextSibling())
      c.gotoParent()
    }
    return { type: 'tuple', items, text: this.src(start, end), ...this.span(start, end) }
  }

  private object(c: Cursor): HclExpr {
    const start = c.startIndex
    const end = c.endIndex
    const items: { key: HclExpr; value: HclExpr }[] = []
    if (c.gotoFirstChild()) {
      do {
        const t = c.nodeType
        if (t === 'object_elem') {
          let key: HclExpr | undefined
          let value: HclExpr | undefined
          c.gotoFirstChild()
          do {
            const tt = c.nodeType
            if (tt === 'expression') {
              const e = this.expression(c)
              if (key === undefined) key = e
              else value = e
            } else if (tt === 'comment') this.comment(c)
          } while (c.gotoNextSibling())
          c.gotoParent()
          if (key && value) {
            // A bare identifier key is the name itself, not a variable reference (HCL object syntax).
            if (key.type === 'variable')
              key = { type: 'literal', value: key.name, startLine: key.startLine, endLine: key.endLine }
            items.push({ key, value })
          }
        } else if (t === 'comment') this.comment(c)
      } while (c.gotoNextSibling())
      c.gotoParent()
    }
    return { type: 'object', items, text: this.src(start, end), ...this.span(start, end) }
  }

  private call(c: Cursor): HclExpr {
    const start = c.startIndex
    const end = c.endIndex
    let name = ''
    const args: HclExpr[] = []
    let expandFinal = false
    c.gotoFirstChild()
    do {
      const t = c.nodeType
      if (t === 'identifier') name = this.text.slice(c.startIndex, c.endIndex)
      else if (t === 'function_arguments') {
        c.gotoFirstChild()
        do {
          const tt = c.nodeType
          if (tt === 'expression') args.push(this.expression(c))
          else if (tt === 'ellipsis') expandFinal = true
          else if (tt === 'comment') this.comment(c)
        } while (c.gotoNextSibling())
        c.gotoParent()
      } else if (t === 'comment') this.comment(c)
    } while (c.gotoNextSibling())
    c.gotoParent()
    return { type: 'call', name, args, expandFinal, text: this.src(start, end), ...this.span(start, end) }
  }

  /** Cursor on for_tuple_expr / for_object_expr. */
  private forExpr(c: Cursor): HclExpr {
    const start = c.startIndex
    const end = c.endIndex
    const result = c.nodeType === 'for_tuple_expr' ? 'tuple' : 'object'
    const vars: string[] = []
    let coll: HclExpr | undefined
    const exprs: HclExpr[] = []
    let group = false
    let cond: HclExpr | undefined
    c.gotoFirstChild()
    do {
      const t = c.nodeType
      if (t === 'for_intro') {
        c.gotoFirstChild()
        do {
          const tt = c.nodeType
          if (tt === 'identifier') vars.push(this.text.slice(c.startIndex, c.endIndex))
          else if (tt === 'expression') coll = this.expression(c)
        } while (c.gotoNextSibling())
        c.gotoParent()
      } else if (t === 'expression') exprs.push(this.expression(c))
      else if (t === 'ellipsis') group = true
      else if (t === 'for_cond') {
        c.gotoFirstChild()
        do if (c.nodeType === 'expression') cond = this.expression(c)
        while (c.gotoNextSibling())
        c.gotoParent()
      } else if (t === 'comment') this.comment(c)
    } while (c.gotoNextSibling())
    c.gotoParent()
    const sp = this.span(start, end)
    const text = this.src(start, end)
    if (!coll || vars.length === 0 || exprs.length < (result === 'tuple' ? 1 : 2))
      return { type: 'invalid', text, ...sp }
    const keyVar = vars.length > 1 ? vars[0] : undefined
    const valueVar = vars[vars.length - 1]
    return result === 'tuple'
      ? { type: 'for', result, keyVar, valueVar, coll, value: exprs[0], group, cond, text, ...sp }
      : {
          type: 'for',
          result,
          keyVar,
          valueVar,
          coll,
          key: exprs[0],
          value: exprs[1],
          group,
          cond,
          text,
          ...sp,
        }
  }

  private unary(c: Cursor): HclExpr {
    const start = c.startIndex
    const end = c.endIndex
    c.gotoFirstChild()
    const op = c.nodeType === '!' ? '!' : '-'
    c.gotoNextSibling()
    const operand = this.termSequence(c, undefined)
    c.gotoParent()
    const sp = this.span(start, end)
    const text = this.src(start, end)
    return operand ? { type: 'unary', op, operand, text, ...sp } : { type: 'invalid', text, ...sp }
  }

  private binary(c: Cursor): HclExpr {
    const start = c.startIndex
    const end = c.endIndex
    c.gotoFirstChild()
    const left = this.termSequence(c, OPERATORS)
    c.gotoNextSibling()
    const op = c.nodeType
    let right: HclExpr | undefined
    if (c.gotoNextSibling()) right = this.termSequence(c, undefined)
    c.gotoParent()
    const sp = this.span(start, end)
    const text = this.src(start, end)
    return left && right && OPERATORS.has(op)
      ? { type: 'binary', op, left, right, text, ...sp }
      : { type: 'invalid', text, ...sp }
  }

  private conditional(c: Cursor): HclExpr {
    const start = c.startIndex
    const end = c.endIndex
    const parts: HclExpr[] = []
    c.gotoFirstChild()
    do if (c.nodeType === 'expression') parts.push(this.expression(c))
    while (c.gotoNextSibling())
    c.gotoParent()
    const sp = this.span(start, end)
    const text = this.src(start, end)
    return parts.length === 3
      ? { type: 'conditional', cond: parts[0], then: parts[1], else: parts[2], text, ...sp }
      : { type: 'invalid', text, ...sp }
  }

  // ---- templates ----

  /** Cursor on quoted_template. */
  private quotedTemplate(c: Cursor): HclExpr {
    const start = c.startIndex
    const end = c.endIndex
    c.gotoFirstChild() // quoted_template_start
    const contentStart = c.endIndex
    const parts = this.templateParts(c, contentStart, 'quoted_template_end', false, -1)
    c.gotoParent()
    return { type: 'template', parts, text: this.src(start, end), ...this.span(start, end) }
  }

  /** Cursor on heredoc_template. */
  private heredoc(c: Cursor): HclExpr {
    const start = c.startIndex
    const end = c.endIndex
    c.gotoFirstChild() // heredoc_start
    const flush = this.text.slice(c.startIndex, c.endIndex) === '<<-'
    c.gotoNextSibling() // heredoc_identifier
    const nl = this.text.indexOf('\n', c.endIndex)
    const contentStart = nl === -1 ? c.endIndex : nl + 1
    // The closing identifier ends the node; its line does not belong to the content.
    const closeLineStart = this.text.lastIndexOf('\n', end - 1) + 1
    let indent = -1
    if (flush) {
      // `<<-` removes the smallest indentation of the non-blank content lines.
      indent = Infinity
      for (const l of this.text.slice(contentStart, Math.max(contentStart, closeLineStart)).split('\n')) {
        if (l.trim() === '') continue
        indent = Math.min(indent, l.length - l.trimStart().length)
      }
      if (indent === Infinity) indent = 0
    }
    const parts = this.templateParts(c, contentStart, 'heredoc_identifier', true, indent, closeLineStart)
    c.gotoParent()
    return { type: 'template', parts, text: this.src(start, end), ...this.span(start, end) }
  }

  /**
   * Reads template parts from the cursor's next sibling on, until a sibling of type `endType` (or, for
   * directive bodies, a directive marker). Literal text is taken from the source between structural parts
   * (tree-sitter's template_literal nodes leave whitespace out).
   */
  private templateParts(
    c: Cursor,
    pos: number,
    endType: string,
    heredoc: boolean,
    indent: number,
    endAt?: number,
  ): HclTemplatePart[] {
    const out: HclTemplatePart[] = []
    const flushLiteral = (to: number): void => {
      if (to > pos) {
        const raw = this.text.slice(pos, to)
        const value = heredoc ? this.heredocLiteral(raw, pos, indent) : unescapeQuoted(raw)
        if (value !== '') {
          const prev = out[out.length - 1]
          if (prev && prev.kind === 'literal') prev.value += value
          else out.push({ kind: 'literal', value })
        }
      }
    }
    let pendingTrimStart = false
    const pushLiteralFrom = (to: number): void => {
      const before = out.length
      const prevLen =
        out[before - 1]?.kind === 'literal' ? (out[before - 1] as { value: string }).value.length : -1
      flushLiteral(to)
      if (pendingTrimStart) {
        const last = out[out.length - 1]
        if (last && last.kind === 'literal' && (out.length > before || prevLen >= 0)) {
          // Only trim the text that was just added.
          const added = prevLen >= 0 && out.length === before ? last.value.slice(prevLen) : last.value
          const kept = prevLen >= 0 && out.length === before ? last.value.slice(0, prevLen) : ''
          last.value = kept + added.trimStart()
          if (last.value === '') out.pop()
        }
        pendingTrimStart = false
      }
    }
    const trimEnd = (): void => {
      const last = out[out.length - 1]
      if (last && last.kind === 'literal') {
        last.value = last.value.trimEnd()
        if (last.value === '') out.pop()
      }
    }
    while (c.gotoNextSibling()) {
      const t = c.nodeType
      if (t === endType) {
        pushLiteralFrom(endAt ?? c.startIndex)
        return out
      }
      if (t === 'template_literal' || t === 'comment') continue
      const s = c.startIndex
      const e = c.endIndex
      if (t === 'template_interpolation') {
        pushLiteralFrom(s)
        let expr: HclExpr | undefined
        let stripLeft = false
        let stripRight = false
        c.gotoFirstChild()
        do {
          const tt = c.nodeType
          if (tt === 'expression') expr = this.expression(c)
          else if (tt === 'strip_marker') {
            if (expr) stripRight = true
            else stripLeft = true
          }
        } while (c.gotoNextSibling())
        c.gotoParent()
        if (stripLeft) trimEnd()
        out.push({ kind: 'interp', expr: expr ?? this.invalid(s, e) })
        pendingTrimStart = stripRight
        pos = e
      } else if (t === 'template_directive') {
        pushLiteralFrom(s)
        c.gotoFirstChild()
        const d =
          c.nodeType === 'template_if'
            ? this.templateIf(c, heredoc, indent)
            : this.templateFor(c, heredoc, indent)
        c.gotoParent()
        if (d.stripBefore) trimEnd()
        out.push(d.part)
        pendingTrimStart = d.stripAfter
        pos = e
      } else if (t === 'ERROR') {
        pushLiteralFrom(s)
        out.push({ kind: 'interp', expr: this.invalid(s, e) })
        pos = e
      }
    }
    pushLiteralFrom(endAt ?? pos)
    return out
  }

  /** Reads `%{ if c }` / `%{ else }` / `%{ endif }` markers: the condition and the `~` strip flags. */
  private directiveMarker(c: Cursor): {
    expr?: HclExpr
    vars: string[]
    stripLeft: boolean
    stripRight: boolean
  } {
    const vars: string[] = []
    let expr: HclExpr | undefined
    let stripLeft = false
    let stripRight = false
    let seenKeyword = false
    c.gotoFirstChild()
    do {
      const t = c.nodeType
      if (t === 'strip_marker') {
        if (seenKeyword) stripRight = true
        else stripLeft = true
      } else if (t === 'identifier') vars.push(this.text.slice(c.startIndex, c.endIndex))
      else if (t === 'expression') expr = this.expression(c)
      else if (t !== 'template_directive_start' && t !== 'template_directive_end') seenKeyword = true
    } while (c.gotoNextSibling())
    c.gotoParent()
    return { expr, vars, stripLeft, stripRight }
  }

  /** Reads the parts of a directive body: siblings until the next directive marker node. */
  private directiveBody(
    c: Cursor,
    heredoc: boolean,
    indent: number,
    stopTypes: Set<string>,
  ): HclTemplatePart[] {
    // Re-use templateParts by treating the marker types as end markers: peek ahead manually.
    const out: HclTemplatePart[] = []
    let pos = c.endIndex
    const pushLit = (to: number): void => {
      if (to <= pos) return
      const raw = this.text.slice(pos, to)
      const value = heredoc ? this.heredocLiteral(raw, pos, indent) : unescapeQuoted(raw)
      if (value === '') return
      const prev = out[out.length - 1]
      if (prev && prev.kind === 'literal') prev.value += value
      else out.push({ kind: 'literal', value })
    }
    while (c.gotoNextSibling()) {
      const t = c.nodeType
      if (stopTypes.has(t)) {
        pushLit(c.startIndex)
        c.gotoPreviousSibling()
        return out
      }
      if (t === 'template_literal' || t === 'comment') continue
      const s = c.startIndex
      const e = c.endIndex
      pushLit(s)
      if (t === 'template_interpolation') {
        let expr: HclExpr | undefined
        c.gotoFirstChild()
        do if (c.nodeType === 'expression') expr = this.expression(c)
        while (c.gotoNextSibling())
        c.gotoParent()
        out.push({ kind: 'interp', expr: expr ?? this.invalid(s, e) })
      } else if (t === 'template_directive') {
        c.gotoFirstChild()
        const d =
          c.nodeType === 'template_if'
            ? this.templateIf(c, heredoc, indent)
            : this.templateFor(c, heredoc, indent)
        c.gotoParent()
        out.push(d.part)
      }
      pos = e
    }
    return out
  }

  private templateIf(
    c: Cursor,
    heredoc: boolean,
    indent: number,
  ): { part: HclTemplatePart; stripBefore: boolean; stripAfter: boolean } {
    const start = c.startIndex
    const end = c.endIndex
    c.gotoFirstChild() // template_if_intro
    const intro = this.directiveMarker(c)
    const thenParts = this.directiveBody(c, heredoc, indent, IF_STOPS)
    let elseParts: HclTemplatePart[] = []
    let stripAfter = false
    while (c.gotoNextSibling()) {
      const t = c.nodeType
      if (t === 'template_else_intro') {
        const m = this.directiveMarker(c)
        if (m.stripLeft) trimLastLiteral(thenParts)
        elseParts = this.directiveBody(c, heredoc, indent, IF_STOPS)
        if (m.stripRight) trimFirstLiteral(elseParts)
      } else if (t === 'template_if_end') {
        const m = this.directiveMarker(c)
        if (m.stripLeft) trimLastLiteral(elseParts.length ? elseParts : thenParts)
        stripAfter = m.stripRight
      }
    }
    c.gotoParent()
    if (intro.stripRight) trimFirstLiteral(thenParts)
    return {
      part: { kind: 'if', cond: intro.expr ?? this.invalid(start, end), then: thenParts, else: elseParts },
      stripBefore: intro.stripLeft,
      stripAfter,
    }
  }

  private templateFor(
    c: Cursor,
    heredoc: boolean,
    indent: number,
  ): { part: HclTemplatePart; stripBefore: boolean; stripAfter: boolean } {
    const start = c.startIndex
    const end = c.endIndex
    c.gotoFirstChild() // template_for_start
    const intro = this.directiveMarker(c)
    const body = this.directiveBody(c, heredoc, indent, FOR_STOPS)
    let stripAfter = false
    while (c.gotoNextSibling()) {
      if (c.nodeType === 'template_for_end') {
        const m = this.directiveMarker(c)
        if (m.stripLeft) trimLastLiteral(body)
        stripAfter = m.stripRight
      }
    }
    c.gotoParent()
    if (intro.stripRight) trimFirstLiteral(body)
    const valueVar = intro.vars[intro.vars.length - 1] ?? ''
    const keyVar = intro.vars.length > 1 ? intro.vars[0] : undefined
    return {
      part: { kind: 'for', keyVar, valueVar, coll: intro.expr ?? this.invalid(start, end), body },
      stripBefore: intro.stripLeft,
      stripAfter,
    }
  }

  /** Heredoc literal text: `$${`/`%%{` escapes, and for `<<-` the common indentation removed at line starts. */
  private heredocLiteral(raw: string, at: number, indent: number): string {
    let s = raw
    if (indent > 0) {
      const atLineStart = at === 0 || this.text.charCodeAt(at - 1) === 10
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

/** Identifier at the start of an attribute (HCL identifiers also allow `-`, and `::` in function names). */
const IDENT = /[\p{ID_Start}_][\p{ID_Continue}-]*/uy
/** Node types that start an expression term. */
const TERMS = new Set([
  'literal_value',
  'template_expr',
  'collection_value',
  'variable_expr',
  'function_call',
  'for_expr',
  'operation',
  'conditional',
  'expression',
])
const OPERATORS = new Set(['*', '/', '%', '+', '-', '>', '>=', '<', '<=', '==', '!=', '&&', '||'])
const IF_STOPS = new Set(['template_else_intro', 'template_if_end'])
const FOR_STOPS = new Set(['template_for_end'])

function trimLastLiteral(parts: HclTemplatePart[]): void {
  const last = parts[parts.length - 1]
  if (last && last.kind === 'literal') {
    last.value = last.value.trimEnd()
    if (last.value === '') parts.pop()
  }
}

function trimFirstLiteral(parts: HclTemplatePart[]): void {
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

/** Syntax errors: ERROR and MISSING nodes, outermost only, with the line where the source breaks. */
function syntaxErrors(root: TreeSitter.Node, path: string, conv: Converter): HclSyntaxError[] {
  const errors: HclSyntaxError[] = []
  const visit = (n: TreeSitter.Node): void => {
    if (n.isMissing) {
      const line = conv.line(n.startIndex)
      errors.push({
        message: `missing \`${n.type}\``,
        origin: { file: path, startLine: line, endLine: line },
      })
      return
    }
    if (n.type === 'ERROR') {
      const sp = conv.span(n.startIndex, n.endIndex)
      const txt = conv.text.slice(n.startIndex, n.endIndex).split('\n')[0].trim().slice(0, 60)
      errors.push({
        message: txt ? `unexpected \`${txt}\`` : 'unexpected end of input',
        origin: { file: path, startLine: sp.startLine, endLine: sp.startLine },
      })
      return
    }
    if (!n.hasError) return
    for (const ch of n.children) if (ch) visit(ch)
  }
  visit(root)
  return errors
}

/** Leading comments of top-level blocks: the comment lines right above the block, without a blank line. */
function attachLeadingComments(body: HclBody, comments: HclComment[]): void {
  if (comments.length === 0) return
  const byEndLine = new Map<number, HclComment>()
  for (const cm of comments) byEndLine.set(cm.endLine, cm)
  for (const b of body.blocks) {
    const lead: string[] = []
    let line = b.startLine - 1
    for (let cm = byEndLine.get(line); cm && cm.startLine <= line; cm = byEndLine.get(line)) {
      lead.unshift(cm.text)
      line = cm.startLine - 1
    }
    if (lead.length) b.comments = lead
  }
}

function emptyBody(): HclBody {
  return { attributes: [], blocks: [], startLine: 1, endLine: 1 }
}

/**
 * Parses a .tf or .tfvars file. Never throws on bad input: syntax errors are collected and the rest of the
 * file still yields attributes and blocks.
 */
export function parseHclTreeSitter(parser: TreeSitter.Parser, path: string, text: string): HclFile {
  const tree = parser.parse(text)
  if (!tree) {
    return {
      path,
      body: emptyBody(),
      errors: [{ message: 'could not parse', origin: { file: path, startLine: 1, endLine: 1 } }],
    }
  }
  try {
    const conv = new Converter(text)
    const root = tree.rootNode
    let body: HclBody = emptyBody()
    const c = root.walk()
    try {
      if (c.gotoFirstChild()) {
        do {
          const t = c.nodeType
          if (t === 'body') body = conv.body(c)
          else if (t === 'comment') conv.comment(c)
          else if (t === 'object') {
            // The grammar accepts a JSON-looking top-level object (a .tfvars written as JSON).
            const o = conv.term(c, 'collection_object')
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
          }
        } while (c.gotoNextSibling())
      }
    } finally {
      c.delete()
    }
    const errors = root.hasError ? syntaxErrors(root, path, conv) : []
    conv.comments.sort((a, b) => a.startLine - b.startLine)
    attachLeadingComments(body, conv.comments)
    return { path, body, errors, comments: conv.comments }
  } finally {
    tree.delete()
  }
}
