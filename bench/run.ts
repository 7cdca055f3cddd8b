/**
 * `npm run bench`: prints figures, asserts nothing. Speed targets are read off these
 * figures, as ratios against a baseline measured in the same run, never by timed tests.
 */
import { benchLookalikeSpeed } from './lookalike-speed';
import { DEFAULT_DIST } from '../demo/browser';
import { emptyScriptsBuild } from './empty-scripts-build';
import { benchPageCost, METRICS, sideCost, type Metric, type SideCost, type Spread } from './page-cost';

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
  task: 'TaskDuration (target)',
  script: 'ScriptDuration',
  thread: 'ThreadTime (CPU)',
};

function formatSpread({ p25, median, p75 }: Spread): string {
  return `${median.toFixed(2)} [${p25.toFixed(2)}–${p75.toFixed(2)}]`;
}

/**
 * The target is read against TaskDuration: the issue asks for main-thread time, and that is
 * everything the renderer's main thread did for us (running our two scripts, and also
 * creating their worlds, compiling them, collecting their garbage), not only the script time.
 * ScriptDuration shows how much of it is our own JavaScript; ThreadTime, the same thread's
 * CPU time, is a cross-check that waiting for a core (on a busy machine, for the extension's
 * own service worker among others) does not inflate.
 *
 * A third browser takes its turn in the same rounds: by default the same build with empty
 * content scripts (Chromium's own cost for any extension with these two scripts, which no
 * code of ours can lower), so the cost of our code beyond it is printed too.
 * BENCH_BASELINE_DIST=<another build's dist/> measures that build instead, for before/after
 * figures under the same machine load.
 */
async function printPageCost(): Promise<void> {
  console.log('');
  const chosen = process.env.BENCH_BASELINE_DIST || undefined;
  const empty = chosen === undefined ? emptyScriptsBuild(DEFAULT_DIST) : undefined;
  const baselineDist = chosen ?? empty!.distDir;
  const baselineName = chosen === undefined ? 'empty content scripts' : `baseline ${chosen}`;
  const cost = await benchPageCost({ baselineDist }).finally(() => empty?.remove());
  console.log(
    `Main-thread time on page load, typical page (${cost.elements} elements), real Chromium: ${cost.runs} loads in each browser, ` +
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
  const added = cost.with.added.task.median;
  const script = cost.with.added.script.median;
  const verdict = (ms: number): string => (ms <= TARGETS.pageCostMs ? 'met' : 'NOT MET');
  console.log(
    `target: the hook and content script add <= ${TARGETS.pageCostMs} ms of main-thread time (TaskDuration, median of the rounds): ` +
      `${verdict(added)} (+${added.toFixed(2)} ms); their JavaScript alone (ScriptDuration): ${verdict(script)} (+${script.toFixed(2)} ms)`,
  );
  if (cost.baseline) {
    const beyond = sideCost(cost.with.samples, cost.baseline.samples).added;
    console.log(
      `with extension − ${baselineName}, round by round: TaskDuration ${formatSpread(beyond.task)}, ` +
        `ScriptDuration ${formatSpread(beyond.script)}, ThreadTime ${formatSpread(beyond.thread)}`,
    );
  }
}

printLookalikeSpeed();
await printPageCost();
