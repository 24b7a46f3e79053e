"use strict";
exports.id = 778;
exports.ids = [778];
exports.modules = {

/***/ 6666:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ displayName),
/* harmony export */   y: () => (/* binding */ indexModel)
/* harmony export */ });
function byId(items) {
    return new Map(items.map((i) => [i.id, i]));
}
/** The unit's own objects and, by id only, those of other units its paths reach (NetworkModel.foreign). */
function indexModel(model) {
    const f = model.foreign;
    return {
        model,
        routeTables: byId(model.routeTables),
        subnets: byId(model.subnets),
        nsgs: byId(model.nsgs),
        firewalls: byId([...model.firewalls, ...(f?.firewalls ?? [])]),
        policies: byId([...model.firewallPolicies, ...(f?.firewallPolicies ?? [])]),
        ipGroups: byId([...model.ipGroups, ...(f?.ipGroups ?? [])]),
    };
}
/** Longest address shown in a sentence; the whole one stays in the finding's `resource`. */
const MAX_SHOWN = 80;
/**
 * The Azure name when known, else the readable address. An ARM name expression can run to hundreds of
 * characters: in a sentence it is shortened in the middle, keeping the type and the expression's end.
 */
function displayName(o) {
    if (o.name.known)
        return o.name.value;
    const a = o.address;
    return a.length <= MAX_SHOWN ? a : `${a.slice(0, MAX_SHOWN - 21)}…${a.slice(-20)}`;
}


/***/ }),

/***/ 1110:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Am: () => (/* binding */ cloudForPath),
/* harmony export */   R4: () => (/* binding */ isIncluded),
/* harmony export */   km: () => (/* binding */ filterByPaths),
/* harmony export */   mk: () => (/* binding */ applyRuleSettings)
/* harmony export */ });
/* harmony import */ var _report_paths__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4278);
/* harmony import */ var _glob__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3334);


/** No include = everything; exclude wins over include. */
function isIncluded(relPath, config) {
    if (config.include.length > 0 && !(0,_glob__WEBPACK_IMPORTED_MODULE_1__/* .matchesAny */ ._I)(relPath, config.include))
        return false;
    return !(0,_glob__WEBPACK_IMPORTED_MODULE_1__/* .matchesAny */ ._I)(relPath, config.exclude);
}
/**
 * The first `clouds` entry whose path matches, else the top-level `cloud`, else undefined (the input
 * decides).
 */
function cloudForPath(relPath, config) {
    return config.clouds.find((c) => (0,_glob__WEBPACK_IMPORTED_MODULE_1__/* .matchesGlob */ .kt)(relPath, c.path))?.cloud ?? config.cloud;
}
/**
 * Severity overrides; `off` removes the rule's findings (problems of the config itself are added after, by
 * the scan).
 */
function applyRuleSettings(findings, rules) {
    const out = [];
    for (const f of findings) {
        const setting = rules[f.ruleId];
        if (setting === 'off')
            continue;
        out.push(setting && setting !== f.severity ? { ...f, severity: setting } : f);
    }
    return out;
}
/** Findings whose file the config excludes (the scan may read a whole directory). */
function filterByPaths(findings, config, root) {
    return findings.filter((f) => {
        const rel = (0,_report_paths__WEBPACK_IMPORTED_MODULE_0__/* .displayPath */ .Gt)(f.location.file, root);
        return rel.startsWith('/') || isIncluded(rel, config);
    });
}


/***/ }),

/***/ 3334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _I: () => (/* binding */ matchesAny),
/* harmony export */   kt: () => (/* binding */ matchesGlob)
/* harmony export */ });
/* unused harmony export globToRegExp */
/**
 * Glob matching for config paths: `**` (any number of directories), `*` (within one segment), `?`.
 * Not node's path.matchesGlob: it is experimental in Node 20 and 22 (a warning on stderr, absent
 * before 20.17) and its edge cases have changed between releases; the CLI supports Node 20+ and the
 * action runs on 24, and a config must match the same files on both.
 */
