/**
 * The configuration file's name, on its own: the scan worker names it (suppressions) without loading the
 * config parser and its YAML library (src/config/config.ts), which only the calling thread runs.
 */
export const CONFIG_FILE = '.azure-kms-guard.yml'
