import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageSignals } from '../../../src/core/signals/page-signals';
import type { PageAnswer, Reply, TabState } from '../../../src/protocol/messages';
import { EXTENSION_ID, fake } from './fake-browser';

// The background as it runs in the worker (its listeners, router, store and badge), on the fake.
vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fake.browser }));
await import('../../../src/background/index');

const quiet: PageSignals = { isSecureContext: true, passwordFields: 0, forms: [], videoElements: 0, iframes: [] };
const login = (action: string): PageSignals => ({ ...quiet, passwordFields: 1, forms: [{ action, method: 'post', hasPassword: true }] });
const LOOKALIKE = 'https://d0xy.me/login';

function pageReports(tabId: number, url: string, signals: PageSignals): Promise<Reply<PageAnswer>> {
  fake.openTabs.set(tabId, { id: tabId, url });
  const [reply] = fake.browser.runtime.onMessage.fire({ type: 'page-signals', signals, reading: 1 }, { id: EXTENSION_ID, url, frameId: 0, tab: { id: tabId, url } });
  return reply as Promise<Reply<PageAnswer>>;
}

function navigates(tabId: number, url: string): void {
  fake.openTabs.set(tabId, { id: tabId, url });
  fake.browser.tabs.onUpdated.fire(tabId, { url });
}

