/** The pipeline's contract with its shells (action, CLI) and reporters. */
import type { CloudName } from '../kms/catalogue'
import type { NetworkModel } from '../model/network'
import type { LoadedConfig } from '../config/config'
import type { Finding } from '../rules/types'
import type { Suppressed } from '../suppress/inline'
import type { DownloadSettings } from '../sources/terraform/modules/download'
import type { ScanVerdict } from '../analysis/verdict'
import type { BaselineEntry, BaselineFile } from '../compare/baseline'
import type { DiscoveredFile } from '../sources/parsing/discover'
import type { ConnectionFact, GatewayFact, VnetFact, VnetNeed } from '../analysis/cross-unit-vnets'
import type { FirewallFact, FirewallNeed } from '../analysis/cross-unit-firewalls'
import type { GatewayIdentity, SiteFact } from '../analysis/cross-unit-sites'
import type { AttachFact } from '../analysis/cross-unit-attachments'

export interface ScanOptions {
  /** Directory (or single file) to scan; absolute or relative to cwd. */
  path: string
  /** A cloud, or 'auto' (azurerm provider `environment`, else AzureCloud). */
  cloud: CloudName | 'auto'
  /** Extra Terraform var files (paths relative to cwd or absolute), highest precedence, in order. */
  varFiles: string[]
  /** `terraform show -json` plans to judge, also outside the scanned path (plans inside it are found by content). */
  planFiles?: string[]
  /** Every KMS011 notice on its own (one per object and value) instead of one per cause. */
  verbose?: boolean
  /** Accepted for compatibility; parsing runs on the calling thread (see sources/parse-pool.ts). */
  workers?: boolean
  /**
   * Fetch Terraform registry and git modules that `terraform init` has not installed
   * (--download-modules / `download-modules: true`); unset: they are named as not fetched.
   */
  downloadModules?: DownloadSettings
  /** `.azure-kms-guard.yml` as loaded (src/config): filters, severities, suppressions, appliances, var files. */
  config?: LoadedConfig
  /** Repository root: config globs and var files are relative to it (default: the scanned path). */
  repoRoot?: string
  /**
   * The repository the scanned path is in (the CLI: git's top level; the action: the workspace): local
   * modules a unit calls outside the scanned path are read from it (src/sources/terraform/outside-modules.ts).
   * Default: repoRoot.
   */
  readRoot?: string
  /**
   * The deployed network (live Azure). The IaC is overlaid on it before judging, so the verdict is about
   * the network as it will be after the change; `deletedIds` are ARM ids the change removes.
   */
  deployed?: { model: NetworkModel; cloud: CloudName; deletedIds?: string[] }
  /** Findings accepted earlier (`--baseline`, the action's `baseline`): only the others are reported. */
  baseline?: BaselineFile
  /** Told as the scan goes (the CLI's progress line): files found, then each unit judged. */
  onProgress?: (progress: ScanProgress) => void
  /**
   * Which Terraform root modules and Bicep deployments to judge (a pull request run judges the units its
   * change can affect, src/action/pull-request.ts); unset: all. Plain data, so the scan runs in its
   * worker (src/pipeline/scan-isolated.ts) with it. ARM templates and plans are always judged.
   */
  units?: UnitSelection
  /**
   * The scan's second pass (src/pipeline/cross-unit.ts): only these units are judged, each with the VNets
   * other units of the scan declare laid into its model. Set by the pipeline, never by a shell.
   */
  rejudge?: Rejudge
  /**
   * No other scan follows in this process (a CLI scan): the scan worker ends once the units are judged,
   * so its heap (~100 MB in a 30 MB scan) is given back before the merge and the report are made.
   */
  lastScan?: boolean
}

