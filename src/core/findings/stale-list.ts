import { levelOf, type Verdict } from './assess';
import type { Finding } from './findings';

/** The signed remote list in force has passed its `expires`: what ALLOWLIST_STALE reports. */
export interface StaleList {
  expires: string;
  version: number;
  clinicName?: string | undefined;
  supportContact?: string | undefined;
}

/**
 * Adds ALLOWLIST_STALE (caution) to a page that is verified *because of* the remote list
 * while that list is expired. Pages the built-in catalog, the policy's own list or the user
 * verified do not depend on the remote list's freshness, so they stay quiet: a stale list
 * must not turn every verified page into a warning. The list's sites stay verified (the
 * VERIFIED_PLATFORM finding stays) until a fresh list arrives, as docs/admin.md promises.
 */
export function withStaleListFinding(verdict: Verdict, stale: StaleList | undefined): Verdict {
  const platform = verdict.platform;
  if (stale === undefined || platform?.listedBy !== 'remote' || !platform.verified) return verdict;
  if (verdict.findings.some((finding) => finding.code === 'ALLOWLIST_STALE')) return verdict;
  const finding: Finding = {
    code: 'ALLOWLIST_STALE',
    level: 'caution',
    expires: stale.expires,
    version: stale.version,
    ...(stale.clinicName !== undefined ? { clinicName: stale.clinicName } : {}),
    ...(stale.supportContact !== undefined ? { supportContact: stale.supportContact } : {}),
  };
  const findings = [...verdict.findings, finding];
  return { ...verdict, findings, level: levelOf(platform, findings) };
}
