"use strict";
exports.id = 424;
exports.ids = [424];
exports.modules = {

/***/ 9217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H9: () => (/* binding */ ARM),
/* harmony export */   LN: () => (/* binding */ ModelBuilder),
/* harmony export */   _z: () => (/* binding */ whyUnresolved),
/* harmony export */   ez: () => (/* binding */ expressionOf),
/* harmony export */   fk: () => (/* binding */ parseArmId)
/* harmony export */ });
/* harmony import */ var _network__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2607);
/* harmony import */ var _value__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2904);
/* harmony import */ var _sources_evaluation_value_tree__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9817);
/**
 * Builds a NetworkModel in two steps, shared by every IaC source (Terraform, and the ARM shapes reused by
 * Bicep and ARM): adapters first add objects and register what they can be referred to by (ARM type,
 * name, parent name, resource group), then the deferred link steps run, when every object of the scan is
 * known, and turn references (Terraform refs, ARM ids, plain names) into model ids.
 *
 * A reference that cannot be resolved stays Unknown: dropping it would let the analysis believe, say, a
 * subnet has no route table, and give a confident wrong verdict instead of a KMS011 notice.
 */



const SUBNET = 'microsoft.network/virtualnetworks/subnets';
/** ARM types of the objects references point at. */
const ARM = {
    routeTable: 'Microsoft.Network/routeTables',
    vnet: 'Microsoft.Network/virtualNetworks',
    subnet: 'Microsoft.Network/virtualNetworks/subnets',
    nsg: 'Microsoft.Network/networkSecurityGroups',
    natGateway: 'Microsoft.Network/natGateways',
    networkInterface: 'Microsoft.Network/networkInterfaces',
    firewall: 'Microsoft.Network/azureFirewalls',
    firewallPolicy: 'Microsoft.Network/firewallPolicies',
    ipGroup: 'Microsoft.Network/ipGroups',
    virtualHub: 'Microsoft.Network/virtualHubs',
    hubRouteTable: 'Microsoft.Network/virtualHubs/hubRouteTables',
    vnetGateway: 'Microsoft.Network/virtualNetworkGateways',
    localNetworkGateway: 'Microsoft.Network/localNetworkGateways',
};
/**
 * Parses `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s`
 * (and the provider-relative `Microsoft.Network/routeTables/rt` a source may produce from `resourceId()`).
 */
function parseArmId(id) {
    const parts = id.split('/').filter((p) => p !== '');
    let i = -1;
    for (let k = parts.length - 1; k >= 0; k--)
        if (parts[k].toLowerCase() === 'providers') {
            i = k + 1;
            break;
        }
    if (i < 0)
        i = /^microsoft\.[a-z]+$/i.test(parts[0] ?? '') ? 0 : -1;
    if (i < 0 || i >= parts.length)
        return undefined;
    const namespace = parts[i];
    const rest = parts.slice(i + 1);
    if (rest.length < 2 || rest.length % 2 !== 0)
        return undefined;
    const types = [];
    const names = [];
    for (let k = 0; k < rest.length; k += 2) {
        types.push(rest[k]);
        names.push(rest[k + 1]);
    }
    const rgIndex = parts.findIndex((p) => p.toLowerCase() === 'resourcegroups');
    const parsed = { type: `${namespace}/${types.join('/')}`, names };
    if (rgIndex >= 0 && rgIndex + 1 < parts.length)
        parsed.resourceGroup = parts[rgIndex + 1];
    return parsed;
}
/** `module.a.module.b.` of a Terraform address; empty for root resources and for non-Terraform ids. */
function modulePath(address) {
    return /^((?:module\.[^.[]+(?:\[[^\]]*\])?\.)*)/.exec(address)?.[1] ?? '';
}
/** Equal ignoring case; the same string (the usual case) without lower-casing both. */
const eq = (a, b) => a === b || a.toLowerCase() === b.toLowerCase();
/** ARM types in lower case, by the spelling asked: the same few types are asked for every reference. */
const lowerTypes = new Map();
function lowerType(armType) {
    let lower = lowerTypes.get(armType);
    if (lower === undefined) {
        lower = armType.toLowerCase();
        if (lowerTypes.size < 10_000)
            lowerTypes.set(armType, lower);
    }
    return lower;
}
/** `map[type][id]`, made on first use. */
function bucketOf(map, armType, make) {
    let bucket = map.get(armType);
    if (bucket === undefined)
        map.set(armType, (bucket = make()));
    return bucket;
}
class ModelBuilder {
    model = (0,_network__WEBPACK_IMPORTED_MODULE_0__/* .emptyModel */ .$Q)();
    /**
     * Registrations indexed, because every reference of a scan is resolved against them (a linear scan
     * per reference made large templates quadratic): declared objects by type and id and by type and own
     * name, aliases by type and id, everything by id. A registration step may complete a parent name
     * later, never the own name, so the name index holds; declared objects registered without an own name
     * are kept aside and checked on every lookup.
     */
    /** Declared ids and aliases by type, then id (no key string built per reference). */
    declaredIds = new Map();
    aliases = new Map();
    byId = new Map();
    /** By type, then own name in lower case (no key string built per lookup). */
    byName = new Map();
    unnamed = new Map();
    /** Registration order, so that candidates are listed as they were registered. */
    order = new Map();
    early = [];
    links = [];
    /** Returns the stored registration, which a later registration step may complete (a parent name). */
    register(r) {
        // A spread alone, then the one field set: on Node 20 a spread with more fields after it costs ~100 \u00b5s
        // (issue 13), and Object.assign from a temporary object is a generic copy. Same fields, same order.
        const stored = { ...r };
        stored.armType = lowerType(r.armType);
        this.order.set(stored, this.order.size);
        if (!this.byId.has(stored.id))
            this.byId.set(stored.id, stored);
        if (stored.alias) {
            const aliases = bucketOf(this.aliases, stored.armType, () => new Map());
            if (!aliases.has(stored.id))
                aliases.set(stored.id, stored);
            return stored;
        }
        bucketOf(this.declaredIds, stored.armType, () => new Set()).add(stored.id);
        const own = stored.names[stored.names.length - 1];
        const index = own === undefined
            ? this.unnamed
            : bucketOf(this.byName, stored.armType, () => new Map());
        const at = own === undefined ? stored.armType : own.toLowerCase();
        const bucket = index.get(at);
        if (bucket)
            bucket.push(stored);
        else
            index.set(at, [stored]);
        return stored;
    }
    /** Runs after every object is added, in the order given. */
    defer(link) {
        this.links.push(link);
    }
    /**
     * Runs before the ordinary links: completes registrations that need another object's name (an ARM
     * subnet whose virtual network is named only through its parent id), so that links see them.
     */
    deferRegistration(step) {
        this.early.push(step);
    }
    /** A KMS011 notice for something the scan cannot follow. */
    unresolved(origin, message, expression, address, 
    /** The resource the notice says is not declared, by Azure identity (SourceDiagnostic.undeclared). */
    undeclared) {
        const d = { ruleId: 'KMS011', origin, message };
        if (expression !== undefined)
            d.expression = expression;
        if (address !== undefined)
            d.address = address;
        if (undeclared)
            d.undeclared = undeclared;
        this.model.diagnostics.push(d);
    }
    finish() {
        for (const step of this.early.splice(0))
            step();
        // A link may defer a further link (a patch applied once the object it patches is attached).
        for (let i = 0; i < this.links.length; i++)
            this.links[i]();
        this.links.length = 0;
        for (const t of this.model.routeTables)
            for (const r of t.routes)
                this.firewallReadHop(r);
        for (const d of this.model.detachedRoutes ?? [])
            this.firewallReadHop(d.route);
        return this.model;
    }
    /**
     * A next hop that is the private address of a firewall read by a data source (a spoke reading its hub's
     * `data "azurerm_firewall"`): when the scan declares that firewall, the hop refers to it, so its policy
     * decides; otherwise it is an Azure Firewall declared elsewhere, whose rules the scan cannot see. Either
     * way it is not "an appliance that is not an Azure Firewall" (KMS004, allowed-appliances).
     */
    firewallReadHop(route) {
        const hop = route.nextHopIpAddress;
        if (!hop || hop.known || !hop.ref)
            return;
        const alias = this.aliasOf(lowerType(ARM.firewall), hop.ref.resource);
        if (!alias)
            return;
        const target = this.resolveAlias(alias, hop.origin, hop.expression);
        route.nextHopIpAddress = target.known
            ? (0,_value__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(hop.expression, hop.reason ?? 'computed at apply time', hop.origin, {
                resource: target.value,
                attribute: hop.ref.attribute,
            })
            : {
                ...(0,_value__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(hop.expression, `${firewallRead(alias)}, so its rules cannot be checked`, hop.origin),
                // By Azure identity: another unit of the scan may declare it (src/analysis/cross-unit-firewalls.ts).
                ...(target.deployed ? { deployed: target.deployed } : {}),
            };
    }
    isRegistered(armType, id) {
        return this.declaredIds.get(lowerType(armType))?.has(id) ?? false;
    }
    aliasOf(armType, id) {
        return this.aliases.get(armType)?.get(id);
    }
    /** The declared object an alias stands for, by Azure identity (type, names, resource group). */
    resolveAlias(a, origin, expression) {
        const name = a.names.filter((n) => n !== undefined).join('/');
        const matches = this.declared(a.armType, a.names[a.names.length - 1]).filter((r) => this.sameNames(r, a.names, a.resourceGroup));
        if (matches.length === 1)
            return (0,_value__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(matches[0].id, origin);
        if (a.names[a.names.length - 1] === undefined)
            return (0,_value__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(expression, `${a.id} has a name the scan cannot know`, origin);
        if (matches.length === 0) {
            const u = (0,_value__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(expression, `${a.id} reads ${name}${a.resourceGroup ? ` in ${a.resourceGroup}` : ''}, which the scanned sources do not declare`, origin);
            return withDeployed(u, a.armType, a.names, a.resourceGroup);
        }
        return (0,_value__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(expression, `ambiguous: ${a.id} may be any of ${matches.length} objects named "${name}" (${matches.map((m) => m.id).join(', ')})`, origin);
    }
    /**
     * Bicep's `vnet.properties.subnets[0].id` (Azure assigns it; the evaluator keeps it as a ref to the VNet
     * with that path): the VNet's inline subnet at that index, as the ARM mapping declared them in order.
     */
    inlineSubnet(ref) {
        const at = /^properties\.subnets\[(\d+)\]\.id$/i.exec(ref.attribute);
        if (!at || !this.isRegistered(lowerType(ARM.vnet), ref.resource))
            return undefined;
        const prefix = `${ref.resource}/subnets/`;
        return this.model.subnets.filter((s) => s.id.startsWith(prefix))[Number(at[1])]?.id;
    }
    /**
     * One of several instances, which one not known (`azurerm_subnet.this[var.k].id`): unknown, with the model
     * ids of those of `armType` the scan declares (Unknown.candidates). An instance that is not such an object
     * (or not declared) may be anything: then no candidates, as for any unknown reference.
     */
    candidates(t, ref) {
        const ids = [];
        for (const r of ref.among ?? []) {
            if (!this.isRegistered(t, r.resource))
                return (0,_value__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(ref.expression, ref.reason, ref.origin);
            if (!ids.includes(r.resource))
                ids.push(r.resource);
        }
        // Terraform fails on a key the collection does not have: with one instance, the key is its.
        if (ids.length === 1)
            return (0,_value__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(ids[0], ref.origin);
        const u = (0,_value__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(ref.expression, ref.reason, ref.origin);
        u.candidates = ids;
        return u;
    }
    /**
     * The model id a reference names, as a Value: known when exactly one object of `armType` matches,
     * otherwise Unknown keeping the expression (and the Terraform ref, when there was one).
     */
    resolve(armType, ref, hints = {}) {
        if (ref === undefined)
            return undefined;
        const t = lowerType(armType);
        if (!ref.known) {
            if (ref.ref && this.isRegistered(t, ref.ref.resource))
                return (0,_value__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(ref.ref.resource, ref.origin);
            const inline = ref.ref && t === SUBNET ? this.inlineSubnet(ref.ref) : undefined;
            if (inline)
                return (0,_value__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(inline, ref.origin);
            const alias = ref.ref ? this.aliasOf(t, ref.ref.resource) : undefined;
            if (alias)
                return this.resolveAlias(alias, ref.origin, ref.expression);
            if (ref.among)
                return this.candidates(t, ref);
            return ref;
        }
        const text = ref.value.trim();
        if (this.isRegistered(t, text))
            return (0,_value__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(text, ref.origin);
        const alias = this.aliasOf(t, text);
        if (alias)
            return this.resolveAlias(alias, ref.origin, text);
        let names;
        let rg;
        const parsed = text.includes('/') ? parseArmId(text) : undefined;
        if (parsed) {
            if (parsed.type.toLowerCase() !== t)
                return (0,_value__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(text, `expected a ${armType} id, got a ${parsed.type} id`, ref.origin);
            names = parsed.names;
            rg = parsed.resourceGroup;
        }
        else {
            const parent = hints.parent?.known ? hints.parent.value : undefined;
            // A child type (two slashes or more: `x/parents/children`) is named under its parent.
            names = t.indexOf('/', t.indexOf('/') + 1) >= 0 ? [parent, text] : [text];
            rg = hints.resourceGroup?.known ? hints.resourceGroup.value : undefined;
        }
        let matches = this.declared(t, names[names.length - 1]).filter((r) => this.sameNames(r, names, rg));
        if (matches.length > 1)
            matches = bySubscription(matches, parsed ? subscriptionOf(text) : hints.subscription);
        if (matches.length > 1 && hints.near !== undefined) {
            const scope = modulePath(hints.near);
            const local = matches.filter((m) => modulePath(m.id) === scope);
            if (local.length > 0)
                matches = local;
        }
        if (matches.length === 1)
            return (0,_value__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(matches[0].id, ref.origin);
        const name = names.filter((n) => n !== undefined).join('/');
        if (matches.length === 0) {
            const u = (0,_value__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(text, `no ${armType} named "${name}" in the scanned sources`, ref.origin);
            // A full ARM id names a deployed resource outright (subscription included).
            return parsed && rg !== undefined ? withDeployed(u, t, names, rg, subscriptionOf(text)) : u;
        }
        return (0,_value__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(text, `ambiguous: ${matches.length} ${armType} objects named "${name}" (${matches.map((m) => m.id).join(', ')})`, ref.origin);
    }
    /**
     * A list of references (IP group ids, ASG ids) as model ids. Absent = empty list; one unresolvable item
     * makes the whole list unknown, since a partly known set of IP groups cannot be judged.
     */
    resolveList(armType, list, hints = {}) {
        if (list === undefined || list.kind === 'null')
            return (0,_value__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)([]);
        if (list.kind === 'unknown')
            return (0,_value__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(list.expression, list.reason, list.origin, list.ref);
        const itemsOf = list.kind === 'list' ? list.items : [list];
        const ids = [];
        for (const item of itemsOf) {
            const id = this.resolve(armType, (0,_sources_evaluation_value_tree__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(item), hints);
            if (id === undefined)
                continue;
            if (!id.known)
                return (0,_value__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)((0,_sources_evaluation_value_tree__WEBPACK_IMPORTED_MODULE_2__/* .render */ .XX)(list), id.reason, list.origin, itemsOf.length === 1 ? id.ref : undefined);
            ids.push(id.value);
        }
        return (0,_value__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(ids, list.origin);
    }
    /** The registration of a model id, whatever its type. */
    registration(id) {
        return this.byId.get(id);
    }
    /** Declared (not alias) registrations of `armType` that may be named `own`, in registration order. */
    declared(armType, own) {
        if (own === undefined)
            return [];
        const named = this.byName.get(armType)?.get(own.toLowerCase()) ?? [];
        const extra = this.unnamed.get(armType);
        if (!extra)
            return named;
        return [...named, ...extra].sort((a, b) => this.order.get(a) - this.order.get(b));
    }
    sameNames(r, names, rg) {
        if (r.names.length !== names.length)
            return false;
        for (let i = 0; i < names.length; i++) {
            const a = r.names[i];
            const b = names[i];
            // The object's own name must be known on both sides; parents are compared only when both are known.
            if (i === names.length - 1 ? a === undefined || b === undefined || !eq(a, b) : a && b && !eq(a, b))
                return false;
        }
        return !(rg && r.resourceGroup && !eq(rg, r.resourceGroup));
    }
}
/** An Azure Firewall a data source reads and the scan does not declare, as a reason. */
function firewallRead(a) {
    const name = a.names[a.names.length - 1];
    if (name === undefined)
        return `the Azure Firewall ${a.id} reads has a name the scan cannot know`;
    return `Azure Firewall ${name}${a.resourceGroup ? ` in ${a.resourceGroup}` : ''} (read by ${a.id}) is not in the scanned sources`;
}
/** The subscription of an ARM id, lower-cased; undefined when it has none (or a placeholder). */
function subscriptionOf(id) {
    const m = /^\/subscriptions\/([^/{}]+)\//i.exec(id);
    return m ? m[1].toLowerCase() : undefined;
}
/**
 * Same names and group in several subscriptions (two provider aliases, two module scopes): the one in the
 * reference's own subscription; a reference that states none means the default one (no subscription
 * stated either). Nothing matching leaves them all (named as ambiguous).
 */
function bySubscription(matches, subscription) {
    if (new Set(matches.map((m) => m.subscription)).size < 2)
        return matches;
    const same = matches.filter((m) => (m.subscription ?? '') === (subscription ?? ''));
    return same.length > 0 ? same : matches;
}
/** `u` marked as naming a deployed resource, when every name of it is known. */
function withDeployed(u, armType, names, resourceGroup, subscription) {
    if (names.some((n) => n === undefined))
        return u;
    u.deployed = { armType: armType.toLowerCase(), names: names };
    if (resourceGroup !== undefined)
        u.deployed.resourceGroup = resourceGroup;
    if (subscription !== undefined)
        u.deployed.subscription = subscription;
    return u;
}
/** Why a reference did not lead to an object, for KMS011 messages. */
function whyUnresolved(v, argument) {
    if (v === undefined)
        return `${argument} is not set`;
    return v.known ? `${v.value} is not in the scanned sources` : (v.reason ?? 'not resolved');
}
/** The expression to show for an unresolved reference. */
function expressionOf(v) {
    if (v === undefined)
        return undefined;
    return v.known ? v.value : v.expression;
}


/***/ }),

/***/ 7424:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  scan: () => (/* binding */ scan)
});

// UNUSED EXPORTS: loadSources, scanPart

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/analysis/index.ts + 6 modules
var src_analysis = __webpack_require__(958);
// EXTERNAL MODULE: ./src/analysis/verdict.ts
var verdict = __webpack_require__(7319);
// EXTERNAL MODULE: ./src/model/network.ts
var network = __webpack_require__(2607);
// EXTERNAL MODULE: ./src/rules/index.ts + 19 modules
var rules = __webpack_require__(3619);
// EXTERNAL MODULE: ./src/sources/parsing/discover.ts
var discover = __webpack_require__(3146);
// EXTERNAL MODULE: ./src/sources/parsing/read-source.ts
var read_source = __webpack_require__(547);
// EXTERNAL MODULE: ./src/sources/judgement.ts
var judgement = __webpack_require__(205);
// EXTERNAL MODULE: ./src/kms/catalogue.ts
var catalogue = __webpack_require__(5140);
// EXTERNAL MODULE: ./src/sources/evaluation/unit-watch.ts
var unit_watch = __webpack_require__(7849);
// EXTERNAL MODULE: ./src/sources/parsing/json-lines.ts
var json_lines = __webpack_require__(8665);
// EXTERNAL MODULE: ./src/sources/terraform/parse.ts
var parse = __webpack_require__(9882);
;// CONCATENATED MODULE: ./src/sources/parsing/parse-pool.ts




/**
 * Parses one file on this thread. Under the scan worker a file whose parsing killed an earlier worker
 * (a parser that ran out of memory) is not parsed again: it is skipped, named with why.
 */
function parseOne(job) {
    return (0,unit_watch/* parsingFile */.q4)(job.path, () => parse_pool_parse(job), (why) => ({ path: job.path, kind: job.kind, ok: false, reason: `could not be parsed: ${why}` }));
}
function parse_pool_parse(job) {
    const read = job.text !== undefined
        ? { ok: true, text: job.text }
        : (0,read_source/* readSource */.o$)(job.path, job.boundary, job.regular === true);
    if (!read.ok)
        return { path: job.path, kind: job.kind, ok: false, reason: read.reason };
    const json = job.kind === 'terraform-json' || job.kind === 'tfvars-json';
    const deep = json ? (0,json_lines/* jsonTooDeep */.fJ)(read.text) : undefined;
    if (deep !== undefined)
        return {
            path: job.path,
            kind: job.kind,
            ok: false,
            reason: `is nested more than ${json_lines/* MAX_JSON_DEPTH */.KX} levels deep`,
            line: deep,
        };
    try {
        const file = json ? (0,parse/* parseTfJson */.c$)(job.path, read.text) : (0,parse/* parseHcl */.z4)(job.path, read.text);
        return { path: job.path, kind: job.kind, ok: true, file, bytes: Buffer.byteLength(read.text) };
    }
    catch (e) {
        // A parser bug must cost one file, not the scan.
        return {
            path: job.path,
            kind: job.kind,
            ok: false,
            reason: `could not be parsed (${e.message})`,
        };
    }
}
/**
 * Parses batches of files for the length of a scan, on the calling thread. Parse worker threads were
 * measured after the native HCL parser replaced tree-sitter: parsing 10 MB then takes a fraction of a
 * second, and sending the ASTs back (structured clone) cost the main thread more than the parsing it
 * saved, for 30-60% more CPU in all, so there are none.
 */
class ParsePool {
    async parse(jobs) {
        return jobs.map((job) => parseOne(job));
    }
    async close() { }
}

// EXTERNAL MODULE: ./src/sources/evaluation/budget.ts
var budget = __webpack_require__(2772);
;// CONCATENATED MODULE: ./src/sources/plan/after-state.ts
const isObj = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);
function afterState(after, afterUnknown, origin, unknownAt) {
    const build = (v, mark, path) => {
        if (mark === true)
            return unknownAt(path);
        if (Array.isArray(v) || Array.isArray(mark)) {
            const list = Array.isArray(v) ? v : [];
            const marks = Array.isArray(mark) ? mark : [];
            const n = Math.max(list.length, marks.length);
            const items = [];
            for (let i = 0; i < n; i++)
                items.push(build(list[i] ?? null, marks[i], [...path, i]));
            return { kind: 'list', items, origin };
        }
        if (isObj(v) || isObj(mark)) {
            const obj = isObj(v) ? v : {};
            const marks = isObj(mark) ? mark : {};
            const attrs = {};
            for (const k of new Set([...Object.keys(obj), ...Object.keys(marks)]))
                attrs[k] = build(obj[k] ?? null, marks[k], [...path, k]);
            return { kind: 'object', attrs, origin };
        }
        if (typeof v === 'string')
            return { kind: 'string', value: v, origin };
        if (typeof v === 'number')
            return { kind: 'number', value: v, origin };
        if (typeof v === 'boolean')
            return { kind: 'bool', value: v, origin };
        return { kind: 'null', origin };
    };
    return build(after, afterUnknown, []);
}
/** A path as Terraform prints it: `route[0].next_hop_in_ip_address`. */
function pathText(path) {
    return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

;// CONCATENATED MODULE: ./src/sources/plan/references.ts
const references_isObj = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);
const NOT_RESOURCES = new Set(['var', 'local', 'module', 'each', 'count', 'path', 'terraform', 'self']);
/** `module.a["x"].module.b[0]` \u2192 `['a', 'b']`. */
function modulePathOf(moduleAddress) {
    if (!moduleAddress)
        return [];
    return [...moduleAddress.matchAll(/module\.([^.[]+)(?:\[[^\]]*\])?/g)].map((m) => m[1]);
}
class ConfigIndex {
    root;
    instances;
    resources = new Map();
    dependencies = new Map();
    /** @param instances every resource instance address of the plan */
    constructor(root, instances) {
        this.root = root;
        this.instances = instances;
        const walk = (m, path) => {
            for (const r of m?.resources ?? []) {
                if (!r.address)
                    continue;
                this.resources.set(`${path.join('.')}|${r.address}`, r.expressions ?? {});
                if (Array.isArray(r.depends_on))
                    this.dependencies.set(`${path.join('.')}|${r.address}`, r.depends_on.filter((d) => typeof d === 'string'));
            }
            for (const [name, call] of Object.entries(m?.module_calls ?? {}))
                walk(call.module, [...path, name]);
        };
        walk(root, []);
    }
    module(path) {
        let m = this.root;
        for (const name of path)
            m = m?.module_calls?.[name]?.module;
        return m;
    }
    /** The `references` of the expression at `path` of a resource (blocks are lists of expression objects). */
    referencesAt(modules, resource, path) {
        let cur = this.resources.get(`${modules.join('.')}|${resource}`);
        for (const seg of path) {
            if (references_isObj(cur) && ('references' in cur || 'constant_value' in cur))
                break;
            if (typeof seg === 'number') {
                if (!Array.isArray(cur))
                    break;
                cur = cur[seg] ?? (cur.length === 1 ? cur[0] : undefined);
            }
            else
                cur = references_isObj(cur) ? cur[seg] : undefined;
            if (cur === undefined)
                return [];
        }
        return references_isObj(cur) && Array.isArray(cur.references)
            ? cur.references.filter((r) => typeof r === 'string')
            : [];
    }
    /** What a resource's `depends_on` names, relative to its module (`azurerm_x.y`, `module.m`). */
    dependsOn(modules, resource) {
        return this.dependencies.get(`${modules.join('.')}|${resource}`) ?? [];
    }
    /** Top-level attributes the configuration sets from other objects (not constants). */
    configuredAttributes(modules, resource) {
        const exprs = this.resources.get(`${modules.join('.')}|${resource}`) ?? {};
        return Object.keys(exprs).filter((k) => referencesOf(exprs[k]).length > 0);
    }
    /** The first reference of the list that names a resource of the plan (following variables and outputs). */
    resolve(references, ctx, depth = 0) {
        if (depth > 10)
            return undefined;
        for (const ref of references) {
            const r = this.resolveOne(ref, ctx, depth);
            if (r)
                return r;
        }
        return undefined;
    }
    resolveOne(ref, ctx, depth) {
        const varMatch = /^var\.([A-Za-z0-9_-]+)/.exec(ref);
        if (varMatch) {
            if (ctx.modules.length === 0)
                return undefined;
            const parentPath = ctx.modules.slice(0, -1);
            const call = this.module(parentPath)?.module_calls?.[ctx.modules[ctx.modules.length - 1]];
            const refs = referencesOf(call?.expressions?.[varMatch[1]]);
            const parentPrefix = ctx.prefix.replace(/module\.[^.[]+(?:\[[^\]]*\])?\.$/, '');
            return this.resolve(refs, { modules: parentPath, prefix: parentPrefix, selfKey: ctx.selfKey }, depth + 1);
        }
        const modMatch = /^module\.([A-Za-z0-9_-]+)(\[[^\]]+\])?\.([A-Za-z0-9_-]+)/.exec(ref);
        if (modMatch) {
            const [, name, key, output] = modMatch;
            const child = this.module([...ctx.modules, name]);
            const refs = referencesOf(child?.outputs?.[output]?.expression);
            const base = `${ctx.prefix}module.${name}`;
            let prefix;
            if (key)
                prefix = `${base}${key}.`;
            else {
                const found = new Set();
                for (const a of this.instances) {
                    const m = new RegExp(`^${references_escape(base)}(\\[[^\\]]*\\])?\\.`).exec(a);
                    if (m)
                        found.add(m[0]);
                }
                if (found.size === 1)
                    prefix = [...found][0];
            }
            if (prefix === undefined)
                return undefined;
            return this.resolve(refs, { modules: [...ctx.modules, name], prefix, selfKey: ctx.selfKey }, depth + 1);
        }
        const m = /^((?:data\.)?[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)(\[[^\]]+\])?(?:\.(.+))?$/.exec(ref);
        if (!m || NOT_RESOURCES.has(m[1].split('.')[0]))
            return undefined;
        const [, resource, key, attribute] = m;
        const base = `${ctx.prefix}${resource}`;
        const instance = this.pickInstance(base, key, ctx.selfKey);
        return instance ? { resource: instance, attribute: attribute ?? 'id' } : undefined;
    }
    pickInstance(base, key, selfKey) {
        if (key !== undefined)
            return this.instances.includes(`${base}${key}`) ? `${base}${key}` : undefined;
        const candidates = this.instances.filter((a) => a === base || (a.startsWith(`${base}[`) && INSTANCE_KEY.test(a.slice(base.length))));
        if (candidates.length === 1)
            return candidates[0];
        if (selfKey !== undefined && candidates.includes(`${base}${selfKey}`))
            return `${base}${selfKey}`;
        return undefined;
    }
}
function referencesOf(expr) {
    return references_isObj(expr) && Array.isArray(expr.references)
        ? expr.references.filter((r) => typeof r === 'string')
        : [];
}
/** `[0]` or `["key"]`, and nothing after it. */
const INSTANCE_KEY = /^\[(?:\d+|"(?:[^"\\]|\\.)*")\]$/;
const references_escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

;// CONCATENATED MODULE: ./src/sources/plan/index.ts



/** Plan JSON by content: `format_version` with `resource_changes` or `planned_values`. */
function isTerraformPlan(text) {
    if (!/^\s*\{/.test(text) || !text.includes('"format_version"'))
        return false;
    return text.includes('"resource_changes"') || text.includes('"planned_values"');
}
/**
 * Resource addresses of a plan evaluation: the lead prefers .tf locations for these when both are scanned.
 */
function planAddresses(evaluation) {
    return evaluation.resources.map((r) => r.address);
}
const plan_isObj = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);
/** Only-delete (and `forget`, Terraform 1.7 `removed` blocks) changes leave nothing to judge. */
function goesAway(actions) {
    return (Array.isArray(actions) && actions.length > 0 && actions.every((a) => a === 'delete' || a === 'forget'));
}
function fromChanges(doc, changes) {
    const out = [];
    for (const node of (0,json_lines/* elements */.Yt)(changes)) {
        const rc = (0,json_lines/* plain */.pj)(node);
        if (!plan_isObj(rc) || !plan_isObj(rc.change) || typeof rc.address !== 'string')
            continue;
        if (goesAway(rc.change.actions) || rc.change.after === null || rc.change.after === undefined)
            continue;
        out.push({
            node,
            address: rc.address,
            mode: rc.mode === 'data' ? 'data' : 'managed',
            type: String(rc.type ?? ''),
            name: String(rc.name ?? ''),
            moduleAddress: typeof rc.module_address === 'string' ? rc.module_address : undefined,
            index: rc.index,
            after: rc.change.after,
            afterUnknown: rc.change.after_unknown,
        });
    }
    return out;
}
/**
 * Resources of a values tree (planned_values, prior_state.values). No after_unknown there: computed
 * attributes are simply absent (handled by the caller).
 */
function fromPlannedValues(module, out = []) {
    for (const node of (0,json_lines/* elements */.Yt)((0,json_lines/* prop */._w)(module, 'resources'))) {
        const r = (0,json_lines/* plain */.pj)(node);
        if (!plan_isObj(r) || typeof r.address !== 'string')
            continue;
        const moduleAddress = /^(.*)\.(?:data\.)?[^.]+\.[^.]+$/.exec(r.address.replace(/\[[^\]]*\]$/, ''))?.[1];
        out.push({
            node,
            address: r.address,
            mode: r.mode === 'data' ? 'data' : 'managed',
            type: String(r.type ?? ''),
            name: String(r.name ?? ''),
            moduleAddress: moduleAddress?.startsWith('module.') ? moduleAddress : undefined,
            index: r.index,
            after: r.values ?? {},
            afterUnknown: undefined,
        });
    }
    for (const child of (0,json_lines/* elements */.Yt)((0,json_lines/* prop */._w)(module, 'child_modules')))
        fromPlannedValues(child, out);
    return out;
}
function providerEnvironments(config) {
    const out = [];
    const providers = plan_isObj(config) && plan_isObj(config.provider_config) ? config.provider_config : {};
    for (const p of Object.values(providers)) {
        if (!plan_isObj(p) || p.name !== 'azurerm' || !plan_isObj(p.expressions))
            continue;
        const env = p.expressions.environment;
        if (plan_isObj(env) && typeof env.constant_value === 'string' && !out.includes(env.constant_value))
            out.push(env.constant_value);
    }
    return out;
}
function planToEvaluation(path, text) {
    const evaluation = { resources: [], providerEnvironments: [], diagnostics: [] };
    const parsed = (0,json_lines/* parseJson */.qF)(path, text);
    if (!parsed.ok) {
        evaluation.diagnostics.push({
            ruleId: 'KMS012',
            origin: { file: path, startLine: parsed.line, endLine: parsed.line },
            message: `Cannot read this Terraform plan: ${parsed.message}.`,
        });
        return evaluation;
    }
    const { doc } = parsed;
    const changes = (0,json_lines/* prop */._w)(doc.root, 'resource_changes');
    const candidates = changes?.type === 'array'
        ? fromChanges(doc, changes)
        : fromPlannedValues((0,json_lines/* prop */._w)((0,json_lines/* prop */._w)(doc.root, 'planned_values'), 'root_module'));
    // Data sources read while planning are in the refreshed prior state, not in resource_changes.
    if (changes?.type === 'array') {
        const seen = new Set(candidates.map((c) => c.address));
        const prior = fromPlannedValues((0,json_lines/* prop */._w)((0,json_lines/* prop */._w)((0,json_lines/* prop */._w)(doc.root, 'prior_state'), 'values'), 'root_module'));
        for (const c of prior)
            if (c.mode === 'data' && !seen.has(c.address))
                candidates.push(c);
    }
    const configuration = (0,json_lines/* plain */.pj)((0,json_lines/* prop */._w)(doc.root, 'configuration'));
    evaluation.providerEnvironments = providerEnvironments(configuration);
    const variables = (0,json_lines/* plain */.pj)((0,json_lines/* prop */._w)(doc.root, 'variables'));
    if (plan_isObj(variables)) {
        evaluation.planVariables = new Map();
        for (const [name, v] of Object.entries(variables))
            if (plan_isObj(v) && 'value' in v)
                evaluation.planVariables.set(name, v.value);
    }
    const rootModule = plan_isObj(configuration) && plan_isObj(configuration.root_module) ? configuration.root_module : undefined;
    const config = new ConfigIndex(rootModule, candidates.map((c) => c.address));
    for (const c of candidates) {
        const origin = (0,json_lines/* originOf */.yv)(doc, c.node);
        const modules = modulePathOf(c.moduleAddress);
        const configAddress = `${c.mode === 'data' ? 'data.' : ''}${c.type}.${c.name}`;
        const ctx = {
            modules,
            prefix: c.moduleAddress ? `${c.moduleAddress}.` : '',
            selfKey: c.index === undefined || c.index === null ? undefined : `[${JSON.stringify(c.index)}]`,
        };
        const unknownAt = (p) => {
            const refs = config.referencesAt(modules, configAddress, p);
            // Nothing in the configuration feeds it: a computed attribute of the resource itself (the firewall's
            // private address), named the way the HCL evaluator names it.
            const ref = refs.length > 0 ? config.resolve(refs, ctx) : { resource: c.address, attribute: pathText(p) };
            const u = {
                kind: 'unknown',
                expression: refs[0] ?? `${c.address}.${pathText(p)}`,
                reason: 'known after apply',
                origin,
            };
            if (ref)
                u.ref = ref;
            return u;
        };
        const body = afterState(c.after, c.afterUnknown, origin, unknownAt);
        if (body.kind !== 'object')
            continue;
        if (c.afterUnknown === undefined)
            markUnsetConfigured(body, config.configuredAttributes(modules, configAddress), unknownAt);
        const resource = {
            mode: c.mode,
            type: c.type,
            name: c.name,
            address: c.address,
            origin,
            body,
        };
        const dependsOn = config.dependsOn(modules, configAddress);
        if (dependsOn.length > 0)
            resource.dependsOn = dependsOn.map((d) => ctx.prefix + d);
        evaluation.resources.push(resource);
    }
    return evaluation;
}
/**
 * Without after_unknown, an attribute the configuration sets by reference but the planned values lack is
 * computed at apply time: unknown, not "not set".
 */
function markUnsetConfigured(body, configured, unknownAt) {
    for (const name of configured) {
        const v = body.attrs[name];
        if (v === undefined || v.kind === 'null')
            body.attrs[name] = unknownAt([name]);
    }
}

// EXTERNAL MODULE: ./src/model/build.ts
var build = __webpack_require__(9217);
// EXTERNAL MODULE: ./src/model/value.ts
var value = __webpack_require__(2904);
// EXTERNAL MODULE: ./src/sources/evaluation/value-tree.ts
var value_tree = __webpack_require__(9817);
// EXTERNAL MODULE: ./src/sources/mapping/conditional.ts
var conditional = __webpack_require__(7691);
;// CONCATENATED MODULE: ./src/sources/terraform/adapters/common.ts



function arg(r, name) {
    return (0,value_tree/* attr */.CF)(r.body, name);
}
/** A required string argument; absent reads as unknown so it is never mistaken for a real value. */
function required(r, name, of = r.body) {
    return (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(of, name)) ?? (0,value/* unknown */.L5)(`${name}`, 'not set', of.origin);
}
/**
 * The fields every model object has. Adapters complete the fresh header in place (Object.assign(h, ...))
 * rather than spreading it into a new literal: on Node 20 (the /usr/bin/node of the benchmark machine) an
 * object spread followed by more fields costs ~120 \u00b5s, against ~2 \u00b5s (measured, 300,000 NSG-rule-shaped
 * objects); a 10 MB scan builds tens of thousands of them.
 */
function header(r) {
    return headerAs(r, r.address, required(r, 'name'), r.origin);
}
/** header() with another id, name and origin (a nested block's), in the same field order. */
function headerAs(r, id, name, origin) {
    const h = {
        id,
        name,
        origin,
        format: 'terraform',
        sourceType: r.type,
        address: r.address,
    };
    const rg = (0,value_tree/* knownStr */.rO)(arg(r, 'resource_group_name'));
    if (rg !== undefined)
        h.resourceGroup = rg;
    if (r.subscription !== undefined)
        h.subscription = r.subscription;
    if (r.inputs && r.inputs.length > 0)
        h.inputs = r.inputs;
    const condition = (0,conditional/* instancesUnknown */.Jb)(r);
    if (condition)
        h.condition = condition;
    return h;
}
/**
 * A nested block (`route`, `security_rule`, `subnet`) as its own object: id `<address>.<block>["<name>"]`,
 * or by index when the name is not known. The address stays the resource's, as findings point there.
 */
function blockHeader(r, blockType, block, index) {
    const name = (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(block, 'name')) ?? (0,value/* unknown */.L5)(`${blockType}[${index}].name`, 'not set', block.origin);
    const key = name.known ? JSON.stringify(name.value) : String(index);
    // Not header(r) with these three replaced: that reads the resource's own name for nothing, per block.
    return headerAs(r, `${r.address}.${blockType}[${key}]`, name, block.origin);
}
/**
 * The nested blocks of a type. A block list that is itself unknown (a `dynamic` over an unknown
 * collection) gives one placeholder whose fields all read as unknown, so that the analysis says
 * "cannot tell" rather than seeing no routes or no rules.
 */
function blocks(r, blockType) {
    const v = arg(r, blockType);
    return v?.kind === 'unknown' ? [v] : (0,value_tree/* items */.ld)(v);
}
function knownName(v) {
    return v?.known ? v.value : undefined;
}
/** Registers a top-level resource under its ARM type, name and resource group. */
function registerResource(b, r, armType) {
    const names = [(0,value_tree/* knownStr */.rO)(arg(r, 'name'))];
    // The optional field set after, not spread in: a spread after fields is a slow generic copy on Node 20.
    const reg = {
        armType,
        id: r.address,
        names,
        resourceGroup: (0,value_tree/* knownStr */.rO)(arg(r, 'resource_group_name')),
    };
    if (r.subscription !== undefined)
        reg.subscription = r.subscription;
    b.register(reg);
}
/** Name hints for references made by name (`route_table_name`): same resource group, same module first. */
function hintsOf(r) {
    const h = {
        resourceGroup: (0,value_tree/* str */.gx)(arg(r, 'resource_group_name')),
        near: r.address,
    };
    if (r.subscription !== undefined)
        h.subscription = r.subscription;
    return h;
}

;// CONCATENATED MODULE: ./src/sources/terraform/adapters/associations.ts





function association(what, targetType, targetArg, field, set) {
    return (r, b) => b.defer(() => {
        const subnetId = b.resolve(build/* ARM */.H9.subnet, (0,value_tree/* str */.gx)(arg(r, 'subnet_id')), { near: r.address });
        const subnet = subnetId?.known ? b.model.subnets.find((s) => s.id === subnetId.value) : undefined;
        const target = () => b.resolve(targetType, (0,value_tree/* str */.gx)(arg(r, targetArg)), { near: r.address });
        if (subnet) {
            set(subnet, target(), r.origin);
            // A later association without a condition replaces an earlier conditional one, and the reverse.
            const condition = (0,conditional/* instancesUnknown */.Jb)(r);
            const conditions = subnet.associationConditions;
            if (condition)
                subnet.associationConditions = { ...conditions, [field]: condition };
            else if (conditions?.[field])
                delete conditions[field];
            return;
        }
        if (subnetId && !subnetId.known && subnetId.candidates) {
            // After every association that names its subnet: on a subnet that has one, this one may replace it.
            const among = subnetId;
            b.defer(() => maybeAssociated(b.model.subnets, among, target(), r, what, field, set));
            return;
        }
        b.unresolved(r.origin, `${r.address}: cannot tell which subnet this ${what} is associated with (${(0,build/* whyUnresolved */._z)(subnetId, 'subnet_id')}), so the subnet's path to Windows activation is not checked.`, (0,build/* expressionOf */.ez)(subnetId), r.address);
        // A deployed subnet (a data source, an ARM id): the live overlay associates it by Azure identity.
        const deployed = subnetId && !subnetId.known ? subnetId.deployed : undefined;
        const value = target();
        if (deployed && value)
            (b.model.detachedAssociations ??= []).push({
                subnet: deployed,
                field,
                target: value,
                origin: r.origin,
                address: r.address,
                diagnostic: b.model.diagnostics[b.model.diagnostics.length - 1],
            });
    });
}
/**
 * An association whose subnet is one of several (`subnet_id = azurerm_subnet.this[var.k].id`, Unknown
 * .candidates): each of them is judged with and without it (Condition.which), instead of the association
 * being dropped with a notice while every subnet read reachable. A subnet that already has a conditional
 * association of the same kind cannot be judged both ways on one more: its association is unknown.
 */
function maybeAssociated(subnets, subnetId, target, r, what, field, set) {
    const ids = subnetId.candidates ?? [];
    const named = (id) => subnets.find((s) => s.id === id);
    const names = ids.map((id) => {
        const s = named(id);
        return s?.name.known ? s.name.value : id;
    });
    const why = subnetId.reason ? ` (${subnetId.reason})` : '';
    for (const id of ids) {
        const s = named(id);
        if (!s || !target)
            continue;
        // Under a count/for_each that does not evaluate (`for_each = var.isolated`, `[each.key]`) it may be
        // several of them: which ones is not known.
        const reason = (0,conditional/* instancesUnknown */.Jb)(r)
            ? `${r.address} is associated with some of ${ids.length} subnets (${names.join(', ')}) by ${subnetId.expression}, and which ones are not known${why}`
            : `${r.address} is associated with one of ${ids.length} subnets (${names.join(', ')}) by ${subnetId.expression}, and which one is not known${why}`;
        if (s.associationConditions?.[field]) {
            s[field] = (0,value/* unknown */.L5)(subnetId.expression, `${reason}; this subnet's ${what} association is already conditional`, r.origin);
            continue;
        }
        const before = s[field];
        set(s, target, r.origin);
        const condition = {
            ...(0,value/* unknown */.L5)(subnetId.expression, reason, r.origin),
            key: `${r.address}\u0000${subnetId.expression}`,
            which: 'may be made to another subnet',
        };
        s.associationConditions = { ...s.associationConditions, [field]: condition };
        if (before)
            s.associationsOtherwise = { ...s.associationsOtherwise, [field]: before };
    }
}
const associationAdapters = {
    azurerm_subnet_route_table_association: association('route table', build/* ARM */.H9.routeTable, 'route_table_id', 'routeTableId', (s, id, origin) => {
        s.routeTableId = id;
        s.routeTableOrigin = origin;
    }),
    azurerm_subnet_network_security_group_association: association('network security group', build/* ARM */.H9.nsg, 'network_security_group_id', 'nsgId', (s, id, origin) => {
        s.nsgId = id;
        s.nsgOrigin = origin;
    }),
    azurerm_subnet_nat_gateway_association: association('NAT gateway', build/* ARM */.H9.natGateway, 'nat_gateway_id', 'natGatewayId', (s, id) => {
        s.natGatewayId = id;
    }),
};

// EXTERNAL MODULE: ./src/sources/mapping/arm-shapes.ts + 4 modules
var arm_shapes = __webpack_require__(1151);
;// CONCATENATED MODULE: ./src/sources/terraform/adapters/azapi.ts
/**
 * azapi_resource and azapi_update_resource: ARM-shaped resources written in Terraform. The body is read
 * as an object (azapi v2, or v1 when the evaluator keeps the object) or decoded from the JSON string that
 * `jsonencode({...})` evaluates to (then every value carries the `body` attribute's lines); a jsonencode()
 * of an object with parts known only at apply is that object (HclValue.encoded).
 */







function body(r) {
    const v = arg(r, 'body');
    if (v === undefined)
        return { kind: 'object', attrs: {}, origin: r.origin };
    // `jsonencode({...})` with parts known only at apply: the object, its unknown parts with their refs.
    if (v.kind === 'unknown' && v.encoded)
        return v.encoded;
    if (v.kind !== 'string')
        return v;
    try {
        return (0,value_tree/* fromJson */.Rf)((0,json_lines/* parsePlain */.eE)(v.value), v.origin);
    }
    catch {
        return { kind: 'unknown', expression: v.value, reason: 'body is not valid JSON', origin: v.origin };
    }
}
/** The resource group an ARM id names (`parent_id` of a top-level resource), for name lookups. */
function resourceGroupOf(id) {
    if (!id?.known)
        return undefined;
    const rg = /\/resourceGroups\/([^/]+)/i.exec(id.value)?.[1];
    return rg === undefined ? undefined : { known: true, value: rg, origin: id.origin };
}
function input(r, type) {
    const parent = (0,value_tree/* str */.gx)(arg(r, 'parent_id'));
    const i = {
        armType: type,
        name: header(r).name,
        body: body(r),
        id: r.address,
        address: r.address,
        origin: r.origin,
        format: 'terraform',
        sourceType: r.type,
    };
    if (parent)
        i.parent = parent;
    const rg = resourceGroupOf(parent);
    if (rg)
        i.resourceGroup = rg;
    return i;
}
/** The type, or a KMS011 notice when it is not known (the resource may or may not be a network object). */
function typeOf(r, b) {
    const type = (0,value_tree/* str */.gx)(arg(r, 'type'));
    if (type?.known)
        return type.value;
    b.unresolved(r.origin, `${r.address}: the resource type is not known, so this resource is not checked.`, type?.known === false ? type.expression : undefined, r.address);
    return undefined;
}
const azapiResource = (r, b) => {
    const type = typeOf(r, b);
    if (type !== undefined)
        (0,arm_shapes/* addArmResource */.at)(b, input(r, type));
};
/**
 * The ARM id an update names by `parent_id` + `name`, or by name alone when the parent is a resource group
 * ref.
 */
function targetOf(r, type) {
    const parentId = (0,value_tree/* str */.gx)(arg(r, 'parent_id'));
    const name = (0,value_tree/* str */.gx)(arg(r, 'name'));
    const childType = type.split('/').length > 2;
    if (!name?.known)
        return name ?? (0,value/* unknown */.L5)('name', 'target of the update is not known', r.origin);
    if (parentId?.known) {
        // Under a resource group or subscription the id goes through the provider; under a resource it extends
        // it.
        const id = /\/providers\//i.test(parentId.value)
            ? `${parentId.value}/${type.split('/').slice(-1)[0]}/${name.value}`
            : `${parentId.value}/providers/${type}/${name.value}`;
        return (0,value/* known */.eO)(id, name.origin);
    }
    if (!childType)
        return name;
    return parentId ?? (0,value/* unknown */.L5)('parent_id', 'target of the update is not known', r.origin);
}
/**
 * The target is `resource_id`, or `parent_id` + `name`: as an ARM id string it resolves by type + name,
 * as a ref it names the target's model id.
 */
const azapiUpdateResource = (r, b) => {
    const type = typeOf(r, b);
    if (type === undefined)
        return;
    const i = input(r, type);
    // Under a count or for_each the scan cannot evaluate, the update may not be applied: the subnet's
    // associations it sets are judged with and without it (Subnet.associationConditions).
    const condition = (0,conditional/* instancesUnknown */.Jb)(r);
    if (condition)
        i.condition = condition;
    const target = (0,value_tree/* str */.gx)(arg(r, 'resource_id')) ?? targetOf(r, (0,arm_shapes/* armTypeOf */.Aj)(type));
    if (target.known) {
        const rg = (0,build/* parseArmId */.fk)(target.value)?.resourceGroup;
        if (rg)
            i.resourceGroup = { known: true, value: rg, origin: target.origin };
    }
    (0,arm_shapes/* patchArmResource */.$X)(b, i, target);
};
const azapiAdapters = {
    azapi_resource: azapiResource,
    azapi_update_resource: azapiUpdateResource,
};

// EXTERNAL MODULE: ./src/sources/mapping/firewall-rules.ts
var firewall_rules = __webpack_require__(533);
;// CONCATENATED MODULE: ./src/sources/terraform/adapters/firewall-rules.ts



/** Application rule `protocol { type = "Https", port = 443 }` blocks \u2192 `['Https:443']`. */
function protocolBlocks(list) {
    if (list === undefined)
        return (0,value/* known */.eO)([]);
    if (list.kind === 'unknown')
        return (0,value/* unknown */.L5)(list.expression, list.reason, list.origin, list.ref);
    const out = [];
    for (const block of (0,value_tree/* items */.ld)(list)) {
        const type = (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(block, 'type'));
        const port = (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(block, 'port'));
        for (const part of [type, port])
            if (part && !part.known)
                return (0,value/* unknown */.L5)((0,value_tree/* render */.XX)(list), part.reason, list.origin);
        const t = type?.known ? type.value : '';
        out.push(port?.known ? `${t}:${port.value}` : t);
    }
    return (0,value/* known */.eO)(out, list.origin);
}
function ruleOf(b, h, rule, kind) {
    const a = (name) => (0,value_tree/* attr */.CF)(rule, name);
    if (kind === 'application')
        return (0,firewall_rules/* firewallRule */.D)(b, h, {
            // classic: `protocol` blocks and `target_fqdns`; policy: `protocols` blocks and `destination_fqdns`.
            protocols: protocolBlocks(a('protocol') ?? a('protocols')),
            sourceAddresses: a('source_addresses'),
            sourceIpGroups: a('source_ip_groups'),
            destinationAddresses: a('destination_addresses'),
            destinationFqdns: a('target_fqdns') ?? a('destination_fqdns'),
            // classic `fqdn_tags`, policy `destination_fqdn_tags`.
            destinationFqdnTags: a('fqdn_tags') ?? a('destination_fqdn_tags'),
        });
    return (0,firewall_rules/* firewallRule */.D)(b, h, {
        protocols: (0,value_tree/* strList */.Sc)(a('protocols')) ?? (0,value/* known */.eO)([]),
        sourceAddresses: a('source_addresses'),
        sourceIpGroups: a('source_ip_groups'),
        // policy NAT rules have a single `destination_address`.
        destinationAddresses: a('destination_addresses') ?? a('destination_address'),
        destinationIpGroups: a('destination_ip_groups'),
        destinationFqdns: a('destination_fqdns'),
        destinationPorts: a('destination_ports'),
    });
}
/**
 * A block or resource `of` holding `priority`, `action` and `rule` blocks, as a collection with id `h.id`.
 * `condition`: the resource may create no instance (count/for_each unknown), so an Allow is undecided.
 */
function collectionOf(b, h, of, kind, condition) {
    const ruleBlocks = (0,value_tree/* attr */.CF)(of, 'rule');
    const rules = (ruleBlocks?.kind === 'unknown' ? [ruleBlocks] : (0,value_tree/* items */.ld)(ruleBlocks)).map((rule, i) => {
        const name = (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(rule, 'name')) ?? (0,value/* unknown */.L5)(`rule[${i}].name`, 'not set', rule.origin);
        const key = name.known ? JSON.stringify(name.value) : String(i);
        return ruleOf(b, { ...h, id: `${h.id}.rule[${key}]`, name, origin: rule.origin }, rule, kind);
    });
    return (0,firewall_rules/* ruleCollection */.N)(h, kind, (0,value_tree/* num */.bu)((0,value_tree/* attr */.CF)(of, 'priority')) ?? (0,value/* unknown */.L5)('priority', 'not set', of.origin), (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(of, 'action')) ?? (0,value/* unknown */.L5)('action', 'not set', of.origin), rules, condition);
}

;// CONCATENATED MODULE: ./src/sources/terraform/adapters/firewall-classic.ts





function classic(kind) {
    return (r, b) => {
        const collection = collectionOf(b, header(r), r.body, kind, (0,conditional/* instancesUnknown */.Jb)(r));
        const firewallName = (0,value_tree/* str */.gx)(arg(r, 'azure_firewall_name'));
        b.defer(() => {
            const fwId = b.resolve(build/* ARM */.H9.firewall, firewallName, hintsOf(r));
            const fw = fwId?.known ? b.model.firewalls.find((f) => f.id === fwId.value) : undefined;
            if (fw)
                return void fw.classicCollections.push(collection);
            b.unresolved(r.origin, `${r.address}: cannot tell which firewall this rule collection belongs to (${(0,build/* whyUnresolved */._z)(fwId, 'azure_firewall_name')}), so its rules are not considered.`, (0,build/* expressionOf */.ez)(fwId), r.address);
        });
    };
}
const classicCollectionAdapters = {
    azurerm_firewall_network_rule_collection: classic('network'),
    azurerm_firewall_application_rule_collection: classic('application'),
    azurerm_firewall_nat_rule_collection: classic('nat'),
};

// EXTERNAL MODULE: ./src/sources/mapping/arm-gateways.ts
var arm_gateways = __webpack_require__(7649);
;// CONCATENATED MODULE: ./src/sources/terraform/adapters/subnets.ts






function addressPrefixes(of) {
    const single = (0,value_tree/* attr */.CF)(of, 'address_prefix');
    const many = (0,value_tree/* attr */.CF)(of, 'address_prefixes');
    if (single === undefined && many === undefined)
        return (0,value/* unknown */.L5)('address_prefixes', 'not set', of.origin);
    return (0,value_tree/* oneOrMany */.Pl)(single, many);
}
function subnet(b, h, of, vnetName, resourceGroup) {
    const s = Object.assign(h, { addressPrefixes: addressPrefixes(of) });
    if (vnetName)
        s.vnetName = vnetName;
    const delegations = (0,value_tree/* items */.ld)((0,value_tree/* attr */.CF)(of, 'delegation'));
    if (delegations.length > 0) {
        const services = delegations.flatMap((d) => (0,value_tree/* items */.ld)((0,value_tree/* attr */.CF)(d, 'service_delegation')).flatMap((sd) => {
            const name = (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(sd, 'name'));
            return name?.known ? [name.value] : [];
        }));
        s.dedicatedTo = `delegated to ${services.length > 0 ? services.join(', ') : 'a service'}`;
    }
    const outbound = (0,value_tree/* bool */.lc)((0,value_tree/* attr */.CF)(of, 'default_outbound_access_enabled'));
    if (outbound)
        s.defaultOutboundAccess = outbound;
    b.model.subnets.push(s);
    const reg = {
        armType: build/* ARM */.H9.subnet,
        id: s.id,
        names: [knownName(vnetName), knownName(s.name)],
        resourceGroup: knownName(resourceGroup),
    };
    if (s.subscription !== undefined)
        reg.subscription = s.subscription;
    b.register(reg);
    return s;
}
const standaloneSubnet = (r, b) => {
    const vnet = (0,value_tree/* str */.gx)(arg(r, 'virtual_network_name'));
    const s = subnet(b, header(r), r.body, vnet, (0,value_tree/* str */.gx)(arg(r, 'resource_group_name')));
    // Its VNet by Azure identity (name and resource group), before the links that read it (gateways).
    b.deferRegistration(() => {
        s.vnetId = (0,arm_gateways/* vnetRef */.xY)(b, vnet, hintsOf(r), 'virtual_network_name').id;
        // The VNet's region (Virtual Network Manager commits are per region), when the scan declares the VNet.
        const location = s.vnetId.known ? (0,arm_shapes/* vnetLocations */.YP)(b).get(s.vnetId.value) : undefined;
        if (location)
            s.location = location;
    });
};
/** Inline subnets of a virtual network; their route table / NSG are written on the block itself. */
const virtualNetwork = (r, b) => {
    registerResource(b, r, build/* ARM */.H9.vnet);
    const vnetName = (0,value_tree/* str */.gx)(arg(r, 'name'));
    const rg = (0,value_tree/* str */.gx)(arg(r, 'resource_group_name'));
    const location = (0,value_tree/* str */.gx)(arg(r, 'location'));
    if (location)
        (0,arm_shapes/* vnetLocations */.YP)(b).set(r.address, location);
    (b.model.vnets ??= []).push({
        id: r.address,
        name: vnetName ?? (0,value/* unknown */.L5)('name', 'not set', r.origin),
        ...(rg ? { resourceGroup: rg } : {}),
        ...(r.subscription !== undefined ? { subscription: r.subscription } : {}),
        origin: r.origin,
        address: r.address,
    });
    blocks(r, 'subnet').forEach((block, i) => {
        const s = subnet(b, blockHeader(r, 'subnet', block, i), block, vnetName, rg);
        s.vnetId = (0,value/* known */.eO)(r.address, r.origin);
        if (location)
            s.location = location;
        const rt = (0,value_tree/* attr */.CF)(block, 'route_table_id');
        const nsg = (0,value_tree/* attr */.CF)(block, 'security_group');
        b.defer(() => {
            if (rt) {
                s.routeTableId = b.resolve(build/* ARM */.H9.routeTable, (0,value_tree/* str */.gx)(rt), { near: s.id });
                s.routeTableOrigin = rt.origin;
            }
            if (nsg) {
                s.nsgId = b.resolve(build/* ARM */.H9.nsg, (0,value_tree/* str */.gx)(nsg), { near: s.id });
                s.nsgOrigin = nsg.origin;
            }
        });
    });
};
/** A subnet's id written against the vnet (`azurerm_virtual_network.hub.subnet.*.id`) names only the vnet. */
function subnetOfVnet(b, vnetId, subnetName, near) {
    const vnet = b.registration(vnetId);
    if (!vnet || vnet.armType !== build/* ARM */.H9.vnet.toLowerCase() || vnet.names[0] === undefined)
        return undefined;
    const id = b.resolve(build/* ARM */.H9.subnet, (0,value/* known */.eO)(subnetName), { parent: (0,value/* known */.eO)(vnet.names[0]), near });
    return id?.known ? id : undefined;
}
/** An Application Gateway's subnet holds nothing else (Azure requires it dedicated): no VM to judge there. */
const applicationGateway = (r, b) => {
    const name = (0,value_tree/* knownStr */.rO)(arg(r, 'name')) ?? r.address;
    for (const config of blocks(r, 'gateway_ip_configuration')) {
        const ref = (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(config, 'subnet_id'));
        b.defer(() => {
            const id = b.resolve(build/* ARM */.H9.subnet, ref, { near: r.address });
            const subnet = id?.known ? b.model.subnets.find((s) => s.id === id.value) : undefined;
            if (subnet)
                subnet.dedicatedTo = `used by Application Gateway ${name}`;
        });
    }
};
const subnetAdapters = {
    azurerm_subnet: standaloneSubnet,
    azurerm_virtual_network: virtualNetwork,
    azurerm_application_gateway: applicationGateway,
};

;// CONCATENATED MODULE: ./src/sources/terraform/adapters/firewall.ts





function privateAddress(r) {
    const hub = (0,value_tree/* items */.ld)(arg(r, 'virtual_hub'))[0];
    const config = (0,value_tree/* items */.ld)(arg(r, 'ip_configuration'))[0];
    const attribute = hub ? 'virtual_hub[0].private_ip_address' : 'ip_configuration[0].private_ip_address';
    const given = (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(hub ?? config, 'private_ip_address'));
    if (given?.known)
        return given;
    return (0,value/* unknown */.L5)(`${r.address}.${attribute}`, 'computed at apply time', (hub ?? config)?.origin ?? r.origin, {
        resource: r.address,
        attribute,
    });
}
/** `dns_proxy_enabled`, else on when `dns_servers` is a non-empty list (the provider turns it on then). */
function dnsProxy(r) {
    const enabled = (0,value_tree/* bool */.lc)(arg(r, 'dns_proxy_enabled'));
    if (enabled)
        return enabled;
    const servers = (0,value_tree/* strList */.Sc)(arg(r, 'dns_servers'));
    if (servers === undefined)
        return undefined;
    return servers.known ? (0,value/* known */.eO)(servers.value.length > 0, servers.origin) : servers;
}
const firewall = (r, b) => {
    const fw = {
        ...header(r),
        privateIpAddress: privateAddress(r),
        classicCollections: [],
        forcedTunnelling: (0,value_tree/* items */.ld)(arg(r, 'management_ip_configuration')).length > 0,
    };
    const sku = (0,value_tree/* str */.gx)(arg(r, 'sku_name'));
    if (sku)
        fw.sku = sku;
    const dns = dnsProxy(r);
    if (dns)
        fw.dnsProxy = dns;
    const subnetRef = (0,value_tree/* str */.gx)((0,value_tree/* items */.ld)(arg(r, 'ip_configuration'))
        .map((c) => (0,value_tree/* attr */.CF)(c, 'subnet_id'))
        .find((s) => s));
    const policyRef = (0,value_tree/* str */.gx)(arg(r, 'firewall_policy_id'));
    const hubRef = (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)((0,value_tree/* items */.ld)(arg(r, 'virtual_hub'))[0], 'virtual_hub_id'));
    b.defer(() => {
        const hubId = b.resolve(build/* ARM */.H9.virtualHub, hubRef, { near: fw.id });
        if (hubId)
            fw.virtualHubId = hubId;
        let subnetId = b.resolve(build/* ARM */.H9.subnet, subnetRef, { near: fw.id });
        // A subnet taken from the vnet's inline blocks names only the vnet; a firewall can only be in its
        // AzureFirewallSubnet.
        if (subnetId && !subnetId.known && subnetId.ref)
            subnetId = subnetOfVnet(b, subnetId.ref.resource, 'AzureFirewallSubnet', fw.id) ?? subnetId;
        if (subnetId)
            fw.subnetId = subnetId;
        const policyId = b.resolve(build/* ARM */.H9.firewallPolicy, policyRef, { near: fw.id });
        if (policyId)
            fw.policyId = policyId;
    });
    b.model.firewalls.push(fw);
    registerResource(b, r, build/* ARM */.H9.firewall);
};
const firewallAdapters = { azurerm_firewall: firewall };

;// CONCATENATED MODULE: ./src/sources/terraform/adapters/ipgroup.ts




const ipGroup = (r, b) => {
    const group = Object.assign(header(r), { cidrs: (0,value_tree/* strList */.Sc)(arg(r, 'cidrs')) ?? (0,value/* known */.eO)([]) });
    b.model.ipGroups.push(group);
    registerResource(b, r, build/* ARM */.H9.ipGroup);
};
const ipGroupCidr = (r, b) => {
    const cidr = (0,value_tree/* str */.gx)(arg(r, 'cidr'));
    b.defer(() => {
        const groupId = b.resolve(build/* ARM */.H9.ipGroup, (0,value_tree/* str */.gx)(arg(r, 'ip_group_id')), { near: r.address });
        const group = groupId?.known ? b.model.ipGroups.find((g) => g.id === groupId.value) : undefined;
        if (!group) {
            b.unresolved(r.origin, `${r.address}: cannot tell which IP group this CIDR is added to (${(0,build/* whyUnresolved */._z)(groupId, 'ip_group_id')}).`, (0,build/* expressionOf */.ez)(groupId), r.address);
            return;
        }
        // One unknown CIDR makes the group's contents unknown, as for any list.
        if (!group.cidrs.known)
            return;
        if (cidr?.known)
            group.cidrs = (0,value/* known */.eO)([...group.cidrs.value, cidr.value], group.cidrs.origin);
        else
            group.cidrs = cidr ?? (0,value/* unknown */.L5)('cidr', 'not set', r.origin);
    });
};
const ipGroupAdapters = {
    azurerm_ip_group: ipGroup,
    azurerm_ip_group_cidr: ipGroupCidr,
};

;// CONCATENATED MODULE: ./src/sources/terraform/adapters/natgateway.ts


const natGateway = (r, b) => {
    const gw = header(r);
    b.model.natGateways.push(gw);
    registerResource(b, r, build/* ARM */.H9.natGateway);
};
const natGatewayAdapters = { azurerm_nat_gateway: natGateway };

;// CONCATENATED MODULE: ./src/sources/terraform/adapters/network-interfaces.ts




const networkInterface = (r, b) => {
    const nic = Object.assign(header(r), { subnetIds: [] });
    (b.model.networkInterfaces ??= []).push(nic);
    registerResource(b, r, build/* ARM */.H9.networkInterface);
    b.defer(() => {
        blocks(r, 'ip_configuration').forEach((c, i) => {
            const id = b.resolve(build/* ARM */.H9.subnet, (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(c, 'subnet_id')), { near: r.address });
            nic.subnetIds.push(id ?? (0,value/* unknown */.L5)(`ip_configuration[${i}].subnet_id`, 'not set', c.origin));
        });
    });
};
const nsgAssociation = (r, b) => b.defer(() => {
    const nicId = b.resolve(build/* ARM */.H9.networkInterface, (0,value_tree/* str */.gx)(arg(r, 'network_interface_id')), { near: r.address });
    const nic = nicId?.known ? b.model.networkInterfaces?.find((n) => n.id === nicId.value) : undefined;
    const nsgId = b.resolve(build/* ARM */.H9.nsg, (0,value_tree/* str */.gx)(arg(r, 'network_security_group_id')), { near: r.address });
    if (nic) {
        nic.nsgId = nsgId ?? (0,value/* unknown */.L5)('network_security_group_id', 'not set', r.origin);
        nic.nsgOrigin = r.origin;
        return;
    }
    b.unresolved(r.origin, `${r.address}: cannot tell which network interface this network security group is associated with ` +
        `(${(0,build/* whyUnresolved */._z)(nicId, 'network_interface_id')}), so whether it lets the VM's KMS traffic out is not checked.`, (0,build/* expressionOf */.ez)(nicId), r.address);
});
const networkInterfaceAdapters = {
    azurerm_network_interface: networkInterface,
    azurerm_network_interface_security_group_association: nsgAssociation,
};

;// CONCATENATED MODULE: ./src/sources/terraform/adapters/nsg.ts





/** A rule's required argument; absent reads as unknown. */
function need(v, name, of) {
    return v ?? (0,value/* unknown */.L5)(name, 'not set', of.origin);
}
/** A rule from its block; `h` is a fresh header (header(), blockHeader()), completed in place (see common.ts). */
function rule(h, nsgId, of, condition) {
    // Field by field, in the order Object.assign(h, {...}) gave them, without its temporary object (a
    // generic copy, per rule).
    const r = h;
    r.nsgId = nsgId;
    r.priority = need((0,value_tree/* num */.bu)((0,value_tree/* attr */.CF)(of, 'priority')), 'priority', of);
    r.direction = need((0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(of, 'direction')), 'direction', of);
    r.access = (0,conditional/* ifDeployed */.k$)(need((0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(of, 'access')), 'access', of), condition, conditional/* allows */.NB, `NSG rule ${h.address}`);
    r.protocol = need((0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(of, 'protocol')), 'protocol', of);
    r.sourceAddressPrefixes = (0,value_tree/* oneOrMany */.Pl)((0,value_tree/* attr */.CF)(of, 'source_address_prefix'), (0,value_tree/* attr */.CF)(of, 'source_address_prefixes'));
    r.destinationAddressPrefixes = (0,value_tree/* oneOrMany */.Pl)((0,value_tree/* attr */.CF)(of, 'destination_address_prefix'), (0,value_tree/* attr */.CF)(of, 'destination_address_prefixes'));
    r.destinationPortRanges = (0,value_tree/* oneOrMany */.Pl)((0,value_tree/* attr */.CF)(of, 'destination_port_range'), (0,value_tree/* attr */.CF)(of, 'destination_port_ranges'));
    const src = (0,value_tree/* refIds */.mq)((0,value_tree/* attr */.CF)(of, 'source_application_security_group_ids'));
    if (src)
        r.sourceApplicationSecurityGroups = src;
    const dst = (0,value_tree/* refIds */.mq)((0,value_tree/* attr */.CF)(of, 'destination_application_security_group_ids'));
    if (dst)
        r.destinationApplicationSecurityGroups = dst;
    return r;
}
const networkSecurityGroup = (r, b) => {
    const nsg = Object.assign(header(r), { rules: [] });
    const condition = (0,conditional/* instancesUnknown */.Jb)(r);
    blocks(r, 'security_rule').forEach((block, i) => nsg.rules.push(rule(blockHeader(r, 'security_rule', block, i), nsg.id, block, condition)));
    b.model.nsgs.push(nsg);
    registerResource(b, r, build/* ARM */.H9.nsg);
};
const networkSecurityRule = (r, b) => {
    const nsgName = (0,value_tree/* str */.gx)(arg(r, 'network_security_group_name'));
    b.defer(() => {
        const nsgId = b.resolve(build/* ARM */.H9.nsg, nsgName, hintsOf(r));
        const nsg = nsgId?.known ? b.model.nsgs.find((n) => n.id === nsgId.value) : undefined;
        if (nsg)
            return void nsg.rules.push(rule(header(r), nsg.id, r.body, (0,conditional/* instancesUnknown */.Jb)(r)));
        b.unresolved(r.origin, `${r.address}: cannot tell which network security group this rule is added to (${(0,build/* whyUnresolved */._z)(nsgId, 'network_security_group_name')}), so its effect on Windows activation is not checked.`, (0,build/* expressionOf */.ez)(nsgId), r.address);
    });
};
const nsgAdapters = {
    azurerm_network_security_group: networkSecurityGroup,
    azurerm_network_security_rule: networkSecurityRule,
};

;// CONCATENATED MODULE: ./src/sources/terraform/adapters/policy.ts






const firewallPolicy = (r, b) => {
    const policy = Object.assign(header(r), { ruleCollectionGroups: [] });
    const dns = (0,value_tree/* bool */.lc)((0,value_tree/* attr */.CF)((0,value_tree/* items */.ld)(arg(r, 'dns'))[0], 'proxy_enabled'));
    if (dns)
        policy.dnsProxy = dns;
    const base = (0,value_tree/* str */.gx)(arg(r, 'base_policy_id'));
    if (base)
        b.defer(() => {
            const id = b.resolve(build/* ARM */.H9.firewallPolicy, base, { near: policy.id });
            if (id)
                policy.basePolicyId = id;
        });
    b.model.firewallPolicies.push(policy);
    registerResource(b, r, build/* ARM */.H9.firewallPolicy);
};
const NESTED = [
    ['network_rule_collection', 'network'],
    ['application_rule_collection', 'application'],
    ['nat_rule_collection', 'nat'],
];
const ruleCollectionGroup = (r, b) => {
    const collections = [];
    const condition = (0,conditional/* instancesUnknown */.Jb)(r);
    for (const [blockType, kind] of NESTED)
        blocks(r, blockType).forEach((block, i) => collections.push(collectionOf(b, blockHeader(r, blockType, block, i), block, kind, condition)));
    const policyRef = (0,value_tree/* str */.gx)(arg(r, 'firewall_policy_id'));
    const group = {
        ...header(r),
        policyId: policyRef ?? (0,value/* unknown */.L5)('firewall_policy_id', 'not set', r.origin),
        priority: (0,value_tree/* num */.bu)(arg(r, 'priority')) ?? (0,value/* unknown */.L5)('priority', 'not set', r.origin),
        collections,
    };
    b.defer(() => {
        const policyId = b.resolve(build/* ARM */.H9.firewallPolicy, policyRef, { near: r.address });
        const policy = policyId?.known ? b.model.firewallPolicies.find((p) => p.id === policyId.value) : undefined;
        if (policy && policyId) {
            group.policyId = policyId;
            return void policy.ruleCollectionGroups.push(group);
        }
        b.unresolved(r.origin, `${r.address}: cannot tell which firewall policy this rule collection group belongs to (${(0,build/* whyUnresolved */._z)(policyId, 'firewall_policy_id')}), so its rules are not considered.`, (0,build/* expressionOf */.ez)(policyId), r.address);
    });
};
const policyAdapters = {
    azurerm_firewall_policy: firewallPolicy,
    azurerm_firewall_policy_rule_collection_group: ruleCollectionGroup,
};

;// CONCATENATED MODULE: ./src/sources/terraform/adapters/routes.ts





function route(h, routeTableId, of, condition) {
    const r = Object.assign(h, {
        routeTableId,
        addressPrefix: (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(of, 'address_prefix')) ?? (0,value/* unknown */.L5)('address_prefix', 'not set', of.origin),
        nextHopType: (0,conditional/* ifDeployed */.k$)((0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(of, 'next_hop_type')) ?? (0,value/* unknown */.L5)('next_hop_type', 'not set', of.origin), condition, conditional/* toInternet */.Lf, `route ${h.address}`),
    });
    const hop = (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(of, 'next_hop_in_ip_address'));
    if (hop)
        r.nextHopIpAddress = hop;
    return r;
}
/**
 * v4 `bgp_route_propagation_enabled`, else v3 `disable_bgp_route_propagation` negated; Azure's default is on.
 */
function propagation(r) {
    const enabled = (0,value_tree/* bool */.lc)(arg(r, 'bgp_route_propagation_enabled'));
    if (enabled)
        return enabled;
    const disabled = (0,value_tree/* bool */.lc)(arg(r, 'disable_bgp_route_propagation'));
    return disabled ? (0,value_tree/* not */.AU)(disabled) : (0,value/* known */.eO)(true);
}
const routeTable = (r, b) => {
    const condition = (0,conditional/* instancesUnknown */.Jb)(r);
    const table = Object.assign(header(r), {
        routes: [],
        bgpRoutePropagation: (0,conditional/* ifDeployed */.k$)(propagation(r), condition, conditional/* propagationOff */.cq, `route table ${r.address}`),
    });
    blocks(r, 'route').forEach((block, i) => table.routes.push(route(blockHeader(r, 'route', block, i), table.id, block, condition)));
    b.model.routeTables.push(table);
    registerResource(b, r, build/* ARM */.H9.routeTable);
};
const standaloneRoute = (r, b) => {
    const tableName = (0,value_tree/* str */.gx)(arg(r, 'route_table_name'));
    b.defer(() => {
        const tableId = b.resolve(build/* ARM */.H9.routeTable, tableName, hintsOf(r));
        const table = tableId?.known ? b.model.routeTables.find((t) => t.id === tableId.value) : undefined;
        if (table)
            return void table.routes.push(route(header(r), table.id, r.body, (0,conditional/* instancesUnknown */.Jb)(r)));
        b.unresolved(r.origin, `${r.address}: cannot tell which route table this route is added to (${(0,build/* whyUnresolved */._z)(tableId, 'route_table_name')}), so its effect on Windows activation is not checked.`, (0,build/* expressionOf */.ez)(tableId), r.address);
        // A table named but not defined here may be deployed: the live overlay attaches the route to it.
        if (tableName?.known && tableId && !/ambiguous/.test(tableId.known ? '' : (tableId.reason ?? ''))) {
            const detached = {
                route: route(header(r), '', r.body),
                tableName: tableName.value,
                diagnostic: b.model.diagnostics[b.model.diagnostics.length - 1],
            };
            const rg = (0,value_tree/* str */.gx)(arg(r, 'resource_group_name'));
            if (rg?.known)
                detached.resourceGroup = rg.value;
            (b.model.detachedRoutes ??= []).push(detached);
        }
    });
};
const routeAdapters = {
    azurerm_route_table: routeTable,
    azurerm_route: standaloneRoute,
};

;// CONCATENATED MODULE: ./src/sources/terraform/adapters/vwan.ts
/**
 * Virtual WAN in azurerm: virtual hubs, their VNet connections (internet security, associated route
 * table), routing intent, hub route tables and their routes, and the hub's VPN/ExpressRoute gateways.
 * References are resolved in the builder's link step; the connection's VNet is kept as its name so the
 * analysis can find the subnets it carries.
 */






const wan = (b) => (b.model.virtualWan ??= (0,network/* emptyVirtualWan */.lG)());
/** A hub id: the hub's model id when the scan declares it, else the expression as it is. */
function hubRef(b, ref, near, origin) {
    return b.resolve(build/* ARM */.H9.virtualHub, ref, { near }) ?? (0,value/* unknown */.L5)('virtual_hub_id', 'not set', origin);
}
/** A next hop: a firewall's model id when it names one the scan declares, else the id as written. */
function nextHopRef(b, ref, near) {
    if (!ref)
        return (0,value/* unknown */.L5)('next_hop', 'not set');
    const fw = b.resolve(build/* ARM */.H9.firewall, ref, { near });
    return fw?.known ? fw : ref;
}
const virtualHub = (r, b) => {
    wan(b).hubs.push(header(r));
    registerResource(b, r, build/* ARM */.H9.virtualHub);
};
const connection = (r, b) => {
    const vnet = (0,value_tree/* str */.gx)(arg(r, 'remote_virtual_network_id'));
    const hubId = (0,value_tree/* str */.gx)(arg(r, 'virtual_hub_id'));
    const routing = (0,value_tree/* items */.ld)(arg(r, 'routing'))[0];
    const associated = (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(routing, 'associated_route_table_id'));
    // azurerm defaults internet_security_enabled to false: the hub's default route is not propagated.
    const c = {
        ...header(r),
        hubId: (0,value/* unknown */.L5)('virtual_hub_id', 'not linked yet'),
        vnetName: (0,value/* unknown */.L5)('remote_virtual_network_id', 'not linked yet'),
        vnetId: (0,value/* unknown */.L5)('remote_virtual_network_id', 'not linked yet'),
        internetSecurity: (0,value_tree/* bool */.lc)(arg(r, 'internet_security_enabled')) ?? (0,value/* known */.eO)(false, r.origin),
    };
    wan(b).connections.push(c);
    b.defer(() => {
        c.hubId = hubRef(b, hubId, c.id, r.origin);
        (0,arm_gateways/* setVnet */.Qc)(c, (0,arm_gateways/* vnetRef */.xY)(b, vnet, { near: c.id }, 'remote_virtual_network_id'));
        if (associated) {
            const t = b.resolve(build/* ARM */.H9.hubRouteTable, associated, { near: c.id });
            if (t)
                Object.assign(c, { associatedRouteTableId: t });
        }
    });
};
const routingIntent = (r, b) => {
    const hubId = (0,value_tree/* str */.gx)(arg(r, 'virtual_hub_id'));
    const intent = {
        ...header(r),
        hubId: (0,value/* unknown */.L5)('virtual_hub_id', 'not linked yet'),
    };
    const internet = (0,value_tree/* items */.ld)(arg(r, 'routing_policy')).find((p) => {
        const d = (0,value_tree/* strList */.Sc)((0,value_tree/* attr */.CF)(p, 'destinations'));
        return !d || !d.known || d.value.some((x) => x.toLowerCase() === 'internet');
    });
    wan(b).routingIntents.push(intent);
    b.defer(() => {
        intent.hubId = hubRef(b, hubId, intent.id, r.origin);
        if (internet) {
            const d = (0,value_tree/* strList */.Sc)((0,value_tree/* attr */.CF)(internet, 'destinations'));
            const hop = nextHopRef(b, (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(internet, 'next_hop')), intent.id);
            intent.internetNextHop =
                d && !d.known ? (0,value/* unknown */.L5)(d.expression, 'the routing policy destinations are not known', d.origin) : hop;
        }
    });
};
function hubRoute(b, base, block) {
    const route = {
        ...base,
        destinations: (0,value_tree/* strList */.Sc)((0,value_tree/* attr */.CF)(block, 'destinations')) ?? (0,value/* unknown */.L5)('destinations', 'not set', base.origin),
        nextHop: (0,value/* unknown */.L5)('next_hop', 'not linked yet'),
    };
    const hop = (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(block, 'next_hop'));
    b.defer(() => {
        route.nextHop = nextHopRef(b, hop, route.id);
    });
    return route;
}
const hubRouteTable = (r, b) => {
    const hubId = (0,value_tree/* str */.gx)(arg(r, 'virtual_hub_id'));
    const table = {
        ...header(r),
        hubId: (0,value/* unknown */.L5)('virtual_hub_id', 'not linked yet'),
        routes: (0,value_tree/* items */.ld)(arg(r, 'route')).map((block, i) => hubRoute(b, blockHeader(r, 'route', block, i), block)),
    };
    wan(b).routeTables.push(table);
    b.register({
        armType: build/* ARM */.H9.hubRouteTable,
        id: r.address,
        names: [undefined, (0,value_tree/* knownStr */.rO)(arg(r, 'name'))],
    });
    b.defer(() => {
        table.hubId = hubRef(b, hubId, table.id, r.origin);
    });
};
/** azurerm_virtual_hub_route_table_route: a route added to a table declared elsewhere (often defaultRouteTable). */
const hubRouteTableRoute = (r, b) => {
    const tableRef = (0,value_tree/* str */.gx)(arg(r, 'route_table_id'));
    const route = hubRoute(b, header(r), r.body);
    b.defer(() => {
        const t = b.resolve(build/* ARM */.H9.hubRouteTable, tableRef, { near: r.address });
        const w = wan(b);
        let table = t?.known ? w.routeTables.find((x) => x.id === t.value) : undefined;
        if (!table) {
            // `${azurerm_virtual_hub.hub.id}/hubRouteTables/defaultRouteTable`: the hub's default table.
            const text = (tableRef?.known ? tableRef.value : (tableRef?.expression ?? '')).replace(/^"|"$/g, '');
            const hubPart = /^(.*)\/hubRouteTables\/([^/]+)$/i.exec(text);
            // The hub part is the hub's id: a reference (`${azurerm_virtual_hub.x.id}`) or a literal ARM id.
            const interpolated = hubPart && /^\$\{([^}]+)\.id\}$/.exec(hubPart[1].trim());
            const hubRefValue = tableRef && !tableRef.known && tableRef.ref && !hubPart
                ? { ...tableRef, ref: { resource: tableRef.ref.resource, attribute: 'id' } }
                : interpolated
                    ? (0,value/* known */.eO)(interpolated[1], tableRef?.origin)
                    : hubPart
                        ? (0,value/* known */.eO)(hubPart[1], tableRef?.origin)
                        : undefined;
            const hubId = hubRef(b, hubRefValue, r.address, r.origin);
            const name = hubPart?.[2] ?? (tableRef && !tableRef.known ? 'defaultRouteTable' : text);
            // The hub's table exists whether or not this route does: it does not share the route's condition.
            const base = header(r);
            delete base.condition;
            table = Object.assign(base, { id: `${r.address}#table`, name: (0,value/* known */.eO)(name), hubId, routes: [] });
            w.routeTables.push(table);
        }
        table.routes.push(route);
    });
};
function gateway(kind) {
    return (r, b) => {
        const hubId = (0,value_tree/* str */.gx)(arg(r, 'virtual_hub_id'));
        const g = Object.assign(header(r), {
            kind,
            hubId: (0,value/* unknown */.L5)('virtual_hub_id', 'not linked yet'),
        });
        wan(b).gateways.push(g);
        b.defer(() => {
            g.hubId = hubRef(b, hubId, g.id, r.origin);
        });
    };
}
const virtualWanAdapters = {
    azurerm_virtual_hub: virtualHub,
    azurerm_virtual_hub_connection: connection,
    azurerm_virtual_hub_routing_intent: routingIntent,
    azurerm_virtual_hub_route_table: hubRouteTable,
    azurerm_virtual_hub_route_table_route: hubRouteTableRoute,
    azurerm_vpn_gateway: gateway('vpn'),
    azurerm_express_route_gateway: gateway('expressRoute'),
};

;// CONCATENATED MODULE: ./src/sources/terraform/adapters/gateways.ts
/**
 * Where BGP routes come from outside Virtual WAN, in azurerm: virtual network gateways (VPN with or
 * without BGP, ExpressRoute), local network gateways (a site's address space, its BGP peer), Azure Route
 * Server (azurerm_route_server, or the older azurerm_virtual_hub_ip form) and the NVAs peering with it,
 * and VNet peerings (use_remote_gateways / allow_gateway_transit). The VNet a gateway serves is the VNet
 * of the subnet its ip configuration names (GatewaySubnet, RouteServerSubnet), found in the link step.
 */






const gw = (b) => (b.model.bgp ??= (0,network/* emptyGatewayModel */.Z_)());
const gateways_text = (v) => v?.known ? String(v.value) : undefined;
const virtualNetworkGateway = (r, b) => {
    const type = (0,value_tree/* str */.gx)(arg(r, 'type'));
    const kind = type?.known && type.value.toLowerCase() === 'expressroute' ? 'expressRoute' : 'vpn';
    const subnetRef = (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)((0,value_tree/* items */.ld)(arg(r, 'ip_configuration'))[0], 'subnet_id'));
    // azurerm v3 `enable_bgp`, v4 `bgp_enabled`; both default to false.
    const bgp = (0,value_tree/* bool */.lc)(arg(r, 'bgp_enabled')) ?? (0,value_tree/* bool */.lc)(arg(r, 'enable_bgp')) ?? (0,value/* known */.eO)(false, r.origin);
    const g = {
        ...header(r),
        kind,
        vnetName: (0,value/* unknown */.L5)('ip_configuration.subnet_id', 'not linked yet'),
        vnetId: (0,value/* unknown */.L5)('ip_configuration.subnet_id', 'not linked yet'),
        peers: [],
    };
    if (kind === 'vpn')
        g.bgp = bgp;
    gw(b).gateways.push(g);
    registerResource(b, r, build/* ARM */.H9.vnetGateway);
    b.defer(() => {
        (0,arm_gateways/* setVnet */.Qc)(g, (0,arm_gateways/* vnetOfSubnet */.oR)(b, subnetRef, g.id));
    });
};
const localNetworkGateway = (r, b) => {
    const settings = (0,value_tree/* items */.ld)(arg(r, 'bgp_settings'))[0];
    const l = {
        ...header(r),
        addressPrefixes: (0,value_tree/* strList */.Sc)(arg(r, 'address_space')) ?? (0,value/* known */.eO)([], r.origin),
    };
    if (settings) {
        const ip = gateways_text((0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(settings, 'bgp_peering_address')));
        const asn = gateways_text((0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(settings, 'asn')));
        l.bgpPeer = `${ip ?? '?'}${asn ? ` AS ${asn}` : ''}`;
    }
    gw(b).localNetworkGateways.push(l);
    registerResource(b, r, build/* ARM */.H9.localNetworkGateway);
};
/**
 * A site-to-site connection (`type = "IPsec"`): links its local network gateway to the VPN gateway, whose
 * routes then carry the site's address space (src/analysis/bgp.ts). A side that does not resolve links
 * nothing: the site stays "may be any VPN gateway's".
 */
const gatewayConnection = (r, b) => {
    const site = (0,value_tree/* str */.gx)(arg(r, 'local_network_gateway_id'));
    if (!site)
        return;
    const gateway = (0,value_tree/* str */.gx)(arg(r, 'virtual_network_gateway_id'));
    const name = (0,value_tree/* str */.gx)(arg(r, 'name'));
    b.defer(() => (0,arm_gateways/* linkSite */.OD)(b, gateway, site, r.address, name, r.origin));
};
/** The virtual hub an azurerm_virtual_hub_ip Route Server is, to match its BGP connections. */
const hubOfServer = new WeakMap();
/** azurerm_route_server, or azurerm_virtual_hub_ip (the older Route Server: a hub with an ip in RouteServerSubnet). */
function routeServer(hubAttr) {
    return (r, b) => {
        const subnetRef = (0,value_tree/* str */.gx)(arg(r, 'subnet_id'));
        const g = {
            ...header(r),
            kind: 'routeServer',
            vnetName: (0,value/* unknown */.L5)('subnet_id', 'not linked yet'),
            vnetId: (0,value/* unknown */.L5)('subnet_id', 'not linked yet'),
            peers: [],
        };
        gw(b).gateways.push(g);
        if (hubAttr)
            hubOfServer.set(g, (0,value_tree/* str */.gx)(arg(r, hubAttr)));
        // A Route Server is a Microsoft.Network/virtualHubs resource: ARM ids of either form name it.
        else
            registerResource(b, r, build/* ARM */.H9.virtualHub);
        b.defer(() => {
            (0,arm_gateways/* setVnet */.Qc)(g, (0,arm_gateways/* vnetOfSubnet */.oR)(b, subnetRef, g.id));
        });
    };
}
/**
 * An NVA peering with a Route Server: named on the server, since what it advertises is not in the code.
 * A server the scan does not hold (its id unknown, or one declared elsewhere) is a Route Server of a VNet the
 * scan cannot tell, as for Bicep and ARM (src/sources/mapping/arm-gateways.ts): its NVAs may advertise a
 * default route to any subnet where gateway routes propagate (src/analysis/bgp.ts). Was: dropped, and the
 * spokes read "reachable".
 */
function bgpConnection(serverAttr) {
    return (r, b) => {
        const serverRef = (0,value_tree/* str */.gx)(arg(r, serverAttr));
        const ip = gateways_text((0,value_tree/* str */.gx)(arg(r, 'peer_ip')));
        const asn = gateways_text((0,value_tree/* str */.gx)(arg(r, 'peer_asn')));
        const name = gateways_text((0,value_tree/* str */.gx)(arg(r, 'name'))) ?? r.address;
        b.defer(() => {
            const id = b.resolve(build/* ARM */.H9.virtualHub, serverRef, { near: r.address });
            const servers = gw(b).gateways.filter((g) => g.kind === 'routeServer');
            const idOf = (g) => {
                if (!hubOfServer.has(g))
                    return g.id;
                const hub = b.resolve(build/* ARM */.H9.virtualHub, hubOfServer.get(g), { near: g.id });
                return hub?.known ? hub.value : undefined;
            };
            // An id the scan cannot tell is not taken for the one server it holds: it may be another's.
            const server = id?.known ? servers.find((g) => idOf(g) === id.value) : undefined;
            const peer = `${name} ${ip ?? '?'}${asn ? ` AS ${asn}` : ''}`;
            if (server)
                return void server.peers.push(peer);
            const why = id?.known
                ? `its Route Server (${id.value}) is not in the scan`
                : `which Route Server it peers with is not known (${serverRef?.known === false ? (serverRef.reason ?? serverRef.expression) : `${serverAttr} not set`})`;
            const vnet = (0,value/* unknown */.L5)(serverAttr, `${why}: it may be a Route Server in any virtual network`, r.origin);
            gw(b).gateways.push({
                ...header(r),
                name: (0,value/* known */.eO)(`of ${r.address}`, r.origin),
                kind: 'routeServer',
                vnetName: vnet,
                vnetId: vnet,
                peers: [peer],
            });
        });
    };
}
const peering = (r, b) => {
    const remote = (0,value_tree/* str */.gx)(arg(r, 'remote_virtual_network_id'));
    const local = (0,value_tree/* str */.gx)(arg(r, 'virtual_network_name'));
    const p = {
        ...header(r),
        vnetName: local ?? (0,value/* unknown */.L5)('virtual_network_name', 'not set', r.origin),
        vnetId: (0,value/* unknown */.L5)('virtual_network_name', 'not linked yet'),
        remoteVnetName: (0,value/* unknown */.L5)('remote_virtual_network_id', 'not linked yet'),
        remoteVnetId: (0,value/* unknown */.L5)('remote_virtual_network_id', 'not linked yet'),
        // azurerm defaults both to false.
        useRemoteGateways: (0,value_tree/* bool */.lc)(arg(r, 'use_remote_gateways')) ?? (0,value/* known */.eO)(false, r.origin),
        allowGatewayTransit: (0,value_tree/* bool */.lc)(arg(r, 'allow_gateway_transit')) ?? (0,value/* known */.eO)(false, r.origin),
    };
    gw(b).peerings.push(p);
    b.defer(() => {
        const from = (0,arm_gateways/* vnetRef */.xY)(b, local, hintsOf(r), 'virtual_network_name');
        const to = (0,arm_gateways/* vnetRef */.xY)(b, remote, { near: p.id }, 'remote_virtual_network_id');
        p.vnetId = from.id;
        if (from.name.known)
            p.vnetName = from.name;
        Object.assign(p, { remoteVnetId: to.id, remoteVnetName: to.name });
    });
};
const gatewayAdapters = {
    azurerm_virtual_network_gateway: virtualNetworkGateway,
    azurerm_local_network_gateway: localNetworkGateway,
    azurerm_virtual_network_gateway_connection: gatewayConnection,
    azurerm_route_server: routeServer(),
    azurerm_route_server_bgp_connection: bgpConnection('route_server_id'),
    azurerm_virtual_hub_ip: routeServer('virtual_hub_id'),
    azurerm_virtual_hub_bgp_connection: bgpConnection('virtual_hub_id'),
    azurerm_virtual_network_peering: peering,
};

// EXTERNAL MODULE: ./src/sources/mapping/arm-avnm.ts + 1 modules
var arm_avnm = __webpack_require__(8501);
// EXTERNAL MODULE: ./src/sources/mapping/avnm-commits.ts
var avnm_commits = __webpack_require__(5898);
;// CONCATENATED MODULE: ./src/sources/terraform/adapters/avnm.ts







const refList = (v) => v?.kind === 'list' ? v.items.flatMap((i) => ((0,value_tree/* str */.gx)(i) ? [(0,value_tree/* str */.gx)(i)] : [])) : v ? [(0,value_tree/* str */.gx)(v)].filter(Boolean) : [];
const group = (r, b) => {
    const g = Object.assign(header(r), { staticVnets: [] });
    (0,arm_avnm/* networkManager */.Yd)(b).groups.push(g);
};
const staticMember = (r, b) => {
    const groupRef = (0,value_tree/* str */.gx)(arg(r, 'network_group_id'));
    const vnet = (0,value_tree/* str */.gx)(arg(r, 'target_virtual_network_id'));
    b.defer(() => {
        const g = (0,arm_avnm/* findByRef */.AF)((0,arm_avnm/* networkManager */.Yd)(b).groups, groupRef);
        const member = (0,arm_gateways/* vnetRef */.xY)(b, vnet, { near: r.address }, 'target_virtual_network_id');
        (0,arm_avnm/* addMember */.s4)(g, member);
    });
};
function configuration(kind) {
    return (r, b) => {
        const h = header(r);
        (0,arm_avnm/* networkManager */.Yd)(b).configurations.push({
            ...h,
            kind,
            deployed: (0,arm_avnm/* notCommitted */.Kc)(h.origin, 'no azurerm_network_manager_deployment lists it'),
        });
    };
}
function collection(configAttr) {
    return (r, b) => {
        const groups = arg(r, 'network_group_ids');
        const c = {
            id: r.address,
            origin: r.origin,
            configurationId: (0,value/* unknown */.L5)(configAttr, 'not linked yet'),
            groupIds: (0,value/* unknown */.L5)('network_group_ids', 'not linked yet'),
        };
        const name = (0,value_tree/* str */.gx)(arg(r, 'name'));
        if (name?.known)
            c.name = name.value;
        // azurerm_network_manager_routing_rule_collection: `bgp_route_propagation_enabled` defaults to false.
        if (configAttr === 'routing_configuration_id')
            c.bgpRoutePropagation = (0,value_tree/* bool */.lc)(arg(r, 'bgp_route_propagation_enabled')) ?? (0,value/* known */.eO)(false, r.origin);
        (0,arm_avnm/* linkCollection */.Hr)(b, c, (0,value_tree/* str */.gx)(arg(r, configAttr)), () => groups?.kind === 'unknown'
            ? (0,value/* unknown */.L5)(groups.expression, groups.reason, groups.origin)
            : (0,arm_avnm/* linkGroups */.x2)(b, refList(groups), r.origin));
    };
}
const adminRule = (r, b) => {
    // `source { address_prefix }` / `destination { address_prefix }` blocks; none = any.
    const prefixOf = (item) => (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(item, 'address_prefix'));
    const fields = {
        sources: (0,arm_avnm/* adminPrefixes */.em)(arg(r, 'source'), prefixOf, r.origin, true),
        destinations: (0,arm_avnm/* adminPrefixes */.em)(arg(r, 'destination'), prefixOf, r.origin, true),
    };
    const action = (0,value_tree/* str */.gx)(arg(r, 'action'));
    const condition = (0,conditional/* instancesUnknown */.Jb)(r);
    const optional = {
        priority: (0,value_tree/* num */.bu)(arg(r, 'priority')),
        direction: (0,value_tree/* str */.gx)(arg(r, 'direction')),
        access: action && (0,conditional/* ifDeployed */.k$)(action, condition, conditional/* notDeny */.W4, `security admin rule ${r.address}`),
        protocol: (0,value_tree/* str */.gx)(arg(r, 'protocol')),
        ports: (0,value_tree/* strList */.Sc)(arg(r, 'destination_port_ranges')),
    };
    for (const [k, v] of Object.entries(optional))
        if (v)
            Object.assign(fields, { [k]: v });
    const spelled = { access: 'action', collection: 'admin_rule_collection_id' };
    (0,arm_avnm/* addAdminRule */.x8)(b, header(r), fields, spelled, (0,value_tree/* str */.gx)(arg(r, 'admin_rule_collection_id')));
};
const routingRule = (r, b) => {
    const dest = (0,value_tree/* items */.ld)(arg(r, 'destination'))[0];
    const hop = (0,value_tree/* items */.ld)(arg(r, 'next_hop'))[0];
    const fields = {
        destination: (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(dest, 'address')),
        nextHopType: (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(hop, 'type')),
        nextHopAddress: (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(hop, 'address')),
    };
    const spelled = {
        destination: 'destination.address',
        nextHopType: 'next_hop.type',
        collection: 'rule_collection_id',
    };
    (0,arm_avnm/* addManagedRoute */.i3)(b, header(r), fields, spelled, (0,value_tree/* str */.gx)(arg(r, 'rule_collection_id')));
};
/**
 * azurerm_network_manager_deployment commits the configurations it lists, of its `scope_access` (commit
 * type: `Routing`, `SecurityAdmin`; `Connectivity` commits none the model holds) to one region
 * (`location`); ../../mapping/avnm-commits.ts decides, with the other commits, where each is deployed.
 * A deployment whose instances the scan cannot count (`count = var.x ? 1 : 0` with var.x unknown) may not
 * exist: its commit is conditional, named.
 */
const deployment = (r, b) => {
    const ids = arg(r, 'configuration_ids');
    const scope = (0,value_tree/* str */.gx)(arg(r, 'scope_access'));
    const location = (0,value_tree/* str */.gx)(arg(r, 'location'));
    const h = header(r);
    const kind = !scope
        ? undefined
        : !scope.known
            ? scope
            : /^securityadmin$/i.test(scope.value.trim())
                ? (0,value/* known */.eO)('securityAdmin', scope.origin)
                : /^routing$/i.test(scope.value.trim())
                    ? (0,value/* known */.eO)('routing', scope.origin)
                    : 'other';
    if (kind === 'other')
        return;
    const regions = !location
        ? 'everywhere'
        : location.known
            ? (0,value/* known */.eO)([location.value], location.origin)
            : location;
    const commit = {
        by: h,
        label: r.address,
        oneRegion: true,
        configurations: ids?.kind === 'unknown' ? (0,value_tree/* str */.gx)(ids) : refList(ids),
        regions,
    };
    if (kind)
        commit.kind = kind;
    const condition = (0,conditional/* instancesUnknown */.Jb)(r);
    if (condition)
        commit.condition = condition;
    (0,avnm_commits/* addCommit */.Ph)(b, commit);
    // `depends_on` orders the commits, as ARM's dependsOn does: the later commit of a type to a region decides.
    if (r.dependsOn)
        (0,avnm_commits/* recordDependencies */.de)(b, r.address, r.dependsOn);
};
const networkManagerAdapters = {
    azurerm_network_manager_network_group: group,
    azurerm_network_manager_static_member: staticMember,
    azurerm_network_manager_security_admin_configuration: configuration('securityAdmin'),
    azurerm_network_manager_admin_rule_collection: collection('security_admin_configuration_id'),
    azurerm_network_manager_admin_rule: adminRule,
    azurerm_network_manager_routing_configuration: configuration('routing'),
    azurerm_network_manager_routing_rule_collection: collection('routing_configuration_id'),
    azurerm_network_manager_routing_rule: routingRule,
    azurerm_network_manager_deployment: deployment,
};

// EXTERNAL MODULE: ./src/sources/arm/embedded.ts
var embedded = __webpack_require__(4305);
// EXTERNAL MODULE: ./src/sources/mapping/may-change.ts
var may_change = __webpack_require__(971);
;// CONCATENATED MODULE: ./src/sources/terraform/adapters/template-deployment.ts
/**
 * ARM templates deployed from Terraform: azurerm_resource_group_template_deployment and its subscription,
 * management group and tenant siblings, the deprecated azurerm_template_deployment, and azapi_resource of
 * type Microsoft.Resources/deployments. The template is evaluated by the ARM source
 * (src/sources/arm/embedded.ts) with the parameters Terraform passes, in the deployment's resource group,
 * and its resources join this unit's model like any other: a hub route table's routes written through a
 * template (as aztfmod/terraform-azurerm-caf writes them) decide the spokes' paths.
 *
 * What the scan cannot read (a template that is not known before apply, a template spec, a nested template
 * linked by URI) is named: every subnet it may change is undecided, never reachable
 * (src/sources/mapping/may-change.ts).
 */









/** azurerm types that deploy an ARM template, and the arguments they carry it in. */
const AZURERM = {
    azurerm_resource_group_template_deployment: {
        template: 'template_content',
        parameters: 'parameters_content',
    },
    azurerm_subscription_template_deployment: {
        template: 'template_content',
        parameters: 'parameters_content',
    },
    azurerm_management_group_template_deployment: {
        template: 'template_content',
        parameters: 'parameters_content',
    },
    azurerm_tenant_template_deployment: { template: 'template_content', parameters: 'parameters_content' },
    azurerm_template_deployment: { template: 'template_body', parameters: 'parameters_body' },
};
/** Is this resource one that deploys an ARM template? (azapi: by its `type`.) */
function deploysTemplate(r) {
    if (Object.hasOwn(AZURERM, r.type))
        return r.mode === 'managed';
    if (r.type !== 'azapi_resource' || r.mode !== 'managed')
        return false;
    const type = (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(r.body, 'type'));
    return type?.known === true && /^microsoft\.resources\/deployments(@|$)/i.test(type.value.trim());
}
/** A JSON string as a value tree; `jsonencode(x)` of an x with unknown parts as x itself. */
function tree(v) {
    if (v === undefined || v.kind === 'null')
        return undefined;
    if (v.kind === 'unknown')
        return v.encoded ?? { why: v.reason };
    if (v.kind !== 'string')
        return v;
    try {
        return (0,value_tree/* fromJson */.Rf)((0,json_lines/* parsePlain */.eE)(v.value), v.origin);
    }
    catch (e) {
        return { why: `it is not valid JSON (${e.message})` };
    }
}
/** `{ p: { value: x } }` (or a whole parameters file) \u2192 values by lower-case name. */
function parameterValues(params, into) {
    const section = params.kind === 'object' && (0,value_tree/* attrCI */.ej)(params, '$schema') && (0,value_tree/* attrCI */.ej)(params, 'parameters')
        ? (0,value_tree/* attrCI */.ej)(params, 'parameters')
        : params;
    if (section.kind !== 'object')
        return;
    for (const [name, p] of Object.entries(section.attrs)) {
        const value = p.kind === 'object' ? (0,value_tree/* attrCI */.ej)(p, 'value') : undefined;
        into.set(name.toLowerCase(), p.kind === 'unknown'
            ? p
            : (value ??
                (0,value_tree/* unknownNode */.fn)(`parameters.${name}`, p.kind === 'object' && (0,value_tree/* attrCI */.ej)(p, 'reference')
                    ? `parameter "${name}" is a Key Vault reference, resolved at deployment`
                    : `parameter "${name}" is passed without a value`, p.origin)));
    }
}
/**
 * Of identical template files, the one a deployment read: the nearest to the file declaring it (a module
 * reads `${path.module}/x.json`; two hub modules may each ship the same template).
 */
function nearest(files, from) {
    if (!files || files.length < 2)
        return files?.[0];
    const shared = (f) => {
        let i = 0;
        while (i < f.length && i < from.length && f[i] === from[i])
            i++;
        return f.slice(0, i).lastIndexOf('/');
    };
    return files.reduce((best, f) => (shared(f) > shared(best) ? f : best));
}
function azurermDeployment(r, context) {
    const args = AZURERM[r.type];
    const parameters = new Map();
    const d = { template: { why: '' }, parameters };
    const rg = (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(r.body, 'resource_group_name'));
    if (rg?.known)
        d.resourceGroup = rg.value;
    const params = tree((0,value_tree/* attr */.CF)(r.body, args.parameters));
    if (params && 'why' in params)
        d.unsupplied = `${args.parameters} is not known: ${params.why}`;
    else if (params)
        parameterValues(params, parameters);
    // The deprecated resource also takes a map of string values.
    const map = (0,value_tree/* attr */.CF)(r.body, 'parameters');
    if (r.type === 'azurerm_template_deployment' && map?.kind === 'object')
        for (const [k, v] of Object.entries(map.attrs))
            parameters.set(k.toLowerCase(), v);
    const spec = (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(r.body, 'template_spec_version_id'));
    const content = (0,value_tree/* attr */.CF)(r.body, args.template);
    if (spec && (content === undefined || content.kind === 'null')) {
        d.template = {
            why: `it deploys the template spec ${spec.known ? spec.value : spec.expression}, which is not in the scanned sources`,
        };
        return d;
    }
    if (content?.kind === 'string') {
        const file = nearest(context.templateFiles?.get(content.value), r.origin.file);
        d.template = { text: content.value, site: content.origin, ...(file !== undefined ? { file } : {}) };
        return d;
    }
    const t = tree(content);
    d.template =
        t === undefined
            ? { why: `${args.template} is not set` }
            : 'why' in t
                ? { why: `${args.template} is not known (${t.why})` }
                : { value: t, site: content.origin };
    return d;
}
/** azapi_resource `Microsoft.Resources/deployments`: the body's `properties.template` and `parameters`. */
function azapiDeployment(r) {
    const parameters = new Map();
    const d = { template: { why: '' }, parameters };
    const parent = (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(r.body, 'parent_id'));
    const rg = parent?.known ? /\/resourceGroups\/([^/]+)/i.exec(parent.value)?.[1] : undefined;
    if (rg !== undefined)
        d.resourceGroup = rg;
    const body = tree((0,value_tree/* attr */.CF)(r.body, 'body'));
    if (body === undefined || 'why' in body) {
        d.template = { why: `its body is not known${body ? ` (${body.why})` : ''}` };
        return d;
    }
    const props = (0,value_tree/* attrCI */.ej)(body, 'properties');
    if (props?.kind === 'unknown') {
        d.template = { why: `its properties are not known (${props.reason})` };
        return d;
    }
    const params = tree((0,value_tree/* attrCI */.ej)(props, 'parameters'));
    if (params && 'why' in params)
        d.unsupplied = `the deployment's parameters are not known: ${params.why}`;
    else if (params)
        parameterValues(params, parameters);
    if ((0,value_tree/* attrCI */.ej)(props, 'parametersLink'))
        d.unsupplied = 'the parameters are linked by URI (parametersLink), which the scan does not follow';
    const template = (0,value_tree/* attrCI */.ej)(props, 'template');
    const link = (0,value_tree/* str */.gx)((0,value_tree/* attrCI */.ej)((0,value_tree/* attrCI */.ej)(props, 'templateLink'), 'uri')) ?? (0,value_tree/* str */.gx)((0,value_tree/* attrCI */.ej)((0,value_tree/* attrCI */.ej)(props, 'templateLink'), 'id'));
    if (template === undefined || template.kind === 'null')
        d.template = {
            why: link
                ? `its template is linked (${link.known ? link.value : link.expression}), which the scan does not follow`
                : 'it has no template',
        };
    else {
        const t = tree(template);
        d.template =
            t === undefined || 'why' in t
                ? { why: `its template is not known${t ? ` (${t.why})` : ''}` }
                : { value: t, site: template.origin };
    }
    return d;
}
/**
 * The subscription whose objects the deployment may change: its own (the provider configuration's, an azapi
 * parent's); undefined = any (a management group or tenant deployment reaches every subscription under it,
 * and one whose subscription is not stated may be any).
 */
function scopeOf(r) {
    if (r.type === 'azurerm_management_group_template_deployment' ||
        r.type === 'azurerm_tenant_template_deployment')
        return undefined;
    if (r.type !== 'azapi_resource')
        return r.subscription;
    const parent = (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(r.body, 'parent_id'));
    return parent?.known
        ? /^\/subscriptions\/([^/]+)/i.exec(parent.value.trim())?.[1]?.toLowerCase()
        : undefined;
}
function cloudOf(context) {
    for (const env of context.environments) {
        const cloud = (0,catalogue/* cloudFromEnvironment */.pz)(env);
        if (cloud)
            return cloud;
    }
    return 'AzureCloud';
}
/**
 * A child resource named `format("%s/%s", hub.name, "rt")` where the parent's name is known only at apply
 * (an azurecaf name, as CAF names every hub): its own name is still known, and its parent is the resource
 * the unknown part refers to (src/sources/terraform/functions.ts keeps format()'s pieces).
 */
function nameFromParts(input) {
    const v = input.body.kind === 'object' ? input.body.attrs.name : undefined;
    if (input.name.known || input.parent || v?.kind !== 'unknown' || !v.parts)
        return;
    const pieces = v.parts.map((p) => typeof p === 'string' ? p : p.kind === 'string' || p.kind === 'number' ? String(p.value) : p);
    const at = pieces.findLastIndex((p) => typeof p === 'string' && p.includes('/'));
    if (at < 0 || pieces.slice(at + 1).some((p) => typeof p !== 'string'))
        return;
    const text = pieces[at];
    const own = text.slice(text.lastIndexOf('/') + 1) + pieces.slice(at + 1).join('');
    const before = [...pieces.slice(0, at), text.slice(0, text.lastIndexOf('/'))].filter((p) => p !== '');
    const parent = before.length === 1 ? before[0] : undefined;
    if (own === '' || own.includes('/') || parent === undefined || typeof parent === 'string')
        return;
    if (parent.kind !== 'unknown')
        return;
    input.name = (0,value/* known */.eO)(own, v.origin);
    input.parent = (0,value_tree/* fromUnknown */.ps)(parent);
}
/**
 * Adds the resources the template deploys to the model; what cannot be read is named on the subnets it
 * may change.
 */
/** The template evaluated with what Terraform passes it; why not, when it cannot be read. */
function evaluateDeployment(r, context) {
    const d = r.type === 'azapi_resource' ? azapiDeployment(r) : azurermDeployment(r, context);
    if ('why' in d.template)
        return { why: d.template.why };
    const result = (0,embedded/* evaluateEmbeddedTemplate */.o)({
        template: d.template,
        parameters: d.parameters,
        ...(d.unsupplied !== undefined ? { unsupplied: d.unsupplied } : {}),
        cloud: cloudOf(context),
        ...(context.readLinked ? { readFile: context.readLinked } : {}),
        idBase: r.address,
        prefix: `${r.address}: `,
        target: {
            ...(d.resourceGroup !== undefined ? { resourceGroup: d.resourceGroup } : {}),
            ...(r.subscription !== undefined ? { subscriptionId: r.subscription } : {}),
        },
    });
    return result.error !== undefined ? { why: result.error } : result;
}
/**
 * `output_content` of an azurerm_*_template_deployment: the JSON of the template's outputs,
 * `{"name":{"type":\u2026,"value":\u2026}}`, known only after apply; its structure is kept as jsonencode() keeps it
 * (HclValue.encoded), so `jsondecode(\u2026.output_content).routeTableId.value` is the template's output, and an
 * output known only at apply stays unknown with its ref. undefined when the template cannot be read.
 */
function outputContent(r, context) {
    if (!Object.hasOwn(AZURERM, r.type) || r.type === 'azurerm_template_deployment')
        return undefined;
    const result = evaluateDeployment(r, context);
    if ('why' in result || !result.outputs)
        return undefined;
    const first = (0,value_tree/* firstUnknown */.Ny)(result.outputs);
    return {
        kind: 'unknown',
        expression: `${r.address}.output_content`,
        reason: first?.reason ?? 'the outputs of a template deployment are known after apply',
        origin: r.origin,
        ref: { resource: r.address, attribute: 'output_content' },
        encoded: result.outputs,
    };
}
function addTemplateDeployment(r, b, context) {
    const scope = scopeOf(r);
    const result = evaluateDeployment(r, context);
    if ('why' in result) {
        mayChangeSubnets(b, r, result.why, scope);
        return;
    }
    for (const d of result.diagnostics)
        b.model.diagnostics.push({ ...d, address: r.address });
    const condition = (0,conditional/* instancesUnknown */.Jb)(r);
    const tables = [];
    for (const input of result.resources) {
        if (condition && !input.condition)
            input.condition = condition;
        // A resource of a nested deployment whose subscription cannot be evaluated may be in any: not the
        // deploying one's.
        if (input.subscription === undefined && input.stated !== 'any' && r.subscription !== undefined)
            input.subscription = r.subscription;
        nameFromParts(input);
        if ((0,arm_shapes/* addArmResource */.at)(b, input) && input.armType.toLowerCase() === build/* ARM */.H9.hubRouteTable.toLowerCase())
            tables.push(input.id);
    }
    if (tables.length > 0)
        replaceDeclaredHubTables(b, tables);
    const own = (address) => address.replace(`${r.address}: `, '');
    for (const u of result.unread)
        mayChangeSubnets(b, r, `${own(u.what)}: ${u.why}`, (0,may_change/* scopeOfPart */.rE)(u, scope), u.kind === 'unplaced' ? UNPLACED : undefined);
    // A child of a nested deployment with its own subscriptionId may change that subscription's objects
    // (any, when it cannot be evaluated), not the deploying one's: one part per scope.
    (0,may_change/* unplacedChildren */.ui)(b, result.resources, may_change/* pathChildType */.SK, (open) => {
        const byScope = new Map();
        for (const o of open) {
            const at = (0,may_change/* scopeOfPart */.rE)(o.input.stated !== undefined ? { subscription: o.input.stated } : {}, scope);
            byScope.set(at, [...(byScope.get(at) ?? []), `${own(o.input.address)}: ${o.why}`]);
        }
        for (const [at, whys] of byScope)
            mayChangeSubnets(b, r, whys.join('; '), at, UNPLACED);
    });
}
const UNPLACED = 'an ARM template with a resource the scan cannot place';
/** What a deployment the scan cannot (wholly) follow may change, named by the Terraform resource. */
function mayChangeSubnets(b, r, why, scope, what = 'an ARM template the scan cannot read') {
    (0,may_change/* mayChange */.yv)(b, {
        address: r.address,
        origin: r.origin,
        sourceType: r.type,
        format: 'terraform',
        cannot: `${r.address} deploys ${what}: ${why}`,
        scope,
    });
}
/**
 * A hub route table the template writes that Terraform also declares (aztfmod's CAF declares an empty
 * azurerm_virtual_hub_route_table, ignores changes to its routes, and writes them through a template):
 * the template's PUT sets the table's routes, so the declared table, which connections refer to, gets
 * them, and the template's copy is dropped.
 */
function replaceDeclaredHubTables(b, ids) {
    // Twice deferred: after the links that give both tables their hub.
    b.defer(() => b.defer(() => {
        const wan = b.model.virtualWan;
        if (!wan)
            return;
        const same = (a, t) => a !== t &&
            a.name.known &&
            t.name.known &&
            a.name.value.toLowerCase() === t.name.value.toLowerCase() &&
            a.hubId.known &&
            t.hubId.known &&
            a.hubId.value === t.hubId.value;
        for (const id of ids) {
            const t = wan.routeTables.find((x) => x.id === id);
            const declared = t ? wan.routeTables.filter((a) => same(a, t) && !ids.includes(a.id)) : [];
            if (!t || declared.length !== 1)
                continue;
            // The routes are the declared table's now: their ids under its id, not the dropped copy's.
            for (const route of t.routes)
                if (route.id.startsWith(`${t.id}/`))
                    route.id = declared[0].id + route.id.slice(t.id.length);
            declared[0].routes = t.routes;
            wan.routeTables.splice(wan.routeTables.indexOf(t), 1);
        }
    }));
}

;// CONCATENATED MODULE: ./src/sources/terraform/given-subnet-ids.ts
/** `\u2026/virtualNetworks/<vnet>/subnets/<subnet>` with what precedes it; \uffff stands for an unknown piece. */
const ARM_SUBNET = /(?:\/subscriptions\/([^/\uffff]*)\/resourceGroups\/([^/\uffff]*)\/providers\/)?Microsoft\.Network\/virtualNetworks\/([^/]*)\/subnets\/([^/]*)$/i;
/** A known piece of an id, or undefined when an unknown piece is in it. */
const whole = (text) => text === undefined || text === '' || text.includes('\uffff') ? undefined : text;
function fromText(text, out) {
    const m = ARM_SUBNET.exec(text.trim());
    if (!m)
        return;
    const vnetName = whole(m[3]);
    // A VNet known only at apply could be any: that is a module given "some subnet", not one we can narrow.
    if (vnetName === undefined)
        return;
    const id = { vnetName };
    const subscription = whole(m[1]);
    const resourceGroup = whole(m[2]);
    const subnet = whole(m[4]);
    if (subscription !== undefined)
        id.subscription = subscription.toLowerCase();
    if (resourceGroup !== undefined)
        id.resourceGroup = resourceGroup;
    if (subnet !== undefined)
        id.subnet = subnet;
    out.push(id);
}
/** Pieces of a built string: `${vnet.id}` followed by `/subnets/<name>`, or an ARM id with unknown parts. */
function fromPieces(parts, out) {
    const text = parts
        .map((p) => (typeof p === 'string' ? p : p.kind === 'string' ? p.value : '\uffff'))
        .join('');
    for (const [i, p] of parts.entries()) {
        if (typeof p === 'string' || p.kind !== 'unknown' || !p.ref || p.ref.attribute !== 'id')
            continue;
        if (!/(^|\.)azurerm_virtual_network\.[^.]+$/.test(p.ref.resource.replace(/\[[^\]]*\]$/, '')))
            continue;
        const rest = parts
            .slice(i + 1)
            .map((q) => (typeof q === 'string' ? q : q.kind === 'string' ? q.value : '\uffff'))
            .join('');
        const m = /^\/subnets\/([^/]*)$/i.exec(rest);
        if (!m)
            continue;
        const subnet = whole(m[1]);
        out.push(subnet !== undefined ? { vnet: p.ref.resource, subnet } : { vnet: p.ref.resource });
        return;
    }
    fromText(text, out);
}
/** The subnet ids `v` holds anywhere (lists, objects, built strings). */
function givenSubnetIds(v, out) {
    switch (v.kind) {
        case 'string':
            if (v.value.includes('/subnets/'))
                fromText(v.value, out);
            return;
        case 'unknown':
            if (v.parts)
                fromPieces(v.parts, out);
            return;
        case 'list':
            for (const i of v.items)
                givenSubnetIds(i, out);
            return;
        case 'object':
            for (const k in v.attrs)
                givenSubnetIds(v.attrs[k], out);
            return;
        default:
            return;
    }
}
/**
 * The subnets of VNets the unit does not declare that its unevaluated modules are given by a whole ARM id
 * (VNet, subnet and resource group known): another unit may declare them (NetworkModel
 * .subnetsGivenToModules); the module's KMS011 notice names it here, the declaring unit's subnet is
 * undecided there.
 */
function subnetsGivenToModules(model, opaque) {
    const declared = (model.vnets ?? []).flatMap((v) => (v.name.known ? [v.name.value.toLowerCase()] : []));
    for (const m of opaque)
        for (const id of m.subnetIds ?? []) {
            const { vnetName, subnet, resourceGroup } = id;
            if (vnetName === undefined || subnet === undefined || resourceGroup === undefined)
                continue;
            // A VNet of the unit's own: its subnets are judged here (src/sources/terraform/adapt.ts).
            if (declared.includes(vnetName.toLowerCase()))
                continue;
            (model.subnetsGivenToModules ??= []).push({
                subnet: {
                    armType: 'Microsoft.Network/virtualNetworks/subnets',
                    names: [vnetName, subnet],
                    resourceGroup,
                    ...(id.subscription ? { subscription: id.subscription } : {}),
                },
                module: m.module,
                origin: m.origin,
                why: `${m.module}${m.source ? ` (source "${m.source}")` : ''} is not evaluated (${m.why.replace(/ \(.*\)$/, '')}) and is given this subnet`,
            });
        }
}

;// CONCATENATED MODULE: ./src/sources/terraform/adapt.ts
/**
 * Evaluated Terraform resources \u2192 the provider-neutral network model. Each resource type has an adapter
 * (adapters/<area>.ts) that adds its objects and registers what it can be referred to by; the builder's
 * link step then turns refs, ARM ids and names into model ids. Resource types with no place in the model
 * (public IPs, resource groups, VMs) are ignored; data sources are not modelled (their settings are not
 * in the code) but stand for the resource of the same name the scan declares, if any.
 */




















/**
 * Data sources that read an object the model knows: each is registered as an alias, so references to it
 * land on the resource of the same name (and resource group) declared elsewhere in the scan.
 */
const DATA_SOURCES = {
    azurerm_route_table: { armType: build/* ARM */.H9.routeTable },
    azurerm_virtual_network: { armType: build/* ARM */.H9.vnet },
    azurerm_subnet: { armType: build/* ARM */.H9.subnet, parent: 'virtual_network_name' },
    azurerm_network_security_group: { armType: build/* ARM */.H9.nsg },
    azurerm_firewall: { armType: build/* ARM */.H9.firewall },
    azurerm_firewall_policy: { armType: build/* ARM */.H9.firewallPolicy },
    azurerm_ip_group: { armType: build/* ARM */.H9.ipGroup },
    azurerm_nat_gateway: { armType: build/* ARM */.H9.natGateway },
    azurerm_virtual_network_gateway: { armType: build/* ARM */.H9.vnetGateway },
};
function registerDataSource(r, b) {
    if (!Object.hasOwn(DATA_SOURCES, r.type))
        return;
    const d = DATA_SOURCES[r.type];
    const nameOf = (k) => {
        const v = (0,value_tree/* str */.gx)((0,value_tree/* attr */.CF)(r.body, k));
        return v?.known ? v.value : undefined;
    };
    const names = d.parent ? [nameOf(d.parent), nameOf('name')] : [nameOf('name')];
    b.register({
        armType: d.armType,
        id: r.address,
        names,
        resourceGroup: nameOf('resource_group_name'),
        alias: true,
    });
}
const ADAPTERS = {
    ...routeAdapters,
    ...subnetAdapters,
    ...associationAdapters,
    ...nsgAdapters,
    ...firewallAdapters,
    ...classicCollectionAdapters,
    ...policyAdapters,
    ...ipGroupAdapters,
    ...natGatewayAdapters,
    ...networkInterfaceAdapters,
    ...azapiAdapters,
    ...virtualWanAdapters,
    ...gatewayAdapters,
    ...networkManagerAdapters,
};
/** The resource types this source turns into model objects (for docs and tests). */
const SUPPORTED_TERRAFORM_TYPES = Object.keys(ADAPTERS).sort();
/** An address without its last instance key: `azurerm_subnet.this["app"]` \u2192 `azurerm_subnet.this`. */
const withoutLastKey = (address) => address.replace(/\[(?:"(?:[^"\\]|\\.)*"|[^\]"]*)\]$/, '');
/** Can `subnet` be the subnet of this id (each part known on both sides agrees)? */
function mayBe(subnet, id) {
    const same = (v, want) => want === undefined || !v?.known || v.value.toLowerCase() === want.toLowerCase();
    if (!same(subnet.name, id.subnet))
        return false;
    if (id.vnet !== undefined)
        return same(subnet.vnetId, id.vnet);
    if (!same(subnet.vnetName, id.vnetName))
        return false;
    if (id.resourceGroup !== undefined && subnet.resourceGroup !== undefined)
        if (subnet.resourceGroup.toLowerCase() !== id.resourceGroup.toLowerCase())
            return false;
    return (id.subscription === undefined ||
        subnet.subscription === undefined ||
        subnet.subscription === id.subscription);
}
/**
 * A subnet handed to a module that is not evaluated (not fetched, unreadable) may get a route table or an
 * NSG from it: where the code gives it none, which one it has is unknown, not "none". An association the
 * code does make stays: the module could only replace it, and that is named on the module call (KMS011).
 * What a module is given are resource addresses (OpaqueModule.given): an instance (`azurerm_subnet.this["app"]`),
 * or a resource with all its instances (`azurerm_subnet.this`, `azurerm_virtual_network.spoke.subnet`).
 */
function givenToOpaqueModules(model, opaque) {
    const byAddress = new Map();
    for (const m of opaque)
        for (const g of m.given)
            if (!byAddress.has(g))
                byAddress.set(g, m);
    const byId = opaque.filter((m) => m.subnetIds !== undefined);
    if (byAddress.size === 0 && byId.length === 0)
        return;
    for (const subnet of model.subnets) {
        const m = byAddress.get(subnet.id) ??
            byAddress.get(withoutLastKey(subnet.id)) ??
            byId.find((o) => o.subnetIds.some((id) => mayBe(subnet, id)));
        if (!m)
            continue;
        const why = (what) => `${m.module}${m.source ? ` (source "${m.source}")` : ''} is not evaluated (${m.why.replace(/ \(.*\)$/, '')}) and is given this subnet: it may ${what}`;
        if (!subnet.routeTableId)
            subnet.routeTableId = (0,value/* unknown */.L5)(m.module, why('attach a route table to it'), m.origin);
        if (!subnet.nsgId)
            subnet.nsgId = (0,value/* unknown */.L5)(m.module, why('attach a network security group to it'), m.origin);
    }
}
function terraformToModel(evaluation) {
    const b = new build/* ModelBuilder */.LN();
    const templates = {
        environments: evaluation.providerEnvironments,
        ...(evaluation.templateFiles ? { templateFiles: evaluation.templateFiles } : {}),
        ...(evaluation.readLinked ? { readLinked: evaluation.readLinked } : {}),
    };
    for (const r of evaluation.resources) {
        if (r.mode === 'data')
            registerDataSource(r, b);
        else if (deploysTemplate(r))
            addTemplateDeployment(r, b, templates);
        else if (Object.hasOwn(ADAPTERS, r.type))
            ADAPTERS[r.type](r, b);
    }
    const model = b.finish();
    if (evaluation.opaqueModules) {
        givenToOpaqueModules(model, evaluation.opaqueModules);
        subnetsGivenToModules(model, evaluation.opaqueModules);
    }
    for (const d of evaluation.diagnostics)
        model.diagnostics.push({ ...d });
    if (evaluation.moved)
        model.moved = evaluation.moved;
    for (const env of evaluation.providerEnvironments) {
        const cloud = (0,catalogue/* cloudFromEnvironment */.pz)(env) ?? env;
        if (!model.cloudHints.includes(cloud))
            model.cloudHints.push(cloud);
    }
    return model;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
// EXTERNAL MODULE: ./src/sources/evaluation/cidr.ts
var evaluation_cidr = __webpack_require__(6735);
;// CONCATENATED MODULE: ./src/sources/terraform/values.ts
/**
 * Values while the evaluator works: HclValue plus two internal marks, and the helpers every operator and
 * function shares (type checks, conversions, equality, unknown propagation).
 *
 * Unknown propagation is done with an exception: a helper that needs a known primitive and meets an unknown
 * throws UnknownHit; the expression being evaluated catches it and becomes unknown itself (naming its own
 * source text and the first cause). This keeps a hundred function bodies free of unknown checks.
 */

/** An invalid operation (type error, missing attribute, bad function argument). try()/can() catch it. */
class EvalError extends Error {
}
/** Thrown by the helpers below when a known value is needed and an unknown was found. */
class UnknownHit extends Error {
    value;
    constructor(value) {
        super(value.reason);
        this.value = value;
    }
}
const str = (value, origin) => ({ kind: 'string', value, origin });
const num = (value, origin) => ({ kind: 'number', value, origin });
const bool = (value, origin) => ({ kind: 'bool', value, origin });
const nul = (origin) => ({ kind: 'null', origin });
const list = (items, origin, set) => set ? { kind: 'list', items, origin, set: true } : { kind: 'list', items, origin };
const obj = (attrs, origin) => ({ kind: 'object', attrs, origin });

/** Throws UnknownHit for an unknown; returns the value otherwise. */
function known(v) {
    if (v.kind === 'unknown')
        throw new UnknownHit(v);
    return v;
}
/** Throws UnknownHit if the value or anything inside it is unknown. */
function knownDeep(v) {
    if (v.kind === 'unknown')
        throw new UnknownHit(v);
    if (v.kind === 'list')
        for (const i of v.items)
            knownDeep(i);
    else if (v.kind === 'object')
        for (const k in v.attrs)
            knownDeep(v.attrs[k]);
    return v;
}
function typeName(v) {
    switch (v.kind) {
        case 'list':
            return v.set ? 'set' : 'list';
        case 'object':
            return 'object';
        default:
            return v.kind;
    }
}
/** Number formatting as Terraform prints numbers in strings (integers without a decimal point). */
function numberToString(n) {
    if (Number.isInteger(n) && Math.abs(n) < 1e21)
        return n.toFixed(0);
    return String(n);
}
/** Terraform's automatic conversion to string (numbers and bools convert; null and collections do not). */
function asString(v, what = 'value') {
    const k = known(v);
    switch (k.kind) {
        case 'string':
            return k.value;
        case 'number':
            return numberToString(k.value);
        case 'bool':
            return k.value ? 'true' : 'false';
        case 'null':
            throw new EvalError(`${what} is null, a string is required`);
        default:
            throw new EvalError(`${what} is a ${typeName(k)}, a string is required`);
    }
}
function asNumber(v, what = 'value') {
    const k = known(v);
    if (k.kind === 'number')
        return k.value;
    if (k.kind === 'string') {
        const t = k.value.trim();
        if (t !== '' && /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t))
            return Number(t);
        throw new EvalError(`${what} "${k.value}" is not a number`);
    }
    if (k.kind === 'null')
        throw new EvalError(`${what} is null, a number is required`);
    throw new EvalError(`${what} is a ${typeName(k)}, a number is required`);
}
function asBool(v, what = 'value') {
    const k = known(v);
    if (k.kind === 'bool')
        return k.value;
    if (k.kind === 'string' && (k.value === 'true' || k.value === 'false'))
        return k.value === 'true';
    if (k.kind === 'null')
        throw new EvalError(`${what} is null, a bool is required`);
    throw new EvalError(`${what} is a ${typeName(k)}, a bool is required`);
}
/** Elements of a list, set or tuple; a map's values are not accepted (Terraform does not either). */
function asList(v, what = 'value') {
    const k = known(v);
    if (k.kind === 'list')
        return k.items;
    if (k.kind === 'null')
        throw new EvalError(`${what} is null, a list is required`);
    throw new EvalError(`${what} is a ${typeName(k)}, a list is required`);
}
function asObject(v, what = 'value') {
    const k = known(v);
    if (k.kind === 'object')
        return k.attrs;
    if (k.kind === 'null')
        throw new EvalError(`${what} is null, a map is required`);
    throw new EvalError(`${what} is a ${typeName(k)}, a map is required`);
}
/** Sorted keys, as Terraform iterates maps and objects. */
function sortedKeys(attrs) {
    return Object.keys(attrs).sort();
}
/**
 * Equality as `==` sees it: same type and value, recursively. A string and a number are different values.
 * Unknown anywhere makes the answer unknown (UnknownHit).
 */
function equals(a, b) {
    const x = known(a);
    const y = known(b);
    if (x.kind !== y.kind)
        return false;
    switch (x.kind) {
        case 'string':
        case 'number':
        case 'bool':
            return x.value === y.value;
        case 'null':
            return true;
        case 'list': {
            const yi = y.items;
            if (x.items.length !== yi.length)
                return false;
            for (let i = 0; i < yi.length; i++)
                if (!equals(x.items[i], yi[i]))
                    return false;
            return true;
        }
        case 'object': {
            const ya = y.attrs;
            const xk = Object.keys(x.attrs);
            if (xk.length !== Object.keys(ya).length)
                return false;
            for (const k of xk)
                if (!(k in ya) || !equals(x.attrs[k], ya[k]))
                    return false;
            return true;
        }
    }
}
/** A known value as plain JSON-able data (jsonencode, keys for sets). Unknown \u2192 UnknownHit. */
function toPlain(v) {
    const k = known(v);
    switch (k.kind) {
        case 'string':
        case 'number':
        case 'bool':
            return k.value;
        case 'null':
            return null;
        case 'list':
            return k.items.map(toPlain);
        case 'object': {
            const o = {};
            for (const key of sortedKeys(k.attrs))
                o[key] = toPlain(k.attrs[key]);
            return o;
        }
    }
}
/** Plain data (jsondecode, yamldecode) as a value. */
function fromPlain(x, origin) {
    if (x === null || x === undefined)
        return nul(origin);
    if (typeof x === 'string')
        return str(x, origin);
    if (typeof x === 'number')
        return num(x, origin);
    if (typeof x === 'boolean')
        return bool(x, origin);
    if (Array.isArray(x))
        return list(x.map((i) => fromPlain(i, origin)), origin);
    if (typeof x === 'object') {
        const attrs = {};
        for (const [k, v] of Object.entries(x))
            attrs[k] = fromPlain(v, origin);
        return obj(attrs, origin);
    }
    return str(String(x), origin);
}
/** Set semantics: unique by value, keeping first occurrence order. */
function distinctVals(items) {
    const out = [];
    const seen = new Set();
    for (const i of items) {
        const key = JSON.stringify(toPlain(i)) + '|' + typeName(known(i));
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push(i);
    }
    return out;
}
function within(inner, outer) {
    return inner.file === outer.file && inner.startLine >= outer.startLine && inner.endLine <= outer.endLine;
}
/**
 * The value handed to the adapters for one attribute. Parts written inside the attribute keep their own
 * lines; everything that came from elsewhere (a variable, a local, a tfvars file, another resource) gets
 * the attribute's origin: a finding should point at the lines a person changes in *this* resource, and the
 * variable's own default may be in a file that is not even part of the pull request.
 * Internal marks (ref on objects and lists, set) are dropped; an unknown keeps its ref.
 */
function finalize(v, site) {
    const inside = within(v.origin, site);
    const origin = inside ? v.origin : (0,value/* usedAt */.Nu)(site, v.origin);
    switch (v.kind) {
        case 'string':
        case 'number':
        case 'bool':
            // Written inside the attribute: the value is already what the adapters get (values are never changed).
            return inside ? v : { kind: v.kind, value: v.value, origin };
        case 'null':
            return inside ? v : { kind: 'null', origin };
        case 'list': {
            let items;
            for (let i = 0; i < v.items.length; i++) {
                const f = finalize(v.items[i], site);
                if (f !== v.items[i])
                    (items ??= v.items.slice())[i] = f;
            }
            if (inside && !items && !v.ref && !v.set)
                return v;
            return { kind: 'list', items: items ?? v.items, origin };
        }
        case 'object': {
            let attrs;
            for (const k in v.attrs) {
                const f = finalize(v.attrs[k], site);
                if (f !== v.attrs[k])
                    (attrs ??= { ...v.attrs })[k] = f;
            }
            if (inside && !attrs && !v.ref)
                return v;
            return { kind: 'object', attrs: attrs ?? v.attrs, origin };
        }
        case 'unknown': {
            const encoded = v.encoded && finalize(v.encoded, site);
            let parts;
            if (v.parts)
                for (let i = 0; i < v.parts.length; i++) {
                    const p = v.parts[i];
                    const f = typeof p === 'string' ? p : finalize(p, site);
                    if (f !== p)
                        (parts ??= v.parts.slice())[i] = f;
                }
            // Written inside the attribute with nothing inside it to change: an unknown has no internal mark, so
            // it is already what the adapters get (its copy made every list and object above it a copy too).
            if (inside && encoded === v.encoded && !parts)
                return v;
            const u = v.ref
                ? { kind: 'unknown', expression: v.expression, reason: v.reason, ref: v.ref, origin }
                : { kind: 'unknown', expression: v.expression, reason: v.reason, origin };
            if (encoded)
                u.encoded = encoded;
            if (v.parts)
                u.parts = parts ?? v.parts;
            if (v.among)
                u.among = v.among;
            return u;
        }
    }
}
/**
 * stamp(v, the origin of `file` lines `span`), without making that origin when `v` is not a list or an
 * object and was written inside the span (most arguments are literals): one object less per argument.
 */
function stampAt(v, file, span) {
    const o = v.origin;
    if (v.kind !== 'list' &&
        v.kind !== 'object' &&
        o.file === file &&
        o.startLine >= span.startLine &&
        o.endLine <= span.endLine)
        return v;
    return stamp(v, { file, startLine: span.startLine, endLine: span.endLine });
}
/**
 * Gives every part of `v` that was not written inside `site` the origin `site` (see finalize for why).
 * Returns `v` itself when nothing changes, so values written in place are not copied.
 */
function stamp(v, site) {
    const inside = within(v.origin, site);
    switch (v.kind) {
        case 'list': {
            let items;
            for (let i = 0; i < v.items.length; i++) {
                const s = stamp(v.items[i], site);
                if (s !== v.items[i])
                    (items ??= v.items.slice())[i] = s;
            }
            if (inside && !items)
                return v;
            return withOrigin(v, inside ? v.origin : (0,value/* usedAt */.Nu)(site, v.origin), items);
        }
        case 'object': {
            let attrs;
            for (const k in v.attrs) {
                const s = stamp(v.attrs[k], site);
                if (s !== v.attrs[k])
                    (attrs ??= { ...v.attrs })[k] = s;
            }
            if (inside && !attrs)
                return v;
            return withOrigin(v, inside ? v.origin : (0,value/* usedAt */.Nu)(site, v.origin), undefined, attrs);
        }
        default:
            return inside ? v : withOrigin(v, (0,value/* usedAt */.Nu)(site, v.origin));
    }
}
/**
 * `v` with another origin (and, for a list or object, other items or attributes), built field by field
 * in the constructors' order: an object spread (`{ ...v, origin }`) was the costliest line of the
 * evaluator, as it cannot know the shape it copies.
 */
function withOrigin(v, origin, items, attrs) {
    switch (v.kind) {
        case 'string':
        case 'number':
        case 'bool':
            return { kind: v.kind, value: v.value, origin };
        case 'null':
            return { kind: 'null', origin };
        case 'list': {
            const l = { kind: 'list', items: items ?? v.items, origin };
            if (v.ref)
                l.ref = v.ref;
            if (v.set)
                l.set = v.set;
            return l;
        }
        case 'object': {
            const o = { kind: 'object', attrs: attrs ?? v.attrs, origin };
            if (v.ref)
                o.ref = v.ref;
            return o;
        }
        case 'unknown': {
            const u = v.ref
                ? { kind: 'unknown', expression: v.expression, reason: v.reason, origin, ref: v.ref }
                : { kind: 'unknown', expression: v.expression, reason: v.reason, origin };
            if (v.encoded)
                u.encoded = v.encoded;
            if (v.parts)
                u.parts = v.parts;
            if (v.among)
                u.among = v.among;
            return u;
        }
    }
}

;// CONCATENATED MODULE: ./src/sources/terraform/cidr.ts
/**
 * Terraform's IP network functions (cidrhost, cidrnetmask, cidrsubnet, cidrsubnets), on the shared BigInt
 * primitives of src/sources/evaluation/cidr.ts; the arithmetic mirrors
 * github.com/apparentlymart/go-cidr, which Terraform uses, including how cidrsubnets packs its subnets.
 */


function cidr_parse(cidr) {
    const net = (0,evaluation_cidr/* parseNet */.r_)(cidr);
    if (!net)
        throw new EvalError(`invalid CIDR address "${cidr}"`);
    return net;
}
function cidr_subnet(net, newbits, netnum) {
    if (!Number.isInteger(newbits) || newbits < 0)
        throw new EvalError(`invalid newbits ${newbits}`);
    const prefix = net.prefix + newbits;
    if (prefix > net.bits) {
        throw new EvalError(`insufficient address space to extend prefix of ${net.prefix} by ${newbits}`);
    }
    if (!Number.isInteger(netnum) || netnum < 0 || BigInt(netnum) >= 1n << BigInt(newbits)) {
        throw new EvalError(`prefix extension of ${newbits} does not accommodate a subnet numbered ${netnum}`);
    }
    return { base: net.base | (BigInt(netnum) << BigInt(net.bits - prefix)), prefix, bits: net.bits };
}
/**
 * Results by arguments: a module called once per landing zone computes the same subnets again and
 * again, and the BigInt arithmetic showed in the benchmark's profile. Errors are not cached (rare).
 */
const subnetCache = new Map();
let cachedSubnets = 0;
/**
 * netnum and newbits as one small integer (newbits < 2^7, netnum < 2^23), the cache's key under the
 * prefix: no string to build per call, no heap number. Undefined for other arguments (not cached).
 */
function argsKey(newbits, netnum) {
    const small = newbits >= 0 && newbits < 128 && netnum >= 0 && netnum < 0x800000;
    return small && Number.isInteger(newbits) && Number.isInteger(netnum) ? netnum * 128 + newbits : undefined;
}
function cidrsubnet(prefix, newbits, netnum) {
    const key = argsKey(newbits, netnum);
    if (key === undefined)
        return (0,evaluation_cidr/* formatNet */.Nu)(cidr_subnet(cidr_parse(prefix), newbits, netnum));
    let byArgs = subnetCache.get(prefix);
    let out = byArgs?.get(key);
    if (out === undefined) {
        out = (0,evaluation_cidr/* formatNet */.Nu)(cidr_subnet(cidr_parse(prefix), newbits, netnum));
        if (cachedSubnets++ > 50_000) {
            subnetCache.clear();
            cachedSubnets = 1;
            byArgs = undefined;
        }
        if (!byArgs)
            subnetCache.set(prefix, (byArgs = new Map()));
        byArgs.set(key, out);
    }
    return out;
}
function cidrhost(prefix, hostnum) {
    const net = cidr_parse(prefix);
    const size = (0,evaluation_cidr/* netSize */.N_)(net);
    if (!Number.isInteger(hostnum))
        throw new EvalError(`invalid host number ${hostnum}`);
    let h = BigInt(hostnum);
    if (h < 0n)
        h += size;
    if (h < 0n || h >= size)
        throw new EvalError(`prefix of ${net.prefix} does not accommodate a host numbered ${hostnum}`);
    return (0,evaluation_cidr/* formatAddress */.M0)(net.base + h, net.bits);
}
function cidrnetmask(prefix) {
    const net = cidr_parse(prefix);
    if (net.bits !== 32)
        throw new EvalError('only IPv4 networks have a netmask');
    return (0,evaluation_cidr/* formatAddress */.M0)((0,evaluation_cidr/* prefixMask */.Nm)(net.prefix, 32), 32);
}
/** Consecutive subnets of the given extra prefix lengths, each aligned after the previous one. */
function cidrsubnets(prefix, newbits) {
    const net = cidr_parse(prefix);
    if (newbits.length === 0)
        return [];
    const out = [cidr_subnet(net, newbits[0], 0)];
    const netEnd = net.base + (0,evaluation_cidr/* netSize */.N_)(net);
    for (let i = 1; i < newbits.length; i++) {
        const len = net.prefix + newbits[i];
        if (!Number.isInteger(newbits[i]) || newbits[i] < 0 || len > net.bits) {
            throw new EvalError(`would extend prefix to ${len} bits, which is too long for an IPv${net.bits === 32 ? 4 : 6} address`);
        }
        const cur = out[i - 1];
        const curLast = cur.base + (0,evaluation_cidr/* netSize */.N_)(cur) - 1n;
        const host = BigInt(net.bits - len);
        // The subnet of the new length containing the previous subnet's last address, then the one after it.
        const containing = (curLast >> host) << host;
        const next = containing + (1n << host);
        if (next + (1n << host) > netEnd) {
            throw new EvalError(`not enough remaining address space for a subnet with a prefix of ${len} bits`);
        }
        out.push({ base: next, prefix: len, bits: net.bits });
    }
    return out.map(evaluation_cidr/* formatNet */.Nu);
}

;// CONCATENATED MODULE: ./src/sources/terraform/functions.ts
/**
 * Terraform's built-in functions, as far as they can be computed before apply.
 *
 * Each function receives evaluated arguments; helpers from values.ts throw UnknownHit when an argument it
 * needs is unknown, and the caller turns that into an unknown result. Functions whose result cannot be
 * known statically (uuid, timestamp) are left out; calling one gives an unknown "function f is not
 * evaluated". try(), can() and templatefile() are not here: the first two need their arguments unevaluated,
 * templatefile() renders a template with the expression evaluator (see expr.ts).
 */





/*
 * yaml and re2js load on first use: few configurations call yamldecode(), yamlencode(), regex(), regexall()
 * or replace() with a pattern, and running their module code cost every scan worker's start ~10 ms. In
 * the bundle `require` is the bundler's (synchronous: the code is in the bundle, only run later); the
 * tests load the sources as ES modules, which have no `require`, so they get one from createRequire.
 */
let yamlModule;
let re2Module;
function yaml() {
    if (yamlModule)
        return yamlModule;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundler's lazy require (see above)
    const m =  true ? __webpack_require__(8815) : 0;
    return (yamlModule = m);
}
function re2() {
    if (re2Module)
        return re2Module;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundler's lazy require (see above)
    const m =  true ? __webpack_require__(6472) : 0;
    return (re2Module = m);
}
function arity(name, args, min, max = min) {
    if (args.length < min || args.length > max) {
        throw new EvalError(`${name} takes ${min === max ? min : `${min} to ${max}`} arguments, got ${args.length}`);
    }
}
/** Grapheme-agnostic but code-point-correct string functions (Terraform counts Unicode characters). */
const chars = (s) => Array.from(s);
/**
 * Terraform's regex(), regexall() and replace() use Go's RE2: no backreferences or lookaround, and matching
 * in linear time. re2js is RE2 in JavaScript, so patterns mean what they mean to Terraform and none
 * (`^(a+)+$` on a long input) can backtrack for ever, as it would in JavaScript's own engine.
 */
function goRegex(pattern) {
    try {
        return re2().RE2JS.compile(pattern);
    }
    catch {
        throw new EvalError(`invalid regular expression ${JSON.stringify(pattern)}`);
    }
}
/** The value regex() returns for one match: the match, a list of groups, or an object of named groups. */
function matchValue(m, o) {
    if (m.groups && Object.keys(m.groups).length > 0) {
        const attrs = {};
        for (const [k, v] of Object.entries(m.groups))
            attrs[k] = v === undefined ? nul(o) : str(v, o);
        return obj(attrs, o);
    }
    if (m.length > 1)
        return list(m.slice(1).map((g) => (g === undefined ? nul(o) : str(g, o))), o);
    return str(m[0], o);
}
/**
 * The pieces of a format() whose verbs are all `%s` (and `%%`), an unknown argument kept as it is;
 * undefined for any other verb.
 */
function formatParts(spec, args) {
    const texts = spec.split(/(%%|%s)/);
    if (/%(?!%|s)/.test(texts.filter((_, i) => i % 2 === 0).join('')))
        return undefined;
    const parts = [];
    let next = 0;
    for (const [i, t] of texts.entries()) {
        if (i % 2 === 0 || t === '%%')
            parts.push(t === '%%' ? '%' : t);
        else {
            const v = args[next++];
            if (v === undefined || v.kind === 'list' || v.kind === 'object' || v.kind === 'null')
                return undefined;
            parts.push(v.kind === 'unknown' ? v : asString(v));
        }
    }
    return parts.filter((p) => p !== '');
}
/** Go-style fmt verbs as Terraform's format() supports them. */
function format(spec, args) {
    let argIndex = 0;
    return spec.replace(/%([-+# 0]*)(\d+|\*)?(?:\.(\d+))?(?:\[(\d+)\])?([a-zA-Z%])/g, (_all, flags, width, prec, explicit, verb) => {
        if (verb === '%')
            return '%';
        if (explicit)
            argIndex = Number(explicit) - 1;
        const a = args[argIndex++];
        if (a === undefined)
            throw new EvalError(`format: not enough arguments for "${spec}"`);
        let out;
        switch (verb) {
            case 's':
                out = asString(a);
                break;
            case 'q':
                out = JSON.stringify(asString(a));
                break;
            case 'v':
            case '#v': {
                const k = known(a);
                out =
                    k.kind === 'string' || k.kind === 'number' || k.kind === 'bool'
                        ? asString(k)
                        : JSON.stringify(toPlain(k));
                break;
            }
            case 'd':
                out = numberToString(Math.trunc(asNumber(a)));
                break;
            case 'f':
            case 'F':
                out = asNumber(a).toFixed(prec !== undefined ? Number(prec) : 6);
                break;
            case 'e':
                out = asNumber(a).toExponential(prec !== undefined ? Number(prec) : 6);
                break;
            case 'g':
                out = String(asNumber(a));
                break;
            case 't':
                out = String(asBool(a));
                break;
            case 'x':
            case 'X': {
                const k = known(a);
                out =
                    k.kind === 'number'
                        ? Math.trunc(k.value).toString(16)
                        : Buffer.from(asString(k), 'utf8').toString('hex');
                if (verb === 'X')
                    out = out.toUpperCase();
                break;
            }
            case 'o':
                out = Math.trunc(asNumber(a)).toString(8);
                break;
            case 'b':
                out = Math.trunc(asNumber(a)).toString(2);
                break;
            default:
                throw new EvalError(`format: unsupported verb %${verb}`);
        }
        if (flags.includes('+') && (verb === 'd' || verb === 'f') && !out.startsWith('-'))
            out = '+' + out;
        if (width !== undefined && width !== '*') {
            const w = Number(width);
            if (out.length < w) {
                out = flags.includes('-')
                    ? out.padEnd(w)
                    : flags.includes('0') && verb !== 's'
                        ? out.padStart(w, '0')
                        : out.padStart(w);
            }
        }
        return out;
    });
}
function flattenInto(v, out) {
    const k = known(v);
    if (k.kind === 'list')
        for (const i of k.items)
            flattenInto(i, out);
    else
        out.push(v);
}
function toSet(v, o) {
    return list(distinctVals(asList(v)), o, true);
}
const F = {
    // ---- numeric ----
    abs: (a, s) => (arity('abs', a, 1), num(Math.abs(asNumber(a[0])), s.origin)),
    ceil: (a, s) => (arity('ceil', a, 1), num(Math.ceil(asNumber(a[0])), s.origin)),
    floor: (a, s) => (arity('floor', a, 1), num(Math.floor(asNumber(a[0])), s.origin)),
    log: (a, s) => (arity('log', a, 2), num(Math.log(asNumber(a[0])) / Math.log(asNumber(a[1])), s.origin)),
    max: (a, s) => {
        if (a.length === 0)
            throw new EvalError('max needs at least one argument');
        return num(Math.max(...a.map((x) => asNumber(x))), s.origin);
    },
    min: (a, s) => {
        if (a.length === 0)
            throw new EvalError('min needs at least one argument');
        return num(Math.min(...a.map((x) => asNumber(x))), s.origin);
    },
    parseint: (a, s) => {
        arity('parseint', a, 2);
        const text = asString(a[0]);
        const base = asNumber(a[1]);
        if (base < 2 || base > 62)
            throw new EvalError('parseint base must be between 2 and 62');
        const digits = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'.slice(0, base);
        let t = text;
        let sign = 1;
        if (t.startsWith('-')) {
            sign = -1;
            t = t.slice(1);
        }
        else if (t.startsWith('+'))
            t = t.slice(1);
        if (t === '')
            throw new EvalError(`cannot parse "${text}" as a base ${base} integer`);
        let n = 0;
        for (const ch of t) {
            const d = digits.indexOf(base <= 36 ? ch.toLowerCase() : ch);
            if (d < 0)
                throw new EvalError(`cannot parse "${text}" as a base ${base} integer`);
            n = n * base + d;
        }
        return num(sign * n, s.origin);
    },
    pow: (a, s) => (arity('pow', a, 2), num(Math.pow(asNumber(a[0]), asNumber(a[1])), s.origin)),
    signum: (a, s) => (arity('signum', a, 1), num(Math.sign(asNumber(a[0])), s.origin)),
    // ---- strings ----
    chomp: (a, s) => (arity('chomp', a, 1), str(asString(a[0]).replace(/(\r?\n)+$/, ''), s.origin)),
    endswith: (a, s) => (arity('endswith', a, 2), bool(asString(a[0]).endsWith(asString(a[1])), s.origin)),
    format: (a, s) => {
        if (a.length === 0)
            throw new EvalError('format needs a format string');
        const spec = asString(a[0]);
        try {
            return str(format(spec, a.slice(1)), s.origin);
        }
        catch (x) {
            const parts = x instanceof UnknownHit ? formatParts(spec, a.slice(1)) : undefined;
            if (!parts)
                throw x;
            // `format("%s/%s", hub.name, "rt")` with the hub's name known only at apply: the pieces stay, so a
            // reader can still tell the known ones and what the unknown one refers to (HclValue.parts).
            return {
                kind: 'unknown',
                expression: 'format(\u2026)',
                reason: x.value.reason,
                origin: s.origin,
                parts,
            };
        }
    },
    formatlist: (a, s) => {
        if (a.length === 0)
            throw new EvalError('formatlist needs a format string');
        const spec = asString(a[0]);
        const rest = a.slice(1).map((x) => known(x));
        let n = -1;
        for (const r of rest) {
            if (r.kind === 'list') {
                if (n >= 0 && r.items.length !== n)
                    throw new EvalError('formatlist: all lists must have the same length');
                n = r.items.length;
            }
        }
        if (n < 0)
            n = 1;
        const out = [];
        for (let i = 0; i < n; i++)
            out.push(str(format(spec, rest.map((r) => (r.kind === 'list' ? r.items[i] : r))), s.origin));
        return list(out, s.origin);
    },
    indent: (a, s) => {
        arity('indent', a, 2);
        const pad = ' '.repeat(asNumber(a[0]));
        return str(asString(a[1]).replace(/\n/g, '\n' + pad), s.origin);
    },
    join: (a, s) => {
        if (a.length < 2)
            throw new EvalError('join needs a separator and at least one list');
        const sep = asString(a[0]);
        const parts = [];
        for (const l of a.slice(1))
            for (const i of asList(l))
                parts.push(asString(i, 'join element'));
        return str(parts.join(sep), s.origin);
    },
    lower: (a, s) => (arity('lower', a, 1), str(asString(a[0]).toLowerCase(), s.origin)),
    upper: (a, s) => (arity('upper', a, 1), str(asString(a[0]).toUpperCase(), s.origin)),
    replace: (a, s) => {
        arity('replace', a, 3);
        const text = asString(a[0]);
        const search = asString(a[1]);
        const repl = asString(a[2]);
        if (search.length > 1 && search.startsWith('/') && search.endsWith('/')) {
            const re = goRegex(search.slice(1, -1));
            // Go's `${name}` and `${1}` are `$<name>` and `$1` to the matcher.
            const jsRepl = repl.replace(/\$\{(\w+)\}/g, '$$<$1>').replace(/\$<(\d+)>/g, '$$$1');
            return str(re.matcher(text).replaceAll(jsRepl), s.origin);
        }
        return str(search === '' ? text : text.split(search).join(repl), s.origin);
    },
    split: (a, s) => {
        arity('split', a, 2);
        const sep = asString(a[0]);
        const text = asString(a[1]);
        const parts = sep === '' ? chars(text) : text.split(sep);
        return list(parts.map((p) => str(p, s.origin)), s.origin);
    },
    strrev: (a, s) => (arity('strrev', a, 1), str(chars(asString(a[0])).reverse().join(''), s.origin)),
    substr: (a, s) => {
        arity('substr', a, 3);
        const cs = chars(asString(a[0]));
        let off = asNumber(a[1]);
        let len = asNumber(a[2]);
        if (off < 0)
            off = Math.max(0, cs.length + off);
        if (off > cs.length)
            throw new EvalError('substr offset is past the end of the string');
        if (len < 0)
            len = cs.length - off;
        return str(cs.slice(off, off + len).join(''), s.origin);
    },
    title: (a, s) => (arity('title', a, 1),
        str(asString(a[0]).replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_m, p, c) => p + c.toUpperCase()), s.origin)),
    trim: (a, s) => {
        arity('trim', a, 2);
        const cut = new Set(chars(asString(a[1])));
        const cs = chars(asString(a[0]));
        let i = 0;
        let j = cs.length;
        while (i < j && cut.has(cs[i]))
            i++;
        while (j > i && cut.has(cs[j - 1]))
            j--;
        return str(cs.slice(i, j).join(''), s.origin);
    },
    trimprefix: (a, s) => {
        arity('trimprefix', a, 2);
        const t = asString(a[0]);
        const p = asString(a[1]);
        return str(t.startsWith(p) ? t.slice(p.length) : t, s.origin);
    },
    trimsuffix: (a, s) => {
        arity('trimsuffix', a, 2);
        const t = asString(a[0]);
        const p = asString(a[1]);
        return str(p !== '' && t.endsWith(p) ? t.slice(0, t.length - p.length) : t, s.origin);
    },
    trimspace: (a, s) => (arity('trimspace', a, 1), str(asString(a[0]).trim(), s.origin)),
    startswith: (a, s) => (arity('startswith', a, 2),
        bool(asString(a[0]).startsWith(asString(a[1])), s.origin)),
    strcontains: (a, s) => (arity('strcontains', a, 2),
        bool(asString(a[0]).includes(asString(a[1])), s.origin)),
    regex: (a, s) => {
        arity('regex', a, 2);
        const m = goRegex(asString(a[0])).exec(asString(a[1]));
        if (!m)
            throw new EvalError('regex: pattern did not match');
        return matchValue(m, s.origin);
    },
    regexall: (a, s) => {
        arity('regexall', a, 2);
        const re = goRegex(asString(a[0]));
        const text = asString(a[1]);
        const out = [];
        for (const m of re.matchAll(text))
            out.push(matchValue(m, s.origin));
        return list(out, s.origin);
    },
    // ---- collections ----
    alltrue: (a, s) => (arity('alltrue', a, 1),
        bool(asList(a[0]).every((x) => asBool(x)), s.origin)),
    anytrue: (a, s) => {
        arity('anytrue', a, 1);
        // A true element decides the answer even if another is unknown.
        let unknownSeen;
        for (const x of asList(a[0])) {
            if (x.kind === 'unknown')
                unknownSeen = x;
            else if (asBool(x))
                return bool(true, s.origin);
        }
        if (unknownSeen)
            known(unknownSeen);
        return bool(false, s.origin);
    },
    chunklist: (a, s) => {
        arity('chunklist', a, 2);
        const l = asList(a[0]);
        const n = asNumber(a[1]);
        if (n < 0)
            throw new EvalError('chunklist size must not be negative');
        if (n === 0)
            return list([list(l, s.origin)], s.origin);
        const out = [];
        for (let i = 0; i < l.length; i += n)
            out.push(list(l.slice(i, i + n), s.origin));
        return list(out, s.origin);
    },
    coalesce: (a) => {
        for (const x of a) {
            // A resource's id is never null or empty: before apply it is already the result, still naming the
            // resource (`coalesce(try(var.rt_id, ""), azurerm_virtual_hub_route_table.rt.id)`, CAF's vWAN code).
            if (x.kind === 'unknown' && x.ref && /(^|\.)id$/.test(x.ref.attribute))
                return x;
            const k = known(x);
            if (k.kind === 'null')
                continue;
            if (k.kind === 'string' && k.value === '')
                continue;
            return x;
        }
        throw new EvalError('coalesce: no non-null, non-empty argument');
    },
    coalescelist: (a) => {
        for (const x of a) {
            if (asList(x).length > 0)
                return x;
        }
        throw new EvalError('coalescelist: no non-empty list argument');
    },
    compact: (a, s) => {
        arity('compact', a, 1);
        const out = [];
        for (const x of asList(a[0])) {
            const k = known(x);
            if (k.kind === 'null' || (k.kind === 'string' && k.value === ''))
                continue;
            out.push(x);
        }
        return list(out, s.origin);
    },
    concat: (a, s) => {
        const out = [];
        for (const l of a)
            out.push(...asList(l));
        return list(out, s.origin);
    },
    contains: (a, s) => {
        arity('contains', a, 2);
        return bool(asList(a[0]).some((x) => equals(x, a[1])), s.origin);
    },
    distinct: (a, s) => (arity('distinct', a, 1), list(distinctVals(asList(a[0])), s.origin)),
    element: (a) => {
        arity('element', a, 2);
        const l = asList(a[0]);
        const i = Math.floor(asNumber(a[1]));
        if (l.length === 0)
            throw new EvalError('element: the list is empty');
        if (i < 0)
            throw new EvalError('element: index must not be negative');
        return l[i % l.length];
    },
    flatten: (a, s) => {
        arity('flatten', a, 1);
        const out = [];
        for (const x of asList(a[0]))
            flattenInto(x, out);
        return list(out, s.origin);
    },
    index: (a, s) => {
        arity('index', a, 2);
        const l = asList(a[0]);
        for (let i = 0; i < l.length; i++)
            if (equals(l[i], a[1]))
                return num(i, s.origin);
        throw new EvalError('index: the value is not in the list');
    },
    keys: (a, s) => (arity('keys', a, 1),
        list(sortedKeys(asObject(a[0])).map((k) => str(k, s.origin)), s.origin)),
    length: (a, s) => {
        arity('length', a, 1);
        const k = known(a[0]);
        if (k.kind === 'string')
            return num(chars(k.value).length, s.origin);
        if (k.kind === 'list')
            return num(k.items.length, s.origin);
        if (k.kind === 'object')
            return num(Object.keys(k.attrs).length, s.origin);
        throw new EvalError(`length of a ${typeName(k)} is not defined`);
    },
    lookup: (a) => {
        arity('lookup', a, 2, 3);
        const m = asObject(a[0]);
        const key = asString(a[1]);
        if (key in m)
            return m[key];
        if (a.length === 3)
            return a[2];
        throw new EvalError(`lookup: the map has no key "${key}"`);
    },
    matchkeys: (a, s) => {
        arity('matchkeys', a, 3);
        const vals = asList(a[0]);
        const ks = asList(a[1]);
        const search = asList(a[2]);
        if (vals.length !== ks.length)
            throw new EvalError('matchkeys: values and keys must have the same length');
        const out = [];
        for (let i = 0; i < ks.length; i++)
            if (search.some((x) => equals(x, ks[i])))
                out.push(vals[i]);
        return list(out, s.origin);
    },
    merge: (a, s) => {
        const attrs = {};
        for (const m of a) {
            const k = known(m);
            if (k.kind === 'null')
                continue;
            Object.assign(attrs, asObject(k));
        }
        return obj(attrs, s.origin);
    },
    one: (a, s) => {
        arity('one', a, 1);
        const l = asList(a[0]);
        if (l.length === 0)
            return nul(s.origin);
        if (l.length === 1)
            return l[0];
        throw new EvalError('one: the list has more than one element');
    },
    range: (a, s) => {
        arity('range', a, 1, 3);
        const n = a.map((x) => asNumber(x));
        const [start, limit, step] = n.length === 1 ? [0, n[0], 1] : n.length === 2 ? [0 + n[0], n[1], n[0] <= n[1] ? 1 : -1] : n;
        if (step === 0)
            throw new EvalError('range: step must not be zero');
        const out = [];
        for (let i = start; step > 0 ? i < limit : i > limit; i += step) {
            if (out.length >= 1_000_000)
                throw new EvalError('range: too many elements');
            out.push(num(i, s.origin));
        }
        return list(out, s.origin);
    },
    reverse: (a, s) => (arity('reverse', a, 1), list(asList(a[0]).slice().reverse(), s.origin)),
    setintersection: (a, s) => {
        if (a.length === 0)
            throw new EvalError('setintersection needs at least one set');
        let cur = distinctVals(asList(a[0]));
        for (const other of a.slice(1)) {
            const o = asList(other);
            cur = cur.filter((x) => o.some((y) => equals(x, y)));
        }
        return list(cur, s.origin, true);
    },
    setproduct: (a, s) => {
        if (a.length < 2)
            throw new EvalError('setproduct needs at least two sets');
        let out = [[]];
        for (const l of a) {
            const next = [];
            for (const prefix of out)
                for (const x of asList(l))
                    next.push([...prefix, x]);
            out = next;
            if (out.length > 100_000)
                throw new EvalError('setproduct: too many elements');
        }
        return list(out.map((t) => list(t, s.origin)), s.origin);
    },
    setsubtract: (a, s) => {
        arity('setsubtract', a, 2);
        const b = asList(a[1]);
        return list(distinctVals(asList(a[0])).filter((x) => !b.some((y) => equals(x, y))), s.origin, true);
    },
    setunion: (a, s) => {
        const all = [];
        for (const l of a)
            all.push(...asList(l));
        return list(distinctVals(all), s.origin, true);
    },
    slice: (a, s) => {
        arity('slice', a, 3);
        const l = asList(a[0]);
        const from = asNumber(a[1]);
        const to = asNumber(a[2]);
        if (from < 0 || to > l.length || from > to)
            throw new EvalError('slice: index out of range');
        return list(l.slice(from, to), s.origin);
    },
    sort: (a, s) => {
        arity('sort', a, 1);
        const l = asList(a[0]);
        const keyed = l.map((x) => ({ x, k: asString(x) }));
        keyed.sort((p, q) => (p.k < q.k ? -1 : p.k > q.k ? 1 : 0));
        return list(keyed.map((p) => p.x), s.origin);
    },
    sum: (a, s) => {
        arity('sum', a, 1);
        const l = asList(a[0]);
        if (l.length === 0)
            throw new EvalError('sum: the list is empty');
        return num(l.reduce((acc, x) => acc + asNumber(x), 0), s.origin);
    },
    transpose: (a, s) => {
        arity('transpose', a, 1);
        const m = asObject(a[0]);
        const out = {};
        for (const k of sortedKeys(m))
            for (const v of asList(m[k]))
                (out[asString(v)] ??= []).push(str(k, s.origin));
        const attrs = {};
        for (const k of Object.keys(out))
            attrs[k] = list(out[k], s.origin);
        return obj(attrs, s.origin);
    },
    values: (a, s) => {
        arity('values', a, 1);
        const m = asObject(a[0]);
        return list(sortedKeys(m).map((k) => m[k]), s.origin);
    },
    zipmap: (a, s) => {
        arity('zipmap', a, 2);
        const ks = asList(a[0]);
        const vs = asList(a[1]);
        if (ks.length !== vs.length)
            throw new EvalError('zipmap: keys and values must have the same length');
        const attrs = {};
        ks.forEach((k, i) => (attrs[asString(k)] = vs[i]));
        return obj(attrs, s.origin);
    },
    // ---- type conversion ----
    tobool: (a, s) => {
        arity('tobool', a, 1);
        return known(a[0]).kind === 'null' ? a[0] : bool(asBool(a[0]), s.origin);
    },
    tonumber: (a, s) => {
        arity('tonumber', a, 1);
        return known(a[0]).kind === 'null' ? a[0] : num(asNumber(a[0]), s.origin);
    },
    tostring: (a, s) => {
        arity('tostring', a, 1);
        return known(a[0]).kind === 'null' ? a[0] : str(asString(a[0]), s.origin);
    },
    tolist: (a, s) => {
        arity('tolist', a, 1);
        const k = known(a[0]);
        if (k.kind === 'null')
            return k;
        return list(asList(k), s.origin);
    },
    toset: (a, s) => {
        arity('toset', a, 1);
        const k = known(a[0]);
        if (k.kind === 'null')
            return k;
        return toSet(k, s.origin);
    },
    tomap: (a, s) => {
        arity('tomap', a, 1);
        const k = known(a[0]);
        if (k.kind === 'null')
            return k;
        return obj(asObject(k), s.origin);
    },
    sensitive: (a) => (arity('sensitive', a, 1), a[0]),
    nonsensitive: (a) => (arity('nonsensitive', a, 1), a[0]),
    issensitive: (a, s) => (arity('issensitive', a, 1), bool(false, s.origin)),
    ephemeralasnull: (a) => (arity('ephemeralasnull', a, 1), a[0]),
    type: (a, s) => (arity('type', a, 1), str(typeName(known(a[0])), s.origin)),
    // ---- encoding ----
    jsonencode: (a, s) => {
        arity('jsonencode', a, 1);
        try {
            return str(JSON.stringify(toPlain(knownDeep(a[0]))), s.origin);
        }
        catch (x) {
            if (!(x instanceof UnknownHit))
                throw x;
            // The JSON is not known, but its structure is: kept for readers of it (HclValue.encoded).
            return {
                kind: 'unknown',
                expression: 'jsonencode(\u2026)',
                reason: x.value.reason,
                origin: s.origin,
                encoded: a[0],
            };
        }
    },
    jsondecode: (a, s) => {
        arity('jsondecode', a, 1);
        // The JSON of a value with parts known only at apply (jsonencode(), a template deployment's
        // output_content): that value, its unknown parts kept with their refs.
        if (a[0].kind === 'unknown' && a[0].encoded)
            return a[0].encoded;
        try {
            return fromPlain((0,json_lines/* parsePlain */.eE)(asString(a[0])), s.origin);
        }
        catch (e) {
            if (e instanceof SyntaxError)
                throw new EvalError(`jsondecode: ${e.message}`);
            throw e;
        }
    },
    yamlencode: (a, s) => (arity('yamlencode', a, 1),
        str(yaml().stringify(toPlain(knownDeep(a[0]))), s.origin)),
    yamldecode: (a, s) => {
        arity('yamldecode', a, 1);
        try {
            return fromPlain(yaml().parse(asString(a[0])), s.origin);
        }
        catch (e) {
            if (e instanceof EvalError)
                throw e;
            throw new EvalError(`yamldecode: ${e.message}`);
        }
    },
    base64encode: (a, s) => (arity('base64encode', a, 1),
        str(Buffer.from(asString(a[0]), 'utf8').toString('base64'), s.origin)),
    base64decode: (a, s) => (arity('base64decode', a, 1),
        str(Buffer.from(asString(a[0]), 'base64').toString('utf8'), s.origin)),
    urlencode: (a, s) => (arity('urlencode', a, 1), str(encodeURIComponent(asString(a[0])), s.origin)),
    md5: (a, s) => (arity('md5', a, 1), str((0,external_node_crypto_.createHash)('md5').update(asString(a[0])).digest('hex'), s.origin)),
    sha1: (a, s) => (arity('sha1', a, 1),
        str((0,external_node_crypto_.createHash)('sha1').update(asString(a[0])).digest('hex'), s.origin)),
    sha256: (a, s) => (arity('sha256', a, 1),
        str((0,external_node_crypto_.createHash)('sha256').update(asString(a[0])).digest('hex'), s.origin)),
    sha512: (a, s) => (arity('sha512', a, 1),
        str((0,external_node_crypto_.createHash)('sha512').update(asString(a[0])).digest('hex'), s.origin)),
    // ---- network ----
    cidrhost: (a, s) => (arity('cidrhost', a, 2), str(cidrhost(asString(a[0]), asNumber(a[1])), s.origin)),
    cidrnetmask: (a, s) => (arity('cidrnetmask', a, 1), str(cidrnetmask(asString(a[0])), s.origin)),
    cidrsubnet: (a, s) => (arity('cidrsubnet', a, 3),
        str(cidrsubnet(asString(a[0]), asNumber(a[1]), asNumber(a[2])), s.origin)),
    cidrsubnets: (a, s) => {
        if (a.length < 1)
            throw new EvalError('cidrsubnets needs a prefix');
        const prefix = asString(a[0]);
        const bits = a.slice(1).map((x) => asNumber(x));
        return list(cidrsubnets(prefix, bits).map((c) => str(c, s.origin)), s.origin);
    },
    // ---- files and paths ----
    file: (a, s) => {
        arity('file', a, 1);
        const p = asString(a[0]);
        const text = s.readFile(p);
        if (text === undefined)
            throw new EvalError(`file ${p} cannot be read (outside the scanned directory or missing)`);
        return str(text, s.origin);
    },
    fileexists: (a, s) => (arity('fileexists', a, 1), bool(s.readFile(asString(a[0])) !== undefined, s.origin)),
    basename: (a, s) => (arity('basename', a, 1),
        str(asString(a[0]).replace(/\/+$/, '').split('/').pop() ?? '', s.origin)),
    dirname: (a, s) => {
        arity('dirname', a, 1);
        const p = asString(a[0]);
        const i = p.lastIndexOf('/');
        return str(i < 0 ? '.' : i === 0 ? '/' : p.slice(0, i), s.origin);
    },
};
/** The function named, or undefined if it is not evaluated statically. */
function builtin(name) {
    // Terraform also accepts the functions under the `core::` namespace.
    const n = name.startsWith('core::') ? name.slice(6) : name;
    return Object.prototype.hasOwnProperty.call(F, n) ? F[n] : undefined;
}

// EXTERNAL MODULE: ./src/sources/terraform/hcl-native.ts + 3 modules
var hcl_native = __webpack_require__(2010);
;// CONCATENATED MODULE: ./src/sources/terraform/expr.ts




function bind(ctx, name, value) {
    // Field by field: a spread that then adds a field is many times slower on Node 20 (for, count, each).
    const c = { env: ctx.env, file: ctx.file, bindings: { name, value, next: ctx.bindings } };
    if (ctx.inTemplateFile)
        c.inTemplateFile = true;
    return c;
}
function origin(ctx, e) {
    return { file: ctx.file, startLine: e.startLine, endLine: e.endLine };
}
function textOf(e) {
    return e.type === 'literal' ? JSON.stringify(e.value) : e.text;
}
/** An unknown standing for expression `e`, caused by the unknown `cause`. */
function unknownFor(e, ctx, cause) {
    return (0,value_tree/* unknownNode */.fn)(textOf(e), cause.reason, origin(ctx, e));
}
function evalExpr(e, ctx) {
    switch (e.type) {
        case 'literal': {
            const o = origin(ctx, e);
            const v = e.value;
            if (v === null)
                return nul(o);
            if (typeof v === 'string')
                return str(v, o);
            if (typeof v === 'number')
                return num(v, o);
            return bool(v, o);
        }
        case 'paren':
            return evalExpr(e.expr, ctx);
        case 'invalid':
            return (0,value_tree/* unknownNode */.fn)(e.text, 'syntax error in this expression', origin(ctx, e));
        default:
            try {
                return evalComposite(e, ctx);
            }
            catch (x) {
                if (x instanceof UnknownHit)
                    return unknownFor(e, ctx, x.value);
                throw x;
            }
    }
}
/**
 * evalExpr for a value of which only the content is used here: a template's interpolation, a condition,
 * an operand, a key or an index (also count and for_each: see evalAttrRead). A reference (`var.x`, `local.y.z`) is then not stamped with the lines
 * that read it, which is an origin and a copy of the value per reference, and which nothing here keeps.
 * Unknowns and errors are those of evalExpr (an unknown's reason is what a reader of it sees).
 */
function evalRead(e, ctx) {
    if (e.type !== 'traversal' && e.type !== 'variable')
        return evalExpr(e, ctx);
    try {
        if (e.type === 'traversal')
            return evalTraversal(e, ctx);
        for (let b = ctx.bindings; b; b = b.next)
            if (b.name === e.name)
                return b.value;
        return ctx.env.lookup(e.name, [], ctx, e).value;
    }
    catch (x) {
        if (x instanceof UnknownHit)
            return unknownFor(e, ctx, x.value);
        throw x;
    }
}
function evalComposite(e, ctx) {
    switch (e.type) {
        case 'template':
            return evalTemplate(e, ctx);
        case 'variable': {
            for (let b = ctx.bindings; b; b = b.next)
                if (b.name === e.name)
                    return stampAt(b.value, ctx.file, e);
            return stampAt(ctx.env.lookup(e.name, [], ctx, e).value, ctx.file, e);
        }
        case 'traversal':
            // A referenced value was written elsewhere (a variable default, a tfvars file, a local): it takes the
            // lines of the reference, which are the lines a person edits in the resource that uses it.
            return stampAt(evalTraversal(e, ctx), ctx.file, e);
        case 'call':
            return evalCall(e, ctx);
        case 'conditional': {
            const c = evalRead(e.cond, ctx);
            return asBool(c, 'condition') ? evalExpr(e.then, ctx) : evalExpr(e.else, ctx);
        }
        case 'unary': {
            const v = evalRead(e.operand, ctx);
            return e.op === '!' ? bool(!asBool(v), origin(ctx, e)) : num(-asNumber(v), origin(ctx, e));
        }
        case 'binary':
            return evalBinary(e, ctx);
        case 'tuple': {
            const items = [];
            for (const i of e.items)
                items.push(evalExpr(i, ctx));
            return list(items, origin(ctx, e));
        }
        case 'object': {
            const attrs = {};
            for (const it of e.items) {
                const k = evalRead(it.key, ctx);
                attrs[asString(k, 'object key')] = evalExpr(it.value, ctx);
            }
            return obj(attrs, origin(ctx, e));
        }
        case 'for':
            return evalFor(e, ctx);
        default:
            return evalExpr(e, ctx);
    }
}
// ---- templates ----
function evalTemplate(e, ctx) {
    // A template that is only `${expr}` yields the value itself, not its string form (HCL rule); this also
    // keeps the ref of `"${azurerm_subnet.s.id}"`.
    if (e.parts.length === 1 && e.parts[0].kind === 'interp')
        return evalExpr(e.parts[0].expr, ctx);
    let text;
    try {
        text = renderParts(e.parts, ctx);
    }
    catch (x) {
        const parts = x instanceof UnknownHit ? templatePieces(e.parts, ctx) : undefined;
        if (!parts)
            throw x;
        // `"${azurerm_virtual_hub.h.name}/rt"` with the hub's name known only at apply: the pieces stay, as
        // format()'s do, so a reader can still tell the known ones and what the unknown one refers to.
        const reason = x.value.reason;
        return { kind: 'unknown', expression: e.text, reason, origin: origin(ctx, e), parts };
    }
    const v = str(text, origin(ctx, e));
    (0,budget/* spend */.Rf)((0,budget/* sizeOf */.$d)(v), v.origin);
    return v;
}
/**
 * The pieces of a template of literals and interpolations, an unknown interpolated value kept as it is;
 * undefined when it has directives, interpolates a collection or an unknown with pieces of its own.
 */
function templatePieces(parts, ctx) {
    const out = [];
    for (const p of parts) {
        if (p.kind === 'literal') {
            if (p.value !== '')
                out.push(p.value);
            continue;
        }
        if (p.kind !== 'interp')
            return undefined;
        const v = evalRead(p.expr, ctx);
        if (v.kind === 'list' || v.kind === 'object' || v.kind === 'null')
            return undefined;
        // An unknown that keeps pieces of its own is not nested in another's: templates interpolating
        // templates would double their pieces at each level (the string-doubling bomb reached 2 GB).
        if (v.kind === 'unknown' && v.parts)
            return undefined;
        out.push(v.kind === 'unknown' ? v : asString(v));
    }
    return out;
}
function renderParts(parts, ctx) {
    let out = '';
    for (const p of parts) {
        switch (p.kind) {
            case 'literal':
                out += p.value;
                break;
            case 'interp':
                out += asString(evalRead(p.expr, ctx), 'interpolated value');
                break;
            case 'if':
                out += renderParts(asBool(evalRead(p.cond, ctx), 'template condition') ? p.then : p.else, ctx);
                break;
            case 'for': {
                const coll = known(evalExpr(p.coll, ctx));
                const pairs = entries(coll);
                (0,budget/* spend */.Rf)(pairs.length, origin(ctx, p.coll));
                for (const [k, v] of pairs) {
                    let c = bind(ctx, p.valueVar, v);
                    if (p.keyVar)
                        c = bind(c, p.keyVar, k);
                    out += renderParts(p.body, c);
                }
                break;
            }
        }
    }
    return out;
}
/** Key/value pairs of a collection as for expressions see them: index or sorted key. */
function entries(coll) {
    if (coll.kind === 'list') {
        return coll.items.map((v, i) => [coll.set ? v : num(i, coll.origin), v]);
    }
    if (coll.kind === 'object')
        return sortedKeys(coll.attrs).map((k) => [str(k, coll.origin), coll.attrs[k]]);
    throw new EvalError(`cannot iterate over a ${typeName(coll)}`);
}
// ---- for expressions ----
/** Bound on the elements a for expression may produce, so a pathological input cannot hang the scan. */
const MAX_FOR_ELEMENTS = 100_000;
function evalFor(e, ctx) {
    const coll = known(evalExpr(e.coll, ctx));
    const pairs = entries(coll);
    if (pairs.length > MAX_FOR_ELEMENTS)
        throw new EvalError(`for expression over more than ${MAX_FOR_ELEMENTS} elements`);
    const o = origin(ctx, e);
    // Each for makes as many values as it has elements: nested fors of 1,000 make 10^9, which the budget stops.
    (0,budget/* spend */.Rf)(pairs.length, o);
    if (e.result === 'tuple') {
        const items = [];
        for (const [k, v] of pairs) {
            let c = bind(ctx, e.valueVar, v);
            if (e.keyVar)
                c = bind(c, e.keyVar, k);
            if (e.cond && !asBool(evalRead(e.cond, c), 'for condition'))
                continue;
            items.push(evalExpr(e.value, c));
        }
        return list(items, o);
    }
    const attrs = {};
    const groups = {};
    for (const [k, v] of pairs) {
        let c = bind(ctx, e.valueVar, v);
        if (e.keyVar)
            c = bind(c, e.keyVar, k);
        if (e.cond && !asBool(evalRead(e.cond, c), 'for condition'))
            continue;
        const key = asString(evalRead(e.key, c), 'for key');
        const val = evalExpr(e.value, c);
        if (e.group)
            (groups[key] ??= []).push(val);
        else {
            if (key in attrs)
                throw new EvalError(`duplicate key "${key}" in for expression (use ... to group)`);
            attrs[key] = val;
        }
    }
    if (e.group)
        for (const k of Object.keys(groups))
            attrs[k] = list(groups[k], o);
    return obj(attrs, o);
}
// ---- operators ----
function evalBinary(e, ctx) {
    const o = origin(ctx, e);
    if (e.op === '&&' || e.op === '||') {
        // A decisive known side settles the answer even when the other side is unknown.
        const decisive = e.op === '||';
        const l = evalRead(e.left, ctx);
        if (l.kind !== 'unknown' && asBool(l) === decisive)
            return bool(decisive, o);
        const r = evalRead(e.right, ctx);
        if (r.kind !== 'unknown' && asBool(r) === decisive)
            return bool(decisive, o);
        known(l);
        known(r);
        return bool(!decisive, o);
    }
    const l = evalRead(e.left, ctx);
    const r = evalRead(e.right, ctx);
    switch (e.op) {
        case '==':
            return bool(equals(l, r), o);
        case '!=':
            return bool(!equals(l, r), o);
    }
    const a = asNumber(l, 'left operand');
    const b = asNumber(r, 'right operand');
    switch (e.op) {
        case '+':
            return num(a + b, o);
        case '-':
            return num(a - b, o);
        case '*':
            return num(a * b, o);
        case '/':
            if (b === 0)
                throw new EvalError('division by zero');
            return num(a / b, o);
        case '%':
            if (b === 0)
                throw new EvalError('modulo by zero');
            return num(a % b, o);
        case '<':
            return bool(a < b, o);
        case '<=':
            return bool(a <= b, o);
        case '>':
            return bool(a > b, o);
        case '>=':
            return bool(a >= b, o);
    }
    throw new EvalError(`unknown operator ${e.op}`);
}
// ---- function calls ----
function evalCall(e, ctx) {
    const o = origin(ctx, e);
    if (e.name === 'try') {
        for (const a of e.args) {
            try {
                return evalExpr(a, ctx);
            }
            catch (x) {
                if (!(x instanceof EvalError))
                    throw x;
            }
        }
        throw new EvalError('try: no argument could be evaluated');
    }
    if (e.name === 'can') {
        if (e.args.length !== 1)
            throw new EvalError('can takes one argument');
        let v;
        try {
            v = evalExpr(e.args[0], ctx);
        }
        catch (x) {
            if (x instanceof EvalError)
                return bool(false, o);
            throw x;
        }
        known(v);
        return bool(true, o);
    }
    if (e.name === 'templatefile')
        return templateFile(e, ctx, o);
    const fn = builtin(e.name);
    if (!fn)
        return (0,value_tree/* unknownNode */.fn)(e.text, `function ${e.name} is not evaluated`, o);
    let args = e.args.map((a) => evalExpr(a, ctx));
    if (e.expandFinal && args.length > 0) {
        const last = known(args[args.length - 1]);
        if (last.kind !== 'list')
            throw new EvalError(`the argument expanded with ... must be a list, not a ${typeName(last)}`);
        args = [...args.slice(0, -1), ...last.items];
    }
    const v = fn(args, new CallAt(o, ctx.env));
    // jsonencode()/format() keeping unknown parts: named by the call as written, as any unknown call is.
    if (v.kind === 'unknown' && (v.encoded || v.parts))
        v.expression = e.text;
    (0,budget/* spend */.Rf)((0,budget/* sizeOf */.$d)(v), o);
    return v;
}
/** Where a function is called (CallSite): one object per call rather than an object and a closure. */
class CallAt {
    origin;
    env;
    constructor(origin, env) {
        this.origin = origin;
        this.env = env;
    }
    readFile(p) {
        return this.env.readFile(p, this.origin);
    }
}
/**
 * `templatefile(path, vars)`: the file, read through the env (the read boundary: a path outside the scan
 * is a located notice and nothing is read), parsed with the same template parser as strings, and rendered
 * with only `vars` in scope (Terraform: a template sees its variables and the functions, nothing else,
 * and cannot call templatefile itself). The result takes the call's lines: that is where a person edits.
 */
function templateFile(e, ctx, o) {
    if (e.args.length !== 2)
        throw new EvalError(`templatefile takes 2 arguments, got ${e.args.length}`);
    if (ctx.inTemplateFile)
        throw new EvalError('templatefile cannot be called from inside a template file');
    const file = asString(evalExpr(e.args[0], ctx), 'templatefile path');
    const vars = known(evalExpr(e.args[1], ctx));
    if (vars.kind !== 'object')
        throw new EvalError(`templatefile: vars must be an object, not a ${typeName(vars)}`);
    const text = ctx.env.readFile(file, o);
    if (text === undefined)
        throw new EvalError(`templatefile: ${file} cannot be read (outside the scanned directory or missing)`);
    const { parts, errors } = (0,hcl_native/* parseTemplateText */.Hv)(file, text, 1);
    if (errors.length > 0)
        throw new EvalError(`templatefile: ${file} is not a valid template (${errors[0].message})`);
    const inside = {
        lookup(name) {
            throw new EvalError(`templatefile: ${name} is not one of the variables passed to ${file}`);
        },
        readFile: (p, at) => ctx.env.readFile(p, at),
    };
    let tctx = { env: inside, file: ctx.file, inTemplateFile: true };
    for (const k of sortedKeys(vars.attrs))
        tctx = bind(tctx, k, vars.attrs[k]);
    const template = {
        type: 'template',
        parts,
        text,
        startLine: e.startLine,
        endLine: e.endLine,
    };
    return stamp(evalTemplate(template, tctx), o);
}
// ---- traversals ----
function evalTraversal(e, ctx) {
    let v;
    let used = 0;
    if (e.target.type === 'variable') {
        const name = e.target.name;
        let b = ctx.bindings;
        while (b && b.name !== name)
            b = b.next;
        if (b)
            v = b.value;
        else
            ({ value: v, used } = ctx.env.lookup(name, e.steps, ctx, e));
    }
    else
        v = evalExpr(e.target, ctx);
    return applySteps(v, e.steps, ctx, e, used);
}
/**
 * The resource instances a collection holds (`azurerm_subnet.this`, a map of their ids), when each of its
 * elements carries a ref; undefined otherwise (an element that names no resource may be anything).
 */
function instancesIn(v) {
    const items = v.kind === 'list' ? v.items : v.kind === 'object' ? Object.values(v.attrs) : undefined;
    if (!items || items.length === 0)
        return undefined;
    const out = [];
    for (const i of items) {
        if ((i.kind !== 'object' && i.kind !== 'list' && i.kind !== 'unknown') || !i.ref)
            return undefined;
        out.push(i.ref);
    }
    return out;
}
/** Joins a ref path: '' + 'id' \u2192 'id', 'ip_configuration' + '[0]' \u2192 'ip_configuration[0]'. */
function joinPath(path, step) {
    return path === '' || step.startsWith('[') ? path + step : `${path}.${step}`;
}
/**
 * Applies traversal steps. A value carrying a resource ref passes it on to what is read out of it, so
 * `local.fw.ip_configuration[0].private_ip_address` still names the firewall.
 */
function applySteps(start, steps, ctx, e, from = 0) {
    let v = start;
    for (let s = from; s < steps.length; s++) {
        const step = steps[s];
        if (step.kind === 'splat') {
            if (v.kind === 'unknown')
                return v.ref || v.among ? v : unknownFor(e, ctx, v);
            if (v.kind === 'null')
                v = list([], v.origin);
            else if (v.kind === 'list') {
                // The elements of a resource's list are that resource's too (`vnet.subnet[*].id` names the VNet).
                const ref = v.ref;
                v = list(v.items.map((i, n) => applySteps(ref && (i.kind === 'object' || i.kind === 'list') && !i.ref
                    ? { ...i, ref: { resource: ref.resource, attribute: joinPath(ref.attribute, `[${n}]`) } }
                    : i, step.steps, ctx, e)), v.origin);
            }
            else
                v = list([applySteps(v, step.steps, ctx, e)], v.origin);
            continue;
        }
        let seg;
        let child;
        if (step.kind === 'attr') {
            seg = step.name;
            if (v.kind === 'object')
                child = v.attrs[step.name];
            else if (v.kind === 'null')
                throw new EvalError(`cannot read .${step.name} of null`);
            else if (v.kind !== 'unknown')
                throw new EvalError(`cannot read .${step.name} of a ${typeName(v)}`);
        }
        else {
            const key = evalRead(step.key, ctx);
            if (key.kind === 'unknown') {
                if (v.kind === 'unknown')
                    return v;
                const among = instancesIn(v);
                if (!among)
                    return unknownFor(e, ctx, key);
                // `azurerm_subnet.this[var.k]`: one of the collection's instances, not any resource at all. The
                // following steps (`.id`) read the same attribute of each.
                const u = unknownFor(e, ctx, key);
                u.among = among;
                v = u;
                continue;
            }
            if (v.kind === 'list') {
                const i = asNumber(key, 'index');
                seg = `[${i}]`;
                if (!Number.isInteger(i) || i < 0)
                    throw new EvalError(`invalid index ${i}`);
                child = v.items[i];
                if (child === undefined && !v.ref)
                    throw new EvalError(`index ${i} is out of range (${v.items.length} elements)`);
            }
            else if (v.kind === 'object') {
                const k = asString(key, 'key');
                seg = `[${JSON.stringify(k)}]`;
                child = v.attrs[k];
                if (child === undefined && !v.ref)
                    throw new EvalError(`no element with key "${k}"`);
            }
            else if (v.kind === 'unknown') {
                const k = known(key);
                seg = k.kind === 'number' ? `[${k.value}]` : `[${JSON.stringify(asString(k))}]`;
            }
            else if (v.kind === 'null')
                throw new EvalError('cannot index null');
            else
                throw new EvalError(`cannot index a ${typeName(v)}`);
        }
        if (v.kind === 'unknown') {
            if (v.among) {
                const u = {
                    kind: 'unknown',
                    expression: v.expression,
                    reason: v.reason,
                    origin: v.origin,
                };
                u.among = v.among.map((r) => ({ resource: r.resource, attribute: joinPath(r.attribute, seg) }));
                v = u;
                continue;
            }
            // Reading into an unknown part of a resource extends its ref (`identity[0].principal_id`).
            if (v.ref) {
                const attribute = joinPath(v.ref.attribute, seg);
                v = (0,value_tree/* unknownNode */.fn)(`${v.ref.resource}.${attribute}`, v.reason, v.origin, {
                    resource: v.ref.resource,
                    attribute,
                });
            }
            continue;
        }
        const ref = v.kind === 'list' || v.kind === 'object' ? v.ref : undefined;
        if (child === undefined) {
            if (!ref)
                throw new EvalError(`object has no attribute "${seg}"`);
            // Not an argument of the resource: the provider computes it at apply time.
            const attribute = joinPath(ref.attribute, seg);
            v = (0,value_tree/* unknownNode */.fn)(`${ref.resource}.${attribute}`, 'computed at apply time', origin(ctx, e), {
                resource: ref.resource,
                attribute,
            });
            continue;
        }
        // A composite, or a value not known until apply (`name = "vnet-${random_pet.x.id}"`), read through a
        // resource still names that resource: what refers to `azurerm_virtual_network.spoke.name` is linked to
        // that VNet by its address when the name itself cannot be known. A resource's own name is that resource
        // even when it was set from another's output (`name = azurecaf_name.vnet.result`, CAF's naming provider).
        const ownName = child.kind === 'unknown' && seg === 'name' && !ref?.attribute;
        if (ref &&
            (child.kind === 'object' || child.kind === 'list' || child.kind === 'unknown') &&
            (!child.ref || ownName)) {
            child = Object.assign({}, child, {
                ref: { resource: ref.resource, attribute: joinPath(ref.attribute, seg) },
            });
        }
        v = child;
    }
    return v;
}

;// CONCATENATED MODULE: ./src/sources/terraform/attributes.ts


function blockOrigin(file, b) {
    return { file, startLine: b.startLine, endLine: b.endLine };
}
function attr(body, name) {
    // A loop, not find(): a closure per call, and this runs for every argument every evaluation asks about.
    const as = body.attributes;
    for (let i = 0; i < as.length; i++)
        if (as[i].name === name)
            return as[i];
    return undefined;
}
/** A string the parser already knows (a literal, or a template without interpolations). */
function staticString(e) {
    if (!e)
        return undefined;
    if (e.type === 'literal' && typeof e.value === 'string')
        return e.value;
    if (e.type === 'template' && e.parts.every((p) => p.kind === 'literal')) {
        return e.parts.map((p) => (p.kind === 'literal' ? p.value : '')).join('');
    }
    return undefined;
}
function errorReason(x) {
    if (x instanceof EvalError)
        return x.message;
    if (x instanceof RangeError)
        return 'expression nested too deeply';
    return `could not evaluate: ${x instanceof Error ? x.message : String(x)}`;
}
function exprText(e) {
    return e.type === 'literal' ? JSON.stringify(e.value) : e.text;
}
/** Evaluates an attribute's expression; nothing escapes: errors become an unknown naming the expression. */
function evalAttr(e, ctx, read = evalExpr) {
    try {
        return read(e, ctx);
    }
    catch (x) {
        return (0,value_tree/* unknownNode */.fn)(exprText(e), errorReason(x), {
            file: ctx.file,
            startLine: e.startLine,
            endLine: e.endLine,
        });
    }
}
/**
 * evalAttr for count and for_each (also of dynamic blocks): what they yield is bound to count/each/the
 * iterator, whose readers stamp what they read with their own lines. Stamping it with the lines of
 * for_each first (a copy of a whole map per reference, `for_each = var.routes`) changes no origin a
 * reader ends with: usedAt keeps the first place written, and no reader's lines overlap for_each's.
 */
function evalAttrRead(e, ctx) {
    return evalAttr(e, ctx, evalRead);
}

// EXTERNAL MODULE: ./src/sources/arm/template-kind.ts
var template_kind = __webpack_require__(2208);
;// CONCATENATED MODULE: ./src/sources/terraform/evaluation-state.ts
/**
 * What one Terraform evaluation shares across all module instances: the resources found, notices (each
 * given once), file reads through the read boundary, and the depth guard on reference chains. Also where
 * values from installed module code are placed: at the user's module block that called it.
 */






/** Deepest chain of references (local \u2192 variable \u2192 module output \u2192 ...) followed before giving up. */
const MAX_DEPTH = 400;
/** What one evaluation shares across all module instances. */
class EvaluationState {
    dirs;
    root;
    boundary;
    modules;
    resources = [];
    /** `moved` blocks of every module instance, with the instance's address prefix. */
    moved = [];
    /** Module calls not evaluated, with what they are given (evaluated.ts OpaqueModule). */
    opaqueModules = [];
    environments = [];
    diagnostics = [];
    reported = new Set();
    fileCache = new Map();
    /** Directories of installed module code (and the local modules it calls): not the user's to edit. */
    installedDirs = new Set();
    depth = 0;
    constructor(dirs, root, boundary, modules) {
        this.dirs = dirs;
        this.root = root;
        this.boundary = boundary;
        this.modules = modules;
    }
    notFetched(call, reason = call.notFetched, site) {
        const key = `${call.file}:${call.block.startLine}`;
        if (this.reported.has(key))
            return;
        this.reported.add(key);
        this.diagnostics.push({
            ruleId: 'KMS011',
            origin: site ?? blockOrigin(call.file, call.block),
            message: `Module "${call.name}" (source "${call.source ?? '?'}") is not evaluated: ${reason}; its outputs are unknown.`,
            expression: `module.${call.name}`,
        });
    }
    /** A notice about a module call that was read (from its inputs) but leaves something open. */
    moduleNotice(call, message, site) {
        const key = `${call.file}:${call.block.startLine}:${message}`;
        if (this.reported.has(key))
            return;
        this.reported.add(key);
        this.diagnostics.push({
            ruleId: 'KMS011',
            origin: site ?? blockOrigin(call.file, call.block),
            message,
            expression: `module.${call.name}`,
        });
    }
    workspaces = new Map();
    /**
     * The Terraform workspace a root module is applied in (`terraform.workspace`): chosen when Terraform runs,
     * so the scan knows it only as Terraform would find it: TF_WORKSPACE, else the workspace `terraform
     * workspace select` recorded in the root's .terraform/environment. Otherwise it is unknown (was: "default",
     * which passed `count = terraform.workspace == "prod" ? 1 : 0` forced tunnels in silence).
     */
    workspace(rootDir) {
        let w = this.workspaces.get(rootDir);
        if (w)
            return w;
        const fromEnv = process.env.TF_WORKSPACE?.trim();
        if (fromEnv)
            w = { name: fromEnv, why: 'TF_WORKSPACE' };
        else {
            const read = (0,read_source/* readSource */.o$)(external_node_path_.join(rootDir, '.terraform', 'environment'), this.boundary);
            const recorded = read.ok ? read.text.trim() : '';
            w = recorded
                ? { name: recorded, why: '.terraform/environment' }
                : {
                    why: 'the workspace is chosen when Terraform runs (terraform workspace select, TF_WORKSPACE); ' +
                        'set TF_WORKSPACE for the scan to judge one workspace',
                };
        }
        this.workspaces.set(rootDir, w);
        return w;
    }
    environment(env) {
        if (!this.environments.includes(env))
            this.environments.push(env);
    }
    /**
     * file()/templatefile()/fileexists(): through the read boundary (real path inside the scan root, a
     * regular file). A refusal other than a missing file or a directory is a notice at the call, naming the
     * path written: those two fail in Terraform as well (`try(file(var.key_path), "")` with an empty path
     * reads the root directory), so they are the configuration's own error, which try()/can() may catch.
     */
    readFile(abs, written, origin) {
        if (this.fileCache.has(abs))
            return this.fileCache.get(abs);
        const read = (0,read_source/* readSource */.o$)(abs, this.boundary);
        if (!read.ok && read.reason !== 'does not exist' && read.reason !== read_source/* IS_A_DIRECTORY */.xW) {
            const key = `${origin.file}:${origin.startLine}:${written}`;
            if (!this.reported.has(key)) {
                this.reported.add(key);
                this.diagnostics.push((0,read_source/* refusedReference */.y4)(origin, written, read.reason));
            }
        }
        const text = read.ok ? read.text : undefined;
        this.fileCache.set(abs, text);
        return text;
    }
    /**
     * The ARM templates file() read, by their text (identical files: each of them): an
     * azurerm_*_template_deployment's `template_content` is that text, and its findings point at the
     * template's own lines (adapters/template-deployment.ts).
     */
    templateFiles() {
        let out;
        for (const [file, text] of this.fileCache) {
            if (text === undefined || !(0,template_kind/* isArmTemplate */.r)(text))
                continue;
            out ??= new Map();
            const files = out.get(text);
            if (files)
                files.push(file);
            else
                out.set(text, [file]);
        }
        return out;
    }
    /** Runs `f` one level deeper, refusing to go past MAX_DEPTH (long reference chains, hidden cycles). */
    deeper(f) {
        this.enter();
        try {
            return f();
        }
        finally {
            this.depth--;
        }
    }
    /**
     * deeper() without a closure, for what runs once per resource instance, local and output: enter() one
     * level deeper (or throw as deeper() does), then leave() in a finally.
     */
    enter() {
        if (this.depth >= MAX_DEPTH)
            throw new EvalError('references nested too deeply');
        this.depth++;
    }
    leave() {
        this.depth--;
    }
}
/** Origins inside installed module code moved to the user's module block that called it. */
function atSite(v, site, installed) {
    const inside = installed.has(external_node_path_.dirname(v.origin.file));
    // A value the user wrote and handed to the module (its `from`) stays the line to change.
    const from = v.origin.from;
    const origin = !inside
        ? v.origin
        : from && !installed.has(external_node_path_.dirname(from.file))
            ? (0,value/* usedAt */.Nu)(site, from)
            : site;
    if (v.kind === 'list')
        return { ...v, origin, items: v.items.map((i) => atSite(i, site, installed)) };
    if (v.kind === 'object') {
        const attrs = {};
        for (const k in v.attrs)
            attrs[k] = atSite(v.attrs[k], site, installed);
        return { ...v, origin, attrs };
    }
    return inside ? { ...v, origin } : v;
}

// EXTERNAL MODULE: ./src/sources/terraform/modules/source.ts
var modules_source = __webpack_require__(1826);
;// CONCATENATED MODULE: ./src/sources/terraform/modules/avm.ts


/** The AVM module a registry source names, if it is one this mapping knows. */
function avmKind(source) {
    const s = (0,modules_source/* parseSource */.PJ)(source);
    if (s.kind !== 'registry' || s.namespace.toLowerCase() !== 'azure' || s.system !== 'azurerm')
        return undefined;
    if (s.host !== 'registry.terraform.io' && s.host !== 'registry.opentofu.org')
        return undefined;
    if (s.name.toLowerCase() === 'avm-ptn-hubnetworking')
        return s.subdir ? undefined : 'hubnetworking';
    if (s.name.toLowerCase() === 'avm-ptn-virtualwan')
        return s.subdir ? undefined : 'virtualwan';
    const m = /^avm-res-network-(routetable|virtualnetwork|networksecuritygroup|azurefirewall|firewallpolicy)$/.exec(s.name.toLowerCase());
    if (!m)
        return undefined;
    const subdir = s.subdir?.replace(/\/+$/, '');
    if (m[1] === 'firewallpolicy' && subdir === 'modules/rule_collection_groups')
        return 'rule-collection-group';
    if (m[1] === 'virtualnetwork' && subdir === 'modules/subnet')
        return 'virtualnetwork-subnet';
    if (m[1] === 'virtualnetwork' && subdir === 'modules/peering')
        return 'virtualnetwork-peering';
    return s.subdir ? undefined : m[1];
}
/** An attribute of an object value (undefined when absent or null). */
function at(v, name) {
    if (v?.kind !== 'object')
        return undefined;
    const x = v.attrs[name];
    return x === undefined || x.kind === 'null' ? undefined : x;
}
/** The entries of a map or list input; an unknown collection gives one unknown entry. */
function avm_entries(v) {
    if (v === undefined || v.kind === 'null')
        return [];
    if (v.kind === 'object')
        return Object.keys(v.attrs)
            .sort()
            .map((k) => [k, v.attrs[k]]);
    if (v.kind === 'list')
        return v.items.map((x, i) => [String(i), x]);
    return [[undefined, v]];
}
/** Only the attributes that are set. */
function pick(v, names, o) {
    if (v.kind === 'unknown')
        return v;
    const attrs = {};
    for (const n of names) {
        const x = at(v, n);
        if (x !== undefined)
            attrs[n] = x;
    }
    return obj(attrs, v.kind === 'object' ? v.origin : o);
}
function avm_blocks(v, names, o) {
    if (v?.kind === 'unknown')
        return v;
    return list(avm_entries(v).map(([, x]) => pick(x, names, o)), v?.origin ?? o);
}
const ROUTE = ['name', 'address_prefix', 'next_hop_type', 'next_hop_in_ip_address'];
const SECURITY_RULE = [
    'name',
    'priority',
    'direction',
    'access',
    'protocol',
    'source_port_range',
    'source_port_ranges',
    'destination_port_range',
    'destination_port_ranges',
    'source_address_prefix',
    'source_address_prefixes',
    'destination_address_prefix',
    'destination_address_prefixes',
    'source_application_security_group_ids',
    'destination_application_security_group_ids',
];
const IP_CONFIGURATION = ['name', 'subnet_id', 'public_ip_address_id'];
/**
 * The association resources azurerm gives a subnet its route table, NSG and NAT gateway with, for the
 * targets given, in that order (the route table, VNet and hub networking modules all write them).
 */
/**
 * A VNet's name as the subnets emitted with it read it: a name not known here (a random suffix, an input
 * computed at apply time) keeps a reference to the VNet, so each subnet is matched to its own VNet as
 * `virtual_network_name = azurerm_virtual_network.this.name` would be, not left in a VNet no one can tell.
 */
function nameOfVnet(name, vnetId) {
    return name?.kind === 'unknown' && !name.ref && vnetId.kind === 'unknown' && vnetId.ref
        ? { ...name, ref: { resource: vnetId.ref.resource, attribute: 'name' } }
        : name;
}
function associate(emit, subnetId, targets, key) {
    const { routeTable, nsg, nat } = targets;
    if (routeTable)
        emit('azurerm_subnet_route_table_association', 'this', { subnet_id: subnetId, route_table_id: routeTable }, key);
    if (nsg)
        emit('azurerm_subnet_network_security_group_association', 'this', { subnet_id: subnetId, network_security_group_id: nsg }, key);
    if (nat)
        emit('azurerm_subnet_nat_gateway_association', 'this', { subnet_id: subnetId, nat_gateway_id: nat }, key);
}
function expandAvm(kind, input, address, site) {
    const idOf = (type, name, key) => {
        const resource = `${address}.${type}.${name}${key === undefined ? '' : `[${JSON.stringify(key)}]`}`;
        return (0,value_tree/* unknownNode */.fn)(`${resource}.id`, 'computed at apply time', site, { resource, attribute: 'id' });
    };
    const set = (attrs, name, v) => {
        if (v !== undefined && v.kind !== 'null')
            attrs[name] = v;
    };
    const named = () => {
        const a = {};
        set(a, 'name', input('name') ?? (0,value_tree/* unknownNode */.fn)(`${address}.name`, 'required input name not given', site));
        set(a, 'resource_group_name', input('resource_group_name'));
        set(a, 'location', input('location'));
        return a;
    };
    const resources = [];
    const outputs = {};
    const problems = [];
    const emit = (type, name, body, key) => {
        resources.push({ type, name, key, body: obj(body, site) });
        return idOf(type, name, key);
    };
    switch (kind) {
        case 'routetable': {
            const body = named();
            set(body, 'bgp_route_propagation_enabled', input('bgp_route_propagation_enabled'));
            set(body, 'disable_bgp_route_propagation', input('disable_bgp_route_propagation'));
            body.route = avm_blocks(input('routes'), ROUTE, site);
            const id = emit('azurerm_route_table', 'this', body);
            for (const [key, subnet] of avm_entries(input('subnet_resource_ids')))
                associate(emit, subnet, { routeTable: id }, key);
            outputs.resource_id = id;
            outputs.name = body.name;
            outputs.resource = obj({ ...body, id }, site);
            break;
        }
        case 'networksecuritygroup': {
            const body = named();
            body.security_rule = avm_blocks(input('security_rules'), SECURITY_RULE, site);
            const id = emit('azurerm_network_security_group', 'this', body);
            outputs.resource_id = id;
            outputs.name = body.name;
            outputs.resource = obj({ ...body, id }, site);
            break;
        }
        case 'virtualnetwork': {
            const body = named();
            const parent = input('parent_id');
            // Newer versions take the resource group's id (`parent_id`) instead of its name.
            if (!body.resource_group_name)
                set(body, 'resource_group_name', groupOf(parent, site));
            set(body, 'address_space', input('address_space'));
            const vnetId = emit('azurerm_virtual_network', 'this', body);
            const subnets = {};
            const subnetInput = input('subnets');
            if (subnetInput?.kind === 'unknown')
                problems.push(`subnets is unknown (${subnetInput.reason}): the subnets it creates are not known`);
            for (const [key, s] of subnetInput?.kind === 'unknown' ? [] : avm_entries(subnetInput)) {
                const k = key ?? '*';
                const sb = {};
                set(sb, 'name', at(s, 'name') ?? (s.kind === 'unknown' ? s : undefined));
                set(sb, 'resource_group_name', body.resource_group_name);
                set(sb, 'virtual_network_name', nameOfVnet(body.name, vnetId));
                const prefixes = at(s, 'address_prefixes') ?? at(s, 'address_prefix');
                set(sb, 'address_prefixes', prefixes?.kind === 'string' ? list([prefixes], prefixes.origin) : prefixes);
                const subnetId = emit('azurerm_subnet', 'this', sb, k);
                const targets = {
                    routeTable: at(at(s, 'route_table'), 'id'),
                    nsg: at(at(s, 'network_security_group'), 'id'),
                    nat: at(at(s, 'nat_gateway'), 'id'),
                };
                associate(emit, subnetId, targets, k);
                subnets[k] = obj({ resource_id: subnetId, name: sb.name ?? (0,value_tree/* unknownNode */.fn)(`${address}.subnets`, 'not set', site) }, site);
            }
            outputs.resource_id = vnetId;
            outputs.name = body.name;
            // Peerings (main.peering.tf): what a spoke's routing through its hub depends on.
            for (const [key, p] of avm_entries(input('peerings'))) {
                if (key === undefined || p.kind !== 'object')
                    continue;
                const pb = {};
                set(pb, 'name', at(p, 'name'));
                set(pb, 'resource_group_name', body.resource_group_name);
                set(pb, 'virtual_network_name', body.name);
                set(pb, 'remote_virtual_network_id', at(p, 'remote_virtual_network_resource_id'));
                for (const [n, dflt] of [
                    ['allow_virtual_network_access', true],
                    ['allow_forwarded_traffic', false],
                    ['allow_gateway_transit', false],
                    ['use_remote_gateways', false],
                ])
                    pb[n] = at(p, n) ?? bool(dflt, p.origin);
                emit('azurerm_virtual_network_peering', 'this', pb, key);
            }
            outputs.subnets = obj(subnets, site);
            outputs.resource = obj({ ...body, id: vnetId }, site);
            break;
        }
        case 'azurefirewall': {
            const body = named();
            set(body, 'sku_name', input('firewall_sku_name'));
            set(body, 'sku_tier', input('firewall_sku_tier'));
            set(body, 'firewall_policy_id', input('firewall_policy_id'));
            set(body, 'private_ip_ranges', input('firewall_private_ip_ranges'));
            const configs = [input('firewall_ip_configuration'), input('ip_configurations')];
            const items = [];
            let unknownConfig;
            for (const c of configs) {
                const b = avm_blocks(c, IP_CONFIGURATION, site);
                if (b.kind === 'list')
                    items.push(...b.items);
                else
                    unknownConfig = b;
            }
            body.ip_configuration = unknownConfig ?? list(items, site);
            const hub = input('firewall_virtual_hub');
            if (hub)
                body.virtual_hub = list([pick(hub, ['virtual_hub_id', 'public_ip_count'], site)], site);
            const id = emit('azurerm_firewall', 'this', body);
            const resource = `${address}.azurerm_firewall.this`;
            outputs.resource_id = id;
            outputs.name = body.name;
            outputs.resource = obj({
                ...body,
                id,
                ip_configuration: list([
                    obj({
                        private_ip_address: (0,value_tree/* unknownNode */.fn)(`${resource}.ip_configuration[0].private_ip_address`, 'computed at apply time', site, {
                            resource,
                            attribute: 'ip_configuration[0].private_ip_address',
                        }),
                    }, site),
                ], site),
            }, site);
            break;
        }
        case 'firewallpolicy': {
            const body = named();
            set(body, 'sku', input('firewall_policy_sku'));
            set(body, 'base_policy_id', input('firewall_policy_base_policy_id'));
            set(body, 'private_ip_ranges', input('firewall_policy_private_ip_ranges'));
            const dns = input('firewall_policy_dns');
            if (dns)
                body.dns = list([pick(dns, ['proxy_enabled', 'servers'], site)], site);
            const id = emit('azurerm_firewall_policy', 'this', body);
            outputs.resource_id = id;
            outputs.name = body.name;
            outputs.resource = obj({ ...body, id }, site);
            break;
        }
        case 'rule-collection-group': {
            const p = 'firewall_policy_rule_collection_group_';
            const body = {};
            set(body, 'name', input(`${p}name`));
            set(body, 'priority', input(`${p}priority`));
            set(body, 'firewall_policy_id', input(`${p}firewall_policy_id`));
            for (const c of ['network_rule_collection', 'application_rule_collection', 'nat_rule_collection'])
                set(body, c, input(`${p}${c}`));
            const id = emit('azurerm_firewall_policy_rule_collection_group', 'this', body);
            outputs.resource_id = id;
            outputs.resource = obj({ ...body, id }, site);
            break;
        }
        case 'virtualnetwork-subnet':
            avmSubnet(input, { emit, site, outputs, address, problems });
            break;
        case 'virtualnetwork-peering':
            avmPeering(input, { emit, site, outputs, address, problems });
            break;
        case 'hubnetworking':
            hubNetworking(input('hub_virtual_networks'), { emit, site, outputs, address, problems });
            break;
        case 'virtualwan':
            virtualWan(input, { emit, site, outputs, address, problems });
            break;
    }
    return { resources, outputs, problems };
}
const isSet = (v) => v !== undefined && v.kind !== 'null';
/** `try(x, fallback)` for a boolean: the default when absent. */
function flag(v, dflt) {
    if (v === undefined || v.kind === 'null')
        return dflt;
    return v.kind === 'bool' ? v.value : undefined;
}
/** The resource group named by a resource group id (`parent_id`). */
function groupOf(parent, o) {
    if (parent?.kind !== 'string')
        return parent;
    const rg = /\/resourceGroups\/([^/]+)/i.exec(parent.value)?.[1];
    return rg ? str(rg, parent.origin) : (0,value_tree/* unknownNode */.fn)('parent_id', 'not a resource group id', o);
}
/** A route of the pattern's `route_table_entries_*` (it spells the next hop `next_hop_ip_address`). */
function entryRoute(e, o) {
    if (e.kind === 'unknown')
        return e;
    const r = {};
    for (const n of ['name', 'address_prefix', 'next_hop_type']) {
        const x = at(e, n);
        if (x)
            r[n] = x;
    }
    const hop = at(e, 'next_hop_ip_address');
    if (hop)
        r.next_hop_in_ip_address = hop;
    return obj(r, e.origin ?? o);
}
/**
 * Azure/avm-ptn-hubnetworking/azurerm (locals.*.tf, main.*.tf): per entry of `hub_virtual_networks`, a
 * VNet; with `firewall`, an AzureFirewallSubnet whose route table sends 0.0.0.0/0 to the Internet, the
 * firewall (and a policy when `firewall.firewall_policy` is given without `firewall_policy_id`); a route
 * table for the user subnets sending 0.0.0.0/0 (and other hubs' `routing_address_space`) to the firewall
 * or `hub_router_ip_address`; mesh peering between hubs. Spokes peer to it with their own code.
 */
function hubNetworking(hubsInput, c) {
    const { emit, site: o } = c;
    if (hubsInput?.kind === 'unknown') {
        c.problems.push(`hub_virtual_networks is unknown (${hubsInput.reason}): the hub networks, firewalls and route tables it creates are not known`);
        return;
    }
    const hubs = avm_entries(hubsInput).filter((e) => e[0] !== undefined);
    const firewallIp = new Map();
    const firewallName = new Map();
    const userTable = new Map();
    // First pass: the firewalls' addresses, which every hub's routes refer to.
    for (const [k, hub] of hubs) {
        const fw = at(hub, 'firewall');
        if (fw) {
            const resource = `${c.address}.azurerm_firewall.this[${JSON.stringify(k)}]`;
            firewallIp.set(k, (0,value_tree/* unknownNode */.fn)(`${resource}.ip_configuration[0].private_ip_address`, 'computed at apply time', o, {
                resource,
                attribute: 'ip_configuration[0].private_ip_address',
            }));
            firewallName.set(k, at(fw, 'name') ?? str(`fw-${k}`, fw.origin));
        }
        else {
            const router = at(hub, 'hub_router_ip_address');
            if (router)
                firewallIp.set(k, router);
        }
        userTable.set(k, firewallIp.has(k));
    }
    const mesh = (hub) => flag(at(hub, 'mesh_peering_enabled'), true) !== false;
    const meshRoutes = (src, srcHub) => {
        if (!mesh(srcHub))
            return [];
        const out = [];
        for (const [dst, dstHub] of hubs) {
            if (dst === src || !mesh(dstHub) || !firewallIp.has(dst))
                continue;
            const space = at(dstHub, 'routing_address_space');
            for (const cidr of space?.kind === 'list' ? space.items : space ? [space] : []) {
                const name = cidr.kind === 'string' ? cidr.value.replace('/', '-') : 'routing_address_space';
                out.push(obj({
                    name: str(`${src}-${dst}-${name}`, cidr.origin),
                    address_prefix: cidr,
                    next_hop_type: str('VirtualAppliance', cidr.origin),
                    next_hop_in_ip_address: firewallIp.get(dst),
                }, cidr.origin));
            }
        }
        return out;
    };
    const listOf = (v) => avm_entries(v).map(([, x]) => x);
    const outs = {
        firewalls: {},
        policies: {},
        rtFirewall: {},
        rtUser: {},
        names: {},
        ids: {},
        vnets: {},
    };
    for (const [k, hub] of hubs) {
        if (hub.kind === 'unknown') {
            c.problems.push(`hub_virtual_networks["${k}"] is unknown (${hub.reason})`);
            continue;
        }
        const ho = hub.origin;
        const rg = groupOf(at(hub, 'parent_id'), ho);
        const vnetName = at(hub, 'name') ?? (0,value_tree/* unknownNode */.fn)(`hub_virtual_networks["${k}"].name`, 'not set', ho);
        const located = (attrs) => {
            if (rg)
                attrs.resource_group_name = rg;
            const loc = at(hub, 'location');
            if (loc)
                attrs.location = loc;
            return attrs;
        };
        const vnetBody = located({ name: vnetName });
        const space = at(hub, 'address_space');
        if (space)
            vnetBody.address_space = space;
        const vnetId = emit('azurerm_virtual_network', 'this', vnetBody, k);
        const subnetIds = {};
        const subnet = (key, body, rt, nsg, nat) => {
            const sb = { ...body, virtual_network_name: nameOfVnet(vnetName, vnetId) };
            if (rg)
                sb.resource_group_name = rg;
            const id = emit('azurerm_subnet', 'this', sb, key);
            associate(emit, id, { routeTable: rt, nsg, nat }, key);
            subnetIds[key] = id;
            return id;
        };
        const fw = at(hub, 'firewall');
        let userRt;
        const userEntries = listOf(at(hub, 'route_table_entries_user_subnets'));
        if (userTable.get(k) || userEntries.length > 0) {
            const routes = [];
            if (userTable.get(k))
                routes.push(obj({
                    name: str(`${k}-0.0.0.0-0`, ho),
                    address_prefix: str('0.0.0.0/0', ho),
                    next_hop_type: str('VirtualAppliance', ho),
                    next_hop_in_ip_address: firewallIp.get(k),
                }, ho));
            if (userTable.get(k))
                routes.push(...meshRoutes(k, hub));
            routes.push(...userEntries.map((e) => entryRoute(e, ho)));
            const name = at(hub, 'route_table_name_user_subnets') ?? str(`rt-user-subnets-${k}`, ho);
            userRt = emit('azurerm_route_table', 'user_subnets', located({ name, bgp_route_propagation_enabled: bool(true, ho), route: list(routes, ho) }), k);
            outs.rtUser[k] = obj({ id: userRt, name }, ho);
        }
        if (fw) {
            const fo = fw.origin;
            const fwRoutes = [
                obj({
                    name: str('internet', fo),
                    address_prefix: str('0.0.0.0/0', fo),
                    next_hop_type: str('Internet', fo),
                }, fo),
                ...meshRoutes(k, hub),
                ...listOf(at(hub, 'route_table_entries_firewall')).map((e) => entryRoute(e, fo)),
            ];
            const rtName = at(hub, 'route_table_name_firewall') ?? str(`rt-firewall-${k}`, ho);
            const fwRt = emit('azurerm_route_table', 'firewall', located({ name: rtName, bgp_route_propagation_enabled: bool(true, fo), route: list(fwRoutes, fo) }), k);
            outs.rtFirewall[k] = obj({ id: fwRt, name: rtName }, fo);
            const prefix = at(fw, 'subnet_address_prefix');
            const fwSubnet = subnet(`${k}-AzureFirewallSubnet`, {
                name: str('AzureFirewallSubnet', fo),
                ...(prefix ? { address_prefixes: list([prefix], prefix.origin) } : {}),
            }, at(fw, 'subnet_route_table_id') ?? fwRt);
            let policyId = at(fw, 'firewall_policy_id');
            const policy = at(fw, 'firewall_policy');
            if (!policyId && policy) {
                const body = located({ name: at(policy, 'name') ?? str(`fwp-${k}`, policy.origin) });
                for (const [from, to] of [
                    ['sku', 'sku'],
                    ['base_policy_id', 'base_policy_id'],
                    ['private_ip_ranges', 'private_ip_ranges'],
                ]) {
                    const x = at(policy, from);
                    if (x)
                        body[to] = x;
                }
                const dns = at(policy, 'dns');
                if (dns)
                    body.dns = list([pick(dns, ['proxy_enabled', 'servers'], policy.origin)], dns.origin);
                policyId = emit('azurerm_firewall_policy', 'this', body, k);
                outs.policies[k] = obj({ id: policyId, name: body.name }, policy.origin);
            }
            const fwBody = located({ name: firewallName.get(k) });
            for (const n of ['sku_name', 'sku_tier', 'private_ip_ranges']) {
                const x = at(fw, n);
                if (x)
                    fwBody[n] = x;
            }
            if (policyId)
                fwBody.firewall_policy_id = policyId;
            fwBody.ip_configuration = list([obj({ name: str('default', fo), subnet_id: fwSubnet }, fo)], fo);
            const fwId = emit('azurerm_firewall', 'this', fwBody, k);
            outs.firewalls[k] = obj({ id: fwId, name: firewallName.get(k), private_ip_address: firewallIp.get(k) }, fo);
        }
        for (const [sk, s] of avm_entries(at(hub, 'subnets'))) {
            if (sk === undefined) {
                c.problems.push(`hub_virtual_networks["${k}"].subnets is unknown`);
                continue;
            }
            const rtInput = at(s, 'route_table');
            const generated = flag(at(rtInput, 'assign_generated_route_table'), true);
            const rt = generated === false ? at(rtInput, 'id') : generated === true ? userRt : at(rtInput, 'id');
            const prefixes = at(s, 'address_prefixes');
            subnet(`${k}-${sk}`, {
                name: at(s, 'name') ?? (0,value_tree/* unknownNode */.fn)(`subnets["${sk}"].name`, 'not set', s.origin),
                ...(prefixes ? { address_prefixes: prefixes } : {}),
            }, rt, at(at(s, 'network_security_group'), 'id'), at(at(s, 'nat_gateway'), 'id'));
        }
        outs.names[k] = vnetName;
        outs.ids[k] = vnetId;
        const vnetOut = {
            name: vnetName,
            id: vnetId,
            virtual_network_resource_id: vnetId,
            subnet_ids: obj(subnetIds, ho),
        };
        if (rg)
            vnetOut.resource_group_name = rg;
        for (const n of ['parent_id', 'location'])
            if (isSet(at(hub, n)))
                vnetOut[n] = at(hub, n);
        if (space)
            vnetOut.address_spaces = space;
        const router = firewallIp.get(k);
        if (router)
            vnetOut.hub_router_ip_address = router;
        outs.vnets[k] = obj(vnetOut, ho);
    }
    // Mesh peering: every hub to every other (the pattern's locals.peering.tf).
    for (const [from, a] of hubs) {
        if (a.kind === 'unknown' || !mesh(a))
            continue;
        for (const [to] of hubs) {
            if (to === from || !outs.ids[to])
                continue;
            const body = {
                name: str(`${from}-${to}`, a.origin),
                virtual_network_name: outs.names[from],
                remote_virtual_network_id: outs.ids[to],
                allow_virtual_network_access: bool(true, a.origin),
                allow_forwarded_traffic: bool(true, a.origin),
                allow_gateway_transit: bool(true, a.origin),
                use_remote_gateways: bool(false, a.origin),
            };
            const rg = groupOf(at(a, 'parent_id'), a.origin);
            if (rg)
                body.resource_group_name = rg;
            emit('azurerm_virtual_network_peering', 'this', body, `${from}-${to}`);
        }
    }
    c.outputs.firewalls = obj(outs.firewalls, o);
    c.outputs.firewall_policies = obj(outs.policies, o);
    c.outputs.hub_route_tables_firewall = obj(outs.rtFirewall, o);
    c.outputs.hub_route_tables_user_subnets = obj(outs.rtUser, o);
    c.outputs.name = obj(outs.names, o);
    c.outputs.resource_id = obj(outs.ids, o);
    c.outputs.virtual_networks = obj(outs.vnets, o);
}
/**
 * Azure/avm-ptn-virtualwan/azurerm (main*.tf and its modules/): the WAN, `virtual_hubs`, `firewalls` in
 * them (`virtual_hub_key`), `routing_intents` whose policies name a firewall by `next_hop_firewall_key`,
 * `virtual_hub_route_tables`, `virtual_network_connections` and the hubs' VPN / ExpressRoute gateways.
 * Everything refers to hubs, firewalls and tables by map key; an unknown key leaves that link unknown.
 */
function virtualWan(input, c) {
    const { emit, site: o } = c;
    const rg = input('resource_group_name');
    const withRg = (attrs, own) => {
        const g = own ?? rg;
        if (g)
            attrs.resource_group_name = g;
        return attrs;
    };
    const wanBody = withRg({
        name: input('virtual_wan_name') ?? (0,value_tree/* unknownNode */.fn)(`${c.address}.virtual_wan_name`, 'not given', o),
    });
    const loc = input('location');
    if (loc)
        wanBody.location = loc;
    const wanId = emit('azurerm_virtual_wan', 'this', wanBody);
    const keyed = (name) => {
        const v = input(name);
        if (v?.kind === 'unknown') {
            c.problems.push(`${name} is unknown (${v.reason})`);
            return [];
        }
        return avm_entries(v).filter((e) => e[0] !== undefined && e[1].kind === 'object');
    };
    const byKey = (ids, key, what, at) => {
        if (key?.kind === 'string' && ids.has(key.value))
            return ids.get(key.value);
        if (key?.kind === 'unknown')
            return key;
        return (0,value_tree/* unknownNode */.fn)(`${what} ${key?.kind === 'string' ? `"${key.value}"` : ''}`.trim(), `no such key in ${what}`, at);
    };
    const hubIds = new Map();
    for (const [k, h] of keyed('virtual_hubs')) {
        const body = withRg({}, at(h, 'resource_group'));
        for (const n of ['name', 'location', 'address_prefix', 'sku']) {
            const x = at(h, n);
            if (x)
                body[n] = x;
        }
        body.virtual_wan_id = wanId;
        hubIds.set(k, emit('azurerm_virtual_hub', 'this', body, k));
    }
    const firewallIds = new Map();
    const firewallIps = {};
    for (const [k, f] of keyed('firewalls')) {
        const body = withRg({});
        for (const n of ['name', 'sku_tier', 'firewall_policy_id']) {
            const x = at(f, n);
            if (x)
                body[n] = x;
        }
        body.sku_name = at(f, 'sku_name') ?? str('AZFW_Hub', f.origin);
        body.virtual_hub = list([obj({ virtual_hub_id: byKey(hubIds, at(f, 'virtual_hub_key'), 'virtual_hubs', f.origin) }, f.origin)], f.origin);
        firewallIds.set(k, emit('azurerm_firewall', 'this', body, k));
        const resource = `${c.address}.azurerm_firewall.this[${JSON.stringify(k)}]`;
        firewallIps[k] = obj({
            firewall_key: str(k, f.origin),
            private_ip_address: (0,value_tree/* unknownNode */.fn)(`${resource}.virtual_hub[0].private_ip_address`, 'computed at apply time', o, {
                resource,
                attribute: 'virtual_hub[0].private_ip_address',
            }),
        }, f.origin);
    }
    for (const [k, ri] of keyed('routing_intents')) {
        const policies = at(ri, 'routing_policies');
        const routing = policies?.kind === 'unknown'
            ? policies
            : list(avm_entries(policies).map(([, p]) => obj({
                ...(at(p, 'name') ? { name: at(p, 'name') } : {}),
                ...(at(p, 'destinations') ? { destinations: at(p, 'destinations') } : {}),
                next_hop: byKey(firewallIds, at(p, 'next_hop_firewall_key'), 'firewalls', p.origin),
            }, p.origin)), ri.origin);
        emit('azurerm_virtual_hub_routing_intent', 'this', {
            ...(at(ri, 'name') ? { name: at(ri, 'name') } : {}),
            virtual_hub_id: byKey(hubIds, at(ri, 'virtual_hub_key'), 'virtual_hubs', ri.origin),
            routing_policy: routing,
        }, k);
    }
    const tableIds = new Map();
    const tables = keyed('virtual_hub_route_tables');
    for (const [k] of tables)
        tableIds.set(k, (0,value_tree/* unknownNode */.fn)(`${c.address}.azurerm_virtual_hub_route_table.this["${k}"].id`, 'computed at apply time', o, {
            resource: `${c.address}.azurerm_virtual_hub_route_table.this[${JSON.stringify(k)}]`,
            attribute: 'id',
        }));
    const connectionIds = new Map();
    const connections = keyed('virtual_network_connections');
    for (const [k] of connections)
        connectionIds.set(k, (0,value_tree/* unknownNode */.fn)(`${c.address}.azurerm_virtual_hub_connection.this["${k}"].id`, 'computed at apply time', o, {
            resource: `${c.address}.azurerm_virtual_hub_connection.this[${JSON.stringify(k)}]`,
            attribute: 'id',
        }));
    for (const [k, t] of tables) {
        const routes = avm_entries(at(t, 'routes')).map(([, r]) => {
            const attrs = {};
            for (const n of ['name', 'destinations', 'destinations_type', 'next_hop_type']) {
                const x = at(r, n);
                if (x)
                    attrs[n] = x;
            }
            attrs.next_hop =
                at(r, 'next_hop') ??
                    byKey(connectionIds, at(r, 'vnet_connection_key'), 'virtual_network_connections', r.origin);
            return obj(attrs, r.origin);
        });
        const body = {
            virtual_hub_id: byKey(hubIds, at(t, 'virtual_hub_key'), 'virtual_hubs', t.origin),
            route: list(routes, t.origin),
        };
        for (const n of ['name', 'labels'])
            if (at(t, n))
                body[n] = at(t, n);
        emit('azurerm_virtual_hub_route_table', 'this', body, k);
    }
    for (const [k, v] of connections) {
        const body = {
            virtual_hub_id: byKey(hubIds, at(v, 'virtual_hub_key'), 'virtual_hubs', v.origin),
            internet_security_enabled: at(v, 'internet_security_enabled') ?? bool(false, v.origin),
        };
        for (const n of ['name', 'remote_virtual_network_id'])
            if (at(v, n))
                body[n] = at(v, n);
        const routing = at(v, 'routing');
        if (routing) {
            const assoc = at(routing, 'associated_route_table_id') ??
                (at(routing, 'associated_route_table_key')
                    ? byKey(tableIds, at(routing, 'associated_route_table_key'), 'virtual_hub_route_tables', routing.origin)
                    : undefined);
            if (assoc)
                body.routing = list([obj({ associated_route_table_id: assoc }, routing.origin)], routing.origin);
        }
        emit('azurerm_virtual_hub_connection', 'this', body, k);
    }
    for (const [variable, type] of [
        ['vpn_gateways', 'azurerm_vpn_gateway'],
        ['expressroute_gateways', 'azurerm_express_route_gateway'],
    ])
        for (const [k, g] of keyed(variable))
            emit(type, 'this', withRg({
                ...(at(g, 'name') ? { name: at(g, 'name') } : {}),
                virtual_hub_id: byKey(hubIds, at(g, 'virtual_hub_key'), 'virtual_hubs', g.origin),
            }), k);
    c.outputs.virtual_wan_id = wanId;
    c.outputs.firewall_ip_addresses = obj(firewallIps, o);
    c.outputs.resource_group_name = rg ?? (0,value_tree/* unknownNode */.fn)(`${c.address}.resource_group_name`, 'not given', o);
}
/** `{ id = x }` as the ARM reference object, when the input is set. */
function idRef(v, o) {
    const id = at(v, 'id') ?? (v?.kind === 'unknown' ? v : undefined);
    return id ? obj({ id }, v?.origin ?? o) : undefined;
}
/**
 * Azure/avm-res-network-virtualnetwork/azurerm//modules/subnet (main.tf): one azapi subnet under the VNet
 * `parent_id`, with the route table, NSG and NAT gateway given as `{ id }`; `default_outbound_access_enabled`
 * defaults to false there (a private subnet), `delegations`/`delegation` become ARM delegations, and
 * `ipam_pools` leaves the prefixes to Azure (unknown).
 */
function avmSubnet(input, c) {
    const o = c.site;
    const props = {};
    const pools = input('ipam_pools');
    if (isSet(pools))
        props.addressPrefixes = (0,value_tree/* unknownNode */.fn)(`${c.address}.ipam_pools`, 'prefixes allocated from an IPAM pool at apply time', o);
    else {
        const one = input('address_prefix');
        const many = input('address_prefixes');
        if (isSet(many))
            props.addressPrefixes = many;
        else if (isSet(one))
            props.addressPrefix = one;
    }
    for (const [arm, name] of [
        ['routeTable', 'route_table'],
        ['networkSecurityGroup', 'network_security_group'],
        ['natGateway', 'nat_gateway'],
    ]) {
        const ref = idRef(input(name), o);
        if (ref)
            props[arm] = ref;
    }
    props.defaultOutboundAccess = input('default_outbound_access_enabled') ?? bool(false, o);
    const delegations = isSet(input('delegations')) ? input('delegations') : input('delegation');
    if (delegations?.kind === 'unknown')
        props.delegations = delegations;
    else if (isSet(delegations))
        props.delegations = list(avm_entries(delegations).map(([, d]) => obj({
            name: at(d, 'name') ?? str('delegation', o),
            properties: obj({ serviceName: at(at(d, 'service_delegation'), 'name') ?? d }, d.origin ?? o),
        }, d.origin ?? o)), delegations.origin ?? o);
    const name = input('name') ?? (0,value_tree/* unknownNode */.fn)(`${c.address}.name`, 'required input name not given', o);
    const body = {
        type: str('Microsoft.Network/virtualNetworks/subnets@2024-07-01', o),
        name,
        body: obj({ properties: obj(props, o) }, o),
    };
    const parent = input('parent_id');
    if (parent)
        body.parent_id = parent;
    const id = c.emit('azapi_resource', 'subnet', body);
    c.outputs.resource_id = id;
    c.outputs.name = name;
    c.outputs.resource = obj({ ...body, id }, o);
}
/**
 * Azure/avm-res-network-virtualnetwork/azurerm//modules/peering (main.tf, variables.tf): the peering from
 * `parent_id` to `remote_virtual_network_id` and, with `create_reverse_peering`, the reverse one with the
 * `reverse_*` flags; gateway transit and remote gateways default to false, as the module's variables do.
 */
function avmPeering(input, c) {
    const o = c.site;
    const flags = (prefix) => {
        const f = {};
        for (const [arm, name, dflt] of [
            ['allowVirtualNetworkAccess', 'allow_virtual_network_access', true],
            ['allowForwardedTraffic', 'allow_forwarded_traffic', false],
            ['allowGatewayTransit', 'allow_gateway_transit', false],
            ['useRemoteGateways', 'use_remote_gateways', false],
        ])
            f[arm] = input(`${prefix}${name}`) ?? bool(dflt, o);
        return f;
    };
    const peering = (key, name, parent, remote, prefix) => {
        const body = {
            type: str('Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-07-01', o),
            name: name ?? (0,value_tree/* unknownNode */.fn)(`${c.address}.${prefix}name`, 'required input name not given', o),
            body: obj({
                properties: obj({ ...flags(prefix), ...(remote ? { remoteVirtualNetwork: obj({ id: remote }, o) } : {}) }, o),
            }, o),
        };
        if (parent)
            body.parent_id = parent;
        return c.emit('azapi_resource', key, body);
    };
    const local = input('parent_id');
    const remote = input('remote_virtual_network_id');
    const id = peering('this', input('name'), local, remote, '');
    c.outputs.resource_id = id;
    c.outputs.name = input('name') ?? (0,value_tree/* unknownNode */.fn)(`${c.address}.name`, 'not set', o);
    const reverse = input('create_reverse_peering');
    if (reverse?.kind === 'unknown')
        c.problems.push(`create_reverse_peering is unknown (${reverse.reason}): whether the reverse peering exists is not known`);
    if (reverse?.kind === 'bool' && reverse.value)
        c.outputs.reverse_resource_id = peering('reverse', input('reverse_name'), remote, local, 'reverse_');
}

// EXTERNAL MODULE: ./src/sources/terraform/moved.ts
var moved = __webpack_require__(3526);
;// CONCATENATED MODULE: ./src/sources/terraform/module-index.ts
/**
 * Indexing the scan's Terraform files by module directory, once: what each directory declares (variables,
 * locals, outputs, resources, data sources, module calls, providers, moved blocks), its auto-loaded tfvars
 * in precedence order, and which directories are root modules. Module instances share these indexes.
 */




/** Why a registry or git module call is not evaluated when nothing installed it. */
const NOT_FETCHED = 'registry module not fetched (run `terraform init` before the scan, or scan with --download-modules)';
const isConfig = (p) => p.endsWith('.tf') || p.endsWith('.tf.json');
const isTfvars = (p) => p.endsWith('.tfvars') || p.endsWith('.tfvars.json');
function isLocalSource(s) {
    return s.startsWith('./') || s.startsWith('../') || s.startsWith('.\\') || s.startsWith('..\\');
}
function indexDir(dir, files) {
    const dm = {
        dir,
        variables: new Map(),
        locals: new Map(),
        outputs: new Map(),
        resources: new Map(),
        resourcesByType: new Map(),
        data: new Map(),
        calls: new Map(),
        providers: [],
        tfvars: [],
        moved: (0,moved/* movedBlocks */.u9)(files.map((f) => f.body)),
    };
    for (const f of files) {
        for (const b of f.body.blocks) {
            const [l0, l1] = b.labels;
            switch (b.type) {
                case 'variable':
                    if (l0 !== undefined && !dm.variables.has(l0))
                        dm.variables.set(l0, { block: b, file: f.path });
                    break;
                case 'locals':
                    for (const a of b.body.attributes)
                        if (!dm.locals.has(a.name))
                            dm.locals.set(a.name, { attr: a, file: f.path });
                    break;
                case 'output':
                    if (l0 !== undefined && !dm.outputs.has(l0))
                        dm.outputs.set(l0, { block: b, file: f.path });
                    break;
                case 'resource':
                case 'data': {
                    if (l0 === undefined || l1 === undefined)
                        break;
                    const map = b.type === 'resource' ? dm.resources : dm.data;
                    const key = `${l0}.${l1}`;
                    if (map.has(key))
                        break;
                    const decl = {
                        mode: b.type === 'resource' ? 'managed' : 'data',
                        type: l0,
                        name: l1,
                        block: b,
                        file: f.path,
                    };
                    map.set(key, decl);
                    if (b.type === 'resource') {
                        let named = dm.resourcesByType.get(l0);
                        if (!named)
                            dm.resourcesByType.set(l0, (named = new Map()));
                        named.set(l1, decl);
                    }
                    break;
                }
                case 'module': {
                    if (l0 === undefined || dm.calls.has(l0))
                        break;
                    const source = staticString(attr(b.body, 'source')?.expr);
                    let localDir;
                    let notFetched;
                    if (source === undefined)
                        notFetched = 'its source is not a literal string';
                    else if (isLocalSource(source))
                        localDir = external_node_path_.resolve(dir, source.replace(/\\/g, '/'));
                    else
                        notFetched = NOT_FETCHED;
                    const remote = source !== undefined && localDir === undefined;
                    const call = {
                        name: l0,
                        block: b,
                        file: f.path,
                        source,
                        dir: localDir,
                        notFetched,
                        remote,
                    };
                    const avm = remote ? avmKind(source) : undefined;
                    if (avm)
                        call.avm = avm;
                    dm.calls.set(l0, call);
                    break;
                }
                case 'provider':
                    if (l0 === 'azurerm')
                        dm.providers.push({ block: b, file: f.path });
                    break;
            }
        }
    }
    return dm;
}
/** tfvars precedence within a directory: terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars(.json) by name. */
function tfvarsRank(p) {
    const base = external_node_path_.basename(p);
    if (base === 'terraform.tfvars')
        return [0, base];
    if (base === 'terraform.tfvars.json')
        return [1, base];
    return [2, base];
}
function isAutoLoaded(p) {
    const base = external_node_path_.basename(p);
    return (base === 'terraform.tfvars' ||
        base === 'terraform.tfvars.json' ||
        base.endsWith('.auto.tfvars') ||
        base.endsWith('.auto.tfvars.json'));
}
/**
 * Indexes every directory of the scan. `varFiles` are the user's var files (not auto-loaded tfvars of
 * their directory); `installed` the directories of installed module code, never root modules.
 */
function indexModules(files, root, varFiles, installed = []) {
    const configByDir = new Map();
    const tfvarsByDir = new Map();
    const varFileSet = new Set(varFiles);
    for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
        const dir = external_node_path_.dirname(f.path);
        if (isConfig(f.path)) {
            let l = configByDir.get(dir);
            if (!l)
                configByDir.set(dir, (l = []));
            l.push(f);
        }
        else if (isTfvars(f.path) && isAutoLoaded(f.path) && !varFileSet.has(f.path)) {
            let l = tfvarsByDir.get(dir);
            if (!l)
                tfvarsByDir.set(dir, (l = []));
            l.push(f);
        }
    }
    const dirs = new Map();
    for (const [dir, fs_] of configByDir) {
        const dm = indexDir(dir, fs_);
        dm.tfvars = (tfvarsByDir.get(dir) ?? []).sort((a, b) => {
            const [ra, na] = tfvarsRank(a.path);
            const [rb, nb] = tfvarsRank(b.path);
            return ra - rb || (na < nb ? -1 : na > nb ? 1 : 0);
        });
        dirs.set(dir, dm);
    }
    // A local module directory that was not scanned cannot be evaluated.
    for (const dm of dirs.values()) {
        for (const call of dm.calls.values()) {
            if (call.dir && !dirs.has(call.dir)) {
                call.notFetched = `module directory ${external_node_path_.relative(root, call.dir) || '.'} is not part of the scan`;
            }
        }
    }
    // Root modules: directories no other scanned directory calls; then any directory left unreached
    // (modules that only call each other) so nothing is silently skipped.
    const called = new Set();
    for (const dm of dirs.values())
        for (const c of dm.calls.values())
            if (c.dir && !c.notFetched && c.dir !== dm.dir)
                called.add(c.dir);
    const sortedDirs = [...dirs.keys()].sort();
    const reached = new Set();
    const reach = (d) => {
        if (reached.has(d))
            return;
        reached.add(d);
        for (const c of dirs.get(d).calls.values())
            if (c.dir && !c.notFetched && dirs.has(c.dir))
                reach(c.dir);
    };
    // Installed module code (and the local modules it calls) is only ever evaluated through a call.
    for (const d of installed)
        if (dirs.has(d))
            reach(d);
    const installedDirs = new Set(reached);
    const roots = sortedDirs.filter((d) => !called.has(d) && !installedDirs.has(d));
    roots.forEach(reach);
    for (const d of sortedDirs) {
        if (!reached.has(d)) {
            roots.push(d);
            reach(d);
        }
    }
    return { dirs, roots, installedDirs };
}

;// CONCATENATED MODULE: ./src/sources/terraform/instances.ts


/** Most instances one count/for_each may create; beyond it the expansion is treated as unknown. */
const MAX_INSTANCES = 10_000;
function instanceKey(k) {
    return typeof k === 'number' ? `[${k}]` : `[${JSON.stringify(k)}]`;
}
class UnknownForEach extends Error {
}
/** for_each \u2192 sorted [key, value] pairs: map/object by key, set/list of strings by value. */
function forEachPairs(v, o) {
    if (v.kind === 'unknown')
        throw new UnknownForEach(v.reason);
    if (v.kind === 'object')
        return sortedKeys(v.attrs).map((k) => [k, v.attrs[k]]);
    if (v.kind === 'list') {
        // Terraform wants a set; a list of strings is accepted too (the analysis does not need the error).
        const keys = new Set();
        for (const i of v.items) {
            if (i.kind === 'unknown')
                throw new UnknownForEach(i.reason);
            if (i.kind !== 'string')
                throw new EvalError(`for_each set elements must be strings, not ${i.kind}`);
            keys.add(i.value);
        }
        return [...keys].sort().map((k) => [k, str(k, o)]);
    }
    if (v.kind === 'null')
        throw new EvalError('for_each is null');
    throw new EvalError(`for_each must be a map or a set of strings, not a ${v.kind}`);
}
/** count / for_each of a resource or module block \u2192 instances with their bindings. */
function expandBlock(block, file, base, 
/** Evaluates count or for_each (one reference level deeper). */
evaluate, 
/** Where the entries of `for_each = var.x` were written (see ModuleInstance.entriesWritten). */
entriesWritten) {
    const count = attr(block.body, 'count');
    const forEach = attr(block.body, 'for_each');
    const unknownExp = (reason, kind) => {
        const u = (0,value_tree/* unknownNode */.fn)(base, reason, blockOrigin(file, block));
        const value = kind === 'count' ? obj({ index: u }, u.origin) : obj({ key: u, value: u }, u.origin);
        const a = kind === 'count' ? count : forEach;
        return {
            insts: [{ address: `${base}[*]`, bindings: { name: kind, value } }],
            keyed: 'unknown',
            keys: [],
            reason,
            ...(a ? { written: `${a.name} = ${exprText(a.expr)}` } : {}),
        };
    };
    if (count) {
        const v = evaluate(count.expr);
        if (v.kind === 'unknown')
            return unknownExp(`count is unknown: ${v.reason}`, 'count');
        let n;
        try {
            n = asNumber(v, 'count');
        }
        catch (x) {
            return unknownExp(`invalid count: ${errorReason(x)}`, 'count');
        }
        if (!Number.isInteger(n) || n < 0)
            return unknownExp(`invalid count ${n}`, 'count');
        if (n > MAX_INSTANCES)
            return unknownExp(`count ${n} exceeds ${MAX_INSTANCES} instances`, 'count');
        const insts = [];
        const keys = [];
        // One origin for every instance's count.index: origins are never changed once made.
        const o = blockOrigin(file, count);
        for (let i = 0; i < n; i++) {
            insts.push({
                address: `${base}[${i}]`,
                bindings: { name: 'count', value: obj({ index: num(i, o) }, o) },
            });
            keys.push(i);
        }
        return { insts, keyed: 'count', keys };
    }
    if (forEach) {
        const v = evaluate(forEach.expr);
        const o = blockOrigin(file, forEach);
        let pairs;
        try {
            pairs = forEachPairs(v, o);
        }
        catch (x) {
            if (x instanceof UnknownForEach)
                return unknownExp(`for_each is unknown: ${x.message}`, 'each');
            return unknownExp(`invalid for_each: ${errorReason(x)}`, 'each');
        }
        if (pairs.length > MAX_INSTANCES)
            return unknownExp(`for_each exceeds ${MAX_INSTANCES} instances`, 'each');
        const written = entriesWritten(forEach.expr);
        return {
            insts: pairs.map(([k, value]) => {
                const inst = {
                    address: `${base}${instanceKey(k)}`,
                    bindings: { name: 'each', value: obj({ key: str(k, o), value }, o) },
                };
                const from = written?.get(k);
                if (from && from.file !== file)
                    inst.from = from;
                return inst;
            }),
            keyed: 'each',
            keys: pairs.map(([k]) => k),
        };
    }
    return { insts: [{ address: base }], keyed: 'none', keys: [] };
}

;// CONCATENATED MODULE: ./src/sources/terraform/blocks.ts




/**
 * Evaluates a block body: arguments, and nested blocks (literal and `dynamic`) as a list of objects under
 * the block type, in source order. Each argument's value is stamped with the argument's own lines.
 */
function evalBody(body, ctx, o, skip) {
    const attrs = {};
    const as = body.attributes;
    // A long body (a generated one) checks names against a set, a short one against the names before.
    const seen = as.length > 16 ? new Set() : undefined;
    for (let i = 0; i < as.length; i++) {
        const a = as[i];
        if (skip?.has(a.name))
            continue;
        if (seen ? seen.has(a.name) : writtenBefore(as, i))
            continue;
        seen?.add(a.name);
        const v = evalAttr(a.expr, ctx);
        // A reference (`var.x`, `local.y.z`) is already stamped with its own lines, which are inside the
        // argument's: stamping it again would walk all of it to return it unchanged.
        attrs[a.name] = a.expr.type === 'traversal' || a.expr.type === 'variable' ? v : stampAt(v, ctx.file, a);
    }
    if (body.blocks.length > 0) {
        const groups = new Map();
        for (const b of body.blocks) {
            const type = b.type === 'dynamic' ? (b.labels[0] ?? '') : b.type;
            if (skip?.has(type) || type === '')
                continue;
            let g = groups.get(type);
            if (!g)
                groups.set(type, (g = { items: [], first: b.startLine, last: b.endLine }));
            g.last = b.endLine;
            if (b.type === 'dynamic') {
                const r = expandDynamic(b, type, ctx);
                if (Array.isArray(r))
                    g.items.push(...r);
                else
                    g.unknown = r;
            }
            else {
                g.items.push(evalBody(b.body, ctx, blockOrigin(ctx.file, b)));
            }
        }
        for (const [type, g] of groups) {
            if (type in attrs)
                continue;
            const lo = { file: ctx.file, startLine: g.first, endLine: g.last };
            attrs[type] = g.unknown ? stamp(g.unknown, lo) : list(g.items, lo);
        }
    }
    return obj(attrs, o);
}
/**
 * Is attribute `i`'s name also that of an earlier attribute (the first one wins)? Comparing the names
 * before it is several times cheaper than asking the object being built (`name in attrs`), whose shape
 * V8 cannot predict (measured: 10x on 20,000 bodies of 3-8 attributes).
 */
function writtenBefore(as, i) {
    const name = as[i].name;
    for (let j = 0; j < i; j++)
        if (as[j].name === name)
            return true;
    return false;
}
/** `dynamic "x" { for_each, iterator, content {} }` \u2192 the generated blocks, or one unknown for all of them. */
function expandDynamic(b, type, ctx) {
    const o = blockOrigin(ctx.file, b);
    const fe = attr(b.body, 'for_each');
    if (!fe)
        return (0,value_tree/* unknownNode */.fn)(`dynamic "${type}"`, 'dynamic block without for_each', o);
    const coll = evalAttrRead(fe.expr, ctx);
    if (coll.kind === 'unknown') {
        return (0,value_tree/* unknownNode */.fn)(coll.expression, `dynamic "${type}" for_each is unknown: ${coll.reason}`, o);
    }
    const it = attr(b.body, 'iterator');
    const iter = it?.expr.type === 'variable' ? it.expr.name : (staticString(it?.expr) ?? type);
    const content = b.body.blocks.find((x) => x.type === 'content');
    if (!content)
        return [];
    let pairs;
    if (coll.kind === 'list')
        pairs = coll.items.map((v, i) => [coll.set ? v : num(i, o), v]);
    else if (coll.kind === 'object')
        pairs = sortedKeys(coll.attrs).map((k) => [str(k, o), coll.attrs[k]]);
    else if (coll.kind === 'null')
        pairs = [];
    else
        return (0,value_tree/* unknownNode */.fn)(exprText(fe.expr), `dynamic "${type}" for_each is a ${coll.kind}, not a collection`, o);
    if (pairs.length > MAX_INSTANCES)
        return (0,value_tree/* unknownNode */.fn)(exprText(fe.expr), `dynamic "${type}" has too many elements`, o);
    const items = pairs.map(([key, value]) => evalBody(content.body, bind(ctx, iter, obj({ key, value }, o)), blockOrigin(ctx.file, content)));
    return items;
}

;// CONCATENATED MODULE: ./src/sources/terraform/modules/mapped.ts





/**
 * One instance of an Azure Verified Module read from its inputs (avm.ts); a ChildModule (module-instance.ts): the azurerm resources
 * it would create, at the module call's lines, and the outputs other code reads.
 */
class MappedModule {
    ev;
    kind;
    address;
    input;
    site;
    origins;
    call;
    conditionKey;
    expansion;
    constructor(ev, kind, 
    /** `module.rt` or `module.rt["k"]`. */
    address, input, site, origins, call, 
    /** The condition the call's instances exist under (EvaluatedResource.conditionKey), if any. */
    conditionKey) {
        this.ev = ev;
        this.kind = kind;
        this.address = address;
        this.input = input;
        this.site = site;
        this.origins = origins;
        this.call = call;
        this.conditionKey = conditionKey;
    }
    get expanded() {
        this.expansion ??= this.ev.deeper(() => expandAvm(this.kind, this.input, this.address, this.site));
        return this.expansion;
    }
    output(name, o) {
        const v = this.expanded.outputs[name];
        return (v ??
            (0,value_tree/* unknownNode */.fn)(`${this.address}.${name}`, `output ${name} of ${this.call.source ?? 'the module'} is not read from its inputs`, o));
    }
    allOutputs(o) {
        return obj({ ...this.expanded.outputs }, o);
    }
    collect() {
        const { resources, problems } = this.expanded;
        (0,budget/* spend */.Rf)(resources.length * budget/* COST */.oF.resourceInstance, this.site);
        for (const r of resources) {
            const address = `${this.address}.${r.type}.${r.name}${r.key === undefined ? '' : instanceKey(r.key)}`;
            const fin = atSite(finalize(r.body, this.site), this.site, this.ev.installedDirs);
            this.ev.resources.push({
                mode: 'managed',
                type: r.type,
                name: r.name,
                address,
                origin: this.site,
                body: fin.kind === 'object' ? fin : { kind: 'object', attrs: {}, origin: this.site },
                inputs: this.origins,
                ...(this.conditionKey !== undefined ? { conditionKey: this.conditionKey } : {}),
            });
        }
        for (const p of problems)
            this.ev.moduleNotice(this.call, `Module "${this.call.name}" (source "${this.call.source ?? '?'}") is read from its inputs because its code is not installed, but ${p}; what it creates is not checked. Give the value in a var file, or run \`terraform init\` before the scan (or scan with --download-modules).`, this.site);
    }
}

;// CONCATENATED MODULE: ./src/sources/terraform/computed.ts


/** Maximum name length of the network resource types the CAF provider knows (resourceDefinition.json). */
const CAF_MAX_LENGTH = {
    azurerm_virtual_network: 64,
    azurerm_virtual_hub: 50,
    azurerm_subnet: 80,
    azurerm_route_table: 80,
    azurerm_route: 80,
    azurerm_network_security_group: 80,
    azurerm_firewall: 80,
    azurerm_firewall_policy: 80,
    azurerm_ip_group: 80,
    azurerm_nat_gateway: 80,
    azurerm_virtual_network_gateway: 80,
    azurerm_local_network_gateway: 80,
    azurerm_virtual_wan: 80,
};
/** The provider's validation pattern for those types: a letter or digit, then `-._`, ending in a word character. */
const cafNamePattern = (max) => new RegExp(`^[a-zA-Z0-9][a-zA-Z0-9._-]{0,${max - 2}}[a-zA-Z0-9_]$`);
function cafPassthrough(body) {
    if (body.kind !== 'object')
        return undefined;
    const { name, resource_type: type, passthrough } = body.attrs;
    if (passthrough?.kind !== 'bool' || !passthrough.value)
        return undefined;
    if (name?.kind !== 'string' || type?.kind !== 'string')
        return undefined;
    const max = CAF_MAX_LENGTH[type.value];
    if (max === undefined || !cafNamePattern(max).test(name.value))
        return undefined;
    return str(name.value, name.origin);
}
/**
 * Arguments-derived attributes of a resource or data source of `type`, to add to its value. An ARM template
 * deployment's `output_content` is what its template outputs (adapters/template-deployment.ts).
 */
function computedAttributes(type, body, address) {
    if (type.endsWith('template_deployment') && body.kind === 'object') {
        const r = { mode: 'managed', type, name: '', address, origin: body.origin, body };
        const output_content = outputContent(r, { environments: [] });
        return output_content && { output_content };
    }
    if (type !== 'azurecaf_name')
        return undefined;
    const result = cafPassthrough(body);
    return result && { result };
}

;// CONCATENATED MODULE: ./src/sources/terraform/types.ts

function convertToType(v, type, evalDefault) {
    try {
        return convert(v, type, evalDefault);
    }
    catch (x) {
        if (x instanceof EvalError || x instanceof UnknownHit)
            return v;
        throw x;
    }
}
function convert(v, t, evalDefault) {
    if (v.kind === 'unknown' || v.kind === 'null')
        return v;
    if (t.type === 'variable') {
        switch (t.name) {
            case 'string':
                return v.kind === 'string' ? v : str(asString(v), v.origin);
            case 'number':
                return v.kind === 'number' ? v : num(asNumber(v), v.origin);
            case 'bool':
                return v.kind === 'bool' ? v : bool(asBool(v), v.origin);
            default:
                return v;
        }
    }
    if (t.type !== 'call')
        return v;
    const [inner] = t.args;
    switch (t.name) {
        case 'list':
        case 'set': {
            if (v.kind !== 'list')
                return v;
            const items = inner ? v.items.map((i) => convert(i, inner, evalDefault)) : v.items;
            return t.name === 'set' ? list(distinctVals(items), v.origin, true) : list(items, v.origin);
        }
        case 'map': {
            if (v.kind !== 'object' || !inner)
                return v;
            const attrs = {};
            for (const k in v.attrs)
                attrs[k] = convert(v.attrs[k], inner, evalDefault);
            return obj(attrs, v.origin);
        }
        case 'tuple': {
            if (v.kind !== 'list' || inner?.type !== 'tuple')
                return v;
            return list(v.items.map((i, n) => (inner.items[n] ? convert(i, inner.items[n], evalDefault) : i)), v.origin);
        }
        case 'object': {
            if (v.kind !== 'object' || inner?.type !== 'object')
                return v;
            const attrs = { ...v.attrs };
            for (const item of inner.items) {
                if (item.key.type !== 'literal' || typeof item.key.value !== 'string')
                    continue;
                const name = item.key.value;
                let at = item.value;
                let def;
                let optional = false;
                if (at.type === 'call' && at.name === 'optional') {
                    optional = true;
                    def = at.args[1];
                    at = at.args[0] ?? at;
                }
                if (name in attrs)
                    attrs[name] = convert(attrs[name], at, evalDefault);
                else if (optional)
                    attrs[name] = def ? convert(evalDefault(def), at, evalDefault) : nul(v.origin);
            }
            return obj(attrs, v.origin);
        }
        case 'optional':
            return inner ? convert(v, inner, evalDefault) : v;
        default:
            return v;
    }
}

;// CONCATENATED MODULE: ./src/sources/terraform/walk.ts
/** Calls `visit` on `e` and every expression inside it. */
function walkExpr(e, visit) {
    visit(e);
    const parts = (ps) => {
        for (const p of ps) {
            if (p.kind === 'interp')
                walkExpr(p.expr, visit);
            else if (p.kind === 'if') {
                walkExpr(p.cond, visit);
                parts(p.then);
                parts(p.else);
            }
            else if (p.kind === 'for') {
                walkExpr(p.coll, visit);
                parts(p.body);
            }
        }
    };
    const steps = (ss) => {
        for (const st of ss) {
            if (st.kind === 'index')
                walkExpr(st.key, visit);
            else if (st.kind === 'splat')
                steps(st.steps);
        }
    };
    switch (e.type) {
        case 'template':
            return parts(e.parts);
        case 'traversal':
            walkExpr(e.target, visit);
            return steps(e.steps);
        case 'call':
            return e.args.forEach((a) => walkExpr(a, visit));
        case 'conditional':
            return [e.cond, e.then, e.else].forEach((x) => walkExpr(x, visit));
        case 'unary':
            return walkExpr(e.operand, visit);
        case 'binary':
            walkExpr(e.left, visit);
            return walkExpr(e.right, visit);
        case 'tuple':
            return e.items.forEach((x) => walkExpr(x, visit));
        case 'object':
            return e.items.forEach((x) => (walkExpr(x.key, visit), walkExpr(x.value, visit)));
        case 'for':
            for (const x of [e.coll, e.key, e.value, e.cond])
                if (x)
                    walkExpr(x, visit);
            return;
        case 'paren':
            return walkExpr(e.expr, visit);
    }
}
/** Calls `visit` on every expression of a body and of the blocks inside it. */
function walkBody(body, visit) {
    for (const a of body.attributes)
        walkExpr(a.expr, visit);
    for (const b of body.blocks)
        walkBody(b.body, visit);
}

;// CONCATENATED MODULE: ./src/sources/terraform/module-instance.ts
/**
 * One instance of a module directory (the root module, or one count/for_each key of a module call), as
 * `terraform plan` would see it: variables, locals, resource instances and module outputs are evaluated
 * lazily and memoised on first use, whether that use is another expression or the final walk (`collect`)
 * that lists every resource instance. Cycles and runaway nesting end as unknown values, never as
 * exceptions. Child modules are instances of their own directory, or MappedModule for an Azure Verified
 * Module read from its inputs.
 */














/** Deepest module nesting followed. */
const MAX_MODULE_DEPTH = 24;
/** Arguments that configure Terraform itself rather than the resource; they are not part of the body. */
const RESOURCE_META = new Set([
    'count',
    'for_each',
    'depends_on',
    'provider',
    'lifecycle',
    'provisioner',
    'connection',
]);
const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);
/** First names of a reference that are not a resource type (`var` and `local` are looked up before). */
const SPECIAL_NAMES = new Set(['module', 'data', 'path', 'terraform', 'count', 'each', 'self']);
/**
 * The resources and module calls a resource's `depends_on` names, prefixed with the module instance's
 * address (`prefix`): `depends_on = [azurerm_x.y, module.m]` \u2192 `azurerm_x.y`, `module.m`.
 */
function dependsOnOf(decl, prefix) {
    const e = attr(decl.block.body, 'depends_on')?.expr;
    if (e?.type !== 'tuple')
        return undefined;
    const out = [];
    for (const item of e.items) {
        // Data sources are read, not applied: they order no commit.
        if (item.type !== 'traversal' || item.target.type !== 'variable' || item.target.name === 'data')
            continue;
        const first = item.steps[0];
        if (first?.kind === 'attr')
            out.push(`${prefix}${item.target.name}.${first.name}`);
    }
    return out.length > 0 ? out : undefined;
}
/** `["app"]`, `[0]` for an index step with a literal key (an instance address's spelling); else undefined. */
function literalKey(step) {
    if (step?.kind !== 'index')
        return undefined;
    const k = step.key;
    const text = k.type === 'literal'
        ? k.value
        : k.type === 'template' && k.parts.every((p) => p.kind === 'literal')
            ? k.parts.map((p) => (p.kind === 'literal' ? p.value : '')).join('')
            : undefined;
    if (typeof text === 'number')
        return `[${text}]`;
    return typeof text === 'string' ? `[${JSON.stringify(text)}]` : undefined;
}
/** The resource instances a value carries (`ref`s of its parts), by full address. */
function carriedRefs(v, out) {
    if ((v.kind === 'list' || v.kind === 'object' || v.kind === 'unknown') && v.ref) {
        out.add(v.ref.resource);
        // A VNet's inline subnets (`azurerm_virtual_network.spoke.subnet`), as their model ids begin.
        const whole = v.ref.attribute === '' && v.kind === 'object' && v.attrs.subnet !== undefined;
        if (whole || /^subnet\b/.test(v.ref.attribute))
            out.add(`${v.ref.resource}.subnet`);
    }
    if (v.kind === 'list')
        for (const i of v.items)
            carriedRefs(i, out);
    else if (v.kind === 'object')
        for (const k in v.attrs)
            carriedRefs(v.attrs[k], out);
    // A string built with a part known only at apply (`"${azurerm_subnet.app.id}/\u2026"`) keeps its pieces.
    else if (v.kind === 'unknown' && v.parts)
        for (const p of v.parts)
            if (typeof p !== 'string')
                carriedRefs(p, out);
}
const BUSY = Symbol('busy');
/** `azurerm.spoke` as a `provider` argument or a `providers` map entry writes it (a word, a reference, a string). */
function providerName(e) {
    const text = e.type === 'literal' ? String(e.value) : e.text;
    return text.trim().replace(/^"|"$/g, '');
}
/** One instance of a module directory: the root module, or one call (one count/for_each key) of it. */
class ModuleInstance {
    ev;
    dm;
    prefix;
    inputs;
    rootDir;
    chain;
    key;
    site;
    varMemo = new Map();
    localMemo = new Map();
    outputMemo = new Map();
    /** By declaration (one per mode, type and name in a directory): no key string to build per reference. */
    expansions = new Map();
    bodies = new Map();
    instanceValues = new Map();
    children = new Map();
    /** Module calls (and their for_each entries) above this instance: EvaluatedResource.inputs. */
    origins = [];
    /**
     * The azurerm provider configurations the caller passes to this module (`azurerm`, `azurerm.<alias>`),
     * each with the subscription it deploys to where its `subscription_id` evaluates (undefined: not said).
     * The root module gets none: its own provider blocks say them.
     */
    providerSubscriptions = new Map();
    /**
     * Set when a module call above has a count/for_each the scan cannot evaluate: which condition its
     * resources exist under (EvaluatedResource.conditionKey; every unknown count above, outermost first).
     */
    conditionKey;
    visibleProviders;
    constructor(ev, dm, 
    /** Address prefix: '' or `module.a.` / `module.a["k"].module.b.`. */
    prefix, inputs, 
    /** The root module's directory: Terraform's working directory. */
    rootDir, 
    /** Directories of the modules above, to stop recursive module calls. */
    chain, 
    /** Module key: call names from the root joined by `.` ('' for the root), as modules.json keys them. */
    key = '', 
    /**
     * Set inside installed (registry/git) module code: the user's outermost module block that called it.
     * Findings point there, at the lines a person edits, not into `.terraform` or a download cache.
     */
    site) {
        this.ev = ev;
        this.dm = dm;
        this.prefix = prefix;
        this.inputs = inputs;
        this.rootDir = rootDir;
        this.chain = chain;
        this.key = key;
        this.site = site;
    }
    /** Contexts without bindings, one per file: a Ctx is never changed once made (bind() makes another). */
    plainCtx;
    ctx(file, bindings) {
        if (bindings)
            return { env: this, file, bindings };
        let c = (this.plainCtx ??= new Map()).get(file);
        if (!c)
            this.plainCtx.set(file, (c = { env: this, file, bindings }));
        return c;
    }
    readFile(p, origin) {
        if (external_node_path_.isAbsolute(p))
            return this.ev.readFile(p, p, origin);
        // Terraform resolves file() against the working directory (the root module; `${path.module}/x` is
        // relative to it). A bare name used inside a child module is also tried against the module directory.
        return (this.ev.readFile(external_node_path_.resolve(this.rootDir, p), p, origin) ??
            this.ev.readFile(external_node_path_.resolve(this.dm.dir, p), p, origin));
    }
    // ---- references ----
    lookup(name, steps, ctx, e) {
        const first = steps[0];
        const attrName = first?.kind === 'attr' ? first.name : undefined;
        // var and local, most references, need no origin of their own: none is allocated for them.
        if (name === 'var') {
            if (!attrName)
                throw new EvalError('`var` must be followed by a variable name');
            return { value: this.variable(attrName), used: 1 };
        }
        if (name === 'local') {
            if (!attrName)
                throw new EvalError('`local` must be followed by a name');
            return { value: this.local(attrName, ctx.file, e), used: 1 };
        }
        // Nor a resource or a data source without count or for_each (resourceRef makes one where it needs it).
        if (!SPECIAL_NAMES.has(name)) {
            if (!attrName)
                throw new EvalError(`unknown name ${name}`);
            const decl = this.dm.resourcesByType.get(name)?.get(attrName);
            if (!decl)
                throw new EvalError(`reference to undeclared resource ${name}.${attrName}`);
            return this.resourceRef(decl, steps, 1, ctx.file, e);
        }
        if (name === 'data') {
            const second = steps[1];
            if (!attrName || second?.kind !== 'attr')
                throw new EvalError('`data` must be followed by a type and a name');
            const decl = this.dm.data.get(`${attrName}.${second.name}`);
            if (!decl)
                throw new EvalError(`reference to undeclared data source data.${attrName}.${second.name}`);
            return this.resourceRef(decl, steps, 2, ctx.file, e);
        }
        const o = { file: ctx.file, startLine: e.startLine, endLine: e.endLine };
        switch (name) {
            case 'module':
                if (!attrName)
                    throw new EvalError('`module` must be followed by a module name');
                return this.moduleRef(attrName, steps, ctx, e, o);
            case 'path': {
                if (attrName === 'module')
                    return { value: str(this.pathModule(), o), used: 1 };
                if (attrName === 'root')
                    return { value: str('.', o), used: 1 };
                if (attrName === 'cwd')
                    return { value: str(this.rootDir, o), used: 1 };
                throw new EvalError(`unknown path attribute ${attrName}`);
            }
            case 'terraform':
                if (attrName === 'workspace') {
                    const w = this.ev.workspace(this.rootDir);
                    return { value: w.name !== undefined ? str(w.name, o) : (0,value_tree/* unknownNode */.fn)(exprText(e), w.why, o), used: 1 };
                }
                return {
                    value: (0,value_tree/* unknownNode */.fn)(exprText(e), `terraform.${attrName} is not evaluated`, o),
                    used: steps.length,
                };
            case 'count':
                throw new EvalError('count.index is only available in a block with count');
            case 'each':
                throw new EvalError('each.key/each.value are only available in a block with for_each');
            case 'self':
                return { value: (0,value_tree/* unknownNode */.fn)(exprText(e), 'self is not evaluated', o), used: steps.length };
            default:
                // Every other name in SPECIAL_NAMES has its case above: one added there without a case lands here.
                throw new EvalError(`unknown name ${name}`);
        }
    }
    pathModule() {
        const rel = external_node_path_.relative(this.rootDir, this.dm.dir).split(external_node_path_.sep).join('/');
        return rel === '' ? '.' : rel;
    }
    variable(name) {
        const memo = this.varMemo.get(name);
        if (memo)
            return memo;
        const decl = this.dm.variables.get(name);
        if (!decl)
            throw new EvalError(`reference to undeclared input variable ${name}`);
        const v = this.ev.deeper(() => {
            const body = decl.block.body;
            let value = this.inputs(name);
            const nullable = attr(body, 'nullable');
            const notNullable = nullable?.expr.type === 'literal' && nullable.expr.value === false;
            if (value === undefined || (value.kind === 'null' && notNullable)) {
                const def = attr(body, 'default');
                value = def
                    ? evalAttr(def.expr, this.ctx(decl.file))
                    : (0,value_tree/* unknownNode */.fn)(`var.${name}`, `no value for variable ${name}`, blockOrigin(decl.file, decl.block));
            }
            const type = attr(body, 'type');
            return type ? convertToType(value, type.expr, (e) => evalAttr(e, this.ctx(decl.file))) : value;
        });
        this.varMemo.set(name, v);
        return v;
    }
    /** local.`name`, read at `e` in `file` (the origin of the unknown a cycle or an error gives). */
    local(name, file, e) {
        const memo = this.localMemo.get(name);
        if (memo !== undefined && memo !== BUSY)
            return memo;
        const o = { file, startLine: e.startLine, endLine: e.endLine };
        if (memo === BUSY)
            return (0,value_tree/* unknownNode */.fn)(`local.${name}`, `local.${name} refers to itself`, o);
        const decl = this.dm.locals.get(name);
        if (!decl)
            throw new EvalError(`reference to undeclared local value ${name}`);
        this.localMemo.set(name, BUSY);
        let v;
        try {
            this.ev.enter();
            try {
                v = evalAttr(decl.attr.expr, this.ctx(decl.file));
            }
            finally {
                this.ev.leave();
            }
        }
        catch (x) {
            v = (0,value_tree/* unknownNode */.fn)(`local.${name}`, errorReason(x), o);
        }
        this.localMemo.set(name, v);
        return v;
    }
    // ---- resources ----
    /** The instances of a resource (or data source): evaluates count/for_each once. */
    expansion(decl) {
        let exp = this.expansions.get(decl);
        if (!exp) {
            const base = `${this.prefix}${decl.mode === 'data' ? 'data.' : ''}${decl.type}.${decl.name}`;
            exp = this.expand(decl.block, decl.file, base);
            this.expansions.set(decl, exp);
        }
        return exp;
    }
    /** count / for_each of a resource or module block \u2192 instances with their bindings. */
    expand(block, file, base) {
        const ctx = this.ctx(file);
        return expandBlock(block, file, base, (e) => this.ev.deeper(() => evalAttrRead(e, ctx)), (e) => this.entriesWritten(e));
    }
    /**
     * `for_each = var.x`: where each entry of the variable was written (a var-file line, a module call's
     * argument). References take the origin of the line that reads them, so this reads the variable itself.
     */
    entriesWritten(e) {
        if (e.type !== 'traversal' || e.target.type !== 'variable' || e.target.name !== 'var')
            return undefined;
        const step = e.steps[0];
        if (e.steps.length !== 1 || step?.kind !== 'attr')
            return undefined;
        let v;
        try {
            v = this.variable(step.name);
        }
        catch {
            return undefined;
        }
        const out = new Map();
        if (v.kind === 'object')
            for (const k in v.attrs)
                out.set(k, v.attrs[k].origin);
        else if (v.kind === 'list')
            for (const i of v.items)
                if (i.kind === 'string')
                    out.set(i.value, i.origin);
        return out;
    }
    /** Evaluated body of one resource instance (memoised; a cycle gives an EvalError). */
    instanceBody(decl, inst) {
        const memo = this.bodies.get(inst.address);
        if (memo === BUSY)
            throw new EvalError(`${inst.address} refers to itself`);
        if (memo)
            return memo;
        this.bodies.set(inst.address, BUSY);
        try {
            let body;
            this.ev.enter();
            try {
                body = evalBody(decl.block.body, this.ctx(decl.file, inst.bindings), blockOrigin(decl.file, decl.block), RESOURCE_META);
            }
            finally {
                this.ev.leave();
            }
            this.bodies.set(inst.address, body);
            return body;
        }
        catch (x) {
            this.bodies.delete(inst.address);
            throw x;
        }
    }
    /** A resource instance as other expressions see it: its arguments, and a ref for everything else. */
    instanceValue(decl, inst) {
        let v = this.instanceValues.get(inst.address);
        if (!v) {
            const body = this.instanceBody(decl, inst);
            const computed = computedAttributes(decl.type, body, inst.address);
            // Built field by field, not spread or assigned: on Node 20 a spread with fields after it costs a few
            // \u00b5s per object (issue 13), and this runs for every resource instance. A body is what evalBody makes
            // (obj(): kind, attrs, origin), so these are all its fields. The attributes (user-named keys) are spread.
            v =
                body.kind === 'object'
                    ? {
                        kind: 'object',
                        attrs: computed ? { ...body.attrs, ...computed } : body.attrs,
                        origin: body.origin,
                        ref: { resource: inst.address, attribute: '' },
                    }
                    : body;
            this.instanceValues.set(inst.address, v);
        }
        return v;
    }
    /** A reference to a resource or data source, at `e` in `file`. */
    resourceRef(decl, steps, used, file, e) {
        const exp = this.expansion(decl);
        if (exp.keyed === 'none')
            return { value: this.instanceValue(decl, exp.insts[0]), used };
        const o = { file, startLine: e.startLine, endLine: e.endLine };
        switch (exp.keyed) {
            case 'count':
                return {
                    value: list(exp.insts.map((i) => this.instanceValue(decl, i)), o),
                    used,
                };
            case 'each': {
                const attrs = {};
                exp.insts.forEach((inst, i) => (attrs[exp.keys[i]] = this.instanceValue(decl, inst)));
                return { value: obj(attrs, o), used };
            }
            case 'unknown': {
                // Unknown count/for_each: `x.y[k]` reads the one representative instance, so references still
                // name the resource (and its route/ip_configuration blocks stay visible).
                const next = steps[used];
                if (next?.kind === 'index')
                    return { value: this.instanceValue(decl, exp.insts[0]), used: used + 1 };
                const base = exp.insts[0].address.slice(0, -3);
                return { value: (0,value_tree/* unknownNode */.fn)(base, exp.reason ?? 'unknown instances', o), used: steps.length };
            }
        }
    }
    // ---- modules ----
    /** The directory a call's code is in, or why there is none. */
    callDir(call) {
        if (call.dir && !call.notFetched)
            return { dir: call.dir };
        if (!call.remote || !this.ev.modules)
            return { reason: call.notFetched ?? 'module not evaluated' };
        const found = this.ev.modules.resolve(this.rootDir, this.childKey(call), call.source);
        if ('dir' in found && !this.ev.dirs.has(found.dir))
            return { reason: 'its installed directory holds no Terraform files' };
        return found;
    }
    childKey(call) {
        return this.key === '' ? call.name : `${this.key}.${call.name}`;
    }
    childCall(call) {
        const where = this.callDir(call);
        if (!('dir' in where))
            return this.mapped(call, where) ? this.mappedCall(call, call.avm) : undefined;
        let c = this.children.get(call.name);
        if (!c) {
            const exp = this.expand(call.block, call.file, `${this.prefix}module.${call.name}`);
            // count = 100 over 7 levels of modules is 10^14 instances: each instance is spent from the budget.
            (0,budget/* spend */.Rf)(exp.insts.length * budget/* COST */.oF.moduleInstance, blockOrigin(call.file, call.block));
            const dm = this.ev.dirs.get(where.dir);
            const site = this.site ?? (call.remote ? blockOrigin(call.file, call.block) : undefined);
            const providers = this.providersFor(call);
            const instances = exp.insts.map((inst) => {
                const inputs = (name) => {
                    if (MODULE_META.has(name))
                        return undefined;
                    const a = attr(call.block.body, name);
                    return a ? evalAttr(a.expr, this.ctx(call.file, inst.bindings)) : undefined;
                };
                const child = new ModuleInstance(this.ev, dm, `${inst.address}.`, inputs, this.rootDir, [...this.chain, this.dm.dir], this.childKey(call), site);
                child.providerSubscriptions = providers;
                const key = this.conditionKeyOf(exp);
                if (key !== undefined)
                    child.conditionKey = key;
                child.origins = [
                    ...this.origins,
                    blockOrigin(call.file, call.block),
                    ...(inst.from ? [inst.from] : []),
                ];
                return child;
            });
            c = { exp, instances };
            this.children.set(call.name, c);
        }
        return c;
    }
    /**
     * An Azure Verified Module is read from its inputs only when nothing installed or downloaded code for
     * the root module: after a failed init or download, that failure is what the user must see.
     */
    mapped(call, where) {
        return call.avm !== undefined && where.reason === NOT_FETCHED;
    }
    /** An Azure Verified Module whose code is not here, read from its inputs, once per instance. */
    mappedCall(call, kind) {
        let c = this.children.get(call.name);
        if (!c) {
            const exp = this.expand(call.block, call.file, `${this.prefix}module.${call.name}`);
            const site = this.site ?? blockOrigin(call.file, call.block);
            (0,budget/* spend */.Rf)(exp.insts.length * budget/* COST */.oF.moduleInstance, site);
            const instances = exp.insts.map((inst) => {
                const memo = new Map();
                const input = (name) => {
                    if (!memo.has(name)) {
                        const a = attr(call.block.body, name);
                        memo.set(name, a ? evalAttr(a.expr, this.ctx(call.file, inst.bindings)) : undefined);
                    }
                    return memo.get(name);
                };
                const origins = [
                    ...this.origins,
                    blockOrigin(call.file, call.block),
                    ...(inst.from ? [inst.from] : []),
                ];
                return new MappedModule(this.ev, kind, inst.address, input, site, origins, call, this.conditionKeyOf(exp));
            });
            c = { exp, instances };
            this.children.set(call.name, c);
        }
        return c;
    }
    /**
     * What a module call that is not evaluated may decide: the resources handed to it and the resources that
     * use its outputs. A registry module often creates or attaches route tables, NSGs and firewalls.
     */
    mayDecide(call, given) {
        const users = new Set();
        const mine = `module.${call.name}`;
        for (const decl of [...this.dm.resources.values(), ...this.dm.calls.values()]) {
            const seen = new Set();
            walkBody(decl.block.body, (e) => this.refName(e, seen));
            const name = 'type' in decl ? `${decl.type}.${decl.name}` : `module.${decl.name}`;
            if (seen.has(mine) && name !== mine)
                users.add(name);
        }
        const parts = [];
        const names = (s) => [...s].sort().join(', ');
        if (given.size > 0)
            parts.push(`it is given ${names(given)}`);
        if (users.size > 0)
            parts.push(`${names(users)} ${users.size === 1 ? 'uses' : 'use'} its outputs`);
        const scope = parts.length > 0 ? `${parts.join(', and ')}: the` : 'the';
        return `${scope} route tables, subnets, NSGs or firewalls it may create or attach can decide the KMS path of Windows VM subnets, and are not checked`;
    }
    /**
     * The resources and modules a call's arguments name, by address within this module (`azurerm_subnet.app`),
     * and the resource instances their values carry, by full address (`module.net.azurerm_subnet.this["app"]`):
     * a subnet id handed over through a local, a map, a for expression or another module's output is still
     * that subnet's (values keep the resource they were read from, ./expr.ts). An argument whose value lost
     * track of what it was built from (an unknown without a ref) keeps what its text names.
     */
    givenTo(call) {
        const named = new Set();
        const carried = new Set();
        const ids = [];
        let exp;
        try {
            exp = this.expand(call.block, call.file, `${this.prefix}module.${call.name}`);
        }
        catch {
            exp = undefined;
        }
        for (const a of call.block.body.attributes) {
            if (a.name !== 'for_each' && MODULE_META.has(a.name))
                continue;
            walkExpr(a.expr, (e) => this.refName(e, named, true));
            for (const inst of a.name === 'for_each' ? [undefined] : (exp?.insts ?? [undefined])) {
                const ctx = this.ctx(call.file, inst?.bindings);
                try {
                    const v = this.ev.deeper(() => evalAttr(a.expr, ctx));
                    carriedRefs(v, carried);
                    givenSubnetIds(v, ids);
                    walkExpr(a.expr, (e) => this.lookedUpIn(e, ctx, carried));
                }
                catch {
                    // Too deep to evaluate: what the text names stands.
                }
            }
        }
        return { named, carried, ids };
    }
    /**
     * `local.subnets[var.name].id`, `azurerm_subnet.this[var.key].id` with a key known only at plan: the
     * value is any element of the collection looked up in, so everything the collection carries is given.
     */
    lookedUpIn(e, ctx, carried) {
        if (e.type !== 'traversal')
            return;
        for (const [i, step] of e.steps.entries()) {
            if (step.kind !== 'index' || step.key.type === 'literal')
                continue;
            if (this.ev.deeper(() => evalExpr(step.key, ctx)).kind !== 'unknown')
                continue;
            const collection = { ...e, steps: e.steps.slice(0, i) };
            carriedRefs(this.ev.deeper(() => evalExpr(collection, ctx)), carried);
            return;
        }
    }
    /**
     * Adds the resource or module a traversal names (`azurerm_subnet.app.id` \u2192 `azurerm_subnet.app`); with
     * `keyed`, a resource's instance where a literal key says which (`azurerm_subnet.this["app"]`).
     */
    refName(e, out, keyed = false) {
        if (e.type !== 'traversal' || e.target.type !== 'variable')
            return;
        const first = e.steps[0];
        if (first?.kind !== 'attr')
            return;
        const root = e.target.name;
        if (root === 'module')
            out.add(`module.${first.name}`);
        else if (root === 'data') {
            const second = e.steps[1];
            if (second?.kind === 'attr')
                out.add(`data.${first.name}.${second.name}`);
        }
        else if (root !== 'azurerm_resource_group' && this.dm.resources.has(`${root}.${first.name}`)) {
            const key = keyed ? literalKey(e.steps[1]) : undefined;
            out.add(`${root}.${first.name}${key ?? ''}`);
        }
    }
    moduleRef(name, steps, ctx, e, o) {
        const call = this.dm.calls.get(name);
        if (!call)
            throw new EvalError(`reference to undeclared module ${name}`);
        const child = this.childCall(call);
        if (!child) {
            const where = this.callDir(call);
            return {
                value: (0,value_tree/* unknownNode */.fn)(exprText(e), 'reason' in where ? where.reason : 'module not evaluated', o),
                used: steps.length,
            };
        }
        const { exp, instances } = child;
        let used = 1;
        let inst;
        if (exp.keyed === 'none')
            inst = instances[0];
        else if (steps[1]?.kind === 'index') {
            used = 2;
            if (exp.keyed === 'unknown')
                inst = instances[0];
            else {
                const k = evalExpr(steps[1].key, ctx);
                if (k.kind === 'unknown')
                    return { value: (0,value_tree/* unknownNode */.fn)(exprText(e), k.reason, o), used: steps.length };
                const want = exp.keyed === 'count' ? asNumber(k) : asString(k);
                const i = exp.keys.indexOf(want);
                if (i < 0)
                    throw new EvalError(`module.${name} has no instance ${instanceKey(want)}`);
                inst = instances[i];
            }
        }
        if (inst) {
            const out = steps[used];
            if (out?.kind === 'attr')
                return { value: inst.output(out.name, o), used: used + 1 };
            return { value: inst.allOutputs(o), used };
        }
        if (exp.keyed === 'unknown')
            return { value: (0,value_tree/* unknownNode */.fn)(exprText(e), exp.reason ?? 'unknown instances', o), used: steps.length };
        if (exp.keyed === 'count')
            return {
                value: list(instances.map((m) => m.allOutputs(o)), o),
                used,
            };
        const attrs = {};
        instances.forEach((m, i) => (attrs[exp.keys[i]] = m.allOutputs(o)));
        return { value: obj(attrs, o), used };
    }
    output(name, o) {
        const memo = this.outputMemo.get(name);
        if (memo === BUSY)
            return (0,value_tree/* unknownNode */.fn)(`module output ${name}`, `output ${name} refers to itself`, o);
        if (memo)
            return memo;
        const decl = this.dm.outputs.get(name);
        if (!decl)
            throw new EvalError(`module ${this.prefix.slice(0, -1)} has no output "${name}"`);
        const value = attr(decl.block.body, 'value');
        this.outputMemo.set(name, BUSY);
        let v;
        try {
            if (value) {
                this.ev.enter();
                try {
                    v = evalAttr(value.expr, this.ctx(decl.file));
                }
                finally {
                    this.ev.leave();
                }
            }
            else
                v = (0,value_tree/* unknownNode */.fn)(`output ${name}`, 'output without value', blockOrigin(decl.file, decl.block));
        }
        catch (x) {
            v = (0,value_tree/* unknownNode */.fn)(`output ${name}`, errorReason(x), o);
        }
        this.outputMemo.set(name, v);
        return v;
    }
    allOutputs(o) {
        const attrs = {};
        for (const name of this.dm.outputs.keys())
            attrs[name] = this.output(name, o);
        return obj(attrs, o);
    }
    // ---- provider configurations (a resource's subscription) ----
    /** The provider configurations visible here: the caller's, then this module's own provider blocks. */
    providers() {
        if (this.visibleProviders)
            return this.visibleProviders;
        const m = new Map(this.providerSubscriptions);
        for (const p of this.dm.providers) {
            const alias = staticString(attr(p.block.body, 'alias')?.expr);
            const sub = attr(p.block.body, 'subscription_id');
            const v = sub ? evalAttr(sub.expr, this.ctx(p.file)) : undefined;
            const id = v?.kind === 'string' && v.value.trim() !== '' ? v.value.trim().toLowerCase() : undefined;
            m.set(alias ? `azurerm.${alias}` : 'azurerm', id);
        }
        return (this.visibleProviders = m);
    }
    /**
     * What a module call passes: its `providers` map (`{ azurerm = azurerm.spoke }`), else, as Terraform
     * does, the default azurerm configuration alone.
     */
    providersFor(call) {
        const visible = this.providers();
        const out = new Map();
        const given = attr(call.block.body, 'providers');
        if (!given) {
            if (visible.has('azurerm'))
                out.set('azurerm', visible.get('azurerm'));
            return out;
        }
        if (given.expr.type === 'object')
            for (const item of given.expr.items)
                out.set(providerName(item.key), visible.get(providerName(item.value)));
        return out;
    }
    /** The subscription an azurerm resource or data source deploys to, where its provider configuration says. */
    subscriptionOf(decl) {
        if (!decl.type.startsWith('azurerm_'))
            return undefined;
        const p = attr(decl.block.body, 'provider');
        return this.providers().get(p ? providerName(p.expr) : 'azurerm');
    }
    // ---- the final walk ----
    /**
     * The condition instances of a block here exist under, when its count/for_each cannot be evaluated (or a
     * call above's cannot): the module instance and the expression as written, so that resources under the
     * same `count = var.hub ? 1 : 0` in one module instance come and go together, in whichever file.
     */
    conditionKeyOf(exp) {
        const own = exp.keyed === 'unknown' && exp.written !== undefined ? `${this.prefix}\u0000${exp.written}` : undefined;
        // Under a call's condition and its own: both (another object under the call's alone may be there
        // without it).
        if (this.conditionKey === undefined || own === undefined)
            return this.conditionKey ?? own;
        return `${this.conditionKey}\u0001${own}`;
    }
    /** Lists every resource instance of this module and of the modules it calls. */
    collect() {
        const ev = this.ev;
        for (const decls of [this.dm.resources, this.dm.data]) {
            for (const decl of decls.values()) {
                const exp = this.expansion(decl);
                const o = blockOrigin(decl.file, decl.block);
                (0,budget/* spend */.Rf)(exp.insts.length * budget/* COST */.oF.resourceInstance, o);
                const subscription = this.subscriptionOf(decl);
                const dependsOn = dependsOnOf(decl, this.prefix);
                for (const inst of exp.insts) {
                    let body;
                    try {
                        body = this.instanceBody(decl, inst);
                    }
                    catch (x) {
                        body = obj({}, o);
                        void x;
                    }
                    let fin = finalize(body, o);
                    if (this.site)
                        fin = atSite(fin, this.site, this.ev.installedDirs);
                    const r = {
                        mode: decl.mode,
                        type: decl.type,
                        name: decl.name,
                        address: inst.address,
                        origin: this.site ?? o,
                        body: fin.kind === 'object' ? fin : { kind: 'object', attrs: {}, origin: this.site ?? o },
                    };
                    if (decl.block.comments)
                        r.comments = decl.block.comments;
                    const inputs = inst.from ? [...this.origins, inst.from] : this.origins;
                    if (inputs.length > 0)
                        r.inputs = inputs;
                    if (subscription !== undefined)
                        r.subscription = subscription;
                    if (dependsOn)
                        r.dependsOn = dependsOn;
                    const conditionKey = this.conditionKeyOf(exp);
                    if (conditionKey !== undefined)
                        r.conditionKey = conditionKey;
                    ev.resources.push(r);
                }
            }
        }
        for (const m of this.dm.moved)
            ev.moved.push({ from: this.prefix + m.from, to: this.prefix + m.to });
        for (const p of this.dm.providers) {
            const env = attr(p.block.body, 'environment');
            if (!env)
                continue;
            const v = evalAttr(env.expr, this.ctx(p.file));
            if (v.kind === 'string')
                ev.environment(v.value.toLowerCase());
        }
        for (const call of this.dm.calls.values()) {
            const where = this.callDir(call);
            if (!('dir' in where)) {
                if (this.mapped(call, where))
                    this.mappedCall(call, call.avm).instances.forEach((m) => m.collect());
                else {
                    const { named, carried, ids } = this.givenTo(call);
                    const given = new Set([...named].map((g) => this.prefix + g));
                    for (const c of carried)
                        given.add(c);
                    const shown = new Set([...given].map((g) => (g.startsWith(this.prefix) ? g.slice(this.prefix.length) : g)));
                    ev.notFetched(call, `${where.reason}; ${this.mayDecide(call, shown)}`, this.site);
                    ev.opaqueModules.push({
                        module: `${this.prefix}module.${call.name}`,
                        given: [...given],
                        ...(ids.length > 0 ? { subnetIds: ids } : {}),
                        why: where.reason,
                        ...(call.source !== undefined ? { source: call.source } : {}),
                        origin: this.site ?? blockOrigin(call.file, call.block),
                    });
                }
                continue;
            }
            if (this.chain.includes(where.dir) ||
                where.dir === this.dm.dir ||
                this.chain.length >= MAX_MODULE_DEPTH) {
                call.notFetched = 'the module calls itself (recursion is not evaluated)';
                ev.notFetched(call, call.notFetched, this.site);
                continue;
            }
            this.childCall(call)?.instances.forEach((m) => m.collect());
        }
    }
}

;// CONCATENATED MODULE: ./src/sources/terraform/evaluate.ts
/**
 * Evaluates parsed Terraform the way `terraform plan` would see it before apply, per module directory:
 * root modules with their tfvars, local child modules once per call (and per count/for_each instance),
 * variables, locals, count/for_each expansion, dynamic blocks and references between resources.
 *
 * Everything is lazy and memoised per module instance: a local, a variable, a resource instance body or a
 * module output is evaluated once, on first use, whether that use is another expression or the final walk
 * that lists every resource instance. Cycles and runaway nesting end as unknown values, never as exceptions.
 *
 * This file is the entry point: the root modules and their tfvars. module-index.ts indexes the files by
 * directory; module-instance.ts evaluates one instance of a module; instances.ts (count, for_each),
 * blocks.ts (block bodies, dynamic blocks) and attributes.ts (one argument) are the steps it takes;
 * evaluation-state.ts is what all instances share; modules/mapped.ts reads an Azure Verified Module from
 * its inputs when its code is not installed.
 */









/**
 * Evaluates every module of the scan. `files` holds all parsed .tf, .tf.json and tfvars files (absolute
 * paths) including the user's var files, which `options.varFiles` lists in precedence order.
 */
function evaluateTerraform(files, options) {
    const diagnostics = [];
    for (const f of files) {
        for (const e of f.errors) {
            diagnostics.push({
                ruleId: 'KMS012',
                origin: e.origin,
                message: `Syntax error in ${external_node_path_.basename(f.path)} at line ${e.origin.startLine}: ${e.message}. Terraform cannot load this file; the rest of it was read as far as possible.`,
            });
        }
    }
    const byPath = new Map(files.map((f) => [f.path, f]));
    const { dirs, roots, installedDirs } = indexModules(files, options.root, options.varFiles, options.modules?.dirs);
    const boundary = options.boundary ?? (0,read_source/* makeBoundary */.nj)([options.root]);
    const ev = new EvaluationState(dirs, options.root, boundary, options.modules);
    ev.installedDirs = installedDirs;
    ev.diagnostics.push(...diagnostics);
    const varFiles = options.varFiles.map((p) => byPath.get(p)).filter((f) => f !== undefined);
    for (const dir of roots) {
        const dm = dirs.get(dir);
        // Later assignments win: directory tfvars by precedence, then the user's var files in order.
        const assigned = new Map();
        for (const f of [...dm.tfvars, ...varFiles]) {
            for (const a of f.body.attributes)
                assigned.set(a.name, { expr: a.expr, file: f.path });
        }
        const memo = new Map();
        const inputs = (name) => {
            const a = assigned.get(name);
            if (!a)
                return undefined;
            let v = memo.get(name);
            if (!v) {
                v = evalAttr(a.expr, { env: NO_REFERENCES, file: a.file });
                memo.set(name, v);
            }
            return v;
        };
        try {
            new ModuleInstance(ev, dm, '', inputs, dir, []).collect();
        }
        catch {
            // collect() guards every evaluation; this only keeps one broken module from ending the scan.
        }
    }
    const templateFiles = ev.templateFiles();
    return {
        resources: ev.resources,
        ...(templateFiles ? { templateFiles, readLinked: (file) => (0,read_source/* readSource */.o$)(file, boundary) } : {}),
        providerEnvironments: ev.environments,
        diagnostics: ev.diagnostics,
        ...(ev.moved.length > 0 ? { moved: ev.moved } : {}),
        ...(ev.opaqueModules.length > 0 ? { opaqueModules: ev.opaqueModules } : {}),
    };
}
/** tfvars files hold literal values: any reference in them is an error, as in Terraform. */
const NO_REFERENCES = {
    lookup(name) {
        throw new EvalError(`variables files cannot refer to ${name}`);
    },
    readFile() {
        return undefined;
    },
};
/**
 * What var files assign, as plain data, later files winning (as evaluateTerraform applies them); a value
 * that is not a literal (an error in a var file) is left out.
 */
function varFileValues(files) {
    const out = new Map();
    for (const f of files) {
        for (const a of f.body.attributes) {
            try {
                out.set(a.name, toPlain(evalAttr(a.expr, { env: NO_REFERENCES, file: f.path })));
            }
            catch (x) {
                if (!(x instanceof UnknownHit))
                    throw x;
                out.delete(a.name);
            }
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/sources/terraform/modules/files.ts
/**
 * The Terraform files of one installed module directory. Only the directory itself is read, not its
 * subdirectories: a module is the .tf files of one directory, and every module it calls (even a local
 * `./modules/x` inside a registry package) has its own manifest entry. Examples and tests shipped in a
 * package are thereby never taken for the user's configuration.
 */



/** Most files read from one module directory. */
const MAX_MODULE_FILES = 500;
function moduleFiles(dir, scanRoot) {
    let entries;
    try {
        entries = external_node_fs_.readdirSync(dir, { withFileTypes: true });
    }
    catch {
        return [];
    }
    const out = [];
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const kind = (0,discover/* classify */.L8)(e.name);
        if (kind !== 'terraform' && kind !== 'terraform-json')
            continue;
        const full = external_node_path_.join(dir, e.name);
        if (e.isSymbolicLink()) {
            let real;
            try {
                real = external_node_fs_.realpathSync(full);
            }
            catch {
                continue;
            }
            if (!(0,discover/* isInside */.FK)(scanRoot, real) || !external_node_fs_.statSync(real).isFile())
                continue;
        }
        else if (!e.isFile())
            continue;
        out.push({ path: full, kind });
        if (out.length >= MAX_MODULE_FILES)
            break;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/sources/terraform/modules/manifest.ts
/**
 * `terraform init` records every module it installed in `.terraform/modules/modules.json`:
 *
 *   {"Modules":[{"Key":"","Source":"","Dir":"."},
 *               {"Key":"spoke_rt","Source":"registry.terraform.io/Azure/avm-res-network-routetable/azurerm",
 *                "Version":"0.4.1","Dir":".terraform/modules/spoke_rt"},
 *               {"Key":"hub.fw","Source":"./modules/fw","Dir":".terraform/modules/hub/modules/fw"}]}
 *
 * `Key` is the path of module call names from the root (`hub.fw`: call `fw` inside call `hub`), whatever
 * count/for_each expands them to; `Dir` is relative to the root module's directory (Terraform's working
 * directory). Only directories whose real path stays inside the scan root are taken: a manifest is data
 * from the repository and may point anywhere.
 */




const MANIFEST = external_node_path_.join('.terraform', 'modules', 'modules.json');
/** Most entries one manifest may list. */
const MAX_ENTRIES = 2000;
function realDir(p) {
    try {
        const real = external_node_fs_.realpathSync(p);
        return external_node_fs_.statSync(real).isDirectory() ? real : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The modules installed for the root module in `rootDir`, by key; `undefined` when there is no manifest.
 * `scanRoot` is a real path. Entries that cannot be used are left out with a problem naming them.
 */
function readManifest(rootDir, scanRoot, problems) {
    const file = external_node_path_.join(rootDir, MANIFEST);
    if (!external_node_fs_.existsSync(file))
        return undefined;
    const at = { file, startLine: 1, endLine: 1 };
    const realFile = external_node_fs_.realpathSync(file);
    if (!(0,discover/* isInside */.FK)(scanRoot, realFile)) {
        problems.push({
            origin: at,
            message: 'The module manifest leads outside the scanned directory; it was not read.',
        });
        return undefined;
    }
    const read = (0,read_source/* readSource */.o$)(realFile, (0,read_source/* makeBoundary */.nj)([scanRoot]));
    if (!read.ok) {
        problems.push({ origin: at, message: `The module manifest was not read: it ${read.reason}.` });
        return undefined;
    }
    let entries;
    try {
        entries = JSON.parse(read.text).Modules;
    }
    catch (e) {
        problems.push({ origin: at, message: `The module manifest is not valid JSON (${e.message}).` });
        return undefined;
    }
    if (!Array.isArray(entries)) {
        problems.push({ origin: at, message: 'The module manifest has no "Modules" list.' });
        return undefined;
    }
    const out = new Map();
    for (const e of entries.slice(0, MAX_ENTRIES)) {
        const key = typeof e?.Key === 'string' ? e.Key : undefined;
        const dir = typeof e?.Dir === 'string' ? e.Dir : undefined;
        if (key === undefined || key === '' || dir === undefined)
            continue;
        const abs = external_node_path_.resolve(rootDir, dir.replace(/\\/g, '/'));
        const real = realDir(abs);
        if (!real) {
            problems.push({
                origin: at,
                message: `Module "${key}" is listed in the module manifest but its directory ${dir} is missing; run terraform init again.`,
            });
            continue;
        }
        if (!(0,discover/* isInside */.FK)(scanRoot, real)) {
            problems.push({
                origin: at,
                message: `Module "${key}": its directory ${dir} leads outside the scanned directory; it was not read.`,
            });
            continue;
        }
        out.set(key, {
            key,
            source: typeof e.Source === 'string' ? e.Source : '',
            version: typeof e.Version === 'string' ? e.Version : undefined,
            dir: real,
        });
    }
    if (entries.length > MAX_ENTRIES)
        problems.push({
            origin: at,
            message: `The module manifest lists over ${MAX_ENTRIES} modules; the rest were not read.`,
        });
    return out;
}
/** Registry addresses as the manifest spells them: `registry.terraform.io/ns/name/system`, lower case. */
function normalSource(source) {
    const s = source.trim();
    if (/^[A-Za-z0-9][\w-]*\/[\w-]+\/[\w-]+$/.test(s))
        return `registry.terraform.io/${s}`.toLowerCase();
    if (/^[\w.-]+\.[a-z]{2,}(:\d+)?\/[\w-]+\/[\w-]+\/[\w-]+$/i.test(s))
        return s.toLowerCase();
    return s;
}

;// CONCATENATED MODULE: ./src/sources/terraform/modules/installed.ts
/**
 * Answers the evaluator's "where is the code of this registry/git module call?" for every root module of
 * a scan, from what `terraform init` installed (`.terraform/modules/modules.json`) or what
 * --download-modules fetched. Both give the same thing: module key \u2192 directory.
 */




class InstalledModules {
    roots = new Map();
    dirs = new Set();
    realScanRoot;
    constructor(scanRoot) {
        this.realScanRoot = external_node_fs_.realpathSync(scanRoot);
    }
    /**
     * Reads the module manifest of a root module, if `terraform init` left one, and returns the files of
     * the modules it lists (to parse with the root module's own).
     */
    readManifest(rootDir, diagnostics) {
        const problems = [];
        const modules = readManifest(rootDir, this.realScanRoot, problems);
        for (const p of problems)
            diagnostics.push({ ruleId: 'KMS011', severity: 'notice', ...p });
        if (!modules)
            return [];
        return this.add(rootDir, modules, 'manifest', this.realScanRoot);
    }
    /** Registers modules for a root module; their files must stay inside `boundary` (a real path). */
    add(rootDir, modules, from, boundary, failed) {
        this.roots.set(rootDir, { modules, from, failed });
        const files = [];
        const seen = new Set();
        for (const m of modules.values()) {
            if (seen.has(m.dir))
                continue;
            seen.add(m.dir);
            this.dirs.add(m.dir);
            files.push(...moduleFiles(m.dir, boundary));
        }
        return files;
    }
    has(rootDir) {
        return this.roots.has(rootDir);
    }
    resolve(rootDir, key, source) {
        const root = this.roots.get(rootDir);
        if (!root)
            return { reason: NOT_FETCHED };
        const failed = root.failed?.get(key);
        if (failed)
            return { reason: failed };
        const m = root.modules.get(key);
        const where = root.from === 'manifest' ? '.terraform/modules/modules.json' : 'the downloaded modules';
        if (!m)
            return {
                reason: root.from === 'manifest'
                    ? `module "${key}" is not in ${where} (run \`terraform init\` again)`
                    : `module "${key}" was not downloaded (its source or version is not a literal string)`,
            };
        if (root.from === 'manifest' && isRegistry(source) && normalSource(source) !== normalSource(m.source))
            return {
                reason: `${where} installed "${m.source}" for module "${key}", not "${source}" (run \`terraform init\` again)`,
            };
        return { dir: m.dir };
    }
}
function isRegistry(source) {
    return normalSource(source).split('/').length === 4 && !source.includes('::');
}

;// CONCATENATED MODULE: ./src/sources/terraform/plan-environments.ts
/**
 * Which environment of a root module a Terraform plan describes. A plan is made for one environment
 * (`terraform plan -var-file=env/prod.tfvars`) and records the variables it was made with; a root with
 * environments (environments.ts) is judged once per environment, and the plan belongs with the one whose
 * var files assign what the plan records. Merged into whichever environment was judged first, a dev plan
 * replaced prod's forced tunnel with dev's routes in prod's judgement.
 *
 * Values are compared loosely where Terraform converts them on the way into the plan: a tfvars "10" for a
 * number variable is 10 in the plan, and optional object attributes the var file leaves out are there as
 * null or their defaults, so only what the var file writes is compared.
 */
/** True when the plan's value is what the var file wrote, after Terraform's type conversion. */
function agrees(written, planned) {
    if (written === null || planned === null)
        return written === planned;
    if (Array.isArray(written))
        return (Array.isArray(planned) &&
            planned.length === written.length &&
            written.every((w, i) => agrees(w, planned[i])));
    if (typeof written === 'object') {
        if (typeof planned !== 'object' || Array.isArray(planned))
            return false;
        const p = planned;
        return Object.entries(written).every(([k, w]) => k in p && agrees(w, p[k]));
    }
    if (typeof planned === 'object')
        return false;
    // string \u2194 number \u2194 bool conversions: Terraform writes "10" for 10 and "true" for true.
    return String(written) === String(planned);
}
/**
 * The index of the environment a plan made with `planned` variables describes: the one whose var files
 * (`assigned`, per environment) agree with the plan on every variable both have and on the most of them.
 * Undefined when none agrees on any, when two agree equally, or when the plan records no variables: then
 * it is merged into no environment and judged on its own, beside them (never into the wrong one).
 */
function environmentOfPlan(planned, assigned) {
    if (!planned || planned.size === 0)
        return undefined;
    let best;
    let bestCount = 0;
    let tie = false;
    assigned.forEach((values, i) => {
        let count = 0;
        for (const [name, value] of values) {
            if (!planned.has(name))
                continue;
            if (!agrees(value, planned.get(name)))
                return;
            count++;
        }
        if (count > bestCount)
            [best, bestCount, tie] = [i, count, false];
        else if (count === bestCount && count > 0)
            tie = true;
    });
    return tie ? undefined : best;
}

;// CONCATENATED MODULE: ./src/sources/terraform/plan-merge.ts
/** Gives each plan value the origin of the same attribute in the .tf block, where there is one. */
function relocate(plan, hcl, fallback) {
    const origin = hcl?.origin ?? fallback;
    if (plan.kind === 'object') {
        const attrs = {};
        const hclAttrs = hcl?.kind === 'object' ? hcl.attrs : {};
        for (const [k, v] of Object.entries(plan.attrs))
            attrs[k] = relocate(v, hclAttrs[k], origin);
        return { kind: 'object', attrs, origin };
    }
    if (plan.kind === 'list') {
        const hclItems = hcl?.kind === 'list' ? hcl.items : [];
        return { kind: 'list', items: plan.items.map((v, i) => relocate(v, hclItems[i], origin)), origin };
    }
    return { ...plan, origin };
}
function mergePlanWithSources(sources, plans) {
    if (plans.length === 0)
        return sources;
    const byAddress = new Map();
    for (const r of sources.resources) {
        const list = byAddress.get(r.address);
        if (list)
            list.push(r);
        else
            byAddress.set(r.address, [r]);
    }
    const replaced = new Set();
    const fromPlans = [];
    for (const plan of plans) {
        for (const p of plan.resources) {
            const matches = byAddress.get(p.address);
            // Only an unambiguous match: two root modules may both declare the same address.
            const h = matches?.length === 1 ? matches[0] : undefined;
            if (!h || replaced.has(h)) {
                fromPlans.push(p);
                continue;
            }
            replaced.add(h);
            const body = relocate(p.body, h.body, h.origin);
            fromPlans.push({ ...p, origin: h.origin, body, comments: h.comments ?? p.comments });
        }
    }
    return {
        resources: [...sources.resources.filter((r) => !replaced.has(r)), ...fromPlans],
        providerEnvironments: [
            ...new Set([...sources.providerEnvironments, ...plans.flatMap((p) => p.providerEnvironments)]),
        ],
        diagnostics: [...sources.diagnostics, ...plans.flatMap((p) => p.diagnostics)],
        ...(sources.moved ? { moved: sources.moved } : {}),
    };
}

// EXTERNAL MODULE: ./src/sources/terraform/units.ts + 1 modules
var terraform_units = __webpack_require__(4616);
;// CONCATENATED MODULE: ./src/sources/terraform/load.ts
/**
 * The Terraform source end to end: deployment units (root module + local modules) are parsed one after
 * another, and each unit becomes its own network model. A plan JSON joins the unit whose resources it
 * describes (plan values, .tf locations); a plan that matches no unit is judged on its own.
 */

















function cloudsOf(evaluation, unitRoot, opts) {
    if (opts.cloud !== 'auto')
        return [opts.cloud];
    const configured = opts.cloudForDir?.(unitRoot);
    if (configured && configured !== 'auto')
        return [configured];
    const hinted = new Set(evaluation.providerEnvironments.map(catalogue/* cloudFromEnvironment */.pz));
    const clouds = catalogue/* CLOUDS */.JJ.filter((c) => hinted.has(c));
    return clouds.length > 0 ? clouds : ['AzureCloud'];
}
/** The unused plan sharing the most resource addresses with the unit, if any. */
function planFor(evaluation, plans, accepts) {
    let best;
    let bestCount = 0;
    for (const p of plans) {
        if (p.used || !accepts(p))
            continue;
        let count = 0;
        for (const r of evaluation.resources)
            if (p.addresses.has(r.address))
                count++;
        if (count > bestCount) {
            best = p;
            bestCount = count;
        }
    }
    return best;
}
const emptyEvaluation = () => ({
    resources: [],
    providerEnvironments: [],
    diagnostics: [],
});
async function* terraformJudgements(files, varFiles, planFiles, opts, diagnostics) {
    const plans = planFiles
        .filter((p) => isTerraformPlan(p.text))
        .map((p) => {
        const at = { file: p.path, startLine: 1, endLine: 1 };
        const run = (0,budget/* evaluateUnitSync */.zU)(at, 'this Terraform plan', () => planToEvaluation(p.path, p.text));
        const evaluation = run.value ?? emptyEvaluation();
        evaluation.diagnostics.push(...run.problems);
        return {
            file: p.path,
            subject: run.subject,
            evaluation,
            addresses: new Set(evaluation.resources.map((r) => r.address)),
            used: false,
        };
    });
    // Registry and git modules `terraform init` installed (or, when asked, downloaded now) are parsed
    // with the unit that calls them.
    (0,unit_watch/* watchPhase */.d3)('discovery');
    const installed = new InstalledModules(opts.root);
    const units = [];
    // Loaded only when asked for: the downloader brings tar, zip, HTTP and git code the worker need not parse.
    const downloader = opts.downloadModules
        ? new (await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(111), __webpack_require__.e(539)]).then(__webpack_require__.bind(__webpack_require__, 4539))).ModuleDownloader(external_node_fs_.realpathSync(opts.root), opts.downloadModules)
        : undefined;
    // Downloaded module packages live in our own cache folder, outside the scan root: readable too.
    const boundary = downloader
        ? { ...opts.boundary, roots: [...opts.boundary.roots, downloader.cacheDir] }
        : opts.boundary;
    // Texts read to find the module calls (as bytes: see keptText), handed to the parser and dropped once parsed.
    const texts = new Map();
    const sizes = opts.share ? new Map() : undefined;
    try {
        for (const u of (0,terraform_units/* terraformUnits */.wy)(files, boundary, texts, opts.callIndex, sizes, opts.root, opts.varFiles)) {
            // A root whose folder discovery listed without a `.terraform` entry has no manifest to look for.
            const uninitialised = u.files.some((f) => (0,discover/* isListedWithoutTerraformDir */.tz)(f) && external_node_path_.dirname(f.path) === u.root);
            let more = uninitialised ? [] : installed.readManifest(u.root, diagnostics);
            if (downloader && !installed.has(u.root)) {
                const got = await downloader.forRoot(u.root);
                more = installed.add(u.root, got.modules, 'download', downloader.cacheDir, got.failed);
            }
            units.push(more.length > 0 ? { ...u, files: [...u.files, ...more] } : u);
        }
    }
    finally {
        downloader?.close();
    }
    const judge = (evaluation, unitRoot, subject, order, label) => {
        (0,unit_watch/* watchPhase */.d3)('model', subject);
        const model = terraformToModel(evaluation);
        return cloudsOf(evaluation, unitRoot, opts).map((cloud) => ({
            model,
            cloud,
            unit: unitRoot,
            subject,
            order,
            ...(label !== undefined ? { label } : {}),
        }));
    };
    // Plans are matched to units in scan order across all units: one worker judges them all then.
    if (plans.length > 0)
        opts.share?.lead();
    // Files a unit reads but terraformUnits did not (JSON, var files) weigh as a small file.
    const mine = opts.share?.take(units.map((u) => u.files.reduce((n, f) => n + (sizes?.get(f.path) ?? 1000), 0))) ??
        units.map(() => true);
    const pool = new ParsePool();
    try {
        // Files several units share (a module every landing zone calls, the var files) are parsed once.
        const useCount = new Map();
        units.forEach((u, i) => {
            if (mine[i])
                for (const f of u.files)
                    useCount.set(f.path, (useCount.get(f.path) ?? 0) + 1);
        });
        const shared = new Map();
        const reported = new Set();
        const varResults = pool.parse(varFiles);
        const job = (f) => {
            const bytes = texts.get(f.path);
            texts.delete(f.path);
            if (bytes === undefined)
                return { ...f, boundary, regular: (0,discover/* isListedRegular */.mW)(f) };
            return { ...f, boundary, text: (0,read_source/* keptText */.GD)(bytes) };
        };
        const parseUnit = (unit) => {
            const own = unit.files.filter((f) => (useCount.get(f.path) ?? 0) < 2);
            const common = unit.files.filter((f) => (useCount.get(f.path) ?? 0) >= 2);
            const fresh = common.filter((f) => !shared.has(f.path));
            if (fresh.length > 0) {
                const parsed = pool.parse(fresh.map(job));
                fresh.forEach((f, i) => shared.set(f.path, parsed.then((r) => r[i])));
            }
            return Promise.all([pool.parse(own.map(job)), ...common.map((f) => shared.get(f.path))]).then(([mine, ...rest]) => [...mine, ...rest]);
        };
        const vars = await varResults;
        const varHcl = [];
        for (const r of vars) {
            if (r.ok)
                varHcl.push(r.file);
            else
                diagnostics.push((0,read_source/* skippedNotice */.$8)(r.path, r.reason));
        }
        // One unit's syntax trees at a time (files shared by several units are kept, parsed once).
        for (let i = 0; i < units.length; i++) {
            // The module manifest is an input too: it names the directory each module key is read from; so is
            // the workspace `terraform workspace select` recorded (terraform.workspace, evaluation-state.ts).
            const manifest = external_node_path_.join(units[i].root, MANIFEST);
            const workspace = external_node_path_.join(units[i].root, '.terraform', 'environment');
            const selected = mine[i] &&
                (opts.selectUnit?.({
                    kind: 'terraform',
                    root: units[i].root,
                    files: [
                        ...units[i].files.map((f) => f.path),
                        ...(installed.has(units[i].root) ? [manifest] : []),
                        ...(external_node_fs_.existsSync(workspace) ? [workspace] : []),
                    ],
                    varFiles: opts.varFiles,
                }) ??
                    true);
            if (!selected) {
                // Another worker's unit: drop the texts none of this worker's units reads.
                const keep = mine[i] ? 2 : 1;
                for (const f of units[i].files)
                    if ((useCount.get(f.path) ?? 0) < keep)
                        texts.delete(f.path);
                continue;
            }
            opts.share?.enter(judgement/* JUDGEMENT_ORDER */.j.terraform + i);
            const results = await parseUnit(units[i]);
            const hcl = [...varHcl];
            for (const r of results) {
                if (r.ok)
                    hcl.push(r.file);
                else if (!reported.has(r.path)) {
                    reported.add(r.path);
                    diagnostics.push((0,read_source/* skippedNotice */.$8)(r.path, r.reason, r.line));
                }
            }
            // One root module is one unit: its own budget; an overrun or a crash costs it alone. A root with
            // environments (environments.ts) is judged once per environment, each with its own budget.
            const first = units[i].files[0]?.path ?? units[i].root;
            const rootName = external_node_path_.relative(opts.root, units[i].root) || '.';
            const envs = units[i].environments;
            // A plan describes one environment: it is merged into the one it was made with, or into none.
            const envValues = envs?.map((env) => varFileValues(env.files.map((f) => hcl.find((h) => h.path === f)).filter((h) => h !== undefined)));
            const planFits = (k) => (p) => !envValues || environmentOfPlan(p.evaluation.planVariables, envValues) === k;
            for (const [k, env] of (envs ?? [undefined]).entries()) {
                const run = (0,budget/* evaluateUnitSync */.zU)({ file: first, startLine: 1, endLine: 1 }, `the Terraform root module ${rootName}${env ? ` with ${env.label}` : ''}`, () => evaluateTerraform(hcl, {
                    root: opts.root,
                    varFiles: env ? [...env.files, ...opts.varFiles] : opts.varFiles,
                    boundary,
                    modules: installed,
                }));
                const fromSources = run.value ?? emptyEvaluation();
                fromSources.diagnostics.push(...run.problems);
                const plan = planFor(fromSources, plans, planFits(k));
                if (plan)
                    plan.used = true;
                const evaluation = plan ? mergePlanWithSources(fromSources, [plan.evaluation]) : fromSources;
                yield* judge(evaluation, units[i].root, run.subject, judgement/* JUDGEMENT_ORDER */.j.terraform + i, env?.label);
            }
            (0,unit_watch/* watchPhase */.d3)('sources');
        }
        // Plans no unit took, judged on their own (by the one worker that judged the units, see lead()).
        const mineToo = opts.share?.take(plans.map(() => 0)) ?? plans.map(() => true);
        let k = 0;
        for (const [n, p] of plans.entries()) {
            if (p.used)
                continue;
            const order = judgement/* JUDGEMENT_ORDER */.j.plan + k++;
            if (!mineToo[n])
                continue;
            opts.share?.enter(order);
            yield* judge(p.evaluation, p.file ?? opts.root, p.subject, order);
        }
    }
    finally {
        await pool.close();
    }
}

;// CONCATENATED MODULE: ./src/sources/plan/deletes.ts
/**
 * ARM ids of the resources a plan deletes (actions exactly ["delete"]: a replacement recreates). With
 * live state on, they are taken out of the deployed network before the plan's after-state is laid over
 * it, so a pull request that removes the KMS route is judged without it.
 */

function deletedArmIds(text) {
    let plan;
    try {
        plan = (0,json_lines/* parsePlain */.eE)(text);
    }
    catch {
        return [];
    }
    const changes = plan.resource_changes;
    if (!Array.isArray(changes))
        return [];
    const out = [];
    for (const c of changes) {
        const actions = c.change?.actions;
        const id = c.change?.before?.id;
        const deleteOnly = Array.isArray(actions) && actions.length === 1 && actions[0] === 'delete';
        if (c.mode !== 'data' && deleteOnly && typeof id === 'string' && id.startsWith('/subscriptions/'))
            out.push(id);
    }
    return out;
}

// EXTERNAL MODULE: ./src/config/apply.ts
var apply = __webpack_require__(1110);
;// CONCATENATED MODULE: ./src/pipeline/stage-stats.ts
const enabled = process.env.AZURE_KMS_GUARD_STATS === '1';
let listener;
let last = process.hrtime.bigint();
/** Starts timing from now and sends every later stage to `fn` (undefined: stop). */
function onStage(fn) {
    listener = fn;
    last = process.hrtime.bigint();
}
function stage(name) {
    if (!enabled && !listener)
        return;
    const now = process.hrtime.bigint();
    const ms = Number(now - last) / 1e6;
    last = now;
    const mem = process.memoryUsage();
    const t = { name, ms, heapMB: mem.heapUsed / 1048576, rssMB: mem.rss / 1048576 };
    listener?.(t);
    if (enabled)
        process.stderr.write(`stats: ${name} ${ms.toFixed(0)} ms, heap ${t.heapMB.toFixed(0)} MB, rss ${t.rssMB.toFixed(0)} MB\n`);
}

// EXTERNAL MODULE: ./src/compare/units.ts
var compare_units = __webpack_require__(9820);
// EXTERNAL MODULE: ./src/pipeline/shares.ts
var shares = __webpack_require__(3092);
// EXTERNAL MODULE: ./src/pipeline/scan-merge.ts + 2 modules
var scan_merge = __webpack_require__(9451);
// EXTERNAL MODULE: ./src/pipeline/scan-level.ts
var scan_level = __webpack_require__(3746);
// EXTERNAL MODULE: ./src/analysis/cross-unit-vnets.ts
var cross_unit_vnets = __webpack_require__(5114);
// EXTERNAL MODULE: ./src/pipeline/cross-unit.ts
var cross_unit = __webpack_require__(3217);
// EXTERNAL MODULE: ./src/analysis/cross-unit-firewalls.ts
var cross_unit_firewalls = __webpack_require__(1561);
// EXTERNAL MODULE: ./src/analysis/cross-unit-sites.ts
var cross_unit_sites = __webpack_require__(2168);
// EXTERNAL MODULE: ./src/analysis/cross-unit-attachments.ts
var cross_unit_attachments = __webpack_require__(318);
;// CONCATENATED MODULE: ./src/pipeline/second-pass.ts
/**
 * The scan's second pass as it runs in the scan worker (src/pipeline/cross-unit.ts plans it): each unit
 * judged again gets the other units' facts laid into its model. The facts the first pass gathered are
 * light (identities, gateways, peerings); what decides a firewall or a Virtual WAN hub (policies, rule
 * collections, routing) is obtained here, only for a unit that is given it, from the declaring unit's
 * model: Rejudge.providers are loaded again for that. A provider is not judged again unless it is itself
 * a reader; a reader loaded before its providers is held until they are (at the end, it goes with what was
 * provided: what was not stays undecided, named, as when judged alone).
 */





/** What each provider (by its judgement's order) is asked for. */
function asksOf(rejudge) {
    const asks = new Map();
    const ask = (order, unit) => {
        const a = asks.get(order) ?? { firewalls: [], hubs: [], attachments: [], unit };
        asks.set(order, a);
        return a;
    };
    for (const f of Object.values(rejudge.firewalls ?? {}).flat())
        ask(f.order, f.unit).firewalls.push(f);
    for (const f of Object.values(rejudge.facts).flat())
        if (f.hub && f.key !== undefined)
            ask(f.order, f.unit).hubs.push(f.key);
    for (const c of Object.values(rejudge.connections ?? {}).flat())
        if (c.key !== undefined)
            ask(c.order, c.unit).hubs.push(c.key);
    for (const a of Object.values(rejudge.attachments ?? {}).flat())
        ask(a.order, a.unit).attachments.push(a);
    return asks;
}
const sameFirewall = (a, b) => a.order === b.order &&
    a.name === b.name &&
    a.resourceGroup === b.resourceGroup &&
    a.subscription === b.subscription;
/**
 * The judgements to judge again, facts laid; `received(order, digest)` is told, for each, the digest of the
 * objects laid into it (`root`: paths relative to it), on which its findings depend.
 */
async function* secondPass(judgements, rejudge, root, received) {
    const asks = asksOf(rejudge);
    const provided = new Map();
    const hubOf = (f) => (f.key !== undefined ? provided.get(f.order)?.hubs.get(f.key) : undefined);
    const lay = (j) => {
        const order = j.order;
        const facts = rejudge.facts[order];
        const firewalls = (rejudge.firewalls?.[order] ?? []).flatMap((f) => (provided.get(f.order)?.firewalls ?? []).filter((p) => sameFirewall(p.fact, f)));
        (0,cross_unit_vnets/* layForeignVnets */.NR)(j.model, facts, hubOf);
        (0,cross_unit_firewalls/* layForeignFirewalls */.Sc)(j.model, firewalls);
        (0,cross_unit_sites/* laySites */.X2)(j.model, rejudge.sites?.[order] ?? []);
        (0,cross_unit_sites/* settleGatewayNotices */.Vc)(j.model, rejudge.settled?.[order] ?? []);
        const connections = rejudge.connections?.[order] ?? [];
        const connected = connections.flatMap((c) => c.key !== undefined ? (provided.get(c.order)?.hubs.get(c.key) ?? []) : []);
        (0,cross_unit_vnets/* layHubConnections */.z9)(j.model, connected);
        (0,cross_unit_vnets/* layMaybeConnections */.wJ)(j.model, connections);
        const attached = (rejudge.attachments?.[order] ?? []).flatMap((a) => (provided.get(a.order)?.attachments ?? []).filter((p) => p.fact.order === a.order && p.fact.index === a.index));
        (0,cross_unit_attachments/* layAttachments */.hk)(j.model, attached);
        const gatewaysIn = rejudge.vnetGateways?.[order] ?? [];
        (0,cross_unit_vnets/* layReadVnetGateways */.ji)(j.model, gatewaysIn);
        const settled = rejudge.settledAttachments?.[order] ?? [];
        (0,cross_unit_attachments/* settleAttachmentNotices */.Yx)(j.model, settled);
        const hubs = [...facts.flatMap((f) => hubOf(f) ?? []), ...connected];
        if (firewalls.length > 0 ||
            hubs.length > 0 ||
            connections.length > 0 ||
            attached.length > 0 ||
            settled.length > 0 ||
            gatewaysIn.length > 0)
            received(order, (0,cross_unit/* portableDigest */.Q2)({
                firewalls: firewalls.map((p) => p.objects),
                hubs,
                connections,
                ...(attached.length > 0 ? { attached: attached.map((p) => [p.target, p.objects]) } : {}),
                ...(settled.length > 0 ? { settled } : {}),
                ...(gatewaysIn.length > 0 ? { gatewaysIn } : {}),
            }, root));
        return j;
    };
    const needs = (order) => [
        ...(rejudge.firewalls?.[order] ?? []).map((f) => f.order),
        ...rejudge.facts[order].flatMap((f) => (f.hub ? [f.order] : [])),
        ...(rejudge.connections?.[order] ?? []).map((c) => c.order),
        ...(rejudge.attachments?.[order] ?? []).map((a) => a.order),
    ];
    const ready = (order) => needs(order).every((o) => provided.has(o) || !asks.has(o));
    const waiting = [];
    for await (const j of judgements) {
        // ARM templates are formed whatever the selection: only the judgements named are used.
        if (j.order === undefined)
            continue;
        const ask = asks.get(j.order);
        if (ask)
            provided.set(j.order, {
                firewalls: (0,cross_unit_firewalls/* provideFirewalls */.vM)(j.model, ask.firewalls),
                hubs: (0,cross_unit_vnets/* provideHubs */.YQ)(j.model, ask.hubs, ask.unit),
                attachments: (0,cross_unit_attachments/* provideAttachments */.Aj)(j.model, ask.attachments),
            });
        if (rejudge.facts[j.order]) {
            if (ready(j.order))
                yield lay(j);
            else
                waiting.push(j);
        }
        for (let i = 0; i < waiting.length; i++)
            if (ready(waiting[i].order))
                yield lay(waiting.splice(i--, 1)[0]);
    }
    for (const j of waiting)
        yield lay(j);
}

;// CONCATENATED MODULE: ./src/pipeline/scan.ts
/**
 * The pipeline: sources \u2192 network model \u2192 analysis \u2192 rules. Plain TypeScript with no @actions/*
 * imports, so the action, the CLI and the tests all call exactly this.
 *
 * Sources yield judgements: one network model (a Terraform root module with its local modules, a Bicep
 * or ARM deployment variant) and the cloud to judge it under. They are judged one after another and
 * dropped, so a scan holds one unit's model at a time however large the repository.
 */






















/** A JSON file that fails to parse is only ours to report when it looks like a template, parameters or a plan. */
function looksLikeIaC(file, text) {
    return (/deploymentTemplate|deploymentParameters|"resource_changes"|"planned_values"/.test(text.slice(0, 8192)) ||
        /(^|[\\/])azuredeploy[^\\/]*\.json$|\.parameters(\.[^.\\/]+)?\.json$/i.test(file));
}
/** `p` with forward slashes; as is where the separator is one already (a split and join per file cost 9 ms). */
const toPosix = (p) => (external_node_path_.sep === '/' ? p : p.split(external_node_path_.sep).join('/'));
/**
 * `file` relative to `dir`, as path.relative gives it: for a file under `dir` (every discovered file, as
 * discovery joins the root with the names it reads) a slice, as path.relative per file cost a 10 MB scan 40 ms.
 */
function relativeTo(dir, file) {
    return file.length > dir.length + 1 &&
        file.startsWith(dir) &&
        file[dir.length] === external_node_path_.sep &&
        !dir.endsWith(external_node_path_.sep)
        ? file.slice(dir.length + 1)
        : external_node_path_.relative(dir, file);
}
/** The line of the config that names `entry` (for a located notice), else its first line. */
function configLine(configFile, entry, boundary) {
    const read = (0,read_source/* readSource */.o$)(configFile, boundary);
    if (!read.ok)
        return 1;
    const i = read.text.split(/\r?\n/).findIndex((l) => l.includes(entry));
    return i >= 0 ? i + 1 : 1;
}
/**
 * One notice for the files left out as module tests and examples, so a user who keeps real networks in an
 * `examples/` folder learns why they were not judged and how to include them.
 */
function fixturesNotice(files, rootDir) {
    const dirs = [...new Set(files.map((f) => toPosix(external_node_path_.relative(rootDir, external_node_path_.dirname(f)))))].sort();
    const shown = dirs.slice(0, 5).join(', ') + (dirs.length > 5 ? ` and ${dirs.length - 5} more` : '');
    const first = files.slice().sort()[0];
    return {
        ruleId: 'KMS012',
        severity: 'notice',
        title: 'Module tests and examples not judged',
        readFine: true,
        origin: { file: first, startLine: 1, endLine: 1 },
        message: `Not judged: ${files.length} file${files.length === 1 ? '' : 's'} in test and example folders (${shown}); ` +
            'they are module tests and examples, not a deployed network. Set `include-test-fixtures: true` in ' +
            '.azure-kms-guard.yml to judge them.',
    };
}
/** Finds and reads the sources under the root; models come out one judgement at a time. */
function loadSources(options, selectUnit, callIndex, share) {
    const root = external_node_path_.resolve(options.path);
    if (!external_node_fs_.existsSync(root))
        throw new Error(`path not found: ${options.path}`);
    const rootDir = external_node_fs_.statSync(root).isFile() ? external_node_path_.dirname(root) : root;
    const repoRoot = external_node_path_.resolve(options.repoRoot ?? rootDir);
    const config = options.config?.config;
    // The invoker's own var and plan files may lie anywhere; what the scanned files name may not (beyond
    // the repository: a local module outside the scanned path is read from it).
    const boundary = (0,read_source/* makeBoundary */.nj)([repoRoot, rootDir, ...(options.readRoot ? [external_node_path_.resolve(options.readRoot)] : [])], [...options.varFiles, ...(options.planFiles ?? [])].map((f) => external_node_path_.resolve(f)));
    // A pull request's head may name its files (from git's index: src/compare/head-index.ts).
    const given = options.units?.files;
    const found = given ? { files: [...given], skipped: [] } : (0,discover/* discover */.k4)(root);
    // Module tests and examples are fixtures, not the network: judged only when the config asks for them.
    const fixtures = config?.includeTestFixtures
        ? []
        : found.files.filter((f) => (0,discover/* isTestFixture */.O1)(toPosix(relativeTo(rootDir, f.path))));
    if (fixtures.length > 0)
        found.files = found.files.filter((f) => !fixtures.includes(f));
    if (config)
        found.files = found.files.filter((f) => (0,apply/* isIncluded */.R4)(toPosix(relativeTo(repoRoot, f.path)), config));
    const diagnostics = found.skipped.map((s) => (0,read_source/* skippedNotice */.$8)(s.path, s.reason));
    if (fixtures.length > 0)
        diagnostics.push(fixturesNotice(fixtures.map((f) => f.path), rootDir));
    const bicep = [];
    const json = [];
    const plans = [];
    const readText = (file, into) => {
        const read = (0,read_source/* readSource */.o$)(file, boundary);
        if (read.ok)
            into.push({ path: file, text: read.text });
        else
            diagnostics.push((0,read_source/* skippedNotice */.$8)(file, read.reason));
    };
    for (const f of found.files) {
        if (f.kind === 'bicep' || f.kind === 'bicepparam')
            readText(f.path, bicep);
        else if (f.kind === 'json')
            readText(f.path, json);
    }
    for (const p of options.planFiles ?? []) {
        const file = external_node_path_.resolve(p);
        if (!external_node_fs_.existsSync(file))
            throw new Error(`plan file not found: ${p}`);
        readText(file, plans);
    }
    // Plans are found by content whatever their name; JSON that is none of ours is left alone.
    const templatesAndParams = [];
    for (const f of json) {
        const kind = (0,unit_watch/* parsingFile */.q4)(f.path, () => {
            if (isTerraformPlan(f.text))
                return 'plan';
            try {
                JSON.parse(f.text);
                return 'ours';
            }
            catch {
                // jsonc: comments are allowed in templates, so only a file that looks like ours is handed on.
                return looksLikeIaC(f.path, f.text) ? 'ours' : 'other';
            }
        }, (why) => {
            diagnostics.push((0,read_source/* skippedNotice */.$8)(f.path, `could not be parsed: ${why}`));
            return 'other';
        });
        if (kind === 'plan' && !plans.some((p) => p.path === f.path))
            plans.push(f);
        else if (kind === 'ours')
            templatesAndParams.push(f);
    }
    // The config's cloud and var files apply where the inputs leave them open.
    const cloud = options.cloud === 'auto' && config?.cloud ? config.cloud : options.cloud;
    // Var files the config names come from the pull request: one outside the boundary is a notice, not read.
    const configVarFiles = [];
    for (const f of config?.varFiles ?? []) {
        const abs = external_node_path_.resolve(repoRoot, f);
        const read = (0,read_source/* readSource */.o$)(abs, boundary);
        if (read.ok || !read.outside)
            configVarFiles.push(abs);
        else {
            const file = options.config?.file ?? external_node_path_.join(repoRoot, '.azure-kms-guard.yml');
            const line = configLine(file, f, boundary);
            diagnostics.push((0,read_source/* refusedReference */.y4)({ file, startLine: line, endLine: line }, f, read.reason));
        }
    }
    const varFiles = [...configVarFiles, ...options.varFiles].map((f) => external_node_path_.resolve(f));
    const varJobs = [];
    for (const v of varFiles) {
        if (!external_node_fs_.existsSync(v))
            throw new Error(`var file not found: ${v}`);
        varJobs.push({ path: v, kind: (0,discover/* classify */.L8)(v) === 'tfvars-json' ? 'tfvars-json' : 'tfvars', boundary });
    }
    const terraformFiles = found.files.filter((f) => discover/* TERRAFORM_KINDS */.Zn.has(f.kind) && !varFiles.includes(f.path));
    async function* judgements() {
        stage('discover');
        yield* terraformJudgements(terraformFiles, varJobs, plans, {
            root: rootDir,
            varFiles,
            cloud,
            cloudForDir: config
                ? (dir) => (0,apply/* cloudForPath */.Am)(toPosix(external_node_path_.relative(repoRoot, dir)), config)
                : undefined,
            boundary,
            ...(options.downloadModules ? { downloadModules: options.downloadModules } : {}),
            ...(selectUnit ? { selectUnit } : {}),
            ...(callIndex ? { callIndex } : {}),
            ...(share ? { share } : {}),
        }, diagnostics);
        stage('terraform');
        // Bicep and ARM (a quarter of the worker's code) are loaded only for a tree that has them: the worker
        // parses its bundle before it scans, and most trees are Terraform alone.
        if (bicep.length > 0 || templatesAndParams.length > 0) {
            const { judgeTemplates } = await __webpack_require__.e(/* import() */ 471).then(__webpack_require__.bind(__webpack_require__, 9471));
            yield* judgeTemplates(bicep, templatesAndParams, rootDir, cloud, boundary, selectUnit, share);
        }
        stage('bicep and arm');
    }
    const files = terraformFiles.length + varJobs.length + bicep.length + json.length;
    const deletedIds = plans
        .filter((p) => isTerraformPlan(p.text))
        .flatMap((p) => (0,unit_watch/* parsingFile */.q4)(p.path, () => deletedArmIds(p.text), (why) => {
        diagnostics.push({
            ruleId: 'KMS012',
            severity: 'warning',
            origin: { file: p.path, startLine: 1, endLine: 1 },
            message: `Did not read which resources this plan deletes: ${why}.`,
        });
        return [];
    }));
    return {
        judgements: judgements(),
        deletedIds,
        diagnostics,
        files,
        skippedAtDiscovery: found.skipped.length,
        root,
        repoRoot,
        boundary,
    };
}
/**
 * Live state: the IaC of the same cloud is overlaid on the deployed network (it replaces what it
 * defines, the rest completes the picture); with no IaC of that cloud the deployed network is judged alone.
 */
async function* withDeployed(judgements, deployed, planDeletes) {
    if (!deployed) {
        yield* judgements;
        return;
    }
    // Loaded only for a scan of the deployed network: it is the one that overlays models.
    const { overlayModels } = await __webpack_require__.e(/* import() */ 923).then(__webpack_require__.bind(__webpack_require__, 2923));
    let overlaid = false;
    const deletedIds = [...(deployed.deletedIds ?? []), ...planDeletes];
    for await (const j of judgements) {
        if (j.cloud === deployed.cloud) {
            overlaid = true;
            yield { ...j, model: overlayModels(deployed.model, j.model, { deletedIds }) };
        }
        else
            yield j;
    }
    if (!overlaid) {
        const model = deletedIds.length > 0 ? overlayModels(deployed.model, (0,network/* emptyModel */.$Q)(), { deletedIds }) : deployed.model;
        yield { model, cloud: deployed.cloud, order: judgement/* JUDGEMENT_ORDER */.j.deployed };
    }
}
/**
 * Least time between two progress reports (the first and the last are always made): each one crosses
 * from the scan worker as a message, and one per unit cost a 10 MB scan of ~1,200 root modules 13% of its CPU.
 */
const PROGRESS_EVERY_MS = 100;
/**
 * How often a worker sends the units it judged (scan-isolated.ts): the calling thread takes them in (and
 * reads their files for suppressions) while the worker goes on, instead of all at the end.
 */
const STREAM_EVERY_MS = 200;
/** The whole scan on this thread: one share of everything, merged. */
async function scan(options) {
    const parts = await (0,cross_unit/* crossUnitPass */.k7)(options, [await scanPart(options)], async (o) => (await scanPart(o)).judged);
    return (0,scan_merge.finishScan)(options, parts, () => Promise.resolve(scan_level));
}
/**
 * Judges the units of this worker's share (all of them without `share`): sources \u2192 model \u2192 analysis \u2192
 * rules, one unit after another.
 */
async function scanPart(options, shareSpec, 
/** Given the units judged so far (taken out of the part) every STREAM_EVERY_MS, with the read boundary. */
stream) {
    const choices = [];
    const choose = options.units && (0,compare_units/* unitChooser */.Sg)(options.units);
    // A second pass (src/pipeline/cross-unit.ts) judges only the units it names.
    const again = options.rejudge && new Set([...options.rejudge.units, ...(options.rejudge.providers ?? [])]);
    const selectUnit = choose || again
        ? (u) => {
            if (again && !again.has(u.root))
                return false;
            if (!choose)
                return true;
            const choice = choose(u);
            choices.push(choice);
            return choice.judged;
        }
        : undefined;
    (0,unit_watch/* watchPhase */.d3)('discovery');
    const hashRoot = options.units?.hashRoot;
    const callIndex = hashRoot !== undefined ? new Map() : undefined;
    // Diagnostics from the first unit of this share on are that unit's: marked where each unit starts.
    const marks = [];
    let diagnostics = [];
    const share = shareSpec && shareSpec.count > 1
        ? new shares/* Shares */.t(shareSpec, (order) => marks.push({ order, at: diagnostics.length }))
        : undefined;
    const sources = loadSources(options, selectUnit, callIndex, share);
    diagnostics = sources.diagnostics;
    const judged = [];
    const appliances = options.config?.config.allowedAppliances ?? [];
    let units = 0;
    let toldAt = -Infinity;
    const tell = (always) => {
        if (!options.onProgress)
            return;
        const now = Date.now();
        if (!always && now - toldAt < PROGRESS_EVERY_MS)
            return;
        toldAt = now;
        options.onProgress({ files: sources.files, units });
    };
    tell(true);
    let next = 0;
    let streamedAt = Date.now();
    // As crossUnitPass takes it: digests the same in another checkout of the repository.
    const digestRoot = options.units?.hashRoot ?? options.repoRoot ?? options.path;
    const loaded = withDeployed(sources.judgements, options.deployed, sources.deletedIds);
    const received = new Map();
    const judgements = options.rejudge
        ? secondPass(loaded, options.rejudge, digestRoot, (order, digest) => received.set(order, digest))
        : loaded;
    for await (const j of judgements) {
        units++;
        tell(false);
        if (appliances.length > 0)
            j.model.allowedAppliances = appliances;
        // A worker that dies from here on costs this unit (or, for the deployed network alone, the scan).
        (0,unit_watch/* watchPhase */.d3)('analysis', j.subject);
        const analysis = (0,src_analysis/* analyze */.ns)(j.model, j.cloud);
        const verdicts = (0,verdict/* subnetVerdicts */.cG)(analysis, j.label);
        const ref = (0,cross_unit/* unitRef */.i)(j, sources.root);
        const vnets = ref && (0,cross_unit_vnets/* unitVnets */.rQ)(j.model, (0,cross_unit/* undecidedSubnets */.WQ)(verdicts), { ...ref, order: j.order ?? next });
        judged.push({
            order: j.order ?? next,
            cloud: j.cloud,
            ...(j.unit !== undefined ? { unit: j.unit } : {}),
            ...(j.label !== undefined ? { label: j.label } : {}),
            ...(vnets ? { vnets } : {}),
            ...(j.order !== undefined && received.has(j.order) ? { foreign: received.get(j.order) } : {}),
            verdicts,
            unusedRouteTables: new Set(analysis.paths.flatMap((p) => (p.subnet ? [] : [p.routeTable?.id]))).size,
            findings: (0,rules/* runRules */.xG)({ cloud: j.cloud, model: j.model, analysis, verbose: options.verbose }),
        });
        next = (j.order ?? next) + 1;
        if (stream && Date.now() - streamedAt >= STREAM_EVERY_MS) {
            stream(judged.splice(0), sources.boundary);
            streamedAt = Date.now();
        }
        // Judged: what the worker does next (reading the next unit) is no longer this unit's doing.
        (0,unit_watch/* watchPhase */.d3)('sources');
    }
    tell(true);
    stage('analysis and rules');
    const all = sources.diagnostics;
    const commonEnd = marks[0]?.at ?? all.length;
    return {
        judged,
        // Every share finds the same files: share 0 reports what belongs to no unit.
        common: !shareSpec || shareSpec.index === 0 ? all.slice(0, commonEnd) : [],
        unitDiagnostics: marks.map((m, i) => ({
            order: m.order,
            diagnostics: all.slice(m.at, marks[i + 1]?.at ?? all.length),
        })),
        files: sources.files,
        skippedAtDiscovery: sources.skippedAtDiscovery,
        root: sources.root,
        repoRoot: sources.repoRoot,
        boundary: sources.boundary,
        ...(options.units ? { units: choices } : {}),
        ...(callIndex && hashRoot !== undefined
            ? { terraformCalls: relativeCalls(callIndex, external_node_path_.resolve(hashRoot)) }
            : {}),
    };
}
/** The call index with paths relative to `root` (forward slashes); files outside it are left out. */
function relativeCalls(index, root) {
    const rel = (p) => {
        const r = external_node_path_.relative(root, p);
        return r.startsWith('..') || external_node_path_.isAbsolute(r) ? undefined : toPosix(r);
    };
    const out = {};
    for (const [file, { oid, calls }] of index) {
        const key = rel(file);
        if (key === undefined || key === '')
            continue;
        // A call out of the root is a directory the other checkout cannot have either: kept as `..` paths.
        out[key] = { oid, calls: calls.map((c) => toPosix(external_node_path_.relative(root, c))) };
    }
    return out;
}


/***/ }),

/***/ 4305:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ evaluateEmbeddedTemplate)
/* harmony export */ });
/* harmony import */ var _parsing_json_lines__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8665);
/* harmony import */ var _template__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2541);


/** Lines of a heredoc: the text's own, from the line after `<<EOT`. */
class HeredocLines extends _parsing_json_lines__WEBPACK_IMPORTED_MODULE_0__/* .LineIndex */ .rr {
    shift;
    constructor(text, shift) {
        super(text);
        this.shift = shift;
    }
    line(offset) {
        return super.line(offset) + this.shift;
    }
}
/**
 * Is `text` a heredoc written at `site` (`<<EOT` on the first line, `EOT` on the last, the text between)?
 * Then its lines are the file's; other inline text (a jsonencode() result, an escaped string) has none.
 */
function isHeredoc(text, site) {
    const breaks = text.split('\n').length - 1;
    return text.endsWith('\n') && site.endLine - site.startLine === breaks + 1;
}
/** Offsets that are indexes into a table of origins: node k spans offsets 2k..2k+1. */
class TreeLines extends _parsing_json_lines__WEBPACK_IMPORTED_MODULE_0__/* .LineIndex */ .rr {
    origins = [];
    constructor() {
        super('');
    }
    line(offset) {
        const o = this.origins[offset >> 1];
        return o === undefined ? 1 : offset & 1 ? o.endLine : o.startLine;
    }
}
/**
 * A value tree as JSON nodes. An unknown becomes a string node that carries the unknown itself (PRESET):
 * the template walker takes it as the value, ref and all, instead of evaluating the text. Parts written in
 * another file than `site` are placed at `site`.
 */
function nodesOf(v, lines, site, parent) {
    const origin = v.origin.file === site.file ? v.origin : site;
    const offset = lines.origins.push(origin) * 2 - 2;
    // jsonc-parser's nodes are plain objects; its type marks them read-only for callers.
    const node = { type: 'null', offset, length: 1 };
    if (parent)
        node.parent = parent;
    switch (v.kind) {
        case 'string':
            return Object.assign(node, { type: 'string', value: v.value });
        case 'number':
            return Object.assign(node, { type: 'number', value: v.value });
        case 'bool':
            return Object.assign(node, { type: 'boolean', value: v.value });
        case 'null':
            return node;
        case 'unknown':
            return Object.assign(node, { type: 'string', value: v.expression, [_template__WEBPACK_IMPORTED_MODULE_1__/* .PRESET */ .Q]: v });
        case 'list':
            node.type = 'array';
            node.children = v.items.map((i) => nodesOf(i, lines, site, node));
            return node;
        case 'object': {
            node.type = 'object';
            node.children = Object.entries(v.attrs).map(([k, x]) => {
                const p = { type: 'property', offset, length: 1, parent: node };
                const key = { type: 'string', value: k, offset, length: 1, parent: p };
                p.children = [key, nodesOf(x, lines, site, p)];
                return p;
            });
            return node;
        }
    }
}
function docOf(source) {
    if ('value' in source) {
        const lines = new TreeLines();
        const root = nodesOf(source.value, lines, source.site);
        return { doc: { path: source.site.file, text: '', root, lines } };
    }
    const { site } = source;
    const parsed = (0,_parsing_json_lines__WEBPACK_IMPORTED_MODULE_0__/* .parseJson */ .qF)(source.file ?? site.file, source.text);
    if (!parsed.ok)
        return { error: parsed.message };
    if (source.file !== undefined)
        return { doc: parsed.doc };
    if (isHeredoc(source.text, site))
        return { doc: { ...parsed.doc, lines: new HeredocLines(source.text, site.startLine) } };
    // Written inline without lines of its own: every part at the argument's lines.
    return docOf({ value: (0,_parsing_json_lines__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .eu)(parsed.doc, parsed.doc.root, site), site });
}
function evaluateEmbeddedTemplate(t) {
    const result = { resources: [], diagnostics: [], unread: [] };
    const read = docOf(t.template);
    if ('error' in read)
        return { ...result, error: `the template is not valid JSON (${read.error})` };
    const { doc } = read;
    if (doc.root.type !== 'object')
        return { ...result, error: 'the template is not a JSON object' };
    const sink = {
        cloud: t.cloud,
        idBase: t.idBase,
        resources: result.resources,
        diagnostics: result.diagnostics,
        instances: [],
        usedIds: new Set(),
        // A template read from a file links relative to that file, as Azure resolves relativePath against the
        // linking template's location; one written inline has no location: what it links is named as not read.
        readFile: t.readFile && 'file' in t.template && t.template.file !== undefined
            ? t.readFile
            : () => ({
                ok: false,
                reason: 'is not read (linked from a template written inline, which has no location)',
            }),
        linked: new Set(),
        running: [doc.path],
        unread: result.unread,
    };
    result.outputs = new _template__WEBPACK_IMPORTED_MODULE_1__/* .TemplateLevel */ .HW(sink, doc, doc.root, t.parameters, t.prefix, undefined, t.unsupplied, undefined, t.target).run();
    return result;
}


/***/ }),

/***/ 2208:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ isArmTemplate)
/* harmony export */ });
/**
 * Deployment templates by their `$schema` (resource group, subscription, management group and tenant
 * templates all end in `deploymentTemplate.json`), looked for near the top where it always is. Parameter
 * files (`deploymentParameters`) are not templates. Its own module: the Terraform evaluator asks it of
 * every file() it reads and loads nothing else of the ARM source for that.
 */
function isArmTemplate(text) {
    return /"\$schema"\s*:\s*"[^"]*deploymentTemplate\.json/i.test(text.slice(0, 4096));
}


/***/ }),

/***/ 2541:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Q: () => (/* binding */ PRESET),
  HW: () => (/* binding */ TemplateLevel)
});

// UNUSED EXPORTS: MAX_COPY, MAX_DEPLOYMENT_DEPTH

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/model/value.ts
var value = __webpack_require__(2904);
// EXTERNAL MODULE: ./src/sources/mapping/arm-shapes.ts + 4 modules
var arm_shapes = __webpack_require__(1151);
// EXTERNAL MODULE: ./src/sources/mapping/may-change.ts
var may_change = __webpack_require__(971);
// EXTERNAL MODULE: ./src/sources/evaluation/value-tree.ts
var value_tree = __webpack_require__(9817);
;// CONCATENATED MODULE: ./src/sources/arm/expression.ts
/**
 * Tokenizer and parser for ARM template language expressions (`[concat('a', parameters('b'))]`).
 * No published library parses them (Microsoft's parser lives inside the ARM service and Bicep's
 * decompiler, neither usable here), and the grammar is small: literals, function calls, property
 * access and indexing.
 */
/**
 * Whether a JSON string is an expression, and its inner text. `[[` escapes a literal leading bracket,
 * and a string that merely starts with `[` but does not end with `]` is a literal too.
 */
function expressionText(s) {
    if (s.startsWith('[['))
        return { literal: s.slice(1) };
    if (s.length >= 2 && s.startsWith('[') && s.endsWith(']'))
        return { expression: s.slice(1, -1) };
    return { literal: s };
}
class ExpressionError extends Error {
}
class Parser {
    src;
    i = 0;
    constructor(src) {
        this.src = src;
    }
    parse() {
        const e = this.expr();
        this.ws();
        if (this.i < this.src.length)
            this.fail(`unexpected "${this.src[this.i]}"`);
        return e;
    }
    fail(what) {
        throw new ExpressionError(`${what} at position ${this.i + 1} of "${this.src}"`);
    }
    ws() {
        while (this.i < this.src.length && /\s/.test(this.src[this.i]))
            this.i++;
    }
    peek() {
        this.ws();
        return this.src[this.i] ?? '';
    }
    expect(c) {
        if (this.peek() !== c)
            this.fail(`expected "${c}"`);
        this.i++;
    }
    depth = 0;
    expr() {
        // The parser recurses once per nested call: a hostile template nesting 10,000 calls must end here.
        if (++this.depth > MAX_EXPRESSION_DEPTH)
            this.fail(`expression nested more than ${MAX_EXPRESSION_DEPTH} levels deep`);
        try {
            return this.exprAt();
        }
        finally {
            this.depth--;
        }
    }
    exprAt() {
        const start = (this.ws(), this.i);
        let e = this.primary();
        for (;;) {
            const c = this.peek();
            if (c === '.') {
                this.i++;
                this.ws();
                const name = this.ident();
                e = { k: 'prop', target: e, name, text: this.src.slice(start, this.i) };
            }
            else if (c === '[') {
                this.i++;
                const index = this.expr();
                this.expect(']');
                e = { k: 'index', target: e, index, text: this.src.slice(start, this.i) };
            }
            else
                return e;
        }
    }
    match(re) {
        re.lastIndex = this.i;
        return re.exec(this.src);
    }
    ident() {
        const m = this.match(IDENT);
        if (!m)
            this.fail('expected a name');
        this.i += m[0].length;
        return m[0];
    }
    primary() {
        const c = this.peek();
        const start = this.i;
        if (c === "'")
            return this.string();
        if (/[-0-9]/.test(c)) {
            const m = this.match(NUMBER);
            if (!m)
                this.fail('bad number');
            this.i += m[0].length;
            return { k: 'num', value: Number(m[0]), text: m[0] };
        }
        let name = this.ident();
        // User-defined functions are namespaced: `ns.fn(...)`.
        if (this.src[this.i] === '.' && this.match(NAMESPACED) !== null) {
            this.i++;
            name += '.' + this.ident();
        }
        this.expect('(');
        const args = [];
        if (this.peek() !== ')') {
            args.push(this.expr());
            while (this.peek() === ',') {
                this.i++;
                args.push(this.expr());
            }
        }
        this.expect(')');
        return { k: 'call', name, args, text: this.src.slice(start, this.i) };
    }
    string() {
        const start = this.i;
        this.i++;
        let value = '';
        for (;;) {
            if (this.i >= this.src.length)
                this.fail('unterminated string');
            const ch = this.src[this.i++];
            if (ch === "'") {
                // A doubled quote is an escaped quote.
                if (this.src[this.i] === "'") {
                    value += "'";
                    this.i++;
                    continue;
                }
                break;
            }
            value += ch;
        }
        return { k: 'str', value, text: this.src.slice(start, this.i) };
    }
}
/** Deepest nesting of calls, properties and indexes parsed (real templates nest a dozen or so). */
const MAX_EXPRESSION_DEPTH = 128;
// Sticky: matched at the parser's position without copying the rest of the text.
const IDENT = /[A-Za-z_$][A-Za-z0-9_$-]*/y;
const NUMBER = /-?\d+(\.\d+)?/y;
const NAMESPACED = /\.[A-Za-z_][A-Za-z0-9_]*\s*\(/y;
/** Parses the inner text of an expression (without the surrounding brackets). Throws ExpressionError. */
function parseExpression(src) {
    return new Parser(src).parse();
}

// EXTERNAL MODULE: ./src/sources/evaluation/cidr.ts
var cidr = __webpack_require__(6735);
;// CONCATENATED MODULE: ./src/sources/arm/values.ts


/** Plain JSON of a fully known tree (call firstUnknown first). */
function toPlain(v) {
    switch (v.kind) {
        case 'string':
        case 'number':
        case 'bool':
            return v.value;
        case 'null':
        case 'unknown':
            return null;
        case 'list':
            return v.items.map(toPlain);
        case 'object': {
            const o = {};
            for (const [k, x] of Object.entries(v.attrs))
                o[k] = toPlain(x);
            return o;
        }
    }
}
function fromPlain(json, origin) {
    return (0,value_tree/* fromJson */.Rf)(json, origin);
}
function describe(v) {
    return v.kind === 'list' ? 'array' : v.kind === 'bool' ? 'bool' : v.kind;
}

// EXTERNAL MODULE: ./src/sources/parsing/json-lines.ts
var json_lines = __webpack_require__(8665);
;// CONCATENATED MODULE: ./src/sources/arm/functions.ts



class FunctionError extends Error {
}
/**
 * Placeholders for the subscription and resource group of the deployment. `resourceId()` needs them to
 * build an ARM id; arm-shapes links ids by type and names, so the placeholders never have to match anything.
 */
const SUBSCRIPTION_PLACEHOLDER = '{subscriptionId}';
const RESOURCE_GROUP_PLACEHOLDER = '{resourceGroup}';
const isObj = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);
function need(ok, value, what) {
    if (!ok)
        throw new FunctionError(what);
    return value;
}
const asString = (x, fn) => need(typeof x === 'string', x, `${fn}: expected a string`);
const asInt = (x, fn) => {
    const n = typeof x === 'string' ? Number(x.trim()) : x;
    return need(typeof n === 'number' && Number.isFinite(n), Math.trunc(n), `${fn}: expected an integer`);
};
const asArray = (x, fn) => need(Array.isArray(x), x, `${fn}: expected an array`);
function deepEqual(a, b) {
    if (a === b)
        return true;
    if (Array.isArray(a) && Array.isArray(b))
        return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
    if (isObj(a) && isObj(b)) {
        const ka = Object.keys(a);
        return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
    }
    return false;
}
/** ARM's `string()`: booleans as `True`/`False` (.NET), objects and arrays as compact JSON. */
function toArmString(x) {
    if (typeof x === 'string')
        return x;
    if (typeof x === 'boolean')
        return x ? 'True' : 'False';
    if (x === null)
        return '';
    if (typeof x === 'number')
        return String(x);
    return JSON.stringify(x);
}
/** .NET composite formatting as `format()` uses it: `{0}`, `{1:D3}`, `{{` and `}}`. */
function dotnetFormat(fmt, args) {
    return fmt.replace(/\{\{|\}\}|\{(\d+)(?:,(-?\d+))?(?::([^}]*))?\}/g, (m, i, _align, spec) => {
        if (m === '{{')
            return '{';
        if (m === '}}')
            return '}';
        const idx = Number(i);
        if (idx >= args.length)
            throw new FunctionError(`format: no argument {${idx}}`);
        const a = args[idx];
        if (typeof a === 'number' && spec) {
            const d = /^[dD](\d+)$/.exec(spec);
            if (d)
                return String(Math.trunc(a)).padStart(Number(d[1]), '0');
            const n = /^[nN](\d*)$/.exec(spec);
            if (n)
                return a.toLocaleString('en-US', {
                    minimumFractionDigits: Number(n[1] || 0),
                    maximumFractionDigits: Number(n[1] || 0),
                });
        }
        return toArmString(a);
    });
}
/**
 * `format()` with an unknown argument: unknown, but keeping its pieces (the format's text and the
 * arguments in order) when the format itself is known, as Bicep's interpolated strings do (HclValue
 * `parts`), so a reader can still pick out the known pieces and the references.
 */
function formatParts([fmt, ...rest], text, cause, site) {
    const u = (0,value_tree/* unknownNode */.fn)(text, cause.reason, site);
    if (fmt?.kind !== 'string' || u.kind !== 'unknown')
        return u;
    const parts = [];
    let last = 0;
    for (const m of fmt.value.matchAll(/\{\{|\}\}|\{(\d+)\}/g)) {
        parts.push(fmt.value.slice(last, m.index));
        last = m.index + m[0].length;
        if (m[1] === undefined)
            parts.push(m[0][0]);
        else {
            const a = rest[Number(m[1])];
            if (!a || a.kind === 'list' || a.kind === 'object')
                return u;
            parts.push(a);
        }
    }
    parts.push(fmt.value.slice(last));
    return { ...u, parts };
}
const TYPE_RE = /^[A-Za-z0-9]+\.[A-Za-z0-9.]+\/[A-Za-z0-9/]+$/;
/**
 * `resourceId([subscriptionId], [resourceGroupName], type, name1, [name2]...)` as a full ARM id. Without
 * an explicit subscription or resource group the placeholders stand in (see above).
 */
function resourceId(args, scope, env) {
    const strs = args.map((a) => toArmString(a));
    const t = strs.findIndex((s) => TYPE_RE.test(s));
    if (t < 0)
        throw new FunctionError('resourceId: no resource type argument');
    const type = strs[t];
    const names = strs.slice(t + 1);
    if (names.length === 0)
        throw new FunctionError('resourceId: no resource name');
    const before = strs.slice(0, t);
    let sub = env?.subscriptionId ?? SUBSCRIPTION_PLACEHOLDER;
    let rg = env?.resourceGroupName ?? RESOURCE_GROUP_PLACEHOLDER;
    if (scope === 'rg') {
        if (before.length >= 2)
            [sub, rg] = before;
        else if (before.length === 1)
            rg = before[0];
    }
    else if (before.length >= 1)
        sub = before[0];
    const [ns, ...types] = type.split('/');
    const segments = [ns];
    types.forEach((ty, i) => segments.push(ty, names[i] ?? ''));
    // `resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet/snet')` spells the names in one argument.
    if (names.length === 1 && types.length > 1) {
        const parts = names[0].split('/');
        segments.length = 1;
        types.forEach((ty, i) => segments.push(ty, parts[i] ?? ''));
    }
    const provider = `providers/${segments.join('/')}`;
    if (scope === 'tenant')
        return `/${provider}`;
    if (scope === 'subscription')
        return `/subscriptions/${sub}/${provider}`;
    return `/subscriptions/${sub}/resourceGroups/${rg}/${provider}`;
}
const cidrFail = (fn) => (message) => new FunctionError(`${fn}: ${message}`);
const PLAIN = {
    format: ([fmt, ...rest]) => dotnetFormat(asString(fmt, 'format'), rest),
    tolower: ([s]) => asString(s, 'toLower').toLowerCase(),
    toupper: ([s]) => asString(s, 'toUpper').toUpperCase(),
    trim: ([s]) => asString(s, 'trim').trim(),
    replace: ([s, a, b]) => asString(s, 'replace').split(asString(a, 'replace')).join(asString(b, 'replace')),
    split: ([s, d]) => {
        const delims = Array.isArray(d) ? d.map((x) => asString(x, 'split')) : [asString(d, 'split')];
        let parts = [asString(s, 'split')];
        for (const delim of delims)
            parts = parts.flatMap((p) => p.split(delim));
        return parts;
    },
    join: ([a, d]) => asArray(a, 'join').map(toArmString).join(asString(d, 'join')),
    string: ([x]) => toArmString(x),
    int: ([x]) => asInt(x, 'int'),
    float: ([x]) => Number(x),
    bool: ([x]) => (typeof x === 'string' ? x.trim().toLowerCase() === 'true' : Boolean(x)),
    json: ([s]) => {
        try {
            return (0,json_lines/* parsePlain */.eE)(asString(s, 'json'));
        }
        catch {
            throw new FunctionError('json: invalid JSON');
        }
    },
    true: () => true,
    false: () => false,
    null: () => null,
    equals: ([a, b]) => deepEqual(a, b),
    not: ([a]) => !need(typeof a === 'boolean', a, 'not: expected a bool'),
    less: ([a, b]) => a < b,
    lessorequals: ([a, b]) => a <= b,
    greater: ([a, b]) => a > b,
    greaterorequals: ([a, b]) => a >= b,
    add: ([a, b]) => asInt(a, 'add') + asInt(b, 'add'),
    sub: ([a, b]) => asInt(a, 'sub') - asInt(b, 'sub'),
    mul: ([a, b]) => asInt(a, 'mul') * asInt(b, 'mul'),
    div: ([a, b]) => Math.trunc(asInt(a, 'div') / need(asInt(b, 'div') !== 0, asInt(b, 'div'), 'div: by zero')),
    mod: ([a, b]) => asInt(a, 'mod') % need(asInt(b, 'mod') !== 0, asInt(b, 'mod'), 'mod: by zero'),
    min: (args) => Math.min(...(Array.isArray(args[0]) ? args[0] : args).map((x) => asInt(x, 'min'))),
    max: (args) => Math.max(...(Array.isArray(args[0]) ? args[0] : args).map((x) => asInt(x, 'max'))),
    range: ([s, c]) => {
        // ARM's own limit: a count up to 10,000 (range(0, 1e9) would allocate a billion numbers).
        const count = asInt(c, 'range');
        if (count < 0 || count > 10_000)
            throw new FunctionError('range: the count must be 0 to 10000');
        return Array.from({ length: count }, (_, i) => asInt(s, 'range') + i);
    },
    startswith: ([s, p]) => asString(s, 'startsWith').toLowerCase().startsWith(asString(p, 'startsWith').toLowerCase()),
    endswith: ([s, p]) => asString(s, 'endsWith').toLowerCase().endsWith(asString(p, 'endsWith').toLowerCase()),
    indexof: ([s, p]) => Array.isArray(s)
        ? s.findIndex((x) => deepEqual(x, p))
        : asString(s, 'indexOf').toLowerCase().indexOf(asString(p, 'indexOf').toLowerCase()),
    lastindexof: ([s, p]) => Array.isArray(s)
        ? s.map((x) => deepEqual(x, p)).lastIndexOf(true)
        : asString(s, 'lastIndexOf').toLowerCase().lastIndexOf(asString(p, 'lastIndexOf').toLowerCase()),
    substring: ([s, start, len]) => {
        const str = asString(s, 'substring');
        const from = asInt(start ?? 0, 'substring');
        return len === undefined ? str.slice(from) : str.substr(from, asInt(len, 'substring'));
    },
    padleft: ([s, n, c]) => toArmString(s).padStart(asInt(n, 'padLeft'), c === undefined ? ' ' : asString(c, 'padLeft')),
    contains: ([c, x]) => {
        if (typeof c === 'string')
            return c.includes(toArmString(x));
        if (Array.isArray(c))
            return c.some((i) => deepEqual(i, x));
        if (isObj(c))
            return Object.keys(c).some((k) => k.toLowerCase() === toArmString(x).toLowerCase());
        throw new FunctionError('contains: expected a string, array or object');
    },
    intersection: (args) => {
        if (args.every(Array.isArray))
            return args[0].filter((x) => args.every((a) => a.some((y) => deepEqual(x, y))));
        if (args.every(isObj)) {
            const [first, ...rest] = args;
            return Object.fromEntries(Object.entries(first).filter(([k, v]) => rest.every((o) => deepEqual(o[k], v))));
        }
        throw new FunctionError('intersection: expected arrays or objects');
    },
    items: ([o]) => Object.keys(need(isObj(o), o, 'items: expected an object'))
        .sort()
        .map((key) => ({ key, value: o[key] })),
    resourceid: (args, env) => resourceId(args, 'rg', env),
    subscriptionresourceid: (args, env) => resourceId(args, 'subscription', env),
    tenantresourceid: (args) => resourceId(args, 'tenant'),
    extensionresourceid: ([scope, ...rest]) => `${asString(scope, 'extensionResourceId')}/${resourceId(rest, 'tenant').slice(1)}`,
    parsecidr: ([c]) => (0,cidr/* armParseCidr */.Cv)(asString(c, 'parseCidr'), cidrFail('parseCidr')),
    cidrsubnet: ([c, n, i]) => (0,cidr/* armCidrSubnet */.iR)(asString(c, 'cidrSubnet'), asInt(n, 'cidrSubnet'), asInt(i, 'cidrSubnet'), cidrFail('cidrSubnet')),
    cidrhost: ([c, i]) => (0,cidr/* armCidrHost */.R8)(asString(c, 'cidrHost'), asInt(i, 'cidrHost'), cidrFail('cidrHost')),
};
function isEmpty(v) {
    switch (v.kind) {
        case 'null':
            return true;
        case 'string':
            return v.value === '';
        case 'list':
            return v.items.length === 0;
        case 'object':
            return Object.keys(v.attrs).length === 0;
        default:
            return undefined;
    }
}
function mergeObjects(a, b, site) {
    const attrs = { ...a.attrs };
    // union() merges nested objects deeply (later wins for everything else).
    for (const [k, v] of Object.entries(b.attrs)) {
        const prev = attrs[k];
        attrs[k] = prev?.kind === 'object' && v.kind === 'object' ? mergeObjects(prev, v, site) : v;
    }
    return { kind: 'object', attrs, origin: site };
}
function tryGet([value, ...keys], site, text) {
    let cur = value;
    for (const k of keys) {
        // An unknown value or key leaves the result unknown, not null: the step may well exist.
        if (cur?.kind === 'unknown')
            return (0,value_tree/* unknownNode */.fn)(text, cur.reason, site);
        if (k?.kind === 'unknown')
            return (0,value_tree/* unknownNode */.fn)(text, k.reason, site);
        if (cur?.kind === 'object' && k?.kind === 'string')
            cur = (0,value_tree/* memberCI */.bG)(cur, k.value);
        else if (cur?.kind === 'list' && k?.kind === 'number')
            cur = cur.items[k.value];
        else
            cur = undefined;
        if (cur === undefined)
            return { kind: 'null', origin: site };
    }
    return cur ?? { kind: 'null', origin: site };
}
const STRUCTURAL = {
    createarray: (args, site) => ({ kind: 'list', items: args, origin: site }),
    array: ([x], site) => (x.kind === 'list' ? x : { kind: 'list', items: [x], origin: site }),
    createobject: (args, site, _env, text) => {
        const attrs = {};
        for (let i = 0; i + 1 < args.length; i += 2) {
            const key = args[i];
            if (key.kind === 'unknown')
                return (0,value_tree/* unknownNode */.fn)(text, key.reason, site);
            if (key.kind !== 'string')
                throw new FunctionError('createObject: keys must be strings');
            attrs[key.value] = args[i + 1];
        }
        return { kind: 'object', attrs, origin: site };
    },
    concat: (args, site, _env, text) => {
        if (args.length > 0 && args.every((a) => a.kind === 'list' || a.kind === 'null'))
            return { kind: 'list', items: args.flatMap((a) => (a.kind === 'list' ? a.items : [])), origin: site };
        const u = args.find((a) => (0,value_tree/* firstUnknown */.Ny)(a));
        if (u)
            return (0,value_tree/* unknownNode */.fn)(text, (0,value_tree/* firstUnknown */.Ny)(u).reason, site);
        return { kind: 'string', value: args.map((a) => toArmString(toPlain(a))).join(''), origin: site };
    },
    union: (args, site) => {
        if (args.every((a) => a.kind === 'object'))
            return args.reduce((acc, a) => mergeObjects(acc, a, site), { kind: 'object', attrs: {}, origin: site });
        if (args.every((a) => a.kind === 'list')) {
            const items = [];
            const seen = [];
            for (const a of args)
                for (const item of a.items) {
                    const p = (0,value_tree/* firstUnknown */.Ny)(item) ? undefined : toPlain(item);
                    if (p !== undefined && seen.some((s) => deepEqual(s, p)))
                        continue;
                    if (p !== undefined)
                        seen.push(p);
                    items.push(item);
                }
            return { kind: 'list', items, origin: site };
        }
        throw new FunctionError(`union: expected arrays or objects, got ${args.map(describe).join(', ')}`);
    },
    length: ([x], site) => {
        if (x.kind === 'list')
            return { kind: 'number', value: x.items.length, origin: site };
        if (x.kind === 'object')
            return { kind: 'number', value: Object.keys(x.attrs).length, origin: site };
        if (x.kind === 'string')
            return { kind: 'number', value: x.value.length, origin: site };
        throw new FunctionError(`length: expected an array, object or string, got ${describe(x)}`);
    },
    empty: ([x], site) => {
        const e = isEmpty(x);
        if (e === undefined)
            throw new FunctionError(`empty: expected an array, object or string, got ${describe(x)}`);
        return { kind: 'bool', value: e, origin: site };
    },
    first: ([x], site) => {
        if (x.kind === 'list')
            return x.items[0] ?? { kind: 'null', origin: site };
        if (x.kind === 'string')
            return { kind: 'string', value: x.value.slice(0, 1), origin: site };
        throw new FunctionError(`first: expected an array or string, got ${describe(x)}`);
    },
    last: ([x], site) => {
        if (x.kind === 'list')
            return x.items[x.items.length - 1] ?? { kind: 'null', origin: site };
        if (x.kind === 'string')
            return { kind: 'string', value: x.value.slice(-1), origin: site };
        throw new FunctionError(`last: expected an array or string, got ${describe(x)}`);
    },
    skip: ([x, n], site) => {
        const count = asInt(toPlain(n), 'skip');
        if (x.kind === 'list')
            return { kind: 'list', items: x.items.slice(Math.max(0, count)), origin: site };
        if (x.kind === 'string')
            return { kind: 'string', value: x.value.slice(Math.max(0, count)), origin: site };
        throw new FunctionError('skip: expected an array or string');
    },
    take: ([x, n], site) => {
        const count = Math.max(0, asInt(toPlain(n), 'take'));
        if (x.kind === 'list')
            return { kind: 'list', items: x.items.slice(0, count), origin: site };
        if (x.kind === 'string')
            return { kind: 'string', value: x.value.slice(0, count), origin: site };
        throw new FunctionError('take: expected an array or string');
    },
    trygetvalue: ([o, k], site, _env, text) => tryGet([o, k], site, text),
    // tryGet(value, key or index, ...): the value at that path, null where a step is missing. AVM's
    // compiled templates use it for every optional setting (`tryGet(parameters('lock'), 'kind')`).
    tryget: (args, site, _env, text) => tryGet(args, site, text),
    environment: (_args, site, env) => {
        const attrs = { name: { kind: 'string', value: env.cloud, origin: site } };
        for (const k of ['gallery', 'graph', 'portal', 'resourceManager', 'authentication', 'suffixes'])
            attrs[k] = (0,value_tree/* unknownNode */.fn)(`environment().${k}`, `environment().${k} is not evaluated`, site);
        return { kind: 'object', attrs, origin: site };
    },
    resourcegroup: (_args, site, env) => {
        const sub = env.subscriptionId ?? SUBSCRIPTION_PLACEHOLDER;
        const rg = env.resourceGroupName;
        return {
            kind: 'object',
            attrs: {
                id: {
                    kind: 'string',
                    value: `/subscriptions/${sub}/resourceGroups/${rg ?? RESOURCE_GROUP_PLACEHOLDER}`,
                    origin: site,
                },
                name: rg !== undefined
                    ? { kind: 'string', value: rg, origin: site }
                    : (0,value_tree/* unknownNode */.fn)('resourceGroup().name', 'the resource group is chosen at deployment', site),
                location: (0,value_tree/* unknownNode */.fn)('resourceGroup().location', 'the resource group is chosen at deployment', site),
                tags: (0,value_tree/* unknownNode */.fn)('resourceGroup().tags', 'the resource group is chosen at deployment', site),
                type: { kind: 'string', value: 'Microsoft.Resources/resourceGroups', origin: site },
            },
            origin: site,
        };
    },
    subscription: (_args, site, env) => ({
        kind: 'object',
        attrs: {
            id: {
                kind: 'string',
                value: `/subscriptions/${env.subscriptionId ?? SUBSCRIPTION_PLACEHOLDER}`,
                origin: site,
            },
            subscriptionId: { kind: 'string', value: env.subscriptionId ?? SUBSCRIPTION_PLACEHOLDER, origin: site },
            tenantId: (0,value_tree/* unknownNode */.fn)('subscription().tenantId', 'the subscription is chosen at deployment', site),
            displayName: (0,value_tree/* unknownNode */.fn)('subscription().displayName', 'the subscription is chosen at deployment', site),
        },
        origin: site,
    }),
};
/** Functions that need their arguments fully known, by the unknown-propagation rule above. */
const STRICT_STRUCTURAL = new Set(['length', 'empty', 'skip', 'take', 'first', 'last']);
/**
 * Applies a function to evaluated arguments. Returns undefined when the function is not one we evaluate
 * (the caller turns that into an unknown naming it).
 */
function applyFunction(name, args, site, env, text) {
    const key = name.toLowerCase();
    try {
        const s = STRUCTURAL[key];
        if (s) {
            // Unknown top-level arguments (the list itself unknown, not an item of it) make these unknown.
            if (STRICT_STRUCTURAL.has(key) || key === 'union' || key === 'array') {
                const u = args.find((a) => a.kind === 'unknown');
                if (u && u.kind === 'unknown')
                    return (0,value_tree/* unknownNode */.fn)(text, u.reason, site, key === 'first' || key === 'last' ? u.ref : undefined);
            }
            return s(args, site, env, text);
        }
        const p = PLAIN[key];
        if (!p)
            return undefined;
        for (const a of args) {
            const u = (0,value_tree/* firstUnknown */.Ny)(a);
            if (u)
                return key === 'format' ? formatParts(args, text, u, site) : (0,value_tree/* unknownNode */.fn)(text, u.reason, site);
        }
        return fromPlain(p(args.map(toPlain), env), site);
    }
    catch (e) {
        if (e instanceof FunctionError)
            return (0,value_tree/* unknownNode */.fn)(text, e.message, site);
        throw e;
    }
}

// EXTERNAL MODULE: ./src/sources/evaluation/budget.ts
var budget = __webpack_require__(2772);
;// CONCATENATED MODULE: ./src/sources/arm/evaluate.ts




/** Functions that read the deployment at run time: their results are never known before deployment. */
const DEPLOYMENT_TIME = /^(list[a-z]*|reference|pickzones|providers|newguid|utcnow|guid|uniquestring|deployment|tenant|managementgroup)$/i;
const cache = new Map();
function parsed(src) {
    let e = cache.get(src);
    if (e === undefined) {
        try {
            e = parseExpression(src);
        }
        catch (err) {
            if (!(err instanceof ExpressionError))
                throw err;
            e = err;
        }
        if (cache.size > 20000)
            cache.clear();
        cache.set(src, e);
    }
    return e;
}
/**
 * A JSON string of a template: a literal, or an expression evaluated in the scope. The result, known or
 * not, is placed at `site` (the string's lines); an unknown result names the whole expression as written.
 */
function evaluateString(s, site, scope) {
    const t = expressionText(s);
    if ('literal' in t)
        return { kind: 'string', value: t.literal, origin: site };
    const expr = parsed(t.expression);
    if (expr instanceof ExpressionError)
        return (0,value_tree/* unknownNode */.fn)(s, `cannot parse expression: ${expr.message}`, site);
    const v = (0,value_tree/* placeAt */.BW)(new Evaluator(scope, site).eval(expr), site);
    return v.kind === 'unknown' ? { ...v, expression: s } : v;
}
/** ARM's lambda functions: the arguments (from the first) that are lambdas (template-functions-lambda). */
const LAMBDA_FUNCTIONS = {
    filter: 1,
    map: 1,
    sort: 1,
    groupby: 1,
    mapvalues: 1,
    reduce: 2,
    toobject: 1,
};
class Evaluator {
    scope;
    site;
    vars;
    constructor(scope, site, 
    /** The lambda variables in scope (`lambdaVariables('x')`), by name. */
    vars = new Map()) {
        this.scope = scope;
        this.site = site;
        this.vars = vars;
    }
    eval(e) {
        switch (e.k) {
            case 'str':
                return { kind: 'string', value: e.value, origin: this.site };
            case 'num':
                return { kind: 'number', value: e.value, origin: this.site };
            case 'prop':
                return this.access(this.eval(e.target), e.name, e.text, `.${e.name}`);
            case 'index': {
                const target = this.eval(e.target);
                const index = this.eval(e.index);
                if (index.kind === 'unknown')
                    return (0,value_tree/* unknownNode */.fn)(e.text, index.reason, this.site);
                if (index.kind === 'number')
                    return this.item(target, index.value, e.text);
                if (index.kind === 'string')
                    return this.access(target, index.value, e.text, `['${index.value}']`);
                return (0,value_tree/* unknownNode */.fn)(e.text, `cannot index with a ${index.kind}`, this.site);
            }
            case 'call':
                return this.call(e);
        }
    }
    /**
     * filter, map, sort, groupBy, mapValues, reduce, toObject with their lambdas (`lambda('x', 'i', body)`:
     * the variables, the item's index optional, then the body), as Microsoft's ARM template lambda functions
     * document them. An unknown collection, or a lambda result that decides the shape (a filter's bool, a
     * sort's order, a key) and is unknown, makes the result unknown with its reason; map keeps an unknown
     * item where it is.
     */
    lambdaCall(e, name) {
        const site = this.site;
        const lambdas = [];
        for (const a of e.args.slice(LAMBDA_FUNCTIONS[name])) {
            if (a.k !== 'call' || a.name.toLowerCase() !== 'lambda' || a.args.length < 2)
                return (0,value_tree/* unknownNode */.fn)(e.text, `${e.name}() needs a lambda`, site);
            const params = a.args.slice(0, -1).map((p) => (p.k === 'str' ? p.value : undefined));
            if (params.some((p) => p === undefined))
                return (0,value_tree/* unknownNode */.fn)(e.text, 'lambda variables must be strings', site);
            lambdas.push({ params: params, body: a.args.at(-1) });
        }
        if (lambdas.length === 0)
            return (0,value_tree/* unknownNode */.fn)(e.text, `${e.name}() needs a lambda`, site);
        const apply = (l, values) => {
            const vars = new Map(this.vars);
            l.params.forEach((p, i) => {
                if (values[i] !== undefined)
                    vars.set(p, values[i]);
            });
            return new Evaluator(this.scope, site, vars).eval(l.body);
        };
        const input = this.eval(e.args[0]);
        if (input.kind === 'unknown')
            return (0,value_tree/* unknownNode */.fn)(e.text, input.reason, site);
        const index = (i) => ({ kind: 'number', value: i, origin: site });
        const [fn, second] = lambdas;
        if (name === 'mapvalues') {
            if (input.kind !== 'object')
                return (0,value_tree/* unknownNode */.fn)(e.text, 'mapValues() needs an object', site);
            const attrs = {};
            for (const [k, v] of Object.entries(input.attrs))
                attrs[k] = apply(fn, [v]);
            return { kind: 'object', attrs, origin: site };
        }
        if (input.kind !== 'list')
            return (0,value_tree/* unknownNode */.fn)(e.text, `${e.name}() needs an array`, site);
        const items = input.items;
        switch (name) {
            case 'map':
                return { kind: 'list', items: items.map((x, i) => apply(fn, [x, index(i)])), origin: site };
            case 'filter': {
                const kept = [];
                for (const [i, x] of items.entries()) {
                    const keep = apply(fn, [x, index(i)]);
                    if (keep.kind === 'unknown')
                        return (0,value_tree/* unknownNode */.fn)(e.text, keep.reason, site);
                    if (keep.kind !== 'bool')
                        return (0,value_tree/* unknownNode */.fn)(e.text, 'the lambda of filter() must return a bool', site);
                    if (keep.value)
                        kept.push(x);
                }
                return { kind: 'list', items: kept, origin: site };
            }
            case 'reduce': {
                let acc = this.eval(e.args[1]);
                for (const [i, x] of items.entries())
                    acc = apply(fn, [acc, x, index(i)]);
                return acc.kind === 'unknown' ? (0,value_tree/* unknownNode */.fn)(e.text, acc.reason, site) : acc;
            }
            case 'sort': {
                let why;
                const sorted = [...items].sort((a, b) => {
                    if (why !== undefined)
                        return 0;
                    const less = apply(fn, [a, b]);
                    if (less.kind === 'bool')
                        return less.value ? -1 : apply(fn, [b, a]).kind === 'bool' ? 1 : 0;
                    why =
                        less.kind === 'unknown' ? (less.reason ?? 'unknown') : 'the lambda of sort() must return a bool';
                    return 0;
                });
                return why !== undefined ? (0,value_tree/* unknownNode */.fn)(e.text, why, site) : { kind: 'list', items: sorted, origin: site };
            }
            case 'groupby':
            case 'toobject': {
                const attrs = {};
                for (const x of items) {
                    const key = apply(fn, [x]);
                    if (key.kind === 'unknown')
                        return (0,value_tree/* unknownNode */.fn)(e.text, key.reason, site);
                    if (key.kind !== 'string')
                        return (0,value_tree/* unknownNode */.fn)(e.text, `the key lambda of ${e.name}() must return a string`, site);
                    if (name === 'groupby') {
                        const group = attrs[key.value];
                        attrs[key.value] = {
                            kind: 'list',
                            items: [...(group?.kind === 'list' ? group.items : []), x],
                            origin: site,
                        };
                    }
                    else
                        attrs[key.value] = second ? apply(second, [x]) : x;
                }
                return { kind: 'object', attrs, origin: site };
            }
        }
        return (0,value_tree/* unknownNode */.fn)(e.text, `function ${e.name}() is not evaluated`, site);
    }
    /** Property of an object. On an unknown with a ref (a `reference()`), the ref's attribute path grows. */
    access(target, name, text, step) {
        if (target.kind === 'unknown')
            return this.deeper(target, text, step);
        if (target.kind === 'object')
            return (0,value_tree/* memberCI */.bG)(target, name) ?? (0,value_tree/* unknownNode */.fn)(text, `the object has no property "${name}"`, this.site);
        return (0,value_tree/* unknownNode */.fn)(text, `cannot read property "${name}" of a ${target.kind}`, this.site);
    }
    item(target, index, text) {
        if (target.kind === 'unknown')
            return this.deeper(target, text, `[${index}]`);
        if (target.kind === 'list')
            return target.items[index] ?? (0,value_tree/* unknownNode */.fn)(text, `index ${index} is out of range`, this.site);
        if (target.kind === 'string' && index < target.value.length)
            return { kind: 'string', value: target.value[index], origin: this.site };
        return (0,value_tree/* unknownNode */.fn)(text, `cannot index a ${target.kind}`, this.site);
    }
    deeper(u, text, step) {
        if (!u.ref)
            return (0,value_tree/* unknownNode */.fn)(text, u.reason, this.site);
        const attribute = u.ref.attribute === '' ? step.replace(/^\./, '') : `${u.ref.attribute}${step}`;
        return (0,value_tree/* unknownNode */.fn)(text, u.reason, this.site, { resource: u.ref.resource, attribute });
    }
    call(e) {
        const name = e.name.toLowerCase();
        const site = this.site;
        switch (name) {
            case 'parameters':
            case 'variables': {
                const key = this.eval(e.args[0] ?? { k: 'str', value: '', text: "''" });
                if (key.kind === 'unknown')
                    return (0,value_tree/* unknownNode */.fn)(e.text, key.reason, site);
                if (key.kind !== 'string')
                    return (0,value_tree/* unknownNode */.fn)(e.text, `${e.name}() needs a name`, site);
                const v = name === 'parameters' ? this.scope.parameter(key.value) : this.scope.variable(key.value);
                return (v ??
                    (0,value_tree/* unknownNode */.fn)(e.text, `no ${name === 'parameters' ? 'parameter' : 'variable'} named "${key.value}"`, site));
            }
            case 'copyindex': {
                let loop;
                let offset = 0;
                for (const a of e.args.map((x) => this.eval(x))) {
                    if (a.kind === 'string')
                        loop = a.value;
                    else if (a.kind === 'number')
                        offset = a.value;
                    else if (a.kind === 'unknown')
                        return (0,value_tree/* unknownNode */.fn)(e.text, a.reason, site);
                }
                const i = this.scope.copyIndex(loop);
                return typeof i === 'number'
                    ? { kind: 'number', value: i + offset, origin: site }
                    : (0,value_tree/* unknownNode */.fn)(e.text, i, site);
            }
            case 'if': {
                const c = this.eval(e.args[0]);
                if (c.kind === 'bool')
                    return this.eval(e.args[c.value ? 1 : 2]);
                if (c.kind === 'unknown')
                    return (0,value_tree/* unknownNode */.fn)(e.text, c.reason, site);
                return (0,value_tree/* unknownNode */.fn)(e.text, 'if() needs a bool condition', site);
            }
            case 'and':
            case 'or': {
                // Short-circuit on a deciding known operand even when another operand is unknown.
                const decisive = name === 'or';
                let pending;
                for (const a of e.args) {
                    const v = this.eval(a);
                    if (v.kind === 'bool') {
                        if (v.value === decisive)
                            return { kind: 'bool', value: decisive, origin: site };
                    }
                    else if (v.kind === 'unknown')
                        pending ??= v;
                    else
                        return (0,value_tree/* unknownNode */.fn)(e.text, `${e.name}() needs bool operands`, site);
                }
                return pending ? (0,value_tree/* unknownNode */.fn)(e.text, pending.reason, site) : { kind: 'bool', value: !decisive, origin: site };
            }
            case 'coalesce': {
                for (const a of e.args) {
                    const v = this.eval(a);
                    if (v.kind === 'unknown')
                        return (0,value_tree/* unknownNode */.fn)(e.text, v.reason, site, v.ref);
                    if (v.kind !== 'null')
                        return v;
                }
                return { kind: 'null', origin: site };
            }
            case 'reference': {
                const target = this.eval(e.args[0] ?? { k: 'str', value: '', text: "''" });
                const full = e.args.length >= 3 && /^'full'$/i.test(e.args[2].text);
                return this.scope.reference(target, full, site, e.text);
            }
            case 'lambdavariables': {
                const key = e.args[0]?.k === 'str' ? e.args[0].value : undefined;
                const v = key !== undefined ? this.vars.get(key) : undefined;
                return v ?? (0,value_tree/* unknownNode */.fn)(e.text, `lambdaVariables() outside a lambda that declares ${key ?? 'it'}`, site);
            }
            case 'lambda':
                return (0,value_tree/* unknownNode */.fn)(e.text, 'a lambda is only a value as the argument of filter(), map() and the like', site);
            case 'resourceinfo': {
                const sym = e.args[0]?.k === 'str' ? e.args[0].value : undefined;
                const info = sym !== undefined ? this.scope.resourceInfo?.(sym, site) : undefined;
                return info ?? (0,value_tree/* unknownNode */.fn)(e.text, 'resourceInfo() of a resource not in this template', site);
            }
        }
        if (Object.hasOwn(LAMBDA_FUNCTIONS, name)) {
            const v = this.lambdaCall(e, name);
            (0,budget/* spend */.Rf)((0,budget/* sizeOf */.$d)(v), site);
            return v;
        }
        if (DEPLOYMENT_TIME.test(name))
            return (0,value_tree/* unknownNode */.fn)(e.text, `function ${e.name}() is resolved at deployment`, site);
        const args = e.args.map((a) => this.eval(a));
        const v = applyFunction(e.name, args, site, this.scope, e.text);
        if (!v)
            return (0,value_tree/* unknownNode */.fn)(e.text, `function ${e.name}() is not evaluated`, site);
        // concat(x, x) over variables doubles a value per step: what a function makes is spent.
        (0,budget/* spend */.Rf)((0,budget/* sizeOf */.$d)(v), site);
        return v;
    }
}

;// CONCATENATED MODULE: ./src/sources/arm/template.ts
/**
 * Walks one ARM template (and the templates it nests) into resource instances: parameters and variables
 * evaluated lazily, copy loops and conditions expanded, child resources given their composed type and
 * name, nested deployments (inline or linked by relative path) run with their own or the outer scope.
 *
 * Names and types are expanded before any body is evaluated, so that `reference()` can find a resource
 * declared later in the template, and the outputs of a nested deployment are computed when first needed.
 */










const NO_LOOPS = { byName: {} };
/**
 * A JSON node that already holds its value (an unknown part of a value tree laid out as JSON,
 * src/sources/arm/embedded.ts): taken as it is, not evaluated as template text.
 */
const PRESET = Symbol('preset value');
/** ARM refuses a copy loop of more than 800 (resources, properties, variables and outputs alike). */
const MAX_COPY = 800;
/** Deepest nesting of deployments followed (ARM itself stops a deployment tree well before this). */
const MAX_DEPLOYMENT_DEPTH = 32;
const DEPLOYMENTS = 'microsoft.resources/deployments';
/** Keys of a resource that are not part of what Azure stores. */
const META = new Set([
    'type',
    'apiversion',
    'copy',
    'condition',
    'dependson',
    'resources',
    'comments',
    'existing',
]);
function nameText(v) {
    return v.kind === 'string' ? v.value : v.kind === 'number' ? String(v.value) : undefined;
}
const eqi = (a, b) => a.toLowerCase() === b.toLowerCase();
/**
 * `/\u2026/providers/Microsoft.Network/routeTables/rt/routes/r` or `Microsoft.Network/routeTables/rt` \u2192 type and
 * full name.
 */
function parseId(id) {
    const parts = id.split('/').filter((p) => p !== '');
    let i = -1;
    for (let k = parts.length - 1; k >= 0; k--)
        if (eqi(parts[k], 'providers')) {
            i = k + 1;
            break;
        }
    if (i < 0)
        i = /^[A-Za-z0-9]+\.[A-Za-z0-9.]+$/.test(parts[0] ?? '') ? 0 : -1;
    if (i < 0)
        return undefined;
    const rest = parts.slice(i + 1);
    if (rest.length < 2 || rest.length % 2 !== 0)
        return undefined;
    const types = rest.filter((_, k) => k % 2 === 0);
    const names = rest.filter((_, k) => k % 2 === 1);
    return { type: `${parts[i]}/${types.join('/')}`, name: names.join('/') };
}
/** The ARM id of an instance, in the same form `resourceId()` produces. */
function armIdOf(type, name) {
    const [ns, ...types] = type.split('/');
    const names = name.split('/');
    const segments = [ns];
    types.forEach((t, i) => segments.push(t, names[i] ?? ''));
    return `/subscriptions/${SUBSCRIPTION_PLACEHOLDER}/resourceGroups/${RESOURCE_GROUP_PLACEHOLDER}/providers/${segments.join('/')}`;
}
class TemplateLevel {
    sink;
    doc;
    template;
    supplied;
    prefix;
    outer;
    unsupplied;
    condition;
    target;
    params = new Map();
    vars = new Map();
    instances = [];
    /**
     * @param supplied parameter values (lower-case names) from a parameter file or a nested deployment
     * @param outer for nested templates with the (default) outer evaluation scope: whose parameters and
     *   variables the expressions see
     * @param unsupplied why a parameter not in `supplied` is unknown, when something not read (a
     *   parametersLink) may set any of them: its default value would be a guess
     */
    constructor(sink, doc, template, supplied, prefix, outer, unsupplied, 
    /** The condition of the nested deployment that runs this template, when the scan cannot evaluate it. */
    condition, 
    /**
     * Where its resources are deployed, when a nested deployment says it (`resourceGroup`,
     * `subscriptionId`): their Azure identity (two same-named VNets in two groups are two VNets).
     */
    target = {}) {
        this.sink = sink;
        this.doc = doc;
        this.template = template;
        this.supplied = supplied;
        this.prefix = prefix;
        this.outer = outer;
        this.unsupplied = unsupplied;
        this.condition = condition;
        this.target = target;
    }
    /** What `resourceGroup()`, `subscription()` and `resourceId()` mean here (outer scope: the parent's). */
    functionTarget() {
        return this.outer ? this.outer.functionTarget() : this.target;
    }
    /** Expands and evaluates every resource of the template; returns the template's outputs. */
    run() {
        const resources = (0,json_lines/* prop */._w)(this.template, 'resources');
        if (resources?.type === 'object')
            for (const [symbol, node] of (0,json_lines/* entries */.jO)(resources))
                this.expand(node, NO_LOOPS, symbol);
        else
            for (const node of (0,json_lines/* elements */.Yt)(resources))
                this.expand(node, NO_LOOPS);
        for (const inst of this.instances)
            this.evaluate(inst);
        return this.outputs();
    }
    // ---- parameters and variables ------------------------------------------------------------------
    parameter(name) {
        if (this.outer)
            return this.outer.parameter(name);
        const key = name.toLowerCase();
        const memo = this.params.get(key);
        const decl = (0,json_lines/* prop */._w)((0,json_lines/* prop */._w)(this.template, 'parameters'), name);
        // Defaults that refer to each other (a \u2192 b \u2192 a) would recurse for ever: the cycle is unknown.
        if (memo === 'running')
            return (0,value_tree/* unknownNode */.fn)(`parameters('${name}')`, `the default value of parameter "${name}" refers to itself`, (0,json_lines/* originOf */.yv)(this.doc, decl ?? this.template));
        if (memo)
            return memo;
        if (!decl)
            return undefined;
        this.params.set(key, 'running');
        const def = (0,json_lines/* prop */._w)(decl, 'defaultValue');
        const nullable = (0,json_lines/* prop */._w)(decl, 'nullable');
        const v = this.supplied.get(key) ??
            (this.unsupplied !== undefined
                ? (0,value_tree/* unknownNode */.fn)(`parameters('${name}')`, this.unsupplied, (0,json_lines/* originOf */.yv)(this.doc, decl))
                : def
                    ? this.value(def, NO_LOOPS)
                    : // A nullable parameter (Bicep `param lock lockType?`) nobody sets is null, as at deployment.
                        nullable?.type === 'boolean' && nullable.value === true
                            ? { kind: 'null', origin: (0,json_lines/* originOf */.yv)(this.doc, decl) }
                            : (0,value_tree/* unknownNode */.fn)(`parameters('${name}')`, `parameter "${name}" has no value (no default value and no parameter file sets it)`, (0,json_lines/* originOf */.yv)(this.doc, decl)));
        this.params.set(key, v);
        return v;
    }
    variable(name) {
        if (this.outer)
            return this.outer.variable(name);
        const key = name.toLowerCase();
        const memo = this.vars.get(key);
        if (memo === 'running')
            return (0,value_tree/* unknownNode */.fn)(`variables('${name}')`, `variable "${name}" refers to itself`, (0,json_lines/* originOf */.yv)(this.doc, this.template));
        if (memo)
            return memo;
        const section = (0,json_lines/* prop */._w)(this.template, 'variables');
        let v;
        this.vars.set(key, 'running');
        const node = (0,json_lines/* entries */.jO)(section).find(([k]) => k.toLowerCase() === key && k !== 'copy')?.[1];
        if (node)
            v = this.value(node, NO_LOOPS);
        else {
            // Variable copy loops: `variables.copy: [{ name, count, input }]`.
            const spec = (0,json_lines/* elements */.Yt)((0,json_lines/* prop */._w)(section, 'copy')).find((c) => eqi((0,json_lines/* stringOf */.Je)((0,json_lines/* prop */._w)(c, 'name')) ?? '', name));
            if (spec)
                v = this.copyList(spec, name, NO_LOOPS);
        }
        if (v)
            this.vars.set(key, v);
        else
            this.vars.delete(key);
        return v;
    }
    // ---- values --------------------------------------------------------------------------------------
    scope(loops) {
        const target = this.functionTarget();
        return {
            cloud: this.sink.cloud,
            ...(target.resourceGroup !== undefined ? { resourceGroupName: target.resourceGroup } : {}),
            ...(target.subscriptionId !== undefined ? { subscriptionId: target.subscriptionId } : {}),
            parameter: (n) => this.parameter(n),
            variable: (n) => this.variable(n),
            copyIndex: (loop) => {
                const key = (loop ?? loops.current)?.toLowerCase();
                if (key === undefined)
                    return 'copyIndex() is used outside a copy loop';
                return loops.byName[key] ?? `copyIndex('${loop}') is used outside that loop`;
            },
            reference: (target, full, site, text) => this.reference(target, full, site, text),
            resourceInfo: (symbol, site) => this.resourceInfo(symbol, site),
        };
    }
    /**
     * A JSON node of the template evaluated: strings as expressions, objects with their property copy loops.
     */
    value(node, loops) {
        const origin = (0,json_lines/* originOf */.yv)(this.doc, node);
        switch (node.type) {
            case 'string':
                return (node[PRESET] ??
                    evaluateString(node.value, origin, this.scope(loops)));
            case 'number':
                return { kind: 'number', value: node.value, origin };
            case 'boolean':
                return { kind: 'bool', value: node.value, origin };
            case 'null':
                return { kind: 'null', origin };
            case 'array':
                return { kind: 'list', items: (0,json_lines/* elements */.Yt)(node).map((n) => this.value(n, loops)), origin };
            default: {
                const attrs = {};
                for (const [k, v] of (0,json_lines/* entries */.jO)(node)) {
                    if (k === 'copy' && v.type === 'array') {
                        for (const spec of (0,json_lines/* elements */.Yt)(v)) {
                            const name = (0,json_lines/* stringOf */.Je)((0,json_lines/* prop */._w)(spec, 'name'));
                            if (name !== undefined)
                                attrs[name] = this.copyList(spec, name, loops);
                        }
                    }
                    else
                        attrs[k] = this.value(v, loops);
                }
                return { kind: 'object', attrs, origin };
            }
        }
    }
    /** `{ name, count, input }` \u2192 the list of inputs, each with copyIndex(name) set. */
    copyList(spec, name, loops) {
        const origin = (0,json_lines/* originOf */.yv)(this.doc, spec);
        const countNode = (0,json_lines/* prop */._w)(spec, 'count');
        const input = (0,json_lines/* prop */._w)(spec, 'input');
        const count = countNode ? this.value(countNode, loops) : (0,value_tree/* unknownNode */.fn)('count', 'copy loop without count', origin);
        if (count.kind === 'unknown')
            return (0,value_tree/* unknownNode */.fn)(`copy ${name}`, `the count of copy loop "${name}" is not known: ${count.reason}`, origin);
        const n = countOf(count);
        if (n === undefined || !input)
            return (0,value_tree/* unknownNode */.fn)(`copy ${name}`, `copy loop "${name}" has no usable count or input`, origin);
        if (n > MAX_COPY)
            return (0,value_tree/* unknownNode */.fn)(`copy ${name}`, `copy loop "${name}" counts ${n}, over ARM's limit of ${MAX_COPY}`, origin);
        (0,budget/* spend */.Rf)(n, origin);
        const items = [];
        for (let i = 0; i < n; i++)
            items.push(this.value(input, { byName: { ...loops.byName, [name.toLowerCase()]: i }, current: loops.current }));
        return { kind: 'list', items, origin };
    }
    // ---- resources -----------------------------------------------------------------------------------
    expand(node, parentLoops, symbol, parent) {
        const copy = (0,json_lines/* prop */._w)(node, 'copy');
        const loopsList = [];
        if (copy?.type === 'object') {
            const loopName = ((0,json_lines/* stringOf */.Je)((0,json_lines/* prop */._w)(copy, 'name')) ?? symbol ?? 'copy').toLowerCase();
            const countNode = (0,json_lines/* prop */._w)(copy, 'count');
            const count = countNode ? this.value(countNode, parentLoops) : undefined;
            const counted = count && countOf(count);
            const n = counted !== undefined && counted <= MAX_COPY ? counted : undefined;
            if (n !== undefined)
                (0,budget/* spend */.Rf)(n, (0,json_lines/* originOf */.yv)(this.doc, copy));
            if (n !== undefined)
                for (let i = 0; i < n; i++)
                    loopsList.push({ byName: { ...parentLoops.byName, [loopName]: i }, current: loopName });
            else {
                const why = count?.kind === 'unknown'
                    ? count.reason
                    : counted !== undefined
                        ? `${counted} is over ARM's limit of ${MAX_COPY}`
                        : 'no usable count';
                const reason = `the count of copy loop "${loopName}" is not known (${why})`;
                loopsList.push({ byName: { ...parentLoops.byName, [loopName]: reason }, current: loopName });
                if (mayDeployModelled(node, parent?.type))
                    this.notice(node, `${this.describe(node)}: ${reason}; judged as one instance with unknown values`, countNode);
            }
        }
        else
            loopsList.push(parentLoops);
        for (const loops of loopsList) {
            const cond = (0,json_lines/* prop */._w)(node, 'condition');
            // A child resource or a nested deployment's resources exist only if their parent does.
            let condition = parent ? parent.condition : this.condition;
            if (cond) {
                const c = this.value(cond, loops);
                if (c.kind === 'bool' && !c.value)
                    continue;
                if (c.kind !== 'bool') {
                    const why = c.kind === 'unknown' ? (c.reason ?? 'computed') : 'not a bool';
                    const text = (0,json_lines/* stringOf */.Je)(cond) ?? (0,value_tree/* render */.XX)(c);
                    condition = (0,value/* unknown */.L5)(text, `its condition ${text} cannot be evaluated (${why})`, (0,json_lines/* originOf */.yv)(this.doc, cond));
                    if (mayDeployModelled(node, parent?.type))
                        this.notice(node, `${this.describe(node)}: the condition cannot be evaluated (${why}); judged as deployed, except where being deployed could let KMS through (README: conditions)`, cond);
                }
            }
            const typeNode = (0,json_lines/* prop */._w)(node, 'type');
            const ownType = typeNode ? this.value(typeNode, loops) : undefined;
            if (ownType?.kind !== 'string') {
                this.notice(node, `${this.describe(node)}: the resource type cannot be evaluated; resource skipped`, typeNode);
                // It may be any resource: a route, a rule, an association.
                this.sink.unread.push({
                    what: this.describe(node),
                    why: `the resource type cannot be evaluated${ownType?.kind === 'unknown' ? ` (${ownType.reason ?? 'computed'})` : ''}`,
                    origin: (0,json_lines/* originOf */.yv)(this.doc, typeNode ?? node),
                    kind: 'unplaced',
                    ...(this.target.stated !== undefined ? { subscription: this.target.stated } : {}),
                });
                continue;
            }
            const nameNode = (0,json_lines/* prop */._w)(node, 'name');
            const ownName = nameNode
                ? this.value(nameNode, loops)
                : (0,value_tree/* unknownNode */.fn)('name', 'no name', (0,json_lines/* originOf */.yv)(this.doc, node));
            // A nested child spells a short type and name (`routes`, `r1`); a full type comes with a full name.
            const short = parent !== undefined && !ownType.value.includes('/');
            const type = short ? `${parent.type}/${ownType.value}` : ownType.value;
            const name = short ? this.joinNames(parent.name, ownName) : ownName;
            const index = loops.current !== undefined ? loops.byName[loops.current] : undefined;
            const shownName = nameText(name) ??
                `${(0,json_lines/* stringOf */.Je)(nameNode) ?? (0,value_tree/* render */.XX)(name)}${typeof index === 'number' ? `[${index}]` : ''}`;
            const address = `${this.prefix}${type}/${shownName}`;
            const inst = {
                level: this,
                node,
                symbol,
                type,
                name,
                loops,
                address,
                id: this.uniqueId(address),
                existing: (0,json_lines/* prop */._w)(node, 'existing')?.value === true,
                state: 'pending',
            };
            if (condition)
                inst.condition = condition;
            this.instances.push(inst);
            this.sink.instances.push(inst);
            // A copy loop of unknown count whose instances' names are not known either may redeclare any route
            // table, NSG or VNet of its scope (a PUT replaces it): judged as one instance, and named as a loop.
            // (A child's unknown name leaves its parent unknown: src/sources/mapping/may-change.ts names it.)
            if (typeof index === 'string' &&
                name.kind === 'unknown' &&
                type.split('/').length === 2 &&
                !inst.existing &&
                (0,may_change/* mayChangePaths */.SX)(type))
                this.sink.unread.push({
                    what: address,
                    why: `${index}; its instances' names are not known either`,
                    origin: (0,json_lines/* originOf */.yv)(this.doc, (0,json_lines/* prop */._w)(node, 'copy') ?? node),
                    kind: 'loop',
                    ...(this.target.stated !== undefined ? { subscription: this.target.stated } : {}),
                });
            for (const child of (0,json_lines/* elements */.Yt)((0,json_lines/* prop */._w)(node, 'resources')))
                this.expand(child, loops, undefined, { type, name, ...(condition ? { condition } : {}) });
        }
    }
    joinNames(parent, own) {
        const p = nameText(parent);
        const o = nameText(own);
        if (p !== undefined && o !== undefined)
            return { kind: 'string', value: `${p}/${o}`, origin: own.origin };
        const u = own.kind === 'unknown' ? own : parent;
        return (0,value_tree/* unknownNode */.fn)(`${(0,value_tree/* render */.XX)(parent)}/${(0,value_tree/* render */.XX)(own)}`, u.kind === 'unknown' ? u.reason : 'name is not a string', own.origin);
    }
    uniqueId(address) {
        const base = `${this.sink.idBase}#${address}`;
        let id = base;
        for (let n = 2; this.sink.usedIds.has(id); n++)
            id = `${base}#${n}`;
        this.sink.usedIds.add(id);
        return id;
    }
    evaluate(inst) {
        if (inst.state !== 'pending' || inst.existing)
            return;
        inst.state = 'running';
        if (eqi(inst.type, DEPLOYMENTS))
            this.runDeployment(inst);
        else {
            const attrs = {};
            for (const [k, v] of (0,json_lines/* entries */.jO)(inst.node))
                if (!META.has(k.toLowerCase()))
                    attrs[k] = this.value(v, inst.loops);
            attrs.name = inst.name;
            const origin = (0,json_lines/* originOf */.yv)(this.doc, inst.node);
            const input = {
                armType: inst.type,
                name: this.nameValue(inst.name),
                body: { kind: 'object', attrs, origin },
                id: inst.id,
                address: inst.address,
                origin,
                format: 'arm',
                sourceType: inst.type,
            };
            if (this.sink.variant !== undefined)
                input.variant = this.sink.variant;
            if (inst.condition)
                input.condition = inst.condition;
            if (this.target.resourceGroup !== undefined)
                input.resourceGroup = (0,value/* known */.eO)(this.target.resourceGroup, origin);
            // A nested deployment's subscriptionId: two same-named VNets in two subscriptions are two VNets.
            const sub = this.target.subscriptionId;
            if (sub !== undefined && !sub.includes('{'))
                input.subscription = sub.toLowerCase();
            if (this.target.stated !== undefined)
                input.stated = this.target.stated;
            const after = this.dependencies(inst);
            if (after.length > 0)
                input.dependsOn = after;
            this.sink.resources.push(input);
        }
        inst.state = 'done';
    }
    /** The model ids of the resources a `dependsOn` names (ids, names or symbolic names in this deployment). */
    dependencies(inst) {
        const out = [];
        for (const entry of (0,json_lines/* elements */.Yt)((0,json_lines/* prop */._w)(inst.node, 'dependsOn'))) {
            const v = this.value(entry, inst.loops);
            const target = nameText(v);
            const dep = target !== undefined ? this.find(target) : undefined;
            if (dep)
                out.push(dep.id);
        }
        return out;
    }
    nameValue(v) {
        const t = nameText(v);
        if (t !== undefined)
            return (0,value/* known */.eO)(t, v.origin);
        if (v.kind === 'unknown')
            return (0,value/* unknown */.L5)(v.expression, v.reason, v.origin, v.ref);
        return (0,value/* unknown */.L5)((0,value_tree/* render */.XX)(v), 'the name is not a string', v.origin);
    }
    // ---- nested deployments --------------------------------------------------------------------------
    runDeployment(inst) {
        const props = (0,json_lines/* prop */._w)(inst.node, 'properties');
        const inner = eqi((0,json_lines/* stringOf */.Je)((0,json_lines/* prop */._w)((0,json_lines/* prop */._w)(props, 'expressionEvaluationOptions'), 'scope')) ?? 'outer', 'inner');
        const prefix = `${this.prefix}${inst.type}/${nameText(inst.name) ?? '?'}/`;
        let doc = this.doc;
        let template = (0,json_lines/* prop */._w)(props, 'template');
        let linked = false;
        if (!template) {
            const link = (0,json_lines/* prop */._w)(props, 'templateLink');
            const rel = (0,json_lines/* stringOf */.Je)((0,json_lines/* prop */._w)(link, 'relativePath'));
            const file = rel !== undefined ? external_node_path_.join(external_node_path_.dirname(this.doc.path), rel) : undefined;
            const read = file !== undefined ? this.sink.readFile(file) : undefined;
            const cycle = file !== undefined && (this.sink.running ?? []).includes(file);
            const parsed = file !== undefined && read?.ok && !cycle ? (0,json_lines/* parseJson */.qF)(file, read.text) : undefined;
            if (cycle)
                this.sink.cyclic = true;
            if (!parsed?.ok) {
                const what = rel === undefined
                    ? (0,json_lines/* stringOf */.Je)((0,json_lines/* prop */._w)(link, 'id')) !== undefined && (0,json_lines/* stringOf */.Je)((0,json_lines/* prop */._w)(link, 'uri')) === undefined
                        ? 'template specs (templateLink.id) are not followed'
                        : 'templates linked by URI are not followed'
                    : cycle
                        ? `the linked template ${rel} links back to a template it is part of (a cycle); not followed again`
                        : read && !read.ok
                            ? `the linked template ${rel} ${read.reason}`
                            : parsed && !parsed.ok
                                ? `the linked template ${rel} cannot be read (${parsed.message})`
                                : `the linked template ${rel} is not in the scan`;
                this.notice(inst.node, `${inst.address}: ${what}; its resources are not judged`, link);
                const stated = this.targetOf(inst).stated;
                this.sink.unread.push({
                    what: inst.address,
                    why: what,
                    origin: (0,json_lines/* originOf */.yv)(this.doc, link ?? inst.node),
                    ...(stated !== undefined ? { subscription: stated } : {}),
                });
                inst.outputs = (0,value_tree/* unknownNode */.fn)(inst.address, what, (0,json_lines/* originOf */.yv)(this.doc, inst.node));
                return;
            }
            this.sink.linked.add(parsed.doc.path);
            doc = parsed.doc;
            template = parsed.doc.root;
            linked = true;
        }
        let level;
        if (inner || linked) {
            const supplied = new Map();
            for (const [k, v] of (0,json_lines/* entries */.jO)((0,json_lines/* prop */._w)(props, 'parameters'))) {
                // Parameter copy loops (what Bicep emits for `params: { routes: [for \u2026] }`): each loop is the
                // value of the parameter it names.
                if (k === 'copy' && v.type === 'array') {
                    for (const spec of (0,json_lines/* elements */.Yt)(v)) {
                        const name = (0,json_lines/* stringOf */.Je)((0,json_lines/* prop */._w)(spec, 'name'));
                        if (name !== undefined)
                            supplied.set(name.toLowerCase(), this.copyList(spec, name, inst.loops));
                    }
                    continue;
                }
                supplied.set(k.toLowerCase(), this.suppliedParameter(k, v, inst.loops));
            }
            const parametersLink = (0,json_lines/* prop */._w)(props, 'parametersLink');
            if (parametersLink)
                this.notice(inst.node, `${inst.address}: parametersLink is not followed; the parameters it may set are unknown`);
            const unsupplied = parametersLink
                ? 'set by a parameters file linked by URI, which is not followed'
                : undefined;
            level = new TemplateLevel(this.sink, doc, template, supplied, prefix, undefined, unsupplied, inst.condition, this.targetOf(inst));
        }
        else
            level = new TemplateLevel(this.sink, doc, template, new Map(), prefix, this, undefined, inst.condition, this.targetOf(inst));
        const running = (this.sink.running ??= []);
        if (running.length >= MAX_DEPLOYMENT_DEPTH) {
            const what = `deployments nested more than ${MAX_DEPLOYMENT_DEPTH} deep are not followed`;
            this.notice(inst.node, `${inst.address}: ${what}; its resources are not judged`);
            const stated = this.targetOf(inst).stated;
            this.sink.unread.push({
                what: inst.address,
                why: what,
                origin: (0,json_lines/* originOf */.yv)(this.doc, inst.node),
                ...(stated !== undefined ? { subscription: stated } : {}),
            });
            inst.outputs = (0,value_tree/* unknownNode */.fn)(inst.address, what, (0,json_lines/* originOf */.yv)(this.doc, inst.node));
            return;
        }
        running.push(doc.path);
        try {
            const outputs = level.run();
            inst.outputs = { kind: 'object', attrs: { outputs }, origin: outputs.origin };
        }
        finally {
            running.pop();
        }
    }
    /**
     * Where a nested deployment deploys: its `resourceGroup` / `subscriptionId` when known, else this
     * level's own target (a deployment without them deploys where its parent does). A resource group
     * the scan cannot evaluate leaves it unsaid: references then match by name, as without nesting.
     */
    targetOf(inst) {
        const text = (key) => {
            const node = (0,json_lines/* prop */._w)(inst.node, key);
            const v = node ? this.value(node, inst.loops) : undefined;
            return v?.kind === 'string' ? v.value : node ? null : undefined;
        };
        const rg = text('resourceGroup');
        const sub = text('subscriptionId');
        const out = {};
        const ownRg = rg === undefined && sub === undefined ? this.target.resourceGroup : (rg ?? undefined);
        const ownSub = sub === undefined ? this.target.subscriptionId : (sub ?? undefined);
        if (ownRg !== undefined)
            out.resourceGroup = ownRg;
        if (ownSub !== undefined)
            out.subscriptionId = ownSub;
        // A management group or tenant scope reaches every subscription under it; a subscriptionId the scan
        // cannot evaluate may be any; `subscription().subscriptionId` (a placeholder here) is the deployment's.
        const scope = text('scope');
        const stated = (0,json_lines/* prop */._w)(inst.node, 'managementGroupId') !== undefined ||
            scope === null ||
            (scope !== undefined && /managementGroups|^\/$/i.test(scope))
            ? 'any'
            : sub === null
                ? 'any'
                : sub !== undefined && !sub.includes('{')
                    ? sub.toLowerCase()
                    : this.target.stated;
        if (stated !== undefined)
            out.stated = stated;
        return out;
    }
    /**
     * A nested deployment's `parameters.<k>`: `{ value }`, or a Key Vault `{ reference }` read at deployment.
     */
    suppliedParameter(k, v, loops) {
        const valueNode = (0,json_lines/* prop */._w)(v, 'value');
        if (valueNode)
            return this.value(valueNode, loops);
        const origin = (0,json_lines/* originOf */.yv)(this.doc, v);
        if ((0,json_lines/* prop */._w)(v, 'reference'))
            return (0,value_tree/* unknownNode */.fn)(`parameters.${k}`, `parameter "${k}" is a Key Vault reference, resolved at deployment`, origin);
        return (0,value_tree/* unknownNode */.fn)(`parameters.${k}`, `parameter "${k}" is passed without a value`, origin);
    }
    outputs() {
        const section = (0,json_lines/* prop */._w)(this.template, 'outputs');
        const attrs = {};
        for (const [k, v] of (0,json_lines/* entries */.jO)(section)) {
            const cond = (0,json_lines/* prop */._w)(v, 'condition');
            const c = cond ? this.value(cond, NO_LOOPS) : undefined;
            if (c?.kind === 'bool' && !c.value)
                continue;
            const copy = (0,json_lines/* prop */._w)(v, 'copy');
            // An output whose condition is not known may not exist: its value is not known either.
            const value = c && c.kind !== 'bool'
                ? (0,value_tree/* unknownNode */.fn)(`outputs.${k}`, `the condition of output "${k}" cannot be evaluated (${c.kind === 'unknown' ? c.reason : 'not a bool'})`, (0,json_lines/* originOf */.yv)(this.doc, v))
                : copy?.type === 'object'
                    ? this.copyList(copy, (0,json_lines/* stringOf */.Je)((0,json_lines/* prop */._w)(copy, 'name')) ?? k, NO_LOOPS)
                    : (0,json_lines/* prop */._w)(v, 'value')
                        ? this.value((0,json_lines/* prop */._w)(v, 'value'), NO_LOOPS)
                        : (0,value_tree/* unknownNode */.fn)(`outputs.${k}`, 'output without value', (0,json_lines/* originOf */.yv)(this.doc, v));
            const type = (0,json_lines/* stringOf */.Je)((0,json_lines/* prop */._w)(v, 'type'));
            attrs[k] = {
                kind: 'object',
                attrs: type !== undefined
                    ? { type: { kind: 'string', value: type, origin: value.origin }, value }
                    : { value },
                origin: value.origin,
            };
        }
        return {
            kind: 'object',
            attrs,
            origin: section ? (0,json_lines/* originOf */.yv)(this.doc, section) : (0,json_lines/* originOf */.yv)(this.doc, this.template),
        };
    }
    // ---- references ----------------------------------------------------------------------------------
    /** An instance by symbolic name, ARM id or plain name: this level first, then the whole deployment. */
    find(target) {
        const bySymbol = this.instances.find((i) => i.symbol !== undefined && i.symbol === target);
        if (bySymbol)
            return bySymbol;
        const parsed = target.includes('/') ? parseId(target) : undefined;
        const match = (i) => parsed
            ? eqi(i.type, parsed.type) && eqi(nameText(i.name) ?? '', parsed.name)
            : eqi(nameText(i.name) ?? '', target);
        const local = this.instances.filter(match);
        if (local.length === 1)
            return local[0];
        const all = this.sink.instances.filter(match);
        return all.length === 1 ? all[0] : undefined;
    }
    reference(target, full, site, text) {
        if (target.kind === 'unknown')
            return (0,value_tree/* unknownNode */.fn)(text, target.reason, site);
        const key = nameText(target);
        const inst = key !== undefined ? this.find(key) : undefined;
        if (!inst)
            return (0,value_tree/* unknownNode */.fn)(text, `reference() to ${key ?? (0,value_tree/* render */.XX)(target)}, which is not in this template, is resolved at deployment`, site);
        if (eqi(inst.type, DEPLOYMENTS)) {
            if (inst.state === 'running')
                return (0,value_tree/* unknownNode */.fn)(text, 'circular reference between nested deployments', site);
            inst.level.evaluate(inst);
            const out = inst.outputs ?? (0,value_tree/* unknownNode */.fn)(text, 'the deployment has no outputs', site);
            return full ? { kind: 'object', attrs: { properties: out }, origin: site } : out;
        }
        // An `existing` resource is not deployed here, so no model object stands for it: no ref.
        if (inst.existing)
            return (0,value_tree/* unknownNode */.fn)(text, `reference() to the existing resource ${inst.address} is resolved at deployment`, site);
        return (0,value_tree/* unknownNode */.fn)(text, 'reference() is resolved at deployment', site, {
            resource: inst.id,
            attribute: full ? '' : 'properties',
        });
    }
    resourceInfo(symbol, site) {
        const inst = this.instances.find((i) => i.symbol === symbol);
        if (!inst)
            return undefined;
        const name = nameText(inst.name);
        const id = name !== undefined
            ? { kind: 'string', value: armIdOf(inst.type, name), origin: site }
            : (0,value_tree/* unknownNode */.fn)(`resourceInfo('${symbol}').id`, 'the name is not known', site);
        return {
            kind: 'object',
            attrs: { id, name: inst.name, type: { kind: 'string', value: inst.type, origin: site } },
            origin: site,
        };
    }
    // ---- diagnostics ---------------------------------------------------------------------------------
    describe(node) {
        const type = (0,json_lines/* stringOf */.Je)((0,json_lines/* prop */._w)(node, 'type')) ?? 'resource';
        const name = (0,json_lines/* stringOf */.Je)((0,json_lines/* prop */._w)(node, 'name')) ?? '?';
        return `${this.prefix}${type}/${name}`;
    }
    notice(node, message, at) {
        const d = { ruleId: 'KMS011', origin: (0,json_lines/* originOf */.yv)(this.doc, at ?? node), message };
        if (at?.type === 'string')
            d.expression = at.value;
        this.sink.diagnostics.push(d);
    }
}
/** The resource nodes of a `resources` array, or of a symbolic-name `resources` object. */
function resourceNodes(resources) {
    return resources?.type === 'object' ? (0,json_lines/* entries */.jO)(resources).map(([, n]) => n) : (0,json_lines/* elements */.Yt)(resources);
}
/**
 * Could this resource put something the model judges in place (itself, a child, or what a nested
 * deployment declares)? Read from literal types only; an expression type or a linked template counts as
 * yes. An unknown condition or count of anything else (a lock, a role assignment) cannot change a KMS
 * verdict and is not worth a notice.
 */
function mayDeployModelled(node, parentType) {
    const own = (0,json_lines/* stringOf */.Je)((0,json_lines/* prop */._w)(node, 'type'));
    if (own === undefined || own.startsWith('['))
        return true;
    const type = parentType !== undefined && !own.includes('/') ? `${parentType}/${own}` : own;
    if ((0,arm_shapes/* isModelledArmType */.Tg)(type))
        return true;
    if (eqi(type, DEPLOYMENTS)) {
        const template = (0,json_lines/* prop */._w)((0,json_lines/* prop */._w)(node, 'properties'), 'template');
        if (template?.type !== 'object')
            return true;
        if (resourceNodes((0,json_lines/* prop */._w)(template, 'resources')).some((r) => mayDeployModelled(r)))
            return true;
    }
    return resourceNodes((0,json_lines/* prop */._w)(node, 'resources')).some((r) => mayDeployModelled(r, type));
}
/** A copy count: a non-negative integer, or a string spelling one; undefined for anything else. */
function countOf(v) {
    const n = v.kind === 'number' ? v.value : v.kind === 'string' && v.value.trim() !== '' ? Number(v.value) : NaN;
    return Number.isInteger(n) && n >= 0 ? n : undefined;
}


/***/ }),

/***/ 2772:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $d: () => (/* binding */ sizeOf),
/* harmony export */   Rf: () => (/* binding */ spend),
/* harmony export */   Ww: () => (/* binding */ evaluateUnit),
/* harmony export */   oF: () => (/* binding */ COST),
/* harmony export */   zU: () => (/* binding */ evaluateUnitSync)
/* harmony export */ });
/* unused harmony exports DEFAULT_LIMITS, BudgetExceeded, Budget, withBudget, withBudgetSync, checkBudget, budgetFinding */
/* harmony import */ var _unit_watch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7849);

/**
 * Far above any real network (the largest landing zones we have seen make some 10^5 values), far below
 * what hurts: a million small values stay within a few hundred MB and a few seconds.
 */
const DEFAULT_LIMITS = { values: 1_000_000, timeMs: 60_000 };
/**
 * What larger things cost in values: an instance carries its values (so about 20,000 resource instances fit
 * one unit).
 */
const COST = { moduleInstance: 100, resourceInstance: 50 };
class BudgetExceeded extends Error {
    constructor(message) {
        super(message);
        this.name = 'BudgetExceeded';
    }
}
class Budget {
    limits;
    spent = 0;
    calls = 0;
    deadline;
    /** Why and where the budget ran out, once it has. */
    exceeded;
    constructor(limits = DEFAULT_LIMITS) {
        this.limits = limits;
        this.deadline = Date.now() + limits.timeMs;
    }
    spend(n, origin) {
        if (this.exceeded)
            throw new BudgetExceeded(this.exceeded.why);
        this.spent += n;
        let why;
        if (this.spent > this.limits.values)
            why = `it makes more than ${this.limits.values.toLocaleString('en-US')} values`;
        else if ((++this.calls & 1023) === 0 && Date.now() > this.deadline)
            why = `its evaluation takes more than ${Math.round(this.limits.timeMs / 1000)} s`;
        if (why) {
            this.exceeded = origin ? { why, origin } : { why };
            throw new BudgetExceeded(why);
        }
    }
}
let current;
/** Runs one unit's evaluation under `budget` (synchronous or not: one unit at a time). */
async function withBudget(budget, f) {
    const outer = current;
    current = budget;
    try {
        return await f();
    }
    finally {
        current = outer;
    }
}
/** Synchronous form of withBudget. */
function withBudgetSync(budget, f) {
    const outer = current;
    current = budget;
    try {
        return f();
    }
    finally {
        current = outer;
    }
}
/** Spends `n` values of the unit being evaluated (no-op outside a unit, e.g. a test of one function). */
function spend(n, origin) {
    current?.spend(n, origin);
}
/** What a value costs: its elements, or a string's length in 64-character pieces. */
function sizeOf(v) {
    if (v.items)
        return v.items.length;
    if (v.attrs)
        return Object.keys(v.attrs).length;
    if (typeof v.value === 'string')
        return 1 + (v.value.length >> 6);
    return 1;
}
/** Throws if the budget in force has run out: for loops that make nothing but may run long. */
function checkBudget() {
    current?.spend(0);
}
/** The unit's finding when its budget ran out: where, and what it means for the verdicts. */
function budgetFinding(budget, unit) {
    if (!budget.exceeded)
        return undefined;
    const at = budget.exceeded.origin ?? unit;
    return {
        ruleId: 'KMS012',
        severity: 'warning',
        origin: at,
        message: `Stopped evaluating here: ${budget.exceeded.why} (the evaluation budget of one deployment unit). ` +
            'Values past this point are unknown; check that the expression does not expand without bound.',
    };
}
/** Why a unit's evaluation crashed, in words (the error is a bug or a resource the budget did not see). */
function crashReason(e) {
    if (e instanceof RangeError && /call stack/i.test(e.message))
        return 'it is nested too deeply to follow';
    if (e instanceof RangeError)
        return `it is too large to follow (${e.message})`;
    return `the evaluator failed (${e instanceof Error ? e.message : String(e)})`;
}
function outcome(budget, unit, what, run) {
    const problems = [];
    let value;
    try {
        value = run();
    }
    catch (e) {
        if (!(e instanceof BudgetExceeded))
            problems.push({
                ruleId: 'KMS012',
                severity: 'warning',
                origin: unit,
                message: `Could not evaluate ${what}: ${crashReason(e)}. Nothing it declares is part of the analysis.`,
            });
    }
    const over = budgetFinding(budget, unit);
    if (over)
        problems.push(over);
    return { value, problems };
}
/** The unit's key in the watch, and on its findings' way through the scan (Judgement.subject). */
const unitSubject = (unit, what) => `${unit.file}:${unit.startLine}\u0000${what}`;
/**
 * Under the scan worker (src/pipeline/scan-isolated.ts): a unit that killed an earlier worker (in its
 * evaluation, model or analysis) is not evaluated again, only named; any other unit is recorded as the one
 * being evaluated, then evaluated.
 */
function watched(unit, what) {
    const watch = (0,_unit_watch__WEBPACK_IMPORTED_MODULE_0__/* .currentWatch */ .fn)();
    if (!watch)
        return undefined;
    const subject = unitSubject(unit, what);
    const why = watch.skipped(subject);
    if (why === undefined) {
        watch.at('evaluation', subject);
        return undefined;
    }
    return {
        subject,
        value: undefined,
        problems: [
            {
                ruleId: 'KMS012',
                severity: 'warning',
                origin: unit,
                message: `Could not evaluate ${what}: ${why}. Nothing it declares is part of the analysis; ` +
                    'every other unit is judged.',
            },
        ],
    };
}
/** Evaluates one unit under a fresh budget: an overrun or a crash costs this unit only, and is named. */
function evaluateUnitSync(unit, what, f) {
    const skipped = watched(unit, what);
    if (skipped)
        return skipped;
    const budget = new Budget();
    const done = outcome(budget, unit, what, () => withBudgetSync(budget, f));
    return evaluated(done, unit, what);
}
/** Evaluated: what the worker does next with the unit is building its model. */
function evaluated(done, unit, what) {
    const subject = unitSubject(unit, what);
    (0,_unit_watch__WEBPACK_IMPORTED_MODULE_0__/* .watchPhase */ .d3)('model', subject);
    return { ...done, subject };
}
/** evaluateUnitSync for an evaluator that awaits (Bicep loads its parser). */
async function evaluateUnit(unit, what, f) {
    const skipped = watched(unit, what);
    if (skipped)
        return skipped;
    const budget = new Budget();
    let settled;
    try {
        settled = { ok: true, value: await withBudget(budget, f) };
    }
    catch (error) {
        settled = { ok: false, error };
    }
    const done = outcome(budget, unit, what, () => {
        if (!settled.ok)
            throw settled.error;
        return settled.value;
    });
    return evaluated(done, unit, what);
}


/***/ }),

/***/ 6735:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cv: () => (/* binding */ armParseCidr),
/* harmony export */   M0: () => (/* binding */ formatAddress),
/* harmony export */   N_: () => (/* binding */ netSize),
/* harmony export */   Nm: () => (/* binding */ prefixMask),
/* harmony export */   Nu: () => (/* binding */ formatNet),
/* harmony export */   R8: () => (/* binding */ armCidrHost),
/* harmony export */   iR: () => (/* binding */ armCidrSubnet),
/* harmony export */   r_: () => (/* binding */ parseNet)
/* harmony export */ });
/* harmony import */ var ipaddr_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8280);
/* harmony import */ var ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(ipaddr_js__WEBPACK_IMPORTED_MODULE_0__);
/**
 * IP network arithmetic shared by the evaluators, on BigInt so IPv4 and IPv6 share one implementation.
 * ipaddr.js parses and prints addresses. Terraform's functions (src/sources/terraform/cidr.ts) and ARM's,
 * which Bicep compiles to (`armCidrSubnet`, `armCidrHost`, `armParseCidr` here), differ in what their
 * arguments mean, so each language keeps its own entry points and error type; the primitives are one.
 */

/**
 * Parsed CIDRs: the same few address spaces are carved by `cidrsubnet()` for every subnet of every
 * landing zone, and ipaddr.js tries (and throws on) IPv6 before IPv4. Nets are never modified.
 */
const parsedNets = new Map();
/** The network a CIDR names, host bits cleared; undefined when the text is not a CIDR. */
function parseNet(cidr) {
    if (parsedNets.has(cidr))
        return parsedNets.get(cidr);
    const net = parseNetUncached(cidr);
    if (parsedNets.size > 100_000)
        parsedNets.clear();
    parsedNets.set(cidr, net);
    return net;
}
function parseNetUncached(cidr) {
    let parsed;
    try {
        parsed = cidr.includes(':') ? ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().IPv6.parseCIDR(cidr) : ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().IPv4.parseCIDR(cidr);
    }
    catch {
        return undefined;
    }
    const [addr, prefix] = parsed;
    const bytes = addr.toByteArray();
    const bits = bytes.length * 8;
    let n = 0n;
    for (const b of bytes)
        n = (n << 8n) | BigInt(b);
    const hostBits = BigInt(bits - prefix);
    return { base: (n >> hostBits) << hostBits, prefix, bits };
}
/** Number of addresses in the network. */
function netSize(net) {
    return 1n << BigInt(net.bits - net.prefix);
}
function formatAddress(n, bits) {
    // IPv4, most of what is computed: the four bytes joined with dots, which is how ipaddr.js prints them,
    // without a byte array and an address object per subnet (every cidrsubnet() of every landing zone).
    if (bits === 32) {
        const v = Number(n & 0xffffffffn);
        return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
    }
    const bytes = [];
    for (let i = bits / 8 - 1; i >= 0; i--)
        bytes.push(Number((n >> BigInt(i * 8)) & 0xffn));
    return ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().fromByteArray(bytes).toString();
}
function formatNet(net) {
    return `${formatAddress(net.base, net.bits)}/${net.prefix}`;
}
/** The mask of a prefix length as an address of `bits` bits. */
function prefixMask(prefix, bits) {
    return ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - prefix)) - 1n);
}
function armNet(cidr, fail) {
    const net = parseNet(cidr);
    if (!net)
        throw fail(`${JSON.stringify(cidr)} is not a CIDR`);
    return net;
}
/** ARM's cidrSubnet: the `index`th subnet of prefix length `newPrefix` (absolute, not an extension). */
function armCidrSubnet(cidr, newPrefix, index, fail) {
    const net = armNet(cidr, fail);
    if (!Number.isInteger(newPrefix) || newPrefix < net.prefix || newPrefix > net.bits)
        throw fail(`new prefix length ${newPrefix} does not fit ${cidr}`);
    if (!Number.isInteger(index) || index < 0 || BigInt(index) >= 1n << BigInt(newPrefix - net.prefix))
        throw fail(`subnet index ${index} out of range for ${cidr}`);
    return formatNet({
        base: net.base + (BigInt(index) << BigInt(net.bits - newPrefix)),
        prefix: newPrefix,
        bits: net.bits,
    });
}
/**
 * ARM's cidrHost: index 0 is the first usable host, the address after the network address (IPv4), and
 * the IPv4 broadcast address is not a host.
 */
function armCidrHost(cidr, index, fail) {
    const net = armNet(cidr, fail);
    const v4 = net.bits === 32 ? 1n : 0n;
    if (!Number.isInteger(index) || index < 0 || BigInt(index) + v4 >= netSize(net) - v4)
        throw fail(`host index ${index} out of range`);
    return formatAddress(net.base + BigInt(index) + v4, net.bits);
}
/** ARM's parseCidr. An IPv4 network of more than two addresses leaves out its network and broadcast ones. */
function armParseCidr(cidr, fail) {
    const net = armNet(cidr, fail);
    const size = netSize(net);
    const edge = net.bits === 32 && size > 2n ? 1n : 0n;
    const last = net.base + size - 1n;
    return {
        network: formatAddress(net.base, net.bits),
        netmask: formatAddress(prefixMask(net.prefix, net.bits), net.bits),
        broadcast: formatAddress(last, net.bits),
        firstUsable: formatAddress(net.base + edge, net.bits),
        lastUsable: formatAddress(last - edge, net.bits),
        cidr: net.prefix,
    };
}


/***/ }),

/***/ 9817:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AU: () => (/* binding */ not),
/* harmony export */   BW: () => (/* binding */ placeAt),
/* harmony export */   CF: () => (/* binding */ attr),
/* harmony export */   Ny: () => (/* binding */ firstUnknown),
/* harmony export */   Pl: () => (/* binding */ oneOrMany),
/* harmony export */   Rf: () => (/* binding */ fromJson),
/* harmony export */   Sc: () => (/* binding */ strList),
/* harmony export */   XX: () => (/* binding */ render),
/* harmony export */   bG: () => (/* binding */ memberCI),
/* harmony export */   bu: () => (/* binding */ num),
/* harmony export */   ej: () => (/* binding */ attrCI),
/* harmony export */   fn: () => (/* binding */ unknownNode),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   lc: () => (/* binding */ bool),
/* harmony export */   ld: () => (/* binding */ items),
/* harmony export */   mq: () => (/* binding */ refIds),
/* harmony export */   ps: () => (/* binding */ fromUnknown),
/* harmony export */   rO: () => (/* binding */ knownStr)
/* harmony export */ });
/* unused harmony exports isObject, path, unknownList, originOf */
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2904);

function isObject(v) {
    return v !== undefined && v.kind === 'object';
}
/**
 * An attribute of an object; undefined when absent or null. An attribute of an unknown is the unknown
 * itself: a block produced by an unresolved `dynamic` (or an ARM body that is not known) has unknown
 * contents, which is not the same as "not set".
 */
function attr(obj, name) {
    if (obj?.kind === 'unknown')
        return obj;
    if (!isObject(obj))
        return undefined;
    const v = obj.attrs[name];
    return v === undefined || v.kind === 'null' ? undefined : v;
}
/** Follows a path of attribute names (ARM's `properties.subnet.id`); undefined as soon as one is missing. */
function path(obj, ...names) {
    let cur = obj;
    for (const n of names)
        cur = attr(cur, n);
    return cur;
}
/** Attribute lookup ignoring case: ARM property names are case-insensitive and templates vary. */
function attrCI(obj, name) {
    if (obj?.kind === 'unknown')
        return obj;
    if (!isObject(obj))
        return undefined;
    const direct = attr(obj, name);
    if (direct)
        return direct;
    const lower = name.toLowerCase();
    for (const [k, v] of Object.entries(obj.attrs))
        if (k.toLowerCase() === lower && v.kind !== 'null')
            return v;
    return undefined;
}
/** The unknown node every evaluator builds (Terraform's unknownVal, ARM's unk, Bicep's vUnknown). */
function unknownNode(expression, reason, origin, ref) {
    return ref
        ? { kind: 'unknown', expression, reason, origin, ref }
        : { kind: 'unknown', expression, reason, origin };
}
/** The first unknown anywhere in the tree (depth first), or undefined when it is fully known. */
function firstUnknown(v) {
    if (v.kind === 'unknown')
        return v;
    const parts = v.kind === 'list' ? v.items : v.kind === 'object' ? Object.values(v.attrs) : [];
    for (const p of parts) {
        const u = firstUnknown(p);
        if (u)
            return u;
    }
    return undefined;
}
/**
 * The same tree with every node at `site`: a value used at a place is reported at that place, and each
 * node remembers where it was written when that is another file (Origin.from, see usedAt).
 */
function placeAt(v, site) {
    const origin = (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .usedAt */ .Nu)(site, v.origin);
    switch (v.kind) {
        case 'list':
            return { kind: 'list', items: v.items.map((i) => placeAt(i, site)), origin };
        case 'object': {
            const attrs = {};
            for (const [k, x] of Object.entries(v.attrs))
                attrs[k] = placeAt(x, site);
            return { kind: 'object', attrs, origin };
        }
        default:
            return Object.assign({}, v, { origin });
    }
}
/**
 * A member of an object as ARM and Bicep look it up: exact name first, then ignoring case. Unlike attrCI a
 * `null` member is returned as it is (an expression reading it gets null, not "absent").
 */
function memberCI(obj, name) {
    if (name in obj.attrs)
        return obj.attrs[name];
    const lower = name.toLowerCase();
    for (const [k, v] of Object.entries(obj.attrs))
        if (k.toLowerCase() === lower)
            return v;
    return undefined;
}
function fromUnknown(v) {
    const u = (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5)(v.expression, v.reason, v.origin, v.ref);
    if (v.among)
        u.among = v.among;
    return u;
}
/** A readable rendering of a value, used as the expression of an Unknown built from a composite. */
function render(v) {
    switch (v.kind) {
        case 'string':
            return JSON.stringify(v.value);
        case 'number':
        case 'bool':
            return String(v.value);
        case 'null':
            return 'null';
        case 'unknown':
            return v.expression;
        case 'list':
            return `[${v.items.map(render).join(', ')}]`;
        case 'object':
            return `{ ${Object.entries(v.attrs)
                .map(([k, x]) => `${k} = ${render(x)}`)
                .join(', ')} }`;
    }
}
function wrongType(v, wanted) {
    return (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5)(render(v), `expected ${wanted}, got ${v.kind}`, v.origin);
}
function str(v) {
    if (v === undefined)
        return undefined;
    switch (v.kind) {
        case 'string':
            return (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .known */ .eO)(v.value, v.origin);
        case 'number':
        case 'bool':
            return (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .known */ .eO)(String(v.value), v.origin);
        case 'unknown':
            return fromUnknown(v);
        case 'null':
            return undefined;
        default:
            return wrongType(v, 'a string');
    }
}
/** `str(v)`'s value when it is known, else undefined, without building the Value (names, resource groups). */
function knownStr(v) {
    if (v === undefined)
        return undefined;
    if (v.kind === 'string')
        return v.value;
    return v.kind === 'number' || v.kind === 'bool' ? String(v.value) : undefined;
}
function num(v) {
    if (v === undefined)
        return undefined;
    switch (v.kind) {
        case 'number':
            return (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .known */ .eO)(v.value, v.origin);
        case 'string': {
            const n = Number(v.value.trim());
            return v.value.trim() !== '' && Number.isFinite(n) ? (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .known */ .eO)(n, v.origin) : wrongType(v, 'a number');
        }
        case 'unknown':
            return fromUnknown(v);
        case 'null':
            return undefined;
        default:
            return wrongType(v, 'a number');
    }
}
function bool(v) {
    if (v === undefined)
        return undefined;
    switch (v.kind) {
        case 'bool':
            return (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .known */ .eO)(v.value, v.origin);
        case 'string': {
            const s = v.value.trim().toLowerCase();
            if (s === 'true')
                return (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .known */ .eO)(true, v.origin);
            if (s === 'false')
                return (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .known */ .eO)(false, v.origin);
            return wrongType(v, 'a bool');
        }
        case 'unknown':
            return fromUnknown(v);
        case 'null':
            return undefined;
        default:
            return wrongType(v, 'a bool');
    }
}
/**
 * A list of strings. One unknown item makes the whole list unknown: a rule whose destinations are
 * partly unknown cannot be judged, and the expression shown to the user names the unresolved part.
 * A lone scalar is read as a one-item list (ARM and old azurerm arguments accept either).
 */
function strList(v) {
    if (v === undefined)
        return undefined;
    if (v.kind === 'unknown')
        return fromUnknown(v);
    if (v.kind === 'null')
        return undefined;
    if (v.kind !== 'list') {
        const one = str(v);
        if (one === undefined || !one.known)
            return one;
        return (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .known */ .eO)([one.value], v.origin);
    }
    const out = [];
    for (const item of v.items) {
        if (item.kind === 'null')
            continue;
        const s = str(item);
        if (s === undefined)
            continue;
        if (!s.known)
            return unknownList(v, s);
        out.push(s.value);
    }
    return (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .known */ .eO)(out, v.origin);
}
/**
 * The Unknown for a list containing `part`: the list's rendering, the part's reason, and its ref when it is
 * the only unknown.
 */
function unknownList(list, part) {
    const unknowns = list.items.filter((i) => i.kind === 'unknown');
    const ref = unknowns.length === 1 ? part.ref : undefined;
    return (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5)(render(list), part.reason, list.origin, ref);
}
/**
 * Merges a singular and a plural argument (`source_address_prefix` / `source_address_prefixes`); empty = not
 * set.
 */
function oneOrMany(single, many) {
    // A known single value (the usual `source_address_prefix = "*"`) without the Value str() would make.
    const k = knownStr(single);
    if (k !== undefined)
        return (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .known */ .eO)([k], single.origin);
    const s = str(single);
    if (s !== undefined)
        return s.known ? (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .known */ .eO)([s.value], s.origin) : s;
    return strList(many) ?? (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .known */ .eO)([]);
}
/** Items of a list; a lone object reads as a one-item list (a single nested block written as an object). */
function items(v) {
    if (v === undefined)
        return [];
    if (v.kind === 'list')
        return v.items.filter((i) => i.kind !== 'null');
    return [v];
}
/** The origin of a value, or the fallback (the enclosing block) when the value is absent. */
function originOf(v, fallback) {
    return v ? v.origin : fallback;
}
/** Negates a known boolean (`disable_bgp_route_propagation` \u2192 propagation); unknowns pass through. */
function not(v) {
    return v.known ? (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .known */ .eO)(!v.value, v.origin) : v;
}
/**
 * Turns parsed JSON into a value tree, every node carrying `origin`. Used for azapi `body =
 * jsonencode({...})` when the evaluator hands back the encoded string, so line information is only that of
 * the attribute.
 */
function fromJson(json, origin) {
    if (json === null || json === undefined)
        return { kind: 'null', origin };
    if (typeof json === 'string')
        return { kind: 'string', value: json, origin };
    if (typeof json === 'number')
        return { kind: 'number', value: json, origin };
    if (typeof json === 'boolean')
        return { kind: 'bool', value: json, origin };
    if (Array.isArray(json))
        return { kind: 'list', items: json.map((j) => fromJson(j, origin)), origin };
    const attrs = {};
    for (const [k, v] of Object.entries(json))
        attrs[k] = fromJson(v, origin);
    return { kind: 'object', attrs, origin };
}
/**
 * References that are shown but never followed (application security group ids): each literal id, or the
 * model id a ref names. `idOf` picks the id out of an item (ARM writes `{ id: ... }`).
 */
function refIds(list, idOf = (i) => i) {
    if (list === undefined)
        return undefined;
    if (list.kind === 'unknown')
        return fromUnknown(list);
    const out = [];
    for (const item of items(list)) {
        const id = str(idOf(item));
        if (id === undefined)
            continue;
        if (id.known)
            out.push(id.value);
        else if (id.ref)
            out.push(id.ref.resource);
        else
            return (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5)(render(list), id.reason, list.origin);
    }
    return (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .known */ .eO)(out, list.origin);
}


/***/ }),

/***/ 205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ JUDGEMENT_ORDER)
/* harmony export */ });
/** Bases of Judgement.order per section of the scan, in the order the scan judges them. */
const JUDGEMENT_ORDER = {
    terraform: 0,
    plan: 1e7,
    bicep: 2e7,
    arm: 3e7,
    deployed: 4e7,
};


/***/ }),

/***/ 8501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hw: () => (/* binding */ AVNM_TYPES),
  x8: () => (/* binding */ addAdminRule),
  i3: () => (/* binding */ addManagedRoute),
  s4: () => (/* binding */ addMember),
  Lv: () => (/* binding */ addNetworkManagerResource),
  em: () => (/* binding */ adminPrefixes),
  AF: () => (/* reexport */ avnm_refs/* findByRef */.A),
  Hr: () => (/* binding */ linkCollection),
  x2: () => (/* binding */ linkGroups),
  Yd: () => (/* binding */ networkManager),
  Kc: () => (/* binding */ notCommitted)
});

// UNUSED EXPORTS: collectionsOf, linkConfiguration, linkRule

// EXTERNAL MODULE: ./src/model/network.ts
var network = __webpack_require__(2607);
// EXTERNAL MODULE: ./src/model/value.ts
var model_value = __webpack_require__(2904);
// EXTERNAL MODULE: ./src/sources/mapping/arm-gateways.ts
var arm_gateways = __webpack_require__(7649);
// EXTERNAL MODULE: ./src/sources/evaluation/value-tree.ts
var value_tree = __webpack_require__(9817);
;// CONCATENATED MODULE: ./src/sources/mapping/avnm-commit.ts
/**
 * Reads a Virtual Network Manager commit out of a deployment script (Microsoft.Resources/deploymentScripts).
 * A template cannot commit a configuration (the commit is a POST action), so real templates (the Azure
 * quickstarts, landing zones) run `Deploy-AzNetworkManagerCommit` (AzurePowerShell) or
 * `az network manager post-commit` (AzureCLI) in a deployment script, with the configuration ids, the
 * commit type and the target regions passed in as script parameters (`arguments`), environment variables
 * or literals.
 *
 * This is no shell interpreter (none exists as a library for PowerShell or bash that we could run
 * safely on a scanned file): it follows the few forms those scripts use, and anything else is an unknown
 * that names what the script computes.
 * - the commit command's own parameters, or a splatted hashtable (`Deploy-AzNetworkManagerCommit @d`);
 * - values: literals, `$param` bound from `arguments` (`-name value`, or by position), `$env:NAME` /
 *   `$NAME` from `environmentVariables`, variables assigned once (`$x = ...`, `NAME=...`), and lists built
 *   with `@(...)`, `.Add(...)` or `+=`.
 */


const PS_COMMAND = /\bDeploy-AzNetworkManagerCommit\b/i;
const CLI_COMMAND = /\baz\s+network\s+manager\s+post-commit\b/i;
function readCommitScript(props, origin) {
    const content = (0,value_tree/* attrCI */.ej)(props, 'scriptContent');
    const uri = (0,value_tree/* str */.gx)((0,value_tree/* attrCI */.ej)(props, 'primaryScriptUri'));
    if (!content) {
        if (uri)
            return {
                kind: 'opaque',
                why: (0,model_value/* unknown */.L5)(uri.known ? uri.value : uri.expression, 'the deployment script runs a script from primaryScriptUri, which the scan does not read', origin),
            };
        return { kind: 'none' };
    }
    const text = (0,value_tree/* str */.gx)(content);
    if (!text?.known) {
        // The content is computed (loadTextContent of a file outside the scan, a parameter): it may commit.
        return {
            kind: 'opaque',
            why: (0,model_value/* unknown */.L5)(text?.expression ?? 'scriptContent', `the deployment script's content is not known to the scan${text?.reason ? ` (${text.reason})` : ''}`, content.origin),
        };
    }
    const script = text.value;
    const isPs = PS_COMMAND.test(script);
    const isCli = CLI_COMMAND.test(script);
    if (!isPs && !isCli)
        return { kind: 'none' };
    const scope = new Scope(props, script, content.origin, isPs ? 'ps' : 'sh');
    const commits = isPs ? psCommits(scope) : cliCommits(scope);
    return { kind: 'commits', commits };
}
// ---- values the script can see ---------------------------------------------------------------------
class Scope {
    script;
    origin;
    shell;
    args = new Map();
    positional = [];
    env = new Map();
    vars = new Map();
    argsUnknown;
    constructor(props, script, origin, shell) {
        this.script = script;
        this.origin = origin;
        this.shell = shell;
        for (const e of (0,value_tree/* items */.ld)((0,value_tree/* attrCI */.ej)(props, 'environmentVariables'))) {
            const name = (0,value_tree/* str */.gx)((0,value_tree/* attrCI */.ej)(e, 'name'));
            const value = (0,value_tree/* attrCI */.ej)(e, 'value') ?? (0,value_tree/* attrCI */.ej)(e, 'secureValue');
            if (name?.known && value)
                this.env.set(name.value.toLowerCase(), [valueItem(value)]);
        }
        const args = (0,value_tree/* attrCI */.ej)(props, 'arguments');
        if (args) {
            const tokens = argumentTokens(args);
            if (tokens === undefined) {
                const a = (0,value_tree/* str */.gx)(args);
                this.argsUnknown = (0,model_value/* unknown */.L5)(a && !a.known ? a.expression : 'arguments', 'the script arguments are not known to the scan', args.origin);
            }
            else
                this.bindArguments(tokens);
        }
        this.collectAssignments();
    }
    /** `-name value` pairs (PowerShell parameters) and every token by position (bash `$1`, PowerShell order). */
    bindArguments(tokens) {
        for (let i = 0; i < tokens.length; i++) {
            const t = tokens[i];
            const flag = t.known ? /^-{1,2}([A-Za-z_][\w-]*)$/.exec(t.value) : null;
            if (flag && i + 1 < tokens.length) {
                const v = tokens[i + 1];
                if (!(v.known && /^-{1,2}[A-Za-z_]/.test(v.value))) {
                    this.args.set(flag[1].toLowerCase(), [v]);
                    this.positional.push([v]);
                    i++;
                    continue;
                }
            }
            this.positional.push([t]);
        }
    }
    /** Variables assigned in the script: `$x = <expr>`, `$x += <expr>`, `$x.Add(<expr>)`, `NAME=<word>`. */
    collectAssignments() {
        const lines = logicalLines(this.script, this.shell);
        for (const line of lines) {
            const ps = /^\s*(?:\[[^\]]*\]+\s*)*\$([\w:]+)\s*(\+?=)\s*(.+?)\s*;?\s*$/.exec(line);
            const add = /^\s*\$(\w+)\.add(?:range)?\s*\(\s*(.+?)\s*\)\s*;?\s*$/i.exec(line);
            const sh = /^\s*(?:export\s+|local\s+|readonly\s+)?([A-Za-z_]\w*)=(.*)$/.exec(line);
            if (this.shell === 'ps' && ps) {
                const name = ps[1].toLowerCase();
                this.vars.set(name, [...(ps[2] === '+=' ? (this.vars.get(name) ?? []) : []), ps[3]]);
            }
            else if (this.shell === 'ps' && add) {
                const name = add[1].toLowerCase();
                this.vars.set(name, [...(this.vars.get(name) ?? []), add[2]]);
            }
            else if (this.shell === 'sh' && sh)
                this.vars.set(sh[1].toLowerCase(), [sh[2].trim()]);
        }
    }
    /** The hashtable assigned to `$name` (`@{ Key = value; \u2026 }`), as key \u2192 expression text. */
    hashtable(name) {
        const re = new RegExp(`\\$${escapeRe(name)}\\s*=\\s*@\\{([\\s\\S]*?)\\}`, 'i');
        const m = re.exec(this.script);
        if (!m)
            return undefined;
        const out = new Map();
        for (const entry of m[1].split(/[\n;]/)) {
            const kv = /^\s*['"]?(\w+)['"]?\s*=\s*(.+?)\s*$/.exec(entry);
            if (kv)
                out.set(kv[1].toLowerCase(), kv[2]);
        }
        return out;
    }
    /** Evaluates one PowerShell expression or shell word to items. */
    value(expr, depth = 0) {
        const e = expr.trim();
        const computed = (why = 'computed by the script') => [(0,model_value/* unknown */.L5)(e, `${why}: the scan does not run the script`, this.origin)];
        if (depth > 8)
            return computed();
        if (this.shell === 'ps') {
            if (/^@\(\s*\)$/.test(e) || /^\$null$/i.test(e))
                return [];
            const arr = /^@\(([\s\S]*)\)$/.exec(e);
            if (arr)
                return splitTopLevel(arr[1], ',').flatMap((x) => this.value(x, depth + 1));
            const parts = splitTopLevel(e, ',');
            if (parts.length > 1)
                return parts.flatMap((x) => this.value(x, depth + 1));
        }
        const single = /^'([^']*)'$/.exec(e);
        if (single)
            return [(0,model_value/* known */.eO)(single[1], this.origin)];
        const dbl = /^"([^"]*)"$/.exec(e);
        const inner = dbl ? dbl[1] : e;
        const variable = /^\$(?:\{([\w:]+)\}|([\w:]+))$/.exec(inner);
        if (variable)
            return this.variable((variable[1] ?? variable[2]), depth, !!dbl);
        if (inner.includes('$') || inner.includes('`') || /[()[\]{}|;&<>]/.test(inner))
            return computed();
        // A bare word (a literal argument); unquoted shell words split on blanks.
        const words = this.shell === 'sh' && !dbl ? inner.split(/\s+/).filter(Boolean) : [inner];
        return words.map((w) => (0,model_value/* known */.eO)(w, this.origin));
    }
    variable(name, depth, quoted) {
        const lower = name.toLowerCase();
        const env = /^env:(\w+)$/.exec(lower);
        if (env || this.shell === 'sh') {
            const found = this.env.get(env ? env[1] : lower);
            if (found)
                return this.shell === 'sh' && !quoted ? found.flatMap(splitWords) : found;
        }
        if (this.shell === 'sh' && /^\d+$/.test(lower))
            return this.fromArgs(Number(lower) - 1, name);
        const assigned = this.vars.get(lower);
        if (assigned)
            return assigned.flatMap((x) => this.value(x, depth + 1));
        if (this.shell === 'ps') {
            const bound = this.args.get(lower);
            if (bound)
                return bound;
            const position = this.paramNames().indexOf(lower);
            if (position >= 0 && this.args.size === 0)
                return this.fromArgs(position, name);
        }
        if (this.argsUnknown && this.shell === 'ps' && this.paramNames().includes(lower))
            return [this.argsUnknown];
        return [
            (0,model_value/* unknown */.L5)(`$${name}`, 'a value the script gets from outside what the scan reads (not an argument, environment variable or assignment it can follow)', this.origin),
        ];
    }
    fromArgs(i, name) {
        if (this.argsUnknown)
            return [this.argsUnknown];
        return this.positional[i] ?? [(0,model_value/* unknown */.L5)(`$${name}`, 'no such script argument', this.origin)];
    }
    /** Names in the script's `param(\u2026)` block, in order, lower case. */
    paramNames() {
        const m = /\bparam\s*\(([\s\S]*?)\)\s*(?:\n|$)/i.exec(this.script);
        if (!m)
            return [];
        return [...m[1].matchAll(/\$(\w+)/g)].map((x) => x[1].toLowerCase());
    }
}
function escapeRe(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** Splits on `sep` outside quotes and brackets. */
function splitTopLevel(s, sep) {
    const out = [];
    let depth = 0;
    let quote;
    let cur = '';
    for (const ch of s) {
        if (quote) {
            if (ch === quote)
                quote = undefined;
        }
        else if (ch === '"' || ch === "'")
            quote = ch;
        else if ('([{'.includes(ch))
            depth++;
        else if (')]}'.includes(ch))
            depth--;
        else if (ch === sep && depth === 0) {
            out.push(cur);
            cur = '';
            continue;
        }
        cur += ch;
    }
    out.push(cur);
    return out.map((x) => x.trim()).filter((x) => x !== '');
}
function splitWords(v) {
    return v.known
        ? v.value
            .split(/\s+/)
            .filter(Boolean)
            .map((w) => (0,model_value/* known */.eO)(w, v.origin))
        : [v];
}
/** Lines with continuations joined (PowerShell backtick, shell backslash), comments dropped. */
function logicalLines(script, shell) {
    const joined = script.replace(shell === 'ps' ? /`\r?\n/g : /\\\r?\n/g, ' ');
    return joined.split(/\r?\n/).map((l) => (/^\s*#/.test(l) ? '' : l));
}
/** Shell-like words of a command line, quotes kept on the word (values are read by Scope.value). */
function words(line) {
    const out = [];
    const re = /"(?:[^"\\`]|[\\`].)*"|'[^']*'|[^\s]+/g;
    for (const m of line.matchAll(re))
        out.push(m[0]);
    return out;
}
/**
 * The `arguments` of a deployment script as tokens; a token that is exactly one interpolated value (quoted
 * or not) is that value, so a reference (`${securityConfig.id}`) survives. undefined: the arguments are
 * unknown as a whole.
 */
function argumentTokens(args) {
    const pieces = args.kind === 'string'
        ? [args.value]
        : args.kind === 'unknown' && args.parts
            ? args.parts
            : args.kind === 'number' || args.kind === 'bool'
                ? [String(args.value)]
                : [];
    if (pieces.length === 0)
        return undefined;
    const values = [];
    let text = '';
    for (const p of pieces) {
        if (typeof p === 'string')
            text += p;
        else if (p.kind === 'string' || p.kind === 'number' || p.kind === 'bool')
            text += String(p.value);
        else {
            values.push(p);
            text += `\uE000${values.length - 1}\uE000`;
        }
    }
    return words(text).map((w) => {
        const bare = w.replace(/^(["'])(.*)\1$/s, '$2');
        const only = /^\uE000(\d+)\uE000$/.exec(bare);
        if (only)
            return valueItem(values[Number(only[1])]);
        if (!bare.includes('\uE000'))
            return (0,model_value/* known */.eO)(bare, args.origin);
        const first = values[Number(/\uE000(\d+)\uE000/.exec(bare)[1])];
        return (0,model_value/* unknown */.L5)(bare.replace(/\uE000(\d+)\uE000/g, (_m, i) => `\${${render(values[Number(i)])}}`), first.kind === 'unknown' ? first.reason : 'not a single value', args.origin);
    });
}
function render(v) {
    return v.kind === 'unknown' ? v.expression : v.kind;
}
function valueItem(v) {
    return (0,value_tree/* str */.gx)(v) ?? (0,model_value/* unknown */.L5)(v.kind, 'not a string', v.origin);
}
// ---- the commit commands ---------------------------------------------------------------------------
/** `Deploy-AzNetworkManagerCommit -ConfigurationId \u2026 -TargetLocation \u2026 -CommitType \u2026` or `@splat`. */
function psCommits(scope) {
    const out = [];
    for (const line of logicalLines(scope.script, 'ps')) {
        const at = line.search(PS_COMMAND);
        if (at < 0)
            continue;
        const params = new Map();
        const ws = words(line.slice(at)).slice(1);
        for (let i = 0; i < ws.length; i++) {
            const w = ws[i];
            const splat = /^@(\w+)$/.exec(w);
            if (splat)
                for (const [k, v] of scope.hashtable(splat[1]) ?? [])
                    params.set(k, v);
            const flag = /^-(\w+)(?::(.+))?$/.exec(w);
            if (!flag)
                continue;
            if (flag[2] !== undefined)
                params.set(flag[1].toLowerCase(), flag[2]);
            else if (i + 1 < ws.length && !/^-\w/.test(ws[i + 1])) {
                // A list argument may be written `a, b`: take the words up to the next parameter.
                let value = ws[++i];
                while (value.endsWith(',') && i + 1 < ws.length)
                    value += ` ${ws[++i]}`;
                params.set(flag[1].toLowerCase(), value);
            }
        }
        out.push(commitOf(scope, {
            type: params.get('committype'),
            ids: params.get('configurationid') ?? params.get('configurationids'),
            regions: params.get('targetlocation') ?? params.get('targetlocations'),
        }));
    }
    return out;
}
/** `az network manager post-commit --commit-type \u2026 --configuration-ids \u2026 --target-locations \u2026`. */
function cliCommits(scope) {
    const out = [];
    for (const line of logicalLines(scope.script, 'sh')) {
        const m = CLI_COMMAND.exec(line);
        if (!m)
            continue;
        const ws = words(line.slice(m.index + m[0].length));
        const params = new Map();
        let current;
        for (const w of ws) {
            const flag = /^--([\w-]+)(?:=(.*))?$/.exec(w);
            if (flag) {
                current = [];
                params.set(flag[1].toLowerCase(), current);
                if (flag[2] !== undefined)
                    current.push(flag[2]);
            }
            else if (/^[|;&]/.test(w))
                break;
            else
                current?.push(w);
        }
        const join = (k) => params.get(k)?.join(' ');
        out.push(commitOf(scope, {
            type: join('commit-type'),
            ids: join('configuration-ids'),
            regions: join('target-locations'),
        }));
    }
    return out;
}
function commitOf(scope, exprs) {
    const notGiven = (what) => (0,model_value/* unknown */.L5)(what, 'the commit command does not say it', scope.origin);
    const evalList = (e) => (scope.shell === 'sh' ? splitTopLevel(e, ' ') : [e]);
    const typeItems = exprs.type !== undefined ? scope.value(exprs.type) : [notGiven('CommitType')];
    const idItems = exprs.ids !== undefined
        ? evalList(exprs.ids).flatMap((e) => scope.value(e))
        : [notGiven('ConfigurationId')];
    const regionItems = exprs.regions !== undefined
        ? evalList(exprs.regions).flatMap((e) => scope.value(e))
        : [notGiven('TargetLocation')];
    const regionUnknown = regionItems.find((r) => !r.known);
    return {
        commitType: typeItems.length === 1 ? typeItems[0] : notGiven('CommitType'),
        configurationIds: idItems,
        regions: regionUnknown
            ? regionUnknown
            : (0,model_value/* known */.eO)(regionItems.flatMap((r) => (r.known ? r.value.split(',').filter(Boolean) : [])), scope.origin),
    };
}

// EXTERNAL MODULE: ./src/sources/mapping/avnm-commits.ts
var avnm_commits = __webpack_require__(5898);
// EXTERNAL MODULE: ./src/sources/mapping/conditional.ts
var conditional = __webpack_require__(7691);
// EXTERNAL MODULE: ./src/sources/mapping/avnm-refs.ts
var avnm_refs = __webpack_require__(4060);
;// CONCATENATED MODULE: ./src/sources/mapping/arm-avnm.ts
/**
 * Azure Virtual Network Manager in ARM shape (Bicep, ARM templates): network groups and their static
 * members, security admin configurations \u2192 rule collections (appliesToGroups) \u2192 rules, routing
 * configurations \u2192 rule collections (appliesTo) \u2192 rules. Children name their parent by `parent`, by a
 * `nm/config/collection/rule` name or by ARM id; they are linked in the link step by id or own name.
 * A configuration is applied only once committed, which a template cannot do (it is a POST action):
 * templates commit in a deployment script (Microsoft.Resources/deploymentScripts running
 * `Deploy-AzNetworkManagerCommit` or `az network manager post-commit`, read by ./avnm-commit.ts), which
 * is recorded as a commit (./avnm-commits.ts decides where each configuration is deployed). Without one, deployment stays
 * unknown, named (Terraform: azurerm_network_manager_deployment).
 */







const NM = 'microsoft.network/networkmanagers';
const DEPLOYMENT_SCRIPTS = 'microsoft.resources/deploymentscripts';
const AVNM_TYPES = [
    `${NM}/networkgroups`,
    `${NM}/networkgroups/staticmembers`,
    `${NM}/securityadminconfigurations`,
    `${NM}/securityadminconfigurations/rulecollections`,
    `${NM}/securityadminconfigurations/rulecollections/rules`,
    `${NM}/routingconfigurations`,
    `${NM}/routingconfigurations/rulecollections`,
    `${NM}/routingconfigurations/rulecollections/rules`,
    // A deployment script may commit configurations (see above).
    DEPLOYMENT_SCRIPTS,
];
const networkManager = (b) => (b.model.networkManager ??= (0,network/* emptyNetworkManager */.Xm)());
function p(obj, ...names) {
    let cur = obj;
    for (const n of names)
        cur = (0,value_tree/* attrCI */.ej)(cur, n);
    return cur;
}
/** Collections per builder: rules find theirs here in the link step. */
const collections = new WeakMap();
function collectionsOf(b) {
    let list = collections.get(b);
    if (!list)
        collections.set(b, (list = []));
    return list;
}


/** Group references as model ids; one that does not resolve makes the list unknown, named. */
function linkGroups(b, refs, origin) {
    const groups = networkManager(b).groups;
    const ids = [];
    for (const r of refs) {
        const g = (0,avnm_refs/* findByRef */.A)(groups, r);
        if (!g)
            return (0,model_value/* unknown */.L5)(r.known ? r.value : r.expression, 'network group not in the scanned sources: which VNets it holds is not known', r.origin ?? origin);
        ids.push(g.id);
    }
    return (0,model_value/* known */.eO)(ids, origin);
}
function linkConfiguration(b, ref, origin) {
    const c = (0,avnm_refs/* findByRef */.A)(networkManager(b).configurations, ref);
    if (c)
        return (0,model_value/* known */.eO)(c.id, origin);
    return (0,model_value/* unknown */.L5)(ref?.known ? ref.value : (ref?.expression ?? 'configuration'), 'configuration not in the scanned sources', origin);
}
/**
 * An admin rule's address entries (ARM `[{ addressPrefix }]`, azurerm `source { address_prefix }` blocks),
 * each read by `prefixOf`. Absent = any; an empty list is any too where `emptyIsAny` (azurerm's blocks).
 */
function adminPrefixes(list, prefixOf, origin, emptyIsAny = false) {
    if (list === undefined)
        return (0,model_value/* known */.eO)(['*'], origin);
    if (list.kind === 'unknown')
        return (0,model_value/* unknown */.L5)(list.expression, list.reason, list.origin);
    const entries = (0,value_tree/* items */.ld)(list);
    if (entries.length === 0 && emptyIsAny)
        return (0,model_value/* known */.eO)(['*'], origin);
    const out = [];
    for (const item of entries) {
        const v = prefixOf(item);
        if (!v)
            continue;
        if (!v.known)
            return (0,model_value/* unknown */.L5)(v.expression, v.reason, v.origin);
        out.push(v.value);
    }
    return (0,model_value/* known */.eO)(out, origin);
}
/** A required field, or an Unknown saying it is not set (spelled as the source spells it). */
const required = (v, spelled, origin) => v ?? (0,model_value/* unknown */.L5)(spelled, 'not set', origin);
/**
 * A security admin rule from its fields as any source reads them (`spelled`: the source's names, for
 * "not set"), added and linked to its collection (`collection`, spelled `spelled.collection`).
 */
function addAdminRule(b, header, fields, spelled, collection) {
    const o = header.origin;
    const r = {
        ...header,
        configurationId: (0,model_value/* unknown */.L5)(spelled.collection, 'not linked yet'),
        groupIds: (0,model_value/* unknown */.L5)(spelled.collection, 'not linked yet'),
        priority: required(fields.priority, 'priority', o),
        direction: required(fields.direction, 'direction', o),
        access: required(fields.access, spelled.access, o),
        protocol: required(fields.protocol, 'protocol', o),
        sourceAddressPrefixes: fields.sources,
        destinationAddressPrefixes: fields.destinations,
        destinationPortRanges: fields.ports ?? (0,model_value/* known */.eO)(['*'], o),
    };
    networkManager(b).adminRules.push(r);
    linkRule(b, r, collection);
    return r;
}
/** A routing rule (a managed route) from its fields as any source reads them; see addAdminRule. */
function addManagedRoute(b, header, fields, spelled, collection) {
    const o = header.origin;
    const r = {
        ...header,
        configurationId: (0,model_value/* unknown */.L5)(spelled.collection, 'not linked yet'),
        groupIds: (0,model_value/* unknown */.L5)(spelled.collection, 'not linked yet'),
        destination: required(fields.destination, spelled.destination, o),
        nextHopType: required(fields.nextHopType, spelled.nextHopType, o),
    };
    if (fields.nextHopAddress)
        r.nextHopAddress = fields.nextHopAddress;
    networkManager(b).routes.push(r);
    linkRule(b, r, collection);
    return r;
}
const notCommitted = (origin, how) => (0,model_value/* unknown */.L5)('deployment', `no commit of this configuration in the scanned sources (${how}); its rules apply only once it is committed`, origin);
/** A static member of a network group; one the scan cannot tell apart leaves the membership open. */
function addMember(g, member) {
    if (!g)
        return;
    if (member.id.known) {
        const name = member.name.known ? member.name.value : member.id.value;
        g.staticVnets.push({ id: member.id.value, name });
    }
    else
        g.openMembership = member.id;
}
/** Adds an AVNM resource in ARM shape; false when the type is not one. */
function addNetworkManagerResource(input) {
    const { b, header, props, parent } = input;
    const nm = networkManager(b);
    const type = input.type.toLowerCase();
    switch (type) {
        case `${NM}/networkgroups`: {
            const g = { ...header, staticVnets: [] };
            nm.groups.push(g);
            return true;
        }
        case `${NM}/networkgroups/staticmembers`: {
            const vnet = (0,value_tree/* str */.gx)(p(props, 'resourceId'));
            b.defer(() => {
                const g = (0,avnm_refs/* findByRef */.A)(nm.groups, parent);
                addMember(g, (0,arm_gateways/* vnetRef */.xY)(b, vnet, { near: header.id }, 'resourceId'));
            });
            return true;
        }
        case `${NM}/securityadminconfigurations`:
        case `${NM}/routingconfigurations`: {
            const c = {
                ...header,
                kind: type.endsWith('securityadminconfigurations') ? 'securityAdmin' : 'routing',
                deployed: notCommitted(header.origin, 'a template cannot commit it: the commit is a POST action'),
            };
            nm.configurations.push(c);
            return true;
        }
        case `${NM}/securityadminconfigurations/rulecollections`:
        case `${NM}/routingconfigurations/rulecollections`: {
            const list = p(props, type.includes('securityadmin') ? 'appliesToGroups' : 'appliesTo');
            const refs = (0,value_tree/* items */.ld)(list).flatMap((x) => {
                const v = (0,value_tree/* str */.gx)((0,value_tree/* attrCI */.ej)(x, 'networkGroupId'));
                return v ? [v] : [];
            });
            const c = {
                id: header.id,
                origin: header.origin,
                ...(header.name.known ? { name: header.name.value } : {}),
                configurationId: (0,model_value/* unknown */.L5)('parent', 'not linked yet'),
                groupIds: (0,model_value/* unknown */.L5)('appliesToGroups', 'not linked yet'),
            };
            // `disableBgpRoutePropagation` is a string ("True"/"False") in the API; absent = propagation on.
            if (type.startsWith(`${NM}/routingconfigurations`))
                c.bgpRoutePropagation = (0,value_tree/* not */.AU)((0,value_tree/* bool */.lc)(p(props, 'disableBgpRoutePropagation')) ?? (0,model_value/* known */.eO)(false, header.origin));
            linkCollection(b, c, parent, () => list?.kind === 'unknown'
                ? (0,model_value/* unknown */.L5)(list.expression, list.reason, list.origin)
                : linkGroups(b, refs, header.origin));
            return true;
        }
        case `${NM}/securityadminconfigurations/rulecollections/rules`: {
            const prefixOf = (item) => (0,value_tree/* str */.gx)((0,value_tree/* attrCI */.ej)(item, 'addressPrefix'));
            const fields = {
                sources: adminPrefixes(p(props, 'sources'), prefixOf, header.origin),
                destinations: adminPrefixes(p(props, 'destinations'), prefixOf, header.origin),
            };
            const access = (0,value_tree/* str */.gx)(p(props, 'access'));
            const optional = {
                priority: (0,value_tree/* num */.bu)(p(props, 'priority')),
                direction: (0,value_tree/* str */.gx)(p(props, 'direction')),
                access: access && (0,conditional/* ifDeployed */.k$)(access, input.condition, conditional/* notDeny */.W4, `security admin rule ${header.address}`),
                protocol: (0,value_tree/* str */.gx)(p(props, 'protocol')),
                ports: (0,value_tree/* strList */.Sc)(p(props, 'destinationPortRanges')),
            };
            for (const [k, v] of Object.entries(optional))
                if (v)
                    Object.assign(fields, { [k]: v });
            addAdminRule(b, header, fields, { access: 'access', collection: 'parent' }, parent);
            return true;
        }
        case `${NM}/routingconfigurations/rulecollections/rules`: {
            const fields = {
                destination: (0,value_tree/* str */.gx)(p(props, 'destination', 'destinationAddress')),
                nextHopType: ifDeployedOrNot((0,value_tree/* str */.gx)(p(props, 'nextHop', 'nextHopType')), input.condition, `managed route ${header.address}`),
                nextHopAddress: (0,value_tree/* str */.gx)(p(props, 'nextHop', 'nextHopAddress')),
            };
            const spelled = { destination: 'destination', nextHopType: 'nextHopType', collection: 'parent' };
            addManagedRoute(b, header, fields, spelled, parent);
            return true;
        }
        case DEPLOYMENT_SCRIPTS: {
            const reading = readCommitScript(props, header.origin);
            if (reading.kind !== 'none')
                applyScript(b, header, reading, input.condition);
            return true;
        }
        default:
            return false;
    }
}
const ifDeployedOrNot = (v, condition, what) => v && (0,conditional/* ifDeployed */.k$)(v, condition, conditional/* toInternet */.Lf, what);
/** `SecurityAdmin` \u2192 securityAdmin, `Routing` \u2192 routing; another commit type commits nothing the model has. */
function kindOf(type) {
    if (!type.known)
        return type;
    const t = type.value.trim().toLowerCase();
    return t === 'securityadmin'
        ? (0,model_value/* known */.eO)('securityAdmin', type.origin)
        : t === 'routing'
            ? (0,model_value/* known */.eO)('routing', type.origin)
            : 'other';
}
/** Records what the script commits (./avnm-commits.ts decides, once every commit is in). */
function applyScript(b, script, reading, condition) {
    const label = `deployment script ${script.name.known ? script.name.value : script.address}`;
    const base = { by: script, label, ...(condition ? { condition } : {}) };
    if (reading.kind === 'opaque') {
        const why = (0,model_value/* unknown */.L5)(reading.why.expression, reading.why.reason ?? 'not readable', reading.why.origin);
        (0,avnm_commits/* addCommit */.Ph)(b, { ...base, configurations: why, regions: why, opaque: why });
        return;
    }
    if (reading.kind !== 'commits')
        return;
    for (const commit of reading.commits) {
        const kind = kindOf(commit.commitType);
        if (kind === 'other')
            continue;
        (0,avnm_commits/* addCommit */.Ph)(b, { ...base, kind, configurations: commit.configurationIds, regions: commit.regions });
    }
}
/**
 * Registers a collection and links it in the early step, before the rules that read it: its configuration
 * (by reference) and its groups (`groups()`, evaluated then).
 */
function linkCollection(b, c, configuration, groups) {
    collectionsOf(b).push(c);
    b.deferRegistration(() => {
        c.configurationId = linkConfiguration(b, configuration, c.origin);
        c.groupIds = groups();
    });
}
/** A rule takes its configuration and groups from its collection, once collections are linked. */
function linkRule(b, r, collection) {
    b.defer(() => {
        const c = (0,avnm_refs/* findByRef */.A)(collectionsOf(b).map((x) => ({ ...x, name: x.name !== undefined ? (0,model_value/* known */.eO)(x.name) : undefined, x })), collection)?.x;
        if (!c) {
            const value = (0,model_value/* unknown */.L5)(collection?.known ? collection.value : (collection?.expression ?? 'rule collection'), 'rule collection not in the scanned sources', r.origin);
            r.configurationId = value;
            r.groupIds = value;
            return;
        }
        // Collections link in the early step (linkCollection), so theirs are final here.
        r.configurationId = c.configurationId;
        r.groupIds = c.groupIds;
        if ('destination' in r && c.bgpRoutePropagation)
            r.bgpRoutePropagation = c.bgpRoutePropagation;
    });
}


/***/ }),

/***/ 7649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OD: () => (/* binding */ linkSite),
/* harmony export */   Qc: () => (/* binding */ setVnet),
/* harmony export */   S$: () => (/* binding */ addGatewayResource),
/* harmony export */   T6: () => (/* binding */ GATEWAY_TYPES),
/* harmony export */   oR: () => (/* binding */ vnetOfSubnet),
/* harmony export */   vG: () => (/* binding */ armPeering),
/* harmony export */   xY: () => (/* binding */ vnetRef)
/* harmony export */ });
/* unused harmony export gatewayModel */
/* harmony import */ var _model_network__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2607);
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2904);
/* harmony import */ var _model_vnet__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3580);
/* harmony import */ var _model_build__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9217);
/* harmony import */ var _evaluation_value_tree__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9817);
/**
 * Where BGP routes come from outside Virtual WAN, in ARM shape (Bicep and ARM templates, azapi):
 * virtualNetworkGateways (VPN with or without BGP, ExpressRoute), localNetworkGateways, Azure Route Server
 * (a virtualHubs resource whose ipConfigurations sit in RouteServerSubnet; its bgpConnections are the NVAs
 * peering with it) and virtualNetworkPeerings (useRemoteGateways, allowGatewayTransit), as child resources
 * or inline in a virtual network. Also the link helpers the Terraform adapters share: the VNet of a
 * gateway's subnet, the name of a referenced VNet.
 */





const GATEWAY_TYPES = [
    'Microsoft.Network/virtualNetworkGateways',
    'Microsoft.Network/localNetworkGateways',
    'Microsoft.Network/connections',
    `${_model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.vnet}/virtualNetworkPeerings`,
    `${_model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.virtualHub}/ipConfigurations`,
    `${_model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.virtualHub}/bgpConnections`,
].map((t) => t.toLowerCase());
const gatewayModel = (b) => (b.model.bgp ??= (0,_model_network__WEBPACK_IMPORTED_MODULE_1__/* .emptyGatewayModel */ .Z_)());
function p(obj, ...names) {
    let cur = obj;
    for (const n of names)
        cur = (0,_evaluation_value_tree__WEBPACK_IMPORTED_MODULE_2__/* .attrCI */ .ej)(cur, n);
    return cur;
}
const idOf = (v) => (0,_evaluation_value_tree__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_evaluation_value_tree__WEBPACK_IMPORTED_MODULE_2__/* .attrCI */ .ej)(v, 'id')) ?? (0,_evaluation_value_tree__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(v);
const text = (v) => (v?.known ? v.value : undefined);
const lastSegment = (text) => text.split('/').filter(Boolean).pop() ?? text;
/**
 * The VNet a reference names (an ARM id, a Terraform reference, a model id, or a plain name with the
 * resource group in `hints`): the declared VNet's model id when the scan declares exactly one it can be;
 * else the ARM id, or the name qualified by its resource group; else Unknown, saying why. Never a bare
 * name: two `vnet-spoke` in two resource groups are two VNets.
 */
function vnetRef(b, ref, hints, what) {
    if (!ref)
        return { id: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)(what, 'not set'), name: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)(what, 'not set') };
    const id = b.resolve(_model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.vnet, ref, hints);
    if (id?.known) {
        const own = b.registration(id.value)?.names.at(-1);
        const name = own
            ? (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .known */ .eO)(own, ref.origin)
            : ref.known
                ? (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .known */ .eO)(lastSegment(ref.value), ref.origin)
                : (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)(ref.expression, 'the virtual network\u2019s name is not known', ref.origin);
        return { id, name };
    }
    const why = id && !id.known ? (id.reason ?? 'not known') : 'not known';
    if (!ref.known)
        return { id: id ?? ref, name: ref };
    const text = ref.value.trim();
    const name = (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .known */ .eO)(lastSegment(text), ref.origin);
    if (why.startsWith('ambiguous'))
        return { id: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)(text, why, ref.origin), name };
    if (text.includes('/')) {
        const key = (0,_model_vnet__WEBPACK_IMPORTED_MODULE_4__/* .vnetKeyOfArmId */ .TF)(text);
        if (key)
            return { id: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .known */ .eO)(key, ref.origin), name };
        return { id: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)(text, `${why}; the id names no resource group`, ref.origin), name };
    }
    const rg = hints.resourceGroup;
    if (rg?.known) {
        // The subscription the IaC states (a provider alias, a module scope) is part of the VNet's identity.
        const key = (0,_model_vnet__WEBPACK_IMPORTED_MODULE_4__/* .vnetKeyOfName */ .Ll)(text, rg.value);
        return {
            id: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .known */ .eO)(hints.subscription ? `/subscriptions/${hints.subscription}${key}` : key, ref.origin),
            name,
        };
    }
    const where = rg ? `its resource group is not known (\`${rg.expression}\`)` : 'no resource group is given';
    return {
        id: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)(text, `virtual network ${text} is not in the scanned sources and ${where}: which VNet of that name cannot be told`, ref.origin),
        name,
    };
}
/** Sets an object's VNet key and name. */
function setVnet(o, r) {
    o.vnetId = r.id;
    o.vnetName = r.name;
}
/**
 * The VNet of the subnet a reference names: the declared subnet's, or the VNet part of an ARM id
 * (`.../virtualNetworks/vnet-hub/subnets/GatewaySubnet`). Runs in the link step, after every subnet's
 * VNet is set (in the registration step).
 */
function vnetOfSubnet(b, ref, near) {
    if (!ref)
        return { id: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)('subnet', 'not set'), name: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)('subnet', 'not set') };
    const id = b.resolve(_model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.subnet, ref, { near });
    const subnet = id?.known ? b.model.subnets.find((s) => s.id === id.value) : undefined;
    if (subnet) {
        const what = subnet.address;
        return {
            id: subnet.vnetId ?? (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)(what, 'the subnet\u2019s virtual network is not known', subnet.origin),
            name: subnet.vnetName ?? (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)(what, 'the subnet\u2019s virtual network is not known', subnet.origin),
        };
    }
    const m = ref.known ? /(?:^|\/)virtualNetworks\/([^/]+)\/subnets\//i.exec(ref.value) : null;
    if (m && ref.known) {
        const key = (0,_model_vnet__WEBPACK_IMPORTED_MODULE_4__/* .vnetKeyOfArmId */ .TF)(ref.value);
        const name = (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .known */ .eO)(m[1], ref.origin);
        if (key)
            return { id: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .known */ .eO)(key, ref.origin), name };
        return { id: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)(ref.value, 'the subnet id names no resource group', ref.origin), name };
    }
    // A subnet the scan reads but does not declare (a `data "azurerm_subnet"`, an `existing` resource) names
    // its VNet by name and resource group: the declared VNet so named, else that name in that group.
    const d = id && !id.known ? id.deployed : undefined;
    if (d && d.armType === _model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.subnet.toLowerCase() && d.names.length === 2 && d.resourceGroup) {
        const rg = (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .known */ .eO)(d.resourceGroup, ref.origin);
        const vnet = vnetRef(b, (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .known */ .eO)(d.names[0], ref.origin), { near, resourceGroup: rg }, 'subnet');
        if (vnet.id.known && d.subscription && vnet.id.value.startsWith('/resourcegroups/'))
            vnet.id = (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .known */ .eO)(`/subscriptions/${d.subscription}${vnet.id.value}`, ref.origin);
        return vnet;
    }
    const u = (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)(ref.known ? ref.value : ref.expression, id && !id.known && id.reason ? id.reason : 'the gateway subnet is not in the scanned sources', ref.origin);
    return { id: u, name: u };
}
/**
 * Links a local network gateway to the VPN gateway of a site-to-site connection (azurerm
 * virtual_network_gateway_connection, Microsoft.Network/connections): the gateway propagates the site's
 * address space. Both sides must resolve to objects of the scan; otherwise the site stays unlinked (any VPN
 * gateway may use it, named as such).
 */
function linkSite(b, gatewayRef, siteRef, near, 
/** The connection's Azure name, for messages. */
connection, 
/** The connection's lines: where a VPN gateway the scan does not declare is named. */
origin) {
    const gateway = b.resolve(_model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.vnetGateway, gatewayRef, { near });
    const site = b.resolve(_model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.localNetworkGateway, siteRef, { near });
    if (gatewayRef && gateway && !gateway.known && origin)
        orphanConnection(b, gatewayRef, gateway, site, origin, near, connection);
    const read = gateway && !gateway.known
        ? (gateway.deployed ?? (gatewayRef?.known ? undefined : gatewayRef?.deployed))
        : undefined;
    if (read && site?.known) {
        // Its gateway may be declared by another unit of the scan: kept by Azure identity to link them there.
        const l = gatewayModel(b).localNetworkGateways.find((x) => x.id === site.value);
        if (l)
            (l.gatewaysRead ??= []).push(read);
    }
    if (gateway?.known && site && !site.known) {
        // The gateway propagates a site the scan cannot read: its address space may cover KMS (named, not passed).
        const g = gatewayModel(b).gateways.find((x) => x.id === gateway.value);
        const name = connection?.known ? connection.value : near;
        if (g)
            (g.unknownSites ??= []).push(`connection ${name} uses local network gateway \`${site.expression}\`, which is not in the scanned sources (${site.reason ?? 'not resolved'})`);
    }
    if (!gateway?.known || !site?.known)
        return;
    const l = gatewayModel(b).localNetworkGateways.find((x) => x.id === site.value);
    if (l && !(l.gatewayIds ??= []).includes(gateway.value))
        l.gatewayIds.push(gateway.value);
}
/**
 * A connection whose VPN gateway the scan does not declare (a data source, an ARM id of a gateway deployed
 * elsewhere): that gateway propagates the site's address space, and what on-premises advertises over BGP,
 * to the subnets of its VNet and of the spokes using it, none of which the scan can tell. Linked to nothing
 * it would be named only where some declared gateway may be taken for it: named here, at the connection.
 */
function orphanConnection(b, ref, gateway, site, origin, near, connection) {
    const d = gateway.deployed ?? (ref.known ? undefined : ref.deployed);
    const which = d?.names.length
        ? ` ${d.names.join('/')}${d.resourceGroup ? ` in ${d.resourceGroup}` : ''}`
        : '';
    const l = site?.known ? gatewayModel(b).localNetworkGateways.find((x) => x.id === site.value) : undefined;
    const space = l?.addressPrefixes.known ? ` (${l.addressPrefixes.value.join(', ')})` : '';
    const siteText = l ? `local network gateway ${l.name.known ? l.name.value : l.address}${space}` : 'its site';
    const name = connection?.known ? connection.value : near;
    b.unresolved(origin, `Connection ${name} links ${siteText} to ${which ? `VPN gateway${which}` : 'a VPN gateway'}, ` +
        'which the scanned sources do not declare: that gateway puts the site\u2019s address space (and, with BGP, ' +
        'whatever on-premises advertises) into the routes of its VNet and of spokes peered to it with ' +
        'use_remote_gateways, and which VNets those are is not known here. Scan the sources that declare the ' +
        'gateway with these, or scan with `live: true` and `effective-routes: true`.', ref.known ? ref.value : ref.expression, near, d);
}
/** Registers a gateway or site under its ARM type, so that connections can name it. */
function registerGateway(b, armType, header, resourceGroup) {
    b.register({
        armType,
        id: header.id,
        names: [header.name.known ? header.name.value : undefined],
        resourceGroup: resourceGroup?.known ? resourceGroup.value : undefined,
    });
}
/** A peering from `local` (the VNet's model id, or its reference as the parent, in `resourceGroup`). */
function armPeering(b, header, props, local, resourceGroup) {
    const remote = idOf(p(props, 'remoteVirtualNetwork'));
    const peering = {
        ...header,
        vnetName: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)('parent', 'not linked yet'),
        vnetId: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)('parent', 'not linked yet'),
        remoteVnetName: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)('remoteVirtualNetwork', 'not linked yet'),
        remoteVnetId: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)('remoteVirtualNetwork', 'not linked yet'),
        // The REST API defaults both to false.
        useRemoteGateways: (0,_evaluation_value_tree__WEBPACK_IMPORTED_MODULE_2__/* .bool */ .lc)(p(props, 'useRemoteGateways')) ?? (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .known */ .eO)(false, header.origin),
        allowGatewayTransit: (0,_evaluation_value_tree__WEBPACK_IMPORTED_MODULE_2__/* .bool */ .lc)(p(props, 'allowGatewayTransit')) ?? (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .known */ .eO)(false, header.origin),
    };
    gatewayModel(b).peerings.push(peering);
    b.defer(() => {
        const hints = { near: peering.id, ...(resourceGroup ? { resourceGroup } : {}) };
        const from = vnetRef(b, local, hints, 'parent');
        const to = vnetRef(b, remote, { near: peering.id }, 'remoteVirtualNetwork');
        Object.assign(peering, { vnetId: from.id, vnetName: from.name });
        Object.assign(peering, { remoteVnetId: to.id, remoteVnetName: to.name });
    });
}
/** The Route Server a virtualHubs child belongs to: one gateway per hub, created by the first child. */
function routeServerOf(b, hubId, hub) {
    const model = gatewayModel(b);
    let g = model.gateways.find((x) => x.kind === 'routeServer' && x.id === hubId);
    if (!g) {
        const base = hub ?? { id: hubId, name: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .known */ .eO)(hubId.split('/').pop() ?? hubId) };
        g = {
            ...base,
            id: hubId,
            kind: 'routeServer',
            vnetName: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)('ipConfigurations', 'no ip configuration in RouteServerSubnet'),
            vnetId: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)('ipConfigurations', 'no ip configuration in RouteServerSubnet'),
            peers: [],
        };
        model.gateways.push(g);
    }
    return g;
}
/**
 * The hub a child names, as a model id, and the hub object when the scan declares it; `open`, why it
 * cannot be told (a parent named by a parameter without a value, no parent given).
 */
function parentHub(b, input) {
    // A name the scan cannot evaluate (`[format('{0}/{1}', parameters('hub'), 'nva')]`) carries the parent.
    const name = input.header.name;
    const parent = input.parent ?? (name.known ? undefined : name);
    const id = b.resolve(_model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.virtualHub, parent, { near: input.header.id });
    if (!id?.known)
        return { open: id ?? parent ?? (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)('parent', 'no parent given', input.header.origin) };
    return { id: id.value, hub: b.model.virtualWan?.hubs.find((h) => h.id === id.value) };
}
/**
 * A Route Server part (an NVA's bgpConnection, an ipConfiguration) whose hub cannot be told: it is a
 * Route Server of a VNet the scan cannot tell (for an ipConfiguration, the VNet of its subnet where that
 * is known), whose NVAs advertise routes to that VNet and to spokes using it as remote gateway. Kept as
 * such, never dropped: src/analysis/bgp.ts takes a Route Server of unknown VNet as possibly any subnet's.
 */
function routeServerOfUnknownHub(b, header, open) {
    const why = `which virtual hub (Route Server) ${header.address} belongs to is not known (${open.reason ?? open.expression})`;
    const vnet = (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)(open.expression, `${why}: it may be a Route Server in any virtual network`, header.origin);
    const g = {
        ...header,
        name: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .known */ .eO)(`of ${header.address}`, header.origin),
        kind: 'routeServer',
        vnetName: vnet,
        vnetId: vnet,
        peers: [],
    };
    gatewayModel(b).gateways.push(g);
    return g;
}
/** Adds a gateway, local site, peering or Route Server part; false when the type is none of them. */
function addGatewayResource(input) {
    const { b, header, props } = input;
    const model = gatewayModel;
    switch (input.type.toLowerCase()) {
        case 'microsoft.network/virtualnetworkgateways': {
            const type = (0,_evaluation_value_tree__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(p(props, 'gatewayType'));
            const kind = type?.known && type.value.toLowerCase() === 'expressroute' ? 'expressRoute' : 'vpn';
            const subnetRef = idOf(p((0,_evaluation_value_tree__WEBPACK_IMPORTED_MODULE_2__/* .items */ .ld)(p(props, 'ipConfigurations'))[0], 'properties', 'subnet'));
            const g = {
                ...header,
                kind,
                vnetName: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)('ipConfigurations', 'not linked yet'),
                vnetId: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)('ipConfigurations', 'not linked yet'),
                peers: [],
            };
            // The REST API's default is off.
            if (kind === 'vpn')
                g.bgp = (0,_evaluation_value_tree__WEBPACK_IMPORTED_MODULE_2__/* .bool */ .lc)(p(props, 'enableBgp')) ?? (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .known */ .eO)(false, header.origin);
            model(b).gateways.push(g);
            registerGateway(b, _model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.vnetGateway, header, input.resourceGroup);
            b.defer(() => {
                setVnet(g, vnetOfSubnet(b, subnetRef, g.id));
            });
            return true;
        }
        case 'microsoft.network/localnetworkgateways': {
            const l = {
                ...header,
                addressPrefixes: (0,_evaluation_value_tree__WEBPACK_IMPORTED_MODULE_2__/* .strList */ .Sc)(p(props, 'localNetworkAddressSpace', 'addressPrefixes')) ?? (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .known */ .eO)([], header.origin),
            };
            const bgp = p(props, 'bgpSettings');
            if (bgp) {
                const asn = text((0,_evaluation_value_tree__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(p(bgp, 'asn')));
                l.bgpPeer = `${text((0,_evaluation_value_tree__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(p(bgp, 'bgpPeeringAddress'))) ?? '?'}${asn ? ` AS ${asn}` : ''}`;
            }
            model(b).localNetworkGateways.push(l);
            registerGateway(b, _model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.localNetworkGateway, header, input.resourceGroup);
            return true;
        }
        case 'microsoft.network/connections': {
            const site = idOf(p(props, 'localNetworkGateway2'));
            if (site) {
                const gateway = idOf(p(props, 'virtualNetworkGateway1'));
                b.defer(() => linkSite(b, gateway, site, header.id, header.name, header.origin));
            }
            return true;
        }
        case `${_model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.vnet}/virtualNetworkPeerings`.toLowerCase():
            armPeering(b, header, props, input.parent, input.resourceGroup);
            return true;
        case `${_model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.virtualHub}/ipConfigurations`.toLowerCase(): {
            const subnetRef = idOf(p(props, 'subnet'));
            b.defer(() => {
                const { id, hub, open } = parentHub(b, input);
                const g = id ? routeServerOf(b, id, hub) : routeServerOfUnknownHub(b, header, open);
                const vnet = vnetOfSubnet(b, subnetRef, g.id);
                if (id || vnet.id.known)
                    setVnet(g, vnet);
            });
            return true;
        }
        case `${_model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.virtualHub}/bgpConnections`.toLowerCase(): {
            const ip = text((0,_evaluation_value_tree__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(p(props, 'peerIp')));
            const asn = (0,_evaluation_value_tree__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(p(props, 'peerAsn'));
            const name = header.name.known ? header.name.value : header.address;
            b.defer(() => {
                const { id, hub, open } = parentHub(b, input);
                const asnText = asn?.known ? ` AS ${asn.value}` : '';
                const server = id ? routeServerOf(b, id, hub) : routeServerOfUnknownHub(b, header, open);
                server.peers.push(`${name} ${ip ?? '?'}${asnText}`);
            });
            return true;
        }
        default:
            return false;
    }
}


/***/ }),

/***/ 1151:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  at: () => (/* binding */ addArmResource),
  cV: () => (/* binding */ armResourcesToModel),
  Aj: () => (/* binding */ armTypeOf),
  Tg: () => (/* binding */ isModelledArmType),
  $X: () => (/* binding */ patchArmResource),
  YP: () => (/* binding */ vnetLocations)
});

// EXTERNAL MODULE: ./src/model/value.ts
var value = __webpack_require__(2904);
// EXTERNAL MODULE: ./src/sources/mapping/firewall-rules.ts
var firewall_rules = __webpack_require__(533);
// EXTERNAL MODULE: ./src/model/network.ts
var network = __webpack_require__(2607);
// EXTERNAL MODULE: ./src/model/build.ts
var build = __webpack_require__(9217);
// EXTERNAL MODULE: ./src/sources/mapping/arm-gateways.ts
var arm_gateways = __webpack_require__(7649);
// EXTERNAL MODULE: ./src/sources/evaluation/value-tree.ts
var value_tree = __webpack_require__(9817);
;// CONCATENATED MODULE: ./src/sources/mapping/arm-vwan.ts
/**
 * Virtual WAN in ARM shape (Bicep and ARM templates): virtualHubs, hubVirtualNetworkConnections
 * (enableInternetSecurity, routingConfiguration.associatedRouteTable), routingIntent (routingPolicies),
 * hubRouteTables (routes), vpnGateways and expressRouteGateways. Same model as the Terraform adapters.
 */





const VWAN_TYPES = [
    build/* ARM */.H9.virtualHub,
    `${build/* ARM */.H9.virtualHub}/hubVirtualNetworkConnections`,
    `${build/* ARM */.H9.virtualHub}/routingIntent`,
    build/* ARM */.H9.hubRouteTable,
    'Microsoft.Network/vpnGateways',
    'Microsoft.Network/expressRouteGateways',
].map((t) => t.toLowerCase());
function p(obj, ...names) {
    let cur = obj;
    for (const n of names)
        cur = (0,value_tree/* attrCI */.ej)(cur, n);
    return cur;
}
/** `{ id: '...' }` or a plain id string. */
const idOf = (v) => (0,value_tree/* str */.gx)((0,value_tree/* attrCI */.ej)(v, 'id')) ?? (0,value_tree/* str */.gx)(v);
const wan = (b) => (b.model.virtualWan ??= (0,network/* emptyVirtualWan */.lG)());
const notLinked = (what) => (0,value/* unknown */.L5)(what, 'not linked yet');
function hubOf(b, ref, near) {
    return b.resolve(build/* ARM */.H9.virtualHub, ref, { near }) ?? (0,value/* unknown */.L5)('virtualHub', 'not set');
}
function nextHopOf(b, ref, near) {
    if (!ref)
        return (0,value/* unknown */.L5)('nextHop', 'not set');
    const fw = b.resolve(build/* ARM */.H9.firewall, ref, { near });
    return fw?.known ? fw : ref;
}
const isDefaultTable = (v) => /\/hubRouteTables\/defaultRouteTable$/i.test(v.known ? v.value : v.expression.replace(/['")\]]+$/g, ''));
/** Adds a Virtual WAN resource; false when the type is not one. */
function addVirtualWanResource(input) {
    const { b, header, props } = input;
    const type = input.type.toLowerCase();
    const hubName = () => {
        const ref = input.parent;
        if (!ref?.known)
            return undefined;
        return ref.value.split('/').filter(Boolean).pop();
    };
    switch (type) {
        case build/* ARM */.H9.virtualHub.toLowerCase(): {
            wan(b).hubs.push(header);
            const names = [header.name.known ? header.name.value : undefined];
            b.register({ armType: build/* ARM */.H9.virtualHub, id: header.id, names, resourceGroup: input.resourceGroup });
            return true;
        }
        case `${build/* ARM */.H9.virtualHub}/hubVirtualNetworkConnections`.toLowerCase(): {
            const remote = idOf(p(props, 'remoteVirtualNetwork'));
            const assoc = idOf(p(props, 'routingConfiguration', 'associatedRouteTable'));
            const c = {
                ...header,
                hubId: notLinked('parent'),
                vnetName: notLinked('remoteVirtualNetwork'),
                vnetId: notLinked('remoteVirtualNetwork'),
                // The REST API's default is off: the hub's default route is not propagated to this VNet.
                internetSecurity: (0,value_tree/* bool */.lc)(p(props, 'enableInternetSecurity')) ?? (0,value/* known */.eO)(false, header.origin),
            };
            wan(b).connections.push(c);
            b.defer(() => {
                c.hubId = hubOf(b, input.parent, c.id);
                (0,arm_gateways/* setVnet */.Qc)(c, (0,arm_gateways/* vnetRef */.xY)(b, remote, { near: c.id }, 'remoteVirtualNetwork'));
                if (assoc) {
                    const t = b.resolve(build/* ARM */.H9.hubRouteTable, assoc, { near: c.id });
                    // defaultRouteTable need not be declared: the hub always has it.
                    if (t && (t.known || !isDefaultTable(assoc)))
                        c.associatedRouteTableId = t;
                }
            });
            return true;
        }
        case `${build/* ARM */.H9.virtualHub}/routingIntent`.toLowerCase(): {
            const intent = { ...header, hubId: notLinked('parent') };
            const policy = (0,value_tree/* items */.ld)(p(props, 'routingPolicies')).find((x) => {
                const d = (0,value_tree/* strList */.Sc)((0,value_tree/* attrCI */.ej)(x, 'destinations'));
                return !d || !d.known || d.value.some((v) => v.toLowerCase() === 'internet');
            });
            wan(b).routingIntents.push(intent);
            b.defer(() => {
                intent.hubId = hubOf(b, input.parent, intent.id);
                if (policy)
                    intent.internetNextHop = nextHopOf(b, idOf((0,value_tree/* attrCI */.ej)(policy, 'nextHop')), intent.id);
            });
            return true;
        }
        case build/* ARM */.H9.hubRouteTable.toLowerCase(): {
            const routes = (0,value_tree/* items */.ld)(p(props, 'routes')).map((item, i) => {
                const name = (0,value_tree/* str */.gx)((0,value_tree/* attrCI */.ej)(item, 'name')) ?? (0,value/* unknown */.L5)(`routes[${i}].name`, 'not set', item.origin);
                const r = {
                    ...header,
                    id: `${header.id}/routes/${name.known ? name.value : i}`,
                    name,
                    origin: item.origin,
                    destinations: (0,value_tree/* strList */.Sc)((0,value_tree/* attrCI */.ej)(item, 'destinations')) ?? (0,value/* unknown */.L5)('destinations', 'not set', item.origin),
                    nextHop: notLinked('nextHop'),
                };
                const hop = idOf((0,value_tree/* attrCI */.ej)(item, 'nextHop'));
                b.defer(() => {
                    r.nextHop = nextHopOf(b, hop, r.id);
                });
                return r;
            });
            const table = { ...header, hubId: notLinked('parent'), routes };
            wan(b).routeTables.push(table);
            b.register({
                armType: build/* ARM */.H9.hubRouteTable,
                id: header.id,
                names: [hubName(), header.name.known ? header.name.value : undefined],
                resourceGroup: input.resourceGroup,
            });
            b.defer(() => {
                table.hubId = hubOf(b, input.parent, table.id);
            });
            return true;
        }
        case 'microsoft.network/vpngateways':
        case 'microsoft.network/expressroutegateways': {
            const kind = type.endsWith('vpngateways') ? 'vpn' : 'expressRoute';
            const ref = idOf(p(props, 'virtualHub'));
            const g = { ...header, kind, hubId: notLinked('virtualHub') };
            wan(b).gateways.push(g);
            b.defer(() => {
                g.hubId = hubOf(b, ref, g.id);
            });
            return true;
        }
        default:
            return false;
    }
}

// EXTERNAL MODULE: ./src/sources/mapping/arm-avnm.ts + 1 modules
var arm_avnm = __webpack_require__(8501);
;// CONCATENATED MODULE: ./src/sources/mapping/arm-network-interfaces.ts



const NETWORK_INTERFACE_TYPES = [build/* ARM */.H9.networkInterface];
const prop = (obj, ...names) => names.reduce((cur, n) => (0,value_tree/* attrCI */.ej)(cur, n), obj);
/** An `{ id: \u2026 }` reference or a plain id string. */
const arm_network_interfaces_idOf = (v) => (0,value_tree/* str */.gx)((0,value_tree/* attrCI */.ej)(v, 'id')) ?? (0,value_tree/* str */.gx)(v);
/** Adds a network interface; false when the type is not one. */
function addNetworkInterfaceResource(input) {
    const { b, header, props } = input;
    if (input.type.toLowerCase() !== build/* ARM */.H9.networkInterface.toLowerCase())
        return false;
    const nic = Object.assign(header, { subnetIds: [] });
    (b.model.networkInterfaces ??= []).push(nic);
    b.register({
        armType: build/* ARM */.H9.networkInterface,
        id: header.id,
        names: [header.name.known ? header.name.value : undefined],
        resourceGroup: header.resourceGroup,
        ...(header.subscription !== undefined ? { subscription: header.subscription } : {}),
    });
    const configs = prop(props, 'ipConfigurations');
    const near = { near: header.id };
    b.defer(() => {
        // A configuration list that cannot be evaluated gives one subnet that cannot be told.
        const list = configs?.kind === 'unknown' ? [configs] : (0,value_tree/* items */.ld)(configs);
        list.forEach((c, i) => {
            const ref = prop(c, 'properties', 'subnet');
            const id = ref ? b.resolve(build/* ARM */.H9.subnet, arm_network_interfaces_idOf(ref), near) : undefined;
            nic.subnetIds.push(id ?? (0,value/* unknown */.L5)(`ipConfigurations[${i}].properties.subnet.id`, 'not set', c.origin));
        });
        // `null` (an optional NSG left out, as AVM's NIC module writes it) is no NSG, as on a subnet.
        const nsg = prop(props, 'networkSecurityGroup');
        const nsgId = nsg && nsg.kind !== 'null' ? b.resolve(build/* ARM */.H9.nsg, arm_network_interfaces_idOf(nsg), near) : undefined;
        if (nsgId) {
            nic.nsgId = nsgId;
            nic.nsgOrigin = nsg.origin;
        }
    });
    return true;
}

// EXTERNAL MODULE: ./src/sources/mapping/avnm-commits.ts
var avnm_commits = __webpack_require__(5898);
// EXTERNAL MODULE: ./src/sources/mapping/conditional.ts
var conditional = __webpack_require__(7691);
;// CONCATENATED MODULE: ./src/sources/mapping/subnet-redeclarations.ts

const ASSOCIATIONS = [
    ['routeTableId', 'routeTableOrigin', 'route table'],
    ['nsgId', 'nsgOrigin', 'network security group'],
    ['natGatewayId', undefined, 'NAT gateway'],
];
const same = (a, b) => a === undefined || b === undefined
    ? a === b
    : a.known && b.known && JSON.stringify(a.value) === JSON.stringify(b.value);
/** `what` differs between the declarations: unknown, naming the condition and both values. */
function eitherWay(inline, child, c, condition, what) {
    const text = (v) => v === undefined ? 'none' : v.known ? String(v.value) : v.expression;
    return (0,value/* unknown */.L5)(condition.expression, `${c.address} redeclares this subnet with ${what} ${text(child)} (inline: ${text(inline)}) under a condition that cannot be evaluated (${condition.reason ?? 'its condition cannot be evaluated'}): which declaration applies is not known`, condition.origin ?? c.origin);
}
/** Folds the conditional declaration `c` into the inline one `s` (the subnet the model keeps). */
function fold(s, c, condition) {
    for (const [field, originField, what] of ASSOCIATIONS) {
        const inline = s[field];
        const child = c[field];
        if (same(inline, child))
            continue;
        if (child === undefined) {
            s[field] = eitherWay(inline, child, c, condition, what);
            continue;
        }
        s[field] = child;
        if (originField && c[originField])
            s[originField] = c[originField];
        s.associationConditions = { ...s.associationConditions, [field]: condition };
        if (inline)
            s.associationsOtherwise = { ...s.associationsOtherwise, [field]: inline };
    }
    if (!same(s.defaultOutboundAccess, c.defaultOutboundAccess))
        s.defaultOutboundAccess = eitherWay(s.defaultOutboundAccess, c.defaultOutboundAccess, c, condition, 'default outbound access');
    if (!same(s.addressPrefixes, c.addressPrefixes))
        s.addressPrefixes = eitherWay(s.addressPrefixes, c.addressPrefixes, c, condition, 'address prefixes');
}
/**
 * Inline in a VNet's `subnets`: the VNet resource's own, or the Azure Verified Module's (its `subnets`
 * parameter, mapped as the VNet's inline subnets, src/sources/bicep/avm.ts), which a child resource in
 * the same deployment redeclares just the same.
 */
const INLINE = ['microsoft.network/virtualnetworks', 'avm/res/network/virtual-network'];
const isInline = (s) => INLINE.includes(s.sourceType.toLowerCase());
const CHILD = 'microsoft.network/virtualnetworks/subnets';
/** The subnet a declaration is, within one deployment: its VNet (model id) and name. */
const identity = (s) => s.vnetId?.known && s.name.known ? `${s.vnetId.value}\u0000${s.name.value.toLowerCase()}` : undefined;
/**
 * One subnet for an inline declaration and a child resource redeclaring it: the child's settings where it
 * is surely deployed, both ways where its condition cannot be evaluated. The inline object stays (its id,
 * its lines), the child's goes.
 */
function foldRedeclaredSubnets(model) {
    const groups = new Map();
    for (const s of model.subnets) {
        const k = identity(s);
        if (k === undefined)
            continue;
        const group = groups.get(k);
        if (group)
            group.push(s);
        else
            groups.set(k, [s]);
    }
    // Each declaration folded away, and the one kept for its subnet.
    const folded = new Map();
    for (const group of groups.values()) {
        const inline = group.find((s) => isInline(s) && !s.condition);
        const child = group.find((s) => s.sourceType.toLowerCase() === CHILD);
        if (group.length !== 2 || !inline || !child) {
            const gone = alternatives(group);
            const kept = group.find((s) => !gone.includes(s));
            if (kept)
                for (const s of gone)
                    folded.set(s, kept);
            continue;
        }
        if (child.condition)
            fold(inline, child, child.condition);
        else
            replace(inline, child);
        folded.set(child, inline);
    }
    if (folded.size === 0)
        return;
    model.subnets = model.subnets.filter((s) => !folded.has(s));
    repointReferences(model, folded);
}
/**
 * A reference to the subnet (a firewall's subnet, a network interface's) written as the folded child
 * (`fwSubnet.id`), or by ARM id or name, which the declarations of one subnet made ambiguous
 * (`resourceId('\u2026/subnets', 'vnet-hub', 'AzureFirewallSubnet')`, resolved before the fold): it is the
 * subnet kept. Else it reads as not in the sources: a forced-tunnelling firewall's own routes are not
 * followed, a NIC's subnet cannot be told (undecided for no reason).
 */
function repointReferences(model, folded) {
    const keptById = new Map([...folded].map(([gone, kept]) => [gone.id, kept]));
    const declarations = new Map();
    for (const [gone, kept] of folded)
        declarations.set(kept, [...(declarations.get(kept) ?? [kept.id]), gone.id]);
    const repoint = (ref) => {
        if (ref.known) {
            const kept = keptById.get(ref.value);
            return kept ? (0,value/* known */.eO)(kept.id, ref.origin) : ref;
        }
        // The builder names the candidates of an ambiguous reference (src/model/build.ts resolve): all of them
        // declarations of one subnet.
        const reason = ref.reason ?? '';
        if (!reason.startsWith('ambiguous:'))
            return ref;
        const listed = /\(([^()]*)\)\s*$/.exec(reason)?.[1]?.split(', ');
        if (!listed)
            return ref;
        for (const [kept, ids] of declarations)
            if (listed.length === ids.length && listed.every((id) => ids.includes(id)))
                return (0,value/* known */.eO)(kept.id, ref.origin);
        return ref;
    };
    for (const fw of model.firewalls)
        if (fw.subnetId)
            fw.subnetId = repoint(fw.subnetId);
    for (const nic of model.networkInterfaces ?? [])
        nic.subnetIds = nic.subnetIds.map(repoint);
}
/** A child deployed whenever its VNet is: its declaration is the subnet's (a PUT of the whole subnet). */
function replace(s, c) {
    for (const [field, originField] of ASSOCIATIONS) {
        if (c[field])
            s[field] = c[field];
        else
            delete s[field];
        if (originField) {
            if (c[originField])
                s[originField] = c[originField];
            else
                delete s[originField];
        }
    }
    s.addressPrefixes = c.addressPrefixes;
    if (c.defaultOutboundAccess)
        s.defaultOutboundAccess = c.defaultOutboundAccess;
    else
        delete s.defaultOutboundAccess;
    if (c.dedicatedTo)
        s.dedicatedTo = c.dedicatedTo;
    else
        delete s.dedicatedTo;
}
/**
 * Two or more child declarations of one subnet, each behind a condition the scan cannot evaluate (often
 * opposite ones: `if (forceTunnel)` with one route table, `if (!forceTunnel)` with another), beside the
 * inline declaration or without one. Which is deployed is not known, so none is the subnet: the inline
 * declaration (else the last child) stays, the other children become its redeclarations, and the analysis
 * judges the subnet with each (Subnet.redeclarations): the verdict stands where they agree, else it is
 * undecided, naming the condition. Where two are under opposite conditions as written (`x` and `!x`, ARM
 * `not(\u2026)`), one of them is always deployed: the inline declaration is then never the subnet's, the later
 * of the two stands in for it. (Where several may be deployed together, the one deployed last wins;
 * the analysis takes them in source order.) Returns the declarations folded away; none where the group is
 * not of that shape (an unconditional child, a conditional VNet: left as they were).
 */
function alternatives(group) {
    const children = group.filter((s) => s.sourceType.toLowerCase() === CHILD);
    const inlines = group.filter(isInline);
    if (children.length < 2 || inlines.length > 1 || children.length + inlines.length !== group.length)
        return [];
    if (inlines.some((s) => s.condition) || children.some((c) => !c.condition))
        return [];
    // Two children under opposite conditions: one of them is always deployed, so the inline declaration
    // never stands on its own; the later child of the pair is what the subnet has where no other is.
    const pair = children.find((b, i) => children.slice(0, i).some((a) => opposite(a.condition, b.condition)));
    const kept = inlines[0] ?? pair ?? children[children.length - 1];
    if (pair && kept !== pair)
        replace(kept, pair);
    kept.redeclarations = children
        .filter((c) => c !== kept && c !== pair)
        .map((c) => ({
        condition: c.condition,
        address: c.address,
        origin: c.origin,
        addressPrefixes: c.addressPrefixes,
        ...(c.routeTableId ? { routeTableId: c.routeTableId } : {}),
        ...(c.routeTableOrigin ? { routeTableOrigin: c.routeTableOrigin } : {}),
        ...(c.nsgId ? { nsgId: c.nsgId } : {}),
        ...(c.nsgOrigin ? { nsgOrigin: c.nsgOrigin } : {}),
        ...(c.natGatewayId ? { natGatewayId: c.natGatewayId } : {}),
        ...(c.defaultOutboundAccess ? { defaultOutboundAccess: c.defaultOutboundAccess } : {}),
    }));
    return children.filter((c) => c !== kept);
}
/** A condition as written, without the brackets of an ARM expression and outer parentheses. */
function bare(text) {
    let t = text.trim();
    if (t.startsWith('[') && t.endsWith(']'))
        t = t.slice(1, -1).trim();
    while (t.startsWith('(') && t.endsWith(')') && balanced(t.slice(1, -1)))
        t = t.slice(1, -1).trim();
    return t;
}
const balanced = (t) => {
    let depth = 0;
    for (const ch of t) {
        depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
        if (depth < 0)
            return false;
    }
    return depth === 0;
};
/** The negation `text` is written as (Bicep `!x`, ARM `not(x)`), or undefined. */
function negated(text) {
    const t = bare(text);
    if (t.startsWith('!'))
        return bare(t.slice(1));
    const not = /^not\(([\s\S]*)\)$/i.exec(t);
    if (not && balanced(not[1]))
        return bare(not[1]);
    return undefined;
}
/** `a` holds exactly where `b` does not, as written: `x` and `!x`, `[parameters('x')]` and `[not(parameters('x'))]`. */
function opposite(a, b) {
    const na = negated(a.expression);
    const nb = negated(b.expression);
    return (na !== undefined && na === bare(b.expression)) || (nb !== undefined && nb === bare(a.expression));
}

;// CONCATENATED MODULE: ./src/sources/mapping/foreign-subnets.ts
const foreign_subnets_CHILD = 'microsoft.network/virtualnetworks/subnets';
const FIELDS = [
    ['routeTableId', 'routeTableOrigin', 'route table'],
    ['nsgId', 'nsgOrigin', 'network security group'],
    ['natGatewayId', undefined, 'NAT gateway'],
];
function handOverForeignSubnets(model) {
    const declared = new Set((model.vnets ?? []).map((v) => v.id));
    for (const s of model.subnets) {
        if (s.sourceType.toLowerCase() !== foreign_subnets_CHILD || s.condition)
            continue;
        if (s.vnetId?.known && declared.has(s.vnetId.value))
            continue;
        if (!s.vnetName?.known || !s.name.known || !s.resourceGroup)
            continue;
        const subnet = {
            armType: 'Microsoft.Network/virtualNetworks/subnets',
            names: [s.vnetName.value, s.name.value],
            resourceGroup: s.resourceGroup,
            ...(s.subscription ? { subscription: s.subscription } : {}),
        };
        for (const [field, originField, what] of FIELDS) {
            const target = s[field];
            if (!target)
                continue;
            const origin = (originField && s[originField]) || s.origin;
            // Not a notice of this unit's (it judges the subnet itself): the field is the handover's identity.
            const diagnostic = {
                ruleId: 'KMS011',
                origin,
                message: `${s.address} sets the ${what} of ${s.vnetName.value}/${s.name.value}, a virtual network another deployment declares`,
                address: s.address,
            };
            (model.detachedAssociations ??= []).push({
                subnet,
                field,
                target,
                origin,
                address: s.address,
                diagnostic,
            });
        }
    }
}

;// CONCATENATED MODULE: ./src/sources/mapping/arm-shapes.ts












/** Path of case-insensitive property names; an unknown on the way is the answer. */
function arm_shapes_p(obj, ...names) {
    let cur = obj;
    for (const n of names)
        cur = (0,value_tree/* attrCI */.ej)(cur, n);
    return cur;
}
const emptyList = () => (0,value/* known */.eO)([]);
function armTypeOf(type) {
    const at = type.indexOf('@');
    return (at >= 0 ? type.slice(0, at) : type).trim();
}
function headerOf(input, name) {
    const h = {
        id: input.id,
        name,
        origin: input.origin,
        format: input.format,
        sourceType: input.sourceType ?? armTypeOf(input.armType),
        address: input.address,
    };
    if (input.variant !== undefined)
        h.variant = input.variant;
    if (input.resourceGroup?.known)
        h.resourceGroup = input.resourceGroup.value;
    if (input.subscription !== undefined)
        h.subscription = input.subscription;
    if (input.condition)
        h.condition = input.condition;
    return h;
}
/** A nested item (`routes[0]`) as its own model object: id `<parent id>/<collection>/<name or index>`. */
function childHeader(ctx, collection, item, index) {
    const name = (0,value_tree/* str */.gx)((0,value_tree/* attrCI */.ej)(item, 'name')) ?? (0,value/* unknown */.L5)(`${collection}[${index}].name`, 'not set', item.origin);
    const key = name.known ? name.value : String(index);
    return { ...ctx.header, id: `${ctx.header.id}/${collection}/${key}`, name, origin: item.origin };
}
/**
 * Splits `parent/child` names. Returns the own name and, when the name carried it, the parent's name.
 */
function splitName(name) {
    if (!name.known || !name.value.includes('/'))
        return { own: name };
    const parts = name.value.split('/');
    return {
        own: (0,value/* known */.eO)(parts[parts.length - 1], name.origin),
        parentName: (0,value/* known */.eO)(parts.slice(0, -1).join('/'), name.origin),
    };
}
/** ARM types `addArmResource` maps, lower case. */
const MODELLED_TYPES = new Set([
    build/* ARM */.H9.routeTable,
    `${build/* ARM */.H9.routeTable}/routes`,
    build/* ARM */.H9.vnet,
    build/* ARM */.H9.subnet,
    build/* ARM */.H9.nsg,
    `${build/* ARM */.H9.nsg}/securityRules`,
    build/* ARM */.H9.firewall,
    build/* ARM */.H9.firewallPolicy,
    `${build/* ARM */.H9.firewallPolicy}/ruleCollectionGroups`,
    build/* ARM */.H9.ipGroup,
    build/* ARM */.H9.natGateway,
    ...VWAN_TYPES,
    ...arm_gateways/* GATEWAY_TYPES */.T6,
    ...arm_avnm/* AVNM_TYPES */.hw,
    ...NETWORK_INTERFACE_TYPES,
].map((t) => t.toLowerCase()));
/**
 * Does the model have a place for this ARM type? Sources use it to stay quiet about values of resources
 * that cannot change a KMS verdict (the condition of a lock or a role assignment).
 */
function isModelledArmType(type) {
    return MODELLED_TYPES.has(armTypeOf(type).toLowerCase());
}
/** Adds one ARM-shaped resource to the builder. Returns false for types the model has no place for. */
function addArmResource(b, input) {
    const type = armTypeOf(input.armType).toLowerCase();
    const { own, parentName } = splitName(input.name);
    const ctx = { b, input, header: headerOf(input, own), props: arm_shapes_p(input.body, 'properties') };
    const parentRef = input.parent ?? parentName;
    if (input.dependsOn)
        (0,avnm_commits/* recordDependencies */.de)(b, input.id, input.dependsOn);
    switch (type) {
        case build/* ARM */.H9.routeTable.toLowerCase():
            routeTable(ctx);
            return true;
        case `${build/* ARM */.H9.routeTable}/routes`.toLowerCase():
            childOf(ctx, build/* ARM */.H9.routeTable, parentRef, (tableId) => {
                const table = b.model.routeTables.find((t) => t.id === tableId);
                table?.routes.push(route(b, ctx.header, ctx.props, tableId, ctx.input.condition));
            });
            return true;
        case build/* ARM */.H9.vnet.toLowerCase():
            virtualNetwork(ctx);
            return true;
        case build/* ARM */.H9.subnet.toLowerCase():
            standaloneSubnet(ctx, parentRef);
            return true;
        case build/* ARM */.H9.nsg.toLowerCase():
            nsg(ctx);
            return true;
        case `${build/* ARM */.H9.nsg}/securityRules`.toLowerCase():
            childOf(ctx, build/* ARM */.H9.nsg, parentRef, (nsgId) => {
                b.model.nsgs
                    .find((n) => n.id === nsgId)
                    ?.rules.push(nsgRule(ctx.header, ctx.props, nsgId, ctx.input.condition));
            });
            return true;
        case build/* ARM */.H9.firewall.toLowerCase():
            firewall(ctx);
            return true;
        case build/* ARM */.H9.firewallPolicy.toLowerCase():
            firewallPolicy(ctx);
            return true;
        case `${build/* ARM */.H9.firewallPolicy}/ruleCollectionGroups`.toLowerCase():
            childOf(ctx, build/* ARM */.H9.firewallPolicy, parentRef, (policyId) => {
                const group = ruleCollectionGroup(ctx, (0,value/* known */.eO)(policyId));
                b.model.firewallPolicies.find((f) => f.id === policyId)?.ruleCollectionGroups.push(group);
            });
            return true;
        case build/* ARM */.H9.ipGroup.toLowerCase(): {
            const g = { ...ctx.header, cidrs: (0,value_tree/* strList */.Sc)(arm_shapes_p(ctx.props, 'ipAddresses')) ?? emptyList() };
            b.model.ipGroups.push(g);
            register(ctx, build/* ARM */.H9.ipGroup);
            return true;
        }
        case build/* ARM */.H9.natGateway.toLowerCase(): {
            const n = { ...ctx.header };
            b.model.natGateways.push(n);
            register(ctx, build/* ARM */.H9.natGateway);
            return true;
        }
        case APPLICATION_GATEWAY:
            applicationGateway(ctx);
            return true;
        default:
            return (addVirtualWanResource({
                b,
                type,
                header: ctx.header,
                props: ctx.props,
                ...(parentRef ? { parent: parentRef } : {}),
                ...(input.resourceGroup?.known ? { resourceGroup: input.resourceGroup.value } : {}),
            }) ||
                (0,arm_gateways/* addGatewayResource */.S$)({
                    b,
                    type,
                    header: ctx.header,
                    props: ctx.props,
                    ...(parentRef ? { parent: parentRef } : {}),
                    ...(input.resourceGroup ? { resourceGroup: input.resourceGroup } : {}),
                }) ||
                (0,arm_avnm/* addNetworkManagerResource */.Lv)({
                    b,
                    type,
                    header: ctx.header,
                    props: ctx.props,
                    ...(parentRef ? { parent: parentRef } : {}),
                    ...(input.condition ? { condition: input.condition } : {}),
                }) ||
                addNetworkInterfaceResource({ b, type, header: ctx.header, props: ctx.props }));
    }
}
const APPLICATION_GATEWAY = 'microsoft.network/applicationgateways';
/** An Application Gateway's subnet holds nothing else (Azure requires it dedicated): no VM to judge there. */
function applicationGateway(ctx) {
    const name = ctx.header.name.known ? ctx.header.name.value : ctx.header.address;
    for (const config of nested(arm_shapes_p(ctx.props, 'gatewayIPConfigurations'))) {
        const ref = arm_shapes_p(config, 'properties', 'subnet');
        if (!ref)
            continue;
        ctx.b.defer(() => {
            const id = ctx.b.resolve(build/* ARM */.H9.subnet, (0,value_tree/* str */.gx)((0,value_tree/* attrCI */.ej)(ref, 'id')) ?? (0,value_tree/* str */.gx)(ref), { near: ctx.header.id });
            const subnet = id?.known ? ctx.b.model.subnets.find((s) => s.id === id.value) : undefined;
            if (subnet)
                subnet.dedicatedTo = `used by Application Gateway ${name}`;
        });
    }
}
/**
 * Maps a list of ARM-shaped resources to a model (the entry point for the Bicep and ARM sources); `also`
 * adds what the resources alone do not say (what the parts the scan cannot follow may change).
 */
function armResourcesToModel(inputs, also) {
    const b = new build/* ModelBuilder */.LN();
    for (const input of inputs)
        addArmResource(b, input);
    also?.(b);
    const model = b.finish();
    foldRedeclaredSubnets(model);
    handOverForeignSubnets(model);
    return model;
}
function register(ctx, armType, parentName) {
    const own = ctx.header.name.known ? ctx.header.name.value : undefined;
    const rg = ctx.input.resourceGroup?.known ? ctx.input.resourceGroup.value : undefined;
    const names = armType.split('/').length > 2 ? [parentName, own] : [own];
    ctx.b.register({
        armType,
        id: ctx.header.id,
        names,
        resourceGroup: rg,
        ...(ctx.input.subscription !== undefined ? { subscription: ctx.input.subscription } : {}),
    });
}
/** Attaches a child resource to its parent in the link step; an unresolvable parent is a KMS011 notice. */
function childOf(ctx, parentType, parent, attach) {
    ctx.b.defer(() => {
        const id = ctx.b.resolve(parentType, parent, {
            resourceGroup: ctx.input.resourceGroup,
            near: ctx.header.id,
        });
        if (id?.known)
            return attach(id.value);
        ctx.b.unresolved(ctx.input.origin, `${ctx.input.address}: cannot tell which ${parentType} this ${armTypeOf(ctx.input.armType)} belongs to` +
            (id ? ` (${id.reason ?? 'not resolved'})` : ' (no parent given)'), id?.expression, ctx.input.address);
    });
}
// ---- route tables ----------------------------------------------------------------------------------
function route(b, header, props, routeTableId, condition) {
    const r = {
        ...header,
        routeTableId,
        addressPrefix: (0,value_tree/* str */.gx)(arm_shapes_p(props, 'addressPrefix')) ?? (0,value/* unknown */.L5)('addressPrefix', 'not set', header.origin),
        nextHopType: (0,conditional/* ifDeployed */.k$)((0,value_tree/* str */.gx)(arm_shapes_p(props, 'nextHopType')) ?? (0,value/* unknown */.L5)('nextHopType', 'not set', header.origin), condition, conditional/* toInternet */.Lf, `route ${header.address}`),
    };
    const hop = (0,value_tree/* str */.gx)(arm_shapes_p(props, 'nextHopIpAddress'));
    if (hop)
        r.nextHopIpAddress = hop;
    if (hop && !hop.known && hop.ref && (0,build/* parseArmId */.fk)(hop.ref.resource)) {
        // The address of an `existing` resource, named by its ARM id: a firewall declared elsewhere in the
        // scan is that firewall. Otherwise the ref is dropped: an ARM id is no model object, and the
        // address stays unknown (KMS011) rather than an unverified appliance.
        const ref = hop.ref;
        b.defer(() => {
            const fw = b.resolve(build/* ARM */.H9.firewall, (0,value/* known */.eO)(ref.resource, hop.origin));
            r.nextHopIpAddress =
                fw?.known && ref.attribute.startsWith('properties.ipConfigurations')
                    ? { ...hop, ref: { resource: fw.value, attribute: ref.attribute } }
                    : {
                        ...(0,value/* unknown */.L5)(hop.expression, hop.reason, hop.origin),
                        // By Azure identity: another unit of the scan may declare it (src/analysis/cross-unit-firewalls.ts).
                        ...(fw && !fw.known && fw.deployed ? { deployed: fw.deployed } : {}),
                    };
        });
    }
    return r;
}
/** A list of nested items; when the list itself is unknown, one placeholder item stands for its contents. */
function nested(list) {
    return list?.kind === 'unknown' ? [list] : (0,value_tree/* items */.ld)(list);
}
function routeTable(ctx) {
    const disabled = (0,value_tree/* bool */.lc)(arm_shapes_p(ctx.props, 'disableBgpRoutePropagation'));
    const condition = ctx.input.condition;
    const table = {
        ...ctx.header,
        routes: [],
        bgpRoutePropagation: (0,conditional/* ifDeployed */.k$)(disabled ? (0,value_tree/* not */.AU)(disabled) : (0,value/* known */.eO)(true), condition, conditional/* propagationOff */.cq, `route table ${ctx.header.address}`),
    };
    nested(arm_shapes_p(ctx.props, 'routes')).forEach((item, i) => table.routes.push(route(ctx.b, childHeader(ctx, 'routes', item, i), arm_shapes_p(item, 'properties'), table.id, condition)));
    ctx.b.model.routeTables.push(table);
    register(ctx, build/* ARM */.H9.routeTable);
}
// ---- virtual networks and subnets ------------------------------------------------------------------
/** Route table, NSG and NAT gateway of a subnet, as model ids; runs in the link step. */
function subnetReferences(b, s, props) {
    const near = { near: s.id };
    const ref = (v) => (0,value_tree/* str */.gx)((0,value_tree/* attrCI */.ej)(v, 'id')) ?? (0,value_tree/* str */.gx)(v);
    const rt = arm_shapes_p(props, 'routeTable');
    if (rt) {
        s.routeTableId = b.resolve(build/* ARM */.H9.routeTable, ref(rt), near);
        s.routeTableOrigin = rt.origin;
    }
    const nsgRef = arm_shapes_p(props, 'networkSecurityGroup');
    if (nsgRef) {
        s.nsgId = b.resolve(build/* ARM */.H9.nsg, ref(nsgRef), near);
        s.nsgOrigin = nsgRef.origin;
    }
    const nat = arm_shapes_p(props, 'natGateway');
    if (nat)
        s.natGatewayId = b.resolve(build/* ARM */.H9.natGateway, ref(nat), near);
}
const PATCHED = [
    ['routeTable', 'routeTableId'],
    ['networkSecurityGroup', 'nsgId'],
    ['natGateway', 'natGatewayId'],
];
/**
 * A patch of a subnet's associations that may not be applied (an azapi_update_resource under a count the
 * scan cannot evaluate): each association it sets is judged with and without it, as a conditional
 * association resource is (src/analysis/conditions.ts); without it, the association the subnet had before
 * (Subnet.associationsOtherwise), if any.
 */
function conditionalPatch(s, before, props, condition) {
    for (const [property, field] of PATCHED) {
        if (!arm_shapes_p(props, property))
            continue;
        s.associationConditions = { ...s.associationConditions, [field]: condition };
        const otherwise = before[field];
        if (otherwise)
            s.associationsOtherwise = { ...s.associationsOtherwise, [field]: otherwise };
        else if (s.associationsOtherwise)
            delete s.associationsOtherwise[field];
    }
}
/** The subnet fields every spelling shares; references are resolved in the link step. */
function subnet(ctx, header, props, vnetName, location) {
    const prefix = arm_shapes_p(props, 'addressPrefix');
    const prefixes = arm_shapes_p(props, 'addressPrefixes');
    const s = {
        ...header,
        // Without either (IPAM pool allocations), the prefixes are Azure's choice: unknown, not empty.
        addressPrefixes: prefix || prefixes ? (0,value_tree/* oneOrMany */.Pl)(prefix, prefixes) : (0,value/* unknown */.L5)('addressPrefixes', 'not set', header.origin),
    };
    if (vnetName)
        s.vnetName = vnetName;
    if (location)
        s.location = location;
    const services = nested(arm_shapes_p(props, 'delegations')).flatMap((d) => {
        const name = (0,value_tree/* str */.gx)(arm_shapes_p(d, 'properties', 'serviceName'));
        return name?.known ? [name.value] : [];
    });
    if (services.length > 0)
        s.dedicatedTo = `delegated to ${services.join(', ')}`;
    const outbound = (0,value_tree/* bool */.lc)(arm_shapes_p(props, 'defaultOutboundAccess'));
    if (outbound)
        s.defaultOutboundAccess = outbound;
    ctx.b.defer(() => subnetReferences(ctx.b, s, props));
    ctx.b.model.subnets.push(s);
    return s;
}
/**
 * VNet model id \u2192 its `location`, per builder: a standalone subnet takes its VNet's region (Bicep, ARM and
 * the azurerm adapters alike).
 */
const locations = new WeakMap();
function vnetLocations(b) {
    let m = locations.get(b);
    if (!m)
        locations.set(b, (m = new Map()));
    return m;
}
function virtualNetwork(ctx) {
    register(ctx, build/* ARM */.H9.vnet);
    const vnetName = ctx.header.name;
    const rg = ctx.input.resourceGroup?.known ? ctx.input.resourceGroup.value : undefined;
    const location = (0,value_tree/* str */.gx)((0,value_tree/* attrCI */.ej)(ctx.input.body, 'location'));
    if (location)
        vnetLocations(ctx.b).set(ctx.header.id, location);
    (ctx.b.model.vnets ??= []).push({
        id: ctx.header.id,
        name: vnetName,
        ...(ctx.input.resourceGroup ? { resourceGroup: ctx.input.resourceGroup } : {}),
        ...(ctx.input.subscription !== undefined ? { subscription: ctx.input.subscription } : {}),
        origin: ctx.header.origin,
        address: ctx.header.address,
    });
    nested(arm_shapes_p(ctx.props, 'subnets')).forEach((item, i) => {
        const s = subnet(ctx, childHeader(ctx, 'subnets', item, i), arm_shapes_p(item, 'properties'), vnetName, location);
        s.vnetId = (0,value/* known */.eO)(ctx.header.id, ctx.header.origin);
        const names = [vnetName.known ? vnetName.value : undefined, s.name.known ? s.name.value : undefined];
        ctx.b.register({
            armType: build/* ARM */.H9.subnet,
            id: s.id,
            names,
            resourceGroup: rg,
            ...(ctx.input.subscription !== undefined ? { subscription: ctx.input.subscription } : {}),
        });
    });
    nested(arm_shapes_p(ctx.props, 'virtualNetworkPeerings')).forEach((item, i) => (0,arm_gateways/* armPeering */.vG)(ctx.b, childHeader(ctx, 'virtualNetworkPeerings', item, i), arm_shapes_p(item, 'properties'), (0,value/* known */.eO)(ctx.header.id, ctx.header.origin)));
}
function standaloneSubnet(ctx, parent) {
    const s = subnet(ctx, ctx.header, ctx.props);
    const reg = ctx.b.register({
        armType: build/* ARM */.H9.subnet,
        id: s.id,
        names: [undefined, s.name.known ? s.name.value : undefined],
        resourceGroup: ctx.input.resourceGroup?.known ? ctx.input.resourceGroup.value : undefined,
    });
    // The vnet name comes from the parent, which may be another object of the scan: known only once all are registered.
    ctx.b.deferRegistration(() => {
        const hints = {
            near: s.id,
            ...(ctx.input.resourceGroup ? { resourceGroup: ctx.input.resourceGroup } : {}),
        };
        s.vnetId = (0,arm_gateways/* vnetRef */.xY)(ctx.b, parent, hints, 'parent').id;
        const vnetId = ctx.b.resolve(build/* ARM */.H9.vnet, parent, { resourceGroup: ctx.input.resourceGroup, near: s.id });
        const vnet = vnetId?.known ? ctx.b.registration(vnetId.value) : undefined;
        const location = vnetId?.known ? vnetLocations(ctx.b).get(vnetId.value) : undefined;
        if (location)
            s.location = location;
        let vnetName = vnet?.names[0] !== undefined ? (0,value/* known */.eO)(vnet.names[0]) : undefined;
        if (!vnetName && parent?.known) {
            const parts = parent.value.split('/');
            vnetName = (0,value/* known */.eO)(parts[parts.length - 1], parent.origin);
        }
        if (vnetName?.known) {
            s.vnetName = vnetName;
            reg.names[0] = vnetName.value;
        }
        else if (parent)
            s.vnetName = parent;
    });
}
// ---- network security groups -----------------------------------------------------------------------
function nsgRule(header, props, nsgId, condition) {
    const need = (v, what) => v ?? (0,value/* unknown */.L5)(what, 'not set', header.origin);
    const r = {
        ...header,
        nsgId,
        priority: need((0,value_tree/* num */.bu)(arm_shapes_p(props, 'priority')), 'priority'),
        direction: need((0,value_tree/* str */.gx)(arm_shapes_p(props, 'direction')), 'direction'),
        access: (0,conditional/* ifDeployed */.k$)(need((0,value_tree/* str */.gx)(arm_shapes_p(props, 'access')), 'access'), condition, conditional/* allows */.NB, `NSG rule ${header.address}`),
        protocol: need((0,value_tree/* str */.gx)(arm_shapes_p(props, 'protocol')), 'protocol'),
        sourceAddressPrefixes: (0,value_tree/* oneOrMany */.Pl)(arm_shapes_p(props, 'sourceAddressPrefix'), arm_shapes_p(props, 'sourceAddressPrefixes')),
        destinationAddressPrefixes: (0,value_tree/* oneOrMany */.Pl)(arm_shapes_p(props, 'destinationAddressPrefix'), arm_shapes_p(props, 'destinationAddressPrefixes')),
        destinationPortRanges: (0,value_tree/* oneOrMany */.Pl)(arm_shapes_p(props, 'destinationPortRange'), arm_shapes_p(props, 'destinationPortRanges')),
    };
    const srcAsg = (0,value_tree/* refIds */.mq)(arm_shapes_p(props, 'sourceApplicationSecurityGroups'), (i) => (0,value_tree/* attrCI */.ej)(i, 'id'));
    if (srcAsg)
        r.sourceApplicationSecurityGroups = srcAsg;
    const dstAsg = (0,value_tree/* refIds */.mq)(arm_shapes_p(props, 'destinationApplicationSecurityGroups'), (i) => (0,value_tree/* attrCI */.ej)(i, 'id'));
    if (dstAsg)
        r.destinationApplicationSecurityGroups = dstAsg;
    return r;
}
function nsg(ctx) {
    const group = { ...ctx.header, rules: [] };
    nested(arm_shapes_p(ctx.props, 'securityRules')).forEach((item, i) => group.rules.push(nsgRule(childHeader(ctx, 'securityRules', item, i), arm_shapes_p(item, 'properties'), group.id, ctx.input.condition)));
    ctx.b.model.nsgs.push(group);
    register(ctx, build/* ARM */.H9.nsg);
}
// ---- firewall rules --------------------------------------------------------------------------------
/** Application rule protocols `[{ protocolType: 'Https', port: 443 }]` \u2192 `['Https:443']`. */
function appProtocols(list) {
    if (list === undefined)
        return (0,value/* known */.eO)([]);
    if (list.kind === 'unknown')
        return (0,value/* unknown */.L5)(list.expression, list.reason, list.origin, list.ref);
    const out = [];
    for (const item of (0,value_tree/* items */.ld)(list)) {
        const t = (0,value_tree/* str */.gx)((0,value_tree/* attrCI */.ej)(item, 'protocolType'));
        const port = (0,value_tree/* str */.gx)((0,value_tree/* attrCI */.ej)(item, 'port'));
        if (t && !t.known)
            return (0,value/* unknown */.L5)((0,value_tree/* render */.XX)(list), t.reason, list.origin);
        if (port && !port.known)
            return (0,value/* unknown */.L5)((0,value_tree/* render */.XX)(list), port.reason, list.origin);
        out.push(port ? `${t?.value ?? ''}:${port.value}` : (t?.value ?? ''));
    }
    return (0,value/* known */.eO)(out, list.origin);
}
function armRule(b, header, rule, kind) {
    const f = (n) => (0,value_tree/* attrCI */.ej)(rule, n);
    const app = kind === 'application';
    return (0,firewall_rules/* firewallRule */.D)(b, header, {
        protocols: app
            ? appProtocols(f('protocols'))
            : ((0,value_tree/* strList */.Sc)(f('ipProtocols') ?? f('protocols')) ?? (0,value/* known */.eO)([])),
        sourceAddresses: f('sourceAddresses'),
        sourceIpGroups: f('sourceIpGroups'),
        destinationAddresses: f('destinationAddresses'),
        destinationIpGroups: f('destinationIpGroups'),
        destinationFqdns: app ? (f('targetFqdns') ?? f('destinationFqdns')) : f('destinationFqdns'),
        destinationPorts: f('destinationPorts'),
        ...(app ? { destinationFqdnTags: f('fqdnTags') } : {}),
    });
}
function rulesOf(ctx, header, list, kind) {
    const out = [];
    nested(list).forEach((item, i) => {
        const name = (0,value_tree/* str */.gx)((0,value_tree/* attrCI */.ej)(item, 'name')) ?? (0,value/* unknown */.L5)(`rules[${i}].name`, 'not set', item.origin);
        const key = name.known ? name.value : String(i);
        out.push(armRule(ctx.b, { ...header, id: `${header.id}/rules/${key}`, name, origin: item.origin }, item, kind));
    });
    return out;
}
const CLASSIC = [
    ['networkRuleCollections', 'network'],
    ['applicationRuleCollections', 'application'],
    ['natRuleCollections', 'nat'],
];
function classicCollections(ctx) {
    const out = [];
    for (const [collection, kind] of CLASSIC)
        nested(arm_shapes_p(ctx.props, collection)).forEach((item, i) => {
            const header = childHeader(ctx, collection, item, i);
            const props = arm_shapes_p(item, 'properties');
            out.push((0,firewall_rules/* ruleCollection */.N)(header, kind, (0,value_tree/* num */.bu)(arm_shapes_p(props, 'priority')) ?? (0,value/* unknown */.L5)('priority', 'not set', item.origin), (0,value_tree/* str */.gx)(arm_shapes_p(props, 'action', 'type')) ?? (0,value/* unknown */.L5)('action.type', 'not set', item.origin), rulesOf(ctx, header, arm_shapes_p(props, 'rules'), kind), ctx.input.condition));
        });
    return out;
}
// ---- firewalls and policies ------------------------------------------------------------------------
function firewall(ctx) {
    const { b, header } = ctx;
    const ipConfigs = (0,value_tree/* items */.ld)(arm_shapes_p(ctx.props, 'ipConfigurations'));
    const withSubnet = ipConfigs.find((c) => arm_shapes_p(c, 'properties', 'subnet') !== undefined);
    const privateIp = (0,value_tree/* str */.gx)(arm_shapes_p(ctx.props, 'hubIPAddresses', 'privateIPAddress')) ??
        (0,value_tree/* str */.gx)(arm_shapes_p(ipConfigs[0], 'properties', 'privateIPAddress')) ??
        (0,value/* unknown */.L5)(`${header.address}.properties.ipConfigurations[0].properties.privateIPAddress`, 'assigned by Azure at deployment', ipConfigs[0]?.origin ?? header.origin, { resource: header.id, attribute: 'ip_configuration[0].private_ip_address' });
    const fw = {
        ...header,
        privateIpAddress: privateIp,
        classicCollections: classicCollections(ctx),
        forcedTunnelling: arm_shapes_p(ctx.props, 'managementIpConfiguration') !== undefined,
    };
    const dns = (0,value_tree/* bool */.lc)(arm_shapes_p(ctx.props, 'additionalProperties', 'Network.DNS.EnableProxy'));
    if (dns)
        fw.dnsProxy = dns;
    const sku = (0,value_tree/* str */.gx)(arm_shapes_p(ctx.props, 'sku', 'name'));
    if (sku)
        fw.sku = sku;
    const subnetRef = withSubnet ? arm_shapes_p(withSubnet, 'properties', 'subnet') : undefined;
    const policyRef = arm_shapes_p(ctx.props, 'firewallPolicy');
    const hubRef = arm_shapes_p(ctx.props, 'virtualHub');
    b.defer(() => {
        if (hubRef) {
            const id = b.resolve(build/* ARM */.H9.virtualHub, (0,value_tree/* str */.gx)((0,value_tree/* attrCI */.ej)(hubRef, 'id')) ?? (0,value_tree/* str */.gx)(hubRef), { near: fw.id });
            if (id)
                fw.virtualHubId = id;
        }
        if (subnetRef) {
            const id = b.resolve(build/* ARM */.H9.subnet, (0,value_tree/* str */.gx)((0,value_tree/* attrCI */.ej)(subnetRef, 'id')) ?? (0,value_tree/* str */.gx)(subnetRef), { near: fw.id });
            if (id)
                fw.subnetId = id;
        }
        if (policyRef) {
            const id = b.resolve(build/* ARM */.H9.firewallPolicy, (0,value_tree/* str */.gx)((0,value_tree/* attrCI */.ej)(policyRef, 'id')) ?? (0,value_tree/* str */.gx)(policyRef), {
                near: fw.id,
            });
            if (id)
                fw.policyId = id;
        }
    });
    b.model.firewalls.push(fw);
    register(ctx, build/* ARM */.H9.firewall);
}
function firewallPolicy(ctx) {
    const policy = { ...ctx.header, ruleCollectionGroups: [] };
    const dns = (0,value_tree/* bool */.lc)(arm_shapes_p(ctx.props, 'dnsSettings', 'enableProxy'));
    if (dns)
        policy.dnsProxy = dns;
    const base = arm_shapes_p(ctx.props, 'basePolicy');
    if (base)
        ctx.b.defer(() => {
            const id = ctx.b.resolve(build/* ARM */.H9.firewallPolicy, (0,value_tree/* str */.gx)((0,value_tree/* attrCI */.ej)(base, 'id')) ?? (0,value_tree/* str */.gx)(base), { near: policy.id });
            if (id)
                policy.basePolicyId = id;
        });
    ctx.b.model.firewallPolicies.push(policy);
    register(ctx, build/* ARM */.H9.firewallPolicy);
}
/** The kind of a policy rule collection: NAT collections by type, filter collections by their rules' type. */
function policyCollectionKind(collection) {
    const type = (0,value_tree/* str */.gx)((0,value_tree/* attrCI */.ej)(collection, 'ruleCollectionType'));
    if (type?.known && /nat/i.test(type.value))
        return 'nat';
    const first = (0,value_tree/* items */.ld)((0,value_tree/* attrCI */.ej)(collection, 'rules'))[0];
    const ruleType = (0,value_tree/* str */.gx)((0,value_tree/* attrCI */.ej)(first, 'ruleType'));
    return ruleType?.known && /application/i.test(ruleType.value) ? 'application' : 'network';
}
function ruleCollectionGroup(ctx, policyId) {
    const collections = [];
    nested(arm_shapes_p(ctx.props, 'ruleCollections')).forEach((item, i) => {
        const header = childHeader(ctx, 'ruleCollections', item, i);
        const kind = policyCollectionKind(item);
        collections.push((0,firewall_rules/* ruleCollection */.N)(header, kind, (0,value_tree/* num */.bu)((0,value_tree/* attrCI */.ej)(item, 'priority')) ?? (0,value/* unknown */.L5)('priority', 'not set', item.origin), (0,value_tree/* str */.gx)(arm_shapes_p(item, 'action', 'type')) ?? (0,value/* unknown */.L5)('action.type', 'not set', item.origin), rulesOf(ctx, header, (0,value_tree/* attrCI */.ej)(item, 'rules'), kind), ctx.input.condition));
    });
    return {
        ...ctx.header,
        policyId,
        priority: (0,value_tree/* num */.bu)(arm_shapes_p(ctx.props, 'priority')) ?? (0,value/* unknown */.L5)('priority', 'not set', ctx.header.origin),
        collections,
    };
}
// ---- partial updates (azapi_update_resource) -------------------------------------------------------
/**
 * Applies a partial body to an object already in the model (azapi_update_resource): only the properties
 * the body sets change, and they point at the update's code. Subnets and route tables are patched, the
 * objects whose changes decide a KMS path; other types and targets outside the scan are KMS011 notices.
 */
function patchArmResource(b, input, target) {
    const armType = armTypeOf(input.armType);
    const ctx = { b, input, header: headerOf(input, input.name), props: arm_shapes_p(input.body, 'properties') };
    const { props } = ctx;
    // Deferred twice: the patch must land after the links that set the target's own references.
    b.defer(() => b.defer(() => {
        const id = b.resolve(armType, target, { resourceGroup: input.resourceGroup, near: input.id });
        const subnet = id?.known ? b.model.subnets.find((s) => s.id === id.value) : undefined;
        const table = id?.known ? b.model.routeTables.find((t) => t.id === id.value) : undefined;
        if (subnet && armType.toLowerCase() === build/* ARM */.H9.subnet.toLowerCase()) {
            const prefix = arm_shapes_p(props, 'addressPrefix');
            const prefixes = arm_shapes_p(props, 'addressPrefixes');
            if (prefix || prefixes)
                subnet.addressPrefixes = (0,value_tree/* oneOrMany */.Pl)(prefix, prefixes);
            const outbound = (0,value_tree/* bool */.lc)(arm_shapes_p(props, 'defaultOutboundAccess'));
            if (outbound)
                subnet.defaultOutboundAccess = outbound;
            const before = { ...subnet };
            subnetReferences(b, subnet, props);
            if (input.condition)
                conditionalPatch(subnet, before, props, input.condition);
            return;
        }
        if (table && armType.toLowerCase() === build/* ARM */.H9.routeTable.toLowerCase()) {
            const disabled = (0,value_tree/* bool */.lc)(arm_shapes_p(props, 'disableBgpRoutePropagation'));
            if (disabled)
                table.bgpRoutePropagation = (0,value_tree/* not */.AU)(disabled);
            const routes = arm_shapes_p(props, 'routes');
            if (routes)
                table.routes = nested(routes).map((item, i) => route(b, childHeader(ctx, 'routes', item, i), arm_shapes_p(item, 'properties'), table.id));
            return;
        }
        const why = subnet || table || !id?.known
            ? (0,build/* whyUnresolved */._z)(id, 'the target')
            : `${armType} updates are not modelled`;
        b.unresolved(input.origin, `${input.address}: the update to ${(0,build/* expressionOf */.ez)(target) ?? 'its target'} is not applied to the model (${why}).`, (0,build/* expressionOf */.ez)(target), input.address);
    }));
}


/***/ }),

/***/ 5898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ph: () => (/* binding */ addCommit),
/* harmony export */   de: () => (/* binding */ recordDependencies)
/* harmony export */ });
/* unused harmony export regionKey */
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2904);
/* harmony import */ var _avnm_refs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4060);


const states = new WeakMap();
function state(b) {
    let s = states.get(b);
    if (!s) {
        s = { commits: [], dependsOn: new Map() };
        states.set(b, s);
        const st = s;
        // Every source adds its commits while resources are added; they are resolved once, after all.
        b.defer(() => resolveCommits(b, st));
    }
    return s;
}
/** Records that `id` is deployed after each of `after` (model ids). */
function recordDependencies(b, id, after) {
    if (after.length === 0)
        return;
    const s = states.get(b) ?? state(b);
    s.dependsOn.set(id, [...(s.dependsOn.get(id) ?? []), ...after]);
}
function addCommit(b, commit) {
    state(b).commits.push(commit);
}
/** Azure's region names: `West Europe` and `westeurope` are the same region. */
const regionKey = (r) => r.replace(/\s+/g, '').toLowerCase();
/**
 * Does a dependency on `named` cover the object `id`: the same id, or `named` is a resource of many
 * instances (an ARM copy loop, a Terraform count/for_each: `x` covers `x[0]`) or a Terraform module call
 * (`module.m` covers `module.m.azurerm_x.y`).
 */
function covers(named, id) {
    return id === named || (id.startsWith(named) && (id[named.length] === '[' || id[named.length] === '.'));
}
/** The dependencies recorded for `id`, under its own id or the name of the resource or module it is in. */
function dependenciesOf(s, id) {
    const out = [...(s.dependsOn.get(id) ?? [])];
    for (let i = id.length - 1; i > 0; i--)
        if (id[i] === '[' || id[i] === '.')
            out.push(...(s.dependsOn.get(id.slice(0, i)) ?? []));
    return out;
}
/** Does `later` run after `earlier`: a dependency path from one to the other. */
function runsAfter(s, later, earlier) {
    const seen = new Set();
    const stack = [later.by.id];
    while (stack.length > 0) {
        const id = stack.pop();
        for (const d of dependenciesOf(s, id)) {
            if (covers(d, earlier.by.id))
                return true;
            if (!seen.has(d)) {
                seen.add(d);
                stack.push(d);
            }
        }
    }
    return false;
}
function judge(all, c, commit, region) {
    const out = { commit, applies: true, contains: false };
    const open = (why) => {
        out.why ??= why;
    };
    if (commit.opaque) {
        const o = commit.opaque;
        const why = (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5)(o.expression, `${commit.label} may commit it: ${o.reason ?? 'not readable'}`, o.origin);
        return { commit, applies: 'unknown', contains: 'unknown', why: why };
    }
    if (commit.kind && !commit.kind.known) {
        out.applies = 'unknown';
        open((0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5)(commit.kind.expression, `${commit.label} may commit it: its commit type is not known (${commit.kind.reason ?? 'computed'})`, commit.kind.origin ?? commit.by.origin));
    }
    else if (commit.kind && commit.kind.value !== c.kind)
        return { commit, applies: false, contains: false };
    if (commit.condition) {
        out.applies = 'unknown';
        const k = commit.condition;
        open((0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5)(k.expression, `${commit.label} may not be deployed: ${k.reason ?? 'its condition cannot be evaluated'}; so whether it commits is not known. Give what the condition reads a value the scan can see (a parameter default, a parameters file, a var file)`, k.origin ?? commit.by.origin));
    }
    const regions = commit.regions;
    if (regions !== 'everywhere') {
        if (!regions.known) {
            if (out.applies === true)
                out.applies = 'unknown';
            open((0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5)(regions.expression, `${commit.label} commits it to ${commit.oneRegion ? 'a region' : 'regions'} the scan cannot read (${regions.reason ?? 'computed'})`, regions.origin));
        }
        else if (region === undefined || !regions.value.some((r) => regionKey(r) === region))
            return { commit, applies: false, contains: false };
    }
    const configs = commit.configurations;
    if (!Array.isArray(configs)) {
        out.contains = 'unknown';
        open((0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5)(configs.expression, `${commit.label} may commit it: the configurations it commits are ${configs.reason ?? 'computed'}`, configs.origin ?? commit.by.origin));
        return out;
    }
    const ofKind = all.filter((x) => x.kind === c.kind);
    for (const ref of configs) {
        const found = (0,_avnm_refs__WEBPACK_IMPORTED_MODULE_1__/* .findByRef */ .A)(ofKind, ref);
        if (found === c) {
            out.contains = true;
            return out;
        }
        // A known id of a configuration the scan does not hold commits nothing here; an unknown one may.
        if (!found && !ref.known && !ref.ref) {
            out.contains = 'unknown';
            open((0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5)(ref.expression, `${commit.label} may commit it: a configuration id it commits is not known (${ref.reason ?? 'computed'})`, ref.origin ?? commit.by.origin));
        }
    }
    return out;
}
/**
 * Whether `c` is deployed in `region` (a region key; undefined = a region no commit names): the last
 * commit that targets it decides; see the module comment.
 */
function deployedIn(s, all, c, region, display) {
    const candidates = s.commits.map((x) => judge(all, c, x, region)).filter((j) => j.applies !== false);
    // A commit surely made after another (to this region, of this type) replaces it.
    const last = candidates.filter((j) => !candidates.some((k) => k !== j && k.applies === true && runsAfter(s, k.commit, j.commit)));
    if (last.length === 0)
        return { is: false };
    const answers = new Set(last.map((j) => j.contains));
    if (answers.size === 1 && !answers.has('unknown')) {
        const v = [...answers][0];
        // Every possible last commit leaves it out; or commits it and one of them surely happens.
        if (!v || last.some((j) => j.applies === true))
            return { is: v };
    }
    const open = last.find((j) => j.why);
    if (open?.why)
        return { is: 'unknown', why: open.why };
    // Sure commits that disagree, in an order the scan cannot tell.
    const withIt = last.filter((j) => j.contains === true).map((j) => j.commit.label);
    const without = last.filter((j) => j.contains === false).map((j) => j.commit.label);
    const where = region === undefined ? 'the same region' : display;
    return {
        is: 'unknown',
        why: (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5)(`${withIt[0] ?? last[0].commit.label}`, `${[...withIt, ...without].join(' and ')} commit ${c.kind === 'routing' ? 'routing' : 'security admin'} configurations to ${where} in an order the scan cannot tell (no dependsOn or depends_on between them): the last one replaces the others, and only ${withIt.join(', ')} includes it; make one depend on the other`, last[0].commit.by.origin),
    };
}
/** Sets `deployed`, `deployedRegions` and `regionsUndecided` of every configuration some commit may name. */
function resolveCommits(b, s) {
    const configs = b.model.networkManager?.configurations ?? [];
    const regions = new Map();
    for (const commit of s.commits)
        if (commit.regions !== 'everywhere' && commit.regions.known)
            for (const r of commit.regions.value)
                if (!regions.has(regionKey(r)))
                    regions.set(regionKey(r), r);
    for (const c of configs) {
        // A configuration no commit of its type can reach keeps its "not committed in the scanned
        // sources". One such commit is enough to decide the rest: it sets its regions' whole set.
        const naming = s.commits.filter((x) => !(x.kind?.known && x.kind.value !== c.kind));
        if (naming.length === 0)
            continue;
        const elsewhere = deployedIn(s, configs, c, undefined, 'other regions');
        const origin = naming[0].by.origin;
        const everywhere = naming.some((x) => x.regions === 'everywhere');
        if (everywhere && elsewhere.is === true) {
            c.deployed = (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .known */ .eO)(true, origin);
            delete c.deployedRegions;
            continue;
        }
        if (elsewhere.is === 'unknown') {
            // A commit to regions the scan cannot read: every region is open.
            c.deployed = (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .known */ .eO)(true, origin);
            c.deployedRegions = elsewhere.why;
            continue;
        }
        const sure = [];
        const undecided = [];
        for (const [key, display] of regions) {
            const r = deployedIn(s, configs, c, key, display);
            if (r.is === true)
                sure.push(display);
            else if (r.is === 'unknown')
                undecided.push({ region: display, why: r.why });
        }
        c.deployed = (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .known */ .eO)(true, origin);
        c.deployedRegions = (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .known */ .eO)(sure, origin);
        if (undecided.length > 0)
            c.regionsUndecided = undecided;
        else
            delete c.regionsUndecided;
    }
}


/***/ }),

/***/ 4060:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ findByRef)
/* harmony export */ });
/** Finds an AVNM object by a reference: model id, ref to a model id, ARM id or `a/b/name` (last segment). */
function findByRef(list, ref) {
    if (!ref)
        return undefined;
    const text = ref.known ? ref.value : ref.ref?.resource;
    if (text === undefined)
        return undefined;
    const byId = list.find((x) => x.id === text);
    if (byId)
        return byId;
    const last = text.split('/').filter(Boolean).pop()?.toLowerCase();
    const named = list.filter((x) => {
        const n = typeof x.name === 'string' ? x.name : x.name?.known ? x.name.value : undefined;
        return n?.toLowerCase() === last;
    });
    return named.length === 1 ? named[0] : undefined;
}


/***/ }),

/***/ 7691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jb: () => (/* binding */ instancesUnknown),
/* harmony export */   Lf: () => (/* binding */ toInternet),
/* harmony export */   NB: () => (/* binding */ allows),
/* harmony export */   W4: () => (/* binding */ notDeny),
/* harmony export */   cq: () => (/* binding */ propagationOff),
/* harmony export */   k$: () => (/* binding */ ifDeployed)
/* harmony export */ });
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2904);

const RESOLVE = 'Give what the condition reads a value the scan can see (a parameter default, a parameters file, a var file)';
/**
 * `v` as the verdict may use it: when the resource may not be deployed (`condition`) and `permissive`
 * says its value could let KMS through, an Unknown naming the condition; else `v` itself.
 */
function ifDeployed(v, condition, permissive, what) {
    if (!condition || !v.known || !permissive(v.value))
        return v;
    return (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5)(condition.expression, `${what} may not be deployed: ${condition.reason ?? 'its condition cannot be evaluated'}; if it is, it is ${String(v.value)}, which can let KMS through. ${RESOLVE}`, condition.origin ?? v.origin);
}
const is = (...values) => (v) => values.includes(v.trim().toLowerCase());
/** NSG rules, firewall rule collections: an Allow may let KMS through. */
const allows = is('allow');
/** Security admin rules: everything but a Deny (AlwaysAllow overrules the NSG, Allow ends the admin rules). */
const notDeny = (v) => !is('deny')(v);
/** Routes and managed routes: Internet can take KMS around a forced tunnel. */
const toInternet = is('internet');
/** Route tables: gateway route propagation off removes a forced tunnel learned over BGP. */
const propagationOff = (v) => !v;
/**
 * A Terraform resource instance whose `count` or `for_each` the scan cannot evaluate (its address holds the
 * representative key `[*]`): it may be created zero times, so it exists under a condition.
 */
function instancesUnknown(r) {
    const at = r.address.indexOf('[*]');
    if (at < 0)
        return undefined;
    const c = (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5)(`${r.address.slice(0, at)} count/for_each`, 'its count or for_each cannot be evaluated (it may create no instance)', r.origin);
    if (r.conditionKey !== undefined)
        c.key = r.conditionKey;
    return c;
}


/***/ }),

/***/ 533:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ firewallRule),
/* harmony export */   N: () => (/* binding */ ruleCollection)
/* harmony export */ });
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2904);
/* harmony import */ var _conditional__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7691);
/* harmony import */ var _model_build__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9217);
/* harmony import */ var _evaluation_value_tree__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9817);




const list = (v) => (0,_evaluation_value_tree__WEBPACK_IMPORTED_MODULE_2__/* .strList */ .Sc)(v) ?? (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .known */ .eO)([]);
function firewallRule(b, header, f) {
    const rule = {
        ...header,
        protocols: f.protocols,
        sourceAddresses: list(f.sourceAddresses),
        sourceIpGroups: list(f.sourceIpGroups),
        destinationAddresses: list(f.destinationAddresses),
        destinationIpGroups: list(f.destinationIpGroups),
        destinationFqdns: list(f.destinationFqdns),
        destinationPorts: list(f.destinationPorts),
    };
    if (f.destinationFqdnTags)
        rule.destinationFqdnTags = list(f.destinationFqdnTags);
    b.defer(() => {
        rule.sourceIpGroups = b.resolveList(_model_build__WEBPACK_IMPORTED_MODULE_1__/* .ARM */ .H9.ipGroup, f.sourceIpGroups, { near: header.id });
        rule.destinationIpGroups = b.resolveList(_model_build__WEBPACK_IMPORTED_MODULE_1__/* .ARM */ .H9.ipGroup, f.destinationIpGroups, { near: header.id });
    });
    return rule;
}
/**
 * A rule collection. `condition`: it may not be deployed (./conditional.ts), so an Allow is undecided; the
 * action as written is kept beside it (writtenAction) for a firewall under the same condition.
 */
function ruleCollection(header, kind, priority, written, rules, condition) {
    const action = (0,_conditional__WEBPACK_IMPORTED_MODULE_0__/* .ifDeployed */ .k$)(written, condition, _conditional__WEBPACK_IMPORTED_MODULE_0__/* .allows */ .NB, `firewall rule collection ${header.address}`);
    const c = { ...header, kind, priority, action, rules };
    if (action !== written)
        c.writtenAction = written;
    return c;
}


/***/ }),

/***/ 971:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SK: () => (/* binding */ pathChildType),
/* harmony export */   SX: () => (/* binding */ mayChangePaths),
/* harmony export */   cN: () => (/* binding */ layUnfollowedParts),
/* harmony export */   rE: () => (/* binding */ scopeOfPart),
/* harmony export */   ui: () => (/* binding */ unplacedChildren),
/* harmony export */   yv: () => (/* binding */ mayChange)
/* harmony export */ });
/* unused harmony export childKind */
/* harmony import */ var _model_build__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9217);
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2904);
/* harmony import */ var _arm_shapes__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1151);
/**
 * What a part of a deployment the scan cannot follow may change, decided in one place for every source:
 *
 * - a deployment the scan cannot read: a Terraform azurerm_*_template_deployment whose template is not
 *   known before apply, a template spec, a nested deployment linked by URI, a Bicep registry module or
 *   template spec module, a module loop over a collection the scan cannot see;
 * - a resource the scan cannot place: its type cannot be evaluated, or it is a child resource (a route, an
 *   NSG rule, a rule collection group, a subnet, a hub route table or its routes, a routing intent) whose
 *   parent cannot be told.
 *
 * Such a part may put any network resource in place, or change the existing ones of its scope: routes into
 * a route table, a route table or NSG onto a subnet or NIC, rules into an NSG or a firewall policy, a hub
 * route table's default route. It is named where it may decide a path, never passed over:
 *
 * - a subnet without a route table may get one: its route table is unknown;
 * - a subnet without an NSG may get one: its NSG is unknown; so may a network interface;
 * - a route table it may add routes to gets a route whose prefix and next hop are unknown (only a known
 *   /32 for a KMS address still wins over it);
 * - an NSG gets a rule of unknown priority, direction, access and traffic;
 * - a firewall policy gets a rule collection group of unknown priority and action holding a network rule
 *   of unknown traffic; a classic firewall an unknown rule collection; a firewall whose policy is outside
 *   the scope may be given another policy (its policy is unknown); an IP group's addresses are unknown;
 * - a Virtual WAN hub route table gets a route of unknown destinations and next hop; a hub of the scope
 *   without a declared defaultRouteTable gets one holding that route.
 *
 * Which objects: those in the part's subscription (`scope`; undefined = any: a management group or tenant
 * deployment, one whose subscription is not stated or cannot be evaluated, a standalone template whose
 * target is chosen at deployment). An object whose own subscription is not stated may be in any. Subnets
 * in other subscriptions are reached through these objects (a spoke's default route to the hub firewall of
 * the deployment's subscription) and so are undecided too. A template can deploy into other resource
 * groups through nested deployments, so the resource group does not narrow it.
 */



const CHILD_KINDS = {
    [`${_model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.routeTable}/routes`.toLowerCase()]: 'routes',
    [`${_model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.nsg}/securityRules`.toLowerCase()]: 'nsgRules',
    [`${_model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.firewallPolicy}/ruleCollectionGroups`.toLowerCase()]: 'policyGroups',
    [_model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.hubRouteTable.toLowerCase()]: 'hubRoutes',
};
/**
 * What a child resource the scan cannot place can change, by its type: a route only the routes of a route
 * table (it cannot attach a table to a subnet without one: a child's PUT needs its parent to exist), an NSG
 * rule only an NSG's rules, a rule collection group only a firewall policy (one outside the scope, too,
 * which a firewall of the scope may use), a hub route table only a hub's tables. undefined: any other
 * (a subnet may attach anything; Virtual Network Manager rules reach whole VNets).
 */
const childKind = (armType) => CHILD_KINDS[(0,_arm_shapes__WEBPACK_IMPORTED_MODULE_1__/* .armTypeOf */ .Aj)(armType).toLowerCase()];
/** A part's own subscription scope, given the scope of the deployment around it. */
function scopeOfPart(part, around) {
    if (part.subscription === 'any')
        return undefined;
    return part.subscription ?? around;
}
/**
 * A standalone Bicep or ARM deployment's parts the scan cannot follow, each named with its file and line
 * (`at`): nested deployments and modules it does not read, resources whose type cannot be evaluated,
 * child resources whose parent cannot be told. A standalone template's subscription is chosen at
 * deployment: what they may change is any subscription's, unless a nested deployment or module states one.
 */
function layUnfollowedParts(b, inputs, unread, format, at) {
    // The instances of one loop (`jumpHosts[0]`, `jumpHosts[1]`) not read for one reason are one part.
    const parts = new Map();
    for (const u of unread) {
        const key = `${u.origin.file}:${u.origin.startLine}:${u.kind ?? ''}:${u.subscription ?? ''}:${u.why}`;
        const seen = parts.get(key);
        parts.set(key, seen && seen.what !== u.what ? { ...seen, what: seen.what.replace(/\[\d+\]/g, '[*]') } : (seen ?? u));
    }
    for (const u of parts.values())
        mayChange(b, {
            address: u.what,
            origin: u.origin,
            sourceType: 'Microsoft.Resources/deployments',
            format,
            cannot: `${u.what} (${at(u.origin)}) ${PART[u.kind ?? 'unread']}: ${u.why}`,
            scope: scopeOfPart(u, undefined),
        });
    unplacedChildren(b, inputs, pathChildType, (open) => {
        for (const { input, why } of open)
            mayChange(b, {
                address: input.address,
                origin: input.origin,
                sourceType: input.sourceType ?? input.armType,
                format,
                cannot: `${input.address} (${at(input.origin)}) is a resource the scan cannot place: ${why}`,
                scope: input.subscription,
                ...optional(childKind(input.armType)),
            });
    });
}
const optional = (only) => (only !== undefined ? { only } : {});
/** What each kind of part is, in the sentence that names it (resolve hints in src/analysis/verdict.ts match these). */
const PART = {
    unread: 'deploys what the scan cannot read',
    unplaced: 'is a resource the scan cannot place',
    loop: 'deploys instances the scan cannot count',
};
/**
 * Child types that may decide another subnet's path when their parent cannot be told: a route, a subnet
 * (redeclared, with its route table and NSG), an NSG rule, a rule collection group, a hub route table, a
 * routing intent, Virtual Network Manager rules. Not the BGP and hub parts, which the model keeps with
 * their parent unknown and the analysis takes as possibly anyone's, naming them where they decide: a
 * peering whose local VNet cannot be told may be any VNet's (src/analysis/bgp.ts follows its
 * useRemoteGateways for every subnet), a hub connection whose hub cannot be told leaves its VNet's
 * subnets undecided (src/analysis/vwan.ts), and a Route Server's bgpConnection or ipConfiguration whose
 * hub cannot be told is a Route Server of a VNet the scan cannot tell (./arm-gateways.ts).
 */
const NM = 'Microsoft.Network/networkManagers';
const PATH_CHILDREN = new Set([
    `${_model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.routeTable}/routes`,
    _model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.subnet,
    `${_model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.nsg}/securityRules`,
    `${_model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.firewallPolicy}/ruleCollectionGroups`,
    _model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.hubRouteTable,
    `${_model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.virtualHub}/routingIntent`,
    `${NM}/securityAdminConfigurations/ruleCollections`,
    `${NM}/securityAdminConfigurations/ruleCollections/rules`,
    `${NM}/routingConfigurations/ruleCollections`,
    `${NM}/routingConfigurations/ruleCollections/rules`,
].map((t) => t.toLowerCase()));
/**
 * Could resources of this type, any number of them with names the scan cannot tell, change the path of a
 * subnet the scan judges? A top-level type the model has a place for may be a redeclaration of one it
 * judges (a PUT replaces it); a child type only if it is one of PATH_CHILDREN.
 */
function mayChangePaths(armType) {
    const type = (0,_arm_shapes__WEBPACK_IMPORTED_MODULE_1__/* .armTypeOf */ .Aj)(armType);
    return (0,_arm_shapes__WEBPACK_IMPORTED_MODULE_1__/* .isModelledArmType */ .Tg)(type) && (type.split('/').length === 2 || PATH_CHILDREN.has(type.toLowerCase()));
}
/** The ARM type of a child resource that may decide a path (PATH_CHILDREN); undefined for any other. */
const pathChildType = (armType) => {
    const type = (0,_arm_shapes__WEBPACK_IMPORTED_MODULE_1__/* .armTypeOf */ .Aj)(armType);
    return (0,_arm_shapes__WEBPACK_IMPORTED_MODULE_1__/* .isModelledArmType */ .Tg)(type) && PATH_CHILDREN.has(type.toLowerCase()) ? type : undefined;
};
/**
 * A child resource (a route, an NSG rule, a rule collection group, a subnet, a hub route table) whose
 * parent the scan cannot tell (`format('{0}/{1}', parameters('routeTableName'), 'r')` with the table's name
 * known only at deployment) may be in any parent of its scope: `report` gets each with why, in the link
 * step, to name what it may change (not a notice beside a "reachable"). A parent that is known but not in
 * the sources is another network's.
 */
function unplacedChildren(b, inputs, typeOf, report) {
    const open = [];
    const out = [];
    for (const input of inputs) {
        const type = typeOf(input.armType);
        if (type === undefined || type.split('/').length < 3)
            continue;
        const named = input.name.known && input.name.value.includes('/')
            ? (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .known */ .eO)(input.name.value.slice(0, input.name.value.lastIndexOf('/')), input.name.origin)
            : input.name.known
                ? undefined
                : input.name;
        const parent = input.parent ?? named;
        // A hub route table in a known hub whose own name is not known (Bicep `parent: hub, name: tableName`)
        // may be any table of that hub: its defaultRouteTable, which the connections use, included.
        if (parent?.known && !input.name.known && type.toLowerCase() === _model_build__WEBPACK_IMPORTED_MODULE_0__/* .ARM */ .H9.hubRouteTable.toLowerCase())
            out.push({
                input,
                why: `its name is not known (${input.name.reason ?? input.name.expression}): it may be any route table of its hub, the defaultRouteTable included`,
            });
        if (parent?.known)
            continue;
        open.push({ input, parentType: type.slice(0, type.lastIndexOf('/')), parent });
    }
    if (open.length === 0 && out.length === 0)
        return;
    b.defer(() => {
        for (const { input, parentType, parent } of open) {
            const id = b.resolve(parentType, parent, { near: input.id });
            if (id?.known)
                continue;
            const reason = id && !id.known ? (id.reason ?? id.expression) : 'no parent given';
            out.push({ input, why: `which ${parentType} it belongs to is not known (${reason})` });
        }
        if (out.length > 0)
            report(out);
    });
}
/** The notices mayChange wrote: another part of the same deployment resource does not replace them. */
const OWN_NOTICES = new WeakSet();
function mayChange(b, r) {
    const { cannot, scope } = r;
    const may = (kind) => r.only === undefined || r.only === kind;
    // This notice names the part with why and what it may change: an earlier one at its line for the same
    // part (the link step's "cannot tell which route table this route belongs to") says less, twice.
    b.model.diagnostics = b.model.diagnostics.filter((d) => OWN_NOTICES.has(d) ||
        !(d.ruleId === 'KMS011' &&
            d.address === r.address &&
            d.origin.file === r.origin.file &&
            d.origin.startLine === r.origin.startLine));
    b.unresolved(r.origin, `${cannot}. Subnets it may change (route tables, routes, network security groups), and those whose path crosses a firewall, firewall policy or route table it may change, are undecided.`, r.address, r.address);
    OWN_NOTICES.add(b.model.diagnostics.at(-1));
    const cause = (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .partCause */ .P6)(r.origin, r.address);
    const unknown = (expression, reason, origin) => ({
        ...(0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5)(expression, reason, origin),
        cause,
    });
    const inScope = (o) => scope === undefined || o.subscription === undefined || o.subscription === scope;
    // What each added part is: written by this deployment, at its lines, named for the object it is in.
    const part = (id, into) => ({
        id,
        name: (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .known */ .eO)(`${r.address} in ${into.name.known ? into.name.value : into.address}`),
        origin: r.origin,
        format: r.format,
        sourceType: r.sourceType,
        address: r.address,
    });
    // Twice deferred: after the links that attach route tables and NSGs to subnets.
    b.defer(() => b.defer(() => {
        for (const s of r.only === undefined ? b.model.subnets : []) {
            if (s.dedicatedTo !== undefined || !inScope(s))
                continue;
            if (!s.routeTableId)
                s.routeTableId = unknown(r.address, `${cannot}; it may attach a route table to this subnet`, r.origin);
            if (!s.nsgId)
                s.nsgId = unknown(r.address, `${cannot}; it may attach a network security group to this subnet`, r.origin);
        }
        // A VM's NIC filters its traffic with its own NSG before the subnet's: one the part may give an NSG
        // decides for that subnet's VMs too (src/analysis/nic-nsgs.ts).
        for (const nic of r.only === undefined ? (b.model.networkInterfaces ?? []) : [])
            if (inScope(nic) && !nic.nsgId)
                nic.nsgId = unknown(r.address, `${cannot}; it may attach a network security group to this network interface`, r.origin);
        for (const t of may('routes') ? b.model.routeTables : []) {
            if (!inScope(t))
                continue;
            const may = unknown(r.address, `${cannot}; it may add routes to this route table`, r.origin);
            const route = {
                ...part(`${t.id}/routes/${r.address}`, t),
                routeTableId: t.id,
                addressPrefix: may,
                nextHopType: may,
            };
            t.routes.push(route);
        }
        for (const nsg of may('nsgRules') ? b.model.nsgs : []) {
            if (!inScope(nsg))
                continue;
            const may = unknown(r.address, `${cannot}; it may add rules to this network security group`, r.origin);
            const rule = {
                ...part(`${nsg.id}/securityRules/${r.address}`, nsg),
                nsgId: nsg.id,
                priority: may,
                direction: may,
                access: may,
                protocol: may,
                sourceAddressPrefixes: may,
                destinationAddressPrefixes: may,
                destinationPortRanges: may,
            };
            nsg.rules.push(rule);
        }
        const collection = (id, into, may) => {
            const rule = {
                ...part(`${id}/rules/${r.address}`, into),
                protocols: may,
                sourceAddresses: may,
                sourceIpGroups: may,
                destinationAddresses: may,
                destinationIpGroups: may,
                destinationFqdns: may,
                destinationPorts: may,
            };
            return { ...part(id, into), kind: 'network', priority: may, action: may, rules: [rule] };
        };
        const policies = new Set();
        for (const p of may('policyGroups') ? b.model.firewallPolicies : []) {
            if (!inScope(p))
                continue;
            policies.add(p.id);
            const may = unknown(r.address, `${cannot}; it may add rule collection groups to this firewall policy`, r.origin);
            const id = `${p.id}/ruleCollectionGroups/${r.address}`;
            const group = {
                ...part(id, p),
                policyId: (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .known */ .eO)(p.id),
                priority: may,
                collections: [collection(`${id}/ruleCollections/${r.address}`, p, may)],
            };
            p.ruleCollectionGroups.push(group);
        }
        for (const fw of may('policyGroups') ? b.model.firewalls : []) {
            if (!inScope(fw))
                continue;
            if (!fw.policyId) {
                if (r.only !== undefined)
                    continue;
                const may = unknown(r.address, `${cannot}; it may add rule collections to this firewall`, r.origin);
                fw.classicCollections.push(collection(`${fw.id}/ruleCollections/${r.address}`, fw, may));
            }
            else if (fw.policyId.known && !policies.has(fw.policyId.value))
                // Its policy is outside the scope: the deployment may give it another.
                fw.policyId = unknown(fw.policyId.value, `${cannot}; it may give this firewall another policy`, r.origin);
        }
        for (const g of r.only === undefined ? b.model.ipGroups : [])
            if (inScope(g))
                g.cidrs = unknown(r.address, `${cannot}; it may change the addresses of this IP group`, r.origin);
        const wan = b.model.virtualWan;
        for (const hub of may('hubRoutes') ? (wan?.hubs ?? []) : []) {
            if (!inScope(hub))
                continue;
            const may = unknown(r.address, `${cannot}; it may add routes to this hub route table`, r.origin);
            const onHub = (t) => t.hubId.known && t.hubId.value === hub.id;
            if (!wan.routeTables.some((t) => onHub(t) && t.name.known && /^defaultroutetable$/i.test(t.name.value)))
                wan.routeTables.push({
                    ...part(`${hub.id}/hubRouteTables/defaultRouteTable`, hub),
                    name: (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .known */ .eO)('defaultRouteTable'),
                    hubId: (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .known */ .eO)(hub.id),
                    routes: [],
                });
            for (const t of wan.routeTables) {
                if (!onHub(t))
                    continue;
                const route = {
                    ...part(`${t.id}/routes/${r.address}`, t),
                    destinations: may,
                    nextHop: may,
                };
                // First: the hub's routes are matched in order here, and this one may be any of them.
                t.routes.unshift(route);
            }
        }
    }));
}


/***/ }),

/***/ 1826:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   PJ: () => (/* binding */ parseSource),
/* harmony export */   Tz: () => (/* binding */ safeSubdir)
/* harmony export */ });
/* unused harmony exports DEFAULT_REGISTRY, splitSubdir, isRegistrySource */
/**
 * Module source addresses as Terraform reads them: registry addresses (`ns/name/system`,
 * `host/ns/name/system`), `git::` URLs (with `?ref=` and `?depth=`), the `github.com/org/repo` shorthand,
 * and HTTP(S) archive URLs (`.tar.gz`, `.zip`, or `?archive=`). A `//dir` after the package address picks
 * a subdirectory of the package (go-getter's convention, which Terraform follows). Other getters (s3::,
 * gcs::, hg::) are named as unsupported.
 */
const DEFAULT_REGISTRY = 'registry.terraform.io';
const REGISTRY = /^(?:([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d+)?)\/)?([A-Za-z0-9][A-Za-z0-9-_]{0,63})\/([A-Za-z0-9][A-Za-z0-9-_]{0,63})\/([a-z0-9]{1,64})(?:\/\/(.+))?$/;
const ARCHIVES = ['tar.gz', 'tgz', 'tar', 'zip'];
/** `url//sub/dir?q` \u2192 [`url?q`, `sub/dir`]: the `//` after the scheme's `://` starts a subdirectory. */
function splitSubdir(address) {
    const scheme = address.indexOf('://');
    const from = scheme >= 0 ? scheme + 3 : 0;
    const at = address.indexOf('//', from);
    if (at < 0)
        return [address, undefined];
    const q = address.indexOf('?', at);
    const subdir = address.slice(at + 2, q < 0 ? undefined : q);
    const rest = address.slice(0, at) + (q < 0 ? '' : address.slice(q));
    return [rest, subdir === '' ? undefined : subdir];
}
/** A subdirectory inside a package: relative, no `..`, no backslashes. */
function safeSubdir(subdir) {
    if (subdir === undefined)
        return true;
    return !subdir.startsWith('/') && !subdir.includes('\\') && !subdir.split('/').includes('..');
}
function isRegistrySource(source) {
    return !source.includes('::') && REGISTRY.test(source.trim()) && !/^[./]/.test(source.trim());
}
function archiveOf(url) {
    const forced = url.searchParams.get('archive');
    if (forced)
        return ARCHIVES.find((a) => a === forced);
    return ARCHIVES.find((a) => url.pathname.toLowerCase().endsWith(`.${a}`));
}
/** Parses a remote module source; `base` resolves relative addresses (an X-Terraform-Get location). */
function parseSource(raw, base) {
    const source = raw.trim();
    if (!source.includes('::') && !source.includes('://')) {
        const m = REGISTRY.exec(source);
        if (m && !source.startsWith('.'))
            return {
                kind: 'registry',
                host: (m[1] ?? DEFAULT_REGISTRY).toLowerCase(),
                namespace: m[2],
                name: m[3],
                system: m[4],
                subdir: m[5],
            };
    }
    let forced;
    let address = source;
    const getter = /^([a-z0-9]+)::(.*)$/i.exec(source);
    if (getter) {
        forced = getter[1].toLowerCase();
        address = getter[2];
    }
    // The shorthands Terraform detects.
    const gh = /^(github\.com|bitbucket\.org)\/([^/]+)\/([^/?]+)(.*)$/i.exec(address);
    if (!forced && gh) {
        if (gh[1].toLowerCase() === 'bitbucket.org')
            return { kind: 'unsupported', reason: 'Bitbucket shorthand sources are not supported' };
        forced = 'git';
        address = `https://github.com/${gh[2]}/${gh[3].replace(/\.git$/, '')}.git${gh[4]}`;
    }
    const scp = /^([\w.-]+@[\w.-]+):([^/].*)$/.exec(address);
    if (scp && (!forced || forced === 'git') && !address.includes('://')) {
        forced = 'git';
        address = `ssh://${scp[1]}/${scp[2]}`;
    }
    if (forced && forced !== 'git' && forced !== 'http' && forced !== 'https')
        return { kind: 'unsupported', reason: `${forced}:: sources are not supported` };
    const [pkg, subdir] = splitSubdir(address);
    let url;
    try {
        url = new URL(pkg, base);
    }
    catch {
        return { kind: 'unsupported', reason: 'the source is not an address the scan can fetch' };
    }
    if (!safeSubdir(subdir))
        return { kind: 'unsupported', reason: `subdirectory "${subdir}" leaves the package` };
    if (forced === 'git' || (!forced && url.protocol === 'git:')) {
        if (!['https:', 'http:', 'ssh:', 'git:', 'file:'].includes(url.protocol))
            return { kind: 'unsupported', reason: `git over ${url.protocol} is not supported` };
        const ref = url.searchParams.get('ref') ?? undefined;
        url.searchParams.delete('ref');
        url.searchParams.delete('depth');
        url.searchParams.delete('sshkey');
        return { kind: 'git', url: url.toString().replace(/\?$/, ''), ref, subdir };
    }
    if (url.protocol === 'https:' || url.protocol === 'http:') {
        const archive = archiveOf(url);
        url.searchParams.delete('archive');
        return { kind: 'http', url: url.toString(), archive, subdir };
    }
    return { kind: 'unsupported', reason: `${url.protocol.replace(/:$/, '')} sources are not supported` };
}
/** A URL for messages: without user name, password or query (which may carry credentials). */
function redactUrl(u) {
    try {
        const url = new URL(u);
        url.username = '';
        url.password = '';
        url.search = '';
        return url.toString();
    }
    catch {
        return u.replace(/\/\/[^/@]*@/, '//').replace(/\?.*$/, '');
    }
}


/***/ })

};
;