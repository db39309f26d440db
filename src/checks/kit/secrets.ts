/**
 * Heuristics for secrets written into configuration, shared by every check that looks for them (Lambda environment,
 * EC2 user data, template parameters and variables, RDS passwords …). Each answer comes with a reason in words so a
 * finding can say why a value looks secret without printing it.
 *
 * Nothing here builds a regular expression from input; the fixed patterns below are linear.
 */

/** Words that, as a whole word of a name, mark the value as a secret. */
const SECRET_WORDS = new Set([
  'password', 'passwd', 'passphrase', 'pwd', 'pass', 'secret', 'secrets', 'token', 'apikey', 'credential',
  'credentials', 'privatekey', 'secretkey', 'accesskey', 'clientsecret', 'connectionstring', 'sas', 'pat',
]);

/** Word pairs that together mark a secret: `api_key`, `private_key`, `access_key`, `connection_string` … */
const SECRET_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['api', 'key'], ['private', 'key'], ['access', 'key'], ['secret', 'key'], ['auth', 'key'], ['signing', 'key'],
  ['encryption', 'key'], ['master', 'key'], ['client', 'secret'], ['connection', 'string'], ['conn', 'str'],
  ['auth', 'token'], ['bearer', 'token'], ['shared', 'key'], ['account', 'key'], ['license', 'key'],
];

/**
 * A last word that says the value is about a secret rather than the secret itself: its ARN, name, id, path, length,
 * rotation policy … (`DB_PASSWORD_SECRET_ARN`, `PasswordLength`, `TokenUrl`).
 */
const REFERENCE_SUFFIXES = new Set([
  'arn', 'name', 'id', 'ids', 'path', 'param', 'parameter', 'ref', 'reference', 'length', 'len', 'min', 'max', 'policy',
  'rotation', 'enabled', 'enable', 'version', 'type', 'prefix', 'suffix', 'file', 'location', 'url', 'uri', 'endpoint',
  'count', 'header', 'ttl', 'expiry', 'expiration', 'age', 'days', 'kms', 'alias', 'required', 'field', 'env', 'mode',
  'secretname', 'secretarn', 'parametername', 'keyid',
]);

/** Splits `dbMasterPassword`, `DB_MASTER_PASSWORD`, `db-master.password` into lowercase words. */
export function nameWords(name: string): string[] {
  const words: string[] = [];
  let cur = '';
  const flush = (): void => {
    if (cur) words.push(cur.toLowerCase());
    cur = '';
  };
  for (let i = 0; i < name.length; i++) {
    const c = name[i] as string;
    const isUpper = c >= 'A' && c <= 'Z';
    const isLower = c >= 'a' && c <= 'z';
    const isDigit = c >= '0' && c <= '9';
    if (!isUpper && !isLower && !isDigit) {
      flush();
      continue;
    }
    if (isUpper && cur) {
      const prev = cur[cur.length - 1] as string;
      const next = name[i + 1];
      const prevLower = (prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9');
      const nextLower = next !== undefined && next >= 'a' && next <= 'z';
      // `dbPassword` splits before P; `APIKey` splits before the K of "Key".
      if (prevLower || (nextLower && prev >= 'A' && prev <= 'Z')) flush();
    }
    cur += c;
  }
  flush();
  return words;
}

/**
 * Whether a parameter, variable or environment variable name says its value is a secret: a secret word
 * (`password`, `token`, `secret` …) or pair (`api_key`, `private_key`), unless the last word says the value only
 * refers to a secret (`…_ARN`, `…Name`, `…Length`).
 */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0) return false;
  const last = words[words.length - 1] as string;
  if (REFERENCE_SUFFIXES.has(last) && words.length > 1) return false;
  const joined = words.join('');
  if (REFERENCE_SUFFIXES.has(joined)) return false;
  if (words.some((w) => SECRET_WORDS.has(w))) return true;
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i] as string;
    const b = words[i + 1] as string;
    if (SECRET_PAIRS.some(([x, y]) => x === a && y === b)) return true;
  }
  // A name written as one word: `dbpassword`, `APIKEY`, `githubtoken` (not `tokenizerModel`, which has two words).
  return words.length === 1 && ['password', 'passwd', 'secret', 'token', 'apikey', 'privatekey', 'accesskey', 'secretkey'].some((w) => joined.includes(w));
}

