// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { createPageUiAccess } from '../../../src/content/page-ui-contract';
import { PAGE_UI_KEY } from '../../../src/protocol/page-api';
import { sendRuntimeMessage } from '../../../src/extension-api/runtime-message';

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

  it("read `browser` and `chrome` as the world's own properties: a page's element of that name never stands in", async () => {
    const chromeSend = vi.fn(() => Promise.resolve('from chrome'));
    // What named access gives: a global's name found on the prototype chain, not on the global itself.
    const clobbered = Object.create({ browser: { runtime: { id: 'a form named browser', sendMessage: vi.fn() } } }) as object;
    Object.defineProperty(clobbered, 'chrome', { value: { runtime: { sendMessage: chromeSend } } });
    expect(await sendRuntimeMessage({ type: 'chat-typing' }, clobbered)).toBe('from chrome');
  });

  it('fail plainly in a world without the extension', async () => {
    await expect(sendRuntimeMessage({ type: 'chat-typing' }, {})).rejects.toThrow(/no extension runtime/);
  });
});

describe('the page UI, as the content script reaches it', () => {
  const host = { onFought: vi.fn(), onModalChange: vi.fn() };

  it('is there once injected, made once, and asking for it before is an error, not a silent nothing', () => {
    const scope: Record<string, unknown> = {};
    const access = createPageUiAccess(host, document, scope);
    expect(access.loaded()).toBeUndefined();
    expect(() => access.get()).toThrow(/before the background injected it/);
    const ui = { updateAlert: vi.fn() };
    const create = vi.fn(() => ui);
    Object.defineProperty(scope, PAGE_UI_KEY, { value: { create } });
    expect(access.get()).toBe(ui);
    expect(access.get()).toBe(ui);
    expect(create).toHaveBeenCalledOnce();
    expect(create).toHaveBeenCalledWith(document, host);
  });

  it("is never a page's element named after its key (named access reaches isolated worlds too)", () => {
    const scope = Object.create({ [PAGE_UI_KEY]: { create: () => ({ updateAlert: vi.fn() }) } }) as object;
    expect(createPageUiAccess(host, document, scope).loaded()).toBeUndefined();
  });
});
