import { Document, isScalar } from 'yaml';
import type { LoadDiagnostic, Provenance } from '../../model/core/index.js';
import type { ObjectValue, Value } from '../common/value.js';
import { YAML_OPTIONS, longForm, scalarValue } from './yaml-common.js';
import { KEY_POSITION_DEPTH, MAX_SOURCE_DEPTH, diagnostic } from './source.js';
import type { SourceTree } from './source.js';

/**
 * A fast reader for the YAML that CloudFormation templates are written in: block maps and sequences, flow
 * collections, plain, quoted and block scalars, short-form tags, comments. The `yaml` package costs about 1 s per MB;
 * this costs a few times `JSON.parse`. Anything outside that subset (anchors and aliases, tabs, CRLF, multi-line plain
 * or quoted scalars, complex keys, directives, several documents, explicit indentation indicators, anything invalid)
 * makes it give up, and the caller parses the file with the `yaml` package instead, so the subset only has to be
 * exact, not complete. Plain scalars are resolved by the `yaml` package's own YAML 1.1 tags, and the values and
 * positions it produces are the ones the `yaml` path produces (the tests compare both on every fixture).
 */

class Bail {}
const bail = (): never => {
  throw new Bail();
};

/** The schema's implicit tags (null, bool, int, float under YAML 1.1), used exactly as the `yaml` composer does. */
const PLAIN_TAGS = new Document(null, YAML_OPTIONS).schema.tags.filter(
  (t): t is typeof t & { test: RegExp; resolve: (s: string, onError: (m: string) => void, o: object) => unknown } =>
    t.default === true && t.test !== undefined,
);
const RESOLVE_OPTIONS = { intAsBigInt: false };
const noop = (): void => {};

function resolvePlain(s: string): unknown {
  for (const tag of PLAIN_TAGS) {
    if (!tag.test.test(s)) continue;
    // Some tags resolve to a Scalar node (the YAML 1.1 booleans), as the composer accepts.
    const r = tag.resolve(s, noop, RESOLVE_OPTIONS);
    return isScalar(r) ? r.value : r;
  }
  return s;
}

const enum C {
  Lf = 10, Space = 32, Bang = 33, Quote = 34, Hash = 35, Percent = 37, Amp = 38, Apos = 39, Star = 42, Comma = 44,
  Dash = 45, Colon = 58, Gt = 62, Question = 63, At = 64, LBracket = 91, Backslash = 92, RBracket = 93, Backtick = 96,
  LBrace = 123, Pipe = 124, RBrace = 125,
}

interface Node {
  readonly v: Value;
  /** Offset just after the node's last character. */
  readonly end: number;
  /** Offset where reading continues: the start of the line after the node, or, inside a flow, just after it. */
  readonly next: number;
}

export function parseYamlFast(file: string, text: string): SourceTree | undefined {
  // Give up early on what the subset never handles: tabs, CR line ends, a byte-order mark, anchors and aliases.
  if (text.includes('\t') || text.includes('\r') || text.charCodeAt(0) === 0xfeff) return undefined;
  try {
    return new FastYaml(file, text).document();
  } catch (e) {
    if (e instanceof Bail || e instanceof RangeError) return undefined;
    throw e;
  }
}

class FastYaml {
  readonly #file: string;
  readonly #text: string;
  readonly #n: number;
  readonly #lineStarts: number[] = [0];
  #cachedLine = 0;
  readonly keyAt = new Map<ObjectValue, Map<string, Provenance>>();
  readonly diagnostics: LoadDiagnostic[] = [];

