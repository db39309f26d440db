import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, lineOf } from '../__fixtures__/helpers.js';
import { loadTerraformProjects } from './load.js';
import { configAddress } from './locate.js';

describe('source locations for plan instances (plan JSON parity)', async () => {
  const dir = path.join(FIXTURES, 'aws-platform');
  const r = await loadTerraformProjects([dir], { cwd: dir, env: {} });
  const root = r.roots[0];

  it('strips instance keys to the shared block address', () => {
    expect(configAddress('module.buckets["a]b"].aws_s3_bucket.this[0]')).toBe('module.buckets.aws_s3_bucket.this');
    expect(configAddress('aws_instance.web')).toBe('aws_instance.web');
  });

  it('finds the resource block and argument positions of an instance address', () => {
    const loc = root?.locate('module.network.aws_security_group.web');
    const file = 'aws-platform/modules/network/main.tf';
    expect(loc?.block).toMatchObject({ file: 'modules/network/main.tf', line: lineOf(file, 'resource "aws_security_group" "web"') });
    expect(loc?.attribute(['ingress', 1, 'cidr_blocks'])?.line).toBe(lineOf(file, 'cidr_blocks = ["0.0.0.0/0"]'));
    expect(loc?.attribute(['description'])?.line).toBe(lineOf(file, 'description = "Web tier"'));
    // Unknown path: the deepest known part, here the block.
    expect(loc?.attribute(['no_such_argument'])).toEqual(loc?.block);
  });

  it('falls back to the block when the plan has instance keys the source could not know', () => {
    // The plan may list module.app[5] (more instances than the tfvars here give): same block, same lines.
    const loc = root?.locate('module.app[5].aws_instance.this');
    const file = 'aws-platform/modules/app/main.tf';
    expect(loc?.block.line).toBe(lineOf(file, 'resource "aws_instance" "this"'));
    expect(loc?.attribute(['metadata_options', 0, 'http_tokens'])?.line).toBe(lineOf(file, 'http_tokens   ='));
    expect(loc?.attribute(['root_block_device', '0', 'encrypted'])?.line).toBe(lineOf(file, 'encrypted   = true'));
    expect(root?.locate('aws_s3_bucket.nowhere')).toBeUndefined();
  });
});
