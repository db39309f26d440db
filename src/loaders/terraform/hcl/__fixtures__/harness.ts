import path from 'node:path';
import type { Value } from '../../../common/value.js';
import { buildModuleConfig } from '../module/config.js';
import { ModuleInstance } from '../module/instance.js';
import type { InstanceRecord, RootRun } from '../module/instance.js';
import { LoadHost } from '../project/host.js';
import { parseHcl } from '../syntax/from-tree.js';
import { terraformParser } from '../syntax/tree-sitter.js';
import { FIXTURES } from './helpers.js';

/** Evaluates a one-file module held in a string, for unit tests of expressions and functions. */
export async function moduleFromText(text: string, file = 'main.tf', rootAbs = FIXTURES) {
  const parser = await terraformParser();
  const host = new LoadHost(parser, rootAbs, [rootAbs]);
  const parsed = parseHcl(parser, text, file);
  host.diagnostics.push(...parsed.diagnostics);
  const config = buildModuleConfig('.', [{ file, body: parsed.body }], host.diagnostics);
  const run: RootRun = {
    host,
    rootKey: '.',
    rootAbs,
    stack: [],
    pathModule: () => '.',
    rootVariable: () => undefined,
    childModule: () => undefined,
  };
  const root = new ModuleInstance(run, config, '', '', null, undefined);
  const at = { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  return {
    host,
    local: (name: string): Value => root.local(name, at),
    instances: (): InstanceRecord[] => {
      const out: InstanceRecord[] = [];
      root.collect(out);
      return out;
    },
  };
}

/** The value of one expression, with optional extra locals it may refer to. */
export async function evalExpr(expr: string, locals = ''): Promise<Value> {
  const m = await moduleFromText(`locals {\n  result = ${expr}\n${locals}\n}\n`);
  return m.local('result');
}

export const FIXTURE_DIR = (name: string) => path.join(FIXTURES, name);
