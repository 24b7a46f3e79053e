"use strict";
exports.id = 431;
exports.ids = [431,481];
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

/***/ 9820:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sg: () => (/* binding */ unitChooser),
/* harmony export */   TK: () => (/* binding */ IAC_FILE),
/* harmony export */   fH: () => (/* binding */ isAffected),
/* harmony export */   g2: () => (/* binding */ unitKey),
/* harmony export */   xH: () => (/* binding */ findingUnitKey)
/* harmony export */ });
/* unused harmony exports unitHash, dataInputs */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _sources_parsing_read_source__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(547);
/* harmony import */ var _report_tool__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8934);
/**
 * Pull request runs judge only what changed. Every deployment unit (a Terraform root module with the
 * modules it calls and its var files; a Bicep deployment with its parameter files and modules) is
 * identified by its root relative to the scanned path and by a content hash of its inputs. A unit none
 * of whose inputs the change touches cannot have a new, fixed or change-decided finding, so:
 * - with `scope: new` or `changed` only the affected units are judged, at head and at base;
 * - whatever the scope, the base judges only the units whose inputs differ from the head's, and reuses
 *   the head's findings for the others (same inputs, same findings).
 */




const toPosix = (p) => p.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
/** The unit's key: its root relative to the scanned path (Finding.unit without the variant). */
function unitKey(u, scanRoot) {
    return toPosix(node_path__WEBPACK_IMPORTED_MODULE_1__.relative(scanRoot, u.root)) || '.';
}
/** Finding.unit without the deployment variant. */
const findingUnitKey = (f) => f.unit?.split('@')[0];
/**
 * A hash of everything the unit reads, relative to `checkoutRoot` so a base checkout and the head agree:
 * each file's path and content, the changed data files it may read (`data`, see dataInputs: unchanged
 * ones are the same on both sides), and the tool version (another version may judge the same files otherwise).
 */
function unitHash(u, checkoutRoot, data = []) {
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(_report_tool__WEBPACK_IMPORTED_MODULE_3__/* .TOOL_VERSION */ .wr).update('\0');
    const files = [...new Set([...u.files, ...u.varFiles, ...data])];
    const boundary = (0,_sources_parsing_read_source__WEBPACK_IMPORTED_MODULE_2__/* .makeBoundary */ .nj)([checkoutRoot], files);
    for (const file of files.sort()) {
        h.update(toPosix(node_path__WEBPACK_IMPORTED_MODULE_1__.relative(checkoutRoot, file))).update('\0');
        const read = (0,_sources_parsing_read_source__WEBPACK_IMPORTED_MODULE_2__/* .readSource */ .o$)(file, boundary);
        h.update(read.ok ? read.text : `unreadable: ${read.reason}`).update('\0');
    }
    return h.digest('hex');
}
const TERRAFORM_FILE = /\.(tf|tf\.json|tfvars|tfvars\.json)$/;
const TEMPLATE_FILE = /\.(bicep|bicepparam|json)$/;
/** Files a scan judges as units of their own, never only as data another unit reads. */
const IAC_FILE = /\.(tf|tf\.json|tfvars|tfvars\.json|bicep|bicepparam)$/;
/**
 * Calls that read a file the unit does not list: Terraform's file(), fileexists(), templatefile(),
 * fileset(), filebase64()... and Bicep's loadTextContent()/loadJsonContent()/loadFileAsBase64()...
 * Found in the text, so a comment mentioning one only costs a re-judged unit, never a missed one.
 */
const READS_FILES = /\b(file|fileexists|fileset|filebase64|filemd5|filesha1|filesha256|filesha512|filebase64sha256|filebase64sha512|templatefile|load[A-Za-z]*Content|loadFileAsBase64)\s*\(/;
/**
 * The changed files a unit may read as data (file(), templatefile(), loadTextContent()): any changed
 * file that is not Terraform or Bicep source, when one of the unit's files calls such a function.
 * Which path a call names is often computed (`"${path.module}/rules/${var.env}.json"`), so every such
 * file counts: a unit re-judged for nothing costs time, a unit missed costs a wrong verdict.
 * (A .tf or .bicep file read as data by file() is not seen: no real configuration does that.)
 */
function dataInputs(u, changedPaths, read) {
    const data = [...changedPaths].filter((p) => !IAC_FILE.test(p) && !u.files.includes(p));
    if (data.length === 0)
        return [];
    // The unit's own files, wherever they are (downloaded modules live outside the checkout).
    const text = read ?? readThrough((0,_sources_parsing_read_source__WEBPACK_IMPORTED_MODULE_2__/* .makeBoundary */ .nj)([], u.files));
    for (const f of u.files) {
        if (!/\.(tf|bicep)$/.test(f))
            continue;
        if (READS_FILES.test(text(f) ?? ''))
            return data.sort();
    }
    return [];
}
const readThrough = (boundary) => (file) => {
    const r = (0,_sources_parsing_read_source__WEBPACK_IMPORTED_MODULE_2__/* .readSource */ .o$)(file, boundary);
    return r.ok ? r.text : undefined;
};
/**
 * True when the change touches one of the unit's inputs: one of its files or var files (installed
 * modules and their manifest included); (Terraform) a Terraform file added or removed in one of its
 * directories; (Bicep) a template or parameter file removed anywhere, since a module reference may now
 * point at nothing; or a changed file it may read as data (dataInputs).
 */
function isAffected(u, changed, read) {
    for (const f of [...u.files, ...u.varFiles])
        if (changed.paths.has(f))
            return true;
    if (u.kind === 'terraform') {
        const dirs = new Set(u.files.map((f) => node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(f)));
        for (const c of changed.paths)
            if (TERRAFORM_FILE.test(c) && dirs.has(node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(c)))
                return true;
        // The module manifest `terraform init` wrote names the directory each module key is read from.
        const installed = node_path__WEBPACK_IMPORTED_MODULE_1__.join(u.root, '.terraform') + node_path__WEBPACK_IMPORTED_MODULE_1__.sep;
        for (const c of changed.paths)
            if (c.startsWith(installed))
                return true;
    }
    else {
        for (const c of changed.removed)
            if (TEMPLATE_FILE.test(c))
                return true;
    }
    return dataInputs(u, changed.paths, read).length > 0;
}
/** What `selection` (ScanOptions.units) decides for each unit, asked before the unit is parsed. */
function unitChooser(selection) {
    const changed = selection.changed && {
        paths: new Set(selection.changed.paths),
        removed: new Set(selection.changed.removed),
    };
    const touched = selection.touched ?? selection.changed?.paths ?? [];
    const also = new Set(selection.also ?? []);
    const hashOf = (u) => selection.hashRoot !== undefined ? { hash: unitHash(u, selection.hashRoot, dataInputs(u, touched)) } : {};
    return (u) => {
        const key = unitKey(u, selection.keyRoot);
        const reused = selection.reuse?.[key];
        const earlier = typeof reused === 'string' ? [reused] : reused;
        if (earlier !== undefined) {
            const h = hashOf(u);
            return h.hash !== undefined && earlier.includes(h.hash)
                ? { key, judged: false, why: 'same-inputs', ...h }
                : { key, judged: true, ...h };
        }
        const root = selection.hashRoot;
        const files = changed && root !== undefined
            ? { files: u.files.map((f) => toPosix(node_path__WEBPACK_IMPORTED_MODULE_1__.relative(root, f))).filter((f) => !f.startsWith('..')) }
            : {};
        if (changed && !also.has(key) && !isAffected(u, changed))
            return { key, judged: false, why: 'untouched', ...files };
        return { key, judged: true, ...hashOf(u), ...files };
    };
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


/***/ }),

/***/ 4608:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ callGraphUnits)
/* harmony export */ });
/**
 * Deployment units of a call graph (Terraform root modules and the modules they call, Bicep entry
 * templates and their modules): each node nobody calls, with every node it reaches; then, so that
 * nothing is silently skipped, nodes reached by none of them (modules that only call each other).
 */
function callGraphUnits(nodes, calls) {
    const called = new Set();
    for (const targets of calls.values())
        for (const t of targets)
            called.add(t);
    const reached = new Set();
    const units = [];
    const add = (root) => {
        const seen = new Set([root]);
        const stack = [root];
        while (stack.length > 0) {
            for (const t of calls.get(stack.pop()) ?? []) {
                if (seen.has(t))
                    continue;
                seen.add(t);
                stack.push(t);
            }
        }
        seen.forEach((n) => reached.add(n));
        units.push({ root, members: [...seen] });
    };
    for (const n of nodes)
        if (!called.has(n))
            add(n);
    for (const n of nodes)
        if (!reached.has(n))
            add(n);
    return units;
}


/***/ }),

/***/ 8665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Je: () => (/* binding */ stringOf),
/* harmony export */   KX: () => (/* binding */ MAX_JSON_DEPTH),
/* harmony export */   Yt: () => (/* binding */ elements),
/* harmony export */   _w: () => (/* binding */ prop),
/* harmony export */   eE: () => (/* binding */ parsePlain),
/* harmony export */   eu: () => (/* binding */ literal),
/* harmony export */   fJ: () => (/* binding */ jsonTooDeep),
/* harmony export */   jO: () => (/* binding */ entries),
/* harmony export */   pj: () => (/* binding */ plain),
/* harmony export */   qF: () => (/* binding */ parseJson),
/* harmony export */   rr: () => (/* binding */ LineIndex),
/* harmony export */   yv: () => (/* binding */ originOf)
/* harmony export */ });
/* harmony import */ var jsonc_parser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9547);
/* harmony import */ var jsonc_parser__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(jsonc_parser__WEBPACK_IMPORTED_MODULE_0__);
/**
 * JSON (with comments) parsed so that every value keeps its lines. ARM templates, parameter files and
 * Terraform plan JSON are all read through here: findings must point at the line that says what is
 * wrong, which `JSON.parse` cannot tell.
 */

/**
 * Offsets (UTF-16 units) \u2192 1-based lines; line starts are computed once per file so each lookup is a binary
 * search. Shared by the JSON readers here and the Terraform HCL converter.
 */
class LineIndex {
    starts = [0];
    constructor(text) {
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
            this.starts.push(i + 1);
    }
    line(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    }
}
/**
 * Deepest nesting of objects and arrays read. Real templates and plans nest a few dozen levels; the
 * parsers and every walker after them recurse once per level, so a file nested 10,000 deep must be
 * refused before it reaches them.
 */
const MAX_JSON_DEPTH = 256;
/**
 * The index of the closing quote of the string opening at `i` (or the text's end), escapes skipped. A
 * string ends at its closing quote only: ARM templates may break a string across lines; `breaks` gets the
 * offsets of such line breaks.
 */
function endOfString(text, i, breaks) {
    for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */)
            i++;
        else if (d === 0x22 /* " */)
            return i;
        else if (breaks && (d === 0x0a || d === 0x0d))
            breaks.push(i);
    }
    return text.length;
}
/** The index of the last character of the comment opening at `i`, or -1 when none opens there. */
function endOfComment(text, i) {
    if (text.charCodeAt(i) !== 0x2f /* / */)
        return -1;
    const next = text.charCodeAt(i + 1);
    if (next === 0x2f) {
        const end = text.indexOf('\n', i);
        return end < 0 ? text.length : end;
    }
    if (next === 0x2a /* * */) {
        const end = text.indexOf('*/', i + 2);
        return end < 0 ? text.length : end + 1;
    }
    return -1;
}
/**
 * The line where JSON (with comments) first nests deeper than `max`, or undefined. One pass, no
 * recursion: strings and comments are skipped, brackets counted.
 */
