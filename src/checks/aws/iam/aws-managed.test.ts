/**
 * AWS managed policies judged from their documents (data/aws/managed-policies.json, read through the IAM service).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-iam-awsmanpol.html (AmazonS3FullAccess: full S3 access)
 */
import { describe, expect, it } from 'vitest';
import { createContext } from '../../kit/context.js';
import type { CheckContext } from '../../kit/types.js';
import type { Resource } from '../../../model/index.js';
import { ResourceGraph } from '../../../model/index.js';
import { buildIamService } from '../../../scan/services/iam.js';
import { context, outcomes, role, statuses } from '../__fixtures__/model.js';
import allowNotAction from './iam-allow-not-action.js';
import serviceWildcard from './iam-service-wildcard.js';

function withEngine(...resources: Resource[]): CheckContext {
  const graph = new ResourceGraph<Resource>(resources);
  return createContext(graph, { iam: buildIamService(graph) });
}

describe('AWS managed policies read from their documents', () => {
  it('reports AmazonS3FullAccess on the role that attaches it, at the attaching line', () => {
    const r = role('uploader', { managed: ['arn:aws:iam::aws:policy/AmazonS3FullAccess'] });
    const [o] = outcomes(serviceWildcard.evaluate(r, withEngine(r)));
    expect(o?.status).toBe('fail');
    expect(o && 'message' in o ? o.message : '').toBe('role `uploader` attaches the AWS managed policy `AmazonS3FullAccess`, which allows `s3:*` and `s3-object-lambda:*` on every resource; list the actions the principal needs and scope the resources');
    expect(o && o.status === 'fail' ? o.at.line : 0).toBe(30);
  });

  it('passes policies that list their actions, and keeps the table without the IAM service', () => {
    const reader = role('reader', { managed: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', 'arn:aws:iam::aws:policy/ReadOnlyAccess'] });
    expect(statuses(serviceWildcard.evaluate(reader, withEngine(reader)))).toEqual(['pass']);
    const s3 = role('uploader', { managed: ['arn:aws:iam::aws:policy/AmazonS3FullAccess'] });
    expect(statuses(serviceWildcard.evaluate(s3, context(s3)))).toEqual(['pass']);
    const iamFull = role('iam-admin', { managed: ['arn:aws:iam::aws:policy/IAMFullAccess'] });
    expect(statuses(serviceWildcard.evaluate(iamFull, context(iamFull)))).toEqual(['fail']);
    expect(statuses(serviceWildcard.evaluate(iamFull, withEngine(iamFull)))).toEqual(['fail']);
  });

  it('reads PowerUserAccess for NotAction from its document', () => {
    const r = role('power', { managed: ['arn:aws:iam::aws:policy/PowerUserAccess'] });
    const [o] = outcomes(allowNotAction.evaluate(r, withEngine(r)));
    expect(o && 'message' in o ? o.message : '').toContain('attaches the AWS managed policy `PowerUserAccess`, which allows every action except `iam:*`, `organizations:*` and `account:*`');
  });
});
