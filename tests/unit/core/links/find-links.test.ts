import { describe, expect, it } from 'vitest';
import { findLinks, type FoundLink, type LinkReading } from '../../../../src/core/links/find-links';
import { LINK_TEXT_MAX_LENGTH, MAX_LINKS_CHECKED, WRITTEN_LINK_SHOWN } from '../../../../src/core/links/link-limits';

/** A web link as findLinks gives it, with what most cases leave at their defaults. */
const web = (written: string, url: string, extra: Partial<Extract<FoundLink, { kind: 'web' }>> = {}): FoundLink => ({
  kind: 'web',
  written,
  url,
  assumedHttps: false,
  invisible: [],
  ...extra,
});

const found = (...links: FoundLink[]): LinkReading => ({ ok: true, links, more: 0 });

interface Case {
  behaviour: string;
  text: string;
  reading: LinkReading;
}

const cases: Case[] = [
  {
    behaviour: 'finds the link in a whole text message and leaves the words around it',
    text: 'Your visit starts at 3pm: https://doxy.me/drsmith  Reply STOP',
    reading: found(web('https://doxy.me/drsmith', 'https://doxy.me/drsmith')),
  },
  {
    behaviour: 'finds a link across line breaks of an email',
    text: 'Dear patient,\r\n\r\nJoin here:\nhttps://doxy.me/drsmith\n\nThe clinic',
    reading: found(web('https://doxy.me/drsmith', 'https://doxy.me/drsmith')),
  },
  {
    behaviour: 'reads a bare host with a path as https and says so',
    text: 'doxy.me/drsmith',
    reading: found(web('doxy.me/drsmith', 'https://doxy.me/drsmith', { assumedHttps: true })),
  },
  { behaviour: 'reads a bare host alone as https', text: 'www.doxy.me', reading: found(web('www.doxy.me', 'https://www.doxy.me/', { assumedHttps: true })) },
  {
    behaviour: 'leaves the full stop that ends the sentence out of the link',
    text: 'Join at https://doxy.me/drsmith.',
    reading: found(web('https://doxy.me/drsmith', 'https://doxy.me/drsmith')),
  },
  {
    behaviour: 'takes a link out of the brackets and quotes it is written in',
    text: '("<https://doxy.me/drsmith>"),',
    reading: found(web('https://doxy.me/drsmith', 'https://doxy.me/drsmith')),
  },
  {
    behaviour: 'keeps a closing bracket that the link itself opened',
    text: '(see https://en.wikipedia.org/wiki/Telehealth_(medicine))',
    reading: found(web('https://en.wikipedia.org/wiki/Telehealth_(medicine)', 'https://en.wikipedia.org/wiki/Telehealth_(medicine)')),
  },
  {
    behaviour: 'finds a link glued to a word before it',
    text: 'Link:https://zoom.us/j/123456789',
    reading: found(web('https://zoom.us/j/123456789', 'https://zoom.us/j/123456789')),
  },
  {
    behaviour: 'finds the address of a markdown link',
    text: '[your visit](https://doxy.me/drsmith)',
    reading: found(web('https://doxy.me/drsmith', 'https://doxy.me/drsmith')),
  },
  {
    behaviour: 'judges the host after the @, and keeps the part before it as the trick',
    text: 'https://doxy.me@evil.example/',
    reading: found(web('https://doxy.me@evil.example/', 'https://doxy.me@evil.example/', { userInfo: 'doxy.me' })),
  },
  {
    behaviour: 'keeps a user name and password before the @ as the trick',
    text: 'https://doxy.me:443@d0xy.me/room',
    reading: found(web('https://doxy.me:443@d0xy.me/room', 'https://doxy.me:443@d0xy.me/room', { userInfo: 'doxy.me:443' })),
  },
  {
    behaviour: 'reads a bare link with an @ and a path as going to the host after the @',
    text: 'doxy.me@d0xy.me/drsmith',
    reading: found(web('doxy.me@d0xy.me/drsmith', 'https://doxy.me@d0xy.me/drsmith', { assumedHttps: true, userInfo: 'doxy.me' })),
  },
  {
    behaviour: 'lowers an uppercase link as the browser does, trailing dot and all',
    text: 'HTTPS://DOXY.ME./DrSmith',
    reading: found(web('HTTPS://DOXY.ME./DrSmith', 'https://doxy.me./DrSmith')),
  },
  {
    behaviour: 'keeps the port of a link',
    text: 'https://doxy.me:8443/drsmith',
    reading: found(web('https://doxy.me:8443/drsmith', 'https://doxy.me:8443/drsmith')),
  },
  {
    behaviour: 'reads a bare host with a port',
    text: 'doxy.me:8443/drsmith',
    reading: found(web('doxy.me:8443/drsmith', 'https://doxy.me:8443/drsmith', { assumedHttps: true })),
  },
  {
    behaviour: 'turns a host in another script into punycode, as the browser opens it',
    text: 'https://dоxy.me/drsmith',
    reading: found(web('https://dоxy.me/drsmith', 'https://xn--dxy-sed.me/drsmith')),
  },
  {
    behaviour: 'reads a bare host in another script',
    text: 'dоxy.me/drsmith',
    reading: found(web('dоxy.me/drsmith', 'https://xn--dxy-sed.me/drsmith', { assumedHttps: true })),
  },
  {
    behaviour: 'follows the browser where a zero-width space drops out of the host, and notes it',
    text: 'https://do\u200Bxy.me/drsmith',
    reading: found(web('https://do[U+200B]xy.me/drsmith', 'https://doxy.me/drsmith', { invisible: ['U+200B'] })),
  },
  {
    behaviour: 'keeps a byte-order mark inside a link instead of splitting there, and notes it',
    text: 'https://doxy.me\uFEFF.d0xy.me/',
    reading: found(web('https://doxy.me[U+FEFF].d0xy.me/', 'https://doxy.me.d0xy.me/', { invisible: ['U+FEFF'] })),
  },
  {
    behaviour: 'notes a right-to-left override in the path',
    text: 'https://evil.example/\u202Eem.yxod',
    reading: found(web('https://evil.example/[U+202E]em.yxod', 'https://evil.example/%E2%80%AEem.yxod', { invisible: ['U+202E'] })),
  },
  { behaviour: 'keeps an http link as http', text: 'http://doxy.me/drsmith', reading: found(web('http://doxy.me/drsmith', 'http://doxy.me/drsmith')) },
  {
    behaviour: 'reads a backslash as the browser does',
    text: 'https:\\\\doxy.me\\drsmith',
    reading: found(web('https:\\\\doxy.me\\drsmith', 'https://doxy.me/drsmith')),
  },
  {
    behaviour: 'reads a bare IPv4 address written in full',
    text: '192.168.1.20/visit',
    reading: found(web('192.168.1.20/visit', 'https://192.168.1.20/visit', { assumedHttps: true })),
  },
  {
    behaviour: 'finds each link once, in order',
    text: 'https://doxy.me/a or d0xy.me/b, and again https://doxy.me/a',
    reading: found(web('https://doxy.me/a', 'https://doxy.me/a'), web('d0xy.me/b', 'https://d0xy.me/b', { assumedHttps: true })),
  },
  {
    behaviour: 'refuses a javascript: link as no web link',
    text: 'javascript:alert(document.cookie)',
    reading: found({ kind: 'not-web', written: 'javascript:alert(document.cookie)', scheme: 'javascript:', notWeb: 'script' }),
  },
  {
    behaviour: 'refuses an uppercase JavaScript: link too',
    text: 'JavaScript:alert(1)',
    reading: found({ kind: 'not-web', written: 'JavaScript:alert(1)', scheme: 'javascript:', notWeb: 'script' }),
  },
  {
    behaviour: 'refuses a data: link, which carries its own page',
    text: 'data:text/html;base64,PGgxPkRveHkubWU8L2gxPg==',
    reading: found({ kind: 'not-web', written: 'data:text/html;base64,PGgxPkRveHkubWU8L2gxPg==', scheme: 'data:', notWeb: 'inline' }),
  },
  {
    behaviour: 'refuses a blob: link without judging the web address inside it',
    text: 'blob:https://doxy.me/5f0c-44',
    reading: found({ kind: 'not-web', written: 'blob:https://doxy.me/5f0c-44', scheme: 'blob:', notWeb: 'inline' }),
  },
  {
    behaviour: 'refuses a file: link as pointing into this computer',
    text: 'file:///C:/Users/visit.html',
    reading: found({ kind: 'not-web', written: 'file:///C:/Users/visit.html', scheme: 'file:', notWeb: 'local' }),
  },
  {
    behaviour: 'refuses a mailto: link',
    text: 'mailto:help@clinic.example',
    reading: found({ kind: 'not-web', written: 'mailto:help@clinic.example', scheme: 'mailto:', notWeb: 'other' }),
  },
  {
    behaviour: "refuses an app's own scheme",
    text: 'zoommtg://zoom.us/join?confno=123',
    reading: found({ kind: 'not-web', written: 'zoommtg://zoom.us/join?confno=123', scheme: 'zoommtg:', notWeb: 'other' }),
  },
  { behaviour: 'calls a link with no host unreadable', text: 'https://', reading: found({ kind: 'unreadable', written: 'https://' }) },
  { behaviour: 'calls a link with a space-broken host unreadable', text: 'https://do%20xy.me/', reading: found({ kind: 'unreadable', written: 'https://do%20xy.me/' }) },
  { behaviour: 'says an empty text is empty', text: '', reading: { ok: false, problem: { reason: 'empty' } } },
  { behaviour: 'says a text of spaces and line breaks is empty', text: '  \n\t ', reading: { ok: false, problem: { reason: 'empty' } } },
  {
    behaviour: 'finds no link in words with dots that are no hosts',
    text: 'Dear Mr.Smith, e.g. at 3.30 p.m. bring v1.2 of index.html',
    reading: { ok: false, problem: { reason: 'no-link' } },
  },
  { behaviour: 'reads "3.5" as no IPv4 address, though the URL parser would', text: 'dose 3.5', reading: { ok: false, problem: { reason: 'no-link' } } },
  { behaviour: 'says an email address alone is no link', text: 'help@clinic.org', reading: { ok: false, problem: { reason: 'email-address' } } },
  {
    behaviour: 'passes over an email address beside a link',
    text: 'Questions: help@clinic.org. Visit: https://doxy.me/drsmith',
    reading: found(web('https://doxy.me/drsmith', 'https://doxy.me/drsmith')),
  },
  { behaviour: 'takes a word before a colon for no scheme', text: 'Time:3pm Room:4', reading: { ok: false, problem: { reason: 'no-link' } } },
];

