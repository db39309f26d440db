import { describe, expect, it } from 'vitest';
import { classify } from './ast.js';
import { MAX_EXPR_DEPTH, parseExpression } from './parse.js';

// Syntax: https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions

function parse(text: string) {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(`${r.error.message} at ${r.error.pos}`);
  return r.expr;
}

describe('classify', () => {
  it('treats a bracketed string as an expression and `[[` as an escaped literal', () => {
    expect(classify("[concat('a', 'b')]")).toEqual({ kind: 'expression', text: "concat('a', 'b')" });
    expect(classify('[[not an expression]')).toEqual({ kind: 'literal', value: '[not an expression]' });
    expect(classify('plain')).toEqual({ kind: 'literal', value: 'plain' });
    // Only a string that both starts with `[` and ends with `]` is an expression.
    expect(classify('[half')).toEqual({ kind: 'literal', value: '[half' });
    expect(classify('half]')).toEqual({ kind: 'literal', value: 'half]' });
  });
});

describe('parseExpression', () => {
  it('parses nested calls, string literals with doubled quotes and integers', () => {
    expect(parse("concat('it''s', string(-12))")).toEqual({
      k: 'call', name: 'concat', pos: 0, args: [
        { k: 'str', v: "it's", pos: 7 },
        { k: 'call', name: 'string', pos: 16, args: [{ k: 'num', v: -12, pos: 23 }] },
      ],
    });
  });

  it('parses property and index access after calls', () => {
    expect(parse("resourceGroup().location")).toMatchObject({ k: 'prop', name: 'location', target: { k: 'call', name: 'resourceGroup' } });
    expect(parse("parameters('x')[0]['y'].z")).toMatchObject({
      k: 'prop', name: 'z',
      target: { k: 'index', index: { k: 'str', v: 'y' }, target: { k: 'index', index: { k: 'num', v: 0 } } },
    });
  });

  it('parses namespaced user-defined function calls', () => {
    expect(parse("contoso.uniqueName('st')")).toMatchObject({ k: 'call', name: 'contoso.uniqueName', args: [{ k: 'str', v: 'st' }] });
  });

  it('allows whitespace between tokens', () => {
    expect(parse("  concat ( 'a' ,\n 'b' )  ")).toMatchObject({ k: 'call', name: 'concat', args: [{ v: 'a' }, { v: 'b' }] });
  });

  it('reports syntax errors with their position in the text', () => {
    expect(parseExpression("concat('a',")).toEqual({ ok: false, error: { message: 'expected a function call, string or number, found end of expression', pos: 11 } });
    expect(parseExpression("concat('a'")).toMatchObject({ ok: false, error: { pos: 10 } });
    expect(parseExpression("concat('abc")).toEqual({ ok: false, error: { message: 'unterminated string literal', pos: 7 } });
    expect(parseExpression("variables")).toMatchObject({ ok: false, error: { message: 'expected `(` after function name `variables`', pos: 9 } });
    expect(parseExpression("concat('a') extra()")).toMatchObject({ ok: false, error: { pos: 12 } });
    expect(parseExpression("concat(#)")).toMatchObject({ ok: false, error: { message: 'unexpected character `#`', pos: 7 } });
    expect(parseExpression('')).toMatchObject({ ok: false, error: { message: 'empty expression' } });
  });

  it('refuses hostile nesting instead of exhausting the stack', () => {
    const deep = `${'concat('.repeat(MAX_EXPR_DEPTH + 5)}'x'${')'.repeat(MAX_EXPR_DEPTH + 5)}`;
    expect(parseExpression(deep)).toMatchObject({ ok: false, error: { message: `expression nested deeper than ${MAX_EXPR_DEPTH} levels` } });
    const veryDeep = `${'a('.repeat(200_000)}${')'.repeat(200_000)}`;
    expect(parseExpression(veryDeep).ok).toBe(false);
  });
});
