/**
 * An ARM template another source deploys (Terraform's azurerm_*_template_deployment, an azapi
 * `Microsoft.Resources/deployments`): evaluated with the template walker of this folder, with the
 * parameter values and the deployment target (resource group, subscription) the caller read, into the
 * same ARM-shaped resources an ARM template file yields.
 *
 * The template comes as JSON text (read by file(): its own lines; written inline: the caller's lines) or
 * as a value tree (jsonencode() of an object, an azapi body): the tree is laid out as JSON nodes whose
 * lines are the tree's own, and whose unknown parts stay the values they are (with their refs).
 */
import type { CloudName } from '../../kms/catalogue'
import type { Origin } from '../../model/value'
import type { HclValue } from '../evaluation/evaluated'
import { LineIndex, literal, parseJson, type JsonDoc, type JsonNode } from '../parsing/json-lines'
import { PRESET, TemplateLevel, type DeploymentSink, type DeploymentTarget } from './template'
import type { ArmDiagnostic, ArmResourceInput } from './types'
import type { UnreadPart } from '../mapping/may-change'

export type EmbeddedSource =
  /** JSON text; `file` when it was read from one (findings then point at its lines). */
  | { text: string; file?: string; site: Origin }
  /** A value tree (jsonencode() of an object, an azapi body's `properties.template`). */
  | { value: HclValue; site: Origin }

export interface EmbeddedTemplate {
  template: EmbeddedSource
  /** Parameter values by lower-case name. */
  parameters: Map<string, HclValue>
  /** Why a parameter not in `parameters` is unknown, when the parameters as a whole are not known. */
  unsupplied?: string
  cloud: CloudName
  /**
   * Reads a template linked by `templateLink.relativePath` (through the scan's read boundary), relative to
   * the template's own file: only a template read from a file has one.
   */
  readFile?: (file: string) => { ok: true; text: string } | { ok: false; reason: string }
  /** Prefix of model ids (the deploying resource's address). */
  idBase: string
  /** Prefix of the resources' addresses in messages. */
  prefix: string
  target: DeploymentTarget
}

export interface EmbeddedResult {
  resources: ArmResourceInput[]
  diagnostics: ArmDiagnostic[]
  /** Parts of the deployment not read (a nested template linked by URI) or not placed: what, why, where. */
  unread: UnreadPart[]
  /** Set when the template itself cannot be read (invalid JSON): why. */
  error?: string
  /** The deployment's outputs as ARM reports them: `{ name: { type, value } }`. */
  outputs?: HclValue
}

/** Lines of a heredoc: the text's own, from the line after `<<EOT`. */
class HeredocLines extends LineIndex {
  constructor(
    text: string,
    private readonly shift: number,
  ) {
    super(text)
  }

  override line(offset: number): number {
    return super.line(offset) + this.shift
  }
}

/**
 * Is `text` a heredoc written at `site` (`<<EOT` on the first line, `EOT` on the last, the text between)?
 * Then its lines are the file's; other inline text (a jsonencode() result, an escaped string) has none.
 */
function isHeredoc(text: string, site: Origin): boolean {
  const breaks = text.split('\n').length - 1
  return text.endsWith('\n') && site.endLine - site.startLine === breaks + 1
}

/** Offsets that are indexes into a table of origins: node k spans offsets 2k..2k+1. */
class TreeLines extends LineIndex {
  readonly origins: Origin[] = []

  constructor() {
    super('')
  }

  override line(offset: number): number {
    const o = this.origins[offset >> 1]
    return o === undefined ? 1 : offset & 1 ? o.endLine : o.startLine
  }
}

type Writable = { -readonly [K in keyof JsonNode]: JsonNode[K] }

/**
 * A value tree as JSON nodes. An unknown becomes a string node that carries the unknown itself (PRESET):
 * the template walker takes it as the value, ref and all, instead of evaluating the text. Parts written in
 * another file than `site` are placed at `site`.
 */
function nodesOf(v: HclValue, lines: TreeLines, site: Origin, parent?: JsonNode): JsonNode {
  const origin = v.origin.file === site.file ? v.origin : site
  const offset = lines.origins.push(origin) * 2 - 2
  // jsonc-parser's nodes are plain objects; its type marks them read-only for callers.
  const node: Writable = { type: 'null', offset, length: 1 }
  if (parent) node.parent = parent
  switch (v.kind) {
    case 'string':
      return Object.assign(node, { type: 'string', value: v.value })
    case 'number':
      return Object.assign(node, { type: 'number', value: v.value })
    case 'bool':
      return Object.assign(node, { type: 'boolean', value: v.value })
    case 'null':
      return node
    case 'unknown':
      return Object.assign(node, { type: 'string', value: v.expression, [PRESET]: v })
    case 'list':
      node.type = 'array'
      node.children = v.items.map((i) => nodesOf(i, lines, site, node))
      return node
    case 'object': {
      node.type = 'object'
      node.children = Object.entries(v.attrs).map(([k, x]) => {
        const p: Writable = { type: 'property', offset, length: 1, parent: node }
        const key: JsonNode = { type: 'string', value: k, offset, length: 1, parent: p }
        p.children = [key, nodesOf(x, lines, site, p)]
        return p
      })
      return node
    }
  }
}

function docOf(source: EmbeddedSource): { doc: JsonDoc } | { error: string } {
  if ('value' in source) {
    const lines = new TreeLines()
    const root = nodesOf(source.value, lines, source.site)
    return { doc: { path: source.site.file, text: '', root, lines } }
  }
  const { site } = source
  const parsed = parseJson(source.file ?? site.file, source.text)
  if (!parsed.ok) return { error: parsed.message }
  if (source.file !== undefined) return { doc: parsed.doc }
  if (isHeredoc(source.text, site))
    return { doc: { ...parsed.doc, lines: new HeredocLines(source.text, site.startLine) } }
  // Written inline without lines of its own: every part at the argument's lines.
  return docOf({ value: literal(parsed.doc, parsed.doc.root, site), site })
}

export function evaluateEmbeddedTemplate(t: EmbeddedTemplate): EmbeddedResult {
  const result: EmbeddedResult = { resources: [], diagnostics: [], unread: [] }
  const read = docOf(t.template)
  if ('error' in read) return { ...result, error: `the template is not valid JSON (${read.error})` }
  const { doc } = read
  if (doc.root.type !== 'object') return { ...result, error: 'the template is not a JSON object' }
  const sink: DeploymentSink = {
    cloud: t.cloud,
    idBase: t.idBase,
    resources: result.resources,
    diagnostics: result.diagnostics,
    instances: [],
    usedIds: new Set(),
    // A template read from a file links relative to that file, as Azure resolves relativePath against the
    // linking template's location; one written inline has no location: what it links is named as not read.
    readFile:
      t.readFile && 'file' in t.template && t.template.file !== undefined
        ? t.readFile
        : () => ({
            ok: false,
            reason: 'is not read (linked from a template written inline, which has no location)',
          }),
    linked: new Set(),
    running: [doc.path],
    unread: result.unread,
  }
  result.outputs = new TemplateLevel(
    sink,
    doc,
    doc.root,
    t.parameters,
    t.prefix,
    undefined,
    t.unsupplied,
    undefined,
    t.target,
  ).run()
  return result
}
