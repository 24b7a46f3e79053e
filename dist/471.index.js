"use strict";
exports.id = 471;
exports.ids = [471];
exports.modules = {

/***/ 9471:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  judgeTemplates: () => (/* binding */ judgeTemplates)
});

// EXTERNAL MODULE: ./src/sources/judgement.ts
var judgement = __webpack_require__(205);
// EXTERNAL MODULE: ./src/sources/evaluation/budget.ts
var budget = __webpack_require__(2772);
// EXTERNAL MODULE: ./src/sources/evaluation/unit-watch.ts
var unit_watch = __webpack_require__(7849);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/sources/mapping/arm-shapes.ts + 4 modules
var arm_shapes = __webpack_require__(1151);
// EXTERNAL MODULE: ./src/sources/mapping/may-change.ts
var may_change = __webpack_require__(971);
// EXTERNAL MODULE: ./src/sources/parsing/read-source.ts
var read_source = __webpack_require__(547);
// EXTERNAL MODULE: ./src/sources/parsing/json-lines.ts
var json_lines = __webpack_require__(8665);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/sources/evaluation/value-tree.ts
var value_tree = __webpack_require__(9817);
;// CONCATENATED MODULE: ./src/sources/arm/parameters.ts
/**
 * Parameter files beside a template: `main.parameters.json`, `main.parameters.prod.json` for `main.json`
 * (and so `azuredeploy.parameters.json` for `azuredeploy.json`). Each one is a deployment variant judged on
 * its own, since each environment gets a different network.
 */





const parameters_escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Is this file name a parameter file of that template? */
function isParameterFileOf(template, candidate) {
    if (external_node_path_.dirname(template) !== external_node_path_.dirname(candidate))
        return false;
    const stem = external_node_path_.basename(template).replace(/\.jsonc?$/i, '');
    return new RegExp(`^${parameters_escape(stem)}\\.parameters(\\.[^.]+)?\\.json$`, 'i').test(external_node_path_.basename(candidate));
}
/**
 * The parameter files of a template, sorted by name: those among the scanned files, then those on disk
 * beside it (a scan of changed files may not include an unchanged parameter file).
 */
function parameterFilesOf(template, files, boundary) {
    const found = new Map();
    for (const [p, text] of files)
        if (isParameterFileOf(template, p))
            found.set(p, text);
    let names = [];
    try {
        names = external_node_fs_.readdirSync(external_node_path_.dirname(template));
    }
    catch {
        // A template given as text only (tests, stdin) has no directory to look in.
    }
    for (const n of names) {
        const p = external_node_path_.join(external_node_path_.dirname(template), n);
        if (found.has(p) || !isParameterFileOf(template, p))
            continue;
        // Through the read boundary: a parameter file linked out of the root, or not a file, is absent.
        const read = (0,read_source/* readSource */.o$)(p, boundary);
        if (read.ok)
            found.set(p, read.text);
    }
    return [...found.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([p, text]) => ({ path: p, text }));
}
/**
 * The values a parameter file sets (lower-case names). Values are literals; a Key Vault `reference` is
 * resolved only at deployment and so is unknown.
 */
function readParameterFile(file, text) {
    const parsed = (0,json_lines/* parseJson */.qF)(file, text);
    if (!parsed.ok)
        return parsed;
    const doc = parsed.doc;
    const values = new Map();
    for (const [name, node] of (0,json_lines/* entries */.jO)((0,json_lines/* prop */._w)(doc.root, 'parameters'))) {
        const value = (0,json_lines/* prop */._w)(node, 'value');
        values.set(name.toLowerCase(), value
            ? (0,json_lines/* literal */.eu)(doc, value)
            : (0,value_tree/* unknownNode */.fn)(`parameters.${name}`, 'a Key Vault reference is resolved at deployment', (0,json_lines/* originOf */.yv)(doc, node)));
    }
    return { ok: true, values };
}

// EXTERNAL MODULE: ./src/sources/arm/template.ts + 4 modules
var template = __webpack_require__(2541);
// EXTERNAL MODULE: ./src/sources/arm/template-kind.ts
var template_kind = __webpack_require__(2208);
;// CONCATENATED MODULE: ./src/sources/arm/index.ts
/**
 * The ARM JSON template source: finds templates among the scanned files, pairs each with its parameter
 * files (variants) and evaluates it into ARM resource shapes for src/sources/mapping/arm-shapes.ts.
 */









function relative(root, file) {
    const rel = external_node_path_.relative(root, file);
    return (rel === '' || rel.startsWith('..') || external_node_path_.isAbsolute(rel) ? file : rel).split(external_node_path_.sep).join('/');
}
/** runTemplate as one unit: its own budget; an overrun or a crash costs this deployment alone, named. */
function runUnit(...args) {
    const [file, , , , , variant] = args;
    const run = (0,budget/* evaluateUnitSync */.zU)({ file, startLine: 1, endLine: 1 }, `the ARM template ${external_node_path_.basename(file)}`, () => runTemplate(...args));
    const deployment = run.value ?? { entry: file, resources: [], diagnostics: [], unread: [] };
    if (!run.value && variant)
        deployment.variant = variant.name;
    deployment.diagnostics.push(...run.problems);
    deployment.subject = run.subject;
    // Its model is built when the scan draws it (src/sources/templates.ts); the next template is read now.
    (0,unit_watch/* watchPhase */.d3)('sources');
    return deployment;
}
function runTemplate(file, text, options, files, linked, variant) {
    const deployment = { entry: file, resources: [], diagnostics: [], unread: [] };
    if (variant)
        deployment.variant = variant.name;
    const parsed = (0,json_lines/* parseJson */.qF)(file, text);
    if (!parsed.ok) {
        deployment.diagnostics.push({
            ruleId: 'KMS012',
            origin: { file, startLine: parsed.line, endLine: parsed.line },
            message: `Cannot read this ARM template: ${parsed.message}.`,
        });
        return deployment;
    }
    const sink = {
        cloud: options.cloud,
        idBase: relative(options.root, file) + (variant ? `@${variant.name}` : ''),
        resources: deployment.resources,
        diagnostics: deployment.diagnostics,
        unread: deployment.unread,
        instances: [],
        usedIds: new Set(),
        readFile: (p) => {
            const text = files.get(p);
            return text !== undefined ? { ok: true, text } : (0,read_source/* readSource */.o$)(p, boundaryOf(options));
        },
        linked,
        running: [file],
    };
    if (variant)
        sink.variant = variant.name;
    new template/* TemplateLevel */.HW(sink, parsed.doc, parsed.doc.root, variant?.values ?? new Map(), '').run();
    if (sink.cyclic)
        deployment.cyclic = true;
    return deployment;
}
const boundaryOf = (options) => options.boundary ?? (0,read_source/* makeBoundary */.nj)([options.root]);
/**
 * Every template among `files`, once per parameter file beside it (or once with default values when it has
 * none). Templates another template links by relative path are judged only through that link, with the
 * parameters it passes.
 */
function evaluateArmTemplates(files, options) {
    const byPath = new Map(files.map((f) => [f.path, f.text]));
    const linked = new Set();
    const out = [];
    for (const f of files) {
        if (!(0,template_kind/* isArmTemplate */.r)(f.text))
            continue;
        const paramFiles = parameterFilesOf(f.path, byPath, boundaryOf(options));
        if (paramFiles.length === 0) {
            out.push(runUnit(f.path, f.text, options, byPath, linked));
            continue;
        }
        for (const p of paramFiles) {
            const name = external_node_path_.basename(p.path);
            const values = (0,unit_watch/* parsingFile */.q4)(p.path, () => readParameterFile(p.path, p.text), (why) => ({ ok: false, line: 1, message: why }));
            if (!values.ok) {
                out.push({
                    entry: f.path,
                    variant: name,
                    resources: [],
                    unread: [],
                    diagnostics: [
                        {
                            ruleId: 'KMS012',
                            origin: { file: p.path, startLine: values.line, endLine: values.line },
                            message: `Cannot read this parameter file: ${values.message}.`,
                        },
                    ],
                });
                continue;
            }
            out.push(runUnit(f.path, f.text, options, byPath, linked, { name, values: values.values }));
        }
    }
    return out.filter((d) => !linked.has(d.entry) || d.variant !== undefined || d.cyclic);
}

// EXTERNAL MODULE: ./src/sources/evaluation/call-graph.ts
var call_graph = __webpack_require__(4608);
;// CONCATENATED MODULE: ./src/sources/bicep/units.ts
/**
 * Splits a scan's Bicep files into deployment units before anything is parsed: an entry template with
 * the local modules it reaches, its .bicepparam files and the ARM parameter files beside it. Units are
 * evaluated one after another, so only one unit's syntax trees are alive at a time. Read from the text;
 * the evaluator still resolves modules from the tree.
 */


// `module x'../m.bicep'` needs no space before the path.
const LOCAL_MODULE = /^\s*module\s+\w+\s*'([^'$]+\.bicep)'/gm;
const USING = /^\s*using\s+'([^']+\.bicep)'/m;
const PARAMS_JSON = /^(.+)\.parameters(?:\.[^.]+)?\.json$/i;
function localModules(f) {
    const out = [];
    for (const m of f.text.matchAll(LOCAL_MODULE)) {
        if (!/^(br[:/]|ts[:/])/i.test(m[1]))
            out.push(external_node_path_.resolve(external_node_path_.dirname(f.path), m[1]));
    }
    return out;
}
/**
 * `<dir>/<base>.bicep` for a parameter file in <dir>. Built with path.format: ncc's asset relocation
 * takes `path.resolve(\u2026, \`${x}.bicep\`)` for a file to ship and copies every .bicep it can find into dist/.
 */
function templateBeside(file, base) {
    return external_node_path_.format({ dir: external_node_path_.dirname(external_node_path_.resolve(file)), name: base, ext: '.bicep' });
}
/** Units of Bicep files; JSON files go along only as parameter files of a unit's entry. */
function bicepUnits(bicep, json) {
    const templates = new Map(bicep.filter((f) => f.path.endsWith('.bicep')).map((f) => [external_node_path_.resolve(f.path), f]));
    const calls = new Map([...templates].map(([p, f]) => [p, localModules(f).filter((m) => m !== p && templates.has(m))]));
    const paramsOf = new Map();
    const placed = new Set();
    const addParams = (entry, f) => {
        paramsOf.set(entry, [...(paramsOf.get(entry) ?? []), f]);
    };
    for (const f of bicep) {
        if (!f.path.endsWith('.bicepparam'))
            continue;
        const using = USING.exec(f.text)?.[1];
        if (using)
            addParams(external_node_path_.resolve(external_node_path_.dirname(f.path), using), f);
    }
    for (const f of json) {
        const base = PARAMS_JSON.exec(external_node_path_.basename(f.path))?.[1];
        if (base)
            addParams(templateBeside(f.path, base), f);
    }
    const units = [];
    for (const { members } of (0,call_graph/* callGraphUnits */.k)([...templates.keys()].sort(), calls)) {
        const files = members.flatMap((p) => [templates.get(p), ...(paramsOf.get(p) ?? [])]);
        files.forEach((f) => placed.add(f));
        units.push(files);
    }
    // A .bicepparam whose template is not scanned still gets its diagnostic from the evaluator.
    const strays = bicep.filter((f) => f.path.endsWith('.bicepparam') && !placed.has(f));
    if (strays.length > 0)
        units.push(strays);
    return units;
}

// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/umd/main.js
var main = __webpack_require__(9547);
// EXTERNAL MODULE: ./src/sources/evaluation/cidr.ts
var cidr = __webpack_require__(6735);
;// CONCATENATED MODULE: ./src/sources/bicep/values.ts

const DEPLOYMENT_TIME = 'deployment-time value';
const vStr = (value, origin) => ({ kind: 'string', value, origin });
const vNum = (value, origin) => ({ kind: 'number', value, origin });
const vBool = (value, origin) => ({ kind: 'bool', value, origin });
const vNull = (origin) => ({ kind: 'null', origin });
const vList = (items, origin) => ({ kind: 'list', items, origin });
const vObj = (attrs, origin) => ({ kind: 'object', attrs, origin });

/** The same value with another origin on its top node only. */
function at(v, origin) {
    return { ...v, origin };
}
/** An unknown standing for an expression built from `cause`: keeps the cause's reason (why), not its ref. */
function derived(expression, cause, origin) {
    return (0,value_tree/* unknownNode */.fn)(expression, cause.reason, origin);
}
/** Plain JavaScript data of a fully known value (for JSON-like work: equality, string(), json()). */
function toPlain(v) {
    switch (v.kind) {
        case 'string':
        case 'number':
        case 'bool':
            return v.value;
        case 'null':
            return null;
        case 'list':
            return v.items.map(toPlain);
        case 'object': {
            const o = {};
            for (const [k, x] of Object.entries(v.attrs))
                o[k] = toPlain(x);
            return o;
        }
        case 'unknown':
            return undefined;
    }
}
/**
 * Bicep equality: deep, and case-sensitive for strings (`=~` is the insensitive one). `undefined` when an
 * unknown takes part, since the answer then depends on it.
 */
function equals(a, b, ignoreCase = false) {
    if (a.kind === 'unknown' || b.kind === 'unknown')
        return undefined;
    if (a.kind !== b.kind)
        return false;
    switch (a.kind) {
        case 'string': {
            const bv = b.value;
            return ignoreCase ? a.value.toLowerCase() === bv.toLowerCase() : a.value === bv;
        }
        case 'number':
        case 'bool':
            return a.value === b.value;
        case 'null':
            return true;
        case 'list': {
            const bl = b;
            if (a.items.length !== bl.items.length)
                return false;
            let result = true;
            for (let i = 0; i < a.items.length; i++) {
                const e = equals(a.items[i], bl.items[i], ignoreCase);
                if (e === false)
                    return false;
                if (e === undefined)
                    result = undefined;
            }
            return result;
        }
        case 'object': {
            const bo = b;
            const ka = Object.keys(a.attrs);
            if (ka.length !== Object.keys(bo.attrs).length)
                return false;
            let result = true;
            for (const k of ka) {
                if (!(k in bo.attrs))
                    return false;
                const e = equals(a.attrs[k], bo.attrs[k], ignoreCase);
                if (e === false)
                    return false;
                if (e === undefined)
                    result = undefined;
            }
            return result;
        }
    }
}
/** Text of a scalar for interpolation, as ARM renders it. */
function scalarText(v) {
    switch (v.kind) {
        case 'string':
            return v.value;
        case 'number':
        case 'bool':
            return String(v.value);
        case 'null':
            return '';
        default:
            return JSON.stringify(toPlain(v));
    }
}
/** An item of a list or an attribute of an object (case-insensitive, as Bicep reads properties). */
function child(v, key) {
    if (typeof key === 'number') {
        if (v.kind === 'list')
            return v.items[key];
        return undefined;
    }
    if (v.kind === 'object')
        return (0,value_tree/* memberCI */.bG)(v, key);
    return undefined;
}


;// CONCATENATED MODULE: ./src/sources/bicep/functions.ts
/**
 * Bicep's built-in functions over value trees. Only what network templates use to compute addresses,
 * names and switches is evaluated; anything else is an unknown that says which function stopped us, so a
 * finding never rests on a guess. Functions that take lambdas (map, filter) live in the evaluator, which
 * owns scopes.
 */




class Fail extends Error {
}
/** Functions whose result exists only at deployment (hashes, times, deployment metadata). */
const DEPLOYMENT_ONLY = new Set([
    'uniquestring',
    'guid',
    'newguid',
    'utcnow',
    'deployment',
    'tenant',
    'managementgroup',
    'reference',
    'list',
    'listkeys',
    'pickzones',
    'getsecret',
]);
/**
 * Calls a built-in. Returns undefined for a name that is not a built-in we evaluate (the evaluator then
 * tries user functions and reports `function f is not evaluated`).
 */
function callBuiltin(name, args, site) {
    const fn = name.toLowerCase();
    if (DEPLOYMENT_ONLY.has(fn))
        return (0,value_tree/* unknownNode */.fn)(site.expression, DEPLOYMENT_TIME, site.origin);
    const impl = BUILTINS[fn];
    if (!impl)
        return undefined;
    try {
        return impl(args, site);
    }
    catch (e) {
        if (e instanceof Unresolved)
            return e.value;
        if (e instanceof Fail)
            return (0,value_tree/* unknownNode */.fn)(site.expression, `${name}(): ${e.message}`, site.origin);
        throw e;
    }
}
/** Thrown inside an implementation to return an unknown from deep inside argument checks. */
class Unresolved extends Error {
    value;
    constructor(value) {
        super(value.reason);
        this.value = value;
    }
}
/** Stops at a top-level unknown argument: structure-level functions can work with unknown items. */
function shallow(args, site) {
    for (const a of args)
        if (a.kind === 'unknown')
            throw new Unresolved(derived(site.expression, a, site.origin));
}
/** Stops at an unknown anywhere: text-level functions need every part known. */
function deep(args, site) {
    for (const a of args) {
        const u = (0,value_tree/* firstUnknown */.Ny)(a);
        if (u)
            throw new Unresolved(derived(site.expression, u, site.origin));
    }
}
function arity(args, min, max = min) {
    if (args.length < min || args.length > max)
        throw new Fail(`expects ${min === max ? min : `${min} to ${max}`} arguments, got ${args.length}`);
}
function s(v, what = 'argument') {
    if (v?.kind !== 'string')
        throw new Fail(`${what} must be a string`);
    return v.value;
}
function n(v, what = 'argument') {
    if (v?.kind === 'number')
        return v.value;
    if (v?.kind === 'string' && /^-?\d+$/.test(v.value.trim()))
        return Number(v.value);
    throw new Fail(`${what} must be an integer`);
}
const textFn = (f) => (args, site) => {
    deep(args, site);
    return f(args, site);
};
const structFn = (f) => (args, site) => {
    shallow(args, site);
    return f(args, site);
};
function mergeObjects(a, b, origin) {
    if (a.kind !== 'object' || b.kind !== 'object')
        return b;
    const attrs = { ...a.attrs };
    for (const [k, v] of Object.entries(b.attrs))
        attrs[k] = k in attrs ? mergeObjects(attrs[k], v, origin) : v;
    return vObj(attrs, origin);
}
/** .NET composite formatting as ARM's format() does it, for the plain `{0}` placeholders templates use. */
function dotnetFormat(fmt, values) {
    return fmt.replace(/\{\{|\}\}|\{(\d+)(?:[,:][^}]*)?\}/g, (m, i) => {
        if (m === '{{')
            return '{';
        if (m === '}}')
            return '}';
        const v = values[Number(i)];
        if (v === undefined)
            throw new Fail(`format index ${i} out of range`);
        return scalarText(v);
    });
}
// ---- CIDR functions: ARM's, which Bicep compiles to ------------------------------------------------
const cidrFail = (message) => new Fail(message);
// ---- resource ids ------------------------------------------------------------------------------------
/**
 * `resourceId()` as a provider-relative id (`Microsoft.Network/routeTables/rt-hub`), prefixed with the
 * resource group when the call names one: subscription and resource group are not known before deployment,
 * and the model builder resolves references by type and names, which this form carries exactly.
 */
