import { describe, expect, it } from 'vitest';
import type { LoadDiagnostic } from '../../model/core/index.js';
import type { ObjectValue, Value } from '../common/value.js';
import { parseYamlTemplate } from './parse-yaml.js';
import { NO_VALUE, Resolver } from './resolve.js';
import { readTemplate } from './template.js';

/**
 * Intrinsic functions, each case on the documented behaviour.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
 */

const BASE = `
Parameters:
  Env: { Type: String, Default: prod }
  Subnets: { Type: "List<AWS::EC2::Subnet::Id>", Default: "subnet-1, subnet-2" }
  Size: { Type: Number, Default: 3 }
  NoDefault: { Type: String }
  AmiParam: { Type: "AWS::SSM::Parameter::Value<String>", Default: /golden/ami }
Mappings:
  Sizes:
    prod: { Count: 4, Name: large }
    dev: { Count: 1, Name: small }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  Either: !Or [!Condition IsDev, !Equals [!Ref NoDefault, x]]
  Both: !And [!Condition IsProd, !Equals [!Ref NoDefault, x]]
  InUsEast1: !Equals [!Ref "AWS::Region", us-east-1]
Resources:
  Bucket: { Type: AWS::S3::Bucket, Properties: { BucketName: !Sub "acme-\${Env}" } }
  Anonymous: { Type: AWS::S3::Bucket }
  Role: { Type: AWS::IAM::Role, Properties: { RoleName: deployer, Path: /ci/ } }
  Group: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: x } }
  Off: { Type: AWS::S3::Bucket, Condition: IsDev, Properties: { BucketName: off } }
  Net: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.8.0.0/16 } }
  Sub1: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Net, CidrBlock: !Select [2, !Cidr [!GetAtt Net.CidrBlock, 4, 8]] } }
`;

function evaluate(expr: string, given: Record<string, string> = {}): { v: Value | typeof NO_VALUE; diagnostics: LoadDiagnostic[]; resolver: Resolver } {
  const text = `${BASE}Metadata:\n  X: ${expr}\n`;
  const tree = parseYamlTemplate('t.yaml', text);
  expect(tree.diagnostics).toEqual([]);
  const diagnostics: LoadDiagnostic[] = [];
  const root = tree.root as ObjectValue;
  const tpl = readTemplate('t.yaml', { ...tree, root }, diagnostics);
  const resolver = new Resolver(tpl, given, diagnostics);
  const x = (root.fields.get('Metadata') as ObjectValue).fields.get('X') as Value;
  return { v: resolver.resolve(x), diagnostics, resolver };
}

/** The value as plain data: strings, numbers, lists, objects; unknowns as `?why|refs`. */
function plain(v: Value | typeof NO_VALUE): unknown {
  if (v === NO_VALUE) return 'NO_VALUE';
  switch (v.t) {
    case 'string': case 'number': case 'bool': return v.v;
    case 'null': return null;
    case 'list': return v.items.map(plain);
    case 'object': return Object.fromEntries([...v.fields].map(([k, x]) => [k, plain(x)]));
    case 'unknown': return `?${v.why}|${v.refs.map((r) => r.replace('t.yaml#', '')).join(',')}`;
  }
}

const ev = (expr: string, given?: Record<string, string>): unknown => plain(evaluate(expr, given).v);

describe('Ref', () => {
  it('parameters: default, given value, list types split and trimmed, SSM types unknown', () => {
    expect(ev('!Ref Env')).toBe('prod');
    expect(ev('!Ref Env', { Env: 'dev' })).toBe('dev');
    // CommaDelimitedList / List<…>: "each member string is space trimmed" (parameters-section-structure.html)
    expect(ev('!Ref Subnets')).toEqual(['subnet-1', 'subnet-2']);
    // Number parameters are strings when referenced.
    expect(ev('!Ref Size')).toBe('3');
    expect(ev('!Ref NoDefault')).toBe('?parameter `NoDefault` has no default and no value was given|');
    expect(ev('!Ref AmiParam')).toBe('?parameter `AmiParam` is read from SSM Parameter Store (`/golden/ami`) at deployment|');
  });

  it('pseudo parameters: unknown unless given; partition from the region', () => {
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html
    expect(ev('!Ref AWS::Region')).toBe('?`AWS::Region` is known only at deployment|');
    expect(ev('!Ref AWS::AccountId', { 'AWS::AccountId': '111122223333' })).toBe('111122223333');
    expect(ev('!Ref AWS::Partition')).toBe('aws');
    expect(ev('!Ref AWS::Partition', { 'AWS::Region': 'us-gov-west-1' })).toBe('aws-us-gov');
    expect(ev('!Ref AWS::URLSuffix', { 'AWS::Region': 'cn-north-1' })).toBe('amazonaws.com.cn');
    expect(ev('!Ref AWS::StackName')).toBe('?`AWS::StackName` is known only at deployment|');
    expect(ev('[a, !Ref AWS::NoValue, b]')).toEqual(['a', 'b']);
    expect(ev('{ A: 1, B: !Ref AWS::NoValue }')).toEqual({ A: 1 });
  });

  it('resources: the name where Ref returns it, else unknown linked to the resource', () => {
    // aws-resource-s3-bucket.html: Ref returns the bucket name.
    const r = evaluate('!Ref Bucket');
    expect(plain(r.v)).toBe('acme-prod');
    expect(r.v !== NO_VALUE && r.resolver.origin.get(r.v)).toBe('t.yaml#Bucket');
    expect(ev('!Ref Anonymous')).toBe('?`!Ref Anonymous` (AWS::S3::Bucket) is known only after deployment|Anonymous');
    // aws-resource-ec2-securitygroup.html: Ref returns the group id.
    expect(ev('!Ref Group')).toBe('?`!Ref Group` (AWS::EC2::SecurityGroup) is known only after deployment|Group');
    expect(ev('!Ref Off')).toBe('?resource `Off` is not created (condition `IsDev` is false)|');
  });

  it('undeclared names are reported', () => {
    const r = evaluate('!Ref Nope');
    expect(plain(r.v)).toBe('?`Nope` is not declared in the template|');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['unresolved-reference']);
    expect(evaluate('!Ref AWS::Bogus').diagnostics.map((d) => d.message)).toEqual(['`AWS::Bogus` is not a pseudo parameter']);
  });
});

