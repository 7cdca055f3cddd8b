import { assessPage } from '../core/assess';
import { withFrameFindings } from '../core/frame-findings';
import type { PageSignals } from '../core/page-signals';
import type { FrameReport, TabState } from '../protocol/messages';
import { getAllowlist } from './allowlist-state';
import { showLevelOnBadge } from './badge';
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

/**
 * The top frame's address and report make the verdict; frames can only add their findings
 * to it, and only those made under the tab's current address count.
 */
async function judge(tabId: number, url: string, signals: PageSignals | undefined, frames: readonly FrameReport[]): Promise<TabState | null> {
  if (!isAssessedUrl(url)) {
    await removeTabState(tabId);
    await showLevelOnBadge(tabId, undefined);
    return null;
  }
  const current = frames.filter((frame) => frame.tabUrl === url);
  const verdict = withFrameFindings(
    assessPage(getAllowlist(), { url, signals }),
    current.flatMap((frame) => frame.findings),
  );
  const state: TabState = { tabId, url, verdict, signals: signals ?? null, frames: current, updatedAt: Date.now() };
  await writeTabState(state);
  await showLevelOnBadge(tabId, verdict.level);
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
  return serialize(tabId, async () => judge(tabId, tabUrl, signals, framesOf(await readTabState(tabId))));
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
    const state = await judge(tabId, report.tabUrl, signals, frames);
    return JSON.stringify(state?.verdict.findings) !== JSON.stringify(stored?.verdict.findings);
  });
}

export function onTabClosed(tabId: number): Promise<void> {
  return serialize(tabId, () => removeTabState(tabId));
}

/**
 * The popup's view of a tab. A tab opened before the extension started has no stored state:
 * judge its address now rather than show nothing.
 */
export async function tabStateFor(tabId: number, currentUrl: string | undefined): Promise<TabState | null> {
  const stored = await readTabState(tabId);
  if (stored && (currentUrl === undefined || stored.url === currentUrl)) return stored;
  if (currentUrl === undefined) return null;
  return onTabNavigated(tabId, currentUrl);
}
