"use strict";
exports.id = 451;
exports.ids = [451];
exports.modules = {

/***/ 7319:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ld: () => (/* binding */ verdictKey),
/* harmony export */   cG: () => (/* binding */ subnetVerdicts),
/* harmony export */   nj: () => (/* binding */ scanVerdict)
/* harmony export */ });
/* unused harmony export resolveHint */
/* harmony import */ var _model_vnet__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3580);
/* harmony import */ var _lookup__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6666);
/* harmony import */ var _nsg__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2914);



const HINTS = [
    {
        // A resource behind a condition the scan cannot evaluate (src/sources/mapping/conditional.ts).
        test: /may not be deployed: its (condition|count)/i,
        resolve: 'give what its condition (or count) reads a value the scan can see: a parameter default, a parameters file or .bicepparam, a var file',
    },
    {
        // Two commits that replace each other (src/sources/mapping/avnm-commits.ts).
        test: /in an order the scan cannot tell/i,
        resolve: 'make the later commit depend on the other (dependsOn or depends_on, or a reference to it), or set `live: true` to read what is committed',
    },
    {
        test: /deployment script .* may commit/i,
        resolve: 'write the commit so the scan can read it (configuration ids, `CommitType` and `TargetLocation` as literals, script arguments or environment variables set from the template), or set `live: true` to read what is committed',
    },
    {
        test: /the configuration is committed to|commits it to regions the scan cannot read/i,
        resolve: 'give the virtual network\u2019s `location` and the commit\u2019s target regions values the scan can see (a parameter default, a .bicepparam or parameters file), or set `live: true`',
    },
    {
        // A live read Azure refused or did not answer (src/sources/azure).
        test: /could not be read \((HTTP (40[13]|429)|not read within|no answer within)/i,
        resolve: 'grant the identity the read it was refused (Reader, plus the actions docs/workflows.md lists for the effective views); where Azure throttled the read (HTTP 429) or did not answer, run again later or raise `live-time-budget`',
    },
    {
        // A live hub effective route to a gateway: the request leaves Azure (src/sources/azure/hub-routes.ts).
        test: /which the scan does not follow \(on-premises/i,
        resolve: 'route the KMS addresses to the Internet in Azure (a /32 \u2192 Internet route in the spoke\u2019s route table, or a static route in the hub route table), or make sure on-premises forwards TCP 1688 to the KMS addresses',
    },
    {
        // A template deployment the scan cannot read (src/sources/terraform/adapters/template-opaque.ts).
        test: /deploys an ARM template the scan cannot read/i,
        resolve: 'keep the template in the repository and pass it with file() or jsonencode() (a template spec or a template linked by URI is not read), or set `live: true` with `effective-routes: true` to decide from the deployed network',
    },
    // Parts of a standalone Bicep or ARM deployment the scan cannot follow (src/sources/mapping/may-change.ts).
    {
        test: /is a resource the scan cannot place/i,
        resolve: 'give the parameters that name the resource (its type, its parent\u2019s name) values the scan can see (a parameter default, a .bicepparam or parameters file), or set `live: true` with `effective-routes: true` to decide from the deployed network',
    },
    {
        test: /deploys instances the scan cannot count/i,
        resolve: 'give the collection the loop runs over a value the scan can see (a parameter default, a .bicepparam or parameters file), or set `live: true` with `effective-routes: true` to decide from the deployed network',
    },
    {
        test: /deploys what the scan cannot read: (registry|template spec) module/i,
        resolve: "keep the module in the repository and call it as a local module (`module x './modules/\u2026.bicep'`), or set `live: true` with `effective-routes: true` to decide from the deployed network",
    },
    {
        test: /deploys what the scan cannot read: local module/i,
        resolve: 'scan the folder that holds the module file too, or set `live: true` with `effective-routes: true`',
    },
    {
        test: /deploys what the scan cannot read/i,
        resolve: 'keep the linked template in the repository and link it by `templateLink.relativePath` (in Bicep: call it as a local module), or set `live: true` with `effective-routes: true` to decide from the deployed network',
    },
    {
        test: /module (not fetched|not evaluated)|registry module|\bbr[:/]|template spec/i,
        resolve: 'run `terraform init` before the scan (modules are read from .terraform/modules), or `terraform-plan` with a plan JSON',
    },
    {
        test: /routes learned over BGP reach this subnet/i,
        resolve: 'set `live: true` with `effective-routes: true` so the effective routes Azure uses decide; or disable gateway ' +
            "route propagation on the subnet's route table (`bgp_route_propagation_enabled = false`, " +
            '`disableBgpRoutePropagation: true`) and add the routes it needs statically; or add routes for the KMS ' +
            'addresses (/32, next hop Internet), which win over any route learned over BGP',
    },
    {
        // Another unit redeclares a subnet that may be this one (src/analysis/cross-unit-attachments.ts).
        test: /may be this subnet or another of the same names/i,
        resolve: 'state the resource group in both units (Bicep `scope: resourceGroup(\u2026)` on the module, ARM resourceGroup of the deployment, Terraform resource_group_name), or set `live: true` to read the deployed subnet',
    },
    {
        // Two units give one subnet different associations (src/analysis/cross-unit-attachments.ts).
        test: /whichever of the two is applied last stays/i,
        resolve: 'make one unit own the subnet\u2019s route table and NSG (drop them from the other\u2019s declaration, or give it the same ones), or set `live: true` to read what is deployed',
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
        resolve: 'scan the code that commits the configuration (azurerm_network_manager_deployment, a deployment script running Deploy-AzNetworkManagerCommit or az network manager post-commit), or check in Azure Virtual Network Manager that it is deployed to the region',
    },
    {
        test: /dynamic membership/i,
        resolve: 'add the VNets as static members (azurerm_network_manager_static_member, networkGroups/staticMembers) so the scan can tell, or check the group\u2019s members in Azure Virtual Network Manager',
    },
    {
        test: /UDR management/i,
        resolve: 'set `live: true` with `effective-routes: true` so the routes Azure put into the subnet decide, or route the KMS addresses (/32 \u2192 Internet) in the routing configuration',
    },
    {
        test: /BGP|gateway route propagation|route server|on-premises|effective route/i,
        resolve: 'set `live: true` with `effective-routes: true` so the effective routes Azure uses decide',
    },
];
/** What would resolve an unresolved value, from why it is unresolved. */
function resolveHint(u) {
    const text = `${u.value.reason ?? ''} ${u.value.expression}`;
    for (const h of HINTS)
        if (h.test.test(text))
            return h.resolve;
    return DEFAULT_RESOLVE;
}
const DEFAULT_RESOLVE = 'give it a value the scan can see, or set `live: true` with `effective-routes: true` to decide from the deployed network';
/** Longest expression a hop quotes: the verdict is one line per subnet; findings quote it whole. */
const MAX_HOP_EXPRESSION = 100;
/** `module.x.azurerm_subnet.app routeTableId \`var.rt_id\``: the object, attribute and expression (`why` says why). */
function unresolvedText(u) {
    const flat = u.value.expression.replace(/\s+/g, ' ').trim();
    // Cut in the middle: an id's tail names the resource, an expression's head says what it is.
    const half = (MAX_HOP_EXPRESSION - 1) / 2;
    const expression = flat.length > MAX_HOP_EXPRESSION
        ? `${flat.slice(0, Math.floor(half))}\u2026${flat.slice(flat.length - Math.ceil(half))}`
        : flat;
    return `${(0,_lookup__WEBPACK_IMPORTED_MODULE_1__/* .displayName */ .Q)(u.object)} ${u.attribute} \`${expression}\``;
}
/** The hop that stops a blocked path. */
function blockedHop(p) {
    switch (p.outcome) {
        case 'firewallDenied': {
            const fw = p.firewall;
            return `firewall ${(0,_lookup__WEBPACK_IMPORTED_MODULE_1__/* .displayName */ .Q)(fw.firewall)}: ${fw.rule ? `rule ${(0,_lookup__WEBPACK_IMPORTED_MODULE_1__/* .displayName */ .Q)(fw.rule)} denies` : 'no rule allows TCP 1688'}`;
        }
        case 'noOutbound':
            return 'no outbound access (default outbound access disabled, no NAT gateway)';
        case 'gateway':
        case 'none':
        case 'vnetLocal': {
            const hop = { gateway: 'VirtualNetworkGateway (on-premises)', none: 'None', vnetLocal: 'VnetLocal' }[p.outcome];
            const r = p.decidingRoute;
            const table = r && p.firewallSubnetSelection?.winner?.kind === 'user'
                ? p.firewallSubnetSelection.table
                : p.routeTable;
            if (r?.managedBy) {
                const prefix = r.addressPrefix.known ? r.addressPrefix.value : r.addressPrefix.expression;
                return `managed route ${(0,_lookup__WEBPACK_IMPORTED_MODULE_1__/* .displayName */ .Q)(r)} ${prefix} \u2192 ${hop} of ${r.managedBy} (${r.address})`;
            }
            if (r) {
                const prefix = r.addressPrefix.known ? r.addressPrefix.value : r.addressPrefix.expression;
                return `route ${(0,_lookup__WEBPACK_IMPORTED_MODULE_1__/* .displayName */ .Q)(r)} ${prefix} \u2192 ${hop}${table ? ` in ${(0,_lookup__WEBPACK_IMPORTED_MODULE_1__/* .displayName */ .Q)(table)}` : ''} (${r.address})`;
            }
            const e = p.decidingEffectiveRoute;
            if (e)
                return `effective route ${e.prefix} \u2192 ${e.route.nextHopType} (${e.route.source === 'VirtualNetworkGateway' ? 'BGP' : e.route.source})`;
            return p.text;
        }
        default: {
            // The route lets KMS out (Internet, an appliance, undecided), so a deny stopped it (paths.ts, nsgBlock):
            // a security admin Deny (then the deciding object), else the NSG's own Deny.
            if (p.securityAdmin?.access === 'Deny' && p.securityAdmin.rule && p.deciding === p.securityAdmin.rule)
                return `security admin rule ${(0,_lookup__WEBPACK_IMPORTED_MODULE_1__/* .displayName */ .Q)(p.securityAdmin.rule)} (Virtual Network Manager) denies (${p.securityAdmin.rule.address})`;
            // The subnet's NSG when it blocks, else the NSG of the NICs that does (src/analysis/nic-nsgs.ts).
            const nic = p.nsg && (0,_nsg__WEBPACK_IMPORTED_MODULE_0__/* .nsgBlocks */ .Jg)(p.nsg) === true ? undefined : p.nicNsgs?.find((l) => (0,_nsg__WEBPACK_IMPORTED_MODULE_0__/* .nsgBlocks */ .Jg)(l.verdict) === true);
            const nsg = nic?.verdict ?? p.nsg;
            const on = nic ? ` on NIC ${nic.nics.map(_lookup__WEBPACK_IMPORTED_MODULE_1__/* .displayName */ .Q).join(', ')}` : '';
            return `NSG ${(0,_lookup__WEBPACK_IMPORTED_MODULE_1__/* .displayName */ .Q)(nsg.nsg)}${on}: ${nsg.rule ? `rule ${(0,_lookup__WEBPACK_IMPORTED_MODULE_1__/* .displayName */ .Q)(nsg.rule)}` : (nsg.defaultRule ?? 'a rule')} denies`;
        }
    }
}
/** The hop not followed on an undecided path, why, and what would resolve it. */
function undecidedParts(p) {
    if (p.verdict === 'unverified') {
        const hop = p.steps.find((s) => s.kind === 'appliance')?.label ?? 'a network virtual appliance';
        return {
            hop: `appliance ${hop}`,
            why: 'traffic goes through a network virtual appliance whose rules and egress the scan cannot see',
            resolve: 'if the appliance sends KMS traffic out from an Azure public address, list it under `allowed-appliances` in .azure-kms-guard.yml',
        };
    }
    const u = p.unknowns[0];
    if (!u)
        return { hop: p.text, why: 'the path could not be followed', resolve: DEFAULT_RESOLVE };
    return {
        hop: unresolvedText(u),
        why: u.value.reason ?? 'the value could not be resolved',
        resolve: resolveHint(u),
    };
}
/** Each subnet's verdict in one analysed model. */
function subnetVerdicts(analysis, variant) {
    const bySubnet = new Map();
    for (const p of analysis.paths) {
        if (!p.subnet || p.kms.kind !== 'current')
            continue;
        const list = bySubnet.get(p.subnet.id);
        if (list)
            list.push(p);
        else
            bySubnet.set(p.subnet.id, [p]);
    }
    const out = [];
    for (const paths of bySubnet.values()) {
        const subnet = paths[0].subnet;
        const blocked = paths.find((p) => p.verdict === 'blocked');
        // Reachable is earned: any path not followed to KMS ('reaches') or to a stop is undecided.
        const undecided = paths.find((p) => p.verdict !== 'reaches' && p.verdict !== 'blocked');
        const decider = blocked ?? undecided ?? paths[0];
        const v = {
            subnet: (0,_lookup__WEBPACK_IMPORTED_MODULE_1__/* .displayName */ .Q)(subnet),
            address: subnet.address,
            origin: subnet.origin,
            format: subnet.format,
            cloud: analysis.cloud,
            state: blocked ? 'blocked' : undecided ? 'undecided' : 'reachable',
            path: decider.text,
        };
        const mention = (0,_model_vnet__WEBPACK_IMPORTED_MODULE_2__/* .vnetMentionOf */ .l3)(subnet);
        if (mention) {
            v.vnet = mention.label;
            v.vnetMention = mention;
        }
        const variantName = variant ?? subnet.variant;
        if (variantName)
            v.variant = variantName;
        if (blocked)
            v.hop = blockedHop(blocked);
        else if (undecided)
            Object.assign(v, undecidedParts(undecided));
        out.push(v);
    }
    return out;
}
/** Verdict keys worked out, by verdict (a verdict is not changed once made: labelling replaces it). */
const verdictKeys = new WeakMap();
/**
 * What makes two verdicts one (a subnet two units share): scanVerdict counts it once. Kept per verdict: the
 * scan's merge works it out as each unit's verdicts come in from the workers (src/pipeline/scan-merge.ts
 * prepareMerge), not after the last one.
 */
function verdictKey(v) {
    let k = verdictKeys.get(v);
    if (k === undefined)
        verdictKeys.set(v, (k = `${v.cloud}\u0000${v.variant ?? ''}\u0000${v.origin.file}\u0000${v.origin.startLine}\u0000${v.address}\u0000${v.subnet}`));
    return k;
}
/** The scan's verdict from every judged model's subnets (a subnet two units share counts once). */
function scanVerdict(subnets, files, unusedRouteTables) {
    // One pass: the scan's merge runs this on the calling thread over every subnet of every unit.
    const seen = new Set();
    const unique = [];
    let blocked = 0;
    let undecided = 0;
    let reachable = 0;
    for (const s of subnets) {
        const k = verdictKey(s);
        if (seen.has(k))
            continue;
        seen.add(k);
        unique.push(s);
        if (s.state === 'blocked')
            blocked++;
        else if (s.state === 'undecided')
            undecided++;
        else if (s.state === 'reachable')
            reachable++;
    }
    const overall = unique.length === 0 ? 'none' : blocked > 0 ? 'blocked' : undecided > 0 ? 'undecided' : 'reachable';
    return { overall, subnets: unique, reachable, blocked, undecided, files, unusedRouteTables };
}


/***/ }),

