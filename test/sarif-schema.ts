/**
 * A validator for the official SARIF 2.1.0 schema (test/fixtures/sarif-schema-2.1.0.json, kept verbatim).
 *
 * The schema is written in JSON Schema draft-04. Ajv 8 dropped draft-04 (it lives in the separate `ajv-draft-04`
 * package, which the project does not depend on), so the schema is adapted in memory, minimally: draft-04's `id`
 * becomes `$id` and `$schema` is dropped so Ajv's default (draft-07) meta-schema applies. The only keywords the SARIF
 * schema uses (type, properties, additionalProperties, required, enum, items, minItems, uniqueItems, minimum, maximum,
 * pattern, format, anyOf, oneOf, $ref, default) mean the same in draft-04 and draft-07; draft-04's boolean
 * `exclusiveMinimum`, the one keyword whose meaning changed, does not occur in it. The file itself is not changed.
 *
 * Ajv 8 knows no formats without `ajv-formats` (not a dependency either): the three the schema uses are checked
 * here with the WHATWG URL parser and Date.parse, which is enough to catch an absolute path or a malformed URI.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';

const SCHEMA_FILE = new URL('./fixtures/sarif-schema-2.1.0.json', import.meta.url);

export function loadSarifSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
}

function isUri(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function isUriReference(value: string): boolean {
  // A relative reference resolves against any base; a string that does not (e.g. `http://[`) is not a URI reference.
  try {
    new URL(value, 'file:///base/');
    return !/[\s\\]/.test(value);
  } catch {
    return false;
  }
}

export function sarifValidator(): ValidateFunction {
  const { id, $schema: _draft04, ...rest } = loadSarifSchema();
  // strictRequired and union types are lints of the schema's own style, not of the documents it validates.
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  ajv.addFormat('uri', isUri);
  ajv.addFormat('uri-reference', isUriReference);
  ajv.addFormat('date-time', (v: string) => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)));
  return ajv.compile({ ...rest, $id: id as string });
}
