/**
 * The rule-level NSG checks rank each open rule with the network engine: the severity and the message of the finding,
 * read through the real loaders from the checks' own examples.
 */
import { describe, expect, it } from 'vitest';
import { loadEstate } from '../../../scan/load-estate.js';
import { runChecks } from '../../../scan/run-checks.js';
import { buildServices } from '../../../scan/services.js';
import type { AnyCheck } from '../../kit/types.js';
import adminPorts from './nsg-admin-ports.js';
import allPorts from './nsg-all-ports.js';
import databasePorts from './nsg-database-ports.js';
import outbound from './nsg-outbound-internet.js';

interface Seen {
  readonly severity: string;
  readonly message: string;
  readonly evidence: readonly string[];
}

/** Failures by NSG name (one per rule, so `name rule` where an NSG has several), with or without the network service. */
async function findings(check: AnyCheck, example: string, withNetwork = true): Promise<Record<string, Seen>> {
  const { estate, diagnostics } = await loadEstate([`src/checks/azure/network/${example}`]);
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

const severities = (f: Record<string, Seen>) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.severity]));

describe('AZURE-NET-001 SSH, RDP and WinRM from the internet, ranked by reachability', () => {
  // https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-addresses#sku: a Standard public IP is open
  // where an NSG allows the traffic.
  it('high where the rule reaches a NIC through its Standard public IP, with the path as evidence', async () => {
    const f = await findings(adminPorts, 'nsg-admin-ports.examples/bad-reachable.arm.json');
    expect(severities(f)).toEqual({ 'bad-open-ssh': 'high' });
    expect(f['bad-open-ssh']?.message).toContain('and it reaches NIC `bad-vm-nic` from the internet');
    expect(f['bad-open-ssh']?.evidence).toEqual(['NIC `bad-vm-nic` tcp 22 from 0.0.0.0/0: public IP → no NSG on the subnet → NSG `bad-open-ssh` (allow-ssh)']);
  });

  // https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works: inbound traffic passes the
  // subnet's NSG, then the NIC's; either denying stops it.
  it('low where nothing it protects is reachable, saying what blocks it', async () => {
    const f = await findings(adminPorts, 'nsg-admin-ports.examples/bad-no-path.arm.json');
    expect(severities(f)).toEqual({ 'bad-internal-ssh-nsg': 'low', 'bad-blocked-rdp-nsg': 'low', 'bad-orphan-ssh-nsg': 'low' });
    expect(f['bad-internal-ssh-nsg']?.message).toContain('NIC `app-nic`: no public IP address on the ipconfig');
    expect(f['bad-blocked-rdp-nsg']?.message).toContain('NIC `jump-nic`: NSG `locked-subnet-nsg` (DenyAllInBound) denies it');
    expect(f['bad-orphan-ssh-nsg']?.message).toContain('the NSG is attached to nothing in the inputs');
  });

  it('without the network service, every open rule is reported at the check\'s severity', async () => {
    const f = await findings(adminPorts, 'nsg-admin-ports.examples/bad-no-path.arm.json', false);
    expect(Object.values(f).map((x) => x.severity)).toEqual(['high', 'high', 'high']);
  });
});

describe('AZURE-NET-002 every port from the internet', () => {
  it('high where the subnet NSG lets only some ports through, low without a public IP', async () => {
    const narrowed = await findings(allPorts, 'nsg-all-ports.examples/bad-narrowed.arm.json');
    expect(severities(narrowed)).toEqual({ 'bad-nic-open-nsg': 'high' });
    expect(narrowed['bad-nic-open-nsg']?.message).toContain('(only tcp 443 get through)');
    const none = await findings(allPorts, 'nsg-all-ports.examples/bad-no-path.arm.json');
    expect(severities(none)).toEqual({ 'bad-internal-open-nsg': 'low' });
  });

  it('a rule opening every port is reported once, here, not again by AZURE-NET-001 and AZURE-NET-003', async () => {
    expect(await findings(adminPorts, 'nsg-all-ports.examples/bad-narrowed.arm.json')).toEqual({});
    expect(await findings(databasePorts, 'nsg-all-ports.examples/bad-narrowed.arm.json')).toEqual({});
  });
});

describe('AZURE-NET-003 databases from the internet', () => {
  it('high on a reachable NIC, low on one without a public IP', async () => {
    expect(severities(await findings(databasePorts, 'nsg-database-ports.examples/bad-reachable.arm.json'))).toEqual({ 'bad-open-sql': 'high' });
    const f = await findings(databasePorts, 'nsg-database-ports.examples/bad-no-path.arm.json');
    expect(severities(f)).toEqual({ 'bad-private-mysql-nsg': 'low' });
    expect(f['bad-private-mysql-nsg']?.message).toContain('NIC `db-nic`: no public IP address on the ipconfig');
  });
});

describe('AZURE-NET-004 AllowInternetOutBound in force', () => {
  it('medium where a NIC it applies to reaches the internet through it', async () => {
    const f = await findings(outbound, 'nsg-outbound-internet.examples/bad-reachable.arm.json');
    expect(severities(f)).toEqual({ 'bad-web-nsg': 'medium' });
    expect(f['bad-web-nsg']?.message).toContain('and it lets NIC `bad-chatty-nic` reach the internet');
  });

  it('low where the subnet NSG denies outbound internet traffic', async () => {
    const f = await findings(outbound, 'nsg-outbound-internet.examples/bad-no-path.arm.json');
    expect(severities(f)).toEqual({ 'bad-nic-egress-nsg': 'low' });
    expect(f['bad-nic-egress-nsg']?.message).toContain('NIC `web-nic`: NSG `locked-subnet-nsg` (deny-internet-outbound) denies it');
  });
});
