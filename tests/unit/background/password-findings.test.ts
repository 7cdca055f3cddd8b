import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageSignals } from '../../../src/core/signals/page-signals';
import type { Reply, TabState } from '../../../src/protocol/messages';
import { EXTENSION_ID, fake } from './fake-browser';

// The background as it runs in the worker, on the fake browser: sign-ins, checks, and where the warning goes.
vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fake.browser }));
await import('../../../src/background/index');

const PASSWORD = 'Riverbank-Sunday-42';
const SHOP = 'https://shop.example-store.com/login';
const quiet: PageSignals = { isSecureContext: true, passwordFields: 1, forms: [], videoElements: 0, iframes: [] };

function send<T>(tabId: number, url: string, message: unknown): Promise<Reply<T>> {
  fake.openTabs.set(tabId, { id: tabId, url });
  const [reply] = fake.browser.runtime.onMessage.fire(message, { id: EXTENSION_ID, url, frameId: 0, tab: { id: tabId, url } });
  return reply as Promise<Reply<T>>;
}

const stored = (tabId: number): TabState | undefined => fake.session.get(`tab:${tabId}`) as TabState | undefined;
const codes = (tabId: number): string[] => stored(tabId)?.verdict.findings.map((finding) => finding.code) ?? [];

async function typedOnShop(tabId: number, url = SHOP): Promise<void> {
  await send(tabId, url, { type: 'page-signals', signals: quiet, reading: 1 });
  const reply = await send<boolean>(tabId, url, { type: 'password-check', password: PASSWORD, field: 1 });
  expect(reply).toEqual({ ok: true, value: true });
}

beforeEach(async () => {
  fake.reset();
  const reply = await send(1, 'https://doxy.me/login', { type: 'password-sign-in', password: PASSWORD });
  expect(reply.ok).toBe(true);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('password findings in the tab state', () => {
  it('tells a document what to watch: a sign-in site, and whether anything is to be checked there', async () => {
    expect(await send(2, 'https://doxy.me/login', { type: 'password-mode' })).toEqual({ ok: true, value: { signInSite: true, check: false } });
    expect(await send(3, SHOP, { type: 'password-mode' })).toEqual({ ok: true, value: { signInSite: false, check: true } });
  });

  it('puts PASSWORD_REUSE in the verdict of the page it was typed on, and keeps it through pushState and #fragments', async () => {
    await typedOnShop(10);
    expect(codes(10)).toContain('PASSWORD_REUSE');
    expect(stored(10)?.verdict.level).toBe('caution');
    for (const url of ['https://shop.example-store.com/step-2', 'https://shop.example-store.com/step-2#done']) {
      fake.openTabs.set(10, { id: 10, url });
      fake.browser.tabs.onUpdated.fire(10, { url });
      await vi.waitFor(() => {
        expect(stored(10)?.url).toBe(url);
      });
      expect(codes(10)).toContain('PASSWORD_REUSE');
    }
  });

  it("carries the warning to the tab's next page when it commits within 10 s, and not later", async () => {
    await typedOnShop(11);
    fake.browser.webNavigation.onCommitted.fire({ tabId: 11, frameId: 0, url: 'https://shop.example-store.com/welcome', documentId: 'next' });
    await vi.waitFor(() => {
      expect(stored(11)?.url).toBe('https://shop.example-store.com/welcome');
    });
    expect(codes(11)).toContain('PASSWORD_REUSE');

    await typedOnShop(12);
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 10_001);
    fake.browser.webNavigation.onCommitted.fire({ tabId: 12, frameId: 0, url: 'https://shop.example-store.com/welcome', documentId: 'later' });
    await vi.waitFor(() => {
      expect(stored(12)?.url).toBe('https://shop.example-store.com/welcome');
    });
    expect(codes(12)).not.toContain('PASSWORD_REUSE');
  });

  it('keeps nothing of the password in the tab state, only whose it is and where it was typed', async () => {
    await typedOnShop(13);
    const state = JSON.stringify(stored(13));
    expect(state).not.toContain(PASSWORD);
    expect(stored(13)?.verdict.findings.find((finding) => finding.code === 'PASSWORD_REUSE')).toEqual({
      code: 'PASSWORD_REUSE',
      level: 'caution',
      platform: 'Doxy.me',
      domain: 'doxy.me',
      site: 'shop.example-store.com',
      risks: [],
    });
  });

  it('is danger where the form posts elsewhere, and nothing on the platform\'s own subdomain', async () => {
    await send(14, SHOP, { type: 'page-signals', signals: quiet, reading: 1 });
    await send(14, SHOP, { type: 'password-check', password: PASSWORD, field: 1, formAction: 'https://collect.example-phish.net/c' });
    expect(stored(14)?.verdict.findings.find((finding) => finding.code === 'PASSWORD_REUSE')).toMatchObject({ level: 'danger', risks: ['form-elsewhere'] });

    const own = await send<boolean>(15, 'https://clinic.doxy.me/login', { type: 'password-check', password: PASSWORD, field: 1 });
    expect(own).toEqual({ ok: true, value: false });
  });

  it("judges a sign-in sent as the page is left by the sending page's own address, not the next page's", async () => {
    fake.openTabs.set(17, { id: 17, url: 'https://vsee.com/' });
    const [reply] = fake.browser.runtime.onMessage.fire(
      { type: 'password-sign-in', password: 'a-password-for-doxy-only' },
      { id: EXTENSION_ID, url: 'https://doxy.me/login', frameId: 0, tab: { id: 17, url: 'https://vsee.com/' } },
    );
    expect(await reply).toEqual({ ok: true, value: null });
    const store = fake.local.get('protectedPasswords') as { platforms: { domain: string }[] };
    expect(store.platforms.map((platform) => platform.domain)).toEqual(['doxy.me']);
  });

  it('refuses a password message that carries more than a password', async () => {
    const reply = await send(16, SHOP, { type: 'password-check', password: PASSWORD, field: 1, url: 'https://doxy.me/' });
    expect(reply.ok).toBe(false);
  });
});
