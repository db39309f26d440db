/**
 * `aws iam get-account-authorization-details` output (the format Cloudsplaining and PMapper read): users, groups,
 * roles, managed policies with their versions, permissions boundaries and trust policies.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 *
 * Positions come from jsonc-parser's tree, so every principal, policy and statement points at its line in the export.
 * Policy documents appear either as JSON objects (the AWS CLI decodes them) or as URL-encoded JSON strings (the raw
 * API response); both are read. Nothing throws: an entry that cannot be read becomes a diagnostic and the rest loads.
 */
import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import type { Attr, EmbeddedDocument, JsonValue, Link, LoadDiagnostic, NativeRef, Provenance } from '../../model/core/index.js';
import { known, unknown } from '../../model/core/index.js';
import type { IamGroup, IamInstanceProfile, IamManagedPolicy, IamRole, IamUser, InlinePolicy, Resource } from '../../model/index.js';
import { MAX_JSON_DEPTH, findTooDeep } from '../common/json-depth.js';
import { LineIndex, lineColumnAt } from '../common/line-index.js';
import type { LoadResult } from '../types.js';

const LIST_KEYS = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'] as const;

/** Recognises the export by content: an object whose top-level keys include the detail lists, as arrays. */
export function isAuthorizationDetails(doc: unknown): boolean {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return false;
  const o = doc as Record<string, unknown>;
  let lists = 0;
  for (const k of LIST_KEYS) {
    if (k in o) {
      if (!Array.isArray(o[k])) return false;
      lists++;
    }
  }
  return lists > 0;
}

function child(n: Node | undefined, key: string): Node | undefined {
  if (n?.type !== 'object') return undefined;
  for (const prop of n.children ?? []) {
    const pair = prop.children;
    if (pair?.[0]?.value === key) return pair[1];
  }
  return undefined;
}

function items(n: Node | undefined): Node[] {
  return n?.type === 'array' ? (n.children ?? []) : [];
}

function str(n: Node | undefined): string | undefined {
  return n?.type === 'string' ? String(n.value) : undefined;
}

function value(n: Node): JsonValue {
  switch (n.type) {
    case 'object': {
      const o: { [k: string]: JsonValue } = {};
      for (const prop of n.children ?? []) {
        const k = prop.children?.[0];
        const v = prop.children?.[1];
        if (k !== undefined && v !== undefined) o[String(k.value)] = value(v);
      }
      return o;
    }
    case 'array': return (n.children ?? []).map(value);
    case 'null': return null;
    default: return n.value as JsonValue;
  }
}

class Loader {
  readonly resources: Resource[] = [];
  readonly diagnostics: LoadDiagnostic[] = [];
  private readonly membersByGroup = new Map<string, Link[]>();
  private readonly profiles = new Map<string, IamInstanceProfile>();

  constructor(private readonly pos: LineIndex) {}

  report(code: LoadDiagnostic['code'], at: Provenance, message: string): void {
    this.diagnostics.push({ code, severity: 'warning', file: at.file, line: at.line, column: at.column, message });
  }

  attr(n: Node | undefined, at: Provenance, name: string): Attr<string> {
    const s = str(n);
    return s !== undefined && n !== undefined ? known(s, this.pos.at(n)) : unknown(at, `\`${name}\` is missing from the export`);
  }

  /** A policy document: a JSON object, or a URL-encoded JSON string as the raw API returns it. */
  document(n: Node | undefined, at: Provenance, what: string): Attr<EmbeddedDocument> {
    if (n === undefined) return unknown(at, `${what} is missing from the export`);
    const where = this.pos.at(n);
    if (n.type === 'object') {
      const statements = child(n, 'Statement');
      const statementAt = statements?.type === 'array' ? items(statements).map((s) => this.pos.at(s)) : statements ? [this.pos.at(statements)] : undefined;
      return known({ json: value(n), at: where, partial: false, ...(statementAt ? { statementAt } : {}) }, where);
    }
    if (n.type === 'string') {
      const raw = String(n.value);
      for (const text of [raw, safeDecode(raw)]) {
        if (text === undefined) continue;
        try {
          return known({ json: JSON.parse(text) as JsonValue, at: where, partial: false }, where);
        } catch {
          // try the next reading
        }
      }
      this.report('invalid-value', where, `${what} is neither a JSON object nor URL-encoded JSON`);
      return unknown(where, `${what} cannot be read`);
    }
    this.report('invalid-value', where, `${what} must be a JSON object`);
    return unknown(where, `${what} cannot be read`);
  }

