/**
 * Escaping for every place a reporter puts text that came from a scanned file. Resource names, route
 * names, expressions and messages quoting them are attacker-controlled data in a pull request: they
 * must never become a workflow command, Markdown/HTML markup, a Mermaid directive or a terminal escape.
 */

/** Workflow command message data (GitHub's rules, the same as @actions/core's `escapeData`). */
export function escapeCommandData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/**
 * Workflow command property values (`title=`, `file=`): data rules plus `:` and `,`, which delimit
 * properties.
 */
export function escapeCommandProperty(s: string): string {
  return escapeCommandData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/**
 * Makes text safe to print on a runner's stdout. The runner reads a line as a command when it starts
 * with `::` after leading whitespace (v2 commands) or holds `##[` anywhere (v1 commands, still parsed).
 * A zero-width space between the two characters breaks the keyword without changing what a reader
 * sees; .NET's TrimStart does not treat U+200B as whitespace, so it cannot be trimmed back.
 */
export function neutraliseCommands(text: string): string {
  return text
    .split(/(\r\n|\r|\n)/)
    .map((part) => part.replace(/^(\s*):(?=:)/, '$1:\u200b').replace(/##\[/g, '#\u200b#['))
    .join('')
}

/**
 * Strips C0/C1 control characters (ANSI escapes can rewrite a terminal or hide lines) except tab and
 * newline, which the text report lays out itself.
 */
export function stripControl(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
}

/** One line of untrusted text for a terminal or log: controls removed, line breaks folded to spaces. */
export function plainLine(s: string): string {
  return stripControl(s.replace(/\r\n|\r|\n/g, ' '))
}

const MARKDOWN_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '|': '&#124;',
  '`': '&#96;',
  '[': '&#91;',
  ']': '&#93;',
  '(': '&#40;',
  ')': '&#41;',
  '*': '&#42;',
  _: '&#95;',
  '~': '&#126;',
  '\\': '&#92;',
  '#': '&#35;',
  '!': '&#33;',
  // An @mention in a summary is rendered as a profile link; data should not address people.
  '@': '&#64;',
  ':': '&#58;',
}

/**
 * Inline Markdown text (a table cell, a list item, a <summary>): every character that Markdown or HTML
 * could read as syntax becomes an HTML entity, so the text renders literally whatever it holds. Line
 * breaks become `<br>` (our markup, not the data's) because a raw newline would end a table row.
 * `:` is escaped so that `javascript:`-style autolinks and emoji shortcodes are not formed.
 */
export function escapeMarkdown(s: string): string {
  return stripControl(s)
    .replace(/[&<>"|`[\]()*_~\\#!@:]/g, (c) => MARKDOWN_ENTITIES[c]!)
    .replace(/\r\n|\r|\n/g, '<br>')
}

/**
 * A table cell: as {@link escapeMarkdown}, and never empty (an empty cell is fine, but a dash reads better).
 */
export function escapeMarkdownCell(s: string): string {
  const e = escapeMarkdown(s.trim())
  return e === '' ? '—' : e
}

/**
 * A fenced code block whose fence is longer than any backtick run in the content, the CommonMark way to
 * keep a code block closed whatever the content holds. The info string is ours (hcl, bicep, json).
 */
export function markdownCodeBlock(code: string, language: string): string {
  const runs = stripControl(code).match(/`+/g) ?? []
  const longest = runs.reduce((n, r) => Math.max(n, r.length), 0)
  const fence = '`'.repeat(Math.max(3, longest + 1))
  const body = stripControl(code)
    .replace(/\r\n|\r/g, '\n')
    .replace(/\n+$/, '')
  return `${fence}${language.replace(/[^a-z0-9-]/gi, '')}\n${body}\n${fence}`
}

const MERMAID_ENTITIES: Record<string, string> = {
  '#': '#35;',
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '&': '#amp;',
  '[': '#91;',
  ']': '#93;',
  '(': '#40;',
  ')': '#41;',
  '{': '#123;',
  '}': '#125;',
  '|': '#124;',
  '`': '#96;',
  ';': '#59;',
  '%': '#37;',
}

/**
 * A Mermaid node or edge label, to be written inside double quotes: `["label"]`. Mermaid's own entity
 * syntax (`#quot;`) escapes the quote; `#` itself is escaped first so data cannot spell an entity.
 * Brackets, pipes and `%%` (a comment/directive) would otherwise end the label or start a directive;
 * `<`/`>` would be HTML in an htmlLabels diagram; backticks start Mermaid's Markdown strings.
 */
export function escapeMermaidLabel(s: string): string {
  return stripControl(s)
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[#"<>&[\](){}|`;%]/g, (c) => MERMAID_ENTITIES[c]!)
}
