import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { alertDetails, alertPresent, type AlertDetails } from './alert-probe';
import { extensionIdFromKey, extensionIdFromUrl } from './extension-id';
import { clickInOverlay, overlayDetails, type OverlayDetails } from './overlay-probe';
import { popupUrl, readPopupState, undoDismissalInPopup, type PopupState } from './popup-state';
import { isWorkerRunning, stopServiceWorker, waitForWorker } from './service-worker';
import { pollUntil } from './wait';

/**
 * The built extension: `dist/`, or the folder `TELEHEALTH_GUARD_DIST` names (to run the same
 * end-to-end tests against another build, such as the one a change started from).
 */
export const DEFAULT_DIST = distFromEnvironment() ?? fileURLToPath(new URL('../dist/', import.meta.url));

function distFromEnvironment(): string | undefined {
  const dir = process.env.TELEHEALTH_GUARD_DIST;
  if (dir === undefined || dir === '') return undefined;
  return dir.endsWith('/') ? dir : `${dir}/`;
}

export interface LaunchOptions {
  /** The built extension; `dist/` by default. */
  distDir?: string;
  headless?: boolean;
  /** A profile to start with and keep on close (what survives a browser restart); a fresh one by default. */
  profileDir?: string;
  /**
   * Chromium's own camera and microphone prompt answered yes by a flag (true, the default). With
   * false the browser decides as it would for a user: by the profile's site settings (see
   * `preferences`) and the extension's content settings, both of which the flag overrides.
   */
  fakeMediaPrompt?: boolean;
  /** Merged into the profile's `Default/Preferences` before launch: settings the user made earlier, such as site permissions. */
  preferences?: Record<string, unknown>;
  /**
   * The browser's UI language, as Chromium names its locales (`es`, `zh-CN`); the environment's
   * by default. See `localeLaunch`.
   */
  locale?: string;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The worker that was running right after launch (it may since have been stopped). */
  serviceWorker: Worker;
  /** The worker, running: woken through the popup page first if Chromium had stopped it. */
  worker(): Promise<Worker>;
  isWorkerRunning(): Promise<boolean>;
  tabIdFor(page: Page): Promise<number>;
  tabState(tabId: number, options?: { screenshotPath?: string }): Promise<PopupState>;
  alertPresent(page: Page): Promise<boolean>;
  alertDetails(page: Page): Promise<AlertDetails>;
  /** The password guard's overlay, in the page or any of its frames. */
  overlayDetails(page: Page): Promise<OverlayDetails>;
  /** A real mouse click on the overlay's control with that label (top frame). */
  clickInOverlay(page: Page, label: string): Promise<void>;
  /** Undo, in the popup for `tabId`, of the user's trust in `host`. */
  undoDismissal(tabId: number, host: string): Promise<void>;
  badgeText(tabId: number): Promise<string>;
  /** When the background last stored the tab's verdict with the page's report (epoch ms). */
  verdictStoredAt(tabId: number): Promise<number | undefined>;
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

/** Chromium from Debian, or wherever $CHROMIUM_PATH says; a clear error when it is missing. */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  const path = fromEnv !== undefined && fromEnv !== '' ? fromEnv : '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}: install it with \`apt-get install -y chromium\` (Debian), or set CHROMIUM_PATH`);
  }
  return path;
}

function manifestKey(distDir: string): string {
  const manifestPath = join(distDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: run \`npm run build\` first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { key?: unknown };
  if (typeof manifest.key !== 'string') throw new Error(`${manifestPath} has no "key": the extension ID would not be stable`);
  return manifest.key;
}

/** Launch flags; without `distDir`, the same browser with no extension (a benchmark's baseline). */
export function chromiumArgs(distDir: string | undefined, { fakeMediaPrompt = true }: { fakeMediaPrompt?: boolean } = {}): string[] {
  return [
    ...(distDir === undefined ? [] : [`--disable-extensions-except=${distDir}`, `--load-extension=${distDir}`]),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Every hostname (doxy.me, d0xy.me, ...) resolves to the demo servers on loopback.
    '--host-resolver-rules=MAP * 127.0.0.1, EXCLUDE localhost',
    // The demo's certificate is self-signed.
    '--ignore-certificate-errors',
    // Camera tests: a fake camera and microphone, and the browser's own permission prompt
    // answered yes, so only the extension's prompt stands between a page and the camera.
    ...(fakeMediaPrompt ? ['--use-fake-ui-for-media-stream'] : []),
    '--use-fake-device-for-media-stream',
  ];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function mergeInto(target: Json, source: Json): Json {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    target[key] = isObject(current) && isObject(value) ? mergeInto(current, value) : value;
  }
  return target;
}

/** Writes `preferences` into the profile's Default/Preferences, over what is there. */
function writePreferences(profileDir: string, preferences: Json): void {
  const dir = join(profileDir, 'Default');
  const file = join(dir, 'Preferences');
  mkdirSync(dir, { recursive: true });
  const existing: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  writeFileSync(file, JSON.stringify(mergeInto(isObject(existing) ? existing : {}, preferences)));
}

/** Where Debian's Chromium keeps its UI languages: only en-US.pak unless chromium-l10n is installed. */
const LOCALES_DIR = '/usr/lib/chromium/locales';

/**
 * What makes Chromium on Linux speak `locale`, measured with Chromium 150 (Debian): the
 * LANGUAGE variable of its environment (also under LC_ALL=C), and the language's .pak. Then
 * i18n.getUILanguage() and the extension's messages follow it. The --lang flag is no way: it
 * switched the extension's catalog but left getUILanguage() and navigator.language in English.
 * Playwright's `locale` sets what pages see (navigator.language, Accept-Language) to match.
 */
export function localeLaunch(locale: string | undefined): { env?: Record<string, string>; locale?: string } {
  if (locale === undefined) return {};
  const pak = join(LOCALES_DIR, `${locale}.pak`);
  if (existsSync(LOCALES_DIR) && !existsSync(pak)) {
    throw new Error(`${pak} is missing: Chromium would stay in English. Install Debian's chromium-l10n (\`apt-get install -y chromium-l10n\`)`);
  }
  const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return { env: { ...env, LANGUAGE: locale }, locale };
}

