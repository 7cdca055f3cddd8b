import { describe, expect, it } from 'vitest';
import { buildAllowlist } from '../../../src/core/lists/allowlist';
import { assessPage } from '../../../src/core/findings/assess';
import { loadBuiltInCatalog } from '../../../src/core/lists/catalog';
import { isLoopbackHost } from '../../../src/core/loopback';
import type { PageSignals } from '../../../src/core/signals/page-signals';

const allowlist = buildAllowlist([{ source: 'catalog', file: loadBuiltInCatalog() }]);
const login = (action: string): PageSignals => ({
  isSecureContext: true,
  passwordFields: 1,
  forms: [{ action, method: 'post', hasPassword: true }],
  videoElements: 1,
  iframes: [],
});
const codes = (url: string, signals: PageSignals): string[] => assessPage(allowlist, { url, signals }).findings.map((f) => f.code);

describe('loopback pages are secure contexts', () => {
  it.each(['http://localhost:8080/login', 'http://portal.localhost/', 'http://127.0.0.1/login', 'http://127.8.9.10:3000/', 'http://[::1]:5173/login'])(
    'raises nothing insecure for %s posting to itself',
    (url) => {
      expect(codes(url, login(new URL('/session', url).href))).toEqual([]);
    },
  );

  it('still flags a loopback page whose password form posts over http to another machine', () => {
    expect(codes('http://localhost/login', login('http://collector.example/steal'))).toEqual(['INSECURE_FORM', 'FOREIGN_FORM_ACTION']);
  });

  it('does not flag an https page whose form posts to a loopback address', () => {
    expect(codes('https://forum.example.org/login', login('http://127.0.0.1:9000/session'))).not.toContain('INSECURE_FORM');
  });

  it.each([
    ['localhost', true],
    ['localhost.', true],
    ['[::1]', true],
    ['127.0.0.1', true],
    ['128.0.0.1', false],
    ['localhost.example.com', false],
    ['mylocalhost', false],
    ['[::2]', false],
  ] as const)('%s is loopback: %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('INSECURE_FORM', () => {
  it('names each insecure address once, however many forms and buttons post to it', () => {
    const twice = { ...login('http://portal.example-clinic.com/login') };
    twice.forms = [...twice.forms, ...twice.forms, { action: 'HTTP://other.example-clinic.com/x', method: 'post', hasPassword: true }];
    const findings = assessPage(allowlist, { url: 'https://portal.example-clinic.com/', signals: twice }).findings.filter((f) => f.code === 'INSECURE_FORM');
    expect(findings.map((f) => f.action)).toEqual(['http://portal.example-clinic.com/login', 'HTTP://other.example-clinic.com/x']);
  });
});
