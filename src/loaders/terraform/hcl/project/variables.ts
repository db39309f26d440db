import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Parser } from 'web-tree-sitter';
import type { LoadDiagnostic, Provenance } from '../../../../model/core/index.js';
import type { Value } from '../../../common/value.js';
import { evaluate } from '../eval/evaluate.js';
import type { EvalHost } from '../eval/scope.js';
import { isPrimitiveType } from '../eval/types.js';
import { fromJson, str } from '../eval/values.js';
import type { VariableConfig } from '../module/config.js';
import { parseHcl } from '../syntax/from-tree.js';
import { displayPath } from './host.js';

/**
 * Root variable values in Terraform's precedence order, lowest first:
 * TF_VAR_ environment variables, terraform.tfvars, terraform.tfvars.json, *.auto.tfvars(.json) in lexical order,
 * then --var-file and --var (https://developer.hashicorp.com/terraform/language/values/variables#variable-definition-precedence).
 * Environment and --var values are raw strings, read per the variable's type when it is known.
 */
export type RawVariable = { readonly kind: 'value'; readonly value: Value } | { readonly kind: 'string'; readonly text: string; readonly at: Provenance };

export interface VariableInputs {
  readonly vars?: Readonly<Record<string, string>>;
  readonly varFiles?: readonly string[];
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const CLI_AT: Provenance = { file: '(command line)', line: 1, column: 1, endLine: 1, endColumn: 1 };
const ENV_AT: Provenance = { file: '(environment)', line: 1, column: 1, endLine: 1, endColumn: 1 };

export function rootVariableValues(rootAbs: string, inputs: VariableInputs, cwd: string, host: EvalHost, diagnostics: LoadDiagnostic[]): Map<string, RawVariable> {
  const out = new Map<string, RawVariable>();
  for (const [k, v] of Object.entries(inputs.env ?? {})) {
    if (k.startsWith('TF_VAR_') && v !== undefined) out.set(k.slice('TF_VAR_'.length), { kind: 'string', text: v, at: ENV_AT });
  }
  let names: string[] = [];
  try {
    names = readdirSync(rootAbs);
  } catch {
    names = [];
  }
  const auto = names.filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')).sort();
  const files = [
    ...['terraform.tfvars', 'terraform.tfvars.json'].filter((n) => names.includes(n)).map((n) => path.join(rootAbs, n)),
    ...auto.map((n) => path.join(rootAbs, n)),
    ...(inputs.varFiles ?? []).map((f) => path.resolve(cwd, f)),
  ];
  for (const f of files) {
    for (const [k, v] of readVarFile(f, cwd, host, diagnostics)) out.set(k, { kind: 'value', value: v });
  }
  for (const [k, v] of Object.entries(inputs.vars ?? {})) out.set(k, { kind: 'string', text: v, at: CLI_AT });
  return out;
}

function readVarFile(abs: string, cwd: string, host: EvalHost, diagnostics: LoadDiagnostic[]): Map<string, Value> {
  const file = displayPath(cwd, abs);
  const out = new Map<string, Value>();
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    diagnostics.push({ code: 'read-error', severity: 'error', file, line: 1, column: 1, message: `cannot read variables file: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
    return out;
  }
  const at: Provenance = { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  if (abs.endsWith('.json')) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      diagnostics.push({ code: 'parse-error', severity: 'error', file, line: 1, column: 1, message: `invalid JSON variables file: ${e instanceof Error ? e.message : String(e)}` });
      return out;
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return out;
    for (const [k, v] of Object.entries(doc as Record<string, unknown>)) out.set(k, fromJson(v, at));
    return out;
  }
  const parsed = parseHcl(host.parser, text, file);
  diagnostics.push(...parsed.diagnostics);
  for (const a of parsed.body.attributes) out.set(a.name, evaluate(a.expr, { mod: null, frame: null, host }));
  return out;
}

/** A raw root variable value as Terraform reads it: a plain string for primitive types, an HCL expression otherwise. */
export function interpretRaw(raw: RawVariable, v: VariableConfig, parser: Parser, host: EvalHost): Value {
  if (raw.kind === 'value') return raw.value;
  if (isPrimitiveType(v.type) || v.type.k === 'any') return str(raw.text, raw.at);
  const parsed = parseHcl(parser, `x = ${raw.text}\n`, raw.at.file);
  const a = parsed.body.attributes[0];
  if (parsed.diagnostics.length > 0 || !a) {
    host.diag('invalid-value', 'error', raw.at, `the value given for \`${v.name}\` is not a valid expression for its type`);
    return { t: 'unknown', why: `the value given for \`var.${v.name}\` is not valid`, refs: [], at: raw.at };
  }
  return evaluate(a.expr, { mod: null, frame: null, host });
}
