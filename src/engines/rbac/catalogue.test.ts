import { describe, expect, it } from 'vitest';
import { buildCatalogue, isCatalogueError, loadCatalogue, packageRoot } from './catalogue.js';

describe('catalogue', () => {
  it('finds the package root from this module and loads the shipped data', () => {
    expect(packageRoot()).toMatch(/\S/);
    const c = loadCatalogue();
    if (isCatalogueError(c)) throw new Error(c.message);
    expect(c.builtinRoles.length).toBeGreaterThan(900);
    expect(c.builtinRoles.find((r) => r.roleName === 'Owner')?.permissions[0]?.actions).toEqual(['*']);
    expect(c.operations.classify('microsoft.storage/storageaccounts/blobservices/containers/blobs/read')).toBe('data');
    expect(c.operations.classify('microsoft.compute/virtualmachines/write')).toBe('control');
    expect(c.operations.classify('microsoft.keyvault/vaults/keys/read')).toBe('both');
    expect(c.operations.classify('contoso.widgets/gadgets/read')).toBeUndefined();
  });

  it('tolerates malformed entries', () => {
    const c = buildCatalogue([null, 3, { roleName: 'no id' }, { name: 'abc', permissions: 'x' }], [{ name: 1 }, { name: 'A/b', isDataAction: true }, { name: 'a/B' }]);
    expect(c.builtinRoles).toHaveLength(1);
    expect(c.builtinRoles[0]?.permissions).toEqual([]);
    expect(c.operations.classify('a/b')).toBe('both');
  });
});
