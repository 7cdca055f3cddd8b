import browser from 'webextension-polyfill';
import { lookalikeHosts } from '../core/trusted-sites';
import { reportAgain } from '../protocol/report-again';
import { readTabState } from './tab-state-store';

export interface AskToReportOptions {
  /** Only this frame; every frame of the tab by default. */
  frameId?: number;
  /** The tab's new address, when that is why (see ReportAgain.tabUrl). */
  tabUrl?: string;
}

/**
 * Content scripts learn what to show only in answer to their own reports; this asks them
 * to report again. A tab whose page has no content script yet (a new document still
 * loading) answers "no receiving end", which is normal: that page reports when it loads.
 */
export async function askToReport(tabId: number, { frameId, tabUrl }: AskToReportOptions = {}): Promise<void> {
  const options = frameId === undefined ? {} : { frameId };
  await browser.tabs.sendMessage(tabId, reportAgain(tabUrl), options).catch(() => undefined);
}

/** After the user trusts a site or takes it back: every frame of every tab that warns about it. */
export async function askTabsShowingHostToReport(host: string): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async ({ id }) => {
      if (id === undefined) return;
      const state = await readTabState(id);
      if (state && lookalikeHosts(state.verdict).includes(host)) await askToReport(id);
    }),
  );
}
