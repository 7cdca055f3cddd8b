// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkLinks, type LinkCheck as LinkCheckAnswer } from '../../../src/core/links/check-links';
import { LINK_TEXT_MAX_LENGTH } from '../../../src/core/links/link-limits';
import { buildAllowlist } from '../../../src/core/lists/allowlist';
import { loadBuiltInCatalog } from '../../../src/core/lists/catalog';
import { LinkCheck } from '../../../src/popup/link-check';
import { fakeBackground } from '../protocol/fake-background';

const allowlist = buildAllowlist([{ source: 'catalog', file: loadBuiltInCatalog() }]);

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

/** The link check over a background that judges with the catalog, as the real one does with its lists. */
function mount(answer: (text: string) => LinkCheckAnswer | Promise<LinkCheckAnswer> = (text) => checkLinks(allowlist, text)) {
  const { send, post } = fakeBackground({ 'check-link': ({ text }) => answer(text) });
  container = document.createElement('div');
  document.body.append(container);
  render(<LinkCheck send={send} />, container);
  const field = container.querySelector('textarea')!;
  const type = (text: string): void => {
    field.value = text;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const pressEnter = (init: KeyboardEventInit = {}): boolean => field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, ...init }));
  const clickCheck = (): void => {
    container.querySelector('button')!.click();
  };
  return { root: container, field, type, pressEnter, clickCheck, post };
}

/** Waits for the answer to be shown. */
async function shown(root: HTMLElement, selector: string): Promise<Element> {
  return vi.waitFor(() => {
    const found = root.querySelector(selector);
    if (!found) throw new Error(`nothing matches ${selector}`);
    return found;
  });
}

const codes = (element: Element) => [...element.querySelectorAll('[data-link-finding]')].map((node) => node.getAttribute('data-link-finding'));
const notes = (element: Element) => [...element.querySelectorAll('[data-link-note]')].map((node) => node.getAttribute('data-link-note'));