/***/ 9451:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  finishScan: () => (/* binding */ finishScan),
  prepareMerge: () => (/* binding */ prepareMerge)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
// EXTERNAL MODULE: ./src/analysis/verdict.ts
var verdict = __webpack_require__(7319);
// EXTERNAL MODULE: ./src/report/vnet-labels.ts
var vnet_labels = __webpack_require__(9497);
// EXTERNAL MODULE: ./src/report/fix/index.ts + 5 modules
var fix = __webpack_require__(5446);
// EXTERNAL MODULE: ./src/kms/catalogue.ts
var catalogue = __webpack_require__(5140);
// EXTERNAL MODULE: ./src/rules/order.ts
var order = __webpack_require__(1263);
// EXTERNAL MODULE: ./src/rules/mention-text.ts
var mention_text = __webpack_require__(5713);
// EXTERNAL MODULE: ./src/rules/identity.ts
var identity = __webpack_require__(9389);
// EXTERNAL MODULE: ./src/compare/baseline.ts
var compare_baseline = __webpack_require__(5460);
// EXTERNAL MODULE: ./src/config/apply.ts
var apply = __webpack_require__(1110);
// EXTERNAL MODULE: ./src/config/config-file.ts
var config_file = __webpack_require__(3797);
// EXTERNAL MODULE: ./src/config/glob.ts
var glob = __webpack_require__(3334);
// EXTERNAL MODULE: ./src/report/paths.ts
var paths = __webpack_require__(4278);
// EXTERNAL MODULE: ./src/suppress/expiry.ts
var expiry = __webpack_require__(1148);
;// CONCATENATED MODULE: ./src/suppress/config.ts
/**
 * Suppressions from the config file's `suppress:` list. They are how JSON sources (ARM templates,
 * plan files), which cannot hold comments, are suppressed; they work for every other format too.
 */





