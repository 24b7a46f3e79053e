/**
 * A stand-in for Azure Resource Manager: a real HTTPS server on 127.0.0.1 with a throw-away self-signed
 * certificate (the SDK refuses to send bearer tokens over plain http, and we want the real TLS + pipeline
 * path), serving an inventory in ARM's JSON shapes with `value`/`nextLink` paging, ARM's error bodies, and
 * the effective-route-table long-running operation (202 + Location / Azure-AsyncOperation polling).
 *
 * Faults (429, 403, 500...) are injected per request by `intercept`. `latencyMs` delays every response,
 * for the benchmark. Every request is recorded (method, path, query, Authorization header) so tests can
 * assert what the client asked for.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AccessToken, TokenCredential } from '@azure/core-auth'
import type { ArmInventory, ArmResource } from './arm-inventory'

export interface RecordedRequest {
  method: string
  /** Path without the query string, as sent. */
  path: string
  query: Record<string, string>
  authorization?: string
  /** Date.now() when the request arrived. */
  at: number
  /** The request body, when there is one. */
  body?: string
}

export interface FakeResponse {
  status: number
  headers?: Record<string, string>
  body?: unknown
  /** Send the status, the headers and this many bytes of the body, then nothing (a reply that stalls). */
  stallAfterBytes?: number
}

export interface ArmServerOptions {
  inventory: ArmInventory
  /** Items per page; a `nextLink` follows when there are more. Default 50. */
  pageSize?: number
  /** Delay before every response, in ms. */
  latencyMs?: number
  /** Answer a request yourself (fault injection); undefined = serve it normally. */
  intercept?: (req: RecordedRequest) => FakeResponse | undefined | Promise<FakeResponse | undefined>
  /** Polls answered "in progress" before the effective route table is ready. Default 1. */
  lroPolls?: number
  /** `location`: 202 + Location only; `async-operation`: also Azure-AsyncOperation. Default async-operation. */
  lroStyle?: 'location' | 'async-operation'
}

export interface ArmServer {
  /** `https://127.0.0.1:<port>` */
  url: string
  /** PEM of the self-signed certificate, to trust it. */
  ca: string
  requests: RecordedRequest[]
  /** Client options that trust the server and keep SDK retry delays short. */
  clientOptions: {
    tlsOptions: { ca: string }
    retryOptions: { retryDelayInMs: number; maxRetryDelayInMs: number }
  }
  close(): Promise<void>
}

export const TEST_TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOi.fake-test-token.do-not-log'

/** A credential that hands out a fixed token, counting its use. */
export function staticCredential(token = TEST_TOKEN): TokenCredential & { calls: string[][] } {
  const calls: string[][] = []
  return {
    calls,
    async getToken(scopes: string | string[]): Promise<AccessToken> {
      calls.push(Array.isArray(scopes) ? scopes : [scopes])
      return { token, expiresOnTimestamp: Date.now() + 3_600_000 }
    },
  }
}

/** A self-signed certificate for 127.0.0.1, made by openssl (node's crypto cannot write X.509). */
export function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'arm-server-'))
  try {
    const key = join(dir, 'key.pem')
    const cert = join(dir, 'cert.pem')
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-days',
        '1',
      ],
      { stdio: 'pipe' },
    )
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export const armError = (status: number, code: string, message: string): FakeResponse => ({
  status,
  headers: { 'x-ms-failure-cause': 'gateway' },
  body: { error: { code, message } },
})

const lc = (s: string) => s.toLowerCase()

