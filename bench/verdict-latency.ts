/**
 * Verdict latency: the time from a navigation's commit to our verdict on the toolbar button, as
 * the user sees it. Measured from outside the extension, in its service worker (Playwright's
 * handle on it): `webNavigation.onCommitted` (top frame) gives each tab's commit time, and the
 * tab's title and badge text are polled (`chrome.action.getTitle`, `getBadgeText`) every
 * POLL_MS until they show the expected verdict. The title carries the level for every verdict
 * ("Telehealth Guard: neutral" as well), the badge only for three of them; a fresh commit
 * clears both, so what shows after it is this page's verdict. A verdict counts when the poll
 * that saw it returns: the figures are late by up to one poll, never early.
 *
 * - One page at a time, each load in a fresh tab: the look-alike login (https://d0xy.me/login,
 *   danger: '!!') and a verified platform's page (https://doxy.me/, verified: '✓').
 * - A burst: BURST_TABS tabs opened together, mixing those two and an ordinary article
 *   (neutral: no badge text), as a restored session or a "open all" does. For each tab: its
 *   address verdict (the first verdict it shows: for the look-alike, the caution its address
 *   alone makes; for the others, their verdict) and its expected verdict (the look-alike's
 *   danger needs its page read), each from the tab's own commit and from its own
 *   DOMContentLoaded (negative: the verdict came first); the median tab against the last one
 *   shows what waiting for the other tabs costs.
 *
 * A tab that shows a verdict other than the expected one (or one on the way to it) fails the
 * run: a wrong verdict is an error, not a sample. Polling runs on the worker's own thread, the
 * one that makes the verdicts: one getTitle call every POLL_MS for a single page, small beside
 * its work; in the burst each tab is polled on its own, every BURST_POLL_MS. A tab's poll never
 * waits for another tab's: on a loaded machine one getTitle call can take seconds, and polling
 * the forty tabs in rounds (each round waiting for its slowest call) made every tab's figure
 * late by the slowest call of its round, which bunched verdicts that had come apart.
 */
import type { Worker } from 'playwright-core';
import { DEFAULT_DIST, launchExtensionBrowser } from '../demo/browser';
import { startDemoServers } from '../demo/server';
import { medianToLast, summaryOf, type MedianToLast, type Summary } from './stats';

export type Level = 'verified' | 'neutral' | 'caution' | 'danger';

/** The badge text for each level, as src/background/badge.ts sets it (that module needs a browser to load). */
export const BADGE_TEXT: Readonly<Record<Level, string>> = { verified: '✓', neutral: '', caution: '!', danger: '!!' };
/** The button's title with a verdict: `Telehealth Guard: <level>`; without one, the extension's name alone. */
const TITLE = /^Telehealth Guard: (verified|neutral|caution|danger)$/;
/**
 * Levels a tab may show before the expected one: a look-alike's address alone makes a
 * caution at commit; the password field its page reports raises it to danger.
 */
const ON_THE_WAY: Readonly<Record<Level, readonly Level[]>> = { danger: ['caution'], caution: [], verified: [], neutral: [] };

const POLL_MS = 4;
/**
 * The burst polls each tab less often: forty getTitle calls every POLL_MS would take a good
 * share of the worker's thread, the one making the verdicts.
 */
const BURST_POLL_MS = 25;
const BURST_TABS = 40;
const WARMUPS = 2;
/** A tab without its verdict this long after the tabs were opened fails the run (40 tabs on a busy 2-core machine can take seconds just to commit). */
const TIMEOUT_MS = 60_000;

export interface LatencyPage {
  label: string;
  host: string;
  path: string;
  level: Level;
}

export const LOOKALIKE_LOGIN: LatencyPage = { label: 'look-alike login', host: 'd0xy.me', path: '/login', level: 'danger' };
export const VERIFIED_PAGE: LatencyPage = { label: 'verified platform', host: 'doxy.me', path: '/', level: 'verified' };
export const ORDINARY_ARTICLE: LatencyPage = { label: 'ordinary article', host: 'news.example.org', path: '/article', level: 'neutral' };

