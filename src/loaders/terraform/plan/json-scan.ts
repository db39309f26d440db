/**
 * Offsets of JSON values, for plan files. Plans are large (tens of megabytes, one line when written by `terraform
 * show -json`), so the document is evaluated with `JSON.parse` and this scanner only records where values are. A
 * `Shape` says which parts to record: everything else is skipped without allocating, and a resource's own subtree
 * is scanned on demand while it is adapted, so the offsets of the whole plan never sit in memory at once.
 */

export interface JsonNode {
  /** Offset of the member's key for object members, else of the value. */
  readonly start: number;
  /** Offset just past the value. */
  readonly end: number;
  readonly props?: ReadonlyMap<string, JsonNode>;
  readonly items?: readonly JsonNode[];
}

/**
 * Which children to record: `all` records the whole subtree; `keys` records the listed members (with their own
 * shapes) and skips the others; `items` records every array element with one shape. An empty shape records the value's
 * span only.
 */
export interface Shape {
  readonly all?: boolean;
  readonly keys?: Readonly<Record<string, Shape>>;
  readonly items?: Shape;
}

export const ALL: Shape = { all: true };

export class JsonScanError extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

/** Deeper nesting is skipped (offsets not recorded), so hostile input cannot exhaust the stack. */
const MAX_RECORD_DEPTH = 200;

const SP = 32, TAB = 9, LF = 10, CR = 13, QUOTE = 34, BSLASH = 92, COMMA = 44, COLON = 58;
const LBRACE = 123, RBRACE = 125, LBRACK = 91, RBRACK = 93;

export class JsonScanner {
  constructor(private readonly text: string) {}

  /** Records the value that starts at (or after whitespace from) `offset` according to `shape`. */
  scan(offset: number, shape: Shape): JsonNode {
    // A byte-order mark (Windows tools write one) is not JSON whitespace, but it is not content either.
    const i = this.ws(offset === 0 && this.text.charCodeAt(0) === 0xfeff ? 1 : offset);
    return this.value(i, i, shape, 0).node;
  }

  /** Checks the whole document is well-formed JSON, throwing `JsonScanError` at the first fault. */
  validate(): void {
    const i = this.ws(this.text.charCodeAt(0) === 0xfeff ? 1 : 0);
    const end = this.skip(i);
    const rest = this.ws(end);
    if (rest < this.text.length) throw new JsonScanError(rest, 'unexpected text after the JSON document');
  }

