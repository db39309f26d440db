import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Parser } from 'web-tree-sitter';
import type { DiagnosticCode, DiagnosticSeverity, LoadDiagnostic, Provenance } from '../../../../model/core/index.js';
import type { EvalHost, ReadResult } from '../eval/scope.js';

const MAX_READ_BYTES = 2 * 1024 * 1024;
const MAX_LISTED_FILES = 10_000;
const MAX_EVAL_DEPTH = 400;

/** Display form of a path: relative to the working directory, with `/` separators (what findings show). */
export function displayPath(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs) || '.';
  return path.sep === '/' ? rel : rel.split(path.sep).join('/');
}

export function isInside(dir: string, abs: string): boolean {
  const rel = path.relative(dir, abs);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The evaluator's access to the outside world: diagnostics (deduplicated), and reads for `file()`/`templatefile()`
 * limited to the allowed folders (the working directory and the scanned roots), size-capped, never executed.
 */
export class LoadHost implements EvalHost {
  readonly diagnostics: LoadDiagnostic[] = [];
  readonly cache = new Map<string, unknown>();
  private readonly seen = new Set<string>();
  private depth = 0;

  constructor(
    readonly parser: Parser,
    readonly cwd: string,
    private readonly allowed: string[],
  ) {}

  allow(dir: string): void {
    if (!this.allowed.some((a) => isInside(a, dir))) this.allowed.push(dir);
  }

  diag(code: DiagnosticCode, severity: DiagnosticSeverity, at: Provenance, message: string): void {
    const k = `${code}|${at.file}|${at.line}|${at.column}|${message}`;
    if (this.seen.has(k)) return;
    this.seen.add(k);
    this.diagnostics.push({ code, severity, file: at.file, line: at.line, column: at.column, message });
  }

  add(d: LoadDiagnostic): void {
    const k = `${d.code}|${d.file}|${d.line}|${d.column}|${d.message}`;
    if (this.seen.has(k)) return;
    this.seen.add(k);
    this.diagnostics.push(d);
  }

  private permitted(abs: string): boolean {
    return this.allowed.some((a) => isInside(a, abs));
  }

  readFile(abs: string): ReadResult {
    if (!this.permitted(abs)) return { ok: false, why: 'the file is outside the scanned folders and is not read' };
    try {
      const st = statSync(abs);
      if (!st.isFile()) return { ok: false, why: 'not a file' };
      if (st.size > MAX_READ_BYTES) return { ok: false, why: 'the file is too large to read' };
      const buf = readFileSync(abs);
      if (buf.subarray(0, 8192).includes(0)) return { ok: false, why: 'binary file' };
      return { ok: true, text: buf.toString('utf8'), display: displayPath(this.cwd, abs) };
    } catch (e) {
      return { ok: false, why: `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
    }
  }

  fileExists(abs: string): boolean {
    if (!this.permitted(abs)) return false;
    try {
      return existsSync(abs) && statSync(abs).isFile();
    } catch {
      return false;
    }
  }

  listFiles(absDir: string): readonly string[] | undefined {
    if (!this.permitted(absDir)) return undefined;
    const out: string[] = [];
    const walk = (dir: string, rel: string): void => {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return;
      }
      for (const n of names) {
        if (out.length >= MAX_LISTED_FILES) return;
        const abs = path.join(dir, n);
        let st;
        try {
          st = statSync(abs);
        } catch {
          continue;
        }
        const r = rel === '' ? n : `${rel}/${n}`;
        if (st.isDirectory()) {
          if (n !== '.git' && n !== '.terraform' && n !== 'node_modules') walk(abs, r);
        } else out.push(r);
      }
    };
    walk(absDir, '');
    return out;
  }

  enter(at: Provenance): boolean {
    if (this.depth >= MAX_EVAL_DEPTH) {
      this.diag('too-deep', 'error', at, `evaluation nested more than ${MAX_EVAL_DEPTH} levels deep; not evaluated`);
      return false;
    }
    this.depth++;
    return true;
  }

  leave(): void {
    this.depth--;
  }
}