/** Chromium with the built extension loaded, in a fresh profile that `close()` removes. */
export async function launchExtensionBrowser({
  distDir = DEFAULT_DIST,
  headless = true,
  profileDir: keptProfile,
  fakeMediaPrompt = true,
  preferences,
  locale,
}: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const executablePath = chromiumPath();
  const expectedId = extensionIdFromKey(manifestKey(distDir));
  const profileDir = keptProfile ?? mkdtempSync(join(tmpdir(), 'thg-profile-'));
  let context: BrowserContext | undefined;
  const close = async (): Promise<void> => {
    await context?.close().catch(() => undefined);
    if (keptProfile === undefined) rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    if (preferences !== undefined) writePreferences(profileDir, preferences);
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless,
      args: chromiumArgs(distDir, { fakeMediaPrompt }),
      ...localeLaunch(locale),
      // A real window sizes itself, and Ctrl-C is left to the caller, which closes the
      // browser and removes the profile; headless pages keep Playwright's defaults.
      ...(headless ? {} : { viewport: null, handleSIGINT: false, handleSIGTERM: false }),
    });
    const serviceWorker = await waitForWorker(context, expectedId, 15_000).catch((error: unknown) => {
      throw new Error(`the extension's service worker did not start (is ${distDir} a working build?): ${String(error)}`);
    });
    const extensionId = extensionIdFromUrl(serviceWorker.url());
    if (extensionId !== expectedId) throw new Error(`extension ID ${extensionId} differs from ${expectedId}, the one the manifest key gives`);
    return helpers(context, extensionId, serviceWorker, close);
  } catch (error) {
    await close();
    throw error;
  }
}

function helpers(context: BrowserContext, extensionId: string, serviceWorker: Worker, close: () => Promise<void>): ExtensionBrowser {
  const worker = async (): Promise<Worker> => {
    if (!(await isWorkerRunning(context, extensionId))) {
      // A message from an extension page starts the worker again, as a click on the button
      // would; tab 0 does not exist, so the popup asks and changes nothing.
      const page = await context.newPage();
      try {
        await page.goto(popupUrl(extensionId, 0));
        await pollUntil('the service worker to start again', () => isWorkerRunning(context, extensionId), Boolean);
      } finally {
        await page.close();
      }
    }
    return waitForWorker(context, extensionId);
  };

  const tabIdFor = async (page: Page): Promise<number> => {
    const url = page.url();
    const ids = await pollUntil(
      `the tab showing ${url}`,
      async () => (await worker()).evaluate(async (wanted) => (await chrome.tabs.query({})).filter((tab) => tab.url === wanted).map((tab) => tab.id ?? -1), url),
      (found) => found.length > 0,
    );
    if (ids.length > 1) throw new Error(`${ids.length} tabs show ${url}; close the others first`);
    return ids[0]!;
  };

  return {
    context,
    extensionId,
    serviceWorker,
    worker,
    isWorkerRunning: () => isWorkerRunning(context, extensionId),
    tabIdFor,
    tabState: (tabId, options) => readPopupState(context, extensionId, tabId, options),
    alertPresent: (page) => alertPresent(context, page),
    alertDetails: (page) => alertDetails(context, page),
    overlayDetails: (page) => overlayDetails(context, page),
    clickInOverlay: (page, label) => clickInOverlay(context, page, label),
    undoDismissal: (tabId, host) => undoDismissalInPopup(context, extensionId, tabId, host),
    badgeText: async (tabId) => (await worker()).evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId),
    verdictStoredAt: async (tabId) =>
      (await worker()).evaluate(async (id) => {
        const key = `tab:${id}`;
        const state = (await chrome.storage.session.get(key))[key] as { updatedAt: number; signals: unknown } | undefined;
        return state?.signals ? state.updatedAt : undefined;
      }, tabId),
    stopServiceWorker: () => stopServiceWorker(context, extensionId),
    close,
  };
}
