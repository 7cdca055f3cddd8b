import { assessPage } from '../core/assess';
import { withActivity, type CallState } from '../core/call-state';
import type { CallActivityName } from '../core/findings';
import { withFrameFindings } from '../core/frame-findings';
import { signalsToKeep } from '../core/kept-signals';
import type { PageSignals } from '../core/page-signals';
import type { RiskLevel } from '../core/risk-levels';
import type { FrameReport, TabState } from '../protocol/messages';
import { allowlistReady, getAllowlist } from './allowlist-state';
import { askToReport } from './ask-to-report';
import { showLevelOnBadge } from './badge';
import { withListFindings } from './list-findings';
import { readTabState, removeTabState, writeTabState } from './tab-state-store';

const ASSESSED_SCHEMES = /^https?:/i;

export function isAssessedUrl(url: string): boolean {
  return ASSESSED_SCHEMES.test(url);
}

/** Updates for one tab run one after another, so a late write never undoes a newer one. */
const queues = new Map<number, Promise<unknown>>();

function serialize<T>(tabId: number, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(tabId) ?? Promise.resolve();
  const next = previous.then(work, work);
  queues.set(tabId, next);
  void next.finally(() => {
    if (queues.get(tabId) === next) queues.delete(tabId);
  });
  return next;
}

/** Logs instead of throwing: a failed badge or storage call must not cost the tab its verdict. */
function logFailure(what: string, tabId: number): (error: unknown) => void {
  return (error) => {
    console.error(`Telehealth Guard: could not ${what} for tab ${tabId}:`, error);
  };
}

/**
 * Shows the verdict first, then stores it: storage.session is shared by all tabs and can be
 * full (or fail), and then the badge and the in-page alert (from the returned state) still
 * work; only the popup, after a worker restart, falls back to judging the address again.
 */
async function publish(tabId: number, level: RiskLevel | undefined, state: TabState | null): Promise<void> {
  await showLevelOnBadge(tabId, level).catch(logFailure('set the badge', tabId));
  const stored = state ? writeTabState(state) : removeTabState(tabId);
  await stored.catch(logFailure('store the verdict', tabId));
}

/**
 * The top frame's address and report make the verdict; frames can only add their findings
 * to it, and only those made under the tab's current address count.
 */
async function judge(
  tabId: number,
  url: string,
  signals: PageSignals | undefined,
  frames: readonly FrameReport[],
  call?: CallState,
): Promise<TabState | null> {
  if (!isAssessedUrl(url)) {
    await publish(tabId, undefined, null);
    return null;
  }
  const current = frames.filter((frame) => frame.tabUrl === url);
  // A worker just woken has the catalog only until the stored lists are in (milliseconds).
  await allowlistReady();
  const verdict = withListFindings(
    withFrameFindings(
      assessPage(getAllowlist(), { url, signals, call }),
      current.flatMap((frame) => frame.findings),
    ),
  );
  const state: TabState = {
    tabId,
    url,
    verdict,
    signals: signals ? signalsToKeep(signals) : null,
    frames: current,
    ...(call ? { call } : {}),
    updatedAt: Date.now(),
  };
  await publish(tabId, verdict.level, state);
  return state;
}

/** A state stored by an earlier version has no frames. */
const framesOf = (state: TabState | undefined): FrameReport[] => (state?.frames as FrameReport[] | null | undefined) ?? [];

/** A tab went to a new address: judge it from the address alone until the page reports. */
export function onTabNavigated(tabId: number, url: string): Promise<TabState | null> {
  return serialize(tabId, async () => {
    // The page may have reported before the browser's url event reached us: keep its report.
    const stored = await readTabState(tabId);
    if (stored?.url === url && stored.signals) return stored;
    return judge(tabId, url, undefined, framesOf(stored));
  });
}

/** The top frame's content script reported what the page holds; `tabUrl` comes from the browser. */
export function onPageSignals(tabId: number, tabUrl: string, signals: PageSignals): Promise<TabState | null> {
  return serialize(tabId, async () => {
    const stored = await readTabState(tabId);
    return judge(tabId, tabUrl, signals, framesOf(stored), callOf(stored, tabUrl));
  });
}

/** The call seen on the page at `url`; a call on an earlier address is over. */
const callOf = (state: TabState | undefined, url: string): CallState | undefined => (state?.url === url ? state.call : undefined);

