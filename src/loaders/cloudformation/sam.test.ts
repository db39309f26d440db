import { describe, expect, it } from 'vitest';
import { byId, linkValue, loadFixture, locate, val, why } from './test-helpers.js';

/**
 * SAM functions become Lambda functions with the template's Globals merged in.
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-template-anatomy-globals.html
 */
const r = loadFixture('sam-app.yaml');

describe('CloudFormation with the AWS::Serverless transform', () => {
  it('warns once about serverless types it does not expand', () => {
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([['unsupported-function', 'warning', locate(r.text, 'OrdersTable:\n').line]]);
    expect(r.diagnostics[0]?.message).toContain('AWS::Serverless::SimpleTable');
  });

  it('merges Globals.Function into each function, the function winning', () => {
    const fn = byId(r, 'aws.lambda.function', 'OrdersFunction');
    expect(val(fn.runtime)).toBe('nodejs20.x');
    const env = val(fn.environment);
    expect(Object.keys(env).sort()).toEqual(['STAGE', 'STRIPE_SECRET_KEY', 'TABLE']);
    expect(env['STAGE']).toMatchObject({ known: true, value: 'override' });
    const secret = env['STRIPE_SECRET_KEY'];
    expect(secret).toMatchObject({ known: true, value: 'sk_live_51HqLyjWDarjtT1zdp7dc' });
    expect(secret?.at.line).toBe(locate(r.text, 'sk_live_').line);
    expect(why(env['TABLE'] ?? { known: true, value: '', at: fn.at })).toContain('`!Ref OrdersTable`');
    expect(why(fn.role)).toContain('SAM generates the execution role');
    expect(why(fn.name)).toContain('no `FunctionName`');
  });

  it('keeps a function’s own runtime and role', () => {
    const fn = byId(r, 'aws.lambda.function', 'ReportsFunction');
    expect(val(fn.runtime)).toBe('python3.12');
    expect(linkValue(fn.role)).toBe(`${r.file}#ReportsRole`);
    expect(val(fn.name)).toBe('orders-reports');
    expect(fn.native.type).toBe('AWS::Serverless::Function');
  });
});
