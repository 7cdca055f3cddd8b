// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { beforeFirstRead } from '../../../src/main-world/install-call-hook';
import { noticeShadowRoots, SHADOW_ROOT_EVENT } from '../../../src/main-world/shadow-root-notice';

/** A window-like object whose `navigator` and `clientInformation` are accessors, as in Chromium. */
function windowWithAccessors() {
  const navigatorObject = { name: 'the navigator' };
  const get = vi.fn(() => navigatorObject);
  const win = {};
  for (const name of ['navigator', 'clientInformation']) Object.defineProperty(win, name, { get, configurable: true, enumerable: true });
  return { win: win as { navigator: unknown; clientInformation: unknown }, get, navigatorObject };
}

describe('wrapping the camera APIs at the first read of navigator', () => {
  it('waits for the page to read navigator, then patches once and puts the browser’s accessors back', () => {
    const { win, get, navigatorObject } = windowWithAccessors();
    const patch = vi.fn();
    beforeFirstRead(win, ['navigator', 'clientInformation'], patch);
    expect(patch).not.toHaveBeenCalled();
    expect(get).not.toHaveBeenCalled();

    expect(win.navigator).toBe(navigatorObject);
    expect(patch).toHaveBeenCalledOnce();
    for (const name of ['navigator', 'clientInformation']) {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- compared, not called
      expect(Object.getOwnPropertyDescriptor(win, name)?.get).toBe(get);
    }
    expect(win.clientInformation).toBe(navigatorObject);
    expect(patch).toHaveBeenCalledOnce();
  });

  it('patches before the alias is read first, too', () => {
    const { win, navigatorObject } = windowWithAccessors();
    const order: string[] = [];
    beforeFirstRead(win, ['navigator', 'clientInformation'], () => order.push('patched'));
    order.push(win.clientInformation === navigatorObject ? 'read' : 'wrong object');
    expect(order).toEqual(['patched', 'read']);
  });

  it('patches at once where the property is no configurable accessor', () => {
    const patch = vi.fn();
    beforeFirstRead({ navigator: {} }, ['navigator'], patch);
    expect(patch).toHaveBeenCalledOnce();
  });
});

describe('the shadow-root notice', () => {
  function setUp() {
    class FakeElement {
      attachShadow(init: ShadowRootInit): string {
        return `root:${init.mode}`;
      }
    }
    const channel = new EventTarget();
    const heard = vi.fn();
    channel.addEventListener(SHADOW_ROOT_EVENT, heard);
    noticeShadowRoots({ Element: FakeElement } as unknown as Window & typeof globalThis, channel);
    return { element: new FakeElement() as unknown as Element, heard };
  }

  it('tells once, at the first open shadow root, and returns the root the browser made', () => {
    const { element, heard } = setUp();
    expect(element.attachShadow({ mode: 'closed' })).toBe('root:closed');
    expect(heard).not.toHaveBeenCalled();
    expect(element.attachShadow({ mode: 'open' })).toBe('root:open');
    element.attachShadow({ mode: 'open' });
    expect(heard).toHaveBeenCalledOnce();
  });
});
