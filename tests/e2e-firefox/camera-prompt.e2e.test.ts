import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { pollUntil, staysFalse } from '../../demo/wait';
import { clickWhenReady, popupShows, widgetShows } from './firefox-guard-helpers';
import { useFirefoxSession } from './firefox-session';

const ALERT = 'telehealth-guard-alert';
const PROMPT = 'camera-prompt';

const cameraState = (page: Page): Promise<string> => page.evaluate(() => (window as unknown as { cameraState: string }).cameraState);
const run = (page: Page, name: string): Promise<void> =>
  page.evaluate((fn) => {
    (window as unknown as Record<string, () => void>)[fn]!();
  }, name);

/**
 * The camera prompt in real Firefox ESR with fake media devices: on a video site no list knows,
 * the camera waits for the user's own click; on a verified platform it opens at once; forged
 * answers from the page open nothing.
 */
describe('the camera prompt, in real Firefox ESR', () => {
  const session = useFirefoxSession();

  async function open(host: string, path: string): Promise<{ page: Page; tabId: number }> {
    const page = await session.firefox.newPage();
    await page.goto(session.https(host, path));
    return { page, tabId: await session.firefox.tabIdFor(page) };
  }

  it('asks before the camera opens on a site no list knows, and the camera waits for the answer', async () => {
    const { firefox } = session;
    const { page, tabId } = await open('visits.example-telehealth.net', '/room');
    try {
      await run(page, 'startCamera');
      const prompt = await widgetShows(firefox, tabId, ALERT, PROMPT);
      expect(prompt.mode).toBe('closed');
      expect(prompt.text).toContain('is not a verified telemedicine platform for your clinic');
      expect(await staysFalse(async () => (await cameraState(page)) !== 'pending', 1_000)).toBe(true);
      const state = await pollUntil('the call in the verdict', () => firefox.tabState(tabId), (shown) => shown.findings.includes('UNKNOWN_VIDEO_PLATFORM'));
      expect(state.level).toBe('caution');

      await clickWhenReady(firefox, page, tabId, ALERT, 'Continue', PROMPT);
      await pollUntil('the camera to open', () => cameraState(page), (value) => value === 'granted');
      expect((await firefox.widgets(tabId, ALERT)).some((widget) => widget.kind === PROMPT)).toBe(false);
    } finally {
      await page.close();
    }
  });

  it('opens the camera on a verified platform without asking', async () => {
    const { firefox } = session;
    const { page, tabId } = await open('doxy.me', '/camera');
    try {
      await popupShows(firefox, tabId, 'verified', ['VERIFIED_PLATFORM']);
      await run(page, 'startCamera');
      await pollUntil('the camera to open', () => cameraState(page), (value) => value === 'granted');
      expect(await staysFalse(async () => (await firefox.widgets(tabId, ALERT)).some((widget) => widget.kind === PROMPT))).toBe(true);
    } finally {
      await page.close();
    }
  });

  it("asks first when the page calls getUserMedia through a fresh script-built iframe's realm", async () => {
    const { firefox } = session;
    const { page, tabId } = await open('visits.example-telehealth.net', '/hostile/camera-routes?route=iframe');
    try {
      await run(page, 'startCamera');
      const prompt = await widgetShows(firefox, tabId, ALERT, PROMPT);
      expect(prompt.text).toContain('is not a verified telemedicine platform');
      expect(await staysFalse(async () => (await cameraState(page)) !== 'pending', 1_000)).toBe(true);
    } finally {
      await page.close();
    }
  });

  for (const attack of ['forge', 'swallow'] as const) {
    it(`keeps the camera closed while the page ${attack === 'forge' ? 'forges "allow" answers' : 'stops every event it can catch'}, until the user's Continue`, async () => {
      const { firefox } = session;
      const { page, tabId } = await open('visits.example-telehealth.net', `/hostile/forges-answers?attack=${attack}`);
      try {
        await run(page, 'startCamera');
        await widgetShows(firefox, tabId, ALERT, PROMPT);
        if (attack === 'forge') await run(page, 'forgeAnswers');
        // Past the hook's 2 s wait for an acknowledgement: an unanswered request must not open the camera.
        expect(await staysFalse(async () => (await cameraState(page)) !== 'pending', 2_200)).toBe(true);
        await clickWhenReady(firefox, page, tabId, ALERT, 'Continue', PROMPT);
        await pollUntil('the camera to open', () => cameraState(page), (value) => value === 'granted');
      } finally {
        await page.close();
      }
    });
  }
});
