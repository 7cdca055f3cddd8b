import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioNamed } from '../../demo/scenarios';
import { pollUntil, staysFalse } from '../../demo/wait';
import { HOLD_LIMIT_MS } from '../../src/content/password-guard';
import {
  createWorkerControl,
  installGuardClock,
  median,
  overlayTexts,
  readGuardClock,
  startSlowPageServer,
  type SlowPageServer,
  type WorkerControl,
} from './fault-helpers';
import { clickLikeAUser, keysHeardBy, SECRET } from './guard-helpers';
import { useE2eSession } from './session';

/*
 * The extension's service worker stopped (CDP ServiceWorker.stopWorker, as Chromium stops an
 * idle worker) at four moments around a look-alike login's load. After each stop a user
 * clicks into the password field and types at once. Every trial must end guarded: the
 * overlay shows, nothing typed reaches the field or the page's own listeners, and the alert
 * shows with the page's findings (so the page's reading was judged too). The time from the click to the overlay is the fail-closed
 * hold: typing is held while the answer is awaited, and the worker is woken by the ask.
 */

const TRIALS = Number(process.env.FAULT_TRIALS ?? 10);

type Moment = 'before navigation' | 'during load' | 'at DOMContentLoaded' | 'right after load';

interface Trial {
  moment: Moment;
  trial: number;
  /** The page's clock: pointerdown → overlay element in the page. */
  clickToOverlayMs: number | undefined;
  /** The test's clock: from the click call to the overlay found through DevTools (poll included). */
  seenAfterMs: number | undefined;
  /** How long the stop took (DevTools ask → "stopped"). */
  stopMs: number;
  /** During load: the overlay showed before the page finished parsing. */
  guardedWhileLoading?: boolean;
  problems: string[];
}

