/**
 * IAM-style wildcards: `*` matches any sequence (also empty), `?` exactly one character; ASCII case folding for
 * action names, which IAM compares case-insensitively. Matching never builds a regular expression from policy text:
 * a greedy scan with one backtrack point, linear for the shapes policies use (`s3:*`, `iam:Pass*`, `*`).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
export function globMatch(pattern: string, subject: string, caseInsensitive = true): boolean {
  const p = caseInsensitive ? asciiLower(pattern) : pattern;
  const s = caseInsensitive ? asciiLower(subject) : subject;
  let pi = 0;
  let si = 0;
  let star = -1;
  let mark = 0;
  while (si < s.length) {
    const pc = p[pi];
    if (pc === '?' || (pc !== undefined && pc !== '*' && pc === s[si])) {
      pi++;
      si++;
    } else if (pc === '*') {
      star = pi++;
      mark = si;
    } else if (star !== -1) {
      pi = star + 1;
      si = ++mark;
    } else {
      return false;
    }
  }
  while (p[pi] === '*') pi++;
  return pi === p.length;
}

export function asciiLower(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s[i];
  }
  return out;
}

export function hasWildcard(s: string): boolean {
  return s.includes('*') || s.includes('?');
}

/** `*`, `**` …: a pattern that matches every string. */
export function isAllWildcard(s: string): boolean {
  if (s.length === 0) return false;
  for (const c of s) if (c !== '*') return false;
  return true;
}
