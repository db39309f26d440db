import { describe, expect, it } from 'vitest';
import type { ObjectValue, Value } from '../common/value.js';
import { cidrSubnets } from './cidr.js';
import { isCloudFormation, sniffCloudFormation } from './detect.js';
import { parseJsonTemplate } from './parse-json.js';
import { parseYamlTemplate } from './parse-yaml.js';

const get = (v: Value | undefined, ...path: (string | number)[]): Value => {
  let cur = v;
  for (const p of path) {
    if (cur?.t === 'object' && typeof p === 'string') cur = cur.fields.get(p);
    else if (cur?.t === 'list' && typeof p === 'number') cur = cur.items[p];
    else throw new Error(`no ${String(p)}`);
  }
  if (!cur) throw new Error('missing');
  return cur;
};
const span = (v: Value): string => `${v.at.line}:${v.at.column}-${v.at.endLine}:${v.at.endColumn}`;

describe('JSON with positions', () => {
  it('matches JSON.parse and positions every value (1-based, end exclusive)', () => {
    const text = '{\n  "a": [1, -2.5e3, true, null],\n  "b": {"c": "d\\u00e9\\n"}\n}';
    const { root, diagnostics } = parseJsonTemplate('f.json', text);
    expect(diagnostics).toEqual([]);
    expect(get(root, 'a', 1)).toMatchObject({ t: 'number', v: -2500 });
    expect(span(get(root, 'a', 1))).toBe('2:12-2:18');
    expect(get(root, 'b', 'c')).toMatchObject({ t: 'string', v: 'dé\n' });
    expect(span(get(root, 'b', 'c'))).toBe('3:14-3:25');
    expect(span(root as Value)).toBe('1:1-4:2');
  });

  it('skips a byte-order mark', () => {
    expect(parseJsonTemplate('f.json', '\ufeff{"a": 1}').diagnostics).toEqual([]);
  });

  it.each([
    ['{"a": 01}', 1, 8, 'expected `,` or `}`, found `1`'],
    ['{"a": "x\ny"}', 1, 9, 'control character in string'],
    ['{"a": tru}', 1, 7, 'unexpected `t`'],
    ['{"a": 1,}', 1, 9, 'expected a property name, found `}`'],
    ['{"a": "\\q"}', 1, 7, 'invalid escape in string'],
    ['{"a": 1} x', 1, 10, 'unexpected `x` after the end of the document'],
    ['{"a": [1, 2', 1, 12, 'expected `,` or `]`, found end of input'],
  ])('refuses %j at %i:%i', (text, line, column, message) => {
    const r = parseJsonTemplate('f.json', text);
    expect(r.root).toBeUndefined();
    expect(r.diagnostics).toEqual([{ code: 'parse-error', severity: 'error', file: 'f.json', line, column, message: `invalid JSON: ${message}` }]);
  });
});

describe('YAML with short-form intrinsics', () => {
  const text = [
    'AWSTemplateFormatVersion: 2010-09-09',
    'Flags: [yes, Off, 010, 1_000]',
    'X:',
    '  Ref1: !Ref Thing',
    '  Att: !GetAtt Db.Endpoint.Address',
    '  AttList: !GetAtt [Db, Arn]',
    '  Sub: !Sub',
    '    - "${A}-${B}"',
    '    - A: !Ref AWS::Region',
    '      B: !GetAZs ""',
    '  Cond: !Condition IsProd',
    '  Block: !Base64 |',
    '    line one',
    '    line two',
  ].join('\n');
  const tree = parseYamlTemplate('t.yaml', text);
  const root = tree.root;

  it('parses without diagnostics', () => {
    expect(tree.diagnostics).toEqual([]);
  });

  it('reads YAML 1.1 scalars as CloudFormation does, and never makes a date out of a version', () => {
    // CloudFormation reads YAML 1.1 without the timestamp tag:
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html
    expect(get(root, 'AWSTemplateFormatVersion')).toMatchObject({ t: 'string', v: '2010-09-09' });
    expect((get(root, 'Flags') as Extract<Value, { t: 'list' }>).items.map((v) => (v.t === 'null' || v.t === 'object' || v.t === 'list' || v.t === 'unknown' ? null : v.v))).toEqual([true, false, 8, 1000]);
  });

  it('maps each tag to its long form, positioned at the tag', () => {
    const ref = get(root, 'X', 'Ref1') as ObjectValue;
    expect([...ref.fields.keys()]).toEqual(['Ref']);
    expect(span(ref)).toBe('4:9-4:19');
    expect(span(get(ref, 'Ref'))).toBe('4:14-4:19');
    const att = get(root, 'X', 'Att', 'Fn::GetAtt') as Extract<Value, { t: 'list' }>;
    expect(att.items.map((v) => (v.t === 'string' ? v.v : ''))).toEqual(['Db', 'Endpoint.Address']);
    expect(get(root, 'X', 'AttList', 'Fn::GetAtt')).toMatchObject({ t: 'list', items: [{ v: 'Db' }, { v: 'Arn' }] });
    expect(get(root, 'X', 'Sub', 'Fn::Sub', 1, 'A', 'Ref')).toMatchObject({ v: 'AWS::Region' });
    expect(get(root, 'X', 'Sub', 'Fn::Sub', 1, 'B', 'Fn::GetAZs')).toMatchObject({ v: '' });
    expect(span(get(root, 'X', 'Sub'))).toBe('7:8-10:20');
    expect(get(root, 'X', 'Cond', 'Condition')).toMatchObject({ v: 'IsProd' });
    expect(get(root, 'X', 'Block', 'Fn::Base64')).toMatchObject({ v: 'line one\nline two\n' });
  });

  it('keeps key positions for the template, its sections and their entries', () => {
    const keys = tree.keyAt.get(root as ObjectValue);
    expect(keys?.get('X')).toMatchObject({ line: 3, column: 1 });
    expect(tree.keyAt.get(get(root, 'X') as ObjectValue)?.get('Sub')).toMatchObject({ line: 7, column: 3 });
  });
});

