/** The bombs and deep nesting of issue 14, as workspaces files: bombs.test.ts and memory.test.ts run them. */
import { badExample } from './helpers'

const N = 10_000
const ARM_HEAD = {
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  contentVersion: '1.0.0.0',
}
const arm = (body: object): string => JSON.stringify({ ...ARM_HEAD, resources: [], ...body }, null, 2)

/**
 * The KMS002 ARM example with the bomb's value as its route's address prefix: what the bomb makes
 * matters to the verdict, so it cannot be skipped as unused.
 */
function armRoute(prefix: string, body: { variables?: object; parameters?: object }): string {
  const text = badExample('KMS002', 'arm')['azuredeploy.json']!.replace('"0.0.0.0/0"', JSON.stringify(prefix))
  const doc = JSON.parse(text) as Record<string, object>
  return JSON.stringify(
    {
      ...doc,
      variables: { ...doc.variables, ...body.variables },
      parameters: { ...doc.parameters, ...body.parameters },
    },
    null,
    2,
  )
}

/** The KMS002 Terraform example with `expr` as its route's address prefix. */
function tfRoute(expr: string): string {
  const text = badExample('KMS002', 'terraform')['main.tf']!
  if (!/"0\.0\.0\.0\/0"/.test(text)) throw new Error('the KMS002 example changed')
  return text.replace('"0.0.0.0/0"', expr)
}

/** 50,000 route tables in one file (about 3 MB, under the 5 MB read limit). */
function manyResources(): string {
  let out = ''
  for (let i = 0; i < 50_000; i++) out += `resource "azurerm_route_table" "r${i}" {\n  name = "r${i}"\n}\n`
  return out
}

/** The KMS002 Bicep example with `x` as its route's address prefix, declared by `decl`. */
function bicepRoute(decl: string): string {
  return `${decl}\n${badExample('KMS002', 'bicep')['main.bicep']!.replace("addressPrefix: '0.0.0.0/0'", 'addressPrefix: x')}`
}
const deep = (open: string, close: string, inner = '0'): string => open.repeat(N) + inner + close.repeat(N)

