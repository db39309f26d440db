import { Alias, LineCounter, Scalar, YAMLMap, YAMLSeq, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { LoadDiagnostic, Provenance } from '../../model/core/index.js';
import type { ObjectValue, Value } from '../common/value.js';
import { parseYamlFast } from './parse-yaml-fast.js';
import { KEY_POSITION_DEPTH, MAX_SOURCE_DEPTH, diagnostic } from './source.js';
import type { SourceTree } from './source.js';
import { YAML_OPTIONS, longForm, scalarValue } from './yaml-common.js';

/**
 * YAML templates through the `yaml` package (YAML 1.1, as CloudFormation reads it) with a LineCounter for positions.
 * Short-form intrinsics (`!Ref X`, `!GetAtt a.b`, `!Sub [...]`) become their long forms here, positioned at the tag.
 *
 * CloudFormation accepts neither the binary/omap/pairs/set/timestamp tags nor aliases nor merge keys
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html): those tags are left out of
 * the schema (a date stays a string), `<<` is an ordinary key, and aliases are expanded under a budget with a warning,
 * so an alias bomb is refused rather than expanded.
 */

/**
 * Nodes that aliases may add to a document when expanded: generous for real use, fatal to alias bombs. The `yaml`
 * package's own `maxAliasCount` guards only `toJS()`, which this reader does not call: it walks the nodes itself.
 */
const ALIAS_EXPANSION_BUDGET = 100_000;

class AliasBudgetExceeded {}
class TooDeep {
  constructor(readonly node: YamlNode) {}
}

/** A YAML template: the fast reader when the file stays within its subset, else the `yaml` package. */
export function parseYamlTemplate(file: string, text: string): SourceTree {
  return parseYamlFast(file, text) ?? parseYamlFull(file, text);
}

/** A YAML template through the `yaml` package: any YAML, about 1 s per MB. */
export function parseYamlFull(file: string, text: string): SourceTree {
  const keyAt = new Map<ObjectValue, Map<string, Provenance>>();
  const diagnostics: LoadDiagnostic[] = [];
  const lc = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter: lc });
  } catch (e) {
    // The parser recurses on nesting; a hostile document can exhaust the stack.
    const message = e instanceof RangeError ? 'YAML nesting too deep to parse' : `cannot parse YAML: ${String(e)}`;
    diagnostics.push(diagnostic(e instanceof RangeError ? 'too-deep' : 'parse-error', file, { line: 1, column: 1 }, message));
    return { root: undefined, keyAt, diagnostics };
  }

  const pos = (offset: number): { line: number; column: number } => {
    const p = lc.linePos(offset);
    return p.line === 0 ? { line: 1, column: offset + 1 } : { line: p.line, column: p.col };
  };
  const provenance = (start: number, end: number): Provenance => {
    // Block nodes end after their trailing line break; a span ends at its last character instead.
    let e = end;
    while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
    const a = pos(start);
    const b = pos(e);
    return { file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  };

  const [firstError] = doc.errors;
  if (firstError) {
    // The parser recurses on flow collections and reports a stack overflow as an ordinary error.
    const overflow = firstError.message.includes('call stack');
    diagnostics.push(diagnostic(overflow ? 'too-deep' : 'parse-error', file, pos(firstError.pos[0]),
      overflow ? 'YAML nesting too deep to parse; the file is not loaded' : `invalid YAML: ${firstError.message}`));
    return { root: undefined, keyAt, diagnostics };
  }

  let aliasWarned = false;
  let expanded = 0;
  const aliasCache = new Map<YamlNode, { value: Value; size: number }>();

  /** Where a tagged node starts: at its tag when the tag sits right before it, else at the node. */
  const tagStart = (node: YamlNode, tag: string): number => {
    const start = node.range?.[0] ?? 0;
    let k = start - 1;
    while (k >= 0 && (text[k] === ' ' || text[k] === '\n' || text[k] === '\r' || text[k] === '\t')) k--;
    const from = k - tag.length + 1;
    return from >= 0 && text.startsWith(tag, from) ? from : start;
  };

  /**
   * Converts a node; `end` is where it ends: for a block collection, where its last item ends (the parser's own range
   * can run on over a comment after an empty last value), else the parser's range.
   */
  const convert = (node: unknown, depth: number): { value: Value; size: number; end: number } => {
    if (depth > MAX_SOURCE_DEPTH) throw new TooDeep(node as YamlNode);
    if (node instanceof Alias) {
      const aliasEnd = node.range?.[1] ?? 0;
      if (!aliasWarned) {
        aliasWarned = true;
        const at = pos(node.range?.[0] ?? 0);
        diagnostics.push(diagnostic('invalid-template', file, at,
          'CloudFormation does not accept YAML aliases; they are expanded here, but the deployment will reject the template', 'warning'));
      }
      const target = node.resolve(doc);
      if (!target) {
        const at = provenance(node.range?.[0] ?? 0, aliasEnd);
        diagnostics.push(diagnostic('invalid-template', file, at, `unknown YAML alias \`*${node.source}\``));
        return { value: { t: 'null', at }, size: 1, end: aliasEnd };
      }
      let hit = aliasCache.get(target);
      if (!hit) {
        hit = convert(target, depth + 1);
        aliasCache.set(target, hit);
      }
      expanded += hit.size;
      if (expanded > ALIAS_EXPANSION_BUDGET) throw new AliasBudgetExceeded();
      return { value: hit.value, size: hit.size, end: aliasEnd };
    }
    const yn = node as YamlNode | null;
    const range = yn?.range ?? [0, 0, 0];
    const tag = yn?.tag;
    const intrinsic = tag !== undefined && tag.startsWith('!') && !tag.startsWith('!!') ? tag.slice(1) : undefined;
    let out: { value: Value; size: number; end: number };
    if (node instanceof YAMLMap) {
      const fields = new Map<string, Value>();
      const keys = depth <= KEY_POSITION_DEPTH && !intrinsic ? new Map<string, Provenance>() : undefined;
      let size = 1;
      let end = range[1];
      for (const pair of node.items) {
        const k = pair.key as YamlNode | null;
        // Keys as written: under YAML 1.1 a logical id `Off` or `No` would otherwise become `false`.
        const key = k instanceof Scalar ? (typeof k.value === 'string' ? k.value : k.source ?? String(k.value ?? '')) : k === null ? '' : String(k);
        const kr = k?.range ?? [range[0], range[0]];
        const keyPos = provenance(kr[0], kr[1]);
        if (fields.has(key)) {
          diagnostics.push(diagnostic('invalid-template', file, keyPos, `duplicate key \`${key}\`; the last one is used`, 'warning'));
        }
        const child = pair.value === null ? { value: { t: 'null', at: keyPos } as Value, size: 1, end: kr[1] } : convert(pair.value, depth + 1);
        fields.set(key, child.value);
        keys?.set(key, keyPos);
        size += child.size;
        end = child.end;
      }
      if (node.flow || node.items.length === 0) end = range[1];
      const o: ObjectValue = { t: 'object', fields, at: provenance(range[0], end) };
      if (keys) keyAt.set(o, keys);
      out = { value: o, size, end };
    } else if (node instanceof YAMLSeq) {
      const items: Value[] = [];
      let size = 1;
      let end = range[1];
      for (const item of node.items) {
        const child = item === null
          ? { value: { t: 'null', at: provenance(range[0], range[1]) } as Value, size: 1, end: range[1] }
          : convert(item, depth + 1);
        items.push(child.value);
        size += child.size;
        end = child.end;
      }
      if (node.flow || node.items.length === 0) end = range[1];
      out = { value: { t: 'list', items, at: provenance(range[0], end) }, size, end };
    } else if (node instanceof Scalar) {
      out = { value: scalarValue(node.value, node.source, provenance(range[0], range[1])), size: 1, end: range[1] };
    } else {
      out = { value: { t: 'null', at: provenance(range[0], range[1]) }, size: 1, end: range[1] };
    }
    if (intrinsic) {
      const call = provenance(tagStart(yn as YamlNode, tag as string), out.end);
      out = { value: longForm(intrinsic, out.value, call), size: out.size + 1, end: out.end };
    }
    return out;
  };

  if (doc.contents === null) return { root: undefined, keyAt, diagnostics };
  try {
    return { root: convert(doc.contents, 0).value, keyAt, diagnostics };
  } catch (e) {
    if (e instanceof AliasBudgetExceeded) {
      diagnostics.push(diagnostic('invalid-template', file, { line: 1, column: 1 },
        `YAML aliases expand to more than ${ALIAS_EXPANSION_BUDGET} nodes; the file is not loaded`));
      return { root: undefined, keyAt, diagnostics };
    }
    if (e instanceof TooDeep || e instanceof RangeError) {
      const at = e instanceof TooDeep ? pos(e.node.range?.[0] ?? 0) : { line: 1, column: 1 };
      diagnostics.push(diagnostic('too-deep', file, at, `nesting deeper than ${MAX_SOURCE_DEPTH} levels; the file is not loaded`));
      return { root: undefined, keyAt, diagnostics };
    }
    throw e;
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
