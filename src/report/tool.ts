/**
 * Who we are, for SARIF's tool.driver and the CLI's --version: package.json is the one source of the version.
 */
import pkg from '../../package.json' with { type: 'json' }

export const TOOL_NAME = 'azure-kms-guard'
export const TOOL_VERSION: string = pkg.version
export const TOOL_URI = 'https://github.com/azure-kms-guard/azure-kms-guard'
