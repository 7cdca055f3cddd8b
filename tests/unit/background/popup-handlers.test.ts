import { describe, expect, it, vi } from 'vitest';
import { popupPageHandlers } from '../../../src/background/popup-handlers';
import { buildAllowlist } from '../../../src/core/lists/allowlist';
import { assessPage } from '../../../src/core/findings/assess';
import { loadBuiltInCatalog } from '../../../src/core/lists/catalog';
import { ownLookalike } from '../../../src/core/findings/guard-target';
import type { Dismissal, TabState } from '../../../src/protocol/messages';

const allowlist = buildAllowlist([{ source: 'catalog', file: loadBuiltInCatalog() }]);
const stateOf = (url: string): TabState => ({ tabId: 3, url, verdict: assessPage(allowlist, { url }), signals: null, frames: [], updatedAt: 0 });
const at = Date.UTC(2025, 4, 17);
const trusted: Dismissal[] = [
  { host: 'd0xy.me', target: 'doxy.me', at: at + 2 },
  { host: 'cloxy.me', target: 'doxy.me', at: at + 1 },
  { host: 'zo0m.us', target: 'zoom.us', at },
];

describe("the popup's view of a tab", () => {
  it("answers the tab's state with the trusted sites among its look-alikes, and no others", async () => {
    const handlers = popupPageHandlers({ tabState: () => Promise.resolve(stateOf('https://d0xy.me/login')), listDismissals: () => Promise.resolve(trusted) });
    const view = await handlers['get-popup-view']({ type: 'get-popup-view', tabId: 3 });
    expect(view.state?.verdict.level).toBe('caution');
    expect(view.trusted).toEqual([trusted[0]]);
  });

  it("counts a look-alike that a frame of the tab added, by the frame's host", async () => {
    const state = stateOf('https://forum.example.org/');
    const framed = ownLookalike(assessPage(allowlist, { url: 'https://cloxy.me/' }))!;
    state.verdict = { ...state.verdict, findings: [...state.verdict.findings, { ...framed, frame: 'cloxy.me' }] };
    const handlers = popupPageHandlers({ tabState: () => Promise.resolve(state), listDismissals: () => Promise.resolve(trusted) });
    expect((await handlers['get-popup-view']({ type: 'get-popup-view', tabId: 3 })).trusted.map((d) => d.host)).toEqual(['cloxy.me']);
  });

  it('asks for the state of the tab it was asked about', async () => {
    const tabState = vi.fn(() => Promise.resolve(null));
    await popupPageHandlers({ tabState, listDismissals: () => Promise.resolve(trusted) })['get-popup-view']({ type: 'get-popup-view', tabId: 42 });
    expect(tabState).toHaveBeenCalledWith(42);
  });

  it('lists no trusted sites for a page it does not judge', async () => {
    const handlers = popupPageHandlers({ tabState: () => Promise.resolve(null), listDismissals: () => Promise.resolve(trusted) });
    expect(await handlers['get-popup-view']({ type: 'get-popup-view', tabId: 3 })).toEqual({ state: null, trusted: [] });
  });

  it('still answers the verdict when the trusted sites cannot be read', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const state = stateOf('https://d0xy.me/login');
    const handlers = popupPageHandlers({ tabState: () => Promise.resolve(state), listDismissals: () => Promise.reject(new Error('storage is gone')) });
    expect(await handlers['get-popup-view']({ type: 'get-popup-view', tabId: 3 })).toEqual({ state, trusted: [] });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('fails as the tab state does, for the popup to show why', async () => {
    const handlers = popupPageHandlers({ tabState: () => Promise.reject(new Error('No tab with id: 3.')), listDismissals: () => Promise.resolve([]) });
    await expect(handlers['get-popup-view']({ type: 'get-popup-view', tabId: 3 })).rejects.toThrow('No tab with id: 3.');
  });
});