/**
 * Passwords that appear in documentation, tutorials and defaults, and in every attacker's first wordlist, and that
 * nobody writes for any other reason: a hard-coded secret whatever the name it is stored under.
 */
const WEAK_PASSWORDS = new Set([
  'changeme', 'change_me', 'change-me', 'changeit', 'changethis', 'password1', 'password123', 'password!', 'passw0rd',
  'p@ssw0rd', 'p@ssword', 'pa$$w0rd', 'admin123', 'admin1234', 'secret123', 'supersecret', 'topsecret', 'qwerty123',
  'letmein', 'welcome1', 'test123', 'hunter2', 'abc123', 'pass123', 'trustno1', 'mypassword', 'dbpassword', 'temp123',
  'mysecretpassword', '12345678', '123456789', '1234567890',
]);

/** Values that are weak as a secret but ordinary elsewhere (`admin` as a user name, `master` as a branch). */
const WEAK_WHEN_SECRET = new Set([
  'password', 'admin', 'administrator', 'root', 'toor', 'secret', 'mysecret', '123456', '1234567', 'qwerty', 'welcome',
  'default', 'test', 'testing', 'pass', 'guest', 'master', 'iloveyou', 'postgres', 'mysql', 'oracle', 'sa', 'temp',
  'demo', 'example', 'foobar', 'xxx', 'xxxx', 'todo', 'placeholder',
]);

/**
 * Whether `value` is a well-known weak password, compared case-insensitively. `asSecret` (the value is stored under
 * a secret-like name) widens the list to words that are weak only as secrets.
 */
export function isWeakValue(value: string, asSecret = true): boolean {
  const v = value.trim().toLowerCase();
  return WEAK_PASSWORDS.has(v) || (asSecret && WEAK_WHEN_SECRET.has(v));
}

/**
 * An AWS access key id: `AKIA` (long-term) or `ASIA` (temporary) followed by 16 upper-case letters or digits.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
 */
const ACCESS_KEY_ID = /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/;

export function findAccessKeyId(text: string): string | undefined {
  return ACCESS_KEY_ID.exec(text)?.[0];
}

const PRIVATE_KEY = /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/;

export function hasPrivateKey(text: string): boolean {
  return PRIVATE_KEY.test(text);
}

/** `scheme://user:password@host` with a literal password. */
const URL_CREDENTIALS = /[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s@/]+)@[^\s]+/i;