const cache = new Map();
function globToRegExp(glob) {
    const hit = cache.get(glob);
    if (hit)
        return hit;
    let g = glob.replace(/\\/g, '/').replace(/^\.\//, '');
    // A pattern without a slash matches at any depth, like .gitignore (`*.json` = any JSON file).
    if (!g.includes('/'))
        g = `**/${g}`;
    // A trailing slash or `/**` means everything under the directory.
    if (g.endsWith('/'))
        g += '**';
    let re = '';
    for (let i = 0; i < g.length; i++) {
        const c = g[i];
        if (c === '*' && g[i + 1] === '*') {
            const atStart = i === 0 || g[i - 1] === '/';
            const atEnd = i + 2 === g.length || g[i + 2] === '/';
            if (atStart && atEnd) {
                // `**/` matches zero or more directories; a final `**` matches anything.
                if (i + 2 === g.length)
                    re += '.*';
                else {
                    re += '(?:[^/]*/)*';
                    i++; // the slash after ** is part of the group
                }
                i++;
                continue;
            }
            re += '[^/]*';
            i++;
        }
        else if (c === '*')
            re += '[^/]*';
        else if (c === '?')
            re += '[^/]';
        else
            re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    const out = new RegExp(`^${re}$`);
    cache.set(glob, out);
    return out;
}
/** `file` is repository-relative with forward slashes. */
function matchesGlob(file, glob) {
    return globToRegExp(glob).test(file.replace(/\\/g, '/').replace(/^\.\//, ''));
}
function matchesAny(file, globs) {
    return globs.some((g) => matchesGlob(file, g));
}


/***/ }),

/***/ 5140:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GO: () => (/* binding */ KMS_PORT),
/* harmony export */   JJ: () => (/* binding */ CLOUDS),
/* harmony export */   M$: () => (/* binding */ classifyKmsAddress),
/* harmony export */   OP: () => (/* binding */ kmsAddresses),
/* harmony export */   U7: () => (/* binding */ KMS_DATES),
/* harmony export */   XJ: () => (/* binding */ addressesOfFqdn),
/* harmony export */   pz: () => (/* binding */ cloudFromEnvironment),
/* harmony export */   uE: () => (/* binding */ KMS_CATALOGUE)
/* harmony export */ });
/* unused harmony export KMS_PROTOCOL */
/**
 * The catalogue of Azure KMS endpoints per cloud: the only place in the code base where these
 * facts live. Sources: Microsoft's "Windows activation fails in forced tunneling scenario"
 * troubleshooting article and the 2022 KMS address change announcement.
 */
const CLOUDS = ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud'];
const KMS_PORT = 1688;
const KMS_PROTOCOL = 'TCP';
const KMS_CATALOGUE = {
    AzureCloud: {
        cloud: 'AzureCloud',
        current: { fqdn: 'azkms.core.windows.net', addresses: ['20.118.99.224', '40.83.235.53'] },
        legacy: { fqdn: 'kms.core.windows.net', addresses: ['23.102.135.246'] },
    },
    AzureUSGovernment: {
        cloud: 'AzureUSGovernment',
        current: { fqdn: 'azkms.core.usgovcloudapi.net', addresses: ['52.126.105.2'] },
        legacy: { fqdn: 'kms.core.usgovcloudapi.net', addresses: ['23.97.0.13'] },
    },
    AzureChinaCloud: {
        cloud: 'AzureChinaCloud',
        current: { fqdn: 'azkms.core.chinacloudapi.cn', addresses: ['159.27.28.100', '163.228.64.161'] },
        legacy: { fqdn: 'kms.core.chinacloudapi.cn', addresses: ['42.159.7.249'] },
    },
};
/** Dates worth citing in messages. */
const KMS_DATES = {
    /** From this day azkms.core.windows.net resolves to the two new addresses. */
    newAddressesLive: '2022-10-03',
    /**
     * From this day kms.core.windows.net points at 20.118.99.224 (Microsoft's table still lists
     * 23.102.135.246).
     */
    legacyFqdnMoved: '2023-03-01',
};
/** Every KMS address of a cloud, current first. */
function kmsAddresses(cloud) {
    const c = KMS_CATALOGUE[cloud];
    return [
        ...c.current.addresses.map((address) => ({
            cloud,
            address,
            kind: 'current',
            fqdn: c.current.fqdn,
        })),
        ...c.legacy.addresses.map((address) => ({
            cloud,
            address,
            kind: 'legacy',
            fqdn: c.legacy.fqdn,
        })),
    ];
}
/**
 * What a KMS FQDN reaches when a firewall resolves it (DNS proxy on). kms.core.windows.net now resolves
 * to 20.118.99.224 (since 2023-03-01) although Microsoft's table lists 23.102.135.246: a rule naming only
 * the legacy FQDN covers at most one of the current addresses, and never 40.83.235.53.
 */