async function popupReads(tabId: number): Promise<TabState | null> {
  const sender = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/src/popup/index.html` };
  const [reply] = fake.browser.runtime.onMessage.fire({ type: 'get-tab-state', tabId }, sender);
  const answer = await (reply as Promise<Reply<TabState | null>>);
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
}

const stored = (tabId: number): TabState | undefined => fake.session.get(`tab:${tabId}`) as TabState | undefined;
const readsOf = (tabId: number) => fake.injected.filter((injection) => injection.target.tabId === tabId && injection.func?.name === 'readPageInFrame');
const askedToReport = (tabId: number): boolean => readsOf(tabId).length > 0;
/** Lets event-driven work (listeners that return nothing) run to its end. */
const idle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

// The background keeps what it knows of each tab in its memory, as a running worker does, and
// does not show or store a second time a verdict it already holds; fake.reset() empties the
// browser's storage and badges under it. A test that reports the same page for a tab id an
// earlier test used would find nothing stored: such tests have tab ids of their own.
beforeEach(() => {
  fake.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('per-tab verdicts in the background', () => {
  it("keeps a page's report that arrives before the browser's url event", async () => {
    await pageReports(1, LOOKALIKE, login(LOOKALIKE));
    navigates(1, LOOKALIKE);
    await idle();
    expect(stored(1)?.verdict.level).toBe('danger');
    expect(stored(1)?.signals?.passwordFields).toBe(1);
    expect(fake.badges.get(1)?.text).toBe('!!');
  });

  it("runs one tab's updates in the order they came, however long storage takes", async () => {
    // The navigation's read is slow; the report that follows it must still land last.
    let first = true;
    fake.hooks.whileGetting = async () => {
      if (!first) return;
      first = false;
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    navigates(60, LOOKALIKE);
    const reply = await pageReports(60, LOOKALIKE, login(LOOKALIKE));
    await idle();
    expect(reply.ok && reply.value.alert?.level).toBe('danger');
    expect(stored(60)?.verdict.level).toBe('danger');
    expect(fake.badges.get(60)?.text).toBe('!!');
  });

  it('clears the state and the badge when the tab goes to a page that is not on the web', async () => {
    await pageReports(61, LOOKALIKE, login(LOOKALIKE));
    navigates(61, 'chrome://extensions/');
    await vi.waitFor(() => {
      expect(stored(61)).toBeUndefined();
      expect(fake.badges.get(61)).toMatchObject({ text: '', icon: 'icons/default-16.png', title: 'Telehealth Guard' });
    });
  });

  it('reads every frame again after an address change without a new document, and only the frame for a frame of its own', async () => {
    fake.openTabs.set(1, { id: 1, url: LOOKALIKE });
    fake.browser.webNavigation.onHistoryStateUpdated.fire({ tabId: 1, frameId: 0 });
    fake.browser.webNavigation.onReferenceFragmentUpdated.fire({ tabId: 1, frameId: 4 });
    await idle();
    expect(readsOf(1).map(({ target }) => target)).toEqual([{ tabId: 1, allFrames: true }, { tabId: 1, frameIds: [4] }]);
  });

  it('leaves reading a new document to the moment it has been parsed, not to its url event', async () => {
    navigates(1, LOOKALIKE);
    await idle();
    expect(askedToReport(1)).toBe(false);
    fake.browser.webNavigation.onDOMContentLoaded.fire({ tabId: 1, frameId: 0 });
    await idle();
    expect(readsOf(1).map(({ target }) => target)).toEqual([{ tabId: 1, frameIds: [0] }]);
  });

  it('forgets a tab when it closes', async () => {
    await pageReports(1, LOOKALIKE, login(LOOKALIKE));
    fake.browser.tabs.onRemoved.fire(1);
    await vi.waitFor(() => {
      expect(stored(1)).toBeUndefined();
    });
  });

  it.each([
    ['verified', 'https://doxy.me/dr-smith', undefined, '✓', '#1a7f37'],
    ['neutral', 'https://forum.example.org/', undefined, '', '#6e7781'],
    ['caution', 'https://d0xy.me/', undefined, '!', '#bf8700'],
    ['danger', LOOKALIKE, login(LOOKALIKE), '!!', '#cf222e'],
  ] as const)('shows %s (%s) on the badge', async (level, url, signals, text, color) => {
    if (signals) await pageReports(7, url, signals);
    else navigates(7, url);
    await vi.waitFor(() => {
      expect(stored(7)?.verdict.level).toBe(level);
    });
    expect(fake.badges.get(7)).toEqual({ text, color, icon: `icons/${level}-16.png`, title: `Telehealth Guard: ${level}` });
  });
});

describe('a page that fills storage', () => {
  it('still gets its badge and its alert when storage.session refuses the write, and the error is logged', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fake.hooks.beforeSet = (area) => {
      if (area === 'session') throw new Error('QUOTA_BYTES quota exceeded');
    };
    const reply = await pageReports(1, LOOKALIKE, login(LOOKALIKE));
    expect(reply.ok && reply.value.alert?.level).toBe('danger');
    expect(fake.badges.get(1)?.text).toBe('!!');
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('could not store the verdict for tab 1'), expect.any(Error));
  });

  it('stores only what the verdict is made from, once each', async () => {
    const dummies = Array.from({ length: 40 }, (_, i) => ({ action: `https://d0xy.me/search/${'x'.repeat(1000)}${i}`, method: 'get', hasPassword: false }));
    const password = { action: LOOKALIKE, method: 'post', hasPassword: true };
    const frame = { src: 'https://doxy.me/embed', allow: 'camera' };
    await pageReports(1, LOOKALIKE, { ...login(LOOKALIKE), forms: [password, password, ...dummies], iframes: [frame, frame] });
    expect(stored(1)?.signals?.forms).toEqual([password]);
    expect(stored(1)?.signals?.iframes).toEqual([frame]);
    expect(stored(1)?.verdict.level).toBe('danger');
  });
});

describe('the popup reading a tab', () => {
  it("never overwrites the page's report; it shows the current address and asks the page to report", async () => {
    await pageReports(1, LOOKALIKE, login(LOOKALIKE));
    // The browser's url event for the new address has not come yet.
    fake.openTabs.set(1, { id: 1, url: 'https://d0xy.me/other' });
    const shown = await popupReads(1);
    expect(shown?.url).toBe('https://d0xy.me/other');
    expect(shown?.signals).toBeNull();
    expect(stored(1)?.url).toBe(LOOKALIKE);
    expect(stored(1)?.signals?.passwordFields).toBe(1);
    expect(askedToReport(1)).toBe(true);
  });

  it('returns the stored state as it is when the address matches, and asks nothing', async () => {
    await pageReports(62, LOOKALIKE, login(LOOKALIKE));
    const before = stored(62);
    expect(await popupReads(62)).toEqual(before);
    expect(askedToReport(62)).toBe(false);
  });

  it('judges a tab with nothing stored by its address, and asks its page to report', async () => {
    fake.openTabs.set(3, { id: 3, url: 'https://d0xy.me/' });
    expect((await popupReads(3))?.verdict.level).toBe('caution');
    expect(stored(3)?.verdict.level).toBe('caution');
    expect(fake.badges.get(3)?.text).toBe('!');
    expect(askedToReport(3)).toBe(true);
  });
});

