import type { Node, Parser } from 'web-tree-sitter';
import type { LoadDiagnostic, Provenance } from '../../../../model/core/index.js';
import type { Attribute, BinaryOp, Block, Body, Expr, ObjectItem, Step, TemplatePart } from './ast.js';
import { emptyBody } from './ast.js';

/** Deeper expressions than this are not read (real configuration stays far below; this keeps the stack safe). */
export const MAX_EXPR_DEPTH = 200;
/** Syntax-tree nodes per expression level vary (about 3 for a bracket): the guard counts nodes. */
const MAX_NODE_DEPTH = MAX_EXPR_DEPTH * 3;
const MAX_SYNTAX_DIAGNOSTICS = 20;

export interface ParsedHcl {
  readonly body: Body;
  readonly diagnostics: LoadDiagnostic[];
}

/** Parses HCL native syntax (`.tf`, `.tfvars`) into the evaluator's tree, then frees the tree-sitter tree. */
export function parseHcl(parser: Parser, text: string, file: string, lineOffset = 0): ParsedHcl {
  const tree = parser.parse(text);
  if (!tree) {
    const at = { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
    return { body: emptyBody(at), diagnostics: [diag('parse-error', file, 1, 1, 'the file could not be parsed')] };
  }
  try {
    const c = new Converter(text, file, lineOffset);
    const root = tree.rootNode;
    if (root.hasError) c.syntaxErrors(root);
    const bodyNode = root.namedChildren.find((n) => n?.type === 'body');
    const body = bodyNode ? c.body(bodyNode) : emptyBody(c.pos(root));
    return { body, diagnostics: c.diagnostics };
  } finally {
    tree.delete();
  }
}

function diag(code: LoadDiagnostic['code'], file: string, line: number, column: number, message: string): LoadDiagnostic {
  return { code, severity: code === 'parse-error' || code === 'too-deep' ? 'error' : 'warning', file, line, column, message };
}

/** A bare identifier (object keys written `{ name = … }` are literal strings). */
const IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}\-]*$/u;

/** The identifier starting at `i` (attribute names): tree-sitter's identifier token, read from the text. */
function identifierAt(src: string, i: number): string {
  let j = i;
  while (j < src.length) {
    const c = src[j] as string;
    if (c === ' ' || c === '\t' || c === '=' || c === '\n' || c === '\r' || c === '{' || c === '"' || c === '#' || c === '/') break;
    j++;
  }
  return src.slice(i, j);
}

const BINARY_OPS = new Set<string>(['*', '/', '%', '+', '-', '>', '>=', '<', '<=', '==', '!=', '&&', '||']);
const TRAVERSALS = new Set(['index', 'get_attr', 'splat']);
const TEMPLATE_PARTS = new Set(['template_interpolation', 'template_directive']);

/** A template part before strip markers (`~`) are applied to the text beside it. */
type MutablePart = { k: 'text'; s: string } | Exclude<TemplatePart, { k: 'text' }>;

class PartsBuilder {
  readonly parts: MutablePart[] = [];
  trimNextStart = false;

  text(s: string): void {
    const t = this.trimNextStart ? s.trimStart() : s;
    this.trimNextStart = false;
    if (t === '') return;
    const last = this.parts[this.parts.length - 1];
    if (last?.k === 'text') last.s += t;
    else this.parts.push({ k: 'text', s: t });
  }

  part(p: Exclude<TemplatePart, { k: 'text' }>): void {
    this.trimNextStart = false;
    this.parts.push(p);
  }

  /** A `~` on the left of an interpolation or directive trims the whitespace before it. */
  stripPrevious(): void {
    const last = this.parts[this.parts.length - 1];
    if (last?.k === 'text') {
      last.s = last.s.trimEnd();
      if (last.s === '') this.parts.pop();
    }
  }
}

