import { describe, expect, it } from 'vitest';
import {
  arnSegments, compileGlob, globFromText, intersectionWitness, literalPattern, sampleMember, subsumes,
} from './wildcard.js';

const m = (p: string, s: string, fold = false): boolean => compileGlob(globFromText(p), fold).test(s);

describe('compileGlob', () => {
  it.each([
    ['*', '', true], ['*', 'anything', true], ['abc', 'abc', true], ['abc', 'abd', false],
    ['s3:Get*', 's3:GetObject', true], ['s3:Get*', 's3:PutObject', false], ['*Object', 's3:GetObject', true],
    ['a?c', 'abc', true], ['a?c', 'ac', false], ['a*b*c', 'aXbYc', true], ['a*b*c', 'aXcYb', false],
    ['*a*a*a*', 'aaa', true], ['*a*a*a*', 'aa', false], ['a*', 'a', true], ['?*', '', false], ['*?', 'x', true],
    ['ab*ba', 'aba', false], ['ab*ba', 'abba', true],
  ])('%s against %s → %s', (p, s, want) => {
    expect(m(p, s)).toBe(want);
  });

  it('folds case when asked, with the subject folded by the caller', () => {
    expect(m('S3:GET*', 's3:getobject', true)).toBe(true);
    expect(m('S3:GET*', 's3:getobject', false)).toBe(false);
  });

  it('keeps escaped wildcard characters literal', () => {
    const p = literalPattern('a*b');
    expect(compileGlob(p).test('a*b')).toBe(true);
    expect(compileGlob(p).test('axxb')).toBe(false);
  });

  it('stays fast on adversarial patterns (no backtracking blow-up)', () => {
    const pattern = `${'*a'.repeat(200)}*b`;
    const subject = 'a'.repeat(5000);
    const t = performance.now();
    expect(m(pattern, subject)).toBe(false);
    // A regex-style backtracking matcher takes seconds here; this is a sanity bound, not a benchmark.
    expect(performance.now() - t).toBeLessThan(2000);
  });
});

describe('arnSegments', () => {
  const r = (p: string, s: string): boolean => compileGlob(arnSegments(globFromText(p))).test(s);
  it('lets a * that ends a segment cross colons', () => {
    expect(r('arn:aws:ec2:*', 'arn:aws:ec2:us-east-1:1:instance/i')).toBe(true);
    expect(r('arn:aws:ec2:*:*:instance/*', 'arn:aws:ec2:us-east-1:1:instance/i')).toBe(true);
  });
  it('confines a * followed by more text to its segment', () => {
    expect(r('arn:aws:ec2:us-*1:instance/i', 'arn:aws:ec2:us-east-1:1:instance/i')).toBe(false);
    expect(compileGlob(globFromText('arn:aws:ec2:us-*1:instance/i')).test('arn:aws:ec2:us-east-1:1:instance/i')).toBe(true);
    expect(r('arn:aws:ec2:us-*-1:*:instance/*', 'arn:aws:ec2:us-east-1:1:instance/i')).toBe(true);
  });
  it('leaves the resource part unrestricted', () => {
    expect(r('arn:aws:logs:*:*:log-group:a*z', 'arn:aws:logs:r:1:log-group:a:b:z')).toBe(true);
  });
});

describe('pattern questions', () => {
  it('finds a member of both patterns', () => {
    const w = intersectionWitness(globFromText('arn:aws:s3:::*'), globFromText('arn:aws:s3:::logs-*/x'));
    expect(w).toBeDefined();
    expect(m('arn:aws:s3:::*', w as string)).toBe(true);
    expect(m('arn:aws:s3:::logs-*/x', w as string)).toBe(true);
  });
  it('reports disjoint patterns', () => {
    expect(intersectionWitness(globFromText('a*b'), globFromText('c*'))).toBeUndefined();
    expect(intersectionWitness(globFromText('a?'), globFromText('abc'))).toBeUndefined();
  });
  it('decides containment soundly', () => {
    expect(subsumes(globFromText('arn:aws:s3:::*'), globFromText('arn:aws:s3:::secret-*'))).toBe(true);
    expect(subsumes(globFromText('arn:aws:s3:::secret-*'), globFromText('arn:aws:s3:::*'))).toBe(false);
    expect(subsumes(globFromText('a?c'), globFromText('abc'))).toBe(true);
    expect(subsumes(globFromText('abc'), globFromText('a?c'))).toBe(false);
  });
  it('samples a member', () => {
    expect(sampleMember(globFromText('a*b?c'))).toBe('abxc');
  });
});
