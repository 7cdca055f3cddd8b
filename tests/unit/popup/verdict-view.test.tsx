// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildAllowlist } from '../../../src/core/lists/allowlist';
import { assessPage } from '../../../src/core/findings/assess';
import { loadBuiltInCatalog } from '../../../src/core/lists/catalog';
import type { PageSignals } from '../../../src/core/signals/page-signals';
import type { Dismissal, TabState } from '../../../src/protocol/messages';
import { popupPageHandlers } from '../../../src/background/popup-handlers';
import { PopupApp } from '../../../src/popup/popup-app';
import { CallView } from '../../../src/popup/call-view';
import { VerdictView } from '../../../src/popup/verdict-view';
import { fakeBackground } from '../protocol/fake-background';

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
    const state: TabState = { tabId: 5, url: 'https://d0xy.me/', verdict: assessPage(allowlist, { url: 'https://d0xy.me/' }), signals: null, frames: [], updatedAt: 0 };
    const { send, post } = fakeBackground({ 'get-popup-view': () => ({ state, trusted: [] }) });
    const root = mount(<PopupApp tabId={5} send={send} />);
    await vi.waitFor(() => {
      expect(root.querySelector('[data-risk-level]')?.getAttribute('data-risk-level')).toBe('caution');
    });
    // One question for the verdict (the admin note asks its own, for the footer).
    expect(post.mock.calls.map(([message]) => message).filter((message) => message.type !== 'get-admin-status')).toEqual([{ type: 'get-popup-view', tabId: 5 }]);
    expect(root.textContent).toContain('the page has not reported yet');
  });

  it('marks a page it does not judge as unsupported, with no risk level (none is no level of the contract)', async () => {
    const { send } = fakeBackground({ 'get-popup-view': () => ({ state: null, trusted: [] }) });
    const root = mount(<PopupApp tabId={5} send={send} />);
    await vi.waitFor(() => {
      expect(root.querySelector('[data-unsupported]')).not.toBeNull();
    });
    expect(root.querySelector('[data-risk-level]')).toBeNull();
  });

  it('says when parts of the page could not be read', async () => {
    const signals: PageSignals = { ...login, incomplete: true };
    const state: TabState = { tabId: 5, url: 'https://d0xy.me/', verdict: assessPage(allowlist, { url: 'https://d0xy.me/', signals }), signals, frames: [], updatedAt: 0 };
    const { send } = fakeBackground({ 'get-popup-view': () => ({ state, trusted: [] }) });
    const root = mount(<PopupApp tabId={5} send={send} />);
    await vi.waitFor(() => {
      expect(root.querySelector('[data-incomplete]')?.textContent).toContain('could not be read');
    });
    expect(root.querySelector('footer')?.textContent).toBe('Checked the address and the page.');
  });

  it('shows the background error instead of a verdict', async () => {
    const { send } = fakeBackground({
      'get-popup-view': () => {
        throw new Error('rejected message');
      },
    });
    const root = mount(<PopupApp tabId={5} send={send} />);
    await vi.waitFor(() => {
      expect(root.querySelector('[role="alert"]')?.textContent).toContain('rejected message');
    });
    expect(root.querySelector('[data-risk-level="verified"]')).toBeNull();
  });
});

