// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://portal.example-clinic.com/login"}
import { afterEach, describe, expect, it } from 'vitest';
import { collectPageSignals } from '../../../src/content/collect-signals';

/** The test's own document, at an https address with no <base>, as most login pages are. */
function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

const read = (doc: Document) => collectPageSignals(doc, true, { shadowRoots: false });

describe('password forms posting to the page\'s own origin', () => {
  for (const action of [null, '', '/session', '/login?next=%2Fhome#top', '/ /odd but here']) {
    it(`are counted and not read when the action is ${action === null ? 'absent' : JSON.stringify(action)}`, () => {
      const attribute = action === null ? '' : ` action="${action}"`;
      const signals = read(page(`<form${attribute} method="post"><input type="password"></form><input type="password">`));
      expect(signals.passwordFields).toBe(2);
      expect(signals.forms).toEqual([]);
    });
  }

  // Each of these may post elsewhere, or looks like it could: every password form is read.
  const ELSEWHERE: Record<string, string> = {
    'another host': 'https://collector.example/in',
    'another host without a scheme': '//collector.example/in',
    'a backslash the URL parser reads as a slash': '/\\collector.example/in',
    'a tab the URL parser drops': '/\t/collector.example/in',
    'a newline the URL parser drops': '/\n/collector.example/in',
    'plain http on this host': 'http://portal.example-clinic.com/session',
    'a path relative to the page': 'session',
  };
  for (const [what, action] of Object.entries(ELSEWHERE)) {
    it(`are read, every one, beside an action with ${what}`, () => {
      const doc = page('<form action="/own"><input type="password"></form><form method="post"><input type="password"></form>');
      doc.querySelectorAll('form')[1]!.setAttribute('action', action);
      const expected = new URL(action, 'https://portal.example-clinic.com/login').href;
      expect(read(doc).forms).toEqual([
        { action: 'https://portal.example-clinic.com/own', method: 'get', hasPassword: true },
        { action: expected, method: 'post', hasPassword: true },
      ]);
    });
  }

  it('are read where a <base> could send their actions elsewhere', () => {
    document.head.innerHTML = '<base href="https://collector.example/">';
    expect(read(page('<form action="/session"><input type="password"></form>')).forms).toEqual([{ action: 'https://collector.example/session', method: 'get', hasPassword: true }]);
  });
});
