import type { LoadDiagnostic, Provenance } from '../../../../model/core/index.js';
import type { Attribute, Block, Body, Expr } from '../syntax/ast.js';
import type { TypeConstraint } from '../eval/types.js';
import { parseType } from '../eval/types.js';

/** One module directory's declarations, gathered from all its `.tf` / `.tf.json` files. */
export interface ModuleConfig {
  readonly dir: string;
  readonly files: readonly string[];
  readonly variables: ReadonlyMap<string, VariableConfig>;
  readonly locals: ReadonlyMap<string, Attribute>;
  /** Managed resources by `type.name`. */
  readonly resources: ReadonlyMap<string, ResourceConfig>;
  /** Data sources by `type.name`. */
  readonly data: ReadonlyMap<string, ResourceConfig>;
  readonly modules: ReadonlyMap<string, ModuleCallConfig>;
  readonly outputs: ReadonlyMap<string, OutputConfig>;
}

export interface VariableConfig {
  readonly name: string;
  readonly type: TypeConstraint;
  readonly default: Expr | null;
  readonly sensitive: boolean;
  readonly nullable: boolean;
  readonly body: Body;
  readonly at: Provenance;
}

export interface ResourceConfig {
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly body: Body;
  readonly count: Expr | null;
  readonly forEach: Expr | null;
  readonly at: Provenance;
}

export interface ModuleCallConfig {
  readonly name: string;
  readonly source: string | null;
  readonly version: string | null;
  readonly count: Expr | null;
  readonly forEach: Expr | null;
  /** Input variables passed to the module (meta-arguments removed). */
  readonly inputs: ReadonlyMap<string, Attribute>;
  readonly at: Provenance;
}

export interface OutputConfig {
  readonly name: string;
  readonly expr: Expr | null;
  readonly at: Provenance;
}

const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/** `override.tf` / `*_override.tf` (and `.tf.json`) are merged into the other files' blocks, not added. */
export function isOverrideFile(file: string): boolean {
  const base = file.split(/[\\/]/).pop() ?? file;
  return /^(?:override|.*_override)\.tf(?:\.json)?$/.test(base);
}

export function buildModuleConfig(dir: string, files: readonly { file: string; body: Body }[], diagnostics: LoadDiagnostic[]): ModuleConfig {
  const variables = new Map<string, VariableConfig>();
  const locals = new Map<string, Attribute>();
  const resources = new Map<string, ResourceConfig>();
  const data = new Map<string, ResourceConfig>();
  const modules = new Map<string, ModuleCallConfig>();
  const outputs = new Map<string, OutputConfig>();
  const primary = files.filter((f) => !isOverrideFile(f.file));
  const overrides = files.filter((f) => isOverrideFile(f.file));

  const duplicate = (what: string, at: Provenance): void => {
    diagnostics.push({ code: 'invalid-value', severity: 'warning', file: at.file, line: at.line, column: at.column, message: `duplicate ${what}; the first declaration is used` });
  };

  for (const { body } of primary) {
    for (const b of body.blocks) {
      switch (b.type) {
        case 'variable': {
          const name = b.labels[0];
          if (name === undefined) break;
          if (variables.has(name)) duplicate(`variable \`${name}\``, b.at);
          else variables.set(name, variableConfig(name, b));
          break;
        }
        case 'locals':
          for (const a of b.body.attributes) {
            if (locals.has(a.name)) duplicate(`local value \`${a.name}\``, a.at);
            else locals.set(a.name, a);
          }
          break;
        case 'resource':
        case 'data': {
          const [type, name] = b.labels;
          if (type === undefined || name === undefined) break;
          const target = b.type === 'resource' ? resources : data;
          const id = `${type}.${name}`;
          if (b.syntaxError) {
            diagnostics.push({ code: 'parse-error', severity: 'error', file: b.at.file, line: b.at.line, column: b.at.column, message: `\`${b.type === 'data' ? 'data.' : ''}${id}\` has a syntax error and is not evaluated` });
            break;
          }
          if (target.has(id)) duplicate(`${b.type === 'data' ? 'data.' : ''}${id}`, b.at);
          else target.set(id, resourceConfig(b.type === 'resource' ? 'managed' : 'data', type, name, b));
          break;
        }
        case 'module': {
          const name = b.labels[0];
          if (name === undefined) break;
          if (modules.has(name)) duplicate(`module \`${name}\``, b.at);
          else modules.set(name, moduleCallConfig(name, b));
          break;
        }
        case 'output': {
          const name = b.labels[0];
          if (name === undefined) break;
          if (outputs.has(name)) duplicate(`output \`${name}\``, b.at);
          else outputs.set(name, { name, expr: attr(b.body, 'value')?.expr ?? null, at: b.at });
          break;
        }
        default:
          break;
      }
    }
  }

  // https://developer.hashicorp.com/terraform/language/files/override
  for (const { body } of overrides) {
    for (const b of body.blocks) {
      const [l0, l1] = b.labels;
      switch (b.type) {
        case 'variable': {
          const base = l0 !== undefined ? variables.get(l0) : undefined;
          if (base && l0 !== undefined) variables.set(l0, variableConfig(l0, { ...b, body: mergeBodies(base.body, b.body), at: base.at }));
          break;
        }
        case 'locals':
          for (const a of b.body.attributes) locals.set(a.name, a);
          break;
        case 'resource':
        case 'data': {
          const target = b.type === 'resource' ? resources : data;
          const id = `${l0}.${l1}`;
          const base = target.get(id);
          if (base && l0 !== undefined && l1 !== undefined) {
            target.set(id, resourceConfig(base.mode, l0, l1, { ...b, body: mergeBodies(base.body, b.body), at: base.at }));
          }
          break;
        }
        case 'module': {
          const base = l0 !== undefined ? modules.get(l0) : undefined;
          if (base && l0 !== undefined) {
            const inputs = new Map(base.inputs);
            for (const a of b.body.attributes) if (!MODULE_META.has(a.name)) inputs.set(a.name, a);
            const over = moduleCallConfig(l0, b);
            modules.set(l0, {
              ...base,
              source: attr(b.body, 'source') ? over.source : base.source,
              count: over.count ?? base.count,
              forEach: over.forEach ?? base.forEach,
              inputs,
            });
          }
          break;
        }
        case 'output': {
          const base = l0 !== undefined ? outputs.get(l0) : undefined;
          const v = attr(b.body, 'value');
          if (base && l0 !== undefined && v) outputs.set(l0, { ...base, expr: v.expr });
          break;
        }
        default:
          break;
      }
    }
  }

  return { dir, files: files.map((f) => f.file), variables, locals, resources, data, modules, outputs };
}

