// Network engine benchmark: a seeded estate of 2,000 interfaces (1,000 AWS ENIs, 1,000 Azure NICs), 500 security
// groups / NSGs (250 each) and 20,000 rules (40 per group), with subnets, route tables, network ACLs, ASGs and public
// addresses. Prints compile time, the time of a full exposure analysis, of 10,000 reach queries (total and average),
// of ruleReach over every rule open to the whole internet (what the rule-level checks ask during a scan), and peak
// memory. Figures only; nothing is asserted.
//
//   npx tsx bench/network/run.ts [queries=10000] [seed=7]
import { NetworkEngine } from '../../src/engines/network/index.js';
import type {
  AwsInterface, AwsNaclEntry, AwsSecurityGroup, AwsSgRule, AzureNic, AzureNsg, AzureNsgRule, Endpoint, NetworkInput, ReachQuery,
  RuleRef, TrafficFocus,
} from '../../src/engines/network/index.js';

const QUERIES = Number(process.argv[2] ?? 10_000);
const SEED = Number(process.argv[3] ?? 7);

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(SEED);
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const PORTS = [22, 80, 443, 3389, 5985, 5986, 3306, 5432, 1433, 6379, 8080, 8443, 9200, 27017, 53, 123];

const GROUPS = 250;
const RULES = 40;
const IFACES = 1000;
const VPCS = 10;
const SUBNETS_PER_VPC = 10;

/** A source for a rule: mostly private ranges, some public ranges, a few "anywhere". */
function source(): string {
  const r = rnd();
  if (r < 0.04) return '0.0.0.0/0';
  if (r < 0.14) {
    // A public network of random size, written without host bits.
    const len = pick([16, 20, 24, 28, 32]);
    const size = 2 ** (32 - len);
    const addr = Math.floor((int(1, 223) * 2 ** 24 + int(0, 2 ** 24 - 1)) / size) * size;
    return `${Math.floor(addr / 2 ** 24)}.${Math.floor(addr / 65536) % 256}.${Math.floor(addr / 256) % 256}.${addr % 256}/${len}`;
  }
  return `10.${int(0, VPCS - 1)}.${int(0, 255)}.0/24`;
}

function portRange(): [number, number] {
  if (rnd() < 0.8) {
    const p = pick(PORTS);
    return [p, p];
  }
  const lo = int(1024, 60000);
  return [lo, lo + int(0, 2000)];
}

