/**
 * A decision explained in words, for people reading a table rather than JSON.
 */
import type { AuthorizationResult, DecisionDetails, StatementRef, TypeDecision } from './types.js';

const TYPE_WORDS: Record<keyof DecisionDetails, string> = {
  identity: 'identity-based policies',
  resource: 'the resource-based policy',
  permissionsBoundary: 'the permissions boundary',
  session: 'the session policy',
  scp: 'the service control policies',
  rcp: 'the resource control policies',
  vpcEndpoint: 'the VPC endpoint policy',
};

function ref(r: StatementRef): string {
  const sid = r.sid !== undefined ? ` "${r.sid}"` : '';
  const at = r.span !== undefined ? ` at line ${r.span.start.line}` : '';
  return `${r.policyId} statement ${r.index + 1}${sid}${at}`;
}

function layers(d: DecisionDetails, want: TypeDecision): string[] {
  return (Object.keys(TYPE_WORDS) as (keyof DecisionDetails)[]).filter((k) => d[k] === want).map((k) => TYPE_WORDS[k]);
}

export function explainResult(r: AuthorizationResult): string {
  if (r.serviceRule !== undefined) return `${r.decision === 'allowed' ? 'Allowed' : 'Denied'}: ${r.serviceRule.message} (${r.serviceRule.url}).`;
  const parts: string[] = [];
  switch (r.decision) {
    case 'explicitDeny':
      parts.push(`Denied explicitly by ${r.matched.map(ref).join(', ') || 'a Deny statement'}; an explicit deny overrides every allow.`);
      break;
    case 'allowed':
      parts.push(`Allowed by ${r.matched.map(ref).join(', ') || 'the policies'}${r.crossAccount ? ' (cross-account: both the caller\'s account and the resource\'s policy allow)' : ''}.`);
      break;
    case 'implicitDeny': {
      const silent = layers(r.details, 'implicitDeny');
      parts.push(silent.length > 0
        ? `Denied implicitly: no statement in ${silent.join(' or ')} allows the request.`
        : 'Denied implicitly: no policy allows the request.');
      if (r.crossAccount) parts.push('Across accounts both the caller\'s identity policies and the resource policy must allow.');
      break;
    }
    case 'unknown':
      parts.push(`Unknown: ${r.unknownBecause.join('; ') || 'the decision depends on values that are not known'}.`);
      break;
  }
  if (r.witness !== undefined) parts.push(`The resource was a pattern; the decision was reached for \`${r.witness}\`.`);
  if (r.missingContextKeys.length > 0) parts.push(`Context keys not provided: ${r.missingContextKeys.join(', ')}.`);
  return parts.join(' ');
}
