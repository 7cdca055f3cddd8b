import type { BrowserContext, CDPSession, Frame, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../demo/browser';
import { findNode, textOf, type DomNode } from '../../demo/dom-tree';
import { alertOfKind, clickInOverlay, overlayDetails, type OverlayDetails } from '../../demo/overlay-probe';
import { popupUrl, type PopupState } from '../../demo/popup-state';
import { waitForPopup } from '../../demo/visit';
import { pollUntil } from '../../demo/wait';

/**
 * Shared pieces of the hostile-page tests (tests/e2e/hostile-*.e2e.test.ts): pages built to
 * turn the extension off, served from demo/sites/<host>/hostile/.
 */

/** The tab id of a page whose address may be shared with other tabs (about:blank): the one the given tab opened, else by address. */
export async function tabIdOpenedBy(browser: ExtensionBrowser, openerTabId: number): Promise<number> {
  return pollUntil(
    `the tab opened by tab ${openerTabId}`,
    async () =>
      (await browser.worker()).evaluate(async (opener) => (await chrome.tabs.query({})).find((tab) => tab.openerTabId === opener)?.id ?? -1, openerTabId),
    (id) => id >= 0,
  );
}

/** The verdict the background stored for the tab (what the popup renders): its level and finding codes. */
async function storedVerdict(browser: ExtensionBrowser, tabId: number): Promise<{ level: string; findings: string[] } | undefined> {
  return (await browser.worker()).evaluate(async (id) => {
    const key = `tab:${id}`;
    const state = (await chrome.storage.session.get(key))[key] as { verdict?: { level: string; findings: { code: string }[] } } | undefined;
    return state?.verdict ? { level: state.verdict.level, findings: state.verdict.findings.map((finding) => finding.code) } : undefined;
  }, tabId);
}

/**
 * Waits until the tab's popup shows `level` and all of `findings`. The stored verdict is
 * watched first (cheap: no page per look, which matters on a busy machine), then the popup
 * itself is read, which is what the test asserts on.
 */
export async function popupShows(browser: ExtensionBrowser, tabId: number, level: string, findings: readonly string[], timeoutMs = 15_000): Promise<PopupState> {
  const what = `${level} with ${findings.join(', ')}`;
  const matches = (shown: { level: string; findings: string[] } | undefined): boolean => shown?.level === level && findings.every((code) => shown.findings.includes(code));
  await pollUntil(`the stored verdict: ${what}`, () => storedVerdict(browser, tabId), matches, { timeoutMs, intervalMs: 50 }).catch(() => undefined);
  return waitForPopup(browser, tabId, what, matches, 5_000);
}

/** The text of the popup's "In a video visit" section for a tab (src/popup/call-view.tsx); '' when it shows none. */
export async function popupCallText(context: BrowserContext, extensionId: string, tabId: number): Promise<string> {
  const page = await context.newPage();
  try {
    await page.goto(popupUrl(extensionId, tabId));
    await page.locator('[data-risk-level], [data-unsupported], [role="alert"]').first().waitFor({ timeout: 10_000 });
    const call = page.locator('[data-call]');
    return (await call.count()) > 0 ? (await call.innerText()).replace(/\s+/g, ' ') : '';
  } finally {
    await page.close();
  }
}

// --- Password fields no selector reaches -----------------------------------------------------


const isPasswordInput = (node: DomNode): boolean => {
  if (node.nodeName !== 'INPUT') return false;
  const attributes = node.attributes ?? [];
  return attributes.some((name, i) => i % 2 === 0 && name === 'type' && attributes[i + 1] === 'password');
};

/** Runs `use` with the page's first password field, found by CDP through closed shadow roots. */
async function withPiercedPasswordField<T>(context: BrowserContext, page: Page, use: (cdp: CDPSession, field: DomNode) => Promise<T>): Promise<T> {
  const cdp = await context.newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const field = findNode(root, isPasswordInput);
    if (!field) throw new Error('no password field in the page, closed shadow roots included');
    return await use(cdp, field);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** A real mouse click in the middle of a password field that only CDP can see (a closed shadow root). */
export function clickPiercedPasswordField(context: BrowserContext, page: Page): Promise<void> {
  return withPiercedPasswordField(context, page, async (cdp, field) => {
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: field.nodeId })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  });
}

/** The value of that field, read through CDP (the page's own scripts cannot reach it). */
export function piercedPasswordValue(context: BrowserContext, page: Page): Promise<string> {
  return withPiercedPasswordField(context, page, async (cdp, field) => {
    const { object } = (await cdp.send('DOM.resolveNode', { nodeId: field.nodeId })) as { object: { objectId: string } };
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: 'function () { return this.value; }',
      returnByValue: true,
    })) as { result: { value: string } };
    return result.value;
  });
}

/** A frame of the page (not the top one) whose address matches. */
export function frameOf(page: Page, matches: (url: string) => boolean, what: string): Promise<Frame> {
  return pollUntil(what, () => Promise.resolve(page.frames().find((frame) => frame !== page.mainFrame() && matches(frame.url()))), (frame) => frame !== undefined) as Promise<Frame>;
}

// --- The camera ----------------------------------------------------------------------------

/** What the hostile camera pages record of their own requests: idle, pending, granted, denied:<name>. */
export const cameraState = (target: Page | Frame): Promise<string> => target.evaluate(() => (window as unknown as { cameraState: string }).cameraState);

export const cameraPrompt = (browser: ExtensionBrowser, page: Page): Promise<OverlayDetails> => overlayDetails(browser.context, page, alertOfKind('camera-prompt'));

export const cameraPromptShows = (browser: ExtensionBrowser, page: Page): Promise<OverlayDetails> =>
  pollUntil('the camera prompt', () => cameraPrompt(browser, page), (details) => details.present, { timeoutMs: 15_000 });

/**
 * The `data-proof-state` of the prompt's Continue button (src/content/click-proof): `waiting`
 * until it has been visible long enough for a click to count; undefined where the build has
 * no such proof.
 */
async function continueProofState(context: BrowserContext, page: Page): Promise<string | undefined> {
  const cdp = await context.newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const prompt = findNode(root, alertOfKind('camera-prompt'));
    if (!prompt) throw new Error('no camera prompt in the top frame');
    const button = findNode(prompt, (node) => node.nodeName === 'BUTTON' && textOf(node) === 'Continue');
    if (!button) throw new Error(`no Continue button in the prompt: ${textOf(prompt)}`);
    const attributes = button.attributes ?? [];
    const at = attributes.findIndex((name, i) => i % 2 === 0 && name === 'data-proof-state');
    return at < 0 ? undefined : attributes[at + 1];
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The user's own click on Continue in the camera prompt (top frame), once it would count. */
export async function continueInPrompt(browser: ExtensionBrowser, page: Page): Promise<void> {
  await pollUntil('the Continue button to be ready for a click', () => continueProofState(browser.context, page), (state) => state !== 'waiting');
  await clickInOverlay(browser.context, page, 'Continue', alertOfKind('camera-prompt'));
}
