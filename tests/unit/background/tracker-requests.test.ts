import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TabState } from '../../../src/protocol/messages';
import { EXTENSION_ID, fake, type WebRequestDetails } from './fake-browser';

// The background as it runs in the worker, on the fake browser: tracker requests as webRequest reports them.
vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fake.browser }));
await import('../../../src/background/index');

const stored = (tabId: number): TabState | undefined => fake.session.get(`tab:${tabId}`) as TabState | undefined;
const idle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));
const PIXEL = 'https://www.facebook.com/tr/?id=42&ev=Lead&cd[condition]=depression';
let requestIds = 0;

function commits(tabId: number, url: string, documentId: string): void {
  fake.openTabs.set(tabId, { id: tabId, url });
  fake.browser.webNavigation.onCommitted.fire({ tabId, frameId: 0, url, documentId });
}

function requests(details: Partial<WebRequestDetails> & { tabId: number; url: string }): WebRequestDetails {
  const full: WebRequestDetails = { requestId: String(++requestIds), frameId: 0, parentFrameId: -1, type: 'image', ...details };
  fake.browser.webRequest.onBeforeRequest.fire(full);
  return full;
}

const trackerFindings = (tabId: number) => stored(tabId)?.verdict.findings.filter((finding) => finding.code === 'THIRD_PARTY_TRACKER') ?? [];

