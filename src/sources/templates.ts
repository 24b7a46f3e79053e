/**
 * Bicep and ARM JSON templates → one network model per deployment (template × parameter variant ×
 * cloud). Deployments are mapped one by one: variants of a template declare the same names, and the
 * model links ARM references by type and name, so mapping them together would make every link ambiguous.
 */
import type { CloudName } from '../kms/catalogue'
import type { NetworkModel } from '../model/network'
import { JUDGEMENT_ORDER, type Judgement, type TemplateFile, type UnitShare } from './judgement'
import type { ReadBoundary } from './parsing/read-source'
import { evaluateUnit } from './evaluation/budget'
import { watchPhase } from './evaluation/unit-watch'
import * as path from 'node:path'
import { armResourcesToModel, type ArmResourceInput } from './mapping/arm-shapes'
import { layUnfollowedParts, type UnreadPart } from './mapping/may-change'
import type { Origin } from '../model/value'
import { evaluateArmTemplates, isArmTemplate } from './arm'
import { cloudsInText, evaluateBicep } from './bicep'
import { bicepUnits } from './bicep/units'
import type { ScanUnit } from '../pipeline/scan-types'

function toModel(
  d: { resources: ArmResourceInput[]; diagnostics: NetworkModel['diagnostics']; unread?: UnreadPart[] },
  format: 'bicep' | 'arm',
  root: string,
): NetworkModel {
  const at = (o: Origin) => `${path.relative(root, o.file).split(path.sep).join('/')}:${o.startLine}`
  const model = armResourcesToModel(d.resources, (b) =>
    layUnfollowedParts(b, d.resources, d.unread ?? [], format, at),
  )
  // A part named by its own notice (layUnfollowedParts: why, what it may change) is named once at its
  // line: the source's notice there about it ("registry module … is not evaluated", "the instances of this
  // loop cannot be evaluated") says less.
  const line = (o: Origin) => `${o.file}\u0000${o.startLine}`
  const named = new Set((d.unread ?? []).map((u) => line(u.origin)))
  model.diagnostics.push(...d.diagnostics.filter((x) => x.ruleId !== 'KMS011' || !named.has(line(x.origin))))
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

export async function* judgeTemplates(
  bicep: TemplateFile[],
  json: TemplateFile[],
  root: string,
  cloud: CloudName | 'auto',
  boundary?: ReadBoundary,
  selectUnit?: (unit: ScanUnit) => boolean,
  /** Set when several workers share the scan: the deployments this one judges. */
  share?: UnitShare,
): AsyncGenerator<Judgement> {
  const weight = (files: TemplateFile[]): number => files.reduce((n, f) => n + f.text.length, 0)
  if (bicep.some((f) => f.path.endsWith('.bicep') || f.path.endsWith('.bicepparam'))) {
    const clouds = cloudsFor(bicep, cloud)
    const units = bicepUnits(bicep, json)
    const mine = share?.take(units.map(weight)) ?? units.map(() => true)
    for (const [b, unit] of units.entries()) {
      if (!mine[b]) continue
      // One unit, one budget: an overrun or a crash is a finding of this unit, the others go on.
      const entry = unit[0]?.path ?? root
      const files = unit.map((f) => f.path)
      if (selectUnit && !selectUnit({ kind: 'bicep', root: entry, files, varFiles: [] })) continue
      const order = JUDGEMENT_ORDER.bicep + b
      share?.enter(order)
      const run = await evaluateUnit(
        { file: entry, startLine: 1, endLine: 1 },
        `the Bicep deployment ${path.basename(entry)}`,
        () => evaluateBicep(unit, { root, clouds }),
      )
      const subject = run.subject
      for (const d of run.value ?? []) {
        watchPhase('model', subject)
        yield {
          model: toModel(d, 'bicep', root),
          cloud: d.cloud,
          label: d.variant,
          unit: d.entry,
          subject,
          order,
        }
      }
      if (run.problems.length > 0)
        yield {
          model: toModel({ resources: [], diagnostics: run.problems }, 'bicep', root),
          cloud: clouds[0] ?? 'AzureCloud',
          unit: entry,
          subject,
          order,
        }
    }
  }
  const templates = json.filter((f) => isArmTemplate(f.text))
  // ARM deployments are judged by one worker, as one unit of all the JSON.
  if (templates.length > 0 && (share?.take([weight(json)])[0] ?? true)) {
    share?.enter(JUDGEMENT_ORDER.arm)
    let k = 0
    for (const c of cloudsFor(templates, cloud)) {
      for (const d of evaluateArmTemplates(json, { root, cloud: c, ...(boundary ? { boundary } : {}) })) {
        watchPhase('model', d.subject)
        yield {
          model: toModel(d, 'arm', root),
          cloud: c,
          label: d.variant,
          unit: d.entry,
          ...(d.subject ? { subject: d.subject } : {}),
          order: JUDGEMENT_ORDER.arm + k++,
        }
      }
    }
  }
}