/** Override semantics: attributes replace by name; nested blocks of a type present in the override replace all of that type. */
function mergeBodies(base: Body, over: Body): Body {
  const overAttrs = new Set(over.attributes.map((a) => a.name));
  const overBlockTypes = new Set(over.blocks.map((b) => b.type));
  return {
    attributes: [...base.attributes.filter((a) => !overAttrs.has(a.name)), ...over.attributes],
    blocks: [...base.blocks.filter((b) => !overBlockTypes.has(b.type)), ...over.blocks],
    at: base.at,
  };
}

export function attr(body: Body, name: string): Attribute | undefined {
  return body.attributes.find((a) => a.name === name);
}

function literalBool(e: Expr | undefined, fallback: boolean): boolean {
  return e?.k === 'lit' && typeof e.v === 'boolean' ? e.v : fallback;
}

function variableConfig(name: string, b: Block): VariableConfig {
  return {
    name,
    type: parseType(attr(b.body, 'type')?.expr),
    default: attr(b.body, 'default')?.expr ?? null,
    sensitive: literalBool(attr(b.body, 'sensitive')?.expr, false),
    nullable: literalBool(attr(b.body, 'nullable')?.expr, true),
    body: b.body,
    at: b.at,
  };
}

function resourceConfig(mode: 'managed' | 'data', type: string, name: string, b: Block): ResourceConfig {
  return { mode, type, name, body: b.body, count: attr(b.body, 'count')?.expr ?? null, forEach: attr(b.body, 'for_each')?.expr ?? null, at: b.at };
}

function moduleCallConfig(name: string, b: Block): ModuleCallConfig {
  const source = attr(b.body, 'source')?.expr;
  const version = attr(b.body, 'version')?.expr;
  const inputs = new Map<string, Attribute>();
  for (const a of b.body.attributes) if (!MODULE_META.has(a.name)) inputs.set(a.name, a);
  return {
    name,
    source: source?.k === 'lit' && typeof source.v === 'string' ? source.v : null,
    version: version?.k === 'lit' && typeof version.v === 'string' ? version.v : null,
    count: attr(b.body, 'count')?.expr ?? null,
    forEach: attr(b.body, 'for_each')?.expr ?? null,
    inputs,
    at: b.at,
  };
}
