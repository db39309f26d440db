import type { CloudTrail, GuardDutyDetector, LambdaFunction, RdsInstance, Secret, SnsTopic, SqsQueue } from './services.js';
import type {
  Ec2Instance, FlowLog, InternetGateway, NatGateway, NetworkAcl, NetworkInterface, RouteTable, SecurityGroup, Subnet,
  Vpc, VpcEndpoint,
} from './ec2.js';
import type { IamGroup, IamInstanceProfile, IamManagedPolicy, IamRole, IamUser } from './iam.js';
import type { KmsKey } from './kms.js';
import type { S3Bucket } from './s3.js';

export type * from './ec2.js';
export type * from './iam.js';
export type * from './kms.js';
export type * from './s3.js';
export type * from './services.js';

export type AwsResource =
  | IamUser | IamGroup | IamRole | IamManagedPolicy | IamInstanceProfile
  | S3Bucket | KmsKey
  | SecurityGroup | NetworkAcl | Ec2Instance | NetworkInterface | Vpc | Subnet | RouteTable | InternetGateway
  | NatGateway | VpcEndpoint | FlowLog
  | CloudTrail | Secret | LambdaFunction | RdsInstance | GuardDutyDetector | SqsQueue | SnsTopic;