function addressesOfFqdn(fqdn) {
    const f = fqdn.trim().toLowerCase().replace(/\.$/, '');
    for (const c of CLOUDS) {
        const k = KMS_CATALOGUE[c];
        if (f === k.current.fqdn)
            return { cloud: c, kind: 'current', addresses: [...k.current.addresses] };
        if (f === k.legacy.fqdn) {
            // The public legacy name was re-pointed at the first new address; the sovereign ones were not.
            const addresses = c === 'AzureCloud' ? ['20.118.99.224'] : [...k.legacy.addresses];
            return { cloud: c, kind: 'legacy', addresses };
        }
    }
    return undefined;
}
/** Which cloud and kind a literal address belongs to, if it is a KMS address at all. */
function classifyKmsAddress(address) {
    return kmsByAddress().get(address);
}
let byAddress;
/** Every KMS address of every cloud, the first cloud listing it first. Read only by the callers. */
function kmsByAddress() {
    if (!byAddress) {
        byAddress = new Map();
        for (const c of CLOUDS)
            for (const a of kmsAddresses(c))
                if (!byAddress.has(a.address))
                    byAddress.set(a.address, a);
    }
    return byAddress;
}
/** azurerm provider `environment` values and Bicep/ARM `environment().name` → cloud. */
function cloudFromEnvironment(env) {
    switch (env.trim().toLowerCase()) {
        case 'public':
        case 'azurecloud':
            return 'AzureCloud';
        case 'usgovernment':
        case 'azureusgovernment':
            return 'AzureUSGovernment';
        case 'china':
        case 'azurechinacloud':
            return 'AzureChinaCloud';
        default:
            return undefined;
    }
}


/***/ }),

/***/ 9451:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  finishScan: () => (/* binding */ finishScan)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/analysis/verdict.ts
var verdict = __webpack_require__(7319);
// EXTERNAL MODULE: ./src/report/vnet-labels.ts
var vnet_labels = __webpack_require__(9497);
// EXTERNAL MODULE: ./src/kms/catalogue.ts
var catalogue = __webpack_require__(5140);
// EXTERNAL MODULE: ./src/rules/order.ts
var order = __webpack_require__(1263);
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
const placeKey = (f) => [f.ruleId, f.location.file, f.location.startLine, f.location.endLine, f.resource].join('\u0000');
/**
 * Names the variant, the root module when several report the same lines (a module they share) and, when
 * several clouds are judged, the cloud, so each verdict says what it is about. Sets Finding.unit: findings
 * of two units never merge (each root is applied, and breaks, on its own).
 */
