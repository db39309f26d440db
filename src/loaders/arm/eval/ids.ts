/**
 * Azure resource ids as ARM builds them. A resource of type `Ns/t1/t2` named `n1/n2` deployed to a resource group is
 * `/subscriptions/{sub}/resourceGroups/{rg}/providers/Ns/t1/n1/t2/n2`; at subscription scope the resource group part
 * is absent, at management group scope the prefix is the management group's id, at tenant scope there is none.
 * Extension resources hang under the id of the resource they extend (`<id>/providers/Microsoft.Authorization/...`).
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource#resourceid
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/scope-functions
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/scope-extension-resources
 */

export type DeploymentScope = 'resourceGroup' | 'subscription' | 'managementGroup' | 'tenant';

/**
 * Where a template is deployed. Values not given by the caller are placeholders (`{subscriptionId}`,
 * `{resourceGroup}`…) so that ids built in one template still match each other.
 */
export interface DeploymentTarget {
  readonly scope: DeploymentScope;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly managementGroup: string;
  readonly tenantId: string;
}

export const PLACEHOLDERS = {
  subscriptionId: '{subscriptionId}',
  resourceGroup: '{resourceGroup}',
  managementGroup: '{managementGroup}',
  tenantId: '{tenantId}',
} as const;

export function subscriptionId(sub: string): string {
  return `/subscriptions/${sub}`;
}

export function resourceGroupId(sub: string, rg: string): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}`;
}

export function managementGroupId(mg: string): string {
  return `/providers/Microsoft.Management/managementGroups/${mg}`;
}

/** The id of the deployment's own scope: the resource group, subscription, management group, or `/` for the tenant. */
export function scopeId(t: DeploymentTarget): string {
  switch (t.scope) {
    case 'resourceGroup': return resourceGroupId(t.subscriptionId, t.resourceGroup);
    case 'subscription': return subscriptionId(t.subscriptionId);
    case 'managementGroup': return managementGroupId(t.managementGroup);
    case 'tenant': return '/';
  }
}

/** Prefix that `/providers/...` is appended to: the scope id without a trailing slash. */
export function scopePrefix(t: DeploymentTarget): string {
  const id = scopeId(t);
  return id === '/' ? '' : id;
}

export type IdResult = { readonly ok: true; readonly id: string } | { readonly ok: false; readonly message: string };

function splitNames(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const n of names) for (const part of n.split('/')) out.push(part);
  return out;
}

/**
 * `/providers/Ns/t1/n1/...` for a full type and its name segments, including the extension form
 * `Ns/t/providers/extType` with names `n/ExtNs/extName`.
 */
export function providerPath(type: string, names: readonly string[]): IdResult {
  const typeSegs = type.split('/').filter((s) => s !== '');
  const nameSegs = splitNames(names);
  if (typeSegs.length < 2) return { ok: false, message: `resource type \`${type}\` must be \`Namespace/type\`` };
  let path = '';
  let ti = 0;
  let ni = 0;
  let ns = typeSegs[ti++] as string;
  for (;;) {
    path += `/providers/${ns}`;
    let count = 0;
    while (ti < typeSegs.length && (typeSegs[ti] as string).toLowerCase() !== 'providers') {
      const name = nameSegs[ni++];
      if (name === undefined) return mismatch(type, nameSegs);
      path += `/${typeSegs[ti++] as string}/${name}`;
      count++;
    }
    if (count === 0) return { ok: false, message: `resource type \`${type}\` has an empty segment` };
    if (ti >= typeSegs.length) break;
    ti++; // `providers`: the extension's namespace is the next name segment
    const extNs = nameSegs[ni++];
    if (extNs === undefined) return mismatch(type, nameSegs);
    ns = extNs;
  }
  if (ni !== nameSegs.length) return mismatch(type, nameSegs);
  return { ok: true, id: path };
}

function mismatch(type: string, names: readonly string[]): IdResult {
  return {
    ok: false,
    message: `the name \`${names.join('/')}\` does not have one segment per level of the type \`${type}\``,
  };
}

/** The id of a resource declared in a template deployed to `t`, or extending the resource `extendsId`. */
export function declaredResourceId(t: DeploymentTarget, type: string, names: readonly string[], extendsId?: string): IdResult {
  // Resource groups declared at subscription scope have the canonical `/subscriptions/{sub}/resourceGroups/{name}` id.
  if (extendsId === undefined && type.toLowerCase() === 'microsoft.resources/resourcegroups' && names.length === 1) {
    return { ok: true, id: resourceGroupId(t.subscriptionId, names[0] as string) };
  }
  const p = providerPath(type, names);
  if (!p.ok) return p;
  const prefix = extendsId !== undefined ? trimSlash(extendsId) : scopePrefix(t);
  return { ok: true, id: prefix + p.id };
}

