import type { Value } from '../../../common/value.js';
import type { TfResourceInstance } from '../../types.js';
import type { TerraformRoot } from './load.js';

/**
 * Plan JSON parity: given instances loaded from a plan of a configuration and the same configuration's source root,
 * re-points every instance and every value at the source: the resource block, and each argument's line (or the
 * deepest enclosing argument or block the source has). Keys, addresses and values are unchanged, so findings made on
 * the plan land on the `.tf` lines that wrote them. Instances the source does not have keep their plan positions.
 */
export function remapToSource(instances: readonly TfResourceInstance[], root: TerraformRoot): TfResourceInstance[] {
  return instances.map((inst) => {
    const loc = root.locate(inst.address);
    if (!loc) return inst;
    const path: (string | number)[] = [];
    const visit = (v: Value): Value => {
      const at = loc.attribute(path) ?? loc.block;
      switch (v.t) {
        case 'list':
          return { ...v, at, items: v.items.map((x, i) => withSegment(path, i, () => visit(x))) };
        case 'object': {
          const fields = new Map<string, Value>();
          for (const [k, x] of v.fields) fields.set(k, withSegment(path, k, () => visit(x)));
          return { ...v, at, fields };
        }
        default:
          return { ...v, at };
      }
    };
    const values = visit(inst.values);
    return { ...inst, at: loc.block, values: values.t === 'object' ? values : inst.values };
  });
}

function withSegment<T>(path: (string | number)[], seg: string | number, f: () => T): T {
  path.push(seg);
  try {
    return f();
  } finally {
    path.pop();
  }
}
