// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { MIN_VISIBLE_MS, refusedNote } from '../../../src/content/click-proof';
import { OVERLAY_TAG } from '../../../src/content/guard-overlay';
import type { Overlay, PageUi, PromptAnswer } from '../../../src/content/page-ui-contract';
import { createPageUi } from '../../../src/content/page-ui-factory';
import { buildAllowlist } from '../../../src/core/lists/allowlist';
import { assessPage } from '../../../src/core/findings/assess';
import { loadBuiltInCatalog } from '../../../src/core/lists/catalog';
import type { GuardTarget } from '../../../src/core/findings/guard-target';
import { FakeVisibility, installFakeTopLayer, manualClock, settled } from './fake-top-layer';

const topLayer = installFakeTopLayer();

const allowlist = buildAllowlist([{ source: 'catalog', file: loadBuiltInCatalog() }]);
const login = { isSecureContext: true, passwordFields: 1, forms: [], videoElements: 0, iframes: [] };
const danger = assessPage(allowlist, { url: 'https://d0xy.me/login', signals: login });
const unknownSite = assessPage(allowlist, { url: 'https://video.example-clinic-visits.net/room' });
const D0XY: GuardTarget = { site: 'd0xy.me', target: 'doxy.me', targetName: 'Doxy.me' };

const ALERT = 'telehealth-guard-alert:not([data-kind])';
const PROMPT = 'telehealth-guard-alert[data-kind="camera-prompt"]';

/** The closed shadow roots the page UI attaches, by host: the page can't reach them, a test can. */
const roots = new Map<Element, ShadowRoot>();
const rootOf = (selector: string): ShadowRoot => {
  const host = document.querySelector(selector);
  if (!host) throw new Error(`no ${selector}`);
  return roots.get(host)!;
};
const button = (root: ShadowRoot, label: string): HTMLButtonElement => [...root.querySelectorAll('button')].find((b) => b.textContent === label)!;
const key = (name: string): KeyboardEvent => new KeyboardEvent('keydown', { key: name });

let ui: PageUi;
/** Overlays made by a test, hidden after it: removing their host would only bring it back. */
const overlays: Overlay[] = [];
const newOverlay = (): Overlay => {
  const overlay = ui.createOverlay(actions);
  overlays.push(overlay);
  return overlay;
};
let clock: ReturnType<typeof manualClock>;
let visibility: FakeVisibility;
let onFought: Mock<() => void>;
let onModalChange: Mock<(open: boolean) => void>;
const actions = { onClose: vi.fn(), onTrust: vi.fn() };

beforeEach(() => {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the element as `this`
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  });
  clock = manualClock();
  visibility = new FakeVisibility(clock.now);
  onFought = vi.fn<() => void>();
  onModalChange = vi.fn<(open: boolean) => void>();
  // jsdom marks no event trusted: the seam stands in for the user's own input.
  ui = createPageUi(document, { onFought, onModalChange }, { visibility, now: clock.now, isTrusted: () => true });
  actions.onClose.mockReset();
  actions.onTrust.mockReset();
});

afterEach(() => {
  ui.updateAlert(null);
  for (const overlay of overlays.splice(0)) overlay.hide();
  topLayer.clear();
  roots.clear();
  vi.restoreAllMocks();
});

describe('one message at a time', () => {
  it('takes the alert away while the overlay is up, and brings it back after', () => {
    ui.updateAlert(danger);
    expect(document.querySelector(ALERT)).not.toBeNull();
    const overlay = newOverlay();
    overlay.show(D0XY);
    expect(document.querySelector(ALERT)).toBeNull();
    expect(document.querySelector(OVERLAY_TAG)).not.toBeNull();
    // A verdict that comes meanwhile waits too.
    ui.updateAlert(danger);
    expect(document.querySelector(ALERT)).toBeNull();
    overlay.hide();
    expect(document.querySelector(ALERT)).not.toBeNull();
    expect(document.querySelectorAll(ALERT)).toHaveLength(1);
  });

  it('shows the camera prompt alone, without the alert beside it saying the same', async () => {
    ui.updateAlert(danger);
    let answer: PromptAnswer | undefined;
    void ui.askBeforeCamera(unknownSite, 'camera-or-microphone').then((given) => (answer = given));
    expect(document.querySelector(ALERT)).toBeNull();
    const prompt = rootOf(PROMPT);
    expect(prompt.textContent).toContain('is not a verified telemedicine platform for your clinic');
    button(prompt, 'Leave').click();
    await settled();
    expect(answer).toBe('leave');
    expect(document.querySelector(PROMPT)).toBeNull();
    expect(document.querySelector(ALERT)).not.toBeNull();
  });

  it("says when a modal warning comes and when the last one goes (a frame's, for the top frame's alert to make way)", () => {
    const overlay = newOverlay();
    overlay.show(D0XY);
    expect(onModalChange.mock.calls).toEqual([[true]]);
    overlay.hide();
    expect(onModalChange.mock.calls).toEqual([[true], [false]]);
  });

  it("makes way for a frame's modal warning while the top frame is told so, and comes back after", () => {
    ui.updateAlert(danger);
    ui.suspendAlert(true);
    expect(document.querySelector(ALERT)).toBeNull();
    ui.updateAlert(danger);
    expect(document.querySelector(ALERT)).toBeNull();
    ui.suspendAlert(false);
    expect(document.querySelectorAll(ALERT)).toHaveLength(1);
  });

  it('gives two camera requests at once one prompt, and the one answer', async () => {
    const first = ui.askBeforeCamera(unknownSite, 'camera-or-microphone');
    const second = ui.askBeforeCamera(unknownSite, 'camera-or-microphone');
    expect(document.querySelectorAll(PROMPT)).toHaveLength(1);
    button(rootOf(PROMPT), 'Leave').click();
    expect(await Promise.all([first, second])).toEqual(['leave', 'leave']);
  });
});

