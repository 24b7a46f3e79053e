"use strict";
exports.id = 451;
exports.ids = [451];
exports.modules = {

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