import type { LoadDiagnostic, Provenance } from '../../model/core/index.js';
import type { ObjectValue, Value } from '../common/value.js';
import { diagnostic, span } from './source.js';
import type { SourceTree } from './source.js';

/**
 * The template's sections, checked for shape. A broken part (Resources not a map, a resource without Type) is
 * reported with its position and left out; the rest of the template still loads.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html
 */

export interface ParameterDecl {
  readonly name: string;
  readonly decl: ObjectValue;
  /** The whole declaration, from the name to the end of its block. */
  readonly at: Provenance;
  readonly type: string;
  readonly default: Value | undefined;
  readonly noEcho: Value | undefined;
}

export interface ResourceDecl {
  readonly logicalId: string;
  readonly type: string;
  /** The whole resource, from its logical id to the end of its block. */
  readonly at: Provenance;
  readonly properties: ObjectValue | undefined;
  readonly condition: Value | undefined;
}

export interface Template {
  readonly file: string;
  readonly root: ObjectValue;
  readonly parameters: ReadonlyMap<string, ParameterDecl>;
  readonly mappings: ObjectValue | undefined;
  readonly conditions: ReadonlyMap<string, Value>;
  readonly resources: ReadonlyMap<string, ResourceDecl>;
  readonly transforms: readonly string[];
}

/** Logical ids are alphanumeric (A-Za-z0-9) and unique within the template. */
function isLogicalId(s: string): boolean {
  if (s.length === 0) return false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}

export function readTemplate(file: string, tree: SourceTree & { root: ObjectValue }, diagnostics: LoadDiagnostic[]): Template {
  const root = tree.root;
  const rootKeys = tree.keyAt.get(root);
  const sectionAt = (name: string, v: Value): Provenance => rootKeys?.get(name) ?? v.at;
  const bad = (at: Provenance, message: string): void => {
    diagnostics.push(diagnostic('invalid-template', file, at, message));
  };
  const section = (name: string): ObjectValue | undefined => {
    const v = root.fields.get(name);
    if (v === undefined || v.t === 'null') return undefined;
    if (v.t !== 'object') {
      bad(sectionAt(name, v), `\`${name}\` must be a map of names to declarations; the section is ignored`);
      return undefined;
    }
    return v;
  };
  const entryAt = (sec: ObjectValue, name: string, v: Value): Provenance => {
    const k = tree.keyAt.get(sec)?.get(name);
    return k ? span(k, v.at) : v.at;
  };

  const parameters = new Map<string, ParameterDecl>();
  const params = section('Parameters');
  if (params) {
    for (const [name, v] of params.fields) {
      const at = entryAt(params, name, v);
      if (v.t !== 'object') {
        bad(at, `parameter \`${name}\` must be a map with a \`Type\`; it is ignored`);
        continue;
      }
      const type = v.fields.get('Type');
      if (type?.t !== 'string') bad(type?.at ?? at, `parameter \`${name}\` has no \`Type\`; it is read as a String`);
      parameters.set(name, {
        name, decl: v, at, type: type?.t === 'string' ? type.v : 'String', default: v.fields.get('Default'), noEcho: v.fields.get('NoEcho'),
      });
    }
  }

  const conditions = new Map<string, Value>();
  const conds = section('Conditions');
  if (conds) for (const [name, v] of conds.fields) conditions.set(name, v);

  const resources = new Map<string, ResourceDecl>();
  const res = section('Resources');
  if (!res && !root.fields.has('Resources')) {
    bad(root.at, 'the template has no `Resources` section');
  }
  if (res) {
    for (const [logicalId, v] of res.fields) {
      const at = entryAt(res, logicalId, v);
      if (logicalId.startsWith('Fn::ForEach::')) {
        diagnostics.push(diagnostic('unsupported-function', file, at,
          `\`${logicalId}\` (AWS::LanguageExtensions) is not expanded; the resources it would create are not analysed`, 'warning'));
        continue;
      }
      if (v.t !== 'object') {
        bad(at, `resource \`${logicalId}\` must be a map with a \`Type\`; it is ignored`);
        continue;
      }
      if (!isLogicalId(logicalId)) bad(at, `logical id \`${logicalId}\` must be alphanumeric`);
      const type = v.fields.get('Type');
      if (type?.t !== 'string') {
        bad(type?.at ?? at, `resource \`${logicalId}\` has no \`Type\` string; it is ignored`);
        continue;
      }
      const props = v.fields.get('Properties');
      let properties: ObjectValue | undefined;
      if (props?.t === 'object') properties = props;
      else if (props !== undefined && props.t !== 'null') {
        bad(props.at, `\`Properties\` of \`${logicalId}\` must be a map; they are ignored`);
      }
      resources.set(logicalId, { logicalId, type: type.v, at, properties, condition: v.fields.get('Condition') });
    }
  }

  const transformValue = root.fields.get('Transform');
  const transforms: string[] = [];
  if (transformValue?.t === 'string') transforms.push(transformValue.v);
  else if (transformValue?.t === 'list') for (const t of transformValue.items) if (t.t === 'string') transforms.push(t.v);

  return { file, root, parameters, mappings: section('Mappings'), conditions, resources, transforms };
}
