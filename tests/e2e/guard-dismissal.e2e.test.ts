import { describe, expect, it } from 'vitest';
import { scenarioNamed } from '../../demo/scenarios';
import { pollUntil } from '../../demo/wait';
import { visit, waitForPopup } from '../../demo/visit';
import { keysHeardBy, overlayShows, overlayStaysAway, SECRET, trustReady } from './guard-helpers';
import { useE2eSession } from './session';

describe('"I trust this site": dismissing the guard, and taking it back in the popup', () => {
  const session = useE2eSession();

  it('stops guarding d0xy.me once trusted, shows that in the popup, and guards again after Undo', async () => {
    const { browser } = session;
    const { page, tabId } = await visit(browser, scenarioNamed('lookalike-login').url(session.servers));
    await pollUntil('the in-page alert', () => browser.alertPresent(page), Boolean);
    const field = page.locator('input[type="password"]');
    await field.click();
    await overlayShows(browser, page);
    await trustReady(browser, page);

    // A real click on the overlay's own button, once the user has had it in view.
    await browser.clickInOverlay(page, 'I trust d0xy.me');
    const trusted = await waitForPopup(browser, tabId, 'the popup to show the dismissal', (s) => s.dismissals.includes('d0xy.me'));
    // The finding stays: trusting a site silences the page, not the popup.
    expect(trusted.level).toBe('danger');
    expect(trusted.findings).toEqual(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']);
    expect(trusted.dismissalText).toMatch(/You chose to trust d0xy\.me on \w+/);
    // The page's report after the dismissal disarms the guard and clears the alert together.
    await pollUntil('the in-page alert to go', () => browser.alertPresent(page), (present) => !present);

    await field.focus();
    expect(await overlayStaysAway(browser, page)).toBe(true);
    await page.keyboard.type(SECRET);
    expect(await field.inputValue()).toBe(SECRET);
    expect(await keysHeardBy(page)).not.toEqual([]);

    // Remembered for the site, not the page: a reload stays unguarded.
    const reportedBefore = (await browser.verdictStoredAt(tabId)) ?? 0;
    await page.reload();
    await pollUntil('the report after reload', () => browser.verdictStoredAt(tabId), (at) => (at ?? 0) > reportedBefore);
    await page.locator('input[type="password"]').focus();
    expect(await overlayStaysAway(browser, page)).toBe(true);
    expect(await browser.alertPresent(page)).toBe(false);

    await browser.undoDismissal(tabId, 'd0xy.me');
    expect((await browser.tabState(tabId)).dismissals).toEqual([]);
    // Undo reaches the open page at once, without a reload: the field still has the focus, so
    // the guard's overlay comes straight back, and the alert (one message at a time) after it.
    await page.bringToFront();
    expect((await overlayShows(browser, page)).text).toContain('Go to doxy.me');
    await browser.clickInOverlay(page, 'Close');
    await pollUntil('the in-page alert to return', () => browser.alertPresent(page), Boolean);
    await page.locator('input[type="password"]').focus();
    expect((await overlayShows(browser, page)).text).toContain('Go to doxy.me');
  });
});
