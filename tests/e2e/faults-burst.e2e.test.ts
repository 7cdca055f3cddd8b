import { availableParallelism, loadavg } from 'node:os';
import { describe, expect, it } from 'vitest';
import { scenarioNamed } from '../../demo/scenarios';
import {
  BADGE_FOR_LEVEL,
  createWorkerControl,
  median,
  popupAnswers,
  readBadges,
  readStoredVerdicts,
  withinMs,
  workerIfRunning,
  type TabReading,
  type WorkerControl,
} from './fault-helpers';
import { useE2eSession } from './session';

/*
 * A burst of 40 tabs, half of them the look-alike login and half ordinary pages, opened as
 * fast as the browser takes them, with the extension's service worker stopped three times
 * during the burst: once the 14th tab is open, the 27th, and the last (then no navigation is
 * left to wake it: the pages' own reports must). Each stop waits for the worker to be running
 * again, woken by the new tabs, so that each stops a running worker. Within 20 s of the burst
 * every tab must have a stored verdict made with its page's reading, and the badge must say
 * what the popup says.
 */

const TABS = 40;
const RUNS = Number(process.env.FAULT_BURST_RUNS ?? 2);
/** The worker is stopped once this many tabs are open. */
const STOP_AFTER = [14, 27, 40] as const;
const JUDGED_WITHIN_MS = 20_000;
/** How long past the limit the test keeps looking, to tell a late tab from a lost one. */
const WATCH_SLACK_MS = 15_000;

interface Kind {
  scenario: string;
  level: string;
}

/** Every other tab is the look-alike login; the others cycle through ordinary pages (and one verified). */
const KINDS: readonly Kind[] = [
  { scenario: 'lookalike-login', level: 'danger' },
  { scenario: 'ordinary-login', level: 'neutral' },
  { scenario: 'lookalike-login', level: 'danger' },
  { scenario: 'news-article', level: 'neutral' },
  { scenario: 'lookalike-login', level: 'danger' },
  { scenario: 'verified-waiting-room', level: 'verified' },
];

interface Run {
  run: number;
  /** From the first tab opened to the last navigation started. */
  burstMs: number;
  /** From the end of the burst (the last tab opened, the last stop) to every tab judged with its page's reading; undefined if not within the limit. */
  allJudgedMs: number | undefined;
  /** The same from the first tab opened. */
  fromStartMs?: number;
  judgedAtLimit: number;
  stopMs: number[];
  /** Tabs judged within 5, 10, 15 … s of the burst (by the time stored with each verdict). */
  timeline: number[];
  problems: string[];
}

