import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { alertOfKind, overlayDetails } from '../../demo/overlay-probe';
import { scenarioNamed } from '../../demo/scenarios';
import { pollUntil, staysFalse } from '../../demo/wait';
import { visit, waitForPopup } from '../../demo/visit';
import { usePolicyFile, waitForPolicyRead } from './admin-policy-file';
import { overlayShows } from './guard-helpers';
import { useE2eSession } from './session';

const cameraState = (page: Page): Promise<string> => page.evaluate(() => (window as unknown as { cameraState: string }).cameraState);

describe("the clinic's actions per risk (block), from the managed policy, in real Chromium", () => {
  // Written before the browser starts (the file's afterAll removes it, pass or fail).
  const policy = usePolicyFile('telehealth-guard-e2e-actions');
  beforeAll(() => {
    policy.write({ clinicName: 'Example Family Clinic', actions: { passwordOnLookalike: 'block', unknownVideoPlatform: 'block' } });
  });
  const session = useE2eSession();

  it('guards a look-alike login with no way to trust the site', async () => {
    const { browser } = session;
    await waitForPolicyRead(browser, Date.now());
    const { page, state } = await visit(browser, scenarioNamed('lookalike-login').url(session.servers));
    expect(state.level).toBe('danger');
    await page.locator('input[type="password"]').click();
    const overlay = await overlayShows(browser, page);
    expect(overlay.text).toContain('Go to doxy.me');
    expect(overlay.text).toContain('Your clinic blocks passwords on look-alike sites');
    expect(overlay.text).not.toContain('I trust');
  });

  it('keeps the camera closed on a site no list knows, with the notice and no prompt, and records the finding', async () => {
    const { browser } = session;
    await waitForPolicyRead(browser, Date.now());
    const { page, tabId } = await visit(browser, `https://visits.example-telehealth.net:${session.servers.httpsPort}/room`);
    await page.evaluate(() => {
      (window as unknown as { startCamera: () => void }).startCamera();
    });
    await pollUntil('the camera to be refused', () => cameraState(page), (value) => value.startsWith('denied:'));
    const blocked = await overlayDetails(browser.context, page, alertOfKind('camera-blocked'));
    expect(blocked.present).toBe(true);
    expect(blocked.text).toContain('The camera stays off on this site');
    expect(await staysFalse(async () => (await overlayDetails(browser.context, page, alertOfKind('camera-prompt'))).present)).toBe(true);
    const after = await waitForPopup(browser, tabId, 'the call in the verdict', (s) => s.findings.includes('UNKNOWN_VIDEO_PLATFORM'));
    expect(after.level).toBe('caution');
  });
});
