"use strict";
exports.id = 194;
exports.ids = [194];
exports.modules = {

/***/ 4194:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  armEndpoint: () => (/* binding */ armEndpoint),
  liveCloud: () => (/* binding */ liveCloud),
  liveCredential: () => (/* binding */ liveCredential),
  readDeployed: () => (/* binding */ readDeployed)
});

// UNUSED EXPORTS: MAX_EFFECTIVE_ROUTE_SUBNETS

// EXTERNAL MODULE: ./src/sources/azure/clouds.ts
var clouds = __webpack_require__(1578);
// EXTERNAL MODULE: ./node_modules/@azure/identity/dist/esm/index.js + 155 modules
var esm = __webpack_require__(3952);
;// CONCATENATED MODULE: ./src/sources/azure/credentials.ts

/** The audience Entra ID expects on a federated GitHub OIDC token. */
const OIDC_AUDIENCE = 'api://AzureADTokenExchange';
/** The assertion callback of the federated credential: a fresh ID token each time, as they expire in minutes. */
function oidcAssertion(getIdToken) {
    return async () => {
        const token = await getIdToken(OIDC_AUDIENCE);
        // An empty token would surface later as an opaque AADSTS error; say what is missing instead.
        if (!token)
            throw new Error('the GitHub OIDC token is empty (does the workflow grant `id-token: write`?)');
        return token;
    };
}
function createCredential(opts = {}) {
    const authority = opts.authorityHost ? { authorityHost: opts.authorityHost } : {};
    if (opts.clientId && opts.tenantId && opts.getIdToken)
        return new esm/* ClientAssertionCredential */.XI(opts.tenantId, opts.clientId, oidcAssertion(opts.getIdToken), authority);
    return new esm/* DefaultAzureCredential */.gv({ ...authority, ...(opts.tenantId ? { tenantId: opts.tenantId } : {}) });
}

// EXTERNAL MODULE: ./src/model/network.ts
var network = __webpack_require__(2607);
// EXTERNAL MODULE: ./node_modules/@azure/arm-network/dist/esm/index.js + 176 modules
var dist_esm = __webpack_require__(8307);
// EXTERNAL MODULE: ./src/sources/azure/arm-id.ts
var arm_id = __webpack_require__(848);
;// CONCATENATED MODULE: ./src/sources/azure/client.ts
/**
 * One place that builds NetworkManagementClient, so the live reader and the effective-routes check talk
 * to ARM the same way: the cloud's endpoint (the token scope follows it: `<endpoint>/.default`) and a retry
 * policy sized for throttling. The SDK's default retry policy already honours Retry-After on 429 and 503
 * and backs off exponentially on other 5xx and 408; we keep it, raise the retry count (ARM throttles in
 * bursts) and make a 429 without Retry-After retryable too. Every attempt has a timeout. Callers (and tests) may pass any other client option: an HttpClient, TLS trust,
 * additional policies.
 */

const DEFAULT_ARM_TIMEOUT_MS = 30_000;
const DEFAULT_RETRY = { maxRetries: 5, retryDelayInMs: 1000, maxRetryDelayInMs: 30_000 };
const RETRY_AFTER_HEADERS = ['retry-after', 'retry-after-ms', 'x-ms-retry-after-ms'];
/**
 * The SDK's retry policy retries a 429 only when it carries Retry-After (its exponential strategy skips 429
 * by design); some ARM front ends throttle without one. This policy runs inside the retry loop and gives such
 * a response an exponential `retry-after-ms`, so it is retried like any other throttling answer, within the
 * same retry count.
 */
function throttleWithoutRetryAfterPolicy(baseDelayMs, maxDelayMs) {
    const attempts = new WeakMap();
    return {
        name: 'kmsGuardThrottleWithoutRetryAfter',
        async sendRequest(request, next) {
            const response = await next(request);
            if (response.status === 429 && !RETRY_AFTER_HEADERS.some((h) => response.headers.has(h))) {
                const n = attempts.get(request) ?? 0;
                attempts.set(request, n + 1);
                response.headers.set('retry-after-ms', String(Math.min(baseDelayMs * 2 ** n, maxDelayMs)));
            }
            return response;
        },
    };
}
/** An ARM request that got no complete reply in time (not an abort: the live time budget is another thing). */
class ArmTimeout extends Error {
    name = 'ArmTimeout';
}
/**
 * A timeout for each attempt, covering the reply's headers and its body. The SDK's own `request.timeout`
 * stops at the headers and surfaces as an AbortError, which the live reader would take for its time
 * budget running out. Runs inside the retry loop; the error it throws is not the SDK's RestError, so a
 * silent server is not asked again (each retry would cost the whole timeout).
 */
function requestTimeoutPolicy(timeoutMs) {
    return {
        name: 'kmsGuardRequestTimeout',
        async sendRequest(request, next) {
            const outer = request.abortSignal;
            const ours = new AbortController();
            const follow = () => ours.abort();
            outer?.addEventListener('abort', follow);
            const timer = setTimeout(() => ours.abort(), timeoutMs);
            request.abortSignal = ours.signal;
            try {
                return await next(request);
            }
            catch (err) {
                if (ours.signal.aborted && !outer?.aborted) {
                    const path = new URL(request.url).pathname;
                    throw new ArmTimeout(`no answer within ${timeoutMs / 1000} s (${request.method} ${path})`);
                }
                throw err;
            }
            finally {
                clearTimeout(timer);
                outer?.removeEventListener('abort', follow);
                request.abortSignal = outer;
            }
        },
    };
}
/** A request to a host other than the ARM endpoint's, refused before it carried the token anywhere. */
class ForeignHostRefused extends Error {
    name = 'ForeignHostRefused';
}
/**
 * Requests to the ARM endpoint's origin only. The SDK follows a page's `nextLink`, a long-running operation's
 * Location / Azure-AsyncOperation and HTTP redirects as the server gives them, and its bearer-token policy
 * signs any HTTPS URL: a link to another host would take the token there. Runs last before the request is
 * sent (after signing and redirects), and its error is not retried.
 */
function armHostOnlyPolicy(endpoint) {
    const allowed = new URL(endpoint);
    return {
        name: 'kmsGuardArmHostOnly',
        async sendRequest(request, next) {
            const to = new URL(request.url);
            if (to.origin !== allowed.origin)
                throw new ForeignHostRefused(`refused to send a request for ${to.pathname} to ${to.host}, which is not the ARM endpoint ${allowed.host}`);
            return next(request);
        },
    };
}
function networkClient(credential, subscriptionId, endpoint, clientOptions = {}) {
    const { requestTimeoutMs = DEFAULT_ARM_TIMEOUT_MS, ...sdkOptions } = clientOptions;
    const retryOptions = { ...DEFAULT_RETRY, ...sdkOptions.retryOptions };
    return new dist_esm/* NetworkManagementClient */.D76(credential, subscriptionId, {
        ...sdkOptions,
        endpoint: endpoint.replace(/\/+$/, ''),
        retryOptions,
        additionalPolicies: [
            ...(sdkOptions.additionalPolicies ?? []),
            {
                policy: throttleWithoutRetryAfterPolicy(retryOptions.retryDelayInMs, retryOptions.maxRetryDelayInMs),
                position: 'perRetry',
            },
            { policy: requestTimeoutPolicy(requestTimeoutMs), position: 'perRetry' },
            { policy: armHostOnlyPolicy(endpoint), position: 'perRetry' },
        ],
    });
}
/** HTTP status and ARM error code of a failed request, without the request (whose headers hold the token). */
function describeError(err) {
    const e = err;
    const message = String(e?.message ?? err)
        .replace(/\s+/g, ' ')
        .slice(0, 300);
    return { status: typeof e?.statusCode === 'number' ? e.statusCode : undefined, code: e?.code, message };
}
function errorText(err) {
    const d = describeError(err);
    const head = [d.status !== undefined ? `HTTP ${d.status}` : undefined, d.code].filter(Boolean).join(' ');
    return head ? `${head}: ${d.message}` : d.message;
}


// EXTERNAL MODULE: ./src/model/vnet.ts
var model_vnet = __webpack_require__(3580);
// EXTERNAL MODULE: ./src/model/value.ts
var value = __webpack_require__(2904);
;// CONCATENATED MODULE: ./src/sources/azure/map.ts
/**
 * Deployed Azure resources, as @azure/arm-network returns them, \u2192 model objects. The live state is
 * known, so every value is Known; the one exception is a reference to a resource that was not read (another
 * subscription, a resource group outside the scan, a read that failed): `linkLiveModel` turns it into an
 * Unknown, because pointing at nothing would let the analysis believe, say, that a subnet has no route table.
 *
 * Model ids are ARM ids lowercased (ARM ids are case-insensitive and Azure itself returns them in mixed
 * case, e.g. `resourceGroups/RG-HUB` in one response and `resourcegroups/rg-hub` in another). The origin of
 * every object is its ARM id, so findings name the deployed resource.
 */



const LIVE_TYPES = {
    routeTable: 'Microsoft.Network/routeTables',
    route: 'Microsoft.Network/routeTables/routes',
    vnet: 'Microsoft.Network/virtualNetworks',
    subnet: 'Microsoft.Network/virtualNetworks/subnets',
    nsg: 'Microsoft.Network/networkSecurityGroups',
    nsgRule: 'Microsoft.Network/networkSecurityGroups/securityRules',
    natGateway: 'Microsoft.Network/natGateways',
    firewall: 'Microsoft.Network/azureFirewalls',
    firewallPolicy: 'Microsoft.Network/firewallPolicies',
    ruleCollectionGroup: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
    ipGroup: 'Microsoft.Network/ipGroups',
};

const lastSegment = (armId) => armId.split('/').filter(Boolean).pop() ?? armId;
/** The ModelObject fields of a deployed resource (or of a child without an ARM id of its own). */
function liveHeader(armId, name, sourceType) {
    const origin = { file: armId, startLine: 1, endLine: 1 };
    return {
        id: (0,arm_id/* liveId */.e)(armId),
        name: (0,value/* known */.eO)(name ?? lastSegment(armId), origin),
        origin,
        format: 'live',
        sourceType,
        address: armId,
    };
}
const list = (items, origin) => (0,value/* known */.eO)(items ?? [], origin);
const ids = (items, origin) => (0,value/* known */.eO)((items ?? []).map(arm_id/* liveId */.e), origin);
const ref = (sub, origin) => sub?.id ? (0,value/* known */.eO)((0,arm_id/* liveId */.e)(sub.id), origin) : undefined;
/** Azure reports what it stores; a missing required field means an API shape we do not know, not a default. */
const required = (v, what, origin) => v === undefined || v === null ? (0,value/* unknown */.L5)(what, 'not returned by Azure', origin) : (0,value/* known */.eO)(v, origin);
/** `addressPrefix` and `addressPrefixes` both exist on subnets and NSG rules; Azure fills one of them. */
function oneOrMany(one, many, origin) {
    const out = [...(many ?? [])];
    if (one && !out.includes(one))
        out.unshift(one);
    return (0,value/* known */.eO)(out, origin);
}
// ---- route tables ----------------------------------------------------------------------------------
function mapRoute(r, table) {
    const h = liveHeader(r.id ?? `${table.address}/routes/${r.name}`, r.name, LIVE_TYPES.route);
    const route = {
        ...h,
        routeTableId: table.id,
        addressPrefix: required(r.addressPrefix, 'addressPrefix', h.origin),
        nextHopType: required(r.nextHopType, 'nextHopType', h.origin),
    };
    if (r.nextHopIpAddress)
        route.nextHopIpAddress = (0,value/* known */.eO)(r.nextHopIpAddress, h.origin);
    return route;
}
function mapRouteTable(t) {
    const h = liveHeader(t.id, t.name, LIVE_TYPES.routeTable);
    const table = {
        ...h,
        routes: [],
        bgpRoutePropagation: (0,value/* known */.eO)(!t.disableBgpRoutePropagation, h.origin),
    };
    table.routes = (t.routes ?? []).map((r) => mapRoute(r, table));
    return table;
}
// ---- virtual networks and subnets ------------------------------------------------------------------
function mapSubnet(s, vnetName) {
    const h = liveHeader(s.id, s.name, LIVE_TYPES.subnet);
    const subnet = { ...h, addressPrefixes: oneOrMany(s.addressPrefix, s.addressPrefixes, h.origin) };
    if (vnetName)
        subnet.vnetName = (0,value/* known */.eO)(vnetName, h.origin);
    // The VNet by Azure identity: the subnet's ARM id names it (subscription, resource group, name).
    const vnetId = (0,model_vnet/* vnetKeyOfArmId */.TF)(s.id);
    if (vnetId)
        subnet.vnetId = (0,value/* known */.eO)(vnetId, h.origin);
    const rt = ref(s.routeTable, h.origin);
    if (rt) {
        subnet.routeTableId = rt;
        subnet.routeTableOrigin = h.origin;
    }
    const nsg = ref(s.networkSecurityGroup, h.origin);
    if (nsg) {
        subnet.nsgId = nsg;
        subnet.nsgOrigin = h.origin;
    }
    const nat = ref(s.natGateway, h.origin);
    if (nat)
        subnet.natGatewayId = nat;
    if (typeof s.defaultOutboundAccess === 'boolean')
        subnet.defaultOutboundAccess = (0,value/* known */.eO)(s.defaultOutboundAccess, h.origin);
    return subnet;
}
function mapVirtualNetwork(v) {
    return (v.subnets ?? [])
        .filter((s) => s.id)
        .map((s) => {
        const subnet = mapSubnet(s, v.name);
        // The VNet's region: Virtual Network Manager commits configurations per region.
        if (v.location)
            subnet.location = (0,value/* known */.eO)(v.location, subnet.origin);
        return subnet;
    });
}
// ---- network security groups -----------------------------------------------------------------------
function mapNsgRule(r, nsg) {
    const h = liveHeader(r.id ?? `${nsg.address}/securityRules/${r.name}`, r.name, LIVE_TYPES.nsgRule);
    const o = h.origin;
    const rule = {
        ...h,
        nsgId: nsg.id,
        priority: required(r.priority, 'priority', o),
        direction: required(r.direction, 'direction', o),
        access: required(r.access, 'access', o),
        protocol: required(r.protocol, 'protocol', o),
        sourceAddressPrefixes: oneOrMany(r.sourceAddressPrefix, r.sourceAddressPrefixes, o),
        destinationAddressPrefixes: oneOrMany(r.destinationAddressPrefix, r.destinationAddressPrefixes, o),
        destinationPortRanges: oneOrMany(r.destinationPortRange, r.destinationPortRanges, o),
    };
    const asgIds = (l) => (0,value/* known */.eO)((l ?? []).flatMap((a) => (a.id ? [(0,arm_id/* liveId */.e)(a.id)] : [])), o);
    if (r.sourceApplicationSecurityGroups?.length)
        rule.sourceApplicationSecurityGroups = asgIds(r.sourceApplicationSecurityGroups);
    if (r.destinationApplicationSecurityGroups?.length)
        rule.destinationApplicationSecurityGroups = asgIds(r.destinationApplicationSecurityGroups);
    return rule;
}
/** Only `securityRules`: the analysis adds Azure's default rules itself, so `defaultSecurityRules` would double them. */
function mapNsg(n) {
    const nsg = { ...liveHeader(n.id, n.name, LIVE_TYPES.nsg), rules: [] };
    nsg.rules = (n.securityRules ?? []).map((r) => mapNsgRule(r, nsg));
    return nsg;
}
// ---- firewall rules --------------------------------------------------------------------------------
/** Application rule protocols `[{ protocolType: 'Https', port: 443 }]` \u2192 `['Https:443']`, as the IaC sources spell them. */
function appProtocols(protocols) {
    return (protocols ?? []).map((p) => p.port !== undefined ? `${p.protocolType ?? ''}:${p.port}` : (p.protocolType ?? ''));
}
function mapRule(r, collection, kind, index) {
    const name = r.name ?? String(index);
    const h = liveHeader(`${collection.address}/rules/${name}`, name, `${collection.sourceType}/rules`);
    const o = h.origin;
    const app = kind === 'application';
    const protocols = app
        ? appProtocols(r.protocols)
        : (r.ipProtocols ?? r.protocols ?? []);
    return {
        ...h,
        protocols: (0,value/* known */.eO)(protocols, o),
        sourceAddresses: list(r.sourceAddresses, o),
        sourceIpGroups: ids(r.sourceIpGroups, o),
        destinationAddresses: list(r.destinationAddresses, o),
        destinationIpGroups: ids(r.destinationIpGroups, o),
        destinationFqdns: list(app ? (r.targetFqdns ?? r.destinationFqdns) : r.destinationFqdns, o),
        destinationPorts: list(r.destinationPorts, o),
    };
}
function mapCollection(c, armId, sourceType, kind) {
    const h = liveHeader(armId, c.name, sourceType);
    return {
        ...h,
        kind,
        priority: required(c.priority, 'priority', h.origin),
        action: required(c.action?.type, 'action.type', h.origin),
        rules: (c.rules ?? []).map((r, i) => mapRule(r, h, kind, i)),
    };
}
const CLASSIC = [
    ['networkRuleCollections', 'network'],
    ['applicationRuleCollections', 'application'],
    ['natRuleCollections', 'nat'],
];
// ---- firewalls and policies ------------------------------------------------------------------------
function mapFirewall(f) {
    const h = liveHeader(f.id, f.name, LIVE_TYPES.firewall);
    const o = h.origin;
    const ipConfigs = f.ipConfigurations ?? [];
    // Virtual hub firewalls have no ip configurations; their private address is under hubIPAddresses.
    const address = f.hubIPAddresses?.privateIPAddress ?? ipConfigs.find((c) => c.privateIPAddress)?.privateIPAddress;
    const fw = {
        ...h,
        privateIpAddress: address
            ? (0,value/* known */.eO)(address, o)
            : (0,value/* unknown */.L5)(`${f.id}.ipConfigurations[0].privateIPAddress`, 'not returned by Azure', o),
        classicCollections: [],
        forcedTunnelling: f.managementIpConfiguration !== undefined && f.managementIpConfiguration !== null,
    };
    for (const [prop, kind] of CLASSIC) {
        const collections = f[prop] ?? [];
        for (const c of collections)
            fw.classicCollections.push(mapCollection(c, c.id ?? `${f.id}/${prop}/${c.name}`, `${LIVE_TYPES.firewall}/${prop}`, kind));
    }
    const subnet = ipConfigs.find((c) => c.subnet?.id)?.subnet;
    const subnetId = ref(subnet, o);
    if (subnetId)
        fw.subnetId = subnetId;
    const policyId = ref(f.firewallPolicy, o);
    if (policyId)
        fw.policyId = policyId;
    const dns = f.additionalProperties?.['Network.DNS.EnableProxy'];
    if (dns !== undefined)
        fw.dnsProxy = (0,value/* known */.eO)(String(dns).toLowerCase() === 'true', o);
    if (f.sku?.name)
        fw.sku = (0,value/* known */.eO)(f.sku.name, o);
    const hub = ref(f.virtualHub, o);
    if (hub)
        fw.virtualHubId = hub;
    return fw;
}
function policyCollectionKind(c) {
    if (/nat/i.test(c.ruleCollectionType ?? ''))
        return 'nat';
    return /application/i.test(c.rules?.[0]?.ruleType ?? '') ? 'application' : 'network';
}
function mapRuleCollectionGroup(g, policyId) {
    const h = liveHeader(g.id, g.name, LIVE_TYPES.ruleCollectionGroup);
    return {
        ...h,
        policyId: (0,value/* known */.eO)(policyId, h.origin),
        priority: required(g.priority, 'priority', h.origin),
        collections: (g.ruleCollections ?? []).map((c) => mapCollection(c, `${g.id}/ruleCollections/${c.name}`, `${LIVE_TYPES.ruleCollectionGroup}/ruleCollections`, policyCollectionKind(c))),
    };
}
function mapFirewallPolicy(p, groups) {
    const h = liveHeader(p.id, p.name, LIVE_TYPES.firewallPolicy);
    const policy = {
        ...h,
        ruleCollectionGroups: groups.filter((g) => g.id).map((g) => mapRuleCollectionGroup(g, h.id)),
    };
    if (typeof p.dnsSettings?.enableProxy === 'boolean')
        policy.dnsProxy = (0,value/* known */.eO)(p.dnsSettings.enableProxy, h.origin);
    const base = ref(p.basePolicy, h.origin);
    if (base)
        policy.basePolicyId = base;
    return policy;
}
// ---- ip groups and NAT gateways --------------------------------------------------------------------
function mapIpGroup(g) {
    const h = liveHeader(g.id, g.name, LIVE_TYPES.ipGroup);
    return { ...h, cidrs: (0,value/* known */.eO)(g.ipAddresses ?? [], h.origin) };
}
function mapNatGateway(n) {
    return liveHeader(n.id, n.name, LIVE_TYPES.natGateway);
}
// ---- references to what was not read ---------------------------------------------------------------
const NOT_READ = 'refers to a deployed resource that was not read (outside the scanned subscriptions or resource groups, or its read failed)';
function checkRef(v, present, attribute) {
    if (!v?.known || present.has(v.value))
        return v;
    return (0,value/* unknown */.L5)(v.value, NOT_READ, v.origin, { resource: v.value, attribute });
}
function checkRefs(v, present, attribute) {
    if (!v.known)
        return v;
    const missing = v.value.find((id) => !present.has(id));
    return missing ? (0,value/* unknown */.L5)(missing, NOT_READ, v.origin, { resource: missing, attribute }) : v;
}
/**
 * Makes every reference to an object missing from the model Unknown (with a ref naming the ARM id), so the
 * analysis reports it instead of reading "no route table" or "no rules". Run once all reads are in.
 */