// ── AWS half ───────────────────────────────────────────────────────────────────────────────────────────────────────
function aws(): NetworkInput['aws'] {
  const vpcs = Array.from({ length: VPCS }, (_, v) => ({ id: `vpc-${v}`, cidrs: [`10.${v}.0.0/16`] }));
  const subnets = vpcs.flatMap((vpc, v) => Array.from({ length: SUBNETS_PER_VPC }, (_, s) => ({ id: `subnet-${v}-${s}`, vpcId: vpc.id, cidrs: [`10.${v}.${s}.0/24`] })));
  const igws = vpcs.map((vpc, v) => ({ id: `igw-${v}`, vpcId: vpc.id }));
  const routeTables = vpcs.flatMap((vpc, v) => [
    { id: `rtb-main-${v}`, vpcId: vpc.id, isMain: true, subnetIds: [], routes: [{ destination: `10.${v}.0.0/16`, targetType: 'local' as const, targetId: 'local' }] },
    {
      id: `rtb-pub-${v}`, vpcId: vpc.id, isMain: false, subnetIds: Array.from({ length: SUBNETS_PER_VPC / 2 }, (_, s) => `subnet-${v}-${s}`),
      routes: [
        { destination: `10.${v}.0.0/16`, targetType: 'local' as const, targetId: 'local' },
        { destination: '0.0.0.0/0', targetType: 'internetGateway' as const, targetId: `igw-${v}` },
        { destination: `${int(100, 200)}.${int(0, 255)}.0.0/16`, targetType: 'transitGateway' as const, targetId: 'tgw-1' },
      ],
    },
  ]);
  const entries = (egress: boolean): AwsNaclEntry[] => [
    ...Array.from({ length: 8 }, (_, i): AwsNaclEntry => {
      const [lo, hi] = portRange();
      return { ruleNumber: 10 + i * 10, egress, protocol: '6', action: rnd() < 0.3 ? 'deny' : 'allow', cidr: source(), fromPort: lo, toPort: hi };
    }),
    { ruleNumber: 1000, egress, protocol: '-1', action: 'allow', cidr: '0.0.0.0/0' },
  ];
  const networkAcls = vpcs.map((vpc, v) => ({
    id: `acl-${v}`, vpcId: vpc.id, isDefault: true, subnetIds: Array.from({ length: SUBNETS_PER_VPC }, (_, s) => `subnet-${v}-${s}`),
    entries: [...entries(false), ...entries(true)],
  }));
  const securityGroups: AwsSecurityGroup[] = Array.from({ length: GROUPS }, (_, g) => {
    const ingress: AwsSgRule[] = Array.from({ length: RULES - 2 }, () => {
      const [lo, hi] = portRange();
      return rnd() < 0.15
        ? { protocol: 'tcp', fromPort: lo, toPort: hi, groupIds: [`sg-${int(0, GROUPS - 1)}`] }
        : { protocol: rnd() < 0.9 ? 'tcp' : 'udp', fromPort: lo, toPort: hi, cidrs: [source()] };
    });
    return { id: `sg-${g}`, vpcId: `vpc-${g % VPCS}`, ingress, egress: [{ protocol: '-1', cidrs: ['0.0.0.0/0'] }, { protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: [source()] }] };
  });
  const interfaces: AwsInterface[] = Array.from({ length: IFACES }, (_, i) => {
    const v = i % VPCS;
    const s = int(0, SUBNETS_PER_VPC - 1);
    const pub = rnd() < 0.4;
    const sgs = Array.from({ length: int(1, 3) }, () => `sg-${v + VPCS * int(0, GROUPS / VPCS - 1)}`);
    return {
      id: `eni-${i}`, aliases: [`i-${i}`], subnetId: `subnet-${v}-${s}`, privateIps: [`10.${v}.${s}.${10 + Math.floor(i / VPCS)}`],
      hasPublicIp: pub, publicIps: pub ? [`54.${Math.floor(i / 256)}.${i % 256}.1`] : [], securityGroupIds: [...new Set(sgs)],
    };
  });
  return { vpcs, subnets, internetGateways: igws, routeTables, networkAcls, securityGroups, interfaces };
}

