// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { GuardTarget } from '../../../src/core/findings/guard-target';
import { OVERLAY_TAG } from '../../../src/content/guard-overlay';
import { GuardOverlay } from '../../../src/content/guard-overlay';
import type { OverlayActions } from '../../../src/content/page-ui-contract';
import { HOLD_LIMIT_MS, PasswordGuard } from '../../../src/content/password-guard';
import { MIN_VISIBLE_MS } from '../../../src/content/click-proof';
import { createWidgetEnv } from '../../../src/content/widget-env';
import { manualClock } from './fake-top-layer';

const D0XY: GuardTarget = { site: 'd0xy.me', target: 'doxy.me', targetName: 'Doxy.me' };

/** The closed shadow roots the code under test attaches, which the page (and a test) can't reach otherwise. */
function captureShadowRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the element as `this` below
  const original = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = original.call(this, init);
    roots.push(root);
    return root;
  });
  return roots;
}

/** A page listener, registered after the guard as any page script is (the guard runs at document_start). */
function pageKeyLog(): string[] {
  const seen: string[] = [];
  const log = (event: Event): void => {
    seen.push(`${event.type}:${(event as KeyboardEvent).key}`);
  };
  for (const type of ['keydown', 'keypress', 'keyup', 'beforeinput', 'paste']) {
    window.addEventListener(type, log, true);
    document.addEventListener(type, log);
  }
  return seen;
}

const key = (type: string, keyName: string, init: KeyboardEventInit = {}): KeyboardEvent =>
  new KeyboardEvent(type, { key: keyName, bubbles: true, cancelable: true, composed: true, ...init });

const overlay = (): Element | null => document.querySelector(OVERLAY_TAG);

let guard: PasswordGuard;
let onTrust: Mock<() => void>;
let onUnknown: Mock<() => void>;
let field: HTMLInputElement;
/** The widgets' clock: jsdom has no IntersectionObserver v2, so a click counts after MIN_VISIBLE_MS on top (click-proof). */
let clock: ReturnType<typeof manualClock>;

beforeEach(() => {
  clock = manualClock();
  document.body.innerHTML = '<form><input name="email"><input type="password" name="password"></form>';
  field = document.querySelector('input[type=password]')!;
  onTrust = vi.fn<() => void>();
  onUnknown = vi.fn<() => void>();
  // jsdom marks no event trusted: the seam stands in for a real user's input.
  const env = createWidgetEnv(document, { isTrusted: () => true, now: clock.now });
  guard = new PasswordGuard(window, { onTrust, isTrusted: () => true, createOverlay: (actions) => new GuardOverlay(document, actions, { env, isTrusted: () => true }), onUnknown, insert: vi.fn() });
});

