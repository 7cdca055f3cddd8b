import { assessPage } from '../core/assess';
import type { PageSignals } from '../core/page-signals';
import type { TabState } from '../protocol/messages';
import { getAllowlist } from './allowlist-state';
import { showLevelOnBadge } from './badge';
import { readTabState, removeTabState, writeTabState } from './tab-state-store';

const ASSESSED_SCHEMES = /^https?:/i;

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

async function judge(tabId: number, url: string, signals: PageSignals | undefined): Promise<TabState | null> {
  if (!ASSESSED_SCHEMES.test(url)) {
    await removeTabState(tabId);
    await showLevelOnBadge(tabId, undefined);
    return null;
  }
  const verdict = assessPage(getAllowlist(), { url, signals });
  const state: TabState = { tabId, url, verdict, signals: signals ?? null, updatedAt: Date.now() };
  await writeTabState(state);
  await showLevelOnBadge(tabId, verdict.level);
  return state;
}

/** A tab went to a new address: judge it from the address alone until the page reports. */
export function onTabNavigated(tabId: number, url: string): Promise<TabState | null> {
  return serialize(tabId, async () => {
    // The page may have reported before the browser's url event reached us: keep its report.
    const stored = await readTabState(tabId);
    if (stored?.url === url && stored.signals) return stored;
    return judge(tabId, url, undefined);
  });
}

/** The content script reported what the page holds; `tabUrl` comes from the browser. */
export function onPageSignals(tabId: number, tabUrl: string, signals: PageSignals): Promise<TabState | null> {
  return serialize(tabId, () => judge(tabId, tabUrl, signals));
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
