/**
 * How often a password that is not a protected one still matches a fingerprint: each
 * fingerprint keeps `bits` bits of a hash that behaves as a random function, so any other
 * password matches it with probability 2^-bits, independently for each protected platform.
 */

/** The chance that one check of a password that is none of them matches any of `protectedCount` fingerprints. */
export function falseMatchRate(bits: number, protectedCount = 1): number {
  // 1 - (1 - p)^n, computed so that it stays exact for tiny p.
  return -Math.expm1(protectedCount * Math.log1p(-(2 ** -bits)));
}

/** The expected number of false warnings over `checks` checks. */
export function expectedFalseMatches(bits: number, protectedCount: number, checks: number): number {
  return checks * falseMatchRate(bits, protectedCount);
}

/** How many passwords share one fingerprint among `candidates` tried by whoever holds the store. */
export function candidatesPerFingerprint(bits: number, candidates: number): number {
  return candidates / 2 ** bits;
}
