/**
 * `parapet simulate`: the engine's offline `aws iam simulate-custom-policy`, for the CLI (which reaches engines only
 * through scan/). Input: what `--cli-input-json` accepts, or an array of such inputs.
 */
import { explainResult, simulateBatch } from '../../engines/iam/index.js';
import type { SimulateOutcome, SimulateResponse } from '../../engines/iam/index.js';

export interface SimulatedRow {
  readonly action: string;
  readonly resource: string;
  readonly decision: string;
  readonly explanation: string;
}

export type SimulateItem =
  | { readonly ok: true; readonly response: SimulateResponse; readonly rows: readonly SimulatedRow[] }
  | { readonly ok: false; readonly error: { readonly Code: string; readonly Message: string } };

function item(o: SimulateOutcome): SimulateItem {
  if (!o.ok) return { ok: false, error: { Code: o.error.Code, Message: o.error.Message } };
  return {
    ok: true, response: o.response,
    rows: o.pairs.map((p) => ({ action: p.action, resource: p.resource, decision: p.result.decision, explanation: explainResult(p.result) })),
  };
}

/** One input gives one item; an array gives items in the same order. */
export function simulate(input: unknown): { readonly batch: boolean; readonly items: readonly SimulateItem[] } {
  const out = simulateBatch(input);
  return Array.isArray(out) ? { batch: true, items: out.map(item) } : { batch: false, items: [item(out)] };
}

/** The AWS CLI's JSON: the response, or `{Error: {Code, Message}}` for an input AWS would refuse. */
export function simulateJson(result: { readonly batch: boolean; readonly items: readonly SimulateItem[] }): string {
  const shape = result.items.map((i) => (i.ok ? i.response : { Error: i.error }));
  return `${JSON.stringify(result.batch ? shape : shape[0], null, 4)}\n`;
}
