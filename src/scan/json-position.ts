import { lineColumnAt } from '../loaders/common/line-index.js';

/**
 * Where `JSON.parse` failed. V8 names the offset in its message ("… in JSON at position 42"); when it does not
 * (unexpected end), the end of the text is where the document was cut.
 */
export function jsonErrorPosition(text: string, error: unknown): { line: number; column: number; message: string } {
  const raw = error instanceof Error ? error.message : String(error);
  const m = /at position (\d+)/.exec(raw);
  const offset = m?.[1] !== undefined ? Number(m[1]) : text.length;
  const message = raw.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
  return { ...lineColumnAt(text, offset), message };
}
