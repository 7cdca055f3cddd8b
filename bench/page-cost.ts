/**
 * Main-thread cost of the extension on page load, in real Chromium: the same typical page
 * (demo/sites/news.example.org/article.html, or another) loaded many times in a browser with
 * the built extension and in one without, reading the CPU time the page's main thread spent on
 * JavaScript from a Chromium trace (bench/trace-cpu) and the renderer's own task and script
 * time (CDP Performance metrics) once the page has loaded and settled.
 *
 * What makes the comparison fair, and checked rather than assumed:
 * - The browsers run side by side and take turns, load for load, in rounds whose order
 *   rotates (without-with, with-without, ...): a machine that slows down or speeds up during
 *   the run (another process, CPU clock) weighs on every side alike. A third browser with
 *   another build of the extension (`baselineDist`, e.g. the code before a change) can take
 *   its turn in the same rounds: before/after figures from one run, under the same load.
 * - Warm-up loads in each browser first (disk and HTTP caches, the service worker's first
 *   start, V8's code cache for our content script), not counted.
 * - Every counted load is checked to be the same page: the server saw exactly one request for
 *   it and answered 200, the browser ended on it, and the page has the same elements in every
 *   browser. The counts of loads are then checked to be equal.
 * - One warm-up load in each browser asks Chromium which script worlds the page got: the
 *   extension's content script must be there with the extension and absent without.
 * - The metrics are read twice, CHECK_MS apart, after the settle time: a load whose script
 *   time still grew is counted as unsettled, so a too-short settle time shows.
 * - Medians with the 25th and 75th percentiles, per side and for the load-for-load
 *   differences: a spread wider than the difference says the difference is noise.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumArgs, chromiumPath, DEFAULT_DIST } from '../demo/browser';
import { startDemoServers, type DemoServers } from '../demo/server';
import { scriptCpuOf, TRACE_CATEGORIES, type TraceEvent } from './trace-cpu';

const EXTENSION_NAME = 'Telehealth Guard';
/** The typical page: an article with a sign-in form and a video, and no script of its own. */
export const ARTICLE_PATH = '/article';
/** The same article with the kind of start-up script most sites run. */
export const SCRIPTED_ARTICLE_PATH = '/article-with-script';
/** The metrics are read twice, this far apart: the second reading is the sample. */
const CHECK_MS = 200;

export interface PageCostOptions {
  /** The page on news.example.org; ARTICLE_PATH by default. */
  pagePath?: string;
  /** Counted loads in each browser. */
  runs?: number;
  /** Loads in each browser before counting. */
  warmups?: number;
  /** The built extension; dist/ by default. */
  distDir?: string;
  /** Another build of the extension, measured in the same rounds (before/after a change). */
  baselineDist?: string | undefined;
  /**
   * Time after `load` for the page's reading to finish (the background reads it once it has
   * been parsed, and again when the start-up lists change it, some 250 ms after navigation
   * here). Checked: see `unsettled`.
   */
  settleMs?: number;
}

/** 25th percentile, median, 75th percentile, ms. */
export interface Spread {
  p25: number;
  median: number;
  p75: number;
}

/** What one load cost the page's renderer main thread, ms. */
export interface Sample {
  /** The main thread's CPU time on JavaScript (compiling, running, collecting its garbage), from a trace: bench/trace-cpu. */
  cpu: number;
  /** TaskDuration: wall time of every task the main thread ran (script, parsing, style, layout, GC, IPC). */
  task: number;
  /** ScriptDuration: wall time running JavaScript, in every world (the page has none of its own). */
  script: number;
  /** ThreadTime: the main thread's CPU time; unlike the two above, not stretched while the thread waits for a core. */
  thread: number;
}

export const METRICS = ['cpu', 'task', 'script', 'thread'] as const;
export type Metric = (typeof METRICS)[number];
export type Spreads = Record<Metric, Spread>;