describe('the page UI for pages that report themselves', () => {
  const uiInjections = (tabId: number) => fake.injected.filter((injection) => injection.target.tabId === tabId && injection.files !== undefined);
  const reportsFrom = async (tabId: number): Promise<PageAnswer> => {
    const sender = { id: EXTENSION_ID, url: LOOKALIKE, frameId: 0, documentId: `document-${tabId}`, tab: { id: tabId, url: LOOKALIKE } };
    const [reply] = fake.browser.runtime.onMessage.fire({ type: 'page-signals', signals: login(LOOKALIKE), reading: 1 }, sender);
    const answer = await (reply as Promise<Reply<PageAnswer>>);
    if (!answer.ok) throw new Error(answer.error);
    return answer.value;
  };

  it('goes into the sending document before a reply that shows something, once: whether it is there is asked of that document, never taken from the page', async () => {
    fake.openTabs.set(11, { id: 11, url: LOOKALIKE });
    const answer = await reportsFrom(11);
    expect(answer.alert?.level).toBe('danger');
    expect(uiInjections(11).map((injection) => injection.target)).toEqual([{ tabId: 11, documentIds: ['document-11'] }]);
    await reportsFrom(11);
    expect(uiInjections(11)).toHaveLength(1);
    expect(fake.injected.filter((injection) => injection.target.tabId === 11 && injection.func?.name === 'pageUiInFrame')).toHaveLength(2);
  });
});

