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
}
