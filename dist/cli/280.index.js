"use strict";
exports.id = 280;
exports.ids = [280];
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

/***/ 1592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Uh: () => (/* binding */ readSubnet),
/* harmony export */   nK: () => (/* binding */ sameResource),
/* harmony export */   tq: () => (/* binding */ readFirewall)
/* harmony export */ });
const same = (a, b) => a.toLowerCase() === b.toLowerCase();
function sameResource(a, b) {
    if (a.resourceGroup === undefined || b.resourceGroup === undefined)
        return false;
    if (!same(a.name, b.name) || !same(a.resourceGroup, b.resourceGroup))
        return false;
    return a.subscription === undefined || b.subscription === undefined || same(a.subscription, b.subscription);
}
/**
 * The resource a value reads without the unit declaring it (a Terraform data source, a Bicep `existing`
 * resource, an ARM id: Unknown.deployed), by Azure identity: where it is of `armType` with `segments` name
 * segments and, with `group`, says its resource group.
 */
function readResource(v, armType, segments, group) {
    const d = v && !v.known ? v.deployed : undefined;
    if (!d || d.armType.toLowerCase() !== armType || d.names.length !== segments)
        return undefined;
    return group && !d.resourceGroup ? undefined : d;
}
/** A subnet a value reads (a NIC's subnet, `data "azurerm_subnet"`), its resource group known. */
const readSubnet = (v) => readResource(v, 'microsoft.network/virtualnetworks/subnets', 2, true);
/** A firewall a route's next hop reads (`data "azurerm_firewall"`, a Bicep `existing` firewall). */
const readFirewall = (v) => readResource(v, 'microsoft.network/azurefirewalls', 1, false);


/***/ }),

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

/***/ 318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aj: () => (/* binding */ provideAttachments),
/* harmony export */   Nl: () => (/* binding */ attachFacts),
/* harmony export */   S5: () => (/* binding */ attachFactsFor),
/* harmony export */   Yx: () => (/* binding */ settleAttachmentNotices),
/* harmony export */   hk: () => (/* binding */ layAttachments)
/* harmony export */ });
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2904);
/* harmony import */ var _model_vnet__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3580);
/* harmony import */ var _azure_identity__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1592);
/* harmony import */ var _cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5346);




const SUBNET = 'microsoft.network/virtualnetworks/subnets';
/**
 * The subnets a Bicep/ARM unit declares as child resources of VNets it does not declare (a day-2 PUT of the
 * whole subnet, src/sources/mapping/foreign-subnets.ts): handed over whole, whatever their resource group.
 */
function foreignChildren(model) {
    const declared = new Set((model.vnets ?? []).map((v) => v.id));
    return model.subnets.flatMap((c) => {
        if (c.sourceType.toLowerCase() !== SUBNET || c.format === 'live')
            return [];
        if ((c.vnetId?.known && declared.has(c.vnetId.value)) || !c.vnetName?.known || !c.name.known)
            return [];
        const subnet = {
            armType: 'Microsoft.Network/virtualNetworks/subnets',
            names: [c.vnetName.value, c.name.value],
            ...(c.resourceGroup ? { resourceGroup: c.resourceGroup } : {}),
            ...(c.subscription ? { subscription: c.subscription } : {}),
        };
        // Several conditional children of the subnet in this unit (`if (tunnel)` / `if (!tunnel)`), folded into
        // one with the others as its redeclarations (src/sources/mapping/subnet-redeclarations.ts): each is
        // handed over, with its own condition, so the declaring unit judges the subnet with each.
        return [c, ...(c.redeclarations ?? []).map((r) => childAs(c, r))].map((child) => ({ child, subnet }));
    });
}
/** The child subnet `c` as its conditional redeclaration `r` (another child of it in the same unit) declares it. */
function childAs(c, r) {
    const s = { ...c, address: r.address, origin: r.origin, addressPrefixes: r.addressPrefixes };
    delete s.redeclarations;
    for (const f of [
        'routeTableId',
        'routeTableOrigin',
        'nsgId',
        'nsgOrigin',
        'natGatewayId',
        'defaultOutboundAccess',
    ]) {
        if (r[f] === undefined)
            delete s[f];
        else
            s[f] = r[f];
    }
    s.condition = r.condition;
    return s;
}
/** The unit's attachments to subnets it reads, in a fixed order (both passes compute the same list). */
function attachments(model) {
    const out = [];
    const children = foreignChildren(model);
    // A child's associations go with the whole child (kind `subnet` below), not one by one.
    const byChild = new Set(children.map((c) => c.child.address));
    for (const d of model.detachedAssociations ?? [])
        if (d.subnet.names.length === 2 && !byChild.has(d.address))
            out.push({
                subnet: d.subnet,
                kind: d.field,
                address: d.address,
                target: d.target,
                origin: d.origin,
                diagnostic: d.diagnostic,
            });
    for (const nic of model.networkInterfaces ?? []) {
        if (!nic.nsgId)
            continue;
        for (const s of nic.subnetIds) {
            const d = (0,_azure_identity__WEBPACK_IMPORTED_MODULE_1__/* .readSubnet */ .Uh)(s);
            if (d)
                out.push({ subnet: d, kind: 'nic', address: nic.address, origin: nic.origin, nic });
        }
    }
    // A module the unit does not evaluate, given the subnet by ARM id: it may attach either.
    for (const g of model.subnetsGivenToModules ?? [])
        for (const [kind, what] of [
            ['routeTableId', 'a route table'],
            ['nsgId', 'a network security group'],
        ])
            out.push({
                subnet: g.subnet,
                kind,
                address: g.module,
                target: (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5)(g.module, `${g.why}: it may attach ${what} to it`, g.origin),
                origin: g.origin,
            });
    for (const { child, subnet } of children)
        out.push({ subnet, kind: 'subnet', address: child.address, origin: child.origin, child });
    return out;
}
/** What the unit attaches to subnets it only reads. */
function attachFacts(model, unit) {
    return attachments(model).map((a, index) => ({
        unit: unit.name,
        from: unit.from,
        order: unit.order,
        index,
        vnet: a.subnet.names[0],
        subnet: a.subnet.names[1],
        ...(a.subnet.resourceGroup ? { resourceGroup: a.subnet.resourceGroup } : {}),
        ...(a.subnet.subscription ? { subscription: a.subnet.subscription.toLowerCase() } : {}),
        kind: a.kind,
        address: a.address,
    }));
}
const vnetKey = (f) => f.resourceGroup === undefined
    ? undefined
    : `${f.subscription ? `/subscriptions/${f.subscription}` : ''}${(0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .vnetKeyOfName */ .Ll)(f.vnet, f.resourceGroup)}`;
/** Whether an attachment is surely to the VNet of this key, or (`maybe`) could be: same name, a resource group not known on one side. */
function reaches(a, f) {
    const key = vnetKey(a);
    const same = f.key !== undefined && key !== undefined ? (0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .sameVnet */ .yH)((0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .known */ .eO)(f.key), (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .known */ .eO)(key)) : 'unknown';
    if (same === true)
        return 'sure';
    // A subnet or an association is handed over on a maybe: judged with and without it, never taken as sure.
    if (a.kind === 'nic' || same !== 'unknown' || f.name === undefined)
        return undefined;
    return f.name.toLowerCase() === a.vnet.toLowerCase() ? 'maybe' : undefined;
}
/**
 * Other units' attachments to subnets of the VNets a unit declares (surely the same VNet: its key), and the
 * subnets they redeclare where it may be the same VNet.
 */
function attachFactsFor(
/** The unit's VnetFacts (./cross-unit-vnets.ts): their keys and names. */
declared, from, all) {
    return all.filter((a) => a.from !== from && declared.some((f) => reaches(a, f) !== undefined));
}
/** The attaching unit's side of the second pass: the objects of the attachments asked for, ids prefixed. */
function provideAttachments(model, asked) {
    const list = attachments(model);
    return asked.flatMap((fact) => {
        const a = list[fact.index];
        if (!a)
            return [];
        const nsgs = [];
        const routeTables = [];
        const nic = a.nic;
        const byId = (v) => {
            if (!v?.known)
                return;
            const nsg = model.nsgs.find((n) => n.id === v.value);
            if (nsg)
                nsgs.push(nsg);
            const table = model.routeTables.find((t) => t.id === v.value);
            if (table)
                routeTables.push(table);
        };
        byId(a.target);
        byId(nic?.nsgId);
        byId(a.child?.routeTableId);
        byId(a.child?.nsgId);
        // rehome copies what it hands over: the provider's model is left as it was.
        const objects = { nsgs, routeTables, networkInterfaces: nic ? [nic] : [] };
        const prefix = `${fact.unit}#`;
        const ids = (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .idsOf */ .UX)([objects]);
        const target = a.target && { value: (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .rehome */ .JR)(a.target, ids, prefix), origin: a.origin };
        const c = a.child;
        const declaration = c && {
            address: `${c.address} (${fact.unit})`,
            origin: c.origin,
            addressPrefixes: c.addressPrefixes,
            ...(c.routeTableId ? { routeTableId: (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .rehome */ .JR)(c.routeTableId, ids, prefix) } : {}),
            ...(c.routeTableOrigin ? { routeTableOrigin: c.routeTableOrigin } : {}),
            ...(c.nsgId ? { nsgId: (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .rehome */ .JR)(c.nsgId, ids, prefix) } : {}),
            ...(c.nsgOrigin ? { nsgOrigin: c.nsgOrigin } : {}),
            ...(c.natGatewayId ? { natGatewayId: c.natGatewayId } : {}),
            ...(c.defaultOutboundAccess ? { defaultOutboundAccess: c.defaultOutboundAccess } : {}),
        };
        return [
            {
                fact,
                ...(target ? { target } : {}),
                objects: (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .rehome */ .JR)(objects, ids, prefix),
                ...(declaration ? { declaration } : {}),
                ...(c?.condition ? { condition: c.condition } : {}),
            },
        ];
    });
}
const same = (a, b) => a !== undefined && a.toLowerCase() === b.toLowerCase();
/** The declaring unit's subnet an attachment names (where a resource group is not known on one side, by names). */
function subnetOf(model, f) {
    return model.subnets.find((s) => s.format !== 'live' &&
        same(s.name.known ? s.name.value : undefined, f.subnet) &&
        same(s.vnetName?.known ? s.vnetName.value : undefined, f.vnet) &&
        (s.resourceGroup === undefined ||
            f.resourceGroup === undefined ||
            same(s.resourceGroup, f.resourceGroup)));
}
const DECLARED = ['routeTableId', 'nsgId', 'natGatewayId'];
const ORIGIN = { routeTableId: 'routeTableOrigin', nsgId: 'nsgOrigin', natGatewayId: undefined };
/** Whether two settings of a subnet are the same as written (both none, or the same known value). */
const sameSetting = (a, b) => a === undefined || b === undefined
    ? a === b
    : a.known && b.known && JSON.stringify(a.value) === JSON.stringify(b.value);
/**
 * Lays another unit's redeclaration of `subnet` (kind `subnet`). Surely the same subnet and deployed
 * whenever its unit is: what only it sets, the subnet takes; what both set otherwise, or it drops, is
 * decided by the unit applied last, so it becomes a redeclaration under that (unknown) order. Under a
 * condition the scan cannot evaluate, or where it may be another subnet: a redeclaration under that.
 */
function layRedeclaration(subnet, p) {
    const d = p.declaration;
    if (!d)
        return;
    const f = p.fact;
    const sure = f.resourceGroup !== undefined && subnet.resourceGroup !== undefined;
    let condition;
    const key = `${f.from}\u0000${f.address}`;
    if (!sure)
        condition = maybeSame(f, subnet, `redeclares ${f.vnet}/${f.subnet}`, d.origin, p.condition ? `; it is deployed only where ${p.condition.expression} holds` : '');
    else if (p.condition) {
        // Its own condition: objects of its unit under the same one come and go with it.
        ;
        (subnet.redeclarations ??= []).push({ ...d, condition: p.condition });
        return;
    }
    else {
        // Differs: an association both set to different objects, or default outbound access both say otherwise.
        // Then either whole subnet may be the one applied last, so this unit's stays as it declares it.
        const differs = DECLARED.some((field) => subnet[field] !== undefined && !sameSetting(subnet[field], d[field])) ||
            (subnet.defaultOutboundAccess !== undefined &&
                !sameSetting(subnet.defaultOutboundAccess, d.defaultOutboundAccess));
        if (!differs) {
            // Only the child sets them: what it adds is taken over.
            for (const field of DECLARED) {
                if (subnet[field] !== undefined || d[field] === undefined)
                    continue;
                subnet[field] = d[field];
                const o = ORIGIN[field];
                if (o && d[o])
                    subnet[o] = d[o];
            }
            return;
        }
        condition = (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5)(`${f.address} in ${f.unit}`, `${f.unit} redeclares this subnet (${f.address}, a PUT of the whole subnet) with other associations than this unit gives it (${describe(subnet)} here; ${describe(d)} there): whichever of the two is applied last stays, which the code does not say; make one unit own the subnet's associations`, d.origin);
    }
    ;
    (subnet.redeclarations ??= []).push({ ...d, condition: { ...condition, key } });
}
/**
 * The condition a handover may not apply under: the subnet it names may be another of the same names (a
 * resource group not known on one side). `does`: what the other unit does to it, in words.
 */
function maybeSame(f, subnet, does, origin, more = '') {
    const side = f.resourceGroup === undefined && subnet.resourceGroup === undefined ? 'either side' : 'one side';
    return {
        ...(0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5)(`${f.address} in ${f.unit}`, `${f.unit} ${does} (${f.address}), which may be this subnet or another of the same names: the resource group is not known on ${side}; state it in both units or scan with \`live: true\`${more}`, origin),
        key: `${f.from}\u0000${f.address}`,
        // Which subnet it is for is the unknown, not whether it is deployed (conditions.ts words it so).
        which: 'may be for another subnet',
    };
}
const WHAT = {
    routeTableId: 'route table',
    nsgId: 'network security group',
    natGatewayId: 'NAT gateway',
};
/**
 * Lays an association another unit makes to a subnet that may be this one (its resource group not known
 * there): the subnet as declared, with the association, becomes a redeclaration under that doubt, so it is
 * judged with and without it.
 */
function layMaybeAssociation(subnet, p, field) {
    if (!p.target)
        return;
    const f = p.fact;
    const d = {
        address: `${f.address} (${f.unit})`,
        origin: p.target.origin,
        addressPrefixes: subnet.addressPrefixes,
    };
    for (const k of DECLARED)
        if (subnet[k])
            d[k] = subnet[k];
    if (subnet.routeTableOrigin)
        d.routeTableOrigin = subnet.routeTableOrigin;
    if (subnet.nsgOrigin)
        d.nsgOrigin = subnet.nsgOrigin;
    if (subnet.defaultOutboundAccess)
        d.defaultOutboundAccess = subnet.defaultOutboundAccess;
    d[field] = named(p.target.value, f.unit);
    const o = ORIGIN[field];
    if (o)
        d[o] = p.target.origin;
    const condition = maybeSame(f, subnet, `sets the ${WHAT[field]} of ${f.vnet}/${f.subnet}`, p.target.origin);
    (subnet.redeclarations ??= []).push({ ...d, condition });
}
/** A subnet's associations in words, for messages. */
const describe = (s) => {
    const one = (v, what) => v === undefined
        ? `no ${what}`
        : `${what} ${v.known ? (v.value.split('#').at(-1) ?? v.value) : v.expression}`;
    return `${one(s.routeTableId, 'route table')}, ${one(s.nsgId, 'NSG')}`;
};
/** Lays other units' attachments on the subnets of this unit they name. */
function layAttachments(model, provided) {
    for (const p of provided) {
        const subnet = subnetOf(model, p.fact);
        if (!subnet)
            continue;
        // A NIC is laid once per subnet it is in here (its id says which), in that subnet only.
        const networkInterfaces = p.objects.networkInterfaces.map((nic) => ({
            ...nic,
            id: `${nic.id}@${subnet.id}`,
            subnetIds: [(0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .known */ .eO)(subnet.id, nic.origin)],
        }));
        (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .layForeignObjects */ .Re)(model, {
            firewalls: [],
            firewallPolicies: [],
            ipGroups: [],
            nsgs: p.objects.nsgs,
            routeTables: p.objects.routeTables,
            networkInterfaces,
        });
        if (p.fact.kind === 'subnet')
            layRedeclaration(subnet, p);
        if (p.fact.kind === 'nic' || p.fact.kind === 'subnet')
            continue;
        const field = p.fact.kind;
        if (!p.target)
            continue;
        if (p.fact.resourceGroup === undefined) {
            layMaybeAssociation(subnet, p, field);
            continue;
        }
        // Two units setting the subnet's NSG or route table: Azure keeps the last applied, which no code says.
        const value = subnet[field] !== undefined
            ? (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5)(p.fact.address, `${p.fact.unit} (${p.fact.address}) sets it too: whichever is applied last stays`, p.target.origin)
            : named(p.target.value, p.fact.unit);
        subnet[field] = value;
        if (field === 'nsgId')
            subnet.nsgOrigin = p.target.origin;
        if (field === 'routeTableId')
            subnet.routeTableOrigin = p.target.origin;
    }
}
/** An unknown another unit hands over, saying which unit it is in. */
const named = (v, unit) => v.known || v.reason === undefined ? v : { ...v, reason: `${v.reason} (in ${unit})` };
/**
 * The attaching unit judged again: the notices of its associations that said the subnet is not in the
 * scanned sources go for those another unit declares (`indexes`: AttachFact.index), as they were laid there.
 */
function settleAttachmentNotices(model, indexes) {
    if (indexes.length === 0)
        return;
    const list = attachments(model);
    const settled = new Set(indexes.flatMap((i) => list[i]?.diagnostic ?? []));
    model.diagnostics = model.diagnostics.filter((d) => !settled.has(d));
}


/***/ }),

/***/ 1561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sc: () => (/* binding */ layForeignFirewalls),
/* harmony export */   cC: () => (/* binding */ firewallNeeds),
/* harmony export */   hv: () => (/* binding */ firewallFactsFor),
/* harmony export */   vM: () => (/* binding */ provideFirewalls),
/* harmony export */   wZ: () => (/* binding */ firewallFacts)
/* harmony export */ });
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2904);
/* harmony import */ var _azure_identity__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1592);
/* harmony import */ var _cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5346);



const routesOf = (model) => [
    ...model.routeTables.flatMap((t) => t.routes),
    ...(model.detachedRoutes ?? []).map((d) => d.route),
];
const identity = (fw) => fw.name.known
    ? {
        name: fw.name.value,
        ...(fw.resourceGroup !== undefined ? { resourceGroup: fw.resourceGroup } : {}),
        ...(fw.subscription !== undefined ? { subscription: fw.subscription.toLowerCase() } : {}),
    }
    : undefined;
/** The firewalls the unit declares with a known name, as the other units may read them. */
function firewallFacts(model, unit) {
    return model.firewalls.flatMap((fw) => {
        const id = identity(fw);
        return id ? [{ unit: unit.name, from: unit.from, order: unit.order, ...id }] : [];
    });
}
/**
 * The declaring unit's side of the second pass: the objects of the firewalls it was asked for (`asked`:
 * facts it told, by identity), their ids prefixed by the unit (./cross-unit-hubs.ts rehome).
 */
function provideFirewalls(model, asked) {
    return asked.flatMap((fact) => {
        const fw = model.firewalls.find((f) => {
            const id = identity(f);
            return id !== undefined && (0,_azure_identity__WEBPACK_IMPORTED_MODULE_1__/* .sameResource */ .nK)(id, fact);
        });
        if (!fw)
            return [];
        const objects = (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .firewallObjects */ .zk)(model, [fw]);
        return [{ fact, objects: (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .rehome */ .JR)(objects, (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .idsOf */ .UX)([objects]), `${fact.unit}#`) }];
    });
}
/** The firewalls the unit's routes read and it does not declare. */
function firewallNeeds(model) {
    const needs = new Map();
    for (const r of routesOf(model)) {
        const d = (0,_azure_identity__WEBPACK_IMPORTED_MODULE_1__/* .readFirewall */ .tq)(r.nextHopIpAddress);
        if (!d)
            continue;
        const need = {
            name: d.names[0],
            ...(d.resourceGroup !== undefined ? { resourceGroup: d.resourceGroup } : {}),
            ...(d.subscription !== undefined ? { subscription: d.subscription.toLowerCase() } : {}),
        };
        needs.set(JSON.stringify(need).toLowerCase(), need);
    }
    return [...needs.values()];
}
/** Is the fact surely the firewall the need (or a hop's read) names? */
function answers(need, fact) {
    const name = 'name' in need ? need.name : need.names[0];
    return name !== undefined && (0,_azure_identity__WEBPACK_IMPORTED_MODULE_1__/* .sameResource */ .nK)({ ...need, name }, fact);
}
/** The facts of other units that answer a unit's needs: for each need, the one firewall that surely is it. */
function firewallFactsFor(needs, from, all) {
    const out = [];
    for (const n of needs) {
        const found = all.filter((f) => f.from !== from && answers(n, f));
        // Two units declaring it (two variants, two copies) cannot be told apart: nothing is taken.
        if (found.length === 1 && !out.includes(found[0]))
            out.push(found[0]);
    }
    return out;
}
/** Lays other units' firewalls into a model: the hops reading one refer to it, so its policy decides. */
function layForeignFirewalls(model, provided) {
    if (provided.length === 0)
        return;
    for (const p of provided)
        (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .layForeignObjects */ .Re)(model, p.objects);
    for (const r of routesOf(model)) {
        const hop = r.nextHopIpAddress;
        const d = (0,_azure_identity__WEBPACK_IMPORTED_MODULE_1__/* .readFirewall */ .tq)(hop);
        const given = d && provided.find((p) => answers(d, p.fact));
        if (!given || hop.known)
            continue;
        const fw = given.objects.firewalls[0];
        r.nextHopIpAddress = (0,_model_value__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5)(hop.expression, `the private address of Azure Firewall ${given.fact.name}, declared in ${given.fact.unit}: assigned at deployment`, hop.origin, { resource: fw.id, attribute: 'private_ip_address' });
    }
}


/***/ }),

/***/ 5346:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dg: () => (/* binding */ hubFacts),
/* harmony export */   JR: () => (/* binding */ rehome),
/* harmony export */   Re: () => (/* binding */ layForeignObjects),
/* harmony export */   UX: () => (/* binding */ idsOf),
/* harmony export */   r4: () => (/* binding */ layHubFacts),
/* harmony export */   zk: () => (/* binding */ firewallObjects)
/* harmony export */ });
/* harmony import */ var _model_network__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2607);
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2904);


const valueOf = (v) => (v?.known ? v.value : undefined);
/** The policies a firewall evaluates: its own and, base first or not, every base policy it chains to. */
function policiesOf(model, firewalls) {
    const byId = new Map(model.firewallPolicies.map((p) => [p.id, p]));
    const out = new Set();
    for (const fw of firewalls) {
        let p = byId.get(valueOf(fw.policyId) ?? '');
        while (p && !out.has(p)) {
            out.add(p);
            p = byId.get(valueOf(p.basePolicyId) ?? '');
        }
    }
    return [...out];
}
/** The IP groups the rules of these collections name. */
function ipGroupsOf(model, collections) {
    const named = new Set();
    for (const c of collections)
        for (const r of c.rules)
            for (const v of [r.sourceIpGroups, r.destinationIpGroups])
                if (v.known)
                    v.value.forEach((g) => named.add(g));
    return model.ipGroups.filter((g) => named.has(g.id));
}
/** The firewalls with the policies they evaluate (base policies too) and the IP groups their rules name. */
function firewallObjects(model, firewalls) {
    const firewallPolicies = policiesOf(model, firewalls);
    const ipGroups = ipGroupsOf(model, [
        ...firewalls.flatMap((f) => f.classicCollections),
        ...firewallPolicies.flatMap((p) => p.ruleCollectionGroups.flatMap((g) => g.collections)),
    ]);
    return { firewalls, firewallPolicies, ipGroups };
}
/** Property names whose strings are text, never a model id (an address often equals the id it names). */
const TEXT = new Set(['address', 'sourceType', 'name', 'origin', 'inputs', 'expression', 'reason', 'format']);
/**
 * A copy of `x` in which every string naming one of `ids` and every condition key carries `prefix`.
 * Hand-written: a walk over plain model data, which no library knows the references of.
 */
function rehome(x, ids, prefix) {
    const walk = (v, key) => {
        if (typeof v === 'string')
            return ids.has(v) ? `${prefix}${v}` : v;
        if (Array.isArray(v))
            return v.map((e) => walk(e));
        if (v === null || typeof v !== 'object')
            return v;
        const out = {};
        for (const [k, e] of Object.entries(v)) {
            if (TEXT.has(k))
                out[k] = e;
            else if (key === 'condition' && k === 'key' && typeof e === 'string')
                out[k] = `${prefix}${e}`;
            else
                out[k] = walk(e, k);
        }
        return out;
    };
    return walk(x);
}
/** The ids of the objects handed over and of everything they hold (routes, rule collections, rules). */
function idsOf(xs) {
    const ids = new Set();
    const walk = (v) => {
        if (Array.isArray(v))
            v.forEach(walk);
        else if (v !== null && typeof v === 'object') {
            const o = v;
            if (typeof o.id === 'string' && typeof o.sourceType === 'string')
                ids.add(o.id);
            for (const [k, e] of Object.entries(o))
                if (!TEXT.has(k))
                    walk(e);
        }
    };
    walk(xs);
    return ids;
}
/**
 * What the declaring unit hands over for a VNet connected by `connection` (`key`: the VNet's key, ARM-id
 * form; `prefix`: the unit's, for ids and condition keys).
 */
function hubFacts(model, connection, key, prefix) {
    const w = model.virtualWan ?? (0,_model_network__WEBPACK_IMPORTED_MODULE_0__/* .emptyVirtualWan */ .lG)();
    const hubId = valueOf(connection.hubId);
    const onHub = (v) => hubId !== undefined && valueOf(v) === hubId;
    const associated = valueOf(connection.associatedRouteTableId);
    const routingIntents = w.routingIntents.filter((i) => onHub(i.hubId));
    const routeTables = w.routeTables.filter((t) => onHub(t.hubId) || t.id === associated);
    const hops = new Set();
    for (const i of routingIntents)
        if (i.internetNextHop?.known)
            hops.add(i.internetNextHop.value);
    for (const t of routeTables)
        for (const r of t.routes)
            if (r.nextHop.known)
                hops.add(r.nextHop.value);
    const firewalls = model.firewalls.filter((f) => hops.has(f.id) || (f.virtualHubId !== undefined && onHub(f.virtualHubId)));
    const wan = {
        hubs: w.hubs.filter((h) => h.id === hubId),
        connections: [{ ...connection, vnetId: (0,_model_value__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(key, connection.vnetId.origin) }],
        routingIntents,
        routeTables,
        gateways: w.gateways.filter((g) => onHub(g.hubId)),
    };
    const foreign = firewallObjects(model, firewalls);
    const ids = idsOf([wan, foreign]);
    return { wan: rehome(wan, ids, prefix), foreign: rehome(foreign, ids, prefix) };
}
/** Appends to `into` the objects of `xs` it does not hold yet (by id). */
const add = (into, xs) => {
    const seen = new Set(into.map((o) => o.id));
    for (const x of xs)
        if (!seen.has(x.id))
            into.push(x);
};
/**
 * Adds another unit's firewalls, policies and IP groups (and NSGs, route tables and NICs it attaches,
 * ./cross-unit-attachments.ts) to a model's foreign objects, each once.
 */
function layForeignObjects(model, objects) {
    const f = (model.foreign ??= { firewalls: [], firewallPolicies: [], ipGroups: [] });
    add(f.firewalls, objects.firewalls);
    add(f.firewallPolicies, objects.firewallPolicies);
    add(f.ipGroups, objects.ipGroups);
    if (objects.nsgs?.length)
        add((f.nsgs ??= []), objects.nsgs);
    if (objects.routeTables?.length)
        add((f.routeTables ??= []), objects.routeTables);
    if (objects.networkInterfaces?.length)
        add((f.networkInterfaces ??= []), objects.networkInterfaces);
}
/** Adds what another unit handed over to a model, each object once (several VNets share one hub). */
function layHubFacts(model, facts) {
    const w = (model.virtualWan ??= (0,_model_network__WEBPACK_IMPORTED_MODULE_0__/* .emptyVirtualWan */ .lG)());
    add(w.hubs, facts.wan.hubs);
    add(w.connections, facts.wan.connections);
    add(w.routingIntents, facts.wan.routingIntents);
    add(w.routeTables, facts.wan.routeTables);
    add(w.gateways, facts.wan.gateways);
    layForeignObjects(model, facts.foreign);
}


/***/ }),

/***/ 2168:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ap: () => (/* binding */ vpnGateways),
/* harmony export */   FT: () => (/* binding */ undeclaredGateways),
/* harmony export */   Qr: () => (/* binding */ siteFactsFor),
/* harmony export */   Vc: () => (/* binding */ settleGatewayNotices),
/* harmony export */   X2: () => (/* binding */ laySites),
/* harmony export */   nJ: () => (/* binding */ siteFacts)
/* harmony export */ });
/* harmony import */ var _azure_identity__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1592);

const GATEWAY = 'microsoft.network/virtualnetworkgateways';
/** The gateway a connection reads, by identity, where it says name and resource group. */
function identityOf(d) {
    if (d.armType.toLowerCase() !== GATEWAY || d.names.length !== 1 || !d.resourceGroup)
        return undefined;
    return {
        name: d.names[0],
        resourceGroup: d.resourceGroup,
        ...(d.subscription ? { subscription: d.subscription.toLowerCase() } : {}),
    };
}
/** Is `g` the VPN gateway `id` names (./azure-identity.ts)? */
function isGateway(g, id) {
    if (g.kind !== 'vpn' || !g.name.known)
        return false;
    return (0,_azure_identity__WEBPACK_IMPORTED_MODULE_0__/* .sameResource */ .nK)({ name: g.name.value, resourceGroup: g.resourceGroup, subscription: g.subscription }, id);
}
/** The sites a unit declares whose connections name a VPN gateway it does not declare. */
function siteFacts(model, unit) {
    const out = [];
    for (const l of model.bgp?.localNetworkGateways ?? []) {
        for (const d of l.gatewaysRead ?? []) {
            const gateway = identityOf(d);
            if (!gateway)
                continue;
            const { gatewayIds: _linked, gatewaysRead: _read, ...site } = l;
            out.push({ unit: unit.name, from: unit.from, gateway, site: { ...site, id: `${unit.name}#${l.id}` } });
        }
    }
    return out;
}
/** The VPN gateways a model holds with a known name and resource group (its own, or laid from another unit). */
function vpnGateways(model) {
    return (model.bgp?.gateways ?? []).flatMap((g) => g.kind === 'vpn' && g.name.known && g.resourceGroup !== undefined
        ? [
            {
                name: g.name.value,
                resourceGroup: g.resourceGroup,
                ...(g.subscription ? { subscription: g.subscription.toLowerCase() } : {}),
            },
        ]
        : []);
}
/** The sites of other units linked to any of these gateways. */
function siteFactsFor(gateways, from, all) {
    return all.filter((s) => s.from !== from && gateways.some((g) => (0,_azure_identity__WEBPACK_IMPORTED_MODULE_0__/* .sameResource */ .nK)(g, s.gateway)));
}
/** The VPN gateways a unit's connections read that it does not declare: its KMS011 notices name them. */
function undeclaredGateways(model) {
    const out = new Map();
    for (const d of model.diagnostics) {
        const g = d.undeclared && identityOf(d.undeclared);
        if (g)
            out.set(JSON.stringify(g).toLowerCase(), g);
    }
    return [...out.values()];
}
/** Drops the notices naming as undeclared a VPN gateway another unit of the scan declares (`declared`). */
function settleGatewayNotices(model, declared) {
    if (declared.length === 0)
        return;
    model.diagnostics = model.diagnostics.filter((d) => {
        const g = d.undeclared && identityOf(d.undeclared);
        return !g || !declared.some((x) => (0,_azure_identity__WEBPACK_IMPORTED_MODULE_0__/* .sameResource */ .nK)(x, g));
    });
}
/** Lays other units' sites into a model, linked to its VPN gateways of the identity their connections name. */
function laySites(model, facts) {
    const bgp = model.bgp;
    if (!bgp || facts.length === 0)
        return;
    for (const f of facts) {
        const gatewayIds = bgp.gateways.filter((g) => isGateway(g, f.gateway)).map((g) => g.id);
        if (gatewayIds.length === 0)
            continue;
        const laid = bgp.localNetworkGateways.find((l) => l.id === f.site.id);
        if (laid)
            laid.gatewayIds = [...new Set([...(laid.gatewayIds ?? []), ...gatewayIds])];
        else
            bgp.localNetworkGateways.push({ ...f.site, gatewayIds });
    }
}


