import type { AllowlistEntry, AllowlistFile, PlatformFacts } from './allowlist-file';
import { registrableDomainOf } from '../hostname';
import { coversNoPublicSuffix } from './public-suffix-entries';

/** Where a platform came from; later layers override earlier ones for the same domain. */
export type ListSource = 'catalog' | 'policy' | 'remote' | 'user';

export interface Platform {
  name: string;
  /** The entry's own domain first, then its aliases. */
  domains: string[];
  verified: boolean;
  category: AllowlistEntry['category'];
  joinPatterns: RegExp[];
  facts: PlatformFacts | undefined;
  source: ListSource;
}

export interface PlatformMatch {
  platform: Platform;
  /** The listed domain that covers the host. */
  domain: string;
}

export interface Allowlist {
  platforms: readonly Platform[];
  /** Every listed domain to its platform, for matching by label suffix. */
  byDomain: ReadonlyMap<string, Platform>;
  /** Registrable domains whose owners are known, so their other subdomains are no lookalikes. */
  ownedRegistrableDomains: ReadonlySet<string>;
}

export interface AllowlistLayer {
  source: ListSource;
  file: AllowlistFile;
}

function toPlatform(entry: AllowlistEntry, source: ListSource, earlier: Platform | undefined): Platform {
  return {
    name: entry.name,
    domains: [entry.domain, ...entry.aliases],
    verified: entry.verified,
    category: entry.category ?? earlier?.category,
    joinPatterns: entry.joinPatterns.length > 0 ? entry.joinPatterns.map((p) => new RegExp(p)) : earlier?.joinPatterns ?? [],
    // An admin who verifies a catalog platform by its domain keeps the catalog's facts.
    facts: entry.facts ?? earlier?.facts,
    source,
  };
}

/**
 * Merges list layers in order (built-in catalog, then admin policy, remote list, user
 * additions): an entry for a domain that an earlier layer listed takes that domain over.
 *
 * An entry naming a public suffix is skipped here whatever its source: the readers of each
 * list report it (policy.ts, signed-list.ts, the command line), and this keeps one that got
 * through anyway (a remote list stored before the rule) from verifying a whole suffix.
 */
export function buildAllowlist(layers: readonly AllowlistLayer[]): Allowlist {
  const byDomain = new Map<string, Platform>();
  for (const { source, file } of layers) {
    for (const entry of file.entries) {
      if (!coversNoPublicSuffix(entry)) continue;
      const platform = toPlatform(entry, source, byDomain.get(entry.domain));
      for (const domain of platform.domains) byDomain.set(domain, platform);
    }
  }
  const platforms = [...new Set(byDomain.values())];
  const ownedRegistrableDomains = new Set<string>();
  for (const domain of byDomain.keys()) ownedRegistrableDomains.add(registrableDomainOf(domain) ?? domain);
  return { platforms, byDomain, ownedRegistrableDomains };
}

/** Finds the platform whose domain covers `host`, walking up whole labels (never a substring). */
export function matchPlatform(allowlist: Allowlist, host: string): PlatformMatch | undefined {
  let candidate = host;
  for (;;) {
    const platform = allowlist.byDomain.get(candidate);
    if (platform) return { platform, domain: candidate };
    const dot = candidate.indexOf('.');
    if (dot < 0) return undefined;
    candidate = candidate.slice(dot + 1);
  }
}
