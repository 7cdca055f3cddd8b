import { matchPlatform, type Allowlist } from './allowlist';
import type { Finding } from './findings';
import { normalizeHost, registrableDomainOf, type ParsedTarget } from './hostname';
import type { FormSignal } from './page-signals';
import type { RiskLevel } from './risk-levels';

/** `https://login.example.net/x` → its host; undefined for javascript:, about: and the like. */
function actionHostOf(action: string): string | undefined {
  let url: URL;
  try {
    url = new URL(action);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return url.hostname === '' ? undefined : normalizeHost(url.hostname);
}

/**
 * Password forms that post to another site. Compared by registrable domain, so a clinic's
 * login.clinic.org posting to portal.clinic.org is no finding; a receiver the allowlist knows
 * (a platform and its aliases) is none either. One finding per receiving domain.
 */
export function foreignFormFindings(allowlist: Allowlist, page: ParsedTarget, forms: readonly FormSignal[], onLookalike: boolean): Finding[] {
  const pageDomain = registrableDomainOf(page.host) ?? page.host;
  // On a look-alike the password is on its way to the impostor's collector: say so loudly.
  const level: RiskLevel = onLookalike ? 'danger' : 'caution';
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const form of forms) {
    if (!form.hasPassword) continue;
    const host = actionHostOf(form.action);
    if (host === undefined) continue;
    const actionDomain = registrableDomainOf(host) ?? host;
    if (actionDomain === pageDomain || seen.has(actionDomain) || matchPlatform(allowlist, host)) continue;
    seen.add(actionDomain);
    findings.push({ code: 'FOREIGN_FORM_ACTION', level, action: form.action, actionDomain });
  }
  return findings;
}
