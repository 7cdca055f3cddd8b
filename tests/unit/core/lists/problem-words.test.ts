import { describe, expect, it } from 'vitest';
import { parseAllowlistFile } from '../../../../src/core/lists/allowlist-file';
import { parsePolicy } from '../../../../src/core/lists/policy';

const entry = (extra: Record<string, unknown>) => ({ version: 1, entries: [{ domain: 'visit.example-clinic.org', name: 'Visit', ...extra }] });
const saysOf = (json: unknown) => {
  const parsed = parseAllowlistFile(json);
  return parsed.ok ? [] : parsed.problems.map((problem) => ({ path: problem.path, says: problem.says?.map((said) => said.key) }));
};

/** Each refinement of the list and policy schemas names the sentence the extension's pages say it with. */
describe('the sentence for each refinement of the schemas', () => {
  it.each([
    ['a domain that is no hostname', entry({ domain: 'not a host' }), 'entries[0].domain', 'adminProblemHostname'],
    ['a known fact without a source', entry({ facts: { endToEndEncryption: { value: 'yes' }, hipaaBaa: { value: 'unknown' } } }), 'entries[0].facts.endToEndEncryption.source', 'adminProblemFactSource'],
    [
      'a translated note without the English note',
      entry({ facts: { endToEndEncryption: { value: 'unknown', detailI18n: { es: 'Nota' } }, hipaaBaa: { value: 'unknown' } } }),
      'entries[0].facts.endToEndEncryption.detailI18n',
      'adminProblemDetailForTranslation',
    ],
    ['a join pattern that is no regular expression', entry({ joinPatterns: ['(unclosed'] }), 'entries[0].joinPatterns[0]', 'adminProblemRegex'],
    ['an alias source for no alias', entry({ aliasSources: { 'other.example.org': 'https://example.org/' } }), 'entries[0].aliasSources', 'adminProblemAliasSources'],
  ])('%s', (_, json, path, key) => {
    expect(saysOf(json)).toContainEqual({ path, says: [key] });
  });

  it.each([
    ['supportContact', 'call us', 'adminProblemSupportContact'],
    ['remoteAllowlistUrl', 'https://user:secret@lists.example-clinic.org/l.json', 'adminProblemUrlCredentials'],
  ])('policy %s %j', (key, value, says) => {
    const { problems } = parsePolicy({ [key]: value });
    expect(problems.map((problem) => problem.says?.[0]?.key)).toEqual([says]);
  });
});
