// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../../../src/options/options-app';
import type { AdminStatus } from '../../../src/protocol/admin-messages';
import { fakeBackground } from '../protocol/fake-background';
import { publicSuffixSentences } from '../../../src/core/lists/public-suffix-entries';
import { StorageFullError } from '../../../src/core/storage-full';

/**
 * Problems an admin must hear about, where the options page shows them: a policy entry naming
 * a public suffix with the policy's problems, a signed-list entry naming one with the signed
 * list; and a full storage as a plain sentence, not the browser's quota wording.
 */

const suffix = (domain: string) => `${domain} is a public suffix: listing it would verify every site under it; entry ignored`;
/** What the page says of it: whole sentences from the messages, the path beside them. */
const suffixSaid = (domain: string) => `${domain} is a public suffix: listing it would verify every site under it. The entry is ignored.`;

const status: AdminStatus = {
  managed: true,
  clinicName: 'Example Clinic',
  problems: [
    { path: 'allowlist[1].domain', message: suffix('github.io'), says: publicSuffixSentences('github.io') },
  ],
  allowlistMode: 'add',
  sources: ['catalog', 'policy', 'remote'],
  policyDomains: ['telehealth.example-clinic.org'], actions: { passwordOnLookalike: 'warn', unknownVideoPlatform: 'warn', trackers: 'warn' },
  remote: {
    url: 'https://lists.example-clinic.org/l.json',
    inForce: { version: 4, expires: '2026-09-30T00:00:00Z', entries: 5, acceptedAt: 1, expired: false, ignored: [{ path: 'entries[3].domain', message: suffix('herokuapp.com'), says: publicSuffixSentences('herokuapp.com') }] },
    lastSuccessAt: Date.UTC(2026, 5, 1),
    lastAttemptAt: Date.UTC(2026, 5, 1),
  },
  user: { locked: false, domains: [] },
  passwords: { protection: 'on', signInDomains: [], protected: [] },
};

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

function mount(refuse?: string | Error, refuseRemoval?: Error) {
  const answer = (): AdminStatus => (refuseRemoval ? { ...status, user: { locked: false, domains: [{ domain: 'mine.example.net', counted: true }] } } : status);
  const { send } = fakeBackground({
    'get-admin-status': answer,
    'refresh-remote-list': answer,
    'remove-user-domain': () => {
      if (refuseRemoval) throw refuseRemoval;
      return answer();
    },
    'add-user-domain': () => {
      if (refuse !== undefined) throw typeof refuse === 'string' ? new Error(refuse) : refuse;
      return status;
    },
  });
  container = document.createElement('div');
  document.body.append(container);
  render(<OptionsApp send={send} />, container);
  return container;
}

async function addSite(root: HTMLElement, domain: string): Promise<string> {
  await vi.waitFor(() => {
    expect(root.querySelector('[data-user-allowlist] input')).not.toBeNull();
  });
  const input = root.querySelector<HTMLInputElement>('[data-user-allowlist] input')!;
  input.value = domain;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await vi.waitFor(() => {
    expect(root.querySelector<HTMLButtonElement>('[data-user-allowlist] button[type="submit"]')!.disabled).toBe(false);
  });
  root.querySelector<HTMLButtonElement>('[data-user-allowlist] button[type="submit"]')!.click();
  await vi.waitFor(() => {
    expect(root.querySelector('[data-user-allowlist] [role="alert"]')).not.toBeNull();
  });
  return root.querySelector('[data-user-allowlist] [role="alert"]')!.textContent;
}

describe('public-suffix entries on the options page', () => {
  it("shows a policy entry with the policy's problems, by its path", async () => {
    const root = mount();
    await vi.waitFor(() => {
      expect(root.querySelector('[data-policy-problem]')).not.toBeNull();
    });
    const shown = [...root.querySelectorAll('[data-policy-problem]')];
    expect(shown.map((node) => node.getAttribute('data-policy-problem'))).toEqual(['allowlist[1].domain']);
    expect(shown[0]!.textContent).toBe(`allowlist[1].domain: ${suffixSaid('github.io')}`);
    expect(root.querySelector('[data-policy]')?.textContent).toContain('One value in the policy could not be used');
  });

  it('shows a signed-list entry with the signed list, by its path in the list', async () => {
    const root = mount();
    await vi.waitFor(() => {
      expect(root.querySelector('[data-remote-list]')).not.toBeNull();
    });
    const remote = root.querySelector('[data-remote-list]')!;
    expect(remote.querySelector('[data-list-problems]')?.getAttribute('data-list-problems')).toBe('1');
    const item = remote.querySelector('[data-list-problem="entries[3].domain"]');
    expect(item?.textContent).toBe(`entries[3].domain: ${suffixSaid('herokuapp.com')}`);
    expect(remote.textContent).toContain('Some entries of this list could not be used; the rest of the list applies');
  });
});

describe('a full storage when adding a site', () => {
  it("shows the background's plain sentence as it is", async () => {
    const plain = "Your browser's storage for extensions is full, so mine.example.net was not saved. Remove sites you no longer need.";
    expect(await addSite(mount(new StorageFullError(plain)), 'mine.example.net')).toBe(plain);
  });

  it('knows that sentence by its reason, not its words: one in another language is not wrapped either', async () => {
    expect(await addSite(mount(new StorageFullError('El almacenamiento está lleno.')), 'mine.example.net')).toBe('El almacenamiento está lleno.');
  });

  it("turns the browser's raw quota wording into the plain sentence", async () => {
    const text = await addSite(mount('Resource::kQuotaBytes quota exceeded'), 'mine.example.net');
    expect(text).toMatch(/^Your browser's storage for extensions is full, so mine\.example\.net was not saved\. /);
    expect(text).not.toMatch(/quota/i);
  });

  it.each([
    ['an ordinary failure', new Error('the background did not answer'), 'Not removed: the background did not answer.'],
    ["the browser's raw quota wording", new Error('QUOTA_BYTES quota exceeded'), "Your browser's storage for extensions is full, so your change was not saved."],
  ])('says a failed removal as one, for %s', async (_, error, said) => {
    const root = mount(undefined, error);
    await vi.waitFor(() => {
      expect(root.querySelector('[data-user-domain="mine.example.net"] button')).not.toBeNull();
    });
    root.querySelector<HTMLButtonElement>('[data-user-domain="mine.example.net"] button')!.click();
    await vi.waitFor(() => {
      expect(root.querySelector('[data-user-allowlist] [role="alert"]')?.textContent).toContain(said);
    });
  });

  it('still shows an ordinary refusal as "Not added"', async () => {
    expect(await addSite(mount('d0xy.me looks like doxy.me'), 'd0xy.me')).toBe('Not added: d0xy.me looks like doxy.me.');
  });
});
