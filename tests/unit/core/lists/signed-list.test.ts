import { beforeAll, describe, expect, it } from 'vitest';
import {
  decodeBase64,
  decodePublicKey,
  encodeBase64,
  isListExpired,
  signatureUrlFor,
  signListBytes,
  verifySignedList,
  type SignedListFailure,
  type SignedListResult,
  type VerifySignedListInput,
} from '../../../../src/core/lists/signed-list';

const NOW = new Date('2026-06-01T00:00:00Z');
const encoder = new TextEncoder();

interface TestKey {
  privateKey: CryptoKey;
  publicKey: string;
}

async function makeKey(): Promise<TestKey> {
  const pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey: encodeBase64(raw) };
}

function listBytes(fields: Record<string, unknown> = {}): Uint8Array {
  const list = {
    version: 5,
    expires: '2026-12-31T00:00:00Z',
    entries: [{ domain: 'telehealth.example-clinic.org', name: 'Example Clinic' }],
    ...fields,
  };
  return encoder.encode(`${JSON.stringify(list, null, 2)}\n`);
}

let keyA: TestKey;
let keyB: TestKey;
let keyC: TestKey;

beforeAll(async () => {
  [keyA, keyB, keyC] = await Promise.all([makeKey(), makeKey(), makeKey()]);
});

async function signed(bytes: Uint8Array, key: TestKey = keyA): Promise<Omit<VerifySignedListInput, 'publicKeys'>> {
  return { bytes, signatureText: await signListBytes(bytes, key.privateKey), now: NOW };
}

function expectFailure(result: SignedListResult, reason: SignedListFailure['reason']): SignedListFailure {
  expect(result).toMatchObject({ ok: false, reason });
  if (result.ok) throw new Error('expected a failure');
  expect(result.message).not.toBe('');
  return result;
}

describe('verifySignedList: success', () => {
  it('accepts a list signed by the key, with its parsed file, key index and hash', async () => {
    const bytes = listBytes();
    const result = await verifySignedList({ ...(await signed(bytes)), publicKeys: [keyA.publicKey] });
    expect(result).toMatchObject({ ok: true, keyIndex: 0, unchanged: false, file: { version: 5, expires: '2026-12-31T00:00:00Z' } });
    if (!result.ok) return;
    expect(result.file.entries[0]).toMatchObject({ domain: 'telehealth.example-clinic.org', verified: true });
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts a list with a public-suffix entry: the rest applies, the entry comes back as ignored', async () => {
    const bytes = listBytes({
      entries: [
        { domain: 'telehealth.example-clinic.org', name: 'Example Clinic' },
        { domain: 'herokuapp.com', name: 'Our app' },
      ],
    });
    const result = await verifySignedList({ ...(await signed(bytes)), publicKeys: [keyA.publicKey] });
    expect(result).toMatchObject({
      ok: true,
      ignored: [{ path: 'entries[1].domain', message: 'herokuapp.com is a public suffix: listing it would verify every site under it; entry ignored' }],
    });
  });

  it('accepts a signed list that starts with a BOM (the signature covers the BOM too)', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...listBytes()]);
    const result = await verifySignedList({ ...(await signed(bytes)), publicKeys: [keyA.publicKey] });
    expect(result).toMatchObject({ ok: true, ignored: [], file: { version: 5 } });
    const stripped = await verifySignedList({ ...(await signed(bytes)), bytes: bytes.slice(3), publicKeys: [keyA.publicKey] });
    expect(stripped).toMatchObject({ ok: false, reason: 'signature-mismatch' });
  });

  it('accepts any of several keys during a rotation and says which one signed', async () => {
    const input = await signed(listBytes(), keyB);
    const result = await verifySignedList({ ...input, publicKeys: [keyA.publicKey, keyB.publicKey] });
    expect(result).toMatchObject({ ok: true, keyIndex: 1 });
  });

  it('skips a malformed key in the list and still finds the right one', async () => {
    const input = await signed(listBytes(), keyB);
    const result = await verifySignedList({ ...input, publicKeys: ['not-a-key', keyB.publicKey] });
    expect(result).toMatchObject({ ok: true, keyIndex: 1 });
  });

  it('accepts a higher version than the last good list', async () => {
    const result = await verifySignedList({ ...(await signed(listBytes({ version: 6 }))), publicKeys: [keyA.publicKey], lastGood: { version: 5 } });
    expect(result).toMatchObject({ ok: true, unchanged: false });
  });

  it('accepts the very same list again (same version, same bytes) as unchanged', async () => {
    const input = await signed(listBytes());
    const first = await verifySignedList({ ...input, publicKeys: [keyA.publicKey] });
    if (!first.ok) throw new Error(first.message);
    const again = await verifySignedList({ ...input, publicKeys: [keyA.publicKey], lastGood: { version: 5, sha256: first.sha256 } });
    expect(again).toMatchObject({ ok: true, unchanged: true });
  });

  it('tolerates a line break after the signature', async () => {
    const input = await signed(listBytes());
    const result = await verifySignedList({ ...input, signatureText: `${input.signatureText.trim()}\r\n`, publicKeys: [keyA.publicKey] });
    expect(result.ok).toBe(true);
  });
});

