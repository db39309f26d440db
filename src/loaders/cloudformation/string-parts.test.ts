import { describe, expect, it } from 'vitest';
import type { LoadDiagnostic } from '../../model/core/index.js';
import { toJson } from '../common/read.js';
import type { ObjectValue, Value } from '../common/value.js';
import { parseYamlTemplate } from './parse-yaml.js';
import { NO_VALUE, Resolver } from './resolve.js';
import { readTemplate } from './template.js';

/**
 * Strings built from known and unknown pieces keep their literal text (`parts`), so a key policy principal written
 * `!Sub 'arn:aws:iam::${AWS::AccountId}:root'` is read as an account root, not as anything.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-sub.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-join.html
 */

const BASE = `
Parameters:
  Prefix: { Type: String, Default: acme }
  NoDefault: { Type: String }
Resources:
  Bucket: { Type: AWS::S3::Bucket }
  Secret: { Type: AWS::SecretsManager::Secret }
`;

function resolve(expr: string, given: Record<string, string> = {}): Value | typeof NO_VALUE {
  const text = `${BASE}Metadata:\n  X: ${expr}\n`;
  const tree = parseYamlTemplate('t.yaml', text);
  expect(tree.diagnostics).toEqual([]);
  const diagnostics: LoadDiagnostic[] = [];
  const root = tree.root as ObjectValue;
  const tpl = readTemplate('t.yaml', { ...tree, root }, diagnostics);
  const x = (root.fields.get('Metadata') as ObjectValue).fields.get('X') as Value;
  const v = new Resolver(tpl, given, diagnostics).resolve(x);
  expect(diagnostics).toEqual([]);
  return v;
}

/** The value as the JSON string a policy check sees. */
const rendered = (expr: string, given?: Record<string, string>): unknown => {
  const v = resolve(expr, given);
  return v === NO_VALUE ? 'NO_VALUE' : toJson(v).json;
};

describe('partly known strings', () => {
  it('Fn::Sub keeps the text around an unknown pseudo parameter, parameter or attribute', () => {
    const v = resolve(`!Sub 'arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root'`);
    expect(v).toMatchObject({
      t: 'unknown',
      why: '`AWS::AccountId` is known only at deployment',
      parts: [{ text: 'arn:aws:iam::' }, { unknown: '`AWS::AccountId` is known only at deployment' }, { text: ':root' }],
    });
    expect(rendered(`!Sub '\${Bucket.Arn}/*'`)).toBe('<unknown: `!GetAtt Bucket.Arn` is known only after deployment>/*');
    expect(rendered(`!Sub 'arn:aws:s3:::\${Prefix}-\${NoDefault}/*'`)).toBe('arn:aws:s3:::acme-<unknown: parameter `NoDefault` has no default and no value was given>/*');
  });

  it('keeps the refs of the unknown parts, so a link still finds its resource', () => {
    const v = resolve(`!Sub '\${Bucket.Arn}/*'`);
    expect(v !== NO_VALUE && v.t === 'unknown' ? v.refs : undefined).toEqual(['t.yaml#Bucket']);
  });

  it('Fn::Sub with a variable map, and a nested partly known variable', () => {
    expect(rendered(`!Sub ['arn:aws:iam::\${Acct}:role/\${Name}', { Acct: !Ref 'AWS::AccountId', Name: !Sub '\${Prefix}-deploy' }]`))
      .toBe('arn:aws:iam::<unknown: `AWS::AccountId` is known only at deployment>:role/acme-deploy');
    expect(rendered(`!Sub ['\${Arn}/logs/*', { Arn: !Sub 'arn:aws:s3:::\${NoDefault}' }]`))
      .toBe('arn:aws:s3:::<unknown: parameter `NoDefault` has no default and no value was given>/logs/*');
  });

  it('Fn::Join puts the delimiter between known and unknown items', () => {
    expect(rendered(`!Join ['', ['arn:', !Ref 'AWS::Partition', ':iam::', !Ref 'AWS::AccountId', ':root']]`))
      .toBe('arn:aws:iam::<unknown: `AWS::AccountId` is known only at deployment>:root');
    expect(rendered(`!Join ['/', [!GetAtt Bucket.Arn, '*']]`)).toBe('<unknown: `!GetAtt Bucket.Arn` is known only after deployment>/*');
  });

  it('a given account makes the string known; nothing literal left keeps it wholly unknown', () => {
    expect(rendered(`!Sub 'arn:aws:iam::\${AWS::AccountId}:root'`, { 'AWS::AccountId': '111122223333' })).toBe('arn:aws:iam::111122223333:root');
    const v = resolve(`!Sub '\${AWS::AccountId}\${NoDefault}'`);
    expect(v !== NO_VALUE && v.t === 'unknown' ? v.parts : 'not unknown').toBeUndefined();
    expect(rendered(`!Join ['', [!Ref NoDefault]]`)).toBe('<unknown: parameter `NoDefault` has no default and no value was given>');
  });

  it('functions of a partly known string do not pass its shape on', () => {
    for (const expr of [
      `!Base64 { 'Fn::Sub': 'arn:aws:iam::\${AWS::AccountId}:root' }`,
      `!Split [':', !Sub 'arn:aws:iam::\${AWS::AccountId}:root']`,
      `!Sub [!Sub 'x-\${NoDefault}', {}]`,
    ]) {
      const v = resolve(expr);
      expect(v !== NO_VALUE && v.t === 'unknown' ? v.parts : 'not unknown', expr).toBeUndefined();
    }
  });

  it('a dynamic reference is fetched whole at deployment: no literal text is kept', () => {
    const v = resolve(`!Sub '{{resolve:secretsmanager:\${Secret}::password}}'`);
    expect(v !== NO_VALUE && v.t === 'unknown' ? v.parts : 'not unknown').toBeUndefined();
  });
});
