import { isArmTemplate, isArmParametersFile, loadArmTemplate } from '../loaders/arm/index.js';
import { isAuthorizationDetails, loadAuthorizationDetails } from '../loaders/aws-iam-auth/index.js';
import { isAwsCliNetworkExport, loadAwsCliNetworkExport } from '../loaders/aws-cli/index.js';
import { isAzCliNetworkExport, loadAzCliNetworkExport } from '../loaders/az-cli/index.js';
import { isRbacExport, loadRbacExport } from '../loaders/azure-rbac-export/index.js';
import { isCloudFormation, loadCloudFormation, sniffCloudFormation } from '../loaders/cloudformation/index.js';
import type { InputFormat, LoadResult } from '../loaders/types.js';
import type { InputFile } from './read-inputs.js';

export interface LoadOptions {
  /** CloudFormation / ARM parameter values given by the user. */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Values from the ARM parameter file paired with this template (arm-parameters.ts); `parameters` win over them. */
  readonly armParameters?: Readonly<Record<string, unknown>>;
}

function armOptions(o: LoadOptions): { parameters: Record<string, unknown> } {
  return { parameters: { ...o.armParameters, ...o.parameters } };
}

/**
 * A single-file input format, recognised by content. JSON documents are parsed once by the scan and offered to each
 * `json` detector in order; text formats (YAML, JSON with comments) offer the raw text.
 */
export interface FileFormat {
  readonly format: InputFormat;
  readonly kind: 'json' | 'text';
  detect(doc: unknown, file: InputFile, text: string): boolean;
  load(file: InputFile, text: string, doc: unknown, options: LoadOptions): LoadResult | Promise<LoadResult>;
}

/**
 * The recognised single-file formats, most specific first. (Terraform plans are recognised in load-estate.ts, since
 * they are adapted together with the Terraform source they belong to.)
 */
export const FILE_FORMATS: FileFormat[] = [
  { format: 'cloudformation', kind: 'json', detect: (doc) => isCloudFormation(doc), load: (f, text, _doc, o) => loadCloudFormation(f.path, text, o) },
  // ARM parameter files hold values for a template: recognised so they are not reported as unknown JSON.
  { format: 'arm', kind: 'json', detect: (doc) => isArmTemplate(doc) || isArmParametersFile(doc), load: (f, text, _doc, o) => loadArmTemplate(f.path, text, armOptions(o)) },
  { format: 'aws-iam-authorization-details', kind: 'json', detect: (doc) => isAuthorizationDetails(doc), load: (f, text) => loadAuthorizationDetails(f.path, text) },
  // EC2 network exports (describe-instances, -security-groups, -network-acls …) by their top-level list keys.
  { format: 'aws-cli', kind: 'json', detect: (doc) => isAwsCliNetworkExport(doc), load: (f, text) => loadAwsCliNetworkExport(f.path, text) },
  // az network nsg/nic/vnet/public-ip/asg list and az vm list (CLI or REST shape) by their entries' `type`.
  { format: 'az-cli', kind: 'json', detect: (doc) => isAzCliNetworkExport(doc), load: (f, text) => loadAzCliNetworkExport(f.path, text) },
  // Azure RBAC exports are recognised by file name (role-assignments.json, groups.json…) and shape.
  { format: 'azure-rbac-export', kind: 'json', detect: (doc, f) => isRbacExport(f.path, doc), load: (f, text) => loadRbacExport(f.path, text) },
  { format: 'cloudformation', kind: 'text', detect: (_doc, _f, text) => sniffCloudFormation(text), load: (f, text, _doc, o) => loadCloudFormation(f.path, text, o) },
  // ARM templates may carry comments (not JSON): the ARM parser accepts them.
  { format: 'arm', kind: 'text', detect: (_doc, f, text) => f.path.endsWith('.json') && /deploymentTemplate\.json|"apiVersion"/.test(text), load: (f, text, _doc, o) => loadArmTemplate(f.path, text, armOptions(o)) },
];
