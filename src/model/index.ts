import type { Fragment, Provider, ResourceGraph } from './core/index.js';
import type { AwsResource } from './aws/index.js';
import type { AzureResource } from './azure/index.js';
import type { IacResource } from './iac/index.js';

export type * from './aws/index.js';
export type * from './azure/index.js';
export type * from './iac/index.js';
export * from './core/index.js';

export type Resource = AwsResource | AzureResource | IacResource;
export type ResourceKind = Resource['kind'];
export type ResourceOfKind<K extends ResourceKind> = Extract<Resource, { kind: K }>;
export type Estate = ResourceGraph<Resource>;
export type ResourceFragment = { [K in ResourceKind]: Fragment<K, ResourceOfKind<K>> }[ResourceKind];

/** The provider of a kind, from its prefix. */
export function providerOf(kind: ResourceKind): Provider {
  return kind.slice(0, kind.indexOf('.')) as Provider;
}
