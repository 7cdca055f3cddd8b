import { describe, expect, it } from 'vitest';
import { isSameOrSubdomain, parseTarget, TargetParseError } from '../../../src/core/hostname';

describe('parseTarget', () => {
  it.each([
    ['https://Clinic.Doxy.ME./room?x=1', 'clinic.doxy.me', 'https:', 'doxy.me'],
    ['doxy.me', 'doxy.me', undefined, 'doxy.me'],
    ['http://dоxy.me/login', 'xn--dxy-sed.me', 'http:', 'xn--dxy-sed.me'],
    ['bbc.co.uk', 'bbc.co.uk', undefined, 'bbc.co.uk'],
    ['http://127.0.0.1:8080/', '127.0.0.1', 'http:', undefined],
  ])('reads %s as host %s', (input, host, scheme, registrable) => {
    const target = parseTarget(input);
    expect(target.host).toBe(host);
    expect(target.scheme).toBe(scheme);
    expect(target.registrableDomain).toBe(registrable);
  });

  it('keeps the Unicode form of an IDN for display', () => {
    expect(parseTarget('xn--dxy-sed.me').unicodeHost).toBe('dоxy.me');
  });

  it.each(['', '   ', 'ht tp://x', 'https://'])('rejects %j with a reason', (input) => {
    expect(() => parseTarget(input)).toThrow(TargetParseError);
  });
});

describe('isSameOrSubdomain', () => {
  it.each([
    ['doxy.me', 'doxy.me', true],
    ['clinic.doxy.me', 'doxy.me', true],
    ['notdoxy.me', 'doxy.me', false],
    ['doxy.me.evil.com', 'doxy.me', false],
    ['xdoxy.me', 'doxy.me', false],
  ])('%s under %s → %s', (host, domain, expected) => {
    expect(isSameOrSubdomain(host, domain)).toBe(expected);
  });
});