  inline(list: Node | undefined, what: string): InlinePolicy[] {
    return items(list).map((p, k) => {
      const pAt = this.pos.at(p);
      const name = str(child(p, 'PolicyName')) ?? `${what}[${k}]`;
      return { name, document: this.document(child(p, 'PolicyDocument'), pAt, `the document of inline policy \`${name}\``) };
    });
  }

  managed(list: Node | undefined): Link[] {
    return items(list).flatMap((p) => {
      const arn = str(child(p, 'PolicyArn'));
      return arn === undefined ? [] : [known(arn, this.pos.at(p))];
    });
  }

  boundary(n: Node | undefined, at: Provenance): Attr<string | null> {
    if (n === undefined) return known(null, at);
    const arn = child(n, 'PermissionsBoundaryArn');
    const s = str(arn);
    return s !== undefined && arn !== undefined ? known(s, this.pos.at(arn)) : unknown(this.pos.at(n), 'the permissions boundary has no ARN');
  }

  tags(n: Node | undefined, at: Provenance): Attr<Readonly<Record<string, string>>> {
    const out: Record<string, string> = {};
    for (const t of items(n)) {
      const k = str(child(t, 'Key'));
      const v = str(child(t, 'Value'));
      if (k !== undefined && v !== undefined) out[k] = v;
    }
    return known(out, n !== undefined ? this.pos.at(n) : at);
  }

  native(type: string, name: string, arn: string | undefined): NativeRef {
    return { type, name, address: arn ?? name };
  }

  entry(n: Node, nameKey: string, idKey: string, type: string, list: string): { at: Provenance; name: Attr<string>; arn?: string; aliases: string[]; native: NativeRef } | undefined {
    const at = this.pos.at(n);
    const name = this.attr(child(n, nameKey), at, nameKey);
    const arn = str(child(n, 'Arn'));
    const id = str(child(n, idKey));
    if (!name.known && arn === undefined) {
      this.report('invalid-value', at, `an entry of \`${list}\` has neither \`${nameKey}\` nor \`Arn\``);
      return undefined;
    }
    const nm = name.known ? name.value : (arn as string);
    const aliases = [...new Set([nm, arn, id].filter((a): a is string => a !== undefined && a !== ''))];
    return { at, name, ...(arn !== undefined ? { arn } : {}), aliases, native: this.native(type, nm, arn) };
  }

  user(n: Node): void {
    const e = this.entry(n, 'UserName', 'UserId', 'AWS::IAM::User', 'UserDetailList');
    if (e === undefined) return;
    const key = e.arn ?? `user/${e.native.name}`;
    const groups = items(child(n, 'GroupList')).flatMap((g) => {
      const s = str(g);
      return s === undefined ? [] : [known(s, this.pos.at(g))];
    });
    for (const g of groups) {
      const list = this.membersByGroup.get(g.value) ?? [];
      list.push(known(key, e.at));
      this.membersByGroup.set(g.value, list);
    }
    const why = 'login profiles and access keys are not part of get-account-authorization-details (see the credential report)';
    const u: IamUser = {
      kind: 'aws.iam.user', key, aliases: e.aliases, native: e.native, at: e.at,
      name: e.name,
      inlinePolicies: this.inline(child(n, 'UserPolicyList'), 'UserPolicyList'),
      managedPolicies: this.managed(child(n, 'AttachedManagedPolicies')),
      groups,
      permissionsBoundary: this.boundary(child(n, 'PermissionsBoundary'), e.at),
      loginProfile: unknown(e.at, why),
      accessKeys: unknown(e.at, why),
      tags: this.tags(child(n, 'Tags'), e.at),
    };
    this.resources.push(u);
  }

  group(n: Node): IamGroup | undefined {
    const e = this.entry(n, 'GroupName', 'GroupId', 'AWS::IAM::Group', 'GroupDetailList');
    if (e === undefined) return undefined;
    return {
      kind: 'aws.iam.group', key: e.arn ?? `group/${e.native.name}`, aliases: e.aliases, native: e.native, at: e.at,
      name: e.name,
      inlinePolicies: this.inline(child(n, 'GroupPolicyList'), 'GroupPolicyList'),
      managedPolicies: this.managed(child(n, 'AttachedManagedPolicies')),
      members: [],
    };
  }

