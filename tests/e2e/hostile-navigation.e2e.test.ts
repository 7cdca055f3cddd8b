import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../demo/browser';
import { pollUntil } from '../../demo/wait';
import { clickLikeAUser, expectFieldGuarded } from './guard-helpers';
import { popupShows, tabIdOpenedBy } from './hostile-helpers';
import { useE2eSession } from './session';

const LOOKALIKE_WITH_PASSWORD = ['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE'];

/** The alert is up with the look-alike's findings, and the password field takes no key. */
async function alertAndGuard(browser: ExtensionBrowser, page: Page): Promise<void> {
  const alert = await pollUntil('the in-page alert', () => browser.alertDetails(page), (a) => a.present && a.findings.includes('PASSWORD_ON_LOOKALIKE'), { timeoutMs: 15_000 });
  expect(alert.findings).toEqual(expect.arrayContaining(LOOKALIKE_WITH_PASSWORD));
  await expectFieldGuarded(browser, page, page.locator('input[type="password"]'));
}

/**
 * A look-alike can leave http(s) without leaving its own hands (a blob: page, an about:blank
 * window it writes into), or never finish loading. Each of those documents is still judged as
 * the look-alike that made it, warned about and guarded.
 */
describe('hostile pages: leaving http(s), and pages that never finish', () => {
  const session = useE2eSession();

  it('a look-alike that navigates its tab to a blob: login page: danger on the badge and in the popup, the alert, and a guarded field', async () => {
    const { browser } = session;
    const page = await browser.context.newPage();
    try {
      await page.goto(session.https('d0xy.me', '/hostile/to-blob'), { waitUntil: 'commit' });
      await page.waitForURL(/^blob:https:\/\/d0xy\.me:\d+\//, { timeout: 15_000 });
      await page.locator('input[type="password"]').waitFor({ timeout: 10_000 });
      const tabId = await browser.tabIdFor(page);
      const state = await popupShows(browser, tabId, 'danger', LOOKALIKE_WITH_PASSWORD);
      expect(state.findings).toEqual(LOOKALIKE_WITH_PASSWORD);
      expect(await browser.badgeText(tabId)).toBe('!!');
      await alertAndGuard(browser, page);
    } finally {
      await page.close();
    }
  });

  const POPUPS = [
    { write: 'dom', what: 'fills with DOM calls' },
    { write: 'document', what: 'writes with document.write()' },
  ] as const;

  for (const { write, what } of POPUPS) {
    it(`a window.open('') popup the look-alike ${what}: judged as d0xy.me, danger with the password field, guarded`, async () => {
      const { browser } = session;
      const page = await browser.context.newPage();
      let popup: Page | undefined;
      try {
        await page.goto(session.https('d0xy.me', `/hostile/opens-popup?write=${write}`));
        const openerTabId = await browser.tabIdFor(page);
        const opened = page.waitForEvent('popup');
        await clickLikeAUser(page.locator('#sign-in'));
        popup = await opened;
        await popup.locator('input[type="password"]').waitFor({ timeout: 10_000 });
        expect(popup.url()).toBe('about:blank');
        const tabId = await tabIdOpenedBy(browser, openerTabId);
        const state = await popupShows(browser, tabId, 'danger', LOOKALIKE_WITH_PASSWORD);
        expect(state.findings).toEqual(LOOKALIKE_WITH_PASSWORD);
        expect(await browser.badgeText(tabId)).toBe('!!');
        await alertAndGuard(browser, popup);
      } finally {
        await popup?.close();
        await page.close();
      }
    });
  }

  it('a look-alike whose page never finishes loading: the alert and the guard within a few seconds', async () => {
    const { browser } = session;
    const page = await browser.context.newPage();
    try {
      const start = Date.now();
      await page.goto(session.https('d0xy.me', '/hostile/never-ends'), { waitUntil: 'commit' });
      await page.locator('input[type="password"]').waitFor({ timeout: 10_000 });
      const tabId = await browser.tabIdFor(page);
      const state = await popupShows(browser, tabId, 'danger', LOOKALIKE_WITH_PASSWORD);
      expect(state.findings).toEqual(LOOKALIKE_WITH_PASSWORD);
      await alertAndGuard(browser, page);
      expect(Date.now() - start).toBeLessThan(10_000);
      // It really is still loading.
      expect(await page.evaluate(() => document.readyState)).toBe('loading');
    } finally {
      await page.close();
    }
  });
});
