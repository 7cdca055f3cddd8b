import browser from 'webextension-polyfill';
import { tabAddressOf } from './document-address';
import { verdictFor } from './page-answers';
import { getSettings, settingsReady } from './policy-settings';

/**
 * Under the clinic's `unknownVideoPlatform: "block"`, the browser itself keeps the camera and
 * microphone off on sites no list verifies: a content setting per site, set as the navigation
 * starts, before the page has run a line.
 *
 * Why the page-world hook alone is not enough for "block": an iframe with a `src` (or one
 * pointed at a 204 answer, which never loads) has an initial about:blank document into which
 * Chromium runs no content script, and which the parent page can reach (`window[0]`,
 * `frames[0]`, named access: no getter of ours sits on that path) and use to call the
 * browser's own getUserMedia before our hook is there, or when it never will be (measured in
 * Chromium 156). A content setting holds there too: Chromium checks the camera against the
 * top-level site, whichever frame or realm asks. So under "block" every route is closed; under
 * "warn" that route still meets the browser's own camera prompt, but not ours.
 *
 * Rules are the extension's own (Chromium shows them as "controlled by an extension") and are
 * all cleared when the policy or the lists change and at each browser start: a site verified
 * since gets its camera back at once, and a rule is set again at the next visit otherwise.
 */

interface ContentSetting {
  set(details: { primaryPattern: string; setting: 'block' | 'allow' | 'ask' }): Promise<void>;
  clear(details: Record<string, never>): Promise<void>;
}

/** Chromium's `contentSettings` (Firefox has none: there, the hook is all there is). */
function mediaSettings(): ContentSetting[] {
  const settings = (browser as unknown as { contentSettings?: { camera?: ContentSetting; microphone?: ContentSetting } }).contentSettings;
  return [settings?.camera, settings?.microphone].filter((setting) => setting !== undefined);
}

/** `https://d0xy.me:*\/*` for a page's address: the site, any port (content-setting patterns). */
export function sitePatternOf(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return `${url.protocol}//${url.hostname}:*/*`;
}

export async function blockCameraOn(address: string): Promise<void> {
  const pattern = sitePatternOf(address);
  if (pattern === undefined) return;
  await Promise.all(mediaSettings().map((setting) => setting.set({ primaryPattern: pattern, setting: 'block' })));
}

export async function clearCameraBlocks(): Promise<void> {
  await Promise.all(mediaSettings().map((setting) => setting.clear({})));
}

/** A top-level navigation to `url` in `tabId` is starting: under "block", close the camera there unless the site is verified. */
export async function guardCameraAt(tabId: number, url: string): Promise<void> {
  await settingsReady();
  if (getSettings().unknownVideoPlatform !== 'block') return;
  const address = await tabAddressOf(tabId, url);
  if (address !== undefined && !verdictFor(address)?.platform?.verified) await blockCameraOn(address);
}

/** The lists or the policy changed, or the browser started: the rules start over, for the tabs open now. */
export async function resetCameraBlocks(): Promise<void> {
  await clearCameraBlocks();
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map(({ id, url }) => (id === undefined || url === undefined ? Promise.resolve() : guardCameraAt(id, url))));
}
