// Runs the IAM corpus (src/engines/iam/__corpus__) through the peer @cloud-copilot/iam-simulate and lists every case
// where the peer's decision differs from the corpus's expected one, with the AWS page the case rests on, so each
// disagreement can be judged against the documentation. Run: node bench/iam/corpus-vs-peer.mjs
// (installs the peer in bench/iam/peer on demand, like run.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const peerDir = join(here, 'peer');
if (!existsSync(join(peerDir, 'node_modules', '@cloud-copilot', 'iam-simulate'))) {
  const r = spawnSync('npm', ['ci', '--prefix', peerDir, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(0);
}
const peer = createRequire(join(peerDir, 'package.json'))('@cloud-copilot/iam-simulate');
const corpus = join(here, '..', '..', 'src', 'engines', 'iam', '__corpus__');
const decision = { Allowed: 'allowed', ExplicitlyDenied: 'explicitDeny', ImplicitlyDenied: 'implicitDeny' };

let compared = 0;
let agreed = 0;
const skipped = { principal: 0, text: 0, unknown: 0 };
for (const file of readdirSync(corpus).filter((f) => f.endsWith('.json')).sort()) {
  for (const c of JSON.parse(readFileSync(join(corpus, file), 'utf8')).cases) {
    if (!c.request || !c.expect) continue;
    // The peer takes principals as ARN strings, policies as objects, and has no "unknown" outcome.
    if (typeof c.request.principal !== 'string') { skipped.principal++; continue; }
    const p = c.policies ?? {};
    const all = [...(p.identity ?? []), ...(p.resource ?? []), ...(p.permissionsBoundary ?? []), ...(p.session ?? []), ...(p.scp ?? []).flat(), ...(p.rcp ?? []).flat()];
    if (all.some((x) => typeof x === 'string')) { skipped.text++; continue; }
    if (c.expect.decision === 'unknown') { skipped.unknown++; continue; }
    const r = c.request;
    const account = [r.resourceAccount, r.resource.split(':')[4], r.principal.split(':')[4]].find((a) => /^\d{12}$/.test(a ?? '')) ?? '111122223333';
    const context = {};
    for (const [k, v] of Object.entries(r.context ?? {})) context[k] = v && typeof v === 'object' && !Array.isArray(v) ? v.values : v;
    const level = (levels, prefix) => (levels ?? []).map((l, i) => ({ orgIdentifier: `${prefix}${i}`, policies: l.map((policy, j) => ({ name: `${prefix}${i}.${j}`, policy })) }));
    const sim = {
      request: { principal: r.principal, action: r.action, resource: { resource: r.resource, accountId: account }, contextVariables: context },
      identityPolicies: (p.identity ?? []).map((policy, i) => ({ name: `identity${i}`, policy })),
      serviceControlPolicies: level(p.scp, 'ou-'), resourceControlPolicies: level(p.rcp, 'ou-'),
      ...(p.resource ? { resourcePolicy: p.resource[0] } : {}),
      ...(p.permissionsBoundary ? { permissionBoundaryPolicies: p.permissionsBoundary.map((policy, i) => ({ name: `b${i}`, policy })) } : {}),
      ...(p.session ? { sessionPolicy: p.session[0] } : {}),
    };
    let out;
    try {
      out = await peer.runSimulation(sim, {});
    } catch (e) {
      out = { resultType: 'error', errors: { message: String(e) } };
    }
    compared++;
    const theirs = out.resultType === 'error' ? `error (${JSON.stringify(out.errors).slice(0, 120)})` : decision[out.overallResult];
    if (theirs === c.expect.decision) { agreed++; continue; }
    const docs = Array.isArray(c.doc) ? c.doc.join(' ') : c.doc;
    console.log(`- ${file} | ${c.name}\n    corpus ${c.expect.decision}, peer ${theirs}\n    ${docs}${c.note ? `\n    note: ${c.note}` : ''}`);
  }
}
console.log(`\nagreement with the peer on the corpus: ${agreed}/${compared} (skipped: ${skipped.principal} non-ARN principals, ${skipped.text} policies given as text, ${skipped.unknown} expected unknown)`);
