import { defineCheck } from '../../kit/define-check.js';
import type { Outcome } from '../../kit/types.js';
import { describeRange, isInternetCidr } from '../shared/network.js';
import { code, listWords } from '../shared/text.js';
import { EVERY_PORT, groupText, opensAllPorts, ruleJudgement } from './sg.js';

export default defineCheck({
  id: 'AWS-EC2-004',
  title: 'Security group restricts egress',
  severity: 'medium',
  provider: 'aws',
  service: 'ec2',
  target: 'aws.ec2.securityGroup',
  rationale:
    'Security groups allow all outbound traffic by default: every new VPC group gets an egress rule for all protocols ' +
    'to `0.0.0.0/0` (and `::/0`), and CloudFormation keeps it unless `SecurityGroupEgress` is written (Terraform ' +
    'removes it). A compromised instance can then reach any command-and-control server or exfiltrate data anywhere. ' +
    'Allow only the destinations and ports the workload calls (DNS, HTTPS to known endpoints, VPC endpoints). Default ' +
    'security groups are AWS-EC2-005\'s. Each allow-all rule is one finding, ranked by the network engine: medium ' +
    'where an instance using the group has a way out (a public address and an internet gateway route, a NAT gateway, ' +
    'or an egress-only gateway for IPv6, and the network ACL allowing), low where none has one or the group is ' +
    'attached to nothing.',
  remediation: {
    summary: 'Replace the allow-all egress rule with rules for the ports and destinations the workload needs.',
    cli: 'aws ec2 revoke-security-group-egress --group-id sg-0123456789abcdef0 --ip-permissions \'[{"IpProtocol":"-1","IpRanges":[{"CidrIp":"0.0.0.0/0"}]}]\'\naws ec2 authorize-security-group-egress --group-id sg-0123456789abcdef0 --protocol tcp --port 443 --cidr 10.0.0.0/16',
    terraform: 'egress {\n  description = "HTTPS to VPC endpoints"\n  protocol    = "tcp"\n  from_port   = 443\n  to_port     = 443\n  cidr_blocks = [aws_vpc.main.cidr_block]\n}',
    cloudformation: 'SecurityGroupEgress:\n  - Description: HTTPS to VPC endpoints\n    IpProtocol: tcp\n    FromPort: 443\n    ToPort: 443\n    CidrIp: 10.0.0.0/16',
  },
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroup.html',
    'https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html',
    'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html',
  ],
  evaluate(sg, ctx) {
    if (sg.isDefault) return ctx.notApplicable();
    const out: Outcome[] = [];
    for (const [index, rule] of sg.egress.entries()) {
      const cidrs = [rule.ipv4Ranges, rule.ipv6Ranges].flatMap((r) => (r.known ? r.value.filter(isInternetCidr) : []));
      const undecidedPeer = !rule.ipv4Ranges.known || !rule.ipv6Ranges.known;
      if (cidrs.length === 0 && !undecidedPeer) continue;
      const all = opensAllPorts(rule);
      if (all === false) continue;
      if (all === 'unknown' || cidrs.length === 0) {
        out.push(ctx.unknown(rule.at, `cannot tell whether ${groupText(sg)} allows all outbound traffic`));
        continue;
      }
      out.push(ruleJudgement(sg, ctx, index, 'egress', EVERY_PORT, rule.isDefaultEgress
        ? {
          at: rule.at, outbound: true, fix: 'write `SecurityGroupEgress` with only the destinations the workload needs',
          opening: `${groupText(sg)} keeps the default egress rule that allows all outbound traffic to ${listWords(cidrs.map((c) => code(c)))}`,
        }
        : {
          at: rule.at, outbound: true, fix: 'allow only the ports and destinations the workload needs',
          opening: `${groupText(sg)} allows ${describeRange(rule.protocol, rule.fromPort, rule.toPort)} out to ${listWords(cidrs.map((c) => code(c)))}`,
        }));
    }
    return out.length > 0 ? out : ctx.pass();
  },
});
