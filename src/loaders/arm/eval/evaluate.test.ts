import { describe, expect, it } from 'vitest';
import type { Value } from '../../common/value.js';
import { LineIndex, parseJson } from '../json.js';
import { BUILTIN_FUNCTIONS } from './functions/index.js';
import type { DeploymentScope } from './ids.js';
import { PLACEHOLDERS } from './ids.js';
import { TemplateScope } from './scope.js';
import { LoadState } from './state.js';
import { fromJs, symbolOf, toJs } from './values.js';

/**
 * Evaluates `expr` as the value of a variable in a template with the given parameters and variables. Expected values
 * come from the examples in the function reference pages cited on each test.
 */
function run(expr: unknown, opts: {
  parameters?: Record<string, unknown>;
  variables?: Record<string, unknown>;
  functions?: unknown[];
  supplied?: Record<string, unknown>;
  scope?: DeploymentScope;
  location?: string;
} = {}) {
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: opts.parameters ?? {},
    functions: opts.functions ?? [],
    variables: { ...(opts.variables ?? {}), result: expr },
    resources: [],
  };
  const text = JSON.stringify(template, null, 2);
  const parsed = parseJson(text);
  if (!parsed.ok) throw new Error(parsed.message);
  const state = new LoadState('t.json', text, new LineIndex('t.json', text));
  const supplied = new Map(Object.entries(opts.supplied ?? {}).map(([k, v]) => [k.toLowerCase(), (at: Value['at']) => fromJs(v, at)]));
  const scope = new TemplateScope(state, parsed.root, {
    target: { scope: opts.scope ?? 'resourceGroup', ...PLACEHOLDERS },
    supplied,
    depth: 0,
    deploymentName: { t: 'string', v: 'main', at: { file: 't.json', line: 1, column: 1, endLine: 1, endColumn: 1 } },
    ...(opts.location ? { location: opts.location } : {}),
    functions: BUILTIN_FUNCTIONS,
  });
  const value = scope.variable('result', { file: 't.json', line: 1, column: 1, endLine: 1, endColumn: 1 }, {});
  return { value, js: toJs(value), diagnostics: state.diagnostics, symbol: symbolOf(value) };
}

const js = (expr: unknown, opts?: Parameters<typeof run>[1]) => run(expr, opts).js;

