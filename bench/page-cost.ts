/**
 * Main-thread cost of the extension on page load, in real Chromium: the same typical page
 * (demo/sites/news.example.org/article.html, or another) loaded many times in a browser with
 * the built extension and in one without, reading the CPU time the page's renderer main threads
 * (the top frame's, and its frames' in other processes) spent on JavaScript from a Chromium
 * trace (bench/trace-cpu) and the top renderer's own task and script time (CDP Performance
 * metrics) once the page has loaded and settled. Other extensions (peers) can take their turn
 * in the same rounds, each in a browser of its own (bench/sides).
 *
 * What makes the comparison fair, and checked rather than assumed:
 * - The browsers run side by side and take turns, load for load, in rounds whose order
 *   rotates (without-with, with-without, ...): a machine that slows down or speeds up during
 *   the run (another process, CPU clock) weighs on every side alike. A browser with another
 *   build of the extension (a baseline, e.g. the code before a change) or another extension
 *   can take its turn in the same rounds: before/after and side-by-side figures from one run,
 *   under the same load.
 * - Warm-up loads in each browser first (disk and HTTP caches, the service worker's first
 *   start, V8's code cache for our content script), not counted.
 * - Every counted load is checked to be the same page: the server saw exactly one request for
 *   it and answered 200 (and one for each of its frames), the browser ended on it, the trace
 *   shows every frame's document parsed, and the page has the same elements in every load of
 *   a browser, and in our builds' as without any extension. The counts of loads are then
 *   checked to be equal.
 * - One warm-up load in each browser asks Chromium which script worlds the page got: each
 *   extension's own world (named after it) must be there, and none without an extension.
 * - The metrics are read twice, CHECK_MS apart, after the settle time: a load whose script
 *   time still grew is counted as unsettled, so a too-short settle time shows.
 * - A load whose trace misses a frame's document, or the page's own, is incomplete, its CPU
 *   figure too (seen on a loaded machine, with every frame served: most likely a renderer process that started during
 *   the trace and lost its first events): it is loaded again, up to RETRIES times, and the
 *   count of such loads is printed.
 * - Medians with the 25th and 75th percentiles, per side and for the load-for-load
 *   differences: a spread wider than the difference says the difference is noise.
 */
import type { Page } from 'playwright-core';
import { startDemoServers, type DemoServers } from '../demo/server';
import { sourceOfScript } from './script-source';
import { keepsElements, launchSide, namingOf, type SideBrowser, type SideSpec } from './sides';
import { pairedDifferences, quantile, spreadOf, type Spread } from './stats';
import { IncompleteTrace, scriptCpuOf, TRACE_CATEGORIES, type TraceEvent } from './trace-cpu';

// Older imports of these from here keep working.
export { quantile, spreadOf, type Spread } from './stats';

/** The typical page: an article with a sign-in form and a video, and no script of its own. */
export const ARTICLE_PATH = '/article';
/** The same article with the kind of start-up script most sites run. */
export const SCRIPTED_ARTICLE_PATH = '/article-with-script';
/** The same article with twelve third-party frames (ads, a video embed, social widgets). */
export const FRAMES_PATH = '/frames';
export const FRAMES_ON_FRAMES_PAGE = 12;

/** The pages `npm run bench` measures, by the names its JSON gives them. */
export const BENCH_PAGES: readonly { key: string; path: string; frames: number; description: string }[] = [
  { key: 'article', path: ARTICLE_PATH, frames: 0, description: 'typical article, no script of its own' },
  { key: 'article-with-script', path: SCRIPTED_ARTICLE_PATH, frames: 0, description: 'the same article with a start-up script of its own' },
  { key: 'frames', path: FRAMES_PATH, frames: FRAMES_ON_FRAMES_PAGE, description: `the same article with ${FRAMES_ON_FRAMES_PAGE} third-party frames (ads, a video embed, social widgets)` },
];

/** The metrics are read twice, this far apart: the second reading is the sample. */
const CHECK_MS = 200;
/** Loads again after a trace that missed a document, before the run fails. */
const RETRIES = 3;


