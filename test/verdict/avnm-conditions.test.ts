/**
 * Virtual Network Manager commits the scan cannot be sure of. A deployment script behind a condition the
 * scan cannot evaluate (Bicep `if`, ARM `condition`, the same on a module or nested deployment around
 * it; Terraform `count = var.x ? 1 : 0`) may or may not commit: an AlwaysAllow security admin rule it
 * commits may or may not overrule the spoke NSG's deny, so the subnet is undecided, named, never
 * "reachable". Two scripts committing the same commit type to the same region: the later replaces the
 * earlier (a commit sets the region's whole set of configurations of that type); where the order is not
 * in the sources the region is undecided.
 */
import { scan } from '../../src/pipeline/scan'
import { tfNetworkManager, TF_APP_INTERNET_WITH_NSG } from '../helpers/hcl-network'
import { planJson, type Planned } from '../helpers/plan-json'
import { tree as treeOn } from '../helpers/tree'

const tree = (files: Record<string, string>) => treeOn(files, 'kms-avnm-cond-')

const app = async (files: Record<string, string>) => {
  const result = await scan({ path: tree(files), cloud: 'AzureCloud', varFiles: [], workers: false })
  return { ...result, app: result.verdict.subnets.find((s) => s.subnet === 'snet-app')! }
}

/**
 * A spoke whose NSG denies outbound 1688 (a route table with its own 0.0.0.0/0 makes the deny count), and a
 * network manager whose security admin configuration `sac-name` AlwaysAllows KMS for the spoke group.
 */
const SPOKE = `param location string = 'westeurope'

resource nsgApp 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'nsg-app'
  location: location
  properties: {
    securityRules: [
      {
        name: 'deny-kms'
        properties: {
          priority: 100
          direction: 'Outbound'
          access: 'Deny'
          protocol: 'Tcp'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: 'Internet'
          destinationPortRange: '1688'
        }
      }
    ]
  }
}

resource rtApp 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'rt-app'
  location: location
  properties: {
    disableBgpRoutePropagation: true
    routes: [
      {
        name: 'default'
        properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' }
      }
    ]
  }
}

resource vnetSpoke 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [
      {
        name: 'snet-app'
        properties: {
          addressPrefix: '10.1.1.0/24'
          networkSecurityGroup: { id: nsgApp.id }
          routeTable: { id: rtApp.id }
        }
      }
    ]
  }
}

resource networkManager 'Microsoft.Network/networkManagers@2024-05-01' = {
  name: 'avnm-corp'
  location: location
  properties: {
    networkManagerScopes: { subscriptions: ['/subscriptions/\${subscription().subscriptionId}'] }
    networkManagerScopeAccesses: ['SecurityAdmin']
  }
}

resource spokes 'Microsoft.Network/networkManagers/networkGroups@2024-05-01' = {
  parent: networkManager
  name: 'ng-spokes'
  properties: {}
}

resource spokeMember 'Microsoft.Network/networkManagers/networkGroups/staticMembers@2024-05-01' = {
  parent: spokes
  name: 'sm-vnet-spoke'
  properties: { resourceId: vnetSpoke.id }
}
`

const ADMIN_CONFIG = (symbol: string, name: string, access: string, priority = 10) => `
resource ${symbol} 'Microsoft.Network/networkManagers/securityAdminConfigurations@2024-05-01' = {
  parent: networkManager
  name: '${name}'
  properties: {}
}

resource ${symbol}Rules 'Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections@2024-05-01' = {
  parent: ${symbol}
  name: 'rc-kms'
  properties: { appliesToGroups: [ { networkGroupId: spokes.id } ] }
}

resource ${symbol}Kms 'Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections/rules@2024-05-01' = {
  parent: ${symbol}Rules
  name: 'kms-${access.toLowerCase()}'
  kind: 'Custom'
  properties: {
    access: '${access}'
    direction: 'Outbound'
    priority: ${priority}
    protocol: 'Tcp'
    sources: [ { addressPrefixType: 'IPPrefix', addressPrefix: '*' } ]
    destinations: [
      { addressPrefixType: 'IPPrefix', addressPrefix: '20.118.99.224' }
      { addressPrefixType: 'IPPrefix', addressPrefix: '40.83.235.53' }
    ]
    destinationPortRanges: [ '1688' ]
  }
}
`

