import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { alertOfKind, clickInOverlay, overlayDetails } from '../../demo/overlay-probe';
import { pollUntil, staysFalse } from '../../demo/wait';
import { visit, waitForPopup } from '../../demo/visit';
import { clickLikeAUser } from './guard-helpers';
import { useE2eSession } from './session';

const cameraState = (page: Page): Promise<string> => page.evaluate(() => (window as unknown as { cameraState: string }).cameraState);

describe('video visits and chats, in real Chromium with fake media devices', () => {
  const session = useE2eSession();
  const https = (host: string, path: string): string => `https://${host}:${session.servers.httpsPort}${path}`;
  const prompt = (page: Page) => overlayDetails(session.browser.context, page, alertOfKind('camera-prompt'));
  const promptShows = (page: Page) => pollUntil('the camera prompt', () => prompt(page), (details) => details.present);

  it('asks before the camera opens on a site no list knows, and the camera waits for the answer', async () => {
    const { browser } = session;
    const { page, tabId } = await visit(browser, https('visits.example-telehealth.net', '/room'));
    await page.evaluate(() => {
      (window as unknown as { startCamera: () => void }).startCamera();
    });
    const shown = await promptShows(page);
    expect(shown.shadowRootType).toBe('closed');
    expect(shown.text).toContain('is not a verified telemedicine platform for your clinic');
    expect(shown.text).toContain('Nothing is known about visits.example-telehealth.net');
    // The page's camera promise is still pending while the user reads.
    await page.waitForTimeout(1_000);
    expect(await cameraState(page)).toBe('pending');
    const state = await waitForPopup(browser, tabId, 'the call in the verdict', (s) => s.findings.includes('UNKNOWN_VIDEO_PLATFORM'));
    expect(state.level).toBe('caution');

    await clickInOverlay(browser.context, page, 'Continue', alertOfKind('camera-prompt'));
    await pollUntil('the camera to open', () => cameraState(page), (value) => value === 'granted');
    expect((await prompt(page)).present).toBe(false);
    await page.close();
  });

  it('keeps the camera closed when the user leaves', async () => {
    const { browser } = session;
    const { page } = await visit(browser, https('visits.example-telehealth.net', '/room'));
    await page.evaluate(() => {
      (window as unknown as { startCamera: () => void }).startCamera();
    });
    await promptShows(page);
    const left = page.waitForURL('about:blank');
    await clickInOverlay(browser.context, page, 'Leave', alertOfKind('camera-prompt'));
    await left;
  });

  it('opens the camera on a verified platform without asking', async () => {
    const { browser } = session;
    const { page, tabId } = await visit(browser, https('doxy.me', '/camera'));
    await page.evaluate(() => {
      (window as unknown as { startCamera: () => void }).startCamera();
    });
    await pollUntil('the camera to open', () => cameraState(page), (value) => value === 'granted');
    expect(await staysFalse(async () => (await prompt(page)).present)).toBe(true);
    const state = await waitForPopup(browser, tabId, 'the verdict in a call', (s) => s.level === 'verified');
    expect(state.findings).toEqual(['VERIFIED_PLATFORM']);
  });

  it('still asks when the page puts its own object in place of navigator.mediaDevices', async () => {
    const { browser } = session;
    const { page } = await visit(browser, https('visits.example-telehealth.net', '/redefined'));
    expect(await page.evaluate(() => Object.getPrototypeOf(navigator.mediaDevices) === Object.prototype)).toBe(true);
    await page.evaluate(() => {
      (window as unknown as { startCamera: () => void }).startCamera();
    });
    await promptShows(page);
    expect(await cameraState(page)).toBe('pending');
    await page.close();
  });

  it('names a video frame from a site no list knows: UNVERIFIED_EMBED with its origin', async () => {
    const { browser } = session;
    const { tabId } = await visit(browser, https('clinic.example-health.org', '/visit'));
    const state = await waitForPopup(browser, tabId, 'the embed finding', (s) => s.findings.includes('UNVERIFIED_EMBED'));
    expect(state.level).toBe('caution');
    const worker = await browser.worker();
    const findings = await worker.evaluate(async (id) => {
      const key = `tab:${id}`;
      return ((await chrome.storage.session.get(key))[key] as { verdict: { findings: { code: string; origin?: string }[] } }).verdict.findings;
    }, tabId);
    expect(findings).toContainEqual(expect.objectContaining({ code: 'UNVERIFIED_EMBED', origin: `https://visits.example-telehealth.net:${session.servers.httpsPort}` }));
  });

  it('names a chat widget on a verified page, and cautions once when the user types into it', async () => {
    const { browser } = session;
    const { page, tabId } = await visit(browser, https('doxy.me', '/chat'));
    const state = await waitForPopup(browser, tabId, 'the chat finding', (s) => s.findings.includes('UNVERIFIED_EMBED'));
    expect(state.level).toBe('verified');
    const caution = () => overlayDetails(browser.context, page, alertOfKind('chat-caution'));
    expect(await staysFalse(async () => (await caution()).present)).toBe(true);

    const chat = page.frameLocator('#chat').locator('textarea');
    await clickLikeAUser(chat);
    await page.keyboard.type('I have a question about my prescription');
    const shown = await pollUntil('the chat caution', caution, (details) => details.present);
    expect(shown.text).toContain("Don't share health details here unless your provider confirms");
    expect(shown.text).toContain('Intercom');

    // The caution took the focus as it came (the keys typed after it went no further than the caution).
    const typed = await chat.inputValue();
    expect('I have a question about my prescription'.startsWith(typed)).toBe(true);
    await clickInOverlay(browser.context, page, 'Got it', alertOfKind('chat-caution'));
    await clickLikeAUser(chat);
    await page.keyboard.type(' and more');
    expect(await chat.inputValue()).toBe(`${typed} and more`);
    expect(await staysFalse(async () => (await caution()).present, 1_000)).toBe(true);
  });

  it('calls a video visit offered over plain http a danger', async () => {
    const { browser } = session;
    const { state } = await visit(browser, `http://patient-portal.example-clinic.com:${session.servers.httpPort}/visit`);
    expect(state.level).toBe('danger');
    expect(state.findings).toEqual(['INSECURE_CONNECTION']);
  });
});
