"use strict";
exports.id = 493;
exports.ids = [493];
exports.modules = {

/***/ 8018:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EX: () => (/* binding */ sourcesCover),
/* harmony export */   Eg: () => (/* binding */ routeSpecificity),
/* harmony export */   T4: () => (/* binding */ isKmsServiceTag),
/* harmony export */   _y: () => (/* binding */ prefixContains),
/* harmony export */   gI: () => (/* binding */ portsCover),
/* harmony export */   nY: () => (/* binding */ parseIpv4Prefix),
/* harmony export */   xb: () => (/* binding */ destinationCovers)
/* harmony export */ });
/* unused harmony exports isIpv6, isAnyAddress, KMS_SERVICE_TAG, portsNameExactly */
/* harmony import */ var ipaddr_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8280);
/* harmony import */ var ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(ipaddr_js__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Address math for the analysis: does a route prefix, NSG prefix or firewall destination cover a KMS
 * address, and how specific is it. Service tags are resolved only as far as KMS needs: the KMS addresses
 * are Azure public addresses, so they fall inside `AzureCloud` (and, as we cannot tell which region
 * hosts them, any regional `AzureCloud.<region>`) and `Internet`; every other tag (VirtualNetwork,
 * Storage, AzureActiveDirectory...) never contains them.
 */

/**
 * Parsed prefixes, by text. A scan compares the same few thousand prefixes (subnets, rule sources and
 * destinations) against every KMS address of every path; parsing each once keeps ipaddr.js off the profile.
 */
const parsedPrefixes = new Map();
/** `10.0.0.0/8`, `20.118.99.224` (a /32) \u2192 prefix; anything else (tags, IPv6, ranges) \u2192 undefined. */
function parseIpv4Prefix(text) {
    const hit = parsedPrefixes.get(text);
    if (hit !== undefined || parsedPrefixes.has(text))
        return hit;
    const parsed = parseUncached(text);
    if (parsedPrefixes.size > 100_000)
        parsedPrefixes.clear();
    parsedPrefixes.set(text, parsed);
    return parsed;
}
function parseUncached(text) {
    const s = text.trim();
    if (ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().IPv4.isValidCIDRFourPartDecimal(s)) {
        const [address, bits] = ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().IPv4.parseCIDR(s);
        return { address, bits, int: toInt(address) };
    }
    if (ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().IPv4.isValidFourPartDecimal(s)) {
        const address = ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().IPv4.parse(s);
        return { address, bits: 32, int: toInt(address) };
    }
    return undefined;
}
const toInt = (a) => ((a.octets[0] << 24) | (a.octets[1] << 16) | (a.octets[2] << 8) | a.octets[3]) >>> 0;
function isIpv6(text) {
    // Every IPv6 address has a colon; the check spares ipaddr.js a failed parse per IPv4 prefix.
    if (!text.includes(':'))
        return false;
    const s = text.trim();
    return ipaddr.IPv6.isValid(s) || ipaddr.IPv6.isValidCIDR(s);
}
/** Does the IPv4 prefix `outer` contain the address or prefix `inner`? undefined when either is not IPv4. */
function prefixContains(outer, inner) {
    const o = parseIpv4Prefix(outer);
    const i = parseIpv4Prefix(inner);
    if (!o || !i)
        return undefined;
    return contains(o, i);
}
/** The first o.bits bits agree (what ipaddr.js's match does, on the 32-bit numbers). */
function contains(o, i) {
    return i.bits >= o.bits && (o.bits === 0 || (i.int ^ o.int) >>> (32 - o.bits) === 0);
}
/** `*`, `0.0.0.0/0`, `Any`: every address. */
function isAnyAddress(text) {
    const s = text.trim().toLowerCase();
    return s === '*' || s === '0.0.0.0/0' || s === 'any';
}
function isAzureCloudTag(s) {
    const t = s.trim().toLowerCase();
    return t === 'azurecloud' || t.startsWith('azurecloud.');
}
/**
 * How specifically a route's addressPrefix captures `address`, for longest prefix match:
 * the prefix length for CIDRs; for the AzureCloud tag a value between /0 and /1 (Azure prefers a tag
 * route to the 0.0.0.0/0 default but any CIDR route containing the address is at least as specific
 * as one tag prefix), a regional tag slightly more. undefined = the route does not capture the address.
 */
function routeSpecificity(prefix, address) {
    const p = parseIpv4Prefix(prefix);
    if (p) {
        const a = parseIpv4Prefix(address);
        return a && contains(p, a) ? p.bits : undefined;
    }
    const t = prefix.trim().toLowerCase();
    if (t === 'azurecloud')
        return 0.5;
    if (t.startsWith('azurecloud.'))
        return 0.6;
    return undefined;
}
/** The service tag that names the Windows KMS endpoints themselves (NSG rules). */
const KMS_SERVICE_TAG = 'AzurePlatformLKM';
function isKmsServiceTag(text) {
    return text === KMS_SERVICE_TAG || text.trim().toLowerCase() === KMS_SERVICE_TAG.toLowerCase();
}
/** `a.b.c.d-e.f.g.h` ranges, accepted by Azure Firewall for source and destination addresses. */
function rangeContains(text, address) {
    const parts = text.split('-').map((p) => p.trim());
    if (parts.length !== 2 || !parts.every((p) => ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().IPv4.isValidFourPartDecimal(p)))
        return undefined;
    if (!ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().IPv4.isValidFourPartDecimal(address))
        return undefined;
    const n = (s) => ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().IPv4.parse(s)
        .toByteArray()
        .reduce((acc, b) => acc * 256 + b, 0);
    const a = n(address);
    return n(parts[0]) <= a && a <= n(parts[1]);
}
/**
 * Does one destination entry of an NSG rule or firewall network rule cover the KMS `address`?
 * `*`/Any, containing CIDRs and ranges, `Internet` and `AzureCloud[.region]` do; in NSGs the
 * `AzurePlatformLKM` tag (Windows licensing) does too. Other tags and IPv6 never do.
 */
function destinationCovers(entry, address, context) {
    // By context, address and entry text: the same few destinations are asked about for every subnet.
    const byAddress = context === 'nsg' ? nsgCovers : firewallCovers;
    let byEntry = byAddress.get(address);
    if (!byEntry)
        byAddress.set(address, (byEntry = new Map()));
    let covers = byEntry.get(entry);
    if (covers === undefined) {
        covers = coversUncached(entry, address, context);
        if (byEntry.size > 100_000)
            byEntry.clear();
        byEntry.set(entry, covers);
    }
    return covers;
}
const nsgCovers = new Map();
const firewallCovers = new Map();
function coversUncached(entry, address, context) {
    if (isAnyAddress(entry))
        return true;
    const c = prefixContains(entry, address);
    if (c !== undefined)
        return c;
    const r = rangeContains(entry, address);
    if (r !== undefined)
        return r;
    const t = entry.trim().toLowerCase();
    if (t === 'internet' || isAzureCloudTag(t))
        return true;
    if (context === 'nsg' && isKmsServiceTag(t))
        return true;
    return false;
}
/**
 * Do the source entries of a rule cover every prefix of the subnet? `*`/Any always; `VirtualNetwork`
 * in NSGs (the subnet is in its VNet); otherwise each subnet prefix must sit inside some CIDR or range.
 * Unknown subnet prefixes make the answer unknown.
 */
function sourcesCover(entries, subnetPrefixes, context) {
    if (entries.some(isAnyAddress))
        return true;
    if (context === 'nsg' && entries.some((e) => e.trim().toLowerCase() === 'virtualnetwork'))
        return true;
    if (subnetPrefixes === 'unknown')
        return 'unknown';
    const v4 = subnetPrefixes.filter((p) => parseIpv4Prefix(p));
    if (v4.length === 0)
        return false;
    return v4.every((p) => entries.some((e) => prefixContains(e, p) === true || rangeCoversPrefix(e, p)));
}
function rangeCoversPrefix(entry, prefix) {
    // Only `a.b.c.d-e.f.g.h` entries are ranges; checking first keeps CIDR entries off ipaddr.js.
    if (!entry.includes('-'))
        return false;
    const p = parseIpv4Prefix(prefix);
    if (!p)
        return false;
    const [first, last] = [
        ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().IPv4.networkAddressFromCIDR(`${p.address}/${p.bits}`),
        ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().IPv4.broadcastAddressFromCIDR(`${p.address}/${p.bits}`),
    ];
    return rangeContains(entry, first.toString()) === true && rangeContains(entry, last.toString()) === true;
}
/** Port entries: `*`, `1688`, `1000-2000`, and comma lists inside one entry. */
function portsCover(entries, port) {
    for (const entry of entries)
        if (entryCoversPort(entry, port))
            return true;
    return false;
}
/** Whether one port entry covers a port, by port and entry text: every rule of every NSG asks for 1688. */
const coveredPorts = new Map();
function entryCoversPort(entry, port) {
    let byEntry = coveredPorts.get(port);
    if (!byEntry)
        coveredPorts.set(port, (byEntry = new Map()));
    let covers = byEntry.get(entry);
    if (covers === undefined) {
        covers = entry.split(',').some((raw) => {
            const s = raw.trim();
            if (s === '*' || s.toLowerCase() === 'any')
                return true;
            const m = /^(\d+)\s*-\s*(\d+)$/.exec(s);
            if (m)
                return Number(m[1]) <= port && port <= Number(m[2]);
            return /^\d+$/.test(s) && Number(s) === port;
        });
        if (byEntry.size > 100_000)
            byEntry.clear();
        byEntry.set(entry, covers);
    }
    return covers;
}
/** Does a port list name `port` by itself (a rule written for it), not through `*` or a wide range? */
function portsNameExactly(entries, port) {
    return entries.some((e) => e.split(',').some((s) => s.trim() === String(port)));
}


/***/ }),

