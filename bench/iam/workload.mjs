// The seeded IAM workload of issue 4, section 7: 10 identity policies with 50 statements in all (wildcards,
// NotAction/NotResource, IfExists, ForAnyValue, IpAddress, dates, ${aws:username}), an SCP level with a region deny,
// and N requests. Same seed, same workload, on every machine.

export const ACCOUNT = '111122223333';

export function rng(seed) {
  // mulberry32: small, fast, good enough for test data.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
const USERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi'];
const BUCKETS = ['logs-eu', 'logs-us', 'data-lake', 'backups', 'public-site'];
const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'ap-southeast-2'];
const TAGS = ['env', 'team', 'owner', 'cost-center', 'admin'];
const CIDRS = ['10.0.0.0/8', '192.168.0.0/16', '203.0.113.0/24', '2001:db8::/32'];

/** Statement templates; each takes the generator and returns one statement. */
const TEMPLATES = [
  (r) => ({
    Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: [`arn:aws:s3:::${pick(r, BUCKETS)}`, `arn:aws:s3:::${pick(r, BUCKETS)}/*`],
    Condition: { IpAddress: { 'aws:SourceIp': [pick(r, CIDRS), pick(r, CIDRS)] } },
  }),
  (r) => ({
    Effect: 'Allow', Action: 's3:PutObject', Resource: `arn:aws:s3:::${pick(r, BUCKETS)}/home/\${aws:username}/*`,
  }),
  (r) => ({
    Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'kms:*'], Resource: '*',
    Condition: { DateLessThan: { 'aws:CurrentTime': `202${Math.floor(r() * 8)}-0${1 + Math.floor(r() * 9)}-15T00:00:00Z` } },
  }),
  (r) => ({
    Effect: 'Deny', Action: 's3:Delete*', NotResource: [`arn:aws:s3:::${pick(r, BUCKETS)}/tmp/*`],
  }),
  (r) => ({
    Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem'],
    Resource: `arn:aws:dynamodb:${pick(r, REGIONS)}:${ACCOUNT}:table/\${aws:username}-*`,
  }),
  (r) => ({
    Effect: 'Allow', Action: ['ec2:StartInstances', 'ec2:StopInstances'], Resource: `arn:aws:ec2:*:${ACCOUNT}:instance/*`,
    Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': [pick(r, TAGS), pick(r, TAGS)] } },
  }),
  (r) => ({
    Effect: 'Deny', Action: 'ec2:*', Resource: '*',
    Condition: { NotIpAddress: { 'aws:SourceIp': [pick(r, CIDRS)] }, BoolIfExists: { 'aws:ViaAWSService': 'false' } },
  }),
  (r) => ({
    Effect: 'Allow', Action: 'sqs:SendMessage', Resource: `arn:aws:sqs:${pick(r, REGIONS)}:${ACCOUNT}:*`,
    Condition: { StringEqualsIfExists: { 'aws:PrincipalTag/team': pick(r, ['red', 'blue', 'green']) } },
  }),
  (r) => ({
    Effect: 'Allow', Action: ['kms:Decrypt', 'kms:Encrypt'], Resource: `arn:aws:kms:${pick(r, REGIONS)}:${ACCOUNT}:key/*`,
    Condition: { DateGreaterThan: { 'aws:CurrentTime': `202${Math.floor(r() * 6)}-06-01T00:00:00Z` }, Bool: { 'aws:SecureTransport': 'true' } },
  }),
  (r) => ({
    Effect: 'Allow', Action: 'iam:*AccessKey*', Resource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`,
  }),
  (r) => ({
    Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: `arn:aws:lambda:${pick(r, REGIONS)}:${ACCOUNT}:function:${pick(r, ['api', 'worker', 'cron'])}*`,
    Condition: { StringLikeIfExists: { 'aws:PrincipalTag/team': ['r*', 'b?ue'] } },
  }),
  (r) => ({
    Effect: 'Deny', NotAction: ['s3:*', 'dynamodb:*', 'sqs:*', 'lambda:*', 'ec2:*', 'kms:*', 'sts:*'], Resource: '*',
    Condition: { 'ForAnyValue:StringLike': { 'aws:TagKeys': [`${pick(r, TAGS)}*`] } },
  }),
];

export function identityPolicies(r) {
  const out = [];
  for (let p = 0; p < 10; p++) {
    const Statement = [];
    for (let s = 0; s < 5; s++) Statement.push({ Sid: `P${p}S${s}`, ...pick(r, TEMPLATES)(r) });
    out.push({ Version: '2012-10-17', Statement });
  }
  return out;
}

export const SCP_LEVELS = [[
  { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
  {
    Version: '2012-10-17',
    Statement: [{
      Sid: 'RegionDeny', Effect: 'Deny', NotAction: ['iam:*', 'sts:*', 'organizations:*', 'support:*'], Resource: '*',
      Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } },
    }],
  },
]];

/** One action and a resource of a type the action takes. */
const ACTIONS = [
  ['s3:GetObject', (r) => `arn:aws:s3:::${pick(r, BUCKETS)}/${pick(r, ['a.txt', 'home/alice/x', 'tmp/y'])}`],
  ['s3:PutObject', (r) => `arn:aws:s3:::${pick(r, BUCKETS)}/home/${pick(r, USERS)}/f`],
  ['s3:DeleteObject', (r) => `arn:aws:s3:::${pick(r, BUCKETS)}/tmp/${pick(r, ['a', 'b'])}`],
  ['s3:ListBucket', (r) => `arn:aws:s3:::${pick(r, BUCKETS)}`],
  ['dynamodb:GetItem', (r) => `arn:aws:dynamodb:${pick(r, REGIONS)}:${ACCOUNT}:table/${pick(r, USERS)}-orders`],
  ['dynamodb:PutItem', (r) => `arn:aws:dynamodb:${pick(r, REGIONS)}:${ACCOUNT}:table/${pick(r, USERS)}-orders`],
  ['ec2:StartInstances', (r) => `arn:aws:ec2:${pick(r, REGIONS)}:${ACCOUNT}:instance/i-0${Math.floor(r() * 1e6)}`],
  ['sqs:SendMessage', (r) => `arn:aws:sqs:${pick(r, REGIONS)}:${ACCOUNT}:jobs`],
  ['kms:Decrypt', (r) => `arn:aws:kms:${pick(r, REGIONS)}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`],
  ['iam:CreateAccessKey', (r) => `arn:aws:iam::${ACCOUNT}:user/${pick(r, USERS)}`],
  ['iam:CreateUser', (r) => `arn:aws:iam::${ACCOUNT}:user/${pick(r, USERS)}`],
  ['lambda:InvokeFunction', (r) => `arn:aws:lambda:${pick(r, REGIONS)}:${ACCOUNT}:function:${pick(r, ['api', 'worker', 'cron'])}-v1`],
];

const IPS = ['10.1.2.3', '192.168.7.7', '203.0.113.9', '198.51.100.1', '2001:db8::5', '2001:dead::1'];

export function requests(r, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const user = pick(r, USERS);
    const [action, make] = pick(r, ACTIONS);
    const resource = make(r);
    const region = resource.split(':')[3];
    const context = {
      'aws:username': user,
      'aws:SourceIp': pick(r, IPS),
      'aws:CurrentTime': `202${Math.floor(r() * 9)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}T12:00:00Z`,
      'aws:RequestedRegion': region === '' ? pick(r, REGIONS) : region,
      'aws:SecureTransport': r() < 0.8 ? 'true' : 'false',
    };
    if (r() < 0.6) context['aws:TagKeys'] = TAGS.filter(() => r() < 0.4);
    if (r() < 0.5) context['aws:PrincipalTag/team'] = pick(r, ['red', 'blue', 'green']);
    out.push({ user, action, resource, context });
  }
  return out;
}
