/**
 * Which clouds a Bicep template tells apart through `environment().name`, for `cloud: auto`: a template
 * that picks KMS addresses with `environment().name == 'AzureUSGovernment' ? [...] : [...]` must be judged
 * for each cloud it names, and for the public cloud its other branch stands for.
 *
 * This reads the text, not the tree, so that it can answer before (and without) an evaluation. It knows
 * the spellings templates use: direct comparisons (optionally through toLower/toUpper), a variable or
 * parameter holding `environment().name`, and an object indexed by it (`kms[environment().name]`).
 */
import { CLOUDS, cloudFromEnvironment, type CloudName } from '../../kms/catalogue'

const ENV = String.raw`(?:(?:az\.|sys\.)?(?:toLower|toUpper)\(\s*)?(?:az\.)?environment\(\)\.name(?:\s*\))?`
const OP = String.raw`(?:==|!=|=~|!~)`
const LIT = String.raw`'([A-Za-z]+)'`

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '')
}

/** Clouds named in one template text (empty when it does not look at environment().name). */
export function cloudsInText(text: string): CloudName[] {
  const src = stripComments(text)
  const found = new Set<CloudName>()
  const subjects = [ENV]
  // var cloud = environment().name / param cloud string = toLower(environment().name)
  for (const m of src.matchAll(new RegExp(String.raw`\b(?:var|param)\s+(\w+)(?:\s+\w+)?\s*=\s*${ENV}`, 'g')))
    subjects.push(String.raw`\b${m[1]}\b`)
  let compared = false
  for (const subject of subjects) {
    const forward = new RegExp(String.raw`${subject}\s*${OP}\s*${LIT}`, 'gi')
    const backward = new RegExp(String.raw`${LIT}\s*${OP}\s*${subject}`, 'gi')
    for (const m of [...src.matchAll(forward), ...src.matchAll(backward)]) {
      const c = cloudFromEnvironment(m[1])
      if (c && /^azure/i.test(m[1])) {
        found.add(c)
        compared = true
      }
    }
    // kmsByCloud[environment().name]: the clouds are the keys written in the template.
    if (new RegExp(String.raw`\[\s*${subject}\s*\]`, 'i').test(src))
      for (const m of src.matchAll(/^\s*'?(Azure[A-Za-z]+)'?\s*:/gm)) {
        const c = cloudFromEnvironment(m[1])
        if (c) found.add(c)
      }
  }
  // The branch not named (`: publicKms`) is the public cloud's.
  if (compared) found.add('AzureCloud')
  return CLOUDS.filter((c) => found.has(c))
}

/** Clouds any of the given Bicep files distinguish. */
export function cloudsHandled(files: { path: string; text: string }[]): CloudName[] {
  const found = new Set<CloudName>()
  for (const f of files)
    if (/\.bicep(param)?$/i.test(f.path)) for (const c of cloudsInText(f.text)) found.add(c)
  return CLOUDS.filter((c) => found.has(c))
}
