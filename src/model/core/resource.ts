import type { Attr } from './attr.js';
import type { Provenance } from './provenance.js';

export type Provider = 'aws' | 'azure' | 'iac';

/** How the input names the resource: native type (`aws_s3_bucket`, `AWS::S3::Bucket`, `Microsoft.Storage/storageAccounts`). */
export interface NativeRef {
  readonly type: string;
  readonly name: string;
  /** Address as users write it: `module.net.aws_instance.web[0]`, a CloudFormation logical id, an ARM resource id. */
  readonly address: string;
}

export interface ResourceBase<K extends string = string> {
  readonly kind: K;
  /** Unique within the estate. */
  readonly key: string;
  /**
   * Other handles other resources use to point here: ARN, physical name, an EC2 id, an ARM resource id. Azure ids
   * are stored lowercased because Azure compares them case-insensitively.
   */
  readonly aliases: readonly string[];
  readonly native: NativeRef;
  readonly at: Provenance;
}

/** A relation to another resource: the target's key or one of its aliases, or unknown when it cannot be resolved. */
export type Link = Attr<string>;
