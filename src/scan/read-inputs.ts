import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { LoadDiagnostic } from '../model/core/index.js';

/** Folders never walked into: version control, dependencies, Terraform's downloaded providers and module copies. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules', '.terraform', '.hg', '.svn']);

/** Extensions that may hold inputs when found by walking a folder; files named explicitly are read whatever they are. */
const CANDIDATE_EXTENSIONS = new Set(['.json', '.yaml', '.yml', '.template', '.tf', '.tfvars']);

export const DEFAULT_MAX_FILE_BYTES = 25 * 1024 * 1024;

export interface InputFile {
  /** Relative to the working directory, forward slashes: what findings show. */
  readonly path: string;
  readonly absolute: string;
  /** Named on the command line (not found by walking): an unrecognised file is an error, not a skip. */
  readonly explicit: boolean;
}

export interface CollectedInputs {
  readonly files: InputFile[];
  readonly diagnostics: LoadDiagnostic[];
}

export function displayPath(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute) || absolute;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

function diag(file: string, code: LoadDiagnostic['code'], message: string): LoadDiagnostic {
  return { code, severity: 'error', file, line: 1, column: 1, message };
}

/** Expands the given paths into input files, recursively and in a stable order. */
export function collectInputs(paths: readonly string[], cwd: string): CollectedInputs {
  const files: InputFile[] = [];
  const diagnostics: LoadDiagnostic[] = [];
  /** Absolute path → index in `files`. */
  const seen = new Map<string, number>();

  const walk = (abs: string, explicit: boolean): void => {
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      diagnostics.push(diag(displayPath(cwd, abs), 'read-error', `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`));
      return;
    }
    if (st.isDirectory()) {
      let names: string[];
      try {
        names = readdirSync(abs).sort();
      } catch (e) {
        diagnostics.push(diag(displayPath(cwd, abs), 'read-error', `cannot list folder: ${(e as NodeJS.ErrnoException).code ?? String(e)}`));
        return;
      }
      for (const name of names) {
        const child = join(abs, name);
        let isDir = false;
        try {
          isDir = statSync(child).isDirectory();
        } catch {
          // a dangling link: reported when walked as a file below
        }
        if (isDir) {
          if (!SKIPPED_DIRS.has(name)) walk(child, false);
        } else if (CANDIDATE_EXTENSIONS.has(extname(name).toLowerCase())) {
          walk(child, false);
        }
      }
      return;
    }
    const earlier = seen.get(abs);
    if (earlier !== undefined) {
      // Named on the command line and also found by walking a folder: named wins, whichever came first.
      if (explicit && !files[earlier]!.explicit) files[earlier] = { ...files[earlier]!, explicit: true };
      return;
    }
    seen.set(abs, files.length);
    files.push({ path: displayPath(cwd, abs), absolute: abs, explicit });
  };

  for (const p of paths) walk(resolve(cwd, p), true);
  // The same inputs in any argument order load in the same order, so they give the same report.
  files.sort((a, b) => (a.absolute < b.absolute ? -1 : a.absolute > b.absolute ? 1 : 0));
  return { files, diagnostics };
}

export type ReadResult = { ok: true; text: string } | { ok: false; diagnostic: LoadDiagnostic };

/** Reads a file as UTF-8 text, refusing files over the size limit and binary files with one clear error. */
export function readInput(file: InputFile, maxBytes: number): ReadResult {
  let size: number;
  try {
    size = statSync(file.absolute).size;
  } catch (e) {
    return { ok: false, diagnostic: diag(file.path, 'read-error', `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`) };
  }
  if (size > maxBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return { ok: false, diagnostic: diag(file.path, 'too-large', `file is ${mb(size)}, over the ${mb(maxBytes)} limit (raise it with --max-file-size)`) };
  }
  let buf: Buffer;
  try {
    buf = readFileSync(file.absolute);
  } catch (e) {
    return { ok: false, diagnostic: diag(file.path, 'read-error', `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`) };
  }
  // Windows PowerShell 5 redirects (`az … > export.json`) write UTF-16 with a byte order mark: text, not binary.
  const utf16 = utf16Text(buf);
  if (utf16 !== undefined) return { ok: true, text: utf16 };
  const probe = buf.subarray(0, 8192);
  const nul = probe.indexOf(0);
  if (nul !== -1) {
    return { ok: false, diagnostic: binaryDiag(file.path, probe, nul) };
  }
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

function utf16Text(buf: Buffer): string | undefined {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return Buffer.from(buf.subarray(2)).swap16().toString('utf16le');
  return undefined;
}

function binaryDiag(file: string, probe: Buffer, offset: number): LoadDiagnostic {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset; i++) {
    if (probe[i] === 0x0a) {
      line++;
      column = 1;
    } else column++;
  }
  return { code: 'binary', severity: 'error', file, line, column, message: 'binary file (NUL byte): not a configuration input' };
}
