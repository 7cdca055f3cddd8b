import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { alertOfKind, overlayDetails } from '../../demo/overlay-probe';
import { pollUntil } from '../../demo/wait';
import { ORDINARY_TRACKED_HOSTS } from '../../demo/tracker-stand-ins';
import { clickLikeAUser } from './guard-helpers';
import { useE2eSession } from './session';
import { trackersUntil, waitUntilRequestsAreSeen } from './tracker-helpers';

/**
 * Pages that try to send to a tracker without being seen, or to keep the patient from being
 * told. What the extension sees comes from the browser's own report of the requests, so the
 * page's tricks are about where a request comes from.
 */
describe('hostile pages against the tracker guard, in real Chromium', () => {
  const session = useE2eSession();
  beforeAll(async () => {
    await waitUntilRequestsAreSeen(session.browser, session.https(ORDINARY_TRACKED_HOSTS[0]!, '/'));
  });

  async function metaSeenOn(path: string): Promise<number> {
    const page = await session.browser.context.newPage();
    await page.goto(session.https('doxy.me', path));
    const tabId = await session.browser.tabIdFor(page);
    const stored = await trackersUntil(session.browser, tabId, `the pixel of ${path} named`, (s) => s.findings.some((f) => f.organisation === 'Meta'));
    await page.close();
    return stored.findings.find((f) => f.organisation === 'Meta')!.requests;
  }

  it('sees a pixel sent from a worker the page made from a blob: address', async () => {
    expect(await metaSeenOn('/hostile/tracker-in-worker')).toBe(1);
  });

  it('sees a pixel sent as a beacon', async () => {
    expect(await metaSeenOn('/hostile/tracker-by-beacon')).toBe(1);
  });

  it('sees pixels from a srcdoc frame and from an about:blank frame the page writes into', async () => {
    expect(await metaSeenOn('/hostile/tracker-in-srcdoc')).toBe(2);
  });

  it('sees the pixel of a blob: page the page replaced itself with, judged as the site that made it', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.https('doxy.me', '/hostile/tracker-to-blob'));
    await page.waitForURL(/^blob:/);
    const tabId = await session.browser.tabIdFor(page);
    const stored = await trackersUntil(session.browser, tabId, 'the blob page\u2019s pixel named', (s) => s.findings.some((f) => f.organisation === 'Meta'));
    expect(stored.codes).toContain('VERIFIED_PLATFORM');
    await page.close();
  });

  it('cautions a user typing on a page that stops key events, and puts the warning page in place of one that removes the caution', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.https('doxy.me', '/hostile/tracker-typing-fight'));
    const tabId = await session.browser.tabIdFor(page);
    await trackersUntil(session.browser, tabId, 'Hotjar named', (s) => s.findings.length > 0);
    await clickLikeAUser(page.locator('#symptoms'));
    await page.keyboard.type('chest pain');
    // The page removes the caution each time it is shown: the extension puts its warning page in
    // the page's place, with the verdict and the tracker it was about.
    await page.waitForURL(/^chrome-extension:\/\/[a-z]+\/src\/warning\/index\.html/, { timeout: 10_000 });
    const text = await page.locator('body').innerText();
    expect(text).toContain('kept removing or covering');
    expect(text).toContain('This page sends data to: Hotjar (session replay');
    await page.close();
  });

  const cautionAfterTyping = async (path: string, focus: (page: Page) => Promise<void>) => {
    const page = await session.browser.context.newPage();
    await page.goto(session.https('doxy.me', path));
    const tabId = await session.browser.tabIdFor(page);
    await trackersUntil(session.browser, tabId, 'Hotjar named', (s) => s.findings.length > 0);
    await focus(page);
    await page.keyboard.type('chest pain');
    const shown = await pollUntil('the tracker caution', () => overlayDetails(session.browser.context, page, alertOfKind('tracker-caution')), (d) => d.present);
    await page.close();
    return shown;
  };

  it('cautions a user typing into a field in a closed shadow root', async () => {
    const shown = await cautionAfterTyping('/hostile/tracker-hidden-fields?shadow', (page) =>
      page.evaluate(() => {
        (window as unknown as { focusShadowField: () => void }).focusShadowField();
      }),
    );
    expect(shown.text).toContain('Hotjar');
  });

  it('cautions a user typing into a field in a srcdoc frame', async () => {
    const shown = await cautionAfterTyping('/hostile/tracker-hidden-fields?srcdoc', (page) => clickLikeAUser(page.frameLocator('#framed').locator('#inframe')));
    expect(shown.text).toContain('Hotjar');
  });
});