describe('verifySignedList: failures', () => {
  it('too-large: refuses a list over the size cap before anything else', async () => {
    const input = await signed(listBytes());
    expectFailure(await verifySignedList({ ...input, publicKeys: [keyA.publicKey], maxBytes: 100 }), 'too-large');
  });

  it('too-large: the default cap is 1 MiB', async () => {
    const bytes = new Uint8Array(1024 * 1024 + 1).fill(0x20);
    expectFailure(await verifySignedList({ bytes, signatureText: 'x', publicKeys: [keyA.publicKey], now: NOW }), 'too-large');
  });

  it.each([
    ['empty', ''],
    ['not base64', '!!!!'],
    ['too short', encodeBase64(new Uint8Array(32))],
    ['too long', encodeBase64(new Uint8Array(65))],
    ['two signatures', `${encodeBase64(new Uint8Array(64))}\n${encodeBase64(new Uint8Array(64))}`],
  ])('bad-signature-format: %s', async (_name, signatureText) => {
    expectFailure(await verifySignedList({ bytes: listBytes(), signatureText, publicKeys: [keyA.publicKey], now: NOW }), 'bad-signature-format');
  });

  it('signature-mismatch: one byte of the list changed after signing', async () => {
    const input = await signed(listBytes());
    const tampered = Uint8Array.from(input.bytes);
    const at = tampered.indexOf(0x35); // the "5" of the version
    tampered[at] = 0x39;
    const result = expectFailure(await verifySignedList({ ...input, bytes: tampered, publicKeys: [keyA.publicKey] }), 'signature-mismatch');
    expect(result.message).toContain('changed after signing');
  });

  it('signature-mismatch: only whitespace changed (the signature covers the exact bytes)', async () => {
    const input = await signed(listBytes());
    const reformatted = encoder.encode(new TextDecoder().decode(input.bytes).replace(/\n/g, '\r\n'));
    expectFailure(await verifySignedList({ ...input, bytes: reformatted, publicKeys: [keyA.publicKey] }), 'signature-mismatch');
  });

  it('signature-mismatch: signed with a key that is not configured', async () => {
    const input = await signed(listBytes(), keyC);
    expectFailure(await verifySignedList({ ...input, publicKeys: [keyA.publicKey, keyB.publicKey] }), 'signature-mismatch');
  });

  it('no-public-key: no configured key is an Ed25519 public key', async () => {
    const input = await signed(listBytes());
    expectFailure(await verifySignedList({ ...input, publicKeys: [] }), 'no-public-key');
    expectFailure(await verifySignedList({ ...input, publicKeys: ['c2hvcnQ='] }), 'no-public-key');
  });

  it('invalid-json: the signed bytes are not JSON (or not UTF-8)', async () => {
    expectFailure(await verifySignedList({ ...(await signed(encoder.encode('{"version": 1,'))), publicKeys: [keyA.publicKey] }), 'invalid-json');
    const latin1 = Uint8Array.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]);
    expectFailure(await verifySignedList({ ...(await signed(latin1)), publicKeys: [keyA.publicKey] }), 'invalid-json');
  });

  it('invalid-list: signed JSON that is not a list file, with every problem by path', async () => {
    const bytes = listBytes({ entries: [{ domain: 'ok.example.org', name: 'OK' }, { domain: 'not a domain', name: 'X' }] });
    const result = expectFailure(await verifySignedList({ ...(await signed(bytes)), publicKeys: [keyA.publicKey] }), 'invalid-list');
    expect(result.problems).toMatchObject([{ path: 'entries[1].domain', message: expect.stringContaining('hostname') as unknown }]);
    expect(result.message).toContain('entries[1].domain');
  });

  it('missing-expires: a signed list must say until when it holds', async () => {
    const bytes = encoder.encode(JSON.stringify({ version: 5, entries: [] }));
    expectFailure(await verifySignedList({ ...(await signed(bytes)), publicKeys: [keyA.publicKey] }), 'missing-expires');
  });

  it('rollback: an older version than the last good list', async () => {
    const input = await signed(listBytes({ version: 4 }));
    const result = expectFailure(await verifySignedList({ ...input, publicKeys: [keyA.publicKey], lastGood: { version: 5 } }), 'rollback');
    expect(result.message).toContain('older');
  });

  it('rollback: the same version with other content', async () => {
    const input = await signed(listBytes({ entries: [] }));
    const result = await verifySignedList({ ...input, publicKeys: [keyA.publicKey], lastGood: { version: 5, sha256: '0'.repeat(64) } });
    expectFailure(result, 'rollback');
  });

  it('rollback: the same version when the last good hash is not known', async () => {
    const input = await signed(listBytes());
    expectFailure(await verifySignedList({ ...input, publicKeys: [keyA.publicKey], lastGood: { version: 5 } }), 'rollback');
  });

  it('expired: authentic but past "expires", told apart from invalid, with the file for the caller', async () => {
    const input = await signed(listBytes({ version: 7, expires: '2026-05-31T23:59:59Z' }));
    const result = expectFailure(await verifySignedList({ ...input, publicKeys: [keyB.publicKey, keyA.publicKey], lastGood: { version: 6 } }), 'expired');
    expect(result.file?.version).toBe(7);
    expect(result.keyIndex).toBe(1);
    expect(result.message).toContain('2026-05-31T23:59:59Z');
  });

  it('checks the signature before it reads the content', async () => {
    // Tampered and invalid at once: the signature failure comes first.
    const input = await signed(listBytes());
    expectFailure(await verifySignedList({ ...input, bytes: encoder.encode('not json'), publicKeys: [keyA.publicKey] }), 'signature-mismatch');
  });
});

