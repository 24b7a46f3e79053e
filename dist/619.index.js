"use strict";
exports.id = 619;
exports.ids = [619];
exports.modules = {

/***/ 9334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AZ: () => (/* binding */ presentWith),
/* harmony export */   RP: () => (/* binding */ judgeBothWays),
/* harmony export */   W0: () => (/* binding */ isAbsent),
/* harmony export */   _M: () => (/* binding */ touch),
/* harmony export */   aO: () => (/* binding */ presentTable)
/* harmony export */ });
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2904);

/**
 * One key per condition: objects under the same condition come and go together (its key; else the same text
 * in the same file).
 */
const conditionKey = (c) => c.key ?? `${c.origin?.file ?? ''}\u0000${c.expression}`;
/**
 * Is an object under condition `a` there whenever one under `b` is? The same condition, or one `b` is nested
 * under (Condition.key: `outer\u0001inner`, a Terraform module call's count and a resource's own inside it).
 */
function presentWith(a, b) {
    if (a === undefined || b === undefined)
        return false;
    const ka = conditionKey(a);
    const kb = conditionKey(b);
    return ka === kb || kb.startsWith(`${ka}\u0001`);
}
/** Is the object (or what `condition` stands for, by default its own condition) taken as not deployed? */
function isAbsent(o, assume, condition = o.condition) {
    return condition !== undefined && assume.absent !== undefined && assume.absent.has(conditionKey(condition));
}
/** The table as deployed under the assumptions: without the routes whose condition is taken as false. */
function presentTable(table, assume) {
    if (!table || !assume.absent)
        return table;
    const routes = table.routes.filter((r) => !isAbsent(r, assume));
    return routes.length === table.routes.length ? table : { ...table, routes };
}
/**
 * Records that the path went through `object` (`what`: `route r-kms`), when it is deployed under a condition
 * (its own, or `condition`: what stands for it, such as a subnet's association).
 */
function touch(forks, object, what, c = object.condition) {
    if (!c)
        return;
    const fork = { kind: 'condition', key: conditionKey(c), condition: c, object, what };
    // Which subnet an association is made to: it stands instead of none, neither way is stricter.
    if (c.which)
        fork.alternative = true;
    forks.push(fork);
}
/** The same assumptions, with the fork taken the other way. */
function otherWay(assume, fork) {
    if (fork.kind === 'condition')
        return { ...assume, absent: new Set([...(assume.absent ?? []), fork.key]) };
    return { ...assume, security: new Map([...(assume.security ?? []), [fork.connection, false]]) };
}
const forkKey = (f) => (f.kind === 'condition' ? f.key : f.connection);
/** Ways tried one inside the other at most (each is one more trace of one subnet and one address). */
const MAX_DEPTH = 3;
const OUTCOME = {
    reaches: 'KMS traffic reaches Azure KMS',
    blocked: 'it is blocked',
    unknown: 'the path cannot be followed',
    unverified: 'it goes through an appliance the scan cannot follow',
};
/** What an undecided way could not follow, in words. */
const openHop = (u) => `${u.value.expression}${u.value.reason ? `: ${u.value.reason}` : ''}`;
/** The unresolved value an undecided path names: the condition, with what each way gives. */
function conditionUnknown(fork, deployed, absent) {
    const c = fork.condition;
    const other = !absent
        ? 'the scan did not follow it (too many conditions on this path)'
        : `${OUTCOME[absent.verdict]} (${absent.verdict === 'unknown' && absent.unknowns[0] ? openHop(absent.unknowns[0]) : absent.text})`;
    // What is unknown: which subnet the object is made for (Condition.which), or whether it is deployed.
    const reason = c.which
        ? `${fork.what} ${c.which}: ${c.reason ?? 'which subnet is not known'}; if it applies to this subnet, ` +
            `${OUTCOME[deployed.verdict]} (${deployed.text}); if not, ${other}`
        : `${fork.what} may not be deployed: ${c.reason ?? 'its condition cannot be evaluated'}; if it is, ` +
            `${OUTCOME[deployed.verdict]} (${deployed.text}); if not, ${other}`;
    const value = (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5)(c.expression, reason, c.origin ?? fork.object.origin);
    return { value, attribute: 'condition', object: fork.object };
}
/**
 * The path `trace` gives under `assume`, checked the other way at each fork it recorded. Hand-written: the
 * analysis' own case split, no library models it.
 */
function judgeBothWays(trace, assume = {}, depth = 0) {
    const forks = [];
    const path = trace(assume, forks);
    if (forks.length === 0)
        return path;
    const seen = new Set();
    for (const fork of forks) {
        const key = forkKey(fork);
        if (seen.has(key))
            continue;
        seen.add(key);
        if (path.verdict === 'unknown') {
            // Already undecided: an unknown security is named beside the rest.
            if (fork.kind === 'security' && !path.unknowns.includes(fork.unresolved))
                path.unknowns = [...path.unknowns, fork.unresolved];
            continue;
        }
        // Deployed is stricter where it does not let KMS through: a block through a conditional hop stands
        // (not through an alternative: it stands instead of another declaration, not on top of one).
        if (fork.kind === 'condition' && !fork.alternative && path.verdict !== 'reaches')
            continue;
        const other = depth < MAX_DEPTH ? judgeBothWays(trace, otherWay(assume, fork), depth + 1) : undefined;
        if (other && other.verdict === path.verdict)
            continue;
        const named = fork.kind === 'condition' ? conditionUnknown(fork, path, other) : fork.unresolved;
        return { ...path, outcome: 'unknown', verdict: 'unknown', unknowns: [named] };
    }
    return path;
}


/***/ }),

/***/ 7008:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qb: () => (/* binding */ firewallDnsProxy),
/* harmony export */   Yn: () => (/* binding */ firewallForNextHop),
/* harmony export */   cq: () => (/* binding */ policyDnsProxy),
/* harmony export */   ez: () => (/* binding */ firewallSubnetHolds),
/* harmony export */   gg: () => (/* binding */ evaluateFirewall)
/* harmony export */ });
/* unused harmony exports policyChain, matchNetworkRule */
/* harmony import */ var _kms_catalogue__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5140);
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2904);
/* harmony import */ var _first_match__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2316);
/* harmony import */ var _addresses__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8018);
/* harmony import */ var _conditions__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9334);
/**
 * Azure Firewall evaluation for one KMS request (TCP 1688 to one address). Reproduces Azure's rule
 * processing: only network rules can match non-HTTP(S) traffic such as KMS, so application rules never
 * do; with a policy, the base (parent) policy's rule collection groups come before the child's, groups
 * by priority, then collections by priority; classic firewalls take collections by priority. The first
 * matching rule decides; if none matches, the firewall denies. Network rules match FQDNs only when DNS
 * proxy is on (the firewall must resolve the name itself).
 */





/**
 * Whether a firewall whose private address Azure assigns at deployment holds `address`: it does when the
 * address is in its AzureFirewallSubnet (the subnet is the firewall's alone: Azure requires the name and
 * lets nothing else in, so any address there is the firewall's), it does not when the subnet's prefixes
 * are known and none holds it; undefined when its subnet is not in the model or its prefixes are unknown.
 * Templates commonly write the address Azure will assign (`10.0.1.4` for 10.0.1.0/26) as a literal.
 */
function firewallSubnetHolds(fw, address, index) {
    const subnet = fw.subnetId?.known ? index.subnets.get(fw.subnetId.value) : undefined;
    if (!subnet?.addressPrefixes.known || subnet.addressPrefixes.value.length === 0)
        return undefined;
    const held = subnet.addressPrefixes.value.map((p) => (0,_addresses__WEBPACK_IMPORTED_MODULE_1__/* .prefixContains */ ._y)(p, address));
    if (held.includes(true))
        return true;
    return held.every((h) => h === false) ? false : undefined;
}
/**
 * The modelled Azure Firewall a VirtualAppliance next hop points at: its known private address equals
 * the hop, the hop is the (apply-time) private address attribute of that firewall, or a literal hop lies
 * in the AzureFirewallSubnet of a firewall whose address is assigned at deployment.
 */
function firewallForNextHop(hop, index) {
    if (!hop)
        return undefined;
    // Another unit's firewall (NetworkModel.foreign) is reached only through a hop that refers to it.
    for (const fw of index.firewalls.values()) {
        if (hop.known && fw.privateIpAddress.known && fw.privateIpAddress.value.trim() === hop.value.trim())
            return fw;
        if (!hop.known && hop.ref?.resource === fw.id)
            return fw;
    }
    if (!hop.known)
        return undefined;
    return index.model.firewalls.find((fw) => !fw.privateIpAddress.known && firewallSubnetHolds(fw, hop.value.trim(), index) === true);
}
/** The policy chain, base first; `unknowns` when a base policy cannot be resolved. */
function policyChain(policy, index) {
    const chain = [policy];
    const unknowns = [];
    let p = policy;
    while (p?.basePolicyId) {
        const ref = p.basePolicyId;
        const base = ref.known ? index.policies.get(ref.value) : undefined;
        if (!base) {
            const value = ref.known ? (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)(ref.value, 'base policy not in the scanned sources', ref.origin) : ref;
            unknowns.push({ value, attribute: 'basePolicyId', object: p });
            break;
        }
        if (chain.includes(base))
            break;
        chain.unshift(base);
        p = base;
    }
    return { chain, unknowns };
}
function settingOf(v, object) {
    return v.known
        ? { on: v.value, unknowns: [] }
        : { on: 'unknown', unknowns: [{ value: v, attribute: 'dnsProxy', object }] };
}
/**
 * DNS proxy of a policy: its own setting, else inherited from its base policy; not set anywhere = off,
 * unless a base policy cannot be resolved (it could set it).
 */
function policyDnsProxySetting(policy, index) {
    const { chain, unknowns } = policyChain(policy, index);
    for (const p of [...chain].reverse())
        if (p.dnsProxy)
            return settingOf(p.dnsProxy, p);
    return unknowns.length > 0 ? { on: 'unknown', unknowns } : { on: false, unknowns: [] };
}
function firewallDnsProxySetting(fw, index) {
    const p = firewallPolicy(fw, index);
    if (p && 'value' in p)
        return { on: 'unknown', unknowns: [p] };
    if (p)
        return policyDnsProxySetting(p, index);
    return fw.dnsProxy ? settingOf(fw.dnsProxy, fw) : { on: false, unknowns: [] };
}
function policyDnsProxy(policy, index) {
    return policyDnsProxySetting(policy, index).on;
}
function firewallDnsProxy(fw, index) {
    return firewallDnsProxySetting(fw, index).on;
}
/** The firewall's policy, resolved; an unresolved value when the reference does not resolve. */
function firewallPolicy(fw, index) {
    if (!fw.policyId)
        return undefined;
    if (!fw.policyId.known)
        return { value: fw.policyId, attribute: 'policyId', object: fw };
    const p = index.policies.get(fw.policyId.value);
    if (p)
        return p;
    return {
        value: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)(fw.policyId.value, 'firewall policy not in the scanned sources', fw.policyId.origin),
        attribute: 'policyId',
        object: fw,
    };
}
function byPriority(items) {
    return [...items].sort((a, b) => (a.priority.known ? a.priority.value : 0) - (b.priority.known ? b.priority.value : 0));
}
function priorityUnknowns(o) {
    return o.priority.known ? [] : [{ value: o.priority, attribute: 'priority', object: o }];
}
function collectionSlots(collections, group) {
    const groupUnknowns = group ? priorityUnknowns(group) : [];
    return byPriority(collections.filter((c) => c.kind === 'network')).flatMap((collection) => {
        const unknowns = [...groupUnknowns, ...priorityUnknowns(collection)];
        return collection.rules.map((rule) => ({
            rule,
            collection,
            group,
            unknowns,
        }));
    });
}
/** The network rules in Azure's processing order. */
function ruleSequence(fw, policy, index) {
    if (!policy)
        return collectionSlots(fw.classicCollections);
    const { chain } = policyChain(policy, index);
    return chain.flatMap((p) => byPriority(p.ruleCollectionGroups).flatMap((g) => collectionSlots(g.collections, g)));
}
function listValue(v, attribute, rule, unknowns) {
    if (v.known)
        return v.value;
    unknowns.push({ value: v, attribute, object: rule });
    return undefined;
}
/** CIDRs of IP groups by id; undefined (with unknowns) when one cannot be resolved. */
function ipGroupCidrs(ids, attribute, rule, index, unknowns) {
    const list = listValue(ids, attribute, rule, unknowns);
    if (!list)
        return undefined;
    const cidrs = [];
    let complete = true;
    for (const id of list) {
        const g = index.ipGroups.get(id);
        if (!g) {
            unknowns.push({ value: (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5)(id, 'IP group not in the scanned sources'), attribute, object: rule });
            complete = false;
        }
        else if (!g.cidrs.known) {
            unknowns.push({ value: g.cidrs, attribute: 'cidrs', object: g });
            complete = false;
        }
        else
            cidrs.push(...g.cidrs.value);
    }
    return complete ? cidrs : cidrs.length > 0 ? cidrs : undefined;
}
/** Does a set of entries (possibly incomplete) cover the request? true if a known entry does. */
function partial(entries, covers, complete) {
    const known = entries ? covers(entries) : false;
    return known === true ? true : complete ? known : 'unknown';
}
/**
 * Does a network rule match TCP 1688 from the source to `address`? `source` is the subnet's prefixes,
 * 'unknown', or 'any' for a route table no subnet uses (we assume the intended sources).
 */
