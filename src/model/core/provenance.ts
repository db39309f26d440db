/** Where a value came from: a file and a 1-based line/column span inside it. */
export interface Provenance {
  /** Path as the loader was given it; the scan makes it relative to the working directory. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export function pos(file: string, line: number, column: number, endLine = line, endColumn = column): Provenance {
  return { file, line, column, endLine, endColumn };
}

/** A whole-file location, for inputs that have no finer position (live APIs, a missing file). */
export function filePos(file: string): Provenance {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}
