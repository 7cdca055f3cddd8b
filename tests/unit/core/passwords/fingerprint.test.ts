import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultParameters, FINGERPRINT_BITS, fingerprintOf, newSalt, PBKDF2_ITERATIONS, SALT_BYTES } from '../../../../src/core/passwords/fingerprint';

const SALT = Buffer.from('0123456789abcdef').toString('base64');

describe('fingerprintOf', () => {
  it('is the first bits of PBKDF2-HMAC-SHA-256 over the password with the salt, as Node computes it', async () => {
    const parameters = { salt: SALT, iterations: 1_000, bits: 32 };
    const expected = pbkdf2Sync('Riverbank-Sunday-42', Buffer.from(SALT, 'base64'), 1_000, 32, 'sha256').subarray(0, 4).toString('hex');
    expect(await fingerprintOf('Riverbank-Sunday-42', parameters)).toBe(expected);
  });

  it('keeps no bit past the ones asked for: 37 bits are five bytes with the last three bits cleared', async () => {
    const full = pbkdf2Sync('pässwörd', Buffer.from(SALT, 'base64'), 500, 32, 'sha256');
    const fingerprint = await fingerprintOf('pässwörd', { salt: SALT, iterations: 500, bits: 37 });
    expect(fingerprint).toHaveLength(10);
    expect(fingerprint.slice(0, 8)).toBe(full.subarray(0, 4).toString('hex'));
    expect(parseInt(fingerprint.slice(8), 16)).toBe(full[4]! & 0xf8);
  });

  it('gives another fingerprint under another salt (each install has its own)', async () => {
    const a = await fingerprintOf('Riverbank-Sunday-42', { salt: newSalt(), iterations: 100, bits: 32 });
    const b = await fingerprintOf('Riverbank-Sunday-42', { salt: newSalt(), iterations: 100, bits: 32 });
    // Equal by chance once in 2^32.
    expect(a).not.toBe(b);
  });

  it.each([0, 257, 1.5])('refuses %s bits', async (bits) => {
    await expect(fingerprintOf('x', { salt: SALT, iterations: 1, bits })).rejects.toThrow(RangeError);
  });

  it('uses OWASP\'s 600,000 rounds, 32 bits and a 16-byte random salt by default', () => {
    const salt = newSalt();
    expect(Buffer.from(salt, 'base64')).toHaveLength(SALT_BYTES);
    expect(SALT_BYTES * 8).toBeGreaterThanOrEqual(32);
    expect(defaultParameters(salt)).toEqual({ salt, iterations: PBKDF2_ITERATIONS, bits: FINGERPRINT_BITS });
    expect(PBKDF2_ITERATIONS).toBe(600_000);
    expect(FINGERPRINT_BITS).toBe(32);
  });
});
