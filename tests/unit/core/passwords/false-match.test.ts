import { describe, expect, it } from 'vitest';
import { candidatesPerFingerprint, expectedFalseMatches, falseMatchRate } from '../../../../src/core/passwords/false-match';
import { FINGERPRINT_BITS, fingerprintOf, newSalt } from '../../../../src/core/passwords/fingerprint';

describe('the false-match rate of a fingerprint, from its bit length', () => {
  it('is 2^-bits for one protected password: 2.33e-10 at the 32 bits kept, 7.28e-12 at Password Alert\'s 37', () => {
    expect(falseMatchRate(FINGERPRINT_BITS)).toBeCloseTo(2 ** -32, 20);
    expect(falseMatchRate(32)).toBeCloseTo(2.3283e-10, 13);
    expect(falseMatchRate(37)).toBeCloseTo(7.276e-12, 14);
  });

  it('grows with the protected passwords, as 1 - (1 - 2^-bits)^n', () => {
    // n · 2^-bits to within 1 in 10^8 while it is small.
    expect(falseMatchRate(32, 5) / (5 * 2 ** -32)).toBeCloseTo(1, 8);
    expect(falseMatchRate(1, 2)).toBeCloseTo(0.75, 12);
    expect(falseMatchRate(8, 3)).toBeGreaterThan(falseMatchRate(8, 2));
  });

  it('makes a false warning rare over years of typing: 200 checks a day, 5 platforms, 10 years: about 0.00085', () => {
    const expected = expectedFalseMatches(32, 5, 200 * 365 * 10);
    expect(expected).toBeGreaterThan(0.0008);
    expect(expected).toBeLessThan(0.0009);
  });

  it('leaves a stolen store ambiguous: 10^10 guesses give about two passwords per fingerprint', () => {
    expect(candidatesPerFingerprint(32, 1e10)).toBeCloseTo(2.33, 2);
  });

  it('matches what the fingerprint really does: 4,000 other passwords against an 8-bit fingerprint match about 1 in 256', async () => {
    const parameters = { salt: newSalt(), iterations: 1, bits: 8 };
    const target = await fingerprintOf('the protected one', parameters);
    let matches = 0;
    const tries = 4_000;
    for (let i = 0; i < tries; i++) if ((await fingerprintOf(`another password ${i}`, parameters)) === target) matches++;
    // Binomial(4000, 1/256): mean 15.6, sd 3.9; 1 to 35 holds with overwhelming probability.
    expect(matches).toBeGreaterThanOrEqual(1);
    expect(matches).toBeLessThanOrEqual(35);
    expect(falseMatchRate(8)).toBeCloseTo(1 / 256, 12);
  });
});