/** The Azure CLI commit of `configs` (symbols) in a deployment script, maybe `if (cond)`, maybe after another. */
const COMMIT = (
  symbol: string,
  name: string,
  configs: string[],
  opts: { cond?: string; dependsOn?: string } = {},
) => `
resource ${symbol} 'Microsoft.Resources/deploymentScripts@2023-08-01' = ${opts.cond ? `if (${opts.cond}) ` : ''}{
  name: '${name}'
  location: location
  kind: 'AzureCLI'
  properties: {
    azCliVersion: '2.61.0'
    retentionInterval: 'PT1H'
    environmentVariables: [
${configs.map((c, i) => `      { name: 'CONFIG_${i}', value: ${c}.id }`).join('\n')}
      { name: 'REGION', value: location }
    ]
    scriptContent: '''
      az network manager post-commit --network-manager-name avnm-corp --resource-group "$RG" \\
        --commit-type SecurityAdmin --configuration-ids ${configs.map((_, i) => `"$CONFIG_${i}"`).join(' ')} \\
        --target-locations "$REGION"
    '''
  }${opts.dependsOn ? `\n  dependsOn: [ ${opts.dependsOn} ]` : ''}
}
`

/**
 * The landing-zone shape: a baseline configuration committed always, and the KMS exception (AlwaysAllow)
 * committed with it only where `deployCommit` says so (the second commit replaces the first's set).
 */
const estate = (param: string, cond = 'deployCommit') =>
  `${param}\n${SPOKE}${ADMIN_CONFIG('sacBaseline', 'sac-baseline', 'Allow', 20)}${ADMIN_CONFIG('sacKms', 'sac-kms', 'AlwaysAllow')}` +
  COMMIT('commitBaseline', 'ds-commit-baseline', ['sacBaseline']) +
  COMMIT('commitKms', 'ds-commit-kms', ['sacBaseline', 'sacKms'], { cond, dependsOn: 'commitBaseline' })

describe('a commit behind a condition the scan cannot evaluate', () => {
  test('Bicep `if (deployCommit)`, deployCommit without a value: undecided, naming the script, the condition and what resolves it', async () => {
    const { app: v } = await app({ 'main.bicep': estate('param deployCommit bool') })
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /deployment script ds-commit-kms may not be deployed: its condition deployCommit cannot be evaluated \(parameter deployCommit has no value/,
    )
    expect(v.why).toMatch(/a parameter default, a parameters file/)
    expect(v.resolve).toMatch(/a parameter default, a parameters file or \.bicepparam, a var file/)
  })

  test('known true: the AlwaysAllow decides (reachable)', async () => {
    const { app: v } = await app({ 'main.bicep': estate('param deployCommit bool = true') })
    expect(v.state).toBe('reachable')
  })

  test('known false: only the baseline is committed, the NSG deny decides', async () => {
    const { app: v } = await app({ 'main.bicep': estate('param deployCommit bool = false') })
    expect(v.state).toBe('blocked')
    expect(v.hop).toContain('NSG nsg-app: rule deny-kms denies')
  })

  test('a module holding the script, deployed `if (…)`: its script is conditional too', async () => {
    const moduleFile =
      'param location string\nparam baselineId string\nparam kmsId string\n' +
      COMMIT('commitKms', 'ds-commit-kms', ['baseline', 'kms']).replace(/(baseline|kms)\.id/g, '$1Id')
    const main = (param: string) =>
      `${param}\n${SPOKE}${ADMIN_CONFIG('sacBaseline', 'sac-baseline', 'Allow', 20)}${ADMIN_CONFIG('sacKms', 'sac-kms', 'AlwaysAllow')}` +
      COMMIT('commitBaseline', 'ds-commit-baseline', ['sacBaseline']) +
      `
module commitModule 'commit.bicep' = if (deployCommit) {
  name: 'avnm-commit-kms'
  params: { location: location, baselineId: sacBaseline.id, kmsId: sacKms.id }
  dependsOn: [ commitBaseline ]
}
`
    const unknownCond = await app({
      'main.bicep': main('param deployCommit bool'),
      'commit.bicep': moduleFile,
    })
    expect(unknownCond.app.state).toBe('undecided')
    expect(unknownCond.app.why).toMatch(
      /deployment script ds-commit-kms may not be deployed: its condition deployCommit cannot be evaluated/,
    )
    const off = await app({
      'main.bicep': main('param deployCommit bool = false'),
      'commit.bicep': moduleFile,
    })
    expect(off.app.state).toBe('blocked')
  })
})

