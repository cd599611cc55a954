// Invite codes: 8 characters of A-Za-z0-9 from a CSPRNG, drawn without modulo bias (62^8 codes: not guessable
// within the lookup limits).

/** Bytes from the platform's CSPRNG (Web Crypto: the same in Node.js and in browsers). */
function randomBytes(size: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(size));
}

export const INVITE_CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const INVITE_CODE_LENGTH = 8;

// 248 = 4 × 62: bytes below it map evenly onto the alphabet; bytes 248-255 would favour the first 8
// characters, so they are thrown away and another byte is drawn.
export const REJECTION_THRESHOLD = 256 - (256 % INVITE_CODE_ALPHABET.length);

/** The alphabet character for one random byte, or null when the byte must be rejected. */
export function byteToCodeChar(byte: number): string | null {
  if (!Number.isInteger(byte) || byte < 0 || byte >= REJECTION_THRESHOLD) return null;
  return INVITE_CODE_ALPHABET[byte % INVITE_CODE_ALPHABET.length] ?? null;
}

/** A fresh random invite code; `source` is injectable so tests can feed chosen bytes. */
export function generateInviteCode(
  source: (size: number) => Uint8Array = randomBytes,
  length = INVITE_CODE_LENGTH,
): string {
  let code = "";
  while (code.length < length) {
    // Ask for a few spare bytes: about 3% are rejected.
    for (const byte of source(length - code.length + 4)) {
      const char = byteToCodeChar(byte);
      if (char !== null) code += char;
      if (code.length === length) break;
    }
  }
  return code;
}

const LOOKUP_PATTERN = /^[A-Za-z0-9-]{2,32}$/;

/** Whether a code is worth looking up at all (2-32 of A-Za-z0-9 and hyphen); anything else is a plain 404. */
export function isLookupCode(code: string): boolean {
  return LOOKUP_PATTERN.test(code);
}

/**
 * The codes to try for a lookup, in order: exact, then lowercased. The lowercased spelling only ever finds a
 * vanity code (they resolve in any case); random codes are case-sensitive, so a case variant of one is unknown.
 */
export function lookupCandidates(code: string): string[] {
  if (!isLookupCode(code)) return [];
  const lower = code.toLowerCase();
  return lower === code ? [code] : [code, lower];
}