afterEach(() => {
  guard.dispose();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('PasswordGuard, not armed', () => {
  it('lets focus and keys through on ordinary pages', () => {
    guard.arm(null);
    const seen = pageKeyLog();
    field.focus();
    expect(field.dispatchEvent(key('keydown', 'a'))).toBe(true);
    expect(document.activeElement).toBe(field);
    expect(overlay()).toBeNull();
    expect(seen).toContain('keydown:a');
  });

  it('builds no overlay (nor asks for the page UI) until it has one to show', () => {
    guard.dispose();
    const createOverlay = vi.fn((actions: OverlayActions) => new GuardOverlay(document, actions, () => true));
    guard = new PasswordGuard(window, { onTrust, isTrusted: () => true, createOverlay, onUnknown, insert: vi.fn() });
    field.focus();
    field.dispatchEvent(key('keydown', 'a'));
    guard.arm(null);
    expect(createOverlay).not.toHaveBeenCalled();
    field.blur();
    guard.arm(D0XY);
    field.focus();
    field.focus();
    expect(createOverlay).toHaveBeenCalledOnce();
    expect(overlay()).not.toBeNull();
  });
});

describe('PasswordGuard, armed on a look-alike', () => {
  it('shows the blocking overlay when a password field gets focus, and takes the focus away', () => {
    guard.arm(D0XY);
    field.focus();
    expect(overlay()).not.toBeNull();
    expect(guard.overlayShown).toBe(true);
    expect(document.activeElement).not.toBe(field);
    // The page sees the host element, nothing inside it.
    expect(overlay()!.shadowRoot).toBeNull();
    expect(overlay()!.textContent).toBe('');
  });

  it('keeps keys typed into the field from every page listener, capture phase on the window included', () => {
    guard.arm(D0XY);
    const seen = pageKeyLog();
    for (const type of ['keydown', 'keypress', 'keyup']) {
      const event = key(type, 's');
      field.dispatchEvent(event);
      expect(event.defaultPrevented).toBe(true);
    }
    expect(seen).toEqual([]);
    expect(overlay()).not.toBeNull();
  });

  it('stops pasted and dropped text and beforeinput on the field too', () => {
    guard.arm(D0XY);
    const seen = pageKeyLog();
    const paste = new Event('paste', { bubbles: true, cancelable: true, composed: true });
    const beforeInput = new InputEvent('beforeinput', { data: 'x', bubbles: true, cancelable: true, composed: true });
    field.dispatchEvent(paste);
    field.dispatchEvent(beforeInput);
    expect(paste.defaultPrevented && beforeInput.defaultPrevented).toBe(true);
    expect(seen).toEqual([]);
  });

  it('swallows every key while the overlay is up, wherever the focus is', () => {
    guard.arm(D0XY);
    field.focus();
    const seen = pageKeyLog();
    document.body.dispatchEvent(key('keydown', 'h'));
    document.querySelector<HTMLInputElement>('input[name=email]')!.dispatchEvent(key('keydown', 'i'));
    expect(seen).toEqual([]);
  });

  it('finds a password field inside an open shadow root through the composed path', () => {
    const host = document.createElement('login-box');
    const inner = host.attachShadow({ mode: 'open' });
    inner.innerHTML = '<input type="password">';
    document.body.append(host);
    guard.arm(D0XY);
    const seen = pageKeyLog();
    const shadowField = inner.querySelector('input')!;
    shadowField.dispatchEvent(key('keydown', 'p'));
    expect(seen).toEqual([]);
    expect(overlay()).not.toBeNull();
    guard.arm(null);
    shadowField.focus();
    guard.arm(D0XY);
    expect(overlay()).not.toBeNull();
  });

  it('catches a field that already had the focus when the verdict arrives', () => {
    field.focus();
    guard.arm(D0XY);
    expect(overlay()).not.toBeNull();
    expect(document.activeElement).not.toBe(field);
  });

  it('catches a field that became a password field after load', () => {
    const email = document.querySelector<HTMLInputElement>('input[name=email]')!;
    guard.arm(D0XY);
    email.focus();
    expect(overlay()).toBeNull();
    email.blur();
    email.type = 'password';
    email.focus();
    expect(overlay()).not.toBeNull();
  });

  it('survives a page that puts the focus straight back on the field', () => {
    field.addEventListener('blur', () => {
      field.focus();
    });
    guard.arm(D0XY);
    field.focus();
    expect(overlay()).not.toBeNull();
    const seen = pageKeyLog();
    field.dispatchEvent(key('keydown', 'x'));
    expect(seen).toEqual([]);
  });

  it('goes away when disarmed, and the field works again', () => {
    guard.arm(D0XY);
    field.focus();
    guard.arm(null);
    expect(overlay()).toBeNull();
    const seen = pageKeyLog();
    field.focus();
    field.dispatchEvent(key('keydown', 'a'));
    expect(seen).toEqual(['keydown:a', 'keydown:a']);
  });

  it('never reads or writes what was typed', () => {
    const get = vi.spyOn(HTMLInputElement.prototype, 'value', 'get');
    const set = vi.spyOn(HTMLInputElement.prototype, 'value', 'set');
    guard.arm(D0XY);
    field.focus();
    field.dispatchEvent(key('keydown', 'a'));
    document.body.dispatchEvent(key('keydown', 'Escape'));
    field.focus();
    guard.arm(null);
    expect(get).not.toHaveBeenCalled();
    expect(set).not.toHaveBeenCalled();
  });
});

describe('the guard overlay', () => {
  function openOverlay(target: GuardTarget = D0XY): ShadowRoot {
    const roots = captureShadowRoots();
    guard.arm(target);
    field.focus();
    return roots.at(-1)!;
  }

  it('names the look-alike and the real site to go to, in text only', () => {
    const root = openOverlay();
    expect(root.mode).toBe('closed');
    expect(root.textContent).toContain('You are on d0xy.me, a look-alike of doxy.me');
    const go = root.querySelector('a')!;
    expect(go.textContent).toBe('Go to doxy.me');
    expect(go.href).toBe('https://doxy.me/');
    expect(go.target).toBe('_top');
    // The way out has the focus, so Enter takes the user to the real site.
    expect(root.activeElement).toBe(go);
  });

  it('closes with Close or Escape and comes back on the next focus', () => {
    const root = openOverlay();
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Close')!.click();
    expect(overlay()).toBeNull();
    field.focus();
    expect(overlay()).not.toBeNull();
    document.body.dispatchEvent(key('keydown', 'Escape'));
    expect(overlay()).toBeNull();
    expect(onTrust).not.toHaveBeenCalled();
  });

  it('asks to trust the site on a click of "I trust d0xy.me", and hides', () => {
    const root = openOverlay();
    clock.advance(MIN_VISIBLE_MS);
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'I trust d0xy.me')!.click();
    expect(onTrust).toHaveBeenCalledOnce();
    expect(overlay()).toBeNull();
  });

  it("offers no way to trust the site when the clinic's policy blocks look-alikes, even from the keyboard", () => {
    const root = openOverlay({ ...D0XY, locked: true });
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Close']);
    expect(root.textContent).toContain('Your clinic blocks passwords on look-alike sites');
    document.body.dispatchEvent(key('keydown', 'Tab'));
    expect(root.activeElement?.textContent).toBe('Close');
    document.body.dispatchEvent(key('keydown', 'Enter'));
    expect(onTrust).not.toHaveBeenCalled();
  });

  it('ignores a forged click on "I trust"', () => {
    guard.dispose();
    guard = new PasswordGuard(window, { onTrust, createOverlay: (actions) => new GuardOverlay(document, actions), onUnknown });
    const root = openOverlay();
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'I trust d0xy.me')!.click();
    expect(onTrust).not.toHaveBeenCalled();
  });

  it('is worked by keyboard: Tab moves between the controls, Enter presses one', () => {
    const root = openOverlay();
    clock.advance(MIN_VISIBLE_MS);
    document.body.dispatchEvent(key('keydown', 'Tab'));
    expect(root.activeElement?.textContent).toBe('Close');
    document.body.dispatchEvent(key('keydown', 'Tab'));
    expect(root.activeElement?.textContent).toBe('I trust d0xy.me');
    document.body.dispatchEvent(key('keydown', 'Tab', { shiftKey: true }));
    document.body.dispatchEvent(key('keydown', 'Tab'));
    document.body.dispatchEvent(key('keydown', 'Enter'));
    expect(onTrust).toHaveBeenCalledOnce();
  });

  it('acts on no forged key press', () => {
    guard.dispose();
    guard = new PasswordGuard(window, { onTrust, createOverlay: (actions) => new GuardOverlay(document, actions), onUnknown });
    const root = openOverlay();
    const seen = pageKeyLog();
    document.body.dispatchEvent(key('keydown', 'Tab'));
    document.body.dispatchEvent(key('keydown', 'Escape'));
    expect(root.activeElement?.textContent).toBe('Go to doxy.me');
    expect(overlay()).not.toBeNull();
    expect(seen).toEqual([]);
  });
});

