import { describe, expect, it } from 'vitest';
import { BENIGN_NEAR_NAMES, LOOKALIKE_TRICKS, LOW_CONFIDENCE_NEAR_NAMES } from '../../demo/lookalike-hosts';
import { pollUntil, staysFalse } from '../../demo/wait';
import { visit, waitForPopup } from '../../demo/visit';
import { keysHeardBy, overlayShows, overlayStaysAway, typeIntoGuardedField } from './guard-helpers';
import { useE2eSession } from './session';

interface StoredFinding {
  code: string;
  level: string;
  target?: string;
  rule?: string;
  confidence?: string;
}

describe('lookalike tricks on password pages, in real Chromium', () => {
  const session = useE2eSession();

  /** The findings the background stored for the tab, with their evidence. */
  async function storedFindings(tabId: number): Promise<StoredFinding[]> {
    const worker = await session.browser.worker();
    return worker.evaluate(async (id) => {
      const key = `tab:${id}`;
      const state = (await chrome.storage.session.get(key))[key] as { verdict: { findings: StoredFinding[] } } | undefined;
      return state?.verdict.findings ?? [];
    }, tabId);
  }

  it.each(LOOKALIKE_TRICKS)('$host ($trick) → danger, the alert, and a guarded password field', async ({ host, rule }) => {
    const { browser } = session;
    const { page, tabId, state } = await visit(browser, `https://${host}:${session.servers.httpsPort}/login`);
    expect(state.level).toBe('danger');
    expect(state.findings).toEqual(expect.arrayContaining(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']));
    const lookalike = (await storedFindings(tabId)).find((finding) => finding.code === 'LOOKALIKE_DOMAIN');
    expect(lookalike).toMatchObject({ target: 'doxy.me', rule });
    expect((await pollUntil('the in-page alert', () => browser.alertDetails(page), (a) => a.present)).findings).toContain('PASSWORD_ON_LOOKALIKE');

    const field = page.locator('input[type="password"]');
    await field.click();
    expect((await overlayShows(browser, page)).text).toContain('Go to doxy.me');
    await typeIntoGuardedField(field);
    expect(await field.inputValue()).toBe('');
    expect(await keysHeardBy(page)).toEqual([]);
    await page.close();
  });

  it.each(LOW_CONFIDENCE_NEAR_NAMES)('$host, a weak resemblance to $target, is noted on a page without a form and warns where a password is asked for', async ({ host, target }) => {
    const { browser } = session;
    const plain = await visit(browser, `https://${host}:${session.servers.httpsPort}/`);
    expect(plain.state.level).toBe('neutral');
    expect(await browser.badgeText(plain.tabId)).toBe('');
    expect(await staysFalse(() => browser.alertPresent(plain.page))).toBe(true);
    expect((await storedFindings(plain.tabId)).find((finding) => finding.code === 'LOOKALIKE_DOMAIN')).toMatchObject({ target, confidence: 'low', level: 'neutral' });
    await plain.page.close();

    const { page, tabId, state } = await visit(browser, `https://${host}:${session.servers.httpsPort}/login`);
    expect(state.level).toBe('danger');
    expect(state.findings).toEqual(expect.arrayContaining(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']));
    expect((await storedFindings(tabId)).find((finding) => finding.code === 'LOOKALIKE_DOMAIN')).toMatchObject({ target, confidence: 'low', level: 'caution' });
    const field = page.locator('input[type="password"]');
    await field.click();
    expect((await overlayShows(browser, page)).text).toContain(`Go to ${target}`);
    await typeIntoGuardedField(field);
    expect(await field.inputValue()).toBe('');
    expect(await keysHeardBy(page)).toEqual([]);
    await page.close();
  });

  it.each(
    LOW_CONFIDENCE_NEAR_NAMES.flatMap((near) => [
      { ...near, path: '/account/verify', served: 'as served', input: 'keys' },
      // Text put in without a key: pasted from the context menu, dropped, filled in.
      { ...near, path: '/account/verify', served: 'as served', input: 'fill' },
      // document.open() after load takes every listener off the window, the extension's too.
      { ...near, path: '/account/verify-again', served: 'rewritten by document.open()', input: 'keys' },
    ]),
  )('$host asking for a password in a text field ($served, by $input): quiet at first, a warning at the first text put in', async ({ host, target, path, input }) => {
    const { browser } = session;
    const { page, tabId, state } = await visit(browser, `https://${host}:${session.servers.httpsPort}${path}`);
    expect(state.level).toBe('neutral');
    expect(await staysFalse(() => browser.alertPresent(page))).toBe(true);
    const field = page.locator('input.secret');
    if (input === 'fill') await field.fill('s');
    else {
      await field.click();
      await page.keyboard.type('s');
    }
    const alert = await pollUntil('the alert after typing', () => browser.alertDetails(page), (a) => a.present);
    expect(alert.findings).toContain('LOOKALIKE_DOMAIN');
    expect((await storedFindings(tabId)).find((finding) => finding.code === 'LOOKALIKE_DOMAIN')).toMatchObject({ target, confidence: 'low', level: 'caution' });
    expect(await browser.badgeText(tabId)).not.toBe('');
    await page.close();
  });

  it.each(LOW_CONFIDENCE_NEAR_NAMES.flatMap((near) => ['srcdoc', 'about-blank', 'closed-shadow', 'blob'].map((where) => ({ ...near, where }))))(
    '$host asking for a password in a text field put in a place of its own making ($where): a warning at the first key typed into it',
    async ({ host, target, where }) => {
      const { browser } = session;
      const page = await browser.context.newPage();
      try {
        await page.goto(`https://${host}:${session.servers.httpsPort}/account/verify-hidden?where=${where}`);
        if (where === 'blob') await page.waitForURL(/^blob:/, { timeout: 15_000 });
        const tabId = await browser.tabIdFor(page);
        await waitForPopup(browser, tabId, 'the first verdict', (state) => state.findings.includes('LOOKALIKE_DOMAIN'));
        expect(await staysFalse(() => browser.alertPresent(page))).toBe(true);
        // Into the field, whatever holds it (no selector reaches into a closed shadow root: Tab
        // does, and counts as no text), then a key.
        if (where === 'closed-shadow') await page.keyboard.press('Tab');
        else await (where === 'srcdoc' || where === 'about-blank' ? page.frameLocator('iframe') : page).locator('input.secret').click();
        await page.keyboard.type('s');
        await pollUntil('the alert after typing', () => browser.alertDetails(page), (alert) => alert.present);
        await pollUntil('the caution on the badge', () => browser.badgeText(tabId), (text) => text !== '');
        const lookalike = (await storedFindings(tabId)).find((finding) => finding.code === 'LOOKALIKE_DOMAIN' && finding.level === 'caution');
        expect(lookalike).toMatchObject({ target, confidence: 'low' });
      } finally {
        await page.close();
      }
    },
  );

  it.each(BENIGN_NEAR_NAMES)('%s, a real name near a catalog name, stays quiet', async (host) => {
    const { browser } = session;
    const { page, tabId, state } = await visit(browser, `https://${host}:${session.servers.httpsPort}/login`);
    expect(state.level).toBe('neutral');
    expect(state.findings).toEqual([]);
    expect(await browser.badgeText(tabId)).toBe('');
    expect(await staysFalse(() => browser.alertPresent(page))).toBe(true);
    await page.locator('input[type="password"]').click();
    expect(await overlayStaysAway(browser, page)).toBe(true);
    await page.keyboard.type('typed');
    expect(await page.locator('input[type="password"]').inputValue()).toBe('typed');
    await page.close();
  });
});