describe('a burst of 40 tabs with the service worker stopped three times', () => {
  const session = useE2eSession();
  const runs: Run[] = [];
  let control: WorkerControl | undefined;

  const urlFor = (kind: Kind, run: number, index: number): string => {
    const { httpsPort } = session.servers;
    // A query of its own per tab: the demo server ignores it, and each tab has an address no other tab has.
    const query = `?burst=${run}-${index}`;
    if (kind.scenario === 'news-article') return `https://news.example.org:${httpsPort}/article${query}`;
    return `${scenarioNamed(kind.scenario).url(session.servers)}${query}`;
  };

  async function burst(run: number): Promise<Run> {
    const { browser } = session;
    const workers = (control ??= await createWorkerControl(browser));
    const result: Run = { run, burstMs: 0, allJudgedMs: undefined, judgedAtLimit: 0, stopMs: [], timeline: [], problems: [] };
    const tabs = Array.from({ length: TABS }, (_, index) => ({ kind: KINDS[index % KINDS.length]!, url: '' }));
    tabs.forEach((tab, index) => {
      tab.url = urlFor(tab.kind, run, index);
    });
    const urls = tabs.map((tab) => tab.url);
    // Tabs are opened through DevTools (Target.createTarget), which returns as soon as the tab
    // exists: Playwright's newPage waits for each page to be set up, a second or more each on
    // a busy machine, and the burst would be no burst.
    const cdp = await browser.context.browser()!.newBrowserCDPSession();
    const targetIds: string[] = [];
    try {
      const start = performance.now();
      // The tabs up to each stop are asked for all at once; the stop follows as soon as they exist.
      let opened = 0;
      for (const stopAt of STOP_AFTER) {
        const batch = tabs.slice(opened, stopAt);
        opened = stopAt;
        const created = await Promise.all(batch.map((tab) => cdp.send('Target.createTarget', { url: tab.url })));
        targetIds.push(...created.map(({ targetId }) => targetId));
        // A stop counts only on a running worker: the new tabs' navigations wake it (on a busy
        // machine that can take a few seconds after the last stop).
        if (!(await workers.waitUntilRunning(8_000))) result.problems.push(`the worker was not running 8 s after tab ${stopAt} was opened`);
        result.stopMs.push(await workers.stop());
      }
      result.burstMs = Math.round(performance.now() - start);
      const burstEnd = performance.now();
      const burstEndEpoch = Date.now();
      // Watched without waking the worker: a stopped worker is left alone until something of
      // the extension's own (a navigation, a page's report) starts it. On a busy machine a look
      // into the worker can take seconds (it answers after the work queued before it), so when
      // each tab was judged is taken from the time stored with its verdict, and the watch goes
      // on past the limit to see whether it was met.
      let last: TabReading[] = [];
      let lastError = '';
      let sawWorkerRunning = false;
      while (performance.now() - burstEnd < JUDGED_WITHIN_MS + WATCH_SLACK_MS) {
        const worker = await workerIfRunning(browser, workers);
        if (worker) {
          sawWorkerRunning = true;
          last = await withinMs(readStoredVerdicts(worker, urls), 8_000, 'a look into the worker').catch((error: unknown) => {
            lastError = String(error);
            return last;
          });
          if (last.length === TABS && last.every((tab) => tab.judged)) break;
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const judgedAfter = last.filter((tab) => tab.judged).map((tab) => tab.updatedAt! - burstEndEpoch);
      result.timeline = Array.from({ length: Math.ceil((JUDGED_WITHIN_MS + WATCH_SLACK_MS) / 5_000) }, (_, i) => judgedAfter.filter((ms) => ms <= (i + 1) * 5_000).length);
      result.judgedAtLimit = judgedAfter.filter((ms) => ms <= JUDGED_WITHIN_MS).length;
      if (last.length === TABS && judgedAfter.length === TABS) {
        result.allJudgedMs = Math.max(...judgedAfter);
        result.fromStartMs = result.allJudgedMs + result.burstMs;
      }
      if (result.allJudgedMs === undefined || result.allJudgedMs > JUDGED_WITHIN_MS) {
        const late = last.filter((tab) => !tab.judged || tab.updatedAt! - burstEndEpoch > JUDGED_WITHIN_MS);
        const describe = (tab: TabReading): string => {
          const index = urls.indexOf(tab.url);
          const when = tab.judged ? `judged ${tab.updatedAt! - burstEndEpoch} ms after the burst` : `stored: ${tab.stored}`;
          return `tab ${index + 1} (${tabs[index]?.kind.scenario}, ${tab.status}, ${when})`;
        };
        result.problems.push(
          `${result.judgedAtLimit} of ${TABS} tabs judged with their page's reading within ${JUDGED_WITHIN_MS} ms of the burst ` +
            `(worker seen running: ${sawWorkerRunning}; ${last.length} tabs found${lastError === '' ? '' : `; last error: ${lastError}`}); ` +
            `late: ${late.map(describe).join('; ')}`,
        );
        return result;
      }

      // The badge says what the popup says, and both say what the page is.
      const tabIds = urls.map((url) => last.find((tab) => tab.url === url)!.tabId);
      const worker = await browser.worker();
      const [badges, answers] = await withinMs(Promise.all([readBadges(worker, tabIds), popupAnswers(browser, tabIds)]), 30_000, 'reading the badges and the popup answers');
      for (const [index, tab] of tabs.entries()) {
        const answer = answers[index]!;
        const badge = badges[index]!;
        const where = `tab ${index + 1} (${tab.kind.scenario})`;
        if (answer.level !== tab.kind.level) result.problems.push(`${where}: the popup says ${answer.level}, the page is ${tab.kind.level}`);
        if (!answer.hasPageSignals) result.problems.push(`${where}: the popup's verdict is from the address alone`);
        if (answer.level === undefined || badge !== BADGE_FOR_LEVEL[answer.level]) result.problems.push(`${where}: badge ${JSON.stringify(badge)} but the popup says ${answer.level}`);
        if (tab.kind.level === 'danger' && !answer.findings.includes('PASSWORD_ON_LOOKALIKE')) result.problems.push(`${where}: findings ${answer.findings.join(',')}`);
      }
      // The popup itself, rendered, for the first look-alike of the burst.
      for (const index of [0]) {
        const shown = await browser.tabState(tabIds[index]!);
        if (shown.level !== tabs[index]!.kind.level || !shown.hasPageSignals) result.problems.push(`popup for tab ${index + 1}: ${JSON.stringify(shown)}`);
      }
      return result;
    } finally {
      await Promise.all(targetIds.map((targetId) => cdp.send('Target.closeTarget', { targetId }).catch(() => undefined)));
      await cdp.detach().catch(() => undefined);
    }
  }

  it(`every tab is judged with its page's reading within ${JUDGED_WITHIN_MS / 1000} s, and its badge says what its popup says, in each of ${RUNS} runs`, async () => {
    for (let run = 1; run <= RUNS; run += 1) {
      const load = loadavg()[0]!.toFixed(1);
      const result = await burst(run);
      runs.push(result);
      console.log(
        `burst run ${run} (load average ${load} on ${availableParallelism()} cores): ${TABS} tabs opened in ${result.burstMs} ms, worker stopped ${result.stopMs.filter((ms) => ms > 0).length} times (stops took ${result.stopMs.join(', ')} ms); ` +
          `all judged ${result.allJudgedMs === undefined ? `NOT within ${JUDGED_WITHIN_MS + WATCH_SLACK_MS} ms (${result.judgedAtLimit}/${TABS} within ${JUDGED_WITHIN_MS} ms)` : `${result.allJudgedMs} ms after the burst (${result.fromStartMs} ms after its start)`}; ` +
          `tabs judged within 5, 10, 15 … s of the burst: ${result.timeline.join(' ')}` +
          (result.problems.length > 0 ? `\n  problems: ${result.problems.join('\n  ')}` : ''),
      );
    }
    const judged = runs.map((r) => r.allJudgedMs).filter((ms) => ms !== undefined);
    console.log(
      `burst of ${TABS} tabs with 3 worker stops: ${judged.filter((ms) => ms <= JUDGED_WITHIN_MS).length}/${runs.length} runs fully judged within ${JUDGED_WITHIN_MS} ms of the burst; ` +
        `ms to all judged: ${runs.map((r) => r.allJudgedMs ?? 'not').join(', ')} (median ${median(judged)}); bursts took ms: ${runs.map((r) => r.burstMs).join(', ')}`,
    );
    await control?.close();
    expect(runs.flatMap((r) => r.problems.map((problem) => `run ${r.run}: ${problem}`))).toEqual([]);
  }, 60_000 * RUNS + 30_000);
});