describe('reading pages from the background', () => {
  const shownIn = (tabId: number) => fake.injected.filter((injection) => injection.target.tabId === tabId && injection.func?.name === 'showInFrame');
  const quiet = { isSecureContext: true, passwordFields: 0, forms: [], videoElements: 0, iframes: [] };

  it('reads a frame once it has been parsed, judges the reading, and shows the answer in that very document', async () => {
    fake.openTabs.set(63, { id: 63, url: LOOKALIKE });
    fake.readings.set(63, { signals: login(LOOKALIKE), reading: 3, showing: false });
    fake.browser.webNavigation.onDOMContentLoaded.fire({ tabId: 63, frameId: 0 });
    await vi.waitFor(() => {
      expect(shownIn(63)).toHaveLength(2);
    });
    expect(readsOf(63)[0]?.target).toEqual({ tabId: 63, frameIds: [0] });
    expect(stored(63)?.verdict.level).toBe('danger');
    expect(stored(63)?.signals?.passwordFields).toBe(1);
    // The first try finds no page UI in the document; it goes in, and the answer is shown.
    const [first, second] = shownIn(63);
    expect(first?.target).toEqual({ tabId: 63, documentIds: ['document-of-tab-63'] });
    const [answer, reading, needsUi] = second?.args as [PageAnswer, number, boolean];
    expect(reading).toBe(3);
    expect(needsUi).toBe(true);
    expect(answer.alert?.level).toBe('danger');
    const ui = fake.injected.filter((injection) => injection.target.tabId === 63 && injection.files !== undefined);
    expect(ui.map((injection) => injection.target)).toEqual([{ tabId: 63, documentIds: ['document-of-tab-63'] }]);
    expect(fake.injected.indexOf(first!)).toBeLessThan(fake.injected.indexOf(ui[0]!));
    expect(fake.injected.indexOf(ui[0]!)).toBeLessThan(fake.injected.indexOf(second!));
  });

  it('hands a parsed document the answer from its address with the reading, and sends an ordinary login page no second answer', async () => {
    fake.openTabs.set(13, { id: 13, url: 'https://forum.example.org/login' });
    fake.readings.set(13, { signals: login('https://forum.example.org/session'), reading: 1, showing: false });
    fake.browser.webNavigation.onDOMContentLoaded.fire({ tabId: 13, frameId: 0, documentId: 'document-of-tab-13' });
    await vi.waitFor(() => {
      expect(stored(13)?.signals?.passwordFields).toBe(1);
    });
    await idle();
    const injections = fake.injected.filter((injection) => injection.target.tabId === 13);
    expect(injections.map((injection) => injection.func?.name ?? 'files')).toEqual(['readPageInFrame']);
    expect(injections[0]!.target).toEqual({ tabId: 13, documentIds: ['document-of-tab-13'] });
    expect(injections[0]!.args).toEqual([{ alert: expect.objectContaining({ level: 'neutral' }) as unknown, guard: null }]);
  });

  it("hands a look-alike's parsed document its armed guard with the reading, and still answers the reading (the danger alert)", async () => {
    fake.openTabs.set(14, { id: 14, url: LOOKALIKE });
    fake.readings.set(14, { signals: login(LOOKALIKE), reading: 1, showing: true });
    fake.browser.webNavigation.onDOMContentLoaded.fire({ tabId: 14, frameId: 0, documentId: 'document-of-tab-14' });
    await vi.waitFor(() => {
      expect(fake.injected.filter((injection) => injection.target.tabId === 14 && injection.func?.name === 'showInFrame').length).toBeGreaterThan(0);
    });
    const tab14 = fake.injected.filter((injection) => injection.target.tabId === 14);
    const read = tab14.find((injection) => injection.func?.name === 'readPageInFrame');
    expect(read!.args).toMatchObject([{ guard: { site: 'd0xy.me', target: 'doxy.me' } }]);
    // The answer shows something: the page UI goes in before it (the one from the commit may not be there yet).
    const pageUi = tab14.findIndex((injection) => injection.files !== undefined);
    expect(pageUi).toBeGreaterThanOrEqual(0);
    expect(pageUi).toBeLessThan(tab14.indexOf(read!));
  });

  it('sends no answer to a page with nothing to show, nothing shown and no password field, and takes away what a page shows', async () => {
    fake.openTabs.set(10, { id: 10, url: 'https://news.example.org/article' });
    fake.readings.set(10, { signals: quiet, reading: 1, showing: false });
    fake.browser.webNavigation.onDOMContentLoaded.fire({ tabId: 10, frameId: 0 });
    await vi.waitFor(() => {
      expect(stored(10)?.signals).toEqual(quiet);
    });
    await idle();
    expect(fake.injected.filter((injection) => injection.target.tabId === 10).map((injection) => injection.func?.name ?? 'files')).toEqual(['readPageInFrame']);

    // The same quiet page with an alert still up from before: the answer takes it away, and
    // needs no page UI for that.
    fake.readings.set(10, { signals: quiet, reading: 2, showing: true });
    fake.browser.webNavigation.onHistoryStateUpdated.fire({ tabId: 10, frameId: 0 });
    await vi.waitFor(() => {
      expect(shownIn(10)).toHaveLength(1);
    });
    expect(shownIn(10)[0]?.args).toMatchObject([{ guard: null }, 2, false]);
    expect(fake.injected.some((injection) => injection.target.tabId === 10 && injection.files !== undefined)).toBe(false);
  });

  it('always answers a page with a password field, even with nothing to show: its guard is waiting to know', async () => {
    fake.openTabs.set(12, { id: 12, url: 'https://forum.example.org/login' });
    fake.readings.set(12, { signals: login('https://forum.example.org/login'), reading: 1, showing: false });
    fake.browser.webNavigation.onDOMContentLoaded.fire({ tabId: 12, frameId: 0 });
    await vi.waitFor(() => {
      expect(shownIn(12)).toHaveLength(1);
    });
    expect(shownIn(12)[0]?.args).toMatchObject([{ alert: { level: 'neutral' }, guard: null }, 1, false]);
  });

  it('refuses a malformed reading: a page cannot hand the background anything but signals', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fake.openTabs.set(8, { id: 8, url: LOOKALIKE });
    fake.readings.set(8, { signals: { ...login(LOOKALIKE), passwordFields: -1 }, reading: 1, showing: false });
    fake.browser.webNavigation.onDOMContentLoaded.fire({ tabId: 8, frameId: 0 });
    await vi.waitFor(() => {
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('malformed reading'), expect.anything());
    });
    expect(stored(8)?.signals ?? null).toBeNull();
    expect(shownIn(8)).toHaveLength(0);
  });

  it('judges nothing when the frame has nothing to read (no content script of ours there)', async () => {
    fake.openTabs.set(9, { id: 9, url: LOOKALIKE });
    fake.readings.set(9, null);
    fake.browser.webNavigation.onDOMContentLoaded.fire({ tabId: 9, frameId: 0 });
    await idle();
    expect(readsOf(9)).toHaveLength(1);
    expect(shownIn(9)).toHaveLength(0);
    expect(stored(9)).toBeUndefined();
  });
});

