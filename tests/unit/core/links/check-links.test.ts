import { describe, expect, it } from 'vitest';
import { checkLinks, linkLevel, type CheckedLink, type LinkCheck } from '../../../../src/core/links/check-links';
import { buildAllowlist } from '../../../../src/core/lists/allowlist';
import { loadBuiltInCatalog } from '../../../../src/core/lists/catalog';

const catalog = loadBuiltInCatalog();
const allowlist = buildAllowlist([{ source: 'catalog', file: catalog }]);

/** The one link of a check that found one web link. */
function onlyLink(check: LinkCheck): CheckedLink {
  if (!check.ok || check.links.length !== 1 || check.links[0]!.kind !== 'web') throw new Error(`expected one web link, got ${JSON.stringify(check)}`);
  return check.links[0] as CheckedLink;
}

interface Case {
  behaviour: string;
  text: string;
  host: string;
  level: string;
  codes: string[];
}

const cases: Case[] = [
  { behaviour: 'a verified platform link is verified', text: 'https://doxy.me/drsmith', host: 'doxy.me', level: 'verified', codes: ['VERIFIED_PLATFORM'] },
  { behaviour: 'a bare verified host is verified as https', text: 'doxy.me/drsmith', host: 'doxy.me', level: 'verified', codes: ['VERIFIED_PLATFORM'] },
  { behaviour: 'an uppercase link with a trailing dot and a port is the same platform', text: 'HTTPS://DOXY.ME.:8443/DrSmith', host: 'doxy.me', level: 'verified', codes: ['VERIFIED_PLATFORM'] },
  { behaviour: 'a lookalike link is caution, with no page loaded', text: 'https://d0xy.me/drsmith', host: 'd0xy.me', level: 'caution', codes: ['LOOKALIKE_DOMAIN'] },
  { behaviour: 'a lookalike in another script is caution', text: 'dоxy.me/drsmith', host: 'xn--dxy-sed.me', level: 'caution', codes: ['LOOKALIKE_DOMAIN'] },
  { behaviour: 'a weak resemblance is caution for a visit link, as for a meeting link', text: 'https://doxyq.me/room', host: 'doxyq.me', level: 'caution', codes: ['LOOKALIKE_DOMAIN'] },
  { behaviour: 'a general-purpose platform is neutral and named', text: 'https://zoom.us/j/123456789', host: 'zoom.us', level: 'neutral', codes: ['GENERAL_PURPOSE_PLATFORM'] },
  { behaviour: 'a site no list knows is neutral with no finding', text: 'https://visit.example-clinic.org/room', host: 'visit.example-clinic.org', level: 'neutral', codes: [] },
  { behaviour: 'an http link to a site no list knows is danger: a visit cannot be safe over it', text: 'http://visit.example-clinic.org/room', host: 'visit.example-clinic.org', level: 'danger', codes: ['INSECURE_CONNECTION'] },
  { behaviour: 'an http link to a verified platform is danger, and still names the platform', text: 'http://doxy.me/drsmith', host: 'doxy.me', level: 'danger', codes: ['VERIFIED_PLATFORM', 'INSECURE_CONNECTION'] },
  { behaviour: 'an http link to this computer is no insecure connection', text: 'http://localhost:3000/visit', host: 'localhost', level: 'neutral', codes: [] },
  { behaviour: 'the @ trick is judged by the host after it, and is caution', text: 'https://doxy.me@visit.example-clinic.org/', host: 'visit.example-clinic.org', level: 'caution', codes: [] },
  { behaviour: 'the @ trick in front of a lookalike stays caution', text: 'https://doxy.me@d0xy.me/', host: 'd0xy.me', level: 'caution', codes: ['LOOKALIKE_DOMAIN'] },
  { behaviour: 'a zero-width space that drops out of a verified host is caution', text: 'https://do\u200Bxy.me/drsmith', host: 'doxy.me', level: 'caution', codes: ['VERIFIED_PLATFORM'] },
];

