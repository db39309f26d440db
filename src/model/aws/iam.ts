import type { Attr, EmbeddedDocument, Link, ResourceBase } from '../core/index.js';

export type PolicyDocument = EmbeddedDocument;

export interface InlinePolicy {
  readonly name: string;
  readonly document: Attr<PolicyDocument>;
}

interface Principal<K extends string> extends ResourceBase<K> {
  readonly name: Attr<string>;
  readonly inlinePolicies: readonly InlinePolicy[];
  /** Managed policies by ARN or key; AWS managed policies resolve from the shipped catalogue. */
  readonly managedPolicies: readonly Link[];
  /** Tags, when the input carries them (they feed `aws:PrincipalTag/...` conditions). */
  readonly tags?: Attr<Readonly<Record<string, string>>>;
}

export interface IamUser extends Principal<'aws.iam.user'> {
  readonly groups: readonly Link[];
  readonly permissionsBoundary: Attr<string | null>;
  readonly loginProfile: Attr<boolean>;
  readonly accessKeys: Attr<number>;
}

export interface IamGroup extends Principal<'aws.iam.group'> {
  readonly members: readonly Link[];
}

export interface IamRole extends Principal<'aws.iam.role'> {
  readonly path: Attr<string>;
  readonly trustPolicy: Attr<PolicyDocument>;
  readonly permissionsBoundary: Attr<string | null>;
}

/** A customer managed policy; `attachedTo` links are folded onto the principals' `managedPolicies` by the linker. */
export interface IamManagedPolicy extends ResourceBase<'aws.iam.policy'> {
  readonly name: Attr<string>;
  readonly arn: Attr<string>;
  readonly document: Attr<PolicyDocument>;
}

export interface IamInstanceProfile extends ResourceBase<'aws.iam.instanceProfile'> {
  readonly name: Attr<string>;
  readonly roles: readonly Link[];
}
