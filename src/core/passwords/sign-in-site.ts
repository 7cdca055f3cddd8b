import { matchPlatform, type Allowlist } from '../lists/allowlist';
import type { SignInPlatform } from './protected-passwords';

/**
 * Whose password a sign-in on `host` is: a verified platform's (the built-in catalog, the
 * clinic's lists, the user's own), or one of the clinic's own sign-in domains
 * (`passwordSignInDomains`: its Microsoft 365 or Okta tenant), named by its domain. A known
 * platform that is not verified (general-purpose conferencing, chat) protects nothing: its
 * password is the patient's own business, and its sign-in pages are not the extension's to vouch for.
 */
export function signInPlatformOf(allowlist: Allowlist, signInDomains: readonly string[], host: string): SignInPlatform | undefined {
  const match = matchPlatform(allowlist, host);
  if (match?.platform.verified) {
    const { platform } = match;
    return { domain: platform.domains[0]!, name: platform.name, domains: [...platform.domains], ownSites: 'registrable-domain' };
  }
  const domain = signInDomains.find((listed) => host === listed || host.endsWith(`.${listed}`));
  return domain === undefined ? undefined : { domain, name: domain, domains: [domain], ownSites: 'listed-domain' };
}
