import type { Browser as ExtensionApi } from 'webextension-polyfill';
import type { Browser, Page } from 'puppeteer-core';
import type { PopupState } from './popup-state';
import { pollUntil } from './wait';

/** What code that puppeteer runs inside one of our pages sees as its global: the extension's API. */
export interface ExtensionGlobal {
  browser: ExtensionApi;
}

export interface ExtensionPageReader {
  page: Page;
  /** Waits for the popup's verdict (or its error) and reads it as the Chromium tests do. */
  popupState(): Promise<PopupState>;
  close(): Promise<void>;
}

/**
 * Opens one of our pages in a tab of its own. Firefox's driver never reports a
 * `moz-extension://` navigation as done, so the navigation is started and the page polled
 * until it shows that address, loaded.
 */
export async function readExtensionPage(browser: Browser, url: string): Promise<ExtensionPageReader> {
  const page = await browser.newPage();
  void page.goto(url).catch(() => undefined);
  await pollUntil(
    `${url} to load`,
    () => page.evaluate(() => (document.readyState === 'complete' ? location.href : '')),
    (href) => href === url,
    { timeoutMs: 15_000, intervalMs: 100 },
  );
  return {
    page,
    popupState: () => popupStateOf(page),
    close: () => page.close().catch(() => undefined),
  };
}

async function popupStateOf(page: Page): Promise<PopupState> {
  const shown = await pollUntil(
    'the popup to show a verdict',
    () =>
      page.evaluate(() => {
        const node = document.querySelector('[data-risk-level], [data-unsupported], [role="alert"]');
        if (!node) return undefined;
        const level = node.getAttribute('data-risk-level') ?? (node.hasAttribute('data-unsupported') ? 'unsupported' : undefined);
        const dismissalNodes = [...document.querySelectorAll<HTMLElement>('[data-dismissal]')];
        return {
          level,
          error: level === undefined ? (node as HTMLElement).innerText : undefined,
          findings: [...document.querySelectorAll('[data-finding]')].map((finding) => finding.getAttribute('data-finding') ?? ''),
          footer: document.querySelector('footer')?.innerText.trim() ?? '',
          checked: document.querySelector('footer')?.getAttribute('data-checked') ?? '',
          dismissals: dismissalNodes.map((row) => row.getAttribute('data-dismissal') ?? ''),
          dismissalText: dismissalNodes.map((row) => row.innerText).join('\n'),
        };
      }),
    (value) => value !== undefined,
    { intervalMs: 50 },
  );
  if (shown === undefined || shown.level === undefined) throw new Error(`the popup shows an error: ${shown?.error ?? ''}`);
  const { level, findings, footer, dismissals, dismissalText, checked } = shown;
  return { level, findings, footer, dismissals, dismissalText, hasPageSignals: checked === 'page' };
}
