import type { LoadDiagnostic, Provenance } from '../../model/core/index.js';
import { lineColumnAt } from '../common/line-index.js';
import type { ObjectValue, Value } from '../common/value.js';
import { KEY_POSITION_DEPTH, MAX_SOURCE_DEPTH, diagnostic } from './source.js';
import type { SourceTree } from './source.js';

/**
 * A strict JSON (ECMA-404) parser that builds the positioned value tree in one pass. It exists because positions are
 * needed for every attribute and `jsonc-parser`'s tree costs several times `JSON.parse`; a single scan with an
 * incremental line counter costs about twice `JSON.parse`. JSON strings cannot hold raw line breaks, so lines only
 * advance in whitespace. Columns count UTF-16 code units, 1-based; ends are exclusive (the position after the value).
 */

class JsonSyntaxError {
  constructor(readonly offset: number, readonly message: string, readonly code: LoadDiagnostic['code'] = 'parse-error') {}
}

const enum Ch {
  Tab = 9, Lf = 10, Cr = 13, Space = 32, Quote = 34, Plus = 43, Comma = 44, Minus = 45, Dot = 46, Slash = 47,
  D0 = 48, D9 = 57, Colon = 58, UpperE = 69, OpenBracket = 91, Backslash = 92, CloseBracket = 93, LowerE = 101,
  LowerF = 102, LowerN = 110, LowerT = 116, OpenBrace = 123, CloseBrace = 125,
}

export function parseJsonTemplate(file: string, text: string): SourceTree {
  const keyAt = new Map<ObjectValue, Map<string, Provenance>>();
  const diagnostics: LoadDiagnostic[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = 0;

  const at = (startLine: number, startCol: number): Provenance =>
    ({ file, line: startLine, column: startCol, endLine: line, endColumn: i - lineStart + 1 });

  const skipWs = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === Ch.Space || c === Ch.Tab || c === Ch.Cr) i++;
      else if (c === Ch.Lf) {
        i++;
        line++;
        lineStart = i;
      } else break;
    }
  };

  const fail = (message: string): never => {
    throw new JsonSyntaxError(i, message);
  };

  const describe = (): string => (i >= n ? 'end of input' : `\`${text[i]}\``);

  const readString = (): string => {
    // Precondition: text[i] is the opening quote.
    const start = ++i;
    for (;;) {
      if (i >= n) fail('unterminated string');
      const c = text.charCodeAt(i);
      if (c === Ch.Quote) {
        i++;
        return text.slice(start, i - 1);
      }
      if (c === Ch.Backslash) break;
      if (c < 0x20) fail('control character in string');
      i++;
    }
    // Slow path: the string has escapes. Find its end, then let JSON.parse decode exactly that literal.
    for (;;) {
      if (i >= n) fail('unterminated string');
      const c = text.charCodeAt(i);
      if (c === Ch.Backslash) i += 2;
      else if (c === Ch.Quote) break;
      else if (c < 0x20) fail('control character in string');
      else i++;
    }
    i++;
    try {
      return JSON.parse(text.slice(start - 1, i)) as string;
    } catch {
      i = start - 1;
      return fail('invalid escape in string');
    }
  };

  const digits = (): number => {
    const s = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < Ch.D0 || c > Ch.D9) break;
      i++;
    }
    return i - s;
  };

  const readNumber = (): number => {
    const start = i;
    if (text.charCodeAt(i) === Ch.Minus) i++;
    const first = text.charCodeAt(i);
    if (first === Ch.D0) i++;
    else if (digits() === 0) fail('invalid number');
    if (text.charCodeAt(i) === Ch.Dot) {
      i++;
      if (digits() === 0) fail('invalid number');
    }
    const e = text.charCodeAt(i);
    if (e === Ch.LowerE || e === Ch.UpperE) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === Ch.Plus || sign === Ch.Minus) i++;
      if (digits() === 0) fail('invalid number');
    }
    return Number(text.slice(start, i));
  };

  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${describe()}`);
  };

  const value = (depth: number): Value => {
    skipWs();
    if (depth > MAX_SOURCE_DEPTH) throw new JsonSyntaxError(i, `nesting deeper than ${MAX_SOURCE_DEPTH} levels`, 'too-deep');
    const sl = line;
    const sc = i - lineStart + 1;
    const c = text.charCodeAt(i);
    switch (c) {
      case Ch.OpenBrace: {
        i++;
        const fields = new Map<string, Value>();
        const keys = depth <= KEY_POSITION_DEPTH ? new Map<string, Provenance>() : undefined;
        skipWs();
        if (text.charCodeAt(i) === Ch.CloseBrace) i++;
        else {
          for (;;) {
            skipWs();
            if (text.charCodeAt(i) !== Ch.Quote) fail(`expected a property name, found ${describe()}`);
            const kl = line;
            const kc = i - lineStart + 1;
            const key = readString();
            const keyPos = at(kl, kc);
            skipWs();
            if (text.charCodeAt(i) !== Ch.Colon) fail(`expected \`:\` after property name, found ${describe()}`);
            i++;
            const v = value(depth + 1);
            if (fields.has(key)) {
              diagnostics.push(diagnostic('invalid-template', file, keyPos, `duplicate key \`${key}\`; the last one is used`, 'warning'));
            }
            fields.set(key, v);
            keys?.set(key, keyPos);
            skipWs();
            const d = text.charCodeAt(i);
            if (d === Ch.Comma) {
              i++;
              continue;
            }
            if (d === Ch.CloseBrace) {
              i++;
              break;
            }
            fail(`expected \`,\` or \`}\`, found ${describe()}`);
          }
        }
        const o: ObjectValue = { t: 'object', fields, at: at(sl, sc) };
        if (keys) keyAt.set(o, keys);
        return o;
      }
      case Ch.OpenBracket: {
        i++;
        const items: Value[] = [];
        skipWs();
        if (text.charCodeAt(i) === Ch.CloseBracket) i++;
        else {
          for (;;) {
            items.push(value(depth + 1));
            skipWs();
            const d = text.charCodeAt(i);
            if (d === Ch.Comma) {
              i++;
              continue;
            }
            if (d === Ch.CloseBracket) {
              i++;
              break;
            }
            fail(`expected \`,\` or \`]\`, found ${describe()}`);
          }
        }
        return { t: 'list', items, at: at(sl, sc) };
      }
      case Ch.Quote: {
        const v = readString();
        return { t: 'string', v, at: at(sl, sc) };
      }
      case Ch.LowerT:
        literal('true');
        return { t: 'bool', v: true, at: at(sl, sc) };
      case Ch.LowerF:
        literal('false');
        return { t: 'bool', v: false, at: at(sl, sc) };
      case Ch.LowerN:
        literal('null');
        return { t: 'null', at: at(sl, sc) };
      default:
        if (c === Ch.Minus || (c >= Ch.D0 && c <= Ch.D9)) {
          const v = readNumber();
          return { t: 'number', v, at: at(sl, sc) };
        }
        return fail(`unexpected ${describe()}`);
    }
  };

  try {
    const root = value(0);
    skipWs();
    if (i < n) fail(`unexpected ${describe()} after the end of the document`);
    return { root, keyAt, diagnostics };
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    // Recount the position of the failure: the incremental counter is exact only where the scan stopped.
    const pos = lineColumnAt(text, e.offset);
    const prefix = e.code === 'too-deep' ? '' : 'invalid JSON: ';
    diagnostics.push(diagnostic(e.code, file, pos, `${prefix}${e.message}`));
    return { root: undefined, keyAt, diagnostics };
  }
}
