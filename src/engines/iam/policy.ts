/**
 * Parsing, validation and compilation of one policy document into its indexed, evaluate-many form.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 *
 * Nothing here throws for bad input. A policy that is not JSON, or not a policy, compiles to a `broken` policy whose
 * every statement is undetermined; a statement with an error (unknown operator, bad Effect, Principal in an identity
 * policy) compiles as undetermined; warnings leave the statement evaluable. Each issue carries the statement index,
 * a JSON path and, when we were given text, a 1-based line/column.
 */
import { UNKNOWN_LEAF_PREFIX, hasUnknownPart, isPartlyUnknown } from '../../model/core/json.js';
import { partialPattern } from './partial.js';
import type { JsonValue } from '../../model/core/json.js';
import type { CompiledCondition, ValueIssue } from './conditions.js';
import { compileValues, parseOperator } from './conditions.js';
import type { JNode } from './json-node.js';
import { LineIndex, fromText, fromValue } from './json-node.js';
import type { CompiledPrincipal } from './principal.js';
import { compilePrincipal } from './principal.js';
import type { Template } from './variables.js';
import { parseTemplate } from './variables.js';
import type { GlobPattern, Matcher } from './wildcard.js';
import { arnSegments, asciiLower, compileGlob, globFromText } from './wildcard.js';
import type { PolicyIssue, PolicyIssueCode, PolicyType, Position, Span, StatementRef } from './types.js';

export const MAX_POLICY_CHARS = 1_048_576;

export interface ActionElement {
  readonly negated: boolean;
  /** Lower-cased `service:action` matchers. */
  readonly matchers: readonly Matcher[];
  /** Literal services every pattern is confined to, or null when some pattern spans services. */
  readonly services: ReadonlySet<string> | null;
  readonly unknown: boolean;
  /** Partly known entries (`s3:<unknown: …>`): a request action they match is matched only possibly. */
  readonly possible?: readonly Matcher[];
}

export interface ResourceEntry {
  readonly source: string;
  /** Set when the entry has no variables. */
  readonly matcher?: Matcher;
  readonly pattern?: GlobPattern;
  readonly template?: Template;
}

export interface ResourceElement {
  readonly negated: boolean;
  /** True when the statement has neither Resource nor NotResource (trust policies): it covers its resource. */
  readonly absent: boolean;
  readonly entries: readonly ResourceEntry[];
  readonly unknown: boolean;
  /** Partly known entries (`arn:aws:s3:::<unknown: …>/*`): a resource they match is matched only possibly. */
  readonly possible?: readonly Matcher[];
}

export interface CompiledStatement {
  readonly ref: StatementRef;
  readonly effect: 'Allow' | 'Deny' | 'unknown';
  readonly action: ActionElement;
  readonly resource: ResourceElement;
  readonly principal?: { readonly negated: boolean; readonly p: CompiledPrincipal };
  readonly conditions: readonly CompiledCondition[];
  /** Why the statement cannot be evaluated (an error in it); its applicability is then unknown. */
  readonly undetermined?: string;
}

export interface CompiledPolicy {
  readonly id: string;
  readonly type: PolicyType;
  readonly version: '2012-10-17' | '2008-10-17';
  readonly statements: readonly CompiledStatement[];
  readonly issues: readonly PolicyIssue[];
  /** Set when the document as a whole could not be read; evaluation then treats it as undetermined. */
  readonly broken?: string;
  /** Statement indexes per lower-cased service, plus those that may match any service. */
  candidates(service: string): readonly number[];
}

export interface CompileOptions {
  readonly id: string;
  readonly type: PolicyType;
  /**
   * Statement positions when the caller knows them (e.g. from the file that embedded the policy) and passes parsed
   * JSON rather than text.
   */
  readonly statementSpans?: readonly (Span | undefined)[];
}

type Ctx = {
  readonly opts: CompileOptions;
  readonly issues: PolicyIssue[];
  readonly lines?: LineIndex;
  readonly vars: boolean;
};

