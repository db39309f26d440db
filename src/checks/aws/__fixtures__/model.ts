/**
 * Hand-built model resources for check unit tests: the shape loaders produce, with every attribute known unless a
 * test overrides it. Examples (`*.examples/`) test checks through the real loaders; these test subtle logic alone.
 */
import { createContext } from '../../kit/context.js';
import type { CheckContext, Outcome } from '../../kit/types.js';
import type {
  Attr, EmbeddedDocument, IamGroup, IamManagedPolicy, IamRole, IamUser, JsonValue, Link, NetworkAcl, NetworkAclEntry, Resource,
  SecurityGroup, SecurityGroupRule,
} from '../../../model/index.js';
import { ResourceGraph, defaulted, known, pos } from '../../../model/index.js';

export const FILE = 'template.yaml';
export const at = (line = 1): ReturnType<typeof pos> => pos(FILE, line, 3);

export function doc(json: JsonValue, line = 10): Attr<EmbeddedDocument> {
  return known({ json, at: at(line), partial: false }, at(line));
}

export function link(handle: string, line = 1): Link {
  return known(handle, at(line));
}

function base<K extends string>(kind: K, name: string, type: string) {
  return { kind, key: `${FILE}::${name}`, aliases: [name], native: { type, name, address: name }, at: at() };
}

export function role(name: string, opts: { trust?: JsonValue; inline?: Record<string, JsonValue>; managed?: string[] } = {}): IamRole {
  return {
    ...base('aws.iam.role', name, 'AWS::IAM::Role'),
    name: known(name, at()),
    path: defaulted('/', at()),
    trustPolicy: doc(opts.trust ?? { Version: '2012-10-17', Statement: [] }, 5),
    permissionsBoundary: defaulted(null, at()),
    inlinePolicies: Object.entries(opts.inline ?? {}).map(([n, d]) => ({ name: n, document: doc(d, 20) })),
    managedPolicies: (opts.managed ?? []).map((m) => link(m, 30)),
  };
}

export function user(name: string, opts: { inline?: Record<string, JsonValue>; managed?: string[]; groups?: string[] } = {}): IamUser {
  return {
    ...base('aws.iam.user', name, 'AWS::IAM::User'),
    name: known(name, at()),
    inlinePolicies: Object.entries(opts.inline ?? {}).map(([n, d]) => ({ name: n, document: doc(d, 20) })),
    managedPolicies: (opts.managed ?? []).map((m) => link(m, 30)),
    groups: (opts.groups ?? []).map((g) => link(g, 40)),
    permissionsBoundary: defaulted(null, at()),
    loginProfile: defaulted(false, at()),
    accessKeys: defaulted(0, at()),
  };
}

export function group(name: string, opts: { inline?: Record<string, JsonValue>; managed?: string[]; members?: string[] } = {}): IamGroup {
  return {
    ...base('aws.iam.group', name, 'AWS::IAM::Group'),
    name: known(name, at()),
    inlinePolicies: Object.entries(opts.inline ?? {}).map(([n, d]) => ({ name: n, document: doc(d, 20) })),
    managedPolicies: (opts.managed ?? []).map((m) => link(m, 30)),
    members: (opts.members ?? []).map((m) => link(m, 50)),
  };
}

export function managedPolicy(name: string, document: JsonValue): IamManagedPolicy {
  return { ...base('aws.iam.policy', name, 'AWS::IAM::ManagedPolicy'), name: known(name, at()), arn: known(`arn:aws:iam::111122223333:policy/${name}`, at()), document: doc(document) };
}

export function sgRule(direction: 'ingress' | 'egress', protocol: string, from: number, to: number, v4: string[], line = 12): SecurityGroupRule {
  return {
    direction, protocol: known(protocol, at(line)), fromPort: known(from, at(line)), toPort: known(to, at(line)),
    ipv4Ranges: known(v4, at(line)), ipv6Ranges: known([], at(line)), prefixLists: [], groups: [], description: known(null, at(line)), at: at(line),
  };
}

export function securityGroup(name: string, rules: SecurityGroupRule[], isDefault = false): SecurityGroup {
  return {
    ...base('aws.ec2.securityGroup', name, 'AWS::EC2::SecurityGroup'),
    name: known(name, at()), vpc: link('vpc'), isDefault,
    ingress: rules.filter((r) => r.direction === 'ingress'), egress: rules.filter((r) => r.direction === 'egress'),
  };
}

export function naclEntry(ruleNumber: number, action: 'allow' | 'deny', protocol: string, cidr: string, from: number, to: number, egress = false): NetworkAclEntry {
  const a = at(ruleNumber);
  return { ruleNumber: known(ruleNumber, a), egress, protocol: known(protocol, a), action: known(action, a), cidr: known(cidr, a), fromPort: known(from, a), toPort: known(to, a), at: a };
}

export function networkAcl(name: string, entries: NetworkAclEntry[]): NetworkAcl {
  return { ...base('aws.ec2.networkAcl', name, 'AWS::EC2::NetworkAcl'), vpc: link('vpc'), subnets: [], entries, isDefault: false };
}

export function context(...resources: Resource[]): CheckContext {
  return createContext(new ResourceGraph<Resource>(resources), {});
}

/** Outcomes as a list, whatever the check returned. */
export function outcomes(o: Outcome | readonly Outcome[]): Outcome[] {
  return Array.isArray(o) ? [...(o as readonly Outcome[])] : [o as Outcome];
}

export function statuses(o: Outcome | readonly Outcome[]): string[] {
  return outcomes(o).map((x) => x.status);
}