/** What the worker saw of one tab (epoch ms, the worker's clock and the browser's event times). */
export interface TabTiming {
  tabId: number;
  committedAt: number | undefined;
  domContentLoadedAt: number | undefined;
  /** Levels the title showed, in order, up to the expected one. */
  levels: string[];
  firstVerdictAt: number | undefined;
  verdictAt: number | undefined;
  badge: string | undefined;
  /** For a tab without its verdict: what the background stored for it. */
  stored?: string | undefined;
}

export interface PageLatency {
  page: LatencyPage;
  /** The badge text the expected verdict shows. */
  badge: string;
  /** Commit to the expected verdict, ms. */
  fromCommit: Summary;
  /** Commit to the first verdict of any level (for the look-alike, the address's caution), ms. */
  firstVerdict: Summary;
}

/** One tab of the burst, in ms. */
export interface BurstTab {
  /** Its place in the opening order, from 1. */
  opened: number;
  label: string;
  level: Level;
  /** Its commit, after the burst's first commit. */
  committed: number;
  /** Commit to its address verdict on the badge (the first verdict it showed). */
  addressVerdict: number;
  /** Commit to its expected verdict. */
  verdict: number;
  /** DOMContentLoaded to its address verdict (negative: the verdict came first). */
  addressFromDomContentLoaded: number;
  /** DOMContentLoaded to its expected verdict. */
  verdictFromDomContentLoaded: number;
}

export interface BurstLatency {
  tabs: number;
  pollMs: number;
  /** Each tab's commit to its expected verdict: the median tab, and the last to get its verdict. */
  fromCommit: MedianToLast;
  /** The last tab to get its expected verdict: its place in the opening order (from 1), and its page. */
  lastTab: { opened: number; label: string };
  /** Each tab's DOMContentLoaded to its expected verdict. */
  fromDomContentLoaded: MedianToLast;
  /** The same for each tab's address verdict, with the last tab to show one. */
  address: { fromCommit: MedianToLast; lastTab: { opened: number; label: string }; fromDomContentLoaded: MedianToLast };
  /** Every tab, in the opening order. */
  perTab: BurstTab[];
}

export interface VerdictLatency {
  loads: number;
  pollMs: number;
  pages: PageLatency[];
  burst: BurstLatency;
}

export interface CheckedTiming {
  committedAt: number;
  domContentLoadedAt: number;
  firstVerdictAt: number;
  verdictAt: number;
}

/** A tab's timing, checked: committed and loaded, the expected verdict on title and badge, nothing else before it. */
export function checkedTiming(timing: TabTiming, expected: Level, what: string): CheckedTiming {
  const { committedAt, verdictAt, firstVerdictAt, badge, levels } = timing;
  const wrong = levels.filter((level) => level !== expected && !ON_THE_WAY[expected].includes(level as Level));
  if (committedAt === undefined) throw new Error(`bench: ${what} never committed`);
  if (wrong.length > 0) throw new Error(`bench: ${what} showed ${wrong.join(', ')} where ${expected} was expected (levels: ${levels.join(' → ')})`);
  if (verdictAt === undefined || firstVerdictAt === undefined) {
    throw new Error(`bench: ${what} showed no ${expected} verdict within ${TIMEOUT_MS} ms (levels: ${levels.join(' → ') || 'none'}; ${timing.stored ?? 'nothing stored'})`);
  }
  if (badge !== BADGE_TEXT[expected]) throw new Error(`bench: ${what} has the title of ${expected} but the badge "${badge ?? ''}"`);
  if (timing.domContentLoadedAt === undefined) throw new Error(`bench: ${what} never reached DOMContentLoaded`);
  return { committedAt, domContentLoadedAt: timing.domContentLoadedAt, firstVerdictAt, verdictAt };
}

