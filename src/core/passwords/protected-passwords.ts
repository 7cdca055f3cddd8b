import { z } from 'zod';
import { registrableDomainOf } from '../hostname';

/**
 * What the extension keeps of protected passwords (storage.local, key PROTECTED_PASSWORDS_KEY):
 * the install's salt and hashing parameters, and per platform its fingerprint and when it was
 * taken. Never the password, never a plain digest of it (fingerprint.ts).
 */

export const PROTECTED_PASSWORDS_KEY = 'protectedPasswords';

const platformSchema = z
  .object({
    /** The platform's listed domain (or the clinic's sign-in domain): the key. */
    domain: z.string().min(1),
    name: z.string().min(1),
    /** Every domain of the platform (its own and its aliases): typing its password on any of them is no reuse. */
    domains: z.array(z.string().min(1)).min(1),
    /**
     * What counts as the platform's own site: under the registrable domain of one of `domains`
     * (a catalog platform: any doxy.me subdomain), or only under a listed domain itself (the
     * clinic's sign-in domain on a shared host, example-clinic.okta.com: other okta.com tenants
     * are other sites).
     */
    ownSites: z.enum(['registrable-domain', 'listed-domain']).default('registrable-domain'),
    fingerprint: z.string().regex(/^[0-9a-f]+$/),
    /** When the password was last seen signing in (epoch ms). */
    at: z.number().int().nonnegative(),
  })
  .strict();

export const protectedPasswordsSchema = z
  .object({
    version: z.literal(1),
    salt: z.string().min(1),
    iterations: z.number().int().positive(),
    bits: z.number().int().min(1).max(256),
    platforms: z.array(platformSchema),
  })
  .strict();

export type ProtectedPlatform = z.infer<typeof platformSchema>;
export type ProtectedPasswords = z.infer<typeof protectedPasswordsSchema>;

/** The platform a sign-in site's password belongs to. */
export interface SignInPlatform {
  domain: string;
  name: string;
  domains: string[];
  ownSites: ProtectedPlatform['ownSites'];
}

/** The store with `platform`'s fingerprint taken now: one per platform, the newest replacing the old. */
export function withProtected(store: ProtectedPasswords, platform: SignInPlatform, fingerprint: string, at: number): ProtectedPasswords {
  const others = store.platforms.filter((kept) => kept.domain !== platform.domain);
  return { ...store, platforms: [...others, { ...platform, fingerprint, at }] };
}

/** The store without one platform (`domain`), or without all of them (`undefined`); the salt stays. */
export function withoutProtected(store: ProtectedPasswords, domain: string | undefined): ProtectedPasswords {
  return { ...store, platforms: domain === undefined ? [] : store.platforms.filter((kept) => kept.domain !== domain) };
}

/** Whether `host` is one of the platform's own sites (see `ownSites`). */
export function isPlatformsOwnSite(platform: Pick<ProtectedPlatform, 'domains' | 'ownSites'>, host: string): boolean {
  if (platform.ownSites === 'listed-domain') return platform.domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
  const site = registrableDomainOf(host) ?? host;
  return platform.domains.some((domain) => (registrableDomainOf(domain) ?? domain) === site);
}

/**
 * The protected platforms whose password this is (its fingerprint), typed on `host`: none
 * where the host is the platform's own site (another of its subdomains, one of its aliases).
 */
export function reusedPlatforms(store: ProtectedPasswords, fingerprint: string, host: string): ProtectedPlatform[] {
  return store.platforms.filter((kept) => kept.fingerprint === fingerprint && !isPlatformsOwnSite(kept, host));
}
