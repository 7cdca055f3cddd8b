// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AdminStatus } from '../../../src/protocol/admin-messages';
import { AdminNote } from '../../../src/popup/admin-note';
import { fakeBackground } from '../protocol/fake-background';

const status: AdminStatus = {
  managed: true,
  clinicName: 'Example Clinic',
  supportContact: 'it@example-clinic.org',
  supportHref: 'mailto:it@example-clinic.org',
  problems: [
    { path: 'refreshHours', message: 'must be at most 168 (one week); using 24' },
    { path: 'remoteAllowlistKeys[0]', message: 'must be a base64 Ed25519 public key' },
  ],
  allowlistMode: 'add',
  sources: ['catalog', 'remote'],
  policyDomains: [], actions: { passwordOnLookalike: 'warn', unknownVideoPlatform: 'warn', trackers: 'warn' },
  remote: { url: 'https://l.example-clinic.org/l.json', inForce: { version: 2, expires: '2026-03-31T00:00:00Z', entries: 1, acceptedAt: 1, expired: true, ignored: [] } },
  user: { locked: false, domains: [] },
  passwords: { protection: 'on', signInDomains: [], protected: [] },
};

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});
function mount(value: AdminStatus): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  render(<AdminNote send={fakeBackground({ 'get-admin-status': () => value }).send} />, container);
  return container;
}

describe("the popup's note about the clinic's settings", () => {
  it('names the clinic and its contact, counts the policy problems and says the list is out of date', async () => {
    const root = mount(status);
    await vi.waitFor(() => {
      expect(root.querySelector('[data-admin-note]')).not.toBeNull();
    });
    expect(root.querySelector('[data-managed-by]')?.textContent).toBe('Managed by Example Clinic · contact it@example-clinic.org');
    expect(root.querySelector('a[href="mailto:it@example-clinic.org"]')).not.toBeNull();
    expect(root.querySelector('[data-policy-problems]')?.getAttribute('data-policy-problems')).toBe('2');
    expect(root.querySelector('[data-policy-problems]')?.textContent).toContain('refreshHours, remoteAllowlistKeys[0]');
    expect(root.querySelector('[data-allowlist-stale]')).not.toBeNull();
  });

  it('says nothing when no policy is set', async () => {
    const root = mount({ ...status, managed: false, problems: [] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(root.textContent).toBe('');
  });
});
