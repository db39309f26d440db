import { describe, expect, it } from 'vitest';
import { toJson } from '../../../common/read.js';
import type { Value } from '../../../common/value.js';
import { moduleFromText } from '../__fixtures__/harness.js';

/**
 * String templates and string functions over values known only after apply keep their literal text (`parts`):
 * https://developer.hashicorp.com/terraform/language/expressions/strings#interpolation
 * https://developer.hashicorp.com/terraform/language/functions/format
 * https://developer.hashicorp.com/terraform/language/functions/join
 */

const CONFIG = `
variable "env" {
  default = "prod"
}
variable "acct" {}
data "aws_caller_identity" "current" {}
resource "aws_s3_bucket" "b" {
  bucket_prefix = "logs-"
}
`;

async function locals(body: string): Promise<(name: string) => Value> {
  const m = await moduleFromText(`${CONFIG}\nlocals {\n${body}\n}\n`);
  return (name) => m.local(name);
}

const json = (v: Value): unknown => toJson(v).json;

describe('partly known strings in Terraform', () => {
  it('a template keeps the text around an unknown interpolation', async () => {
    const l = await locals(`
  root    = "arn:aws:iam::\${data.aws_caller_identity.current.account_id}:root"
  objects = "\${aws_s3_bucket.b.arn}/*"
  named   = "arn:aws:s3:::\${var.env}-\${var.acct}/*"`);
    const root = l('root');
    expect(root).toMatchObject({ t: 'unknown', parts: [{ text: 'arn:aws:iam::' }, { unknown: expect.any(String) }, { text: ':root' }] });
    expect(json(root)).toMatch(/^arn:aws:iam::<unknown: [^>]+>:root$/);
    expect(json(l('objects'))).toMatch(/^<unknown: [^>]+>\/\*$/);
    expect(l('objects')).toMatchObject({ refs: ['.::aws_s3_bucket.b'] });
    expect(json(l('named'))).toBe('arn:aws:s3:::prod-<unknown: `var.acct` has no value>/*');
  });

  it('a template of a partly known local splices its shape in', async () => {
    const l = await locals(`
  bucket = "arn:aws:s3:::\${var.acct}"
  keys   = "\${local.bucket}/keys/*"`);
    expect(json(l('keys'))).toBe('arn:aws:s3:::<unknown: `var.acct` has no value>/keys/*');
  });

  it('format and join keep the known text; an unknown list or format stays wholly unknown', async () => {
    const l = await locals(`
  f     = format("arn:aws:iam::%s:role/%s", var.acct, var.env)
  j     = join(":", ["arn", "aws", "iam", "", var.acct, "root"])
  whole = join(",", var.acct)
  fmt   = format(var.acct, "x")
  known = format("%s-%s", var.env, "x")`);
    expect(json(l('f'))).toBe('arn:aws:iam::<unknown: `var.acct` has no value>:role/prod');
    expect(json(l('j'))).toBe('arn:aws:iam::<unknown: `var.acct` has no value>:root');
    expect(l('whole')).toMatchObject({ t: 'unknown' });
    expect(l('whole')).not.toHaveProperty('parts');
    expect(l('fmt')).not.toHaveProperty('parts');
    expect(json(l('known'))).toBe('prod-x');
  });

  it('functions that transform the string do not pass its shape on', async () => {
    const l = await locals(`
  up  = upper("arn:\${var.acct}")
  sub = "\${substr("arn:\${var.acct}", 0, 3)}-x"`);
    expect(l('up')).not.toHaveProperty('parts');
    expect(json(l('sub'))).toBe('<unknown: `var.acct` has no value>-x');
  });

  it('an unknown condition or collection in a template directive is one unknown part', async () => {
    const l = await locals(`
  d = "arn:%{ if var.acct == "1" }x%{ else }y%{ endif }:root"`);
    expect(json(l('d'))).toBe('arn:<unknown: `var.acct` has no value>:root');
  });

  it('errors stay errors', async () => {
    const l = await locals(`
  e = "arn:\${var.acct}:\${[1]}"
  g = format("%s %d", var.acct, "x")`);
    expect(l('e')).not.toHaveProperty('parts');
    expect(l('g')).toMatchObject({ t: 'unknown', why: expect.stringContaining('format()') });
  });
});
