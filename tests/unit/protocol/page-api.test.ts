import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  cautionChatInFrame,
  cautionTrackersInFrame,
  EARLY_ANSWER_KEY,
  PAGE_API_KEY,
  PAGE_UI_KEY,
  pageUiInFrame,
  readPageInFrame,
  showInFrame,
  type PageApi,
} from '../../../src/protocol/page-api';

const scope = globalThis as Record<string, unknown>;
const keys = [PAGE_API_KEY, PAGE_UI_KEY, EARLY_ANSWER_KEY];

/** As the content script and the page UI put themselves on their world's global: own, fixed. */
function define(key: string, value: unknown): void {
  Object.defineProperty(globalThis, key, { value, configurable: true });
}

afterEach(() => {
  for (const key of keys) Reflect.deleteProperty(scope, key);
});

const api = () => ({
  read: vi.fn(() => ({ signals: { isSecureContext: true, passwordFields: 0, forms: [], videoElements: 0, iframes: [] }, reading: 7, showing: false })),
  show: vi.fn(),
  cautionChat: vi.fn(),
    cautionTrackers: vi.fn(),
  suspendAlert: vi.fn(),
});

describe('the functions the background injects into frames', () => {
  it('reach the content script under the key it keeps its API at', () => {
    const page = api();
    define(PAGE_API_KEY, page satisfies PageApi);
    expect(readPageInFrame(false)).toMatchObject({ reading: 7 });
    expect(showInFrame({ alert: null, guard: null }, 7, false)).toBe('shown');
    expect(page.show).toHaveBeenCalledWith({ alert: null, guard: null }, 7);
    cautionChatInFrame('Intercom');
    expect(page.cautionChat).toHaveBeenCalledWith('Intercom');
    cautionTrackersInFrame(['Meta (advertising)']);
    expect(page.cautionTrackers).toHaveBeenCalledWith(['Meta (advertising)']);
  });

  it('ask for the page UI before an answer that shows something, and see whether it is there', () => {
    const page = api();
    define(PAGE_API_KEY, page);
    expect(pageUiInFrame()).toBe(false);
    expect(showInFrame({ alert: null, guard: null }, 3, true)).toBe('needs-ui');
    expect(page.show).not.toHaveBeenCalled();
    define(PAGE_UI_KEY, { create: vi.fn() });
    expect(pageUiInFrame()).toBe(true);
    expect(showInFrame({ alert: null, guard: null }, 3, true)).toBe('shown');
  });

  it('keep an answer for a content script that is not running yet (an answer given at commit)', () => {
    expect(showInFrame({ alert: null, guard: null }, 0, false)).toBe('kept');
    expect(Object.getOwnPropertyDescriptor(globalThis, EARLY_ANSWER_KEY)?.value).toEqual({ answer: { alert: null, guard: null }, reading: 0 });
  });

  it("never take a page's element named after a key for ours: only this world's own properties count", () => {
    // Named access puts a page's <div id="telehealthGuardPage"> on the window's prototype chain, in every world.
    const named = { read: () => 'forged', show: vi.fn(), cautionChat: vi.fn() };
    const proto = Object.getPrototypeOf(globalThis) as object | null;
    const withNamedElements = Object.create(proto, { [PAGE_API_KEY]: { value: named, configurable: true }, [PAGE_UI_KEY]: { value: {}, configurable: true } }) as object;
    Object.setPrototypeOf(globalThis, withNamedElements);
    try {
      expect(readPageInFrame(false)).toBeNull();
      expect(pageUiInFrame()).toBe(false);
      expect(showInFrame({ alert: null, guard: null }, 1, false)).toBe('kept');
      expect(named.show).not.toHaveBeenCalled();
    } finally {
      Object.setPrototypeOf(globalThis, proto);
    }
  });

  it('give nothing, and throw nothing, in a frame without the content script', () => {
    expect(readPageInFrame(false)).toBeNull();
    expect(() => {
      cautionChatInFrame('Intercom');
    }).not.toThrow();
  });

  it('are self-contained: the browser sends their source, not their closure', () => {
    const sources = [readPageInFrame, showInFrame, pageUiInFrame, cautionChatInFrame, cautionTrackersInFrame].map((injected) => injected.toString());
    for (const source of sources) {
      // Nothing imported: only globalThis and the arguments.
      expect(source).not.toMatch(/__vite|import|require/);
    }
    expect(sources.join('\n')).toContain(PAGE_API_KEY);
    expect(sources[1]).toContain(PAGE_UI_KEY);
    expect(sources[1]).toContain(EARLY_ANSWER_KEY);
  });
});
