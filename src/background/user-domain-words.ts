import type { Messages } from '../core/i18n/messages';
import type { UserDomainStatus } from '../core/lists/list-layers';
import type { UserDomainRefusal } from '../core/lists/user-domain';
import { evidenceInWords } from '../core/lookalike/evidence-in-words';
import { SOURCE_NAMES } from '../ui-text/source-names';


/**
 * Why a site was not added to the user's own list, in the browser's language: the options
 * page shows it after "Not added:". A domain, a platform's name and the look-alike's target
 * stay as written.
 */
export function refusalWords(refusal: UserDomainRefusal, m: Messages): string {
  switch (refusal.kind) {
    case 'not-address':
      return m.text('adminRefusedNotAddress');
    case 'not-domain':
      return m.text('adminRefusedNotDomain', refusal.shown);
    case 'listed':
      return m.text(refusal.verified ? 'adminRefusedVerified' : 'adminRefusedGeneralPurpose', refusal.domain, refusal.platform, m.text(SOURCE_NAMES[refusal.source]));
    case 'lookalike':
      return m.text('adminRefusedLookalike', refusal.domain, refusal.target, evidenceInWords(refusal.evidence, m));
  }
}

/** Why a site of the user's own list does not count, shown after "not counted:". */
export function notCountedWords(status: Exclude<UserDomainStatus, { counted: true }>, m: Messages): string {
  if (status.reason === 'locked') return m.text('adminNotCountedLocked');
  return m.text('adminNotCountedListed', status.listedDomain, m.text(SOURCE_NAMES[status.listedBy]), status.platform);
}
