import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../demo/browser';
import { visit } from '../../demo/visit';
import { pollUntil } from '../../demo/wait';
import { addUserDomain, readAdminNote, readOptions } from './admin-pages';
import { usePolicyFile, waitForPolicyRead } from './admin-policy-file';
import { BASE_POLICY as BASE, CLINIC, PORTAL } from './clinic-policy-values';
import { useE2eSession } from './session';

/** Which list verified the tab's page, as the background stored it. */
async function listedBy(browser: ExtensionBrowser, tabId: number): Promise<string | undefined> {
  return (await browser.worker()).evaluate(async (id) => {
    const state = (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as { verdict: { platform?: { listedBy: string } } } | undefined;
    return state?.verdict.platform?.listedBy;
  }, tabId);
}

/** Rewrites the policy file and measures how long until the open tab's badge shows `badge`, with no reload. */
async function policyChangeLatency(browser: ExtensionBrowser, tabId: number, badge: string, write: () => void): Promise<number> {
  const start = Date.now();
  write();
  await pollUntil(`the badge of tab ${tabId} to become "${badge}" after the policy change`, () => browser.badgeText(tabId), (text) => text === badge, {
    timeoutMs: 30_000,
    intervalMs: 100,
  });
  return Date.now() - start;
}


describe('the admin policy from /etc/chromium/policies/managed, in real Chromium', () => {
  // Written before the browser starts (the file's afterAll removes it, pass or fail).
  const policy = usePolicyFile('telehealth-guard-e2e-policy');
  beforeAll(() => {
    policy.write(BASE);
  });
  const session = useE2eSession();
  const latencies: number[] = [];
  afterAll(() => {
    if (latencies.length > 0) console.log(`policy file change → new verdict on an open tab, ms: ${latencies.join(', ')}`);
  });
  const url = (host: string): string => `https://${host}:${session.servers.httpsPort}/`;

  it("verifies the clinic's domain the policy adds, and the popup names the clinic", async () => {
    const { browser } = session;
    console.log(`policy in use ${await waitForPolicyRead(browser, Date.now())} ms after the browser was up`);
    const { tabId, state } = await visit(browser, url(CLINIC.domain), { until: (s) => s.level === 'verified' });
    expect(state.findings).toEqual(['VERIFIED_PLATFORM']);
    expect(await listedBy(browser, tabId)).toBe('policy');
    expect(await browser.badgeText(tabId)).toBe('✓');
    const note = await readAdminNote(browser.context, browser.extensionId, tabId);
    expect(note.managedBy).toBe('Example Family Clinic');
    expect(note.text).toContain('Managed by Example Family Clinic · contact it-help@example-clinic.org');
  });

  it('reports each invalid policy value with its path, in the options page and the popup, and applies the rest', async () => {
    const { browser } = session;
    const options = await pollUntil('the policy problems on the options page', () => readOptions(browser.context, browser.extensionId), (o) => o.problems.length > 0);
    expect([...options.problems].sort()).toEqual(['refreshHours', 'remoteAllowlistKeys[0]', 'remoteAllowlistUrl']);
    expect(options.managedBy).toBe('Example Family Clinic');
    // allowlistMode 7 never arrived (Chrome dropped it): "add", so the catalog stays.
    expect(options.sources).toEqual(['catalog', 'policy']);
    const { tabId } = await visit(browser, 'https://doxy.me:' + String(session.servers.httpsPort) + '/dr-smith', { until: (s) => s.level === 'verified' });
    const note = await readAdminNote(browser.context, browser.extensionId, tabId);
    expect(note.problems).toBe(3);
    expect(note.text).toContain('remoteAllowlistUrl');
  });

  it('applies a policy change while the browser runs, to a tab already open, without a restart or reload', async () => {
    const { browser } = session;
    const { page, tabId, state } = await visit(browser, url(PORTAL.domain));
    expect(state.level).toBe('neutral');
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    latencies.push(
      await policyChangeLatency(browser, tabId, '✓', () => {
        policy.write({ ...BASE, allowlist: [CLINIC, PORTAL] });
      }),
    );
    expect((await browser.tabState(tabId)).level).toBe('verified');
    expect(await listedBy(browser, tabId)).toBe('policy');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  it("counts the user's own domain, refuses look-alikes and listed ones, and stops counting it when the policy locks the list", async () => {
    const { browser } = session;
    const own = 'my-own-clinic.example.net';
    expect(await addUserDomain(browser.context, browser.extensionId, own)).toBeUndefined();
    expect(await addUserDomain(browser.context, browser.extensionId, 'd0xy.me')).toContain('looks like doxy.me');
    expect(await addUserDomain(browser.context, browser.extensionId, `https://${CLINIC.domain}/room`)).toContain('already verified');
    const { tabId } = await visit(browser, url(own), { until: (s) => s.level === 'verified' });
    expect(await listedBy(browser, tabId)).toBe('user');

    latencies.push(
      await policyChangeLatency(browser, tabId, '', () => {
        policy.write({ ...BASE, allowlist: [CLINIC, PORTAL], lockUserAllowlist: true });
      }),
    );
    expect((await browser.tabState(tabId)).level).toBe('neutral');
    const options = await readOptions(browser.context, browser.extensionId);
    expect(options.userLocked).toBe(true);
    expect(options.userDomains).toEqual([{ domain: own, counted: false }]);
  });
});
