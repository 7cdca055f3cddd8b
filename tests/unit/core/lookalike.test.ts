import { describe, expect, it } from 'vitest';
import { buildAllowlist } from '../../../src/core/allowlist';
import { loadBuiltInCatalog } from '../../../src/core/catalog';
import { editDistance } from '../../../src/core/edit-distance';
import { describeDifference, findLookalike } from '../../../src/core/lookalike';
import { skeletonOf } from '../../../src/core/skeleton';

const catalog = loadBuiltInCatalog();
const allowlist = buildAllowlist([{ source: 'catalog', file: catalog }]);

describe('findLookalike flags names that imitate a known platform', () => {
  it.each([
    ['d0xy.me', 'doxy.me', 'digit-for-letter'],
    ['xn--dxy-sed.me', 'doxy.me', 'unicode-homoglyph'], // Cyrillic о
    ['xn--dxy-sna.me', 'doxy.me', 'unicode-homoglyph'], // ö, accent stripped
    ['cloxy.me', 'doxy.me', 'ascii-lookalike'], // cl reads as d
    ['zoorn.us', 'zoom.us', 'ascii-lookalike'], // rn reads as m
    ['dxoy.me', 'doxy.me', 'transposition'],
    ['doxxy.me', 'doxy.me', 'repetition'],
    ['dxy.me', 'doxy.me', 'omission'],
    ['doxi.me', 'doxy.me', 'vowel-swap'],
    ['vsre.com', 'vsee.com', 'keyboard-neighbour'],
    ['amwel.com', 'amwell.com', 'omission'],
    ['telad0c.com', 'teladoc.com', 'digit-for-letter'],
    ['simplepractise.com', 'simplepractice.com', 'replacement'],
    ['login.d0xy.me', 'doxy.me', 'digit-for-letter'],
  ])('%s imitates %s by %s', (host, target, rule) => {
    const match = findLookalike(allowlist, host);
    expect(match).toMatchObject({ target, rule });
    expect(match?.evidence).not.toBe('');
  });
});

describe('findLookalike stays quiet', () => {
  it.each([
    'notdoxy.me', // a longer name is not a typo
    'foxy.me', // first-letter changes are mostly real other names
    'zoominfo.com',
    'doxygen.nl',
    'klarna.com', // one letter from klara.com, and a real site
    'lime.com', // one letter from live.com, where only teams.live.com is listed
    'microsoft.com', // Teams' parent domain is the same owner
    'mail.google.com',
    'example.org',
    '127.0.0.1',
  ])('on %s', (host) => {
    expect(findLookalike(allowlist, host)).toBeUndefined();
  });

  it('on every catalog domain and a subdomain of each', () => {
    for (const entry of catalog.entries) {
      for (const domain of [entry.domain, ...entry.aliases]) {
        expect(findLookalike(allowlist, domain), domain).toBeUndefined();
        expect(findLookalike(allowlist, `portal.${domain}`), domain).toBeUndefined();
      }
    }
  });
});

describe('skeletons', () => {
  it.each([
    ['d0xy.me', 'doxy.me'],
    ['dоxy.me', 'doxy.me'],
    ['dóxy.me', 'doxy.me'],
    ['vvhereby.com', 'whereby.com'],
  ])('%s looks like %s', (a, b) => {
    expect(skeletonOf(a)).toBe(skeletonOf(b));
  });

  it('tells different names apart', () => {
    expect(skeletonOf('doxy.me')).not.toBe(skeletonOf('foxy.me'));
  });
});

describe('describeDifference', () => {
  it.each([
    ['d0xy.me', 'doxy.me', '"0" instead of "o"'],
    ['dxy.me', 'doxy.me', '"o" left out'],
    ['doxxy.me', 'doxy.me', '"x" added'],
  ])('%s vs %s', (a, b, words) => {
    expect(describeDifference(a, b)).toBe(words);
  });
});

describe('editDistance', () => {
  it.each([
    ['doxy', 'doxy', 0],
    ['doxy', 'dxoy', 1],
    ['doxy', 'dox', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s → %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  it('stops early past the limit', () => {
    expect(editDistance('abcdefgh', 'zzzzzzzz', 2)).toBe(3);
  });
});