describe('findLinks', () => {
  for (const { behaviour, text, reading } of cases) {
    it(behaviour, () => {
      expect(findLinks(text)).toEqual(reading);
    });
  }

  it(`says a text over ${LINK_TEXT_MAX_LENGTH} characters is too long, before reading any of it`, () => {
    const text = `https://doxy.me/drsmith ${'x'.repeat(LINK_TEXT_MAX_LENGTH)}`;
    expect(findLinks(text)).toEqual({ ok: false, problem: { reason: 'too-long', length: text.length, max: LINK_TEXT_MAX_LENGTH } });
  });

  it(`judges the first ${MAX_LINKS_CHECKED} links and counts the rest`, () => {
    const reading = findLinks('https://a.doxy.me/ https://b.doxy.me/ https://c.doxy.me/ https://d.doxy.me/ https://e.doxy.me/');
    expect(reading).toMatchObject({ ok: true, more: 2 });
    expect(reading.ok && reading.links.map((link) => link.written)).toEqual(['https://a.doxy.me/', 'https://b.doxy.me/', 'https://c.doxy.me/']);
  });

  it('quotes a very long link back cut, but judges it whole', () => {
    const path = 'a'.repeat(WRITTEN_LINK_SHOWN * 2);
    const reading = findLinks(`https://doxy.me/${path}`);
    const link = reading.ok ? reading.links[0] : undefined;
    expect(link?.written).toHaveLength(WRITTEN_LINK_SHOWN + 1);
    expect(link?.written.endsWith('…')).toBe(true);
    expect(link?.kind === 'web' && link.url).toBe(`https://doxy.me/${path}`);
  });

  it('reads a text of the longest length of closing brackets quickly', () => {
    const started = performance.now();
    findLinks(`https://doxy.me/${')'.repeat(LINK_TEXT_MAX_LENGTH - 20)}`);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
