import type { Provenance } from '../../../../model/core/index.js';

/**
 * The syntax tree the evaluator reads: a plain-object copy of the tree-sitter tree (or of a `.tf.json` document), so
 * the wasm tree can be freed right after parsing and both syntaxes evaluate the same way. Every node has a position.
 */
export interface Body {
  readonly attributes: readonly Attribute[];
  readonly blocks: readonly Block[];
  readonly at: Provenance;
}

export interface Attribute {
  readonly name: string;
  readonly expr: Expr;
  /** The whole `name = expr` line(s). */
  readonly at: Provenance;
}

export interface Block {
  readonly type: string;
  readonly labels: readonly string[];
  readonly body: Body;
  /** From the block type to the closing brace. */
  readonly at: Provenance;
  /** The block contains a syntax error (already reported): its values would be guesses. */
  readonly syntaxError?: boolean;
}

export type Expr =
  | { readonly k: 'lit'; readonly v: string | number | boolean | null; readonly at: Provenance }
  | { readonly k: 'template'; readonly parts: readonly TemplatePart[]; readonly at: Provenance }
  | { readonly k: 'tuple'; readonly items: readonly Expr[]; readonly at: Provenance }
  | { readonly k: 'object'; readonly items: readonly ObjectItem[]; readonly at: Provenance }
  | { readonly k: 'var'; readonly name: string; readonly at: Provenance }
  | { readonly k: 'call'; readonly name: string; readonly args: readonly Expr[]; readonly expand: boolean; readonly at: Provenance }
  | { readonly k: 'for'; readonly keyVar: string | null; readonly valVar: string; readonly coll: Expr; readonly keyExpr: Expr | null; readonly valExpr: Expr; readonly group: boolean; readonly cond: Expr | null; readonly at: Provenance }
  | { readonly k: 'cond'; readonly cond: Expr; readonly then: Expr; readonly else: Expr; readonly at: Provenance }
  | { readonly k: 'unary'; readonly op: '-' | '!'; readonly x: Expr; readonly at: Provenance }
  | { readonly k: 'binary'; readonly op: BinaryOp; readonly l: Expr; readonly r: Expr; readonly at: Provenance }
  | { readonly k: 'attr'; readonly x: Expr; readonly name: string; readonly at: Provenance }
  | { readonly k: 'index'; readonly x: Expr; readonly i: Expr; readonly at: Provenance }
  /** `x[*].a.b` (full) or `x.*.a` (attribute-only, legacy): `steps` apply to each element. */
  | { readonly k: 'splat'; readonly x: Expr; readonly steps: readonly Step[]; readonly at: Provenance }
  | { readonly k: 'paren'; readonly x: Expr; readonly at: Provenance }
  /** A part that could not be read (syntax error, too deep): evaluates to unknown with `why`. */
  | { readonly k: 'bad'; readonly why: string; readonly at: Provenance };

export type Step =
  | { readonly k: 'attr'; readonly name: string; readonly at: Provenance }
  | { readonly k: 'index'; readonly i: Expr; readonly at: Provenance };

export type BinaryOp = '*' | '/' | '%' | '+' | '-' | '>' | '>=' | '<' | '<=' | '==' | '!=' | '&&' | '||';

export interface ObjectItem {
  /** A bare identifier key (`{ name = … }`) is the literal string, as in HCL. */
  readonly key: Expr;
  readonly val: Expr;
}

export type TemplatePart =
  | { readonly k: 'text'; readonly s: string }
  | { readonly k: 'interp'; readonly e: Expr }
  | { readonly k: 'if'; readonly cond: Expr; readonly then: readonly TemplatePart[]; readonly else: readonly TemplatePart[]; readonly at: Provenance }
  | { readonly k: 'for'; readonly keyVar: string | null; readonly valVar: string; readonly coll: Expr; readonly body: readonly TemplatePart[]; readonly at: Provenance };

export function emptyBody(at: Provenance): Body {
  return { attributes: [], blocks: [], at };
}