function matchNetworkRule(rule, source, address, dnsProxy, index) {
    const unknowns = [];
    const protocols = listValue(rule.protocols, 'protocols', rule, unknowns);
    const proto = protocols
        ? protocols.some((p) => ['tcp', 'any', '*'].includes(p.trim().toLowerCase()))
        : 'unknown';
    const ports = listValue(rule.destinationPorts, 'destinationPorts', rule, unknowns);
    const port = ports ? (0,_addresses__WEBPACK_IMPORTED_MODULE_1__/* .portsCover */ .gI)(ports, _kms_catalogue__WEBPACK_IMPORTED_MODULE_0__/* .KMS_PORT */ .GO) : 'unknown';
    // Most rules of a policy are for other ports or protocols: they cannot match, whatever else is unknown.
    if (proto === false || port === false)
        return { match: false, unknowns: [] };
    const dAddrs = listValue(rule.destinationAddresses, 'destinationAddresses', rule, unknowns);
    const dGroupUnknowns = [];
    const dGroups = ipGroupCidrs(rule.destinationIpGroups, 'destinationIpGroups', rule, index, dGroupUnknowns);
    unknowns.push(...dGroupUnknowns);
    const fqdns = listValue(rule.destinationFqdns, 'destinationFqdns', rule, unknowns);
    const coversDest = (es) => es.some((e) => (0,_addresses__WEBPACK_IMPORTED_MODULE_1__/* .destinationCovers */ .xb)(e, address, 'firewall'));
    const named = fqdns ? fqdns.some((f) => (0,_kms_catalogue__WEBPACK_IMPORTED_MODULE_0__/* .addressesOfFqdn */ .XJ)(f)?.addresses.includes(address)) : 'unknown';
    // A network rule matches an FQDN only when the firewall resolves it (DNS proxy).
    const byFqdn = (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .triAnd */ .Rp)(named, dnsProxy.on);
    if (named === true && dnsProxy.on === 'unknown')
        unknowns.push(...dnsProxy.unknowns);
    const dest = (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .triOr */ .PG)((0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .triOr */ .PG)(partial(dAddrs, coversDest, dAddrs !== undefined), partial(dGroups, coversDest, dGroupUnknowns.length === 0)), byFqdn);
    if (dest === false)
        return { match: false, unknowns: [] };
    let src = true;
    if (source !== 'any') {
        const sAddrs = listValue(rule.sourceAddresses, 'sourceAddresses', rule, unknowns);
        const sGroupUnknowns = [];
        const sGroups = ipGroupCidrs(rule.sourceIpGroups, 'sourceIpGroups', rule, index, sGroupUnknowns);
        unknowns.push(...sGroupUnknowns);
        const entries = [...(sAddrs ?? []), ...(sGroups ?? [])];
        const complete = sAddrs !== undefined && sGroupUnknowns.length === 0;
        src = partial(entries, (es) => (0,_addresses__WEBPACK_IMPORTED_MODULE_1__/* .sourcesCover */ .EX)(es, source, 'firewall'), complete);
    }
    const match = (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .triAnd */ .Rp)((0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .triAnd */ .Rp)(proto, port), (0,_model_value__WEBPACK_IMPORTED_MODULE_3__/* .triAnd */ .Rp)(dest, src));
    return { match, unknowns: match === 'unknown' ? unknowns : [] };
}
/**
 * Verdicts already reached in this analysis, by firewall, source and address: every subnet behind a hub
 * firewall asks it the same question, and a policy can hold hundreds of rules.
 */
const verdicts = new WeakMap();
/** Evaluates the firewall for TCP 1688 from `source` to `address`. */
function evaluateFirewall(fw, source, address, index) {
    let cache = verdicts.get(index);
    if (!cache)
        verdicts.set(index, (cache = new Map()));
    const key = `${fw.id}\u0000${typeof source === 'string' ? source : source.join(',')}\u0000${address}`;
    let verdict = cache.get(key);
    if (!verdict)
        cache.set(key, (verdict = decideFirewall(fw, source, address, index)));
    return verdict;
}
/**
 * A collection's action as this firewall applies it: one under the firewall's own condition (or one the
 * firewall's is nested under) is deployed whenever the firewall is, so its written action holds (else an
 * Allow under a condition is undecided).
 */
function actionOf(c, fw) {
    return c.writtenAction && (0,_conditions__WEBPACK_IMPORTED_MODULE_2__/* .presentWith */ .AZ)(c.condition, fw.condition) ? c.writtenAction : c.action;
}
function decideFirewall(fw, source, address, index) {
    const resolved = firewallPolicy(fw, index);
    if (resolved && 'value' in resolved)
        return { firewall: fw, action: 'unknown', dnsProxy: 'unknown', unknowns: [resolved] };
    const policy = resolved;
    const dnsProxy = firewallDnsProxySetting(fw, index);
    const candidates = ruleSequence(fw, policy, index).map((slot) => ({
        item: slot,
        ...matchNetworkRule(slot.rule, source, address, dnsProxy, index),
        access: (0,_first_match__WEBPACK_IMPORTED_MODULE_4__/* .accessOf */ .Y)(actionOf(slot.collection, fw), 'action', slot.collection),
        unplaced: slot.unknowns,
    }));
    // A base policy we cannot see comes first and could decide anything.
    const open = policy ? policyChain(policy, index).unknowns : [];
    // No rule matched: the firewall denies.
    const { decided, access, unknowns } = (0,_first_match__WEBPACK_IMPORTED_MODULE_4__/* .firstMatch */ .o)(candidates, 'Deny', open);
    return {
        firewall: fw,
        policy,
        dnsProxy: dnsProxy.on,
        rule: decided?.rule,
        collection: decided?.collection,
        group: decided?.group,
        action: access,
        unknowns,
    };
}


/***/ }),

/***/ 6838:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EN: () => (/* binding */ selectEffectiveRoutes),
/* harmony export */   W7: () => (/* binding */ selectRoute),
/* harmony export */   e9: () => (/* binding */ describeSelection),
/* harmony export */   kg: () => (/* binding */ nicName)
/* harmony export */ });
/* unused harmony exports normalizeNextHop, selectEffectiveRoute */
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2904);
/* harmony import */ var _addresses__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8018);
/* harmony import */ var _lookup__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6666);



const NEXT_HOPS = [
    'Internet',
    'VirtualNetworkGateway',
    'VnetLocal',
    'VirtualAppliance',
    'None',
];
/** Azure accepts next hop types case-insensitively (ARM) and Terraform spells them the same way. */
function normalizeNextHop(text) {
    const t = text.trim().toLowerCase();
    return NEXT_HOPS.find((h) => h.toLowerCase() === t);
}
/** On equal prefix length a user route beats a BGP route, which beats a system route. */
const RANK = {
    User: 3,
    VirtualNetworkGateway: 2,
    Default: 1,
    Unknown: 0,
};
/**
 * The route Azure uses for `address` among a NIC's effective routes: longest prefix match; on equal
 * prefixes user > BGP > system (and the first of equals); a user route with hasBgpOverride that covers the
 * address beats every BGP route covering it, however long; Invalid routes (e.g. a user route whose next hop
 * is gone) are ignored.
 */
function selectEffectiveRoute(routes, address) {
    const candidates = [];
    for (const route of routes) {
        if (route.state === 'Invalid')
            continue;
        let best;
        for (const prefix of route.addressPrefix) {
            const spec = (0,_addresses__WEBPACK_IMPORTED_MODULE_0__/* .routeSpecificity */ .Eg)(prefix, address);
            if (spec !== undefined && (!best || spec > best.spec))
                best = { prefix, spec };
        }
        if (best)
            candidates.push({ route, ...best });
    }
    const override = candidates.some((c) => c.route.source === 'User' && c.route.hasBgpOverride);
    const eligible = override
        ? candidates.filter((c) => c.route.source !== 'VirtualNetworkGateway')
        : candidates;
    let winner;
    for (const c of eligible)
        if (!winner ||
            c.spec > winner.spec ||
            (c.spec === winner.spec && RANK[c.route.source] > RANK[winner.route.source]))
            winner = c;
    return winner && { route: winner.route, prefix: winner.prefix };
}
/**
 * Longest prefix match over `reported` effective routes plus the user routes of `table` (as user entries,
 * flagged hasBgpOverride when a reported route says so). `unknown` when a route's prefix does not resolve
 * and could be the address's /32 (only a known /32 is sure to win anyway); `won` undefined when nothing
 * covers the address.
 */
function longestMatch(table, reported, address, overrides = [], extra = []) {
    const candidates = [...reported];
    const modelRoutes = new Map();
    const unresolved = [];
    // The table's own routes first: of equal user routes the first wins.
    for (const route of [...(table?.routes ?? []), ...extra]) {
        if (!route.addressPrefix.known) {
            unresolved.push({ value: route.addressPrefix, attribute: 'addressPrefix', object: route });
            continue;
        }
        const prefix = route.addressPrefix.value;
        const entry = {
            source: 'User',
            state: 'Active',
            addressPrefix: [prefix],
            nextHopType: route.nextHopType.known ? route.nextHopType.value : '',
            nextHopIpAddress: [],
        };
        if (bgpOverrideOf(route, prefix, overrides))
            entry.hasBgpOverride = true;
        modelRoutes.set(entry, route);
        candidates.push(entry);
    }
    const won = selectEffectiveRoute(candidates, address);
    if (unresolved.length > 0 && (!won || ((0,_addresses__WEBPACK_IMPORTED_MODULE_0__/* .routeSpecificity */ .Eg)(won.prefix, address) ?? 0) < 32))
        return { unknowns: unresolved };
    return { won, modelRoute: won && modelRoutes.get(won.route) };
}
/** Azure's system default route 0.0.0.0/0 \u2192 Internet won. */
function systemSelection(table) {
    return { table, winner: { kind: 'system', prefix: '0.0.0.0/0' }, nextHop: 'Internet', unknowns: [] };
}
/**
 * Selects the route for `address` in `table` (undefined table = system routes only), with `extra` user
 * routes beside the table's (Virtual Network Manager's managed routes). When a user route has the same
 * prefix as a system route the user route wins, so any capturing user route beats 0.0.0.0/0.
 */
