"use strict";
exports.id = 746;
exports.ids = [746];
exports.modules = {

/***/ 958:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ns: () => (/* binding */ analyze)
});

// UNUSED EXPORTS: RESERVED_SUBNETS, isReservedSubnet

// EXTERNAL MODULE: ./src/kms/catalogue.ts
var catalogue = __webpack_require__(5140);
// EXTERNAL MODULE: ./src/model/vnet.ts
var model_vnet = __webpack_require__(3580);
// EXTERNAL MODULE: ./src/analysis/lookup.ts
var lookup = __webpack_require__(6666);
// EXTERNAL MODULE: ./src/model/value.ts
var model_value = __webpack_require__(2904);
// EXTERNAL MODULE: ./src/analysis/firewall.ts
var analysis_firewall = __webpack_require__(7008);
// EXTERNAL MODULE: ./src/analysis/nsg.ts
var analysis_nsg = __webpack_require__(2914);
;// CONCATENATED MODULE: ./src/analysis/nic-nsgs.ts


const placements = new WeakMap();
function placed(index) {
    let p = placements.get(index);
    if (p)
        return p;
    p = { bySubnet: new Map(), unplaced: [], maybeIn: new Map() };
    const m = index.model;
    for (const nic of [...(m.networkInterfaces ?? []), ...(m.foreign?.networkInterfaces ?? [])]) {
        if (!nic.nsgId)
            continue;
        for (const s of nic.subnetIds) {
            // A subnet known by Azure identity only (a data source the scan does not declare) is not one of
            // this unit's subnets.
            if (!s.known && s.deployed)
                continue;
            if (!s.known && s.candidates) {
                for (const id of s.candidates) {
                    const list = p.maybeIn.get(id) ?? [];
                    if (!list.includes(nic))
                        list.push(nic);
                    p.maybeIn.set(id, list);
                }
                continue;
            }
            if (!s.known) {
                if (!p.unplaced.includes(nic))
                    p.unplaced.push(nic);
                continue;
            }
            const list = p.bySubnet.get(s.value) ?? [];
            if (!list.includes(nic))
                list.push(nic);
            p.bySubnet.set(s.value, list);
        }
    }
    placements.set(index, p);
    return p;
}
/** The NICs of `nics` grouped by the NSG they are set to (its model id, or its expression when unknown). */
function byNsg(nics) {
    const out = new Map();
    for (const nic of nics) {
        const ref = nic.nsgId;
        const key = ref.known ? ref.value : `?${ref.expression}`;
        out.set(key, [...(out.get(key) ?? []), nic]);
    }
    return out;
}
/**
 * The NIC NSGs of `subnet`'s VMs for TCP 1688 to `address`; undefined when the subnet has none (nor may).
 * `table`, `effective`, `extra`: the subnet's routes, for the platform exception (src/analysis/nsg.ts).
 */
function evaluateNicNsgs(index, subnet, source, address, table, effective, extra) {
    const p = placed(index);
    const mine = p.bySubnet.get(subnet.id) ?? [];
    const maybe = [...p.unplaced, ...(p.maybeIn.get(subnet.id) ?? [])].filter((n, i, all) => !mine.includes(n) && all.indexOf(n) === i);
    if (mine.length === 0 && maybe.length === 0)
        return undefined;
    const layers = [];
    const unknowns = [];
    let block = false;
    const add = (b, why) => {
        if (b === true)
            block = true;
        else if (b === 'unknown') {
            if (block !== true)
                block = 'unknown';
            unknowns.push(...why);
        }
    };
    for (const [sure, nics] of [
        [true, mine],
        [false, maybe],
    ]) {
        for (const group of byNsg(nics).values()) {
            const nic = group[0];
            const ref = nic.nsgId;
            const nsg = ref.known ? index.nsgs.get(ref.value) : undefined;
            if (!nsg) {
                // The NSG is not in the scanned sources: it may deny KMS (and the AzurePlatformLKM tag).
                const value = ref.known
                    ? (0,model_value/* unknown */.L5)(ref.value, 'network security group not in the scanned sources', nic.nsgOrigin)
                    : ref;
                add('unknown', [{ value, attribute: 'nsgId', object: nic }]);
                continue;
            }
            const verdict = (0,analysis_nsg/* evaluateNsg */.s0)(nsg, source, address, table, effective, extra);
            // A deny the platform exception lets KMS past is kept too: KMS013 says activation relies on it.
            if (verdict.access !== 'Allow')
                layers.push({ verdict, nics: group, placed: sure });
            const b = (0,analysis_nsg/* nsgBlocks */.Jg)(verdict);
            if (b === false)
                continue;
            const why = b === 'unknown'
                ? [...verdict.unknowns, ...(0,analysis_nsg/* platformException */.Pm)(nsg, table, effective, extra).unknowns]
                : [];
            if (sure)
                add(b, why);
            else
                add('unknown', [
                    ...why,
                    ...group.flatMap((n) => n.subnetIds
                        .filter((s) => !s.known)
                        .map((value) => ({ value, attribute: 'subnetIds', object: n }))),
                ]);
        }
    }
    return { layers, block, unknowns };
}

// EXTERNAL MODULE: ./src/analysis/addresses.ts
var addresses = __webpack_require__(8018);
// EXTERNAL MODULE: ./src/analysis/routes.ts
var routes = __webpack_require__(6838);
// EXTERNAL MODULE: ./src/analysis/conditions.ts
var conditions = __webpack_require__(9334);
;// CONCATENATED MODULE: ./src/analysis/vwan.ts





const sameId = (a, id) => a.known === true && a.value.toLowerCase() === id.toLowerCase();
function hubOf(index, c) {
    const id = c.hubId;
    return id.known ? index.model.virtualWan?.hubs.find((h) => h.id === id.value) : undefined;
}
/** The connection of the subnet's VNet, or an unknown when a connection's VNet cannot be told. */
function connectionOf(index, subnet, assume) {
    const w = index.model.virtualWan;
    if (!w || w.connections.length === 0)
        return {};
    const present = (c) => !(0,conditions/* isAbsent */.W0)(c, assume);
    const match = w.connections.find((c) => present(c) && (0,model_vnet/* sameVnet */.yH)(c.vnetId, subnet.vnetId) === true);
    if (match)
        return { connection: match };
    // A connection whose VNet cannot be told may be this subnet's: named, never taken as "not connected".
    const open = w.connections.find((c) => present(c) && !c.vnetId.known);
    if (open)
        return { unknowns: [{ value: open.vnetId, attribute: 'vnetId', object: open }] };
    if (!subnet.vnetId?.known) {
        const value = subnet.vnetId ?? (0,model_value/* unknown */.L5)('vnetId', 'the subnet\u2019s virtual network is not known', subnet.origin);
        return { unknowns: [{ value: value, attribute: 'vnetId', object: subnet }] };
    }
    return {};
}
function hubName(index, c) {
    const h = hubOf(index, c);
    return h ? (h.name.known ? h.name.value : h.address) : c.hubId.known ? c.hubId.value : c.hubId.expression;
}
/** Where a next hop value leads: a modelled firewall, or something the scan cannot follow. */
function nextHopEgress(index, hop, via, text) {
    if (!hop.known)
        return { kind: 'unknown', unknowns: [{ value: hop, attribute: 'nextHop', object: via }], text };
    const fw = index.firewalls.get(hop.value);
    if (fw)
        return { kind: 'firewall', firewall: fw, via, text };
    return { kind: 'appliance', nextHop: hop.value, via, text };
}
/**
 * The hub's Internet route for this subnet's KMS request, before any route table of the subnet. Objects
 * deployed under a condition that `assume` takes as false are not there; those the route went through are
 * recorded in `forks`, as is a connection's unknown internet security (taken as on, unless `assume` says
 * off), so that the path is judged the other way too (./conditions.ts).
 */