/***/ 2316:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ accessOf),
/* harmony export */   o: () => (/* binding */ firstMatch)
/* harmony export */ });
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2904);

/**
 * `Allow`/`Deny` (any case) of an NSG rule's access or a firewall collection's action; else unknown, named.
 */
function accessOf(v, attribute, object) {
    const a = v.known ? v.value.trim().toLowerCase() : undefined;
    if (a === 'allow')
        return { access: 'Allow' };
    if (a === 'deny')
        return { access: 'Deny' };
    const value = v.known ? (0,_model_value__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5)(v.value, 'not Allow or Deny', v.origin) : v;
    return { access: 'unknown', unresolved: { value, attribute, object } };
}
/**
 * Walks `candidates` (placed ones in priority order) to the first definite match; none = `fallback`.
 * `open`: what else could decide first (e.g. a base policy we cannot see).
 */
function firstMatch(candidates, fallback, open = []) {
    const pending = [];
    let decided;
    for (const c of candidates) {
        if (c.unplaced.length > 0 || c.match === false)
            continue;
        if (c.match === 'unknown') {
            pending.push({ access: c.access.access, unknowns: c.unknowns });
            continue;
        }
        decided = c;
        if (c.access.unresolved)
            pending.push({ access: 'unknown', unknowns: [c.access.unresolved] });
        break;
    }
    const access = decided ? decided.access.access : fallback;
    for (const c of candidates)
        if (c.unplaced.length > 0 && c.match !== false)
            pending.push({
                access: c.access.access,
                unknowns: [...c.unplaced, ...c.unknowns, ...(c.access.unresolved ? [c.access.unresolved] : [])],
            });
    if (open.length > 0)
        pending.push({ access: 'unknown', unknowns: open });
    const conflicting = pending.filter((p) => p.access !== access || p.access === 'unknown');
    if (conflicting.length > 0 || access === 'unknown')
        return { decided: decided?.item, access: 'unknown', unknowns: conflicting.flatMap((p) => p.unknowns) };
    return { decided: decided?.item, access, unknowns: [] };
}


