import { describe, expect, it } from 'vitest';
import { buildAllowlist } from '../../../../src/core/lists/allowlist';
import { loadBuiltInCatalog } from '../../../../src/core/lists/catalog';
import { checkUserDomain } from '../../../../src/core/lists/user-domain';

const admin = buildAllowlist([{ source: 'catalog', file: loadBuiltInCatalog() }]);

describe("checkUserDomain: what a user may add to their own list", () => {
  it.each([
    ['a bare host', 'visit.my-clinic.example.net', 'visit.my-clinic.example.net'],
    ['a pasted address', 'https://Visit.My-Clinic.example.net/room/42?x=1', 'visit.my-clinic.example.net'],
    ['a trailing dot', 'my-clinic.example.net.', 'my-clinic.example.net'],
  ])('takes %s', (_name, input, domain) => {
    expect(checkUserDomain(input, admin)).toEqual({ ok: true, domain });
  });

  it.each([
    ['an IP address', '192.168.1.10', 'is not a site'],
    ['a public suffix', 'co.uk', 'is not a site'],
    ['a single label', 'localhost', 'is not a site'],
    ['nothing', '   ', 'not a web address'],
    ['a verified platform', 'clinic.doxy.me', 'already verified'],
    ['a general-purpose platform', 'zoom.us', 'general-purpose'],
    ['a look-alike of a platform', 'd0xy.me', 'looks like doxy.me'],
  ])('refuses %s, saying why', (_name, input, reason) => {
    const result = checkUserDomain(input, admin);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(reason);
  });

  it('names a refused host as the user typed it', () => {
    // Chromium's URL parser percent-encodes a space (my%20clinic.org) where Node's refuses it:
    // tests/e2e/accessibility-pages checks that case in Chromium.
    const result = checkUserDomain(' my{clinic}.org ', admin);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^my\{clinic\}\.org is not a site/);
  });
});