describe('checkLinks', () => {
  for (const { behaviour, text, host, level, codes } of cases) {
    it(behaviour, () => {
      const link = onlyLink(checkLinks(allowlist, text));
      expect(link.verdict.host).toBe(host);
      expect(link.level).toBe(level);
      expect(link.verdict.findings.map((finding) => finding.code)).toEqual(codes);
    });
  }

  it('names the platform and the list that verifies it', () => {
    const link = onlyLink(checkLinks(allowlist, 'https://doxy.me/drsmith'));
    expect(link.verdict.findings[0]).toMatchObject({ code: 'VERIFIED_PLATFORM', platform: 'Doxy.me', domain: 'doxy.me', listedBy: 'catalog' });
  });

  it('shows a punycode host as a person reads it', () => {
    expect(onlyLink(checkLinks(allowlist, 'https://xn--dxy-sed.me/')).shownHost).toBe('dоxy.me');
  });

  it('names what a lookalike imitates and by which rule', () => {
    const link = onlyLink(checkLinks(allowlist, 'https://d0xy.me/drsmith'));
    expect(link.verdict.findings[0]).toMatchObject({ code: 'LOOKALIKE_DOMAIN', target: 'doxy.me', rule: 'digit-for-letter', evidence: { form: 'instead-of', written: '0', meant: 'o' } });
  });

  it('verifies a site on the clinic list the same way, naming that list', () => {
    const clinic = buildAllowlist([
      { source: 'catalog', file: catalog },
      { source: 'policy', file: { version: 1, entries: [{ domain: 'visit.example-clinic.org', name: 'Example Clinic', aliases: [], verified: true, joinPatterns: [] }] } },
    ]);
    const link = onlyLink(checkLinks(clinic, 'https://visit.example-clinic.org/room'));
    expect(link.level).toBe('verified');
    expect(link.verdict.findings[0]).toMatchObject({ code: 'VERIFIED_PLATFORM', platform: 'Example Clinic', listedBy: 'policy' });
  });

  it('adds ALLOWLIST_STALE to a link the expired remote list verifies', () => {
    const remote = buildAllowlist([
      { source: 'catalog', file: catalog },
      { source: 'remote', file: { version: 3, entries: [{ domain: 'visit.example-clinic.org', name: 'Example Clinic', aliases: [], verified: true, joinPatterns: [] }] } },
    ]);
    const staleList = { expires: '2026-01-01T00:00:00Z', version: 3 };
    const link = onlyLink(checkLinks(remote, 'https://visit.example-clinic.org/room', { staleList }));
    expect(link.verdict.findings.map((finding) => finding.code)).toEqual(['VERIFIED_PLATFORM', 'ALLOWLIST_STALE']);
    expect(link.level).toBe('caution');
  });

  it('judges each link of a text, and passes a javascript: link on unjudged', () => {
    const check = checkLinks(allowlist, 'javascript:alert(1) then https://doxy.me/a then http://d0xy.me/b');
    expect(check.ok && check.links.map((link) => (link.kind === 'web' ? [link.verdict.host, link.level] : link.kind))).toEqual([
      'not-web',
      ['doxy.me', 'verified'],
      ['d0xy.me', 'danger'],
    ]);
  });

  it('calls a link to a host longer than DNS allows unreadable', () => {
    const check = checkLinks(allowlist, `https://${'a'.repeat(64)}.com/`);
    expect(check.ok && check.links[0]?.kind).toBe('unreadable');
  });

  it('passes on why a text had nothing to judge', () => {
    expect(checkLinks(allowlist, ' ')).toEqual({ ok: false, problem: { reason: 'empty' } });
  });
});

describe('linkLevel', () => {
  it('raises a verified level to caution for a user name before @', () => {
    expect(linkLevel('verified', { userInfo: 'doxy.me', invisible: [] })).toBe('caution');
  });

  it('keeps danger danger', () => {
    expect(linkLevel('danger', { userInfo: 'doxy.me', invisible: ['U+200B'] })).toBe('danger');
  });

  it('leaves a plain link at its verdict', () => {
    expect(linkLevel('neutral', { invisible: [] })).toBe('neutral');
  });
});
