// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AdminStatus } from '../../../src/protocol/admin-messages';
import { OptionsApp } from '../../../src/options/options-app';
import { fakeBackground } from '../protocol/fake-background';

const base: AdminStatus = {
  managed: false,
  problems: [],
  allowlistMode: 'add',
  sources: ['catalog'],
  policyDomains: [],
  actions: { passwordOnLookalike: 'warn', unknownVideoPlatform: 'warn', trackers: 'warn' },
  remote: {},
  user: { locked: false, domains: [] },
  passwords: {
    protection: 'on',
    signInDomains: ['example-clinic.okta.com'],
    protected: [
      { domain: 'vsee.com', name: 'VSee', at: Date.UTC(2026, 11, 2) },
      { domain: 'doxy.me', name: 'Doxy.me', at: Date.UTC(2026, 11, 1) },
    ],
  },
};

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

function mount(status: AdminStatus) {
  const forgotten: (string | undefined)[] = [];
  const { send } = fakeBackground({
    'get-admin-status': () => status,
    'forget-protected-password': (message: { domain?: string | undefined }) => {
      forgotten.push(message.domain);
      const left = message.domain === undefined ? [] : status.passwords.protected.filter((platform) => platform.domain !== message.domain);
      return { ...status, passwords: { ...status.passwords, protected: left } };
    },
  });
  container = document.createElement('div');
  document.body.append(container);
  render(<OptionsApp send={send} />, container);
  return { root: container, forgotten };
}

describe('the options page: password protection', () => {
  it('lists the protected platforms with their date and the clinic\'s sign-in domains', async () => {
    const { root } = mount(base);
    await vi.waitFor(() => {
      expect(root.querySelector('[data-passwords]')).not.toBeNull();
    });
    const section = root.querySelector('[data-passwords]')!;
    expect(section.getAttribute('data-password-protection')).toBe('on');
    expect([...section.querySelectorAll('[data-protected]')].map((item) => item.getAttribute('data-protected'))).toEqual(['vsee.com', 'doxy.me']);
    expect(section.querySelector('[data-protected="doxy.me"]')?.textContent).toContain('Doxy.me (doxy.me), since you signed in on');
    expect(section.querySelector('[data-protected="doxy.me"]')?.textContent).toContain('2026');
    expect(section.querySelector('[data-sign-in-domains]')?.textContent).toContain('example-clinic.okta.com');
  });

  it('forgets one platform, then all', async () => {
    const { root, forgotten } = mount(base);
    await vi.waitFor(() => {
      expect(root.querySelector('[data-protected="doxy.me"] button')).not.toBeNull();
    });
    (root.querySelector('[data-protected="doxy.me"] button') as HTMLButtonElement).click();
    await vi.waitFor(() => {
      expect(root.querySelector('[data-protected="doxy.me"]')).toBeNull();
    });
    expect(root.querySelector('[data-protected="vsee.com"]')).not.toBeNull();
    (root.querySelector('[data-forget-all]') as HTMLButtonElement).click();
    await vi.waitFor(() => {
      expect(root.querySelector('[data-protected-none]')).not.toBeNull();
    });
    expect(forgotten).toEqual(['doxy.me', undefined]);
  });

  it('says so when the clinic has turned it off', async () => {
    const { root } = mount({ ...base, passwords: { protection: 'off', signInDomains: [], protected: [] } });
    await vi.waitFor(() => {
      expect(root.querySelector('[data-protection-off]')).not.toBeNull();
    });
  });
});
