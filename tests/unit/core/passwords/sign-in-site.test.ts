import { describe, expect, it } from 'vitest';
import { buildAllowlist } from '../../../../src/core/lists/allowlist';
import { loadBuiltInCatalog } from '../../../../src/core/lists/catalog';
import { signInPlatformOf } from '../../../../src/core/passwords/sign-in-site';

const allowlist = buildAllowlist([{ source: 'catalog', file: loadBuiltInCatalog() }]);

describe('whose password a sign-in is', () => {
  it("is a verified platform's, with its aliases, on any of its subdomains", () => {
    expect(signInPlatformOf(allowlist, [], 'clinic.doxy.me')).toEqual({ domain: 'doxy.me', name: 'Doxy.me', domains: ['doxy.me'], ownSites: 'registrable-domain' });
    expect(signInPlatformOf(allowlist, [], 'app.vsee.me')?.domains).toEqual(['vsee.com', 'vsee.me']);
  });

  it('is nobody\'s on a general-purpose platform, a look-alike or an ordinary site', () => {
    expect(signInPlatformOf(allowlist, [], 'zoom.us')).toBeUndefined();
    expect(signInPlatformOf(allowlist, [], 'd0xy.me')).toBeUndefined();
    expect(signInPlatformOf(allowlist, [], 'shop.example-store.com')).toBeUndefined();
  });

  it("is the clinic's own sign-in domain's, on whole labels", () => {
    const domains = ['example-clinic.okta.com', 'login.microsoftonline.com'];
    expect(signInPlatformOf(allowlist, domains, 'example-clinic.okta.com')).toEqual({ domain: 'example-clinic.okta.com', name: 'example-clinic.okta.com', domains: ['example-clinic.okta.com'], ownSites: 'listed-domain' });
    expect(signInPlatformOf(allowlist, domains, 'eu.login.microsoftonline.com')?.domain).toBe('login.microsoftonline.com');
    expect(signInPlatformOf(allowlist, domains, 'notlogin.microsoftonline.com')).toBeUndefined();
  });
});
