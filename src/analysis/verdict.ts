/**
 * The honest verdict: for each Windows VM subnet, whether its KMS traffic was followed end to end to an
 * Azure egress (reachable), stopped at a hop (blocked), or could not be followed (undecided: which hop,
 * why, and what would let the scan follow it). "Reachable" is earned only by a path followed to its end;
 * a scan that found no subnet at all says so instead of passing.
 *
 * Only the current KMS addresses decide a subnet's verdict (the legacy address has its own rules).
 */
import type { CloudName } from '../kms/catalogue'
import type { SourceFormat } from '../model/network'
import type { Origin } from '../model/value'
import { vnetMentionOf, type VnetMention } from '../model/vnet'
import { displayName } from './lookup'
import { nsgBlocks } from './nsg'
import type { Analysis, KmsPath, UnresolvedValue } from './types'

export type SubnetState = 'reachable' | 'blocked' | 'undecided'

export interface SubnetVerdict {
  /** The subnet's Azure name (or its address when the name is unknown). */
  subnet: string
  /** The VNet's name; `vnet-spoke (rg-spoke-a)` when another VNet of the report shares it. */
  vnet?: string
  /** The VNet as the report labels it across units (src/report/vnet-labels.ts); not in the JSON report. */
  vnetMention?: VnetMention
  /** IaC address or ARM id. */
  address: string
  origin: Origin
  format: SourceFormat
  cloud: CloudName
  /** Deployment variant (a .bicepparam or parameters file). */
  variant?: string
  state: SubnetState
  /** The path of the KMS address that decided the state. */
  path: string
  /** blocked: the hop that stops KMS traffic; undecided: the hop that could not be followed. */
  hop?: string
  /** undecided: why the hop could not be followed. */
  why?: string
  /** undecided: what would let the scan decide (an init, a var file, `live: true`, a config entry). */
  resolve?: string
}

/**
 * none: no subnet was found to judge (an empty folder, a mistyped path, a folder without an Azure
 * network): never a pass by default.
 */
export type OverallVerdict = 'reachable' | 'blocked' | 'undecided' | 'none'

export interface ScanVerdict {
  overall: OverallVerdict
  subnets: SubnetVerdict[]
  reachable: number
  blocked: number
  undecided: number
  /** Files read and files skipped (too large, unreadable, outside the root). */
  files: { read: number; skipped: number }
  /** Route tables no subnet uses (judged by the rules, but no subnet's verdict). */
  unusedRouteTables: number
}