export function urlPassword(text: string): string | undefined {
  const m = URL_CREDENTIALS.exec(text);
  const pw = m?.[1];
  return pw !== undefined && !isReference(pw) ? pw : undefined;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/**
 * A random-looking token: at least 20 characters without whitespace, mixing upper and lower case with digits or
 * symbols, with high entropy. Tuned to catch generated keys and passwords, not ids like `ami-0abcd1234ef567890`
 * (one case) or hex hashes.
 */
export function looksHighEntropy(value: string): boolean {
  const v = value.trim();
  if (v.length < 20 || /\s/.test(v)) return false;
  if (!/[a-z]/.test(v) || !/[A-Z]/.test(v) || !/[^A-Za-z]/.test(v)) return false;
  return shannonEntropy(v) >= 4;
}

/**
 * A value that refers to a secret kept elsewhere rather than holding one: a CloudFormation dynamic reference
 * (`{{resolve:secretsmanager:…}}`), an ARN, an SSM parameter path, a shell or template variable.
 */
export function isReference(value: string): boolean {
  const v = value.trim();
  return (
    v.startsWith('{{resolve:') ||
    v.startsWith('arn:') ||
    (v.startsWith('/') && !/\s/.test(v)) ||
    v.startsWith('${') ||
    v.startsWith('$(') ||
    /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(v) ||
    v.startsWith('%') ||
    v.startsWith('<unknown:')
  );
}

/** Why `value` (set under `name`) looks like a hard-coded secret, or `undefined` when it does not. */
export function secretReason(name: string, value: string): string | undefined {
  const v = value.trim();
  if (v === '' || isReference(v)) return undefined;
  const key = findAccessKeyId(v);
  if (key) return 'an AWS access key id';
  if (hasPrivateKey(v)) return 'a private key';
  if (urlPassword(v) !== undefined) return 'a URL with an embedded password';
  const secretName = isSecretName(name);
  if (isWeakValue(v, secretName)) return `the well-known weak password \`${v}\``;
  if (secretName) return 'a literal value under a secret-like name';
  if (looksHighEntropy(v) && /(?:key|auth|cred|sig)/i.test(name)) return 'a random-looking literal under a key-like name';
  return undefined;
}

/** Shows the first characters of a secret, never the whole of it. */
export function mask(value: string): string {
  const v = value.trim();
  if (isWeakValue(v)) return v;
  return v.length <= 4 ? '****' : `${v.slice(0, 4)}…`;
}

export interface TextSecret {
  /** 1-based line within the text. */
  readonly line: number;
  readonly name: string;
  readonly reason: string;
}

/**
 * Assignments in a script or config text (user data, cloud-init) that hold literal secrets: `NAME=value`,
 * `export NAME="value"`, `name: value`, `--password value`, plus access key ids and private keys anywhere.
 */
export function scanText(text: string): TextSecret[] {
  const out: TextSecret[] = [];
  const lines = text.split(/\r?\n/);
  const assignment = /^\s*(?:export\s+|set\s+|setx\s+|\$env:)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(?:=|:)\s*(.*)$/;
  // A flag starts a word (not the `-secret-value` inside `get-secret-value`); its value is not another flag.
  const flag = /(?:^|\s)--?([A-Za-z][A-Za-z0-9-]*)(?:=|\s+)("[^"]*"|'[^']*'|[^\s-]\S*)/g;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^\s*#/.test(line) && !line.includes('PRIVATE KEY')) continue;
    const found = (name: string, reason: string): void => {
      if (!out.some((o) => o.line === i + 1)) out.push({ line: i + 1, name, reason });
    };
    const key = findAccessKeyId(line);
    if (key) found('access key', 'an AWS access key id');
    if (hasPrivateKey(line)) found('private key', 'a private key');
    if (urlPassword(line) !== undefined) found('url', 'a URL with an embedded password');
    const m = assignment.exec(line);
    if (m) {
      const name = m[1] as string;
      const value = unquote((m[2] as string).trim());
      const reason = isSecretName(name) ? secretReason(name, value) : undefined;
      if (reason) found(name, reason);
    }
    for (const f of line.matchAll(flag)) {
      const name = f[1] as string;
      const value = unquote(f[2] as string);
      if (isSecretName(name)) {
        const reason = secretReason(name, value);
        if (reason) found(`--${name}`, reason);
      }
    }
  }
  return out;
}

function unquote(v: string): string {
  const s = v.replace(/\s+#.*$/, '').replace(/;$/, '');
  if (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0]) return s.slice(1, -1);
  return s;
}

/**
 * Decodes base64 text (CloudFormation `Fn::Base64` output, Terraform `user_data_base64`) when it is base64 of
 * printable text; otherwise returns `undefined`.
 */
export function decodeBase64Text(value: string): string | undefined {
  const v = value.replace(/\s+/g, '');
  if (v.length < 8 || v.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(v)) return undefined;
  const text = Buffer.from(v, 'base64').toString('utf8');
  // Printable text only: tabs, newlines and characters from space upward, without the replacement character.
  for (const c of text) {
    const code = c.codePointAt(0) as number;
    if (code === 0xfffd || (code < 32 && code !== 9 && code !== 10 && code !== 13)) return undefined;
  }
  return text;
}
