import { describe, expect, it } from 'vitest';
import { context, naclEntry, networkAcl, outcomes, securityGroup, sgRule, statuses } from '../__fixtures__/model.js';
import defaultSg from './ec2-default-sg.js';
import naclAdmin from './ec2-nacl-admin-ports.js';
import sgAdmin from './ec2-sg-admin-ports.js';
import sgAll from './ec2-sg-all-ports.js';
import sgEgress from './ec2-sg-egress.js';

const msg = (o: ReturnType<typeof outcomes>[number] | undefined): string => (o && 'message' in o ? o.message : '');

describe('AWS-EC2-006 network ACL admin ports, first match by rule number', () => {
  const run = (...entries: Parameters<typeof networkAcl>[1]) => {
    const acl = networkAcl('PublicAcl', entries);
    return outcomes(naclAdmin.evaluate(acl, context(acl)));
  };

  it('fails an allow for 0.0.0.0/0 covering 22 with no earlier deny', () => {
    const out = run(naclEntry(100, 'allow', '-1', '0.0.0.0/0', -1, -1));
    expect(out.map((o) => o.status)).toEqual(['fail']);
    expect(msg(out[0])).toContain('entry 100 allows SSH (22) and RDP (3389) from `0.0.0.0/0`');
  });

  // https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html: rules are evaluated from the lowest number;
  // the first match decides.
  it('passes when a lower-numbered deny covers the port, whatever later entries allow', () => {
    expect(statuses(run(
      naclEntry(200, 'allow', 'tcp', '0.0.0.0/0', 0, 65535),
      naclEntry(50, 'deny', 'tcp', '0.0.0.0/0', 22, 22),
      naclEntry(60, 'deny', '-1', '0.0.0.0/0', -1, -1),
    ))).toEqual(['pass']);
  });

  it('fails when the deny comes after the allow', () => {
    const out = run(naclEntry(100, 'allow', 'tcp', '0.0.0.0/0', 0, 65535), naclEntry(110, 'deny', 'tcp', '0.0.0.0/0', 22, 22));
    expect(statuses(out)).toEqual(['fail']);
    expect(msg(out[0])).toContain('SSH (22)');
  });

  it('a deny for a narrower range does not close the port to the rest of the internet', () => {
    expect(statuses(run(naclEntry(50, 'deny', 'tcp', '198.51.100.0/24', 22, 22), naclEntry(100, 'allow', 'tcp', '0.0.0.0/0', 22, 22)))).toEqual(['fail']);
  });

  it('an allow for a known range only, or a different port, passes', () => {
    expect(statuses(run(naclEntry(100, 'allow', 'tcp', '10.0.0.0/16', 22, 22), naclEntry(110, 'allow', 'tcp', '0.0.0.0/0', 443, 443)))).toEqual(['pass']);
  });

  it('judges IPv6 separately', () => {
    const out = run(naclEntry(50, 'deny', '-1', '0.0.0.0/0', -1, -1), naclEntry(100, 'allow', 'tcp', '::/0', 3389, 3389));
    expect(statuses(out)).toEqual(['fail']);
    expect(msg(out[0])).toContain('RDP (3389) from `::/0`');
  });

  it('ignores egress entries', () => {
    expect(statuses(run(naclEntry(100, 'allow', '-1', '0.0.0.0/0', -1, -1, true)))).toEqual(['pass']);
  });

  it('is unknown when the deciding entry is not known', () => {
    const e = naclEntry(100, 'allow', 'tcp', '0.0.0.0/0', 22, 22);
    const hidden = { ...e, cidr: { known: false as const, at: e.at, why: '`var.admin_cidr` has no value' } };
    expect(statuses(run(hidden))).toEqual(['unknown']);
    // An earlier IPv4 deny decides IPv4, but the hidden CIDR could be `::/0`, so IPv6 stays undecided.
    expect(statuses(run(naclEntry(10, 'deny', '-1', '0.0.0.0/0', -1, -1), hidden))).toEqual(['unknown']);
    expect(statuses(run(naclEntry(10, 'deny', '-1', '0.0.0.0/0', -1, -1), naclEntry(11, 'deny', '-1', '::/0', -1, -1), hidden))).toEqual(['pass']);
  });
});

describe('security group rules', () => {
  it('AWS-EC2-001 fails SSH from the internet at the CIDR, passes a known range', () => {
    const open = securityGroup('web', [sgRule('ingress', 'tcp', 22, 22, ['0.0.0.0/0'], 14)]);
    const [o] = outcomes(sgAdmin.evaluate(open, context(open)));
    expect(o?.status).toBe('fail');
    expect(o && 'at' in o ? o.at.line : 0).toBe(14);
    expect(msg(o)).toBe('security group `web` allows SSH (22) from `0.0.0.0/0` (tcp 22); remove the rule and use Session Manager, or allow only your administration network');
    const closed = securityGroup('web', [sgRule('ingress', 'tcp', 22, 22, ['10.0.0.0/8'])]);
    expect(statuses(sgAdmin.evaluate(closed, context(closed)))).toEqual(['pass']);
  });

  it('AWS-EC2-002 fails all protocols or every port from the internet', () => {
    const sg = securityGroup('wide', [sgRule('ingress', '-1', -1, -1, ['0.0.0.0/0']), sgRule('ingress', 'tcp', 0, 65535, ['0.0.0.0/0']), sgRule('ingress', 'tcp', 443, 443, ['0.0.0.0/0'])]);
    expect(statuses(sgAll.evaluate(sg, context(sg)))).toEqual(['fail', 'fail']);
  });

  it('AWS-EC2-004 fails the default egress rule at the group and an explicit allow-all, passes scoped egress', () => {
    const kept = securityGroup('app', [{ ...sgRule('egress', '-1', -1, -1, ['0.0.0.0/0'], 1), isDefaultEgress: true }]);
    expect(msg(outcomes(sgEgress.evaluate(kept, context(kept)))[0])).toContain('keeps the default egress rule');
    const scoped = securityGroup('app', [sgRule('egress', 'tcp', 443, 443, ['0.0.0.0/0'])]);
    expect(statuses(sgEgress.evaluate(scoped, context(scoped)))).toEqual(['pass']);
  });

  it('AWS-EC2-005 applies only to default groups and wants them empty', () => {
    const dflt = securityGroup('default', [sgRule('egress', '-1', -1, -1, ['0.0.0.0/0'])], true);
    expect(statuses(defaultSg.evaluate(dflt, context(dflt)))).toEqual(['fail']);
    const empty = securityGroup('default', [], true);
    expect(statuses(defaultSg.evaluate(empty, context(empty)))).toEqual(['pass']);
    const other = securityGroup('app', [sgRule('egress', '-1', -1, -1, ['0.0.0.0/0'])]);
    expect(statuses(defaultSg.evaluate(other, context(other)))).toEqual(['notApplicable']);
    expect(statuses(sgEgress.evaluate(dflt, context(dflt)))).toEqual(['notApplicable']);
  });
});
