import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../demo/wait';
import { expectFieldGuarded, keysHeardBy, overlayShows, SECRET } from './guard-helpers';
import { clickPiercedPasswordField, frameOf, piercedPasswordValue, popupShows } from './hostile-helpers';
import { SCRIPT_BUILT_FRAMES } from './script-built-frames';
import { useE2eSession } from './session';

/**
 * A look-alike hides its login where the extension's scripts might never have gone: a frame
 * it builds itself with no address of its own (about:blank, srcdoc, data:, blob:) or a closed
 * shadow root. Wherever the field is, a real click on it brings the guard's overlay, and what
 * the user types reaches neither the field nor any listener of the page.
 */
describe('hostile pages: password fields in frames and roots the page builds itself', () => {
  const session = useE2eSession();
  const LOOKALIKE_WITH_PASSWORD = ['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE'];

  const FRAMES = SCRIPT_BUILT_FRAMES;

  for (const { how, what, url } of FRAMES) {
    it(`guards a password field in ${what}, and counts it for the tab`, async () => {
      const { browser } = session;
      const page = await browser.context.newPage();
      try {
        await page.goto(session.https('d0xy.me', `/hostile/login-in-frame?frame=${how}`));
        const tabId = await browser.tabIdFor(page);
        const state = await popupShows(browser, tabId, 'danger', LOOKALIKE_WITH_PASSWORD);
        expect(state.findings).toEqual(LOOKALIKE_WITH_PASSWORD);

        const frame = await frameOf(page, (address) => url.test(address), `the ${how} frame`);
        const field = frame.locator('input[type="password"]');
        await field.waitFor({ timeout: 10_000 });
        await expectFieldGuarded(browser, page, field, frame);
        expect(await keysHeardBy(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  for (const { query, what } of [
    { query: '', what: '' },
    { query: '?clobber', what: ', into one with elements named addEventListener and focus' },
  ]) {
  it(`guards the password field of a look-alike that rewrites its own document with document.open() after load${what}`, async () => {
    // document.open() erases every listener of the document and the window, whoever added them.
    const { browser } = session;
    const page = await browser.context.newPage();
    try {
      await page.goto(session.https('d0xy.me', `/hostile/rewrites-itself${query}`));
      await pollUntil('the page to rewrite itself', () => page.evaluate(() => (window as unknown as { rewritten?: boolean }).rewritten === true), Boolean);
      const tabId = await browser.tabIdFor(page);
      const state = await popupShows(browser, tabId, 'danger', LOOKALIKE_WITH_PASSWORD);
      expect(state.findings).toEqual(LOOKALIKE_WITH_PASSWORD);
      await pollUntil('the in-page alert', () => browser.alertDetails(page), (alert) => alert.present);

      await expectFieldGuarded(browser, page, page.locator('input[type="password"]'));
    } finally {
      await page.close();
    }
  });
  }

  /**
   * `countedAtLoad`: whether the field is counted before the user has touched it. A root
   * attached with another realm's attachShadow is told to that realm's content script, not
   * this page's: the field is guarded all the same, and counted from the user's first focus
   * into it (the page is read again then, roots included).
   */
  const ROOTS = [
    { path: '/hostile/login-in-closed-shadow?how=attach', what: "the page's own closed shadow root (attachShadow)", countedAtLoad: true },
    { path: '/hostile/login-in-closed-shadow?how=other-realm', what: "a closed shadow root attached with another realm's attachShadow", countedAtLoad: false },
    { path: '/hostile/login-in-declarative-shadow', what: 'a closed declarative shadow root in a custom element never defined', countedAtLoad: true },
  ] as const;

  for (const { path, what, countedAtLoad } of ROOTS) {
    it(`guards a password field in ${what}, and counts it`, async () => {
      const { browser } = session;
      const page = await browser.context.newPage();
      try {
        await page.goto(session.https('d0xy.me', path));
        const tabId = await browser.tabIdFor(page);
        const counted = async (): Promise<void> => {
          const state = await popupShows(browser, tabId, 'danger', LOOKALIKE_WITH_PASSWORD);
          expect(state.findings).toEqual(LOOKALIKE_WITH_PASSWORD);
        };
        if (countedAtLoad) await counted();
        // The page really hid it: no selector of the page's reaches it.
        expect(await page.evaluate(() => document.querySelectorAll('input[type="password"]').length)).toBe(0);

        await clickPiercedPasswordField(browser.context, page);
        const overlay = await overlayShows(browser, page);
        expect(overlay.text).toContain('Go to doxy.me');
        await page.keyboard.type(SECRET);
        // Focused again by the user, and typed into again.
        await clickPiercedPasswordField(browser.context, page);
        await page.keyboard.type(SECRET);
        expect(await piercedPasswordValue(browser.context, page)).toBe('');
        expect(await keysHeardBy(page)).toEqual([]);
        await pollUntil('the overlay still up', () => browser.overlayDetails(page), (details) => details.present);
        if (!countedAtLoad) await counted();
      } finally {
        await page.close();
      }
    });
  }
});
