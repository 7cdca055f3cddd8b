import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../demo/browser';
import { alertOfKind, overlayDetails } from '../../demo/overlay-probe';
import { pollUntil, staysFalse } from '../../demo/wait';
import { readOptions } from './admin-pages';
import { usePolicyFile } from './admin-policy-file';
import { clickLikeAUser, keysHeardBy, overlayShows, typeIntoGuardedField } from './guard-helpers';
import { cameraPrompt, cameraState, popupShows } from './hostile-helpers';
import { useE2eSession } from './session';

const VIDEO_SITE = 'visits.example-telehealth.net';

/** An admin list that verifies whole public suffixes: each entry would cover every site under it. */
const SUFFIX_ENTRIES = [
  { domain: 'github.io', name: 'Our pages on GitHub' },
  { domain: 'co.uk', name: 'Our UK sites' },
  { domain: 'herokuapp.com', name: 'Our Heroku apps' },
];

const run = (page: Page, name: string): Promise<void> =>
  page.evaluate((fn) => {
    (window as unknown as Record<string, () => void>)[fn]!();
  }, name);

interface AppliedPolicy {
  clinicName?: string;
  actions?: { unknownVideoPlatform?: string };
}

/** The policy the extension last read (storage.local's cache of it), as the background applied it. */
async function appliedPolicy(browser: ExtensionBrowser): Promise<AppliedPolicy | undefined> {
  return (await browser.worker()).evaluate(async () => (await chrome.storage.local.get('managedPolicyCache'))['managedPolicyCache'] as AppliedPolicy | undefined);
}

/** This file's policy, told apart from any other by its clinic name. */
const CLINIC_NAME = 'Hostile pages test clinic';
const POLICY = { clinicName: CLINIC_NAME, allowlist: SUFFIX_ENTRIES, actions: { unknownVideoPlatform: 'block' } };
const isOurs = (applied: AppliedPolicy | undefined): boolean => applied?.clinicName === CLINIC_NAME && applied.actions?.unknownVideoPlatform === 'block';

/**
 * Under the clinic's policy: the camera "block" holds against every route a page takes to the
 * camera, the iframe gap included (the browser's own camera setting, which the extension sets
 * for the site); and an admin list that names a public suffix verifies nothing.
 *
 * This browser runs WITHOUT --use-fake-ui-for-media-stream: with that flag Chromium answers
 * every camera request yes and ignores content settings altogether, the extension's included,
 * and without it headless Chromium refuses every request it would ask the user about. So the
 * profile starts with the user's own "allow" for the video site's camera and microphone, as
 * if they had said yes to the browser's prompt before: written into Default/Preferences
 * (profile.content_settings.exceptions.media_stream_camera / media_stream_mic, setting 1 =
 * allow) before launch. Measured in Chromium 156: that allow opens the camera where nothing
 * else stands in the way, and a content setting the extension sets to "block" overrides it,
 * as it would a real user's. Playwright's context.grantPermissions() is no substitute: it is
 * a DevTools permission override, which wins over the extension's content setting too, so
 * the camera opened even under the block.
 *
 * The policy file is written mid-file (Chromium applies a change about 5 s later): the first
 * test runs without one.
 */