interface TemplateMode {
  readonly quoted: boolean;
  /** `<<-` heredocs: how many leading spaces to drop from each non-blank line, and where content starts. */
  readonly flush: number;
  readonly contentStart: number;
}

class Converter {
  readonly diagnostics: LoadDiagnostic[] = [];
  private depth = 0;
  private tooDeepReported = 0;

  constructor(
    private readonly src: string,
    private readonly file: string,
    private readonly lineOffset: number,
  ) {}

  /** `startPosition` is cached on the node; `endPosition` costs one call into the wasm parser. */
  pos(n: Node): Provenance {
    const s = n.startPosition;
    const e = n.endPosition;
    return { file: this.file, line: s.row + 1 + this.lineOffset, column: s.column + 1, endLine: e.row + 1 + this.lineOffset, endColumn: e.column + 1 };
  }

  private span(a: Node, b: Node): Provenance {
    const s = a.startPosition;
    const e = b.endPosition;
    return { file: this.file, line: s.row + 1 + this.lineOffset, column: s.column + 1, endLine: e.row + 1 + this.lineOffset, endColumn: e.column + 1 };
  }

  private text(n: Node): string {
    return this.src.slice(n.startIndex, n.endIndex);
  }

  /** One diagnostic per ERROR or MISSING node, descending only into subtrees that contain one. */
  syntaxErrors(root: Node): void {
    const stack: Node[] = [root];
    let count = 0;
    while (stack.length > 0 && count < MAX_SYNTAX_DIAGNOSTICS) {
      const n = stack.pop();
      if (!n) break;
      if (n.isMissing) {
        count++;
        this.report('parse-error', n, `syntax error: missing \`${n.type}\``);
        continue;
      }
      if (n.type === 'ERROR') {
        count++;
        const snippet = this.text(n).split('\n')[0]?.slice(0, 40) ?? '';
        this.report('parse-error', n, `syntax error near \`${snippet}\``);
        continue;
      }
      const kids = n.children;
      for (let i = kids.length - 1; i >= 0; i--) {
        const k = kids[i];
        if (k && (k.hasError || k.isMissing)) stack.push(k);
      }
    }
  }

  private report(code: LoadDiagnostic['code'], n: Node, message: string): void {
    const p = n.startPosition;
    this.diagnostics.push(diag(code, this.file, p.row + 1 + this.lineOffset, p.column + 1, message));
  }

  body(n: Node): Body {
    const attributes: Attribute[] = [];
    const blocks: Block[] = [];
    for (const c of n.children) {
      if (!c) continue;
      const t = c.type;
      if (t === 'attribute') {
        const a = this.attribute(c);
        if (a) attributes.push(a);
      } else if (t === 'block') {
        const b = this.block(c);
        if (b) blocks.push(b);
      }
    }
    return { attributes, blocks, at: this.pos(n) };
  }

  private attribute(n: Node): Attribute | undefined {
    const kids = n.children;
    const id = kids[0];
    // attribute = identifier "=" expression; anything else is a recovered syntax error (already reported).
    const e = kids.length === 3 ? kids[2] : kids.find((k) => k?.type === 'expression');
    if (!id) return undefined;
    const at = this.pos(n);
    const name = identifierAt(this.src, id.startIndex);
    if (name === '') return undefined;
    return { name, expr: e ? this.expr(e) : { k: 'bad', why: 'syntax error', at }, at };
  }

  private block(n: Node): Block | undefined {
    const kids = n.children;
    const id = kids[0];
    if (!id || id.type !== 'identifier') return undefined;
    const labels: string[] = [];
    let body: Body | undefined;
    for (let i = 1; i < kids.length; i++) {
      const k = kids[i];
      if (!k) continue;
      const t = k.type;
      if (t === 'identifier') labels.push(this.text(k));
      else if (t === 'string_lit') labels.push(this.stringLit(k));
      else if (t === 'body') body = this.body(k);
    }
    const at = this.pos(n);
    const block: Block = { type: this.text(id), labels, body: body ?? emptyBody(at), at };
    return n.hasError ? { ...block, syntaxError: true } : block;
  }

