import type { Provenance } from '../../../../model/core/index.js';
import type { Value } from '../../../common/value.js';
import type { InstanceRecord } from '../module/instance.js';
import type { Block, Body } from '../syntax/ast.js';

/** Where a resource and its arguments are written in source, for findings made on a plan of the same configuration. */
export interface SourceLocation {
  /** The resource block. */
  readonly block: Provenance;
  /** Position of an argument or nested block by path (`['ingress', 0, 'cidr_blocks']`), deepest match. */
  attribute(path: readonly (string | number)[]): Provenance | undefined;
}

/** `module.a["x"].aws_s3_bucket.b[0]` → `module.a.aws_s3_bucket.b` (the block all instances share). */
export function configAddress(address: string): string {
  let out = '';
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch !== '[') {
      out += ch;
      continue;
    }
    // Skip the instance key, which may be a quoted string containing `]`.
    i++;
    let quoted = false;
    for (; i < address.length; i++) {
      const c = address[i];
      if (quoted) {
        if (c === '\\') i++;
        else if (c === '"') quoted = false;
      } else if (c === '"') quoted = true;
      else if (c === ']') break;
    }
  }
  return out;
}

function fromValues(values: Value, block: Provenance, path: readonly (string | number)[]): Provenance | undefined {
  let cur: Value | undefined = values;
  let best: Provenance | undefined;
  for (const seg of path) {
    if (!cur) break;
    if (cur.t === 'object' && typeof seg === 'string') cur = cur.fields.get(seg);
    else if (cur.t === 'list' && typeof seg === 'number') cur = cur.items[seg];
    else if (cur.t === 'list' && typeof seg === 'string' && /^[0-9]+$/.test(seg)) cur = cur.items[Number(seg)];
    else cur = undefined;
    if (cur) best = cur.at;
  }
  return best ?? block;
}

function fromBody(body: Body, block: Provenance, path: readonly (string | number)[]): Provenance | undefined {
  let cur: Body | undefined = body;
  let best: Provenance = block;
  for (let i = 0; i < path.length && cur; i++) {
    const seg = path[i];
    if (typeof seg !== 'string') return best;
    const a = cur.attributes.find((x) => x.name === seg);
    if (a) return a.at;
    const blocks: readonly Block[] = cur.blocks.filter((b) => b.type === seg || (b.type === 'dynamic' && b.labels[0] === seg));
    if (blocks.length === 0) return best;
    const next = path[i + 1];
    const idx = typeof next === 'number' ? next : typeof next === 'string' && /^[0-9]+$/.test(next) ? Number(next) : undefined;
    const b: Block | undefined = blocks[idx !== undefined && idx < blocks.length ? idx : 0];
    if (!b) return best;
    best = b.at;
    cur = b.type === 'dynamic' ? b.body.blocks.find((c: Block) => c.type === 'content')?.body : b.body;
    if (idx !== undefined) i++;
  }
  return best;
}

/** Index of one root's instances by address, falling back to the shared block when instance keys differ. */
export class SourceIndex {
  private readonly byAddress = new Map<string, InstanceRecord>();
  private readonly byConfig = new Map<string, InstanceRecord>();

  constructor(instances: readonly InstanceRecord[]) {
    for (const i of instances) {
      this.byAddress.set(i.address, i);
      const c = configAddress(i.address);
      if (!this.byConfig.has(c)) this.byConfig.set(c, i);
    }
  }

  locate(address: string): SourceLocation | undefined {
    const exact = this.byAddress.get(address);
    if (exact) return { block: exact.at, attribute: (p) => fromValues(exact.values, exact.at, p) };
    const shared = this.byConfig.get(configAddress(address));
    if (!shared) return undefined;
    return { block: shared.at, attribute: (p) => fromBody(shared.config.body, shared.at, p) };
  }
}