describe('Fn::Cidr', () => {
  it('splits IPv4 and IPv6 blocks', () => {
    expect(cidrSubnets('10.0.0.0/16', 3, 12)).toEqual({ ok: true, cidrs: ['10.0.0.0/20', '10.0.16.0/20', '10.0.32.0/20'] });
    // The block's host bits are ignored, as for any CIDR.
    expect(cidrSubnets('10.0.7.9/16', 1, 8)).toEqual({ ok: true, cidrs: ['10.0.0.0/24'] });
    expect(cidrSubnets('2001:db8::/56', 2, 64)).toEqual({ ok: true, cidrs: ['2001:db8::/64', '2001:db8:0:1::/64'] });
  });

  it.each([
    ['010.0.0.0/16', 2, 8, '`010.0.0.0` is not an IP address'],
    ['10.0.0.0/24', 2, 9, 'subnets with 9 host bits do not fit in `10.0.0.0/24`'],
    ['10.0.0.0/24', 300, 2, 'count must be between 1 and 256'],
    ['10.0.0.0/30', 3, 1, '`10.0.0.0/30` holds only 2 subnets of /31'],
    ['10.0.0.0', 1, 1, '`10.0.0.0` is not a CIDR block'],
  ])('refuses %s × %i with %i bits', (block, count, bits, error) => {
    expect(cidrSubnets(block, count, bits)).toEqual({ ok: false, error });
  });
});

describe('detection', () => {
  it('recognises templates by content, not by name', () => {
    expect(isCloudFormation({ AWSTemplateFormatVersion: '2010-09-09' })).toBe(true);
    expect(isCloudFormation({ Resources: { A: { Type: 'AWS::S3::Bucket' } } })).toBe(true);
    expect(isCloudFormation({ Resources: { A: { Type: 'Custom::Thing' } } })).toBe(true);
    // An ARM template: lowercase `resources`, a list.
    expect(isCloudFormation({ $schema: 'https://schema.management.azure.com/…', resources: [{ type: 'Microsoft.Storage/storageAccounts' }] })).toBe(false);
    expect(isCloudFormation({ Resources: { A: { Type: 'Microsoft.Web/sites' } } })).toBe(false);
    expect(isCloudFormation([{ AWSTemplateFormatVersion: 'x' }])).toBe(false);
    expect(isCloudFormation(null)).toBe(false);
  });

  it('sniffs YAML text without parsing it', () => {
    expect(sniffCloudFormation('AWSTemplateFormatVersion: "2010-09-09"\n')).toBe(true);
    expect(sniffCloudFormation('Resources:\n  B:\n    Type: AWS::S3::Bucket\n')).toBe(true);
    expect(sniffCloudFormation('Resources:\n  B:\n    Type: "AWS::S3::Bucket"\n')).toBe(true);
    expect(sniffCloudFormation('name: ci\non: push\njobs: {}\n')).toBe(false);
    expect(sniffCloudFormation('resources:\n  - type: AWS::S3::Bucket\n')).toBe(false);
  });
});