function linkLiveModel(model) {
    const present = new Set([
        model.routeTables,
        model.subnets,
        model.nsgs,
        model.natGateways,
        model.firewalls,
        model.firewallPolicies,
        model.ipGroups,
    ].flatMap((l) => l.map((o) => o.id)));
    for (const s of model.subnets) {
        s.routeTableId = checkRef(s.routeTableId, present, 'routeTable.id');
        s.nsgId = checkRef(s.nsgId, present, 'networkSecurityGroup.id');
        s.natGatewayId = checkRef(s.natGatewayId, present, 'natGateway.id');
        if (s.routeTableId === undefined)
            delete s.routeTableId;
        if (s.nsgId === undefined)
            delete s.nsgId;
        if (s.natGatewayId === undefined)
            delete s.natGatewayId;
    }
    // A NIC's subnet is left as it is: one outside the scan is simply not judged here.
    for (const nic of model.networkInterfaces ?? [])
        if (nic.nsgId)
            nic.nsgId = checkRef(nic.nsgId, present, 'networkSecurityGroup.id');
    const rules = (c) => c.flatMap((col) => col.rules);
    for (const fw of model.firewalls) {
        if (fw.policyId)
            fw.policyId = checkRef(fw.policyId, present, 'firewallPolicy.id');
        // The firewall's own subnet is not needed to evaluate it: its vnet may well lie outside the scan.
        for (const r of rules(fw.classicCollections))
            linkRule(r, present);
    }
    for (const p of model.firewallPolicies) {
        if (p.basePolicyId)
            p.basePolicyId = checkRef(p.basePolicyId, present, 'basePolicy.id');
        for (const g of p.ruleCollectionGroups)
            for (const r of rules(g.collections))
                linkRule(r, present);
    }
    return model;
}
function linkRule(r, present) {
    r.sourceIpGroups = checkRefs(r.sourceIpGroups, present, 'sourceIpGroups');
    r.destinationIpGroups = checkRefs(r.destinationIpGroups, present, 'destinationIpGroups');
}

;// CONCATENATED MODULE: ./src/sources/azure/map-bgp.ts




const LIVE_BGP_TYPES = {
    gateway: 'Microsoft.Network/virtualNetworkGateways',
    routeServer: 'Microsoft.Network/virtualHubs',
    peering: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
};
const map_bgp_lastSegment = (armId) => armId.split('/').filter(Boolean).pop() ?? armId;
const GATEWAY_IPCONFIG = /^(.*\/providers\/Microsoft\.Network\/virtualNetworkGateways\/[^/]+)\/ipConfigurations\//i;
const HUB_IPCONFIG = /^(.*\/providers\/Microsoft\.Network\/virtualHubs\/[^/]+)\/ipConfigurations\//i;
/** The gateways and Route Servers the VNets' subnets hold, one entry per gateway. */
function gatewayRefs(vnets) {
    const out = new Map();
    for (const v of vnets)
        for (const s of v.subnets ?? [])
            for (const ipc of s.ipConfigurations ?? []) {
                const gw = GATEWAY_IPCONFIG.exec(ipc.id ?? '');
                const rs = HUB_IPCONFIG.exec(ipc.id ?? '');
                const id = gw?.[1] ?? rs?.[1];
                if (!id || !v.name || !v.id || out.has((0,arm_id/* liveId */.e)(id)))
                    continue;
                const kind = gw ? 'gateway' : 'routeServer';
                out.set((0,arm_id/* liveId */.e)(id), { id, kind, vnetName: v.name, vnetId: (0,model_vnet/* vnetKeyOfArmId */.TF)(v.id) ?? (0,arm_id/* liveId */.e)(v.id) });
            }
    return [...out.values()];
}
function mapGateway({ ref, gateway, error }) {
    const h = liveHeader(ref.id, gateway?.name ?? map_bgp_lastSegment(ref.id), LIVE_BGP_TYPES.gateway);
    const vnetName = (0,value/* known */.eO)(ref.vnetName, h.origin);
    const vnetId = (0,value/* known */.eO)(ref.vnetId, h.origin);
    if (!gateway) {
        // Its type and BGP setting are not known: it may be a VPN gateway with BGP, which is what exposes most.
        const why = `the gateway could not be read (${error ?? 'no answer'})`;
        const bgp = (0,value/* unknown */.L5)(`${ref.id}.enableBgp`, why, h.origin);
        return { ...h, kind: 'vpn', vnetName, vnetId, bgp, peers: [] };
    }
    const kind = (gateway.gatewayType ?? '').toLowerCase() === 'expressroute' ? 'expressRoute' : 'vpn';
    const g = { ...h, kind, vnetName, vnetId, peers: [] };
    // The REST API's default is off; a VPN gateway without BGP propagates only its local sites' address spaces.
    if (kind === 'vpn')
        g.bgp = (0,value/* known */.eO)(gateway.enableBgp === true, h.origin);
    const b = gateway.bgpSettings;
    if (gateway.enableBgp && b) {
        const addresses = [
            ...(b.bgpPeeringAddress ? [b.bgpPeeringAddress] : []),
            ...(b.bgpPeeringAddresses ?? []).flatMap((a) => [
                ...(a.customBgpIpAddresses ?? []),
                ...(a.defaultBgpIpAddresses ?? []),
            ]),
        ];
        const own = [...new Set(addresses)].join(', ');
        g.peers.push(`gateway ${own || '?'}${b.asn !== undefined ? ` AS ${b.asn}` : ''}`);
    }
    return g;
}
function mapRouteServer({ ref, hub, connections, error }) {
    const h = liveHeader(ref.id, hub?.name ?? map_bgp_lastSegment(ref.id), LIVE_BGP_TYPES.routeServer);
    const peers = connections
        ? connections.map((c) => `${c.name ?? '?'} ${c.peerIp ?? '?'}${c.peerAsn !== undefined ? ` AS ${c.peerAsn}` : ''}`)
        : [`BGP connections not read (${error ?? 'no answer'})`];
    const vnet = { vnetName: (0,value/* known */.eO)(ref.vnetName, h.origin), vnetId: (0,value/* known */.eO)(ref.vnetId, h.origin) };
    return { ...h, kind: 'routeServer', ...vnet, peers };
}
/** The VNet's peerings, one direction each (the other direction is listed on the remote VNet). */
function mapPeerings(v) {
    return (v.virtualNetworkPeerings ?? []).flatMap((p) => {
        if (!v.id || !v.name)
            return [];
        const h = liveHeader(p.id ?? `${v.id}/virtualNetworkPeerings/${p.name}`, p.name, LIVE_BGP_TYPES.peering);
        const remote = p.remoteVirtualNetwork?.id;
        return [
            {
                ...h,
                vnetName: (0,value/* known */.eO)(v.name, h.origin),
                vnetId: (0,value/* known */.eO)((0,model_vnet/* vnetKeyOfArmId */.TF)(v.id) ?? (0,arm_id/* liveId */.e)(v.id), h.origin),
                remoteVnetName: remote
                    ? (0,value/* known */.eO)(map_bgp_lastSegment(remote), h.origin)
                    : (0,value/* unknown */.L5)('remoteVirtualNetwork', 'not returned by Azure', h.origin),
                remoteVnetId: remote
                    ? (0,value/* known */.eO)((0,model_vnet/* vnetKeyOfArmId */.TF)(remote) ?? (0,arm_id/* liveId */.e)(remote), h.origin)
                    : (0,value/* unknown */.L5)('remoteVirtualNetwork', 'not returned by Azure', h.origin),
                useRemoteGateways: (0,value/* known */.eO)(p.useRemoteGateways === true, h.origin),
                allowGatewayTransit: (0,value/* known */.eO)(p.allowGatewayTransit === true, h.origin),
            },
        ];
    });
}
function mapGatewayModel(vnets, gateways, routeServers) {
    const m = (0,network/* emptyGatewayModel */.Z_)();
    m.gateways = [...gateways.map(mapGateway), ...routeServers.map(mapRouteServer)];
    m.peerings = vnets.flatMap(mapPeerings);
    return m;
}
function hasGateways(m) {
    return m.gateways.length + m.peerings.length + m.localNetworkGateways.length > 0;
}
/** A hub that is a Route Server (not a Virtual WAN hub): its kind says so, or it has no Virtual WAN and sits in RouteServerSubnet. */
function isRouteServer(hub, refs) {
    if ((hub.kind ?? '').toLowerCase() === 'routeserver')
        return true;
    return (!hub.virtualWan?.id && refs.some((r) => r.kind === 'routeServer' && (0,arm_id/* liveId */.e)(r.id) === (0,arm_id/* liveId */.e)(hub.id ?? '')));
}

;// CONCATENATED MODULE: ./src/sources/azure/map-sites.ts


