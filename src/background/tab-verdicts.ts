import { assessPage, type Verdict } from '../core/findings/assess';
import { withActivity, type CallState } from '../core/signals/call-state';
import type { CallActivityName } from '../core/findings/findings';
import { withFrameFindings } from '../core/findings/frame-findings';
import { TargetParseError } from '../core/hostname';
import { signalsToKeep } from '../core/signals/kept-signals';
import type { PageSignals } from '../core/signals/page-signals';
import type { RiskLevel } from '../core/findings/risk-levels';
import type { FrameReport, TabPasswords, TabState, TabTrackers } from '../protocol/messages';
import type { Finding } from '../core/findings/findings';
import { withRequestBlocked, withRequestSeen, type RequestSeen, type TrackerSighting } from '../core/trackers/tracker-sightings';
import { getSettings, settingsReady } from './policy-settings';
import { isTelehealthPage } from '../core/trackers/telehealth-page';
import { blockTrackersInTab, notTelehealth } from './tracker-blocking';
import { allowlistReady, getAllowlist } from './allowlist-state';
import { showLevelOnBadge } from './badge';
import { tabAddressOf } from './document-address';
import { withListFindings } from './list-findings';
import { oneAtATimePerKey } from './one-at-a-time';
import { forgetTabState, peekTabState, readTabState, removeTabState, writeTabState } from './tab-state-store';

/** Updates for one tab run one after another, so a late write never undoes a newer one. */
const serialize = oneAtATimePerKey<number>();

/** Logs instead of throwing: a failed badge or storage call must not cost the tab its verdict. */
function logFailure(what: string, tabId: number): (error: unknown) => void {
  return (error) => {
    // The tab closed while it was being judged: nothing to show it on, nothing wrong.
    if (error instanceof Error && /^No tab with id/.test(error.message)) return;
    console.error(`Telehealth Guard: could not ${what} for tab ${tabId}:`, error);
  };
}

/**
 * Shows the verdict first, then stores it: storage.session is shared by all tabs and can be
 * full (or fail), and then the badge and the in-page alert (from the returned state) still
 * work; only the popup, after a worker restart, falls back to judging the address again.
 * The copy in memory changes at once (tab-state-store), so the tab's next update reads this
 * state; the badge (badge.ts) and the store follow on their own, and the returned promise
 * tells when they have. It never rejects: failures are logged.
 */
function publish(tabId: number, level: RiskLevel | undefined, state: TabState | null): Promise<void> {
  const shown = showLevelOnBadge(tabId, level).catch(logFailure('set the badge', tabId));
  const stored = (state ? writeTabState(state) : removeTabState(tabId)).catch(logFailure('store the verdict', tabId));
  return Promise.all([shown, stored]).then(() => undefined);
}

/** What a tab's update has published (publish), for its caller to wait for after the tab's turn. */
type Published = Promise<void>[];

/**
 * One update of a tab's state, in the tab's turn: reading its state and judging. What the
 * update publishes is not waited for in the turn: the tab's next update (its next commit's
 * verdict above all) never waits for the browser to set this one's icon or store it, and no
 * tab's turn waits on anything shared with other tabs. The caller is answered once what the
 * update published has been shown and stored (or replaced by newer).
 */
async function inTurn<T>(tabId: number, update: (published: Published) => Promise<T>): Promise<T> {
  const published: Published = [];
  const result = await serialize(tabId, () => update(published));
  await Promise.all(published);
  return result;
}

/** The verdict for a tab's address (see document-address) and what its page holds; undefined when it is not judged. */
async function verdictOf(
  tabId: number,
  url: string,
  page: { signals?: PageSignals | undefined; call?: CallState | undefined; trackers?: TabTrackers | undefined },
): Promise<Verdict | undefined> {
  const address = await tabAddressOf(tabId, url);
  if (address === undefined) return undefined;
  // A worker just woken has the catalog only until the stored lists are in (milliseconds).
  await allowlistReady();
  const { signals, call, trackers } = page;
  // The clinic's `trackers` action: only asked for where there is something to say.
  if (trackers && trackers.sightings.length > 0) await settingsReady();
  try {
    return assessPage(getAllowlist(), {
      url: address,
      signals,
      call,
      ...(trackers && trackers.sightings.length > 0 ? { trackers: { sightings: trackers.sightings, action: getSettings().trackers } } : {}),
    });
  } catch (error) {
    // A host that is no hostname (a label over 63 characters): no DNS answers for it, nothing to judge.
    if (error instanceof TargetParseError) return undefined;
    throw error;
  }
}

