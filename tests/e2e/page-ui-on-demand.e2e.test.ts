import type { Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scenarioNamed } from '../../demo/scenarios';
import { pollUntil } from '../../demo/wait';
import { visit } from '../../demo/visit';
import { useE2eSession } from './session';

/** What the content script's world of a tab's top frame holds: its page API, and the page UI once injected. */
function worldOf(worker: Worker, tabId: number): Promise<{ api: boolean; ui: boolean } | undefined> {
  return worker.evaluate(async (id) => {
    const [result] = await chrome.scripting.executeScript({
      target: { tabId: id, frameIds: [0] },
      func: () => ({ api: 'telehealthGuardPage' in globalThis, ui: 'telehealthGuardUi' in globalThis }),
    });
    return result?.result;
  }, tabId);
}

describe('what every page pays for', () => {
  const session = useE2eSession();

  it('leaves the page UI out of a page with nothing to show, and injects it where an alert shows', async () => {
    const { browser } = session;
    const ordinary = await visit(browser, scenarioNamed('ordinary-login').url(session.servers), { until: (s) => s.hasPageSignals });
    expect(ordinary.state.level).toBe('neutral');
    expect(await worldOf(await browser.worker(), ordinary.tabId)).toEqual({ api: true, ui: false });

    const lookalike = await visit(browser, scenarioNamed('lookalike-login').url(session.servers));
    await pollUntil('the in-page alert', () => browser.alertDetails(lookalike.page), (alert) => alert.present);
    expect(await worldOf(await browser.worker(), lookalike.tabId)).toEqual({ api: true, ui: true });
    await Promise.all([ordinary.page.close(), lookalike.page.close()]);
  });

  it("wraps the camera APIs at the page's first read of navigator, and gives the browser's own accessor back then", async () => {
    const { browser } = session;
    const { page } = await visit(browser, scenarioNamed('ordinary-login').url(session.servers), { until: (s) => s.hasPageSignals });
    const seen = await page.evaluate(() => {
      const accessor = (): string => Object.getOwnPropertyDescriptor(window, 'navigator')?.get?.toString() ?? 'none';
      const before = accessor();
      const gated = navigator.mediaDevices.getUserMedia.toString();
      return { before, after: accessor(), gated };
    });
    expect(seen.before).not.toContain('[native code]');
    expect(seen.after).toContain('[native code]');
    // The gate is in place by the time the page holds navigator.mediaDevices.
    expect(seen.gated).not.toContain('[native code]');
    await page.close();
  });
});
