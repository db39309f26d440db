import { describe, expect, it } from 'vitest';
import type { LoadDiagnostic } from '../../model/core/index.js';
import { dedupeDiagnostics } from './diagnostics.js';

const d = (file: string, line: number, message: string, code: LoadDiagnostic['code'] = 'invalid-value'): LoadDiagnostic =>
  ({ code, severity: 'warning', file, line, column: 3, message });

describe('dedupeDiagnostics', () => {
  it('keeps the first of each repeat, in order', () => {
    const a = d('main.yaml', 4, 'x is unknown');
    const b = d('main.yaml', 9, 'y is unknown');
    expect(dedupeDiagnostics([a, b, { ...a }, b])).toEqual([a, b]);
  });

  it('tells apart diagnostics that differ in code, file, position or message', () => {
    const a = d('a.tf', 1, 'm');
    const all = [a, d('b.tf', 1, 'm'), d('a.tf', 2, 'm'), d('a.tf', 1, 'n'), d('a.tf', 1, 'm', 'parse-error'), { ...a, column: 4 }];
    expect(dedupeDiagnostics(all)).toEqual(all);
  });
});