/** What a tab's state says, whenever it was made: two states that say the same show and store the same. */
const contentOf = (state: TabState): string => JSON.stringify({ ...state, updatedAt: 0 });

/**
 * The top frame's address and report make the verdict; frames can only add their findings
 * to it, and only those made under the tab's current address count. `url` is the tab's
 * address as the browser reports it; the verdict is for the address its document is judged
 * by (a blob: or about:blank page is judged as the site that made it).
 *
 * `before` is the state the update started from, already published: a verdict that says just
 * what it says (the page reported the same again, a list change that changes nothing here) is
 * not shown or stored a second time, which in a burst of tabs would only lengthen the queue
 * every tab's badge goes through. A new document has no `before` (its commit clears the
 * button's per-tab values in the browser), so its verdict is always shown.
 */
async function judge(
  published: Published,
  tabId: number,
  url: string,
  page: {
    signals?: PageSignals | undefined;
    frames: readonly FrameReport[];
    call?: CallState | undefined;
    trackers?: TabTrackers | undefined;
    passwords?: TabPasswords | undefined;
    before?: TabState | undefined;
  },
): Promise<TabState | null> {
  const { signals, frames, call, trackers, before } = page;
  const passwords = passwordsOfPage(page.passwords, url, trackers?.documentId);
  const judged = await verdictOf(tabId, url, { signals, call, trackers });
  if (!judged) {
    published.push(publish(tabId, undefined, null));
    void blockTrackersInTab(tabId, notTelehealth);
    return null;
  }
  const current = frames.filter((frame) => frame.tabUrl === url);
  const verdict = withListFindings(withFrameFindings(judged, [...current.flatMap((frame) => frame.findings), ...(passwords?.findings ?? [])]));
  void blockTrackersInTab(tabId, () => isTelehealthPage(getAllowlist(), verdict, { signals, call }));
  const state: TabState = {
    tabId,
    url,
    verdict,
    signals: signals ? signalsToKeep(signals) : null,
    frames: current,
    ...(call ? { call } : {}),
    ...(trackers ? { trackers } : {}),
    ...(passwords ? { passwords } : {}),
    updatedAt: Date.now(),
  };
  if (before && contentOf(before) === contentOf(state)) return before;
  published.push(publish(tabId, verdict.level, state));
  return state;
}

/** A state stored by an earlier version has no frames. */
const framesOf = (state: TabState | undefined): FrameReport[] => (state?.frames as FrameReport[] | null | undefined) ?? [];

/**
 * A new document committed in the tab's top frame: judged from its address at once, and shown
 * on the badge before anything is stored. Nothing stored is read first: it was about the
 * document before this one (a reload's too), and waiting for the store, shared by every tab,
 * would make each tab's verdict wait for the others' in a burst.
 */
export function onTabCommitted(tabId: number, url: string, documentId?: string): Promise<TabState | null> {
  return inTurn(tabId, (published) => {
    // The document being left is kept aside (the back/forward cache may bring it back, under
    // its own id), from this worker's memory only: a commit never waits for the store.
    const left = peekTabState(tabId)?.trackers;
    if (left?.documentId !== undefined && left.documentId !== documentId && left.sightings.length > 0) keepAside(tabId, left.documentId, left.sightings);
    // The new document's tracker requests count from here, with those the browser reported
    // before its commit (or before it was left, for a page brought back).
    const trackers: TabTrackers = documentId === undefined ? { sightings: [] } : { documentId, sightings: takeAside(tabId, documentId) };
    return judge(published, tabId, url, { frames: [], trackers, passwords: passwordsCarriedTo(peekTabState(tabId)?.passwords, url, documentId) });
  });
}

/** A tab went to a new address: judge it from the address alone until the page reports. */
export function onTabNavigated(tabId: number, url: string): Promise<TabState | null> {
  return inTurn(tabId, async (published) => {
    // Already judged under this address: at its commit (the url event of a new document is left
    // to it, see index.ts), or the page reported before the browser's url event reached us. Judging
    // it again would only set the badge and write the store a second time for every navigation.
    const stored = await readTabState(tabId);
    if (stored?.url === url) return stored;
    // The same document under a new address (a new one is judged at its commit): its password findings stay.
    const passwords = stored && passwordsOfPage(stored.passwords, stored.url, stored.trackers?.documentId);
    return judge(published, tabId, url, { frames: framesOf(stored), trackers: stored?.trackers, passwords: passwords && { ...passwords, url }, before: stored });
  });
}

