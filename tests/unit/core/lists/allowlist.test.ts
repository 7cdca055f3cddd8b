import { describe, expect, it } from 'vitest';
import { buildAllowlist, matchPlatform } from '../../../../src/core/lists/allowlist';
import { allowlistFileSchema } from '../../../../src/core/lists/allowlist-file';
import { loadBuiltInCatalog } from '../../../../src/core/lists/catalog';

const catalog = loadBuiltInCatalog();
const file = (entries: unknown[]) => allowlistFileSchema.parse({ version: 1, entries });

describe('matchPlatform', () => {
  const allowlist = buildAllowlist([{ source: 'catalog', file: catalog }]);

  it.each([
    ['doxy.me', 'doxy.me'],
    ['clinic.doxy.me', 'doxy.me'],
    ['a.b.doxy.me', 'doxy.me'],
    ['notdoxy.me', undefined],
    ['doxy.me.evil.net', undefined],
    ['teams.microsoft.com', 'teams.microsoft.com'],
    ['microsoft.com', undefined],
    ['mail.google.com', undefined],
  ])('%s is covered by %s', (host, domain) => {
    expect(matchPlatform(allowlist, host)?.domain).toBe(domain);
  });

  it('covers every alias of a platform', () => {
    expect(matchPlatform(allowlist, 'us02web.zoom.us')?.platform.name).toBe('Zoom');
    expect(matchPlatform(allowlist, 'zoomgov.com')?.platform.name).toBe('Zoom');
  });
});

describe('buildAllowlist layers', () => {
  it('lets a later layer verify a general-purpose platform and keeps its catalog facts', () => {
    const allowlist = buildAllowlist([
      { source: 'catalog', file: catalog },
      { source: 'policy', file: file([{ domain: 'zoom.us', name: 'Zoom (clinic account)' }]) },
    ]);
    const match = matchPlatform(allowlist, 'zoom.us');
    expect(match?.platform.verified).toBe(true);
    expect(match?.platform.source).toBe('policy');
    expect(match?.platform.facts?.hipaaBaa.value).toBe('yes');
    // The catalog's other Zoom domains stay as the catalog lists them.
    expect(matchPlatform(allowlist, 'zoomgov.com')?.platform.verified).toBe(false);
  });

  it('adds an admin domain beside the catalog', () => {
    const allowlist = buildAllowlist([
      { source: 'catalog', file: catalog },
      { source: 'policy', file: file([{ domain: 'telehealth.example-clinic.org', name: 'Example Clinic' }]) },
    ]);
    expect(matchPlatform(allowlist, 'visit.telehealth.example-clinic.org')?.platform.name).toBe('Example Clinic');
    expect(matchPlatform(allowlist, 'doxy.me')?.platform.name).toBe('Doxy.me');
  });
});

describe('list files name domains in ASCII or in Unicode', () => {
  it('takes a Unicode name in the punycode form the browser reports', () => {
    expect(file([{ domain: 'Klinik-München.de', name: 'Klinik' }]).entries[0]?.domain).toBe('xn--klinik-mnchen-3ob.de');
    expect(file([{ domain: 'xn--klinik-mnchen-3ob.de', name: 'Klinik' }]).entries[0]?.domain).toBe('xn--klinik-mnchen-3ob.de');
  });

  it.each(['ü@evil.com', 'doxy.me/ü', 'ü.example.com:8080', 'ü.example.com?x', 'ü.example.com#x', 'ü\\evil.com'])('refuses %s, which the URL parser would read as another host', (domain) => {
    expect(allowlistFileSchema.safeParse({ version: 1, entries: [{ domain, name: 'Clinic' }] }).success).toBe(false);
  });

  it('refuses a name the browser would not load, saying what a domain must be', () => {
    const result = allowlistFileSchema.safeParse({ version: 1, entries: [{ domain: 'klinik münchen.de', name: 'Klinik' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('registrable hostname');
  });
});
