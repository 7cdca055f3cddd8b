import { describe, expect, it } from 'vitest';
import { buildAllowlist } from '../../../../src/core/lists/allowlist';
import { allowlistFileSchema } from '../../../../src/core/lists/allowlist-file';
import { loadBuiltInCatalog } from '../../../../src/core/lists/catalog';
import { editDistance } from '../../../../src/core/lookalike/edit-distance';
import { describeDifference, findLookalike } from '../../../../src/core/lookalike/lookalike';
import { skeletonOf } from '../../../../src/core/lookalike/skeleton';

const catalog = loadBuiltInCatalog();
const allowlist = buildAllowlist([{ source: 'catalog', file: catalog }]);

describe('findLookalike names the target, the rule and the evidence', () => {
  it.each([
    ['d0xy.me', 'doxy.me', 'digit-for-letter', '"0" instead of "o"'],
    ['xn--dxy-sed.me', 'doxy.me', 'mixed-script', '"о" instead of "o"'], // Cyrillic о among Latin letters
    ['xn--e1aa8grf.me', 'vsee.me', 'whole-script-confusable', '"ѵѕее" instead of "vsee"'], // all Cyrillic
    ['xn--dxy-sna.me', 'doxy.me', 'unicode-homoglyph', '"ö" instead of "o"'], // an accent
    ['xn--updo-8od.com', 'updox.com', 'mixed-script', '"χ" instead of "x"'], // Greek chi
    ['cloxy.me', 'doxy.me', 'ascii-lookalike', '"cl" instead of "d"'],
    ['zoorn.us', 'zoom.us', 'ascii-lookalike', '"rn" instead of "m"'],
    ['dxoy.me', 'doxy.me', 'transposition', '"xo" instead of "ox"'],
    ['doxxy.me', 'doxy.me', 'repetition', '"x" added'],
    ['dxy.me', 'doxy.me', 'omission', '"o" left out'],
    ['doxi.me', 'doxy.me', 'vowel-swap', '"i" instead of "y"'],
    ['vsre.com', 'vsee.com', 'keyboard-neighbour', '"r" instead of "e"'],
    ['dmxy.me', 'doxy.me', 'bitsquatting', '"m" instead of "o"'],
    ['simplepracitce.com', 'simplepractice.com', 'transposition', '"it" instead of "ti"'],
    ['simplepractise.com', 'simplepractice.com', 'bitsquatting', '"s" instead of "c"'],
    // Two edits in a long name: one letter added, another dropped.
    ['simpleppractie.com', 'simplepractice.com', 'edit-distance', '"practi" instead of "ractic"'],
    ['dox-y.me', 'doxy.me', 'hyphenation', '"-" added'],
    ['do.xy.me', 'doxy.me', 'dot-insertion', '"." added'],
    ['doxy.com', 'doxy.me', 'tld-swap', '"com" instead of "me"'],
    ['d0xy.github.io', 'doxy.me', 'digit-for-letter', '"0xy.github.io" instead of "oxy.me"'], // free hosting names count
    ['doxy.me.example.net', 'doxy.me', 'target-embedding', 'contains "doxy.me"'],
    ['doxy-me.com', 'doxy.me', 'target-embedding', 'contains "doxy.me"'],
    ['doxyme.com', 'doxy.me', 'target-embedding', 'contains "doxyme"'],
    ['login-doxy.me.com', 'doxy.me', 'target-embedding', 'contains "doxy.me"'],
    ['meet.google.com.evil.net', 'meet.google.com', 'target-embedding', 'contains "meet.google.com"'],
    ['thera-link-com.com', 'thera-link.com', 'target-embedding', 'contains "thera.link.com"'],
    ['doxy-login.net', 'doxy.me', 'combosquatting', '"doxy" with the word "login"'],
    ['securedoxy.com', 'doxy.me', 'combosquatting', '"doxy" with the word "secure"'],
    ['vsee-portal.me', 'vsee.me', 'combosquatting', '"vsee" with the word "portal"'],
    ['thera-link-patient.com', 'thera-link.com', 'combosquatting', '"thera-link" with the word "patient"'],
    ['login.d0xy.me', 'doxy.me', 'digit-for-letter', '"0" instead of "o"'],
  ])('%s imitates %s by %s', (host, target, rule, evidence) => {
    expect(findLookalike(allowlist, host)).toMatchObject({ target, rule, evidence });
  });

  it('prefers the target under the same suffix', () => {
    expect(findLookalike(allowlist, 'vs3e.me')?.target).toBe('vsee.me');
    expect(findLookalike(allowlist, 'vs3e.com')?.target).toBe('vsee.com');
    expect(findLookalike(allowlist, 'z0om.com')?.target).toBe('zoom.com');
  });
});

describe('findLookalike stays quiet', () => {
  it.each([
    'notdoxy.me', // a longer name is not a typo
    'zoominfo.com',
    'doxygen.nl',
    'klarna.com', // one arbitrary letter from klara.com, and a real site
    'lime.com', // one letter from live.com, where only teams.live.com is listed
    'microsoft.com', // Teams' parent domain is the same owner
    'mail.google.com',
    'teams.microsoft.com.', // the listed host itself, with a trailing dot
    'example.org',
    '127.0.0.1',
  ])('on %s', (host) => {
    expect(findLookalike(allowlist, host.replace(/\.$/, ''))).toBeUndefined();
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

describe('the index', () => {
  it('gives the same answer however many unrelated domains the list holds', () => {
    const padded = buildAllowlist([
      { source: 'catalog', file: catalog },
      {
        source: 'policy',
        file: allowlistFileSchema.parse({
          version: 1,
          entries: Array.from({ length: 2000 }, (_, i) => ({ domain: `clinic-${i}.example-health.org`, name: `Clinic ${i}` })),
        }),
      },
    ]);
    for (const host of ['d0xy.me', 'dxoy.me', 'doxy-login.net', 'zoominfo.com']) {
      expect(findLookalike(padded, host)?.rule, host).toBe(findLookalike(allowlist, host)?.rule);
    }
    expect(findLookalike(padded, 'clinic-7.example-health.org')).toBeUndefined();
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
