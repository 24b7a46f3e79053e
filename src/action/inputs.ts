/**
 * Every input of the action, read and validated in one place. `getInput` is injected (main passes
 * core.getInput), so this module has no @actions/core import and the tests feed it plain records. A bad
 * value throws with the input's name and the accepted values: a typo must not silently weaken the check.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { CLOUDS, type CloudName } from '../kms/catalogue'
import { parseCloud, parseRegistries, splitList } from '../pipeline/options'
import type { DownloadSettings } from '../sources/terraform/modules/download'
import { FAIL_ON_LEVELS, parseFailOn, type FailOn } from '../report/exit'
import { parseScope, SCOPES, type Scope } from '../compare/scope'
import { parseWhenClean, type WhenClean } from '../github/comment'
import { CONFIG_FILE } from '../config/config'
import { readBaseline, type BaselineFile } from '../compare/baseline'

export type GetInput = (name: string) => string

export interface LiveInputs {
  subscriptionIds: string[]
  /** undefined = whole subscriptions. */
  resourceGroups?: string[]
  clientId?: string
  tenantId?: string
  /** Overrides of the cloud's endpoints (Azure Stack, tests); undefined = the cloud's own. */
  armEndpoint?: string
  authorityHost?: string
  effectiveRoutes: boolean
  timeBudgetMs: number
  failOnDeployed: boolean
}

export interface ActionInputs {
  /** Absolute. */
  path: string
  cloud: CloudName | 'auto'
  /** Absolute. */
  varFiles: string[]
  failOn: FailOn
  /** Undecided subnets (or no subnet found at all) fail the check too. */
  failOnUnknown: boolean
  sarifFile: string
  reportFile: string
  scope: Scope
  /** Empty when none was given: no API calls then, workflow commands only. */
  token: string
  comment: boolean
  commentWhenClean: WhenClean
  /** Absolute. */
  planFiles: string[]
  /** Absolute path of the config file; `configExplicit` says whether the user named it. */
  configFile: string
  configExplicit: boolean
  /** undefined unless `live` is true. */
  live?: LiveInputs
  /** undefined unless `download-modules` is true. */
  downloadModules?: DownloadSettings
  /** Findings accepted earlier (a CLI `--baseline-write` file): only the others are reported. */
  baseline?: BaselineFile
  /** Folder for unit findings kept across runs (src/compare/unit-cache.ts); unset: none. */
  cacheDir?: string
}

export interface InputContext {
  workspace: string
  /** pull_request, pull_request_target, merge_group: events with a base to compare with. */
  pullRequest: boolean
  env?: NodeJS.ProcessEnv
}

/** 'true'/'false' in any case; empty = the default. YAML booleans reach us as these strings. */
export function parseBoolean(name: string, value: string, fallback: boolean): boolean {
  const v = value.trim().toLowerCase()
  if (v === '') return fallback
  if (v === 'true') return true
  if (v === 'false') return false
  throw new Error(`input '${name}' must be true or false (got '${value}')`)
}

/** An https URL: the Azure SDK refuses to send a bearer token over anything else, so say so up front. */
function httpsUrl(name: string, value: string): string | undefined {
  const v = value.trim()
  if (v === '') return undefined
  let url: URL
  try {
    url = new URL(v)
  } catch {
    throw new Error(`input '${name}' must be an https URL (got '${v}')`)
  }
  if (url.protocol !== 'https:') throw new Error(`input '${name}' must be an https URL (got '${v}')`)
  return v.replace(/\/+$/, '')
}

/**
 * The live inputs, validated whether or not `live` is on: a typo in an input that does nothing today
 * would silently do the wrong thing the day someone turns live on.
 */
