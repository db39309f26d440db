import { targetsOf } from '../checks/kit/types.js';
import type { AnyCheck } from '../checks/kit/types.js';

/** docs/checks.md, generated from the checks' metadata: the catalogue is the only copy. */
export function renderCheckReference(checks: readonly AnyCheck[]): string {
  const out: string[] = [
    '# Check reference',
    '',
    '<!-- Generated from the checks\' metadata by `npm run docs`; do not edit by hand. -->',
    '',
    `${checks.length} checks. \`parapet explain ID\` prints the same for one check.`,
    '',
    '| id | severity | title | applies to | compliance |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const c of checks) {
    out.push(`| [${c.id}](#${c.id.toLowerCase()}) | ${c.severity} | ${c.title} | ${targetsOf(c).map((t) => `\`${t}\``).join(', ')} | ${compliance(c)} |`);
  }
  for (const c of checks) {
    const r = c.remediation;
    out.push('', `## ${c.id}`, '', `**${c.title}** — ${c.severity}, ${c.provider} ${c.service}, applies to ${targetsOf(c).map((t) => `\`${t}\``).join(', ')}.`, '', c.rationale, '', `**Fix.** ${r.summary}`);
    if (r.cli) out.push('', '```sh', r.cli, '```');
    if (r.terraform) out.push('', 'Terraform:', '', '```hcl', r.terraform, '```');
    if (r.cloudformation) out.push('', 'CloudFormation:', '', '```yaml', r.cloudformation, '```');
    if (r.arm) out.push('', 'ARM template:', '', '```json', r.arm, '```');
    const comp = compliance(c);
    if (comp) out.push('', `**Compliance.** ${comp}`);
    out.push('', '**References.**', '', ...c.references.map((u) => `- <${u}>`));
  }
  return `${out.join('\n')}\n`;
}

function compliance(c: AnyCheck): string {
  return Object.entries(c.compliance ?? {})
    .map(([fw, ids]) => `${fw} ${ids.join(', ')}`)
    .join('; ');
}