describe('which frames are read once they have loaded', () => {
  const framesRead = (tabId: number) => readsOf(tabId).filter((injection) => 'frameIds' in injection.target && !(injection.target as { frameIds: number[] }).frameIds.includes(0));

  it('leaves the ordinary frames of an ordinary page unread (ads, embeds, widgets)', async () => {
    fake.openTabs.set(40, { id: 40, url: 'https://news.example.org/article' });
    fake.browser.webNavigation.onDOMContentLoaded.fire({ tabId: 40, frameId: 3, url: 'https://ads.example-adnetwork.com/banner' });
    await idle();
    expect(framesRead(40)).toHaveLength(0);
  });

  it('reads a look-alike framed by an ordinary page', async () => {
    fake.openTabs.set(41, { id: 41, url: 'https://news.example.org/article' });
    fake.browser.webNavigation.onDOMContentLoaded.fire({ tabId: 41, frameId: 4, url: LOOKALIKE });
    await vi.waitFor(() => {
      expect(framesRead(41)).toHaveLength(1);
    });
  });

  it("reads every frame of a look-alike's tab (a password box in any of them counts against it)", async () => {
    fake.openTabs.set(42, { id: 42, url: LOOKALIKE });
    fake.browser.webNavigation.onDOMContentLoaded.fire({ tabId: 42, frameId: 5, url: 'https://widgets.example.net/login-box' });
    await vi.waitFor(() => {
      expect(framesRead(42)).toHaveLength(1);
    });
  });
});

describe('answers from the address, as the navigation commits', () => {
  const shownIn = (tabId: number) => fake.injected.filter((injection) => injection.target.tabId === tabId && injection.func?.name === 'showInFrame');

  it('arms the guard and shows the alert in the new document of a look-alike, before the page has loaded', async () => {
    fake.openTabs.set(20, { id: 20, url: 'https://example.org/' });
    fake.browser.webNavigation.onCommitted.fire({ tabId: 20, frameId: 0, url: LOOKALIKE, documentId: 'new-document' });
    await vi.waitFor(() => {
      expect(shownIn(20).length).toBeGreaterThan(0);
    });
    const last = shownIn(20).at(-1)!;
    expect(last.target).toEqual({ tabId: 20, documentIds: ['new-document'] });
    expect(last.args).toMatchObject([{ alert: { level: 'caution' }, guard: { site: 'd0xy.me', target: 'doxy.me' } }, 0, true]);
  });

  it('puts the address verdict on the badge at commit, without waiting for the store', async () => {
    fake.openTabs.set(22, { id: 22, url: 'https://example.org/' });
    // A store that never answers: the badge must not wait for it.
    fake.hooks.whileGetting = () => new Promise(() => undefined);
    fake.browser.webNavigation.onCommitted.fire({ tabId: 22, frameId: 0, url: LOOKALIKE, documentId: 'committed' });
    await vi.waitFor(() => {
      expect(fake.badges.get(22)?.text).toBe('!');
    });
  });

  it("drops, at commit, what the tab's previous document reported (a reload of the same address)", async () => {
    await pageReports(23, LOOKALIKE, login(LOOKALIKE));
    expect(fake.badges.get(23)?.text).toBe('!!');
    fake.browser.webNavigation.onCommitted.fire({ tabId: 23, frameId: 0, url: LOOKALIKE, documentId: 'reloaded' });
    await vi.waitFor(() => {
      expect(stored(23)?.signals).toBeNull();
    });
    expect(fake.badges.get(23)?.text).toBe('!');
  });

  it('leaves the badge of a tab whose prerendered page commits in the background', async () => {
    await pageReports(24, LOOKALIKE, login(LOOKALIKE));
    fake.browser.webNavigation.onCommitted.fire({ tabId: 24, frameId: 0, url: 'https://news.example.org/', documentId: 'prerendered', documentLifecycle: 'prerender' } as never);
    await idle();
    expect(fake.badges.get(24)?.text).toBe('!!');
  });

  it('says nothing at commit to an ordinary page', async () => {
    fake.openTabs.set(21, { id: 21, url: 'https://example.org/' });
    fake.browser.webNavigation.onCommitted.fire({ tabId: 21, frameId: 0, url: 'https://news.example.org/', documentId: 'quiet-document' });
    await idle();
    expect(shownIn(21)).toHaveLength(0);
  });
});

