/**
 * Numeric hashes of a string and of each string one character shorter (its deletion
 * neighbourhood), computed in one pass without building those strings. Two names one typo
 * apart share a hash here; a shared hash is only a candidate, and the caller verifies it,
 * so a rare collision costs a comparison, never a wrong verdict.
 */
const BASE = 0x01000193; // FNV prime: odd, spreads character codes across the word
/** 30 bits: small integers are map keys V8 hashes without allocating. */
const SMALL = 0x3fffffff;

let powers = new Int32Array(0);
let suffix = new Int32Array(0);

function ensureCapacity(length: number): void {
  if (powers.length > length) return;
  powers = new Int32Array(length + 16);
  suffix = new Int32Array(length + 16);
  powers[0] = 1;
  for (let i = 1; i < powers.length; i++) powers[i] = Math.imul(powers[i - 1]!, BASE);
}

/** `out` gets the hash of `text` first, then one per deleted position; returns the count. */
export function deletionHashes(text: string, out: number[]): number {
  const n = text.length;
  ensureCapacity(n);
  // suffix[i]: the hash contribution of text[i..n) at its place in the whole string.
  suffix[n] = 0;
  for (let i = n - 1; i >= 0; i--) suffix[i] = (suffix[i + 1]! + Math.imul(text.charCodeAt(i), powers[n - 1 - i]!)) | 0;
  out.length = 0;
  out.push(suffix[0]! & SMALL);
  let prefix = 0; // hash of text[0..i), Horner's rule
  for (let i = 0; i < n; i++) {
    // text without text[i]: the prefix shifted past the n-1-i characters that follow it.
    out.push((Math.imul(prefix, powers[n - 1 - i]!) + suffix[i + 1]!) & SMALL);
    prefix = (Math.imul(prefix, BASE) + text.charCodeAt(i)) | 0;
  }
  return out.length;
}
