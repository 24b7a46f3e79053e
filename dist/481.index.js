"use strict";
exports.id = 481;
exports.ids = [481];
exports.modules = {

/***/ 5460:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qp: () => (/* binding */ applyBaseline),
/* harmony export */   mF: () => (/* binding */ readBaseline)
/* harmony export */ });
/* unused harmony export toBaseline */
/* harmony import */ var _report_paths__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4278);
/* harmony import */ var _report_tool__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8934);
/* harmony import */ var _new_findings__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7832);
/* harmony import */ var _sources_parsing_read_source__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(547);




function toBaseline(findings, root) {
    return {
        tool: TOOL_NAME,
        baselineVersion: 1,
        toolVersion: TOOL_VERSION,
        findings: findings.map((f) => ({
            id: findingKey(f, root),
            ruleId: f.ruleId,
            resource: f.resource,
            file: displayPath(f.location.file, root),
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
/* harmony export */   B: () => (/* binding */ subnetChanges),
/* harmony export */   Eg: () => (/* binding */ compareFindings),
/* harmony export */   cD: () => (/* binding */ subnetList),
/* harmony export */   fl: () => (/* binding */ findingKey),
/* harmony export */   g3: () => (/* binding */ renamesFrom)
/* harmony export */ });
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
        return (0,_rules_identity__WEBPACK_IMPORTED_MODULE_1__/* .subnetIdentityChoices */ .u5)(g).map((ids) => [ids]);
    const seen = new Set();
    const out = [];
    for (const a of affected) {
        const ids = (0,_rules_identity__WEBPACK_IMPORTED_MODULE_1__/* .subnetIdentityChoices */ .u5)({ ...g, affected: [a] })[0];
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
    const labels = (0,_report_vnet_labels__WEBPACK_IMPORTED_MODULE_3__/* .labelsAcross */ .bw)([...c.new, ...c.existing, ...c.fixed]);
    const collect = (findings, only) => {
        const bySubnet = new Map();
        for (const f of findings)
            for (const a of only.get(f) ?? f.affected ?? []) {
                // A deployment variant (a parameter file, a Terraform environment) is its own deployment of the subnet.
                const at = f.unit?.indexOf('@') ?? -1;
                const label = (0,_report_vnet_labels__WEBPACK_IMPORTED_MODULE_3__/* .affectedLabel */ .tW)(f, a, labels) + (at >= 0 ? ` [${f.unit.slice(at + 1)}]` : '');
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
    const names = refs.map((r) => (0,_report_vnet_labels__WEBPACK_IMPORTED_MODULE_3__/* .affectedLabel */ .tW)(f, r));
    if (names.length <= 1)
        return names.join('');
    return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
function reroot(f, from, to) {
    const rel = (0,_report_paths__WEBPACK_IMPORTED_MODULE_2__/* .repoPath */ .qN)(f.location.file, from);
    return rel === undefined ? f : { ...f, location: { ...f.location, file: node_path__WEBPACK_IMPORTED_MODULE_0__.join(to, rel) } };
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

/***/ 8934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lH: () => (/* binding */ TOOL_NAME),
  qH: () => (/* binding */ TOOL_URI),
  wr: () => (/* binding */ TOOL_VERSION),
  Tx: () => (/* binding */ toolBuild)
});

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
        for (const dir of [__dirname, external_node_path_.dirname(__dirname)]) {
            const read = (0,read_source/* readSource */.o$)(external_node_path_.join(dir, 'build-hash'), (0,read_source/* makeBoundary */.nj)([dir]));
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
/* harmony export */   bw: () => (/* binding */ labelsAcross),
/* harmony export */   tW: () => (/* binding */ affectedLabel),
/* harmony export */   vw: () => (/* binding */ labelReport)
/* harmony export */ });
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
        return (0,_rules_identity__WEBPACK_IMPORTED_MODULE_0__/* .refLabel */ .E3)(r, f.affected ?? []);
    const parents = (r.parents ?? []).slice(0, -1);
    return [...parents, labels?.get(m) ?? m.label, r.name].join('/');
}
/**
 * Labels for the VNets of findings from several scans read together (a pull request's base and head):
 * each scan's labels stand unless the other scan has another VNet of the same name.
 */
function labelsAcross(findings) {
    return (0,_model_vnet__WEBPACK_IMPORTED_MODULE_2__/* .labelMentions */ .qv)(findings.flatMap((f) => f.vnets ?? []), (m) => m.label);
}


/***/ })

};
;