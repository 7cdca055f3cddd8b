import { describe, expect, it } from 'vitest';
import { hostToUnicode, parseTarget, registrableDomainOf, splitHost, TargetParseError } from '../../../src/core/hostname';

describe('parseTarget', () => {
  it.each([
    ['https://Clinic.Doxy.ME./room?x=1', 'clinic.doxy.me', 'https:'],
    ['doxy.me', 'doxy.me', undefined],
    ['http://dоxy.me/login', 'xn--dxy-sed.me', 'http:'],
    ['bbc.co.uk', 'bbc.co.uk', undefined],
    ['http://127.0.0.1:8080/', '127.0.0.1', 'http:'],
    ['https://doxy.me:8443/room', 'doxy.me', 'https:'],
  ])('reads %s as host %s', (input, host, scheme) => {
    const target = parseTarget(input);
    expect(target.host).toBe(host);
    expect(target.scheme).toBe(scheme);
  });

  it.each(['', '   ', 'ht tp://x', 'https://'])('rejects %j with a reason', (input) => {
    expect(() => parseTarget(input)).toThrow(TargetParseError);
  });
});

describe('registrable domains', () => {
  it.each([
    ['clinic.doxy.me', 'doxy.me'],
    ['a.b.co.uk', 'b.co.uk'],
    // Private suffixes count: a free-hosting name belongs to whoever made it.
    ['d0xy.github.io', 'd0xy.github.io'],
    ['127.0.0.1', undefined],
    ['[::1]', undefined],
  ])('%s → %s', (host, registrable) => {
    expect(registrableDomainOf(host)).toBe(registrable);
  });

  it('splits a host into name, suffix and subdomain in one parse', () => {
    expect(splitHost('login.portal.doxy.co.uk')).toEqual({ registrable: 'doxy.co.uk', name: 'doxy', suffix: 'co.uk', subdomain: 'login.portal' });
  });

  it('shows an IDN in Unicode, and a broken one as it is', () => {
    expect(hostToUnicode('xn--dxy-sed.me')).toBe('dоxy.me');
    expect(hostToUnicode('xn--zz.me')).toBe('xn--zz.me');
  });
});
