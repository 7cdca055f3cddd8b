// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { beforeFirstRead as beforeFirstReadWith } from '../../../src/main-world/install-call-hook';
import { takeIntrinsics } from '../../../src/main-world/intrinsics';

const intrinsics = takeIntrinsics(window);
const beforeFirstRead = (win: object, names: readonly string[], patch: () => void, interfaceObjects?: Record<string, () => unknown>): void => {
  beforeFirstReadWith(win, names, patch, intrinsics, interfaceObjects);
};

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

  it('patches at once where the property is not configurable', () => {
    const patch = vi.fn();
    const win = {};
    Object.defineProperty(win, 'navigator', { value: {}, configurable: false });
    beforeFirstRead(win, ['navigator'], patch);
    expect(patch).toHaveBeenCalledOnce();
  });

  it('waits for the first read of an interface object too (a data property), without reading it, and puts it back as WebIDL has it', () => {
    const MediaDevices = function MediaDevices(): void {
      // an interface object stands in: any function
    };
    const win: Record<string, unknown> = {};
    Object.defineProperty(win, 'MediaDevices', { value: 'not to be read', writable: true, configurable: true, enumerable: false });
    const patch = vi.fn();
    const found = vi.fn(() => MediaDevices);
    beforeFirstRead(win, [], patch, { MediaDevices: found });
    expect(patch).not.toHaveBeenCalled();
    expect(found).not.toHaveBeenCalled();
    expect(win.MediaDevices).toBe(MediaDevices);
    expect(patch).toHaveBeenCalledOnce();
    expect(found).toHaveBeenCalledOnce();
    expect(Object.getOwnPropertyDescriptor(win, 'MediaDevices')).toEqual({ value: MediaDevices, writable: true, configurable: true, enumerable: false });
  });

  it('patches at once, leaving every interface object as it was, where one of them cannot be deleted', () => {
    const win: Record<string, unknown> = {};
    const Navigator = function Navigator(): void {
      // an interface object stands in: any function
    };
    Object.defineProperty(win, 'Navigator', { value: Navigator, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(win, 'MediaDevices', { value: 'fixed', writable: false, configurable: false, enumerable: false });
    const patch = vi.fn();
    beforeFirstRead(win, [], patch, { Navigator: () => Navigator, MediaDevices: () => 'fixed' });
    expect(patch).toHaveBeenCalledOnce();
    expect(Object.getOwnPropertyDescriptor(win, 'Navigator')).toEqual({ value: Navigator, writable: true, configurable: true, enumerable: false });
    expect(win.MediaDevices).toBe('fixed');
  });

  it('leaves alone an interface object the window does not have (MediaDevices on an http page)', () => {
    const win: Record<string, unknown> = {};
    beforeFirstRead(win, [], vi.fn(), { MediaDevices: () => 'made up' });
    expect('MediaDevices' in win).toBe(false);
  });

  it("patches before a page's own assignment lands, and keeps the page's value", () => {
    const win: Record<string, unknown> = {};
    Object.defineProperty(win, 'Navigator', { value: 'the browser’s', writable: true, configurable: true });
    const order: string[] = [];
    beforeFirstRead(win, [], () => order.push('patched'), { Navigator: () => 'the browser’s' });
    win.Navigator = 'the page’s';
    order.push(String(win.Navigator));
    expect(order).toEqual(['patched', 'the page’s']);
  });
});
