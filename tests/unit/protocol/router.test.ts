import { describe, expect, it, vi } from 'vitest';
import type { Dismissal, PageAnswer } from '../../../src/protocol/messages';
import { createRouter, type Sender } from '../../../src/protocol/router';
import { adminHandlerStubs } from './admin-handler-stubs';
import { linkCheckHandlerStubs } from './link-check-handler-stubs';

const passwordHandlerStubs = {
  'password-mode': () => Promise.resolve({ signInSite: false, check: false }),
  'password-rater': () => Promise.resolve(false),
  'password-watch': () => Promise.resolve(false),
  'password-strength': () => Promise.resolve(null),
  'password-sign-in': () => Promise.resolve(null),
  'password-check': () => Promise.resolve(false),
};

const EXTENSION_ID = 'ljbanadpekglijmpjdpnphaljafnjdkn';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const signals = { isSecureContext: true, passwordFields: 1, forms: [], videoElements: 0, iframes: [] };

const report: PageAnswer = { alert: null, guard: null };
const dismissal: Dismissal = { host: 'd0xy.me', target: 'doxy.me', at: 1 };

function setup() {
  const pageSignals = vi.fn(() => Promise.resolve(report));
  const dismissGuard = vi.fn(() => Promise.resolve(dismissal));
  const getTabState = vi.fn(() => Promise.resolve(null));
  const getPopupView = vi.fn(() => Promise.resolve({ state: null, trusted: [] }));
  const undoDismissal = vi.fn(() => Promise.resolve(true));
  const callActivity = vi.fn(() => Promise.resolve(null));
  const chatTyping = vi.fn(() => Promise.resolve(null));
  const route = createRouter({
    extensionId: EXTENSION_ID,
    extensionOrigin: ORIGIN,
    content: { 'page-signals': pageSignals, 'dismiss-lookalike-guard': dismissGuard, 'call-activity': callActivity, 'chat-typing': chatTyping, 'form-typing': vi.fn(() => Promise.resolve(null)), 'warning-fought': vi.fn(() => Promise.resolve(true)), 'frame-modal': vi.fn(() => Promise.resolve(null)), ...passwordHandlerStubs },
    pages: { 'get-tab-state': getTabState, 'get-popup-view': getPopupView, 'undo-dismissal': undoDismissal, ...adminHandlerStubs, ...linkCheckHandlerStubs },
  });
  return { route, pageSignals, dismissGuard, callActivity, chatTyping, getTabState, getPopupView, undoDismissal };
}

const contentSender: Sender = { id: EXTENSION_ID, url: 'https://d0xy.me/login', frameId: 0, tab: { id: 7, url: 'https://d0xy.me/login' } };
const popupSender: Sender = { id: EXTENSION_ID, url: `${ORIGIN}src/popup/index.html` };

