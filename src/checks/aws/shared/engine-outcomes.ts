/**
 * Shared wording for the engine-based IAM checks (AWS-IAM-1xx): citations of the statements a decision rests on,
 * and outcomes when the IAM service is not available.
 */
import type { Attr, Provenance } from '../../../model/core/index.js';
import type { StatementCitation } from '../../kit/services/iam.js';

export function cite(c: StatementCitation): string {
  return `${c.policy} statement ${c.statement}${c.sid !== undefined ? ` (\`${c.sid}\`)` : ''}`;
}

export function citeAll(cs: readonly StatementCitation[], max = 3): string {
  const shown = cs.slice(0, max).map(cite);
  return cs.length > max ? `${shown.join(', ')} and ${cs.length - max} more` : shown.join(', ');
}

/** Where a finding points: the first cited statement that has a position, else the attribute. */
export function whereOf(cs: readonly StatementCitation[], fallback: Attr<unknown> | Provenance): Attr<unknown> | Provenance {
  return cs.find((c) => c.at !== undefined)?.at ?? fallback;
}

export function evidenceOf(cs: readonly StatementCitation[]): string[] {
  return cs.map((c) => `${cite(c)}${c.at ? ` at ${c.at.file}:${c.at.line}` : ''}`);
}

export const NO_SERVICE = 'the IAM engine is not available for these inputs';
