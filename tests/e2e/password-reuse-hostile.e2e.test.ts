import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { visit, waitForPopup } from '../../demo/visit';
import { pollUntil } from '../../demo/wait';
import { clickLikeAUser } from './guard-helpers';
import { PORTAL_PASSWORD, protectedSince, signInWithKeyboard } from './password-helpers';
import { useE2eSession } from './session';

const PHISH = 'account-check.example-phish.net';

/**
 * A page on a domain no list knows, that asks for the patient's portal password and knows the
 * extension is there: each tries to keep the reuse warning away. The password was protected by
 * signing in on doxy.me first.
 */
describe('the reuse warning against pages that try to keep it away, in real Chromium', () => {
  const session = useE2eSession();
  beforeAll(async () => {
    const since = Date.now();
    const { page } = await visit(session.browser, session.https('doxy.me', '/login'));
    await signInWithKeyboard(page, PORTAL_PASSWORD);
    await protectedSince(session.browser, 'doxy.me', since);
    await page.close();
  });

  async function expectWarned(page: Page): Promise<void> {
    const { browser } = session;
    const tabId = await browser.tabIdFor(page);
    await waitForPopup(browser, tabId, 'PASSWORD_REUSE in the popup', (s) => s.findings.includes('PASSWORD_REUSE'));
    await pollUntil('the reuse alert in the page', () => browser.alertDetails(page), (details) => details.findings.includes('PASSWORD_REUSE'));
  }

  async function typeThere(page: Page, click: () => Promise<void>): Promise<void> {
    await click();
    await page.keyboard.type(PORTAL_PASSWORD);
  }

  /** Pages that keep the field where it is hard to see; the user clicks into it and types. */
  const FIELD_TRICKS: [string, string, (page: Page) => Promise<void>][] = [
    ['a text field masked with CSS instead of type=password', '/masked', (page) => page.locator('#secret').click()],
    ['a text field shown in clear ("show password"), known by its autocomplete', '/shown-password', (page) => page.locator('#secret').click()],
    ['no field at all: the page swallows each key and draws dots in a box of its own', '/own-field', (page) => page.locator('#box').click()],
    ['a real password field whose keys the page takes, writing dots into it by script', '/taken-keys', (page) => page.locator('#secret').click()],
    ['a page that feeds values of its own into a hidden field (trusted input events) while the user types', '/decoy', (page) => page.locator('#real').click()],
    ['a password field in a closed shadow root', '/closed-shadow', (page) => clickLikeAUser(page.locator('#box'))],
    ['a password field in a srcdoc frame', '/srcdoc', (page) => page.frameLocator('iframe').locator('input').click()],
    ['a page that stops every key, input and focus event', '/silenced', (page) => page.locator('input').click()],
    ['elements named after what the watch reads, and forged key, input, focus and submit events in a stream', '/forged', (page) => page.locator('#real').click()],
  ];
  it.each(FIELD_TRICKS)('%s', async (_name, path, focus) => {
    const { page } = await visit(session.browser, session.https(PHISH, path));
    await typeThere(page, () => focus(page));
    await expectWarned(page);
    await page.close();
  });

  it('a page that changes its address (pushState, a #fragment) once the warning is up', async () => {
    const { browser } = session;
    const { page, tabId } = await visit(browser, session.https(PHISH, '/changes-address'));
    await typeThere(page, () => page.locator('input').click());
    await expectWarned(page);
    await page.waitForURL(/\/step-2#done$/);
    await waitForPopup(browser, tabId, 'the popup under the new address', (s) => s.hasPageSignals);
    // A second after the last change, the warning is still there, in the popup and the page.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await browser.tabState(tabId)).findings).toContain('PASSWORD_REUSE');
    expect((await browser.alertDetails(page)).findings).toContain('PASSWORD_REUSE');
    await page.close();
  });

  it('a page that moves to a blob: document with the form', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.https(PHISH, '/to-blob'));
    await page.waitForURL(/^blob:/);
    await typeThere(page, () => page.locator('input').click());
    await expectWarned(page);
    await page.close();
  });

  it('a page that writes itself anew with document.open()', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.https(PHISH, '/rewrites-itself'));
    const field = page.locator('input[type="password"]');
    await field.waitFor();
    await typeThere(page, () => field.click());
    await expectWarned(page);
    await page.close();
  });
});
