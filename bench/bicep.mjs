// The Bicep part of `npm run bench`: the hand-written parser (src/sources/bicep) loaded from source, and
// single Bicep files of 100, 200 and 400 KB scanned and parsed, to show that the cost grows linearly.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const require = createRequire(import.meta.url)

/**
 * parseBicep from src/sources/bicep/parser.ts: the bench runs plain node, so the three parser modules are
 * transpiled (no type check) to CommonJS under bench/out once.
 */
export function loadBicepParser(root) {
  const ts = require(join(root, 'node_modules', 'typescript'))
  const out = join(root, 'bench', 'out', 'bicep-parser')
  mkdirSync(out, { recursive: true })
  for (const name of ['lexer', 'parser', 'syntax']) {
    const source = readFileSync(join(root, 'src', 'sources', 'bicep', `${name}.ts`), 'utf8')
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText
    writeFileSync(join(out, `${name}.js`), js)
  }
  return require(join(out, 'parser.js')).parseBicep
}

/** One hub-and-spoke block with its own names: parameters, a loop, member accesses, a firewall policy. */
function block(i) {
  const net = `10.${i % 250}.0.0/16`
  return `
@description('Next hop of spoke ${i}.')
param hop${i} string = '10.${i % 250}.0.4'
var kms${i} = environment().name == 'AzureUSGovernment' ? ['52.126.105.2'] : ['20.118.99.224', '40.83.235.53']

resource rt${i} 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'rt-${i}'
  location: resourceGroup().location
  properties: {
    disableBgpRoutePropagation: true
    routes: concat([
      {
        name: 'default'
        properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: hop${i} }
      }
    ], [for (a, k) in kms${i}: {
      name: 'kms-\${k}'
      properties: { addressPrefix: '\${a}/32', nextHopType: 'Internet' }
    }])
  }
}

resource nsg${i} 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'nsg-${i}'
  location: rt${i}.location
  properties: {
    securityRules: [
      {
        name: 'deny-internet'
        properties: {
          priority: 4000
          direction: 'Outbound'
          access: 'Deny'
          protocol: '*'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: 'Internet'
          destinationPortRange: '*'
        }
      }
    ]
  }
}

resource vnet${i} 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-${i}'
  location: rt${i}.location
  properties: {
    addressSpace: { addressPrefixes: ['${net}'] }
    subnets: [for s in range(0, 3): {
      name: 'snet-\${s}'
      properties: {
        addressPrefix: cidrSubnet('${net}', 24, s)
        routeTable: { id: rt${i}.id }
        networkSecurityGroup: s == 0 ? { id: nsg${i}.id } : null
      }
    }]
  }
}
`
}

/** A directory holding one main.bicep of about `kb` KB. */
export function generateBicepFile(dir, kb) {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  let text = `// One large template: ${kb} KB of hub-and-spoke blocks.\n`
  for (let i = 0; Buffer.byteLength(text) < kb * 1024; i++) text += block(i)
  writeFileSync(join(dir, 'main.bicep'), text)
  return text
}