function resourceIdOf(args, leadingScopes) {
    const texts = args.map((a) => s(a));
    const typeAt = texts.findIndex((t) => /^[A-Za-z0-9]+\.[A-Za-z0-9.]+\/[^/]/.test(t));
    if (typeAt < 0)
        throw new Fail('no resource type argument');
    if (typeAt > leadingScopes)
        throw new Fail('too many arguments before the resource type');
    const type = texts[typeAt];
    const names = texts.slice(typeAt + 1).flatMap((x) => x.split('/'));
    const segments = type.split('/');
    const typeNames = segments.slice(1);
    if (typeNames.length !== names.length)
        throw new Fail(`${type} needs ${typeNames.length} names`);
    let id = segments[0];
    typeNames.forEach((t, i) => (id += `/${t}/${names[i]}`));
    const rg = typeAt >= 1 && leadingScopes === 2 ? texts[typeAt - 1] : undefined;
    return rg !== undefined ? `/resourceGroups/${rg}/providers/${id}` : id;
}
// ---- scope functions ---------------------------------------------------------------------------------
function scopeObject(site, fields) {
    const attrs = {};
    for (const [k, v] of Object.entries(fields))
        attrs[k] = v ?? (0,value_tree/* unknownNode */.fn)(`${site.expression}.${k}`, DEPLOYMENT_TIME, site.origin);
    return vObj(attrs, site.origin);
}
// ---- the table ---------------------------------------------------------------------------------------
const emptyOf = structFn((args, site) => {
    arity(args, 1);
    const [a] = args;
    if (a.kind === 'null')
        return vBool(true, site.origin);
    if (a.kind === 'string')
        return vBool(a.value === '', site.origin);
    if (a.kind === 'list')
        return vBool(a.items.length === 0, site.origin);
    if (a.kind === 'object')
        return vBool(Object.keys(a.attrs).length === 0, site.origin);
    throw new Fail('argument must be an array, object or string');
});
const BUILTINS = {
    concat: structFn((args, site) => {
        if (args.length === 0)
            return vList([], site.origin);
        if (args.every((a) => a.kind === 'list' || a.kind === 'null'))
            return vList(args.flatMap((a) => (a.kind === 'list' ? a.items : [])), site.origin);
        deep(args, site);
        return vStr(args.map(scalarText).join(''), site.origin);
    }),
    union: structFn((args, site) => {
        if (args.every((a) => a.kind === 'object'))
            return args.reduce((acc, a) => mergeObjects(acc, a, site.origin), vObj({}, site.origin));
        if (args.every((a) => a.kind === 'list')) {
            const out = [];
            for (const a of args)
                for (const item of a.kind === 'list' ? a.items : [])
                    if (!out.some((o) => equals(o, item) === true))
                        out.push(item);
            return vList(out, site.origin);
        }
        throw new Fail('arguments must be all objects or all arrays');
    }),
    contains: structFn((args, site) => {
        arity(args, 2);
        const [c, item] = args;
        if (c.kind === 'object') {
            deep([item], site);
            return vBool((0,value_tree/* memberCI */.bG)(c, s(item)) !== undefined, site.origin);
        }
        if (c.kind === 'string') {
            deep([c, item], site);
            return vBool(c.value.includes(scalarText(item)), site.origin);
        }
        if (c.kind === 'list') {
            let undecided;
            for (const x of c.items) {
                const e = equals(x, item);
                if (e === true)
                    return vBool(true, site.origin);
                if (e === undefined)
                    undecided ??= (0,value_tree/* firstUnknown */.Ny)(x) ?? (0,value_tree/* firstUnknown */.Ny)(item);
            }
            if (undecided)
                return derived(site.expression, undecided, site.origin);
            return vBool(false, site.origin);
        }
        throw new Fail('first argument must be an array, object or string');
    }),
    length: structFn((args, site) => {
        arity(args, 1);
        const [a] = args;
        if (a.kind === 'string' || a.kind === 'list' || a.kind === 'object')
            return vNum(a.kind === 'string'
                ? a.value.length
                : a.kind === 'list'
                    ? a.items.length
                    : Object.keys(a.attrs).length, site.origin);
        throw new Fail('argument must be an array, object or string');
    }),
    // The id of a resource the scan declares is known only at deployment but is never empty: AVM passes
    // `routeTable.id` through module outputs and tests `!empty(routeTableResourceId)` before using it.
    empty: (args, site) => args.length === 1 && args[0].kind === 'unknown' && args[0].ref?.attribute === 'id'
        ? vBool(false, site.origin)
        : emptyOf(args, site),
    first: structFn((args, site) => {
        arity(args, 1);
        const [a] = args;
        if (a.kind === 'list')
            return a.items[0] ?? vNull(site.origin);
        return vStr(s(a).slice(0, 1), site.origin);
    }),
    last: structFn((args, site) => {
        arity(args, 1);
        const [a] = args;
        if (a.kind === 'list')
            return a.items[a.items.length - 1] ?? vNull(site.origin);
        return vStr(s(a).slice(-1), site.origin);
    }),
    take: structFn((args, site) => {
        arity(args, 2);
        const [a, c] = args;
        if (a.kind === 'list')
            return vList(a.items.slice(0, Math.max(0, n(c))), site.origin);
        return vStr(s(a).slice(0, Math.max(0, n(c))), site.origin);
    }),
    skip: structFn((args, site) => {
        arity(args, 2);
        const [a, c] = args;
        if (a.kind === 'list')
            return vList(a.items.slice(Math.max(0, n(c))), site.origin);
        return vStr(s(a).slice(Math.max(0, n(c))), site.origin);
    }),
    format: textFn((args, site) => vStr(dotnetFormat(s(args[0], 'format string'), args.slice(1)), site.origin)),
    tolower: textFn((args, site) => vStr(s(args[0]).toLowerCase(), site.origin)),
    toupper: textFn((args, site) => vStr(s(args[0]).toUpperCase(), site.origin)),
    trim: textFn((args, site) => vStr(s(args[0]).trim(), site.origin)),
    replace: textFn((args, site) => {
        arity(args, 3);
        return vStr(s(args[0]).split(s(args[1])).join(s(args[2])), site.origin);
    }),
    split: textFn((args, site) => {
        arity(args, 2);
        const text = s(args[0]);
        const delims = args[1].kind === 'list' ? args[1].items.map((d) => s(d)) : [s(args[1])];
        const parts = delims.reduce((acc, d) => acc.flatMap((p) => p.split(d)), [text]);
        return vList(parts.map((p) => vStr(p, site.origin)), site.origin);
    }),
    join: textFn((args, site) => {
        arity(args, 2);
        const [list, d] = args;
        if (list.kind !== 'list')
            throw new Fail('first argument must be an array');
        return vStr(list.items.map(scalarText).join(s(d)), site.origin);
    }),
    startswith: textFn((args, site) => vBool(s(args[0]).toLowerCase().startsWith(s(args[1]).toLowerCase()), site.origin)),
    endswith: textFn((args, site) => vBool(s(args[0]).toLowerCase().endsWith(s(args[1]).toLowerCase()), site.origin)),
    indexof: textFn((args, site) => vNum(s(args[0]).toLowerCase().indexOf(s(args[1]).toLowerCase()), site.origin)),
    lastindexof: textFn((args, site) => vNum(s(args[0]).toLowerCase().lastIndexOf(s(args[1]).toLowerCase()), site.origin)),
    substring: textFn((args, site) => {
        arity(args, 2, 3);
        const text = s(args[0]);
        const start = n(args[1]);
        const len = args[2] ? n(args[2]) : text.length - start;
        if (start < 0 || len < 0 || start + len > text.length)
            throw new Fail('index out of range');
        return vStr(text.substr(start, len), site.origin);
    }),
    range: textFn((args, site) => {
        arity(args, 2);
        const start = n(args[0]);
        const count = n(args[1]);
        if (count < 0 || count > 10000)
            throw new Fail('count out of range');
        return vList(Array.from({ length: count }, (_, i) => vNum(start + i, site.origin)), site.origin);
    }),
    coalesce: (args, site) => {
        for (const a of args) {
            if (a.kind === 'unknown')
                return derived(site.expression, a, site.origin);
            if (a.kind !== 'null')
                return a;
        }
        return vNull(site.origin);
    },
    string: textFn((args, site) => {
        arity(args, 1);
        const [a] = args;
        return vStr(a.kind === 'string' ? a.value : JSON.stringify(toPlain(a)), site.origin);
    }),
    int: textFn((args, site) => {
        arity(args, 1);
        return vNum(Math.trunc(n(args[0])), site.origin);
    }),
    bool: textFn((args, site) => {
        arity(args, 1);
        const [a] = args;
        if (a.kind === 'bool')
            return a;
        if (a.kind === 'number')
            return vBool(a.value !== 0, site.origin);
        const t = s(a).trim().toLowerCase();
        if (t === 'true' || t === 'false')
            return vBool(t === 'true', site.origin);
        throw new Fail(`${JSON.stringify(t)} is not a boolean`);
    }),
    json: textFn((args, site) => {
        arity(args, 1);
        try {
            return (0,value_tree/* fromJson */.Rf)((0,json_lines/* parsePlain */.eE)(s(args[0])), site.origin);
        }
        catch (e) {
            if (e instanceof Fail)
                throw e;
            throw new Fail('argument is not valid JSON');
        }
    }),
    array: structFn((args, site) => {
        arity(args, 1);
        return args[0].kind === 'list' ? args[0] : vList([args[0]], site.origin);
    }),
    createarray: (args, site) => vList(args, site.origin),
    createobject: (args, site) => {
        if (args.length % 2 !== 0)
            throw new Fail('expects key/value pairs');
        const attrs = {};
        for (let i = 0; i < args.length; i += 2) {
            deep([args[i]], site);
            attrs[s(args[i], 'key')] = args[i + 1];
        }
        return vObj(attrs, site.origin);
    },
    items: structFn((args, site) => {
        arity(args, 1);
        const [o] = args;
        if (o.kind !== 'object')
            throw new Fail('argument must be an object');
        return vList(Object.keys(o.attrs)
            .sort((a, b) => a.localeCompare(b))
            .map((k) => vObj({ key: vStr(k, site.origin), value: o.attrs[k] }, site.origin)), site.origin);
    }),
    objectkeys: structFn((args, site) => {
        const [o] = args;
        if (o?.kind !== 'object')
            throw new Fail('argument must be an object');
        return vList(Object.keys(o.attrs).map((k) => vStr(k, site.origin)), site.origin);
    }),
    min: textFn((args, site) => {
        const nums = args.flatMap((a) => (a.kind === 'list' ? a.items : [a])).map((a) => n(a));
        return vNum(Math.min(...nums), site.origin);
    }),
    max: textFn((args, site) => {
        const nums = args.flatMap((a) => (a.kind === 'list' ? a.items : [a])).map((a) => n(a));
        return vNum(Math.max(...nums), site.origin);
    }),
    cidrsubnet: textFn((args, site) => {
        arity(args, 3);
        return vStr((0,cidr/* armCidrSubnet */.iR)(s(args[0]), n(args[1]), n(args[2]), cidrFail), site.origin);
    }),
    cidrhost: textFn((args, site) => {
        arity(args, 2);
        return vStr((0,cidr/* armCidrHost */.R8)(s(args[0]), n(args[1]), cidrFail), site.origin);
    }),
    parsecidr: textFn((args, site) => {
        arity(args, 1);
        const parts = (0,cidr/* armParseCidr */.Cv)(s(args[0]), cidrFail);
        const o = site.origin;
        return vObj(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, typeof v === 'number' ? vNum(v, o) : vStr(v, o)])), o);
    }),
    resourceid: textFn((args, site) => vStr(resourceIdOf(args, 2), site.origin)),
    subscriptionresourceid: textFn((args, site) => vStr(`/providers/${resourceIdOf(args, 1)}`, site.origin)),
    tenantresourceid: textFn((args, site) => vStr(`/providers/${resourceIdOf(args, 0)}`, site.origin)),
    resourcegroup: (args, site) => {
        // resourceGroup('name') names a scope we know; resourceGroup() is wherever the deployment goes.
        const last = args[args.length - 1];
        const name = last?.kind === 'string' ? last : undefined;
        // resourceGroup('<subscription>', '<name>'): its id says both (Template.scopeOf reads it).
        const first = args.length > 1 ? args[0] : undefined;
        const id = first?.kind === 'string' && name
            ? vStr(`/subscriptions/${first.value}/resourceGroups/${name.value}`, site.origin)
            : undefined;
        return scopeObject(site, { name, location: undefined, id });
    },
    subscription: (args, site) => scopeObject(site, {
        // subscription('<id>') names it; subscription() is wherever the deployment goes.
        subscriptionId: args[0]?.kind === 'string' ? args[0] : undefined,
        id: undefined,
        displayName: undefined,
        tenantId: undefined,
    }),
    environment: (_args, site) => {
        const o = site.origin;
        return vObj({ name: vStr(site.cloud, o) }, o);
    },
    not: textFn((args, site) => vBool(!truthy(args[0]), site.origin)),
    and: textFn((args, site) => vBool(args.every(truthy), site.origin)),
    or: textFn((args, site) => vBool(args.some(truthy), site.origin)),
    equals: (args, site) => {
        arity(args, 2);
        const e = equals(args[0], args[1]);
        if (e === undefined)
            return derived(site.expression, (0,value_tree/* firstUnknown */.Ny)(args[0]) ?? (0,value_tree/* firstUnknown */.Ny)(args[1]), site.origin);
        return vBool(e, site.origin);
    },
    if: structFn((args) => {
        arity(args, 3);
        return truthy(args[0]) ? args[1] : args[2];
    }),
};
function truthy(v) {
    if (v.kind !== 'bool')
        throw new Fail('condition must be a boolean');
    return v.value;
}

;// CONCATENATED MODULE: ./src/sources/bicep/operators.ts

/** `left op right`, with the operands evaluated on demand. */
function binary(op, leftOf, rightOf, text, origin) {
    const left = leftOf();
    // Short circuits: a decided left side makes an unknown right side irrelevant.
    if (op === '&&' && left.kind === 'bool' && !left.value)
        return vBool(false, origin);
    if (op === '||' && left.kind === 'bool' && left.value)
        return vBool(true, origin);
    if (op === '??') {
        if (left.kind === 'unknown')
            return derived(text, left, origin);
        return left.kind === 'null' ? rightOf() : left;
    }
    const right = rightOf();
    if (op === '&&' || op === '||') {
        if (right.kind === 'bool' && right.value === (op === '||'))
            return vBool(op === '||', origin);
        if (left.kind === 'unknown')
            return derived(text, left, origin);
        if (right.kind === 'unknown')
            return derived(text, right, origin);
        if (left.kind === 'bool' && right.kind === 'bool')
            return vBool(op === '&&' ? left.value && right.value : left.value || right.value, origin);
        return (0,value_tree/* unknownNode */.fn)(text, 'type error: logical operator on non-booleans', origin);
    }
    if (op === '==' || op === '!=' || op === '=~' || op === '!~') {
        const e = equals(left, right, op === '=~' || op === '!~');
        if (e === undefined)
            return derived(text, (0,value_tree/* firstUnknown */.Ny)(left) ?? (0,value_tree/* firstUnknown */.Ny)(right), origin);
        return vBool(op === '==' || op === '=~' ? e : !e, origin);
    }
    if (left.kind === 'unknown')
        return derived(text, left, origin);
    if (right.kind === 'unknown')
        return derived(text, right, origin);
    if (left.kind === 'number' && right.kind === 'number') {
        const a = left.value;
        const b = right.value;
        switch (op) {
            case '+':
                return vNum(a + b, origin);
            case '-':
                return vNum(a - b, origin);
            case '*':
                return vNum(a * b, origin);
            case '/':
                return b === 0 ? (0,value_tree/* unknownNode */.fn)(text, 'division by zero', origin) : vNum(Math.trunc(a / b), origin);
            case '%':
                return b === 0 ? (0,value_tree/* unknownNode */.fn)(text, 'division by zero', origin) : vNum(a % b, origin);
            case '<':
                return vBool(a < b, origin);
            case '<=':
                return vBool(a <= b, origin);
            case '>':
                return vBool(a > b, origin);
            case '>=':
                return vBool(a >= b, origin);
        }
    }
    if (left.kind === 'string' && right.kind === 'string' && ['<', '<=', '>', '>='].includes(op)) {
        const c = left.value < right.value ? -1 : left.value > right.value ? 1 : 0;
        return vBool(op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0, origin);
    }
    return (0,value_tree/* unknownNode */.fn)(text, `type error: ${left.kind} ${op} ${right.kind}`, origin);
}

;// CONCATENATED MODULE: ./src/sources/bicep/resource-refs.ts

/** `Microsoft.Network/virtualNetworks/vnet-hub/subnets/app` from an existing resource's type and names. */
function providerId(r) {
    const types = r.armType.split('/');
    const names = r.name.kind === 'string' ? r.name.value.split('/') : [];
    if (names.length !== types.length - 1)
        return r.id;
    let id = types[0];
    types.slice(1).forEach((t, i) => (id += `/${t}/${names[i]}`));
    // With its group the id matches only the resource of that name in that group (ModelBuilder.resolve).
    return r.resourceGroup !== undefined ? `/resourceGroups/${r.resourceGroup}/providers/${id}` : id;
}
/** `x.id`: a ref to the resource's model id (or the provider-relative id of an `existing` one). */
function idOf(r, origin) {
    if (r.declared !== undefined)
        return (0,value_tree/* unknownNode */.fn)(`${r.address}.id`, DEPLOYMENT_TIME, origin, { resource: r.declared, attribute: 'id' });
    if (r.existing) {
        const id = providerId(r);
        return id === r.id
            ? (0,value_tree/* unknownNode */.fn)(`${r.address}.id`, 'existing resource with an unknown name', origin)
            : vStr(id, origin);
    }
    return (0,value_tree/* unknownNode */.fn)(`${r.address}.id`, DEPLOYMENT_TIME, origin, { resource: r.id, attribute: 'id' });
}
/** `x.id`, `x.name`, `x.type`, `x.apiVersion`, or a path into the resource (`x.properties...`). */
function resourceMember(r, key, origin) {
    switch (key) {
        case 'id':
            return idOf(r, origin);
        case 'name':
            // A name known only at deployment still says which resource it names, for `existing` elsewhere.
            return r.name.kind === 'unknown' && !r.existing
                ? (0,value_tree/* unknownNode */.fn)(r.name.expression, r.name.reason, r.name.origin, { resource: r.id, attribute: 'name' })
                : r.name;
        case 'type':
            return vStr(r.armType, origin);
        case 'apiVersion':
            return r.apiVersion
                ? vStr(r.apiVersion, origin)
                : (0,value_tree/* unknownNode */.fn)(`${r.address}.apiVersion`, 'not set', origin);
    }
    const value = r.existing ? undefined : child(r.body, key);
    return { sym: 'rpath', r, path: typeof key === 'number' ? `[${key}]` : String(key), value };
}
/** A path into a resource that has no declared value: what Azure assigns, as a ref to the resource. */
function rpathUnknown(r, p, origin) {
    if (r.declared !== undefined)
        return (0,value_tree/* unknownNode */.fn)(`${r.address}.${p}`, 'assigned by Azure at deployment', origin, {
            resource: r.declared,
            attribute: p,
        });
    if (r.existing) {
        // With a known name the ARM id lets the model find the resource when another module of the scan
        // declares it (a spoke routing to the hub's firewall through an `existing` reference).
        const id = providerId(r);
        return (0,value_tree/* unknownNode */.fn)(`${r.address}.${p}`, 'property of an existing resource, not declared in the template', origin, id === r.id ? undefined : { resource: id, attribute: p });
    }
    return (0,value_tree/* unknownNode */.fn)(`${r.address}.${p}`, 'assigned by Azure at deployment', origin, {
        resource: r.id,
        attribute: p,
    });
}
/**
 * A resource's declared list of child objects taken as a value (`output subnets array =
 * vnet.properties.subnets`, a variable, a module parameter): Azure assigns each child its `id`, so an element
 * the template wrote without one gets what `vnet.properties.subnets[0].id` gives read in place, a ref to the
 * resource with that path (the model builder finds the inline subnet by it), not "property id not found".
 */
function withAzureIds(r, p, value, origin) {
    if (r.existing)
        return value;
    const withId = (o, at) => o.kind === 'object' && !Object.keys(o.attrs).some((k) => k.toLowerCase() === 'id')
        ? {
            ...o,
            attrs: {
                ...o.attrs,
                id: (0,value_tree/* unknownNode */.fn)(`${r.address}.${at}.id`, 'assigned by Azure at deployment', origin, {
                    resource: r.declared ?? r.id,
                    attribute: `${at}.id`,
                }),
            },
        }
        : o;
    if (value.kind === 'list')
        return { ...value, items: value.items.map((x, i) => withId(x, `${p}[${i}]`)) };
    return /\[\d+\]$/.test(p) ? withId(value, p) : value;
}
/** The model ids a `dependsOn` entry names (module addresses for modules). */
function depIds(v) {
    if ('sym' in v) {
        if (v.sym === 'resource')
            return [v.r.id];
        if (v.sym === 'resources' && Array.isArray(v.list))
            return v.list.map((r) => r.id);
        if (v.sym === 'module')
            return [v.m.address];
        return [];
    }
    return [];
}

;// CONCATENATED MODULE: ./src/sources/bicep/syntax.ts
class Node {
    type;
    source;
    startIndex;
    endIndex;
    startRow;
    endRow;
    namedChildren;
    fields;
    tokens;
    /** The node or one below it is an error (such statements are skipped, not half-evaluated). */
    hasError = false;
    isError = false;
    constructor(type, source, startIndex, endIndex, 
    /** 0-based lines of the first and last character. */
    startRow, endRow, namedChildren) {
        this.type = type;
        this.source = source;
        this.startIndex = startIndex;
        this.endIndex = endIndex;
        this.startRow = startRow;
        this.endRow = endRow;
        this.namedChildren = namedChildren;
        for (const c of namedChildren)
            if (c.hasError)
                this.hasError = true;
    }
    get text() {
        return this.source.slice(this.startIndex, this.endIndex);
    }
}
function originOf(file, node) {
    return { file, startLine: node.startRow + 1, endLine: node.endRow + 1 };
}
/** Named children (comments are not nodes). */
function kids(node) {
    return node.namedChildren;
}
/** Does the node hold this anonymous token (`existing`, `.?`, `?`, `'''`)? */
function hasToken(node, token) {
    return node.tokens?.includes(token) ?? false;
}
function field(node, name) {
    return node.fields?.[name];
}
/** Does a subtree contain an error (such statements are skipped, not half-evaluated)? */
function broken(node) {
    return node.hasError;
}
/** The expression node after the `=` of a declaration. */
function valueAfterEquals(node) {
    return field(node, 'value');
}
/** The declared name (`param <name>`, `resource <name> ...`). */
function identifierOf(node) {
    return kids(node).find((k) => k.type === 'identifier')?.text ?? '';
}

;// CONCATENATED MODULE: ./src/sources/bicep/string-literals.ts
/**
 * Decoding Bicep string literals: escape sequences (`\n`, `\u{...}`, `\'`) and multi-line `'''` strings,
 * which take their text as written. Shared by the template (resource types, module paths written as
 * literals) and the expressions (strings with interpolations).
 */

/** A string literal without interpolation (resource types, module paths). */
function literalString(node) {
    if (node?.type !== 'string')
        return undefined;
    if (kids(node).some((k) => k.type === 'interpolation'))
        return undefined;
    return decodeStringParts(node);
}
/** The character an escape sequence stands for (`\n`, `\u{1F600}`, `\'`, `\$`). */
function decodeEscape(text) {
    switch (text[1]) {
        case 'n':
            return '\n';
        case 'r':
            return '\r';
        case 't':
            return '\t';
        case 'u': {
            const hex = /\{([0-9a-fA-F]+)\}/.exec(text)?.[1];
            return hex ? String.fromCodePoint(parseInt(hex, 16)) : text;
        }
        default:
            return text.slice(1);
    }
}
/** A `'''` string: no escapes, no interpolation, a first line break dropped. */
function isMultiline(node) {
    return hasToken(node, "'''");
}
/** The text of a string's literal parts (interpolations are skipped). */
function decodeStringParts(node) {
    let out = '';
    for (const k of kids(node)) {
        if (k.type === 'string_content')
            out += k.text;
        else if (k.type === 'escape_sequence')
            out += isMultiline(node) ? k.text : decodeEscape(k.text);
    }
    return isMultiline(node) ? out.replace(/^\r?\n/, '') : out;
}

;// CONCATENATED MODULE: ./src/sources/bicep/symbols.ts
const isSym = (v) => 'sym' in v;

;// CONCATENATED MODULE: ./src/sources/bicep/expressions.ts








