"use strict";
exports.id = 923;
exports.ids = [923];
exports.modules = {

/***/ 2923:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  overlayModels: () => (/* binding */ overlayModels)
});

// UNUSED EXPORTS: isDeployedOnly, portalLink

// EXTERNAL MODULE: ./src/model/network.ts
var network = __webpack_require__(2607);
// EXTERNAL MODULE: ./src/model/value.ts
var value = __webpack_require__(2904);
// EXTERNAL MODULE: ./src/sources/azure/arm-id.ts
var arm_id = __webpack_require__(848);
;// CONCATENATED MODULE: ./src/sources/azure/overlay-bgp.ts
/**
 * BGP sources and Virtual Network Manager of a pull request's IaC laid over the deployed ones (overlay.ts
 * does the rest of the model). An IaC gateway, Route Server, local site or peering replaces the deployed
 * one of the same kind and name (peerings: of the same local VNet); deployed ones the IaC does not mention
 * stay, so a spoke added in the IaC with `use_remote_gateways` still meets the deployed hub gateway.
 *
 * Virtual Network Manager: the deployed rules are what Azure applies now (committed, or read per VNet as
 * effective rules); the IaC's come on top of them (their commit is judged as the IaC sources say), and an
 * IaC rule replaces a deployed rule of the same name in the collection of the same name.
 */

const lower = (v) => (v?.known ? v.value.toLowerCase() : undefined);
/** Deployed items without a same-keyed IaC item (and not deleted), then the IaC items. */
function replaceByKey(deployed, iac, key, isDeleted) {
    const iacKeys = new Set(iac.map(key).filter((k) => k !== undefined));
    return [
        ...structuredClone(iac),
        ...deployed
            .filter((d) => !isDeleted(d.id))
            .filter((d) => {
            const k = key(d);
            return k === undefined || !iacKeys.has(k);
        })
            .map((d) => structuredClone(d)),
    ];
}
function overlayGateways(deployed, iac, isDeleted) {
    if (!deployed && !iac)
        return undefined;
    const d = deployed ?? (0,network/* emptyGatewayModel */.Z_)();
    const i = iac ?? (0,network/* emptyGatewayModel */.Z_)();
    const named = (o) => {
        const n = lower(o.name);
        return n === undefined ? undefined : `${o.kind ?? ''}/${n}`;
    };
    const peering = (p) => {
        const v = lower(p.vnetId.known ? p.vnetId : p.vnetName);
        const n = lower(p.name);
        return v === undefined || n === undefined ? undefined : `${v}/${n}`;
    };
    return {
        gateways: replaceByKey(d.gateways, i.gateways, named, isDeleted),
        localNetworkGateways: replaceByKey(d.localNetworkGateways, i.localNetworkGateways, named, isDeleted),
        peerings: replaceByKey(d.peerings, i.peerings, peering, isDeleted),
    };
}
function overlayNetworkManager(deployed, iac, isDeleted) {
    if (!deployed && !iac)
        return undefined;
    const d = deployed ?? (0,network/* emptyNetworkManager */.Xm)();
    const i = iac ?? (0,network/* emptyNetworkManager */.Xm)();
    // Groups and configurations are referenced by model id: keep both sides' (ids differ), dropping deleted ones.
    const keep = (xs) => xs.filter((x) => !isDeleted(x.id)).map((x) => structuredClone(x));
    // A rule's key: its name within its collection (the id's parent segment names the collection).
    const ruleKey = (r) => {
        const n = lower(r.name);
        const parts = r.address.toLowerCase().split('/');
        const at = parts.lastIndexOf('rules');
        const collection = at > 0 ? parts[at - 1] : undefined;
        return n === undefined || collection === undefined ? undefined : `${collection}/${n}`;
    };
    return {
        groups: [...structuredClone(i.groups), ...keep(d.groups)],
        configurations: [...structuredClone(i.configurations), ...keep(d.configurations)],
        adminRules: replaceByKey(d.adminRules, i.adminRules, ruleKey, isDeleted),
        routes: replaceByKey(d.routes, i.routes, ruleKey, isDeleted),
    };
}

;// CONCATENATED MODULE: ./src/sources/azure/overlay-vwan.ts
/**
 * Virtual WAN of a pull request's IaC laid over the deployed one (overlay.ts does the rest of the model):
 * an IaC hub, connection, routing intent, hub route table or gateway replaces the deployed one of the same
 * name (children: in the hub of the same name; a hub has one routing intent whatever its name). Deployed
 * objects that stay point at the IaC hub that replaced theirs, and their next hops follow the overlay's
 * own rewriting (a firewall the IaC replaces or deletes).
 */