/***/ }),

/***/ 5114:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NR: () => (/* binding */ layForeignVnets),
/* harmony export */   P_: () => (/* binding */ connectionFactsFor),
/* harmony export */   YQ: () => (/* binding */ provideHubs),
/* harmony export */   c2: () => (/* binding */ withReadGateways),
/* harmony export */   ji: () => (/* binding */ layReadVnetGateways),
/* harmony export */   rQ: () => (/* binding */ unitVnets),
/* harmony export */   wJ: () => (/* binding */ layMaybeConnections),
/* harmony export */   xh: () => (/* binding */ factsFor),
/* harmony export */   xz: () => (/* binding */ gatewayFactsFor),
/* harmony export */   z9: () => (/* binding */ layHubConnections)
/* harmony export */ });
/* harmony import */ var _model_network__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2607);
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2904);
/* harmony import */ var _model_vnet__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3580);
/* harmony import */ var _cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5346);
/* harmony import */ var _cross_unit_attachments__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(318);
/* harmony import */ var _cross_unit_firewalls__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1561);
/* harmony import */ var _cross_unit_sites__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2168);







/** The key of a VNet a data source or `existing` resource reads (`deployed`), in ARM-id form. */
function deployedKey(v) {
    const d = v.known ? undefined : v.deployed;
    if (!d || d.armType !== 'microsoft.network/virtualnetworks' || d.names.length !== 1 || !d.resourceGroup)
        return undefined;
    const key = (0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .vnetKeyOfName */ .Ll)(d.names[0], d.resourceGroup);
    return {
        key: d.subscription ? `/subscriptions/${d.subscription.toLowerCase()}${key}` : key,
        name: d.names[0],
    };
}
/** The VNets the model declares: model id \u2192 ARM-id key (undefined: resource group not known) and name. */
function declaredKeys(model) {
    const out = new Map();
    for (const v of model.vnets ?? []) {
        const name = v.name.known ? v.name.value : undefined;
        const rg = v.resourceGroup?.known ? v.resourceGroup.value : undefined;
        const key = name !== undefined && rg !== undefined
            ? `${v.subscription ? `/subscriptions/${v.subscription.toLowerCase()}` : ''}${(0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .vnetKeyOfName */ .Ll)(name, rg)}`
            : undefined;
        out.set(v.id, { ...(key ? { key } : {}), ...(name !== undefined ? { name } : {}) });
    }
    return out;
}
/** A VNet key as other units can match it: ARM-id form where the unit knows the VNet's identity. */
function portable(v, declared) {
    if (v.known) {
        if ((0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .vnetKeyOfArmId */ .TF)(v.value) !== undefined)
            return v;
        const d = declared.get(v.value);
        return d?.key
            ? (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(d.key, v.origin)
            : {
                known: false,
                expression: v.value,
                reason: 'its resource group is not known',
                ...(v.origin ? { origin: v.origin } : {}),
            };
    }
    const d = deployedKey(v);
    return d ? (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(d.key, v.origin) : v;
}
/** Whether the model holds a gateway surely in the VNet `key`. */
const hasGateway = (model, key) => (model.bgp?.gateways ?? []).some((g) => (0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .sameVnet */ .yH)(g.vnetId, key) === true);
/**
 * What a judged unit tells the others (its declared VNets with their gateway facts) and needs of them (the
 * VNets its undecided subnets rest on that it does not declare: their own VNet, or the remote VNet of a
 * peering with use_remote_gateways whose gateway is not in it). `undecided`: addresses of its undecided subnets.
 */
function unitVnets(model, undecided, unit) {
    const declared = declaredKeys(model);
    const bgp = model.bgp ?? (0,_model_network__WEBPACK_IMPORTED_MODULE_5__/* .emptyGatewayModel */ .Z_)();
    const prefix = (id) => `${unit.from}#${id}`;
    const facts = [];
    let unnamed = model.firewalls.some((fw) => !fw.name.known);
    for (const v of model.vnets ?? []) {
        const d = declared.get(v.id);
        if (d.name === undefined) {
            unnamed = true;
            continue;
        }
        const mine = (k) => k.known && k.value === v.id;
        const keyOf = (k) => (d.key ? (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(d.key, k.origin) : k);
        const gateways = bgp.gateways
            .filter((g) => mine(g.vnetId))
            .map((g) => ({ ...g, id: prefix(g.id), vnetId: keyOf(g.vnetId), unit: unit.name }));
        const peerings = bgp.peerings
            .filter((p) => mine(p.vnetId))
            .map((p) => {
            const remote = deployedKey(p.remoteVnetId);
            return {
                ...p,
                id: prefix(p.id),
                vnetId: keyOf(p.vnetId),
                remoteVnetId: portable(p.remoteVnetId, declared),
                ...(!p.remoteVnetName.known && remote
                    ? { remoteVnetName: (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(remote.name, p.remoteVnetName.origin) }
                    : {}),
                unit: unit.name,
            };
        });
        const sites = gateways.some((g) => g.kind === 'vpn')
            ? bgp.localNetworkGateways.map((l) => ({
                ...l,
                id: prefix(l.id),
                ...(l.gatewayIds ? { gatewayIds: l.gatewayIds.map(prefix) } : {}),
            }))
            : [];
        const hub = model.virtualWan?.connections.find((c) => mine(c.vnetId));
        facts.push({
            unit: unit.name,
            from: unit.from,
            order: unit.order,
            name: d.name,
            ...(d.key ? { key: d.key } : {}),
            address: v.address,
            origin: v.origin,
            gateways,
            peerings,
            sites,
            ...(hub && d.key ? { hub: true } : {}),
        });
    }
    const needs = new Map();
    const need = (name, key) => {
        if (name === undefined)
            return;
        const k = key?.known ? key.value.toLowerCase() : undefined;
        needs.set(`${name.toLowerCase()}\u0000${k ?? ''}`, { name, ...(k ? { key: k } : {}) });
    };
    for (const s of model.subnets) {
        if (!undecided.has(s.address) || s.format === 'live' || !s.vnetId)
            continue;
        const name = s.vnetName?.known ? s.vnetName.value : undefined;
        if (!s.vnetId.known || !declared.has(s.vnetId.value)) {
            need(name, s.vnetId);
            continue;
        }
        // A declared VNet using a hub's gateway the unit does not declare: the hub's unit may.
        for (const p of bgp.peerings) {
            if ((0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .sameVnet */ .yH)(p.vnetId, s.vnetId) !== true)
                continue;
            if (p.useRemoteGateways.known && !p.useRemoteGateways.value)
                continue;
            const remote = portable(p.remoteVnetId, declared);
            if (remote.known && hasGateway(model, p.remoteVnetId))
                continue;
            const remoteName = p.remoteVnetName.known ? p.remoteVnetName.value : deployedKey(p.remoteVnetId)?.name;
            need(remoteName, remote);
        }
    }
    const firewalls = (0,_cross_unit_firewalls__WEBPACK_IMPORTED_MODULE_2__/* .firewallFacts */ .wZ)(model, unit);
    const firewallsNeeded = (0,_cross_unit_firewalls__WEBPACK_IMPORTED_MODULE_2__/* .firewallNeeds */ .cC)(model);
    const sites = (0,_cross_unit_sites__WEBPACK_IMPORTED_MODULE_6__/* .siteFacts */ .nJ)(model, unit);
    const gateways = (0,_cross_unit_sites__WEBPACK_IMPORTED_MODULE_6__/* .vpnGateways */ .Ap)(model);
    const undeclared = (0,_cross_unit_sites__WEBPACK_IMPORTED_MODULE_6__/* .undeclaredGateways */ .FT)(model);
    const connections = (model.virtualWan?.connections ?? []).flatMap((c) => {
        if (c.vnetId.known && declared.has(c.vnetId.value))
            return [];
        const { key, name } = readVnet(c, declared);
        if (name === undefined)
            return [];
        const connection = { ...c, id: `${unit.name}#${c.id}` };
        return [
            { unit: unit.name, from: unit.from, order: unit.order, name, ...(key ? { key } : {}), connection },
        ];
    });
    const attached = (0,_cross_unit_attachments__WEBPACK_IMPORTED_MODULE_1__/* .attachFacts */ .Nl)(model, unit);
    const readVnetGateways = bgp.gateways.flatMap((g) => {
        if (g.vnetId.known && declared.has(g.vnetId.value))
            return [];
        const { key, name } = readVnet(g, declared);
        if (name === undefined || key === undefined)
            return [];
        const gateway = { ...g, id: prefix(g.id), unit: unit.name };
        const sites = bgp.localNetworkGateways
            .filter((l) => !l.gatewayIds || l.gatewayIds.includes(g.id))
            .map((l) => ({ ...l, id: prefix(l.id), gatewayIds: [gateway.id] }));
        return [{ unit: unit.name, from: unit.from, order: unit.order, name, key, gateway, sites }];
    });
    const parts = [
        attached,
        readVnetGateways,
        facts,
        [...needs.values()],
        firewalls,
        firewallsNeeded,
        sites,
        gateways,
        undeclared,
        connections,
    ];
    if (parts.every((p) => p.length === 0) && !unnamed)
        return undefined;
    return {
        declared: facts,
        needs: [...needs.values()],
        ...(firewalls.length > 0 ? { firewalls } : {}),
        ...(firewallsNeeded.length > 0 ? { firewallNeeds: firewallsNeeded } : {}),
        ...(sites.length > 0 ? { sites } : {}),
        ...(gateways.length > 0 ? { vpnGateways: gateways } : {}),
        ...(undeclared.length > 0 ? { undeclaredGateways: undeclared } : {}),
        ...(connections.length > 0 ? { connections } : {}),
        ...(attached.length > 0 ? { attachments: attached } : {}),
        ...(readVnetGateways.length > 0 ? { readVnetGateways } : {}),
        ...(unnamed ? { unnamed: true } : {}),
    };
}
/**
 * The VNet a hub connection or a gateway is in when the unit does not declare it: its key (ARM-id form) and
 * name, from the name it writes, the data source or `existing` resource it reads, or the key's last segment.
 */
function readVnet(o, declared) {
    const key = connectedKey(o.vnetId, declared);
    const read = o.vnetId.known ? undefined : o.vnetId.deployed;
    const name = o.vnetName.known
        ? o.vnetName.value
        : read?.names.length === 1
            ? read.names[0]
            : key?.split('/').at(-1);
    return { ...(key !== undefined ? { key } : {}), ...(name !== undefined ? { name } : {}) };
}
/** The key (ARM-id form) of the VNet a hub connection names: declared, read (`deployed`), or by ARM id. */
function connectedKey(v, declared) {
    if (!v.known)
        return deployedKey(v)?.key;
    return declared.get(v.value)?.key ?? (0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .vnetKeyOfArmId */ .TF)(v.value);
}
/**
 * The declaring unit's side of the second pass: for each asked VNet key (VnetFact.key of a fact with
 * `hub`), what decides its hub's routes, ids prefixed by the unit (`unit`: its name, as in the facts).
 */
function provideHubs(model, keys, unit) {
    const out = new Map();
    const declared = declaredKeys(model);
    // Connections to VNets the unit declares, and to VNets it only reads (ConnectionFact).
    for (const c of model.virtualWan?.connections ?? []) {
        const key = connectedKey(c.vnetId, declared);
        if (key === undefined || out.has(key) || !keys.includes(key))
            continue;
        out.set(key, (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .hubFacts */ .Dg)(model, c, key, `${unit}#`));
    }
    return out;
}
/** Does a connection fact surely name a VNet of this key? */
const surely = (c, key) => key !== undefined && c.key !== undefined && (0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .sameVnet */ .yH)((0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(key), (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(c.key)) === true;
/** Could it name it (same name, a resource group not known on one side)? */
const maybe = (c, name, key) => name !== undefined &&
    name.toLowerCase() === c.name.toLowerCase() &&
    (key === undefined || c.key === undefined || (0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .sameVnet */ .yH)((0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(key), (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(c.key)) === 'unknown');
/** The connections of other units to VNets `declared` (a unit's VnetFacts) surely or maybe names. */
function connectionFactsFor(declared, from, all) {
    return all.filter((c) => c.from !== from && declared.some((f) => surely(c, f.key) || maybe(c, f.name, f.key)));
}
/**
 * Connections of other units that may be to a VNet this unit declares, but not surely (a resource group not
 * known on one side): laid as connections to a hub that is not known, so ./vwan.ts makes the VNet's subnets
 * undecided, naming the connection and what would resolve it, never "reachable" past a hub that may take
 * their Internet traffic.
 */
function layMaybeConnections(model, facts) {
    const declared = [...declaredKeys(model)];
    for (const c of facts) {
        if (declared.some(([, d]) => surely(c, d.key)))
            continue;
        for (const [id, d] of declared) {
            if (!maybe(c, d.name, d.key))
                continue;
            const w = (model.virtualWan ??= (0,_model_network__WEBPACK_IMPORTED_MODULE_5__/* .emptyVirtualWan */ .lG)());
            w.connections.push({
                ...c.connection,
                id: `${c.connection.id}@${id}`,
                vnetId: (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(id, c.connection.vnetId.origin),
                hubId: (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .unknown */ .L5)(c.connection.address, `${c.connection.address} in ${c.unit} may connect this VNet to a virtual hub (same name; its resource group is not known on one side: state it in both units)`, c.connection.origin),
            });
        }
    }
}
/**
 * Lays the hub facts of other units' connections to VNets this unit declares (ConnectionFact): each
 * connection is to the unit's own VNet of that key, so its subnets meet it (./vwan.ts). A connection to a
 * VNet the unit only reads (given by another unit's facts) keeps the VNet's key, which its subnets in that
 * VNet name (as layForeignVnets lays a declaring unit's own hub connection).
 */
function layHubConnections(model, hubs) {
    if (hubs.length === 0)
        return;
    const declared = [...declaredKeys(model)];
    for (const h of hubs) {
        const c = h.wan.connections[0];
        if (!c)
            continue;
        const vnet = declared.find(([, d]) => d.key !== undefined && (0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .sameVnet */ .yH)((0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(d.key), c.vnetId) === true);
        if (!vnet) {
            // Not one the unit declares by that name either (that may be it: layMaybeConnections names it).
            const name = c.vnetId.known ? c.vnetId.value.split('/').at(-1)?.toLowerCase() : undefined;
            if (name !== undefined && !declared.some(([, d]) => d.name?.toLowerCase() === name))
                (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .layHubFacts */ .r4)(model, h);
            continue;
        }
        (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .layHubFacts */ .r4)(model, {
            ...h,
            wan: { ...h.wan, connections: [{ ...c, vnetId: (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(vnet[0], c.vnetId.origin) }] },
        });
    }
}
/** Whether a fact may be the VNet a need names: 'sure' (same key), 'maybe' (same name, a resource group not known). */
function matches(need, fact) {
    if (need.name.toLowerCase() !== fact.name.toLowerCase())
        return undefined;
    if (need.key === undefined || fact.key === undefined)
        return 'maybe';
    const same = (0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .sameVnet */ .yH)((0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(need.key), (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(fact.key));
    return same === true ? 'sure' : same === 'unknown' ? 'maybe' : undefined;
}
/**
 * The facts of other units a unit needs (none: judging it again would change nothing): those of every
 * VNet its needs may be, and, through their peerings with use_remote_gateways, of the VNets whose gateways
 * those use.
 */
function factsFor(needs, from, all) {
    const others = all.filter((f) => f.from !== from);
    const out = new Set();
    const queue = [...needs];
    const asked = new Set();
    for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
        const id = `${n.name.toLowerCase()}\u0000${n.key ?? ''}`;
        if (asked.has(id))
            continue;
        asked.add(id);
        for (const f of others) {
            const m = matches(n, f);
            if (!m || out.has(f))
                continue;
            out.add(f);
            if (m !== 'sure')
                continue;
            for (const p of f.peerings) {
                if (p.useRemoteGateways.known && !p.useRemoteGateways.value)
                    continue;
                if (p.remoteVnetName.known)
                    queue.push({
                        name: p.remoteVnetName.value,
                        ...(p.remoteVnetId.known ? { key: p.remoteVnetId.value } : {}),
                    });
            }
        }
    }
    return [...out];
}
/**
 * Lays the facts of other units into a unit's model before it is judged again: every VNet they declare is
 * listed (GatewayModel.elsewhere: bgp.ts matches it by key, and names same-named candidates it cannot tell
 * apart); those with a known key and no same-named rival whose resource group is unknown bring their
 * gateways, peerings and sites; the unit's own peerings to a VNet it reads by name get that VNet's key, so
 * they meet its gateways.
 */
function layForeignVnets(model, facts, 
/** The hub facts its declaring unit handed over for a fact with `hub` (provideHubs). */
hubOf = () => undefined) {
    if (facts.length === 0)
        return;
    const bgp = (model.bgp ??= (0,_model_network__WEBPACK_IMPORTED_MODULE_5__/* .emptyGatewayModel */ .Z_)());
    const elsewhere = (bgp.elsewhere ??= []);
    const unsureName = new Set(facts.filter((f) => f.key === undefined).map((f) => f.name.toLowerCase()));
    const sure = [];
    for (const f of facts) {
        elsewhere.push({
            name: f.name,
            ...(f.key ? { key: f.key } : {}),
            unit: f.unit,
            address: f.address,
        });
        if (f.key !== undefined && !unsureName.has(f.name.toLowerCase()))
            sure.push(f);
    }
    const seen = new Set([...bgp.gateways, ...bgp.localNetworkGateways, ...bgp.peerings].map((o) => o.id));
    const add = (into, xs) => {
        for (const x of xs)
            if (!seen.has(x.id)) {
                into.push(x);
                seen.add(x.id);
            }
    };
    for (const f of sure) {
        add(bgp.gateways, f.gateways);
        add(bgp.peerings, f.peerings);
        add(bgp.localNetworkGateways, f.sites);
        const hub = f.hub && hubOf(f);
        if (hub)
            (0,_cross_unit_hubs__WEBPACK_IMPORTED_MODULE_0__/* .layHubFacts */ .r4)(model, hub);
    }
    for (const p of bgp.peerings) {
        if (p.unit !== undefined || p.remoteVnetId.known)
            continue;
        const d = deployedKey(p.remoteVnetId);
        if (d && sure.some((f) => (0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .sameVnet */ .yH)((0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(d.key), (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(f.key)) === true))
            p.remoteVnetId = (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(d.key, p.remoteVnetId.origin);
    }
}
/** Other units' gateways in VNets this unit declares (surely the same VNet: its key). */
function gatewayFactsFor(declared, from, all) {
    return all.filter((g) => g.from !== from &&
        declared.some((f) => f.key !== undefined && (0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .sameVnet */ .yH)((0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(f.key), (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(g.key)) === true));
}
/**
 * A VNet's facts with the gateways (and their sites) other units build in it (GatewayFact): a spoke given the
 * hub's facts through its peering meets the gateway the connectivity unit builds in the hub the network unit
 * declares, as if declared with it (else it reads the gateway as not in the scanned sources). Surely the same
 * VNet only (its key).
 */
function withReadGateways(fact, all) {
    const key = fact.key;
    if (key === undefined)
        return fact;
    const built = all.filter((g) => g.from !== fact.from && (0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .sameVnet */ .yH)((0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(key), (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(g.key)) === true);
    if (built.length === 0)
        return fact;
    const gateways = [...fact.gateways];
    const sites = [...fact.sites];
    for (const g of built) {
        if (gateways.some((x) => x.id === g.gateway.id))
            continue;
        gateways.push({ ...g.gateway, vnetId: (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(key, g.gateway.vnetId.origin) });
        for (const l of g.sites)
            if (!sites.some((x) => x.id === l.id))
                sites.push(l);
    }
    return { ...fact, gateways, sites };
}
/** Lays other units' gateways (with their sites) into the VNets of this unit they are in. */
function layReadVnetGateways(model, facts) {
    if (facts.length === 0)
        return;
    const declared = [...declaredKeys(model)];
    const bgp = (model.bgp ??= (0,_model_network__WEBPACK_IMPORTED_MODULE_5__/* .emptyGatewayModel */ .Z_)());
    for (const f of facts) {
        const vnet = declared.find(([, d]) => d.key !== undefined && (0,_model_vnet__WEBPACK_IMPORTED_MODULE_3__/* .sameVnet */ .yH)((0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(d.key), (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(f.key)) === true);
        if (!vnet || bgp.gateways.some((g) => g.id === f.gateway.id))
            continue;
        bgp.gateways.push({ ...f.gateway, vnetId: (0,_model_value__WEBPACK_IMPORTED_MODULE_4__/* .known */ .eO)(vnet[0], f.gateway.vnetId.origin) });
        for (const s of f.sites)
            if (!bgp.localNetworkGateways.some((l) => l.id === s.id))
                bgp.localNetworkGateways.push(s);
    }
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

/***/ 280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EXIT_CLEAN: () => (/* reexport */ EXIT_CLEAN),
  EXIT_ERROR: () => (/* reexport */ EXIT_ERROR),
  EXIT_FINDINGS: () => (/* reexport */ EXIT_FINDINGS),
  EXIT_UNREADABLE: () => (/* reexport */ EXIT_UNREADABLE),
  USAGE: () => (/* binding */ USAGE),
  main: () => (/* binding */ main),
  runProgram: () => (/* binding */ runProgram)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/kms/catalogue.ts
var catalogue = __webpack_require__(5140);
;// CONCATENATED MODULE: ./src/pipeline/options.ts
/** Option parsing shared by the action's inputs and the CLI's flags, so both accept the same spellings. */

/** Case-insensitive, so `azurecloud` works; returns the canonical spelling, or undefined when unknown. */
function parseCloud(value) {
    const v = value.trim().toLowerCase();
    if (v === 'auto')
        return 'auto';
    return catalogue/* CLOUDS */.JJ.find((c) => c.toLowerCase() === v);
}
/** A list input: one per line (a YAML block) or comma separated. */
function splitList(value) {
    return value
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
/**
 * Module registry overrides: `URL` (for registry.terraform.io) or `HOST=URL`, e.g.
 * `registry.terraform.io=https://mirror.example.com`. Registry protocol requests for HOST then go to URL.
 */
function parseRegistries(values) {
    const out = new Map();
    for (const v of values) {
        const eq = v.indexOf('=');
        const host = eq > 0 && !v.slice(0, eq).includes('/') ? v.slice(0, eq).trim().toLowerCase() : 'registry.terraform.io';
        const url = (eq > 0 && !v.slice(0, eq).includes('/') ? v.slice(eq + 1) : v).trim();
        let parsed;
        try {
            parsed = new URL(url);
        }
        catch {
            throw new Error(`module registry '${v}' must be URL or HOST=URL`);
        }
        if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
            throw new Error(`module registry '${v}' must be an http(s) URL`);
        out.set(host, url);
    }
    return out;
}

// EXTERNAL MODULE: ./src/rules/index.ts + 19 modules
var src_rules = __webpack_require__(3619);
;// CONCATENATED MODULE: ./src/rules/types.ts
const types_SEVERITY_ORDER = { notice: 1, warning: 2, error: 3 };

;// CONCATENATED MODULE: ./src/report/exit.ts
/**
 * Severity arithmetic shared by every shell: counts, the fail-on decision and the order findings are
 * shown in (most severe first, so the runner's per-step annotation cap drops notices, not errors).
 */

const FAIL_ON_LEVELS = ['error', 'warning', 'notice', 'never'];
function parseFailOn(value) {
    const v = value.trim().toLowerCase();
    return FAIL_ON_LEVELS.includes(v) ? v : undefined;
}
function countFindings(findings) {
    const c = { errors: 0, warnings: 0, notices: 0, total: findings.length };
    for (const f of findings) {
        if (f.severity === 'error')
            c.errors++;
        else if (f.severity === 'warning')
            c.warnings++;
        else
            c.notices++;
    }
    return c;
}
/** True when any finding is at or above `failOn`; never with 'never'. */
function failsAt(findings, failOn) {
    if (failOn === 'never')
        return false;
    const threshold = types_SEVERITY_ORDER[failOn];
    return findings.some((f) => types_SEVERITY_ORDER[f.severity] >= threshold);
}
/** Findings at or above `failOn` (for the failure message). */
function countAtOrAbove(findings, failOn) {
    if (failOn === 'never')
        return 0;
    return findings.filter((f) => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[failOn]).length;
}
/** Most severe first, then by file, line and rule, so every report lists findings in the same order. */
function sortFindings(findings) {
    return [...findings].sort((a, b) => types_SEVERITY_ORDER[b.severity] - types_SEVERITY_ORDER[a.severity] ||
        cmp(a.location.file, b.location.file) ||
        a.location.startLine - b.location.startLine ||
        cmp(a.ruleId, b.ruleId) ||
        cmp(a.resource, b.resource));
}
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** `2 errors, 1 warning, 0 notices`. */
function describeCounts(c) {
    return `${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${plural(c.notices, 'notice')}`;
}
function plural(n, word, many = `${word}s`) {
    return `${n} ${n === 1 ? word : many}`;
}

// EXTERNAL MODULE: ./src/report/tool.ts + 1 modules
var tool = __webpack_require__(8934);
;// CONCATENATED MODULE: ./src/cli/closest.ts
/**
 * "Did you mean": the valid word nearest to a mistyped one (flag, rule id, format), by edit distance.
 * Small and hand-written: the lists are a few dozen words, and no dependency is worth it.
 */
function closest(word, candidates) {
    let best;
    let bestDistance = Infinity;
    const w = word.toLowerCase();
    for (const c of candidates) {
        const d = distance(w, c.toLowerCase());
        if (d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    // A suggestion further than half the word away is noise, not help.
    return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 2)) ? best : undefined;
}
/** Levenshtein distance (two rows). */
function distance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++)
            row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = row;
    }
    return prev[b.length];
}
/** `unknown X 'y'`, with the nearest valid spelling when there is one. */
function unknownWord(what, word, candidates) {
    const near = closest(word, candidates);
    return `unknown ${what} '${word}'${near ? ` (did you mean '${near}'?)` : ''}; valid: ${candidates.join(', ')}`;
}

;// CONCATENATED MODULE: ./src/report/escape.ts
/**
 * Escaping for every place a reporter puts text that came from a scanned file. Resource names, route
 * names, expressions and messages quoting them are attacker-controlled data in a pull request: they
 * must never become a workflow command, Markdown/HTML markup, a Mermaid directive or a terminal escape.
 */
/** Workflow command message data (GitHub's rules, the same as @actions/core's `escapeData`). */
function escapeCommandData(s) {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/**
 * Workflow command property values (`title=`, `file=`): data rules plus `:` and `,`, which delimit
 * properties.
 */
function escapeCommandProperty(s) {
    return escapeCommandData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/**
 * Makes text safe to print on a runner's stdout. The runner reads a line as a command when it starts
 * with `::` after leading whitespace (v2 commands) or holds `##[` anywhere (v1 commands, still parsed).
 * A zero-width space between the two characters breaks the keyword without changing what a reader
 * sees; .NET's TrimStart does not treat U+200B as whitespace, so it cannot be trimmed back.
 */
function neutraliseCommands(text) {
    return text
        .split(/(\r\n|\r|\n)/)
        .map((part) => part.replace(/^(\s*):(?=:)/, '$1:\u200b').replace(/##\[/g, '#\u200b#['))
        .join('');
}
/**
 * Strips C0/C1 control characters (ANSI escapes can rewrite a terminal or hide lines) except tab and
 * newline, which the text report lays out itself.
 */
function stripControl(s) {
    // eslint-disable-next-line no-control-regex
    return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}
/** One line of untrusted text for a terminal or log: controls removed, line breaks folded to spaces. */
function plainLine(s) {
    return stripControl(s.replace(/\r\n|\r|\n/g, ' '));
}
const MARKDOWN_ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    '|': '&#124;',
    '`': '&#96;',
    '[': '&#91;',
    ']': '&#93;',
    '(': '&#40;',
    ')': '&#41;',
    '*': '&#42;',
    _: '&#95;',
    '~': '&#126;',
    '\\': '&#92;',
    '#': '&#35;',
    '!': '&#33;',
    // An @mention in a summary is rendered as a profile link; data should not address people.
    '@': '&#64;',
    ':': '&#58;',
};
/**
 * Inline Markdown text (a table cell, a list item, a <summary>): every character that Markdown or HTML
 * could read as syntax becomes an HTML entity, so the text renders literally whatever it holds. Line
 * breaks become `<br>` (our markup, not the data's) because a raw newline would end a table row.
 * `:` is escaped so that `javascript:`-style autolinks and emoji shortcodes are not formed.
 */
function escapeMarkdown(s) {
    return stripControl(s)
        .replace(/[&<>"|`[\]()*_~\\#!@:]/g, (c) => MARKDOWN_ENTITIES[c])
        .replace(/\r\n|\r|\n/g, '<br>');
}
/**
 * A table cell: as {@link escapeMarkdown}, and never empty (an empty cell is fine, but a dash reads better).
 */
function escapeMarkdownCell(s) {
    const e = escapeMarkdown(s.trim());
    return e === '' ? '\u2014' : e;
}
/**
 * A fenced code block whose fence is longer than any backtick run in the content, the CommonMark way to
 * keep a code block closed whatever the content holds. The info string is ours (hcl, bicep, json).
 */
function markdownCodeBlock(code, language) {
    const runs = stripControl(code).match(/`+/g) ?? [];
    const longest = runs.reduce((n, r) => Math.max(n, r.length), 0);
    const fence = '`'.repeat(Math.max(3, longest + 1));
    const body = stripControl(code)
        .replace(/\r\n|\r/g, '\n')
        .replace(/\n+$/, '');
    return `${fence}${language.replace(/[^a-z0-9-]/gi, '')}\n${body}\n${fence}`;
}
const MERMAID_ENTITIES = {
    '#': '#35;',
    '"': '#quot;',
    '<': '#lt;',
    '>': '#gt;',
    '&': '#amp;',
    '[': '#91;',
    ']': '#93;',
    '(': '#40;',
    ')': '#41;',
    '{': '#123;',
    '}': '#125;',
    '|': '#124;',
    '`': '#96;',
    ';': '#59;',
    '%': '#37;',
};
/**
 * A Mermaid node or edge label, to be written inside double quotes: `["label"]`. Mermaid's own entity
 * syntax (`#quot;`) escapes the quote; `#` itself is escaped first so data cannot spell an entity.
 * Brackets, pipes and `%%` (a comment/directive) would otherwise end the label or start a directive;
 * `<`/`>` would be HTML in an htmlLabels diagram; backticks start Mermaid's Markdown strings.
 */
function escapeMermaidLabel(s) {
    return stripControl(s)
        .replace(/\r\n|\r|\n/g, ' ')
        .replace(/[#"<>&[\](){}|`;%]/g, (c) => MERMAID_ENTITIES[c]);
}

;// CONCATENATED MODULE: ./src/report/finding-paths.ts
/** Every distinct path of the finding, the first (`path`) first: one per affected subnet. */
function findingPaths(f) {
    const all = [...(f.path !== undefined ? [f.path] : []), ...(f.subnetPaths ?? []).map((s) => s.path)];
    return [...new Set(all)];
}
/** `Path: a \u2192 b`, `Paths: a \u2192 b; c \u2192 d`, or undefined for a finding without a traced path. */
function pathsLine(f, label = 'Path') {
    const paths = findingPaths(f);
    if (paths.length === 0)
        return undefined;
    return `${label}${paths.length > 1 ? 's' : ''}: ${paths.join('; ')}`;
}
/** The message and its paths as one text, for formats that have a single text field per finding. */
function messageWithPaths(f, message = f.message) {
    const paths = pathsLine(f);
    return paths ? `${message} ${paths}.` : message;
}

// EXTERNAL MODULE: ./src/report/paths.ts
var report_paths = __webpack_require__(4278);
;// CONCATENATED MODULE: ./src/report/azure-pipelines.ts




/** The agent's escaping (VssStringUtil): `%` first, then line breaks, and in properties `;` and `]`. */
function escapeData(s) {
    return breakCommands(stripControl(s)).replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return escapeData(s).replace(/;/g, '%3B').replace(/]/g, '%5D');
}
/** A zero-width space splits the markers the agent looks for anywhere in a line. */
function breakCommands(s) {
    return s.replace(/##vso\[/gi, '##\u200bvso[').replace(/##\[/g, '#\u200b#[');
}
const TYPE = {
    error: 'error',
    warning: 'warning',
    // Azure DevOps has no notice level: a notice is a warning there, and its text says it is a notice.
    notice: 'warning',
};
function formatAzurePipelines(result, cwd) {
    const lines = [];
    for (const f of sortFindings(result.findings)) {
        const props = [
            `type=${TYPE[f.severity]}`,
            `sourcepath=${escapeProperty((0,report_paths/* displayPath */.Gt)(f.location.file, cwd))}`,
            `linenumber=${f.location.startLine}`,
            `code=${escapeProperty(f.ruleId)}`,
        ];
        const level = f.severity === 'notice' ? ' (notice)' : '';
        lines.push(`##vso[task.logissue ${props.join(';')};]${escapeData(`${f.ruleId}${level}: ${f.title}. ${messageWithPaths(f)}`)}`);
    }
    lines.push(`azure-kms-guard: ${describeCounts(countFindings(result.findings))}; ${result.filesScanned} files scanned`);
    return lines.join('\n') + '\n';
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/compare/new-findings.ts
var new_findings = __webpack_require__(7832);
;// CONCATENATED MODULE: ./src/report/gitlab.ts
/**
 * GitLab Code Quality (`--format gitlab`, for `artifacts:reports:codequality`): a JSON array of issues
 * with a description, check name, fingerprint, severity and location. The fingerprint is the finding's
 * identity (see src/compare), so GitLab's merge request widget tells new from existing across runs.
 * https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
 */





const SEVERITY = {
    error: 'critical',
    warning: 'major',
    notice: 'info',
};
function toGitlabCodeQuality(result, cwd) {
    const seen = new Map();
    return sortFindings(result.findings).map((f) => {
        let fingerprint = (0,external_node_crypto_.createHash)('md5').update((0,new_findings/* findingKey */.fl)(f, result.root)).digest('hex');
        // Two findings with one identity (rare: the same rule on two lines of one resource) stay distinct.
        const n = seen.get(fingerprint) ?? 0;
        seen.set(fingerprint, n + 1);
        if (n > 0)
            fingerprint = (0,external_node_crypto_.createHash)('md5').update(`${fingerprint}:${n}`).digest('hex');
        return {
            description: `${f.ruleId}: ${f.title}. ${messageWithPaths(f)}`,
            check_name: f.ruleId,
            fingerprint,
            severity: SEVERITY[f.severity],
            location: {
                path: (0,report_paths/* displayPath */.Gt)(f.location.file, cwd),
                lines: { begin: f.location.startLine, end: f.location.endLine },
            },
        };
    });
}
function formatGitlab(result, cwd) {
    return JSON.stringify(toGitlabCodeQuality(result, cwd), null, 2) + '\n';
}

// EXTERNAL MODULE: ./src/report/fix/index.ts + 5 modules
var report_fix = __webpack_require__(5446);
;// CONCATENATED MODULE: ./src/report/json.ts




const JSON_SCHEMA_VERSION = 2;
/** Where the schema is published: the report names it in `$schema` so editors and validators find it. */
const JSON_SCHEMA_URL = 'https://raw.githubusercontent.com/azure-kms-guard/azure-kms-guard/main/schema/report.schema.json';
function jsonFinding(f, root) {
    const j = {
        ruleId: f.ruleId,
        severity: f.severity,
        file: (0,report_paths/* displayPath */.Gt)(f.location.file, root),
        startLine: f.location.startLine,
        endLine: f.location.endLine,
        message: f.message,
        resource: f.resource,
        kmsAddresses: [...f.kmsAddresses],
        title: f.title,
        cloud: f.cloud,
    };
    if (f.path !== undefined)
        j.path = f.path;
    const paths = findingPaths(f);
    if (paths.length > 1)
        j.paths = paths;
    if (f.subnets !== undefined)
        j.subnets = [...f.subnets];
    const fix = (0,report_fix/* fixText */.Xc)(f);
    if (fix !== undefined)
        j.fix = fix;
    if (f.format !== undefined)
        j.format = f.format;
    if (f.latent)
        j.latent = true;
    if (f.related?.length)
        j.related = f.related.map((o) => ({
            file: (0,report_paths/* displayPath */.Gt)(o.file, root),
            startLine: o.startLine,
            endLine: o.endLine,
        }));
    return j;
}
/** @param cwd the working directory (the action's workspace): `root` is given relative to it. */
function toJsonReport(result, cwd) {
    const clouds = result.clouds.length > 0 ? [...result.clouds] : ['AzureCloud'];
    const root = (0,report_paths/* scanDir */.D)(result.root);
    const v = result.verdict;
    return {
        $schema: JSON_SCHEMA_URL,
        schemaVersion: JSON_SCHEMA_VERSION,
        version: JSON_SCHEMA_VERSION,
        root: (0,report_paths/* displayPath */.Gt)(root, cwd),
        cloud: clouds[0],
        // Only when several were judged, so single-cloud reports keep their simple shape.
        ...(clouds.length > 1 ? { clouds } : {}),
        findings: sortFindings(result.findings).map((f) => jsonFinding(f, root)),
        suppressed: result.suppressed.map((s) => ({
            ...jsonFinding(s.finding, root),
            suppression: {
                kind: s.kind,
                reason: s.reason,
                file: (0,report_paths/* displayPath */.Gt)(s.origin.file, root),
                line: s.origin.startLine,
            },
        })),
        summary: {
            ...countFindings(result.findings),
            suppressed: result.suppressed.length,
            filesScanned: result.filesScanned,
            clouds: clouds.length === 1 ? clouds[0] : clouds,
        },
        // Field by field: the report carries what its schema documents, whatever the pipeline adds.
        verdict: {
            overall: v.overall,
            reachable: v.reachable,
            blocked: v.blocked,
            undecided: v.undecided,
            files: { read: v.files.read, skipped: v.files.skipped },
            unusedRouteTables: v.unusedRouteTables,
            subnets: v.subnets.map((s) => {
                const j = {
                    subnet: s.subnet,
                    address: s.address,
                    format: s.format,
                    cloud: s.cloud,
                    state: s.state,
                    path: s.path,
                    file: (0,report_paths/* displayPath */.Gt)(s.origin.file, root),
                    startLine: s.origin.startLine,
                };
                if (s.vnet !== undefined)
                    j.vnet = s.vnet;
                if (s.variant !== undefined)
                    j.variant = s.variant;
                if (s.hop !== undefined)
                    j.hop = s.hop;
                if (s.why !== undefined)
                    j.why = s.why;
                if (s.resolve !== undefined)
                    j.resolve = s.resolve;
                return j;
            }),
        },
    };
}
/** The report as the file/stdout text: two-space indented, newline-terminated. */
function formatJsonReport(result, cwd) {
    return JSON.stringify(toJsonReport(result, cwd), null, 2) + '\n';
}

;// CONCATENATED MODULE: ./src/report/junit.ts




function xml(s) {
    return (s
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
        .replace(/[\ud800-\udfff]/g, (c, i, all) => {
        const code = c.charCodeAt(0);
        // Keep well-formed surrogate pairs, drop lone halves (not allowed in XML).
        if (code <= 0xdbff)
            return /[\udc00-\udfff]/.test(all[i + 1] ?? '') ? c : '';
        return /[\ud800-\udbff]/.test(all[i - 1] ?? '') ? c : '';
    })
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;'));
}
function formatJunit(result, cwd, rules) {
    const findings = sortFindings(result.findings);
    const suites = [];
    let tests = 0;
    let failures = 0;
    let skipped = 0;
    for (const rule of rules) {
        const mine = findings.filter((f) => f.ruleId === rule.id);
        const cases = [];
        let suiteFailures = 0;
        let suiteSkipped = 0;
        for (const f of mine) {
            const where = `${(0,report_paths/* displayPath */.Gt)(f.location.file, cwd)}:${f.location.startLine}`;
            const name = xml(`${f.resource} (${where})`);
            const body = xml([f.message, pathsLine(f) ?? '', f.fix ? `Fix:\n${f.fix}` : ''].filter(Boolean).join('\n\n'));
            if (f.severity === 'notice') {
                suiteSkipped++;
                cases.push(`    <testcase classname="${rule.id}" name="${name}" file="${xml(where)}">\n      <skipped message="${xml(`notice: ${f.title}`)}">${body}</skipped>\n    </testcase>`);
            }
            else {
                suiteFailures++;
                cases.push(`    <testcase classname="${rule.id}" name="${name}" file="${xml(where)}">\n      <failure type="${f.severity}" message="${xml(`${f.ruleId}: ${f.title}`)}">${body}</failure>\n    </testcase>`);
            }
        }
        if (mine.length === 0)
            cases.push(`    <testcase classname="${rule.id}" name="${xml(`${rule.id}: ${rule.title}`)}"/>`);
        tests += cases.length;
        failures += suiteFailures;
        skipped += suiteSkipped;
        suites.push(`  <testsuite name="${xml(`${rule.id}: ${rule.title}`)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="${suiteSkipped}">\n${cases.join('\n')}\n  </testsuite>`);
    }
    return (`<?xml version="1.0" encoding="UTF-8"?>\n` +
        `<testsuites name="${tool/* TOOL_NAME */.lH}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">\n` +
        `${suites.join('\n')}\n</testsuites>\n`);
}

;// CONCATENATED MODULE: ./src/report/verdict.ts

const KMS = 'Windows activation (KMS, TCP 1688)';
/** e.g. "Windows activation (KMS, TCP 1688) is blocked for 1 of 3 subnets; could not be decided for 1". */
function verdictHeadline(v) {
    const total = v.subnets.length;
    const files = `${plural(v.files.read, 'file')} read, ${v.files.skipped} skipped`;
    switch (v.overall) {
        case 'none':
            return (`No Azure subnet found to judge (${files}${v.unusedRouteTables > 0 ? `; ${plural(v.unusedRouteTables, 'route table')} no subnet uses` : ''}): ` +
                `${KMS} was not checked for any VM`);
        case 'blocked':
            return (`${KMS} is blocked for ${v.blocked} of ${plural(total, 'subnet')}` +
                (v.undecided > 0 ? `; could not be decided for ${v.undecided}` : '') +
                (v.reachable > 0 ? `; reachable from ${v.reachable}` : ''));
        case 'undecided':
            return (`${KMS} could not be decided for ${v.undecided} of ${plural(total, 'subnet')}` +
                (v.reachable > 0 ? `; reachable from ${v.reachable}` : ''));
        case 'reachable':
            return total === 1
                ? `${KMS} is reachable from the 1 subnet judged`
                : `${KMS} is reachable from all ${total} subnets judged`;
    }
}
/** The subnet as a reader finds it: name, VNet, variant. */
function subnetLabel(s) {
    return `${s.subnet}${s.vnet ? ` (VNet ${s.vnet})` : ''}${s.variant ? ` [${s.variant}]` : ''}`;
}
/** "snet-app (VNet vnet-spoke): blocked at route 0.0.0.0/0 \u2192 ...", or undecided with why and the remedy. */
function subnetVerdictLine(s) {
    if (s.state === 'blocked')
        return `${subnetLabel(s)}: blocked at ${s.hop ?? s.path}`;
    if (s.state === 'reachable')
        return `${subnetLabel(s)}: reachable (${s.path})`;
    return `${subnetLabel(s)}: not decided at ${s.hop ?? s.path}: ${s.why ?? 'not followed'}; to decide: ${s.resolve ?? ''}`;
}
/** True when the verdict fails the run under fail-on-unknown: an undecided subnet, or nothing judged. */
function verdictFails(v, failOnUnknown) {
    return failOnUnknown && (v.overall === 'none' || v.undecided > 0);
}

// EXTERNAL MODULE: ./src/rules/fix-change.ts
var fix_change = __webpack_require__(5717);
;// CONCATENATED MODULE: ./src/report/fix/short.ts
/**
 * The fix in a few words, for the one line a finding gets on the first screen (`add 2 /32 routes to
 * Internet in rt-spoke`). The full fix text, in the source's format, is in the details (index.ts).
 */




/** An object's Azure name, when the source states it. */
const named = (o) => (o.name.known ? o.name.value : undefined);
/**
 * @param group true when the words must hold for every finding of a group (no object names), e.g.
 *   `add 2 /32 routes to Internet in each route table`.
 */
function shortFix(f, { group }) {
    const c = f.fix;
    if (!c)
        return ruleFix(f.ruleId);
    const where = (o, noun, each) => {
        const n = named(o);
        return group ? each : n ? `${noun} ${n}` : `the ${noun}`;
    };
    switch (c.kind) {
        case 'add-routes':
            return `add ${plural(c.addresses.length, '/32 route')} to Internet in ${where(c.table, 'route table', 'each route table')}`;
        case 'allow-kms-firewall':
            return `allow TCP ${catalogue/* KMS_PORT */.GO} to ${plural(c.addresses.length, 'KMS address', 'KMS addresses')} on ${where(c.policy ?? c.firewall, c.policy ? 'policy' : 'firewall', 'each firewall')}`;
        case 'allow-kms-nsg':
            return `allow TCP ${catalogue/* KMS_PORT */.GO} to KMS before ${where(c.deny, 'rule', 'the deny rule')}`;
        case 'add-outbound':
            return `give ${where(c.subnet, 'subnet', 'each subnet')} a NAT gateway or outbound access`;
        case 'enable-dns-proxy':
            return `enable DNS proxy on ${where(c.target, (0,fix_change/* isPolicy */.p)(c.target) ? 'policy' : 'firewall', 'the firewall policy')}`;
        case 'set-destinations':
            return `name ${plural(c.addresses.length, 'KMS address', 'KMS addresses')} in ${where(c.rule, 'rule', 'each rule')}`;
    }
}
/** The rule's general fix, up to its first sentence break, lower-cased for the line. */
function ruleFix(id) {
    const text = src_rules/* allRules */.V7.find((r) => r.id === id)?.fix ?? 'see the details';
    const first = text.split(/(?<=\.)\s|,\s+or\s|\s\(/)[0].replace(/\.$/, '');
    return first.charAt(0).toLowerCase() + first.slice(1);
}

// EXTERNAL MODULE: ./src/rules/identity.ts
var identity = __webpack_require__(9389);
;// CONCATENATED MODULE: ./src/report/model.ts







const model_KMS = 'Windows activation (KMS, TCP 1688)';
function buildReport(input) {
    const failing = sortFindings(input.failing ?? input.result.findings);
    const failingSet = new Set(failing);
    const failOnUnknown = input.failOnUnknown === true;
    const scanVerdict = input.result.verdict;
    const fails = failsAt(failing, input.failOn) || verdictFails(scanVerdict, failOnUnknown);
    const counts = {
        failing: countFindings(failing),
        all: countFindings(input.result.findings),
        notFailing: countFindings(input.result.findings.filter((f) => !failingSet.has(f))),
        existing: input.existing?.length ?? 0,
        fixed: input.fixed?.length ?? 0,
        suppressed: input.result.suppressed.length,
        blockedSubnets: new Set(failing.filter((f) => f.severity === 'error').flatMap(subnetIdentitiesOf)).size,
    };
    const worst = failing[0]?.severity;
    return {
        event: input.event,
        failOn: input.failOn,
        fails,
        ...(worst ? { worst } : {}),
        verdict: verdictSentence(input.event, counts, scanVerdict, fails, input.failOn),
        counts,
        lines: groupFindings(failing, input),
        existing: groupFindings(sortFindings(input.existing ?? []), input),
        fixed: groupFindings(sortFindings(input.fixed ?? []), input),
        ...(input.subnetChanges ? { subnetChanges: input.subnetChanges } : {}),
        suppressed: [...input.result.suppressed],
        paths: pathGroups(failing),
        undecided: scanVerdict.subnets.filter((s) => s.state === 'undecided'),
        scan: scanVerdict,
        failOnUnknown,
        clouds: input.result.clouds.length > 0 ? [...input.result.clouds] : ['AzureCloud'],
        filesScanned: input.result.filesScanned,
        root: input.root,
    };
}
/**
 * The verdict, true to the event: a pull request is judged as a change, anything else as written. The
 * findings say what blocks; the scan's verdict says what could not be followed or that nothing was judged,
 * so a scan that found no subnet, or could not follow some, never reads as a clean pass.
 */
function verdictSentence(event, c, v, fails, failOn) {
    const subject = event === 'pull-request' ? 'This pull request' : 'The network as written';
    const check = fails ? `the check fails (fail-on: ${failOn})` : `the check passes (fail-on: ${failOn})`;
    const { errors, warnings, notices } = c.failing;
    if (errors === 0 && v.overall === 'none')
        return `${verdictHeadline(v)}; ${check}.`;
    if (errors === 0 && v.undecided > 0)
        return (`${subject} does not block ${model_KMS} where the scan could follow it, but it could not be decided for ` +
            `${v.undecided} of ${plural(v.subnets.length, 'subnet')}` +
            `${warnings > 0 ? `, and ${plural(warnings, 'warning')} need a look` : ''}; ${check}.`);
    if (errors > 0) {
        const whom = c.blockedSubnets > 0 ? plural(c.blockedSubnets, 'subnet') : plural(errors, 'error');
        const rest = [
            warnings > 0 ? plural(warnings, 'warning') : '',
            notices > 0 ? plural(notices, 'notice') : '',
        ]
            .filter((s) => s !== '')
            .join(' and ');
        return `${subject} blocks ${model_KMS} for ${whom}${rest ? `, with ${rest}` : ''}; ${check}.`;
    }
    if (warnings > 0)
        return (`${subject} does not block ${model_KMS}, but ${plural(warnings, 'warning')} ` +
            `${notices > 0 ? `and ${plural(notices, 'notice')} ` : ''}need a look; ${check}.`);
    if (notices > 0)
        return (`${subject} does not block ${model_KMS} where the scan could follow it; ${plural(notices, 'notice')} ` +
            `${notices === 1 ? 'names what it' : 'name what it'} could not decide; ${check}.`);
    const judged = v.subnets.length;
    const reach = v.overall === 'reachable' && judged > 0
        ? `; it reaches Azure KMS from ${judged === 1 ? 'the 1 subnet' : `all ${judged} subnets`} judged`
        : '';
    return event === 'pull-request'
        ? `This pull request adds nothing that blocks ${model_KMS}${reach}.`
        : `Nothing in the network as written blocks ${model_KMS}${reach}.`;
}
/** The finding's subnets by Azure name, each once. */
/** The subnets a finding harms, by Azure identity where known: same-named subnets of two VNets are two. */
function subnetIdentitiesOf(f) {
    if (f.affected && f.affected.length > 0)
        return [...new Set(f.affected.map(identity/* refKey */.XF))];
    return subnetsOf(f);
}
function subnetsOf(f) {
    if (f.subnets && f.subnets.length > 0)
        return [...new Set(f.subnets)];
    return [...new Set((f.subnetPaths ?? []).map((p) => p.subnet))];
}
/** The hops after the subnet (the first hop), of the finding's first path with hops. */
function hopsAfterSubnet(p) {
    if (!p?.hops)
        return undefined;
    return p.hops[0]?.kind === 'subnet' ? p.hops.slice(1) : p.hops;
}
/** The shape of a path: its hops without names, so spokes with their own route tables share it. */
function shapeKey(hops) {
    return hops.map((h) => `${h.kind}:${h.detail ?? ''}`).join('|');
}
const NEXT_HOP = {
    VirtualNetworkGateway: 'VPN/ExpressRoute gateway',
    VnetLocal: 'virtual network (no way out)',
    VirtualAppliance: 'virtual appliance',
    None: 'None (dropped)',
    Internet: 'Internet',
    unknown: 'next hop not known',
};
const OUTCOME = {
    internet: 'Azure KMS \u2713',
    gateway: 'on-premises \u2717',
    none: 'dropped \u2717',
    vnetLocal: 'dropped \u2717',
    appliance: 'appliance (not verified)',
    noOutbound: 'no outbound access \u2717',
};
/** A hop as a person reads it: Azure name and address, never an IaC address or expression. */
function hopLabel(h) {
    switch (h.kind) {
        case 'subnet':
            return [h.name ?? 'subnet (name not known)', h.detail].filter(Boolean).join(' ');
        case 'routeTable':
            return h.name ?? 'route table (name not known)';
        case 'route':
            return `${h.name ? `route ${h.name} ` : ''}${h.detail ?? ''}`.trim();
        case 'nextHop': {
            const [type, ip] = (h.detail ?? 'unknown').split(' ');
            return `${NEXT_HOP[type] ?? type}${ip ? ` ${ip}` : ''}`;
        }
        case 'firewall':
            return [h.name ?? 'Azure Firewall (name not known)', h.detail].filter(Boolean).join(' ');
        case 'firewallRule':
            return `${h.name ? `rule ${h.name}` : 'no rule matched'}: ${h.detail === 'Deny' ? 'Deny \u2717' : (h.detail ?? '')}`;
        case 'nsg':
            return `${h.name ?? 'NSG (name not known)'}: ${h.detail ?? ''}${/Deny$/.test(h.detail ?? '') ? ' \u2717' : ''}`;
        case 'internet':
        case 'onPremises':
        case 'dropped':
            return OUTCOME[h.detail ?? ''] ?? h.detail ?? '';
        case 'appliance':
            return `appliance ${h.detail ?? ''}`.trim();
    }
}
/**
 * Route table and route read as one hop (`rt-spoke 0.0.0.0/0`); the route's next hop and the outcome
 * follow. Names that differ across the group (spokes with their own tables) become a count.
 */
function hopsText(hops) {
    const out = [];
    for (let i = 0; i < hops.length; i++) {
        const h = hops[i];
        const next = hops[i + 1];
        if (h.kind === 'routeTable' && next?.kind === 'route') {
            // `rt-spoke 0.0.0.0/0`: the table names the hop, the prefix says which of its routes won.
            out.push(`${hopLabel(h)} ${next.detail ?? ''}`.trim());
            i++;
        }
        else
            out.push(hopLabel(h));
    }
    return out;
}
/** Replaces names that differ across paths of the same shape with a count (`60 route tables`). */
function mergeHops(all) {
    const first = all[0];
    return first.map((h, i) => {
        const names = new Set(all.map((hops) => hops[i]?.name));
        if (names.size <= 1)
            return h;
        const noun = {
            routeTable: 'route tables',
            route: 'routes',
            firewall: 'firewalls',
            firewallRule: 'rules',
            nsg: 'NSGs',
            subnet: 'subnets',
        };
        const merged = { ...h, name: `${names.size} ${noun[h.kind] ?? 'hops'}` };
        // A route keeps its prefix, only the name goes.
        if (h.kind === 'route')
            delete merged.name;
        return merged;
    });
}
/**
 * The hops that decide a finding: the NSG rule when the fix is an NSG rule, else the way out after the
 * subnet's NSG (route table, next hop, firewall, where it ends).
 */
function decisiveHops(f) {
    const hops = hopsAfterSubnet(f.subnetPaths?.[0]);
    if (!hops)
        return undefined;
    if (f.fix?.kind === 'allow-kms-nsg') {
        const nsg = hops.filter((h) => h.kind === 'nsg');
        return nsg.length > 0 ? nsg : hops;
    }
    return hops.filter((h) => h.kind !== 'nsg');
}
const HOP_NOUN = {
    route: 'route',
    routeTable: 'route table',
    nsgRule: 'NSG rule',
    nsg: 'NSG',
    firewallRule: 'firewall rule',
    firewallRuleCollection: 'rule collection',
    firewall: 'firewall',
    firewallPolicy: 'firewall policy',
    subnet: 'subnet',
};
/**
 * A finding without a traced path (a rule that names the old KMS address, a firewall rule by FQDN) is
 * about its decisive hop: named as Azure names it (`firewall rule afwp-hub/rcg-platform/allow-kms/kms`),
 * never by IaC address; undefined when the source does not say the name.
 */
function azureHop(f) {
    if (f.hop?.name === undefined)
        return undefined;
    return `${HOP_NOUN[f.hop.kind] ?? ''} ${(0,identity/* refLabel */.E3)(f.hop)}`.trim();
}
/** What a group is keyed on: rule, severity, the decisive hops' shape, and the fix in words. */
function groupKey(f, fix) {
    const hops = decisiveHops(f);
    // Without a traced path there is nothing to tell two causes apart: such findings stay one per line.
    const cause = hops ? shapeKey(hops) : `${f.location.file}\u0000${f.location.startLine}\u0000${f.resource}`;
    return JSON.stringify([f.ruleId, f.severity, f.cloud, cause, fix, [...f.kmsAddresses].sort()]);
}
function groupFindings(findings, input) {
    const groups = new Map();
    for (const f of findings) {
        const fix = shortFix(f, { group: false });
        const key = groupKey(f, shortFix(f, { group: true }));
        const g = groups.get(key);
        if (g) {
            g.findings.push(f);
            g.fixes.push(fix);
        }
        else
            groups.set(key, { fixes: [fix], findings: [f] });
    }
    return [...groups.values()].map(({ findings: fs, fixes }) => {
        const f = fs[0];
        const subnets = [...new Set(fs.flatMap(subnetsOf))];
        const paths = fs.map(decisiveHops).filter((h) => !!h);
        const hop = paths.length > 0 ? hopsText(mergeHops(paths)).join(' \u2192 ') : (azureHop(f) ?? f.resource);
        return {
            ruleId: f.ruleId,
            title: f.title,
            severity: f.severity,
            findings: fs,
            subnets,
            hop,
            fix: fs.length === 1 ? fixes[0] : shortFix(f, { group: true }),
            locations: fs.map((x) => locationOf(x, input.root, input.blobUrl)),
        };
    });
}
/** A finding's place: `file:lines` relative to the root, linked to the lines when a blob URL is known. */
function locationOf(f, root, blobUrl) {
    const { startLine, endLine } = f.location;
    const lines = endLine > startLine ? `${startLine}-${endLine}` : `${startLine}`;
    const text = `${(0,report_paths/* displayPath */.Gt)(f.location.file, root)}:${lines}`;
    const rel = (0,report_paths/* repoPath */.qN)(f.location.file, root);
    if (!blobUrl || rel === undefined)
        return { text };
    const anchor = endLine > startLine ? `#L${startLine}-L${endLine}` : `#L${startLine}`;
    // Every segment percent-encoded (and parentheses, which encodeURIComponent keeps) so the URL cannot end the
    // link.
    const url = blobUrl.replace(/\/+$/, '') +
        '/' +
        rel
            .split('/')
            .map((s) => encodeURIComponent(s).replace(/\(/g, '%28').replace(/\)/g, '%29'))
            .join('/') +
        anchor;
    return { text, url };
}
/** One group per distinct path (by shape and names), with every subnet that takes it. */
function pathGroups(findings) {
    const byShape = new Map();
    for (const f of findings) {
        for (const p of f.subnetPaths ?? []) {
            const hops = hopsAfterSubnet(p);
            if (!hops || hops.length === 0)
                continue;
            const key = shapeKey(hops);
            let g = byShape.get(key);
            if (!g)
                byShape.set(key, (g = { subnets: new Map(), hops: [] }));
            if (g.subnets.has(p.subnet))
                continue;
            g.subnets.set(p.subnet, p.hops?.[0]?.kind === 'subnet' ? p.hops[0].detail : undefined);
            g.hops.push(hops);
        }
    }
    return [...byShape.values()].map((g) => {
        const hops = mergeHops(g.hops);
        const last = hops[hops.length - 1];
        return {
            subnets: [...g.subnets].map(([name, prefix]) => (prefix ? { name, prefix } : { name })),
            hops,
            broken: !(last?.kind === 'internet' && last.detail === 'internet'),
        };
    });
}
/** The rule's title by id (for findings of rules the list does not know, the finding's own). */
function ruleTitle(id, fallback) {
    return allRules.find((r) => r.id === id)?.title ?? fallback;
}

;// CONCATENATED MODULE: ./src/report/diagram.ts
/**
 * One Mermaid flowchart per distinct path KMS traffic takes: the subnets that share it in one group, then
 * the hops in Azure names and addresses, the broken end in red. At most MAX_NODES nodes, so GitHub draws
 * it legibly. Node ids are ours (s0, n0\u2026); every label is escaped data inside quotes, so a name cannot
 * add nodes, edges, click handlers or directives.
 */


const MAX_NODES = 12;
const quote = (label) => `"${escapeMermaidLabel(label)}"`;
function pathFlowchart(group) {
    const hops = hopsText(group.hops);
    const lines = ['flowchart LR'];
    const room = Math.max(1, MAX_NODES - hops.length - 1);
    const shown = group.subnets.slice(0, group.subnets.length > room ? room - 1 : room);
    const subnetLabel = (s) => (s.prefix ? `${s.name} ${s.prefix}` : s.name);
    let from;
    if (group.subnets.length === 1) {
        lines.push(`  n0[${quote(subnetLabel(group.subnets[0]))}]`);
        from = 'n0';
    }
    else {
        lines.push(`  subgraph s0[${quote(`${group.subnets.length} subnets`)}]`);
        shown.forEach((s, i) => lines.push(`    n${i}[${quote(subnetLabel(s))}]`));
        const more = group.subnets.length - shown.length;
        if (more > 0)
            lines.push(`    n${shown.length}[${quote(`\u2026 and ${more} more`)}]`);
        lines.push('  end');
        from = 's0';
    }
    hops.forEach((label, i) => {
        lines.push(`  ${i === 0 ? from : `h${i - 1}`} --> h${i}[${quote(label)}]`);
    });
    if (group.broken && hops.length > 0) {
        lines.push(`  linkStyle ${hops.length - 1} stroke:#d73a49,stroke-width:3px`);
        lines.push(`  style h${hops.length - 1} fill:#ffebe9,stroke:#d73a49`);
    }
    return ['```mermaid', ...lines, '```'].join('\n');
}

;// CONCATENATED MODULE: ./src/report/render.ts








const ICON = { error: '\ud83d\udd34', warning: '\ud83d\udfe0', notice: '\ud83d\udd35' };
const VERDICT_ICON = { error: '\u274c', warning: '\u26a0\ufe0f', notice: '\u2139\ufe0f' };
/** The verdict line: icon from the worst severity (a notice is never \u274c), then the sentence. */
function verdictLine(m) {
    // Nothing judged, or subnets not followed to the end, is never a green pass.
    const open = m.scan.overall === 'none' || m.undecided.length > 0;
    const icon = m.worst ? VERDICT_ICON[m.worst] : open ? (m.fails ? '\u274c' : '\u26a0\ufe0f') : '\u2705';
    return `**${icon} Azure KMS Guard:** ${escapeMarkdown(m.verdict)}`;
}
function render_link(l) {
    const text = escapeMarkdown(l.text);
    return l.url ? `[${text}](${l.url})` : text;
}
function subnetsText(names, max = 3) {
    if (names.length === 0)
        return '';
    if (names.length <= max)
        return names.map(escapeMarkdown).join(', ');
    return `${plural(names.length, 'subnet')} (${names.slice(0, max).map(escapeMarkdown).join(', ')}, \u2026)`;
}
/** One line per group: icon, rule, subnets, decisive hop, where, the fix in a few words. */
function findingLine(g) {
    const count = g.findings.length > 1 ? ` \u00d7${g.findings.length}` : '';
    const parts = [`${ICON[g.severity]} **${escapeMarkdown(g.ruleId)}**${count}`];
    const subnets = subnetsText(g.subnets);
    if (subnets)
        parts.push(subnets);
    parts.push(escapeMarkdown(g.hop));
    const more = g.locations.length > 1 ? ` (+${g.locations.length - 1})` : '';
    parts.push(`${render_link(g.locations[0])}${more}`);
    parts.push(escapeMarkdown(g.fix));
    return `- ${parts.join(' \u00b7 ')}`;
}
function details(summary, body) {
    // A blank line after <summary> lets GitHub render the Markdown inside the HTML block.
    return ['<details>', `<summary>${summary}</summary>`, '', ...body, '', '</details>', ''];
}
/** The full story of a group: the rule, the message, every subnet and place, the fix code. */
function groupDetails(g, m) {
    const f = g.findings[0];
    const out = [`#### ${ICON[g.severity]} ${escapeMarkdown(g.ruleId)}: ${escapeMarkdown(g.title)}`, ''];
    out.push(escapeMarkdown(f.message), '');
    const paths = pathsLine(f);
    if (paths)
        out.push(escapeMarkdown(paths), '');
    if (g.findings.length > 1)
        out.push(`The same cause and fix for ${plural(g.findings.length, 'finding')}.`, '');
    if (g.subnets.length > 0)
        out.push(`Subnets: ${g.subnets.map(escapeMarkdown).join(', ')}`, '');
    const places = g.locations.slice(0, 20).map(render_link).join(', ');
    out.push(`Where: ${places}${g.locations.length > 20 ? `, \u2026 and ${g.locations.length - 20} more` : ''}`, '');
    const texts = [
        ...new Set(g.findings.map((x) => (0,report_fix/* fixText */.Xc)(x)).filter((t) => !!t && t.trim() !== '')),
    ];
    for (const t of texts.slice(0, 2))
        out.push(markdownCodeBlock(t, (0,report_fix/* fixLanguage */.oC)(f)), '');
    if (texts.length > 2)
        out.push(`_\u2026 the same change in ${plural(texts.length - 2, 'more place')} (see the annotations)._`, '');
    void m;
    return out;
}
function listGroups(groups, max) {
    const out = groups.slice(0, max).map(findingLine);
    if (groups.length > max)
        out.push(`- \u2026 and ${groups.length - max} more`);
    return out;
}
/** Which subnets a pull request fixes and which it newly exposes, one line each. */
function subnetChangeSection(m, max) {
    const c = m.subnetChanges;
    if (!c || (c.fixed.length === 0 && c.exposed.length === 0))
        return [];
    const lines = (what, list) => list.length === 0
        ? []
        : [
            `${what}:`,
            ...list
                .slice(0, max)
                .map((s) => `- ${escapeMarkdown(s.subnet)} (${s.rules.map(escapeMarkdown).join(', ')})`),
            ...(list.length > max ? [`- \u2026 and ${list.length - max} more`] : []),
            '',
        ];
    return details(`Subnets: ${c.exposed.length} newly exposed, ${c.fixed.length} fixed by this change`, [
        ...lines('Newly exposed', c.exposed),
        ...lines('Fixed', c.fixed),
    ]);
}
function renderReport(m, surface, options = {}) {
    const maxLines = options.maxLines ?? 12;
    const maxDetails = options.maxDetails ?? (surface === 'comment' ? 30 : 200);
    const out = [];
    if (surface === 'comment')
        out.push('<!-- azure-kms-guard -->');
    // First screen: the verdict, then one line per group.
    out.push(verdictLine(m), '');
    if (m.lines.length > 0) {
        const shown = m.lines.length > maxLines ? maxLines - 1 : maxLines;
        out.push(...m.lines.slice(0, shown).map(findingLine));
        if (m.lines.length > shown)
            out.push(`- \u2026 and ${m.lines.length - shown} more lines in the details below`);
        out.push('');
    }
    // Everything else, folded.
    if (options.mermaid !== false && m.paths.length > 0) {
        const body = [];
        for (const p of m.paths.slice(0, 10))
            body.push(pathFlowchart(p), '');
        if (m.paths.length > 10)
            body.push(`_${plural(m.paths.length - 10, 'more path')} in the job summary._`);
        out.push(...details(`Paths KMS traffic takes (${m.paths.length})`, body));
    }
    if (m.lines.length > 0) {
        const body = m.lines.slice(0, maxDetails).flatMap((g) => groupDetails(g, m));
        if (m.lines.length > maxDetails)
            body.push(`_${m.lines.length - maxDetails} more in the check run._`);
        out.push(...details(`Why, and how to fix it (${plural(m.counts.failing.total, 'finding')})`, body));
    }
    if (m.undecided.length > 0)
        out.push(...details(`Not decided: ${plural(m.undecided.length, 'subnet')}`, m.undecided.slice(0, maxDetails).map((s) => `- ${escapeMarkdown(subnetVerdictLine(s))}`)));
    if (m.existing.length > 0)
        out.push(...details(`${m.event === 'pull-request' ? 'Not introduced by this change' : 'Not failing'}: ${plural(m.counts.existing, 'finding')}`, listGroups(m.existing, maxDetails)));
    if (m.fixed.length > 0)
        out.push(...details(`Fixed by this change: ${plural(m.counts.fixed, 'finding')}`, listGroups(m.fixed, maxDetails)));
    out.push(...subnetChangeSection(m, maxDetails));
    if (m.suppressed.length > 0) {
        const body = m.suppressed.slice(0, maxDetails).map((s) => {
            const where = locationOf(s.finding, m.root);
            const at = `${(0,report_paths/* displayPath */.Gt)(s.origin.file, m.root)}:${s.origin.startLine}`;
            return (`- ${ICON[s.finding.severity]} **${escapeMarkdown(s.finding.ruleId)}** \u00b7 ${escapeMarkdown(where.text)} \u00b7 ` +
                `${escapeMarkdown(s.finding.resource)} \u00b7 reason: ${escapeMarkdown(s.reason)} (${escapeMarkdown(at)})`);
        });
        if (m.suppressed.length > maxDetails)
            body.push(`- \u2026 and ${m.suppressed.length - maxDetails} more`);
        out.push(...details(`Suppressed: ${plural(m.counts.suppressed, 'finding')}`, body));
    }
    for (const e of options.extra ?? [])
        out.push(...details(e.title, [e.body.trimEnd()]));
    // The run's numbers, in one place: the action's outputs, check run and exit code count the same
    // finding sets (src/action/tally.ts), so this section is the tally as the reader sees it.
    const c = m.counts;
    const judged = `fail-on: \`${m.failOn}\`${m.failOnUnknown ? ', fail-on-unknown' : ''}, ${m.fails ? 'failed' : 'passed'}`;
    out.push(...details('Scan', [
        `- Judged against fail-on: ${describeCounts(c.failing)} (${judged})`,
        ...(c.notFailing.total > 0
            ? [
                `- Listed but not failing (outside the scope, or deployed without fail-on-deployed): ${describeCounts(c.notFailing)}`,
            ]
            : []),
        `- All findings: ${describeCounts(c.all)}; ${c.fixed} fixed, ${c.suppressed} suppressed`,
        `- Subnets: ${m.scan.blocked} blocked, ${m.scan.undecided} not decided, ${m.scan.reachable} reaching Azure KMS`,
        `- ${plural(m.filesScanned, 'file')} scanned; clouds judged: ${m.clouds.map(escapeMarkdown).join(', ')}`,
    ]));
    if (options.runUrl && /^https:\/\/[^\s()<>]+$/.test(options.runUrl))
        out.push(`[Full report](${options.runUrl})`, '');
    return out.join('\n').trimEnd() + '\n';
}

;// CONCATENATED MODULE: ./src/report/markdown.ts


function toMarkdown(result, cwd, options = {}) {
    const model = buildReport({
        result,
        root: cwd,
        event: options.event ?? 'cli',
        failOn: options.failOn ?? 'error',
        failOnUnknown: options.failOnUnknown === true,
        ...(options.blobUrl ? { blobUrl: options.blobUrl } : {}),
    });
    return renderReport(model, 'markdown', options);
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/report/rule-anchor.ts
/**
 * Where a rule is explained: its heading in docs/rules.md. Apart from the docs generator (rules-doc.ts) so
 * that SARIF output links the docs without bundling the rule examples the generator renders.
 */
/**
 * The anchor of a rule's heading in docs/rules.md (`## KMS001: Title`), for the table of contents and SARIF
 * helpUri.
 */
function ruleAnchor(rule) {
    return `${rule.id.toLowerCase()}-${slug(rule.title)}`;
}
/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function slug(title) {
    return title
        .toLowerCase()
        .replace(/[^a-z0-9 -]/g, '')
        .replace(/ /g, '-');
}

;// CONCATENATED MODULE: ./src/report/sarif.ts
/**
 * SARIF 2.1.0, for GitHub code scanning (upload-sarif) and other SARIF viewers. What it carries and why:
 * - each rule with help (text and Markdown), a `helpUri` to its section of docs/rules.md, `security` in
 *   its tags, a `precision` and a `security-severity` (the mapping below), so code scanning ranks alerts;
 * - each finding with a `partialFingerprint` of its Azure identity (rule, cloud, unit, decisive hop and
 *   the subnets it harms: src/rules/identity.ts), so an alert survives edits that move lines and two
 *   clouds' findings never merge;
 * - locations relative to the git work tree that holds the scan (%SRCROOT%), which is what code scanning
 *   resolves against; a file outside it keeps an absolute `file:` URI instead of being dropped;
 * - suppressed findings with `suppressions` (`inSource` for an ignore comment, `external` for the config's
 *   `suppress:` list), each with its justification, so code scanning shows them as dismissed;
 * - the invocation (start, end, exit code) and an `automationDetails.id` per cloud and scan root, so two
 *   scans of one repository (two clouds, two roots) do not close each other's alerts.
 */








const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/**
 * The fingerprint key: versioned so that a change of what is hashed starts a new series. v1 hashed
 * rule, file and resource; v2 hashes the Azure identity (identityHash).
 */
const FINGERPRINT_KEY = 'azureKmsGuard/v2';
const LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
/**
 * Our severity as code scanning's `security-severity` (0\u201310; \u22659 critical, \u22657 high, \u22654 medium, else low).
 * An error stops Windows activation on the subnets it names, which leaves VMs unlicensed after the grace
 * period: high, not critical (nothing is exposed). A warning may stop it: medium. A notice names what
 * could not be decided or a fragile setup: low. README ("SARIF") documents this mapping.
 */
const SECURITY_SEVERITY = { error: '8.0', warning: '5.0', notice: '2.0' };
/**
 * How often a rule's result is right when it fires. Routes, NSG rules and firewall rules are followed
 * end to end, so most rules are `high`; an appliance the scan cannot look into (KMS004), a value it could
 * not resolve (KMS011), reliance on the platform exception (KMS013) and routes learned over BGP (KMS014)
 * say less: `medium`.
 */
const PRECISION = {
    KMS004: 'medium',
    KMS011: 'medium',
    KMS013: 'medium',
    KMS014: 'medium',
};
const TAGS = ['security', 'azure', 'networking', 'windows-activation', 'kms'];
/** The rules' reference, on the tool's repository: helpUri points at a rule's section of it. */
const RULES_DOC_URL = `${tool/* TOOL_URI */.qH}/blob/main/docs/rules.md`;
/** What the run judged, for automationDetails.id: the clouds and the scan root relative to %SRCROOT%. */
function automationId(clouds, scanRoot, srcRoot) {
    const rel = (0,external_node_path_.relative)(srcRoot, scanRoot).split(external_node_path_.sep).join('/');
    const where = rel === '' ? '.' : rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel) ? scanRoot.split(external_node_path_.sep).join('/') : rel;
    // The trailing slash makes the whole id code scanning's category (the part before the last slash).
    return `${tool/* TOOL_NAME */.lH}/${clouds.join('+')}/${where}/`;
}
/**
 * @param rules every rule of the tool (allRules), so code scanning can show help for any alert.
 * @param invocation the times and exit code of the run, when the caller knows them.
 */
function toSarif(result, rules, invocation = {}) {
    const descriptors = rules.map(ruleDescriptor);
    const index = new Map(descriptors.map((d, i) => [d.id, i]));
    const all = [...result.findings, ...result.suppressed.map((s) => s.finding)];
    // A finding from a rule missing from the list still needs a valid ruleIndex.
    for (const f of all) {
        if (!index.has(f.ruleId)) {
            index.set(f.ruleId, descriptors.length);
            descriptors.push(fallbackDescriptor(f));
        }
    }
    const scanRoot = (0,report_paths/* scanDir */.D)((0,external_node_path_.resolve)(result.root));
    const srcRoot = (0,report_paths/* gitRoot */.Jl)(scanRoot) ?? scanRoot;
    const locate = (o) => physicalLocation(o, srcRoot, scanRoot);
    const results = [
        ...sortFindings(result.findings).map((f) => toResult(f, index.get(f.ruleId), locate)),
        ...result.suppressed.map((s) => ({
            ...toResult(s.finding, index.get(s.finding.ruleId), locate),
            suppressions: [suppression(s, locate)],
        })),
    ];
    const clouds = result.clouds.length > 0 ? [...result.clouds] : ['AzureCloud'];
    const root = (0,external_node_url_.pathToFileURL)(srcRoot).href;
    const end = invocation.endTime ?? new Date();
    return {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: tool/* TOOL_NAME */.lH,
                        informationUri: tool/* TOOL_URI */.qH,
                        version: tool/* TOOL_VERSION */.wr,
                        semanticVersion: tool/* TOOL_VERSION */.wr,
                        rules: descriptors,
                    },
                },
                automationDetails: {
                    id: automationId(clouds, scanRoot, srcRoot),
                    description: { text: `Azure KMS reachability of ${clouds.join(', ')}` },
                },
                invocations: [
                    {
                        // The scan ran to its end (findings are results, not a failure of the tool).
                        executionSuccessful: true,
                        ...(invocation.exitCode !== undefined ? { exitCode: invocation.exitCode } : {}),
                        ...(invocation.startTime ? { startTimeUtc: invocation.startTime.toISOString() } : {}),
                        endTimeUtc: end.toISOString(),
                    },
                ],
                originalUriBaseIds: {
                    '%SRCROOT%': {
                        uri: root.endsWith('/') ? root : root + '/',
                        description: { text: 'The git work tree that holds the scanned files (else the scan root)' },
                    },
                },
                columnKind: 'utf16CodeUnits',
                results,
            },
        ],
    };
}
function formatSarif(result, rules, invocation = {}) {
    return JSON.stringify(toSarif(result, rules, invocation), null, 2) + '\n';
}
function ruleDescriptor(rule) {
    return {
        id: rule.id,
        name: pascalCase(rule.title),
        shortDescription: { text: rule.title },
        fullDescription: { text: firstParagraph(rule.explanation) || rule.title },
        help: {
            text: `${rule.explanation.trim()}\n\nHow to fix: ${rule.fix.trim()}`,
            markdown: `## ${rule.id}: ${rule.title}\n\n${rule.explanation.trim()}\n\n### How to fix\n\n${rule.fix.trim()}`,
        },
        helpUri: `${RULES_DOC_URL}#${ruleAnchor(rule)}`,
        defaultConfiguration: { level: LEVEL[rule.severity] },
        properties: {
            tags: [...TAGS],
            precision: PRECISION[rule.id] ?? 'high',
            'security-severity': SECURITY_SEVERITY[rule.severity],
        },
    };
}
function fallbackDescriptor(f) {
    return {
        id: f.ruleId,
        name: pascalCase(f.title),
        shortDescription: { text: f.title },
        fullDescription: { text: f.title },
        help: { text: f.title, markdown: f.title },
        helpUri: RULES_DOC_URL,
        defaultConfiguration: { level: LEVEL[f.severity] },
        properties: { tags: [...TAGS], precision: 'medium', 'security-severity': SECURITY_SEVERITY[f.severity] },
    };
}
/**
 * A file as SARIF names it: relative to %SRCROOT% when inside it, else an absolute `file:` URI (a var file
 * from elsewhere; code scanning cannot show it, other viewers can). A relative name is resolved against
 * the scan root. ARM ids (deployed resources) are not files: undefined.
 */
function physicalLocation(o, srcRoot, scanRoot) {
    if ((0,report_paths/* isArmId */.IL)(o.file))
        return undefined;
    const file = (0,external_node_path_.resolve)(scanRoot, o.file);
    const rel = (0,report_paths/* repoPath */.qN)(file, srcRoot);
    const startLine = Math.max(1, o.startLine);
    return {
        artifactLocation: rel !== undefined ? { uri: encodeUri(rel), uriBaseId: '%SRCROOT%' } : { uri: (0,external_node_url_.pathToFileURL)(file).href },
        region: { startLine, endLine: Math.max(startLine, o.endLine) },
    };
}
function toResult(f, ruleIndex, locate) {
    const location = {};
    const physical = locate(f.location);
    if (physical)
        location.physicalLocation = physical;
    // The resource is always named logically too; for live state (an ARM id) it is the only location.
    location.logicalLocations = [{ fullyQualifiedName: f.resource, kind: 'resource' }];
    const paths = pathsLine(f);
    const text = paths ? `${f.message}\n\n${paths}` : f.message;
    const properties = {
        resource: f.resource,
        cloud: f.cloud,
        kmsAddresses: [...f.kmsAddresses],
    };
    if (f.subnets)
        properties.subnets = [...f.subnets];
    if (f.path)
        properties.path = f.path;
    const all = findingPaths(f);
    if (all.length > 1)
        properties.paths = all;
    if (f.unit !== undefined)
        properties.unit = f.unit;
    return {
        ruleId: f.ruleId,
        ruleIndex,
        level: LEVEL[f.severity],
        message: { text },
        locations: [location],
        partialFingerprints: { [FINGERPRINT_KEY]: (0,identity/* identityHash */.Jf)(f) },
        properties,
    };
}
function suppression(s, locate) {
    const at = locate(s.origin);
    return {
        kind: s.kind === 'inline' ? 'inSource' : 'external',
        status: 'accepted',
        justification: s.reason,
        ...(at ? { location: { physicalLocation: at } } : {}),
    };
}
/** A relative URI reference: each path segment percent-encoded, slashes kept. */
function encodeUri(path) {
    return path
        .split('/')
        .map((s) => encodeURIComponent(s))
        .join('/');
}
function pascalCase(s) {
    const words = s.match(/[A-Za-z0-9]+/g) ?? [];
    return words.map((w) => w[0].toUpperCase() + w.slice(1)).join('') || 'Rule';
}
/** The first paragraph of Markdown as plain-ish text (fullDescription is shown as text). */
function firstParagraph(md) {
    const p = md.trim().split(/\n\s*\n/)[0] ?? '';
    return p.replace(/\s*\n\s*/g, ' ').trim();
}

;// CONCATENATED MODULE: ./src/report/text.ts





const SGR = {
    error: '\u001b[31m',
    warning: '\u001b[33m',
    notice: '\u001b[36m',
    dim: '\u001b[2m',
    bold: '\u001b[1m',
};
const RESET = '\u001b[0m';
function toText(result, cwd, options = {}) {
    const paint = (style, s) => options.color ? `${SGR[style]}${s}${RESET}` : s;
    const width = Math.max(60, options.width ?? 100);
    const findings = sortFindings(result.findings);
    const counts = countFindings(findings);
    const clouds = result.clouds.join(', ') || 'AzureCloud';
    const scanned = `${plural(result.filesScanned, 'file')} scanned (${clouds})`;
    // Subnets the scan could not decide, each with the hop, why, and what would decide it; the verdict last.
    const undecided = result.verdict.subnets
        .filter((s) => s.state === 'undecided')
        .flatMap((s) => wrap(plainLine(subnetVerdictLine(s)), width - 4).map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)));
    const tail = [
        ...(undecided.length > 0 ? ['', paint('bold', 'Not decided:'), ...undecided] : []),
        '',
        paint('bold', `Verdict: ${plainLine(verdictHeadline(result.verdict))}`),
    ];
    if (findings.length === 0) {
        return neutraliseCommands([`${paint('bold', 'No findings')}; ${scanned}`, ...tail].join('\n') + '\n');
    }
    const rows = findings.map((f) => ({
        f,
        cells: [
            f.severity,
            plainLine(f.ruleId),
            `${plainLine((0,report_paths/* displayPath */.Gt)(f.location.file, cwd))}:${lines(f)}`,
            plainLine(f.resource),
        ],
    }));
    const head = ['SEVERITY', 'RULE', 'LOCATION', 'RESOURCE'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r.cells[i].length)));
    const pad = (cells) => cells.map((c, i) => c.padEnd(widths[i]));
    const out = [paint('bold', pad(head).join('  ').trimEnd())];
    for (const { f, cells } of rows) {
        const [sev, ...rest] = pad(cells);
        out.push(`${paint(f.severity, sev)}  ${rest.join('  ')}`.trimEnd());
        const message = f.title ? `${f.title}. ${f.message}` : f.message;
        for (const l of wrap(plainLine(message), width - 4))
            out.push(`    ${l}`);
        const paths = pathsLine(f, 'path');
        if (paths)
            for (const l of wrap(plainLine(paths), width - 4))
                out.push(paint('dim', `    ${l}`));
        for (const r of f.related ?? [])
            out.push(paint('dim', `    used at: ${plainLine((0,report_paths/* displayPath */.Gt)(r.file, cwd))}:${r.startLine}`));
    }
    out.push('');
    out.push(`${paint('bold', describeCounts(counts))} (${plural(counts.total, 'finding')}); ${scanned}`);
    out.push(...tail);
    return neutraliseCommands(out.join('\n') + '\n');
}
function lines(f) {
    const { startLine, endLine } = f.location;
    return endLine > startLine ? `${startLine}-${endLine}` : `${startLine}`;
}
/** Greedy word wrap; a word longer than the width gets a line of its own. */
function wrap(text, width) {
    const out = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
        if (line && line.length + 1 + word.length > width) {
            out.push(line);
            line = word;
        }
        else
            line = line ? `${line} ${word}` : word;
    }
    if (line)
        out.push(line);
    return out;
}

;// CONCATENATED MODULE: ./src/cli/formats.ts
/** The CLI's output formats, each a view of one ScanResult. */








const FORMATS = ['text', 'json', 'sarif', 'markdown', 'junit', 'gitlab', 'azure-pipelines'];
const FORMAT_HELP = {
    text: 'a table for people (the default)',
    json: 'the JSON report (docs: README, "JSON report")',
    sarif: 'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers',
    markdown: 'the job summary as Markdown',
    junit: 'JUnit XML, for Azure DevOps PublishTestResults and GitLab reports:junit',
    gitlab: 'GitLab Code Quality JSON, for artifacts:reports:codequality',
    'azure-pipelines': 'Azure DevOps ##vso[task.logissue] logging commands',
};
function render(format, result, o) {
    switch (format) {
        case 'json':
            return formatJsonReport(result, o.cwd);
        case 'sarif':
            return formatSarif(result, src_rules/* allRules */.V7, {
                ...(o.startTime ? { startTime: o.startTime } : {}),
                ...(o.exitCode !== undefined ? { exitCode: o.exitCode } : {}),
            });
        case 'markdown':
            return toMarkdown(result, o.cwd, { failOn: o.failOn, failOnUnknown: o.failOnUnknown === true }) + '\n';
        case 'junit':
            return formatJunit(result, o.cwd, src_rules/* allRules */.V7);
        case 'gitlab':
            return formatGitlab(result, o.cwd);
        case 'azure-pipelines':
            return formatAzurePipelines(result, o.cwd);
        case 'text':
            return toText(result, o.cwd, { color: o.color, ...(o.columns ? { width: o.columns } : {}) });
    }
}

;// CONCATENATED MODULE: ./src/cli/args.ts
/**
 * The CLI's command line: flags into options, every mistake a usage error (exit 2) that names the
 * nearest valid spelling. Flags override the config file; the config file overrides defaults.
 */








class UsageError extends Error {
}
const COMMANDS = ['scan', 'hook'];
const OPTIONS = {
    format: { type: 'string', short: 'f', multiple: true },
    output: { type: 'string', short: 'o', multiple: true },
    config: { type: 'string' },
    cloud: { type: 'string' },
    'var-file': { type: 'string', multiple: true },
    plan: { type: 'string', multiple: true },
    rule: { type: 'string', multiple: true },
    'skip-rule': { type: 'string', multiple: true },
    'fail-on': { type: 'string' },
    'severity-threshold': { type: 'string' },
    'fail-on-unreadable': { type: 'boolean' },
    'fail-on-unknown': { type: 'boolean' },
    baseline: { type: 'string' },
    'download-modules': { type: 'boolean' },
    'module-cache': { type: 'string' },
    'module-registry': { type: 'string', multiple: true },
    'baseline-write': { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
};
const RULE_IDS = src_rules/* allRules */.V7.map((r) => r.id);
const FLAG_NAMES = Object.keys(OPTIONS).map((k) => `--${k}`);
function ruleIds(values, flag) {
    return (values ?? []).flatMap((v) => v
        .split(',')
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean)
        .map((id) => {
        if (!RULE_IDS.includes(id))
            throw new UsageError(`${flag}: ${unknownWord('rule', id, RULE_IDS)}`);
        return id;
    }));
}
function format(value) {
    if (FORMATS.includes(value))
        return value;
    throw new UsageError(`--format: ${unknownWord('format', value, FORMATS)}`);
}
/**
 * `--format a --output x --format b --output y`: the n-th plain --output takes the n-th --format; `--output
 * FORMAT=FILE` names its own. A format left without a file goes to stdout; only one may.
 */
function destinations(formats, outputs) {
    const plain = [];
    const out = [];
    for (const o of outputs) {
        const m = o.match(/^([a-z-]+)=(.+)$/);
        if (m && FORMATS.includes(m[1]))
            out.push({ format: m[1], file: m[2] });
        else
            plain.push(o);
    }
    const fmts = formats.map(format);
    if (plain.length > fmts.length)
        throw new UsageError(`--output ${plain[fmts.length]} has no --format to write (use --format F for each --output, or --output FORMAT=FILE)`);
    fmts.forEach((f, i) => out.push(plain[i] !== undefined ? { format: f, file: plain[i] } : { format: f }));
    const toStdout = out.filter((d) => d.file === undefined);
    if (toStdout.length > 1)
        throw new UsageError(`only one format can go to stdout (got ${toStdout.map((d) => d.format).join(', ')}): give the others an --output`);
    if (out.length === 0)
        out.push({ format: 'text' });
    return out;
}
/** Node's parseArgs message for an unknown flag, with the nearest valid one. */
function explainParseError(error) {
    const message = error instanceof Error ? error.message : String(error);
    const m = message.match(/Unknown option '(-{1,2}[^']+)'/);
    if (!m)
        return message.split('. ')[0];
    const near = closest(m[1], FLAG_NAMES);
    return `unknown option '${m[1]}'${near ? ` (did you mean '${near}'?)` : ''}`;
}
function parseCommandLine(argv) {
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
    }
    catch (error) {
        throw new UsageError(explainParseError(error));
    }
    const { values: v, positionals } = parsed;
    const [command, ...rest] = positionals;
    const base = {
        paths: rest,
        varFiles: v['var-file'] ?? [],
        planFiles: v.plan ?? [],
        quiet: v.quiet === true,
        verbose: v.verbose === true,
        failOnUnreadable: v['fail-on-unreadable'] === true,
        failOnUnknown: v['fail-on-unknown'] === true,
    };
    if (v.help)
        return { ...defaults(), ...base, command: 'help' };
    if (v.version)
        return { ...defaults(), ...base, command: 'version' };
    if (command === undefined)
        throw new UsageError(`missing command: ${COMMANDS.join(' or ')}`);
    if (!COMMANDS.includes(command))
        throw new UsageError(unknownWord('command', command, COMMANDS));
    if (command === 'scan' && rest.length > 1)
        throw new UsageError(`scan takes one PATH (got also '${rest.slice(1).join("', '")}')`);
    if (v.quiet && v.verbose)
        throw new UsageError('--quiet and --verbose exclude each other');
    if (v.baseline !== undefined && v['baseline-write'] !== undefined)
        throw new UsageError('--baseline and --baseline-write exclude each other: write a baseline from a full scan');
    let cloud;
    if (v.cloud !== undefined) {
        cloud = parseCloud(v.cloud);
        if (!cloud)
            throw new UsageError(`--cloud: ${unknownWord('cloud', v.cloud, ['auto', ...catalogue/* CLOUDS */.JJ])}`);
    }
    if (v['fail-on'] !== undefined && v['severity-threshold'] !== undefined)
        throw new UsageError('--fail-on and --severity-threshold are the same option: give one');
    const failOnInput = v['fail-on'] ?? v['severity-threshold'] ?? 'error';
    const failOn = parseFailOn(failOnInput);
    if (!failOn)
        throw new UsageError(`--fail-on: ${unknownWord('level', failOnInput, FAIL_ON_LEVELS)}`);
    const onlyRules = ruleIds(v.rule, '--rule');
    const skipRules = ruleIds(v['skip-rule'], '--skip-rule');
    const both = onlyRules.find((r) => skipRules.includes(r));
    if (both)
        throw new UsageError(`${both} is given to both --rule and --skip-rule`);
    let registries;
    try {
        registries = parseRegistries(v['module-registry'] ?? []);
    }
    catch (e) {
        throw new UsageError(`--${e.message}`);
    }
    if (!v['download-modules'] && (v['module-cache'] !== undefined || registries.size > 0))
        throw new UsageError('--module-cache and --module-registry need --download-modules');
    return {
        ...base,
        command: command,
        paths: command === 'scan' ? (rest.length > 0 ? rest : ['.']) : rest,
        outputs: destinations(v.format ?? [], v.output ?? []),
        ...(v.config !== undefined ? { config: v.config } : {}),
        ...(cloud ? { cloud } : {}),
        onlyRules,
        skipRules,
        failOn,
        ...(v.baseline !== undefined ? { baseline: v.baseline } : {}),
        ...(v['baseline-write'] !== undefined ? { baselineWrite: v['baseline-write'] } : {}),
        ...(v['download-modules']
            ? {
                downloadModules: {
                    registries,
                    ...(v['module-cache'] !== undefined ? { cacheDir: v['module-cache'] } : {}),
                },
            }
            : {}),
    };
}
function defaults() {
    return {
        command: 'help',
        paths: [],
        outputs: [{ format: 'text' }],
        varFiles: [],
        planFiles: [],
        onlyRules: [],
        skipRules: [],
        failOn: 'error',
        failOnUnreadable: false,
        failOnUnknown: false,
        quiet: false,
        verbose: false,
    };
}
const pad = (s, n) => s.padEnd(n);
function usage() {
    const rules = src_rules/* allRules */.V7.map((r) => `  ${r.id}  ${r.title} (${r.severity})`).join('\n');
    const formats = FORMATS.map((f) => `  ${pad(f, 16)} ${FORMAT_HELP[f]}`).join('\n');
    return `Usage: ${tool/* TOOL_NAME */.lH} scan [PATH] [options]
       ${tool/* TOOL_NAME */.lH} hook FILE...     (pre-commit: scans the folders of the staged files)

Finds what in Azure network code breaks Windows activation against Azure KMS (TCP 1688):
forced tunnels, firewalls, NSGs and routes that keep a VM from reaching the KMS addresses.

Sources read under PATH (default .):
  Terraform        .tf, .tf.json, .tfvars, .tfvars.json, \`terraform show -json\` plans
  Bicep            .bicep, .bicepparam (local modules, Azure Verified Modules)
  ARM              deployment templates and parameter files (.json)

Options:
  -f, --format F            output format, repeatable (default: text); see below
  -o, --output FILE         write the n-th --format to FILE (or --output FORMAT=FILE); repeatable
      --config FILE         config file (default: .azure-kms-guard.yml in PATH, if there)
      --cloud NAME          auto, ${catalogue/* CLOUDS */.JJ.join(', ')} (default: the config's, else auto)
      --var-file FILE       Terraform var file; repeatable, later wins
      --plan FILE           \`terraform show -json\` plan to judge; repeatable
      --rule ID             run only these rules (repeatable or comma separated); KMS012 stays on
      --skip-rule ID        turn these rules off (repeatable or comma separated)
      --fail-on LEVEL       error, warning, notice or never (default: error); alias --severity-threshold
      --fail-on-unreadable  exit 3 when a file could not be read or parsed
      --fail-on-unknown     exit 1 also when a subnet's KMS path could not be decided, or no
                            subnet was found to judge (default: off)
      --baseline FILE       report only findings not in this baseline, and which baseline entries are fixed
      --baseline-write FILE record this scan's findings as a baseline
      --download-modules    fetch Terraform registry and git modules \`terraform init\` has not
                            installed (TF_TOKEN_<host> tokens go to their own host only)
      --module-cache DIR    where downloaded modules are kept (default: $RUNNER_TEMP or the temp folder)
      --module-registry [HOST=]URL
                            use URL for the module registry HOST (default registry.terraform.io)
  -q, --quiet               no progress and no summary line on stderr
      --verbose             per-stage timings on stderr; every KMS011 notice on its own
  -h, --help                show this help
  -v, --version             show the version

Output formats:
${formats}

Rules:
${rules}

Exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on; with --fail-on-unknown also an undecided subnet or nothing
     to judge
  2  usage or configuration error (a bad flag, a bad config file, a missing path)
  3  with --fail-on-unreadable: a file could not be read or parsed (takes precedence over 1)
`;
}

// EXTERNAL MODULE: ./src/analysis/verdict.ts
var verdict = __webpack_require__(7319);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/sources/parsing/read-source.ts
var read_source = __webpack_require__(547);
// EXTERNAL MODULE: ./node_modules/ipaddr.js/lib/ipaddr.js
var ipaddr = __webpack_require__(8280);
var ipaddr_default = /*#__PURE__*/__webpack_require__.n(ipaddr);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/suppress/expiry.ts
var expiry = __webpack_require__(1148);
// EXTERNAL MODULE: ./src/config/config-file.ts
var config_file = __webpack_require__(3797);
;// CONCATENATED MODULE: ./src/config/config.ts
/**
 * `.azure-kms-guard.yml` at the repository root. Parsed with line numbers so a mistake is reported on
 * its line, and validated entry by entry: a bad entry is dropped with an error, the rest still applies
 * (one typo should not silently turn the whole configuration off, nor stop the scan).
 */










function emptyConfig() {
    return {
        include: [],
        exclude: [],
        rules: {},
        clouds: [],
        varFiles: [],
        allowedAppliances: [],
        suppress: [],
        includeTestFixtures: false,
    };
}
const RULE_ID = /^KMS\d{3}$/;
const SETTINGS = ['error', 'warning', 'notice', 'off'];
class Validator {
    lines;
    file;
    problems = [];
    constructor(lines, file) {
        this.lines = lines;
        this.file = file;
    }
    line(node) {
        const range = node?.range;
        return range ? this.lines.linePos(range[0]).line : undefined;
    }
    error(node, message) {
        const line = this.line(node);
        this.problems.push(line !== undefined ? { message, line, file: this.file } : { message, file: this.file });
    }
    /** A non-empty string scalar, or an error. Numbers are accepted as text where a string is meant. */
    text(node, what) {
        if ((0,dist.isScalar)(node) && (typeof node.value === 'string' || typeof node.value === 'number')) {
            const v = String(node.value).trim();
            if (v !== '')
                return v;
        }
        this.error(node, `${what} must be a non-empty string`);
        return undefined;
    }
    /** A list of strings (a single string is taken as a list of one). */
    textList(node, what) {
        if ((0,dist.isScalar)(node)) {
            const v = this.text(node, what);
            return v !== undefined ? [v] : [];
        }
        if (!(0,dist.isSeq)(node)) {
            this.error(node, `${what} must be a list of strings`);
            return [];
        }
        return node.items.flatMap((item) => {
            const v = this.text(item, `each entry of ${what}`);
            return v !== undefined ? [v] : [];
        });
    }
    /** The map's pairs, each key checked against `known`; unknown keys are reported and skipped. */
    pairs(node, what, known) {
        if (!(0,dist.isMap)(node)) {
            this.error(node, `${what} must be a mapping`);
            return undefined;
        }
        const out = new Map();
        for (const pair of node.items) {
            const key = (0,dist.isScalar)(pair.key) ? String(pair.key.value) : undefined;
            if (key === undefined || !known.includes(key)) {
                this.error(pair.key, `unknown key ${JSON.stringify(key ?? '?')} in ${what} (expected one of: ${known.join(', ')})`);
                continue;
            }
            out.set(key, pair);
        }
        return out;
    }
}
const TOP_KEYS = [
    'include',
    'exclude',
    'rules',
    'cloud',
    'clouds',
    'var-files',
    'allowed-appliances',
    'suppress',
    'include-test-fixtures',
];
function parseConfig(text, file = config_file/* CONFIG_FILE */.g) {
    const lineCounter = new dist.LineCounter();
    const doc = (0,dist.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const v = new Validator(lineCounter, file);
    const config = emptyConfig();
    for (const e of doc.errors) {
        v.problems.push({ message: e.message.split('\n')[0], line: lineCounter.linePos(e.pos[0]).line, file });
    }
    // An empty file (or only comments) is an empty configuration.
    if (doc.contents === null || ((0,dist.isScalar)(doc.contents) && doc.contents.value === null))
        return { config, problems: v.problems };
    const top = v.pairs(doc.contents, 'the configuration', TOP_KEYS);
    if (!top)
        return { config, problems: v.problems };
    const value = (key) => (top.get(key)?.value ?? undefined);
    const keyNode = (key) => top.get(key)?.key;
    if (top.has('include'))
        config.include = v.textList(value('include') ?? keyNode('include'), 'include');
    if (top.has('exclude'))
        config.exclude = v.textList(value('exclude') ?? keyNode('exclude'), 'exclude');
    if (top.has('var-files'))
        config.varFiles = v.textList(value('var-files') ?? keyNode('var-files'), 'var-files');
    if (top.has('cloud')) {
        const c = v.text(value('cloud') ?? keyNode('cloud'), 'cloud');
        if (c !== undefined) {
            const parsed = parseCloud(c);
            if (parsed)
                config.cloud = parsed;
            else
                v.error(value('cloud'), `unknown cloud ${JSON.stringify(c)} (expected auto, ${catalogue/* CLOUDS */.JJ.join(', ')})`);
        }
    }
    if (top.has('include-test-fixtures')) {
        const node = value('include-test-fixtures');
        if ((0,dist.isScalar)(node) && typeof node.value === 'boolean')
            config.includeTestFixtures = node.value;
        else
            v.error(node ?? keyNode('include-test-fixtures'), 'include-test-fixtures must be true or false');
    }
    if (top.has('rules'))
        parseRules(v, value('rules') ?? keyNode('rules'), config);
    if (top.has('clouds')) {
        forEachEntry(v, value('clouds') ?? keyNode('clouds'), 'clouds', (entry, node) => {
            const p = v.pairs(node, 'a clouds entry', ['path', 'cloud']);
            if (!p)
                return;
            if (!p.has('path') || !p.has('cloud'))
                return v.error(node, 'a clouds entry needs both path and cloud');
            const glob = v.text(p.get('path').value, 'path');
            const c = v.text(p.get('cloud').value, 'cloud');
            if (glob === undefined || c === undefined)
                return;
            const parsed = parseCloud(c);
            if (!parsed || parsed === 'auto')
                return v.error(p.get('cloud').value, `unknown cloud ${JSON.stringify(c)} (expected ${catalogue/* CLOUDS */.JJ.join(', ')})`);
            config.clouds.push({ path: glob, cloud: parsed, line: entry });
        });
    }
    if (top.has('allowed-appliances')) {
        forEachEntry(v, value('allowed-appliances') ?? keyNode('allowed-appliances'), 'allowed-appliances', (entry, node) => {
            const p = v.pairs(node, 'an allowed-appliances entry', ['address', 'reason']);
            if (!p)
                return;
            if (!p.has('address'))
                return v.error(node, 'an allowed-appliances entry needs an address');
            if (!p.has('reason'))
                return v.error(node, 'an allowed-appliances entry needs a reason (why traffic through it reaches Azure KMS)');
            const address = v.text(p.get('address').value, 'address');
            const reason = v.text(p.get('reason').value, 'reason');
            if (address === undefined || reason === undefined)
                return;
            if (!ipaddr_default().isValid(address) && !isCidr(address)) {
                return v.error(p.get('address').value, `${JSON.stringify(address)} is not an IP address or prefix`);
            }
            config.allowedAppliances.push({ address, reason, line: entry });
        });
    }
    if (top.has('suppress')) {
        forEachEntry(v, value('suppress') ?? keyNode('suppress'), 'suppress', (entry, node) => {
            const p = v.pairs(node, 'a suppress entry', ['rule', 'path', 'resource', 'reason', 'until']);
            if (!p)
                return;
            if (!p.has('rule'))
                return v.error(node, 'a suppress entry needs a rule');
            if (!p.has('reason'))
                return v.error(node, 'a suppress entry needs a reason');
            const rule = v.text(p.get('rule').value, 'rule')?.toUpperCase();
            const reason = v.text(p.get('reason').value, 'reason');
            const glob = p.has('path') ? v.text(p.get('path').value, 'path') : undefined;
            const resource = p.has('resource') ? v.text(p.get('resource').value, 'resource') : undefined;
            const until = p.has('until') ? v.text(p.get('until').value, 'until') : undefined;
            if (rule === undefined || reason === undefined)
                return;
            if (p.has('until') && (until === undefined || !(0,expiry/* isDate */.$P)(until)))
                return v.error(p.get('until').value, 'until must be a date written YYYY-MM-DD, e.g. 2027-03-31');
            if ((p.has('path') && glob === undefined) || (p.has('resource') && resource === undefined))
                return;
            if (rule !== '*' && !RULE_ID.test(rule))
                return v.error(p.get('rule').value, `${JSON.stringify(rule)} is not a rule id like KMS001`);
            const s = { rule, reason, line: entry };
            if (glob !== undefined)
                s.path = glob;
            if (resource !== undefined)
                s.resource = resource;
            if (until !== undefined)
                s.until = until;
            config.suppress.push(s);
        });
    }
    // In file order, as a reader fixes them (sort is stable: same-line problems keep their order).
    return { config, problems: [...v.problems].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)) };
}
function parseRules(v, node, config) {
    if (!(0,dist.isMap)(node))
        return v.error(node, 'rules must be a mapping of rule id to error, warning, notice or off');
    for (const pair of node.items) {
        const id = (0,dist.isScalar)(pair.key) ? String(pair.key.value).toUpperCase() : '';
        if (!RULE_ID.test(id)) {
            v.error(pair.key, `${JSON.stringify(id)} is not a rule id like KMS001`);
            continue;
        }
        const raw = (0,dist.isScalar)(pair.value) ? pair.value.value : undefined;
        const setting = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
        if (setting === undefined || !SETTINGS.includes(setting)) {
            const hint = typeof raw === 'boolean' ? ' (write off, not false)' : '';
            v.error(pair.value ?? pair.key, `${id} must be one of ${SETTINGS.join(', ')}${hint}`);
            continue;
        }
        config.rules[id] = setting;
    }
}
/** Calls `each` for every item of a list, with the item's line. */
function forEachEntry(v, node, what, each) {
    if (!(0,dist.isSeq)(node))
        return v.error(node, `${what} must be a list`);
    for (const item of node.items)
        each(v.line(item) ?? 0, item);
}
function isCidr(s) {
    try {
        ipaddr_default().parseCIDR(s);
        return true;
    }
    catch {
        return false;
    }
}
/** Reads the config at the repository root; no file is an empty config, not a problem. */
function loadConfig(repoRoot, name = config_file/* CONFIG_FILE */.g) {
    let file = external_node_path_.join(repoRoot, name);
    let shown = name;
    if (!external_node_fs_.existsSync(file)) {
        const alt = file.replace(/\.yml$/, '.yaml');
        if (alt === file || !external_node_fs_.existsSync(alt))
            return { config: emptyConfig(), problems: [] };
        file = alt;
        shown = external_node_path_.basename(alt);
    }
    // The config comes with the pull request: read through the boundary like any scanned file (a link to
    // /dev/zero or out of the repository is a problem reported on the config, not a hang or a leak).
    const read = (0,read_source/* readSource */.o$)(file, (0,read_source/* makeBoundary */.nj)([repoRoot]));
    if (!read.ok)
        return { config: emptyConfig(), problems: [{ message: `the file ${read.reason}`, file: shown }], file };
    return { ...parseConfig(read.text, shown), file };
}

// EXTERNAL MODULE: ./src/compare/baseline.ts
var baseline = __webpack_require__(5460);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/suppress/inline.ts
var inline = __webpack_require__(5506);
// EXTERNAL MODULE: ./src/pipeline/shares.ts
var shares = __webpack_require__(3092);
// EXTERNAL MODULE: ./src/pipeline/cross-unit.ts
var cross_unit = __webpack_require__(3217);
// EXTERNAL MODULE: ./src/pipeline/worker-start.ts + 1 modules
var worker_start = __webpack_require__(3310);
;// CONCATENATED MODULE: ./src/pipeline/intern.ts
/**
 * One copy of each string in what the scan workers send. A structured clone copies every string it meets,
 * so the calling thread of a 30 MB scan held ~275,000 strings (16 MB) for ~17,000 subnet verdicts and the
 * VNet facts of ~5,700 VNets: `AzureCloud`, `reachable`, file paths and VNet names, once per mention. Kept
 * until the merge, they survived every scavenge, and V8 grew the thread's young generation to its largest
 * (64 MB on Node 24) on top of them. Interned as they arrive, the copies die young.
 */
class StringTable {
    strings = new Map();
    /** The table's copy of `s` (the first one it was given). */
    one(s) {
        const had = this.strings.get(s);
        if (had !== undefined)
            return had;
        this.strings.set(s, s);
        return s;
    }
    /**
     * Replaces, in place, every string in `value`'s plain objects and arrays by the table's copy; other
     * objects (Map, Set, Date) are left as they are. Returns `value`.
     */
    intern(value) {
        this.walk(value);
        return value;
    }
    walk(value) {
        if (Array.isArray(value)) {
            for (let i = 0; i < value.length; i++) {
                const v = value[i];
                if (typeof v === 'string')
                    value[i] = this.one(v);
                else if (typeof v === 'object' && v !== null)
                    this.walk(v);
            }
            return;
        }
        if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype)
            return;
        const o = value;
        for (const k in o) {
            const v = o[k];
            if (typeof v === 'string')
                o[k] = this.one(v);
            else if (typeof v === 'object' && v !== null)
                this.walk(v);
        }
    }
}

// EXTERNAL MODULE: ./src/sources/evaluation/unit-watch.ts
var unit_watch = __webpack_require__(7849);
;// CONCATENATED MODULE: ./src/pipeline/scan-isolated.ts
/**
 * Unit isolation: one unit's crash or out-of-memory costs that unit, never the report.
 *
 * The scan runs in worker threads with a heap limit each. The worker writes what it is doing into shared
 * memory as it goes (the phase, and the file it parses or the unit it evaluates, models or analyses:
 * src/sources/evaluation/unit-watch.ts), so even a thread V8 kills for lack of memory leaves the name
 * behind. When a worker dies on a file or a unit, its share runs again in a fresh worker without it: a
 * file gets a located KMS012 "Skipped" notice, a unit a KMS012 warning at its start, each saying which
 * phase killed the worker, and everything else is judged as usual. A death in a phase no one file or unit
 * answers for (discovery, between units) ends the scan with an error naming that phase.
 *
 * Workers that pay: with several cores, several workers share the scan (src/pipeline/shares.ts). Each finds
 * the files and forms the units itself (the same in all), then parses, evaluates, models, analyses and
 * judges its own share of the units where it parsed them, and sends back findings and verdicts per unit,
 * never syntax trees or models; this thread merges them in unit order (scan.ts finishScan), so the report
 * is the one a single worker makes. One worker per two cores (CORES_PER_WORKER: each worker's V8 helper threads
 * keep about a core busy beside it), and one for a live overlay, downloads or a pull request's unit selection.
 *
 * The worker is dist/scan-worker/index.js, beside each bundle; without it (tests on the sources) or with
 * `workers: false` the scan runs on the calling thread. Options travel to the worker by structured
 * clone, so they are plain data: a pull request's unit selection is ScanOptions.units, not a function.
 */









/** After this many deaths the scan gives up: something other than one unit is wrong. */
const MAX_DEATHS = 8;
/** Most workers one scan uses: each repeats discovery, so more stop paying. */
const MAX_SCAN_WORKERS = 4;
/**
 * Cores one scan worker uses. Measured per thread (/proc/<tid>/stat) on the 10 MB corpus of
 * /work/shared/perf/ratio.sh, Node 20, 2 cores: one worker runs 2.3 s of JavaScript while V8's helper
 * threads spend 1.6-1.9 s beside it (optimising compiles ~1.2 s, garbage collection ~0.5 s) and the
 * calling thread 0.7 s. Two workers run 1.6 s each (discovery, start and compiles repeated in each) and
 * the helpers 2.5-3.1 s: 6.4-7.0 s of CPU against 4.6-5.1 s, more than 2 cores give back in time. So a
 * worker per two cores: one on 2 cores, two on 4.
 */
const CORES_PER_WORKER = 2;
/**
 * How many workers share the scan: one per CORES_PER_WORKER cores up to MAX_SCAN_WORKERS
 * (AZURE_KMS_GUARD_SCAN_WORKERS sets it), when the tree may hold enough to pay for them (shares.ts mayShare). One when the scan cannot be
 * split: the deployed network is overlaid on the IaC of its whole cloud, module downloads would run in
 * every worker, and a pull request's unit selection is recorded in order.
 */
function scanWorkers(options, env = process.env) {
    if (options.deployed || options.downloadModules || options.units)
        return 1;
    const set = env.AZURE_KMS_GUARD_SCAN_WORKERS?.trim();
    if (set && /^\d+$/.test(set) && Number(set) >= 1)
        return Math.min(Number(set), 16);
    // A worker keeps about a second core busy with V8's work beside it (optimising compiles, collection).
    const workers = Math.min(Math.floor(external_node_os_.availableParallelism() / CORES_PER_WORKER), MAX_SCAN_WORKERS);
    if (workers <= 1)
        return 1;
    try {
        if (!external_node_fs_.statSync(options.path).isDirectory())
            return 1;
    }
    catch {
        return 1;
    }
    return (0,shares/* mayShare */.Xb)(options.path, env) ? workers : 1;
}
/** What a file or unit is told when the worker died on it: "the worker <doing> ran out of memory". */
const DOING = {
    parsing: 'parsing it',
    evaluation: 'evaluating it',
    model: 'building its network model',
    analysis: 'analysing its network',
};
/** The scan of `options`, isolated when the bundle has its worker; the same result either way. */
async function scanIsolated(options) {
    const script = (0,worker_start/* workerScript */.wF)();
    // AZURE_KMS_GUARD_WORKERS=0: on the calling thread (benchmarks compare the two).
    if (!script || options.workers === false || process.env.AZURE_KMS_GUARD_WORKERS === '0') {
        // Loaded only here: with its worker, the calling thread never runs the pipeline, and leaving it
        // out of the bundle's first chunk spares the action and the CLI parsing it at every start.
        const { scan } = await Promise.all(/* import() */[__webpack_require__.e(846), __webpack_require__.e(746), __webpack_require__.e(451), __webpack_require__.e(186)]).then(__webpack_require__.bind(__webpack_require__, 7186));
        return scan(options);
    }
    const count = scanWorkers(options);
    // The merge runs here once the shares are judged; its code (small: no parsers) loads while they work.
    const merging = __webpack_require__.e(/* import() */ 451).then(__webpack_require__.bind(__webpack_require__, 9451));
    // Attached now: a failed load is reported where it is awaited, not as an unhandled rejection.
    merging.catch(() => { });
    const skip = {};
    const heapMb = (0,worker_start/* unitHeapMb */.WH)();
    const live = new Set();
    // What the workers send is kept until the merge: one copy of each string (intern.ts).
    const strings = new StringTable();
    const told = Array.from({ length: count }, () => ({ files: 0, units: 0 }));
    let deaths = 0;
    let stopped = false;
    // The files of the findings that came in, read for their suppressions while the workers go on: the
    // text when it has a directive, else undefined (its findings are kept, as applySuppressions keeps them).
    const suppressions = new Map();
    // Files the worker read without a directive: nothing to suppress there, no need to read them again.
    const readClean = (files) => {
        for (const file of files)
            suppressions.set(file, undefined);
    };
    const takeIn = (judged, boundary) => {
        for (const u of judged)
            for (const f of u.findings) {
                const file = f.location.file;
                if (suppressions.has(file) || /\.json$/i.test(file))
                    continue;
                const r = (0,read_source/* readSource */.o$)(file, boundary);
                suppressions.set(file, r.ok && r.text.includes(inline/* DIRECTIVE */.Eq) ? r.text : undefined);
            }
        // The merge's work on these units alone, done now rather than after the last one (scan-merge.ts
        // prepareMerge). Only a head start: what it leaves undone (or if it fails) the merge does itself.
        merging.then((m) => m.prepareMerge(judged)).catch(() => { });
    };
    const runShare = async (index) => {
        for (;;) {
            // What this attempt skips: a subject another share adds meanwhile is news to it, not a return.
            const skipping = { ...skip };
            const onProgress = options.onProgress
                ? (p) => {
                    told[index] = p;
                    options.onProgress?.({
                        files: Math.max(...told.map((t) => t.files)),
                        units: told.reduce((n, t) => n + t.units, 0),
                    });
                }
                : undefined;
            // Units a worker sent before it died are judged again by the next attempt.
            const streamed = [];
            const onUnits = (judged, boundary, clean) => {
                readClean(clean);
                streamed.push(judged);
                takeIn(judged, boundary);
            };
            const attempt = await runWorker(script, options, skipping, heapMb, { index, count }, live, onProgress, onUnits, readClean, strings);
            if (stopped)
                throw new Error('the scan stopped');
            if (attempt.ok)
                return { ...attempt.part, judged: [...streamed.flat(), ...attempt.part.judged] };
            const { phase, subject } = attempt.at;
            deaths++;
            // A death no one file or unit answers for (or one that came back) ends the scan, naming the phase.
            if (subject === undefined || subject in skipping || deaths >= MAX_DEATHS)
                throw new Error(`the scan stopped while ${unit_watch/* PHASES */.ZG[phase]}${subject === undefined ? ', outside any one file or deployment unit' : ''}: ` +
                    `its worker ${attempt.why}`);
            skip[subject] ??= `the worker ${DOING[phase] ?? `${unit_watch/* PHASES */.ZG[phase]} it`} ${attempt.why}`;
        }
    };
    try {
        const shares = await Promise.all(Array.from({ length: count }, (_, i) => runShare(i)));
        // Units reading VNets other shares declare: judged again in one worker, with those VNets' facts.
        const parts = await (0,cross_unit/* crossUnitPass */.k7)(options, shares, async (again) => {
            const streamed = [];
            const attempt = await runWorker(script, again, { ...skip }, heapMb, { index: 0, count: 1 }, live, undefined, (judged, boundary, clean) => {
                readClean(clean);
                streamed.push(judged);
                takeIn(judged, boundary);
            }, readClean, strings);
            return attempt.ok ? [...streamed.flat(), ...attempt.part.judged] : undefined;
        });
        if (options.lastScan)
            await (0,worker_start/* retireWarmWorker */.nT)();
        const { finishScan } = await merging;
        const first = parts[0];
        return await finishScan(options, parts, () => __webpack_require__.e(/* import() */ 746).then(__webpack_require__.bind(__webpack_require__, 3746)), (file) => {
            if (suppressions.has(file))
                return suppressions.get(file);
            const r = (0,read_source/* readSource */.o$)(file, first.boundary);
            return r.ok ? r.text : undefined;
        });
    }
    finally {
        stopped = true;
        for (const w of live)
            void w.terminate();
    }
}
function runWorker(script, options, skip, heapMb, share, live, onProgress, onUnits, 
/** Given the files the worker read that hold no suppression directive, with its part. */
onClean, strings) {
    const { onProgress: _told, ...rest } = options;
    const watch = new SharedArrayBuffer(unit_watch/* UNIT_KEY_BYTES */.l9);
    const input = { options: rest, share, skip, watch };
    return new Promise((resolve, reject) => {
        const served = (0,worker_start/* takeWarm */.DQ)(heapMb);
        const worker = served?.worker ?? (0,worker_start/* startWorker */.Dh)(script, (0,worker_start/* workerOptions */.vo)(heapMb, input));
        live.add(worker);
        let settled = false;
        /** A serving worker goes back to the park once its scan is over (done or failed); a one-scan worker ends. */
        const release = () => {
            worker.removeAllListeners('message');
            worker.removeAllListeners('error');
            worker.removeAllListeners('exit');
            live.delete(worker);
            if (served)
                (0,worker_start/* idle */.N7)(served);
            else
                void worker.terminate();
        };
        const settle = (a) => {
            if (settled)
                return;
            settled = true;
            live.delete(worker);
            resolve(a);
        };
        worker.on('message', (m) => {
            if (m.type === 'progress')
                onProgress?.({ files: m.files, units: m.units });
            else if (m.type === 'units')
                onUnits(strings.intern(m.judged), m.boundary, m.clean);
            else if (m.type === 'done') {
                onClean(m.clean);
                settle({ ok: true, part: strings.intern(m.part) });
                release();
            }
            else {
                settled = true;
                release();
                reject(new Error(m.message));
            }
        });
        worker.on('error', (err) => settle({
            ok: false,
            at: (0,unit_watch/* readWatch */.Qn)(watch),
            why: err.code === 'ERR_WORKER_OUT_OF_MEMORY'
                ? `ran out of memory (heap limit ${heapMb} MB)`
                : `crashed (${err.message.split('\n')[0].slice(0, 200)})`,
        }));
        worker.on('exit', (code) => settle({ ok: false, at: (0,unit_watch/* readWatch */.Qn)(watch), why: `stopped with exit code ${code}` }));
        if (served)
            worker.postMessage(input);
    });
}

// EXTERNAL MODULE: ./src/sources/parsing/discover.ts
var discover = __webpack_require__(3146);
// EXTERNAL MODULE: ./src/pipeline/stage-stats.ts
var stage_stats = __webpack_require__(5558);
;// CONCATENATED MODULE: ./src/cli/progress.ts
class Progress {
    write;
    delayMs;
    started = Date.now();
    shown = false;
    last = 0;
    constructor(write, delayMs = 1000) {
        this.write = write;
        this.delayMs = delayMs;
    }
    update(p) {
        const now = Date.now();
        if (now - this.started < this.delayMs || now - this.last < 100)
            return;
        this.last = now;
        this.shown = true;
        this.write(`\r\u001b[2Kscanning: ${p.files} files, ${p.units} units judged`);
    }
    done() {
        if (this.shown)
            this.write('\r\u001b[2K');
    }
}

;// CONCATENATED MODULE: ./src/cli/run.ts
/**
 * One CLI run from parsed options to exit code: config, scan (or one scan per staged root for the
 * pre-commit hook), baseline, every requested report, the summary line on stderr.
 */


















const EXIT_CLEAN = 0;
const EXIT_FINDINGS = 1;
const EXIT_ERROR = 2;
const EXIT_UNREADABLE = 3;
/**
 * The config named by --config, else `.azure-kms-guard.yml` in the scanned folder; problems are usage errors.
 */
function readConfig(opts, root, io) {
    let dir = (0,external_node_fs_.statSync)(root).isFile() ? (0,external_node_path_.dirname)(root) : root;
    let name;
    if (opts.config !== undefined) {
        const file = (0,external_node_path_.resolve)(io.cwd, opts.config);
        if (!(0,external_node_fs_.existsSync)(file))
            throw new UsageError(`--config: ${opts.config} not found`);
        dir = (0,external_node_path_.dirname)(file);
        name = (0,external_node_path_.basename)(file);
    }
    const loaded = loadConfig(dir, name);
    if (loaded.problems.length > 0) {
        const where = (p) => `${(0,report_paths/* displayPath */.Gt)(p.file.includes(external_node_path_.sep) ? p.file : (0,external_node_path_.resolve)(dir, p.file), io.cwd)}${p.line ? `:${p.line}` : ''}`;
        throw new UsageError(`the config file has ${plural(loaded.problems.length, 'problem')}:\n` +
            loaded.problems.map((p) => `  ${where(p)}: ${plainLine(p.message)}`).join('\n'));
    }
    // Flags win over the file: --rule keeps only the named rules (and KMS012: an unread file is never
    // judged, so it is not a rule one opts into), --skip-rule turns rules off.
    const rules = { ...loaded.config.rules };
    if (opts.onlyRules.length > 0)
        for (const r of src_rules/* allRules */.V7)
            if (!opts.onlyRules.includes(r.id) && r.id !== 'KMS012')
                rules[r.id] = 'off';
    for (const r of opts.skipRules)
        rules[r] = 'off';
    return { loaded: { ...loaded, config: { ...loaded.config, rules } }, dir };
}
function loadBaseline(opts, io) {
    if (opts.baseline === undefined)
        return undefined;
    const file = (0,external_node_path_.resolve)(io.cwd, opts.baseline);
    if (!(0,external_node_fs_.existsSync)(file))
        throw new UsageError(`--baseline: ${opts.baseline} not found`);
    try {
        return (0,baseline/* readBaseline */.mF)(file);
    }
    catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error));
    }
}
/**
 * The git repository `path` is in (the nearest folder above holding `.git`, a folder or a worktree's
 * file), where local modules outside the scanned path are read from, as Terraform reads them. Hand-written:
 * a walk up the tree, so the CLI needs no git binary for it.
 */
function repository(path) {
    for (let dir = (0,external_node_path_.resolve)(path);; dir = (0,external_node_path_.dirname)(dir)) {
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(dir, '.git')))
            return dir;
        if ((0,external_node_path_.dirname)(dir) === dir)
            return undefined;
    }
}
async function scanRoot(path, opts, io, last, progress) {
    const root = (0,external_node_path_.resolve)(io.cwd, path);
    if (!(0,external_node_fs_.existsSync)(root))
        throw new UsageError(`path not found: ${path}`);
    const { loaded, dir } = readConfig(opts, root, io);
    const baseline = loadBaseline(opts, io);
    const repo = repository(root);
    return scanIsolated({
        ...(baseline ? { baseline } : {}),
        path: root,
        cloud: opts.cloud ?? 'auto',
        varFiles: opts.varFiles.map((f) => (0,external_node_path_.resolve)(io.cwd, f)),
        planFiles: opts.planFiles.map((f) => (0,external_node_path_.resolve)(io.cwd, f)),
        ...(opts.downloadModules
            ? {
                downloadModules: {
                    registries: opts.downloadModules.registries,
                    ...(opts.downloadModules.cacheDir !== undefined
                        ? { cacheDir: (0,external_node_path_.resolve)(io.cwd, opts.downloadModules.cacheDir) }
                        : {}),
                },
            }
            : {}),
        config: loaded,
        repoRoot: dir,
        ...(repo !== undefined ? { readRoot: repo } : {}),
        verbose: opts.verbose,
        lastScan: last,
        ...(io.workers !== undefined ? { workers: io.workers } : {}),
        ...(progress ? { onProgress: (p) => progress.update(p) } : {}),
    });
}
/**
 * The pre-commit hook's roots: the folders of the staged IaC files (a Terraform root module, a Bicep
 * or ARM deployment lives in one folder), without folders inside another one already listed.
 */
function hookRoots(files, cwd) {
    const dirs = [
        ...new Set(files.filter((f) => (0,discover/* classify */.L8)(f) !== undefined).map((f) => (0,external_node_path_.dirname)((0,external_node_path_.resolve)(cwd, f)))),
    ].sort();
    return dirs.filter((d) => !dirs.some((o) => o !== d && !(0,external_node_path_.relative)(o, d).startsWith('..') && !(0,external_node_path_.isAbsolute)((0,external_node_path_.relative)(o, d))));
}
function merge(results, cwd) {
    return {
        clouds: [...new Set(results.flatMap((r) => r.clouds))],
        findings: results.flatMap((r) => r.findings),
        suppressed: results.flatMap((r) => r.suppressed),
        filesScanned: results.reduce((n, r) => n + r.filesScanned, 0),
        root: cwd,
        verdict: (0,verdict/* scanVerdict */.nj)(results.flatMap((r) => r.verdict.subnets), {
            read: results.reduce((n, r) => n + r.verdict.files.read, 0),
            skipped: results.reduce((n, r) => n + r.verdict.files.skipped, 0),
        }, results.reduce((n, r) => n + r.verdict.unusedRouteTables, 0)),
    };
}
/**
 * KMS012: files the scan could not read or parse; what they declare was not judged. Not the notices about
 * what the scan chose to leave out or about suppression comments (`readFine`): their files were read.
 */
const unreadable = (findings) => findings.filter((f) => f.ruleId === 'KMS012' && !f.readFine);
async function runCli(opts, io) {
    const startTime = new Date();
    const say = (line) => {
        if (!opts.quiet)
            io.stderr(`${tool/* TOOL_NAME */.lH}: ${line}\n`);
    };
    if (opts.verbose)
        (0,stage_stats/* onStage */.G)((t) => io.stderr(`${tool/* TOOL_NAME */.lH}: stage ${t.name}: ${t.ms.toFixed(0)} ms, heap ${t.heapMB.toFixed(0)} MB, rss ${t.rssMB.toFixed(0)} MB\n`));
    const progress = io.progress && !opts.quiet ? new Progress(io.stderr) : undefined;
    let result;
    try {
        if (opts.command === 'hook') {
            const roots = hookRoots(opts.paths, io.cwd);
            const results = [];
            for (const [i, r] of roots.entries())
                results.push(await scanRoot(r, opts, io, i === roots.length - 1, progress));
            result = merge(results, io.cwd);
        }
        else
            result = await scanRoot(opts.paths[0] ?? '.', opts, io, true, progress);
    }
    finally {
        progress?.done();
        if (opts.verbose)
            (0,stage_stats/* onStage */.G)(undefined);
    }
    if (opts.baselineWrite !== undefined) {
        const file = (0,external_node_path_.resolve)(io.cwd, opts.baselineWrite);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true });
        await (0,promises_.writeFile)(file, JSON.stringify((0,baseline/* toBaseline */.Fd)(result.findings, result.root), null, 2) + '\n', 'utf8');
        say(`baseline of ${plural(result.findings.length, 'finding')} written to ${(0,report_paths/* displayPath */.Gt)(file, io.cwd)}`);
    }
    if (result.baseline) {
        const { known, fixed } = result.baseline;
        say(`baseline: ${plural(result.findings.length, 'new finding')}, ${plural(known, 'finding')} already in it` +
            `, ${fixed.length} of its entries fixed`);
        for (const e of fixed)
            say(`  fixed: ${plainLine(`${e.ruleId} ${e.resource} (${e.file}:${e.line})`)}`);
    }
    // Decided before the reports are written: SARIF's invocation records it.
    const broken = unreadable(result.findings);
    const fails = failsAt(result.findings, opts.failOn) || verdictFails(result.verdict, opts.failOnUnknown);
    const exitCode = opts.failOnUnreadable && broken.length > 0 ? EXIT_UNREADABLE : fails ? EXIT_FINDINGS : EXIT_CLEAN;
    for (const d of opts.outputs) {
        const text = render(d.format, result, {
            startTime,
            exitCode,
            cwd: io.cwd,
            failOn: opts.failOn,
            failOnUnknown: opts.failOnUnknown,
            color: d.file === undefined && io.color === true,
            ...(io.columns ? { columns: io.columns } : {}),
        });
        if (d.file === undefined)
            io.stdout(text);
        else {
            const file = (0,external_node_path_.resolve)(io.cwd, d.file);
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true });
            await (0,promises_.writeFile)(file, text, 'utf8');
            say(`${d.format} report written to ${(0,report_paths/* displayPath */.Gt)(file, io.cwd)}`);
        }
    }
    if (broken.length > 0) {
        const files = [...new Set(broken.map((f) => (0,report_paths/* displayPath */.Gt)(f.location.file, io.cwd)))];
        say(`${plural(files.length, 'file')} could not be read or parsed, so what they declare was not judged: ` +
            plainLine(files.slice(0, 5).join(', ') + (files.length > 5 ? `, and ${files.length - 5} more` : '')) +
            (opts.failOnUnreadable ? '' : ' (--fail-on-unreadable makes this exit 3)'));
    }
    if (opts.outputs.every((d) => d.file !== undefined)) {
        say(describeCounts(countFindings(result.findings)));
        say(plainLine(verdictHeadline(result.verdict)));
    }
    return exitCode;
}

;// CONCATENATED MODULE: ./src/pipeline/exit-when-written.ts
/**
 * How the CLI and the action end: with their exit code, once what they wrote to stdout and stderr is out (a
 * write's callback runs after the writes before it), instead of letting the process wind down by itself.
 * Left to end by itself, the process first tears its heaps down, waiting for V8's helper threads to free
 * them: after a 10 MB scan 0.15-0.3 s (CLI), and 0.2-0.8 s under load after the action's last output line
 * (the main thread on a futex while a helper thread freed the heap page by page). Every write, request
 * and git process a run starts is awaited before it returns, so nothing is cut short; a speculative scan the
 * run no longer needs is (the worker is ended with the process).
 */
function exitWhenWritten(code) {
    process.exitCode = code;
    process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * The CLI: `azure-kms-guard scan [PATH]` (and `hook FILE...` for pre-commit). The same pipeline and
 * reporters as the action; exit codes are the contract with scripts (see `--help` and README). The
 * program (dist/cli/index.js) is bin.ts, which starts the scan worker before it loads this module.
 */






const USAGE = usage();
async function main(argv, io) {
    try {
        const opts = parseCommandLine(argv);
        if (opts.command === 'help') {
            io.stdout(USAGE);
            return EXIT_CLEAN;
        }
        if (opts.command === 'version') {
            io.stdout(`${tool/* TOOL_VERSION */.wr}\n`);
            return EXIT_CLEAN;
        }
        return await runCli(opts, io);
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof UsageError) {
            // Config problems span lines (one per problem); each line is made safe on its own.
            io.stderr(`${tool/* TOOL_NAME */.lH}: ${message.split('\n').map(plainLine).join('\n')}\nRun '${tool/* TOOL_NAME */.lH} --help' for usage.\n`);
            return EXIT_ERROR;
        }
        io.stderr(`${tool/* TOOL_NAME */.lH}: error: ${plainLine(message)}\n`);
        return EXIT_ERROR;
    }
}
/** Runs the command line of this process and exits with its code (bin.ts calls it). */
function runProgram() {
    main(process.argv.slice(2), {
        stdout: (s) => process.stdout.write(s),
        stderr: (s) => process.stderr.write(s),
        cwd: process.cwd(),
        color: process.stdout.isTTY === true && !process.env.NO_COLOR,
        columns: process.stdout.columns,
        progress: process.stderr.isTTY === true,
    }).then((code) => exitWhenWritten(code), (error) => {
        process.stderr.write(`${tool/* TOOL_NAME */.lH}: error: ${plainLine(error instanceof Error ? error.message : String(error))}\n`);
        exitWhenWritten(EXIT_ERROR);
    });
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

/***/ 2607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ emptyModel),
/* harmony export */   Xm: () => (/* binding */ emptyNetworkManager),
/* harmony export */   Z_: () => (/* binding */ emptyGatewayModel),
/* harmony export */   lG: () => (/* binding */ emptyVirtualWan)
/* harmony export */ });
/* unused harmony export mergeModels */
function emptyVirtualWan() {
    return { hubs: [], connections: [], routingIntents: [], routeTables: [], gateways: [] };
}
function emptyGatewayModel() {
    return { gateways: [], localNetworkGateways: [], peerings: [] };
}
function emptyNetworkManager() {
    return { groups: [], configurations: [], adminRules: [], routes: [] };
}
function emptyModel() {
    return {
        routeTables: [],
        subnets: [],
        nsgs: [],
        firewalls: [],
        firewallPolicies: [],
        ipGroups: [],
        natGateways: [],
        diagnostics: [],
        cloudHints: [],
    };
}
/** Appends one model to another (several module directories, several sources). */
function mergeModels(into, from) {
    into.routeTables.push(...from.routeTables);
    into.subnets.push(...from.subnets);
    into.nsgs.push(...from.nsgs);
    into.firewalls.push(...from.firewalls);
    into.firewallPolicies.push(...from.firewallPolicies);
    into.ipGroups.push(...from.ipGroups);
    into.natGateways.push(...from.natGateways);
    if (from.networkInterfaces)
        (into.networkInterfaces ??= []).push(...from.networkInterfaces);
    into.diagnostics.push(...from.diagnostics);
    for (const c of from.cloudHints)
        if (!into.cloudHints.includes(c))
            into.cloudHints.push(c);
    if (from.detachedRoutes)
        (into.detachedRoutes ??= []).push(...from.detachedRoutes);
    if (from.vnets)
        (into.vnets ??= []).push(...from.vnets);
    if (from.virtualWan) {
        const w = (into.virtualWan ??= emptyVirtualWan());
        w.hubs.push(...from.virtualWan.hubs);
        w.connections.push(...from.virtualWan.connections);
        w.routingIntents.push(...from.virtualWan.routingIntents);
        w.routeTables.push(...from.virtualWan.routeTables);
        w.gateways.push(...from.virtualWan.gateways);
    }
    if (from.networkManager) {
        const n = (into.networkManager ??= emptyNetworkManager());
        n.groups.push(...from.networkManager.groups);
        n.configurations.push(...from.networkManager.configurations);
        n.adminRules.push(...from.networkManager.adminRules);
        n.routes.push(...from.networkManager.routes);
    }
    if (from.bgp) {
        const g = (into.bgp ??= emptyGatewayModel());
        g.gateways.push(...from.bgp.gateways);
        g.localNetworkGateways.push(...from.bgp.localNetworkGateways);
        g.peerings.push(...from.bgp.peerings);
    }
    return into;
}


/***/ }),

/***/ 2904:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ unknown),
/* harmony export */   Nu: () => (/* binding */ usedAt),
/* harmony export */   P6: () => (/* binding */ partCause),
/* harmony export */   PG: () => (/* binding */ triOr),
/* harmony export */   Rp: () => (/* binding */ triAnd),
/* harmony export */   eO: () => (/* binding */ known),
/* harmony export */   wY: () => (/* binding */ partLine)
/* harmony export */ });
/* unused harmony exports isKnown, valueOr */
/**
 * Every value in the network model remembers where it came from and whether it is known.
 * Unknown is a first-class answer: it flows through the analysis and ends as a KMS011 notice
 * naming the expression, never as a guessed verdict.
 */
/**
 * `site` for a value used there that was written at `written`: the same origin when it was written in
 * `site`'s file, else `site` remembering where (Origin.from). Evaluators call it where a value crosses
 * from a variable, parameter or module input to the attribute that uses it.
 */
function usedAt(site, written) {
    const first = written.from ?? written;
    if (first.file === site.file)
        return site;
    return { file: site.file, startLine: site.startLine, endLine: site.endLine, from: first };
}
/**
 * The cause every value a part of a deployment the scan cannot follow leaves unknown shares (Unknown.cause),
 * and the key of the notice naming that part (its address at its line): src/rules/kms011-unresolved.ts
 * gives one finding per part and line, the notice only where no subnet's verdict names the part.
 */
const partCause = (o, address) => `${partLine(o)}\u0000${address}`;
/** The line of a part (PartCause without the address), for the source's own notices, which may name none. */
const partLine = (o) => `part\u0000${o.file}\u0000${o.startLine}`;
function known(value, origin) {
    return origin ? { known: true, value, origin } : { known: true, value };
}
function unknown(expression, reason, origin, ref) {
    const u = { known: false, expression };
    if (reason !== undefined)
        u.reason = reason;
    if (origin)
        u.origin = origin;
    if (ref)
        u.ref = ref;
    return u;
}
function isKnown(v) {
    return v !== undefined && v.known;
}
/** The value if known, else the fallback. */
function valueOr(v, fallback) {
    return v !== undefined && v.known ? v.value : fallback;
}
function triAnd(a, b) {
    if (a === false || b === false)
        return false;
    if (a === 'unknown' || b === 'unknown')
        return 'unknown';
    return true;
}
function triOr(a, b) {
    if (a === true || b === true)
        return true;
    if (a === 'unknown' || b === 'unknown')
        return 'unknown';
    return false;
}


/***/ }),

/***/ 3580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lh: () => (/* binding */ labelVnets),
/* harmony export */   Ll: () => (/* binding */ vnetKeyOfName),
/* harmony export */   TF: () => (/* binding */ vnetKeyOfArmId),
/* harmony export */   l3: () => (/* binding */ vnetMentionOf),
/* harmony export */   qv: () => (/* binding */ labelMentions),
/* harmony export */   yH: () => (/* binding */ sameVnet)
/* harmony export */ });
const VNET_PATH = /^(?:\/subscriptions\/([^/]+))?\/resourcegroups\/([^/]+)\/providers\/microsoft\.network\/virtualnetworks\/([^/]+)/i;
/** The key of a VNet named by an ARM id (of the VNet or of anything under it); undefined without a resource group. */
function vnetKeyOfArmId(armId) {
    const m = VNET_PATH.exec(armId.trim().replace(/\/+$/, ''));
    if (!m)
        return undefined;
    return m[0].toLowerCase();
}
/** The key of a VNet the source names only by name and resource group. */
function vnetKeyOfName(name, resourceGroup) {
    return `/resourcegroups/${resourceGroup}/providers/microsoft.network/virtualnetworks/${name}`.toLowerCase();
}
/**
 * Whether two keys name the same VNet: true, false, or 'unknown' when either is not known. Keys of the
 * ARM-id form are compared by resource group and name, and by subscription when both say it (an IaC
 * key without subscription is the subscription the IaC deploys to, which the IaC does not say: it matches a
 * deployed VNet in any subscription; src/sources/azure/overlay-vnets.ts names two such matches as ambiguous).
 */
