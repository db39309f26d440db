import type { Value } from '../common/value.js';

/**
 * Recognising a CloudFormation template by content: `AWSTemplateFormatVersion`, or a `Resources` map whose entries
 * have a `Type` of `AWS::…` (or `Custom::…`, `Alexa::…`). ARM templates use lowercase `resources` (a list), so they
 * never match. Only the first entries are looked at: a template is recognised, not validated.
 */

const SAMPLE = 20;

function isResourceType(t: unknown): boolean {
  return typeof t === 'string' && (t.startsWith('AWS::') || t.startsWith('Custom::') || t.startsWith('Alexa::'));
}

/** On a parsed document (`JSON.parse` or any YAML parser's plain output). */
export function isCloudFormation(parsed: unknown): boolean {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return false;
  const doc = parsed as Record<string, unknown>;
  if ('AWSTemplateFormatVersion' in doc) return true;
  const resources = doc['Resources'];
  if (resources === null || typeof resources !== 'object' || Array.isArray(resources)) return false;
  let n = 0;
  for (const r of Object.values(resources as Record<string, unknown>)) {
    if (n++ >= SAMPLE) break;
    if (r !== null && typeof r === 'object' && isResourceType((r as Record<string, unknown>)['Type'])) return true;
  }
  return false;
}

/** On the loader's own value tree. */
export function isTemplateValue(root: Value): boolean {
  if (root.t !== 'object') return false;
  if (root.fields.has('AWSTemplateFormatVersion')) return true;
  const resources = root.fields.get('Resources');
  if (resources?.t !== 'object') return false;
  let n = 0;
  for (const r of resources.fields.values()) {
    if (n++ >= SAMPLE) break;
    const type = r.t === 'object' ? r.fields.get('Type') : undefined;
    if (type?.t === 'string' && isResourceType(type.v)) return true;
  }
  return false;
}

const VERSION_LINE = /^["']?AWSTemplateFormatVersion["']?\s*:/m;
const RESOURCES_LINE = /^["']?Resources["']?\s*:/m;
const AWS_TYPE = /\bType["']?\s*:\s*["']?(AWS|Custom|Alexa)::/;

/**
 * On raw text, without parsing: for YAML files, whose full parse costs far more than this look. A top-level
 * `AWSTemplateFormatVersion:` line, or a top-level `Resources:` line and a `Type: AWS::…` entry.
 */
export function sniffCloudFormation(text: string): boolean {
  if (VERSION_LINE.test(text)) return true;
  return RESOURCES_LINE.test(text) && AWS_TYPE.test(text);
}
