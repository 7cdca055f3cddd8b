import { afterEach, describe, expect, it, vi } from 'vitest';
import { cautionChatInFrame, PAGE_API_KEY, readPageInFrame, showInFrame, type PageApi } from '../../../src/protocol/page-api';

const scope = globalThis as { telehealthGuardPage?: PageApi };

afterEach(() => {
  delete scope.telehealthGuardPage;
});

describe('the functions the background injects into frames', () => {
  it('reach the content script under the key it keeps its API at', () => {
    const show = vi.fn();
    const cautionChat = vi.fn();
    const read = vi.fn(() => ({ signals: { isSecureContext: true, passwordFields: 0, forms: [], videoElements: 0, iframes: [] }, reading: 7, showing: false, ui: false }));
    expect(PAGE_API_KEY).toBe('telehealthGuardPage');
    scope.telehealthGuardPage = { read, show, cautionChat };
    expect(readPageInFrame()).toMatchObject({ reading: 7 });
    showInFrame({ alert: null, guard: null }, 7);
    expect(show).toHaveBeenCalledWith({ alert: null, guard: null }, 7);
    cautionChatInFrame('Intercom');
    expect(cautionChat).toHaveBeenCalledWith('Intercom');
  });

  it('give nothing, and throw nothing, in a frame without the content script', () => {
    expect(readPageInFrame()).toBeNull();
    expect(() => {
      showInFrame({ alert: null, guard: null }, 1);
      cautionChatInFrame('Intercom');
    }).not.toThrow();
  });

  it('are self-contained: the browser sends their source, not their closure', () => {
    for (const injected of [readPageInFrame, showInFrame, cautionChatInFrame]) {
      const source = injected.toString();
      expect(source).toContain(PAGE_API_KEY);
      // Nothing imported: only globalThis and the arguments.
      expect(source).not.toMatch(/__vite|import|require/);
    }
  });
});