function posOf(ctx: Ctx, node: JNode | undefined): Position | undefined {
  if (ctx.lines === undefined || node?.offset === undefined) return undefined;
  return ctx.lines.at(node.offset);
}

function issue(
  ctx: Ctx, code: PolicyIssueCode, severity: 'error' | 'warning', message: string, path: string,
  node?: JNode, statement?: number,
): void {
  const at = posOf(ctx, node);
  ctx.issues.push({
    code, severity, message, policyId: ctx.opts.id, path,
    ...(statement !== undefined ? { statement } : {}), ...(at ? { at } : {}),
  });
}

/** Compiles policy text (positions from the text) or an already-parsed document. */
export function compilePolicy(input: string | JsonValue, opts: CompileOptions): CompiledPolicy {
  const issues: PolicyIssue[] = [];
  let root: JNode;
  let lines: LineIndex | undefined;
  if (typeof input === 'string') {
    if (input.startsWith(UNKNOWN_LEAF_PREFIX)) {
      return brokenPolicy(opts, issues, `the policy document is unknown: ${input}`, 'unknown-leaf');
    }
    if (input.length > MAX_POLICY_CHARS) {
      return brokenPolicy(opts, issues, `policy of ${input.length} characters exceeds ${MAX_POLICY_CHARS}`, 'too-large');
    }
    const parsed = fromText(input);
    if (parsed.node === undefined) {
      const at = new LineIndex(input).at(parsed.error?.offset ?? 0);
      return brokenPolicy(opts, issues, `not valid JSON: ${parsed.error?.message ?? 'unreadable'}`, 'malformed-json', at);
    }
    root = parsed.node;
    lines = new LineIndex(input);
  } else root = fromValue(input);
  if (root.kind !== 'object') return brokenPolicy(opts, issues, 'a policy document must be a JSON object', 'not-an-object');

  const get = (k: string): JNode | undefined => root.kind === 'object' ? root.entries.find((e) => e.key === k)?.value : undefined;
  const versionNode = get('Version');
  let version: CompiledPolicy['version'] = '2008-10-17';
  const baseCtx = { opts, issues, ...(lines ? { lines } : {}) };
  if (versionNode === undefined) {
    issue({ ...baseCtx, vars: false }, 'unknown-version', 'warning',
      'no Version: AWS reads the policy as 2008-10-17, where policy variables are not substituted', 'Version');
  } else if (versionNode.kind === 'string' && (versionNode.value === '2012-10-17' || versionNode.value === '2008-10-17')) {
    version = versionNode.value;
  } else {
    return brokenPolicy(opts, issues, 'Version must be "2012-10-17" or "2008-10-17"', 'unknown-version', lines ? lines.at(versionNode.offset ?? 0) : undefined);
  }
  const ctx: Ctx = { ...baseCtx, vars: version === '2012-10-17' };
  for (const e of root.entries) {
    if (e.key !== 'Version' && e.key !== 'Id' && e.key !== 'Statement') {
      issue(ctx, 'unknown-element', 'warning', `unknown top-level element \`${e.key}\``, e.key, e.value);
    }
  }
  const stNode = get('Statement');
  if (stNode === undefined) return brokenPolicy(opts, issues, 'the policy has no Statement', 'missing-statement');
  const stNodes = stNode.kind === 'array' ? stNode.items : [stNode];
  const statements = stNodes.map((n, i) => compileStatement(ctx, n, i, stNode.kind === 'array'));
  return finish(opts, version, statements, issues);
}

function brokenPolicy(
  opts: CompileOptions, issues: PolicyIssue[], message: string, code: PolicyIssueCode, at?: Position,
): CompiledPolicy {
  issues.push({ code, severity: 'error', message, policyId: opts.id, path: '', ...(at ? { at } : {}) });
  return { id: opts.id, type: opts.type, version: '2012-10-17', statements: [], issues, broken: message, candidates: () => [] };
}

