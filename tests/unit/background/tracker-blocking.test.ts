import { describe, expect, it, vi } from 'vitest';
import { builtInTrackerCatalog } from '../../../src/core/trackers/tracker-catalog';
import { trackerBlockRules } from '../../../src/core/trackers/blocking-rules';
import type { PageSignals } from '../../../src/core/signals/page-signals';
import { EXTENSION_ID, fake } from './fake-browser';

// The background as it runs in the worker, on the fake browser: the clinic's tracker "block".
vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fake.browser }));
await import('../../../src/background/index');
const state = await import('../../../src/background/allowlist-state');

const quiet: PageSignals = { isSecureContext: true, passwordFields: 0, forms: [], videoElements: 0, iframes: [] };

async function policyBecomes(policy: Record<string, unknown>): Promise<void> {
  fake.managed.policy = policy;
  fake.browser.storage.onChanged.fire({}, 'managed');
  await vi.waitFor(() => {
    expect(state.getPolicy().policy.actions.trackers).toBe((policy.actions as { trackers?: string } | undefined)?.trackers ?? 'warn');
  });
}

async function pageReports(tabId: number, url: string): Promise<void> {
  fake.openTabs.set(tabId, { id: tabId, url });
  const [reply] = fake.browser.runtime.onMessage.fire({ type: 'page-signals', signals: quiet, reading: 1 }, { id: EXTENSION_ID, url, frameId: 0, tab: { id: tabId, url } });
  await reply;
}

const dynamicRules = () => [...fake.rules.dynamic.values()];
const sessionTabs = () => [...fake.rules.session.values()][0]?.condition.tabIds ?? [];

describe('tracker block rules', () => {
  it('block host endpoints in one rule and each path endpoint on a segment boundary, third-party only, never the page itself', () => {
    const rules = trackerBlockRules(builtInTrackerCatalog(), { tabIds: [4] }, 100);
    expect(rules[0]!.condition).toMatchObject({ domainType: 'thirdParty', excludedResourceTypes: ['main_frame'], tabIds: [4] });
    expect(rules[0]!.condition.requestDomains).toContain('static.hotjar.com');
    const blocks = (url: string) => rules.some((rule) => rule.condition.regexFilter !== undefined && new RegExp(rule.condition.regexFilter).test(url));
    expect(blocks('https://www.facebook.com/tr/?id=1&ev=PageView')).toBe(true);
    expect(blocks('https://www.facebook.com:8443/tr?id=1')).toBe(true);
    expect(blocks('https://www.facebook.com./tr?id=1')).toBe(true);
    expect(blocks('https://connect.facebook.net/en_US/fbevents.js')).toBe(true);
    expect(blocks('https://www.facebook.com/track')).toBe(false);
    expect(blocks('https://www.facebook.com/')).toBe(false);
    expect(blocks('https://notwww.facebook.com/tr')).toBe(false);
    expect(blocks('https://evil.example/www.facebook.com/tr')).toBe(false);
    expect(blocks('https://connect.facebook.net/fbevents.js')).toBe(false);
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
    expect(rules.every((rule) => rule.id >= 100)).toBe(true);
  });
});

describe("the clinic's tracker action in the background", () => {
  it('under "block", blocks for every listed domain at once, and for each telehealth tab from its verdict; under "warn", no rule is left', async () => {
    fake.reset();
    await policyBecomes({ actions: { trackers: 'block' } });
    await vi.waitFor(() => {
      expect(dynamicRules().length).toBeGreaterThan(1);
    });
    expect(dynamicRules()[0]!.condition.initiatorDomains).toEqual(expect.arrayContaining(['doxy.me', 'zoom.us']));

    await pageReports(301, 'https://d0xy.me/intake');
    await pageReports(302, 'https://news.example.org/');
    await pageReports(303, 'https://clinic.doxy.me/room');
    await vi.waitFor(() => {
      expect(sessionTabs()).toEqual([301, 303]);
    });
    fake.browser.tabs.onRemoved.fire(301);
    await vi.waitFor(() => {
      expect(sessionTabs()).toEqual([303]);
    });

    await policyBecomes({ actions: { trackers: 'warn' } });
    await vi.waitFor(() => {
      expect(dynamicRules()).toEqual([]);
      expect([...fake.rules.session.values()]).toEqual([]);
    });
    await pageReports(304, 'https://doxy.me/');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect([...fake.rules.session.values()]).toEqual([]);
  });

  it('under "off", keeps nothing of tracker requests', async () => {
    await policyBecomes({ actions: { trackers: 'off' } });
    await pageReports(305, 'https://doxy.me/intake');
    fake.browser.webRequest.onBeforeRequest.fire({ requestId: 'off-1', tabId: 305, frameId: 0, parentFrameId: -1, type: 'image', url: 'https://www.facebook.com/tr?id=1' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const state = fake.session.get('tab:305') as { trackers?: { sightings: unknown[] }; verdict: { findings: { code: string }[] } };
    expect(state.trackers?.sightings ?? []).toEqual([]);
    expect(state.verdict.findings.map((finding) => finding.code)).toEqual(['VERIFIED_PLATFORM']);
    await policyBecomes({ actions: {} });
  });
});