describe('Fn::GetAtt', () => {
  it('derives the bucket ARN from its name, and role ARNs when the account is given', () => {
    expect(ev('!GetAtt Bucket.Arn')).toBe('arn:aws:s3:::acme-prod');
    expect(ev('!GetAtt [Bucket, DomainName]')).toBe('acme-prod.s3.amazonaws.com');
    expect(ev('!GetAtt Role.Arn')).toBe('?`!GetAtt Role.Arn` is known only after deployment|Role');
    expect(ev('!GetAtt Role.Arn', { 'AWS::AccountId': '111122223333' })).toBe('arn:aws:iam::111122223333:role/ci/deployer');
    expect(ev('!GetAtt Group.GroupId')).toBe('?`!GetAtt Group.GroupId` is known only after deployment|Group');
  });

  it('returns properties for attributes documented as them (VPC and subnet CidrBlock, VpcId)', () => {
    // aws-resource-ec2-vpc.html: CidrBlock is the VPC's primary IPv4 block.
    expect(ev('!GetAtt Net.CidrBlock')).toBe('10.8.0.0/16');
    expect(ev('!GetAtt Sub1.CidrBlock')).toBe('10.8.2.0/24');
    // The subnet's VpcId is `!Ref Net`: unknown, but linked to the VPC.
    expect(ev('!GetAtt Sub1.VpcId')).toBe('?`!Ref Net` (AWS::EC2::VPC) is known only after deployment|Net');
    expect(ev('!GetAtt Net.DefaultSecurityGroup')).toBe('?`!GetAtt Net.DefaultSecurityGroup` is known only after deployment|Net');
  });

  it('splits `a.b.c` at the first dot', () => {
    expect(ev('!GetAtt Anonymous.Endpoint.Address')).toBe('?`!GetAtt Anonymous.Endpoint.Address` is known only after deployment|Anonymous');
  });
});

describe('Fn::Sub', () => {
  it('substitutes parameters, pseudo parameters, resources, attributes and variables', () => {
    // intrinsic-function-reference-sub.html
    expect(ev('!Sub "${Env}-${AWS::Partition}"')).toBe('prod-aws');
    expect(ev('!Sub "arn:aws:s3:::${Bucket}/*"')).toBe('arn:aws:s3:::acme-prod/*');
    expect(ev('!Sub "${Bucket.Arn}/logs"')).toBe('arn:aws:s3:::acme-prod/logs');
    expect(ev('!Sub ["${Name}-${Count}", { Name: !Ref Env, Count: 2 }]')).toBe('prod-2');
  });

  it('writes `${!Literal}` as `${Literal}`', () => {
    expect(ev('!Sub "echo ${!HOME} in ${Env}"')).toBe('echo ${HOME} in prod');
  });

  it('is unknown when any part is, with the refs of every unknown part', () => {
    expect(ev('!Sub "${Anonymous}-${Group}-${AWS::AccountId}"')).toBe(
      '?`!Ref Anonymous` (AWS::S3::Bucket) is known only after deployment|Anonymous,Group');
  });
});

