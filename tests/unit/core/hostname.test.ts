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

  const label = (length: number) => 'a'.repeat(length);
  it.each([
    ['a label of 64 characters', `${label(64)}.com`, /label of 64 characters, more than 63/],
    ['a label of 64 characters in a URL', `https://x.${label(64)}.com/room`, /label of 64 characters/],
    ['a host of 254 characters', `${`${label(49)}.`.repeat(5)}com`.padStart(254, 'b'), /hostname of 254 characters, more than 253/],
    ['an IDN label over 63 characters in punycode', `${'ö'.repeat(60)}.com`, /label of \d+ characters, more than 63/],
  ])('rejects %s', (_, input, reason) => {
    expect(() => parseTarget(input)).toThrow(TargetParseError);
    expect(() => parseTarget(input)).toThrow(reason);
  });

  it('accepts a label of 63 characters and a host of 253', () => {
    expect(parseTarget(`${label(63)}.com`).host).toBe(`${label(63)}.com`);
    const longest = `${`${label(62)}.`.repeat(3)}${label(61)}.co`;
    expect(parseTarget(longest).host).toHaveLength(253);
  });

  it('refuses a 5 MB hostname quickly, quoting only its start', () => {
    const huge = `${'x'.repeat(5_000_000)}.com`;
    const started = performance.now();
    let error: unknown;
    try {
      parseTarget(`https://${huge}/`);
    } catch (caught) {
      error = caught;
    }
    expect(performance.now() - started).toBeLessThan(200);
    expect(error).toBeInstanceOf(TargetParseError);
    const message = (error as Error).message;
    expect(message.length).toBeLessThan(300);
    expect(message).toMatch(/hostname of 5000004 characters, more than 253: "https:\/\/xxx.*…/);
  });

  it('cuts a long bad input in its message', () => {
    const message = (() => {
      try {
        parseTarget(`ht tp://${'y'.repeat(10_000)}`);
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).toMatch(/^not a URL or hostname: "ht tp:\/\/y+"… \(10008 characters\)$/);
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
