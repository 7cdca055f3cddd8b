import type { ManagedPolicy } from '../core/lists/policy';
import { sha256Hex } from '../core/sha256-hex';
import { verifySignedList } from '../core/lists/signed-list';
import type { RemoteListFailure, RemoteListRecord, RemoteListStatus } from '../protocol/admin-messages';
import type { FetchedList } from './remote-list-fetch';

/**
 * One check of the remote list: download, verify (core/lists/signed-list), decide what is kept.
 * No storage and no network of its own (both come in), so the rules are tested directly:
 *
 * - Any failure keeps the last good list and records the reason; a success records the time.
 * - The version floor is the last list accepted *from this address*, whichever key signed it
 *   (a key rotation still needs a higher version); the address is the admin's, in the policy.
 * - An expired list is authentic but old: refused while a list is in force (which stays,
 *   with ALLOWLIST_STALE once it expires itself). With no list in force it is used, since
 *   the admin did sign every site on it, and its pages show ALLOWLIST_STALE at once.
 */

export interface CheckInput {
  policy: ManagedPolicy;
  record: RemoteListRecord | undefined;
  status: RemoteListStatus;
  now: Date;
  fetchList: (url: string, etag: string | undefined) => Promise<FetchedList>;
}

export interface CheckResult {
  /** The list to keep from now on; the same object when nothing changed. */
  record: RemoteListRecord | undefined;
  status: RemoteListStatus;
  outcome: 'not-configured' | 'accepted' | 'unchanged' | 'accepted-expired' | 'failed';
}

/** After a failure the next try comes sooner than the regular schedule. */
export const RETRY_AFTER_FAILURE_MS = 15 * 60 * 1000;

/** The policy settings a check depends on: a change makes a check due at once. */
export function checkedFor(policy: ManagedPolicy): string | undefined {
  return policy.remoteAllowlistUrl === undefined ? undefined : JSON.stringify([policy.remoteAllowlistUrl, policy.remoteAllowlistKeys]);
}

export function isCheckDue(policy: ManagedPolicy, status: RemoteListStatus, now: Date): boolean {
  const config = checkedFor(policy);
  if (config === undefined) return false;
  if (status.checkedFor !== config || status.lastAttemptAt === undefined) return true;
  const since = now.getTime() - status.lastAttemptAt;
  const failedLast = status.lastFailure !== undefined && status.lastFailure.at === status.lastAttemptAt;
  return since >= policy.refreshHours * 3_600_000 || (failedLast && since >= RETRY_AFTER_FAILURE_MS);
}

export async function checkRemoteList({ policy, record, status, now, fetchList }: CheckInput): Promise<CheckResult> {
  const url = policy.remoteAllowlistUrl;
  if (url === undefined) return { record, status, outcome: 'not-configured' };
  const keys = policy.remoteAllowlistKeys;
  const at = now.getTime();
  const attempted: RemoteListStatus = { ...status, checkedFor: checkedFor(policy), lastAttemptAt: at };
  const fromHere = record?.url === url ? record : undefined;
  const inForce = fromHere && keys.includes(fromHere.signedBy) ? fromHere : undefined;
  const failed = (failure: Omit<RemoteListFailure, 'at'>): CheckResult => ({
    record,
    status: { ...attempted, lastFailure: { at, ...failure } },
    outcome: 'failed',
  });

  const fetched = await fetchList(url, inForce?.etag);
  if (fetched.kind === 'failed') return failed({ reason: fetched.reason, message: fetched.message });
  if (fetched.kind === 'not-modified') return { record, status: { ...attempted, lastSuccessAt: at }, outcome: 'unchanged' };

  const result = await verifySignedList({
    bytes: fetched.bytes,
    signatureText: fetched.signatureText,
    publicKeys: keys,
    lastGood: fromHere ? { version: fromHere.file.version, sha256: fromHere.sha256 } : undefined,
    now,
  });
  if (result.ok) {
    const signedBy = keys[result.keyIndex]!;
    const etag = fetched.etag ?? fromHere?.etag;
    const next: RemoteListRecord =
      result.unchanged && fromHere
        ? { ...fromHere, signedBy, etag }
        : { url, file: result.file, sha256: result.sha256, signedBy, etag: fetched.etag, acceptedAt: at };
    return { record: next, status: { ...attempted, lastSuccessAt: at }, outcome: result.unchanged ? 'unchanged' : 'accepted' };
  }

  const failure = { reason: result.reason, message: result.message, problems: result.problems };
  if (result.reason === 'expired' && result.file && result.keyIndex !== undefined && !inForce) {
    const next: RemoteListRecord = {
      url,
      file: result.file,
      sha256: await sha256Hex(fetched.bytes),
      signedBy: keys[result.keyIndex]!,
      etag: fetched.etag,
      acceptedAt: at,
    };
    return { record: next, status: { ...attempted, lastFailure: { at, ...failure } }, outcome: 'accepted-expired' };
  }
  return failed(failure);
}