describe('string and list functions', () => {
  it('Fn::Join, Fn::Split, Fn::Select, Fn::Length', () => {
    expect(ev('!Join [":", [a, !Ref Env, 3]]')).toBe('a:prod:3');
    expect(ev('!Join [",", !Ref Subnets]')).toBe('subnet-1,subnet-2');
    expect(ev('!Split ["|", "a|b||c"]')).toEqual(['a', 'b', '', 'c']);
    expect(ev('!Select [1, !Ref Subnets]')).toBe('subnet-2');
    expect(ev('!Select ["0", [x, y]]')).toBe('x');
    expect(ev('!Length [a, b, c]')).toBe(3);
    expect(ev('!Join ["-", [a, !Ref Anonymous]]')).toBe('?`!Ref Anonymous` (AWS::S3::Bucket) is known only after deployment|Anonymous');
  });

  it('Fn::Select picks a known item out of a partly unknown list', () => {
    expect(ev('!Select [0, [known, !Ref AWS::Region]]')).toBe('known');
    expect(ev('!Select [0, !GetAZs ""]')).toBe('?`!GetAZs` lists the availability zones of the account at deployment|');
  });

  it('Fn::Base64, Fn::ToJsonString', () => {
    expect(ev('!Base64 "hello"')).toBe('aGVsbG8=');
    expect(ev('!ToJsonString { a: [1, !Ref Env] }')).toBe('{"a":[1,"prod"]}');
    // Partly unknown: the string is unknown, the structure stays readable (a policy written this way).
    const partly = evaluate('!ToJsonString { Statement: [{ Resource: !Ref AWS::AccountId }] }').v;
    expect(partly !== NO_VALUE && partly.t === 'unknown' && plain(partly.json ?? partly)).toEqual({ Statement: [{ Resource: '?`AWS::AccountId` is known only at deployment|' }] });
  });

  it('Fn::Cidr', () => {
    // intrinsic-function-reference-cidr.html: !Cidr ["192.168.0.0/24", 6, 5] gives six /27 blocks.
    expect(ev('!Cidr ["192.168.0.0/24", 6, 5]')).toEqual([
      '192.168.0.0/27', '192.168.0.32/27', '192.168.0.64/27', '192.168.0.96/27', '192.168.0.128/27', '192.168.0.160/27',
    ]);
    const bad = evaluate('!Cidr ["10.0.0.0/24", 300, 8]');
    expect(plain(bad.v)).toBe('?`Fn::Cidr`: count must be between 1 and 256|');
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['invalid-template']);
  });

  it('Fn::FindInMap, with the LanguageExtensions default', () => {
    expect(ev('!FindInMap [Sizes, !Ref Env, Count]')).toBe(4);
    expect(ev('!FindInMap [Sizes, dev, Name]')).toBe('small');
    expect(ev('!FindInMap [Sizes, test, Name, { DefaultValue: tiny }]')).toBe('tiny');
    const missing = evaluate('!FindInMap [Sizes, test, Name]');
    expect(plain(missing.v)).toBe('?mapping `Sizes` has no `test`/`Name`|');
    expect(missing.diagnostics.map((d) => d.code)).toEqual(['unresolved-reference']);
  });

  it('Fn::ImportValue and Fn::Transform are unknown', () => {
    expect(ev('!ImportValue shared-vpc')).toBe('?`!ImportValue shared-vpc` is exported by another stack|');
    expect(ev('{ "Fn::Transform": { Name: AWS::Include, Parameters: { Location: s3://x } } }'))
      .toBe('?the macro `AWS::Include` (`Fn::Transform`) runs at deployment|');
  });
});

describe('conditions', () => {
  it('Fn::If picks the branch of a decided condition', () => {
    expect(ev('!If [IsProd, big, small]')).toBe('big');
    expect(ev('!If [IsDev, big, small]')).toBe('small');
    expect(ev('!If [IsDev, big, !Ref AWS::NoValue]')).toBe('NO_VALUE');
  });

  it('three-valued And/Or: a decided operand can settle an undecided one', () => {
    // IsDev is false, NoDefault is unknown: Or(false, ?) is unknown, And(true, ?) is unknown.
    expect(ev('!If [Either, a, b]')).toBe('?condition `Either` is undecided: parameter `NoDefault` has no default and no value was given|');
    expect(ev('!If [Both, a, b]', { NoDefault: 'x' })).toBe('a');
    expect(ev('!If [Either, a, b]', { Env: 'dev' })).toBe('a');
    expect(ev('!If [InUsEast1, a, b]', { 'AWS::Region': 'us-east-1' })).toBe('a');
  });

  it('resource conditions', () => {
    const r = evaluate('x');
    const tplRes = (id: string): Parameters<Resolver['created']>[0] => ({ logicalId: id, type: 'AWS::S3::Bucket', at: { file: 't', line: 1, column: 1, endLine: 1, endColumn: 1 }, properties: undefined, condition: { t: 'string', v: id === 'a' ? 'IsProd' : 'Either', at: { file: 't', line: 1, column: 1, endLine: 1, endColumn: 1 } } });
    expect(r.resolver.created(tplRes('a'))).toEqual({ v: true, why: '' });
    expect(r.resolver.created(tplRes('b')).v).toBe('unknown');
  });

  it('condition functions used as values', () => {
    expect(ev('!Equals [a, a]')).toBe(true);
    expect(ev('!Equals [!Ref Size, 3]')).toBe(true);
  });
});
