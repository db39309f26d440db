/**
 * Sets of integers as sorted, disjoint, non-adjacent inclusive intervals stored flat: [lo0, hi0, lo1, hi1, …].
 * One implementation serves IPv4 (number), IPv6 (bigint), ports and protocol numbers; the scalar operations are passed
 * in so the same merge code works for both numeric types.
 */
export type Flat<T> = readonly T[];

export interface Scalar<T extends number | bigint> {
  succ(x: T): T;
  pred(x: T): T;
}

export const NUM: Scalar<number> = { succ: (x) => x + 1, pred: (x) => x - 1 };
export const BIG: Scalar<bigint> = { succ: (x) => x + 1n, pred: (x) => x - 1n };

/** Normalises arbitrary [lo, hi] pairs (unsorted, overlapping) into a flat set. */
export function normalize<T extends number | bigint>(pairs: (readonly [T, T])[], s: Scalar<T>): T[] {
  const sorted = pairs.filter((p) => p[0] <= p[1]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: T[] = [];
  for (const [lo, hi] of sorted) {
    const n = out.length;
    if (n > 0 && lo <= s.succ(out[n - 1] as T)) {
      if (hi > (out[n - 1] as T)) out[n - 1] = hi;
    } else out.push(lo, hi);
  }
  return out;
}

export function union<T extends number | bigint>(a: Flat<T>, b: Flat<T>, s: Scalar<T>): Flat<T> {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let lo: T;
    let hi: T;
    if (j >= b.length || (i < a.length && (a[i] as T) <= (b[j] as T))) {
      lo = a[i] as T;
      hi = a[i + 1] as T;
      i += 2;
    } else {
      lo = b[j] as T;
      hi = b[j + 1] as T;
      j += 2;
    }
    const n = out.length;
    if (n > 0 && lo <= s.succ(out[n - 1] as T)) {
      if (hi > (out[n - 1] as T)) out[n - 1] = hi;
    } else out.push(lo, hi);
  }
  return out;
}

export function intersect<T extends number | bigint>(a: Flat<T>, b: Flat<T>): Flat<T> {
  if (a.length === 0) return a;
  if (b.length === 0) return b;
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = (a[i] as T) > (b[j] as T) ? (a[i] as T) : (b[j] as T);
    const ahi = a[i + 1] as T;
    const bhi = b[j + 1] as T;
    const hi = ahi < bhi ? ahi : bhi;
    if (lo <= hi) out.push(lo, hi);
    if (ahi < bhi) i += 2;
    else j += 2;
  }
  return out;
}

export function subtract<T extends number | bigint>(a: Flat<T>, b: Flat<T>, s: Scalar<T>): Flat<T> {
  if (a.length === 0 || b.length === 0) return a;
  const out: T[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let lo = a[i] as T;
    const hi = a[i + 1] as T;
    while (j < b.length && (b[j + 1] as T) < lo) j += 2;
    let k = j;
    while (k < b.length && (b[k] as T) <= hi) {
      const blo = b[k] as T;
      const bhi = b[k + 1] as T;
      if (blo > lo) out.push(lo, s.pred(blo));
      if (bhi >= hi) {
        lo = s.succ(hi);
        break;
      }
      lo = s.succ(bhi);
      k += 2;
    }
    if (lo <= hi) out.push(lo, hi);
  }
  return out;
}

/** Binary search: is x inside one of the intervals? */
export function has<T extends number | bigint>(a: Flat<T>, x: T): boolean {
  let lo = 0;
  let hi = a.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (x < (a[2 * mid] as T)) hi = mid - 1;
    else if (x > (a[2 * mid + 1] as T)) lo = mid + 1;
    else return true;
  }
  return false;
}

/** b ⊆ a. */
export function covers<T extends number | bigint>(a: Flat<T>, b: Flat<T>): boolean {
  let i = 0;
  for (let j = 0; j < b.length; j += 2) {
    const lo = b[j] as T;
    const hi = b[j + 1] as T;
    while (i < a.length && (a[i + 1] as T) < lo) i += 2;
    if (i >= a.length || (a[i] as T) > lo || (a[i + 1] as T) < hi) return false;
  }
  return true;
}

export function overlaps<T extends number | bigint>(a: Flat<T>, b: Flat<T>): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if ((a[i + 1] as T) < (b[j] as T)) i += 2;
    else if ((b[j + 1] as T) < (a[i] as T)) j += 2;
    else return true;
  }
  return false;
}

export function same<T extends number | bigint>(a: Flat<T>, b: Flat<T>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