function applyConfigSuppressions(findings, entries, root, configFile = external_node_path_.join(root, config_file/* CONFIG_FILE */.g), now = new Date()) {
    const kept = [];
    const suppressed = [];
    for (const f of findings) {
        const rel = (0,paths/* displayPath */.Gt)(f.location.file, root);
        const entry = entries.find((e) => (e.rule === '*' || e.rule === f.ruleId) &&
            (e.path === undefined || (0,glob/* matchesGlob */.kt)(rel, e.path)) &&
            (e.resource === undefined || e.resource === f.resource));
        const origin = entry && { file: configFile, startLine: entry.line, endLine: entry.line };
        if (!entry || !origin)
            kept.push(f);
        else if ((0,expiry/* hasExpired */.oN)(entry.until, now))
            kept.push((0,expiry/* expiredFinding */.Xy)(f, entry.until, entry.reason, origin, root));
        else
            suppressed.push({ finding: f, reason: entry.reason, kind: 'config', origin });
    }
    return { kept, suppressed };
}

// EXTERNAL MODULE: ./src/suppress/inline.ts
var suppress_inline = __webpack_require__(5506);
// EXTERNAL MODULE: ./src/sources/parsing/read-source.ts
var read_source = __webpack_require__(547);
;// CONCATENATED MODULE: ./src/pipeline/user-policy.ts
/**
 * What the user decided about findings, applied after the rules: the config's per-rule severities and
 * `off`, its path filters and suppressions, and inline `azure-kms-guard:ignore` comments. Suppressed
 * findings are kept aside (counted and listed in the summary, never annotated).
 */






