/**
 * Real domains that are no attack, for the false-alarm side of the quality evaluation.
 *
 * Source: npm package `free-email-domains-list` 1.0.16 (MIT licence, Pavel Ihm,
 * https://github.com/ihmpavel/free-email-domains-list): about 96,600 domains of free and
 * disposable e-mail providers, shipped in the package (no install script). That gives
 * about 95,700 unique registrable domains, above the 50,000 the evaluation needs.
 * It is imported from its data module directly, since the package's entry point needs the
 * `validator` peer dependency for functions we don't use.
 */
import { DOMAINS } from 'free-email-domains-list/build/src/constants';
import { buildAllowlist, matchPlatform, type Allowlist } from '../../src/core/lists/allowlist';
import { loadBuiltInCatalog } from '../../src/core/lists/catalog';
import { normalizeHost, registrableDomainOf } from '../../src/core/hostname';
import { toValidHost } from './generate-lookalikes';

export const BENIGN_SOURCES = [{ package: 'free-email-domains-list', version: '1.0.16', license: 'MIT' }] as const;

/**
 * Registrable domains, lower-case punycode, deduped, sorted; without those the catalog
 * covers (the catalog's own domains are tested on their own).
 */
export function loadBenignDomains(allowlist: Allowlist = buildAllowlist([{ source: 'catalog', file: loadBuiltInCatalog() }])): string[] {
  const domains = new Set<string>();
  for (const raw of DOMAINS) {
    let host: string | undefined;
    try {
      host = toValidHost(normalizeHost(raw));
    } catch {
      continue;
    }
    const registrable = host === undefined ? undefined : registrableDomainOf(host);
    if (registrable === undefined || matchPlatform(allowlist, registrable)) continue;
    domains.add(registrable);
  }
  return [...domains].sort();
}
