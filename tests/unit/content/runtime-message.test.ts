import { describe, expect, it, vi } from 'vitest';
import { loadedPageUi, pageUi, PAGE_UI_KEY } from '../../../src/content/page-ui-contract';
import { sendRuntimeMessage } from '../../../src/platform/runtime-message';

describe("the content script's messages to the background", () => {
  it('go through the browser’s own promise-based `browser` where it has one', async () => {
    const native = vi.fn(() => Promise.resolve('from browser'));
    const chromeSend = vi.fn(() => Promise.resolve('from chrome'));
    const scope = { browser: { runtime: { id: 'ext', sendMessage: native } }, chrome: { runtime: { sendMessage: chromeSend } } };
    expect(await sendRuntimeMessage({ type: 'chat-typing' }, scope)).toBe('from browser');
    expect(native).toHaveBeenCalledWith({ type: 'chat-typing' });
    expect(chromeSend).not.toHaveBeenCalled();
  });

  it("go through Manifest V3's promise-returning chrome.runtime elsewhere (a `browser` without an id is not the extension's)", async () => {
    const chromeSend = vi.fn(() => Promise.resolve('from chrome'));
    const scope = { browser: { runtime: {} }, chrome: { runtime: { sendMessage: chromeSend } } };
    expect(await sendRuntimeMessage({ type: 'chat-typing' }, scope)).toBe('from chrome');
  });

  it('fail plainly in a world without the extension', async () => {
    await expect(sendRuntimeMessage({ type: 'chat-typing' }, {})).rejects.toThrow(/no extension runtime/);
  });
});

describe('the page UI, as the content script reaches it', () => {
  it('is there once injected, and asking for it before is an error, not a silent nothing', () => {
    const scope: Record<string, unknown> = {};
    expect(loadedPageUi(scope)).toBeUndefined();
    expect(() => pageUi(scope)).toThrow(/before the background injected it/);
    const ui = { updateAlert: vi.fn() };
    scope[PAGE_UI_KEY] = ui;
    expect(pageUi(scope)).toBe(ui);
  });
});