/** A bad config is reported at its line like any other finding, so it is fixed where it is written. */
function configProblemFindings(loaded) {
    if (!loaded)
        return [];
    return loaded.problems.map((p) => ({
        ruleId: 'KMS012',
        severity: 'warning',
        title: 'Configuration file could not be read',
        message: `${external_node_path_.basename(p.file)}: ${p.message}`,
        location: { file: p.file, startLine: p.line ?? 1, endLine: p.line ?? 1 },
        resource: external_node_path_.basename(p.file),
        kmsAddresses: [],
        // The config is not about a cloud; any name does for a finding that names no KMS address.
        cloud: catalogue/* KMS_CATALOGUE */.uE.AzureCloud.cloud,
    }));
}
function applyUserPolicy(findings, config, repoRoot, boundary, 
/** Reads a file for its inline suppressions (default: through the boundary). */
read = (file) => {
    const r = (0,read_source/* readSource */.o$)(file, boundary);
    return r.ok ? r.text : undefined;
}) {
    let kept = findings;
    const suppressed = [];
    if (config) {
        kept = (0,apply/* filterByPaths */.km)((0,apply/* applyRuleSettings */.mk)(kept, config.config.rules), config.config, repoRoot);
        const bySettings = applyConfigSuppressions(kept, config.config.suppress, repoRoot, config.file);
        kept = bySettings.kept;
        suppressed.push(...bySettings.suppressed);
    }
    const inline = (0,suppress_inline/* applySuppressions */.px)(kept, read, { root: repoRoot });
    suppressed.push(...inline.suppressed);
    return { findings: [...inline.kept, ...inline.problems], suppressed };
}