function sameVnet(a, b) {
    if (!a?.known || !b?.known)
        return 'unknown';
    const x = a.value.toLowerCase();
    const y = b.value.toLowerCase();
    if (x === y)
        return true;
    const p = VNET_PATH.exec(x);
    const q = VNET_PATH.exec(y);
    if (!p || !q || p[0] !== x || q[0] !== y)
        return false;
    if (p[2] !== q[2] || p[3] !== q[3])
        return false;
    return p[1] === undefined || q[1] === undefined || p[1] === q[1];
}
/** Subscription and resource group of a VNet key of the ARM-id form, lower case where Azure ignores case. */
function scopeOfKey(key) {
    const m = key === undefined ? null : VNET_PATH.exec(key);
    if (!m)
        return {};
    return { ...(m[1] ? { subscription: m[1] } : {}), resourceGroup: m[2] };
}
/** Where a subnet's VNet is: the subscription and resource group the source states or its key holds. */
function placeOf(s) {
    const fromKey = scopeOfKey(s.vnetId?.known ? s.vnetId.value : undefined);
    const subscription = s.subscription ?? fromKey.subscription;
    const resourceGroup = s.resourceGroup ?? fromKey.resourceGroup;
    return {
        ...(subscription !== undefined ? { subscription: subscription.toLowerCase() } : {}),
        ...(resourceGroup !== undefined ? { resourceGroup } : {}),
        key: s.vnetId?.known ? s.vnetId.value : s.address,
    };
}
/** The subnet's VNet as findings and verdicts carry it; undefined when its name is not known. */
function vnetMentionOf(s) {
    if (!s.vnetName?.known)
        return undefined;
    const label = s.vnetLabel ?? s.vnetName.value;
    return { name: s.vnetName.value, label, unitLabel: label, ...placeOf(s) };
}
const placeOfMention = (m) => ({
    key: m.key,
    ...(m.subscription !== undefined ? { subscription: m.subscription } : {}),
    ...(m.resourceGroup !== undefined ? { resourceGroup: m.resourceGroup } : {}),
});
/**
 * What tells same-named VNets apart, one qualifier per VNet in order: the resource group where the groups
 * differ, the subscription and group where only the subscriptions do, else the VNet key itself.
 */
