// Bundles the CLI into dist/ so `bin/parapet.js` runs with plain `node` right after `npm ci`.
// Dependencies stay external: web-tree-sitter and the HCL grammar find their .wasm files in node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/parapet.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  packages: 'external',
  logLevel: 'warning',
});