describe('documents that leave http(s): judged as the site that made them', () => {
  it('judges a tab moved to a blob: address by the origin that made the blob', async () => {
    const blob = 'blob:https://d0xy.me/0b6f2c1e-4e57-4b7c-9c0e-1d5b0a0c5b9e';
    await pageReports(30, blob, login(blob));
    expect(stored(30)).toMatchObject({ url: blob, verdict: { host: 'd0xy.me', level: 'danger' } });
    expect(fake.badges.get(30)?.text).toBe('!!');
  });

  it('judges an about:blank popup by the frame that opened it', async () => {
    fake.openTabs.set(31, { id: 31, url: LOOKALIKE });
    fake.browser.webNavigation.onCreatedNavigationTarget.fire({ sourceTabId: 31, sourceFrameId: 0, tabId: 32, url: 'about:blank' });
    await vi.waitFor(() => {
      expect(fake.session.get('creator:32')).toBe(LOOKALIKE);
    });
    await pageReports(32, 'about:blank', login('about:blank'));
    expect(stored(32)).toMatchObject({ url: 'about:blank', verdict: { host: 'd0xy.me', level: 'danger' } });
  });

  it('judges nothing for an about:blank tab that no page made', async () => {
    await pageReports(33, 'about:blank', login('about:blank'));
    expect(stored(33)).toBeUndefined();
  });
});

describe('the warning page in place of a page that fights its warning', () => {
  const fights = async (tabId: number, url: string): Promise<Reply<boolean>> => {
    const [reply] = fake.browser.runtime.onMessage.fire({ type: 'warning-fought' }, { id: EXTENSION_ID, url, frameId: 0, tab: { id: tabId, url } });
    return reply as Promise<Reply<boolean>>;
  };

  it('replaces a warned page, and the popup still shows its verdict', async () => {
    await pageReports(40, LOOKALIKE, login(LOOKALIKE));
    expect(await fights(40, LOOKALIKE)).toEqual({ ok: true, value: true });
    const warningPage = `chrome-extension://${EXTENSION_ID}/src/warning/index.html?tab=40`;
    expect(fake.updatedTabs).toEqual([{ tabId: 40, url: warningPage }]);
    fake.openTabs.set(40, { id: 40, url: warningPage });
    expect(await popupReads(40)).toMatchObject({ url: LOOKALIKE, verdict: { level: 'danger' } });
  });

  it('never replaces a page nothing warns about, whatever it says', async () => {
    await pageReports(41, 'https://news.example.org/', { isSecureContext: true, passwordFields: 0, forms: [], videoElements: 0, iframes: [] });
    expect(await fights(41, 'https://news.example.org/')).toEqual({ ok: true, value: false });
    expect(fake.updatedTabs).toEqual([]);
  });
});

describe("the clinic's camera block, enforced by the browser too", () => {
  it('closes the camera on an unverified site as its navigation starts, and not on a verified one', async () => {
    fake.managed.policy = { actions: { unknownVideoPlatform: 'block' } };
    fake.browser.storage.onChanged.fire({}, 'managed');
    await vi.waitFor(async () => {
      fake.browser.webNavigation.onBeforeNavigate.fire({ tabId: 50, frameId: 0, url: 'https://visits.example-telehealth.net/room' });
      await idle();
      expect(fake.contentSettings).toContainEqual({ type: 'camera', pattern: 'https://visits.example-telehealth.net:*/*', setting: 'block' });
    });
    expect(fake.contentSettings).toContainEqual({ type: 'microphone', pattern: 'https://visits.example-telehealth.net:*/*', setting: 'block' });
    fake.browser.webNavigation.onBeforeNavigate.fire({ tabId: 51, frameId: 0, url: 'https://doxy.me/drsmith' });
    await idle();
    expect(fake.contentSettings.some((rule) => rule.pattern?.includes('doxy.me'))).toBe(false);
  });
});