/** Module fan-out: `count = 100` at each of 7 levels of modules (10^14 instances). */
function fanOut(): Record<string, string> {
  const files: Record<string, string> = {
    'fan/main.tf': 'module "m" {\n  source = "./m1"\n  count  = 100\n}\n',
  }
  for (let i = 1; i <= 7; i++)
    files[`fan/m${i}/main.tf`] =
      i < 7
        ? `module "m" {\n  source = "../m${i + 1}"\n  count  = 100\n}\n`
        : 'resource "azurerm_route_table" "rt" {\n  name                = "rt"\n  location            = "westeurope"\n  resource_group_name = "rg"\n}\n'
  // Nested module directories: m2 lives beside m1, each calling the next.
  const flat: Record<string, string> = {}
  for (const [name, text] of Object.entries(files)) flat[name.replace(/^fan\/m(\d)\//, 'fan/m$1/')] = text
  return Object.fromEntries(
    Object.entries(flat).map(([n, t]) => [
      n.replace(/^fan\/m(\d)\//, 'fan/mods/m$1/'),
      t.replace('./m1', './mods/m1'),
    ]),
  )
}

export interface BombCase {
  name: string
  format: 'terraform' | 'bicep' | 'arm'
  /** The file the finding must be in, or a directory ending in / (a bomb spread over modules). */
  file: string
  files: Record<string, string>
}

export const cases: BombCase[] = [
  // ---- deep nesting, every format ----
  {
    name: 'tf.json nested 10,000 deep',
    format: 'terraform',
    file: 'bomb/main.tf.json',
    files: { 'bomb/main.tf.json': `{"locals": {"x": ${deep('[', ']')}}}` },
  },
  {
    name: 'plan JSON nested 10,000 deep',
    format: 'terraform',
    file: 'bomb/plan.json',
    files: {
      'bomb/plan.json': `{"format_version": "1.2", "planned_values": {"root_module": {"resources": [{"address": "azurerm_route_table.a", "type": "azurerm_route_table", "name": "a", "values": {"x": ${deep('[', ']')}}}]}}, "resource_changes": []}`,
    },
  },
  {
    name: 'ARM JSON nested 10,000 deep',
    format: 'arm',
    file: 'bomb/azuredeploy.json',
    files: {
      'bomb/azuredeploy.json': arm({ variables: { x: 0 } }).replace('"x": 0', `"x": ${deep('[', ']')}`),
    },
  },
  {
    name: 'ARM expression nested 10,000 deep',
    format: 'arm',
    file: 'bomb/azuredeploy.json',
    files: {
      'bomb/azuredeploy.json': armRoute("[variables('x')]", {
        variables: { x: `[${deep('concat(', ')', "'a'")}]` },
      }),
    },
  },
  {
    name: 'HCL expression nested 10,000 deep',
    format: 'terraform',
    file: 'bomb/main.tf',
    files: { 'bomb/main.tf': `locals {\n  x = ${deep('[', ']')}\n}\n` },
  },
  {
    name: 'HCL blocks nested 10,000 deep',
    format: 'terraform',
    file: 'bomb/main.tf',
    files: { 'bomb/main.tf': 'a {\n'.repeat(N) + '}\n'.repeat(N) },
  },
  {
    name: 'Bicep expression nested 10,000 deep',
    format: 'bicep',
    file: 'bomb/main.bicep',
    files: { 'bomb/main.bicep': bicepRoute(`var x = ${deep('[', ']')}`) },
  },
  // ---- ARM bombs ----
  {
    name: 'ARM copy.count 1e9',
    format: 'arm',
    file: 'bomb/azuredeploy.json',
    files: {
      'bomb/azuredeploy.json': arm({
        resources: [
          {
            type: 'Microsoft.Network/routeTables',
            apiVersion: '2023-09-01',
            name: "[concat('rt', copyIndex())]",
            location: 'westeurope',
            copy: { name: 'rts', count: 1_000_000_000 },
          },
        ],
      }),
    },
  },
  {
    name: 'ARM range(0, 1e9)',
    format: 'arm',
    file: 'bomb/azuredeploy.json',
    files: {
      'bomb/azuredeploy.json': armRoute("[string(length(variables('x')))]", {
        variables: { x: '[range(0, 1000000000)]' },
      }),
    },
  },
  {
    name: 'ARM expression doubling',
    format: 'arm',
    file: 'bomb/azuredeploy.json',
    files: {
      'bomb/azuredeploy.json': armRoute("[variables('v48')]", {
        variables: Object.fromEntries([
          ['v0', 'aaaaaaaaaaaaaaaa'],
          ...Array.from({ length: 48 }, (_, i) => [
            `v${i + 1}`,
            `[concat(variables('v${i}'), variables('v${i}'))]`,
          ]),
        ]),
      }),
    },
  },
  {
    name: 'ARM parameter defaults that refer to each other',
    format: 'arm',
    file: 'bomb/azuredeploy.json',
    files: {
      'bomb/azuredeploy.json': armRoute("[parameters('a')]", {
        parameters: {
          a: { type: 'string', defaultValue: "[parameters('b')]" },
          b: { type: 'string', defaultValue: "[parameters('a')]" },
        },
      }),
    },
  },
  // ---- Terraform bombs ----
  {
    name: 'Terraform flatten over nested for of 1e9',
    format: 'terraform',
    file: 'bomb/main.tf',
    files: {
      'bomb/main.tf':
        'locals {\n  x = flatten([for a in range(1000) : [for b in range(1000) : [for c in range(1000) : "${a}-${b}-${c}"]]])\n}\n\nresource "azurerm_route_table" "rt" {\n  name                = "rt-${length(local.x)}"\n  location            = "westeurope"\n  resource_group_name = "rg"\n}\n',
    },
  },
  {
    name: 'Terraform string doubling',
    format: 'terraform',
    file: 'bomb/main.tf',
    files: {
      'bomb/main.tf':
        'locals {\n  s0 = "aaaaaaaaaaaaaaaa"\n' +
        Array.from({ length: 48 }, (_, i) => `  s${i + 1} = "\${local.s${i}}\${local.s${i}}"\n`).join('') +
        '}\n\nresource "azurerm_route_table" "rt" {\n  name                = local.s48\n  location            = "westeurope"\n  resource_group_name = "rg"\n}\n',
    },
  },
  {
    name: 'Terraform module fan-out count = 100 over 7 levels',
    format: 'terraform',
    file: 'fan/',
    files: fanOut(),
  },
  {
    name: 'Terraform regex with catastrophic backtracking',
    format: 'terraform',
    file: 'bomb/main.tf',
    files: { 'bomb/main.tf': tfRoute(`regex("^(a+)+$", "${'a'.repeat(5000)}b")`) },
  },
  {
    name: 'Terraform 50,000 resources in one file',
    format: 'terraform',
    file: 'bomb/main.tf',
    files: { 'bomb/main.tf': manyResources() },
  },
  // ---- Bicep bombs ----
  {
    name: 'Bicep nested for over 1e9 combinations',
    format: 'bicep',
    file: 'bomb/main.bicep',
    files: {
      'bomb/main.bicep': bicepRoute(
        'var x = string(length(flatten([for a in range(0, 1000): flatten([for b in range(0, 1000): [for c in range(0, 1000): c]])])))',
      ),
    },
  },
]
