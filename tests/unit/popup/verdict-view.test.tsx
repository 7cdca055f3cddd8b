// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildAllowlist } from '../../../src/core/allowlist';
import { assessPage } from '../../../src/core/assess';
import { loadBuiltInCatalog } from '../../../src/core/catalog';
import type { PageSignals } from '../../../src/core/page-signals';
import type { TabState } from '../../../src/protocol/messages';
import { PopupApp } from '../../../src/popup/popup-app';
import { VerdictView } from '../../../src/popup/verdict-view';

const allowlist = buildAllowlist([{ source: 'catalog', file: loadBuiltInCatalog() }]);
const login: PageSignals = { isSecureContext: true, passwordFields: 1, forms: [], videoElements: 0, iframes: [] };

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

describe('VerdictView per level', () => {
  it.each([
    ['verified', 'https://doxy.me/dr-smith', undefined, ['VERIFIED_PLATFORM']],
    ['neutral', 'https://forum.example.org/', login, []],
    ['neutral', 'https://zoom.us/j/1', undefined, ['GENERAL_PURPOSE_PLATFORM']],
    ['caution', 'https://d0xy.me/', undefined, ['LOOKALIKE_DOMAIN']],
    ['danger', 'https://d0xy.me/login', login, ['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']],
  ] as const)('renders %s for %s', (level, url, signals, codes) => {
    const root = mount(<VerdictView verdict={assessPage(allowlist, { url, signals })} />);
    expect(root.querySelector('[data-risk-level]')?.getAttribute('data-risk-level')).toBe(level);
    expect([...root.querySelectorAll('[data-finding]')].map((node) => node.getAttribute('data-finding'))).toEqual(codes);
  });

  it('shows a platform and its facts with their sources', () => {
    const root = mount(<VerdictView verdict={assessPage(allowlist, { url: 'https://zoom.us/j/1' })} />);
    expect(root.textContent).toContain('Zoom');
    expect(root.textContent).toContain('End-to-end encryption');
    const sources = [...root.querySelectorAll('a')].map((link) => link.href);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((href) => href.startsWith('https://'))).toBe(true);
  });

  it('tells the user what to do about a danger', () => {
    const root = mount(<VerdictView verdict={assessPage(allowlist, { url: 'https://d0xy.me/login', signals: login })} />);
    expect(root.textContent).toContain('Go to doxy.me directly');
  });
});

describe('PopupApp', () => {
  it('asks the background for the tab it was opened for', async () => {
    const state: TabState = { tabId: 5, url: 'https://d0xy.me/', verdict: assessPage(allowlist, { url: 'https://d0xy.me/' }), signals: null, updatedAt: 0 };
    const send = vi.fn(() => Promise.resolve({ ok: true, value: state }));
    const root = mount(<PopupApp tabId={5} send={send} />);
    await vi.waitFor(() => {
      expect(root.querySelector('[data-risk-level]')?.getAttribute('data-risk-level')).toBe('caution');
    });
    expect(send).toHaveBeenCalledWith({ type: 'get-tab-state', tabId: 5 });
    expect(root.textContent).toContain('the page has not reported yet');
  });

  it('shows the background error instead of a verdict', async () => {
    const send = vi.fn(() => Promise.resolve({ ok: false, error: 'rejected message' }));
    const root = mount(<PopupApp tabId={5} send={send} />);
    await vi.waitFor(() => {
      expect(root.querySelector('[role="alert"]')?.textContent).toContain('rejected message');
    });
    expect(root.querySelector('[data-risk-level="verified"]')).toBeNull();
  });
});
