import type { AnyCheck } from '../../kit/types.js';
import imdsv2 from './ec2-imdsv2.js';
import naclAdminPorts from './ec2-nacl-admin-ports.js';
import publicIp from './ec2-public-ip.js';
import sgAdminPorts from './ec2-sg-admin-ports.js';
import sgAllPorts from './ec2-sg-all-ports.js';
import sgDatabasePorts from './ec2-sg-database-ports.js';
import sgEgress from './ec2-sg-egress.js';
import userDataSecrets from './ec2-user-data-secrets.js';
import flowLogs from './vpc-flow-logs.js';

/**
 * AWS-EC2-005 (default security group, ec2-default-sg.ts) is written and has Terraform examples, but is not listed
 * until the CloudFormation loader models a VPC's default security group: every AWS check needs a CloudFormation bad
 * example, and CloudFormation cannot otherwise express that group.
 */
export const EC2_CHECKS: readonly AnyCheck[] = [
  sgAdminPorts, sgAllPorts, sgDatabasePorts, sgEgress, naclAdminPorts, imdsv2, publicIp, userDataSecrets, flowLogs,
];
