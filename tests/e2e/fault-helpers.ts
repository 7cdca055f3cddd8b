import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import type { ExtensionBrowser } from '../../demo/browser';
import { findAllNodes, findNode, textOf, type DomNode } from '../../demo/dom-tree';
import { createSelfSignedCertificate } from '../../demo/certificate';
import { popupUrl } from '../../demo/popup-state';
import { waitForWorker } from '../../demo/service-worker';
import { pollUntil } from '../../demo/wait';

/*
 * Tools for the fault trials (tests/e2e/faults-*.e2e.test.ts): stopping the extension's
 * service worker at a chosen moment, a look-alike login whose body arrives in two parts,
 * a clock in the page for the time from the user's click to the guard's overlay, and filling
 * the extension's storage areas to their quota.
 */

// ---------------------------------------------------------------------------------------------
// Stopping the worker at a chosen moment

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
  status: 'new' | 'installing' | 'installed' | 'activating' | 'activated' | 'redundant';
}

export interface WorkerControl {
  /**
   * Stops the extension's worker now if it runs or is starting, and waits until DevTools
   * reports it stopped. Nothing to do when it is stopped already. Returns the ms it took.
   */
  stop(): Promise<number>;
  /**
   * Stops it and makes sure it stays stopped for `windowMs`: a tab event queued just before
   * the stop (a tab opened or closed) would start it again at once.
   */
  stopAndKeepStopped(windowMs?: number): Promise<void>;
  /** Running or starting, as DevTools last reported. */
  running(): boolean;
  /** Waits (without waking it) until the worker runs again by itself; false when it did not within `timeoutMs`. */
  waitUntilRunning(timeoutMs: number): Promise<boolean>;
  /** How many stops stopped a running (or starting) worker. */
  readonly stops: number;
  close(): Promise<void>;
}

const scopeOf = (extensionId: string): string => `chrome-extension://${extensionId}/`;
const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One DevTools session kept open for the whole file, on a tab that stays open (opening or
 * closing one would fire tabs events, which wake the worker): a stop is a single
 * `ServiceWorker.stopWorker` sent the moment the test asks, so it lands where the test means
 * it to (right after the commit, at DOMContentLoaded, right after load).
 */
export async function createWorkerControl(browser: ExtensionBrowser, anchor?: Page): Promise<WorkerControl> {
  const page = anchor ?? browser.context.pages()[0];
  if (!page) throw new Error('createWorkerControl needs an open tab to talk to DevTools through');
  const scope = scopeOf(browser.extensionId);
  const versions = new Map<string, WorkerVersion>();
  /** How many times DevTools has reported our worker going from another state to "stopped". */
  let stoppedEvents = 0;
  const cdp: CDPSession = await browser.context.newCDPSession(page);
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }) => {
    for (const version of updated as WorkerVersion[]) {
      if (!version.scriptURL.startsWith(scope)) continue;
      const before = versions.get(version.versionId)?.runningStatus;
      if (version.runningStatus === 'stopped' && before !== undefined && before !== 'stopped') stoppedEvents += 1;
      versions.set(version.versionId, version);
    }
  });
  await cdp.send('ServiceWorker.enable');
  // Right after launch the worker may still be installing (status "new", "installing"): a
  // worker stopped then is started again at once until it is activated.
  await pollUntil(
    "the extension's worker to be activated",
    () => Promise.resolve([...versions.values()]),
    (list) => list.some((v) => v.status === 'activated'),
    { timeoutMs: 30_000 },
  );
  const live = (): WorkerVersion[] => [...versions.values()].filter((v) => v.runningStatus === 'running' || v.runningStatus === 'starting');
  let stops = 0;

  /**
   * A stop is done when DevTools reports the worker stopped after the ask. It may start again
   * right away (an event that was on its way, such as the navigation's own): that is the
   * extension's recovery, which the trials are about.
   */
  const stop = async (): Promise<number> => {
    const start = performance.now();
    const notStopped = (): WorkerVersion[] => [...versions.values()].filter((v) => v.runningStatus !== 'stopped');
    if (notStopped().length === 0) return 0;
    const before = stoppedEvents;
    const deadline = Date.now() + 15_000;
    let askedAt = 0;
    while (stoppedEvents === before) {
      if (Date.now() - askedAt > 1_000) {
        askedAt = Date.now();
        for (const version of notStopped()) {
          if (version.runningStatus !== 'stopping') await cdp.send('ServiceWorker.stopWorker', { versionId: version.versionId }).catch(() => undefined);
        }
      }
      if (Date.now() > deadline) throw new Error(`the worker did not stop: ${JSON.stringify([...versions.values()])}`);
      await tick(5);
    }
    stops += 1;
    return Math.round(performance.now() - start);
  };

  return {
    stop,
    async stopAndKeepStopped(windowMs = 300) {
      for (let attempt = 0; attempt < 10; attempt += 1) {
        // A worker killed while starting starts again for the events it was woken for: let it
        // take them first.
        await pollUntil('the worker to finish starting', () => Promise.resolve(live()), (list) => list.every((v) => v.runningStatus === 'running'), { timeoutMs: 15_000, intervalMs: 10 });
        await stop();
        const end = Date.now() + windowMs;
        while (Date.now() < end && live().length === 0) await tick(10);
        if (live().length === 0) return;
      }
      throw new Error('the worker keeps starting again after being stopped');
    },
    running: () => live().length > 0,
    async waitUntilRunning(timeoutMs) {
      const end = Date.now() + timeoutMs;
      while (live().length === 0) {
        if (Date.now() > end) return false;
        await tick(20);
      }
      return true;
    },
    get stops() {
      return stops;
    },
    async close() {
      await cdp.send('ServiceWorker.disable').catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    },
  };
}

