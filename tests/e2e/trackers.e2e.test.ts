import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { alertOfKind, clickInOverlay, overlayDetails } from '../../demo/overlay-probe';
import { pollUntil, staysFalse } from '../../demo/wait';
import { visit } from '../../demo/visit';
import { FORM_FRAME_HOST, ORDINARY_TRACKED_HOSTS } from '../../demo/tracker-stand-ins';
import { clickLikeAUser } from './guard-helpers';
import { useE2eSession } from './session';
import { storedTrackers, trackersUntil, waitUntilRequestsAreSeen } from './tracker-helpers';

describe('trackers on telehealth pages, seen from the requests the browser reports, in real Chromium', () => {
  const session = useE2eSession();
  beforeAll(async () => {
    await waitUntilRequestsAreSeen(session.browser, session.https(ORDINARY_TRACKED_HOSTS[0]!, '/'));
  });
  const named = (organisation: string) => (stored: { findings: { organisation: string }[] }) => stored.findings.some((finding) => finding.organisation === organisation);

  it('names the Meta Pixel on a verified intake page: caution on the badge and in the popup, no in-page alert, every click counted', async () => {
    const { page, tabId } = await visit(session.browser, session.https('doxy.me', '/intake'));
    const stored = await trackersUntil(session.browser, tabId, 'the Meta Pixel named', (s) => named('Meta')(s) && s.findings[0]!.requests >= 2);
    expect(stored.level).toBe('caution');
    expect(stored.codes).toEqual(['VERIFIED_PLATFORM', 'THIRD_PARTY_TRACKER']);
    expect(stored.findings[0]).toMatchObject({ organisation: 'Meta', category: 'advertising', level: 'caution' });
    expect([...stored.findings[0]!.hosts].sort()).toEqual(['connect.facebook.net', 'www.facebook.com']);
    expect(stored.findings[0]!.frame).toBeUndefined();
    // What is kept names catalog endpoints, never what the page put in its requests.
    expect(JSON.stringify(stored.sightings)).not.toMatch(/1234567890|PageView|intake/);
    expect(await session.browser.badgeText(tabId)).toBe('!');
    expect(await staysFalse(() => session.browser.alertPresent(page))).toBe(true);

    const before = stored.findings[0]!.requests;
    await page.click('#book');
    const after = await trackersUntil(session.browser, tabId, 'the click pixel counted', (s) => s.findings[0]!.requests === before + 1);
    expect(after.findings[0]!.requests).toBe(before + 1);

    const popup = await session.browser.tabState(tabId);
    expect(popup.level).toBe('caution');
    expect(popup.findings).toEqual(['VERIFIED_PLATFORM', 'THIRD_PARTY_TRACKER']);
  });

  it('names session replay on a verified portal', async () => {
    const { tabId } = await visit(session.browser, session.https('doxy.me', '/portal'));
    const stored = await trackersUntil(session.browser, tabId, 'Hotjar named', named('Hotjar'));
    expect(stored.findings).toMatchObject([{ organisation: 'Hotjar', category: 'session-replay', level: 'caution', hosts: ['static.hotjar.com'] }]);
    expect(stored.level).toBe('caution');
  });

  it('names a pixel fired two seconds after load, which was not there at first', async () => {
    const { tabId } = await visit(session.browser, session.https('doxy.me', '/late-pixel'));
    const first = await storedTrackers(session.browser, tabId);
    expect(first?.findings).toEqual([]);
    expect(first?.level).toBe('verified');
    const later = await trackersUntil(session.browser, tabId, 'the late pixel named', named('Meta'), 6_000);
    expect(later.level).toBe('caution');
  });

  it('names a tracker that only a child frame sends to, with that frame', async () => {
    const { tabId } = await visit(session.browser, session.https('doxy.me', '/framed-form'));
    const stored = await trackersUntil(session.browser, tabId, 'the framed pixel named', named('Meta'));
    expect(stored.findings[0]).toMatchObject({ organisation: 'Meta', frame: FORM_FRAME_HOST, level: 'caution' });
  });

  it('names a pixel on a look-alike', async () => {
    const { tabId } = await visit(session.browser, session.https('d0xy.me', '/intake'));
    const stored = await trackersUntil(session.browser, tabId, 'the pixel on the look-alike named', named('Meta'));
    expect(stored.codes).toEqual(expect.arrayContaining(['LOOKALIKE_DOMAIN', 'THIRD_PARTY_TRACKER']));
  });

  it("does not count a platform's requests to its own company's domain as a third party", async () => {
    const { tabId } = await visit(session.browser, session.https('meet.google.com', '/abc-defg-hij'));
    const stored = await trackersUntil(session.browser, tabId, 'the Microsoft tag named', named('Microsoft'));
    // The google.com request was seen, and left out as first-party.
    expect(stored.sightings.map((sighting) => sighting.host)).toContain('www.google.com');
    expect(stored.findings.map((finding) => finding.organisation)).toEqual(['Microsoft']);
  });

  it('says nothing of Google Analytics and a pixel on 20 ordinary sites', async () => {
    // One tab goes from site to site, as a user does; the background's own record is read.
    const page = await session.browser.context.newPage();
    let tabId: number | undefined;
    for (const host of ORDINARY_TRACKED_HOSTS) {
      const url = session.https(host, '/');
      await page.goto(url);
      tabId ??= await session.browser.tabIdFor(page);
      // The requests were seen (so silence is a decision, not blindness) ...
      const stored = await trackersUntil(session.browser, tabId, `the requests of ${host} seen`, (s) => s.url === url && s.sightings.length >= 3);
      // ... and nothing is said.
      expect(stored.findings, host).toEqual([]);
      expect(stored.level, host).toBe('neutral');
      expect(await session.browser.badgeText(tabId), host).toBe('');
    }
    expect((await session.browser.tabState(tabId!)).findings).toEqual([]);
    await page.close();
  });

  describe('what the patient is told', () => {
  const trackerCaution = (page: Page) => overlayDetails(session.browser.context, page, alertOfKind('tracker-caution'));

  it('the popup names who receives data, what they can take, the cases as sources, and what to do', async () => {
    const { browser } = session;
    const { tabId } = await visit(browser, session.https('doxy.me', '/intake?told'));
    await trackersUntil(browser, tabId, 'the Meta Pixel named', (s) => s.findings.length > 0);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?tab=${tabId}`);
    expect(await popup.locator('[data-tracker-summary]').innerText()).toBe('This page sends data to: Meta (advertising).');
    const meta = popup.locator('[data-finding="THIRD_PARTY_TRACKER"][data-organisation="Meta"]');
    expect(await meta.innerText()).toContain('Meta can receive the addresses of the pages you open, what you enter in forms');
    expect(await meta.locator('a', { hasText: 'FTC v. BetterHelp (2023)' }).getAttribute('href')).toMatch(/^https:\/\/www\.ftc\.gov\//);
    expect(await popup.locator('[data-tracker-advice]').innerText()).toContain('use its app or patient portal');
    await popup.close();
  });

  it('cautions once, in the page, when the user starts typing on a page with session replay; never on an ordinary site', async () => {
    const { browser } = session;
    const { page, tabId } = await visit(browser, session.https('doxy.me', '/portal?told'));
    await trackersUntil(browser, tabId, 'Hotjar named', (s) => s.findings.length > 0);
    expect(await staysFalse(async () => (await trackerCaution(page)).present)).toBe(true);
    await clickLikeAUser(page.locator('#message'));
    await page.keyboard.type('My rash is');
    const shown = await pollUntil('the tracker caution', () => trackerCaution(page), (details) => details.present);
    expect(shown.text).toContain('This page sends data to Hotjar (session replay');
    expect(shown.text).toContain("Don't type health details here");
    // The caution took the focus as it came (the keys typed after it went no further than the caution).
    const typed = await page.locator('#message').inputValue();
    expect('My rash is'.startsWith(typed)).toBe(true);
    await clickInOverlay(browser.context, page, 'Got it', alertOfKind('tracker-caution'));
    await clickLikeAUser(page.locator('#message'));
    await page.keyboard.type(' worse');
    expect(await page.locator('#message').inputValue()).toBe(`${typed} worse`);
    expect(await staysFalse(async () => (await trackerCaution(page)).present, 1_000)).toBe(true);

    const ordinary = await visit(browser, session.https(ORDINARY_TRACKED_HOSTS[1]!, '/'));
    await trackersUntil(browser, ordinary.tabId, 'the ordinary page\u2019s requests seen', (s) => s.sightings.length >= 3);
    await clickLikeAUser(ordinary.page.locator('#search'));
    await ordinary.page.keyboard.type('rash cream');
    expect(await staysFalse(async () => (await trackerCaution(ordinary.page)).present, 1_000)).toBe(true);
  });

  it('cautions when the pixel fires after the user began typing', async () => {
    const { browser } = session;
    const { page, tabId } = await visit(browser, session.https('doxy.me', '/late-pixel?told'));
    await page.keyboard.type('hello');
    expect((await storedTrackers(browser, tabId))?.findings).toEqual([]);
    const shown = await pollUntil('the tracker caution after the late pixel', () => trackerCaution(page), (details) => details.present, { timeoutMs: 6_000 });
    expect(shown.text).toContain('Meta (advertising)');
  });
});
});
