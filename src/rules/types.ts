/**
 * What a rule is and what it reports. Rules turn analysis results into findings; they know nothing of
 * source formats: they describe the fix in model terms (fix-change.ts), and the report edge
 * (src/report/fix) writes it in the format of the object it changes.
 */
import type { CloudName } from '../kms/catalogue'
import type { NetworkModel, SourceFormat } from '../model/network'
import type { Origin } from '../model/value'
import type { Analysis, PathStep } from '../analysis/types'
import type { FixChange } from './fix-change'

export type Severity = 'error' | 'warning' | 'notice'

export const SEVERITY_ORDER: Record<Severity, number> = { notice: 1, warning: 2, error: 3 }

export interface Finding {
  ruleId: string
  severity: Severity
  /** Title of the rule, for annotation titles `KMS001: <title>`. */
  title: string
  /** Plain sentences: what happens, why it breaks activation, what to do. */
  message: string
  /** The lines to change. `file` is an absolute path (reporters make it relative). */
  location: Origin
  /** Readable address of the resource the finding is about, e.g. `azurerm_route_table.spoke`. */
  resource: string
  /** KMS addresses the finding concerns. */
  kmsAddresses: string[]
  cloud: CloudName
  /** The path taken, e.g. `snet-app → rt-spoke: 0.0.0.0/0 → VirtualNetworkGateway`. */
  path?: string
  /** The change that fixes it, in model terms (reports render it in the changed object's format). */
  fix?: FixChange
  format?: SourceFormat
  /** Subnet names affected, for the summary. */
  subnets?: string[]
  /** Each affected subnet with the path its own KMS traffic takes (`path` is the first of them). */
  subnetPaths?: SubnetPath[]
  /**
   * About a route table no scanned subnet uses (yet): what would break once a subnet is associated.
   * Reported one severity level lower than the rule's (error → warning → notice).
   */
  latent?: boolean
  /** About a deployed resource that the scanned code does not define (live state): location is its ARM id. */
  deployed?: boolean
  /** Azure portal link of a deployed resource. */
  link?: string
}

/** A subnet's path to KMS: as a sentence, and hop by hop for drawings. */
export interface SubnetPath {
  subnet: string
  path: string
  /** The hops in order, named as Azure names them; absent on findings built without a traced path. */
  hops?: PathHop[]
}

/**
 * One hop of a path in Azure terms: `name` is the Azure name when the source states it (never an IaC
 * address or expression), `detail` an address, prefix, next hop type or rule decision.
 */
export interface PathHop {
  kind: PathStep['kind']
  name?: string
  detail?: string
}

export interface RuleExample {
  /** 'good' must give no finding of this rule; 'bad' must give at least one. */
  kind: 'good' | 'bad'
  format: SourceFormat
  /** A short description for docs. */
  description: string
  /** Files of the example: relative name → content. */
  files: Record<string, string>
  cloud?: CloudName
}

export interface RuleContext {
  cloud: CloudName
  /** One notice per unresolved value and object (KMS011) instead of one per cause. */
  verbose?: boolean
  model: NetworkModel
  analysis: Analysis
}

export interface Rule {
  id: string
  title: string
  severity: Severity
  /** Why it matters (Markdown, for docs/rules.md and SARIF help). */
  explanation: string
  /** How to fix it, in general terms (Markdown). Per-format fix text is built on each finding. */
  fix: string
  examples: RuleExample[]
  check(ctx: RuleContext): Finding[]
}
