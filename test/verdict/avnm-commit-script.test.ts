/**
 * Virtual Network Manager configurations committed by a deployment script, as Bicep templates do it (the
 * commit is a POST action no resource can make): `Deploy-AzNetworkManagerCommit` (AzurePowerShell) or
 * `az network manager post-commit` (AzureCLI) with the configuration ids, commit type and regions passed as
 * script arguments or environment variables. A committed managed forced tunnel is judged like a UDR in the
 * committed regions; a VNet in another region does not get it; what the script computes stays undecided,
 * named.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { scan } from '../../src/pipeline/scan'

function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-avnm-commit-')))
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), text)
  }
  return dir
}

const app = async (files: Record<string, string>) => {
  const result = await scan({ path: tree(files), cloud: 'AzureCloud', varFiles: [], workers: false })
  return { ...result, app: result.verdict.subnets.find((s) => s.subnet === 'snet-app')! }
}

/** A spoke VNet, a network manager whose routing configuration sends the spokes' 0.0.0.0/0 on-premises. */
const ESTATE = `@description('Region of every resource, and the region the configuration is committed to.')
param location string = 'westeurope'

resource vnetSpoke 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [
      {
        name: 'snet-app'
        properties: { addressPrefix: '10.1.1.0/24' }
      }
    ]
  }
}

resource networkManager 'Microsoft.Network/networkManagers@2024-05-01' = {
  name: 'avnm-corp'
  location: location
  properties: {
    networkManagerScopes: { subscriptions: ['/subscriptions/\${subscription().subscriptionId}'] }
    networkManagerScopeAccesses: ['Routing']
  }
}

resource spokes 'Microsoft.Network/networkManagers/networkGroups@2024-05-01' = {
  parent: networkManager
  name: 'ng-spokes'
  properties: { description: 'Spoke VNets' }
}

resource spokeMember 'Microsoft.Network/networkManagers/networkGroups/staticMembers@2024-05-01' = {
  parent: spokes
  name: 'sm-vnet-spoke'
  properties: { resourceId: vnetSpoke.id }
}

resource routing 'Microsoft.Network/networkManagers/routingConfigurations@2024-05-01' = {
  parent: networkManager
  name: 'rc-spokes'
  properties: { description: 'Forced tunnel for spokes' }
}

resource collection 'Microsoft.Network/networkManagers/routingConfigurations/ruleCollections@2024-05-01' = {
  parent: routing
  name: 'rrc-spokes'
  properties: {
    appliesTo: [ { networkGroupId: spokes.id } ]
    disableBgpRoutePropagation: 'True'
  }
}

resource forcedTunnel 'Microsoft.Network/networkManagers/routingConfigurations/ruleCollections/rules@2024-05-01' = {
  parent: collection
  name: 'forced-tunnel'
  properties: {
    destination: { type: 'AddressPrefix', destinationAddress: '0.0.0.0/0' }
    nextHop: { nextHopType: 'VirtualNetworkGateway' }
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-avnm-commit'
  location: location
}

`

/** The quickstart's PowerShell commit: ids, regions and commit type come in as script arguments. */
const PS_COMMIT = (args: string) =>
  `resource commit 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'ds-avnm-commit-routing'
  location: location
  kind: 'AzurePowerShell'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '\${identity.id}': {} }
  }
  properties: {
    azPowerShellVersion: '11.0'
    retentionInterval: 'PT1H'
    timeout: 'PT1H'
    arguments: 'ARGUMENTS'
    scriptContent: '''
    param (
      # AVNM subscription id
      [parameter(mandatory=$true)][string]$subscriptionId,
      [parameter(mandatory=$true)][string]$networkManagerName,
      [parameter(mandatory=$true)][string[]]$configIds,
      [parameter(mandatory=$true)][string[]]$targetLocations,
      [parameter(mandatory=$true)][ValidateSet('Connectivity','SecurityAdmin','Routing')][string]$configType,
      [parameter(mandatory=$true)][string]$resourceGroupName
    )

    $null = Login-AzAccount -Identity -Subscription $subscriptionId

    [System.Collections.Generic.List[string]]$configIdList = @()
    $configIdList.addRange($configIds)
    [System.Collections.Generic.List[string]]$target = @()
    $target.addRange($targetLocations)

    $deployment = @{
        Name = $networkManagerName
        ResourceGroupName = $resourceGroupName
        ConfigurationId = $configIdList
        TargetLocation = $target
        CommitType = $configType
    }

    try {
      Deploy-AzNetworkManagerCommit @deployment -ErrorAction Stop
    }
    catch {
      Write-Error "Deployment failed with error: $_"
      exit 1
    }
    '''
  }
}
`.replace('ARGUMENTS', args)

const PS_ARGS =
  '-networkManagerName "${networkManager.name}" -targetLocations ${location} -configIds ${routing.id} ' +
  '-subscriptionId ${subscription().subscriptionId} -configType Routing -resourceGroupName ${resourceGroup().name}'

