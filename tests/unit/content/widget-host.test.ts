// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWidgetEnv, type WidgetEnv } from '../../../src/content/widget-env';
import { MAX_RETRY_MS, MIN_REPAIR_GAP_MS, Widget, type WidgetSpec } from '../../../src/content/widget-host';
import { FakeVisibility, installFakeTopLayer, manualClock, settled } from './fake-top-layer';

const topLayer = installFakeTopLayer();

const POPOVER: WidgetSpec = { tag: 'telehealth-guard-alert', kind: 'chat-caution', layer: 'popover', placement: 'top: 16px !important;', css: '', role: 'alert', label: 'test' };
const MODAL: WidgetSpec = { tag: 'telehealth-guard-overlay', layer: 'modal', css: '', role: 'alertdialog', label: 'test' };

let widgets: Widget[] = [];

function setUp(spec: WidgetSpec = POPOVER, onFought = vi.fn()) {
  const clock = manualClock();
  const visibility = new FakeVisibility(clock.now);
  const env = createWidgetEnv(document, { onFought, visibility, now: clock.now });
  const widget = mount(env, spec);
  return { env, widget, clock, visibility, onFought };
}

function mount(env: WidgetEnv, spec: WidgetSpec): Widget {
  const widget = new Widget(env, spec);
  widgets.push(widget);
  widget.show();
  return widget;
}

afterEach(() => {
  for (const widget of widgets) widget.close();
  widgets = [];
  topLayer.clear();
  document.documentElement.removeAttribute('inert');
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a widget, as shown', () => {
  it('is a host under the root element, in a closed shadow root, in the top layer as a popover', () => {
    const { widget } = setUp();
    expect(widget.host.parentNode).toBe(document.documentElement);
    expect(widget.host.shadowRoot).toBeNull();
    expect(widget.host.getAttribute('popover')).toBe('manual');
    expect(widget.host.getAttribute('data-kind')).toBe('chat-caution');
    expect(widget.host.getAttribute('style')).toContain('all: initial !important');
    expect(topLayer.top()).toBe(widget.host);
    expect(widget.box.dataset.layer).toBe('popover');
  });

  it('is a modal dialog inside the closed root when it stands between the user and a decision', () => {
    const { widget } = setUp(MODAL);
    expect(widget.box).toBeInstanceOf(HTMLDialogElement);
    expect(widget.host.hasAttribute('popover')).toBe(false);
    expect(topLayer.top()).toBe(widget.box);
    expect(widget.box.dataset.layer).toBe('modal-dialog');
  });

  it('writes its text in the system font, whatever the page uses', () => {
    const { widget } = setUp();
    expect(widget.root.querySelector('style')?.textContent).toMatch(/\.widget \{[^}]*font: 14px\/1\.45 system-ui/);
  });
});

