import type { ScanReport } from '../types.js';

/**
 * The JSON contract (docs/schema/scan-report.schema.json): tool, findings, unknowns, errors, summary. Key order is
 * fixed and the input is already sorted, so the same scan prints the same bytes.
 */
export function renderJson(report: ScanReport): string {
  const { tool, findings, unknowns, errors, summary } = report;
  return `${JSON.stringify({ tool, findings, unknowns, errors, summary }, null, 2)}\n`;
}