test('a routing configuration committed by the quickstart-style PowerShell deployment script: forced tunnel, KMS001', async () => {
  const { app: v, findings } = await app({ 'main.bicep': ESTATE + PS_COMMIT(PS_ARGS) })
  expect(v.state).toBe('blocked')
  expect(v.hop).toMatch(/managed route forced-tunnel 0\.0\.0\.0\/0 → VirtualNetworkGateway/)
  expect(findings.find((f) => f.ruleId === 'KMS001')?.resource).toBe('forcedTunnel')
  expect(v.path).toContain('Virtual Network Manager routing configuration rc-spokes')
})

test('negative control: without the deployment script the configuration stays undecided, named', async () => {
  const { app: v } = await app({ 'main.bicep': ESTATE })
  expect(v.state).toBe('undecided')
  expect(v.why).toMatch(/no commit of this configuration/)
})

test('a VNet in a region the script does not commit to does not get the configuration: reachable', async () => {
  const args = PS_ARGS.replace('-targetLocations ${location}', '-targetLocations "North Europe"')
  const { app: v, findings } = await app({ 'main.bicep': ESTATE + PS_COMMIT(args) })
  expect(v.state).toBe('reachable')
  expect(findings.filter((f) => f.ruleId === 'KMS001')).toEqual([])
})

test('region names are compared as Azure does: "West Europe" is westeurope', async () => {
  const args = PS_ARGS.replace('-targetLocations ${location}', '-targetLocations "West Europe"')
  const { app: v } = await app({ 'main.bicep': ESTATE + PS_COMMIT(args) })
  expect(v.state).toBe('blocked')
})

test('a region chosen at deployment (no default, no .bicepparam): undecided, naming the region and what resolves it', async () => {
  const estate = ESTATE.replace("param location string = 'westeurope'", 'param location string')
  const { app: v } = await app({ 'main.bicep': estate + PS_COMMIT(PS_ARGS) })
  expect(v.state).toBe('undecided')
  expect(v.why).toMatch(
    /deployment script ds-avnm-commit-routing commits it to regions the scan cannot read \(parameter location has no value/,
  )
  expect(v.resolve).toMatch(/target regions values the scan can see/)
})

test('a commit of another type (SecurityAdmin) does not commit the routing configuration', async () => {
  const args = PS_ARGS.replace('-configType Routing', '-configType SecurityAdmin')
  const { app: v } = await app({ 'main.bicep': ESTATE + PS_COMMIT(args) })
  expect(v.state).toBe('undecided')
  expect(v.why).toMatch(/no commit of this configuration/)
})

test('configuration ids the script looks up itself stay undecided, naming the deployment script', async () => {
  const script = PS_COMMIT(PS_ARGS).replace(
    '$configIdList.addRange($configIds)',
    '$configIdList.Add((Get-AzNetworkManagerRoutingConfiguration -NetworkManagerName $networkManagerName -ResourceGroupName $resourceGroupName -Name rc-spokes).Id)',
  )
  const { app: v, verdict } = await app({ 'main.bicep': ESTATE + script })
  expect(v.state).toBe('undecided')
  expect(JSON.stringify(verdict)).toMatch(/deployment script ds-avnm-commit-routing may commit it/)
})

/** The Azure CLI form, its values in environment variables set from the template. */
const CLI_COMMIT = `
resource commit 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'ds-avnm-commit-cli'
  location: location
  kind: 'AzureCLI'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '\${identity.id}': {} }
  }
  properties: {
    azCliVersion: '2.61.0'
    retentionInterval: 'PT1H'
    environmentVariables: [
      { name: 'NETWORK_MANAGER', value: networkManager.name }
      { name: 'RESOURCE_GROUP', value: resourceGroup().name }
      { name: 'CONFIG_ID', value: routing.id }
      { name: 'REGION', value: location }
    ]
    scriptContent: '''
      set -euo pipefail
      az network manager post-commit \\
        --network-manager-name "$NETWORK_MANAGER" \\
        --resource-group "$RESOURCE_GROUP" \\
        --commit-type "Routing" \\
        --configuration-ids "$CONFIG_ID" \\
        --target-locations "$REGION"
    '''
  }
}
`

test('the Azure CLI form (az network manager post-commit) with environment variables commits too', async () => {
  const { app: v } = await app({ 'main.bicep': ESTATE + CLI_COMMIT })
  expect(v.state).toBe('blocked')
  expect(v.hop).toMatch(/managed route forced-tunnel/)
})

test('a script from primaryScriptUri cannot be read: the configuration stays undecided, naming the script', async () => {
  const script = CLI_COMMIT.replace(
    /scriptContent: [\s\S]*?'''[\s\S]*?'''/,
    "primaryScriptUri: 'https://example.org/commit.sh'",
  )
  const { app: v, verdict } = await app({ 'main.bicep': ESTATE + script })
  expect(v.state).toBe('undecided')
  expect(JSON.stringify(verdict)).toMatch(/primaryScriptUri/)
})

/** The same estate as an ARM template (what `bicep build` emits: interpolations become format()). */
const ARM_TEMPLATE = (targetRegion: string) =>
  JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { location: { type: 'string', defaultValue: 'westeurope' } },
      resources: [
        {
          type: 'Microsoft.Network/virtualNetworks',
          apiVersion: '2023-09-01',
          name: 'vnet-spoke',
          location: "[parameters('location')]",
          properties: {
            addressSpace: { addressPrefixes: ['10.1.0.0/16'] },
            subnets: [{ name: 'snet-app', properties: { addressPrefix: '10.1.1.0/24' } }],
          },
        },
        {
          type: 'Microsoft.Network/networkManagers',
          apiVersion: '2024-05-01',
          name: 'avnm-corp',
          location: "[parameters('location')]",
          properties: {
            networkManagerScopes: { subscriptions: ['[subscription().id]'] },
            networkManagerScopeAccesses: ['Routing'],
          },
        },
        {
          type: 'Microsoft.Network/networkManagers/networkGroups',
          apiVersion: '2024-05-01',
          name: 'avnm-corp/ng-spokes',
          properties: {},
          dependsOn: ["[resourceId('Microsoft.Network/networkManagers', 'avnm-corp')]"],
        },
        {
          type: 'Microsoft.Network/networkManagers/networkGroups/staticMembers',
          apiVersion: '2024-05-01',
          name: 'avnm-corp/ng-spokes/sm-vnet-spoke',
          properties: { resourceId: "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]" },
        },
        {
          type: 'Microsoft.Network/networkManagers/routingConfigurations',
          apiVersion: '2024-05-01',
          name: 'avnm-corp/rc-spokes',
          properties: {},
        },
        {
          type: 'Microsoft.Network/networkManagers/routingConfigurations/ruleCollections',
          apiVersion: '2024-05-01',
          name: 'avnm-corp/rc-spokes/rrc-spokes',
          properties: {
            appliesTo: [
              {
                networkGroupId:
                  "[resourceId('Microsoft.Network/networkManagers/networkGroups', 'avnm-corp', 'ng-spokes')]",
              },
            ],
            disableBgpRoutePropagation: 'True',
          },
        },
        {
          type: 'Microsoft.Network/networkManagers/routingConfigurations/ruleCollections/rules',
          apiVersion: '2024-05-01',
          name: 'avnm-corp/rc-spokes/rrc-spokes/forced-tunnel',
          properties: {
            destination: { type: 'AddressPrefix', destinationAddress: '0.0.0.0/0' },
            nextHop: { nextHopType: 'VirtualNetworkGateway' },
          },
        },
        {
          type: 'Microsoft.Resources/deploymentScripts',
          apiVersion: '2023-08-01',
          name: 'ds-avnm-commit-routing',
          location: "[parameters('location')]",
          kind: 'AzurePowerShell',
          properties: {
            azPowerShellVersion: '11.0',
            retentionInterval: 'PT1H',
            arguments: `[format('-resourceGroupLocation {0} -configIds {1} -targetLocations {2} -configType Routing', resourceGroup().location, resourceId('Microsoft.Network/networkManagers/routingConfigurations', 'avnm-corp', 'rc-spokes'), ${targetRegion})]`,
            scriptContent: [
              'param($resourceGroupLocation, $configIds, $targetLocations, $configType)',
              'Deploy-AzNetworkManagerCommit -ResourceGroupName $env:RG -Name avnm-corp `',
              '  -ConfigurationId $configIds -TargetLocation $targetLocations -CommitType $configType',
            ].join('\n'),
          },
        },
      ],
    },
    null,
    2,
  )