  /** A string literal's content: between its quotes (no child visits: each costs a call into wasm). */
  private stringLit(n: Node): string {
    const start = n.startIndex;
    const end = n.endIndex;
    if (end - start < 2) return '';
    return unescapeQuoted(this.src.slice(start + 1, end - 1));
  }

  /** An `expression` node or any expression term. */
  expr(n: Node): Expr {
    if (this.depth >= MAX_NODE_DEPTH) return this.tooDeep(n);
    this.depth++;
    try {
      return this.exprInner(n, n.type);
    } finally {
      this.depth--;
    }
  }

  private tooDeep(n: Node): Expr {
    if (this.tooDeepReported++ < MAX_SYNTAX_DIAGNOSTICS) this.report('too-deep', n, `expression nested more than ${MAX_EXPR_DEPTH} levels deep is not evaluated`);
    return { k: 'bad', why: 'expression nested too deeply', at: this.pos(n) };
  }

  private exprInner(n: Node, type: string): Expr {
    switch (type) {
      case 'expression':
        return this.sequence(n.children, n);
      case 'literal_value':
        return this.literal(n);
      case 'template_expr': {
        const t = n.namedChildren[0];
        return t ? this.expr(t) : this.bad(n);
      }
      case 'quoted_template':
        return this.quotedTemplate(n);
      case 'heredoc_template':
        return this.heredoc(n);
      case 'collection_value': {
        const t = n.namedChildren[0];
        return t ? this.expr(t) : this.bad(n);
      }
      case 'tuple':
        return { k: 'tuple', items: n.children.filter((c) => c?.type === 'expression').map((c) => this.expr(c as Node)), at: this.pos(n) };
      case 'object':
        return this.object(n);
      case 'variable_expr':
        return { k: 'var', name: this.text(n), at: this.pos(n) };
      case 'function_call':
        return this.call(n);
      case 'for_expr': {
        const t = n.namedChildren[0];
        return t ? this.expr(t) : this.bad(n);
      }
      case 'for_tuple_expr':
      case 'for_object_expr':
        return this.forExpr(n);
      case 'operation': {
        const t = n.namedChildren[0];
        return t ? this.expr(t) : this.bad(n);
      }
      case 'unary_operation': {
        const kids = n.children;
        const op = this.src[n.startIndex] === '!' ? '!' : '-';
        return { k: 'unary', op, x: this.sequence(kids.slice(1), n), at: this.pos(n) };
      }
      case 'binary_operation':
        return this.binary(n);
      case 'conditional': {
        const es = n.children.filter((c) => c?.type === 'expression') as Node[];
        const [c, t, f] = es;
        if (!c || !t || !f) return this.bad(n);
        return { k: 'cond', cond: this.expr(c), then: this.expr(t), else: this.expr(f), at: this.pos(n) };
      }
      default:
        return this.bad(n);
    }
  }

  private bad(n: Node): Expr {
    return { k: 'bad', why: n.type === 'ERROR' || n.isMissing ? 'syntax error' : `unsupported syntax \`${n.type}\``, at: this.pos(n) };
  }

