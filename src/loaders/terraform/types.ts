import type { Provenance } from '../../model/core/index.js';
import type { ObjectValue } from '../common/value.js';

/**
 * One resource instance of a Terraform configuration, after evaluation: what both the plan JSON loader and the HCL
 * loader produce, and the only thing the Terraform adapter reads. `count`/`for_each` give one instance each.
 */
export interface TfResourceInstance {
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** Full instance address: `module.net["a"].aws_security_group.web[0]`. */
  readonly address: string;
  /** Estate key: the root module's directory, `::`, then the address. Refs in values use the same keys. */
  readonly key: string;
  /** Arguments and nested blocks (a nested block type maps to a list of objects, as in plan JSON). */
  readonly values: ObjectValue;
  /** The resource block. */
  readonly at: Provenance;
  /**
   * Dotted paths of values Terraform marks sensitive (`master_password`, `environment.0.variables.API_KEY`). Their
   * values are still in the input (a plan holds them in clear), so they stay known; this only records the mark.
   */
  readonly sensitive?: readonly string[];
  /**
   * Set when `count`/`for_each` (of the resource or an enclosing module) is not known before apply: this one instance,
   * addressed with `[*]`, stands for all of them, and says why. Its values are evaluated with `count.index`/`each`
   * unknown.
   */
  readonly unknownExpansion?: string;
}

/** A root module variable, kept for the secret-parameter checks. */
export interface TfVariable {
  readonly name: string;
  readonly sensitive: boolean;
  readonly default: string | null;
  readonly key: string;
  readonly at: Provenance;
}
