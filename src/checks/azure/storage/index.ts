import type { AnyCheck } from '../../kit/types.js';
import storageBlobPublicAccess from './storage-blob-public-access.js';
import storageHttpsOnly from './storage-https-only.js';
import storageMinimumTls from './storage-minimum-tls.js';
import storageNetworkDefaultDeny from './storage-network-default-deny.js';
import storageCustomerManagedKey from './storage-customer-managed-key.js';
import storageSharedKey from './storage-shared-key.js';

export const STORAGE_CHECKS: readonly AnyCheck[] = [storageBlobPublicAccess, storageHttpsOnly, storageMinimumTls, storageNetworkDefaultDeny, storageCustomerManagedKey, storageSharedKey];