/** One browser's figures: its own, and the difference to the browser without the extension in the same rounds. */
export interface SideCost {
  own: Spreads;
  /** Median per load of `cpu` by what ran (the hook, the content script, the background's injections, garbage collection...). */
  cpuBySource: Record<string, number>;
  /** This browser − the one without the extension, round by round. */
  added: Spreads;
  samples: Sample[];
  /**
   * Counted loads whose script time still grew in the last CHECK_MS after the settle time:
   * something still ran, and the sample may miss some of its cost. Should be 0.
   */
  unsettled: number;
}

export interface PageCost {
  runs: number;
  warmups: number;
  /** Elements on the page (the same in every browser: checked). */
  elements: number;
  without: SideCost;
  with: SideCost;
  /** The `baselineDist` build, when one was given. */
  baseline?: SideCost;
}

/** Linear interpolation between order statistics (the usual "type 7" quantile). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

export function spreadOf(values: readonly number[]): Spread {
  return { p25: quantile(values, 0.25), median: quantile(values, 0.5), p75: quantile(values, 0.75) };
}

/**
 * The order in which `sides` browsers load the page in a round: rotated by one each round, so
 * that over the rounds each goes first (and last) equally often. Two sides: 0-1, 1-0, 0-1, ...
 */
export function roundOrder(round: number, sides: number): number[] {
  return Array.from({ length: sides }, (_, index) => (round + index) % sides);
}

function spreadsOf(samples: readonly Sample[]): Spreads {
  return Object.fromEntries(METRICS.map((metric) => [metric, spreadOf(samples.map((sample) => sample[metric]))])) as Spreads;
}

/** Figures for one side; `reference` are the no-extension loads of the same rounds. */
export function sideCost(samples: readonly Sample[], reference: readonly Sample[], unsettled = 0, bySource: readonly Record<string, number>[] = []): SideCost {
  if (samples.length !== reference.length) throw new Error(`bench: ${samples.length} loads against ${reference.length}`);
  const differences = samples.map((sample, index) => {
    const other = reference[index]!;
    return { cpu: sample.cpu - other.cpu, task: sample.task - other.task, script: sample.script - other.script, thread: sample.thread - other.thread };
  });
  const sources = [...new Set(bySource.flatMap((loads) => Object.keys(loads)))];
  const cpuBySource = Object.fromEntries(sources.map((source) => [source, quantile(bySource.map((loads) => loads[source] ?? 0), 0.5)]));
  return { own: spreadsOf(samples), added: spreadsOf(differences), cpuBySource, samples: [...samples], unsettled };
}

/** What ran, by its script's address: ours by file name, the page's own, or injected code (no address). */
export function sourceOfScript(url: string, pageUrl: string): string {
  if (url === '') return 'injected by the background';
  if (url === pageUrl) return "the page's own script";
  if (url.endsWith('/main-world/page-hook.js')) return 'page-world hook';
  if (url.endsWith('/content/index.js')) return 'content script';
  if (url.endsWith('/content/page-ui.js')) return 'page UI';
  return 'other';
}

interface Side {
  /** The built extension, or undefined for the browser without it. */
  distDir: string | undefined;
  context: BrowserContext;
  close: () => Promise<void>;
  loads: number;
  samples: Sample[];
  bySource: Record<string, number>[];
  unsettled: number;
}