class Expressions {
    scope;
    file;
    cloud;
    constructor(scope, 
    /** The template's file: the origin of every value. */
    file, 
    /** The cloud the deployment is judged under (`environment()` and friends). */
    cloud) {
        this.scope = scope;
        this.file = file;
        this.cloud = cloud;
    }
    origin(node) {
        return originOf(this.file, node);
    }
    /**
     * Evaluates an object literal; keys listed in `skip` are handed back unevaluated in `special`. A spread
     * `...obj` adds obj's properties in place; one whose value is unknown goes to `unknownSpread` (the
     * caller makes the whole object unknown) or, in a resource or module body, makes `properties` unknown
     * unless they are written after it.
     */
    evalObject(node, env, skip, special, unknownSpread) {
        const attrs = {};
        for (const prop of kids(node)) {
            if (prop.type === 'spread') {
                const site = this.origin(prop);
                const v = toV(this.ev(kids(prop)[0], { ...env, site }), { ...env, site });
                if (v.kind === 'object')
                    Object.assign(attrs, v.attrs);
                else if (v.kind === 'unknown' && unknownSpread)
                    unknownSpread.push(v);
                else if (v.kind === 'unknown')
                    attrs.properties = derived(prop.text, v, site);
                else if (v.kind !== 'null')
                    attrs.properties = (0,value_tree/* unknownNode */.fn)(prop.text, 'spread of a value that is not an object', site);
                continue;
            }
            if (prop.type !== 'object_property')
                continue;
            const parts = kids(prop);
            if (parts.some((p) => p.type === 'resource_declaration'))
                continue;
            const keyNode = parts[0];
            const valueNode = parts[parts.length - 1];
            if (!keyNode || !valueNode || parts.length < 2)
                continue;
            const key = keyNode.type === 'string' ? (literalString(keyNode) ?? keyNode.text) : keyNode.text;
            if (skip.includes(key)) {
                special[key] = valueNode;
                continue;
            }
            const site = this.origin(prop);
            const propEnv = { ...env, site };
            attrs[key] = at(toV(this.ev(valueNode, propEnv), propEnv), site);
        }
        return vObj(attrs, this.origin(node));
    }
    ev(node, env) {
        const origin = this.origin(node);
        if (broken(node))
            return (0,value_tree/* unknownNode */.fn)(node.text, 'syntax error', origin);
        switch (node.type) {
            case 'string':
                return this.evalString(node, env);
            case 'number':
                return vNum(Number(node.text), origin);
            case 'boolean':
                return vBool(node.text === 'true', origin);
            case 'null':
                return vNull(origin);
            case 'array': {
                const items = [];
                for (const k of kids(node)) {
                    if (k.type !== 'spread') {
                        items.push(at(toV(this.ev(k, env), env), this.origin(k)));
                        continue;
                    }
                    // `...list`: its items, in place; an unknown list leaves the whole array unknown.
                    const spread = toV(this.ev(kids(k)[0], env), env);
                    if (spread.kind === 'list')
                        items.push(...spread.items);
                    else if (spread.kind === 'unknown')
                        return derived(node.text, spread, origin);
                    else
                        return (0,value_tree/* unknownNode */.fn)(node.text, 'spread of a value that is not an array', origin);
                }
                return vList(items, origin);
            }
            case 'object': {
                const unknownSpread = [];
                const obj = this.evalObject(node, env, [], {}, unknownSpread);
                return unknownSpread.length > 0 ? derived(node.text, unknownSpread[0], origin) : obj;
            }
            case 'parenthesized_expression': {
                const inner = kids(node);
                return inner.length === 1
                    ? this.ev(inner[0], env)
                    : (0,value_tree/* unknownNode */.fn)(node.text, 'unsupported expression', origin);
            }
            case 'identifier':
                return this.lookup(node.text, env, origin);
            case 'member_expression':
                return this.member(node, env);
            case 'subscript_expression':
                return this.subscript(node, env);
            case 'resource_expression': {
                const obj = field(node, 'object');
                const res = field(node, 'resource');
                const key = `${obj?.text ?? ''}::${res?.text ?? ''}`;
                const d = this.scope.declaration(key);
                return d ? this.scope.symbol(key) : (0,value_tree/* unknownNode */.fn)(node.text, `no nested resource ${key}`, origin);
            }
            case 'call_expression':
                return this.call(node, env);
            case 'binary_expression':
                return binary(node.tokens[0], () => toV(this.ev(field(node, 'left'), env), env), () => toV(this.ev(field(node, 'right'), env), env), node.text, origin);
            case 'unary_expression': {
                const op = node.tokens[0];
                const arg = toV(this.ev(field(node, 'argument'), env), env);
                if (arg.kind === 'unknown')
                    return derived(node.text, arg, origin);
                if (op === '!' && arg.kind === 'bool')
                    return vBool(!arg.value, origin);
                if (op === '-' && arg.kind === 'number')
                    return vNum(-arg.value, origin);
                return (0,value_tree/* unknownNode */.fn)(node.text, `type error: ${op} on ${arg.kind}`, origin);
            }
            case 'ternary_expression': {
                const cond = toV(this.ev(field(node, 'condition'), env), env);
                if (cond.kind === 'unknown')
                    return derived(node.text, cond, origin);
                if (cond.kind !== 'bool')
                    return (0,value_tree/* unknownNode */.fn)(node.text, 'condition is not a boolean', origin);
                return this.ev(field(node, cond.value ? 'consequence' : 'alternative'), env);
            }
            case 'lambda_expression': {
                const head = field(node, 'parameters');
                const params = head.type === 'identifier' ? [head.text] : kids(head).map((k) => k.text);
                return { sym: 'lambda', params, body: field(node, 'body'), env };
            }
            case 'for_statement': {
                const items = this.loop(node, env, (body, loopEnv) => this.loopBody(body, loopEnv));
                if (!Array.isArray(items))
                    return items;
                return vList(items.filter((i) => i !== undefined), origin);
            }
            default:
                return (0,value_tree/* unknownNode */.fn)(node.text, `unsupported expression (${node.type})`, origin);
        }
    }
    loopBody(body, env) {
        if (body.type === 'if_statement') {
            const [condNode, obj] = kids(body);
            const cond = toV(this.ev(condNode, env), env);
            if (cond.kind === 'bool' && !cond.value)
                return undefined;
            if (cond.kind !== 'bool')
                return (0,value_tree/* unknownNode */.fn)(body.text, 'loop filter cannot be evaluated', this.origin(body));
            return toV(this.ev(obj, env), env);
        }
        return at(toV(this.ev(body, env), env), this.origin(body));
    }
    /**
     * Runs a `[for ...]`: the collection must be a known array (or a resource/module collection); an unknown
     * collection makes the whole result unknown, since even its length is not known.
     */
    loop(node, env, each) {
        const origin = this.origin(node);
        const collNode = field(node, 'collection');
        const body = field(node, 'body');
        const head = field(node, 'variable');
        if (!collNode || !body || !head)
            return (0,value_tree/* unknownNode */.fn)(node.text, 'malformed loop', origin);
        let itemName = head.text;
        let indexName;
        if (head.type === 'for_loop_parameters') {
            itemName = kids(head).find((k) => k.type === 'loop_variable')?.text ?? '';
            indexName = kids(head).find((k) => k.type === 'loop_enumerator')?.text;
        }
        const coll = this.ev(collNode, env);
        let elements;
        if (isSym(coll) && (coll.sym === 'resources' || coll.sym === 'modules')) {
            if (!Array.isArray(coll.list))
                return derived(node.text, coll.list, origin);
            elements = coll.list.map((x) => coll.sym === 'resources'
                ? { sym: 'resource', r: x }
                : { sym: 'module', m: x });
        }
        else {
            const v = toV(coll, env);
            if (v.kind === 'unknown')
                return derived(node.text, v, origin);
            if (v.kind !== 'list')
                return (0,value_tree/* unknownNode */.fn)(node.text, 'loop over a value that is not an array', origin);
            elements = v.items;
        }
        // Nested loops of 1,000 elements make 10^9 values: each element is spent from the unit's budget.
        (0,budget/* spend */.Rf)(elements.length, origin);
        return elements.map((el, i) => {
            const locals = new Map(env.locals ?? []);
            locals.set(itemName, el);
            if (indexName)
                locals.set(indexName, vNum(i, origin));
            return each(body, { ...env, locals }, i);
        });
    }
    lookup(name, env, origin) {
        const local = env.locals?.get(name);
        if (local !== undefined)
            return local;
        const d = this.scope.declaration(name);
        if (d && (d.kind === 'param' || d.kind === 'var' || d.kind === 'resource' || d.kind === 'module')) {
            const v = this.scope.symbol(name);
            // A parameter's value belongs to the property that uses it (see deepAt).
            if (d.kind === 'param' && !isSym(v))
                return (0,value_tree/* placeAt */.BW)(v, env.site);
            return v;
        }
        if (name === 'az' || name === 'sys')
            return { sym: 'namespace', name };
        return (0,value_tree/* unknownNode */.fn)(name, `unknown symbol ${name}`, origin);
    }
    member(node, env) {
        const origin = this.origin(node);
        const objNode = field(node, 'object');
        const prop = field(node, 'property')?.text ?? '';
        const safe = hasToken(node, '.?');
        const obj = this.ev(objNode, env);
        return this.access(obj, prop, safe, node.text, origin);
    }
    /** `x[i]`; `obj` (with the expression's text and origin) when the object was evaluated already. */
    subscript(node, env, given, text = node.text, origin = this.origin(node)) {
        const obj = given ?? this.ev(field(node, 'object'), env);
        const index = toV(this.ev(field(node, 'index'), env), env);
        const safe = hasToken(node, '?');
        if (index.kind === 'unknown')
            return derived(text, index, origin);
        if (isSym(obj) && (obj.sym === 'resources' || obj.sym === 'modules')) {
            if (!Array.isArray(obj.list))
                return derived(text, obj.list, origin);
            const el = index.kind === 'number' ? obj.list[index.value] : undefined;
            if (!el)
                return (0,value_tree/* unknownNode */.fn)(text, 'index out of range', origin);
            return obj.sym === 'resources'
                ? { sym: 'resource', r: el }
                : { sym: 'module', m: el };
        }
        if (index.kind === 'number')
            return this.access(obj, index.value, safe, text, origin);
        if (index.kind === 'string')
            return this.access(obj, index.value, safe, text, origin);
        return (0,value_tree/* unknownNode */.fn)(text, 'index is not a number or string', origin);
    }
    /** `x.prop` and `x[i]` on values and symbols. */
    access(obj, key, safe, expression, origin) {
        if (isSym(obj)) {
            switch (obj.sym) {
                case 'resource':
                    return resourceMember(obj.r, key, origin);
                case 'rpath': {
                    const seg = typeof key === 'number' ? `[${key}]` : `.${key}`;
                    return {
                        sym: 'rpath',
                        r: obj.r,
                        path: obj.path + seg,
                        value: obj.value ? child(obj.value, key) : undefined,
                    };
                }
                case 'module': {
                    if (key === 'name')
                        return obj.m.name;
                    if (key !== 'outputs')
                        return (0,value_tree/* unknownNode */.fn)(expression, `module property ${key} is not evaluated`, origin);
                    return obj.m.outputsUnknown ?? vObj(obj.m.outputs, origin);
                }
                case 'namespace':
                    return { sym: 'namespace', name: `${obj.name}.${key}` };
                default:
                    return (0,value_tree/* unknownNode */.fn)(expression, 'cannot access a property of a collection', origin);
            }
        }
        if (obj.kind === 'unknown') {
            const seg = typeof key === 'number' ? `[${key}]` : `.${key}`;
            const ref = obj.ref ? { resource: obj.ref.resource, attribute: obj.ref.attribute + seg } : undefined;
            return (0,value_tree/* unknownNode */.fn)(expression, obj.reason, origin, ref);
        }
        if (obj.kind === 'null' && safe)
            return vNull(origin);
        const c = child(obj, key);
        if (c !== undefined)
            return c;
        if (safe)
            return vNull(origin);
        return (0,value_tree/* unknownNode */.fn)(expression, `${typeof key === 'number' ? 'index' : 'property'} ${key} not found`, origin);
    }
    evalString(node, env) {
        const origin = this.origin(node);
        if (isMultiline(node))
            return vStr(decodeStringParts(node), origin);
        const parts = [];
        for (const k of kids(node)) {
            if (k.type === 'string_content')
                parts.push(k.text);
            else if (k.type === 'escape_sequence')
                parts.push(decodeEscape(k.text));
            else if (k.type === 'interpolation') {
                const inner = kids(k)[0];
                parts.push(inner ? toV(this.ev(inner, env), env) : (0,value_tree/* unknownNode */.fn)(k.text, 'empty interpolation', origin));
            }
        }
        const unknowns = parts.filter((p) => typeof p !== 'string' && p.kind === 'unknown');
        if (unknowns.length === 0) {
            return vStr(parts.map((p) => (typeof p === 'string' ? p : scalarText(p))).join(''), origin);
        }
        // `'${vnet.id}/subnets/app'`: still a reference, to the child with that model id.
        const [head, ...rest] = parts;
        if (unknowns.length === 1 &&
            head === unknowns[0] &&
            head.ref?.attribute === 'id' &&
            rest.every((p) => typeof p === 'string' || p.kind === 'string')) {
            const tail = rest.map((p) => (typeof p === 'string' ? p : scalarText(p))).join('');
            if (/^\/[A-Za-z]+\/[^/]+$/.test(tail))
                return (0,value_tree/* unknownNode */.fn)(node.text, head.reason, origin, {
                    resource: head.ref.resource + tail,
                    attribute: 'id',
                });
        }
        return { ...derived(node.text, unknowns[0], origin), parts };
    }
    call(node, env) {
        const origin = this.origin(node);
        const fnNode = field(node, 'function');
        let name = fnNode.text;
        if (fnNode.type === 'member_expression') {
            const ns = field(fnNode, 'object')?.text;
            const prop = field(fnNode, 'property')?.text ?? '';
            if (ns === 'az' || ns === 'sys')
                name = prop;
            else
                return (0,value_tree/* unknownNode */.fn)(node.text, `function ${fnNode.text} is not evaluated`, origin);
        }
        const argsNode = field(node, 'arguments');
        const argNodes = argsNode ? kids(argsNode) : [];
        const args = argNodes.map((a) => this.ev(a, env));
        const lower = name.toLowerCase();
        const lambdaResult = this.lambdaCall(lower, args, node, env);
        if (lambdaResult)
            return lambdaResult;
        const values = args.map((a) => toV(a, env));
        const builtin = callBuiltin(name, values, { expression: node.text, origin, cloud: this.cloud });
        if (builtin)
            (0,budget/* spend */.Rf)((0,budget/* sizeOf */.$d)(builtin), origin);
        if (builtin)
            return builtin;
        const udf = this.scope.declaration(name);
        if (udf?.kind === 'func')
            return this.callUdf(udf, values, env, node);
        return (0,value_tree/* unknownNode */.fn)(node.text, `function ${name} is not evaluated`, origin);
    }
    callUdf(d, args, env, call) {
        const params = kids(field(d.node, 'parameters') ?? d.node)
            .filter((k) => k.type === 'parameter')
            .map((p) => identifierOf(p));
        const body = valueAfterEquals(d.node) ?? kids(d.node).pop();
        const lambdaBody = kids(d.node).find((k) => k.type !== 'identifier' && k.type !== 'parameters' && k.type !== 'type');
        const expr = body ?? lambdaBody;
        if (!expr)
            return (0,value_tree/* unknownNode */.fn)(call.text, `function ${d.name} has no body`, this.origin(call));
        const locals = new Map();
        params.forEach((p, i) => locals.set(p, args[i] ?? vNull(env.site)));
        return toV(this.ev(expr, { locals, site: env.site }), env);
    }
    applyLambda(l, args) {
        const locals = new Map(l.env.locals ?? []);
        l.params.forEach((p, i) => locals.set(p, args[i] ?? vNull(l.env.site)));
        const env = { ...l.env, locals };
        return toV(this.ev(l.body, env), env);
    }
    /** map, filter, reduce, toObject, mapValues: the built-ins that take lambdas. */
    lambdaCall(fn, args, node, env) {
        const lambda = args.find((a) => isSym(a) && a.sym === 'lambda');
        if (!lambda)
            return undefined;
        const origin = this.origin(node);
        const first = toV(args[0], env);
        if (first.kind === 'unknown')
            return derived(node.text, first, origin);
        const list = first.kind === 'list' ? first.items : undefined;
        switch (fn) {
            case 'map':
                if (!list)
                    break;
                return vList(list.map((x, i) => this.applyLambda(lambda, [x, vNum(i, origin)])), origin);
            case 'filter': {
                if (!list)
                    break;
                const out = [];
                for (const [i, x] of list.entries()) {
                    const keep = this.applyLambda(lambda, [x, vNum(i, origin)]);
                    if (keep.kind === 'unknown')
                        return derived(node.text, keep, origin);
                    if (keep.kind === 'bool' && keep.value)
                        out.push(x);
                }
                return vList(out, origin);
            }
            case 'reduce': {
                if (!list)
                    break;
                let acc = toV(args[1], env);
                list.forEach((x, i) => (acc = this.applyLambda(lambda, [acc, x, vNum(i, origin)])));
                return acc;
            }
            case 'toobject': {
                if (!list)
                    break;
                const valueLambda = args[2] && isSym(args[2]) && args[2].sym === 'lambda' ? args[2] : undefined;
                const attrs = {};
                for (const x of list) {
                    const k = this.applyLambda(lambda, [x]);
                    if (k.kind !== 'string')
                        return k.kind === 'unknown' ? derived(node.text, k, origin) : undefined;
                    attrs[k.value] = valueLambda ? this.applyLambda(valueLambda, [x]) : x;
                }
                return vObj(attrs, origin);
            }
            case 'mapvalues': {
                if (first.kind !== 'object')
                    break;
                const attrs = {};
                for (const [k, x] of Object.entries(first.attrs))
                    attrs[k] = this.applyLambda(lambda, [x]);
                return vObj(attrs, origin);
            }
        }
        return (0,value_tree/* unknownNode */.fn)(node.text, `function ${fn} is not evaluated`, origin);
    }
}
/** A symbol as a plain value: resources become their (unknown) id, the way ARM serialises them. */
function toV(v, env) {
    if (!isSym(v))
        return v;
    switch (v.sym) {
        case 'resource':
            return idOf(v.r, env.site);
        case 'resources':
            return Array.isArray(v.list)
                ? vList(v.list.map((r) => idOf(r, env.site)), env.site)
                : v.list;
        case 'rpath':
            return v.value ? withAzureIds(v.r, v.path, v.value, env.site) : rpathUnknown(v.r, v.path, env.site);
        case 'module':
        case 'modules':
            return (0,value_tree/* unknownNode */.fn)(v.sym === 'module' ? v.m.address : v.expression, 'a module is not a value', env.site);
        case 'lambda':
            return (0,value_tree/* unknownNode */.fn)('lambda', 'a lambda is not a value', env.site);
        case 'namespace':
            return (0,value_tree/* unknownNode */.fn)(v.name, 'a namespace is not a value', env.site);
    }
}

// EXTERNAL MODULE: ./src/model/value.ts
var value = __webpack_require__(2904);
// EXTERNAL MODULE: ./src/sources/arm/embedded.ts
var embedded = __webpack_require__(4305);
;// CONCATENATED MODULE: ./src/sources/bicep/avm.ts
/**
 * Azure Verified Modules for network resources, read from their documented parameters. The registry
 * modules are not downloaded: each is mapped to the ARM resources its main.bicep deploys, so a hub built
 * from `br/public:avm/res/network/...` is judged like one written out by hand. Parameter names follow the
 * modules' main.bicep in Azure/bicep-registry-modules (route-table, network-security-group,
 * firewall-policy, azure-firewall, virtual-network).
 */


const KINDS = [
    'route-table',
    'network-security-group',
    'firewall-policy',
    'azure-firewall',
    'virtual-network',
    'virtual-wan',
    'virtual-hub',
    'vpn-gateway',
    'express-route-gateway',
];
/** `br/public:avm/res/network/route-table:0.4.0` or the `br:mcr.microsoft.com/bicep/avm/...` spelling. */
function avmModuleKind(source) {
    if (/(?:^|\/|:)avm\/ptn\/network\/virtual-wan:/i.test(source))
        return 'ptn-virtual-wan';
    const m = /(?:^|\/|:)avm\/res\/network\/([a-z-]+):/i.exec(source);
    const kind = m?.[1].toLowerCase();
    return kind && KINDS.includes(kind) ? kind : undefined;
}
/**
 * Azure Verified Modules whose resources cannot change a VM subnet's path to KMS (private endpoints, public
 * IPs, DNS zones, key vaults, storage, monitoring, AVD, identities, role assignments, container registries,
 * a Bastion host in its dedicated subnet...): not evaluating them leaves no
 * verdict open, so they draw no KMS011 notice. Anything not listed here (a VM, a NIC, any network module
 * not mapped) still does.
 */
const CANNOT_DECIDE_KMS = /(?:^|\/|:)avm\/(?:ptn\/(?:network\/private-link-private-dns-zones|alz\/ama|authorization\/[a-z-]+)|res\/(?:network\/(?:private-endpoint|public-ip-address|public-ip-prefix|private-dns-zone|dns-zone|bastion-host)|container-registry\/registry|(?:key-vault|storage|insights|operational-insights|operations-management|automation|desktop-virtualization|managed-identity|authorization|web|sql|document-db|cache|recovery-services|resources|maintenance)\/[a-z-]+|compute\/(?:gallery|image|disk-encryption-set|availability-set|proximity-placement-group)))(?:\/[a-z-]+)*:/i;
function avmCannotDecideKms(source) {
    return CANNOT_DECIDE_KMS.test(source);
}
/**
 * Azure Verified Modules that may decide KMS for what they build (a VM whose own NIC may get an NSG) but
 * change no network object that exists without them: their NICs are new, the subnet and NSG they name are
 * only named. Not evaluating them is a notice, but leaves the other subnets' paths as they are.
 */
const OWN_NETWORK_ONLY = /(?:^|\/|:)avm\/res\/compute\/virtual-machine(?:-scale-set)?:/i;
function avmChangesOwnNetworkOnly(source) {
    return OWN_NETWORK_ONLY.test(source);
}
/**
 * avm/ptn/network/hub-networking is not mapped: it is orphaned upstream (no owner, no fixes), and its
 * peerings, peering routes and firewall subnet associations pair the n-th peering with the n-th hub and
 * the n-th firewall (`hubVirtualNetworkPeer_local[index]`, `hubAzureFirewall[index]` over the flattened
 * peerings), so what Azure gets differs from what the parameters say as soon as hubs have unequal
 * numbers of peerings. Mapping it would mean either copying that defect or modelling a network Azure does
 * not build. Instead the call is a named unknown listing, per hub, what it would decide: the VNet and its
 * subnets, the hub route table (gateway route propagation off) with its routes on AzureFirewallSubnet, the
 * Azure Firewall, and the peerings.
 */
/**
 * Does an unmapped pattern say everything it deploys (hub-networking with its hubVirtualNetworks known)?
 * Then it puts in place only the hubs it lists, named; it cannot change another VNet's subnets.
 */