describe('string functions', () => {
  // https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string
  it('concat, format, case, replace, split, join, substring', () => {
    expect(js("[concat('prefix', '-', 5, '-', true())]")).toBe('prefix-5-True');
    expect(js("[format('{0}, {1}. Formatted number: {2:N0}', 'Hello', 'User', 8175133)]")).toBe('Hello, User. Formatted number: 8,175,133');
    expect(js("[format('{{literal}} {0:D3}', 7)]")).toBe('{literal} 007');
    expect(js("[format('{0:N2}', -1234.5)]")).toBe('-1,234.50');
    expect(js("[toUpper('One Two')]")).toBe('ONE TWO');
    expect(js("[replace('123-123-1234', '-', '')]")).toBe('1231231234');
    expect(js("[split('one,two;three', createArray(',', ';'))]")).toEqual(['one', 'two', 'three']);
    expect(js("[join(createArray('a', 'b', 'c'), '/')]")).toBe('a/b/c');
    expect(js("[substring('one two three', 4, 3)]")).toBe('two');
    expect(js("[trim('  x ')]")).toBe('x');
    expect(js("[padLeft('123', 10, '0')]")).toBe('0000000123');
  });

  it('length, contains, empty, first, last, skip, take, indexOf over strings, arrays and objects', () => {
    expect(js("[length('abc')]")).toBe(3);
    expect(js("[length(createArray(1, 2))]")).toBe(2);
    expect(js("[length(json('{\"a\":1,\"b\":2}'))]")).toBe(2);
    expect(js("[contains('OneTwoThree', 'e')]")).toBe(true);
    expect(js("[contains(createArray('one', 'two'), 'three')]")).toBe(false);
    expect(js("[contains(json('{\"One\":1}'), 'one')]")).toBe(true);
    expect(js("[empty('')]")).toBe(true);
    expect(js("[empty(createArray())]")).toBe(true);
    expect(js("[first('One Two')]")).toBe('O');
    expect(js("[last(createArray('a', 'b'))]")).toBe('b');
    expect(js("[skip('one two three', 4)]")).toBe('two three');
    expect(js("[take(createArray(1, 2, 3), 2)]")).toEqual([1, 2]);
    // String comparisons in indexOf/startsWith are case-insensitive.
    expect(js("[indexOf('test', 'T')]")).toBe(0);
    expect(js("[startsWith('abcdef', 'AB')]")).toBe(true);
  });

  it('string(), json(), base64 and uri helpers', () => {
    expect(js("[string(json('{\"a\": [1, 2]}'))]")).toBe('{"a":[1,2]}');
    expect(js("[string(1)]")).toBe('1');
    expect(js("[base64ToString(base64('one, two'))]")).toBe('one, two');
    expect(js("[uri('http://contoso.org/firstpath', 'myscript.sh')]")).toBe('http://contoso.org/myscript.sh');
    expect(js("[uriComponent('http://contoso.com/resources/nested/azuredeploy.json')]")).toBe('http%3A%2F%2Fcontoso.com%2Fresources%2Fnested%2Fazuredeploy.json');
    expect(js("[json('null')]")).toBe(null);
  });

  it('keeps uniqueString() and guid() unknown, with stable stand-ins that mark them as computed', () => {
    const a = run("[uniqueString(resourceGroup().id)]");
    const b = run("[uniqueString(resourceGroup().id)]");
    expect(a.value).toMatchObject({ t: 'unknown', why: '`uniqueString()` is a hash Azure computes at deployment' });
    expect(a.symbol).toMatch(/^\{[a-z2-7]{13}\}$/);
    expect(a.symbol).toBe(b.symbol);
    expect(run("[uniqueString('other')]").symbol).not.toBe(a.symbol);
    expect(run("[guid(subscription().id, 'reader')]").symbol).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\}$/);
    // A name built from it stays unknown but keeps its stand-in text, so ids built from it match.
    expect(run("[concat('st', uniqueString(resourceGroup().id))]").symbol).toBe(`st${a.symbol}`);
  });
});

