import type { Provenance } from '../../../../model/core/index.js';
import type { ObjectValue, Value } from '../../../common/value.js';
import type { EvalHost } from '../eval/scope.js';
import { markOpen, openInfo } from '../eval/scope.js';
import { isError } from '../eval/values.js';

/**
 * Final pass over an instance's values:
 * - a value that came from elsewhere (a variable default, a local in another file, a module input) is re-pointed at
 *   the place inside the resource block that brought it in, so a finding lands on the resource's own line;
 * - an evaluation error becomes an unknown (with its reason) plus one diagnostic at the error's own position.
 * Unchanged subtrees are kept as they are (no copy).
 */
export function finishValues(values: ObjectValue, block: Provenance, host: EvalHost, key: string, address: string): ObjectValue {
  const out = visit(values, block, block, host, 0);
  if (out !== values && out.t === 'object') markOpen(out, key, address);
  return out.t === 'object' ? out : values;
}

function inside(at: Provenance, block: Provenance): boolean {
  return at.file === block.file && at.line >= block.line && at.endLine <= block.endLine && (at.line > block.line || at.column >= block.column);
}

function visit(v: Value, block: Provenance, fallback: Provenance, host: EvalHost, depth: number): Value {
  const own = inside(v.at, block);
  const at = own ? v.at : fallback;
  if (isError(v) && v.t === 'unknown') {
    host.diag('invalid-value', 'warning', v.at, v.why);
    return { t: 'unknown', why: v.why, refs: v.refs, at };
  }
  if (depth > 300) return v;
  switch (v.t) {
    case 'list': {
      let changed = !own;
      const items = v.items.map((i) => {
        const n = visit(i, block, at, host, depth + 1);
        if (n !== i) changed = true;
        return n;
      });
      return changed ? { t: 'list', items, at } : v;
    }
    case 'object': {
      let changed = !own;
      const fields = new Map<string, Value>();
      for (const [k, f] of v.fields) {
        const n = visit(f, block, at, host, depth + 1);
        if (n !== f) changed = true;
        fields.set(k, n);
      }
      if (!changed) return v;
      const o: ObjectValue = { t: 'object', fields, at };
      const info = openInfo(v);
      if (info) markOpen(o, info.key, info.address);
      return o;
    }
    default:
      // A JSON document's structure (`json`) keeps its own positions: statements point where they were written.
      return own ? v : { ...v, at };
  }
}
