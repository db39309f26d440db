import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SecurityGroup } from '../../../../model/aws/ec2.js';
import { adaptTerraform } from '../../adapt/index.js';
import { loadTerraformPlan } from '../../plan/load-plan.js';
import { FIXTURES, lineOf } from '../__fixtures__/helpers.js';
import { loadTerraformSource } from '../source.js';
import { loadTerraformProjects } from './load.js';
import { remapToSource } from './remap.js';

// The same configuration as source (main.tf + modules/sg) and as `terraform show -json` output (plan.json).
const dir = path.join(FIXTURES, 'plan-parity');

describe('plan JSON parity', async () => {
  const plan = loadTerraformPlan('plan.json', readFileSync(path.join(dir, 'plan.json'), 'utf8'));
  const source = await loadTerraformProjects([dir], { cwd: dir, env: {} });
  const root = source.roots[0];
  if (!root) throw new Error('no root');

  it('the plan and the source have the same instance addresses', () => {
    expect(plan.instances.map((i) => i.address).sort()).toEqual(source.instances.map((i) => i.address).sort());
  });

  it('remapped plan instances point at the source block and argument lines', () => {
    const remapped = remapToSource(plan.instances, root);
    const sg = remapped.find((i) => i.address === 'module.sg["api"].aws_security_group.this');
    expect(sg?.at).toMatchObject({ file: 'modules/sg/main.tf', line: lineOf('plan-parity/modules/sg/main.tf', 'resource "aws_security_group"') });
    const ingress = sg?.values.fields.get('ingress');
    const first = ingress?.t === 'list' ? ingress.items[0] : undefined;
    const cidrs = first?.t === 'object' ? first.fields.get('cidr_blocks') : undefined;
    expect(cidrs?.at).toMatchObject({ file: 'modules/sg/main.tf', line: lineOf('plan-parity/modules/sg/main.tf', 'cidr_blocks') });
    // Arguments the plan has but the source does not write (provider defaults) point at the enclosing block.
    const desc = sg?.values.fields.get('description');
    expect(desc?.at).toEqual(sg?.at);
    // Values are the plan's.
    expect(desc?.t === 'string' ? desc.v : undefined).toBe('Managed by Terraform');
  });

  it('findings on the adapted plan carry source positions', () => {
    const adapted = adaptTerraform(remapToSource(plan.instances, root), plan.variables);
    const sg = adapted.resources.find((r): r is SecurityGroup => r.kind === 'aws.ec2.securityGroup' && r.native.address === 'module.sg["admin"].aws_security_group.this');
    const rule = sg?.ingress[0];
    expect(rule?.ipv4Ranges).toMatchObject({ known: true, value: ['0.0.0.0/0'] });
    expect(rule?.ipv4Ranges.at).toMatchObject({ file: 'modules/sg/main.tf', line: lineOf('plan-parity/modules/sg/main.tf', 'cidr_blocks') });
  });

  it('the source alone adapts to the same model resources', async () => {
    const src = await loadTerraformSource([dir], { cwd: dir, env: {} });
    const kinds = (rs: readonly { kind: string; native: { address: string } }[]) => rs.map((r) => `${r.kind} ${r.native.address}`).sort();
    const fromPlan = adaptTerraform(plan.instances, []);
    expect(kinds(src.resources)).toEqual(kinds(fromPlan.resources));
  });
});
