import * as fs from 'node:fs'
import * as path from 'node:path'
import { parseConfig } from '../../src/config/config'

// The README shows a full .azure-kms-guard.yml; a newcomer copies it, so it must be valid.
test('the configuration example in the README parses without problems', () => {
  const readme = fs.readFileSync(path.join(process.cwd(), 'README.md'), 'utf8')
  const block = /```yaml\n(include:[\s\S]*?)```/.exec(readme)
  expect(block).not.toBeNull()
  const { config, problems } = parseConfig(block![1], '.azure-kms-guard.yml')
  expect(problems).toEqual([])
  expect(config.rules).toEqual({ KMS009: 'off', KMS004: 'error' })
  expect(config.allowedAppliances.map((a) => a.address)).toEqual(['10.0.0.4'])
  expect(config.clouds.map((c) => c.cloud)).toEqual(['AzureUSGovernment'])
})