describe('array, object, logical and numeric functions', () => {
  // https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array
  // https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-object
  it('union merges objects recursively and arrays without duplicates', () => {
    expect(js("[union(json('{\"one\":\"a\",\"nested\":{\"x\":1}}'), json('{\"three\":\"c\",\"nested\":{\"y\":2}}'))]"))
      .toEqual({ one: 'a', nested: { x: 1, y: 2 }, three: 'c' });
    expect(js("[union(createArray('one', 'two'), createArray('two', 'three'))]")).toEqual(['one', 'two', 'three']);
    expect(js("[intersection(createArray('one', 'two'), createArray('two', 'three'))]")).toEqual(['two']);
  });

  it('createObject, items, objectKeys, tryGet, flatten, range, min/max', () => {
    expect(js("[createObject('a', 1, 'b', createArray(true()))]")).toEqual({ a: 1, b: [true] });
    expect(js("[items(json('{\"b\":2,\"a\":1}'))]")).toEqual([{ key: 'a', value: 1 }, { key: 'b', value: 2 }]);
    expect(js("[objectKeys(json('{\"b\":2,\"a\":1}'))]")).toEqual(['b', 'a']);
    expect(js("[tryGet(json('{\"a\":{\"b\":1}}'), 'a', 'b')]")).toBe(1);
    expect(js("[tryGet(json('{\"a\":1}'), 'missing')]")).toBe(null);
    expect(js("[flatten(createArray(createArray(1), createArray(2, 3)))]")).toEqual([1, 2, 3]);
    expect(js("[range(5, 3)]")).toEqual([5, 6, 7]);
    expect(js("[max(createArray(0, 3, 2))]")).toBe(3);
    expect(js("[min(4, 2, 7)]")).toBe(2);
  });

  it('if evaluates only the chosen branch', () => {
    // https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-logical#if
    const r = run("[if(equals(1, 1), 'yes', parameters('undeclared'))]");
    expect(r.js).toBe('yes');
    expect(r.diagnostics).toEqual([]);
  });

  it('and/or decide with one known operand even when others are unknown', () => {
    const opts = { parameters: { p: { type: 'bool' } } };
    expect(js("[and(false(), parameters('p'))]", opts)).toBe(false);
    expect(js("[or(parameters('p'), true())]", opts)).toBe(true);
    expect(run("[and(true(), parameters('p'))]", opts).value.t).toBe('unknown');
    expect(js("[not(equals('a', 'A'))]")).toBe(true);
  });

  it('comparison and numeric functions', () => {
    expect(js("[greaterOrEquals(5, 5)]")).toBe(true);
    expect(js("[less('a', 'b')]")).toBe(true);
    expect(js("[coalesce(null(), null(), 'third')]")).toBe('third');
    expect(js("[div(8, 3)]")).toBe(2);
    expect(js("[mod(7, 3)]")).toBe(1);
    expect(js("[int('4')]")).toBe(4);
    expect(js("[bool('true')]")).toBe(true);
  });

  it('lambda functions', () => {
    // https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-lambda
    const variables = { dogs: [{ name: 'Evie', age: 5 }, { name: 'Casper', age: 3 }, { name: 'Indy', age: 2 }] };
    expect(js("[map(variables('dogs'), lambda('dog', lambdaVariables('dog').name))]", { variables })).toEqual(['Evie', 'Casper', 'Indy']);
    expect(js("[filter(variables('dogs'), lambda('dog', greaterOrEquals(lambdaVariables('dog').age, 3)))]", { variables }))
      .toEqual([{ name: 'Evie', age: 5 }, { name: 'Casper', age: 3 }]);
    expect(js("[reduce(variables('dogs'), 0, lambda('cur', 'next', add(lambdaVariables('cur'), lambdaVariables('next').age)))]", { variables })).toBe(10);
    expect(js("[toObject(variables('dogs'), lambda('d', lambdaVariables('d').name), lambda('d', lambdaVariables('d').age))]", { variables }))
      .toEqual({ Evie: 5, Casper: 3, Indy: 2 });
    expect((js("[sort(variables('dogs'), lambda('a', 'b', less(lambdaVariables('a').age, lambdaVariables('b').age)))]", { variables }) as unknown[])[0])
      .toEqual({ name: 'Indy', age: 2 });
  });
});

describe('CIDR and date functions', () => {
  // https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-cidr
  it('compute the documented examples', () => {
    expect(js("[parseCidr('10.144.0.0/20')]")).toEqual({
      network: '10.144.0.0', netmask: '255.255.240.0', broadcast: '10.144.15.255',
      firstUsable: '10.144.0.1', lastUsable: '10.144.15.254', cidr: 20,
    });
    expect(js("[cidrSubnet('10.144.0.0/20', 24, 4)]")).toBe('10.144.4.0/24');
    expect(js("[cidrHost('10.144.3.0/24', 0)]")).toBe('10.144.3.1');
    const v6 = run("[cidrSubnet('fdad:3236:5555::/48', 52, 0)]");
    expect(v6.value.t).toBe('unknown');
    expect(v6.diagnostics[0]?.code).toBe('unsupported-function');
  });

  // https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-date
  it('date-time conversions', () => {
    expect(js('[dateTimeFromEpoch(1683040573)]')).toBe('2023-05-02T15:16:13Z');
    expect(js("[dateTimeToEpoch('2023-05-02T15:16:13Z')]")).toBe(1683040573);
    expect(js("[dateTimeAdd('2020-04-07 14:53:14Z', 'P3Y')]")).toBe('2023-04-07T14:53:14Z');
    expect(run('[utcNow()]').value).toMatchObject({ t: 'unknown', why: '`utcNow()` is the time of deployment' });
  });
});

