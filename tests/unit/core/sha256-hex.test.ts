import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/core/sha256-hex';

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('gives the FIPS 180-2 digest of %j as lower-case hex', async (text, hex) => {
    expect(await sha256Hex(text)).toBe(hex);
  });

  it("hashes a text's UTF-8 bytes", async () => {
    expect(await sha256Hex('dö')).toBe(await sha256Hex(new Uint8Array([0x64, 0xc3, 0xb6])));
  });

  it('hashes only the bytes a view shows, not the rest of its buffer', async () => {
    const buffer = new TextEncoder().encode('xxabcxx');
    expect(await sha256Hex(buffer.subarray(2, 5))).toBe(await sha256Hex('abc'));
  });
});
