/**
 * `npm run bench`: prints figures, asserts nothing. Speed targets are read off these
 * figures, as ratios against a baseline measured in the same run, never by timed tests.
 */
import { benchLookalikeSpeed } from './lookalike-speed';
import { benchPageCost, METRICS, type Metric, type Spread } from './page-cost';

const TARGETS = { microsAt10k: 20, buildMs: 300, speedupAt10k: 20, pageCostMs: 2 };

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
        `${row.scanMicros.toFixed(1).padStart(18)} | ${ratio.toFixed(0).padStart(11)}× | ${row.earlyExitScanMicros.toFixed(1).padStart(23)} | ${earlyRatio.toFixed(0).padStart(6)}×`,
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
 * all the renderer's main thread did (our scripts, but also creating their worlds, compiling
 * them, garbage collection, style and layout), not only the script time. ScriptDuration is
 * printed to show how much of it is our own JavaScript, and ThreadTime, the same thread's CPU
 * time, as a cross-check that waiting for a core does not inflate.
 */
async function printPageCost(): Promise<void> {
  console.log('');
  const cost = await benchPageCost();
  console.log(
    `Main-thread time on page load, typical page (${cost.elements} elements), real Chromium: ${cost.runs} loads with and ${cost.runs} without ` +
      `the extension, in alternating pairs after ${cost.warmups} warm-ups each (ms, median [p25–p75])`,
  );
  console.log('metric                | without extension      | with extension         | added, pair by pair');
  console.log('----------------------|------------------------|------------------------|-----------------------');
  for (const metric of METRICS) {
    console.log(
      `${LABELS[metric].padEnd(21)} | ${formatSpread(cost.without[metric]).padEnd(22)} | ${formatSpread(cost.with[metric]).padEnd(22)} | ${formatSpread(cost.paired[metric])}`,
    );
  }
  if (cost.unsettled.with + cost.unsettled.without > 0) {
    console.log(`warning: script still ran late in ${cost.unsettled.with} loads with and ${cost.unsettled.without} without the extension: raise settleMs`);
  }
  const added = cost.paired.task.median;
  const script = cost.paired.script.median;
  console.log(
    `target: the hook and content script add <= ${TARGETS.pageCostMs} ms of main-thread time (TaskDuration, median of the pairs): ` +
      `${added <= TARGETS.pageCostMs ? 'met' : 'NOT MET'} (+${added.toFixed(2)} ms; script alone +${script.toFixed(2)} ms, ${script <= TARGETS.pageCostMs ? 'within' : 'over'} it)`,
  );
}

printLookalikeSpeed();
await printPageCost();
