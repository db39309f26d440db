import { describe, expect, it } from 'vitest';
import { evalExpr, moduleFromText } from '../__fixtures__/harness.js';
import { plain } from '../__fixtures__/helpers.js';

// Semantics: https://developer.hashicorp.com/terraform/language/expressions
const v = async (expr: string, locals = '') => plain(await evalExpr(expr, locals));

describe('expressions', () => {
  it('operators, precedence and conversions', async () => {
    expect(await v('1 + 2 * 3 - 4 / 2')).toBe(5);
    expect(await v('-2 + 3 * 4')).toBe(10);
    expect(await v('(1 + 2) * 3')).toBe(9);
    expect(await v('"5" + 1')).toBe(6);
    expect(await v('7 % 3 == 1 && !false')).toBe(true);
    expect(await v('1 == "1"')).toBe(false);
    expect(await v('[1, "a"] == [1, "a"]')).toBe(true);
    expect(await v('{ a = 1 } != { a = 2 }')).toBe(true);
    expect(await v('3 >= 3 && 2 < 1 || 5 > 4')).toBe(true);
  });

  it('conditionals evaluate only the branch taken', async () => {
    expect(await v('true ? "yes" : local.missing.attr')).toBe('yes');
    expect(await v('length(local.xs) > 0 ? local.xs[0] : null', '  xs = []')).toBeNull();
  });

  it('logical operators decide on one known operand', async () => {
    expect(await v('false && var.unset', '')).toBe(false);
    expect(await v('true || var.unset', '')).toBe(true);
  });

  it('for expressions over lists and maps, with filters and grouping', async () => {
    const locals = '  m = { b = 2, a = 1, c = 3 }\n  l = ["x", "y", "x"]';
    expect(await v('[for k, x in local.m : "${k}=${x}" if x != 2]', locals)).toEqual(['a=1', 'c=3']);
    expect(await v('{ for i, s in local.l : s => i... }', locals)).toEqual({ x: [0, 2], y: [1] });
    expect(await v('{ for k, x in local.m : upper(k) => x * 10 }', locals)).toEqual({ A: 10, B: 20, C: 30 });
    expect(await v('[for s in local.l : s][1]', locals)).toBe('y');
  });

  it('splat expressions, full and attribute-only', async () => {
    const locals = '  objs = [{ id = "a", tags = { n = 1 } }, { id = "b", tags = { n = 2 } }]\n  one = { id = "solo" }';
    expect(await v('local.objs[*].id', locals)).toEqual(['a', 'b']);
    expect(await v('local.objs.*.id', locals)).toEqual(['a', 'b']);
    expect(await v('local.objs[*].tags.n', locals)).toEqual([1, 2]);
    expect(await v('local.one[*].id', locals)).toEqual(['solo']);
    expect(await v('null[*]')).toEqual([]);
  });

  it('indexing lists and maps; legacy .0 index', async () => {
    const locals = '  l = ["a", "b"]\n  m = { "k-1" = "v" }';
    expect(await v('local.l[1]', locals)).toBe('b');
    expect(await v('local.l.0', locals)).toBe('a');
    expect(await v('local.m["k-1"]', locals)).toBe('v');
  });

  it('object keys: bare identifiers are literal, parenthesised ones are evaluated', async () => {
    expect(await v('{ k = 1, (local.name) = 2, "q-r" = 3 }', '  k = "ignored"\n  name = "dyn"')).toEqual({ k: 1, dyn: 2, 'q-r': 3 });
  });

  it('errors are caught by try() and can(), and become unknown otherwise', async () => {
    expect(await v('try(local.m.missing, "fallback")', '  m = {}')).toBe('fallback');
    expect(await v('can(local.m.missing)', '  m = {}')).toBe(false);
    expect(await v('can(local.m)', '  m = {}')).toBe(true);
    expect(await v('local.m.missing', '  m = {}')).toMatchObject({ unknown: 'no attribute or key `missing`' });
  });

  it('unknown values propagate with their reason', async () => {
    const m = await moduleFromText('variable "x" {}\nlocals {\n  a = "pre-${var.x}"\n  b = length([var.x, 1])\n  c = upper(var.x)\n}\n');
    expect(plain(m.local('a'))).toEqual({ unknown: '`var.x` has no value', refs: [] });
    expect(plain(m.local('b'))).toBe(2);
    expect(plain(m.local('c'))).toEqual({ unknown: '`var.x` has no value', refs: [] });
  });

  it('references to undeclared things are errors with a message, not crashes', async () => {
    expect(await v('var.nope')).toMatchObject({ unknown: 'reference to undeclared input variable `var.nope`' });
    expect(await v('aws_s3_bucket.nope.id')).toMatchObject({ unknown: 'reference to undeclared resource `aws_s3_bucket.nope`' });
    expect(await v('each.key')).toMatchObject({ unknown: '`each` is only available in a block that sets `for_each`' });
  });
});

describe('templates and strings', () => {
  it('quoted strings: escapes and literal template markers', async () => {
    expect(await v('"tab\\there \\"q\\" \\\\ \\u00e9 $${x} %%{y}"')).toBe('tab\there "q" \\ é ${x} %{y}');
  });

  it('a template that is only one interpolation keeps the value type', async () => {
    expect(await v('"${local.n}"', '  n = 42')).toBe(42);
    expect(await v('"${local.n}s"', '  n = 42')).toBe('42s');
  });

  it('template directives with strip markers', async () => {
    expect(await v('"%{ for i, x in local.l }${i}:${x};%{ endfor }"', '  l = ["a", "b"]')).toBe('0:a;1:b;');
    expect(await v('"%{ if local.on }on%{ else }off%{ endif }"', '  on = false')).toBe('off');
    expect(await v('"a ${~ "b" ~} c"')).toBe('abc');
  });

  it('heredocs: plain keep indentation, <<- strips the common indentation', async () => {
    const m = await moduleFromText(
      'locals {\n  plain = <<EOT\n  keep\n    this\nEOT\n  flush = <<-EOT\n      first ${"x"}\n        second\n\n      third\n    EOT\n  loop = <<-EOT\n    %{~ for n in ["a", "b"] ~}\n    - ${n}\n    %{~ endfor ~}\n\n  EOT\n}\n',
    );
    expect(plain(m.local('plain'))).toBe('  keep\n    this\n');
    expect(plain(m.local('flush'))).toBe('first x\n  second\n\nthird\n');
    expect(plain(m.local('loop'))).toBe('- a- b');
  });

  it('positions: every expression knows its line and column', async () => {
    const m = await moduleFromText('locals {\n  a = {\n    inner = [1, "two"]\n  }\n}\n');
    const a = m.local('a');
    expect(a.at).toMatchObject({ line: 2, column: 7, endLine: 4, endColumn: 4 });
    const inner = a.t === 'object' ? a.fields.get('inner') : undefined;
    expect(inner?.at).toMatchObject({ line: 3, column: 13 });
    const two = inner?.t === 'list' ? inner.items[1] : undefined;
    expect(two?.at).toMatchObject({ line: 3, column: 17, endColumn: 22 });
  });
});
