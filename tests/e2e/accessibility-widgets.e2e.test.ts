import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { alertOfKind, overlayDetails } from '../../demo/overlay-probe';
import { popupUrl } from '../../demo/popup-state';
import { scenarioNamed } from '../../demo/scenarios';
import { visit, waitForPopup } from '../../demo/visit';
import { pollUntil } from '../../demo/wait';
import { focusedInTree, warningsInTree, type AxSummary } from './ax-tree';
import { overlayShows, trustReady } from './guard-helpers';
import { cameraPromptShows, cameraState } from './hostile-helpers';
import { focusIs, focusedElement, tabUntil } from './keyboard';
import { useE2eSession } from './session';

/**
 * The in-page warnings as assistive technology gets them (Chromium's accessibility tree, which
 * sees into their closed shadow roots) and with the keyboard alone: each is named by its level
 * and described by its explanation, takes the focus where it should, keeps it while modal,
 * closes on Escape where closing is safe, and gives the focus back. Every action here is a key
 * press (page.keyboard); what the page does, it does in its own script.
 */
describe('in-page warnings with a screen reader and the keyboard alone', () => {
  const session = useE2eSession();

  const warning = (page: Page, what: string, match: (node: AxSummary) => boolean): Promise<AxSummary> =>
    pollUntil(what, async () => (await warningsInTree(session.browser.context, page)).find(match), (node) => node !== undefined).then((node) => node!);
  const focused = (page: Page): Promise<AxSummary | undefined> => focusedInTree(session.browser.context, page);
  const alertHasFocus = (page: Page) => () => page.evaluate(() => document.activeElement?.tagName === 'TELEHEALTH-GUARD-ALERT');
  const alertGone = (page: Page) => () => page.evaluate(() => document.querySelector('telehealth-guard-alert') === null);

  it('the alert: named by its level, described, takes the focus, Tab reaches Dismiss, Escape closes it and gives the focus back, even on a page that swallows keys', async () => {
    const { browser } = session;
    const { page } = await visit(browser, session.https('d0xy.me', '/intake'), { until: (s) => s.level === 'caution' });
    try {
      const caution = await warning(page, 'the caution alert in the tree', (node) => node.role === 'alertdialog');
      expect(caution.name).toBe('Caution: Telehealth Guard warning');
      expect(caution.description).toContain('doxy.me');
      await pollUntil('the alert to take the focus', alertHasFocus(page), Boolean);
      expect((await focused(page))?.role).toBe('alertdialog');
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ role: 'button', name: 'Dismiss' });
      await page.keyboard.press('Escape');
      await pollUntil('the alert to go on Escape', alertGone(page), Boolean);

      // The user goes on in the form; then the page asks for a password: a danger alert takes
      // the focus from the field, and, the page swallowing every key from now on, Escape still
      // closes it and the focus is back in the field.
      await tabUntil(page, 'the reason field', focusIs(page, '#reason'));
      await page.evaluate(() => {
        const heard: string[] = [];
        (window as unknown as { heard: string[] }).heard = heard;
        window.addEventListener(
          'keydown',
          (event) => {
            heard.push(event.key);
            event.preventDefault();
            event.stopImmediatePropagation();
          },
          true,
        );
        const password = document.createElement('input');
        password.type = 'password';
        document.querySelector('#reason')?.after(password);
      });
      const danger = await warning(page, 'the danger alert in the tree', (node) => node.role === 'alertdialog' && node.name.startsWith('Danger'));
      expect(danger.name).toBe('Danger: Telehealth Guard warning');
      expect(danger.description).not.toBe('');
      await pollUntil('the danger alert to take the focus', alertHasFocus(page), Boolean);
      await page.keyboard.press('Escape');
      await pollUntil('the danger alert to go on Escape', alertGone(page), Boolean);
      expect(await focusedElement(page)).toBe('input#reason');
      // The page heard none of the keys meant for the warning.
      expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("closes nothing on the page's forged Escape and Tab, sent to the window, the document, the alert's host and the focused element, nor with elements named after what the key handling reads", async () => {
    const { browser } = session;
    const { page } = await visit(browser, session.https('d0xy.me', '/intake'), { until: (s) => s.level === 'caution' });
    try {
      await warning(page, 'the caution alert in the tree', (node) => node.role === 'alertdialog');
      await pollUntil('the alert to take the focus', alertHasFocus(page), Boolean);
      const sent = await page.evaluate(() => {
        // Named elements over what the key handling and the widgets might read.
        for (const name of ['KeyboardEvent', 'key', 'handleKey', 'telehealthGuardUi']) {
          const img = document.createElement('img');
          img.setAttribute('name', name);
          img.id = name;
          document.body.append(img);
        }
        let count = 0;
        const host = document.querySelector('telehealth-guard-alert');
        for (const target of [window, document, document.documentElement, host, document.activeElement]) {
          for (const key of ['Escape', 'Tab']) {
            for (const type of ['keydown', 'keyup']) {
              target?.dispatchEvent(new KeyboardEvent(type, { key, code: key, bubbles: true, composed: true, cancelable: true }));
              count += 1;
            }
          }
        }
        return count;
      });
      expect(sent).toBe(20);
      await page.waitForTimeout(500);
      expect(await alertGone(page)()).toBe(false);
      expect(await alertHasFocus(page)()).toBe(true);
      // The user's own Escape still closes it.
      await page.keyboard.press('Escape');
      await pollUntil('the alert to go on the real Escape', alertGone(page), Boolean);
    } finally {
      await page.close();
    }
  });

  it('the camera prompt: a modal alertdialog named by its level, the focus on Leave and kept there against the page, Tab and Shift+Tab cycle, Continue by Enter gives the focus back', async () => {
    const { browser } = session;
    const page = await browser.context.newPage();
    try {
      await page.goto(session.https('visits.example-telehealth.net', '/room'));
      await tabUntil(page, 'Join with camera', focusIs(page, 'button'));
      // The page tries to take the focus back to a field of its own, every 50 ms.
      await page.evaluate(() => {
        const field = document.body.appendChild(document.createElement('input'));
        field.id = 'thief';
        (window as unknown as { thief: number }).thief = window.setInterval(() => {
          field.focus();
        }, 50);
      });
      await page.keyboard.press('Enter');
      await cameraPromptShows(browser, page);
      const prompt = await warning(page, 'the prompt in the tree', (node) => node.role === 'alertdialog');
      expect(prompt.name).toBe('Caution: Telehealth Guard: before the camera opens');
      expect(prompt.modal).toBe(true);
      expect(prompt.description).toContain('is not a verified telemedicine platform');
      await pollUntil('the focus on Leave', async () => (await focused(page))?.name, (name) => name === 'Leave');
      // A while of the page's focus() calls later, the focus is still in the prompt.
      await page.waitForTimeout(400);
      expect((await focused(page))?.name).toBe('Leave');
      await page.keyboard.press('Tab');
      expect((await focused(page))?.name).toBe('Continue');
      await page.keyboard.press('Tab');
      expect((await focused(page))?.name).toBe('Leave');
      await page.keyboard.press('Shift+Tab');
      expect((await focused(page))?.name).toBe('Continue');
      // Continue counts once it has been in view long enough (click-proof); Enter is the user's own.
      await page.evaluate(() => {
        // The thief stops: the focus must come back to the Join button, and stay to be seen.
        clearInterval((window as unknown as { thief: number }).thief);
      });
      await page.waitForTimeout(700);
      await page.keyboard.press('Enter');
      await pollUntil('the camera to open', () => cameraState(page), (state) => state === 'granted');
      await pollUntil('the prompt to go', async () => (await overlayDetails(browser.context, page, alertOfKind('camera-prompt'))).present, (present) => !present);
      expect(await focusedElement(page)).toBe('button "Join with camera"');
    } finally {
      await page.close();
    }
  });

  it('the camera prompt: Escape is Leave, also on a page that swallows every key', async () => {
    const { browser } = session;
    const page = await browser.context.newPage();
    try {
      await page.goto(session.https('visits.example-telehealth.net', '/room'));
      await tabUntil(page, 'Join with camera', focusIs(page, 'button'));
      await page.keyboard.press('Enter');
      await cameraPromptShows(browser, page);
      await pollUntil('the focus on Leave', async () => (await focused(page))?.name, (name) => name === 'Leave');
      // Now the page swallows every key, at the window, in the capture phase.
      await page.evaluate(() => {
        window.addEventListener(
          'keydown',
          (event) => {
            event.preventDefault();
            event.stopImmediatePropagation();
          },
          true,
        );
      });
      await page.keyboard.press('Escape');
      // Leave: back where the user came from (about:blank here), the camera never opened.
      await pollUntil('Leave to take the tab back', () => Promise.resolve(page.url()), (url) => url === 'about:blank');
    } finally {
      await page.close();
    }
  });

  it("the password guard's overlay: a modal danger alertdialog, Tab cycles its controls, Escape closes it and the alert takes the focus", async () => {
    const { browser } = session;
    const { page } = await visit(browser, scenarioNamed('lookalike-login').url(session.servers), { until: (s) => s.level === 'danger' });
    try {
      await pollUntil('the alert to take the focus', alertHasFocus(page), Boolean);
      // Tab alone reaches the alert's Dismiss, and goes on to the page's password field.
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ role: 'button', name: 'Dismiss' });
      await tabUntil(page, 'the password field (its focus brings the overlay)', async () => (await overlayDetails(browser.context, page)).present);
      await overlayShows(browser, page);
      const overlay = await warning(page, 'the overlay in the tree', (node) => node.name.includes('look-alike site'));
      expect(overlay).toMatchObject({ role: 'alertdialog', name: 'Danger: Telehealth Guard: look-alike site', modal: true });
      expect(overlay.description).toContain('a look-alike of doxy.me');
      expect((await focused(page))?.name).toBe('Go to doxy.me');
      const names: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        await page.keyboard.press('Tab');
        names.push((await focused(page))?.name ?? '');
      }
      expect(names).toEqual(['Close', 'I trust d0xy.me', 'Go to doxy.me']);
      await page.keyboard.press('Shift+Tab');
      expect((await focused(page))?.name).toBe('I trust d0xy.me');
      await page.keyboard.press('Escape');
      await pollUntil('the overlay to close', async () => (await overlayDetails(browser.context, page)).present, (present) => !present);
      // Not back to the password field (that would bring the overlay straight back): the alert,
      // which made way for the overlay, comes back with the focus.
      await pollUntil('the alert to come back with the focus', alertHasFocus(page), Boolean);
    } finally {
      await page.close();
    }
  });

  it('a corner notice: a named alertdialog that takes the focus from the typing, closed by Escape, the focus back in the field', async () => {
    const { browser } = session;
    const { page } = await visit(browser, session.https('doxy.me', '/portal?a11y'), { until: (s) => s.level === 'caution' });
    try {
      // Where the page's caution alert came first, it took the focus: Escape puts it away.
      if (!(await alertGone(page)())) {
        await pollUntil('the alert to take the focus', alertHasFocus(page), Boolean);
        await page.keyboard.press('Escape');
        await pollUntil('the alert to go', alertGone(page), Boolean);
      }
      await tabUntil(page, 'the message field', focusIs(page, '#message'));
      await page.keyboard.type('My rash');
      const notice = await warning(page, 'the tracker caution in the tree', (node) => node.role === 'alertdialog' && node.name.includes('shares what you do'));
      expect(notice.name).toBe('Caution: Telehealth Guard: this page shares what you do with other companies');
      expect(notice.description).toContain('This page sends data to Hotjar');
      // It took the focus: the typing stops until the user has read it.
      await pollUntil('the notice to take the focus', async () => (await focused(page))?.name, (name) => name === notice.name);
      const typedBefore = await page.locator('#message').inputValue();
      await page.keyboard.type(' is');
      expect(await page.locator('#message').inputValue()).toBe(typedBefore);
      await page.keyboard.press('Tab');
      expect((await focused(page))?.name).toBe('Got it');
      await page.keyboard.press('Escape');
      await pollUntil('the notice to go', async () => (await overlayDetails(browser.context, page, alertOfKind('tracker-caution'))).present, (present) => !present);
      expect(await focusedElement(page)).toMatch(/^textarea#message|^input#message/);
      await page.keyboard.type(' worse');
      expect(await page.locator('#message').inputValue()).toBe(`${typedBefore} worse`);
    } finally {
      await page.close();
    }
  });

  it('Undo in the popup by keyboard: the focus goes to the heading once the last trusted site is gone', async () => {
    const { browser } = session;
    const { page, tabId } = await visit(browser, scenarioNamed('lookalike-login').url(session.servers), { until: (s) => s.level === 'danger' });
    try {
      await tabUntil(page, 'the password field (its focus brings the overlay)', async () => (await overlayDetails(browser.context, page)).present);
      await trustReady(browser, page);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect((await focused(page))?.name).toBe('I trust d0xy.me');
      await page.keyboard.press('Enter');
      await waitForPopup(browser, tabId, 'the popup to show the trusted site', (s) => s.dismissals.includes('d0xy.me'));

      const popup = await browser.context.newPage();
      try {
        await popup.goto(popupUrl(browser.extensionId, tabId));
        await popup.locator('[data-dismissal="d0xy.me"]').waitFor({ timeout: 10_000 });
        await tabUntil(popup, 'Undo', focusIs(popup, '[data-dismissal] button'));
        await popup.keyboard.press('Enter');
        await popup.locator('[data-dismissal]').waitFor({ state: 'detached', timeout: 10_000 });
        await pollUntil('the focus on the heading', focusIs(popup, 'header h1'), Boolean, { timeoutMs: 3_000 }).catch(async () => {
          throw new Error(`after Undo the focus is on ${await focusedElement(popup)}`);
        });
      } finally {
        await popup.close();
      }
    } finally {
      await page.close();
    }
  });
});