/**
 * The worker's Playwright handle when it runs by itself, without waking it (the harness's
 * `browser.worker()` wakes a stopped worker by opening the popup, which would hide a page
 * that never woke it). Undefined when it is not running.
 */
export async function workerIfRunning(browser: ExtensionBrowser, control: WorkerControl): Promise<Worker | undefined> {
  if (!control.running() || !(await browser.isWorkerRunning())) return undefined;
  return waitForWorker(browser.context, browser.extensionId);
}

/**
 * `promise`, or a rejection after `ms`: a look into a worker that is stopped (or stopping) just
 * then can wait for good in Playwright, and a watch loop must go on.
 */
export function withinMs<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`${what} took over ${ms} ms`));
    }, ms);
  });
  return Promise.race([promise, late]).finally(() => {
    clearTimeout(timer);
  });
}

// ---------------------------------------------------------------------------------------------
// A page that is still loading

const SITES_DIR = fileURLToPath(new URL('../../demo/sites/', import.meta.url));
/** Where demo/sites/d0xy.me/faults/slow-login.html splits into what comes at once and what comes later. */
const LATER_MARKER = '<!-- faults: the rest of the page arrives later -->';
/**
 * Sent after the first part so that Chromium has plenty to parse and lay out at once (it may
 * wait for about a kilobyte before it starts).
 */
const PADDING = `<!-- ${' '.repeat(4096)} -->\n`;

export interface SlowPageServer {
  port: number;
  /** The slow login on `host` (a host with a `faults/slow-login.html`); `token` names this load for `release`. */
  url(host: string, token: string): string;
  /** Sends the rest of that load's page: it can finish loading now. */
  release(token: string): void;
  close(): Promise<void>;
}

/**
 * An https server of the fault tests' own (the demo server serves whole files at once): it
 * sends `demo/sites/<host>/faults/slow-login.html` up to its marker, then holds the rest
 * until the test releases it (or `maxHoldMs` passes), so the page is still loading, with its
 * password field on screen, for as long as the test wants. Every hostname resolves to
 * loopback in the test browser, so `https://d0xy.me:<port>/…` reaches it.
 */
