import { describe, expect, it } from 'vitest';
import { globMatch, isAllWildcard } from './glob.js';

describe('globMatch', () => {
  it.each([
    ['*', 'iam:PassRole', true],
    ['iam:*', 'iam:PassRole', true],
    ['iam:Pass*', 'iam:PassRole', true],
    ['IAM:passrole', 'iam:PassRole', true],
    ['iam:PassRol?', 'iam:PassRole', true],
    ['iam:Pass?', 'iam:PassRole', false],
    ['iam:Get*', 'iam:PassRole', false],
    ['s3:*Object', 's3:GetObject', true],
    ['s3:*Object', 's3:GetObjectAcl', false],
    ['*a*b*c', 'xaxbxxc', true],
    ['*a*b*c', 'xaxbxxcd', false],
    ['', '', true],
    ['', 'a', false],
  ] as const)('%s ~ %s → %s', (p, s, want) => expect(globMatch(p, s)).toBe(want));

  it('can be case-sensitive (ARNs)', () => {
    expect(globMatch('arn:aws:s3:::Bucket/*', 'arn:aws:s3:::bucket/x', false)).toBe(false);
  });

  it('stays fast on adversarial patterns', () => {
    const p = `${'*a'.repeat(50)}b`;
    const s = 'a'.repeat(5000);
    expect(globMatch(p, s)).toBe(false);
  });
});

describe('isAllWildcard', () => {
  it('is true only for runs of stars', () => {
    expect(isAllWildcard('*')).toBe(true);
    expect(isAllWildcard('**')).toBe(true);
    expect(isAllWildcard('?')).toBe(false);
    expect(isAllWildcard('')).toBe(false);
  });
});