const overlay_vwan_lower = (v) => (v?.known ? v.value.toLowerCase() : undefined);
function overlayVirtualWan(deployed, iac, ref) {
    if (!deployed && !iac)
        return undefined;
    const d = deployed ?? (0,network/* emptyVirtualWan */.lG)();
    const i = structuredClone(iac ?? (0,network/* emptyVirtualWan */.lG)());
    const name = (o) => overlay_vwan_lower(o.name);
    const iacHubName = new Map(i.hubs.map((h) => [h.id, name(h)]));
    const deployedHubName = new Map(d.hubs.map((h) => [h.id, name(h)]));
    const hubNameOf = (hubId, names) => hubId.known ? (names.get(hubId.value) ?? hubId.value.split('/').pop()?.toLowerCase()) : undefined;
    // Deployed hub id \u2192 IaC hub id, by name.
    const hubReplaced = new Map();
    for (const h of d.hubs) {
        const twin = i.hubs.find((x) => name(x) !== undefined && name(x) === name(h));
        if (twin)
            hubReplaced.set(h.id, twin.id);
    }
    const childKey = (o, names) => {
        const hub = hubNameOf(o.hubId, names);
        const n = name(o);
        return hub !== undefined && n !== undefined ? `${hub}/${n}` : undefined;
    };
    const keepChildren = (deployedItems, iacItems, oneOfAKind = false) => {
        const iacKeys = new Set(iacItems.map((o) => (oneOfAKind ? hubNameOf(o.hubId, iacHubName) : childKey(o, iacHubName))));
        return deployedItems
            .filter((o) => !ref.isDeleted(o.id))
            .filter((o) => {
            const k = oneOfAKind ? hubNameOf(o.hubId, deployedHubName) : childKey(o, deployedHubName);
            return k === undefined || !iacKeys.has(k);
        })
            .map((o) => {
            const c = structuredClone(o);
            if (c.hubId.known && hubReplaced.has(c.hubId.value))
                c.hubId = (0,value/* known */.eO)(hubReplaced.get(c.hubId.value), c.hubId.origin);
            return c;
        });
    };
    // An IaC child of a deployed hub names it by ARM id (`virtual_hub_id = "/subscriptions/..."`).
    const deployedHubIds = new Set(d.hubs.map((h) => h.id));
    const deployedHub = (v) => {
        const text = v.known ? v.value : (v.ref?.resource ?? v.expression);
        if (!/^\/subscriptions\//i.test(text))
            return undefined;
        const id = text.toLowerCase();
        const to = hubReplaced.get(id) ?? (deployedHubIds.has(id) && !ref.isDeleted(id) ? id : undefined);
        return to === undefined ? undefined : (0,value/* known */.eO)(to, v.origin);
    };
    const out = {
        hubs: [
            ...i.hubs,
            ...d.hubs.filter((h) => !hubReplaced.has(h.id) && !ref.isDeleted(h.id)).map((h) => structuredClone(h)),
        ],
        connections: [...i.connections, ...keepChildren(d.connections, i.connections)],
        // A hub has one routing intent, whatever its name.
        routingIntents: [...i.routingIntents, ...keepChildren(d.routingIntents, i.routingIntents, true)],
        routeTables: [...i.routeTables, ...keepChildren(d.routeTables, i.routeTables)],
        gateways: [
            ...i.gateways,
            ...d.gateways
                .filter((g) => !ref.isDeleted(g.id) && !i.gateways.some((x) => name(x) !== undefined && name(x) === name(g)))
                .map((g) => structuredClone(g)),
        ],
    };
    const iacIds = new Set([...i.hubs, ...i.connections, ...i.routingIntents, ...i.routeTables, ...i.gateways].map((o) => o.id));
    for (const c of [...out.connections, ...out.routingIntents, ...out.routeTables, ...out.gateways]) {
        const fromIac = iacIds.has(c.id);
        if (fromIac)
            c.hubId = deployedHub(c.hubId) ?? ref.fromIac(c.hubId) ?? c.hubId;
    }
    // A deployed connection's effective hub routes say how the hub routes today; once the IaC changes that
    // hub (routing intent, route tables, gateways), they no longer do: its configuration decides again.
    const touched = new Set([
        ...i.hubs.map((h) => (0,value/* known */.eO)(h.id)),
        ...[...i.routingIntents, ...i.routeTables, ...i.gateways].map((x) => x.hubId),
    ].flatMap((v) => (v.known ? [v.value] : [])));
    for (const c of out.connections)
        if (!iacIds.has(c.id) && c.effectiveRouteTableId && c.hubId.known && touched.has(c.hubId.value))
            delete c.effectiveRouteTableId;
    for (const r of out.routingIntents) {
        if (!r.internetNextHop)
            continue;
        r.internetNextHop = iacIds.has(r.id)
            ? ref.fromIac(r.internetNextHop)
            : ref.fromDeployed(r.internetNextHop, 'nextHop');
    }
    for (const t of out.routeTables)
        for (const r of t.routes)
            r.nextHop =
                (iacIds.has(t.id) ? ref.fromIac(r.nextHop) : ref.fromDeployed(r.nextHop, 'nextHop')) ?? r.nextHop;
    return out;
}

;// CONCATENATED MODULE: ./src/sources/azure/overlay-nics.ts

const overlay_nics_lower = (v) => (v.known ? v.value.toLowerCase() : undefined);
function overlayNetworkInterfaces(deployed, iac, ctx) {
    const deployedIds = new Map(deployed.map((d) => [d.id, d]));
    /** Deployed NIC model id \u2192 the IaC NIC that replaces it. */
    const replaced = new Map();
    const mine = structuredClone(iac);
    for (const i of mine) {
        const armId = ctx.armIds?.[i.id] ?? (/^\/subscriptions\//i.test(i.id) ? i.id : undefined);
        let old;
        if (armId !== undefined)
            old = deployedIds.get((0,arm_id/* liveId */.e)(armId));
        else {
            const name = overlay_nics_lower(i.name);
            const rg = (ctx.resourceGroups?.[i.id] ?? i.resourceGroup)?.toLowerCase();
            const sub = i.subscription?.toLowerCase();
            const candidates = name === undefined
                ? []
                : deployed.filter((d) => {
                    const scope = (0,arm_id/* armScope */.R)(d.address);
                    return (overlay_nics_lower(d.name) === name &&
                        (rg === undefined || scope.resourceGroup?.toLowerCase() === rg) &&
                        (sub === undefined || scope.subscriptionId?.toLowerCase() === sub));
                });
            if (candidates.length === 1)
                old = candidates[0];
            else if (candidates.length > 1)
                ctx.notice({
                    ruleId: 'KMS012',
                    severity: 'notice',
                    origin: i.origin,
                    address: i.address,
                    message: `${i.address} matches ${candidates.length} deployed network interfaces named ${name} ` +
                        `(${candidates.map((c) => c.address).join(', ')}); all are kept: give the resource group to tell them apart`,
                });
        }
        if (!old)
            continue;
        replaced.set(old.id, i);
        if (i.format === 'terraform' && !i.nsgId && old.nsgId) {
            const carried = ctx.fromDeployed(old.nsgId, 'networkSecurityGroup.id');
            if (carried) {
                i.nsgId = carried;
                if (old.nsgOrigin)
                    i.nsgOrigin = old.nsgOrigin;
            }
        }
    }
    const kept = deployed
        .filter((d) => !replaced.has(d.id) && !ctx.isDeleted(d.id))
        .map((d) => {
        const nic = structuredClone(d);
        // Azure refuses to delete a subnet that holds a NIC: a subnet the IaC deletes is no place to judge.
        nic.subnetIds = nic.subnetIds.flatMap((s) => {
            const to = ctx.fromDeployed(s, 'subnet.id');
            return to?.known ? [to] : [];
        });
        if (nic.nsgId)
            nic.nsgId = ctx.fromDeployed(nic.nsgId, 'networkSecurityGroup.id') ?? nic.nsgId;
        return nic;
    });
    return { iac: mine, deployed: kept };
}

// EXTERNAL MODULE: ./src/model/vnet.ts
var vnet = __webpack_require__(3580);
;// CONCATENATED MODULE: ./src/sources/azure/overlay-vnets.ts



const overlay_vnets_lower = (s) => s?.toLowerCase();
/** Every VNet key the IaC uses, with the best name and resource group it gives for each (declared VNets first). */
function iacVnets(iac) {
    const out = new Map();
    const add = (v) => {
        if (!v.key.known)
            return;
        const had = out.get(v.key.value);
        if (!had)
            out.set(v.key.value, v);
        else {
            if (!had.name?.known && v.name?.known)
                had.name = v.name;
            if (had.resourceGroup === undefined && v.resourceGroup !== undefined)
                had.resourceGroup = v.resourceGroup;
            had.subscription ??= v.subscription;
            had.origin ??= v.origin;
            had.address ??= v.address;
        }
    };
    for (const v of iac.vnets ?? [])
        add({
            key: (0,value/* known */.eO)(v.id, v.origin),
            name: v.name,
            ...(v.resourceGroup ? { resourceGroup: v.resourceGroup } : {}),
            ...(v.subscription !== undefined ? { subscription: v.subscription.toLowerCase() } : {}),
            origin: v.origin,
            address: v.address,
        });
    for (const s of iac.subnets)
        if (s.vnetId)
            add({
                key: s.vnetId,
                ...(s.vnetName ? { name: s.vnetName } : {}),
                ...(s.resourceGroup !== undefined ? { resourceGroup: s.resourceGroup } : {}),
                ...(s.subscription !== undefined ? { subscription: s.subscription.toLowerCase() } : {}),
                origin: s.origin,
                address: s.address,
            });
    const bgp = iac.bgp;
    for (const g of bgp?.gateways ?? [])
        add({ key: g.vnetId, name: g.vnetName, origin: g.origin, address: g.address });
    for (const p of bgp?.peerings ?? []) {
        // A peering is a child of its local VNet: its resource group is that VNet's.
        const rg = p.resourceGroup;
        add({
            key: p.vnetId,
            name: p.vnetName,
            ...(rg !== undefined ? { resourceGroup: rg } : {}),
            origin: p.origin,
            address: p.address,
        });
        add({ key: p.remoteVnetId, name: p.remoteVnetName, origin: p.origin, address: p.address });
    }
    for (const c of iac.virtualWan?.connections ?? [])
        add({ key: c.vnetId, origin: c.origin, address: c.address });
    for (const g of iac.networkManager?.groups ?? [])
        for (const m of g.staticVnets)
            add({ key: (0,value/* known */.eO)(m.id), name: (0,value/* known */.eO)(m.name), origin: g.origin, address: g.address });
    return [...out.values()];
}
/** IaC VNet key \u2192 the deployed VNet's key (or an Unknown naming several). */
function deployedVnetKeys(deployed, iac) {
    // Deployed VNets by name: key, resource group, subscription.
    const vnets = new Map();
    for (const d of deployed.subnets) {
        const id = d.vnetId?.known ? d.vnetId.value : undefined;
        if (id === undefined || !d.vnetName?.known)
            continue;
        const name = d.vnetName.value.toLowerCase();
        const list = vnets.get(name) ?? [];
        if (!list.some((v) => v.id === id)) {
            const scope = (0,arm_id/* armScope */.R)(d.address);
            const rg = overlay_vnets_lower(scope.resourceGroup);
            const sub = overlay_vnets_lower(scope.subscriptionId);
            const address = (0,vnet/* vnetKeyOfArmId */.TF)(d.address) ? d.address.replace(/\/subnets\/.*$/i, '') : id;
            list.push({ id, address, ...(rg ? { resourceGroup: rg } : {}), ...(sub ? { subscription: sub } : {}) });
        }
        vnets.set(name, list);
    }
    const deployedKeys = new Set([...vnets.values()].flat().map((v) => v.id));
    const rekey = new Map();
    const diagnostics = [];
    for (const v of iacVnets(iac)) {
        const key = v.key;
        if (deployedKeys.has(key.value))
            continue;
        // The name: the IaC's, else the key's last segment when the key is an ARM id or a name with its group.
        const armKey = (0,vnet/* vnetKeyOfArmId */.TF)(key.value);
        const name = v.name?.known ? v.name.value : armKey ? (0,arm_id/* armScope */.R)(armKey).name : undefined;
        if (name === undefined)
            continue;
        const keyScope = armKey ? (0,arm_id/* armScope */.R)(armKey) : {};
        // The resource group: the one the IaC writes for the VNet, or the one its key names.
        const written = typeof v.resourceGroup === 'string'
            ? v.resourceGroup
            : v.resourceGroup?.known
                ? v.resourceGroup.value
                : undefined;
        const rg = overlay_vnets_lower(written ?? keyScope.resourceGroup);
        const sub = v.subscription ?? overlay_vnets_lower(keyScope.subscriptionId);
        const candidates = (vnets.get(name.toLowerCase()) ?? []).filter((d) => (rg === undefined || d.resourceGroup === rg) && (sub === undefined || d.subscription === sub));
        if (candidates.length === 1) {
            const match = candidates[0];
            rekey.set(key.value, (0,value/* known */.eO)(match.id, key.origin));
            if (rg === undefined && v.origin)
                diagnostics.push({
                    ruleId: 'KMS012',
                    severity: 'notice',
                    origin: v.origin,
                    ...(v.address ? { address: v.address } : {}),
                    message: `virtual network ${name} (${v.address ?? key.value}) is taken to be the deployed ${match.address}: ` +
                        `its resource group ${rgText(v.resourceGroup)}, and that is the only deployed VNet named ${name} in the ` +
                        'scanned subscriptions; give the resource group a value (a var file or parameter file) to match it by ' +
                        'resource group instead',
                });
        }
        else if (candidates.length > 1)
            rekey.set(key.value, (0,value/* unknown */.L5)(key.value, `virtual network ${name} matches ${candidates.length} deployed VNets (${candidates.map((c) => c.id).join(', ')}): give its resource group to say which`, key.origin));
    }
    return { rekey, diagnostics };
}
/** Why the resource group could not be compared, for the notice. */
function rgText(rg) {
    if (rg !== undefined && typeof rg !== 'string' && !rg.known)
        return `cannot be evaluated (\`${rg.expression}\`${rg.reason ? `: ${rg.reason}` : ''})`;
    return 'is not given';
}
/** The IaC model with its VNet keys rewritten to the deployed ones (a copy; the input is not changed). */
function rekeyVnets(iac, rekey) {
    if (rekey.size === 0)
        return iac;
    const to = (v) => (v.known ? (rekey.get(v.value) ?? v) : v);
    const out = { ...iac };
    out.subnets = iac.subnets.map((s) => (s.vnetId ? { ...s, vnetId: to(s.vnetId) } : s));
    if (iac.bgp) {
        const bgp = structuredClone(iac.bgp);
        for (const g of bgp.gateways)
            g.vnetId = to(g.vnetId);
        for (const p of bgp.peerings) {
            p.vnetId = to(p.vnetId);
            p.remoteVnetId = to(p.remoteVnetId);
        }
        out.bgp = bgp;
    }
    if (iac.virtualWan) {
        const wan = structuredClone(iac.virtualWan);
        for (const c of wan.connections)
            c.vnetId = to(c.vnetId);
        out.virtualWan = wan;
    }
    if (iac.networkManager) {
        const nm = structuredClone(iac.networkManager);
        for (const g of nm.groups)
            g.staticVnets = g.staticVnets.flatMap((m) => {
                const id = to((0,value/* known */.eO)(m.id));
                if (id.known)
                    return [{ ...m, id: id.value }];
                // Which deployed VNet the member is cannot be told: the group's membership is open.
                g.openMembership = id;
                return [];
            });
        out.networkManager = nm;
    }
    return out;
}

// EXTERNAL MODULE: ./src/sources/azure/clouds.ts
var clouds = __webpack_require__(1578);
;// CONCATENATED MODULE: ./src/sources/azure/overlay.ts








const KINDS = [
    'routeTables',
    'subnets',
    'nsgs',
    'firewalls',
    'firewallPolicies',
    'ipGroups',
    'natGateways',
];
const overlay_lower = (v) => (v?.known ? v.value.toLowerCase() : undefined);
/** What identifies a resource by name within its type: the name, and the vnet for subnets. */
function nameKey(kind, o) {
    const name = overlay_lower(o.name);
    if (name === undefined)
        return undefined;
    if (kind !== 'subnets')
        return name;
    const vnet = overlay_lower(o.vnetName);
    return vnet === undefined ? undefined : `${vnet}/${name}`;
}
function overlayModels(deployed, given, opts = {}) {
    // The IaC's VNets by the deployed VNets' keys, so IaC and deployed objects of one VNet meet.
    const vnetKeys = deployedVnetKeys(deployed, given);
    const iac = rekeyVnets(given, vnetKeys.rekey);
    const out = (0,network/* emptyModel */.$Q)();
    const deletedRoots = (opts.deletedIds ?? []).map(arm_id/* liveId */.e);
    const isDeleted = (id) => deletedRoots.some((d) => id === d || id.startsWith(`${d}/`));
    /** Deployed model id \u2192 the IaC model id that replaces it. */
    const replaced = new Map();
    const deployedIds = new Set(KINDS.flatMap((k) => deployed[k].map((o) => o.id)));
    for (const kind of KINDS) {
        const byName = new Map();
        for (const d of deployed[kind]) {
            const key = nameKey(kind, d);
            if (key !== undefined)
                byName.set(key, [...(byName.get(key) ?? []), d]);
        }
        for (const i of iac[kind]) {
            const armId = opts.armIds?.[i.id] ?? (/^\/subscriptions\//i.test(i.id) ? i.id : undefined);
            if (armId !== undefined) {
                const id = (0,arm_id/* liveId */.e)(armId);
                if (deployedIds.has(id))
                    replaced.set(id, i.id);
                continue;
            }
            const key = nameKey(kind, i);
            // The resource group the IaC gives (the source's own, or the caller's map) tells same-named tables apart.
            const rg = (opts.resourceGroups?.[i.id] ?? i.resourceGroup)?.toLowerCase();
            // So does the subscription the IaC states (a provider alias, a module or nested deployment scope).
            const sub = i.subscription?.toLowerCase();
            const candidates = (key !== undefined ? (byName.get(key) ?? []) : []).filter((d) => {
                const scope = (0,arm_id/* armScope */.R)(d.address);
                return ((rg === undefined || scope.resourceGroup?.toLowerCase() === rg) &&
                    (sub === undefined || scope.subscriptionId?.toLowerCase() === sub));
            });
            if (candidates.length === 1)
                replaced.set(candidates[0].id, i.id);
            else if (candidates.length > 1)
                out.diagnostics.push({
                    ruleId: 'KMS012',
                    severity: 'notice',
                    origin: i.origin,
                    address: i.address,
                    message: `${i.address} matches ${candidates.length} deployed resources named ${key} ` +
                        `(${candidates.map((c) => c.address).join(', ')}); all are kept: give the resource group to tell them apart`,
                });
        }
    }
    // A reference from a deployed object: to the IaC replacement if any, Unknown if the IaC deletes its target.
    const fromDeployed = (v, attribute) => {
        if (!v)
            return v;
        const id = v.known ? v.value : v.ref?.resource;
        if (id === undefined)
            return v;
        const to = replaced.get(id);
        if (to !== undefined)
            return (0,value/* known */.eO)(to, v.origin);
        if (isDeleted(id))
            return (0,value/* unknown */.L5)(v.known ? v.value : v.expression, 'refers to a resource the IaC deletes', v.origin, {
                resource: id,
                attribute,
            });
        return v;
    };
    // A reference from the IaC written as an ARM id (a hard-coded id, an existing resource): to the deployed object.
    const fromIac = (v) => {
        if (!v)
            return v;
        const text = v.known ? v.value : (v.ref?.resource ?? v.expression);
        if (!text.toLowerCase().startsWith('/subscriptions/'))
            return v;
        const id = (0,arm_id/* liveId */.e)(text);
        const to = replaced.get(id) ?? (deployedIds.has(id) && !isDeleted(id) ? id : undefined);
        return to !== undefined ? (0,value/* known */.eO)(to, v.origin) : v;
    };
    const list = (v, map) => {
        if (!v.known)
            return v;
        const ids = [];
        for (const id of v.value) {
            const r = map((0,value/* known */.eO)(id, v.origin));
            if (!r?.known)
                return r ?? v;
            ids.push(r.value);
        }
        return (0,value/* known */.eO)(ids, v.origin);
    };
    const rewriteRules = (rules, map) => {
        for (const r of rules) {
            r.sourceIpGroups = list(r.sourceIpGroups, map);
            r.destinationIpGroups = list(r.destinationIpGroups, map);
        }
    };
    // Deployed objects that stay: neither replaced nor deleted, their deleted children removed.
    const keep = (items) => items.filter((o) => !replaced.has(o.id) && !isDeleted(o.id)).map((o) => structuredClone(o));
    const live = {
        routeTables: keep(deployed.routeTables),
        subnets: keep(deployed.subnets),
        nsgs: keep(deployed.nsgs),
        firewalls: keep(deployed.firewalls),
        firewallPolicies: keep(deployed.firewallPolicies),
        ipGroups: keep(deployed.ipGroups),
        natGateways: keep(deployed.natGateways),
    };
    for (const t of live.routeTables)
        t.routes = t.routes.filter((r) => !isDeleted(r.id));
    for (const n of live.nsgs)
        n.rules = n.rules.filter((r) => !isDeleted(r.id));
    for (const s of live.subnets) {
        s.routeTableId = fromDeployed(s.routeTableId, 'routeTable.id');
        s.nsgId = fromDeployed(s.nsgId, 'networkSecurityGroup.id');
        s.natGatewayId = fromDeployed(s.natGatewayId, 'natGateway.id');
        for (const k of ['routeTableId', 'nsgId', 'natGatewayId'])
            if (s[k] === undefined)
                delete s[k];
    }
    const deployedRule = (x) => fromDeployed(x, 'ipGroup.id');
    for (const f of live.firewalls) {
        if (f.policyId)
            f.policyId = fromDeployed(f.policyId, 'firewallPolicy.id');
        if (f.subnetId)
            f.subnetId = fromDeployed(f.subnetId, 'subnet.id');
        f.classicCollections = f.classicCollections.filter((c) => !isDeleted(c.id));
        rewriteRules(f.classicCollections.flatMap((c) => c.rules), deployedRule);
    }
    for (const p of live.firewallPolicies) {
        if (p.basePolicyId)
            p.basePolicyId = fromDeployed(p.basePolicyId, 'basePolicy.id');
        p.ruleCollectionGroups = p.ruleCollectionGroups.filter((g) => !isDeleted(g.id));
        rewriteRules(p.ruleCollectionGroups.flatMap((g) => g.collections.flatMap((c) => c.rules)), deployedRule);
    }
    // IaC objects as they are, with ARM-id references to deployed resources resolved.
    const mine = {
        routeTables: structuredClone(iac.routeTables),
        subnets: structuredClone(iac.subnets),
        nsgs: structuredClone(iac.nsgs),
        firewalls: structuredClone(iac.firewalls),
        firewallPolicies: structuredClone(iac.firewallPolicies),
        ipGroups: structuredClone(iac.ipGroups),
        natGateways: structuredClone(iac.natGateways),
    };
    const replacedSubnet = new Map([...replaced].filter(([d]) => deployed.subnets.some((s) => s.id === d)).map(([d, i]) => [i, d]));
    for (const s of mine.subnets) {
        s.routeTableId = fromIac(s.routeTableId);
        s.nsgId = fromIac(s.nsgId);
        s.natGatewayId = fromIac(s.natGatewayId);
        // azurerm subnets carry their route table, NSG and NAT gateway in separate association resources: a
        // Terraform subnet without one leaves the deployed association alone (Bicep/ARM subnets replace it).
        const was = replacedSubnet.get(s.id);
        const old = was !== undefined ? deployed.subnets.find((d) => d.id === was) : undefined;
        if (old && s.format === 'terraform')
            for (const k of ['routeTableId', 'nsgId', 'natGatewayId'])
                if (s[k] === undefined && old[k] !== undefined) {
                    const carried = fromDeployed(old[k], k);
                    if (carried)
                        s[k] = carried;
                }
        for (const k of ['routeTableId', 'nsgId', 'natGatewayId'])
            if (s[k] === undefined)
                delete s[k];
    }
    const iacRule = (x) => fromIac(x);
    for (const f of mine.firewalls) {
        if (f.policyId)
            f.policyId = fromIac(f.policyId);
        if (f.subnetId)
            f.subnetId = fromIac(f.subnetId);
        rewriteRules(f.classicCollections.flatMap((c) => c.rules), iacRule);
    }
    for (const p of mine.firewallPolicies) {
        if (p.basePolicyId)
            p.basePolicyId = fromIac(p.basePolicyId);
        rewriteRules(p.ruleCollectionGroups.flatMap((g) => g.collections.flatMap((c) => c.rules)), iacRule);
    }
    for (const k of KINDS)
        out[k] = [...mine[k], ...live[k]];
    out.diagnostics.unshift(...iac.diagnostics, ...vnetKeys.diagnostics, ...deployed.diagnostics);
    attachDetachedRoutes(out, live.routeTables, iac.detachedRoutes ?? []);
    const byIdentity = (ref) => deployedByIdentity(deployed, ref, (id) => (isDeleted(id) ? undefined : (replaced.get(id) ?? id)));
    resolveDeployedRefs(out, mine.subnets, byIdentity);
    attachDetachedAssociations(out, live.subnets, iac.detachedAssociations ?? [], byIdentity);
    // NICs with an NSG of their own (src/analysis/nic-nsgs.ts). The IaC's, in IaC or deployed subnets: a VM's
    // NIC in a workload root reading its subnet through a data source meets the deployed subnet here. The
    // deployed ones the IaC does not define (or delete) stay, pointing at the IaC's replacements.
    const nics = overlayNetworkInterfaces(deployed.networkInterfaces ?? [], iac.networkInterfaces ?? [], {
        ...opts,
        isDeleted,
        fromDeployed,
        notice: (d) => out.diagnostics.push(d),
    });
    const mineNics = nics.iac.map((nic) => {
        const at = (v) => resolveDeployed(out, fromIac(v) ?? v, byIdentity, nic) ?? v;
        nic.subnetIds = nic.subnetIds.map(at);
        if (nic.nsgId)
            nic.nsgId = at(nic.nsgId);
        return nic;
    });
    if (mineNics.length + nics.deployed.length > 0)
        out.networkInterfaces = [...mineNics, ...nics.deployed];
    out.cloudHints = [...new Set([...iac.cloudHints, ...deployed.cloudHints])];
    // Where BGP routes come from (gateways, peerings) and Virtual Network Manager: the IaC's over the deployed
    // ones (subnets with effective routes ignore BGP sources).
    const bgp = overlayGateways(deployed.bgp, iac.bgp, isDeleted);
    if (bgp)
        out.bgp = bgp;
    const nm = overlayNetworkManager(deployed.networkManager, iac.networkManager, isDeleted);
    if (nm)
        out.networkManager = nm;
    if (iac.moved)
        out.moved = iac.moved;
    const wan = overlayVirtualWan(deployed.virtualWan, iac.virtualWan, { fromDeployed, fromIac, isDeleted });
    if (wan)
        out.virtualWan = wan;
    return out;
}
/** Objects of the overlay that come from the deployed state (for "deployed" labels in reports). */
function isDeployedOnly(o) {
    return o.format === 'live';
}
/**
 * Routes the IaC adds by name to a table it does not define (`azurerm_route` with `route_table_name`):
 * attached to the deployed table with that name, in the route's resource group (and subscription, when
 * known). A route replaces a deployed route of the same name, as Azure does. Several candidates are named
 * in a notice, never guessed; none leaves the source's "cannot tell which route table" notice in place.
 */
function attachDetachedRoutes(out, tables, detached) {
    const eq = (a, b) => a === undefined || b === undefined || a.toLowerCase() === b.toLowerCase();
    for (const d of detached) {
        const candidates = tables.filter((t) => {
            const scope = (0,arm_id/* armScope */.R)(t.address);
            return (t.name.known &&
                t.name.value.toLowerCase() === d.tableName.toLowerCase() &&
                eq(scope.resourceGroup, d.resourceGroup) &&
                eq(scope.subscriptionId, d.subscription));
        });
        if (candidates.length === 1) {
            const table = candidates[0];
            const route = { ...structuredClone(d.route), routeTableId: table.id };
            const name = route.name.known ? route.name.value.toLowerCase() : undefined;
            table.routes = table.routes.filter((r) => !(name && r.name.known && r.name.value.toLowerCase() === name));
            table.routes.push(route);
            out.diagnostics = out.diagnostics.filter((x) => x !== d.diagnostic);
        }
        else if (candidates.length > 1)
            out.diagnostics.push({
                ruleId: 'KMS012',
                severity: 'notice',
                origin: d.route.origin,
                address: d.route.address,
                message: `${d.route.address} adds a route to route table ${d.tableName}, and ${candidates.length} deployed route ` +
                    `tables have that name (${candidates.map((c) => c.address).join(', ')}); the route is not attached to ` +
                    'any of them: give resource_group_name to say which',
            });
    }
}
const KIND_OF_ARM_TYPE = {
    'microsoft.network/routetables': 'routeTables',
    'microsoft.network/virtualnetworks/subnets': 'subnets',
    'microsoft.network/networksecuritygroups': 'nsgs',
    'microsoft.network/azurefirewalls': 'firewalls',
    'microsoft.network/firewallpolicies': 'firewallPolicies',
    'microsoft.network/ipgroups': 'ipGroups',
    'microsoft.network/natgateways': 'natGateways',
};
/**
 * The deployed objects with `ref`'s type, names (virtual network and subnet for subnets), resource group
 * and subscription (each compared when the reference knows it), as the overlay names them (`redirect`:
 * the IaC object that replaces one, none when the IaC deletes it).
 */
function deployedByIdentity(deployed, ref, redirect) {
    const kind = KIND_OF_ARM_TYPE[ref.armType.toLowerCase()];
    if (!kind)
        return [];
    const same = (a, b) => b === undefined || (a !== undefined && a.toLowerCase() === b.toLowerCase());
    const out = [];
    for (const d of deployed[kind]) {
        const names = kind === 'subnets' ? [overlay_lower(d.vnetName), overlay_lower(d.name)] : [overlay_lower(d.name)];
        if (names.length !== ref.names.length || names.some((n, i) => n !== ref.names[i].toLowerCase()))
            continue;
        const scope = (0,arm_id/* armScope */.R)(d.address);
        if (!same(scope.resourceGroup, ref.resourceGroup) || !same(scope.subscriptionId, ref.subscription))
            continue;
        const id = redirect(d.id);
        if (id !== undefined)
            out.push({ id, address: d.address });
    }
    return out;
}
const refText = (ref) => `${ref.names.join('/')}${ref.resourceGroup ? ` in resource group ${ref.resourceGroup}` : ''}${ref.subscription ? ` of subscription ${ref.subscription}` : ''}`;
/**
 * A reference from the IaC to a resource it only reads (`data "azurerm_route_table"`, an ARM id): the
 * deployed object with that identity. Several are named in a notice, never guessed at; none leaves the
 * reference Unknown, saying the deployed network has no such resource either.
 */
function resolveDeployed(out, v, byIdentity, at) {
    if (!v || v.known || !v.deployed)
        return v;
    const found = byIdentity(v.deployed);
    if (found.length === 1)
        return (0,value/* known */.eO)(found[0].id, v.origin);
    if (found.length === 0)
        return {
            ...v,
            reason: `${v.reason ?? 'not resolved'}; the deployed network has no ${refText(v.deployed)} either`,
        };
    out.diagnostics.push({
        ruleId: 'KMS012',
        severity: 'notice',
        origin: at.origin,
        address: at.address,
        message: `${at.address} refers to ${refText(v.deployed)}, and ${found.length} deployed resources match ` +
            `(${found.map((f) => f.address).join(', ')}); none is chosen: give the resource group (and subscription) to say which`,
    });
    return { ...v, reason: `ambiguous: ${found.length} deployed resources match ${refText(v.deployed)}` };
}
/** IaC subnets whose route table, NSG or NAT gateway is a deployed one read through a data source or id. */
function resolveDeployedRefs(out, subnets, byIdentity) {
    for (const s of subnets)
        for (const k of ['routeTableId', 'nsgId', 'natGatewayId']) {
            const v = resolveDeployed(out, s[k], byIdentity, s);
            if (v)
                s[k] = v;
        }
}
/**
 * Associations the IaC makes for a deployed subnet (its `subnet_id` a data source or an ARM id): the
 * deployed subnet with that identity gets the association's route table, NSG or NAT gateway, and the
 * notice that said the subnet was unknown goes. An ambiguous subnet is named in a notice, not guessed.
 */
function attachDetachedAssociations(out, liveSubnets, detached, byIdentity) {
    for (const d of detached) {
        const found = byIdentity(d.subnet);
        const subnet = found.length === 1 ? liveSubnets.find((s) => s.id === found[0].id) : undefined;
        if (!subnet) {
            if (found.length > 1)
                out.diagnostics.push({
                    ruleId: 'KMS012',
                    severity: 'notice',
                    origin: d.origin,
                    address: d.address,
                    message: `${d.address} associates subnet ${refText(d.subnet)}, and ${found.length} deployed subnets match ` +
                        `(${found.map((f) => f.address).join(', ')}); the association is not applied to any: give the resource group to say which`,
                });
            continue;
        }
        const target = resolveDeployed(out, d.target, byIdentity, d);
        if (target)
            subnet[d.field] = target;
        if (d.field === 'routeTableId')
            subnet.routeTableOrigin = d.origin;
        if (d.field === 'nsgId')
            subnet.nsgOrigin = d.origin;
        out.diagnostics = out.diagnostics.filter((x) => x !== d.diagnostic);
    }
}


/***/ })

};
;