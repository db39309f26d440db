import { describe, expect, it } from 'vitest';
import type { Provenance } from '../../model/core/index.js';
import { hasUnknownPart, isPartlyUnknown, isUnknownLeaf, renderStringParts, splitStringParts, wholeUnknownLeaves } from '../../model/core/index.js';
import { readDocument, readString, toJson } from './read.js';
import type { UnknownValue, Value } from './value.js';
import { obj, str, stringParts, withParts, withoutParts } from './value.js';

const at: Provenance = { file: 't.yaml', line: 3, column: 7, endLine: 3, endColumn: 40 };
const account: UnknownValue = { t: 'unknown', why: '`AWS::AccountId` is known only at deployment', refs: [], at };
const bucketArn: UnknownValue = { t: 'unknown', why: '`aws_s3_bucket.b.arn` is known after apply', refs: ['.::aws_s3_bucket.b'], at };

describe('stringParts', () => {
  it('keeps literal text and unknown parts in order, merging adjacent texts and dropping empty ones', () => {
    expect(stringParts(['arn:aws', ':iam::', account, ':root', ''])).toEqual([
      { text: 'arn:aws:iam::' },
      { unknown: '`AWS::AccountId` is known only at deployment' },
      { text: ':root' },
    ]);
  });

  it('splices in the shape of an unknown piece that is itself partly known', () => {
    const objects = withParts(bucketArn, [bucketArn, '/*']);
    expect(stringParts(['', objects, ' and ', account])).toEqual([
      { unknown: '`aws_s3_bucket.b.arn` is known after apply' },
      { text: '/* and ' },
      { unknown: '`AWS::AccountId` is known only at deployment' },
    ]);
  });

  it('gives no shape when nothing literal is left: the string is wholly unknown', () => {
    expect(stringParts(['', account, bucketArn, ''])).toBeUndefined();
    expect(withParts(account, [account, account])).toBe(account);
  });

  it('gives up shapes too large to be configuration (doubling through locals)', () => {
    let u: UnknownValue = withParts(account, ['x', account]);
    for (let k = 0; k < 10 && u.parts; k++) u = withParts(u, [u, '-', u]);
    expect(u.parts).toBeUndefined();
  });

  it('withoutParts drops the shape and keeps everything else', () => {
    const u = withParts(bucketArn, [bucketArn, '/*']);
    expect(u.parts).toBeDefined();
    expect(withoutParts(u)).toEqual(bucketArn);
    expect(withoutParts(bucketArn)).toBe(bucketArn);
  });
});

describe('toJson and the JSON string helpers', () => {
  const root = withParts(account, ['arn:aws:iam::', account, ':root']);

  it('renders a partly known string with a placeholder per unknown part, and marks the document partial', () => {
    const { json, partial } = toJson(obj(new Map<string, Value>([['AWS', root]]), at));
    expect(json).toEqual({ AWS: 'arn:aws:iam::<unknown: `AWS::AccountId` is known only at deployment>:root' });
    expect(partial).toBe(true);
  });

  it('leaves a wholly unknown value exactly as before', () => {
    expect(toJson(account)).toEqual({ json: '<unknown: `AWS::AccountId` is known only at deployment>', partial: true });
    expect(toJson(str('arn:aws:iam::111122223333:root', at))).toEqual({ json: 'arn:aws:iam::111122223333:root', partial: false });
  });

  it('keeps the shape inside documents read by readDocument; readString still reads the value as unknown', () => {
    const doc = obj(new Map<string, Value>([['Statement', obj(new Map<string, Value>([['Principal', obj(new Map([['AWS', root]]), at)]]), at)]]), at);
    const read = readDocument(doc, at);
    expect(read.known && read.value?.partial).toBe(true);
    expect(read.known && read.value?.json).toEqual({ Statement: { Principal: { AWS: 'arn:aws:iam::<unknown: `AWS::AccountId` is known only at deployment>:root' } } });
    expect(readString(root, at)).toMatchObject({ known: false, why: '`AWS::AccountId` is known only at deployment' });
  });

  it('tells wholly unknown strings from partly known ones', () => {
    const partial = renderStringParts([{ text: 'arn:aws:iam::' }, { unknown: 'x' }, { text: ':root' }]);
    expect(partial).toBe('arn:aws:iam::<unknown: x>:root');
    expect([isUnknownLeaf(partial), isPartlyUnknown(partial), hasUnknownPart(partial)]).toEqual([false, true, true]);
    const objects = renderStringParts([{ unknown: 'bucket arn' }, { text: '/*' }]);
    expect([isUnknownLeaf(objects), isPartlyUnknown(objects), hasUnknownPart(objects)]).toEqual([false, true, true]);
    const whole = '<unknown: parameter `Acct` has no default>';
    expect([isUnknownLeaf(whole), isPartlyUnknown(whole), hasUnknownPart(whole)]).toEqual([true, false, true]);
    expect([isUnknownLeaf('*'), isPartlyUnknown('*'), hasUnknownPart('*')]).toEqual([false, false, false]);
    // Nothing literal at either end: read as wholly unknown, which is never wrong.
    expect(isUnknownLeaf('<unknown: a>:<unknown: b>')).toBe(true);
  });

  it('splits a JSON string back into its parts; reasons cannot end a placeholder early', () => {
    const rendered = renderStringParts([{ text: 'a' }, { unknown: 'x > y <z>' }, { text: '/*' }]);
    expect(rendered).toBe('a<unknown: x › y ‹z›>/*');
    expect(splitStringParts(rendered)).toEqual([{ text: 'a' }, { unknown: 'x › y ‹z›' }, { text: '/*' }]);
    expect(splitStringParts('<unknown: a -> b>')).toEqual([{ unknown: 'a -> b' }]);
    expect(splitStringParts('plain')).toEqual([{ text: 'plain' }]);
    expect(splitStringParts('arn:<unknown: unclosed')).toEqual([{ text: 'arn:<unknown: unclosed' }]);
  });

  it('wholeUnknownLeaves reads partly known strings as wholly unknown, and keeps an unchanged document as is', () => {
    const doc = { Statement: [{ Principal: { AWS: ['arn:aws:iam::<unknown: acct>:root', 'arn:aws:iam::111122223333:root'] }, Resource: '<unknown: arn>/*', Action: 's3:GetObject' }] };
    expect(wholeUnknownLeaves(doc)).toEqual({ Statement: [{ Principal: { AWS: ['<unknown: acct>', 'arn:aws:iam::111122223333:root'] }, Resource: '<unknown: arn>', Action: 's3:GetObject' }] });
    const known = { Statement: [{ Resource: ['<unknown: whole>', 'arn:aws:s3:::b/*'], Condition: { Bool: { 'aws:SecureTransport': false } } }] };
    expect(wholeUnknownLeaves(known)).toBe(known);
  });
});
