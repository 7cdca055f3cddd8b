import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAllowlist, matchPlatform } from '../../../../src/core/lists/allowlist';
import { parseAllowlistFile, parseAllowlistText } from '../../../../src/core/lists/allowlist-file';
import { parsePolicy, POLICY_KEYS } from '../../../../src/core/lists/policy';
import { isPublicSuffix } from '../../../../src/core/lists/public-suffix-entries';
import { parseListBytes } from '../../../../src/core/lists/signed-list';

/**
 * Properties of reading lists and policies: no input makes a parser throw (each returns its
 * problems, each with a path), one BOM changes nothing, and an entry naming a public suffix
 * is reported by its path and never verifies a site, in list files and in the policy alike.
 */

const RUNS = 200;
const BOM = '\uFEFF';
const encoder = new TextEncoder();

/** Values as odd as JavaScript has, not only JSON: storage and callers are not the only source. */
const anyValue = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

const problemShape = { path: expect.any(String) as unknown, message: expect.any(String) as unknown, says: expect.any(Array) as unknown };

// Domains: good ones, public suffixes from both sections of the list, and broken ones.
const goodDomain = fc.constantFrom('doxy.me', 'visit.example-clinic.org', 'clinic.github.io', 'bbc.co.uk', 'my-app.herokuapp.com', 'portal.example.net');
const suffix = fc.constantFrom('com', 'co.uk', 'github.io', 'herokuapp.com', 'blogspot.com', 'com.au', 'web.app');
const brokenDomain = fc.constantFrom('', 'not a domain', 'doxy..me', '-x.com', '1.2.3.4', 'xn--.com', 'a'.repeat(64) + '.com');
const domain = fc.oneof({ weight: 4, arbitrary: goodDomain }, { weight: 2, arbitrary: suffix }, { weight: 1, arbitrary: brokenDomain }, { weight: 1, arbitrary: fc.domain() });

const entry = fc.record(
  {
    domain,
    name: fc.oneof(fc.constantFrom('Clinic', 'Doxy.me'), fc.string({ maxLength: 10 })),
    aliases: fc.array(domain, { maxLength: 2 }),
    verified: fc.boolean(),
    notes: fc.string({ maxLength: 10 }),
  },
  { requiredKeys: ['domain', 'name'] },
);
const listJson = fc.record({ version: fc.oneof(fc.nat(), fc.integer(), fc.double()), entries: fc.array(entry, { maxLength: 6 }) }, { requiredKeys: ['entries'] });

describe('list files: no input makes a parser throw', () => {
  it('parseAllowlistFile returns the file or its problems, each with a path, for any value', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, listJson), (value) => {
        const result = parseAllowlistFile(value);
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) expect(problem).toEqual(problemShape);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('parseListBytes takes any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const result = parseListBytes(bytes);
        if (!result.ok) expect(['too-large', 'invalid-json', 'invalid-list']).toContain(result.reason);
      }),
      { numRuns: RUNS },
    );
  });

  it('parseListBytes refuses exactly the lists over its size limit', () => {
    fc.assert(
      fc.property(listJson, fc.nat({ max: 400 }), (list, maxBytes) => {
        const bytes = encoder.encode(JSON.stringify(list));
        const result = parseListBytes(bytes, maxBytes);
        expect(!result.ok && result.reason === 'too-large').toBe(bytes.length > maxBytes);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the BOM rule', () => {
  it('one leading BOM changes nothing, from text or from bytes', () => {
    const text = fc.oneof(listJson.map((list) => JSON.stringify(list)), fc.string({ maxLength: 40 })).filter((t) => !t.startsWith(BOM));
    fc.assert(
      fc.property(text, (t) => {
        expect(parseAllowlistText(`${BOM}${t}`)).toEqual(parseAllowlistText(t));
        expect(parseListBytes(encoder.encode(`${BOM}${t}`))).toEqual(parseListBytes(encoder.encode(t)));
      }),
      { numRuns: RUNS },
    );
  });

  it('text and bytes agree on whether a list is good', () => {
    fc.assert(
      fc.property(listJson, fc.boolean(), (list, bom) => {
        const text = `${bom ? BOM : ''}${JSON.stringify(list)}`;
        expect(parseListBytes(encoder.encode(text)).ok).toBe(parseAllowlistText(text).ok);
      }),
      { numRuns: RUNS },
    );
  });
});

/** Every domain and alias of a parsed entry, with its path. */
function domainsOf(entries: readonly { domain: string; aliases: readonly string[] }[], at: string) {
  return entries.flatMap((e, index) => [
    { path: `${at}[${index}].domain`, domain: e.domain },
    ...e.aliases.map((alias, a) => ({ path: `${at}[${index}].aliases[${a}]`, domain: alias })),
  ]);
}

describe('public suffixes in a list file', () => {
  it('each one is reported by its path, and the allowlist verifies no site under it', () => {
    fc.assert(
      fc.property(listJson, (list) => {
        const result = parseListBytes(encoder.encode(JSON.stringify(list)));
        if (!result.ok) return;
        const suffixes = domainsOf(result.file.entries, 'entries').filter(({ domain: d }) => isPublicSuffix(d));
        expect(result.ignored.map((problem) => problem.path)).toEqual(suffixes.map(({ path }) => path));
        for (const problem of result.ignored) expect(problem.message).toMatch(/is a public suffix: listing it would verify every site under it; entry ignored$/);
        const allowlist = buildAllowlist([{ source: 'remote', file: result.file }]);
        for (const { domain: d } of suffixes) expect(matchPlatform(allowlist, `phish-${d.length}.${d}`)?.domain).not.toBe(d);
        for (const platform of allowlist.platforms) expect(platform.domains.some(isPublicSuffix)).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('parsePolicy', () => {
  const policyLike = fc.dictionary(fc.oneof(fc.constantFrom(...POLICY_KEYS), fc.string({ maxLength: 8 })), fc.oneof(anyValue, fc.array(entry, { maxLength: 4 })), {
    maxKeys: 6,
  });

  it('never throws, always gives a whole policy, and every problem has a path', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, policyLike), (raw) => {
        const { policy, problems } = parsePolicy(raw);
        expect(Array.isArray(policy.allowlist)).toBe(true);
        expect(['add', 'replace']).toContain(policy.allowlistMode);
        expect(typeof policy.refreshHours).toBe('number');
        for (const problem of problems) expect(problem).toEqual(problemShape);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps no entry naming a public suffix, and reports each one by its path', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
        const { policy, problems } = parsePolicy({ allowlist: entries });
        for (const kept of policy.allowlist) expect([kept.domain, ...kept.aliases].some(isPublicSuffix)).toBe(false);
        const reported = new Set(problems.map((problem) => problem.path));
        // Entries that pass the format check, as the policy reads them (trimmed, lower case).
        const wellFormed = entries.flatMap((raw, index) => {
          const parsed = parseAllowlistFile({ version: 0, entries: [raw] });
          return parsed.ok ? [{ index, entry: parsed.file.entries[0]! }] : [];
        });
        for (const { index, entry: e } of wellFormed) {
          domainsOf([e], `allowlist`)
            .filter(({ domain: d }) => isPublicSuffix(d))
            .forEach(({ path }) => {
              expect(reported).toContain(path.replace('allowlist[0]', `allowlist[${index}]`));
            });
        }
      }),
      { numRuns: RUNS },
    );
  });
});