describe('tabs the extension did not see open', () => {
  it('judges the open tabs by their address on install, and sets their badges', async () => {
    fake.openTabs.set(1, { id: 1, url: 'https://d0xy.me/' });
    fake.openTabs.set(2, { id: 2, url: 'https://doxy.me/' });
    fake.openTabs.set(3, { id: 3, url: 'chrome://newtab/' });
    fake.browser.runtime.onInstalled.fire({ reason: 'install' });
    await vi.waitFor(() => {
      expect([1, 2, 3].map((id) => fake.badges.get(id)?.text)).toEqual(['!', '✓', '']);
    });
    expect(stored(1)?.signals).toBeNull();
    expect(stored(3)).toBeUndefined();
  });

  it("moves a replaced tab's state to the tab that took its place, and reads the new page", async () => {
    await pageReports(1, LOOKALIKE, login(LOOKALIKE));
    fake.openTabs.delete(1);
    fake.openTabs.set(5, { id: 5, url: LOOKALIKE });
    fake.browser.tabs.onReplaced.fire(5, 1);
    await vi.waitFor(() => {
      expect(askedToReport(5)).toBe(true);
    });
    expect(stored(1)).toBeUndefined();
    expect(stored(5)).toMatchObject({ tabId: 5, url: LOOKALIKE, verdict: { level: 'danger' } });
    expect(fake.badges.get(5)?.text).toBe('!!');
  });

  it('judges a replacing tab at another address by that address', async () => {
    await pageReports(1, LOOKALIKE, login(LOOKALIKE));
    fake.openTabs.set(6, { id: 6, url: 'https://doxy.me/' });
    fake.browser.tabs.onReplaced.fire(6, 1);
    await vi.waitFor(() => {
      expect(stored(6)?.verdict.level).toBe('verified');
    });
    expect(stored(1)).toBeUndefined();
  });
});

