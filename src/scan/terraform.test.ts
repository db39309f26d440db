import { describe, expect, it } from 'vitest';
import { scan } from './scan.js';

const FIXTURE = 'src/loaders/terraform/hcl/__fixtures__/plan-parity';

async function findings(paths: string[]): Promise<{ resources: number; where: string[] }> {
  const { report } = await scan(paths, { only: ['AWS-EC2-001', 'AWS-S3-006'] });
  return {
    resources: report.summary.resources,
    where: report.findings.map((f) => `${f.checkId} ${f.resource.address} ${f.location.file}:${f.location.startLine}`).sort(),
  };
}

describe('Terraform plan parity', () => {
  it('a plan alone points at the plan', async () => {
    const r = await findings([`${FIXTURE}/plan.json`]);
    expect(r.where.every((w) => w.includes('plan.json:'))).toBe(true);
    expect(r.where).toHaveLength(3);
  });

  it('a plan beside its source: the same findings, pointing at the .tf lines, each resource once', async () => {
    const alone = await findings([`${FIXTURE}/plan.json`]);
    const both = await findings([FIXTURE]);
    expect(both.resources).toBe(alone.resources);
    expect(both.where.map((w) => w.split(' ').slice(0, 2).join(' '))).toEqual(alone.where.map((w) => w.split(' ').slice(0, 2).join(' ')));
    expect(both.where).toEqual([
      `AWS-EC2-001 module.sg["admin"].aws_security_group.this ${FIXTURE}/modules/sg/main.tf:12`,
      `AWS-EC2-001 module.sg["api"].aws_security_group.this ${FIXTURE}/modules/sg/main.tf:12`,
      `AWS-S3-006 aws_s3_bucket.logs ${FIXTURE}/main.tf:1`,
    ]);
  });
});
