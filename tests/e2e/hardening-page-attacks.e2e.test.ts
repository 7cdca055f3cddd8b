import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pollUntil, staysFalse } from '../../demo/wait';
import { visit } from '../../demo/visit';
import { useE2eSession } from './session';

/** What the page itself sees of the alert element: is it there, laid out and visible? */
interface AlertLook {
  underRoot: boolean;
  display: string;
  visibility: string;
  opacity: string;
  width: number;
  height: number;
}

function alertLook(page: Page): Promise<AlertLook | null> {
  return page.evaluate(() => {
    const alert = document.querySelector('telehealth-guard-alert');
    if (!alert) return null;
    const style = getComputedStyle(alert);
    const box = alert.getBoundingClientRect();
    return {
      underRoot: alert.parentElement === document.documentElement,
      display: style.display,
      visibility: style.visibility,
      opacity: style.opacity,
      width: box.width,
      height: box.height,
    };
  });
}

const shown = (look: AlertLook | null): boolean =>
  look !== null && look.underRoot && look.display === 'block' && look.visibility === 'visible' && look.opacity === '1' && look.width > 0 && look.height > 0;

describe('pages that work against the extension, in real Chromium', () => {
  const session = useE2eSession();
  const portal = (path: string): string => `http://patient-portal.example-clinic.com:${session.servers.httpPort}/${path}`;

  it('still reports an http login whose named elements shadow the document and the form (DOM clobbering)', async () => {
    const { page, tabId, state } = await visit(session.browser, portal('clobbered-login'));
    expect(state.level).toBe('danger');
    expect(state.findings).toEqual(expect.arrayContaining(['INSECURE_CONNECTION', 'INSECURE_FORM']));
    // Through CDP only: the page's own document.querySelector is an image here.
    const alert = await pollUntil('the in-page alert', () => session.browser.alertDetails(page), (a) => a.present);
    expect(alert.findings).toEqual(expect.arrayContaining(['INSECURE_CONNECTION', 'INSECURE_FORM']));
    expect(await session.browser.badgeText(tabId)).toBe('!!');
    // The page really is clobbered, as Chromium does it for every script.
    const clobbered = await page.evaluate(() => {
      const form = document.getElementsByTagName('form')[0] as unknown as Record<string, unknown>;
      return [typeof (document as unknown as Record<string, unknown>).querySelectorAll, typeof form.action];
    });
    expect(clobbered).toEqual(['object', 'object']);
    await page.close();
  });

  it('keeps the alert on the page and visible when the page hides it with CSS and removes it', async () => {
    const { page } = await visit(session.browser, portal('hides-alert'));
    await pollUntil('the page to make its four attacks', () => page.evaluate(() => (window as unknown as { attacks: string[] }).attacks), (attacks) => attacks.length === 4);
    const look = await pollUntil('the alert, shown', () => alertLook(page), shown);
    expect(look).toMatchObject({ underRoot: true, display: 'block', visibility: 'visible', opacity: '1' });
    expect(await staysFalse(async () => !shown(await alertLook(page)))).toBe(true);
    expect((await session.browser.alertDetails(page)).findings).toContain('INSECURE_FORM');
    await page.close();
  });
});