function hubEgress(index, subnet, address, assume, forks) {
    const { connection: c, unknowns } = connectionOf(index, subnet, assume);
    if (unknowns)
        return { kind: 'unknown', unknowns, text: 'virtual hub connection of an unknown VNet' };
    if (!c)
        return { kind: 'none' };
    const w = index.model.virtualWan;
    const hub = hubName(index, c);
    (0,conditions/* touch */._M)(forks, c, `virtual hub connection ${(0,lookup/* displayName */.Q)(c)} (${c.address})`);
    const cHub = c.hubId;
    const onHub = (v) => (cHub.known ? sameId(v, cHub.value) : false);
    const written = c.internetSecurity;
    // Internet security not known: judged on, and off again by the caller, where it decides (forks).
    const assumed = written.known ? undefined : assume.security?.get(c);
    const security = written.known || assumed === undefined ? written : { known: true, value: assumed };
    /** Does the hub's default route reach the VNet? Not known: judged on here, off again by the caller. */
    const secured = () => {
        if (security.known)
            return security.value;
        forks.push({
            kind: 'security',
            connection: c,
            unresolved: { value: written, attribute: 'internetSecurity', object: c },
        });
        return true;
    };
    // Live: the routes the hub actually gives this connection decide alone (no route covering KMS: none).
    const effective = c.effectiveRouteTableId !== undefined
        ? w.routeTables.find((t) => t.id === c.effectiveRouteTableId)
        : undefined;
    if (effective) {
        if (security.known && !security.value)
            return { kind: 'none' };
        for (const route of effective.routes) {
            const d = route.destinations;
            if (!d.known || !d.value.some((p) => (0,addresses/* prefixContains */._y)(p, address) === true))
                continue;
            if (!secured())
                return { kind: 'none' };
            const name = route.name.known ? route.name.value : d.value.join(', ');
            return nextHopEgress(index, route.nextHop, route, `virtual hub ${hub}: effective route ${name}`);
        }
        return { kind: 'none' };
    }
    // A hub the scan does not model (declared in sources not scanned, a variable's id): what it routes to
    // the connection (routing intent, route tables, gateways) is not known, never "none".
    if (!hubOf(index, c) && !(security.known && !security.value)) {
        const reason = 'the virtual hub it joins is not in the scanned sources: its routing intent, route tables and gateways are not known';
        const value = cHub.known
            ? (0,model_value/* unknown */.L5)(cHub.value, reason, cHub.origin ?? c.origin)
            : { ...cHub, reason: cHub.reason ? `${reason} (${cHub.reason})` : reason };
        return {
            kind: 'unknown',
            unknowns: [{ value, attribute: 'hubId', object: c }],
            text: `virtual hub ${hub}`,
        };
    }
    const intent = w.routingIntents.find((i) => onHub(i.hubId) && i.internetNextHop && !(0,conditions/* isAbsent */.W0)(i, assume));
    if (intent) {
        if (!secured())
            return { kind: 'none' };
        (0,conditions/* touch */._M)(forks, intent, `routing intent ${(0,lookup/* displayName */.Q)(intent)} (${intent.address})`);
        return nextHopEgress(index, intent.internetNextHop, intent, `virtual hub ${hub}: routing intent Internet`);
    }
    const tableId = c.associatedRouteTableId;
    if (tableId && !tableId.known)
        return {
            kind: 'unknown',
            unknowns: [{ value: tableId, attribute: 'associatedRouteTableId', object: c }],
            text: `virtual hub ${hub}`,
        };
    const table = tableId
        ? w.routeTables.find((t) => t.id === tableId.value)
        : w.routeTables.find((t) => onHub(t.hubId) && t.name.known && t.name.value.toLowerCase() === 'defaultroutetable');
    for (const route of table?.routes ?? []) {
        if ((0,conditions/* isAbsent */.W0)(route, assume))
            continue;
        const d = route.destinations;
        if (!d.known)
            return {
                kind: 'unknown',
                unknowns: [{ value: d, attribute: 'destinations', object: route }],
                text: `virtual hub ${hub}`,
            };
        if (!d.value.some((p) => (0,addresses/* prefixContains */._y)(p, address) === true))
            continue;
        if (!secured())
            return { kind: 'none' };
        (0,conditions/* touch */._M)(forks, route, `hub route ${(0,lookup/* displayName */.Q)(route)} (${route.address})`);
        const tName = table.name.known ? table.name.value : table.address;
        return nextHopEgress(index, route.nextHop, route, `virtual hub ${hub}: ${tName} ${d.value.join(', ')}`);
    }
    const gw = w.gateways.find((g) => onHub(g.hubId));
    if (gw && !(security.known && !security.value)) {
        const gwName = gw.name.known ? gw.name.value : gw.address;
        const value = (0,model_value/* unknown */.L5)(`${gw.kind === 'vpn' ? 'VPN' : 'ExpressRoute'} gateway ${gwName} of virtual hub ${hub}`, 'on-premises may advertise a default route over BGP through this gateway, and the connection propagates it (internet security); BGP routes are not in the code', gw.origin);
        const bgp = {
            sources: `${gw.kind === 'vpn' ? 'VPN' : 'ExpressRoute'} gateway ${gwName} of virtual hub ${hub}`,
            because: 'on-premises may advertise a default route over BGP through this gateway',
            propagation: `hub connection ${c.name.known ? c.name.value : c.address} propagates it (internet security)`,
        };
        return {
            kind: 'unknown',
            unknowns: [{ value, attribute: 'internetSecurity', object: c, bgp }],
            text: `virtual hub ${hub}: BGP from ${gwName}`,
        };
    }
    return { kind: 'none' };
}

;// CONCATENATED MODULE: ./src/analysis/bgp.ts




const unique = (xs) => [...new Set(xs)];
/** Why a VNet key cannot be matched, for "may be" texts. */
const whyNot = (what, v) => v.known
    ? ''
    : `${what}'s virtual network is not known (\`${v.expression}\`${v.reason ? `: ${v.reason}` : ''})`;
const KIND = {
    vpn: 'VPN gateway',
    expressRoute: 'ExpressRoute gateway',
    routeServer: 'Route Server',
};
/**
 * The local sites whose address space a VPN gateway without BGP propagates, where one covers `address`:
 * `sure`, the sites linked to the gateway by a connection the scan reads (live: all its connections; IaC:
 * azurerm_virtual_network_gateway_connection, Microsoft.Network/connections), whose prefixes are known;
 * `maybe`, why other sites may put such a route there (not linked, address space not known).
 */
