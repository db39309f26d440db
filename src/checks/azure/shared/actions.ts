/**
 * Azure RBAC action patterns: case-insensitive, `*` matches any run of characters
 * (https://learn.microsoft.com/azure/role-based-access-control/role-definitions#actions). Linear-time glob, no regex.
 */
export function actionMatches(pattern: string, action: string): boolean {
  const p = pattern.toLowerCase();
  const a = action.toLowerCase();
  let pi = 0;
  let ai = 0;
  let star = -1;
  let mark = 0;
  while (ai < a.length) {
    if (pi < p.length && p[pi] !== '*' && p[pi] === a[ai]) {
      pi++;
      ai++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = ai;
    } else if (star !== -1) {
      pi = star + 1;
      ai = ++mark;
    } else return false;
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

export interface PermissionBlock {
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
}

/** Whether a permission block grants a control-plane action: matched by an action and not removed by a NotAction. */
export function grants(block: PermissionBlock, action: string): boolean {
  return block.actions.some((p) => actionMatches(p, action)) && !block.notActions.some((p) => actionMatches(p, action));
}

/** Built-in roles that can take over what they are assigned at (write everything, or grant access). */
export const PRIVILEGED_BUILTIN_ROLES: Readonly<Record<string, string>> = {
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635': 'Owner',
  'b24988ac-6180-42a0-ab88-20f7382dd24c': 'Contributor',
  '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9': 'User Access Administrator',
  'f58310d9-a9f6-439a-9e8d-f62e7b41a168': 'Role Based Access Control Administrator',
};

/** The GUID at the end of a role definition id, whatever the prefix; or the input when it is not an id. */
export function roleGuid(role: string): string {
  const tail = role.trim().split('/').filter(Boolean).pop() ?? '';
  return tail.toLowerCase();
}
