import path from 'node:path';
import type { Provenance } from '../../../../../model/core/index.js';
import type { Value } from '../../../../common/value.js';
import type { Expr } from '../../syntax/ast.js';
import { parseHcl } from '../../syntax/from-tree.js';
import { evaluate } from '../evaluate.js';
import type { Scope } from '../scope.js';
import { errorValue, list, str, unknownOf, bool, compareStrings } from '../values.js';
import { objectArg, stringArg } from './args.js';
import type { FunctionTable } from './types.js';

// https://developer.hashicorp.com/terraform/language/functions (filesystem functions). Files are read, never executed;
// the host refuses paths outside the scanned folders.

const TEMPLATE_MARKER = '__PARAPET_TEMPLATE_END__';

function resolvePath(p: string, scope: Scope): string | undefined {
  if (path.isAbsolute(p)) return path.normalize(p);
  const base = scope.mod?.rootAbsDir;
  return base === undefined ? undefined : path.resolve(base, p);
}

function readText(fn: string, p: string, scope: Scope, at: Provenance): { text: string; display: string } | Value {
  const abs = resolvePath(p, scope);
  if (abs === undefined) return unknownOf(`${fn}(): a relative path cannot be resolved here`, at);
  const r = scope.host.readFile(abs);
  if (!r.ok) return unknownOf(`${fn}("${p}"): ${r.why}`, at);
  return { text: r.text, display: r.display };
}

/** Parses a template (file or string) as a heredoc so `${}` and `%{}` work as in Terraform; memoised per text. */
export function parseTemplate(text: string, display: string, scope: Scope, at: Provenance): Expr {
  const cacheKey = `template:${display}:${text.length}:${text.slice(0, 64)}`;
  const cached = scope.host.cache.get(cacheKey) as { text: string; expr: Expr } | undefined;
  if (cached && cached.text === text) return cached.expr;
  let expr: Expr;
  if (text.includes(TEMPLATE_MARKER)) expr = { k: 'lit', v: text, at };
  else if (!text.includes('${') && !text.includes('%{')) expr = { k: 'lit', v: text, at };
  else {
    const body = text.endsWith('\n') ? text : text + '\n';
    const parsed = parseHcl(scope.host.parser, `x = <<${TEMPLATE_MARKER}\n${body}${TEMPLATE_MARKER}\n`, display, -1);
    const attr = parsed.body.attributes[0];
    if (parsed.diagnostics.length > 0 || !attr) {
      const d = parsed.diagnostics[0];
      expr = { k: 'bad', why: `invalid template${d ? ` at line ${d.line}` : ''}`, at };
    } else expr = text.endsWith('\n') ? attr.expr : dropTrailingNewline(attr.expr);
  }
  scope.host.cache.set(cacheKey, { text, expr });
  return expr;
}

function dropTrailingNewline(e: Expr): Expr {
  if (e.k === 'lit' && typeof e.v === 'string') return { ...e, v: e.v.replace(/\n$/, '') };
  if (e.k !== 'template') return e;
  const parts = [...e.parts];
  const last = parts[parts.length - 1];
  if (last?.k === 'text') parts[parts.length - 1] = { k: 'text', s: last.s.replace(/\n$/, '') };
  return { ...e, parts };
}

/** Renders a template with only `vars` in scope, as templatefile() does. */
export function renderTemplate(template: Expr, vars: ReadonlyMap<string, Value>, scope: Scope, at: Provenance): Value {
  let frame = null as Scope['frame'];
  for (const [name, value] of vars) frame = { name, value, parent: frame };
  if (!scope.host.enter(at)) return unknownOf('templates nested too deeply', at);
  try {
    const v = evaluate(template, { mod: null, frame, host: scope.host });
    return v.t === 'string' || v.t === 'unknown' ? v : v.t === 'number' || v.t === 'bool' ? str(String(v.v), at) : errorValue('a template must produce a string', at);
  } finally {
    scope.host.leave();
  }
}

