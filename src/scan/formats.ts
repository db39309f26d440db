import { isAuthorizationDetails, loadAuthorizationDetails } from '../loaders/aws-iam-auth/index.js';
import type { InputFormat, LoadResult } from '../loaders/types.js';
import type { InputFile } from './read-inputs.js';

export interface LoadOptions {
  /** CloudFormation / ARM parameter values given by the user. */
  readonly parameters?: Readonly<Record<string, string>>;
}

/**
 * A single-file input format, recognised by content. JSON documents are parsed once by the scan and offered to each
 * `json` detector in order; text formats (YAML) offer the raw text.
 */
export interface FileFormat {
  readonly format: InputFormat;
  readonly kind: 'json' | 'text';
  detect(doc: unknown, file: InputFile, text: string): boolean;
  load(file: InputFile, text: string, doc: unknown, options: LoadOptions): LoadResult | Promise<LoadResult>;
}

/** The recognised single-file formats, most specific first. */
export const FILE_FORMATS: FileFormat[] = [
  {
    format: 'aws-iam-authorization-details',
    kind: 'json',
    detect: (doc) => isAuthorizationDetails(doc),
    load: (file, text) => loadAuthorizationDetails(file.path, text),
  },
];