/***/ }),

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
        routeTables: byId([...model.routeTables, ...(f?.routeTables ?? [])]),
        subnets: byId(model.subnets),
        nsgs: byId([...model.nsgs, ...(f?.nsgs ?? [])]),
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
    return a.length <= MAX_SHOWN ? a : `${a.slice(0, MAX_SHOWN - 21)}\u2026${a.slice(-20)}`;
}


/***/ }),

/***/ 2914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jg: () => (/* binding */ nsgBlocks),
/* harmony export */   Pm: () => (/* binding */ platformException),
/* harmony export */   Rh: () => (/* binding */ overridesDefault),
/* harmony export */   ht: () => (/* binding */ matchTraffic),
/* harmony export */   s0: () => (/* binding */ evaluateNsg)
/* harmony export */ });
/* harmony import */ var _kms_catalogue__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5140);
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2904);
/* harmony import */ var _first_match__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2316);
/* harmony import */ var _addresses__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8018);
/**
 * Outbound NSG evaluation for one KMS request, as Azure does it: custom outbound rules by priority, then
 * the default rules AllowVnetOutBound (65000), AllowInternetOutBound (65001) and DenyAllOutBound (65500);
 * the first rule that matches decides.
 *
 * Azure platform exception (NSG overview, "Azure platform considerations"): traffic to the Windows KMS
 * endpoints on 1688 is let out by a platform rule NSGs do not see, unless the subnet's route table
 * overrides 0.0.0.0/0 or a rule denies the AzurePlatformLKM service tag. So an NSG deny only breaks
 * activation when the exception is off.
 */