function jsonTooDeep(text, max = MAX_JSON_DEPTH) {
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x22 /* " */)
            i = endOfString(text, i);
        else if (c === 0x2f /* / */)
            i = Math.max(i, endOfComment(text, i));
        else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
            if (++depth > max)
                return new LineIndex(text).line(i);
        }
        else if (c === 0x7d /* } */ || c === 0x5d /* ] */)
            depth--;
    }
    return undefined;
}
/**
 * JSON.parse for text a scanned file wrote (jsondecode, json(), an azapi body, a plan): the value is
 * walked recursively afterwards, so nesting past MAX_JSON_DEPTH is a SyntaxError like any invalid JSON.
 */
function parsePlain(text) {
    const deep = jsonTooDeep(text);
    if (deep !== undefined)
        throw new SyntaxError(`JSON nested more than ${MAX_JSON_DEPTH} levels deep`);
    return JSON.parse(text);
}
/**
 * Offsets of line breaks inside strings. ARM templates may break a string across lines ("Multi-line
 * strings" in Microsoft's template syntax reference: Azure CLI and PowerShell deploy them; ALZ's
 * eslzArm templates split long expressions that way), which jsonc-parser reads as an unterminated
 * string and has no option for. Hand-written: the walk of jsonTooDeep, recording the breaks. Only
 * called once a parse failed on an unterminated string, so valid JSON pays nothing.
 */
function breaksInStrings(text) {
    const found = [];
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x22 /* " */)
            i = endOfString(text, i, found);
        else if (c === 0x2f /* / */)
            i = Math.max(i, endOfComment(text, i));
    }
    return found.length > 0 ? found : undefined;
}
/**
 * Parses with each line break inside a string read as a space (same length, so offsets and lines stay
 * the file's), then gives the strings that held one their value as written, line breaks included.
 */
function parseTreeWithBreaks(text, breaks, errors) {
    const chars = text.split('');
    for (const at of breaks)
        chars[at] = ' ';
    const root = jsonc_parser__WEBPACK_IMPORTED_MODULE_0__.parseTree(chars.join(''), errors, { allowTrailingComma: true, disallowComments: false });
    // Nodes are visited in document order, as `breaks` is sorted: one cursor walks both.
    let next = 0;
    const restore = (node) => {
        if (node.type === 'string') {
            while (next < breaks.length && breaks[next] < node.offset)
                next++;
            if (next < breaks.length && breaks[next] < node.offset + node.length) {
                const raw = text.slice(node.offset, node.offset + node.length);
                node.value = JSON.parse(raw.replace(/\r/g, '\\r').replace(/\n/g, '\\n'));
            }
        }
        node.children?.forEach(restore);
    };
    if (root && errors.length === 0)
        restore(root);
    return root;
}
/**
 * Parses JSON with comments, trailing commas and line breaks inside strings (as ARM accepts them); the
 * first syntax error is reported with its line.
 */
function parseJson(path, text) {
    const deep = jsonTooDeep(text);
    if (deep !== undefined)
        return {
            ok: false,
            line: deep,
            message: `nested more than ${MAX_JSON_DEPTH} levels deep at line ${deep}`,
        };
    let errors = [];
    let root = jsonc_parser__WEBPACK_IMPORTED_MODULE_0__.parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    const unterminated = errors[0] && jsonc_parser__WEBPACK_IMPORTED_MODULE_0__.printParseErrorCode(errors[0].error) === 'UnexpectedEndOfString';
    const breaks = unterminated ? breaksInStrings(text) : undefined;
    if (breaks) {
        errors = [];
        root = parseTreeWithBreaks(text, breaks, errors);
    }
    const lines = new LineIndex(text);
    if (errors.length > 0 || root === undefined) {
        const first = errors[0];
        const line = first ? lines.line(first.offset) : 1;
        const what = first ? jsonc_parser__WEBPACK_IMPORTED_MODULE_0__.printParseErrorCode(first.error) : 'empty document';
        return { ok: false, line, message: `invalid JSON at line ${line}: ${what}` };
    }
    return { ok: true, doc: { path, text, root, lines } };
}
function originOf(doc, node) {
    return {
        file: doc.path,
        startLine: doc.lines.line(node.offset),
        endLine: doc.lines.line(node.offset + node.length),
    };
}
/**
 * A property of an object node, by exact name, then ignoring case (ARM property names are case-insensitive).
 */
function prop(node, name) {
    if (node?.type !== 'object' || !node.children)
        return undefined;
    let ci;
    const lower = name.toLowerCase();
    for (const p of node.children) {
        const key = p.children?.[0]?.value;
        if (typeof key !== 'string')
            continue;
        if (key === name)
            return p.children?.[1];
        if (ci === undefined && key.toLowerCase() === lower)
            ci = p.children?.[1];
    }
    return ci;
}
/** The properties of an object node in source order. */
function entries(node) {
    if (node?.type !== 'object' || !node.children)
        return [];
    const out = [];
    for (const p of node.children) {
        const key = p.children?.[0]?.value;
        const value = p.children?.[1];
        if (typeof key === 'string' && value)
            out.push([key, value]);
    }
    return out;
}
function elements(node) {
    return node?.type === 'array' ? (node.children ?? []) : [];
}
function stringOf(node) {
    return node?.type === 'string' ? node.value : undefined;
}
/** The plain JSON value of a node (no expression evaluation). */
function plain(node) {
    return node === undefined ? undefined : jsonc_parser__WEBPACK_IMPORTED_MODULE_0__.getNodeValue(node);
}
/** A literal node as a value tree, each node with its own lines; `origin` overrides them all when given. */
function literal(doc, node, origin) {
    const o = origin ?? originOf(doc, node);
    switch (node.type) {
        case 'string':
            return { kind: 'string', value: node.value, origin: o };
        case 'number':
            return { kind: 'number', value: node.value, origin: o };
        case 'boolean':
            return { kind: 'bool', value: node.value, origin: o };
        case 'null':
            return { kind: 'null', origin: o };
        case 'array':
            return { kind: 'list', items: elements(node).map((n) => literal(doc, n, origin)), origin: o };
        default: {
            const attrs = {};
            for (const [k, v] of entries(node))
                attrs[k] = literal(doc, v, origin);
            return { kind: 'object', attrs, origin: o };
        }
    }
}


/***/ }),

/***/ 9832:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ mayHaveEnvironments),
/* harmony export */   t: () => (/* binding */ terraformEnvironments)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _parse__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9882);
/**
 * Terraform environments: var files a root module is applied with (`terraform apply -var-file=env/prod.tfvars`)
 * that Terraform does not load by itself. Judged on its variables' defaults alone, a root whose forced tunnel
 * lives in `environments/prod.tfvars` read "reachable" although prod is what is deployed; so each such
 * environment is judged as a variant of the root, as a Bicep deployment is judged once per parameter file.
 *
 * Which root a var file is for is not written anywhere (the pipeline passes it), so it is inferred:
 * - a var file is a candidate when no root loads it by itself: any name but terraform.tfvars(.json) and
 *   *.auto.tfvars(.json), or one of those outside a root module's own directory;
 * - it is for a root that declares every variable it assigns (Terraform warns of the others, so a file
 *   written for a root assigns that root's variables), the nearest such root in the tree when several do
 *   (steps up to a common folder plus steps down), all of them at the same distance (an environment folder
 *   several roots read); when no root declares them all (a stale assignment left after a rename), the root
 *   declaring most of them, if more than half (rootsFor);
 * - var files of one folder for one root that assign the same variables are alternatives (dev.tfvars,
 *   prod.tfvars): one environment each; those that share no variable with another (CAF's configuration.tfvars
 *   beside vnets.tfvars) are applied together, with every alternative when there are some.
 * A root with environments is judged once per environment and not on its defaults alone. Var files the user
 * names (`var-files`) say which values are deployed: then nothing is inferred.
 *
 * Variables are found by a line scan of the root's own .tf files (a parse would read them twice; the
 * evaluator still reads each variable from the syntax tree) and the var files' assignments by parsing them.
 */


const AUTO_LOADED = /(^|[\\/])(terraform\.tfvars(\.json)?|[^\\/]*\.auto\.tfvars(\.json)?)$/;
const isVarFile = (f) => f.kind === 'tfvars' || f.kind === 'tfvars-json';
/** Var files no root of `roots` loads by itself. */
function candidates(files, roots) {
    return files.filter((f) => isVarFile(f) && !(AUTO_LOADED.test(f.path) && roots.has(node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(f.path))));
}
/** True when `files` holds a var file no root loads by itself: only then is anything read. */
function mayHaveEnvironments(files) {
    const configDirs = new Set();
    for (const f of files)
        if (f.kind === 'terraform' || f.kind === 'terraform-json')
            configDirs.add(node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(f.path));
    return candidates(files, configDirs).length > 0;
}
const VARIABLE_BLOCK = /^[ \t]*variable[ \t]*"([^"\r\n]+)"[ \t]*\{/gm;
/** Variables a root's own files declare. */
function declaredVariables(files, textOf) {
    const names = new Set();
    for (const f of files) {
        const text = textOf(f.path);
        if (text === undefined)
            continue;
        if (f.kind === 'terraform') {
            for (const m of text.matchAll(VARIABLE_BLOCK))
                names.add(m[1]);
        }
        else if (f.kind === 'terraform-json') {
            for (const b of (0,_parse__WEBPACK_IMPORTED_MODULE_1__/* .parseTfJson */ .c$)(f.path, text).body.blocks)
                if (b.type === 'variable' && b.labels[0])
                    names.add(b.labels[0]);
        }
    }
    return names;
}
/** Variables a var file assigns (none when it cannot be read or parsed at all). */
function assignedVariables(f, textOf) {
    const text = textOf(f.path);
    if (text === undefined)
        return [];
    const parsed = f.kind === 'tfvars-json' ? (0,_parse__WEBPACK_IMPORTED_MODULE_1__/* .parseTfJson */ .c$)(f.path, text) : (0,_parse__WEBPACK_IMPORTED_MODULE_1__/* .parseHcl */ .z4)(f.path, text);
    return parsed.body.attributes.map((a) => a.name);
}
/** Steps from one folder to another through their deepest common folder. */
function treeDistance(from, to) {
    const a = from.split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep);
    const b = to.split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep);
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i])
        i++;
    return a.length - i + (b.length - i);
}
const posixRelative = (root, p) => node_path__WEBPACK_IMPORTED_MODULE_0__.relative(root, p).split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep).join('/') || '.';
/** The environments of one root from the var files of one folder written for it. */
function folderEnvironments(folder, files, scanRoot) {
    const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const overlaps = (x) => sorted.some((y) => y !== x && [...x.names].some((n) => y.names.has(n)));
    const alternatives = sorted.filter(overlaps);
    const common = sorted.filter((x) => !alternatives.includes(x)).map((x) => x.path);
    if (alternatives.length === 0) {
        return [
            {
                label: common.length === 1 ? posixRelative(scanRoot, common[0]) : posixRelative(scanRoot, folder),
                files: common,
            },
        ];
    }
    return alternatives.map((a) => ({ label: posixRelative(scanRoot, a.path), files: [...common, a.path] }));
}
/**
 * The roots a var file assigning `names` in `folder` is for: those declaring every name, the nearest when
 * several do (all at the same distance); when none declares them all, those declaring the most of them
 * provided that is more than half, then the nearest. A var file kept after a variable was renamed or
 * removed assigns a variable its root no longer declares: Terraform warns of it and applies the rest, so
 * such a file is still the root's environment (judged on its defaults instead, a forced tunnel set in
 * prod.tfvars read "reachable"). Half or fewer declared: the file is not taken for that root's.
 */
