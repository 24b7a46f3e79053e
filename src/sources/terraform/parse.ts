/**
 * Turns Terraform source into the plain AST of hcl-ast.ts: HCL native syntax through the hand-written parser
 * of hcl-native.ts, JSON syntax (.tf.json, .tfvars.json) through jsonc-parser. Nothing here evaluates
 * anything and the result is plain data, so a worker thread can run it and post the result back.
 */
import * as jsonc from 'jsonc-parser'
import { LineIndex } from '../parsing/json-lines'
import type { HclBlock, HclBody, HclComment, HclExpr, HclFile, HclSyntaxError } from './hcl-ast'
import { parseNative, parseTemplateText } from './hcl-native'

/** Longest source text kept on an expression node; messages only need to recognise it. */
const MAX_TEXT = 300

/** Lines and bounded source text of a JSON file. */
class Converter {
  private readonly lines: LineIndex
  constructor(readonly text: string) {
    this.lines = new LineIndex(text)
  }
  line(index: number): number {
    return this.lines.line(index)
  }
  span(start: number, end: number): { startLine: number; endLine: number } {
    return { startLine: this.line(start), endLine: this.line(end > start ? end - 1 : start) }
  }
  src(start: number, end: number): string {
    return end - start > MAX_TEXT
      ? this.text.slice(start, start + MAX_TEXT) + '…'
      : this.text.slice(start, end)
  }
}