  /** A term followed by traversals (`a.b[0][*].c`), possibly parenthesised: tree-sitter keeps these flat. */
  private sequence(kids: readonly (Node | null)[], whole: Node): Expr {
    const nodes: Node[] = [];
    const types: string[] = [];
    for (const k of kids) {
      if (!k) continue;
      const t = k.type;
      if (t === 'comment') continue;
      nodes.push(k);
      types.push(t);
    }
    if (nodes.length === 0) return this.bad(whole);
    const first = nodes[0] as Node;
    let i: number;
    let base: Expr;
    if (types[0] === '(') {
      const inner = nodes[1];
      const close = nodes[2];
      if (!inner || !close) return this.bad(whole);
      base = { k: 'paren', x: this.expr(inner), at: this.span(first, close) };
      i = 3;
    } else if (nodes.length === 1) {
      return this.expr(first);
    } else {
      base = this.expr(first);
      i = 1;
    }
    for (; i < nodes.length; i++) {
      const t = nodes[i] as Node;
      const ty = types[i] as string;
      if (!TRAVERSALS.has(ty)) {
        if (ty === 'ERROR') return this.bad(t);
        continue;
      }
      const at = this.span(first, t);
      if (ty === 'get_attr') {
        base = { k: 'attr', x: base, name: this.getAttrName(t), at };
      } else if (ty === 'index') {
        base = { k: 'index', x: base, i: this.indexExpr(t), at };
      } else {
        base = { k: 'splat', x: base, steps: this.splatSteps(t), at };
      }
    }
    return base;
  }

  /** `.name`: the identifier after the dot, read from the text. */
  private getAttrName(n: Node): string {
    const t = this.text(n);
    return t.slice(1).trim();
  }

  private indexExpr(n: Node): Expr {
    const inner = n.namedChildren[0];
    if (!inner) return this.bad(n);
    if (inner.type === 'legacy_index') {
      const digits = this.text(inner).slice(1);
      return { k: 'lit', v: Number(digits), at: this.pos(inner) };
    }
    const e = inner.namedChildren.find((c) => c?.type === 'expression');
    return e ? this.expr(e) : this.bad(inner);
  }

  private splatSteps(n: Node): Step[] {
    const s = n.namedChildren[0];
    const steps: Step[] = [];
    if (!s) return steps;
    for (const c of s.namedChildren) {
      if (!c) continue;
      if (c.type === 'get_attr') steps.push({ k: 'attr', name: this.getAttrName(c), at: this.pos(c) });
      else if (c.type === 'index') steps.push({ k: 'index', i: this.indexExpr(c), at: this.pos(c) });
    }
    return steps;
  }

  /** literal_value: read from the source text (numbers, bools, null, plain strings), no child visits. */
  private literal(n: Node): Expr {
    const at = this.pos(n);
    const t = this.text(n);
    if (t.startsWith('"')) return { k: 'lit', v: this.stringLit(n), at };
    if (t === 'true' || t === 'false') return { k: 'lit', v: t === 'true', at };
    if (t === 'null') return { k: 'lit', v: null, at };
    const v = t.startsWith('0x') ? Number.parseInt(t.slice(2), 16) : Number(t);
    return Number.isNaN(v) ? { k: 'bad', why: `invalid number \`${t}\``, at } : { k: 'lit', v, at };
  }

  private object(n: Node): Expr {
    const items: ObjectItem[] = [];
    for (const c of n.children) {
      if (c?.type !== 'object_elem') continue;
      // object_elem = key ("=" | ":") val
      const ek = c.children;
      const k = ek[0];
      const v = ek[ek.length - 1];
      if (!k || !v || ek.length < 3) continue;
      items.push({ key: this.objectKey(k), val: this.expr(v) });
    }
    return { k: 'object', items, at: this.pos(n) };
  }

  /** `{ name = 1 }` uses the identifier as a literal key; `{ (name) = 1 }` evaluates it. */
  private objectKey(k: Node): Expr {
    const t = this.text(k);
    if (IDENTIFIER.test(t)) return { k: 'lit', v: t, at: this.pos(k) };
    return this.expr(k);
  }

  private call(n: Node): Expr {
    const kids = n.children;
    const id = kids[0];
    const argsNode = kids.find((c) => c?.type === 'function_arguments');
    const args: Expr[] = [];
    let expand = false;
    if (argsNode) {
      for (const a of argsNode.children) {
        if (a?.type === 'expression') args.push(this.expr(a));
        else if (a?.type === 'ellipsis') expand = true;
      }
    }
    return { k: 'call', name: id ? this.text(id) : '', args, expand, at: this.pos(n) };
  }

