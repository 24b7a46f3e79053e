/**
 * The Bicep source: Bicep templates, .bicepparam files and ARM parameter files → ARM-shaped resources per
 * deployment, ready for the shared ARM shape mapper (src/sources/mapping/arm-shapes.ts).
 */
export { evaluateBicep, type EvaluateOptions } from './deployments'
export { cloudsHandled, cloudsInText } from './clouds'
export type { BicepDeployment, BicepDiagnostic, BicepResource } from './types'
export type { ArmResourceInput } from '../mapping/arm-shapes'
