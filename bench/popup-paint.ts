/**
 * The popup's first paint, in real Chromium with the built extension: a demo page is opened in
 * a tab (the d0xy.me look-alike login, the verified Doxy.me waiting room), then the popup page
 * for that tab (`?tab=<id>`, as the e2e tests open it) many times, each time in a fresh tab. A
 * sample is the time from the popup document's navigation start (its `performance.now()` zero)
 * to the frame that first shows the verdict, the element with `data-risk-level`, rendered: an
 * init script watches the document from its start, and once the element is in, waits for the
 * next animation frame and the task after it (the frame's paint runs between the two).
 *
 * Also the popup's JavaScript as the build ships it: every script its HTML loads, the
 * modules it preloads, and what those import, transitively (shared chunks and Preact included).
 *
 * `npx tsx bench/popup-paint.ts [--runs N] [--cold N] [--json]` prints the figures (after `npm run build`).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { DEFAULT_DIST, launchExtensionBrowser, type ExtensionBrowser } from '../demo/browser';
import { popupUrl } from '../demo/popup-state';
import { startDemoServers, type DemoServers } from '../demo/server';
import { pollUntil } from '../demo/wait';
import { quantile } from './page-cost';

/** The popup, as `action.default_popup` names it. */
export const POPUP_PAGE = 'src/popup/index.html';

export interface ScriptFile {
  /** Path under the build's folder. */
  file: string;
  bytes: number;
}

export interface PageScripts {
  page: string;
  /** Uncompressed, every file counted once. */
  totalBytes: number;
  files: ScriptFile[];
}

const SCRIPT_SRC = /<script\b[^>]*\bsrc="([^"]+)"/g;
const MODULE_PRELOAD = /<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"|<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="modulepreload"/g;
/** Static imports and re-exports in built (minified or not) code: `import x from"./a.js"`, `import"./a.js"`, `export*from"./a.js"`. */
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;

/** A reference in a page or a chunk, as a path under the build's folder. */
function resolveIn(fromFile: string, reference: string): string {
  const path = reference.startsWith('/') ? reference.slice(1) : join(dirname(fromFile), reference);
  return normalize(path);
}

/** The JavaScript `page` (an HTML file under `distDir`) loads as it opens: its scripts and preloads, and their static imports. */
export function pageScripts(page: string, distDir: string = DEFAULT_DIST): PageScripts {
  const html = readFileSync(join(distDir, page), 'utf8');
  const pending = [...html.matchAll(SCRIPT_SRC), ...html.matchAll(MODULE_PRELOAD)].map((match) => resolveIn(page, (match[1] ?? match[2])!));
  const seen = new Map<string, number>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    const code = readFileSync(join(distDir, file));
    seen.set(file, code.length);
    for (const match of code.toString('utf8').matchAll(STATIC_IMPORT)) pending.push(resolveIn(file, match[1]!));
  }
  const files = [...seen].map(([file, bytes]) => ({ file, bytes })).sort((a, b) => b.bytes - a.bytes);
  return { page, totalBytes: files.reduce((sum, { bytes }) => sum + bytes, 0), files };
}

export interface PaintFigures {
  /** Counted openings of the popup. */
  runs: number;
  median: number;
  p25: number;
  p75: number;
  max: number;
  /** Every sample, ms, in the order taken. */
  samples: number[];
}

export interface PagePaint {
  /** The demo page the popup was opened for. */
  url: string;
  /** The `data-risk-level` the popup showed (the same every time: checked). */
  level: string;
  /** The service worker running when the popup opens (the usual case while the user browses). */
  warm: PaintFigures;
  /** The service worker stopped first, as Chromium stops it after 30 s without events; absent with `coldRuns: 0`. */
  cold?: PaintFigures;
}

export interface PopupPaint {
  distDir: string;
  scripts: PageScripts;
  pages: PagePaint[];
}

export interface PopupPaintOptions {
  distDir?: string;
  /** Counted openings per page, with the worker running. */
  runs?: number;
  /** Openings per page before counting (the disk cache, V8's code cache for the popup's scripts). */
  warmups?: number;
  /** Counted openings per page with the worker stopped first; slow (each stop is checked), so few. */
  coldRuns?: number;
  /** Demo pages to open the popup for; `{https}` is the demo's https port. */
  pages?: string[];
}

const DEFAULT_PAGES = ['https://d0xy.me:{https}/login', 'https://doxy.me:{https}/dr-smith'];

declare global {
  interface Window {
    /** Set by the init script below: ms from navigation start to the verdict's frame, and its level. */
    __popupPaint?: { ms: number; level: string };
  }
}

/**
 * Runs in the popup page before its own scripts. Waits for the verdict's element, then for the
 * frame that shows it: the animation-frame callback runs before that frame's style, layout
 * and paint, and a message posted from it is delivered after them. Passed as text: tsx names
 * functions with a helper of its own that the page does not have.
 */
