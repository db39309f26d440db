import { Command } from '@commander-js/extra-typings';
import { findCheck } from '../../checks/catalogue.js';
import { targetsOf } from '../../checks/kit/types.js';
import { EXIT } from '../exit-codes.js';
import { emit, log } from '../io.js';

export function explainCommand() {
  return new Command('explain')
    .description('print what a check looks for, why it matters and how to fix it')
    .argument('<id>', 'check id, e.g. AWS-S3-001')
    .action((id) => {
      const c = findCheck(id);
      if (!c) {
        log(`parapet: no check \`${id}\` (see \`parapet checks\`)`);
        process.exitCode = EXIT.usageOrInput;
        return;
      }
      const r = c.remediation;
      const compliance = Object.entries(c.compliance ?? {}).map(([fw, ids]) => `${fw}: ${ids.join(', ')}`);
      const parts = [
        `${c.id}  ${c.title}`,
        `severity: ${c.severity}   provider: ${c.provider}   service: ${c.service}   applies to: ${targetsOf(c).join(', ')}`,
        '',
        c.rationale,
        '',
        `Fix: ${r.summary}`,
        ...(r.cli ? ['', 'CLI:', indent(r.cli)] : []),
        ...(r.terraform ? ['', 'Terraform:', indent(r.terraform)] : []),
        ...(r.cloudformation ? ['', 'CloudFormation:', indent(r.cloudformation)] : []),
        ...(r.arm ? ['', 'ARM template:', indent(r.arm)] : []),
        ...(compliance.length ? ['', 'Compliance:', ...compliance.map((l) => `  ${l}`)] : []),
        '',
        'References:',
        ...c.references.map((u) => `  ${u}`),
      ];
      emit(`${parts.join('\n')}\n`, undefined);
    });
}

function indent(s: string): string {
  return s.split('\n').map((l) => `  ${l}`).join('\n');
}
