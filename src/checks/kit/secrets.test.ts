import { describe, expect, it } from 'vitest';
import {
  decodeBase64Text, findAccessKeyId, hasPrivateKey, isReference, isSecretName, isWeakValue, looksHighEntropy, mask,
  nameWords, scanText, secretReason, shannonEntropy, urlPassword,
} from './secrets.js';

describe('nameWords', () => {
  it('splits camelCase, snake, kebab and acronyms', () => {
    expect(nameWords('dbMasterPassword')).toEqual(['db', 'master', 'password']);
    expect(nameWords('DB_MASTER_PASSWORD')).toEqual(['db', 'master', 'password']);
    expect(nameWords('db-master.password')).toEqual(['db', 'master', 'password']);
    expect(nameWords('APIKey')).toEqual(['api', 'key']);
    expect(nameWords('GitHubToken2')).toEqual(['git', 'hub', 'token2']);
  });
});

describe('isSecretName', () => {
  it.each([
    'DB_PASSWORD', 'dbPassword', 'MasterUserPassword', 'adminPass', 'API_KEY', 'apiKey', 'ApiKey', 'STRIPE_SECRET_KEY',
    'client_secret', 'AUTH_TOKEN', 'githubtoken', 'PRIVATE_KEY', 'aws_secret_access_key', 'ConnectionString',
    'SLACK_TOKEN', 'db_pwd', 'secret',
  ])('%s is secret-like', (n) => expect(isSecretName(n)).toBe(true));

  it.each([
    'DB_PASSWORD_SECRET_ARN', 'PasswordLength', 'SECRET_NAME', 'TOKEN_URL', 'API_KEY_ID', 'tokenizerModel', 'BucketName',
    'LOG_LEVEL', 'KmsKeyId', 'passwordPolicy', 'InstanceType', 'AWS_ACCESS_KEY_ID', 'keyName', 'SecretArn', 'NODE_ENV',
  ])('%s is not', (n) => expect(isSecretName(n)).toBe(false));
});

describe('isWeakValue', () => {
  it('knows passwords nobody writes for another reason, whatever the name', () => {
    for (const v of ['changeme', 'ChangeMe', 'password123', 'P@ssw0rd', 'hunter2']) expect(isWeakValue(v, false)).toBe(true);
  });
  it('treats ordinary words as weak only under a secret-like name', () => {
    expect(isWeakValue('admin', false)).toBe(false);
    expect(isWeakValue('master', false)).toBe(false);
    expect(isWeakValue('admin', true)).toBe(true);
    expect(isWeakValue('password')).toBe(true);
  });
  it('does not flag real-looking passwords', () => {
    expect(isWeakValue('k7#Vq9!xLm2$wR8p')).toBe(false);
  });
});

describe('access keys, private keys, URLs', () => {
  it('finds AKIA and ASIA key ids as whole tokens', () => {
    expect(findAccessKeyId('export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE')).toBe('AKIAIOSFODNN7EXAMPLE');
    expect(findAccessKeyId('ASIAY34FZKBOKMUTVV7A')).toBe('ASIAY34FZKBOKMUTVV7A');
    expect(findAccessKeyId('XAKIAIOSFODNN7EXAMPLE')).toBeUndefined();
    expect(findAccessKeyId('AKIAIOSFODNN7EXAMPL')).toBeUndefined();
    expect(findAccessKeyId('akiaiosfodnn7example')).toBeUndefined();
  });
  it('finds PEM private keys', () => {
    expect(hasPrivateKey('-----BEGIN RSA PRIVATE KEY-----\nMIIE')).toBe(true);
    expect(hasPrivateKey('-----BEGIN PRIVATE KEY-----')).toBe(true);
    expect(hasPrivateKey('-----BEGIN PUBLIC KEY-----')).toBe(false);
  });
  it('finds passwords embedded in URLs, not references', () => {
    expect(urlPassword('postgres://app:s3cr3t@db.internal:5432/app')).toBe('s3cr3t');
    expect(urlPassword('https://example.com/path')).toBeUndefined();
    expect(urlPassword('postgres://app:${DB_PASSWORD}@db:5432/app')).toBeUndefined();
  });
});