/** Only the Internet default rule can match a KMS address: VirtualNetwork never contains it. */
const DEFAULT_OUTBOUND = [
    { name: 'AllowVnetOutBound', priority: 65000, access: 'Allow', covers: () => false },
    { name: 'AllowInternetOutBound', priority: 65001, access: 'Allow', covers: () => true },
    { name: 'DenyAllOutBound', priority: 65500, access: 'Deny', covers: () => true },
];
/**
 * Does an outbound rule match TCP 1688 from `source` (subnet prefixes, 'unknown', or 'any' for a
 * table no subnet uses) to `address`?
 */
function matchTraffic(rule, source, address) {
    // Written out without helper closures: it runs for every rule, subnet and KMS address, and its
    // closures and arrays were a large part of the analysis' garbage. Unknowns are named in field order.
    let unknowns;
    const { direction, protocol, destinationPortRanges: ports, destinationAddressPrefixes: dests } = rule;
    let dir = 'unknown';
    if (direction.known)
        dir = isWord(direction.value, 'outbound', 'Outbound');
    else
        (unknowns ??= []).push({ value: direction, attribute: 'direction', object: rule });
    let proto = 'unknown';
    if (protocol.known)
        proto = isTcp(protocol.value);
    else
        (unknowns ??= []).push({ value: protocol, attribute: 'protocol', object: rule });
    let port = 'unknown';
    if (ports.known)
        port = (0,_addresses__WEBPACK_IMPORTED_MODULE_1__/* .portsCover */ .gI)(ports.value, _kms_catalogue__WEBPACK_IMPORTED_MODULE_0__/* .KMS_PORT */ .GO);
    else
        (unknowns ??= []).push({ value: ports, attribute: 'destinationPortRanges', object: rule });
    // Application security groups hold VMs; a KMS address is never in one.
    let dest = 'unknown';
    if (dests.known)
        dest = dests.value.some((d) => (0,_addresses__WEBPACK_IMPORTED_MODULE_1__/* .destinationCovers */ .xb)(d, address, 'nsg'));
    else
        (unknowns ??= []).push({ value: dests, attribute: 'destinationAddressPrefixes', object: rule });
    let src = true;
    if (source !== 'any') {
        const asgs = rule.sourceApplicationSecurityGroups;
        const sources = rule.sourceAddressPrefixes;
        let bySrcPrefix = 'unknown';
        if (sources.known)
            bySrcPrefix = sources.value.length === 0 ? false : (0,_addresses__WEBPACK_IMPORTED_MODULE_1__/* .sourcesCover */ .EX)(sources.value, source, 'nsg');
        else
            (unknowns ??= []).push({ value: sources, attribute: 'sourceAddressPrefixes', object: rule });
        let byAsg = false;
        if (asgs && (!asgs.known || asgs.value.length > 0)) {
            // Which VMs are in an application security group is not in the network sources.
            byAsg = 'unknown';
            const value = asgs.known
                ? (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5)(asgs.value.join(', '), 'membership of application security groups is not known statically', asgs.origin)
                : asgs;
            (unknowns ??= []).push({ value, attribute: 'sourceApplicationSecurityGroups', object: rule });
        }
        src = (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .triOr */ .PG)(bySrcPrefix, byAsg);
    }
    const match = (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .triAnd */ .Rp)((0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .triAnd */ .Rp)(dir, proto), (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .triAnd */ .Rp)((0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .triAnd */ .Rp)(port, dest), src));
    return { match, unknowns: match === 'unknown' && unknowns ? unknowns : [] };
}
/** `text`, trimmed, in lower case is `lower`; `usual` is its usual spelling, answered without a copy. */
function isWord(text, lower, usual) {
    return text === usual || text === lower || text.trim().toLowerCase() === lower;
}
/** A protocol that carries TCP: `Tcp`, `*`, `Any` (any case). */
function isTcp(text) {
    if (text === 'Tcp' || text === '*')
        return true;
    const p = text.trim().toLowerCase();
    return p === 'tcp' || p === '*' || p === 'any';
}
/** An active user or BGP 0.0.0.0/0 among effective routes: Azure's default route is overridden. */
function overridesDefault(e) {
    return (e.state === 'Active' &&
        (e.source === 'User' || e.source === 'VirtualNetworkGateway') &&
        e.addressPrefix.some((p) => (0,_addresses__WEBPACK_IMPORTED_MODULE_1__/* .parseIpv4Prefix */ .nY)(p)?.bits === 0));
}
/**
 * Is the platform exception for KMS in force on this subnet? `table`: the subnet's route table, or its
 * unresolved reference (its routes could override 0.0.0.0/0). `effective`: the subnet's effective routes
 * (live state) beside the table, where a 0.0.0.0/0 learned over BGP overrides the default route too.
 * `extra`: managed routes Virtual Network Manager adds to the table.
 */
