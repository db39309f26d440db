export { loadTerraformProjects } from './project/load.js';
export type { TerraformLoadOptions, TerraformLoadResult, TerraformRoot } from './project/load.js';
export type { SourceLocation } from './project/locate.js';
export { configAddress } from './project/locate.js';
