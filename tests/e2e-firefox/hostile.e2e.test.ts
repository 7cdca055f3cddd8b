import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { FIREFOX_EXTENSION_UUID } from '../../demo/firefox-browser';
import type { ExtensionGlobal } from '../../demo/firefox-extension-page';
import { pollUntil } from '../../demo/wait';
import { alertShows, expectFieldGuarded, frameOf, keysHeardBy, LOOKALIKE_WITH_PASSWORD, overlayShows, popupShows, SECRET } from './firefox-guard-helpers';
import { useFirefoxSession } from './firefox-session';
import { SCRIPT_BUILT_FRAMES } from '../e2e/script-built-frames';

/**
 * The hostile pages of the Chromium suite that Firefox's APIs allow, in real Firefox ESR:
 * named elements clobbering the extension's globals, logins in frames the page builds itself,
 * a blob: page, a page rewriting itself with document.open(), logins in closed shadow roots,
 * and pages that remove, cover, clickjack or take the warning out of the top layer.
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

  // document.open() gives the frame's document the address of the document that called it (Firefox reports that).
  const FRAMES = SCRIPT_BUILT_FRAMES.map((frame) =>
    frame.how === 'about-blank' ? { ...frame, url: /^(about:blank|https:\/\/d0xy\.me:\d+\/hostile\/login-in-frame\?frame=about-blank)$/ } : frame,
  );

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

  const ROOTS = [
    { path: '/hostile/login-in-closed-shadow?how=attach', what: "the page's own closed shadow root (attachShadow)" },
    { path: '/hostile/login-in-closed-shadow?how=other-realm', what: "a closed shadow root attached with another realm's attachShadow" },
    { path: '/hostile/login-in-declarative-shadow', what: 'a closed declarative shadow root in a custom element never defined' },
  ] as const;

  for (const { path, what } of ROOTS) {
    it(`guards a password field in ${what}`, async () => {
      const { firefox } = session;
      const { page, tabId } = await open(session.https('d0xy.me', path));
      try {
        // The page really hid it: no selector of the page's reaches it.
        expect(await page.evaluate(() => document.querySelectorAll('input[type="password"]').length)).toBe(0);
        const field = await pollUntil('the hidden field', () => firefox.piercedPasswordField(tabId), (found) => found !== undefined);
        await page.mouse.click(field!.x, field!.y);
        const overlay = await overlayShows(firefox, tabId);
        expect(overlay.text).toContain('Go to doxy.me');
        await page.keyboard.type(SECRET);
        await page.mouse.click(field!.x, field!.y);
        await page.keyboard.type(SECRET);
        expect((await firefox.piercedPasswordField(tabId))?.value).toBe('');
        expect(await keysHeardBy(page)).toEqual([]);
        await popupShows(firefox, tabId, 'danger', LOOKALIKE_WITH_PASSWORD);
      } finally {
        await page.close();
      }
    });
  }

  /** Waits for the extension's own warning page in the tab, and checks what it and the popup say. */
  async function replacedByWarningPage(page: Page, tabId: number): Promise<void> {
    const { firefox } = session;
    const warningPage = `moz-extension://${FIREFOX_EXTENSION_UUID}/src/warning/index.html`;
    // The driver does not report navigations to moz-extension:// pages: the tab and the document are asked.
    const tabUrl = () => firefox.inExtension(async (id) => (await (globalThis as unknown as ExtensionGlobal).browser.tabs.get(id)).url ?? '', tabId);
    await pollUntil('the warning page in place of the page', tabUrl, (address) => address.startsWith(warningPage), { timeoutMs: 15_000 });
    await pollUntil('the warning page loaded', () => page.evaluate(() => location.href), (address) => address.startsWith(warningPage));
    const go = await page.waitForSelector('a.go', { timeout: 10_000 });
    expect(await go?.evaluate((link) => [link.textContent, link.getAttribute('href')])).toEqual(['Go to doxy.me', 'https://doxy.me/']);
    expect(await page.$eval('body', (body) => body.innerText)).toContain('kept removing or covering');
    expect(await page.$eval('[data-risk-level]', (node) => node.getAttribute('data-risk-level'))).toBe('danger');
    const popup = await firefox.tabState(tabId);
    expect(popup.level).toBe('danger');
    expect(popup.findings).toEqual(expect.arrayContaining(LOOKALIKE_WITH_PASSWORD));
    expect(await firefox.badgeText(tabId)).toBe('!!');
  }

  it('replaces a page that removes the warning as soon as it appears with the extension’s own warning page, which keeps the verdict', async () => {
    const { page, tabId } = await open(session.https('d0xy.me', '/fights/removes-warning'));
    try {
      await replacedByWarningPage(page, tabId);
    } finally {
      await page.close();
    }
  });

  it('keeps the alert and the overlay above an element of the same z-index over the whole window', async () => {
    const { firefox } = session;
    const { page, tabId } = await open(session.https('d0xy.me', '/fights/covers-warning'));
    try {
      await alertShows(firefox, tabId);
      const width = await page.evaluate(() => innerWidth);
      const atAlert = await pollUntil(
        'the alert on top of the cover',
        () => page.evaluate((x) => document.elementFromPoint(x, 40)?.tagName.toLowerCase(), width - 60),
        (tag) => tag === 'telehealth-guard-alert',
      );
      expect(atAlert).toBe('telehealth-guard-alert');
      await page.evaluate(() => document.querySelector<HTMLInputElement>('input[type="password"]')?.focus());
      await overlayShows(firefox, tabId);
      expect(await page.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.tagName.toLowerCase())).toBe('telehealth-guard-overlay');
    } finally {
      await page.close();
    }
  });

  it('ignores a real click on "I trust" under a transparent layer the page keeps above it, and replaces the page', async () => {
    const { firefox } = session;
    const { page, tabId } = await open(session.https('d0xy.me', '/fights/clickjacks-trust'));
    try {
      await pollUntil('the page to start raising its lure', () => page.evaluate(() => (window as unknown as { raises: number }).raises), (raises) => raises > 3);
      await page.evaluate(() => document.querySelector<HTMLInputElement>('input[type="password"]')?.focus());
      // Whether the overlay is still there or the page has been replaced already, the site must not end up trusted.
      await overlayShows(firefox, tabId)
        .then(() => firefox.clickInWidget(page, tabId, 'telehealth-guard-overlay', 'I trust d0xy.me'))
        .catch(() => undefined);
      await replacedByWarningPage(page, tabId);
      expect((await firefox.tabState(tabId)).dismissals).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('puts the alert back in the top layer when the page takes it out again and again, and then replaces the page', async () => {
    const { page, tabId } = await open(session.https('d0xy.me', '/fights/hides-warning'));
    try {
      // The page attacks every 50 ms from the start (inert on the root, hidePopover()): it may be
      // replaced before a count of its attacks can be read, so the outcome is what is checked.
      await replacedByWarningPage(page, tabId);
    } finally {
      await page.close();
    }
  });
});