  private forExpr(n: Node): Expr {
    const kids = n.children.filter(notComment) as Node[];
    const intro = kids.find((c) => c.type === 'for_intro');
    if (!intro) return this.bad(n);
    const ids = intro.children.filter((c) => c?.type === 'identifier') as Node[];
    const collNode = intro.children.find((c) => c?.type === 'expression');
    const exprs = kids.filter((c) => c.type === 'expression');
    const condNode = kids.find((c) => c.type === 'for_cond');
    const condExpr = condNode?.children.find((c) => c?.type === 'expression');
    if (!collNode || ids.length === 0 || exprs.length === 0) return this.bad(n);
    const keyVar = ids.length === 2 ? this.text(ids[0] as Node) : null;
    const valVar = this.text(ids[ids.length - 1] as Node);
    const isObject = n.type === 'for_object_expr';
    const keyNode = isObject ? exprs[0] : undefined;
    const valNode = isObject ? exprs[1] : exprs[0];
    if (!valNode) return this.bad(n);
    return {
      k: 'for',
      keyVar,
      valVar,
      coll: this.expr(collNode),
      keyExpr: keyNode ? this.expr(keyNode) : null,
      valExpr: this.expr(valNode),
      group: kids.some((c) => c.type === 'ellipsis'),
      cond: condExpr ? this.expr(condExpr) : null,
      at: this.pos(n),
    };
  }

  private binary(n: Node): Expr {
    const kids = n.children;
    let opIndex = -1;
    let op = '';
    for (let i = 0; i < kids.length; i++) {
      const t = kids[i]?.type ?? '';
      if (BINARY_OPS.has(t)) {
        opIndex = i;
        op = t;
        break;
      }
    }
    if (opIndex <= 0) return this.bad(n);
    return { k: 'binary', op: op as BinaryOp, l: this.sequence(kids.slice(0, opIndex), n), r: this.sequence(kids.slice(opIndex + 1), n), at: this.pos(n) };
  }

  private quotedTemplate(n: Node): Expr {
    const kids = n.children;
    const open = kids[0];
    const close = kids[kids.length - 1];
    if (!open || !close) return this.bad(n);
    const mode: TemplateMode = { quoted: true, flush: 0, contentStart: open.endIndex };
    const b = new PartsBuilder();
    this.templateRegion(b, n, open.endIndex, close.startIndex, mode);
    return templateExpr(b.parts, this.pos(n));
  }

  private heredoc(n: Node): Expr {
    const kids = n.children;
    const start = kids[0];
    const ids = kids.filter((c) => c?.type === 'heredoc_identifier') as Node[];
    const openId = ids[0];
    const closeId = ids[1];
    const at = this.pos(n);
    if (!start || !openId || !closeId) return this.bad(n);
    const nl = this.src.indexOf('\n', openId.endIndex);
    const contentStart = nl < 0 ? openId.endIndex : nl + 1;
    const closeLineStart = this.src.lastIndexOf('\n', closeId.startIndex - 1) + 1;
    const contentEnd = Math.max(contentStart, closeLineStart);
    const flush = this.text(start) === '<<-' ? minIndent(this.src, contentStart, contentEnd) : 0;
    const mode: TemplateMode = { quoted: false, flush, contentStart };
    const b = new PartsBuilder();
    this.templateRegion(b, n, contentStart, contentEnd, mode);
    return templateExpr(b.parts, at);
  }

  /** Text between `from` and `to` plus the interpolations and directives among `parent`'s children inside it. */
  private templateRegion(b: PartsBuilder, parent: Node, from: number, to: number, mode: TemplateMode): void {
    let cursor = from;
    for (const c of parent.children) {
      if (!c || !TEMPLATE_PARTS.has(c.type) || c.startIndex < from || c.endIndex > to) continue;
      b.text(this.literalText(cursor, c.startIndex, mode));
      this.templatePart(b, c, mode);
      cursor = c.endIndex;
    }
    b.text(this.literalText(cursor, to, mode));
  }