/** Leading comments of top-level blocks: the comment lines right above the block, without a blank line. */
export function attachLeadingComments(body: HclBody, comments: HclComment[]): void {
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
export function parseHcl(path: string, text: string): HclFile {
  const { body, errors, comments } = parseNative(path, text)
  attachLeadingComments(body, comments)
  return { path, body, errors, comments }
}

// ---------------------------------------------------------------------------------------------------------
// JSON syntax (.tf.json, .tfvars.json)
// ---------------------------------------------------------------------------------------------------------

/** Labels each top-level block type takes in Terraform's JSON syntax. */
const JSON_LABELS: Record<string, number> = {
  resource: 2,
  data: 2,
  module: 1,
  variable: 1,
  output: 1,
  provider: 1,
  locals: 0,
  terraform: 0,
  moved: 0,
  import: 0,
  check: 1,
  removed: 0,
}

/**
 * Without provider schemas, a JSON property holding an object cannot be told apart as a nested block or a
 * map argument. These names are nested blocks (Terraform meta blocks and the azurerm network blocks the
 * adapters read); every other object is an argument. An array of objects looks the same either way.
 */
const JSON_NESTED_BLOCKS = new Set([
  'lifecycle',
  'provisioner',
  'connection',
  'timeouts',
  'route',
  'ip_configuration',
  'management_ip_configuration',
  'subnet',
  'delegation',
  'service_delegation',
  'security_rule',
  'virtual_hub',
  'dns',
  'ddos_protection_plan',
  'encryption',
  'identity',
  'rule',
  'rule_collection',
  'application_rule_collection',
  'network_rule_collection',
  'nat_rule_collection',
  'routing',
  'propagated_route_table',
  'static_vnet_route',
  'bgp_settings',
  'vpn_client_configuration',
  'ip_configurations',
  'content',
])

interface JsonCtx {
  path: string
  conv: Converter
  errors: HclSyntaxError[]
  /** .tfvars.json: values are literal, strings are not templates. */
  literal: boolean
}

/**
 * Parses a .tf.json or .tfvars.json file (Terraform's JSON configuration syntax), keeping line numbers.
 *
 * Strings in .tf.json are templates: those holding `${` or `%{` are parsed as template text (the decoded
 * string, like a heredoc's content) by the native parser.
 */
export function parseTfJson(path: string, text: string): HclFile {
  const conv = new Converter(text)
  const errors: HclSyntaxError[] = []
  const parseErrors: jsonc.ParseError[] = []
  const root = jsonc.parseTree(text, parseErrors, { allowTrailingComma: false, disallowComments: false })
  for (const e of parseErrors) {
    const line = conv.line(e.offset)
    errors.push({
      message: `JSON: ${jsonc.printParseErrorCode(e.error)}`,
      origin: { file: path, startLine: line, endLine: line },
    })
  }
  const ctx: JsonCtx = { path, conv, errors, literal: /\.tfvars\.json$/i.test(path) }
  if (!root || root.type !== 'object') {
    if (root)
      errors.push({
        message: 'JSON: the top level must be an object',
        origin: { file: path, ...conv.span(root.offset, root.offset + root.length) },
      })
    return { path, body: emptyBody(), errors }
  }
  const sp = conv.span(root.offset, root.offset + root.length)
  const body: HclBody = { attributes: [], blocks: [], ...sp }
  for (const prop of root.children ?? []) {
    const [k, v] = prop.children ?? []
    if (!k || !v) continue
    const name = String(k.value)
    const psp = conv.span(prop.offset, prop.offset + prop.length)
    if (name === '//') continue
    if (ctx.literal) {
      body.attributes.push({ name, expr: jsonExpr(ctx, v, 'literal'), ...psp })
      continue
    }
    const labels = JSON_LABELS[name]
    if (labels === undefined) {
      body.attributes.push({ name, expr: jsonExpr(ctx, v, 'template'), ...psp })
      continue
    }
    jsonBlocks(ctx, name, [], labels, v, body.blocks)
  }
  return { path, body, errors }
}

/** Expands `{"label": {"label2": {...body}}}` (or arrays of such) into blocks. */
function jsonBlocks(
  ctx: JsonCtx,
  type: string,
  labels: string[],
  remaining: number,
  node: jsonc.Node,
  out: HclBlock[],
): void {
  if (node.type === 'array') {
    for (const item of node.children ?? []) jsonBlocks(ctx, type, labels, remaining, item, out)
    return
  }
  if (node.type !== 'object') {
    const sp = ctx.conv.span(node.offset, node.offset + node.length)
    ctx.errors.push({
      message: `JSON: a \`${type}\` block must be an object`,
      origin: { file: ctx.path, ...sp },
    })
    return
  }
  if (remaining > 0) {
    for (const prop of node.children ?? []) {
      const [k, v] = prop.children ?? []
      if (!k || !v || k.value === '//') continue
      jsonBlocks(ctx, type, [...labels, String(k.value)], remaining - 1, v, out)
    }
    return
  }
  const sp = ctx.conv.span(node.offset, node.offset + node.length)
  out.push({ type, labels, body: jsonBody(ctx, type, node), ...sp })
}

/** Body of a block in JSON syntax. `variable` defaults and `type` are literal, not templates. */
function jsonBody(ctx: JsonCtx, blockType: string, node: jsonc.Node): HclBody {
  const body: HclBody = {
    attributes: [],
    blocks: [],
    ...ctx.conv.span(node.offset, node.offset + node.length),
  }
  for (const prop of node.children ?? []) {
    const [k, v] = prop.children ?? []
    if (!k || !v) continue
    const name = String(k.value)
    if (name === '//') continue
    const psp = ctx.conv.span(prop.offset, prop.offset + prop.length)
    if (name === 'dynamic' && v.type === 'object') {
      // "dynamic": {"route": {"for_each": ..., "content": {...}}}
      for (const dp of v.children ?? []) {
        const [dk, dv] = dp.children ?? []
        if (!dk || !dv) continue
        for (const item of dv.type === 'array' ? (dv.children ?? []) : [dv]) {
          if (item.type !== 'object') continue
          const isp = ctx.conv.span(item.offset, item.offset + item.length)
          body.blocks.push({
            type: 'dynamic',
            labels: [String(dk.value)],
            body: jsonBody(ctx, 'dynamic', item),
            ...isp,
          })
        }
      }
      continue
    }
    const isBlockish =
      JSON_NESTED_BLOCKS.has(name) &&
      (v.type === 'object' || (v.type === 'array' && (v.children ?? []).every((ch) => ch.type === 'object')))
    if (isBlockish && !(blockType === 'variable' || blockType === 'locals')) {
      for (const item of v.type === 'array' ? (v.children ?? []) : [v]) {
        const isp = ctx.conv.span(item.offset, item.offset + item.length)
        body.blocks.push({ type: name, labels: [], body: jsonBody(ctx, name, item), ...isp })
      }
      continue
    }
    const mode = blockType === 'variable' && (name === 'default' || name === 'type') ? 'literal' : 'template'
    const expr =
      blockType === 'variable' && name === 'type' && v.type === 'string'
        ? ({ type: 'literal', value: String(v.value), ...psp } as HclExpr)
        : jsonExpr(ctx, v, mode)
    body.attributes.push({ name, expr, ...psp })
  }
  return body
}

/** A JSON value as an expression; in `template` mode strings are HCL templates. */
function jsonExpr(ctx: JsonCtx, node: jsonc.Node, mode: 'literal' | 'template'): HclExpr {
  const sp = ctx.conv.span(node.offset, node.offset + node.length)
  const text = ctx.conv.src(node.offset, node.offset + node.length)
  switch (node.type) {
    case 'string': {
      const s = String(node.value)
      if (mode === 'literal' || (!s.includes('${') && !s.includes('%{'))) {
        return {
          type: 'literal',
          value: mode === 'literal' ? s : s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'),
          ...sp,
        }
      }
      return jsonTemplate(ctx, s, sp, text)
    }
    case 'number':
    case 'boolean':
    case 'null':
      return { type: 'literal', value: node.value as number | boolean | null, ...sp }
    case 'array':
      return { type: 'tuple', items: (node.children ?? []).map((ch) => jsonExpr(ctx, ch, mode)), text, ...sp }
    case 'object': {
      const items: { key: HclExpr; value: HclExpr }[] = []
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? []
        if (!k || !v || k.value === '//') continue
        const ksp = ctx.conv.span(k.offset, k.offset + k.length)
        items.push({
          key: { type: 'literal', value: String(k.value), ...ksp },
          value: jsonExpr(ctx, v, mode),
        })
      }
      return { type: 'object', items, text, ...sp }
    }
    default:
      return { type: 'invalid', text, ...sp }
  }
}

/** A JSON string holding `${...}` or `%{...}`: its decoded value is template text. */
function jsonTemplate(
  ctx: JsonCtx,
  s: string,
  sp: { startLine: number; endLine: number },
  text: string,
): HclExpr {
  const { parts, errors } = parseTemplateText(ctx.path, s, sp.startLine)
  if (errors.length > 0) {
    ctx.errors.push({ message: `invalid template ${text.slice(0, 80)}`, origin: { file: ctx.path, ...sp } })
    return { type: 'invalid', text, ...sp }
  }
  return { type: 'template', parts, text, ...sp }
}