const WATCH_FOR_VERDICT = `(() => {
  const observer = new MutationObserver(() => {
    const element = document.querySelector('[data-risk-level]');
    if (!element) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      window.__popupPaintChannel = channel;
      channel.port1.onmessage = () => {
        window.__popupPaint = { ms: performance.now(), level: element.getAttribute('data-risk-level') ?? '' };
      };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

function figuresOf(samples: number[]): PaintFigures {
  return {
    runs: samples.length,
    median: quantile(samples, 0.5),
    p25: quantile(samples, 0.25),
    p75: quantile(samples, 0.75),
    max: Math.max(...samples),
    samples,
  };
}

/** Opens the popup page for `tabId` in a new tab; the ms to its verdict's frame, and the level shown. */
async function openPopupOnce(context: BrowserContext, extensionId: string, tabId: number): Promise<{ ms: number; level: string }> {
  const page = await context.newPage();
  try {
    await page.addInitScript(WATCH_FOR_VERDICT);
    await page.goto(popupUrl(extensionId, tabId));
    // Polled from here: page.waitForFunction compiles its predicate in the page, which the extension's pages forbid (no eval).
    const paint = await pollUntil('the popup to paint its verdict', () => page.evaluate(() => window.__popupPaint), Boolean, { intervalMs: 20 });
    return paint!;
  } finally {
    await page.close();
  }
}

async function measurePage(browser: ExtensionBrowser, url: string, options: Required<Omit<PopupPaintOptions, 'distDir' | 'pages'>>): Promise<PagePaint> {
  const tab = await browser.context.newPage();
  try {
    await tab.goto(url);
    const tabId = await browser.tabIdFor(tab);
    // The page's own report is in (the popup shows the full verdict, not the address-only one).
    await pollUntil(`the verdict with the report of ${url}`, () => browser.verdictStoredAt(tabId), (at) => at !== undefined);
    const levels = new Set<string>();
    const open = async (): Promise<number> => {
      const { ms, level } = await openPopupOnce(browser.context, browser.extensionId, tabId);
      levels.add(level);
      return ms;
    };
    for (let run = 0; run < options.warmups; run++) await open();
    const warm: number[] = [];
    for (let run = 0; run < options.runs; run++) warm.push(await open());
    const cold: number[] = [];
    for (let run = 0; run < options.coldRuns; run++) {
      await browser.stopServiceWorker();
      cold.push(await open());
    }
    if (levels.size !== 1) throw new Error(`bench: the popup for ${url} showed different levels: ${[...levels].join(', ')}`);
    return { url, level: [...levels][0]!, warm: figuresOf(warm), ...(cold.length > 0 ? { cold: figuresOf(cold) } : {}) };
  } finally {
    await tab.close();
  }
}

/** Measures the popup's first paint for each page (see the top of this file), and its JavaScript. */
export async function benchPopupPaint({ distDir = DEFAULT_DIST, runs = 30, warmups = 3, coldRuns = 0, pages = DEFAULT_PAGES }: PopupPaintOptions = {}): Promise<PopupPaint> {
  const scripts = pageScripts(POPUP_PAGE, distDir);
  let servers: DemoServers | undefined;
  let browser: ExtensionBrowser | undefined;
  try {
    servers = await startDemoServers();
    browser = await launchExtensionBrowser({ distDir });
    const results: PagePaint[] = [];
    for (const page of pages) {
      const url = page.replace('{https}', String(servers.httpsPort)).replace('{http}', String(servers.httpPort));
      results.push(await measurePage(browser, url, { runs, warmups, coldRuns }));
    }
    return { distDir, scripts, pages: results };
  } finally {
    await browser?.close();
    await servers?.close();
  }
}

const ms = (value: number): string => value.toFixed(1);
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

function printFigures(result: PopupPaint): void {
  const { scripts } = result;
  console.log(`Popup JavaScript (${scripts.page} in ${result.distDir}): ${scripts.totalBytes} bytes (${kb(scripts.totalBytes)}) uncompressed, ${scripts.files.length} files`);
  for (const { file, bytes } of scripts.files) console.log(`  ${String(bytes).padStart(8)}  ${file}`);
  console.log('');
  console.log('Popup: navigation start → verdict painted (ms)');
  console.log('page                                   | level    | worker  | runs | median |   p25 |   p75 |   max');
  console.log('---------------------------------------|----------|---------|------|--------|-------|-------|------');
  for (const page of result.pages) {
    const rows: [string, PaintFigures | undefined][] = [
      ['running', page.warm],
      ['stopped', page.cold],
    ];
    for (const [worker, figures] of rows) {
      if (!figures) continue;
      const url = new URL(page.url);
      console.log(
        `${`${url.hostname}${url.pathname}`.padEnd(38)} | ${page.level.padEnd(8)} | ${worker} | ${String(figures.runs).padStart(4)} | ` +
          `${ms(figures.median).padStart(6)} | ${ms(figures.p25).padStart(5)} | ${ms(figures.p75).padStart(5)} | ${ms(figures.max).padStart(5)}`,
      );
    }
  }
}

function numberArgument(args: string[], name: string): number | undefined {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} takes a whole number`);
  return value;
}

const runAlone = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runAlone) {
  const args = process.argv.slice(2);
  const runs = numberArgument(args, '--runs');
  const coldRuns = numberArgument(args, '--cold');
  const result = await benchPopupPaint({ ...(runs !== undefined ? { runs } : {}), ...(coldRuns !== undefined ? { coldRuns } : {}) });
  printFigures(result);
  if (args.includes('--json')) {
    const { pages } = result;
    const summary = pages.map(({ url, level, warm, cold }) => ({
      page: url,
      level,
      warm: { median: warm.median, p25: warm.p25, p75: warm.p75, max: warm.max },
      ...(cold ? { cold: { median: cold.median, p25: cold.p25, p75: cold.p75, max: cold.max } } : {}),
    }));
    console.log(JSON.stringify({ popupScriptBytes: result.scripts.totalBytes, pages: summary }));
  }
}