function qualifiers(places) {
    const distinct = (f) => places.every((p) => f(p) !== undefined) && new Set(places.map(f)).size === places.length;
    const byGroup = distinct((p) => p.resourceGroup?.toLowerCase());
    const bySubscription = distinct((p) => p.resourceGroup === undefined ? undefined : `${p.subscription ?? ''}/${p.resourceGroup.toLowerCase()}`);
    const byKey = keyQualifiers(places.map((p) => p.key));
    return places.map((p, i) => byGroup
        ? p.resourceGroup
        : bySubscription && p.subscription !== undefined
            ? `subscription ${p.subscription}, ${p.resourceGroup}`
            : byKey[i]);
}
/** The file of a Bicep (`infra/main.bicep::hub.vnet`) or ARM (`infra/main.json#Microsoft.Network/\u2026`) model key. */
const fileOfKey = (key) => /^(.+?\.(?:bicep|json))(?:::|#)/.exec(key)?.[1];
/**
 * Qualifiers of last resort, kept short: a Bicep or ARM VNet by the end of its file's path that no other
 * VNet of the name shares (`All-in-One-Bicep/main.json`, not the template path and resource chain),
 * anything else (a Terraform address, two VNets of one file) by its whole key.
 */
function keyQualifiers(keys) {
    const files = keys.map(fileOfKey);
    return keys.map((key, i) => {
        const file = files[i];
        if (!file || files.some((f, j) => j !== i && f === file))
            return key;
        const parts = file.split('/');
        for (let n = 1; n < parts.length; n++) {
            const tail = parts.slice(-n).join('/');
            if (files.every((f, j) => j === i || !f || (f !== tail && !f.endsWith(`/${tail}`))))
                return tail;
        }
        return file;
    });
}
/**
 * Gives the subnets of same-named VNets a label that tells them apart (`vnet-spoke (rg-spoke-a)`), so a
 * report about two `vnet-spoke` in two resource groups or subscriptions does not read as one VNet. Names
 * that are unique in the model stay short. Within a model VNets are told apart by key (vnetId).
 */
function labelVnets(model) {
    const byName = new Map();
    for (const s of model.subnets) {
        delete s.vnetLabel;
        if (!s.vnetName?.known)
            continue;
        const name = s.vnetName.value.toLowerCase();
        byName.set(name, [...(byName.get(name) ?? []), s]);
    }
    for (const subnets of byName.values()) {
        const keyOf = (s) => (s.vnetId?.known ? s.vnetId.value.toLowerCase() : `?${s.id}`);
        const vnets = new Map();
        for (const s of subnets)
            if (!vnets.has(keyOf(s)))
                vnets.set(keyOf(s), s);
        if (vnets.size < 2)
            continue;
        const labels = new Map();
        const q = qualifiers([...vnets.values()].map(placeOf));
        [...vnets.keys()].forEach((k, i) => labels.set(k, q[i]));
        for (const s of subnets)
            s.vnetLabel = `${s.vnetName.known ? s.vnetName.value : ''} (${labels.get(keyOf(s))})`;
    }
}
/**
 * The labels of VNets mentioned across a whole report (several units, or a pull request's base and
 * head), by Azure identity: mentions of one name in one resource group are one VNet unless they state two
 * subscriptions (a mention without one is the VNet of that group whatever its subscription); without a
 * resource group, a mention is its own VNet. A name only one VNet has keeps `single` (by default the
 * label its unit gave it). Returns the label each mention should carry.
 */
function labelMentions(mentions, single = (m) => m.unitLabel) {
    const out = new Map();
    const byName = new Map();
    for (const m of mentions) {
        const k = m.name.toLowerCase();
        const list = byName.get(k);
        if (list)
            list.push(m);
        else
            byName.set(k, [m]);
    }
    for (const group of byName.values()) {
        // Azure identity of each mention: subscription/group/name, the subscription only where it tells apart.
        const groups = new Map();
        for (const m of group)
            if (m.resourceGroup !== undefined && m.subscription !== undefined) {
                const rg = m.resourceGroup.toLowerCase();
                groups.set(rg, (groups.get(rg) ?? new Set()).add(m.subscription));
            }
        const identity = (m) => {
            if (m.resourceGroup === undefined)
                return `?${m.key.toLowerCase()}`;
            const rg = m.resourceGroup.toLowerCase();
            const subscriptions = groups.get(rg);
            if (!subscriptions || subscriptions.size < 2)
                return `/${rg}`;
            return `${m.subscription ?? '?'}/${rg}`;
        };
        const vnets = new Map();
        for (const m of group) {
            const id = identity(m);
            const place = vnets.get(id);
            if (!place)
                vnets.set(id, placeOfMention(m));
            else if (place.subscription === undefined && m.subscription !== undefined)
                place.subscription = m.subscription;
        }
        if (vnets.size < 2) {
            for (const m of group)
                out.set(m, single(m));
            continue;
        }
        const q = qualifiers([...vnets.values()]);
        const labelOf = new Map([...vnets.keys()].map((id, i) => [id, q[i]]));
        for (const m of group)
            out.set(m, `${m.name} (${labelOf.get(identity(m))})`);
    }
    return out;
}


/***/ }),

