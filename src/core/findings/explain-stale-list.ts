import type { Messages } from '../i18n/messages';
import type { Explanation } from './explain';
import type { FindingOf } from './findings';

/**
 * The list is authentic but old: say so without alarm, and tell the admin, who can fix it.
 * The day is written the reader's way (Intl), not as the list's ISO timestamp.
 */
export function explainStaleList(finding: FindingOf<'ALLOWLIST_STALE'>, m: Messages): Explanation {
  const day = m.day(finding.expires, 'utc');
  const named = finding.clinicName !== undefined;
  const detail = named ? m.text('staleListDetailClinic', finding.clinicName ?? '', day) : m.text('staleListDetail', day);
  const action =
    finding.supportContact !== undefined
      ? named
        ? m.text('staleListActionClinicContact', finding.clinicName ?? '', finding.supportContact)
        : m.text('staleListActionContact', finding.supportContact)
      : named
        ? m.text('staleListActionClinic', finding.clinicName ?? '')
        : m.text('staleListAction');
  return { title: m.text('staleListTitle'), detail, action };
}
