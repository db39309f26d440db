import { describe, expect, it } from 'vitest';
import { loadCloudFormation } from './index.js';
import { byId, val, why } from './test-helpers.js';

/**
 * Secrets fetched at deployment through dynamic references are not written into the template, even when the
 * reference itself holds a value known only after deployment (the secret's ARN).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html
 */
const text = `
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Password: { Type: String, NoEcho: true, Default: hunter2 }
Resources:
  DbSecret:
    Type: AWS::SecretsManager::Secret
    Properties:
      GenerateSecretString: { SecretStringTemplate: '{"username": "app"}', GenerateStringKey: password }
  FromSub:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MasterUserPassword: !Sub "{{resolve:secretsmanager:\${DbSecret}::password}}"
  FromJoin:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MasterUserPassword: !Join ["", ["{{resolve:secretsmanager:", !Ref DbSecret, ":SecretString:password}}"]]
  FromLiteral:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MasterUserPassword: "{{resolve:ssm-secure:/prod/db/password:3}}"
  FromParameter:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MasterUserPassword: !Ref Password
  FromImport:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MasterUserPassword: !ImportValue shared-db-password
  Literal:
    Type: AWS::SecretsManager::Secret
    Properties:
      SecretString: !Sub '{"username": "app", "password": "\${Password}"}'
`;
const r = { ...loadCloudFormation('dyn.yaml', text), file: 'dyn.yaml' };

describe('dynamic references', () => {
  it('a password fetched at deployment is not a written password, however the reference is built', () => {
    expect(r.diagnostics).toEqual([]);
    for (const id of ['FromSub', 'FromJoin', 'FromLiteral']) {
      expect(byId(r, 'aws.rds.instance', id).masterPassword, id).toMatchObject({ known: true, value: null });
    }
  });

  it('a parameter default is written into the template; an import is unknown', () => {
    expect(val(byId(r, 'aws.rds.instance', 'FromParameter').masterPassword)).toBe('hunter2');
    expect(why(byId(r, 'aws.rds.instance', 'FromImport').masterPassword)).toBe('`!ImportValue shared-db-password` is exported by another stack');
    expect(val(byId(r, 'aws.secretsmanager.secret', 'Literal').secretString)).toBe('{"username": "app", "password": "hunter2"}');
    expect(val(byId(r, 'aws.secretsmanager.secret', 'DbSecret').secretString)).toBeNull();
  });
});