function labelled(raw, j, manyClouds, root, sharedPlaces, 
/** Finding.unit of a judgement (unitNamer). */
unitName) {
    // A file-level finding (a parse error) names its file: relative to the scan, like every location shown.
    // ARM ids (live state) look like absolute paths and stay as they are.
    let f = external_node_path_.isAbsolute(raw.resource) && !raw.resource.toLowerCase().startsWith('/subscriptions/')
        ? { ...raw, resource: external_node_path_.relative(root, raw.resource) || raw.resource }
        : raw;
    const unit = raw.format === 'live' ? undefined : unitName(j);
    // Object.assign, not a spread: on Node 20 a spread with fields after it costs ~100 µs per finding.
    if (unit !== undefined)
        f = Object.assign({}, f, { unit });
    const shared = unit !== undefined && !j.label && sharedPlaces.has(placeKey(raw));
    const parts = [
        manyClouds && !cloudIndependent(raw) ? j.cloud : undefined,
        j.label ? `deployment variant ${j.label}` : undefined,
        shared ? `root module ${unit}` : undefined,
    ].filter(Boolean);
    if (parts.length === 0)
        return f;
    return {
        ...f,
        message: `[${parts.join(', ')}] ${f.message}`,
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
    for (const { finding, judgement } of raw) {
        if (finding.format === 'live')
            continue;
        const k = placeKey(finding);
        const set = unitsAt.get(k) ?? new Set();
        set.add(judgement.unit);
        unitsAt.set(k, set);
    }
    const sharedPlaces = new Set([...unitsAt].filter(([, u]) => u.size > 1).map(([k]) => k));
    const findings = [];
    const seen = new Map();
    const unitName = unitNamer(root);
    for (const { finding, judgement } of raw) {
        const f = markDeployed(labelled(finding, judgement, manyClouds, root, sharedPlaces, unitName), tool);
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
 * Each unit's part in the exchange of VNet facts (ScanResult.crossUnit), by unit key (its variants
 * together): what it declares, what it needed when judged alone, the facts it was judged again with.
 */
function crossUnitOf(judged, unitName) {
    const byKey = new Map();
    const id = (n) => `${n.name.toLowerCase()}\u0000${n.key?.toLowerCase() ?? ''}`;
    for (const u of judged) {
        const needs = u.received?.needs ?? u.vnets?.needs ?? [];
        const declared = u.vnets?.declared ?? [];
        const firewallNeeds = u.vnets?.firewallNeeds ?? [];
        const firewalls = u.vnets?.firewalls ?? [];
        if (needs.length + declared.length + firewallNeeds.length + firewalls.length === 0 && !u.received)
            continue;
        const key = unitName({ cloud: u.cloud, ...(u.unit !== undefined ? { unit: u.unit } : {}) });
        if (key === undefined)
            continue;
        const e = byKey.get(key) ?? {
            declares: new Map(),
            needs: new Map(),
            firewallNeeds: new Map(),
            firewalls: new Set(),
            facts: new Set(),
        };
        byKey.set(key, e);
        for (const d of declared)
            e.declares.set(id(d), { name: d.name, ...(d.key ? { key: d.key } : {}) });
        for (const n of needs)
            e.needs.set(id(n), n);
        for (const n of firewallNeeds)
            e.firewallNeeds.set(JSON.stringify(n).toLowerCase(), n);
        for (const f of firewalls)
            e.firewalls.add(f.name);
        if (u.received)
            e.facts.add(u.received.facts);
    }
    return [...byKey].map(([key, e]) => ({
        key,
        declares: [...e.declares.values()],
        needs: [...e.needs.values()],
        ...(e.firewalls.size > 0 ? { declaresFirewalls: [...e.firewalls] } : {}),
        ...(e.firewallNeeds.size > 0 ? { firewallNeeds: [...e.firewallNeeds.values()] } : {}),
        ...(e.facts.size > 0 ? { facts: [...e.facts].sort().join('+') } : {}),
    }));
}


/***/ }),

/***/ 9389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AZ: () => (/* binding */ findingIdentity),
/* harmony export */   E3: () => (/* binding */ refLabel),
/* harmony export */   Jf: () => (/* binding */ identityHash),
/* harmony export */   L7: () => (/* binding */ azureRef),
/* harmony export */   XF: () => (/* binding */ refKey)
/* harmony export */ });
/* unused harmony exports subnetIdentityChoices, subnetIdentities */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _sources_azure_arm_id__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(848);
/* harmony import */ var _sources_terraform_moved__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3526);
/**
 * What a finding is about, by Azure identity: the rule, the cloud, the deployment unit, the subnet it
 * harms and the hop that decides it, each by subscription / resource group / parent names / name, and by
 * IaC address only where the source does not say the Azure name. Files, lines and IaC addresses play no
 * part when the name is known, so a `moved` block, a resource renamed in the code, a Bicep symbolic name
 * change or `count` → `for_each` keep the identity: Azure sees the same resource.
 *
 * One finding may harm several subnets; `subnetIdentities` gives one key per subnet, so a subnet newly
 * exposed to an already broken path is new for that subnet (src/compare keys on these).
 */



