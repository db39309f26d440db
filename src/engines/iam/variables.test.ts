import { describe, expect, it } from 'vitest';
import type { VariableSource, VariableValue } from './variables.js';
import { parseTemplate, resolveTemplate } from './variables.js';

const lookupOf = (m: Record<string, VariableValue>): VariableSource => ({ variable: (keyLower) => m[keyLower] ?? 'absent' });
const shape = (parts: readonly { t: string }[]): unknown[] => parts.map((p) => {
  const { like: _l, literal: _r, ...rest } = p as { like?: unknown; literal?: unknown; t: string };
  return rest;
});

describe('policy variables', () => {
  it('parses keys, defaults and escapes', () => {
    const { template, issue } = parseTemplate("a/${aws:username}/${ aws:PrincipalTag/team , 'it''s' }/${*}${?}${$}", true);
    expect(issue).toBeUndefined();
    expect(shape(template.parts)).toEqual([
      { t: 'text', text: 'a/' },
      { t: 'var', key: 'aws:username', keyLower: 'aws:username' },
      { t: 'text', text: '/' },
      { t: 'var', key: 'aws:PrincipalTag/team', keyLower: 'aws:principaltag/team', dflt: "it's" },
      { t: 'text', text: '/' },
      { t: 'lit', text: '*' }, { t: 'lit', text: '?' }, { t: 'lit', text: '$' },
    ]);
  });

  it('leaves text alone when variables are disabled (Version 2008-10-17)', () => {
    const { template } = parseTemplate('${aws:username}', false);
    expect(shape(template.parts)).toEqual([{ t: 'text', text: '${aws:username}' }]);
    expect(template.hasVars).toBe(false);
  });

  it('reports malformed variables and keeps the text', () => {
    for (const bad of ['${aws:username', "${a, 'x}", '${a b}', '${}']) {
      const r = parseTemplate(`x${bad}`, true);
      expect(r.issue, bad).toBeDefined();
    }
  });

  it('substitutes once: a default that looks like a variable stays literal', () => {
    const { template } = parseTemplate("${aws:username, '${aws:userid}'}", true);
    const r = resolveTemplate(template, lookupOf({ 'aws:userid': 'X' }), true);
    expect(r).toEqual({ kind: 'pattern', pattern: { chars: '${aws:userid}', wild: new Array(13).fill(0) } });
  });

  it('resolves to none without value or default, unknown for unknown values', () => {
    const { template } = parseTemplate('home/${aws:username}', true);
    expect(resolveTemplate(template, lookupOf({}), true).kind).toBe('none');
    expect(resolveTemplate(template, lookupOf({ 'aws:username': 'unknown' }), true).kind).toBe('unknown');
  });

  it('keeps policy-text wildcards and makes substituted text literal', () => {
    const { template } = parseTemplate('${aws:username}/*', true);
    const r = resolveTemplate(template, lookupOf({ 'aws:username': 'a*' }), true);
    expect(r.kind === 'pattern' && r.pattern.wild).toEqual([0, 0, 0, 2]);
  });
});