export async function startArmServer(opts: ArmServerOptions): Promise<ArmServer> {
  const { key, cert } = selfSignedCertificate()
  const requests: RecordedRequest[] = []
  const pageSize = opts.pageSize ?? 50
  const subs = new Map(Object.entries(opts.inventory.subscriptions).map(([s, r]) => [lc(s), r]))
  const routesByNic = new Map(
    Object.entries(opts.inventory.effectiveRoutes ?? {}).map(([n, r]) => [lc(n), r]),
  )
  const hubRoutes = new Map(
    Object.entries(opts.inventory.hubEffectiveRoutes ?? {}).map(([c, r]) => [lc(c), r]),
  )
  const operations = new Map<string, { polls: number; result: () => unknown }>()
  let url = ''

  // ARM lists on each subnet the IP configurations in it (NICs of any resource group): derived from the
  // inventory's NICs, as ARM does, where the subnet's spec does not give them.
  const ipConfigurationsBySubnet = new Map<string, { id: string }[]>()
  for (const resources of subs.values())
    for (const r of resources) {
      if (!lc(r.type).endsWith('/networkinterfaces')) continue
      const configs = (
        r.properties as { ipConfigurations?: { id: string; properties?: { subnet?: { id?: string } } }[] }
      ).ipConfigurations
      for (const c of configs ?? []) {
        const subnet = c.properties?.subnet?.id
        if (subnet)
          ipConfigurationsBySubnet.set(lc(subnet), [
            ...(ipConfigurationsBySubnet.get(lc(subnet)) ?? []),
            { id: c.id },
          ])
      }
    }
  const withIpConfigurations = (r: ArmResource): ArmResource => {
    if (lc(r.type) !== 'microsoft.network/virtualnetworks') return r
    const props = r.properties as { subnets?: { id: string; properties: Record<string, unknown> }[] }
    return {
      ...r,
      properties: {
        ...props,
        subnets: (props.subnets ?? []).map((s) => {
          const found = ipConfigurationsBySubnet.get(lc(s.id))
          return found && !s.properties.ipConfigurations
            ? { ...s, properties: { ...s.properties, ipConfigurations: found } }
            : s
        }),
      },
    }
  }

  const page = (items: unknown[], path: string, query: Record<string, string>): FakeResponse => {
    const skip = Number(query.$skiptoken ?? 0)
    const value = items.slice(skip, skip + pageSize).map((i) => withIpConfigurations(i as ArmResource))
    const body: Record<string, unknown> = { value }
    if (skip + pageSize < items.length) {
      const q = new URLSearchParams({
        'api-version': query['api-version'] ?? '',
        $skiptoken: String(skip + pageSize),
      })
      body.nextLink = `${url}${path}?${q}`
    }
    return { status: 200, body }
  }

  const serve = (req: RecordedRequest): FakeResponse => {
    if (!req.query['api-version'])
      return armError(400, 'MissingApiVersionParameter', 'The api-version query parameter is required.')
    const parts = req.path.split('/').filter(Boolean)
    if (parts[0] === 'lro') return poll(parts[1]!, parts[2] === 'status')
    if (req.method === 'POST' && lc(req.path) === '/providers/microsoft.resourcegraph/resources')
      return resourceGraph(req)
    if (lc(parts[0] ?? '') !== 'subscriptions') return armError(404, 'NotFound', 'no such path')
    const sub = parts[1]!
    const resources = subs.get(lc(sub))
    if (!resources)
      return armError(404, 'SubscriptionNotFound', `The subscription '${sub}' could not be found.`)
    const provider = parts.findIndex((p) => lc(p) === 'providers')
    const rgIndex = parts.findIndex((p) => lc(p) === 'resourcegroups')
    const rg = rgIndex >= 0 ? parts[rgIndex + 1] : undefined
    const rest = parts.slice(provider + 2)
    const inScope = (r: ArmResource) =>
      lc(r.id).startsWith(lc(rg ? `/subscriptions/${sub}/resourceGroups/${rg}/` : `/subscriptions/${sub}/`))
    if (rg && !resources.some(inScope))
      return armError(404, 'ResourceGroupNotFound', `Resource group '${rg}' could not be found.`)
    if (req.method === 'GET' && rest.length === 1) {
      const type = lc(`Microsoft.Network/${rest[0]}`)
      // A scale set instance's NIC is listed under its scale set only.
      const scaleSetNic = (r: ArmResource) => lc(r.id).includes('/microsoft.compute/virtualmachinescalesets/')
      return page(
        resources.filter((r) => lc(r.type) === type && inScope(r) && !scaleSetNic(r)),
        req.path,
        req.query,
      )
    }
    // One resource by id (a VNet gateway a GatewaySubnet points at).
    if (req.method === 'GET' && rest.length === 2 && rg) {
      const found = resources.find((r) => lc(r.id) === lc(req.path))
      return found
        ? { status: 200, body: withIpConfigurations(found) }
        : armError(404, 'ResourceNotFound', `The Resource '${rest.join('/')}' was not found.`)
    }
    if (req.method === 'GET' && rest.length === 3 && lc(rest[2]!) === 'rulecollectiongroups') {
      const policyId = lc(
        `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network/firewallPolicies/${rest[1]}`,
      )
      const groups = resources.filter(
        (r) => lc(r.type).endsWith('/rulecollectiongroups') && lc(r.id).startsWith(`${policyId}/`),
      )
      return page(groups, req.path, req.query)
    }
    // A VNet gateway's connections: top-level `connections` resources that name the gateway.
    if (
      req.method === 'GET' &&
      rest.length === 3 &&
      lc(rest[0]!) === 'virtualnetworkgateways' &&
      lc(rest[2]!) === 'connections'
    ) {
      const gatewayId = lc(`/${parts.slice(0, provider + 4).join('/')}`)
      const connections = resources.filter((r) => {
        const p = r.properties as {
          virtualNetworkGateway1?: { id?: string }
          virtualNetworkGateway2?: { id?: string }
        }
        return (
          lc(r.type) === 'microsoft.network/connections' &&
          [p.virtualNetworkGateway1?.id, p.virtualNetworkGateway2?.id].some(
            (id) => id && lc(id) === gatewayId,
          )
        )
      })
      return page(connections, req.path, req.query)
    }
    // A uniform VM scale set's instance NICs (not in the networkInterfaces listing).
    if (
      req.method === 'GET' &&
      rest.length === 3 &&
      lc(parts[provider + 1] ?? '') === 'microsoft.compute' &&
      lc(rest[0]!) === 'virtualmachinescalesets' &&
      lc(rest[2]!) === 'networkinterfaces'
    ) {
      const setId = lc(`/${parts.slice(0, provider + 4).join('/')}`)
      return page(
        resources.filter(
          (r) => lc(r.type) === 'microsoft.network/networkinterfaces' && lc(r.id).startsWith(`${setId}/`),
        ),
        req.path,
        req.query,
      )
    }
    // Other child listings (a virtual hub's connections, routing intent, route tables; a network manager's
    // groups and their static members, configurations, rule collections and rules).
    if (req.method === 'GET' && rest.length >= 3 && rest.length % 2 === 1) {
      const parentId = lc(
        `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network/${rest.slice(0, -1).join('/')}`,
      )
      const type = lc(`Microsoft.Network/${rest.filter((_, i) => i % 2 === 0).join('/')}`)
      return page(
        resources.filter((r) => lc(r.type) === type && lc(r.id).startsWith(`${parentId}/`)),
        req.path,
        req.query,
      )
    }
    // Virtual Network Manager: the effective rules of a VNet, the committed rules of a network manager.
    if (
      req.method === 'POST' &&
      rest.length === 3 &&
      lc(rest[2]!) === 'listnetworkmanagereffectivesecurityadminrules'
    ) {
      const vnetId = `/${parts.slice(0, provider + 4).join('/')}`
      if (!resources.some((r) => lc(r.id) === lc(vnetId)))
        return armError(404, 'ResourceNotFound', `Resource ${vnetId} not found.`)
      const rules = Object.entries(opts.inventory.effectiveAdminRules ?? {}).find(
        ([id]) => lc(id) === lc(vnetId),
      )
      return { status: 200, body: { value: rules?.[1] ?? [] } }
    }
    if (req.method === 'POST' && rest.length === 3 && lc(rest[2]!) === 'listactivesecurityadminrules') {
      const nmId = `/${parts.slice(0, provider + 4).join('/')}`
      if (!resources.some((r) => lc(r.id) === lc(nmId)))
        return armError(404, 'ResourceNotFound', `Resource ${nmId} not found.`)
      const rules = Object.entries(opts.inventory.activeAdminRules ?? {}).find(([id]) => lc(id) === lc(nmId))
      return { status: 200, body: { value: rules?.[1] ?? [] } }
    }
    // Virtual Network Manager: the deployment (commit) status of a network manager's configurations.
    if (req.method === 'POST' && rest.length === 3 && lc(rest[2]!) === 'listdeploymentstatus') {
      const nmId = `/${parts.slice(0, provider + 4).join('/')}`
      if (!resources.some((r) => lc(r.id) === lc(nmId)))
        return armError(404, 'ResourceNotFound', `Resource ${nmId} not found.`)
      const asked = JSON.parse(req.body || '{}') as { regions?: string[]; deploymentTypes?: string[] }
      const all = Object.entries(opts.inventory.deploymentStatus ?? {}).find(([id]) => lc(id) === lc(nmId))
      const value = ((all?.[1] ?? []) as { region?: string; deploymentType?: string }[]).filter(
        (s) =>
          (!asked.regions || asked.regions.some((r) => lc(r) === lc(s.region ?? ''))) &&
          (!asked.deploymentTypes || asked.deploymentTypes.some((t) => lc(t) === lc(s.deploymentType ?? ''))),
      )
      return { status: 200, body: { value } }
    }
    // Virtual WAN: the effective routes of a hub connection (a long-running POST, like a NIC's).
    if (req.method === 'POST' && rest.length === 3 && lc(rest[2]!) === 'effectiveroutes') {
      const hubId = `/${parts.slice(0, provider + 4).join('/')}`
      if (!resources.some((r) => lc(r.id) === lc(hubId)))
        return armError(404, 'ResourceNotFound', `Resource ${hubId} not found.`)
      const asked = JSON.parse(req.body || '{}') as { resourceId?: string }
      const op = String(operations.size + 1)
      operations.set(op, {
        polls: 0,
        result: () => ({ value: hubRoutes.get(lc(asked.resourceId ?? '')) ?? [] }),
      })
      const q = `api-version=${req.query['api-version']}`
      const headers: Record<string, string> = { Location: `${url}/lro/${op}/result?${q}` }
      if (opts.lroStyle !== 'location') headers['Azure-AsyncOperation'] = `${url}/lro/${op}/status?${q}`
      return { status: 202, headers }
    }
    if (req.method === 'POST' && rest.length === 3 && lc(rest[2]!) === 'effectiveroutetable') {
      const nicId = `/${parts.slice(0, provider + 4).join('/')}`
      if (!resources.some((r) => lc(r.id) === lc(nicId)))
        return armError(404, 'NotFound', `Resource ${nicId} not found.`)
      const op = String(operations.size + 1)
      operations.set(op, { polls: 0, result: () => ({ value: routesByNic.get(lc(nicId)) ?? [] }) })
      const q = `api-version=${req.query['api-version']}`
      const headers: Record<string, string> = { Location: `${url}/lro/${op}/result?${q}` }
      if (opts.lroStyle !== 'location') headers['Azure-AsyncOperation'] = `${url}/lro/${op}/status?${q}`
      return { status: 202, headers }
    }
    return armError(404, 'NotFound', `no handler for ${req.method} ${req.path}`)
  }

  // Azure Resource Graph: only the network group membership query, over the subscriptions asked for.
  const resourceGraph = (req: RecordedRequest): FakeResponse => {
    const asked = JSON.parse(req.body || '{}') as { subscriptions?: string[]; query?: string }
    if (!/networkgroupmemberships/i.test(asked.query ?? ''))
      return armError(400, 'BadRequest', 'the stand-in answers the network group membership query only')
    const subsAsked = new Set((asked.subscriptions ?? []).map(lc))
    const data = Object.entries(opts.inventory.groupMemberships ?? {})
      .filter(([member]) => subsAsked.has(lc(member.split('/')[2] ?? '')))
      .map(([member, groups]) => ({
        id: `${member}/providers/Microsoft.Network/networkGroupMemberships/default`,
        properties: { GroupMemberships: groups.map((g) => ({ NetworkGroupId: g, Sources: [] })) },
      }))
    return {
      status: 200,
      body: { totalRecords: data.length, count: data.length, resultTruncated: 'false', data },
    }
  }

  const poll = (op: string, status: boolean): FakeResponse => {
    const o = operations.get(op)
    if (!o) return armError(404, 'NotFound', `no operation ${op}`)
    const done = o.polls++ >= (opts.lroPolls ?? 1)
    if (status) return { status: 200, body: { status: done ? 'Succeeded' : 'InProgress' } }
    if (!done) return { status: 202, headers: { Location: `${url}/lro/${op}/result?api-version=x` } }
    return { status: 200, body: o.result() }
  }

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    const u = new URL(req.url ?? '/', 'https://127.0.0.1')
    const rec: RecordedRequest = {
      method: req.method ?? 'GET',
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      at: Date.now(),
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      ...(text ? { body: text } : {}),
    }
    requests.push(rec)
    if (opts.latencyMs) await new Promise((r) => setTimeout(r, opts.latencyMs))
    let out: FakeResponse
    try {
      out = (await opts.intercept?.(rec)) ?? serve(rec)
    } catch (err) {
      out = armError(500, 'InternalServerError', String(err))
    }
    const body = out.body === undefined ? '' : JSON.stringify(out.body)
    res.writeHead(out.status, {
      'content-type': 'application/json; charset=utf-8',
      'x-ms-request-id': String(requests.length),
      ...out.headers,
    })
    if (out.stallAfterBytes !== undefined) res.write(body.slice(0, out.stallAfterBytes))
    else res.end(body)
  }

  const server: Server = createServer({ key, cert }, (req, res) => void handler(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const addr = server.address()
  if (!addr || typeof addr === 'string') throw new Error('no address')
  url = `https://127.0.0.1:${addr.port}`
  return {
    url,
    ca: cert,
    requests,
    clientOptions: { tlsOptions: { ca: cert }, retryOptions: { retryDelayInMs: 5, maxRetryDelayInMs: 20 } },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