describe('parameters and variables', () => {
  it('uses a supplied value before the default, and the default before unknown', () => {
    const parameters = { sku: { type: 'string', defaultValue: 'Standard_LRS' }, name: { type: 'string' } };
    expect(js("[parameters('SKU')]", { parameters })).toBe('Standard_LRS');
    expect(js("[parameters('sku')]", { parameters, supplied: { Sku: 'Premium_LRS' } })).toBe('Premium_LRS');
    const r = run("[parameters('name')]", { parameters });
    expect(r.value).toMatchObject({ t: 'unknown', why: 'parameter `name` has no default value and no value was supplied' });
    expect(r.symbol).toBe('{name}');
    expect(run("[concat(parameters('name'), '-nic')]", { parameters }).symbol).toBe('{name}-nic');
  });

  it('lets defaults refer to other parameters and nullable parameters be null', () => {
    const parameters = {
      prefix: { type: 'string', defaultValue: 'app' },
      vnetName: { type: 'string', defaultValue: "[format('{0}-vnet', parameters('prefix'))]" },
      tags: { type: 'object', nullable: true },
    };
    expect(js("[parameters('vnetName')]", { parameters })).toBe('app-vnet');
    expect(js("[parameters('tags')]", { parameters })).toBe(null);
  });

  it('builds variable arrays with copy loops', () => {
    // https://learn.microsoft.com/azure/azure-resource-manager/templates/copy-variables
    const variables = { copy: [{ name: 'disks', count: 3, input: { name: "[concat('disk', copyIndex('disks', 1))]", lun: "[copyIndex('disks')]" } }] };
    expect(js("[variables('disks')]", { variables })).toEqual([{ name: 'disk1', lun: 0 }, { name: 'disk2', lun: 1 }, { name: 'disk3', lun: 2 }]);
  });

  it('builds array properties with property copy loops inside values', () => {
    // https://learn.microsoft.com/azure/azure-resource-manager/templates/copy-properties
    const expr = { copy: [{ name: 'rules', count: 2, input: { port: "[add(8080, copyIndex('rules'))]" } }], other: 'x' };
    expect(js(expr)).toEqual({ rules: [{ port: 8080 }, { port: 8081 }], other: 'x' });
  });

  it('reports cycles and undeclared names', () => {
    const cyc = run("[variables('a')]", { variables: { a: "[variables('b')]", b: "[variables('a')]" } });
    expect(cyc.value.t).toBe('unknown');
    expect(cyc.diagnostics.map((d) => d.code)).toContain('cycle');
    expect(run("[parameters('nope')]").diagnostics).toMatchObject([{ code: 'unresolved-reference', message: 'parameter `nope` is not declared' }]);
  });

  it('calls user-defined functions with their own parameters', () => {
    // https://learn.microsoft.com/azure/azure-resource-manager/templates/user-defined-functions
    const functions = [{
      namespace: 'contoso',
      members: { uniqueName: { parameters: [{ name: 'namePrefix', type: 'string' }], output: { type: 'string', value: "[concat(toLower(parameters('namePrefix')), 'suffix')]" } } },
    }];
    expect(js("[contoso.uniqueName('ST')]", { functions })).toBe('stsuffix');
  });
});