async function launch(distDir: string | undefined): Promise<Side> {
  const profile = mkdtempSync(join(tmpdir(), 'thg-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs(distDir),
  });
  if (distDir !== undefined && context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  return {
    distDir,
    context,
    loads: 0,
    samples: [],
    bySource: [],
    unsettled: 0,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

interface Load extends Sample {
  cpuBySource: Record<string, number>;
  elements: number;
  unsettled: boolean;
  /** Names of the isolated (extension) worlds the page got, when asked for. */
  isolatedWorlds?: string[];
}

async function load(side: Side, servers: DemoServers, url: string, settleMs: number, listWorlds = false): Promise<Load> {
  const page = await side.context.newPage();
  const cdp = await side.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  const isolatedWorlds: string[] = [];
  if (listWorlds) {
    // Only on a warm-up load: the Runtime domain has a cost of its own.
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const aux = context.auxData as { type?: string } | undefined;
      if (aux?.type === 'isolated') isolatedWorlds.push(context.name);
    });
    await cdp.send('Runtime.enable');
  }
  await cdp.send('Performance.enable');
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
  const served = servers.requests.length;
  const response = await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(settleMs);
  const read = async (): Promise<Omit<Sample, 'cpu'>> => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const value = (name: string): number => (metrics.find((metric) => metric.name === name)?.value ?? Number.NaN) * 1000;
    return { task: value('TaskDuration'), script: value('ScriptDuration'), thread: value('ThreadTime') };
  };
  const settled = await read();
  await page.waitForTimeout(CHECK_MS);
  const sample = await read();
  await cdp.send('Tracing.end');
  await traced;
  const cpu = scriptCpuOf(events, url, (scriptUrl) => sourceOfScript(scriptUrl, url));
  // Checked after the metrics are read: these reads are no part of the page's load.
  const path = new URL(url).pathname;
  const hits = servers.requests.slice(served).filter((request) => request.path === path);
  if (response?.status() !== 200 || hits.length !== 1 || hits[0]!.status !== 200 || page.url() !== url) {
    throw new Error(`bench: ${url} did not load once with status 200 (${hits.length} requests, status ${response?.status()}, at ${page.url()})`);
  }
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  await page.close();
  side.loads++;
  return { ...sample, cpu: cpu.total, cpuBySource: cpu.bySource, elements, unsettled: sample.script - settled.script > 0.05, ...(listWorlds ? { isolatedWorlds } : {}) };
}

export async function benchPageCost({ pagePath = ARTICLE_PATH, runs = 21, warmups = 3, distDir = DEFAULT_DIST, baselineDist, settleMs = 600 }: PageCostOptions = {}): Promise<PageCost> {
  const servers = await startDemoServers();
  const url = `https://news.example.org:${servers.httpsPort}${pagePath}`;
  const elements = new Set<number>();
  const sides: Side[] = [];
  try {
    // Without the extension first: the reference every other side is compared with.
    for (const dist of [undefined, distDir, ...(baselineDist === undefined ? [] : [baselineDist])]) sides.push(await launch(dist));

    for (const side of sides) {
      const extension = side.distDir !== undefined;
      const worlds = (await load(side, servers, url, settleMs, true)).isolatedWorlds ?? [];
      if (worlds.includes(EXTENSION_NAME) !== extension) {
        throw new Error(`bench: the content script ${extension ? 'did not run with' : 'ran without'} the extension (${side.distDir ?? 'none'}; worlds: ${worlds.join(', ') || 'none'})`);
      }
      for (let run = 1; run < warmups; run++) await load(side, servers, url, settleMs);
    }

    for (let round = 0; round < runs; round++) {
      for (const index of roundOrder(round, sides.length)) {
        const side = sides[index]!;
        const result = await load(side, servers, url, settleMs);
        elements.add(result.elements);
        side.samples.push({ cpu: result.cpu, task: result.task, script: result.script, thread: result.thread });
        side.bySource.push(result.cpuBySource);
        if (result.unsettled) side.unsettled++;
      }
    }
    if (sides.some((side) => side.loads !== sides[0]!.loads || side.samples.length !== runs)) {
      throw new Error(`bench: unequal loads (${sides.map((side) => side.loads).join(', ')})`);
    }
    // Our alert or overlay on this page would be a cost of its own, and a different page.
    if (elements.size !== 1) throw new Error(`bench: the page did not have the same elements in every load (${[...elements].join(', ')})`);
  } finally {
    for (const side of sides) await side.close();
    await servers.close();
  }
  const [without, withExtension, baseline] = sides.map((side) => sideCost(side.samples, sides[0]!.samples, side.unsettled, side.bySource));
  return { runs, warmups, elements: [...elements][0]!, without: without!, with: withExtension!, ...(baseline ? { baseline } : {}) };
}
