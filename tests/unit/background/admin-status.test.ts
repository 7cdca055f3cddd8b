import { describe, expect, it, vi } from 'vitest';
import type { AllowlistEntry } from '../../../src/core/lists/allowlist-file';
import type { RemoteListRecord } from '../../../src/protocol/admin-messages';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fake.browser }));
const state = await import('../../../src/background/allowlist-state');
const { adminStatus } = await import('../../../src/background/admin-status');
const { parsePolicy } = await import('../../../src/core/lists/policy');
const { matchPlatform } = await import('../../../src/core/lists/allowlist');

const KEY = 'A'.repeat(43) + '=';
const URL_ = 'https://lists.example-clinic.org/list.json';
const entry = (domain: string, aliases: string[] = []): AllowlistEntry => ({ domain, name: domain, aliases, verified: true, joinPatterns: [] });

/** A signed list accepted earlier whose admin listed public suffixes among good entries. */
const record: RemoteListRecord = {
  url: URL_,
  file: { version: 7, expires: '2099-01-01T00:00:00Z', entries: [entry('visit.example-clinic.org'), entry('github.io'), entry('portal.example-clinic.org', ['co.uk'])] },
  sha256: '0'.repeat(64),
  signedBy: KEY,
  acceptedAt: 1,
};

describe('a signed list in force with public-suffix entries', () => {
  state.updateListInputs({ policy: parsePolicy({ remoteAllowlistUrl: URL_, remoteAllowlistKeys: [KEY] }), remote: record });

  it('applies the rest of the list and never the suffixes', () => {
    expect(matchPlatform(state.getAllowlist(), 'visit.example-clinic.org')?.platform.source).toBe('remote');
    expect(matchPlatform(state.getAllowlist(), 'd0xy.github.io')).toBeUndefined();
    expect(matchPlatform(state.getAllowlist(), 'portal.example-clinic.org')).toBeUndefined();
  });

  it('reports each of them for the options page, by its path in the list', async () => {
    const { problems, remote } = await adminStatus();
    // With the signed list, not counted among the policy's own problems.
    expect(problems).toEqual([]);
    expect(remote.inForce?.ignored).toMatchObject([
      { path: 'entries[1].domain', message: 'github.io is a public suffix: listing it would verify every site under it; entry ignored' },
      { path: 'entries[2].aliases[0]', message: 'co.uk is a public suffix: listing it would verify every site under it; entry ignored' },
    ]);
  });
});
