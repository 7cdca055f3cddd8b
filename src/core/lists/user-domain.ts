import { matchPlatform, type Allowlist, type ListSource } from './allowlist';
import { domainSchema } from './allowlist-file';
import { parseTarget, TargetParseError } from '../hostname';
import { evidenceInEnglish, type Evidence } from '../lookalike/evidence';
import { findLookalike } from '../lookalike/lookalike';
import { isPublicSuffix } from './public-suffix-entries';

/** Why a domain is refused, for the options page to say in its language (`message` is the English). */
export type UserDomainRefusal =
  | { kind: 'not-address' }
  | { kind: 'not-domain'; shown: string }
  | { kind: 'listed'; domain: string; verified: boolean; platform: string; source: ListSource }
  | { kind: 'lookalike'; domain: string; target: string; evidence: Evidence };

export type UserDomainCheck = { ok: true; domain: string } | { ok: false; message: string; refusal: UserDomainRefusal };

/**
 * Checks a domain a user wants to add to their own list (options page). Accepts a bare
 * host or a pasted address. Refused, with the reason in plain words:
 * - anything that is not a registrable hostname (an IP address, `co.uk`, `localhost`);
 * - a domain some list already knows: adding it would change nothing, or (for a
 *   general-purpose platform) would be the user overruling the catalog or their clinic;
 * - a look-alike of a known platform: "add our site to your list" is exactly what a
 *   phishing page would ask of a patient, so only the clinic's admin can list such a name.
 *
 * `adminAllowlist` is the allowlist without the user's own additions, so two of the user's
 * own clinics with similar names never block each other.
 */
export function checkUserDomain(input: string, adminAllowlist: Allowlist): UserDomainCheck {
  let host: string;
  try {
    host = parseTarget(input).host;
  } catch (error) {
    return { ok: false, message: error instanceof TargetParseError ? `not a web address: ${error.message}` : 'not a web address', refusal: { kind: 'not-address' } };
  }
  const parsed = domainSchema.safeParse(host);
  // The same public-suffix rule as for admin lists (public-suffix-entries.ts).
  if (!parsed.success || isPublicSuffix(parsed.data)) {
    // The URL parser percent-encodes what no hostname holds (`my clinic.org` becomes
    // `my%20clinic.org`): the user is shown what they typed, not that.
    const shown = host.includes('%') ? input.trim() : host;
    return { ok: false, message: `${shown} is not a site's domain name (like "visit.example-clinic.org")`, refusal: { kind: 'not-domain', shown } };
  }
  const domain = parsed.data;
  const listed = matchPlatform(adminAllowlist, domain);
  if (listed) {
    const what = listed.platform.verified ? 'already verified' : 'known as a general-purpose platform, not verified for visits';
    return {
      ok: false,
      message: `${domain} is ${what} (${listed.platform.name}, ${listed.platform.source} list); ask your clinic if it should be verified`,
      refusal: { kind: 'listed', domain, verified: listed.platform.verified, platform: listed.platform.name, source: listed.platform.source },
    };
  }
  const lookalike = findLookalike(adminAllowlist, domain);
  if (lookalike) {
    return {
      ok: false,
      message: `${domain} looks like ${lookalike.target} (${evidenceInEnglish(lookalike.evidence)}); only your clinic's IT admin can verify a name like this`,
      refusal: { kind: 'lookalike', domain, target: lookalike.target, evidence: lookalike.evidence },
    };
  }
  return { ok: true, domain };
}
