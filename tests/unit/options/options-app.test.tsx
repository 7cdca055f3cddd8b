// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AdminStatus } from '../../../src/protocol/admin-messages';
import { OptionsApp } from '../../../src/options/options-app';
import { fakeBackground } from '../protocol/fake-background';

const base: AdminStatus = {
  managed: true,
  clinicName: 'Example Clinic',
  supportContact: 'it@example-clinic.org',
  supportHref: 'mailto:it@example-clinic.org',
  problems: [{ path: 'remoteAllowlistUrl', message: 'must be an https URL; no remote list is fetched', says: [{ key: 'adminProblemHttpsUrl' }, { key: 'adminOutcomeNoRemoteList' }] }],
  allowlistMode: 'add',
  sources: ['catalog', 'policy', 'remote'],
  policyDomains: ['telehealth.example-clinic.org'], actions: { passwordOnLookalike: 'warn', unknownVideoPlatform: 'warn', trackers: 'block' },
  remote: {
    url: 'https://lists.example-clinic.org/l.json',
    inForce: { version: 4, expires: '2026-09-30T00:00:00Z', entries: 3, acceptedAt: 1, expired: false, ignored: [] },
    lastSuccessAt: Date.UTC(2026, 5, 1),
    lastAttemptAt: Date.UTC(2026, 5, 2),
    lastFailure: { at: Date.UTC(2026, 5, 2), reason: 'rollback', message: 'version 3 is older than the version already in use (4)' },
  },
  user: { locked: false, domains: [{ domain: 'mine.example.net', counted: true }] },
  passwords: { protection: 'on', signInDomains: [], protected: [] },
};

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

function mount(status: AdminStatus, refuse?: string) {
  const answer = (): AdminStatus => status;
  const { send, post } = fakeBackground({
    'get-admin-status': answer,
    'refresh-remote-list': answer,
    'remove-user-domain': answer,
    'add-user-domain': () => {
      if (refuse !== undefined) throw new Error(refuse);
      return status;
    },
  });
  container = document.createElement('div');
  document.body.append(container);
  render(<OptionsApp send={send} />, container);
  return { root: container, post };
}

