import type { AnyCheck } from '../../kit/types.js';
import defaultSg from './ec2-default-sg.js';
import imdsv2 from './ec2-imdsv2.js';
import naclAdminPorts from './ec2-nacl-admin-ports.js';
import publicIp from './ec2-public-ip.js';
import sgAdminPorts from './ec2-sg-admin-ports.js';
import sgAllPorts from './ec2-sg-all-ports.js';
import sgDatabasePorts from './ec2-sg-database-ports.js';
import sgEgress from './ec2-sg-egress.js';
import userDataSecrets from './ec2-user-data-secrets.js';
import flowLogs from './vpc-flow-logs.js';

export const EC2_CHECKS: readonly AnyCheck[] = [
  sgAdminPorts, sgAllPorts, sgDatabasePorts, sgEgress, defaultSg, naclAdminPorts, imdsv2, publicIp, userDataSecrets, flowLogs,
];
