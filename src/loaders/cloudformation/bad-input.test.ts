import { describe, expect, it } from 'vitest';
import { loadCloudFormation } from './index.js';
import { byId, fixture, loadFixture, locate, val, why } from './test-helpers.js';

const brief = (r: { diagnostics: { code: string; severity: string; line: number; column: number }[] }): string[] =>
  r.diagnostics.map((d) => `${d.code} ${d.severity} ${d.line}:${d.column}`);

describe('CloudFormation bad input: one clear diagnostic with a position, never an exception', () => {
  it('truncated YAML', () => {
    const r = loadFixture('truncated.yaml');
    expect(brief(r)).toEqual(['parse-error error 17:1']);
    expect(r.diagnostics[0]?.message).toBe('invalid YAML: Missing closing "quote');
    expect(r.resources).toEqual([]);
  });

  it('invalid JSON, at the token that breaks it', () => {
    const r = loadFixture('invalid.json');
    const p = locate(r.text, '"VersioningConfiguration"');
    expect(brief(r)).toEqual([`parse-error error ${p.line}:${p.column}`]);
    expect(r.diagnostics[0]?.message).toBe('invalid JSON: expected `,` or `}`, found `"`');
  });

  it('valid JSON or YAML that is not a template', () => {
    for (const name of ['not-a-template.json', 'not-a-template.yaml']) {
      const r = loadFixture(name);
      expect(brief(r)).toEqual(['not-a-template error 1:1']);
      expect(r.diagnostics[0]?.message).toContain('not a CloudFormation template');
    }
    expect(brief(loadCloudFormation('list.json', '[1, 2]'))).toEqual(['not-a-template error 1:1']);
    expect(brief(loadCloudFormation('scalar.yaml', 'just text'))).toEqual(['not-a-template error 1:1']);
    expect(brief(loadCloudFormation('empty.yaml', ''))).toEqual(['not-a-template error 1:1']);
    expect(brief(loadCloudFormation('blank.json', '  \n'))).toEqual(['not-a-template error 1:1']);
  });

  it('binary content', () => {
    const bytes = Buffer.from(Array.from({ length: 512 }, (_, k) => (k * 97 + 13) % 256)).toString('latin1');
    const r = loadCloudFormation('blob.yaml', bytes);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics.every((d) => d.line >= 1 && d.column >= 1)).toBe(true);
  });

  it('a broken template: each broken part reported where it is, the rest loads', () => {
    const r = loadFixture('broken-structure.yaml');
    const at = (needle: string, after?: string): string => {
      const p = locate(r.text, needle, after);
      return `${p.line}:${p.column}`;
    };
    expect(brief(r)).toEqual([
      `invalid-template error ${at('Stage:')}`,
      `invalid-template error ${at('NotAMap:')}`,
      `invalid-template error ${at('NoType:')}`,
      `invalid-template error ${at('- BucketName: wrong-shape')}`,
      `unsupported-function error ${at('!Frobnicate')}`,
      `unsupported-function error ${at('{ "Fn::Bogus"')}`,
      `unresolved-reference error ${at('!Ref MissingVpc')}`,
      `invalid-template error ${at('!Select [5')}`,
      `unresolved-reference error ${at('!GetAtt Ghost')}`,
      `cycle error ${at('!Condition Loop2')}`,
      `conditional warning ${at('Loop1', 'LoopingGuard:')}`,
      `cycle error ${at('!Sub "${NameA}-b"')}`,
    ]);
    expect(val(byId(r, 'aws.s3.bucket', 'Fine').name)).toBe('still-loads');
    expect(why(byId(r, 'aws.s3.bucket', 'UnknownTag').name)).toBe('`Fn::Frobnicate` is not evaluated');
    expect(why(byId(r, 'aws.kms.key', 'UnknownLongForm').rotationEnabled)).toBe('`Fn::Bogus` is not evaluated');
    const sg = byId(r, 'aws.ec2.securityGroup', 'DanglingRefs');
    expect(why(sg.vpc)).toBe('`MissingVpc` is not declared in the template');
    expect(why(sg.ingress[0]?.ipv4Ranges ?? { known: true, value: [], at: sg.at })).toContain('`Fn::Select` index 5');
    // A resource without a Type is not guessed at.
    expect(r.resources.some((x) => x.native.name === 'NoType' || x.native.name === 'NotAMap')).toBe(false);
  });

  it('a Resources section that is not a map', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  - Type: AWS::S3::Bucket\n';
    const r = loadCloudFormation('list.yaml', text);
    expect(brief(r)).toEqual(['invalid-template error 2:1']);
    expect(r.diagnostics[0]?.message).toContain('`Resources` must be a map');
  });

  it('a YAML alias bomb is refused, not expanded', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let k = 1; k < 9; k++) {
      const prev = String.fromCharCode(96 + k);
      const name = String.fromCharCode(97 + k);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = `AWSTemplateFormatVersion: "2010-09-09"\nMetadata:\n  ${levels.join('\n  ')}\nResources: {}\n`;
    const r = loadCloudFormation('bomb.yaml', text);
    expect(brief(r)).toEqual(['invalid-template warning 4:10', 'invalid-template error 1:1']);
    expect(r.diagnostics[1]?.message).toContain('aliases expand to more than');
  });

  it('a modest alias is expanded, with a warning that CloudFormation rejects aliases', () => {
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html: no aliases, no merges.
    const text = [
      'Resources:',
      '  A:',
      '    Type: AWS::S3::Bucket',
      '    Properties: &props',
      '      VersioningConfiguration: { Status: Enabled }',
      '  B:',
      '    Type: AWS::S3::Bucket',
      '    Properties: *props',
    ].join('\n');
    const r = loadCloudFormation('alias.yaml', text);
    expect(brief(r)).toEqual(['invalid-template warning 8:17']);
    expect(val(byId({ ...r, file: 'alias.yaml' }, 'aws.s3.bucket', 'B').versioning)).toBe(true);
  });

  it('deep nesting in JSON and YAML', () => {
    const deepJson = `{"AWSTemplateFormatVersion":"2010-09-09","Metadata":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    // Refused at the 257th bracket, after the 52 characters before the first.
    expect(brief(loadCloudFormation('deep.json', deepJson))).toEqual([`too-deep error 1:${52 + 256 + 1}`]);
    const deepYaml = `AWSTemplateFormatVersion: "2010-09-09"\nMetadata: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const y = loadCloudFormation('deep.yaml', deepYaml);
    expect(y.diagnostics.map((d) => d.code)).toEqual(['too-deep']);
    const blockYaml = `AWSTemplateFormatVersion: "2010-09-09"\nMetadata:\n${Array.from({ length: 400 }, (_, k) => `${' '.repeat(k + 1)}k${k}:`).join('\n')} x\n`;
    expect(loadCloudFormation('deep-block.yaml', blockYaml).diagnostics.map((d) => d.code)).toEqual(['too-deep']);
  });

  it('deeply nested intrinsic functions', () => {
    let v = '"x"';
    for (let k = 0; k < 80; k++) v = `{"Fn::Join": ["", [${v}]]}`;
    const text = `{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": ${v}}}}}`;
    const r = loadCloudFormation('nest.json', text);
    expect(r.diagnostics).toEqual([]);
    expect(val(byId({ ...r, file: 'nest.json' }, 'aws.s3.bucket', 'B').name)).toBe('x');
  });

  it('duplicate keys: the last wins, with a warning at the repeated key', () => {
    const text = '{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Type": "AWS::KMS::Key"}}}';
    const r = loadCloudFormation('dup.json', text);
    expect(brief(r)).toEqual([`invalid-template warning 1:${text.lastIndexOf('"Type"') + 1}`]);
    expect(r.resources.map((x) => x.kind)).toEqual(['aws.kms.key']);
    const y = loadCloudFormation('dup.yaml', 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n  B:\n    Type: AWS::KMS::Key\n');
    expect(brief(y)).toEqual(['invalid-template warning 4:3']);
  });

  it('unknown properties as a whole', () => {
    const text = [
      'Parameters:',
      '  Flag: { Type: String }',
      'Conditions:',
      '  IsOn: !Equals [!Ref Flag, "yes"]',
      'Resources:',
      '  B:',
      '    Type: AWS::S3::Bucket',
      '    Properties: !If [IsOn, { BucketName: a }, { BucketName: b }]',
    ].join('\n');
    const r = loadCloudFormation('props.yaml', text);
    expect(brief(r)).toEqual(['invalid-value warning 6:3']);
    expect(r.resources.map((x) => x.kind)).toEqual(['iac.parameter']);
  });

  it('never throws on templates whose properties have the wrong shape, and positions every diagnostic', () => {
    let seed = 2024;
    const r = (): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const shapes: unknown[] = [
      'x', 42, true, null, [], {}, ['a', 1], { a: 'b' }, { Ref: 'Team' }, { Ref: 'AWS::NoValue' }, { 'Fn::GetAtt': ['Alice', 'X'] },
      { 'Fn::If': ['BreakGlass', 'a', { Ref: 'AWS::NoValue' }] }, { 'Fn::Sub': '${Nope}' }, { 'Fn::Select': [3, []] },
      { 'Fn::Join': [1, 2] }, { 'Fn::Split': [] }, { 'Fn::Cidr': ['10.0.0.0/8', 'x', 2] }, { 'Fn::Base64': [] },
    ];
    const mutate = (o: unknown, p: number): unknown => {
      if (Array.isArray(o)) return o.map((x) => (r() < p ? shapes[Math.floor(r() * shapes.length)] : mutate(x, p)));
      if (o !== null && typeof o === 'object') {
        return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, k !== 'Type' && r() < p ? shapes[Math.floor(r() * shapes.length)] : mutate(x, p)]));
      }
      return o;
    };
    const base = JSON.parse(fixture('iam-stack.json').text) as unknown;
    let loaded = 0;
    for (let k = 0; k < 300; k++) {
      const res = loadCloudFormation('m.json', JSON.stringify(mutate(base, 0.03 + r() * 0.1)));
      loaded += res.resources.length;
      for (const d of res.diagnostics) expect(d.line >= 1 && d.column >= 1).toBe(true);
    }
    expect(loaded).toBeGreaterThan(1000);
  });
});
