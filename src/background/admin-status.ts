import type { UserDomainStatus } from '../core/lists/list-layers';
import { defaultPolicy } from '../core/lists/policy';
import { listPublicSuffixProblems } from '../core/lists/public-suffix-entries';
import { isListExpired } from '../core/lists/signed-list';
import type { AdminStatus, UserDomainView } from '../protocol/admin-messages';
import { getComposition, getPolicy, remoteListInForce } from './allowlist-state';
import { getClinicInfo } from './policy-settings';
import { readRemoteStatus } from './remote-list-store';
import { protectedPlatforms } from './protected-password-store';
import { notCountedWords } from './user-domain-words';
import { uiMessages } from '../ui-text/ui-messages';

function viewOf(status: UserDomainStatus): UserDomainView {
  if (status.counted) return { domain: status.domain, counted: true };
  return { domain: status.domain, counted: false, note: notCountedWords(status, uiMessages()) };
}

/** What the options page and the popup footer show; read fresh for every request. */
export async function adminStatus(now = new Date()): Promise<AdminStatus> {
  const { policy, problems } = getPolicy();
  const composition = getComposition();
  const inForce = remoteListInForce();
  const status = await readRemoteStatus();
  const { clinicName, supportContact, supportHref } = getClinicInfo();
  return {
    managed: problems.length > 0 || JSON.stringify(policy) !== JSON.stringify(defaultPolicy()),
    clinicName,
    supportContact,
    supportHref,
    problems,
    allowlistMode: policy.allowlistMode,
    sources: composition.sources,
    policyDomains: policy.allowlist.map((entry) => entry.domain),
    actions: { ...policy.actions },
    remote: {
      url: policy.remoteAllowlistUrl,
      inForce: inForce && {
        version: inForce.file.version,
        expires: inForce.file.expires,
        entries: inForce.file.entries.length,
        acceptedAt: inForce.acceptedAt,
        expired: isListExpired(inForce.file, now),
        // Worked out again from the list in force, which is stored whole: the allowlist skips these entries.
        ignored: listPublicSuffixProblems(inForce.file.entries),
      },
      lastAttemptAt: status.lastAttemptAt,
      lastSuccessAt: status.lastSuccessAt,
      lastFailure: status.lastFailure,
    },
    user: { locked: policy.lockUserAllowlist, domains: composition.user.map(viewOf) },
    passwords: {
      protection: policy.passwordProtection,
      signInDomains: [...policy.passwordSignInDomains],
      protected: (await protectedPlatforms()).map(({ domain, name, at }) => ({ domain, name, at })).sort((a, b) => b.at - a.at),
    },
  };
}
