import type { Provenance } from '../../../../../model/core/index.js';
import type { Value } from '../../../../common/value.js';
import type { Scope } from '../scope.js';

export type Fn = (args: readonly Value[], at: Provenance, scope: Scope) => Value;

export interface FunctionDef {
  readonly fn: Fn;
  readonly min: number;
  /** Most arguments allowed; undefined = any number. */
  readonly max?: number;
  /** The function accepts arguments with unknown parts and decides itself (merge, length, jsonencode…). */
  readonly partial?: boolean;
}

export type FunctionTable = Readonly<Record<string, FunctionDef>>;
