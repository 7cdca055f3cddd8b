import { describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../demo/browser';
import { popupShows } from './hostile-helpers';
import { useE2eSession } from './session';

/** The domains the tab's stored verdict says its password forms post to (FOREIGN_FORM_ACTION). */
async function foreignDomains(browser: ExtensionBrowser, tabId: number): Promise<string[]> {
  const findings = await (await browser.worker()).evaluate(async (id) => {
    const key = `tab:${id}`;
    return ((await chrome.storage.session.get(key))[key] as { verdict: { findings: { code: string; actionDomain?: string }[] } } | undefined)?.verdict.findings ?? [];
  }, tabId);
  return findings.filter((finding) => finding.code === 'FOREIGN_FORM_ACTION').map((finding) => finding.actionDomain ?? '');
}

/**
 * Phishing kits post what they collect to general-purpose platforms: a Telegram bot, a
 * Discord webhook. Those platforms are in the catalog (known, not verified), so the password
 * form is foreign all the same: caution on an ordinary page, danger on a look-alike.
 */
describe('hostile pages: password forms that post to a general-purpose platform', () => {
  const session = useE2eSession();

  const ORDINARY = [
    { path: '/hostile/telegram-login', what: 'a Telegram bot (api.telegram.org)', actionDomain: 'telegram.org' },
    { path: '/hostile/discord-login', what: 'a Discord webhook (discord.com/api/webhooks), with a field named "action" in the form', actionDomain: 'discord.com' },
    // Actions shaped like a path on the page's own site, which the URL parser sends to another host.
    { path: '/hostile/telegram-login-backslash-action', what: 'a Telegram bot through "/\\host" (the parser reads it as "//host")', actionDomain: 'telegram.org' },
    { path: '/hostile/telegram-login-tab-action', what: 'a Telegram bot through "/<tab>/host" (the parser drops the tab)', actionDomain: 'telegram.org' },
  ] as const;

  for (const { path, what, actionDomain } of ORDINARY) {
    it(`an ordinary-looking login posting to ${what}: FOREIGN_FORM_ACTION, caution`, async () => {
      const { browser } = session;
      const page = await browser.context.newPage();
      try {
        await page.goto(session.https('portal.example-health.net', path));
        const tabId = await browser.tabIdFor(page);
        const state = await popupShows(browser, tabId, 'caution', ['FOREIGN_FORM_ACTION']);
        expect(state.findings).toEqual(['FOREIGN_FORM_ACTION']);
        expect(await foreignDomains(browser, tabId)).toContain(actionDomain);
      } finally {
        await page.close();
      }
    });
  }

  it("an ordinary-looking login hidden in a closed shadow root, posting to a Telegram bot: FOREIGN_FORM_ACTION once the user's click puts the focus in it, before a key is typed", async () => {
    const { browser } = session;
    const page = await browser.context.newPage();
    try {
      await page.goto(session.https('portal.example-health.net', '/hostile/telegram-login-in-closed-shadow'));
      const tabId = await browser.tabIdFor(page);
      // Read as the ordinary page it looks like: the form in the closed root is not seen yet.
      await popupShows(browser, tabId, 'neutral', []);
      // A real click on the field (no script outside the root can reach it; the page kept it).
      const box = await page.evaluate(() => {
        const rect = (window as unknown as { hiddenField: HTMLInputElement }).hiddenField.getBoundingClientRect();
        return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      });
      await page.mouse.click(box.x, box.y);
      const state = await popupShows(browser, tabId, 'caution', ['FOREIGN_FORM_ACTION']);
      expect(state.findings).toEqual(['FOREIGN_FORM_ACTION']);
    } finally {
      await page.close();
    }
  });

  it('an ordinary-looking login posting to a path on its own site, until a <base> added after the page was read sends it to a Telegram bot: FOREIGN_FORM_ACTION', async () => {
    const { browser } = session;
    const page = await browser.context.newPage();
    try {
      await page.goto(session.https('portal.example-health.net', '/hostile/telegram-login-late-base'));
      const tabId = await browser.tabIdFor(page);
      await page.waitForFunction(() => document.querySelector('base') !== null);
      expect(await page.evaluate(() => document.querySelector('form')!.action)).toMatch(/^https:\/\/api\.telegram\.org:\d+\/bot123:abc\/sendMessage$/);
      const state = await popupShows(browser, tabId, 'caution', ['FOREIGN_FORM_ACTION']);
      expect(state.findings).toEqual(['FOREIGN_FORM_ACTION']);
    } finally {
      await page.close();
    }
  });

  it('a look-alike posting to a Telegram bot: danger, FOREIGN_FORM_ACTION among its findings', async () => {
    const { browser } = session;
    const page = await browser.context.newPage();
    try {
      await page.goto(session.https('d0xy.me', '/hostile/telegram-login'));
      const tabId = await browser.tabIdFor(page);
      const state = await popupShows(browser, tabId, 'danger', ['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE', 'FOREIGN_FORM_ACTION']);
      expect([...state.findings].sort()).toEqual(['FOREIGN_FORM_ACTION', 'LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']);
      expect(await browser.badgeText(tabId)).toBe('!!');
    } finally {
      await page.close();
    }
  });
});
