/**
 * The rule-level security group checks rank each open rule with the network engine: the severity and the message of
 * the finding, read through the real loaders from the checks' own examples.
 */
import { describe, expect, it } from 'vitest';
import { loadEstate } from '../../../scan/load-estate.js';
import { runChecks } from '../../../scan/run-checks.js';
import { buildServices } from '../../../scan/services.js';
import type { AnyCheck } from '../../kit/types.js';
import adminPorts from './ec2-sg-admin-ports.js';
import allPorts from './ec2-sg-all-ports.js';
import databasePorts from './ec2-sg-database-ports.js';
import egress from './ec2-sg-egress.js';

interface Seen {
  readonly severity: string;
  readonly message: string;
  readonly evidence: readonly string[];
}

/** Failures by resource name, with or without the network service. */
async function findings(check: AnyCheck, example: string, withNetwork = true): Promise<Record<string, Seen>> {
  const { estate, diagnostics } = await loadEstate([`src/checks/aws/ec2/${example}`]);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const services = buildServices(estate);
  const run = runChecks([check], estate, withNetwork ? services : { ...services, network: undefined });
  const out: Record<string, Seen> = {};
  for (const r of run.results) {
    if (r.outcome.status !== 'fail') continue;
    out[r.subject.name] = { severity: r.outcome.severity ?? check.severity, message: r.outcome.message, evidence: r.outcome.evidence ?? [] };
  }
  return out;
}

describe('AWS-EC2-001 SSH and RDP from the internet, ranked by reachability', () => {
  it('high where the rule reaches an instance, with the path as evidence', async () => {
    const f = await findings(adminPorts, 'ec2-sg-admin-ports.examples/bad-reachable.cfn.yaml');
    expect(Object.keys(f)).toEqual(['badOpenSsh']);
    expect(f.badOpenSsh?.severity).toBe('high');
    expect(f.badOpenSsh?.message).toContain('and it reaches instance `Bastion` from the internet');
    expect(f.badOpenSsh?.evidence.join('\n')).toContain('route table `PublicRoutes` (0.0.0.0/0 → Igw)');
  });

  it('low where nothing it protects is reachable, saying what blocks it', async () => {
    const f = await findings(adminPorts, 'ec2-sg-admin-ports.examples/bad-no-path.cfn.yaml');
    expect(Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.severity]))).toEqual({ badPrivateSsh: 'low', badAclBlockedRdp: 'low', badUnusedSsh: 'low' });
    expect(f.badPrivateSsh?.message).toContain('but no internet path reaches what it protects — instance `Build`: no public or Elastic IP address; route table `Vpc main route table`: no route to the internet');
    expect(f.badAclBlockedRdp?.message).toContain('network ACL `JumpSubnetAcl` (inbound #90) denies it');
    expect(f.badUnusedSsh?.message).toContain('attached to nothing in the inputs');
  });

  it('without the network service, every open rule is reported at the check\'s severity', async () => {
    const f = await findings(adminPorts, 'ec2-sg-admin-ports.examples/bad-no-path.cfn.yaml', false);
    expect(Object.values(f).map((x) => x.severity)).toEqual(['high', 'high', 'high']);
  });
});

describe('AWS-EC2-002 every port from the internet', () => {
  it('critical where every port arrives', async () => {
    const f = await findings(allPorts, 'ec2-sg-all-ports.examples/bad-reachable.cfn.yaml');
    expect(f.badAllOpen?.severity).toBe('critical');
    expect(f.badAllOpen?.message).toContain('reaches instance `WideOpen` from the internet');
  });

  it('high where the network ACL lets only some ports through, naming them', async () => {
    const f = await findings(allPorts, 'ec2-sg-all-ports.examples/bad-narrowed.cfn.yaml');
    expect(f.badNarrowedAllOpen?.severity).toBe('high');
    expect(f.badNarrowedAllOpen?.message).toContain('(only tcp 443 get through)');
  });

  it('low on an instance without a path', async () => {
    const f = await findings(allPorts, 'ec2-sg-all-ports.examples/bad-no-path.cfn.yaml');
    expect(f.badPrivateAllOpen?.severity).toBe('low');
    expect(f.badPrivateAllOpen?.message).toContain('instance `Worker`: no public or Elastic IP address');
  });

  it('a rule opening every port is reported once, here, not again by AWS-EC2-001 and AWS-EC2-003', async () => {
    expect(await findings(adminPorts, 'ec2-sg-all-ports.examples/bad-reachable.cfn.yaml')).toEqual({});
    expect(await findings(databasePorts, 'ec2-sg-all-ports.examples/bad-reachable.cfn.yaml')).toEqual({});
  });
});

describe('AWS-EC2-003 databases from the internet', () => {
  it('high on a reachable instance, low on one in a private subnet', async () => {
    expect((await findings(databasePorts, 'ec2-sg-database-ports.examples/bad-reachable.cfn.yaml')).badOpenDb?.severity).toBe('high');
    const f = await findings(databasePorts, 'ec2-sg-database-ports.examples/bad-no-path.cfn.yaml');
    expect(f.badPrivateDb?.severity).toBe('low');
    expect(f.badPrivateDb?.message).toContain('instance `Database`: no public or Elastic IP address');
  });

  // https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html (PubliclyAccessible): a
  // database that is not publicly accessible has only a private address.
  it('RDS: high for a publicly accessible database, low for a private one', async () => {
    const f = await findings(databasePorts, 'ec2-sg-database-ports.examples/bad-rds.cfn.yaml');
    expect(f.badPublicRds?.severity).toBe('high');
    expect(f.badPublicRds?.message).toContain('it protects RDS instance `PublicDatabase`, which is publicly accessible');
    expect(f.badPrivateRds?.severity).toBe('low');
    expect(f.badPrivateRds?.message).toContain('RDS instance `PrivateDatabase`: not publicly accessible');
  });
});

describe('AWS-EC2-004 all egress', () => {
  it('medium where an instance using the group has a way out', async () => {
    const f = await findings(egress, 'ec2-sg-egress.examples/bad-reachable.cfn.yaml');
    expect(f.badDefaultEgress?.severity).toBe('medium');
    expect(f.badDefaultEgress?.message).toContain('and it lets instance `Chatty` reach the internet');
  });

  it('low where none has one', async () => {
    const f = await findings(egress, 'ec2-sg-egress.examples/bad-no-path.cfn.yaml');
    expect(f.badIsolatedEgress?.severity).toBe('low');
    expect(f.badIsolatedEgress?.message).toContain('but nothing it applies to can reach the internet — instance `Batch`: route table `Vpc main route table`: no route to the internet');
  });
});
