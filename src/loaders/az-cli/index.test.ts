import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Attr } from '../../model/core/index.js';
import type { AzureSubnet, NetworkInterfaceCard, NetworkSecurityGroup, PublicIpAddress, VirtualMachine } from '../../model/index.js';
import { isAzCliNetworkExport, loadAzCliNetworkExport } from './index.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__');
const load = (name: string) => loadAzCliNetworkExport(name, readFileSync(join(dir, name), 'utf8'));
const val = <T>(a: Attr<T>): T | undefined => (a.known ? a.value : undefined);

describe('Azure CLI network exports', () => {
  it('recognises CLI lists and REST `value` lists by entry type', () => {
    for (const f of ['cli/nsgs.json', 'cli/nics.json', 'cli/vnets.json', 'cli/public-ips.json', 'cli/asgs.json', 'cli/vms.json', 'rest/nsgs-rest.json']) {
      expect(isAzCliNetworkExport(JSON.parse(readFileSync(join(dir, f), 'utf8'))), f).toBe(true);
    }
    expect(isAzCliNetworkExport([{ type: 'Microsoft.Authorization/roleAssignments' }])).toBe(false);
    expect(isAzCliNetworkExport([])).toBe(false);
    expect(isAzCliNetworkExport({ value: [{ type: 'Microsoft.Network/networkSecurityGroups' }], other: 1 })).toBe(false);
  });

  it('reads custom NSG rules (not the default ones) and flags singular-and-plural fields', () => {
    const r = load('cli/nsgs.json');
    const nsg = r.resources[0] as NetworkSecurityGroup;
    expect(nsg.key).toBe('/subscriptions/0000/resourcegroups/prod-rg/providers/microsoft.network/networksecuritygroups/prod-nsg');
    expect(nsg.rules.map((x) => val(x.name))).toEqual(['allow-https', 'allow-ssh', 'deny-all-outbound', 'allow-web-to-db', 'bad-both']);
    expect(val(nsg.rules[0]!.sourcePrefixes)).toEqual(['Internet']);
    expect(nsg.rules[3]!.sourceAsgs.map(val)).toEqual(['/subscriptions/0000/resourceGroups/prod-rg/providers/Microsoft.Network/applicationSecurityGroups/web-tier-asg']);
    expect(nsg.rules[4]!.sourcePrefixes.known).toBe(false);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'invalid-value', severity: 'error', file: 'cli/nsgs.json' });
    expect(r.diagnostics[0]!.message).toContain('sourceAddressPrefixes');
  });

  it('reads the REST shape with properties', () => {
    const nsg = load('rest/nsgs-rest.json').resources[0] as NetworkSecurityGroup;
    expect(val(nsg.rules[0]!.priority)).toBe(130);
    expect(val(nsg.rules[0]!.destinationPorts)).toEqual(['80']);
  });

  it('reads vnets with their subnets, NICs with ipconfigs, public IPs and VMs', () => {
    const v = load('cli/vnets.json').resources;
    expect(v.map((r) => r.kind)).toEqual(['azure.network.vnet', 'azure.network.subnet', 'azure.network.subnet']);
    const web = v[1] as AzureSubnet;
    expect(web.nsg && val(web.nsg)).toContain('prod-nsg');
    expect((v[2] as AzureSubnet).defaultOutboundAccess && val((v[2] as AzureSubnet).defaultOutboundAccess!)).toBe(false);
    const nic = load('cli/nics.json').resources[0] as NetworkInterfaceCard;
    expect(nic.nsg).toBeNull();
    expect(val(nic.ipConfigurations[0]!.privateIp)).toBe('10.0.1.4');
    expect(nic.ipConfigurations[0]!.publicIp && val(nic.ipConfigurations[0]!.publicIp)).toContain('WEB-VM-PIP');
    const pip = load('cli/public-ips.json').resources[0] as PublicIpAddress;
    expect([val(pip.sku), val(pip.ipAddress)]).toEqual(['Standard', '20.50.60.70']);
    const vm = load('cli/vms.json').resources[0] as VirtualMachine;
    expect(val(vm.passwordAuthentication)).toBe(false);
    expect(vm.networkInterfaces.map(val)).toHaveLength(1);
  });
});
