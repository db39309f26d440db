import { known } from '../../../model/core/index.js';
import type { LoadResult } from '../../types.js';
import type { TfResourceInstance, TfVariable } from '../types.js';
import { AWS_EC2_NETWORK } from './aws-ec2-network.js';
import { AWS_EC2_SECURITY } from './aws-ec2-security.js';
import { AWS_IAM } from './aws-iam.js';
import { AWS_RESOURCE_POLICIES } from './aws-resource-policies.js';
import { AWS_S3 } from './aws-s3.js';
import { AWS_SERVICES } from './aws-services.js';
import { AZURE_AUTHORIZATION } from './azure-authorization.js';
import { AZURE_MANAGEMENT } from './azure-management.js';
import { AZURE_NETWORK } from './azure-network.js';
import { AZURE_SERVICES } from './azure-services.js';
import type { Adapter, AdapterTable } from './context.js';
import { Emitter, Tf } from './context.js';

/**
 * Terraform resource instances (from a plan or from evaluated HCL) to model resources and fragments. One table keyed
 * by resource type, one small module per service group; types the model cannot express are ignored, as are data
 * sources (they describe what exists outside the configuration).
 */

/** One table per service group; a type belongs to exactly one (the test checks). */
export const ADAPTER_GROUPS: readonly AdapterTable[] = [
  AWS_IAM, AWS_S3, AWS_EC2_SECURITY, AWS_EC2_NETWORK, AWS_SERVICES, AWS_RESOURCE_POLICIES,
  AZURE_AUTHORIZATION, AZURE_MANAGEMENT, AZURE_NETWORK, AZURE_SERVICES,
];

export const TERRAFORM_ADAPTERS: ReadonlyMap<string, Adapter> = new Map(ADAPTER_GROUPS.flatMap((g) => Object.entries(g)));

/** The Terraform resource types the adapter maps, sorted. */
export const ADAPTED_TYPES: readonly string[] = [...TERRAFORM_ADAPTERS.keys()].sort();

export function adaptTerraform(instances: readonly TfResourceInstance[], variables: readonly TfVariable[]): LoadResult {
  const out = new Emitter(new Map(instances.map((i) => [i.key, i])));
  for (const inst of instances) {
    if (inst.mode !== 'managed') continue;
    const adapt = TERRAFORM_ADAPTERS.get(inst.type);
    if (!adapt) continue;
    try {
      adapt(new Tf(inst), out);
    } catch (e) {
      // An adapter is total over well-formed values; this keeps one odd resource from losing the whole input.
      out.diagnostics.push({
        code: 'invalid-value', severity: 'error', file: inst.at.file, line: inst.at.line, column: inst.at.column,
        message: `${inst.type} \`${inst.address}\` could not be read: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }
  out.finish();
  for (const v of variables) {
    out.resource({
      kind: 'iac.parameter',
      key: v.key,
      aliases: [],
      native: { type: 'variable', name: v.name, address: `var.${v.name}` },
      at: v.at,
      name: v.name,
      hidden: known(v.sensitive, v.at),
      defaultValue: known(v.default, v.at),
    });
  }
  return { resources: out.resources, fragments: out.fragments, diagnostics: out.diagnostics };
}
