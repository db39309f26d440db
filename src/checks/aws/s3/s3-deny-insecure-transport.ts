import type { JsonValue, Tri } from '../../../model/index.js';
import { splitStringParts, triAnd } from '../../../model/index.js';
import { defineCheck } from '../../kit/define-check.js';
import type { Statement } from '../shared/policy.js';
import { isDeny, isUnknownLeaf, principalIsAnyone, some, statementsOf } from '../shared/policy.js';
import { globMatch, asciiLower } from '../shared/glob.js';
import { bucketText } from './bucket.js';

function isObject(v: JsonValue | undefined): v is { [k: string]: JsonValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Whether a Deny's condition matches plain-HTTP requests: `Bool`/`BoolIfExists` `aws:SecureTransport` false, or
 * `NumericLessThanIfExists` `s3:TlsVersion` (without IfExists a request without TLS has no TLS version, so the
 * condition is false and HTTP is not denied).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-securetransport
 */
function deniesPlainHttp(condition: JsonValue | undefined): Tri {
  if (isUnknownLeaf(condition)) return 'unknown';
  if (!isObject(condition)) return false;
  let undecided = false;
  for (const [op, block] of Object.entries(condition)) {
    if (!isObject(block)) {
      if (isUnknownLeaf(block)) undecided = true;
      continue;
    }
    const o = asciiLower(op);
    for (const [key, raw] of Object.entries(block)) {
      const k = asciiLower(key);
      const values = Array.isArray(raw) ? raw : [raw];
      if ((o === 'bool' || o === 'boolifexists') && k === 'aws:securetransport') {
        if (values.some((v) => v === false || (typeof v === 'string' && v.toLowerCase() === 'false'))) return true;
        if (values.some((v) => isUnknownLeaf(v))) undecided = true;
      }
      if (o === 'numericlessthanifexists' && k === 's3:tlsversion') return true;
    }
  }
  return undecided ? 'unknown' : false;
}

/** Covers every S3 action: `*`, `s3:*`, `s3:*`-like lists. */
function coversAllS3(s: Statement): Tri {
  return some(s.action, (a) => globMatch(a, 's3:*'));
}

/**
 * The statement covers the bucket's objects (any resource ending in `/*`, or `*`). Unknown resources are this
 * bucket's; one whose known text ends it (`arn:aws:s3:::<unknown>/logs`) is judged by that ending.
 */
function coversObjects(s: Statement): boolean {
  const rs = s.resource ?? [];
  if (rs.length === 0) return true;
  return rs.some((r) => {
    if (isUnknownLeaf(r)) {
      const last = splitStringParts(r).at(-1);
      if (last === undefined || !('text' in last)) return true;
      return last.text.endsWith('*');
    }
    return r === '*' || r.endsWith('/*') || r.endsWith('*');
  });
}

export default defineCheck({
  id: 'AWS-S3-004',
  title: 'S3 bucket policy denies requests that do not use TLS',
  severity: 'medium',
  provider: 'aws',
  service: 's3',
  target: 'aws.s3.bucket',
  rationale:
    'S3 accepts plain HTTP as well as HTTPS. Only a bucket policy that denies requests where `aws:SecureTransport` is ' +
    '`false` makes every client use TLS, so credentials-signed requests and data cannot be read or altered on the ' +
    'network. CIS AWS Foundations 2.1.1 asks for this statement on every bucket.',
  remediation: {
    summary: 'Add a Deny statement for all principals and `s3:*` on the bucket and its objects when `aws:SecureTransport` is `false`.',
    cli: 'aws s3api put-bucket-policy --bucket BUCKET --policy \'{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::BUCKET","arn:aws:s3:::BUCKET/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}\'',
    terraform: 'statement {\n  sid     = "DenyInsecureTransport"\n  effect  = "Deny"\n  actions = ["s3:*"]\n  principals {\n    type        = "*"\n    identifiers = ["*"]\n  }\n  resources = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"]\n  condition {\n    test     = "Bool"\n    variable = "aws:SecureTransport"\n    values   = ["false"]\n  }\n}',
    cloudformation: '- Sid: DenyInsecureTransport\n  Effect: Deny\n  Principal: "*"\n  Action: s3:*\n  Resource: [!GetAtt Bucket.Arn, !Sub "${Bucket.Arn}/*"]\n  Condition:\n    Bool:\n      aws:SecureTransport: false',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-securetransport',
  ],
  compliance: { 'cis-aws-3.0': ['2.1.1'] },
  evaluate(bucket, ctx) {
    const policy = bucket.policy;
    if (!policy.known) return ctx.unknown(policy, `cannot read the bucket policy of ${bucketText(bucket)}`);
    if (policy.value === null) return ctx.fail(policy, `${bucketText(bucket)} has no bucket policy, so it accepts plain HTTP; add a Deny for \`aws:SecureTransport\` \`false\``);
    let undecided = false;
    let bucketOnly = false;
    for (const s of statementsOf(policy.value)) {
      const denies = triAnd(isDeny(s), principalIsAnyone(s.principal), coversAllS3(s), deniesPlainHttp(s.condition));
      if (denies === true) {
        if (coversObjects(s)) return ctx.pass();
        bucketOnly = true;
      } else if (denies === 'unknown') undecided = true;
    }
    if (undecided) return ctx.unknown(policy, `cannot tell whether the policy of ${bucketText(bucket)} denies plain HTTP: part of it is not known before deployment`);
    if (bucketOnly) return ctx.fail(policy, `${bucketText(bucket)} denies plain HTTP for the bucket but not its objects; add \`/*\` to the Deny statement's resources`);
    return ctx.fail(policy, `${bucketText(bucket)} policy does not deny requests without TLS; add a Deny for all principals and \`s3:*\` when \`aws:SecureTransport\` is \`false\``);
  },
});
