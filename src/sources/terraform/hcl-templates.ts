/**
 * Template parsing for the hand-written HCL parser: quoted strings and heredocs with their `${...}`
 * interpolations and `%{if}` / `%{for}` directives (with `~` strip markers), and decoding the literal text
 * between them (escapes, heredoc indentation, `$${` / `%%{`). The expressions inside interpolations and
 * directives are parsed by the expression layer (hcl-expressions.ts), which extends this one.
 */
import type { HclExpr, HclTemplatePart } from './hcl-ast'
import { HclLexer, SyntaxFault, IDENT, RBRACE, TILDE } from './hcl-lexer'

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
export const BARE = 2

/** The template layer: what a quoted string or heredoc holds. */
export abstract class HclTemplateParser extends HclLexer {
  /** An expression (hcl-expressions.ts): interpolations and directive conditions. */
  protected abstract expression(): HclExpr
  /** `for k, v in coll` (hcl-expressions.ts), shared with `%{for}` directives. */
  protected abstract forIntro(): { vars: string[]; coll: HclExpr }

  /** A quoted string; the current token is its `"`. A string without interpolation is a literal. */
  protected quoted(start: number): HclExpr {
    this.enter()
    // Most strings are plain text: up to the closing `"` with no escape, interpolation, directive or newline,
    // the value is the source slice (templateParts would allocate its parts and closures for the same).
    const text = this.text
    for (let p = this.pos; p < this.len; p++) {
      const c = text.charCodeAt(p)
      if (c === 34 /* " */) {
        this.depth--
        const value = this.intern(this.pos, p)
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
  protected heredoc(start: number): HclExpr {
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
  protected directive(
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
  protected decode(mode: number, from: number, to: number, indent: number): string {
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
