// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepInPage } from '../../../src/content/keep-in-page';

const STYLE = 'display: block !important;';
/** MutationObserver callbacks run as microtasks. */
const mutationsHandled = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

let stop: (() => void) | undefined;
function kept(): HTMLElement {
  const host = document.createElement('telehealth-guard-alert');
  document.documentElement.append(host);
  stop = keepInPage(document, host, STYLE, { maxRepairs: 3, windowMs: 1000 });
  return host;
}

afterEach(() => {
  stop?.();
  document.querySelectorAll('telehealth-guard-alert').forEach((node) => {
    node.remove();
  });
  vi.restoreAllMocks();
});

describe('keepInPage', () => {
  it('puts the host back when the page removes it', async () => {
    const host = kept();
    host.remove();
    await mutationsHandled();
    expect(host.parentNode).toBe(document.documentElement);
  });

  it('moves the host back under the root element when the page hides it inside another', async () => {
    const host = kept();
    const hidden = document.createElement('div');
    hidden.style.display = 'none';
    document.body.append(hidden);
    hidden.append(host);
    await mutationsHandled();
    expect(host.parentNode).toBe(document.documentElement);
    hidden.remove();
  });

  it("resets the host's attributes when the page restyles or hides it", async () => {
    const host = kept();
    expect(host.getAttribute('style')).toBe(STYLE);
    host.style.setProperty('display', 'none', 'important');
    host.hidden = true;
    host.setAttribute('inert', '');
    await mutationsHandled();
    expect(host.getAttributeNames()).toEqual(['style']);
    expect(host.getAttribute('style')).toBe(STYLE);
  });

  it('gives up, and says so, when the page keeps removing it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const host = kept();
    for (let i = 0; i < 4; i++) {
      host.remove();
      await mutationsHandled();
    }
    expect(host.isConnected).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('leaving it be'));
  });

  it('lets its owner take the host away', async () => {
    const host = kept();
    stop?.();
    host.remove();
    await mutationsHandled();
    expect(host.isConnected).toBe(false);
  });
});
