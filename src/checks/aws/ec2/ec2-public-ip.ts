import { defineCheck } from '../../kit/define-check.js';
import { code } from '../shared/text.js';

export default defineCheck({
  id: 'AWS-EC2-008',
  title: 'EC2 instance does not have a public IP address',
  severity: 'medium',
  provider: 'aws',
  service: 'ec2',
  target: 'aws.ec2.instance',
  rationale:
    'An instance with a public IPv4 address is directly addressable from the internet; its only protection is its ' +
    'security groups and network ACLs, and one permissive rule exposes it. Keep instances in private subnets behind a ' +
    'load balancer, NAT gateway or VPC endpoints. Without an explicit setting the subnet decides: default subnets, and ' +
    'subnets with `MapPublicIpOnLaunch`, give every instance a public address.',
  remediation: {
    summary: 'Launch the instance in a private subnet and set `AssociatePublicIpAddress` to false; publish services through a load balancer.',
    cli: 'aws ec2 modify-subnet-attribute --subnet-id subnet-0123456789abcdef0 --no-map-public-ip-on-launch',
    terraform: 'resource "aws_instance" "app" {\n  subnet_id                   = aws_subnet.private.id\n  associate_public_ip_address = false\n}',
    cloudformation: 'NetworkInterfaces:\n  - DeviceIndex: "0"\n    SubnetId: !Ref PrivateSubnet\n    AssociatePublicIpAddress: false',
  },
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses',
    'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html',
  ],
  evaluate(instance, ctx) {
    const name = instance.native.name;
    const { publicIp, associatePublicIp, subnet } = instance;
    if (publicIp.known && publicIp.value !== null) return ctx.fail(publicIp, `instance \`${name}\` has the public address ${code(publicIp.value)}; move it to a private subnet`);
    if (!associatePublicIp.known) return ctx.unknown(associatePublicIp, `cannot tell whether instance \`${name}\` gets a public IP address`);
    if (associatePublicIp.value === true) return ctx.fail(associatePublicIp, `instance \`${name}\` sets \`AssociatePublicIpAddress\` to \`true\`; launch it without a public address in a private subnet`);
    if (associatePublicIp.value === false) return ctx.pass();
    // Not set: the subnet's MapPublicIpOnLaunch decides.
    const s = ctx.estate.resolve(subnet, 'aws.ec2.subnet');
    if (s === 'unknown') return ctx.unknown(subnet, `cannot tell whether instance \`${name}\` gets a public IP address from its subnet`);
    if (s === undefined) return ctx.unknown(subnet, `cannot tell whether instance \`${name}\` gets a public IP address: its subnet is not among the inputs`);
    const map = s.mapPublicIpOnLaunch;
    if (!map.known) return ctx.unknown(map, `cannot tell whether subnet \`${s.native.name}\` gives instance \`${name}\` a public IP address`);
    if (!map.value) return ctx.pass();
    return ctx.fail(associatePublicIp, `instance \`${name}\` launches in subnet \`${s.native.name}\`, which assigns public IP addresses (\`MapPublicIpOnLaunch\`); set \`AssociatePublicIpAddress\` to false or use a private subnet`);
  },
});
