import type { Value } from '../../../common/value.js';
import { list, num, obj, str, unknownValue } from '../../../common/value.js';
import type { IdResult } from '../ids.js';
import {
  extensionResourceIdCall, managementGroupId, managementGroupResourceIdCall, resourceGroupId, resourceIdCall,
  subscriptionId, subscriptionResourceIdCall, tenantResourceIdCall,
} from '../ids.js';
import type { CallCtx, FnTable } from '../scope.js';
import { firstUnknown, symbolOf, symbolic } from '../values.js';
import { addDuration, isoSeconds } from '../dates.js';
import { int, text } from './util.js';

/**
 * Deployment, scope, resource and date functions.
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-deployment
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-scope
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-date
 */

function fields(c: CallCtx, entries: [string, Value][]): Value {
  return obj(new Map(entries), c.at);
}

/** Public Azure's values, as documented for `environment()` when deployed to global Azure. */
function environment(c: CallCtx): Value {
  const s = (v: string): Value => str(v, c.at);
  return fields(c, [
    ['name', s('AzureCloud')],
    ['gallery', s('https://gallery.azure.com/')],
    ['graph', s('https://graph.windows.net/')],
    ['portal', s('https://portal.azure.com')],
    ['graphAudience', s('https://graph.windows.net/')],
    ['activeDirectoryDataLake', s('https://datalake.azure.net/')],
    ['batch', s('https://batch.core.windows.net/')],
    ['media', s('https://rest.media.azure.net')],
    ['sqlManagement', s('https://management.core.windows.net:8443/')],
    ['vmImageAliasDoc', s('https://raw.githubusercontent.com/Azure/azure-rest-api-specs/master/arm-compute/quickstart-templates/aliases.json')],
    ['resourceManager', s('https://management.azure.com/')],
    ['authentication', fields(c, [
      ['loginEndpoint', s('https://login.microsoftonline.com/')],
      ['audiences', list([s('https://management.core.windows.net/'), s('https://management.azure.com/')], c.at)],
      ['tenant', s('common')],
      ['identityProvider', s('AAD')],
    ])],
    ['suffixes', fields(c, [
      ['acrLoginServer', s('.azurecr.io')],
      ['azureDatalakeAnalyticsCatalogAndJob', s('azuredatalakeanalytics.net')],
      ['azureDatalakeStoreFileSystem', s('azuredatalakestore.net')],
      ['azureFrontDoorEndpointSuffix', s('azurefd.net')],
      ['keyvaultDns', s('.vault.azure.net')],
      ['sqlServerHostname', s('.database.windows.net')],
      ['storage', s('core.windows.net')],
    ])],
  ]);
}

function resourceGroup(c: CallCtx): Value {
  const t = c.scope.target;
  if (t.scope !== 'resourceGroup') return c.error('`resourceGroup()` is only available in resource group deployments');
  const location = c.scope.location !== undefined
    ? str(c.scope.location, c.at)
    : symbolic("the resource group's location is known only at deployment", c.at, '{resourceGroupLocation}');
  return fields(c, [
    ['id', str(resourceGroupId(t.subscriptionId, t.resourceGroup), c.at)],
    ['name', str(t.resourceGroup, c.at)],
    ['type', str('Microsoft.Resources/resourceGroups', c.at)],
    ['location', location],
    ['managedBy', unknownValue("the resource group's manager is known only at deployment", c.at)],
    ['tags', unknownValue("the resource group's tags are known only at deployment", c.at)],
    ['properties', fields(c, [['provisioningState', str('Succeeded', c.at)]])],
  ]);
}

function subscription(c: CallCtx): Value {
  const t = c.scope.target;
  if (t.scope === 'managementGroup' || t.scope === 'tenant') {
    return c.error('`subscription()` is only available in resource group and subscription deployments');
  }
  return fields(c, [
    ['id', str(subscriptionId(t.subscriptionId), c.at)],
    ['subscriptionId', str(t.subscriptionId, c.at)],
    ['tenantId', str(t.tenantId, c.at)],
    ['displayName', unknownValue("the subscription's display name is known only at deployment", c.at)],
  ]);
}

