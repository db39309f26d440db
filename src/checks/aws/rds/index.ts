import type { AnyCheck } from '../../kit/types.js';
import masterPassword from './rds-master-password.js';
import publicAccess from './rds-public.js';
import storageEncrypted from './rds-storage-encrypted.js';

export const RDS_CHECKS: readonly AnyCheck[] = [storageEncrypted, publicAccess, masterPassword];
