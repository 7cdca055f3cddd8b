// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { pageSignalsSchema } from '../../../src/core/page-signals';
import { collectPageSignals } from '../../../src/content/collect-signals';
import { watchPage } from '../../../src/content/watch-page';

function page(html: string, url = 'https://portal.example-clinic.com/login'): Document {
  const doc = document.implementation.createHTMLDocument('t');
  const base = doc.createElement('base');
  base.href = url;
  doc.head.append(base);
  doc.body.innerHTML = html;
  return doc;
}

describe('collectPageSignals', () => {
  it('finds password fields, forms and where they post', () => {
    const doc = page(`
      <form action="/session" method="POST"><input name="u"><input type="password"></form>
      <form action="http://insecure.example/search"><input name="q"></form>
      <input type="PASSWORD">`);
    const signals = collectPageSignals(doc, true);
    expect(signals.passwordFields).toBe(2);
    expect(signals.forms).toEqual([
      { action: 'https://portal.example-clinic.com/session', method: 'post', hasPassword: true },
      { action: 'http://insecure.example/search', method: 'get', hasPassword: false },
    ]);
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

  it('produces what the protocol accepts', () => {
    const doc = page('<form><input type="password"></form>');
    expect(pageSignalsSchema.safeParse(collectPageSignals(doc, true)).success).toBe(true);
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
