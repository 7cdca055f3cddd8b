import { describe, expect, it } from 'vitest';
import { scenarioNamed } from '../../demo/scenarios';
import { visit, waitForPopup } from '../../demo/visit';
import { keysHeardBy, overlayShows, overlayStaysAway, SECRET, typeIntoGuardedField } from './guard-helpers';
import { useE2eSession } from './session';

describe('the password-field guard on look-alike sites, in real Chromium', () => {
  const session = useE2eSession();

  it('d0xy.me: focusing the password field shows a blocking overlay naming doxy.me, and no key reaches the field or the page', async () => {
    const { browser } = session;
    const { page, state } = await visit(browser, scenarioNamed('lookalike-login').url(session.servers));
    expect(state.level).toBe('danger');
    const field = page.locator('input[type="password"]');
    await field.click();

    const overlay = await overlayShows(browser, page);
    expect(overlay.shadowRootType).toBe('closed');
    expect(overlay.text).toContain('Go to doxy.me');
    expect(overlay.text).toContain('You are on d0xy.me');
    // The page sees an element, never what is in it.
    expect(await page.evaluate(() => document.querySelector('telehealth-guard-overlay')?.shadowRoot ?? null)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.matches('input[type="password"]'))).toBe(false);

    await typeIntoGuardedField(field);
    expect(await field.inputValue()).toBe('');
    expect(await keysHeardBy(page)).toEqual([]);
    expect((await browser.overlayDetails(page)).present).toBe(true);
  });

  it('guards a password field that d0xy.me adds 2 s after load', async () => {
    const { browser } = session;
    const { page, tabId } = await visit(browser, scenarioNamed('late-password-lookalike').url(session.servers));
    const field = page.locator('input[type="password"]');
    await field.waitFor({ timeout: 5_000 });
    await waitForPopup(browser, tabId, 'the verdict with the late field', (s) => s.level === 'danger');
    await field.click();
    expect((await overlayShows(browser, page)).text).toContain('Go to doxy.me');
    await typeIntoGuardedField(field);
    expect(await field.inputValue()).toBe('');
    expect(await keysHeardBy(page)).toEqual([]);
  });

  it('guards a password field inside an open shadow root, and counts it', async () => {
    const { browser } = session;
    const { page, state } = await visit(browser, scenarioNamed('shadow-password-lookalike').url(session.servers));
    expect(state.findings).toEqual(expect.arrayContaining(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']));
    // Playwright's CSS pierces open shadow roots, as the guard's composedPath() does.
    const field = page.locator('login-box input[type="password"]');
    await field.click();
    expect((await overlayShows(browser, page)).text).toContain('Go to doxy.me');
    await typeIntoGuardedField(field);
    expect(await field.inputValue()).toBe('');
    expect(await keysHeardBy(page)).toEqual([]);
  });

  it('stays out of the way on an ordinary login page', async () => {
    const { browser } = session;
    const { page } = await visit(browser, scenarioNamed('ordinary-login').url(session.servers));
    const field = page.locator('input[type="password"]');
    await field.click();
    await page.keyboard.type(SECRET);
    expect(await field.inputValue()).toBe(SECRET);
    expect(await overlayStaysAway(browser, page)).toBe(true);
  });
});
