/**
 * The tables `npm run bench` prints, one function per measurement. Speed targets are read off
 * these figures, as ratios against a baseline measured in the same run, never by timed tests.
 */
import { benchTrackerSpeed, TRACKER_TARGETS } from './tracker-speed';
import { benchLookalikeSpeed } from './lookalike-speed';
import { METRICS, sideCost, type MeasuredSide, type Metric, type PageCost } from './page-cost';
import { pairedDifferences, spreadOf, type MedianToLast, type Spread, type Summary } from './stats';
import type { ThrowawayFrames } from './throwaway-frames';
import type { VerdictLatency } from './verdict-latency';

const TARGETS = { microsAt10k: 20, buildMs: 300, speedupAt10k: 20, pageCostMs: 2 };

const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT MET');

/** Whole numbers from 10 on; one decimal below, so a ratio under 1 never reads as 0. */
const formatRatio = (ratio: number): string => ratio.toFixed(ratio >= 10 ? 0 : 1);

export function printLookalikeSpeed(): void {
  console.log('Lookalike engine: median time to judge one hostname (µs), index build (ms)');
  console.log('domains | build ms | index µs/host | plain scan µs/host | scan ÷ index | early-exit scan µs/host | ÷ index');
  console.log('--------|----------|---------------|--------------------|--------------|-------------------------|--------');
  const rows = benchLookalikeSpeed();
  for (const row of rows) {
    const ratio = row.scanMicros / row.indexMicros;
    const earlyRatio = row.earlyExitScanMicros / row.indexMicros;
    console.log(
      `${String(row.domains).padStart(7)} | ${row.buildMs.toFixed(1).padStart(8)} | ${row.indexMicros.toFixed(2).padStart(13)} | ` +
        `${row.scanMicros.toFixed(1).padStart(18)} | ${formatRatio(ratio).padStart(11)}× | ${row.earlyExitScanMicros.toFixed(1).padStart(23)} | ${formatRatio(earlyRatio).padStart(6)}×`,
    );
  }
  const big = rows.at(-1)!;
  console.log(
    `targets at ${big.domains}: ≤ ${TARGETS.microsAt10k} µs/host ${verdict(big.indexMicros <= TARGETS.microsAt10k)}; ` +
      `build ≤ ${TARGETS.buildMs} ms ${verdict(big.buildMs <= TARGETS.buildMs)}; ` +
      `≥ ${TARGETS.speedupAt10k}× the plain scan ${verdict(big.scanMicros / big.indexMicros >= TARGETS.speedupAt10k)}`,
  );
}

export function printTrackerSpeed(): void {
  const row = benchTrackerSpeed();
  console.log(`Tracker classification: median time to classify one request URL (µs), ${row.endpoints} catalog endpoints, ${row.urls} URLs (half catalog requests)`);
  console.log('index build ms | index µs/URL | plain scan µs/URL | scan ÷ index');
  console.log('---------------|--------------|-------------------|-------------');
  console.log(`${row.buildMs.toFixed(2).padStart(14)} | ${row.indexMicros.toFixed(2).padStart(12)} | ${row.scanMicros.toFixed(2).padStart(17)} | ${formatRatio(row.scanMicros / row.indexMicros).padStart(11)}×`);
  console.log(`target: ≤ ${TRACKER_TARGETS.medianMicros} µs/URL ${verdict(row.indexMicros <= TRACKER_TARGETS.medianMicros)}`);
}

const LABELS: Record<Metric, string> = {
  cpu: 'JavaScript CPU (target)',
  task: 'TaskDuration',
  script: 'ScriptDuration',
  thread: 'ThreadTime (CPU)',
};

function formatSpread({ p25, median, p75 }: Spread): string {
  return `${median.toFixed(2)} [${p25.toFixed(2)}–${p75.toFixed(2)}]`;
}

function bySource(side: MeasuredSide): string {
  return Object.entries(side.cpuBySource)
    .sort(([, a], [, b]) => b - a)
    .map(([source, ms]) => `${source} ${ms.toFixed(2)}`)
    .join(', ');
}

