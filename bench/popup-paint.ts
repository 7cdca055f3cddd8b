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
 * modules it preloads, and what those import, statically or not, transitively (shared chunks
 * and Preact included).
 *
 * `npx tsx bench/popup-paint.ts [--runs N] [--cold N] [--baseline DIST] [--static] [--json]` prints
 * the figures (after `npm run build`); `--baseline` measures another build in the same rounds
 * (before/after a change under the same machine load), `--static` a popup page with no script
 * (what Chromium alone takes, see `staticPage`).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { DEFAULT_DIST, launchExtensionBrowser, type ExtensionBrowser } from '../demo/browser';
import { popupUrl } from '../demo/popup-state';
import { startDemoServers, type DemoServers } from '../demo/server';
import { pollUntil } from '../demo/wait';
import { roundOrder } from './page-cost';
import { summaryOf, type Summary } from './stats';

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
/**
 * Imports in built (minified or not) code: static ones and re-exports (`import x from"./a.js"`,
 * `import"./a.js"`, `export*from"./a.js"`), and dynamic ones (`import("./a.js")`), which count
 * too: a page that loads part of its code later still loads it.
 */
const IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*|\(\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;

/** A reference in a page or a chunk, as a path under the build's folder. */
function resolveIn(fromFile: string, reference: string): string {
  const path = reference.startsWith('/') ? reference.slice(1) : join(dirname(fromFile), reference);
  return normalize(path);
}

/** The JavaScript `page` (an HTML file under `distDir`) loads as it opens: its scripts and preloads, and their imports, transitively. */
export function pageScripts(page: string, distDir: string = DEFAULT_DIST): PageScripts {
  const html = readFileSync(join(distDir, page), 'utf8');
  const pending = [...html.matchAll(SCRIPT_SRC), ...html.matchAll(MODULE_PRELOAD)].map((match) => resolveIn(page, (match[1] ?? match[2])!));
  const seen = new Map<string, number>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    const code = readFileSync(join(distDir, file));
    seen.set(file, code.length);
    for (const match of code.toString('utf8').matchAll(IMPORT)) pending.push(resolveIn(file, match[1]!));
  }
  const files = [...seen].map(([file, bytes]) => ({ file, bytes })).sort((a, b) => b.bytes - a.bytes);
  return { page, totalBytes: files.reduce((sum, { bytes }) => sum + bytes, 0), files };
}