function rootsFor(names, folder, variables) {
    // [variables declared (more is better), -steps (nearer is better)]
    let best = [0, 0];
    let chosen = [];
    for (const [root, declared] of variables) {
        const count = names.filter((n) => declared.has(n)).length;
        if (count * 2 <= names.length)
            continue;
        const score = [count, -treeDistance(folder, root)];
        const cmp = chosen.length === 0 ? 1 : score[0] - best[0] || score[1] - best[1];
        if (cmp > 0)
            [best, chosen] = [score, [root]];
        else if (cmp === 0)
            chosen.push(root);
    }
    return chosen;
}
/**
 * The environments of each unit root (absolute folders) among `files`; roots without any are absent.
 * `rootFiles` gives each root's own files (those in its folder); `textOf` reads a file (undefined: unreadable).
 */
function terraformEnvironments(files, rootFiles, textOf, scanRoot) {
    const out = new Map();
    const strays = candidates(files, new Set(rootFiles.keys()));
    if (strays.length === 0)
        return out;
    const variables = new Map();
    for (const [root, own] of rootFiles)
        variables.set(root, declaredVariables(own, textOf));
    // root \u2192 var folder \u2192 the var files of that folder written for the root
    const byRoot = new Map();
    for (const f of strays) {
        const names = assignedVariables(f, textOf);
        if (names.length === 0)
            continue;
        const folder = node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(f.path);
        for (const root of rootsFor(names, folder, variables)) {
            let folders = byRoot.get(root);
            if (!folders)
                byRoot.set(root, (folders = new Map()));
            const list = folders.get(folder) ?? [];
            list.push({ path: f.path, names: new Set(names) });
            folders.set(folder, list);
        }
    }
    for (const [root, folders] of byRoot) {
        const envs = [...folders.entries()]
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .flatMap(([folder, list]) => folderEnvironments(folder, list, scanRoot));
        out.set(root, envs);
    }
    return out;
}


/***/ }),

/***/ 2010:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RF: () => (/* binding */ parseNative),
  Hv: () => (/* binding */ parseTemplateText)
});

// UNUSED EXPORTS: MAX_DEPTH

;// CONCATENATED MODULE: ./src/sources/terraform/hcl-lexer.ts
/** Longest source text kept on an expression node; messages only need to recognise it. */
const MAX_TEXT = 300;
/** Deepest nesting of brackets, templates and blocks before the parser gives up on an item. */
const MAX_DEPTH = 400;
/** Syntax errors kept per file; a badly broken file would otherwise report every line. */
const MAX_ERRORS = 50;
// Token kinds.
const EOF = 0;
const IDENT = 1;
const NUMBER = 2;
const QUOTE = 3; // `"`: the parser scans the string itself
const HEREDOC = 4; // `<<` or `<<-`: the parser scans the heredoc itself
const LBRACE = 5;
const RBRACE = 6;
const LBRACK = 7;
const RBRACK = 8;
const LPAREN = 9;
const RPAREN = 10;
const COMMA = 11;
const DOT = 12;
const ELLIPSIS = 13;
const ASSIGN = 14;
const COLON = 15;
const QUESTION = 16;
const ARROW = 17;
const OP = 18; // binary operators and unary `-`; `tokOp` says which
const BANG = 19;
const TILDE = 20;
const STAR = 21;
const BAD = 22; // a character that starts no token
// ASCII character classes: 1 identifier start, 2 identifier continue only (digits, `-`).
const ASCII_ID = new Uint8Array(128);
for (let c = 65; c <= 90; c++)
    ASCII_ID[c] = 1;
for (let c = 97; c <= 122; c++)
    ASCII_ID[c] = 1;
ASCII_ID[95] = 1; // _
for (let c = 48; c <= 57; c++)
    ASCII_ID[c] = 2;
ASCII_ID[45] = 2; // -
const ID_START = /[\p{ID_Start}]/u;
const ID_CONTINUE = /[\p{ID_Continue}]/u;
/**
 * Short names and strings the parser made before, by a hash of their characters (one per slot, the last
 * made wins). Most of a Terraform file is the same few dozen names and strings again and again
 * (`name`, `resource_group_name`, `"Outbound"`, `var`): handing out the string made before saves a
 * string per occurrence, and the evaluator's maps and objects keyed by them then hash each string once.
 * Shared by every file parsed on the thread; entries never hold on to a file's text (see intern).
 */