describe('a widget against the page', () => {
  it('is put back, and counted, when the page removes it', async () => {
    const { widget } = setUp();
    widget.host.remove();
    await settled();
    expect(widget.host.parentNode).toBe(document.documentElement);
    expect(topLayer.top()).toBe(widget.host);
    expect(widget.box.dataset.repairs).toBe('1');
    expect(widget.box.dataset.lastRepair).toBe('removed');
  });

  it('comes back under the root element when the page moves it into a hidden element', async () => {
    const { widget } = setUp(MODAL);
    const hidden = document.createElement('div');
    hidden.style.display = 'none';
    document.body.append(hidden);
    hidden.append(widget.host);
    await settled();
    expect(widget.host.parentNode).toBe(document.documentElement);
    expect(topLayer.top()).toBe(widget.box);
    hidden.remove();
  });

  it('gets its own attributes back when the page restyles it, hides it or drops the popover attribute', async () => {
    const { widget } = setUp();
    const own = Object.fromEntries(widget.host.getAttributeNames().map((name) => [name, widget.host.getAttribute(name)]));
    widget.host.style.setProperty('display', 'none', 'important');
    widget.host.hidden = true;
    widget.host.setAttribute('inert', '');
    widget.host.removeAttribute('popover');
    await settled();
    expect(Object.fromEntries(widget.host.getAttributeNames().map((name) => [name, widget.host.getAttribute(name)]))).toEqual(own);
    expect(widget.box.dataset.lastRepair).toBe('restyled');
  });

  it('speaks the language of its messages, in its closed root and on its host, and gets lang back when the page changes it', async () => {
    const { widget } = setUp();
    expect(widget.box.lang).toBe('en');
    expect(widget.host.getAttribute('lang')).toBe('en');
    widget.host.setAttribute('lang', 'fr');
    await settled();
    expect(widget.host.getAttribute('lang')).toBe('en');
  });

  it('shows itself again when the page takes it out of the top layer (toggle to closed)', async () => {
    const { widget } = setUp();
    widget.host.hidePopover();
    await settled();
    expect(topLayer.top()).toBe(widget.host);
    expect(widget.box.dataset.lastRepair).toBe('hidden');
  });

  it('takes `inert` off the root element while it is shown', async () => {
    const { widget } = setUp();
    document.documentElement.setAttribute('inert', '');
    await settled();
    expect(document.documentElement.hasAttribute('inert')).toBe(false);
    expect(widget.box.dataset.lastRepair).toBe('inert');
  });

  it('raises itself again when it stops being visible (a page popover shown over it)', () => {
    const { widget, visibility, clock } = setUp();
    const cover = document.createElement('div');
    cover.setAttribute('popover', 'manual');
    document.body.append(cover);
    cover.showPopover();
    expect(topLayer.top()).toBe(cover);
    clock.advance(100);
    visibility.report(widget.box, false);
    expect(topLayer.top()).toBe(widget.host);
    expect(widget.box.dataset.lastRepair).toBe('covered');
    // And asks for a fresh report: the last one told of before the raise.
    expect(visibility.refreshes).toBeGreaterThan(0);
    cover.remove();
  });

  it('is not covered when merely scrolled out of view', () => {
    const { widget, visibility } = setUp();
    visibility.report(widget.box, false, false);
    expect(widget.box.dataset.repairs).toBeUndefined();
  });

  it("raises a modal widget over the page's later modal dialog", async () => {
    const { widget } = setUp(MODAL);
    const pageDialog = document.createElement('dialog');
    document.body.append(pageDialog);
    pageDialog.showModal();
    expect(topLayer.top()).toBe(pageDialog);
    await settled();
    expect(topLayer.top()).toBe(widget.box);
    expect(widget.box.dataset.lastRepair).toBe('covered');
    // The page's dialog stays open below ours: once raised over it, that is no cover.
    await settled();
    expect(widget.box.dataset.repairs).toBe('1');
    pageDialog.remove();
  });

  it('raises a modal widget when hit testing finds the page first where it stands', async () => {
    // jsdom lays nothing out: give every element a box, so that hit testing is asked.
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x: 10, y: 10, width: 200, height: 100 }));
    const { widget } = setUp(MODAL);
    expect(widget.covered()).toBeNull();
    const cover = document.createElement('div');
    cover.setAttribute('popover', 'manual');
    document.body.append(cover);
    cover.showPopover();
    expect(widget.covered()).toBe('covered');
    await settled();
    expect(topLayer.top()).toBe(widget.box);
    expect(widget.covered()).toBeNull();
    cover.remove();
  });

  it('keeps the focus where it was in the widget when it is raised again', async () => {
    const { widget } = setUp(MODAL);
    const first = document.createElement('button');
    const second = document.createElement('button');
    widget.box.append(first, second);
    second.focus();
    widget.host.remove();
    await settled();
    expect(widget.root.activeElement).toBe(second);
  });

  it('answers Escape on a modal widget with its own Close, and stays open', () => {
    const onCancel = vi.fn();
    const { widget } = setUp({ ...MODAL, onCancel });
    const cancel = new Event('cancel', { cancelable: true });
    widget.box.dispatchEvent(cancel);
    expect(cancel.defaultPrevented).toBe(true);
    expect(onCancel).toHaveBeenCalledOnce();
    expect((widget.box as HTMLDialogElement).open).toBe(true);
  });
});

