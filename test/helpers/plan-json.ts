/**
 * The JSON `terraform show -json plan.out` prints for a plan that creates some resources, built from their
 * planned values and the references their configuration makes: resource ids are "known after apply", and
 * the configuration section says which resource each reference names (as Terraform writes it).
 */
const AZURERM = 'registry.terraform.io/hashicorp/azurerm'

export interface Planned {
  type: string
  name: string
  /** Known planned values. */
  values: Record<string, unknown>
  /**
   * Attribute → the reference its configuration expression makes (`azurerm_virtual_hub.weu.id`), or for a
   * list attribute (`network_group_ids = [a.id, b.id]`) the references of its elements.
   */
  refs?: Record<string, string | string[]>
  /** Nested block attribute → reference, as `block.attr` (one block, index 0). */
  blockRefs?: Record<string, string>
  /** `depends_on`: the addresses it names (`azurerm_network_manager_deployment.kms`). */
  dependsOn?: string[]
}

const refExpr = (ref: string) => ({ references: [ref, ref.replace(/\.[^.]+$/, '')] })

/** `variables`: the root module's input variables the plan was made with (plan JSON `variables`). */
export function planJson(resources: Planned[], variables?: Record<string, unknown>): string {
  const resourceChanges = resources.map((r) => {
    const afterUnknown: Record<string, unknown> = { id: true }
    for (const [a, ref] of Object.entries(r.refs ?? {}))
      afterUnknown[a] = Array.isArray(ref) ? ref.map(() => true) : true
    for (const k of Object.keys(r.blockRefs ?? {})) {
      const [block, a] = k.split('.')
      afterUnknown[block] = [{ ...((afterUnknown[block] as object[] | undefined)?.[0] ?? {}), [a]: true }]
    }
    return {
      address: `${r.type}.${r.name}`,
      mode: 'managed',
      type: r.type,
      name: r.name,
      provider_name: AZURERM,
      change: {
        actions: ['create'],
        before: null,
        after: r.values,
        after_unknown: afterUnknown,
        before_sensitive: false,
        after_sensitive: {},
      },
    }
  })
  const configResources = resources.map((r) => {
    const expressions: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(r.values))
      if (typeof v !== 'object' || v === null) expressions[k] = { constant_value: v }
    for (const [a, ref] of Object.entries(r.refs ?? {}))
      expressions[a] = Array.isArray(ref)
        ? { references: ref.flatMap((x) => refExpr(x).references) }
        : refExpr(ref)
    for (const [k, ref] of Object.entries(r.blockRefs ?? {})) {
      const [block, a] = k.split('.')
      const list = (expressions[block] as Record<string, unknown>[] | undefined) ?? [{}]
      list[0][a] = refExpr(ref)
      expressions[block] = list
    }
    return {
      address: `${r.type}.${r.name}`,
      mode: 'managed',
      type: r.type,
      name: r.name,
      provider_config_key: 'azurerm',
      expressions,
      schema_version: 0,
      ...(r.dependsOn ? { depends_on: r.dependsOn } : {}),
    }
  })
  return JSON.stringify(
    {
      format_version: '1.2',
      terraform_version: '1.9.8',
      ...(variables
        ? { variables: Object.fromEntries(Object.entries(variables).map(([k, value]) => [k, { value }])) }
        : {}),
      planned_values: {
        root_module: {
          resources: resources.map((r) => ({
            address: `${r.type}.${r.name}`,
            mode: 'managed',
            type: r.type,
            name: r.name,
            provider_name: AZURERM,
            schema_version: 0,
            values: r.values,
            sensitive_values: {},
          })),
        },
      },
      resource_changes: resourceChanges,
      configuration: {
        provider_config: { azurerm: { name: 'azurerm', full_name: AZURERM } },
        root_module: { resources: configResources },
      },
    },
    null,
    2,
  )
}