/***/ 3217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q2: () => (/* binding */ portableDigest),
/* harmony export */   WQ: () => (/* binding */ undecidedSubnets),
/* harmony export */   i: () => (/* binding */ unitRef),
/* harmony export */   k7: () => (/* binding */ crossUnitPass)
/* harmony export */ });
/* unused harmony exports planRejudge, factsDigest */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _analysis_cross_unit_vnets__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5114);
/* harmony import */ var _analysis_cross_unit_firewalls__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1561);
/* harmony import */ var _analysis_cross_unit_sites__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2168);
/* harmony import */ var _analysis_azure_identity__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1592);
/* harmony import */ var _analysis_cross_unit_attachments__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(318);
/* harmony import */ var _model_value__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2904);
/* harmony import */ var _model_vnet__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3580);
/**
 * The scan's second pass over units that read a VNet another unit declares (src/analysis/cross-unit-vnets.ts).
 * Units are judged one after another, in several workers, and dropped; each tells what VNets it declares
 * and which undeclared ones its undecided subnets rest on (JudgedUnit.vnets). Once all shares are judged,
 * the units whose needs another unit's VNets may answer are judged again, in one worker, with those facts
 * laid into their models (./second-pass.ts), and their first judgements are replaced. Units that need nothing, or whose needs
 * no unit declares, are not judged again: their verdicts stay as they were.
 *
 * Not with live state: it reads every VNet. Only among the units judged in this scan: a pull request run
 * adds the untouched units reading a changed unit's VNets to its selection, and never reuses the findings
 * of units resting on other units' VNets (src/action/pull-request.ts, docs/workflows.md). A unit judged
 * again carries the digest of the facts it got (JudgedUnit.received): the cache-dir keys it by them.
 */









