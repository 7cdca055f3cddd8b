/**
 * Main-thread cost of the extension on page load, in real Chromium: the same typical page
 * (demo/sites/news.example.org/article.html) loaded many times in a browser with the built
 * extension and in one without, reading the renderer's own task and script time (CDP
 * Performance metrics) once the page has loaded and settled.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumArgs, chromiumPath, DEFAULT_DIST } from '../demo/browser';
import { startDemoServers } from '../demo/server';

const RUNS = 21;
/** Time after `load` for the content script's reading and reporting to finish. */
const SETTLE_MS = 400;

export interface PageCost {
  runs: number;
  /** Medians, ms. */
  taskWithout: number;
  taskWith: number;
  scriptWithout: number;
  scriptWith: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function launch(withExtension: boolean): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'thg-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs(withExtension ? DEFAULT_DIST : undefined),
  });
  if (withExtension && context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function measure(context: BrowserContext, url: string): Promise<{ task: number; script: number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string): number => (metrics.find((metric) => metric.name === name)?.value ?? Number.NaN) * 1000;
  await page.close();
  return { task: value('TaskDuration'), script: value('ScriptDuration') };
}

export async function benchPageCost(): Promise<PageCost> {
  const servers = await startDemoServers();
  const url = `https://news.example.org:${servers.httpsPort}/article`;
  const samples = { without: [] as { task: number; script: number }[], with: [] as { task: number; script: number }[] };
  try {
    for (const withExtension of [false, true]) {
      const browser = await launch(withExtension);
      try {
        await measure(browser.context, url); // warm-up: caches, the worker's first start
        for (let run = 0; run < RUNS; run++) samples[withExtension ? 'with' : 'without'].push(await measure(browser.context, url));
      } finally {
        await browser.close();
      }
    }
  } finally {
    await servers.close();
  }
  return {
    runs: RUNS,
    taskWithout: median(samples.without.map((s) => s.task)),
    taskWith: median(samples.with.map((s) => s.task)),
    scriptWithout: median(samples.without.map((s) => s.script)),
    scriptWith: median(samples.with.map((s) => s.script)),
  };
}
