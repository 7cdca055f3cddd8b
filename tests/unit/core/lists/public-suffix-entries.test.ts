import { describe, expect, it } from 'vitest';
import { buildAllowlist, matchPlatform } from '../../../../src/core/lists/allowlist';
import type { AllowlistEntry } from '../../../../src/core/lists/allowlist-file';
import { loadBuiltInCatalog } from '../../../../src/core/lists/catalog';
import { coversNoPublicSuffix, isPublicSuffix, listPublicSuffixProblems, publicSuffixProblems } from '../../../../src/core/lists/public-suffix-entries';

const entry = (domain: string, aliases: string[] = []): AllowlistEntry => ({ domain, name: domain, aliases, verified: true, joinPatterns: [] });

describe('isPublicSuffix', () => {
  it.each(['com', 'co.uk', 'com.au', 'github.io', 'herokuapp.com', 'blogspot.com', 'web.app'])('%s is one (ICANN or private section)', (domain) => {
    expect(isPublicSuffix(domain)).toBe(true);
  });

  it.each(['doxy.me', 'bbc.co.uk', 'clinic.github.io', 'my-app.herokuapp.com', 'visit.example-clinic.org'])('%s is not', (domain) => {
    expect(isPublicSuffix(domain)).toBe(false);
  });
});

describe('publicSuffixProblems', () => {
  it('names the domain and each alias that is a suffix by its JSON path', () => {
    expect(publicSuffixProblems(entry('github.io', ['clinic.org', 'co.uk']), ['entries', 3])).toMatchObject([
      { path: 'entries[3].domain', message: 'github.io is a public suffix: listing it would verify every site under it; entry ignored' },
      { path: 'entries[3].aliases[1]', message: 'co.uk is a public suffix: listing it would verify every site under it; entry ignored' },
    ]);
  });

  it('finds nothing in an ordinary entry', () => {
    expect(publicSuffixProblems(entry('doxy.me', ['doxy.co.uk']), ['allowlist', 0])).toEqual([]);
  });

  it('lists the problems of a whole list under entries[i]', () => {
    const problems = listPublicSuffixProblems([entry('doxy.me'), entry('herokuapp.com')]);
    expect(problems.map((problem) => problem.path)).toEqual(['entries[1].domain']);
  });
});

describe('public suffixes in the allowlist', () => {
  it('the built-in catalog names no public suffix, so all of it loads', () => {
    const catalog = loadBuiltInCatalog();
    expect(listPublicSuffixProblems(catalog.entries)).toEqual([]);
    expect(catalog.entries.every(coversNoPublicSuffix)).toBe(true);
    expect(buildAllowlist([{ source: 'catalog', file: catalog }]).platforms).toHaveLength(catalog.entries.length);
  });

  it('buildAllowlist skips an entry naming a suffix, whatever list it comes from', () => {
    const allowlist = buildAllowlist([
      { source: 'remote', file: { version: 1, entries: [entry('github.io'), entry('clinic.example.org', ['herokuapp.com']), entry('doxy.me')] } },
    ]);
    expect(matchPlatform(allowlist, 'd0xy.github.io')).toBeUndefined();
    expect(matchPlatform(allowlist, 'phish.herokuapp.com')).toBeUndefined();
    // The whole entry goes, not just the bad alias: it stands for one platform.
    expect(matchPlatform(allowlist, 'clinic.example.org')).toBeUndefined();
    expect(matchPlatform(allowlist, 'doxy.me')?.platform.name).toBe('doxy.me');
  });
});
