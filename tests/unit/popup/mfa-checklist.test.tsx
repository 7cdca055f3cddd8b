// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { buildAllowlist } from '../../../src/core/lists/allowlist';
import { assessPage } from '../../../src/core/findings/assess';
import type { AllowlistFile } from '../../../src/core/lists/allowlist-file';
import { loadBuiltInCatalog } from '../../../src/core/lists/catalog';
import type { PageSignals } from '../../../src/core/signals/page-signals';
import { VerdictView } from '../../../src/popup/verdict-view';

const catalog = loadBuiltInCatalog();
const allowlist = buildAllowlist([{ source: 'catalog', file: catalog }]);
const login: PageSignals = { isSecureContext: true, passwordFields: 1, forms: [], videoElements: 0, iframes: [] };
const noPassword: PageSignals = { ...login, passwordFields: 0 };

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

function mount(node: preact.ComponentChild): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  render(node, container);
  return container;
}

const mfaOf = (domain: string) => catalog.entries.find((entry) => entry.domain === domain)?.facts?.mfa;

describe('two-step sign-in on a platform’s sign-in page', () => {
  it('asks to turn it on where a verified platform offers it, linking to how', () => {
    const mfa = mfaOf('simplepractice.com');
    expect(mfa?.value).toBe('optional');
    const verdict = assessPage(allowlist, { url: 'https://secure.simplepractice.com/users/sign_in', signals: login });
    expect(verdict.platform?.verified).toBe(true);
    const root = mount(<VerdictView verdict={verdict} signals={login} />);
    const line = root.querySelector('[data-mfa="optional"]');
    expect(line?.textContent).toContain('Turn on two-step sign-in for your SimplePractice (Telehealth) account');
    expect(line?.textContent).toContain(mfa?.detail);
    const link = line?.querySelector<HTMLAnchorElement>('a[data-mfa-help]');
    expect(link?.textContent).toBe('How to turn it on');
    expect(link?.getAttribute('href')).toBe(mfa?.source);
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noreferrer');
  });

  it('says nothing of it on a page of the platform without a password field', () => {
    const url = 'https://secure.simplepractice.com/calendar';
    for (const signals of [noPassword, null, undefined]) {
      const root = mount(<VerdictView verdict={assessPage(allowlist, { url, signals: signals ?? undefined })} signals={signals} />);
      expect(root.querySelector('[data-mfa]')).toBeNull();
      expect(root.textContent).not.toContain('two-step sign-in');
      render(null, container);
      container.remove();
    }
    // Also without the signals passed at all (the warning page's use).
    const root = mount(<VerdictView verdict={assessPage(allowlist, { url, signals: login })} />);
    expect(root.querySelector('[data-mfa]')).toBeNull();
  });

  it('says nothing of it on a platform that is not verified', () => {
    expect(mfaOf('zoom.us')?.value).toBe('optional');
    const verdict = assessPage(allowlist, { url: 'https://zoom.us/signin', signals: login });
    expect(verdict.platform?.verified).toBe(false);
    const root = mount(<VerdictView verdict={verdict} signals={login} />);
    expect(root.querySelector('[data-mfa]')).toBeNull();
  });

  it('says it is always on where the platform requires it', () => {
    expect(mfaOf('sprucehealth.com')?.value).toBe('yes');
    const root = mount(<VerdictView verdict={assessPage(allowlist, { url: 'https://app.sprucehealth.com/login', signals: login })} signals={login} />);
    const line = root.querySelector('[data-mfa="yes"]');
    expect(line?.textContent).toBe('Two-step sign-in: always on for Spruce Health (Care Messenger) accounts');
    expect(root.querySelector('[data-mfa="optional"]')).toBeNull();
    expect(root.querySelector('[data-mfa-help]')).toBeNull();
  });

  it.each(['no', 'unknown'] as const)('adds nothing where the value is %s', (value) => {
    const file: AllowlistFile = {
      version: 1,
      entries: [
        {
          domain: 'example-clinic.org',
          name: 'Example Clinic',
          aliases: [],
          verified: true,
          joinPatterns: [],
          facts: {
            endToEndEncryption: { value: 'unknown' },
            hipaaBaa: { value: 'unknown' },
            mfa: value === 'no' ? { value, source: 'https://example-clinic.org/security' } : { value },
          },
        },
      ],
    };
    const own = buildAllowlist([{ source: 'policy', file }]);
    const verdict = assessPage(own, { url: 'https://example-clinic.org/login', signals: login });
    expect(verdict.platform?.verified).toBe(true);
    const root = mount(<VerdictView verdict={verdict} signals={login} />);
    expect(root.querySelector('[data-mfa]')).toBeNull();
  });
});
