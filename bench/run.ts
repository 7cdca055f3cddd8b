/**
 * `npm run bench`: prints figures, asserts nothing. Speed targets are read off these
 * figures, as ratios against a baseline measured in the same run, never by timed tests.
 */
import { benchLookalikeSpeed } from './lookalike-speed';
import { benchPageCost } from './page-cost';

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

async function printPageCost(): Promise<void> {
  console.log('');
  console.log('Main-thread time on page load, typical page, real Chromium (median of runs, ms)');
  const cost = await benchPageCost();
  const extraTask = cost.taskWith - cost.taskWithout;
  console.log('                   | without extension | with extension | added');
  console.log(`renderer tasks     | ${cost.taskWithout.toFixed(2).padStart(17)} | ${cost.taskWith.toFixed(2).padStart(14)} | ${extraTask.toFixed(2).padStart(6)}`);
  console.log(
    `script (all worlds)| ${cost.scriptWithout.toFixed(2).padStart(17)} | ${cost.scriptWith.toFixed(2).padStart(14)} | ${(cost.scriptWith - cost.scriptWithout).toFixed(2).padStart(6)}`,
  );
  console.log(`${cost.runs} loads each; target: the hook and content script add <= ${TARGETS.pageCostMs} ms: ${extraTask <= TARGETS.pageCostMs ? 'met' : 'NOT MET'}`);
}

printLookalikeSpeed();
await printPageCost();
