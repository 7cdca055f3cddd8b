import { describe, expect, it } from 'vitest';
import { sideCost, type MeasuredSide, type PageCost, type Sample } from '../../../bench/page-cost';
import { latencyJson, pageJson, throwawayJson } from '../../../bench/report';
import { WITHOUT, type SideSpec } from '../../../bench/sides';
import { medianToLast, quantile, spreadOf, summaryOf } from '../../../bench/stats';
import { burstLatency, LOOKALIKE_LOGIN, ORDINARY_ARTICLE, VERIFIED_PAGE } from '../../../bench/verdict-latency';

const spec = (role: SideSpec['role'], label: string): SideSpec => ({ label, role, distDir: `/x/${label}`, world: label, hasServiceWorker: true });
const OURS = spec('ours', 'with extension');
const BASELINE = spec('baseline', 'empty content scripts');
const BADGER = spec('peer', 'Privacy Badger');
const CHECK = spec('peer', 'Check by CyberDrain');

const loads = (cpu: number[]): Sample[] => cpu.map((value) => ({ cpu: value, task: 0, script: 0, thread: 0 }));
const WITHOUT_CPU = [10, 12, 11, 10, 13];

function side(specOf: SideSpec, cpu: number[]): MeasuredSide {
  return { ...sideCost(loads(cpu), loads(WITHOUT_CPU)), spec: specOf, elements: 591, retried: 0 };
}

const cost: PageCost = {
  pagePath: '/article',
  runs: 5,
  warmups: 3,
  frames: 0,
  sides: [
    side(WITHOUT, WITHOUT_CPU),
    side(OURS, [16, 18, 17, 16, 20]),
    side(BASELINE, [11, 13, 12, 11, 14]),
    side(BADGER, [15, 16, 17, 14, 18]),
    side(CHECK, [25, 27, 26, 24, 29]),
  ],
};

