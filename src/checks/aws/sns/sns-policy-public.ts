import { defineCheck } from '../../kit/define-check.js';
import { exposureOutcome } from '../shared/resource-exposure.js';

export default defineCheck({
  id: 'AWS-SNS-001',
  title: 'SNS topic policy does not let outsiders publish, subscribe or manage the topic',
  severity: 'high',
  provider: 'aws',
  service: 'sns',
  target: 'aws.sns.topic',
  rationale:
    'A topic policy that lets any AWS account publish sends forged notifications to every subscriber (alarms, order ' +
    'events, pipelines); one that lets it subscribe copies every message out; one that lets it set attributes takes ' +
    'the topic over. A service principal (S3, CloudWatch, EventBridge …) named without `aws:SourceArn` or ' +
    '`aws:SourceAccount` acts for any account that points its own resources at the topic. The topic policy is ' +
    'evaluated, as AWS does, for a principal in an unrelated account and for each service it names acting for such an ' +
    'account; where a value is known only at deployment, the statements are read for a principal open to anyone.',
  remediation: {
    summary: 'Name the principals that use the topic, or pin `"*"` and service principals with `aws:SourceArn`/`aws:SourceAccount` or `aws:PrincipalOrgID`.',
    cli: 'aws sns set-topic-attributes --topic-arn TOPIC_ARN --attribute-name Policy --attribute-value file://topic-policy.json',
    terraform: 'condition {\n  test     = "StringEquals"\n  variable = "aws:SourceAccount"\n  values   = [data.aws_caller_identity.current.account_id]\n}',
    cloudformation: 'Condition:\n  StringEquals:\n    aws:SourceAccount: !Ref AWS::AccountId',
  },
  references: [
    'https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html',
    'https://docs.aws.amazon.com/sns/latest/dg/sns-security-best-practices.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html#cross-service-confused-deputy-prevention',
  ],
  evaluate(t, ctx) {
    return exposureOutcome(ctx, {
      resource: t, policy: t.policy, what: `topic \`${t.name.known ? t.name.value : t.native.name}\``, restriction: 'resource',
      fix: 'name the principals that use the topic or pin them with `aws:SourceArn`, `aws:SourceAccount` or `aws:PrincipalOrgID`',
      answer: (iam) => iam.resourceExposure(t.key),
    });
  },
});