  private literalText(from: number, to: number, mode: TemplateMode): string {
    if (to <= from) return '';
    let raw = this.src.slice(from, to);
    if (mode.flush > 0) raw = dropIndent(this.src, from, raw, mode.flush, mode.contentStart);
    return mode.quoted ? unescapeQuoted(raw) : unescapeHeredoc(raw);
  }

  private templatePart(b: PartsBuilder, n: Node, mode: TemplateMode): void {
    if (n.type === 'template_interpolation') {
      const kids = n.children;
      const strips = kids.filter((c) => c?.type === 'strip_marker') as Node[];
      const e = kids.find((c) => c?.type === 'expression');
      const leftStrip = strips.some((s) => e === undefined || e === null || s.startIndex < e.startIndex);
      const rightStrip = strips.some((s) => e !== undefined && e !== null && s.startIndex > e.startIndex);
      if (leftStrip) b.stripPrevious();
      b.part({ k: 'interp', e: e ? this.expr(e) : { k: 'lit', v: '', at: this.pos(n) } });
      if (rightStrip) b.trimNextStart = true;
      return;
    }
    const d = n.namedChildren[0];
    if (!d) return;
    if (d.type === 'template_for') this.templateFor(b, d, mode);
    else if (d.type === 'template_if') this.templateIf(b, d, mode);
  }

  private directiveStrips(n: Node): { left: boolean; right: boolean } {
    const kids = n.children;
    const open = kids.findIndex((c) => c?.type === 'template_directive_start');
    const left = kids[open + 1]?.type === 'strip_marker';
    const right = kids[kids.length - 2]?.type === 'strip_marker';
    return { left, right };
  }

  private templateFor(b: PartsBuilder, n: Node, mode: TemplateMode): void {
    const kids = n.children;
    const start = kids.find((c) => c?.type === 'template_for_start');
    const end = kids.find((c) => c?.type === 'template_for_end');
    if (!start || !end) return;
    const ids = start.children.filter((c) => c?.type === 'identifier') as Node[];
    const coll = start.children.find((c) => c?.type === 'expression');
    const s = this.directiveStrips(start);
    const e = this.directiveStrips(end);
    if (s.left) b.stripPrevious();
    const inner = new PartsBuilder();
    inner.trimNextStart = s.right;
    this.templateRegion(inner, n, start.endIndex, end.startIndex, mode);
    if (e.left) inner.stripPrevious();
    b.part({
      k: 'for',
      keyVar: ids.length === 2 ? this.text(ids[0] as Node) : null,
      valVar: ids.length > 0 ? this.text(ids[ids.length - 1] as Node) : '_',
      coll: coll ? this.expr(coll) : this.bad(start),
      body: inner.parts,
      at: this.pos(n),
    });
    if (e.right) b.trimNextStart = true;
  }

  private templateIf(b: PartsBuilder, n: Node, mode: TemplateMode): void {
    const kids = n.children;
    const intro = kids.find((c) => c?.type === 'template_if_intro');
    const elseIntro = kids.find((c) => c?.type === 'template_else_intro');
    const end = kids.find((c) => c?.type === 'template_if_end');
    if (!intro || !end) return;
    const cond = intro.children.find((c) => c?.type === 'expression');
    const si = this.directiveStrips(intro);
    const se = elseIntro ? this.directiveStrips(elseIntro) : undefined;
    const sEnd = this.directiveStrips(end);
    if (si.left) b.stripPrevious();
    const thenB = new PartsBuilder();
    thenB.trimNextStart = si.right;
    this.templateRegion(thenB, n, intro.endIndex, elseIntro ? elseIntro.startIndex : end.startIndex, mode);
    const elseB = new PartsBuilder();
    if (elseIntro && se) {
      if (se.left) thenB.stripPrevious();
      elseB.trimNextStart = se.right;
      this.templateRegion(elseB, n, elseIntro.endIndex, end.startIndex, mode);
      if (sEnd.left) elseB.stripPrevious();
    } else if (sEnd.left) {
      thenB.stripPrevious();
    }
    b.part({ k: 'if', cond: cond ? this.expr(cond) : this.bad(intro), then: thenB.parts, else: elseB.parts, at: this.pos(n) });
    if (sEnd.right) b.trimNextStart = true;
  }
}