beforeEach(() => {
  fake.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('tracker requests in the background', () => {
  it('listens with the catalog endpoints as the browser\u2019s filter, never blocking', () => {
    const { listeners, options } = fake.browser.webRequest.onBeforeRequest;
    expect(listeners).toHaveLength(1);
    // One argument after the filter would be ["blocking"]: there is none.
    expect(options[0]).toHaveLength(1);
    const { urls } = options[0]![0] as { urls: string[] };
    expect(urls).toContain('*://*.www.facebook.com/tr*');
    expect(urls).toContain('wss://*.static.hotjar.com/*');
    expect(urls.filter((url) => /<all_urls>|^\*:\/\/\*\/|^\*:\/\/\*\.com\//.test(url))).toEqual([]);
  });

  it('names a pixel on a verified page, raising it to caution, and keeps no query', async () => {
    commits(201, 'https://doxy.me/intake', 'doc-a');
    await idle();
    requests({ tabId: 201, url: PIXEL, documentId: 'doc-a' });
    requests({ tabId: 201, url: PIXEL, documentId: 'doc-a' });
    await idle();
    expect(stored(201)?.verdict.level).toBe('caution');
    expect(trackerFindings(201)).toMatchObject([{ organisation: 'Meta', category: 'advertising', requests: 2, level: 'caution' }]);
    expect(JSON.stringify(stored(201))).not.toMatch(/depression|Lead|id=42/);
    expect(fake.badges.get(201)?.text).not.toBe('✓');
  });

  it('leaves out a beacon from the document the tab has left, and starts again at the next document', async () => {
    commits(202, 'https://doxy.me/intake', 'doc-new');
    await idle();
    requests({ tabId: 202, url: PIXEL, documentId: 'doc-old' });
    await idle();
    expect(trackerFindings(202)).toEqual([]);
    requests({ tabId: 202, url: PIXEL, documentId: 'doc-new' });
    await idle();
    expect(trackerFindings(202)).toHaveLength(1);
    commits(202, 'https://doxy.me/done', 'doc-next');
    await idle();
    expect(stored(202)?.trackers?.sightings).toEqual([]);
    expect(trackerFindings(202)).toEqual([]);
  });

  it('keeps the requests the browser reports before the commit of their document, for that document', async () => {
    fake.openTabs.set(208, { id: 208, url: 'https://doxy.me/intake' });
    requests({ tabId: 208, url: PIXEL, documentId: 'doc-early' });
    requests({ tabId: 208, url: 'https://static.hotjar.com/c/hotjar-1.js', frameId: 3, parentFrameId: 0, parentDocumentId: 'doc-early', initiator: 'https://forms.example-forms.net' });
    requests({ tabId: 208, url: PIXEL, documentId: 'doc-other' });
    await idle();
    commits(208, 'https://doxy.me/intake', 'doc-early');
    await idle();
    expect(trackerFindings(208).map((finding) => [finding.organisation, finding.requests])).toEqual([
      ['Meta', 1],
      ['Hotjar', 1],
    ]);
  });

  it('counts for a page read before any commit was seen (an open tab after an update), taking its document id', async () => {
    fake.openTabs.set(209, { id: 209, url: 'https://doxy.me/intake' });
    const [reply] = fake.browser.runtime.onMessage.fire(
      { type: 'page-signals', signals: { isSecureContext: true, passwordFields: 0, forms: [], videoElements: 0, iframes: [] }, reading: 1 },
      { id: EXTENSION_ID, url: 'https://doxy.me/intake', frameId: 0, tab: { id: 209, url: 'https://doxy.me/intake' } },
    );
    await reply;
    requests({ tabId: 209, url: PIXEL, documentId: 'doc-open' });
    await idle();
    expect(trackerFindings(209)).toMatchObject([{ organisation: 'Meta', requests: 1 }]);
    expect(stored(209)?.trackers?.documentId).toBe('doc-open');
  });

  it('marks a block against the document it was for, not the page still shown', async () => {
    commits(210, 'https://doxy.me/intake', 'doc-shown');
    await idle();
    requests({ tabId: 210, url: PIXEL, documentId: 'doc-shown' });
    const early = requests({ tabId: 210, url: PIXEL, documentId: 'doc-coming' });
    fake.browser.webRequest.onErrorOccurred.fire({ ...early, error: 'net::ERR_BLOCKED_BY_CLIENT' });
    await idle();
    expect(trackerFindings(210)).toMatchObject([{ requests: 1, blocked: 0 }]);
    commits(210, 'https://doxy.me/next', 'doc-coming');
    await idle();
    expect(trackerFindings(210)).toMatchObject([{ requests: 1, blocked: 1, level: 'neutral' }]);
  });

  it('gives a page brought back from the back/forward cache what was seen of it', async () => {
    commits(211, 'https://doxy.me/intake', 'doc-first');
    await idle();
    requests({ tabId: 211, url: PIXEL, documentId: 'doc-first' });
    await idle();
    commits(211, 'https://doxy.me/other', 'doc-second');
    await idle();
    expect(trackerFindings(211)).toEqual([]);
    commits(211, 'https://doxy.me/intake', 'doc-first');
    await idle();
    expect(trackerFindings(211)).toMatchObject([{ organisation: 'Meta', requests: 1 }]);
  });

  it('names the frame that sent the first request', async () => {
    commits(203, 'https://doxy.me/visit', 'doc-b');
    await idle();
    requests({ tabId: 203, url: 'https://static.hotjar.com/c/hotjar-1.js?sv=6', frameId: 7, parentFrameId: 0, type: 'script', initiator: 'https://forms.example-forms.net' });
    await idle();
    expect(trackerFindings(203)).toMatchObject([{ organisation: 'Hotjar', category: 'session-replay', frame: 'forms.example-forms.net' }]);
  });

  it('counts, and says nothing about, trackers on an ordinary site', async () => {
    commits(204, 'https://news.example.org/article', 'doc-c');
    await idle();
    requests({ tabId: 204, url: 'https://www.googletagmanager.com/gtag/js?id=G-1', type: 'script' });
    requests({ tabId: 204, url: PIXEL });
    await idle();
    expect(stored(204)?.trackers?.sightings).toHaveLength(2);
    expect(stored(204)?.verdict.findings).toEqual([]);
    expect(stored(204)?.verdict.level).toBe('neutral');
  });

  it('counts a request the browser blocked as blocked: once, whether its start was reported or not', async () => {
    commits(205, 'https://doxy.me/intake', 'doc-d');
    await idle();
    const started = requests({ tabId: 205, url: PIXEL, documentId: 'doc-d' });
    await idle();
    fake.browser.webRequest.onErrorOccurred.fire({ ...started, error: 'net::ERR_BLOCKED_BY_CLIENT' });
    fake.browser.webRequest.onErrorOccurred.fire({ requestId: 'never-started', tabId: 205, frameId: 0, parentFrameId: -1, type: 'script', url: 'https://connect.facebook.net/en_US/fbevents.js', documentId: 'doc-d', error: 'net::ERR_BLOCKED_BY_CLIENT' });
    fake.browser.webRequest.onErrorOccurred.fire({ requestId: 'failed', tabId: 205, frameId: 0, parentFrameId: -1, type: 'image', url: PIXEL, error: 'net::ERR_CONNECTION_REFUSED' });
    await idle();
    expect(trackerFindings(205)).toMatchObject([{ organisation: 'Meta', requests: 2, blocked: 2, level: 'neutral' }]);
    expect(stored(205)?.verdict.level).toBe('verified');
  });

  it('ignores what is not a tab\u2019s subresource: the page itself, background requests', async () => {
    commits(206, 'https://doxy.me/intake', 'doc-e');
    await idle();
    requests({ tabId: 206, url: 'https://www.facebook.com/tr', type: 'main_frame' });
    requests({ tabId: -1, url: PIXEL });
    await idle();
    expect(stored(206)?.trackers?.sightings).toEqual([]);
  });

  it('forgets what it saw when the tab closes', async () => {
    commits(207, 'https://doxy.me/intake', 'doc-f');
    await idle();
    requests({ tabId: 207, url: PIXEL, documentId: 'doc-f' });
    await idle();
    fake.browser.tabs.onRemoved.fire(207);
    await vi.waitFor(() => {
      expect(stored(207)).toBeUndefined();
    });
  });
});
