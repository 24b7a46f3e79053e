"use strict";
exports.id = 765;
exports.ids = [765];
exports.modules = {

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
        routeTables: byId(model.routeTables),
        subnets: byId(model.subnets),
        nsgs: byId(model.nsgs),
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
    return a.length <= MAX_SHOWN ? a : `${a.slice(0, MAX_SHOWN - 21)}…${a.slice(-20)}`;
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
/** azurerm provider `environment` values and Bicep/ARM `environment().name` → cloud. */
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
 * change or `count` → `for_each` keep the identity: Azure sees the same resource.
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
 * Every address `address` had before the moves, nearest first (moves chain: a → b, b → c gives c the
 * former addresses b and a). A key added by a move (`a` → `a["k"]`) maps back to the keyless address.
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
                // `a[0]` → `a` moves one instance: `a[1]` was never `a[0][1]`.
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