const HINTS: { test: RegExp; resolve: string }[] = [
  {
    // A resource behind a condition the scan cannot evaluate (src/sources/mapping/conditional.ts).
    test: /may not be deployed: its (condition|count)/i,
    resolve:
      'give what its condition (or count) reads a value the scan can see: a parameter default, a parameters file or .bicepparam, a var file',
  },
  {
    // Two commits that replace each other (src/sources/mapping/avnm-commits.ts).
    test: /in an order the scan cannot tell/i,
    resolve:
      'make the later commit depend on the other (dependsOn or depends_on, or a reference to it), or set `live: true` to read what is committed',
  },
  {
    test: /deployment script .* may commit/i,
    resolve:
      'write the commit so the scan can read it (configuration ids, `CommitType` and `TargetLocation` as literals, script arguments or environment variables set from the template), or set `live: true` to read what is committed',
  },
  {
    test: /the configuration is committed to|commits it to regions the scan cannot read/i,
    resolve:
      'give the virtual network’s `location` and the commit’s target regions values the scan can see (a parameter default, a .bicepparam or parameters file), or set `live: true`',
  },
  {
    // A live read Azure refused or did not answer (src/sources/azure).
    test: /could not be read \((HTTP (40[13]|429)|not read within|no answer within)/i,
    resolve:
      'grant the identity the read it was refused (Reader, plus the actions docs/workflows.md lists for the effective views); where Azure throttled the read (HTTP 429) or did not answer, run again later or raise `live-time-budget`',
  },
  {
    // A live hub effective route to a gateway: the request leaves Azure (src/sources/azure/hub-routes.ts).
    test: /which the scan does not follow \(on-premises/i,
    resolve:
      'route the KMS addresses to the Internet in Azure (a /32 → Internet route in the spoke’s route table, or a static route in the hub route table), or make sure on-premises forwards TCP 1688 to the KMS addresses',
  },
  {
    // A template deployment the scan cannot read (src/sources/terraform/adapters/template-opaque.ts).
    test: /deploys an ARM template the scan cannot read/i,
    resolve:
      'keep the template in the repository and pass it with file() or jsonencode() (a template spec or a template linked by URI is not read), or set `live: true` with `effective-routes: true` to decide from the deployed network',
  },
  // Parts of a standalone Bicep or ARM deployment the scan cannot follow (src/sources/mapping/may-change.ts).
  {
    test: /is a resource the scan cannot place/i,
    resolve:
      'give the parameters that name the resource (its type, its parent’s name) values the scan can see (a parameter default, a .bicepparam or parameters file), or set `live: true` with `effective-routes: true` to decide from the deployed network',
  },
  {
    test: /deploys instances the scan cannot count/i,
    resolve:
      'give the collection the loop runs over a value the scan can see (a parameter default, a .bicepparam or parameters file), or set `live: true` with `effective-routes: true` to decide from the deployed network',
  },
  {
    test: /deploys what the scan cannot read: (registry|template spec) module/i,
    resolve:
      "keep the module in the repository and call it as a local module (`module x './modules/….bicep'`), or set `live: true` with `effective-routes: true` to decide from the deployed network",
  },
  {
    test: /deploys what the scan cannot read: local module/i,
    resolve:
      'scan the folder that holds the module file too, or set `live: true` with `effective-routes: true`',
  },
  {
    test: /deploys what the scan cannot read/i,
    resolve:
      'keep the linked template in the repository and link it by `templateLink.relativePath` (in Bicep: call it as a local module), or set `live: true` with `effective-routes: true` to decide from the deployed network',
  },
  {
    test: /module (not fetched|not evaluated)|registry module|\bbr[:/]|template spec/i,
    resolve:
      'run `terraform init` before the scan (modules are read from .terraform/modules), or `terraform-plan` with a plan JSON',
  },
  {
    test: /routes learned over BGP reach this subnet/i,
    resolve:
      'set `live: true` with `effective-routes: true` so the effective routes Azure uses decide; or disable gateway ' +
      "route propagation on the subnet's route table (`bgp_route_propagation_enabled = false`, " +
      '`disableBgpRoutePropagation: true`) and add the routes it needs statically; or add routes for the KMS ' +
      'addresses (/32, next hop Internet), which win over any route learned over BGP',
  },
  {
    // Another unit redeclares a subnet that may be this one (src/analysis/cross-unit-attachments.ts).
    test: /may be this subnet or another of the same names/i,
    resolve:
      'state the resource group in both units (Bicep `scope: resourceGroup(…)` on the module, ARM resourceGroup of the deployment, Terraform resource_group_name), or set `live: true` to read the deployed subnet',
  },
  {
    // Two units give one subnet different associations (src/analysis/cross-unit-attachments.ts).
    test: /whichever of the two is applied last stays/i,
    resolve:
      'make one unit own the subnet’s route table and NSG (drop them from the other’s declaration, or give it the same ones), or set `live: true` to read what is deployed',
  },
  {
    test: /variable|var\.|no value|without value/i,
    resolve: 'pass a var file (`var-files` input, `--var-file`) or give the variable a default',
  },
  {
    test: /parameter/i,
    resolve: 'give the parameter a default or add a parameters file / .bicepparam for it',
  },
  {
    test: /not in the scanned sources|another deployment|reference\(/i,
    resolve: 'scan the folder that defines it too, or set `live: true` to read it from the deployed network',
  },
  {
    test: /computed at apply|apply time/i,
    resolve: 'judge a plan (`terraform-plan`) or set `live: true` to read the deployed value',
  },
  {
    test: /no commit of this configuration/i,
    resolve:
      'scan the code that commits the configuration (azurerm_network_manager_deployment, a deployment script running Deploy-AzNetworkManagerCommit or az network manager post-commit), or check in Azure Virtual Network Manager that it is deployed to the region',
  },
  {
    test: /dynamic membership/i,
    resolve:
      'add the VNets as static members (azurerm_network_manager_static_member, networkGroups/staticMembers) so the scan can tell, or check the group’s members in Azure Virtual Network Manager',
  },
  {
    test: /UDR management/i,
    resolve:
      'set `live: true` with `effective-routes: true` so the routes Azure put into the subnet decide, or route the KMS addresses (/32 → Internet) in the routing configuration',
  },
  {
    test: /BGP|gateway route propagation|route server|on-premises|effective route/i,
    resolve: 'set `live: true` with `effective-routes: true` so the effective routes Azure uses decide',
  },
]

/** What would resolve an unresolved value, from why it is unresolved. */
export function resolveHint(u: UnresolvedValue): string {
  const text = `${u.value.reason ?? ''} ${u.value.expression}`
  for (const h of HINTS) if (h.test.test(text)) return h.resolve
  return DEFAULT_RESOLVE
}

const DEFAULT_RESOLVE =
  'give it a value the scan can see, or set `live: true` with `effective-routes: true` to decide from the deployed network'

/** Longest expression a hop quotes: the verdict is one line per subnet; findings quote it whole. */
const MAX_HOP_EXPRESSION = 100

/** `module.x.azurerm_subnet.app routeTableId \`var.rt_id\``: the object, attribute and expression (`why` says why). */
function unresolvedText(u: UnresolvedValue): string {
  const flat = u.value.expression.replace(/\s+/g, ' ').trim()
  // Cut in the middle: an id's tail names the resource, an expression's head says what it is.
  const half = (MAX_HOP_EXPRESSION - 1) / 2
  const expression =
    flat.length > MAX_HOP_EXPRESSION
      ? `${flat.slice(0, Math.floor(half))}…${flat.slice(flat.length - Math.ceil(half))}`
      : flat
  return `${displayName(u.object)} ${u.attribute} \`${expression}\``
}

/** The hop that stops a blocked path. */
function blockedHop(p: KmsPath): string {
  switch (p.outcome) {
    case 'firewallDenied': {
      const fw = p.firewall!
      return `firewall ${displayName(fw.firewall)}: ${fw.rule ? `rule ${displayName(fw.rule)} denies` : 'no rule allows TCP 1688'}`
    }
    case 'noOutbound':
      return 'no outbound access (default outbound access disabled, no NAT gateway)'
    case 'gateway':
    case 'none':
    case 'vnetLocal': {
      const hop = { gateway: 'VirtualNetworkGateway (on-premises)', none: 'None', vnetLocal: 'VnetLocal' }[
        p.outcome
      ]
      const r = p.decidingRoute
      const table =
        r && p.firewallSubnetSelection?.winner?.kind === 'user'
          ? p.firewallSubnetSelection.table
          : p.routeTable
      if (r?.managedBy) {
        const prefix = r.addressPrefix.known ? r.addressPrefix.value : r.addressPrefix.expression
        return `managed route ${displayName(r)} ${prefix} → ${hop} of ${r.managedBy} (${r.address})`
      }
      if (r) {
        const prefix = r.addressPrefix.known ? r.addressPrefix.value : r.addressPrefix.expression
        return `route ${displayName(r)} ${prefix} → ${hop}${table ? ` in ${displayName(table)}` : ''} (${r.address})`
      }
      const e = p.decidingEffectiveRoute
      if (e)
        return `effective route ${e.prefix} → ${e.route.nextHopType} (${e.route.source === 'VirtualNetworkGateway' ? 'BGP' : e.route.source})`
      return p.text
    }
    default: {
      // The route lets KMS out (Internet, an appliance, undecided), so a deny stopped it (paths.ts, nsgBlock):
      // a security admin Deny (then the deciding object), else the NSG's own Deny.
      if (p.securityAdmin?.access === 'Deny' && p.securityAdmin.rule && p.deciding === p.securityAdmin.rule)
        return `security admin rule ${displayName(p.securityAdmin.rule)} (Virtual Network Manager) denies (${p.securityAdmin.rule.address})`
      // The subnet's NSG when it blocks, else the NSG of the NICs that does (src/analysis/nic-nsgs.ts).
      const nic =
        p.nsg && nsgBlocks(p.nsg) === true ? undefined : p.nicNsgs?.find((l) => nsgBlocks(l.verdict) === true)
      const nsg = nic?.verdict ?? p.nsg!
      const on = nic ? ` on NIC ${nic.nics.map(displayName).join(', ')}` : ''
      return `NSG ${displayName(nsg.nsg)}${on}: ${nsg.rule ? `rule ${displayName(nsg.rule)}` : (nsg.defaultRule ?? 'a rule')} denies`
    }
  }
}

/** The hop not followed on an undecided path, why, and what would resolve it. */
function undecidedParts(p: KmsPath): Pick<SubnetVerdict, 'hop' | 'why' | 'resolve'> {
  if (p.verdict === 'unverified') {
    const hop = p.steps.find((s) => s.kind === 'appliance')?.label ?? 'a network virtual appliance'
    return {
      hop: `appliance ${hop}`,
      why: 'traffic goes through a network virtual appliance whose rules and egress the scan cannot see',
      resolve:
        'if the appliance sends KMS traffic out from an Azure public address, list it under `allowed-appliances` in .azure-kms-guard.yml',
    }
  }
  const u = p.unknowns[0]
  if (!u) return { hop: p.text, why: 'the path could not be followed', resolve: DEFAULT_RESOLVE }
  return {
    hop: unresolvedText(u),
    why: u.value.reason ?? 'the value could not be resolved',
    resolve: resolveHint(u),
  }
}

/** Each subnet's verdict in one analysed model. */
export function subnetVerdicts(analysis: Analysis, variant?: string): SubnetVerdict[] {
  const bySubnet = new Map<string, KmsPath[]>()
  for (const p of analysis.paths) {
    if (!p.subnet || p.kms.kind !== 'current') continue
    const list = bySubnet.get(p.subnet.id)
    if (list) list.push(p)
    else bySubnet.set(p.subnet.id, [p])
  }
  const out: SubnetVerdict[] = []
  for (const paths of bySubnet.values()) {
    const subnet = paths[0]!.subnet!
    const blocked = paths.find((p) => p.verdict === 'blocked')
    // Reachable is earned: any path not followed to KMS ('reaches') or to a stop is undecided.
    const undecided = paths.find((p) => p.verdict !== 'reaches' && p.verdict !== 'blocked')
    const decider = blocked ?? undecided ?? paths[0]!
    const v: SubnetVerdict = {
      subnet: displayName(subnet),
      address: subnet.address,
      origin: subnet.origin,
      format: subnet.format,
      cloud: analysis.cloud,
      state: blocked ? 'blocked' : undecided ? 'undecided' : 'reachable',
      path: decider.text,
    }
    const mention = vnetMentionOf(subnet)
    if (mention) {
      v.vnet = mention.label
      v.vnetMention = mention
    }
    const variantName = variant ?? subnet.variant
    if (variantName) v.variant = variantName
    if (blocked) v.hop = blockedHop(blocked)
    else if (undecided) Object.assign(v, undecidedParts(undecided))
    out.push(v)
  }
  return out
}

/** Verdict keys worked out, by verdict (a verdict is not changed once made: labelling replaces it). */
const verdictKeys = new WeakMap<SubnetVerdict, string>()

/**
 * What makes two verdicts one (a subnet two units share): scanVerdict counts it once. Kept per verdict: the
 * scan's merge works it out as each unit's verdicts come in from the workers (src/pipeline/scan-merge.ts
 * prepareMerge), not after the last one.
 */
export function verdictKey(v: SubnetVerdict): string {
  let k = verdictKeys.get(v)
  if (k === undefined)
    verdictKeys.set(
      v,
      (k = `${v.cloud}\u0000${v.variant ?? ''}\u0000${v.origin.file}\u0000${v.origin.startLine}\u0000${v.address}\u0000${v.subnet}`),
    )
  return k
}

/** The scan's verdict from every judged model's subnets (a subnet two units share counts once). */
export function scanVerdict(
  subnets: SubnetVerdict[],
  files: ScanVerdict['files'],
  unusedRouteTables: number,
): ScanVerdict {
  // One pass: the scan's merge runs this on the calling thread over every subnet of every unit.
  const seen = new Set<string>()
  const unique: SubnetVerdict[] = []
  let blocked = 0
  let undecided = 0
  let reachable = 0
  for (const s of subnets) {
    const k = verdictKey(s)
    if (seen.has(k)) continue
    seen.add(k)
    unique.push(s)
    if (s.state === 'blocked') blocked++
    else if (s.state === 'undecided') undecided++
    else if (s.state === 'reachable') reachable++
  }
  const overall: OverallVerdict =
    unique.length === 0 ? 'none' : blocked > 0 ? 'blocked' : undecided > 0 ? 'undecided' : 'reachable'
  return { overall, subnets: unique, reachable, blocked, undecided, files, unusedRouteTables }
}
