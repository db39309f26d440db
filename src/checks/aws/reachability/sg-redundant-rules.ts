import { defineCheck } from '../../kit/define-check.js';

export default defineCheck({
  id: 'AWS-NET-105',
  title: 'Security group has no redundant rules',
  severity: 'low',
  provider: 'aws',
  service: 'network',
  target: 'aws.ec2.securityGroup',
  rationale:
    'Security group rules are unioned: a rule whose traffic the group\'s other rules already allow (a narrower CIDR, ' +
    'a port inside another rule\'s range, a duplicate) changes nothing, but reviewers read it as meaningful — and ' +
    'removing the broader rule later silently keeps access open through the forgotten one. Rules count towards the ' +
    'per-group quota too.',
  remediation: {
    summary: 'Remove the redundant rule, or narrow the broader rule that covers it if that one is the mistake.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id sg-0123456789abcdef0 --security-group-rule-ids sgr-0123456789abcdef0',
    terraform: '# delete the ingress block that another block already covers',
    cloudformation: '# delete the SecurityGroupIngress entry that another entry already covers',
  },
  references: ['https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html', 'https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups'],
  evaluate(sg, ctx) {
    const net = ctx.services.network;
    if (!net) return ctx.notApplicable();
    const found = net.redundantSgRules(sg.key);
    if (found.length === 0) return ctx.pass();
    return found.map((r) => {
      const rule = (r.direction === 'ingress' ? sg.ingress : sg.egress)[Number(r.rule.slice(r.rule.indexOf('[') + 1, -1))];
      return ctx.fail(rule?.at ?? sg.at, `security group \`${sg.native.name}\` ${r.direction} rule ${r.rule} allows nothing that ${r.coveredBy.join(', ')} do${r.coveredBy.length === 1 ? 'es' : ''} not already allow; remove it`);
    });
  },
});