;// CONCATENATED MODULE: ./src/pipeline/scan-merge.ts
/**
 * The end of a scan: the parts of its shares (src/pipeline/shares.ts) merged into one result. Runs where the
 * scan was asked for (the calling thread of src/pipeline/scan-isolated.ts, or after scan.ts on one thread),
 * so it needs neither the parsers nor, unless there are files no unit answers for or deployed resources,
 * the rules and the analysis (MergeTools, loaded then).
 */











const toPosix = (p) => p.split(external_node_path_.sep).join('/');
// The first localeCompare of a thread sets up ICU's collator (~10 ms on Node 20); compareFindings sorts with it
// at the very end of the scan. This module loads on the calling thread while the workers judge (scan-isolated.ts
// imports it first thing), so the set-up is paid here, while that thread waits, not after the last unit is in.
// Not in a scan worker (it loads this module too): there the rules' first sort pays it, if a unit has findings.
if (external_node_worker_threads_.isMainThread)
    'a'.localeCompare('b');
const sameLines = (a, b) => a.file === b.file && a.startLine === b.startLine && a.endLine === b.endLine;
/** A finding that names no KMS address (a parse error) says the same whatever cloud is judged. */
const cloudIndependent = (f) => f.kmsAddresses.length === 0;
/**
 * When two findings are the same. A verdict on subnets is its identity (rule, cloud, unit, decisive hop,
 * the subnets harmed, by Azure identity): the same route reached through two declarations or paths is one
 * finding however its message is worded. Anything else (a parse error, an unresolved value) is its place and text.
 */
function findingKey(f) {
    if (f.hop && f.affected?.length)
        return (0,identity/* findingIdentity */.AZ)(f);
    const cloud = cloudIndependent(f) ? '' : f.cloud;
    return [
        f.ruleId,
        cloud,
        f.unit ?? '',
        f.location.file,
        f.location.startLine,
        f.location.endLine,
        f.resource,
        f.message,
    ].join('\u0000');
}
/**
 * Finding.unit of a judgement: its unit relative to the scan root, with its variant. The relative path is
 * worked out once per unit directory: path.relative runs cold on the calling thread, and the merge asks it
 * for every judged unit three times (findings, declared VNets, the exchange of VNet facts).
 */
