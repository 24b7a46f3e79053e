/** What every source hands to the scan: one network model and the cloud to judge it under. */
import type { CloudName } from '../kms/catalogue'
import type { NetworkModel } from '../model/network'

export interface TemplateFile {
  path: string
  text: string
}

/** One model judged under one cloud; `label` names the deployment variant in messages. */
export interface Judgement {
  model: NetworkModel
  cloud: CloudName
  label?: string
  /**
   * The deployment unit (absolute): a Terraform root module directory, a plan file, or the entry template
   * of a Bicep/ARM deployment. With `label` it is the scope a finding belongs to (Finding.unit).
   */
  unit?: string
  /**
   * The unit's key in the scan worker's watch (src/sources/evaluation/unit-watch.ts), so its model and
   * analysis are blamed on it if the worker dies there. Unset: the judgement is no one unit's (the deployed
   * network).
   */
  subject?: string
  /**
   * Where the judgement comes in a scan (JUDGEMENT_ORDER: section, then the unit's place in it), so the
   * findings of units judged by several workers are merged in the order one worker would judge them.
   */
  order?: number
}

/** Bases of Judgement.order per section of the scan, in the order the scan judges them. */
export const JUDGEMENT_ORDER = {
  terraform: 0,
  plan: 1e7,
  bicep: 2e7,
  arm: 3e7,
  deployed: 4e7,
} as const

/**
 * Which units this worker judges when several workers share a scan (src/pipeline/shares.ts). Every worker
 * forms the same units in the same order, and each takes its own share of them.
 */
export interface UnitShare {
  /** Of the units (their weights: bytes of source, in scan order), which are this worker's. */
  take(weights: readonly number[]): boolean[]
  /** One worker judges all that follows (plans are matched to units in scan order, across all of them). */
  lead(): void
  /** Told as this worker starts on a unit of its share: what goes wrong from here on is that unit's. */
  enter(order: number): void
}
