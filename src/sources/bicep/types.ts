/**
 * What the Bicep source hands over: ARM-shaped resources (mapped to the model by arm-shapes.ts, shared
 * with ARM templates and azapi) grouped in deployments, one per template × parameter variant × cloud.
 */
import type { CloudName } from '../../kms/catalogue'
import type { Origin } from '../../model/value'
import type { ArmResourceInput } from '../mapping/arm-shapes'
import type { UnreadPart } from '../mapping/may-change'
import type { ParsedFile } from './syntax'

export interface BicepResource extends ArmResourceInput {
  apiVersion?: string
}

export interface BicepDiagnostic {
  ruleId: 'KMS011' | 'KMS012'
  origin: Origin
  message: string
  expression?: string
}

export interface BicepDeployment {
  /** Absolute path of the entry .bicep file. */
  entry: string
  /** The parameter file that makes this variant (`prod.bicepparam`, `main.parameters.prod.json`). */
  variant?: string
  cloud: CloudName
  resources: BicepResource[]
  diagnostics: BicepDiagnostic[]
  /**
   * What the scan does not read (a registry or template spec module, a module file not scanned, a module or
   * resource loop over a collection it cannot see): src/sources/mapping/may-change.ts names what they may
   * change.
   */
  unread: UnreadPart[]
}

/** What one deployment evaluation shares across the entry template and its modules. */
export interface DeploymentContext {
  cloud: CloudName
  /** Parsed .bicep files by absolute path (local modules are looked up here). */
  files: Map<string, ParsedFile>
  /** `<entry relative path>::`, the model id prefix. */
  idPrefix: string
  variant?: string
  resources: BicepResource[]
  diagnostics: BicepDiagnostic[]
  unread: UnreadPart[]
  /** Files whose syntax error was already reported in this deployment. */
  reported: Set<string>
}
