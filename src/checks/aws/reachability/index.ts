import type { AnyCheck } from '../../kit/types.js';
import adminPorts from './instance-admin-ports.js';
import allPorts from './instance-all-ports.js';
import databasePorts from './instance-database-ports.js';
import egress from './instance-egress.js';
import cidrForGroup from './sg-cidr-for-group.js';
import redundant from './sg-redundant-rules.js';

/** Checks on the network engine's answers (AWS-NET-1xx): reachability along the whole path, and rule analyses. */
export const REACHABILITY_CHECKS: readonly AnyCheck[] = [adminPorts, databasePorts, allPorts, egress, redundant, cidrForGroup];
