import type { Allowlist } from '../core/lists/allowlist';
import { loadBuiltInCatalog } from '../core/lists/catalog';
import { composeAllowlist, type ComposedAllowlist } from '../core/lists/list-layers';
import { parsePolicy, type ParsedPolicy } from '../core/lists/policy';
import { isListExpired } from '../core/lists/signed-list';
import type { StaleList } from '../core/findings/stale-list';
import type { RemoteListRecord } from '../protocol/admin-messages';

/**
 * The allowlist in force and what it is made of: the built-in catalog, the admin's policy,
 * the last good signed remote list and the user's own additions (precedence:
 * core/lists/list-layers).
 *
 * This module only holds state; list-inputs.ts fills it from storage and keeps it current.
 * Reads are synchronous (`getAllowlist()`), so judging a page never waits for storage. Until
 * the stored inputs are loaded the catalog alone applies; `allowlistReady()` lets the
 * verdict code wait those few milliseconds after a worker start.
 */

export interface ListInputs {
  policy: ParsedPolicy;
  /** The last good remote list, whatever the policy says now (see `remoteListInForce`). */
  remote: RemoteListRecord | undefined;
  userDomains: string[];
}

const catalog = loadBuiltInCatalog();
let inputs: ListInputs = { policy: parsePolicy(undefined), remote: undefined, userDomains: [] };
let composed: ComposedAllowlist = compose(inputs);

/**
 * The stored list counts only while the policy still names its address and the key that
 * signed it: an admin who drops a leaked key drops the lists it signed with it.
 */
function listInForce({ policy, remote }: ListInputs): RemoteListRecord | undefined {
  const { remoteAllowlistUrl, remoteAllowlistKeys } = policy.policy;
  if (!remote || remote.url !== remoteAllowlistUrl || !remoteAllowlistKeys.includes(remote.signedBy)) return undefined;
  return remote;
}

function compose(from: ListInputs): ComposedAllowlist {
  return composeAllowlist(from.policy.policy, { catalog, remote: listInForce(from)?.file, userDomains: from.userDomains });
}

export function getAllowlist(): Allowlist {
  return composed.allowlist;
}

/** The allowlist without the user's additions: what a new user domain is checked against. */
export function getAdminAllowlist(): Allowlist {
  return composed.adminAllowlist;
}

export function getComposition(): ComposedAllowlist {
  return composed;
}

export function getPolicy(): ParsedPolicy {
  return inputs.policy;
}

export function remoteListInForce(): RemoteListRecord | undefined {
  return listInForce(inputs);
}

/** The remote list in force, when it has passed its `expires` (ALLOWLIST_STALE). */
export function getStaleList(now = new Date()): StaleList | undefined {
  const remote = remoteListInForce();
  if (!remote || !isListExpired(remote.file, now)) return undefined;
  const { clinicName, supportContact } = inputs.policy.policy;
  return { expires: remote.file.expires, version: remote.file.version, clinicName, supportContact };
}

// ---------------------------------------------------------------------------------------
// Changes

type Listener = () => void;
const listeners: Listener[] = [];

/** Called after every change that can change a verdict (re-judge the open tabs). */
export function onListsChanged(listener: Listener): void {
  listeners.push(listener);
}

/** What a verdict depends on: the lists in force and the policy values shown in findings. */
function fingerprint(from: ListInputs): string {
  return JSON.stringify([from.policy.policy, listInForce(from), from.userDomains]);
}

/** Everything verdicts depend on now, including whether the list in force has expired. */
export function listsFingerprint(now = new Date()): string {
  return JSON.stringify([fingerprint(inputs), getStaleList(now) !== undefined]);
}

/** Replaces some inputs; returns whether anything a verdict depends on changed. */
export function updateListInputs(change: Partial<ListInputs>): boolean {
  const before = fingerprint(inputs);
  inputs = { ...inputs, ...change };
  composed = compose(inputs);
  if (fingerprint(inputs) === before) return false;
  notifyListsChanged();
  return true;
}

/** Also for a change of time rather than of inputs: the list in force just expired. */
export function notifyListsChanged(): void {
  for (const listener of listeners) listener();
}

// ---------------------------------------------------------------------------------------
// Readiness after a worker start

/** Never wait longer than this for storage: a verdict from the catalog beats no verdict. */
const READY_TIMEOUT_MS = 1000;
let markReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => {
  markReady = resolve;
  setTimeout(resolve, READY_TIMEOUT_MS);
});

let markLoaded: () => void = () => undefined;
const loaded = new Promise<void>((resolve) => {
  markLoaded = resolve;
});

/** The stored inputs (cached policy, remote list, user additions) are in. */
export function markListsLoaded(): void {
  markReady();
  markLoaded();
}

/**
 * Resolves only once the stored inputs are in, however long that takes: for what must not act
 * on the defaults meanwhile (the tracker block rules the browser keeps across restarts would be
 * taken down and put back).
 */
export function listsLoaded(): Promise<void> {
  return loaded;
}

export function allowlistReady(): Promise<void> {
  return ready;
}