function deployment(c: CallCtx): Value {
  const template = c.scope.root;
  const cv = template.children?.find((p) => p.children?.[0]?.value === 'contentVersion')?.children?.[1];
  const entries: [string, Value][] = [
    ['name', c.scope.deploymentName],
    ['properties', fields(c, [
      ['template', fields(c, [['contentVersion', str(typeof cv?.value === 'string' ? cv.value : '1.0.0.0', c.at)]])],
      ['templateLink', unknownValue('the template link is known only at deployment', c.at)],
      ['mode', str('Incremental', c.at)],
    ])],
  ];
  if (c.scope.target.scope !== 'resourceGroup') {
    entries.push(['location', unknownValue("the deployment's location is known only at deployment", c.at)]);
  }
  return fields(c, entries);
}

/** An id function: known when every argument is, else unknown carrying the symbolic id (and linking to it). */
function idFunction(build: (c: CallCtx, args: string[]) => IdResult): FnTable[string] {
  return {
    min: 1,
    handlesUnknown: true,
    run(c, args) {
      const texts: string[] = [];
      for (const a of args) {
        const t = a.t === 'unknown' ? symbolOf(a) : text(a);
        if (t === undefined) {
          if (a.t === 'unknown') return unknownValue(a.why, c.at, a.refs);
          return c.error(`\`${c.name}\` expects string arguments`);
        }
        texts.push(t);
      }
      const r = build(c, texts);
      if (!r.ok) return c.error(r.message);
      const u = firstUnknown(args, c.at);
      if (u?.t === 'unknown') return symbolic(u.why, c.at, r.id, [r.id.toLowerCase()]);
      return str(r.id, c.at);
    },
  };
}

function copyIndex(c: CallCtx, args: readonly Value[]): Value {
  let loop: string | undefined;
  let offset = 0;
  for (const a of args) {
    if (a.t === 'string') loop = a.v.toLowerCase();
    else if (a.t === 'number') offset = a.v;
    else return c.error('`copyIndex` takes an optional loop name and an optional integer offset');
  }
  loop ??= c.frame.loop;
  const index = loop !== undefined ? c.frame.copy?.get(loop) : undefined;
  if (index === undefined) {
    return c.error(loop === undefined ? '`copyIndex()` is used outside a copy loop' : `\`copyIndex\` names loop \`${loop}\`, which is not in scope`);
  }
  if (index.t === 'number') return num(index.v + offset, c.at);
  const sym = symbolOf(index);
  // `{copyIndex('vms')}` with an offset reads `{copyIndex('vms')+1}`.
  const withOffset = sym !== undefined && offset ? (sym.endsWith('}') ? `${sym.slice(0, -1)}+${offset}}` : `${sym}+${offset}`) : sym;
  return symbolic(index.t === 'unknown' ? index.why : 'copy index is not known', c.at, withOffset);
}

/** `reference()`: the deployed resource's runtime state, known only after deployment; links to the resource. */
function reference(c: CallCtx, args: readonly Value[]): Value {
  const target = args[0];
  const key = target ? c.scope.resourceKeyOf(target) : undefined;
  const refs = key !== undefined ? [key] : target?.t === 'unknown' ? target.refs : [];
  const name = target ? symbolOf(target) : undefined;
  return unknownValue(`\`reference(${name !== undefined ? `'${name}'` : '...'})\` is the resource's state at deployment`, c.at, refs);
}

function resourceInfo(c: CallCtx, args: readonly Value[]): Value {
  const h = args[0] ? c.scope.handleOf(args[0]) : undefined;
  if (!h) return c.error('`resourceInfo` names no resource declared in this template', 'unresolved-reference');
  return fields(c, [
    ['id', str(h.id, c.at)],
    ['name', str(h.name, c.at)],
    ['type', str(h.type, c.at)],
    ['apiVersion', h.apiVersion !== undefined ? str(h.apiVersion, c.at) : unknownValue('no apiVersion', c.at)],
  ]);
}

