import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listNames } from '../../checks/kit/network-names.js';
import type { RuleRef } from '../../engines/network/index.js';
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

describe('naming the interfaces a rule may apply to', () => {
  /**
   * Interfaces whose groups or NSGs are not all known may use any group or NSG: every rule's finding names them
   * ("a, b, c and 7 more may use it"), minus those the group or NSG certainly applies to. The service names those
   * lists from the shared list of candidates; it must say exactly what naming each list in full says, duplicates (two
   * ipconfigs of one NIC, two interfaces of one instance) and left-out first occurrences included.
   */
  it('names each list as listing it in full would', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parapet-network-names-'));
    try {
      const ref = (id: string) => ({ Ref: id });
      const cfn: Record<string, unknown> = {
        Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
        Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: ref('Vpc'), CidrBlock: '10.0.1.0/24' } },
        Open: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'open', VpcId: ref('Vpc'), SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }] } },
        Other: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'other', VpcId: ref('Vpc'), SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }] } },
      };
      // Instances whose group lists hold a parameter (unknown) and sometimes the open group; one with two interfaces.
      for (let k = 0; k < 8; k++) {
        cfn[`Host${k}`] = {
          Type: 'AWS::EC2::Instance',
          Properties: { ImageId: 'ami-0abcdef1234567890', SubnetId: ref('Subnet'), SecurityGroupIds: k % 3 === 0 ? [ref('Open'), ref('Groups')] : [ref('Groups')] },
        };
      }
      for (const e of [0, 1]) {
        cfn[`TwinEni${e}`] = { Type: 'AWS::EC2::NetworkInterface', Properties: { SubnetId: ref('Subnet'), GroupSet: e === 0 ? [ref('Open'), ref('Groups')] : [ref('Groups')] } };
        cfn[`TwinAttach${e}`] = { Type: 'AWS::EC2::NetworkInterfaceAttachment', Properties: { InstanceId: ref('Twin'), NetworkInterfaceId: ref(`TwinEni${e}`), DeviceIndex: String(e) } };
      }
      cfn.Twin = { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-0abcdef1234567890', NetworkInterfaces: [{ DeviceIndex: '0', NetworkInterfaceId: ref('TwinEni0') }] } };
      writeFileSync(join(dir, 'aws.json'), JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Parameters: { Groups: { Type: 'List<AWS::EC2::SecurityGroup::Id>' } }, Resources: cfn }));
      // NICs in a subnet outside the inputs (its NSG unknown), some with their own NSG; one NIC with two ipconfigs.
      const nsgId = (n: number) => `[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-${n}')]`;
      const subnet = { id: "[resourceId('other-rg', 'Microsoft.Network/virtualNetworks/subnets', 'hub', 'app')]" };
      const resources: unknown[] = [0, 1, 2].map((n) => ({
        type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2023-09-01', name: `nsg-${n}`, location: 'westeurope',
        properties: { securityRules: [{ name: 'ssh', properties: { priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '22' } }] },
      }));
      for (let k = 0; k < 7; k++) {
        const ipConfigurations = (k === 0 ? ['a', 'b'] : ['ipconfig1']).map((name) => ({ name, properties: { subnet, privateIPAllocationMethod: 'Dynamic' } }));
        resources.push({
          type: 'Microsoft.Network/networkInterfaces', apiVersion: '2023-09-01', name: `nic-${k}`, location: 'westeurope',
          properties: { ipConfigurations, ...(k % 2 === 0 ? { networkSecurityGroup: { id: nsgId(k % 3) } } : {}) },
        });
      }
      writeFileSync(join(dir, 'azure.json'), JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources }));
      const { estate } = await loadEstate([dir], { cwd: dir });
      const net = buildNetworkService(estate);
      const refs: RuleRef[] = [
        ...estate.ofKind('aws.ec2.securityGroup').map((g): RuleRef => ({ kind: 'security-group', id: g.key, rule: 'ingress[0]' })),
        ...estate.ofKind('azure.network.nsg').map((n): RuleRef => ({ kind: 'nsg', id: n.key, rule: 'ssh' })),
      ];
      const lists = refs.map((r) => net.ruleReach(r, [{ protocol: 'tcp', ports: [[22, 22]] }]).maybeInterfaces);
      // Some lists leave candidates out, so the shortcut is exercised, and every one is named as in full.
      expect(lists.filter((l) => l.length > 0 && lists.some((o) => o.length > l.length)).length).toBeGreaterThan(1);
      for (const l of lists) expect(net.subjectList(l)).toBe(listNames(l.map((i) => net.subject(i))));
      expect(net.subjectList(lists[0] as readonly string[])).toMatch(/ and \d+ more$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
