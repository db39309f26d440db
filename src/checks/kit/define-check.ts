import type { Check, CheckTarget } from './types.js';

const ID = /^(AWS|AZURE|IAC)-[A-Z0-9]+-\d{3}$/;

/**
 * Declares a check: metadata beside the logic, the only copy (docs and SARIF rules are generated from it). Returns
 * the check unchanged after validating the metadata, so a malformed check fails at import, in tests, not in a scan.
 */
export function defineCheck<T extends CheckTarget>(check: Check<T>): Check<T> {
  if (!ID.test(check.id)) throw new Error(`check id \`${check.id}\` must look like AWS-S3-001, AZURE-STORAGE-001 or IAC-SECRETS-001`);
  if (!check.id.toLowerCase().startsWith(check.provider)) throw new Error(`check ${check.id}: id prefix and provider disagree`);
  if (check.references.length === 0) throw new Error(`check ${check.id}: needs at least one reference`);
  if (!check.remediation.summary) throw new Error(`check ${check.id}: needs a remediation summary`);
  return check;
}
