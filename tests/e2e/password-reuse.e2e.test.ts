import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { visit, waitForPopup } from '../../demo/visit';
import { pollUntil } from '../../demo/wait';
import { dumpExtensionStorage, PORTAL_PASSWORD, protectedSince, signInWithKeyboard, storedProtection, typedWithoutAlert, workerRequests } from './password-helpers';
import { useE2eSession } from './session';

/** Forms of the password a store must not hold: itself, its SHA-1 and SHA-256 digests, in hex and base64. */
function forbiddenForms(password: string): string[] {
  const digests = ['sha1', 'sha256'].map((algorithm) => createHash(algorithm).update(password).digest());
  return [password, Buffer.from(password).toString('base64'), ...digests.flatMap((digest) => [digest.toString('hex'), digest.toString('base64')])];
}

describe('reused portal passwords, in real Chromium with the keyboard', () => {
  const session = useE2eSession();
  const keystrokeToWarning: number[] = [];

  /** A dump of every storage area holds the fingerprints, and neither the password nor a plain digest of it. */
  async function expectNoPasswordStored(): Promise<string> {
    const dump = await dumpExtensionStorage(session.browser);
    expect(dump).toContain('protectedPasswords');
    for (const form of forbiddenForms(PORTAL_PASSWORD)) expect(dump).not.toContain(form);
    return dump;
  }

  it('protects the password a patient signs in with on a verified platform', async () => {
    const { browser } = session;
    const since = Date.now();
    const { page } = await visit(browser, session.https('doxy.me', '/login'));
    await signInWithKeyboard(page, PORTAL_PASSWORD);
    const stored = await protectedSince(browser, 'doxy.me', since);
    const platform = stored!.platforms.find((kept) => kept.domain === 'doxy.me')!;
    expect(platform.name).toBe('Doxy.me');
    expect(platform.fingerprint).toMatch(/^[0-9a-f]{8}$/);
    expect(stored!.bits).toBe(32);
    expect(stored!.iterations).toBe(600_000);
    await page.close();
  });

  it('warns when the same password is typed on an ordinary site, before the field is left, in the page and the popup', async () => {
    const { browser } = session;
    const { page, tabId, state } = await visit(browser, session.https('shop.example-store.com', '/login'));
    expect(state.level).toBe('neutral');
    await page.locator('input[type="password"]').click();
    await page.keyboard.type(PORTAL_PASSWORD);
    const typed = Date.now();
    const alert = await pollUntil('the reuse alert', () => browser.alertDetails(page), (details) => details.findings.includes('PASSWORD_REUSE'), { intervalMs: 10 });
    keystrokeToWarning.push(Date.now() - typed);
    expect(alert.shadowRootType).toBe('closed');
    // The warning came before the user left the field: it took the focus from there (to stop
    // the typing), and Escape gives it back to the field.
    await pollUntil('the alert to take the focus', () => page.evaluate(() => document.activeElement?.tagName), (tag) => tag === 'TELEHEALTH-GUARD-ALERT');
    await page.keyboard.press('Escape');
    await pollUntil('the focus back in the field', () => page.evaluate(() => document.activeElement?.getAttribute('type')), (type) => type === 'password');
    const popup = await waitForPopup(browser, tabId, 'PASSWORD_REUSE in the popup', (s) => s.findings.includes('PASSWORD_REUSE'));
    expect(popup.level).toBe('caution');
    // The tab's stored verdict holds the finding, and nothing of the password.
    expect(await expectNoPasswordStored()).toContain('PASSWORD_REUSE');
    await page.close();
  });

  it('says nothing for a different password on the same site', async () => {
    const { browser } = session;
    const { page, quiet } = await typedWithoutAlert(browser, session.https('shop.example-store.com', '/login'), 'another-password-entirely');
    expect(quiet).toBe(true);
    await page.close();
  });

  it("says nothing for the same password on the same platform's other subdomain", async () => {
    const { browser } = session;
    const { page, tabId, quiet } = await typedWithoutAlert(browser, session.https('clinic.doxy.me', '/login'), PORTAL_PASSWORD);
    expect(quiet).toBe(true);
    expect((await browser.tabState(tabId)).findings).not.toContain('PASSWORD_REUSE');
    await page.close();
  });

  it('still warns when the page submits the form by script, with the focus still in the field', async () => {
    const { browser } = session;
    const { page, tabId } = await visit(browser, session.https('shop.example-store.com', '/quick-login'));
    await page.locator('input[type="password"]').click();
    await page.keyboard.type(PORTAL_PASSWORD);
    // The page sends the form 300 ms after the last key (form.submit(): no submit event, no blur).
    await page.waitForURL(/\/welcome$/);
    await pollUntil('the reuse alert after the script submit', () => browser.alertDetails(page), (details) => details.findings.includes('PASSWORD_REUSE'));
    const popup = await waitForPopup(browser, tabId, 'PASSWORD_REUSE in the popup', (s) => s.findings.includes('PASSWORD_REUSE'));
    expect(popup.level).toBe('caution');
    await page.close();
  });

  it('lists the protected platform on the options page with its date, and forgets it there', async () => {
    const { browser } = session;
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    const item = options.locator('[data-protected="doxy.me"]');
    await item.waitFor();
    expect(await item.innerText()).toContain('Doxy.me (doxy.me), since you signed in on');
    await item.getByRole('button', { name: 'Forget' }).click();
    await options.locator('[data-protected-none]').waitFor();
    expect((await storedProtection(browser))?.platforms).toEqual([]);
    await options.close();

    // Forgotten: the same password on the shop is nothing now.
    const { page, quiet } = await typedWithoutAlert(browser, session.https('shop.example-store.com', '/login'), PORTAL_PASSWORD);
    expect(quiet).toBe(true);
    await page.close();
  });

  it("shows how to turn on two-step sign-in on a verified platform's sign-in page where it is optional", async () => {
    const { browser } = session;
    const { tabId } = await visit(browser, session.https('secure.simplepractice.com', '/login'));
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?tab=${tabId}`);
    const line = popup.locator('[data-mfa="optional"]');
    await line.waitFor();
    expect(await line.innerText()).toContain('Turn on two-step sign-in for your SimplePractice (Telehealth) account');
    expect(await popup.locator('[data-mfa-help]').getAttribute('href')).toMatch(/^https:\/\/support\.simplepractice\.com\//);
    await popup.close();
  });

  it('keeps neither the password nor a plain digest of it in any storage area, and makes no request of its own', async () => {
    const { browser } = session;
    await expectNoPasswordStored();
    expect((await workerRequests(browser)).filter((url) => /^https?:/.test(url))).toEqual([]);
    // Every host name resolves to the demo servers here: whatever left the browser reached them.
    // Only the pages visited were asked for, and no address carries the password or a digest of it.
    const visited = ['doxy.me', 'shop.example-store.com', 'clinic.doxy.me', 'secure.simplepractice.com'];
    for (const request of session.servers.requests) {
      expect(visited).toContain(request.host.replace(/:\d+$/, ''));
      for (const form of forbiddenForms(PORTAL_PASSWORD)) expect(decodeURIComponent(request.path)).not.toContain(form);
    }
    console.log(`last keystroke → reuse warning in the page, ms: ${keystrokeToWarning.join(', ')}`);
  });
});