function notComment(n: Node | null): boolean {
  return n !== null && n.type !== 'comment';
}

/** A template that is a single literal is a plain string, so most strings cost no template evaluation. */
function templateExpr(parts: MutablePart[], at: Provenance): Expr {
  if (parts.length === 0) return { k: 'lit', v: '', at };
  const only = parts[0];
  if (parts.length === 1 && only?.k === 'text') return { k: 'lit', v: only.s, at };
  return { k: 'template', parts, at };
}

/** Smallest indentation of the non-blank lines of a `<<-` heredoc (a line starting with `${` counts as 0). */
function minIndent(src: string, from: number, to: number): number {
  let min = Number.POSITIVE_INFINITY;
  let i = from;
  while (i < to) {
    let j = i;
    while (j < to && (src[j] === ' ' || src[j] === '\t')) j++;
    const nl = src.indexOf('\n', i);
    const lineEnd = nl < 0 || nl > to ? to : nl;
    const blank = src.slice(j, lineEnd).trim() === '';
    if (!blank) min = Math.min(min, j - i);
    i = lineEnd + 1;
  }
  return Number.isFinite(min) ? min : 0;
}

/** Drops `n` leading whitespace characters at each line start inside a literal chunk of a `<<-` heredoc. */
function dropIndent(src: string, from: number, raw: string, n: number, contentStart: number): string {
  let out = '';
  let i = 0;
  let atLineStart = from === contentStart || src[from - 1] === '\n';
  while (i < raw.length) {
    if (atLineStart) {
      const nl = raw.indexOf('\n', i);
      const lineEnd = nl < 0 ? raw.length : nl;
      const line = raw.slice(i, lineEnd);
      const blankLine = line.trim() === '' && nl >= 0;
      if (!blankLine) {
        let k = 0;
        while (k < n && k < line.length && (line[k] === ' ' || line[k] === '\t')) k++;
        i += k;
      }
      atLineStart = false;
      continue;
    }
    const ch = raw[i] as string;
    out += ch;
    if (ch === '\n') atLineStart = true;
    i++;
  }
  return out;
}

function unescapeHeredoc(raw: string): string {
  if (!raw.includes('$${') && !raw.includes('%%{')) return raw;
  return raw.split('$${').join('${').split('%%{').join('%{');
}

/** Quoted-string escapes of HCL: `\n \r \t \" \\ \uNNNN \UNNNNNNNN`, and `$${` / `%%{` for literal template markers. */
export function unescapeQuoted(raw: string): string {
  if (!raw.includes('\\')) return unescapeHeredoc(raw);
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (ch === '$' && raw.startsWith('$${', i)) {
      out += '${';
      i += 2;
      continue;
    }
    if (ch === '%' && raw.startsWith('%%{', i)) {
      out += '%{';
      i += 2;
      continue;
    }
    if (ch !== '\\' || i + 1 >= raw.length) {
      out += ch;
      continue;
    }
    const e = raw[i + 1] as string;
    i++;
    switch (e) {
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case 'u':
      case 'U': {
        const len = e === 'u' ? 4 : 8;
        const hex = raw.slice(i + 1, i + 1 + len);
        const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === len ? Number.parseInt(hex, 16) : Number.NaN;
        if (Number.isNaN(code) || code > 0x10ffff) out += '\\' + e;
        else {
          out += String.fromCodePoint(code);
          i += len;
        }
        break;
      }
      default:
        out += '\\' + e;
    }
  }
  return out;
}
