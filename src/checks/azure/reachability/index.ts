import type { AnyCheck } from '../../kit/types.js';
import adminPorts from './nic-admin-ports.js';
import allPorts from './nic-all-ports.js';
import databasePorts from './nic-database-ports.js';
import egress from './nic-egress.js';
import ipForAsg from './nsg-ip-for-asg.js';
import addressesDirection from './nsg-rule-addresses-direction.js';
import shadowed from './nsg-shadowed-rules.js';

/** Checks on the network engine's answers (AZURE-NET-1xx): reachability along the whole path, and rule analyses. */
export const REACHABILITY_CHECKS: readonly AnyCheck[] = [adminPorts, databasePorts, allPorts, egress, shadowed, addressesDirection, ipForAsg];
