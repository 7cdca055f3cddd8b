import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../demo/wait';
import { expectFieldGuarded } from './guard-helpers';
import { popupShows } from './hostile-helpers';
import { useE2eSession } from './session';

/**
 * DOM clobbering: a named element is a property of the window in every world, the
 * extension's isolated world included, unless the global holds an own property of that name.
 * A look-alike that names its elements after the extension's globals (its page UI, its page
 * API, the early answer, `browser`, `chrome`) must still get the alert, the guard and the verdict.
 */
describe('hostile pages: named elements that clobber the extension’s globals', () => {
  const session = useE2eSession();

  const PAGES = [
    { path: '/hostile/clobbered-ui', what: '<div id="telehealthGuardUi">' },
    {
      path: '/hostile/clobbered-login',
      what: 'telehealthGuardUi (twice), telehealthGuardPage, telehealthGuardEarlyAnswer, browser (an image and a form with runtime) and chrome (an iframe)',
    },
  ] as const;

  for (const { path, what } of PAGES) {
    it(`d0xy.me with ${what}: danger, the alert, and a guard no key gets past`, async () => {
      const { browser } = session;
      const page = await browser.context.newPage();
      try {
        await page.goto(session.https('d0xy.me', path));
        const tabId = await browser.tabIdFor(page);
        const state = await popupShows(browser, tabId, 'danger', ['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']);
        expect(state.findings).toEqual(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']);
        expect(await browser.badgeText(tabId)).toBe('!!');
        // The page's own world really is clobbered.
        expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).telehealthGuardUi instanceof Node || (window as unknown as Record<string, unknown>).telehealthGuardUi instanceof HTMLCollection)).toBe(true);

        const alert = await pollUntil('the in-page alert', () => browser.alertDetails(page), (a) => a.present && a.findings.includes('PASSWORD_ON_LOOKALIKE'), { timeoutMs: 15_000 });
        expect(alert.shadowRootType).toBe('closed');

        await expectFieldGuarded(browser, page, page.locator('main input[type="password"]'));
      } finally {
        await page.close();
      }
    });
  }
});
