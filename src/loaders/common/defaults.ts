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
