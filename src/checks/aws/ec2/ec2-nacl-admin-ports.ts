import type { NetworkAclEntry } from '../../../model/index.js';
import { defineCheck } from '../../kit/define-check.js';
import type { Outcome } from '../../kit/types.js';
import { ADMIN_PORTS, describeRange } from '../shared/network.js';
import { code, listWords } from '../shared/text.js';
import { inboundDecisions } from './nacl.js';

export default defineCheck({
  id: 'AWS-EC2-006',
  title: 'Network ACL does not allow SSH or RDP from the internet',
  severity: 'medium',
  provider: 'aws',
  service: 'ec2',
  target: 'aws.ec2.networkAcl',
  rationale:
    'Network ACLs are the stateless subnet-level layer under security groups. An inbound entry that allows SSH (22) or ' +
    'RDP (3389) from `0.0.0.0/0` or `::/0` leaves the subnet relying on security groups alone for its most attacked ' +
    'ports. Entries are evaluated in rule-number order and the first match wins, so an earlier deny for the internet ' +
    'on those ports closes them whatever later entries allow. As in CIS 5.1 and Security Hub EC2.21, any range that ' +
    'includes the port counts: the usual ephemeral-port entry (1024-65535 from 0.0.0.0/0) opens RDP unless a ' +
    'lower-numbered entry denies 3389.',
  remediation: {
    summary: 'Remove the entry or narrow its CIDR to the administration network; or add a lower-numbered deny for 0.0.0.0/0 on ports 22 and 3389.',
    cli: 'aws ec2 create-network-acl-entry --network-acl-id acl-0123456789abcdef0 --ingress --rule-number 50 --protocol tcp --port-range From=22,To=22 --cidr-block 0.0.0.0/0 --rule-action deny',
    terraform: 'resource "aws_network_acl_rule" "deny_ssh" {\n  network_acl_id = aws_network_acl.public.id\n  rule_number    = 50\n  egress         = false\n  protocol       = "tcp"\n  rule_action    = "deny"\n  cidr_block     = "0.0.0.0/0"\n  from_port      = 22\n  to_port        = 22\n}',
    cloudformation: 'DenySsh:\n  Type: AWS::EC2::NetworkAclEntry\n  Properties:\n    NetworkAclId: !Ref PublicAcl\n    RuleNumber: 50\n    Protocol: 6\n    RuleAction: deny\n    CidrBlock: 0.0.0.0/0\n    PortRange: { From: 22, To: 22 }',
  },
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-21',
  ],
  compliance: { 'cis-aws-3.0': ['5.1'] },
  evaluate(acl, ctx) {
    const name = acl.native.name;
    const byEntry = new Map<NetworkAclEntry, Set<string>>();
    const out: Outcome[] = [];
    for (const { label, decision } of inboundDecisions(acl, ADMIN_PORTS)) {
      if (decision.kind === 'unknown') {
        if (!out.some((o) => o.status === 'unknown')) out.push(ctx.unknown(decision.attr, `cannot tell whether network ACL \`${name}\` lets the internet reach ${label}`));
      } else if (decision.kind === 'allow') {
        const labels = byEntry.get(decision.entry) ?? new Set<string>();
        labels.add(label);
        byEntry.set(decision.entry, labels);
      }
    }
    for (const [entry, labels] of byEntry) {
      const n = entry.ruleNumber.known ? entry.ruleNumber.value : '?';
      const cidr = entry.cidr.known ? code(entry.cidr.value) : 'the internet';
      out.push(ctx.fail(entry.at, `network ACL \`${name}\` entry ${n} allows ${listWords([...labels])} from ${cidr} (${describeRange(entry.protocol, entry.fromPort, entry.toPort)}) and no earlier entry denies it; narrow the CIDR or deny these ports first`));
    }
    return out.length > 0 ? out : ctx.pass();
  },
});
