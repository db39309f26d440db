import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import type { Parser } from 'web-tree-sitter';
import type { LoadDiagnostic, Provenance } from '../../../../model/core/index.js';
import { findTooDeep } from '../../../common/json-depth.js';
import { LineIndex } from '../../../common/line-index.js';
import type { Attribute, Block, Body, Expr } from './ast.js';
import { emptyBody } from './ast.js';
import { MAX_EXPR_DEPTH, parseHcl } from './from-tree.js';

/**
 * Terraform's JSON syntax (`.tf.json`): https://developer.hashicorp.com/terraform/language/syntax/json
 * Strings are templates (`"${var.x}"`), other JSON values are literals. Without provider schemas an object-valued
 * argument is ambiguous (nested block or map attribute); known map attributes stay maps, other objects become nested
 * blocks (a list of one object, the plan JSON shape).
 */
const MAP_ARGUMENTS = new Set(['tags', 'tags_all', 'labels', 'variables', 'parameters', 'metadata', 'triggers', 'environment_variables', 'app_settings', 'default_tags_map']);
/** Block types whose bodies are read like resource bodies (nested objects are blocks). */
const LABELS_BY_BLOCK: Readonly<Record<string, number>> = {
  resource: 2, data: 2, module: 1, variable: 1, output: 1, provider: 1, terraform: 0, locals: 0, moved: 0, import: 0, check: 1, removed: 0,
};
const LITERAL_ARGUMENTS_OF_VARIABLE = new Set(['default', 'description', 'sensitive', 'nullable']);
const TEMPLATE_MARKER = '__PARAPET_JSON_TEMPLATE__';

export interface ParsedJson {
  readonly body: Body;
  readonly diagnostics: LoadDiagnostic[];
}

