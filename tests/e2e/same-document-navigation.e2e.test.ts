import type { Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scenarioNamed } from '../../demo/scenarios';
import { staysFalse } from '../../demo/wait';
import { visit, waitForPopup } from '../../demo/visit';
import { waitForPolicyRead } from './admin-policy-file';
import { useE2eSession } from './session';

/**
 * Counts the readings of pages the service worker gets: the frames' answers to its own reads
 * (scripting.executeScript, wrapped here in the worker) and the reports content scripts send.
 */
async function countReports(worker: Worker): Promise<() => Promise<number>> {
  await worker.evaluate(() => {
    const scope = globalThis as unknown as { reportsSeen: number; browser?: typeof chrome };
    scope.reportsSeen = 0;
    const countAnswers = (results: chrome.scripting.InjectionResult[]): void => {
      scope.reportsSeen += results.filter((result) => (result.result as { signals?: unknown } | null)?.signals !== undefined).length;
    };
    // `browser` and `chrome` may be one namespace or two: each is wrapped once.
    for (const scripting of new Set([chrome.scripting, scope.browser?.scripting ?? chrome.scripting])) {
      const original = scripting.executeScript.bind(scripting) as (injection: chrome.scripting.ScriptInjection<unknown[], unknown>) => Promise<chrome.scripting.InjectionResult[]>;
      (scripting as { executeScript: unknown }).executeScript = async (injection: chrome.scripting.ScriptInjection<unknown[], unknown>) => {
        const results = await original(injection);
        countAnswers(results);
        return results;
      };
    }
    chrome.runtime.onMessage.addListener((message: { type?: unknown } | undefined) => {
      if (message?.type === 'page-signals') scope.reportsSeen++;
    });
  });
  return () => worker.evaluate(() => (globalThis as unknown as { reportsSeen: number }).reportsSeen);
}

describe('an address change without a new document', () => {
  const session = useE2eSession();

  it('reads a new page once, and once more after history.pushState', async () => {
    const { browser } = session;
    // The start-up policy read changes the lists, and a lists change rightly asks open pages to
    // report again: let it pass first, so only the navigations' asks are counted.
    await waitForPolicyRead(browser, Date.now());
    const reports = await countReports(await browser.worker());
    const page = await browser.context.newPage();
    await page.goto(scenarioNamed('ordinary-login').url(session.servers));
    await expect.poll(reports, { timeout: 5_000 }).toBe(1);
    // The ask that follows the browser's address event comes too: it must not make a second
    // reading. (No popup is open meanwhile: a popup that finds no stored report asks anew.)
    expect(await staysFalse(async () => (await reports()) !== 1, 1_500, 100)).toBe(true);
    expect((await browser.tabState(await browser.tabIdFor(page))).level).toBe('neutral');
    await page.evaluate(() => {
      history.pushState({}, '', '/login?step=2');
    });
    await expect.poll(reports, { timeout: 5_000 }).toBe(2);
    expect(await staysFalse(async () => (await reports()) !== 2, 1_000, 100)).toBe(true);
  });

  it('keeps a lookalike login at danger after history.pushState', async () => {
    const { browser } = session;
    const { page, tabId, state } = await visit(browser, scenarioNamed('lookalike-login').url(session.servers));
    expect(state.level).toBe('danger');

    await page.evaluate(() => {
      history.pushState({}, '', '/login?step=2');
    });
    const after = await waitForPopup(browser, tabId, 'the verdict for the new address', (s) => s.hasPageSignals && s.level === 'danger');
    expect(after.findings).toEqual(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']);
    // Not a passing glance: it stays there.
    expect(await staysFalse(async () => (await browser.tabState(tabId)).level !== 'danger', 1_000, 200)).toBe(true);
    expect(await browser.badgeText(tabId)).toBe('!!');
  });
});
