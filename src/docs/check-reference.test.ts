import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../checks/catalogue.js';
import { renderCheckReference } from './check-reference.js';

describe('docs/checks.md', () => {
  it('is generated from the current catalogue (run `npm run docs` after changing a check)', () => {
    const committed = readFileSync(new URL('../../docs/checks.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderCheckReference(CATALOGUE));
  });

  it('lists every check with its fix and references', () => {
    const doc = renderCheckReference(CATALOGUE);
    for (const c of CATALOGUE) {
      expect(doc).toContain(`## ${c.id}`);
      for (const ref of c.references) expect(doc).toContain(ref);
    }
  });
});
