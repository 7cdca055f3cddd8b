import type { BrowserContext, Page } from 'playwright-core';
import { popupUrl } from '../../demo/popup-state';

/** What the options page shows (src/options), read from its data attributes. */
export interface OptionsState {
  managedBy: string | undefined;
  sources: string[];
  problems: string[];
  listVersion: string;
  lastSuccessAt: string;
  lastAttemptAt: string;
  lastFailureReason: string;
  lastFailureText: string;
  userLocked: boolean;
  userDomains: { domain: string; counted: boolean }[];
}

export const optionsUrl = (extensionId: string): string => `chrome-extension://${extensionId}/src/options/index.html`;

async function readOptionsPage(page: Page): Promise<OptionsState> {
  await page.locator('[data-policy]').waitFor({ timeout: 10_000 });
  const attr = async (selector: string, name: string): Promise<string> => {
    const node = page.locator(selector);
    return (await node.count()) > 0 ? ((await node.first().getAttribute(name)) ?? '') : '';
  };
  const remote = '[data-remote-list]';
  const failure = page.locator('[data-last-failure]');
  return {
    managedBy: (await page.locator('[data-policy] [data-managed-by]').count()) > 0 ? await attr('[data-policy] [data-managed-by]', 'data-managed-by') : undefined,
    sources: (await attr('[data-sources]', 'data-sources')).split(' ').filter(Boolean),
    problems: await page.locator('[data-policy-problem]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-policy-problem') ?? '')),
    listVersion: await attr(remote, 'data-list-version'),
    lastSuccessAt: await attr(remote, 'data-last-success-at'),
    lastAttemptAt: await attr(remote, 'data-last-attempt-at'),
    lastFailureReason: await attr(remote, 'data-last-failure-reason'),
    lastFailureText: (await failure.count()) > 0 ? await failure.innerText() : '',
    userLocked: (await attr('[data-user-allowlist]', 'data-locked')) === 'true',
    userDomains: await page
      .locator('[data-user-domain]')
      .evaluateAll((nodes) => nodes.map((n) => ({ domain: n.getAttribute('data-user-domain') ?? '', counted: n.getAttribute('data-counted') === 'true' }))),
  };
}

/** Opens the options page in a tab, runs `work` on it, closes it. */
export async function withOptionsPage<T>(context: BrowserContext, extensionId: string, work: (page: Page) => Promise<T>): Promise<T> {
  const page = await context.newPage();
  try {
    await page.goto(optionsUrl(extensionId));
    return await work(page);
  } finally {
    await page.close();
  }
}

export function readOptions(context: BrowserContext, extensionId: string): Promise<OptionsState> {
  return withOptionsPage(context, extensionId, readOptionsPage);
}

/** "Check now": waits until the page shows the new attempt, and returns what it shows then. */
export function checkListNow(context: BrowserContext, extensionId: string): Promise<OptionsState> {
  return withOptionsPage(context, extensionId, async (page) => {
    const before = await readOptionsPage(page);
    await page.getByRole('button', { name: 'Check now' }).click();
    await page.waitForFunction(
      (previous) => {
        const node = document.querySelector('[data-remote-list]');
        return node !== null && node.getAttribute('data-last-attempt-at') !== previous && node.querySelector('button:not([disabled])') !== null;
      },
      before.lastAttemptAt,
      { timeout: 20_000 },
    );
    return readOptionsPage(page);
  });
}

/** Adds a domain to the user's own list; returns the refusal shown, if any. */
export function addUserDomain(context: BrowserContext, extensionId: string, domain: string): Promise<string | undefined> {
  return withOptionsPage(context, extensionId, async (page) => {
    await page.locator('[data-user-allowlist] input[name="domain"]').fill(domain);
    await page.locator('[data-user-allowlist] button[type="submit"]').click();
    const added = page.locator(`[data-user-domain="${domain}"]`);
    const refused = page.locator('[data-user-allowlist] [role="alert"]');
    await added.or(refused).first().waitFor({ timeout: 10_000 });
    return (await refused.count()) > 0 ? await refused.innerText() : undefined;
  });
}

/** The popup's admin note for a tab: "Managed by …", policy problems, a stale list. */
export interface AdminNoteState {
  text: string;
  managedBy: string | undefined;
  problems: number;
  stale: boolean;
}

export async function readAdminNote(context: BrowserContext, extensionId: string, tabId: number): Promise<AdminNoteState> {
  const page = await context.newPage();
  try {
    await page.goto(popupUrl(extensionId, tabId));
    const note = page.locator('[data-admin-note]');
    await note.waitFor({ timeout: 10_000 });
    const managed = page.locator('[data-admin-note] [data-managed-by]');
    const problems = page.locator('[data-admin-note] [data-policy-problems]');
    return {
      text: await note.innerText(),
      managedBy: (await managed.count()) > 0 ? ((await managed.getAttribute('data-managed-by')) ?? '') : undefined,
      problems: (await problems.count()) > 0 ? Number(await problems.getAttribute('data-policy-problems')) : 0,
      stale: (await page.locator('[data-admin-note] [data-allowlist-stale]').count()) > 0,
    };
  } finally {
    await page.close();
  }
}