/** The top frame's content script reported what the page holds; `tabUrl` comes from the browser. */
export function onPageSignals(tabId: number, tabUrl: string, signals: PageSignals): Promise<TabState | null> {
  return inTurn(tabId, async (published) => {
    const stored = await readTabState(tabId);
    return judge(published, tabId, tabUrl, { signals, frames: framesOf(stored), call: callOf(stored, tabUrl), trackers: stored?.trackers, passwords: stored?.passwords, before: stored });
  });
}

/** The call seen on the page at `url`; a call on an earlier address is over. */
const callOf = (state: TabState | undefined, url: string): CallState | undefined => (state?.url === url ? state.call : undefined);

/** The top frame's page-world hook reported call activity; the verdict records it. */
export function onCallActivity(tabId: number, tabUrl: string, activity: CallActivityName | 'frame-encryption'): Promise<TabState | null> {
  return inTurn(tabId, async (published) => {
    const stored = await readTabState(tabId);
    const before = callOf(stored, tabUrl);
    const call = withActivity(before, activity);
    if (stored && before && JSON.stringify(call) === JSON.stringify(before)) return stored;
    const signals = stored?.url === tabUrl ? (stored.signals ?? undefined) : undefined;
    return judge(published, tabId, tabUrl, { signals, frames: framesOf(stored), call, trackers: stored?.trackers, passwords: stored?.passwords, before: stored });
  });
}

/**
 * A frame reported what it adds to its tab (often nothing). Returns whether the tab's
 * findings changed, so the top frame can be asked to show the new verdict.
 */
export function onFrameReport(tabId: number, report: FrameReport): Promise<boolean> {
  return inTurn(tabId, async (published) => {
    const stored = await readTabState(tabId);
    const before = framesOf(stored);
    const others = before.filter((frame) => frame.frameId !== report.frameId);
    // Most frames (ads, widgets) add nothing: no write, no badge update for them.
    if (report.findings.length === 0 && others.length === before.length) return false;
    const frames = report.findings.length > 0 ? [...others, report] : others;
    if (stored?.url === report.tabUrl && JSON.stringify(frames) === JSON.stringify(before)) return false;
    const signals = stored?.url === report.tabUrl ? (stored.signals ?? undefined) : undefined;
    const state = await judge(published, tabId, report.tabUrl, { signals, frames, call: callOf(stored, report.tabUrl), trackers: stored?.trackers, passwords: stored?.passwords, before: stored });
    return JSON.stringify(state?.verdict.findings) !== JSON.stringify(stored?.verdict.findings);
  });
}

/**
 * The allowlist changed (admin policy, remote list, user's list): the stored page is judged
 * again with what it last reported. Returns whether its verdict changed.
 */
export function onAllowlistChanged(tabId: number): Promise<boolean> {
  return inTurn(tabId, async (published) => {
    const stored = await readTabState(tabId);
    if (!stored) return false;
    const state = await judge(published, tabId, stored.url, { signals: stored.signals ?? undefined, frames: framesOf(stored), call: stored.call, trackers: stored.trackers, passwords: stored.passwords, before: stored });
    return JSON.stringify(state?.verdict) !== JSON.stringify(stored.verdict);
  });
}

/** A tracker request as the browser reported it (background/tracker-requests). */
export interface TrackerRequest extends RequestSeen {
  /**
   * The top-frame document it was made for, where the browser says: the document of a request
   * from the top frame, the parent document of one from a frame of the top frame.
   */
  topDocumentId: string | undefined;
}

/**
 * Sightings of top documents that are not the tab's current one, per tab and document id:
 * requests the browser reported before their document's commit reached the worker (a page's
 * first requests and its commit come by different routes, the first can come first), and what
 * was seen of a document the tab left, which the back/forward cache may bring back. A commit
 * takes its document's (onTabCommitted); those of documents never committed again (a beacon
 * from a page left) are never shown, and make way for newer ones. In memory only.
 */
const aside = new Map<string, TrackerSighting[]>();
const MAX_ASIDE_DOCUMENTS = 50;
const asideKey = (tabId: number, documentId: string): string => `${tabId}:${documentId}`;

function takeAside(tabId: number, documentId: string): TrackerSighting[] {
  const key = asideKey(tabId, documentId);
  const sightings = aside.get(key) ?? [];
  aside.delete(key);
  return sightings;
}

function keepAside(tabId: number, documentId: string, sightings: TrackerSighting[]): void {
  const key = asideKey(tabId, documentId);
  aside.delete(key);
  if (aside.size >= MAX_ASIDE_DOCUMENTS) aside.delete(aside.keys().next().value!);
  aside.set(key, sightings);
}

