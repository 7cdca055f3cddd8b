// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { pageSignalsSchema } from '../../../src/core/signals/page-signals';
import { SIGNAL_LIMITS } from '../../../src/core/signals/signal-limits';
import { collectPageSignals } from '../../../src/content/collect-signals';
import { watchPage } from '../../../src/content/watch-page';
import { pageAt } from './page-at';

const page = (html: string, url = 'https://portal.example-clinic.com/login'): Document => pageAt(html, url);

describe('collectPageSignals', () => {
  it('finds password fields, forms and where they post', () => {
    const doc = page(`
      <form action="/session" method="POST"><input name="u"><input type="password"></form>
      <form action="http://insecure.example/search"><input name="q"></form>
      <input type="PASSWORD">`);
    // Read the same with shadow roots (each field's own form owner) and without (forms found by selector).
    for (const shadowRoots of [true, false]) {
      const signals = collectPageSignals(doc, true, { shadowRoots });
      expect(signals.passwordFields).toBe(2);
      // The search form has no password field: it counts in no verdict, and is not read.
      expect(signals.forms).toEqual([{ action: 'https://portal.example-clinic.com/session', method: 'post', hasPassword: true }]);
    }
  });

  it("takes a field's form from its form attribute, not from the form around it", () => {
    const doc = page(`
      <form action="/search"><input type="password" form="login"></form>
      <form id="login" action="https://elsewhere.example/in"></form>`);
    for (const shadowRoots of [true, false]) {
      expect(collectPageSignals(doc, true, { shadowRoots }).forms).toEqual([{ action: 'https://elsewhere.example/in', method: 'get', hasPassword: true }]);
    }
  });

  it('reads password forms untouched (by selector and XPath) as it does field by field', () => {
    // shadowRoots: true asks each field for its form; false reads them without touching an element.
    const cases = [
      '<form action="/session" method="POST"><input type="PASSWORD"></form>',
      '<form><input type="password"></form>',
      '<form action=""><input type="Password"></form>',
      '<form action="  https://elsewhere.example/in  "><input type="password"></form>',
      '<base href="https://cdn.example/app/"><form action="in"><input type="password"></form>',
      '<base href="https://cdn.example/app/"><form action=" "><input type="password"></form>',
      '<form action="http://evil.example/steal" method="dialog"><input name="action"><input name="method"><input type="password"></form>',
      '<form action="//other.example/x"><div><label>P <input type="password"></label></div></form><form action="/search"><input name="q"></form>',
      '<form action="a"><input type="password"></form><form action="b"><input type="text"></form><form action="c"><input type="password"><input type="password"></form>',
      '<input type="password"><form action="/x"><input type="passwords"></form>',
    ];
    for (const markup of cases) {
      const doc = page(markup);
      expect(collectPageSignals(doc, true, { shadowRoots: false }), markup).toEqual(collectPageSignals(doc, true, { shadowRoots: true }));
    }
  });

  it('misses no password form of forms nested by script (the outer one is read as well)', () => {
    const doc = page('<form id="outer" action="/search"></form>');
    const inner = doc.createElement('form');
    inner.action = 'https://elsewhere.example/in';
    inner.append(Object.assign(doc.createElement('input'), { type: 'password' }));
    doc.getElementById('outer')!.append(inner);
    const actions = collectPageSignals(doc, true, { shadowRoots: false }).forms.map((form) => form.action);
    expect(actions).toContain('https://elsewhere.example/in');
  });

  it('reads a form whose "action" field shadows the property from its attribute', () => {
    const doc = page('<form action="http://evil.example/steal"><input name="action"><input type="password"></form>');
    expect(collectPageSignals(doc, true).forms[0]?.action).toBe('http://evil.example/steal');
  });

  it('counts video and lists frames with what they may use', () => {
    const doc = page('<video></video><iframe src="https://doxy.me/room" allow="camera; microphone"></iframe>');
    const signals = collectPageSignals(doc, false);
    expect(signals.videoElements).toBe(1);
    expect(signals.iframes).toEqual([{ src: 'https://doxy.me/room', allow: 'camera; microphone' }]);
    expect(signals.isSecureContext).toBe(false);
  });

  it('counts password fields inside open shadow roots, nested ones too', () => {
    const doc = page('<login-box></login-box><input type="password">');
    const outer = doc.querySelector('login-box')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<input type="password"><inner-box></inner-box>';
    outer.querySelector('inner-box')!.attachShadow({ mode: 'open' }).innerHTML = '<input type="password">';
    expect(collectPageSignals(doc, true).passwordFields).toBe(3);
  });

  it('leaves shadow roots out when told the page has none to look into', () => {
    const doc = page('<login-box></login-box><input type="password">');
    doc.querySelector('login-box')!.attachShadow({ mode: 'open' }).innerHTML = '<input type="password">';
    expect(collectPageSignals(doc, true, { shadowRoots: false }).passwordFields).toBe(1);
    expect(collectPageSignals(doc, true, { shadowRoots: true }).passwordFields).toBe(2);
  });

  it('produces what the protocol accepts', () => {
    const doc = page('<form><input type="password"></form>');
    expect(pageSignalsSchema.safeParse(collectPageSignals(doc, true)).success).toBe(true);
  });
});

