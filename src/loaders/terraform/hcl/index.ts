export { loadTerraformProjects } from './project/load.js';
export type { TerraformLoadOptions, TerraformLoadResult, TerraformRoot } from './project/load.js';
export type { SourceLocation } from './project/locate.js';
export { configAddress } from './project/locate.js';
export { remapToSource } from './project/remap.js';
export { isTerraformSourceFile, loadTerraformSource } from './source.js';
export type { TerraformSourceLoad } from './source.js';