export interface PageCostOptions {
  /** The page on news.example.org; ARTICLE_PATH by default. */
  pagePath?: string;
  /** Frames the page loads (each from another site); every load must show them all parsed. */
  frames?: number;
  /** Counted loads in each browser. */
  runs?: number;
  /** Loads in each browser before counting. */
  warmups?: number;
  /** The browsers, the one without an extension first: every other side is compared with it. */
  sides: readonly SideSpec[];
  /**
   * Time after `load` for the page's reading to finish (the background reads it once it has
   * been parsed, and again when the start-up lists change it, some 250 ms after navigation
   * here). Checked: see `unsettled`.
   */
  settleMs?: number;
}

/** What one load cost the page's renderers, ms. */
export interface Sample {
  /** CPU time on JavaScript (compiling, running, collecting its garbage) on the main threads of the page's renderers, from a trace: bench/trace-cpu. */
  cpu: number;
  /** TaskDuration: wall time of every task the top renderer's main thread ran (script, parsing, style, layout, GC, IPC). */
  task: number;
  /** ScriptDuration: wall time running JavaScript in the top renderer, in every world. */
  script: number;
  /** ThreadTime: the top renderer main thread's CPU time; unlike the two above, not stretched while the thread waits for a core. */
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

export interface MeasuredSide extends SideCost {
  spec: SideSpec;
  /** Loads done again because their trace missed a frame (see RETRIES). */
  retried: number;
  /** Elements on the page in this browser (the same in every load: checked). */
  elements: number;
}

export interface PageCost {
  pagePath: string;
  runs: number;
  warmups: number;
  /** Frames every load showed parsed. */
  frames: number;
  /** In the order given: the browser without an extension first. */
  sides: MeasuredSide[];
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
  const differences = Object.fromEntries(METRICS.map((metric) => [metric, spreadOf(pairedDifferences(samples.map((s) => s[metric]), reference.map((r) => r[metric])))])) as Spreads;
  const sources = [...new Set(bySource.flatMap((loads) => Object.keys(loads)))];
  const cpuBySource = Object.fromEntries(sources.map((source) => [source, quantile(bySource.map((loads) => loads[source] ?? 0), 0.5)]));
  return { own: spreadsOf(samples), added: differences, cpuBySource, samples: [...samples], unsettled };
}

interface Side {
  browser: SideBrowser;
  loads: number;
  samples: Sample[];
  bySource: Record<string, number>[];
  elements: Set<number>;
  unsettled: number;
  retried: number;
}

interface Load extends Sample {
  cpuBySource: Record<string, number>;
  elements: number;
  unsettled: boolean;
  /** Names of the isolated (extension) worlds the page got, when asked for. */
  isolatedWorlds?: string[];
}

async function load(side: Side, servers: DemoServers, url: string, frames: number, settleMs: number, listWorlds = false): Promise<Load> {
  const page = await side.browser.context.newPage();
  try {
    return await loadIn(page, side, servers, url, frames, settleMs, listWorlds);
  } finally {
    // Also after a failed load: an incomplete trace is loaded again in a new tab.
    await page.close();
  }
}

async function loadIn(page: Page, side: Side, servers: DemoServers, url: string, frames: number, settleMs: number, listWorlds: boolean): Promise<Load> {
  const { context, spec } = side.browser;
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  const isolatedWorlds: string[] = [];
  if (listWorlds) {
    // Only on a warm-up load: the Runtime domain has a cost of its own.
    cdp.on('Runtime.executionContextCreated', ({ context: created }) => {
      const aux = created.auxData as { type?: string } | undefined;
      if (aux?.type === 'isolated') isolatedWorlds.push(created.name);
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
  const cpu = scriptCpuOf(events, url, (scriptUrl) => sourceOfScript(scriptUrl, url, namingOf(spec)));
  // Checked after the metrics are read: these reads are no part of the page's load.
  const { pathname, host } = new URL(url);
  const requests = servers.requests.slice(served);
  const hits = requests.filter((request) => request.path === pathname);
  if (response?.status() !== 200 || hits.length !== 1 || hits[0]!.status !== 200 || page.url() !== url) {
    throw new Error(`bench: ${url} did not load once with status 200 (${hits.length} requests, status ${response?.status()}, at ${page.url()})`);
  }
  const frameRequests = requests.filter((request) => request.host !== host);
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  const served200 = frameRequests.length === frames && frameRequests.every((request) => request.status === 200);
  if (!served200 || cpu.framesParsed !== frames) {
    const message =
      `bench: ${url} in ${spec.label}: ${frames} frames expected, ${frameRequests.length} requested from other hosts ` +
      `(statuses ${[...new Set(frameRequests.map((request) => request.status))].join(', ') || 'none'}), ${cpu.framesParsed} parsed in the trace`;
    throw served200 ? new IncompleteTrace(message) : new Error(message);
  }
  side.loads++;
  return { ...sample, cpu: cpu.total, cpuBySource: cpu.bySource, elements, unsettled: sample.script - settled.script > 0.05, ...(listWorlds ? { isolatedWorlds } : {}) };
}

/** `load`, again after a trace that missed a frame; the side counts such loads. */
async function completeLoad(side: Side, servers: DemoServers, url: string, frames: number, settleMs: number, listWorlds = false): Promise<Load> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await load(side, servers, url, frames, settleMs, listWorlds);
    } catch (error) {
      if (!(error instanceof IncompleteTrace) || attempt === RETRIES) throw error;
      side.retried++;
    }
  }
}

export async function benchPageCost({ pagePath = ARTICLE_PATH, frames = 0, runs = 21, warmups = 3, sides: specs, settleMs = 600 }: PageCostOptions): Promise<PageCost> {
  if (specs[0]?.role !== 'without') throw new Error('bench: the browser without an extension comes first');
  const servers = await startDemoServers();
  const url = `https://news.example.org:${servers.httpsPort}${pagePath}`;
  const sides: Side[] = [];
  try {
    for (const spec of specs) sides.push({ browser: await launchSide(spec), loads: 0, samples: [], bySource: [], elements: new Set(), unsettled: 0, retried: 0 });

    for (const side of sides) {
      const { world, label, distDir } = side.browser.spec;
      // Playwright's own utility world is there in every browser: not an extension's.
      const worlds = ((await completeLoad(side, servers, url, frames, settleMs, true)).isolatedWorlds ?? []).filter((name) => !name.startsWith('__playwright_utility_world'));
      // Each side's own world: a peer's content scripts run in a world named after the peer, not after us.
      const ran = world === undefined ? worlds.length === 0 : worlds.includes(world);
      if (!ran) {
        throw new Error(
          `bench: ${world === undefined ? 'an extension world ran without any extension' : `the content scripts of ${label} (${distDir ?? ''}) did not run in their world "${world}"`} (worlds: ${worlds.join(', ') || 'none'})`,
        );
      }
      for (let run = 1; run < warmups; run++) await completeLoad(side, servers, url, frames, settleMs);
    }

    for (let round = 0; round < runs; round++) {
      for (const index of roundOrder(round, sides.length)) {
        const side = sides[index]!;
        const result = await completeLoad(side, servers, url, frames, settleMs);
        side.elements.add(result.elements);
        side.samples.push({ cpu: result.cpu, task: result.task, script: result.script, thread: result.thread });
        side.bySource.push(result.cpuBySource);
        if (result.unsettled) side.unsettled++;
      }
    }
    if (sides.some((side) => side.loads !== sides[0]!.loads || side.samples.length !== runs)) {
      throw new Error(`bench: unequal loads (${sides.map((side) => side.loads).join(', ')})`);
    }
    const reference = [...sides[0]!.elements][0];
    for (const side of sides) {
      const counts = [...side.elements];
      if (counts.length !== 1 || (keepsElements(side.browser.spec) && counts[0] !== reference)) {
        throw new Error(`bench: the page did not keep its elements in ${side.browser.spec.label} (${counts.join(', ')}; without an extension ${reference})`);
      }
    }
  } finally {
    for (const side of sides) await side.browser.close();
    await servers.close();
  }
  const measured = sides.map((side) => ({
    ...sideCost(side.samples, sides[0]!.samples, side.unsettled, side.bySource),
    spec: side.browser.spec,
    retried: side.retried,
    elements: [...side.elements][0]!,
  }));
  return { pagePath, runs, warmups, frames, sides: measured };
}
