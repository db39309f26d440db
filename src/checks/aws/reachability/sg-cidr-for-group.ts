import { defineCheck } from '../../kit/define-check.js';

export default defineCheck({
  id: 'AWS-NET-106',
  title: 'Security group rules reference groups rather than instance addresses',
  severity: 'low',
  provider: 'aws',
  service: 'network',
  target: 'aws.ec2.securityGroup',
  rationale:
    'A rule listing the private addresses of particular instances breaks when they are replaced or scaled, and keeps ' +
    'letting in whatever later gets those addresses. Referencing a security group admits its members by their private ' +
    'addresses whatever they are, and access moves with the instances.',
  remediation: {
    summary: 'Replace the host addresses with a reference to the security group the instances share (or give them one).',
    cli: 'aws ec2 authorize-security-group-ingress --group-id sg-0db --protocol tcp --port 5432 --source-group sg-0app',
    terraform: 'ingress {\n  protocol        = "tcp"\n  from_port       = 5432\n  to_port         = 5432\n  security_groups = [aws_security_group.app.id]\n}',
    cloudformation: 'SecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 5432\n    ToPort: 5432\n    SourceSecurityGroupId: !Ref AppSecurityGroup',
  },
  references: ['https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html#security-group-referencing'],
  evaluate(sg, ctx) {
    const net = ctx.services.network;
    if (!net) return ctx.notApplicable();
    const found = net.groupSuggestions(sg.key).filter((s) => s.provider === 'aws');
    if (found.length === 0) return ctx.pass();
    return found.map((s) => {
      const which = s.suggest.length > 0 ? `reference ${s.suggest.map((g) => `\`${net.display(g)}\``).join(' or ')}, which they all belong to` : 'put them in a security group and reference it';
      return ctx.fail(s.at ?? sg.at, `security group \`${sg.native.name}\` rule ${s.rule} lists the addresses ${s.addresses.map((a) => `\`${a}\``).join(', ')} of ${s.interfaces.map((x) => `\`${net.display(x)}\``).join(', ')}; ${which}`);
    });
  },
});