export async function startSlowPageServer({ maxHoldMs = 20_000 }: { maxHoldMs?: number } = {}): Promise<SlowPageServer> {
  const held = new Map<string, () => void>();
  const early = new Set<string>();
  const serve = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const host = (request.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
    const url = new URL(request.url ?? '/', 'https://placeholder');
    if (!/^[a-z0-9.-]+$/.test(host) || host.includes('..') || url.pathname !== '/faults/slow-login') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    const page = await readFile(`${SITES_DIR}${host}/faults/slow-login.html`, 'utf8').catch(() => undefined);
    const at = page?.indexOf(LATER_MARKER) ?? -1;
    if (page === undefined || at < 0) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'",
    });
    response.write(page.slice(0, at) + PADDING);
    const token = url.searchParams.get('t') ?? '';
    const finish = (): void => {
      held.delete(token);
      clearTimeout(timer);
      if (!response.writableEnded) response.end(page.slice(at));
    };
    const timer = setTimeout(finish, maxHoldMs);
    if (early.delete(token)) finish();
    else held.set(token, finish);
    response.on('close', () => {
      clearTimeout(timer);
      held.delete(token);
    });
  };
  const server: Server = createServer(createSelfSignedCertificate(), (request, response) => {
    serve(request, response).catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve((server.address() as AddressInfo).port);
    });
  });
  return {
    port,
    url: (host, token) => `https://${host}:${port}/faults/slow-login?t=${encodeURIComponent(token)}`,
    release(token) {
      const finish = held.get(token);
      if (finish) finish();
      else early.add(token);
    },
    close: () =>
      new Promise((resolve) => {
        for (const finish of [...held.values()]) finish();
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// The page's clock: from the user's click to the overlay

export interface GuardClock {
  /** performance.now() at the first pointerdown on the page. */
  downAt?: number;
  /** performance.now() when the guard's overlay element was first put into the page after it. */
  overlayAt?: number;
  /** performance.now() at DOMContentLoaded. */
  parsedAt?: number;
}

const CLOCK_KEY = '__faultsGuardClock';

/**
 * Notes, in the page's own timeline, when the user pressed the mouse and when the guard's
 * overlay element entered the document (a MutationObserver's callback runs at the end of the
 * very task that added it). Installed before the page's own scripts; the overlay's insides
 * stay out of reach in its closed shadow root, only the element's arrival is seen.
 */
export async function installGuardClock(page: Page): Promise<void> {
  await page.addInitScript((key) => {
    const clock: { downAt?: number; overlayAt?: number; parsedAt?: number } = {};
    Object.defineProperty(window, key, { value: clock });
    window.addEventListener(
      'pointerdown',
      () => {
        clock.downAt ??= performance.now();
      },
      true,
    );
    document.addEventListener('DOMContentLoaded', () => {
      clock.parsedAt ??= performance.now();
    });
    new MutationObserver((records) => {
      if (clock.downAt === undefined || clock.overlayAt !== undefined) return;
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeName === 'TELEHEALTH-GUARD-OVERLAY') {
            clock.overlayAt = performance.now();
            return;
          }
        }
      }
    }).observe(document, { childList: true, subtree: true });
  }, CLOCK_KEY);
}

export function readGuardClock(page: Page): Promise<GuardClock> {
  return page.evaluate((key) => ({ ...((window as unknown as Record<string, GuardClock | undefined>)[key] ?? {}) }), CLOCK_KEY);
}

// ---------------------------------------------------------------------------------------------
// Controls inside the overlay's closed shadow root


/**
 * The text of every guard overlay in the page's top document, in document order: the last one
 * is the one on top (each is a modal dialog in the top layer, the last shown above the others).
 * There should never be more than one.
 */
