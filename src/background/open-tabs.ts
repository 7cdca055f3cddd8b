import browser from 'webextension-polyfill';
import { onTabNavigated } from './tab-verdicts';

/**
 * After an install or an update, the tabs already open have no state (storage.session starts
 * empty) and no badge. Judge each by its address so the toolbar is right at once.
 *
 * Their pages have no content script of ours either: Chromium runs declared content scripts
 * only in documents loaded after the install, and injecting into open tabs would take the
 * `scripting` permission, which the extension does not ask for. So these verdicts stay
 * address-only (no password-field findings, no alert, no guard) until the page is reloaded.
 */
export async function judgeOpenTabs(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async ({ id, url }) => {
      if (id !== undefined && url !== undefined) await onTabNavigated(id, url);
    }),
  );
}
