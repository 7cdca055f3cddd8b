import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { FIREFOX_EXTENSION_UUID } from '../../demo/firefox-browser';
import type { ExtensionGlobal } from '../../demo/firefox-extension-page';
import { pollUntil } from '../../demo/wait';
import { alertShows, expectFieldGuarded, frameOf, keysHeardBy, LOOKALIKE_WITH_PASSWORD, popupShows } from './firefox-guard-helpers';
import { useFirefoxSession } from './firefox-session';

/**
 * The hostile pages of the Chromium suite that Firefox's APIs allow, in real Firefox ESR:
 * named elements clobbering the extension's globals, logins in frames the page builds itself,
 * a blob: page, a page rewriting itself with document.open(), and a page that removes the
 * warning as soon as it appears. (Closed shadow roots the page makes are left to the Chromium
 * suite: reaching into them takes CDP's pierce.)
 */
describe('hostile pages, in real Firefox ESR', () => {
  const session = useFirefoxSession();

  async function open(url: string, waitUntil: 'load' | 'domcontentloaded' = 'load'): Promise<{ page: Page; tabId: number }> {
    const page = await session.firefox.newPage();
    await page.goto(url, { waitUntil });
    return { page, tabId: await session.firefox.tabIdFor(page) };
  }

  async function dangerAlertAndGuard(page: Page, tabId: number): Promise<void> {
    const { firefox } = session;
    const state = await popupShows(firefox, tabId, 'danger', LOOKALIKE_WITH_PASSWORD);
    expect(state.findings.sort()).toEqual([...LOOKALIKE_WITH_PASSWORD].sort());
    expect(await firefox.badgeText(tabId)).toBe('!!');
    const alert = await alertShows(firefox, tabId);
    expect(alert.mode).toBe('closed');
    await expectFieldGuarded(firefox, page, tabId, page, 'main input[type="password"], body > form input[type="password"], input[type="password"]');
  }

  for (const path of ['/hostile/clobbered-ui', '/hostile/clobbered-login']) {
    it(`d0xy.me${path} (named elements over the extension's globals): danger, the alert, and a guard no key gets past`, async () => {
      const { page, tabId } = await open(session.https('d0xy.me', path));
      try {
        // The page's own world really is clobbered.
        expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).telehealthGuardUi instanceof Node || (window as unknown as Record<string, unknown>).telehealthGuardUi instanceof HTMLCollection)).toBe(true);
        await dangerAlertAndGuard(page, tabId);
      } finally {
        await page.close();
      }
    });
  }

  it('a look-alike that navigates its tab to a blob: login page: judged as d0xy.me, danger, the alert and a guarded field', async () => {
    const page = await session.firefox.newPage();
    try {
      await page.goto(session.https('d0xy.me', '/hostile/to-blob'), { waitUntil: 'domcontentloaded' });
      await pollUntil('the blob: page', () => Promise.resolve(page.url()), (url) => /^blob:https:\/\/d0xy\.me:\d+\//.test(url), { timeoutMs: 15_000 });
      await page.waitForSelector('input[type="password"]', { timeout: 10_000 });
      const tabId = await session.firefox.tabIdFor(page);
      await dangerAlertAndGuard(page, tabId);
    } finally {
      await page.close();
    }
  });

  const FRAMES = [
    // document.open() gives the frame's document the address of the document that called it (Firefox reports that).
    { how: 'about-blank', what: 'a script-built about:blank frame written with document.open()', url: /^(about:blank|https:\/\/d0xy\.me:\d+\/hostile\/login-in-frame\?frame=about-blank)$/ },
    { how: 'about-blank-dom', what: 'a script-built about:blank frame filled with DOM calls', url: /^about:blank$/ },
    { how: 'srcdoc', what: 'a srcdoc frame', url: /^about:srcdoc$/ },
    { how: 'data', what: 'a data: frame (opaque origin)', url: /^data:text\/html/ },
    { how: 'blob', what: 'a blob: frame', url: /^blob:https:\/\/d0xy\.me:\d+\// },
  ] as const;

  for (const { how, what, url } of FRAMES) {
    it(`guards a password field in ${what}, and counts it for the tab`, async () => {
      const { firefox } = session;
      const { page, tabId } = await open(session.https('d0xy.me', `/hostile/login-in-frame?frame=${how}`));
      try {
        await popupShows(firefox, tabId, 'danger', LOOKALIKE_WITH_PASSWORD);
        const frame = await frameOf(page, (address) => url.test(address), `the ${how} frame`);
        await expectFieldGuarded(firefox, page, tabId, frame);
        expect(await keysHeardBy(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('guards the password field of a look-alike that rewrites its own document with document.open() after load', async () => {
    const { page, tabId } = await open(session.https('d0xy.me', '/hostile/rewrites-itself'));
    try {
      await pollUntil('the page to rewrite itself', () => page.evaluate(() => (window as unknown as { rewritten?: boolean }).rewritten === true), Boolean);
      await dangerAlertAndGuard(page, tabId);
    } finally {
      await page.close();
    }
  });

  it('replaces a page that removes the warning as soon as it appears with the extension’s own warning page, which keeps the verdict', async () => {
    const { firefox } = session;
    const { page, tabId } = await open(session.https('d0xy.me', '/fights/removes-warning'));
    try {
      const warningPage = `moz-extension://${FIREFOX_EXTENSION_UUID}/src/warning/index.html`;
      // The driver does not report navigations to moz-extension:// pages: the tab and the document are asked.
      const tabUrl = () => firefox.inExtension(async (id) => (await (globalThis as unknown as ExtensionGlobal).browser.tabs.get(id)).url ?? '', tabId);
      await pollUntil('the warning page in place of the page', tabUrl, (address) => address.startsWith(warningPage), { timeoutMs: 15_000 });
      await pollUntil('the warning page loaded', () => page.evaluate(() => location.href), (address) => address.startsWith(warningPage));
      const go = await page.waitForSelector('a.go', { timeout: 10_000 });
      expect(await go?.evaluate((link) => [link.textContent, link.getAttribute('href')])).toEqual(['Go to doxy.me', 'https://doxy.me/']);
      expect(await page.$eval('[data-risk-level]', (node) => node.getAttribute('data-risk-level'))).toBe('danger');
      const popup = await firefox.tabState(tabId);
      expect(popup.level).toBe('danger');
      expect(popup.findings).toEqual(expect.arrayContaining(LOOKALIKE_WITH_PASSWORD));
    } finally {
      await page.close();
    }
  });
});
