import { defineCheck } from '../../kit/define-check.js';
import { escalationOutcomes } from './escalation.js';

export default defineCheck({
  id: 'AWS-IAM-111',
  title: 'IAM role has no privilege-escalation path',
  severity: 'high',
  provider: 'aws',
  service: 'iam',
  target: 'aws.iam.role',
  rationale:
    'A role that is not an administrator can become one, or take over one, through the known escalations (policy ' +
    'rewrites on itself, trust-policy rewrites, `sts:AssumeRole` chains, passing an administrator role to a service ' +
    'that runs code, replacing a function\'s code). Whoever compromises the workload holding the role inherits the ' +
    'path. Each step is evaluated with the engine; the finding lists the chain of statements.',
  remediation: {
    summary: 'Remove the permission at the first step of the chain, or narrow it to resources and services that cannot lead to more privilege.',
    cli: 'aws iam delete-role-policy --role-name ROLE --policy-name POLICY',
    terraform: 'statement {\n  effect    = "Deny"\n  actions   = ["iam:*"]\n  resources = ["*"]\n}',
    cloudformation: '- Effect: Deny\n  Action: iam:*\n  Resource: "*"',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining',
  ],
  evaluate(role, ctx) {
    if (role.path.known && role.path.value.startsWith('/aws-service-role/')) return ctx.notApplicable();
    return escalationOutcomes(ctx, role, 'role');
  },
});