/**
 * The target is read against the CPU time the page's renderer main threads spend on
 * JavaScript (bench/trace-cpu): what the hook and the content script cost the page is compiling
 * them (at every load, in every frame), running them, the functions the background injects to
 * read the page, the callbacks they leave, and collecting their garbage. It is thread time, so a
 * main thread waiting for a core (on a busy machine, for the extension's own service worker
 * among others) does not count. CDP's metrics are printed too, for the top frame's renderer:
 * TaskDuration is everything its main thread did in its tasks, wall time, including Chromium's
 * own work for any extension with content scripts; ScriptDuration leaves compiling out;
 * ThreadTime is the whole thread's CPU time.
 *
 * Three pages: the article alone, where every interface our code touches in the page's own
 * world (document, navigator, Element...) is built for us; the same article with a start-up
 * script of its own, as most pages have, which builds some of them anyway; and the same article
 * with twelve third-party frames, where every frame pays for every content script again.
 *
 * A baseline browser takes its turn in the same rounds: by default the same build with empty
 * content scripts (Chromium's own cost for any extension with these two scripts, which no code
 * of ours can lower), so the cost of our code beyond it is printed too.
 * BENCH_BASELINE_DIST=<another build's dist/> measures that build instead, for before/after
 * figures under the same machine load. Peers (`--peers`) are other extensions in the same
 * rounds; ours minus each of them is printed round by round.
 */
export function printPageCost(description: string, cost: PageCost): void {
  const [without, ...others] = cost.sides;
  const ours = cost.sides.find((side) => side.spec.role === 'ours')!;
  console.log('');
  const frames = cost.frames > 0 ? `, ${cost.frames} frames, each parsed in every load` : '';
  const ownElements = others.filter((side) => side.elements !== without!.elements).map((side) => `${side.spec.label}: ${side.elements}`);
  console.log(
    `Main-thread time on page load, ${description} (${cost.pagePath}, ${without!.elements} elements${ownElements.length > 0 ? ` (${ownElements.join(', ')})` : ''}${frames}), ` +
      `real Chromium: ${cost.runs} loads in each browser, in rotating rounds after ${cost.warmups} warm-ups each (ms, median [p25–p75])`,
  );
  const longest = Math.max(...Object.values(LABELS).map((label) => label.length));
  const width = Math.max(32, ...cost.sides.map((side) => side.spec.label.length + 2 + longest));
  console.log(`${'browser / metric'.padEnd(width)} | per load               | added (− without, round by round)`);
  console.log(`${'-'.repeat(width)}-|------------------------|----------------------------------`);
  for (const side of cost.sides) {
    for (const metric of METRICS) {
      const added = side === without ? '' : formatSpread(side.added[metric]);
      console.log(`${`${side.spec.label}: ${LABELS[metric]}`.padEnd(width)} | ${formatSpread(side.own[metric]).padEnd(22)} | ${added}`);
    }
    if (side.unsettled > 0) console.log(`warning: ${side.spec.label}: script still ran late in ${side.unsettled} loads: raise settleMs`);
    if (side.retried > 0) console.log(`note: ${side.spec.label}: ${side.retried} loads done again, their trace missed a frame's document`);
  }
  for (const side of others) console.log(`${side.spec.label}, JavaScript CPU by what ran (median per load): ${bySource(side)}`);
  const added = ours.added.cpu.median;
  console.log(
    `target: the hook and content script add <= ${TARGETS.pageCostMs} ms of main-thread time (JavaScript CPU, median of the rounds): ` +
      `${verdict(added <= TARGETS.pageCostMs)} (+${added.toFixed(2)} ms); TaskDuration +${ours.added.task.median.toFixed(2)} ms, ScriptDuration +${ours.added.script.median.toFixed(2)} ms`,
  );
  for (const side of others.filter((other) => other.spec.role === 'baseline')) {
    const beyond = sideCost(ours.samples, side.samples).added;
    console.log(
      `${ours.spec.label} − ${side.spec.label}, round by round: JavaScript CPU ${formatSpread(beyond.cpu)}, TaskDuration ${formatSpread(beyond.task)}, ` +
        `ScriptDuration ${formatSpread(beyond.script)}, ThreadTime ${formatSpread(beyond.thread)}`,
    );
  }
  for (const side of others.filter((other) => other.spec.role === 'peer')) {
    const cpu = (loads: readonly { cpu: number }[]): number[] => loads.map((load) => load.cpu);
    console.log(`${ours.spec.label} − ${side.spec.label}, JavaScript CPU round by round: ${formatSpread(spreadOf(pairedDifferences(cpu(ours.samples), cpu(side.samples))))}`);
  }
}

