import { asciiLower } from '../text.js';
import { compilePattern } from '../wildcard.js';
import type { AttributeRef, AttributeSource, ConditionNode, Literal, Operand, ParseResult } from './ast.js';
import { lookupOperator } from './operators.js';

type Tok =
  | { readonly t: '(' | ')' | '{' | '}' | ',' | '!' | '&&' | '||'; readonly at: number }
  | { readonly t: 'str'; readonly v: string; readonly at: number }
  | { readonly t: 'word'; readonly v: string; readonly at: number }
  | { readonly t: 'attr'; readonly ref: AttributeRef; readonly at: number };

class ParseFailure {
  constructor(readonly message: string, readonly offset: number) {}
}

const SOURCES = new Map<string, AttributeSource>([
  ['request', 'request'], ['resource', 'resource'], ['principal', 'principal'], ['environment', 'environment'],
]);

const PUNCT = new Set(['(', ')', '{', '}', ',']);

function isSpace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\r' || c === '\t';
}

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charAt(i);
    if (isSpace(c)) { i++; continue; }
    if (PUNCT.has(c)) { out.push({ t: c as '(' | ')' | '{' | '}' | ',', at: i }); i++; continue; }
    if (c === '!') { out.push({ t: '!', at: i }); i++; continue; }
    if (c === '&' || c === '|') {
      if (src.charAt(i + 1) !== c) throw new ParseFailure(`expected \`${c}${c}\``, i);
      out.push({ t: c === '&' ? '&&' : '||', at: i });
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = src.indexOf("'", i + 1);
      if (end < 0) throw new ParseFailure('unterminated string', i);
      out.push({ t: 'str', v: src.slice(i + 1, end), at: i });
      i = end + 1;
      continue;
    }
    // A word runs to the next space or punctuation; `Source[` turns it into an attribute reference.
    const start = i;
    if (c === '@') i++;
    while (i < src.length) {
      const d = src.charAt(i);
      if (isSpace(d) || PUNCT.has(d) || d === '!' || d === "'" || d === '[' || d === '&' || d === '|') break;
      i++;
    }
    const word = src.slice(start, i);
    if (src.charAt(i) === '[') {
      const close = src.indexOf(']', i + 1);
      if (close < 0) throw new ParseFailure('unterminated attribute `[`', i);
      const srcName = asciiLower(word.startsWith('@') ? word.slice(1) : word);
      const source = SOURCES.get(srcName);
      if (source === undefined) throw new ParseFailure(`unknown attribute source \`${word}\``, start);
      out.push({ t: 'attr', ref: { source, name: src.slice(i + 1, close).trim() }, at: start });
      i = close + 1;
      continue;
    }
    if (word.length === 0) throw new ParseFailure(`unexpected character \`${c}\``, i);
    out.push({ t: 'word', v: word, at: start });
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: readonly Tok[], private readonly len: number) {}

  private peek(): Tok | undefined { return this.toks[this.i]; }
  private offset(): number { return this.peek()?.at ?? this.len; }
  private next(): Tok {
    const t = this.toks[this.i++];
    if (t === undefined) throw new ParseFailure('unexpected end of condition', this.len);
    return t;
  }
  private expect(t: Tok['t']): Tok {
    const tok = this.next();
    if (tok.t !== t) throw new ParseFailure(`expected \`${t}\``, tok.at);
    return tok;
  }

  parseAll(): ConditionNode {
    const node = this.parseExpr();
    if (this.peek() !== undefined) throw new ParseFailure('unexpected text after the condition', this.offset());
    return node;
  }

  private connective(): 'and' | 'or' | undefined {
    const t = this.peek();
    if (t === undefined) return undefined;
    if (t.t === '&&') return 'and';
    if (t.t === '||') return 'or';
    if (t.t === 'word') {
      const w = asciiLower(t.v);
      if (w === 'and') return 'and';
      if (w === 'or') return 'or';
    }
    return undefined;
  }

  /**
   * A run of operands joined by one connective. Mixing AND and OR without parentheses is rejected: the documented
   * grammar calls the order ambiguous and requires parentheses ("Grouping and precedence").
   */
  private parseExpr(): ConditionNode {
    const first = this.parseUnary();
    const items = [first];
    let kind: 'and' | 'or' | undefined;
    for (;;) {
      const c = this.connective();
      if (c === undefined) break;
      if (kind !== undefined && c !== kind) {
        throw new ParseFailure('AND and OR mixed without parentheses; the order is ambiguous', this.offset());
      }
      kind = c;
      this.i++;
      items.push(this.parseUnary());
    }
    if (kind === undefined) return first;
    return { k: kind, items };
  }

  private parseUnary(): ConditionNode {
    const t = this.peek();
    if (t !== undefined && (t.t === '!' || (t.t === 'word' && asciiLower(t.v) === 'not'))) {
      this.i++;
      return { k: 'not', item: this.parseUnary() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): ConditionNode {
    const t = this.peek();
    if (t === undefined) throw new ParseFailure('unexpected end of condition', this.len);
    if (t.t === '(') {
      this.i++;
      const inner = this.parseExpr();
      this.expect(')');
      return inner;
    }
    if (t.t === 'word') {
      const w = asciiLower(t.v);
      if (w === 'actionmatches') {
        this.i++;
        const values = this.parseStringSet();
        return { k: 'actionMatches', patterns: values.map(compilePattern) };
      }
      if (w === 'suboperationmatches') {
        this.i++;
        return { k: 'subOperationMatches', values: this.parseStringSet() };
      }
      if (w === 'exists') {
        this.i++;
        const a = this.next();
        if (a.t !== 'attr') throw new ParseFailure('`Exists` must be followed by an attribute', a.at);
        return { k: 'exists', ref: a.ref };
      }
    }
    return this.parseComparison();
  }

  private parseStringSet(): string[] {
    this.expect('{');
    const out: string[] = [];
    for (;;) {
      const s = this.next();
      if (s.t !== 'str') throw new ParseFailure('expected a quoted string', s.at);
      out.push(s.v);
      const sep = this.next();
      if (sep.t === '}') return out;
      if (sep.t !== ',') throw new ParseFailure('expected `,` or `}`', sep.at);
    }
  }

  private parseComparison(): ConditionNode {
    const left = this.parseOperand();
    const opTok = this.next();
    if (opTok.t !== 'word') throw new ParseFailure('expected an operator', opTok.at);
    const op = lookupOperator(opTok.v);
    if (op === undefined) throw new ParseFailure(`unknown operator \`${opTok.v}\``, opTok.at);
    const right = this.parseOperand();
    return { k: 'compare', left, op, right };
  }

  private parseOperand(): Operand {
    const t = this.next();
    if (t.t === 'attr') return { k: 'attr', ref: t.ref };
    if (t.t === '{') {
      const values: Literal[] = [];
      if (this.peek()?.t === '}') { this.i++; return { k: 'lit', values, set: true }; }
      for (;;) {
        values.push(this.literal(this.next()));
        const sep = this.next();
        if (sep.t === '}') return { k: 'lit', values, set: true };
        if (sep.t !== ',') throw new ParseFailure('expected `,` or `}`', sep.at);
      }
    }
    return { k: 'lit', values: [this.literal(t)], set: false };
  }

  private literal(t: Tok): Literal {
    if (t.t === 'str') return { kind: 'string', value: t.v };
    if (t.t === 'word') {
      const w = asciiLower(t.v);
      if (w === 'true' || w === 'false') return { kind: 'bool', value: w === 'true' };
      if (/^-?\d+$/.test(t.v)) return { kind: 'number', value: Number(t.v) };
      return { kind: 'bare', value: t.v };
    }
    throw new ParseFailure('expected a value', t.at);
  }
}

/** Parses a condition; never throws. */
export function parseCondition(src: string): ParseResult {
  try {
    const toks = lex(src);
    if (toks.length === 0) return { ok: false, error: 'empty condition', offset: 0 };
    return { ok: true, node: new Parser(toks, src.length).parseAll() };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.message, offset: e.offset };
    throw e;
  }
}
