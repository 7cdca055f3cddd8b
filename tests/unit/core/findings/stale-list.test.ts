import { describe, expect, it } from 'vitest';
import { buildAllowlist } from '../../../../src/core/lists/allowlist';
import { allowlistFileSchema } from '../../../../src/core/lists/allowlist-file';
import { assessPage } from '../../../../src/core/findings/assess';
import { loadBuiltInCatalog } from '../../../../src/core/lists/catalog';
import { explainFinding } from '../../../../src/core/findings/explain';
import { englishMessages } from '../../../../src/core/i18n/english-messages';
import { withStaleListFinding, type StaleList } from '../../../../src/core/findings/stale-list';

const file = (domain: string, verified = true) => allowlistFileSchema.parse({ version: 1, entries: [{ domain, name: domain, verified }] });
const allowlist = buildAllowlist([
  { source: 'catalog', file: loadBuiltInCatalog() },
  { source: 'policy', file: file('policy.example-clinic.org') },
  { source: 'remote', file: allowlistFileSchema.parse({ version: 3, entries: [{ domain: 'remote.example-clinic.org', name: 'Remote' }, { domain: 'chat.example-clinic.org', name: 'Chat', verified: false }] }) },
  { source: 'user', file: file('mine.example.net') },
]);
const stale: StaleList = { expires: '2026-03-31T00:00:00Z', version: 3, clinicName: 'Example Clinic', supportContact: 'it@example-clinic.org' };
const judged = (host: string, list: StaleList | undefined) => withStaleListFinding(assessPage(allowlist, { url: `https://${host}/` }), list);

describe('ALLOWLIST_STALE', () => {
  it('goes on a page verified by the expired remote list, at caution, with the list still verifying it', () => {
    const verdict = judged('visit.remote.example-clinic.org', stale);
    expect(verdict.level).toBe('caution');
    expect(verdict.findings.map((finding) => finding.code)).toEqual(['VERIFIED_PLATFORM', 'ALLOWLIST_STALE']);
    expect(verdict.findings[1]).toEqual({ code: 'ALLOWLIST_STALE', level: 'caution', ...stale });
  });

  it.each([
    ['the built-in catalog', 'doxy.me'],
    ["the policy's own list", 'policy.example-clinic.org'],
    ["the user's own list", 'mine.example.net'],
    ['no list at all', 'news.example.org'],
    ['the remote list, as a platform that is not verified', 'chat.example-clinic.org'],
  ])('stays off a page judged by %s', (_name, host) => {
    expect(judged(host, stale).findings.map((finding) => finding.code)).not.toContain('ALLOWLIST_STALE');
  });

  it('stays off while the list is current', () => {
    expect(judged('remote.example-clinic.org', undefined).level).toBe('verified');
  });

  it('explains itself in plain words and says whom to tell', () => {
    const finding = judged('remote.example-clinic.org', stale).findings[1]!;
    const { title, detail, action } = explainFinding(finding, englishMessages);
    expect(title).toBe("Your clinic's list of verified sites is out of date");
    expect(detail).toContain('expired on March 31, 2026');
    expect(action).toContain("Example Clinic's IT team (it@example-clinic.org)");
  });

  it('is added once, however often the verdict is looked at again', () => {
    const once = judged('remote.example-clinic.org', stale);
    expect(withStaleListFinding(once, stale)).toBe(once);
  });
});