export function printThrowawayFrames(result: ThrowawayFrames): void {
  console.log('');
  console.log(
    `Throwaway frames (an empty iframe made and removed at every animation frame): the page's own frame rate over ${result.seconds} s in each browser ` +
      `(${result.windows} windows in rotating rounds), and the isolated worlds Chromium created in that time`,
  );
  const width = Math.max(24, ...result.sides.map((side) => side.spec.label.length));
  console.log(`${'browser'.padEnd(width)} | frames/s | isolated worlds created (by world name)`);
  console.log(`${'-'.repeat(width)}-|----------|----------------------------------------`);
  for (const side of result.sides) {
    const worlds = Object.entries(side.worlds)
      .sort(([, a], [, b]) => b - a)
      .map(([name, count]) => `${name} ${count}`)
      .join(', ');
    console.log(`${side.spec.label.padEnd(width)} | ${side.fps.toFixed(1).padStart(8)} | ${worlds || 'none'}`);
  }
}

function formatSummary({ median, p25, p75, max }: Summary): string {
  return `${median.toFixed(1)} [${p25.toFixed(1)}–${p75.toFixed(1)}], max ${max.toFixed(1)}`;
}

function formatMedianToLast({ median, last, spread }: MedianToLast): string {
  return `median ${median.toFixed(1)}, last ${last.toFixed(1)}, last − median ${spread.toFixed(1)}`;
}

export function printVerdictLatency(result: VerdictLatency): void {
  console.log('');
  console.log(
    `Verdict latency: navigation commit to our verdict on the toolbar badge, real Chromium, ${result.loads} loads each in a fresh tab ` +
      `(ms, median [p25–p75], max; polled every ${result.pollMs} ms, so late by up to that)`,
  );
  for (const { page, badge, fromCommit, firstVerdict } of result.pages) {
    const first = page.level === 'danger' ? `; first verdict (from the address alone) ${formatSummary(firstVerdict)}` : '';
    console.log(`${page.label} (${page.host}${page.path}, ${page.level}, badge '${badge}'): ${formatSummary(fromCommit)}${first}`);
  }
  const { burst } = result;
  const lastTab = ({ opened, label }: { opened: number; label: string }): string => `(the last: tab ${opened}, ${label})`;
  console.log(`burst of ${burst.tabs} tabs opened together (look-alike, verified, ordinary article; each tab polled on its own every ${burst.pollMs} ms):`);
  console.log(`  address verdict, each from its own commit: ${formatMedianToLast(burst.address.fromCommit)} ${lastTab(burst.address.lastTab)}`);
  console.log(`  address verdict, each from its own DOMContentLoaded (negative: the verdict came first): ${formatMedianToLast(burst.address.fromDomContentLoaded)}`);
  console.log(`  expected verdict (the look-alike's danger needs its page read), each from its own commit: ${formatMedianToLast(burst.fromCommit)} ${lastTab(burst.lastTab)}`);
  console.log(`  expected verdict, each from its own DOMContentLoaded: ${formatMedianToLast(burst.fromDomContentLoaded)}`);
  console.log('  per tab, in the opening order (ms): committed after the first commit; commit → address verdict; commit → expected verdict; DOMContentLoaded → expected verdict');
  for (const tab of burst.perTab) {
    const cells = [tab.committed, tab.addressVerdict, tab.verdict, tab.verdictFromDomContentLoaded].map((value) => value.toFixed(0).padStart(7));
    console.log(`  ${String(tab.opened).padStart(3)} ${`${tab.label} (${tab.level})`.padEnd(28)}${cells.join('')}`);
  }
}