function finish(
  opts: CompileOptions, version: CompiledPolicy['version'], statements: CompiledStatement[], issues: PolicyIssue[],
): CompiledPolicy {
  const byService = new Map<string, number[]>();
  const always: number[] = [];
  statements.forEach((s, i) => {
    if (s.action.negated || s.action.services === null || s.undetermined !== undefined || s.action.unknown) always.push(i);
    else for (const svc of s.action.services) {
      let l = byService.get(svc);
      if (l === undefined) byService.set(svc, (l = []));
      l.push(i);
    }
  });
  const cache = new Map<string, readonly number[]>();
  return {
    id: opts.id, type: opts.type, version, statements, issues,
    candidates(service: string): readonly number[] {
      let c = cache.get(service);
      if (c === undefined) {
        const own = byService.get(service);
        c = own === undefined ? always : always.length === 0 ? own : [...own, ...always].sort((a, b) => a - b);
        cache.set(service, c);
      }
      return c;
    },
  };
}

const STATEMENT_KEYS = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
const PRINCIPAL_TYPES: ReadonlySet<PolicyType> = new Set(['resource', 'rcp', 'vpcEndpoint']);

function compileStatement(ctx: Ctx, node: JNode, index: number, inArray: boolean): CompiledStatement {
  const path = inArray ? `Statement[${index}]` : 'Statement';
  const errors: string[] = [];
  const err = (code: PolicyIssueCode, message: string, p: string, n?: JNode): void => {
    issue(ctx, code, 'error', message, p, n, index);
    errors.push(message);
  };
  const warn = (code: PolicyIssueCode, message: string, p: string, n?: JNode): void => issue(ctx, code, 'warning', message, p, n, index);
  const span = spanOf(ctx, node, index);
  const baseRef = { policyId: ctx.opts.id, policyType: ctx.opts.type, index, ...(span ? { span } : {}) };
  const emptyAction: ActionElement = { negated: false, matchers: [], services: new Set(), unknown: false };
  const emptyResource: ResourceElement = { negated: false, absent: true, entries: [], unknown: false };
  if (node.kind !== 'object') {
    err('invalid-statement', 'a statement must be a JSON object', path, node);
    return { ref: { ...baseRef, effect: 'Deny' }, effect: 'unknown', action: emptyAction, resource: emptyResource, conditions: [], undetermined: 'not an object' };
  }
  const field = (k: string): JNode | undefined => node.entries.find((e) => e.key === k)?.value;
  for (const e of node.entries) {
    if (!STATEMENT_KEYS.has(e.key)) err('unknown-element', `unknown statement element \`${e.key}\``, `${path}.${e.key}`, e.value);
  }
  const sidNode = field('Sid');
  const sid = sidNode?.kind === 'string' ? sidNode.value : undefined;

  const effectNode = field('Effect');
  let effect: CompiledStatement['effect'] = 'unknown';
  if (effectNode?.kind === 'string' && (effectNode.value === 'Allow' || effectNode.value === 'Deny')) effect = effectNode.value;
  else err('invalid-effect', 'Effect must be "Allow" or "Deny"', `${path}.Effect`, effectNode ?? node);

  // Action / NotAction
  const actionNode = field('Action');
  const notActionNode = field('NotAction');
  let action = emptyAction;
  if (actionNode !== undefined && notActionNode !== undefined) err('action-and-not-action', 'a statement has either Action or NotAction, not both', path, node);
  else if (actionNode === undefined && notActionNode === undefined) err('missing-action', 'a statement needs Action or NotAction', path, node);
  else {
    const negated = actionNode === undefined;
    const n = (actionNode ?? notActionNode) as JNode;
    action = compileActions(n, negated, (m, at) => err('invalid-action', m, `${path}.${negated ? 'NotAction' : 'Action'}`, at));
  }

  // Resource / NotResource
  const resNode = field('Resource');
  const notResNode = field('NotResource');
  let resource = emptyResource;
  if (resNode !== undefined && notResNode !== undefined) err('resource-and-not-resource', 'a statement has either Resource or NotResource, not both', path, node);
  else if (resNode === undefined && notResNode === undefined) {
    const t = ctx.opts.type;
    if (t === 'identity' || t === 'permissionsBoundary' || t === 'session') {
      err('missing-resource', 'an identity-based statement needs Resource or NotResource', path, node);
    } else if (t !== 'resource') warn('missing-resource', 'no Resource: the statement is read as covering every resource', path, node);
  } else {
    const negated = resNode === undefined;
    const n = (resNode ?? notResNode) as JNode;
    resource = compileResources(ctx, n, negated, (m, at) => err('invalid-resource', m, `${path}.${negated ? 'NotResource' : 'Resource'}`, at),
      (m, at) => warn('invalid-variable', m, `${path}.Resource`, at));
  }

  // Principal / NotPrincipal
  const pNode = field('Principal');
  const npNode = field('NotPrincipal');
  let principal: CompiledStatement['principal'];
  const wantsPrincipal = PRINCIPAL_TYPES.has(ctx.opts.type);
  if (!wantsPrincipal && (pNode !== undefined || npNode !== undefined)) {
    err('principal-not-allowed', `a ${ctx.opts.type} policy cannot name a Principal`, path, pNode ?? npNode);
  } else if (pNode !== undefined && npNode !== undefined) {
    err('principal-and-not-principal', 'a statement has either Principal or NotPrincipal, not both', path, node);
  } else if (wantsPrincipal) {
    if (pNode === undefined && npNode === undefined) {
      if (ctx.opts.type === 'vpcEndpoint') principal = undefined; // endpoint policies default to every principal
      else err('missing-principal', 'a resource-based statement needs Principal or NotPrincipal', path, node);
    } else {
      const negated = pNode === undefined;
      const pIssues: { code: 'invalid-principal' | 'principal-partial-wildcard'; message: string; node: JNode }[] = [];
      const p = compilePrincipal((pNode ?? npNode) as JNode, pIssues);
      for (const pi of pIssues) {
        if (pi.code === 'invalid-principal') err(pi.code, pi.message, `${path}.${negated ? 'NotPrincipal' : 'Principal'}`, pi.node);
        else warn(pi.code, pi.message, `${path}.Principal`, pi.node);
      }
      principal = { negated, p };
    }
  }

  // Condition
  const conditions: CompiledCondition[] = [];
  const condNode = field('Condition');
  if (condNode !== undefined) {
    if (condNode.kind === 'string' && condNode.value.startsWith(UNKNOWN_LEAF_PREFIX)) {
      errors.push(`the Condition block is unknown: ${condNode.value}`);
    } else if (condNode.kind !== 'object') err('invalid-condition', 'Condition must be an object', `${path}.Condition`, condNode);
    else for (const opEntry of condNode.entries) {
      const op = parseOperator(opEntry.key);
      const opPath = `${path}.Condition.${opEntry.key}`;
      const keyAt: JNode = { kind: 'null', ...(opEntry.keyOffset !== undefined ? { offset: opEntry.keyOffset } : {}) };
      if (op === undefined) {
        err('unknown-operator', `unknown condition operator \`${opEntry.key}\``, opPath, keyAt);
        continue;
      }
      if (opEntry.value.kind !== 'object') {
        err('invalid-condition', `\`${opEntry.key}\` must map condition keys to values`, opPath, opEntry.value);
        continue;
      }
      for (const keyEntry of opEntry.value.entries) {
        const vnode = keyEntry.value;
        const nodes = vnode.kind === 'array' ? vnode.items : [vnode];
        if (nodes.length === 0) {
          err('invalid-condition-value', `\`${keyEntry.key}\` has no values`, `${opPath}.${keyEntry.key}`, vnode);
          continue;
        }
        const vIssues: ValueIssue[] = [];
        const values = compileValues(op, nodes, ctx.vars, vIssues);
        for (const vi of vIssues) issue(ctx, vi.code, vi.severity, vi.message, `${opPath}.${keyEntry.key}`, vi.node, index);
        conditions.push({ operator: opEntry.key, op, key: keyEntry.key, keyLower: asciiLower(keyEntry.key), values });
      }
    }
  }

  const ref: StatementRef = { ...baseRef, effect: effect === 'unknown' ? 'Deny' : effect, ...(sid !== undefined ? { sid } : {}) };
  return {
    ref, effect, action, resource, ...(principal ? { principal } : {}), conditions,
    ...(errors.length > 0 ? { undetermined: errors.join('; ') } : {}),
  };
}

