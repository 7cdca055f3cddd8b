import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, type FirefoxExtensionBrowser } from '../../demo/firefox-browser';
import type { ExtensionGlobal } from '../../demo/firefox-extension-page';
import { pollUntil } from '../../demo/wait';
import { popupShows } from './firefox-guard-helpers';
import { useFirefoxPolicyFile } from './firefox-policy-file';
import { useFirefoxSession } from './firefox-session';
import { BASE_POLICY as BASE, CLINIC, PORTAL } from '../e2e/clinic-policy-values';


/** Which list verified the tab's page, as the background stored it. */
function listedBy(firefox: FirefoxExtensionBrowser, tabId: number): Promise<string | undefined> {
  return firefox.inExtension(async (id) => {
    const key = `tab:${id}`;
    const state = (await (globalThis as unknown as ExtensionGlobal).browser.storage.session.get(key))[key] as { verdict: { platform?: { listedBy: string } } } | undefined;
    return state?.verdict.platform?.listedBy;
  }, tabId);
}

async function openTab(firefox: FirefoxExtensionBrowser, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await firefox.newPage();
  await page.goto(url);
  return { page, tabId: await firefox.tabIdFor(page) };
}

/**
 * The admin's policy from Firefox's policies.json ("3rdparty" → "Extensions" → the add-on ID),
 * in real Firefox ESR. Firefox reads the file when it starts and has no storage.managed
 * onChanged: a changed policy applies at the browser's next start (docs/admin.md).
 */
describe('the admin policy from policies.json, in real Firefox ESR', () => {
  const policy = useFirefoxPolicyFile();
  beforeAll(() => {
    policy.write(BASE);
  });
  const session = useFirefoxSession();
  const url = (host: string): string => `https://${host}:${session.servers.httpsPort}/`;

  it("verifies the clinic's domain the policy adds, and the popup names the clinic", async () => {
    const { firefox } = session;
    const { page, tabId } = await openTab(firefox, url(CLINIC.domain));
    try {
      await popupShows(firefox, tabId, 'verified', ['VERIFIED_PLATFORM'], 30_000);
      expect(await listedBy(firefox, tabId)).toBe('policy');
      expect(await firefox.badgeText(tabId)).toBe('✓');
      const popup = await firefox.extensionPage(`src/popup/index.html?tab=${tabId}`);
      try {
        const note = await pollUntil(
          'the admin note in the popup',
          () => popup.page.evaluate(() => document.querySelector<HTMLElement>('[data-admin-note]')?.innerText ?? ''),
          (text) => text !== '',
        );
        expect(note).toContain('Managed by Example Family Clinic · contact it-help@example-clinic.org');
      } finally {
        await popup.close();
      }
    } finally {
      await page.close();
    }
  });

  it('refuses each invalid value with its path on the options page, the wrong type Firefox let through among them, and applies the rest', async () => {
    const { firefox } = session;
    const options = await firefox.extensionPage('src/options/index.html');
    try {
      const read = () =>
        options.page.evaluate(() => ({
          problems: [...document.querySelectorAll('[data-policy-problem]')].map((node) => node.getAttribute('data-policy-problem') ?? '').sort(),
          managedBy: document.querySelector('[data-policy] [data-managed-by]')?.getAttribute('data-managed-by'),
          sources: document.querySelector('[data-sources]')?.getAttribute('data-sources'),
        }));
      const shown = await pollUntil('the policy problems on the options page', read, (found) => found.problems.length > 0);
      expect(shown.problems).toEqual(['allowlistMode', 'refreshHours', 'remoteAllowlistKeys[0]', 'remoteAllowlistUrl']);
      expect(shown.managedBy).toBe('Example Family Clinic');
      // allowlistMode fell back to "add": the catalog stays beside the policy's list.
      expect(shown.sources?.split(' ')).toEqual(['catalog', 'policy']);
    } finally {
      await options.close();
    }
  });

  it('applies a changed policies.json at the next start of Firefox, not while it runs (no storage.managed onChanged)', async () => {
    policy.write({ ...BASE, allowlist: [CLINIC, PORTAL] });
    // Longer than Chromium takes to apply a changed policy file (about 5 s).
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const running = await openTab(session.firefox, url(PORTAL.domain));
    const before = await pollUntil('the verdict in the running browser', () => session.firefox.tabState(running.tabId), (state) => state.hasPageSignals);
    expect(before.level).not.toBe('verified');
    expect(await listedBy(session.firefox, running.tabId)).toBeUndefined();
    await running.page.close();

    const restarted = await launchFirefoxWithExtension();
    try {
      const { page, tabId } = await openTab(restarted, url(PORTAL.domain));
      await popupShows(restarted, tabId, 'verified', ['VERIFIED_PLATFORM'], 30_000);
      expect(await listedBy(restarted, tabId)).toBe('policy');
      await page.close();
    } finally {
      await restarted.close();
    }
  });
});
