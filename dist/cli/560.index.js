"use strict";
exports.id = 560;
exports.ids = [560];
exports.modules = {

/***/ 7319:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
function verdictKey(v) {
    return [v.cloud, v.variant ?? '', v.origin.file, v.origin.startLine, v.address, v.subnet].join('\u0000');
}
/** The scan's verdict from every judged model's subnets (a subnet two units share counts once). */
function scanVerdict(subnets, files, unusedRouteTables) {
    const seen = new Set();
    const unique = subnets.filter((s) => {
        const k = verdictKey(s);
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
    const count = (s) => unique.filter((v) => v.state === s).length;
    const blocked = count('blocked');
    const undecided = count('undecided');
    const reachable = count('reachable');
    const overall = unique.length === 0 ? 'none' : blocked > 0 ? 'blocked' : undecided > 0 ? 'undecided' : 'reachable';
    return { overall, subnets: unique, reachable, blocked, undecided, files, unusedRouteTables };
}


/***/ }),

/***/ 5460:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fd: () => (/* binding */ toBaseline),
/* harmony export */   Qp: () => (/* binding */ applyBaseline),
/* harmony export */   mF: () => (/* binding */ readBaseline)
/* harmony export */ });
/* harmony import */ var _report_paths__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4278);
/* harmony import */ var _report_tool__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8934);
/* harmony import */ var _new_findings__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7832);
/* harmony import */ var _sources_parsing_read_source__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(547);




function toBaseline(findings, root) {
    return {
        tool: _report_tool__WEBPACK_IMPORTED_MODULE_1__/* .TOOL_NAME */ .lH,
        baselineVersion: 1,
        toolVersion: _report_tool__WEBPACK_IMPORTED_MODULE_1__/* .TOOL_VERSION */ .wr,
        findings: findings.map((f) => ({
            id: (0,_new_findings__WEBPACK_IMPORTED_MODULE_2__/* .findingKey */ .fl)(f, root),
            ruleId: f.ruleId,
            resource: f.resource,
            file: (0,_report_paths__WEBPACK_IMPORTED_MODULE_0__/* .displayPath */ .Gt)(f.location.file, root),
            line: f.location.startLine,
            message: f.message,
        })),
    };
}
/** Reads and checks a baseline file; a file that is not one throws with the reason (a usage error). */
function readBaseline(file) {
    let data;
    try {
        // The invoker names the baseline: it may lie anywhere, but is still read as a regular file only.
        const read = (0,_sources_parsing_read_source__WEBPACK_IMPORTED_MODULE_3__/* .readSource */ .o$)(file, (0,_sources_parsing_read_source__WEBPACK_IMPORTED_MODULE_3__/* .makeBoundary */ .nj)([], [file]));
        if (!read.ok)
            throw new Error(`the file ${read.reason}`);
        data = JSON.parse(read.text);
    }
    catch (error) {
        throw new Error(`baseline ${file}: ${error instanceof Error ? error.message : String(error)}`, {
            cause: error,
        });
    }
    const b = data;
    if (typeof b !== 'object' ||
        b === null ||
        b.tool !== _report_tool__WEBPACK_IMPORTED_MODULE_1__/* .TOOL_NAME */ .lH ||
        b.baselineVersion !== 1 ||
        !Array.isArray(b.findings) ||
        !b.findings.every((e) => typeof e?.id === 'string'))
        throw new Error(`baseline ${file}: not a ${_report_tool__WEBPACK_IMPORTED_MODULE_1__/* .TOOL_NAME */ .lH} baseline (write one with --baseline-write)`);
    return b;
}
/** Matches as multisets, like the pull request comparison: two findings against one entry leave one fresh. */
function applyBaseline(findings, baseline, root) {
    const pool = new Map();
    for (const e of baseline.findings)
        pool.set(e.id, [...(pool.get(e.id) ?? []), e]);
    const out = { fresh: [], known: [], fixed: [] };
    for (const f of findings) {
        const list = pool.get((0,_new_findings__WEBPACK_IMPORTED_MODULE_2__/* .findingKey */ .fl)(f, root));
        if (list && list.length > 0) {
            list.shift();
            out.known.push(f);
        }
        else
            out.fresh.push(f);
    }
    for (const list of pool.values())
        out.fixed.push(...list);
    return out;
}


