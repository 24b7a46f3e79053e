/**
 * KMS011: a value that decides a verdict could not be resolved statically (a variable without value, a
 * registry module output, an id computed at apply). The scan says so instead of guessing. Also carries
 * the sources' own KMS011 diagnostics.
 */
import { displayName } from '../analysis/lookup'
import { addressesOf, diagnosticFinding, groupBy, listText, makeFinding, subnetsOf, unique } from './findings'
import type { UnresolvedValue } from '../analysis/types'
import { partCause, partLine } from '../model/value'
import type { Finding, Rule } from './types'

export const kms011: Rule = {
  id: 'KMS011',
  title: 'A value that decides KMS reachability could not be resolved',
  severity: 'notice',
  explanation:
    'Where KMS traffic goes depends on a value the scan cannot know before apply: a variable with no value, ' +
    'an output of a module that is not in the repository, an attribute computed by Azure. Rather than guess, ' +
    'the scan names the expression; the verdict for the affected subnets is unknown. A part of a deployment the ' +
    'scan cannot follow (a template linked by URI or template spec, a Bicep registry module, a module loop over ' +
    'a collection it cannot see, a resource whose type or parent cannot be told) may change any route table, ' +
    'NSG or firewall policy of its scope: it is named with its file and line, and those subnets are undecided.',
  fix:
    'Give the value a default or pass the var file with `var-files` (Bicep/ARM: a parameter default, a .bicepparam or parameters file); ' +
    'keep linked templates and modules in the repository (`templateLink.relativePath`, a local Bicep module); or check the effective routes of the subnet by hand.',
  check(ctx) {
    const findings: Finding[] = []
    // Routes learned over BGP are not an unresolved expression: KMS014 names them.
    const unresolved = ctx.analysis.paths.flatMap((p) =>
      p.unknowns.filter((u) => !u.bgp).map((u) => ({ u, p })),
    )
    const byObject = [...groupBy(unresolved, (x) => x.u.object.id).values()]
    // One notice per cause: objects left undecided by the same unresolved inputs share it (--verbose: one
    // each).
    const groups = ctx.verbose
      ? byObject
      : [
          ...groupBy(byObject, (g) =>
            unique(g.map((x) => causeOf(x.u)))
              .sort()
              .join('\u0001'),
          ).values(),
        ].map((gs) => gs.flat())
    for (const group of groups) {
      const { u } = group[0]!
      const paths = unique(group.map((x) => x.p))
      const objects = unique(group.map((x) => displayName(x.u.object)))
      const exprs = unique(
        group.map(
          (x) =>
            `\`${x.u.value.expression}\` (${x.u.attribute}${x.u.value.reason ? `: ${x.u.value.reason}` : ''})`,
        ),
      )
      const subnets = subnetsOf(paths)
      const message =
        `${listText(objects)}: ${listText(exprs)} could not be resolved, and it decides where Azure KMS traffic ` +
        `for ${listText(addressesOf(paths))} goes${subnets.length > 0 ? ` from ${listText(subnets)}` : ''}, so ` +
        `whether Windows VMs can activate is unknown. Give it a value the scan can see (a default, a var file) ` +
        `or check the effective routes by hand.`
      findings.push(
        makeFinding(kms011, ctx, u.object, {
          location: u.value.origin ?? u.object.origin,
          message,
          kmsAddresses: addressesOf(paths),
          path: paths[0]!.text,
          subnets,
        }),
      )
    }
    // A part of a deployment the scan cannot follow is named once at its line: by the findings of the
    // subnets it leaves undecided where there are any, else by its own notice.
    // (A source's notice that names no address, at the part's line, is about that part too: the Bicep
    // source's "registry module … is not evaluated".)
    const named = new Set(unresolved.flatMap((x) => (x.u.value.cause ? [x.u.value.cause] : [])))
    const lines = new Set([...named].map((c) => c.slice(0, c.lastIndexOf('\u0000'))))
    const diagnostics = ctx.model.diagnostics.filter(
      (d) =>
        d.ruleId === 'KMS011' &&
        (ctx.verbose ||
          !(d.address === undefined
            ? lines.has(partLine(d.origin))
            : named.has(partCause(d.origin, d.address)))),
    )
    // The instances of one loop say the same thing about the same line: one notice unless --verbose.
    const sameCause = (d: (typeof diagnostics)[number]) =>
      ctx.verbose
        ? undefined
        : [
            d.origin.file,
            d.origin.startLine,
            d.expression ?? '',
            d.message.replace(/\[[^\]]*\]/g, '[*]'),
          ].join('\u0000')
    const seen = new Map<string, number>()
    diagnostics.forEach((d, i) => {
      const key = sameCause(d) ?? String(i)
      const count = seen.get(key)
      seen.set(key, (count ?? 0) + 1)
      if (count !== undefined) return
      findings.push(
        diagnosticFinding(kms011, ctx, d, d.expression ? `${d.message} (\`${d.expression}\`)` : d.message),
      )
    })
    return findings
  },
}

/** What makes a value unknown: the same expression, for the same reason, in the same file. */
function causeOf(u: UnresolvedValue): string {
  if (u.value.cause !== undefined) return u.value.cause
  return [u.value.origin?.file ?? '', u.value.reason ?? '', u.value.expression].join('\u0000')
}
