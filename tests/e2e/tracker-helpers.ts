import type { ExtensionBrowser } from '../../demo/browser';
import { pollUntil } from '../../demo/wait';
import type { TrackerFinding } from '../../src/core/trackers/tracker-findings';
import type { TrackerSighting } from '../../src/core/trackers/tracker-sightings';

export interface StoredTrackers {
  /** The tab's address the state is for. */
  url: string;
  level: string;
  codes: string[];
  findings: TrackerFinding[];
  sightings: TrackerSighting[];
}

/** The tab's stored verdict as the background keeps it: its tracker findings and what it saw. */
export async function storedTrackers(browser: ExtensionBrowser, tabId: number): Promise<StoredTrackers | undefined> {
  const worker = await browser.worker();
  return worker.evaluate(async (id) => {
    const state = (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as
      | { url: string; verdict: { level: string; findings: { code: string }[] }; trackers?: { sightings: unknown[] } }
      | undefined;
    if (!state) return undefined;
    return {
      url: state.url,
      level: state.verdict.level,
      codes: state.verdict.findings.map((finding) => finding.code),
      findings: state.verdict.findings.filter((finding) => finding.code === 'THIRD_PARTY_TRACKER'),
      sightings: state.trackers?.sightings ?? [],
    } as never;
  }, tabId);
}

export function trackersUntil(browser: ExtensionBrowser, tabId: number, what: string, done: (stored: StoredTrackers) => boolean, timeoutMs = 10_000): Promise<StoredTrackers> {
  return pollUntil(what, () => storedTrackers(browser, tabId), (stored): stored is StoredTrackers => stored !== undefined && done(stored), { timeoutMs, intervalMs: 50 }) as Promise<StoredTrackers>;
}

/**
 * Right after the extension is installed, the browser dispatches request events only once the
 * worker's first run has registered its listeners: requests of a page loaded in that moment
 * are not seen (docs/trackers.md says so). A test file starts once an ordinary tracked page's
 * requests are seen, so no test depends on that moment.
 */
export async function waitUntilRequestsAreSeen(browser: ExtensionBrowser, url: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const page = await browser.context.newPage();
    try {
      await page.goto(url);
      const tabId = await browser.tabIdFor(page);
      const seen = await pollUntil('the requests of a warm-up page', () => storedTrackers(browser, tabId), (stored) => (stored?.sightings.length ?? 0) > 0, { timeoutMs: 2_000 }).then(
        () => true,
        () => false,
      );
      if (seen) return;
    } finally {
      await page.close();
    }
    if (Date.now() > deadline) throw new Error(`no tracker request of ${url} was seen within 20 s of the browser's start`);
  }
}