/** The same estate as an ARM template (as `bicep build` writes it), the commit script with a `condition`. */
const rid = (type: string, ...names: string[]) =>
  `[resourceId('${type}', ${names.map((n) => `'${n}'`).join(', ')})]`
const NM = 'Microsoft.Network/networkManagers'

const armSpoke = [
  {
    type: 'Microsoft.Network/networkSecurityGroups',
    apiVersion: '2023-09-01',
    name: 'nsg-app',
    location: "[parameters('location')]",
    properties: {
      securityRules: [
        {
          name: 'deny-kms',
          properties: {
            priority: 100,
            direction: 'Outbound',
            access: 'Deny',
            protocol: 'Tcp',
            sourceAddressPrefix: '*',
            sourcePortRange: '*',
            destinationAddressPrefix: 'Internet',
            destinationPortRange: '1688',
          },
        },
      ],
    },
  },
  {
    type: 'Microsoft.Network/routeTables',
    apiVersion: '2023-09-01',
    name: 'rt-app',
    location: "[parameters('location')]",
    properties: {
      disableBgpRoutePropagation: true,
      routes: [{ name: 'default', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' } }],
    },
  },
  {
    type: 'Microsoft.Network/virtualNetworks',
    apiVersion: '2023-09-01',
    name: 'vnet-spoke',
    location: "[parameters('location')]",
    properties: {
      addressSpace: { addressPrefixes: ['10.1.0.0/16'] },
      subnets: [
        {
          name: 'snet-app',
          properties: {
            addressPrefix: '10.1.1.0/24',
            networkSecurityGroup: { id: rid('Microsoft.Network/networkSecurityGroups', 'nsg-app') },
            routeTable: { id: rid('Microsoft.Network/routeTables', 'rt-app') },
          },
        },
      ],
    },
  },
  {
    type: NM,
    apiVersion: '2024-05-01',
    name: 'avnm-corp',
    location: "[parameters('location')]",
    properties: {
      networkManagerScopes: { subscriptions: ['[subscription().id]'] },
      networkManagerScopeAccesses: ['SecurityAdmin'],
    },
  },
  { type: `${NM}/networkGroups`, apiVersion: '2024-05-01', name: 'avnm-corp/ng-spokes', properties: {} },
  {
    type: `${NM}/networkGroups/staticMembers`,
    apiVersion: '2024-05-01',
    name: 'avnm-corp/ng-spokes/sm-vnet-spoke',
    properties: { resourceId: rid('Microsoft.Network/virtualNetworks', 'vnet-spoke') },
  },
  {
    type: `${NM}/securityAdminConfigurations`,
    apiVersion: '2024-05-01',
    name: 'avnm-corp/sac-kms',
    properties: {},
  },
  {
    type: `${NM}/securityAdminConfigurations/ruleCollections`,
    apiVersion: '2024-05-01',
    name: 'avnm-corp/sac-kms/rc-kms',
    properties: {
      appliesToGroups: [{ networkGroupId: rid(`${NM}/networkGroups`, 'avnm-corp', 'ng-spokes') }],
    },
  },
  {
    type: `${NM}/securityAdminConfigurations/ruleCollections/rules`,
    apiVersion: '2024-05-01',
    name: 'avnm-corp/sac-kms/rc-kms/kms-alwaysallow',
    kind: 'Custom',
    properties: {
      access: 'AlwaysAllow',
      direction: 'Outbound',
      priority: 10,
      protocol: 'Tcp',
      sources: [{ addressPrefixType: 'IPPrefix', addressPrefix: '*' }],
      destinations: [
        { addressPrefixType: 'IPPrefix', addressPrefix: '20.118.99.224' },
        { addressPrefixType: 'IPPrefix', addressPrefix: '40.83.235.53' },
      ],
      destinationPortRanges: ['1688'],
    },
  },
]

const armScript = (condition?: string) => ({
  type: 'Microsoft.Resources/deploymentScripts',
  apiVersion: '2023-08-01',
  name: 'ds-commit-kms',
  location: "[parameters('location')]",
  kind: 'AzurePowerShell',
  ...(condition ? { condition } : {}),
  properties: {
    azPowerShellVersion: '11.0',
    retentionInterval: 'PT1H',
    arguments: `[format('-configIds {0} -targetLocations {1}', ${rid(`${NM}/securityAdminConfigurations`, 'avnm-corp', 'sac-kms').slice(1, -1)}, parameters('location'))]`,
    scriptContent:
      'param($configIds, $targetLocations)\nDeploy-AzNetworkManagerCommit -ResourceGroupName $env:RG -Name avnm-corp -ConfigurationId $configIds -TargetLocation $targetLocations -CommitType SecurityAdmin',
  },
})

const armTemplate = (deployCommit: object, resources: object[]) =>
  JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: {
        location: { type: 'string', defaultValue: 'westeurope' },
        deployCommit: { type: 'bool', ...deployCommit },
      },
      resources: [...armSpoke, ...resources],
    },
    null,
    2,
  )

