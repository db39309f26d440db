/**
 * Documented service defaults that apply when a template does not set an attribute. One table for every format, so a
 * CloudFormation bucket and a Terraform bucket without the same setting land in the model identically. Where a
 * format's tool deviates from the service default (Terraform removes the default egress rule), the adapter says so.
 */
export const AWS_DEFAULTS = {
  s3: {
    // Since April 2023 new buckets have all four Block Public Access settings on and ACLs disabled.
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/create-bucket-overview.html
    publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
    objectOwnership: 'BucketOwnerEnforced',
    // Since 5 January 2023 every bucket applies SSE-S3 by default.
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html
    encryptionAlgorithm: 'AES256',
    versioning: false,
    acl: 'private',
  },
  ec2: {
    // RunInstances MetadataOptions: HttpTokens defaults to `optional` unless the AMI or the account default says otherwise.
    // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_InstanceMetadataOptionsRequest.html
    httpTokens: 'optional',
    httpEndpoint: 'enabled',
    hopLimit: 1,
  },
  kms: {
    // https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html (automatic rotation is off until enabled)
    rotationEnabled: false,
    keySpec: 'SYMMETRIC_DEFAULT',
    enabled: true,
  },
  cloudtrail: {
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudtrail-trail.html
    multiRegion: false,
    logFileValidation: false,
    includeGlobalServiceEvents: true,
    organizationTrail: false,
  },
  rds: {
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbinstance.html
    storageEncrypted: false,
    publiclyAccessible: false,
    iamAuthentication: false,
    manageMasterUserPassword: false,
  },
  guardduty: { enabled: true },
  subnet: { mapPublicIpOnLaunch: false },
} as const;

export const AZURE_DEFAULTS = {
  storage: {
    // https://learn.microsoft.com/azure/storage/common/storage-account-overview and the ARM template reference for
    // Microsoft.Storage/storageAccounts: anonymous blob access is disallowed by default for new accounts
    // (API 2023-01-01 and later); HTTPS-only is on; TLS 1.2 is the minimum for new accounts; shared key allowed.
    allowBlobPublicAccess: false,
    httpsOnly: true,
    minimumTlsVersion: 'TLS1_2',
    sharedKeyAccess: true,
    publicNetworkAccess: 'Enabled',
    networkDefaultAction: 'Allow',
    encryptionKeySource: 'Microsoft.Storage',
    infrastructureEncryption: false,
  },
  keyVault: {
    // Soft delete cannot be turned off (since 2020); purge protection is off until enabled; access policies are the
    // default permission model for the ARM API versions in use; public network access is enabled.
    // https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview
    softDelete: true,
    purgeProtection: false,
    rbacAuthorization: false,
    publicNetworkAccess: 'Enabled',
    networkDefaultAction: 'Allow',
  },
  publicIp: { sku: 'Basic' },
  vm: { identityType: 'None' },
} as const;

/**
 * Azure defaults that depend on the API version a template or request uses: for requests made with an API version
 * older than `before`, the service applies `value` instead of the entry in AZURE_DEFAULTS. Formats that name the API
 * version (ARM templates, Bicep) pick the right one; the others use AZURE_DEFAULTS.
 */
export const AZURE_API_VERSION_DEFAULTS = {
  storage: {
    // The Microsoft.Storage REST reference before 2023-01-01 documents allowBlobPublicAccess as "The default
    // interpretation is true for this property"; from 2023-01-01 as false.
    // https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent
    allowBlobPublicAccess: { before: '2023-01-01', value: true },
    // supportsHttpsTrafficOnly: "The default value is true since API version 2019-04-01."
    // https://learn.microsoft.com/rest/api/storagerp/storage-accounts/create
    httpsOnly: { before: '2019-04-01', value: false },
  },
  keyVault: {
    // From API version 2026-02-01, a vault created without enableRbacAuthorization uses Azure RBAC (true); older
    // API versions create it with access policies (false).
    // https://learn.microsoft.com/azure/key-vault/general/access-control-default
    rbacAuthorization: { from: '2026-02-01', value: true },
  },
} as const;
