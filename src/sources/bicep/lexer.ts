/**
 * Bicep tokens, after the Bicep compiler's own lexer (Azure/bicep src/Bicep.Core/Parsing/Lexer.cs):
 * strings are lexed whole, so `'//'` is a string and never a comment; an interpolated string is split
 * into pieces around its holes (`'a${` … `}b${` … `}c'`); a run of line breaks (with the blank lines and
 * comments between them) is one `nl` token, since Bicep statements and object members end at line breaks.
 * Hand-written: no npm package lexes Bicep. One pass over the text, so the cost is linear in its size.
 */

export type TokenKind =
  | 'nl'
  | 'id'
  | 'int'
  /** `'…'` without holes. */
  | 'str'
  /** `'…${`, `}…${`, `}…'`: the pieces of an interpolated string. */
  | 'strL'
  | 'strM'
  | 'strR'
  /** `'''…'''` (and `$'''…'''` without holes). */
  | 'mstr'
  /** `$'''…${`, `}…${`, `}…'''`: the pieces of an interpolated multi-line string. */
  | 'mstrL'
  | 'mstrM'
  | 'mstrR'
  | 'punct'
  | 'eof'
  /** Something Bicep does not accept here; `error` says what. */
  | 'bad'

export interface Token {
  kind: TokenKind
  /** The punctuation or operator for `punct` tokens (`{`, `=>`, `...`); the source text otherwise. */
  text: string
  start: number
  end: number
  /** 0-based lines of the first and last character. */
  line: number
  endLine: number
  /** First token of its line, in column 0: where a top-level statement may begin. */
  atLineStart: boolean
  error?: string
}

// Longest first, so `=>` wins over `=`.
const PUNCT3 = ['...']
const PUNCT2 = ['??', '::', '!=', '!~', '<=', '>=', '==', '=~', '=>', '&&', '||']
const PUNCT1 = '{}()[]@,.?:+-%*/^!<>=|'

const isIdStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95
const isDigit = (c: number) => c >= 48 && c <= 57
const isIdPart = (c: number) => isIdStart(c) || isDigit(c)

/** What an open `{` or string hole on the lexer's stack is, to know what a `}` closes. */
type Open = { kind: 'brace' } | { kind: 'hole' } | { kind: 'mhole'; dollars: number }

