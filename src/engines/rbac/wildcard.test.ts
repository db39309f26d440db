import { describe, expect, it } from 'vitest';
import { compilePattern, likeMatch, matchLower } from './wildcard.js';

const m = (pattern: string, text: string): boolean => matchLower(compilePattern(pattern), text.toLowerCase());

describe('action patterns', () => {
  it('match literally without a star, ignoring case', () => {
    expect(m('Microsoft.Web/sites/restart/Action', 'microsoft.web/sites/restart/action')).toBe(true);
    expect(m('Microsoft.Web/sites/restart/Action', 'microsoft.web/sites/restart/actions')).toBe(false);
  });
  it('`*` alone matches everything, and `*` spans slashes', () => {
    expect(m('*', 'Microsoft.Compute/virtualMachines/write')).toBe(true);
    expect(m('*/read', 'Microsoft.Network/virtualNetworks/subnets/read')).toBe(true);
    expect(m('*/read', 'Microsoft.Network/virtualNetworks/subnets/write')).toBe(false);
    expect(m('Microsoft.Authorization/*/Write', 'Microsoft.Authorization/roleAssignments/write')).toBe(true);
    expect(m('Microsoft.Authorization/*/Write', 'Microsoft.Authorization/roleAssignments/read')).toBe(false);
  });
  it('anchors the head and the tail', () => {
    expect(m('Microsoft.Compute/*', 'Microsoft.ComputeX/foo')).toBe(false);
    expect(m('Microsoft.Compute/*', 'Microsoft.Compute/')).toBe(true);
    expect(m('a*b*c', 'abc')).toBe(true);
    expect(m('a*b*c', 'axxbyyc')).toBe(true);
    expect(m('a*b*c', 'axxbyy')).toBe(false);
    expect(m('ab*ba', 'aba')).toBe(false);
    expect(m('ab*ba', 'abba')).toBe(true);
  });
  it('an empty pattern matches nothing but the empty string', () => {
    expect(m('', 'x')).toBe(false);
  });
  it('stays fast on adversarial input (no backtracking blow-up)', () => {
    const text = 'a'.repeat(20_000);
    const t = performance.now();
    expect(m('*a*a*a*a*a*a*a*a*b', text)).toBe(false);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});

describe('StringLike', () => {
  it('supports * and ? with backslash escapes', () => {
    expect(likeMatch('a*c?', 'abcd', false)).toBe(true);
    expect(likeMatch('A*C?', 'abcd', false)).toBe(false);
    expect(likeMatch('A*C?', 'abcd', true)).toBe(true);
    expect(likeMatch('a\\*', 'a*', false)).toBe(true);
    expect(likeMatch('a\\*', 'ab', false)).toBe(false);
    expect(likeMatch('a\\?', 'a?', false)).toBe(true);
    expect(likeMatch('*', '', false)).toBe(true);
    expect(likeMatch('?', '', false)).toBe(false);
  });
});
