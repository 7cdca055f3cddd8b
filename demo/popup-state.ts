import type { BrowserContext } from 'playwright-core';

/** What the popup shows for a tab: the contract's data attributes (DESIGN.md, Popup). */
export interface PopupState {
  /** `data-risk-level`: a risk level, or `unsupported` (`data-unsupported`) for pages the extension does not judge. */
  level: string;
  /** Every `data-finding` code shown, in order. */
  findings: string[];
  /** The footer says the content script has reported, not just the address. */
  hasPageSignals: boolean;
  footer: string;
  /** Look-alike hosts the user chose to trust, as the popup lists them (`data-dismissal`). */
  dismissals: string[];
  /** What the popup says about them ("You chose to trust d0xy.me on …"). */
  dismissalText: string;
}

export function popupUrl(extensionId: string, tabId: number): string {
  return `chrome-extension://${extensionId}/src/popup/index.html?tab=${tabId}`;
}

/**
 * Opens the popup page for `tabId` in a tab of its own (as `?tab=` allows), reads it and
 * closes it. Optionally saves a screenshot at the toolbar popup's 380 px width.
 */
export async function readPopupState(
  context: BrowserContext,
  extensionId: string,
  tabId: number,
  { screenshotPath }: { screenshotPath?: string } = {},
): Promise<PopupState> {
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: 380, height: 560 });
    await page.goto(popupUrl(extensionId, tabId));
    const shown = page.locator('[data-risk-level], [data-unsupported], [role="alert"]').first();
    await shown.waitFor({ timeout: 10_000 });
    const level = (await shown.getAttribute('data-risk-level')) ?? ((await shown.getAttribute('data-unsupported')) === null ? null : 'unsupported');
    if (level === null) throw new Error(`the popup shows an error: ${await shown.innerText()}`);
    const findings = await page.locator('[data-finding]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-finding') ?? ''));
    const footerLocator = page.locator('footer');
    const footer = (await footerLocator.count()) > 0 ? (await footerLocator.innerText()).trim() : '';
    const dismissalNodes = page.locator('[data-dismissal]');
    const dismissals = await dismissalNodes.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-dismissal') ?? ''));
    const dismissalText = (await dismissalNodes.allInnerTexts()).join('\n');
    if (screenshotPath !== undefined) await page.screenshot({ path: screenshotPath, fullPage: true });
    // By its attribute, in whatever language the popup speaks.
    const hasPageSignals = (await footerLocator.count()) > 0 && (await footerLocator.getAttribute('data-checked')) === 'page';
    return { level, findings, hasPageSignals, footer, dismissals, dismissalText };
  } finally {
    await page.close();
  }
}

/** Opens the popup for `tabId`, presses Undo beside the trusted `host`, and waits until it is gone. */
export async function undoDismissalInPopup(context: BrowserContext, extensionId: string, tabId: number, host: string): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(popupUrl(extensionId, tabId));
    const row = page.locator(`[data-dismissal="${host}"]`);
    await row.getByRole('button', { name: 'Undo' }).click({ timeout: 10_000 });
    await row.waitFor({ state: 'detached', timeout: 10_000 });
  } finally {
    await page.close();
  }
}