test('ARM: the commit script’s format() arguments are read piece by piece (the resource group’s location stays unknown)', async () => {
  const { app: v } = await app({ 'azuredeploy.json': ARM_TEMPLATE("parameters('location')") })
  expect(v.state).toBe('blocked')
  expect(v.hop).toMatch(/managed route forced-tunnel/)
})

test('ARM negative control: committed to another region, the spoke is untouched', async () => {
  const { app: v } = await app({ 'azuredeploy.json': ARM_TEMPLATE("'eastus'") })
  expect(v.state).toBe('reachable')
})

const KMS_RULES = ['20.118.99.224', '40.83.235.53']
  .map(
    (ip, i) => `
resource kms${i + 1} 'Microsoft.Network/networkManagers/routingConfigurations/ruleCollections/rules@2024-05-01' = {
  parent: collection
  name: 'kms-${i + 1}'
  properties: {
    destination: { type: 'AddressPrefix', destinationAddress: '${ip}/32' }
    nextHop: { nextHopType: 'Internet' }
  }
}
`,
  )
  .join('')

test('KMS009 in Bicep: committed /32 bypasses for the current addresses only, the spoke without a table of its own', async () => {
  const { app: v, findings } = await app({ 'main.bicep': ESTATE + KMS_RULES + PS_COMMIT(PS_ARGS) })
  expect(v.state).toBe('reachable')
  const kms009 = findings.filter((f) => f.ruleId === 'KMS009')
  expect(kms009.map((f) => f.resource)).toEqual(['forcedTunnel'])
  expect(kms009[0]!.message).toMatch(/forces the legacy KMS address 23\.102\.135\.246/)
})
