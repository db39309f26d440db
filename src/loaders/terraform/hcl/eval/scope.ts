import type { Parser } from 'web-tree-sitter';
import type { DiagnosticCode, DiagnosticSeverity, Provenance } from '../../../../model/core/index.js';
import type { ObjectValue, Value } from '../../../common/value.js';

/** A traversal step after its index expression has been evaluated. */
export type ResolvedStep = { readonly k: 'attr'; readonly name: string; readonly at: Provenance } | { readonly k: 'index'; readonly key: Value; readonly at: Provenance };

/** What an expression can reach in its module: implemented by a module instance. */
export interface ModuleScope {
  readonly host: EvalHost;
  variable(name: string, at: Provenance): Value;
  local(name: string, at: Provenance): Value;
  /** `module.NAME` followed by `steps`: resolves as few outputs as the steps need; says how many steps it used. */
  module(name: string, steps: readonly ResolvedStep[], at: Provenance): { value: Value; consumed: number };
  /** The value of a resource or data source (an object, a list for count, a map for for_each), or undefined if undeclared. */
  resource(mode: 'managed' | 'data', type: string, name: string, at: Provenance): Value | undefined;
  /** `path.module`, `path.root`, `path.cwd`: the directory as Terraform gives it. */
  path(kind: string): string | undefined;
  /** Absolute directory of the root module: relative paths in `file()` are relative to it (Terraform's working directory). */
  readonly rootAbsDir: string;
}

export interface Frame {
  readonly name: string;
  readonly value: Value;
  readonly parent: Frame | null;
}

export interface Scope {
  /** null for constant contexts (tfvars, variable defaults, templatefile templates). */
  readonly mod: ModuleScope | null;
  readonly frame: Frame | null;
  /** The host even without a module (constant contexts still report diagnostics and read templates). */
  readonly host: EvalHost;
}

export type ReadResult = { readonly ok: true; readonly text: string; readonly display: string } | { readonly ok: false; readonly why: string };

export interface EvalHost {
  readonly parser: Parser;
  diag(code: DiagnosticCode, severity: DiagnosticSeverity, at: Provenance, message: string): void;
  /** Reads a file for `file()`/`templatefile()`, refusing paths outside the allowed folders. */
  readFile(absPath: string): ReadResult;
  fileExists(absPath: string): boolean;
  /** Files below a folder, relative to it with `/` separators (for `fileset()`); undefined when not allowed. */
  listFiles(absDir: string): readonly string[] | undefined;
  /** Per-run memo (parsed template files). */
  readonly cache: Map<string, unknown>;
  /** Guards lazy evaluation depth (locals referring to locals…): false when too deep. */
  enter(at: Provenance): boolean;
  leave(): void;
}

export function bind(scope: Scope, bindings: Readonly<Record<string, Value>>): Scope {
  let frame = scope.frame;
  for (const [name, value] of Object.entries(bindings)) frame = { name, value, parent: frame };
  return { mod: scope.mod, frame, host: scope.host };
}

export function lookupFrame(frame: Frame | null, name: string): Value | undefined {
  for (let f = frame; f; f = f.parent) if (f.name === name) return f.value;
  return undefined;
}

/**
 * Objects that stand for a resource instance (or one of its nested blocks): an attribute the configuration does not
 * set is computed by the provider, so reading it gives an unknown naming the instance, not an error.
 */
const openObjects = new WeakMap<ObjectValue, { readonly key: string; readonly address: string }>();

export function markOpen(o: ObjectValue, key: string, address: string): void {
  openObjects.set(o, { key, address });
}

export function openInfo(o: ObjectValue): { readonly key: string; readonly address: string } | undefined {
  return openObjects.get(o);
}
