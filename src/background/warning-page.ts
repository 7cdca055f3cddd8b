import browser from 'webextension-polyfill';
import { isAlertLevel } from '../core/findings/risk-levels';
import type { TabState } from '../protocol/messages';
import { answerShowsSomething } from '../protocol/page-api';
import { answerFromAddress, verdictFor, type PageDocument } from './page-answers';
import { readTabState } from './tab-state-store';

/**
 * A page that keeps removing or covering the warning it is shown gets the extension's own
 * warning page in its place, as Chromium's look-alike interstitial does: the page can draw
 * nothing there. The tab's popup (and the warning page itself) still shows the verdict of the
 * page it replaced.
 */
export const WARNING_PAGE = 'src/warning/index.html';

const replacedKey = (tabId: number): string => `replaced:${tabId}`;
const inMemory = new Map<number, TabState>();

export function warningPageUrl(tabId: number): string {
  return `${browser.runtime.getURL(WARNING_PAGE)}?tab=${tabId}`;
}

export function isWarningPage(url: string | undefined): boolean {
  return url?.startsWith(browser.runtime.getURL(WARNING_PAGE)) === true;
}

/** The verdict of the page the warning page replaced in this tab. */
export async function replacedPageOf(tabId: number): Promise<TabState | undefined> {
  const held = inMemory.get(tabId);
  if (held) return held;
  const key = replacedKey(tabId);
  return ((await browser.storage.session.get(key).catch(() => ({}))) as Record<string, unknown>)[key] as TabState | undefined;
}

export async function forgetReplacedPage(tabId: number): Promise<void> {
  inMemory.delete(tabId);
  await browser.storage.session.remove(replacedKey(tabId));
}

/**
 * The document's page fought its warning. Decided here, never on the page's word: only a
 * document that is being warned about (its tab's verdict alerts, or its address arms a
 * guard or an alert) is replaced. Returns whether it was.
 */
export async function replaceWithWarningPage(document: PageDocument): Promise<boolean> {
  const stored = await readTabState(document.tabId);
  const tabState = stored?.url === document.tabUrl ? stored : undefined;
  const fromAddress = await answerFromAddress(document);
  const warned = (tabState !== undefined && isAlertLevel(tabState.verdict.level)) || answerShowsSomething(fromAddress);
  if (!warned) return false;
  // A framed look-alike fights in a frame: the tab's verdict, or the frame's own where the tab has none.
  const verdict = tabState && isAlertLevel(tabState.verdict.level) ? tabState.verdict : (verdictFor(document.frameAddress) ?? verdictFor(document.tabAddress));
  if (!verdict) return false;
  const replaced: TabState = tabState?.verdict === verdict ? tabState : { tabId: document.tabId, url: document.tabUrl, verdict, signals: null, frames: [], updatedAt: Date.now() };
  inMemory.set(document.tabId, replaced);
  await browser.storage.session.set({ [replacedKey(document.tabId)]: replaced }).catch((error: unknown) => {
    console.error('Telehealth Guard: could not store the replaced page (the popup keeps it while the background runs):', error);
  });
  await browser.tabs.update(document.tabId, { url: warningPageUrl(document.tabId) });
  return true;
}
