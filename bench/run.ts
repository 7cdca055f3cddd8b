/**
 * `npm run bench`: prints figures, asserts nothing. Speed targets are read off these
 * figures, as ratios against a baseline measured in the same run, never by timed tests.
 * Options (bench/args): `--page-cost`, `--latency` to run only those; `--json` for one JSON
 * object as the last line (bench/report); `--peers DIR[,DIR...]` to measure other unpacked
 * extensions beside ours; `--rounds N`, `--throwaway-seconds N`, `--latency-loads N`.
 */
import { DEFAULT_DIST } from '../demo/browser';
import { parseBenchArgs, USAGE, UsageError, type BenchArgs } from './args';
import { emptyScriptsBuild } from './empty-scripts-build';
import { BENCH_PAGES, benchPageCost } from './page-cost';
import { latencyJson, pageJson, throwawayJson, type BenchJson } from './report';
import { extensionSide, peerSides, WITHOUT, type SideSpec } from './sides';
import { printLookalikeSpeed, printPageCost, printThrowawayFrames, printTrackerSpeed, printVerdictLatency } from './tables';
import { benchThrowawayFrames } from './throwaway-frames';
import { printFingerprintSpeed } from './fingerprint-speed';
import { benchVerdictLatency } from './verdict-latency';

/** The baseline build: BENCH_BASELINE_DIST, or ours with empty content scripts (removed afterwards). */
function baselineSide(): { side: SideSpec; remove: () => void } {
  const chosen = process.env.BENCH_BASELINE_DIST || undefined;
  if (chosen !== undefined) return { side: extensionSide('baseline', chosen, `baseline ${chosen}`), remove: () => undefined };
  const empty = emptyScriptsBuild(DEFAULT_DIST);
  return { side: extensionSide('baseline', empty.distDir, 'empty content scripts'), remove: empty.remove };
}

async function run(args: BenchArgs): Promise<void> {
  // Every folder is read before anything runs: a wrong one fails at once, not after minutes.
  const ours = (() => {
    try {
      return extensionSide('ours', DEFAULT_DIST, 'with extension');
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}: run \`npm run build\` first`, { cause: error });
    }
  })();
  const peers = peerSides(args.peers);
  const json: BenchJson = {};

  if (args.lookalike) {
    printLookalikeSpeed();
    printTrackerSpeed();
    await printFingerprintSpeed();
  }

  if (args.pageCost) {
    const baseline = baselineSide();
    try {
      json.pages = [];
      for (const page of BENCH_PAGES) {
        const cost = await benchPageCost({ pagePath: page.path, frames: page.frames, runs: args.rounds, sides: [WITHOUT, ours, baseline.side, ...peers] });
        printPageCost(page.description, cost);
        json.pages.push(pageJson(page.key, cost));
      }
    } finally {
      baseline.remove();
    }
    const throwaway = await benchThrowawayFrames({ sides: [WITHOUT, ours, ...peers], seconds: args.throwawaySeconds });
    printThrowawayFrames(throwaway);
    json.throwawayFrames = throwawayJson(throwaway);
  }

  if (args.latency) {
    const latency = await benchVerdictLatency({ loads: args.latencyLoads });
    printVerdictLatency(latency);
    json.verdictLatency = latencyJson(latency);
  }

  if (args.json) console.log(JSON.stringify(json));
}

/** One line on stderr: exit 2 for bad usage, 1 for a failed measurement. */
function fail(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  const usage = error instanceof UsageError ? ' (npm run bench -- --help)' : '';
  console.error(`${message.startsWith('bench: ') ? '' : 'bench: '}${message.split('\n')[0]}${usage}`);
  process.exit(error instanceof UsageError ? 2 : 1);
}

try {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args.help) console.log(USAGE);
  else await run(args);
} catch (error) {
  fail(error);
}
