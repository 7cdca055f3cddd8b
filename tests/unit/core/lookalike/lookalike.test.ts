import { describe, expect, it } from 'vitest';
import { buildAllowlist } from '../../../../src/core/lists/allowlist';
import { allowlistFileSchema } from '../../../../src/core/lists/allowlist-file';
import { loadBuiltInCatalog } from '../../../../src/core/lists/catalog';
import { editDistance } from '../../../../src/core/lookalike/edit-distance';
import { evidenceInEnglish, spellingDifference } from '../../../../src/core/lookalike/evidence';
import { findLookalike as findLookalikeAsData } from '../../../../src/core/lookalike/lookalike';
import { latinReadings, readingsOf, skeletonOf } from '../../../../src/core/lookalike/skeleton';
import { splitGluedKeywords } from '../../../../src/core/lookalike/combosquatting';

/** The match with its evidence as the command line says it, which these cases were written in. */
function findLookalike(...args: Parameters<typeof findLookalikeAsData>) {
  const match = findLookalikeAsData(...args);
  return match && { ...match, evidence: evidenceInEnglish(match.evidence) };
}

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
    // A letter added before or after a short name, under its own ending.
    ['doxyq.me', 'doxy.me', 'insertion', '"q" added'],
    ['qdoxy.me', 'doxy.me', 'insertion', '"q" added'],
    ['zoomx.us', 'zoom.us', 'insertion', '"x" added'],
    ['vseeq.com', 'vsee.com', 'insertion', '"q" added'],
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
    // Letters Chromium maps beyond TR39 (its skeleton generator's own table).
    ['xn--ebex-k7d.com', 'webex.com', 'mixed-script', '"ш" instead of "w"'], // Cyrillic sha
    ['xn--wherey-mof.com', 'whereby.com', 'mixed-script', '"в" instead of "b"'],
    ['xn--ane-gpb.app', 'jane.app', 'unicode-homoglyph', '"ȷ" instead of "j"'], // dotless j
    ['xn--dxy-nph.me', 'doxy.me', 'unicode-homoglyph', '"०" instead of "o"'], // Devanagari zero
    ['xn--kara-01a.com', 'klara.com', 'unicode-homoglyph', '"ł" instead of "l"'],
    // The lunate sigma ϲ reaches the browser as σ (IDNA maps it): σ reads as c too.
    ['xn--simplepratie-o4ic.com', 'simplepractice.com', 'mixed-script', '"σtiσ" instead of "ctic"'],
    // Brands in borrowed or accented letters, then joined with a keyword or embedded.
    ['xn--dxy-login-02h.com', 'doxy.me', 'combosquatting', '"doxy" with the word "login", spelled "dоxy-login.com" with letters that look Latin'], // Cyrillic о
    ['xn--dxy-gna.me-login.com', 'doxy.me', 'target-embedding', 'contains "doxy.me", spelled "dóxy.me-login.com" with letters that look Latin'],
    ['xn--zm-meeting-evia.com', 'zoom.com', 'combosquatting', '"zoom" with the word "meeting", spelled "zооm-meeting.com" with letters that look Latin'],
    // A stroke that passes for an l (Cyrillic palochka) as much as for an i.
    ['xn--simpepractice-login-o9r.com', 'simplepractice.com', 'combosquatting', '"simplepractice" with the word "login", spelled "simpӏepractice-login.com" with letters that look Latin'],
    // Keywords on both sides of a brand or of a whole address, with no separator.
    ['securedoxymelogin.com', 'doxy.me', 'combosquatting', '"doxyme" between the words "secure" and "login"'],
    ['myzoomusmeeting.com', 'zoom.us', 'combosquatting', '"zoomus" between the words "my" and "meeting"'],
    ['patientdoxyportal.me', 'doxy.me', 'combosquatting', '"doxy" between the words "patient" and "portal"'],
    // Decorations: symbols around the name, characters that pass for a slash or a dot.
    ['xn--doxy-ub73c.me', 'doxy.me', 'decoration', '"🔒doxy.me" reads as "doxy.me"'],
    ['xn--doxy-4x3cka.me', 'doxy.me', 'decoration', '"「doxy」.me" reads as "doxy.me"'],
    ['doxy.xn--meexample-h74h.jp', 'doxy.me', 'decoration', '"doxy.meノexample.jp" reads as "doxy.me/example.jp": contains "doxy.me"'], // katakana no
    ['doxy.xn--melogin-4b5f.jp', 'doxy.me', 'decoration', '"doxy.me・login.jp" reads as "doxy.me.login.jp": contains "doxy.me"'], // katakana middle dot
    // The dot moved.
    ['vseec.om', 'vsee.com', 'dot-shift', '"vseec.om" is "vsee.com" with the dots moved'],
    ['janea.ppco.uk', 'janeapp.co.uk', 'dot-shift', '"janea.ppco.uk" is "janeapp.co.uk" with the dots moved'],
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
    'doqxy.me', // a letter added inside a short name is not one of its looks
    'jitx.si', // three letters: too short for a letter added at its edge to mean it
    'doxyq.com', // a letter added, and another ending: two changes to a short name
    'lime.com', // one letter from live.com, where only teams.live.com is listed
    'microsoft.com', // Teams' parent domain is the same owner
    'mail.google.com',
    'teams.microsoft.com.', // the listed host itself, with a trailing dot
    'example.org',
    '127.0.0.1',
    'mylogin.com', // keywords alone, no brand between them
    'securelogin.net',
    'myappointmentportal.com',
    'xn--mnchen-3ya.de', // münchen.de: accents alone make no brand

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

