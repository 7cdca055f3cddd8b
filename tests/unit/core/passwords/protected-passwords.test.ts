import { describe, expect, it } from 'vitest';
import { type SignInPlatform, isPlatformsOwnSite, protectedPasswordsSchema, reusedPlatforms, withoutProtected, withProtected, type ProtectedPasswords } from '../../../../src/core/passwords/protected-passwords';

const empty: ProtectedPasswords = { version: 1, salt: 'c2FsdA==', iterations: 600_000, bits: 32, platforms: [] };
const doxy: SignInPlatform = { domain: 'doxy.me', name: 'Doxy.me', domains: ['doxy.me'], ownSites: 'registrable-domain' };
const vsee: SignInPlatform = { domain: 'vsee.com', name: 'VSee', domains: ['vsee.com', 'vsee.me'], ownSites: 'registrable-domain' };
const okta: SignInPlatform = { domain: 'example-clinic.okta.com', name: 'example-clinic.okta.com', domains: ['example-clinic.okta.com'], ownSites: 'listed-domain' };

describe('the protected-password store', () => {
  it('keeps one fingerprint per platform, the newest', () => {
    const once = withProtected(empty, doxy, 'aaaaaaaa', 1);
    const twice = withProtected(withProtected(once, vsee, 'bbbbbbbb', 2), doxy, 'cccccccc', 3);
    expect(twice.platforms).toEqual([
      { ...vsee, fingerprint: 'bbbbbbbb', at: 2 },
      { ...doxy, fingerprint: 'cccccccc', at: 3 },
    ]);
    expect(protectedPasswordsSchema.parse(twice)).toEqual(twice);
  });

  it('forgets one platform, or all, and keeps the salt', () => {
    const store = withProtected(withProtected(empty, doxy, 'aaaaaaaa', 1), vsee, 'bbbbbbbb', 2);
    expect(withoutProtected(store, 'doxy.me').platforms.map((p) => p.domain)).toEqual(['vsee.com']);
    expect(withoutProtected(store, undefined)).toEqual({ ...empty, platforms: [] });
  });

  it("counts the platform's other subdomains and its aliases as its own sites, and nothing else", () => {
    expect(isPlatformsOwnSite(doxy, 'clinic.doxy.me')).toBe(true);
    expect(isPlatformsOwnSite(vsee, 'clinic.vsee.me')).toBe(true);
    expect(isPlatformsOwnSite(doxy, 'notdoxy.me')).toBe(false);
    expect(isPlatformsOwnSite(doxy, 'doxy.me.example.net')).toBe(false);
    expect(isPlatformsOwnSite(doxy, 'shop.example-store.com')).toBe(false);
  });

  it("counts only the listed domain itself as a clinic sign-in domain's own site: other tenants of a shared host are other sites", () => {
    expect(isPlatformsOwnSite(okta, 'example-clinic.okta.com')).toBe(true);
    expect(isPlatformsOwnSite(okta, 'login.example-clinic.okta.com')).toBe(true);
    expect(isPlatformsOwnSite(okta, 'evil.okta.com')).toBe(false);
  });

  it('names the platforms whose password was typed on another site, not on their own', () => {
    const store = withProtected(withProtected(empty, doxy, 'aaaaaaaa', 1), vsee, 'aaaaaaaa', 2);
    expect(reusedPlatforms(store, 'aaaaaaaa', 'shop.example-store.com').map((p) => p.name)).toEqual(['Doxy.me', 'VSee']);
    expect(reusedPlatforms(store, 'aaaaaaaa', 'app.vsee.com').map((p) => p.name)).toEqual(['Doxy.me']);
    expect(reusedPlatforms(store, 'bbbbbbbb', 'shop.example-store.com')).toEqual([]);
  });

  it('refuses a store with the password in it, or a fingerprint that is no hex', () => {
    expect(protectedPasswordsSchema.safeParse({ ...empty, password: 'x' }).success).toBe(false);
    expect(protectedPasswordsSchema.safeParse({ ...empty, platforms: [{ ...doxy, fingerprint: 'not hex', at: 1 }] }).success).toBe(false);
  });
});
