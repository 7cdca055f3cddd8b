/**
 * The fingerprint kept of a protected password: PBKDF2-HMAC-SHA-256 over the password with a
 * per-install random salt, cut to its first FINGERPRINT_BITS bits. WebCrypto only, so the
 * extension's worker and the tests on Node compute the same value.
 *
 * Why these numbers (docs/passwords.md has the sources):
 * - 600,000 iterations: OWASP's figure for PBKDF2-HMAC-SHA-256 (NIST SP 800-63B asks for at
 *   least 10,000). About 90 ms in the extension's worker in Chromium on the machines the
 *   benchmark runs on (bench/fingerprint-speed): paid there, never in the page, once per check.
 * - 32 bits: few enough that a stolen store names no password: every fingerprint is shared
 *   by one in 4.3 billion passwords, so a list of 10^10 candidates leaves about two per
 *   fingerprint, each found only after 600,000 rounds of HMAC per guess; many enough that a
 *   different password matches one protected platform with a chance of 2^-32 (about 2.3 in
 *   10^10) per check (see false-match.ts for the rate over a year of typing).
 * - 16 bytes of salt (NIST asks for at least 32 bits): the same password gives another
 *   fingerprint in every install, so no table computed once applies to any store.
 */

export const PBKDF2_ITERATIONS = 600_000;
export const FINGERPRINT_BITS = 32;
export const SALT_BYTES = 16;

export interface FingerprintParameters {
  /** The per-install salt, base64. */
  salt: string;
  iterations: number;
  bits: number;
}

export function newSalt(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(SALT_BYTES)));
}

export function defaultParameters(salt: string): FingerprintParameters {
  return { salt, iterations: PBKDF2_ITERATIONS, bits: FINGERPRINT_BITS };
}

/** The first `bits` bits of PBKDF2-HMAC-SHA-256(password, salt), as lower-case hex (bits rounded up to whole hex digits, the rest zeroed). */
export async function fingerprintOf(password: string, parameters: FingerprintParameters): Promise<string> {
  const { salt, iterations, bits } = parameters;
  if (!Number.isInteger(bits) || bits < 1 || bits > 256) throw new RangeError(`a fingerprint has 1 to 256 bits, not ${bits}`);
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const derived = new Uint8Array(
    await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(salt), iterations }, key, Math.ceil(bits / 8) * 8),
  );
  // Bits past `bits` in the last byte are cleared: they must not be kept.
  const spare = derived.length * 8 - bits;
  if (spare > 0) derived[derived.length - 1]! &= 0xff << spare;
  return Array.from(derived, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
