import type { S3Bucket } from '../../../model/index.js';
import type { Severity } from '../../kit/types.js';

/** `bucket \`name\`` for messages: the bucket name when known, else the address. */
export function bucketText(b: S3Bucket): string {
  return `bucket \`${b.name.known ? b.name.value : b.native.name}\``;
}

/**
 * Block Public Access settings that neutralise a public grant, when known to be on: a finding about a grant they
 * block is lower severity, and the message says which setting blocks it.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-options
 */
export function blockedBy(b: S3Bucket, settings: readonly ('blockPublicAcls' | 'ignorePublicAcls' | 'blockPublicPolicy' | 'restrictPublicBuckets')[]): string | undefined {
  const pab = b.publicAccessBlock;
  if (!pab.known || pab.value === null) return undefined;
  const names: Record<string, string> = {
    blockPublicAcls: 'BlockPublicAcls', ignorePublicAcls: 'IgnorePublicAcls', blockPublicPolicy: 'BlockPublicPolicy', restrictPublicBuckets: 'RestrictPublicBuckets',
  };
  const on = settings.filter((s) => {
    const a = pab.value?.[s];
    return a?.known === true && a.value === true;
  });
  return on.length > 0 ? `Block Public Access (${on.map((s) => `\`${names[s] as string}\``).join(', ')})` : undefined;
}

export const BLOCKED_SEVERITY: Severity = 'low';
