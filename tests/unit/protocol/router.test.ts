import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Sender } from '../../../src/protocol/router';

const EXTENSION_ID = 'ljbanadpekglijmpjdpnphaljafnjdkn';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const signals = { isSecureContext: true, passwordFields: 1, forms: [], videoElements: 0, iframes: [] };

function setup() {
  const pageSignals = vi.fn(() => Promise.resolve(null));
  const getTabState = vi.fn(() => Promise.resolve(null));
  const route = createRouter({
    extensionId: EXTENSION_ID,
    extensionOrigin: ORIGIN,
    content: { 'page-signals': pageSignals },
    pages: { 'get-tab-state': getTabState },
  });
  return { route, pageSignals, getTabState };
}

const contentSender: Sender = { id: EXTENSION_ID, url: 'https://d0xy.me/login', frameId: 0, tab: { id: 7, url: 'https://d0xy.me/login' } };
const popupSender: Sender = { id: EXTENSION_ID, url: `${ORIGIN}src/popup/index.html` };

describe('message router', () => {
  it('hands a valid content message to its handler with the browser-reported tab URL', async () => {
    const { route, pageSignals } = setup();
    const reply = await route({ type: 'page-signals', signals }, { ...contentSender, url: 'https://forged.example/' });
    expect(reply).toEqual({ ok: true, value: null });
    expect(pageSignals).toHaveBeenCalledWith({ type: 'page-signals', signals }, { tabId: 7, frameId: 0, tabUrl: 'https://d0xy.me/login' });
  });

  it('drops messages from other extensions unanswered, before reading them', () => {
    const { route, pageSignals } = setup();
    expect(route({ type: 'page-signals', signals }, { ...contentSender, id: 'someotherextensionidxxxxxxxxxxxx' })).toBeUndefined();
    expect(route({ type: 'page-signals', signals }, { ...contentSender, id: undefined })).toBeUndefined();
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
    expect(await route({ type: 'page-signals', signals }, popupSender)).toMatchObject({ ok: false });
  });

  it('rejects a content message whose sender has no tab', async () => {
    const { route } = setup();
    expect(await route({ type: 'page-signals', signals }, { id: EXTENSION_ID, url: 'https://x.example/' })).toMatchObject({ ok: false });
  });

  it('turns a failing handler into an error reply', async () => {
    const route = createRouter({
      extensionId: EXTENSION_ID,
      extensionOrigin: ORIGIN,
      content: { 'page-signals': () => Promise.reject(new Error('storage full')) },
      pages: { 'get-tab-state': () => Promise.resolve(null) },
    });
    expect(await route({ type: 'page-signals', signals }, contentSender)).toEqual({ ok: false, error: 'storage full' });
  });
});
