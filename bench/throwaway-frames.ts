/**
 * A page that makes and drops an empty frame at every animation frame
 * (demo/sites/news.example.org/throwaway-frames.html): every such frame is a new document that
 * each `match_about_blank` content script is injected into, in an isolated world created for
 * it, so the extensions' cost here grows with the page's frame rate, not with its size. The
 * page counts its own requestAnimationFrame callbacks; the figure is callbacks per second over
 * the measured time, with and without each extension, and, with one, how many isolated worlds
 * Chromium created in that time, by world name (CDP Runtime.executionContextCreated).
 *
 * - Chromium is driven over a bare DevTools pipe (bench/pipe-cdp), not Playwright, whose own
 *   utility world would be created in every throwaway frame too, in every browser.
 * - The Runtime domain is on for this measurement only (it is what reports the worlds), in
 *   every browser alike, and nothing else is.
 * - Each browser's time is split into windows taken in rotating rounds, one page open at a
 *   time across all browsers: a machine whose load changes during the run (these are shared
 *   2-core machines) weighs on every side alike, as in the page-cost rounds.
 */
import { startDemoServers } from '../demo/server';
import { roundOrder } from './page-cost';
import { launchPipeBrowser, waitForExtensionWorker, type PipeBrowser } from './pipe-cdp';
import type { SideSpec } from './sides';

export const THROWAWAY_PATH = '/throwaway-frames';

export interface ThrowawaySide {
  spec: SideSpec;
  /** requestAnimationFrame callbacks per second, as the page counted them. */
  fps: number;
  /** Isolated worlds created in the measured time, by name. */
  worlds: Record<string, number>;
  /** Of those, the side's own extension's world (0 without an extension). */
  ownWorlds: number;
}

export interface ThrowawayFrames {
  /** Measured time in each browser, s. */
  seconds: number;
  windows: number;
  sides: ThrowawaySide[];
}

export interface ThrowawayOptions {
  sides: readonly SideSpec[];
  /** Measured time in each browser, s. */
  seconds?: number;
  /** Windows the time is split into. */
  windows?: number;
  /** Time on the page before each window opens (first frames, the extension's first answers). */
  warmupMs?: number;
}

interface PageCount {
  callbacks: number;
  at: number;
}

interface Window {
  callbacks: number;
  ms: number;
  worlds: string[];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One window: the page in a fresh tab, its counter read before and after `windowMs`, the worlds created in between. */
async function measureWindow(browser: PipeBrowser, created: Map<string, string[]>, url: string, warmupMs: number, windowMs: number): Promise<Window> {
  const { targetId } = await browser.send<{ targetId: string }>('Target.createTarget', { url });
  try {
    const { sessionId } = await browser.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    const worlds: string[] = [];
    created.set(sessionId, worlds);
    await browser.send('Runtime.enable', {}, sessionId);
    const count = async (): Promise<PageCount | undefined> => {
      const { result } = await browser.send<{ result: { value?: PageCount } }>(
        'Runtime.evaluate',
        { expression: "typeof throwawayFrames === 'function' ? throwawayFrames() : undefined", returnByValue: true },
        sessionId,
      );
      return result.value;
    };
    const deadline = Date.now() + 10_000;
    while ((await count()) === undefined) {
      if (Date.now() > deadline) throw new Error(`bench: ${url} did not start counting its frames`);
      await sleep(50);
    }
    await sleep(warmupMs);
    const start = (await count())!;
    const before = worlds.length;
    await sleep(windowMs);
    const end = (await count())!;
    created.delete(sessionId);
    return { callbacks: end.callbacks - start.callbacks, ms: end.at - start.at, worlds: worlds.slice(before) };
  } finally {
    await browser.send('Target.closeTarget', { targetId });
  }
}

export async function benchThrowawayFrames({ sides, seconds = 10, windows = 5, warmupMs = 500 }: ThrowawayOptions): Promise<ThrowawayFrames> {
  const servers = await startDemoServers();
  const url = `https://news.example.org:${servers.httpsPort}${THROWAWAY_PATH}`;
  const rounds = Math.min(windows, seconds);
  const windowMs = (seconds * 1_000) / rounds;
  const browsers: { spec: SideSpec; browser: PipeBrowser; created: Map<string, string[]>; windows: Window[] }[] = [];
  try {
    for (const spec of sides) {
      const browser = await launchPipeBrowser(spec.distDir);
      const created = new Map<string, string[]>();
      browsers.push({ spec, browser, created, windows: [] });
      browser.on('Runtime.executionContextCreated', (params, sessionId) => {
        const context = params.context as { name: string; auxData?: { type?: string } };
        if (context.auxData?.type === 'isolated' && sessionId !== undefined) created.get(sessionId)?.push(context.name);
      });
      if (spec.hasServiceWorker) await waitForExtensionWorker(browser);
    }
    for (let round = 0; round < rounds; round++) {
      for (const index of roundOrder(round, browsers.length)) {
        const side = browsers[index]!;
        side.windows.push(await measureWindow(side.browser, side.created, url, warmupMs, windowMs));
      }
    }
  } finally {
    for (const { browser } of browsers) await browser.close();
    await servers.close();
  }
  return {
    seconds,
    windows: rounds,
    sides: browsers.map(({ spec, windows: measured }) => {
      const callbacks = measured.reduce((sum, window) => sum + window.callbacks, 0);
      const ms = measured.reduce((sum, window) => sum + window.ms, 0);
      if (callbacks <= 0) throw new Error(`bench: the throwaway-frames page ran no animation frame in ${spec.label}`);
      const worlds: Record<string, number> = {};
      for (const name of measured.flatMap((window) => window.worlds)) worlds[name] = (worlds[name] ?? 0) + 1;
      return { spec, fps: callbacks / (ms / 1_000), worlds, ownWorlds: spec.world === undefined ? 0 : (worlds[spec.world] ?? 0) };
    }),
  };
}
