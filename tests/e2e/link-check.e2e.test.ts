import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOOKALIKE_TRICKS } from '../../demo/lookalike-hosts';
import { openLinkCheck, type LinkCheckPage } from '../../demo/link-check-probe';
import { scenarioNamed } from '../../demo/scenarios';
import { visit } from '../../demo/visit';
import { useE2eSession } from './session';

/**
 * "Check a link" in the popup, in real Chromium: the verdict on a pasted link comes from the
 * background with the lists in force, and the link is never opened. Every link points at the
 * demo servers' own ports, so a request for any of them, from a prefetch, a preconnect or a
 * tab, would be in the servers' log.
 */
describe('Check a link in the popup, in real Chromium', () => {
  const session = useE2eSession();
  const https = (host: string, path: string) => session.https(host, path);
  const http = (host: string, path: string) => `http://${host}:${session.servers.httpPort}${path}`;
  const tabIds = async (): Promise<(number | undefined)[]> => (await session.browser.worker()).evaluate(async () => (await chrome.tabs.query({})).map((tab) => tab.id));

  /** The popup, opened as on a tab the extension does not judge (a new tab), for a group of checks. */
  function usePopup(): { readonly page: LinkCheckPage; readonly requestsBefore: number; readonly dialogs: string[] } {
    let popup: LinkCheckPage | undefined;
    let requestsBefore = 0;
    const dialogs: string[] = [];
    beforeAll(async () => {
      requestsBefore = session.servers.requests.length;
      popup = await openLinkCheck(session.browser.context, session.browser.extensionId);
      popup.page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    });
    afterAll(async () => {
      await popup?.close();
    });
    return {
      get page() {
        if (!popup) throw new Error('the popup did not open');
        return popup;
      },
      get requestsBefore() {
        return requestsBefore;
      },
      dialogs,
    };
  }

  describe('the verdicts, and what is no web link', () => {
    const popup = usePopup();
    let tabsBefore: (number | undefined)[] = [];
    beforeAll(async () => {
      tabsBefore = await tabIds();
    });

    it('shows the link check on a tab the extension does not judge', async () => {
      // The popup asks the background about the tab after it opens: wait for its answer.
      await popup.page.page.locator('[data-unsupported]').waitFor({ timeout: 10_000 });
      expect(await popup.page.page.locator('[data-unsupported]').count()).toBe(1);
      expect(await popup.page.page.getByLabel(/visit link/).count()).toBe(1);
    });

    it('verifies the Doxy.me link in a pasted text message, naming the built-in catalog', async () => {
      const shown = await popup.page.check(`Your visit starts at 3pm: ${https('doxy.me', '/drsmith')}  Reply STOP`);
      expect(shown.links).toHaveLength(1);
      expect(shown.links[0]).toMatchObject({ level: 'verified', host: 'doxy.me', findings: ['VERIFIED_PLATFORM'], notes: [] });
      expect(shown.links[0]!.text).toContain('Verified telemedicine service: Doxy.me');
      expect(shown.links[0]!.text).toContain('built-in catalog');
    });

    it.each(LOOKALIKE_TRICKS.filter(({ rule }) => ['digit-for-letter', 'transposition', 'tld-swap'].includes(rule)))(
      'calls $host ($trick) a lookalike of Doxy.me, checked with Enter',
      async ({ host }) => {
        const shown = await popup.page.check(https(host, '/drsmith'), 'enter');
        expect(shown.links[0]).toMatchObject({ level: 'caution', host, findings: ['LOOKALIKE_DOMAIN'] });
        // A Doxy.me room's address on a look-alike host: the core calls it a fake meeting link.
        expect(shown.links[0]!.text).toContain('This is a fake Doxy.me meeting link');
      },
    );

    it('names a site no list knows as unknown', async () => {
      const shown = await popup.page.check(https('forum.example.org', '/visit'));
      expect(shown.links[0]).toMatchObject({ level: 'neutral', host: 'forum.example.org', findings: [], notes: ['unknown-site'] });
      expect(shown.links[0]!.text).toContain('Unknown site: forum.example.org');
    });

    it('calls an http link danger: not encrypted', async () => {
      const shown = await popup.page.check(http('patient-portal.example-clinic.com', '/visit'));
      expect(shown.links[0]).toMatchObject({ level: 'danger', host: 'patient-portal.example-clinic.com', findings: ['INSECURE_CONNECTION'] });
      expect(shown.links[0]!.text).toContain('This page is not encrypted');
    });

    it('names Zoom a general-purpose platform', async () => {
      const shown = await popup.page.check(https('zoom.us', '/j/123456789'));
      expect(shown.links[0]).toMatchObject({ level: 'neutral', host: 'zoom.us', findings: ['GENERAL_PURPOSE_PLATFORM'] });
    });

    it('reads a bare host as https and says so', async () => {
      const shown = await popup.page.check(`doxy.me:${session.servers.httpsPort}/drsmith`);
      expect(shown.links[0]).toMatchObject({ level: 'verified', host: 'doxy.me', notes: ['assumed-https'] });
    });

    it('refuses a javascript: link in words, and runs nothing', async () => {
      const shown = await popup.page.check('javascript:alert(document.domain)');
      expect(shown.links[0]).toMatchObject({ refused: 'script' });
    });

    it('says when a text has no link, and when it is too long', async () => {
      expect((await popup.page.check('See you Tuesday, Mr.Smith.')).problem).toBe('no-link');
      expect((await popup.page.check(`${https('doxy.me', '/drsmith')} ${'x'.repeat(6000)}`)).problem).toBe('too-long');
    });

    it('opened no tab, showed no dialog and sent no request for any of these links', async () => {
      // Time for a late prefetch or preconnect to show up, were there one.
      await popup.page.page.waitForTimeout(500);
      expect(await tabIds()).toEqual(tabsBefore);
      expect(popup.dialogs).toEqual([]);
      expect(session.servers.requests.slice(popup.requestsBefore)).toEqual([]);
    });
  });

  describe('attempts to disguise a link', () => {
    const popup = usePopup();

    it('judges the host after the @, and says the part before it is a trick', async () => {
      const shown = await popup.page.check(`https://doxy.me@d0xy.me:${session.servers.httpsPort}/login`);
      expect(shown.links[0]).toMatchObject({ level: 'caution', host: 'd0xy.me', findings: ['LOOKALIKE_DOMAIN'] });
      expect(shown.links[0]!.notes).toContain('user-info');
      expect(shown.links[0]!.text).toContain('("doxy.me") is a trick: the link goes to d0xy.me');
    });

    it("follows Chromium's own URL parser where a zero-width space drops out of a host, and shows where it was", async () => {
      const shown = await popup.page.check(https('do\u200Bxy.me', '/drsmith'));
      expect(shown.links[0]).toMatchObject({ level: 'caution', host: 'doxy.me', findings: ['VERIFIED_PLATFORM'] });
      expect(shown.links[0]!.notes).toContain('invisible');
      expect(shown.links[0]!.text).toContain('do[U+200B]xy.me');
    });

    it('calls a Cyrillic о among Latin letters a lookalike, showing both forms of the host', async () => {
      const shown = await popup.page.check(https('dоxy.me', '/drsmith'));
      expect(shown.links[0]).toMatchObject({ level: 'caution', host: 'xn--dxy-sed.me', findings: ['LOOKALIKE_DOMAIN'] });
      expect(shown.links[0]!.text).toContain('Goes to dоxy.me (xn--dxy-sed.me)');
    });

    it('shows a right-to-left override in the path, judging the real host', async () => {
      const shown = await popup.page.check(https('forum.example.org', '/\u202Eem.yxod'));
      expect(shown.links[0]).toMatchObject({ level: 'caution', host: 'forum.example.org' });
      expect(shown.links[0]!.notes).toContain('invisible');
    });

    it('refuses a blob: link that wraps a verified address', async () => {
      const shown = await popup.page.check(`blob:${https('doxy.me', '/5f0c')}`);
      expect(shown.links[0]).toMatchObject({ refused: 'inline' });
    });

    it('sent no request for any of these links', async () => {
      await popup.page.page.waitForTimeout(500);
      expect(session.servers.requests.slice(popup.requestsBefore)).toEqual([]);
    });
  });

  it("keeps the page verdict's own attributes unique beside it, and opens, stores and requests nothing", async () => {
    const { browser, servers } = session;
    const { page, tabId, state } = await visit(browser, scenarioNamed('verified-waiting-room').url(servers));
    const worker = await browser.worker();
    const stored = () => worker.evaluate(async () => JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.session.get(null)]));

    const popup = await openLinkCheck(browser.context, browser.extensionId, tabId);
    const [storedBefore, tabsBefore, requestsBefore] = [await stored(), await tabIds(), servers.requests.length];
    const shown = await popup.check(`${https('d0xy.me', '/login')} and ${http('doxy.me', '/drsmith')}`);
    expect(shown.links.map((link) => link.level)).toEqual(['caution', 'danger']);

    expect(await popup.page.locator('[data-risk-level]').count()).toBe(1);
    expect(await popup.page.locator('[data-risk-level]').getAttribute('data-risk-level')).toBe(state.level);
    expect(await popup.page.locator('[data-finding]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-finding')))).toEqual(state.findings);
    expect(await popup.page.locator('[data-link-check] a, [data-link-check] [href]').count()).toBe(0);

    await popup.page.waitForTimeout(500);
    expect(await tabIds()).toEqual(tabsBefore);
    expect(await stored()).toBe(storedBefore);
    expect(servers.requests.slice(requestsBefore)).toEqual([]);
    await popup.close();
    await page.close();
  });
});