describe('ARM: a `condition` on the commit script, or on the nested deployment holding it', () => {
  test("condition [parameters('deployCommit')] without a value: undecided, named", async () => {
    const { app: v } = await app({
      'azuredeploy.json': armTemplate({}, [armScript("[parameters('deployCommit')]")]),
    })
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /deployment script ds-commit-kms may not be deployed: its condition \[parameters\('deployCommit'\)\] cannot be evaluated/,
    )
  })

  test('known true: the AlwaysAllow decides', async () => {
    const { app: v } = await app({
      'azuredeploy.json': armTemplate({ defaultValue: true }, [armScript("[parameters('deployCommit')]")]),
    })
    expect(v.state).toBe('reachable')
  })

  test('a nested deployment whose condition is not known: the script inside it is conditional', async () => {
    const nested = {
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: 'avnm-commit',
      condition: "[parameters('deployCommit')]",
      properties: {
        mode: 'Incremental',
        expressionEvaluationOptions: { scope: 'inner' },
        parameters: { location: { value: "[parameters('location')]" } },
        template: {
          $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
          contentVersion: '1.0.0.0',
          parameters: { location: { type: 'string' } },
          resources: [armScript()],
        },
      },
    }
    const { app: v } = await app({ 'azuredeploy.json': armTemplate({}, [nested]) })
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(/ds-commit-kms may not be deployed: its condition \[parameters\('deployCommit'\)\]/)
    const on = await app({ 'azuredeploy.json': armTemplate({ defaultValue: true }, [nested]) })
    expect(on.app.state).toBe('reachable')
  })
})

