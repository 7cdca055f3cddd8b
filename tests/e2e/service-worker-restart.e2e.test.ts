import { describe, expect, it } from 'vitest';
import { scenarioNamed } from '../../demo/scenarios';
import { visit, waitForPopup } from '../../demo/visit';
import { useE2eSession } from './session';

describe('the service worker is stopped mid-session', () => {
  const session = useE2eSession();

  it("keeps each tab's verdict, and takes new page reports after it restarts", async () => {
    const { browser } = session;
    const scenario = scenarioNamed('lookalike-login');
    const { page, tabId, state, ms } = await visit(browser, scenario.url(session.servers));
    session.timings.set(scenario.name, ms);
    expect(state.level).toBe('danger');

    await browser.stopServiceWorker();
    expect(await browser.isWorkerRunning()).toBe(false);

    // Opening the popup wakes a fresh worker, whose memory is empty: the verdict must come
    // from storage.session.
    const after = await browser.tabState(tabId);
    expect(await browser.isWorkerRunning()).toBe(true);
    expect(after.level).toBe('danger');
    expect(after.findings).toEqual(expect.arrayContaining(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']));
    expect(after.hasPageSignals).toBe(true);
    expect(await browser.badgeText(tabId)).toBe('!!');

    // The page's content script still reaches the new worker: without its password field
    // the page is back to a lookalike address alone.
    await browser.stopServiceWorker();
    await page.evaluate(() => {
      document.querySelector('input[type="password"]')?.remove();
    });
    const withoutPassword = await waitForPopup(browser, tabId, 'the verdict after the password field is removed', (s) => s.level === 'caution');
    expect(withoutPassword.findings).toEqual(['LOOKALIKE_DOMAIN']);
  });
});
