import { buildAllowlist, matchPlatform, type Allowlist, type ListSource } from './allowlist';
import type { AllowlistEntry, AllowlistFile } from './allowlist-file';
import { allowlistLayers, type ManagedPolicy } from './policy';

/**
 * The allowlist in force, from every source (docs/admin.md, "Which list wins"):
 *
 * 1. built-in catalog: left out under `allowlistMode: "replace"` once an admin list (the
 *    policy's own entries or an accepted remote list) exists to replace it with;
 * 2. the policy's `allowlist`;
 * 3. the signed remote list: it takes a domain over from the policy's list, since it is the
 *    one the admin can change without redeploying the policy;
 * 4. the user's own additions, unless `lockUserAllowlist`. They only ever *add* domains no
 *    other list knows: a user entry for a domain some list already covers (itself or a
 *    parent domain) is not counted, so a user can never mark a general-purpose platform
 *    verified or override the admin's word on a domain.
 *
 * The ordering of 1–3 is `allowlistLayers` (policy.ts); this adds the user's part.
 */

export interface ListSources {
  catalog: AllowlistFile;
  /** The signed remote list in force, if any. */
  remote?: AllowlistFile | undefined;
  /** The user's own domains, as stored. */
  userDomains: readonly string[];
}

export type UserDomainStatus =
  | { domain: string; counted: true }
  | { domain: string; counted: false; reason: 'locked' }
  | { domain: string; counted: false; reason: 'listed'; listedBy: ListSource; platform: string; listedDomain: string };

export interface ComposedAllowlist {
  allowlist: Allowlist;
  /** The lists in force, in precedence order. */
  sources: ListSource[];
  /** The allowlist without the user's additions: what a new user domain is checked against. */
  adminAllowlist: Allowlist;
  user: UserDomainStatus[];
}

/** A user's domain as a list entry: verified, named by its domain. */
export function userEntry(domain: string): AllowlistEntry {
  return { domain, name: domain, aliases: [], verified: true, joinPatterns: [] };
}

export function composeAllowlist(policy: ManagedPolicy, sources: ListSources): ComposedAllowlist {
  const adminLayers = allowlistLayers(policy, { catalog: sources.catalog, remote: sources.remote });
  const adminAllowlist = buildAllowlist(adminLayers);
  const user: UserDomainStatus[] = sources.userDomains.map((domain) => {
    if (policy.lockUserAllowlist) return { domain, counted: false, reason: 'locked' };
    const listed = matchPlatform(adminAllowlist, domain);
    if (!listed) return { domain, counted: true };
    return { domain, counted: false, reason: 'listed', listedBy: listed.platform.source, platform: listed.platform.name, listedDomain: listed.domain };
  });
  const counted = user.filter((status) => status.counted).map((status) => userEntry(status.domain));
  if (counted.length === 0) {
    return { allowlist: adminAllowlist, sources: adminLayers.map((layer) => layer.source), adminAllowlist, user };
  }
  const layers = allowlistLayers(policy, { catalog: sources.catalog, remote: sources.remote, user: { version: 0, entries: counted } });
  return { allowlist: buildAllowlist(layers), sources: layers.map((layer) => layer.source), adminAllowlist, user };
}