/** How a unit is named to the others (`root module connectivity`, `deployment hub/main.bicep`) and told apart. */
function unitRef(j, root) {
    if (j.unit === undefined)
        return undefined;
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1__.relative(root, j.unit).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/') || node_path__WEBPACK_IMPORTED_MODULE_1__.basename(j.unit) || '.';
    const kind = /\.(bicep|bicepparam|json)$/i.test(j.unit) ? 'deployment' : 'root module';
    return { name: `${kind} ${rel}${j.label ? ` (variant ${j.label})` : ''}`, from: j.unit };
}
/** Whether two VNet keys (ARM-id form) surely name one VNet. */
const sameVnetKey = (a, b) => (0,_model_vnet__WEBPACK_IMPORTED_MODULE_5__/* .sameVnet */ .yH)((0,_model_value__WEBPACK_IMPORTED_MODULE_6__/* .known */ .eO)(a), (0,_model_value__WEBPACK_IMPORTED_MODULE_6__/* .known */ .eO)(b)) === true;
/** The addresses of a unit's undecided subnets: the only ones whose needs are asked for. */
const undecidedSubnets = (verdicts) => new Set(verdicts.filter((v) => v.state === 'undecided').map((v) => v.address));
/** Which units to judge again, with the facts each gets; undefined when none would change. */
function planRejudge(judged) {
    const all = judged.flatMap((u) => u.vnets?.declared ?? []);
    const allReadGateways = judged.flatMap((u) => u.vnets?.readVnetGateways ?? []);
    const allFirewalls = judged.flatMap((u) => u.vnets?.firewalls ?? []);
    const allSites = judged.flatMap((u) => u.vnets?.sites ?? []);
    const allGateways = judged.flatMap((u) => (u.vnets?.vpnGateways ?? []).map((g) => ({ g, from: u.unit })));
    const allConnections = judged.flatMap((u) => u.vnets?.connections ?? []);
    const allAttachments = judged.flatMap((u) => u.vnets?.attachments ?? []);
    if (all.length === 0 && allFirewalls.length === 0 && allSites.length === 0)
        return undefined;
    const facts = {};
    const firewalls = {};
    const sites = {};
    const settled = {};
    const connections = {};
    const attachments = {};
    const vnetGateways = {};
    const units = new Set();
    for (const u of judged) {
        if (u.unit === undefined)
            continue;
        // With the gateways other units build in them (not those it builds itself: it has them).
        const built = allReadGateways.filter((g) => g.from !== u.unit);
        const given = (u.vnets?.needs.length ? (0,_analysis_cross_unit_vnets__WEBPACK_IMPORTED_MODULE_2__/* .factsFor */ .xh)(u.vnets.needs, u.unit, all) : []).map((f) => built.length > 0 ? (0,_analysis_cross_unit_vnets__WEBPACK_IMPORTED_MODULE_2__/* .withReadGateways */ .c2)(f, built) : f);
        const givenFirewalls = u.vnets?.firewallNeeds?.length
            ? (0,_analysis_cross_unit_firewalls__WEBPACK_IMPORTED_MODULE_3__/* .firewallFactsFor */ .hv)(u.vnets.firewallNeeds, u.unit, allFirewalls)
            : [];
        // Sites linked to the unit's VPN gateways, or to those of the VNets it is given.
        const gateways = [
            ...(u.vnets?.vpnGateways ?? []),
            ...given.flatMap((f) => f.gateways.flatMap((g) => g.kind === 'vpn' && g.name.known && g.resourceGroup !== undefined
                ? [{ name: g.name.value, resourceGroup: g.resourceGroup }]
                : [])),
        ];
        const givenSites = gateways.length > 0 && allSites.length > 0 ? (0,_analysis_cross_unit_sites__WEBPACK_IMPORTED_MODULE_7__/* .siteFactsFor */ .Qr)(gateways, u.unit, allSites) : [];
        // Gateways its connections read that another unit declares: its notices naming them go.
        const declaredElsewhere = (u.vnets?.undeclaredGateways ?? []).filter((g) => allGateways.some((d) => d.from !== u.unit && (0,_analysis_azure_identity__WEBPACK_IMPORTED_MODULE_8__/* .sameResource */ .nK)(d.g, g)));
        if (declaredElsewhere.length > 0)
            settled[u.order] = declaredElsewhere;
        // Hub connections another unit makes to the VNets this unit declares (it does not know it needs them),
        // and to the VNets it is given (a subnet vended into a spoke VNet the landing zone declares and the
        // connectivity unit connects: the landing zone's facts do not know the connection). Only sure ones for
        // the latter: the given VNet's key and the connection's are the same.
        const connected = [
            ...(allConnections.length > 0 && u.vnets?.declared.length
                ? (0,_analysis_cross_unit_vnets__WEBPACK_IMPORTED_MODULE_2__/* .connectionFactsFor */ .P_)(u.vnets.declared, u.unit, allConnections)
                : []),
            ...(allConnections.length > 0 && given.length > 0
                ? (0,_analysis_cross_unit_vnets__WEBPACK_IMPORTED_MODULE_2__/* .connectionFactsFor */ .P_)(given, u.unit, allConnections).filter((c) => given.some((f) => f.key !== undefined && c.key !== undefined && sameVnetKey(f.key, c.key)))
                : []),
        ].filter((c, i, all) => all.indexOf(c) === i);
        if (connected.length > 0)
            connections[u.order] = connected;
        // NSGs, route tables and NICs other units attach to its subnets (it does not know they exist).
        const attached = allAttachments.length > 0 && u.vnets?.declared.length
            ? (0,_analysis_cross_unit_attachments__WEBPACK_IMPORTED_MODULE_4__/* .attachFactsFor */ .S5)(u.vnets.declared, u.unit, allAttachments)
            : [];
        if (attached.length > 0)
            attachments[u.order] = attached;
        // Gateways other units build in VNets it declares.
        const gatewaysIn = allReadGateways.length > 0 && u.vnets?.declared.length
            ? (0,_analysis_cross_unit_vnets__WEBPACK_IMPORTED_MODULE_2__/* .gatewayFactsFor */ .xz)(u.vnets.declared, u.unit, allReadGateways)
            : [];
        if (gatewaysIn.length > 0)
            vnetGateways[u.order] = gatewaysIn;
        if (given.length === 0 &&
            givenFirewalls.length === 0 &&
            givenSites.length === 0 &&
            declaredElsewhere.length === 0 &&
            connected.length === 0 &&
            attached.length === 0 &&
            gatewaysIn.length === 0)
            continue;
        facts[u.order] = [...new Set([...(facts[u.order] ?? []), ...given])];
        if (givenFirewalls.length > 0)
            firewalls[u.order] = [...new Set([...(firewalls[u.order] ?? []), ...givenFirewalls])];
        if (givenSites.length > 0)
            sites[u.order] = [...new Set([...(sites[u.order] ?? []), ...givenSites])];
        units.add(u.unit);
    }
    // The attaching units are judged again too: their notices saying the subnet is not declared go.
    const settledAttachments = {};
    for (const a of Object.values(attachments).flat()) {
        // A redeclared subnet is judged by its own unit too: no notice of its to settle; nor where the subnet
        // may be another (its resource group not known): the notice naming it stays.
        if (a.kind === 'subnet' || a.resourceGroup === undefined)
            continue;
        (settledAttachments[a.order] ??= []).push(a.index);
        facts[a.order] ??= [];
        units.add(a.from);
    }
    if (units.size === 0)
        return undefined;
    // The units declaring what the readers are given: the second pass asks them for the objects.
    const providers = new Set([
        ...Object.values(firewalls).flatMap((fs) => fs.map((f) => f.from)),
        ...Object.values(facts).flatMap((fs) => fs.flatMap((f) => (f.hub ? [f.from] : []))),
        ...Object.values(connections).flatMap((cs) => cs.map((c) => c.from)),
        ...Object.values(attachments).flatMap((as) => as.map((a) => a.from)),
    ]);
    return {
        units: [...units],
        facts,
        ...(providers.size > 0 ? { providers: [...providers] } : {}),
        ...(Object.keys(firewalls).length > 0 ? { firewalls } : {}),
        ...(Object.keys(sites).length > 0 ? { sites } : {}),
        ...(Object.keys(settled).length > 0 ? { settled } : {}),
        ...(Object.keys(connections).length > 0 ? { connections } : {}),
        ...(Object.keys(attachments).length > 0 ? { attachments, settledAttachments } : {}),
        ...(Object.keys(vnetGateways).length > 0 ? { vnetGateways } : {}),
    };
}
/**
 * A digest of the facts a unit was judged again with, the same for the same facts in another checkout of
 * the repository (paths under `root` are taken relative to it): a unit's findings depend on them
 * (ScanResult.crossUnit, the cache-dir's key of such a unit). `foreign`: the digest of the other units'
 * objects laid into its model in the second pass (./second-pass.ts), such as a firewall's policy: a change to
 * it changes the unit's findings as much as a change to a VNet fact.
 */
