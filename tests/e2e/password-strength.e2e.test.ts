import { describe, expect, it } from 'vitest';
import { visit, waitForPopup } from '../../demo/visit';
import { pollUntil, staysFalse } from '../../demo/wait';
import { extensionWorldHas, strengthNote } from './password-helpers';
import { useE2eSession } from './session';

describe('weak new passwords on a verified sign-up form, in real Chromium with the keyboard', () => {
  const session = useE2eSession();

  it('rates "password123" as weak beside the field and in the popup, and takes it back once the password is strong', async () => {
    const { browser } = session;
    const { page, tabId } = await visit(browser, session.https('doxy.me', '/signup'));
    expect(await extensionWorldHas(browser, page, 'telehealthGuardRater')).toBe(false);
    await page.locator('#new-password').click();
    await page.keyboard.type('password123');
    const note = await pollUntil('the weak-password note', () => strengthNote(browser, page), (details) => details.findings.includes('WEAK_PASSWORD'));
    expect(note.shadowRootType).toBe('closed');
    const popup = await waitForPopup(browser, tabId, 'WEAK_PASSWORD in the popup', (s) => s.findings.includes('WEAK_PASSWORD'));
    expect(popup.level).toBe('caution');
    // The alert stays away: the note beside the field says it.
    expect(await browser.alertPresent(page)).toBe(false);
    expect(await extensionWorldHas(browser, page, 'telehealthGuardRater')).toBe(true);

    await page.keyboard.press('Control+A');
    await page.keyboard.type('Riverbank-Sunday-42');
    await pollUntil('the note to go', () => strengthNote(browser, page), (details) => !details.present);
    const after = await waitForPopup(browser, tabId, 'WEAK_PASSWORD gone from the popup', (s) => !s.findings.includes('WEAK_PASSWORD'));
    expect(after.level).toBe('verified');
    await page.close();
  });

  it('never loads the rater on an ordinary site, sign-up form or not', async () => {
    const { browser } = session;
    const { page } = await visit(browser, session.https('shop.example-store.com', '/signup'));
    await page.locator('#new-password').click();
    await page.keyboard.type('password123');
    expect(await staysFalse(async () => (await strengthNote(browser, page)).present, 1_500)).toBe(true);
    expect(await extensionWorldHas(browser, page, 'telehealthGuardRater')).toBe(false);
    await page.close();
  });
});