function staticSites(g, all, address) {
    // A site linked to gateways (live: read through their connections) belongs to those only.
    const sites = all.filter((s) => !s.gatewayIds || s.gatewayIds.includes(g.id));
    // Connections whose site the scan cannot read: whatever else is known, their address spaces are not.
    const unread = g.sitesRead || !g.unknownSites?.length
        ? undefined
        : `${g.unknownSites.join('; ')}: its address space may cover KMS`;
    if (sites.length === 0)
        return g.sitesRead
            ? { sure: [] }
            : {
                sure: [],
                maybe: unread ?? 'the local network gateways of its connections are not in the scanned sources',
            };
    const sure = [];
    for (const s of sites) {
        const prefixes = s.addressPrefixes;
        if (!prefixes.known)
            return {
                sure,
                maybe: s.format === 'live'
                    ? `the address space of ${(0,lookup/* displayName */.Q)(s)} is not known: ${prefixes.reason}`
                    : `the address space of local network gateway ${(0,lookup/* displayName */.Q)(s)} is not known (\`${prefixes.expression}\`)`,
            };
        // The most specific covering prefix is the one that competes in route selection.
        let best;
        for (const p of prefixes.value) {
            const bits = (0,addresses/* routeSpecificity */.Eg)(p, address);
            if (bits !== undefined && (!best || bits > best.bits))
                best = { prefix: p, bits };
        }
        if (!best)
            continue;
        if (s.gatewayIds)
            sure.push({ site: s, prefix: best.prefix });
        else
            return {
                sure,
                maybe: `local network gateway ${(0,lookup/* displayName */.Q)(s)} has ${best.prefix} in its address space, and no connection in the scanned sources says which VPN gateway uses it`,
            };
    }
    return { sure, ...(unread ? { maybe: unread } : {}) };
}
/** Why a gateway can put a route to `address` in its VNet's subnets (`because`, undefined = cannot), and the sure site routes. */
function exposure(index, g, address) {
    const peers = g.peers.length > 0 ? ` (peers: ${g.peers.join(', ')})` : '';
    switch (g.kind) {
        case 'routeServer':
            return { because: `NVAs peering with the Route Server advertise routes over BGP${peers}`, sites: [] };
        case 'expressRoute':
            return { because: `on-premises advertises routes over BGP through ExpressRoute${peers}`, sites: [] };
        case 'vpn': {
            const bgp = g.bgp;
            const sites = (index.model.bgp?.localNetworkGateways ?? []).flatMap((l) => l.bgpPeer ? [`${(0,lookup/* displayName */.Q)(l)} ${l.bgpPeer}`] : []);
            const sitePeers = sites.length > 0 ? ` (BGP peers: ${sites.join(', ')})` : '';
            if (!bgp || !bgp.known || bgp.value)
                return {
                    because: `${bgp?.known ? 'BGP is enabled' : bgp ? `BGP may be enabled (\`${bgp.expression}\`)` : 'BGP'}: on-premises advertises routes through the VPN${sitePeers}`,
                    sites: [],
                };
            const found = staticSites(g, index.model.bgp?.localNetworkGateways ?? [], address);
            return { sites: found.sure, ...(found.maybe ? { because: found.maybe } : {}) };
        }
    }
}
const siteRouteText = (r) => {
    const g = r.gateway;
    const via = r.peering ? `, through peering ${(0,lookup/* displayName */.Q)(r.peering)} (use_remote_gateways)` : '';
    return `local network gateway ${(0,lookup/* displayName */.Q)(r.site)} of ${KIND[g.kind]} ${(0,lookup/* displayName */.Q)(g)}${g.vnetName.known ? ` in ${g.vnetName.value}` : ''}${via}`;
};
/**
 * The gateways whose routes reach a subnet's VNet: its own, and those of VNets it uses as remote gateway.
 * `sources`: what may put a route to KMS there (named, not followed); `sites`: the site routes it surely
 * gets (siteRoutes).
 */
function bgpSources(index, subnet, address) {
    const bgp = index.model.bgp;
    const out = [];
    const sure = [];
    const elsewhere = undeclaredVnet(index, subnet);
    if (elsewhere)
        out.push(elsewhere);
    if (!bgp)
        return { sources: out, sites: sure };
    const vnet = subnet.vnetId;
    /** A gateway's exposure: sure site routes where every link is known, the rest named. */
    const expose = (gateway, certainLink, peering) => {
        const e = exposure(index, gateway, address);
        const certain = certainLink && gateway.vnetId.known;
        if (certain)
            for (const hit of e.sites) {
                const r = { ...hit, gateway, ...(peering ? { peering } : {}) };
                sure.push({ ...r, text: siteRouteText(r) });
            }
        const siteText = certain
            ? undefined
            : e.sites
                .map((h) => `local network gateway ${(0,lookup/* displayName */.Q)(h.site)} has ${h.prefix} in its address space`)
                .join('; ') || undefined;
        const because = [e.because, siteText].filter((x) => x !== undefined).join('; ');
        return because === '' ? undefined : because;
    };
    // The gateways of one VNet (by key): a gateway whose VNet cannot be told may be there, and is named so.
    const add = (vnetId, vnetName, peering, doubt = '') => {
        const gateways = bgp.gateways.filter((g) => (0,model_vnet/* sameVnet */.yH)(g.vnetId, vnetId) !== false);
        for (const gateway of gateways) {
            const linked = doubt === '' && (0,model_vnet/* sameVnet */.yH)(gateway.vnetId, vnetId) === true;
            const because = expose(gateway, linked && (!peering || peering.useRemoteGateways.known), peering);
            if (!because)
                continue;
            const may = gateway.vnetId.known
                ? ''
                : `; the ${whyNot('gateway', gateway.vnetId)}, so it may be in ${peering ? 'the remote VNet' : 'the subnet\u2019s VNet'}`;
            out.push({ gateway, because: `${because}${may}${doubt}`, ...(peering ? { peering } : {}) });
        }
        // use_remote_gateways needs a gateway (or Route Server) in the remote VNet: Azure refuses it otherwise.
        if (gateways.length === 0 && peering)
            out.push({
                peering,
                remoteVnet: vnetName.known ? vnetName.value : vnetName.expression,
                because: `the remote VNet has a gateway or Route Server (use_remote_gateways requires one) that is not in the scanned sources${doubt}`,
            });
    };
    if (!vnet?.known) {
        // The subnet's VNet is not known: any gateway in the scan may be its own (not "none").
        for (const gateway of bgp.gateways) {
            const because = expose(gateway, false);
            if (because)
                out.push({
                    gateway,
                    because: `${because}; the subnet's virtual network is not known, so it may be this gateway's`,
                });
        }
        return { sources: out, sites: sure };
    }
    add(vnet, subnet.vnetName ?? vnet);
    for (const p of bgp.peerings) {
        const mine = (0,model_vnet/* sameVnet */.yH)(p.vnetId, vnet);
        if (mine === false)
            continue;
        const use = p.useRemoteGateways;
        if (use.known && !use.value)
            continue;
        // A peering whose local VNet cannot be told may be this VNet's: followed, and said so.
        const doubt = mine === 'unknown' ? `; the ${whyNot('peering', p.vnetId)}, so it may be this VNet's` : '';
        add(p.remoteVnetId, p.remoteVnetName, p, doubt);
    }
    return { sources: out, sites: sure };
}
/**
 * The VNet keys whose gateways the scan knows, per model: the VNets the IaC declares, those live state read,
 * and those a scanned gateway is in (a VNet with its own gateway cannot use a remote one: Azure refuses
 * use_remote_gateways there, so that gateway is all it learns from).
 */
const knownKeys = new WeakMap();
function gatewaysKnown(index) {
    let keys = knownKeys.get(index.model);
    if (!keys) {
        keys = new Set((index.model.vnets ?? []).map((v) => v.id));
        for (const s of index.model.subnets)
            if (s.format === 'live' && s.vnetId?.known)
                keys.add(s.vnetId.value);
        for (const g of index.model.bgp?.gateways ?? [])
            if (g.vnetId.known)
                keys.add(g.vnetId.value);
        knownKeys.set(index.model, keys);
    }
    return keys;
}
/**
 * A subnet whose virtual network the scan does not declare (a Terraform data source or a VNet named by a
 * literal, a Bicep `existing` VNet, a subnet module given only the VNet's name): the VNet's own gateway,
 * its peerings' `use_remote_gateways` and a Virtual WAN hub connection are declared elsewhere if anywhere,
 * so what the subnet learns over BGP is not known, where the scan would otherwise say "none". A declared
 * VNet is taken to carry its own gateway and peerings (they are declared with it or not at all); live
 * state reads every VNet.
 */
function undeclaredVnet(index, subnet) {
    const key = subnet.vnetId;
    // Live state reads every VNet; a model without VNet keys (built by hand) does not say what it declares.
    if (subnet.format === 'live' || key === undefined)
        return undefined;
    if (key.known && gatewaysKnown(index).has(key.value))
        return undefined;
    const v = subnet.vnetName ?? key;
    const name = v ? (v.known ? v.value : `its virtual network (\`${v.expression}\`)`) : 'its virtual network';
    const other = elsewhere(index, subnet);
    // Declared by another unit of the scan, whose gateways, peerings and hub connection are laid into this model.
    if (other.sure.length > 0 && other.unsure.length === 0)
        return undefined;
    const what = 'whether it has a VPN or ExpressRoute gateway or a Route Server, or uses a hub\u2019s through a peering with ' +
        'use_remote_gateways (or a Virtual WAN hub connection), is not known';
    // Other units declare a VNet of that name, but a resource group is not known on one side: not taken as
    // it (VNets are told apart by resource group and name; a guess could only make a subnet "reachable").
    if (other.unsure.length > 0) {
        const where = (e) => `${e.unit} (${e.key ? `resource group ${scopeText(e.key)}` : 'resource group not known'})`;
        const one = other.unsure.length === 1;
        const silent = !key.known
            ? 'this unit does not say which resource group it reads it from'
            : one
                ? 'that unit does not say its resource group'
                : 'those units do not say their resource groups';
        return {
            undeclared: true,
            remoteVnet: name,
            because: `${name} may be the VNet declared in ${other.unsure.map(where).join(' or ')}, but it is not taken as ` +
                `${one ? 'that VNet' : 'either'}: VNets are told apart by resource group and name, and ${silent}, ` +
                `so ${what}; give the resource group (a var file or parameter value, Bicep ` +
                "`scope: resourceGroup('\u2026')` on the `existing` VNet), or scan with `live: true`",
        };
    }
    return {
        undeclared: true,
        remoteVnet: name,
        because: 
        // An unknown key may be a declared VNet the scan cannot tell apart: say that, not "not declared".
        `${key.known ? `${name} is not declared in the scanned sources` : (key.reason ?? `which VNet ${name} is cannot be told`)}, so ${what}; ` +
            'scan the sources that declare the VNet with it, or scan with `live: true`',
    };
}
/** `rg-hub` (or `rg-hub in subscription s`) of a VNet key of the ARM-id form. */
function scopeText(key) {
    const m = /^(?:\/subscriptions\/([^/]+))?\/resourcegroups\/([^/]+)\//i.exec(key);
    if (!m)
        return key;
    return m[1] ? `${m[2]} in subscription ${m[1]}` : m[2];
}
/**
 * The VNets of other units of the scan that a subnet's VNet may be (GatewayModel.elsewhere): `sure`, the
 * same key; `unsure`, the same name where a resource group is not known on one side.
 */
function elsewhere(index, subnet) {
    const sure = [];
    const unsure = [];
    const key = subnet.vnetId;
    const name = subnet.vnetName?.known ? subnet.vnetName.value.toLowerCase() : undefined;
    for (const e of index.model.bgp?.elsewhere ?? []) {
        const same = key?.known && e.key !== undefined ? (0,model_vnet/* sameVnet */.yH)(key, { known: true, value: e.key }) : 'unknown';
        if (same === true)
            sure.push(e);
        else if (same === 'unknown' && name === e.name.toLowerCase())
            unsure.push(e);
    }
    return { sure, unsure };
}
/** ` (declared in root module connectivity)` for a gateway or peering another unit of the scan declares. */
const declaredIn = (o) => (o.unit ? ` (declared in ${o.unit})` : '');
function sourceText(s) {
    const g = s.gateway;
    if (s.undeclared)
        return `the gateways and peerings of ${s.remoteVnet}`;
    const what = g
        ? `${KIND[g.kind]} ${(0,lookup/* displayName */.Q)(g)}${g.vnetName.known ? ` in ${g.vnetName.value}` : ''}${declaredIn(g)}`
        : `the gateway of ${s.remoteVnet}`;
    if (!s.peering)
        return what;
    const use = s.peering.useRemoteGateways;
    return `${what}, through peering ${(0,lookup/* displayName */.Q)(s.peering)} (use_remote_gateways${use.known ? '' : ` = \`${use.expression}\``})${declaredIn(s.peering)}`;
}
/** How the subnet's route table lets gateway routes in, for the message. */
function propagationText(table) {
    if (!table)
        return 'the subnet has no route table, so gateway routes propagate';
    const p = table.bgpRoutePropagation;
    if (p.known)
        return `route table ${(0,lookup/* displayName */.Q)(table)} lets gateway routes propagate`;
    return `route table ${(0,lookup/* displayName */.Q)(table)} may let gateway routes propagate (\`${p.expression}\`)`;
}
/**
 * The BGP exposure of a subnet whose KMS traffic would otherwise follow the system default route, or a
 * user route shorter than /32 (`over`, e.g. `user route default (0.0.0.0/0)`: a learned route with a longer
 * prefix wins over it): undefined when no learned route can reach it, else the unresolved value that names
 * where the routes come from, the propagation setting and the peering. `managed`: the propagation of a
 * Virtual Network Manager managed route table, where that decides instead of the subnet's own table.
 */
function bgpUnknown(index, subnet, table, address, managed, over) {
    const propagation = managed?.value ?? table?.bgpRoutePropagation;
    if (propagation?.known && !propagation.value)
        return undefined;
    const found = bgpSources(index, subnet, address);
    // Sure site routes were weighed as routes where gateway routes surely propagate (paths.ts siteSelection);
    // where that is not known, they may reach the subnet like the rest.
    const sources = [
        ...found.sources,
        ...(propagation && !propagation.known
            ? found.sites.map((r) => ({
                gateway: r.gateway,
                ...(r.peering ? { peering: r.peering } : {}),
                because: `local network gateway ${(0,lookup/* displayName */.Q)(r.site)} has ${r.prefix} in its address space`,
            }))
            : []),
    ];
    if (sources.length === 0)
        return undefined;
    const bgp = {
        sources: sources.map(sourceText).join('; '),
        because: unique(sources.map((s) => s.because)).join('; '),
        propagation: managed?.text ?? propagationText(table),
    };
    const what = over
        ? `a route to KMS more specific than the ${over} (on-premises often advertises 0.0.0.0/1 and 128.0.0.0/1 for forced tunnelling), which wins over it by longest prefix match`
        : 'a route to KMS (often 0.0.0.0/0)';
    const value = (0,model_value/* unknown */.L5)(bgp.sources, `routes learned over BGP reach this subnet (${bgp.because}; ${bgp.propagation}), ` +
        `and on-premises or an NVA may advertise ${what}; BGP routes are not in the code`, table?.origin ?? subnet.origin);
    return { value, attribute: 'bgpRoutePropagation', object: table ?? managed?.object ?? subnet, bgp };
}

;// CONCATENATED MODULE: ./src/analysis/redeclarations.ts


const FIELDS = [
    'routeTableId',
    'routeTableOrigin',
    'nsgId',
    'nsgOrigin',
    'natGatewayId',
    'defaultOutboundAccess',
];
/** The subnet with `r`'s settings: a copy, which the path hands back as the subnet itself (asSubnet). */
function declaredAs(subnet, r) {
    const s = { ...subnet, addressPrefixes: r.addressPrefixes, redeclarations: undefined };
    for (const f of FIELDS) {
        if (r[f] === undefined)
            delete s[f];
        else
            s[f] = r[f];
    }
    // Its own associations were written with the inline declaration: none of its conditions holds here.
    delete s.associationConditions;
    delete s.associationsOtherwise;
    return s;
}
/**
 * The declaration the subnet has under `assume`: the first redeclaration not taken as absent (recorded as
 * an alternative fork), else the subnet's own.
 */
function declarationUnder(subnet, assume, forks) {
    for (const r of subnet.redeclarations ?? []) {
        if ((0,conditions/* isAbsent */.W0)(subnet, assume, r.condition))
            continue;
        const before = forks.length;
        (0,conditions/* touch */._M)(forks, subnet, `the redeclaration ${r.address} of ${(0,lookup/* displayName */.Q)(subnet)}`, r.condition);
        for (const f of forks.slice(before))
            if (f.kind === 'condition')
                f.alternative = true;
        return declaredAs(subnet, r);
    }
    return subnet;
}
/** The path traced from `declared` (a copy of `subnet`), about `subnet` itself. */
function asSubnet(path, declared, subnet) {
    if (declared === subnet)
        return path;
    path.subnet = subnet;
    for (const step of path.steps)
        if (step.object === declared)
            step.object = subnet;
    return path;
}

;// CONCATENATED MODULE: ./src/analysis/avnm.ts




function accessOf(rule) {
    const a = rule.access.known ? rule.access.value.trim().toLowerCase() : undefined;
    return a === 'deny' ? 'Deny' : a === 'alwaysallow' ? 'AlwaysAllow' : a === 'allow' ? 'Allow' : 'unknown';
}
function member(group, subnet) {
    const vnet = subnet.vnetId?.known ? subnet.vnetId : undefined;
    if (vnet && group.staticVnets.some((v) => (0,model_vnet/* sameVnet */.yH)((0,model_value/* known */.eO)(v.id), vnet) === true))
        return { is: true };
    if (group.subnetIds?.includes(subnet.id))
        return { is: true };
    const open = group.openMembership ??
        (group.staticVnets.length === 0 && !group.subnetIds
            ? (0,model_value/* unknown */.L5)(`network group ${(0,lookup/* displayName */.Q)(group)}`, 'no static members in the scanned sources: its members come from Azure Policy (dynamic membership) or from outside the code', group.origin)
            : undefined);
    if (open)
        return { is: 'unknown', why: { value: open, attribute: 'members', object: group } };
    if (!vnet && group.staticVnets.length > 0) {
        const value = subnet.vnetId && !subnet.vnetId.known
            ? subnet.vnetId
            : (0,model_value/* unknown */.L5)('vnetId', 'the subnet\u2019s virtual network is not known', subnet.origin);
        return { is: 'unknown', why: { value, attribute: 'vnetId', object: subnet } };
    }
    return { is: false };
}
/** Does the rule apply to the subnet: one of its groups holds the VNet, and its configuration is deployed? */
function applies(index, rule, subnet) {
    const nm = index.model.networkManager;
    const unknowns = [];
    let inGroup = false;
    if (!rule.groupIds.known) {
        inGroup = 'unknown';
        unknowns.push({ value: rule.groupIds, attribute: 'groupIds', object: rule });
    }
    else
        for (const id of rule.groupIds.value) {
            const group = nm.groups.find((g) => g.id === id);
            if (!group) {
                // A group declared elsewhere may hold this VNet: the rule may apply, it is not skipped.
                inGroup = (0,model_value/* triOr */.PG)(inGroup, 'unknown');
                const value = (0,model_value/* unknown */.L5)(id, 'network group not in the scanned sources: its members are not known', rule.origin);
                unknowns.push({ value, attribute: 'groupIds', object: rule });
                continue;
            }
            const m = member(group, subnet);
            inGroup = (0,model_value/* triOr */.PG)(inGroup, m.is);
            if (m.why)
                unknowns.push(m.why);
        }
    let deployed = 'unknown';
    const cid = rule.configurationId;
    const config = cid.known ? nm.configurations.find((c) => c.id === cid.value) : undefined;
    if (config?.deployed.known)
        deployed = config.deployed.value;
    else if (config)
        unknowns.push({ value: config.deployed, attribute: 'deployed', object: config });
    else {
        const value = (0,model_value/* unknown */.L5)(cid.known ? cid.value : cid.expression, 'configuration not in the scanned sources', rule.origin);
        unknowns.push({ value, attribute: 'configurationId', object: rule });
    }
    if (deployed === true && config?.deployedRegions) {
        const r = inRegions(config, config.deployedRegions, subnet);
        deployed = r.is;
        if (r.why)
            unknowns.push(r.why);
    }
    const is = (0,model_value/* triAnd */.Rp)(inGroup, deployed);
    return { is, unknowns: is === 'unknown' ? unknowns : [] };
}
/** Azure's region names: `West Europe` and `westeurope` are the same region. */
const regionKey = (r) => r.replace(/\s+/g, '').toLowerCase();
/**
 * Is the subnet's VNet in a region the configuration is committed to? A commit is per region
 * (Virtual Network Manager deployments): a VNet elsewhere does not get the configuration. A region where
 * the commits leave it open (`regionsUndecided`) is unknown, named.
 */
function inRegions(config, regions, subnet) {
    if (!regions.known)
        return { is: 'unknown', why: { value: regions, attribute: 'deployedRegions', object: config } };
    const undecided = config.regionsUndecided ?? [];
    const where = subnet.location;
    if (where?.known) {
        if (regions.value.some((r) => regionKey(r) === regionKey(where.value)))
            return { is: true };
        const open = undecided.find((u) => regionKey(u.region) === regionKey(where.value));
        return open
            ? { is: 'unknown', why: { value: open.why, attribute: 'deployedRegions', object: config } }
            : { is: false };
    }
    if (regions.value.length === 0 && undecided.length === 0)
        return { is: false };
    const list = [...regions.value, ...undecided.map((u) => `${u.region} (perhaps)`)].join(', ');
    const value = (0,model_value/* unknown */.L5)(where?.expression ?? 'location', `the configuration is committed to ${list}; the region of the subnet\u2019s virtual network is not known to the scan${where?.reason ? ` (${where.reason})` : ''}`, where?.origin ?? subnet.origin);
    return { is: 'unknown', why: { value, attribute: 'location', object: subnet } };
}
/**
 * Does an admin rule match outbound TCP 1688 from `source` to `address`? Admin rules have the NSG rule's
 * traffic fields (direction, protocol `Tcp`/`Any`, address prefixes or service tags, port ranges) and no
 * application security groups: the NSG's match applies to them as it is.
 */
function matchAdminRule(rule, source, address) {
    return (0,analysis_nsg/* matchTraffic */.ht)(rule, source, address);
}
/** The security admin verdict for TCP 1688 from the subnet to `address`; undefined when no rule exists. */
function evaluateAdminRules(index, subnet, source, address) {
    const rules = index.model.networkManager?.adminRules ?? [];
    if (rules.length === 0)
        return undefined;
    const sorted = [...rules].sort((a, b) => (a.priority.known ? a.priority.value : 0) - (b.priority.known ? b.priority.value : 0));
    const verdict = { open: [] };
    for (const rule of sorted) {
        const m = matchAdminRule(rule, source, address);
        if (m.match === false)
            continue;
        const a = applies(index, rule, subnet);
        if (a.is === false)
            continue;
        const access = accessOf(rule);
        const why = [...m.unknowns, ...a.unknowns];
        if (!rule.priority.known)
            why.push({ value: rule.priority, attribute: 'priority', object: rule });
        if (access === 'unknown')
            why.push({ value: rule.access, attribute: 'access', object: rule });
        if ((0,model_value/* triAnd */.Rp)(m.match, a.is) === true && rule.priority.known && access !== 'unknown') {
            verdict.rule = rule;
            verdict.access = access;
            break;
        }
        verdict.open.push({ rule, access, unknowns: why });
    }
    return verdict;
}
/**
 * Does the security admin layer block the request, given whether the NSG alone would (`nsgBlocks`) and
 * whether a Deny would (`deny`: true, or unknown with why)? true/false when every possible admin outcome
 * agrees, else unknown with the open rules' reasons.
 */
function adminBlocks(v, nsgBlocks, deny = { blocks: true, why: [] }) {
    const effect = (a) => a === 'Deny' ? deny.blocks : a === 'AlwaysAllow' ? false : a === 'unknown' ? 'unknown' : nsgBlocks;
    const decided = effect(v.access);
    const own = v.access === 'Deny' && deny.blocks === 'unknown' ? deny.why : [];
    const differing = v.open.filter((o) => effect(o.access) !== decided || decided === 'unknown');
    if (differing.length === 0)
        return { blocks: decided, unknowns: decided === 'unknown' ? own : [] };
    const openDeny = differing.some((o) => o.access === 'Deny') && deny.blocks === 'unknown' ? deny.why : [];
    return {
        blocks: 'unknown',
        unknowns: [...own, ...differing.flatMap((o) => o.unknowns), ...(own.length ? [] : openDeny)],
    };
}
/** `rule deny-kms (Deny) of nm-corp`: the rule for messages. */
function adminRuleText(rule, access) {
    return `security admin rule ${displayName(rule)} (${access})`;
}
/** AVNM spells "drop" `NoNextHop`; a route table's next hop type for it is `None`. */
function routeNextHop(hop) {
    return hop.known && hop.value.trim().toLowerCase() === 'nonexthop' ? (0,model_value/* known */.eO)('None', hop.origin) : hop;
}
function configurationText(index, route) {
    const cid = route.configurationId;
    const config = cid.known
        ? index.model.networkManager?.configurations.find((c) => c.id === cid.value)
        : undefined;
    return `Virtual Network Manager routing configuration ${config ? (0,lookup/* displayName */.Q)(config) : cid.known ? cid.value : cid.expression}`;
}
/** One Route per managed route (stable identity across paths: findings group by it). */
const asRoutes = new WeakMap();
/** The managed route as the user route Azure puts into the subnet's (managed) route table. */
function asRoute(index, m) {
    let r = asRoutes.get(m);
    if (!r) {
        r = {
            ...m,
            routeTableId: m.configurationId.known ? m.configurationId.value : m.id,
            addressPrefix: m.destination,
            nextHopType: routeNextHop(m.nextHopType),
            managedBy: configurationText(index, m),
        };
        if (m.nextHopAddress)
            r.nextHopIpAddress = m.nextHopAddress;
        asRoutes.set(m, r);
    }
    return r;
}
const norm = (v) => (v.known ? v.value.trim().toLowerCase() : undefined);
const hopKey = (r) => `${norm(r.nextHopType)}|${r.nextHopIpAddress ? (norm(r.nextHopIpAddress) ?? '?') : ''}`;
function maybeUnknown(index, route, reason) {
    const d = route.addressPrefix;
    const hop = route.nextHopType.known ? route.nextHopType.value : route.nextHopType.expression;
    const value = (0,model_value/* unknown */.L5)(`managed route ${(0,lookup/* displayName */.Q)(route)} ${d.known ? d.value : d.expression} \u2192 ${hop}`, `${route.managedBy ?? 'a Virtual Network Manager routing configuration'} (UDR management) may put this route into the subnet (${reason})`, route.origin);
    return { value, attribute: 'routingConfiguration', object: route };
}
/**
 * The routes Virtual Network Manager routing configurations put into `subnet` (Automate management of
 * user-defined routes with Azure Virtual Network Manager, "Impact of UDR management on routes and route
 * tables"): the routes of the subnet's own table stay, the managed routes join them as user routes, a
 * routing rule with the same destination as an existing route is ignored, and of conflicting rules (same
 * destination, different next hops) Azure applies one at random, so those only ever "may" apply.
 */
function managedRouting(index, subnet, own) {
    const out = { sure: [], maybe: [] };
    const routes = index.model.networkManager?.routes ?? [];
    if (routes.length === 0)
        return out;
    const existing = new Set((own?.routes ?? []).flatMap((r) => norm(r.addressPrefix) ?? []));
    const applying = [];
    for (const m of routes) {
        const a = applies(index, m, subnet);
        if (a.is === false)
            continue;
        const route = asRoute(index, m);
        const prefix = norm(route.addressPrefix);
        if (prefix !== undefined && existing.has(prefix))
            continue; // the existing route wins: the rule is ignored
        applying.push({ route, m, is: a.is, unknowns: a.unknowns });
    }
    const byPrefix = new Map();
    for (const { route } of applying) {
        const p = norm(route.addressPrefix);
        if (p !== undefined)
            byPrefix.set(p, [...(byPrefix.get(p) ?? []), route]);
    }
    for (const x of applying) {
        const p = norm(x.route.addressPrefix);
        const rivals = p === undefined ? [] : byPrefix.get(p).filter((r) => hopKey(r) !== hopKey(x.route));
        if (rivals.length > 0) {
            const names = rivals.map((r) => (0,lookup/* displayName */.Q)(r)).join(', ');
            out.maybe.push({
                route: x.route,
                why: maybeUnknown(index, x.route, `it conflicts with ${names} (same destination, another next hop): Azure applies one of conflicting routing rules at random`),
            });
        }
        else if (x.is === true)
            out.sure.push(x.route);
        else
            out.maybe.push({
                route: x.route,
                why: maybeUnknown(index, x.route, x.unknowns.map((u) => u.value.reason ?? u.value.expression).join('; ')),
            });
    }
    out.propagation = managedPropagation(applying.filter((x) => x.is === true).map((x) => x.m), own);
    return out;
}
/**
 * Gateway route propagation once a managed route table is in place. With no table of its own, the subnet
 * gets the managed table, which propagates as its rule collections say. Documented: a rule collection's
 * "Enable BGP route propagation" is its BGP setting (Automate management of user-defined routes with Azure
 * Virtual Network Manager, "Route collection settings"); the REST property `disableBgpRoutePropagation`
 * "Determines whether BGP route propagation is enabled. Defaults to true." (routingConfigurations/
 * ruleCollections); upon deployment the routes are put into a route table Virtual Network Manager creates
 * for the targeted subnets ("How does UDR management work?"), and a table's propagation setting applies
 * to every subnet that uses it ("Route Table Sharing and Cleanup Behavior"). So a collection with
 * propagation off keeps learned routes out of a subnet that has no table of its own (the docs do not say
 * this in one sentence; it is what the three statements together give). With a table of its own, the scan
 * keeps it propagating when either says so (whether Azure takes the collection's setting or the table's
 * depends on the configuration's route table usage mode; "propagates" is the side that is not a guess).
 */
function managedPropagation(applied, own) {
    if (applied.length === 0)
        return undefined;
    const enabling = applied.find((m) => !m.bgpRoutePropagation || !m.bgpRoutePropagation.known || m.bgpRoutePropagation.value);
    const m = enabling ?? applied[0];
    const value = m.bgpRoutePropagation ?? (0,model_value/* known */.eO)(true, m.origin);
    const text = `the Virtual Network Manager rule collection of managed route ${(0,lookup/* displayName */.Q)(m)} ${value.known ? (value.value ? 'lets' : 'does not let') : `may let (\`${value.expression}\`)`} gateway routes propagate`;
    if (!own)
        return { value, object: m, text };
    const ownValue = own.bgpRoutePropagation;
    if (ownValue.known && !ownValue.value && enabling)
        return { value, object: m, text };
    return undefined;
}

;// CONCATENATED MODULE: ./src/analysis/paths.ts












/** A subnet's route table: none (or its association taken as absent), the table, or an unresolved reference. */
function tableOf(subnet, index, assume) {
    const ref = (0,conditions/* isAbsent */.W0)(subnet, assume, subnet.associationConditions?.routeTableId)
        ? subnet.associationsOtherwise?.routeTableId
        : subnet.routeTableId;
    if (!ref)
        return {};
    if (!ref.known)
        return { unresolved: { value: ref, attribute: 'routeTableId', object: subnet } };
    const table = index.routeTables.get(ref.value);
    if (table)
        return { table };
    const value = (0,model_value/* unknown */.L5)(ref.value, 'route table not in the scanned sources', subnet.routeTableOrigin ?? ref.origin);
    return { unresolved: { value, attribute: 'routeTableId', object: subnet } };
}
/** The same route decided both selections (the same winner, the same next hop). */
function sameSelection(a, b) {
    if (a.nextHop !== b.nextHop || a.winner?.kind !== b.winner?.kind)
        return false;
    const wa = a.winner;
    const wb = b.winner;
    return wa?.kind !== 'user' || wb?.kind !== 'user' || wa.route === wb.route;
}
/**
 * The route for `address` from the subnet: live effective routes when read, else its route table with the
 * routes Virtual Network Manager puts beside it (`managed`). A managed route that only may apply (a
 * configuration not known to be committed, a group whose members are not listed) leaves the selection
 * undecided where it would change it, named.
 */
function selectionFor(subnet, index, address, assume, managed) {
    const { table: written, unresolved } = tableOf(subnet, index, assume);
    const table = (0,conditions/* presentTable */.aO)(written, assume);
    if (subnet.effectiveRoutes)
        return (0,routes/* selectEffectiveRoutes */.EN)(subnet.effectiveRoutes, unresolved ? 'unresolved' : table, address, subnet);
    if (unresolved)
        return { nextHop: 'unknown', unknowns: [unresolved] };
    const m = managed ?? managedRouting(index, subnet, table);
    const sure = assume.absent ? m.sure.filter((r) => !(0,conditions/* isAbsent */.W0)(r, assume)) : m.sure;
    const sel = (0,routes/* selectRoute */.W7)(table, address, sure);
    const open = m.maybe.filter((x) => !(0,conditions/* isAbsent */.W0)(x.route, assume) &&
        (!x.route.addressPrefix.known || (0,addresses/* routeSpecificity */.Eg)(x.route.addressPrefix.value, address) !== undefined));
    if (open.length === 0)
        return sel;
    const all = (0,routes/* selectRoute */.W7)(table, address, [...sure, ...open.map((x) => x.route)]);
    if (sameSelection(sel, all))
        return sel;
    return { table, nextHop: 'unknown', unknowns: open.map((x) => x.why) };
}
/**
 * Can a route learned over BGP win over the selection? Only by a longer prefix than the winner's (on equal
 * prefixes a user route beats a BGP route): never over a /32, and it changes nothing where the winner
 * already sends KMS on-premises or drops it.
 */
function bgpCanWin(sel) {
    const w = sel.winner;
    if (!w || w.kind === 'hub' || w.kind === 'effective')
        return false;
    if (w.kind === 'system')
        return true;
    if (sel.nextHop !== 'Internet' && sel.nextHop !== 'VirtualAppliance')
        return false;
    return ((0,addresses/* parseIpv4Prefix */.nY)(w.prefix)?.bits ?? 0) < 32;
}
/**
 * The selection once the local sites' gateway routes are weighed (bgp.ts siteRoutes): the longest covering
 * site prefix wins over the selected route when it is longer (over a user route of equal length it loses;
 * over the system default route it wins even at 0.0.0.0/0). Only where gateway routes propagate: the
 * managed table's or the subnet's table's setting (no table propagates); a setting that is not known leaves
 * the winning site route to bgpUnknown, named. undefined = the sites change nothing.
 */
function siteSelection(index, subnet, sel, address, managedPropagation) {
    const propagation = managedPropagation ?? sel.table?.bgpRoutePropagation;
    if (propagation && (!propagation.known || !propagation.value))
        return undefined;
    const w = sel.winner;
    const over = w?.kind === 'user' ? ((0,addresses/* routeSpecificity */.Eg)(w.prefix, address) ?? 0) : -1;
    let best;
    for (const route of bgpSources(index, subnet, address).sites) {
        const bits = (0,addresses/* routeSpecificity */.Eg)(route.prefix, address);
        if (bits !== undefined && bits > over && (!best || bits > best.bits))
            best = { route, bits };
    }
    if (!best)
        return undefined;
    const { route } = best;
    return {
        ...(sel.table ? { table: sel.table } : {}),
        winner: { kind: 'site', via: route.site, prefix: route.prefix, text: route.text },
        nextHop: 'VirtualNetworkGateway',
        unknowns: [],
    };
}
/**
 * The selection once the routes gateways put into the subnet are weighed (live effective routes already
 * hold them): a VPN gateway without BGP propagates its local sites' address spaces as gateway routes, and one
 * covering KMS is a route like any other, decided by longest prefix (`site`: the one that won); outside
 * Virtual WAN, a gateway or Route Server may teach the subnet a route over BGP that beats the selected route
 * (the system default route, or a user route by a longer prefix: on-premises often advertises 0.0.0.0/1 and
 * 128.0.0.0/1, which beat a user 0.0.0.0/0; only a /32 is sure to win), named as unknown.
 */
function withGatewayRoutes(index, subnet, selection, address, managed) {
    if (subnet.effectiveRoutes)
        return { selection };
    let sel = selection;
    let site;
    if (index.model.bgp && bgpCanWin(sel)) {
        const s = siteSelection(index, subnet, sel, address, managed?.propagation?.value);
        if (s) {
            sel = s;
            if (s.winner?.kind === 'site')
                site = { via: s.winner.via, prefix: s.winner.prefix, text: s.winner.text };
        }
    }
    if (bgpCanWin(sel)) {
        const w = sel.winner;
        const over = w?.kind === 'user'
            ? `${w.route.managedBy ? 'managed route' : 'user route'} ${(0,lookup/* displayName */.Q)(w.route)} (${w.prefix})`
            : undefined;
        const learned = bgpUnknown(index, subnet, sel.table, address, managed?.propagation, over);
        if (learned) {
            const unlessLearned = {
                winner: sel.winner,
                nextHop: sel.nextHop,
                nextHopIpAddress: sel.nextHopIpAddress,
            };
            sel = Object.assign({}, sel, {
                winner: undefined,
                nextHop: 'unknown',
                unknowns: [learned],
                unlessLearned,
            });
        }
    }
    return { selection: sel, ...(site ? { site } : {}) };
}
/**
 * What decides the platform exception's route side: the selection's table, or, when the subnet's table
 * does not resolve and no effective routes stand for it, the unresolved reference (its routes may well
 * override 0.0.0.0/0: assuming they do not would be a guess).
 */
function exceptionTable(subnet, index, sel, assume) {
    if (sel.table || sel.effective)
        return sel.table;
    return tableOf(subnet, index, assume).unresolved;
}
/** Where the route's next hop ends, before any firewall. */
function plainOutcome(hop) {
    switch (hop) {
        case 'Internet':
            return 'internet';
        case 'VirtualNetworkGateway':
            return 'gateway';
        case 'None':
            return 'none';
        case 'VnetLocal':
            return 'vnetLocal';
        case 'unknown':
            return 'unknown';
        default:
            return undefined;
    }
}
const OUTCOME_VERDICT = {
    internet: 'reaches',
    gateway: 'blocked',
    none: 'blocked',
    vnetLocal: 'blocked',
    firewallDenied: 'blocked',
    noOutbound: 'blocked',
    appliance: 'unverified',
    unknown: 'unknown',
};
const HOP_STEP = {
    internet: 'internet',
    gateway: 'onPremises',
    none: 'dropped',
    vnetLocal: 'dropped',
    appliance: 'appliance',
};
/** The subnet's NSG verdict, or an unresolved reference to it. */
function nsgOf(subnet, index, source, address, table, effective, extra, assume) {
    const ref = (0,conditions/* isAbsent */.W0)(subnet, assume, subnet.associationConditions?.nsgId)
        ? subnet.associationsOtherwise?.nsgId
        : subnet.nsgId;
    if (!ref)
        return {};
    const nsg = ref.known ? index.nsgs.get(ref.value) : undefined;
    if (nsg)
        return { verdict: (0,analysis_nsg/* evaluateNsg */.s0)(nsg, source, address, table, effective, extra) };
    const value = ref.known
        ? (0,model_value/* unknown */.L5)(ref.value, 'network security group not in the scanned sources', subnet.nsgOrigin)
        : ref;
    return { unresolved: { value, attribute: 'nsgId', object: subnet } };
}
/** The effective route (no model Route) that won a subnet's selection, for KmsPath.decidingEffectiveRoute. */
function effectiveWinner(subnet, sel) {
    if (!subnet || !sel.effective || sel.winner?.kind !== 'effective')
        return undefined;
    return { subnet, nicId: sel.effective.nicId, route: sel.winner.route, prefix: sel.winner.prefix };
}
/** A modelled firewall whose private address is unknown (computed at deployment), if any. */
/** A firewall whose address is assigned at deployment and may be `address` (its subnet does not rule it out). */
function unaddressedFirewall(index, address) {
    return index.model.firewalls.find((f) => !f.privateIpAddress.known && (0,analysis_firewall/* firewallSubnetHolds */.ez)(f, address.trim(), index) !== false);
}
/** An appliance the configuration says egresses from Azure (an address or a prefix covering it). */
function allowedAppliance(index, address) {
    return index.model.allowedAppliances?.find((a) => a.address === address || (0,addresses/* prefixContains */._y)(a.address, address) === true);
}
/** Each unresolved value once (the route side and the NSG side can both name the route table). */
function distinct(us) {
    return us.filter((u, i) => us.findIndex((o) => o.object === u.object && o.attribute === u.attribute && o.value.expression === u.value.expression) === i);
}
/**
 * Does a security admin Deny block KMS on this subnet? Azure documents the platform rule that lets KMS out
 * for NSGs only (NSG overview, "Azure platform considerations": not subject to NSGs unless a rule denies
 * AzurePlatformLKM, off once a route overrides 0.0.0.0/0); the security admin rule documents neither apply
 * it nor exempt it. So a Deny blocks for sure only where the exception is off; where it is (or may be) on,
 * whether the Deny stops KMS is undecided, named.
 */
function denyEffect(admin, nsg, table, effective, managed) {
    const rule = admin.rule ?? admin.open.find((o) => o.access === 'Deny')?.rule;
    if (!rule)
        return { blocks: true, why: [] };
    const exc = (0,analysis_nsg/* platformException */.Pm)(nsg?.nsg, table, effective, managed);
    if (exc.on === false)
        return { blocks: true, why: [] };
    const value = (0,model_value/* unknown */.L5)('Azure platform exception for KMS', 'Azure lets KMS traffic out through a platform rule that NSGs do not see while no route overrides ' +
        '0.0.0.0/0 (NSG overview, "Azure platform considerations"); whether that rule also passes a ' +
        'security admin Deny is not documented', rule.origin);
    return { blocks: 'unknown', why: [{ value, attribute: 'access', object: rule }, ...exc.unknowns] };
}
/**
 * The path of one KMS address from a subnet (or an unused route table), judged both ways where it went
 * through a hop that may not be there (./conditions.ts).
 */
function tracePath(index, from, kms) {
    const subnet = from.subnet;
    if (!subnet?.redeclarations?.length)
        return (0,conditions/* judgeBothWays */.RP)((assume, forks) => traceOnce(index, from, kms, assume, forks));
    // Declared more than once behind conditions: traced with the declaration each way takes (./redeclarations.ts).
    return (0,conditions/* judgeBothWays */.RP)((assume, forks) => {
        const declared = declarationUnder(subnet, assume, forks);
        return asSubnet(traceOnce(index, { ...from, subnet: declared }, kms, assume, forks), declared, subnet);
    });
}
/** A subnet's association the path used (`what`: `route table rt-app`), recorded when it is conditional. */
function touchAssociation(forks, subnet, field, what) {
    const c = subnet.associationConditions?.[field];
    if (c)
        (0,conditions/* touch */._M)(forks, subnet, `the association of ${what} with ${(0,lookup/* displayName */.Q)(subnet)}`, c);
}
/** The route that won a selection, recorded when it is deployed under a condition. */
function touchWinner(forks, sel) {
    const w = sel.winner;
    if (w?.kind === 'user' && w.route.condition)
        (0,conditions/* touch */._M)(forks, w.route, `${w.route.managedBy ? 'managed route' : 'route'} ${(0,lookup/* displayName */.Q)(w.route)} (${w.route.address})`);
}
function traceOnce(index, from, kms, assume, forks) {
    const { subnet } = from;
    const address = kms.address;
    const steps = [];
    const parts = [];
    let routeTable = from.table;
    let selection;
    let hubFirewall;
    let decidingHub;
    let decidingSite;
    let managed;
    if (subnet) {
        steps.push({ kind: 'subnet', label: (0,lookup/* displayName */.Q)(subnet), object: subnet });
        parts.push((0,lookup/* displayName */.Q)(subnet));
        managed = subnet.effectiveRoutes
            ? undefined
            : managedRouting(index, subnet, (0,conditions/* presentTable */.aO)(tableOf(subnet, index, assume).table, assume));
        selection = selectionFor(subnet, index, address, assume, managed);
        routeTable = selection.table;
        if (routeTable && !selection.effective)
            touchAssociation(forks, subnet, 'routeTableId', `route table ${(0,lookup/* displayName */.Q)(routeTable)}`);
        // Virtual WAN: a connected VNet's default route comes from the hub, unless a user route wins (live
        // effective routes already hold the hub's routes).
        if (!subnet.effectiveRoutes && selection.winner?.kind === 'system') {
            const hub = hubEgress(index, subnet, address, assume, forks);
            if (hub.kind === 'unknown')
                selection = Object.assign({}, selection, {
                    winner: undefined,
                    nextHop: 'unknown',
                    unknowns: hub.unknowns,
                });
            else if (hub.kind !== 'none') {
                const winner = { kind: 'hub', via: hub.via, prefix: '0.0.0.0/0', text: hub.text };
                decidingHub = { via: hub.via, text: hub.text };
                selection = Object.assign({}, selection, { winner, nextHop: 'VirtualAppliance' });
                if (hub.kind === 'firewall')
                    hubFirewall = hub.firewall;
                else
                    selection.nextHopIpAddress = (0,model_value/* known */.eO)(hub.nextHop, hub.via.origin);
            }
        }
        const routed = withGatewayRoutes(index, subnet, selection, address, managed);
        selection = routed.selection;
        if (routed.site)
            decidingSite = routed.site;
    }
    else
        selection = (0,routes/* selectRoute */.W7)((0,conditions/* presentTable */.aO)(from.table, assume), address);
    touchWinner(forks, selection);
    if (routeTable)
        steps.push({ kind: 'routeTable', label: (0,lookup/* displayName */.Q)(routeTable), object: routeTable });
    const winnerRoute = selection.winner?.kind === 'user' ? selection.winner.route : undefined;
    steps.push({
        kind: 'route',
        label: selection.winner ? `${selection.winner.prefix}` : '(unresolved)',
        object: winnerRoute,
    });
    steps.push({ kind: 'nextHop', label: selection.nextHop });
    parts.push((0,routes/* describeSelection */.e9)(selection, routeTable ? (0,lookup/* displayName */.Q)(routeTable) : undefined));
    const source = subnet
        ? subnet.addressPrefixes.known
            ? subnet.addressPrefixes.value
            : 'unknown'
        : 'any';
    let routeUnknowns = [...selection.unknowns];
    let outcome;
    let decidingRoute = winnerRoute;
    // An effective route has no model object: the subnet whose effective routes hold it stands for it.
    let decidingEffective = effectiveWinner(subnet, selection);
    let deciding = winnerRoute ?? decidingEffective?.subnet ?? decidingHub?.via ?? decidingSite?.via;
    let firewall;
    let firewallSubnetSelection;
    if (selection.nextHop === 'VirtualAppliance') {
        const hop = selection.nextHopIpAddress;
        const found = hubFirewall ?? (0,analysis_firewall/* firewallForNextHop */.Yn)(hop, index);
        // A firewall deployed under a condition: present, its policy decides; absent, nothing answers the
        // route's next hop and Azure drops the traffic (./conditions.ts judges both ways).
        const gone = found && (0,conditions/* isAbsent */.W0)(found, assume) ? found : undefined;
        const fw = gone ? undefined : found;
        if (fw)
            (0,conditions/* touch */._M)(forks, fw, `firewall ${(0,lookup/* displayName */.Q)(fw)} (${fw.address})`);
        // describeSelection names the hop of an effective route itself, before where the route came from. A hop
        // written as an expression that names a firewall is that firewall (next in the path), not its text.
        if (!selection.effective && !hubFirewall && !(found && hop && !hop.known))
            parts[parts.length - 1] += hop ? ` ${hop.known ? hop.value : hop.expression}` : '';
        const vouched = hop?.known ? allowedAppliance(index, hop.value) : undefined;
        if (gone) {
            outcome = 'none';
            steps.push({ kind: 'dropped', label: `${(0,lookup/* displayName */.Q)(gone)} not deployed` });
            parts.push(`${(0,lookup/* displayName */.Q)(gone)} not deployed: nothing answers the next hop, the traffic is dropped`);
        }
        else if (!fw && vouched) {
            outcome = 'internet';
            steps.push({ kind: 'appliance', label: `${hop.known ? hop.value : ''} (allowed: ${vouched.reason})` });
        }
        else if (!fw && hop && !hop.known && !hop.ref && winnerRoute) {
            // An address we cannot resolve (a variable without value, reference() to another deployment) may
            // well be a firewall's: calling it an unverified appliance would be a guess, so it stays unknown.
            outcome = 'unknown';
            routeUnknowns.push({ value: hop, attribute: 'nextHopIpAddress', object: winnerRoute });
        }
        else if (!fw && hop?.known && !decidingHub && unaddressedFirewall(index, hop.value)) {
            // A literal next hop, and a firewall in the model whose private address is not known until it is
            // deployed and whose subnet may hold the hop: the hop may be that firewall. Calling it an
            // unverified appliance would be a guess.
            const other = unaddressedFirewall(index, hop.value);
            const ip = other.privateIpAddress;
            outcome = 'unknown';
            if (!ip.known)
                routeUnknowns.push({ value: ip, attribute: 'privateIpAddress', object: other });
        }
        else if (!fw) {
            outcome = 'appliance';
            steps.push({ kind: 'appliance', label: hop?.known ? hop.value : 'network virtual appliance' });
        }
        else {
            firewall = (0,analysis_firewall/* evaluateFirewall */.gg)(fw, source, address, index);
            const fwName = (0,lookup/* displayName */.Q)(fw);
            steps.push({ kind: 'firewall', label: fwName, object: fw });
            const ruleText = firewall.rule ? `rule ${(0,lookup/* displayName */.Q)(firewall.rule)}` : 'no rule matched';
            steps.push({ kind: 'firewallRule', label: `${ruleText} (${firewall.action})`, object: firewall.rule });
            parts.push(`${fwName}: ${ruleText} (${firewall.action})`);
            if (firewall.action === 'Deny') {
                outcome = 'firewallDenied';
                deciding = firewall.rule ?? deciding;
            }
            else if (firewall.action === 'unknown') {
                outcome = 'unknown';
                routeUnknowns = [...firewall.unknowns];
            }
            else {
                outcome = 'internet';
                if (fw.forcedTunnelling) {
                    // A forced-tunnelling firewall sends what it allows along its own subnet's routes. With no
                    // subnet in the sources, those routes are unknown (not "none": that would be a guess).
                    const fwSubnetRef = fw.subnetId ?? (0,model_value/* unknown */.L5)(`subnet of ${fw.address}`, 'the firewall names no subnet', fw.origin);
                    const fwSubnet = fwSubnetRef.known ? index.subnets.get(fwSubnetRef.value) : undefined;
                    if (!fwSubnet) {
                        outcome = 'unknown';
                        const value = fwSubnetRef.known
                            ? (0,model_value/* unknown */.L5)(fwSubnetRef.value, 'firewall subnet not in the scanned sources', fwSubnetRef.origin)
                            : fwSubnetRef;
                        routeUnknowns = [{ value, attribute: 'subnetId', object: fw }];
                    }
                    else {
                        // Its subnet's gateway routes count too: a local site covering KMS, a default route learned
                        // over BGP (Azure Firewall forced tunnelling: "a default route advertised via BGP or using User
                        // Defined Routes" takes the firewall's Internet traffic on-premises).
                        const routed = withGatewayRoutes(index, fwSubnet, selectionFor(fwSubnet, index, address, assume), address);
                        firewallSubnetSelection = routed.selection;
                        if (routed.site)
                            decidingSite = routed.site;
                        touchWinner(forks, firewallSubnetSelection);
                        const fsTable = firewallSubnetSelection.table;
                        parts.push(`${(0,lookup/* displayName */.Q)(fwSubnet)} \u2192 ${(0,routes/* describeSelection */.e9)(firewallSubnetSelection, fsTable ? (0,lookup/* displayName */.Q)(fsTable) : undefined)}`);
                        const fsRoute = firewallSubnetSelection.winner?.kind === 'user'
                            ? firewallSubnetSelection.winner.route
                            : undefined;
                        steps.push({ kind: 'subnet', label: (0,lookup/* displayName */.Q)(fwSubnet), object: fwSubnet });
                        if (fsTable)
                            steps.push({ kind: 'routeTable', label: (0,lookup/* displayName */.Q)(fsTable), object: fsTable });
                        steps.push({
                            kind: 'route',
                            label: firewallSubnetSelection.winner?.prefix ?? '(unresolved)',
                            object: fsRoute,
                        });
                        outcome = plainOutcome(firewallSubnetSelection.nextHop) ?? 'appliance';
                        if (outcome !== 'internet') {
                            decidingRoute = fsRoute;
                            decidingEffective = effectiveWinner(fwSubnet, firewallSubnetSelection);
                            deciding = fsRoute ?? decidingEffective?.subnet ?? routed.site?.via;
                        }
                        routeUnknowns = firewallSubnetSelection.unknowns;
                    }
                }
                if (outcome === 'internet')
                    parts.push('Internet');
            }
            if (outcome !== 'firewallDenied' && outcome !== 'unknown') {
                const kind = HOP_STEP[outcome];
                if (kind)
                    steps.push({ kind, label: outcome });
            }
        }
    }
    else {
        outcome = plainOutcome(selection.nextHop) ?? 'unknown';
        // A subnet without default outbound access (private subnet) and without a NAT gateway has no way to
        // the Internet: system route 0.0.0.0/0 \u2192 Internet leads nowhere (VMs would need their own public IP).
        // A NAT gateway behind a conditional association: without it, a private subnet has no way out.
        const doa = subnet?.defaultOutboundAccess;
        const nat = subnet?.natGatewayId !== undefined &&
            (!(0,conditions/* isAbsent */.W0)(subnet, assume, subnet.associationConditions?.natGatewayId) ||
                subnet.associationsOtherwise?.natGatewayId !== undefined);
        if (outcome === 'internet' && subnet && nat && doa && !(doa.known && doa.value))
            touchAssociation(forks, subnet, 'natGatewayId', 'NAT gateway');
        if (outcome === 'internet' && subnet && !nat && doa) {
            if (!doa.known) {
                outcome = 'unknown';
                routeUnknowns = [{ value: doa, attribute: 'defaultOutboundAccess', object: subnet }];
            }
            else if (!doa.value) {
                outcome = 'noOutbound';
                deciding = subnet;
                parts.push('no outbound access (default outbound access disabled, no NAT gateway)');
            }
        }
        const kind = HOP_STEP[outcome];
        if (kind)
            steps.push({ kind, label: outcome });
    }
    // Firewall sources are compared with the subnet's prefixes: unresolved prefixes may be why.
    if (outcome === 'unknown' && firewall && subnet && !subnet.addressPrefixes.known)
        routeUnknowns.push({ value: subnet.addressPrefixes, attribute: 'addressPrefixes', object: subnet });
    // NSG (outbound, on the subnet).
    let nsg;
    let nsgBlock = false;
    let nsgUnknowns = [];
    let nicNsgs;
    let nicDecider;
    let securityAdmin;
    let adminDecider;
    if (subnet) {
        const effectiveRoutes = selection.effective?.routes;
        const excTable = exceptionTable(subnet, index, selection, assume);
        const n = nsgOf(subnet, index, source === 'any' ? 'unknown' : source, address, excTable, effectiveRoutes, managed, assume);
        if (n.verdict) {
            touchAssociation(forks, subnet, 'nsgId', `network security group ${(0,lookup/* displayName */.Q)(n.verdict.nsg)}`);
            nsg = n.verdict;
            nsgBlock = (0,analysis_nsg/* nsgBlocks */.Jg)(nsg);
            if (nsgBlock === 'unknown') {
                const exc = (0,analysis_nsg/* platformException */.Pm)(nsg.nsg, excTable, effectiveRoutes, managed);
                nsgUnknowns = [...nsg.unknowns, ...exc.unknowns];
                if (!subnet.addressPrefixes.known)
                    nsgUnknowns.push({ value: subnet.addressPrefixes, attribute: 'addressPrefixes', object: subnet });
            }
            if (nsg.access !== 'Allow') {
                const ruleName = nsg.rule ? (0,lookup/* displayName */.Q)(nsg.rule) : (nsg.defaultRule ?? '?');
                steps.splice(1, 0, {
                    kind: 'nsg',
                    label: `${(0,lookup/* displayName */.Q)(nsg.nsg)}: ${ruleName} (${nsg.access})`,
                    object: nsg.rule,
                });
                parts[0] += ` [${(0,lookup/* displayName */.Q)(nsg.nsg)}: ${ruleName} ${nsg.access}]`;
            }
        }
        else if (n.unresolved) {
            // Whatever the routes say, the NSG we cannot see may deny KMS and the AzurePlatformLKM tag.
            nsgBlock = 'unknown';
            nsgUnknowns = [n.unresolved];
        }
        // NSGs of the VMs' NICs filter before the subnet's: KMS leaves only if both let it out.
        const nics = evaluateNicNsgs(index, subnet, source === 'any' ? 'unknown' : source, address, excTable, effectiveRoutes, managed);
        if (nics) {
            if (nics.layers.length > 0)
                nicNsgs = nics.layers;
            if (nics.block === true && nsgBlock !== true) {
                nsgBlock = true;
                nsgUnknowns = [];
                nicDecider = nics.layers.find((l) => l.placed && (0,analysis_nsg/* nsgBlocks */.Jg)(l.verdict) === true)?.verdict.rule;
            }
            else if (nics.block === 'unknown' && nsgBlock !== true) {
                nsgBlock = 'unknown';
                nsgUnknowns = distinct([...nsgUnknowns, ...nics.unknowns]);
            }
            for (const l of nics.layers) {
                const ruleName = l.verdict.rule ? (0,lookup/* displayName */.Q)(l.verdict.rule) : (l.verdict.defaultRule ?? '?');
                const label = `${(0,lookup/* displayName */.Q)(l.verdict.nsg)} on NIC ${l.nics.map(lookup/* displayName */.Q).join(', ')}: ${ruleName} (${l.verdict.access})`;
                steps.splice(1, 0, { kind: 'nsg', label, object: l.verdict.rule });
                parts[0] += ` [${label}]`;
            }
        }
        // Virtual Network Manager security admin rules come before the NSG: Deny and AlwaysAllow overrule it.
        const admin = evaluateAdminRules(index, subnet, source === 'any' ? 'unknown' : source, address);
        if (admin && (admin.rule || admin.open.length > 0)) {
            securityAdmin = admin;
            const a = adminBlocks(admin, nsgBlock, denyEffect(admin, nsg, excTable, effectiveRoutes, managed));
            if (a.blocks !== 'unknown') {
                nsgBlock = a.blocks;
                nsgUnknowns = [];
                if (a.blocks && admin.access === 'Deny')
                    adminDecider = admin.rule;
            }
            else if (a.unknowns.length > 0) {
                nsgUnknowns = distinct([...a.unknowns, ...(nsgBlock === 'unknown' ? nsgUnknowns : [])]);
                nsgBlock = 'unknown';
            }
            if (admin.rule && admin.access !== 'Allow') {
                const label = `${(0,lookup/* displayName */.Q)(admin.rule)} (${admin.access})`;
                steps.splice(1, 0, { kind: 'nsg', label: `security admin rule ${label}`, object: admin.rule });
                parts[0] += ` [security admin rule ${label}]`;
            }
        }
    }
    const routeVerdict = OUTCOME_VERDICT[outcome];
    let verdict;
    if (routeVerdict === 'blocked')
        verdict = 'blocked';
    else if (nsgBlock === true) {
        verdict = 'blocked';
        deciding = adminDecider ?? (nsg && (0,analysis_nsg/* nsgBlocks */.Jg)(nsg) === true ? nsg.rule : nicDecider) ?? deciding;
    }
    else if (routeVerdict === 'unknown' || nsgBlock === 'unknown')
        verdict = 'unknown';
    else
        verdict = routeVerdict;
    const unknowns = verdict === 'unknown'
        ? distinct([
            ...(routeVerdict === 'unknown' ? routeUnknowns : []),
            ...(nsgBlock === 'unknown' ? nsgUnknowns : []),
        ])
        : [];
    const path = {
        routeTable,
        kms,
        selection,
        outcome,
        verdict,
        unknowns,
        steps,
        text: parts.join(' \u2192 '),
    };
    if (subnet)
        path.subnet = subnet;
    if (firewall)
        path.firewall = firewall;
    if (firewallSubnetSelection)
        path.firewallSubnetSelection = firewallSubnetSelection;
    if (nsg)
        path.nsg = nsg;
    if (nicNsgs)
        path.nicNsgs = nicNsgs;
    if (securityAdmin)
        path.securityAdmin = securityAdmin;
    if (decidingRoute && (outcome !== 'internet' || verdict !== 'reaches'))
        path.decidingRoute = decidingRoute;
    if (decidingEffective && (outcome !== 'internet' || verdict !== 'reaches'))
        path.decidingEffectiveRoute = decidingEffective;
    if (decidingHub && (outcome !== 'internet' || verdict !== 'reaches'))
        path.decidingHub = decidingHub;
    if (decidingSite)
        path.decidingSite = decidingSite;
    if (deciding)
        path.deciding = deciding;
    return path;
}

;// CONCATENATED MODULE: ./src/analysis/index.ts
/**
 * The analysis entry point: every Windows VM subnet (and every route table no subnet uses, so a table
 * about to be associated is judged too) against every KMS address of the scanned cloud.
 */




/**
 * Azure reserves these subnets for gateways, firewalls, Bastion and Route Server: no Windows VMs live there.
 * Subnets delegated to a PaaS service or used by an Application Gateway are skipped the same way (the
 * sources set `dedicatedTo`).
 */
const RESERVED_SUBNETS = [
    'GatewaySubnet',
    'AzureFirewallSubnet',
    'AzureFirewallManagementSubnet',
    'AzureBastionSubnet',
    'RouteServerSubnet',
];
function isReservedSubnet(s) {
    const name = s.name.known ? s.name.value.toLowerCase() : undefined;
    return RESERVED_SUBNETS.some((r) => r.toLowerCase() === name);
}
function analyze(model, cloud) {
    // Reports name same-named VNets apart (the rules and the verdict read the labels).
    (0,model_vnet/* labelVnets */.Lh)(model);
    const index = (0,lookup/* indexModel */.y)(model);
    const kms = (0,catalogue/* kmsAddresses */.OP)(cloud);
    const paths = [];
    const used = new Set(model.subnets.flatMap((s) => (s.routeTableId?.known ? [s.routeTableId.value] : [])));
    for (const subnet of model.subnets) {
        if (isReservedSubnet(subnet) || subnet.dedicatedTo !== undefined)
            continue;
        for (const k of kms)
            paths.push(tracePath(index, { subnet }, k));
    }
    for (const table of model.routeTables) {
        if (used.has(table.id))
            continue;
        for (const k of kms)
            paths.push(tracePath(index, { table }, k));
    }
    return { cloud, kmsAddresses: kms, paths, model };
}


/***/ }),

/***/ 3746:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   portalLink: () => (/* reexport safe */ _sources_azure_clouds__WEBPACK_IMPORTED_MODULE_2__.jg),
/* harmony export */   scanLevelFindings: () => (/* binding */ scanLevelFindings)
/* harmony export */ });
/* harmony import */ var _analysis__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(958);
/* harmony import */ var _model_network__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2607);
/* harmony import */ var _rules__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3619);
/* harmony import */ var _sources_azure_clouds__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1578);
/**
 * What the scan's merge (src/pipeline/scan-merge.ts) loads only when it needs it: the rules and the analysis
 * for the files no unit answers for, and portal links for deployed resources.
 */




function scanLevelFindings(diagnostics, cloud) {
    const model = { ...(0,_model_network__WEBPACK_IMPORTED_MODULE_3__/* .emptyModel */ .$Q)(), diagnostics };
    return (0,_rules__WEBPACK_IMPORTED_MODULE_1__/* .runRules */ .xG)({ cloud, model, analysis: (0,_analysis__WEBPACK_IMPORTED_MODULE_0__/* .analyze */ .ns)(model, cloud) });
}


/***/ }),

/***/ 1578:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   So: () => (/* binding */ cloudEndpoints),
/* harmony export */   jg: () => (/* binding */ portalLink)
/* harmony export */ });
/* unused harmony export CLOUD_ENDPOINTS */
const CLOUD_ENDPOINTS = {
    AzureCloud: {
        resourceManager: 'https://management.azure.com',
        authorityHost: 'https://login.microsoftonline.com',
        portal: 'https://portal.azure.com',
    },
    AzureUSGovernment: {
        resourceManager: 'https://management.usgovcloudapi.net',
        authorityHost: 'https://login.microsoftonline.us',
        portal: 'https://portal.azure.us',
    },
    AzureChinaCloud: {
        resourceManager: 'https://management.chinacloudapi.cn',
        authorityHost: 'https://login.chinacloudapi.cn',
        portal: 'https://portal.azure.cn',
    },
};
const trimSlash = (url) => url.replace(/\/+$/, '');
/** The endpoints of `cloud`, with any of them replaced by `overrides` (trailing slashes removed). */
function cloudEndpoints(cloud, overrides = {}) {
    const base = CLOUD_ENDPOINTS[cloud];
    if (!base)
        throw new Error(`unknown Azure cloud '${cloud}'`);
    return {
        resourceManager: trimSlash(overrides.resourceManager || base.resourceManager),
        authorityHost: trimSlash(overrides.authorityHost || base.authorityHost),
        portal: trimSlash(overrides.portal || base.portal),
    };
}
/** A link that opens a deployed resource in the portal of its cloud. */
function portalLink(armId, cloud = 'AzureCloud') {
    const id = armId.startsWith('/') ? armId : `/${armId}`;
    return `${CLOUD_ENDPOINTS[cloud].portal}/#@/resource${id}`;
}


/***/ })

};
;