function factsDigest(facts, root, foreign) {
    const text = JSON.stringify([...facts].map((f) => portableJson(f, root)).sort());
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(foreign === undefined ? text : `${text}\u0000${foreign}`)
        .digest('hex');
}
/** The digest of plain data, the same in another checkout of the repository (as factsDigest takes it). */
function portableDigest(x, root) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(portableJson(x, root)).digest('hex');
}
/** JSON of plain data with paths under `root` relative to it. */
function portableJson(x, root) {
    const abs = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(root);
    const rel = (v) => (v.includes(abs) ? v.split(abs).join('.') : v);
    return JSON.stringify(x, (_k, v) => (typeof v === 'string' ? rel(v) : v));
}
/**
 * The parts with the units that read another unit's VNets judged again (`judge` runs a scan part with
 * ScanOptions.rejudge). A second pass that fails leaves the first judgements: undecided, as without it.
 */
async function crossUnitPass(options, parts, judge) {
    if (options.deployed || options.rejudge)
        return parts;
    const rejudge = planRejudge(parts.flatMap((p) => p.judged));
    if (!rejudge)
        return parts;
    const { onProgress: _quiet, units, ...rest } = options;
    // A pull request's head is judged from the files git knows, not from discovery: the same files again.
    const again = await judge({
        ...rest,
        ...(units?.files ? { units: { keyRoot: units.keyRoot, files: units.files } } : {}),
        rejudge,
    });
    if (!again || again.length === 0)
        return parts;
    // What each unit needed when judged alone, and which facts it was judged with: its findings depend on them.
    const first = new Map(parts.flatMap((p) => p.judged.map((u) => [u.order, u.vnets?.needs ?? []])));
    const root = units?.hashRoot ?? options.repoRoot ?? options.path;
    for (const u of again) {
        const given = rejudge.facts[u.order];
        if (given)
            u.received = { facts: factsDigest(given, root, u.foreign), needs: first.get(u.order) ?? [] };
    }
    const replaced = new Set(again.map((u) => u.order));
    return parts.map((p, i) => ({
        ...p,
        judged: [...p.judged.filter((u) => !replaced.has(u.order)), ...(i === 0 ? again : [])],
    }));
}


/***/ }),

/***/ 3092:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xb: () => (/* binding */ mayShare),
/* harmony export */   t: () => (/* binding */ Shares)
/* harmony export */ });
/* unused harmony exports MIN_SPLIT_BYTES, minSplitBytes */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _sources_parsing_discover__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3146);
/**
 * Which deployment units one scan worker judges when several share a scan (src/pipeline/scan-isolated.ts).
 *
 * Every worker finds the same files and forms the same units (discovery is deterministic), so each can
 * tell its own share without talking to the others: units go, largest first, to the least loaded share
 * (by bytes of source), the same way in every worker. Each worker parses, evaluates, models, analyses
 * and judges its units where they are parsed and sends back findings, never syntax trees; the scan
 * merges them in unit order, so the report is the same as one worker's (src/pipeline/scan.ts finishScan).
 */



/**
 * Below this many bytes of units in all, one share judges everything: a second worker would cost its
 * start and its discovery and save less than that.
 */
const MIN_SPLIT_BYTES = 1_000_000;
/** Bytes of units below which one share judges all (AZURE_KMS_GUARD_SPLIT_BYTES sets it, for tests). */
function minSplitBytes(env = process.env) {
    const v = env.AZURE_KMS_GUARD_SPLIT_BYTES?.trim();
    return v && /^\d+$/.test(v) ? Number(v) : MIN_SPLIT_BYTES;
}
/** IaC files a tree needs before a second worker is started for it (~2.8 KB each in a landing zone). */
const MIN_SPLIT_FILES = 250;
/** Most directory entries the probe looks at before it takes the tree as large. */
const PROBE_ENTRIES = 20_000;
const IAC_FILE = /\.(tf|tfvars|tf\.json|tfvars\.json|bicep|bicepparam|json)$/;
/**
 * Whether the tree under `root` may hold enough to share (before any worker starts, on the calling thread):
 * counts IaC-looking files, stopping at MIN_SPLIT_FILES or after PROBE_ENTRIES entries (then: large), so a
 * small workspace starts one worker and a hostile one costs this thread a bounded walk. The workers
 * decide by bytes (minSplitBytes) once they have read the sources.
 */
function mayShare(root, env = process.env) {
    if (minSplitBytes(env) === 0)
        return true;
    let files = 0;
    let entries = 0;
    const dirs = [root];
    for (let dir = dirs.pop(); dir !== undefined; dir = dirs.pop()) {
        let list;
        try {
            list = node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync(dir, { withFileTypes: true });
        }
        catch {
            continue;
        }
        for (const e of list) {
            if (++entries > PROBE_ENTRIES)
                return true;
            // Symbolic links are not followed here: the probe only estimates.
            if (e.isDirectory()) {
                if (!_sources_parsing_discover__WEBPACK_IMPORTED_MODULE_2__/* .SKIP_DIRS */ .z_.has(e.name))
                    dirs.push(node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, e.name));
            }
            else if (IAC_FILE.test(e.name) && ++files >= MIN_SPLIT_FILES)
                return true;
        }
    }
    return false;
}
class Shares {
    spec;
    onEnter;
    load;
    whole = false;
    minBytes = minSplitBytes();
    constructor(spec, 
    /** Told as this worker starts on each unit of its share. */
    onEnter = () => { }) {
        this.spec = spec;
        this.onEnter = onEnter;
        this.load = new Array(spec.count).fill(0);
    }
    enter(order) {
        this.onEnter(order);
    }
    /** One share judges all that follows (plans are matched to units in scan order across all of them). */
    lead() {
        this.whole = true;
    }
    take(weights) {
        const { index, count } = this.spec;
        if (count <= 1)
            return weights.map(() => true);
        const total = weights.reduce((a, b) => a + b, 0) + this.load.reduce((a, b) => a + b, 0);
        if (this.whole || total < this.minBytes) {
            this.load[0] += weights.reduce((a, b) => a + b, 0);
            return weights.map(() => index === 0);
        }
        // Largest first to the least loaded share (ties: the lower index), so shares end close in bytes.
        const order = weights.map((_, i) => i).sort((a, b) => weights[b] - weights[a] || a - b);
        const owner = new Array(weights.length);
        for (const i of order) {
            let best = 0;
            for (let s = 1; s < count; s++)
                if (this.load[s] < this.load[best])
                    best = s;
            owner[i] = best;
            this.load[best] += weights[i];
        }
        return owner.map((s) => s === index);
    }
}


/***/ }),

/***/ 5558:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ onStage),
/* harmony export */   d: () => (/* binding */ stage)
/* harmony export */ });
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


/***/ }),

/***/ 5446:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oC: () => (/* binding */ fixLanguage),
  Xc: () => (/* binding */ fixText)
});

// UNUSED EXPORTS: FIX_LANGUAGE, fixFormat, renderFix

// EXTERNAL MODULE: ./src/kms/catalogue.ts
var catalogue = __webpack_require__(5140);
// EXTERNAL MODULE: ./src/rules/fix-change.ts
var fix_change = __webpack_require__(5717);
;// CONCATENATED MODULE: ./src/report/fix/common.ts
/** Pieces every format's fix text shares: names of the added routes and rules, priorities. */

const routeName = (a) => `kms-${a.replace(/\./g, '-')}`;
const tfName = (a) => `kms_${a.replace(/\./g, '_')}`;
const json = (x) => JSON.stringify(x, null, 2);

/** A priority that comes before `before` (lower number wins), within Azure's allowed range. */
function priorityBefore(before, min) {
    if (before === undefined)
        return min;
    return Math.max(min, before - 10);
}
/** The allow rule's priority, and a note (without comment marker) when it cannot come before the deny. */
function nsgAllowPriority(deny) {
    const denyPriority = deny.priority.known ? deny.priority.value : undefined;
    const priority = priorityBefore(denyPriority, 100);
    if (denyPriority !== undefined && priority >= denyPriority)
        return { priority, note: `renumber: the allow must have a lower priority number than ${denyPriority}` };
    return { priority };
}
/** Routes in this table are written as separate resources (azurerm_route, routeTables/routes). */
function separateRoutes(table, like) {
    const separate = (r) => /azurerm_route$|routeTables\/routes$/i.test(r.sourceType);
    // A managed (Virtual Network Manager) route says nothing of how the table writes its routes.
    if (like && !like.managedBy)
        return separate(like);
    return table.routes.length > 0 && table.routes.every(separate);
}
/**
 * The fix with only what the renderers read of a route table's routes (how each is written, for
 * separateRoutes): the scan worker sends findings to the calling thread by structured clone, and the
 * full routes of the tables findings name were 60% of those bytes. `tables` keeps one copy per table, as
 * the clone keeps one per object. Keep it in step with what this folder reads of `table.routes`.
 */
function fixAsRendered(change, tables) {
    if (change.kind !== 'add-routes')
        return change;
    let table = tables.get(change.table);
    if (!table) {
        const routes = change.table.routes.map((r) => (r.managedBy === undefined
            ? { sourceType: r.sourceType }
            : { sourceType: r.sourceType, managedBy: r.managedBy }));
        table = { ...change.table, routes };
        tables.set(change.table, table);
    }
    return { ...change, table };
}

;// CONCATENATED MODULE: ./src/report/fix/arm.ts
/** Fix text as ARM JSON: the fragment to paste into the template (routes, rules, properties). */



/** The firewall network rule collection allowing KMS, as ARM data (policy or classic shape). */
function firewallCollection(policy, addresses, priority) {
    if (policy)
        return {
            ruleCollectionType: 'FirewallPolicyFilterRuleCollection',
            name: 'allow-azure-kms',
            priority,
            action: { type: 'Allow' },
            rules: [
                {
                    ruleType: 'NetworkRule',
                    name: 'azure-kms',
                    ipProtocols: ['TCP'],
                    sourceAddresses: ['*'],
                    destinationAddresses: addresses,
                    destinationPorts: [String(catalogue/* KMS_PORT */.GO)],
                },
            ],
        };
    return {
        name: 'allow-azure-kms',
        properties: {
            priority,
            action: { type: 'Allow' },
            rules: [
                {
                    name: 'azure-kms',
                    protocols: ['TCP'],
                    sourceAddresses: ['*'],
                    destinationAddresses: addresses,
                    destinationPorts: [String(catalogue/* KMS_PORT */.GO)],
                },
            ],
        },
    };
}
/** The NSG rule allowing KMS, as ARM data. */
function nsgAllowRule(addresses, priority) {
    return {
        name: 'allow-azure-kms',
        properties: {
            priority,
            direction: 'Outbound',
            access: 'Allow',
            protocol: 'Tcp',
            sourcePortRange: '*',
            destinationPortRange: String(catalogue/* KMS_PORT */.GO),
            sourceAddressPrefix: '*',
            destinationAddressPrefixes: addresses,
        },
    };
}
function renderArm(change) {
    switch (change.kind) {
        case 'add-routes':
            return change.addresses
                .map((a) => json({ name: routeName(a), properties: { addressPrefix: `${a}/32`, nextHopType: 'Internet' } }))
                .join(',\n');
        case 'allow-kms-firewall':
            return json(firewallCollection(change.policy !== undefined, change.addresses, priorityBefore(change.before, 100)));
        case 'allow-kms-nsg':
            return json(nsgAllowRule(change.addresses, nsgAllowPriority(change.deny).priority));
        case 'add-outbound':
            return json({ natGateway: { id: "[resourceId('Microsoft.Network/natGateways', '<name>')]" } });
        case 'enable-dns-proxy':
            return (0,fix_change/* isPolicy */.p)(change.target)
                ? json({ dnsSettings: { enableProxy: true } })
                : json({ additionalProperties: { 'Network.DNS.EnableProxy': 'true' } });
        case 'set-destinations':
            return `"${(0,fix_change/* isNsgRule */.r)(change.rule) ? 'destinationAddressPrefixes' : 'destinationAddresses'}": ${JSON.stringify(change.addresses)}`;
    }
}

// EXTERNAL MODULE: ./src/analysis/lookup.ts
var lookup = __webpack_require__(6666);
;// CONCATENATED MODULE: ./src/report/fix/bicep.ts
/** Fix text as Bicep: resources or the object literals to put in the template. */



/** JSON-like data as a Bicep object literal. */
function toBicep(x, pad = '') {
    if (Array.isArray(x)) {
        if (x.every((i) => typeof i !== 'object'))
            return `[ ${x.map((i) => toBicep(i)).join(', ')} ]`;
        return `[\n${x.map((i) => `${pad}  ${toBicep(i, pad + '  ')}`).join('\n')}\n${pad}]`;
    }
    if (x !== null && typeof x === 'object')
        return `{\n${Object.entries(x)
            .map(([k, v]) => `${pad}  ${/^[A-Za-z_]\w*$/.test(k) ? k : `'${k}'`}: ${toBicep(v, pad + '  ')}`)
            .join('\n')}\n${pad}}`;
    if (typeof x === 'string')
        return `'${x.replace(/'/g, "\\'")}'`;
    return String(x);
}
const bicepList = (xs) => `[\n${xs.map((x) => `  '${x}'`).join('\n')}\n]`;
function renderBicep(change) {
    switch (change.kind) {
        case 'add-routes': {
            const { table, addresses } = change;
            if (separateRoutes(table, change.like))
                return addresses
                    .map((a) => [
                    `resource ${tfName(a).replace(/_/g, '')} 'Microsoft.Network/routeTables/routes@2023-09-01' = {`,
                    `  parent: ${(0,lookup/* displayName */.Q)(table).replace(/[^A-Za-z0-9_]/g, '')}`,
                    `  name: '${routeName(a)}'`,
                    `  properties: {`,
                    `    addressPrefix: '${a}/32'`,
                    `    nextHopType: 'Internet'`,
                    `  }`,
                    `}`,
                ].join('\n'))
                    .join('\n\n');
            return addresses
                .map((a) => [
                `{`,
                `  name: '${routeName(a)}'`,
                `  properties: {`,
                `    addressPrefix: '${a}/32'`,
                `    nextHopType: 'Internet'`,
                `  }`,
                `}`,
            ].join('\n'))
                .join('\n');
        }
        case 'allow-kms-firewall': {
            const { policy } = change;
            const where = policy
                ? `ruleCollections of a rule collection group of ${(0,lookup/* displayName */.Q)(policy)}`
                : 'networkRuleCollections';
            const collection = firewallCollection(policy !== undefined, change.addresses, priorityBefore(change.before, 100));
            return `// in ${where}\n${toBicep(collection)}`;
        }
        case 'allow-kms-nsg': {
            const { priority, note } = nsgAllowPriority(change.deny);
            return (note ? `// ${note}\n` : '') + toBicep(nsgAllowRule(change.addresses, priority));
        }
        case 'add-outbound':
            return `// in the subnet's properties\nnatGateway: {\n  id: natGateway.id\n}\n// or: defaultOutboundAccess: true`;
        case 'enable-dns-proxy':
            return (0,fix_change/* isPolicy */.p)(change.target)
                ? `dnsSettings: {\n  enableProxy: true\n}`
                : `additionalProperties: {\n  'Network.DNS.EnableProxy': 'true'\n}`;
        case 'set-destinations':
            return `${(0,fix_change/* isNsgRule */.r)(change.rule) ? 'destinationAddressPrefixes' : 'destinationAddresses'}: ${bicepList(change.addresses)}`;
    }
}

;// CONCATENATED MODULE: ./src/report/fix/cli.ts
/** Fix text for plan and live findings, which have no file to edit: Azure CLI commands. */



function renderCli(change) {
    switch (change.kind) {
        case 'add-routes':
            return change.addresses
                .map((a) => `az network route-table route create --resource-group ${change.table.resourceGroup ?? '<resource group>'} --route-table-name ${(0,lookup/* displayName */.Q)(change.table)} ` +
                `--name ${routeName(a)} --address-prefix ${a}/32 --next-hop-type Internet`)
                .join('\n');
        case 'allow-kms-firewall':
            return (`az network firewall policy rule-collection-group collection add-filter-collection --policy-name ${change.policy ? (0,lookup/* displayName */.Q)(change.policy) : '<policy>'} ` +
                `--resource-group <resource group> --rcg-name <group> --name allow-azure-kms --collection-priority ${priorityBefore(change.before, 100)} ` +
                `--action Allow --rule-name azure-kms --rule-type NetworkRule --ip-protocols TCP --source-addresses '*' ` +
                `--destination-addresses ${change.addresses.join(' ')} --destination-ports ${catalogue/* KMS_PORT */.GO}`);
        case 'allow-kms-nsg':
            return (`az network nsg rule create --resource-group <resource group> --nsg-name <nsg> --name allow-azure-kms ` +
                `--priority ${nsgAllowPriority(change.deny).priority} --direction Outbound --access Allow --protocol Tcp --destination-port-ranges ${catalogue/* KMS_PORT */.GO} ` +
                `--destination-address-prefixes ${change.addresses.join(' ')}`);
        case 'add-outbound':
            return `az network vnet subnet update --resource-group <resource group> --vnet-name <vnet> --name ${(0,lookup/* displayName */.Q)(change.subnet)} --nat-gateway <nat gateway>`;
        case 'enable-dns-proxy':
            return (0,fix_change/* isPolicy */.p)(change.target)
                ? `az network firewall policy update --resource-group <resource group> --name ${(0,lookup/* displayName */.Q)(change.target)} --enable-dns-proxy true`
                : `az network firewall update --resource-group <resource group> --name ${(0,lookup/* displayName */.Q)(change.target)} --enable-dns-proxy true`;
        case 'set-destinations':
            return `${(0,fix_change/* isNsgRule */.r)(change.rule) ? 'destinationAddressPrefixes' : 'destinationAddresses'}: ${change.addresses.join(', ')}`;
    }
}

;// CONCATENATED MODULE: ./src/report/fix/terraform.ts
/** Fix text as Terraform HCL: inline blocks or separate resources, as the configuration already does it. */



const hclList = (xs) => `[${xs.map((x) => `"${x}"`).join(', ')}]`;
/**
 * A Terraform reference to a resource's attribute, when the address can be referenced from the root module.
 */
function tfRef(o, attribute, fallback) {
    return /^azurerm_[a-z_]+\.[\w-]+(\[[^\]]+\])?$/.test(o.address)
        ? `${o.address}.${attribute}`
        : `"${fallback}"`;
}
function renderTerraform(change) {
    switch (change.kind) {
        case 'add-routes': {
            const { table, addresses } = change;
            if (separateRoutes(table, change.like))
                return addresses
                    .map((a) => [
                    `resource "azurerm_route" "${tfName(a)}" {`,
                    `  name                = "${routeName(a)}"`,
                    `  resource_group_name = ${tfRef(table, 'resource_group_name', table.resourceGroup ?? '<resource group>')}`,
                    `  route_table_name    = ${tfRef(table, 'name', (0,lookup/* displayName */.Q)(table))}`,
                    `  address_prefix      = "${a}/32"`,
                    `  next_hop_type       = "Internet"`,
                    `}`,
                ].join('\n'))
                    .join('\n\n');
            return addresses
                .map((a) => [
                `route {`,
                `  name           = "${routeName(a)}"`,
                `  address_prefix = "${a}/32"`,
                `  next_hop_type  = "Internet"`,
                `}`,
            ].join('\n'))
                .join('\n\n');
        }
        case 'allow-kms-firewall': {
            const { firewall, policy } = change;
            const priority = priorityBefore(change.before, 100);
            const rule = [
                `  rule {`,
                `    name                  = "azure-kms"`,
                `    protocols             = ["TCP"]`,
                `    source_addresses      = ["*"]`,
                `    destination_addresses = ${hclList(change.addresses)}`,
                `    destination_ports     = ["${catalogue/* KMS_PORT */.GO}"]`,
                `  }`,
            ];
            if (policy)
                return [
                    `# in the azurerm_firewall_policy_rule_collection_group of ${(0,lookup/* displayName */.Q)(policy)}`,
                    `network_rule_collection {`,
                    `  name     = "allow-azure-kms"`,
                    `  priority = ${priority}`,
                    `  action   = "Allow"`,
                    ...rule,
                    `}`,
                ].join('\n');
            return [
                `resource "azurerm_firewall_network_rule_collection" "azure_kms" {`,
                `  name                = "allow-azure-kms"`,
                `  azure_firewall_name = ${tfRef(firewall, 'name', (0,lookup/* displayName */.Q)(firewall))}`,
                `  resource_group_name = ${tfRef(firewall, 'resource_group_name', firewall.resourceGroup ?? '<resource group>')}`,
                `  priority            = ${priority}`,
                `  action              = "Allow"`,
                ...rule,
                `}`,
            ].join('\n');
        }
        case 'allow-kms-nsg': {
            const { priority, note } = nsgAllowPriority(change.deny);
            const body = [
                `  name                         = "allow-azure-kms"`,
                `  priority                     = ${priority}`,
                `  direction                    = "Outbound"`,
                `  access                       = "Allow"`,
                `  protocol                     = "Tcp"`,
                `  source_port_range            = "*"`,
                `  destination_port_range       = "${catalogue/* KMS_PORT */.GO}"`,
                `  source_address_prefix        = "*"`,
                `  destination_address_prefixes = ${hclList(change.addresses)}`,
            ];
            const block = /azurerm_network_security_rule$/.test(change.deny.sourceType)
                ? [
                    `resource "azurerm_network_security_rule" "azure_kms" {`,
                    ...body,
                    `  resource_group_name          = "<resource group of the NSG>"`,
                    `  network_security_group_name  = "<NSG name>"`,
                    `}`,
                ]
                : [`security_rule {`, ...body, `}`];
            return (note ? `# ${note}\n` : '') + block.join('\n');
        }
        case 'add-outbound':
            return [
                `resource "azurerm_subnet_nat_gateway_association" "${tfName((0,lookup/* displayName */.Q)(change.subnet)).replace(/^kms_/, '')}" {`,
                `  subnet_id      = ${tfRef(change.subnet, 'id', '<subnet id>')}`,
                `  nat_gateway_id = azurerm_nat_gateway.<name>.id`,
                `}`,
                ``,
                `# or, on the subnet: default_outbound_access_enabled = true`,
            ].join('\n');
        case 'enable-dns-proxy':
            return (0,fix_change/* isPolicy */.p)(change.target) ? `dns {\n  proxy_enabled = true\n}` : `dns_proxy_enabled = true`;
        case 'set-destinations':
            return `${(0,fix_change/* isNsgRule */.r)(change.rule) ? 'destination_address_prefixes' : 'destination_addresses'} = ${hclList(change.addresses)}`;
    }
}

;// CONCATENATED MODULE: ./src/report/fix/index.ts




const RENDERERS = {
    terraform: renderTerraform,
    bicep: renderBicep,
    arm: renderArm,
    plan: renderCli,
    live: renderCli,
};
/** The format the fix is written in: that of the object it changes. */
function fixFormat(change) {
    switch (change.kind) {
        case 'add-routes':
            return change.table.format;
        case 'allow-kms-firewall':
            return change.policy?.format ?? change.firewall.format;
        case 'allow-kms-nsg':
            return change.deny.format;
        case 'add-outbound':
            return change.subnet.format;
        case 'enable-dns-proxy':
            return change.target.format;
        case 'set-destinations':
            return change.rule.format;
    }
}
function renderFix(change) {
    return RENDERERS[fixFormat(change)](change);
}
/**
 * Fix texts rendered, by change: every format of a report renders each finding's fix, and the scan's merge
 * renders them as the findings come in from the scan workers (src/pipeline/scan-merge.ts prepareMerge), so
 * the report after the last unit finds them done. A change is never altered once a rule made it (the worker
 * trims its routes before sending it: a new object), so its text stays what it was.
 */
const rendered = new WeakMap();
/** A finding's fix as text to paste, in the format of the object it changes; undefined when it has none. */
function fixText(f) {
    if (!f.fix)
        return undefined;
    let text = rendered.get(f.fix);
    if (text === undefined)
        rendered.set(f.fix, (text = renderFix(f.fix)));
    return text;
}
/** The fenced-code language of a finding's fix text. */
function fixLanguage(f) {
    return f.fix ? FIX_LANGUAGE[fixFormat(f.fix)] : 'text';
}
/** The fenced-code language of fix text in a format (the summary's Fixes section). */
const FIX_LANGUAGE = {
    terraform: 'hcl',
    plan: 'text', // plan and live fixes are Azure CLI commands (there is no source line to edit)
    bicep: 'bicep',
    arm: 'json',
    live: 'text',
};


/***/ }),

/***/ 4278:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ scanDir),
/* harmony export */   Gt: () => (/* binding */ displayPath),
/* harmony export */   IL: () => (/* binding */ isArmId),
/* harmony export */   Jl: () => (/* binding */ gitRoot),
/* harmony export */   qN: () => (/* binding */ repoPath)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * How a finding's file is shown: relative to the workspace (or the CLI's cwd) with forward slashes,
 * because annotations, SARIF and the summary all name files the way the repository does.
 */


/** An ARM resource id (live state) is a location but not a file: it is shown as is. */
function isArmId(file) {
    return /^\/subscriptions\//i.test(file);
}
/**
 * The answers of displayPath for the last base: a report names the same few thousand files many times.
 * `inside` is `base/` when base is a normalised POSIX path, for the fast path below.
 */
let shown;
/** A path with no `.`/`..` segment, doubled or trailing slash: one path.relative would leave as it is. */
const plainTail = (p) => !/\/\/|\/\.\.?(\/|$)|\/$/.test(p);
/** `file` relative to `base` with forward slashes; ARM ids and non-absolute names are returned unchanged. */
function displayPath(file, base) {
    // Only for an absolute base: a relative one would be resolved against a working directory that may change.
    if (!(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(base))
        return pathFrom(file, base);
    if (shown?.base !== base)
        shown = {
            base,
            inside: node_path__WEBPACK_IMPORTED_MODULE_1__.sep === '/' && base !== '/' && plainTail(base) ? `${base}/` : undefined,
            paths: new Map(),
        };
    let p = shown.paths.get(file);
    if (p !== undefined)
        return p;
    // A plain file under a plain base is its tail: the report's thread meets each file here once, with
    // path.relative not yet compiled, where it cost a 10 MB scan's report ~30 ms on Node 20.
    const { inside } = shown;
    p =
        inside !== undefined &&
            file.startsWith(inside) &&
            file.length > inside.length &&
            plainTail(file) &&
            !isArmId(file)
            ? file.slice(inside.length)
            : pathFrom(file, base);
    shown.paths.set(file, p);
    return p;
}
function pathFrom(file, base) {
    if (isArmId(file) || !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(file))
        return file.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(base, file);
    return (rel === '' ? '.' : rel).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
}
/**
 * The repository-relative path of a file inside `base`, or undefined when it is not a file under it
 * (an ARM id, or a var file outside the workspace): annotations and SARIF locations can only point at
 * files of the checked-out repository.
 */
function repoPath(file, base) {
    if (isArmId(file) || !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(file))
        return undefined;
    const rel = displayPath(file, base);
    if (rel === '.' || rel === '..' || rel.startsWith('../') || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel))
        return undefined;
    return rel;
}
/**
 * The git work tree that holds `start` (a directory or a file): the nearest directory at or above it with
 * a `.git` entry (a directory, or a file in worktrees and submodules). Undefined outside any repository.
 */
function gitRoot(start) {
    let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(start);
    for (;;) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, '.git')))
            return dir;
        const up = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir);
        if (up === dir)
            return undefined;
        dir = up;
    }
}
/** The directory a scan root names: itself, or the folder of a single scanned file. */
function scanDir(root) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(root).isDirectory() ? root : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(root);
    }
    catch {
        return root;
    }
}


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


/***/ }),

/***/ 5717:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ isPolicy),
/* harmony export */   r: () => (/* binding */ isNsgRule)
/* harmony export */ });
const isPolicy = (target) => 'ruleCollectionGroups' in target;
const isNsgRule = (rule) => 'nsgId' in rule;


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
    // Indexed only for a firewall rule that names KMS (its DNS proxy setting): three rules ask this of every
    // unit, and nearly none has such a rule.
    let index;
    const indexed = () => (index ??= (0,lookup/* indexModel */.y)(model));
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
        // The setting of the policy or firewall, once, when one of its rules names KMS.
        let dnsProxy;
        const dnsProxyOf = () => (dnsProxy ??= ctx.policy
            ? (0,firewall/* policyDnsProxy */.cq)(ctx.policy, indexed())
            : ctx.firewall
                ? (0,firewall/* firewallDnsProxy */.Qb)(ctx.firewall, indexed())
                : false);
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
                refs.push({
                    kind: 'firewall',
                    object: r,
                    named,
                    covers,
                    collection: c,
                    ...ctx,
                    dnsProxy: dnsProxyOf(),
                });
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


/***/ }),

/***/ 5713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H_: () => (/* binding */ mentionTexts),
/* harmony export */   UR: () => (/* binding */ vnetSlot),
/* harmony export */   ZL: () => (/* binding */ aroundMessage),
/* harmony export */   jU: () => (/* binding */ renderTexts)
/* harmony export */ });
/* unused harmony export renderText */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Texts that name VNets, as structure: a finding's message, its subnets and its subnets' paths name
 * subnets as `vnet-spoke/snet-app`, and which label a VNet gets (`vnet-spoke` or `vnet-spoke (rg-spoke-a)`)
 * is known only when the whole report is read (two root modules may each declare a `vnet-spoke`). So a
 * finding keeps these texts as parts (Finding.texts: strings and slots naming one of Finding.vnets), and
 * its plain texts are rendered from the parts: by makeFinding with the labels its unit gave, and again by
 * the report (src/report/vnet-labels.ts) with the labels of the whole report, which every format then
 * reads. No rendered text is ever searched for a label: a VNet name that contains another one, a quoted
 * IaC value or a fix that happens to spell a label, and a text already relabelled are left as they are.
 *
 * How rules write them: a rule builds its message as a string, as before; subnetLabel (findings.ts) puts
 * a slot token where the VNet label goes, and makeFinding, the one place rules make findings, turns the
 * tokens into parts before anything else sees the finding. A token is two Unicode noncharacters around a
 * per-process nonce and the label's UTF-16 code units in hex: no text a scanned file supplies can make one.
 * Whoever changes a finding's message afterwards (a variant's prefix, an expired suppression's note) does
 * it through aroundMessage, so the parts and the text stay one.
 */

const OPEN = '\uFDD0';
const CLOSE = '\uFDD1';
const NONCE = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex');
/** What every slot starts with. */
const PREFIX = `${OPEN}${NONCE}`;
/** The hex of a slot: whole UTF-16 code units (four lowercase hex digits each), what `hex` writes. */
const HEX = /^(?:[0-9a-f]{4})*$/;
const hex = (s) => {
    let out = '';
    for (let i = 0; i < s.length; i++)
        out += s.charCodeAt(i).toString(16).padStart(4, '0');
    return out;
};
const unhex = (h) => {
    let out = '';
    for (let i = 0; i < h.length; i += 4)
        out += String.fromCharCode(parseInt(h.slice(i, i + 4), 16));
    return out;
};
/**
 * The slots written so far, by label, and their labels by hex. A scan writes a slot per subnet named in a
 * finding's message, subnets and paths, over and over for the same few VNets; encoding and decoding each
 * one was most of makeFinding's own time. Bounded: emptied when it holds this many labels (the scan worker
 * judges unit after unit, and a label is written again if it is needed after that).
 */