function spanOf(ctx: Ctx, node: JNode, index: number): Span | undefined {
  const given = ctx.opts.statementSpans?.[index];
  if (given !== undefined) return given;
  if (ctx.lines === undefined || node.offset === undefined || node.length === undefined) return undefined;
  return { start: ctx.lines.at(node.offset), end: ctx.lines.at(node.offset + node.length) };
}

/**
 * The string values of an element: known ones, whether one is wholly unknown, and the partly known ones
 * (`arn:aws:s3:::<unknown: …>/*`), which match only possibly and are read by the caller.
 */
function strings(n: JNode, bad: (m: string, at: JNode) => void): { values: string[]; unknown: boolean; partial: string[] } {
  const items = n.kind === 'array' ? n.items : [n];
  const values: string[] = [];
  const partial: string[] = [];
  let unknown = false;
  for (const it of items) {
    if (it.kind !== 'string') {
      bad('values must be strings', it);
      continue;
    }
    if (isPartlyUnknown(it.value)) partial.push(it.value);
    else if (hasUnknownPart(it.value)) unknown = true;
    else values.push(it.value);
  }
  if (items.length === 0) bad('an empty list matches nothing', n);
  return { values, unknown, partial };
}

function compileActions(n: JNode, negated: boolean, bad: (m: string, at: JNode) => void): ActionElement {
  const { values, unknown: wholly, partial } = strings(n, bad);
  const matchers: Matcher[] = [];
  let services: Set<string> | null = new Set();
  let unknown = wholly;
  const possible: Matcher[] = [];
  for (const raw of partial) {
    const p = partialPattern(raw, (t) => globFromText(asciiLower(t)));
    if (p === undefined) unknown = true;
    else possible.push(compileGlob(p));
  }
  // A partly known action may name any service: the statement is looked at for every request.
  if (possible.length > 0) services = null;
  for (const raw of values) {
    const v = asciiLower(raw);
    if (v === '*') {
      matchers.push(compileGlob(globFromText('*')));
      services = null;
      continue;
    }
    const colon = v.indexOf(':');
    if (colon <= 0 || colon === v.length - 1) {
      bad(`\`${raw}\` is not "*" or "service:action"`, n);
      continue;
    }
    const svc = v.slice(0, colon);
    matchers.push(compileGlob(globFromText(v)));
    if (svc.includes('*') || svc.includes('?')) services = null;
    else services?.add(svc);
  }
  return { negated, matchers, services, unknown, ...(possible.length > 0 ? { possible } : {}) };
}

function compileResources(
  ctx: Ctx, n: JNode, negated: boolean, bad: (m: string, at: JNode) => void, warnVar: (m: string, at: JNode) => void,
): ResourceElement {
  const { values, unknown: wholly, partial } = strings(n, bad);
  let unknown = wholly;
  const possible: Matcher[] = [];
  for (const raw of partial) {
    // Policy variables in the known text are not resolved here: such an entry is read as wholly unknown.
    const p = raw.includes('${') ? undefined : partialPattern(raw, globFromText, arnSegments);
    if (p === undefined) unknown = true;
    else possible.push(compileGlob(p));
  }
  const entries: ResourceEntry[] = values.map((v) => {
    const { template, issue: vi } = parseTemplate(v, ctx.vars);
    if (vi !== undefined) warnVar(vi, n);
    if (template.hasVars) return { source: v, template };
    const pattern = arnSegments(globFromText(v));
    return { source: v, pattern, matcher: compileGlob(pattern) };
  });
  return { negated, absent: false, entries, unknown, ...(possible.length > 0 ? { possible } : {}) };
}
