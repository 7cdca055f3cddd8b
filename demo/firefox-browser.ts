import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../scripts/build/browser-manifest';
import { readExtensionPage, type ExtensionPageReader } from './firefox-extension-page';
import { piercedPasswordField, type PiercedField } from './firefox-pierced-field';
import { probeWidgets, type WidgetProbe } from './firefox-widget-probe';
import type { PopupState } from './popup-state';
import type { ExtensionGlobal } from './firefox-extension-page';
import { pollUntil } from './wait';

/**
 * Firefox ESR with the Firefox build (`dist-firefox/`) installed, driven by puppeteer-core over
 * WebDriver BiDi: the same demo servers and hostnames as the Chromium tests.
 */
export const DEFAULT_FIREFOX_DIST = fromEnvironment() ?? fileURLToPath(new URL('../dist-firefox/', import.meta.url));

function fromEnvironment(): string | undefined {
  const dir = process.env.TELEHEALTH_GUARD_DIST_FIREFOX;
  return dir === undefined || dir === '' ? undefined : dir;
}

/**
 * The add-on's internal UUID, fixed by a pref so that its pages have a known address
 * (`moz-extension://<uuid>/…`); Firefox otherwise draws one at random per profile.
 */
export const FIREFOX_EXTENSION_UUID = '5d0b7c8e-1f2a-4b3c-9d4e-6f7a8b9c0d1e';

/** Firefox ESR from Debian, or wherever $FIREFOX_PATH says; a clear error when it is missing. */
export function firefoxPath(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  const path = fromEnv !== undefined && fromEnv !== '' ? fromEnv : '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(`Firefox not found at ${path}: install it with \`apt-get install -y firefox-esr\` (Debian), or set FIREFOX_PATH`);
  }
  return path;
}

/**
 * Where this Firefox reads an enterprise policies.json: `distribution/` beside the real
 * binary. (Debian's firefox-esr ignores /etc/firefox-esr/policies/.)
 */
export function firefoxPolicyFile(): string {
  return join(dirname(realpathSync(firefoxPath())), 'distribution', 'policies.json');
}

export interface FirefoxLaunchOptions {
  distDir?: string;
  /** Extra prefs, such as the UI language. */
  prefs?: Record<string, unknown>;
}

export interface FirefoxExtensionBrowser {
  browser: Browser;
  newPage(): Promise<Page>;
  /** Runs `fn` in an extension page of ours, where `browser.*` is the extension's API. */
  inExtension<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  tabIdFor(page: Page): Promise<number>;
  /** What the popup shows for the tab (DESIGN.md's popup contract). */
  tabState(tabId: number): Promise<PopupState>;
  badgeText(tabId: number): Promise<string>;
  /** Whether the background (an event page in Firefox) is loaded now, or suspended. Asking does not wake it. */
  backgroundRunning(): Promise<boolean>;
  /** Our elements named `tagName` in the tab's frames, read from inside their closed shadow roots. */
  widgets(tabId: number, tagName: string): Promise<WidgetProbe[]>;
  /** The first password field of the tab's top document, found through closed shadow roots too. */
  piercedPasswordField(tabId: number): Promise<PiercedField | undefined>;
  /** A real mouse click on the control labelled `label` in the first widget `tagName` (of `kind`) of the top frame. */
  clickInWidget(page: Page, tabId: number, tagName: string, label: string, kind?: string): Promise<void>;
  extensionPage(path: string): Promise<ExtensionPageReader>;
  close(): Promise<void>;
}

function prefsFor(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    // Every hostname (doxy.me, d0xy.me, …) resolves to the demo servers on loopback.
    'network.dns.forceResolve': '127.0.0.1',
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
    // http:// demo pages must stay http (the insecure-page scenarios).
    'dom.security.https_first': false,
    'dom.security.https_only_mode': false,
    // Camera tests: fake devices and no browser prompt of its own, as Chromium's flags give.
    'media.navigator.streams.fake': true,
    'media.navigator.permission.disabled': true,
    ...extra,
  };
}