const INTERN_SLOTS = 4096;
const MAX_INTERNED = 64;
const interned = new Array(INTERN_SLOTS).fill('');
class SyntaxFault extends Error {
    at;
    constructor(message, at) {
        super(message);
        this.at = at;
    }
}
/** 1-based lines of offsets; lookups are mostly in increasing order, so the last answer is tried first. */
class Lines {
    starts = [0];
    last = 0;
    constructor(text) {
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
            this.starts.push(i + 1);
    }
    /** 0-based line index of an offset. */
    index(offset) {
        const s = this.starts;
        const i = this.last;
        if (s[i] <= offset && (i + 1 >= s.length || offset < s[i + 1]))
            return i;
        if (i + 1 < s.length && s[i + 1] <= offset && (i + 2 >= s.length || offset < s[i + 2])) {
            this.last = i + 1;
            return i + 1;
        }
        let lo = 0;
        let hi = s.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (s[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        this.last = lo;
        return lo;
    }
}
/** Tokens, positions and errors of one source text; the parser layers build on it. */
class HclLexer {
    path;
    text;
    lineOffset;
    errors = [];
    comments = [];
    lines;
    len;
    /** Where the lexer reads next. */
    pos = 0;
    // The current token (one token of lookahead).
    tok = EOF;
    tokStart = 0;
    tokEnd = 0;
    /** A newline lies between the previous token and this one. */
    tokNl = false;
    tokOp = '';
    /** End of the previous token. */
    lastEnd = 0;
    /** Inside brackets newlines are insignificant; in a body or object they end an item. */
    nlSignificant = true;
    depth = 0;
    constructor(path, text, lineOffset) {
        this.path = path;
        this.text = text;
        this.lineOffset = lineOffset;
        this.lines = new Lines(text);
        this.len = text.length;
    }
    line(offset) {
        return this.lines.index(offset) + 1 + this.lineOffset;
    }
    src(start, end) {
        return end - start > MAX_TEXT
            ? this.text.slice(start, start + MAX_TEXT) + '\u2026'
            : this.text.slice(start, end);
    }
    report(message, at) {
        if (this.errors.length >= MAX_ERRORS)
            return;
        const i = this.lines.index(Math.min(at, this.len));
        const column = Math.min(at, this.len) - this.lines.starts[i] + 1;
        const line = i + 1 + this.lineOffset;
        this.errors.push({
            message: `${message} (column ${column})`,
            origin: { file: this.path, startLine: line, endLine: line },
        });
    }
    /** An error at the current token: "missing X" at the end of the line before when the token starts a new line. */
    fault(expected) {
        if (this.tokNl || this.tok === EOF) {
            return new SyntaxFault(`missing ${expected}`, this.lastEnd);
        }
        return new SyntaxFault(`unexpected ${this.describe()}; expected ${expected}`, this.tokStart);
    }
    describe() {
        if (this.tok === EOF)
            return 'end of file';
        const t = this.text.slice(this.tokStart, Math.min(this.tokEnd, this.tokStart + 40));
        return `\`${t}\``;
    }
    enter() {
        if (++this.depth > MAX_DEPTH) {
            throw new SyntaxFault(`nesting deeper than ${MAX_DEPTH} levels`, this.tokStart);
        }
    }
    /** Reads the next token into tok/tokStart/tokEnd/tokNl; comments are collected on the way. */
    next() {
        const text = this.text;
        const len = this.len;
        this.lastEnd = this.tokEnd;
        let p = this.pos;
        let nl = false;
        let c;
        for (;;) {
            if (p >= len) {
                this.tok = EOF;
                this.tokStart = this.tokEnd = this.pos = len;
                this.tokNl = true;
                return;
            }
            c = text.charCodeAt(p);
            if (c === 32 || c === 9 || c === 13)
                p++;
            else if (c === 10) {
                nl = true;
                p++;
            }
            else if (c === 35 /* # */ || (c === 47 /* / */ && text.charCodeAt(p + 1) === 47)) {
                let e = text.indexOf('\n', p);
                if (e === -1)
                    e = len;
                this.comment(p, e);
                p = e;
            }
            else if (c === 47 && text.charCodeAt(p + 1) === 42 /* * */) {
                let e = text.indexOf('*/', p + 2);
                e = e === -1 ? len : e + 2;
                this.comment(p, e);
                if (text.lastIndexOf('\n', e - 1) >= p)
                    nl = true;
                p = e;
            }
            else
                break;
        }
        this.tokNl = nl;
        this.tokStart = p;
        if (c < 128 && ASCII_ID[c] === 1) {
            p = this.identEnd(p + 1);
            this.tok = IDENT;
        }
        else if (c >= 48 && c <= 57) {
            p = this.numberEnd(p);
            this.tok = NUMBER;
        }
        else if (c >= 128) {
            const cp = text.codePointAt(p);
            const ch = String.fromCodePoint(cp);
            if (ID_START.test(ch)) {
                p = this.identEnd(p + ch.length);
                this.tok = IDENT;
            }
            else {
                p += ch.length;
                this.tok = BAD;
            }
        }
        else {
            const d = text.charCodeAt(p + 1);
            p++;
            switch (c) {
                case 34:
                    this.tok = QUOTE;
                    break;
                case 123:
                    this.tok = LBRACE;
                    break;
                case 125:
                    this.tok = RBRACE;
                    break;
                case 91:
                    this.tok = LBRACK;
                    break;
                case 93:
                    this.tok = RBRACK;
                    break;
                case 40:
                    this.tok = LPAREN;
                    break;
                case 41:
                    this.tok = RPAREN;
                    break;
                case 44:
                    this.tok = COMMA;
                    break;
                case 46: // .
                    if (d === 46 && text.charCodeAt(p + 1) === 46) {
                        this.tok = ELLIPSIS;
                        p += 2;
                    }
                    else
                        this.tok = DOT;
                    break;
                case 61: // =
                    if (d === 61) {
                        this.tok = OP;
                        this.tokOp = '==';
                        p++;
                    }
                    else if (d === 62) {
                        this.tok = ARROW;
                        p++;
                    }
                    else
                        this.tok = ASSIGN;
                    break;
                case 33: // !
                    if (d === 61) {
                        this.tok = OP;
                        this.tokOp = '!=';
                        p++;
                    }
                    else
                        this.tok = BANG;
                    break;
                case 60: // <
                    if (d === 60) {
                        this.tok = HEREDOC;
                        p++;
                        if (text.charCodeAt(p) === 45)
                            p++;
                    }
                    else if (d === 61) {
                        this.tok = OP;
                        this.tokOp = '<=';
                        p++;
                    }
                    else {
                        this.tok = OP;
                        this.tokOp = '<';
                    }
                    break;
                case 62: // >
                    this.tok = OP;
                    if (d === 61) {
                        this.tokOp = '>=';
                        p++;
                    }
                    else
                        this.tokOp = '>';
                    break;
                case 38: // &
                    if (d === 38) {
                        this.tok = OP;
                        this.tokOp = '&&';
                        p++;
                    }
                    else
                        this.tok = BAD;
                    break;
                case 124: // |
                    if (d === 124) {
                        this.tok = OP;
                        this.tokOp = '||';
                        p++;
                    }
                    else
                        this.tok = BAD;
                    break;
                case 43:
                    this.tok = OP;
                    this.tokOp = '+';
                    break;
                case 45:
                    this.tok = OP;
                    this.tokOp = '-';
                    break;
                case 42:
                    this.tok = STAR;
                    this.tokOp = '*';
                    break;
                case 47:
                    this.tok = OP;
                    this.tokOp = '/';
                    break;
                case 37:
                    this.tok = OP;
                    this.tokOp = '%';
                    break;
                case 58:
                    this.tok = COLON;
                    break;
                case 63:
                    this.tok = QUESTION;
                    break;
                case 126:
                    this.tok = TILDE;
                    break;
                default:
                    this.tok = BAD;
            }
        }
        this.tokEnd = this.pos = p;
    }
    comment(start, end) {
        this.comments.push({
            text: this.text.slice(start, end),
            startLine: this.line(start),
            endLine: this.line(end > start ? end - 1 : start),
        });
    }
    /** End of an identifier whose first character ends before `p`: letters, digits, `_`, `-`, and `::` joins. */
    identEnd(p) {
        const text = this.text;
        for (;;) {
            const c = text.charCodeAt(p);
            if (c < 128) {
                if (ASCII_ID[c] !== 0)
                    p++;
                else if (c === 58 && text.charCodeAt(p + 1) === 58 && this.isIdentStartAt(p + 2))
                    p += 3;
                else
                    return p;
            }
            else if (c === c /* not NaN */) {
                const ch = String.fromCodePoint(text.codePointAt(p));
                if (!ID_CONTINUE.test(ch))
                    return p;
                p += ch.length;
            }
            else
                return p;
        }
    }
    isIdentStartAt(p) {
        const c = this.text.charCodeAt(p);
        if (c < 128)
            return ASCII_ID[c] === 1;
        if (c !== c)
            return false;
        return ID_START.test(String.fromCodePoint(this.text.codePointAt(p)));
    }
    numberEnd(p) {
        const text = this.text;
        const digits = (q) => {
            while (q < this.len) {
                const c = text.charCodeAt(q);
                if (c < 48 || c > 57)
                    break;
                q++;
            }
            return q;
        };
        p = digits(p);
        if (text.charCodeAt(p) === 46) {
            const c = text.charCodeAt(p + 1);
            if (c >= 48 && c <= 57)
                p = digits(p + 1);
        }
        const e = text.charCodeAt(p);
        if (e === 101 || e === 69) {
            let q = p + 1;
            const s = text.charCodeAt(q);
            if (s === 43 || s === 45)
                q++;
            const c = text.charCodeAt(q);
            if (c >= 48 && c <= 57)
                p = digits(q);
        }
        return p;
    }
    tokText() {
        return this.text.slice(this.tokStart, this.tokEnd);
    }
    /** The source text from `start` to `end`, as the same string as last time for short texts (see interned). */
    intern(start, end) {
        const len = end - start;
        const text = this.text;
        if (len > MAX_INTERNED)
            return text.slice(start, end);
        // A cheap hash (the length and four characters), not one over every character: a collision only
        // costs a string made again, and the comparison below is what decides.
        const h = Math.imul(len, 0x9e3779b1) ^
            Math.imul(text.charCodeAt(start), 0x85ebca6b) ^
            Math.imul(text.charCodeAt(start + (len >> 1)), 0xc2b2ae35) ^
            Math.imul(text.charCodeAt(end - 1), 0x27d4eb2f) ^
            text.charCodeAt(start + (len >> 2));
        const slot = (h ^ (h >>> 15)) & (INTERN_SLOTS - 1);
        const hit = interned[slot];
        if (hit.length === len) {
            // Compared character by character: startsWith with a position was the costliest line here.
            let i = 0;
            while (i < len && hit.charCodeAt(i) === text.charCodeAt(start + i))
                i++;
            if (i === len)
                return hit;
        }
        // A slice of 13 characters or more is a view into the whole file's text, which the table would then
        // keep alive: a copy of it is made by flattening a concatenation (V8 has no plainer way to copy).
        const s = len < 13 ? text.slice(start, end) : ('\0' + text.slice(start, end)).slice(1);
        interned[slot] = s;
        return s;
    }
    /** The current token's text, interned (identifiers). */
    tokName() {
        return this.intern(this.tokStart, this.tokEnd);
    }
    /** Whether the current token may continue the expression before it (a newline ends it in a body). */
    continues() {
        return !(this.tokNl && this.nlSignificant);
    }
    expect(kind, what) {
        if (this.tok !== kind)
            throw this.fault(what);
        this.next();
    }
}

;// CONCATENATED MODULE: ./src/sources/terraform/hcl-templates.ts

/** How template literal text is decoded. */
const QUOTED = 0;
const HEREDOC_BODY = 1;
/** A decoded JSON string (.tf.json): only the `$${` / `%%{` escapes. */
const BARE = 2;
/** The template layer: what a quoted string or heredoc holds. */
class HclTemplateParser extends HclLexer {
    /** A quoted string; the current token is its `"`. A string without interpolation is a literal. */
    quoted(start) {
        this.enter();
        // Most strings are plain text: up to the closing `"` with no escape, interpolation, directive or newline,
        // the value is the source slice (templateParts would allocate its parts and closures for the same).
        const text = this.text;
        for (let p = this.pos; p < this.len; p++) {
            const c = text.charCodeAt(p);
            if (c === 34 /* " */) {
                this.depth--;
                const value = this.intern(this.pos, p);
                this.pos = p + 1;
                this.tokEnd = p + 1;
                this.next();
                return { type: 'literal', value, startLine: this.line(start), endLine: this.line(p) };
            }
            if (c === 92 /* \ */ || c === 36 /* $ */ || c === 37 /* % */ || c === 10)
                break;
        }
        const r = this.templateParts(QUOTED, this.len, -1, false);
        this.depth--;
        if (r.end.keyword)
            throw new SyntaxFault(`unexpected \`%{${r.end.keyword}}\``, this.pos);
        const end = this.pos;
        this.tokEnd = end;
        this.next();
        const parts = r.parts;
        if (parts.length === 0 || (parts.length === 1 && parts[0].kind === 'literal')) {
            return {
                type: 'literal',
                value: parts.length === 0 ? '' : parts[0].value,
                startLine: this.line(start),
                endLine: this.line(end - 1),
            };
        }
        return {
            type: 'template',
            parts,
            text: this.src(start, end),
            startLine: this.line(start),
            endLine: this.line(end - 1),
        };
    }
    /** `<<ID` / `<<-ID`, a newline, lines, then ID alone on a line; the current token is the `<<`. */
    heredoc(start) {
        const text = this.text;
        const flush = text.charCodeAt(this.tokEnd - 1) === 45;
        const idStart = this.tokEnd;
        if (!this.isIdentStartAt(idStart))
            throw new SyntaxFault('missing heredoc identifier after `<<`', idStart);
        const idEnd = this.identEnd(idStart + 1);
        const id = text.slice(idStart, idEnd);
        let nl = idEnd;
        while (text.charCodeAt(nl) === 32 || text.charCodeAt(nl) === 9 || text.charCodeAt(nl) === 13)
            nl++;
        if (text.charCodeAt(nl) !== 10)
            throw new SyntaxFault('a heredoc identifier must end its line', nl);
        const contentStart = nl + 1;
        // The closing line: only the identifier, possibly indented.
        let closeLineStart = -1;
        let end = -1;
        for (let ls = contentStart; ls < this.len;) {
            let q = ls;
            while (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)
                q++;
            if (text.startsWith(id, q)) {
                let r = q + id.length;
                while (text.charCodeAt(r) === 32 || text.charCodeAt(r) === 9 || text.charCodeAt(r) === 13)
                    r++;
                if (r >= this.len || text.charCodeAt(r) === 10) {
                    closeLineStart = ls;
                    end = q + id.length;
                    break;
                }
            }
            const n = text.indexOf('\n', ls);
            if (n === -1)
                break;
            ls = n + 1;
        }
        if (closeLineStart < 0)
            throw new SyntaxFault(`heredoc \`${id}\` is never closed`, start);
        let indent = -1;
        if (flush) {
            // `<<-` removes the smallest indentation of the non-blank content lines.
            indent = Infinity;
            for (const l of text.slice(contentStart, closeLineStart).split('\n')) {
                if (l.trim() === '')
                    continue;
                indent = Math.min(indent, l.length - l.trimStart().length);
            }
            if (indent === Infinity)
                indent = 0;
        }
        this.enter();
        this.pos = contentStart;
        const r = this.templateParts(HEREDOC_BODY, closeLineStart, indent, false);
        this.depth--;
        if (r.end.keyword)
            throw new SyntaxFault(`unexpected \`%{${r.end.keyword}}\``, this.pos);
        this.pos = end;
        this.tokEnd = end;
        this.next();
        return {
            type: 'template',
            parts: r.parts,
            text: this.src(start, end),
            startLine: this.line(start),
            endLine: this.line(end - 1),
        };
    }
    /**
     * Template content from `this.pos`: literal text, `${...}` interpolations and `%{...}` directives, up to
     * the closing `"` (QUOTED: pos is left after it), `limit` (heredoc, bare), or a directive keyword that
     * ends a directive body (`else`, `endif`, `endfor`; pos is left after its `}`).
     */
    templateParts(mode, limit, indent, inDirective) {
        const text = this.text;
        const out = [];
        let litStart = this.pos;
        let pendingTrim = false;
        const flush = (to) => {
            if (to > litStart) {
                let value = this.decode(mode, litStart, to, indent);
                if (pendingTrim)
                    value = value.trimStart();
                if (value !== '') {
                    const prev = out[out.length - 1];
                    if (prev && prev.kind === 'literal')
                        prev.value += value;
                    else
                        out.push({ kind: 'literal', value });
                }
            }
            pendingTrim = false;
        };
        let p = this.pos;
        for (;;) {
            if (p >= limit) {
                if (mode === QUOTED)
                    throw new SyntaxFault('missing `"` to close the string', limit);
                flush(limit);
                this.pos = limit;
                return { parts: out, end: { keyword: '', stripLeft: false, stripRight: false } };
            }
            const c = text.charCodeAt(p);
            if (mode === QUOTED) {
                if (c === 34) {
                    flush(p);
                    this.pos = p + 1;
                    return { parts: out, end: { keyword: '', stripLeft: false, stripRight: false } };
                }
                if (c === 92 /* \ */) {
                    p += 2;
                    continue;
                }
                if (c === 10)
                    throw new SyntaxFault('missing `"` to close the string', p);
            }
            if ((c === 36 /* $ */ || c === 37) /* % */ && text.charCodeAt(p + 1) === 123) {
                flush(p);
                this.pos = p + 2;
                this.tokEnd = p + 2;
                if (c === 36) {
                    const saved = this.nlSignificant;
                    this.nlSignificant = false;
                    this.next();
                    let stripLeft = false;
                    if (this.tok === TILDE) {
                        stripLeft = true;
                        this.next();
                    }
                    const expr = this.expression();
                    let stripRight = false;
                    if (this.tok === TILDE) {
                        stripRight = true;
                        this.next();
                    }
                    if (this.tok !== RBRACE)
                        throw this.fault('`}` to close the interpolation');
                    this.nlSignificant = saved;
                    if (stripLeft)
                        trimLast(out);
                    out.push({ kind: 'interp', expr });
                    pendingTrim = stripRight;
                    p = this.tokEnd;
                }
                else {
                    const d = this.directive(mode, limit, indent);
                    if ('keyword' in d) {
                        if (!inDirective)
                            throw new SyntaxFault(`unexpected \`%{${d.keyword}}\``, p);
                        if (d.stripLeft)
                            trimLast(out);
                        return { parts: out, end: d };
                    }
                    if (d.stripBefore)
                        trimLast(out);
                    out.push(d.part);
                    pendingTrim = d.stripAfter;
                    p = this.pos;
                }
                litStart = p;
                continue;
            }
            if ((c === 36 || c === 37) && text.charCodeAt(p + 1) === c && text.charCodeAt(p + 2) === 123) {
                p += 3;
                continue;
            }
            p++;
        }
    }
    /**
     * A directive after `%{`: `if`/`for` are parsed whole (with their bodies); `else`/`endif`/`endfor`
     * are returned as a TemplateEnd for the body being read. Leaves pos after the directive's `}`.
     */
    directive(mode, limit, indent) {
        const saved = this.nlSignificant;
        this.nlSignificant = false;
        this.next();
        let stripLeft = false;
        if (this.tok === TILDE) {
            stripLeft = true;
            this.next();
        }
        if (this.tok !== IDENT)
            throw this.fault('`if`, `for`, `else`, `endif` or `endfor`');
        const keyword = this.tokText();
        const close = () => {
            let strip = false;
            if (this.tok === TILDE) {
                strip = true;
                this.next();
            }
            if (this.tok !== RBRACE)
                throw this.fault('`}` to close the directive');
            this.pos = this.tokEnd;
            this.nlSignificant = saved;
            return strip;
        };
        if (keyword === 'else' || keyword === 'endif' || keyword === 'endfor') {
            this.next();
            const stripRight = close();
            return { keyword, stripLeft, stripRight };
        }
        this.enter();
        if (keyword === 'if') {
            const at = this.tokStart;
            this.next();
            const cond = this.expression();
            const introStrip = close();
            const thenR = this.templateParts(mode, limit, indent, true);
            if (introStrip)
                trimFirst(thenR.parts);
            let elseParts = [];
            let end = thenR.end;
            if (end.keyword === 'else') {
                const elseR = this.templateParts(mode, limit, indent, true);
                elseParts = elseR.parts;
                if (end.stripRight)
                    trimFirst(elseParts);
                end = elseR.end;
            }
            if (end.keyword !== 'endif')
                throw new SyntaxFault('missing `%{endif}`', at);
            this.depth--;
            return {
                part: { kind: 'if', cond, then: thenR.parts, else: elseParts },
                stripBefore: stripLeft,
                stripAfter: end.stripRight,
            };
        }
        if (keyword === 'for') {
            const at = this.tokStart;
            const { vars, coll } = this.forIntro();
            const introStrip = close();
            const bodyR = this.templateParts(mode, limit, indent, true);
            if (introStrip)
                trimFirst(bodyR.parts);
            if (bodyR.end.keyword !== 'endfor')
                throw new SyntaxFault('missing `%{endfor}`', at);
            this.depth--;
            return {
                part: {
                    kind: 'for',
                    keyVar: vars.length > 1 ? vars[0] : undefined,
                    valueVar: vars[vars.length - 1],
                    coll,
                    body: bodyR.parts,
                },
                stripBefore: stripLeft,
                stripAfter: bodyR.end.stripRight,
            };
        }
        throw new SyntaxFault(`unknown template directive \`${keyword}\``, this.tokStart);
    }
    /** Literal template text between `from` and `to`, decoded. */
    decode(mode, from, to, indent) {
        const raw = this.text.slice(from, to);
        if (mode === QUOTED)
            return unescapeQuoted(raw);
        let s = raw;
        if (mode === HEREDOC_BODY && indent > 0) {
            const atLineStart = from === 0 || this.text.charCodeAt(from - 1) === 10;
            const lines = s.split('\n');
            for (let i = 0; i < lines.length; i++) {
                if (i === 0 && !atLineStart)
                    continue;
                let n = 0;
                const l = lines[i];
                while (n < indent && n < l.length && (l[n] === ' ' || l[n] === '\t'))
                    n++;
                lines[i] = l.slice(n);
            }
            s = lines.join('\n');
        }
        return s.includes('$${') || s.includes('%%{') ? s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{') : s;
    }
}
function trimLast(parts) {
    const last = parts[parts.length - 1];
    if (last && last.kind === 'literal') {
        last.value = last.value.trimEnd();
        if (last.value === '')
            parts.pop();
    }
}
function trimFirst(parts) {
    const first = parts[0];
    if (first && first.kind === 'literal') {
        first.value = first.value.trimStart();
        if (first.value === '')
            parts.shift();
    }
}
const ESCAPES = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
/** The value of quoted-string source text: backslash escapes and the `$${` / `%%{` template escapes. */
function unescapeQuoted(raw) {
    if (!raw.includes('\\') && !raw.includes('$${') && !raw.includes('%%{'))
        return raw;
    let out = '';
    for (let i = 0; i < raw.length; i++) {
        const ch = raw[i];
        if (ch === '\\' && i + 1 < raw.length) {
            const n = raw[i + 1];
            if (n === 'u' || n === 'U') {
                const len = n === 'u' ? 4 : 8;
                const hex = raw.slice(i + 2, i + 2 + len);
                if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === len) {
                    out += String.fromCodePoint(parseInt(hex, 16));
                    i += 1 + len;
                    continue;
                }
            }
            out += ESCAPES[n] ?? '\\' + n;
            i++;
        }
        else if ((ch === '$' || ch === '%') && raw[i + 1] === ch && raw[i + 2] === '{') {
            out += ch + '{';
            i += 2;
        }
        else
            out += ch;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/sources/terraform/hcl-expressions.ts


/** Binary operator precedence (hclsyntax: `||` lowest, then `&&`, equality, comparison, `+ -`, `* / %`). */
const PRECEDENCE = {
    '||': 1,
    '&&': 2,
    '==': 3,
    '!=': 3,
    '<': 4,
    '>': 4,
    '<=': 4,
    '>=': 4,
    '+': 5,
    '-': 5,
    '*': 6,
    '/': 6,
    '%': 6,
};
/** The expression layer. */
class HclExpressionParser extends HclTemplateParser {
    /** Expression: binary operations, then an optional `? :` conditional (right-associative). */
    expression() {
        this.enter();
        const start = this.tokStart;
        const cond = this.binary(0);
        let result = cond;
        if (this.tok === QUESTION && this.continues()) {
            this.next();
            const then = this.expression();
            if (this.tok !== COLON)
                throw this.fault('`:` of the conditional');
            this.next();
            const els = this.expression();
            const end = this.lastEnd;
            result = {
                type: 'conditional',
                cond,
                then,
                else: els,
                text: this.src(start, end),
                startLine: this.line(start),
                endLine: this.line(end - 1),
            };
        }
        this.depth--;
        return result;
    }
    /** Precedence climbing over the left-associative binary operators. */
    binary(minPrec) {
        const start = this.tokStart;
        let left = this.unary();
        for (;;) {
            if ((this.tok !== OP && this.tok !== STAR) || !this.continues())
                return left;
            const op = this.tokOp;
            const prec = PRECEDENCE[op];
            if (prec <= minPrec)
                return left;
            this.next();
            this.enter();
            const right = this.binary(prec);
            this.depth--;
            const end = this.lastEnd;
            left = {
                type: 'binary',
                op,
                left,
                right,
                text: this.src(start, end),
                startLine: this.line(start),
                endLine: this.line(end - 1),
            };
        }
    }
    unary() {
        if (this.tok === BANG || (this.tok === OP && this.tokOp === '-')) {
            const start = this.tokStart;
            const op = this.tok === BANG ? '!' : '-';
            this.next();
            this.enter();
            const operand = this.unary();
            this.depth--;
            const end = this.lastEnd;
            return {
                type: 'unary',
                op,
                operand,
                text: this.src(start, end),
                startLine: this.line(start),
                endLine: this.line(end - 1),
            };
        }
        return this.postfix();
    }
    /** A term followed by `.attr`, `.0`, `[index]`, `.*` and `[*]` steps. */
    postfix() {
        const start = this.tokStart;
        const head = this.term();
        if (!((this.tok === DOT || this.tok === LBRACK) && this.continues()))
            return head;
        const steps = [];
        /** Steps of the splat being read; later steps apply per element. */
        let into = steps;
        for (;;) {
            if (this.tok === DOT && this.continues()) {
                const c = this.text.charCodeAt(this.pos);
                if (c === 42 /* * */) {
                    this.pos++;
                    this.tokEnd = this.pos;
                    this.next();
                    const splat = { kind: 'splat', steps: [] };
                    steps.push(splat);
                    into = splat.steps;
                }
                else if (c >= 48 && c <= 57) {
                    // Legacy index `.0`: digits only (the lexer would read `0.1` as one number).
                    const s = this.tokStart;
                    let q = this.pos;
                    while (q < this.len && this.text.charCodeAt(q) >= 48 && this.text.charCodeAt(q) <= 57)
                        q++;
                    const value = Number(this.text.slice(s + 1, q));
                    this.pos = q;
                    this.tokEnd = q;
                    this.next();
                    into.push({
                        kind: 'index',
                        key: { type: 'literal', value, startLine: this.line(s), endLine: this.line(q - 1) },
                    });
                }
                else {
                    this.next();
                    if (this.tok !== IDENT)
                        throw this.fault('an attribute name after `.`');
                    into.push({ kind: 'attr', name: this.tokName() });
                    this.next();
                }
            }
            else if (this.tok === LBRACK && this.continues()) {
                const saved = this.nlSignificant;
                this.nlSignificant = false;
                this.next();
                if (this.tok === STAR) {
                    this.next();
                    if (this.tok !== RBRACK)
                        throw this.fault('`]` of the splat `[*]`');
                    this.nlSignificant = saved;
                    this.next();
                    const splat = { kind: 'splat', steps: [] };
                    steps.push(splat);
                    into = splat.steps;
                }
                else {
                    const key = this.expression();
                    if (this.tok !== RBRACK)
                        throw this.fault('`]` to close the index');
                    this.nlSignificant = saved;
                    this.next();
                    into.push({ kind: 'index', key });
                }
            }
            else
                break;
        }
        const end = this.lastEnd;
        return {
            type: 'traversal',
            target: head,
            steps,
            text: this.src(start, end),
            startLine: this.line(start),
            endLine: this.line(end - 1),
        };
    }
    term() {
        const start = this.tokStart;
        switch (this.tok) {
            case NUMBER: {
                const value = Number(this.tokText());
                const line = this.line(start);
                this.next();
                return { type: 'literal', value, startLine: line, endLine: line };
            }
            case IDENT: {
                const name = this.tokName();
                this.next();
                if (name === 'true' || name === 'false' || name === 'null') {
                    const line = this.line(start);
                    return {
                        type: 'literal',
                        value: name === 'null' ? null : name === 'true',
                        startLine: line,
                        endLine: line,
                    };
                }
                if (this.tok === LPAREN && this.continues())
                    return this.call(name, start);
                const line = this.line(start);
                // The expression's text is its one name.
                return { type: 'variable', name, text: name, startLine: line, endLine: line };
            }
            case QUOTE:
                return this.quoted(start);
            case HEREDOC:
                return this.heredoc(start);
            case LPAREN: {
                const saved = this.nlSignificant;
                this.nlSignificant = false;
                this.next();
                const inner = this.expression();
                if (this.tok !== RPAREN)
                    throw this.fault('`)`');
                this.nlSignificant = saved;
                const end = this.tokEnd;
                this.next();
                return {
                    type: 'paren',
                    expr: inner,
                    text: this.src(start, end),
                    startLine: this.line(start),
                    endLine: this.line(end - 1),
                };
            }
            case LBRACK:
                return this.tuple(start);
            case LBRACE:
                return this.object(start);
            default:
                throw this.fault('an expression');
        }
    }
    call(name, start) {
        const saved = this.nlSignificant;
        this.nlSignificant = false;
        this.enter();
        this.next(); // (
        const args = [];
        let expandFinal = false;
        while (this.tok !== RPAREN) {
            args.push(this.expression());
            if (this.tok === ELLIPSIS) {
                expandFinal = true;
                this.next();
                if (this.tok !== RPAREN)
                    throw this.fault('`)` after `...`');
                break;
            }
            if (this.tok === COMMA)
                this.next();
            else if (this.tok !== RPAREN)
                throw this.fault('`,` or `)`');
        }
        this.depth--;
        this.nlSignificant = saved;
        const end = this.tokEnd;
        this.next();
        return {
            type: 'call',
            name,
            args,
            expandFinal,
            text: this.src(start, end),
            startLine: this.line(start),
            endLine: this.line(end - 1),
        };
    }
    /** `for` right after `[` or `{`, followed by an identifier (so an object key named `for` still works). */
    atFor() {
        if (this.tok !== IDENT || this.tokEnd - this.tokStart !== 3 || this.tokText() !== 'for')
            return false;
        let p = this.tokEnd;
        while (p < this.len) {
            const c = this.text.charCodeAt(p);
            if (c === 32 || c === 9 || c === 10 || c === 13)
                p++;
            else
                break;
        }
        return this.isIdentStartAt(p);
    }
    tuple(start) {
        const saved = this.nlSignificant;
        this.nlSignificant = false;
        this.enter();
        this.next(); // [
        if (this.atFor())
            return this.forExpr(start, 'tuple', saved);
        const items = [];
        while (this.tok !== RBRACK) {
            items.push(this.expression());
            if (this.tok === COMMA)
                this.next();
            else if (this.tok !== RBRACK)
                throw this.fault('`]`');
        }
        this.depth--;
        this.nlSignificant = saved;
        const end = this.tokEnd;
        this.next();
        return {
            type: 'tuple',
            items,
            text: this.src(start, end),
            startLine: this.line(start),
            endLine: this.line(end - 1),
        };
    }
    object(start) {
        const saved = this.nlSignificant;
        this.nlSignificant = false;
        this.enter();
        this.next(); // {
        if (this.atFor())
            return this.forExpr(start, 'object', saved);
        const items = [];
        while (this.tok !== RBRACE) {
            // Within an object constructor a newline separates items, like a comma.
            this.nlSignificant = true;
            let key = this.expression();
            if (this.tok !== ASSIGN && this.tok !== COLON)
                throw this.fault('`=` or `:` after the key');
            this.next();
            // A bare identifier key is the name itself, not a variable reference (HCL object syntax).
            if (key.type === 'variable')
                key = { type: 'literal', value: key.name, startLine: key.startLine, endLine: key.endLine };
            const value = this.expression();
            items.push({ key, value });
            this.nlSignificant = false;
            if (this.tok === COMMA)
                this.next();
            else if (this.tok !== RBRACE && !this.tokNl)
                throw this.fault('`,`, a new line or `}`');
        }
        this.depth--;
        this.nlSignificant = saved;
        const end = this.tokEnd;
        this.next();
        return {
            type: 'object',
            items,
            text: this.src(start, end),
            startLine: this.line(start),
            endLine: this.line(end - 1),
        };
    }
    /** `for k, v in coll`, shared by for expressions and `%{for}` directives; cursor on `for`. */
    forIntro() {
        this.next(); // for
        const vars = [];
        if (this.tok !== IDENT)
            throw this.fault('a variable name after `for`');
        vars.push(this.tokName());
        this.next();
        if (this.tok === COMMA) {
            this.next();
            if (this.tok !== IDENT)
                throw this.fault('a second variable name');
            vars.push(this.tokName());
            this.next();
        }
        if (this.tok !== IDENT || this.tokText() !== 'in')
            throw this.fault('`in`');
        this.next();
        return { vars, coll: this.expression() };
    }
    /** `[for k, v in coll : value if cond]` / `{for k, v in coll : key => value... if cond}`; cursor on `for`. */
    forExpr(start, result, saved) {
        const { vars, coll } = this.forIntro();
        this.expect(COLON, '`:` after the collection');
        let key;
        let value = this.expression();
        if (result === 'object') {
            this.expect(ARROW, '`=>`');
            key = value;
            value = this.expression();
        }
        let group = false;
        if (result === 'object' && this.tok === ELLIPSIS) {
            group = true;
            this.next();
        }
        let cond;
        if (this.tok === IDENT && this.tokText() === 'if') {
            this.next();
            cond = this.expression();
        }
        const close = result === 'tuple' ? RBRACK : RBRACE;
        if (this.tok !== close)
            throw this.fault(result === 'tuple' ? '`]`' : '`}`');
        this.depth--;
        this.nlSignificant = saved;
        const end = this.tokEnd;
        this.next();
        const keyVar = vars.length > 1 ? vars[0] : undefined;
        const valueVar = vars[vars.length - 1];
        const text = this.src(start, end);
        const startLine = this.line(start);
        const endLine = this.line(end - 1);
        return result === 'tuple'
            ? { type: 'for', result, keyVar, valueVar, coll, value, group, cond, text, startLine, endLine }
            : { type: 'for', result, keyVar, valueVar, coll, key, value, group, cond, text, startLine, endLine };
    }
}

;// CONCATENATED MODULE: ./src/sources/terraform/hcl-native.ts




/** Parses a whole .tf / .tfvars file. `lineOffset` is added to every line. */
function parseNative(path, text, lineOffset = 0) {
    const p = new Parser(path, text, lineOffset);
    const body = p.file();
    return { body, errors: p.errors, comments: p.comments };
}
/**
 * Parses `text` as template content (a decoded .tf.json string). Lines count from `firstLine`. Returns
 * undefined (and the errors) when the template is broken.
 */
function parseTemplateText(path, text, firstLine) {
    const p = new Parser(path, text, firstLine - 1);
    let parts = [];
    try {
        const r = p.templateParts(BARE, text.length, -1, false);
        parts = r.parts;
        if (r.end.keyword)
            throw new SyntaxFault(`unexpected \`%{${r.end.keyword}}\``, p.pos);
    }
    catch (e) {
        if (!(e instanceof SyntaxFault))
            throw e;
        p.report(e.message, e.at);
    }
    return { parts, errors: p.errors };
}
/** The body layer: a file's arguments and blocks, with error recovery per argument and per block. */
class Parser extends HclExpressionParser {
    file() {
        this.next();
        if (this.tok === LBRACE) {
            // A JSON-looking top-level object (a .tfvars file written as JSON).
            const body = { attributes: [], blocks: [], startLine: 1, endLine: 1 };
            try {
                const o = this.expression();
                if (o.type === 'object') {
                    for (const it of o.items) {
                        if (it.key.type === 'literal' && typeof it.key.value === 'string') {
                            body.attributes.push({
                                name: it.key.value,
                                expr: it.value,
                                startLine: it.key.startLine,
                                endLine: it.value.endLine,
                            });
                        }
                    }
                }
                if (this.tok !== EOF)
                    throw this.fault('end of file');
            }
            catch (e) {
                if (!(e instanceof SyntaxFault))
                    throw e;
                this.report(e.message, e.at);
            }
            return body;
        }
        const body = this.body(false);
        return body ?? { attributes: [], blocks: [], startLine: 1, endLine: 1 };
    }
    /**
     * Attributes and blocks up to `}` (inside a block) or the end of file. Undefined when there are none
     * (the block's own span is used then, like the tree-sitter parser did).
     */
    body(inBlock) {
        const attributes = [];
        const blocks = [];
        let start = -1;
        let end = 0;
        for (;;) {
            const t = this.tok;
            if (t === EOF) {
                if (inBlock)
                    this.report('missing `}` to close the block', this.lastEnd);
                break;
            }
            if (t === RBRACE) {
                if (inBlock)
                    break;
                this.report('unexpected `}`', this.tokStart);
                this.next();
                continue;
            }
            const itemStart = this.tokStart;
            if (t !== IDENT) {
                this.report(`unexpected ${this.describe()}; expected an argument or block`, this.tokStart);
                this.skipLine();
                continue;
            }
            const name = this.tokName();
            const nameEnd = this.tokEnd;
            this.next();
            if (this.tok === ASSIGN) {
                this.next();
                const expr = this.attributeValue(itemStart);
                attributes.push({
                    name,
                    expr,
                    startLine: this.line(itemStart),
                    endLine: this.line(Math.max(itemStart, this.lastEnd - 1)),
                });
            }
            else if (this.tok === IDENT || this.tok === QUOTE || this.tok === LBRACE) {
                const b = this.block(name, itemStart);
                if (b)
                    blocks.push(b);
            }
            else {
                this.report(`unexpected ${this.describe()} after \`${name}\`; expected \`=\` or a block`, this.tok === EOF || this.tokNl ? nameEnd : this.tokStart);
                if (!this.tokNl)
                    this.skipLine();
                continue;
            }
            if (start < 0)
                start = itemStart;
            end = this.lastEnd;
        }
        if (start < 0)
            return undefined;
        return { attributes, blocks, startLine: this.line(start), endLine: this.line(end - 1) };
    }
    /** The expression of an argument; a syntax error makes it `invalid` and skips to the next line. */
    attributeValue(itemStart) {
        const depth = this.depth;
        const valueStart = this.tokStart;
        try {
            this.nlSignificant = true;
            const e = this.expression();
            if (!(this.tokNl || this.tok === EOF || this.tok === RBRACE)) {
                throw new SyntaxFault(`unexpected ${this.describe()} after the argument's value`, this.tokStart);
            }
            return e;
        }
        catch (e) {
            if (!(e instanceof SyntaxFault))
                throw e;
            this.depth = depth;
            this.nlSignificant = true;
            this.report(e.message, e.at);
            // Resume at the line where the error was found, unless the bad token itself starts a new line
            // (`x = foo(` followed by `}`): then that token is the next item.
            if (!(this.tokNl && this.tokStart >= e.at))
                this.skipLine(e.at);
            const end = Math.max(valueStart, Math.min(this.lastEnd, this.tokStart));
            return {
                type: 'invalid',
                text: this.src(valueStart, end),
                startLine: this.line(itemStart),
                endLine: this.line(Math.max(itemStart, end - 1)),
            };
        }
    }
    /** Skips to the first token on a later line than offset `from` (default: the current token). */
    skipLine(from = this.tokStart) {
        const nl = this.text.indexOf('\n', Math.max(from, this.tokStart));
        this.pos = nl === -1 ? this.len : nl;
        this.tokEnd = Math.max(this.lastEnd, Math.min(this.tokEnd, this.pos));
        this.next();
    }
    block(type, start) {
        const labels = [];
        const depth = this.depth;
        try {
            this.enter();
            while (this.tok !== LBRACE) {
                if (this.tok === IDENT) {
                    labels.push(this.tokName());
                    this.next();
                }
                else if (this.tok === QUOTE) {
                    const s = this.tokStart;
                    const e = this.quoted(s);
                    if (e.type !== 'literal')
                        throw new SyntaxFault('a block label cannot hold a template', s);
                    labels.push(e.value);
                }
                else
                    throw this.fault('`{` to open the block');
            }
            this.next();
            const body = this.body(true);
            const closed = this.tok === RBRACE;
            const end = closed ? this.tokEnd : this.lastEnd;
            if (closed)
                this.next();
            this.depth = depth;
            const startLine = this.line(start);
            const endLine = this.line(end - 1);
            return {
                type,
                labels,
                body: body ?? { attributes: [], blocks: [], startLine, endLine },
                startLine,
                endLine,
            };
        }
        catch (e) {
            if (!(e instanceof SyntaxFault))
                throw e;
            this.depth = depth;
            this.report(e.message, e.at);
            this.skipLine(e.at);
            return undefined;
        }
    }
}


/***/ }),

/***/ 9882:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c$: () => (/* binding */ parseTfJson),
/* harmony export */   z4: () => (/* binding */ parseHcl)
/* harmony export */ });
/* unused harmony export attachLeadingComments */
/* harmony import */ var jsonc_parser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9547);
/* harmony import */ var jsonc_parser__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(jsonc_parser__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _parsing_json_lines__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8665);
/* harmony import */ var _hcl_native__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2010);
/**
 * Turns Terraform source into the plain AST of hcl-ast.ts: HCL native syntax through the hand-written parser
 * of hcl-native.ts, JSON syntax (.tf.json, .tfvars.json) through jsonc-parser. Nothing here evaluates
 * anything and the result is plain data, so a worker thread can run it and post the result back.
 */



