import { describe, expect, it } from 'vitest';
import { loadEstate } from '../load-estate.js';
import { buildNetworkService } from './network.js';

describe('network service over CLI exports', () => {
  it('links a folder of AWS exports into one network and finds what the internet reaches', async () => {
    const { estate, diagnostics } = await loadEstate(['src/loaders/aws-cli/__fixtures__/estate']);
    expect(diagnostics).toEqual([]);
    const net = buildNetworkService(estate);
    expect(net.diagnostics).toEqual([]);
    const rows = net.exposure().map((r) => `${net.display(r.interface)} ${r.protocol} ${r.ports.join(',')} ${r.from.join(',')}${r.except ? ` except ${r.except.join(',')}` : ''} ${r.verdict}`);
    expect(rows.sort()).toEqual([
      // The ACL's deny for 203.0.113.0/24 on port 22 shows as an exception.
      'eni-0rds tcp 3306 0.0.0.0/0 reachable',
      'i-0web tcp 22 0.0.0.0/0 except 203.0.113.0/24 reachable',
      'i-0web tcp 443 0.0.0.0/0 reachable',
    ].sort());
    // The instance handle stands for its interface; the database (private subnet, NAT route) is not reachable.
    const r = net.reach({ from: 'internet', to: { handle: 'i-0db' }, port: 3306, protocol: 'tcp' });
    expect('verdict' in r && r.verdict).toBe('blocked');
    const w = net.reach({ from: { handle: 'i-0web' }, to: { handle: 'i-0db' }, port: 5432, protocol: 'tcp' });
    expect('verdict' in w && w.verdict).toBe('reachable');
    // Rules point back at the export.
    const web = net.inboundOf('i-0web').find((x) => x.ports.includes('22'));
    expect(web?.ruleAt).toMatchObject({ file: 'src/loaders/aws-cli/__fixtures__/estate/security-groups.json', line: 7 });
    expect(net.interfacesOf('i-0web')).toEqual(['eni-0web']);
    // One rule, judged on each interface of its group: the database instance sits in a private subnet (no public
    // address, a NAT route), the RDS interface has a public address in a public subnet.
    const db = net.ruleReach({ kind: 'security-group', id: 'sg-0db', rule: 'ingress[1]' }, [{ protocol: 'tcp', ports: [[3306, 3306]] }]);
    expect(db.rows.map((x) => `${net.display(x.interface)} ${x.verdict} ${x.blockedBy.map((b) => b.kind).join('+')}`).sort()).toEqual([
      'eni-0rds reachable ', 'i-0db blocked public-ip+route-table',
    ]);
    expect(net.ruleReach({ kind: 'security-group', id: 'sg-0db', rule: 'ingress[1]' }, [{ protocol: 'tcp', ports: [[3306, 3306]] }])).toBe(db);
  });

  it('links Azure exports whose back-references use other casing', async () => {
    const { estate } = await loadEstate(['src/loaders/az-cli/__fixtures__/cli']);
    const net = buildNetworkService(estate);
    const rows = net.exposure().map((r) => `${net.display(r.interface)} ${r.protocol} ${r.ports.join(',')} ${r.verdict}`);
    // bad-both (both singular and plural source fields) is unknown, not a guess.
    expect(rows.sort()).toEqual([
      '/subscriptions/0000/resourceGroups/PROD-RG/providers/Microsoft.Compute/virtualMachines/web-vm tcp 22,443 reachable',
      '/subscriptions/0000/resourceGroups/PROD-RG/providers/Microsoft.Compute/virtualMachines/web-vm tcp 3389 unknown',
    ]);
    const r = net.reach({ from: { handle: 'web-vm' }, to: { handle: 'db-vm' }, port: 5432, protocol: 'tcp' });
    expect('verdict' in r && r.verdict).toBe('reachable');
    expect(net.directionMismatches().map((d) => d.rule)).toEqual(['deny-all-outbound']);
  });
});
