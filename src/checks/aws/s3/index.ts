import type { AnyCheck } from '../../kit/types.js';
import accessLogging from './s3-access-logging.js';
import blockPublicAccess from './s3-block-public-access.js';
import blockPublicAccessDeclared from './s3-block-public-access-declared.js';
import customerManagedKey from './s3-customer-managed-key.js';
import denyInsecureTransport from './s3-deny-insecure-transport.js';
import policyPublic from './s3-policy-public.js';
import publicAcl from './s3-public-acl.js';
import versioning from './s3-versioning.js';

export const S3_CHECKS: readonly AnyCheck[] = [blockPublicAccess, publicAcl, policyPublic, denyInsecureTransport, customerManagedKey, versioning, accessLogging, blockPublicAccessDeclared];