/** Whether a request for `topDocumentId` belongs to another document than the tab's current one. */
function forAnotherDocument(stored: TabState | undefined, topDocumentId: string | undefined): topDocumentId is string {
  if (topDocumentId === undefined) return false;
  const current = stored?.trackers?.documentId;
  // A state made without a document id (a page read before any commit was seen) takes the first one.
  return stored === undefined || (current !== undefined && current !== topDocumentId);
}

/**
 * The browser saw the tab send a request to a catalog tracker: counted for the tab's current
 * document, and the tab judged again; a request for another top document is kept aside for it.
 * Returns the new state when the verdict changed.
 */
export function onTrackerRequest(tabId: number, request: TrackerRequest): Promise<TabState | null> {
  return inTurn(tabId, async (published) => {
    // Under the clinic's "off", trackers are not watched: nothing is kept.
    await settingsReady();
    if (getSettings().trackers === 'off') return null;
    const stored = await readTabState(tabId);
    const { topDocumentId } = request;
    if (forAnotherDocument(stored, topDocumentId)) {
      keepAside(tabId, topDocumentId, withRequestSeen(takeAside(tabId, topDocumentId), request));
      return null;
    }
    if (!stored) return null;
    const before = stored.trackers ?? { sightings: [] };
    const documentId = before.documentId ?? topDocumentId;
    const trackers: TabTrackers = { ...(documentId !== undefined ? { documentId } : {}), sightings: withRequestSeen(before.sightings, request) };
    const state = await judge(published, tabId, stored.url, { signals: stored.signals ?? undefined, frames: framesOf(stored), call: stored.call, trackers, passwords: stored.passwords, before: stored });
    return state && JSON.stringify(state.verdict) !== JSON.stringify(stored.verdict) ? state : null;
  });
}

/**
 * A request the browser had already reported was blocked (the clinic's `block` rules, or
 * another extension): it counts as blocked, not as a second request.
 */
export function onTrackerRequestBlocked(tabId: number, seen: { tracker: string; host: string; topDocumentId: string | undefined }): Promise<void> {
  return inTurn(tabId, async (published) => {
    const stored = await readTabState(tabId);
    const { topDocumentId } = seen;
    if (forAnotherDocument(stored, topDocumentId)) {
      const sightings = aside.get(asideKey(tabId, topDocumentId));
      if (sightings) keepAside(tabId, topDocumentId, withRequestBlocked(sightings, seen));
      return;
    }
    const sightings = stored?.trackers?.sightings;
    if (!stored || !sightings) return;
    const updated = withRequestBlocked(sightings, seen);
    if (updated === sightings) return;
    await judge(published, tabId, stored.url, { signals: stored.signals ?? undefined, frames: framesOf(stored), call: stored.call, trackers: { ...stored.trackers!, sightings: updated }, passwords: stored.passwords, before: stored });
  });
}

export function onTabClosed(tabId: number): Promise<void> {
  void blockTrackersInTab(tabId, notTelehealth);
  return serialize(tabId, () => forgetTabState(tabId));
}

/**
 * Chromium swapped the tab behind an ID for another (a prerendered page shown, a discarded
 * tab brought back): the old ID's state goes; the new one keeps it when it shows the same
 * address, or is judged by its address. The caller then reads its page.
 */
export async function onTabReplaced(addedTabId: number, removedTabId: number, url: string | undefined): Promise<TabState | null> {
  const old = await serialize(removedTabId, async () => {
    const stored = await readTabState(removedTabId);
    await forgetTabState(removedTabId);
    void blockTrackersInTab(removedTabId, notTelehealth);
    return stored;
  });
  if (url === undefined) return null;
  return inTurn(addedTabId, async (published) => {
    const stored = await readTabState(addedTabId);
    if (stored?.url === url) return stored;
    if (old?.url !== url) return judge(published, addedTabId, url, { frames: [] });
    const moved: TabState = { ...old, tabId: addedTabId, updatedAt: Date.now() };
    published.push(publish(addedTabId, moved.verdict.level, moved));
    void blockTrackersInTab(addedTabId, () => isTelehealthPage(getAllowlist(), moved.verdict, { signals: moved.signals ?? undefined, call: moved.call }));
    return moved;
  });
}

/** How long the popup waits for a page it has no reading of to be read, before it shows the address alone. */
const POPUP_READ_WAIT_MS = 1500;

/**
 * The popup's view of a tab; reading never overwrites what a page reported. A tab with no
 * state for its address (open before the extension started, its state lost with a full
 * store and a worker restart, or the browser's url event still on its way) has its page read
 * now, and the popup waits for that reading a moment, so that it says what the badge and the
 * in-page alert say; it falls back to a verdict from the address alone, never stored over a
 * reported one.
 */