function trimSlash(id: string): string {
  return id.endsWith('/') ? id.slice(0, -1) : id;
}

/**
 * `resourceId([subscriptionId], [resourceGroupName], resourceType, name1, ...)`: the type is the first argument that
 * contains a `/`; before it come an optional resource group and an optional subscription.
 */
export function resourceIdCall(t: DeploymentTarget, args: readonly string[]): IdResult {
  const ti = args.findIndex((a) => a.includes('/'));
  if (ti < 0) return { ok: false, message: 'resourceId() needs a resource type such as `Microsoft.Network/virtualNetworks`' };
  if (ti > 2) return { ok: false, message: 'resourceId() takes at most a subscription id and a resource group name before the type' };
  const type = args[ti] as string;
  const names = args.slice(ti + 1);
  if (names.length === 0) return { ok: false, message: 'resourceId() needs the resource name after the type' };
  const p = providerPath(type, names);
  if (!p.ok) return p;
  const sub = ti === 2 ? (args[0] as string) : t.subscriptionId;
  if (ti >= 1) return { ok: true, id: resourceGroupId(sub, args[ti - 1] as string) + p.id };
  switch (t.scope) {
    case 'resourceGroup': return { ok: true, id: resourceGroupId(sub, t.resourceGroup) + p.id };
    case 'subscription': return { ok: true, id: subscriptionId(sub) + p.id };
    case 'managementGroup': return { ok: true, id: managementGroupId(t.managementGroup) + p.id };
    case 'tenant': return { ok: true, id: p.id };
  }
}

/** `subscriptionResourceId([subscriptionId], resourceType, name1, ...)`. */
export function subscriptionResourceIdCall(t: DeploymentTarget, args: readonly string[]): IdResult {
  const ti = args.findIndex((a) => a.includes('/'));
  if (ti < 0 || ti > 1) return { ok: false, message: 'subscriptionResourceId() takes an optional subscription id, a resource type and names' };
  const names = args.slice(ti + 1);
  if (names.length === 0) return { ok: false, message: 'subscriptionResourceId() needs the resource name after the type' };
  const p = providerPath(args[ti] as string, names);
  if (!p.ok) return p;
  return { ok: true, id: subscriptionId(ti === 1 ? (args[0] as string) : t.subscriptionId) + p.id };
}

/** `tenantResourceId(resourceType, name1, ...)`. */
export function tenantResourceIdCall(args: readonly string[]): IdResult {
  const names = args.slice(1);
  if (args.length < 2) return { ok: false, message: 'tenantResourceId() needs a resource type and a name' };
  return providerPath(args[0] as string, names);
}

/** `managementGroupResourceId([managementGroupName], resourceType, name1, ...)`. */
export function managementGroupResourceIdCall(t: DeploymentTarget, args: readonly string[]): IdResult {
  const ti = args.findIndex((a) => a.includes('/'));
  if (ti < 0 || ti > 1) return { ok: false, message: 'managementGroupResourceId() takes an optional management group, a resource type and names' };
  const names = args.slice(ti + 1);
  if (names.length === 0) return { ok: false, message: 'managementGroupResourceId() needs the resource name after the type' };
  const p = providerPath(args[ti] as string, names);
  if (!p.ok) return p;
  return { ok: true, id: managementGroupId(ti === 1 ? (args[0] as string) : t.managementGroup) + p.id };
}

/** `extensionResourceId(baseResourceId, resourceType, name1, ...)`. */
export function extensionResourceIdCall(args: readonly string[]): IdResult {
  if (args.length < 3) return { ok: false, message: 'extensionResourceId() needs a base resource id, a resource type and a name' };
  const p = providerPath(args[1] as string, args.slice(2));
  if (!p.ok) return p;
  return { ok: true, id: trimSlash(args[0] as string) + p.id };
}

/**
 * The `scope` property of an extension resource: a full resource id, or the short form `Ns/type/name` relative to
 * the deployment's scope.
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/scope-extension-resources#apply-to-resource
 */
export function resolveScope(t: DeploymentTarget, scope: string): string {
  if (scope.startsWith('/')) return trimSlash(scope) || '/';
  return `${scopePrefix(t)}/providers/${scope}`;
}
