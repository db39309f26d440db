import { defineCheck } from '../../kit/define-check.js';
import { exposureOutcome } from '../shared/resource-exposure.js';
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
    'and, for most actions, to anonymous requests from the internet. The policy is evaluated, as AWS does, for an ' +
    'anonymous caller and for a principal in an unrelated account, for reading, writing, deleting and listing objects ' +
    'and for replacing the policy. A `"*"` pinned by a condition an outsider cannot meet (a fixed `aws:SourceVpce`, ' +
    '`aws:SourceVpc`, `aws:SourceArn`, `aws:SourceAccount`, `aws:PrincipalOrgID`, a set of `aws:SourceIp` ranges …) or ' +
    'by a Deny for everyone outside fixed identities is not public; a grant guarded only by conditions the caller ' +
    'controls (`aws:SecureTransport`, an ARN pattern whose account is `*`) is. When Block Public Access ' +
    '(`BlockPublicPolicy`/`RestrictPublicBuckets`) is on, the policy is rejected or restricted and the finding is low ' +
    'severity. Where a value is known only at deployment, the statements are read for a principal open to anyone.',
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
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html',
  ],
  evaluate(bucket, ctx) {
    const blocked = blockedBy(bucket, ['blockPublicPolicy', 'restrictPublicBuckets']);
    return exposureOutcome(ctx, {
      resource: bucket, policy: bucket.policy, what: bucketText(bucket), restriction: 's3',
      fix: 'name the principals or pin them with a condition such as `aws:PrincipalOrgID`',
      answer: (iam) => iam.resourceExposure(bucket.key),
      ...(blocked !== undefined ? { blocked: { by: blocked, severity: BLOCKED_SEVERITY } } : {}),
    });
  },
});