export function lex(text: string): Token[] {
  const tokens: Token[] = []
  const stack: Open[] = []
  const n = text.length
  let i = 0
  let line = 0
  let lineStart = 0
  // Whether the next token is the first of its line (only whitespace or comments before it).
  let firstOnLine = true

  // Whether the token being scanned is the first of its line and in column 0.
  let atLineStart = false
  const push = (kind: TokenKind, start: number, tokenText: string, startLine: number, error?: string) => {
    const t: Token = { kind, text: tokenText, start, end: i, line: startLine, endLine: line, atLineStart }
    if (error) t.error = error
    tokens.push(t)
    firstOnLine = false
  }

  const newline = (at: number) => {
    // `\r\n`, `\n` and a lone `\r` each end a line.
    if (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10) at++
    line++
    lineStart = at + 1
    return at + 1
  }

  /** Scans a `'…'` string piece from `i` (after its opening `'` or `}`); returns its kind. */
  const stringPiece = (first: boolean): { kind: TokenKind; error?: string } => {
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === 10 || c === 13)
        return { kind: 'bad', error: 'unterminated string (a line break inside quotes)' }
      i++
      if (c === 39) return { kind: first ? 'str' : 'strR' }
      if (c === 36 && text.charCodeAt(i) === 123) {
        i++
        stack.push({ kind: 'hole' })
        return { kind: first ? 'strL' : 'strM' }
      }
      if (c === 92 && i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++
    }
    return { kind: 'bad', error: 'unterminated string at the end of the file' }
  }

  /** Scans a multi-line string piece from `i` (after `'''` or `}`); `dollars` > 0 allows holes. */
  const multilinePiece = (first: boolean, dollars: number): { kind: TokenKind; error?: string } => {
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === 39) {
        let quotes = 0
        while (text.charCodeAt(i) === 39) {
          i++
          quotes++
        }
        if (quotes >= 3) return { kind: first ? 'mstr' : 'mstrR' }
        continue
      }
      if (c === 36 && dollars > 0) {
        let run = 0
        while (text.charCodeAt(i) === 36) {
          i++
          run++
        }
        if (run >= dollars && text.charCodeAt(i) === 123) {
          i++
          stack.push({ kind: 'mhole', dollars })
          return { kind: first ? 'mstrL' : 'mstrM' }
        }
        continue
      }
      if (c === 10 || c === 13) {
        i = newline(i)
        continue
      }
      i++
    }
    return { kind: 'bad', error: "unterminated multi-line string (no closing ''')" }
  }

  while (i < n) {
    const c = text.charCodeAt(i)
    // Whitespace and comments.
    if (c === 32 || c === 9 || c === 0xfeff) {
      i++
      continue
    }
    if (c === 10 || c === 13) {
      const start = i
      const startLine = line
      // Inside a string hole a line break ends the string: Bicep reports it there.
      if (stack.length > 0 && stack[stack.length - 1].kind !== 'brace') {
        stack.length = 0
        atLineStart = false
        push('bad', start, '', startLine, 'unterminated string (a line break inside an interpolation)')
      }
      i = newline(i)
      if (tokens.length > 0 && tokens[tokens.length - 1].kind !== 'nl') {
        tokens.push({
          kind: 'nl',
          text: '\n',
          start,
          end: i,
          line: startLine,
          endLine: startLine,
          atLineStart: false,
        })
      }
      firstOnLine = true
      continue
    }
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++
      continue
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const start = i
      const startLine = line
      const startOfLine = lineStart
      i += 2
      let closed = false
      while (i < n) {
        const d = text.charCodeAt(i)
        if (d === 42 && text.charCodeAt(i + 1) === 47) {
          i += 2
          closed = true
          break
        }
        if (d === 10 || d === 13) i = newline(i)
        else i++
      }
      if (!closed) {
        atLineStart = firstOnLine && start === startOfLine
        push('bad', start, '/*', startLine, 'unterminated comment (no closing */)')
      }
      continue
    }
    // `#disable-next-line BCP…` and its kin: directives for the Bicep linter, read as comments.
    if (c === 35 && firstOnLine && isIdStart(text.charCodeAt(i + 1))) {
      while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++
      continue
    }

    const start = i
    const startLine = line
    atLineStart = firstOnLine && start === lineStart
    if (isIdStart(c)) {
      i++
      while (i < n && isIdPart(text.charCodeAt(i))) i++
      push('id', start, text.slice(start, i), startLine)
      continue
    }
    if (isDigit(c)) {
      i++
      while (i < n && isDigit(text.charCodeAt(i))) i++
      push('int', start, text.slice(start, i), startLine)
      continue
    }
    if (c === 39) {
      if (text.charCodeAt(i + 1) === 39 && text.charCodeAt(i + 2) === 39) {
        i += 3
        const r = multilinePiece(true, 0)
        push(r.kind, start, '', startLine, r.error)
        continue
      }
      i++
      const r = stringPiece(true)
      push(r.kind, start, '', startLine, r.error)
      continue
    }
    if (c === 36) {
      // `$'''…'''`, `$$'''…'''`: a multi-line string whose holes open with as many `$` before `{`.
      let dollars = 0
      while (text.charCodeAt(i) === 36) {
        i++
        dollars++
      }
      if (text.startsWith("'''", i)) {
        i += 3
        const r = multilinePiece(true, dollars)
        push(r.kind, start, '', startLine, r.error)
      } else push('bad', start, '$', startLine, 'unexpected character "$"')
      continue
    }
    if (c === 123) {
      i++
      if (stack.length > 0) stack.push({ kind: 'brace' })
      push('punct', start, '{', startLine)
      continue
    }
    if (c === 125) {
      i++
      const top = stack[stack.length - 1]
      if (top && top.kind !== 'brace') {
        stack.pop()
        const r = top.kind === 'hole' ? stringPiece(false) : multilinePiece(false, top.dollars)
        push(r.kind, start, '', startLine, r.error)
        continue
      }
      if (top) stack.pop()
      push('punct', start, '}', startLine)
      continue
    }
    const three = text.slice(i, i + 3)
    if (PUNCT3.includes(three)) {
      i += 3
      push('punct', start, three, startLine)
      continue
    }
    const two = text.slice(i, i + 2)
    if (PUNCT2.includes(two)) {
      i += 2
      push('punct', start, two, startLine)
      continue
    }
    i++
    if (PUNCT1.includes(text[start])) push('punct', start, text[start], startLine)
    else if (c >= 0xd800 && c <= 0xdbff && i < n) {
      i++
      push('bad', start, text.slice(start, i), startLine, `unexpected character "${text.slice(start, i)}"`)
    } else push('bad', start, text[start], startLine, `unexpected character ${JSON.stringify(text[start])}`)
  }
  tokens.push({ kind: 'eof', text: '', start: n, end: n, line, endLine: line, atLineStart: false })
  return tokens
}
