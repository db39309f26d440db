import type { Ec2Instance, SecurityGroupRule } from '../../../model/index.js';
import type { RuleRef } from '../../kit/services/network.js';
import type { CheckContext, Outcome } from '../../kit/types.js';
import { opensAllPorts } from '../ec2/sg.js';
import type { PortSpec } from '../shared/network.js';
import { ruleFromInternet } from '../shared/network.js';
import type { ExposureSpec } from './exposure.js';
import { exposureOutcomes } from './exposure.js';

const LABEL = /^(ingress|egress)\[(\d+)\]$/;

/** The model rule an engine reference names (`ingress[2]` of a group), when the estate holds it. */
export function sgRuleOf(ctx: CheckContext, ref: RuleRef): SecurityGroupRule | undefined {
  if (ref.kind !== 'security-group' || ref.rule === null) return undefined;
  const m = LABEL.exec(ref.rule);
  const sg = ctx.estate.lookup(ref.id, 'aws.ec2.securityGroup')[0];
  if (!m || !sg) return undefined;
  return (m[1] === 'ingress' ? sg.ingress : sg.egress)[Number(m[2])];
}

/**
 * Which rules the rule-level checks report: open to `0.0.0.0/0` or `::/0`, and opening every port (AWS-EC2-002,
 * AWS-EC2-004) or one of `ports` (AWS-EC2-001, AWS-EC2-003).
 */
export function reportedBy(ctx: CheckContext, ports: readonly PortSpec[]): ExposureSpec['reported'] {
  return (ref, port, protocol) => {
    const rule = sgRuleOf(ctx, ref);
    if (!rule || ruleFromInternet(rule).open !== true) return false;
    if (opensAllPorts(rule) === true) return true;
    return port !== undefined && ports.some((p) => p.port === port && p.protocols.includes(protocol));
  };
}

/** Runs an exposure spec on an instance's inbound rows; not applicable without the network service. */
export function instanceExposure(i: Ec2Instance, ctx: CheckContext, hits: ExposureSpec['hits'], fix: string, ports: readonly PortSpec[]): Outcome | readonly Outcome[] {
  const net = ctx.services.network;
  if (!net || net.interfacesOf(i.key).length === 0) return ctx.notApplicable();
  const out = exposureOutcomes(net, ctx, { what: `instance \`${i.native.name}\``, rows: net.inboundOf(i.key), hits, fix, fallbackAt: i.at, reported: reportedBy(ctx, ports) });
  return out.length > 0 ? out : ctx.pass();
}
