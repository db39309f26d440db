// IAM engine benchmark (issue 4, section 7). Run: node --import tsx bench/iam/run.mjs [requests=20000] [peerRequests=all]
//
// Evaluates a seeded workload with Parapet (compile once, evaluate many) and with @cloud-copilot/iam-simulate, the
// peer, installed on demand in bench/iam/peer (AGPL: it lives only here, never in src/ or the product's
// dependencies). Prints decisions per second for both, the ratio, the agreement, and the disagreements.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { authorize, compilePolicy, defaultCatalog, principalFromArn } from '../../src/engines/iam/index.ts';
import { ACCOUNT, SCP_LEVELS, identityPolicies, requests, rng } from './workload.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const n = Number(process.argv[2] ?? 20000);
const peerN = process.argv[3] === undefined ? n : Math.min(n, Number(process.argv[3]));
const SEED = 20240611;

const r = rng(SEED);
const policies = identityPolicies(r);
const reqs = requests(r, n);
const stmtCount = policies.reduce((a, p) => a + p.Statement.length, 0);
console.log(`workload: seed ${SEED}, ${policies.length} identity policies, ${stmtCount} statements, SCP levels ${SCP_LEVELS.length}, ${n} requests`);

// ---------------------------------------------------------------------------------------------------- Parapet
const catalog = defaultCatalog();
const tCompile = process.hrtime.bigint();
const set = {
  identity: policies.map((p, i) => compilePolicy(p, { id: `identity${i}`, type: 'identity' })),
  scp: SCP_LEVELS.map((level, l) => level.map((p, i) => compilePolicy(p, { id: `scp${l}.${i}`, type: 'scp' }))),
};
const compileMs = Number(process.hrtime.bigint() - tCompile) / 1e6;
const principals = new Map();
const principalOf = (user) => {
  let p = principals.get(user);
  if (p === undefined) principals.set(user, (p = principalFromArn(`arn:aws:iam::${ACCOUNT}:user/${user}`)));
  return p;
};
const ours = new Array(n);
const runOurs = () => {
  for (let i = 0; i < n; i++) {
    const q = reqs[i];
    ours[i] = authorize(set, {
      principal: principalOf(q.user), action: q.action, resource: q.resource, context: q.context, deriveContext: false,
    }, { catalog }).decision;
  }
};
runOurs(); // warm-up: JIT and the catalogue's service files
// Wall time, and CPU time of this process (on a shared machine the wall clock also counts time spent waiting for a
// core; CPU time is what one core spends on the decisions).
const rounds = 5;
let best = Infinity;
let bestCpu = Infinity;
for (let k = 0; k < rounds; k++) {
  const t = process.hrtime.bigint();
  const c = process.cpuUsage();
  runOurs();
  const cpu = process.cpuUsage(c);
  best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e9);
  bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1e6);
}
const oursRate = n / best;
const tally = (xs) => xs.reduce((m, d) => ((m[d] = (m[d] ?? 0) + 1), m), {});
console.log(`parapet: compile ${compileMs.toFixed(1)} ms; ${n} decisions in ${(best * 1000).toFixed(1)} ms wall (best of ${rounds}) = ${Math.round(oursRate).toLocaleString('en-US')} decisions/s; ${(bestCpu * 1000).toFixed(1)} ms CPU = ${Math.round(n / bestCpu).toLocaleString('en-US')} decisions per CPU-second`);
console.log(`parapet decisions: ${JSON.stringify(tally(ours))}`);

// ------------------------------------------------------------------------------------------------------- peer
const peerDir = join(here, 'peer');
if (!existsSync(join(peerDir, 'node_modules', '@cloud-copilot', 'iam-simulate'))) {
  console.log('installing the peer into bench/iam/peer (npm ci) ...');
  const res = spawnSync('npm', ['ci', '--prefix', peerDir, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (res.status !== 0) {
    console.log('peer could not be installed; Parapet figures only');
    process.exit(0);
  }
}
const require = createRequire(join(peerDir, 'package.json'));
const peer = require('@cloud-copilot/iam-simulate');
const peerDecision = { Allowed: 'allowed', ExplicitlyDenied: 'explicitDeny', ImplicitlyDenied: 'implicitDeny' };
const scpForPeer = SCP_LEVELS.map((level, l) => ({ orgIdentifier: l === 0 ? 'r-root' : `ou-${l}`, policies: level.map((policy, i) => ({ name: `scp${l}.${i}`, policy })) }));
const idForPeer = policies.map((policy, i) => ({ name: `identity${i}`, policy }));
const theirs = new Array(peerN);
const errors = [];
const tPeer = process.hrtime.bigint();
const cPeer = process.cpuUsage();
for (let i = 0; i < peerN; i++) {
  const q = reqs[i];
  const out = await peer.runSimulation({
    request: {
      principal: `arn:aws:iam::${ACCOUNT}:user/${q.user}`, action: q.action,
      resource: { resource: q.resource, accountId: ACCOUNT }, contextVariables: q.context,
    },
    identityPolicies: idForPeer, serviceControlPolicies: scpForPeer, resourceControlPolicies: [],
  }, {});
  if (out.resultType === 'error') {
    theirs[i] = 'error';
    if (errors.length < 3) errors.push(JSON.stringify(out.errors).slice(0, 300));
  } else theirs[i] = peerDecision[out.overallResult] ?? out.overallResult;
}
const peerSeconds = Number(process.hrtime.bigint() - tPeer) / 1e9;
const peerCpuUsage = process.cpuUsage(cPeer);
const peerCpu = (peerCpuUsage.user + peerCpuUsage.system) / 1e6;
const peerRate = peerN / peerSeconds;
console.log(`peer (@cloud-copilot/iam-simulate): ${peerN} decisions in ${(peerSeconds * 1000).toFixed(0)} ms wall = ${Math.round(peerRate).toLocaleString('en-US')} decisions/s; ${(peerCpu * 1000).toFixed(0)} ms CPU = ${Math.round(peerN / peerCpu).toLocaleString('en-US')} decisions per CPU-second`);
console.log(`peer decisions: ${JSON.stringify(tally(theirs))}`);
if (errors.length > 0) console.log(`peer errors (first ${errors.length}): ${errors.join('\n')}`);
console.log(`ratio: parapet is ${(oursRate / peerRate).toFixed(0)}x the peer (wall), ${((n / bestCpu) / (peerN / peerCpu)).toFixed(0)}x (CPU)`);

let agree = 0;
const differ = [];
for (let i = 0; i < peerN; i++) {
  if (ours[i] === theirs[i]) agree++;
  else differ.push(i);
}
console.log(`agreement: ${agree}/${peerN} (${((100 * agree) / peerN).toFixed(2)}%)`);
const kinds = new Map();
for (const i of differ) {
  const k = `${reqs[i].action}: parapet ${ours[i]} / peer ${theirs[i]}`;
  kinds.set(k, [...(kinds.get(k) ?? []), i]);
}
for (const [k, idx] of kinds) {
  const q = reqs[idx[0]];
  console.log(`  ${idx.length} × ${k}; e.g. #${idx[0]} ${q.resource} ${JSON.stringify(q.context)}`);
}
