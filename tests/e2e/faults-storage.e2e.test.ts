import { afterEach, describe, expect, it } from 'vitest';
import { scenarioNamed } from '../../demo/scenarios';
import { pollUntil } from '../../demo/wait';
import { addUserDomain } from './admin-pages';
import { createWorkerControl, emptyStorageArea, fillStorageArea, overlayControlAttributes, overlayTexts, type StorageAreaName } from './fault-helpers';
import { keysHeardBy, overlayShows, SECRET } from './guard-helpers';
import { useE2eSession } from './session';

/*
 * The extension's storage areas filled to their quota (10 MB each in Chrome: storage.session,
 * and storage.local without unlimitedStorage), as another part of the extension, a bug, or a
 * long session could leave them. What the user is shown must stay right, and what could not
 * be saved must be said in plain words.
 */

const FULL_STORAGE = "Your browser's storage for extensions is full";

describe('storage full', () => {
  const session = useE2eSession();
  const filled = new Set<StorageAreaName>();

  const fill = async (area: StorageAreaName): Promise<void> => {
    filled.add(area);
    const { bytes, refusal } = await fillStorageArea(await session.browser.worker(), area);
    console.log(`storage.${area} filled with ${(bytes / 1048576).toFixed(2)} MB until the browser refused: ${refusal}`);
  };

  afterEach(async () => {
    for (const page of session.browser.context.pages().slice(1)) await page.close().catch(() => undefined);
    for (const area of filled) await emptyStorageArea(await session.browser.worker(), area);
    filled.clear();
  });

  it('storage.session full: the badge, the alert, the guard and the popup all say danger on the look-alike, also after the worker restarts', async () => {
    const { browser } = session;
    await fill('session');
    const page = await browser.context.newPage();
    await page.goto(scenarioNamed('lookalike-login').url(session.servers));
    const tabId = await browser.tabIdFor(page);

    expect(await pollUntil('the danger badge', () => browser.badgeText(tabId), (text) => text === '!!')).toBe('!!');
    const alert = await pollUntil('the danger alert', () => browser.alertDetails(page), (a) => a.findings.includes('PASSWORD_ON_LOOKALIKE'));
    expect(alert.findings).toEqual(expect.arrayContaining(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']));
    const popup = await browser.tabState(tabId);
    expect({ level: popup.level, hasPageSignals: popup.hasPageSignals }).toEqual({ level: 'danger', hasPageSignals: true });
    expect(popup.findings).toEqual(expect.arrayContaining(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']));
    // The store really was full: nothing of this tab could be written.
    expect(await browser.verdictStoredAt(tabId)).toBeUndefined();

    const field = page.locator('input[type="password"]');
    await field.click();
    await page.keyboard.type(SECRET);
    expect((await overlayShows(browser, page)).text).toContain('Go to doxy.me');
    await field.focus();
    await page.keyboard.type(SECRET);
    expect(await field.inputValue()).toBe('');
    expect(await keysHeardBy(page)).toEqual([]);

    // A new worker has nothing in memory and nothing stored: the popup has the page read again.
    const control = await createWorkerControl(browser);
    try {
      await control.stop();
    } finally {
      await control.close();
    }
    expect(await browser.isWorkerRunning()).toBe(false);
    const start = performance.now();
    const after = await browser.tabState(tabId);
    console.log(`storage.session full, worker restarted: the popup showed ${after.level} after ${Math.round(performance.now() - start)} ms`);
    expect({ level: after.level, hasPageSignals: after.hasPageSignals }).toEqual({ level: 'danger', hasPageSignals: true });
    expect(after.findings).toEqual(expect.arrayContaining(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']));
    expect(await browser.badgeText(tabId)).toBe('!!');
  });

  it('storage.local full: adding a site on the options page says so plainly', async () => {
    const { browser } = session;
    await fill('local');
    const refusal = await addUserDomain(browser.context, browser.extensionId, 'visit.example-clinic.org');
    expect(refusal).toBeDefined();
    expect(refusal!.startsWith(FULL_STORAGE)).toBe(true);
    expect(refusal).not.toMatch(/quota|kQuotaBytes|QUOTA_BYTES/i);
  });

  it('storage.local full: "I trust d0xy.me" says on the overlay that the choice was not saved, and the site stays guarded', async () => {
    const { browser } = session;
    const page = await browser.context.newPage();
    await page.goto(scenarioNamed('lookalike-login').url(session.servers));
    const tabId = await browser.tabIdFor(page);
    await pollUntil('the danger alert', () => browser.alertDetails(page), (a) => a.findings.includes('PASSWORD_ON_LOOKALIKE'));
    await fill('local');

    const field = page.locator('input[type="password"]');
    await field.click();
    await overlayShows(browser, page);
    // "I trust" counts only once it has been fully visible for a while (content/click-proof).
    const label = 'I trust d0xy.me';
    await pollUntil(
      'the trust button to be ready for a click',
      () => overlayControlAttributes(browser.context, page, label),
      (attributes) => attributes?.['data-proof-state'] === 'ready' || attributes?.['data-proof-state'] === 'untracked',
    );
    await browser.clickInOverlay(page, label);

    // The overlay on top (the last one: there should be one only, see faults-worker-stop's Close test).
    const texts = await pollUntil(
      'the overlay to say the choice was not saved',
      () => overlayTexts(browser.context, page),
      (all) => all.at(-1)?.includes(FULL_STORAGE) === true,
    ).catch(async (error: unknown) => {
      const attributes = await overlayControlAttributes(browser.context, page, label).catch(() => undefined);
      throw new Error(`${String(error)}; the trust button: ${JSON.stringify(attributes)}`);
    });
    const shown = texts.at(-1)!;
    expect(shown).toContain('your choice to trust d0xy.me was not saved');
    expect(shown).not.toMatch(/quota|kQuotaBytes|QUOTA_BYTES/i);

    // Not trusted: the popup lists no trusted site, and the field is still guarded.
    expect((await browser.tabState(tabId)).dismissals).toEqual([]);
    await field.focus();
    await page.keyboard.type(SECRET);
    expect(await field.inputValue()).toBe('');
    expect(await keysHeardBy(page)).toEqual([]);
    expect((await browser.overlayDetails(page)).present).toBe(true);
  });
});