/** A second pass as plain data: the units to judge again and, by Judgement.order, the facts each gets. */
export interface Rejudge {
  /** Terraform root module directories and Bicep/ARM entry templates (absolute), as ScanUnit.root and Judgement.unit. */
  units: string[]
  facts: Record<number, VnetFact[]>
  /** Other units' firewalls the unit's routes read (src/analysis/cross-unit-firewalls.ts), by identity. */
  firewalls?: Record<number, FirewallFact[]>
  /**
   * Units (as `units`) judged again only to hand over the firewalls asked of them: their judgements are
   * not replaced. Each asked firewall's FirewallFact.order says which of the unit's judgements declares it.
   */
  providers?: string[]
  /** Other units' sites linked to the unit's VPN gateways (src/analysis/cross-unit-sites.ts). */
  sites?: Record<number, SiteFact[]>
  /**
   * VPN gateways the unit's connections read, declared by another unit: its notices naming them as not
   * declared are dropped (src/analysis/cross-unit-sites.ts settleGatewayNotices).
   */
  settled?: Record<number, GatewayIdentity[]>
  /**
   * Other units' Virtual WAN hub connections to VNets the unit declares (src/analysis/cross-unit-vnets.ts
   * ConnectionFact): the second pass asks the connecting unit for the hub's facts (its order is a provider).
   */
  connections?: Record<number, ConnectionFact[]>
  /**
   * Other units' NSGs, route tables, NAT gateways and VM NICs attached to subnets the unit declares
   * (src/analysis/cross-unit-attachments.ts): the second pass asks the attaching unit for them.
   */
  attachments?: Record<number, AttachFact[]>
  /** Other units' gateways in VNets the unit declares (src/analysis/cross-unit-vnets.ts GatewayFact). */
  vnetGateways?: Record<number, GatewayFact[]>
  /** The attaching unit's side: which of its attachments (AttachFact.index) another unit declares the subnet of. */
  settledAttachments?: Record<number, number[]>
}

/**
 * A unit selection as plain data (structured-clone safe: no functions). Each Terraform root module and
 * Bicep deployment is decided before it is parsed (src/compare/units.ts chooseUnit):
 * 1. a unit whose key is in `reuse` is judged only when its inputs' hash differs from the one given;
 * 2. any other unit, when `changed` is set, only when the change touches one of its inputs.
 */
export interface UnitSelection {
  /** Unit keys are relative to this directory (the scanned one): see src/compare/units.ts unitKey. */
  keyRoot: string
  /** Input hashes are taken relative to this checkout root; set it to get each judged unit's hash back. */
  hashRoot?: string
  /** The change, as absolute paths under the scanned checkout: current and earlier names, and removed files. */
  changed?: { paths: string[]; removed: string[] }
  /**
   * Unit key → input hash(es) judged elsewhere (the head, the action's cache-dir): the same inputs have the
   * same findings. UnitChoice.hash says which one matched.
   */
  reuse?: Record<string, string | readonly string[]>
  /**
   * Every path the change touched (absolute, under the scanned checkout), also when `changed` does not
   * narrow the scan: a changed file a unit may read as data (file(), loadTextContent()) enters its hash.
   */
  touched?: string[]
  /**
   * The files to scan instead of discovering them (absolute, in discovery's order): a pull request's head
   * known from git's index, less the Terraform files of units the change cannot affect (src/compare/head-index.ts).
   */
  files?: DiscoveredFile[]
  /**
   * Unit keys judged whatever the change touches: units that read a VNet a changed unit declares, or declare
   * one it reads, so they are judged with its facts (src/action/pull-request.ts).
   */
  also?: string[]
}

/** What the selection decided for one unit (ScanResult.units). */
export interface UnitChoice {
  key: string
  judged: boolean
  /** Not judged because the change does not touch it, or because its inputs are those `reuse` names. */
  why?: 'untouched' | 'same-inputs'
  /** Its inputs' hash relative to UnitSelection.hashRoot, when set (units judged or compared with `reuse`). */
  hash?: string
  /**
   * A unit judged because the change touches it or UnitSelection.also names it, or left out because the
   * change does not touch it (UnitSelection.changed and hashRoot set): its files, relative to hashRoot
   * (forward slashes), so a pull request's base knows them without forming its units and the run can look
   * for the VNets they read.
   */
  files?: string[]
}