function unmappedAvmPatternListed(source, params) {
    return (/(?:^|\/|:)avm\/ptn\/network\/hub-networking:/i.test(source) &&
        params.get('hubVirtualNetworks')?.kind === 'object');
}
function unmappedAvmPattern(source, params) {
    if (!/(?:^|\/|:)avm\/ptn\/network\/hub-networking:/i.test(source))
        return undefined;
    const hubs = params.get('hubVirtualNetworks');
    const advice = 'write these as resources, or with the avm/res/network modules the scan maps (virtual-network, route-table, azure-firewall)';
    if (hubs?.kind !== 'object')
        return (`avm/ptn/network/hub-networking (orphaned upstream) is not mapped; its hub VNets, route tables, ` +
            `Azure Firewalls and peerings${hubs?.kind === 'unknown' ? ` (hubVirtualNetworks: ${hubs.reason})` : ''} are not judged: ${advice}`);
    const text = (v, fallback) => (v?.kind === 'string' ? v.value : fallback);
    const parts = Object.keys(hubs.attrs)
        .sort()
        .map((key) => {
        const h = hubs.attrs[key];
        const at = (k) => getAttr0(h, k);
        const subnets = itemsOf(at('subnets'))
            .map((s) => text(getAttr0(s, 'name'), '?'))
            .join(', ');
        const routes = at('routes');
        const routeCount = routes?.kind === 'list'
            ? `${routes.items.length} route${routes.items.length === 1 ? '' : 's'}`
            : 'its routes';
        const firewall = at('enableAzureFirewall');
        const fwName = text(getAttr0(at('azureFirewallSettings') ?? vObj({}, h.origin), 'azureFirewallName'), key);
        const peers = itemsOf(at('peeringSettings')).map((x) => text(getAttr0(x, 'remoteVirtualNetworkName'), '?'));
        return [
            `VNet ${key}${subnets ? ` (subnets ${subnets})` : ''}`,
            `route table ${text(at('routeTableName'), key)} (gateway route propagation off, ${routeCount}) on AzureFirewallSubnet`,
            ...(firewall?.kind === 'bool' && !firewall.value
                ? []
                : [`Azure Firewall ${fwName}${firewall?.kind === 'bool' ? '' : ' (if enableAzureFirewall)'}`]),
            ...(peers.length > 0 ? [`peerings to ${peers.join(', ')}`] : []),
        ].join(', ');
    });
    return (`avm/ptn/network/hub-networking (orphaned upstream) is not mapped; it would decide ${parts.join('; ')}. ` +
        `These are not judged: ${advice}`);
}
/** true / false, or undefined when the answer depends on an unknown. */
function isEmpty(v) {
    if (v === undefined || v.kind === 'null')
        return true;
    if (v.kind === 'unknown')
        return undefined;
    if (v.kind === 'string')
        return v.value === '';
    if (v.kind === 'list')
        return v.items.length === 0;
    if (v.kind === 'object')
        return Object.keys(v.attrs).length === 0;
    return false;
}
function idRef(id, expression, origin) {
    return (0,value_tree/* unknownNode */.fn)(expression, DEPLOYMENT_TIME, origin, { resource: id, attribute: 'id' });
}
/** `{ id: <value> }`, the ARM reference shape. */
function ref(v) {
    return vObj({ id: v }, v.origin);
}
/** Sets `key` to `value` when given (AVM passes `null` for unset options, which ARM reads as absent). */
function put(attrs, key, value) {
    if (value !== undefined && value.kind !== 'null')
        attrs[key] = value;
}
function evaluateAvmModule(kind, params, call) {
    const p = (name) => {
        const v = params.get(name);
        return v?.kind === 'null' ? undefined : v;
    };
    const o = call.origin;
    const name = p('name') ?? (0,value_tree/* unknownNode */.fn)(`${call.address}.params.name`, 'required parameter name not given', o);
    const emit = (symbol, armType, body, extra = {}) => {
        const address = `${call.address}.${symbol}`;
        const id = `${call.ctx.idPrefix}${address}`;
        const r = {
            armType,
            name: name.kind === 'string' ? (0,value/* known */.eO)(name.value, name.origin) : toName(name),
            body,
            id,
            address,
            origin: o,
            format: 'bicep',
            sourceType: kind === 'ptn-virtual-wan' ? 'avm/ptn/network/virtual-wan' : `avm/res/network/${kind}`,
            ...extra,
        };
        if (call.ctx.variant !== undefined)
            r.variant = call.ctx.variant;
        call.ctx.resources.push(r);
        return id;
    };
    const out = (id) => ({
        name,
        resourceId: idRef(id, `${call.address}.outputs.resourceId`, o),
    });
    switch (kind) {
        case 'route-table': {
            const props = {};
            put(props, 'routes', p('routes') ?? vList([], o));
            put(props, 'disableBgpRoutePropagation', p('disableBgpRoutePropagation') ?? vBool(false, o));
            const id = emit('routeTable', 'Microsoft.Network/routeTables', vObj({ name, properties: vObj(props, o) }, o));
            return { outputs: out(id) };
        }
        case 'network-security-group': {
            const rules = p('securityRules');
            const mapped = rules?.kind === 'list' ? vList(rules.items.map(nsgRule), rules.origin) : (rules ?? vList([], o));
            const id = emit('networkSecurityGroup', 'Microsoft.Network/networkSecurityGroups', vObj({ name, properties: vObj({ securityRules: mapped }, o) }, o));
            return { outputs: out(id) };
        }
        case 'firewall-policy': {
            const props = {};
            const base = p('basePolicyResourceId');
            if (isEmpty(base) === false || base?.kind === 'unknown')
                props.basePolicy = ref(base);
            const proxy = p('enableProxy');
            const servers = p('servers') ?? p('dnsServers');
            if (proxy?.kind !== 'bool' || proxy.value)
                put(props, 'dnsSettings', proxy ? vObj(servers ? { enableProxy: proxy, servers } : { enableProxy: proxy }, o) : undefined);
            const id = emit('firewallPolicy', 'Microsoft.Network/firewallPolicies', vObj({ name, properties: vObj(props, o) }, o));
            const groups = p('ruleCollectionGroups');
            const list = groups?.kind === 'list' ? groups.items : groups?.kind === 'unknown' ? [groups] : [];
            list.forEach((g, i) => {
                const gName = getAttr0(g, 'name') ??
                    (0,value_tree/* unknownNode */.fn)(`${call.address}.params.ruleCollectionGroups[${i}].name`, 'not set', g.origin);
                const gProps = {};
                put(gProps, 'priority', getAttr0(g, 'priority'));
                put(gProps, 'ruleCollections', getAttr0(g, 'ruleCollections'));
                const body = g.kind === 'unknown' ? g : vObj({ name: gName, properties: vObj(gProps, g.origin) }, g.origin);
                const fullName = name.kind === 'string' && gName.kind === 'string'
                    ? (0,value/* known */.eO)(`${name.value}/${gName.value}`, gName.origin)
                    : toName(gName);
                const address = `${call.address}.firewallPolicy_ruleCollectionGroups[${i}]`;
                const r = {
                    armType: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
                    name: fullName,
                    body,
                    id: gName.kind === 'string'
                        ? `${id}/ruleCollectionGroups/${gName.value}`
                        : `${call.ctx.idPrefix}${address}`,
                    address,
                    origin: g.origin,
                    format: 'bicep',
                    sourceType: `avm/res/network/${kind}`,
                    parent: (0,value/* known */.eO)(id, o),
                };
                if (call.ctx.variant !== undefined)
                    r.variant = call.ctx.variant;
                call.ctx.resources.push(r);
            });
            return { outputs: out(id) };
        }
        case 'azure-firewall':
            return { outputs: azureFirewall(p, name, call, emit, out) };
        case 'virtual-wan': {
            const props = {};
            put(props, 'type', p('type'));
            put(props, 'allowBranchToBranchTraffic', p('allowBranchToBranchTraffic'));
            const id = emit('virtualWan', 'Microsoft.Network/virtualWans', vObj({ name, properties: vObj(props, o) }, o));
            return { outputs: out(id) };
        }
        case 'virtual-hub':
            return { outputs: out(virtualHub(p, name, call, emit)) };
        case 'vpn-gateway':
        case 'express-route-gateway': {
            const props = {};
            const hub = p('virtualHubResourceId');
            if (hub)
                props.virtualHub = ref(hub);
            const armType = kind === 'vpn-gateway' ? 'Microsoft.Network/vpnGateways' : 'Microsoft.Network/expressRouteGateways';
            const id = emit(kind === 'vpn-gateway' ? 'vpnGateway' : 'expressRouteGateway', armType, vObj({ name, properties: vObj(props, o) }, o));
            return { outputs: out(id) };
        }
        case 'ptn-virtual-wan':
            return { outputs: virtualWanPattern(p, call) };
        case 'virtual-network': {
            const subnets = p('subnets') ?? vList([], o);
            const mapped = subnets.kind === 'list' ? vList(subnets.items.map(vnetSubnet), subnets.origin) : subnets;
            const props = {
                addressSpace: vObj({ addressPrefixes: p('addressPrefixes') ?? vList([], o) }, o),
                subnets: mapped,
            };
            const id = emit('virtualNetwork', 'Microsoft.Network/virtualNetworks', vObj({ name, properties: vObj(props, o) }, o));
            const outputs = out(id);
            if (subnets.kind === 'list') {
                const names = subnets.items.map((s) => getAttr0(s, 'name') ?? (0,value_tree/* unknownNode */.fn)('subnet.name', 'not set', s.origin));
                outputs.subnetNames = vList(names, o);
                outputs.subnetResourceIds = vList(names.map((n, i) => n.kind === 'string'
                    ? (0,value_tree/* unknownNode */.fn)(`${call.address}.outputs.subnetResourceIds[${i}]`, DEPLOYMENT_TIME, o, {
                        resource: `${id}/subnets/${n.value}`,
                        attribute: 'id',
                    })
                    : (0,value_tree/* unknownNode */.fn)(`${call.address}.outputs.subnetResourceIds[${i}]`, DEPLOYMENT_TIME, o)), o);
            }
            else {
                outputs.subnetNames = (0,value_tree/* unknownNode */.fn)(`${call.address}.outputs.subnetNames`, 'subnets not known', o);
                outputs.subnetResourceIds = (0,value_tree/* unknownNode */.fn)(`${call.address}.outputs.subnetResourceIds`, 'subnets not known', o);
            }
            return { outputs };
        }
    }
}
function getAttr0(v, key) {
    if (v.kind !== 'object')
        return undefined;
    const x = (0,value_tree/* memberCI */.bG)(v, key);
    return x?.kind === 'null' ? undefined : x;
}
function toName(v) {
    if (v.kind === 'unknown')
        return { known: false, expression: v.expression, reason: v.reason, origin: v.origin };
    return { known: false, expression: 'name', reason: 'name is not a string', origin: v.origin };
}
/** AVM security rules take ASG resource ids where ARM takes `[{ id }]`. */
function nsgRule(rule) {
    const props = getAttr0(rule, 'properties');
    if (rule.kind !== 'object' || props?.kind !== 'object')
        return rule;
    const attrs = { ...props.attrs };
    for (const side of ['source', 'destination']) {
        const ids = getAttr0(props, `${side}ApplicationSecurityGroupResourceIds`);
        if (ids === undefined)
            continue;
        delete attrs[`${side}ApplicationSecurityGroupResourceIds`];
        attrs[`${side}ApplicationSecurityGroups`] =
            ids.kind === 'list' ? vList(ids.items.map(ref), ids.origin) : ids;
    }
    return vObj({ ...rule.attrs, properties: vObj(attrs, props.origin) }, rule.origin);
}
/** An AVM subnet object (`routeTableResourceId`, ...) as the ARM inline subnet it becomes. */
function vnetSubnet(s) {
    if (s.kind !== 'object')
        return s;
    const props = {};
    put(props, 'addressPrefix', getAttr0(s, 'addressPrefix'));
    put(props, 'addressPrefixes', getAttr0(s, 'addressPrefixes'));
    const refs = [
        ['routeTableResourceId', 'routeTable'],
        ['networkSecurityGroupResourceId', 'networkSecurityGroup'],
        ['natGatewayResourceId', 'natGateway'],
    ];
    for (const [param, prop] of refs) {
        const v = getAttr0(s, param);
        if (v !== undefined && isEmpty(v) !== true)
            props[prop] = ref(v);
    }
    put(props, 'defaultOutboundAccess', getAttr0(s, 'defaultOutboundAccess'));
    const name = getAttr0(s, 'name');
    return vObj(name ? { name, properties: vObj(props, s.origin) } : { properties: vObj(props, s.origin) }, s.origin);
}
function azureFirewall(p, name, call, emit, out) {
    const o = call.origin;
    const vnet = p('virtualNetworkResourceId');
    const hub = isEmpty(vnet) === true;
    const tier = p('azureSkuTier') ?? vStr('Standard', o);
    const props = {
        sku: vObj({ name: vStr(hub ? 'AZFW_Hub' : 'AZFW_VNet', o), tier }, o),
    };
    if (!hub && vnet) {
        const subnetId = childId(vnet, 'AzureFirewallSubnet');
        props.ipConfigurations = vList([
            vObj({ name: vStr('ipconfig', o), properties: vObj({ subnet: ref(subnetId) }, vnet.origin) }, vnet.origin),
        ], vnet.origin);
        // The module adds a management IP configuration (forced tunnelling) for Basic or when asked to.
        const forced = forcedTunnelling(p, tier);
        if (forced !== false && vnet)
            props.managementIpConfiguration =
                forced === true
                    ? vObj({
                        name: vStr('mgmt', o),
                        properties: vObj({ subnet: ref(childId(vnet, 'AzureFirewallManagementSubnet')) }, o),
                    }, o)
                    : forced;
    }
    const hubIps = p('hubIPAddresses');
    if (hub && hubIps)
        props.hubIPAddresses = hubIps;
    const virtualHub = p('virtualHubResourceId') ?? p('virtualHubId');
    if (hub && virtualHub && isEmpty(virtualHub) !== true)
        props.virtualHub = ref(virtualHub);
    const policy = p('firewallPolicyId');
    if (policy && isEmpty(policy) !== true)
        props.firewallPolicy = ref(policy);
    for (const c of ['networkRuleCollections', 'applicationRuleCollections', 'natRuleCollections'])
        put(props, c, p(c));
    const id = emit('azureFirewall', 'Microsoft.Network/azureFirewalls', vObj({ name, properties: vObj(props, o) }, o));
    const outputs = out(id);
    outputs.privateIp = (0,value_tree/* unknownNode */.fn)(`${call.address}.outputs.privateIp`, 'assigned by Azure at deployment', o, {
        resource: id,
        attribute: 'properties.ipConfigurations[0].properties.privateIPAddress',
    });
    return outputs;
}
/** true, false, or the unknown it depends on. */
function forcedTunnelling(p, tier) {
    const flag = p('enableForcedTunneling');
    if (tier.kind === 'string' && tier.value.toLowerCase() === 'basic')
        return true;
    if (flag?.kind === 'bool' && flag.value)
        return true;
    if (tier.kind === 'unknown')
        return tier;
    if (flag?.kind === 'unknown')
        return flag;
    return false;
}
/** `<vnet id>/subnets/<name>`: a string when the vnet id is, else a ref to the inline subnet's model id. */
function childId(vnet, subnet) {
    if (vnet.kind === 'string')
        return vStr(`${vnet.value}/subnets/${subnet}`, vnet.origin);
    if (vnet.kind === 'unknown' && vnet.ref?.attribute === 'id')
        return (0,value_tree/* unknownNode */.fn)(`${vnet.expression}/subnets/${subnet}`, vnet.reason, vnet.origin, {
            resource: `${vnet.ref.resource}/subnets/${subnet}`,
            attribute: 'id',
        });
    return vnet.kind === 'unknown'
        ? (0,value_tree/* unknownNode */.fn)(`${vnet.expression}/subnets/${subnet}`, vnet.reason, vnet.origin)
        : vnet;
}
/** A child resource of `parentId` (`<hub>/<child>`), as the module's nested deployments create it. */
function avm_child(call, parent, symbol, armType, segment, childName, props) {
    const o = call.origin;
    const address = `${call.address}.${symbol}`;
    const fullName = parent.name.kind === 'string' && childName.kind === 'string'
        ? (0,value/* known */.eO)(`${parent.name.value}/${childName.value}`, childName.origin)
        : toName(childName.kind === 'string' ? parent.name : childName);
    const r = {
        armType,
        name: fullName,
        body: vObj({ name: childName, properties: props }, props.origin),
        id: childName.kind === 'string'
            ? `${parent.id}/${segment}/${childName.value}`
            : `${call.ctx.idPrefix}${address}`,
        address,
        origin: childName.origin.file === o.file ? childName.origin : o,
        format: 'bicep',
        sourceType: armType.split('/').slice(1).join('/'),
        parent: (0,value/* known */.eO)(parent.id, o),
    };
    if (call.ctx.variant !== undefined)
        r.variant = call.ctx.variant;
    call.ctx.resources.push(r);
}
/** The list items of an array parameter; an unknown array is one unknown item. */
function itemsOf(v) {
    if (v === undefined || v.kind === 'null')
        return [];
    if (v.kind === 'list')
        return v.items;
    return [v];
}
/**
 * avm/res/network/virtual-hub: the hub, and its nested deployments: routing intent (when
 * `azureFirewallResourceId` and `routingIntent` are given; `internetToFirewall`/`privateToFirewall` default
 * to true), `hubRouteTables`, `hubVirtualNetworkConnections`.
 */
function virtualHub(p, name, call, emit) {
    const o = call.origin;
    const props = {};
    put(props, 'addressPrefix', p('addressPrefix'));
    put(props, 'sku', p('sku'));
    for (const [param, prop] of [
        ['virtualWanResourceId', 'virtualWan'],
        ['azureFirewallResourceId', 'azureFirewall'],
        ['vpnGatewayResourceId', 'vpnGateway'],
        ['expressRouteGatewayResourceId', 'expressRouteGateway'],
        ['p2SVpnGatewayResourceId', 'p2SVpnGateway'],
    ]) {
        const v = p(param);
        if (v !== undefined && isEmpty(v) !== true)
            props[prop] = ref(v);
    }
    const routes = p('routeTableRoutes');
    if (routes && isEmpty(routes) !== true)
        props.routeTable = vObj({ routes }, routes.origin);
    const id = emit('virtualHub', 'Microsoft.Network/virtualHubs', vObj({ name, properties: vObj(props, o) }, o));
    const hub = { id, name };
    const firewall = p('azureFirewallResourceId');
    const intent = p('routingIntent');
    if (firewall && isEmpty(firewall) !== true && intent && isEmpty(intent) !== true) {
        const policies = routingPolicies(firewall, getAttr0(intent, 'internetToFirewall') ?? vBool(true, intent.origin), getAttr0(intent, 'privateToFirewall') ?? vBool(true, intent.origin), intent.origin);
        avm_child(call, hub, 'virtualHub_routingIntent', 'Microsoft.Network/virtualHubs/routingIntent', 'routingIntent', vStr('defaultRouteTable', intent.origin), vObj({ routingPolicies: policies }, intent.origin));
    }
    itemsOf(p('hubRouteTables')).forEach((t, i) => {
        const tProps = {};
        put(tProps, 'labels', getAttr0(t, 'labels'));
        put(tProps, 'routes', getAttr0(t, 'routes'));
        avm_child(call, hub, `virtualHub_routeTables[${i}]`, 'Microsoft.Network/virtualHubs/hubRouteTables', 'hubRouteTables', getAttr0(t, 'name') ??
            (t.kind === 'unknown' ? t : (0,value_tree/* unknownNode */.fn)(`hubRouteTables[${i}].name`, 'not set', t.origin)), t.kind === 'unknown' ? t : vObj(tProps, t.origin));
    });
    itemsOf(p('hubVirtualNetworkConnections')).forEach((c, i) => {
        const cProps = {};
        put(cProps, 'enableInternetSecurity', getAttr0(c, 'enableInternetSecurity'));
        const remote = getAttr0(c, 'remoteVirtualNetworkResourceId');
        if (remote)
            cProps.remoteVirtualNetwork = ref(remote);
        put(cProps, 'routingConfiguration', getAttr0(c, 'routingConfiguration'));
        avm_child(call, hub, `virtualHub_hubVirtualNetworkConnections[${i}]`, 'Microsoft.Network/virtualHubs/hubVirtualNetworkConnections', 'hubVirtualNetworkConnections', getAttr0(c, 'name') ??
            (c.kind === 'unknown' ? c : (0,value_tree/* unknownNode */.fn)(`hubVirtualNetworkConnections[${i}].name`, 'not set', c.origin)), c.kind === 'unknown' ? c : vObj(cProps, c.origin));
    });
    return id;
}
/** Routing intent policies as the modules write them: Internet and/or PrivateTraffic \u2192 the firewall. */
function routingPolicies(firewall, internet, priv, o) {
    if (internet.kind === 'unknown')
        return internet;
    if (priv.kind === 'unknown')
        return priv;
    const policy = (policyName, destination) => vObj({
        name: vStr(policyName, o),
        destinations: vList([vStr(destination, o)], o),
        nextHop: firewall,
    }, o);
    const out = [];
    if (internet.kind === 'bool' && internet.value)
        out.push(policy('InternetTrafficPolicy', 'Internet'));
    if (priv.kind === 'bool' && priv.value)
        out.push(policy('PrivateTrafficPolicy', 'PrivateTraffic'));
    return vList(out, o);
}
/**
 * avm/ptn/network/virtual-wan (main.bicep): the WAN (`virtualWanParameters.virtualWanName`), one hub per
 * `virtualHubParameters` entry (with its route tables and connections), and for a secured hub
 * (`secureHubParameters.deploySecureHub`) the hub firewall with `firewallPolicyResourceId` and the routing
 * intent it names; S2S VPN and ExpressRoute gateways in the hub when asked for.
 */
function virtualWanPattern(p, call) {
    const o = call.origin;
    const wanParams = p('virtualWanParameters');
    const wanName = getAttr0(wanParams ?? vObj({}, o), 'virtualWanName') ??
        (0,value_tree/* unknownNode */.fn)(`${call.address}.params.virtualWanParameters.virtualWanName`, 'not set', o);
    const sub = (address) => ({ ...call, address });
    const wan = evaluateAvmModule('virtual-wan', new Map([['name', wanName]]), sub(`${call.address}.virtualWan`));
    const hubs = p('virtualHubParameters');
    const hubOutputs = [];
    const list = hubs?.kind === 'list' ? hubs.items : [];
    if (hubs?.kind === 'unknown')
        call.ctx.diagnostics.push({
            ruleId: 'KMS011',
            origin: o,
            message: `${call.address}: virtualHubParameters cannot be evaluated (${hubs.reason}); the hubs, firewalls and routing intent this pattern deploys are not judged`,
            expression: hubs.expression,
        });
    list.forEach((h, i) => {
        const at = (k) => getAttr0(h, k);
        const hubName = at('hubName') ?? (0,value_tree/* unknownNode */.fn)(`virtualHubParameters[${i}].hubName`, 'not set', h.origin);
        const secure = at('secureHubParameters');
        const deploySecure = secure ? getAttr0(secure, 'deploySecureHub') : undefined;
        const hubParams = new Map([
            ['name', hubName],
            ['virtualWanResourceId', wan.outputs.resourceId],
        ]);
        for (const [from, to] of [
            ['hubAddressPrefix', 'addressPrefix'],
            ['hubRouteTables', 'hubRouteTables'],
            ['hubVirtualNetworkConnections', 'hubVirtualNetworkConnections'],
            ['sku', 'sku'],
        ]) {
            const v = at(from);
            if (v)
                hubParams.set(to, v);
        }
        const hubCall = sub(`${call.address}.virtualHubModule[${i}]`);
        const hub = evaluateAvmModule('virtual-hub', hubParams, hubCall);
        hubOutputs.push(vObj({ name: hubName, resourceId: hub.outputs.resourceId }, h.origin));
        if (secure && deploySecure?.kind !== 'bool') {
            if (deploySecure?.kind === 'unknown')
                call.ctx.diagnostics.push({
                    ruleId: 'KMS011',
                    origin: secure.origin,
                    message: `${call.address}: whether hub ${hubName.kind === 'string' ? hubName.value : i} is a secured hub cannot be evaluated (${deploySecure.reason}); judged without its firewall`,
                    expression: deploySecure.expression,
                });
        }
        else if (secure && deploySecure?.kind === 'bool' && deploySecure.value) {
            const s = (k) => getAttr0(secure, k);
            const fwName = s('azureFirewallName') ?? (0,value_tree/* unknownNode */.fn)(`secureHubParameters.azureFirewallName`, 'not set', secure.origin);
            const fwParams = new Map([
                ['name', fwName],
                ['virtualHubResourceId', hub.outputs.resourceId],
            ]);
            const sku = s('azureFirewallSku');
            if (sku)
                fwParams.set('azureSkuTier', sku);
            const policy = s('firewallPolicyResourceId');
            if (policy)
                fwParams.set('firewallPolicyId', policy);
            const fw = evaluateAvmModule('azure-firewall', fwParams, sub(`${call.address}.firewallModule[${i}]`));
            const intent = s('routingIntent');
            if (intent && isEmpty(intent) !== true) {
                // The pattern deploys the intent itself (both flags default to false here, unlike virtual-hub).
                const hubId = `${call.ctx.idPrefix}${call.address}.virtualHubModule[${i}].virtualHub`;
                avm_child(sub(`${call.address}.routingIntent[${i}]`), { id: hubId, name: hubName }, 'routingIntent', 'Microsoft.Network/virtualHubs/routingIntent', 'routingIntent', vStr('routingIntent', intent.origin), vObj({
                    routingPolicies: routingPolicies(fw.outputs.resourceId, getAttr0(intent, 'internetToFirewall') ?? vBool(false, intent.origin), getAttr0(intent, 'privateToFirewall') ?? vBool(false, intent.origin), intent.origin),
                }, intent.origin));
            }
        }
        for (const [key, flag, nameKey, kind] of [
            ['s2sVpnParameters', 'deployS2SVpnGateway', 'vpnGatewayName', 'vpn-gateway'],
            [
                'expressRouteParameters',
                'deployExpressRouteGateway',
                'expressRouteGatewayName',
                'express-route-gateway',
            ],
        ]) {
            const g = at(key);
            const on = g ? getAttr0(g, flag) : undefined;
            if (!g || on?.kind !== 'bool' || !on.value)
                continue;
            evaluateAvmModule(kind, new Map([
                ['name', getAttr0(g, nameKey) ?? (0,value_tree/* unknownNode */.fn)(`${key}.${nameKey}`, 'not set', g.origin)],
                ['virtualHubResourceId', hub.outputs.resourceId],
            ]), sub(`${call.address}.${kind === 'vpn-gateway' ? 's2sVpnGatewayModule' : 'expressRouteGatewayModule'}[${i}]`));
        }
    });
    return {
        name: wanName,
        resourceId: wan.outputs.resourceId,
        virtualHubs: vList(hubOutputs, o),
    };
}

