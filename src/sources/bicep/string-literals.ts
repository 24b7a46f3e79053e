/**
 * Decoding Bicep string literals: escape sequences (`\n`, `\u{...}`, `\'`) and multi-line `'''` strings,
 * which take their text as written. Shared by the template (resource types, module paths written as
 * literals) and the expressions (strings with interpolations).
 */
import { hasToken, kids, type Node } from './syntax'

/** A string literal without interpolation (resource types, module paths). */
export function literalString(node: Node | undefined): string | undefined {
  if (node?.type !== 'string') return undefined
  if (kids(node).some((k) => k.type === 'interpolation')) return undefined
  return decodeStringParts(node)
}

/** The character an escape sequence stands for (`\n`, `\u{1F600}`, `\'`, `\$`). */
export function decodeEscape(text: string): string {
  switch (text[1]) {
    case 'n':
      return '\n'
    case 'r':
      return '\r'
    case 't':
      return '\t'
    case 'u': {
      const hex = /\{([0-9a-fA-F]+)\}/.exec(text)?.[1]
      return hex ? String.fromCodePoint(parseInt(hex, 16)) : text
    }
    default:
      return text.slice(1)
  }
}

/** A `'''` string: no escapes, no interpolation, a first line break dropped. */
export function isMultiline(node: Node): boolean {
  return hasToken(node, "'''")
}

/** The text of a string's literal parts (interpolations are skipped). */
export function decodeStringParts(node: Node): string {
  let out = ''
  for (const k of kids(node)) {
    if (k.type === 'string_content') out += k.text
    else if (k.type === 'escape_sequence') out += isMultiline(node) ? k.text : decodeEscape(k.text)
  }
  return isMultiline(node) ? out.replace(/^\r?\n/, '') : out
}