const placements = new WeakMap();
/** Every object of the model by id, with what it is and its parents (computed once per model). */
function placementsOf(model) {
    const cached = placements.get(model);
    if (cached)
        return cached;
    const m = new Map();
    const put = (o, kind, parents = []) => {
        if (!m.has(o.id))
            m.set(o.id, { kind, parents });
    };
    for (const t of model.routeTables) {
        put(t, 'routeTable');
        for (const r of t.routes)
            put(r, 'route', [t]);
    }
    for (const s of model.subnets)
        put(s, 'subnet');
    for (const n of model.nsgs) {
        put(n, 'nsg');
        for (const r of n.rules)
            put(r, 'nsgRule', [n]);
    }
    const foreign = model.foreign;
    for (const f of [...model.firewalls, ...(foreign?.firewalls ?? [])]) {
        put(f, 'firewall');
        for (const c of f.classicCollections) {
            put(c, 'firewallRuleCollection', [f]);
            for (const r of c.rules)
                put(r, 'firewallRule', [f, c]);
        }
    }
    for (const p of [...model.firewallPolicies, ...(foreign?.firewallPolicies ?? [])]) {
        put(p, 'firewallPolicy');
        for (const g of p.ruleCollectionGroups) {
            put(g, 'ruleCollectionGroup', [p]);
            for (const c of g.collections) {
                put(c, 'firewallRuleCollection', [p, g]);
                for (const r of c.rules)
                    put(r, 'firewallRule', [p, g, c]);
            }
        }
    }
    for (const g of [...model.ipGroups, ...(foreign?.ipGroups ?? [])])
        put(g, 'ipGroup');
    for (const n of model.natGateways)
        put(n, 'natGateway');
    placements.set(model, m);
    return m;
}
const nameOf = (o) => (o.name.known ? o.name.value : undefined);
/** A model object as Azure knows it. */
function azureRef(model, o) {
    const placed = placementsOf(model).get(o.id);
    const ref = { kind: placed?.kind ?? o.sourceType, iac: o.id };
    const name = nameOf(o);
    if (name !== undefined)
        ref.name = name;
    const parents = (placed?.parents ?? []).map((p) => nameOf(p) ?? p.id);
    if (placed?.kind === 'subnet') {
        const vnet = o.vnetName;
        parents.push(vnet?.known ? vnet.value : `?${o.id}`);
    }
    if (parents.length > 0)
        ref.parents = parents;
    if (model.moved) {
        const formerly = formerRefs(ref, placed?.parents ?? [], model.moved);
        if (formerly.length > 0)
            ref.formerly = formerly;
    }
    if (o.format === 'live') {
        const scope = (0,_sources_azure_arm_id__WEBPACK_IMPORTED_MODULE_1__/* .armScope */ .R)(o.address);
        if (scope.subscriptionId)
            ref.subscription = scope.subscriptionId.toLowerCase();
        if (scope.resourceGroup)
            ref.resourceGroup = scope.resourceGroup;
    }
    else {
        if (o.resourceGroup !== undefined)
            ref.resourceGroup = o.resourceGroup;
        // Stated by the IaC (a provider alias, a module or nested deployment scope): part of the identity.
        if (o.subscription !== undefined)
            ref.subscription = o.subscription;
    }
    return ref;
}
/** Most spellings of one ref tried: moves rarely chain, and each part of the key has its own. */
const MAX_FORMER = 16;
/**
 * What the parts of `ref`'s key spelled by IaC address (its own address when the name is unknown, a
 * parent's when the parent's name is) were before the unit's `moved` blocks: one entry per combination.
 */
function formerRefs(ref, parentObjects, moved) {
    const spellings = (s) => {
        const placeholder = s.startsWith('?');
        const address = placeholder ? s.slice(1) : s;
        return [s, ...(0,_sources_terraform_moved__WEBPACK_IMPORTED_MODULE_2__/* .formerAddresses */ .Kg)(address, moved).map((a) => (placeholder ? `?${a}` : a))];
    };
    const parents = ref.parents ?? [];
    // Only address-spelled parents move: a parent named in Azure stays as it is.
    const parentChoices = parents.map((p, i) => {
        const object = parentObjects[i];
        const byAddress = object ? p === object.id : p.startsWith('?');
        return byAddress ? spellings(p) : [p];
    });
    const iacChoices = ref.name === undefined ? spellings(ref.iac) : [ref.iac];
    let combos = iacChoices.map((iac) => ({ iac, parents: [] }));
    for (const choice of parentChoices)
        combos = combos
            .flatMap((c) => choice.map((p) => ({ iac: c.iac, parents: [...c.parents, p] })))
            .slice(0, MAX_FORMER + 1);
    // The first combination is the ref as it is.
    return combos.slice(1).map((c) => (parents.length > 0 ? c : { iac: c.iac }));
}
/** The key of one resource: its Azure identity when the name is known, else its IaC address. */
function refKey(r) {
    if (r.name === undefined)
        return `iac:${r.kind}:${r.iac}`;
    const parts = [r.kind, r.subscription ?? '', r.resourceGroup ?? '', ...(r.parents ?? []), r.name].map((p) => p.toLowerCase());
    return `azure:${parts.join('/')}`;
}
/** A finding that names no KMS address (a parse error) says the same whatever cloud is judged. */
const cloudOf = (f) => (f.kmsAddresses.length === 0 ? '' : f.cloud);
/**
 * What the finding is anchored on: its hop, else (a file-level finding) its resource as the scan names it.
 */
