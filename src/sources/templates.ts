/**
 * Bicep and ARM JSON templates → one network model per deployment (template × parameter variant ×
 * cloud). Deployments are mapped one by one: variants of a template declare the same names, and the
 * model links ARM references by type and name, so mapping them together would make every link ambiguous.
 */
import type { CloudName } from '../kms/catalogue'
import type { NetworkModel } from '../model/network'
import { armResourcesToModel, type ArmResourceInput } from './arm-shapes'
import { evaluateArmTemplates, isArmTemplate } from './arm'
import { cloudsInText, evaluateBicep } from './bicep'

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

function toModel(d: {
  resources: ArmResourceInput[]
  diagnostics: NetworkModel['diagnostics']
}): NetworkModel {
  const model = armResourcesToModel(d.resources)
  model.diagnostics.push(...d.diagnostics)
  return model
}

/**
 * For `cloud: auto`: the clouds a template distinguishes through `environment().name`; a template that
 * does not look at its cloud is judged for AzureCloud.
 */
function cloudsFor(files: TemplateFile[], option: CloudName | 'auto'): CloudName[] {
  if (option !== 'auto') return [option]
  const found = new Set<CloudName>()
  for (const f of files) for (const c of cloudsInText(f.text)) found.add(c)
  return found.size > 0 ? [...found] : ['AzureCloud']
}

export async function judgeTemplates(
  bicep: TemplateFile[],
  json: TemplateFile[],
  root: string,
  cloud: CloudName | 'auto',
): Promise<Judgement[]> {
  const out: Judgement[] = []
  const entries = bicep.filter((f) => f.path.endsWith('.bicep'))
  if (entries.length > 0) {
    // ARM parameter files beside a .bicep file are variants of it, so the JSON files go along.
    const deployments = await evaluateBicep([...bicep, ...json], { root, clouds: cloudsFor(bicep, cloud) })
    for (const d of deployments) out.push({ model: toModel(d), cloud: d.cloud, label: d.variant })
  }
  const templates = json.filter((f) => isArmTemplate(f.text))
  if (templates.length > 0) {
    for (const c of cloudsFor(templates, cloud)) {
      for (const d of evaluateArmTemplates(json, { root, cloud: c })) {
        out.push({ model: toModel(d), cloud: c, label: d.variant })
      }
    }
  }
  return out
}