function selectRoute(table, address, extra = []) {
    // No user route: the system default route, without building an empty candidate list first.
    if ((!table || table.routes.length === 0) && extra.length === 0)
        return systemSelection(table);
    // longestMatch without reported routes, straight over the model routes (it ran for every subnet and KMS
    // address, and its candidate entries were the analysis' largest allocation): the longest prefix wins,
    // the first of equals; a route whose prefix does not resolve keeps it open unless a /32 won.
    let won;
    let wonPrefix = '';
    let wonSpec = -1;
    let unresolved;
    for (const routes of [table?.routes ?? [], extra])
        for (const route of routes) {
            if (!route.addressPrefix.known) {
                ;
                (unresolved ??= []).push({ value: route.addressPrefix, attribute: 'addressPrefix', object: route });
                continue;
            }
            const spec = (0,_addresses__WEBPACK_IMPORTED_MODULE_0__/* .routeSpecificity */ .Eg)(route.addressPrefix.value, address);
            if (spec !== undefined && spec > wonSpec) {
                won = route;
                wonPrefix = route.addressPrefix.value;
                wonSpec = spec;
            }
        }
    if (unresolved && wonSpec < 32)
        return { table, nextHop: 'unknown', unknowns: unresolved };
    if (!won)
        return systemSelection(table);
    return userSelection(table, won, wonPrefix);
}
/** The selection when the user route `route` of `table` won. */
function userSelection(table, route, prefix) {
    const winner = { kind: 'user', route, prefix };
    const hopValue = route.nextHopType;
    if (!hopValue.known)
        return {
            table,
            winner,
            nextHop: 'unknown',
            unknowns: [{ value: hopValue, attribute: 'nextHopType', object: route }],
        };
    const hop = normalizeNextHop(hopValue.value);
    if (!hop) {
        const bad = (0,_model_value__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(hopValue.value, 'not a next hop type Azure knows', hopValue.origin);
        return {
            table,
            winner,
            nextHop: 'unknown',
            unknowns: [{ value: bad, attribute: 'nextHopType', object: route }],
        };
    }
    return { table, winner, nextHop: hop, nextHopIpAddress: route.nextHopIpAddress, unknowns: [] };
}
/** The NIC's name from its ARM id, for path text. */
function nicName(nicId) {
    return nicId.split('/').filter(Boolean).pop() ?? nicId;
}
/** A reported user route that Azure marks to win over BGP stands behind the model route with its prefix. */
function bgpOverrideOf(route, prefix, reported) {
    const name = route.name.known ? route.name.value.toLowerCase() : undefined;
    return reported.some((e) => e.source === 'User' &&
        e.hasBgpOverride === true &&
        e.addressPrefix.some((p) => p.trim().toLowerCase() === prefix.trim().toLowerCase()) &&
        (!e.name || !name || e.name.toLowerCase() === name));
}
/**
 * Selects the route for `address` from a subnet's effective routes (live state), which add what no IaC
 * file shows: routes learned over BGP, e.g. a 0.0.0.0/0 advertised from on-premises.
 *
 * The effective routes were read from the deployed network, but the model may be a pull request laid
 * over it. So the user routes come from the model's route table when the model says which table the
 * subnet has (`table`, or undefined for none): a bypass route the pull request adds counts, one it deletes
 * no longer does. Only when the association does not resolve (`'unresolved'`) are the reported user routes
 * used as they are. BGP routes are dropped when the model's table disables BGP route propagation.
 */
function selectEffectiveRoutes(effective, table, address, subnet) {
    const modelTable = table === 'unresolved' ? undefined : table;
    const replaceUser = table !== 'unresolved';
    const propagation = modelTable?.bgpRoutePropagation;
    const reported = [];
    for (const e of effective.routes) {
        if (replaceUser && e.source === 'User')
            continue;
        if (e.source === 'VirtualNetworkGateway' && propagation?.known && !propagation.value)
            continue;
        // Azure marks a system route Invalid when a user route with the same prefix overrides it. The user
        // routes are the model's now, so the override is decided again here (a user route outranks it).
        reported.push(replaceUser && e.source === 'Default' && e.state === 'Invalid' ? { ...e, state: 'Active' } : e);
    }
    const eff = { nicId: effective.nicId, routes: reported };
    const m = longestMatch(modelTable, reported, address, effective.routes);
    if ('unknowns' in m)
        return { table: modelTable, nextHop: 'unknown', unknowns: m.unknowns, effective: eff };
    // Nothing reported covers the address (no 0.0.0.0/0 at all): Azure's system default route applies.
    const { won, modelRoute } = m;
    // Object.assign on the fresh selection: a spread that adds a field is many times slower on Node 20.
    if (!won)
        return Object.assign(systemSelection(modelTable), { effective: eff });
    if (modelRoute)
        return Object.assign(userSelection(modelTable, modelRoute, won.prefix), { effective: eff });
    const hop = normalizeNextHop(won.route.nextHopType);
    if (won.route.source === 'Default' && hop === 'Internet' && (0,_addresses__WEBPACK_IMPORTED_MODULE_0__/* .parseIpv4Prefix */ .nY)(won.prefix)?.bits === 0)
        return Object.assign(systemSelection(modelTable), { effective: eff });
    const sel = {
        table: modelTable,
        winner: { kind: 'effective', route: won.route, prefix: won.prefix },
        nextHop: hop ?? 'unknown',
        unknowns: [],
        effective: eff,
    };
    const ip = won.route.nextHopIpAddress[0];
    if (ip)
        sel.nextHopIpAddress = (0,_model_value__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(ip, subnet.origin);
    if (!hop) {
        const value = (0,_model_value__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(`${won.prefix} \u2192 ${won.route.nextHopType}`, `next hop type of an effective route (NIC ${nicName(effective.nicId)}) that the analysis does not know`, subnet.origin);
        sel.unknowns = [{ value, attribute: 'effectiveRoutes', object: subnet }];
    }
    else if (won.route.source === 'VirtualNetworkGateway' && propagation && !propagation.known) {
        // A BGP route decides, but whether the table lets BGP routes in at all is not known.
        sel.nextHop = 'unknown';
        sel.unknowns = [{ value: propagation, attribute: 'bgpRoutePropagation', object: modelTable }];
    }
    return sel;
}
/** `(BGP)`, `(user route r0 in rt-spoke)`: where an effective selection's winner came from. */
function effectiveOrigin(sel, tableName) {
    const w = sel.winner;
    if (!w || w.kind === 'system')
        return 'system route';
    if (w.kind === 'hub' || w.kind === 'site')
        return w.text;
    if (w.kind === 'user')
        return `user route ${(0,_lookup__WEBPACK_IMPORTED_MODULE_2__/* .displayName */ .Q)(w.route)}${tableName ? ` in ${tableName}` : ''}`;
    if (w.route.source === 'VirtualNetworkGateway')
        return 'BGP';
    if (w.route.source === 'User')
        return `user route${w.route.name ? ` ${w.route.name}` : ''}, deployed`;
    return 'system route';
}
/** The readable form of a selection, e.g. `rt-spoke: 0.0.0.0/0 \u2192 VirtualNetworkGateway`. */
function describeSelection(sel, tableName) {
    if (sel.effective) {
        const where = `effective routes (${nicName(sel.effective.nicId)})`;
        if (!sel.winner)
            return `${where}: (unresolved route) \u2192 ?`;
        const ip = sel.nextHop === 'VirtualAppliance' ? sel.nextHopIpAddress : undefined;
        const hop = `${sel.nextHop === 'unknown' ? '?' : sel.nextHop}${ip ? ` ${ip.known ? ip.value : ip.expression}` : ''}`;
        return `${where}: ${sel.winner.prefix} \u2192 ${hop} (${effectiveOrigin(sel, tableName)})`;
    }
    const where = tableName ?? 'system route';
    if (!sel.winner && sel.unlessLearned?.winner)
        return `${describeSelection({ ...sel, ...sel.unlessLearned, unlessLearned: undefined }, tableName)} unless a route learned over BGP beats it \u2192 ?`;
    if (sel.winner?.kind === 'hub' || sel.winner?.kind === 'site')
        return `${sel.winner.text}: ${sel.winner.prefix} \u2192 ${sel.nextHop === 'unknown' ? '?' : sel.nextHop}`;
    if (!sel.winner)
        return `${where}: (unresolved route) \u2192 ?`;
    if (sel.winner.kind === 'user' && sel.winner.route.managedBy)
        return `${sel.winner.route.managedBy}, managed route ${(0,_lookup__WEBPACK_IMPORTED_MODULE_2__/* .displayName */ .Q)(sel.winner.route)}: ${sel.winner.prefix} \u2192 ${sel.nextHop === 'unknown' ? '?' : sel.nextHop}`;
    if (sel.winner.kind === 'system')
        return `${tableName ? `${tableName}: ` : ''}system route 0.0.0.0/0 \u2192 Internet`;
    return `${where}: ${sel.winner.prefix} \u2192 ${sel.nextHop === 'unknown' ? '?' : sel.nextHop}`;
}


/***/ }),

/***/ 3619:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  V7: () => (/* binding */ allRules),
  xG: () => (/* binding */ runRules)
});

// UNUSED EXPORTS: compareFindings

// EXTERNAL MODULE: ./src/rules/order.ts
var order = __webpack_require__(1263);
// EXTERNAL MODULE: ./src/analysis/lookup.ts
var lookup = __webpack_require__(6666);
// EXTERNAL MODULE: ./src/kms/catalogue.ts
var catalogue = __webpack_require__(5140);
// EXTERNAL MODULE: ./src/model/vnet.ts
var vnet = __webpack_require__(3580);
// EXTERNAL MODULE: ./src/rules/identity.ts
var identity = __webpack_require__(9389);
// EXTERNAL MODULE: ./src/rules/mention-text.ts
var mention_text = __webpack_require__(5713);
;// CONCATENATED MODULE: ./src/rules/findings.ts





