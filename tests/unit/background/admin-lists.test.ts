import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeBase64, signListBytes } from '../../../src/core/lists/signed-list';
import type { PageSignals } from '../../../src/core/signals/page-signals';
import type { AdminStatus } from '../../../src/protocol/admin-messages';
import type { ExtensionPageMessage, Reply, TabState } from '../../../src/protocol/messages';
import { EXTENSION_ID, fake } from './fake-browser';

// The background as it runs in the worker, on the fake browser. Before it starts: a policy
// cached from an earlier run, and a browser that has not handed over the policy yet.
vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fake.browser }));
fake.local.set('managedPolicyCache', { clinicName: 'Cached Clinic', allowlist: [{ domain: 'cached.example-clinic.org', name: 'Cached' }] });
fake.managed.held = true;
await import('../../../src/background/index');
const state = await import('../../../src/background/allowlist-state');
const settings = await import('../../../src/background/policy-settings');
const { matchPlatform } = await import('../../../src/core/lists/allowlist');
const { parsePolicy } = await import('../../../src/core/lists/policy');

const quiet: PageSignals = { isSecureContext: true, passwordFields: 0, forms: [], videoElements: 0, iframes: [] };
const pageSender = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/src/options/index.html` };

async function ask<T>(message: ExtensionPageMessage): Promise<Reply<T>> {
  const [reply] = fake.browser.runtime.onMessage.fire(message, pageSender);
  return reply as Promise<Reply<T>>;
}
async function status(): Promise<AdminStatus> {
  const reply = await ask<AdminStatus>({ type: 'get-admin-status' });
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
async function pageReports(tabId: number, url: string): Promise<void> {
  fake.openTabs.set(tabId, { id: tabId, url });
  const [reply] = fake.browser.runtime.onMessage.fire({ type: 'page-signals', signals: quiet, reading: 1 }, { id: EXTENSION_ID, url, frameId: 0, tab: { id: tabId, url } });
  await reply;
}
/** The admin edits the policy; the browser says so. */
async function policyBecomes(policy: Record<string, unknown>): Promise<void> {
  fake.managed.policy = policy;
  fake.managed.held = false;
  fake.browser.storage.onChanged.fire({}, 'managed');
  await vi.waitFor(() => {
    expect(state.getPolicy()).toEqual(parsePolicy(policy));
  });
}
const stored = (tabId: number): TabState | undefined => fake.session.get(`tab:${tabId}`) as TabState | undefined;
const sourceOf = (host: string) => matchPlatform(state.getAllowlist(), host)?.platform.source;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('admin policy and lists in the background', () => {
  it('applies the policy cached last time at once, while storage.managed has not answered', async () => {
    await state.allowlistReady();
    expect(sourceOf('cached.example-clinic.org')).toBe('policy');
    expect(settings.getClinicInfo().clinicName).toBe('Cached Clinic');
  });

  describe('with the browser answering', () => {
    beforeEach(async () => {
      fake.reset();
      await policyBecomes({});
    });

    it('re-judges open tabs when the policy changes, so the badge follows without a reload', async () => {
      await pageReports(1, 'https://portal.example-clinic.org/');
      expect(stored(1)?.verdict.level).toBe('neutral');
      await policyBecomes({ allowlist: [{ domain: 'portal.example-clinic.org', name: 'Portal' }] });
      await vi.waitFor(() => {
        expect(fake.badges.get(1)?.text).toBe('✓');
      });
      expect(stored(1)?.verdict.platform?.listedBy).toBe('policy');
      // A new policy is kept for the next start.
      expect(fake.local.get('managedPolicyCache')).toEqual({ allowlist: [{ domain: 'portal.example-clinic.org', name: 'Portal' }] });
    });

    it("gives other code the policy's actions, clinic and contact through one module, defaults where unset or bad", async () => {
      expect(settings.getSettings()).toEqual({ passwordOnLookalike: 'warn', unknownVideoPlatform: 'warn', trackers: 'warn' });
      await policyBecomes({ clinicName: 'Example Clinic', supportContact: '+1 555 010 4477', actions: { unknownVideoPlatform: 'block', trackers: 'loud' } });
      expect(settings.getSettings()).toEqual({ passwordOnLookalike: 'warn', unknownVideoPlatform: 'block', trackers: 'warn' });
      expect(settings.getClinicInfo()).toEqual({ clinicName: 'Example Clinic', supportContact: '+1 555 010 4477', supportHref: 'tel:+15550104477' });
      expect((await status()).problems).toMatchObject([{ path: 'actions.trackers', message: expect.stringContaining('using "warn"') as unknown }]);
    });

    it("adds the user's own domain and stops counting it when the policy locks the list", async () => {
      const added = await ask<AdminStatus>({ type: 'add-user-domain', domain: 'https://visit.my-clinic.example.net/room' });
      expect(added.ok && added.value.user.domains).toEqual([{ domain: 'visit.my-clinic.example.net', counted: true }]);
      expect(sourceOf('visit.my-clinic.example.net')).toBe('user');

      await policyBecomes({ lockUserAllowlist: true });
      expect(sourceOf('visit.my-clinic.example.net')).toBeUndefined();
      expect((await status()).user).toEqual({ locked: true, domains: [expect.objectContaining({ domain: 'visit.my-clinic.example.net', counted: false })] });
      expect(await ask({ type: 'add-user-domain', domain: 'another.example.net' })).toEqual({ ok: false, error: expect.stringContaining('does not allow') as unknown });
      expect(await ask({ type: 'add-user-domain', domain: 'd0xy.me' })).toMatchObject({ ok: false });
    });

    it("applies the clinic's passwordOnLookalike action: block guards trusted sites too and refuses trust; off never guards", async () => {
      const LOOKALIKE = 'https://d0xy.me/login';
      const login: PageSignals = { ...quiet, passwordFields: 1, forms: [{ action: LOOKALIKE, method: 'post', hasPassword: true }] };
      const fromPage = (message: unknown) => {
        fake.openTabs.set(4, { id: 4, url: LOOKALIKE });
        const [reply] = fake.browser.runtime.onMessage.fire(message, { id: EXTENSION_ID, url: LOOKALIKE, frameId: 0, tab: { id: 4, url: LOOKALIKE } });
        return reply as Promise<Reply<{ guard: { site: string; locked?: true } | null }>>;
      };
      const guardNow = async () => {
        const reply = await fromPage({ type: 'page-signals', signals: login, reading: 1 });
        if (!reply.ok) throw new Error(reply.error);
        return reply.value.guard;
      };

      await policyBecomes({ actions: { passwordOnLookalike: 'warn' } });
      expect(await guardNow()).toMatchObject({ site: 'd0xy.me' });
      expect(await fromPage({ type: 'dismiss-lookalike-guard' })).toMatchObject({ ok: true });
      expect(await guardNow()).toBeNull();

      await policyBecomes({ actions: { passwordOnLookalike: 'block' } });
      expect(await guardNow()).toMatchObject({ site: 'd0xy.me', locked: true });
      expect(await fromPage({ type: 'dismiss-lookalike-guard' })).toEqual({ ok: false, error: expect.stringContaining('does not let users trust') as unknown });

      await policyBecomes({ actions: { passwordOnLookalike: 'off' } });
      expect(await guardNow()).toBeNull();
      expect(stored(4)?.verdict.level).toBe('danger');
    });

    it('fetches the signed list on demand; an expired one, with no list in force, verifies its sites with ALLOWLIST_STALE', async () => {
      const pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
      const publicKey = encodeBase64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
      const bytes = new TextEncoder().encode(JSON.stringify({ version: 1, expires: '2020-01-01T00:00:00Z', entries: [{ domain: 'visits.example-health.net', name: 'Visits' }] }));
      const sig = await signListBytes(bytes, pair.privateKey);
      vi.stubGlobal('fetch', (url: string) => Promise.resolve(new Response(url.endsWith('.sig') ? sig : bytes)));
      await pageReports(2, 'https://visits.example-health.net/');
      await policyBecomes({ clinicName: 'Example Health', remoteAllowlistUrl: 'https://lists.example-health.net/l.json', remoteAllowlistKeys: [publicKey] });

      const refreshed = await ask<AdminStatus>({ type: 'refresh-remote-list' });
      expect(refreshed.ok && refreshed.value.remote).toMatchObject({ inForce: { version: 1, expired: true }, lastFailure: { reason: 'expired' } });
      await vi.waitFor(() => {
        expect(stored(2)?.verdict.findings.map((f) => f.code)).toEqual(['VERIFIED_PLATFORM', 'ALLOWLIST_STALE']);
      });
      expect(stored(2)?.verdict.level).toBe('caution');
      expect(fake.badges.get(2)?.text).toBe('!');
      expect(fake.alarms.has('remote-list-refresh')).toBe(true);
    });
  });
});
