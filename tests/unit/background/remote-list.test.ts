import { beforeAll, describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../src/core/lists/policy';
import { encodeBase64, signListBytes } from '../../../src/core/lists/signed-list';
import { checkRemoteList, isCheckDue, RETRY_AFTER_FAILURE_MS, type CheckResult } from '../../../src/background/remote-list';
import type { FetchedList } from '../../../src/background/remote-list-fetch';
import type { RemoteListRecord, RemoteListStatus } from '../../../src/protocol/admin-messages';

const URL_A = 'https://it.example-clinic.org/thg/list.json';
const NOW = new Date('2026-06-01T00:00:00Z');
const entry = { domain: 'telehealth.example-clinic.org', name: 'Clinic' };

let key: { privateKey: CryptoKey; publicKey: string };
let otherKey: { privateKey: CryptoKey; publicKey: string };
async function makeKey() {
  const pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  return { privateKey: pair.privateKey, publicKey: encodeBase64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))) };
}
beforeAll(async () => {
  [key, otherKey] = await Promise.all([makeKey(), makeKey()]);
});

async function served(version: number, expires = '2026-12-31T00:00:00Z', signer = key, etag?: string): Promise<FetchedList> {
  const bytes = new TextEncoder().encode(JSON.stringify({ version, expires, entries: [entry] }));
  return { kind: 'fetched', bytes, signatureText: await signListBytes(bytes, signer.privateKey), etag };
}
const policyFor = (keys = [key.publicKey], url = URL_A) => parsePolicy({ remoteAllowlistUrl: url, remoteAllowlistKeys: keys }).policy;

async function check(fetched: FetchedList, record?: RemoteListRecord, status: RemoteListStatus = {}, policy = policyFor()): Promise<CheckResult & { asked: (string | undefined)[] }> {
  const asked: (string | undefined)[] = [];
  const result = await checkRemoteList({
    policy,
    record,
    status,
    now: NOW,
    fetchList: (_url, etag) => {
      asked.push(etag);
      return Promise.resolve(fetched);
    },
  });
  return { ...result, asked };
}

async function accepted(version: number): Promise<RemoteListRecord> {
  const { record } = await check(await served(version, undefined, key, `"v${version}"`));
  return record!;
}

describe('checkRemoteList', () => {
  it('accepts a good list and records when', async () => {
    const result = await check(await served(1, undefined, key, '"v1"'));
    expect(result.outcome).toBe('accepted');
    expect(result.record).toMatchObject({ url: URL_A, signedBy: key.publicKey, etag: '"v1"', acceptedAt: NOW.getTime() });
    expect(result.record?.file.version).toBe(1);
    expect(result.status).toMatchObject({ lastAttemptAt: NOW.getTime(), lastSuccessAt: NOW.getTime() });
    expect(result.status.lastFailure).toBeUndefined();
  });

  it("sends the list in force's ETag and takes a 304 as a success that changes nothing", async () => {
    const record = await accepted(1);
    const result = await check({ kind: 'not-modified' }, record);
    expect(result.asked).toEqual(['"v1"']);
    expect(result.outcome).toBe('unchanged');
    expect(result.record).toBe(record);
    expect(result.status.lastSuccessAt).toBe(NOW.getTime());
  });

  it.each<[string, () => Promise<FetchedList>, string]>([
    ['an older version', () => served(1), 'rollback'],
    ['a list signed by another key', () => served(3, undefined, otherKey), 'signature-mismatch'],
    ['an expired newer list', () => served(3, '2026-01-01T00:00:00Z'), 'expired'],
    ['a download that failed', () => Promise.resolve({ kind: 'failed', reason: 'http-error', message: 'the server answered 503' }), 'http-error'],
  ])('keeps the last good list after %s, and records the reason', async (_name, fetched, reason) => {
    const record = await accepted(2);
    const result = await check(await fetched(), record, { lastSuccessAt: 1 });
    expect(result.outcome).toBe('failed');
    expect(result.record).toBe(record);
    expect(result.status.lastSuccessAt).toBe(1);
    expect(result.status.lastFailure).toMatchObject({ at: NOW.getTime(), reason });
    expect(result.status.lastFailure?.message).not.toBe('');
  });

  it('uses an expired list when no list is in force, still reporting it as expired', async () => {
    const result = await check(await served(1, '2026-01-01T00:00:00Z'));
    expect(result.outcome).toBe('accepted-expired');
    expect(result.record?.file.version).toBe(1);
    expect(result.status.lastFailure?.reason).toBe('expired');
  });

  it('keeps the version floor of the address through a key rotation', async () => {
    const record = await accepted(5);
    const rotated = policyFor([otherKey.publicKey]);
    expect((await check(await served(4, undefined, otherKey), record, {}, rotated)).status.lastFailure?.reason).toBe('rollback');
    const next = await check(await served(6, undefined, otherKey), record, {}, rotated);
    expect(next.record).toMatchObject({ signedBy: otherKey.publicKey });
  });

  it('sends no ETag for a list that is not in force (its key left the policy)', async () => {
    const record = await accepted(5);
    const { asked } = await check(await served(6, undefined, otherKey), record, {}, policyFor([otherKey.publicKey]));
    expect(asked).toEqual([undefined]);
  });

  it('starts a new version floor at a new address', async () => {
    const record = await accepted(5);
    const result = await check(await served(1), record, {}, policyFor(undefined, 'https://lists.example-clinic.org/new.json'));
    expect(result.outcome).toBe('accepted');
  });

  it('does nothing without a list in the policy', async () => {
    const result = await checkRemoteList({ policy: parsePolicy({}).policy, record: undefined, status: {}, now: NOW, fetchList: () => Promise.reject(new Error('no')) });
    expect(result.outcome).toBe('not-configured');
  });
});

describe('isCheckDue', () => {
  const policy = () => parsePolicy({ remoteAllowlistUrl: URL_A, remoteAllowlistKeys: [key.publicKey], refreshHours: 6 }).policy;
  const at = (ms: number) => new Date(NOW.getTime() + ms);
  const checked = (): RemoteListStatus => ({ checkedFor: JSON.stringify([URL_A, [key.publicKey]]), lastAttemptAt: NOW.getTime(), lastSuccessAt: NOW.getTime() });

  it('is due never checked, after refreshHours, and at once when the address or keys change', () => {
    expect(isCheckDue(policy(), {}, NOW)).toBe(true);
    expect(isCheckDue(policy(), checked(), at(5 * 3_600_000))).toBe(false);
    expect(isCheckDue(policy(), checked(), at(6 * 3_600_000))).toBe(true);
    expect(isCheckDue(policy(), { ...checked(), checkedFor: JSON.stringify([URL_A, []]) }, NOW)).toBe(true);
  });

  it('retries sooner after a failure', () => {
    const failed = { ...checked(), lastFailure: { at: NOW.getTime(), reason: 'fetch-failed', message: 'offline' } };
    expect(isCheckDue(policy(), failed, at(RETRY_AFTER_FAILURE_MS - 1))).toBe(false);
    expect(isCheckDue(policy(), failed, at(RETRY_AFTER_FAILURE_MS))).toBe(true);
  });

  it('is never due without a list in the policy', () => {
    expect(isCheckDue(parsePolicy({}).policy, {}, NOW)).toBe(false);
  });
});