function unitNamer(root) {
    const relative = new Map();
    return (j) => {
        if (j.unit === undefined)
            return undefined;
        let rel = relative.get(j.unit);
        if (rel === undefined)
            relative.set(j.unit, (rel = toPosix(external_node_path_.relative(root, j.unit)) || '.'));
        return j.label ? `${rel}@${j.label}` : rel;
    };
}
/** Where a finding points, to tell when two units report the same lines (a module both call). */
const placeKey = (f) => `${f.ruleId}\u0000${f.location.file}\u0000${f.location.startLine}\u0000${f.location.endLine}\u0000${f.resource}`;
/**
 * Names the variant, the root module when several report the same lines (a module they share) and, when
 * several clouds are judged, the cloud, so each verdict says what it is about. Sets Finding.unit: findings
 * of two units never merge (each root is applied, and breaks, on its own).
 */
function labelled(raw, j, manyClouds, root, sharedPlaces, 
/** Finding.unit of a judgement (unitNamer). */
unitName, 
/** placeKey of `raw` (undefined for a finding about the deployed network). */
place) {
    // A file-level finding (a parse error) names its file: relative to the scan, like every location shown.
    // ARM ids (live state) look like absolute paths and stay as they are.
    let f = external_node_path_.isAbsolute(raw.resource) && !raw.resource.toLowerCase().startsWith('/subscriptions/')
        ? { ...raw, resource: external_node_path_.relative(root, raw.resource) || raw.resource }
        : raw;
    const unit = raw.format === 'live' ? undefined : unitName(j);
    // Object.assign, not a spread: on Node 20 a spread with fields after it costs ~100 \u00b5s per finding.
    if (unit !== undefined)
        f = Object.assign({}, f, { unit });
    const shared = unit !== undefined && !j.label && place !== undefined && sharedPlaces.has(place);
    const parts = [
        manyClouds && !cloudIndependent(raw) ? j.cloud : undefined,
        j.label ? `deployment variant ${j.label}` : undefined,
        shared ? `root module ${unit}` : undefined,
    ].filter(Boolean);
    if (parts.length === 0)
        return f;
    return {
        ...f,
        ...(0,mention_text/* aroundMessage */.ZL)(f, `[${parts.join(', ')}] `),
        resource: j.label ? `${f.resource} (${j.label})` : shared ? `${f.resource} (${unit})` : f.resource,
    };
}
/** A finding about a resource only the deployed network has: say so, and link it in the portal. */
function markDeployed(f, tool) {
    if (f.format !== 'live' || !tool)
        return f;
    return { ...f, deployed: true, link: tool.portalLink(f.location.file, f.cloud) };
}
/**
 * The result of a scan from the parts of its shares: units in scan order (as one worker judges them),
 * files no unit answers for judged once, findings labelled, merged, filtered by the user's policy.
 */
