// Regenerates docs/checks.md from the catalogue. A test fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { CATALOGUE } from '../src/checks/catalogue.js';
import { renderCheckReference } from '../src/docs/check-reference.js';

writeFileSync(new URL('../docs/checks.md', import.meta.url), renderCheckReference(CATALOGUE));
console.error(`docs/checks.md: ${CATALOGUE.length} checks`);
