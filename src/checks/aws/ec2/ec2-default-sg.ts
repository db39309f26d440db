import { defineCheck } from '../../kit/define-check.js';
import { groupText } from './sg.js';

export default defineCheck({
  id: 'AWS-EC2-005',
  title: 'Default security group restricts all traffic',
  severity: 'medium',
  provider: 'aws',
  service: 'ec2',
  target: 'aws.ec2.securityGroup',
  rationale:
    'Every VPC has a default security group, used by any instance or interface launched without one. By default it ' +
    'allows all traffic from its own members and all outbound traffic. Leaving it with no rules means a resource ' +
    'launched without an explicit group is isolated instead of silently connected.',
  remediation: {
    summary: 'Remove every inbound and outbound rule from the default security group and give resources purpose-made groups.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id sg-default --ip-permissions \'[{"IpProtocol":"-1","UserIdGroupPairs":[{"GroupId":"sg-default"}]}]\'\naws ec2 revoke-security-group-egress --group-id sg-default --ip-permissions \'[{"IpProtocol":"-1","IpRanges":[{"CidrIp":"0.0.0.0/0"}]}]\'',
    terraform: '# With no ingress or egress blocks, Terraform removes every rule of the default group.\nresource "aws_default_security_group" "default" {\n  vpc_id = aws_vpc.main.id\n}',
    cloudformation: '# CloudFormation cannot manage the default group\'s rules; do not add rules to !GetAtt Vpc.DefaultSecurityGroup\n# and revoke the defaults with the CLI or a custom resource.',
  },
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-2',
  ],
  compliance: { 'cis-aws-3.0': ['5.4'] },
  evaluate(sg, ctx) {
    if (!sg.isDefault) return ctx.notApplicable();
    const [first] = [...sg.ingress, ...sg.egress];
    if (!first) return ctx.pass();
    const n = sg.ingress.length + sg.egress.length;
    const vpc = ctx.estate.resolve(sg.vpc, 'aws.ec2.vpc');
    const which = vpc && vpc !== 'unknown' ? `the default security group of VPC \`${vpc.native.name}\`` : `default ${groupText(sg)}`;
    return ctx.fail(first.at, `${which} has ${n} rule${n > 1 ? 's' : ''} (${sg.ingress.length} inbound, ${sg.egress.length} outbound); remove them all and give resources their own groups`);
  },
});
