import { describe, expect, it } from 'vitest';
import { evalExpr, moduleFromText } from '../../__fixtures__/harness.js';
import { plain } from '../../__fixtures__/helpers.js';

// Each case follows the function's page under https://developer.hashicorp.com/terraform/language/functions
const v = async (expr: string, locals = '') => plain(await evalExpr(expr, locals));

describe('string functions', () => {
  it('format and formatlist (…/functions/format, …/formatlist)', async () => {
    expect(await v('format("Hello, %s!", "Ander")')).toBe('Hello, Ander!');
    expect(await v('format("There are %d lights", 4)')).toBe('There are 4 lights');
    expect(await v('format("%-5s|%5s|%05d|%.2f|%t|%q", "a", "b", 42, 3.14159, true, "x")')).toBe('a    |    b|00042|3.14|true|"x"');
    expect(await v('format("%v %#v", "s", { a = 1 })')).toBe('s {"a":1}');
    expect(await v('format("%[2]s %[1]s", "a", "b")')).toBe('b a');
    expect(await v('formatlist("Hello, %s!", ["Valentina", "Ander"])')).toEqual(['Hello, Valentina!', 'Hello, Ander!']);
  });

  it('join, split, replace, case, trim family, substr', async () => {
    expect(await v('join(", ", ["foo", "bar"], ["baz"])')).toBe('foo, bar, baz');
    expect(await v('split(",", "foo,bar,baz")')).toEqual(['foo', 'bar', 'baz']);
    expect(await v('replace("1 + 2 + 3", "+", "-")')).toBe('1 - 2 - 3');
    expect(await v('upper("hello")')).toBe('HELLO');
    expect(await v('title("hello world")')).toBe('Hello World');
    expect(await v('trim("?!hello?!", "!?")')).toBe('hello');
    expect(await v('trimspace("  hello\\n\\n")')).toBe('hello');
    expect(await v('trimprefix("helloworld", "hello")')).toBe('world');
    expect(await v('trimsuffix("helloworld", "world")')).toBe('hello');
    expect(await v('chomp("hello\\n\\n")')).toBe('hello');
    expect(await v('substr("hello world", 1, 4)')).toBe('ello');
    expect(await v('substr("hello world", -5, -1)')).toBe('world');
    expect(await v('strrev("hello")')).toBe('olleh');
    expect(await v('indent(2, "a\\nb")')).toBe('a\n  b');
    expect(await v('startswith("hello world", "hello")')).toBe(true);
    expect(await v('endswith("hello world", "world")')).toBe(true);
    expect(await v('strcontains("hello world", "wor")')).toBe(true);
  });

  it('regular expressions are never compiled from configuration', async () => {
    expect(await v('replace("hello", "/l+/", "L")')).toMatchObject({ unknown: expect.stringContaining('regular expressions are not evaluated') });
    expect(await v('regex("[a-z]+", "abc")')).toMatchObject({ unknown: expect.stringContaining('regular expressions') });
  });
});