function readLive(getInput: GetInput, env: NodeJS.ProcessEnv, on: boolean): LiveInputs {
  const subscriptionIds = splitList(getInput('subscription-ids') || env.AZURE_SUBSCRIPTION_ID || '')
  if (on && subscriptionIds.length === 0)
    throw new Error(
      "input 'live' is true but no subscription is named: set 'subscription-ids' or AZURE_SUBSCRIPTION_ID",
    )
  const badSubscription = subscriptionIds.find((id) => !GUID.test(id))
  if (badSubscription !== undefined)
    throw new Error(`input 'subscription-ids': '${badSubscription}' is not a subscription id (a GUID)`)
  const resourceGroups = splitList(getInput('resource-groups'))
  const budgetInput = getInput('live-time-budget').trim() || '300'
  const budget = Number(budgetInput)
  if (!Number.isFinite(budget) || budget <= 0)
    throw new Error(`input 'live-time-budget' must be a positive number of seconds (got '${budgetInput}')`)
  const clientId = getInput('azure-client-id').trim()
  const tenantId = getInput('azure-tenant-id').trim()
  const armEndpoint = httpsUrl('arm-endpoint', getInput('arm-endpoint'))
  const authorityHost = httpsUrl('authority-host', getInput('authority-host'))
  return {
    subscriptionIds,
    ...(resourceGroups.length > 0 ? { resourceGroups } : {}),
    ...(clientId ? { clientId } : {}),
    ...(tenantId ? { tenantId } : {}),
    ...(armEndpoint ? { armEndpoint } : {}),
    ...(authorityHost ? { authorityHost } : {}),
    effectiveRoutes: parseBoolean('effective-routes', getInput('effective-routes'), false),
    timeBudgetMs: Math.round(budget * 1000),
    failOnDeployed: parseBoolean('fail-on-deployed', getInput('fail-on-deployed'), false),
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function readActionInputs(getInput: GetInput, ctx: InputContext): ActionInputs {
  const { workspace } = ctx
  const env = ctx.env ?? process.env
  const cloudInput = getInput('cloud') || 'auto'
  const cloud = parseCloud(cloudInput)
  if (!cloud) throw new Error(`input 'cloud' must be one of auto, ${CLOUDS.join(', ')} (got '${cloudInput}')`)
  const failOnInput = getInput('fail-on') || 'error'
  const failOn = parseFailOn(failOnInput)
  if (!failOn)
    throw new Error(`input 'fail-on' must be one of ${FAIL_ON_LEVELS.join(', ')} (got '${failOnInput}')`)
  const scopeInput = getInput('scope')
  const scope = parseScope(scopeInput, ctx.pullRequest)
  if (!scope) throw new Error(`input 'scope' must be one of ${SCOPES.join(', ')} (got '${scopeInput}')`)
  const whenCleanInput = getInput('comment-when-clean')
  const commentWhenClean = parseWhenClean(whenCleanInput)
  if (!commentWhenClean)
    throw new Error(
      `input 'comment-when-clean' must be one of update, always, delete (got '${whenCleanInput}')`,
    )

  const configInput = getInput('config-file').trim()
  const configFile = path.resolve(workspace, configInput || CONFIG_FILE)
  // The default file is optional; a file the user names must exist, or its policy would silently not apply.
  if (configInput && !fs.existsSync(configFile))
    throw new Error(`input 'config-file': ${configInput} not found`)

  const inputs: ActionInputs = {
    path: path.resolve(workspace, getInput('path') || '.'),
    cloud,
    varFiles: splitList(getInput('var-files')).map((f) => path.resolve(workspace, f)),
    failOn,
    failOnUnknown: parseBoolean('fail-on-unknown', getInput('fail-on-unknown'), false),
    sarifFile: getInput('sarif-file'),
    reportFile: getInput('report-file'),
    scope,
    token: getInput('github-token').trim(),
    comment: parseBoolean('comment', getInput('comment'), ctx.pullRequest),
    commentWhenClean,
    planFiles: splitList(getInput('terraform-plan')).map((f) => path.resolve(workspace, f)),
    configFile,
    configExplicit: configInput !== '',
  }
  // Read and checked even when downloads are off, so a typo is reported whatever the switch says.
  const cache = getInput('module-cache').trim()
  let registries: Map<string, string>
  try {
    registries = parseRegistries(splitList(getInput('module-registries')))
  } catch (e) {
    throw new Error(`input 'module-registries': ${(e as Error).message}`, { cause: e })
  }
  if (parseBoolean('download-modules', getInput('download-modules'), false)) {
    inputs.downloadModules = {
      registries,
      env,
      ...(cache ? { cacheDir: path.resolve(workspace, cache) } : {}),
    }
  }
  const baselineInput = getInput('baseline').trim()
  if (baselineInput) {
    const file = path.resolve(workspace, baselineInput)
    if (!fs.existsSync(file)) throw new Error(`input 'baseline': ${baselineInput} not found`)
    try {
      inputs.baseline = readBaseline(file)
    } catch (error) {
      throw new Error(`input 'baseline': ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      })
    }
  }
  const cacheDir = getInput('cache-dir').trim()
  if (cacheDir) inputs.cacheDir = path.resolve(workspace, cacheDir)
  const liveOn = parseBoolean('live', getInput('live'), false)
  const live = readLive(getInput, env, liveOn)
  if (liveOn) inputs.live = live
  return inputs
}