// ── Azure half ─────────────────────────────────────────────────────────────────────────────────────────────────────
function azure(): NetworkInput['azure'] {
  const P = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network';
  const vnets = Array.from({ length: VPCS }, (_, v) => ({ id: `${P}/virtualNetworks/vnet-${v}`, addressSpace: [`10.${100 + v}.0.0/16`] }));
  const asgs = Array.from({ length: 50 }, (_, a) => ({ id: `${P}/applicationSecurityGroups/asg-${a}`, name: `asg-${a}` }));
  const nsgs: AzureNsg[] = Array.from({ length: GROUPS }, (_, n) => {
    const rules: AzureNsgRule[] = Array.from({ length: RULES }, (_, i) => {
      const [lo, hi] = portRange();
      const base = {
        name: `rule-${i}`, priority: 100 + i * 10, direction: i % 4 === 3 ? 'Outbound' : 'Inbound', access: rnd() < 0.25 ? 'Deny' : 'Allow',
        protocol: pick(['Tcp', 'Tcp', 'Tcp', 'Udp', '*']), sourcePortRange: '*', destinationPortRange: lo === hi ? String(lo) : `${lo}-${hi}`,
      };
      const r = rnd();
      if (r < 0.1) return { ...base, sourceAsgIds: [pick(asgs).id], destinationAddressPrefix: '*' };
      if (r < 0.2) return { ...base, sourceAddressPrefix: pick(['Internet', 'VirtualNetwork', 'AzureLoadBalancer', '*']), destinationAddressPrefix: '*' };
      if (r < 0.3) return { ...base, sourceAddressPrefixes: [source(), source(), source()], destinationAddressPrefix: '*' };
      return { ...base, sourceAddressPrefix: source().replace(/^10\.(\d+)\./, (_m, x: string) => `10.${100 + (Number(x) % VPCS)}.`), destinationAddressPrefix: '*' };
    });
    return { id: `${P}/networkSecurityGroups/nsg-${n}`, name: `nsg-${n}`, rules };
  });
  const subnets = vnets.flatMap((vn, v) => Array.from({ length: SUBNETS_PER_VPC }, (_, s) => ({
    id: `${vn.id}/subnets/s-${s}`, vnetId: vn.id, prefixes: [`10.${100 + v}.${s}.0/24`], nsgId: rnd() < 0.5 ? pick(nsgs).id : null,
  })));
  const publicIps = Array.from({ length: IFACES }, (_, i) => ({ id: `${P}/publicIPAddresses/pip-${i}`, sku: rnd() < 0.7 ? 'Standard' : 'Basic', address: `20.${Math.floor(i / 256)}.${i % 256}.1` }));
  const nics: AzureNic[] = Array.from({ length: IFACES }, (_, i) => {
    const v = i % VPCS;
    const s = int(0, SUBNETS_PER_VPC - 1);
    return {
      id: `${P}/networkInterfaces/nic-${i}`, name: `nic-${i}`, aliases: [`vm-${i}`], nsgId: rnd() < 0.6 ? pick(nsgs).id : null,
      ipConfigs: [{
        subnetId: `${vnets[v]!.id}/subnets/s-${s}`, privateIp: `10.${100 + v}.${s}.${10 + Math.floor(i / VPCS)}`,
        publicIpId: rnd() < 0.4 ? publicIps[i]!.id : null, asgIds: rnd() < 0.3 ? [pick(asgs).id] : [],
      }],
    };
  });
  return { vnets, subnets, nsgs, asgs, publicIps, nics };
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

const gc = (globalThis as { gc?: () => void }).gc;
let peakRss = process.memoryUsage().rss;
let peakHeap = process.memoryUsage().heapUsed;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};
const timer = setInterval(sample, 5);

const input: NetworkInput = { aws: aws(), azure: azure() };
const ruleCount = (input.aws?.securityGroups ?? []).reduce((n, g) => n + g.ingress.length + g.egress.length, 0)
  + (input.azure?.nsgs ?? []).reduce((n, g) => n + g.rules.length, 0);
console.log(`estate: ${(input.aws?.interfaces?.length ?? 0) + (input.azure?.nics?.length ?? 0)} interfaces, `
  + `${(input.aws?.securityGroups?.length ?? 0) + (input.azure?.nsgs?.length ?? 0)} security groups / NSGs, ${ruleCount} rules`);
gc?.();

let t = performance.now();
let c0 = process.cpuUsage();
const engine = NetworkEngine.compile(input);
const compileMs = performance.now() - t;
let c = process.cpuUsage(c0);
sample();
console.log(`compile:          ${compileMs.toFixed(1)} ms (CPU ${((c.user + c.system) / 1000).toFixed(1)} ms; ${engine.diagnostics.length} diagnostics)`);

t = performance.now();
c0 = process.cpuUsage();
const rows = engine.exposure();
const exposureMs = performance.now() - t;
c = process.cpuUsage(c0);
sample();
const exposed = new Set(rows.map((r) => r.interface)).size;
console.log(`full exposure:    ${exposureMs.toFixed(1)} ms (CPU ${((c.user + c.system) / 1000).toFixed(1)} ms; ${rows.length} rows, ${exposed} interfaces reachable or possibly reachable)`);

t = performance.now();
const again = engine.exposure();
console.log(`exposure again:   ${(performance.now() - t).toFixed(1)} ms (memoised regions; ${again.length} rows)`);

