/**
 * How network findings name things: an Azure id by its last segment, what an engine interface belongs to
 * (``instance `web` ``, ``VM `app-vm` ``), and lists of names. Shared by the network checks and by the network service,
 * which memoises the names of interfaces (the same interfaces are named in many findings).
 */
import type { Resource } from '../../model/index.js';
import { displayName } from './expect.js';

const SUBJECTS: Record<string, string> = {
  'aws.ec2.instance': 'instance', 'aws.ec2.networkInterface': 'network interface', 'azure.compute.vm': 'VM', 'azure.network.nic': 'NIC',
};

/** The last segment of an Azure resource id; other names as they are. */
export function shortName(id: string): string {
  return id.startsWith('/subscriptions/') ? id.slice(id.lastIndexOf('/') + 1) : id;
}

/** `a`, `a and b`, `a, b and 3 more` (duplicates named once). */
export function listNames(names: readonly string[], max = 3): string {
  const u = [...new Set(names)];
  return listDistinct(u.slice(0, max), u.length, max);
}

/** `listNames` from the first distinct names (up to `max` of them, in order) and how many distinct names there are. */
export function listDistinct(head: readonly string[], total: number, max = 3): string {
  if (total <= 1) return head[0] ?? '';
  if (total <= max) return `${head.slice(0, -1).join(', ')} and ${head[head.length - 1] as string}`;
  return `${head.slice(0, max).join(', ')} and ${total - max} more`;
}

/**
 * What an engine interface belongs to, as messages name it: the owning resource by kind and name, or — when the
 * estate holds no such resource — the address users know for the interface (`display`).
 */
export function interfaceSubject(owner: Resource | undefined, display: () => string): string {
  if (!owner) return `\`${shortName(display())}\``;
  return `${SUBJECTS[owner.kind] ?? 'resource'} \`${displayName(owner)}\``;
}
