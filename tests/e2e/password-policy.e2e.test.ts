import { beforeAll, describe, expect, it } from 'vitest';
import { visit, waitForPopup } from '../../demo/visit';
import { pollUntil, staysFalse } from '../../demo/wait';
import { usePolicyFile, waitForPolicyRead } from './admin-policy-file';
import { extensionWorldHas, PORTAL_PASSWORD, protectedSince, signInWithKeyboard, storedProtection, strengthNote, typedWithoutAlert } from './password-helpers';
import { useE2eSession } from './session';

const SSO = 'sso.example-clinic.org';

describe("the clinic's password policy, from the managed policy, in real Chromium", () => {
  // Written before the browser starts (the file's afterAll removes it, pass or fail).
  const policy = usePolicyFile('telehealth-guard-e2e-passwords');
  beforeAll(() => {
    policy.write({ clinicName: 'Example Family Clinic', passwordSignInDomains: [SSO] });
  });
  const session = useE2eSession();

  it("protects the password of the clinic's own sign-in domain, and names it when it is reused", async () => {
    const { browser } = session;
    await waitForPolicyRead(browser, Date.now());
    const since = Date.now();
    const { page: signIn } = await visit(browser, session.https(SSO, '/login'));
    await signInWithKeyboard(signIn, PORTAL_PASSWORD);
    const stored = await protectedSince(browser, SSO, since);
    expect(stored!.platforms.map((platform) => platform.name)).toEqual([SSO]);
    await signIn.close();

    const { page, tabId } = await visit(browser, session.https('shop.example-store.com', '/login'));
    await page.locator('input[type="password"]').click();
    await page.keyboard.type(PORTAL_PASSWORD);
    await pollUntil('the reuse alert', () => browser.alertDetails(page), (details) => details.findings.includes('PASSWORD_REUSE'));
    await waitForPopup(browser, tabId, 'PASSWORD_REUSE in the popup', (s) => s.findings.includes('PASSWORD_REUSE'));
    await page.close();

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await options.locator(`[data-sign-in-domains="${SSO}"]`).waitFor();
    await options.locator(`[data-protected="${SSO}"]`).waitFor();
    await options.close();
  });

  it('with passwordProtection "off", reads no password at all: no warning, no rating, nothing protected', async () => {
    const { browser } = session;
    policy.write({ clinicName: 'Example Family Clinic', passwordSignInDomains: [SSO], passwordProtection: 'off' });
    await pollUntil(
      'the extension to read passwordProtection "off"',
      async () => (await browser.worker()).evaluate(async () => JSON.stringify((await chrome.storage.local.get('managedPolicyCache'))['managedPolicyCache'])),
      (cached) => cached.includes('"passwordProtection":"off"'),
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await options.locator('[data-protection-off]').waitFor();
    await options.close();

    const { page, quiet } = await typedWithoutAlert(browser, session.https('shop.example-store.com', '/login'), PORTAL_PASSWORD);
    expect(quiet).toBe(true);
    await page.close();

    const { page: signUp } = await visit(browser, session.https('doxy.me', '/signup'));
    await signUp.locator('#new-password').click();
    await signUp.keyboard.type('password123');
    expect(await staysFalse(async () => (await strengthNote(browser, signUp)).present, 1_500)).toBe(true);
    expect(await extensionWorldHas(browser, signUp, 'telehealthGuardRater')).toBe(false);
    await signUp.close();

    const before = Date.now();
    const { page: signIn } = await visit(browser, session.https('doxy.me', '/login'));
    await signInWithKeyboard(signIn, 'a-new-portal-password-9');
    await signIn.waitForURL(/signed-in/);
    expect(await staysFalse(async () => (await storedProtection(browser))?.platforms.some((platform) => platform.at >= before) === true, 1_500)).toBe(true);
    await signIn.close();
  });
});
