/**
 * Request principals from the identifiers people write: an IAM user or role ARN, an assumed-role session ARN, a
 * federated-user ARN, an account id or root ARN, a service principal name.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
 */
import { isAccountId, parseArn } from './arn.js';
import type { RequestPrincipal } from './types.js';

export interface PrincipalOptions {
  /** Session name to use when a role ARN (not a session ARN) is given. */
  readonly sessionName?: string;
}

export function principalFromArn(text: string, options: PrincipalOptions = {}): RequestPrincipal | undefined {
  if (isAccountId(text)) return { kind: 'root', account: text, arn: `arn:aws:iam::${text}:root` };
  if (text.endsWith('.amazonaws.com') || text.endsWith('.amazonaws.com.cn')) return { kind: 'service', service: text };
  if (text === '*' || text === 'anonymous') return { kind: 'anonymous' };
  const arn = parseArn(text);
  if (arn === undefined) return undefined;
  const { partition, account, resource } = arn;
  if (arn.service === 'iam') {
    if (resource === 'root') return { kind: 'root', account, arn: text };
    if (resource.startsWith('user/')) {
      return { kind: 'user', arn: text, account, name: resource.slice(resource.lastIndexOf('/') + 1) };
    }
    if (resource.startsWith('role/')) {
      const roleName = resource.slice(resource.lastIndexOf('/') + 1);
      const sessionName = options.sessionName ?? 'session';
      return {
        kind: 'roleSession', roleArn: text, roleName, sessionName, account,
        arn: `arn:${partition}:sts::${account}:assumed-role/${roleName}/${sessionName}`,
        ...(resource.startsWith('role/aws-service-role/') ? { serviceLinked: true } : {}),
      };
    }
    if (resource.startsWith('saml-provider/') || resource.startsWith('oidc-provider/')) return { kind: 'federated', provider: text };
    return undefined;
  }
  if (arn.service === 'sts') {
    if (resource.startsWith('assumed-role/')) {
      const rest = resource.slice('assumed-role/'.length);
      const slash = rest.indexOf('/');
      if (slash <= 0) return undefined;
      const roleName = rest.slice(0, slash);
      // A session ARN drops the role's path; the role ARN rebuilt here assumes the default path "/".
      return {
        kind: 'roleSession', arn: text, roleArn: `arn:${partition}:iam::${account}:role/${roleName}`, account, roleName,
        sessionName: rest.slice(slash + 1),
      };
    }
    if (resource.startsWith('federated-user/')) return { kind: 'federatedUser', arn: text, account };
  }
  return undefined;
}

/** A role session for a role whose ARN (with path) is known. */
export function roleSession(roleArn: string, sessionName = 'session'): RequestPrincipal | undefined {
  const p = principalFromArn(roleArn, { sessionName });
  return p?.kind === 'roleSession' ? p : undefined;
}