;// CONCATENATED MODULE: ./src/sources/bicep/template.ts
/**
 * Evaluates one Bicep template instance (an entry template, or a local module called with its params) to
 * ARM-shaped resources whose bodies are value trees. Declarations are evaluated lazily and memoised, as
 * Bicep allows them in any order; whatever cannot be known before deployment becomes an unknown value
 * that says why, and references to other resources keep a ref to their model id so the model builder can
 * link them exactly as it links Terraform references.
 *
 * Model ids: `<entry path relative to the root>::<address>`, where the address is the symbolic path
 * (`rtSpoke`, `hub.rtSpoke[1]`). A child resource whose parent is declared in the scan and whose name is
 * known gets `<parent id>/<collection>/<name>` instead: the ARM shape mapper gives inline children
 * (`properties.subnets[*]`) exactly that id, so `'${vnet.id}/subnets/app'` finds either spelling.
 *
 * A reference `x.id` to a declared resource is an unknown with ref `{ resource: <model id of x>,
 * attribute: 'id' }` (ARM ids exist only after deployment), as in the Terraform source. An `existing`
 * resource is not emitted; its id is the provider-relative id `Microsoft.Network/routeTables/rt-hub`, which
 * the model builder resolves by type and names against whatever the scan declares.
 *
 * This file holds the declarations (params, vars, resources, modules, outputs) and what they emit; the
 * expressions they are written with are evaluated by expressions.ts, references to resources by
 * resource-refs.ts.
 */












