import { defineCheck } from '../../kit/define-check.js';
import { exposureOutcome } from '../shared/resource-exposure.js';

export default defineCheck({
  id: 'AWS-SQS-001',
  title: 'SQS queue policy does not let outsiders send, read or manage messages',
  severity: 'high',
  provider: 'aws',
  service: 'sqs',
  target: 'aws.sqs.queue',
  rationale:
    'A queue policy that lets any AWS account (or any account\'s resources, through a service such as S3 or SNS ' +
    'named without `aws:SourceArn`/`aws:SourceAccount`) send messages injects work into whatever consumes the queue; ' +
    'one that lets them receive or delete reads and destroys it; one that lets them set attributes takes the queue ' +
    'over. The queue policy is evaluated, as AWS does, for a principal in an unrelated account and for each service it ' +
    'names acting for such an account, for sending, receiving, deleting and changing attributes. Conditions on your ' +
    'organisation, account, source ARN or VPC endpoint keep outsiders out; where a value is known only at deployment, ' +
    'the statements are read for a principal open to anyone.',
  remediation: {
    summary: 'Name the principals that use the queue, or pin `"*"` and service principals with `aws:SourceArn`/`aws:SourceAccount` or `aws:PrincipalOrgID`.',
    cli: 'aws sqs set-queue-attributes --queue-url QUEUE_URL --attributes file://queue-policy-attributes.json',
    terraform: 'condition {\n  test     = "ArnEquals"\n  variable = "aws:SourceArn"\n  values   = [aws_sns_topic.orders.arn]\n}',
    cloudformation: 'Condition:\n  ArnEquals:\n    aws:SourceArn: !Ref OrdersTopic',
  },
  references: [
    'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-using-identity-based-policies.html',
    'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-security-best-practices.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html#cross-service-confused-deputy-prevention',
  ],
  evaluate(q, ctx) {
    return exposureOutcome(ctx, {
      resource: q, policy: q.policy, what: `queue \`${q.name.known ? q.name.value : q.native.name}\``, restriction: 'resource',
      fix: 'name the principals that use the queue or pin them with `aws:SourceArn`, `aws:SourceAccount` or `aws:PrincipalOrgID`',
      answer: (iam) => iam.resourceExposure(q.key),
    });
  },
});