  role(n: Node): void {
    const e = this.entry(n, 'RoleName', 'RoleId', 'AWS::IAM::Role', 'RoleDetailList');
    if (e === undefined) return;
    const key = e.arn ?? `role/${e.native.name}`;
    const path = this.attr(child(n, 'Path'), e.at, 'Path');
    const r: IamRole = {
      kind: 'aws.iam.role', key, aliases: e.aliases, native: e.native, at: e.at,
      name: e.name,
      path: path.known ? path : known('/', e.at),
      trustPolicy: this.document(child(n, 'AssumeRolePolicyDocument'), e.at, `the trust policy of \`${e.native.name}\``),
      inlinePolicies: this.inline(child(n, 'RolePolicyList'), 'RolePolicyList'),
      managedPolicies: this.managed(child(n, 'AttachedManagedPolicies')),
      permissionsBoundary: this.boundary(child(n, 'PermissionsBoundary'), e.at),
      tags: this.tags(child(n, 'Tags'), e.at),
    };
    this.resources.push(r);
    for (const p of items(child(n, 'InstanceProfileList'))) {
      const pe = this.entry(p, 'InstanceProfileName', 'InstanceProfileId', 'AWS::IAM::InstanceProfile', 'InstanceProfileList');
      if (pe === undefined) continue;
      const pkey = pe.arn ?? `instance-profile/${pe.native.name}`;
      const existing = this.profiles.get(pkey);
      const roles = [...(existing?.roles ?? []), known(key, pe.at)];
      this.profiles.set(pkey, { kind: 'aws.iam.instanceProfile', key: pkey, aliases: pe.aliases, native: pe.native, at: existing?.at ?? pe.at, name: pe.name, roles });
    }
  }

  policy(n: Node): void {
    const e = this.entry(n, 'PolicyName', 'PolicyId', 'AWS::IAM::ManagedPolicy', 'Policies');
    if (e === undefined) return;
    const versions = items(child(n, 'PolicyVersionList'));
    const defaultId = str(child(n, 'DefaultVersionId'));
    const chosen = versions.find((v) => child(v, 'IsDefaultVersion')?.value === true)
      ?? versions.find((v) => defaultId !== undefined && str(child(v, 'VersionId')) === defaultId);
    const document = chosen === undefined
      ? unknown(e.at, 'the export does not include the default version of this policy')
      : this.document(child(chosen, 'Document'), this.pos.at(chosen), `the default version of \`${e.native.name}\``);
    const p: IamManagedPolicy = {
      kind: 'aws.iam.policy', key: e.arn ?? `policy/${e.native.name}`, aliases: e.aliases, native: e.native, at: e.at,
      name: e.name,
      arn: e.arn !== undefined ? known(e.arn, e.at) : unknown(e.at, 'the policy has no Arn in the export'),
      document,
    };
    this.resources.push(p);
  }

  finish(groups: IamGroup[]): void {
    for (const g of groups) {
      const members = [...(this.membersByGroup.get(g.key) ?? [])];
      for (const alias of g.aliases) if (alias !== g.key) members.push(...(this.membersByGroup.get(alias) ?? []));
      this.resources.push({ ...g, members });
    }
    this.resources.push(...this.profiles.values());
  }
}

function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** Loads one export. `file` is the path as given; positions are 1-based. */
export function loadAuthorizationDetails(file: string, text: string): LoadResult {
  const deep = findTooDeep(text);
  if (deep !== undefined) {
    const at = lineColumnAt(text, deep);
    return { resources: [], fragments: [], diagnostics: [{ code: 'too-deep', severity: 'error', file, line: at.line, column: at.column, message: `JSON nesting deeper than ${MAX_JSON_DEPTH} levels` }] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const pos = new LineIndex(file, text);
  const first = errors[0];
  if (first !== undefined || root === undefined) {
    const at = first !== undefined ? pos.lineCol(first.offset) : { line: 1, column: 1 };
    return {
      resources: [], fragments: [],
      diagnostics: [{ code: 'parse-error', severity: 'error', file, line: at.line, column: at.column, message: `invalid JSON: ${first !== undefined ? printParseErrorCode(first.error) : 'empty document'}` }],
    };
  }
  const loader = new Loader(pos);
  for (const u of items(child(root, 'UserDetailList'))) loader.user(u);
  const groups = items(child(root, 'GroupDetailList')).map((g) => loader.group(g)).filter((g): g is IamGroup => g !== undefined);
  for (const r of items(child(root, 'RoleDetailList'))) loader.role(r);
  for (const p of items(child(root, 'Policies'))) loader.policy(p);
  loader.finish(groups);
  return { resources: loader.resources, fragments: [], diagnostics: loader.diagnostics };
}
