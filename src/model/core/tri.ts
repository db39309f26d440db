/** Three-valued logic for questions whose inputs may be unknown. */
export type Tri = true | false | 'unknown';

export function triAnd(...xs: Tri[]): Tri {
  if (xs.includes(false)) return false;
  return xs.includes('unknown') ? 'unknown' : true;
}

export function triOr(...xs: Tri[]): Tri {
  if (xs.includes(true)) return true;
  return xs.includes('unknown') ? 'unknown' : false;
}

export function triNot(x: Tri): Tri {
  return x === 'unknown' ? x : !x;
}