const MAX_SLOTS = 20_000;
const slots = new Map();
const labelsByHex = new Map();
/** The slot for a VNet label in a text a rule writes; makeFinding turns it into a part (mentionTexts). */
function vnetSlot(label) {
    let slot = slots.get(label);
    if (slot === undefined) {
        if (slots.size >= MAX_SLOTS) {
            slots.clear();
            labelsByHex.clear();
        }
        const h = hex(label);
        slot = `${PREFIX}${h}${CLOSE}`;
        slots.set(label, slot);
        labelsByHex.set(h, label);
    }
    return slot;
}
/**
 * A text's slots read into parts (undefined without any): a slot `indexOf` does not know is its label as text.
 * A slot is PREFIX, hex, CLOSE: at each PREFIX, the text up to the next CLOSE is its hex if it is whole code
 * units of lowercase hex digits, else that PREFIX starts no slot and the search goes on from the next character.
 */
function partsOf(text, indexOf) {
    if (!text.includes(OPEN))
        return undefined;
    const parts = [];
    const push = (s) => {
        if (s === '')
            return;
        const last = parts[parts.length - 1];
        if (typeof last === 'string')
            parts[parts.length - 1] = last + s;
        else
            parts.push(s);
    };
    let at = 0;
    let from = 0;
    for (;;) {
        const start = text.indexOf(PREFIX, from);
        if (start < 0)
            break;
        const end = text.indexOf(CLOSE, start + PREFIX.length);
        if (end < 0)
            break;
        const h = text.slice(start + PREFIX.length, end);
        let label = labelsByHex.get(h);
        if (label === undefined) {
            if (!HEX.test(h)) {
                from = start + 1;
                continue;
            }
            label = unhex(h);
        }
        push(text.slice(at, start));
        const vnet = indexOf(label);
        if (vnet === undefined)
            push(label);
        else
            parts.push({ vnet });
        at = from = end + 1;
    }
    push(text.slice(at));
    return parts;
}
/** The text of parts, each slot as `labelOf` labels its VNet. */
function renderText(parts, vnets, labelOf) {
    let out = '';
    for (const p of parts) {
        if (typeof p === 'string')
            out += p;
        else {
            const m = vnets[p.vnet];
            out += m ? labelOf(m) : '';
        }
    }
    return out;
}
/**
 * Reads the slots of a finding's message, subnets and paths into Finding.texts (only when one names a
 * VNet) and renders the texts with the unit's labels. A slot names one of the finding's VNets (those of
 * its affected subnets) or, when it names another (a subnet a notice is about without harming it), the
 * VNet `mentionOf` finds by label, which joins Finding.vnets. For makeFinding.
 */
function mentionTexts(f, mentionOf) {
    const vnets = [...(f.vnets ?? [])];
    const indexOf = (label) => {
        const i = vnets.findIndex((m) => m.label === label);
        if (i >= 0)
            return i;
        const m = mentionOf(label);
        if (!m)
            return undefined;
        vnets.push(m);
        return vnets.length - 1;
    };
    const message = partsOf(f.message, indexOf);
    const subnets = f.subnets?.map((s) => partsOf(s, indexOf));
    const paths = f.subnetPaths?.map((p) => partsOf(p.subnet, indexOf));
    if (vnets.length > 0)
        f.vnets = vnets;
    const plain = (t) => [t];
    const hasSlot = (t) => t?.some((p) => typeof p !== 'string') === true;
    if (hasSlot(message) || subnets?.some(hasSlot) || paths?.some(hasSlot)) {
        f.texts = { message: message ?? plain(f.message) };
        if (subnets)
            f.texts.subnets = subnets.map((t, i) => t ?? plain(f.subnets[i]));
        if (paths)
            f.texts.subnetPaths = paths.map((t, i) => t ?? plain(f.subnetPaths[i].subnet));
        renderFrom(f, (parts) => renderText(parts, vnets, (m) => m.label));
        return;
    }
    // No slot names a VNet: each is its label already.
    if (message)
        f.message = message.join('');
    if (subnets)
        f.subnets = subnets.map((t, i) => (t ? t.join('') : f.subnets[i]));
    if (paths)
        f.subnetPaths = f.subnetPaths.map((p, i) => (paths[i] ? { ...p, subnet: paths[i].join('') } : p));
}
/**
 * Renders a finding's message, subnets and paths from its texts with `labelOf`'s labels. Its arrays are
 * replaced, not changed (units and caches may share them). A text that no longer reads as its parts with
 * the labels the finding carries (changed without aroundMessage) is left as it is, never cut back to them.
 */
function renderTexts(f, labelOf) {
    const vnets = f.vnets ?? [];
    renderFrom(f, (parts, was) => renderText(parts, vnets, (m) => m.label) === was ? renderText(parts, vnets, labelOf) : was);
}
/** Sets the finding's texts to `render` of their parts (given the text each has now). */
function renderFrom(f, render) {
    const t = f.texts;
    if (!t)
        return;
    f.message = render(t.message, f.message);
    if (t.subnets && f.subnets && t.subnets.length === f.subnets.length)
        f.subnets = t.subnets.map((s, i) => render(s, f.subnets[i]));
    if (t.subnetPaths && f.subnetPaths && t.subnetPaths.length === f.subnetPaths.length)
        f.subnetPaths = f.subnetPaths.map((p, i) => ({ ...p, subnet: render(t.subnetPaths[i], p.subnet) }));
}
/** The message with text before and after it, and its texts to match: for a new finding `{ ...f, ...this }`. */
function aroundMessage(f, before, after = '') {
    const message = `${before}${f.message}${after}`;
    if (!f.texts)
        return { message };
    const parts = [...(before ? [before] : []), ...f.texts.message, ...(after ? [after] : [])];
    return { message, texts: { ...f.texts, message: parts } };
}


/***/ }),

/***/ 1263:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ compareFindings)
/* harmony export */ });
/**
 * localeCompare, skipped for the same string: it is 0 then, and sorting a scan's findings compares mostly
 * findings of one file and one rule (a collation per comparison was most of the sort).
 */
const collate = (a, b) => (a === b ? 0 : a.localeCompare(b));
function compareFindings(a, b) {
    return (collate(a.location.file, b.location.file) ||
        a.location.startLine - b.location.startLine ||
        collate(a.ruleId, b.ruleId) ||
        collate(a.resource, b.resource));
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

/***/ 7849:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qn: () => (/* binding */ readWatch),
/* harmony export */   ZG: () => (/* binding */ PHASES),
/* harmony export */   d3: () => (/* binding */ watchPhase),
/* harmony export */   fn: () => (/* binding */ currentWatch),
/* harmony export */   l9: () => (/* binding */ UNIT_KEY_BYTES),
/* harmony export */   q4: () => (/* binding */ parsingFile)
/* harmony export */ });
/* unused harmony exports watchUnits, fileSubject, sharedWatch */
/**
 * What the scan worker is doing, where a supervisor can read it even after V8 has killed the thread for
 * lack of memory (a message would be lost with it): the phase and its subject (a file being parsed, a
 * deployment unit being evaluated, modelled or analysed), UTF-8 in a SharedArrayBuffer with its length
 * first. src/pipeline/scan-isolated.ts reads it when the worker dies: a death with a subject costs that file
 * or unit (the scan runs again without it), a death without one stops the scan with an error naming the
 * phase. Hand-written: a few lines of Atomics, no library does this.
 */
const UNIT_KEY_BYTES = 16384;
/** The scan's phases, in the words an error or finding uses: "the worker <doing> it ran out of memory". */
const PHASES = {
    start: 'starting',
    discovery: 'finding the files and deployment units',
    parsing: 'parsing',
    evaluation: 'evaluating',
    model: 'building the network model of',
    analysis: 'analysing',
    sources: 'reading the sources between two units',
    report: 'assembling the report (scan-wide findings, suppressions, baseline)',
};
let watch;
/** Installed by the scan worker (src/pipeline/scan-worker-main.ts); on the calling thread there is none. */
function watchUnits(w) {
    watch = w;
}
function currentWatch() {
    return watch;
}
/** Tells the watch (if any) what the scan does now. */
function watchPhase(phase, subject) {
    watch?.at(phase, subject);
}
const fileSubject = (file) => `file\u0000${file}`;
/**
 * `run` as the parsing of `file`: a worker that dies in it costs that file. When the file killed an
 * earlier worker, `skipped` is returned with the reason instead. Afterwards the watch is back where it was.
 */
function parsingFile(file, run, skipped) {
    if (!watch)
        return run();
    const subject = fileSubject(file);
    const why = watch.skipped(subject);
    if (why !== undefined)
        return skipped(why);
    const before = watch.current();
    watch.at('parsing', subject);
    try {
        return run();
    }
    finally {
        watch.at(before.phase, before.subject);
    }
}
/** A watch that records the state in `shared` and skips the subjects of `skip`. */
function sharedWatch(shared, skip) {
    const length = new Int32Array(shared, 0, 1);
    const bytes = new Uint8Array(shared, 4);
    const encoder = new TextEncoder();
    let state = { phase: 'start' };
    // Nearly always empty: then no lookup, which would hash (and intern) every file's path as a key (12 ms
    // of a 10 MB scan's worker).
    const skipping = Object.keys(skip).length > 0;
    return {
        skipped: (subject) => (skipping ? skip[subject] : undefined),
        at(phase, subject) {
            // Called twice per file parsed: what is written already need not be written again.
            if (state.phase === phase && state.subject === subject && state.phase !== 'start')
                return;
            state = subject === undefined ? { phase } : { phase, subject };
            Atomics.store(length, 0, 0);
            // Straight into the shared bytes (cut at a character boundary when too long), no copy between.
            const { written } = encoder.encodeInto(`${phase}\u0000${subject ?? ''}`, bytes);
            Atomics.store(length, 0, written);
        },
        current: () => state,
    };
}
/** The state last written by sharedWatch: `start` before the worker wrote any. */
function readWatch(shared) {
    const n = Atomics.load(new Int32Array(shared, 0, 1), 0);
    if (n === 0)
        return { phase: 'start' };
    const text = new TextDecoder().decode(new Uint8Array(shared, 4, n).slice());
    const cut = text.indexOf('\u0000');
    const phase = text.slice(0, cut);
    const subject = text.slice(cut + 1);
    return phase in PHASES ? (subject ? { phase, subject } : { phase }) : { phase: 'start' };
}


/***/ }),

/***/ 3146:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* reexport safe */ _read_source__WEBPACK_IMPORTED_MODULE_2__.FK),
/* harmony export */   L8: () => (/* binding */ classify),
/* harmony export */   O1: () => (/* binding */ isTestFixture),
/* harmony export */   Zn: () => (/* binding */ TERRAFORM_KINDS),
/* harmony export */   k4: () => (/* binding */ discover),
/* harmony export */   mW: () => (/* binding */ isListedRegular),
/* harmony export */   tz: () => (/* binding */ isListedWithoutTerraformDir),
/* harmony export */   z_: () => (/* binding */ SKIP_DIRS)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _read_source__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(547);
/**
 * Finds the files a scan reads. Walks the root without following symlinks that lead outside it, skips
 * tool and dependency directories, and classifies what it finds. Size and encoding are checked where
 * the file is read (see read-source.ts), so that the check is not done twice.
 */



/** Kinds the Terraform parser reads (in worker threads). */
const TERRAFORM_KINDS = new Set([
    'terraform',
    'terraform-json',
    'tfvars',
    'tfvars-json',
]);
/**
 * Files whose directory entry said a regular file (not a symbolic link) in a directory walked by its real
 * path: readSource may skip their lstat. By object, not a field: a DiscoveredFile is plain data that
 * other routes (a pull request's base tree) make too.
 */
const listedRegular = new WeakSet();
/** Did discover() see this file as a regular file, not a link? */
function isListedRegular(f) {
    return listedRegular.has(f);
}
/**
 * Files discover() listed in a directory that held no entry named `.terraform` (no directory, file or
 * link): `terraform init` has left no module manifest there. Most roots of a large repository were never
 * initialised, and looking for each one's manifest was a syscall per unit.
 */
const listedWithoutTerraformDir = new WeakSet();
/** Did discover() list this file in a directory without a `.terraform` entry? */
function isListedWithoutTerraformDir(f) {
    return listedWithoutTerraformDir.has(f);
}
/** Directories that never hold the user's network code. */
const SKIP_DIRS = new Set(['.git', 'node_modules', '.terraform', '.terragrunt-cache', 'dist']);
/** Directories of module tests and examples: fixtures, not the network anyone deploys. */
const TEST_FIXTURE_DIRS = new Set(['test', 'tests', 'examples']);
/**
 * Folders that hold one deployment per environment (`environments/test`, `envs/test`): a `test` in them is
 * the test environment, deployed like `prod` beside it, not a module's tests.
 */
const ENVIRONMENT_DIRS = new Set(['environments', 'environment', 'envs', 'env', 'stages', 'live']);
/**
 * Is the file (relative to the scan root, forward slashes) inside a test or example directory? The scan
 * root itself may be one: only directories below it count.
 */
function isTestFixture(relPath) {
    const dirs = relPath.split('/').slice(0, -1);
    return dirs.some((d, i) => TEST_FIXTURE_DIRS.has(d.toLowerCase()) &&
        !(d.toLowerCase() !== 'examples' && i > 0 && ENVIRONMENT_DIRS.has(dirs[i - 1].toLowerCase())));
}
/** JSON files that are tooling, never ARM templates, parameter files or Terraform plans. */
const TOOLING_JSON = new Set([
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'bicepconfig.json',
    'renovate.json',
]);
/**
 * The kind of source a path names, by its file name. The suffixes are tested on the whole path (they hold
 * no separator, so the path ends with one exactly when its name does); the name itself is cut out only for
 * JSON and for a path that ends in a separator: a pull request run classifies ~12,000 paths (git's index,
 * the base tree) on the thread that starts the scan, and path.basename for each cost it ~15 ms.
 */
function classify(file) {
    const last = file.charCodeAt(file.length - 1);
    const name = last === 47 || last === 92 ? node_path__WEBPACK_IMPORTED_MODULE_1__.basename(file) : file;
    if (name.endsWith('.tf.json'))
        return 'terraform-json';
    if (name.endsWith('.tf'))
        return 'terraform';
    if (name.endsWith('.tfvars.json'))
        return 'tfvars-json';
    if (name.endsWith('.tfvars'))
        return 'tfvars';
    if (name.endsWith('.bicepparam'))
        return 'bicepparam';
    if (name.endsWith('.bicep'))
        return 'bicep';
    // Other JSON may be an ARM template, a parameter file or a `terraform show -json` plan: the content
    // decides.
    if (name.endsWith('.json')) {
        const base = node_path__WEBPACK_IMPORTED_MODULE_1__.basename(file);
        if (!TOOLING_JSON.has(base) && !base.startsWith('.'))
            return 'json';
    }
    return undefined;
}

function discover(root) {
    const realRoot = node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync(root);
    const out = { files: [], skipped: [] };
    const stat = node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync(realRoot);
    if (stat.isFile()) {
        const kind = classify(realRoot);
        if (kind)
            out.files.push({ path: realRoot, kind });
        return out;
    }
    const seenDirs = new Set();
    const walk = (dir) => {
        if (seenDirs.has(dir))
            return;
        seenDirs.add(dir);
        let entries;
        try {
            entries = node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync(dir, { withFileTypes: true });
        }
        catch (e) {
            out.skipped.push({
                path: dir,
                reason: `cannot be read (${e.code ?? 'error'})`,
            });
            return;
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        const terraformDir = entries.some((e) => e.name === '.terraform');
        for (const entry of entries) {
            const full = (0,_read_source__WEBPACK_IMPORTED_MODULE_2__/* .childPath */ .cm)(dir, entry.name);
            let target = full;
            let isDir = entry.isDirectory();
            let isFile = entry.isFile();
            if (entry.isSymbolicLink()) {
                try {
                    target = node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync(full);
                }
                catch {
                    out.skipped.push({ path: full, reason: 'is a broken symbolic link' });
                    continue;
                }
                if (!(0,_read_source__WEBPACK_IMPORTED_MODULE_2__/* .isInside */ .FK)(realRoot, target)) {
                    out.skipped.push({
                        path: full,
                        reason: 'is a symbolic link that leads outside the scanned directory',
                    });
                    continue;
                }
                const s = node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync(target);
                isDir = s.isDirectory();
                isFile = s.isFile();
            }
            if (isDir) {
                if (!SKIP_DIRS.has(entry.name))
                    walk(target);
            }
            else if (isFile) {
                const kind = classify(entry.name);
                // Keep the path as found (not the link target) so findings point where the user looks.
                if (kind) {
                    const f = { path: full, kind };
                    if (!entry.isSymbolicLink())
                        listedRegular.add(f);
                    if (!terraformDir)
                        listedWithoutTerraformDir.add(f);
                    out.files.push(f);
                }
            }
        }
    };
    walk(realRoot);
    return out;
}


/***/ }),

/***/ 547:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $8: () => (/* binding */ skippedNotice),
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   GD: () => (/* binding */ keptText),
/* harmony export */   cm: () => (/* binding */ childPath),
/* harmony export */   nj: () => (/* binding */ makeBoundary),
/* harmony export */   o$: () => (/* binding */ readSource),
/* harmony export */   wh: () => (/* binding */ withinBoundary),
/* harmony export */   xW: () => (/* binding */ IS_A_DIRECTORY),
/* harmony export */   y4: () => (/* binding */ refusedReference)
/* harmony export */ });
/* unused harmony exports MAX_SOURCE_BYTES, observeReads */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * The read boundary: every file a scan reads comes through here. A pull request writes the files we scan,
 * their symlinks and the config that names more files, so a path is only read when its real path (after
 * every symlink) lies inside the scan root, or is one the invoker named (an action input, a CLI argument),
 * and when it is a regular file no larger than the cap. Devices, FIFOs, sockets and directories are never
 * opened as files, so a link to /dev/zero or /etc costs one notice, never a hang or a crash.
 *
 * The boundary is plain data (no functions), so it crosses to the parse worker threads with the jobs.
 */


const MAX_SOURCE_BYTES = 5 * 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });
let onRead;
/**
 * Tells `fn` of every file read whole (the path as asked, and its text); undefined stops. The scan worker
 * notes which files hold no suppression directive, so the calling thread need not read them again.
 */
function observeReads(fn) {
    onRead = fn;
}
function realOrResolved(p) {
    try {
        return node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync(p);
    }
    catch {
        return node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(p);
    }
}
/**
 * `dir` (a real path) joined with one name (a readdir entry, a file's base name), as path.join gives it:
 * where the separator is `/`, without normalising again a path that is real already (path.join per file
 * was most of discovery's garbage, and a tenth of a read's).
 */
function childPath(dir, name) {
    if (node_path__WEBPACK_IMPORTED_MODULE_1__.sep !== '/' || name === '' || name === '.' || name === '..' || name.includes('/'))
        return node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, name);
    return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}
/** A boundary around `roots` (directories) and the single `files` an invoker named. */
function makeBoundary(roots, files = []) {
    return { roots: roots.map(realOrResolved), files: files.map(realOrResolved) };
}
/** Is `child` the same as or inside `parent` (both absolute, real paths)? */
function isInside(parent, child) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1__.relative(parent, child);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) && !node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(rel));
}
function withinBoundary(real, boundary) {
    return boundary.files.includes(real) || boundary.roots.some((r) => isInside(r, real));
}
const errorCode = (e) => e.code ?? 'error';
/** The refusal for a directory: Terraform's file() fails on one too, so callers may treat it as missing. */
const IS_A_DIRECTORY = 'is a directory, not a file';
/** Why a path that is not a regular file is not read. */
function notAFile(s) {
    if (s.isDirectory())
        return IS_A_DIRECTORY;
    return 'is not a regular file (a device, FIFO or socket)';
}
/**
 * Real paths of directories already resolved, per boundary (a boundary lives for one scan): most files
 * share their directory with others, so a plain file costs one lstat instead of a realpath(3) (a readlink
 * per path component) and a stat. `null`: the directory does not resolve, the file takes the long way.
 */
const realDirs = new WeakMap();
function realDirOf(dir, boundary) {
    let known = realDirs.get(boundary);
    if (!known)
        realDirs.set(boundary, (known = new Map()));
    let hit = known.get(dir);
    if (hit === undefined) {
        try {
            const real = node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync.native(dir);
            hit = { real, inside: boundary.roots.some((r) => isInside(r, real)) };
        }
        catch {
            hit = null;
        }
        known.set(dir, hit);
    }
    return hit;
}
/**
 * The real path of `file` when it is a plain regular file (no symlink as its last component) in a
 * directory whose real path is known; undefined when the long way must decide (links, missing files,
 * directories, devices, relative paths).
 */
function plainFile(file, boundary, regular) {
    if (!node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(file))
        return undefined;
    if (!regular) {
        const s = node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync(file, { throwIfNoEntry: false });
        if (!s?.isFile())
            return undefined;
    }
    const dir = realDirOf(node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(file), boundary);
    if (!dir)
        return undefined;
    const real = childPath(dir.real, node_path__WEBPACK_IMPORTED_MODULE_1__.basename(file));
    return { real, inside: dir.inside || boundary.files.includes(real) };
}
/**
 * Reads one file through the boundary: inside the scan root (real path), a regular file, at most 5 MB,
 * UTF-8 text without NUL bytes. Anything else is refused with a reason that names nothing outside.
 * `regular`: the caller saw the path as a regular file, not a link (discovery's directory entry, see
 * isListedRegular), so its lstat is skipped (one syscall of five per file); the open (O_NOFOLLOW) and
 * the fstat after it still refuse a link or anything but a file put there since.
 */
function readSource(file, boundary, regular = false, 
/** Given the bytes the text was decoded from, when the read succeeds (see keptText). */
bytesOut) {
    let real;
    const plain = plainFile(file, boundary, regular);
    if (plain) {
        if (!plain.inside)
            return { ok: false, reason: 'leads outside the scanned directory', outside: true };
        real = plain.real;
    }
    else {
        try {
            // The native call: one realpath(3) instead of an lstat per path component (a third of the read cost).
            real = node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync.native(file);
        }
        catch (e) {
            const code = errorCode(e);
            // A dangling link may point anywhere: say only that it leads nowhere.
            return { ok: false, reason: code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})` };
        }
        if (!withinBoundary(real, boundary))
            return { ok: false, reason: 'leads outside the scanned directory', outside: true };
    }
    let fd;
    try {
        // A plain file was seen to be a regular file by its lstat; anything else is checked before it is opened.
        if (!plain) {
            const s = node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync(real);
            if (!s.isFile())
                return { ok: false, reason: notAFile(s) };
        }
        // O_NONBLOCK: should the file be swapped for a FIFO after the check, opening it does not wait.
        // O_NOFOLLOW (plain files): should it be swapped for a link, opening it fails instead of following.
        const flags = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK ?? 0) | (plain ? (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW ?? 0) : 0);
        fd = node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync(real, flags);
    }
    catch (e) {
        // Gone or swapped for a link since it was listed: the long way tells which.
        if (regular)
            return readSource(file, boundary, false, bytesOut);
        return { ok: false, reason: `cannot be read (${errorCode(e)})` };
    }
    let bytes;
    try {
        const s = node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync(fd);
        if (!s.isFile())
            return { ok: false, reason: notAFile(s) };
        if (s.size > MAX_SOURCE_BYTES) {
            return { ok: false, reason: `is ${(s.size / 1024 / 1024).toFixed(1)} MB, over the 5 MB limit` };
        }
        // Never more than the cap, whatever the size said (a file that grows while read). Every byte handed
        // on is one read here, so the buffer need not be zeroed.
        const buf = Buffer.allocUnsafe(Math.min(s.size, MAX_SOURCE_BYTES) + 1);
        let n = 0;
        for (;;) {
            const want = buf.length - n;
            const got = node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync(fd, buf, n, want, n);
            n += got;
            // A regular file reads short only at its end: no second call to learn that.
            if (got === 0 || got < want || n === buf.length)
                break;
        }
        if (n > MAX_SOURCE_BYTES)
            return { ok: false, reason: 'is over the 5 MB limit' };
        bytes = buf.subarray(0, n);
    }
    catch (e) {
        return { ok: false, reason: `cannot be read (${errorCode(e)})` };
    }
    finally {
        node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync(fd);
    }
    if (bytes.includes(0))
        return { ok: false, reason: 'is not text (it holds NUL bytes)' };
    let text;
    try {
        text = utf8.decode(bytes);
    }
    catch {
        return { ok: false, reason: 'is not UTF-8 text' };
    }
    // A byte order mark is valid UTF-8 but not part of the source.
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1);
    onRead?.(file, text);
    bytesOut?.(bytes);
    return { ok: true, text };
}
/**
 * The text of bytes readSource read and handed out (bytesOut), decoded again. A text kept for later as
 * its bytes lives outside the JavaScript heap: thousands of file texts read ahead (terraformUnits) are
 * not copied by every young-generation collection until their unit is parsed.
 */
function keptText(bytes) {
    const text = utf8.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
/** The notice for a file the scan could not read (too large, not UTF-8, a link out of the root...). */
function skippedNotice(file, reason, line = 1) {
    return {
        ruleId: 'KMS012',
        severity: 'notice',
        origin: { file, startLine: line, endLine: line },
        message: `Skipped this file: it ${reason}.`,
    };
}
/**
 * The notice for a file a scanned file refers to (a var file in the config, a linked template, a Terraform
 * file() call) that was not read: located at the reference, naming it as written, never its content.
 */
function refusedReference(origin, reference, reason) {
    return {
        ruleId: 'KMS012',
        severity: 'notice',
        origin,
        message: `Did not read ${JSON.stringify(reference)}: it ${reason}.`,
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


/***/ }),

/***/ 1148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $P: () => (/* binding */ isDate),
/* harmony export */   Xy: () => (/* binding */ expiredFinding),
/* harmony export */   oN: () => (/* binding */ hasExpired)
/* harmony export */ });
/* harmony import */ var _rules_mention_text__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5713);
/* harmony import */ var _report_paths__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4278);


const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** True for a real calendar date written YYYY-MM-DD. */
function isDate(s) {
    const m = DATE.exec(s);
    if (!m)
        return false;
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}
/** A suppression holds through its `until` day (UTC) and has expired from the day after. */
function hasExpired(until, now = new Date()) {
    return until !== undefined && now.toISOString().slice(0, 10) > until;
}
/** The finding again, saying which suppression expired and why it had been accepted. */
function expiredFinding(f, until, reason, origin, root) {
    const where = `${(0,_report_paths__WEBPACK_IMPORTED_MODULE_1__/* .displayPath */ .Gt)(origin.file, root)}:${origin.startLine}`;
    return {
        ...f,
        ...(0,_rules_mention_text__WEBPACK_IMPORTED_MODULE_0__/* .aroundMessage */ .ZL)(f, '', ` (Its suppression at ${where} expired on ${until}; it had been accepted because: ${reason})`),
    };
}


/***/ }),

/***/ 5506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eq: () => (/* binding */ DIRECTIVE),
/* harmony export */   px: () => (/* binding */ applySuppressions)
/* harmony export */ });
/* unused harmony exports parseDirective, resourceStartLine */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _expiry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1148);


/**
 * The directive on a line, if any: rule ids (comma-separated, or `*`) then free text as the reason.
 * The comment may follow code on the same line (`resource "x" "y" { # azure-kms-guard:ignore \u2026`).
 */
/** What every directive holds: a file without it has none. */
const DIRECTIVE = 'azure-kms-guard:ignore';
function parseDirective(line) {
    const m = line.match(/(?:#|\/\/)\s*azure-kms-guard:ignore\b[ \t]*(.*)$/);
    if (!m)
        return undefined;
    const rest = m[1].replace(/\s*\*\/\s*$/, '').trim();
    const ids = rest.match(/^((?:KMS\d{3}|\*)(?:\s*,\s*(?:KMS\d{3}|\*))*)(.*)$/i);
    if (!ids)
        return { rules: [], reason: rest };
    let reason = ids[2].trim();
    const until = reason.match(/^until=(\S+)\s*/i);
    if (until)
        reason = reason.slice(until[0].length);
    return {
        rules: ids[1].split(',').map((r) => r.trim().toUpperCase()),
        reason: reason.replace(/^[-\u2013\u2014:]\s*/, ''),
        ...(until ? { until: until[1] } : {}),
    };
}
/**
 * The start of the block the finding is in: the nearest `resource`/`module`/`data` line at or above it (HCL,
 * Bicep).
 */
function resourceStartLine(lines, findingLine) {
    for (let i = Math.min(findingLine, lines.length); i >= 1; i--) {
        if (/^\s*(resource|module|data)\b/.test(lines[i - 1]))
            return i;
    }
    return undefined;
}
function isJson(file) {
    return /\.json$/i.test(file);
}
function applySuppressions(findings, readFile, opts = {}) {
    const cache = new Map();
    // A file without the marker has no directive (parseDirective needs it): its findings are kept without
    // splitting it into lines, which for a large repository's findings cost more than reading the files.
    const linesOf = (file) => {
        if (!cache.has(file)) {
            const text = readFile(file);
            cache.set(file, text?.includes(DIRECTIVE) ? text.split(/\r\n|\r|\n/) : undefined);
        }
        return cache.get(file);
    };
    const result = { kept: [], suppressed: [], problems: [] };
    const reported = new Set();
    for (const f of findings) {
        const lines = isJson(f.location.file) ? undefined : linesOf(f.location.file);
        if (!lines) {
            result.kept.push(f);
            continue;
        }
        const at = f.location.startLine;
        const resource = opts.resourceLine?.(f) ?? resourceStartLine(lines, at);
        // The finding's line, the resource's first line, and the line above each.
        const candidates = [...new Set([at, at - 1, ...(resource !== undefined ? [resource, resource - 1] : [])])]
            .filter((n) => n >= 1 && n <= lines.length)
            .sort((a, b) => a - b);
        let match;
        let expired;
        for (const n of candidates) {
            const d = parseDirective(lines[n - 1]);
            if (!d || !(d.rules.includes(f.ruleId) || d.rules.includes('*')))
                continue;
            const origin = { file: f.location.file, startLine: n, endLine: n };
            if (d.reason === '') {
                const key = `${f.location.file}:${n}`;
                if (!reported.has(key)) {
                    reported.add(key);
                    result.problems.push(noReason(f, origin, d.rules));
                }
                continue;
            }
            if (d.until !== undefined && !(0,_expiry__WEBPACK_IMPORTED_MODULE_1__/* .isDate */ .$P)(d.until)) {
                const key = `${f.location.file}:${n}`;
                if (!reported.has(key)) {
                    reported.add(key);
                    result.problems.push(badDate(f, origin, d.until));
                }
                continue;
            }
            if ((0,_expiry__WEBPACK_IMPORTED_MODULE_1__/* .hasExpired */ .oN)(d.until, opts.now)) {
                expired = (0,_expiry__WEBPACK_IMPORTED_MODULE_1__/* .expiredFinding */ .Xy)(f, d.until, d.reason, origin, opts.root ?? node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(f.location.file));
                continue;
            }
            match = { finding: f, reason: d.reason, kind: 'inline', origin };
            break;
        }
        if (match)
            result.suppressed.push(match);
        else
            result.kept.push(expired ?? f);
    }
    return result;
}
function badDate(f, origin, until) {
    return {
        ruleId: 'KMS012',
        severity: 'notice',
        title: 'Suppression with a bad date',
        message: `This azure-kms-guard:ignore comment has until=${until}, which is not a date written YYYY-MM-DD, so it suppresses nothing.`,
        location: origin,
        resource: f.resource,
        kmsAddresses: [],
        cloud: f.cloud,
        readFine: true,
    };
}
function noReason(f, origin, rules) {
    return {
        ruleId: 'KMS012',
        severity: 'notice',
        title: 'Suppression without a reason',
        message: `This azure-kms-guard:ignore comment for ${rules.join(', ')} gives no reason, so it suppresses nothing. ` +
            `Add why the finding does not apply after the rule id, e.g. "# azure-kms-guard:ignore ${f.ruleId} VMs here activate through the on-premises KMS".`,
        location: origin,
        resource: f.resource,
        kmsAddresses: [],
        cloud: f.cloud,
        readFine: true,
    };
}


/***/ })

};
;