/**
 * One Mermaid flowchart per distinct path KMS traffic takes: the subnets that share it in one group, then
 * the hops in Azure names and addresses, the broken end in red. At most MAX_NODES nodes, so GitHub draws
 * it legibly. Node ids are ours (s0, n0…); every label is escaped data inside quotes, so a name cannot
 * add nodes, edges, click handlers or directives.
 */
import { escapeMermaidLabel } from './escape'
import { hopsText, type PathGroup } from './model'

export const MAX_NODES = 12

const quote = (label: string) => `"${escapeMermaidLabel(label)}"`

export function pathFlowchart(group: PathGroup): string {
  const hops = hopsText(group.hops)
  const lines = ['flowchart LR']
  const room = Math.max(1, MAX_NODES - hops.length - 1)
  const shown = group.subnets.slice(0, group.subnets.length > room ? room - 1 : room)
  const subnetLabel = (s: { name: string; prefix?: string }) => (s.prefix ? `${s.name} ${s.prefix}` : s.name)
  let from: string
  if (group.subnets.length === 1) {
    lines.push(`  n0[${quote(subnetLabel(group.subnets[0]!))}]`)
    from = 'n0'
  } else {
    lines.push(`  subgraph s0[${quote(`${group.subnets.length} subnets`)}]`)
    shown.forEach((s, i) => lines.push(`    n${i}[${quote(subnetLabel(s))}]`))
    const more = group.subnets.length - shown.length
    if (more > 0) lines.push(`    n${shown.length}[${quote(`… and ${more} more`)}]`)
    lines.push('  end')
    from = 's0'
  }
  hops.forEach((label, i) => {
    lines.push(`  ${i === 0 ? from : `h${i - 1}`} --> h${i}[${quote(label)}]`)
  })
  if (group.broken && hops.length > 0) {
    lines.push(`  linkStyle ${hops.length - 1} stroke:#d73a49,stroke-width:3px`)
    lines.push(`  style h${hops.length - 1} fill:#ffebe9,stroke:#d73a49`)
  }
  return ['```mermaid', ...lines, '```'].join('\n')
}
