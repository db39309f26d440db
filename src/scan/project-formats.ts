import { isTerraformSourceFile, loadTerraformSource } from '../loaders/terraform/hcl/index.js';
import type { LoadResult } from '../loaders/types.js';
import type { EstateOptions } from './load-estate.js';
import type { InputFile } from './read-inputs.js';

/**
 * Formats read as a whole project rather than file by file (Terraform source: a folder of .tf files is one module,
 * and modules refer to each other).
 */
export interface ProjectFormat {
  readonly format: string;
  claims(file: InputFile): boolean;
  load(files: readonly InputFile[], options: EstateOptions & { cwd: string; maxFileBytes: number }): Promise<LoadResult>;
}

export const PROJECT_FORMATS: ProjectFormat[] = [
  {
    // Terraform source: root modules are found among the folders, evaluated with their modules and variables.
    format: 'terraform',
    claims: (file) => isTerraformSourceFile(file.path),
    load: (files, options) =>
      loadTerraformSource(
        files.map((f) => f.absolute),
        { cwd: options.cwd, maxFileBytes: options.maxFileBytes, vars: options.terraform?.vars, varFiles: options.terraform?.varFiles },
      ),
  },
];
