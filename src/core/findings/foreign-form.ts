import { matchPlatform, type Allowlist, type Platform } from '../lists/allowlist';
import type { Finding } from './findings';
import { normalizeHost, registrableDomainOf, type ParsedTarget } from '../hostname';
import type { FormSignal } from '../signals/page-signals';
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
 * A receiver on another site is trusted with a password only when it is a VERIFIED platform,
 * or the page's own platform under another of its domains (zoom.us posting to zoom.com). A
 * platform that is only known is no receiver to trust: phishing kits post stolen passwords
 * to Telegram bots (api.telegram.org) and Discord webhooks (discord.com/api/webhooks), and
 * both are in the catalog as general-purpose platforms.
 */
function trustedReceiver(allowlist: Allowlist, pagePlatform: Platform | undefined, host: string): boolean {
  const receiver = matchPlatform(allowlist, host)?.platform;
  return receiver !== undefined && (receiver.verified || receiver === pagePlatform);
}

/**
 * Password forms that post to another site. Compared by registrable domain, so a clinic's
 * login.clinic.org posting to portal.clinic.org is no finding; see trustedReceiver for the
 * other sites that are none. One finding per receiving domain.
 */
export function foreignFormFindings(allowlist: Allowlist, page: ParsedTarget, forms: readonly FormSignal[], onLookalike: boolean): Finding[] {
  const pageDomain = registrableDomainOf(page.host) ?? page.host;
  const pagePlatform = matchPlatform(allowlist, page.host)?.platform;
  // On a look-alike the password is on its way to the impostor's collector: say so loudly.
  const level: RiskLevel = onLookalike ? 'danger' : 'caution';
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const form of forms) {
    if (!form.hasPassword) continue;
    const host = actionHostOf(form.action);
    if (host === undefined) continue;
    const actionDomain = registrableDomainOf(host) ?? host;
    if (actionDomain === pageDomain || seen.has(actionDomain) || trustedReceiver(allowlist, pagePlatform, host)) continue;
    seen.add(actionDomain);
    findings.push({ code: 'FOREIGN_FORM_ACTION', level, action: form.action, actionDomain });
  }
  return findings;
}