export async function overlayTexts(context: BrowserContext, page: Page): Promise<string[]> {
  const cdp = await context.newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    return findAllNodes(root, (node) => node.nodeName === 'TELEHEALTH-GUARD-OVERLAY').map((host) => (host.shadowRoots?.[0] ? textOf(host.shadowRoots[0]) : ''));
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * The attributes of the overlay's control labelled `label` (the top one, in the top frame), read through DevTools
 * with shadow roots pierced: `data-proof-state` says whether a click on it would count yet
 * (content/click-proof: `ready`, or `untracked` where the browser cannot tell visibility).
 */
export async function overlayControlAttributes(context: BrowserContext, page: Page, label: string): Promise<Record<string, string> | undefined> {
  const cdp = await context.newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const overlay = findAllNodes(root, (node) => node.nodeName === 'TELEHEALTH-GUARD-OVERLAY').at(-1);
    const control = overlay && findNode(overlay, (node) => (node.nodeName === 'BUTTON' || node.nodeName === 'A') && textOf(node) === label);
    if (!control) return undefined;
    const attributes = control.attributes ?? [];
    const result: Record<string, string> = {};
    for (let i = 0; i + 1 < attributes.length; i += 2) result[attributes[i]!] = attributes[i + 1]!;
    return result;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Storage areas filled to their quota

export type StorageAreaName = 'session' | 'local';
const FILL_PREFIX = 'faults-fill:';

/**
 * Fills `chrome.storage.<area>` from the worker until not even 100 more bytes fit: big values
 * first, then ever smaller ones, each until the browser refuses with its quota error.
 * Returns how much was written and the browser's own words for the refusal.
 */
export function fillStorageArea(worker: Worker, area: StorageAreaName): Promise<{ keys: number; bytes: number; refusal: string }> {
  return worker.evaluate(
    async ({ areaName, prefix }) => {
      const store = chrome.storage[areaName];
      let keys = 0;
      let bytes = 0;
      let refusal = '';
      // Each size fits a few times at most once the one four times bigger was refused; what is
      // left is less than any verdict, site or choice the extension saves. (storage.session
      // takes very short values without counting them fully: it stops at 64 bytes.)
      const sizes = [1 << 20, 1 << 18, 1 << 16, 1 << 14, 1 << 12, 1 << 10, 256, 64, ...(areaName === 'local' ? [16] : [])];
      for (const size of sizes) {
        const value = 'x'.repeat(size);
        for (let fitted = 0; ; fitted += 1) {
          if (bytes > 64 << 20 || fitted > 100) throw new Error(`storage.${areaName} took ${bytes} bytes without refusing: no quota?`);
          try {
            await store.set({ [`${prefix}${keys}`]: value });
            keys += 1;
            bytes += size;
          } catch (error) {
            refusal = error instanceof Error ? error.message : String(error);
            if (!/quota/i.test(refusal)) throw error;
            break;
          }
        }
      }
      // What is left is too little for anything of the extension's.
      const probe = await store.set({ [`${prefix}probe`]: 'x'.repeat(100) }).then(
        () => 'stored',
        (error: unknown) => String(error),
      );
      if (probe === 'stored') throw new Error(`storage.${areaName} still took 100 bytes after being filled`);
      return { keys, bytes, refusal };
    },
    { areaName: area, prefix: FILL_PREFIX },
  );
}

/** Takes the filler back out (only what fillStorageArea wrote). */
export async function emptyStorageArea(worker: Worker, area: StorageAreaName): Promise<number> {
  return worker.evaluate(
    async ({ areaName, prefix }) => {
      const store = chrome.storage[areaName];
      const keys = Object.keys(await store.get(null)).filter((key) => key.startsWith(prefix));
      await store.remove(keys);
      return keys.length;
    },
    { areaName: area, prefix: FILL_PREFIX },
  );
}

// ---------------------------------------------------------------------------------------------
// What the badge and the popup say, for many tabs at once

/** The badge text for each level (background/badge.ts). */
export const BADGE_FOR_LEVEL: Readonly<Record<string, string>> = { verified: '✓', neutral: '', caution: '!', danger: '!!' };

export interface TabReading {
  tabId: number;
  url: string;
  /** storage.session holds a verdict for this address made with the page's own reading. */
  judged: boolean;
  /** What is stored otherwise: `none`, `address only`, `another address`. */
  stored: string;
  /** The tab's loading status, as the browser reports it. */
  status: string | undefined;
  /** When the stored verdict was made (epoch ms; the background's clock is this machine's). */
  updatedAt: number | undefined;
}

/** For each open tab showing one of `urls`: whether the background has stored its page's verdict. */
export function readStoredVerdicts(worker: Worker, urls: readonly string[]): Promise<TabReading[]> {
  return worker.evaluate(async (wanted) => {
    const tabs = await chrome.tabs.query({});
    const stored = await chrome.storage.session.get(null);
    return tabs
      .filter((tab) => tab.id !== undefined && tab.url !== undefined && wanted.includes(tab.url))
      .map((tab) => {
        const state = stored[`tab:${tab.id}`] as { url?: string; signals?: unknown; updatedAt?: number } | undefined;
        const judged = state !== undefined && state.url === tab.url && state.signals !== null && state.signals !== undefined;
        const what = state === undefined ? 'none' : state.url !== tab.url ? 'another address' : judged ? 'judged' : 'address only';
        return { tabId: tab.id!, url: tab.url!, judged, stored: what, status: tab.status, updatedAt: state?.updatedAt };
      });
  }, urls);
}

export function readBadges(worker: Worker, tabIds: readonly number[]): Promise<string[]> {
  return worker.evaluate((ids) => Promise.all(ids.map((tabId) => chrome.action.getBadgeText({ tabId }))), tabIds);
}

export interface PopupAnswer {
  level: string | undefined;
  findings: string[];
  hasPageSignals: boolean;
}

/**
 * What the popup is told for each tab: the very message it sends (`get-tab-state`), sent from
 * an open popup page for every tab at once (opening one popup per tab would take a second each).
 */
export async function popupAnswers(browser: ExtensionBrowser, tabIds: readonly number[]): Promise<PopupAnswer[]> {
  const page = await browser.context.newPage();
  try {
    await page.goto(popupUrl(browser.extensionId, tabIds[0] ?? 0));
    return await page.evaluate(
      (ids) =>
        Promise.all(
          ids.map(async (tabId) => {
            type Reply = { ok: boolean; value?: { verdict: { level: string; findings: { code: string }[] }; signals: unknown } | null } | undefined;
            const reply = await chrome.runtime.sendMessage<unknown, Reply>({ type: 'get-tab-state', tabId });
            const state = reply?.ok === true ? reply.value : undefined;
            return {
              level: state?.verdict.level,
              findings: state?.verdict.findings.map((finding) => finding.code) ?? [],
              hasPageSignals: state?.signals !== null && state?.signals !== undefined,
            };
          }),
        ),
      tabIds,
    );
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Figures

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}