export async function tabStateFor(tabId: number, currentUrl: string | undefined, readTab: (tabId: number) => Promise<void>): Promise<TabState | null> {
  const stored = await readTabState(tabId);
  if (currentUrl === undefined || stored?.url === currentUrl) return stored ?? null;
  const address = await tabAddressOf(tabId, currentUrl);
  if (address === undefined) return null;
  const reading = readTab(tabId).catch(() => undefined);
  await Promise.race([reading, new Promise((resolve) => setTimeout(resolve, POPUP_READ_WAIT_MS))]);
  const latest = await readTabState(tabId);
  if (latest?.url === currentUrl) return latest;
  if (latest) return addressOnly(tabId, currentUrl, address);
  return inTurn(tabId, async (published) => {
    // A reading may have come in while this waited its turn: it stays.
    const now = await readTabState(tabId);
    if (now) return now.url === currentUrl ? now : addressOnly(tabId, currentUrl, address);
    return judge(published, tabId, currentUrl, { frames: [] });
  });
}

/** A verdict from the address alone, for the popup only: never stored. */
function addressOnly(tabId: number, url: string, address: string): TabState {
  return { tabId, url, verdict: withListFindings(assessPage(getAllowlist(), { url: address })), signals: null, frames: [], updatedAt: Date.now() };
}

/**
 * How long a password warning outlives its page: a form submitted by script (or the Enter
 * key) takes the page away as the password is checked, and phishing kits send the patient on
 * to the real site at once. The warning, which names the site the password went to, comes
 * with the next document of the tab if that commits within this time.
 */
const PASSWORD_WARNING_CARRY_MS = 10_000;

function passwordsCarriedTo(left: TabPasswords | undefined, url: string, documentId: string | undefined, now = Date.now()): TabPasswords | undefined {
  // A weak new password was about the form left behind: only a reused one goes on.
  const findings = left?.findings.filter((finding) => finding.code === 'PASSWORD_REUSE') ?? [];
  if (!left || findings.length === 0 || now - left.at > PASSWORD_WARNING_CARRY_MS) return undefined;
  return { url, ...(documentId !== undefined ? { documentId } : {}), at: left.at, findings };
}

/**
 * The password findings that are the page's: made under its address, or in its document (a
 * page that changes its address with history.pushState or a #fragment keeps them: it cannot
 * shed a warning that way). They follow the address the page is judged under.
 */
function passwordsOfPage(passwords: TabPasswords | undefined, url: string, documentId: string | undefined): TabPasswords | undefined {
  if (!passwords) return undefined;
  const samePage = passwords.url === url || (passwords.documentId !== undefined && passwords.documentId === documentId);
  return samePage ? { ...passwords, url } : undefined;
}

/** Same kind of password finding about the same platform and site: the newer replaces it. */
function samePasswordFinding(a: Finding, b: Finding): boolean {
  if (a.code !== b.code) return false;
  if (a.code === 'PASSWORD_REUSE' && b.code === 'PASSWORD_REUSE') return a.domain === b.domain && a.site === b.site && a.frame === b.frame;
  return true;
}

/**
 * A password finding for the tab's current page (a reused password, a weak new one), or the
 * end of one (`finding` undefined for `code`: the new password got stronger). Returns whether
 * the tab's verdict changed, so the top frame can be shown it.
 */
export function onPasswordFinding(tabId: number, change: { finding: Finding } | { gone: Finding['code'] }): Promise<boolean> {
  return inTurn(tabId, async (published) => {
    const stored = await readTabState(tabId);
    if (!stored) return false;
    const kept = passwordsOfPage(stored.passwords, stored.url, stored.trackers?.documentId)?.findings ?? [];
    const findings =
      'finding' in change ? [...kept.filter((finding) => !samePasswordFinding(finding, change.finding)), change.finding] : kept.filter((finding) => finding.code !== change.gone);
    if (JSON.stringify(findings) === JSON.stringify(kept)) return false;
    const documentId = stored.trackers?.documentId;
    // `at` is when the newest reuse was seen: only that starts the time it may be carried over.
    const at = 'finding' in change && change.finding.code === 'PASSWORD_REUSE' ? Date.now() : (stored.passwords?.at ?? 0);
    const passwords: TabPasswords = { url: stored.url, ...(documentId !== undefined ? { documentId } : {}), at, findings };
    const state = await judge(published, tabId, stored.url, {
      signals: stored.signals ?? undefined,
      frames: framesOf(stored),
      call: stored.call,
      trackers: stored.trackers,
      passwords,
      before: stored,
    });
    return JSON.stringify(state?.verdict) !== JSON.stringify(stored.verdict);
  });
}