/** Terraform: security admin configuration `name` whose one rule `action`s TCP 1688 to KMS for the spoke group. */
const tfAdminConfig = (key: string, name: string, action: string, priority: number) => `
resource "azurerm_network_manager_security_admin_configuration" "${key}" {
  name               = "${name}"
  network_manager_id = azurerm_network_manager.corp.id
}

resource "azurerm_network_manager_admin_rule_collection" "${key}" {
  name                            = "rc-${key}"
  security_admin_configuration_id = azurerm_network_manager_security_admin_configuration.${key}.id
  network_group_ids               = [azurerm_network_manager_network_group.spokes.id]
}

resource "azurerm_network_manager_admin_rule" "${key}" {
  name                     = "kms-${action.toLowerCase()}"
  admin_rule_collection_id = azurerm_network_manager_admin_rule_collection.${key}.id
  action                   = "${action}"
  direction                = "Outbound"
  priority                 = ${priority}
  protocol                 = "Tcp"
  destination_port_ranges  = ["1688"]

  destination {
    address_prefix_type = "IPPrefix"
    address_prefix      = "20.118.99.224"
  }

  destination {
    address_prefix_type = "IPPrefix"
    address_prefix      = "40.83.235.53"
  }
}
`

/** Terraform: a SecurityAdmin commit of `config` to westeurope; `meta` adds count/for_each/depends_on lines. */
const tfDeployment = (key: string, config: string, meta = '') => `
resource "azurerm_network_manager_deployment" "${key}" {${meta ? `\n  ${meta}` : ''}
  network_manager_id = azurerm_network_manager.corp.id
  location           = "westeurope"
  scope_access       = "SecurityAdmin"
  configuration_ids  = [azurerm_network_manager_security_admin_configuration.${config}.id]
}
`

/** Terraform: the spoke's NSG denies outbound 1688; its own 0.0.0.0/0 → Internet makes the deny count. */
const TF_SPOKE_DENY = `
resource "azurerm_network_security_group" "app" {
  name                = "nsg-app"
  location            = "westeurope"
  resource_group_name = "rg-spoke"

  security_rule {
    name                       = "deny-kms"
    priority                   = 100
    direction                  = "Outbound"
    access                     = "Deny"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "1688"
    source_address_prefix      = "*"
    destination_address_prefix = "Internet"
  }
}

${TF_APP_INTERNET_WITH_NSG}`

/** Terraform: the deployment behind `count = var.commit ? 1 : 0`. */
describe('Terraform: azurerm_network_manager_deployment with a count the scan cannot evaluate', () => {
  const tf = `${tfNetworkManager('SecurityAdmin')}
variable "commit" {
  type = bool
}
${tfAdminConfig('kms', 'sac-kms', 'AlwaysAllow', 10)}${tfDeployment('kms', 'kms', 'count              = var.commit ? 1 : 0')}${TF_SPOKE_DENY}`

  test('var.commit unknown: undecided, naming the deployment and its count', async () => {
    const { app: v } = await app({ 'main.tf': tf })
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /azurerm_network_manager_deployment\.kms\[\*\] may not be deployed: its count or for_each cannot be evaluated/,
    )
  })

  test('var.commit = true: the AlwaysAllow decides; false: nothing commits it, never reachable', async () => {
    const on = await app({ 'main.tf': tf, 'terraform.tfvars': 'commit = true\n' })
    expect(on.app.state).toBe('reachable')
    const off = await app({ 'main.tf': tf, 'terraform.tfvars': 'commit = false\n' })
    expect(off.app.state).not.toBe('reachable')
  })
})