describe('the camera prompt', () => {
  it('opens the camera only for a "Continue" the user could see', async () => {
    let answer: PromptAnswer | undefined;
    void ui.askBeforeCamera(unknownSite, 'screen').then((given) => (answer = given));
    const prompt = rootOf(PROMPT);
    expect(prompt.textContent).toContain('This site wants to share your screen');
    const go = button(prompt, 'Continue');
    go.click();
    await settled();
    expect(answer).toBeUndefined();
    expect(prompt.textContent).toContain(refusedNote());
    visibility.report(go, true);
    clock.advance(MIN_VISIBLE_MS);
    go.click();
    await settled();
    expect(answer).toBe('continue');
  });

  it('takes Escape as "Leave"', async () => {
    const asked = ui.askBeforeCamera(unknownSite, 'camera-or-microphone');
    rootOf(PROMPT).querySelector('dialog')!.dispatchEvent(new Event('cancel', { cancelable: true }));
    expect(await asked).toBe('leave');
  });
});

describe('the overlay', () => {
  it('presses "I trust" from the keyboard only once the user could see it', () => {
    const overlay = newOverlay();
    overlay.show(D0XY);
    const root = rootOf(OVERLAY_TAG);
    overlay.handleKey(key('Tab'));
    overlay.handleKey(key('Tab'));
    expect(root.activeElement?.textContent).toBe('I trust d0xy.me');
    overlay.handleKey(key('Enter'));
    expect(actions.onTrust).not.toHaveBeenCalled();
    expect(root.textContent).toContain(refusedNote());
    visibility.report(button(root, 'I trust d0xy.me'), true);
    clock.advance(MIN_VISIBLE_MS);
    overlay.handleKey(key('Enter'));
    expect(actions.onTrust).toHaveBeenCalledOnce();
  });

  it('says when trusting the site did not work, coming back if it was hidden', () => {
    const overlay = newOverlay();
    overlay.show(D0XY);
    overlay.hide();
    expect(overlay.isOpen).toBe(false);
    const full = "Your browser's storage for extensions is full, so d0xy.me was not saved.";
    overlay.showProblem(full);
    expect(overlay.isOpen).toBe(true);
    const problems = rootOf(OVERLAY_TAG).querySelectorAll('[role="alert"]');
    expect([...problems].map((node) => node.textContent)).toEqual([full]);
    // Said again, it replaces what was said.
    overlay.showProblem('Something else went wrong.');
    expect([...rootOf(OVERLAY_TAG).querySelectorAll('[role="alert"]')].map((node) => node.textContent)).toEqual(['Something else went wrong.']);
  });

  it('has nothing to show a problem on before it was ever shown, and says so in the console', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const overlay = newOverlay();
    overlay.showProblem('Not saved.');
    expect(document.querySelector(OVERLAY_TAG)).toBeNull();
    expect(warn).toHaveBeenCalledWith('Telehealth Guard:', 'Not saved.');
  });
});

describe('a page that fights its warnings', () => {
  it('is reported to the content script once', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    ui.updateAlert(danger);
    for (let i = 0; i < 8; i++) {
      clock.advance(200);
      document.querySelector(ALERT)?.remove();
      await settled();
    }
    expect(document.querySelector(ALERT)).not.toBeNull();
    expect(onFought).toHaveBeenCalledOnce();
  });
});

describe('keys for the warnings', () => {
  const escapeAt = (target: EventTarget): KeyboardEvent => {
    const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    Object.defineProperty(event, 'target', { value: target });
    return event;
  };

  it("dismisses the alert on the user's Escape, pressed in it", () => {
    ui.updateAlert(danger);
    const host = document.querySelector(ALERT)!;
    expect(ui.handleKey(escapeAt(host))).toBe(true);
    expect(document.querySelector(ALERT)).toBeNull();
  });

  it("ignores a page's forged Escape, and keys pressed elsewhere than in a warning", () => {
    ui.updateAlert(danger);
    expect(ui.handleKey(escapeAt(document.body))).toBe(false);
    expect(document.querySelector(ALERT)).not.toBeNull();
    ui.updateAlert(null);
    // The same Escape, not the user's own (jsdom's events never are; the seam says so here).
    const forged = createPageUi(document, { onFought, onModalChange }, { visibility, now: clock.now, isTrusted: () => false });
    forged.updateAlert(danger);
    const host = document.querySelector(ALERT)!;
    expect(forged.handleKey(escapeAt(host))).toBe(false);
    expect(document.querySelector(ALERT)).toBe(host);
    forged.updateAlert(null);
  });
});
