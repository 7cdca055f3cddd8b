import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { undoDismissalInPopup } from '../../demo/popup-state';
import { scenarioNamed } from '../../demo/scenarios';
import { pollUntil } from '../../demo/wait';
import { visit, waitForPopup } from '../../demo/visit';
import { clickLikeAUser, keysHeardBy, overlayShows, trustReady, typeIntoGuardedField } from './guard-helpers';
import { useE2eSession } from './session';

/** The page's sign-in frame, once it has loaded. */
function loginFrame(page: Page, path = '/login-frame'): Promise<Frame> {
  return pollUntil(
    'the sign-in frame',
    () => Promise.resolve(page.frames().find((frame) => frame !== page.mainFrame() && new URL(frame.url()).pathname === path)),
    (frame) => frame !== undefined,
  ) as Promise<Frame>;
}

describe('the password-field guard in frames, judged by the address the browser reports for each frame', () => {
  const session = useE2eSession();

  it('guards a same-site frame on d0xy.me, whose password field makes the tab a danger', async () => {
    const { browser } = session;
    const { page, tabId, state } = await visit(browser, scenarioNamed('framed-lookalike-login').url(session.servers), {
      until: (s) => s.level === 'danger',
    });
    expect(state.findings).toEqual(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']);
    expect(await browser.badgeText(tabId)).toBe('!!');
    const frame = await loginFrame(page);
    const field = frame.locator('input[type="password"]');
    await clickLikeAUser(field);

    const overlay = await overlayShows(browser, page);
    expect(overlay.frameUrl).toContain('/login-frame');
    expect(overlay.shadowRootType).toBe('closed');
    expect(overlay.text).toContain('Go to doxy.me');
    await typeIntoGuardedField(field);
    expect(await field.inputValue()).toBe('');
    expect(await keysHeardBy(frame)).toEqual([]);
    expect(await keysHeardBy(page)).toEqual([]);
  });

  it('guards a d0xy.me frame inside an ordinary page, and adds its finding to the tab', async () => {
    const { browser } = session;
    const { page, tabId, state } = await visit(browser, scenarioNamed('lookalike-frame-in-ordinary-page').url(session.servers), {
      until: (s) => s.level === 'danger',
    });
    // The tab is forum.example.org; the look-alike findings are the frame's.
    expect(state.findings).toEqual(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']);
    expect(await browser.badgeText(tabId)).toBe('!!');
    // The top frame's alert speaks for the tab, frame findings included.
    const alert = await pollUntil('the in-page alert', () => browser.alertDetails(page), (a) => a.findings.includes('PASSWORD_ON_LOOKALIKE'));
    expect(alert.present).toBe(true);

    const frame = await loginFrame(page);
    const field = frame.locator('input[type="password"]');
    await clickLikeAUser(field);
    const overlay = await overlayShows(browser, page);
    expect(overlay.frameUrl).toMatch(/^https:\/\/d0xy\.me:\d+\/login-frame$/);
    expect(overlay.text).toContain('Go to doxy.me');
    await typeIntoGuardedField(field);
    expect(await field.inputValue()).toBe('');
    expect(await keysHeardBy(frame)).toEqual([]);
    // The last test opens this page again.
    await page.close();
  });

  it("guards an ordinary site's login framed by d0xy.me, by the tab's address", async () => {
    const { browser } = session;
    const { page, state } = await visit(browser, scenarioNamed('ordinary-frame-in-lookalike').url(session.servers), {
      until: (s) => s.level === 'danger',
    });
    expect(state.findings).toEqual(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']);
    const frame = await loginFrame(page, '/login');
    const field = frame.locator('input[type="password"]');
    // Username first, then Tab, as people sign in. (Headless Chromium routes a click on this
    // frame's password box to the parent page even with the extension's guard off; a click
    // on the username box gets through.)
    await clickLikeAUser(frame.locator('input[name="username"]'));
    await page.keyboard.press('Tab');
    const overlay = await overlayShows(browser, page);
    expect(overlay.frameUrl).toMatch(/^https:\/\/forum\.example\.org:\d+\/login$/);
    // The look-alike is the tab's address: that is what the overlay names.
    expect(overlay.text).toContain('You are on d0xy.me');
    // The page did hear the Tab, pressed in the username box; from here on it hears nothing.
    expect(await keysHeardBy(frame)).toEqual(['keydown']);
    await frame.evaluate(() => ((window as unknown as { keysSeen: string[] }).keysSeen.length = 0));
    await typeIntoGuardedField(field);
    expect(await field.inputValue()).toBe('');
    expect(await keysHeardBy(frame)).toEqual([]);
  });

  // Last in the file: it leaves d0xy.me trusted in this browser's profile.
  it('trusts the frame\'s own host, from the keyboard, when the user says so inside a d0xy.me frame', async () => {
    const { browser } = session;
    const { page, tabId } = await visit(browser, scenarioNamed('lookalike-frame-in-ordinary-page').url(session.servers), {
      until: (s) => s.level === 'danger',
    });
    await pollUntil('the in-page alert', () => browser.alertPresent(page), Boolean);
    const frame = await loginFrame(page);
    await clickLikeAUser(frame.locator('input[type="password"]'));
    await overlayShows(browser, page);
    // The top frame's alert makes way while the frame's overlay is up (a top-layer element in
    // the top document would make the whole cross-site frame read as not visible), and the
    // control counts once it has been seen long enough.
    await pollUntil("the top frame's alert to make way", () => browser.alertPresent(page), (present) => !present);
    await trustReady(browser, page);
    // The focus starts on "Go to doxy.me"; Tab, Tab reaches "I trust d0xy.me".
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const trusted = await waitForPopup(browser, tabId, 'the dismissal in the popup', (s) => s.dismissals.length > 0);
    expect(trusted.dismissals).toEqual(['d0xy.me']);
    expect(trusted.findings).toEqual(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']);
    await pollUntil('the in-page alert to go', () => browser.alertPresent(page), (present) => !present);
    // The trust is the browser's from now on: taken back, so the tests after this one meet d0xy.me guarded.
    await undoDismissalInPopup(browser.context, browser.extensionId, tabId, 'd0xy.me');
  });

  it('on d0xy.me, an ad frame (another site) that turns into a login after it was read: danger without a click, and its field guarded', async () => {
    const { browser } = session;
    const page = await browser.context.newPage();
    try {
      await page.goto(session.https('d0xy.me', '/hostile/ad-frame-late-login'));
      const tabId = await browser.tabIdFor(page);
      // The frame is read once parsed (a look-alike tab); its login comes half a second later,
      // and reaches the verdict through the frame's own watch on its changes.
      const state = await pollUntil('PASSWORD_ON_LOOKALIKE from the ad frame', () => browser.tabState(tabId), (s) => s.findings.includes('PASSWORD_ON_LOOKALIKE'), {
        timeoutMs: 15_000,
        intervalMs: 100,
      });
      expect(state.level).toBe('danger');
      const frame = await loginFrame(page, '/late-login');
      const field = frame.locator('#field');
      await clickLikeAUser(field);
      const overlay = await overlayShows(browser, page);
      expect(overlay.frameUrl).toMatch(/^https:\/\/ads\.example-adnetwork\.com:\d+\/late-login$/);
      await typeIntoGuardedField(field);
      expect(await field.inputValue()).toBe('');
      expect(await keysHeardBy(frame)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
