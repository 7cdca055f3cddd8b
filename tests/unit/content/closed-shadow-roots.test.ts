// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';

/**
 * Closed shadow roots, which hide a field from every listener outside them, ours too: the
 * extension looks into them through the browser's own `chrome.dom.openOrClosedShadowRoot`,
 * however the page attached them (its own attachShadow, another realm's, or declaratively).
 */

// The browser's lookup, over roots this test attaches (jsdom has no chrome.dom).
const closedRoots = new WeakMap<Element, ShadowRoot>();
Object.defineProperty(globalThis, 'chrome', { value: { dom: { openOrClosedShadowRoot: (element: Element) => closedRoots.get(element) ?? null } }, configurable: true });
const { passwordFieldOf, passwordFieldsIn, whenClosedRootFound } = await import('../../../src/content/password-fields');

function closedLogin(): { host: HTMLElement; field: HTMLInputElement } {
  document.body.innerHTML = '<sign-in></sign-in>';
  const host = document.querySelector('sign-in') as HTMLElement;
  const root = host.attachShadow({ mode: 'closed' });
  closedRoots.set(host, root);
  root.innerHTML = '<form><input name="user"><input type="password" name="pass"></form>';
  return { host, field: root.querySelector('input[type=password]')! };
}

describe('password fields in closed shadow roots', () => {
  it('are the field of a focus or key event, which stops at the host for everyone outside', () => {
    const { field } = closedLogin();
    const found = vi.fn();
    whenClosedRootFound(found);
    let seen: HTMLInputElement | undefined;
    const listener = (event: Event): void => {
      seen = passwordFieldOf(event);
    };
    window.addEventListener('focusin', listener, true);
    field.focus();
    window.removeEventListener('focusin', listener, true);
    expect(seen).toBe(field);
    // A root nobody said was attached: the page is read again, roots included.
    expect(found).toHaveBeenCalled();
  });

  it('are counted when the document is read with its shadow roots', () => {
    closedLogin();
    expect(passwordFieldsIn(document, { shadowRoots: true })).toHaveLength(1);
    expect(passwordFieldsIn(document, { shadowRoots: false })).toHaveLength(0);
  });
});
