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

export const PROJECT_FORMATS: ProjectFormat[] = [];