const IN_PROGRESS = Symbol('in progress');
/** A name, type or parent as a model value: known when it is a string, else unknown saying why. */
function toValue(v, fallback, what) {
    if (v.kind === 'string')
        return (0,value/* known */.eO)(v.value, v.origin);
    if (v.kind === 'unknown')
        return (0,value/* unknown */.L5)(v.expression, v.reason, v.origin, v.ref);
    return (0,value/* unknown */.L5)((0,value_tree/* render */.XX)(v), `${what} is not a string`, v.origin ?? fallback);
}
class Template {
    ctx;
    file;
    inputs;
    prefix;
    stack;
    missingReason;
    resourceGroup;
    subscription;
    decls = new Map();
    cache = new Map();
    outputCache;
    expressions;
    constructor(ctx, file, 
    /** Parameter values given by a parameter file or the calling module. */
    inputs, 
    /** Address prefix of this instance: '' for the entry, `hub.` for module `hub`. */
    prefix, 
    /** Absolute paths of the templates calling this one (cycle guard). */
    stack, 
    /** Set when the parameter file is unreadable: parameters it does not give are unknown, not defaulted. */
    missingReason, 
    /**
     * The resource group this instance deploys to, when a calling module's `scope: resourceGroup('name')`
     * says so: declared resources are registered in it, so `existing` ones find them by name and group.
     */
    resourceGroup, 
    /**
     * The subscription this instance deploys to, when a calling module's scope names it
     * (`resourceGroup('<subscription>', '<group>')`, `subscription('<subscription>')`), lower case.
     */
    subscription) {
        this.ctx = ctx;
        this.file = file;
        this.inputs = inputs;
        this.prefix = prefix;
        this.stack = stack;
        this.missingReason = missingReason;
        this.resourceGroup = resourceGroup;
        this.subscription = subscription;
        this.expressions = new Expressions(this, file.path, ctx.cloud);
        for (const stmt of kids(file.root))
            this.collect(stmt);
    }
    origin(node) {
        return originOf(this.file.path, node);
    }
    collect(stmt, parent) {
        const kinds = {
            parameter_declaration: 'param',
            variable_declaration: 'var',
            resource_declaration: 'resource',
            module_declaration: 'module',
            output_declaration: 'output',
            user_defined_function: 'func',
        };
        const kind = kinds[stmt.type];
        if (!kind)
            return;
        const name = kind === 'func' ? (field(stmt, 'name')?.text ?? '') : identifierOf(stmt);
        const key = parent ? `${parent}::${name}` : name;
        const decl = { kind, name, node: stmt, parent };
        this.decls.set(kind === 'output' ? `output ${key}` : key, decl);
        // Nested child resources may be referred to by their plain name inside the parent as well.
        if (parent && !this.decls.has(name))
            this.decls.set(name, decl);
        if (kind === 'resource') {
            const body = valueAfterEquals(stmt);
            const obj = body?.type === 'object' ? body : body ? kids(body).find((k) => k.type === 'object') : undefined;
            for (const prop of obj ? kids(obj) : [])
                for (const inner of kids(prop))
                    if (inner.type === 'resource_declaration')
                        this.collect(inner, key);
        }
    }
    /** Evaluates every resource and module (emitting resources into the context). */
    run() {
        for (const [key, d] of this.decls)
            if (d.kind === 'resource' || d.kind === 'module')
                this.symbol(key);
    }
    outputs() {
        if (this.outputCache)
            return this.outputCache;
        const out = {};
        for (const [key, d] of this.decls) {
            if (d.kind !== 'output')
                continue;
            const site = this.origin(d.node);
            const expr = valueAfterEquals(d.node);
            out[key.slice('output '.length)] =
                expr && !broken(d.node)
                    ? toV(this.expressions.ev(expr, { site }), { site })
                    : (0,value_tree/* unknownNode */.fn)(d.name, 'syntax error in the output declaration', site);
        }
        this.outputCache = out;
        return out;
    }
    // ---- declarations --------------------------------------------------------------------------------
    declaration(key) {
        return this.decls.get(key);
    }
    /** The value or symbol of a declaration, evaluated once. */
    symbol(key) {
        // Keyed by declaration: a nested resource is reachable as `parent::child` and as `child`.
        const d = this.decls.get(key);
        const cached = this.cache.get(d);
        const site = this.origin(d.node);
        if (cached === IN_PROGRESS)
            return (0,value_tree/* unknownNode */.fn)(key, 'circular reference', site);
        if (cached !== undefined)
            return cached;
        this.cache.set(d, IN_PROGRESS);
        let v;
        try {
            v = this.declare(d, site);
        }
        finally {
            this.cache.delete(d);
        }
        this.cache.set(d, v);
        return v;
    }
    declare(d, site) {
        const env = { site };
        if (broken(d.node) && d.kind !== 'resource' && d.kind !== 'module')
            return (0,value_tree/* unknownNode */.fn)(d.name, 'syntax error in the declaration', site);
        switch (d.kind) {
            case 'param': {
                const given = this.inputs.get(d.name);
                if (given)
                    return given;
                if (this.missingReason)
                    return (0,value_tree/* unknownNode */.fn)(d.name, this.missingReason, site);
                const def = valueAfterEquals(d.node);
                if (def)
                    return toV(this.expressions.ev(def, env), env);
                // A parameter of a nullable type (`param lock lockType?`) that nobody sets is null.
                const type = kids(d.node).find((k) => k.type === 'type');
                if (type && this.file.text[type.endIndex - 1] === '?')
                    return vNull(site);
                return (0,value_tree/* unknownNode */.fn)(d.name, `parameter ${d.name} has no value (no default, no parameter file)`, site);
            }
            case 'var': {
                const expr = valueAfterEquals(d.node);
                return expr
                    ? this.expressions.ev(expr, env)
                    : (0,value_tree/* unknownNode */.fn)(d.name, 'syntax error in the declaration', site);
            }
            case 'resource':
                return this.resourceDecl(d, env);
            case 'module':
                return this.moduleDecl(d, env);
            default:
                return (0,value_tree/* unknownNode */.fn)(d.name, `${d.kind} ${d.name} is not a value`, site);
        }
    }
    /** Iterates the instances of a resource or module body: plain, `if (...)`, or `[for ...]`. */
    instances(body, env, address, build) {
        if (body.type === 'object')
            return { single: build(body, env, address, true) };
        if (body.type === 'if_statement') {
            const [condNode, obj] = kids(body);
            const cond = toV(this.expressions.ev(condNode, env), env);
            if (cond.kind === 'bool')
                return { single: build(obj, env, address, cond.value) };
            const diagnosticsBefore = this.ctx.diagnostics.length;
            const resourcesBefore = this.ctx.resources.length;
            const single = build(obj, env, address, true);
            // What this declaration deployed (itself, its nested children, a module's resources; not another
            // declaration it referred to and so evaluated meanwhile) exists only if the condition holds.
            const own = this.ctx.resources
                .slice(resourcesBefore)
                .filter((r) => r.address === address ||
                [`${address}::`, `${address}.`, `${address}[`].some((a) => r.address.startsWith(a)));
            const why = cond.kind === 'unknown' ? (cond.reason ?? 'computed') : 'not a boolean';
            const text = condNode.text.replace(/^\(([\s\S]*)\)$/, '$1').trim();
            const condition = (0,value/* unknown */.L5)(text, `its condition ${text} cannot be evaluated (${why})`, this.origin(condNode));
            for (const r of own)
                r.condition ??= condition;
            // Only a condition that decides whether something the model judges exists is worth a notice:
            // not one of a lock, a role assignment, or a module deploying only such things.
            if (own.some((r) => (0,arm_shapes/* isModelledArmType */.Tg)(r.armType)))
                this.ctx.diagnostics.splice(diagnosticsBefore, 0, {
                    ruleId: 'KMS011',
                    origin: this.origin(condNode),
                    message: `${address}: the condition ${condNode.text} cannot be evaluated (${cond.kind === 'unknown' ? cond.reason : 'not a boolean'}); judged as if deployed, except where being deployed could let KMS through (README: conditions)`,
                    expression: condNode.text,
                });
            return { single };
        }
        if (body.type === 'for_statement') {
            const items = this.expressions.loop(body, env, (inner, loopEnv, i) => {
                const r = this.instances(inner, loopEnv, `${address}[${i}]`, build);
                return r.single;
            });
            if (!Array.isArray(items))
                return { unknownList: items };
            return { list: items };
        }
        return { unknownList: (0,value_tree/* unknownNode */.fn)(body.text, 'unsupported declaration body', this.origin(body)) };
    }
    resourceDecl(d, env) {
        const node = d.node;
        const typeText = literalString(kids(node).find((k) => k.type === 'string'));
        const body = valueAfterEquals(node);
        const site = this.origin(node);
        if (typeText === undefined || !body)
            return (0,value_tree/* unknownNode */.fn)(d.name, broken(node) ? 'syntax error in the declaration' : 'resource type not literal', site);
        let parentInst;
        let parentUnknown;
        if (d.parent) {
            const p = this.symbol(d.parent);
            if (!isSym(p) || p.sym !== 'resource')
                parentUnknown = (0,value_tree/* unknownNode */.fn)(d.parent, 'parent resource is not a single resource', site);
            else
                parentInst = p.r;
        }
        const at = typeText.indexOf('@');
        const ownType = at >= 0 ? typeText.slice(0, at) : typeText;
        const armType = parentInst ? `${parentInst.armType}/${ownType}` : ownType;
        const apiVersion = at >= 0 ? typeText.slice(at + 1) : parentInst?.apiVersion;
        const existing = hasToken(node, 'existing');
        const address = `${this.prefix}${d.parent ? `${d.parent}::` : ''}${d.name}`;
        const r = this.instances(body, env, address, (obj, e, addr, deployed) => this.buildResource(obj, e, addr, {
            armType,
            apiVersion,
            existing,
            deployed: deployed && !broken(node),
            parent: parentInst,
            parentUnknown,
            origin: site,
        }));
        if (broken(node) && !this.ctx.reported.has(this.file.path))
            this.reportSyntax();
        if (r.single)
            return { sym: 'resource', r: r.single };
        // A loop over a collection not known builds no instance: say so rather than judge a network without them.
        if (r.unknownList && (0,arm_shapes/* isModelledArmType */.Tg)(armType)) {
            this.ctx.diagnostics.push({
                ruleId: 'KMS011',
                origin: site,
                message: `${address}: the instances of this loop cannot be evaluated (${r.unknownList.reason}); its resources are not judged`,
                expression: r.unknownList.expression,
            });
            // Any number of them, each maybe a resource the scan declares (a PUT replaces it) or a child of one.
            if ((0,may_change/* mayChangePaths */.SX)(armType) && !existing)
                this.unread(address, `it loops over a collection that cannot be evaluated (${r.unknownList.reason}); any number of ${armType} resources`, site, this.ownScope().subscription, 'loop');
        }
        return { sym: 'resources', list: r.list ?? r.unknownList, expression: d.name };
    }
    buildResource(obj, env, address, o) {
        const special = {};
        const body = this.expressions.evalObject(obj, env, ['parent', 'scope', 'dependsOn'], special);
        const ownName = (0,value_tree/* memberCI */.bG)(body, 'name') ?? (0,value_tree/* unknownNode */.fn)(`${address}.name`, 'name not set', o.origin);
        let parent = o.parent;
        let parentValue;
        if (special.parent) {
            const p = this.expressions.ev(special.parent, { ...env, site: this.origin(special.parent) });
            if (isSym(p) && p.sym === 'resource')
                parent = p.r;
            else
                parentValue = toValue(toV(p, env), o.origin, 'parent');
        }
        else if (o.parentUnknown)
            parentValue = toValue(o.parentUnknown, o.origin, 'parent');
        const name = parent ? joinNames(parent.name, ownName, o.origin) : ownName;
        const collection = o.armType.split('/').pop();
        // An existing resource named by a declared resource's name is that resource, even when the name
        // itself is only known at deployment.
        const declared = o.existing && !parent && ownName.kind === 'unknown' && ownName.ref?.attribute === 'name'
            ? ownName.ref.resource
            : undefined;
        const id = declared ??
            (parent && ownName.kind === 'string'
                ? `${parent.id}/${collection}/${ownName.value}`
                : `${this.ctx.idPrefix}${address}`);
        const inst = {
            id,
            address,
            armType: o.armType,
            apiVersion: o.apiVersion,
            name,
            ownName,
            body,
            existing: o.existing,
            origin: o.origin,
        };
        if (declared !== undefined)
            inst.declared = declared;
        const where = special.scope ? this.scopeOf(special.scope, env) : this.ownScope();
        const rg = where.resourceGroup;
        if (rg !== undefined)
            inst.resourceGroup = rg;
        if (o.existing || !o.deployed)
            return inst;
        if (/^microsoft\.resources\/deployments$/i.test(o.armType)) {
            // A telemetry deployment (an empty inline template) cannot change a path: not worth naming.
            if (!inlineMayDeployModelled(body))
                return inst;
            if (this.inlineDeployment(body, address, where, this.scopeBeyond(special.scope)))
                return inst;
            this.unread(address, deploymentResourceWhy(body), o.origin, where.subscription ?? this.scopeBeyond(special.scope));
            return inst;
        }
        const out = {
            armType: o.armType,
            name: toValue(name, o.origin, 'name'),
            body,
            id,
            address,
            origin: o.origin,
            format: 'bicep',
        };
        if (o.apiVersion)
            out.apiVersion = o.apiVersion;
        if (rg !== undefined)
            out.resourceGroup = (0,value/* known */.eO)(rg, o.origin);
        if (where.subscription !== undefined)
            out.subscription = where.subscription;
        if (this.ctx.variant !== undefined)
            out.variant = this.ctx.variant;
        // An existing parent whose name is not known is not some resource of the scan: it may be any of them.
        if (parent?.existing && providerId(parent) === parent.id && parent.declared === undefined)
            out.parent = toValue(parent.name, o.origin, 'parent');
        else if (parent)
            out.parent = (0,value/* known */.eO)(parent.existing ? providerId(parent) : parent.id, o.origin);
        else if (parentValue)
            out.parent = parentValue;
        const after = [];
        if (special.dependsOn?.type === 'array')
            after.push(...kids(special.dependsOn).flatMap((k) => depIds(this.expressions.ev(k, env))));
        // A reference to another resource is a dependency too (Bicep adds it to `dependsOn`). Only a
        // deployment script's order matters to the model (Virtual Network Manager commits replace each other).
        if (/^microsoft\.resources\/deploymentscripts$/i.test(o.armType))
            after.push(...this.referenced(obj));
        if (after.length)
            out.dependsOn = [...new Set(after)];
        this.ctx.resources.push(out);
        return inst;
    }
    /**
     * A `Microsoft.Resources/deployments` resource with its template written inline: evaluated by the ARM
     * template walker as ARM evaluates a nested deployment (src/sources/arm/embedded.ts), its resources
     * judged like the template's own. With `expressionEvaluationOptions.scope: 'inner'` its `parameters()` are
     * the values passed in `properties.parameters`; with the default outer scope they and `variables()` name
     * the compiled template's, which the scan does not rebuild: unknown, said so. Where it deploys: its
     * `subscriptionId` / `resourceGroup` (one the scan cannot evaluate: any subscription), else the
     * declaration's scope. false when the template cannot be read (named as not read by the caller).
     */
    inlineDeployment(body, address, where, beyond) {
        const props = body.kind === 'object' ? (0,value_tree/* memberCI */.bG)(body, 'properties') : undefined;
        const template = props?.kind === 'object' ? (0,value_tree/* memberCI */.bG)(props, 'template') : undefined;
        if (props?.kind !== 'object' || template?.kind !== 'object')
            return false;
        const options = (0,value_tree/* memberCI */.bG)(props, 'expressionEvaluationOptions');
        const scope = options?.kind === 'object' ? (0,value_tree/* memberCI */.bG)(options, 'scope') : undefined;
        const inner = scope?.kind === 'string' && scope.value.toLowerCase() === 'inner';
        const parameters = new Map();
        let unsupplied;
        if (inner) {
            const given = (0,value_tree/* memberCI */.bG)(props, 'parameters');
            if (given?.kind === 'unknown')
                unsupplied = `the deployment's parameters are not known (${given.reason})`;
            else if (given?.kind === 'object')
                for (const [k, p] of Object.entries(given.attrs)) {
                    const value = p.kind === 'object' ? (0,value_tree/* memberCI */.bG)(p, 'value') : undefined;
                    const reference = p.kind === 'object' && (0,value_tree/* memberCI */.bG)(p, 'reference') !== undefined;
                    parameters.set(k.toLowerCase(), p.kind === 'unknown'
                        ? p
                        : (value ??
                            (0,value_tree/* unknownNode */.fn)(`parameters.${k}`, reference
                                ? `parameter "${k}" is a Key Vault reference, resolved at deployment`
                                : `parameter "${k}" is passed without a value`, p.origin)));
                }
            if ((0,value_tree/* memberCI */.bG)(props, 'parametersLink') !== undefined)
                unsupplied = 'set by a parameters file linked by URI, which is not followed';
        }
        // The deployment's own target, as ARM reads `subscriptionId` and `resourceGroup` on a deployment.
        const own = (k) => {
            const v = body.kind === 'object' ? (0,value_tree/* memberCI */.bG)(body, k) : undefined;
            return v === undefined ? undefined : v.kind === 'string' ? v.value : null;
        };
        const sub = own('subscriptionId');
        const rg = own('resourceGroup');
        const subscription = sub === undefined ? where.subscription : (sub?.toLowerCase() ?? undefined);
        const resourceGroup = rg === undefined && sub === undefined ? where.resourceGroup : (rg ?? undefined);
        const stated = sub === null ? 'any' : (subscription ?? beyond);
        const result = (0,embedded/* evaluateEmbeddedTemplate */.o)({
            template: { value: template, site: template.origin },
            parameters,
            ...(unsupplied !== undefined ? { unsupplied } : {}),
            cloud: this.ctx.cloud,
            idBase: `${this.ctx.idPrefix}${address}`,
            prefix: `${address}::`,
            target: {
                ...(resourceGroup !== undefined ? { resourceGroup } : {}),
                ...(subscription !== undefined ? { subscriptionId: subscription } : {}),
                ...(stated !== undefined ? { stated } : {}),
            },
        });
        if (result.error !== undefined)
            return false;
        for (const r of result.resources) {
            const out = { ...r, format: 'bicep' };
            if (this.ctx.variant !== undefined)
                out.variant = this.ctx.variant;
            this.ctx.resources.push(out);
        }
        this.ctx.diagnostics.push(...result.diagnostics);
        this.ctx.unread.push(...result.unread);
        return true;
    }
    /** The model ids of the resources and modules of this template an expression refers to by name. */
    referenced(node) {
        const out = [];
        const walk = (n) => {
            if (n.type === 'identifier') {
                const d = this.decls.get(n.text);
                if (d && (d.kind === 'resource' || d.kind === 'module'))
                    out.push(...depIds(this.symbol(n.text)));
                return;
            }
            if (n.type === 'member_expression') {
                const object = field(n, 'object');
                if (object)
                    walk(object);
                return;
            }
            const children = kids(n);
            // A property name and a called function's name are not references.
            const skip = n.type === 'object_property' || n.type === 'call_expression' ? children[0] : undefined;
            for (const k of children)
                if (k !== skip || k.type !== 'identifier')
                    walk(k);
        };
        walk(node);
        return out;
    }
    moduleDecl(d, env) {
        const node = d.node;
        const source = literalString(kids(node).find((k) => k.type === 'string'));
        const body = valueAfterEquals(node);
        const site = this.origin(node);
        if (source === undefined || !body || broken(node)) {
            if (broken(node))
                this.reportSyntax();
            return (0,value_tree/* unknownNode */.fn)(d.name, broken(node) ? 'syntax error in the declaration' : 'module path not literal', site);
        }
        const address = `${this.prefix}${d.name}`;
        const r = this.instances(body, env, address, (obj, e, addr, deployed) => this.buildModule(obj, e, addr, source, deployed, site));
        if (r.single)
            return { sym: 'module', m: r.single };
        if (r.unknownList)
            this.unknownModuleLoop(body, env, address, source, site, r.unknownList);
        return { sym: 'modules', list: r.list ?? r.unknownList, expression: d.name };
    }
    /**
     * A module loop over a collection the scan cannot see deploys an unknown number of instances. One
     * instance is built with the loop variable unknown, only to learn what the module deploys, then taken
     * back: if that includes anything the model judges (or cannot be read), the loop is named, never dropped.
     */
    unknownModuleLoop(body, env, address, source, site, why) {
        const head = field(body, 'variable');
        const inner = field(body, 'body');
        const resources = this.ctx.resources.length;
        const diagnostics = this.ctx.diagnostics.length;
        const unreadBefore = this.ctx.unread.length;
        const types = new Set();
        let paths = false;
        let parts = false;
        let unread = false;
        if (head && inner) {
            const locals = new Map(env.locals ?? []);
            const names = head.type === 'for_loop_parameters'
                ? kids(head)
                    .filter((k) => k.type === 'loop_variable' || k.type === 'loop_enumerator')
                    .map((k) => k.text)
                : [head.text];
            for (const n of names)
                locals.set(n, derived(n, why, site));
            try {
                this.instances(inner, { ...env, locals }, `${address}[*]`, (obj, e, addr, deployed) => this.buildModule(obj, e, addr, source, deployed, site));
            }
            catch {
                unread = true;
            }
            for (const r of this.ctx.resources.slice(resources))
                if ((0,arm_shapes/* isModelledArmType */.Tg)(r.armType)) {
                    types.add(r.armType.split('/').pop());
                    paths ||= (0,may_change/* mayChangePaths */.SX)(r.armType);
                }
            parts = this.ctx.unread.length > unreadBefore;
            unread ||= parts;
            unread ||= this.ctx.diagnostics.slice(diagnostics).some((x) => /not evaluated/.test(x.message));
            // Syntax errors are reported once per file: keep those, drop the rest of the trial.
            const kept = this.ctx.diagnostics.slice(diagnostics).filter((x) => x.ruleId === 'KMS012');
            this.ctx.resources.length = resources;
            this.ctx.diagnostics.length = diagnostics;
            this.ctx.unread.length = unreadBefore;
            this.ctx.diagnostics.push(...kept);
        }
        if (types.size === 0 && !unread)
            return;
        const what = types.size > 0
            ? `the ${[...types].sort().join(', ')} it deploys are`
            : `what it deploys (module ${source} is not evaluated) is`;
        this.ctx.diagnostics.push({
            ruleId: 'KMS011',
            origin: site,
            message: `${address}: this module loop runs over a collection that cannot be evaluated (${why.reason}), so ${what} not judged for any instance. Give the collection a value the scan can see (a parameter default or a .bicepparam / parameters file).`,
            expression: why.expression,
        });
        // Any number of instances, each of which may change the network of its scope: named, not dropped.
        if (paths || parts)
            this.unread(address, `it loops over a collection that cannot be evaluated (${why.reason}); ${what} not judged for any instance`, site, this.ownScope().subscription, 'loop');
    }
    buildModule(obj, env, address, source, deployed, site) {
        const special = {};
        const body = this.expressions.evalObject(obj, env, ['scope', 'dependsOn'], special);
        const name = (0,value_tree/* memberCI */.bG)(body, 'name') ?? (0,value_tree/* unknownNode */.fn)(`${address}.name`, 'deployment name not set', site);
        const where = special.scope ? this.scopeOf(special.scope, env) : this.ownScope();
        const paramsV = (0,value_tree/* memberCI */.bG)(body, 'params');
        const params = new Map();
        if (paramsV?.kind === 'object')
            for (const [k, v] of Object.entries(paramsV.attrs))
                params.set(k, v);
        const notDeployed = (0,value_tree/* unknownNode */.fn)(`${address}.outputs`, 'module not deployed (its condition is false)', site);
        if (!deployed)
            return { address, name, outputs: {}, outputsUnknown: notDeployed };
        if (paramsV?.kind === 'unknown')
            return { address, name, outputs: {}, outputsUnknown: derived(`${address}.outputs`, paramsV, site) };
        if (/^(br[:/]|ts[:/])/i.test(source)) {
            const avm = avmModuleKind(source);
            if (avm) {
                const res = evaluateAvmModule(avm, params, { address, origin: site, ctx: this.ctx });
                return { address, name, outputs: res.outputs };
            }
            if (avmCannotDecideKms(source))
                return {
                    address,
                    name,
                    outputs: {},
                    outputsUnknown: (0,value_tree/* unknownNode */.fn)(`${address}.outputs`, 'registry module output', site),
                };
            const why = unmappedAvmPattern(source, params) ??
                `${/^ts[:/]/i.test(source) ? 'template spec' : 'registry'} module ${source} is not evaluated; its resources are not in the model and its outputs are unknown`;
            this.ctx.diagnostics.push({
                ruleId: 'KMS011',
                origin: site,
                message: `${address}: ${why}`,
                expression: source,
            });
            if (!avmChangesOwnNetworkOnly(source) && !unmappedAvmPatternListed(source, params))
                this.unread(address, why, site, where.subscription ?? this.scopeBeyond(special.scope));
            return {
                address,
                name,
                outputs: {},
                outputsUnknown: (0,value_tree/* unknownNode */.fn)(`${address}.outputs`, 'registry module output', site),
            };
        }
        const file = external_node_path_.resolve(external_node_path_.dirname(this.file.path), source);
        const parsed = this.ctx.files.get(file);
        if (!parsed || this.stack.includes(file)) {
            const why = parsed ? 'the module calls itself' : 'the module file is not among the scanned files';
            this.ctx.diagnostics.push({
                ruleId: 'KMS011',
                origin: site,
                message: `${address}: local module ${source} is not evaluated (${why})`,
                expression: source,
            });
            this.unread(address, `local module ${source} is not evaluated (${why})`, site, where.subscription ?? this.scopeBeyond(special.scope));
            return { address, name, outputs: {}, outputsUnknown: (0,value_tree/* unknownNode */.fn)(`${address}.outputs`, why, site) };
        }
        if (parsed.syntaxError && !this.ctx.reported.has(parsed.path)) {
            this.ctx.reported.add(parsed.path);
            this.ctx.diagnostics.push({ ruleId: 'KMS012', ...parsed.syntaxError });
        }
        const child = new Template(this.ctx, parsed, params, `${address}.`, [...this.stack, this.file.path], undefined, where.resourceGroup, where.subscription);
        child.run();
        return { address, name, outputs: child.outputs() };
    }
    /** Where this instance deploys: its resource group and subscription, as far as its caller said. */
    ownScope() {
        return {
            ...(this.resourceGroup !== undefined ? { resourceGroup: this.resourceGroup } : {}),
            ...(this.subscription !== undefined ? { subscription: this.subscription } : {}),
        };
    }
    /**
     * The resource group and subscription a `scope:` names: `resourceGroup('rg-hub')` gives the group (in
     * this instance's subscription), `resourceGroup('<subscription>', 'rg-hub')` both, `subscription('<id>')`
     * the subscription alone; `resourceGroup()` is this instance's own scope; anything else (a name known
     * only at deployment) leaves them unknown.
     */
    scopeOf(scope, env) {
        const text = scope.text.trim();
        if (/^resourceGroup\(\s*\)$/.test(text))
            return this.ownScope();
        const v = toV(this.expressions.ev(scope, { ...env, site: this.origin(scope) }), env);
        const field = (k) => {
            const a = v.kind === 'object' ? (0,value_tree/* memberCI */.bG)(v, k) : undefined;
            return a?.kind === 'string' ? a.value : undefined;
        };
        if (/^resourceGroup\(/i.test(text)) {
            const rg = field('name');
            if (rg === undefined)
                return {};
            const stated = /^\/subscriptions\/([^/]+)\//i.exec(field('id') ?? '')?.[1]?.toLowerCase();
            const sub = stated ?? this.subscription;
            return { resourceGroup: rg, ...(sub !== undefined ? { subscription: sub } : {}) };
        }
        if (/^subscription\(/i.test(text)) {
            const sub = /^subscription\(\s*\)$/i.test(text)
                ? this.subscription
                : field('subscriptionId')?.toLowerCase();
            return sub !== undefined ? { subscription: sub } : {};
        }
        return {};
    }
    /** A part the scan does not read or cannot place, for src/sources/mapping/may-change.ts. */
    unread(what, why, origin, subscription, kind) {
        this.ctx.unread.push({
            what,
            why,
            origin,
            ...(subscription !== undefined ? { subscription } : {}),
            ...(kind !== undefined ? { kind } : {}),
        });
    }
    /**
     * A `scope:` beyond one subscription the scan can name: a management group, the tenant, or a
     * subscription it cannot evaluate ('any'); undefined for a resource group scope (same subscription).
     */
    scopeBeyond(scope) {
        const text = scope?.text.trim();
        return text !== undefined &&
            /^(managementGroup|tenant|subscription)\(/i.test(text) &&
            !/^subscription\(\s*\)$/i.test(text)
            ? 'any'
            : undefined;
    }
    reportSyntax() {
        if (!this.file.syntaxError || this.ctx.reported.has(this.file.path))
            return;
        this.ctx.reported.add(this.file.path);
        this.ctx.diagnostics.push({ ruleId: 'KMS012', ...this.file.syntaxError });
    }
}
/** The full ARM name of a child resource: `<parent name>/<own name>`. */
function joinNames(parent, own, origin) {
    if (parent.kind === 'string' && own.kind === 'string')
        return vStr(`${parent.value}/${own.value}`, own.origin);
    const u = parent.kind === 'unknown' ? parent : own.kind === 'unknown' ? own : undefined;
    return u
        ? derived(`${(0,value_tree/* render */.XX)(parent)}/${(0,value_tree/* render */.XX)(own)}`, u, origin)
        : (0,value_tree/* unknownNode */.fn)(`${(0,value_tree/* render */.XX)(parent)}/${(0,value_tree/* render */.XX)(own)}`, 'name is not a string', origin);
}
/**
 * Could a `Microsoft.Resources/deployments` resource put something the model judges in place? No only when
 * its template is written inline and every resource in it (and in templates nested in it) has a literal
 * type the model has no place for.
 */
function inlineMayDeployModelled(body) {
    const props = body.kind === 'object' ? (0,value_tree/* memberCI */.bG)(body, 'properties') : undefined;
    const template = props?.kind === 'object' ? (0,value_tree/* memberCI */.bG)(props, 'template') : undefined;
    const may = (resource) => {
        const type = resource.kind === 'object' ? (0,value_tree/* memberCI */.bG)(resource, 'type') : undefined;
        if (type?.kind !== 'string' || type.value.startsWith('[') || (0,arm_shapes/* isModelledArmType */.Tg)(type.value))
            return true;
        const nested = resource.kind === 'object' ? (0,value_tree/* memberCI */.bG)(resource, 'resources') : undefined;
        if (nested !== undefined && resourcesOf(nested).some(may))
            return true;
        return /^microsoft\.resources\/deployments$/i.test(type.value) && inlineMayDeployModelled(resource);
    };
    const resources = template?.kind === 'object' ? (0,value_tree/* memberCI */.bG)(template, 'resources') : undefined;
    if (template?.kind !== 'object' ||
        (resources !== undefined && resources.kind !== 'list' && resources.kind !== 'object'))
        return true;
    return resources !== undefined && resourcesOf(resources).some(may);
}
/** The resources of a template's `resources`: an array, or an object of symbolic names. */
const resourcesOf = (v) => v.kind === 'list' ? v.items : v.kind === 'object' ? Object.values(v.attrs) : [v];
/** Why a `Microsoft.Resources/deployments` resource is not read: Bicep writes nested deployments as modules. */
function deploymentResourceWhy(body) {
    const props = body.kind === 'object' ? (0,value_tree/* memberCI */.bG)(body, 'properties') : undefined;
    const link = props?.kind === 'object' ? (0,value_tree/* memberCI */.bG)(props, 'templateLink') : undefined;
    const uri = link?.kind === 'object' ? ((0,value_tree/* memberCI */.bG)(link, 'uri') ?? (0,value_tree/* memberCI */.bG)(link, 'id')) : undefined;
    const where = uri?.kind === 'string' ? ` (${uri.value})` : uri ? ` (${(0,value_tree/* render */.XX)(uri)})` : '';
    return link
        ? `its template is linked${where}, which the scan does not follow`
        : 'its inline template is not an object the scan can read';
}

;// CONCATENATED MODULE: ./src/sources/bicep/lexer.ts
/**
 * Bicep tokens, after the Bicep compiler's own lexer (Azure/bicep src/Bicep.Core/Parsing/Lexer.cs):
 * strings are lexed whole, so `'//'` is a string and never a comment; an interpolated string is split
 * into pieces around its holes (`'a${` \u2026 `}b${` \u2026 `}c'`); a run of line breaks (with the blank lines and
 * comments between them) is one `nl` token, since Bicep statements and object members end at line breaks.
 * Hand-written: no npm package lexes Bicep. One pass over the text, so the cost is linear in its size.
 */
// Longest first, so `=>` wins over `=`.
const PUNCT3 = ['...'];
const PUNCT2 = ['??', '::', '!=', '!~', '<=', '>=', '==', '=~', '=>', '&&', '||'];
const PUNCT1 = '{}()[]@,.?:+-%*/^!<>=|';
const isIdStart = (c) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isDigit = (c) => c >= 48 && c <= 57;
const isIdPart = (c) => isIdStart(c) || isDigit(c);
function lex(text) {
    const tokens = [];
    const stack = [];
    const n = text.length;
    let i = 0;
    let line = 0;
    let lineStart = 0;
    // Whether the next token is the first of its line (only whitespace or comments before it).
    let firstOnLine = true;
    // Whether the token being scanned is the first of its line and in column 0.
    let atLineStart = false;
    const push = (kind, start, tokenText, startLine, error) => {
        const t = { kind, text: tokenText, start, end: i, line: startLine, endLine: line, atLineStart };
        if (error)
            t.error = error;
        tokens.push(t);
        firstOnLine = false;
    };
    const newline = (at) => {
        // `\r\n`, `\n` and a lone `\r` each end a line.
        if (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10)
            at++;
        line++;
        lineStart = at + 1;
        return at + 1;
    };
    /** Scans a `'\u2026'` string piece from `i` (after its opening `'` or `}`); returns its kind. */
    const stringPiece = (first) => {
        while (i < n) {
            const c = text.charCodeAt(i);
            if (c === 10 || c === 13)
                return { kind: 'bad', error: 'unterminated string (a line break inside quotes)' };
            i++;
            if (c === 39)
                return { kind: first ? 'str' : 'strR' };
            if (c === 36 && text.charCodeAt(i) === 123) {
                i++;
                stack.push({ kind: 'hole' });
                return { kind: first ? 'strL' : 'strM' };
            }
            if (c === 92 && i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13)
                i++;
        }
        return { kind: 'bad', error: 'unterminated string at the end of the file' };
    };
    /** Scans a multi-line string piece from `i` (after `'''` or `}`); `dollars` > 0 allows holes. */
    const multilinePiece = (first, dollars) => {
        while (i < n) {
            const c = text.charCodeAt(i);
            if (c === 39) {
                let quotes = 0;
                while (text.charCodeAt(i) === 39) {
                    i++;
                    quotes++;
                }
                if (quotes >= 3)
                    return { kind: first ? 'mstr' : 'mstrR' };
                continue;
            }
            if (c === 36 && dollars > 0) {
                let run = 0;
                while (text.charCodeAt(i) === 36) {
                    i++;
                    run++;
                }
                if (run >= dollars && text.charCodeAt(i) === 123) {
                    i++;
                    stack.push({ kind: 'mhole', dollars });
                    return { kind: first ? 'mstrL' : 'mstrM' };
                }
                continue;
            }
            if (c === 10 || c === 13) {
                i = newline(i);
                continue;
            }
            i++;
        }
        return { kind: 'bad', error: "unterminated multi-line string (no closing ''')" };
    };
    while (i < n) {
        const c = text.charCodeAt(i);
        // Whitespace and comments.
        if (c === 32 || c === 9 || c === 0xfeff) {
            i++;
            continue;
        }
        if (c === 10 || c === 13) {
            const start = i;
            const startLine = line;
            // Inside a string hole a line break ends the string: Bicep reports it there.
            if (stack.length > 0 && stack[stack.length - 1].kind !== 'brace') {
                stack.length = 0;
                atLineStart = false;
                push('bad', start, '', startLine, 'unterminated string (a line break inside an interpolation)');
            }
            i = newline(i);
            if (tokens.length > 0 && tokens[tokens.length - 1].kind !== 'nl') {
                tokens.push({
                    kind: 'nl',
                    text: '\n',
                    start,
                    end: i,
                    line: startLine,
                    endLine: startLine,
                    atLineStart: false,
                });
            }
            firstOnLine = true;
            continue;
        }
        if (c === 47 && text.charCodeAt(i + 1) === 47) {
            while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13)
                i++;
            continue;
        }
        if (c === 47 && text.charCodeAt(i + 1) === 42) {
            const start = i;
            const startLine = line;
            const startOfLine = lineStart;
            i += 2;
            let closed = false;
            while (i < n) {
                const d = text.charCodeAt(i);
                if (d === 42 && text.charCodeAt(i + 1) === 47) {
                    i += 2;
                    closed = true;
                    break;
                }
                if (d === 10 || d === 13)
                    i = newline(i);
                else
                    i++;
            }
            if (!closed) {
                atLineStart = firstOnLine && start === startOfLine;
                push('bad', start, '/*', startLine, 'unterminated comment (no closing */)');
            }
            continue;
        }
        // `#disable-next-line BCP\u2026` and its kin: directives for the Bicep linter, read as comments.
        if (c === 35 && firstOnLine && isIdStart(text.charCodeAt(i + 1))) {
            while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13)
                i++;
            continue;
        }
        const start = i;
        const startLine = line;
        atLineStart = firstOnLine && start === lineStart;
        if (isIdStart(c)) {
            i++;
            while (i < n && isIdPart(text.charCodeAt(i)))
                i++;
            push('id', start, text.slice(start, i), startLine);
            continue;
        }
        if (isDigit(c)) {
            i++;
            while (i < n && isDigit(text.charCodeAt(i)))
                i++;
            push('int', start, text.slice(start, i), startLine);
            continue;
        }
        if (c === 39) {
            if (text.charCodeAt(i + 1) === 39 && text.charCodeAt(i + 2) === 39) {
                i += 3;
                const r = multilinePiece(true, 0);
                push(r.kind, start, '', startLine, r.error);
                continue;
            }
            i++;
            const r = stringPiece(true);
            push(r.kind, start, '', startLine, r.error);
            continue;
        }
        if (c === 36) {
            // `$'''\u2026'''`, `$$'''\u2026'''`: a multi-line string whose holes open with as many `$` before `{`.
            let dollars = 0;
            while (text.charCodeAt(i) === 36) {
                i++;
                dollars++;
            }
            if (text.startsWith("'''", i)) {
                i += 3;
                const r = multilinePiece(true, dollars);
                push(r.kind, start, '', startLine, r.error);
            }
            else
                push('bad', start, '$', startLine, 'unexpected character "$"');
            continue;
        }
        if (c === 123) {
            i++;
            if (stack.length > 0)
                stack.push({ kind: 'brace' });
            push('punct', start, '{', startLine);
            continue;
        }
        if (c === 125) {
            i++;
            const top = stack[stack.length - 1];
            if (top && top.kind !== 'brace') {
                stack.pop();
                const r = top.kind === 'hole' ? stringPiece(false) : multilinePiece(false, top.dollars);
                push(r.kind, start, '', startLine, r.error);
                continue;
            }
            if (top)
                stack.pop();
            push('punct', start, '}', startLine);
            continue;
        }
        const three = text.slice(i, i + 3);
        if (PUNCT3.includes(three)) {
            i += 3;
            push('punct', start, three, startLine);
            continue;
        }
        const two = text.slice(i, i + 2);
        if (PUNCT2.includes(two)) {
            i += 2;
            push('punct', start, two, startLine);
            continue;
        }
        i++;
        if (PUNCT1.includes(text[start]))
            push('punct', start, text[start], startLine);
        else if (c >= 0xd800 && c <= 0xdbff && i < n) {
            i++;
            push('bad', start, text.slice(start, i), startLine, `unexpected character "${text.slice(start, i)}"`);
        }
        else
            push('bad', start, text[start], startLine, `unexpected character ${JSON.stringify(text[start])}`);
    }
    tokens.push({ kind: 'eof', text: '', start: n, end: n, line, endLine: line, atLineStart: false });
    return tokens;
}

;// CONCATENATED MODULE: ./src/sources/bicep/parser.ts
/**
 * A recursive-descent Bicep parser over lexer.ts's tokens, after the Bicep compiler's own
 * (Azure/bicep src/Bicep.Core/Parsing/Parser.cs, BaseParser.cs, ParamsParser.cs). Hand-written: the
 * tree-sitter grammar it replaced read `'//'` as a comment, had no spread, typed variables, `extension`
 * without alias, postfix `!` or multi-line unions, got operator precedence wrong and scanned to the end
 * of the file for `'''` when recovering, which made parsing quadratic. No npm package parses Bicep.
 *
 * - Linear: every token is read once, except that a broken statement is read a second time to find
 *   where the next one starts.
 * - Bounded: nesting deeper than MAX_DEPTH (brackets, operators, member accesses) is a located syntax
 *   error, never a stack overflow.
 * - Recovering by statement: an error ends the statement it is in (kept as a node marked `hasError`, so
 *   the evaluator knows the name and skips it); parsing resumes at the next line that starts in column 0
 *   with a declaration keyword. Only the first error is reported.
 * - Lenient where that cannot change the reading of a valid file: a line break is accepted after a
 *   binary operator, after `?`/`:` of a conditional, after `,` and before `{` of a body.
 */


/** Deeper nesting than this is refused (real templates stay below 50). */
const MAX_DEPTH = 500;
class ParseError extends Error {
    line;
    constructor(message, line) {
        super(message);
        this.line = line;
    }
}
// Bicep's binary operators and their precedence (TokenTypeHelper.cs); all left-associative.
const PRECEDENCE = {
    '*': 100,
    '/': 100,
    '%': 100,
    '+': 90,
    '-': 90,
    '>': 80,
    '>=': 80,
    '<': 80,
    '<=': 80,
    '==': 70,
    '!=': 70,
    '=~': 70,
    '!~': 70,
    '&&': 50,
    '||': 40,
    '??': 30,
};
const STATEMENT_KEYWORDS = new Set([
    'targetScope',
    'metadata',
    'type',
    'param',
    'var',
    'func',
    'resource',
    'output',
    'module',
    'test',
    'import',
    'extension',
    'provider',
    'assert',
    'using',
    'extends',
    'extensionConfig',
]);
/** Keywords after which a line break does not continue a lambda body (Bicep's DeclarationKeywords). */
const DECLARATION_KEYWORDS = new Set([
    'assert',
    'import',
    'metadata',
    'param',
    'var',
    'resource',
    'output',
    'module',
    'type',
]);
/** A node under construction: children and fields are added as they are parsed. */
class Builder {
    type;
    start;
    startRow;
    kids = [];
    fields;
    tokens;
    constructor(type, start, startRow) {
        this.type = type;
        this.start = start;
        this.startRow = startRow;
    }
    add(n, fieldName) {
        this.kids.push(n);
        if (fieldName)
            (this.fields ??= {})[fieldName] = n;
        return n;
    }
    token(t) {
        ;
        (this.tokens ??= []).push(t);
    }
}
/** Parses a .bicep or .bicepparam file; never throws on bad input (the error is in `syntaxError`). */
function parseBicep(path, text) {
    const { root, error } = parseTokens(text);
    const parsed = { path, text, root };
    if (error) {
        parsed.syntaxError = {
            origin: { file: path, startLine: error.line + 1, endLine: error.line + 1 },
            message: `Bicep syntax error: ${error.message}`,
        };
    }
    return parsed;
}
function parseTokens(text) {
    return new Parser(text, lex(text)).program();
}
class Parser {
    text;
    toks;
    i = 0;
    depth = 0;
    /** End offset and line of the last token read: where a node being finished ends. */
    lastEnd = 0;
    lastLine = 0;
    /** The top-level statement being parsed, kept (marked broken) when it fails. */
    statement;
    constructor(text, toks) {
        this.text = text;
        this.toks = toks;
    }
    // ---- tokens --------------------------------------------------------------------------------------
    peek(ahead = 0) {
        return this.toks[Math.min(this.i + ahead, this.toks.length - 1)];
    }
    next() {
        const t = this.toks[this.i];
        if (t.kind === 'bad')
            throw new ParseError(t.error ?? 'unexpected input', t.line);
        if (t.kind !== 'eof')
            this.i++;
        this.lastEnd = t.end;
        this.lastLine = t.endLine;
        return t;
    }
    is(text, ahead = 0) {
        const t = this.peek(ahead);
        return t.kind === 'punct' && t.text === text;
    }
    isWord(word, ahead = 0) {
        const t = this.peek(ahead);
        return t.kind === 'id' && t.text === word;
    }
    /** Is the token after an optional line break this punctuation? */
    isAfterNl(text) {
        return this.is(text) || (this.peek().kind === 'nl' && this.is(text, 1));
    }
    skipNl() {
        if (this.peek().kind === 'nl')
            this.next();
    }
    fail(expected, t = this.peek()) {
        if (t.kind === 'bad')
            throw new ParseError(t.error ?? 'unexpected input', t.line);
        throw new ParseError(`expected ${expected}, found ${describe(t, this.text)}`, t.line);
    }
    expect(text, what = `"${text}"`) {
        if (!this.is(text))
            this.fail(what);
        return this.next();
    }
    expectWord(word) {
        if (!this.isWord(word))
            this.fail(`"${word}"`);
        return this.next();
    }
    enter() {
        if (++this.depth > MAX_DEPTH) {
            throw new ParseError(`nesting deeper than ${MAX_DEPTH} levels`, this.peek().line);
        }
    }
    leave() {
        this.depth--;
    }
    // ---- nodes ---------------------------------------------------------------------------------------
    begin(type, t = this.peek()) {
        return new Builder(type, t.start, t.line);
    }
    /** Finishes a node that ends with the last token read. */
    done(b) {
        const n = new Node(b.type, this.text, b.start, this.lastEnd, b.startRow, this.lastLine, b.kids);
        n.fields = b.fields;
        n.tokens = b.tokens;
        return n;
    }
    leaf(type, t) {
        return new Node(type, this.text, t.start, t.end, t.line, t.endLine, []);
    }
    /** A node starting where `from` starts (binary operands, postfix accesses). */
    around(type, from) {
        return new Builder(type, from.startIndex, from.startRow);
    }
    // ---- program and statements -----------------------------------------------------------------------
    program() {
        const root = new Builder('infrastructure', 0, 0);
        let error;
        for (;;) {
            this.skipNl();
            if (this.peek().kind === 'eof')
                break;
            const first = this.i;
            this.statement = undefined;
            try {
                const stmt = this.topLevel();
                if (stmt)
                    root.add(stmt);
                if (this.peek().kind !== 'nl' && this.peek().kind !== 'eof')
                    this.fail('a line break after the statement');
            }
            catch (e) {
                if (!(e instanceof ParseError))
                    throw e;
                error ??= { message: e.message, line: e.line };
                if (this.statement) {
                    const broken = this.done(this.statement);
                    broken.hasError = true;
                    root.add(broken);
                }
                this.resync(first);
            }
        }
        const n = this.done(root);
        return error ? { root: n, error } : { root: n };
    }
    /**
     * Moves to the first statement keyword in column 0 after the start of the broken statement (not after
     * the error: a statement left open, like an object missing its `}`, may have read the next ones).
     */
    resync(first) {
        this.depth = 0;
        let j = first + 1;
        while (j < this.toks.length - 1 && !this.startsStatement(j))
            j++;
        this.i = j;
    }
    /** Does a top-level statement start at token j (a keyword in column 0 followed by a name or string)? */
    startsStatement(j) {
        const t = this.toks[j];
        if (!t.atLineStart)
            return false;
        if (t.kind === 'punct')
            return t.text === '@';
        if (t.kind !== 'id' || !STATEMENT_KEYWORDS.has(t.text))
            return false;
        const after = this.toks[j + 1];
        return (after.kind === 'id' ||
            after.kind === 'str' ||
            after.kind === 'strL' ||
            (after.kind === 'punct' && '={*'.includes(after.text)));
    }
    decorators() {
        while (this.is('@')) {
            this.next();
            this.member();
            this.skipNl();
        }
    }
    /** One top-level statement; undefined for those the evaluator has no use for. */
    topLevel() {
        this.decorators();
        const t = this.peek();
        if (t.kind !== 'id')
            this.fail('a declaration');
        switch (t.text) {
            case 'param':
                return this.param();
            case 'var':
                return this.variable();
            case 'resource':
                return this.resource(true);
            case 'module':
                return this.module();
            case 'output':
                return this.output();
            case 'func':
                return this.func();
            case 'using':
                return this.using();
            case 'type': {
                const b = this.top('type_declaration');
                this.next();
                b.add(this.identifier());
                this.expect('=');
                b.add(this.type());
                return this.done(b);
            }
            case 'metadata':
            case 'assert': {
                const b = this.top(t.text === 'metadata' ? 'metadata_declaration' : 'assert_statement');
                this.next();
                b.add(this.identifier());
                this.expect('=');
                b.add(this.expression());
                return this.done(b);
            }
            case 'targetScope': {
                const b = this.top('target_scope_assignment');
                this.next();
                this.expect('=');
                b.add(this.expression());
                return this.done(b);
            }
            case 'import':
                return this.importStatement();
            case 'extension':
            case 'provider':
                return this.extension();
            case 'extends': {
                const b = this.top('extends_statement');
                this.next();
                b.add(this.string());
                return this.done(b);
            }
            case 'extensionConfig': {
                const b = this.top('extension_config');
                this.next();
                b.add(this.identifier());
                this.expectWord('with');
                b.add(this.object(false));
                return this.done(b);
            }
            case 'test': {
                const b = this.top('test_block');
                this.next();
                b.add(this.identifier());
                b.add(this.string());
                this.expect('=');
                b.add(this.object(false));
                return this.done(b);
            }
        }
        return this.fail('a declaration (param, var, resource, module, output, \u2026)');
    }
    /** Starts a top-level statement: the node that survives an error in it. */
    top(type) {
        this.statement = this.begin(type);
        return this.statement;
    }
    identifier() {
        const t = this.peek();
        if (t.kind !== 'id')
            this.fail('a name');
        return this.leaf('identifier', this.next());
    }
    /** `param name Type [= default]`, or `param name = value` in a .bicepparam file. */
    param() {
        const b = this.top('parameter_declaration');
        this.next();
        b.add(this.identifier());
        if (!this.is('='))
            b.add(this.type());
        if (this.is('=')) {
            this.next();
            b.add(this.expression(), 'value');
        }
        return this.done(b);
    }
    /** `var name [Type] = value`. */
    variable() {
        const b = this.top('variable_declaration');
        this.next();
        b.add(this.identifier());
        if (!this.is('='))
            b.add(this.type());
        this.expect('=');
        b.add(this.expression(), 'value');
        return this.done(b);
    }
    output() {
        const b = this.top('output_declaration');
        this.next();
        b.add(this.identifier());
        b.add(this.type(true));
        this.expect('=');
        b.add(this.expression(), 'value');
        return this.done(b);
    }
    /** `resource name 'Type@version' [existing] = body`, at top level or nested in a resource body. */
    resource(topLevel) {
        const b = topLevel ? this.top('resource_declaration') : this.begin('resource_declaration');
        this.expectWord('resource');
        b.add(this.identifier());
        b.add(this.string());
        if (this.isWord('existing')) {
            this.next();
            b.token('existing');
        }
        this.expect('=');
        b.add(this.body(true), 'value');
        return this.done(b);
    }
    module() {
        const b = this.top('module_declaration');
        this.next();
        b.add(this.identifier());
        b.add(this.string());
        this.expect('=');
        b.add(this.body(false), 'value');
        return this.done(b);
    }
    /** The body of a resource or module: `{\u2026}`, `if (\u2026) {\u2026}` or `[for \u2026 : \u2026]`. */
    body(resources) {
        if (this.peek().kind === 'nl' && this.isWord('if', 1))
            this.next();
        if (this.isWord('if'))
            return this.ifBody(resources);
        if (this.is('{'))
            return this.object(resources);
        if (this.is('['))
            return this.forExpression(resources, true);
        return this.fail('"{", "if" or "[for"');
    }
    /** `func name(a Type, \u2026) ReturnType => body`. */
    func() {
        const b = this.top('user_defined_function');
        this.next();
        b.add(this.identifier(), 'name');
        const params = this.begin('parameters');
        this.expect('(');
        this.skipNl();
        while (!this.is(')')) {
            const p = this.begin('parameter');
            p.add(this.identifier());
            p.add(this.type());
            params.add(this.done(p));
            this.skipNl();
            if (!this.is(','))
                break;
            this.next();
            this.skipNl();
        }
        this.expect(')');
        b.add(this.done(params), 'parameters');
        b.add(this.type(), 'returns');
        this.expect('=>');
        this.lambdaBreak();
        b.add(this.expression(), 'value');
        return this.done(b);
    }
    /** `using 'main.bicep' [with {\u2026}]` or `using none`. */
    using() {
        const b = this.top('using_statement');
        this.next();
        if (this.isWord('none'))
            this.next();
        else
            b.add(this.string());
        if (this.isWord('with')) {
            this.next();
            b.add(this.object(false));
        }
        return this.done(b);
    }
    /** `import {a, b as c} from '\u2026'`, `import * as ns from '\u2026'`, or the older `import 'az@1.0' [with \u2026] [as \u2026]`. */
    importStatement() {
        const b = this.top('import_statement');
        this.next();
        if (this.peek().kind === 'str' || this.peek().kind === 'strL')
            return this.extensionRest(b);
        if (this.is('*')) {
            this.next();
            this.expectWord('as');
            b.add(this.identifier());
        }
        else {
            this.expect('{', '"{" or "*"');
            this.skipNl();
            while (!this.is('}')) {
                if (this.peek().kind === 'str')
                    b.add(this.string());
                else
                    b.add(this.identifier());
                if (this.isWord('as')) {
                    this.next();
                    b.add(this.identifier());
                }
                if (!this.separator('}'))
                    break;
            }
            this.expect('}');
        }
        this.expectWord('from');
        b.add(this.string());
        return this.done(b);
    }
    /** `extension az`, `extension 'br:\u2026' with {\u2026} as alias` (and the older `provider` spelling). */
    extension() {
        const b = this.top('extension_statement');
        this.next();
        if (this.peek().kind === 'id') {
            b.add(this.identifier());
            return this.extensionClauses(b);
        }
        return this.extensionRest(b);
    }
    extensionRest(b) {
        b.add(this.string());
        return this.extensionClauses(b);
    }
    extensionClauses(b) {
        if (this.isWord('with')) {
            this.next();
            b.add(this.object(false));
        }
        if (this.isWord('as')) {
            this.next();
            b.add(this.identifier());
        }
        return this.done(b);
    }
    // ---- objects, arrays, loops ----------------------------------------------------------------------
    /**
     * After an element of an object or array: a comma or line break separates it from the next one.
     * Returns false when the closing bracket follows.
     */
    separator(close) {
        if (this.is(',')) {
            this.next();
            this.skipNl();
        }
        else if (this.peek().kind === 'nl')
            this.next();
        else if (!this.is(close))
            this.fail(`a line break, "," or "${close}"`);
        return !this.is(close);
    }
    /**
     * Stops at a statement keyword in column 0: the bracket opened at `open` was never closed. The error is
     * located at the bracket, where the fix goes.
     */
    checkUnclosed(open, close) {
        const t = this.peek();
        if (t.kind === 'eof')
            throw new ParseError(`"${open.text}" is not closed by "${close}" before the end of the file`, open.line);
        if (this.startsStatement(this.i) && !this.is('@')) {
            throw new ParseError(`"${open.text}" is not closed by "${close}" before the statement on line ${t.line + 1}`, open.line);
        }
    }
    object(resources) {
        this.enter();
        const b = this.begin('object');
        const open = this.expect('{');
        this.skipNl();
        while (!this.is('}')) {
            this.checkUnclosed(open, '}');
            b.add(this.objectElement(resources));
            if (!this.separator('}'))
                break;
        }
        this.expect('}');
        this.leave();
        return this.done(b);
    }
    objectElement(resources) {
        if (resources && (this.is('@') || (this.isWord('resource') && this.peek(1).kind === 'id'))) {
            // A nested resource sits in an object_property, as in the grammar the evaluator was written for.
            const p = this.begin('object_property');
            this.decorators();
            p.add(this.resource(false));
            return this.done(p);
        }
        if (this.is('...'))
            return this.spread();
        const p = this.begin('object_property');
        const t = this.peek();
        if (t.kind === 'id')
            p.add(this.leaf('identifier', this.next()));
        else if (t.kind === 'str' || t.kind === 'strL')
            p.add(this.string());
        else
            this.fail('a property name');
        this.expect(':');
        p.add(this.expression());
        return this.done(p);
    }
    /** `...expr` in an object or array. */
    spread() {
        const b = this.begin('spread');
        this.next();
        b.add(this.expression());
        return this.done(b);
    }
    array() {
        this.enter();
        const b = this.begin('array');
        const open = this.expect('[');
        this.skipNl();
        while (!this.is(']')) {
            this.checkUnclosed(open, ']');
            b.add(this.is('...') ? this.spread() : this.expression());
            if (!this.separator(']'))
                break;
        }
        this.expect(']');
        this.leave();
        return this.done(b);
    }
    /** `[for item in list: body]`, `[for (item, i) in list: body]`; `body` may be `if (\u2026) {\u2026}`. */
    forExpression(resources, declarationBody = false) {
        this.enter();
        const b = this.begin('for_statement');
        this.expect('[');
        this.skipNl();
        this.expectWord('for');
        if (this.is('(')) {
            const params = this.begin('for_loop_parameters');
            this.next();
            params.add(this.leaf('loop_variable', this.identifierToken()));
            this.expect(',');
            params.add(this.leaf('loop_enumerator', this.identifierToken()));
            this.expect(')');
            b.add(this.done(params), 'variable');
        }
        else
            b.add(this.identifier(), 'variable');
        this.expectWord('in');
        b.add(this.expression(), 'collection');
        this.expect(':');
        this.skipNl();
        if (this.isWord('if') && this.is('(', 1))
            b.add(this.ifBody(resources), 'body');
        else if (declarationBody)
            b.add(this.object(resources), 'body');
        else
            b.add(this.expression(), 'body');
        this.skipNl();
        this.expect(']');
        this.leave();
        return this.done(b);
    }
    identifierToken() {
        if (this.peek().kind !== 'id')
            this.fail('a name');
        return this.next();
    }
    /** `if (condition) {\u2026}`. */
    ifBody(resources) {
        const b = this.begin('if_statement');
        this.next();
        const cond = this.begin('parenthesized_expression');
        this.expect('(');
        this.skipNl();
        cond.add(this.expression());
        this.skipNl();
        this.expect(')');
        b.add(this.done(cond));
        this.skipNl();
        b.add(this.object(resources));
        return this.done(b);
    }
    // ---- expressions ---------------------------------------------------------------------------------
    expression() {
        this.enter();
        let result = this.binary(0);
        if (this.isAfterNl('?')) {
            const b = this.around('ternary_expression', result);
            b.add(result, 'condition');
            this.skipNl();
            this.next();
            this.skipNl();
            b.add(this.expression(), 'consequence');
            this.skipNl();
            this.expect(':');
            this.skipNl();
            b.add(this.expression(), 'alternative');
            result = this.done(b);
        }
        this.leave();
        return result;
    }
    binary(min) {
        let left = this.unary();
        let chain = 0;
        for (;;) {
            const t = this.peek();
            const p = t.kind === 'punct' ? PRECEDENCE[t.text] : undefined;
            if (p === undefined || p <= min)
                break;
            // Each operator is a level of the tree: a chain of them counts toward the depth bound.
            if (this.depth + ++chain > MAX_DEPTH)
                throw new ParseError(`nesting deeper than ${MAX_DEPTH} levels`, t.line);
            this.next();
            this.skipNl();
            const b = this.around('binary_expression', left);
            b.token(t.text);
            b.add(left, 'left');
            b.add(this.binary(p), 'right');
            left = this.done(b);
        }
        return left;
    }
    unary() {
        if (this.is('!') || this.is('-')) {
            const b = this.begin('unary_expression');
            b.token(this.next().text);
            b.add(this.member(), 'argument');
            return this.done(b);
        }
        return this.member();
    }
    /** A primary expression and what follows it: `.prop`, `.?prop`, `[i]`, `[?i]`, `::child`, `(args)`, `!`. */
    member() {
        let cur = this.primary();
        let chain = 0;
        for (;;) {
            const t = this.peek();
            if (t.kind !== 'punct')
                break;
            if (t.text === '!') {
                // A non-null assertion changes nothing the evaluator sees.
                this.next();
                continue;
            }
            if (t.text !== '[' && t.text !== '.' && t.text !== '::')
                break;
            if (this.depth + ++chain > MAX_DEPTH)
                throw new ParseError(`nesting deeper than ${MAX_DEPTH} levels`, t.line);
            this.next();
            if (t.text === '[') {
                const b = this.around('subscript_expression', cur);
                b.add(cur, 'object');
                if (this.is('?')) {
                    this.next();
                    b.token('?');
                }
                this.skipNl();
                if (this.is('^')) {
                    // `list[^1]` counts from the end; the evaluator has no rule for it, so it stays unknown.
                    const from = this.begin('unary_expression');
                    from.token(this.next().text);
                    from.add(this.expression(), 'argument');
                    b.add(this.done(from), 'index');
                }
                else
                    b.add(this.expression(), 'index');
                this.skipNl();
                this.expect(']');
                cur = this.done(b);
            }
            else if (t.text === '.') {
                const b = this.around('member_expression', cur);
                b.add(cur, 'object');
                if (this.is('?')) {
                    this.next();
                    b.token('.?');
                }
                b.add(this.leaf('property_identifier', this.identifierToken()), 'property');
                cur = this.done(b);
                if (this.is('(')) {
                    const call = this.around('call_expression', cur);
                    call.add(cur, 'function');
                    call.add(this.args(), 'arguments');
                    cur = this.done(call);
                }
            }
            else {
                const b = this.around('resource_expression', cur);
                b.add(cur, 'object');
                b.add(this.identifier(), 'resource');
                cur = this.done(b);
            }
        }
        return cur;
    }
    args() {
        this.enter();
        const b = this.begin('arguments');
        const open = this.expect('(');
        this.skipNl();
        while (!this.is(')')) {
            this.checkUnclosed(open, ')');
            b.add(this.expression());
            this.skipNl();
            if (!this.is(','))
                break;
            this.next();
            this.skipNl();
        }
        if (!this.is(')'))
            this.checkUnclosed(open, ')');
        this.expect(')');
        this.leave();
        return this.done(b);
    }
    /** After `=>`: a line break may come before the body unless a declaration follows. */
    lambdaBreak() {
        if (this.peek().kind === 'nl' &&
            !(this.peek(1).kind === 'id' && DECLARATION_KEYWORDS.has(this.peek(1).text)))
            this.next();
    }
    primary() {
        const t = this.peek();
        switch (t.kind) {
            case 'int':
                return this.leaf('number', this.next());
            case 'str':
            case 'strL':
            case 'mstr':
            case 'mstrL':
                return this.string();
            case 'id': {
                if (t.text === 'true' || t.text === 'false')
                    return this.leaf('boolean', this.next());
                if (t.text === 'null')
                    return this.leaf('null', this.next());
                const id = this.leaf('identifier', this.next());
                if (this.is('(')) {
                    const call = this.around('call_expression', id);
                    call.add(id, 'function');
                    call.add(this.args(), 'arguments');
                    return this.done(call);
                }
                if (this.is('=>'))
                    return this.lambda(id, id);
                return id;
            }
            case 'punct':
                if (t.text === '{')
                    return this.object(false);
                if (t.text === '[') {
                    const after = this.peek(1).kind === 'nl' ? this.peek(2) : this.peek(1);
                    return after.kind === 'id' && after.text === 'for' ? this.forExpression(false) : this.array();
                }
                if (t.text === '(')
                    return this.parenthesized();
        }
        return this.fail('an expression', t);
    }
    /** `(expr)`, or the parameters of a lambda `(a, b) => body`. */
    parenthesized() {
        this.enter();
        const b = this.begin('parenthesized_expression');
        const open = this.expect('(');
        this.skipNl();
        while (!this.is(')')) {
            this.checkUnclosed(open, ')');
            b.add(this.expression());
            this.skipNl();
            if (!this.is(','))
                break;
            this.next();
            this.skipNl();
        }
        if (!this.is(')'))
            this.checkUnclosed(open, ')');
        this.expect(')');
        this.leave();
        if (this.is('=>')) {
            const params = new Node('lambda_parameters', this.text, b.start, this.lastEnd, b.startRow, this.lastLine, b.kids);
            for (const p of b.kids)
                if (p.type !== 'identifier')
                    this.fail('a lambda parameter name');
            return this.lambda(params, params);
        }
        if (b.kids.length !== 1)
            this.fail('one expression in parentheses');
        return this.done(b);
    }
    lambda(params, from) {
        const b = this.around('lambda_expression', from);
        b.add(params, 'parameters');
        this.next();
        this.lambdaBreak();
        b.add(this.expression(), 'body');
        return this.done(b);
    }
    // ---- strings -------------------------------------------------------------------------------------
    /** A string: its content as `string_content` and `escape_sequence` nodes, holes as `interpolation`. */
    string() {
        const t = this.peek();
        const b = this.begin('string');
        if (t.kind === 'mstr') {
            this.next();
            // `'''\u2026'''` (raw, no escapes; the evaluator drops one leading line break) or `$'''\u2026'''`.
            const dollars = this.text.charCodeAt(t.start) === 36;
            if (dollars) {
                const open = this.text.indexOf("'''", t.start) + 3;
                this.content(b, skipBreak(this.text, open), t.end - 3, t.line, false);
            }
            else {
                b.token("'''");
                b.add(new Node('string_content', this.text, t.start + 3, t.end - 3, t.line, t.endLine, []));
            }
            return this.done(b);
        }
        if (t.kind === 'mstrL') {
            const open = this.text.indexOf("'''", t.start) + 3;
            return this.interpolated(b, skipBreak(this.text, open), false);
        }
        if (t.kind === 'str') {
            this.next();
            this.content(b, t.start + 1, t.end - 1, t.line, true);
            return this.done(b);
        }
        if (t.kind === 'strL')
            return this.interpolated(b, t.start + 1, true);
        return this.fail('a string');
    }
    /** An interpolated string from its left piece; `from` is where the first piece's content starts. */
    interpolated(b, from, escapes) {
        this.enter();
        let piece = this.next();
        let start = from;
        // A piece ends with `${`, or in a `$$'''` string with as many `$` as open it before `{`.
        let dollars = 1;
        while (!escapes && this.text.charCodeAt(piece.start + dollars) === 36)
            dollars++;
        for (;;) {
            this.content(b, start, piece.end - dollars - 1, piece.line, escapes);
            const hole = new Builder('interpolation', piece.end - dollars - 1, piece.endLine);
            hole.add(this.expression());
            const closing = this.peek();
            const middle = escapes ? 'strM' : 'mstrM';
            const right = escapes ? 'strR' : 'mstrR';
            if (closing.kind !== middle && closing.kind !== right)
                this.fail('"}" to close the interpolation');
            b.add(new Node('interpolation', this.text, hole.start, closing.start + 1, hole.startRow, closing.line, hole.kids));
            piece = this.next();
            start = piece.start + 1;
            if (piece.kind === right) {
                this.content(b, start, piece.end - (escapes ? 1 : 3), piece.line, escapes);
                break;
            }
        }
        this.leave();
        return this.done(b);
    }
    /** Adds the content between `from` and `to` as string_content runs and escape_sequence nodes. */
    content(b, from, to, line, escapes) {
        if (!escapes) {
            if (to > from)
                b.add(new Node('string_content', this.text, from, to, line, line, []));
            return;
        }
        let run = from;
        for (let k = from; k < to; k++) {
            if (this.text.charCodeAt(k) !== 92)
                continue;
            if (k > run)
                b.add(new Node('string_content', this.text, run, k, line, line, []));
            let end = k + 2;
            if (this.text[k + 1] === 'u' && this.text[k + 2] === '{') {
                const close = this.text.indexOf('}', k + 3);
                if (close >= 0 && close < to)
                    end = close + 1;
            }
            b.add(new Node('escape_sequence', this.text, k, end, line, line, []));
            run = end;
            k = end - 1;
        }
        if (to > run)
            b.add(new Node('string_content', this.text, run, to, line, line, []));
    }
    // ---- types ---------------------------------------------------------------------------------------
    /**
     * A type, read only to be skipped (types are never evaluated): one `type` node over its text, whose last
     * character tells whether it is nullable. `output x resource = \u2026` may leave out the resource type.
     */
    type(optionalResourceType = false) {
        const b = this.begin('type');
        if (this.isWord('resource') && !this.is('<', 1)) {
            this.next();
            if (!optionalResourceType || this.peek().kind === 'str')
                this.string();
            return this.done(b);
        }
        this.typeExpression();
        return this.done(b);
    }
    typeExpression() {
        this.enter();
        const union = () => this.is('|') || (this.peek().kind === 'nl' && this.is('|', 1));
        if (union()) {
            this.skipNl();
            this.next();
        }
        this.unaryType();
        while (union()) {
            this.skipNl();
            this.next();
            this.skipNl();
            this.unaryType();
        }
        this.leave();
    }
    unaryType() {
        if (this.is('!') || this.is('-'))
            this.next();
        this.primaryType();
        for (;;) {
            if (this.is('[')) {
                this.next();
                if (this.is('*'))
                    this.next();
                else if (!this.is(']'))
                    this.expression();
                this.expect(']');
            }
            else if (this.is('.')) {
                this.next();
                if (this.is('*'))
                    this.next();
                else {
                    this.identifierToken();
                    if (this.is('<'))
                        this.typeArguments();
                }
            }
            else if (this.is('?') || this.is('!'))
                this.next();
            else
                break;
        }
    }
    primaryType() {
        const t = this.peek();
        switch (t.kind) {
            case 'int':
            case 'mstr':
                this.next();
                return;
            case 'str':
            case 'strL':
                this.string();
                return;
            case 'id':
                this.next();
                if (this.is('<'))
                    this.typeArguments();
                else if (t.text === 'resource' && this.peek().kind === 'str')
                    this.next();
                return;
            case 'punct':
                if (t.text === '{')
                    return this.objectType();
                if (t.text === '[')
                    return this.tupleType();
                if (t.text === '(') {
                    this.enter();
                    this.next();
                    this.typeExpression();
                    this.expect(')');
                    this.leave();
                    return;
                }
        }
        this.fail('a type', t);
    }
    typeArguments() {
        this.enter();
        this.expect('<');
        this.skipNl();
        while (!this.is('>')) {
            this.typeExpression();
            this.skipNl();
            if (!this.is(','))
                break;
            this.next();
            this.skipNl();
        }
        this.expect('>');
        this.leave();
    }
    objectType() {
        this.enter();
        const open = this.expect('{');
        this.skipNl();
        while (!this.is('}')) {
            this.checkUnclosed(open, '}');
            this.decorators();
            const t = this.peek();
            if (t.kind === 'id' || t.kind === 'str' || t.kind === 'strL') {
                if (t.kind === 'id')
                    this.next();
                else
                    this.string();
            }
            else if (this.is('*'))
                this.next();
            else
                this.fail('a property name');
            this.expect(':');
            this.typeExpression();
            if (!this.separator('}'))
                break;
        }
        this.expect('}');
        this.leave();
    }
    tupleType() {
        this.enter();
        const open = this.expect('[');
        this.skipNl();
        while (!this.is(']')) {
            this.checkUnclosed(open, ']');
            this.decorators();
            this.typeExpression();
            if (!this.separator(']'))
                break;
        }
        this.expect(']');
        this.leave();
    }
}
/** Skips the line break right after an opening `'''` (Bicep drops it from the value). */
function skipBreak(text, at) {
    if (text[at] === '\r')
        at++;
    if (text[at] === '\n')
        at++;
    return at;
}
function describe(t, text) {
    switch (t.kind) {
        case 'eof':
            return 'the end of the file';
        case 'nl':
            return 'a line break';
        case 'id':
        case 'int':
            return `"${t.text}"`;
        case 'punct':
            return `"${t.text}"`;
        default: {
            const s = text.slice(t.start, Math.min(t.end, t.start + 40)).split(/\r?\n/)[0];
            return `"${s}${t.end - t.start > s.length ? '\u2026' : ''}"`;
        }
    }
}

;// CONCATENATED MODULE: ./src/sources/bicep/deployments.ts
/**
 * Which deployments a set of Bicep files makes, and evaluating each: entry templates (.bicep files no other
 * scanned file uses as a local module) \u00d7 their parameter variants (.bicepparam files that `using` them,
 * ARM parameter files with the same base name) \u00d7 the clouds asked for. A variant is judged on its own:
 * prod may route KMS correctly while dev does not.
 */











const deployments_PARAMS_JSON = /^(.+)\.parameters(?:\.[^.]+)?\.json$/i;
function lineOrigin(file, line = 1) {
    return { file, startLine: line, endLine: line };
}
function localModulePaths(file) {
    const out = [];
    for (const stmt of kids(file.root)) {
        if (stmt.type !== 'module_declaration')
            continue;
        const source = literalString(kids(stmt).find((k) => k.type === 'string'));
        if (source && !/^(br[:/]|ts[:/])/i.test(source))
            out.push(external_node_path_.resolve(external_node_path_.dirname(file.path), source));
    }
    return out;
}
function bicepparamVariant(file, bicepFiles) {
    const name = external_node_path_.basename(file.path);
    const diagnostics = [];
    const using = kids(file.root).find((k) => k.type === 'using_statement');
    const target = using ? literalString(kids(using).find((k) => k.type === 'string')) : undefined;
    const entry = target ? external_node_path_.resolve(external_node_path_.dirname(file.path), target) : undefined;
    if (file.syntaxError)
        diagnostics.push({ ruleId: 'KMS012', ...file.syntaxError });
    if (!entry)
        diagnostics.push({
            ruleId: 'KMS012',
            origin: lineOrigin(file.path),
            message: `${name}: no \`using '<template>.bicep'\` statement; the parameter file is not evaluated`,
        });
    const paramNames = [...file.text.matchAll(/^[ \t]*param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=/gm)].map((m) => m[1]);
    const variant = {
        name,
        diagnostics,
        inputs: (cloud) => {
            // A .bicepparam file is a template whose parameters all have values: evaluate them.
            const ctx = {
                cloud,
                files: bicepFiles,
                idPrefix: `${name}::`,
                resources: [],
                diagnostics: [],
                unread: [],
                reported: new Set([file.path]),
            };
            const t = new Template(ctx, file, new Map(), '', []);
            const inputs = new Map();
            for (const p of paramNames) {
                const v = t.symbol(p);
                inputs.set(p, 'kind' in v ? v : toV(v, { site: lineOrigin(file.path) }));
            }
            return inputs;
        },
    };
    return { entry, variant };
}
function jsonVariant(file) {
    const name = external_node_path_.basename(file.path);
    const errors = [];
    const data = main.parse(file.text, errors, { allowTrailingComma: true });
    const params = data && typeof data === 'object' && !Array.isArray(data)
        ? data.parameters
        : undefined;
    if (errors.length > 0 || !params || typeof params !== 'object' || Array.isArray(params)) {
        const line = new json_lines/* LineIndex */.rr(file.text).line(errors[0]?.offset ?? 0);
        const why = errors.length > 0
            ? `invalid JSON (${main.printParseErrorCode(errors[0].error)})`
            : 'no "parameters" object';
        const message = `${name}: ${why}; the parameter file is not evaluated`;
        return {
            name,
            diagnostics: [{ ruleId: 'KMS012', origin: lineOrigin(file.path, line), message }],
            inputs: () => new Map(),
            broken: `parameter file ${name} cannot be read`,
        };
    }
    const origin = lineOrigin(file.path);
    return {
        name,
        diagnostics: [],
        inputs: () => {
            const inputs = new Map();
            for (const [k, entry] of Object.entries(params)) {
                if (entry && typeof entry === 'object' && 'value' in entry)
                    inputs.set(k, (0,value_tree/* fromJson */.Rf)(entry.value, origin));
                else if (entry && typeof entry === 'object' && 'reference' in entry)
                    inputs.set(k, (0,value_tree/* unknownNode */.fn)(k, 'Key Vault reference, read at deployment', origin));
            }
            return inputs;
        },
    };
}
function evaluateOne(entry, variant, cloud, bicepFiles, root) {
    const rel = external_node_path_.relative(root, entry.path).split(external_node_path_.sep).join('/');
    const ctx = {
        cloud,
        files: bicepFiles,
        idPrefix: `${rel}::`,
        resources: [],
        diagnostics: [...variant.diagnostics],
        unread: [],
        reported: new Set(),
    };
    if (variant.name !== undefined)
        ctx.variant = variant.name;
    const deployment = {
        entry: entry.path,
        cloud,
        resources: ctx.resources,
        diagnostics: ctx.diagnostics,
        unread: ctx.unread,
    };
    if (variant.name !== undefined)
        deployment.variant = variant.name;
    if (entry.syntaxError) {
        ctx.reported.add(entry.path);
        ctx.diagnostics.push({ ruleId: 'KMS012', ...entry.syntaxError });
    }
    try {
        const template = new Template(ctx, entry, variant.inputs(cloud), '', [entry.path], variant.broken);
        template.run();
    }
    catch (e) {
        // A bug here must not sink the scan: report it where the template is, and keep what was evaluated.
        ctx.diagnostics.push({
            ruleId: 'KMS012',
            origin: lineOrigin(entry.path),
            message: `${rel}: evaluation stopped (${e instanceof Error ? e.message : String(e)})`,
        });
    }
    return deployment;
}
async function evaluateBicep(files, options) {
    const root = external_node_path_.resolve(options.root);
    const bicepFiles = new Map();
    const paramFiles = [];
    const jsonFiles = [];
    const out = [];
    const unparsed = [];
    for (const f of files) {
        const abs = external_node_path_.resolve(root, f.path);
        const lower = abs.toLowerCase();
        if (!lower.endsWith('.bicep') && !lower.endsWith('.bicepparam')) {
            if (deployments_PARAMS_JSON.test(external_node_path_.basename(abs)))
                jsonFiles.push({ path: abs, text: f.text });
            continue;
        }
        try {
            const parsed = parseBicep(abs, f.text);
            if (lower.endsWith('.bicep'))
                bicepFiles.set(abs, parsed);
            else
                paramFiles.push(parsed);
        }
        catch (e) {
            unparsed.push({
                ruleId: 'KMS012',
                origin: lineOrigin(abs),
                message: `${external_node_path_.basename(abs)} cannot be parsed (${e instanceof Error ? e.message : String(e)})`,
            });
        }
    }
    const used = new Set();
    for (const f of bicepFiles.values())
        for (const m of localModulePaths(f))
            if (m !== f.path)
                used.add(m);
    const variants = new Map();
    const add = (entry, v) => variants.set(entry, [...(variants.get(entry) ?? []), v]);
    for (const pf of paramFiles) {
        const { entry, variant } = bicepparamVariant(pf, bicepFiles);
        if (entry && bicepFiles.has(entry))
            add(entry, variant);
        else
            unparsed.push(...variant.diagnostics, ...(entry
                ? [
                    {
                        ruleId: 'KMS012',
                        origin: lineOrigin(pf.path),
                        message: `${external_node_path_.basename(pf.path)}: template ${external_node_path_.relative(root, entry)} is not among the scanned files`,
                    },
                ]
                : []));
    }
    for (const jf of jsonFiles) {
        const base = deployments_PARAMS_JSON.exec(external_node_path_.basename(jf.path))[1];
        const entry = templateBeside(jf.path, base);
        if (bicepFiles.has(entry))
            add(entry, jsonVariant(jf));
    }
    const entries = [...bicepFiles.keys()].filter((p) => !used.has(p)).sort();
    for (const entryPath of entries) {
        const entry = bicepFiles.get(entryPath);
        const vs = variants.get(entryPath) ?? [{ inputs: () => new Map(), diagnostics: [] }];
        vs.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
        for (const v of vs)
            for (const cloud of options.clouds)
                out.push(evaluateOne(entry, v, cloud, bicepFiles, root));
    }
    if (unparsed.length > 0) {
        // Diagnostics that belong to no deployment ride on the first one, or on a deployment of their own.
        if (out[0])
            out[0].diagnostics.push(...unparsed);
        else
            out.push({
                entry: unparsed[0].origin.file,
                cloud: options.clouds[0] ?? 'AzureCloud',
                resources: [],
                diagnostics: unparsed,
                unread: [],
            });
    }
    return out;
}

// EXTERNAL MODULE: ./src/kms/catalogue.ts
var catalogue = __webpack_require__(5140);
;// CONCATENATED MODULE: ./src/sources/bicep/clouds.ts
/**
 * Which clouds a Bicep template tells apart through `environment().name`, for `cloud: auto`: a template
 * that picks KMS addresses with `environment().name == 'AzureUSGovernment' ? [...] : [...]` must be judged
 * for each cloud it names, and for the public cloud its other branch stands for.
 *
 * This reads the text, not the tree, so that it can answer before (and without) an evaluation. It knows
 * the spellings templates use: direct comparisons (optionally through toLower/toUpper), a variable or
 * parameter holding `environment().name`, and an object indexed by it (`kms[environment().name]`).
 */

const ENV = String.raw `(?:(?:az\.|sys\.)?(?:toLower|toUpper)\(\s*)?(?:az\.)?environment\(\)\.name(?:\s*\))?`;
const OP = String.raw `(?:==|!=|=~|!~)`;
const LIT = String.raw `'([A-Za-z]+)'`;
function stripComments(text) {
    return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
}
/** Clouds named in one template text (empty when it does not look at environment().name). */
function cloudsInText(text) {
    const src = stripComments(text);
    const found = new Set();
    const subjects = [ENV];
    // var cloud = environment().name / param cloud string = toLower(environment().name)
    for (const m of src.matchAll(new RegExp(String.raw `\b(?:var|param)\s+(\w+)(?:\s+\w+)?\s*=\s*${ENV}`, 'g')))
        subjects.push(String.raw `\b${m[1]}\b`);
    let compared = false;
    for (const subject of subjects) {
        const forward = new RegExp(String.raw `${subject}\s*${OP}\s*${LIT}`, 'gi');
        const backward = new RegExp(String.raw `${LIT}\s*${OP}\s*${subject}`, 'gi');
        for (const m of [...src.matchAll(forward), ...src.matchAll(backward)]) {
            const c = (0,catalogue/* cloudFromEnvironment */.pz)(m[1]);
            if (c && /^azure/i.test(m[1])) {
                found.add(c);
                compared = true;
            }
        }
        // kmsByCloud[environment().name]: the clouds are the keys written in the template.
        if (new RegExp(String.raw `\[\s*${subject}\s*\]`, 'i').test(src))
            for (const m of src.matchAll(/^\s*'?(Azure[A-Za-z]+)'?\s*:/gm)) {
                const c = (0,catalogue/* cloudFromEnvironment */.pz)(m[1]);
                if (c)
                    found.add(c);
            }
    }
    // The branch not named (`: publicKms`) is the public cloud's.
    if (compared)
        found.add('AzureCloud');
    return catalogue/* CLOUDS */.JJ.filter((c) => found.has(c));
}
/** Clouds any of the given Bicep files distinguish. */
function cloudsHandled(files) {
    const found = new Set();
    for (const f of files)
        if (/\.bicep(param)?$/i.test(f.path))
            for (const c of cloudsInText(f.text))
                found.add(c);
    return CLOUDS.filter((c) => found.has(c));
}

;// CONCATENATED MODULE: ./src/sources/bicep/index.ts
/**
 * The Bicep source: Bicep templates, .bicepparam files and ARM parameter files \u2192 ARM-shaped resources per
 * deployment, ready for the shared ARM shape mapper (src/sources/mapping/arm-shapes.ts).
 */



;// CONCATENATED MODULE: ./src/sources/templates.ts









function toModel(d, format, root) {
    const at = (o) => `${external_node_path_.relative(root, o.file).split(external_node_path_.sep).join('/')}:${o.startLine}`;
    const model = (0,arm_shapes/* armResourcesToModel */.cV)(d.resources, (b) => (0,may_change/* layUnfollowedParts */.cN)(b, d.resources, d.unread ?? [], format, at));
    // A part named by its own notice (layUnfollowedParts: why, what it may change) is named once at its
    // line: the source's notice there about it ("registry module \u2026 is not evaluated", "the instances of this
    // loop cannot be evaluated") says less.
    const line = (o) => `${o.file}\u0000${o.startLine}`;
    const named = new Set((d.unread ?? []).map((u) => line(u.origin)));
    model.diagnostics.push(...d.diagnostics.filter((x) => x.ruleId !== 'KMS011' || !named.has(line(x.origin))));
    return model;
}
/**
 * For `cloud: auto`: the clouds a template distinguishes through `environment().name`; a template that
 * does not look at its cloud is judged for AzureCloud.
 */
function cloudsFor(files, option) {
    if (option !== 'auto')
        return [option];
    const found = new Set();
    for (const f of files)
        for (const c of cloudsInText(f.text))
            found.add(c);
    return found.size > 0 ? [...found] : ['AzureCloud'];
}
async function* judgeTemplates(bicep, json, root, cloud, boundary, selectUnit, 
/** Set when several workers share the scan: the deployments this one judges. */
share) {
    const weight = (files) => files.reduce((n, f) => n + f.text.length, 0);
    if (bicep.some((f) => f.path.endsWith('.bicep') || f.path.endsWith('.bicepparam'))) {
        const clouds = cloudsFor(bicep, cloud);
        const units = bicepUnits(bicep, json);
        const mine = share?.take(units.map(weight)) ?? units.map(() => true);
        for (const [b, unit] of units.entries()) {
            if (!mine[b])
                continue;
            // One unit, one budget: an overrun or a crash is a finding of this unit, the others go on.
            const entry = unit[0]?.path ?? root;
            const files = unit.map((f) => f.path);
            if (selectUnit && !selectUnit({ kind: 'bicep', root: entry, files, varFiles: [] }))
                continue;
            const order = judgement/* JUDGEMENT_ORDER */.j.bicep + b;
            share?.enter(order);
            const run = await (0,budget/* evaluateUnit */.Ww)({ file: entry, startLine: 1, endLine: 1 }, `the Bicep deployment ${external_node_path_.basename(entry)}`, () => evaluateBicep(unit, { root, clouds }));
            const subject = run.subject;
            for (const d of run.value ?? []) {
                (0,unit_watch/* watchPhase */.d3)('model', subject);
                yield {
                    model: toModel(d, 'bicep', root),
                    cloud: d.cloud,
                    label: d.variant,
                    unit: d.entry,
                    subject,
                    order,
                };
            }
            if (run.problems.length > 0)
                yield {
                    model: toModel({ resources: [], diagnostics: run.problems }, 'bicep', root),
                    cloud: clouds[0] ?? 'AzureCloud',
                    unit: entry,
                    subject,
                    order,
                };
        }
    }
    const templates = json.filter((f) => (0,template_kind/* isArmTemplate */.r)(f.text));
    // ARM deployments are judged by one worker, as one unit of all the JSON.
    if (templates.length > 0 && (share?.take([weight(json)])[0] ?? true)) {
        share?.enter(judgement/* JUDGEMENT_ORDER */.j.arm);
        let k = 0;
        for (const c of cloudsFor(templates, cloud)) {
            for (const d of evaluateArmTemplates(json, { root, cloud: c, ...(boundary ? { boundary } : {}) })) {
                (0,unit_watch/* watchPhase */.d3)('model', d.subject);
                yield {
                    model: toModel(d, 'arm', root),
                    cloud: c,
                    label: d.variant,
                    unit: d.entry,
                    ...(d.subject ? { subject: d.subject } : {}),
                    order: judgement/* JUDGEMENT_ORDER */.j.arm + k++,
                };
            }
        }
    }
}


/***/ })

};
;