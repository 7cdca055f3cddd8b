import type { BrowserContext, Page } from 'playwright-core';
import { popupUrl } from './popup-state';
import { pollUntil } from './wait';

/** One link as the popup's "Check a link" shows it: its data attributes and words. */
export interface LinkShown {
  /** `data-link-level`: a risk level; absent for a link that was refused. */
  level?: string;
  /** `data-link-host`: the host judged. */
  host?: string;
  /** `data-link-refused`: why a link was not judged (script, inline, local, other, unreadable). */
  refused?: string;
  /** Every `data-link-finding` code, in order. */
  findings: string[];
  /** Every `data-link-note` (assumed-https, user-info, invisible, unknown-site), in order. */
  notes: string[];
  text: string;
}

export interface LinkCheckShown {
  links: LinkShown[];
  /** `data-link-problem`: why the text gave nothing to judge (empty, too-long, email-address, no-link, failed). */
  problem?: string;
  text: string;
}

export interface LinkCheckPage {
  page: Page;
  /** Pastes `text` into the field (as a paste: no key events), checks by Enter or the button, and reads what is shown. */
  check(text: string, how?: 'enter' | 'button'): Promise<LinkCheckShown>;
  close(): Promise<void>;
}

const FIELD = '#link-check-text';
const ANSWER = '[data-link-result="done"], [data-link-result="failed"]';

/** Nulls for absent attributes, as the page gives them, made into absent fields. */
function withoutNulls<T extends object>(shown: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(shown).filter(([, value]) => value !== null)) as never;
}

async function read(page: Page): Promise<LinkCheckShown> {
  // No named functions inside: tsx (the demo's runner) would wrap them in a helper the page lacks.
  const shown = await page.locator('[data-link-result]').evaluate((result) => ({
    links: [...result.querySelectorAll('[data-link-level], [data-link-refused]')].map((node) => ({
      level: node.getAttribute('data-link-level'),
      host: node.getAttribute('data-link-host'),
      refused: node.getAttribute('data-link-refused'),
      findings: [...node.querySelectorAll('[data-link-finding]')].map((each) => each.getAttribute('data-link-finding') ?? ''),
      notes: [...node.querySelectorAll('[data-link-note]')].map((each) => each.getAttribute('data-link-note') ?? ''),
      text: (node as HTMLElement).innerText,
    })),
    problem: result.querySelector('[data-link-problem]')?.getAttribute('data-link-problem') ?? null,
    text: (result as HTMLElement).innerText,
  }));
  return withoutNulls({ ...shown, links: shown.links.map(withoutNulls) });
}

/**
 * The popup page with its "Check a link" section, in a tab of its own: for `tabId` (`?tab=`),
 * or without, as a patient on a tab the extension does not judge (a new tab) would see it.
 */
export async function openLinkCheck(context: BrowserContext, extensionId: string, tabId?: number): Promise<LinkCheckPage> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 380, height: 560 });
  // Without ?tab= the popup shows the active tab: this very page, which it does not judge.
  await page.goto(tabId === undefined ? `chrome-extension://${extensionId}/src/popup/index.html` : popupUrl(extensionId, tabId));
  await page.locator(FIELD).waitFor({ timeout: 10_000 });

  /** Each answer replaces the one before in place: an empty check first gives a known answer to wait past. */
  const answered = async (press: () => Promise<void>, until: (shown: LinkCheckShown) => boolean): Promise<LinkCheckShown> => {
    await press();
    await page.locator(ANSWER).waitFor({ timeout: 10_000 });
    return pollUntil('the link check to answer', () => read(page), until, { intervalMs: 25 });
  };

  const check = async (text: string, how: 'enter' | 'button' = 'button'): Promise<LinkCheckShown> => {
    const field = page.locator(FIELD);
    const press = how === 'enter' ? () => field.press('Enter') : () => page.getByRole('button', { name: 'Check', exact: true }).click();
    await field.fill('');
    await answered(press, (shown) => shown.problem === 'empty');
    await field.focus();
    await page.keyboard.insertText(text);
    return answered(press, (shown) => shown.problem !== 'empty' || text.trim() === '');
  };

  return { page, check, close: () => page.close() };
}