describe('the JSON line of npm run bench', () => {
  it('gives each page our added CPU and each peer its own and ours minus it, round by round; no baseline', () => {
    const json = pageJson('article', cost);
    expect(json).toEqual({
      page: 'article',
      // Added, round by round: 6, 6, 6, 6, 7.
      ours: { median: 6 },
      peers: [
        // Added: 5, 4, 6, 4, 5; ours − peer: 1, 2, 0, 2, 2.
        { name: 'Privacy Badger', median: 5, oursMinusPeer: { p25: 1, median: 2, p75: 2 } },
        // Added: 15, 15, 15, 14, 16; ours − peer: −9, −9, −9, −8, −9.
        { name: 'Check by CyberDrain', median: 15, oursMinusPeer: { p25: -9, median: -9, p75: -9 } },
      ],
    });
    expect(Object.keys(json.peers[0]!.oursMinusPeer).sort()).toEqual(['median', 'p25', 'p75']);
    expect(JSON.parse(JSON.stringify({ pages: [json] }))).toEqual({ pages: [json] });
  });

  it('has no peers when none were given, and refuses figures without our build', () => {
    expect(pageJson('frames', { ...cost, sides: cost.sides.slice(0, 3) }).peers).toEqual([]);
    expect(() => pageJson('frames', { ...cost, sides: [cost.sides[0]!, cost.sides[3]!] })).toThrow(/our build/);
  });

  it('rounds times to the hundredth of a ms', () => {
    const ours = side(OURS, WITHOUT_CPU.map((cpu) => cpu + 1.23456));
    expect(pageJson('article', { ...cost, sides: [cost.sides[0]!, ours] }).ours.median).toBe(1.23);
  });

  it('gives the throwaway-frames rates by side (without, ours, peers by name) and each extension its own worlds', () => {
    const json = throwawayJson({
      seconds: 10,
      windows: 5,
      sides: [
        { spec: WITHOUT, fps: 59.94, worlds: {}, ownWorlds: 0 },
        { spec: OURS, fps: 41.26, worlds: { 'with extension': 412 }, ownWorlds: 412 },
        { spec: BADGER, fps: 30.04, worlds: { 'Privacy Badger': 301 }, ownWorlds: 301 },
        { spec: CHECK, fps: 58.5, worlds: {}, ownWorlds: 0 },
      ],
    });
    expect(json).toEqual({
      fps: { without: 59.9, ours: 41.3, 'Privacy Badger': 30, 'Check by CyberDrain': 58.5 },
      isolatedWorlds: { ours: 412, 'Privacy Badger': 301, 'Check by CyberDrain': 0 },
    });
  });

  it('gives the verdict latency by expected level, with the burst', () => {
    const json = latencyJson({
      loads: 3,
      pollMs: 4,
      pages: [
        { page: LOOKALIKE_LOGIN, badge: '!!', fromCommit: summaryOf([200, 210.123, 220]), firstVerdict: summaryOf([50, 55, 60]) },
        { page: VERIFIED_PAGE, badge: '✓', fromCommit: summaryOf([20, 30, 40]), firstVerdict: summaryOf([20, 30, 40]) },
      ],
      burst: burstLatency(
        [
          { committedAt: 1000, domContentLoadedAt: 1100, firstVerdictAt: 1030, verdictAt: 1200 },
          { committedAt: 1500, domContentLoadedAt: 1600, firstVerdictAt: 1550, verdictAt: 1550 },
          { committedAt: 2000, domContentLoadedAt: 2050, firstVerdictAt: 2900, verdictAt: 2900 },
        ],
        [LOOKALIKE_LOGIN, VERIFIED_PAGE, ORDINARY_ARTICLE],
        25,
      ),
    });
    expect(json).toEqual({
      loads: 3,
      pollMs: 4,
      danger: { page: 'd0xy.me/login', badge: '!!', p25: 205.06, median: 210.12, p75: 215.06, max: 220, firstVerdict: { p25: 52.5, median: 55, p75: 57.5, max: 60 } },
      verified: { page: 'doxy.me/', badge: '✓', p25: 25, median: 30, p75: 35, max: 40, firstVerdict: { p25: 25, median: 30, p75: 35, max: 40 } },
      burst: {
        tabs: 3,
        pollMs: 25,
        fromCommit: { median: 200, last: 900, spread: 700 },
        fromDomContentLoaded: { median: 100, last: 850, spread: 750 },
        address: { fromCommit: { median: 50, last: 900, spread: 850 }, fromDomContentLoaded: { median: -50, last: 850, spread: 900 } },
        perTab: [
          { opened: 1, level: 'danger', committed: 0, address: 30, verdict: 200, fromDomContentLoaded: 100 },
          { opened: 2, level: 'verified', committed: 500, address: 50, verdict: 50, fromDomContentLoaded: -50 },
          { opened: 3, level: 'neutral', committed: 1000, address: 900, verdict: 900, fromDomContentLoaded: 850 },
        ],
      },
    });
  });

  it("names the burst's last tab, for its address verdict and for its expected verdict", () => {
    const burst = burstLatency(
      [
        { committedAt: 0, domContentLoadedAt: 50, firstVerdictAt: 700, verdictAt: 900 },
        { committedAt: 10, domContentLoadedAt: 60, firstVerdictAt: 20, verdictAt: 1500 },
        { committedAt: 20, domContentLoadedAt: 70, firstVerdictAt: 40, verdictAt: 40 },
      ],
      [LOOKALIKE_LOGIN, LOOKALIKE_LOGIN, VERIFIED_PAGE],
      25,
    );
    expect(burst.address.lastTab).toEqual({ opened: 1, label: 'look-alike login' });
    expect(burst.lastTab).toEqual({ opened: 2, label: 'look-alike login' });
  });
});

describe('the shared statistics', () => {
  it('interpolates quantiles between order statistics, whatever the input order', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(spreadOf([5, 1, 4, 2, 3])).toEqual({ p25: 2, median: 3, p75: 4 });
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('summarises a latency with its worst case, and a burst as the median against the last', () => {
    expect(summaryOf([3, 1, 2])).toEqual({ p25: 1.5, median: 2, p75: 2.5, max: 3, count: 3 });
    expect(medianToLast([30, 10, 20, 100])).toEqual({ median: 25, last: 100, spread: 75 });
  });
});