describe('two scripts committing security admin configurations to the same region: the later replaces the earlier', () => {
  const two = (opts: { kmsAfter?: boolean; baselineAfter?: boolean }) =>
    `${SPOKE}${ADMIN_CONFIG('sacBaseline', 'sac-baseline', 'Allow', 20)}${ADMIN_CONFIG('sacKms', 'sac-kms', 'AlwaysAllow')}` +
    COMMIT('commitKms', 'ds-commit-kms', ['sacKms'], opts.kmsAfter ? { dependsOn: 'commitBaseline' } : {}) +
    COMMIT(
      'commitBaseline',
      'ds-commit-baseline',
      ['sacBaseline'],
      opts.baselineAfter ? { dependsOn: 'commitKms' } : {},
    )

  test('no order between them: undecided, naming both scripts and what resolves it', async () => {
    const { app: v } = await app({ 'main.bicep': two({}) })
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /deployment script ds-commit-kms and deployment script ds-commit-baseline commit security admin configurations to westeurope in an order the scan cannot tell .*only deployment script ds-commit-kms includes it; make one depend on the other/,
    )
    expect(v.resolve).toMatch(/make the later commit depend on the other/)
  })

  test('the baseline commit runs after (dependsOn): it replaces the AlwaysAllow, the NSG deny decides', async () => {
    const { app: v } = await app({ 'main.bicep': two({ baselineAfter: true }) })
    expect(v.state).toBe('blocked')
    expect(v.hop).toContain('NSG nsg-app: rule deny-kms denies')
  })

  test('the KMS commit runs after: the AlwaysAllow decides', async () => {
    const { app: v } = await app({ 'main.bicep': two({ kmsAfter: true }) })
    expect(v.state).toBe('reachable')
  })

  test('an implicit dependency (a reference to the other script) orders them as dependsOn does', async () => {
    const implicit = two({}).replace(
      /(resource commitBaseline[\s\S]*?environmentVariables: \[)/,
      "$1\n      { name: 'AFTER', value: commitKms.name }",
    )
    expect(implicit).not.toBe(two({}))
    const { app: v } = await app({ 'main.bicep': implicit })
    expect(v.state).toBe('blocked')
  })

  test('ARM: a dependsOn chain orders them', async () => {
    const script = (name: string, config: string, dependsOn?: string) => ({
      ...armScript(),
      name,
      properties: {
        ...armScript().properties,
        arguments: `[format('-configIds {0} -targetLocations {1}', ${rid(`${NM}/securityAdminConfigurations`, 'avnm-corp', config).slice(1, -1)}, parameters('location'))]`,
      },
      ...(dependsOn ? { dependsOn: [rid('Microsoft.Resources/deploymentScripts', dependsOn)] } : {}),
    })
    const baseline = {
      type: `${NM}/securityAdminConfigurations`,
      apiVersion: '2024-05-01',
      name: 'avnm-corp/sac-baseline',
      properties: {},
    }
    const ordered = await app({
      'azuredeploy.json': armTemplate({}, [
        baseline,
        script('ds-commit-kms', 'sac-kms'),
        script('ds-commit-baseline', 'sac-baseline', 'ds-commit-kms'),
      ]),
    })
    expect(ordered.app.state).toBe('blocked')
    const unordered = await app({
      'azuredeploy.json': armTemplate({}, [
        baseline,
        script('ds-commit-kms', 'sac-kms'),
        script('ds-commit-baseline', 'sac-baseline'),
      ]),
    })
    expect(unordered.app.state).toBe('undecided')
  })
})

/**
 * Terraform: two azurerm_network_manager_deployment resources commit SecurityAdmin to westeurope, one the
 * AlwaysAllow configuration, the other a baseline that leaves it out. `depends_on` orders them as ARM's
 * dependsOn does: the later one decides.
 */
