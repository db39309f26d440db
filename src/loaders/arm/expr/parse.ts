import type { Expr, ExprError } from './ast.js';

/** Calls nested deeper than this are refused: the parser and evaluator recurse. */
export const MAX_EXPR_DEPTH = 64;
/** Longer expressions are refused: real ones are a few hundred characters. */
export const MAX_EXPR_LENGTH = 100_000;

type Tok =
  | { t: '(' | ')' | ',' | '.' | '[' | ']' | 'eof'; pos: number }
  | { t: 'str'; v: string; pos: number }
  | { t: 'num'; v: number; pos: number }
  | { t: 'id'; v: string; pos: number };

class Fail {
  constructor(readonly error: ExprError) {}
}

function isIdStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 /* _ */ || c === 36 /* $ */;
}
function isIdPart(c: number): boolean {
  return isIdStart(c) || isDigit(c) || c === 45 /* - */;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) { i++; continue; }
    const ch = s[i] as string;
    if (ch === '(' || ch === ')' || ch === ',' || ch === '.' || ch === '[' || ch === ']') {
      out.push({ t: ch, pos: i });
      i++;
    } else if (ch === "'") {
      const start = i;
      let v = '';
      i++;
      for (;;) {
        if (i >= s.length) throw new Fail({ message: 'unterminated string literal', pos: start });
        if (s[i] === "'") {
          if (s[i + 1] === "'") { v += "'"; i += 2; continue; }
          i++;
          break;
        }
        v += s[i];
        i++;
      }
      out.push({ t: 'str', v, pos: start });
    } else if (isDigit(c) || (ch === '-' && isDigit(s.charCodeAt(i + 1)))) {
      const start = i;
      i++;
      while (i < s.length && isDigit(s.charCodeAt(i))) i++;
      if (s[i] === '.' && isDigit(s.charCodeAt(i + 1))) {
        i++;
        while (i < s.length && isDigit(s.charCodeAt(i))) i++;
      }
      out.push({ t: 'num', v: Number(s.slice(start, i)), pos: start });
    } else if (isIdStart(c)) {
      const start = i;
      while (i < s.length && isIdPart(s.charCodeAt(i))) i++;
      out.push({ t: 'id', v: s.slice(start, i), pos: start });
    } else {
      throw new Fail({ message: `unexpected character \`${ch}\``, pos: i });
    }
  }
  out.push({ t: 'eof', pos: s.length });
  return out;
}

/**
 * Parses the text between the outer brackets of a template expression. Never throws: a syntax error comes back as
 * a value with its position in the text.
 */
export function parseExpression(text: string): { ok: true; expr: Expr } | { ok: false; error: ExprError } {
  if (text.length > MAX_EXPR_LENGTH) return { ok: false, error: { message: 'expression too long', pos: 0 } };
  try {
    const toks = tokenize(text);
    let i = 0;
    const peek = (o = 0): Tok => toks[Math.min(i + o, toks.length - 1)] as Tok;
    const next = (): Tok => toks[Math.min(i++, toks.length - 1)] as Tok;
    const expect = (t: Tok['t'], what: string): Tok => {
      const tok = next();
      if (tok.t !== t) throw new Fail({ message: `expected ${what}${found(tok)}`, pos: tok.pos });
      return tok;
    };

    const expr = (depth: number): Expr => {
      if (depth > MAX_EXPR_DEPTH) throw new Fail({ message: `expression nested deeper than ${MAX_EXPR_DEPTH} levels`, pos: peek().pos });
      let e = primary(depth);
      for (;;) {
        const tok = peek();
        if (tok.t === '.') {
          next();
          const name = next();
          if (name.t !== 'id') throw new Fail({ message: `expected a property name after \`.\`${found(name)}`, pos: name.pos });
          e = { k: 'prop', target: e, name: name.v, pos: tok.pos };
        } else if (tok.t === '[') {
          next();
          const index = expr(depth + 1);
          expect(']', '`]`');
          e = { k: 'index', target: e, index, pos: tok.pos };
        } else {
          return e;
        }
      }
    };

    const primary = (depth: number): Expr => {
      const tok = next();
      switch (tok.t) {
        case 'str': return { k: 'str', v: tok.v, pos: tok.pos };
        case 'num': return { k: 'num', v: tok.v, pos: tok.pos };
        case 'id': {
          let name = tok.v;
          // A user-defined function is called as `namespace.member(...)`.
          if (peek().t === '.' && peek(1).t === 'id' && peek(2).t === '(') {
            next();
            name = `${name}.${(next() as { v: string }).v}`;
          }
          if (peek().t !== '(') {
            const lower = name.toLowerCase();
            // Bare literals are not ARM syntax (it has `true()`, `false()`, `null()`), but they are unambiguous.
            if (lower === 'true' || lower === 'false') return { k: 'lit', v: lower === 'true', pos: tok.pos };
            if (lower === 'null') return { k: 'lit', v: null, pos: tok.pos };
            throw new Fail({ message: `expected \`(\` after function name \`${name}\``, pos: peek().pos });
          }
          next();
          const args: Expr[] = [];
          if (peek().t !== ')') {
            for (;;) {
              args.push(expr(depth + 1));
              const sep = next();
              if (sep.t === ')') break;
              if (sep.t !== ',') throw new Fail({ message: `expected \`,\` or \`)\` in the arguments of \`${name}\`${found(sep)}`, pos: sep.pos });
            }
          } else {
            next();
          }
          return { k: 'call', name, args, pos: tok.pos };
        }
        default:
          throw new Fail({ message: `expected a function call, string or number${found(tok)}`, pos: tok.pos });
      }
    };

    if (peek().t === 'eof') return { ok: false, error: { message: 'empty expression', pos: 0 } };
    const e = expr(0);
    const rest = peek();
    if (rest.t !== 'eof') return { ok: false, error: { message: `unexpected ${describe(rest)} after the expression`, pos: rest.pos } };
    return { ok: true, expr: e };
  } catch (err) {
    if (err instanceof Fail) return { ok: false, error: err.error };
    throw err;
  }
}

function describe(tok: Tok): string {
  switch (tok.t) {
    case 'eof': return 'end of expression';
    case 'str': return 'string';
    case 'num': return 'number';
    case 'id': return `\`${tok.v}\``;
    default: return `\`${tok.t}\``;
  }
}

function found(tok: Tok): string {
  return `, found ${describe(tok)}`;
}
