import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Parser } from 'web-tree-sitter';
import type { LoadDiagnostic } from '../../../../model/core/index.js';
import type { ModuleConfig } from '../module/config.js';
import { buildModuleConfig } from '../module/config.js';
import type { Body } from '../syntax/ast.js';
import { parseTfJson } from '../syntax/from-json.js';
import { parseHcl } from '../syntax/from-tree.js';
import { displayPath } from './host.js';

export const DEFAULT_MAX_FILE_BYTES = 25 * 1024 * 1024;

export function isConfigFile(name: string): boolean {
  return name.endsWith('.tf') || name.endsWith('.tf.json');
}

export interface ParsedFile {
  readonly file: string;
  readonly body: Body;
}

/** Reads and parses one `.tf` / `.tf.json` file; unreadable or oversized files become diagnostics. */
export function parseConfigFile(parser: Parser, abs: string, cwd: string, maxBytes: number, diagnostics: LoadDiagnostic[]): ParsedFile | undefined {
  const file = displayPath(cwd, abs);
  let text: string;
  try {
    const size = statSync(abs).size;
    if (size > maxBytes) {
      diagnostics.push({ code: 'too-large', severity: 'error', file, line: 1, column: 1, message: `file is larger than ${maxBytes} bytes; not read` });
      return undefined;
    }
    const buf = readFileSync(abs);
    const nul = buf.subarray(0, 8192).indexOf(0);
    if (nul >= 0) {
      diagnostics.push({ code: 'binary', severity: 'error', file, line: 1, column: 1, message: 'binary file (NUL byte): not Terraform configuration' });
      return undefined;
    }
    text = buf.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  } catch (e) {
    diagnostics.push({ code: 'read-error', severity: 'error', file, line: 1, column: 1, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
    return undefined;
  }
  const parsed = abs.endsWith('.json') ? parseTfJson(parser, text, file) : parseHcl(parser, text, file);
  diagnostics.push(...parsed.diagnostics);
  return { file, body: parsed.body };
}

/** Module directories parsed once per load, whichever roots and module calls reach them. */
export class ModuleCache {
  private readonly configs = new Map<string, ModuleConfig | null>();
  /** Time spent parsing, for the benchmark. */
  parseMs = 0;
  filesParsed = 0;

  constructor(
    private readonly parser: Parser,
    private readonly cwd: string,
    private readonly maxBytes: number,
    private readonly diagnostics: LoadDiagnostic[],
  ) {}

  /** The module in `absDir`, or null when the folder has no configuration files. */
  load(absDir: string): ModuleConfig | null {
    const hit = this.configs.get(absDir);
    if (hit !== undefined) return hit;
    let names: string[] = [];
    try {
      names = readdirSync(absDir).filter(isConfigFile).sort();
    } catch {
      names = [];
    }
    const files: ParsedFile[] = [];
    const t0 = performance.now();
    for (const n of names) {
      const abs = path.join(absDir, n);
      try {
        if (!statSync(abs).isFile()) continue;
      } catch {
        continue;
      }
      const p = parseConfigFile(this.parser, abs, this.cwd, this.maxBytes, this.diagnostics);
      if (p) files.push(p);
      this.filesParsed++;
    }
    this.parseMs += performance.now() - t0;
    const config = names.length === 0 ? null : buildModuleConfig(displayPath(this.cwd, absDir), files, this.diagnostics);
    this.configs.set(absDir, config);
    return config;
  }
}
