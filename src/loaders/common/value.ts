import type { Provenance } from '../../model/core/index.js';

/**
 * A resolved configuration value with its position: what every loader's resolve step produces from its format's
 * expressions (CloudFormation intrinsics, ARM template functions, Terraform expressions) before adapting to the model.
 * `unknown` is a value that cannot be known before deployment; `refs` names the resources it derives from
 * (estate keys), which is how adapters link a rule to its security group when the group's id is not yet known.
 * `json` (optional, on strings and unknowns) is the structure a JSON-encoded string was built from, with positions
 * (Terraform `jsonencode(...)`, `data.aws_iam_policy_document.x.json`): when parts are known only after apply the
 * string is unknown but the document's shape, with unknown leaves, is still there for policy checks.
 * `unset` (optional, on unknowns) marks a value the input leaves out and a tool fills in at deployment (in a Terraform
 * plan, an attribute the configuration does not set that the provider computes): adapters read it as "not set" for
 * an argument (so its documented default applies) and as unknown for an output such as an address assigned at apply.
 */
export type Value =
  | { readonly t: 'string'; readonly v: string; readonly at: Provenance; readonly json?: Value }
  | { readonly t: 'number'; readonly v: number; readonly at: Provenance }
  | { readonly t: 'bool'; readonly v: boolean; readonly at: Provenance }
  | { readonly t: 'null'; readonly at: Provenance }
  | { readonly t: 'list'; readonly items: readonly Value[]; readonly at: Provenance }
  | { readonly t: 'object'; readonly fields: ReadonlyMap<string, Value>; readonly at: Provenance }
  | { readonly t: 'unknown'; readonly why: string; readonly refs: readonly string[]; readonly at: Provenance; readonly json?: Value; readonly unset?: boolean };

export type ObjectValue = Extract<Value, { t: 'object' }>;

export const str = (v: string, at: Provenance): Value => ({ t: 'string', v, at });
export const num = (v: number, at: Provenance): Value => ({ t: 'number', v, at });
export const bool = (v: boolean, at: Provenance): Value => ({ t: 'bool', v, at });
export const nul = (at: Provenance): Value => ({ t: 'null', at });
export const list = (items: readonly Value[], at: Provenance): Value => ({ t: 'list', items, at });
export const obj = (fields: ReadonlyMap<string, Value>, at: Provenance): ObjectValue => ({ t: 'object', fields, at });
export const unknownValue = (why: string, at: Provenance, refs: readonly string[] = []): Value => ({ t: 'unknown', why, refs, at });
