import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { scenarioNamed } from '../../demo/scenarios';
import { staysFalse } from '../../demo/wait';
import { expectFieldGuarded, keysHeardBy, LOOKALIKE_WITH_PASSWORD, popupShows, SECRET } from './firefox-guard-helpers';
import { useFirefoxSession } from './firefox-session';

describe('the password-field guard on look-alike sites, in real Firefox ESR', () => {
  const session = useFirefoxSession();

  async function open(url: string): Promise<{ page: Page; tabId: number }> {
    const page = await session.firefox.newPage();
    await page.goto(url);
    return { page, tabId: await session.firefox.tabIdFor(page) };
  }

  it('d0xy.me: a click on the password field brings a closed overlay naming doxy.me, and no key reaches the field or the page', async () => {
    const { firefox } = session;
    const { page, tabId } = await open(scenarioNamed('lookalike-login').url(session.servers));
    try {
      await popupShows(firefox, tabId, 'danger', LOOKALIKE_WITH_PASSWORD);
      await expectFieldGuarded(firefox, page, tabId);
      // The page sees an element, never what is in it.
      expect(await page.evaluate(() => document.querySelector('telehealth-guard-overlay')?.shadowRoot ?? null)).toBeNull();
      expect(await page.evaluate(() => document.activeElement?.matches('input[type="password"]') ?? false)).toBe(false);
    } finally {
      await page.close();
    }
  });

  it('guards a password field that d0xy.me adds 2 s after load', async () => {
    const { firefox } = session;
    const { page, tabId } = await open(scenarioNamed('late-password-lookalike').url(session.servers));
    try {
      await page.waitForSelector('input[type="password"]', { timeout: 5_000 });
      await popupShows(firefox, tabId, 'danger', LOOKALIKE_WITH_PASSWORD);
      await expectFieldGuarded(firefox, page, tabId);
    } finally {
      await page.close();
    }
  });

  it('stays out of the way on an ordinary login page', async () => {
    const { firefox } = session;
    const { page, tabId } = await open(scenarioNamed('ordinary-login').url(session.servers));
    try {
      await popupShows(firefox, tabId, 'neutral', []);
      await page.click('input[type="password"]');
      await page.keyboard.type(SECRET);
      expect(await page.$eval('input[type="password"]', (field) => (field).value)).toBe(SECRET);
      expect(await keysHeardBy(page)).not.toEqual([]);
      expect(await staysFalse(async () => (await firefox.widgets(tabId, 'telehealth-guard-overlay')).length > 0)).toBe(true);
    } finally {
      await page.close();
    }
  });
});
