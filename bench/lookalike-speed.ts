/**
 * Lookalike engine speed: for allowlists of 20, 1,000 and 10,000 domains, the index build
 * time and the median time to judge one hostname, beside a plain edit-distance scan over
 * the same list (what a MetaMask-style detector does) measured in the same run.
 */
import { buildAllowlist, type Allowlist } from '../src/core/lists/allowlist';
import { allowlistFileSchema } from '../src/core/lists/allowlist-file';
import { editDistance } from '../src/core/lookalike/edit-distance';
import { splitHost } from '../src/core/hostname';
import { LookalikeIndex } from '../src/core/lookalike/lookalike-index';
import { loadBenignDomains } from '../tests/quality/benign-corpus';

const SIZES = [20, 1_000, 10_000];
const QUERIES = 4_000;
const BUILD_RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A deterministic shuffle (so every run judges the same hosts in the same order). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function allowlistOf(domains: readonly string[]): Allowlist {
  const file = allowlistFileSchema.parse({ version: 1, entries: domains.map((domain) => ({ domain, name: domain })) });
  return buildAllowlist([{ source: 'policy', file }]);
}

/** Typos of listed names and unrelated real names, half and half. */
function queriesFor(listed: readonly string[], unrelated: readonly string[]): string[] {
  const typos = listed.slice(0, QUERIES / 2).map((domain, i) => {
    const parts = splitHost(domain)!;
    const at = 1 + (i % Math.max(1, parts.name.length - 1));
    return `${parts.name.slice(0, at)}${parts.name.slice(at + 1)}.${parts.suffix}`;
  });
  const plenty = Array.from({ length: QUERIES / 2 }, (_, i) => typos[i % typos.length]!);
  return shuffled([...plenty, ...unrelated.slice(0, QUERIES / 2)], 7);
}

function timePerHost(hosts: readonly string[], judge: (host: string) => unknown): number {
  for (const host of hosts.slice(0, 200)) judge(host); // warm-up: JIT and caches
  const times: number[] = [];
  for (const host of hosts) {
    const start = process.hrtime.bigint();
    judge(host);
    times.push(Number(process.hrtime.bigint() - start) / 1_000);
  }
  return median(times);
}

/**
 * The baseline: every listed name compared with the host's name by edit distance, as
 * MetaMask's detector does (`plain`); and the same scan with the distance cut short past 2
 * (`earlyExit`), a stronger baseline shown beside it.
 */
function scanJudge(allowlist: Allowlist, earlyExit: boolean): (host: string) => boolean {
  const names = [...allowlist.byDomain.keys()].map((domain) => splitHost(domain)?.name ?? domain);
  const limit = earlyExit ? 2 : Infinity;
  return (host) => {
    const name = splitHost(host)?.name ?? host;
    return names.some((listed) => editDistance(name, listed, limit) <= 2);
  };
}

export interface SpeedRow {
  domains: number;
  buildMs: number;
  indexMicros: number;
  scanMicros: number;
  earlyExitScanMicros: number;
}

export function benchLookalikeSpeed(): SpeedRow[] {
  const corpus = shuffled(loadBenignDomains(), 42);
  const rows: SpeedRow[] = [];
  for (const size of SIZES) {
    const listed = corpus.slice(0, size);
    const allowlist = allowlistOf(listed);
    const builds: number[] = [];
    let index = new LookalikeIndex(allowlist);
    for (let run = 0; run < BUILD_RUNS; run++) {
      const start = performance.now();
      index = new LookalikeIndex(allowlist);
      builds.push(performance.now() - start);
    }
    const hosts = queriesFor(listed, corpus.slice(size, size + QUERIES / 2));
    const indexMicros = timePerHost(hosts, (host) => index.find(host));
    // The scans take milliseconds a host at 10,000 domains: a sample of the hosts suffices.
    const scanHosts = hosts.slice(0, size >= 10_000 ? 400 : hosts.length);
    const scanMicros = timePerHost(scanHosts, scanJudge(allowlist, false));
    const earlyExitScanMicros = timePerHost(scanHosts, scanJudge(allowlist, true));
    rows.push({ domains: size, buildMs: median(builds), indexMicros, scanMicros, earlyExitScanMicros });
  }
  return rows;
}