describe('deployment and resource functions', () => {
  // https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource#resourceid
  it('builds resource ids with placeholders for the deployment scope', () => {
    expect(js("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet1', 'default')]"))
      .toBe('/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/default');
    expect(js("[resourceId('otherRg', 'Microsoft.Storage/storageAccounts', 'st1')]"))
      .toBe('/subscriptions/{subscriptionId}/resourceGroups/otherRg/providers/Microsoft.Storage/storageAccounts/st1');
    expect(js("[resourceId('1111', 'rg2', 'Microsoft.Network/publicIPAddresses', 'pip')]"))
      .toBe('/subscriptions/1111/resourceGroups/rg2/providers/Microsoft.Network/publicIPAddresses/pip');
    expect(js("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')]"))
      .toBe('/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7');
    expect(js("[tenantResourceId('Microsoft.Authorization/policyDefinitions', 'p1')]")).toBe('/providers/Microsoft.Authorization/policyDefinitions/p1');
    expect(js("[extensionResourceId(resourceId('Microsoft.Storage/storageAccounts', 'st'), 'Microsoft.Authorization/locks', 'lock')]"))
      .toBe('/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.Storage/storageAccounts/st/providers/Microsoft.Authorization/locks/lock');
    // At subscription scope resourceId() gives a subscription-level id.
    // https://learn.microsoft.com/azure/azure-resource-manager/templates/scope-functions
    expect(js("[resourceId('Microsoft.Authorization/roleDefinitions', 'x')]", { scope: 'subscription' }))
      .toBe('/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/x');
  });

  it('reports a type and name that do not match', () => {
    const r = run("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet1')]");
    expect(r.value.t).toBe('unknown');
    expect(r.diagnostics[0]).toMatchObject({ code: 'invalid-template' });
  });

  it('keeps an id built from an unknown name symbolic and linked to that id', () => {
    const r = run("[resourceId('Microsoft.Network/publicIPAddresses', parameters('pip'))]", { parameters: { pip: { type: 'string' } } });
    const id = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.Network/publicIPAddresses/{pip}';
    expect(r.symbol).toBe(id);
    expect(r.value).toMatchObject({ t: 'unknown', refs: [id.toLowerCase()] });
  });

  it('scope objects: placeholders for ids, unknown for what only deployment knows', () => {
    // https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-scope
    expect(js('[resourceGroup().id]')).toBe('/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}');
    expect(js('[subscription().subscriptionId]')).toBe('{subscriptionId}');
    expect(run('[resourceGroup().location]').value).toMatchObject({ t: 'unknown', why: "the resource group's location is known only at deployment" });
    expect(js('[resourceGroup().location]', { location: 'westeurope' })).toBe('westeurope');
    const sub = run('[resourceGroup()]', { scope: 'subscription' });
    expect(sub.value.t).toBe('unknown');
    expect(sub.diagnostics[0]?.message).toBe('`resourceGroup()` is only available in resource group deployments');
    expect(js('[environment().suffixes.storage]')).toBe('core.windows.net');
    expect(js('[deployment().name]')).toBe('main');
  });

  it('reference() and list*() are unknown until deployment', () => {
    const r = run("[reference(resourceId('Microsoft.Network/publicIPAddresses', 'pip')).ipAddress]");
    expect(r.value).toMatchObject({
      t: 'unknown',
      refs: ['/subscriptions/{subscriptionid}/resourcegroups/{resourcegroup}/providers/microsoft.network/publicipaddresses/pip'],
    });
    const k = run("[listKeys(resourceId('Microsoft.Storage/storageAccounts', 'st'), '2023-01-01').keys[0].value]");
    expect(k.value).toMatchObject({ t: 'unknown', why: '`listKeys()` returns values known only at deployment' });
    expect(k.diagnostics).toEqual([]);
  });

  it('reports unsupported functions and wrong arities at the call', () => {
    const r = run("[concat('a', frobnicate(1))]");
    expect(r.value.t).toBe('unknown');
    expect(r.diagnostics).toMatchObject([{ code: 'unsupported-function', message: 'unsupported function `frobnicate`' }]);
    expect(run("[substring('abc')]").diagnostics[0]?.message).toBe('`substring` takes 2 to 3 argument(s), got 1');
  });

  it('refuses results too large to be configuration', () => {
    const variables: Record<string, string> = { v0: "[padLeft('x', 10000, 'x')]" };
    for (let i = 1; i <= 12; i++) variables[`v${i}`] = `[concat(variables('v${i - 1}'), variables('v${i - 1}'))]`;
    const r = run("[variables('v12')]", { variables });
    expect(r.value.t).toBe('unknown');
    expect(r.diagnostics.map((d) => d.code)).toContain('invalid-value');
  });
});