/** Longest source text kept on an expression node; messages only need to recognise it. */
const MAX_TEXT = 300;
/** Lines and bounded source text of a JSON file. */
class Converter {
    text;
    lines;
    constructor(text) {
        this.text = text;
        this.lines = new _parsing_json_lines__WEBPACK_IMPORTED_MODULE_1__/* .LineIndex */ .rr(text);
    }
    line(index) {
        return this.lines.line(index);
    }
    span(start, end) {
        return { startLine: this.line(start), endLine: this.line(end > start ? end - 1 : start) };
    }
    src(start, end) {
        return end - start > MAX_TEXT
            ? this.text.slice(start, start + MAX_TEXT) + '\u2026'
            : this.text.slice(start, end);
    }
}
/** Leading comments of top-level blocks: the comment lines right above the block, without a blank line. */
function attachLeadingComments(body, comments) {
    if (comments.length === 0)
        return;
    const byEndLine = new Map();
    for (const cm of comments)
        byEndLine.set(cm.endLine, cm);
    for (const b of body.blocks) {
        const lead = [];
        let line = b.startLine - 1;
        for (let cm = byEndLine.get(line); cm && cm.startLine <= line; cm = byEndLine.get(line)) {
            lead.unshift(cm.text);
            line = cm.startLine - 1;
        }
        if (lead.length)
            b.comments = lead;
    }
}
function emptyBody() {
    return { attributes: [], blocks: [], startLine: 1, endLine: 1 };
}
/**
 * Parses a .tf or .tfvars file. Never throws on bad input: syntax errors are collected and the rest of the
 * file still yields attributes and blocks.
 */