describe("hostile pages under the clinic's policy: camera block on every route, public-suffix list entries", () => {
  const policy = usePolicyFile('telehealth-guard-e2e-hostile');
  const session = useE2eSession(({ httpsPort }) => {
    const origin = `https://${VIDEO_SITE}:${httpsPort},*`;
    return {
      fakeMediaPrompt: false,
      preferences: {
        profile: { content_settings: { exceptions: { media_stream_camera: { [origin]: { setting: 1 } }, media_stream_mic: { [origin]: { setting: 1 } } } } },
      },
    };
  });

  /** The clinic's policy, written, and applied by the extension. */
  async function blockPolicyInForce(): Promise<void> {
    if (isOurs(await appliedPolicy(session.browser))) return;
    policy.write(POLICY);
    await pollUntil('the extension to apply the policy', () => appliedPolicy(session.browser), isOurs, { timeoutMs: 40_000, intervalMs: 250 });
  }

  it('without a policy ("warn"), the iframe gap opens the camera with no prompt of ours: the browser\'s own permission is all there is (a known gap, shown here so the next tests mean something)', async () => {
    const { browser } = session;
    const page = await browser.context.newPage();
    try {
      await page.goto(session.https(VIDEO_SITE, '/hostile/camera-gap'));
      await run(page, 'startCamera');
      await pollUntil('the camera to open through the frame', () => cameraState(page), (state) => state !== 'pending', { timeoutMs: 15_000 });
      expect(await cameraState(page)).toBe('granted');
      expect((await cameraPrompt(browser, page)).present).toBe(false);
    } finally {
      await page.close();
    }
  });

  it('reports each public-suffix entry of the admin list by its path on the options page', async () => {
    await blockPolicyInForce();
    const { browser } = session;
    const options = await pollUntil('the problems on the options page', () => readOptions(browser.context, browser.extensionId), (state) => state.problems.length >= 3);
    expect(options.problems).toEqual(expect.arrayContaining(['allowlist[0].domain', 'allowlist[1].domain', 'allowlist[2].domain']));
  });

  it('verifies no site under a listed public suffix: look-alikes on github.io, co.uk and herokuapp.com are dangers, and guarded', async () => {
    await blockPolicyInForce();
    const { browser } = session;
    const underSuffixes = async (host: string): Promise<void> => {
      const page = await browser.context.newPage();
      try {
        await page.goto(session.https(host, '/login'));
        const state = await popupShows(browser, await browser.tabIdFor(page), 'danger', ['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']);
        expect(state.findings, host).not.toContain('VERIFIED_PLATFORM');
      } finally {
        await page.close();
      }
    };
    await Promise.all([underSuffixes('d0xy.co.uk'), underSuffixes('d0xy.herokuapp.com')]);
    const page = await browser.context.newPage();
    try {
      await page.goto(session.https('d0xy.github.io', '/login'));
      const tabId = await browser.tabIdFor(page);
      const state = await popupShows(browser, tabId, 'danger', ['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']);
      expect(state.findings).toEqual(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']);
      expect(await browser.badgeText(tabId)).toBe('!!');
      const field = page.locator('input[type="password"]');
      await clickLikeAUser(field);
      expect((await overlayShows(browser, page)).text).toContain('Go to doxy.me');
      await typeIntoGuardedField(field);
      expect(await field.inputValue()).toBe('');
      expect(await keysHeardBy(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('under "block", the iframe gap is refused too: the browser\'s own camera setting for the site says no', async () => {
    await blockPolicyInForce();
    const { browser } = session;
    const page = await browser.context.newPage();
    try {
      await page.goto(session.https(VIDEO_SITE, '/hostile/camera-gap'));
      await run(page, 'startCamera');
      await pollUntil('an answer to the camera request', () => cameraState(page), (state) => state !== 'pending', { timeoutMs: 15_000 });
      expect(await cameraState(page)).toBe('denied:NotAllowedError');
    } finally {
      await page.close();
    }
  });

  const ROUTES = [
    { route: 'prototype', what: 'MediaDevices.prototype.getUserMedia taken before navigator was touched' },
    { route: 'iframe', what: "a fresh script-built iframe's getUserMedia" },
  ] as const;

  for (const { route, what } of ROUTES) {
    it(`under "block", ${what} is refused, with the blocked notice and no prompt`, async () => {
      await blockPolicyInForce();
      const { browser } = session;
      const page = await browser.context.newPage();
      try {
        await page.goto(session.https(VIDEO_SITE, `/hostile/camera-routes?route=${route}`));
        await run(page, 'startCamera');
        await pollUntil('an answer to the camera request', () => cameraState(page), (state) => state !== 'pending', { timeoutMs: 15_000 });
        expect(await cameraState(page)).toBe('denied:NotAllowedError');
        const notice = await pollUntil('the blocked notice', () => overlayDetails(browser.context, page, alertOfKind('camera-blocked')), (details) => details.present);
        expect(notice.text).toContain('The camera stays off on this site');
        expect(await staysFalse(async () => (await cameraPrompt(browser, page)).present)).toBe(true);
        expect(await cameraState(page)).toBe('denied:NotAllowedError');
      } finally {
        await page.close();
      }
    });
  }
});
