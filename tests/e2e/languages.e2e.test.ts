import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import catalogJson from '../../assets/catalog.json';
import { popupUrl } from '../../demo/popup-state';
import { visit } from '../../demo/visit';
import { pollUntil } from '../../demo/wait';
import { strengthNote } from './password-helpers';
import { useE2eSession } from './session';

/**
 * The extension in the browser's language: Chromium started in Spanish and in Chinese (demo/
 * browser's `locale`), a look-alike of doxy.me, then the toolbar popup, the in-page alert, the
 * badge's title and the warning page that replaces a page fighting its warning. Each says what it
 * says in that language and carries `lang`. With TELEHEALTH_GUARD_SCREENSHOTS=<dir> it saves the
 * popup and the warning page there (the README's come from `docs/screenshots`).
 */

interface Expected {
  locale: string;
  lang: string;
  headline: string;
  lookalikeTitle: string;
  alertText: string;
  badgeTitle: string;
  warningHeading: string;
  /** The real address in bold, in its place in the sentence. */
  lookalikeNote: string;
  goTo: string;
  /** The rater's warning for "password123", in the language's `strengthTip…` message. */
  weakPasswordTip: string;
}

const zoomEndToEnd = catalogJson.entries.find((entry) => entry.domain === 'zoom.us')!.facts.endToEndEncryption;

const LANGUAGES: Expected[] = [
  {
    locale: 'es',
    lang: 'es',
    headline: 'Peligro: no escriba nada en esta página',
    lookalikeTitle: 'Este enlace de reunión de Doxy.me es falso',
    alertText: 'No escriba su contraseña.',
    badgeTitle: 'Telehealth Guard: peligro',
    warningHeading: 'Telehealth Guard detuvo esta página',
    lookalikeNote: 'Es una imitación de doxy.me (Doxy.me).',
    goTo: 'Ir a doxy.me',
    weakPasswordTip: 'Esta es una contraseña de uso común.',
  },
  {
    locale: 'zh-CN',
    lang: 'zh-CN',
    headline: '危险：请不要在此网页上输入任何内容',
    lookalikeTitle: '这是伪造的 Doxy.me 会议链接',
    alertText: '请不要输入密码。',
    badgeTitle: 'Telehealth Guard：危险',
    warningHeading: 'Telehealth Guard 已拦下此网页',
    lookalikeNote: '它是 doxy.me（Doxy.me）的仿冒网站。',
    goTo: '前往 doxy.me',
    weakPasswordTip: '这是一个常用密码。',
  },
];

const screenshotDir = process.env.TELEHEALTH_GUARD_SCREENSHOTS;

async function screenshot(page: Page, name: string): Promise<void> {
  if (screenshotDir === undefined || screenshotDir === '') return;
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, name), fullPage: true });
}

const documentLang = (page: Page): Promise<string> => page.evaluate(() => document.documentElement.lang);

describe.each(LANGUAGES)('the extension with Chromium in $locale', (expected) => {
  const session = useE2eSession(() => ({ locale: expected.locale }));

  it('runs in that language: the browser says so, and the extension’s messages follow it', async () => {
    const worker = await session.browser.worker();
    const [uiLanguage, lang] = await worker.evaluate(() => [chrome.i18n.getUILanguage(), chrome.i18n.getMessage('languageTag')]);
    expect(uiLanguage).toBe(expected.locale);
    expect(lang).toBe(expected.lang);
  });

  it('shows the popup of a look-alike, the in-page alert and the badge title in it', async () => {
    const { browser } = session;
    const page = await browser.context.newPage();
    await page.goto(session.https('d0xy.me', '/login'));
    const tabId = await browser.tabIdFor(page);
    await pollUntil('the look-alike judged danger', () => browser.tabState(tabId), (state) => state.level === 'danger' && state.hasPageSignals, { timeoutMs: 15_000 });

    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 560 });
    await popup.goto(popupUrl(browser.extensionId, tabId));
    await popup.locator('[data-risk-level="danger"]').waitFor({ timeout: 10_000 });
    expect(await documentLang(popup)).toBe(expected.lang);
    expect((await popup.locator('h1').innerText()).trim()).toBe(expected.headline);
    expect(await popup.locator('[data-finding="LOOKALIKE_DOMAIN"] .finding-title').innerText()).toBe(expected.lookalikeTitle);
    // The contract's hooks are the same in every language.
    expect(await popup.locator('[data-finding]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-finding')))).toEqual(
      expect.arrayContaining(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']),
    );
    await screenshot(popup, `popup-${expected.locale}.png`);
    await popup.close();

    const alert = await pollUntil('the in-page alert', () => browser.alertDetails(page), (details) => details.present && details.text !== '');
    expect(alert.lang).toBe(expected.lang);
    expect(alert.text).toContain(expected.headline);
    expect(alert.text).toContain(expected.alertText);
    expect(await page.evaluate(() => document.querySelector('telehealth-guard-alert')?.getAttribute('lang'))).toBe(expected.lang);

    const title = await (await browser.worker()).evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
    expect(title).toBe(expected.badgeTitle);
    await page.close();
  });

  it('shows the warning page that replaces a page fighting its warning in it', async () => {
    const { browser } = session;
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 800, height: 900 });
    await page.goto(session.https('d0xy.me', '/fights/removes-warning'));
    const warning = `chrome-extension://${browser.extensionId}/src/warning/index.html`;
    await pollUntil('the warning page in place of the page', () => Promise.resolve(page.url()), (url) => url.startsWith(warning), { timeoutMs: 15_000 });
    await page.locator('a.go').waitFor({ timeout: 10_000 });
    expect(await documentLang(page)).toBe(expected.lang);
    expect(await page.locator('h1').first().innerText()).toBe(expected.warningHeading);
    expect(await page.title()).toBe(expected.warningHeading);
    expect(await page.locator('a.go').innerText()).toBe(expected.goTo);
    const note = page.locator('.why-replaced p', { has: page.locator('strong') });
    expect(await note.locator('strong').innerText()).toBe('doxy.me');
    expect(await note.innerText()).toContain(expected.lookalikeNote);
    expect(await page.locator('[data-risk-level]').getAttribute('data-risk-level')).toBe('danger');
    await screenshot(page, `warning-${expected.locale}.png`);
    await page.close();
  });

  it("shows the catalog's note on a platform's fact in it", async () => {
    const { browser } = session;
    const { page, tabId } = await visit(browser, session.https('zoom.us', '/j/123456789'));
    const popup = await browser.context.newPage();
    await popup.goto(popupUrl(browser.extensionId, tabId));
    const fact = popup.locator('[data-fact="End-to-end encryption"]');
    await fact.waitFor({ timeout: 10_000 });
    const note = (zoomEndToEnd.detailI18n as Record<string, string>)[expected.lang]!;
    expect(await fact.innerText()).toContain(note);
    expect(await fact.innerText()).not.toContain(zoomEndToEnd.detail);
    await popup.close();
    await page.close();
  });

  it("gives the weak-password note's tips in it", async () => {
    const { browser } = session;
    const { page } = await visit(browser, session.https('doxy.me', '/signup'));
    await page.locator('#new-password').click();
    await page.keyboard.type('password123');
    const note = await pollUntil('the weak-password note', () => strengthNote(browser, page), (details) => details.findings.includes('WEAK_PASSWORD'));
    expect(note.lang).toBe(expected.lang);
    expect(note.text).toContain(expected.weakPasswordTip);
    await page.close();
  });
});
