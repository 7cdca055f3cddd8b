/**
 * `npm run bench`: prints figures, asserts nothing. Speed targets are read off these
 * figures, as ratios against a baseline measured in the same run, never by timed tests.
 */
import { benchLookalikeSpeed } from './lookalike-speed';
import { DEFAULT_DIST } from '../demo/browser';
import { emptyScriptsBuild } from './empty-scripts-build';
import { ARTICLE_PATH, benchPageCost, METRICS, SCRIPTED_ARTICLE_PATH, sideCost, type Metric, type SideCost, type Spread } from './page-cost';

const TARGETS = { microsAt10k: 20, buildMs: 300, speedupAt10k: 20, pageCostMs: 2 };

/** Whole numbers from 10 on; one decimal below, so a ratio under 1 never reads as 0. */
const formatRatio = (ratio: number): string => ratio.toFixed(ratio >= 10 ? 0 : 1);

function printLookalikeSpeed(): void {
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
  const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT MET');
  console.log(
    `targets at ${big.domains}: ≤ ${TARGETS.microsAt10k} µs/host ${verdict(big.indexMicros <= TARGETS.microsAt10k)}; ` +
      `build ≤ ${TARGETS.buildMs} ms ${verdict(big.buildMs <= TARGETS.buildMs)}; ` +
      `≥ ${TARGETS.speedupAt10k}× the plain scan ${verdict(big.scanMicros / big.indexMicros >= TARGETS.speedupAt10k)}`,
  );
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

const PAGES = [
  { path: ARTICLE_PATH, name: 'typical article, no script of its own' },
  { path: SCRIPTED_ARTICLE_PATH, name: 'the same article with a start-up script of its own' },
];

/**
 * The target is read against the main thread's CPU time on JavaScript (bench/trace-cpu):
 * what the hook and the content script cost the page is compiling them (at every load),
 * running them, the functions the background injects to read the page, the callbacks they
 * leave, and collecting their garbage. It is thread time, so a main thread waiting for a core
 * (on a busy machine, for the extension's own service worker among others) does not count.
 * CDP's metrics are printed too: TaskDuration is everything the main thread did in its tasks,
 * wall time, including Chromium's own work for any extension with content scripts;
 * ScriptDuration leaves compiling out; ThreadTime is the whole thread's CPU time.
 *
 * Two pages: the article alone, where every interface our code touches in the page's own
 * world (document, navigator, Element...) is built for us, and the same article with a
 * start-up script of its own, as most pages have, which builds some of them anyway.
 *
 * A third browser takes its turn in the same rounds: by default the same build with empty
 * content scripts (Chromium's own cost for any extension with these two scripts, which no
 * code of ours can lower), so the cost of our code beyond it is printed too.
 * BENCH_BASELINE_DIST=<another build's dist/> measures that build instead, for before/after
 * figures under the same machine load.
 */
async function printPageCost(page: { path: string; name: string }): Promise<void> {
  console.log('');
  const chosen = process.env.BENCH_BASELINE_DIST || undefined;
  const empty = chosen === undefined ? emptyScriptsBuild(DEFAULT_DIST) : undefined;
  const baselineDist = chosen ?? empty!.distDir;
  const baselineName = chosen === undefined ? 'empty content scripts' : `baseline ${chosen}`;
  const cost = await benchPageCost({ pagePath: page.path, baselineDist }).finally(() => empty?.remove());
  console.log(
    `Main-thread time on page load, ${page.name} (${page.path}, ${cost.elements} elements), real Chromium: ${cost.runs} loads in each browser, ` +
      `in rotating rounds after ${cost.warmups} warm-ups each (ms, median [p25–p75])`,
  );
  const sides: [string, SideCost][] = [
    ['without extension', cost.without],
    ['with extension', cost.with],
    ...(cost.baseline ? [[baselineName, cost.baseline] as [string, SideCost]] : []),
  ];
  console.log('browser / metric                 | per load               | added (− without, round by round)');
  console.log('---------------------------------|------------------------|----------------------------------');
  for (const [name, side] of sides) {
    for (const metric of METRICS) {
      const added = side === cost.without ? '' : formatSpread(side.added[metric]);
      console.log(`${`${name}: ${LABELS[metric]}`.padEnd(32)} | ${formatSpread(side.own[metric]).padEnd(22)} | ${added}`);
    }
    if (side.unsettled > 0) console.log(`warning: ${name}: script still ran late in ${side.unsettled} loads: raise settleMs`);
  }
  const bySource = Object.entries(cost.with.cpuBySource)
    .sort(([, a], [, b]) => b - a)
    .map(([source, ms]) => `${source} ${ms.toFixed(2)}`)
    .join(', ');
  console.log(`with extension, JavaScript CPU by what ran (median per load): ${bySource}`);
  const added = cost.with.added.cpu.median;
  const verdict = (ms: number): string => (ms <= TARGETS.pageCostMs ? 'met' : 'NOT MET');
  console.log(
    `target: the hook and content script add <= ${TARGETS.pageCostMs} ms of main-thread time (JavaScript CPU, median of the rounds): ` +
      `${verdict(added)} (+${added.toFixed(2)} ms); TaskDuration +${cost.with.added.task.median.toFixed(2)} ms, ScriptDuration +${cost.with.added.script.median.toFixed(2)} ms`,
  );
  if (cost.baseline) {
    const beyond = sideCost(cost.with.samples, cost.baseline.samples).added;
    console.log(
      `with extension − ${baselineName}, round by round: JavaScript CPU ${formatSpread(beyond.cpu)}, TaskDuration ${formatSpread(beyond.task)}, ` +
        `ScriptDuration ${formatSpread(beyond.script)}, ThreadTime ${formatSpread(beyond.thread)}`,
    );
  }
}

printLookalikeSpeed();
for (const page of PAGES) await printPageCost(page);