describe('collection functions', () => {
  it('merge, concat, lookup, element, keys, values, length', async () => {
    expect(await v('merge({ a = "b", c = "d" }, { e = "f", c = "z" })')).toEqual({ a: 'b', c: 'z', e: 'f' });
    expect(await v('concat(["a", ""], ["b", "c"])')).toEqual(['a', '', 'b', 'c']);
    expect(await v('lookup({ a = "ay", b = "bee" }, "c", "what?")')).toBe('what?');
    expect(await v('element(["a", "b", "c"], 3)')).toBe('a');
    expect(await v('keys({ b = 1, a = 2 })')).toEqual(['a', 'b']);
    expect(await v('values({ b = 1, a = 2 })')).toEqual([2, 1]);
    expect(await v('length("héllo")')).toBe(5);
  });

  it('flatten, distinct, contains, coalesce, compact, slice, index, reverse, sort, range, zipmap', async () => {
    expect(await v('flatten([["a", "b"], [], ["c"], [["d"]]])')).toEqual(['a', 'b', 'c', 'd']);
    expect(await v('distinct(["a", "b", "a", "c", "d", "b"])')).toEqual(['a', 'b', 'c', 'd']);
    expect(await v('contains(["a", "b", "c"], "a")')).toBe(true);
    expect(await v('coalesce("", "b")')).toBe('b');
    expect(await v('coalesce(null, 1, 2)')).toBe(1);
    expect(await v('coalescelist([], ["c", "d"])')).toEqual(['c', 'd']);
    expect(await v('compact(["a", "", "b", null, "c"])')).toEqual(['a', 'b', 'c']);
    expect(await v('slice(["a", "b", "c", "d"], 1, 3)')).toEqual(['b', 'c']);
    expect(await v('index(["a", "b", "c"], "b")')).toBe(1);
    expect(await v('reverse([1, 2, 3])')).toEqual([3, 2, 1]);
    expect(await v('sort(["e", "d", "a", "x"])')).toEqual(['a', 'd', 'e', 'x']);
    expect(await v('range(3)')).toEqual([0, 1, 2]);
    expect(await v('range(1, 8, 2)')).toEqual([1, 3, 5, 7]);
    expect(await v('range(4, 1)')).toEqual([4, 3, 2]);
    expect(await v('zipmap(["a", "b"], [1, 2])')).toEqual({ a: 1, b: 2 });
  });

  it('sets and type conversion', async () => {
    expect(await v('toset(["c", "b", "b"])')).toEqual(['b', 'c']);
    expect(await v('setunion(["a", "b"], ["b", "c"], ["d"])')).toEqual(['a', 'b', 'c', 'd']);
    expect(await v('setintersection(["a", "b"], ["b", "c"], ["b", "d"])')).toEqual(['b']);
    expect(await v('setsubtract(["a", "b", "c"], ["a", "c"])')).toEqual(['b']);
    expect(await v('setproduct(["a", "b"], [1, 2])')).toEqual([['a', 1], ['a', 2], ['b', 1], ['b', 2]]);
    expect(await v('tonumber("1")')).toBe(1);
    expect(await v('tobool("true")')).toBe(true);
    expect(await v('tostring(5)')).toBe('5');
    expect(await v('tolist(["a"])')).toEqual(['a']);
    expect(await v('tomap({ a = 1 })')).toEqual({ a: 1 });
  });

  it('one, sum, min, max, alltrue, anytrue, chunklist, transpose, matchkeys', async () => {
    expect(await v('one([])')).toBeNull();
    expect(await v('one(["x"])')).toBe('x');
    expect(await v('sum([10, 13, 6, 4.5])')).toBe(33.5);
    expect(await v('min(12, 54, 3)')).toBe(3);
    expect(await v('max([12, 54, 3]...)')).toBe(54);
    expect(await v('alltrue(["true", true])')).toBe(true);
    expect(await v('anytrue([false, "true"])')).toBe(true);
    expect(await v('chunklist(["a", "b", "c", "d", "e"], 2)')).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(await v('transpose({ a = ["1", "2"], b = ["2", "3"] })')).toEqual({ 1: ['a'], 2: ['a', 'b'], 3: ['b'] });
    expect(await v('matchkeys(["i-123", "i-abc", "i-def"], ["us-west", "us-east", "us-east"], ["us-east"])')).toEqual(['i-abc', 'i-def']);
  });

  it('partial unknowns: known parts stay known where the function allows it', async () => {
    const m = await moduleFromText('variable "u" {}\nlocals {\n  m = merge({ a = 1 }, { b = var.u })\n  n = length([var.u, 2])\n  k = keys({ a = var.u })\n  w = merge(var.u, { a = 1 })\n}\n');
    expect(plain(m.local('m'))).toEqual({ a: 1, b: { unknown: '`var.u` has no value', refs: [] } });
    expect(plain(m.local('n'))).toBe(2);
    expect(plain(m.local('k'))).toEqual(['a']);
    expect(plain(m.local('w'))).toEqual({ unknown: '`var.u` has no value', refs: [] });
  });
});

describe('encoding functions', () => {
  it('jsonencode sorts keys and escapes HTML like Terraform; jsondecode', async () => {
    expect(await v('jsonencode({ b = "<x>", a = [1, true, null] })')).toBe('{"a":[1,true,null],"b":"\\u003cx\\u003e"}');
    expect(await v('jsondecode("{\\"hello\\": \\"world\\", \\"n\\": [1, 2]}")')).toEqual({ hello: 'world', n: [1, 2] });
    expect(await v('jsondecode("{bad")')).toMatchObject({ unknown: expect.stringContaining('invalid JSON') });
  });

  it('jsondecode of a jsonencode with unknown parts gives back the structure', async () => {
    const m = await moduleFromText('variable "u" {}\nlocals {\n  doc = jsonencode({ Statement = [{ Resource = var.u, Action = "s3:*" }] })\n  back = jsondecode(local.doc).Statement[0].Action\n}\n');
    const doc = m.local('doc');
    expect(doc.t).toBe('unknown');
    expect(doc.t === 'unknown' ? plain(doc.json) : undefined).toEqual({ Statement: [{ Resource: { unknown: '`var.u` has no value', refs: [] }, Action: 's3:*' }] });
    expect(plain(m.local('back'))).toBe('s3:*');
  });

  it('yamldecode, csvdecode, base64, urlencode, hashes', async () => {
    expect(await v('yamldecode("a: 1\\nb: [x, y]")')).toEqual({ a: 1, b: ['x', 'y'] });
    expect(await v('csvdecode("a,b\\n1,2\\n3,4")')).toEqual([{ a: '1', b: '2' }, { a: '3', b: '4' }]);
    expect(await v('base64encode("Hello World")')).toBe('SGVsbG8gV29ybGQ=');
    expect(await v('base64decode("SGVsbG8gV29ybGQ=")')).toBe('Hello World');
    expect(await v('urlencode("Hello World!")')).toBe('Hello+World%21');
    expect(await v('md5("hello world")')).toBe('5eb63bbbe01eeed093cb22bb8f5acdc3');
    expect(await v('sha256("hello world")')).toBe('b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9');
  });

  it('time and randomness are unknown before apply', async () => {
    expect(await v('timestamp()')).toMatchObject({ unknown: expect.stringContaining('not known before apply') });
    expect(await v('uuid()')).toMatchObject({ unknown: expect.stringContaining('random') });
  });
});