function anchorKey(f, renamed) {
    if (f.hop)
        return refKey(f.hop);
    return `resource:${renamed?.[f.resource] ?? f.resource}`;
}
function head(f, renamed) {
    return [f.ruleId, cloudOf(f), f.unit ?? '', anchorKey(f, renamed)];
}
/** The ref's key, then its keys under the IaC addresses it had before `moved` blocks. */
function refKeys(r) {
    return [refKey(r), ...(r.formerly ?? []).map((was) => refKey({ ...r, ...was }))];
}
/**
 * Per affected subnet, its identity (as subnetIdentities gives it) followed by the identities it had
 * before Terraform `moved` blocks renamed its hop or subnet in the code: a head finding matches a base
 * finding by any of them.
 */
function subnetIdentityChoices(f, opts = {}) {
    const [rule, cloud, unit] = head(f, opts.renamed);
    const hops = f.hop ? refKeys(f.hop) : [anchorKey(f, opts.renamed)];
    const affected = f.affected ?? [];
    const out = new Map();
    const subnets = affected.length === 0 ? [undefined] : affected;
    for (const a of subnets) {
        const keys = a ? refKeys(a) : [undefined];
        const ids = [];
        for (const k of keys)
            for (const h of hops)
                ids.push(JSON.stringify(k === undefined ? [rule, cloud, unit, h] : [rule, cloud, unit, h, k]));
        if (!out.has(ids[0]))
            out.set(ids[0], [...new Set(ids)]);
    }
    return [...out.values()];
}
/** One key per affected subnet (or one for the whole finding when it names none). */
function subnetIdentities(f, opts = {}) {
    const h = head(f, opts.renamed);
    const affected = f.affected ?? [];
    if (affected.length === 0)
        return [JSON.stringify(h)];
    return [...new Set(affected.map((a) => JSON.stringify([...h, refKey(a)])))];
}
/** The identity of the whole finding: rule, cloud, unit, decisive hop and every subnet it harms. */
function findingIdentity(f, opts = {}) {
    const subnets = [...new Set((f.affected ?? []).map(refKey))].sort();
    return JSON.stringify([...head(f, opts.renamed), subnets]);
}
/**
 * A short stable hash of the whole identity (rule, cloud, unit, decisive hop and the subnets it harms), for
 * SARIF `partialFingerprints`: two findings of one scan never share it, whichever cloud judged them, and
 * it does not move with files, lines or wording.
 */
function identityHash(f) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(findingIdentity(f)).digest('hex').slice(0, 32);
}
/** The readable name of an affected subnet, `vnet-spoke/snet-app` (or its IaC address). */
function refLabel(r, among = []) {
    if (r.name === undefined)
        return r.iac;
    const parents = (r.parents ?? []).filter((p) => !p.startsWith('?'));
    const plain = [...parents, r.name].join('/');
    // Another ref of the same names elsewhere (two `vnet-spoke/snet-app` in two groups): say where.
    const scope = (x) => `${x.subscription ?? ''}/${(x.resourceGroup ?? '').toLowerCase()}`;
    const twins = among.filter((x) => x !== r &&
        x.name !== undefined &&
        refLabel(x).toLowerCase() === plain.toLowerCase() &&
        scope(x) !== scope(r));
    if (twins.length === 0 || parents.length === 0)
        return plain;
    const sameGroup = twins.some((x) => (x.resourceGroup ?? '').toLowerCase() === (r.resourceGroup ?? '').toLowerCase());
    const where = sameGroup && r.subscription !== undefined
        ? `subscription ${r.subscription}, ${r.resourceGroup ?? '?'}`
        : (r.resourceGroup ?? r.iac);
    const last = parents.length - 1;
    return [...parents.slice(0, last), `${parents[last]} (${where})`, r.name].join('/');
}


/***/ }),

/***/ 1263:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ compareFindings)
/* harmony export */ });
function compareFindings(a, b) {
    return (a.location.file.localeCompare(b.location.file) ||
        a.location.startLine - b.location.startLine ||
        a.ruleId.localeCompare(b.ruleId) ||
        a.resource.localeCompare(b.resource));
}


/***/ }),