describe('Check a link, in the popup', () => {
  it('has a labelled field and a Check button', () => {
    const { root, field } = mount();
    expect(root.querySelector(`label[for="${field.id}"]`)?.textContent).toMatch(/visit link/);
    expect(root.querySelector('button')?.textContent).toBe('Check');
    expect(root.querySelector('[data-link-check]')?.getAttribute('aria-label')).toBe('Check a link');
  });

  it('shows a pasted message’s link as verified, naming the platform and the list', async () => {
    const { root, type, clickCheck, post } = mount();
    type('Your visit starts at 3pm: https://doxy.me/drsmith  Reply STOP');
    clickCheck();
    const verdict = await shown(root, '[data-link-level]');
    expect(verdict.getAttribute('data-link-level')).toBe('verified');
    expect(verdict.getAttribute('data-link-host')).toBe('doxy.me');
    expect(codes(verdict)).toEqual(['VERIFIED_PLATFORM']);
    expect(verdict.textContent).toContain('Verified telemedicine service: Doxy.me');
    expect(verdict.textContent).toContain('built-in catalog');
    expect(post).toHaveBeenCalledWith({ type: 'check-link', text: 'Your visit starts at 3pm: https://doxy.me/drsmith  Reply STOP' });
  });

  it('checks on Enter, and leaves Shift+Enter to break the line', async () => {
    const { root, type, pressEnter, post } = mount();
    type('d0xy.me/drsmith');
    expect(pressEnter({ shiftKey: true })).toBe(true);
    expect(post).not.toHaveBeenCalled();
    expect(pressEnter()).toBe(false);
    const verdict = await shown(root, '[data-link-level]');
    expect(verdict.getAttribute('data-link-level')).toBe('caution');
    expect(codes(verdict)).toEqual(['LOOKALIKE_DOMAIN']);
    expect(verdict.textContent).toContain('Doxy.me');
    expect(verdict.textContent).toContain('"0" instead of "o"');
    expect(notes(verdict)).toEqual(['assumed-https']);
  });

  it('names an unknown site as such, with what to do', async () => {
    const { root, type, clickCheck } = mount();
    type('https://visit.example-clinic.org/room');
    clickCheck();
    const verdict = await shown(root, '[data-link-level]');
    expect(verdict.getAttribute('data-link-level')).toBe('neutral');
    expect(codes(verdict)).toEqual([]);
    expect(notes(verdict)).toEqual(['unknown-site']);
    expect(verdict.textContent).toContain('Unknown site: visit.example-clinic.org');
  });

  it('calls an http link danger, as not encrypted', async () => {
    const { root, type, clickCheck } = mount();
    type('http://visit.example-clinic.org/room');
    clickCheck();
    const verdict = await shown(root, '[data-link-level]');
    expect(verdict.getAttribute('data-link-level')).toBe('danger');
    expect(codes(verdict)).toEqual(['INSECURE_CONNECTION']);
    expect(verdict.textContent).toContain('not encrypted');
  });

  it('says the part before @ is a trick, and judges the host after it', async () => {
    const { root, type, clickCheck } = mount();
    type('https://doxy.me@evil.example/');
    clickCheck();
    const verdict = await shown(root, '[data-link-level]');
    expect(verdict.getAttribute('data-link-host')).toBe('evil.example');
    expect(verdict.getAttribute('data-link-level')).toBe('caution');
    expect(notes(verdict)).toContain('user-info');
    expect(verdict.querySelector('[data-link-note="user-info"]')?.textContent).toContain('("doxy.me") is a trick: the link goes to evil.example');
  });

  it('shows where invisible characters were, and the host in both forms', async () => {
    const { root, type, clickCheck } = mount();
    type('https://d\u200Bоxy.me/drsmith');
    clickCheck();
    const verdict = await shown(root, '[data-link-level]');
    expect(verdict.querySelector('.link-written')?.textContent).toContain('https://d[U+200B]оxy.me/drsmith');
    expect(verdict.querySelector('.link-host')?.textContent).toBe('Goes to dоxy.me (xn--dxy-sed.me)');
    expect(notes(verdict)).toContain('invisible');
  });

  it('refuses a javascript: link in words', async () => {
    const { root, type, clickCheck } = mount();
    type('javascript:alert(1)');
    clickCheck();
    const refused = await shown(root, '[data-link-refused]');
    expect(refused.getAttribute('data-link-refused')).toBe('script');
    expect(refused.textContent).toContain('javascript: link runs code');
  });

  it('says a text over the limit is too long', async () => {
    const { root, type, clickCheck } = mount();
    type('x'.repeat(LINK_TEXT_MAX_LENGTH + 1));
    clickCheck();
    const problem = await shown(root, '[data-link-problem]');
    expect(problem.getAttribute('data-link-problem')).toBe('too-long');
    // Numbers are written the language's way (5,001 in English).
    expect(problem.textContent).toContain(`${(LINK_TEXT_MAX_LENGTH + 1).toLocaleString('en')} characters, at most ${LINK_TEXT_MAX_LENGTH.toLocaleString('en')}`);
  });

  it('says an empty field has no link', async () => {
    const { root, clickCheck } = mount();
    clickCheck();
    const problem = await shown(root, '[data-link-problem]');
    expect(problem.getAttribute('data-link-problem')).toBe('empty');
    expect(problem.getAttribute('role')).toBe('alert');
  });

  it('says so when the background could not answer', async () => {
    const { root, type, clickCheck } = mount(() => {
      throw new Error('the background did not answer');
    });
    type('https://doxy.me/');
    clickCheck();
    expect((await shown(root, '[data-link-problem]')).textContent).toContain('Could not check the link: the background did not answer');
  });

  it('shows the link as text, never as a link to open, and uses none of the page verdict’s attributes', async () => {
    const { root, type, clickCheck } = mount();
    type('https://doxy.me/drsmith http://d0xy.me/login');
    clickCheck();
    await vi.waitFor(() => {
      expect(root.querySelectorAll('[data-link-level]')).toHaveLength(2);
    });
    expect(root.querySelectorAll('a, [href], [src]')).toHaveLength(0);
    expect(root.querySelectorAll('[data-risk-level], [data-finding]')).toHaveLength(0);
  });

  it('shows only the newest answer when an older one arrives last', async () => {
    let release: (() => void) | undefined;
    const { root, type, clickCheck } = mount((text) => {
      const answer = checkLinks(allowlist, text);
      if (!text.includes('d0xy')) return answer;
      return new Promise<LinkCheckAnswer>((resolve) => {
        release = () => {
          resolve(answer);
        };
      });
    });
    type('https://d0xy.me/');
    clickCheck();
    type('https://doxy.me/');
    clickCheck();
    await shown(root, '[data-link-level="verified"]');
    release?.();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(root.querySelector('[data-link-level]')?.getAttribute('data-link-level')).toBe('verified');
  });
});
