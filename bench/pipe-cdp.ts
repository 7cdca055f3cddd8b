/**
 * Chromium driven over a bare DevTools pipe (`--remote-debugging-pipe`: JSON messages ended by
 * a NUL byte, on file descriptors 3 and 4), for measurements that Playwright's instrumentation
 * would disturb: Playwright asks for its utility world in every new document of its pages,
 * so a page that makes a frame per animation frame would get one isolated world per frame
 * from the test driver, in every browser. Here nothing is attached but what the bench asks.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { chromiumArgs, chromiumPath } from '../demo/browser';

type Params = Record<string, unknown>;
type Handler = (params: Params, sessionId: string | undefined) => void;

interface Message {
  id?: number;
  method?: string;
  params?: Params;
  result?: unknown;
  error?: { message: string };
  sessionId?: string;
}

export interface PipeBrowser {
  /** A CDP command to the browser, or to an attached target's session. */
  send<T = Params>(method: string, params?: Params, sessionId?: string): Promise<T>;
  /** Every event of that name, from any session. */
  on(method: string, handler: Handler): void;
  close(): Promise<void>;
}

/** Chromium with the extension in `distDir` (none when undefined), headless, in a fresh profile removed on close. */
export async function launchPipeBrowser(distDir: string | undefined): Promise<PipeBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'thg-bench-pipe-'));
  const child = spawn(
    chromiumPath(),
    [
      ...chromiumArgs(distDir),
      '--headless',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      // As Playwright launches it: a page is never slowed for being in the background.
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
      '--disable-renderer-backgrounding',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; method: string }>();
  const handlers = new Map<string, Handler[]>();
  let nextId = 1;
  let buffered = '';
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk: string) => {
    buffered += chunk;
    let end: number;
    while ((end = buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffered.slice(0, end)) as Message;
      buffered = buffered.slice(end + 1);
      if (message.id !== undefined) {
        const call = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) call?.reject(new Error(`bench: ${call.method}: ${message.error.message}`));
        else call?.resolve(message.result);
      } else if (message.method !== undefined) {
        for (const handler of handlers.get(message.method) ?? []) handler(message.params ?? {}, message.sessionId);
      }
    }
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  void exited.then(() => {
    for (const call of pending.values()) call.reject(new Error(`bench: Chromium exited during ${call.method}`));
    pending.clear();
  });

  const browser: PipeBrowser = {
    send: <T>(method: string, params: Params = {}, sessionId?: string) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, method });
        toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId === undefined ? {} : { sessionId }) })}\0`);
      }),
    on: (method, handler) => {
      handlers.set(method, [...(handlers.get(method) ?? []), handler]);
    },
    close: async () => {
      await browser.send('Browser.close').catch(() => undefined);
      const killed = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killed);
      rmSync(profile, { recursive: true, force: true });
    },
  };
  try {
    await browser.send('Browser.getVersion');
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}

/** Waits until the browser lists an extension service worker (its first start is no part of what is measured). */
export async function waitForExtensionWorker(browser: PipeBrowser, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { targetInfos } = await browser.send<{ targetInfos: { type: string; url: string }[] }>('Target.getTargets');
    if (targetInfos.some((target) => target.type === 'service_worker' && target.url.startsWith('chrome-extension://'))) return;
    if (Date.now() > deadline) throw new Error(`bench: no extension service worker started within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