describe('counting the fights', () => {
  it('takes one benign re-raise in its stride, and reports more than five within 10 s once', async () => {
    const { widget, clock, onFought } = setUp();
    widget.host.remove();
    await settled();
    expect(onFought).not.toHaveBeenCalled();
    for (let i = 0; i < 4; i++) {
      clock.advance(1_000);
      widget.host.remove();
      await settled();
    }
    expect(widget.repairs).toBe(5);
    expect(onFought).not.toHaveBeenCalled();
    expect(widget.box.dataset.fought).toBeUndefined();
    clock.advance(1_000);
    widget.host.remove();
    await settled();
    expect(onFought).toHaveBeenCalledOnce();
    expect(widget.box.dataset.fought).toBe('true');
    // It keeps repairing after that, and reports no more.
    clock.advance(1_000);
    widget.host.remove();
    await settled();
    expect(widget.host.parentNode).toBe(document.documentElement);
    expect(onFought).toHaveBeenCalledOnce();
  });

  it('counts the fights against every widget of the document together', async () => {
    const { env, widget, clock, onFought } = setUp();
    const other = mount(env, { ...POPOVER, kind: 'camera-blocked' });
    for (let i = 0; i < 6; i++) {
      clock.advance(500);
      (i % 2 === 0 ? widget : other).host.remove();
      await settled();
    }
    expect(onFought).toHaveBeenCalledOnce();
  });

  it('forgets fights older than 10 s', async () => {
    const { widget, clock, onFought } = setUp();
    for (let i = 0; i < 10; i++) {
      clock.advance(2_100);
      widget.host.remove();
      await settled();
    }
    expect(widget.repairs).toBe(10);
    expect(onFought).not.toHaveBeenCalled();
  });

  it('is paced: a page in a loop gets at most one repair per MIN_REPAIR_GAP_MS', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { widget, clock } = setUp();
    widget.host.remove();
    await vi.advanceTimersByTimeAsync(0);
    expect(widget.repairs).toBe(1);
    widget.host.remove();
    await vi.advanceTimersByTimeAsync(0);
    // Out of the page for now; back when the pace allows.
    expect(widget.host.isConnected).toBe(false);
    clock.advance(MIN_REPAIR_GAP_MS);
    await vi.advanceTimersByTimeAsync(MIN_REPAIR_GAP_MS);
    expect(widget.host.parentNode).toBe(document.documentElement);
    expect(widget.repairs).toBe(2);
  });

  it('counts a cover that outlasts our raises once, and keeps trying, ever more slowly', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { widget, visibility, clock, onFought } = setUp();
    // What raising cannot end (a cross-site frame whose parent has anything in its top layer).
    for (let i = 0; i < 12; i++) {
      visibility.report(widget.box, false);
      clock.advance(MAX_RETRY_MS);
      await vi.advanceTimersByTimeAsync(MAX_RETRY_MS);
    }
    expect(widget.repairs).toBeGreaterThan(6);
    expect(onFought).not.toHaveBeenCalled();
  });

  it('counts each time a page raises its cover again over ours', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { widget, clock, onFought } = setUp();
    const cover = document.createElement('div');
    cover.setAttribute('popover', 'manual');
    document.body.append(cover);
    for (let i = 0; i < 6; i++) {
      clock.advance(1_000);
      // The page's popover opening again (its `toggle`) is enough to tell: no report needed.
      cover.hidePopover();
      cover.showPopover();
      await settled();
    }
    expect(widget.repairs).toBe(6);
    expect(onFought).toHaveBeenCalledOnce();
    cover.remove();
  });

  it('is no fight when one of our own widgets covers another', () => {
    const { env, widget, visibility } = setUp();
    mount(env, MODAL);
    visibility.report(widget.box, false);
    expect(widget.box.dataset.repairs).toBeUndefined();
  });

  it("is no fight when a later popover of ours sits elsewhere (the browser reports the earlier one not visible all the same): the two never take turns", () => {
    const { env, widget, visibility, clock, onFought } = setUp();
    const notice = mount(env, { ...POPOVER, kind: 'camera-blocked', placement: 'bottom: 16px !important;' });
    for (let round = 0; round < 10; round++) {
      clock.advance(100);
      visibility.report(widget.box, false);
    }
    expect(widget.box.dataset.repairs).toBeUndefined();
    expect(notice.box.dataset.repairs).toBeUndefined();
    expect(onFought).not.toHaveBeenCalled();
  });

  it('still raises itself over a page popover that came after it, even with a later widget of ours shown', () => {
    const { env, widget, clock } = setUp();
    mount(env, { ...POPOVER, kind: 'camera-blocked' });
    const cover = document.createElement('div');
    cover.setAttribute('popover', 'manual');
    document.body.append(cover);
    cover.showPopover();
    clock.advance(100);
    // The page's popover opening is a `toggle` to "open" on it.
    cover.dispatchEvent(Object.assign(new Event('toggle'), { newState: 'open' }));
    expect(widget.box.dataset.lastRepair).toBe('covered');
    cover.remove();
  });
});

describe('the one teardown', () => {
  it('takes every listener, observer and timer with it on close()', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const onCancel = vi.fn();
    const { widget, visibility, clock } = setUp({ ...MODAL, onCancel });
    // A repair leaves a retry timer behind: it must die too.
    visibility.report(widget.box, false);
    expect(widget.repairs).toBe(1);
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    expect(visibility.watching).toBe(1);

    widget.close();
    expect(widget.signal.aborted).toBe(true);
    expect(disconnect).toHaveBeenCalled();
    expect(visibility.watching).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(widget.host.isConnected).toBe(false);
    expect(topLayer.stack).not.toContain(widget.box);
    // Nothing is left to hear the page, the dialog or the clock.
    widget.box.dispatchEvent(new Event('cancel', { cancelable: true }));
    expect(onCancel).not.toHaveBeenCalled();
    document.documentElement.append(widget.host);
    widget.host.remove();
    const pageDialog = document.createElement('dialog');
    document.body.append(pageDialog);
    pageDialog.showModal();
    clock.advance(10_000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(widget.host.isConnected).toBe(false);
    expect(widget.repairs).toBe(1);
    pageDialog.remove();
  });
});
