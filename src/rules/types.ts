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
import type { VnetMention } from '../model/vnet'

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
  /**
   * Other places that matter, nearest first: when `location` is the caller's line that wrote the decisive
   * value (a module argument, a tfvars entry, a parameter file), the module's block that used it.
   */
  related?: Origin[]
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
  /**
   * KMS012 only: every file it names was read; the notice is about the scan's scope (module tests and
   * examples left out) or a comment (a suppression that suppresses nothing), not a read or parse failure.
   */
  readFine?: true
  /** Azure portal link of a deployed resource. */
  link?: string
  /**
   * The subnets (or NICs) whose Windows VMs the finding harms, by Azure identity: what identity.ts keys
   * new/existing/fixed on, one subnet at a time.
   */
  affected?: AzureRef[]
  /**
   * The VNets of the affected subnets, with the label the texts (`subnets`, `subnetPaths`, `message`) give
   * them now: the report labels them across units (src/report/vnet-labels.ts) so two `vnet-spoke` never
   * read as one.
   */
  vnets?: VnetMention[]
  /**
   * `message`, `subnets` and `subnetPaths[].subnet` as parts with a slot where a VNet of `vnets` is named,
   * when one is (src/rules/mention-text.ts): the plain texts are rendered from these with the labels of the
   * whole report. Whoever changes `message` changes these too (aroundMessage).
   */
  texts?: FindingTexts
  /** The decisive hop (the route, rule, firewall or subnet the finding points at), by Azure identity. */
  hop?: AzureRef
  /**
   * The deployment unit judged: the root module directory or the template (with its parameter variant),
   * relative to the scan root. Findings of two units never merge. Unset for deployed-only findings.
   */
  unit?: string
  /**
   * Every place whose change could change this verdict: the blocks of the objects on the path (subnet,
   * association, route table, route, firewall, rule, NSG) and the inputs they come from (var-file entries,
   * module calls). `scope: changed` compares them with the changed files.
   */
  sources?: Origin[]
}

/** A text with VNet mention slots: plain strings, and `{ vnet: i }` where Finding.vnets[i]'s label goes. */
export type MentionText = (string | { vnet: number })[]

/** The texts of a finding that name VNets, as parts (Finding.texts). */
export interface FindingTexts {
  message: MentionText
  /** One per Finding.subnets. */
  subnets?: MentionText[]
  /** One per Finding.subnetPaths (its `subnet`). */
  subnetPaths?: MentionText[]
}

/**
 * A resource as Azure knows it. `name` (and parents, resource group, subscription) are set where the
 * source states them; `iac` (the model id: IaC address or lower-cased ARM id) stands in when it does not.
 */
export interface AzureRef {
  /** What it is: `subnet`, `routeTable`, `route`, `nsg`, `nsgRule`, `firewall`, `firewallRule`, ... */
  kind: string
  subscription?: string
  resourceGroup?: string
  /** Names of the parents, outermost first: the virtual network of a subnet, the table of a route. */
  parents?: string[]
  /** The Azure name, when known. */
  name?: string
  iac: string
  /**
   * How the IaC-address parts of the key (`iac` when the name is unknown, parents whose names are
   * unknown) were spelled before the unit's Terraform `moved` blocks: one entry per combination.
   */
  formerly?: { iac: string; parents?: string[] }[]
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
  check(ctx: RuleContext): Finding[]
}