const LIVE_SITE_TYPES = {
    site: 'Microsoft.Network/localNetworkGateways',
    connection: 'Microsoft.Network/connections',
};
const map_sites_lastSegment = (armId) => armId.split('/').filter(Boolean).pop() ?? armId;
function mapSite(s) {
    const h = liveHeader(s.id, s.name, LIVE_SITE_TYPES.site);
    const out = {
        ...h,
        addressPrefixes: (0,value/* known */.eO)(s.localNetworkAddressSpace?.addressPrefixes ?? [], h.origin),
        gatewayIds: [],
    };
    const b = s.bgpSettings;
    if (b && (b.bgpPeeringAddress || b.asn !== undefined))
        out.bgpPeer = `${b.bgpPeeringAddress ?? '?'}${b.asn !== undefined ? ` AS ${b.asn}` : ''}`;
    return out;
}
/** A site whose address space is not known, standing for what could not be read. */
function unknownSite(armId, what, reason) {
    const h = liveHeader(armId, what, LIVE_SITE_TYPES.site);
    return { ...h, addressPrefixes: (0,value/* unknown */.L5)(armId.replace(/^\//, ''), reason, h.origin), gatewayIds: [] };
}
/** The sites of the gateways read, one per local network gateway, linked to every gateway that uses it. */
function mapGatewaySites(reads) {
    const out = new Map();
    const link = (site, gatewayId) => {
        const existing = out.get(site.id) ?? site;
        const id = (0,arm_id/* liveId */.e)(gatewayId);
        if (!existing.gatewayIds.includes(id))
            existing.gatewayIds.push(id);
        out.set(existing.id, existing);
    };
    for (const { gatewayId, connections, error } of reads) {
        const gw = map_sites_lastSegment(gatewayId);
        if (!connections) {
            link(unknownSite(`${gatewayId}/connections`, `connections of ${gw}`, `the connections of VPN gateway ${gw} could not be read (${error ?? 'no answer'}); their local sites' address spaces propagate as gateway routes`), gatewayId);
            continue;
        }
        for (const { connection: c, site, error: siteError } of connections) {
            const connName = c.name ?? map_sites_lastSegment(c.id ?? '');
            const siteId = c.localNetworkGateway2?.id;
            if (site?.id)
                link(mapSite(site), gatewayId);
            else if (siteId)
                link(unknownSite(siteId, map_sites_lastSegment(siteId), `local network gateway ${map_sites_lastSegment(siteId)} of connection ${connName} could not be read (${siteError ?? 'no answer'})`), gatewayId);
            else if ((c.connectionType ?? '').toLowerCase() === 'vnet2vnet')
                link(unknownSite(c.id ?? `${gatewayId}/connections/${connName}`, `VNet-to-VNet connection ${connName}`, `VNet-to-VNet connection ${connName} propagates the remote virtual network's address space, which the scan does not read`), gatewayId);
        }
    }
    return [...out.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

;// CONCATENATED MODULE: ./src/sources/azure/map-avnm.ts




const LIVE_AVNM_TYPES = {
    networkManager: 'Microsoft.Network/networkManagers',
    group: 'Microsoft.Network/networkManagers/networkGroups',
    configuration: 'Microsoft.Network/networkManagers/securityAdminConfigurations',
    rule: 'Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections/rules',
};
const map_avnm_lastSegment = (armId) => armId.split('/').filter(Boolean).pop() ?? armId;
/** The configuration an admin rule id belongs to: `.../securityAdminConfigurations/<c>/ruleCollections/...`. */
function configurationIdOf(ruleId) {
    const m = /^(.*\/securityAdminConfigurations\/[^/]+)\/ruleCollections\//i.exec(ruleId);
    return m?.[1];
}
/** `[{ addressPrefix }]` \u2192 prefixes; none = any, as in the portal and the REST API. */
function prefixes(list, origin) {
    const out = (list ?? []).flatMap((p) => (p.addressPrefix ? [p.addressPrefix] : []));
    return (0,value/* known */.eO)(out.length > 0 ? out : ['*'], origin);
}
const field = (v, what, origin) => v === undefined || v === null ? (0,value/* unknown */.L5)(what, 'not returned by Azure', origin) : (0,value/* known */.eO)(v, origin);
function map_avnm_mapRule(r, armId, configurationId, groupIds) {
    const h = liveHeader(armId, r.name ?? map_avnm_lastSegment(armId), LIVE_AVNM_TYPES.rule);
    const o = h.origin;
    return {
        ...h,
        configurationId,
        groupIds,
        priority: field(r.priority, 'priority', o),
        direction: field(r.direction, 'direction', o),
        access: field(r.access, 'access', o),
        protocol: field(r.protocol, 'protocol', o),
        sourceAddressPrefixes: prefixes(r.sources, o),
        destinationAddressPrefixes: prefixes(r.destinations, o),
        destinationPortRanges: (0,value/* known */.eO)(r.destinationPortRanges?.length ? r.destinationPortRanges : ['*'], o),
    };
}
/** A configuration committed (or not, or not known) as the reads say. */
function configuration(armId, deployed) {
    return {
        ...liveHeader(armId, map_avnm_lastSegment(armId), LIVE_AVNM_TYPES.configuration),
        kind: 'securityAdmin',
        deployed,
    };
}
/**
 * Rules in effect, each applying to exactly the VNets it was read for (by ARM id: two VNets of the same
 * name in two resource groups are two VNets): a group per rule holds them.
 */
function mapEffectiveAdminRules(reads) {
    const nm = (0,network/* emptyNetworkManager */.Xm)();
    const rules = new Map();
    for (const { vnetName, vnetId, rules: list } of reads)
        for (const r of list) {
            if (!r.id)
                continue;
            const key = (0,arm_id/* liveId */.e)(r.id);
            const entry = rules.get(key) ?? { rule: r, vnets: new Map() };
            const id = (0,model_vnet/* vnetKeyOfArmId */.TF)(vnetId) ?? (0,arm_id/* liveId */.e)(vnetId);
            entry.vnets.set(id, { id, name: vnetName });
            rules.set(key, entry);
        }
    for (const [key, { rule, vnets }] of [...rules].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const armId = rule.id;
        const cfgArmId = configurationIdOf(armId) ?? `${armId}/configuration`;
        let cfg = nm.configurations.find((c) => c.id === (0,arm_id/* liveId */.e)(cfgArmId));
        if (!cfg) {
            const o = liveHeader(cfgArmId, undefined, LIVE_AVNM_TYPES.configuration).origin;
            cfg = configuration(cfgArmId, (0,value/* known */.eO)(true, o));
            nm.configurations.push(cfg);
        }
        const group = {
            ...liveHeader(`${armId}/effectiveOn`, `virtual networks where ${map_avnm_lastSegment(armId)} is in effect`, LIVE_AVNM_TYPES.group),
            staticVnets: [...vnets.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
        };
        nm.groups.push(group);
        const h = liveHeader(armId, undefined, LIVE_AVNM_TYPES.rule);
        nm.adminRules.push(map_avnm_mapRule(rule, armId, (0,value/* known */.eO)(cfg.id, h.origin), (0,value/* known */.eO)([group.id], h.origin)));
        void key;
    }
    return nm;
}
function mapGroup(g, members, error) {
    const h = liveHeader(g.id, g.name, LIVE_AVNM_TYPES.group);
    const group = { ...h, staticVnets: [] };
    if (!members) {
        group.openMembership = (0,value/* unknown */.L5)(`${g.id}/staticMembers`, `the static members of network group ${g.name} could not be read (${error ?? 'no answer'})`, h.origin);
        return group;
    }
    const subnets = [];
    for (const m of members) {
        const id = m.resourceId ?? '';
        if (/\/subnets\/[^/]+$/i.test(id))
            subnets.push(id);
        else if (/\/virtualNetworks\/[^/]+$/i.test(id))
            group.staticVnets.push({ id: (0,model_vnet/* vnetKeyOfArmId */.TF)(id) ?? (0,arm_id/* liveId */.e)(id), name: map_avnm_lastSegment(id) });
    }
    if (subnets.length > 0)
        group.openMembership = (0,value/* unknown */.L5)(subnets.map(map_avnm_lastSegment).join(', '), `the members of network group ${g.name} are subnets, which only Azure Resource Graph's network group memberships tell apart`, h.origin);
    // No static members: members come from Azure Policy (dynamic membership), which is not read.
    else if (group.staticVnets.length === 0)
        group.openMembership = (0,value/* unknown */.L5)(`network group ${g.name}`, `network group ${g.name} has no static members: its members come from Azure Policy (dynamic membership), which only Azure Resource Graph's network group memberships list`, h.origin);
    return group;
}
/** A rule that may apply to any VNet with any access: what a failed read stands for. */
function unreadRule(armId, what, reason) {
    const h = liveHeader(armId, what, LIVE_AVNM_TYPES.rule);
    const o = h.origin;
    const why = (0,value/* unknown */.L5)(armId.replace(/^\//, ''), reason, o);
    const group = {
        ...liveHeader(`${armId}/networkGroups`, `network groups (not read)`, LIVE_AVNM_TYPES.group),
        staticVnets: [],
        openMembership: why,
    };
    const config = configuration(`${armId}/securityAdminConfigurations`, why);
    const rule = {
        ...h,
        configurationId: (0,value/* known */.eO)(config.id, o),
        groupIds: (0,value/* known */.eO)([group.id], o),
        priority: (0,value/* unknown */.L5)('priority', reason, o),
        direction: (0,value/* known */.eO)('Outbound', o),
        access: (0,value/* unknown */.L5)('access', reason, o),
        protocol: (0,value/* known */.eO)('*', o),
        sourceAddressPrefixes: (0,value/* known */.eO)(['*'], o),
        destinationAddressPrefixes: (0,value/* known */.eO)(['*'], o),
        destinationPortRanges: (0,value/* known */.eO)(['*'], o),
    };
    return { rule, group, config };
}
function addUnread(nm, armId, what, reason) {
    const u = unreadRule(armId, what, reason);
    nm.adminRules.push(u.rule);
    nm.groups.push(u.group);
    nm.configurations.push(u.config);
}
/** Network managers \u2192 groups, configurations (with their commit state) and rules. */
function mapNetworkManagers(managers, unreadScopes) {
    const nm = (0,network/* emptyNetworkManager */.Xm)();
    for (const scope of unreadScopes)
        addUnread(nm, `/${scope.label}/providers/Microsoft.Network/networkManagers`, `network managers of ${scope.label}`, `the network managers of ${scope.label} could not be read (${scope.error}): a security admin rule may apply`);
    for (const m of managers) {
        const name = map_avnm_lastSegment(m.id);
        if (m.groups)
            for (const g of m.groups)
                if (g.group.id)
                    nm.groups.push(mapGroup(g.group, g.members, g.error));
        if (m.active) {
            // Committed rules: a configuration is deployed where its rules are active, in those regions only.
            const regionsOf = new Map();
            const seen = new Set();
            for (const r of m.active) {
                if (!r.id)
                    continue;
                const cfgId = configurationIdOf(r.id) ?? `${r.id}/configuration`;
                const regions = regionsOf.get((0,arm_id/* liveId */.e)(cfgId)) ?? new Set();
                if (r.region)
                    regions.add(r.region.toLowerCase());
                regionsOf.set((0,arm_id/* liveId */.e)(cfgId), regions);
                if (!nm.configurations.some((c) => c.id === (0,arm_id/* liveId */.e)(cfgId))) {
                    const o = liveHeader(cfgId, undefined, LIVE_AVNM_TYPES.configuration).origin;
                    nm.configurations.push(configuration(cfgId, (0,value/* known */.eO)(true, o)));
                }
                if (seen.has((0,arm_id/* liveId */.e)(r.id)))
                    continue;
                seen.add((0,arm_id/* liveId */.e)(r.id));
                const h = liveHeader(r.id, undefined, LIVE_AVNM_TYPES.rule);
                const groups = (r.ruleCollectionAppliesToGroups ?? []).map((g) => (0,arm_id/* liveId */.e)(g.networkGroupId));
                nm.adminRules.push(map_avnm_mapRule(r, r.id, (0,value/* known */.eO)((0,arm_id/* liveId */.e)(cfgId), h.origin), (0,value/* known */.eO)(groups, h.origin)));
            }
            for (const c of nm.configurations) {
                const regions = regionsOf.get(c.id);
                if (!regions || regions.size === 0)
                    continue;
                const missing = m.regions.filter((x) => !regions.has(x.toLowerCase()));
                // Committed per region: its rules apply to VNets in those regions only (each live subnet carries its
                // VNet's region, src/analysis/avnm.ts compares them).
                if (missing.length > 0)
                    c.deployedRegions = (0,value/* known */.eO)([...regions].sort(), c.origin);
            }
        }
        else if (m.collections) {
            const reason = `whether it is committed could not be read (${m.errors.active ?? 'no answer'})`;
            for (const c of m.collections) {
                const cfgId = configurationIdOf(`${c.id}/rules/x`) ?? `${m.id}/securityAdminConfigurations`;
                if (!nm.configurations.some((x) => x.id === (0,arm_id/* liveId */.e)(cfgId))) {
                    const o = liveHeader(cfgId, undefined, LIVE_AVNM_TYPES.configuration).origin;
                    nm.configurations.push(configuration(cfgId, (0,value/* unknown */.L5)('deployment', reason, o)));
                }
                if (!c.rules) {
                    addUnread(nm, c.id, `rule collection ${map_avnm_lastSegment(c.id)}`, `the rules of rule collection ${map_avnm_lastSegment(c.id)} could not be read (${c.error ?? 'no answer'})`);
                    continue;
                }
                for (const r of c.rules) {
                    if (!r.id)
                        continue;
                    const h = liveHeader(r.id, undefined, LIVE_AVNM_TYPES.rule);
                    nm.adminRules.push(map_avnm_mapRule(r, r.id, (0,value/* known */.eO)((0,arm_id/* liveId */.e)(cfgId), h.origin), (0,value/* known */.eO)(c.groups.map(arm_id/* liveId */.e), h.origin)));
                }
            }
        }
        else
            addUnread(nm, m.id, `network manager ${name}`, `the security admin rules of network manager ${name} could not be read (${m.errors.configurations ?? m.errors.active ?? 'no answer'})`);
        if (!m.groups) {
            // Rules name groups that could not be read: placeholders whose membership is unknown, naming why.
            const reason = `the network groups of network manager ${name} could not be read (${m.errors.groups ?? 'no answer'})`;
            const referenced = new Set(nm.adminRules.flatMap((r) => (r.groupIds.known ? r.groupIds.value : [])));
            for (const id of referenced)
                if (id.startsWith(`${(0,arm_id/* liveId */.e)(m.id)}/`) && !nm.groups.some((g) => g.id === id)) {
                    const h = liveHeader(id, undefined, LIVE_AVNM_TYPES.group);
                    nm.groups.push({
                        ...h,
                        staticVnets: [],
                        openMembership: (0,value/* unknown */.L5)(map_avnm_lastSegment(id), reason, h.origin),
                    });
                }
        }
    }
    return nm;
}
function hasNetworkManager(nm) {
    return nm.adminRules.length + nm.groups.length + nm.configurations.length > 0;
}

;// CONCATENATED MODULE: ./src/sources/azure/map-avnm-routing.ts




const LIVE_ROUTING_TYPES = {
    configuration: 'Microsoft.Network/networkManagers/routingConfigurations',
    collection: 'Microsoft.Network/networkManagers/routingConfigurations/ruleCollections',
    rule: 'Microsoft.Network/networkManagers/routingConfigurations/ruleCollections/rules',
};
const map_avnm_routing_lastSegment = (armId) => armId.split('/').filter(Boolean).pop() ?? armId;
/**
 * Where a configuration is committed among the regions of the scanned VNets. Azure commits per region
 * (Virtual Network Manager deployments: "a configuration ... applies to the resources in the regions it is
 * deployed to"), and each live subnet carries its VNet's region, so a commit in some regions only applies
 * there: `deployed` true with `deployedRegions` (src/analysis/avnm.ts compares the subnet's region), a region
 * whose commit is still deploying or failed in `regionsUndecided` (its subnets undecided, named), none at all
 * false. A status that could not be read is unknown for every region.
 */
function routingDeployment(cfgArmId, m, origin) {
    if (!m.status)
        return {
            deployed: (0,value/* unknown */.L5)('deployment', `whether it is committed could not be read (${m.errors.status ?? 'no answer'})`, origin),
        };
    const id = (0,arm_id/* liveId */.e)(cfgArmId);
    const committed = [];
    const pending = [];
    for (const region of m.regions) {
        const entries = m.status.filter((s) => (s.region ?? '').toLowerCase() === region &&
            (s.deploymentType ?? 'Routing').toLowerCase() === 'routing' &&
            (s.configurationIds ?? []).some((c) => (0,arm_id/* liveId */.e)(c) === id));
        const states = entries.map((s) => (s.deploymentStatus ?? '').toLowerCase());
        if (states.includes('deployed'))
            committed.push(region);
        else if (states.length > 0)
            pending.push({
                region,
                why: (0,value/* unknown */.L5)('deployment', `its commit in ${region} is not complete (${entries[0].deploymentStatus ?? 'status not given'})`, origin),
            });
    }
    if (pending.length === 0 && committed.length === m.regions.length)
        return { deployed: (0,value/* known */.eO)(true, origin) };
    if (pending.length === 0 && committed.length === 0)
        return { deployed: (0,value/* known */.eO)(false, origin) };
    return {
        deployed: (0,value/* known */.eO)(true, origin),
        deployedRegions: (0,value/* known */.eO)(committed, origin),
        ...(pending.length > 0 ? { regionsUndecided: pending } : {}),
    };
}
/** `disableBgpRoutePropagation` is a string in the API ("True"/"False"); absent = propagation on. */
function propagation(c, origin) {
    const raw = c.disableBgpRoutePropagation;
    const disabled = typeof raw === 'boolean' ? raw : String(raw ?? 'false').toLowerCase() === 'true';
    return (0,value/* known */.eO)(!disabled, origin);
}
function map_avnm_routing_mapRule(r, c, configurationId) {
    if (!r.id)
        return undefined;
    const h = liveHeader(r.id, r.name, LIVE_ROUTING_TYPES.rule);
    const o = h.origin;
    const route = {
        ...h,
        configurationId: (0,value/* known */.eO)(configurationId, o),
        groupIds: (0,value/* known */.eO)((c.appliesTo ?? []).map((g) => (0,arm_id/* liveId */.e)(g.networkGroupId)), o),
        destination: r.destination?.destinationAddress
            ? (0,value/* known */.eO)(r.destination.destinationAddress, o)
            : (0,value/* unknown */.L5)('destination', 'not returned by Azure', o),
        nextHopType: r.nextHop?.nextHopType
            ? (0,value/* known */.eO)(r.nextHop.nextHopType, o)
            : (0,value/* unknown */.L5)('nextHopType', 'not returned by Azure', o),
        bgpRoutePropagation: propagation(c, o),
    };
    if (r.nextHop?.nextHopAddress)
        route.nextHopAddress = (0,value/* known */.eO)(r.nextHop.nextHopAddress, o);
    return route;
}
/** A managed route that may be anything: what a failed read stands for. */
function unreadRoute(armId, what, reason, configurationId, groups) {
    const h = liveHeader(armId, what, LIVE_ROUTING_TYPES.rule);
    const why = (expression) => (0,value/* unknown */.L5)(expression, reason, h.origin);
    return {
        ...h,
        configurationId: (0,value/* known */.eO)(configurationId, h.origin),
        groupIds: groups,
        destination: why(`${armId.replace(/^\//, '')} destination`),
        nextHopType: why(`${armId.replace(/^\//, '')} next hop`),
    };
}
function map_avnm_routing_configuration(armId, deployment) {
    return {
        ...liveHeader(armId, map_avnm_routing_lastSegment(armId), LIVE_ROUTING_TYPES.configuration),
        kind: 'routing',
        ...deployment,
    };
}
/** A configuration of unknown commit state and a route of unknown everything, for a read that failed. */
function map_avnm_routing_addUnread(nm, armId, what, reason) {
    const h = liveHeader(armId, what, LIVE_ROUTING_TYPES.configuration);
    const cfg = map_avnm_routing_configuration(armId, { deployed: (0,value/* unknown */.L5)('deployment', reason, h.origin) });
    nm.configurations.push(cfg);
    nm.routes.push(unreadRoute(armId, what, reason, cfg.id, (0,value/* unknown */.L5)('groups', reason, h.origin)));
}
/**
 * Network managers' routing configurations \u2192 configurations (with their commit state) and managed routes.
 * `unreadScopes`: scopes whose network managers could not be listed (a routing configuration may apply).
 */
function mapManagerRouting(managers, unreadScopes = []) {
    const nm = (0,network/* emptyNetworkManager */.Xm)();
    for (const scope of unreadScopes)
        map_avnm_routing_addUnread(nm, `/${scope.label}/providers/Microsoft.Network/networkManagers/routingConfigurations`, `routing configurations of ${scope.label}`, `the network managers of ${scope.label} could not be read (${scope.error}): a routing configuration may put routes into its subnets`);
    for (const m of managers) {
        const name = map_avnm_routing_lastSegment(m.managerId);
        if (!m.configurations) {
            map_avnm_routing_addUnread(nm, `${m.managerId}/routingConfigurations`, `routing rules of ${name}`, `the routing configurations of network manager ${name} could not be read (${m.errors.configurations ?? 'no answer'})`);
            continue;
        }
        for (const { configuration: c, collections, error } of m.configurations) {
            if (!c.id)
                continue;
            const o = liveHeader(c.id, undefined, LIVE_ROUTING_TYPES.configuration).origin;
            const cfg = map_avnm_routing_configuration(c.id, routingDeployment(c.id, m, o));
            nm.configurations.push(cfg);
            if (!collections) {
                const reason = `the rule collections of routing configuration ${c.name ?? map_avnm_routing_lastSegment(c.id)} could not be read (${error ?? 'no answer'})`;
                nm.routes.push(unreadRoute(`${c.id}/ruleCollections`, `rule collections of ${c.name ?? map_avnm_routing_lastSegment(c.id)}`, reason, cfg.id, (0,value/* unknown */.L5)('groups', reason, o)));
                continue;
            }
            for (const { collection, rules, error: rulesError } of collections) {
                if (!collection.id)
                    continue;
                if (!rules) {
                    const reason = `the rules of routing rule collection ${collection.name ?? map_avnm_routing_lastSegment(collection.id)} could not be read (${rulesError ?? 'no answer'})`;
                    const h = liveHeader(collection.id, undefined, LIVE_ROUTING_TYPES.collection);
                    nm.routes.push(unreadRoute(`${collection.id}/rules`, `rules of ${collection.name ?? map_avnm_routing_lastSegment(collection.id)}`, reason, cfg.id, (0,value/* known */.eO)((collection.appliesTo ?? []).map((g) => (0,arm_id/* liveId */.e)(g.networkGroupId)), h.origin)));
                    continue;
                }
                for (const r of rules) {
                    const route = map_avnm_routing_mapRule(r, collection, cfg.id);
                    if (route)
                        nm.routes.push(route);
                }
            }
        }
    }
    nm.routes.sort((a, b) => (a.id < b.id ? -1 : 1));
    return nm;
}
/** Network group ids the managed routes name (their groups must be read to know whom they reach). */
function routedGroupIds(nm) {
    return new Set(nm.routes.flatMap((r) => (r.groupIds.known ? r.groupIds.value : [])));
}
/**
 * The network groups of one manager that its managed routes name, mapped as the security admin reading maps
 * them (static members; none = Azure Policy membership, open). Groups that could not be read become groups
 * of unknown membership naming why.
 */
function addRoutedGroups(nm, managerId, groups, error) {
    const prefix = `${(0,arm_id/* liveId */.e)(managerId)}/`;
    const wanted = [...routedGroupIds(nm)].filter((id) => id.startsWith(prefix));
    for (const id of wanted) {
        if (nm.groups.some((g) => g.id === id))
            continue;
        const read = groups?.find((g) => g.group.id && (0,arm_id/* liveId */.e)(g.group.id) === id);
        if (read) {
            nm.groups.push(mapGroup(read.group, read.members, read.error));
            continue;
        }
        const h = liveHeader(id, undefined, LIVE_AVNM_TYPES.group);
        const reason = groups
            ? `network group ${map_avnm_routing_lastSegment(id)} is not among the groups of network manager ${map_avnm_routing_lastSegment(managerId)}`
            : `the network groups of network manager ${map_avnm_routing_lastSegment(managerId)} could not be read (${error ?? 'no answer'})`;
        nm.groups.push({ ...h, staticVnets: [], openMembership: (0,value/* unknown */.L5)(map_avnm_routing_lastSegment(id), reason, h.origin) });
    }
}
/** Adds the routing model to the security admin one (a group both name is kept once). */
function mergeNetworkManagers(into, from) {
    for (const g of from.groups)
        if (!into.groups.some((x) => x.id === g.id))
            into.groups.push(g);
    into.configurations.push(...from.configurations);
    into.routes.push(...from.routes);
}

;// CONCATENATED MODULE: ./src/sources/azure/paging.ts
/** Collecting paged ARM answers: the SDK's iterators (`nextLink`), and `skipToken`-paged POST actions. */
/** Every item of an SDK page iterator. */
async function collect(pages) {
    const out = [];
    for await (const x of pages)
        out.push(x);
    return out;
}
/** Pages of a `skipToken`-paged POST (these calls are not paged by the SDK itself). */
async function allPages(page) {
    const out = [];
    let token;
    // A server that keeps sending the same token must not keep us here.
    for (let i = 0; i < 100; i++) {
        const r = await page(token);
        out.push(...(r.value ?? []));
        if (!r.skipToken || r.skipToken === token)
            break;
        token = r.skipToken;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/sources/azure/read-avnm-routing.ts


async function readManagerRouting(reader, m, regions) {
    const out = { managerId: m.id, regions, errors: {} };
    const name = m.name ?? (0,arm_id/* armScope */.R)(m.id).name;
    const at = `networkManagers/${name}/routingConfigurations`;
    const configs = await reader.one(m.id, at, (c, rg, n, o) => collect(c.networkManagerRoutingConfigurations.list(rg, n, o)));
    if (!configs.value) {
        out.errors.configurations = configs.error ?? 'no answer';
        return out;
    }
    if (configs.value.length === 0) {
        out.configurations = [];
        return out;
    }
    const [status, configurations] = await Promise.all([
        reader.one(m.id, `networkManagers/${name}/listDeploymentStatus`, (c, rg, n, o) => allPages((skipToken) => c.networkManagerDeploymentStatusOperations.list(rg, n, { regions, deploymentTypes: ['Routing'], ...(skipToken ? { skipToken } : {}) }, o))),
        Promise.all(configs.value.map(async (configuration) => {
            const cfgName = configuration.name ?? (0,arm_id/* armScope */.R)(configuration.id ?? '').name ?? '';
            const list = await reader.one(m.id, `${at}/${cfgName}/ruleCollections`, (c, rg, n, o) => collect(c.routingRuleCollections.list(rg, n, cfgName, o)));
            if (!list.value)
                return { configuration, error: list.error ?? 'no answer' };
            const collections = await Promise.all(list.value.map(async (collection) => {
                const rcName = collection.name ?? (0,arm_id/* armScope */.R)(collection.id ?? '').name ?? '';
                const rules = await reader.one(m.id, `${at}/${cfgName}/ruleCollections/${rcName}/rules`, (c, rg, n, o) => collect(c.routingRules.list(rg, n, cfgName, rcName, o)));
                return {
                    collection,
                    ...(rules.value ? { rules: rules.value } : {}),
                    ...(rules.error ? { error: rules.error } : {}),
                };
            }));
            return { configuration, collections };
        })),
    ]);
    out.configurations = configurations;
    if (status.value)
        out.status = status.value;
    else
        out.errors.status = status.error ?? 'no answer';
    return out;
}

// EXTERNAL MODULE: ./node_modules/@azure/core-rest-pipeline/dist/esm/index.js + 81 modules
var core_rest_pipeline_dist_esm = __webpack_require__(4792);
;// CONCATENATED MODULE: ./src/sources/azure/read-memberships.ts



const MEMBERSHIP_QUERY = "networkresources | where type =~ 'microsoft.network/networkgroupmemberships' | project id, properties";
const API_VERSION = '2022-10-01';
const MEMBER_SUFFIX = /\/providers\/microsoft\.network\/networkgroupmemberships\/[^/]+$/i;
/**
 * `GroupMemberships` / `NetworkGroupId`, as Microsoft's query spells them ("View configurations applied by
 * Azure Virtual Network Manager", "Network group membership": `networkresources | where type ==
 * "microsoft.network/networkgroupmemberships" | mv-expand properties.GroupMemberships | project
 * properties_GroupMemberships.NetworkGroupId`, record id `{vnetId}/providers/Microsoft.Network/
 * networkGroupMemberships/default`; checked against that page and public scripts that run the same query).
 * The camelCase spellings are read too: Microsoft's other Virtual Network Manager queries in Resource Graph
 * ("Query your Azure Virtual Network Manager using Azure Resource Graph") test both casings of each property
 * (`iff(properties.X == "", properties.x, ...)`), so records are not consistent about it.
 */
function groupIdsOf(props) {
    const list = (props?.GroupMemberships ?? props?.groupMemberships ?? []);
    return (Array.isArray(list) ? list : []).flatMap((g) => {
        const id = g?.NetworkGroupId ?? g?.networkGroupId;
        return typeof id === 'string' && id ? [(0,arm_id/* liveId */.e)(id)] : [];
    });
}
async function readGroupMemberships(client, endpoint, subscriptions, signal) {
    const out = new Map();
    let skipToken;
    // A server that keeps sending the same token must not keep us here.
    for (let page = 0; page < 100; page++) {
        const request = (0,core_rest_pipeline_dist_esm/* createPipelineRequest */.G6)({
            url: `${endpoint.replace(/\/+$/, '')}/providers/Microsoft.ResourceGraph/resources?api-version=${API_VERSION}`,
            method: 'POST',
            headers: (0,core_rest_pipeline_dist_esm/* createHttpHeaders */.Nc)({ 'content-type': 'application/json' }),
            body: JSON.stringify({
                subscriptions,
                query: MEMBERSHIP_QUERY,
                options: { resultFormat: 'objectArray', ...(skipToken ? { $skipToken: skipToken } : {}) },
            }),
            abortSignal: signal,
        });
        const response = await client.sendRequest(request);
        const body = (response.bodyAsText ? JSON.parse(response.bodyAsText) : {});
        if (response.status !== 200)
            throw Object.assign(new Error(body.error?.message ?? `HTTP ${response.status}`), {
                statusCode: response.status,
                code: body.error?.code,
            });
        for (const row of body.data ?? []) {
            if (typeof row.id !== 'string' || !MEMBER_SUFFIX.test(row.id))
                continue;
            const member = row.id.replace(MEMBER_SUFFIX, '');
            for (const group of groupIdsOf(row.properties)) {
                const members = out.get(group) ?? [];
                if (!members.some((m) => (0,arm_id/* liveId */.e)(m) === (0,arm_id/* liveId */.e)(member)))
                    members.push(member);
                out.set(group, members);
            }
        }
        if (!body.$skipToken || body.$skipToken === skipToken)
            break;
        skipToken = body.$skipToken;
    }
    return out;
}
const GROUP_ID = /\/providers\/microsoft\.network\/networkmanagers\/[^/]+\/networkgroups\/[^/]+$/;
const read_memberships_lastSegment = (armId) => armId.split('/').filter(Boolean).pop() ?? armId;
/** The network groups of the model that Resource Graph can speak for (real groups, not read-failure stand-ins). */
function groupsToResolve(nm) {
    return nm.groups.filter((g) => g.format === 'live' && GROUP_ID.test(g.id));
}
/**
 * Lays Resource Graph's memberships on the groups: every member VNet (by its key, src/model/vnet.ts) and
 * subnet (by model id) joins the group, and the group is no longer open (its members are all listed,
 * static and Azure Policy alike). Static members the manager listed stay (Resource Graph may lag behind).
 */
function applyGroupMemberships(nm, memberships) {
    for (const g of groupsToResolve(nm)) {
        const members = memberships.get(g.id) ?? [];
        for (const m of members) {
            if (/\/subnets\/[^/]+$/i.test(m))
                (g.subnetIds ??= []).push((0,arm_id/* liveId */.e)(m));
            else if (/\/virtualNetworks\/[^/]+$/i.test(m)) {
                const id = (0,model_vnet/* vnetKeyOfArmId */.TF)(m) ?? (0,arm_id/* liveId */.e)(m);
                if (!g.staticVnets.some((v) => v.id === id))
                    g.staticVnets.push({ id, name: read_memberships_lastSegment(m) });
            }
        }
        g.subnetIds ??= [];
        delete g.openMembership;
    }
}

;// CONCATENATED MODULE: ./src/sources/azure/read-avnm.ts







/** `networkManagers/<nm>/<child>/<name>...` segments after the provider, for nested child reads. */
function nmPath(armId) {
    const parts = armId.split('/').filter(Boolean);
    const i = parts.findIndex((p) => p.toLowerCase() === 'networkmanagers');
    return i >= 0 ? parts.slice(i + 1) : [];
}
async function effectiveRules(reader, vnets) {
    const reads = [];
    const failed = [];
    await Promise.all(vnets.map(async (v) => {
        const r = await reader.one(v.id, `virtualNetworks/${v.name}/listNetworkManagerEffectiveSecurityAdminRules`, (c, rg, name, o) => allPages((skipToken) => c.listNetworkManagerEffectiveSecurityAdminRules(rg, name, skipToken ? { skipToken } : {}, o)), { quiet: true });
        if (r.value)
            reads.push({ vnetName: v.name, vnetId: v.id, rules: r.value });
        else
            failed.push({ vnet: v.name, error: r.error ?? 'no answer' });
    }));
    return { reads, failed };
}
async function readGroups(reader, m) {
    const name = m.name ?? (0,arm_id/* armScope */.R)(m.id).name;
    const groups = await reader.one(m.id, `networkManagers/${name}/networkGroups`, (c, rg, n, o) => collect(c.networkGroups.list(rg, n, o)));
    if (!groups.value)
        return { error: groups.error ?? 'no answer' };
    return {
        groups: await Promise.all(groups.value.map(async (group) => {
            const members = await reader.one(m.id, `networkManagers/${name}/networkGroups/${group.name}/staticMembers`, (c, rg, n, o) => collect(c.staticMembers.list(rg, n, group.name, o)));
            return {
                group,
                ...(members.value ? { members: members.value } : {}),
                ...(members.error ? { error: members.error } : {}),
            };
        })),
    };
}
async function readManager(reader, m, regions, groupsOf) {
    const out = { id: m.id, regions, errors: {} };
    const name = m.name ?? (0,arm_id/* armScope */.R)(m.id).name;
    const groups = await groupsOf(m);
    if (groups.groups)
        out.groups = groups.groups;
    else
        out.errors.groups = groups.error ?? 'no answer';
    const active = await reader.one(m.id, `networkManagers/${name}/listActiveSecurityAdminRules`, (c, rg, n, o) => allPages((skipToken) => c.listActiveSecurityAdminRules(rg, n, { regions, ...(skipToken ? { skipToken } : {}) }, o)), { quiet: true });
    if (active.value) {
        out.active = active.value;
        return out;
    }
    out.errors.active = active.error ?? 'no answer';
    // The commit state is not known: read the rules as they are now (their deployment stays unknown).
    const configs = await reader.one(m.id, `networkManagers/${name}/securityAdminConfigurations`, (c, rg, n, o) => collect(c.securityAdminConfigurations.list(rg, n, o)));
    if (!configs.value) {
        out.errors.configurations = configs.error ?? 'no answer';
        return out;
    }
    const collections = [];
    await Promise.all(configs.value.map(async (cfg) => {
        const list = await reader.one(m.id, `networkManagers/${name}/securityAdminConfigurations/${cfg.name}/ruleCollections`, (c, rg, n, o) => collect(c.adminRuleCollections.list(rg, n, cfg.name, o)));
        if (!list.value) {
            collections.push({ id: `${cfg.id}/ruleCollections`, groups: [], error: list.error ?? 'no answer' });
            return;
        }
        await Promise.all(list.value.map(async (rc) => {
            const [, , cfgName, , rcName] = nmPath(rc.id ?? '');
            const rules = await reader.one(m.id, `networkManagers/${name}/securityAdminConfigurations/${cfg.name}/ruleCollections/${rc.name}/rules`, (c, rg, n, o) => collect(c.adminRules.list(rg, n, cfgName ?? cfg.name, rcName ?? rc.name, o)));
            collections.push({
                id: rc.id,
                groups: (rc.appliesToGroups ?? []).map((g) => g.networkGroupId),
                ...(rules.value ? { rules: rules.value } : {}),
                ...(rules.error ? { error: rules.error } : {}),
            });
        }));
    }));
    out.collections = collections.sort((a, b) => (a.id < b.id ? -1 : 1));
    return out;
}
/**
 * The network managers of the scanned scopes (listed with the other resource types), and the scopes whose
 * managers could not be listed although their VNets were.
 */
function listedManagers(reader, scopes) {
    const managers = new Map();
    for (const m of reader.listed.networkManagers)
        if (m.id)
            managers.set(m.id.toLowerCase(), m);
    const unreadScopes = scopes.flatMap((scope) => {
        const error = reader.listingError(scope, 'networkManagers');
        return error ? [{ label: scope.label, error }] : [];
    });
    return {
        managers: [...managers.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
        unreadScopes: unreadScopes.sort((a, b) => (a.label < b.label ? -1 : 1)),
    };
}
/**
 * Security admin rules and routing configurations (UDR management) that apply to the VNets read; undefined
 * when none can (no rule in effect anywhere, no network manager). Warnings go to the reader.
 *
 * The network managers of the scanned scopes are listed in every case: routing configurations have no
 * per-VNet view. Their security admin rules are read only where the effective view failed.
 */
async function readNetworkManagers(reader, scopes, vnets) {
    if (vnets.length === 0)
        return undefined;
    const regions = [...new Set(vnets.flatMap((v) => (v.location ? [v.location.toLowerCase()] : [])))].sort();
    const groupReads = new Map();
    const groupsOf = (m) => {
        const key = m.id.toLowerCase();
        let read = groupReads.get(key);
        if (!read) {
            read = readGroups(reader, m);
            groupReads.set(key, read);
        }
        return read;
    };
    const { managers, unreadScopes } = listedManagers(reader, scopes);
    const [effective, routingReads] = await Promise.all([
        effectiveRules(reader, vnets),
        Promise.all(managers.map((m) => readManagerRouting(reader, m, regions))),
    ]);
    const routing = mapManagerRouting(routingReads, unreadScopes);
    for (const m of managers) {
        const wanted = routedGroupIds(routing);
        if (![...wanted].some((id) => id.startsWith(`${(0,arm_id/* liveId */.e)(m.id)}/`)))
            continue;
        const read = await groupsOf(m);
        addRoutedGroups(routing, m.id, read.groups, read.error);
    }
    let nm;
    if (effective.failed.length === 0)
        nm = mapEffectiveAdminRules(effective.reads);
    else {
        const errors = [...new Set(effective.failed.map((f) => f.error))];
        reader.addWarning(`effective security admin rules could not be read for ${effective.failed.length} of ${vnets.length} virtual networks ` +
            `(${errors.slice(0, 2).join('; ')}); Virtual Network Manager is judged from the network managers of the scanned scopes instead`);
        const read = await Promise.all(managers.map((m) => readManager(reader, m, regions, groupsOf)));
        for (const m of read)
            if (m.errors.active && m.collections)
                reader.addWarning(`${m.id}: the committed security admin rules could not be read (${m.errors.active}); its configurations are judged as not known to be committed`);
        nm = mapNetworkManagers(read, unreadScopes);
    }
    mergeNetworkManagers(nm, routing);
    await resolveMemberships(reader, nm, scopes);
    return hasNetworkManager(nm) ? nm : undefined;
}
/**
 * Network group members from Azure Resource Graph, one query for every scanned subscription, when the model
 * holds groups (their static members miss Azure Policy members, and subnet members are not told apart by the
 * manager's listing). Where the query fails the groups stay as the manager listed them, open where it could
 * not say, and a warning names the failure.
 */
async function resolveMemberships(reader, nm, scopes) {
    if (groupsToResolve(nm).length === 0)
        return;
    const subscriptions = [...new Set(scopes.map((s) => s.subscriptionId))].sort();
    try {
        const memberships = await readGroupMemberships(reader.client(subscriptions[0]), reader.endpoint, subscriptions, reader.signal);
        applyGroupMemberships(nm, memberships);
    }
    catch (err) {
        reader.addWarning(`network group memberships could not be read from Azure Resource Graph (${errorText(err)}); ` +
            'groups whose members come from Azure Policy, or are subnets, stay undecided where they decide');
    }
}

;// CONCATENATED MODULE: ./src/sources/azure/map-nics.ts



const NIC_TYPE = 'Microsoft.Network/networkInterfaces';
/** The role permission that lets the scan list network interfaces. */
const NIC_READ_PERMISSION = 'Microsoft.Network/networkInterfaces/read';
/** A deployed NIC with an NSG; undefined for one without (its subnet's path is all there is). */
function mapNetworkInterface(n) {
    if (!n.id || !n.networkSecurityGroup?.id)
        return undefined;
    const h = liveHeader(n.id, n.name, NIC_TYPE);
    const subnets = [
        ...new Set((n.ipConfigurations ?? []).flatMap((c) => (c.subnet?.id ? [(0,arm_id/* liveId */.e)(c.subnet.id)] : []))),
    ];
    return {
        ...h,
        subnetIds: subnets.map((s) => (0,value/* known */.eO)(s, h.origin)),
        nsgId: (0,value/* known */.eO)((0,arm_id/* liveId */.e)(n.networkSecurityGroup.id), h.origin),
        nsgOrigin: h.origin,
    };
}
/**
 * The NIC of an IP configuration a subnet lists (`\u2026/networkInterfaces/<nic>/ipConfigurations/<name>`), as
 * an ARM id; undefined for the other kinds of IP configuration (load balancers, gateways, firewalls).
 * VM scale set NICs (`\u2026/virtualMachineScaleSets/<vmss>/virtualMachines/<i>/networkInterfaces/<nic>/\u2026`) are
 * returned too: the networkInterfaces listing does not hold them.
 */
function nicOfIpConfiguration(ipConfigurationId) {
    const m = /^(.*\/networkInterfaces\/[^/]+)\/ipConfigurations\/[^/]+$/i.exec(ipConfigurationId);
    return m?.[1];
}
/** Whether a NIC id is a uniform VM scale set instance's (not in the networkInterfaces listing). */
const isScaleSetNic = (nicId) => /\/providers\/Microsoft\.Compute\/virtualMachineScaleSets\//i.test(nicId);
/** NIC ARM id (as a subnet lists it) \u2192 the live model ids of the subnets that list it. */
function nicsOfSubnets(vnets) {
    const out = new Map();
    for (const v of vnets)
        for (const s of v.subnets ?? []) {
            if (!s.id)
                continue;
            for (const c of s.ipConfigurations ?? []) {
                const nic = c.id ? nicOfIpConfiguration(c.id) : undefined;
                if (!nic)
                    continue;
                const e = out.get((0,arm_id/* liveId */.e)(nic)) ?? { address: nic, subnets: [] };
                if (!e.subnets.includes((0,arm_id/* liveId */.e)(s.id)))
                    e.subnets.push((0,arm_id/* liveId */.e)(s.id));
                out.set((0,arm_id/* liveId */.e)(nic), e);
            }
        }
    return out;
}
/**
 * A NIC a subnet lists that was not read: in its subnets, with an NSG that cannot be told (`reason` says why
 * and what would resolve it), so the analysis names it instead of passing the subnet.
 */
function unreadNetworkInterface(address, subnets, reason) {
    const h = liveHeader(address, undefined, NIC_TYPE);
    return {
        ...h,
        subnetIds: subnets.map((s) => (0,value/* known */.eO)(s, h.origin)),
        nsgId: (0,value/* unknown */.L5)(`${address}.networkSecurityGroup.id`, reason, h.origin),
        nsgOrigin: h.origin,
    };
}

;// CONCATENATED MODULE: ./src/sources/azure/read-nics.ts



const same = (a, b) => a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
/** The scanned scope an ARM id is in, if any. */
const scopeOf = (scopes, armId) => {
    const at = (0,arm_id/* armScope */.R)(armId);
    return scopes.find((s) => same(s.subscriptionId, at.subscriptionId) &&
        (s.resourceGroup === undefined || same(s.resourceGroup, at.resourceGroup)));
};
const groupScope = (subscriptionId, resourceGroup) => ({
    subscriptionId,
    resourceGroup,
    label: `subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`,
});
/** `\u2026/virtualMachineScaleSets/<name>` of a scale set instance's NIC id. */
const scaleSetOf = (nicId) => /^(.*\/providers\/Microsoft\.Compute\/virtualMachineScaleSets\/[^/]+)\//i.exec(nicId)?.[1];
async function readNetworkInterfaces(reader, scopes, vnets) {
    const wanted = nicsOfSubnets(vnets);
    const read = new Map();
    const add = (nics) => {
        for (const n of nics)
            if (n.id && !read.has((0,arm_id/* liveId */.e)(n.id)))
                read.set((0,arm_id/* liveId */.e)(n.id), n);
    };
    add(reader.listed.networkInterfaces);
    const subscriptions = new Set(scopes.map((s) => s.subscriptionId.toLowerCase()));
    /** Why the NICs of a scope were not read, by the scope's label (lowercase). */
    const whyNot = new Map();
    // Resource groups outside the scan that hold NICs of the scanned subnets, and the scale sets of instances'.
    const groups = new Map();
    const scaleSets = new Map();
    for (const [id, { address }] of wanted) {
        if (read.has(id))
            continue;
        const set = isScaleSetNic(address) ? scaleSetOf(address) : undefined;
        if (set) {
            scaleSets.set((0,arm_id/* liveId */.e)(set), set);
            continue;
        }
        const { subscriptionId, resourceGroup } = (0,arm_id/* armScope */.R)(address);
        if (!subscriptionId || !resourceGroup || !subscriptions.has(subscriptionId.toLowerCase()))
            continue;
        if (scopeOf(scopes, address))
            continue;
        const scope = groupScope(subscriptionId, resourceGroup);
        groups.set(scope.label.toLowerCase(), scope);
    }
    const before = reader.listed.networkInterfaces.length;
    await Promise.all([...groups.values()].map((g) => reader.list(g, 'networkInterfaces')));
    add(reader.listed.networkInterfaces.slice(before));
    await Promise.all([...scaleSets.values()].map(async (set) => {
        const name = (0,arm_id/* armScope */.R)(set).name;
        const r = await reader.one(set, `virtualMachineScaleSets/${name}/networkInterfaces`, (c, rg, n, o) => collect(c.networkInterfaces.listVirtualMachineScaleSetNetworkInterfaces(rg, n, o)));
        if (r.value)
            add(r.value);
        else
            whyNot.set((0,arm_id/* liveId */.e)(set), `the network interfaces of VM scale set ${name} could not be read (${r.error ?? 'no answer'}); ` +
                `grant read access to the scale set (Reader) to check the NSGs of its instances`);
    }));
    const reason = (address) => {
        const set = isScaleSetNic(address) ? scaleSetOf(address) : undefined;
        if (set)
            return whyNot.get((0,arm_id/* liveId */.e)(set)) ?? 'not returned when its VM scale set was listed';
        const { subscriptionId, resourceGroup } = (0,arm_id/* armScope */.R)(address);
        const scope = scopeOf(scopes, address) ??
            (subscriptionId && resourceGroup
                ? groups.get(groupScope(subscriptionId, resourceGroup).label.toLowerCase())
                : undefined);
        if (!scope)
            return 'in a subscription the scan does not read; add it to the subscriptions to check its NSG';
        if (reader.incomplete.includes(`${scope.label}/networkInterfaces`))
            return `the network interfaces of ${scope.label} could not be read (not read within the time budget); a longer live-time-budget reads them`;
        const error = reader.listingError(scope, 'networkInterfaces');
        if (error)
            return `the network interfaces of ${scope.label} could not be read (${error}); grant ${NIC_READ_PERMISSION} there to check its NSG`;
        return `not returned when the network interfaces of ${scope.label} were listed`;
    };
    const interfaces = [];
    for (const n of read.values()) {
        const nic = mapNetworkInterface(n);
        if (nic)
            interfaces.push(nic);
    }
    let complete = true;
    for (const [id, { address, subnets }] of wanted)
        if (!read.has(id)) {
            complete = false;
            interfaces.push(unreadNetworkInterface(address, subnets, reason(address)));
        }
    // NSGs of NICs in groups the scopes do not list (the NIC's own group, above) are read by id.
    const listedNsgs = new Set(reader.listed.networkSecurityGroups.flatMap((g) => (g.id ? [(0,arm_id/* liveId */.e)(g.id)] : [])));
    const outside = new Map();
    for (const n of read.values()) {
        const id = n.networkSecurityGroup?.id;
        if (!id || listedNsgs.has((0,arm_id/* liveId */.e)(id)) || scopeOf(scopes, id))
            continue;
        if (subscriptions.has((0,arm_id/* armScope */.R)(id).subscriptionId?.toLowerCase() ?? ''))
            outside.set((0,arm_id/* liveId */.e)(id), id);
    }
    const nsgs = await Promise.all([...outside.values()].map((id) => reader.one(id, `networkSecurityGroups/${(0,arm_id/* armScope */.R)(id).name}`, (c, rg, n, o) => c.networkSecurityGroups.get(rg, n, o))));
    return {
        interfaces: interfaces.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
        ...(complete ? { read: [...read.values()] } : {}),
        nsgs: nsgs.flatMap((r) => (r.value?.id ? [r.value] : [])),
    };
}

;// CONCATENATED MODULE: ./src/sources/azure/read-sites.ts


async function readGatewaySites(reader, gatewayIds) {
    const sites = new Map();
    const site = (id) => {
        const key = id.toLowerCase();
        let read = sites.get(key);
        if (!read) {
            read = reader.one(id, `localNetworkGateways/${(0,arm_id/* armScope */.R)(id).name}`, (c, rg, n, o) => c.localNetworkGateways.get(rg, n, o));
            sites.set(key, read);
        }
        return read;
    };
    return Promise.all(gatewayIds.map(async (gatewayId) => {
        const name = (0,arm_id/* armScope */.R)(gatewayId).name;
        const list = await reader.one(gatewayId, `virtualNetworkGateways/${name}/connections`, (c, rg, n, o) => collect(c.virtualNetworkGateways.listConnections(rg, n, o)));
        if (!list.value)
            return { gatewayId, error: list.error ?? 'no answer' };
        const connections = await Promise.all(list.value.map(async (connection) => {
            const id = connection.localNetworkGateway2?.id;
            if (!id)
                return { connection };
            const r = await site(id);
            return {
                connection,
                ...(r.value ? { site: r.value } : {}),
                ...(r.error ? { error: r.error } : {}),
            };
        }));
        return { gatewayId, connections };
    }));
}

;// CONCATENATED MODULE: ./src/sources/azure/map-vwan.ts




const LIVE_VWAN_TYPES = {
    hub: 'Microsoft.Network/virtualHubs',
    connection: 'Microsoft.Network/virtualHubs/hubVirtualNetworkConnections',
    routingIntent: 'Microsoft.Network/virtualHubs/routingIntent',
    hubRouteTable: 'Microsoft.Network/virtualHubs/hubRouteTables',
    vpnGateway: 'Microsoft.Network/vpnGateways',
    expressRouteGateway: 'Microsoft.Network/expressRouteGateways',
};
const map_vwan_lastSegment = (armId) => armId.split('/').filter(Boolean).pop() ?? armId;
function mapVirtualWan(hubs, gateways) {
    const w = (0,network/* emptyVirtualWan */.lG)();
    for (const { hub, connections, routingIntents, routeTables } of hubs) {
        const h = liveHeader(hub.id, hub.name, LIVE_VWAN_TYPES.hub);
        w.hubs.push(h);
        const hubId = (0,value/* known */.eO)(h.id, h.origin);
        // A child list that could not be read: the hub's routing is not known, so say so on a placeholder
        // the analysis reads as "cannot tell" (an unknown connection VNet, an unknown intent next hop).
        if (connections)
            for (const c of connections) {
                const ch = liveHeader(c.id, c.name, LIVE_VWAN_TYPES.connection);
                const vnet = c.remoteVirtualNetwork?.id;
                const conn = {
                    ...ch,
                    hubId,
                    vnetName: vnet
                        ? (0,value/* known */.eO)(map_vwan_lastSegment(vnet), ch.origin)
                        : (0,value/* unknown */.L5)('remoteVirtualNetwork', 'not returned by Azure', ch.origin),
                    vnetId: vnet
                        ? (0,value/* known */.eO)((0,model_vnet/* vnetKeyOfArmId */.TF)(vnet) ?? (0,arm_id/* liveId */.e)(vnet), ch.origin)
                        : (0,value/* unknown */.L5)('remoteVirtualNetwork', 'not returned by Azure', ch.origin),
                    internetSecurity: (0,value/* known */.eO)(c.enableInternetSecurity === true, ch.origin),
                };
                const assoc = c.routingConfiguration?.associatedRouteTable?.id;
                if (assoc && !/\/hubRouteTables\/defaultRouteTable$/i.test(assoc))
                    conn.associatedRouteTableId = (0,value/* known */.eO)((0,arm_id/* liveId */.e)(assoc), ch.origin);
                w.connections.push(conn);
            }
        else
            w.connections.push({
                ...liveHeader(`${hub.id}/hubVirtualNetworkConnections`, 'connections', LIVE_VWAN_TYPES.connection),
                hubId,
                vnetName: (0,value/* unknown */.L5)(`${hub.id}/hubVirtualNetworkConnections`, 'the hub connections could not be read', h.origin),
                vnetId: (0,value/* unknown */.L5)(`${hub.id}/hubVirtualNetworkConnections`, 'the hub connections could not be read', h.origin),
                internetSecurity: (0,value/* unknown */.L5)('enableInternetSecurity', 'the hub connections could not be read', h.origin),
            });
        const intents = routingIntents ?? [undefined];
        for (const ri of intents) {
            if (!ri) {
                w.routingIntents.push({
                    ...liveHeader(`${hub.id}/routingIntent`, 'routingIntent', LIVE_VWAN_TYPES.routingIntent),
                    hubId,
                    internetNextHop: (0,value/* unknown */.L5)(`${hub.id}/routingIntent`, 'the routing intent could not be read', h.origin),
                });
                continue;
            }
            const rh = liveHeader(ri.id, ri.name, LIVE_VWAN_TYPES.routingIntent);
            const intent = { ...rh, hubId };
            const internet = (ri.routingPolicies ?? []).find((p) => (p.destinations ?? []).some((d) => d.toLowerCase() === 'internet'));
            if (internet)
                intent.internetNextHop = internet.nextHop
                    ? (0,value/* known */.eO)((0,arm_id/* liveId */.e)(internet.nextHop), rh.origin)
                    : (0,value/* unknown */.L5)('nextHop', 'not returned by Azure', rh.origin);
            w.routingIntents.push(intent);
        }
        for (const t of routeTables ?? []) {
            const th = liveHeader(t.id, t.name, LIVE_VWAN_TYPES.hubRouteTable);
            const table = {
                ...th,
                hubId,
                routes: (t.routes ?? []).map((r, i) => ({
                    ...th,
                    id: `${th.id}/routes/${r.name ?? i}`,
                    name: (0,value/* known */.eO)(r.name ?? String(i), th.origin),
                    destinations: (0,value/* known */.eO)(r.destinations ?? [], th.origin),
                    nextHop: r.nextHop
                        ? (0,value/* known */.eO)((0,arm_id/* liveId */.e)(r.nextHop), th.origin)
                        : (0,value/* unknown */.L5)('nextHop', 'not returned by Azure', th.origin),
                })),
            };
            w.routeTables.push(table);
        }
    }
    const gateway = (g, kind) => {
        const gh = liveHeader(g.id, g.name, kind === 'vpn' ? LIVE_VWAN_TYPES.vpnGateway : LIVE_VWAN_TYPES.expressRouteGateway);
        const hub = g.virtualHub?.id;
        w.gateways.push({
            ...gh,
            kind,
            hubId: hub ? (0,value/* known */.eO)((0,arm_id/* liveId */.e)(hub), gh.origin) : (0,value/* unknown */.L5)('virtualHub', 'not returned by Azure', gh.origin),
        });
    };
    for (const g of gateways.vpn)
        gateway(g, 'vpn');
    for (const g of gateways.expressRoute)
        gateway(g, 'expressRoute');
    return w;
}
/** Whether anything Virtual WAN was read (the model leaves `virtualWan` out otherwise). */
function hasVirtualWan(w) {
    return w.hubs.length + w.gateways.length > 0;
}
/**
 * A routing intent or hub route that names a firewall the read did not return (another subscription, a
 * failed read) must not pass for an NVA or a missing hop: it becomes Unknown naming the firewall.
 */
function linkLiveVirtualWan(model) {
    const w = model.virtualWan;
    if (!w)
        return;
    const firewalls = new Set(model.firewalls.map((f) => f.id));
    const check = (v) => {
        if (!v?.known || firewalls.has(v.value) || !/\/microsoft\.network\/azurefirewalls\//.test(v.value))
            return v;
        return (0,value/* unknown */.L5)(v.value, 'refers to a hub firewall that was not read (outside the scanned subscriptions or resource groups, or its read failed)', v.origin, { resource: v.value, attribute: 'nextHop' });
    };
    for (const i of w.routingIntents)
        if (i.internetNextHop)
            i.internetNextHop = check(i.internetNextHop);
    for (const t of w.routeTables)
        for (const r of t.routes)
            r.nextHop = check(r.nextHop);
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
;// CONCATENATED MODULE: ./src/sources/azure/pool.ts
/**
 * Bounded concurrency and a time budget for the live reads. ARM throttles per subscription and per
 * principal, and a run that fans out to every subscription \u00d7 resource type at once gets 429s instead of
 * answers; a small pool keeps the request rate steady. The budget keeps a slow tenant from holding a CI job
 * for ever: once it is spent, running requests are aborted and queued ones are not started, and the caller
 * names what was left unread.
 */

/** Runs at most `limit` tasks at a time, in submission order. */
class Pool {
    limit;
    active = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
        if (!Number.isInteger(limit) || limit < 1)
            throw new Error(`concurrency must be a positive integer, got ${limit}`);
    }
    async run(task) {
        if (this.active >= this.limit)
            await new Promise((resolve) => this.waiting.push(resolve));
        this.active++;
        try {
            return await task();
        }
        finally {
            this.active--;
            this.waiting.shift()?.();
        }
    }
}
/** A whole-run deadline; no `timeBudgetMs` = no deadline (only the caller's signal, if any). */
function createBudget(timeBudgetMs, outer) {
    const controller = new AbortController();
    // Every request in flight listens on this one signal; more than Node's default of 10 is expected.
    (0,external_node_events_.setMaxListeners)(0, controller.signal);
    const abort = () => controller.abort(new Error('time budget spent'));
    const timer = timeBudgetMs !== undefined && timeBudgetMs >= 0 ? setTimeout(abort, timeBudgetMs) : undefined;
    timer?.unref?.();
    if (outer?.aborted)
        abort();
    else
        outer?.addEventListener('abort', abort, { once: true });
    return {
        signal: controller.signal,
        expired: () => controller.signal.aborted,
        dispose: () => {
            if (timer)
                clearTimeout(timer);
            outer?.removeEventListener('abort', abort);
        },
    };
}
/** An abort (ours or the SDK's AbortError) as opposed to a failed request. */
function isAbort(err, signal) {
    return signal.aborted || (err instanceof Error && err.name === 'AbortError');
}

;// CONCATENATED MODULE: ./src/sources/azure/read.ts










/** Whole-subscription and per-resource-group listings; the SDK's iterators follow `nextLink` pages. */
const LISTERS = {
    routeTables: (c, rg, o) => (rg ? c.routeTables.list(rg, o) : c.routeTables.listAll(o)),
    virtualNetworks: (c, rg, o) => (rg ? c.virtualNetworks.list(rg, o) : c.virtualNetworks.listAll(o)),
    networkSecurityGroups: (c, rg, o) => rg ? c.networkSecurityGroups.list(rg, o) : c.networkSecurityGroups.listAll(o),
    azureFirewalls: (c, rg, o) => (rg ? c.azureFirewalls.list(rg, o) : c.azureFirewalls.listAll(o)),
    firewallPolicies: (c, rg, o) => (rg ? c.firewallPolicies.list(rg, o) : c.firewallPolicies.listAll(o)),
    ipGroups: (c, rg, o) => (rg ? c.ipGroups.listByResourceGroup(rg, o) : c.ipGroups.list(o)),
    natGateways: (c, rg, o) => (rg ? c.natGateways.list(rg, o) : c.natGateways.listAll(o)),
    virtualHubs: (c, rg, o) => (rg ? c.virtualHubs.listByResourceGroup(rg, o) : c.virtualHubs.list(o)),
    vpnGateways: (c, rg, o) => (rg ? c.vpnGateways.listByResourceGroup(rg, o) : c.vpnGateways.list(o)),
    networkManagers: (c, rg, o) => rg ? c.networkManagers.list(rg, o) : c.networkManagers.listBySubscription(o),
    // A VM's NIC with an NSG of its own filters KMS before its subnet's NSG (read-nics.ts).
    networkInterfaces: (c, rg, o) => (rg ? c.networkInterfaces.list(rg, o) : c.networkInterfaces.listAll(o)),
    // Not paged in the SDK: one response holds them all.
    expressRouteGateways: (c, rg, o) => (async function* () {
        const r = rg
            ? await c.expressRouteGateways.listByResourceGroup(rg, o)
            : await c.expressRouteGateways.listBySubscription(o);
        yield* r.value ?? [];
    })(),
};
const LIVE_KINDS = Object.keys(LISTERS);
class LiveReader {
    opts;
    pool;
    budget;
    listed = {
        routeTables: [],
        virtualNetworks: [],
        networkSecurityGroups: [],
        azureFirewalls: [],
        firewallPolicies: [],
        ipGroups: [],
        natGateways: [],
        virtualHubs: [],
        vpnGateways: [],
        expressRouteGateways: [],
        networkManagers: [],
        networkInterfaces: [],
    };
    groups = new Map();
    warnings = [];
    incomplete = [];
    /** Subscriptions and resource groups that do not exist (or refuse the token): their queued reads are skipped. */
    deadScopes = new Set();
    /** Failed listings per scope, reported as one warning per scope once all reads are done. */
    failures = new Map();
    clients = new Map();
    constructor(opts, pool, budget) {
        this.opts = opts;
        this.pool = pool;
        this.budget = budget;
    }
    get endpoint() {
        return this.opts.endpoint;
    }
    /** The budget's signal, for reads made outside `one`. */
    get signal() {
        return this.budget.signal;
    }
    addWarning(w) {
        this.warnings.push(w);
    }
    client(subscriptionId) {
        let c = this.clients.get(subscriptionId);
        if (!c) {
            c = networkClient(this.opts.credential, subscriptionId, this.opts.endpoint, this.opts.clientOptions);
            this.clients.set(subscriptionId, c);
        }
        return c;
    }
    /**
     * Runs one read in the pool; false when it did not complete (budget, failure, dead scope). `listing` reads
     * (one resource type of a scope) are grouped per scope in the warnings; the others are warned about alone.
     */
    async guarded(scope, what, listing, read) {
        return this.pool.run(async () => {
            if (this.isDead(scope)) {
                if (listing)
                    this.failure(scope).kinds.push(what);
                return false;
            }
            if (this.budget.expired()) {
                this.incomplete.push(`${scope.label}/${what}`);
                return false;
            }
            try {
                await read();
                return true;
            }
            catch (err) {
                this.failed(scope, what, listing, err);
                return false;
            }
        });
    }
    deadKey(scope) {
        return this.deadScopes.has(`subscriptions/${scope.subscriptionId}`.toLowerCase())
            ? `subscriptions/${scope.subscriptionId}`
            : scope.label;
    }
    /**
     * Why the listing of `kind` failed in a scope whose virtual networks were read; undefined when it did not
     * fail, or when the scope is left out of the live model altogether (its failure is warned about already).
     */
    listingError(scope, kind) {
        if (this.isDead(scope))
            return undefined;
        const f = this.failures.get(this.deadKey(scope).toLowerCase());
        if (!f || !f.kinds.includes(kind) || f.kinds.includes('virtualNetworks'))
            return undefined;
        return f.error || 'no answer';
    }
    isDead(scope) {
        return (this.deadScopes.has(`subscriptions/${scope.subscriptionId}`.toLowerCase()) ||
            this.deadScopes.has(scope.label.toLowerCase()));
    }
    failure(scope) {
        const key = this.deadKey(scope).toLowerCase();
        let f = this.failures.get(key);
        if (!f) {
            f = { scope, kinds: [], error: '', groupMissing: false };
            this.failures.set(key, f);
        }
        return f;
    }
    failed(scope, what, listing, err) {
        if (isAbort(err, this.budget.signal)) {
            this.incomplete.push(`${scope.label}/${what}`);
            return;
        }
        if (!listing) {
            this.warnings.push(`${scope.label}/${what} could not be read (${errorText(err)})`);
            return;
        }
        const { status, code } = describeError(err);
        // A missing resource group is a 404 too, but only that group is lost.
        const groupMissing = scope.resourceGroup !== undefined && /ResourceGroupNotFound/i.test(code ?? '');
        // A subscription that does not exist, or a token ARM refuses, fails every read alike: skip the rest.
        // A 403 is not: a custom role may lack the read permission of one resource type only.
        if (groupMissing)
            this.deadScopes.add(scope.label.toLowerCase());
        else if (status === 401 || (status === 404 && /SubscriptionNotFound/i.test(code ?? '')))
            this.deadScopes.add(`subscriptions/${scope.subscriptionId}`.toLowerCase());
        const f = this.failure(scope);
        f.kinds.push(what);
        f.groupMissing ||= groupMissing;
        f.error ||= errorText(err);
    }
    /** One warning per scope: a dead subscription, a missing group, or the resource types that could not be read. */
    failureWarnings() {
        const out = [];
        const deadSubs = new Set();
        const failures = [...this.failures.values()].sort((a, b) => (a.scope.label < b.scope.label ? -1 : 1));
        for (const { scope, kinds, error, groupMissing } of failures) {
            const sub = scope.subscriptionId;
            const subDead = this.deadScopes.has(`subscriptions/${sub}`.toLowerCase());
            if (groupMissing && !subDead) {
                out.push(`resource group ${scope.resourceGroup} in subscription ${sub} was not found`);
                continue;
            }
            const all = LIVE_KINDS.every((k) => kinds.includes(k));
            if (subDead || (all && !scope.resourceGroup)) {
                if (deadSubs.has(sub.toLowerCase()))
                    continue;
                deadSubs.add(sub.toLowerCase());
                out.push(`subscription ${sub} could not be read (${error}); it is left out of the live model`);
                continue;
            }
            const where = scope.resourceGroup
                ? `resource group ${scope.resourceGroup} in subscription ${sub}`
                : `subscription ${sub}`;
            out.push(all
                ? `${where} could not be read (${error}); it is left out of the live model`
                : `${where}: ${[...new Set(kinds)].sort().join(', ')} could not be read (${error}); they are left out of the live model`);
        }
        return out;
    }
    list(scope, kind) {
        return this.guarded(scope, kind, true, async () => {
            const into = this.listed[kind];
            const pages = LISTERS[kind](this.client(scope.subscriptionId), scope.resourceGroup, {
                abortSignal: this.budget.signal,
            });
            for await (const item of pages)
                if (item.id)
                    into.push(item);
        });
    }
    /** Rule collection groups are separate resources under the policy; without them the policy is not known. */
    groupsOf(policy) {
        const { subscriptionId, resourceGroup, name } = (0,arm_id/* armScope */.R)(policy.id);
        if (!subscriptionId || !resourceGroup || !name)
            return Promise.resolve(false);
        if (policy.ruleCollectionGroups && policy.ruleCollectionGroups.length === 0) {
            this.groups.set(policy.id, []);
            return Promise.resolve(true);
        }
        const scope = {
            subscriptionId,
            resourceGroup,
            label: `subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`,
        };
        return this.guarded(scope, `firewallPolicies/${name}/ruleCollectionGroups`, false, async () => {
            const groups = [];
            const pages = this.client(subscriptionId).firewallPolicyRuleCollectionGroups.list(resourceGroup, name, {
                abortSignal: this.budget.signal,
            });
            for await (const g of pages)
                groups.push(g);
            this.groups.set(policy.id, groups);
        });
    }
    /** Scope of a resource by its ARM id, for messages; undefined when the id has no resource group. */
    scopeOf(armId) {
        const { subscriptionId, resourceGroup, name } = (0,arm_id/* armScope */.R)(armId);
        if (!subscriptionId || !resourceGroup || !name)
            return undefined;
        return {
            subscriptionId,
            resourceGroup,
            name,
            label: `subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`,
        };
    }
    /**
     * One read of a single resource or child list: its result, or why it is missing (the failure is also a
     * warning). The caller keeps a failed read in the model as unknown.
     */
    async one(armId, what, read, 
    /** quiet: no warning of its own (the caller sums up many such reads in one). */
    { quiet = false } = {}) {
        const scope = this.scopeOf(armId);
        if (!scope)
            return { error: `not an ARM id: ${armId}` };
        const out = {};
        const done = await this.guarded(scope, `${what}`, false, async () => {
            try {
                out.value = await read(this.client(scope.subscriptionId), scope.resourceGroup, scope.name, {
                    abortSignal: this.budget.signal,
                });
            }
            catch (err) {
                const aborted = isAbort(err, this.budget.signal);
                out.error = aborted ? 'not read within the time budget' : errorText(err);
                if (!quiet || aborted)
                    throw err;
            }
        });
        if (!done && !out.error)
            out.error = 'not read within the time budget';
        return out;
    }
    /** A VNet gateway a GatewaySubnet points at (virtualNetworkGateways has no subscription-wide listing). */
    async gateway(ref) {
        const name = (0,arm_id/* armScope */.R)(ref.id).name;
        const r = await this.one(ref.id, `virtualNetworkGateways/${name}`, (c, rg, n, o) => c.virtualNetworkGateways.get(rg, n, o));
        return { ref, ...(r.value ? { gateway: r.value } : {}), ...(r.error ? { error: r.error } : {}) };
    }
    /** A Route Server and the NVAs peering with it (its bgpConnections). */
    async routeServer(ref, hub) {
        const name = (0,arm_id/* armScope */.R)(ref.id).name;
        const r = await this.one(ref.id, `virtualHubs/${name}/bgpConnections`, async (c, rg, n, o) => {
            const items = [];
            for await (const x of c.virtualHubBgpConnections.list(rg, n, o))
                items.push(x);
            return items;
        });
        return {
            ref,
            ...(hub ? { hub } : {}),
            ...(r.value ? { connections: r.value } : {}),
            ...(r.error ? { error: r.error } : {}),
        };
    }
    /**
     * A hub's connections, routing intent and route tables are child resources, listed per hub. What could
     * not be read stays undefined: map-vwan.ts turns it into an unknown, never into "no intent".
     */
    async hubChildren(hub) {
        const out = { hub };
        const { subscriptionId, resourceGroup, name } = (0,arm_id/* armScope */.R)(hub.id);
        if (!subscriptionId || !resourceGroup || !name)
            return out;
        const scope = {
            subscriptionId,
            resourceGroup,
            label: `subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`,
        };
        const c = this.client(subscriptionId);
        const o = { abortSignal: this.budget.signal };
        const read = (what, pages, set) => this.guarded(scope, `virtualHubs/${name}/${what}`, false, async () => {
            const items = [];
            for await (const x of pages())
                items.push(x);
            set(items);
        });
        await Promise.all([
            read('hubVirtualNetworkConnections', () => c.hubVirtualNetworkConnections.list(resourceGroup, name, o), (x) => (out.connections = x)),
            read('routingIntent', () => c.routingIntentOperations.list(resourceGroup, name, o), (x) => (out.routingIntents = x)),
            read('hubRouteTables', () => c.hubRouteTables.list(resourceGroup, name, o), (x) => (out.routeTables = x)),
        ]);
        return out;
    }
}
function scopesOf(opts) {
    const subs = [...new Set(opts.subscriptionIds.map((s) => s.trim()).filter(Boolean))];
    const groups = opts.resourceGroups
        ? [...new Set(opts.resourceGroups.map((g) => g.trim()).filter(Boolean))]
        : undefined;
    return subs.flatMap((subscriptionId) => groups
        ? groups.map((resourceGroup) => ({
            subscriptionId,
            resourceGroup,
            label: `subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`,
        }))
        : [{ subscriptionId, label: `subscriptions/${subscriptionId}` }]);
}
/** One object per ARM id (overlapping scopes, or an id returned twice across pages), in id order for stable output. */
function unique(items) {
    const byId = new Map();
    for (const i of items)
        if (!byId.has(i.id))
            byId.set(i.id, i);
    return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
/**
 * Listings in flight at once. Pages of one listing follow each other, so this bounds the speed-up over
 * one request at a time; 16 stays well inside ARM's read throttling across a few subscriptions.
 */
const DEFAULT_CONCURRENCY = 16;
async function readLiveNetwork(opts) {
    const budget = createBudget(opts.timeBudgetMs, opts.abortSignal);
    const reader = new LiveReader(opts, new Pool(opts.concurrency ?? DEFAULT_CONCURRENCY), budget);
    try {
        const scopes = scopesOf(opts);
        await Promise.all(scopes.flatMap((scope) => LIVE_KINDS.map((kind) => reader.list(scope, kind))));
        const policies = unique(reader.listed.firewallPolicies.map((p) => ({ ...p, id: p.id.toLowerCase(), raw: p })));
        await Promise.all(policies.map((p) => reader.groupsOf(p.raw)));
        const { listed } = reader;
        const model = (0,network/* emptyModel */.$Q)();
        model.routeTables = unique(listed.routeTables.map(mapRouteTable));
        model.subnets = unique(listed.virtualNetworks.flatMap(mapVirtualNetwork));
        model.nsgs = unique(listed.networkSecurityGroups.map(mapNsg));
        model.firewalls = unique(listed.azureFirewalls.map(mapFirewall));
        // A policy whose groups were not read would look like a policy without rules (deny all): leave it out,
        // so firewalls pointing at it get an Unknown policy instead.
        model.firewallPolicies = unique(policies.flatMap((p) => {
            const groups = reader.groups.get(p.raw.id);
            return groups ? [mapFirewallPolicy(p.raw, groups)] : [];
        }));
        model.ipGroups = unique(listed.ipGroups.map(mapIpGroup));
        model.natGateways = unique(listed.natGateways.map(mapNatGateway));
        // Route tables the subnets use that the scanned scopes do not hold, read by id. Virtual Network Manager
        // UDR management keeps the route table it associates with its member subnets in a resource group of its
        // own ("Upon deployment, by default, all routes are stored in a route table located inside a virtual
        // network manager-managed resource group": Automate management of user-defined routes with Azure Virtual
        // Network Manager, "How does UDR management work?"), which a `resource-groups` list rarely names; Microsoft
        // documents no name or tag that marks it. Read, it is the subnet's table like any other (its managed
        // routes meet the routing configuration's rules by destination, src/analysis/avnm.ts), instead of a table
        // "not in the scanned sources" that leaves every member subnet undecided.
        // Only tables of the scanned subscriptions in resource groups the scan was not told to list: a table in
        // another subscription, or in a scope whose listing failed, stays "not in the scanned sources", named.
        const tableIds = new Set(model.routeTables.map((t) => t.id));
        const subscriptions = new Set(opts.subscriptionIds.map((x) => x.trim().toLowerCase()));
        const groups = opts.resourceGroups && new Set(opts.resourceGroups.map((g) => g.trim().toLowerCase()));
        const outside = new Map();
        for (const v of listed.virtualNetworks)
            for (const s of v.subnets ?? []) {
                const id = s.routeTable?.id;
                const at = id ? (0,arm_id/* armScope */.R)(id) : {};
                const inScope = !groups || !at.resourceGroup || groups.has(at.resourceGroup.toLowerCase());
                if (id &&
                    subscriptions.has(at.subscriptionId?.toLowerCase() ?? '') &&
                    !inScope &&
                    !tableIds.has((0,arm_id/* liveId */.e)(id)))
                    outside.set((0,arm_id/* liveId */.e)(id), id);
            }
        const [extraTables, nics] = await Promise.all([
            Promise.all([...outside.values()].map((id) => reader.one(id, `routeTables/${(0,arm_id/* armScope */.R)(id).name}`, (c, rg, n, o) => c.routeTables.get(rg, n, o)))),
            readNetworkInterfaces(reader, scopes, listed.virtualNetworks),
        ]);
        model.nsgs = unique([...model.nsgs, ...nics.nsgs.map(mapNsg)]);
        if (nics.interfaces.length > 0)
            model.networkInterfaces = nics.interfaces;
        model.routeTables = unique([
            ...model.routeTables,
            ...extraTables.flatMap((r) => (r.value?.id ? [mapRouteTable(r.value)] : [])),
        ]);
        const vnets = unique(listed.virtualNetworks.map((v) => ({ ...v, id: v.id })));
        const refs = gatewayRefs(vnets);
        const allHubs = unique(listed.virtualHubs.map((h) => ({ ...h, id: h.id })));
        // A Route Server is a virtualHubs resource too: it is a BGP source, not a Virtual WAN hub.
        const routeServerHubs = allHubs.filter((h) => isRouteServer(h, refs));
        const [hubs, gateways, routeServers] = await Promise.all([
            Promise.all(allHubs.filter((h) => !routeServerHubs.includes(h)).map((h) => reader.hubChildren(h))),
            Promise.all(refs.filter((r) => r.kind === 'gateway').map((r) => reader.gateway(r))),
            Promise.all(refs
                .filter((r) => r.kind === 'routeServer')
                .map((r) => reader.routeServer(r, routeServerHubs.find((h) => h.id.toLowerCase() === r.id.toLowerCase())))),
        ]);
        const bgp = mapGatewayModel(vnets, gateways, routeServers);
        // A VPN gateway without BGP propagates exactly its local sites' address spaces: read them.
        const staticVpn = gateways.filter((g) => g.gateway && (g.gateway.gatewayType ?? '').toLowerCase() === 'vpn' && g.gateway.enableBgp !== true);
        if (staticVpn.length > 0) {
            const sites = await readGatewaySites(reader, staticVpn.map((g) => g.ref.id));
            bgp.localNetworkGateways = mapGatewaySites(sites);
            for (const g of bgp.gateways)
                if (staticVpn.some((x) => (0,arm_id/* liveId */.e)(x.ref.id) === g.id))
                    g.sitesRead = true;
        }
        if (hasGateways(bgp))
            model.bgp = bgp;
        const nm = await readNetworkManagers(reader, scopes, vnets);
        if (nm)
            model.networkManager = nm;
        const wan = mapVirtualWan(hubs, {
            vpn: unique(listed.vpnGateways.map((g) => ({ ...g, id: g.id }))),
            expressRoute: unique(listed.expressRouteGateways.map((g) => ({ ...g, id: g.id }))),
        });
        if (hasVirtualWan(wan))
            model.virtualWan = wan;
        linkLiveModel(model);
        linkLiveVirtualWan(model);
        return {
            model,
            warnings: [...reader.failureWarnings(), ...reader.warnings],
            incomplete: reader.incomplete.sort(),
            ...(nics.read ? { networkInterfaces: nics.read } : {}),
        };
    }
    finally {
        budget.dispose();
    }
}

// EXTERNAL MODULE: ./src/analysis/routes.ts
var routes = __webpack_require__(6838);
;// CONCATENATED MODULE: ./src/sources/azure/effective-routes.ts



const SOURCES = ['Default', 'User', 'VirtualNetworkGateway', 'Unknown'];
function toEffectiveRoute(r) {
    const source = SOURCES.find((s) => s.toLowerCase() === (r.source ?? '').toLowerCase()) ?? 'Unknown';
    const route = {
        source,
        state: (r.state ?? '').toLowerCase() === 'invalid' ? 'Invalid' : 'Active',
        addressPrefix: r.addressPrefix ?? [],
        nextHopType: r.nextHopType ?? 'None',
        nextHopIpAddress: r.nextHopIpAddress ?? [],
    };
    if (r.name)
        route.name = r.name;
    // Not in the SDK's model of EffectiveRoute; the deserializer keeps unknown properties, so read it raw.
    const override = r.hasBgpOverride;
    if (typeof override === 'boolean')
        route.hasBgpOverride = override;
    return route;
}

/** NICs of the wanted subnets, those attached to a VM first (the effective route table needs a running VM). */
async function nicsBySubnet(client, wanted, signal, read) {
    const out = new Map();
    // A scale set instance's NIC has no effective route table of its own to ask (not a networkInterfaces
    // resource); the listing below never holds one.
    const nics = read ? read.filter((n) => n.id && !isScaleSetNic(n.id)) : undefined;
    for await (const nic of nics ?? client.networkInterfaces.listAll({ abortSignal: signal }))
        for (const ipc of nic.ipConfigurations ?? []) {
            const subnet = ipc.subnet?.id?.toLowerCase();
            if (!subnet || !wanted.has(subnet))
                continue;
            const list = out.get(subnet) ?? [];
            if (!list.includes(nic))
                list.push(nic);
            out.set(subnet, list);
        }
    for (const list of out.values())
        list.sort((a, b) => Number(!!b.virtualMachine?.id) - Number(!!a.virtualMachine?.id));
    return out;
}
async function readEffectiveRoutes(opts) {
    const budget = createBudget(opts.timeBudgetMs, opts.abortSignal);
    const pool = new Pool(opts.concurrency ?? 4);
    const subnets = [];
    const unchecked = [];
    const budgetSpent = 'not checked: the time budget ran out';
    try {
        const bySubscription = new Map();
        for (const id of new Set(opts.subnetIds.map((s) => s.toLowerCase()))) {
            const sub = (0,arm_id/* armScope */.R)(id).subscriptionId;
            if (!sub) {
                unchecked.push({ subnetId: id, reason: 'not a subnet ARM id' });
                continue;
            }
            bySubscription.set(sub, (bySubscription.get(sub) ?? new Set()).add(id));
        }
        await Promise.all([...bySubscription].map(async ([sub, wanted]) => {
            const client = networkClient(opts.credential, sub, opts.endpoint, opts.clientOptions);
            let nics;
            try {
                nics = await pool.run(() => {
                    if (budget.expired())
                        throw new DOMException('budget', 'AbortError');
                    return nicsBySubnet(client, wanted, budget.signal, opts.networkInterfaces);
                });
            }
            catch (err) {
                const reason = isAbort(err, budget.signal)
                    ? budgetSpent
                    : `network interfaces of subscription ${sub} could not be listed (${errorText(err)})`;
                for (const id of wanted)
                    unchecked.push({ subnetId: id, reason });
                return;
            }
            await Promise.all([...wanted].map(async (subnetId) => {
                const candidates = (nics.get(subnetId) ?? []).slice(0, opts.nicAttempts ?? 2);
                if (candidates.length === 0) {
                    unchecked.push({ subnetId, reason: 'no network interface in the subnet' });
                    return;
                }
                const failures = [];
                for (const nic of candidates) {
                    const r = await pool.run(() => effectiveRoutesOf(client, nic, budget.signal, opts.pollIntervalMs));
                    if ('routes' in r) {
                        subnets.push({ subnetId, nicId: nic.id, routes: r.routes });
                        return;
                    }
                    if (r.aborted) {
                        unchecked.push({ subnetId, reason: budgetSpent });
                        return;
                    }
                    failures.push(`${nic.name}: ${r.error}`);
                }
                unchecked.push({
                    subnetId,
                    reason: `effective routes could not be read (${failures.join('; ')})`,
                });
            }));
        }));
        const byId = (a, b) => (a.subnetId < b.subnetId ? -1 : 1);
        return { subnets: subnets.sort(byId), unchecked: unchecked.sort(byId) };
    }
    finally {
        budget.dispose();
    }
}
async function effectiveRoutesOf(client, nic, signal, pollIntervalMs) {
    if (signal.aborted)
        return { aborted: true };
    const { resourceGroup } = (0,arm_id/* armScope */.R)(nic.id);
    try {
        const result = await client.networkInterfaces.beginGetEffectiveRouteTableAndWait(resourceGroup, nic.name, {
            abortSignal: signal,
            ...(pollIntervalMs !== undefined ? { updateIntervalInMs: pollIntervalMs } : {}),
        });
        return { routes: (result.value ?? []).map(toEffectiveRoute) };
    }
    catch (err) {
        return isAbort(err, signal) ? { aborted: true } : { aborted: false, error: errorText(err) };
    }
}

;// CONCATENATED MODULE: ./src/sources/azure/hub-routes.ts




/**
 * The live hub connections to read, of every hub: with or without routing intent. A hub's configuration says
 * what it should do; its effective routes say what it does (an intent whose provisioning failed or is still
 * under way, a default route from on-premises), and they decide alone once read. A connection whose routes
 * cannot be read keeps its configuration's answer (routing intent \u2192 the firewall's policy).
 */
function connectionsToCheck(model) {
    const w = model.virtualWan;
    if (!w)
        return [];
    return w.connections.flatMap((c) => c.format === 'live' && c.hubId.known && c.address.includes('/hubVirtualNetworkConnections/')
        ? [{ connectionId: c.address, hubId: c.address.replace(/\/hubVirtualNetworkConnections\/.*$/i, '') }]
        : []);
}
async function readHubEffectiveRoutes(opts) {
    const budget = createBudget(opts.timeBudgetMs);
    const pool = new Pool(opts.concurrency ?? 4);
    const out = { routes: [], unchecked: [] };
    try {
        await Promise.all(opts.connections.map(({ connectionId, hubId }) => pool.run(async () => {
            const { subscriptionId, resourceGroup, name } = (0,arm_id/* armScope */.R)(hubId);
            if (budget.expired() || !subscriptionId || !resourceGroup || !name) {
                out.unchecked.push({
                    connectionId,
                    reason: budget.expired() ? 'not read: the time budget ran out' : 'not a hub connection ARM id',
                });
                return;
            }
            const client = networkClient(opts.credential, subscriptionId, opts.endpoint, opts.clientOptions);
            try {
                const r = await client.virtualHubs.beginGetEffectiveVirtualHubRoutesAndWait(resourceGroup, name, {
                    effectiveRoutesParameters: {
                        resourceId: connectionId,
                        virtualWanResourceType: 'HubVirtualNetworkConnection',
                    },
                    abortSignal: budget.signal,
                    ...(opts.pollIntervalMs !== undefined ? { updateIntervalInMs: opts.pollIntervalMs } : {}),
                });
                out.routes.push({ connectionId, routes: r.value ?? [] });
            }
            catch (err) {
                out.unchecked.push({
                    connectionId,
                    reason: isAbort(err, budget.signal)
                        ? 'not read: the time budget ran out'
                        : `effective routes could not be read (${errorText(err)})`,
                });
            }
        })));
        const byId = (a, b) => a.connectionId < b.connectionId ? -1 : 1;
        out.routes.sort(byId);
        out.unchecked.sort(byId);
        return out;
    }
    finally {
        budget.dispose();
    }
}
/** Next hops the analysis follows: a hub firewall (its policy decides), an NVA in the hub (named as such). */
const FOLLOWED = /\/providers\/microsoft\.network\/(azurefirewalls|networkvirtualappliances)\//;
/**
 * Lays each connection's effective routes on it as a route table of its own (`effectiveRouteTableId`), which
 * the analysis then follows alone (src/analysis/vwan.ts). A route with several different next hops is an
 * unknown next hop, named.
 */
function applyHubEffectiveRoutes(model, read) {
    const w = model.virtualWan;
    if (!w)
        return 0;
    let applied = 0;
    for (const { connectionId, routes } of read) {
        const c = w.connections.find((x) => x.id === (0,arm_id/* liveId */.e)(connectionId));
        if (!c)
            continue;
        const h = liveHeader(`${connectionId}/effectiveRoutes`, `effective routes of ${c.name.known ? c.name.value : connectionId}`, 'Microsoft.Network/virtualHubs/effectiveRoutes');
        const table = {
            ...h,
            hubId: c.hubId,
            routes: routes.map((r, i) => {
                const hops = [...new Set((r.nextHops ?? []).map(arm_id/* liveId */.e))];
                const hopNames = hops.map((x) => x.split('/').pop()).join(', ');
                const text = `${(r.addressPrefixes ?? []).join(', ')} \u2192 ${r.nextHopType ?? '?'} ${hopNames}`.trim();
                const origin = r.asPath ? ` (AS path ${r.asPath})` : '';
                return {
                    ...h,
                    id: `${h.id}/${i}`,
                    name: (0,value/* known */.eO)(text, h.origin),
                    destinations: (0,value/* known */.eO)(r.addressPrefixes ?? [], h.origin),
                    nextHop: hops.length !== 1
                        ? (0,value/* unknown */.L5)(text, hops.length === 0
                            ? 'the effective route names no next hop'
                            : `the effective route has ${hops.length} next hops`, h.origin)
                        : FOLLOWED.test(hops[0])
                            ? (0,value/* known */.eO)(hops[0], h.origin)
                            : // A gateway or another hub: the request leaves Azure's view (on-premises, a branch).
                                (0,value/* unknown */.L5)(text, `the hub sends it to ${r.nextHopType ?? 'a next hop'} ${hopNames}${origin}, which the scan does not follow (on-premises or another network)`, h.origin),
                };
            }),
        };
        w.routeTables.push(table);
        c.effectiveRouteTableId = table.id;
        applied++;
    }
    return applied;
}

// EXTERNAL MODULE: ./src/sources/azure/overlay.ts + 4 modules
var overlay = __webpack_require__(2923);
;// CONCATENATED MODULE: ./src/sources/azure/index.ts
/** The live-Azure source, for the action and the CLI: read what is deployed, lay the IaC over it. */








;// CONCATENATED MODULE: ./src/action/live.ts

/** Effective routes are one long-running call per subnet: past this many the rest are named, not read. */
const MAX_EFFECTIVE_ROUTE_SUBNETS = 200;
/** auto judges the deployed network under the public cloud, as the scan does for IaC without a hint. */
function liveCloud(cloud) {
    return cloud === 'auto' ? 'AzureCloud' : cloud;
}
/**
 * OIDC when the workflow names the app registration and can mint ID tokens; otherwise
 * DefaultAzureCredential (azure/login's CLI session, or service principal environment variables).
 */
function liveCredential(live, cloud, getIdToken) {
    const { authorityHost } = (0,clouds/* cloudEndpoints */.So)(cloud, live.authorityHost ? { authorityHost: live.authorityHost } : {});
    return createCredential({
        authorityHost,
        ...(live.clientId ? { clientId: live.clientId } : {}),
        ...(live.tenantId ? { tenantId: live.tenantId } : {}),
        ...(live.clientId && live.tenantId && getIdToken ? { getIdToken } : {}),
    });
}
function armEndpoint(live, cloud) {
    return (0,clouds/* cloudEndpoints */.So)(cloud, live.armEndpoint ? { resourceManager: live.armEndpoint } : {}).resourceManager;
}
async function readDeployed(opts) {
    const now = opts.now ?? Date.now;
    const deadline = now() + opts.timeBudgetMs;
    const read = await readLiveNetwork({
        credential: opts.credential,
        subscriptionIds: opts.subscriptionIds,
        ...(opts.resourceGroups ? { resourceGroups: opts.resourceGroups } : {}),
        endpoint: opts.endpoint,
        timeBudgetMs: opts.timeBudgetMs,
        ...(opts.clientOptions ? { clientOptions: opts.clientOptions } : {}),
    });
    const state = {
        deployed: { model: read.model, cloud: opts.cloud },
        warnings: read.warnings,
        incomplete: read.incomplete,
        unchecked: [],
        checked: 0,
    };
    if (!opts.effectiveRoutes)
        return state;
    await subnetRoutes(opts, state, deadline - now(), read.networkInterfaces);
    await hubRoutes(opts, state, deadline - now());
    return state;
}
/** The effective routes of one NIC per deployed subnet, written onto the subnets. */
async function subnetRoutes(opts, state, remaining, 
/** The deployed NICs the read holds (all those the subnets name), else undefined: listed again then. */
networkInterfaces) {
    const read = { model: state.deployed.model };
    const subnets = read.model.subnets.filter((s) => s.format === 'live');
    const max = opts.maxSubnets ?? MAX_EFFECTIVE_ROUTE_SUBNETS;
    for (const s of subnets.slice(max))
        state.unchecked.push({
            subnetId: s.id,
            reason: `not checked: only the first ${max} subnets are asked for effective routes`,
        });
    const wanted = subnets.slice(0, max);
    if (remaining <= 0) {
        for (const s of wanted)
            state.unchecked.push({ subnetId: s.id, reason: 'not checked: the time budget ran out' });
        return;
    }
    if (wanted.length === 0)
        return;
    const routes = await readEffectiveRoutes({
        credential: opts.credential,
        endpoint: opts.endpoint,
        subnetIds: wanted.map((s) => s.id),
        timeBudgetMs: remaining,
        ...(opts.clientOptions ? { clientOptions: opts.clientOptions } : {}),
        ...(networkInterfaces ? { networkInterfaces } : {}),
    });
    // Subnet model ids of the live source are lower-cased ARM ids, as are the ids readEffectiveRoutes returns.
    const byId = new Map(wanted.map((s) => [s.id.toLowerCase(), s]));
    for (const r of routes.subnets) {
        const subnet = byId.get(r.subnetId.toLowerCase());
        if (!subnet)
            continue;
        subnet.effectiveRoutes = { nicId: r.nicId, routes: r.routes };
        state.checked++;
    }
    state.unchecked.push(...routes.unchecked);
}
/**
 * The effective routes of Virtual WAN hub connections whose hub configuration does not decide the spoke's
 * Internet route (no routing intent): what the hub gives them, BGP included. Connections not read keep their
 * configuration-based answer and are named in a warning.
 */
async function hubRoutes(opts, state, remaining) {
    const model = state.deployed.model;
    const connections = connectionsToCheck(model);
    if (connections.length === 0)
        return;
    const read = remaining > 0
        ? await readHubEffectiveRoutes({
            credential: opts.credential,
            endpoint: opts.endpoint,
            connections,
            timeBudgetMs: remaining,
            ...(opts.clientOptions ? { clientOptions: opts.clientOptions } : {}),
        })
        : {
            routes: [],
            unchecked: connections.map((c) => ({
                connectionId: c.connectionId,
                reason: 'not read: the time budget ran out',
            })),
        };
    applyHubEffectiveRoutes(model, read.routes);
    for (const u of read.unchecked)
        state.warnings.push(`virtual hub connection ${u.connectionId}: ${u.reason}; its hub configuration decides`);
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