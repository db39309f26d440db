import type { Link } from '../../../model/index.js';
import { defineCheck } from '../../kit/define-check.js';

export default defineCheck({
  id: 'AWS-EC2-010',
  title: 'VPC has flow logs enabled',
  severity: 'medium',
  provider: 'aws',
  service: 'ec2',
  target: 'aws.ec2.vpc',
  rationale:
    'VPC flow logs record the accepted and rejected connections of every interface in the VPC. Without them there is ' +
    'no record of what a compromised instance talked to, and rejected-traffic patterns (scans, blocked exfiltration) ' +
    'go unseen. CIS asks for flow logs on every VPC, at least for rejected traffic.',
  remediation: {
    summary: 'Create a flow log for the VPC to CloudWatch Logs or S3.',
    cli: 'aws ec2 create-flow-logs --resource-type VPC --resource-ids vpc-0123456789abcdef0 --traffic-type ALL --log-destination-type s3 --log-destination arn:aws:s3:::flow-log-bucket',
    terraform: 'resource "aws_flow_log" "main" {\n  vpc_id               = aws_vpc.main.id\n  traffic_type         = "ALL"\n  log_destination_type = "s3"\n  log_destination      = aws_s3_bucket.flow_logs.arn\n}',
    cloudformation: 'VpcFlowLog:\n  Type: AWS::EC2::FlowLog\n  Properties:\n    ResourceId: !Ref Vpc\n    ResourceType: VPC\n    TrafficType: ALL\n    LogDestinationType: s3\n    LogDestination: !GetAtt FlowLogBucket.Arn',
  },
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-6',
  ],
  compliance: { 'cis-aws-3.0': ['3.7'] },
  evaluate(vpc, ctx) {
    let undecided: Link | undefined;
    for (const f of ctx.estate.ofKind('aws.ec2.flowLog')) {
      const target = ctx.estate.resolve(f.resource, 'aws.ec2.vpc');
      if (target === vpc) return ctx.pass();
      // A flow log whose target is unknown may be this VPC's; one on a subnet or interface is not the VPC's.
      if (target === 'unknown') undecided ??= f.resource;
    }
    if (undecided) return ctx.unknown(undecided, `cannot tell whether VPC \`${vpc.native.name}\` has a flow log: a flow log's target is not known before deployment`);
    return ctx.fail(vpc.at, `VPC \`${vpc.native.name}\` has no flow log; create one for the VPC (at least rejected traffic) to CloudWatch Logs or S3`);
  },
});
