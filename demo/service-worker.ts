import type { BrowserContext, Page, Worker } from 'playwright-core';
import { pollUntil } from './wait';

/*
 * Playwright keeps one Worker object per service-worker target, and Chromium keeps that
 * target's ID across a stop and a restart: the object neither closes when the worker stops
 * (its evaluate() then waits) nor gets replaced when it starts again (evaluate() works
 * again). So whether the worker runs is asked of DevTools, never of Playwright.
 */

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

const scopeOf = (extensionId: string): string => `chrome-extension://${extensionId}/`;

/** Is the extension's service worker running now? Asks the browser's target list. */
export async function isWorkerRunning(context: BrowserContext, extensionId: string): Promise<boolean> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser behind this context: cannot list its targets');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.some((target) => target.type === 'service_worker' && target.url.startsWith(scopeOf(extensionId)));
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Playwright's handle on the extension's worker; waits for the first one to appear. */
export async function waitForWorker(context: BrowserContext, extensionId: string, timeoutMs = 10_000): Promise<Worker> {
  const isOurs = (worker: Worker): boolean => worker.url().startsWith(scopeOf(extensionId));
  return context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: timeoutMs }));
}

/**
 * Stops the extension's service worker as Chromium does when it goes idle, and checks that
 * it really stopped: DevTools reports it "stopped" and its target is gone.
 *
 * The CDP session rides on a page that is already open: opening or closing a tab here would
 * fire tabs events, and those wake the worker straight back up.
 */
export async function stopServiceWorker(context: BrowserContext, extensionId: string, via?: Page): Promise<void> {
  const page = via ?? context.pages()[0];
  if (!page) throw new Error('stopServiceWorker needs an open page to talk to DevTools through');
  const versions = new Map<string, WorkerVersion>();
  const cdp = await context.newCDPSession(page);
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }) => {
    for (const version of updated as WorkerVersion[]) versions.set(version.versionId, version);
  });
  const ours = (): Promise<WorkerVersion[]> => Promise.resolve([...versions.values()].filter((v) => v.scriptURL.startsWith(scopeOf(extensionId))));
  try {
    await cdp.send('ServiceWorker.enable');
    const running = await pollUntil("the extension's running worker in DevTools", ours, (list) => list.some((v) => v.runningStatus === 'running'));
    for (const version of running) await cdp.send('ServiceWorker.stopWorker', { versionId: version.versionId });
    await pollUntil("the extension's worker to stop", ours, (list) => list.every((v) => v.runningStatus === 'stopped'));
    if (await isWorkerRunning(context, extensionId)) throw new Error("the extension's service worker target survived the stop");
  } finally {
    await cdp.send('ServiceWorker.disable').catch(() => undefined);
    await cdp.detach().catch(() => undefined);
  }
}
