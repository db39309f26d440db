/** ISO 8601 date-time helpers shared by the date functions and the adapters. */

/** A time as `YYYY-MM-DDTHH:MM:SSZ`. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** ISO 8601 duration `[-]P[nY][nM][nW][nD][T[nH][nM][nS]]` added to a time; undefined when it is not one. */
export function addDuration(ms: number, duration: string): number | undefined {
  const m = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(duration);
  if (!m || duration === 'P' || duration.endsWith('T')) return undefined;
  const sign = m[1] ? -1 : 1;
  const n = (i: number): number => Number(m[i] ?? 0) * sign;
  const d = new Date(ms);
  d.setUTCFullYear(d.getUTCFullYear() + n(2), d.getUTCMonth() + n(3), d.getUTCDate() + n(4) * 7 + n(5));
  return d.getTime() + ((n(6) * 60 + n(7)) * 60 + n(8)) * 1000;
}