async function finishScan(options, parts, tools, 
/** Reads a file for its inline suppressions (default: through the parts' boundary). */
readFile) {
    const first = parts[0];
    if (!first)
        throw new Error('a scan needs at least one part');
    const { root } = first;
    // Stable: the judgements of one unit keep their order.
    const judgedUnits = parts.flatMap((p) => p.judged).sort((a, b) => a.order - b.order);
    const diagnostics = [
        ...first.common,
        ...parts
            .flatMap((p) => p.unitDiagnostics)
            .sort((a, b) => a.order - b.order)
            .flatMap((u) => u.diagnostics),
    ];
    const raw = [];
    const judged = new Set();
    const verdicts = [];
    let unusedRouteTables = 0;
    for (const u of judgedUnits) {
        judged.add(u.cloud);
        verdicts.push(...u.verdicts);
        unusedRouteTables += u.unusedRouteTables;
        const judgement = {
            cloud: u.cloud,
            ...(u.unit !== undefined ? { unit: u.unit } : {}),
            ...(u.label !== undefined ? { label: u.label } : {}),
        };
        for (const finding of u.findings)
            raw.push({ finding, judgement });
    }
    // Skipped files belong to no model: judged once, with the first cloud.
    const fallback = [...judged][0] ?? (options.cloud === 'auto' ? 'AzureCloud' : options.cloud);
    // Loaded only when needed: without any, the merge runs without the rules and the analysis.
    const needed = diagnostics.length > 0 || raw.some(({ finding }) => finding.format === 'live');
    const tool = needed ? await tools() : undefined;
    if (tool && diagnostics.length > 0)
        for (const finding of tool.scanLevelFindings(diagnostics, fallback))
            raw.push({ finding, judgement: { cloud: fallback } });
    const clouds = catalogue/* CLOUDS */.JJ.filter((c) => judged.has(c));
    const manyClouds = clouds.length > 1;
    // Lines reported by more than one unit: their findings name the root module they are about.
    const unitsAt = new Map();
    for (const r of raw) {
        if (r.finding.format === 'live')
            continue;
        const k = (r.place = placeKey(r.finding));
        const set = unitsAt.get(k);
        if (set)
            set.add(r.judgement.unit);
        else
            unitsAt.set(k, new Set([r.judgement.unit]));
    }
    const sharedPlaces = new Set([...unitsAt].filter(([, u]) => u.size > 1).map(([k]) => k));
    const findings = [];
    const seen = new Map();
    const unitName = unitNamer(root);
    for (const { finding, judgement, place } of raw) {
        const f = markDeployed(labelled(finding, judgement, manyClouds, root, sharedPlaces, unitName, place), tool);
        // The same finding from two clouds (a parse error) is one finding; from two units it is two.
        const key = findingKey(f);
        const first = seen.get(key);
        if (first) {
            // The same verdict written in two places: the other place is related.
            if (!sameLines(first.location, f.location))
                first.related = [...(first.related ?? []), f.location];
            continue;
        }
        seen.set(key, f);
        findings.push(f);
    }
    const policy = applyUserPolicy(findings, options.config, first.repoRoot, first.boundary, readFile);
    // A broken config is reported whatever the config says (it may be what turned a rule off).
    const kept = [...policy.findings, ...configProblemFindings(options.config)];
    kept.sort(order/* compareFindings */.E);
    // Files that could not be read are KMS012 "Skipped" notices, whether discovery or reading left them out.
    const skipped = diagnostics.filter((d) => d.message.startsWith('Skipped this file')).length;
    const read = Math.max(0, first.files - (skipped - first.skippedAtDiscovery));
    const baseline = options.baseline && (0,compare_baseline/* applyBaseline */.Qp)(kept, options.baseline, root);
    // Same-named VNets of two units read apart in every format (labels qualified across the report).
    (0,vnet_labels/* labelReport */.vw)([...kept, ...policy.suppressed.map((s) => s.finding)], verdicts);
    const declaredVnets = new Map();
    for (const u of judgedUnits)
        for (const v of u.vnets?.declared ?? []) {
            const key = unitName({ cloud: u.cloud, ...(u.unit !== undefined ? { unit: u.unit } : {}) });
            if (key === undefined)
                continue;
            const entry = declaredVnets.get(v.unit) ?? { key, unit: v.unit, vnets: new Set() };
            declaredVnets.set(v.unit, entry);
            entry.vnets.add(v.name);
        }
    const crossUnit = crossUnitOf(judgedUnits, unitName);
    return {
        verdict: (0,verdict/* scanVerdict */.nj)(verdicts, { read, skipped }, unusedRouteTables),
        clouds: clouds.length > 0 ? clouds : [fallback],
        findings: baseline ? baseline.fresh : kept,
        suppressed: policy.suppressed,
        filesScanned: first.files,
        root,
        ...(baseline ? { baseline: { known: baseline.known.length, fixed: baseline.fixed } } : {}),
        ...(first.units ? { units: first.units } : {}),
        ...(first.terraformCalls ? { terraformCalls: first.terraformCalls } : {}),
        ...(declaredVnets.size > 0
            ? {
                declaredVnets: [...declaredVnets.values()].map((d) => ({ ...d, vnets: [...d.vnets].sort() })),
            }
            : {}),
        ...(crossUnit.length > 0 ? { crossUnit } : {}),
    };
}
/**
 * Each unit's own entry (null: it takes no part), with the fields it was worked out from: the second pass
 * sets `received` on units after they came in, and an entry of a unit since changed is worked out again.
 */
