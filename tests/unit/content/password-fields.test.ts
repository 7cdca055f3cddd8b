// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { mayHoldShadowRoots, NEVER_SHADOW_HOSTS, passwordFieldsIn } from '../../../src/content/password-fields';

const page = (html: string): Document => {
  const doc = document.implementation.createHTMLDocument('page');
  doc.body.innerHTML = html;
  return doc;
};

describe('where open shadow roots can be', () => {
  it('skips only elements that can never host one', () => {
    const doc = page('');
    for (const name of NEVER_SHADOW_HOSTS) {
      const element = name === 'svg' || ['path', 'g', 'circle', 'rect', 'line', 'polyline', 'polygon', 'use', 'defs', 'symbol', 'stop'].includes(name)
        ? doc.createElementNS('http://www.w3.org/2000/svg', name)
        : doc.createElement(name);
      expect(() => element.attachShadow({ mode: 'open' }), name).toThrow();
    }
    expect(() => doc.createElement('div').attachShadow({ mode: 'open' })).not.toThrow();
  });

  // The window's own document: `:defined` needs a document with a custom element registry.
  it('a page that attached no shadow root and has no undefined custom elements has none to look into', () => {
    document.body.innerHTML = '<div><p>text</p><input type="password"></div>';
    expect(mayHoldShadowRoots(document, false)).toBe(false);
  });

  it('a page that attached one, or has custom elements still waiting for their definition, may have some', () => {
    document.body.innerHTML = '<div></div>';
    expect(mayHoldShadowRoots(document, true)).toBe(true);
    document.body.innerHTML = '<login-box></login-box>';
    expect(mayHoldShadowRoots(document, false)).toBe(true);
  });

  it('finds fields in nested open shadow roots only when asked to', () => {
    const doc = page('<login-box></login-box>');
    const outer = doc.querySelector('login-box')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<div></div><input type="password">';
    outer.querySelector('div')!.attachShadow({ mode: 'open' }).innerHTML = '<input type="password">';
    expect(passwordFieldsIn(doc)).toHaveLength(2);
    expect(passwordFieldsIn(doc, { shadowRoots: false })).toHaveLength(0);
  });
});
