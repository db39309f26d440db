import { defineCheck } from '../../kit/define-check.js';
import type { Outcome } from '../../kit/types.js';
import { describeRange, ruleFromInternet } from '../shared/network.js';
import { code, listWords } from '../shared/text.js';
import { groupText, opensAllPorts } from './sg.js';

export default defineCheck({
  id: 'AWS-EC2-002',
  title: 'Security group does not allow all traffic from the internet',
  severity: 'critical',
  provider: 'aws',
  service: 'ec2',
  target: 'aws.ec2.securityGroup',
  rationale:
    'An ingress rule for all protocols (`-1`) or every port from `0.0.0.0/0` or `::/0` exposes every service on ' +
    'every instance in the group, including ones nobody meant to publish (debug ports, admin consoles, databases). ' +
    'It turns the security group into no firewall at all.',
  remediation: {
    summary: 'Replace the rule with rules for the specific ports the workload serves, from the sources that need them.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id sg-0123456789abcdef0 --ip-permissions \'[{"IpProtocol":"-1","IpRanges":[{"CidrIp":"0.0.0.0/0"}]}]\'',
    terraform: 'ingress {\n  protocol    = "tcp"\n  from_port   = 443\n  to_port     = 443\n  cidr_blocks = ["0.0.0.0/0"]\n}',
    cloudformation: 'SecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 443\n    ToPort: 443\n    CidrIp: 0.0.0.0/0',
  },
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html',
  ],
  evaluate(sg, ctx) {
    const out: Outcome[] = [];
    for (const rule of sg.ingress) {
      const internet = ruleFromInternet(rule);
      if (internet.open === false) continue;
      const all = opensAllPorts(rule);
      if (all === false) continue;
      if (all === 'unknown' || internet.open === 'unknown') {
        out.push(ctx.unknown(rule.at, `cannot tell whether ${groupText(sg)} opens every port to the internet`));
        continue;
      }
      out.push(ctx.fail(rule.at, `${groupText(sg)} allows ${describeRange(rule.protocol, rule.fromPort, rule.toPort)} from ${listWords(internet.cidrs.map((c) => code(c)))}; allow only the ports the workload serves`));
    }
    return out.length > 0 ? out : ctx.pass();
  },
});