describe('message router', () => {
  it("hands a top frame's message to its handler with the browser-reported tab URL for both addresses", async () => {
    const { route, pageSignals } = setup();
    const reply = await route({ type: 'page-signals', signals, reading: 1 }, { ...contentSender, url: 'https://d0xy.me/login#step-2' });
    expect(reply).toEqual({ ok: true, value: report });
    expect(pageSignals).toHaveBeenCalledWith(
      { type: 'page-signals', signals, reading: 1 },
      { tabId: 7, frameId: 0, tabUrl: 'https://d0xy.me/login', frameUrl: 'https://d0xy.me/login', documentUrl: 'https://d0xy.me/login#step-2' },
    );
  });

  it("hands a frame's message over with the frame's own browser-reported address", async () => {
    const { route, pageSignals } = setup();
    const frameSender: Sender = { ...contentSender, frameId: 3, url: 'https://d0xy.me/frame', tab: { id: 7, url: 'https://forum.example.org/' } };
    await route({ type: 'page-signals', signals, reading: 1 }, frameSender);
    expect(pageSignals).toHaveBeenCalledWith(
      { type: 'page-signals', signals, reading: 1 },
      { tabId: 7, frameId: 3, tabUrl: 'https://forum.example.org/', frameUrl: 'https://d0xy.me/frame', documentUrl: 'https://d0xy.me/frame' },
    );
  });

  it('rejects a frame whose sender carries no address of its own', async () => {
    const { route, pageSignals } = setup();
    const reply = await route({ type: 'page-signals', signals, reading: 1 }, { ...contentSender, frameId: 3, url: undefined });
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('no address') as unknown });
    expect(pageSignals).not.toHaveBeenCalled();
  });

  it('lets a content script dismiss its guard without naming any site', async () => {
    const { route, dismissGuard } = setup();
    expect(await route({ type: 'dismiss-lookalike-guard' }, contentSender)).toEqual({ ok: true, value: dismissal });
    expect(dismissGuard).toHaveBeenCalledWith({ type: 'dismiss-lookalike-guard' }, expect.objectContaining({ tabId: 7, frameUrl: 'https://d0xy.me/login' }));
    // A page can't pick the host: the message has no room for one.
    expect(await route({ type: 'dismiss-lookalike-guard', host: 'bank.example' }, contentSender)).toMatchObject({ ok: false });
    expect(dismissGuard).toHaveBeenCalledOnce();
  });

  it('drops messages from other extensions unanswered, before reading them', () => {
    const { route, pageSignals } = setup();
    expect(route({ type: 'page-signals', signals, reading: 1 }, { ...contentSender, id: 'someotherextensionidxxxxxxxxxxxx' })).toBeUndefined();
    expect(route({ type: 'page-signals', signals, reading: 1 }, { ...contentSender, id: undefined })).toBeUndefined();
    expect(pageSignals).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown type', { type: 'delete-everything' }],
    ['a missing payload', { type: 'page-signals' }],
    ['a malformed payload', { type: 'page-signals', signals: { ...signals, passwordFields: -1 } }],
    ['extra fields', { type: 'page-signals', signals, extra: 1 }],
    ['a non-object', 'page-signals'],
  ])('rejects %s from a content script', async (_label, message) => {
    const { route, pageSignals } = setup();
    const reply = await route(message, contentSender);
    expect(reply).toMatchObject({ ok: false });
    expect(pageSignals).not.toHaveBeenCalled();
  });

  it('never lets a content script call an extension-page handler', async () => {
    const { route, getTabState } = setup();
    const reply = await route({ type: 'get-tab-state', tabId: 3 }, contentSender);
    expect(reply).toMatchObject({ ok: false });
    expect(getTabState).not.toHaveBeenCalled();
  });

  it('serves the popup its own message types', async () => {
    const { route, getTabState } = setup();
    expect(await route({ type: 'get-tab-state', tabId: 3 }, popupSender)).toEqual({ ok: true, value: null });
    expect(getTabState).toHaveBeenCalledOnce();
    expect(await route({ type: 'page-signals', signals, reading: 1 }, popupSender)).toMatchObject({ ok: false });
    expect(await route({ type: 'dismiss-lookalike-guard' }, popupSender)).toMatchObject({ ok: false });
  });

  it("answers the popup's view of a tab to the extension's pages only", async () => {
    const { route, getPopupView } = setup();
    expect(await route({ type: 'get-popup-view', tabId: 3 }, popupSender)).toEqual({ ok: true, value: { state: null, trusted: [] } });
    expect(await route({ type: 'get-popup-view', tabId: 3 }, contentSender)).toMatchObject({ ok: false });
    expect(await route({ type: 'get-popup-view', tabId: -1 }, popupSender)).toMatchObject({ ok: false });
    expect(getPopupView).toHaveBeenCalledOnce();
    expect(getPopupView).toHaveBeenCalledWith({ type: 'get-popup-view', tabId: 3 }, popupSender);
  });

  it('undoes dismissals for extension pages, with the host normalised', async () => {
    const { route, undoDismissal } = setup();
    expect(await route({ type: 'undo-dismissal', host: 'D0XY.ME' }, popupSender)).toEqual({ ok: true, value: true });
    expect(undoDismissal).toHaveBeenCalledWith({ type: 'undo-dismissal', host: 'd0xy.me' }, popupSender);
  });

  it.each([
    ['an empty host', { type: 'undo-dismissal', host: '' }],
    ['a URL instead of a host', { type: 'undo-dismissal', host: 'https://d0xy.me/' }],
    ['a missing host', { type: 'undo-dismissal' }],
    ['extra fields', { type: 'undo-dismissal', host: 'd0xy.me', all: true }],
  ])('rejects %s from an extension page', async (_label, message) => {
    const { route, undoDismissal } = setup();
    expect(await route(message, popupSender)).toMatchObject({ ok: false });
    expect(undoDismissal).not.toHaveBeenCalled();
  });

  it('never lets a content script undo dismissals', async () => {
    const { route, undoDismissal } = setup();
    expect(await route({ type: 'undo-dismissal', host: 'd0xy.me' }, contentSender)).toMatchObject({ ok: false });
    expect(undoDismissal).not.toHaveBeenCalled();
  });

  it('rejects a content message whose sender has no tab', async () => {
    const { route } = setup();
    expect(await route({ type: 'page-signals', signals, reading: 1 }, { id: EXTENSION_ID, url: 'https://x.example/' })).toMatchObject({ ok: false });
  });

  it('turns a failing handler into an error reply', async () => {
    const route = createRouter({
      extensionId: EXTENSION_ID,
      extensionOrigin: ORIGIN,
      content: {
        'page-signals': () => Promise.reject(new Error('storage full')),
        'dismiss-lookalike-guard': () => Promise.resolve(dismissal),
        'call-activity': () => Promise.resolve(null),
        'chat-typing': () => Promise.resolve(null),
        ...passwordHandlerStubs,
        'form-typing': () => Promise.resolve(null),
        'warning-fought': () => Promise.resolve(false),
        'frame-modal': () => Promise.resolve(null),
      },
      pages: {
        'get-tab-state': () => Promise.resolve(null),
        'get-popup-view': () => Promise.resolve({ state: null, trusted: [] }),
        'undo-dismissal': () => Promise.resolve(false),
        ...adminHandlerStubs,
        ...linkCheckHandlerStubs,
      },
    });
    expect(await route({ type: 'page-signals', signals, reading: 1 }, contentSender)).toEqual({ ok: false, error: 'storage full' });
  });

  it('passes call activity from content scripts, and only the kinds it knows', async () => {
    const { route, callActivity } = setup();
    expect(await route({ type: 'call-activity', activity: 'camera-or-microphone' }, contentSender)).toEqual({ ok: true, value: null });
    expect(callActivity).toHaveBeenCalledOnce();
    expect(await route({ type: 'call-activity', activity: 'keylogger' }, contentSender)).toMatchObject({ ok: false });
    expect(await route({ type: 'call-activity', activity: 'screen' }, popupSender)).toMatchObject({ ok: false });
  });
});
