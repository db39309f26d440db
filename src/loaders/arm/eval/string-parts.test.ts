import { describe, expect, it } from 'vitest';
import { toJson } from '../../common/read.js';
import type { Value } from '../../common/value.js';
import { LineIndex, parseJson } from '../json.js';
import { BUILTIN_FUNCTIONS } from './functions/index.js';
import { PLACEHOLDERS } from './ids.js';
import { TemplateScope } from './scope.js';
import { LoadState } from './state.js';
import { symbolOf } from './values.js';

/**
 * `concat()` and `format()` over values known only at deployment keep their literal text (`parts`).
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string#concat
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string#format
 */

const AT = { file: 't.json', line: 1, column: 1, endLine: 1, endColumn: 1 };

function run(expr: unknown): { value: Value; diagnostics: readonly unknown[] } {
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { account: { type: 'string' }, env: { type: 'string', defaultValue: 'prod' } },
    variables: { result: expr },
    resources: [],
  };
  const text = JSON.stringify(template, null, 2);
  const parsed = parseJson(text);
  if (!parsed.ok) throw new Error(parsed.message);
  const state = new LoadState('t.json', text, new LineIndex('t.json', text));
  const scope = new TemplateScope(state, parsed.root, {
    target: { scope: 'resourceGroup', ...PLACEHOLDERS },
    supplied: new Map(),
    depth: 0,
    deploymentName: { t: 'string', v: 'main', at: AT },
    functions: BUILTIN_FUNCTIONS,
  });
  return { value: scope.variable('result', AT, {}), diagnostics: state.diagnostics };
}

const json = (expr: unknown): unknown => toJson(run(expr).value).json;

describe('partly known strings in ARM templates', () => {
  it('concat keeps the text around an unknown parameter, and its symbol for ids', () => {
    const { value, diagnostics } = run("[concat('arn:aws:iam::', parameters('account'), ':root')]");
    expect(diagnostics).toEqual([]);
    expect(value).toMatchObject({ t: 'unknown', parts: [{ text: 'arn:aws:iam::' }, { unknown: expect.any(String) }, { text: ':root' }] });
    expect(toJson(value).json).toMatch(/^arn:aws:iam::<unknown: [^>]+>:root$/);
    expect(symbolOf(value)).toBe('arn:aws:iam::{account}:root');
  });

  it('format keeps the text around unknown arguments; known arguments are formatted', () => {
    expect(json("[format('{0}/providers/{1}/{2:D3}', parameters('account'), 'Microsoft.Storage', 7)]"))
      .toMatch(/^<unknown: [^>]+>\/providers\/Microsoft\.Storage\/007$/);
    expect(json("[format('{{x}}-{0}-{1}', parameters('env'), utcNow())]")).toBe('{x}-prod-<unknown: `utcNow()` is the time of deployment>');
  });

  it('nothing literal, an unknown format, or a hash of the string: no shape', () => {
    expect(run("[concat(parameters('account'), utcNow())]").value).not.toHaveProperty('parts');
    expect(run("[format(parameters('account'), 'x')]").value).not.toHaveProperty('parts');
    expect(run("[uniqueString(concat('x-', parameters('account')))]").value).not.toHaveProperty('parts');
    expect(run("[toLower(concat('X-', parameters('account')))]").value).not.toHaveProperty('parts');
  });

  it('known arguments still give a known string', () => {
    expect(json("[concat('a', '-', parameters('env'))]")).toBe('a-prod');
    expect(json("[format('{0}-{1}', parameters('env'), 2)]")).toBe('prod-2');
  });
});
