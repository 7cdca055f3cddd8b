import fc from 'fast-check';
import { toASCII } from 'punycode';
import { describe, expect, it } from 'vitest';
import { buildAllowlist } from '../../../src/core/lists/allowlist';
import { assessPage } from '../../../src/core/findings/assess';
import { loadBuiltInCatalog } from '../../../src/core/lists/catalog';
import { hostToUnicode, normalizeHost, parseTarget, TargetParseError } from '../../../src/core/hostname';

/**
 * Properties of reading an address: whatever the input, parseTarget either reads it or
 * throws TargetParseError (the only error its callers catch); and a host gets the same
 * verdict however it is spelled. Runs stay moderate so the file takes a few seconds.
 */

const RUNS = 300;
const catalog = loadBuiltInCatalog();
const allowlist = buildAllowlist([{ source: 'catalog', file: catalog }]);
const catalogDomains = catalog.entries.flatMap((entry) => [entry.domain, ...entry.aliases]);

/** Reads the input, or says it was refused; any other error fails the property. */
function outcome(input: string): string {
  try {
    return parseTarget(input).host;
  } catch (error) {
    if (error instanceof TargetParseError) return '(refused)';
    throw error;
  }
}

const schemes = fc.constantFrom('', 'https://', 'http://', 'HTTPS://', 'ftp://', 'blob:', 'javascript:', 'data:text/html,', 'x-y+z.1://');
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom('a', '.', '-', ':', '/', '@', '[', ']', '%', '#', '?', '\\', ' ', 'é', 'о', '\u00AD', '\uFEFF', '\u200D', '0', 'xn--'), maxLength: 120 }),
  fc.tuple(schemes, fc.string({ unit: 'binary', maxLength: 60 })).map(([scheme, rest]) => scheme + rest),
  fc.webUrl({ withFragments: true, withQueryParameters: true }),
  fc.domain(),
  // Around the written-length limit (2048) where parseTarget stops before the URL parser.
  fc.tuple(schemes, fc.string({ unit: fc.constantFrom('a', '.', 'é', '%41', '@', '/'), minLength: 700, maxLength: 1200 })).map(([scheme, rest]) => scheme + rest),
);

describe('parseTarget on any input', () => {
  it('reads it or throws TargetParseError, nothing else', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        outcome(input);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('refuses every host over DNS limits, and reads back a host within them', () => {
    // An `xn--` label is punycode, which a random tail seldom is (`xn--a` is no valid
    // punycode, and the URL parser rightly refuses it): those are not hosts within limits.
    const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/).filter((candidate) => !candidate.startsWith('xn--'));
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 6 }), fc.constantFrom('com', 'org', 'co.uk', 'me'), (labels, tld) => {
        const host = [...labels, tld].join('.');
        const tooLong = host.length > 253 || labels.some((l) => l.length > 63);
        expect(outcome(host)).toBe(tooLong ? '(refused)' : host);
      }),
      { numRuns: RUNS },
    );
  });

  it('gives back a host that is lower-case ASCII without a trailing dot', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const host = outcome(input);
        if (host === '(refused)') return;
        expect(host).toBe(host.toLowerCase());
        expect(host.endsWith('.')).toBe(false);
        // eslint-disable-next-line no-control-regex
        expect(host).toMatch(/^[\x00-\x7f]*$/);
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws out of normalizeHost or hostToUnicode either', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        hostToUnicode(text);
        try {
          normalizeHost(text);
        } catch (error) {
          // punycode refuses only what is past its limits; parseTarget turns that into TargetParseError.
          expect(error).toBeInstanceOf(RangeError);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------
// The same host in other spellings gets the same verdict.

/** Letters whose upper case maps back under IDNA (no ß, no dotless ı), Latin and Cyrillic look-alikes among them. */
const idnLetter = fc.constantFrom('ö', 'ü', 'é', 'ñ', 'ç', 'о', 'а', 'е', 'і');
const asciiLabel = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,14}[a-z0-9])?$/).filter((label) => !label.startsWith('xn--') && label[2] !== '-');
const idnLabel = fc
  .tuple(fc.stringMatching(/^[a-z]{0,6}$/), idnLetter, fc.stringMatching(/^[a-z]{0,6}$/))
  .map(([before, letter, after]) => `${before}${letter}${after}`);

/** Hosts to judge: the catalog's (and subdomains), near misses of them, Unicode look-alikes, and anything else. */
const host = fc.oneof(
  fc.constantFrom(...catalogDomains),
  fc.tuple(asciiLabel, fc.constantFrom(...catalogDomains)).map(([sub, domain]) => `${sub}.${domain}`),
  fc.constantFrom('d0xy.me', 'doxy-me.com', 'dоxy.me', 'zoom-us.net', 'vsee.co', 'teladoc-health.com', 'notdoxy.me', 'github.io', 'd0xy.github.io'),
  fc.tuple(fc.array(fc.oneof(asciiLabel, idnLabel), { minLength: 1, maxLength: 3 }), fc.constantFrom('me', 'com', 'org', 'co.uk', 'us', 'net')).map(
    ([labels, tld]) => [...labels, tld].join('.'),
  ),
  fc.domain(),
);

/** Other spellings of one host that name the same page path ("/"): the verdict may not change. */
function spellings(h: string): string[] {
  return [h, h.toUpperCase(), `${h}.`, `https://${h}`, `https://${h.toUpperCase()}./`, `https://${h}:8443/?q=1&x=%20#frag`, `https://user@${h}/`, ` ${h}\t`, toASCII(h)];
}

/**
 * What the verdict says about the host, leaving out the address as given, and (with
 * `withoutJoinLink`) whether a look-alike's path reads as a meeting link, which a path
 * rightly changes (8x8.vc takes any path as a meeting).
 */
function judged(input: string, withoutJoinLink = false): unknown {
  try {
    const { host: judgedHost, level, findings, platform } = assessPage(allowlist, { url: input });
    const shown = withoutJoinLink ? findings.map((finding) => ({ ...finding, joinLink: undefined })) : findings;
    return { host: judgedHost, level, findings: shown, platform };
  } catch (error) {
    if (error instanceof TargetParseError) return '(refused)';
    throw error;
  }
}

describe('assessPage: one host, one verdict, however it is spelled', () => {
  it('upper case, a trailing dot, a URL around it, Unicode or punycode', () => {
    fc.assert(
      fc.property(host, (h) => {
        const [first, ...others] = spellings(h).map((spelling) => judged(spelling));
        for (const other of others) expect(other).toEqual(first);
      }),
      { numRuns: RUNS },
    );
  });

  it('a path changes nothing either, but whether it is a meeting link', () => {
    fc.assert(
      fc.property(host, fc.constantFrom('/login/index.html', '/a/b/c.php?next=%2F', '/patient/portal.aspx', '/j/123456789'), (h, path) => {
        expect(judged(`https://${h}${path}`, true)).toEqual(judged(h, true));
      }),
      { numRuns: RUNS },
    );
  });
});