/**
 * jsdom has no named properties on documents and forms; these stand in for what Chromium
 * does (`<img name="querySelectorAll">`, `<input name="action">`): own properties that
 * shadow the prototype's. The real thing is in tests/e2e/hardening-page-attacks.
 */
function clobber(node: object, names: string[], by: Element): void {
  for (const name of names) Object.defineProperty(node, name, { value: by, configurable: true });
}

describe('collectPageSignals on a page that clobbers the DOM', () => {
  it('reads the document and its forms through the prototypes', () => {
    const doc = page('<form action="http://portal.example-clinic.com/login"><input name="action"><input type="password"></form><img name="x">');
    const form = doc.forms[0]!;
    const field = form.querySelector('input')!;
    const img = doc.querySelector('img')!;
    // Not nodeType and the like: jsdom's own selector engine reads those from the node.
    clobber(doc, ['querySelectorAll', 'querySelector', 'forms', 'getElementsByTagName'], img);
    clobber(form, ['action', 'elements', 'querySelector', 'querySelectorAll', 'getAttribute', 'method', 'getRootNode'], field);
    const signals = collectPageSignals(doc, false);
    expect(signals.passwordFields).toBe(1);
    expect(signals.forms).toEqual([{ action: 'http://portal.example-clinic.com/login', method: 'get', hasPassword: true }]);
    expect(signals.incomplete).toBeUndefined();
  });

  it('leaves out a form it cannot read, says the report is incomplete, and keeps the rest', async () => {
    // safe-dom looks each getter up at its first use: break one before a fresh copy uses it.
    const action = Object.getOwnPropertyDescriptor(HTMLFormElement.prototype, 'action')!;
    vi.resetModules();
    Object.defineProperty(HTMLFormElement.prototype, 'action', {
      ...action,
      get(this: HTMLFormElement) {
        if (this.id === 'broken') throw new TypeError('broken form');
        return action.get!.call(this) as string;
      },
    });
    try {
      const fresh = await import('../../../src/content/collect-signals');
      const doc = page('<form id="broken"><input type="password"></form><form action="http://x.example/in"><input type="password"></form>');
      const onError = vi.fn();
      const signals = fresh.collectPageSignals(doc, true, { onError });
      expect(signals.forms).toEqual([{ action: 'http://x.example/in', method: 'get', hasPassword: true }]);
      expect(signals.passwordFields).toBe(2);
      expect(signals.incomplete).toBe(true);
      expect(onError).toHaveBeenCalledWith('a password form', expect.any(TypeError));
      expect(pageSignalsSchema.safeParse(signals).success).toBe(true);
    } finally {
      Object.defineProperty(HTMLFormElement.prototype, 'action', action);
    }
  });
});