/** Linear wildcard match of one path segment (`*`, `?`), greedy with one backtrack point. */
function matchSegment(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let mark = 0;
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === name[n])) {
      p++;
      n++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = n;
    } else if (star >= 0) {
      p = star + 1;
      n = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

function matchGlob(pattern: readonly string[], parts: readonly string[]): boolean {
  // `**` matches any number of segments; patterns are short, so a small DP over segments is enough.
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    const k = `${i},${j}`;
    const m = memo.get(k);
    if (m !== undefined) return m;
    let r: boolean;
    if (i === pattern.length) r = j === parts.length;
    else if (pattern[i] === '**') r = go(i + 1, j) || (j < parts.length && go(i, j + 1));
    else r = j < parts.length && matchSegment(pattern[i] as string, parts[j] as string) && go(i + 1, j + 1);
    memo.set(k, r);
    return r;
  };
  return go(0, 0);
}

export const FILESYSTEM_FUNCTIONS: FunctionTable = {
  file: {
    min: 1,
    max: 1,
    fn: (args, at, scope) => {
      const p = stringArg(args, 0, 'file', at);
      if (!p.ok) return p.err;
      const r = readText('file', p.v, scope, at);
      return 'text' in r ? str(r.text, at) : r;
    },
  },
  filebase64: {
    min: 1,
    max: 1,
    fn: (args, at, scope) => {
      const p = stringArg(args, 0, 'filebase64', at);
      if (!p.ok) return p.err;
      const r = readText('filebase64', p.v, scope, at);
      return 'text' in r ? str(Buffer.from(r.text, 'utf8').toString('base64'), at) : r;
    },
  },
  fileexists: {
    min: 1,
    max: 1,
    fn: (args, at, scope) => {
      const p = stringArg(args, 0, 'fileexists', at);
      if (!p.ok) return p.err;
      const abs = resolvePath(p.v, scope);
      return abs === undefined ? unknownOf('fileexists(): a relative path cannot be resolved here', at) : bool(scope.host.fileExists(abs), at);
    },
  },
  fileset: {
    min: 2,
    max: 2,
    fn: (args, at, scope) => {
      const p = stringArg(args, 0, 'fileset', at);
      const g = stringArg(args, 1, 'fileset', at);
      if (!p.ok) return p.err;
      if (!g.ok) return g.err;
      const abs = resolvePath(p.v, scope);
      const files = abs === undefined ? undefined : scope.host.listFiles(abs);
      if (!files) return unknownOf(`fileset("${p.v}"): the folder is not readable here`, at);
      const pattern = g.v.split('/').filter((s) => s !== '');
      return list(files.filter((f) => matchGlob(pattern, f.split('/'))).sort(compareStrings).map((f) => str(f, at)), at);
    },
  },
  templatefile: {
    min: 2,
    max: 2,
    fn: (args, at, scope) => {
      const p = stringArg(args, 0, 'templatefile', at);
      if (!p.ok) return p.err;
      const vars = objectArg(args, 1, 'templatefile', at);
      if (!vars.ok) return vars.err;
      const r = readText('templatefile', p.v, scope, at);
      if (!('text' in r)) return r;
      return renderTemplate(parseTemplate(r.text, r.display, scope, at), vars.v, scope, at);
    },
  },
  templatestring: {
    min: 2,
    max: 2,
    fn: (args, at, scope) => {
      const t = stringArg(args, 0, 'templatestring', at);
      if (!t.ok) return t.err;
      const vars = objectArg(args, 1, 'templatestring', at);
      if (!vars.ok) return vars.err;
      return renderTemplate(parseTemplate(t.v, at.file, scope, at), vars.v, scope, at);
    },
  },
  dirname: {
    min: 1,
    max: 1,
    fn: (args, at) => {
      const p = stringArg(args, 0, 'dirname', at);
      return p.ok ? str(path.posix.dirname(p.v), at) : p.err;
    },
  },
  basename: {
    min: 1,
    max: 1,
    fn: (args, at) => {
      const p = stringArg(args, 0, 'basename', at);
      return p.ok ? str(path.posix.basename(p.v), at) : p.err;
    },
  },
  abspath: {
    min: 1,
    max: 1,
    fn: (args, at, scope) => {
      const p = stringArg(args, 0, 'abspath', at);
      if (!p.ok) return p.err;
      const abs = resolvePath(p.v, scope);
      return abs === undefined ? unknownOf('abspath(): no working directory here', at) : str(abs.split(path.sep).join('/'), at);
    },
  },
  pathexpand: { min: 1, max: 1, fn: (_args, at) => unknownOf('pathexpand(): the home directory is not known to the scan', at) },
};