  constructor(file: string, text: string) {
    this.#file = file;
    this.#text = text;
    this.#n = text.length;
    for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) this.#lineStarts.push(k + 1);
  }

  // ---- positions ----

  /** 0-based line index of an offset; positions are asked for mostly in order, so the last answer is tried first. */
  #lineOf(offset: number): number {
    const ls = this.#lineStarts;
    let l = this.#cachedLine;
    if (ls[l] as number <= offset && (l + 1 >= ls.length || (ls[l + 1] as number) > offset)) return l;
    if (l + 1 < ls.length && (ls[l + 1] as number) <= offset && (l + 2 >= ls.length || (ls[l + 2] as number) > offset)) {
      this.#cachedLine = l + 1;
      return l + 1;
    }
    let lo = 0;
    let hi = ls.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((ls[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    l = lo;
    this.#cachedLine = l;
    return l;
  }

  #prov(start: number, end: number): Provenance {
    let e = end;
    const t = this.#text;
    while (e > start && (t.charCodeAt(e - 1) === C.Space || t.charCodeAt(e - 1) === C.Lf)) e--;
    const a = this.#lineOf(start);
    const b = this.#lineOf(e);
    return {
      file: this.#file, line: a + 1, column: start - (this.#lineStarts[a] as number) + 1,
      endLine: b + 1, endColumn: e - (this.#lineStarts[b] as number) + 1,
    };
  }

  // ---- lines ----

  #lineEnd(o: number): number {
    const k = this.#text.indexOf('\n', o);
    return k === -1 ? this.#n : k;
  }

  #afterLine(o: number): number {
    const k = this.#text.indexOf('\n', o);
    return k === -1 ? this.#n : k + 1;
  }

  #indent(ls: number): number {
    let k = ls;
    while (this.#text.charCodeAt(k) === C.Space) k++;
    return k - ls;
  }

  /** From a line start, the start of the next line holding content (not blank, not only a comment), or -1. */
  #nextContent(ls: number): number {
    let o = ls;
    while (o < this.#n) {
      const c = o + this.#indent(o);
      const ch = this.#text.charCodeAt(c);
      if (c < this.#n && ch !== C.Lf && ch !== C.Hash) return o;
      o = this.#afterLine(o);
    }
    return -1;
  }

  #skipSpaces(o: number): number {
    let k = o;
    while (this.#text.charCodeAt(k) === C.Space) k++;
    return k;
  }

  /** At end of line or at a comment (after spaces): the rest of the line holds nothing. */
  #atLineEnd(o: number): boolean {
    const ch = this.#text.charCodeAt(o);
    return o >= this.#n || ch === C.Lf || ch === C.Hash;
  }

  /** After a complete value on a line: only spaces and a comment may follow. */
  #restOfLine(o: number): number {
    const k = this.#skipSpaces(o);
    if (!this.#atLineEnd(k)) bail();
    if (this.#text.charCodeAt(k) === C.Hash && k > 0 && this.#text.charCodeAt(k - 1) !== C.Space) bail();
    return this.#afterLine(k);
  }

  // ---- document ----

  document(): SourceTree {
    let ls = this.#nextContent(0);
    if (ls !== -1) {
      const c = ls + this.#indent(ls);
      if (this.#text.charCodeAt(c) === C.Percent) bail();
      if (this.#text.startsWith('---', c)) {
        const after = c + 3;
        if (!this.#atLineEnd(this.#skipSpaces(after)) || (after < this.#n && this.#text.charCodeAt(after) !== C.Space && this.#text.charCodeAt(after) !== C.Lf)) bail();
        ls = this.#nextContent(this.#afterLine(c));
      }
    }
    if (ls === -1) return { root: undefined, keyAt: this.keyAt, diagnostics: this.diagnostics };
    const root = this.#blockNode(ls, -1, 0, false);
    if (this.#nextContent(root.next) !== -1) bail();
    return { root: root.v, keyAt: this.keyAt, diagnostics: this.diagnostics };
  }

  /** A node starting on its own line `ls`, more indented than `parent`. */
  #blockNode(ls: number, parent: number, depth: number, tagged: boolean): Node {
    if (depth > MAX_SOURCE_DEPTH) bail();
    const ind = this.#indent(ls);
    if (ind <= parent) bail();
    const c = ls + ind;
    const ch = this.#text.charCodeAt(c);
    if (ch === C.Dash && this.#isBlank(c + 1)) return this.#blockSeq(ind, ls, depth);
    if (this.#key(c)) return this.#blockMap(ind, c, depth, tagged);
    return this.#inline(c, parent, depth, true);
  }

  /** Space, line end or end of input at `o`. */
  #isBlank(o: number): boolean {
    const ch = this.#text.charCodeAt(o);
    return o >= this.#n || ch === C.Space || ch === C.Lf;
  }

  /** A `key:` at `c`: the key, where it ends, and the offset after the colon. */
  #key(c: number): { key: string; keyEnd: number; after: number } | undefined {
    const t = this.#text;
    const ch = t.charCodeAt(c);
    if (ch === C.Quote || ch === C.Apos) {
      const q = this.#quoted(c);
      const k = this.#skipSpaces(q.end);
      if (t.charCodeAt(k) === C.Colon && this.#isBlank(k + 1)) return { key: q.value, keyEnd: q.end, after: k + 1 };
      return undefined;
    }
    if (isIndicator(ch)) {
      if (ch === C.Question && this.#isBlank(c + 1)) bail();
      return undefined;
    }
    if (ch === C.Dash && this.#isBlank(c + 1)) return undefined;
    const end = this.#lineEnd(c);
    for (let k = c; k < end; k++) {
      const x = t.charCodeAt(k);
      if (x === C.Hash && t.charCodeAt(k - 1) === C.Space) return undefined;
      if (x === C.Colon && this.#isBlank(k + 1)) {
        let e = k;
        while (e > c && t.charCodeAt(e - 1) === C.Space) e--;
        if (e === c) bail();
        return { key: t.slice(c, e), keyEnd: e, after: k + 1 };
      }
    }
    return undefined;
  }

  #blockMap(m: number, first: number, depth: number, tagged: boolean): Node {
    const fields = new Map<string, Value>();
    const keys = depth <= KEY_POSITION_DEPTH && !tagged ? new Map<string, Provenance>() : undefined;
    let c = first;
    let end = first;
    let next = first;
    for (;;) {
      const k = this.#key(c) ?? bail();
      const keyPos = this.#prov(c, k.keyEnd);
      // Reported before the value is read, as the yaml path reports them: outer keys first.
      if (fields.has(k.key)) {
        this.diagnostics.push(diagnostic('invalid-template', this.#file, keyPos, `duplicate key \`${k.key}\`; the last one is used`, 'warning'));
      }
      const value = this.#afterIndicator(k.after, m, depth + 1, true);
      fields.set(k.key, value.v);
      keys?.set(k.key, keyPos);
      end = value.end;
      next = value.next;
      const ls = this.#nextContent(next);
      if (ls === -1) break;
      const ind = this.#indent(ls);
      if (ind < m) break;
      if (ind > m) bail();
      c = ls + ind;
      if (!this.#key(c)) {
        if (this.#text.charCodeAt(c) === C.Dash && this.#isBlank(c + 1)) break;
        bail();
      }
    }
    const o: ObjectValue = { t: 'object', fields, at: this.#prov(first, end) };
    if (keys) this.keyAt.set(o, keys);
    return { v: o, end, next };
  }

  #blockSeq(s: number, ls: number, depth: number): Node {
    const items: Value[] = [];
    const first = ls + s;
    let c = first;
    let end = first;
    let next = first;
    for (;;) {
      const o = this.#skipSpaces(c + 1);
      let item: Node;
      const lineStart = this.#lineStarts[this.#lineOf(o)] as number;
      if (this.#text.charCodeAt(o) === C.Dash && this.#isBlank(o + 1)) {
        // `- - a`: a sequence inside a sequence item, its items aligned on the inner dash.
        if (o === c + 1) bail();
        item = this.#blockSeq(o - lineStart, lineStart, depth + 1);
      } else if (!this.#atLineEnd(o) && this.#key(o)) {
        item = this.#blockMap(o - lineStart, o, depth + 1, false);
      } else {
        item = this.#afterIndicator(c + 1, s, depth + 1, false);
      }
      items.push(item.v);
      end = item.end;
      next = item.next;
      const nl = this.#nextContent(next);
      if (nl === -1) break;
      const ind = this.#indent(nl);
      if (ind < s) break;
      if (ind > s) bail();
      c = nl + ind;
      if (!(this.#text.charCodeAt(c) === C.Dash && this.#isBlank(c + 1))) {
        if (this.#key(c)) break;
        bail();
      }
    }
    return { v: { t: 'list', items, at: this.#prov(first, end) }, end, next };
  }

  /**
   * The value after `key:` or `-` at `o` (just past the indicator), in a collection indented `m`: on the same line,
   * or as a block on the following lines. A map's value may be a sequence at the map's own indentation.
   */
  #afterIndicator(o: number, m: number, depth: number, inMap: boolean): Node {
    const c = this.#skipSpaces(o);
    if (this.#atLineEnd(c)) {
      if (this.#text.charCodeAt(c) === C.Hash && this.#text.charCodeAt(c - 1) !== C.Space) bail();
      const nl = this.#nextContent(this.#afterLine(c));
      if (nl !== -1) {
        const ind = this.#indent(nl);
        if (ind > m) return this.#blockNode(nl, m, depth, false);
        if (inMap && ind === m && this.#text.charCodeAt(nl + ind) === C.Dash && this.#isBlank(nl + ind + 1)) {
          return this.#blockSeq(m, nl, depth);
        }
      }
      return { v: { t: 'null', at: this.#prov(c, c) }, end: c, next: this.#afterLine(c) };
    }
    if (c === o && this.#text.charCodeAt(c) !== C.Lf) bail();
    return this.#inline(c, m, depth, inMap);
  }

  /** A value starting at `c` on a line: tagged, block scalar, flow, quoted or plain. */
  #inline(c: number, m: number, depth: number, inMap: boolean): Node {
    const t = this.#text;
    const ch = t.charCodeAt(c);
    switch (ch) {
      case C.Bang: {
        let k = c + 1;
        while (k < this.#n && !this.#isBlank(k) && !isFlowIndicator(t.charCodeAt(k))) k++;
        const tag = t.slice(c, k);
        if (tag === '!' || tag.startsWith('!!') || !/^![A-Za-z][A-Za-z0-9]*$/.test(tag)) bail();
        const a = this.#skipSpaces(k);
        if (a === k && !this.#atLineEnd(k)) bail();
        let inner: Node;
        if (this.#atLineEnd(a)) {
          if (t.charCodeAt(a) === C.Hash) bail();
          const nl = this.#nextContent(this.#afterLine(a));
          if (nl === -1) bail();
          const ind = this.#indent(nl as number);
          if (ind > m) inner = this.#blockNode(nl as number, m, depth, true);
          else if (inMap && ind === m && t.charCodeAt((nl as number) + ind) === C.Dash && this.#isBlank((nl as number) + ind + 1)) {
            inner = this.#blockSeq(m, nl as number, depth);
          } else return bail();
        } else {
          inner = this.#inlineUntagged(a, m, depth, true);
        }
        return { v: longForm(tag.slice(1), inner.v, this.#prov(c, inner.end)), end: inner.end, next: inner.next };
      }
      default:
        return this.#inlineUntagged(c, m, depth);
    }
  }

  #inlineUntagged(c: number, m: number, depth: number, tagged = false): Node {
    const ch = this.#text.charCodeAt(c);
    switch (ch) {
      case C.Pipe: case C.Gt: return this.#blockScalar(c, m);
      case C.LBracket: case C.LBrace: {
        const f = this.#flow(c, depth, tagged, m);
        return { ...f, next: this.#restOfLine(f.next) };
      }
      case C.Quote: case C.Apos: {
        const q = this.#quoted(c);
        return { v: { t: 'string', v: q.value, at: this.#prov(c, q.end) }, end: q.end, next: this.#restOfLine(q.end) };
      }
      default: {
        if (isIndicator(ch) || (ch === C.Dash && this.#isBlank(c + 1))) bail();
        const t = this.#text;
        const lineEnd = this.#lineEnd(c);
        let e = c;
        for (; e < lineEnd; e++) {
          const x = t.charCodeAt(e);
          if (x === C.Hash && t.charCodeAt(e - 1) === C.Space) break;
          // `a: b: c` is not a plain scalar; let the full parser say what it is.
          if (x === C.Colon && this.#isBlank(e + 1)) bail();
        }
        let s = e;
        while (s > c && t.charCodeAt(s - 1) === C.Space) s--;
        const raw = t.slice(c, s);
        // A tagged scalar is the tag's (a string); only untagged plain scalars are resolved as YAML 1.1.
        const v = tagged ? raw : resolvePlain(raw);
        return { v: scalarValue(v, raw, this.#prov(c, s)), end: s, next: this.#afterLine(e) };
      }
    }
  }

  // ---- scalars ----

  /** A quoted scalar on one line starting at `c`. */
  #quoted(c: number): { value: string; end: number } {
    const t = this.#text;
    const q = t.charCodeAt(c);
    let out = '';
    let k = c + 1;
    let from = k;
    for (;;) {
      if (k >= this.#n) bail();
      const x = t.charCodeAt(k);
      if (x === C.Lf) bail();
      if (q === C.Apos) {
        if (x === C.Apos) {
          if (t.charCodeAt(k + 1) === C.Apos) {
            out += t.slice(from, k + 1);
            k += 2;
            from = k;
            continue;
          }
          return { value: out + t.slice(from, k), end: k + 1 };
        }
        k++;
        continue;
      }
      if (x === C.Quote) return { value: out + t.slice(from, k), end: k + 1 };
      if (x === C.Backslash) {
        out += t.slice(from, k);
        const [s, len] = escape(t, k + 1);
        out += s;
        k += 1 + len;
        from = k;
        continue;
      }
      k++;
    }
  }

  /** `|` or `>` with optional chomping, its content on the following lines, indented more than `m`. */
  #blockScalar(c: number, m: number): Node {
    const t = this.#text;
    const folded = t.charCodeAt(c) === C.Gt;
    let k = c + 1;
    let chomp: 'clip' | 'strip' | 'keep' = 'clip';
    const ind = t.charCodeAt(k);
    if (ind === C.Dash) {
      chomp = 'strip';
      k++;
    } else if (ind === 43) {
      chomp = 'keep';
      k++;
    }
    if (!this.#isBlank(k)) bail();
    const afterHeader = this.#restOfLine(k);
    // Content indentation: the first non-empty line's.
    let o = afterHeader;
    let contentIndent = -1;
    let leadingMax = 0;
    while (o < this.#n) {
      const e = this.#lineEnd(o);
      const i = this.#indent(o);
      if (o + i < e) {
        contentIndent = i;
        break;
      }
      leadingMax = Math.max(leadingMax, e - o);
      o = this.#afterLine(o);
    }
    if (contentIndent <= m || contentIndent < 1 || leadingMax > contentIndent) bail();
    const lines: string[] = [];
    let lastContentEnd = c + 1;
    let next = afterHeader;
    o = afterHeader;
    while (o < this.#n) {
      const e = this.#lineEnd(o);
      const i = this.#indent(o);
      if (o + i >= e) {
        // An empty line: part of the scalar unless the scalar ends before the next content.
        if (e - o > contentIndent) bail();
        lines.push('');
        o = this.#afterLine(o);
        continue;
      }
      if (i < contentIndent) break;
      const line = t.slice(o + contentIndent, e);
      if (folded && line.charCodeAt(0) === C.Space) bail();
      lines.push(line);
      lastContentEnd = e;
      o = this.#afterLine(o);
      next = o;
    }
    // Trailing empty lines belong to the scalar (they matter for `keep`); reading continues after the last content.
    let trailing = 0;
    while (lines.length > 0 && lines[lines.length - 1] === '') {
      lines.pop();
      trailing++;
    }
    let body: string;
    if (!folded) body = lines.join('\n');
    else {
      body = '';
      for (let j = 0; j < lines.length; j++) {
        const line = lines[j] as string;
        if (j === 0) body = line;
        else if (line === '') body += '\n';
        else body += (lines[j - 1] === '' ? '' : ' ') + line;
      }
    }
    let value: string;
    if (lines.length === 0) value = chomp === 'keep' ? '\n'.repeat(trailing) : '';
    else if (chomp === 'strip') value = body;
    else if (chomp === 'clip') value = `${body}\n`;
    else value = `${body}\n${'\n'.repeat(trailing)}`;
    if (lines.length === 0) bail();
    return { v: { t: 'string', v: value, at: this.#prov(c, lastContentEnd) }, end: lastContentEnd, next };
  }

  // ---- flow collections ----

  /**
   * Spaces, line breaks and comments inside a flow collection. Its continuation lines must be indented more than the
   * block collection holding it (`m`); anything else is left to the full parser.
   */
  #skipFlowSpace(o: number, m: number): number {
    const t = this.#text;
    let k = o;
    for (;;) {
      const x = t.charCodeAt(k);
      if (x === C.Lf) {
        k++;
        const i = this.#indent(k);
        if (i <= m && k + i < this.#n && t.charCodeAt(k + i) !== C.Lf) bail();
      } else if (x === C.Space) k++;
      else if (x === C.Hash && (t.charCodeAt(k - 1) === C.Space || t.charCodeAt(k - 1) === C.Lf)) k = this.#lineEnd(k);
      else return k;
    }
  }

  #flow(c: number, depth: number, tagged: boolean, m: number): Node {
    if (depth > MAX_SOURCE_DEPTH) bail();
    const t = this.#text;
    const open = t.charCodeAt(c);
    const close = open === C.LBracket ? C.RBracket : C.RBrace;
    let k = this.#skipFlowSpace(c + 1, m);
    const items: Value[] = [];
    const fields = new Map<string, Value>();
    const keys = depth <= KEY_POSITION_DEPTH && !tagged ? new Map<string, Provenance>() : undefined;
    while (t.charCodeAt(k) !== close) {
      if (k >= this.#n) bail();
      if (open === C.LBracket) {
        const item = this.#flowNode(k, depth + 1, m);
        items.push(item.v);
        k = this.#skipFlowSpace(item.next, m);
      } else {
        const keyStart = k;
        let key: string;
        let keyEnd: number;
        const ch = t.charCodeAt(k);
        if (ch === C.Quote || ch === C.Apos) {
          const q = this.#quoted(k);
          key = q.value;
          keyEnd = q.end;
        } else {
          if (isIndicator(ch)) bail();
          let e = k;
          while (e < this.#n) {
            const x = t.charCodeAt(e);
            if (x === C.Lf || x === C.Comma || x === C.LBracket || x === C.RBracket || x === C.LBrace || x === C.RBrace) break;
            if (x === C.Colon && (this.#isBlank(e + 1) || isFlowIndicator(t.charCodeAt(e + 1)))) break;
            if (x === C.Hash && t.charCodeAt(e - 1) === C.Space) bail();
            e++;
          }
          keyEnd = e;
          while (keyEnd > k && t.charCodeAt(keyEnd - 1) === C.Space) keyEnd--;
          if (keyEnd === k) bail();
          key = t.slice(k, keyEnd);
        }
        k = this.#skipSpaces(keyEnd);
        if (t.charCodeAt(k) !== C.Colon) bail();
        k = this.#skipFlowSpace(k + 1, m);
        const vch = t.charCodeAt(k);
        if (vch === C.Comma || vch === close) bail();
        const keyPos = this.#prov(keyStart, keyEnd);
        if (fields.has(key)) {
          this.diagnostics.push(diagnostic('invalid-template', this.#file, keyPos, `duplicate key \`${key}\`; the last one is used`, 'warning'));
        }
        const value = this.#flowNode(k, depth + 1, m);
        fields.set(key, value.v);
        keys?.set(key, keyPos);
        k = this.#skipFlowSpace(value.next, m);
      }
      const sep = t.charCodeAt(k);
      if (sep === C.Comma) {
        k = this.#skipFlowSpace(k + 1, m);
        continue;
      }
      if (sep !== close) bail();
    }
    const end = k + 1;
    const at = this.#prov(c, end);
    if (open === C.LBracket) return { v: { t: 'list', items, at }, end, next: end };
    const o: ObjectValue = { t: 'object', fields, at };
    if (keys) this.keyAt.set(o, keys);
    return { v: o, end, next: end };
  }

  #flowNode(c: number, depth: number, m: number, tagged = false): Node {
    const t = this.#text;
    const ch = t.charCodeAt(c);
    if (ch === C.Bang) {
      let k = c + 1;
      while (k < this.#n && !this.#isBlank(k) && !isFlowIndicator(t.charCodeAt(k))) k++;
      const tag = t.slice(c, k);
      if (!/^![A-Za-z][A-Za-z0-9]*$/.test(tag)) bail();
      const a = this.#skipSpaces(k);
      if (a === k) bail();
      const inner = this.#flowNode(a, depth, m, true);
      return { v: longForm(tag.slice(1), inner.v, this.#prov(c, inner.end)), end: inner.end, next: inner.next };
    }
    if (ch === C.LBracket || ch === C.LBrace) return this.#flow(c, depth, tagged, m);
    if (ch === C.Quote || ch === C.Apos) {
      const q = this.#quoted(c);
      const after = this.#skipSpaces(q.end);
      if (t.charCodeAt(after) === C.Colon) bail();
      return { v: { t: 'string', v: q.value, at: this.#prov(c, q.end) }, end: q.end, next: q.end };
    }
    if (isIndicator(ch) || (ch === C.Dash && this.#isBlank(c + 1))) bail();
    let e = c;
    while (e < this.#n) {
      const x = t.charCodeAt(e);
      if (x === C.Lf || x === C.Comma || x === C.LBracket || x === C.RBracket || x === C.LBrace || x === C.RBrace) break;
      // `[a: b]` (a one-pair map inside a sequence) is not handled here.
      if (x === C.Colon && (this.#isBlank(e + 1) || isFlowIndicator(t.charCodeAt(e + 1)))) bail();
      if (x === C.Hash && t.charCodeAt(e - 1) === C.Space) break;
      e++;
    }
    let s = e;
    while (s > c && t.charCodeAt(s - 1) === C.Space) s--;
    if (s === c) bail();
    // A plain scalar continued on the next line is folded by YAML: not handled here.
    const after = this.#skipFlowSpace(e, m);
    const x = t.charCodeAt(after);
    if (after > e && x !== C.Comma && x !== C.RBracket && x !== C.RBrace) bail();
    const raw = t.slice(c, s);
    return { v: scalarValue(tagged ? raw : resolvePlain(raw), raw, this.#prov(c, s)), end: s, next: s };
  }
}

/** Characters that cannot start a plain scalar or a plain key in block context. */
function isIndicator(ch: number): boolean {
  switch (ch) {
    case C.LBracket: case C.RBracket: case C.LBrace: case C.RBrace: case C.Comma: case C.Hash: case C.Amp: case C.Star:
    case C.Bang: case C.Pipe: case C.Gt: case C.Apos: case C.Quote: case C.Percent: case C.At: case C.Backtick:
    case C.Question: case C.Colon:
      return true;
    default:
      return false;
  }
}

function isFlowIndicator(ch: number): boolean {
  return ch === C.Comma || ch === C.LBracket || ch === C.RBracket || ch === C.LBrace || ch === C.RBrace;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/',
  '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

/** A double-quoted escape at `k` (after the backslash): the text and how many characters it took. */
function escape(t: string, k: number): [string, number] {
  const ch = t[k];
  if (ch === undefined) return bail();
  const simple = SIMPLE_ESCAPES[ch];
  if (simple !== undefined) return [simple, 1];
  const width = ch === 'x' ? 2 : ch === 'u' ? 4 : ch === 'U' ? 8 : 0;
  if (width === 0) return bail();
  const hex = t.slice(k + 1, k + 1 + width);
  if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) return bail();
  const code = parseInt(hex, 16);
  if (code > 0x10ffff) return bail();
  return [String.fromCodePoint(code), 1 + width];
}