const crossEntries = new WeakMap();
const needId = (n) => `${n.name.toLowerCase()}\u0000${n.key?.toLowerCase() ?? ''}`;
/** A unit's own part in the exchange of VNet facts; null when it takes none. Read only: units may share it. */
function crossEntryOf(u) {
    const cached = crossEntries.get(u);
    if (cached && cached.vnets === u.vnets && cached.received === u.received)
        return cached.entry;
    const entry = unitCrossEntry(u);
    crossEntries.set(u, { vnets: u.vnets, received: u.received, entry });
    return entry;
}
function unitCrossEntry(u) {
    const needs = u.received?.needs ?? u.vnets?.needs ?? [];
    const declared = u.vnets?.declared ?? [];
    const firewallNeeds = u.vnets?.firewallNeeds ?? [];
    const firewalls = u.vnets?.firewalls ?? [];
    // What it attaches to subnets it reads reaches their VNets' units as a hub connection does (PR mode).
    const connections = [
        ...(u.vnets?.connections ?? []),
        ...(u.vnets?.attachments ?? []).map((a) => ({ name: a.vnet })),
        ...(u.vnets?.readVnetGateways ?? []).map((g) => ({ name: g.name, key: g.key })),
    ];
    const sites = u.vnets?.sites ?? [];
    const gateways = u.vnets?.vpnGateways ?? [];
    const unnamed = u.vnets?.unnamed === true;
    const parts = [needs, declared, firewallNeeds, firewalls, connections, sites, gateways];
    if (parts.every((p) => p.length === 0) && !unnamed && !u.received)
        return null;
    const e = {
        declares: new Map(),
        needs: new Map(),
        firewallNeeds: new Map(),
        firewalls: new Set(),
        facts: new Set(),
        connects: new Map(),
        siteGateways: new Set(),
        gateways: new Set(),
        unnamed: false,
    };
    for (const d of declared)
        e.declares.set(needId(d), { name: d.name, ...(d.key ? { key: d.key } : {}) });
    for (const n of needs)
        e.needs.set(needId(n), n);
    for (const n of firewallNeeds)
        e.firewallNeeds.set(JSON.stringify(n).toLowerCase(), n);
    for (const f of firewalls)
        e.firewalls.add(f.name);
    if (u.received)
        e.facts.add(u.received.facts);
    for (const c of connections)
        e.connects.set(needId(c), { name: c.name, ...(c.key ? { key: c.key } : {}) });
    for (const s of sites)
        e.siteGateways.add(s.gateway.name);
    for (const g of gateways)
        e.gateways.add(g.name);
    if (unnamed)
        e.unnamed = true;
    return e;
}
/** `a` then `b`, as one unit's entry after the other's: a new entry (neither is changed). */
function joinedEntries(a, b) {
    const map = (x, y) => {
        const m = new Map(x);
        for (const [k, v] of y)
            m.set(k, v);
        return m;
    };
    const set = (x, y) => new Set([...x, ...y]);
    return {
        declares: map(a.declares, b.declares),
        needs: map(a.needs, b.needs),
        firewallNeeds: map(a.firewallNeeds, b.firewallNeeds),
        firewalls: set(a.firewalls, b.firewalls),
        facts: set(a.facts, b.facts),
        connects: map(a.connects, b.connects),
        siteGateways: set(a.siteGateways, b.siteGateways),
        gateways: set(a.gateways, b.gateways),
        unnamed: a.unnamed || b.unnamed,
    };
}
/**
 * The merge's work on judged units that needs no other unit, done as they come in from the scan workers
 * (scan-isolated.ts), while the calling thread would otherwise wait: each unit's part in the exchange of
 * VNet facts, its verdicts' keys and its fixes' text, kept by object for finishScan and the reports to
 * find. Whatever it has not done (units judged on this thread, a unit changed since) is done when needed.
 */
function prepareMerge(judged) {
    for (const u of judged) {
        crossEntryOf(u);
        for (const v of u.verdicts)
            (0,verdict/* verdictKey */.Ld)(v);
        for (const f of u.findings)
            (0,fix/* fixText */.Xc)(f);
    }
}
/**
 * Each unit's part in the exchange of VNet facts (ScanResult.crossUnit), by unit key (its variants
 * together): what it declares, what it needed when judged alone, the facts it was judged again with.
 */
function crossUnitOf(judged, unitName) {
    const byKey = new Map();
    for (const u of judged) {
        const own = crossEntryOf(u);
        if (!own)
            continue;
        const key = unitName({ cloud: u.cloud, ...(u.unit !== undefined ? { unit: u.unit } : {}) });
        if (key === undefined)
            continue;
        const e = byKey.get(key);
        byKey.set(key, e ? joinedEntries(e, own) : own);
    }
    return [...byKey].map(([key, e]) => ({
        key,
        declares: [...e.declares.values()],
        needs: [...e.needs.values()],
        ...(e.firewalls.size > 0 ? { declaresFirewalls: [...e.firewalls] } : {}),
        ...(e.firewallNeeds.size > 0 ? { firewallNeeds: [...e.firewallNeeds.values()] } : {}),
        ...(e.facts.size > 0 ? { facts: [...e.facts].sort().join('+') } : {}),
        ...(e.connects.size > 0 ? { connects: [...e.connects.values()] } : {}),
        ...(e.siteGateways.size > 0 ? { siteGateways: [...e.siteGateways] } : {}),
        ...(e.gateways.size > 0 ? { gateways: [...e.gateways] } : {}),
        ...(e.unnamed ? { declaresUnnamed: true } : {}),
    }));
}


/***/ })

};
;