/** Opens `urls` in fresh tabs together and watches them until each shows `expected[i]` (or the timeout); closes them. */
async function openAndWatch(worker: Worker, urls: readonly string[], expected: readonly Level[], pollMs = POLL_MS): Promise<TabTiming[]> {
  // Runs in the service worker, so self-contained. Its functions are array elements: the
  // bench's TypeScript runner wraps a function assigned to a name in a helper of its own
  // (to keep the name), which the worker does not have.
  return worker.evaluate(
    async ({ urls: addresses, expected: levels, titlePattern, pollMs, timeoutMs }) => {
      const commits = new Map<number, number>();
      const loaded = new Map<number, number>();
      type Navigation = { tabId: number; frameId: number; timeStamp: number };
      const [now, sleep, committed, contentLoaded] = [
        () => performance.timeOrigin + performance.now(),
        (ms: number) => new Promise((resolve) => setTimeout(resolve, ms)),
        (details: Navigation) => {
          if (details.frameId === 0 && !commits.has(details.tabId)) commits.set(details.tabId, details.timeStamp);
        },
        (details: Navigation) => {
          if (details.frameId === 0 && !loaded.has(details.tabId)) loaded.set(details.tabId, details.timeStamp);
        },
      ] as const;
      chrome.webNavigation.onCommitted.addListener(committed);
      chrome.webNavigation.onDOMContentLoaded.addListener(contentLoaded);
      type Watched = { tabId: number; expected: string; levels: string[]; firstVerdictAt?: number; verdictAt?: number; badge?: string };
      const watched: Watched[] = [];
      try {
        const tabs = await Promise.all(addresses.map((url) => chrome.tabs.create({ url, active: false })));
        tabs.forEach((tab, index) => watched.push({ tabId: tab.id ?? -1, expected: levels[index]!, levels: [] }));
        const deadline = now() + timeoutMs;
        // Each tab polled on its own, from its commit until it shows the expected verdict.
        const [watch] = [
          async (tab: Watched) => {
            while (tab.verdictAt === undefined && now() < deadline) {
              if (commits.has(tab.tabId)) {
                const title = await chrome.action.getTitle({ tabId: tab.tabId });
                const seenAt = now();
                const level = new RegExp(titlePattern).exec(title)?.[1];
                if (level !== undefined) {
                  if (tab.levels.at(-1) !== level) tab.levels.push(level);
                  tab.firstVerdictAt ??= seenAt;
                  if (level === tab.expected) {
                    tab.verdictAt = seenAt;
                    tab.badge = await chrome.action.getBadgeText({ tabId: tab.tabId });
                    return;
                  }
                }
              }
              await sleep(pollMs);
            }
          },
        ] as const;
        await Promise.all(watched.map(watch));
        // A verdict can come before DOMContentLoaded: wait for that too.
        while (watched.some((tab) => !loaded.has(tab.tabId)) && now() < deadline) await sleep(pollMs * 5);
        // For a tab that never showed its verdict, what the background stored for it says
        // whether the page's reading ever arrived (read only then: no part of a sample).
        const stored = await Promise.all(
          watched.map(async (tab) => {
            if (tab.verdictAt !== undefined) return undefined;
            const key = `tab:${tab.tabId}`;
            const state = (await chrome.storage.session.get(key))[key] as { verdict?: { level?: string }; signals?: unknown } | undefined;
            return state === undefined ? 'no stored verdict' : `stored verdict ${state.verdict?.level ?? '?'}, ${state.signals ? 'with' : 'without'} the page's reading`;
          }),
        );
        return watched.map((tab, index) => ({
          tabId: tab.tabId,
          committedAt: commits.get(tab.tabId),
          domContentLoadedAt: loaded.get(tab.tabId),
          levels: tab.levels,
          firstVerdictAt: tab.firstVerdictAt,
          verdictAt: tab.verdictAt,
          badge: tab.badge,
          stored: stored[index],
        }));
      } finally {
        chrome.webNavigation.onCommitted.removeListener(committed);
        chrome.webNavigation.onDOMContentLoaded.removeListener(contentLoaded);
        await chrome.tabs.remove(watched.map((tab) => tab.tabId)).catch(() => undefined);
      }
    },
    { urls: [...urls], expected: [...expected], titlePattern: TITLE.source, pollMs, timeoutMs: TIMEOUT_MS },
  );
}

