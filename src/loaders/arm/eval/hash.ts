import { createHash } from 'node:crypto';

/**
 * Deterministic stand-ins for `uniqueString()` and `guid()`. Azure documents both as hash functions of their
 * arguments (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string#uniquestring,
 * #guid) but not the hash it uses, so these do not reproduce Azure's values: the loader keeps their results unknown
 * and uses these only as stable symbols, so that the same call gives the same name everywhere in a scan.
 *
 * - uniqueString: SHA-256 of the arguments joined with `-`, first 65 bits as 13 base32 characters (RFC 4648 alphabet,
 *   lowercase), the length and alphabet Azure's values have.
 * - guid: a name-based UUID in the RFC 9562 version 5 layout (SHA-1 over a fixed namespace and the arguments joined
 *   with `-`).
 */

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

export function uniqueStringOf(args: readonly string[]): string {
  const digest = createHash('sha256').update(args.join('-'), 'utf8').digest();
  let out = '';
  let bits = 0;
  let acc = 0;
  for (const byte of digest) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 13) {
      out += BASE32[(acc >> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
    if (out.length >= 13) break;
  }
  return out;
}

/** A fixed namespace for the stand-in GUIDs (itself a random v4 UUID chosen once for Parapet). */
const GUID_NAMESPACE = Buffer.from('3b0e4a1c7f5d4e2a9c6b8d1f0a2e4c6b', 'hex');

export function guidOf(args: readonly string[]): string {
  const digest = createHash('sha1').update(GUID_NAMESPACE).update(args.join('-'), 'utf8').digest();
  const b = Buffer.from(digest.subarray(0, 16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x50;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