/***/ }),

/***/ 7832:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fl: () => (/* binding */ findingKey)
/* harmony export */ });
/* unused harmony exports compareFindings, subnetChanges, subnetList, renamesFrom */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _rules_identity__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9389);
/* harmony import */ var _report_paths__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4278);
/* harmony import */ var _report_vnet_labels__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9497);
/**
 * New, existing and fixed findings between the base commit and the head of a pull request, by what they
 * are about (src/rules/identity.ts): the rule, the unit, the decisive hop and the subnets harmed, each by
 * Azure identity. Editing lines above a route, renaming a resource in the code (`moved`, a new address
 * for the same Azure name, `count` \u2192 `for_each`) or moving a file changes none of them; a subnet newly
 * exposed to an already broken path does, for that subnet.
 */




/** A finding with no Azure identity (a file that does not parse) is about its file, repository-relative. */
function anchored(f, root, renamed) {
    if (f.hop)
        return f;
    const rel = (0,_report_paths__WEBPACK_IMPORTED_MODULE_2__/* .displayPath */ .Gt)(f.location.file, root);
    const file = renamed?.[rel] ?? rel;
    // The resource of a file-level finding is the file itself, which the rename may have changed.
    const names = f.resource === rel || rel.endsWith(`/${f.resource}`) ? '' : f.resource;
    return { ...f, resource: JSON.stringify([file, names]) };
}
/**
 * The finding's identity as one string, for baselines and fingerprints: findingIdentity (rule, cloud,
 * unit, decisive hop, subnets by Azure identity); the file, repository-relative, only for findings that
 * have no Azure identity. No line numbers and no message.
 */
function findingKey(f, root, renamed) {
    return (0,_rules_identity__WEBPACK_IMPORTED_MODULE_1__/* .findingIdentity */ .AZ)(anchored(f, root, renamed));
}
/**
 * One entry per subnet the finding harms (one without a subnet when it names none): its identity, then
 * the identities it had before Terraform `moved` blocks, and the subnet.
 */
function entries(f, root, renamed) {
    const g = anchored(f, root, renamed);
    const affected = f.affected ?? [];
    if (affected.length === 0)
        return subnetIdentityChoices(g).map((ids) => [ids]);
    const seen = new Set();
    const out = [];
    for (const a of affected) {
        const ids = subnetIdentityChoices({ ...g, affected: [a] })[0];
        if (seen.has(ids[0]))
            continue;
        seen.add(ids[0]);
        out.push([ids, a]);
    }
    return out;
}
const refsOf = (list) => list.flatMap(([, a]) => (a ? [a] : []));
/**
 * Matches subnet by subnet, as multisets: two head findings about the same subnet and hop against one in
 * base is one existing and one new. A fixed finding's file is rewritten from the base checkout onto the
 * head root, so every reporter shows it with the repository's path (the temp dir is gone by then anyway).
 */
function compareFindings(base, head, opts) {
    const pool = new Map();
    const baseEntries = base.map((f) => entries(f, opts.baseRoot));
    for (const list of baseEntries)
        for (const [[id]] of list)
            pool.set(id, (pool.get(id) ?? 0) + 1);
    const result = {
        new: [],
        existing: [],
        fixed: [],
        newSubnets: new Map(),
        fixedSubnets: new Map(),
    };
    for (const f of head) {
        const list = entries(f, opts.headRoot, opts.renamed);
        // The base spells the address the head had before its `moved` blocks: any of the ids may match.
        const fresh = list.filter(([ids]) => {
            const id = ids.find((i) => (pool.get(i) ?? 0) > 0);
            if (id === undefined)
                return true;
            pool.set(id, pool.get(id) - 1);
            return false;
        });
        if (fresh.length === 0)
            result.existing.push(f);
        else {
            result.new.push(f);
            if (fresh.length < list.length)
                result.newSubnets.set(f, refsOf(fresh));
        }
    }
    // What is left in the pool was in base and is not in head: fixed, for those subnets.
    base.forEach((f, i) => {
        const list = baseEntries[i];
        const gone = list.filter(([[id]]) => {
            const n = pool.get(id) ?? 0;
            if (n > 0)
                pool.set(id, n - 1);
            return n > 0;
        });
        if (gone.length === 0)
            return;
        const g = reroot(f, opts.baseRoot, opts.headRoot);
        result.fixed.push(g);
        if (gone.length < list.length)
            result.fixedSubnets.set(g, refsOf(gone));
    });
    return result;
}
/**
 * The subnets a change fixes (a base finding no longer harms them) and newly exposes (a head finding
 * harms them and did not before), by their readable Azure names, each once with its rules.
 */