/** A deployment unit as the scan finds it, before parsing. */
export interface ScanUnit {
  kind: 'terraform' | 'bicep'
  /** Terraform: the root module directory; Bicep: the entry template (absolute). */
  root: string
  /** Every file of the unit (modules and auto-loaded var files included), absolute. */
  files: string[]
  /** The user's var files every Terraform unit reads. */
  varFiles: string[]
}

export interface ScanProgress {
  /** Files the scan reads. */
  files: number
  /** Units (Terraform root modules, Bicep/ARM deployment variants) judged so far. */
  units: number
}

export interface ScanResult {
  /** The clouds judged (one unless `auto` found several). */
  clouds: CloudName[]
  findings: Finding[]
  /** Files read, for the summary. */
  filesScanned: number
  /** Absolute path of the scanned root. */
  root: string
  /** Findings the user suppressed (inline or in the config), with the reason given. */
  suppressed: Suppressed[]
  /**
   * Each subnet's verdict (reachable only where the path was followed end to end, blocked with the
   * deciding hop, undecided with what would resolve it) and the scan's overall verdict. Every renderer
   * takes the headline from here.
   */
  verdict: ScanVerdict
  /** With a baseline: how many findings it held back, and its entries no finding matches any more. */
  baseline?: { known: number; fixed: BaselineEntry[] }
  /** With ScanOptions.units: what was decided for each Terraform root module and Bicep deployment. */
  units?: UnitChoice[]
  /**
   * With UnitSelection.hashRoot: each .tf file read for its module calls, by its path relative to hashRoot
   * (forward slashes), with its git blob id and the directories it calls (relative the same way), so a pull
   * request's base forms its units without reading the files it shares with the head (src/compare/base-tree.ts).
   */
  terraformCalls?: Record<string, { oid: string; calls: string[] }>
  /**
   * The VNets each judged unit declares, by unit key (UnitChoice.key) and as reports name it: units
   * not judged in this run that read them were not judged again with them (src/pipeline/cross-unit.ts).
   */
  declaredVnets?: { key: string; unit: string; vnets: string[] }[]
  /**
   * Each judged unit that declares or reads VNets across units (src/pipeline/cross-unit.ts), by unit key:
   * what it declares, what its first judgement needed of other units, and a digest of the other units'
   * facts it was judged again with. A pull request run follows it to the units a change to a hub reaches,
   * and the cache-dir keys such a unit's findings by those facts (src/compare/unit-cache.ts).
   */
  crossUnit?: UnitCrossVnets[]
}

/** One unit's part in the exchange of VNet facts across units (ScanResult.crossUnit). */
export interface UnitCrossVnets {
  key: string
  /** The VNets it declares (name, ARM-id key where known). */
  declares: VnetNeed[]
  /** The VNets its undecided subnets rested on when it was judged alone (empty: it reads none it needs). */
  needs: VnetNeed[]
  /** The names of the firewalls it declares (a pull request run changing it looks for the units reading them). */
  declaresFirewalls?: string[]
  /** The firewalls its routes read and it does not declare (a pull request run looks for the units declaring them). */
  firewallNeeds?: FirewallNeed[]
  /** A digest of the facts it was judged again with: its findings depend on the units that gave them. */
  facts?: string
  /**
   * The VNets its Virtual WAN hub connections connect, or whose subnets it attaches an NSG, route table or NIC
   * to, that it does not declare: the units declaring them are judged again with its hub's facts or its
   * attachments (a pull request run changing it judges them too).
   */
  connects?: VnetNeed[]
  /** The names of the VPN gateways its sites connect to that it does not declare (a pull request run changing it judges their units). */
  siteGateways?: string[]
  /** The names of the VPN gateways it declares (a pull request run judging it looks for the units linking sites to them). */
  gateways?: string[]
  /**
   * It declares a VNet or firewall whose name could not be evaluated: which units read it cannot be told by
   * name (a pull request run changing it judges every unit reading a VNet or firewall of another unit).
   */
  declaresUnnamed?: true
}
