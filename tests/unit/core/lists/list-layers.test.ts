import { describe, expect, it } from 'vitest';
import { matchPlatform } from '../../../../src/core/lists/allowlist';
import { allowlistFileSchema } from '../../../../src/core/lists/allowlist-file';
import { loadBuiltInCatalog } from '../../../../src/core/lists/catalog';
import { composeAllowlist } from '../../../../src/core/lists/list-layers';
import { parsePolicy } from '../../../../src/core/lists/policy';

const KEY = 'YhHUwokN0wfzgmFHl4U9zadGmNk+p85wOndnAstLfI4=';
const catalog = loadBuiltInCatalog();
const list = (...entries: { domain: string; name: string; verified?: boolean }[]) => allowlistFileSchema.parse({ version: 1, entries });
const policyOf = (raw: Record<string, unknown>) => parsePolicy(raw).policy;
const who = (composed: ReturnType<typeof composeAllowlist>, host: string) => {
  const match = matchPlatform(composed.allowlist, host);
  return match && { source: match.platform.source, name: match.platform.name, verified: match.platform.verified };
};

const clinic = { domain: 'telehealth.example-clinic.org', name: 'Clinic (policy)' };
const remoteOnly = { domain: 'visits.example-health.net', name: 'Health (remote)' };

describe('composeAllowlist: which list wins (docs/admin.md)', () => {
  it('"add": the catalog, then the policy, then the remote list, then the user', () => {
    const composed = composeAllowlist(policyOf({ allowlist: [clinic] }), { catalog, remote: list(remoteOnly), userDomains: ['my-own.example.net'] });
    expect(composed.sources).toEqual(['catalog', 'policy', 'remote', 'user']);
    expect(who(composed, 'doxy.me')?.source).toBe('catalog');
    expect(who(composed, 'room.telehealth.example-clinic.org')?.source).toBe('policy');
    expect(who(composed, 'visits.example-health.net')?.source).toBe('remote');
    expect(who(composed, 'my-own.example.net')?.source).toBe('user');
  });

  it('"replace": the admin lists instead of the catalog, so catalog platforms are no longer known', () => {
    const composed = composeAllowlist(policyOf({ allowlistMode: 'replace', allowlist: [clinic] }), { catalog, userDomains: [] });
    expect(composed.sources).toEqual(['policy']);
    expect(who(composed, 'doxy.me')).toBeUndefined();
    expect(who(composed, clinic.domain)?.source).toBe('policy');
  });

  it('"replace" with only a remote list keeps the catalog until the list has arrived', () => {
    const policy = policyOf({ allowlistMode: 'replace', remoteAllowlistUrl: 'https://it.example.org/l.json', remoteAllowlistKeys: [KEY] });
    expect(composeAllowlist(policy, { catalog, userDomains: [] }).sources).toEqual(['catalog']);
    expect(composeAllowlist(policy, { catalog, remote: list(remoteOnly), userDomains: [] }).sources).toEqual(['remote']);
  });

  it('the remote list takes a domain over from the policy list (it is the one updated without a redeploy)', () => {
    const composed = composeAllowlist(policyOf({ allowlist: [clinic] }), { catalog, remote: list({ domain: clinic.domain, name: 'Clinic (remote)' }), userDomains: [] });
    expect(who(composed, clinic.domain)).toEqual({ source: 'remote', name: 'Clinic (remote)', verified: true });
  });

  it('an admin list takes a domain over from the catalog: it can un-verify a platform', () => {
    const composed = composeAllowlist(policyOf({ allowlist: [{ domain: 'doxy.me', name: 'Doxy (not ours)', verified: false }] }), { catalog, userDomains: [] });
    expect(who(composed, 'doxy.me')).toEqual({ source: 'policy', name: 'Doxy (not ours)', verified: false });
  });

  it.each([
    ['a verified catalog platform', 'doxy.me', 'catalog'],
    ['a general-purpose platform (the user cannot verify Zoom)', 'zoom.us', 'catalog'],
    ['a subdomain of a listed domain', 'clinic.zoom.us', 'catalog'],
    ["a domain on the clinic's policy", clinic.domain, 'policy'],
    ["a domain on the clinic's remote list", remoteOnly.domain, 'remote'],
  ])("does not count the user's own entry for %s: the list that knows it decides", (_name, domain, listedBy) => {
    const composed = composeAllowlist(policyOf({ allowlist: [clinic] }), { catalog, remote: list(remoteOnly), userDomains: [domain] });
    expect(composed.user).toEqual([expect.objectContaining({ domain, counted: false, reason: 'listed', listedBy })]);
    expect(who(composed, domain)?.source).toBe(listedBy);
    expect(composed.sources).not.toContain('user');
  });

  it("counts the user's own domains unless the policy locks the list", () => {
    const free = composeAllowlist(policyOf({}), { catalog, userDomains: ['my-own.example.net'] });
    expect(free.user).toEqual([{ domain: 'my-own.example.net', counted: true }]);
    expect(who(free, 'visit.my-own.example.net')?.source).toBe('user');

    const locked = composeAllowlist(policyOf({ lockUserAllowlist: true }), { catalog, userDomains: ['my-own.example.net'] });
    expect(locked.user).toEqual([{ domain: 'my-own.example.net', counted: false, reason: 'locked' }]);
    expect(who(locked, 'my-own.example.net')).toBeUndefined();
  });

  it("keeps the user's domains under \"replace\" (only the catalog is replaced)", () => {
    const composed = composeAllowlist(policyOf({ allowlistMode: 'replace', allowlist: [clinic] }), { catalog, userDomains: ['my-own.example.net'] });
    expect(composed.sources).toEqual(['policy', 'user']);
  });

  it("gives the admin allowlist without the user's part, for checking new user domains", () => {
    const composed = composeAllowlist(policyOf({}), { catalog, userDomains: ['my-own.example.net'] });
    expect(matchPlatform(composed.adminAllowlist, 'my-own.example.net')).toBeUndefined();
  });
});
