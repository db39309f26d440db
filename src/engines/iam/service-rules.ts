/**
 * Rules of the services that decide a request whatever the policies say.
 */
import { parseArn } from './arn.js';
import type { Decision, RequestPrincipal, ServiceRule } from './types.js';
import { asciiLower } from './wildcard.js';

export interface RuleOutcome {
  readonly decision: Extract<Decision, 'allowed' | 'explicitDeny'>;
  readonly rule: ServiceRule;
}

const MANAGED_POLICY_WRITES = new Set([
  'iam:createpolicyversion', 'iam:deletepolicyversion', 'iam:setdefaultpolicyversion', 'iam:deletepolicy',
  'iam:tagpolicy', 'iam:untagpolicy',
]);

const ROLE_WRITES = new Set([
  'iam:updateassumerolepolicy', 'iam:putrolepolicy', 'iam:deleterolepolicy', 'iam:attachrolepolicy',
  'iam:detachrolepolicy', 'iam:putrolepermissionsboundary', 'iam:deleterolepermissionsboundary', 'iam:deleterole',
  'iam:updaterole', 'iam:updateroledescription', 'iam:tagrole', 'iam:untagrole', 'iam:updateroledescription',
]);

/** Service-linked roles: only their description may be edited by customers. */
const SLR_WRITES = new Set([...ROLE_WRITES].filter((a) => a !== 'iam:updateroledescription' && a !== 'iam:deleterole'));

const ALIAS_WRITES = new Set(['kms:createalias', 'kms:deletealias', 'kms:updatealias']);

/** `action` must be lower-cased `service:action`. */
export function serviceRule(action: string, resource: string, principal: RequestPrincipal): RuleOutcome | undefined {
  if (action === 'sts:getcalleridentity') {
    return {
      decision: 'allowed',
      rule: {
        code: 'get-caller-identity-always-allowed',
        message: 'sts:GetCallerIdentity needs no permission and an explicit deny does not stop it',
        url: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html',
      },
    };
  }
  // Most requests touch none of these actions: decide that before parsing the ARN.
  if (!MANAGED_POLICY_WRITES.has(action) && !ROLE_WRITES.has(action) && !ALIAS_WRITES.has(action)) return undefined;
  const arn = parseArn(resource);
  if (arn === undefined) return undefined;
  if (MANAGED_POLICY_WRITES.has(action) && arn.service === 'iam' && arn.account === 'aws' && arn.resource.startsWith('policy/')) {
    return {
      decision: 'explicitDeny',
      rule: {
        code: 'aws-managed-policy-immutable',
        message: 'AWS managed policies cannot be changed or deleted by customers',
        url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies',
      },
    };
  }
  if (arn.service === 'iam' && arn.resource.startsWith('role/aws-reserved/') && ROLE_WRITES.has(action) && !isIdentityCenterServiceRole(principal)) {
    return {
      decision: 'explicitDeny',
      rule: {
        code: 'aws-reserved-role-immutable',
        message: 'roles under the /aws-reserved/ path are managed by IAM Identity Center and cannot be changed through IAM',
        url: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetsconcept.html',
      },
    };
  }
  if (arn.service === 'iam' && arn.resource.startsWith('role/aws-service-role/') && SLR_WRITES.has(action)) {
    return {
      decision: 'explicitDeny',
      rule: {
        code: 'service-linked-role-immutable',
        message: 'the trust and permissions policies of a service-linked role are owned by its service and cannot be edited',
        url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html',
      },
    };
  }
  if (arn.service === 'kms' && ALIAS_WRITES.has(action) && arn.resource.startsWith('alias/aws/')) {
    return {
      decision: 'explicitDeny',
      rule: {
        code: 'aws-kms-alias-reserved',
        message: 'aliases beginning with alias/aws/ are reserved for AWS managed keys and cannot be created, changed or deleted',
        url: 'https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
      },
    };
  }
  return undefined;
}

function isIdentityCenterServiceRole(p: RequestPrincipal): boolean {
  return p.kind === 'roleSession' && asciiLower(p.roleArn).includes(':role/aws-service-role/sso.amazonaws.com/');
}
