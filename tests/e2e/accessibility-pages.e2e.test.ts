import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { popupUrl } from '../../demo/popup-state';
import { scenarioNamed } from '../../demo/scenarios';
import { visit } from '../../demo/visit';
import { pollUntil } from '../../demo/wait';
import { optionsUrl } from './admin-pages';
import { axeViolations, describeViolations } from './axe';
import { focusIs, focusedElement, tabUntil } from './keyboard';
import { overflowingElements } from './reflow';
import { useE2eSession } from './session';

/**
 * The extension's own pages, checked by axe-core (WCAG 2.1 A and AA, and best practices) in
 * real Chromium: the popup for a page of every risk level, the options page (with its error and
 * its list), the warning page. Zero violations; a failure prints every one. The popup also
 * reflows at 320 CSS px (the toolbar popup at 250% zoom), and Remove leaves the keyboard's
 * focus on something near.
 */
describe('accessibility of the popup, the options page and the warning page', () => {
  const session = useE2eSession();

  async function expectNoViolations(page: Page, what: string): Promise<void> {
    const violations = await axeViolations(page);
    if (violations.length > 0) console.log(`axe violations on ${what}:\n${describeViolations(violations)}`);
    expect(describeViolations(violations), what).toBe('');
    console.log(`axe: no violations on ${what}`);
  }

  const LEVELS = [
    ['verified', 'verified-waiting-room'],
    ['neutral', 'ordinary-login'],
    ['caution', 'foreign-form-action'],
    ['danger', 'lookalike-login'],
  ] as const;

  for (const [level, scenario] of LEVELS) {
    it(`popup for a ${level} page: no axe violations at 380 px, and no horizontal scroll or clipping at 320 px`, async () => {
      const { browser } = session;
      const visited = await visit(browser, scenarioNamed(scenario).url(session.servers), { until: (s) => s.level === level });
      const popup = await browser.context.newPage();
      try {
        await popup.setViewportSize({ width: 380, height: 600 });
        await popup.goto(popupUrl(browser.extensionId, visited.tabId));
        await popup.locator(`[data-risk-level="${level}"]`).waitFor({ timeout: 10_000 });
        await expectNoViolations(popup, `the popup (${level})`);
        await popup.setViewportSize({ width: 320, height: 600 });
        const reflow = await overflowingElements(popup);
        expect(reflow.overflowing).toEqual([]);
        expect(reflow.scrollWidth).toBeLessThanOrEqual(reflow.clientWidth);
      } finally {
        await popup.close();
        await visited.page.close();
      }
    });
  }

  it('options page: no axe violations as loaded, with a refusal (named as typed, tied to the field) and with a list; Remove by keyboard keeps the focus near', async () => {
    const { browser } = session;
    const page = await browser.context.newPage();
    try {
      await page.goto(optionsUrl(browser.extensionId));
      await page.locator('[data-policy]').waitFor({ timeout: 10_000 });
      await expectNoViolations(page, 'the options page');

      // Keyboard only: to the field, a name Chromium's URL parser would percent-encode, Enter.
      const field = '[data-user-allowlist] input[name="domain"]';
      await tabUntil(page, 'the site field', focusIs(page, field));
      await page.keyboard.type('my clinic.org');
      await page.keyboard.press('Enter');
      const refusal = page.locator('[data-user-allowlist] [role="alert"]');
      await refusal.waitFor({ timeout: 10_000 });
      // Chromium's URL parser makes the space %20 (Node's refuses it).
      expect(await refusal.innerText()).toContain('my clinic.org is not a site');
      expect(await refusal.innerText()).not.toContain('%20');
      expect(await page.locator(field).getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator(field).getAttribute('aria-describedby')).toBe(await refusal.getAttribute('id'));
      await expectNoViolations(page, 'the options page with a refusal');

      for (const domain of ['visit.my-clinic.example.net', 'care.other-clinic.example.net']) {
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type(domain);
        await page.keyboard.press('Enter');
        await page.locator(`[data-user-domain="${domain}"]`).waitFor({ timeout: 10_000 });
      }
      await expectNoViolations(page, 'the options page with its list filled');

      const removeOf = (domain: string): string => `[data-user-domain="${domain}"] button`;
      await tabUntil(page, 'the first Remove', focusIs(page, removeOf('visit.my-clinic.example.net')));
      await page.keyboard.press('Enter');
      await page.locator('[data-user-domain="visit.my-clinic.example.net"]').waitFor({ state: 'detached', timeout: 10_000 });
      await pollUntil('the focus on the next Remove', () => focusIs(page, removeOf('care.other-clinic.example.net'))(), Boolean, { timeoutMs: 3_000 }).catch(async () => {
        throw new Error(`after Remove the focus is on ${await focusedElement(page)}`);
      });
      await page.keyboard.press('Space');
      await page.locator('[data-user-domain]').waitFor({ state: 'detached', timeout: 10_000 });
      await pollUntil('the focus back in the field', () => focusIs(page, field)(), Boolean, { timeoutMs: 3_000 }).catch(async () => {
        throw new Error(`after the last Remove the focus is on ${await focusedElement(page)}`);
      });
    } finally {
      await page.close();
    }
  });

  it('warning page: no axe violations', async () => {
    const { browser } = session;
    const page = await browser.context.newPage();
    try {
      await page.goto(session.https('d0xy.me', '/fights/removes-warning'));
      const prefix = `chrome-extension://${browser.extensionId}/src/warning/index.html`;
      await pollUntil('the warning page', () => Promise.resolve(page.url()), (url) => url.startsWith(prefix), { timeoutMs: 15_000 });
      await page.locator('[data-risk-level]').waitFor({ timeout: 10_000 });
      await expectNoViolations(page, 'the warning page');
    } finally {
      await page.close();
    }
  });
});