/** Groups items by key, keeping first-seen order. */
function groupBy(items, key) {
    const m = new Map();
    for (const i of items) {
        const k = key(i);
        if (k === undefined)
            continue;
        const list = m.get(k);
        if (list)
            list.push(i);
        else
            m.set(k, [i]);
    }
    return m;
}
function unique(items) {
    return [...new Set(items)];
}
/** `a`, `a and b`, `a, b and c`. */
function listText(items) {
    if (items.length <= 1)
        return items.join('');
    return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
/** Addresses of the paths in catalogue order (current first). */
function addressesOf(paths) {
    return unique(paths.map((p) => p.kms.address));
}
/**
 * A subnet as Azure names it, with its virtual network (`vnet-spoke/snet-app`): subnet names repeat across
 * spokes; VNet names too, so a shared one is qualified (`vnet-spoke (rg-spoke-a)/snet-app`).
 */
function subnetLabel(s) {
    const subnet = s;
    const vnet = subnet.vnetName;
    // A VNet whose name another VNet of the scan shares carries its resource group (src/model/vnet.ts).
    // The VNet's label is a slot (mention-text.ts): the report may qualify it once every unit is read.
    return vnet?.known && s.name.known
        ? `${(0,mention_text/* vnetSlot */.UR)(subnet.vnetLabel ?? vnet.value)}/${s.name.value}`
        : (0,lookup/* displayName */.Q)(s);
}
function subnetsOf(paths) {
    return unique(paths.flatMap((p) => (p.subnet ? [subnetLabel(p.subnet)] : [])));
}
/** Each subnet with the path its own KMS traffic takes, for the summary's drawing. */
function subnetPathsOf(paths) {
    const seen = new Set();
    const out = [];
    for (const p of paths) {
        if (!p.subnet)
            continue;
        const subnet = subnetLabel(p.subnet);
        const key = `${subnet}\u0000${p.text}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push({ subnet, path: p.text, hops: hopsOf(p) });
    }
    return out;
}
const azureName = (o) => o?.name.known ? o.name.value : undefined;
const knownText = (v) => v?.known ? v.value : undefined;
/**
 * The path's steps as Azure names and values. Only known values are kept: an unresolved name stays
 * unnamed rather than shown as the expression it came from.
 */
function hopsOf(p) {
    const hops = [];
    for (const s of p.steps) {
        const hop = { kind: s.kind };
        const name = azureName(s.object);
        switch (s.kind) {
            case 'subnet': {
                const prefixes = s.object?.addressPrefixes;
                if (prefixes?.known && prefixes.value.length > 0)
                    hop.detail = prefixes.value.join(', ');
                break;
            }
            case 'routeTable':
                // Named by the object alone: its label falls back to the IaC address.
                break;
            case 'route':
                // The label is the winning prefix (or "(unresolved)"), always ours.
                hop.detail = s.label;
                break;
            case 'nextHop': {
                const ip = s.object === undefined && s.label === 'VirtualAppliance' ? p.selection.nextHopIpAddress : undefined;
                hop.detail = s.label + (ip?.known ? ` ${ip.value}` : '');
                break;
            }
            case 'firewall': {
                const ip = knownText(s.object?.privateIpAddress);
                if (ip)
                    hop.detail = ip;
                break;
            }
            case 'firewallRule':
                hop.detail = p.firewall?.action === 'unknown' ? 'undecided' : (p.firewall?.action ?? '');
                break;
            case 'nsg': {
                const nsg = p.nsg;
                const nsgName = azureName(nsg?.nsg);
                if (nsgName)
                    hop.name = nsgName;
                const rule = nsg?.rule ? azureName(nsg.rule) : nsg?.defaultRule;
                hop.detail = `${rule ? `${rule} ` : ''}${nsg?.access ?? ''}`.trim();
                hops.push(hop);
                continue;
            }
            default:
                // internet, onPremises, dropped, appliance: the label is an outcome or a literal address.
                hop.detail = s.label;
        }
        if (name !== undefined)
            hop.name = name;
        hops.push(hop);
    }
    return hops;
}
/**
 * What a finding about a group of paths says of them: the first path, the subnets, each subnet's path,
 * and the paths themselves (makeFinding takes the affected subnets and deciding sources from them).
 */
function pathParts(paths) {
    return { path: paths[0].text, subnets: subnetsOf(paths), subnetPaths: subnetPathsOf(paths), paths };
}
/** The objects whose blocks (and inputs) decided a path, in path order. */
function decidingObjects(p) {
    const winner = p.selection.winner?.kind === 'user' ? p.selection.winner.route : undefined;
    const fw = p.firewall;
    const fwWinner = p.firewallSubnetSelection?.winner?.kind === 'user' ? p.firewallSubnetSelection.winner.route : undefined;
    return [
        p.subnet,
        p.routeTable,
        winner,
        p.decidingRoute,
        fw?.firewall,
        fw?.policy,
        fw?.group,
        fw?.collection,
        fw?.rule,
        p.firewallSubnetSelection?.table,
        fwWinner,
        p.nsg?.nsg,
        p.nsg?.rule,
        p.deciding,
        ...p.steps.map((s) => s.object),
        ...p.unknowns.map((u) => u.object),
    ];
}
/** Every place whose change could change these verdicts (Finding.sources), each once. */
function sourcesOf(paths, at) {
    // Each place once, in the order first met, as the last origin given for it (a Map's set keeps the first
    // position and the last value). Keyed by file, then by the lines as one number: a string key per
    // origin (file and lines joined) was most of the rules' own time.
    const out = [];
    const slots = new Map();
    const add = (o) => {
        if (!o)
            return;
        let lines = slots.get(o.file);
        if (!lines)
            slots.set(o.file, (lines = new Map()));
        // The two lines as one small integer when both are below 2^15 (nearly always: no string to build,
        // no heap number); else as a string, which no number key can equal.
        const key = o.startLine >= 0 &&
            o.startLine < 0x8000 &&
            o.endLine >= 0 &&
            o.endLine < 0x8000 &&
            Number.isInteger(o.startLine) &&
            Number.isInteger(o.endLine)
            ? o.startLine * 0x8000 + o.endLine
            : `${o.startLine}\u0000${o.endLine}`;
        const slot = lines.get(key);
        if (slot === undefined) {
            lines.set(key, out.length);
            out.push(o);
        }
        else
            out[slot] = o;
    };
    const addObject = (o) => {
        if (!o)
            return;
        add(o.origin);
        for (const i of o.inputs ?? [])
            add(i);
    };
    addObject(at);
    for (const p of paths) {
        for (const o of decidingObjects(p))
            addObject(o);
        add(p.subnet?.routeTableOrigin);
        add(p.subnet?.nsgOrigin);
        for (const u of p.unknowns)
            add(u.value.origin);
    }
    return out;
}
/** "Windows VMs in snet-a and snet-b", or a note that no subnet uses the table yet. */
function whoText(paths) {
    const s = subnetsOf(paths);
    return s.length > 0
        ? `Windows VMs in ${listText(s)}`
        : 'Windows VMs in any subnet this route table is associated with';
}
function currentOf(cloud) {
    return KMS_CATALOGUE[cloud].current.addresses.map((address) => ({
        cloud,
        address,
        kind: 'current',
        fqdn: KMS_CATALOGUE[cloud].current.fqdn,
    }));
}
/** Every KMS address of the cloud, the list Microsoft asks routes and rules for. */
function allAddresses(cloud) {
    const c = catalogue/* KMS_CATALOGUE */.uE[cloud];
    return [...c.current.addresses, ...c.legacy.addresses];
}
/** The sentence about Microsoft's address change, for the public cloud where it applies. */
function datesText(cloud) {
    const c = catalogue/* KMS_CATALOGUE */.uE[cloud];
    if (cloud !== 'AzureCloud')
        return `Windows uses ${c.current.fqdn} (${listText([...c.current.addresses])}).`;
    return (`Since ${catalogue/* KMS_DATES */.U7.newAddressesLive} ${c.current.fqdn} resolves to ${listText([...c.current.addresses])}, and since ` +
        `${catalogue/* KMS_DATES */.U7.legacyFqdnMoved} ${c.legacy.fqdn} points at ${c.current.addresses[0]}.`);
}
/** The default severity of a latent finding (a route table no scanned subnet uses), per rule severity. */
const LATENT_SEVERITY = {
    error: 'warning',
    warning: 'notice',
    notice: 'notice',
};
const WHY_PUBLIC = 'Azure KMS only activates requests that arrive from an Azure public IP address';
/**
 * The value of a hop whose text makes it match KMS traffic: a route's prefix, a rule's destinations. Where it
 * was written is where the hop is the user's to change (a next hop handed in by the caller is not enough:
 * the route itself is still the module's).
 */
function decisiveValue(at) {
    const o = at;
    return o.addressPrefix ?? o.destinationAddressPrefixes ?? o.destinationAddresses;
}
const plain = (o) => ({ file: o.file, startLine: o.startLine, endLine: o.endLine });
/**
 * The line a person changes when the hop's decisive value was written in another file than the hop's
 * block: the module call argument, the tfvars entry, the caller's parameter (Origin.from).
 */
function writtenElsewhere(at) {
    for (const o of [decisiveValue(at)?.origin, at.origin])
        if (o?.from && o.from.file !== at.origin.file)
            return plain(o.from);
    return undefined;
}
function makeFinding(rule, ctx, at, parts) {
    const f = {
        ruleId: rule.id,
        severity: rule.severity,
        title: rule.title,
        location: parts.location ?? at.origin,
        resource: parts.resource ?? at.address,
        cloud: ctx.cloud,
        format: parts.format ?? at.format,
        message: parts.message,
        kmsAddresses: parts.kmsAddresses,
    };
    const caller = parts.location ? undefined : writtenElsewhere(at);
    if (caller) {
        f.location = caller;
        f.related = [plain(at.origin)];
    }
    if (parts.path !== undefined)
        f.path = parts.path;
    // A verdict on a route table no scanned subnet uses breaks nothing yet: latent, one level lower.
    if (parts.path !== undefined && (parts.subnets ?? []).length === 0) {
        f.latent = true;
        f.severity = LATENT_SEVERITY[rule.severity];
    }
    if (parts.fix !== undefined)
        f.fix = parts.fix;
    if (parts.subnets !== undefined && parts.subnets.length > 0)
        f.subnets = parts.subnets;
    if (parts.subnetPaths !== undefined && parts.subnetPaths.length > 0)
        f.subnetPaths = parts.subnetPaths;
    const paths = parts.paths ?? [];
    const affected = unique(paths.flatMap((p) => (p.subnet ? [p.subnet] : [])));
    // A finding anchored on a subnet (no outbound access, a subnet-level verdict) harms that subnet.
    if (affected.length === 0 && ctx.model.subnets.includes(at))
        affected.push(at);
    if (affected.length > 0)
        f.affected = affected.map((s) => (0,identity/* azureRef */.L7)(ctx.model, s));
    const vnets = vnetMentionsOf(affected);
    if (vnets.length > 0)
        f.vnets = vnets;
    (0,mention_text/* mentionTexts */.H_)(f, (label) => mentionByLabel(ctx.model, label));
    f.hop = (0,identity/* azureRef */.L7)(ctx.model, at);
    f.sources = sourcesOf(paths, at);
    return f;
}
const byLabel = new WeakMap();
const labelOf = (s) => s.vnetLabel ?? (s.vnetName?.known ? s.vnetName.value : undefined);
/**
 * The VNet of the model that its unit labels `label` (labelVnets gives two VNets two labels). Indexed once
 * per model, again when the model changed since (a subnet added, labels given again).
 */
function mentionByLabel(model, label) {
    const index = () => {
        const subnets = new Map();
        for (const s of model.subnets) {
            const l = labelOf(s);
            if (l !== undefined && !subnets.has(l))
                subnets.set(l, s);
        }
        byLabel.set(model, subnets);
        return subnets;
    };
    let s = byLabel.get(model)?.get(label);
    if (!s || labelOf(s) !== label)
        s = index().get(label);
    return s && (0,vnet/* vnetMentionOf */.l3)(s);
}
/** The VNets of the subnets, each label once (a unit labels one VNet one way). */
function vnetMentionsOf(subnets) {
    const out = new Map();
    for (const s of subnets) {
        const m = (0,vnet/* vnetMentionOf */.l3)(s);
        if (m && !out.has(m.label))
            out.set(m.label, m);
    }
    return [...out.values()];
}
/** A finding from a source's diagnostic (KMS011 unresolved module, KMS012 unreadable file), at its origin. */
function diagnosticFinding(rule, ctx, d, message) {
    return {
        ruleId: rule.id,
        severity: d.severity ?? rule.severity,
        title: d.title ?? rule.title,
        message,
        location: d.origin,
        resource: d.address ?? d.origin.file,
        kmsAddresses: [],
        cloud: ctx.cloud,
        ...(d.readFine ? { readFine: true } : {}),
    };
}
/** A route's readable description: `route default-to-onprem (0.0.0.0/0) in rt-spoke`. */
function routeText(route, tableName) {
    const prefix = route.addressPrefix.known ? ` (${route.addressPrefix.value})` : '';
    if (route.managedBy)
        return `managed route ${(0,lookup/* displayName */.Q)(route)}${prefix} of ${route.managedBy}`;
    return `route ${(0,lookup/* displayName */.Q)(route)}${prefix}${tableName ? ` in route table ${tableName}` : ''}`;
}
/** The route table a route belongs to. */
function tableOfRoute(ctx, route) {
    return ctx.model.routeTables.find((t) => t.id === route.routeTableId);
}

// EXTERNAL MODULE: ./src/analysis/routes.ts
var routes = __webpack_require__(6838);
;// CONCATENATED MODULE: ./src/rules/effective.ts
/**
 * Paths decided by an effective route (live state) that no model Route stands for, e.g. a 0.0.0.0/0 that
 * the virtual network gateway learned over BGP. There is no route in code to point at, so findings point at
 * the subnet whose effective routes hold it, and say where the route comes from.
 */



/** The deciding route of a path, model Route or effective route: a key to group findings by. */
function decidingKey(p) {
    if (p.decidingRoute)
        return p.decidingRoute.id;
    if (p.decidingHub)
        return `hub:${p.decidingHub.via.id}`;
    if (p.decidingSite)
        return `site:${p.decidingSite.via.id}:${p.decidingSite.prefix}`;
    const e = p.decidingEffectiveRoute;
    return e && `effective:${e.subnet.id}:${e.route.source}:${e.prefix}`;
}
/** What a finding points at: the deciding Route, else the subnet holding the deciding effective route. */
function decidingObject(p) {
    return p.decidingRoute ?? p.decidingEffectiveRoute?.subnet ?? p.decidingHub?.via ?? p.decidingSite?.via;
}
function isBgp(e) {
    return e.route.source === 'VirtualNetworkGateway';
}
/**
 * `route 0.0.0.0/0 learned over BGP in the effective routes of subnet snet-app (NIC nic-app-01)`: a
 * readable description in the same place of a sentence as findings.ts routeText.
 */
function effectiveRouteText(e) {
    const what = e.route.source === 'VirtualNetworkGateway'
        ? `route ${e.prefix} learned over BGP`
        : e.route.source === 'User'
            ? `deployed user route${e.route.name ? ` ${e.route.name}` : ''} (${e.prefix})`
            : `system route ${e.prefix}`;
    return `${what} in the effective routes of subnet ${(0,lookup/* displayName */.Q)(e.subnet)} (NIC ${(0,routes/* nicName */.kg)(e.nicId)})`;
}
/**
 * The model route table of the subnet holding a path's deciding effective route (where bypass routes go):
 * the path's own, or, past a forced-tunnelling firewall, the firewall subnet's.
 */
function effectiveTable(p) {
    const e = p.decidingEffectiveRoute;
    if (!e)
        return undefined;
    return e.subnet === p.subnet ? p.routeTable : p.firewallSubnetSelection?.table;
}
function deciderOf(ctx, p) {
    const route = p.decidingRoute;
    if (route?.managedBy) {
        // A Virtual Network Manager route: /32 routes in the subnet's own table win over it (a longer prefix),
        // and so do routing rules for the /32 addresses beside it in its rule collection.
        const fw = p.firewallSubnetSelection;
        const table = fw?.winner?.kind === 'user' && fw.winner.route === route ? fw.table : p.selection.table;
        const target = table
            ? `route table ${(0,lookup/* displayName */.Q)(table)} (or as routing rules beside ${(0,lookup/* displayName */.Q)(route)})`
            : `the rule collection of ${(0,lookup/* displayName */.Q)(route)} (routing rules, next hop Internet)`;
        return { route, table, at: route, text: routeText(route), target };
    }
    if (route) {
        const table = tableOfRoute(ctx, route);
        return {
            route,
            table,
            at: route,
            text: routeText(route, table && (0,lookup/* displayName */.Q)(table)),
            target: table && (0,lookup/* displayName */.Q)(table),
        };
    }
    if (p.decidingHub && !p.decidingEffectiveRoute)
        return { at: p.decidingHub.via, text: `default route 0.0.0.0/0 of ${p.decidingHub.text}` };
    if (p.decidingSite && !p.decidingEffectiveRoute) {
        // A site's prefix is a gateway route no route table holds: /32 routes in the subnet's table win over it.
        const table = p.routeTable;
        return {
            ...(table ? { table } : {}),
            at: p.decidingSite.via,
            text: `gateway route ${p.decidingSite.prefix} (the address space of ${p.decidingSite.text})`,
            ...(table ? { target: (0,lookup/* displayName */.Q)(table) } : {}),
        };
    }
    const effective = p.decidingEffectiveRoute;
    const table = effectiveTable(p);
    return {
        effective,
        table,
        at: effective.subnet,
        text: effectiveRouteText(effective),
        target: table && (0,lookup/* displayName */.Q)(table),
    };
}

;// CONCATENATED MODULE: ./src/rules/kms001-forced-tunnel.ts
/**
 * KMS001: a current KMS address follows a route to the VPN/ExpressRoute gateway. The request then
 * leaves from on-premises, and Azure KMS refuses activation requests that do not come from an Azure
 * public IP (Microsoft: "Windows activation fails in forced tunneling scenario").
 */



const kms001 = {
    id: 'KMS001',
    title: 'KMS traffic is forced through the VPN/ExpressRoute gateway',
    severity: 'error',
    explanation: 'A route with next hop `VirtualNetworkGateway` (usually `0.0.0.0/0`, forced tunnelling) sends the KMS request ' +
        'on-premises, so it reaches Azure KMS from a non-Azure address. Azure KMS only activates requests that come ' +
        'from an Azure public IP: Windows VMs stay unactivated, show a watermark and lose features once the grace ' +
        'period ends. A bypass for some KMS addresses is not enough: Windows may use any address ' +
        '`azkms.core.windows.net` resolves to.',
    fix: 'Add a `/32` route with next hop `Internet` for every KMS address of the cloud (for the public cloud ' +
        '20.118.99.224, 40.83.235.53 and 23.102.135.246) to the route table, as Microsoft documents for forced ' +
        'tunnelling. Longest prefix match makes them win over `0.0.0.0/0`.',
    check(ctx) {
        const findings = [];
        const paths = ctx.analysis.paths.filter((p) => p.outcome === 'gateway' && decidingKey(p));
        for (const group of groupBy(paths, decidingKey).values()) {
            const current = group.filter((p) => p.kms.kind === 'current');
            if (current.length === 0)
                continue; // only the legacy address: KMS009
            // No Route in code when an effective route decided (live, e.g. learned over BGP): the subnet's table.
            const { route, effective, table, at, text, target: into } = deciderOf(ctx, group[0]);
            const blocked = addressesOf(current);
            const bypassed = ctx.analysis.kmsAddresses
                .filter((k) => k.kind === 'current' && !blocked.includes(k.address))
                .map((k) => k.address);
            const toAdd = addressesOf(group);
            const viaFirewall = current.some((p) => p.firewall);
            const subject = effective && isBgp(effective)
                ? `${text}, which is advertised over BGP from on-premises and is in no route table of the code,`
                : text;
            const target = into ??
                (route
                    ? 'the route table'
                    : effective
                        ? `a route table associated with ${(0,lookup/* displayName */.Q)(effective.subnet)}`
                        : 'a route table associated with the subnet');
            const message = `The ${subject} sends Azure KMS traffic (TCP 1688) for ${listText(blocked)} ` +
                `${viaFirewall ? 'that the Azure Firewall lets through ' : ''}to the virtual network gateway, so it ` +
                `leaves through on-premises (forced tunnelling)` +
                `${bypassed.length > 0 ? `, although ${listText(bypassed)} ${bypassed.length > 1 ? 'have' : 'has'} a bypass` : ''}. ` +
                `${WHY_PUBLIC}, so ${whoText(current)} fail to activate. ` +
                `Add /32 routes with next hop Internet for ${listText(toAdd)} to ${target}. ` +
                (effective && isBgp(effective)
                    ? `They win over the BGP ${effective.prefix} on prefix length (a user route Azure marks hasBgpOverride ` +
                        `wins over overlapping BGP routes whatever its length). `
                    : '') +
                datesText(ctx.cloud);
            findings.push(makeFinding(kms001, ctx, at, {
                message,
                kmsAddresses: blocked,
                ...pathParts(current),
                fix: table && { kind: 'add-routes', table, like: route, addresses: toAdd },
            }));
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/kms002-dropped.ts
/**
 * KMS002: a current KMS address follows a route with next hop None (Azure drops the packet) or
 * VnetLocal (it stays in the virtual network, where no KMS lives).
 */


const kms002 = {
    id: 'KMS002',
    title: 'KMS traffic is dropped by a route',
    severity: 'error',
    explanation: 'A route with next hop `None` makes Azure drop the traffic; next hop `VnetLocal` keeps it inside the virtual ' +
        'network. Either way the KMS request never reaches Azure KMS and Windows VMs cannot activate.',
    fix: 'Add `/32` routes with next hop `Internet` for the KMS addresses, or change the route so it does not capture them.',
    check(ctx) {
        const findings = [];
        const paths = ctx.analysis.paths.filter((p) => (p.outcome === 'none' || p.outcome === 'vnetLocal') && decidingKey(p) && p.kms.kind === 'current');
        for (const group of groupBy(paths, decidingKey).values()) {
            // No Route in code when an effective route (live) decided: point at its subnet.
            const { route, table, at, text, target } = deciderOf(ctx, group[0]);
            const addresses = addressesOf(group);
            const what = group[0].outcome === 'none'
                ? 'to next hop None, so Azure drops it'
                : 'to next hop VnetLocal, so it stays inside the virtual network, where there is no KMS';
            const message = `The ${text} sends Azure KMS traffic (TCP 1688) for ${listText(addresses)} ${what}. ` +
                `${whoText(group)} cannot reach Azure KMS and fail to activate. ` +
                `Add /32 routes with next hop Internet for ${listText(addresses)} to ${target ?? 'the route table'}.`;
            findings.push(makeFinding(kms002, ctx, at, {
                message,
                kmsAddresses: addresses,
                ...pathParts(group),
                fix: table && { kind: 'add-routes', table, like: route, addresses: addresses },
            }));
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/kms003-firewall-denies.ts
/**
 * KMS003: the route sends KMS traffic to an Azure Firewall whose rules do not allow TCP 1688 to the KMS
 * address. Azure Firewall denies what no rule allows, and only network rules can match KMS.
 */




function decidedBy(p) {
    const fv = p.firewall;
    if (!fv.rule)
        return 'no network rule matches it, so the firewall denies it by default';
    const where = fv.collection ? ` in collection ${(0,lookup/* displayName */.Q)(fv.collection)}` : '';
    const policy = fv.policy ? ` of policy ${(0,lookup/* displayName */.Q)(fv.policy)}` : '';
    return `rule ${(0,lookup/* displayName */.Q)(fv.rule)}${where}${policy} denies it`;
}
const kms003 = {
    id: 'KMS003',
    title: 'Azure Firewall does not allow KMS',
    severity: 'error',
    explanation: 'Traffic routed to an Azure Firewall is denied unless a rule allows it. KMS is TCP 1688, which only ' +
        '**network** rules can match (application rules handle HTTP/S and MSSQL only). Without a network rule ' +
        'allowing TCP 1688 to the KMS addresses, or with a deny rule processed first, the request never reaches ' +
        'Azure KMS and Windows VMs cannot activate.',
    fix: 'Add a network rule allowing TCP 1688 from the spoke ranges to the KMS addresses, in a rule collection ' +
        'processed before any collection that denies it (lower priority number; base policy groups come first).',
    check(ctx) {
        const findings = [];
        const paths = ctx.analysis.paths.filter((p) => p.outcome === 'firewallDenied' &&
            p.kms.kind === 'current' &&
            (p.selection.winner?.kind === 'user' || p.decidingEffectiveRoute || p.decidingHub));
        const routeOf = (p) => p.selection.winner?.kind === 'user' ? p.selection.winner.route : undefined;
        for (const group of groupBy(paths, (p) => routeOf(p)?.id ?? decidingKey(p)).values()) {
            const route = routeOf(group[0]);
            // No Route in code when an effective route (live) decided: point at its subnet.
            const effective = route ? undefined : group[0].decidingEffectiveRoute;
            const hub = route || effective ? undefined : group[0].decidingHub;
            const table = route && tableOfRoute(ctx, route);
            const fv = group[0].firewall;
            const addresses = addressesOf(group);
            const reasons = [...groupBy(group, (p) => decidedBy(p)).entries()].map(([why, ps]) => `for ${listText(addressesOf(ps))} ${why}`);
            const message = `The ${route ? routeText(route, table ? (0,lookup/* displayName */.Q)(table) : undefined) : effective ? effectiveRouteText(effective) : `default route 0.0.0.0/0 of ${hub.text}`} ` +
                `sends Azure KMS traffic (TCP 1688) to ` +
                `Azure Firewall ${(0,lookup/* displayName */.Q)(fv.firewall)}, and ${listText(reasons)}. ` +
                `${whoText(group)} cannot reach Azure KMS and fail to activate. ` +
                `Add a network rule allowing TCP 1688 to ${listText(addresses)}, processed before any rule that denies it.` +
                kmsLookalikes(fv);
            const denyPriority = group.map((p) => p.firewall?.collection?.priority).find((v) => v?.known);
            findings.push(makeFinding(kms003, ctx, route ?? effective?.subnet ?? hub.via, {
                message,
                kmsAddresses: addresses,
                ...pathParts(group),
                fix: {
                    kind: 'allow-kms-firewall',
                    firewall: fv.firewall,
                    policy: fv.policy,
                    addresses,
                    before: denyPriority?.known ? denyPriority.value : undefined,
                },
                format: fv.policy?.format ?? fv.firewall.format,
            }));
        }
        return findings;
    },
};
/** The KMS host names of every cloud (a rule may be written for another cloud's). */
const KMS_HOSTS = Object.values(catalogue/* KMS_CATALOGUE */.uE).flatMap((c) => [c.current.fqdn, c.legacy.fqdn]);
/**
 * How an application rule's FQDN takes in a KMS host name, or undefined: the name itself, or a wildcard
 * whose domain (two labels at least: `*.net` is meant for everything, not for KMS) a KMS host is under.
 * Platform rules like `*.windows.net` are the common case: written for Azure services, they read as if
 * they covered activation.
 */
function kmsHostIn(fqdn) {
    const name = fqdn.trim().toLowerCase().replace(/\.$/, '');
    if (KMS_HOSTS.includes(name))
        return name;
    const domain = name.startsWith('*.') ? name.slice(2) : undefined;
    if (!domain || !domain.includes('.'))
        return undefined;
    const host = KMS_HOSTS.find((h) => h.endsWith(`.${domain}`));
    return host && `${name} covers ${host}`;
}
const WINDOWS_TAG = /^(WindowsUpdate|WindowsDiagnostics|WindowsVirtualDesktop|MicrosoftActiveProtectionService)$/i;
/**
 * An application rule (or FQDN tag) of the firewall that looks meant for KMS: say why it does not help.
 * Application rules only carry HTTP, HTTPS and MSSQL; KMS is TCP 1688, which only a network rule passes.
 */
function kmsLookalikes(fv) {
    const collections = [
        ...fv.firewall.classicCollections,
        ...(fv.policy?.ruleCollectionGroups.flatMap((g) => g.collections) ?? []),
    ].filter((c) => c.kind === 'application');
    const named = [];
    for (const c of collections)
        for (const r of c.rules) {
            const fqdns = r.destinationFqdns.known
                ? r.destinationFqdns.value.flatMap((f) => kmsHostIn(f) ?? [])
                : [];
            const tags = r.destinationFqdnTags?.known
                ? r.destinationFqdnTags.value.filter((t) => WINDOWS_TAG.test(t.trim()))
                : [];
            if (fqdns.length + tags.length > 0)
                named.push(`${(0,lookup/* displayName */.Q)(r)} (${[...fqdns, ...tags.map((t) => `FQDN tag ${t}`)].join(', ')})`);
        }
    if (named.length === 0)
        return '';
    return (`${named.length > 1 ? ' Application rules' : ' Application rule'} ${listText(named)} ${named.length > 1 ? 'look' : 'looks'} meant for activation, but ${named.length > 1 ? 'they cannot' : 'it cannot'} pass it: application rules ` +
        'only carry HTTP, HTTPS and MSSQL, and KMS is TCP 1688, so only a network rule to the KMS IP addresses lets it through.');
}

;// CONCATENATED MODULE: ./src/rules/kms004-appliance.ts
/**
 * KMS004: a KMS address is routed to a network virtual appliance that is not a modelled Azure Firewall.
 * Whether it allows TCP 1688 and translates to an Azure public IP cannot be read from the code.
 */


const kms004 = {
    id: 'KMS004',
    title: 'KMS traffic goes through an appliance that cannot be checked',
    severity: 'warning',
    explanation: 'The route sends KMS traffic to a network virtual appliance that is not an Azure Firewall in the scanned ' +
        'code. Activation works only if the appliance allows TCP 1688 to the KMS addresses **and** sends the ' +
        'request out from an Azure public IP (not back on-premises). Nothing in the code shows either.',
    fix: 'Route the KMS addresses (`/32`) straight to `Internet`, or make sure the appliance allows TCP 1688 to them ' +
        'and source-NATs to an Azure public IP.',
    check(ctx) {
        const findings = [];
        const paths = ctx.analysis.paths.filter((p) => p.outcome === 'appliance' && decidingKey(p) && p.kms.kind === 'current');
        for (const group of groupBy(paths, decidingKey).values()) {
            // No Route in code when an effective route (live) decided: point at its subnet.
            const { route, effective, table, at, text } = deciderOf(ctx, group[0]);
            const addresses = addressesOf(group);
            const hop = route?.nextHopIpAddress;
            const hopText = hop
                ? hop.known
                    ? hop.value
                    : hop.expression
                : (effective?.route.nextHopIpAddress[0] ??
                    (group[0].selection.nextHopIpAddress?.known
                        ? group[0].selection.nextHopIpAddress.value
                        : undefined) ??
                    'an unnamed address');
            const message = `The ${text} ` +
                `sends Azure KMS traffic (TCP 1688) for ` +
                `${listText(addresses)} to the appliance at ${hopText}, which is not an Azure Firewall in the scanned code. ` +
                `Activation of ${whoText(group)} works only if it allows TCP 1688 and sends the request out from an Azure ` +
                `public IP. Route ${listText(addresses)} (/32) to Internet, or confirm the appliance does both.`;
            findings.push(makeFinding(kms004, ctx, at, {
                message,
                kmsAddresses: addresses,
                ...pathParts(group),
                fix: table && { kind: 'add-routes', table, like: route, addresses: addresses },
            }));
        }
        return findings;
    },
};

// EXTERNAL MODULE: ./src/analysis/addresses.ts
var addresses = __webpack_require__(8018);
// EXTERNAL MODULE: ./src/analysis/firewall.ts
var firewall = __webpack_require__(7008);
;// CONCATENATED MODULE: ./src/rules/kms-references.ts
/**
 * Routes and rules that name KMS endpoints: a route to a KMS /32, an NSG or firewall rule with a KMS
 * address or FQDN as destination. KMS005 (legacy only) and KMS010 (another cloud) judge what they name.
 */




/** The KMS address a route or rule destination names, by its text (null: none). Every model asks again. */
const kmsOfText = new Map();
function namedAddress(text) {
    let k = kmsOfText.get(text);
    if (k === undefined) {
        const p = (0,addresses/* parseIpv4Prefix */.nY)(text);
        k = (p && p.bits === 32 && (0,catalogue/* classifyKmsAddress */.M$)(p.address.toString())) || null;
        if (kmsOfText.size > 100_000)
            kmsOfText.clear();
        kmsOfText.set(text, k);
    }
    return k ? { text, cloud: k.cloud, kind: k.kind, addresses: [k.address] } : undefined;
}
function namedFqdn(text) {
    const f = (0,catalogue/* addressesOfFqdn */.XJ)(text);
    return f ? { text, cloud: f.cloud, kind: f.kind, addresses: f.addresses } : undefined;
}
const defined = (x) => x !== undefined;
/** Every route and rule that names a KMS address or FQDN of any cloud. */
function kmsReferences(model) {
    const index = (0,lookup/* indexModel */.y)(model);
    const refs = [];
    for (const t of model.routeTables)
        for (const r of t.routes) {
            const n = r.addressPrefix.known ? namedAddress(r.addressPrefix.value) : undefined;
            if (n)
                refs.push({ kind: 'route', object: r, named: [n] });
        }
    for (const nsg of model.nsgs)
        for (const r of nsg.rules) {
            if (!r.destinationAddressPrefixes.known)
                continue;
            const dests = r.destinationAddressPrefixes.value;
            const named = dests.map(namedAddress).filter(defined);
            if (named.length > 0)
                refs.push({
                    kind: 'nsg',
                    object: r,
                    named,
                    covers: (a) => dests.some((d) => (0,addresses/* destinationCovers */.xb)(d, a, 'nsg')),
                });
        }
    const fwRules = (collections, ctx) => {
        const dnsProxy = ctx.policy
            ? (0,firewall/* policyDnsProxy */.cq)(ctx.policy, index)
            : ctx.firewall
                ? (0,firewall/* firewallDnsProxy */.Qb)(ctx.firewall, index)
                : false;
        for (const c of collections) {
            if (c.kind !== 'network')
                continue;
            for (const r of c.rules) {
                const dests = r.destinationAddresses.known ? r.destinationAddresses.value : [];
                const fqdns = r.destinationFqdns.known ? r.destinationFqdns.value : [];
                const named = [...dests.map(namedAddress), ...fqdns.map(namedFqdn)].filter(defined);
                if (named.length === 0)
                    continue;
                const covers = (a) => dests.some((d) => (0,addresses/* destinationCovers */.xb)(d, a, 'firewall')) ||
                    fqdns.some((f) => (0,catalogue/* addressesOfFqdn */.XJ)(f)?.addresses.includes(a) === true);
                refs.push({ kind: 'firewall', object: r, named, covers, collection: c, ...ctx, dnsProxy });
            }
        }
    };
    for (const p of model.firewallPolicies)
        for (const g of p.ruleCollectionGroups)
            fwRules(g.collections, { policy: p });
    for (const f of model.firewalls)
        fwRules(f.classicCollections, { firewall: f });
    return refs;
}

;// CONCATENATED MODULE: ./src/rules/kms005-legacy-only.ts
/**
 * KMS005: a route or rule written for KMS names only the old endpoint (23.102.135.246 or
 * kms.core.windows.net for the public cloud), not the addresses azkms.core.windows.net resolves to.
 */




function hopOf(route) {
    return route.nextHopType.known ? route.nextHopType.value : 'its next hop';
}
const kms005 = {
    id: 'KMS005',
    title: 'KMS route or rule names only the old KMS endpoint',
    severity: 'warning',
    explanation: 'Microsoft moved Azure KMS: since 2022-10-03 `azkms.core.windows.net` resolves to 20.118.99.224 and ' +
        '40.83.235.53, and since 2023-03-01 the old `kms.core.windows.net` points at 20.118.99.224. A route or rule ' +
        'written for the old address 23.102.135.246 (or the old name) no longer covers the traffic Windows sends, ' +
        'so activation fails as soon as that route or rule is what lets KMS out.',
    fix: 'Name the current KMS addresses too (keep the old one, which Microsoft still lists).',
    check(ctx) {
        const findings = [];
        const current = [...catalogue/* KMS_CATALOGUE */.uE[ctx.cloud].current.addresses];
        const refs = kmsReferences(ctx.model).filter((r) => r.named.some((n) => n.cloud === ctx.cloud));
        // Routes: the table is what is "made for KMS"; judge which current addresses it has /32 routes for.
        const routed = new Map();
        for (const r of refs)
            if (r.kind === 'route') {
                const list = routed.get(r.object.routeTableId) ?? [];
                list.push(...r.named.flatMap((n) => (n.kind === 'current' ? n.addresses : [])));
                routed.set(r.object.routeTableId, list);
            }
        for (const r of refs) {
            const legacy = r.named.filter((n) => n.cloud === ctx.cloud && n.kind === 'legacy');
            if (legacy.length === 0)
                continue;
            const missing = r.kind === 'route'
                ? current.filter((a) => !routed.get(r.object.routeTableId).includes(a))
                : current.filter((a) => !r.covers(a));
            if (missing.length === 0)
                continue;
            const named = unique(legacy.map((n) => n.text));
            const what = r.kind === 'route'
                ? `The route ${(0,lookup/* displayName */.Q)(r.object)} sends the old KMS address ${listText(named)} to ${hopOf(r.object)}, ` +
                    `but its route table has no route for ${listText(missing)}`
                : `The ${r.kind === 'nsg' ? 'NSG' : 'firewall network'} rule ${(0,lookup/* displayName */.Q)(r.object)} names the old KMS ` +
                    `endpoint ${listText(named)} but not ${listText(missing)}`;
            const message = `${what}. ${datesText(ctx.cloud)} Windows activation traffic goes to ${listText(missing)}, which this ` +
                `${r.kind === 'route' ? 'route table' : 'rule'} does not handle, so it can fail once this is what lets KMS out. ` +
                `Add ${listText(missing)} and keep ${listText(named)}.`;
            let fix;
            if (r.kind === 'route') {
                const table = tableOfRoute(ctx, r.object);
                if (table)
                    fix = { kind: 'add-routes', table, like: r.object, addresses: missing };
            }
            else {
                const existing = r.kind === 'nsg' ? r.object.destinationAddressPrefixes : r.object.destinationAddresses;
                const keep = existing.known ? existing.value : [];
                fix = {
                    kind: 'set-destinations',
                    rule: r.object,
                    addresses: unique([...allAddresses(ctx.cloud), ...keep]),
                };
            }
            findings.push(makeFinding(kms005, ctx, r.object, { message, kmsAddresses: missing, fix }));
        }
        return findings;
    },
};

// EXTERNAL MODULE: ./src/analysis/nsg.ts
var analysis_nsg = __webpack_require__(2914);
;// CONCATENATED MODULE: ./src/rules/nsg-deny.ts
/** NSG denies of KMS, shared by KMS006 (exception off: activation breaks) and KMS013 (exception on). */





/** Denials of KMS with the platform exception `exception`, grouped by the denying rule. */
function nsgDenies(paths, exception) {
    const denied = [];
    const denies = (v) => v.access === 'Deny' && v.rule && v.platformException === exception;
    for (const p of paths) {
        // A security admin rule that decides (AlwaysAllow, Deny) comes before the NSGs: their denies do not count.
        if (p.kms.kind !== 'current' || (p.securityAdmin?.rule && p.securityAdmin.access !== 'Allow'))
            continue;
        if (p.nsg && denies(p.nsg))
            denied.push({ path: p, verdict: p.nsg });
        for (const l of p.nicNsgs ?? [])
            if (l.placed && denies(l.verdict))
                denied.push({ path: p, verdict: l.verdict, nics: l.nics });
    }
    return [...groupBy(denied, (d) => d.verdict.rule.id).values()];
}
/** Why Azure's platform exception for KMS does not apply on this path. */
function exceptionOffReason(p, nsg = p.nsg) {
    const override = p.routeTable?.routes.find((r) => {
        const pre = r.addressPrefix.known ? (0,addresses/* parseIpv4Prefix */.nY)(r.addressPrefix.value) : undefined;
        return pre?.bits === 0;
    });
    if (override)
        return `route table ${(0,lookup/* displayName */.Q)(p.routeTable)} overrides 0.0.0.0/0 (route ${(0,lookup/* displayName */.Q)(override)})`;
    // Live state: a 0.0.0.0/0 among the subnet's effective routes, most likely learned over BGP.
    const effective = p.selection.effective?.routes.find(analysis_nsg/* overridesDefault */.Rh);
    if (effective)
        return (`the subnet's effective routes (NIC ${(0,routes/* nicName */.kg)(p.selection.effective.nicId)}) override 0.0.0.0/0 with a ` +
            `${effective.source === 'VirtualNetworkGateway' ? 'route learned over BGP' : 'deployed user route'}`);
    const lkm = nsg?.nsg.rules.find((r) => r.destinationAddressPrefixes.known && r.destinationAddressPrefixes.value.some(addresses/* isKmsServiceTag */.T4));
    return lkm
        ? `rule ${(0,lookup/* displayName */.Q)(lkm)} denies the AzurePlatformLKM service tag`
        : 'the platform exception is off';
}
/**
 * One finding per NSG rule that denies KMS with the platform exception `exception`: the message names the
 * rule and the addresses, and `consequence` says what follows; the fix allows KMS before the rule.
 */
function nsgDenyFindings(rule, ctx, exception, consequence) {
    return nsgDenies(ctx.analysis.paths, exception).map((denials) => {
        const group = denials.map((d) => d.path);
        const { verdict, nics } = denials[0];
        const deny = verdict.rule;
        const addresses = addressesOf(group);
        const on = nics
            ? ` (set on network interface${nics.length > 1 ? 's' : ''} ${listText(nics.map(lookup/* displayName */.Q))})`
            : '';
        const message = `The NSG rule ${(0,lookup/* displayName */.Q)(deny)} in ${(0,lookup/* displayName */.Q)(verdict.nsg)}${on} denies outbound TCP 1688 to ` +
            `${listText(addresses)} (Azure KMS)${consequence(group, verdict)}`;
        return makeFinding(rule, ctx, deny, {
            message,
            kmsAddresses: addresses,
            ...pathParts(group),
            fix: { kind: 'allow-kms-nsg', deny, addresses: allAddresses(ctx.cloud) },
        });
    });
}

;// CONCATENATED MODULE: ./src/rules/kms006-nsg-denies.ts
/**
 * KMS006: the subnet's NSG denies outbound TCP 1688 to a current KMS address, and Azure's platform
 * exception (which lets KMS out past NSGs) is off because the route table overrides 0.0.0.0/0 or a rule
 * denies AzurePlatformLKM (NSG overview, "Azure platform considerations").
 */


const kms006 = {
    id: 'KMS006',
    title: 'NSG denies KMS and no platform exception applies',
    severity: 'error',
    explanation: 'Azure normally lets KMS traffic (TCP 1688 to the Azure KMS addresses) out through a platform rule that ' +
        'NSGs do not see, so a deny-all outbound NSG does not break activation. That exception is lost when the ' +
        "subnet's route table overrides `0.0.0.0/0` (forced tunnelling, a firewall) or an NSG rule denies the " +
        '`AzurePlatformLKM` service tag. Then the NSG deny applies and Windows VMs cannot activate. This holds ' +
        "for the subnet's NSG and for an NSG set on a VM's network interface (Azure applies both).",
    fix: 'Add an outbound NSG rule allowing TCP 1688 to the KMS addresses with a lower priority number than the deny.',
    check(ctx) {
        return nsgDenyFindings(kms006, ctx, false, (group, nsg) => `, and Azure's platform exception for KMS does not apply because ${exceptionOffReason(group[0], nsg)}. ` +
            `${whoText(group)} cannot reach Azure KMS and fail to activate. ` +
            `Add an outbound rule allowing TCP 1688 to the KMS addresses with a lower priority number.`);
    },
};

;// CONCATENATED MODULE: ./src/rules/kms007-fqdn-without-dns-proxy.ts
/**
 * KMS007: an Azure Firewall network rule names a KMS FQDN, but DNS proxy is off. Network rules match
 * FQDNs only when the firewall resolves them itself (DNS proxy on); otherwise the rule never matches.
 */



const kms007 = {
    id: 'KMS007',
    title: 'Firewall network rule uses a KMS FQDN without DNS proxy',
    severity: 'error',
    explanation: 'Azure Firewall network rules can use FQDNs only when DNS proxy is enabled on the firewall (or its policy): ' +
        'the firewall must resolve the name itself to know which addresses the rule covers. With DNS proxy off a ' +
        'rule naming `azkms.core.windows.net` never matches, and KMS traffic falls through to a deny.',
    fix: 'Enable DNS proxy on the firewall policy (and point the VNets DNS at the firewall), or use the KMS IP addresses.',
    check(ctx) {
        const findings = [];
        for (const r of kmsReferences(ctx.model)) {
            if (r.kind !== 'firewall' || r.dnsProxy !== false)
                continue;
            const fqdns = r.named.filter((n) => !/^[\d.]+(\/\d+)?$/.test(n.text));
            if (fqdns.length === 0)
                continue;
            const owner = r.policy ?? r.firewall;
            const ownerText = r.policy
                ? `firewall policy ${(0,lookup/* displayName */.Q)(r.policy)}`
                : `firewall ${(0,lookup/* displayName */.Q)(r.firewall)}`;
            const addresses = unique(fqdns.flatMap((n) => n.addresses));
            const message = `The firewall network rule ${(0,lookup/* displayName */.Q)(r.object)} allows ${listText(unique(fqdns.map((n) => n.text)))} by ` +
                `name, but DNS proxy is off on ${ownerText}. Network rules match FQDNs only when the firewall resolves them ` +
                `(DNS proxy on), so this rule never matches and KMS traffic to ${listText(addresses)} is denied unless ` +
                `another rule allows it; Windows VMs behind this firewall then fail to activate. Enable DNS proxy on ` +
                `${ownerText} or name the KMS IP addresses instead.`;
            findings.push(makeFinding(kms007, ctx, r.object, {
                message,
                kmsAddresses: addresses,
                ...(owner && { fix: { kind: 'enable-dns-proxy', target: owner }, format: owner.format }),
            }));
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/kms008-no-outbound.ts
/**
 * KMS008: the subnet has default outbound access disabled (a private subnet), no NAT gateway and no
 * route sending KMS to a firewall or appliance: nothing takes the request to the Internet.
 */

const kms008 = {
    id: 'KMS008',
    title: 'Subnet has no outbound path',
    severity: 'warning',
    explanation: 'A subnet with default outbound access disabled (`default_outbound_access_enabled = false`, ' +
        '`defaultOutboundAccess: false`) has no implicit public IP for outbound traffic. Without a NAT gateway, a ' +
        'public IP on each VM, an outbound load balancer rule or a route to a firewall, KMS requests cannot leave ' +
        'Azure and Windows VMs cannot activate. (VMs with their own public IP still can: this is a warning.)',
    fix: 'Associate a NAT gateway with the subnet, route KMS through a firewall, or enable default outbound access.',
    check(ctx) {
        const findings = [];
        const paths = ctx.analysis.paths.filter((p) => p.outcome === 'noOutbound' && p.subnet && p.kms.kind === 'current');
        for (const group of groupBy(paths, (p) => p.subnet.id).values()) {
            const subnet = group[0].subnet;
            const addresses = addressesOf(group);
            const message = `Subnet ${subnetLabel(subnet)} has default outbound access disabled, no NAT gateway and no route sending ` +
                `Azure KMS traffic (${listText(addresses)}, TCP 1688) to a firewall, so Windows VMs in it have no way to ` +
                `reach Azure KMS unless each has its own public IP or an outbound load balancer rule. Associate a NAT ` +
                `gateway, route KMS through a firewall, or enable default outbound access.`;
            findings.push(makeFinding(kms008, ctx, subnet, {
                message,
                kmsAddresses: addresses,
                path: group[0].text,
                subnets: [subnetLabel(subnet)],
                fix: { kind: 'add-outbound', subnet },
            }));
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/kms009-legacy-not-bypassed.ts
/**
 * KMS009: a forced tunnel bypasses the current KMS addresses but not the legacy one that Microsoft's
 * forced-tunnelling article still lists. Activation works today, unless a current address's path is
 * blocked further on (an NSG, no outbound access) or undecided (a conditional bypass route): then the notice
 * says that instead of claiming it. The notice keeps the table complete.
 */




/**
 * What to say about activation today when a current address's path is blocked further on (its bypass route
 * leads to an NSG that denies it, a subnet without outbound access) or undecided (a bypass route behind a
 * condition the scan cannot evaluate, a hop it cannot follow), ending where the legacy addresses are listed;
 * undefined otherwise (activation works today).
 */
function activationToday(paths) {
    const current = paths.filter((q) => q.kms.kind === 'current');
    const blocked = current.find((q) => q.verdict === 'blocked');
    if (blocked) {
        const who = blocked.subnet ? ` for ${subnetLabel(blocked.subnet)}` : '';
        return {
            text: `Activation does not work today${who} either: ${blocked.kms.address} is blocked further on (${blocked.text}). Microsoft also lists`,
            undecided: false,
        };
    }
    const open = current.find((q) => q.verdict !== 'reaches');
    if (open) {
        const u = open.unknowns[0];
        const why = u ? (u.value.reason ?? u.value.expression) : open.text;
        const who = open.subnet ? ` for ${subnetLabel(open.subnet)}` : '';
        return {
            text: `Whether activation works today${who} is not decided (${open.kms.address}: ${why}). Microsoft also lists`,
            undecided: true,
        };
    }
    return undefined;
}
const kms009 = {
    id: 'KMS009',
    title: 'Forced tunnel bypasses the current KMS addresses but not the legacy one',
    severity: 'notice',
    explanation: "Microsoft's forced-tunnelling guidance still asks for a route to the legacy KMS address " +
        '(23.102.135.246 in the public cloud) next to the current ones. Windows uses the current addresses today, ' +
        'so activation works where they are reachable (the notice says when they are blocked further on or ' +
        'undecided); the legacy route covers older configurations that still target it.',
    fix: 'Add a `/32` route with next hop `Internet` for the legacy KMS address.',
    check(ctx) {
        const findings = [];
        const source = (p) => p.subnet?.id ?? `table:${p.routeTable?.id}`;
        const bySource = groupBy(ctx.analysis.paths, source);
        const legacy = ctx.analysis.paths.filter((p) => {
            if (p.kms.kind !== 'legacy' || p.outcome !== 'gateway' || !decidingKey(p))
                return false;
            const current = bySource.get(source(p)).filter((q) => q.kms.kind === 'current');
            // "Bypassed": every current address takes a user route that does not go to the gateway.
            return current.every((q) => q.outcome !== 'gateway' && q.selection.winner?.kind === 'user');
        });
        // An effective route (live, e.g. learned over BGP) has no table: the bypass goes in the subnet's table.
        // A Virtual Network Manager route sits beside the subnet's own table: the bypass goes in that table;
        // without one, in the route's rule collection (the finding is then at the managed route, as KMS001's).
        const tableIdOf = (p) => (p.decidingRoute?.managedBy ? p.selection.table?.id : p.decidingRoute?.routeTableId) ??
            effectiveTable(p)?.id;
        const keyOf = (p) => tableIdOf(p) ?? `managed:${decidingKey(p)}`;
        for (const group of groupBy(legacy, keyOf).values()) {
            const route = group[0].decidingRoute;
            const table = ctx.model.routeTables.find((t) => t.id === tableIdOf(group[0]));
            const addresses = addressesOf(group);
            const current = catalogue/* KMS_CATALOGUE */.uE[ctx.cloud].current.addresses;
            const today = activationToday(group.flatMap((p) => bySource.get(source(p))));
            const sends = today?.undecided ? 'may send' : 'sends';
            const tail = `${today?.text ?? `Activation works today (Windows uses ${catalogue/* KMS_CATALOGUE */.uE[ctx.cloud].current.fqdn}), but Microsoft still lists`} ${listText(addresses)} for forced tunnelling.`;
            if (!table) {
                if (!route?.managedBy)
                    continue;
                const { target } = deciderOf(ctx, group[0]);
                const message = `The ${routeText(route)} forces the legacy KMS address ${listText(addresses)} through the virtual ` +
                    `network gateway while Azure KMS traffic for ${listText([...current])} ${today?.undecided ? 'may go' : 'goes'} to the Internet. ${tail} ` +
                    `Add a /32 route with next hop Internet for it to ${target}.`;
                findings.push(makeFinding(kms009, ctx, route, { message, kmsAddresses: addresses, ...pathParts(group) }));
                continue;
            }
            const effective = route ? undefined : group[0].decidingEffectiveRoute;
            const message = `Route table ${(0,lookup/* displayName */.Q)(table)} ${sends} Azure KMS traffic for ${listText([...current])} to the Internet ` +
                `but ${effective ? `the ${effectiveRouteText(effective)} forces` : 'forces'} the legacy KMS address ` +
                `${listText(addresses)} through the virtual network gateway. ${tail} ` +
                `Add a /32 route with next hop Internet for it.`;
            findings.push(makeFinding(kms009, ctx, table, {
                message,
                kmsAddresses: addresses,
                ...pathParts(group),
                fix: {
                    kind: 'add-routes',
                    table,
                    like: route?.addressPrefix.known && route.addressPrefix.value.endsWith('/32')
                        ? route
                        : table.routes[0],
                    addresses,
                },
            }));
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/kms010-other-cloud.ts
/**
 * KMS010: a route or rule names the KMS endpoint of another Azure cloud than the one scanned (copied from
 * a Government or China template, or the wrong cloud was chosen). It does nothing for activation here.
 */




const kms010 = {
    id: 'KMS010',
    title: 'Route or rule names the KMS endpoint of another cloud',
    severity: 'warning',
    explanation: 'Each Azure cloud has its own KMS endpoint (public: `azkms.core.windows.net`, US Government: ' +
        '`azkms.core.usgovcloudapi.net`, China: `azkms.core.chinacloudapi.cn`). A route or rule naming another ' +
        "cloud's addresses does not let this cloud's KMS traffic out: the bypass you meant to add is missing.",
    fix: "Name the scanned cloud's KMS addresses instead (or scan with the right `cloud`).",
    check(ctx) {
        const findings = [];
        const own = catalogue/* KMS_CATALOGUE */.uE[ctx.cloud];
        const refs = kmsReferences(ctx.model).filter((r) => r.named.some((n) => n.cloud !== ctx.cloud));
        // Routes of one table are one resource: one finding for the table's foreign routes.
        const groups = groupBy(refs, (r) => (r.kind === 'route' ? `table:${r.object.routeTableId}` : r.object.id));
        for (const group of groups.values()) {
            const r = group[0];
            const foreign = group.flatMap((g) => g.named.filter((n) => n.cloud !== ctx.cloud));
            const names = group.map((g) => (0,lookup/* displayName */.Q)(g.object));
            const clouds = unique(foreign.map((n) => n.cloud));
            const what = r.kind === 'route'
                ? group.length > 1
                    ? 'routes'
                    : 'route'
                : r.kind === 'nsg'
                    ? 'NSG rule'
                    : 'firewall network rule';
            const message = `The ${what} ${listText(names)} ${group.length > 1 ? 'name' : 'names'} ${listText(unique(foreign.map((n) => n.text)))}, the KMS endpoint of ` +
                `${listText(clouds)}, but this network is scanned as ${ctx.cloud}, whose Windows VMs activate against ` +
                `${own.current.fqdn} (${listText([...own.current.addresses])}). It does nothing for activation here. ` +
                `Name ${listText([...own.current.addresses, ...own.legacy.addresses])} instead, or scan with the right cloud.`;
            findings.push(makeFinding(kms010, ctx, r.object, {
                message,
                kmsAddresses: unique(foreign.flatMap((n) => n.addresses)),
            }));
        }
        return findings;
    },
};

// EXTERNAL MODULE: ./src/model/value.ts
var value = __webpack_require__(2904);
;// CONCATENATED MODULE: ./src/rules/kms011-unresolved.ts
/**
 * KMS011: a value that decides a verdict could not be resolved statically (a variable without value, a
 * registry module output, an id computed at apply). The scan says so instead of guessing. Also carries
 * the sources' own KMS011 diagnostics.
 */



const kms011 = {
    id: 'KMS011',
    title: 'A value that decides KMS reachability could not be resolved',
    severity: 'notice',
    explanation: 'Where KMS traffic goes depends on a value the scan cannot know before apply: a variable with no value, ' +
        'an output of a module that is not in the repository, an attribute computed by Azure. Rather than guess, ' +
        'the scan names the expression; the verdict for the affected subnets is unknown. A part of a deployment the ' +
        'scan cannot follow (a template linked by URI or template spec, a Bicep registry module, a module loop over ' +
        'a collection it cannot see, a resource whose type or parent cannot be told) may change any route table, ' +
        'NSG or firewall policy of its scope: it is named with its file and line, and those subnets are undecided.',
    fix: 'Give the value a default or pass the var file with `var-files` (Bicep/ARM: a parameter default, a .bicepparam or parameters file); ' +
        'keep linked templates and modules in the repository (`templateLink.relativePath`, a local Bicep module); or check the effective routes of the subnet by hand.',
    check(ctx) {
        const findings = [];
        // Routes learned over BGP are not an unresolved expression: KMS014 names them.
        const unresolved = ctx.analysis.paths.flatMap((p) => p.unknowns.filter((u) => !u.bgp).map((u) => ({ u, p })));
        const byObject = [...groupBy(unresolved, (x) => x.u.object.id).values()];
        // One notice per cause: objects left undecided by the same unresolved inputs share it (--verbose: one
        // each).
        const groups = ctx.verbose
            ? byObject
            : [
                ...groupBy(byObject, (g) => unique(g.map((x) => causeOf(x.u)))
                    .sort()
                    .join('\u0001')).values(),
            ].map((gs) => gs.flat());
        for (const group of groups) {
            const { u } = group[0];
            const paths = unique(group.map((x) => x.p));
            const objects = unique(group.map((x) => (0,lookup/* displayName */.Q)(x.u.object)));
            const exprs = unique(group.map((x) => `\`${x.u.value.expression}\` (${x.u.attribute}${x.u.value.reason ? `: ${x.u.value.reason}` : ''})`));
            const subnets = subnetsOf(paths);
            const message = `${listText(objects)}: ${listText(exprs)} could not be resolved, and it decides where Azure KMS traffic ` +
                `for ${listText(addressesOf(paths))} goes${subnets.length > 0 ? ` from ${listText(subnets)}` : ''}, so ` +
                `whether Windows VMs can activate is unknown. Give it a value the scan can see (a default, a var file) ` +
                `or check the effective routes by hand.`;
            findings.push(makeFinding(kms011, ctx, u.object, {
                location: u.value.origin ?? u.object.origin,
                message,
                kmsAddresses: addressesOf(paths),
                path: paths[0].text,
                subnets,
            }));
        }
        // A part of a deployment the scan cannot follow is named once at its line: by the findings of the
        // subnets it leaves undecided where there are any, else by its own notice.
        // (A source's notice that names no address, at the part's line, is about that part too: the Bicep
        // source's "registry module \u2026 is not evaluated".)
        const named = new Set(unresolved.flatMap((x) => (x.u.value.cause ? [x.u.value.cause] : [])));
        const lines = new Set([...named].map((c) => c.slice(0, c.lastIndexOf('\u0000'))));
        const diagnostics = ctx.model.diagnostics.filter((d) => d.ruleId === 'KMS011' &&
            (ctx.verbose ||
                !(d.address === undefined
                    ? lines.has((0,value/* partLine */.wY)(d.origin))
                    : named.has((0,value/* partCause */.P6)(d.origin, d.address)))));
        // The instances of one loop say the same thing about the same line: one notice unless --verbose.
        const sameCause = (d) => ctx.verbose
            ? undefined
            : [
                d.origin.file,
                d.origin.startLine,
                d.expression ?? '',
                d.message.replace(/\[[^\]]*\]/g, '[*]'),
            ].join('\u0000');
        const seen = new Map();
        diagnostics.forEach((d, i) => {
            const key = sameCause(d) ?? String(i);
            const count = seen.get(key);
            seen.set(key, (count ?? 0) + 1);
            if (count !== undefined)
                return;
            findings.push(diagnosticFinding(kms011, ctx, d, d.expression ? `${d.message} (\`${d.expression}\`)` : d.message));
        });
        return findings;
    },
};
/** What makes a value unknown: the same expression, for the same reason, in the same file. */
function causeOf(u) {
    if (u.value.cause !== undefined)
        return u.value.cause;
    return [u.value.origin?.file ?? '', u.value.reason ?? '', u.value.expression].join('\u0000');
}

;// CONCATENATED MODULE: ./src/rules/kms012-unparsed.ts
/** KMS012: a file could not be parsed (or was skipped); what it declares is not part of the verdicts. */

const kms012 = {
    id: 'KMS012',
    title: 'A file could not be read',
    severity: 'warning',
    explanation: 'A file in the scanned path could not be parsed (a syntax error, an unsupported construct) or was skipped. ' +
        'Routes, NSGs and firewall rules it declares are missing from the analysis, so verdicts may be wrong.',
    fix: 'Fix the syntax error (run `terraform validate` / `az bicep build`), or exclude the file from the scanned path.',
    check(ctx) {
        return ctx.model.diagnostics
            .filter((d) => d.ruleId === 'KMS012')
            .map((d) => diagnosticFinding(kms012, ctx, d, `${d.message} What it declares is not part of the analysis, so KMS verdicts may be incomplete.`));
    },
};

;// CONCATENATED MODULE: ./src/rules/kms013-platform-exception.ts
/**
 * KMS013: the NSG would deny KMS, and only Azure's platform exception (KMS on 1688 is let out by a
 * platform rule NSGs do not see) keeps activation working. Adding a 0.0.0.0/0 route later (a firewall,
 * forced tunnelling) silently turns the exception off.
 */


const kms013 = {
    id: 'KMS013',
    title: 'Activation relies on the NSG platform exception',
    severity: 'notice',
    explanation: "The subnet's NSG (or a VM network interface's) denies KMS traffic, but Azure lets KMS out anyway through a platform rule that NSGs do " +
        'not see (NSG overview, "Azure platform considerations"). The exception ends as soon as the route table ' +
        'overrides `0.0.0.0/0` or a rule denies `AzurePlatformLKM`: a later change to routing would break ' +
        'activation with no change to this NSG.',
    fix: 'Allow TCP 1688 to the KMS addresses explicitly, before the deny rule.',
    check(ctx) {
        return nsgDenyFindings(kms013, ctx, true, (group) => `. ${whoText(group)} still activate only because Azure lets KMS out ` +
            `through a platform rule NSGs do not see; a 0.0.0.0/0 route added later (firewall, forced tunnel) ends ` +
            `that and breaks activation. Allow TCP 1688 to the KMS addresses explicitly, before this rule.`);
    },
};

;// CONCATENATED MODULE: ./src/rules/kms014-bgp-learned.ts


/** The BGP exposure that left a path undecided, if that is what did. */
function exposureOf(p) {
    const at = p.unknowns.find((u) => u.bgp);
    return at ? { bgp: at.bgp, at } : undefined;
}
const kms014 = {
    id: 'KMS014',
    title: 'Routes learned over BGP may decide where KMS traffic goes',
    severity: 'warning',
    explanation: 'The subnet\u2019s VNet has a VPN or ExpressRoute gateway, or an Azure Route Server that appliances peer with, ' +
        'or uses one in a peered hub (`use_remote_gateways`), and its route table lets gateway routes propagate ' +
        '(no route table at all propagates too). Azure then adds whatever on-premises or the appliances advertise. ' +
        'Forced tunnelling is often done that way: a 0.0.0.0/0 advertised over BGP, with no route in any file, sends ' +
        'KMS traffic on-premises, where activation fails. Azure picks the longest prefix first and prefers a user ' +
        'route only on equal prefixes: a user /32 for a KMS address wins over anything learned, but a user ' +
        '0.0.0.0/0 loses to a more specific learned route (forced tunnelling is often advertised as 0.0.0.0/1 + ' +
        '128.0.0.0/1). So subnets whose KMS traffic follows the system route, or a user route shorter than /32 ' +
        'that lets it out, are named. The code cannot tell what is advertised: the subnet is undecided. The same ' +
        'holds for a subnet added to a VNet the scanned code does not declare (a data source, an `existing` VNet): ' +
        'its gateway and peerings are declared elsewhere, if anywhere.',
    fix: 'Let the deployed network decide: `live: true` with `effective-routes: true` reads the routes Azure uses. ' +
        'Or turn gateway route propagation off on the subnet\u2019s route table (`bgp_route_propagation_enabled = false`, ' +
        '`disableBgpRoutePropagation: true`) and write the routes it needs, or add routes for the KMS addresses ' +
        '(`/32`, next hop `Internet`).',
    check(ctx) {
        const findings = [];
        const paths = ctx.analysis.paths.filter((p) => p.kms.kind === 'current' && exposureOf(p));
        // One finding per place to change (the route table, or the subnet without one) and source of routes.
        const groups = groupBy(paths, (p) => {
            const e = exposureOf(p);
            return `${e.at.object.id}\u0000${e.bgp.sources}`;
        });
        for (const group of groups.values()) {
            const { bgp, at } = exposureOf(group[0]);
            const parts = pathParts(group);
            const where = parts.subnets?.length ? listText(parts.subnets) : (0,lookup/* displayName */.Q)(at.object);
            const message = `${where} learn${parts.subnets && parts.subnets.length === 1 ? 's' : ''} routes over BGP from ${bgp.sources}: ` +
                `${bgp.because}; ${bgp.propagation}. No route in the code decides Azure KMS traffic (TCP 1688) for ` +
                `${listText(addressesOf(group))} first, so a route advertised from on-premises or an appliance (forced ` +
                'tunnelling often advertises 0.0.0.0/0) may send it where activation fails; the code cannot tell. ' +
                'Decide it with `live: true` and `effective-routes: true` (the effective routes Azure uses), or turn ' +
                'gateway route propagation off on the route table and write the routes the subnet needs, or add routes ' +
                'for the KMS addresses (/32, next hop Internet), which win over anything learned over BGP.';
            const finding = makeFinding(kms014, ctx, at.object, {
                location: at.value.origin ?? at.object.origin,
                message,
                kmsAddresses: addressesOf(group),
                ...parts,
            });
            // On a route table, the fix that needs no live read: routes for the KMS addresses, which beat BGP.
            const table = ctx.model.routeTables.find((t) => t.id === at.object.id);
            if (table)
                finding.fix = { kind: 'add-routes', table, addresses: allAddresses(ctx.cloud) };
            findings.push(finding);
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/kms015-admin-rule-denies.ts
/**
 * KMS015: an Azure Virtual Network Manager security admin rule denies outbound TCP 1688 to a current KMS
 * address for a subnet's VNet. Admin rules are evaluated before NSGs: no NSG rule can allow it back.
 */


/** The admin rule that may deny the path: deciding (blocked) or open (a Deny that may apply). */
function denyingRule(p) {
    const a = p.securityAdmin;
    if (!a)
        return undefined;
    if (a.access === 'Deny' && a.rule && p.verdict === 'blocked')
        return { rule: a.rule, sure: true };
    // A Deny that decides while Azure's platform exception for KMS may be in force: undecided, named.
    if (a.access === 'Deny' && a.rule && p.verdict === 'unknown')
        return { rule: a.rule, sure: false };
    const open = a.open.find((o) => o.access === 'Deny');
    if (open && p.verdict === 'unknown')
        return { rule: open.rule, sure: false };
    return undefined;
}
const kms015 = {
    id: 'KMS015',
    title: 'A Virtual Network Manager security admin rule denies KMS traffic',
    severity: 'error',
    explanation: 'Azure Virtual Network Manager security admin rules are evaluated before network security groups. A Deny ' +
        'that matches outbound TCP 1688 to the KMS addresses drops the traffic whatever the subnet\u2019s NSG allows, ' +
        'so Windows VMs in the VNets of the rule\u2019s network groups cannot activate. A rule whose configuration is ' +
        'not seen committed, or whose group gets its members from Azure Policy, may apply: it is named, and the ' +
        'subnet is undecided. Azure lets KMS out through a platform rule NSGs do not see while no route overrides ' +
        '0.0.0.0/0 (NSG overview, "Azure platform considerations"); whether that rule also passes a security admin ' +
        'Deny is not documented, so there the Deny is named and the subnet is undecided.',
    fix: 'Add a security admin rule with a lower priority number that lets TCP 1688 to the KMS addresses out: ' +
        '`AlwaysAllow` (the NSG is not consulted) or `Allow` (the NSG decides). Then commit the configuration.',
    check(ctx) {
        const findings = [];
        const paths = ctx.analysis.paths.filter((p) => p.kms.kind === 'current' && denyingRule(p));
        for (const group of groupBy(paths, (p) => denyingRule(p).rule.id).values()) {
            const { rule, sure } = denyingRule(group[0]);
            const parts = pathParts(group);
            const who = parts.subnets?.length ? `Windows VMs in ${listText(parts.subnets)}` : 'Windows VMs';
            const message = sure
                ? `Security admin rule ${(0,lookup/* displayName */.Q)(rule)} (Azure Virtual Network Manager) denies outbound TCP 1688 to ` +
                    `${listText(addressesOf(group))}. Admin rules are evaluated before NSGs, so no NSG rule lets it through: ` +
                    `${who} cannot activate Windows. Add a higher-priority admin rule (lower number) that allows TCP 1688 ` +
                    'to the KMS addresses (AlwaysAllow, or Allow to let the NSG decide), and commit the configuration.'
                : `Security admin rule ${(0,lookup/* displayName */.Q)(rule)} (Azure Virtual Network Manager) denies outbound TCP 1688 to ` +
                    `${listText(addressesOf(group))} if it applies to ${who.replace('Windows VMs in ', '')}: ` +
                    `${group[0].unknowns.map((u) => u.value.reason ?? u.value.expression).join('; ')}. If it does, ` +
                    'activation fails whatever the NSG allows; allow TCP 1688 to the KMS addresses in a higher-priority admin rule.';
            findings.push(makeFinding(kms015, ctx, rule, { message, kmsAddresses: addressesOf(group), ...parts }));
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/index.ts
/**
 * Every rule, and running them. Findings come back sorted by file and line, then rule id.
 */
















const allRules = [
    kms001,
    kms002,
    kms003,
    kms004,
    kms005,
    kms006,
    kms007,
    kms008,
    kms009,
    kms010,
    kms011,
    kms012,
    kms013,
    kms014,
    kms015,
];

function runRules(ctx, rules = allRules) {
    return rules.flatMap((r) => r.check(ctx)).sort(order/* compareFindings */.E);
}


/***/ })

};
;