describe('PasswordGuard before the background has answered (fail closed)', () => {
  const typed = (keys: string): void => {
    for (const character of keys) {
      for (const type of ['keydown', 'keypress', 'keyup']) field.dispatchEvent(key(type, character));
    }
  };

  it('holds what is typed into a password field from every page listener, and asks for the answer once', () => {
    const seen = pageKeyLog();
    field.focus();
    expect(onUnknown).toHaveBeenCalledOnce();
    typed('hunter2');
    expect(seen).toEqual([]);
    expect(guard.holding).toBe(true);
    expect(onUnknown).toHaveBeenCalledOnce();
  });

  it('drops what it held when the answer arms the guard, and shows the overlay', () => {
    const insert = vi.fn();
    guard.dispose();
    guard = new PasswordGuard(window, { onTrust, isTrusted: () => true, createOverlay: (actions) => new GuardOverlay(document, actions, () => true), onUnknown, insert });
    field.focus();
    typed('hunter2');
    guard.arm(D0XY);
    expect(insert).not.toHaveBeenCalled();
    expect(guard.overlayShown).toBe(true);
    expect(guard.holding).toBe(false);
  });

  it('puts what it held into the field, as typed, when the answer says there is nothing to guard', () => {
    const insert = vi.fn();
    guard.dispose();
    guard = new PasswordGuard(window, { onTrust, isTrusted: () => true, createOverlay: (actions) => new GuardOverlay(document, actions, () => true), onUnknown, insert });
    field.focus();
    typed('hunter2');
    // Keys with modifiers are shortcuts, not text; forged keys are never text.
    field.dispatchEvent(key('keydown', 'v', { ctrlKey: true }));
    guard.arm(null);
    expect(insert).toHaveBeenCalledExactlyOnceWith(document, 'hunter2');
    const seen = pageKeyLog();
    typed('x');
    expect(seen).toContain('keydown:x');
  });

  it('holds nothing outside password fields', () => {
    document.body.innerHTML = '<input name="email">';
    const email = document.querySelector('input')!;
    const seen = pageKeyLog();
    email.focus();
    email.dispatchEvent(key('keydown', 'a'));
    expect(seen).toContain('keydown:a');
    expect(onUnknown).not.toHaveBeenCalled();
  });

  it(`gives up holding after ${HOLD_LIMIT_MS} ms without an answer: what was held never reaches the page`, () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const insert = vi.fn();
    guard.dispose();
    guard = new PasswordGuard(window, { onTrust, isTrusted: () => true, createOverlay: (actions) => new GuardOverlay(document, actions, () => true), onUnknown, insert });
    field.focus();
    typed('abc');
    vi.advanceTimersByTime(HOLD_LIMIT_MS);
    expect(guard.holding).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('dropped'));
    const seen = pageKeyLog();
    typed('d');
    expect(seen).toContain('keydown:d');
    guard.arm(null);
    expect(insert).not.toHaveBeenCalled();
    vi.useRealTimers();
  });
});