/** Quartiles, the worst case and the count of the openings (bench/stats), ms, with every sample in the order taken. */
export interface PaintFigures extends Summary {
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

/** One build's figures. */
export interface BuildPaint {
  /** "this build", "baseline" or "static page". */
  name: string;
  distDir: string;
  /** The popup's JavaScript (none for the static page). */
  scripts: PageScripts;
  pages: PagePaint[];
}

export interface PopupPaint {
  /** This build first, then the baseline and the static page when asked for, all measured in the same rounds. */
  builds: BuildPaint[];
}

export interface PopupPaintOptions {
  distDir?: string;
  /**
   * Another build (the code before a change, say), in a browser of its own: the browsers take
   * turns, opening for opening, in rounds whose order rotates, so that a machine that slows
   * down or speeds up during the run weighs on each alike.
   */
  baselineDist?: string | undefined;
  /**
   * Also this build with a popup page of static HTML that holds the verdict's element and no
   * script, in the same rounds: what Chromium itself takes to open and paint an extension page
   * on this machine, now, which no code of ours can lower.
   */
  staticPage?: boolean;
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
      // Held until its message arrives: a channel nothing refers to may be collected first.
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
  return { ...summaryOf(samples), samples };
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

interface Side {
  name: string;
  distDir: string;
  browser: ExtensionBrowser;
}

/**
 * Opens `url` in a tab of `side`'s browser and waits for the verdict made with the page's own
 * report, so that the popup shows the full verdict, not the address-only one. A page whose
 * report never comes is loaded once more, and said so: that is a fault of its own, not the popup's.
 */
async function openDemoPage(side: Side, url: string): Promise<number> {
  const tab = await side.browser.context.newPage();
  await tab.goto(url);
  const tabId = await side.browser.tabIdFor(tab);
  const what = `the verdict with the report of ${url} (${side.name}, ${side.distDir})`;
  const reported = (): Promise<number | undefined> => pollUntil(what, () => side.browser.verdictStoredAt(tabId), (at) => at !== undefined);
  await reported().catch(async (error: unknown) => {
    console.warn(`bench: ${error instanceof Error ? error.message : String(error)}; loading the page again`);
    await tab.reload();
    await reported();
  });
  return tabId;
}

async function measurePage(sides: Side[], url: string, { runs, warmups, coldRuns }: { runs: number; warmups: number; coldRuns: number }): Promise<PagePaint[]> {
  const tabIds: number[] = [];
  for (const side of sides) tabIds.push(await openDemoPage(side, url));
  const levels = sides.map(() => new Set<string>());
  const open = async (index: number): Promise<number> => {
    const { browser } = sides[index]!;
    const { ms, level } = await openPopupOnce(browser.context, browser.extensionId, tabIds[index]!);
    levels[index]!.add(level);
    return ms;
  };
  for (let index = 0; index < sides.length; index++) for (let run = 0; run < warmups; run++) await open(index);
  const warm: number[][] = sides.map(() => []);
  const cold: number[][] = sides.map(() => []);
  for (let round = 0; round < runs + coldRuns; round++) {
    for (const index of roundOrder(round, sides.length)) {
      if (round < runs) {
        warm[index]!.push(await open(index));
      } else {
        await sides[index]!.browser.stopServiceWorker();
        cold[index]!.push(await open(index));
      }
    }
  }
  return sides.map((side, index) => {
    const shown = [...levels[index]!];
    if (shown.length !== 1) throw new Error(`bench: the popup of ${side.distDir} for ${url} showed ${shown.length === 0 ? 'no level' : `different levels: ${shown.join(', ')}`}`);
    return { url, level: shown[0]!, warm: figuresOf(warm[index]!), ...(coldRuns > 0 ? { cold: figuresOf(cold[index]!) } : {}) };
  });
}

/** A copy of `distDir` whose popup page is static HTML with the verdict's element: see `staticPage`. */
function staticPageBuild(distDir: string): { distDir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'thg-static-popup-'));
  cpSync(distDir, dir, { recursive: true });
  writeFileSync(
    join(dir, POPUP_PAGE),
    '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8" /><title>Telehealth Guard</title></head>\n' +
      '<body><main id="app"><div data-risk-level="static"><header><h1>Static page</h1></header></div></main></body>\n</html>\n',
  );
  return {
    distDir: `${dir}/`,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Measures the popup's first paint for each page (see the top of this file), and its JavaScript. */
export async function benchPopupPaint({
  distDir = DEFAULT_DIST,
  baselineDist,
  staticPage = false,
  runs = 30,
  warmups = 3,
  coldRuns = 0,
  pages = DEFAULT_PAGES,
}: PopupPaintOptions = {}): Promise<PopupPaint> {
  const fixed = staticPage ? staticPageBuild(distDir) : undefined;
  const builds = [
    { name: 'this build', distDir },
    ...(baselineDist === undefined ? [] : [{ name: 'baseline', distDir: baselineDist }]),
    ...(fixed ? [{ name: 'static page', distDir: fixed.distDir }] : []),
  ];
  let servers: DemoServers | undefined;
  const sides: Side[] = [];
  try {
    servers = await startDemoServers();
    for (const build of builds) sides.push({ ...build, browser: await launchExtensionBrowser({ distDir: build.distDir }) });
    const byPage: PagePaint[][] = [];
    for (const page of pages) {
      const url = page.replace('{https}', String(servers.httpsPort)).replace('{http}', String(servers.httpPort));
      byPage.push(await measurePage(sides, url, { runs, warmups, coldRuns }));
    }
    return { builds: builds.map((build, index) => ({ ...build, scripts: pageScripts(POPUP_PAGE, build.distDir), pages: byPage.map((paints) => paints[index]!) })) };
  } finally {
    for (const side of sides) await side.browser.close();
    await servers?.close();
    fixed?.remove();
  }
}

const ms = (value: number): string => value.toFixed(1);
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

function printFigures({ builds }: PopupPaint): void {
  for (const { name, distDir, scripts } of builds) {
    if (scripts.files.length === 0) continue;
    console.log(`${name}: popup JavaScript (${scripts.page} in ${distDir}): ${scripts.totalBytes} bytes (${kb(scripts.totalBytes)}) uncompressed, ${scripts.files.length} files`);
    for (const { file, bytes } of scripts.files) console.log(`  ${String(bytes).padStart(8)}  ${file}`);
  }
  console.log('');
  console.log(`Popup: navigation start → verdict painted (ms)${builds.length > 1 ? `, ${builds.map((build) => build.name).join(', ')} in the same rounds` : ''}`);
  console.log('build       | page                   | level    | worker  | runs | median |    p25 |    p75 |    max');
  console.log('------------|------------------------|----------|---------|------|--------|--------|--------|-------');
  for (const { name, pages } of builds) {
    for (const page of pages) {
      const rows: [string, PaintFigures | undefined][] = [
        ['running', page.warm],
        ['stopped', page.cold],
      ];
      for (const [worker, figures] of rows) {
        if (!figures) continue;
        const url = new URL(page.url);
        console.log(
          `${name.padEnd(11)} | ${`${url.hostname}${url.pathname}`.padEnd(22)} | ${page.level.padEnd(8)} | ${worker} | ${String(figures.count).padStart(4)} | ` +
            `${ms(figures.median).padStart(6)} | ${ms(figures.p25).padStart(6)} | ${ms(figures.p75).padStart(6)} | ${ms(figures.max).padStart(6)}`,
        );
      }
    }
  }
}

function argument(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index < 0 ? undefined : args[index + 1];
}

function numberArgument(args: string[], name: string): number | undefined {
  const text = argument(args, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} takes a whole number`);
  return value;
}

const summary = ({ name, distDir, scripts, pages }: BuildPaint) => ({
  name,
  distDir,
  popupScriptBytes: scripts.totalBytes,
  pages: pages.map(({ url, level, warm, cold }) => ({
    page: url,
    level,
    warm: { median: warm.median, p25: warm.p25, p75: warm.p75, max: warm.max },
    ...(cold ? { cold: { median: cold.median, p25: cold.p25, p75: cold.p75, max: cold.max } } : {}),
  })),
});

const runAlone = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runAlone) {
  const args = process.argv.slice(2);
  const runs = numberArgument(args, '--runs');
  const coldRuns = numberArgument(args, '--cold');
  const result = await benchPopupPaint({
    ...(runs !== undefined ? { runs } : {}),
    ...(coldRuns !== undefined ? { coldRuns } : {}),
    baselineDist: argument(args, '--baseline'),
    staticPage: args.includes('--static'),
  });
  printFigures(result);
  if (args.includes('--json')) console.log(JSON.stringify({ builds: result.builds.map(summary) }));
}