function parseHcl(path, text) {
    const { body, errors, comments } = (0,_hcl_native__WEBPACK_IMPORTED_MODULE_2__/* .parseNative */ .RF)(path, text);
    attachLeadingComments(body, comments);
    return { path, body, errors, comments };
}
// ---------------------------------------------------------------------------------------------------------
// JSON syntax (.tf.json, .tfvars.json)
// ---------------------------------------------------------------------------------------------------------
/** Labels each top-level block type takes in Terraform's JSON syntax. */
const JSON_LABELS = {
    resource: 2,
    data: 2,
    module: 1,
    variable: 1,
    output: 1,
    provider: 1,
    locals: 0,
    terraform: 0,
    moved: 0,
    import: 0,
    check: 1,
    removed: 0,
};
/**
 * Without provider schemas, a JSON property holding an object cannot be told apart as a nested block or a
 * map argument. These names are nested blocks (Terraform meta blocks and the azurerm network blocks the
 * adapters read); every other object is an argument. An array of objects looks the same either way.
 */
const JSON_NESTED_BLOCKS = new Set([
    'lifecycle',
    'provisioner',
    'connection',
    'timeouts',
    'route',
    'ip_configuration',
    'management_ip_configuration',
    'subnet',
    'delegation',
    'service_delegation',
    'security_rule',
    'virtual_hub',
    'dns',
    'ddos_protection_plan',
    'encryption',
    'identity',
    'rule',
    'rule_collection',
    'application_rule_collection',
    'network_rule_collection',
    'nat_rule_collection',
    'routing',
    'propagated_route_table',
    'static_vnet_route',
    'bgp_settings',
    'vpn_client_configuration',
    'ip_configurations',
    'content',
]);
/**
 * Parses a .tf.json or .tfvars.json file (Terraform's JSON configuration syntax), keeping line numbers.
 *
 * Strings in .tf.json are templates: those holding `${` or `%{` are parsed as template text (the decoded
 * string, like a heredoc's content) by the native parser.
 */