describe('each tab on its own, in a burst of tabs', () => {
  const never = (): Promise<never> => new Promise<never>(() => undefined);
  const commits = (tabId: number, url: string): void => {
    fake.openTabs.set(tabId, { id: tabId, url });
    fake.browser.webNavigation.onCommitted.fire({ tabId, frameId: 0, url, documentId: `document-${tabId}-${url}` });
  };

  it("shows a commit's verdict while the tab's previous verdict is still being stored", async () => {
    // The store never finishes writing this tab's first verdict (a store busy with every other tab).
    fake.hooks.beforeSet = (_area, items) => (`tab:70` in items ? never() : undefined);
    navigates(70, 'https://doxy.me/');
    await vi.waitFor(() => {
      expect(fake.badges.get(70)?.text).toBe('✓');
    });
    commits(70, LOOKALIKE);
    await vi.waitFor(() => {
      expect(fake.badges.get(70)).toMatchObject({ text: '!', title: 'Telehealth Guard: caution' });
    });
  });

  it("shows a commit's verdict while the tab's previous icon is still being set", async () => {
    const setIcon = fake.browser.action.setIcon;
    vi.spyOn(fake.browser.action, 'setIcon').mockImplementation((details) => (details.tabId === 71 ? never() : setIcon(details)));
    navigates(71, 'https://doxy.me/');
    await vi.waitFor(() => {
      expect(fake.badges.get(71)?.text).toBe('✓');
    });
    commits(71, LOOKALIKE);
    await vi.waitFor(() => {
      expect(fake.badges.get(71)).toMatchObject({ text: '!', title: 'Telehealth Guard: caution' });
    });
  });

  it("shows one tab's verdict while another tab's badge and store never finish", async () => {
    const setIcon = fake.browser.action.setIcon;
    vi.spyOn(fake.browser.action, 'setIcon').mockImplementation((details) => (details.tabId === 72 ? never() : setIcon(details)));
    fake.hooks.beforeSet = (_area, items) => (`tab:72` in items ? never() : undefined);
    commits(72, LOOKALIKE);
    commits(73, 'https://doxy.me/');
    await vi.waitFor(() => {
      expect(fake.badges.get(73)).toMatchObject({ text: '✓', icon: 'icons/verified-16.png' });
      expect(stored(73)?.verdict.level).toBe('verified');
    });
  });

  it("sets a tab's badge and stores its state once for a page that reports the same twice", async () => {
    const setText = vi.spyOn(fake.browser.action, 'setBadgeText');
    const set = vi.spyOn(fake.browser.storage.session, 'set');
    await pageReports(75, LOOKALIKE, login(LOOKALIKE));
    await pageReports(75, LOOKALIKE, login(LOOKALIKE));
    expect(setText.mock.calls.filter(([details]) => details.tabId === 75)).toHaveLength(1);
    expect(set.mock.calls.filter(([items]) => 'tab:75' in items)).toHaveLength(1);
  });

  it('shows the verdict again at every commit, the same as before or not (the browser clears the button at a new document)', async () => {
    commits(76, LOOKALIKE);
    await vi.waitFor(() => {
      expect(fake.badges.get(76)?.text).toBe('!');
    });
    fake.badges.delete(76);
    commits(76, LOOKALIKE);
    await vi.waitFor(() => {
      expect(fake.badges.get(76)?.text).toBe('!');
    });
  });

  it('ends with the newest verdict of a tab when its updates come faster than the browser sets the button', async () => {
    const setIcon = fake.browser.action.setIcon;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    vi.spyOn(fake.browser.action, 'setIcon').mockImplementation(async (details) => {
      if (details.tabId === 77) await held;
      return setIcon(details);
    });
    commits(77, 'https://doxy.me/');
    commits(77, 'https://news.example.org/');
    const replied = pageReports(77, LOOKALIKE, login(LOOKALIKE));
    await idle();
    release();
    const reply = await replied;
    expect(reply.ok && reply.value.alert?.level).toBe('danger');
    await vi.waitFor(() => {
      expect(fake.badges.get(77)).toEqual({ text: '!!', color: '#cf222e', icon: 'icons/danger-16.png', title: 'Telehealth Guard: danger' });
      expect(stored(77)?.verdict.level).toBe('danger');
    });
  });

  it("leaves a new document's address to its commit: the url event that comes just before it shows nothing", async () => {
    fake.browser.webNavigation.onBeforeNavigate.fire({ tabId: 78, frameId: 0, url: LOOKALIKE });
    navigates(78, LOOKALIKE);
    await idle();
    expect(fake.badges.get(78)).toBeUndefined();
    commits(78, LOOKALIKE);
    await vi.waitFor(() => {
      expect(fake.badges.get(78)?.text).toBe('!');
      expect(stored(78)?.url).toBe(LOOKALIKE);
    });
  });

  it('judges the address a tab shows when its new document never comes (an error, a download, a stop)', async () => {
    fake.browser.webNavigation.onBeforeNavigate.fire({ tabId: 79, frameId: 0, url: LOOKALIKE });
    navigates(79, LOOKALIKE);
    fake.browser.webNavigation.onErrorOccurred.fire({ tabId: 79, frameId: 0, url: LOOKALIKE, error: 'net::ERR_CONNECTION_REFUSED' });
    await vi.waitFor(() => {
      expect(fake.badges.get(79)?.text).toBe('!');
    });
  });

  it('judges a new address without a new document from its url event, after the document before it committed', async () => {
    fake.browser.webNavigation.onBeforeNavigate.fire({ tabId: 80, frameId: 0, url: 'https://d0xy.me/' });
    commits(80, 'https://d0xy.me/');
    // history.pushState: no onBeforeNavigate, no commit.
    navigates(80, LOOKALIKE);
    await vi.waitFor(() => {
      expect(stored(80)?.url).toBe(LOOKALIKE);
      expect(fake.badges.get(80)?.text).toBe('!');
    });
  });

  it("leaves a new tab's first document to its commit, though its url event comes before its onBeforeNavigate", async () => {
    // A store that never answers a read: nothing about the new tab may wait for one.
    fake.hooks.whileGetting = () => never();
    fake.browser.tabs.onCreated.fire({ id: 81, url: '', pendingUrl: LOOKALIKE });
    navigates(81, LOOKALIKE);
    fake.browser.webNavigation.onBeforeNavigate.fire({ tabId: 81, frameId: 0, url: LOOKALIKE });
    await idle();
    expect(fake.badges.get(81)).toBeUndefined();
    commits(81, LOOKALIKE);
    await vi.waitFor(() => {
      expect(fake.badges.get(81)).toMatchObject({ text: '!', title: 'Telehealth Guard: caution' });
      expect(stored(81)?.url).toBe(LOOKALIKE);
    });
  });
});
