import { defineCheck } from '../../kit/define-check.js';
import { exposureOutcome } from './resource-exposure.js';

export default defineCheck({
  id: 'AWS-IAM-104',
  title: 'S3 bucket policy does not let outsiders in (judged by evaluation)',
  severity: 'high',
  provider: 'aws',
  service: 's3',
  target: 'aws.s3.bucket',
  rationale:
    'The bucket policy is evaluated for an anonymous caller and for a principal in an unrelated AWS account, for ' +
    'reading, writing, deleting and listing objects and for replacing the policy. A `"*"` principal pinned by a ' +
    'condition an outsider cannot meet (your organisation, a VPC endpoint, private source ranges) is not reported; a ' +
    'grant guarded only by conditions the caller controls (`aws:SecureTransport`, request headers) is. When Block ' +
    'Public Access restricts public buckets, S3 limits such a policy to the owner account and AWS services, and the ' +
    'bucket passes.',
  remediation: {
    summary: 'Name the principals that need access, or pin `"*"` with a condition on your organisation or VPC endpoint; serve public content through CloudFront with origin access control; turn on Block Public Access.',
    cli: 'aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    terraform: 'condition {\n  test     = "StringEquals"\n  variable = "aws:PrincipalOrgID"\n  values   = ["o-a1b2c3d4e5"]\n}',
    cloudformation: 'Condition:\n  StringEquals:\n    aws:PrincipalOrgID: o-a1b2c3d4e5',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html',
  ],
  evaluate(bucket, ctx) {
    const name = bucket.name.known ? bucket.name.value : bucket.native.name;
    const bpa = bucket.publicAccessBlock;
    if (bpa.known && bpa.value !== null && bpa.value.restrictPublicBuckets.known && bpa.value.restrictPublicBuckets.value) return ctx.pass();
    return exposureOutcome(ctx, bucket, bucket.policy, `bucket \`${name}\``, 'name the principals that need access or pin them with a condition');
  },
});