function subnetChanges(c) {
    // Labels tell same-named VNets apart across base and head, newly exposed or not.
    const labels = labelsAcross([...c.new, ...c.existing, ...c.fixed]);
    const collect = (findings, only) => {
        const bySubnet = new Map();
        for (const f of findings)
            for (const a of only.get(f) ?? f.affected ?? []) {
                // A deployment variant (a parameter file, a Terraform environment) is its own deployment of the subnet.
                const at = f.unit?.indexOf('@') ?? -1;
                const label = affectedLabel(f, a, labels) + (at >= 0 ? ` [${f.unit.slice(at + 1)}]` : '');
                const rules = bySubnet.get(label) ?? new Set();
                rules.add(f.ruleId);
                bySubnet.set(label, rules);
            }
        return [...bySubnet]
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([subnet, rules]) => ({ subnet, rules: [...rules].sort() }));
    };
    return { fixed: collect(c.fixed, c.fixedSubnets), exposed: collect(c.new, c.newSubnets) };
}
/**
 * `vnet-spoke/snet-b and vnet-spoke (rg-spoke-b)/snet-c`: the subnets of finding `f` named in "newly
 * exposed" notes, labelled as the report labels them (a VNet name another VNet of the report shares is
 * qualified by resource group, or subscription).
 */
function subnetList(refs, f) {
    const names = refs.map((r) => affectedLabel(f, r));
    if (names.length <= 1)
        return names.join('');
    return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
function reroot(f, from, to) {
    const rel = repoPath(f.location.file, from);
    return rel === undefined ? f : { ...f, location: { ...f.location, file: path.join(to, rel) } };
}
/** The `renamed` map from the changed-file list (`previousPath` is set on renames). */
function renamesFrom(files) {
    const out = {};
    for (const f of files)
        if (f.previousPath)
            out[f.path] = f.previousPath;
    return out;
}


/***/ }),

/***/ 3797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ CONFIG_FILE)
/* harmony export */ });
/**
 * The configuration file's name, on its own: the scan worker names it (suppressions) without loading the
 * config parser and its YAML library (src/config/config.ts), which only the calling thread runs.
 */
const CONFIG_FILE = '.azure-kms-guard.yml';


/***/ }),

/***/ 8934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lH: () => (/* binding */ TOOL_NAME),
  qH: () => (/* binding */ TOOL_URI),
  wr: () => (/* binding */ TOOL_VERSION)
});

// UNUSED EXPORTS: toolBuild

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
// EXTERNAL MODULE: ./src/sources/parsing/read-source.ts
var read_source = __webpack_require__(547);
;// CONCATENATED MODULE: ./src/report/tool.ts
/**
 * Who we are, for SARIF's tool.driver and the CLI's --version: package.json is the one source of the version.
 */



const TOOL_NAME = 'azure-kms-guard';
const TOOL_VERSION = package_namespaceObject.rE;
const TOOL_URI = 'https://github.com/azure-kms-guard/azure-kms-guard';
let build;
/**
 * The version and, where a bundle runs, the content hash of the sources it was built from (dist/build-hash,
 * written by scripts/build.mjs beside dist/index.js, one folder up from dist/cli/index.js): what the action
 * pinned to a branch runs changes from commit to commit under one package version, and what one build
 * stored (the cache-dir's findings) must not be taken for another's. Without a bundle (the sources under
 * test), the version alone.
 */