describe('the options page', () => {
  it('shows the action in force for each risk, trackers included', async () => {
    const { root } = mount(base);
    await vi.waitFor(() => {
      expect(root.querySelector('[data-action="trackers"]')).not.toBeNull();
    });
    const trackers = root.querySelector('[data-action="trackers"]')!;
    expect(trackers.getAttribute('data-action-value')).toBe('block');
    expect(trackers.textContent).toBe('Trackers on telehealth pagesBlock: blocked, and what was blocked is named in the toolbar popup');
    expect(root.querySelector('[data-action="passwordOnLookalike"]')?.getAttribute('data-action-value')).toBe('warn');
  });

  it('shows each policy problem with its path, the list in force, the last success and the last failure', async () => {
    const { root } = mount(base);
    await vi.waitFor(() => {
      expect(root.querySelector('[data-policy]')).not.toBeNull();
    });
    expect([...root.querySelectorAll('[data-policy-problem]')].map((n) => n.getAttribute('data-policy-problem'))).toEqual(['remoteAllowlistUrl']);
    expect(root.querySelector('[data-managed-by]')?.textContent).toContain('Managed by Example Clinic · contact it@example-clinic.org');
    const remote = root.querySelector('[data-remote-list]')!;
    expect(remote.getAttribute('data-list-version')).toBe('4');
    expect(remote.getAttribute('data-last-success-at')).toBe(String(Date.UTC(2026, 5, 1)));
    expect(remote.getAttribute('data-last-failure-reason')).toBe('rollback');
    expect(root.querySelector('[data-policy-problem]')?.textContent).toBe('remoteAllowlistUrl: This must be an https web address. No remote list is downloaded.');
    expect(remote.querySelector('[data-last-failure]')?.textContent).toContain(
      'The list is older than the one in use, or has the same version with other content; a changed list needs a higher version. (rollback)',
    );
  });

  it('asks the background to check the list now', async () => {
    const { root, post } = mount(base);
    await vi.waitFor(() => {
      expect(root.querySelector('[data-remote-list] button')).not.toBeNull();
    });
    root.querySelector<HTMLButtonElement>('[data-remote-list] button')!.click();
    await vi.waitFor(() => {
      expect(post).toHaveBeenCalledWith({ type: 'refresh-remote-list' });
    });
  });

  it("adds a site to the user's own list, and shows why the background refused one", async () => {
    const { root, post } = mount(base, 'd0xy.me looks like doxy.me');
    await vi.waitFor(() => {
      expect(root.querySelector('[data-user-allowlist] input')).not.toBeNull();
    });
    const input = root.querySelector<HTMLInputElement>('[data-user-allowlist] input')!;
    input.value = 'd0xy.me';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => {
      expect(root.querySelector<HTMLButtonElement>('[data-user-allowlist] button[type="submit"]')!.disabled).toBe(false);
    });
    root.querySelector<HTMLButtonElement>('[data-user-allowlist] button[type="submit"]')!.click();
    await vi.waitFor(() => {
      expect(root.querySelector('[data-user-allowlist] [role="alert"]')?.textContent).toContain('looks like doxy.me');
    });
    expect(post).toHaveBeenCalledWith({ type: 'add-user-domain', domain: 'd0xy.me' });
    // The refusal belongs to the field: a screen reader says it there.
    const alert = root.querySelector('[data-user-allowlist] [role="alert"]')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(alert.id);
    expect(alert.id).not.toBe('');
  });

  it('puts the focus on the next Remove, or on the field once the list is empty', async () => {
    const two: AdminStatus = { ...base, user: { locked: false, domains: [{ domain: 'a.example.net', counted: true }, { domain: 'b.example.net', counted: true }] } };
    const one: AdminStatus = { ...base, user: { locked: false, domains: [{ domain: 'b.example.net', counted: true }] } };
    const none: AdminStatus = { ...base, user: { locked: false, domains: [] } };
    const afterRemovals = [one, none];
    const { send } = fakeBackground({ 'get-admin-status': () => two, 'remove-user-domain': () => afterRemovals.shift()! });
    container = document.createElement('div');
    document.body.append(container);
    render(<OptionsApp send={send} />, container);
    const removeOf = (domain: string) => container.querySelector<HTMLButtonElement>(`[data-user-domain="${domain}"] button`);
    await vi.waitFor(() => {
      expect(removeOf('a.example.net')).not.toBeNull();
    });
    removeOf('a.example.net')!.focus();
    removeOf('a.example.net')!.click();
    await vi.waitFor(() => {
      expect(document.activeElement).toBe(removeOf('b.example.net'));
    });
    removeOf('b.example.net')!.click();
    await vi.waitFor(() => {
      expect(document.activeElement).toBe(container.querySelector('[data-user-allowlist] input'));
    });
  });

  it("turns the user's list off, and says why, when the clinic locks it", async () => {
    const { root } = mount({ ...base, user: { locked: true, domains: [{ domain: 'mine.example.net', counted: false, note: 'locked' }] } });
    await vi.waitFor(() => {
      expect(root.querySelector('[data-user-allowlist]')?.getAttribute('data-locked')).toBe('true');
    });
    expect(root.querySelector<HTMLInputElement>('[data-user-allowlist] input')!.disabled).toBe(true);
    expect(root.querySelector('[data-locked-note]')?.textContent).toContain('Your clinic manages the list');
    expect(root.querySelector('[data-user-domain="mine.example.net"]')?.getAttribute('data-counted')).toBe('false');
  });
  it('says in words that the check failed, with the background\'s own reason kept in data-error', async () => {
    const { send } = fakeBackground({
      'get-admin-status': () => base,
      'refresh-remote-list': () => {
        throw new Error('storage is full');
      },
    });
    container = document.createElement('div');
    document.body.append(container);
    render(<OptionsApp send={send} />, container);
    await vi.waitFor(() => {
      expect(container.querySelector('[data-remote-list] button')).not.toBeNull();
    });
    container.querySelector<HTMLButtonElement>('[data-remote-list] button')!.click();
    await vi.waitFor(() => {
      expect(container.querySelector('[data-remote-list] [role="alert"]')).not.toBeNull();
    });
    const alert = container.querySelector('[data-remote-list] [role="alert"]')!;
    expect(alert.textContent).toBe("Could not check the list just now. Try again in a moment; if it keeps failing, ask your clinic's IT admin.");
    expect(alert.getAttribute('data-error')).toBe('storage is full');
  });

  it('says in words that the settings could not be read', async () => {
    const { send } = fakeBackground({
      'get-admin-status': () => {
        throw new Error('no answer');
      },
    });
    container = document.createElement('div');
    document.body.append(container);
    render(<OptionsApp send={send} />, container);
    await vi.waitFor(() => {
      expect(container.querySelector('[role="alert"]')?.getAttribute('data-error')).toBe('no answer');
    });
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Telehealth Guard could not read its settings. Close this page');
  });
});