describe('PasswordGuard against the page', () => {
  it('puts its listeners back when the page took them off the window (document.open), and only then', () => {
    const added = vi.spyOn(window, 'addEventListener');
    guard.dispose();
    guard = new PasswordGuard(window, { onTrust, isTrusted: () => true, createOverlay: (actions) => new GuardOverlay(document, actions, () => true), onUnknown, insert: vi.fn() });
    const listeners = added.mock.calls.map(([type, listener, options]) => [type, listener, options] as const);
    expect(listeners.length).toBeGreaterThan(0);
    // Still there: nothing to do (no second copy, no change of order).
    guard.listenAgainIfRemoved();
    expect(added).toHaveBeenCalledTimes(listeners.length);
    // What document.open() does to every listener on the window.
    for (const [type, listener, options] of listeners) window.removeEventListener(type, listener, options);
    guard.arm(D0XY);
    field.focus();
    expect(guard.overlayShown).toBe(false);
    guard.listenAgainIfRemoved();
    field.blur();
    field.focus();
    expect(guard.overlayShown).toBe(true);
  });

  it('puts the overlay back when the page removes it, and the guard still stops keys', async () => {
    guard.arm(D0XY);
    field.focus();
    overlay()!.remove();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(overlay()).not.toBeNull();
    expect(guard.overlayShown).toBe(true);
    guard.arm(null);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(overlay()).toBeNull();
  });

  it('catches a focused password field on a page whose <img name="activeElement"> shadows the document', () => {
    field.focus();
    Object.defineProperty(document, 'activeElement', { value: document.createElement('img'), configurable: true });
    try {
      guard.arm(D0XY);
    } finally {
      Reflect.deleteProperty(document, 'activeElement');
    }
    expect(guard.overlayShown).toBe(true);
  });
});
