import type { Provenance } from './provenance.js';

/**
 * Every model attribute: its value when known, or an honest "unknown" (a Terraform variable without a default,
 * `!ImportValue`, ARM `reference()`, a value computed at apply time). `at` is where the value was written, or the
 * resource itself when the attribute was not written and a documented default applies (`defaulted`).
 */
export type Attr<T> = Known<T> | Unknown;

export interface Known<T> {
  readonly known: true;
  readonly value: T;
  readonly at: Provenance;
  /** True when the input did not set the attribute and the value is the service's documented default. */
  readonly defaulted?: boolean;
}

export interface Unknown {
  readonly known: false;
  readonly at: Provenance;
  /** Why the value cannot be known before deployment, in words, e.g. "`!ImportValue SharedVpc`". */
  readonly why: string;
}

export function known<T>(value: T, at: Provenance): Known<T> {
  return { known: true, value, at };
}

export function defaulted<T>(value: T, at: Provenance): Known<T> {
  return { known: true, value, at, defaulted: true };
}

export function unknown(at: Provenance, why: string): Unknown {
  return { known: false, at, why };
}

export function isKnown<T>(a: Attr<T>): a is Known<T> {
  return a.known;
}

/** Applies `f` to a known value; an unknown stays unknown. */
export function mapAttr<T, U>(a: Attr<T>, f: (v: T) => U): Attr<U> {
  return a.known ? { ...a, value: f(a.value) } : a;
}
