/**
 * JSON Schema validation with ajv for report tests: the SARIF 2.1.0 schema as published (draft-04, shipped
 * by @microsoft/jest-sarif) and our own report schema (draft-07, schema/report.schema.json).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv from 'ajv'
import AjvDraft04 from 'ajv-draft-04'
import addFormats from 'ajv-formats'

const SARIF_SCHEMA = join(
  process.cwd(),
  'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json',
)

export type Validate = (data: unknown) => string[]

function wrap(validate: ((d: unknown) => boolean) & { errors?: unknown }): Validate {
  return (data) =>
    validate(data)
      ? []
      : ((validate.errors ?? []) as { instancePath: string; message?: string }[]).map(
          (e) => `${e.instancePath || '/'} ${e.message ?? ''}`,
        )
}

/** Errors of `data` against the SARIF 2.1.0 schema (empty when valid). */
export function sarifValidator(): Validate {
  // The published schema has a pattern that is invalid under the u flag (a stray bracket): compile it without.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false })
  addFormats(ajv)
  return wrap(ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8'))))
}

/** Errors of `data` against a draft-07 schema file (empty when valid). */
export function schemaValidator(file: string): Validate {
  const ajv = new Ajv({ allErrors: true, strict: true })
  addFormats(ajv)
  return wrap(ajv.compile(JSON.parse(readFileSync(file, 'utf8'))))
}