/** Firefox with the extension installed, in a fresh profile that `close()` removes. */
export async function launchFirefoxWithExtension({ distDir = DEFAULT_FIREFOX_DIST, prefs = {} }: FirefoxLaunchOptions = {}): Promise<FirefoxExtensionBrowser> {
  const executablePath = firefoxPath();
  const manifest = join(distDir, 'manifest.json');
  if (!existsSync(manifest)) throw new Error(`${manifest} is missing: run \`npm run build\` first`);
  const id = (JSON.parse(readFileSync(manifest, 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } }).browser_specific_settings?.gecko?.id;
  if (id !== GECKO_ID) throw new Error(`${manifest} names add-on ID ${String(id)}, not ${GECKO_ID}: is ${distDir} the Firefox build?`);

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // The demo's certificate is self-signed.
    acceptInsecureCerts: true,
    // Lets the driver open moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: prefsFor(prefs),
  });
  try {
    const installed = await browser.installExtension(distDir);
    if (installed !== GECKO_ID) throw new Error(`Firefox installed the add-on as ${installed}, not ${GECKO_ID}`);
    const control = await readExtensionPage(browser, `moz-extension://${FIREFOX_EXTENSION_UUID}/src/popup/index.html?tab=0`);
    return driver(browser, control);
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

function driver(browser: Browser, control: ExtensionPageReader): FirefoxExtensionBrowser {
  // puppeteer's types rewrite the argument's type (element handles); ours are plain JSON.
  const inExtension = <A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> =>
    control.page.evaluate(fn as unknown as (arg: unknown) => Promise<unknown>, arg) as Promise<R>;
  const extensionPage = (path: string) => readExtensionPage(browser, `moz-extension://${FIREFOX_EXTENSION_UUID}/${path}`);
  const widgets = (tabId: number, tagName: string) => probeWidgets(inExtension, tabId, tagName);

  return {
    browser,
    newPage: () => browser.newPage(),
    inExtension,
    extensionPage,
    async tabIdFor(page) {
      const url = page.url();
      const ids = await pollUntil(
        `the tab showing ${url}`,
        () => inExtension(async (wanted) => (await (globalThis as unknown as ExtensionGlobal).browser.tabs.query({})).filter((tab) => tab.url === wanted).map((tab) => tab.id ?? -1), url),
        (found) => found.length > 0,
      );
      if (ids.length > 1) throw new Error(`${ids.length} tabs show ${url}; close the others first`);
      return ids[0]!;
    },
    async tabState(tabId) {
      const popup = await extensionPage(`src/popup/index.html?tab=${tabId}`);
      try {
        return await popup.popupState();
      } finally {
        await popup.close();
      }
    },
    badgeText: (tabId) => inExtension((id) => (globalThis as unknown as ExtensionGlobal).browser.action.getBadgeText({ tabId: id }), tabId),
    backgroundRunning: () =>
      inExtension(async () => {
        const runtime = (globalThis as unknown as ExtensionGlobal).browser.runtime as unknown as { getContexts(filter: { contextTypes: string[] }): Promise<unknown[]> };
        return (await runtime.getContexts({ contextTypes: ['BACKGROUND'] })).length > 0;
      }, undefined),
    widgets,
    piercedPasswordField: (tabId) => piercedPasswordField(inExtension, tabId),
    async clickInWidget(page, tabId, tagName, label, kind) {
      const found = (await widgets(tabId, tagName)).find((widget) => widget.topFrame && (kind === undefined || widget.kind === kind));
      if (!found) throw new Error(`no ${tagName}${kind ? ` of kind ${kind}` : ''} in the top frame`);
      const control = found.controls.find((candidate) => candidate.label === label);
      if (!control) throw new Error(`no control labelled ${JSON.stringify(label)} in ${tagName}: ${found.text}`);
      await page.mouse.click(control.x, control.y);
    },
    async close() {
      await browser.close().catch(() => undefined);
    },
  };
}
