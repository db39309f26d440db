import type { AnyCheck } from '../../kit/types.js';
import adminPorts from './nsg-admin-ports.js';
import allPorts from './nsg-all-ports.js';
import databasePorts from './nsg-database-ports.js';
import outboundInternet from './nsg-outbound-internet.js';
import ruleDirection from './nsg-rule-direction.js';

export const NETWORK_CHECKS: readonly AnyCheck[] = [adminPorts, allPorts, databasePorts, outboundInternet, ruleDirection];