describe('PopupApp and the sites the user trusts', () => {
  const lookalikeState: TabState = {
    tabId: 9,
    url: 'https://d0xy.me/login',
    verdict: assessPage(allowlist, { url: 'https://d0xy.me/login', signals: login }),
    signals: login,
    frames: [],
    updatedAt: 0,
  };
  const at = Date.UTC(2025, 4, 17, 12);

  /** A background that keeps dismissals in memory, like storage.local would, and answers the popup with its own handler. */
  function backgroundWith(dismissals: Dismissal[], undoFails?: string) {
    const popup = popupPageHandlers({ tabState: () => Promise.resolve(lookalikeState), listDismissals: () => Promise.resolve([...dismissals]) });
    return fakeBackground({
      'get-popup-view': (message) => popup['get-popup-view'](message),
      'undo-dismissal': ({ host }) => {
        if (undoFails !== undefined) throw new Error(undoFails);
        const index = dismissals.findIndex((d) => d.host === host);
        if (index >= 0) dismissals.splice(index, 1);
        return index >= 0;
      },
    });
  }

  it('shows the finding and the dismissal with its date, and Undo takes it back', async () => {
    const dismissals: Dismissal[] = [
      { host: 'd0xy.me', target: 'doxy.me', at },
      { host: 'other-lookalike.example', target: 'zoom.us', at },
    ];
    const { send, post } = backgroundWith(dismissals);
    const root = mount(<PopupApp tabId={9} send={send} />);
    await vi.waitFor(() => {
      expect(root.querySelector('[data-dismissal]')).not.toBeNull();
    });
    // Only this tab's look-alike, not every site ever trusted.
    expect([...root.querySelectorAll('[data-dismissal]')].map((n) => n.getAttribute('data-dismissal'))).toEqual(['d0xy.me']);
    const text = root.querySelector('[data-dismissal]')!.textContent;
    expect(text).toContain(`You chose to trust d0xy.me on ${new Date(at).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' })}`);
    expect([...root.querySelectorAll('[data-finding]')].map((n) => n.getAttribute('data-finding'))).toEqual(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']);

    root.querySelector<HTMLButtonElement>('[data-dismissal] button')!.click();
    await vi.waitFor(() => {
      expect(root.querySelector('[data-dismissal]')).toBeNull();
    });
    expect(post).toHaveBeenCalledWith({ type: 'undo-dismissal', host: 'd0xy.me' });
    expect(dismissals.map((d) => d.host)).toEqual(['other-lookalike.example']);
  });

  it('keeps the verdict and the trusted site, and says why, when Undo fails', async () => {
    const dismissals: Dismissal[] = [{ host: 'd0xy.me', target: 'doxy.me', at }];
    const root = mount(<PopupApp tabId={9} send={backgroundWith(dismissals, 'storage is full').send} />);
    await vi.waitFor(() => {
      expect(root.querySelector('[data-dismissal] button')).not.toBeNull();
    });
    root.querySelector<HTMLButtonElement>('[data-dismissal] button')!.click();
    await vi.waitFor(() => {
      expect(root.querySelector('[role="alert"]')?.textContent).toBe('Could not undo: storage is full');
    });
    expect(root.querySelector('[data-risk-level]')?.getAttribute('data-risk-level')).toBe('danger');
    expect(root.querySelector('[data-dismissal]')?.getAttribute('data-dismissal')).toBe('d0xy.me');
  });

  it('shows no trusted-sites section when the user trusted nothing here', async () => {
    const root = mount(<PopupApp tabId={9} send={backgroundWith([]).send} />);
    await vi.waitFor(() => {
      expect(root.querySelector('[data-risk-level="danger"]')).not.toBeNull();
    });
    expect(root.textContent).not.toContain('You chose to trust');
  });
});

describe('CallView', () => {
  it('shows the visit, the page encryption and the checklist during a call', () => {
    const verdict = assessPage(allowlist, { url: 'https://zoom.us/j/123456789' });
    const root = mount(<CallView verdict={verdict} call={{ activities: ['camera-or-microphone'], frameEncryption: true }} />);
    expect(root.querySelector('[data-call="active"] h2')?.textContent).toBe('In a video visit on Zoom');
    expect(root.textContent).toContain('a general-purpose platform, not verified for visits');
    // Seen by the extension's own wrapper, and said as no more than that.
    expect(root.textContent).toContain('Telehealth Guard saw the page hand the call');
    expect(root.textContent).toContain('Whether that code really encrypts, only the page says.');
    expect(root.querySelectorAll('li').length).toBe(6);
  });

  it('says the page showed no frame encryption of its own when none was seen', () => {
    const verdict = assessPage(allowlist, { url: 'https://zoom.us/j/123456789' });
    const root = mount(<CallView verdict={verdict} call={{ activities: ['camera-or-microphone'], frameEncryption: false }} />);
    expect(root.textContent).toContain('Telehealth Guard saw no end-to-end encryption');
    expect(root.textContent).not.toContain('really encrypts');
  });

  it('shows nothing outside a call', () => {
    const verdict = assessPage(allowlist, { url: 'https://doxy.me/drsmith' });
    expect(mount(<CallView verdict={verdict} call={undefined} />).textContent).toBe('');
  });
});
