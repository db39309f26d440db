/**
 * ASCII case folding. Azure compares ids, scopes and action names case-insensitively; folding only A–Z keeps
 * lengths stable and never depends on the locale.
 */
const NON_ASCII = /[^\x00-\x7f]/;

export function asciiLower(s: string): string {
  // For pure-ASCII text the native lowercasing is exactly ASCII folding, and much faster than a loop.
  if (!NON_ASCII.test(s)) return s.toLowerCase();
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) break;
  }
  if (i === s.length) return s;
  const out: string[] = [s.slice(0, i)];
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s.charAt(i));
  }
  return out.join('');
}

const GUID_AT_END = /([0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12})\}?$/;

/**
 * The GUID a role (or principal) id ends with, lowercased with hyphens, whatever the prefix
 * (`/subscriptions/…/providers/Microsoft.Authorization/roleDefinitions/<guid>`, a bare GUID, `{guid}`,
 * or the 32-hex form some built-in conditions use). Undefined when the text does not end with a GUID.
 */
export function trailingGuid(s: string): string | undefined {
  const m = GUID_AT_END.exec(s.trim());
  if (!m || m[1] === undefined) return undefined;
  const hex = asciiLower(m[1].replace(/-/g, ''));
  // A GUID must stand alone at the end: preceded by the start, a slash or a brace.
  const start = s.trim().length - m[0].length;
  const before = start > 0 ? s.trim().charAt(start - 1) : '';
  if (before !== '' && before !== '/' && before !== '{') return undefined;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
