/**
 * What `Ref` and `Fn::GetAtt` return for the resource types whose return value can be known from the template: the
 * physical name when the template sets it, or an ARN built from it. Everything else (ids, generated names, ARNs
 * holding an unknown account) is unknown until deployment and links back to the resource instead.
 * Each entry rests on the type's "Return values" in the CloudFormation template reference,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html
 */

export interface Pseudo {
  readonly partition: string;
  readonly region: string | undefined;
  readonly accountId: string | undefined;
}

/** The property holding the physical name, for the types whose `Ref` or `Fn::GetAtt` can follow from it. */
export const NAME_PROPERTY: Readonly<Record<string, string>> = {
  'AWS::S3::Bucket': 'BucketName',
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::User': 'UserName',
  'AWS::IAM::Group': 'GroupName',
  'AWS::IAM::InstanceProfile': 'InstanceProfileName',
  'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::RDS::DBInstance': 'DBInstanceIdentifier',
  'AWS::CloudTrail::Trail': 'TrailName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::KMS::Alias': 'AliasName',
};

/** Types whose `Ref` returns the physical name. */
const REF_IS_NAME = new Set([
  // aws-resource-s3-bucket.html: "Ref returns the bucket name"
  'AWS::S3::Bucket',
  // aws-resource-iam-role.html / -user.html / -group.html / -instanceprofile.html: Ref returns the name
  'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::InstanceProfile',
  // aws-resource-lambda-function.html: Ref returns the function name
  'AWS::Lambda::Function',
  // aws-resource-rds-dbinstance.html: Ref returns the DB instance identifier
  'AWS::RDS::DBInstance',
  // aws-resource-cloudtrail-trail.html: Ref returns the trail name
  'AWS::CloudTrail::Trail',
  // aws-resource-logs-loggroup.html: Ref returns the log group name
  'AWS::Logs::LogGroup',
  // aws-resource-kms-alias.html: Ref returns the alias name, such as alias/exampleAlias
  'AWS::KMS::Alias',
]);

/** What `Ref` returns given the physical name; undefined when it is not derivable from it. */
export function refFromName(type: string, name: string, path: string, p: Pseudo): string | undefined {
  if (REF_IS_NAME.has(type)) return name;
  // aws-resource-iam-managedpolicy.html: Ref returns the policy ARN.
  if (type === 'AWS::IAM::ManagedPolicy' && p.accountId !== undefined) return `arn:${p.partition}:iam::${p.accountId}:policy${path}${name}`;
  return undefined;
}

/** `Fn::GetAtt` results that follow from the physical name; undefined when unknown before deployment. */
export function getAttFromName(type: string, attr: string, name: string, path: string, p: Pseudo): string | undefined {
  switch (type) {
    case 'AWS::S3::Bucket':
      if (attr === 'Arn') return `arn:${p.partition}:s3:::${name}`;
      if (attr === 'DomainName') return `${name}.s3.amazonaws.com`;
      return undefined;
    case 'AWS::IAM::Role':
      return attr === 'Arn' && p.accountId !== undefined ? `arn:${p.partition}:iam::${p.accountId}:role${path}${name}` : undefined;
    case 'AWS::IAM::User':
      return attr === 'Arn' && p.accountId !== undefined ? `arn:${p.partition}:iam::${p.accountId}:user${path}${name}` : undefined;
    case 'AWS::IAM::Group':
      return attr === 'Arn' && p.accountId !== undefined ? `arn:${p.partition}:iam::${p.accountId}:group${path}${name}` : undefined;
    case 'AWS::IAM::InstanceProfile':
      return attr === 'Arn' && p.accountId !== undefined ? `arn:${p.partition}:iam::${p.accountId}:instance-profile${path}${name}` : undefined;
    case 'AWS::Lambda::Function':
      return attr === 'Arn' && p.accountId !== undefined && p.region !== undefined
        ? `arn:${p.partition}:lambda:${p.region}:${p.accountId}:function:${name}` : undefined;
    default:
      return undefined;
  }
}

/** The partition of a region: `cn-…` regions are `aws-cn`, `us-gov-…` are `aws-us-gov`, the rest `aws`. */
export function partitionOf(region: string | undefined): string {
  if (region?.startsWith('cn-')) return 'aws-cn';
  if (region?.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * `Fn::GetAtt` attributes that return a property as the template writes it, by type and attribute.
 * aws-resource-ec2-vpc.html (CidrBlock: "The primary IPv4 CIDR block for the VPC"), aws-resource-ec2-subnet.html
 * (CidrBlock, VpcId), aws-resource-ec2-securitygroup.html (VpcId).
 */
export const ATTRIBUTE_FROM_PROPERTY: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'AWS::EC2::VPC': { CidrBlock: 'CidrBlock' },
  'AWS::EC2::Subnet': { CidrBlock: 'CidrBlock', VpcId: 'VpcId' },
  'AWS::EC2::SecurityGroup': { VpcId: 'VpcId' },
};