export function parseTfJson(parser: Parser, text: string, file: string): ParsedJson {
  const lines = new LineIndex(file, text);
  const diagnostics: LoadDiagnostic[] = [];
  const whole = lines.span(0, text.length);
  const deep = findTooDeep(text, MAX_EXPR_DEPTH);
  if (deep !== undefined) {
    const p = lines.lineCol(deep);
    diagnostics.push({ code: 'too-deep', severity: 'error', file, line: p.line, column: p.column, message: `JSON nested more than ${MAX_EXPR_DEPTH} levels deep is not read` });
    return { body: emptyBody(whole), diagnostics };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  for (const e of errors.slice(0, 20)) {
    const p = lines.span(e.offset, e.offset + e.length);
    diagnostics.push({ code: 'parse-error', severity: 'error', file, line: p.line, column: p.column, message: `JSON syntax error: ${printParseErrorCode(e.error)}` });
  }
  if (!root || root.type !== 'object') {
    if (root) diagnostics.push({ code: 'parse-error', severity: 'error', file, line: 1, column: 1, message: 'a .tf.json file must contain a JSON object' });
    return { body: emptyBody(whole), diagnostics };
  }
  const c = new JsonConverter(parser, file, lines, diagnostics);
  return { body: c.topLevel(root), diagnostics };
}

class JsonConverter {
  constructor(
    private readonly parser: Parser,
    private readonly file: string,
    private readonly lines: LineIndex,
    private readonly diagnostics: LoadDiagnostic[],
  ) {}

  private at(n: JsonNode): Provenance {
    return this.lines.at(n);
  }

  topLevel(root: JsonNode): Body {
    const attributes: Attribute[] = [];
    const blocks: Block[] = [];
    for (const [key, value, prop] of this.properties(root)) {
      const labels = LABELS_BY_BLOCK[key];
      if (labels === undefined) continue;
      if (key === 'locals') {
        for (const obj of this.objects(value)) blocks.push({ type: 'locals', labels: [], body: this.attributesOnly(obj), at: this.at(prop) });
        continue;
      }
      this.labelled(key, labels, [], value, prop, blocks);
    }
    return { attributes, blocks, at: this.at(root) };
  }

  /** `"resource": {"aws_s3_bucket": {"b": {…}}}`: one object level per label; each level may also be an array. */
  private labelled(type: string, remaining: number, labels: string[], value: JsonNode, prop: JsonNode, out: Block[]): void {
    if (remaining === 0) {
      for (const obj of this.objects(value)) out.push({ type, labels, body: this.body(obj, type), at: this.at(labels.length > 0 ? prop : obj) });
      return;
    }
    for (const obj of this.objects(value)) {
      for (const [key, v, p] of this.properties(obj)) this.labelled(type, remaining - 1, [...labels, key], v, p, out);
    }
  }

  private objects(n: JsonNode): JsonNode[] {
    if (n.type === 'object') return [n];
    if (n.type === 'array') return (n.children ?? []).filter((c) => c.type === 'object');
    return [];
  }

  private properties(obj: JsonNode): [string, JsonNode, JsonNode][] {
    const out: [string, JsonNode, JsonNode][] = [];
    for (const p of obj.children ?? []) {
      const [k, v] = p.children ?? [];
      if (!k || !v || typeof k.value !== 'string' || k.value === '//') continue;
      out.push([k.value, v, p]);
    }
    return out;
  }

  private attributesOnly(obj: JsonNode): Body {
    const attributes: Attribute[] = [];
    for (const [key, v, p] of this.properties(obj)) attributes.push({ name: key, expr: this.expr(v, 0), at: this.at(p) });
    return { attributes, blocks: [], at: this.at(obj) };
  }

  private body(obj: JsonNode, blockType: string): Body {
    const attributes: Attribute[] = [];
    const blocks: Block[] = [];
    for (const [key, v, p] of this.properties(obj)) {
      if (blockType === 'variable') {
        if (key === 'type' && v.type === 'string') attributes.push({ name: key, expr: this.typeExpr(v), at: this.at(p) });
        else if (LITERAL_ARGUMENTS_OF_VARIABLE.has(key)) attributes.push({ name: key, expr: this.literal(v, 0), at: this.at(p) });
        else if (key === 'validation') for (const o of this.objects(v)) blocks.push({ type: key, labels: [], body: this.attributesOnly(o), at: this.at(p) });
        continue;
      }
      if (key === 'dynamic') {
        for (const o of this.objects(v)) {
          for (const [label, dv, dp] of this.properties(o)) {
            for (const d of this.objects(dv)) blocks.push({ type: 'dynamic', labels: [label], body: this.dynamicBody(d), at: this.at(dp) });
          }
        }
        continue;
      }
      const isBlock = !MAP_ARGUMENTS.has(key) && blockType !== 'output' && blockType !== 'module' && (v.type === 'object' || (v.type === 'array' && (v.children ?? []).length > 0 && (v.children ?? []).every((c) => c.type === 'object')));
      if (isBlock && !(blockType === 'terraform' && key === 'required_providers')) {
        for (const o of this.objects(v)) blocks.push({ type: key, labels: [], body: this.body(o, key), at: this.at(o) });
        continue;
      }
      attributes.push({ name: key, expr: this.expr(v, 0), at: this.at(p) });
    }
    return { attributes, blocks, at: this.at(obj) };
  }

  private dynamicBody(obj: JsonNode): Body {
    const attributes: Attribute[] = [];
    const blocks: Block[] = [];
    for (const [key, v, p] of this.properties(obj)) {
      if (key === 'content') for (const o of this.objects(v)) blocks.push({ type: 'content', labels: [], body: this.body(o, 'content'), at: this.at(o) });
      else attributes.push({ name: key, expr: this.expr(v, 0), at: this.at(p) });
    }
    return { attributes, blocks, at: this.at(obj) };
  }

  /** A variable's `type` is written as a string holding a type expression: `"list(string)"`. */
  private typeExpr(v: JsonNode): Expr {
    const parsed = this.hclExpression(String(v.value), v);
    return parsed ?? this.literal(v, 0);
  }

  private literal(n: JsonNode, depth: number): Expr {
    const at = this.at(n);
    if (depth > MAX_EXPR_DEPTH) return { k: 'bad', why: 'value nested too deeply', at };
    switch (n.type) {
      case 'string':
      case 'number':
      case 'boolean':
        return { k: 'lit', v: n.value as string | number | boolean, at };
      case 'null':
        return { k: 'lit', v: null, at };
      case 'array':
        return { k: 'tuple', items: (n.children ?? []).map((c) => this.literal(c, depth + 1)), at };
      case 'object':
        return { k: 'object', items: this.properties(n).map(([key, v, p]) => ({ key: { k: 'lit', v: key, at: this.at(p) }, val: this.literal(v, depth + 1) })), at };
      default:
        return { k: 'bad', why: 'invalid JSON value', at };
    }
  }

  private expr(n: JsonNode, depth: number): Expr {
    const at = this.at(n);
    if (depth > MAX_EXPR_DEPTH) return { k: 'bad', why: 'value nested too deeply', at };
    switch (n.type) {
      case 'string':
        return this.template(String(n.value), n);
      case 'array':
        return { k: 'tuple', items: (n.children ?? []).map((c) => this.expr(c, depth + 1)), at };
      case 'object':
        return { k: 'object', items: this.properties(n).map(([key, v, p]) => ({ key: this.template(key, p), val: this.expr(v, depth + 1) })), at };
      default:
        return this.literal(n, depth);
    }
  }

  /** A JSON string is a template: parsed as a heredoc so escapes already decoded by JSON are not decoded twice. */
  private template(s: string, n: JsonNode): Expr {
    const at = this.at(n);
    if (!s.includes('${') && !s.includes('%{')) return { k: 'lit', v: s, at };
    if (s.includes(TEMPLATE_MARKER)) return { k: 'lit', v: s, at };
    const src = `x = <<${TEMPLATE_MARKER}\n${s}\n${TEMPLATE_MARKER}\n`;
    const parsed = parseHcl(this.parser, src, this.file, at.line - 2);
    const attr = parsed.body.attributes[0];
    if (parsed.diagnostics.length > 0 || !attr) {
      this.diagnostics.push({ code: 'parse-error', severity: 'error', file: this.file, line: at.line, column: at.column, message: 'invalid template in JSON string' });
      return { k: 'bad', why: 'invalid template', at };
    }
    return dropFinalNewline(attr.expr, at);
  }

  private hclExpression(s: string, n: JsonNode): Expr | undefined {
    const at = this.at(n);
    const parsed = parseHcl(this.parser, `x = ${s}\n`, this.file, at.line - 1);
    const attr = parsed.body.attributes[0];
    return parsed.diagnostics.length === 0 && attr ? attr.expr : undefined;
  }
}

/** The heredoc wrapper adds one newline after the string's content. */
function dropFinalNewline(e: Expr, at: Provenance): Expr {
  if (e.k === 'lit' && typeof e.v === 'string') return { k: 'lit', v: e.v.replace(/\n$/, ''), at };
  if (e.k !== 'template') return e;
  const parts = [...e.parts];
  const last = parts[parts.length - 1];
  if (last?.k === 'text') {
    const s = last.s.replace(/\n$/, '');
    if (s === '') parts.pop();
    else parts[parts.length - 1] = { k: 'text', s };
  }
  // `"${x}"` alone is the value of x, not its string form (HCL's template unwrapping).
  const only = parts[0];
  if (parts.length === 1 && only?.k === 'interp') return only.e;
  return { k: 'template', parts, at };
}
