/**
 * What the ARM template source hands over: per template and parameter file (a variant), the resources in
 * the format-neutral ARM shape that src/sources/mapping/arm-shapes.ts maps to the network model.
 *
 * Resolve each deployment on its own (`armResourcesToModel(d.resources)` per ArmDeployment, then merge):
 * variants of one template declare the same names, and ARM ids are linked by type and name.
 */
import type { Origin } from '../../model/value'
import type { ArmResourceInput } from '../mapping/arm-shapes'
import type { UnreadPart } from '../mapping/may-change'

export type { ArmResourceInput }

export interface ArmDiagnostic {
  ruleId: 'KMS011' | 'KMS012'
  origin: Origin
  message: string
  expression?: string
}

export interface ArmDeployment {
  /** The template file (the path as given). */
  entry: string
  /** The parameter file's name (`main.parameters.prod.json`); undefined when the template has none. */
  variant?: string
  resources: ArmResourceInput[]
  diagnostics: ArmDiagnostic[]
  /**
   * What the scan does not read (a nested deployment linked by URI or template spec) or cannot place (a
   * resource whose type cannot be evaluated): src/sources/mapping/may-change.ts names what they may change.
   */
  unread: UnreadPart[]
  /** Its links run in a cycle: judged on its own even if another template links it, or nobody would be. */
  cyclic?: boolean
  /** Its key in the scan worker's watch (Judgement.subject). */
  subject?: string
}
