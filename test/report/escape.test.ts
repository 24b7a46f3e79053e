import * as core from '@actions/core'
import {
  escapeCommandData,
  escapeCommandProperty,
  escapeMarkdown,
  escapeMarkdownCell,
  escapeMermaidLabel,
  markdownCodeBlock,
  neutraliseCommands,
  plainLine,
  stripControl,
} from '../../src/report/escape'
import { HOSTILE } from './findings'
import { captureStdout } from '../helpers/capture-stdout'

/** Lines the runner would read as workflow commands: `::` after leading whitespace, or `##[` anywhere. */
function commandLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((l) => l.trimStart().startsWith('::') || l.includes('##['))
}

describe('workflow command escaping', () => {
  test('data: %, CR, LF', () => {
    expect(escapeCommandData('50% a\r\nb')).toBe('50%25 a%0D%0Ab')
    expect(escapeCommandData('%0A')).toBe('%250A')
  })

  test('properties also escape : and ,', () => {
    expect(escapeCommandProperty('KMS001: a, b\n%')).toBe('KMS001%3A a%2C b%0A%25')
  })

  test('matches what @actions/core emits for an annotation, on one line', () => {
    const out = captureStdout(() =>
      core.error(HOSTILE, { title: `KMS001: ${HOSTILE}`, file: 'infra/a,b:c.tf', startLine: 3, endLine: 4 }),
    )
    expect(out).toBe(
      `::error title=${escapeCommandProperty(`KMS001: ${HOSTILE}`)},file=infra/a%2Cb%3Ac.tf,line=3,endLine=4::` +
        `${escapeCommandData(HOSTILE)}\n`,
    )
    expect(out.trimEnd().split('\n')).toHaveLength(1)
  })
})

describe('neutraliseCommands', () => {
  test('a line starting with :: (after whitespace) is no longer a command', () => {
    const text = `ok\n::error::pwned\n   ::warning file=x::y\r\n\t::set-output name=a::b\nmid ::error:: fine`
    const n = neutraliseCommands(text)
    expect(commandLines(n)).toEqual([])
    expect(n.split('\n')).toHaveLength(text.split('\n').length)
    expect(n).toContain('mid ::error:: fine')
    expect(n.replace(/\u200b/g, '')).toBe(text)
  })

  test('v1 ##[ commands are broken anywhere in the line', () => {
    const n = neutraliseCommands('x ##[error]pwned ##[set-output name=a;]b')
    expect(n).not.toContain('##[')
    expect(n.replace(/\u200b/g, '')).toBe('x ##[error]pwned ##[set-output name=a;]b')
  })

  test('is idempotent', () => {
    expect(neutraliseCommands(neutraliseCommands(HOSTILE))).toBe(neutraliseCommands(HOSTILE))
  })
})

describe('terminal text', () => {
  test('control characters and bidi overrides are removed, tab and newline kept', () => {
    expect(stripControl('a\u001b[31mred\u001b]0;title\u0007\tb\nc\u202ed')).toBe('a[31mred]0;title\tb\ncd')
  })
  test('plainLine folds line breaks', () => {
    expect(plainLine('a\r\nb\nc\rd')).toBe('a b c d')
  })
})

describe('Markdown', () => {
  test('every syntax character becomes an entity', () => {
    const e = escapeMarkdown('a|b `c` <script>alert(1)</script> & [x](javascript:y) *b* _i_ ~s~ \\ # ! @team')
    expect(e.replace(/&#?[a-z0-9]+;/g, '')).not.toMatch(/[|`<>[\]()*_~\\#!@&]/)
    expect(e).toContain('&lt;script&gt;')
    expect(e).toContain('&#124;')
    expect(e).toContain('&#96;c&#96;')
    expect(e).toContain('&amp;')
    expect(e).toContain('&#64;team')
  })

  test('line breaks become <br>, so a table row cannot be split', () => {
    expect(escapeMarkdown('a\r\nb\nc')).toBe('a<br>b<br>c')
    const cell = escapeMarkdownCell(HOSTILE)
    expect(cell).not.toMatch(/[\r\n|]/)
    expect(cell).not.toContain('<script')
  })

  test('empty cell reads as a dash', () => {
    expect(escapeMarkdownCell('  ')).toBe('—')
  })

  test('code block fence outgrows any backtick run in the content', () => {
    const block = markdownCodeBlock('a ```` b\n```\n', 'hcl')
    const lines = block.split('\n')
    expect(lines[0]).toBe('`````hcl')
    expect(lines.at(-1)).toBe('`````')
    expect(lines.slice(1, -1)).toEqual(['a ```` b', '```'])
  })

  test('the info string is ours only', () => {
    expect(markdownCodeBlock('x', 'hcl onclick=1').split('\n')[0]).toBe('```hclonclick1')
  })
})

describe('Mermaid labels', () => {
  test('quotes, brackets, entities, html and directives are escaped', () => {
    const e = escapeMermaidLabel('a "b" [c] (d) {e} |f| <g> #quot; %%{init}%% `h`; &\nz')
    expect(e.replace(/#[a-z0-9]+;/g, '')).not.toMatch(/["[\](){}|<>`;%#&\n]/)
    expect(e).toContain('#quot;b#quot;')
    // The data's own `#quot;` is shown literally, not interpreted.
    expect(e).toContain('#35;quot#59;')
    expect(e).toContain('#lt;g#gt;')
  })
})
