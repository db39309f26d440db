import { defineCheck } from '../../kit/define-check.js';
import { code } from '../shared/text.js';
import { BLOCKED_SEVERITY, blockedBy, bucketText } from './bucket.js';

/** Canned ACLs that grant the AllUsers or AuthenticatedUsers groups access. */
const PUBLIC_ACLS: Readonly<Record<string, string>> = {
  'public-read': 'lets anyone on the internet list and read the bucket',
  'public-read-write': 'lets anyone on the internet list, read and write the bucket',
  'authenticated-read': 'lets any AWS account (any authenticated AWS user) list and read the bucket',
};

export default defineCheck({
  id: 'AWS-S3-002',
  title: 'S3 bucket ACL does not grant public access',
  severity: 'high',
  provider: 'aws',
  service: 's3',
  target: 'aws.s3.bucket',
  rationale:
    'The canned ACLs `public-read` and `public-read-write` grant the AllUsers group (anyone, unauthenticated), and ' +
    '`authenticated-read` grants AuthenticatedUsers (anyone with any AWS account). AWS recommends keeping ACLs ' +
    'disabled (Object Ownership `BucketOwnerEnforced`) and granting access with policies. When Block Public Access ' +
    '(`BlockPublicAcls`/`IgnorePublicAcls`) is on, the grant is rejected or ignored and the finding is low severity: ' +
    'the template still asks for a public bucket.',
  remediation: {
    summary: 'Remove the public canned ACL (use `private` or none) and keep ACLs disabled with Object Ownership `BucketOwnerEnforced`.',
    cli: 'aws s3api put-bucket-acl --bucket BUCKET --acl private\naws s3api put-bucket-ownership-controls --bucket BUCKET --ownership-controls Rules=[{ObjectOwnership=BucketOwnerEnforced}]',
    terraform: 'resource "aws_s3_bucket_ownership_controls" "this" {\n  bucket = aws_s3_bucket.this.id\n  rule {\n    object_ownership = "BucketOwnerEnforced"\n  }\n}',
    cloudformation: 'OwnershipControls:\n  Rules:\n    - ObjectOwnership: BucketOwnerEnforced\n# and no AccessControl: PublicRead / PublicReadWrite / AuthenticatedRead',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html',
  ],
  evaluate(bucket, ctx) {
    const acl = bucket.acl;
    if (!acl.known) return ctx.unknown(acl, `cannot tell which ACL ${bucketText(bucket)} has`);
    const what = PUBLIC_ACLS[acl.value];
    if (!what) return ctx.pass();
    const blocked = blockedBy(bucket, ['blockPublicAcls', 'ignorePublicAcls']);
    return blocked
      ? ctx.fail(acl, `${bucketText(bucket)} has the canned ACL ${code(acl.value)}, which ${what}; ${blocked} blocks it today, but remove the public ACL`, { severity: BLOCKED_SEVERITY })
      : ctx.fail(acl, `${bucketText(bucket)} has the canned ACL ${code(acl.value)}, which ${what}; use \`private\` and grant access with a bucket policy`);
  },
});