function platformException(nsg, table, effective, extra) {
    const unknowns = [];
    let overrides = false;
    const routeTable = table && 'value' in table ? undefined : table;
    if (table && 'value' in table) {
        overrides = 'unknown';
        unknowns.push(table);
    }
    for (const { route, why } of extra?.maybe ?? [])
        if (!route.addressPrefix.known || (0,_addresses__WEBPACK_IMPORTED_MODULE_1__/* .parseIpv4Prefix */ .nY)(route.addressPrefix.value)?.bits === 0) {
            overrides = (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .triOr */ .PG)(overrides, 'unknown');
            unknowns.push(why);
        }
    for (const routes of [routeTable?.routes ?? [], extra?.sure ?? []])
        for (const r of routes) {
            if (!r.addressPrefix.known) {
                overrides = (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .triOr */ .PG)(overrides, 'unknown');
                unknowns.push({ value: r.addressPrefix, attribute: 'addressPrefix', object: r });
            }
            else {
                const p = (0,_addresses__WEBPACK_IMPORTED_MODULE_1__/* .parseIpv4Prefix */ .nY)(r.addressPrefix.value);
                if (p && p.bits === 0)
                    overrides = true;
            }
        }
    const propagation = routeTable?.bgpRoutePropagation;
    for (const e of effective ?? []) {
        if (!overridesDefault(e))
            continue;
        // A 0.0.0.0/0 learned over BGP applies only if the table lets BGP routes in.
        if (e.source === 'VirtualNetworkGateway' && propagation && !propagation.known) {
            overrides = (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .triOr */ .PG)(overrides, 'unknown');
            unknowns.push({ value: propagation, attribute: 'bgpRoutePropagation', object: routeTable });
        }
        else
            overrides = true;
    }
    let deniesLkm = false;
    for (const rule of nsg?.rules ?? []) {
        // Why this rule may deny the tag, in field order (no closures: this runs per subnet and address).
        const why = [];
        const dests = rule.destinationAddressPrefixes;
        let names = 'unknown';
        if (dests.known)
            names = dests.value.some(_addresses__WEBPACK_IMPORTED_MODULE_1__/* .isKmsServiceTag */ .T4);
        else
            why.push({ value: dests, attribute: 'destinationAddressPrefixes', object: rule });
        const access = (0,_first_match__WEBPACK_IMPORTED_MODULE_3__/* .accessOf */ .Y)(rule.access, 'access', rule);
        if (access.unresolved)
            why.push(access.unresolved);
        const denies = access.access === 'unknown' ? 'unknown' : access.access === 'Deny';
        let outbound = 'unknown';
        if (rule.direction.known)
            outbound = isWord(rule.direction.value, 'outbound', 'Outbound');
        else
            why.push({ value: rule.direction, attribute: 'direction', object: rule });
        const t = (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .triAnd */ .Rp)(names, (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .triAnd */ .Rp)(denies, outbound));
        deniesLkm = (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .triOr */ .PG)(deniesLkm, t);
        if (t === 'unknown')
            unknowns.push(...why);
    }
    const off = (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .triOr */ .PG)(overrides, deniesLkm);
    const on = off === 'unknown' ? 'unknown' : !off;
    return { on, unknowns: on === 'unknown' ? unknowns : [] };
}
/** Does the NSG block KMS? Only a deny with the platform exception off does. */
function nsgBlocks(v) {
    if (v.access === 'Allow')
        return false;
    if (v.platformException === true)
        return false;
    if (v.access === 'Deny' && v.platformException === false)
        return true;
    return 'unknown';
}
/**
 * Evaluates a subnet's (or a NIC's) NSG for TCP 1688 to `address` (`table`, `effective`, `extra`: see
 * platformException).
 */
