// Lint rules, chiefly the one-way flow of DESIGN.md:
// loaders → model → engines → checks → findings → reporters; cli calls scan.
import tseslint from 'typescript-eslint';

const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/**', '**/__corpus__/**', '**/*.examples/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  layer(['src/model/**'], ['**/loaders/**', '**/engines/**', '**/checks/**', '**/scan/**', '**/report/**', '**/cli/**'],
    'model imports nothing of ours outside model/'),
  layer(['src/engines/**'], ['**/loaders/**', '**/checks/**', '**/scan/**', '**/report/**', '**/cli/**', '**/model/aws/**', '**/model/azure/**'],
    'engines import only model/core and themselves'),
  layer(['src/loaders/**'], ['**/engines/**', '**/checks/**', '**/scan/**', '**/report/**', '**/cli/**'],
    'loaders produce the model; they know nothing downstream'),
  layer(['src/checks/**'], ['**/loaders/**', '**/scan/**', '**/report/**', '!**/report/types.js', '**/cli/**'],
    'checks see the model, the kit and engine facades only'),
  layer(['src/report/**'], ['**/loaders/**', '**/engines/**', '**/checks/**', '**/scan/**', '**/cli/**', '**/model/aws/**', '**/model/azure/**'],
    'reporters render findings; they never re-evaluate'),
  layer(['src/cli/**'], ['**/loaders/**', '**/engines/**', '**/checks/aws/**', '**/checks/azure/**', '**/model/aws/**', '**/model/azure/**'],
    'the CLI parses arguments and calls scan'),
  {
    files: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
