import type { Provenance } from './provenance.js';
import type { Link } from './resource.js';

/**
 * Part of a resource written as a separate resource: a Terraform `aws_s3_bucket_public_access_block`, a
 * CloudFormation `AWS::EC2::SecurityGroupIngress`, an `azurerm_network_security_rule`. After loading, the linker
 * merges each fragment into its target: list fields are appended, other fields replaced.
 */
export interface Fragment<K extends string = string, F = object> {
  readonly targetKind: K;
  readonly target: Link;
  readonly fields: Partial<F>;
  /** The resource that wrote the fragment, for error messages and for findings about what it set. */
  readonly source: { readonly type: string; readonly address: string; readonly at: Provenance };
}