/***/ 848:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ armScope),
/* harmony export */   e: () => (/* binding */ liveId)
/* harmony export */ });
/**
 * ARM ids as model ids. ARM ids are case-insensitive and Azure returns them in whatever case they were
 * created with (`resourceGroups/RG-HUB` here, `resourcegroups/rg-hub` there), so the model id of a
 * deployed resource is its ARM id lowercased; the original spelling is kept as the object's address.
 */
/** The model id of a deployed resource. */
const liveId = (armId) => armId.toLowerCase().replace(/\/+$/, '');
/** Subscription, resource group and last name segment of an ARM id. */
function armScope(armId) {
    const parts = armId.split('/').filter(Boolean);
    const at = (key) => {
        const i = parts.findIndex((p) => p.toLowerCase() === key);
        return i >= 0 ? parts[i + 1] : undefined;
    };
    return {
        subscriptionId: at('subscriptions'),
        resourceGroup: at('resourcegroups'),
        name: parts[parts.length - 1],
    };
}


/***/ }),

/***/ 3526:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kg: () => (/* binding */ formerAddresses),
/* harmony export */   u9: () => (/* binding */ movedBlocks)
/* harmony export */ });
/* unused harmony export addressText */
function keyText(e) {
    if (e.type === 'literal' && typeof e.value === 'number')
        return `[${e.value}]`;
    if (e.type === 'literal' && typeof e.value === 'string')
        return `[${JSON.stringify(e.value)}]`;
    if (e.type === 'template' && e.parts.every((p) => p.kind === 'literal'))
        return `[${JSON.stringify(e.parts.map((p) => (p.kind === 'literal' ? p.value : '')).join(''))}]`;
    return undefined;
}
function stepText(s) {
    if (s.kind === 'attr')
        return /^\d+$/.test(s.name) ? `[${s.name}]` : `.${s.name}`;
    if (s.kind === 'index')
        return keyText(s.key);
    return undefined;
}
/** A `moved` address expression as Terraform prints the address; undefined when it is not a plain address. */
function addressText(e) {
    if (!e)
        return undefined;
    if (e.type === 'variable')
        return e.name;
    if (e.type !== 'traversal' || e.target.type !== 'variable')
        return undefined;
    let out = e.target.name;
    for (const s of e.steps) {
        const t = stepText(s);
        if (t === undefined)
            return undefined;
        out += t;
    }
    return out;
}
/** The `moved` blocks of one module's files, relative to that module (the caller adds its prefix). */
function movedBlocks(bodies) {
    const out = [];
    for (const body of bodies)
        for (const b of body.blocks) {
            if (b.type !== 'moved')
                continue;
            const get = (n) => b.body.attributes.find((a) => a.name === n)?.expr;
            const from = addressText(get('from'));
            const to = addressText(get('to'));
            if (from !== undefined && to !== undefined && from !== to)
                out.push({ from, to });
        }
    return out;
}
/**
 * The part of `address` after `prefix` when `address` is `prefix` itself or lies under it: a module
 * call's resources (`prefix.`), the instances of a resource or call written without a key (`prefix[`).
 */
function under(address, prefix) {
    if (address === prefix)
        return '';
    if (!address.startsWith(prefix))
        return undefined;
    const next = address[prefix.length];
    return next === '.' || next === '[' ? address.slice(prefix.length) : undefined;
}
/**
 * Every address `address` had before the moves, nearest first (moves chain: a → b, b → c gives c the
 * former addresses b and a). A key added by a move (`a` → `a["k"]`) maps back to the keyless address.
 */
function formerAddresses(address, moves) {
    const out = [];
    const seen = new Set([address]);
    let frontier = [address];
    // Bounded: each round follows one move per address; a cycle of moves stops at addresses already seen.
    for (let round = 0; round < 16 && frontier.length > 0; round++) {
        const next = [];
        for (const a of frontier)
            for (const m of moves) {
                const rest = under(a, m.to);
                if (rest === undefined)
                    continue;
                // `a[0]` → `a` moves one instance: `a[1]` was never `a[0][1]`.
                if (rest.startsWith('[') && /\]$/.test(m.from) && !/\]$/.test(m.to))
                    continue;
                const was = m.from + rest;
                if (seen.has(was))
                    continue;
                seen.add(was);
                out.push(was);
                next.push(was);
            }
        frontier = next;
    }
    return out;
}


/***/ })

};
;