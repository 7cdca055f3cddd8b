import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../demo/browser';
import { startDemoServers, type DemoServers } from '../../demo/server';
import { visit, waitForPopup } from '../../demo/visit';
import { pollUntil } from '../../demo/wait';
import { startListServer, type ListServer } from './admin-list-server';
import { checkListNow, readAdminNote, readOptions, type OptionsState } from './admin-pages';
import { usePolicyFile, waitForPolicyRead } from './admin-policy-file';
import { inDays, inSeconds, makeSigner, type ListSigner } from './admin-signed-lists';

const VISITS = { domain: 'visits.example-health.net', name: 'Example Health video visits' };
const CHECKUP = { domain: 'checkup.example-health.net', name: 'Example Health check-ups' };
const LIST = '/thg/clinic.json';

/** Which list verified the tab's page, as the background stored it. */
async function listedBy(browser: ExtensionBrowser, tabId: number): Promise<string | undefined> {
  return (await browser.worker()).evaluate(async (id) => {
    const state = (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as { verdict: { platform?: { listedBy: string } } } | undefined;
    return state?.verdict.platform?.listedBy;
  }, tabId);
}

describe('a signed remote list from an https server, in real Chromium', () => {
  const policy = usePolicyFile('telehealth-guard-e2e-remote-list');
  const profileDir = mkdtempSync(join(tmpdir(), 'thg-admin-profile-'));
  let signer: ListSigner;
  let lists: ListServer;
  let demo: DemoServers | undefined;
  let current: ExtensionBrowser | undefined;
  /** Read inside tests, after beforeAll: a failed start fails each test with its reason. */
  const live = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} did not start`);
    return value;
  };

  /** Publishes a list and its signature, as the admin uploads both files. */
  async function publish(list: { version: number; expires: string; entries: { domain: string; name: string }[] }): Promise<Uint8Array> {
    const { bytes, sig } = await signer.sign(list);
    lists.set(LIST, bytes);
    lists.set(`${LIST}.sig`, sig);
    return bytes;
  }
  const browser = (): ExtensionBrowser => live(current, 'Chromium with the extension');
  const url = (host: string): string => `https://${host}:${live(demo, 'the demo servers').httpsPort}/`;
  const options = (): Promise<OptionsState> => readOptions(browser().context, browser().extensionId);
  const checkNow = (): Promise<OptionsState> => checkListNow(browser().context, browser().extensionId);

  beforeAll(async () => {
    signer = await makeSigner();
    lists = await startListServer();
    await publish({ version: 1, expires: inDays(90), entries: [VISITS] });
    policy.write({
      clinicName: 'Example Health',
      supportContact: 'it@example-health.net',
      remoteAllowlistUrl: lists.url(LIST),
      remoteAllowlistKeys: [signer.publicKey],
      refreshHours: 24,
    });
    demo = await startDemoServers();
    current = await launchExtensionBrowser({ profileDir });
  });
  afterAll(async () => {
    await current?.close();
    await demo?.close();
    await lists.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('fetches the list at start-up, checks its signature and verifies its sites', async () => {
    await waitForPolicyRead(browser(), Date.now());
    const shown = await pollUntil('the list in force on the options page', options, (o) => o.listVersion === '1', { intervalMs: 500 });
    expect(shown.lastFailureReason).toBe('');
    expect(Number(shown.lastSuccessAt)).toBeGreaterThan(0);
    expect(shown.sources).toEqual(['catalog', 'remote']);
    const { page, tabId, state } = await visit(browser(), url(VISITS.domain), { until: (s) => s.level === 'verified' });
    expect(state.findings).toEqual(['VERIFIED_PLATFORM']);
    expect(await listedBy(browser(), tabId)).toBe('remote');
    await page.close();
    // The list, then its signature. Chromium counts the content scripts' match patterns as
    // host access, so these are no CORS requests (no Origin, no preflight) in Chromium.
    expect(lists.requests.slice(0, 2).map((request) => [request.method, request.path, request.status])).toEqual([
      ['GET', LIST, 200],
      ['GET', `${LIST}.sig`, 200],
    ]);
  });

  it('asks again with If-None-Match, and an unchanged list (304) counts as a success', async () => {
    const before = await options();
    const after = await checkNow();
    const last = lists.requests.filter((request) => request.method === 'GET').at(-1)!;
    expect(last).toMatchObject({ path: LIST, status: 304 });
    expect(last.ifNoneMatch).toMatch(/^".+"$/);
    expect(Number(after.lastSuccessAt)).toBeGreaterThan(Number(before.lastSuccessAt));
    expect(after.lastFailureReason).toBe('');
  });

  it.each<[string, () => Promise<void>, string]>([
    [
      'a tampered list (changed after signing)',
      async () => {
        const bytes = await publish({ version: 2, expires: inDays(90), entries: [VISITS] });
        lists.set(LIST, new TextEncoder().encode(new TextDecoder().decode(bytes).replace(VISITS.domain, 'visits.evil-example.net')));
      },
      'signature-mismatch',
    ],
    [
      'a list signed by a key the policy does not name',
      async () => {
        const other = await makeSigner();
        const { bytes, sig } = await other.sign({ version: 2, expires: inDays(90), entries: [VISITS] });
        lists.set(LIST, bytes);
        lists.set(`${LIST}.sig`, sig);
      },
      'signature-mismatch',
    ],
    [
      'a .sig that is no signature',
      async () => {
        await publish({ version: 2, expires: inDays(90), entries: [VISITS] });
        lists.set(`${LIST}.sig`, 'this is not a signature\n');
      },
      'bad-signature-format',
    ],
    [
      'an older version, correctly signed',
      async () => {
        await publish({ version: 0, expires: inDays(90), entries: [VISITS, { domain: 'old.example-health.net', name: 'Old' }] });
      },
      'rollback',
    ],
    [
      'an expired list, correctly signed',
      async () => {
        await publish({ version: 3, expires: inDays(-1), entries: [VISITS] });
      },
      'expired',
    ],
    [
      'a list over the size cap',
      async () => {
        await publish({ version: 4, expires: inDays(90), entries: [VISITS, { domain: 'big.example-health.net', name: 'x'.repeat(1_100_000) }] });
      },
      'too-large',
    ],
    [
      'a server error',
      () => {
        lists.failWith(503);
        return Promise.resolve();
      },
      'http-error',
    ],
  ])('rejects %s, keeps the last good list and shows why', async (_name, serve, reason) => {
    const before = await options();
    try {
      await serve();
      const after = await checkNow();
      expect(after.lastFailureReason).toBe(reason);
      expect(after.lastFailureText).toContain(reason);
      expect(after.listVersion).toBe('1');
      expect(after.lastSuccessAt).toBe(before.lastSuccessAt);
    } finally {
      lists.failWith(undefined);
    }
    const { page, tabId } = await visit(browser(), url(VISITS.domain), { until: (s) => s.level === 'verified' });
    expect(await listedBy(browser(), tabId)).toBe('remote');
    await page.close();
  });

  it('applies a newer list to a tab already open, without a reload', async () => {
    const { page, tabId, state } = await visit(browser(), url(CHECKUP.domain));
    expect(state.level).toBe('neutral');
    await publish({ version: 5, expires: inDays(90), entries: [VISITS, CHECKUP] });
    const shown = await checkNow();
    expect(shown.listVersion).toBe('5');
    await pollUntil('the badge to show ✓', () => browser().badgeText(tabId), (text) => text === '✓');
    expect((await browser().tabState(tabId)).level).toBe('verified');
    await page.close();
  });

  it('keeps the list through a service worker restart and a browser restart, with the server down', async () => {
    lists.failWith(503);
    try {
      await browser().stopServiceWorker();
      const afterWorker = await visit(browser(), url(VISITS.domain), { until: (s) => s.level === 'verified' });
      expect(await listedBy(browser(), afterWorker.tabId)).toBe('remote');
      await afterWorker.page.close();

      await browser().close();
      current = await launchExtensionBrowser({ profileDir });
      // The stored list is in force before the network (down) is asked anything.
      const afterBrowser = await visit(browser(), url(CHECKUP.domain), { until: (s) => s.level === 'verified' });
      expect(await listedBy(browser(), afterBrowser.tabId)).toBe('remote');
      await afterBrowser.page.close();
      // At start-up the browser asks again (docs/admin.md): that fails, and says so.
      const shown = await pollUntil('the failed start-up check', options, (o) => o.lastFailureReason === 'http-error', { intervalMs: 500, timeoutMs: 30_000 });
      expect(shown.listVersion).toBe('5');
    } finally {
      lists.failWith(undefined);
    }
  });

  it('marks pages verified by the list ALLOWLIST_STALE (caution) once the list in force expires, and a fresh list clears it', async () => {
    const expires = inSeconds(8);
    await publish({ version: 6, expires, entries: [VISITS, CHECKUP] });
    expect((await checkNow()).listVersion).toBe('6');
    const { tabId } = await visit(browser(), url(VISITS.domain), { until: (s) => s.level === 'verified' });
    // No reload: the list's expiry alarm re-judges the open tab.
    const stale = await waitForPopup(browser(), tabId, 'ALLOWLIST_STALE', (s) => s.findings.includes('ALLOWLIST_STALE'), 60_000);
    console.log(`ALLOWLIST_STALE shown ${Date.now() - Date.parse(expires)} ms after the list expired`);
    expect(stale.level).toBe('caution');
    expect(stale.findings).toEqual(['VERIFIED_PLATFORM', 'ALLOWLIST_STALE']);
    expect((await readAdminNote(browser().context, browser().extensionId, tabId)).stale).toBe(true);
    expect((await options()).listVersion).toBe('6');

    await publish({ version: 7, expires: inDays(90), entries: [VISITS, CHECKUP] });
    expect((await checkNow()).listVersion).toBe('7');
    const fresh = await waitForPopup(browser(), tabId, 'the verdict without ALLOWLIST_STALE', (s) => !s.findings.includes('ALLOWLIST_STALE'));
    expect(fresh.level).toBe('verified');
  }, 90_000);
});