function toolBuild() {
    if (build !== undefined)
        return build;
    build = TOOL_VERSION;
    if (typeof __dirname === 'string') {
        for (const dir of [__dirname, path.dirname(__dirname)]) {
            const read = readSource(path.join(dir, 'build-hash'), makeBoundary([dir]));
            const hash = read.ok ? read.text.trim() : '';
            if (/^[0-9a-f]{64}$/.test(hash)) {
                build = `${TOOL_VERSION}+${hash.slice(0, 16)}`;
                break;
            }
        }
    }
    return build;
}


/***/ }),

/***/ 9497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   vw: () => (/* binding */ labelReport)
/* harmony export */ });
/* unused harmony exports affectedLabel, labelsAcross */
/* harmony import */ var _model_vnet__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3580);
/* harmony import */ var _rules_identity__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9389);
/* harmony import */ var _rules_mention_text__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5713);



/**
 * Renders one finding's texts with the report's labels (src/rules/mention-text.ts: from the parts the rule
 * wrote, never by searching its text). The finding's arrays are replaced, not changed (units may share them).
 */
function relabelFinding(f, labels) {
    if (!f.vnets?.some((m) => (labels.get(m) ?? m.label) !== m.label))
        return;
    (0,_rules_mention_text__WEBPACK_IMPORTED_MODULE_1__/* .renderTexts */ .jU)(f, (m) => labels.get(m) ?? m.label);
    f.vnets = f.vnets.map((m) => ({ ...m, label: labels.get(m) ?? m.label }));
}
/**
 * Qualifies same-named VNets across the findings and verdicts of one report. Changes the findings and
 * verdicts given (their fields are replaced, so objects a unit cache shares are left as they were).
 */
function labelReport(findings, verdicts) {
    const mentions = [];
    for (const f of findings)
        for (const m of f.vnets ?? [])
            mentions.push(m);
    for (const v of verdicts)
        if (v.vnetMention)
            mentions.push(v.vnetMention);
    if (mentions.length === 0)
        return;
    const labels = (0,_model_vnet__WEBPACK_IMPORTED_MODULE_2__/* .labelMentions */ .qv)(mentions);
    for (const f of findings)
        relabelFinding(f, labels);
    verdicts.forEach((v, i) => {
        const m = v.vnetMention;
        const label = m && labels.get(m);
        if (!m || label === undefined || label === m.label)
            return;
        verdicts[i] = { ...v, vnet: label, vnetMention: { ...m, label } };
    });
}
/** The finding's mention of the VNet a subnet ref names: same name, same group, no other subscription. */
function mentionOf(f, r) {
    const vnet = r.parents?.[r.parents.length - 1];
    if (vnet === undefined || vnet.startsWith('?'))
        return undefined;
    const same = (a, b) => a === undefined || b === undefined || a.toLowerCase() === b.toLowerCase();
    return f.vnets?.find((m) => m.name.toLowerCase() === vnet.toLowerCase() &&
        same(m.resourceGroup, r.resourceGroup) &&
        same(m.subscription, r.subscription));
}
/**
 * Readable names of a finding's affected subnets as the report labels them (`vnet-spoke (rg-spoke-b)/snet-app`),
 * for notes written after the scan ("newly exposes \u2026"). `labels` relabels the mentions across a wider set
 * (a pull request's base and head, subnetLabelsAcross); a finding without mentions falls back to refLabel.
 */
function affectedLabel(f, r, labels) {
    const m = r.name === undefined ? undefined : mentionOf(f, r);
    if (!m)
        return refLabel(r, f.affected ?? []);
    const parents = (r.parents ?? []).slice(0, -1);
    return [...parents, labels?.get(m) ?? m.label, r.name].join('/');
}
/**
 * Labels for the VNets of findings from several scans read together (a pull request's base and head):
 * each scan's labels stand unless the other scan has another VNet of the same name.
 */
function labelsAcross(findings) {
    return labelMentions(findings.flatMap((f) => f.vnets ?? []), (m) => m.label);
}


/***/ })

};
;