/** The top frame's page-world hook reported call activity; the verdict records it. */
export function onCallActivity(tabId: number, tabUrl: string, activity: CallActivityName | 'frame-encryption'): Promise<TabState | null> {
  return serialize(tabId, async () => {
    const stored = await readTabState(tabId);
    const before = callOf(stored, tabUrl);
    const call = withActivity(before, activity);
    if (stored && before && JSON.stringify(call) === JSON.stringify(before)) return stored;
    const signals = stored?.url === tabUrl ? (stored.signals ?? undefined) : undefined;
    return judge(tabId, tabUrl, signals, framesOf(stored), call);
  });
}

/**
 * A frame reported what it adds to its tab (often nothing). Returns whether the tab's
 * findings changed, so the top frame can be asked to show the new verdict.
 */
export function onFrameReport(tabId: number, report: FrameReport): Promise<boolean> {
  return serialize(tabId, async () => {
    const stored = await readTabState(tabId);
    const before = framesOf(stored);
    const others = before.filter((frame) => frame.frameId !== report.frameId);
    // Most frames (ads, widgets) add nothing: no write, no badge update for them.
    if (report.findings.length === 0 && others.length === before.length) return false;
    const frames = report.findings.length > 0 ? [...others, report] : others;
    if (stored?.url === report.tabUrl && JSON.stringify(frames) === JSON.stringify(before)) return false;
    const signals = stored?.url === report.tabUrl ? (stored.signals ?? undefined) : undefined;
    const state = await judge(tabId, report.tabUrl, signals, frames, callOf(stored, report.tabUrl));
    return JSON.stringify(state?.verdict.findings) !== JSON.stringify(stored?.verdict.findings);
  });
}

/**
 * The allowlist changed (admin policy, remote list, user's list): the stored page is judged
 * again with what it last reported. Returns whether its verdict changed.
 */
export function onAllowlistChanged(tabId: number): Promise<boolean> {
  return serialize(tabId, async () => {
    const stored = await readTabState(tabId);
    if (!stored) return false;
    const state = await judge(tabId, stored.url, stored.signals ?? undefined, framesOf(stored), stored.call);
    return JSON.stringify(state?.verdict) !== JSON.stringify(stored.verdict);
  });
}

export function onTabClosed(tabId: number): Promise<void> {
  return serialize(tabId, () => removeTabState(tabId));
}

/**
 * Chromium swapped the tab behind an ID for another (a prerendered page shown, a discarded
 * tab brought back): the old ID's state goes; the new one keeps it when it shows the same
 * address, or is judged by its address. Either way its page is asked to report.
 */
export async function onTabReplaced(addedTabId: number, removedTabId: number, url: string | undefined): Promise<TabState | null> {
  const old = await serialize(removedTabId, async () => {
    const stored = await readTabState(removedTabId);
    await removeTabState(removedTabId);
    return stored;
  });
  if (url === undefined) return null;
  const state = await serialize(addedTabId, async () => {
    const stored = await readTabState(addedTabId);
    if (stored?.url === url) return stored;
    if (old?.url !== url) return judge(addedTabId, url, undefined, []);
    const moved: TabState = { ...old, tabId: addedTabId, updatedAt: Date.now() };
    await publish(addedTabId, moved.verdict.level, moved);
    return moved;
  });
  await askToReport(addedTabId);
  return state;
}

/**
 * The popup's view of a tab; reading never overwrites what a page reported. A tab with
 * nothing stored (open before the extension started, or its state lost) is judged by its
 * address now and its page asked to report. A stored state for another address (the
 * browser's url event is still on its way) stays as it is: the popup gets the current
 * address's verdict, unstored, and the page is asked to report.
 */
export async function tabStateFor(tabId: number, currentUrl: string | undefined): Promise<TabState | null> {
  const stored = await readTabState(tabId);
  if (currentUrl === undefined || stored?.url === currentUrl) return stored ?? null;
  if (!isAssessedUrl(currentUrl)) return null;
  const state = stored
    ? addressOnly(tabId, currentUrl)
    : await serialize(tabId, async () => {
        // A report may have come in while this waited its turn: it stays.
        const latest = await readTabState(tabId);
        if (latest) return latest.url === currentUrl ? latest : addressOnly(tabId, currentUrl);
        return judge(tabId, currentUrl, undefined, []);
      });
  void askToReport(tabId);
  return state;
}

/** A verdict from the address alone, for the popup only: never stored. */
function addressOnly(tabId: number, url: string): TabState {
  return { tabId, url, verdict: withListFindings(assessPage(getAllowlist(), { url })), signals: null, frames: [], updatedAt: Date.now() };
}
