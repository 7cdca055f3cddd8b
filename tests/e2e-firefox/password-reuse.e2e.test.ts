import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { ExtensionGlobal } from '../../demo/firefox-extension-page';
import { pollUntil, staysFalse } from '../../demo/wait';
import { popupShows } from './firefox-guard-helpers';
import { useFirefoxSession } from './firefox-session';

const PORTAL_PASSWORD = 'Riverbank-Sunday-42';

interface StoredProtection {
  iterations: number;
  bits: number;
  platforms: { domain: string; fingerprint: string; at: number }[];
}

/**
 * Reused portal passwords in real Firefox ESR with the keyboard: the fingerprint made in the
 * event page (PBKDF2 through WebCrypto), the warning on another site before the field is left.
 */
describe('reused portal passwords, in real Firefox ESR', () => {
  const session = useFirefoxSession();

  const stored = () =>
    session.firefox.inExtension(async () => (await (globalThis as unknown as ExtensionGlobal).browser.storage.local.get('protectedPasswords')).protectedPasswords as StoredProtection | undefined, undefined);

  async function open(host: string, path: string): Promise<{ page: Page; tabId: number }> {
    const page = await session.firefox.newPage();
    await page.goto(session.https(host, path));
    return { page, tabId: await session.firefox.tabIdFor(page) };
  }

  it('protects the password signed in with on a verified platform, then warns when it is typed on an ordinary site', async () => {
    const { firefox } = session;
    const since = Date.now();
    const signIn = await open('doxy.me', '/login');
    await popupShows(firefox, signIn.tabId, 'verified', ['VERIFIED_PLATFORM']);
    await signIn.page.click('input[type="email"]');
    await signIn.page.keyboard.type('patient@example.org');
    await signIn.page.keyboard.press('Tab');
    await signIn.page.keyboard.type(PORTAL_PASSWORD);
    await signIn.page.keyboard.press('Enter');
    const kept = await pollUntil('the password to be protected', stored, (value) => value?.platforms.some((platform) => platform.domain === 'doxy.me' && platform.at >= since) === true, {
      timeoutMs: 20_000,
    });
    expect(kept?.iterations).toBe(600_000);
    expect(kept?.platforms.find((platform) => platform.domain === 'doxy.me')?.fingerprint).toMatch(/^[0-9a-f]{8}$/);
    expect(JSON.stringify(kept)).not.toContain(PORTAL_PASSWORD);
    await signIn.page.close();

    const { page, tabId } = await open('shop.example-store.com', '/login');
    try {
      await popupShows(firefox, tabId, 'neutral', []);
      await page.click('input[type="password"]');
      await page.keyboard.type(PORTAL_PASSWORD);
      const alert = await pollUntil('the reuse alert', () => firefox.widgets(tabId, 'telehealth-guard-alert'), (found) => found.some((widget) => widget.findings.includes('PASSWORD_REUSE')), {
        timeoutMs: 15_000,
      });
      expect(alert[0]?.mode).toBe('closed');
      expect(alert[0]?.text).toContain('Doxy.me');
      await popupShows(firefox, tabId, 'caution', ['PASSWORD_REUSE']);
    } finally {
      await page.close();
    }
  });

  it('says nothing for a different password on the same site', async () => {
    const { firefox } = session;
    const { page, tabId } = await open('shop.example-store.com', '/login');
    try {
      await popupShows(firefox, tabId, 'neutral', []);
      await page.click('input[type="password"]');
      await page.keyboard.type('another-password-entirely');
      expect(await staysFalse(async () => (await firefox.widgets(tabId, 'telehealth-guard-alert')).length > 0, 2_000)).toBe(true);
    } finally {
      await page.close();
    }
  });
});