function parseTfJson(path, text) {
    const conv = new Converter(text);
    const errors = [];
    const parseErrors = [];
    const root = jsonc_parser__WEBPACK_IMPORTED_MODULE_0__.parseTree(text, parseErrors, { allowTrailingComma: false, disallowComments: false });
    for (const e of parseErrors) {
        const line = conv.line(e.offset);
        errors.push({
            message: `JSON: ${jsonc_parser__WEBPACK_IMPORTED_MODULE_0__.printParseErrorCode(e.error)}`,
            origin: { file: path, startLine: line, endLine: line },
        });
    }
    const ctx = { path, conv, errors, literal: /\.tfvars\.json$/i.test(path) };
    if (!root || root.type !== 'object') {
        if (root)
            errors.push({
                message: 'JSON: the top level must be an object',
                origin: { file: path, ...conv.span(root.offset, root.offset + root.length) },
            });
        return { path, body: emptyBody(), errors };
    }
    const sp = conv.span(root.offset, root.offset + root.length);
    const body = { attributes: [], blocks: [], ...sp };
    for (const prop of root.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v)
            continue;
        const name = String(k.value);
        const psp = conv.span(prop.offset, prop.offset + prop.length);
        if (name === '//')
            continue;
        if (ctx.literal) {
            body.attributes.push({ name, expr: jsonExpr(ctx, v, 'literal'), ...psp });
            continue;
        }
        const labels = JSON_LABELS[name];
        if (labels === undefined) {
            body.attributes.push({ name, expr: jsonExpr(ctx, v, 'template'), ...psp });
            continue;
        }
        jsonBlocks(ctx, name, [], labels, v, body.blocks);
    }
    return { path, body, errors };
}
/** Expands `{"label": {"label2": {...body}}}` (or arrays of such) into blocks. */
function jsonBlocks(ctx, type, labels, remaining, node, out) {
    if (node.type === 'array') {
        for (const item of node.children ?? [])
            jsonBlocks(ctx, type, labels, remaining, item, out);
        return;
    }
    if (node.type !== 'object') {
        const sp = ctx.conv.span(node.offset, node.offset + node.length);
        ctx.errors.push({
            message: `JSON: a \`${type}\` block must be an object`,
            origin: { file: ctx.path, ...sp },
        });
        return;
    }
    if (remaining > 0) {
        for (const prop of node.children ?? []) {
            const [k, v] = prop.children ?? [];
            if (!k || !v || k.value === '//')
                continue;
            jsonBlocks(ctx, type, [...labels, String(k.value)], remaining - 1, v, out);
        }
        return;
    }
    const sp = ctx.conv.span(node.offset, node.offset + node.length);
    out.push({ type, labels, body: jsonBody(ctx, type, node), ...sp });
}
/** Body of a block in JSON syntax. `variable` defaults and `type` are literal, not templates. */
function jsonBody(ctx, blockType, node) {
    const body = {
        attributes: [],
        blocks: [],
        ...ctx.conv.span(node.offset, node.offset + node.length),
    };
    for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v)
            continue;
        const name = String(k.value);
        if (name === '//')
            continue;
        const psp = ctx.conv.span(prop.offset, prop.offset + prop.length);
        if (name === 'dynamic' && v.type === 'object') {
            // "dynamic": {"route": {"for_each": ..., "content": {...}}}
            for (const dp of v.children ?? []) {
                const [dk, dv] = dp.children ?? [];
                if (!dk || !dv)
                    continue;
                for (const item of dv.type === 'array' ? (dv.children ?? []) : [dv]) {
                    if (item.type !== 'object')
                        continue;
                    const isp = ctx.conv.span(item.offset, item.offset + item.length);
                    body.blocks.push({
                        type: 'dynamic',
                        labels: [String(dk.value)],
                        body: jsonBody(ctx, 'dynamic', item),
                        ...isp,
                    });
                }
            }
            continue;
        }
        const isBlockish = JSON_NESTED_BLOCKS.has(name) &&
            (v.type === 'object' || (v.type === 'array' && (v.children ?? []).every((ch) => ch.type === 'object')));
        if (isBlockish && !(blockType === 'variable' || blockType === 'locals')) {
            for (const item of v.type === 'array' ? (v.children ?? []) : [v]) {
                const isp = ctx.conv.span(item.offset, item.offset + item.length);
                body.blocks.push({ type: name, labels: [], body: jsonBody(ctx, name, item), ...isp });
            }
            continue;
        }
        const mode = blockType === 'variable' && (name === 'default' || name === 'type') ? 'literal' : 'template';
        const expr = blockType === 'variable' && name === 'type' && v.type === 'string'
            ? { type: 'literal', value: String(v.value), ...psp }
            : jsonExpr(ctx, v, mode);
        body.attributes.push({ name, expr, ...psp });
    }
    return body;
}
/** A JSON value as an expression; in `template` mode strings are HCL templates. */
function jsonExpr(ctx, node, mode) {
    const sp = ctx.conv.span(node.offset, node.offset + node.length);
    const text = ctx.conv.src(node.offset, node.offset + node.length);
    switch (node.type) {
        case 'string': {
            const s = String(node.value);
            if (mode === 'literal' || (!s.includes('${') && !s.includes('%{'))) {
                return {
                    type: 'literal',
                    value: mode === 'literal' ? s : s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'),
                    ...sp,
                };
            }
            return jsonTemplate(ctx, s, sp, text);
        }
        case 'number':
        case 'boolean':
        case 'null':
            return { type: 'literal', value: node.value, ...sp };
        case 'array':
            return { type: 'tuple', items: (node.children ?? []).map((ch) => jsonExpr(ctx, ch, mode)), text, ...sp };
        case 'object': {
            const items = [];
            for (const prop of node.children ?? []) {
                const [k, v] = prop.children ?? [];
                if (!k || !v || k.value === '//')
                    continue;
                const ksp = ctx.conv.span(k.offset, k.offset + k.length);
                items.push({
                    key: { type: 'literal', value: String(k.value), ...ksp },
                    value: jsonExpr(ctx, v, mode),
                });
            }
            return { type: 'object', items, text, ...sp };
        }
        default:
            return { type: 'invalid', text, ...sp };
    }
}
/** A JSON string holding `${...}` or `%{...}`: its decoded value is template text. */
function jsonTemplate(ctx, s, sp, text) {
    const { parts, errors } = (0,_hcl_native__WEBPACK_IMPORTED_MODULE_2__/* .parseTemplateText */ .Hv)(ctx.path, s, sp.startLine);
    if (errors.length > 0) {
        ctx.errors.push({ message: `invalid template ${text.slice(0, 80)}`, origin: { file: ctx.path, ...sp } });
        return { type: 'invalid', text, ...sp };
    }
    return { type: 'template', parts, text, ...sp };
}