/** The burst's figures from its tabs' checked timings, `pages[i]` being what tab i showed. */
export function burstLatency(timings: readonly CheckedTiming[], pages: readonly LatencyPage[], pollMs: number): BurstLatency {
  const firstCommit = Math.min(...timings.map((timing) => timing.committedAt));
  const perTab: BurstTab[] = timings.map((timing, index) => ({
    opened: index + 1,
    label: pages[index]!.label,
    level: pages[index]!.level,
    committed: timing.committedAt - firstCommit,
    addressVerdict: timing.firstVerdictAt - timing.committedAt,
    verdict: timing.verdictAt - timing.committedAt,
    addressFromDomContentLoaded: timing.firstVerdictAt - timing.domContentLoadedAt,
    verdictFromDomContentLoaded: timing.verdictAt - timing.domContentLoadedAt,
  }));
  const lastBy = (value: (tab: BurstTab) => number): { opened: number; label: string } => {
    const values = perTab.map(value);
    const last = perTab[values.indexOf(Math.max(...values))]!;
    return { opened: last.opened, label: last.label };
  };
  return {
    tabs: perTab.length,
    pollMs,
    fromCommit: medianToLast(perTab.map((tab) => tab.verdict)),
    lastTab: lastBy((tab) => tab.verdict),
    fromDomContentLoaded: medianToLast(perTab.map((tab) => tab.verdictFromDomContentLoaded)),
    address: {
      fromCommit: medianToLast(perTab.map((tab) => tab.addressVerdict)),
      lastTab: lastBy((tab) => tab.addressVerdict),
      fromDomContentLoaded: medianToLast(perTab.map((tab) => tab.addressFromDomContentLoaded)),
    },
    perTab,
  };
}

export interface VerdictLatencyOptions {
  /** Counted loads of each single page. */
  loads?: number;
  distDir?: string;
}

export async function benchVerdictLatency({ loads = 21, distDir = DEFAULT_DIST }: VerdictLatencyOptions = {}): Promise<VerdictLatency> {
  const servers = await startDemoServers();
  const browser = await launchExtensionBrowser({ distDir }).catch(async (error: unknown) => {
    await servers.close();
    throw error;
  });
  const urlOf = (page: LatencyPage): string => `https://${page.host}:${servers.httpsPort}${page.path}`;
  try {
    const worker = await browser.worker();
    const singles = [LOOKALIKE_LOGIN, VERIFIED_PAGE];
    const timings = new Map<LatencyPage, CheckedTiming[]>(singles.map((page) => [page, []]));
    // Warm-ups first (the worker's first verdicts, the pages in the HTTP cache), then the two
    // pages taking turns, so that a machine slowing down weighs on both alike.
    for (let run = -WARMUPS; run < loads; run++) {
      for (const page of singles) {
        const [timing] = await openAndWatch(worker, [urlOf(page)], [page.level]);
        const checked = checkedTiming(timing!, page.level, `${page.label} (load ${run + WARMUPS + 1})`);
        if (run >= 0) timings.get(page)!.push(checked);
      }
    }
    const pages = singles.map((page) => {
      const loaded = timings.get(page)!;
      return {
        page,
        badge: BADGE_TEXT[page.level],
        fromCommit: summaryOf(loaded.map((timing) => timing.verdictAt - timing.committedAt)),
        firstVerdict: summaryOf(loaded.map((timing) => timing.firstVerdictAt - timing.committedAt)),
      };
    });

    const mix = [LOOKALIKE_LOGIN, VERIFIED_PAGE, ORDINARY_ARTICLE];
    const burstPages = Array.from({ length: BURST_TABS }, (_, index) => mix[index % mix.length]!);
    // Each tab an address of its own, as in a restored session (the demo server ignores the query).
    const burstUrls = burstPages.map((page, index) => `${urlOf(page)}?burst=${index + 1}`);
    const burst = (await openAndWatch(worker, burstUrls, burstPages.map((page) => page.level), BURST_POLL_MS)).map((timing, index) =>
      checkedTiming(timing, burstPages[index]!.level, `burst tab ${index + 1} (${burstPages[index]!.label})`),
    );
    return { loads, pollMs: POLL_MS, pages, burst: burstLatency(burst, burstPages, BURST_POLL_MS) };
  } finally {
    await browser.close();
    await servers.close();
  }
}
