/** The process exit codes, documented in the README. */
export const EXIT = {
  /** No finding at or above --fail-on. */
  ok: 0,
  /** Findings at or above --fail-on. */
  findings: 1,
  /** A usage error, or an input that could not be read or parsed (the rest was still scanned and reported). */
  usageOrInput: 2,
  /** A bug in Parapet (a check or loader crashed). */
  internal: 3,
} as const;
