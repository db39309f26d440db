import { loadForQuery } from '../../scan/queries/aws-access.js';
import type { LoadedForQuery } from '../../scan/queries/aws-access.js';
import { EXIT } from '../exit-codes.js';
import { log } from '../io.js';

/**
 * What the query commands (can, who-can, access, reach, exposure) share around their own answer: loading the inputs
 * with progress on stderr unless `--quiet`, every input error on stderr with its position, and the exit code.
 */
export async function loadQueryInputs(paths: readonly string[], quiet: boolean | undefined): Promise<LoadedForQuery> {
  const loaded = await loadForQuery(paths, quiet ? {} : { onProgress: (l) => log(`parapet: ${l}`) });
  for (const d of loaded.diagnostics) if (d.severity === 'error') log(`parapet: ${d.file}:${d.line}:${d.column}: ${d.message}`);
  return loaded;
}

/** The answer is printed either way; an input that could not be read still makes the exit code a usage/input one. */
export function finishQuery(loaded: LoadedForQuery): void {
  process.exitCode = loaded.diagnostics.some((d) => d.severity === 'error') ? EXIT.usageOrInput : EXIT.ok;
}

/** A question the query cannot answer (a bad action, an unknown principal): said on stderr, usage/input exit code. */
export function refuseQuery(message: string): void {
  log(`parapet: ${message}`);
  process.exitCode = EXIT.usageOrInput;
}