describe('helpers', () => {
  it('round-trips base64 and rejects anything loose', () => {
    const bytes = Uint8Array.from([0, 1, 2, 250, 251, 252, 253]);
    expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
    expect(decodeBase64('AAEC+vv8/Q')).toBeUndefined(); // no padding
    expect(decodeBase64('AAEC-_v8_Q==')).toBeUndefined(); // base64url
    expect(decodeBase64('AA EC')).toBeUndefined();
  });

  it('takes a public key only when it is 32 bytes', () => {
    expect(decodePublicKey(`${keyA.publicKey}\n`)).toHaveLength(32);
    expect(decodePublicKey(encodeBase64(new Uint8Array(33)))).toBeUndefined();
  });

  it.each([
    ['https://it.example.org/thg/list.json', 'https://it.example.org/thg/list.json.sig'],
    ['https://it.example.org/thg/list.json?v=2#x', 'https://it.example.org/thg/list.json.sig?v=2'],
  ])('the signature of %s is at %s', (list, sig) => {
    expect(signatureUrlFor(list)).toBe(sig);
  });

  it('tells whether a list accepted earlier has expired since', () => {
    expect(isListExpired({ expires: '2026-05-01T00:00:00Z' }, NOW)).toBe(true);
    expect(isListExpired({ expires: '2026-07-01T00:00:00Z' }, NOW)).toBe(false);
    expect(isListExpired({}, NOW)).toBe(false);
  });
});
