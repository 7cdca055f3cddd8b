import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../demo/browser';
import { visit } from '../../demo/visit';
import { pollUntil, staysFalse } from '../../demo/wait';
import { widgetDetails, type AlertDetails } from '../../demo/alert-probe';

/** A portal password as a patient would pick it: long enough to be checked, never seen anywhere else. */
export const PORTAL_PASSWORD = 'Riverbank-Sunday-42';

/** What the extension keeps of protected passwords (storage.local), as the worker reads it. */
export interface StoredProtection {
  salt: string;
  iterations: number;
  bits: number;
  platforms: { domain: string; name: string; fingerprint: string; at: number }[];
}

export async function storedProtection(browser: ExtensionBrowser): Promise<StoredProtection | undefined> {
  const worker = await browser.worker();
  return worker.evaluate(async () => (await chrome.storage.local.get('protectedPasswords')).protectedPasswords as StoredProtection | undefined);
}

/** Waits until `domain`'s password is protected with a date at or after `since`. */
export function protectedSince(browser: ExtensionBrowser, domain: string, since: number): Promise<StoredProtection | undefined> {
  return pollUntil(
    `${domain}'s password to be protected`,
    () => storedProtection(browser),
    (stored) => stored?.platforms.some((platform) => platform.domain === domain && platform.at >= since) === true,
  );
}

/** Signs in on a sign-in page with the keyboard: email, Tab, password, Enter. */
export async function signInWithKeyboard(page: Page, password: string): Promise<void> {
  await page.locator('input[type="email"]').click();
  await page.keyboard.type('patient@example.org');
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
}

/** Every extension storage area, as one text: what a stolen profile would give away. */
export async function dumpExtensionStorage(browser: ExtensionBrowser): Promise<string> {
  const worker = await browser.worker();
  return worker.evaluate(async () => {
    const [local, session, sync] = await Promise.all([chrome.storage.local.get(null), chrome.storage.session.get(null), chrome.storage.sync.get(null)]);
    return JSON.stringify({ local, session, sync });
  });
}

/** The network requests the extension's worker made itself (resource timing): the extension may make none here. */
export async function workerRequests(browser: ExtensionBrowser): Promise<string[]> {
  const worker = await browser.worker();
  return worker.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
}

/** The weak-password note beside a field (closed shadow root), as CDP sees it. */
export function strengthNote(browser: ExtensionBrowser, page: Page): Promise<AlertDetails> {
  return widgetDetails(browser.context, page, 'TELEHEALTH-GUARD-STRENGTH');
}

/**
 * Whether the extension's isolated world in the page's top frame has a global named `name`
 * (CDP: the world's execution context, found by its origin-less "isolated" type): how a test
 * sees that a bundle was, or was not, injected.
 */
export async function extensionWorldHas(browser: ExtensionBrowser, page: Page, name: string): Promise<boolean> {
  const cdp = await browser.context.newCDPSession(page);
  try {
    const contexts: { id: number; auxData?: { type?: string; isDefault?: boolean; frameId?: string } ; name?: string; origin?: string }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }: { context: (typeof contexts)[number] }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const mainFrameId = ((await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } }).frameTree.frame.id;
    const ours = contexts.filter((context) => context.auxData?.type === 'isolated' && context.auxData.frameId === mainFrameId && context.origin?.startsWith('chrome-extension://') === true);
    for (const context of ours) {
      const { result } = (await cdp.send('Runtime.evaluate', { expression: `Object.getOwnPropertyNames(globalThis).includes(${JSON.stringify(name)})`, contextId: context.id })) as { result: { value?: unknown } };
      if (result.value === true) return true;
    }
    if (ours.length === 0) throw new Error("no isolated world of the extension's in the page's top frame");
    return false;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Opens `url`, types `password` into its password field with the keyboard and leaves the field:
 * resolves to whether the in-page alert stayed away for 1.5 s after. The tab stays open.
 */
export async function typedWithoutAlert(browser: ExtensionBrowser, url: string, password: string): Promise<{ page: Page; tabId: number; quiet: boolean }> {
  const { page, tabId } = await visit(browser, url);
  await page.locator('input[type="password"]').click();
  await page.keyboard.type(password);
  await page.keyboard.press('Tab');
  return { page, tabId, quiet: await staysFalse(() => browser.alertPresent(page), 1_500) };
}