/***/ }),

/***/ 4616:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  H3: () => (/* binding */ localModuleCalls),
  wy: () => (/* binding */ terraformUnits),
  tL: () => (/* binding */ terraformUnitsFromCalls)
});

// UNUSED EXPORTS: MAX_KEPT_TEXT, gitBlobId, terraformUnitsOf

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/sources/parsing/discover.ts
var discover = __webpack_require__(3146);
// EXTERNAL MODULE: ./src/sources/evaluation/call-graph.ts
var call_graph = __webpack_require__(4608);
// EXTERNAL MODULE: ./src/sources/parsing/read-source.ts
var read_source = __webpack_require__(547);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/sources/terraform/outside-modules.ts
/**
 * Local modules outside the scanned directory. `scan infra/envs/prod` whose main.tf calls
 * `source = "../../modules/net"` needs that module to judge the root module: Terraform reads it from the
 * repository, so the scan does too, within the read boundary (the repository root: git's top level for
 * the CLI, the workspace for the action). Only the called directory's own configuration files are read
 * (Terraform loads a module's `.tf` and `.tf.json` files, not its subdirectories, nor var files); the
 * directory is part of the calling unit and never a unit of its own, so the scan still judges only the
 * units under the scanned path.
 */




/**
 * The configuration files of module directory `dir`, sorted; undefined when it lies outside the
 * boundary (after symbolic links) or cannot be listed: the call then stays "not part of the scan".
 */
function moduleDirFiles(dir, boundary) {
    let real;
    let entries;
    try {
        real = external_node_fs_.realpathSync(dir);
        if (!(0,read_source/* withinBoundary */.wh)(real, boundary))
            return undefined;
        entries = external_node_fs_.readdirSync(dir, { withFileTypes: true });
    }
    catch {
        return undefined;
    }
    const out = [];
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const kind = (0,discover/* classify */.L8)(e.name);
        // readSource decides for each file (a link out of the boundary, too large) when the unit is parsed.
        if ((kind === 'terraform' || kind === 'terraform-json') && (e.isFile() || e.isSymbolicLink()))
            out.push({ path: external_node_path_.join(dir, e.name), kind });
    }
    return out;
}

// EXTERNAL MODULE: ./src/sources/terraform/environments.ts
var terraform_environments = __webpack_require__(9832);
;// CONCATENATED MODULE: ./src/sources/terraform/units.ts
/**
 * Splits a scan's Terraform files into deployment units: a root module with the local modules it
 * calls, var files and all. Each unit is judged on its own, as Terraform applies it on its own (its
 * own state); this is also what keeps memory bounded on large repositories, since only one unit's
 * syntax trees and values are alive at a time, and what keeps two root modules that both declare
 * `azurerm_firewall.hub` from being taken for one.
 *
 * The call graph is read from the text (`module "x" { source = "./..." }`) before anything is parsed,
 * so units can be parsed one after another; the evaluator still resolves the calls from the syntax tree.
 */







/** git's object id of a blob holding `text` (UTF-8), as `git hash-object` gives it in a SHA-1 repository. */
function gitBlobId(text) {
    return (0,external_node_crypto_.createHash)('sha1')
        .update(`blob ${Buffer.byteLength(text)}\0`)
        .update(text)
        .digest('hex');
}
const MODULE_HEADER = /^\s*module\s+"[^"]*"\s*\{/gm;
const LOCAL_SOURCE = /^\s*source\s*=\s*"(\.{1,2}\/[^"]*)"/m;
/** Directories a file's module blocks call by local path (`./x`, `../x`). */
function localModuleCalls(file, text) {
    const out = [];
    for (const m of text.matchAll(MODULE_HEADER)) {
        // The source argument comes first in almost every module block; look only a little way in.
        const window = text.slice(m.index + m[0].length, m.index + m[0].length + 2000);
        const end = window.search(/^\s*}/m);
        const source = LOCAL_SOURCE.exec(end >= 0 ? window.slice(0, end) : window);
        if (source)
            out.push(external_node_path_.resolve(external_node_path_.dirname(file), source[1]));
    }
    return out;
}
/** Most bytes of source text terraformUnits keeps for the parser (see below). */
const MAX_KEPT_TEXT = 8_000_000;
/**
 * The units of `files`. The text of each .tf file read for its module calls goes into `texts` when given,
 * so the parser need not read it again (each read costs a realpath, stats and a decode), up to
 * MAX_KEPT_TEXT bytes in all: kept text lives until its unit is parsed, and unbounded it raised the
 * peak memory of a 30 MB scan from 226 to 297 MB. Files beyond it are read again when parsed. It is kept
 * as the bytes read (outside the JavaScript heap) and decoded again when parsed: see keptText.
 */
function terraformUnits(files, boundary, texts, 
/** Filled, when given, with each .tf file's blob id and calls (a pull request's head, for its base). */
index, 
/** Filled, when given, with each file's length in characters (the weight of a unit when workers share a scan). */
sizes, 
/**
 * The scanned directory: a local module a unit calls outside it (`../../modules/net` from
 * `envs/prod`) is read from the boundary with the unit (outside-modules.ts), never judged as a unit.
 */
root, 
/** The user's var files: when there are any, they say which values are deployed and no environment is inferred. */
userVarFiles = []) {
    let kept = 0;
    const outside = root === undefined
        ? undefined
        : (dir) => ((0,read_source/* isInside */.FK)(root, dir) ? undefined : moduleDirFiles(dir, boundary));
    return terraformUnitsFromCalls(files, (file, f) => {
        let bytes;
        const read = (0,read_source/* readSource */.o$)(file, boundary, (0,discover/* isListedRegular */.mW)(f), texts && ((b) => (bytes = b)));
        if (!read.ok)
            return undefined;
        sizes?.set(file, read.text.length);
        if (texts && bytes && kept + bytes.length <= MAX_KEPT_TEXT) {
            texts.set(file, bytes);
            kept += bytes.length;
        }
        const calls = localModuleCalls(file, read.text);
        index?.set(file, { oid: gitBlobId(read.text), calls });
        return calls;
    }, outside, root === undefined || userVarFiles.length > 0
        ? undefined
        : {
            scanRoot: root,
            textOf: (file) => {
                const bytes = texts?.get(file);
                if (bytes)
                    return (0,read_source/* keptText */.GD)(bytes);
                const r = (0,read_source/* readSource */.o$)(file, boundary);
                return r.ok ? r.text : undefined;
            },
        });
}
/** The units of `files`, whose text `read` gives (a pull request's base reads it from git objects). */
function terraformUnitsOf(files, read) {
    return terraformUnitsFromCalls(files, (file) => {
        const text = read(file);
        return text === undefined ? undefined : localModuleCalls(file, text);
    });
}
/**
 * The units of `files`, with the local module calls of each .tf file from `callsOf` (undefined: the file
 * could not be read). A pull request's base takes them from the head for the files both share.
 */
function terraformUnitsFromCalls(files, callsOf, 
/** The files of a called directory that is not among `files` (undefined: none, it stays unread). */
outside, environments) {
    const byDir = new Map();
    for (const f of files) {
        const dir = external_node_path_.dirname(f.path);
        const list = byDir.get(dir);
        if (list)
            list.push(f);
        else
            byDir.set(dir, [f]);
    }
    const calls = new Map();
    const pending = [...byDir.keys()];
    const asked = new Set();
    for (let dir = pending.shift(); dir !== undefined; dir = pending.shift()) {
        const targets = new Set();
        for (const f of byDir.get(dir)) {
            if (f.kind !== 'terraform')
                continue;
            for (const t of callsOf(f.path, f) ?? []) {
                if (t === dir)
                    continue;
                if (!byDir.has(t) && outside && !asked.has(t)) {
                    // A module outside the scanned files: its directory joins, and its own calls are followed.
                    asked.add(t);
                    const more = outside(t);
                    if (more && more.length > 0) {
                        byDir.set(t, more);
                        pending.push(t);
                    }
                }
                if (byDir.has(t))
                    targets.add(t);
            }
        }
        calls.set(dir, [...targets]);
    }
    // A directory read only because a unit calls it is called: never a unit of its own.
    const units = (0,call_graph/* callGraphUnits */.k)([...byDir.keys()].sort(), calls).map(({ root, members }) => ({
        root,
        files: members.flatMap((d) => byDir.get(d) ?? []),
    }));
    return environments && (0,terraform_environments/* mayHaveEnvironments */.s)(files) ? withEnvironments(units, files, environments) : units;
}
/**
 * Gives each unit its environments and their var files; a var file taken by an environment is no input of
 * the unit of its own folder (a folder holding only var files is no unit at all then).
 */
function withEnvironments(units, files, search) {
    const rootFiles = new Map();
    for (const u of units) {
        const own = u.files.filter((f) => external_node_path_.dirname(f.path) === u.root && (f.kind === 'terraform' || f.kind === 'terraform-json'));
        if (own.length > 0)
            rootFiles.set(u.root, own);
    }
    const found = (0,terraform_environments/* terraformEnvironments */.t)(files, rootFiles, search.textOf, search.scanRoot);
    if (found.size === 0)
        return units;
    const byPath = new Map(files.map((f) => [f.path, f]));
    const taken = new Set();
    for (const envs of found.values())
        for (const e of envs)
            for (const f of e.files)
                taken.add(f);
    const out = [];
    for (const u of units) {
        const envs = found.get(u.root);
        const own = u.files.filter((f) => !taken.has(f.path));
        if (!envs) {
            if (own.length > 0)
                out.push(own.length === u.files.length ? u : { ...u, files: own });
            continue;
        }
        const extra = [...new Set(envs.flatMap((e) => e.files))].map((p) => byPath.get(p));
        out.push({ root: u.root, files: [...own, ...extra], environments: envs });
    }
    return out;
}


/***/ })

};
;