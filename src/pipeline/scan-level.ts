/**
 * What the scan's merge (src/pipeline/scan-merge.ts) loads only when it needs it: the rules and the analysis
 * for the files no unit answers for, and portal links for deployed resources.
 */
import { analyze } from '../analysis'
import type { CloudName } from '../kms/catalogue'
import { emptyModel, type SourceDiagnostic } from '../model/network'
import { runRules } from '../rules'
import type { Finding } from '../rules/types'

export { portalLink } from '../sources/azure/clouds'

export function scanLevelFindings(diagnostics: SourceDiagnostic[], cloud: CloudName): Finding[] {
  const model = { ...emptyModel(), diagnostics }
  return runRules({ cloud, model, analysis: analyze(model, cloud) })
}