describe('spellingDifference', () => {
  it.each([
    ['d0xy.me', 'doxy.me', '"0" instead of "o"'],
    ['dxy.me', 'doxy.me', '"o" left out'],
    ['doxxy.me', 'doxy.me', '"x" added'],
  ])('%s vs %s', (a, b, words) => {
    expect(evidenceInEnglish(spellingDifference(a, b))).toBe(words);
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

describe('latinReadings', () => {
  it('reads borrowed and accented letters as the Latin ones they pass for, and leaves ASCII as typed', () => {
    expect(latinReadings('dоxy-login.com')).toEqual(['doxy-login.com']); // Cyrillic о
    expect(latinReadings('dóxy.me')).toEqual(['doxy.me']);
    expect(latinReadings('zoom.us')).toEqual(['zoom.us']); // not "zoorn", as TR39's skeleton has it
    expect(latinReadings('mϋnchen')).toEqual(['munchen']); // Greek ϋ
  });

  it('gives a stroke both readings, as an i and as an l', () => {
    expect(latinReadings('simpӏe')).toEqual(['simpie', 'simple']);
  });
});

describe('splitGluedKeywords', () => {
  const isBrand = (text: string): boolean => text === 'doxy' || text === 'doxyme';

  it('finds a brand between keywords on both sides', () => {
    expect(splitGluedKeywords('securedoxymelogin', isBrand)).toEqual({ brand: 'doxyme', keywords: ['secure', 'login'] });
    expect(splitGluedKeywords('mysecuredoxylogin', isBrand)).toEqual({ brand: 'doxy', keywords: ['my', 'secure', 'login'] });
  });

  it('needs a keyword on each side, and at most three in all', () => {
    expect(splitGluedKeywords('securedoxy', isBrand)).toBeUndefined();
    expect(splitGluedKeywords('doxylogin', isBrand)).toBeUndefined();
    expect(splitGluedKeywords('mysecurelogindoxyportal', isBrand)).toBeUndefined();
    expect(splitGluedKeywords('securedoxiesportal', isBrand)).toBeUndefined();
  });
});

describe('readingsOf', () => {
  it('keeps every reading of a character that passes for more than one spelling, the plain one first', () => {
    expect(readingsOf('þay')).toEqual(['þay', 'bay', 'pay']);
    expect(readingsOf('praσtiσe')).toEqual(['praσtiσe', 'praσtice', 'practiσe', 'practice']);
    expect(readingsOf('doxy')).toEqual(['doxy']);
  });

  it('gives a name with more than three such characters its plain reading only (a crafted name costs a bounded number of readings)', () => {
    expect(readingsOf('σσσ')).toHaveLength(8);
    expect(readingsOf('σσσσ')).toEqual(['σσσσ']);
  });
});

describe('lists with an internationalised name, and names that only look like brand words', () => {
  const listed = buildAllowlist([
    {
      source: 'policy',
      file: allowlistFileSchema.parse({
        version: 1,
        entries: [
          { domain: 'klinik-münchen.de', name: 'Klinik München' }, // a list file may name it in Unicode
          { domain: 'team.us', name: 'Team' },
          { domain: 'google.com', name: 'Google' },
        ],
      }),
    },
  ]);
  const ascii = (host: string): string => new URL(`https://${host}`).hostname;

  it('protects a listed Unicode name from its spelling without accents and from borrowed letters', () => {
    expect(findLookalike(listed, 'klinik-munchen.de')).toMatchObject({ target: 'xn--klinik-mnchen-3ob.de', rule: 'accents-left-off', evidence: '"u" instead of "ü"' });
    expect(findLookalike(listed, ascii('klinik-mϋnchen.de'))).toMatchObject({ target: 'xn--klinik-mnchen-3ob.de', rule: 'mixed-script', evidence: '"ϋ" instead of "ü"' }); // Greek ϋ
    expect(findLookalike(listed, ascii('klinik-münchen.de'))).toBeUndefined();
  });

  it('protects a listed Unicode name inside a longer address, dressed up, and beside a keyword', () => {
    expect(findLookalike(listed, ascii('klinik-münchen.de.evil.com'))).toMatchObject({ target: 'xn--klinik-mnchen-3ob.de', rule: 'target-embedding' });
    expect(findLookalike(listed, 'klinik-munchen.de.evil.com')).toMatchObject({ target: 'xn--klinik-mnchen-3ob.de', rule: 'target-embedding' });
    expect(findLookalike(listed, ascii('🔒klinik-münchen.de'))).toMatchObject({ target: 'xn--klinik-mnchen-3ob.de', rule: 'decoration' });
    expect(findLookalike(listed, 'klinik-munchen-login.de')).toMatchObject({ rule: 'combosquatting', evidence: '"klinik-munchen" (for "klinik-münchen") with the word "login"' });
    expect(findLookalike(listed, ascii('www.klinik-münchen.de'))).toBeUndefined();
  });

  it('reads no brand word from the ending: a host under Google\'s own .google is not "google" beside a keyword', () => {
    expect(findLookalike(listed, 'online.google')).toBeUndefined();
    expect(findLookalike(listed, 'secure.google')).toBeUndefined();
    expect(findLookalike(listed, 'google-login.com')).toMatchObject({ target: 'google.com', rule: 'combosquatting' });
  });

  it('does not read one accented letter as two in a short name', () => {
    expect(findLookalike(listed, ascii('éam.us'))).toBeUndefined();
    expect(findLookalike(listed, ascii('téam.us'))).toMatchObject({ target: 'team.us', rule: 'unicode-homoglyph' });
  });
});

describe('confidence tiers', () => {
  it.each([
    ['d0xy.me', 'high'], // the name as a reader sees it
    ['doxy.me.example.net', 'high'],
    ['dxoy.me', 'medium'], // one typo
    ['doxy.com', 'medium'], // another ending
    ['doxy-login.net', 'medium'], // a sign-in word
    ['xoom.com', 'low'], // one arbitrary letter of a short name
    ['doxyq.me', 'low'],
    ['gotomy.com', 'low'], // a generic word
    ['dicsord.net', 'low'], // a typo and another ending
    ['discord-game.com', 'low'], // a word of any kind beside a long brand
  ])('%s: %s', (host, confidence) => {
    expect(findLookalike(allowlist, host)?.confidence).toBe(confidence);
  });

  it('reads a misspelt long brand beside a keyword as the brand', () => {
    expect(findLookalike(allowlist, 'dlscord-nitro.com')).toMatchObject({ target: 'discord.com', rule: 'combosquatting', confidence: 'medium' });
    expect(findLookalike(allowlist, 'discrod-gift.com')).toMatchObject({ target: 'discord.com', evidence: '"discrod" (for "discord") with the word "gift"' });
  });

  it('takes no vowel swap for a brand: discard is a word', () => {
    expect(findLookalike(allowlist, 'discardmail.com')).toBeUndefined();
  });
});

describe('a low-confidence hit does not hide a more certain one', () => {
  it.each([
    ['teladocc.om', 'dot-shift'], // also a typo under another ending (low)
    ['discordc.om', 'dot-shift'],
    ['simple-practice.net', 'hyphenation'], // also a typo under another ending
    ['doxy.xn--meweb-app-cl5h.com', 'decoration'], // doxy.me・web-app.com; also "web" and "app" beside doxy (low)
  ])('%s: %s, high confidence', (host, rule) => {
    expect(findLookalike(allowlist, host)).toMatchObject({ rule, confidence: 'high' });
  });

  it('reads the brand and its keyword under a non-Latin ending (.中国)', () => {
    expect(findLookalike(allowlist, new URL('https://doxy-login.中国').hostname)).toMatchObject({ target: 'doxy.me', rule: 'combosquatting', confidence: 'medium' });
  });
});
