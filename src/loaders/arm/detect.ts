/**
 * Recognising ARM templates and parameter files by content.
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/syntax#template-format
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/parameter-files
 */

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const TEMPLATE_SCHEMAS = [
  'deploymenttemplate.json',
  'subscriptiondeploymenttemplate',
  'managementgroupdeploymenttemplate',
  'tenantdeploymenttemplate',
];

function schemaOf(doc: Record<string, unknown>): string | undefined {
  const s = doc['$schema'];
  return typeof s === 'string' ? s.toLowerCase() : undefined;
}

function looksLikeResource(r: unknown): boolean {
  return isObject(r) && typeof r['type'] === 'string' && r['type'].includes('/') && typeof r['apiVersion'] === 'string';
}

/**
 * An ARM template: its `$schema` is one of the deployment template schemas, or (without a schema) its `resources`
 * are ARM resources — objects with a `Namespace/type` and an `apiVersion` (an array, or an object keyed by symbolic
 * names in languageVersion 2.0).
 */
export function isArmTemplate(parsed: unknown): boolean {
  if (!isObject(parsed)) return false;
  const schema = schemaOf(parsed);
  if (schema !== undefined) return TEMPLATE_SCHEMAS.some((s) => schema.includes(s));
  const resources = parsed['resources'];
  if (Array.isArray(resources)) return resources.length > 0 && resources.every(looksLikeResource);
  if (isObject(resources) && typeof parsed['languageVersion'] === 'string') {
    const all = Object.values(resources);
    return all.length > 0 && all.every(looksLikeResource);
  }
  return false;
}

/** An ARM parameters file (`deploymentParameters.json` schema): values for a template, not a template. */
export function isArmParametersFile(parsed: unknown): boolean {
  if (!isObject(parsed)) return false;
  const schema = schemaOf(parsed);
  return schema !== undefined && schema.includes('deploymentparameters.json');
}

/**
 * The values of a parameters file, for `loadArmTemplate(..., { parameters })`. Key Vault references are left out:
 * their values are resolved at deployment, so those parameters stay unknown.
 */
export function readArmParameters(parsed: unknown): Record<string, unknown> | undefined {
  if (!isArmParametersFile(parsed) || !isObject(parsed)) return undefined;
  const params = parsed['parameters'];
  if (!isObject(params)) return {};
  const out: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(params)) {
    if (isObject(entry) && 'value' in entry) out[name] = entry['value'];
  }
  return out;
}
