/**
 * The ARM template expression language: a string `[...]` holding one expression made of function calls, single-quoted
 * strings (`''` escapes a quote), integers, property access `.name` and index access `[expr]`.
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions
 * `pos` is the 0-based index in the expression text (after the opening bracket).
 */
export type Expr =
  | { readonly k: 'str'; readonly v: string; readonly pos: number }
  | { readonly k: 'num'; readonly v: number; readonly pos: number }
  | { readonly k: 'lit'; readonly v: boolean | null; readonly pos: number }
  | { readonly k: 'call'; readonly name: string; readonly args: readonly Expr[]; readonly pos: number }
  | { readonly k: 'prop'; readonly target: Expr; readonly name: string; readonly pos: number }
  | { readonly k: 'index'; readonly target: Expr; readonly index: Expr; readonly pos: number };

export interface ExprError {
  readonly message: string;
  readonly pos: number;
}

/** What a template string is: a literal (the `[[` escape already removed) or an expression to evaluate. */
export type TemplateString =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'expression'; readonly text: string };

/**
 * A string is an expression when it starts with `[` and ends with `]`; `[[` at the start escapes the bracket and the
 * string is a literal without its first character.
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions#escape-characters
 */
export function classify(s: string): TemplateString {
  if (s.length >= 2 && s.startsWith('[') && s.endsWith(']')) {
    if (s.startsWith('[[')) return { kind: 'literal', value: s.slice(1) };
    return { kind: 'expression', text: s.slice(1, -1) };
  }
  return { kind: 'literal', value: s };
}
