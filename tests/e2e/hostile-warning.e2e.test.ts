import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../demo/browser';
import { pollUntil } from '../../demo/wait';
import { overlayShows } from './guard-helpers';
import { useE2eSession } from './session';

/**
 * Pages that take the warning away: remove it as it appears, cover it with an element of the
 * same z-index, lay a transparent layer of their own over it to steal the click on "I trust",
 * take it out of the top layer. The warning stays where the page cannot cover it (the top
 * layer), the click on a covered "I trust" does nothing, and a page that keeps fighting gets
 * the extension's own warning page in its place, whose popup still says what the page was.
 * Pages: demo/sites/d0xy.me/fights/.
 */

const warningPagePrefix = (browser: ExtensionBrowser): string => `chrome-extension://${browser.extensionId}/src/warning/index.html`;

/** Opens `url` in a new tab and gives its tab id (the tab may be replaced by the warning page soon after). */
async function open(browser: ExtensionBrowser, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  return { page, tabId: await browser.tabIdFor(page) };
}

/** Waits for the extension's own warning page in the tab, and checks what it and the popup say. */
async function replacedByWarningPage(browser: ExtensionBrowser, page: Page, tabId: number): Promise<void> {
  await pollUntil('the warning page in place of the page', () => Promise.resolve(page.url()), (url) => url.startsWith(warningPagePrefix(browser)), { timeoutMs: 15_000 });
  await page.locator('a.go').waitFor({ timeout: 10_000 });
  // It names the real site and offers to go there.
  expect(await page.locator('a.go').innerText()).toBe('Go to doxy.me');
  expect(await page.locator('a.go').getAttribute('href')).toBe('https://doxy.me/');
  expect(await page.locator('body').innerText()).toContain('kept removing or covering');
  // The warning page and the tab's popup still show the replaced page's verdict.
  expect(await page.locator('[data-risk-level]').getAttribute('data-risk-level')).toBe('danger');
  const popup = await browser.tabState(tabId);
  expect(popup.level).toBe('danger');
  expect(popup.findings).toEqual(expect.arrayContaining(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']));
  expect(await browser.badgeText(tabId)).toBe('!!');
}

describe('pages that take the warning away, in real Chromium', () => {
  const session = useE2eSession();
  const fight = (name: string): string => session.https('d0xy.me', `/fights/${name}`);

  it('replaces a page that removes the warning as soon as it appears with the extension’s own warning page', async () => {
    const { browser } = session;
    const { page, tabId } = await open(browser, fight('removes-warning'));
    await replacedByWarningPage(browser, page, tabId);
    await page.close();
  });

  it('keeps the alert above an element of the same z-index over the whole window: the page cannot cover it', async () => {
    const { browser } = session;
    const { page } = await open(browser, fight('covers-warning'));
    await pollUntil('the in-page alert', () => browser.alertPresent(page), Boolean);
    // What the browser's own hit testing finds where the alert sits (top right): the alert, not
    // the page's full-window cover, which was added after it in document order.
    const width = page.viewportSize()?.width ?? 1280;
    const atAlert = await pollUntil(
      'the alert on top of the cover',
      () => page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.tagName.toLowerCase(), [width - 60, 40]),
      (tag) => tag === 'telehealth-guard-alert',
    );
    expect(atAlert).toBe('telehealth-guard-alert');
    // The overlay too, over the cover, and typing stays out of the field.
    await page.evaluate(() => document.querySelector<HTMLInputElement>('input[type="password"]')?.focus());
    await overlayShows(browser, page);
    const center = await page.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.tagName.toLowerCase());
    expect(center).toBe('telehealth-guard-overlay');
    await page.close();
  });

  it('ignores a real click on "I trust" under a transparent layer the page keeps above it, and replaces the page', async () => {
    const { browser } = session;
    const { page, tabId } = await open(browser, fight('clickjacks-trust'));
    await pollUntil('the page to start raising its lure', () => page.evaluate(() => (window as unknown as { raises: number }).raises), (raises) => raises > 3);
    await page.evaluate(() => document.querySelector<HTMLInputElement>('input[type="password"]')?.focus());
    // The user clicks where "I trust d0xy.me" is drawn, through the page's transparent layer.
    // Whether the overlay is still there or the page has been replaced already, the site must
    // not end up trusted.
    const clicked = await overlayShows(browser, page)
      .then(() => browser.clickInOverlay(page, 'I trust d0xy.me'))
      .then(
        () => true,
        () => false,
      );
    await replacedByWarningPage(browser, page, tabId);
    expect((await browser.tabState(tabId)).dismissals).toEqual([]);
    console.log(`clickjack: the click ${clicked ? 'reached the covered "I trust" and was refused' : 'came after the page was replaced'}`);
    await page.close();
  });

  it('puts the alert back in the top layer when the page takes it out again and again, and then replaces the page', async () => {
    const { browser } = session;
    const { page, tabId } = await open(browser, fight('hides-warning'));
    await pollUntil('the page to attack the alert', () => page.evaluate(() => (window as unknown as { attacks: number }).attacks), (attacks) => attacks > 0);
    await replacedByWarningPage(browser, page, tabId);
    await page.close();
  });
});