describe('collectPageSignals and where a password goes', () => {
  it("reports a submit button's formaction as a place the password form posts to", () => {
    const doc = page(`<form action="/session" method="post"><input type="password">
      <button formaction="http://evil.example/steal">Sign in</button><button type="button" formaction="http://ignored.example/">x</button>
      <input type="image" formaction="//other.example/img" formmethod="GET"></form>`);
    expect(collectPageSignals(doc, true).forms).toEqual([
      { action: 'https://portal.example-clinic.com/session', method: 'post', hasPassword: true },
      { action: 'http://evil.example/steal', method: 'post', hasPassword: true },
      { action: 'https://other.example/img', method: 'get', hasPassword: true },
    ]);
  });

  it('counts a password field outside its form that names it with form="id", and that form\'s outside submit button', () => {
    const doc = page(`<form id="login" action="http://portal.example-clinic.com/in"></form>
      <input type="password" form="login"><button form="login" formaction="http://evil.example/">go</button>`);
    expect(collectPageSignals(doc, true).forms).toEqual([
      { action: 'http://portal.example-clinic.com/in', method: 'get', hasPassword: true },
      { action: 'http://evil.example/', method: 'get', hasPassword: true },
    ]);
  });

  it('reads password forms only, so dummy forms in front cannot push them past the cap', () => {
    const dummies = '<form action="/search"><input name="q"></form>'.repeat(SIGNAL_LIMITS.forms + 10);
    const doc = page(`${dummies}<form action="http://evil.example/"><input type="password"></form>`);
    for (const shadowRoots of [true, false]) {
      expect(collectPageSignals(doc, true, { shadowRoots }).forms).toEqual([{ action: 'http://evil.example/', method: 'get', hasPassword: true }]);
    }
  });

  // Hundreds of forms in jsdom: about 1.7 s alone, past vitest's 5 s default on a busy machine.
  it('keeps to the cap however many password forms there are', { timeout: 20_000 }, () => {
    const doc = page('<form action="https://elsewhere.example/"><input type="password"></form>'.repeat(SIGNAL_LIMITS.forms + 10));
    for (const shadowRoots of [true, false]) expect(collectPageSignals(doc, true, { shadowRoots }).forms).toHaveLength(SIGNAL_LIMITS.forms);
  });

  it('cuts frames and long addresses to the limits the protocol accepts', () => {
    const long = `https://x.example/${'a'.repeat(5000)}`;
    const frames = `<iframe src="${long}" allow="${'camera;'.repeat(200)}"></iframe>`.repeat(SIGNAL_LIMITS.frames + 5);
    const doc = page(`<form action="${long}"><input type="password"></form>${frames}`);
    const signals = collectPageSignals(doc, true);
    expect(signals.iframes).toHaveLength(SIGNAL_LIMITS.frames);
    expect(signals.iframes[0]!.src).toHaveLength(SIGNAL_LIMITS.url);
    expect(signals.forms[0]!.action).toHaveLength(SIGNAL_LIMITS.url);
    expect(pageSignalsSchema.safeParse(signals).success).toBe(true);
  });
});

describe('watchPage', () => {
  it('reports a password field added after load, once per burst', async () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    const stop = watchPage(document, onChange, 50);
    const form = document.createElement('form');
    form.innerHTML = '<input type="password">';
    document.body.append(form);
    document.body.append(document.createElement('input'));
    await Promise.resolve();
    vi.advanceTimersByTime(60);
    expect(onChange).toHaveBeenCalledOnce();
    stop();
    vi.useRealTimers();
  });

  it('notices a form added later even when its fields shadow its methods', async () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    const stop = watchPage(document, onChange, 50);
    const form = document.createElement('form');
    clobber(form, ['matches', 'querySelector', 'querySelectorAll'], document.createElement('input'));
    document.body.append(form);
    await Promise.resolve();
    vi.advanceTimersByTime(60);
    expect(onChange).toHaveBeenCalledOnce();
    stop();
    form.remove();
    vi.useRealTimers();
  });

  it("reports a <base> added or moved, which sends relative form actions elsewhere, and no other element's href", async () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    const link = document.createElement('a');
    link.href = '/one';
    document.body.append(link);
    const stop = watchPage(document, onChange, 50);
    const settle = async (): Promise<void> => {
      await Promise.resolve();
      vi.advanceTimersByTime(60);
    };
    link.href = '/two';
    await settle();
    expect(onChange).not.toHaveBeenCalled();
    const base = document.createElement('base');
    base.href = 'https://collector.example/';
    document.head.append(base);
    await settle();
    expect(onChange).toHaveBeenCalledTimes(1);
    base.href = 'https://elsewhere.example/';
    await settle();
    expect(onChange).toHaveBeenCalledTimes(2);
    stop();
    base.remove();
    link.remove();
    vi.useRealTimers();
  });

  it('ignores changes that hold no signal', async () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    const stop = watchPage(document, onChange, 50);
    document.body.append(document.createElement('p'));
    await Promise.resolve();
    vi.advanceTimersByTime(60);
    expect(onChange).not.toHaveBeenCalled();
    stop();
    vi.useRealTimers();
  });
});