// Queries: a mix of internet → interface, interface → interface (same network), interface → internet.
const handles = [...(input.aws?.interfaces ?? []).map((n) => n.aliases?.[0] ?? n.id), ...(input.azure?.nics ?? []).map((n) => n.aliases?.[0] ?? n.id)];
const queries: ReachQuery[] = Array.from({ length: QUERIES }, (_, i) => {
  const kind = i % 3;
  const port = pick(PORTS);
  const a: Endpoint = { handle: pick(handles) };
  const sameCloud = handles.filter((h) => h[0] === (a as { handle: string }).handle[0]);
  const b: Endpoint = { handle: pick(sameCloud) };
  if (kind === 0) return { from: 'internet', to: a, port, protocol: 'tcp' };
  if (kind === 1) return { from: a, to: b, port, protocol: 'tcp' };
  return { from: a, to: 'internet', port, protocol: 'tcp' };
});
const verdicts = { reachable: 0, blocked: 0, unknown: 0, error: 0 };
t = performance.now();
const cpu0 = process.cpuUsage();
for (const q of queries) {
  const r = engine.reach(q);
  if ('code' in r) verdicts.error++;
  else verdicts[r.verdict]++;
}
const cpu = process.cpuUsage(cpu0);
const reachMs = performance.now() - t;
sample();
console.log(`${QUERIES} reach:     ${reachMs.toFixed(1)} ms total, ${((reachMs * 1000) / QUERIES).toFixed(1)} µs per query `
  + `(CPU ${(((cpu.user + cpu.system) / 1000) / QUERIES * 1000).toFixed(1)} µs); verdicts ${JSON.stringify(verdicts)}`);

// Rule by rule, as the rule-level checks ask during a scan: every rule open to the whole internet, with the admin,
// database and every-port focuses, on a freshly compiled engine (no region memoised yet).
const WIDE = new Set(['0.0.0.0/0', '*', 'internet']);
const refs: RuleRef[] = [];
for (const g of input.aws?.securityGroups ?? []) {
  for (const [dir, list] of [['ingress', g.ingress], ['egress', g.egress]] as const) {
    list.forEach((r, i) => {
      if (Array.isArray(r.cidrs) && r.cidrs.some((x) => typeof x === 'string' && WIDE.has(x))) refs.push({ kind: 'security-group', id: g.id, rule: r.label ?? `${dir}[${i}]` });
    });
  }
}
for (const n of input.azure?.nsgs ?? []) {
  for (const r of n.rules) {
    const src = r.sourceAddressPrefix;
    if (typeof src === 'string' && WIDE.has(src.toLowerCase()) && typeof r.name === 'string') refs.push({ kind: 'nsg', id: n.id, rule: r.name });
  }
}
const FOCUSES: TrafficFocus[][] = [
  [{ protocol: 'tcp', ports: [[22, 22], [3389, 3389], [5985, 5986]] }, { protocol: 'udp', ports: [[3389, 3389]] }],
  [{ protocol: 'tcp', ports: [[1433, 1433], [3306, 3306], [5432, 5432], [6379, 6379], [9200, 9200], [27017, 27017]] }],
  [{ protocol: 'tcp' }, { protocol: 'udp' }],
];
const fresh = NetworkEngine.compile(input);
const ruleVerdicts = { reachable: 0, unknown: 0, blocked: 0, none: 0 };
t = performance.now();
const rc0 = process.cpuUsage();
for (const ref of refs) {
  for (const f of FOCUSES) {
    const r = fresh.ruleReach(ref, f);
    const best = r.rows.some((x) => x.verdict === 'reachable') ? 'reachable' : r.rows.some((x) => x.verdict === 'unknown') ? 'unknown' : r.rows.length > 0 ? 'blocked' : 'none';
    ruleVerdicts[best]++;
  }
}
const rc = process.cpuUsage(rc0);
const ruleMs = performance.now() - t;
sample();
clearInterval(timer);
console.log(`ruleReach:        ${ruleMs.toFixed(1)} ms for ${refs.length} internet-wide rules × ${FOCUSES.length} focuses (CPU ${((rc.user + rc.system) / 1000).toFixed(1)} ms, `
  + `${((ruleMs * 1000) / (refs.length * FOCUSES.length)).toFixed(0)} µs per question); ${JSON.stringify(ruleVerdicts)}`);
console.log(`peak memory:      RSS ${mb(peakRss)}, heap ${mb(peakHeap)}`);