function evaluateNsg(nsg, source, address, table, effective, extra) {
    const exception = platformException(nsg, table, effective, extra);
    // Fields set one by one, not spread in: on Node 20 an object spread followed by more fields costs a few \u00b5s
    // per object, and this runs for every rule, subnet and KMS address.
    const candidates = rulesByPriority(nsg).map((rule) => {
        const { match, unknowns } = matchTraffic(rule, source, address);
        return {
            item: rule,
            match,
            unknowns,
            access: (0,_first_match__WEBPACK_IMPORTED_MODULE_3__/* .accessOf */ .Y)(rule.access, 'access', rule),
            unplaced: rule.priority.known ? [] : [{ value: rule.priority, attribute: 'priority', object: rule }],
        };
    });
    const fallback = DEFAULT_OUTBOUND.find((r) => r.covers(address));
    const { decided, access, unknowns } = (0,_first_match__WEBPACK_IMPORTED_MODULE_3__/* .firstMatch */ .o)(candidates, fallback.access);
    return {
        nsg,
        access,
        rule: decided,
        defaultRule: decided ? undefined : fallback.name,
        platformException: exception.on,
        unknowns,
    };
}
/**
 * The NSG's rules by priority (stable: equal priorities keep their order), sorted once per NSG rather than
 * for every subnet and KMS address that asks. The model is complete before the analysis runs.
 */
const sortedRules = new WeakMap();
function rulesByPriority(nsg) {
    const hit = sortedRules.get(nsg);
    // Should the rules change (a model laid over another), they are sorted again.
    if (hit && hit.rules.length === nsg.rules.length && hit.rules.every((r, i) => r === nsg.rules[i]))
        return hit.sorted;
    const sorted = [...nsg.rules].sort((a, b) => priorityOf(a) - priorityOf(b));
    sortedRules.set(nsg, { rules: [...nsg.rules], sorted });
    return sorted;
}
function priorityOf(rule) {
    return rule.priority.known ? rule.priority.value : 0;
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
/** azurerm provider `environment` values and Bicep/ARM `environment().name` \u2192 cloud. */
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

/***/ 9389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AZ: () => (/* binding */ findingIdentity),
/* harmony export */   E3: () => (/* binding */ refLabel),
/* harmony export */   Jf: () => (/* binding */ identityHash),
/* harmony export */   L7: () => (/* binding */ azureRef),
/* harmony export */   XF: () => (/* binding */ refKey),
/* harmony export */   u5: () => (/* binding */ subnetIdentityChoices)
/* harmony export */ });
/* unused harmony export subnetIdentities */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _sources_azure_arm_id__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(848);
/* harmony import */ var _sources_terraform_moved__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3526);
/**
 * What a finding is about, by Azure identity: the rule, the cloud, the deployment unit, the subnet it
 * harms and the hop that decides it, each by subscription / resource group / parent names / name, and by
 * IaC address only where the source does not say the Azure name. Files, lines and IaC addresses play no
 * part when the name is known, so a `moved` block, a resource renamed in the code, a Bicep symbolic name
 * change or `count` \u2192 `for_each` keep the identity: Azure sees the same resource.
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
 * Every address `address` had before the moves, nearest first (moves chain: a \u2192 b, b \u2192 c gives c the
 * former addresses b and a). A key added by a move (`a` \u2192 `a["k"]`) maps back to the keyless address.
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
                // `a[0]` \u2192 `a` moves one instance: `a[1]` was never `a[0][1]`.
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