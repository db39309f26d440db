import { describe, expect, it } from 'vitest';
import { parseTfJson } from './from-json.js';
import { parseHcl } from './from-tree.js';
import { terraformParser } from './tree-sitter.js';

const parser = await terraformParser();

describe('HCL native syntax', () => {
  it('gives every block, attribute and expression a 1-based position', () => {
    const text = '# comment\nresource "aws_s3_bucket" "b" {\n  bucket = "x" // trailing\n  tags = {\n    a = 1\n  }\n  versioning {\n    enabled = true\n  }\n}\n';
    const { body, diagnostics } = parseHcl(parser, text, 'main.tf');
    expect(diagnostics).toEqual([]);
    const b = body.blocks[0];
    expect(b).toMatchObject({ type: 'resource', labels: ['aws_s3_bucket', 'b'] });
    expect(b?.at).toEqual({ file: 'main.tf', line: 2, column: 1, endLine: 10, endColumn: 2 });
    const [bucket, tags] = b?.body.attributes ?? [];
    expect(bucket?.at).toEqual({ file: 'main.tf', line: 3, column: 3, endLine: 3, endColumn: 15 });
    expect(bucket?.expr).toMatchObject({ k: 'lit', v: 'x', at: { line: 3, column: 12 } });
    expect(tags?.expr.at).toMatchObject({ line: 4, column: 10, endLine: 6, endColumn: 4 });
    expect(b?.body.blocks[0]).toMatchObject({ type: 'versioning', at: { line: 7, column: 3, endLine: 9 } });
  });

  it('columns count UTF-16 code units after non-ASCII text', () => {
    const { body } = parseHcl(parser, 'a = "é😀"\nb = 1\nc = ["é", 2]\n', 'x.tf');
    expect(body.attributes[0]?.expr).toMatchObject({ v: 'é😀' });
    const c = body.attributes[2]?.expr;
    expect(c?.k === 'tuple' ? c.items[1]?.at : undefined).toMatchObject({ line: 3, column: 11 });
  });

  it('reports syntax errors with line and column and keeps the rest', () => {
    const { body, diagnostics } = parseHcl(parser, 'ok = 1\nbad = [1, 2\nresource "x" "y" {\n  a = 1\n}\n', 'e.tf');
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.code === 'parse-error' && d.file === 'e.tf' && d.line >= 2)).toBe(true);
    expect(body.attributes[0]).toMatchObject({ name: 'ok', expr: { k: 'lit', v: 1 } });
  });

  it('numbers: decimal, exponent, hex', () => {
    const { body } = parseHcl(parser, 'a = 1.5e3\nb = 0x1F\nc = 007\n', 'n.tf');
    expect(body.attributes.map((a) => (a.expr.k === 'lit' ? a.expr.v : undefined))).toEqual([1500, 31, 7]);
  });
});

describe('Terraform JSON syntax (.tf.json)', () => {
  it('reads blocks by labels, arrays of blocks, comments, dynamic blocks and typed variables', () => {
    const text = JSON.stringify(
      {
        '//': 'generated',
        variable: { names: { type: 'list(string)', default: ['a', '${not-a-template}'] } },
        resource: {
          aws_security_group: {
            sg: [
              {
                name: '${var.prefix}-sg',
                ingress: [{ from_port: 22, cidr_blocks: ['0.0.0.0/0'] }],
                dynamic: { egress: { for_each: '${var.ports}', content: { from_port: '${egress.value}' } } },
              },
            ],
          },
        },
        locals: { x: '${1 + 2}' },
      },
      null,
      2,
    );
    const { body, diagnostics } = parseTfJson(parser, text, 'gen.tf.json');
    expect(diagnostics).toEqual([]);
    const v = body.blocks.find((b) => b.type === 'variable');
    expect(v?.body.attributes.find((a) => a.name === 'type')?.expr).toMatchObject({ k: 'call', name: 'list' });
    // A variable default is literal JSON: `${` is not a template there.
    const def = v?.body.attributes.find((a) => a.name === 'default')?.expr;
    expect(def?.k === 'tuple' ? def.items[1] : undefined).toMatchObject({ k: 'lit', v: '${not-a-template}' });
    const sg = body.blocks.find((b) => b.type === 'resource');
    expect(sg).toMatchObject({ labels: ['aws_security_group', 'sg'] });
    expect(sg?.body.attributes.find((a) => a.name === 'name')?.expr).toMatchObject({ k: 'template' });
    expect(sg?.body.blocks.map((b) => [b.type, b.labels])).toEqual([['ingress', []], ['dynamic', ['egress']]]);
    const x = body.blocks.find((b) => b.type === 'locals')?.body.attributes[0];
    expect(x?.expr).toMatchObject({ k: 'binary', op: '+' });
    expect(x?.at.line).toBe(text.split('\n').findIndex((l) => l.includes('"x"')) + 1);
  });

  it('reports JSON syntax errors with a position', () => {
    const { diagnostics } = parseTfJson(parser, '{\n  "resource": {\n    "a": [1,,]\n  }\n}\n', 'bad.tf.json');
    expect(diagnostics[0]).toMatchObject({ code: 'parse-error', file: 'bad.tf.json', line: 3 });
  });
});
