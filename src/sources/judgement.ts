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
}
