/**
 * Where a rule is explained: its heading in docs/rules.md. Apart from the docs generator (rules-doc.ts) so
 * that SARIF output links the docs without bundling the rule examples the generator renders.
 */
/**
 * The anchor of a rule's heading in docs/rules.md (`## KMS001: Title`), for the table of contents and SARIF
 * helpUri.
 */
export function ruleAnchor(rule: { id: string; title: string }): string {
  return `${rule.id.toLowerCase()}-${slug(rule.title)}`
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-')
}
