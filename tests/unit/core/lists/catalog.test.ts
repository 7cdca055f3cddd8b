import { describe, expect, it } from 'vitest';
import catalogJson from '../../../../assets/catalog.json';
import { allowlistFileSchema, parseAllowlistFile, parseAllowlistText } from '../../../../src/core/lists/allowlist-file';
import { loadBuiltInCatalog } from '../../../../src/core/lists/catalog';

describe('built-in catalog', () => {
  const catalog = loadBuiltInCatalog();

  it('validates against the list schema', () => {
    expect(parseAllowlistFile(catalogJson).ok).toBe(true);
  });

  it('holds at least 20 real platforms, verified and general-purpose', () => {
    expect(catalog.entries.length).toBeGreaterThanOrEqual(20);
    const names = catalog.entries.map((entry) => entry.name);
    for (const name of ['Doxy.me', 'VSee', 'Zoom', 'Microsoft Teams', 'Google Meet', 'Webex', 'Whereby', 'Jitsi Meet']) {
      expect(names).toContain(name);
    }
  });

  it('keeps general-purpose conferencing unverified', () => {
    for (const domain of ['zoom.us', 'teams.microsoft.com', 'meet.google.com', 'webex.com', 'whereby.com', 'jit.si', 'skype.com']) {
      expect(catalog.entries.find((entry) => entry.domain === domain)?.verified, domain).toBe(false);
    }
    expect(catalog.entries.find((entry) => entry.domain === 'doxy.me')?.verified).toBe(true);
  });

  it('gives every platform its category and facts', () => {
    for (const entry of catalog.entries) {
      expect(entry.category, entry.name).toBeDefined();
      expect(entry.facts, entry.name).toBeDefined();
    }
  });

  it('lists each domain once', () => {
    const domains = catalog.entries.flatMap((entry) => [entry.domain, ...entry.aliases]);
    expect(new Set(domains).size).toBe(domains.length);
  });

  it('matches the join links its patterns describe', () => {
    const zoom = catalog.entries.find((entry) => entry.domain === 'zoom.us')!;
    const patterns = zoom.joinPatterns.map((pattern) => new RegExp(pattern));
    expect(patterns.some((pattern) => pattern.test('zoom.us/j/123456789'))).toBe(true);
    expect(patterns.some((pattern) => pattern.test('zoom.us/pricing'))).toBe(false);
  });
});

describe('list file schema', () => {
  it('accepts the minimum DESIGN.md names', () => {
    expect(parseAllowlistText('{"version": 1, "entries": [{"domain": "doxy.me", "name": "Doxy.me"}]}').ok).toBe(true);
  });

  it.each([
    ['not json', '{', '(root)'],
    ['a bad domain', '{"version":1,"entries":[{"domain":"http://x.com/","name":"X"}]}', 'entries[0].domain'],
    ['a missing name', '{"version":1,"entries":[{"domain":"x.com"}]}', 'entries[0].name'],
    ['an unknown field', '{"version":1,"entries":[],"extra":true}', '(root)'],
    [
      'a known fact without a source',
      '{"version":1,"entries":[{"domain":"x.com","name":"X","facts":{"endToEndEncryption":{"value":"yes"},"hipaaBaa":{"value":"unknown"}}}]}',
      'entries[0].facts.endToEndEncryption.source',
    ],
    ['a broken join pattern', '{"version":1,"entries":[{"domain":"x.com","name":"X","joinPatterns":["("]}]}', 'entries[0].joinPatterns[0]'],
  ])('reports %s at its JSON path', (_label, text, path) => {
    const result = parseAllowlistText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => problem.path)).toContain(path);
  });
});

describe("platforms' own link domains", () => {
  const catalog = loadBuiltInCatalog();
  const entry = (domain: string) => catalog.entries.find((e) => e.domain === domain)!;

  it.each([
    ['discord.com', 'discord.gg'],
    ['telegram.org', 't.me'],
    ['telegram.org', 'telegram.me'],
    ['telegram.org', 'telegram.dog'],
  ])('%s lists %s as its own, with a source', (domain, alias) => {
    expect(entry(domain).aliases).toContain(alias);
    expect(entry(domain).aliasSources?.[alias]).toMatch(/^https:\/\//);
  });

  it('refuses a source for a domain the entry does not list', () => {
    const result = allowlistFileSchema.safeParse({ version: 1, entries: [{ domain: 'example-clinic.org', name: 'Clinic', aliasSources: { 'elsewhere.org': 'https://example-clinic.org/about' } }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('aliasSources');
  });
});
