import type { LoadDiagnostic } from '../model/core/index.js';
import type { Resource, ResourceFragment } from '../model/index.js';

export type InputFormat =
  | 'cloudformation'
  | 'arm'
  | 'terraform-plan'
  | 'terraform'
  | 'aws-cli'
  | 'aws-iam-authorization-details'
  | 'az-cli'
  | 'azure-rbac-export';

/** What one loader made of its inputs. Nothing is thrown: unreadable parts become diagnostics. */
export interface LoadResult {
  readonly resources: Resource[];
  readonly fragments: ResourceFragment[];
  readonly diagnostics: LoadDiagnostic[];
}