describe('entropy', () => {
  it('measures bits per character', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });
  it('flags generated secrets, not ids or words', () => {
    expect(looksHighEntropy('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBe(true);
    expect(looksHighEntropy('ami-0abcd1234ef567890')).toBe(false);
    expect(looksHighEntropy('this is a sentence with spaces')).toBe(false);
    expect(looksHighEntropy('short1!A')).toBe(false);
  });
});

describe('isReference', () => {
  it.each([
    '{{resolve:secretsmanager:prod/db:SecretString:password}}', 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db',
    '/prod/db/password', '${DB_PASSWORD}', '$DB_PASSWORD', '$(aws secretsmanager get-secret-value --secret-id db)',
  ])('%s refers to a secret elsewhere', (v) => expect(isReference(v)).toBe(true));
  it('a literal is not a reference', () => expect(isReference('hunter2')).toBe(false));
});

describe('secretReason', () => {
  it('says why a value is a secret', () => {
    expect(secretReason('DB_PASSWORD', 'changeme')).toBe('the well-known weak password `changeme`');
    expect(secretReason('ANYTHING', 'AKIAIOSFODNN7EXAMPLE')).toBe('an AWS access key id');
    expect(secretReason('DB_PASSWORD', 'Xk9#mQ2v!Lp8')).toBe('a literal value under a secret-like name');
    expect(secretReason('DATABASE_URL', 'mysql://app:s3cr3t@db/app')).toBe('a URL with an embedded password');
    expect(secretReason('SIGNING_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBe('a literal value under a secret-like name');
    expect(secretReason('HMAC', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBeUndefined();
    expect(secretReason('AUTH_SEED', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBe('a random-looking literal under a key-like name');
  });
  it('leaves references, empty values and ordinary settings alone', () => {
    expect(secretReason('DB_PASSWORD', '{{resolve:ssm-secure:/prod/db/password:1}}')).toBeUndefined();
    expect(secretReason('DB_PASSWORD', '')).toBeUndefined();
    expect(secretReason('DB_USER', 'admin')).toBeUndefined();
    expect(secretReason('LOG_LEVEL', 'debug')).toBeUndefined();
    expect(secretReason('DB_PASSWORD_SECRET_ARN', 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db')).toBeUndefined();
  });
});

describe('mask', () => {
  it('never prints a whole secret, except a well-known weak one', () => {
    expect(mask('Xk9#mQ2v!Lp8')).toBe('Xk9#…');
    expect(mask('abc')).toBe('****');
    expect(mask('changeme')).toBe('changeme');
  });
});

describe('scanText', () => {
  it('finds literal secrets in a user-data script, with their line', () => {
    const script = [
      '#!/bin/bash',
      'export DB_HOST=db.internal',
      'export DB_PASSWORD="Sup3rS3cret!"',
      'API_TOKEN=$(aws ssm get-parameter --name /app/token --with-decryption --query Parameter.Value --output text)',
      'aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE',
      'mysql --password=changeme -h db.internal',
      '# password: hunter2 in a comment is still skipped',
    ].join('\n');
    expect(scanText(script)).toEqual([
      { line: 3, name: 'DB_PASSWORD', reason: 'a literal value under a secret-like name' },
      { line: 5, name: 'access key', reason: 'an AWS access key id' },
      { line: 6, name: '--password', reason: 'the well-known weak password `changeme`' },
    ]);
  });
  it('finds cloud-init style keys', () => {
    expect(scanText('chpasswd:\n  list: |\n    root:x\npassword: hunter2\n')).toEqual([
      { line: 4, name: 'password', reason: 'the well-known weak password `hunter2`' },
    ]);
  });
  it('reads flags as words, not the dashes inside command names', () => {
    const script = [
      'DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id prod/orders/db --query SecretString --output text)',
      'API_TOKEN=$(aws ssm get-parameter --name /worker/api-token --with-decryption --query Parameter.Value --output text)',
      'app --token --verbose',
      'app --api-token=s3cr3t-t0k3n-v4lue',
    ].join('\n');
    expect(scanText(script)).toEqual([{ line: 4, name: '--api-token', reason: 'a literal value under a secret-like name' }]);
  });

  it('finds nothing in a clean script', () => {
    expect(scanText('#!/bin/bash\nyum install -y nginx\nsystemctl start nginx\n')).toEqual([]);
  });
});

describe('decodeBase64Text', () => {
  it('decodes base64 of text', () => {
    expect(decodeBase64Text(Buffer.from('#!/bin/bash\necho hi\n').toString('base64'))).toBe('#!/bin/bash\necho hi\n');
  });
  it('leaves plain text and binary alone', () => {
    expect(decodeBase64Text('#!/bin/bash\necho hi')).toBeUndefined();
    expect(decodeBase64Text(Buffer.from([0, 1, 2, 255, 254, 253]).toString('base64'))).toBeUndefined();
  });
});
