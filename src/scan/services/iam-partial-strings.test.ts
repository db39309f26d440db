import { describe, expect, it } from 'vitest';
import { loadCloudFormation } from '../../loaders/cloudformation/index.js';
import { ResourceGraph } from '../../model/core/index.js';
import type { Resource } from '../../model/index.js';
import { IamFacade } from './iam.js';

/**
 * Policies whose strings are partly known (`!Sub 'arn:aws:s3:::${Bucket}/*'` with the bucket's name unknown) reach
 * the IAM engine with their known text; an unknown part may be any text, so a decision that depends on it is
 * `unknown`. A placeholder must never be matched as literal text, which would let a Deny on the bucket match nothing
 * and answer "allowed".
 */
const TEMPLATE = `
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Data:
    Type: AWS::S3::Bucket
  Writer:
    Type: AWS::IAM::Role
    Properties:
      RoleName: writer
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: s3
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: s3:*
                Resource: "*"
              - Effect: Deny
                Action: s3:DeleteObject
                Resource: !Sub "arn:\${AWS::Partition}:s3:::\${Data}/*"
`;

describe('IAM service over partly known policy strings', () => {
  it('a Deny whose resource is partly known makes the answer unknown, never allowed', () => {
    const loaded = loadCloudFormation('t.yaml', TEMPLATE);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const iam = new IamFacade(new ResourceGraph<Resource>(loaded.resources));
    const [writer] = iam.findPrincipal('writer');
    expect(writer).toBeDefined();
    const a = iam.can(writer?.key ?? '', 's3:DeleteObject', 'arn:aws:s3:::some-bucket/report.csv');
    expect(a.decision).toBe('unknown');
    // Actions the Deny does not name are still decided.
    expect(iam.can(writer?.key ?? '', 's3:GetObject', 'arn:aws:s3:::some-bucket/report.csv').decision).toBe('allowed');
  });
});
