import { createRequire } from 'node:module';
import path from 'node:path';
import { Language, Parser } from 'web-tree-sitter';

let ready: Promise<Parser> | undefined;

/**
 * The tree-sitter parser with the Terraform dialect of the HCL grammar, loaded once per process: loading the wasm
 * runtime and grammar costs tens of milliseconds, parsing a file a fraction of one.
 */
export function terraformParser(): Promise<Parser> {
  ready ??= load();
  return ready;
}

async function load(): Promise<Parser> {
  const require = createRequire(import.meta.url);
  const grammarDir = path.dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json'));
  await Parser.init();
  const language = await Language.load(path.join(grammarDir, 'tree-sitter-terraform.wasm'));
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}