describe('Terraform: two deployments to the same region, ordered by depends_on', () => {
  const tf = (kmsMeta: string, baselineMeta: string) =>
    `${tfNetworkManager('SecurityAdmin')}${tfAdminConfig('kms', 'sac-kms', 'AlwaysAllow', 10)}${tfAdminConfig('baseline', 'sac-baseline', 'Allow', 20)}` +
    `${tfDeployment('kms', 'kms', kmsMeta)}${tfDeployment('baseline', 'baseline', baselineMeta)}${TF_SPOKE_DENY}`

  test('no order: undecided, naming both deployments', async () => {
    const { app: v } = await app({ 'main.tf': tf('', '') })
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(/in an order the scan cannot tell/)
  })

  test('the baseline depends_on the KMS deployment: it replaces the AlwaysAllow, the NSG deny decides', async () => {
    const { app: v } = await app({
      'main.tf': tf('', 'depends_on         = [azurerm_network_manager_deployment.kms]'),
    })
    expect(v.state).toBe('blocked')
    expect(v.hop).toContain('NSG nsg-app: rule deny-kms denies')
  })

  test('the KMS deployment depends_on the baseline: the AlwaysAllow decides', async () => {
    const { app: v } = await app({
      'main.tf': tf('depends_on         = [azurerm_network_manager_deployment.baseline]', ''),
    })
    expect(v.state).toBe('reachable')
  })

  test('depends_on names a deployment with for_each: it covers every instance', async () => {
    const kms = 'for_each           = toset(["westeurope"])'
    const { app: v } = await app({
      'main.tf': tf(kms, 'depends_on         = [azurerm_network_manager_deployment.kms]'),
    })
    expect(v.state).toBe('blocked')
  })

  test('depends_on a module holding the other deployment orders them too', async () => {
    const files = {
      'main.tf':
        `${tfNetworkManager('SecurityAdmin')}${tfAdminConfig('kms', 'sac-kms', 'AlwaysAllow', 10)}${tfAdminConfig('baseline', 'sac-baseline', 'Allow', 20)}` +
        `
module "commit_kms" {
  source             = "./modules/commit"
  network_manager_id = azurerm_network_manager.corp.id
  configuration_id   = azurerm_network_manager_security_admin_configuration.kms.id
}
${tfDeployment('baseline', 'baseline', 'depends_on         = [module.commit_kms]')}${TF_SPOKE_DENY}`,
      'modules/commit/main.tf': `
variable "network_manager_id" {
  type = string
}

variable "configuration_id" {
  type = string
}

resource "azurerm_network_manager_deployment" "this" {
  network_manager_id = var.network_manager_id
  location           = "westeurope"
  scope_access       = "SecurityAdmin"
  configuration_ids  = [var.configuration_id]
}
`,
    }
    const { app: v } = await app(files)
    expect(v.state).toBe('blocked')
  })
})

