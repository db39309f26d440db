import type { Provenance } from './provenance.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

/**
 * A JSON document embedded in configuration (IAM policy, key policy, bucket policy). Leaves the loader could not
 * resolve are kept as the string `<unknown: why>` and `partial` is set, so evaluation can say "unknown" for them.
 */
export interface EmbeddedDocument {
  readonly json: JsonValue;
  readonly at: Provenance;
  readonly partial: boolean;
  /** Positions of `Statement[i]` when the loader knows them, for findings that point at one statement. */
  readonly statementAt?: readonly Provenance[];
}

export const UNKNOWN_LEAF_PREFIX = '<unknown:';
