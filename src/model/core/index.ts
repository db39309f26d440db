export * from './attr.js';
export * from './diagnostic.js';
export * from './fragment.js';
export * from './graph.js';
export * from './json.js';
export * from './provenance.js';
export * from './resource.js';
export * from './tri.js';
