/**
 * The JSON object `npm run bench -- --json` prints as its last line, built from the figures
 * (pure, so its shape is tested without a browser). Times in ms, to the hundredth; frame rates
 * to the tenth. `pages[].ours.median` and a peer's `median` are the JavaScript CPU added per
 * load against the browser without an extension (median of the round-by-round differences,
 * the tables' "added"); `oursMinusPeer` is ours minus the peer, round by round.
 */
import type { PageCost } from './page-cost';
import { pairedDifferences, spreadOf, type MedianToLast, type Spread, type Summary } from './stats';
import type { ThrowawayFrames } from './throwaway-frames';
import type { Level, VerdictLatency } from './verdict-latency';

export interface PageJson {
  page: string;
  ours: { median: number };
  peers: { name: string; median: number; oursMinusPeer: Spread }[];
}

export interface ThrowawayJson {
  /** By side: `without`, `ours`, each peer's name. */
  fps: Record<string, number>;
  /** Each extension's own worlds created in the window: `ours`, each peer's name. */
  isolatedWorlds: Record<string, number>;
}

type LatencySummary = Omit<Summary, 'count'>;

export interface PageLatencyJson extends LatencySummary {
  /** Host and path. */
  page: string;
  /** The badge text waited for. */
  badge: string;
  /** To the first verdict of any level (the look-alike's address alone is a caution). */
  firstVerdict: LatencySummary;
}

/** Single pages by their expected level (`danger`: the look-alike login, `verified`: the platform's page), and the burst. */
export type LatencyJson = Partial<Record<Level, PageLatencyJson>> & {
  loads: number;
  pollMs: number;
  /**
   * `fromCommit` and `fromDomContentLoaded`: to each tab's expected verdict; `address`: to the
   * first verdict each tab showed, from its address alone; `perTab`: each tab's figures.
   */
  burst: {
    tabs: number;
    pollMs: number;
    fromCommit: MedianToLast;
    fromDomContentLoaded: MedianToLast;
    address: { fromCommit: MedianToLast; fromDomContentLoaded: MedianToLast };
    perTab: BurstTabJson[];
  };
};

/** One tab of the burst: `committed` after the burst's first commit; `address` and `verdict` from its own commit; `fromDomContentLoaded` to its expected verdict. */
export interface BurstTabJson {
  opened: number;
  level: Level;
  committed: number;
  address: number;
  verdict: number;
  fromDomContentLoaded: number;
}

export interface BenchJson {
  pages?: PageJson[];
  throwawayFrames?: ThrowawayJson;
  verdictLatency?: LatencyJson;
}

const ms = (value: number): number => Math.round(value * 100) / 100;
const roundAll = <T extends object>(figures: T): T => Object.fromEntries(Object.entries(figures).map(([key, value]) => [key, typeof value === 'number' ? ms(value) : value])) as T;

export function pageJson(page: string, cost: PageCost): PageJson {
  const ours = cost.sides.find((side) => side.spec.role === 'ours');
  if (!ours) throw new Error('bench: no figures for our build');
  const cpu = (samples: readonly { cpu: number }[]): number[] => samples.map((sample) => sample.cpu);
  return {
    page,
    ours: { median: ms(ours.added.cpu.median) },
    peers: cost.sides
      .filter((side) => side.spec.role === 'peer')
      .map((peer) => ({ name: peer.spec.label, median: ms(peer.added.cpu.median), oursMinusPeer: roundAll(spreadOf(pairedDifferences(cpu(ours.samples), cpu(peer.samples)))) })),
  };
}

/** The side's key: `without`, `ours`, or a peer's name (a baseline build is not part of this measurement). */
const keyOf = (side: { spec: { role: string; label: string } }): string => (side.spec.role === 'without' || side.spec.role === 'ours' ? side.spec.role : side.spec.label);

export function throwawayJson(result: ThrowawayFrames): ThrowawayJson {
  return {
    fps: Object.fromEntries(result.sides.map((side) => [keyOf(side), Math.round(side.fps * 10) / 10])),
    isolatedWorlds: Object.fromEntries(result.sides.filter((side) => side.spec.role !== 'without').map((side) => [keyOf(side), side.ownWorlds])),
  };
}

export function latencyJson(result: VerdictLatency): LatencyJson {
  const summary = ({ p25, median, p75, max }: Summary): LatencySummary => roundAll({ p25, median, p75, max });
  const json: LatencyJson = {
    loads: result.loads,
    pollMs: result.pollMs,
    burst: {
      tabs: result.burst.tabs,
      pollMs: result.burst.pollMs,
      fromCommit: roundAll(result.burst.fromCommit),
      fromDomContentLoaded: roundAll(result.burst.fromDomContentLoaded),
      address: { fromCommit: roundAll(result.burst.address.fromCommit), fromDomContentLoaded: roundAll(result.burst.address.fromDomContentLoaded) },
      perTab: result.burst.perTab.map((tab) =>
        roundAll({ opened: tab.opened, level: tab.level, committed: tab.committed, address: tab.addressVerdict, verdict: tab.verdict, fromDomContentLoaded: tab.verdictFromDomContentLoaded }),
      ),
    },
  };
  for (const { page, badge, fromCommit, firstVerdict } of result.pages) {
    json[page.level] = { page: `${page.host}${page.path}`, badge, ...summary(fromCommit), firstVerdict: summary(firstVerdict) };
  }
  return json;
}