describe('numeric and network functions', () => {
  it('numbers (…/functions/parseint, …/log)', async () => {
    expect(await v('abs(-12.4)')).toBe(12.4);
    expect(await v('ceil(5.1)')).toBe(6);
    expect(await v('floor(4.9)')).toBe(4);
    expect(await v('pow(3, 2)')).toBe(9);
    expect(await v('signum(-13)')).toBe(-1);
    expect(await v('parseint("FF", 16)')).toBe(255);
    expect(await v('parseint("-1010", 2)')).toBe(-10);
    expect(await v('log(16, 2)')).toBe(4);
  });

  it('cidrsubnet, cidrhost, cidrnetmask, cidrsubnets (examples from their pages)', async () => {
    expect(await v('cidrsubnet("172.16.0.0/12", 4, 2)')).toBe('172.18.0.0/16');
    expect(await v('cidrsubnet("10.1.2.0/24", 4, 15)')).toBe('10.1.2.240/28');
    expect(await v('cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162)')).toBe('fd00:fd12:3456:7800:a200::/72');
    expect(await v('cidrhost("10.12.112.0/20", 16)')).toBe('10.12.112.16');
    expect(await v('cidrhost("10.12.112.0/20", 268)')).toBe('10.12.113.12');
    expect(await v('cidrhost("fd00:fd12:3456:7890:00a2::/72", 34)')).toBe('fd00:fd12:3456:7890::22');
    expect(await v('cidrnetmask("172.16.0.0/12")')).toBe('255.240.0.0');
    expect(await v('cidrsubnets("10.1.0.0/16", 4, 4, 8, 4)')).toEqual(['10.1.0.0/20', '10.1.16.0/20', '10.1.32.0/24', '10.1.48.0/20']);
    expect(await v('cidrsubnets("fd00:fd12:3456:7890::/56", 16, 16, 16, 32)')).toEqual([
      'fd00:fd12:3456:7800::/72', 'fd00:fd12:3456:7800:100::/72', 'fd00:fd12:3456:7800:200::/72', 'fd00:fd12:3456:7800:300::/88',
    ]);
    expect(await v('cidrsubnet("010.0.0.0/8", 8, 1)')).toBe('10.1.0.0/16');
    expect(await v('cidrsubnet("10.0.0.256/8", 8, 1)')).toMatchObject({ unknown: expect.stringContaining('invalid IP address') });
  });
});

describe('filesystem functions', () => {
  it('file, fileexists, templatefile, fileset read only below the allowed folders', async () => {
    const m = await moduleFromText(
      'locals {\n  ud = file("aws-platform/modules/app/templates/user_data.sh.tftpl")\n  there = fileexists("aws-platform/envs/prod/main.tf")\n  outside = file("/etc/hostname")\n  r = templatefile("aws-platform/modules/app/templates/user_data.sh.tftpl", { packages = ["a", "b"], port = 1, log_bucket = "lb" })\n  set = fileset("aws-platform/modules", "*/outputs.tf")\n}\n',
    );
    expect(plain(m.local('ud'))).toContain('%{ for p in packages ~}');
    expect(plain(m.local('there'))).toBe(true);
    expect(plain(m.local('outside'))).toMatchObject({ unknown: expect.stringContaining('outside the scanned folders') });
    expect(plain(m.local('r'))).toBe('#!/bin/bash\ndnf install -y a\ndnf install -y b\necho "listen 1" > /etc/app.conf\naws s3 cp /var/log/app.log s3://lb/\n');
    expect(plain(m.local('set'))).toEqual(['bucket/outputs.tf', 'network/outputs.tf']);
  });

  it('unknown functions are reported once and give unknown', async () => {
    const m = await moduleFromText('locals {\n  a = provider::aws::arn_parse("x")\n  b = nosuchfn(1)\n}\n');
    expect(plain(m.local('b'))).toMatchObject({ unknown: 'function `nosuchfn` is not evaluated' });
    expect(m.host.diagnostics).toContainEqual(expect.objectContaining({ code: 'unsupported-function', line: 3 }));
  });
});