describe("the service worker stopped at each moment of a look-alike login's load", () => {
  const session = useE2eSession();
  let slow: SlowPageServer | undefined;
  let control: WorkerControl | undefined;
  const results: Trial[] = [];

  beforeAll(async () => {
    slow = await startSlowPageServer();
  });

  afterAll(async () => {
    const lines = (['before navigation', 'during load', 'at DOMContentLoaded', 'right after load'] as const)
      .map((moment) => {
        const trials = results.filter((r) => r.moment === moment);
        if (trials.length === 0) return undefined;
        const times = trials.map((r) => r.clickToOverlayMs).filter((ms) => ms !== undefined);
        const guarded = trials.filter((r) => r.problems.length === 0).length;
        const held = times.filter((ms) => ms > 30).length;
        return `  ${moment.padEnd(20)} guarded ${guarded}/${trials.length}; click→overlay ms median ${median(times)}, max ${Math.max(...times)}, min ${Math.min(...times)}; answer awaited (>30 ms) in ${held}; all: ${times.join(' ')}`;
      })
      .filter((line) => line !== undefined);
    if (lines.length > 0) console.log(`fault trials, worker stopped at each moment (${TRIALS} trials each; hold limit ${HOLD_LIMIT_MS} ms):\n${lines.join('\n')}`);
    await control?.close();
    await slow?.close();
  });

  const lookalikeUrl = (): string => scenarioNamed('lookalike-login').url(session.servers);

  /** Opens the page and stops the worker at `moment`; returns the ms the stop took. */
  async function openAndStop(page: Page, moment: Moment, token: string, workers: WorkerControl): Promise<number> {
    switch (moment) {
      case 'before navigation': {
        // The new tab's own events may have woken it: stopped, and seen to stay stopped.
        const start = performance.now();
        await workers.stopAndKeepStopped();
        const ms = Math.round(performance.now() - start);
        await page.goto(lookalikeUrl());
        return ms;
      }
      case 'during load':
        await page.goto(slow!.url('d0xy.me', token), { waitUntil: 'commit' });
        return workers.stop();
      case 'at DOMContentLoaded':
        await page.goto(lookalikeUrl(), { waitUntil: 'domcontentloaded' });
        return workers.stop();
      case 'right after load':
        await page.goto(lookalikeUrl(), { waitUntil: 'load' });
        return workers.stop();
    }
  }

  async function runTrial(moment: Moment, trial: number): Promise<Trial> {
    const { browser } = session;
    const workers = (control ??= await createWorkerControl(browser));
    const token = `${moment.replace(/\W+/g, '-')}-${trial}`;
    const problems: string[] = [];
    const result: Trial = { moment, trial, clickToOverlayMs: undefined, seenAfterMs: undefined, stopMs: 0, problems };
    const page = await browser.context.newPage();
    try {
      await installGuardClock(page);
      result.stopMs = await openAndStop(page, moment, token, workers);
      if (moment === 'during load' && (await page.evaluate(() => document.readyState)) !== 'loading') problems.push('the page had finished parsing before the worker was stopped');

      // The user clicks into the password field and types straight away.
      const field = page.locator('input[type="password"]');
      const clickedAt = performance.now();
      await field.click({ timeout: 10_000 });
      await page.keyboard.type(SECRET);
      try {
        // The page's clock first (cheap), then DevTools for the overlay itself, in its closed root.
        const overlay = await pollUntil(
          'the guard overlay',
          async () => ((await readGuardClock(page)).overlayAt === undefined ? undefined : browser.overlayDetails(page)),
          (details) => details?.present === true,
          { timeoutMs: HOLD_LIMIT_MS + 5_000, intervalMs: 20 },
        );
        result.seenAfterMs = Math.round(performance.now() - clickedAt);
        if (overlay?.shadowRootType !== 'closed' || !overlay.text.includes('Go to doxy.me')) problems.push(`the overlay: ${JSON.stringify(overlay)}`);
      } catch (error) {
        problems.push(`no overlay: ${String(error)}`);
      }
      const clock = await readGuardClock(page);
      if (clock.downAt !== undefined && clock.overlayAt !== undefined) result.clickToOverlayMs = Math.round(clock.overlayAt - clock.downAt);
      if (moment === 'during load') {
        result.guardedWhileLoading = clock.overlayAt !== undefined && (clock.parsedAt === undefined || clock.overlayAt < clock.parsedAt);
        if (!result.guardedWhileLoading) problems.push(`the overlay came only after the page was parsed (overlay ${clock.overlayAt}, parsed ${clock.parsedAt})`);
      }
      // Past the hold's limit typing goes through unchecked: an overlay that late came too late.
      if ((result.clickToOverlayMs ?? Infinity) >= HOLD_LIMIT_MS) problems.push(`the overlay took ${result.clickToOverlayMs} ms, past the ${HOLD_LIMIT_MS} ms hold`);

      // Typing again, into the field focused again: the guard takes it each time.
      await page.keyboard.type(SECRET);
      await field.focus();
      await page.keyboard.type(SECRET);
      const value = await field.inputValue();
      if (value !== '') problems.push(`typed characters reached the field: ${JSON.stringify(value)}`);
      const heard = await keysHeardBy(page);
      if (heard.length > 0) problems.push(`the page's listeners heard ${heard.length} key events: ${heard.slice(0, 5).join(',')}`);

      if (moment === 'during load') slow!.release(token);
      // The alert steps aside while the overlay is up: Escape closes the overlay, and the alert shows.
      await page.keyboard.press('Escape');
      try {
        await pollUntil(
          'the danger alert',
          () => browser.alertDetails(page),
          (alert) => alert.present && alert.findings.includes('LOOKALIKE_DOMAIN') && alert.findings.includes('PASSWORD_ON_LOOKALIKE'),
          { timeoutMs: 10_000 },
        );
      } catch (error) {
        problems.push(`no danger alert: ${String(error)}`);
      }
    } catch (error) {
      problems.push(`trial failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      slow?.release(token);
      await page.close().catch(() => undefined);
    }
    return result;
  }

  const moments: { moment: Moment; what: string }[] = [
    { moment: 'before navigation', what: 'stopped before the navigation starts' },
    { moment: 'during load', what: 'stopped right after the commit, the body still arriving (the user types while it loads)' },
    { moment: 'at DOMContentLoaded', what: 'stopped at DOMContentLoaded' },
    { moment: 'right after load', what: 'stopped right after the load event' },
  ];

  for (const { moment, what } of moments) {
    it(`${what}: guarded in ${TRIALS} of ${TRIALS} trials, typed characters never reach the page`, async () => {
      const trials: Trial[] = [];
      for (let trial = 1; trial <= TRIALS; trial += 1) {
        const result = await runTrial(moment, trial);
        trials.push(result);
        results.push(result);
      }
      const times = trials.map((r) => r.clickToOverlayMs).filter((ms) => ms !== undefined);
      console.log(
        `${moment}: guarded ${trials.filter((r) => r.problems.length === 0).length}/${TRIALS}; click→overlay ms (page clock) median ${median(times)}, max ${Math.max(...times)}; ` +
          `seen by the test after ms: ${trials.map((r) => r.seenAfterMs ?? '-').join(' ')}; stop took ms: ${trials.map((r) => r.stopMs).join(' ')}`,
      );
      const failed = trials.filter((r) => r.problems.length > 0).map((r) => `trial ${r.trial}: ${r.problems.join('; ')}`);
      expect(failed).toEqual([]);
    }, 180_000);
  }

  it('"Close" takes the overlay down and the alert comes back; a click into the field after it is guarded, keys and all', async () => {
    // Not a fault of its own, but what the trials above rely on to see the alert: Close (or
    // Escape) leaves the overlay closed, with the field still guarded. (Closing a modal dialog
    // gives the focus back to what had it; the password field once brought the overlay straight
    // back, as a second overlay the guard had lost track of, which let keys through to the page.)
    const { browser } = session;
    const page = await browser.context.newPage();
    try {
      await page.goto(lookalikeUrl());
      await pollUntil('the danger alert', () => browser.alertDetails(page), (alert) => alert.findings.includes('PASSWORD_ON_LOOKALIKE'));
      const field = page.locator('input[type="password"]');
      await field.click();
      await pollUntil('the guard overlay', () => browser.overlayDetails(page), (details) => details.present);
      await browser.clickInOverlay(page, 'Close');
      const closed = await staysFalse(async () => (await browser.overlayDetails(page)).present, 1_000);
      const overlaysAfterClose = (await overlayTexts(browser.context, page)).length;
      const alertAfterClose = await browser.alertDetails(page);

      // The user clicks where the field is and types their password.
      await clickLikeAUser(field);
      await page.keyboard.type(SECRET);
      const value = await field.inputValue();
      const heard = await keysHeardBy(page);
      const overlaysAfterTyping = (await overlayTexts(browser.context, page)).length;

      expect.soft(value, 'what reached the field').toBe('');
      expect.soft(heard, "key events the page's own listeners heard").toEqual([]);
      expect.soft(closed, 'the overlay stayed closed after Close').toBe(true);
      expect.soft(overlaysAfterClose, 'overlay elements in the page after Close').toBe(0);
      expect.soft(alertAfterClose.findings, 'the alert after Close').toEqual(expect.arrayContaining(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']));
      expect.soft(overlaysAfterTyping, 'overlay elements in the page after the next click').toBe(1);
    } finally {
      await page.close();
    }
  });
});
