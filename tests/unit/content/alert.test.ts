// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildAllowlist } from '../../../src/core/lists/allowlist';
import { assessPage } from '../../../src/core/findings/assess';
import { loadBuiltInCatalog } from '../../../src/core/lists/catalog';
import { ALERT_TAG, PageAlert } from '../../../src/content/alert';
import { createWidgetEnv } from '../../../src/content/widget-env';

const allowlist = buildAllowlist([{ source: 'catalog', file: loadBuiltInCatalog() }]);
const login = { isSecureContext: true, passwordFields: 1, forms: [], videoElements: 0, iframes: [] };

/**
 * Alerts made by a test; taken down with remove(), since the alert puts itself back if anything
 * else removes it. jsdom has no top layer: this is also the alert where a browser has none.
 */
const made: PageAlert[] = [];
function newAlert(): PageAlert {
  const alert = new PageAlert(createWidgetEnv(document));
  made.push(alert);
  return alert;
}

afterEach(() => {
  for (const alert of made.splice(0)) alert.remove();
});

describe('PageAlert', () => {
  it('shows a danger alert in a closed shadow root the page cannot read', () => {
    const alert = newAlert();
    alert.update(assessPage(allowlist, { url: 'https://d0xy.me/login', signals: login }));
    const host = document.querySelector(ALERT_TAG);
    expect(host).not.toBeNull();
    expect(host?.shadowRoot).toBeNull();
    expect(host?.textContent).toBe('');
  });

  it.each(['https://doxy.me/room', 'https://forum.example.org/login', 'https://zoom.us/j/1'])('shows nothing on %s', (url) => {
    newAlert().update(assessPage(allowlist, { url, signals: login }));
    expect(document.querySelector(ALERT_TAG)).toBeNull();
  });

  it('removes itself when the verdict calms down', () => {
    const alert = newAlert();
    alert.update(assessPage(allowlist, { url: 'https://d0xy.me/', signals: login }));
    alert.update(null);
    expect(document.querySelector(ALERT_TAG)).toBeNull();
  });

  it('keeps one alert when the verdict is updated', () => {
    const alert = newAlert();
    alert.update(assessPage(allowlist, { url: 'https://d0xy.me/' }));
    alert.update(assessPage(allowlist, { url: 'https://d0xy.me/', signals: login }));
    expect(document.querySelectorAll(ALERT_TAG)).toHaveLength(1);
  });
});

describe('PageAlert against the page', () => {
  const danger = () => assessPage(allowlist, { url: 'https://d0xy.me/login', signals: login });

  it('comes back when the page removes it, and stays away once taken down', async () => {
    const alert = newAlert();
    alert.update(danger());
    document.querySelector(ALERT_TAG)!.remove();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.querySelectorAll(ALERT_TAG)).toHaveLength(1);
    alert.remove();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.querySelector(ALERT_TAG)).toBeNull();
  });

  it("shows on a page whose named elements shadow the document's own members", () => {
    // What <img name="createElement"> and the like do in a browser (jsdom has no named properties).
    const names = ['createElement', 'createDocumentFragment', 'documentElement', 'addEventListener', 'querySelectorAll', 'fullscreenElement', 'elementFromPoint'];
    const img = document.createElement('img');
    for (const name of names) Object.defineProperty(document, name, { value: img, configurable: true });
    try {
      newAlert().update(danger());
    } finally {
      for (const name of names) Reflect.deleteProperty(document, name);
    }
    expect(document.querySelector(ALERT_TAG)).not.toBeNull();
  });
});

describe('PageAlert contents', () => {
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

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('says what is wrong and what to do, per finding', () => {
    const roots = captureShadowRoots();
    newAlert().update(assessPage(allowlist, { url: 'https://d0xy.me/login', signals: login }));
    const root = roots[0]!;
    const codes = [...root.querySelectorAll('[data-finding]')].map((item) => (item as HTMLElement).dataset.finding);
    expect(codes).toEqual(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']);
    expect(root.textContent).toContain('doxy.me');
    expect(root.textContent).toContain("Don't type your password");
  });

  it('stays dismissed for the same warning and comes back for a louder one', () => {
    const roots = captureShadowRoots();
    const alert = newAlert();
    alert.update(assessPage(allowlist, { url: 'https://d0xy.me/' }));
    roots[0]!.querySelector('button')!.click();
    expect(document.querySelector(ALERT_TAG)).toBeNull();
    alert.update(assessPage(allowlist, { url: 'https://d0xy.me/' }));
    expect(document.querySelector(ALERT_TAG)).toBeNull();
    alert.update(assessPage(allowlist, { url: 'https://d0xy.me/', signals: login }));
    expect(document.querySelector(ALERT_TAG)).not.toBeNull();
  });
});