/** The same two deployments in a plan (`terraform show -json`): the configuration's `depends_on` orders them. */
describe('plan JSON: two deployments to the same region, ordered by depends_on', () => {
  const NM_ID = { network_manager_id: 'azurerm_network_manager.corp.id' }
  const config = (key: string, name: string, action: string, priority: number): Planned[] => [
    {
      type: 'azurerm_network_manager_security_admin_configuration',
      name: key,
      values: { name },
      refs: NM_ID,
    },
    {
      type: 'azurerm_network_manager_admin_rule_collection',
      name: key,
      values: { name: `rc-${key}` },
      refs: {
        security_admin_configuration_id: `azurerm_network_manager_security_admin_configuration.${key}.id`,
        network_group_ids: ['azurerm_network_manager_network_group.spokes.id'],
      },
    },
    {
      type: 'azurerm_network_manager_admin_rule',
      name: key,
      values: {
        name: `kms-${action.toLowerCase()}`,
        action,
        direction: 'Outbound',
        priority,
        protocol: 'Tcp',
        destination_port_ranges: ['1688'],
        destination: ['20.118.99.224', '40.83.235.53'].map((a) => ({
          address_prefix_type: 'IPPrefix',
          address_prefix: a,
        })),
      },
      refs: { admin_rule_collection_id: `azurerm_network_manager_admin_rule_collection.${key}.id` },
    },
  ]
  const deployment = (key: string, dependsOn?: string): Planned => ({
    type: 'azurerm_network_manager_deployment',
    name: key,
    values: { location: 'westeurope', scope_access: 'SecurityAdmin' },
    refs: {
      ...NM_ID,
      configuration_ids: [`azurerm_network_manager_security_admin_configuration.${key}.id`],
    },
    ...(dependsOn ? { dependsOn: [`azurerm_network_manager_deployment.${dependsOn}`] } : {}),
  })
  const estate = (kmsAfter?: string, baselineAfter?: string): Planned[] => [
    {
      type: 'azurerm_virtual_network',
      name: 'spoke',
      values: {
        location: 'westeurope',
        name: 'vnet-spoke',
        resource_group_name: 'rg-spoke',
        address_space: ['10.1.0.0/16'],
      },
    },
    {
      type: 'azurerm_subnet',
      name: 'app',
      values: {
        name: 'snet-app',
        resource_group_name: 'rg-spoke',
        virtual_network_name: 'vnet-spoke',
        address_prefixes: ['10.1.1.0/24'],
      },
    },
    {
      type: 'azurerm_network_security_group',
      name: 'app',
      values: {
        location: 'westeurope',
        name: 'nsg-app',
        resource_group_name: 'rg-spoke',
        security_rule: [
          {
            name: 'deny-kms',
            priority: 100,
            direction: 'Outbound',
            access: 'Deny',
            protocol: 'Tcp',
            source_port_range: '*',
            destination_port_range: '1688',
            source_address_prefix: '*',
            destination_address_prefix: 'Internet',
          },
        ],
      },
    },
    {
      type: 'azurerm_route_table',
      name: 'app',
      values: {
        location: 'westeurope',
        name: 'rt-app',
        resource_group_name: 'rg-spoke',
        bgp_route_propagation_enabled: false,
        route: [
          {
            name: 'default',
            address_prefix: '0.0.0.0/0',
            next_hop_type: 'Internet',
            next_hop_in_ip_address: null,
          },
        ],
      },
    },
    {
      type: 'azurerm_subnet_route_table_association',
      name: 'app',
      values: {},
      refs: { subnet_id: 'azurerm_subnet.app.id', route_table_id: 'azurerm_route_table.app.id' },
    },
    {
      type: 'azurerm_subnet_network_security_group_association',
      name: 'app',
      values: {},
      refs: {
        subnet_id: 'azurerm_subnet.app.id',
        network_security_group_id: 'azurerm_network_security_group.app.id',
      },
    },
    {
      type: 'azurerm_network_manager',
      name: 'corp',
      values: {
        location: 'westeurope',
        name: 'avnm-corp',
        resource_group_name: 'rg-avnm',
        scope_accesses: ['SecurityAdmin'],
      },
    },
    {
      type: 'azurerm_network_manager_network_group',
      name: 'spokes',
      values: { name: 'ng-spokes' },
      refs: NM_ID,
    },
    {
      type: 'azurerm_network_manager_static_member',
      name: 'spoke',
      values: { name: 'sm-vnet-spoke' },
      refs: {
        network_group_id: 'azurerm_network_manager_network_group.spokes.id',
        target_virtual_network_id: 'azurerm_virtual_network.spoke.id',
      },
    },
    ...config('kms', 'sac-kms', 'AlwaysAllow', 10),
    ...config('baseline', 'sac-baseline', 'Allow', 20),
    deployment('kms', kmsAfter),
    deployment('baseline', baselineAfter),
  ]
  const plan = async (resources: Planned[]) => (await app({ 'plan.json': planJson(resources) })).app

  test('no order: undecided; the baseline after: blocked by the NSG; the KMS commit after: reachable', async () => {
    expect((await plan(estate())).state).toBe('undecided')
    const baselineLast = await plan(estate(undefined, 'kms'))
    expect(baselineLast.state).toBe('blocked')
    expect(baselineLast.hop).toContain('NSG nsg-app: rule deny-kms denies')
    expect((await plan(estate('baseline'))).state).toBe('reachable')
  })
})