  private ws(i: number): number {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === SP || c === LF || c === CR || c === TAB) i++;
      else return i;
    }
  }

  private value(i: number, start: number, shape: Shape | undefined, depth: number): { node: JsonNode; end: number } {
    const c = this.text.charCodeAt(i);
    if (shape === undefined || depth > MAX_RECORD_DEPTH || (c !== LBRACE && c !== LBRACK) || (!shape.all && !shape.keys && !shape.items)) {
      const end = this.skip(i);
      return { node: { start, end }, end };
    }
    return c === LBRACE ? this.object(i, start, shape, depth) : this.array(i, start, shape, depth);
  }

  private object(i: number, start: number, shape: Shape, depth: number): { node: JsonNode; end: number } {
    const t = this.text;
    const props = new Map<string, JsonNode>();
    i = this.ws(i + 1);
    if (t.charCodeAt(i) === RBRACE) return { node: { start, end: i + 1, props }, end: i + 1 };
    for (;;) {
      if (t.charCodeAt(i) !== QUOTE) throw this.fault(i, 'expected a string key');
      const keyStart = i;
      const keyEnd = this.stringEnd(i);
      const key = this.decodeKey(keyStart, keyEnd);
      i = this.ws(keyEnd);
      if (t.charCodeAt(i) !== COLON) throw this.fault(i, 'expected `:`');
      i = this.ws(i + 1);
      const childShape = shape.all ? shape : shape.keys?.[key];
      if (childShape === undefined) {
        i = this.skip(i);
      } else {
        const r = this.value(i, keyStart, childShape, depth + 1);
        props.set(key, r.node);
        i = r.end;
      }
      i = this.ws(i);
      const c = t.charCodeAt(i);
      if (c === COMMA) { i = this.ws(i + 1); continue; }
      if (c === RBRACE) return { node: { start, end: i + 1, props }, end: i + 1 };
      throw this.fault(i, 'expected `,` or `}`');
    }
  }

  private array(i: number, start: number, shape: Shape, depth: number): { node: JsonNode; end: number } {
    const t = this.text;
    const items: JsonNode[] = [];
    const itemShape = shape.all ? shape : shape.items;
    i = this.ws(i + 1);
    if (t.charCodeAt(i) === RBRACK) return { node: { start, end: i + 1, items }, end: i + 1 };
    for (;;) {
      const r = this.value(i, i, itemShape ?? {}, depth + 1);
      items.push(r.node);
      i = this.ws(r.end);
      const c = t.charCodeAt(i);
      if (c === COMMA) { i = this.ws(i + 1); continue; }
      if (c === RBRACK) return { node: { start, end: i + 1, items }, end: i + 1 };
      throw this.fault(i, 'expected `,` or `]`');
    }
  }

  /** Skips one value without recording anything; iterative, so nesting depth costs no stack. */
  private skip(i: number): number {
    const t = this.text;
    const n = t.length;
    // Bracket stack as a string of expected closers; each entry also remembers whether a key is expected next.
    const closers: number[] = [];
    for (;;) {
      i = this.ws(i);
      if (i >= n) throw this.fault(i, 'unexpected end of the document');
      const c = t.charCodeAt(i);
      if (c === LBRACE) {
        i = this.ws(i + 1);
        if (t.charCodeAt(i) === RBRACE) { i++; }
        else { closers.push(RBRACE); i = this.member(i); continue; }
      } else if (c === LBRACK) {
        i = this.ws(i + 1);
        if (t.charCodeAt(i) === RBRACK) { i++; }
        else { closers.push(RBRACK); continue; }
      } else if (c === QUOTE) {
        i = this.stringEnd(i);
      } else {
        i = this.scalarEnd(i);
      }
      // After a value: close as many containers as end here, or move to the next element.
      for (;;) {
        if (closers.length === 0) return i;
        i = this.ws(i);
        const d = t.charCodeAt(i);
        const closer = closers[closers.length - 1];
        if (d === COMMA) {
          i = this.ws(i + 1);
          if (closer === RBRACE) i = this.member(i);
          break;
        }
        if (d === closer) { closers.pop(); i++; continue; }
        if (i >= n) throw this.fault(i, 'unexpected end of the document');
        throw this.fault(i, closer === RBRACE ? 'expected `,` or `}`' : 'expected `,` or `]`');
      }
    }
  }

  /** Reads `"key":` and returns the offset of the member's value. */
  private member(i: number): number {
    if (this.text.charCodeAt(i) !== QUOTE) throw this.fault(i, 'expected a string key');
    i = this.ws(this.stringEnd(i));
    if (this.text.charCodeAt(i) !== COLON) throw this.fault(i, 'expected `:`');
    return this.ws(i + 1);
  }

  /** Offset just past the closing quote of the string starting at `i`. */
  private stringEnd(i: number): number {
    const t = this.text;
    let j = i + 1;
    for (;;) {
      const q = t.indexOf('"', j);
      if (q < 0) throw this.fault(t.length, 'unterminated string');
      let b = q - 1;
      while (t.charCodeAt(b) === BSLASH) b--;
      // An even number of backslashes before the quote means the quote is not escaped.
      if ((q - 1 - b) % 2 === 0) return q + 1;
      j = q + 1;
    }
  }

  private scalarEnd(i: number): number {
    const t = this.text;
    const c = t.charCodeAt(i);
    for (const lit of ['true', 'false', 'null']) {
      if (t.startsWith(lit, i)) return i + lit.length;
    }
    if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      let j = i + 1;
      for (;;) {
        const d = t.charCodeAt(j);
        // digits . e E + -
        if ((d >= 48 && d <= 57) || d === 46 || d === 101 || d === 69 || d === 43 || d === 45) j++;
        else return j;
      }
    }
    if (i >= t.length) throw this.fault(i, 'unexpected end of the document');
    throw this.fault(i, `unexpected character \`${t[i] ?? ''}\``);
  }

  private decodeKey(start: number, end: number): string {
    const raw = this.text.slice(start + 1, end - 1);
    if (!raw.includes('\\')) return raw;
    try {
      return JSON.parse(this.text.slice(start, end)) as string;
    } catch {
      throw this.fault(start, 'invalid escape in a key');
    }
  }

  private fault(offset: number, message: string): JsonScanError {
    return new JsonScanError(offset, message);
  }
}