export const DEPLOYMENT_FUNCTIONS: FnTable = {
  parameters: {
    min: 1, max: 1,
    run: (c, [n]) => (n?.t === 'string' ? c.scope.parameter(n.v, c.at, c.frame, c.callAt) : c.error('`parameters` expects a parameter name')),
  },
  variables: {
    min: 1, max: 1,
    run: (c, [n]) => (n?.t === 'string' ? c.scope.variable(n.v, c.at, c.frame, c.callAt) : c.error('`variables` expects a variable name')),
  },
  copyindex: { min: 0, max: 2, run: copyIndex },
  resourcegroup: { min: 0, max: 0, run: resourceGroup },
  subscription: { min: 0, max: 0, run: subscription },
  managementgroup: {
    min: 0, max: 0,
    run(c) {
      const t = c.scope.target;
      if (t.scope !== 'managementGroup') return c.error('`managementGroup()` is only available in management group deployments');
      return fields(c, [
        ['id', str(managementGroupId(t.managementGroup), c.at)],
        ['name', str(t.managementGroup, c.at)],
        ['type', str('/providers/Microsoft.Management/managementGroups', c.at)],
        ['properties', unknownValue("the management group's properties are known only at deployment", c.at)],
      ]);
    },
  },
  tenant: {
    min: 0, max: 0,
    run: (c) => fields(c, [
      ['tenantId', str(c.scope.target.tenantId, c.at)],
      ['countryCode', unknownValue("the tenant's country is known only at deployment", c.at)],
      ['displayName', unknownValue("the tenant's name is known only at deployment", c.at)],
    ]),
  },
  deployment: { min: 0, max: 0, run: deployment },
  environment: { min: 0, max: 0, run: environment },
  resourceid: idFunction((c, a) => resourceIdCall(c.scope.target, a)),
  subscriptionresourceid: idFunction((c, a) => subscriptionResourceIdCall(c.scope.target, a)),
  tenantresourceid: idFunction((_c, a) => tenantResourceIdCall(a)),
  managementgroupresourceid: idFunction((c, a) => managementGroupResourceIdCall(c.scope.target, a)),
  extensionresourceid: idFunction((_c, a) => extensionResourceIdCall(a)),
  reference: { min: 1, max: 3, handlesUnknown: true, run: reference },
  references: { min: 1, max: 2, handlesUnknown: true, run: (c) => unknownValue("`references()` is the resources' state at deployment", c.at) },
  resourceinfo: { min: 1, max: 1, run: resourceInfo },
  pickzones: { min: 3, max: 5, handlesUnknown: true, run: (c) => unknownValue('`pickZones()` depends on the region at deployment', c.at) },
  providers: { min: 1, max: 2, handlesUnknown: true, run: (c) => unknownValue('`providers()` is read from Azure at deployment', c.at) },
  utcnow: { min: 0, max: 1, handlesUnknown: true, run: (c) => symbolic('`utcNow()` is the time of deployment', c.at, '{utcNow}') },
  datetimefromepoch: {
    min: 1, max: 1,
    run(c, [v]) {
      const n = int(v as Value);
      return n === undefined || Math.abs(n) > 8.64e12 ? c.error('`dateTimeFromEpoch` expects an integer', 'invalid-value') : str(isoSeconds(n * 1000), c.at);
    },
  },
  datetimetoepoch: {
    min: 1, max: 1,
    run(c, [v]) {
      const ms = v?.t === 'string' ? Date.parse(v.v) : NaN;
      return Number.isFinite(ms) ? num(Math.floor(ms / 1000), c.at) : c.error('`dateTimeToEpoch` expects an ISO 8601 date-time', 'invalid-value');
    },
  },
  datetimeadd: {
    min: 2, max: 3,
    run(c, [base, dur]) {
      const ms = base?.t === 'string' ? Date.parse(base.v) : NaN;
      const out = dur?.t === 'string' && Number.isFinite(ms) ? addDuration(ms, dur.v) : undefined;
      return out === undefined || !Number.isFinite(out) ? c.error('`dateTimeAdd` expects a date-time and an ISO 8601 duration', 'invalid-value') : str(isoSeconds(out), c.at);
    },
  },
};
