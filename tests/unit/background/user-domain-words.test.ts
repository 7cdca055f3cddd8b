import { describe, expect, it } from 'vitest';
import { englishMessages as m } from '../../../src/core/i18n/english-messages';
import { buildAllowlist } from '../../../src/core/lists/allowlist';
import { loadBuiltInCatalog } from '../../../src/core/lists/catalog';
import { checkUserDomain } from '../../../src/core/lists/user-domain';
import { notCountedWords, refusalWords } from '../../../src/background/user-domain-words';

const allowlist = buildAllowlist([{ source: 'catalog', file: loadBuiltInCatalog() }]);
const refused = (input: string): string => {
  const check = checkUserDomain(input, allowlist);
  if (check.ok) throw new Error(`${input} was accepted`);
  return refusalWords(check.refusal, m);
};

describe("a refused site of the user's own list, in words", () => {
  it('says why, with the domain, the platform and the list as written', () => {
    expect(refused('http://[::1')).toBe('this is not a web address');
    expect(refused('co.uk')).toBe('co.uk is not a site\'s domain name (like "visit.example-clinic.org")');
    expect(refused('https://doxy.me/room')).toMatch(/^doxy\.me is already verified \(.+, built-in catalog\)$/);
    expect(refused('d0xy.me')).toMatch(/^d0xy\.me looks like doxy\.me \(.+\); only your clinic's IT admin can verify a name like this$/);
  });

  it("says why a site of the user's list does not count", () => {
    expect(notCountedWords({ domain: 'a.example.net', counted: false, reason: 'locked' }, m)).toBe("your clinic's policy does not count sites added here");
    expect(notCountedWords({ domain: 'a.example.net', counted: false, reason: 'listed', listedBy: 'policy', platform: 'Clinic', listedDomain: 'example.net' }, m)).toBe(
      "example.net is already on the clinic's policy list as Clinic, which decides",
    );
  });
});
