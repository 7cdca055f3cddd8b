import { describe, expect, it } from 'vitest';
import catalogJson from '../../../../assets/catalog.json';
import { factsSchema, parseAllowlistFile } from '../../../../src/core/lists/allowlist-file';
import { loadBuiltInCatalog } from '../../../../src/core/lists/catalog';

const entryWith = (facts: unknown) => ({ version: 1, entries: [{ domain: 'example-clinic.org', name: 'Example Clinic', facts }] });
const baseFacts = { endToEndEncryption: { value: 'unknown' }, hipaaBaa: { value: 'unknown' } };

describe('the mfa (two-step sign-in) fact', () => {
  it('needs a source for a known value, reported at its JSON path', () => {
    const result = parseAllowlistFile(entryWith({ ...baseFacts, mfa: { value: 'optional' } }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => problem.path)).toEqual(['entries[0].facts.mfa.source']);
  });

  it('needs an https source', () => {
    const result = parseAllowlistFile(entryWith({ ...baseFacts, mfa: { value: 'yes', source: 'http://example-clinic.org/2fa' } }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => problem.path)).toContain('entries[0].facts.mfa.source');
  });

  it('takes only the values of the other facts', () => {
    const result = parseAllowlistFile(entryWith({ ...baseFacts, mfa: { value: 'required', source: 'https://example-clinic.org/2fa' } }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => problem.path)).toContain('entries[0].facts.mfa.value');
  });

  it('accepts unknown without a source, and a known value with an https source', () => {
    expect(factsSchema.safeParse({ ...baseFacts, mfa: { value: 'unknown', detail: 'No page found.' } }).success).toBe(true);
    expect(factsSchema.safeParse({ ...baseFacts, mfa: { value: 'optional', source: 'https://example-clinic.org/2fa' } }).success).toBe(true);
  });

  it('is optional: facts written without it still parse', () => {
    const result = parseAllowlistFile(entryWith(baseFacts));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.file.entries[0]?.facts?.mfa).toBeUndefined();
  });
});

describe('the built-in catalog’s mfa facts', () => {
  it('parses', () => {
    expect(parseAllowlistFile(catalogJson).ok).toBe(true);
  });

  it('gives each of its 28 platforms an mfa fact, each known value with an https source', () => {
    const { entries } = loadBuiltInCatalog();
    expect(entries).toHaveLength(28);
    for (const entry of entries) {
      const mfa = entry.facts?.mfa;
      expect(mfa, entry.domain).toBeDefined();
      expect(mfa?.detail, entry.domain).toBeTruthy();
      if (mfa?.value !== 'unknown') expect(mfa?.source, entry.domain).toMatch(/^https:\/\//);
    }
  });
});
