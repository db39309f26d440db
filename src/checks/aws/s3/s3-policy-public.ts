import { defineCheck } from '../../kit/define-check.js';
import type { Outcome } from '../../kit/types.js';
import { describeStatement, openToAnyone, statementsOf } from '../shared/policy.js';
import { BLOCKED_SEVERITY, blockedBy, bucketText } from './bucket.js';

export default defineCheck({
  id: 'AWS-S3-003',
  title: 'S3 bucket policy does not allow any principal without a restricting condition',
  severity: 'high',
  provider: 'aws',
  service: 's3',
  target: 'aws.s3.bucket',
  rationale:
    'A bucket policy statement that allows `Principal: "*"` (or `{"AWS": "*"}`) opens the bucket to every AWS account ' +
    'and, for most actions, to anonymous requests from the internet. S3 treats such a statement as non-public only ' +
    'when a condition fixes the source (`aws:SourceArn`, `aws:SourceVpce`, `aws:SourceVpc`, `aws:SourceAccount`, ' +
    '`aws:PrincipalOrgID`, a set of `aws:SourceIp` ranges …) or a Deny guards everyone outside fixed identities. When ' +
    'Block Public Access (`BlockPublicPolicy`/`RestrictPublicBuckets`) is on, the policy is rejected or restricted and ' +
    'the finding is low severity.',
  remediation: {
    summary: 'Name the principals that need access, or add a condition that pins them (organisation, account, VPC endpoint); serve public content through CloudFront with origin access control.',
    cli: 'aws s3api put-bucket-policy --bucket BUCKET --policy file://restricted-policy.json',
    terraform: 'statement {\n  principals {\n    type        = "AWS"\n    identifiers = ["*"]\n  }\n  actions   = ["s3:GetObject"]\n  resources = ["${aws_s3_bucket.this.arn}/*"]\n  condition {\n    test     = "StringEquals"\n    variable = "aws:PrincipalOrgID"\n    values   = ["o-a1b2c3d4e5"]\n  }\n}',
    cloudformation: '- Effect: Allow\n  Principal: "*"\n  Action: s3:GetObject\n  Resource: !Sub "${Bucket.Arn}/*"\n  Condition:\n    StringEquals:\n      aws:PrincipalOrgID: o-a1b2c3d4e5',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html',
    'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html',
  ],
  evaluate(bucket, ctx) {
    const policy = bucket.policy;
    if (!policy.known) return ctx.unknown(policy, `cannot read the bucket policy of ${bucketText(bucket)}`);
    if (policy.value === null) return ctx.pass();
    const all = statementsOf(policy.value);
    const blocked = blockedBy(bucket, ['blockPublicPolicy', 'restrictPublicBuckets']);
    const out: Outcome[] = [];
    for (const s of all) {
      const open = openToAnyone(s, all, 's3');
      if (open === false) continue;
      const which = describeStatement(s);
      if (open === 'unknown') out.push(ctx.unknown(s.at, `cannot tell whether ${bucketText(bucket)} policy ${which} is open to anyone: part of it is not known before deployment`));
      else if (blocked) out.push(ctx.fail(s.at, `${bucketText(bucket)} policy ${which} allows any principal with no restricting condition; ${blocked} blocks it today, but name the principals or pin them with a condition`, { severity: BLOCKED_SEVERITY }));
      else out.push(ctx.fail(s.at, `${bucketText(bucket)} policy ${which} allows any principal with no restricting condition; name the principals or pin them with a condition such as \`aws:PrincipalOrgID\``));
    }
    return out.length > 0 ? out : ctx.pass();
  },
});
