import { levelOf, type Verdict } from './assess';
import type { Finding } from './findings';

/** The look-alike host a finding is about: the frame's, or the page's own; else undefined. */
export function lookalikeHostOf(finding: Finding, verdict: Pick<Verdict, 'host'>): string | undefined {
  if (finding.code !== 'LOOKALIKE_DOMAIN' && finding.code !== 'PASSWORD_ON_LOOKALIKE') return undefined;
  return finding.frame ?? verdict.host;
}

/** Every look-alike host a verdict warns about: the sites a user could have chosen to trust. */
export function lookalikeHosts(verdict: Verdict): string[] {
  return [...new Set(verdict.findings.flatMap((f) => lookalikeHostOf(f, verdict) ?? []))];
}

/**
 * The verdict without the look-alike findings about sites the user chose to trust: what
 * the in-page alert shows. Other findings (an http form, say) still stand, and the stored
 * verdict and the popup keep everything.
 */
export function hideTrustedLookalikes(verdict: Verdict, isTrusted: (host: string) => boolean): Verdict {
  const findings = verdict.findings.filter((f) => {
    const host = lookalikeHostOf(f, verdict);
    return host === undefined || !isTrusted(host);
  });
  if (findings.length === verdict.findings.length) return verdict;
  return { ...verdict, findings, level: levelOf(verdict.platform, findings) };
}
